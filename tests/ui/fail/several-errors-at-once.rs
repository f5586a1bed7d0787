use events_core::domain_event;

/// Every mistake is reported in one compile.
#[domain_event(typ = "Device.Renamed", owner = 7, type = "device", colour = "red")]
pub struct Renamed {
    /// Mine.
    pub uid: String,
}

fn main() {}
