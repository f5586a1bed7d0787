//! Validation without decoding: [`Registry::validate`] and the [`Valid`] it gives.

use std::borrow::Cow;
use std::fmt;

use crate::error::Error;
use crate::read::{self, walk};
use crate::registry::{EventDescriptor, Registry};

/// An event that keeps the contract, as [`Registry::validate`] found it: its `id` and type,
/// without its payload.
///
/// ```
/// use events_core::{domain_event, Registry};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {
///     /// The new name.
///     pub name: String,
/// }
///
/// let json = br#"{"id":"e-1","kind":"domain","type":"Widget.Renamed","payload":{
///   "owner":{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"},
///   "name":"Gizmo","type":"Widget.Renamed","uid":"w-1"}}"#;
/// let valid = Registry::global()?.validate(json)?;
/// assert_eq!((valid.id(), valid.event_type()), ("e-1", "Widget.Renamed"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Valid<'a> {
    id: Cow<'a, str>,
    descriptor: &'static EventDescriptor,
}

impl<'a> Valid<'a> {
    /// The envelope's `id`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The envelope's `type`.
    pub fn event_type(&self) -> &'static str {
        self.descriptor.event_type()
    }

    /// What the registry knows of the event's type.
    pub fn descriptor(&self) -> &'static EventDescriptor {
        self.descriptor
    }

    /// The same, owning its `id` rather than borrowing it from the event's bytes.
    pub fn into_owned(self) -> Valid<'static> {
        Valid {
            id: Cow::Owned(self.id.into_owned()),
            descriptor: self.descriptor,
        }
    }
}

/// The same `id` and type.
impl PartialEq for Valid<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && self.event_type() == other.event_type()
    }
}

impl Eq for Valid<'_> {}

impl fmt::Debug for Valid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Valid")
            .field("id", &self.id)
            .field("event_type", &self.event_type())
            .finish()
    }
}

impl Registry {
    /// Checks an event against the contract without decoding its payload: the verdict
    /// [`decode`](Registry::decode) gives, the same error for a rejected event, and for a
    /// valid one its `id` and type.
    ///
    /// For a gateway, a relay or `events validate`, which judge events but never read them.
    /// It walks the payload's recorded shapes over the bytes instead of building the
    /// payload, for every type whose members are all strings, booleans, numbers, arrays,
    /// derived objects and literal unions; anything it cannot judge that way (a `\u`
    /// escape, a member the type does not define, a type with a hand-written
    /// [`EventValue`](crate::EventValue)) and every rejected event are decoded, so the verdict
    /// is always `decode`'s.
    ///
    /// ```
    /// use events_core::{domain_event, ErrorKind, Registry};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// pub struct WidgetRenamed {
    ///     /// The new name.
    ///     pub name: String,
    /// }
    ///
    /// let registry = Registry::global()?;
    /// let event = br#"{"id":"e-1","kind":"domain","type":"Widget.Renamed","payload":{
    ///   "owner":{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"},
    ///   "name":7,"type":"Widget.Renamed","uid":"w-1"}}"#;
    /// let error = registry.validate(event).unwrap_err();
    /// assert_eq!((error.kind(), error.path()), (ErrorKind::InvalidType, "payload.name"));
    /// assert_eq!(Some(error), registry.decode(event).err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate<'a>(&self, bytes: &'a [u8]) -> Result<Valid<'a>, Error> {
        self.validate_str(read::utf8(bytes)?)
    }

    /// [`validate`](Registry::validate) for text that is already UTF-8.
    pub fn validate_str<'a>(&self, json: &'a str) -> Result<Valid<'a>, Error> {
        match walk::envelope(json, self) {
            Some(accepted) => Ok(Valid {
                // Between two `"`, on character boundaries.
                id: Cow::Borrowed(json.get(accepted.id).unwrap_or_default()),
                descriptor: accepted.descriptor,
            }),
            None => self.decode_str(json).map(|envelope| Valid {
                id: Cow::Owned(envelope.id().to_owned()),
                descriptor: envelope.descriptor(),
            }),
        }
    }
}
