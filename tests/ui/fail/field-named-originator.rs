use events_core::domain_event;

/// `originator` is wired in.
#[domain_event(type = "Device.Renamed")]
pub struct Renamed {
    /// Mine.
    pub originator: Option<String>,
}

fn main() {}
