//! The catalog: one Markdown page per event type, as the source documents are written, and an
//! index page that links them.
//!
//! A page holds, in order: the title (the type string without its dots), the event's doc
//! comment, `Payload` (a table of every member with its dotted path, its type notation, ✅ or —
//! for required, and its doc comment), `Example` (the event's example fixture, indented, in a
//! `json` fence) and `Shape` (the envelope's outline built from the recorded shapes, optional
//! members marked `?`). The title and section names are plain paragraphs, not `#` headings:
//! the source documents carry no heading markup, and a page must equal its source document
//! word for word.
//!
//! ```
//! use events_core::{domain_event, Registry};
//!
//! /// A widget was renamed.
//! #[domain_event(type = "Widget.Renamed")]
//! pub struct WidgetRenamed {
//!     /// The widget's new name.
//!     pub name: String,
//! }
//!
//! let registry = Registry::global().unwrap();
//! let page = events_codegen::catalog::page(registry.get("Widget.Renamed").unwrap());
//! assert!(page.starts_with("WidgetRenamed\n\nA widget was renamed.\n\nPayload\n"));
//! assert!(page.contains("\n| name | string | ✅ | The widget's new name. |\n"));
//! ```

use std::fmt::Write as _;

use events_core::{EventDescriptor, Member, ObjectShape, Registry, Shape, KIND};

use crate::json::{quote, reindent, Json};
use crate::objects::{one_line, prose, summary};

/// The file a type's page is written to, and the index links to: `Namespace.EventName.md`,
/// as the source documents are named.
///
/// ```
/// use events_core::{domain_event, Registry};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {}
///
/// let descriptor = Registry::global().unwrap().get("Widget.Renamed").unwrap();
/// assert_eq!(events_codegen::catalog::file_name(descriptor), "Widget.Renamed.md");
/// ```
pub fn file_name(descriptor: &EventDescriptor) -> String {
    format!("{}.md", descriptor.event_type())
}

