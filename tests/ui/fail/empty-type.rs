use events_core::domain_event;

/// An event with an empty type string.
#[domain_event(type = "")]
pub struct Renamed {}

fn main() {}
