//! JSON Schema (draft 2020-12) for event envelopes, built from the registry's shapes.
//!
//! The schema says what the contract (`spec/CONTRACT.md`) says, as far as JSON Schema can:
//!
//! - the envelope's four members are required; `id` is a non-empty string, `kind` is the
//!   constant `"domain"`, `type` the event's type string, `payload` an object;
//! - a required member must be present and not `null`; an optional member may be absent or
//!   `null` (both mean unset);
//! - unknown members are allowed at every level (`additionalProperties: true`);
//! - `uid` and the owner's uids are non-empty strings (`minLength: 1`), the owner's
//!   `ownershipType` is the constant the event demands, literal unions are `enum`s, the
//!   payload's `type` is the constant event type, integers are `integer`s in the signed
//!   64-bit range;
//! - descriptions are the doc comments.
//!
//! What it cannot say, because JSON Schema sees a parsed value and not the bytes: that a key
//! appears at most once in an object, that nesting stops at [`events_core::MAX_DEPTH`], that a
//! string holds no lone surrogate, that the bytes are UTF-8 without a byte order mark, and that
//! an integer is written without a fraction or an exponent (`1.0` is an integer to JSON Schema).
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
//! let schema = events_codegen::schema::all(registry).to_value();
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! let renamed = &schema["$defs"]["Widget.Renamed"];
//! assert_eq!(renamed["properties"]["type"]["const"], "Widget.Renamed");
//! assert_eq!(
//!     renamed["properties"]["payload"]["properties"]["name"]["description"],
//!     "The widget's new name."
//! );
//! ```

use std::fmt;

use events_core::{EventDescriptor, Member, ObjectShape, Registry, Shape, KIND};

use crate::json::Json;
use crate::objects::{reflow, Objects};

/// The JSON Schema dialect every generated schema declares in `$schema`.
///
/// ```
/// assert!(events_codegen::schema::DIALECT.contains("2020-12"));
/// ```
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A generated JSON Schema document.
///
/// It displays as pretty-printed JSON (two spaces per level) with its keywords in a reading
/// order (`$schema`, title, description, then the constraints, `$defs` last);
/// [`to_value`](Schema::to_value) gives it to a validator.
///
/// ```
/// use events_core::{domain_event, Registry};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {}
///
/// let registry = Registry::global().unwrap();
/// let schema = events_codegen::schema::event(registry.get("Widget.Renamed").unwrap());
/// let text = schema.to_string();
/// assert!(text.starts_with("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"title\": \"Widget.Renamed\","));
/// let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
/// assert_eq!(parsed, schema.to_value());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Schema(Json);

impl Schema {
    /// The schema as a `serde_json` value (whose objects sort their keys).
    ///
    /// ```
    /// use events_core::{domain_event, Registry};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// pub struct WidgetRenamed {}
    ///
    /// let registry = Registry::global().unwrap();
    /// let schema = events_codegen::schema::event(registry.get("Widget.Renamed").unwrap()).to_value();
    /// assert_eq!(schema["properties"]["kind"]["const"], "domain");
    /// assert_eq!(schema["required"], serde_json::json!(["id", "kind", "type", "payload"]));
    /// ```
    pub fn to_value(&self) -> serde_json::Value {
        self.0.to_value()
    }
}

impl fmt::Display for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.pretty())
    }
}

/// The schema of one event type's envelope: a standalone document whose `$defs` hold the
/// objects its payload uses (the owner, the originator, nested objects).
///
/// ```
/// use events_core::{domain_event, Registry};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {
///     /// Why, if anyone said.
///     pub reason: Option<String>,
/// }
///
/// let registry = Registry::global().unwrap();
/// let schema = events_codegen::schema::event(registry.get("Widget.Renamed").unwrap()).to_value();
/// let payload = &schema["properties"]["payload"];
/// // Optional members may be null; unknown members are allowed.
/// assert_eq!(payload["properties"]["reason"]["type"], serde_json::json!(["string", "null"]));
/// assert_eq!(payload["additionalProperties"], true);
/// assert_eq!(payload["properties"]["owner"]["$ref"], "#/$defs/Organization");
/// assert_eq!(schema["$defs"]["Organization"]["properties"]["ownershipType"]["const"], "organization");
/// ```
pub fn event(descriptor: &EventDescriptor) -> Schema {
    let objects = Objects::new(Vec::new(), [descriptor.payload()]);
    let mut members = vec![("$schema".to_owned(), Json::str(DIALECT))];
    members.extend(envelope(descriptor, &objects));
    members.push(("$defs".to_owned(), definitions(&objects)));
    Schema(Json::Object(members))
}

