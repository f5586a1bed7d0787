//! The trait every event implements; `#[domain_event]` writes the implementation.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::owner::OwnerKind;
use crate::shape::ObjectShape;
use crate::Originator;

/// A domain event: a payload type with a type string, an owner kind and a recorded shape.
///
/// Do not implement it by hand: `#[domain_event(type = "…")]` implements it, wires in the
/// members every payload carries and registers the event, so the by-type-string decoder and
/// the payload checks can never disagree with the type.
///
/// ```
/// use events_core::{domain_event, DomainEvent};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {
///     /// The widget's new name.
///     pub name: String,
/// }
///
/// assert_eq!(WidgetRenamed::TYPE, "Widget.Renamed");
/// assert_eq!(WidgetRenamed::PAYLOAD.doc, "A widget was renamed.");
/// ```
pub trait DomainEvent:
    Serialize + DeserializeOwned + crate::__private::Payload + Send + Sync + 'static
{
    /// The type string: the envelope's and the payload's `type`.
    const TYPE: &'static str;

    /// The Rust path of the type, as `module::path::Type`, for listings and errors.
    const RUST_TYPE: &'static str;

    /// The payload's members in wire order, wired-in members included, with their docs.
    const PAYLOAD: &'static ObjectShape;

    /// The event's example envelope (the source document's example), when it declares one
    /// with `example = "path/to/fixture.json"`.
    const EXAMPLE: Option<&'static str>;

    // Not public API: whether `PAYLOAD` says all that decoding checks (every member's
    // `EventValue::__SHAPE_IS_EXACT`), so that `Registry::validate` may walk it instead of
    // building the payload.
    #[doc(hidden)]
    const __SHAPE_IS_EXACT: bool = false;

    /// Who owns the event.
    type Owner: OwnerKind;

    /// The payload's `owner`.
    fn owner(&self) -> &Self::Owner;

    /// The payload's `originator`, where the event has one.
    fn originator(&self) -> Option<&Originator>;

    /// The payload's `uid`: the entity the event is about.
    fn uid(&self) -> &str;
}
