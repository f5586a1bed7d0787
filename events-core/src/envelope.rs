//! The envelope every event travels in: `{"id","kind":"domain","type","payload"}`
//! (`CONTRACT.md`, section 1), typed by its payload.

use std::io;

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ErrorKind};
use crate::read::{self, Target};
use crate::shape::ObjectShape;
use crate::unknown::{Unknown, UnknownMembers};
use crate::DomainEvent;

/// The envelope's `kind`: `"domain"` is the only one the contract defines.
pub const KIND: &str = "domain";

/// The members an envelope defines.
pub(crate) const ENVELOPE_MEMBERS: [&str; 4] = ["id", "kind", "type", "payload"];

/// An event of type `E` in its envelope.
///
/// Decoding checks every rule of the contract; encoding writes the members in the order the
/// source documents show them, optional members that are unset left out.
///
/// ```
/// use events_core::{domain_event, owner::Organization, Envelope};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// #[derive(Debug, PartialEq)]
/// pub struct WidgetRenamed {
///     /// The widget's new name.
///     pub name: Option<String>,
/// }
///
/// let event = Envelope::new(
///     "evt-1",
///     WidgetRenamed {
///         owner: Organization::new("org-1", "company-1"),
///         name: Some("Gizmo".into()),
///         originator: None,
///         uid: "widget-7".into(),
///     },
/// );
/// let json = event.to_json();
/// assert_eq!(
///     json,
///     r#"{"id":"evt-1","kind":"domain","type":"Widget.Renamed","payload":{"owner":{"ownershipType":"organization","organizationUid":"org-1","parentCompanyUid":"company-1"},"name":"Gizmo","type":"Widget.Renamed","uid":"widget-7"}}"#
/// );
/// assert_eq!(Envelope::<WidgetRenamed>::from_json(&json).unwrap(), event);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Envelope<E> {
    /// The envelope's `id`: never empty.
    pub id: String,
    /// The event itself.
    pub payload: E,
    /// The members the envelope and the payload carried that `E` does not define, kept so
    /// that encoding the envelope again loses none that a newer producer added at those two
    /// levels (members unknown inside nested objects, such as `owner`, are not kept).
    pub unknown: Unknown,
}

impl<E: DomainEvent> Envelope<E> {
    /// An envelope for `payload` with the given `id`.
    ///
    /// The `id` should not be empty: an envelope with an empty `id` encodes, but no reader
    /// accepts it.
    pub fn new(id: impl Into<String>, payload: E) -> Self {
        Envelope {
            id: id.into(),
            payload,
            unknown: Unknown::default(),
        }
    }

    /// The event's type string, the same for every envelope of `E`.
    pub fn event_type(&self) -> &'static str {
        E::TYPE
    }

    /// Decodes an envelope of `E` from JSON text.
    ///
    /// An envelope whose `type` is not `E::TYPE` is rejected as `unknown_type`: this reader
    /// knows one type. To read any registered type, use [`Registry::decode`](crate::Registry::decode).
    ///
    /// ```
    /// use events_core::{domain_event, Envelope, ErrorKind};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// #[derive(Debug)]
    /// pub struct WidgetRenamed {}
    ///
    /// let err = Envelope::<WidgetRenamed>::from_json(r#"{"id": "1", "kind": "domain"}"#).unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::MissingField, "type"));
    /// ```
    pub fn from_json(json: &str) -> Result<Self, Error> {
        let resolve = |event_type: &str| typed_shape::<E>(event_type);
        let parts = read::decode(json, &mut Typed::<E>(std::marker::PhantomData), &resolve)?;
        let WithUnknown(payload, payload_unknown) = parts.payload;
        Ok(Envelope {
            id: parts.id,
            payload,
            unknown: Unknown {
                envelope: parts.unknown,
                payload: payload_unknown,
            },
        })
    }

    /// Decodes an envelope of `E` from bytes, which must be UTF-8 throughout.
    ///
    /// ```
    /// use events_core::{domain_event, Envelope, ErrorKind};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// #[derive(Debug)]
    /// pub struct WidgetRenamed {}
    ///
    /// let err = Envelope::<WidgetRenamed>::from_slice(b"{\"id\": \"\xff\"}").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::MalformedJson);
    /// ```
    pub fn from_slice(bytes: &[u8]) -> Result<Self, Error> {
        Self::from_json(read::utf8(bytes)?)
    }

    /// Reads `reader` to its end and decodes the one envelope it holds.
    ///
    /// ```
    /// use events_core::{domain_event, Envelope, ReadError};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// pub struct WidgetRenamed {}
    ///
    /// let input: &[u8] = b"[]";
    /// assert!(matches!(Envelope::<WidgetRenamed>::from_reader(input), Err(ReadError::Invalid(_))));
    /// ```
    pub fn from_reader(mut reader: impl io::Read) -> Result<Self, ReadError> {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes)?;
        Ok(Self::from_slice(&bytes)?)
    }

    /// Encodes the envelope as compact JSON.
    pub fn to_json(&self) -> String {
        // serde_json's own to_string knows its output is UTF-8 and skips checking it again.
        // Writing our own types cannot fail: every map key is a string.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Encodes the envelope as compact JSON bytes.
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(256);
        self.write_json(&mut out);
        out
    }

    /// Writes the envelope as compact JSON to `writer`.
    ///
    /// ```
    /// use events_core::{domain_event, owner::Organization, Envelope};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// pub struct WidgetRenamed {}
    ///
    /// let event = Envelope::new("1", WidgetRenamed { owner: Organization::new("o", "c"), originator: None, uid: "w".into() });
    /// let mut out = Vec::new();
    /// event.to_writer(&mut out).unwrap();
    /// assert_eq!(out, event.to_vec());
    /// ```
    pub fn to_writer(&self, writer: impl io::Write) -> io::Result<()> {
        serde_json::to_writer(writer, self).map_err(io::Error::from)
    }

    fn write_json(&self, out: &mut Vec<u8>) {
        // Writing our own types into a Vec cannot fail: every map key is a string and no
        // Serialize impl here returns an error.
        let _ = serde_json::to_writer(out, self);
    }
}

