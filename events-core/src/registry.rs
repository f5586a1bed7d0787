//! Every event linked into the binary, by type string, and decoding by type string.

use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::envelope::{Envelope, PayloadWith, WithUnknown};
use crate::error::Error;
use crate::read::{self, Target};
use crate::shape::ObjectShape;
use crate::unknown::{Unknown, UnknownMembers};
use crate::DomainEvent;

type AnyPayload = Box<dyn Any + Send + Sync>;

/// Decodes a payload at the start of the text: the event, its unknown members, and the bytes
/// it took.
type DecodePayload = fn(&str) -> Result<((AnyPayload, UnknownMembers), usize), serde_json::Error>;

/// The owner's uids of a type-erased payload: [`OwnerKind::uids`](crate::owner::OwnerKind::uids)
/// of its `owner`.
type OwnerUids = for<'a> fn(&'a (dyn Any + Send + Sync)) -> Vec<(&'static str, &'a str)>;

/// What the registry knows of one event type. `#[domain_event]` submits one per event.
///
/// ```
/// use events_core::Registry;
///
/// for descriptor in Registry::global().unwrap().descriptors() {
///     println!("{} is {}", descriptor.event_type(), descriptor.rust_type());
/// }
/// ```
pub struct EventDescriptor {
    event_type: &'static str,
    rust_type: &'static str,
    payload: &'static ObjectShape,
    ownership_type: &'static str,
    example: Option<&'static str>,
    decode_payload: DecodePayload,
    encode_payload: fn(&(dyn Any + Send + Sync), &UnknownMembers, &mut Vec<u8>),
    owner_uids: OwnerUids,
    /// Whether [`Registry::validate`] may walk `payload` instead of building the payload.
    shape_is_exact: bool,
}

/// Not public API: the descriptor of `E`, built at compile time for `inventory::submit!`.
#[doc(hidden)]
pub const fn descriptor<E: DomainEvent>() -> EventDescriptor {
    EventDescriptor {
        event_type: E::TYPE,
        rust_type: E::RUST_TYPE,
        payload: E::PAYLOAD,
        ownership_type: <E::Owner as crate::owner::OwnerKind>::OWNERSHIP_TYPE,
        example: E::EXAMPLE,
        decode_payload: decode_payload::<E>,
        encode_payload: encode_payload::<E>,
        owner_uids: owner_uids::<E>,
        shape_is_exact: E::__SHAPE_IS_EXACT,
    }
}

fn owner_uids<E: DomainEvent>(payload: &(dyn Any + Send + Sync)) -> Vec<(&'static str, &str)> {
    use crate::owner::OwnerKind;
    payload
        .downcast_ref::<E>()
        .map(|event| event.owner().uids())
        .unwrap_or_default()
}

fn decode_payload<E: DomainEvent>(
    src: &str,
) -> Result<((AnyPayload, UnknownMembers), usize), serde_json::Error> {
    let (WithUnknown(event, unknown), used) =
        read::payload::<WithUnknown<E>>(src, E::__SHAPE_IS_EXACT)?;
    Ok(((Box::new(event), unknown), used))
}

fn encode_payload<E: DomainEvent>(
    payload: &(dyn Any + Send + Sync),
    unknown: &UnknownMembers,
    out: &mut Vec<u8>,
) {
    if let Some(payload) = payload.downcast_ref::<E>() {
        // Writing our own types into a Vec cannot fail.
        let _ = serde_json::to_writer(out, &PayloadWith { payload, unknown });
    }
}

impl EventDescriptor {
    /// The type string, `Namespace.EventName`.
    pub fn event_type(&self) -> &'static str {
        self.event_type
    }

    /// The Rust type that defines the event, as `crate::module::Type`.
    pub fn rust_type(&self) -> &'static str {
        self.rust_type
    }

    /// The payload's members in wire order, with their shapes and docs.
    pub fn payload(&self) -> &'static ObjectShape {
        self.payload
    }

    /// The `ownershipType` the event demands.
    pub fn ownership_type(&self) -> &'static str {
        self.ownership_type
    }

    /// The event's example envelope, when it declares one.
    pub fn example(&self) -> Option<&'static str> {
        self.example
    }

    /// Whether the payload's recorded shape says all that decoding checks: see
    /// [`Registry::validate`].
    pub(crate) fn shape_is_exact(&self) -> bool {
        self.shape_is_exact
    }
}

