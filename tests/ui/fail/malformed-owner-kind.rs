use events_core::domain_event;

/// An owner kind written as a type name.
#[domain_event(type = "Device.Renamed", owner = "Organization")]
pub struct Renamed {}

fn main() {}
