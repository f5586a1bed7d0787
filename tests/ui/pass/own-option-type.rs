//! Generated code does not pick up the user's own `Option` (or `Some`, `None`, `String`).
#![allow(dead_code)]

/// The user's own option.
pub enum Option<T> {
    /// Nothing.
    Nothing,
    /// Something.
    Just(T),
}
/// The user's own `Some`.
pub struct Some;
/// The user's own `None`.
pub struct None;
/// The user's own `String`.
pub struct String;

/// A literal union beside them.
#[derive(events_core::EventValue)]
pub enum Status {
    /// One.
    Pending,
}

/// An event beside them.
#[events_core::domain_event(type = "Test.OwnOption")]
pub struct OwnOption {
    /// A literal union.
    pub status: ::std::option::Option<Status>,
}

fn main() {}
