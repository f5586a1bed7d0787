//! The contract checker: names the one defect of an event the fast reader rejected.
//!
//! It walks the event's recorded [`ObjectShape`] over a full parse of the bytes, in the order
//! of `CONTRACT.md` section 3 ("Which kind, when several could apply"): bytes first, then
//! duplicate keys, then for each member its presence, its JSON type and only then its value.
//! Rejections are rare, so clarity wins over speed here.
//!
//! Should it find nothing wrong, the two readers disagree; the one known case, an integer
//! written `-0`, is handed back to the fast reader to read again ([`Valid`]).

use std::cell::RefCell;

use super::tree::{self, JsonStr, Node};
use crate::error::{Error, ErrorKind};
use crate::shape::{Member, ObjectShape, Shape};

/// Names the payload shape for an envelope `type`, or says why there is none.
pub(crate) type Resolver<'r> = &'r dyn Fn(&str) -> Result<&'static ObjectShape, String>;

/// An event the fast reader rejected that keeps the contract all the same.
#[derive(Debug, Default)]
pub(crate) struct Valid {
    /// Byte offsets of the `-` of integers written `-0`: the integer 0 to the contract, the
    /// float -0.0 to serde_json, which no integer type accepts.
    pub negative_zeros: Vec<usize>,
}

/// Checks `src`, an event that the fast reader rejected, against the contract: its one
/// error, or what the fast reader needs to read it after all.
pub(crate) fn check(src: &str, resolve: Resolver<'_>) -> Result<Valid, Error> {
    let root = match tree::parse(src) {
        Ok(root) => root,
        Err(syntax) => {
            let (line, column) = line_and_column(&src.as_bytes()[..syntax.offset.min(src.len())]);
            return Err(Error::new(
                ErrorKind::MalformedJson,
                "",
                format!("{} (line {line}, column {column})", syntax.message),
            ));
        }
    };
    let negative_zeros = RefCell::new(Vec::new());
    check_envelope(&root, resolve, &negative_zeros).map_err(|error| {
        let (id, event_type) = envelope_strings(&root);
        error.with_envelope(id, event_type)
    })?;
    Ok(Valid {
        negative_zeros: negative_zeros.into_inner(),
    })
}

/// The error for an event that the fast reader rejects and the checker accepts: the two
/// readers disagree, which is a bug. `detail` is what the fast reader said.
pub(crate) fn disagreement(src: &str, detail: &str) -> Error {
    let (id, event_type) = match tree::parse(src) {
        Ok(root) => envelope_strings(&root),
        Err(_) => (None, None),
    };
    Error::new(
        ErrorKind::MalformedJson,
        "",
        format!("the event could not be read: {detail}"),
    )
    .with_envelope(id, event_type)
}

