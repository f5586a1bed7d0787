use events_core::EventValue;

/// A nested object has named members.
#[derive(EventValue)]
pub struct Status(String);

fn main() {}
