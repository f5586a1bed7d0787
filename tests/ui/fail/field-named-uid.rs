use events_core::domain_event;

/// `uid` is wired in.
#[domain_event(type = "Device.Renamed")]
pub struct Renamed {
    /// Mine.
    pub uid: String,
}

fn main() {}
