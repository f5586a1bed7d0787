//! A full event with every kind of member compiles without warnings.
#![deny(warnings)]

use events_core::{domain_event, EventValue};

/// A literal union.
#[derive(Debug, EventValue)]
pub enum Status {
    /// One.
    Pending,
    /// Renamed on the wire.
    #[event(rename = "in-progress")]
    InProgress,
}

/// A nested object.
#[derive(Debug, EventValue)]
pub struct Details {
    /// Required inside its object.
    pub message: String,
}

/// Every member kind.
#[domain_event(type = "Test.EveryMember", owner = "organization")]
#[derive(Debug)]
pub struct EveryMember {
    /// A string.
    pub name: Option<String>,
    /// A boolean.
    pub flag: bool,
    /// An integer.
    pub count: Option<i64>,
    /// A number.
    pub ratio: Option<f64>,
    /// Strings.
    pub tags: Option<Vec<String>>,
    /// A literal union.
    pub status: Option<Status>,
    /// A nested object.
    pub details: Option<Details>,
    /// Renamed.
    #[event(rename = "legacy_name")]
    pub legacy: Option<String>,
}

fn main() {}