/// One schema for every registered type: a `oneOf` of the envelopes, discriminated by their
/// constant `type`, with each envelope and each shared object (the owner, the originator,
/// nested objects) once in `$defs`.
///
/// An envelope is valid against it when it is valid against the schema of the type its
/// `type` names; with nothing registered, nothing is valid.
///
/// ```
/// use events_core::{domain_event, Registry};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {}
///
/// /// A widget was removed.
/// #[domain_event(type = "Widget.Removed")]
/// pub struct WidgetRemoved {}
///
/// let schema = events_codegen::schema::all(Registry::global().unwrap()).to_value();
/// assert_eq!(
///     schema["oneOf"],
///     serde_json::json!([{"$ref": "#/$defs/Widget.Removed"}, {"$ref": "#/$defs/Widget.Renamed"}])
/// );
/// assert_eq!(schema["properties"]["type"]["enum"], serde_json::json!(["Widget.Removed", "Widget.Renamed"]));
/// // Both payloads use one owner definition.
/// assert!(schema["$defs"]["Organization"].is_object());
/// ```
pub fn all(registry: &Registry) -> Schema {
    let descriptors: Vec<&EventDescriptor> = registry.descriptors().collect();
    let objects = Objects::new(Vec::new(), descriptors.iter().map(|d| d.payload()));
    let types: Vec<&str> = descriptors.iter().map(|d| d.event_type()).collect();

    let mut members = vec![
        ("$schema".to_owned(), Json::str(DIALECT)),
        ("title".to_owned(), Json::str("Domain events")),
        (
            "description".to_owned(),
            Json::str("An envelope of any registered event type, discriminated by its `type`."),
        ),
    ];
    if types.is_empty() {
        members.push(("not".to_owned(), Json::object::<&str>([])));
    } else {
        members.extend([
            ("type".to_owned(), Json::str("object")),
            ("required".to_owned(), Json::strings(["type"])),
            (
                "properties".to_owned(),
                Json::object([(
                    "type",
                    Json::object([("enum", Json::strings(types.iter().copied()))]),
                )]),
            ),
            (
                "oneOf".to_owned(),
                Json::Array(
                    types
                        .iter()
                        .map(|t| Json::object([("$ref", Json::str(reference(t)))]))
                        .collect(),
                ),
            ),
        ]);
    }
    let mut defs: Vec<(String, Json)> = descriptors
        .iter()
        .map(|d| {
            (
                d.event_type().to_owned(),
                Json::Object(envelope(d, &objects)),
            )
        })
        .collect();
    if let Json::Object(shared) = definitions(&objects) {
        defs.extend(shared);
    }
    members.push(("$defs".to_owned(), Json::Object(defs)));
    Schema(Json::Object(members))
}

/// The `$ref` to the definition named `name`.
fn reference(name: &str) -> String {
    // A JSON pointer escapes `~` and `/`; names are type strings and Rust identifiers, which
    // hold neither, but stay correct if one ever does.
    format!("#/$defs/{}", name.replace('~', "~0").replace('/', "~1"))
}

/// The envelope schema's keywords, `$schema` and `$defs` aside.
fn envelope(descriptor: &EventDescriptor, objects: &Objects) -> Vec<(String, Json)> {
    let event_type = descriptor.event_type();
    let payload = descriptor.payload();
    let mut members = vec![("title".to_owned(), Json::str(event_type))];
    let doc = reflow(payload.doc);
    if !doc.is_empty() {
        members.push(("description".to_owned(), Json::str(doc)));
    }
    let properties = Json::object([
        (
            "id",
            Json::object([
                ("description", Json::str("Identifier of this event.")),
                ("type", Json::str("string")),
                ("minLength", Json::Int(1)),
            ]),
        ),
        (
            "kind",
            Json::object([
                (
                    "description",
                    Json::str("The kind of event: `domain` is the only kind defined."),
                ),
                ("const", Json::str(KIND)),
            ]),
        ),
        (
            "type",
            Json::object([
                (
                    "description",
                    Json::str("The event type, `Namespace.EventName`; the payload repeats it."),
                ),
                ("const", Json::str(event_type)),
            ]),
        ),
        (
            "payload",
            object_schema(
                payload,
                &format!("The payload of a `{event_type}` event."),
                objects,
                Some(event_type),
            ),
        ),
    ]);
    members.extend([
        ("type".to_owned(), Json::str("object")),
        (
            "required".to_owned(),
            Json::strings(["id", "kind", "type", "payload"]),
        ),
        ("properties".to_owned(), properties),
        ("additionalProperties".to_owned(), Json::Bool(true)),
    ]);
    members
}

