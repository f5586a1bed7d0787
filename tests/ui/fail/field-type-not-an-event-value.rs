use events_core::domain_event;

/// A file handle has no JSON form.
#[domain_event(type = "Device.Renamed")]
pub struct Renamed {
    /// Not serializable.
    pub handle: std::fs::File,
}

fn main() {}
