//! Generated code does not break when the user's crate defines its own `Result`, `Option`,
//! `Some`, `Ok`, `String` or `serde`.
#![allow(dead_code)]

/// A user's own result type.
pub type Result<T> = ::std::result::Result<T, ()>;
/// A user's own option.
pub enum Option<T> {
    /// Nothing.
    Nothing,
    /// Something.
    Just(T),
}
/// A user's own `Ok`.
pub struct Ok;
/// A user's own `Some`.
pub struct Some;
/// A user's own `String`.
pub struct String;
/// A user's own `serde`.
pub mod serde {
    /// Not serde's.
    pub trait Serialize {}
    /// Not serde's.
    pub trait Deserialize {}
}
/// A user's own `core`.
pub mod core {}

use events_core::{domain_event, EventValue};

/// A literal union.
#[derive(EventValue)]
pub enum Status {
    /// One.
    Pending,
}

/// An event among shadowed names.
#[domain_event(type = "Test.Shadowed")]
pub struct Shadowed {
    /// A string.
    pub name: ::std::option::Option<::std::string::String>,
    /// A literal union.
    pub status: ::std::option::Option<Status>,
}

fn main() {}
