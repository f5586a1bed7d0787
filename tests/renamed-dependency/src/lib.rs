//! A crate that depends on `events-core` under the name `runtime`: the generated code finds
//! it by that name (through proc-macro-crate), so events still compile, register and decode.
#![deny(missing_docs)]

use runtime::{domain_event, EventValue};

/// A literal union.
#[derive(Debug, PartialEq, EventValue)]
pub enum Level {
    /// Low.
    Low,
}

/// An event defined through the renamed dependency.
#[domain_event(type = "Renamed.SomethingHappened")]
#[derive(Debug, PartialEq)]
pub struct SomethingHappened {
    /// How much.
    pub level: Option<Level>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use runtime::{owner::Organization, DomainEvent, Envelope, Registry};

    #[test]
    fn an_event_defined_through_a_renamed_dependency_registers_and_round_trips() {
        let event = Envelope::new(
            "1",
            SomethingHappened {
                owner: Organization::new("o", "c"),
                level: Some(Level::Low),
                originator: None,
                uid: "u".into(),
            },
        );
        let json = event.to_json();
        assert_eq!(
            Envelope::<SomethingHappened>::from_json(&json).unwrap(),
            event
        );
        let registry = Registry::global().unwrap();
        assert!(registry.get(SomethingHappened::TYPE).is_some());
    }
}
