use events_core::domain_event;

/// An event whose namespace is lowercase.
#[domain_event(type = "device.Renamed")]
pub struct Renamed {}

fn main() {}
