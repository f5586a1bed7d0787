//! Any bytes as a stream of events (`events validate`'s reader, `events_core::stream::Events`)
//! over the whole input: no panic, no I/O error from an in-memory reader, at least one event,
//! every event on a line >= 1 and never before the one before it, every error one of the
//! contract's kinds, and every valid event's bytes decoded on their own to the same event.

#![no_main]

use events_core::stream::Events;
use events_core::{ErrorKind, Registry};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // Name the event crate so that the linker keeps its registrations.
    assert!(!events_device::EVENT_TYPES.is_empty());
    let registry = Registry::global().expect("the registry is usable");
    let events = Events::new(bytes).expect("the registry is usable");
    let mut count = 0usize;
    let mut last_line = 1usize;
    let lines = 1 + bytes.iter().filter(|&&b| b == b'\n').count();
    for event in events {
        let event = event.expect("reading from memory cannot fail");
        count += 1;
        assert!(event.line >= 1, "line {} of event {count}", event.line);
        assert!(
            event.line >= last_line,
            "event {count} on line {} after one on line {last_line}",
            event.line
        );
        assert!(event.line <= lines, "line {} of {lines}", event.line);
        last_line = event.line;
        match &event.result {
            Ok(any) => {
                let alone = registry
                    .decode(&event.bytes)
                    .unwrap_or_else(|e| panic!("valid in the stream, not alone: {e}"));
                assert_eq!(alone.to_json(), any.to_json());
            }
            Err(error) => {
                assert!(ErrorKind::ALL.contains(&error.kind()), "{error:?}");
                assert!(!error.message().trim().is_empty(), "{error:?}");
            }
        }
        // An event cannot hold more bytes than the input.
        assert!(event.bytes.len() <= bytes.len());
    }
    assert!(count >= 1, "no event at all");
});
