use events_core::domain_event;

/// An event whose type ends in a dot.
#[domain_event(type = "Device.Renamed.")]
pub struct Renamed {}

fn main() {}
