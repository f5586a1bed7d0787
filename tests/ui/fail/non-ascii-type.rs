use events_core::domain_event;

/// An event whose type is not ASCII.
#[domain_event(type = "Gerät.Umbenannt")]
pub struct Renamed {}

fn main() {}
