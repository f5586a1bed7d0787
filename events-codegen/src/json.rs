//! A small JSON tree that keeps its members in the order they were added, and the one pretty
//! layout every generator writes (two spaces per level, `"key": value`, as `serde_json`'s
//! pretty printer), so that generated documents read in a meaningful order without enabling
//! `serde_json`'s `preserve_order` for the whole workspace.

use std::fmt::Write as _;

/// A JSON value whose objects keep insertion order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// A string value.
    pub(crate) fn str(s: impl Into<String>) -> Json {
        Json::Str(s.into())
    }

    /// An object from `(key, value)` pairs, in that order.
    pub(crate) fn object<K: Into<String>>(members: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(members.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    /// An array of strings.
    pub(crate) fn strings<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Json {
        Json::Array(items.into_iter().map(|s| Json::Str(s.into())).collect())
    }

    /// The value as `serde_json` holds it (which sorts object keys).
    pub(crate) fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => Value::Bool(*b),
            Json::Int(i) => Value::from(*i),
            Json::Str(s) => Value::String(s.clone()),
            Json::Array(items) => Value::Array(items.iter().map(Json::to_value).collect()),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
        }
    }

    /// The value as pretty-printed JSON text, without a final newline.
    pub(crate) fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, level: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Json::Str(s) => out.push_str(&quote(s)),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    indent(out, level + 1);
                    item.write(out, level + 1);
                }
                out.push('\n');
                indent(out, level);
                out.push(']');
            }
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    out.push_str(if i == 0 { "\n" } else { ",\n" });
                    indent(out, level + 1);
                    out.push_str(&quote(key));
                    out.push_str(": ");
                    value.write(out, level + 1);
                }
                out.push('\n');
                indent(out, level);
                out.push('}');
            }
        }
    }
}

fn indent(out: &mut String, level: usize) {
    for _ in 0..level {
        out.push_str("  ");
    }
}

/// `s` as a JSON string literal.
pub(crate) fn quote(s: &str) -> String {
    // Serializing a string cannot fail.
    serde_json::to_string(s).unwrap_or_default()
}

/// JSON text laid out as [`Json::pretty`] lays it out, with every member, its order and the
/// spelling of every string and number kept as written. The text is not validated: anything
/// that is not JSON comes out re-spaced but otherwise as it was.
pub(crate) fn reindent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut level = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                let mut escaped = false;
                for c in chars.by_ref() {
                    out.push(c);
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
            }
            '{' | '[' => {
                let close = if c == '{' { '}' } else { ']' };
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(c);
                    out.push(close);
                } else {
                    level += 1;
                    out.push(c);
                    out.push('\n');
                    indent(&mut out, level);
                }
            }
            '}' | ']' => {
                level = level.saturating_sub(1);
                out.push('\n');
                indent(&mut out, level);
                out.push(c);
            }
            ',' => {
                out.push_str(",\n");
                indent(&mut out, level);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_keeps_order_and_lays_out_like_serde_json() {
        let json = Json::object([
            ("z", Json::Int(-1)),
            ("a", Json::Array(vec![Json::Null, Json::Bool(true)])),
            ("e", Json::Array(vec![])),
            ("o", Json::object::<&str>([])),
            ("s", Json::str("q\"u|o\nte")),
        ]);
        let text = json.pretty();
        assert!(text.starts_with("{\n  \"z\": -1,\n  \"a\": [\n    null,\n    true\n  ],"));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value, json.to_value());
        assert_eq!(
            serde_json::to_string_pretty(&value).unwrap().len(),
            text.len()
        );
    }

    #[test]
    fn reindent_matches_serde_json_pretty_and_keeps_spelling() {
        let text = r#" {"b":[ ],"a":{"x":[1,2.50,{}],"y":"a,b:{c}\"]"},"c":{ }} "#;
        let out = reindent(text);
        assert_eq!(
            out,
            "{\n  \"b\": [],\n  \"a\": {\n    \"x\": [\n      1,\n      2.50,\n      {}\n    ],\n    \"y\": \"a,b:{c}\\\"]\"\n  },\n  \"c\": {}\n}"
        );
        assert_eq!(reindent(&out), out);
    }
}
