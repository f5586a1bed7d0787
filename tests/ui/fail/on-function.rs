use events_core::domain_event;

/// Functions are not events.
#[domain_event(type = "Device.Renamed")]
pub fn renamed() {}

fn main() {}