impl<E: DomainEvent> Serialize for Envelope<E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut envelope = serializer.serialize_map(None)?;
        envelope.serialize_entry("id", &self.id)?;
        envelope.serialize_entry("kind", KIND)?;
        envelope.serialize_entry("type", E::TYPE)?;
        envelope.serialize_entry(
            "payload",
            &PayloadWith {
                payload: &self.payload,
                unknown: &self.unknown.payload,
            },
        )?;
        self.unknown
            .envelope
            .write_entries(&mut envelope, &ENVELOPE_MEMBERS)?;
        envelope.end()
    }
}

/// Reading an envelope from a stream failed: the stream, or the event.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The stream could not be read.
    #[error("the event could not be read: {0}")]
    Io(#[from] io::Error),
    /// The event was read and rejected.
    #[error(transparent)]
    Invalid(#[from] Error),
}

/// The payload shape of `E` if `event_type` is its type string.
pub(crate) fn typed_shape<E: DomainEvent>(
    event_type: &str,
) -> Result<&'static ObjectShape, String> {
    if event_type == E::TYPE {
        Ok(E::PAYLOAD)
    } else {
        Err(format!(
            "expected \"{}\", the one type this reader decodes, found {event_type:?}",
            E::TYPE
        ))
    }
}

/// The payload of one known type, decoded in place.
pub(crate) struct Typed<E>(pub std::marker::PhantomData<E>);

impl<E: DomainEvent> Target for Typed<E> {
    type Out = WithUnknown<E>;

    #[inline]
    fn resolve(&mut self, event_type: &str) -> bool {
        event_type == E::TYPE
    }

    #[inline]
    fn payload(&self, src: &str) -> Result<(WithUnknown<E>, usize), serde_json::Error> {
        read::payload::<WithUnknown<E>>(src, E::__SHAPE_IS_EXACT)
    }

    /// This reader knows one type: a payload that is not an `E` rejects the event whatever
    /// its `type` says.
    #[inline]
    fn guess(&mut self, _src: &str) -> bool {
        true
    }

    #[inline]
    fn guessed_right(&self) -> bool {
        true
    }
}

/// A payload read with the members its type does not define.
pub(crate) struct WithUnknown<E>(pub E, pub UnknownMembers);

impl<'de, E: DomainEvent> Deserialize<'de> for WithUnknown<E> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut unknown = UnknownMembers::new();
        let payload = E::deserialize_payload(deserializer, Some(&mut unknown))?;
        Ok(WithUnknown(payload, unknown))
    }
}

/// A payload written with the members its type does not define.
pub(crate) struct PayloadWith<'a, E> {
    pub payload: &'a E,
    pub unknown: &'a UnknownMembers,
}

impl<E: DomainEvent> Serialize for PayloadWith<'_, E> {
    #[inline]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.payload.serialize_payload(self.unknown, serializer)
    }
}

/// The error for an envelope that names `found` where `E` was expected; shared by the
/// dispatcher's typed paths.
#[allow(dead_code)]
pub(crate) fn unexpected_type<E: DomainEvent>(found: &str) -> Error {
    Error::new(
        ErrorKind::UnknownType,
        "type",
        format!("expected \"{}\", found {found:?}", E::TYPE),
    )
}
