use events_core::domain_event;

/// A near miss of `type`.
#[domain_event(typ = "Device.Renamed")]
pub struct Renamed {}

fn main() {}