impl fmt::Debug for EventDescriptor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EventDescriptor")
            .field("event_type", &self.event_type)
            .field("rust_type", &self.rust_type)
            .finish_non_exhaustive()
    }
}

inventory::collect!(EventDescriptor);

/// Two Rust types claim one type string. The registry refuses to pick a winner.
///
/// ```
/// use events_core::RegistryError;
///
/// let err = RegistryError::DuplicateType {
///     event_type: "Device.Thing",
///     first: "a::Thing",
///     second: "b::Thing",
/// };
/// assert_eq!(
///     err.to_string(),
///     "event type \"Device.Thing\" is registered twice, by a::Thing and by b::Thing"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegistryError {
    /// `event_type` is defined by both Rust types (named in sorted order).
    #[error("event type \"{event_type}\" is registered twice, by {first} and by {second}")]
    DuplicateType {
        /// The contested type string.
        event_type: &'static str,
        /// One Rust type that defines it.
        first: &'static str,
        /// The other.
        second: &'static str,
    },
}

/// Every event type linked into the binary.
///
/// Built once, on first use, from what `#[domain_event]` registered.
///
/// ```
/// use events_core::{domain_event, Registry};
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {}
///
/// let registry = Registry::global().unwrap();
/// assert!(registry.get("Widget.Renamed").is_some());
/// assert!(registry.types().any(|t| t == "Widget.Renamed"));
/// ```
pub struct Registry {
    by_type: HashMap<&'static str, &'static EventDescriptor, ByType>,
    sorted: Vec<&'static EventDescriptor>,
}

/// The hasher of maps keyed by type string that only code fills: the registry's, and the
/// dispatchers'.
pub(crate) type ByType = BuildHasherDefault<TypeHasher>;

/// Hashes type strings a word at a time (the multiply-and-rotate of rustc's FxHash).
///
/// The default hasher resists collisions that an attacker chooses, which matters for a map
/// that untrusted input fills. These maps are filled only with registered types: input
/// only looks up, and a lookup that collides costs one more comparison with one of them.
/// It is about a sixth of the default's instructions on a type string.
#[derive(Default)]
pub(crate) struct TypeHasher(u64);

