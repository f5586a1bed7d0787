//! Test events and inputs shared by the readers' unit tests.

use crate::{domain_event, EventValue};

/// A payload with a member of every shape.
#[domain_event(type = "ReadTest.Everything")]
#[derive(Debug, PartialEq)]
pub struct Everything {
    /// A required string.
    pub text: String,
    /// An optional string.
    pub maybe: Option<String>,
    /// A boolean.
    pub flag: Option<bool>,
    /// An integer.
    pub count: Option<i64>,
    /// A number.
    pub ratio: Option<f64>,
    /// Strings.
    pub tags: Option<Vec<String>>,
    /// A literal union.
    pub level: Option<Level>,
    /// A nested object.
    pub inner: Option<Inner>,
    /// Arrays in an array.
    pub grid: Option<Vec<Vec<i64>>>,
}

/// A literal union.
#[derive(Debug, PartialEq, EventValue)]
pub enum Level {
    /// Low.
    Low,
    /// High.
    High,
}

/// A nested object.
#[derive(Debug, PartialEq, EventValue)]
pub struct Inner {
    /// A required string.
    pub note: String,
    /// Levels.
    pub levels: Option<Vec<Level>>,
}

/// Calls `judge` with every single-byte change of `bytes`: each byte deleted, replaced by each
/// byte of `alphabet`, and preceded by each.
pub fn each_single_byte_change(bytes: &[u8], alphabet: &[u8], mut judge: impl FnMut(&[u8])) {
    for at in 0..bytes.len() {
        let mut changed = bytes.to_vec();
        changed.remove(at);
        judge(&changed);
        for &byte in alphabet {
            let mut changed = bytes.to_vec();
            changed[at] = byte;
            judge(&changed);
            changed.insert(at, byte);
            judge(&changed);
        }
    }
}
