//! Any bytes through both decoders, the typed `Envelope::<ProvisioningRecipeUpdated>` and the
//! by-type-string `Registry::decode`: neither panics, they agree on accept or reject and on
//! the error's kind and path, every error is one of the contract's kinds with a message, and
//! an accepted event encodes to bytes that both read back as the same event.
//!
//! An accepted event is also JSON to serde_json alone, and its payload, read from serde_json's
//! `Value` where that reads it at all, is the decoded one: the check that matters with
//! `--features fast-payloads`, where both decoders read plain payloads with events-core's
//! own reader.

#![no_main]

use events_core::{DomainEvent, Envelope, ErrorKind, Registry};
use serde::Deserialize;
use events_device::ProvisioningRecipeUpdated;
use libfuzzer_sys::fuzz_target;

fn check_error(error: &events_core::Error) {
    let kind = error.kind();
    assert!(ErrorKind::ALL.contains(&kind), "{error:?}");
    assert_eq!(kind.as_str().parse::<ErrorKind>(), Ok(kind));
    assert!(!error.message().trim().is_empty(), "{error:?}");
    // A path is dotted from the root; it never starts or ends with a separator.
    let path = error.path();
    assert!(
        !path.starts_with('.') && !path.ends_with('.'),
        "a malformed path: {error:?}"
    );
}

fuzz_target!(|bytes: &[u8]| {
    let registry = Registry::global().expect("the registry is usable");
    let typed = Envelope::<ProvisioningRecipeUpdated>::from_slice(bytes);
    let dynamic = registry.decode(bytes);
    match (&typed, &dynamic) {
        (Ok(by_type), Ok(by_registry)) => {
            assert!(
                serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok(),
                "accepted, but not JSON to serde_json"
            );
            // serde_json's `Value` rejects a lone surrogate escape even in a member the event
            // does not read (which the contract ignores), and keeps an integer `-0` as a
            // float; where it reads the payload at all, it must read the decoded one.
            if let Ok(json) = serde_json::from_slice::<serde_json::Value>(bytes) {
                if let Ok(expected) = ProvisioningRecipeUpdated::deserialize(&json["payload"]) {
                    assert_eq!(expected, by_type.payload, "serde_json reads another payload");
                }
            }
            assert_eq!(by_registry.event_type(), ProvisioningRecipeUpdated::TYPE);
            let written = by_type.to_json();
            assert_eq!(written, by_registry.to_json());
            // What is written is read back as the same event, and written the same again.
            let again = Envelope::<ProvisioningRecipeUpdated>::from_json(&written)
                .unwrap_or_else(|e| panic!("the encoded event is rejected: {e}\n{written}"));
            assert_eq!(&again, by_type);
            assert_eq!(again.to_json(), written);
            let again = registry
                .decode(written.as_bytes())
                .unwrap_or_else(|e| panic!("the encoded event is rejected: {e}\n{written}"));
            assert_eq!(again.to_json(), written);
        }
        (Err(by_type), Err(by_registry)) => {
            check_error(by_type);
            check_error(by_registry);
            assert_eq!(
                (by_type.kind(), by_type.path()),
                (by_registry.kind(), by_registry.path()),
                "the decoders disagree: typed {by_type}, registry {by_registry}"
            );
        }
        (Ok(_), Err(e)) => panic!("only the typed decoder accepts; the registry: {e}"),
        (Err(e), Ok(_)) => panic!("only the registry accepts; the typed decoder: {e}"),
    }
});
