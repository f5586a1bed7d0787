//! Typed domain events for Rust services.
//!
//! One attribute, [`#[domain_event]`](macro@domain_event), turns a struct into an event: it
//! wires in the members every payload carries (`owner`, `type`, `originator`, `uid`), writes
//! the encoding and the strict decoding, and registers the event so that a service can decode
//! and dispatch any event by its type string at run time. Every rejected event yields one
//! [`Error`] with a stable [`ErrorKind`], a path and a sentence, exactly as the event contract
//! (`spec/CONTRACT.md`) says.
//!
//! # Define an event
//!
//! ```
//! use events_core::{domain_event, EventValue};
//!
//! /// Current provisioning status of the recipe.
//! #[derive(Debug, Clone, Copy, PartialEq, Eq, EventValue)]
//! pub enum Status {
//!     /// Waiting to be applied.
//!     Pending,
//!     /// Applied to the device.
//!     Applied,
//! }
//!
//! /// Emitted when a recipe is updated.
//! #[domain_event(type = "Guide.RecipeUpdated")]
//! #[derive(Debug, Clone, PartialEq)]
//! pub struct RecipeUpdated {
//!     /// Current provisioning status of the recipe.
//!     pub status: Option<Status>,
//!     /// Tags to assign to the device once provisioned.
//!     pub tag_uids: Option<Vec<String>>,
//! }
//! ```
//!
//! The struct now also has `owner`, `originator` and `uid` fields, and on the wire a `type`
//! member, in the order the source documents show them.
//!
//! # Build one and encode it
//!
//! ```
//! # use events_core::{domain_event, EventValue};
//! # #[derive(Debug, Clone, Copy, PartialEq, Eq, EventValue)]
//! # pub enum Status { Pending, Applied }
//! # #[domain_event(type = "Guide.RecipeUpdated")]
//! # #[derive(Debug, Clone, PartialEq)]
//! # pub struct RecipeUpdated { pub status: Option<Status>, pub tag_uids: Option<Vec<String>> }
//! use events_core::{owner::Organization, Envelope};
//!
//! let event = Envelope::new(
//!     "evt-1",
//!     RecipeUpdated {
//!         owner: Organization::new("org-1", "company-1"),
//!         status: Some(Status::Pending),
//!         tag_uids: None,
//!         originator: None,
//!         uid: "recipe-9".into(),
//!     },
//! );
//! let json = event.to_json();
//! assert!(json.starts_with(r#"{"id":"evt-1","kind":"domain","type":"Guide.RecipeUpdated","payload":{"owner":"#));
//! ```
//!
//! # Decode it, typed
//!
//! ```
//! # use events_core::{domain_event, EventValue};
//! # #[derive(Debug, Clone, Copy, PartialEq, Eq, EventValue)]
//! # pub enum Status { Pending, Applied }
//! # #[domain_event(type = "Guide.RecipeUpdated")]
//! # #[derive(Debug, Clone, PartialEq)]
//! # pub struct RecipeUpdated { pub status: Option<Status>, pub tag_uids: Option<Vec<String>> }
//! use events_core::{Envelope, ErrorKind};
//!
//! let json = r#"{"id": "evt-1", "kind": "domain", "type": "Guide.RecipeUpdated", "payload": {
//!     "owner": {"ownershipType": "organization", "organizationUid": "org-1", "parentCompanyUid": "c-1"},
//!     "status": "Applied", "type": "Guide.RecipeUpdated", "uid": "recipe-9"}}"#;
//! let event = Envelope::<RecipeUpdated>::from_json(json)?;
//! assert_eq!(event.payload.status, Some(Status::Applied));
//!
//! let err = Envelope::<RecipeUpdated>::from_json(&json.replace("Applied", "applied")).unwrap_err();
//! assert_eq!(err.kind(), ErrorKind::InvalidValue);
//! assert_eq!(err.path(), "payload.status");
//! # Ok::<(), events_core::Error>(())
//! ```
//!
//! # Decode by type string, then dispatch
//!
//! ```
//! # use events_core::{domain_event, EventValue};
//! # #[derive(Debug, Clone, Copy, PartialEq, Eq, EventValue)]
//! # pub enum Status { Pending, Applied }
//! # #[domain_event(type = "Guide.RecipeUpdated")]
//! # #[derive(Debug, Clone, PartialEq)]
//! # pub struct RecipeUpdated { pub status: Option<Status>, pub tag_uids: Option<Vec<String>> }
//! use events_core::{Registry, DomainEvent};
//!
//! let json = br#"{"id": "evt-1", "kind": "domain", "type": "Guide.RecipeUpdated", "payload": {
//!     "owner": {"ownershipType": "organization", "organizationUid": "org-1", "parentCompanyUid": "c-1"},
//!     "type": "Guide.RecipeUpdated", "uid": "recipe-9"}}"#;
//! let any = Registry::global()?.decode(json)?;
//! assert_eq!(any.event_type(), RecipeUpdated::TYPE);
//! let typed = any.downcast::<RecipeUpdated>().unwrap();
//! assert_eq!(typed.payload.uid, "recipe-9");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

