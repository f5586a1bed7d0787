//! Generated code does not pick up the user's own `serde` (or `core`, `inventory`).
#![allow(dead_code)]

/// Not serde.
pub mod serde {
    /// Not serde's trait.
    pub trait Serialize {}
    /// Not serde's trait.
    pub trait Deserialize {}
}
/// Not core.
pub mod core {}
/// Not inventory.
pub mod inventory {}

/// A nested object beside them.
#[derive(events_core::EventValue)]
pub struct Details {
    /// Required inside its object.
    pub message: ::std::string::String,
}

/// An event beside them.
#[events_core::domain_event(type = "Test.OwnSerde")]
pub struct OwnSerde {
    /// A nested object.
    pub details: ::std::option::Option<Details>,
}

fn main() {}