impl TypeHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(26) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for TypeHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut eight = [0; 8];
            eight.copy_from_slice(word);
            self.add(u64::from_le_bytes(eight));
        }
        let mut last = [0; 8];
        last[..words.remainder().len()].copy_from_slice(words.remainder());
        self.add(u64::from_le_bytes(last) ^ bytes.len() as u64);
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Registry {
    /// The registry of this binary, or the conflict that makes it unusable.
    pub fn global() -> Result<&'static Registry, RegistryError> {
        static GLOBAL: OnceLock<Result<Registry, RegistryError>> = OnceLock::new();
        GLOBAL
            .get_or_init(|| Registry::from_descriptors(inventory::iter::<EventDescriptor>))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// A registry of exactly `descriptors`, for a service that wants a subset of the linked
    /// events, or a test that wants an isolated one. The same type string twice is an error.
    ///
    /// ```
    /// use events_core::Registry;
    ///
    /// let global = Registry::global().unwrap();
    /// let subset = Registry::from_descriptors(global.descriptors().take(1)).unwrap();
    /// assert!(subset.len() <= 1);
    /// ```
    pub fn from_descriptors(
        all: impl IntoIterator<Item = &'static EventDescriptor>,
    ) -> Result<Registry, RegistryError> {
        let mut sorted: Vec<&'static EventDescriptor> = all.into_iter().collect();
        // inventory has no order; sorting makes listings and conflict reports repeatable.
        sorted.sort_by_key(|d| (d.event_type, d.rust_type));
        let mut by_type = HashMap::with_capacity_and_hasher(sorted.len(), Default::default());
        for pair in sorted.windows(2) {
            if pair[0].event_type == pair[1].event_type {
                return Err(RegistryError::DuplicateType {
                    event_type: pair[0].event_type,
                    first: pair[0].rust_type,
                    second: pair[1].rust_type,
                });
            }
        }
        for descriptor in &sorted {
            by_type.insert(descriptor.event_type, *descriptor);
        }
        Ok(Registry { by_type, sorted })
    }

    /// The descriptor of `event_type`, if it is registered.
    pub fn get(&self, event_type: &str) -> Option<&'static EventDescriptor> {
        self.by_type.get(event_type).copied()
    }

    /// Every registered type string, sorted.
    pub fn types(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.sorted.iter().map(|d| d.event_type)
    }

    /// Every descriptor, sorted by type string.
    pub fn descriptors(&self) -> impl Iterator<Item = &'static EventDescriptor> + '_ {
        self.sorted.iter().copied()
    }

    /// How many types are registered.
    pub fn len(&self) -> usize {
        self.sorted.len()
    }

    /// Whether no type is registered.
    pub fn is_empty(&self) -> bool {
        self.sorted.is_empty()
    }

    /// Decodes an envelope of any registered type, checking every rule of the contract.
    ///
    /// ```
    /// use events_core::{domain_event, ErrorKind, Registry};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// pub struct WidgetRenamed {}
    ///
    /// let registry = Registry::global().unwrap();
    /// let json = r#"{"id":"1","kind":"domain","type":"Widget.Renamed","payload":{"owner":{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"},"type":"Widget.Renamed","uid":"w"}}"#;
    /// let event = registry.decode(json.as_bytes()).unwrap();
    /// assert_eq!(event.event_type(), "Widget.Renamed");
    /// assert!(event.downcast_ref::<WidgetRenamed>().is_some());
    ///
    /// let err = registry.decode(br#"{"id":"1","kind":"domain","type":"Widget.Gone","payload":{}}"#).unwrap_err();
    /// assert_eq!((err.kind(), err.path()), (ErrorKind::UnknownType, "type"));
    /// ```
    pub fn decode(&self, bytes: &[u8]) -> Result<AnyEnvelope, Error> {
        self.decode_str(read::utf8(bytes)?)
    }

    /// [`decode`](Registry::decode) for text that is already UTF-8.
    pub fn decode_str(&self, json: &str) -> Result<AnyEnvelope, Error> {
        let resolve = |event_type: &str| self.shape_of(event_type);
        let mut target = Dynamic {
            registry: self,
            descriptor: None,
            guessed: None,
        };
        let parts = read::decode(json, &mut target, &resolve)?;
        let (descriptor, (payload, payload_unknown)) = parts.payload;
        Ok(AnyEnvelope {
            id: parts.id,
            descriptor,
            payload,
            unknown: Unknown {
                envelope: parts.unknown,
                payload: payload_unknown,
            },
        })
    }

    pub(crate) fn shape_of(&self, event_type: &str) -> Result<&'static ObjectShape, String> {
        self.get(event_type)
            .map(|d| d.payload)
            .ok_or_else(|| format!("expected a registered event type, found {event_type:?}"))
    }
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.types()).finish()
    }
}

/// Decodes the payload with the descriptor its envelope's `type` names.
struct Dynamic<'r> {
    registry: &'r Registry,
    descriptor: Option<&'static EventDescriptor>,
    /// The descriptor a payload that came before `type` was decoded with.
    guessed: Option<&'static EventDescriptor>,
}