//!
//! # Dispatch to typed handlers
//!
//! ```
//! # use events_core::{domain_event, EventValue};
//! # #[derive(Debug, Clone, Copy, PartialEq, Eq, EventValue)]
//! # pub enum Status { Pending, Applied }
//! # #[domain_event(type = "Guide.RecipeUpdated")]
//! # #[derive(Debug, Clone, PartialEq)]
//! # pub struct RecipeUpdated { pub status: Option<Status>, pub tag_uids: Option<Vec<String>> }
//! use events_core::{DispatchError, Dispatcher, Envelope};
//!
//! let dispatcher = Dispatcher::new()
//!     .on(|event: Envelope<RecipeUpdated>| {
//!         if event.payload.uid.is_empty() {
//!             return Err("a recipe without uid");
//!         }
//!         Ok(())
//!     })
//!     .fallback(|event| println!("nobody handles {}", event.event_type()));
//!
//! let json = br#"{"id": "evt-1", "kind": "domain", "type": "Guide.RecipeUpdated", "payload": {
//!     "owner": {"ownershipType": "organization", "organizationUid": "org-1", "parentCompanyUid": "c-1"},
//!     "type": "Guide.RecipeUpdated", "uid": "recipe-9"}}"#;
//! dispatcher.dispatch(json)?;
//!
//! // A broken event never reaches a handler: it comes back as the contract's error.
//! let err = dispatcher.dispatch(b"{\"id\": 7}").unwrap_err();
//! assert_eq!(err.rejection().map(|e| e.path()), Some("id"));
//! # Ok::<(), DispatchError>(())
//! ```
//!
//! [`AsyncDispatcher`] does the same with handlers that return futures, under any executor.
//! To read a stream of events (NDJSON, or values run together), see [`stream`].
//!
//! # Cargo features
//!
//! - `fast-payloads` (off by default): payloads written plainly, which is most of them (no
//!   `\u` escape of a surrogate, integers without fraction or exponent, no member the type
//!   does not define), are read by this crate's own deserializer rather than serde_json's.
//!   Decoding by type string gets about a sixth faster (0.73–0.79× plain serde_json's time
//!   against 0.90–0.94× without it, in `BENCHMARKS.md`). The same `Deserialize` impls run on the same values; any other
//!   payload, a payload of a type with a hand-written member type, and every rejected event
//!   are read by serde_json as without the feature, so no verdict, error or decoded value
//!   changes. The test suite runs both ways.

#![deny(missing_docs)]

// The derive macros name this crate `::events_core`; inside it, that is `crate`.
extern crate self as events_core;

pub mod dispatch;
mod envelope;
mod error;
mod event;
mod originator;
pub mod owner;
mod read;
mod registry;
mod shape;
pub mod stream;
mod unknown;
mod valid;

#[doc(hidden)]
pub mod __private;

pub use dispatch::{AsyncDispatcher, DispatchError, Dispatcher, Scope};
pub use envelope::{Envelope, ReadError, KIND};
pub use error::{Error, ErrorKind, UnknownErrorKind};
pub use event::DomainEvent;
#[doc = include_str!("../docs/domain_event.md")]
pub use events_derive::domain_event;
#[doc = include_str!("../docs/event_value.md")]
pub use events_derive::EventValue;
pub use originator::Originator;
pub use read::depth::MAX_DEPTH;
pub use registry::{AnyEnvelope, EventDescriptor, Registry, RegistryError};
pub use shape::{EventValue, Member, ObjectShape, Shape};
pub use unknown::{Unknown, UnknownMembers};
pub use valid::Valid;
