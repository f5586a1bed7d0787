use events_core::domain_event;

/// Two fields, one name on the wire.
#[domain_event(type = "Device.Renamed")]
pub struct Renamed {
    /// First.
    pub device_name: String,
    /// Second.
    #[event(rename = "deviceName")]
    pub name: String,
}

fn main() {}
