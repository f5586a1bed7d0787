//! Any bytes as a stream of events (`events validate`'s reader, `events_core::stream::Events`)
//! over the whole input: no panic, no I/O error from an in-memory reader, at least one event,
//! every event on a line >= 1 and never before the one before it, every error one of the
//! contract's kinds, and every valid event's bytes decoded on their own to the same event.
//!
//! And the shortcuts change nothing: the events, their lines, bytes and verdicts are the same
//! when every line is decoded first (`Events` on the whole input), when one-line events are
//! split without the grammar and checked on decoding (`RawEvents`, then `RawEvent::decode`),
//! and when the reader gets one byte at a time, so that it never sees a line ahead and checks
//! every event against the grammar at once. Validating each event without building its
//! payload (`RawEvents::next_validated`) gives the same lines and bytes, and decoding's
//! verdict: the same error, or the same id and type.

#![no_main]

use std::io::Read;

use events_core::stream::{Events, RawEvents};
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

    let verdicts = |events: Vec<events_core::stream::StreamEvent>| -> Vec<_> {
        events
            .into_iter()
            .map(|e| (e.line, e.bytes, e.result.map(|any| any.to_json())))
            .collect()
    };
    let collect = |reader: &mut dyn Read| -> Vec<_> {
        let events = Events::new(reader).expect("the registry is usable");
        verdicts(events.map(|e| e.expect("reading from memory cannot fail")).collect())
    };
    let eager = collect(&mut OneByte(bytes));
    assert_eq!(collect(&mut &bytes[..]), eager, "decoded first");
    let split = RawEvents::new(bytes)
        .map(|raw| raw.expect("reading from memory cannot fail").decode(registry))
        .collect();
    assert_eq!(verdicts(split), eager, "split without the grammar");

    // Validating without building payloads gives decoding's lines, bytes and verdicts: the
    // same error, or the same id and type.
    let judged: Vec<_> = eager
        .iter()
        .map(|(line, bytes, result)| {
            let verdict = match result {
                Ok(json) => {
                    let any = registry.decode(json.as_bytes()).expect("decoded before");
                    Ok((any.id().to_owned(), any.event_type().to_owned()))
                }
                Err(error) => Err(error.clone()),
            };
            (*line, bytes.clone(), verdict)
        })
        .collect();
    let mut raw = RawEvents::new(bytes);
    let mut validated = Vec::new();
    while let Some(event) = raw.next_validated(registry) {
        let event = event.expect("reading from memory cannot fail");
        let verdict = event
            .result
            .map(|valid| (valid.id().to_owned(), valid.event_type().to_owned()));
        validated.push((event.line, event.bytes.to_vec(), verdict));
    }
    assert_eq!(validated, judged, "validated without decoding");
});

/// Hands out one byte per read.
struct OneByte<'a>(&'a [u8]);

impl Read for OneByte<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((&b, rest)), Some(slot)) => {
                *slot = b;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}
