use events_core::domain_event;

/// Events are structs.
#[domain_event(type = "Device.Renamed")]
pub enum Renamed {
    A,
}

fn main() {}
