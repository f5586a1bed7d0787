//! Generated code does not pick up the user's own `Result` (or `Ok`, `Err`).
#![allow(dead_code)]

/// The user's own result type.
pub type Result<T> = ::std::result::Result<T, ()>;
/// The user's own `Ok`.
pub struct Ok;
/// The user's own `Err`.
pub struct Err;

/// An event beside them.
#[events_core::domain_event(type = "Test.OwnResult")]
pub struct OwnResult {
    /// A string.
    pub name: ::std::option::Option<::std::string::String>,
}

fn main() {}
