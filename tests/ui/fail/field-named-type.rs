use events_core::domain_event;

/// `type` is wired in.
#[domain_event(type = "Device.Renamed")]
pub struct Renamed {
    /// Mine.
    pub r#type: String,
}

fn main() {}
