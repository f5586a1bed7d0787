use events_core::domain_event;

/// `owner` is wired in.
#[domain_event(type = "Device.Renamed")]
pub struct Renamed {
    /// Mine.
    pub owner: String,
}

fn main() {}
