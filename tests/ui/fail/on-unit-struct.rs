use events_core::domain_event;

/// Events have braces.
#[domain_event(type = "Device.Renamed")]
pub struct Renamed;

fn main() {}
