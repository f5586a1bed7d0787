use events_core::domain_event;

/// Events have named members.
#[domain_event(type = "Device.Renamed")]
pub struct Renamed(String);

fn main() {}