/// The Markdown page of one event type.
///
/// ```
/// use events_core::{domain_event, EventValue, Registry};
///
/// /// How it went.
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, EventValue)]
/// pub enum Outcome {
///     /// Fine.
///     Applied,
///     /// Not fine.
///     Failed,
/// }
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {
///     /// How the renaming went.
///     pub outcome: Option<Outcome>,
///     /// Former names.
///     pub former_names: Vec<String>,
/// }
///
/// let page = events_codegen::catalog::page(Registry::global().unwrap().get("Widget.Renamed").unwrap());
/// // A literal union's `|` is escaped inside the table cell.
/// assert!(page.contains(r#"| outcome | "Applied" \| "Failed" (literal) | — | How the renaming went. |"#));
/// assert!(page.contains("| formerNames | string[] | ✅ | Former names. |"));
/// assert!(page.contains("| owner.organizationUid | string | ✅ |"));
/// assert!(page.contains("\nShape\n\n```json\n{\n  \"id\": \"string\",\n  \"kind\": \"domain\","));
/// assert!(page.contains("    \"outcome?\": \"Applied | Failed\",\n    \"formerNames\": [\n      \"string\"\n    ],"));
/// ```
pub fn page(descriptor: &EventDescriptor) -> String {
    let event_type = descriptor.event_type();
    let payload = descriptor.payload();
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", title(event_type));
    let doc = prose(payload.doc);
    if !doc.is_empty() {
        let _ = writeln!(out, "{doc}\n");
    }

    out.push_str("Payload\n\n");
    out.push_str("| Field | Type | Required | Description |\n");
    out.push_str("|---|---|---|---|\n");
    rows(&mut out, "", payload, event_type);

    if let Some(example) = descriptor.example() {
        let _ = write!(out, "\nExample\n\n```json\n{}\n```\n", reindent(example));
    }

    let shape = Json::object([
        ("id", Json::str("string")),
        ("kind", Json::str(KIND)),
        ("type", Json::str(event_type)),
        ("payload", outline(payload, event_type)),
    ]);
    let _ = write!(out, "\nShape\n\n```json\n{}\n```\n", shape.pretty());
    out
}

/// The index page: every registered type, linked to its page ([`file_name`]), with the first
/// paragraph of its doc comment.
///
/// ```
/// use events_core::{domain_event, Registry};
///
/// /// A widget was renamed.
/// ///
/// /// Only the name changes.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {}
///
/// let index = events_codegen::catalog::index(Registry::global().unwrap());
/// assert!(index.starts_with("# Event catalog\n"));
/// assert!(index.contains("\n| [Widget.Renamed](Widget.Renamed.md) | A widget was renamed. |\n"));
/// ```
pub fn index(registry: &Registry) -> String {
    let mut out = String::from("# Event catalog\n\n");
    let _ = writeln!(
        out,
        "{} event {}, generated from the Rust definitions.\n",
        registry.len(),
        if registry.len() == 1 { "type" } else { "types" }
    );
    out.push_str("| Type | Description |\n");
    out.push_str("|---|---|\n");
    for descriptor in registry.descriptors() {
        let _ = writeln!(
            out,
            "| [{}]({}) | {} |",
            cell(descriptor.event_type()),
            file_name(descriptor),
            cell(&summary(&prose(descriptor.payload().doc))),
        );
    }
    out
}

/// The page title: the type string without its dots, as the source documents title it.
fn title(event_type: &str) -> String {
    event_type.replace('.', "")
}

/// One table row per member of `object`, and after each object member the rows of its own
/// members (`path.member`; `path[].member` for objects inside arrays).
fn rows(out: &mut String, prefix: &str, object: &ObjectShape, event_type: &str) {
    for member in object.members {
        let path = if prefix.is_empty() {
            member.name.to_owned()
        } else {
            format!("{prefix}.{}", member.name)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            cell(&path),
            cell(&notation(member, event_type)),
            if member.required { "✅" } else { "—" },
            cell(&one_line(&prose(member.doc))),
        );
        let mut shape = member.shape;
        let mut path = path;
        while let Shape::Array(inner) = shape {
            shape = inner;
            path.push_str("[]");
        }
        if let Shape::Object(inner) | Shape::Owner(inner) = shape {
            rows(out, &path, inner, event_type);
        }
    }
}

/// A member's type as the documents write it: `string`, `boolean`, `number`, `object`,
/// `string[]`, or a literal union such as `"Pending" | "Applied" (literal)`.
fn notation(member: &Member, event_type: &str) -> String {
    fn literal(shape: &Shape) -> bool {
        match shape {
            Shape::Literals(_) | Shape::Discriminator => true,
            Shape::Array(inner) => literal(inner),
            _ => false,
        }
    }
    fn write(shape: &Shape, event_type: &str) -> String {
        match shape {
            Shape::Literals(values) => values
                .iter()
                .map(|v| quote(v))
                .collect::<Vec<_>>()
                .join(" | "),
            Shape::Discriminator => quote(event_type),
            Shape::Array(inner) => match inner {
                Shape::Literals(values) if values.len() > 1 => {
                    format!("({})[]", write(inner, event_type))
                }
                _ => format!("{}[]", write(inner, event_type)),
            },
            shape => shape.notation(),
        }
    }
    let text = write(member.shape, event_type);
    if literal(member.shape) {
        format!("{text} (literal)")
    } else {
        text
    }
}

/// `text` made safe for a table cell: one line, `|` escaped.
fn cell(text: &str) -> String {
    text.replace('\n', " ").replace('|', "\\|")
}

/// The `Shape` section's outline of an object: each member (`name?` where optional) with
/// the type it holds.
fn outline(object: &ObjectShape, event_type: &str) -> Json {
    Json::Object(
        object
            .members
            .iter()
            .map(|member| {
                let key = if member.required {
                    member.name.to_owned()
                } else {
                    format!("{}?", member.name)
                };
                (key, outline_shape(member.shape, event_type))
            })
            .collect(),
    )
}

fn outline_shape(shape: &Shape, event_type: &str) -> Json {
    match shape {
        Shape::Array(inner) => Json::Array(vec![outline_shape(inner, event_type)]),
        Shape::Object(object) | Shape::Owner(object) => outline(object, event_type),
        Shape::Literals(values) => Json::str(values.join(" | ")),
        Shape::Discriminator => Json::str(event_type),
        shape => Json::str(shape.notation()),
    }
}
