use events_core::domain_event;

/// An event without its type string.
#[domain_event]
pub struct Renamed {}

fn main() {}
