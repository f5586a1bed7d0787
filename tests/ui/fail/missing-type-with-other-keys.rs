use events_core::domain_event;

/// An event whose attribute forgets `type`.
#[domain_event(owner = "organization")]
pub struct Renamed {}

fn main() {}
