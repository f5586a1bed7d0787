//! What an event looks like on the wire, kept at runtime.
//!
//! The macros record, for every member, its JSON name, its [`Shape`], whether it is required
//! and its doc comment. The contract checker ([`crate::Registry::decode`] on a rejected event)
//! walks these records to name the defect, and the schema and catalog generators read them, so
//! the Rust definition stays the one source of truth.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// The JSON type (and, where the document narrows it, the values) a member accepts.
///
/// ```
/// use events_core::{EventValue, Shape};
///
/// assert_eq!(<Vec<String> as EventValue>::SHAPE, Shape::Array(&Shape::String));
/// assert_eq!(<Vec<String> as EventValue>::SHAPE.notation(), "string[]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A JSON string.
    String,
    /// A JSON string that must not be empty (the payload's `uid`).
    NonEmptyString,
    /// `true` or `false`.
    Boolean,
    /// Any JSON number that fits an `f64`.
    Number,
    /// A JSON number without fraction or exponent that fits in 64 signed bits.
    Integer,
    /// A JSON array whose elements all have the inner shape.
    Array(&'static Shape),
    /// A JSON object with the given members.
    Object(&'static ObjectShape),
    /// One of the given strings, compared byte for byte (a literal union).
    Literals(&'static [&'static str]),
    /// The payload's `owner`: an object whose every defect is `invalid_owner`.
    Owner(&'static ObjectShape),
    /// The payload's `type`: a string equal to the envelope's `type`.
    Discriminator,
}

impl Shape {
    /// The type as the source documents write it: `string`, `boolean`, `number`, `string[]`,
    /// `object`, or a literal union such as `"Pending" | "Applied"`.
    ///
    /// ```
    /// use events_core::Shape;
    ///
    /// assert_eq!(Shape::Literals(&["A", "B"]).notation(), r#""A" | "B""#);
    /// ```
    pub fn notation(&self) -> String {
        match self {
            Shape::String | Shape::NonEmptyString | Shape::Discriminator => "string".into(),
            Shape::Boolean => "boolean".into(),
            Shape::Number | Shape::Integer => "number".into(),
            Shape::Array(inner) => format!("{}[]", inner.notation()),
            Shape::Object(_) | Shape::Owner(_) => "object".into(),
            Shape::Literals(values) => values
                .iter()
                .map(|v| format!("\"{v}\""))
                .collect::<Vec<_>>()
                .join(" | "),
        }
    }
}

/// The members of a JSON object, in wire order.
///
/// ```
/// use events_core::{DomainEvent, ObjectShape};
/// # use events_core::domain_event;
/// # /// A thing happened.
/// # #[domain_event(type = "Doc.ThingHappened")]
/// # pub struct ThingHappened {}
///
/// let shape: &ObjectShape = ThingHappened::PAYLOAD;
/// let names: Vec<&str> = shape.members.iter().map(|m| m.name).collect();
/// assert_eq!(names, ["owner", "type", "originator", "uid"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObjectShape {
    /// The Rust type that defines the object, as written in its crate.
    pub rust_name: &'static str,
    /// The type's doc comment, the object's description.
    pub doc: &'static str,
    /// The object's members, in the order they are written.
    pub members: &'static [Member],
}

impl ObjectShape {
    /// The member with JSON name `name`, if the object defines one.
    pub fn member(&self, name: &str) -> Option<&'static Member> {
        self.members.iter().find(|m| m.name == name)
    }
}

/// One member of an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// The member's name on the wire (camelCase).
    pub name: &'static str,
    /// The Rust field that holds it.
    pub field: &'static str,
    /// What it accepts.
    pub shape: &'static Shape,
    /// Whether it must be present and not `null`.
    pub required: bool,
    /// The field's doc comment: the member's description.
    pub doc: &'static str,
}

/// A Rust type that can be a member of an event: it knows its [`Shape`] and how it is written.
///
/// Implemented for `String`, `bool`, `i64`, `f64`, `Vec<T>`, `Option<T>` and `Box<T>`, and by
/// `#[derive(EventValue)]` for nested objects (structs with named fields) and literal unions
/// (enums with unit variants).
///
/// ```
/// use events_core::EventValue;
///
/// /// Current provisioning status.
/// #[derive(Debug, PartialEq, EventValue)]
/// pub enum Status {
///     /// Waiting.
///     Pending,
///     /// Done.
///     Applied,
/// }
///
/// assert_eq!(<Status as EventValue>::SHAPE.notation(), r#""Pending" | "Applied""#);
/// assert!(<Option<Status> as EventValue>::OPTIONAL);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a member of an event",
    label = "not an event value",
    note = "a member is a String, bool, i64, f64, Vec<T> or Option<T> of those, or a type with #[derive(EventValue)] (a struct for a nested object, an enum of unit variants for a literal union)"
)]
pub trait EventValue: Serialize + DeserializeOwned {
    /// What the member accepts on the wire.
    const SHAPE: Shape;
    /// Whether the member may be absent or `null` (true only for `Option<T>`).
    const OPTIONAL: bool = false;

    // Not public API: whether `SHAPE` says all that decoding checks, so that a value can be
    // validated by walking the shape without being built (`Registry::validate`). True for
    // the types here and the derived ones; a hand-written implementation may check more
    // than its shape says (a uid newtype that checks its format, say), so it is false
    // unless stated.
    #[doc(hidden)]
    const __SHAPE_IS_EXACT: bool = false;

    /// Whether the value is unset, so that encoding omits the member.
    fn is_unset(&self) -> bool {
        false
    }

    // Not public API: the value of an absent member, `Some(None)` for `Option<T>` only.
    #[doc(hidden)]
    fn __unset() -> Option<Self> {
        None
    }
}

impl EventValue for String {
    const SHAPE: Shape = Shape::String;
    const __SHAPE_IS_EXACT: bool = true;
}

impl EventValue for bool {
    const SHAPE: Shape = Shape::Boolean;
    const __SHAPE_IS_EXACT: bool = true;
}

impl EventValue for i64 {
    const SHAPE: Shape = Shape::Integer;
    const __SHAPE_IS_EXACT: bool = true;
}

impl EventValue for f64 {
    const SHAPE: Shape = Shape::Number;
    const __SHAPE_IS_EXACT: bool = true;
}

impl<T: EventValue> EventValue for Vec<T> {
    const SHAPE: Shape = Shape::Array(&T::SHAPE);
    const __SHAPE_IS_EXACT: bool = T::__SHAPE_IS_EXACT;
}

impl<T: EventValue> EventValue for Box<T> {
    const SHAPE: Shape = T::SHAPE;
    const OPTIONAL: bool = T::OPTIONAL;
    const __SHAPE_IS_EXACT: bool = T::__SHAPE_IS_EXACT;

    fn is_unset(&self) -> bool {
        (**self).is_unset()
    }

    fn __unset() -> Option<Self> {
        T::__unset().map(Box::new)
    }
}

impl<T: EventValue> EventValue for Option<T> {
    const SHAPE: Shape = T::SHAPE;
    const OPTIONAL: bool = true;
    const __SHAPE_IS_EXACT: bool = T::__SHAPE_IS_EXACT;

    fn is_unset(&self) -> bool {
        self.is_none()
    }

    fn __unset() -> Option<Self> {
        Some(None)
    }
}
