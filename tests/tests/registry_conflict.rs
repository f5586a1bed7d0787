//! A type string registered by two Rust types is a clear error at first use of the
//! registry, naming both types: never a silent winner. (Its own test binary, since the
//! conflict makes this binary's registry unusable.)

use events_core::{DispatchError, Dispatcher, Registry, RegistryError};

mod first {
    /// One definition.
    #[events_core::domain_event(type = "Test.Contested")]
    pub struct Contested {}
}

mod second {
    /// Another definition of the same type string.
    #[events_core::domain_event(type = "Test.Contested")]
    pub struct Contested {}
}

#[test]
fn a_type_string_registered_twice_is_an_error_naming_both_rust_types() {
    let err = Registry::global().unwrap_err();
    assert_eq!(
        err,
        RegistryError::DuplicateType {
            event_type: "Test.Contested",
            first: "registry_conflict::first::Contested",
            second: "registry_conflict::second::Contested",
        }
    );
    assert_eq!(
        err.to_string(),
        "event type \"Test.Contested\" is registered twice, by registry_conflict::first::Contested and by registry_conflict::second::Contested"
    );
}

#[test]
fn decoding_through_a_conflicted_registry_reports_the_conflict() {
    let err = Dispatcher::new().dispatch(b"{}").unwrap_err();
    assert!(matches!(
        err,
        DispatchError::Registry(RegistryError::DuplicateType { .. })
    ));
}
