//! `Device.ProvisioningRecipeUpdated` written by hand with plain serde derives: the floor.
//!
//! The same members and Rust types as `events_device::ProvisioningRecipeUpdated` (owned
//! `String`s, `Option` for optional members, a unit enum for the status), in wire order, and
//! none of the contract's checks: no `kind` or `ownershipType` literal check, no duplicate-key
//! check, no empty-`uid` check, no check that the payload's `type` matches the envelope's.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// The envelope, `type` before `payload` when encoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlainEnvelope {
    /// The envelope's `id`.
    pub id: String,
    /// The envelope's `kind` (`"domain"`), not checked.
    pub kind: String,
    /// The envelope's `type`, not checked.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The payload.
    pub payload: PlainPayload,
}

/// The payload, members in the order of the source document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlainPayload {
    /// `owner`.
    pub owner: PlainOwner,
    /// `organizationUid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_uid: Option<String>,
    /// `status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PlainStatus>,
    /// `confirmedOwnership`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirmed_ownership: Option<bool>,
    /// `serialNumber`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub serial_number: Option<String>,
    /// `macAddress`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mac_address: Option<String>,
    /// `model`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// `brand`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// `tagUids`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag_uids: Option<Vec<String>>,
    /// `deviceName`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_name: Option<String>,
    /// `policyUid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_uid: Option<String>,
    /// `locationUid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location_uid: Option<String>,
    /// `unsuccessfulRegisterAttemptStatus`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsuccessful_register_attempt_status: Option<PlainAttemptStatus>,
    /// `errorMessage`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
    /// The payload's `type`, not checked.
    #[serde(rename = "type")]
    pub event_type: String,
    /// `originator`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub originator: Option<PlainOriginator>,
    /// `uid`.
    pub uid: String,
}

/// The payload without its `type` member: the shape an internally tagged enum variant (serde's
/// `#[serde(tag = "type")]`, typetag's `tag = "type"`) decodes, the tag being taken out first.
/// Otherwise the same as [`PlainPayload`].
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlainPayloadBody {
    /// `owner`.
    pub owner: PlainOwner,
    /// `organizationUid`.
    pub organization_uid: Option<String>,
    /// `status`.
    pub status: Option<PlainStatus>,
    /// `confirmedOwnership`.
    pub confirmed_ownership: Option<bool>,
    /// `serialNumber`.
    pub serial_number: Option<String>,
    /// `macAddress`.
    pub mac_address: Option<String>,
    /// `model`.
    pub model: Option<String>,
    /// `brand`.
    pub brand: Option<String>,
    /// `tagUids`.
    pub tag_uids: Option<Vec<String>>,
    /// `deviceName`.
    pub device_name: Option<String>,
    /// `policyUid`.
    pub policy_uid: Option<String>,
    /// `locationUid`.
    pub location_uid: Option<String>,
    /// `unsuccessfulRegisterAttemptStatus`.
    pub unsuccessful_register_attempt_status: Option<PlainAttemptStatus>,
    /// `errorMessage`.
    pub error_message: Option<String>,
    /// `originator`.
    pub originator: Option<PlainOriginator>,
    /// `uid`.
    pub uid: String,
}

/// `owner`, for the organization kind; `ownershipType` is read, not checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlainOwner {
    /// `ownershipType`.
    pub ownership_type: String,
    /// `organizationUid`.
    pub organization_uid: String,
    /// `parentCompanyUid`.
    pub parent_company_uid: String,
}

/// `status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlainStatus {
    /// `"Pending"`.
    Pending,
    /// `"Applied"`.
    Applied,
    /// `"Failed"`.
    Failed,
    /// `"Invalid"`.
    Invalid,
}

/// `unsuccessfulRegisterAttemptStatus`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlainAttemptStatus {
    /// `warningMessage`.
    pub warning_message: String,
}

/// `originator`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlainOriginator {
    /// `accountId`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_id: Option<i64>,
    /// `organizationUid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization_uid: Option<String>,
    /// `policyUid`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_uid: Option<String>,
}

/// [`PlainEnvelope`] with every string borrowed from the input where it has no escapes
/// (`Cow<str>`), for the row that shows what decoding without allocating strings would give.
// The fields mirror the plain structs', documented there.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BorrowedEnvelope<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    #[serde(borrow)]
    pub kind: Cow<'a, str>,
    #[serde(borrow, rename = "type")]
    pub event_type: Cow<'a, str>,
    #[serde(borrow)]
    pub payload: BorrowedPayload<'a>,
}

/// The payload of [`BorrowedEnvelope`].
// The fields mirror the plain structs', documented there.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BorrowedPayload<'a> {
    #[serde(borrow)]
    pub owner: BorrowedOwner<'a>,
    #[serde(borrow)]
    pub organization_uid: Option<Cow<'a, str>>,
    pub status: Option<PlainStatus>,
    pub confirmed_ownership: Option<bool>,
    #[serde(borrow)]
    pub serial_number: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub mac_address: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub model: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub brand: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub tag_uids: Option<Vec<Cow<'a, str>>>,
    #[serde(borrow)]
    pub device_name: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub policy_uid: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub location_uid: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub unsuccessful_register_attempt_status: Option<BorrowedAttemptStatus<'a>>,
    #[serde(borrow)]
    pub error_message: Option<Cow<'a, str>>,
    #[serde(borrow, rename = "type")]
    pub event_type: Cow<'a, str>,
    #[serde(borrow)]
    pub originator: Option<BorrowedOriginator<'a>>,
    #[serde(borrow)]
    pub uid: Cow<'a, str>,
}

/// The owner of [`BorrowedPayload`].
// The fields mirror the plain structs', documented there.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BorrowedOwner<'a> {
    #[serde(borrow)]
    pub ownership_type: Cow<'a, str>,
    #[serde(borrow)]
    pub organization_uid: Cow<'a, str>,
    #[serde(borrow)]
    pub parent_company_uid: Cow<'a, str>,
}

/// The attempt status of [`BorrowedPayload`].
// The fields mirror the plain structs', documented there.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BorrowedAttemptStatus<'a> {
    #[serde(borrow)]
    pub warning_message: Cow<'a, str>,
}

/// The originator of [`BorrowedPayload`].
// The fields mirror the plain structs', documented there.
#[allow(missing_docs)]
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BorrowedOriginator<'a> {
    pub account_id: Option<i64>,
    #[serde(borrow)]
    pub organization_uid: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub policy_uid: Option<Cow<'a, str>>,
}
