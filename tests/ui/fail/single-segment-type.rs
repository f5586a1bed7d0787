use events_core::domain_event;

/// An event without a namespace.
#[domain_event(type = "DeviceRenamed")]
pub struct Renamed {}

fn main() {}
