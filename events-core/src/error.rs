//! The one error a rejected event yields (`CONTRACT.md`, section 4).

use std::fmt;

/// Why an event was rejected. The strings returned by [`ErrorKind::as_str`] are stable API:
/// consumers in other languages match on them.
///
/// ```
/// use events_core::ErrorKind;
///
/// assert_eq!(ErrorKind::InvalidOwner.as_str(), "invalid_owner");
/// assert_eq!("type_mismatch".parse::<ErrorKind>(), Ok(ErrorKind::TypeMismatch));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorKind {
    /// The bytes are not one JSON value: bad UTF-8, a byte order mark, a lone surrogate escape
    /// in a string the event reads, nesting deeper than [`MAX_DEPTH`](crate::MAX_DEPTH), or a
    /// syntax error.
    MalformedJson,
    /// A required member is absent or `null`.
    MissingField,
    /// A member has the wrong JSON type (or the event is not a JSON object at all).
    InvalidType,
    /// A member has the right JSON type but a value the contract does not allow.
    InvalidValue,
    /// A key the event defines appears twice in one object.
    DuplicateKey,
    /// The envelope's `type` names no registered event.
    UnknownType,
    /// The payload's `type` differs from the envelope's.
    TypeMismatch,
    /// Anything wrong with the payload's `owner` object, including its absence.
    InvalidOwner,
}

impl ErrorKind {
    /// Every kind, in the order the contract lists them.
    pub const ALL: [ErrorKind; 8] = [
        ErrorKind::MalformedJson,
        ErrorKind::MissingField,
        ErrorKind::InvalidType,
        ErrorKind::InvalidValue,
        ErrorKind::DuplicateKey,
        ErrorKind::UnknownType,
        ErrorKind::TypeMismatch,
        ErrorKind::InvalidOwner,
    ];

    /// The stable snake_case name of the kind, as the contract spells it.
    ///
    /// ```
    /// assert_eq!(events_core::ErrorKind::MalformedJson.as_str(), "malformed_json");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::MalformedJson => "malformed_json",
            ErrorKind::MissingField => "missing_field",
            ErrorKind::InvalidType => "invalid_type",
            ErrorKind::InvalidValue => "invalid_value",
            ErrorKind::DuplicateKey => "duplicate_key",
            ErrorKind::UnknownType => "unknown_type",
            ErrorKind::TypeMismatch => "type_mismatch",
            ErrorKind::InvalidOwner => "invalid_owner",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The string given to [`str::parse`] is not one of the contract's error kinds.
///
/// ```
/// assert!("no_such_kind".parse::<events_core::ErrorKind>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an error kind of the event contract")]
pub struct UnknownErrorKind(pub String);

impl std::str::FromStr for ErrorKind {
    type Err = UnknownErrorKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ErrorKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| UnknownErrorKind(s.to_owned()))
    }
}

/// A rejected event: its [`kind`](Error::kind), the [`path`](Error::path) of the offending
/// member from the envelope's root, and a [`message`](Error::message) for a person.
///
/// Where the envelope's `id` and `type` could be read as strings they are kept too, so a log
/// line or a quarantine record can name the event that was rejected.
///
/// ```
/// use events_core::{ErrorKind, Registry};
///
/// let err = Registry::global()
///     .unwrap()
///     .decode(br#"{"id": "", "kind": "domain", "type": "No.SuchEvent", "payload": {}}"#)
///     .unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidValue);
/// assert_eq!(err.path(), "id");
/// assert_eq!(err.to_string(), "invalid_value at id: expected a non-empty string, found \"\"");
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    // Boxed so that `Result<Envelope<E>, Error>` stays one pointer wide on the hot path.
    inner: Box<Inner>,
}

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    path: String,
    message: String,
    id: Option<String>,
    event_type: Option<String>,
}

impl Error {
    /// An error of `kind` at `path` (dotted, indices in brackets, empty for the root).
    ///
    /// ```
    /// use events_core::{Error, ErrorKind};
    ///
    /// let err = Error::new(ErrorKind::MissingField, "payload.uid", "expected a string, found nothing");
    /// assert_eq!(err.path(), "payload.uid");
    /// ```
    pub fn new(kind: ErrorKind, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                path: path.into(),
                message: message.into(),
                id: None,
                event_type: None,
            }),
        }
    }

    /// Why the event was rejected.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// Where, from the envelope's root: `payload.owner.ownershipType`, `payload.tagUids[2]`,
    /// or empty for the event as a whole.
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    /// One sentence for a person, naming what was expected and what was found.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The envelope's `id`, where it could be read as a string.
    pub fn id(&self) -> Option<&str> {
        self.inner.id.as_deref()
    }

    /// The envelope's `type`, unescaped, where it could be read as a string.
    pub fn event_type(&self) -> Option<&str> {
        self.inner.event_type.as_deref()
    }

    pub(crate) fn with_envelope(mut self, id: Option<String>, event_type: Option<String>) -> Self {
        self.inner.id = id;
        self.inner.event_type = event_type;
        self
    }
}

impl fmt::Display for Error {
    /// `KIND at PATH: MESSAGE`, or `KIND: MESSAGE` where the path is empty: the shape of the
    /// command line's text report.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.inner.path.is_empty() {
            write!(f, "{}: {}", self.inner.kind, self.inner.message)
        } else {
            write!(
                f,
                "{} at {}: {}",
                self.inner.kind, self.inner.path, self.inner.message
            )
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("path", &self.inner.path)
            .field("message", &self.inner.message)
            .field("id", &self.inner.id)
            .field("event_type", &self.inner.event_type)
            .finish()
    }
}

impl std::error::Error for Error {}