/// 1-based line and column (in characters) of the end of `before`, the bytes of an event
/// that come before some position in it.
pub(crate) fn line_and_column(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

fn envelope_strings(root: &Node<'_>) -> (Option<String>, Option<String>) {
    let Node::Object(members) = root else {
        return (None, None);
    };
    let string = |name: &str| match first(members, name) {
        Some(Node::String(s)) if !s.lone_surrogate => Some(s.text.clone().into_owned()),
        _ => None,
    };
    (string("id"), string("type"))
}

type Members<'n, 'a> = &'n [(JsonStr<'a>, Node<'a>)];

fn first<'n, 'a>(members: Members<'n, 'a>, name: &str) -> Option<&'n Node<'a>> {
    members
        .iter()
        .find(|(key, _)| key.text == name)
        .map(|(_, value)| value)
}

const ENVELOPE: [Member; 4] = [
    Member {
        name: "id",
        field: "id",
        shape: &Shape::NonEmptyString,
        required: true,
        doc: "",
    },
    Member {
        name: "kind",
        field: "kind",
        shape: &Shape::Literals(&[crate::envelope::KIND]),
        required: true,
        doc: "",
    },
    Member {
        name: "type",
        field: "type",
        shape: &Shape::String,
        required: true,
        doc: "",
    },
    Member {
        name: "payload",
        field: "payload",
        shape: &Shape::Object(&ObjectShape {
            rust_name: "",
            doc: "",
            members: &[],
        }),
        required: true,
        doc: "",
    },
];

fn check_envelope(
    root: &Node<'_>,
    resolve: Resolver<'_>,
    negative_zeros: &RefCell<Vec<usize>>,
) -> Result<(), Error> {
    let Node::Object(members) = root else {
        return Err(Error::new(
            ErrorKind::InvalidType,
            "",
            format!(
                "expected an event envelope (a JSON object), found {}",
                found(Some(root))
            ),
        ));
    };
    check_keys(members, &ENVELOPE, "")?;
    let [id, kind, event_type, _payload] = &ENVELOPE;
    let checker = Checker {
        event_type: "",
        negative_zeros,
    };
    checker.check_member(members, id, "")?;
    checker.check_member(members, kind, "")?;
    checker.check_member(members, event_type, "")?;
    // Present, a string, and without a lone surrogate: checked just above.
    let Some(Node::String(type_name)) = first(members, "type") else {
        return unreachable_as_error();
    };
    let shape = resolve(&type_name.text)
        .map_err(|message| Error::new(ErrorKind::UnknownType, "type", message))?;
    match first(members, "payload") {
        None | Some(Node::Null) => Err(Error::new(
            ErrorKind::MissingField,
            "payload",
            format!(
                "expected the payload object, found {}",
                found(first(members, "payload"))
            ),
        )),
        Some(Node::Object(payload)) => {
            let checker = Checker {
                event_type: &type_name.text,
                negative_zeros,
            };
            checker.check_object(payload, shape, "payload")
        }
        Some(other) => Err(Error::new(
            ErrorKind::InvalidType,
            "payload",
            format!("expected the payload object, found {}", found(Some(other))),
        )),
    }
}

/// Only reached if the checks above stop holding; an error, never a panic.
fn unreachable_as_error<T>() -> Result<T, Error> {
    Err(Error::new(
        ErrorKind::InvalidType,
        "type",
        "expected a string, found something else",
    ))
}

/// Rule 2, and the names themselves: a defined key given twice is `duplicate_key`, and a key
/// with a lone surrogate escape in an object the event reads is not JSON the event can read.
fn check_keys(members: Members<'_, '_>, defined: &[Member], path: &str) -> Result<(), Error> {
    let mut seen = vec![false; defined.len()];
    for (key, _) in members {
        if key.lone_surrogate {
            return Err(Error::new(
                ErrorKind::MalformedJson,
                path,
                "expected a member name of valid Unicode, found a lone surrogate escape",
            ));
        }
        if let Some(i) = defined.iter().position(|m| m.name == key.text) {
            if seen[i] {
                return Err(Error::new(
                    ErrorKind::DuplicateKey,
                    join(path, &key.text),
                    format!(
                        "expected `{}` once in this object, found it twice",
                        key.text
                    ),
                ));
            }
            seen[i] = true;
        }
    }
    Ok(())
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

struct Checker<'t> {
    /// The envelope's `type`, which the payload's must equal.
    event_type: &'t str,
    /// Where the integers written `-0` are (see [`Valid`]).
    negative_zeros: &'t RefCell<Vec<usize>>,
}

impl Checker<'_> {
    fn check_object(
        &self,
        members: Members<'_, '_>,
        shape: &ObjectShape,
        path: &str,
    ) -> Result<(), Error> {
        check_keys(members, shape.members, path)?;
        for member in shape.members {
            self.check_member(members, member, path)?;
        }
        Ok(())
    }

    fn check_member(
        &self,
        members: Members<'_, '_>,
        member: &Member,
        parent: &str,
    ) -> Result<(), Error> {
        let path = join(parent, member.name);
        let value = first(members, member.name);
        let result = match value {
            None | Some(Node::Null) if member.required => Err(Error::new(
                ErrorKind::MissingField,
                &path,
                format!(
                    "expected {}, found {}",
                    expected(member.shape),
                    found(value)
                ),
            )),
            None | Some(Node::Null) => Ok(()),
            Some(node) => self.check_value(node, member.shape, &path),
        };
        // Everything wrong with the owner is `invalid_owner`, but for the byte rules and
        // duplicate keys, which come first (section 3, rules 1 and 2).
        match (member.shape, result) {
            (Shape::Owner(_), Err(e))
                if !matches!(e.kind(), ErrorKind::MalformedJson | ErrorKind::DuplicateKey) =>
            {
                Err(Error::new(ErrorKind::InvalidOwner, e.path(), e.message()))
            }
            (_, result) => result,
        }
    }

    fn check_value(&self, node: &Node<'_>, shape: &Shape, path: &str) -> Result<(), Error> {
        let wrong_type = || {
            Err(Error::new(
                ErrorKind::InvalidType,
                path,
                format!("expected {}, found {}", expected(shape), found(Some(node))),
            ))
        };
        let wrong_value = |message: String| Err(Error::new(ErrorKind::InvalidValue, path, message));
        match (shape, node) {
            (Shape::String, Node::String(s)) => readable(s, path),
            (Shape::NonEmptyString, Node::String(s)) => {
                readable(s, path)?;
                if s.text.is_empty() {
                    return wrong_value("expected a non-empty string, found \"\"".into());
                }
                Ok(())
            }
            (Shape::Boolean, Node::Bool(_)) => Ok(()),
            (Shape::Number, Node::Number { text: n, .. }) => match n.parse::<f64>() {
                Ok(x) if x.is_finite() => Ok(()),
                _ => wrong_value(format!(
                    "expected a number that fits a 64-bit float, found {n}"
                )),
            },
            (Shape::Integer, Node::Number { text: n, offset }) => {
                if n.contains(['.', 'e', 'E']) {
                    wrong_type()
                } else if n.parse::<i64>().is_err() {
                    wrong_value(format!(
                        "expected an integer that fits in 64 signed bits, found {n}"
                    ))
                } else {
                    if *n == "-0" {
                        self.negative_zeros.borrow_mut().push(*offset);
                    }
                    Ok(())
                }
            }
            (Shape::Array(inner), Node::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    self.check_value(item, inner, &format!("{path}[{i}]"))?;
                }
                Ok(())
            }
            (Shape::Object(object) | Shape::Owner(object), Node::Object(members)) => {
                self.check_object(members, object, path)
            }
            (Shape::Literals(values), Node::String(s)) => {
                readable(s, path)?;
                if values.iter().any(|v| *v == s.text) {
                    Ok(())
                } else {
                    wrong_value(format!(
                        "expected {}, found {}",
                        expected(shape),
                        found(Some(node))
                    ))
                }
            }
            (Shape::Discriminator, Node::String(s)) => {
                readable(s, path)?;
                if s.text == self.event_type {
                    Ok(())
                } else {
                    Err(Error::new(
                        ErrorKind::TypeMismatch,
                        path,
                        format!(
                            "expected \"{}\", the envelope's type, found {}",
                            self.event_type,
                            found(Some(node))
                        ),
                    ))
                }
            }
            _ => wrong_type(),
        }
    }
}

