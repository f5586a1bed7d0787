//! `Device.ProvisioningRecipeUpdated` (`spec/Device.ProvisioningRecipeUpdated.md`).

use events_core::{domain_event, EventValue};

/// Emitted when an existing provisioning recipe is updated.
#[domain_event(
    type = "Device.ProvisioningRecipeUpdated",
    owner = "organization",
    example = "fixtures/Device.ProvisioningRecipeUpdated.json"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct ProvisioningRecipeUpdated {
    /// Organization that owns this provisioning recipe.
    pub organization_uid: Option<String>,
    /// Current provisioning status of the recipe.
    pub status: Option<ProvisioningStatus>,
    /// Whether device ownership has been confirmed for this recipe.
    pub confirmed_ownership: Option<bool>,
    /// Serial number of the device this recipe provisions.
    pub serial_number: Option<String>,
    /// MAC address of the device this recipe provisions.
    pub mac_address: Option<String>,
    /// Model of the device this recipe provisions.
    pub model: Option<String>,
    /// Brand (manufacturer) of the device this recipe provisions.
    pub brand: Option<String>,
    /// Tags to assign to the device once provisioned.
    pub tag_uids: Option<Vec<String>>,
    /// Human-readable name to set on the device once provisioned.
    pub device_name: Option<String>,
    /// Policy to apply to the device once provisioned.
    pub policy_uid: Option<String>,
    /// Location to assign the device to once provisioned.
    pub location_uid: Option<String>,
    /// Details of the most recent unsuccessful registration attempt, if any.
    pub unsuccessful_register_attempt_status: Option<UnsuccessfulRegisterAttemptStatus>,
    /// Error message describing why provisioning failed, if applicable.
    pub error_message: Option<String>,
}

/// Current provisioning status of the recipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EventValue)]
pub enum ProvisioningStatus {
    /// `"Pending"`.
    Pending,
    /// `"Applied"`.
    Applied,
    /// `"Failed"`.
    Failed,
    /// `"Invalid"`.
    Invalid,
}

/// Details of the most recent unsuccessful registration attempt, if any.
#[derive(Debug, Clone, PartialEq, Eq, Hash, EventValue)]
pub struct UnsuccessfulRegisterAttemptStatus {
    /// Human-readable reason the registration attempt did not succeed.
    pub warning_message: String,
}
