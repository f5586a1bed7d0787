//! The named objects a set of payloads uses (the owner, the originator, nested structs), each
//! named once, so that the schema's `$defs` and the TypeScript interfaces share one part per
//! Rust type however many events use it.

use events_core::{EventValue, ObjectShape, Originator, Shape};

/// Every object nested in some payloads, in the order a walk of the payloads first meets
/// them, with a unique name each.
pub(crate) struct Objects {
    named: Vec<(String, &'static ObjectShape)>,
    reserved: Vec<String>,
}

impl Objects {
    /// Every object nested in `payloads` (not the payloads themselves), with a unique name
    /// each that is none of `reserved`.
    ///
    /// The parts every payload carries (its owner, the originator) are named first, so that
    /// they keep their Rust names whatever other objects the events define.
    pub(crate) fn new(
        reserved: Vec<String>,
        payloads: impl IntoIterator<Item = &'static ObjectShape> + Clone,
    ) -> Objects {
        let mut objects = Objects {
            named: Vec::new(),
            reserved,
        };
        let originator = <Originator as EventValue>::SHAPE;
        for payload in payloads.clone() {
            for member in payload.members {
                if matches!(member.shape, Shape::Owner(_)) || *member.shape == originator {
                    objects.collect_shape(member.shape);
                }
            }
        }
        for payload in payloads {
            objects.collect(payload);
        }
        objects
    }

    fn collect(&mut self, payload: &'static ObjectShape) {
        for member in payload.members {
            self.collect_shape(member.shape);
        }
    }

    fn collect_shape(&mut self, shape: &'static Shape) {
        match shape {
            Shape::Array(inner) => self.collect_shape(inner),
            Shape::Object(object) | Shape::Owner(object) if self.find(object).is_none() => {
                let name = self.unique(&identifier(object.rust_name, "Object"));
                self.named.push((name, object));
                self.collect(object);
            }
            _ => {}
        }
    }

    fn find(&self, object: &ObjectShape) -> Option<&str> {
        self.named
            .iter()
            .find(|(_, o)| *o == object)
            .map(|(name, _)| name.as_str())
    }

    fn unique(&self, base: &str) -> String {
        let taken = |name: &str| {
            self.reserved.iter().any(|r| r == name) || self.named.iter().any(|(n, _)| n == name)
        };
        let mut name = base.to_owned();
        let mut n = 2;
        while taken(&name) {
            name = format!("{base}{n}");
            n += 1;
        }
        name
    }

    /// The name given to `object`. It must have been collected.
    pub(crate) fn name(&self, object: &ObjectShape) -> &str {
        self.find(object).unwrap_or(object.rust_name)
    }

    /// Every object with its name, in collection order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &'static ObjectShape)> + '_ {
        self.named
            .iter()
            .map(|(name, object)| (name.as_str(), *object))
    }
}

/// `text` as an identifier: ASCII letters, digits and `_` kept, anything else dropped, and
/// `fallback` if nothing is left or it would start with a digit.
pub(crate) fn identifier(text: &str, fallback: &str) -> String {
    let id: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    match id.chars().next() {
        Some(c) if !c.is_ascii_digit() => id,
        _ => format!("{fallback}{id}"),
    }
}

/// The first paragraph of a doc comment, on one line.
pub(crate) fn summary(doc: &str) -> String {
    let paragraph = doc.split("\n\n").next().unwrap_or("");
    one_line(paragraph)
}

/// A doc comment on one line: its lines, trimmed, joined with single spaces.
pub(crate) fn one_line(doc: &str) -> String {
    doc.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A doc comment without its fenced code blocks (Rust examples mean nothing to a service in
/// another language), its paragraphs kept.
pub(crate) fn prose(doc: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut fence: Option<&str> = None;
    for line in doc.lines() {
        let trimmed = line.trim_start();
        match fence {
            Some(marker) => {
                if trimmed.starts_with(marker) {
                    fence = None;
                }
            }
            None if trimmed.starts_with("```") || trimmed.starts_with("~~~") => {
                fence = Some(&trimmed[..3]);
            }
            None => {
                if !(line.trim().is_empty() && out.last().is_none_or(|l| l.trim().is_empty())) {
                    out.push(line);
                }
            }
        }
    }
    out.join("\n").trim().to_owned()
}

/// The prose of a doc comment with each paragraph on one line, for formats that wrap text
/// themselves (a schema's descriptions).
pub(crate) fn reflow(doc: &str) -> String {
    prose(doc)
        .split("\n\n")
        .map(one_line)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_drops_code_blocks_and_keeps_paragraphs() {
        let doc =
            "Actor of an event.\nSecond line.\n\n```\nlet x = 1;\n```\n\nMore.\n\n~~~text\nx\n~~~";
        assert_eq!(prose(doc), "Actor of an event.\nSecond line.\n\nMore.");
        assert_eq!(summary(&prose(doc)), "Actor of an event. Second line.");
        assert_eq!(reflow(doc), "Actor of an event. Second line.\n\nMore.");
    }

    #[test]
    fn identifiers_drop_what_is_not_one() {
        assert_eq!(
            identifier("Device.ProvisioningRecipeUpdated", "E"),
            "DeviceProvisioningRecipeUpdated"
        );
        assert_eq!(identifier("9.Lives", "E"), "E9Lives");
    }
}
