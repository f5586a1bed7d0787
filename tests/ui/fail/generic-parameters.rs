use events_core::domain_event;

/// An event's shape is fixed.
#[domain_event(type = "Device.Renamed")]
pub struct Renamed<T> {
    /// Something generic.
    pub value: T,
}

fn main() {}
