use events_core::domain_event;

/// An owner kind events-core does not define.
#[domain_event(type = "Device.Renamed", owner = "tenant")]
pub struct Renamed {}

fn main() {}
