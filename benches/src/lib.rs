//! Benchmarks for the events framework (issue 5): the shared parts of the bench binaries.
//!
//! - [`plain`]: `Device.ProvisioningRecipeUpdated` written by hand with plain serde derives, the
//!   floor every row is compared with;
//! - [`gen`]: a deterministic generator of realistic envelopes of that event.
//!
//! The suites are `benches/decode.rs` (every decoding row, and encoding, on the same bytes)
//! and `benches/registry.rs` (registries of 1, 50 and 1,000 types); `benches/run.sh` runs them
//! and the command-line comparison, and `benches/chart.py` draws the ratios.

pub mod gen;
pub mod plain;

/// The event types linked in from `events-device`. Naming them keeps the crate, and so its
/// registrations, in every binary that links this one.
pub fn linked_event_types() -> &'static [&'static str] {
    events_device::EVENT_TYPES
}
