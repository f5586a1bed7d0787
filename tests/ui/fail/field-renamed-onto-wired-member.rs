use events_core::domain_event;

/// A rename onto a wired-in member collides too.
#[domain_event(type = "Device.Renamed")]
pub struct Renamed {
    /// Mine.
    #[event(rename = "uid")]
    pub entity: String,
}

fn main() {}