impl Target for Dynamic<'_> {
    type Out = (&'static EventDescriptor, (AnyPayload, UnknownMembers));

    #[inline]
    fn resolve(&mut self, event_type: &str) -> bool {
        // After a guess, the type is most likely the one guessed: comparing costs less than
        // a lookup.
        self.descriptor = match self.guessed {
            Some(guessed) if guessed.event_type() == event_type => Some(guessed),
            _ => self.registry.get(event_type),
        };
        self.descriptor.is_some()
    }

    #[inline]
    fn payload(&self, src: &str) -> Result<(Self::Out, usize), serde_json::Error> {
        let Some(descriptor) = self.descriptor else {
            return Err(serde::de::Error::custom(
                "the payload came before a known type",
            ));
        };
        let (payload, used) = (descriptor.decode_payload)(src)?;
        Ok(((descriptor, payload), used))
    }

    #[inline]
    fn guess(&mut self, src: &str) -> bool {
        self.guessed = read::last_type_member(src).and_then(|t| self.registry.get(t));
        self.descriptor = self.guessed;
        self.guessed.is_some()
    }

    #[inline]
    fn guessed_right(&self) -> bool {
        matches!((self.descriptor, self.guessed), (Some(d), Some(g)) if std::ptr::eq(d, g))
    }
}

/// An accepted envelope of a type known only at run time.
///
/// Match on [`event_type`](AnyEnvelope::event_type), or ask for the Rust type with
/// [`downcast`](AnyEnvelope::downcast).
///
/// ```
/// use events_core::{domain_event, AnyEnvelope, DomainEvent, Envelope, Registry};
/// # use events_core::owner::Organization;
///
/// /// A widget was renamed.
/// #[domain_event(type = "Widget.Renamed")]
/// pub struct WidgetRenamed {}
///
/// # let json = Envelope::new("1", WidgetRenamed { owner: Organization::new("o", "c"), originator: None, uid: "w".into() }).to_json();
/// let event: AnyEnvelope = Registry::global().unwrap().decode(json.as_bytes()).unwrap();
/// match event.event_type() {
///     WidgetRenamed::TYPE => {
///         let typed: Envelope<WidgetRenamed> = event.downcast().unwrap();
///         assert_eq!(typed.payload.uid, "w");
///     }
///     other => panic!("unexpected {other}"),
/// }
/// ```
pub struct AnyEnvelope {
    id: String,
    descriptor: &'static EventDescriptor,
    payload: AnyPayload,
    unknown: Unknown,
}

