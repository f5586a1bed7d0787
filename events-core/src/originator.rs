//! The actor behind an event: the payload's optional `originator` (`CONTRACT.md`, section 2).

use crate::EventValue;

/// Actor that initiated the action behind an event. Every member is optional; the whole
/// object is omitted for system-triggered events.
///
/// ```
/// use events_core::Originator;
///
/// let by = Originator { account_id: Some(8538), ..Originator::default() };
/// assert_eq!(serde_json::to_string(&by).unwrap(), r#"{"accountId":8538}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, EventValue)]
pub struct Originator {
    /// Numeric identifier of the account that initiated the action.
    pub account_id: Option<i64>,
    /// Organization on whose behalf the action was initiated.
    pub organization_uid: Option<String>,
    /// Policy under which the action was initiated, if applicable.
    pub policy_uid: Option<String>,
}