/// `$defs` for every collected object.
fn definitions(objects: &Objects) -> Json {
    Json::Object(
        objects
            .iter()
            .map(|(name, object)| {
                let mut schema = object_schema(object, &reflow(object.doc), objects, None);
                if let Json::Object(members) = &mut schema {
                    members.insert(0, ("title".to_owned(), Json::str(name)));
                }
                (name.to_owned(), schema)
            })
            .collect(),
    )
}

/// An object's schema: its members, the required ones listed, unknown ones allowed.
/// `event_type` is the constant a payload's `type` must hold (payloads only).
fn object_schema(
    object: &ObjectShape,
    description: &str,
    objects: &Objects,
    event_type: Option<&str>,
) -> Json {
    let mut members = Vec::new();
    if !description.is_empty() {
        members.push(("description".to_owned(), Json::str(description)));
    }
    members.push(("type".to_owned(), Json::str("object")));
    let required: Vec<&str> = object
        .members
        .iter()
        .filter(|m| m.required)
        .map(|m| m.name)
        .collect();
    if !required.is_empty() {
        members.push(("required".to_owned(), Json::strings(required)));
    }
    members.push((
        "properties".to_owned(),
        Json::Object(
            object
                .members
                .iter()
                .map(|m| (m.name.to_owned(), member_schema(m, objects, event_type)))
                .collect(),
        ),
    ));
    members.push(("additionalProperties".to_owned(), Json::Bool(true)));
    Json::Object(members)
}

/// A member's schema: its shape, `null` allowed where it is optional, its description.
fn member_schema(member: &Member, objects: &Objects, event_type: Option<&str>) -> Json {
    let mut keywords = shape_schema(member.shape, objects, event_type);
    if !member.required {
        keywords = nullable(keywords);
    }
    let mut members = Vec::with_capacity(keywords.len() + 1);
    let doc = reflow(member.doc);
    if !doc.is_empty() {
        members.push(("description".to_owned(), Json::str(doc)));
    }
    members.extend(keywords);
    Json::Object(members)
}

/// The keywords that accept exactly the values of `shape`.
fn shape_schema(shape: &Shape, objects: &Objects, event_type: Option<&str>) -> Vec<(String, Json)> {
    let pairs = |pairs: Vec<(&str, Json)>| -> Vec<(String, Json)> {
        pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
    };
    match shape {
        Shape::String => pairs(vec![("type", Json::str("string"))]),
        Shape::NonEmptyString => pairs(vec![
            ("type", Json::str("string")),
            ("minLength", Json::Int(1)),
        ]),
        Shape::Boolean => pairs(vec![("type", Json::str("boolean"))]),
        Shape::Number => pairs(vec![("type", Json::str("number"))]),
        Shape::Integer => pairs(vec![
            ("type", Json::str("integer")),
            ("minimum", Json::Int(i64::MIN)),
            ("maximum", Json::Int(i64::MAX)),
        ]),
        Shape::Array(inner) => pairs(vec![
            ("type", Json::str("array")),
            (
                "items",
                Json::Object(shape_schema(inner, objects, event_type)),
            ),
        ]),
        Shape::Object(object) | Shape::Owner(object) => {
            pairs(vec![("$ref", Json::str(reference(objects.name(object))))])
        }
        Shape::Literals([only]) => pairs(vec![("const", Json::str(*only))]),
        Shape::Literals(values) => pairs(vec![("enum", Json::strings(values.iter().copied()))]),
        Shape::Discriminator => match event_type {
            Some(event_type) => pairs(vec![("const", Json::str(event_type))]),
            None => pairs(vec![("type", Json::str("string"))]),
        },
    }
}

/// `keywords` widened to accept `null` as well.
fn nullable(mut keywords: Vec<(String, Json)>) -> Vec<(String, Json)> {
    for (key, value) in &mut keywords {
        match (key.as_str(), &mut *value) {
            ("type", Json::Str(ty)) => {
                *value = Json::strings([std::mem::take(ty), "null".to_owned()]);
                return keywords;
            }
            ("enum", Json::Array(values)) => {
                values.push(Json::Null);
                return keywords;
            }
            ("const", constant) => {
                let constant = std::mem::replace(constant, Json::Null);
                *key = "enum".to_owned();
                *value = Json::Array(vec![constant, Json::Null]);
                return keywords;
            }
            _ => {}
        }
    }
    vec![(
        "anyOf".to_owned(),
        Json::Array(vec![
            Json::Object(keywords),
            Json::object([("type", Json::str("null"))]),
        ]),
    )]
}
