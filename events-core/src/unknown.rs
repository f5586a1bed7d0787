//! Members an event carried that its Rust type does not define, kept so that a relay (a
//! router, a gateway, an enricher) writes them on unchanged.

use std::fmt;

use serde::ser::SerializeMap;
use serde_json::value::RawValue;

/// Members of one object that the reader did not understand, in input order, each with its
/// value exactly as it was written.
///
/// ```
/// use events_core::UnknownMembers;
///
/// let mut unknown = UnknownMembers::new();
/// unknown.push("traceId", r#" "abc" "#).unwrap();
/// assert_eq!(unknown.iter().collect::<Vec<_>>(), [("traceId", r#""abc""#)]);
/// assert!(unknown.push("bad", "{").is_err());
/// ```
#[derive(Clone, Default)]
pub struct UnknownMembers {
    members: Vec<(String, Box<RawValue>)>,
}

impl UnknownMembers {
    /// No members.
    pub const fn new() -> Self {
        UnknownMembers {
            members: Vec::new(),
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Each member's name (unescaped) and JSON text, in input order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> + '_ {
        self.members
            .iter()
            .map(|(name, value)| (name.as_str(), value.get()))
    }

    /// The JSON text of the first member called `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Adds a member whose value is the JSON text `json` (surrounding white space dropped).
    /// Fails, adding nothing, if `json` is not one JSON value. A member named like one the
    /// object defines is kept here but never written: the object's own member wins.
    pub fn push(&mut self, name: impl Into<String>, json: &str) -> Result<(), serde_json::Error> {
        let value = RawValue::from_string(json.trim().to_owned())?;
        self.members.push((name.into(), value));
        Ok(())
    }

    pub(crate) fn push_raw(&mut self, name: String, value: Box<RawValue>) {
        self.members.push((name, value));
    }

    /// Writes each member as a map entry, but for one named like a member the object defines
    /// (`defined`): only a hand-added one can be, and writing it would give the object that key
    /// twice, which no reader accepts. The object's own member wins.
    pub(crate) fn write_entries<M: SerializeMap>(
        &self,
        map: &mut M,
        defined: &[&str],
    ) -> Result<(), M::Error> {
        for (name, value) in self
            .members
            .iter()
            .filter(|(n, _)| !defined.contains(&n.as_str()))
        {
            map.serialize_entry(name, value)?;
        }
        Ok(())
    }

    /// The members not named like one of `defined`, for writers that are not serde's.
    pub(crate) fn iter_except<'a>(
        &'a self,
        defined: &'a [&str],
    ) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.iter().filter(move |(n, _)| !defined.contains(n))
    }
}

impl PartialEq for UnknownMembers {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for UnknownMembers {}

impl std::hash::Hash for UnknownMembers {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for (name, value) in self.iter() {
            name.hash(state);
            value.hash(state);
        }
    }
}

impl fmt::Debug for UnknownMembers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// What an envelope carried beyond what its Rust types define: at the envelope's level and
/// at the payload's. Decoding fills it; encoding writes it back after the known members.
///
/// ```
/// use events_core::{domain_event, Envelope};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {}
///
/// let json = r#"{"id":"1","kind":"domain","type":"Widget.Renamed","payload":{"owner":{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"},"type":"Widget.Renamed","uid":"w","addedLater":[1,2]},"traceId":"t-9"}"#;
/// let event = Envelope::<WidgetRenamed>::from_json(json).unwrap();
/// assert_eq!(event.unknown.envelope.get("traceId"), Some(r#""t-9""#));
/// assert_eq!(event.unknown.payload.get("addedLater"), Some("[1,2]"));
/// assert_eq!(event.to_json(), json);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Unknown {
    /// Members of the envelope other than `id`, `kind`, `type` and `payload`.
    pub envelope: UnknownMembers,
    /// Members of the payload its event type does not define.
    pub payload: UnknownMembers,
}

impl Unknown {
    /// Whether nothing unknown was carried.
    pub fn is_empty(&self) -> bool {
        self.envelope.is_empty() && self.payload.is_empty()
    }
}