/// Rule 1: a string the event reads must be valid Unicode.
fn readable(s: &JsonStr<'_>, path: &str) -> Result<(), Error> {
    if s.lone_surrogate {
        Err(Error::new(
            ErrorKind::MalformedJson,
            path,
            "expected a string of valid Unicode, found a lone surrogate escape",
        ))
    } else {
        Ok(())
    }
}

fn expected(shape: &Shape) -> String {
    match shape {
        Shape::String | Shape::Discriminator => "a string".into(),
        Shape::NonEmptyString => "a non-empty string".into(),
        Shape::Boolean => "true or false".into(),
        Shape::Number => "a number".into(),
        Shape::Integer => "an integer".into(),
        Shape::Array(inner) => format!("an array of {}", plural(inner)),
        Shape::Object(_) => "an object".into(),
        Shape::Owner(object) => match object.member("ownershipType").map(|m| m.shape) {
            Some(Shape::Literals([literal])) => format!("an owner object of kind \"{literal}\""),
            _ => "an owner object".into(),
        },
        Shape::Literals([one]) => format!("\"{one}\""),
        Shape::Literals(values) => format!("one of {}", quoted_list(values)),
    }
}

fn plural(shape: &Shape) -> String {
    match shape {
        Shape::String | Shape::NonEmptyString | Shape::Discriminator => "strings".into(),
        Shape::Boolean => "booleans".into(),
        Shape::Number => "numbers".into(),
        Shape::Integer => "integers".into(),
        Shape::Array(inner) => format!("arrays of {}", plural(inner)),
        Shape::Object(_) | Shape::Owner(_) => "objects".into(),
        Shape::Literals(values) => format!("strings among {}", quoted_list(values)),
    }
}

fn quoted_list(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("\"{v}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What was found, for the message: `nothing`, `null`, `the number 1.5`, `the string "x"`.
fn found(node: Option<&Node<'_>>) -> String {
    match node {
        None => "nothing".into(),
        Some(Node::Null) => "null".into(),
        Some(Node::Bool(b)) => b.to_string(),
        Some(Node::Number { text, .. }) => format!("the number {text}"),
        Some(Node::String(s)) => {
            const MAX: usize = 40;
            let mut text: String = s.text.chars().take(MAX).collect();
            if s.text.chars().nth(MAX).is_some() {
                text.push('…');
            }
            format!("{text:?}")
        }
        Some(Node::Array(_)) => "an array".into(),
        Some(Node::Object(_)) => "an object".into(),
    }
}
