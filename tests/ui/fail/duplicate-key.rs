use events_core::domain_event;

/// `type` given twice.
#[domain_event(type = "Device.Renamed", type = "Device.Moved")]
pub struct Renamed {}

fn main() {}