impl AnyEnvelope {
    /// The envelope's `id`.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The envelope's `type`.
    pub fn event_type(&self) -> &'static str {
        self.descriptor.event_type
    }

    /// What the registry knows of the event's type.
    pub fn descriptor(&self) -> &'static EventDescriptor {
        self.descriptor
    }

    /// The `ownershipType` of the event's owner: what its type declares, and so what the
    /// event carried.
    ///
    /// ```
    /// use events_core::{domain_event, owner::Company, Envelope, Registry};
    ///
    /// /// A plan was changed.
    /// #[domain_event(type = "Widget.PlanChanged", owner = "company")]
    /// pub struct PlanChanged {}
    ///
    /// let json = Envelope::new("1", PlanChanged { owner: Company::new("co-1"), originator: None, uid: "p".into() }).to_json();
    /// let event = Registry::global().unwrap().decode(json.as_bytes()).unwrap();
    /// assert_eq!(event.ownership_type(), "company");
    /// ```
    pub fn ownership_type(&self) -> &'static str {
        self.descriptor.ownership_type
    }

    /// The uids of the payload's `owner`, as `(member name, value)` pairs in the owner
    /// kind's member order (see [`OwnerKind::uids`](crate::owner::OwnerKind::uids)).
    ///
    /// This is the owner envelope only, never the `originator`: the actor behind an event
    /// does not own it.
    ///
    /// ```
    /// use events_core::{domain_event, owner::Organization, Envelope, Registry};
    ///
    /// /// A widget was renamed.
    /// #[domain_event(type = "Widget.Renamed")]
    /// pub struct WidgetRenamed {}
    ///
    /// let json = Envelope::new("1", WidgetRenamed { owner: Organization::new("org-1", "co-1"), originator: None, uid: "w".into() }).to_json();
    /// let event = Registry::global().unwrap().decode(json.as_bytes()).unwrap();
    /// assert_eq!(event.ownership_type(), "organization");
    /// assert_eq!(
    ///     event.owner_uids(),
    ///     [("organizationUid", "org-1"), ("parentCompanyUid", "co-1")]
    /// );
    /// ```
    pub fn owner_uids(&self) -> Vec<(&'static str, &str)> {
        (self.descriptor.owner_uids)(self.payload.as_ref())
    }

    /// What the envelope and the payload carried beyond what the event's type defines.
    pub fn unknown(&self) -> &Unknown {
        &self.unknown
    }

    /// Whether the event is an `E`.
    pub fn is<E: DomainEvent>(&self) -> bool {
        self.payload.is::<E>()
    }

    /// The payload as an `E`, if it is one.
    pub fn downcast_ref<E: DomainEvent>(&self) -> Option<&E> {
        self.payload.downcast_ref::<E>()
    }

    /// The typed envelope, or `self` back if the event is not an `E`.
    pub fn downcast<E: DomainEvent>(self) -> Result<Envelope<E>, AnyEnvelope> {
        if !self.payload.is::<E>() {
            return Err(self);
        }
        let AnyEnvelope {
            id,
            descriptor,
            payload,
            unknown,
        } = self;
        match payload.downcast::<E>() {
            Ok(payload) => Ok(Envelope {
                id,
                payload: *payload,
                unknown,
            }),
            Err(payload) => Err(AnyEnvelope {
                id,
                descriptor,
                payload,
                unknown,
            }),
        }
    }

    /// Encodes the envelope as compact JSON, exactly as [`Envelope::to_json`] would.
    pub fn to_json(&self) -> String {
        let mut out = Vec::with_capacity(256);
        out.extend_from_slice(b"{\"id\":");
        // Strings always serialize.
        let _ = serde_json::to_writer(&mut out, &self.id);
        out.extend_from_slice(b",\"kind\":\"domain\",\"type\":");
        let _ = serde_json::to_writer(&mut out, self.descriptor.event_type);
        out.extend_from_slice(b",\"payload\":");
        (self.descriptor.encode_payload)(self.payload.as_ref(), &self.unknown.payload, &mut out);
        for (name, value) in self
            .unknown
            .envelope
            .iter_except(&crate::envelope::ENVELOPE_MEMBERS)
        {
            out.push(b',');
            // Strings always serialize.
            let _ = serde_json::to_writer(&mut out, name);
            out.push(b':');
            out.extend_from_slice(value.as_bytes());
        }
        out.push(b'}');
        String::from_utf8(out).unwrap_or_default()
    }
}

impl fmt::Debug for AnyEnvelope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AnyEnvelope")
            .field("id", &self.id)
            .field("type", &self.descriptor.event_type)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake(event_type: &'static str, rust_type: &'static str) -> EventDescriptor {
        EventDescriptor {
            event_type,
            rust_type,
            payload: &ObjectShape {
                rust_name: "",
                doc: "",
                members: &[],
            },
            ownership_type: "organization",
            example: None,
            decode_payload: |_| Err(serde::de::Error::custom("fake")),
            encode_payload: |_, _, _| {},
            owner_uids: |_| Vec::new(),
            shape_is_exact: false,
        }
    }

    #[test]
    fn a_type_string_registered_twice_names_both_rust_types() {
        let a: &'static EventDescriptor = Box::leak(Box::new(fake("X.Y", "b::Y")));
        let b: &'static EventDescriptor = Box::leak(Box::new(fake("X.Y", "a::Y")));
        let err = Registry::from_descriptors([a, b]).err().unwrap();
        assert_eq!(
            err,
            RegistryError::DuplicateType {
                event_type: "X.Y",
                first: "a::Y",
                second: "b::Y"
            }
        );
    }
}
