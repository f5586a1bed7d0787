use events_core::domain_event;

/// A number where a string belongs.
#[domain_event(type = 42)]
pub struct Renamed {}

fn main() {}
