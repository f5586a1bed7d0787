//! The Device domain events, as their source documents define them.
//!
//! Each event's source document is kept beside the crate in `spec/`, and its example in
//! `fixtures/`; the field doc comments are the documents' descriptions, word for word.
//!
//! ```
//! use events_core::{DomainEvent, Envelope};
//! use events_device::ProvisioningRecipeUpdated;
//!
//! let example = ProvisioningRecipeUpdated::EXAMPLE.unwrap();
//! let event = Envelope::<ProvisioningRecipeUpdated>::from_json(example)?;
//! assert_eq!(event.payload.serial_number.as_deref(), Some("SN-306311"));
//! # Ok::<(), events_core::Error>(())
//! ```

#![deny(missing_docs)]

mod provisioning_recipe_updated;

pub use provisioning_recipe_updated::{
    ProvisioningRecipeUpdated, ProvisioningStatus, UnsuccessfulRegisterAttemptStatus,
};

/// Every event type this crate defines. Naming this from a binary also keeps the crate, and
/// so its registrations, from being dropped by the linker.
///
/// ```
/// let registry = events_core::Registry::global().unwrap();
/// for event_type in events_device::EVENT_TYPES {
///     assert!(registry.get(event_type).is_some());
/// }
/// ```
pub const EVENT_TYPES: &[&str] = &[<ProvisioningRecipeUpdated as events_core::DomainEvent>::TYPE];
