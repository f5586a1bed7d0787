//! Generated code names everything by absolute path, so it compiles without the prelude.
#![no_implicit_prelude]

/// A literal union.
#[derive(::events_core::EventValue)]
pub enum Status {
    /// One.
    Pending,
}

/// A nested object.
#[derive(::events_core::EventValue)]
pub struct Details {
    /// Required inside its object.
    pub message: ::std::string::String,
}

/// An event in a crate without the prelude.
#[::events_core::domain_event(type = "Test.NoPrelude")]
pub struct NoPrelude {
    /// A string.
    pub name: ::std::option::Option<::std::string::String>,
    /// A literal union.
    pub status: ::std::option::Option<Status>,
    /// A nested object.
    pub details: ::std::option::Option<Details>,
}

fn main() {}
