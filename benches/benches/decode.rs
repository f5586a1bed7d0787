//! Decoding `Device.ProvisioningRecipeUpdated` envelopes: the framework against plain serde and
//! the alternatives, every row in the same process and on the same bytes; and encoding.
//!
//! Groups (criterion reports each group's rows side by side; throughput is input bytes for the
//! decode groups, output bytes for `encode`):
//!
//! - `decode_type_first`: 1,000 generated envelopes, `type` before `payload` (the usual order);
//! - `decode_type_last`: the same 1,000 events with `type` after `payload`;
//! - `encode`: the same events, encoded.
//!
//! Rows of the decode groups:
//!
//! | row | what |
//! |---|---|
//! | `plain_serde` | `serde_json::from_str` into the hand-written struct, no checks: the floor |
//! | `plain_serde_bytes` | the same from `&[u8]`, validating UTF-8 first: the floor for `dispatch`, which takes bytes |
//! | `typed` | `Envelope::<ProvisioningRecipeUpdated>::from_json`, every contract check |
//! | `dynamic` | `Registry::global()?.decode_str`, then `downcast` |
//! | `dispatch` | `Dispatcher::dispatch(bytes)` to a handler that `black_box`es the payload |
//! | `validate` | `Registry::validate(bytes)`: the verdict, id and type, no payload built (what `events validate` does) |
//! | `tagged_enum` | serde `#[serde(tag = "type")]` enum over 50 payload types |
//! | `typetag` | `#[typetag::deserialize(tag = "type")]` over 50 payload types, then downcast |
//! | `value_first` | `serde_json::Value`, then `serde_json::from_value` into the hand-written struct |
//! | `plain_serde_borrowed` | the hand-written struct with `Cow<str>` strings, borrowed where unescaped: what decoding without allocating strings would give |
//! | `sonic_rs` | `sonic_rs::from_str` into the hand-written struct: what the SIMD parser would give |
//!
//! Before anything is measured, every row decodes every input and the results are compared,
//! so no row is timed on a path that fails.

use std::any::Any;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use events_bench::gen::{self, TypeOrder};
use events_bench::plain::{BorrowedEnvelope, PlainEnvelope, PlainPayloadBody};
use events_core::{Dispatcher, DomainEvent, Envelope, Registry};
use events_device::ProvisioningRecipeUpdated;
use serde::Deserialize;

/// How many events each input set holds.
const EVENTS: usize = 1000;
/// The generator's seed: both input sets hold the same events, only `type` moves.
const SEED: u64 = 0x5EED_0005;

// The `tagged_enum` and `typetag` rows.
//
// The framework and the plain struct pick the payload's type from the *envelope's* `type`.
// Serde's internally tagged enums and typetag can only pick a variant from a tag inside the
// object they decode, so the honest closest equivalent is an envelope struct whose `payload`
// is the 50-way enum (or `Box<dyn Trait>`) keyed by the payload's own `type` member, which
// every valid event carries with the envelope's value. Consequences, all part of the real
// cost of these alternatives on these bytes:
// - the payload's `type` sits after the event's own members (the source documents' order),
//   so both read the whole payload into serde's buffered `Content` tree first and decode the
//   variant from that tree;
// - the envelope's `type` is read as a plain string and ignored; nothing checks that the two
//   agree, nor any other rule of the contract;
// - where the envelope's `type` sits makes no difference to them.
// The variant structs have the same members and Rust types as the hand-written payload, less
// its `type` (the tag is taken out before the variant is decoded).

/// The trait typetag deserializes into, keyed by the payload's `type`.
#[typetag::deserialize(tag = "type")]
pub trait TypetagPayload {
    /// For the downcast back to the concrete payload.
    fn as_any(&self) -> &dyn Any;
}

#[typetag::deserialize(name = "Device.ProvisioningRecipeUpdated")]
impl TypetagPayload for PlainPayloadBody {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

// 49 tiny payload types, `TaggedPayload` (the 50-variant internally tagged enum with the real
// payload in the middle) and the typetag registrations of the tiny types; see `build.rs`.
include!(concat!(env!("OUT_DIR"), "/tagged_types.rs"));

/// The hand-rolled alternative: the envelope with an internally tagged payload enum.
#[derive(Debug, Deserialize)]
pub struct TaggedEnvelope {
    /// `id`.
    pub id: String,
    /// `kind`, not checked.
    pub kind: String,
    /// The envelope's `type`, read and ignored.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The payload, its variant chosen by the payload's `type`.
    pub payload: TaggedPayload,
}

/// The typetag alternative: the envelope with a payload trait object.
#[derive(Deserialize)]
pub struct TypetagEnvelope {
    /// `id`.
    pub id: String,
    /// `kind`, not checked.
    pub kind: String,
    /// The envelope's `type`, read and ignored.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The payload, its type chosen by the payload's `type`.
    pub payload: Box<dyn TypetagPayload>,
}

/// Keeps `value` alive for the optimizer without copying it, then drops it (every row pays
/// for dropping what it decoded).
#[inline(always)]
fn consume<T>(value: T) {
    black_box(&value);
}

fn dispatcher(seen: Arc<AtomicUsize>) -> Dispatcher {
    Dispatcher::new().on(move |event: Envelope<ProvisioningRecipeUpdated>| {
        black_box(&event.payload);
        seen.fetch_add(1, Ordering::Relaxed);
    })
}

fn typed_payload(line: &str) -> Envelope<ProvisioningRecipeUpdated> {
    Envelope::<ProvisioningRecipeUpdated>::from_json(line)
        .unwrap_or_else(|e| panic!("typed rejects a generated event: {e}\n{line}"))
}

/// Every row decodes every line, and agrees with plain serde on what it read.
fn check(lines: &[String]) {
    let registry = Registry::global().expect("the registry is usable");
    let seen = Arc::new(AtomicUsize::new(0));
    let dispatcher = dispatcher(seen.clone());
    for line in lines {
        let plain: PlainEnvelope = serde_json::from_str(line).expect("plain serde decodes");
        let uid = plain.payload.uid.as_str();

        let typed = typed_payload(line);
        assert_eq!(typed.id, plain.id);
        // Same members, same order: the typed encoding is the plain one.
        assert_eq!(typed.to_vec(), serde_json::to_vec(&plain).unwrap());

        let dynamic = registry
            .decode_str(line)
            .expect("dynamic decodes")
            .downcast::<ProvisioningRecipeUpdated>()
            .expect("downcasts");
        assert_eq!(dynamic, typed);

        dispatcher.dispatch(line.as_bytes()).expect("dispatches");

        let valid = registry.validate(line.as_bytes()).expect("validates");
        assert_eq!(valid.id(), plain.id);

        let tagged: TaggedEnvelope = serde_json::from_str(line).expect("tagged enum decodes");
        match &tagged.payload {
            TaggedPayload::ProvisioningRecipeUpdated(body) => {
                assert_eq!(body.uid, uid);
                assert_eq!(body.tag_uids, plain.payload.tag_uids);
            }
            other => panic!("wrong variant {other:?}"),
        }

        let typetag: TypetagEnvelope = serde_json::from_str(line).expect("typetag decodes");
        let body = typetag
            .payload
            .as_any()
            .downcast_ref::<PlainPayloadBody>()
            .expect("typetag picked the device payload");
        assert_eq!(body.uid, uid);
        assert_eq!(body.originator, plain.payload.originator);

        let value: serde_json::Value = serde_json::from_str(line).unwrap();
        let via_value: PlainEnvelope = serde_json::from_value(value).unwrap();
        assert_eq!(via_value, plain);

        let borrowed: BorrowedEnvelope<'_> = serde_json::from_str(line).unwrap();
        assert_eq!(borrowed.id, plain.id);
        assert_eq!(borrowed.payload.uid, plain.payload.uid);
        assert_eq!(
            borrowed.payload.tag_uids.map(|tags| tags.len()),
            plain.payload.tag_uids.as_ref().map(Vec::len)
        );

        let sonic: PlainEnvelope = sonic_rs::from_str(line).expect("sonic-rs decodes");
        assert_eq!(sonic, plain);
    }
    assert_eq!(seen.load(Ordering::Relaxed), lines.len());
}

fn decode_group(c: &mut Criterion, name: &str, lines: &[String]) {
    check(lines);
    let bytes: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
    let total: u64 = lines.iter().map(|l| l.len() as u64).sum();
    let registry = Registry::global().expect("the registry is usable");
    let dispatcher = dispatcher(Arc::new(AtomicUsize::new(0)));

    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(total));

    group.bench_function("plain_serde", |b| {
        b.iter(|| {
            for line in lines {
                consume(serde_json::from_str::<PlainEnvelope>(black_box(line)));
            }
        })
    });
    group.bench_function("plain_serde_bytes", |b| {
        b.iter(|| {
            for line in &bytes {
                let text = std::str::from_utf8(black_box(line)).unwrap_or_default();
                consume(serde_json::from_str::<PlainEnvelope>(text));
            }
        })
    });
    group.bench_function("typed", |b| {
        b.iter(|| {
            for line in lines {
                consume(Envelope::<ProvisioningRecipeUpdated>::from_json(black_box(
                    line,
                )));
            }
        })
    });
    group.bench_function("dynamic", |b| {
        b.iter(|| {
            for line in lines {
                if let Ok(event) = registry.decode_str(black_box(line)) {
                    consume(event.downcast::<ProvisioningRecipeUpdated>());
                }
            }
        })
    });
    group.bench_function("dispatch", |b| {
        b.iter(|| {
            for line in &bytes {
                consume(dispatcher.dispatch(black_box(line)));
            }
        })
    });
    group.bench_function("validate", |b| {
        b.iter(|| {
            for line in &bytes {
                consume(registry.validate(black_box(line)));
            }
        })
    });
    group.bench_function("tagged_enum", |b| {
        b.iter(|| {
            for line in lines {
                consume(serde_json::from_str::<TaggedEnvelope>(black_box(line)));
            }
        })
    });
    group.bench_function("typetag", |b| {
        b.iter(|| {
            for line in lines {
                if let Ok(event) = serde_json::from_str::<TypetagEnvelope>(black_box(line)) {
                    consume(event.payload.as_any().downcast_ref::<PlainPayloadBody>());
                }
            }
        })
    });
    group.bench_function("value_first", |b| {
        b.iter(|| {
            for line in lines {
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(black_box(line)) {
                    consume(serde_json::from_value::<PlainEnvelope>(value));
                }
            }
        })
    });
    group.bench_function("plain_serde_borrowed", |b| {
        b.iter(|| {
            for line in lines {
                consume(serde_json::from_str::<BorrowedEnvelope<'_>>(black_box(
                    line,
                )));
            }
        })
    });
    group.bench_function("sonic_rs", |b| {
        b.iter(|| {
            for line in lines {
                consume(sonic_rs::from_str::<PlainEnvelope>(black_box(line)));
            }
        })
    });
    group.finish();
}

fn decode(c: &mut Criterion) {
    assert!(
        events_bench::linked_event_types().contains(&ProvisioningRecipeUpdated::TYPE),
        "events-device is linked"
    );
    decode_group(
        c,
        "decode_type_first",
        &gen::corpus(SEED, EVENTS, TypeOrder::First),
    );
    decode_group(
        c,
        "decode_type_last",
        &gen::corpus(SEED, EVENTS, TypeOrder::Last),
    );
}

/// The cost of keeping unknown members for relays (issue 6): the same events, each with a
/// member a newer producer added to the payload and one to the envelope. Plain serde skips
/// them; the typed decoder keeps them, and `typed_round_trip` writes them back.
fn relay(c: &mut Criterion) {
    let lines: Vec<String> = gen::corpus(SEED, EVENTS, TypeOrder::First)
        .into_iter()
        .map(|line| {
            // A type-first line ends with the payload's `}` and then the envelope's.
            let body = &line[..line.len() - 2];
            format!(
                r#"{body},"addedInV2":{{"tier":3,"flags":[true,false]}}}},"traceId":"4bf92f3577b34da6a3ce929d0e0e4736"}}"#
            )
        })
        .collect();
    for line in &lines {
        let event = Envelope::<ProvisioningRecipeUpdated>::from_json(line).expect("valid");
        assert_eq!(
            event.unknown.payload.len() + event.unknown.envelope.len(),
            2
        );
        assert_eq!(&event.to_json(), line, "written back exactly");
    }
    let total: u64 = lines.iter().map(|l| l.len() as u64).sum();
    let mut group = c.benchmark_group("relay");
    group.throughput(Throughput::Bytes(total));
    group.bench_function("plain_serde", |b| {
        b.iter(|| {
            for line in &lines {
                consume(serde_json::from_str::<PlainEnvelope>(black_box(line)));
            }
        })
    });
    group.bench_function("typed", |b| {
        b.iter(|| {
            for line in &lines {
                consume(Envelope::<ProvisioningRecipeUpdated>::from_json(black_box(
                    line,
                )));
            }
        })
    });
    group.bench_function("plain_serde_round_trip", |b| {
        b.iter(|| {
            for line in &lines {
                let event: PlainEnvelope = serde_json::from_str(black_box(line)).expect("valid");
                consume(serde_json::to_vec(&event));
            }
        })
    });
    group.bench_function("typed_round_trip", |b| {
        b.iter(|| {
            for line in &lines {
                let event = Envelope::<ProvisioningRecipeUpdated>::from_json(black_box(line))
                    .expect("valid");
                consume(event.to_vec());
            }
        })
    });
    group.finish();
}

/// Encoding: the typed envelope against `serde_json` on the hand-written struct, the same
/// events, the same output bytes (checked).
fn encode(c: &mut Criterion) {
    let lines = gen::corpus(SEED, EVENTS, TypeOrder::First);
    let typed: Vec<Envelope<ProvisioningRecipeUpdated>> =
        lines.iter().map(|l| typed_payload(l)).collect();
    let plain: Vec<PlainEnvelope> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for ((line, t), p) in lines.iter().zip(&typed).zip(&plain) {
        assert_eq!(t.to_json(), *line);
        assert_eq!(serde_json::to_string(p).unwrap(), *line);
    }
    let total: u64 = lines.iter().map(|l| l.len() as u64).sum();

    let mut group = c.benchmark_group("encode");
    group.throughput(Throughput::Bytes(total));
    group.bench_function("plain_serde", |b| {
        b.iter(|| {
            for event in &plain {
                consume(serde_json::to_vec(black_box(event)));
            }
        })
    });
    group.bench_function("plain_serde_string", |b| {
        b.iter(|| {
            for event in &plain {
                consume(serde_json::to_string(black_box(event)));
            }
        })
    });
    group.bench_function("plain_serde_prealloc", |b| {
        b.iter(|| {
            for event in &plain {
                let mut out = Vec::with_capacity(256);
                consume(serde_json::to_writer(&mut out, black_box(event)));
                consume(out);
            }
        })
    });
    group.bench_function("typed_to_vec", |b| {
        b.iter(|| {
            for event in &typed {
                consume(black_box(event).to_vec());
            }
        })
    });
    group.bench_function("typed_to_json", |b| {
        b.iter(|| {
            for event in &typed {
                consume(black_box(event).to_json());
            }
        })
    });
    group.finish();
}

/// The criterion entry point (in a module: the macro's function has no doc comment).
mod entry {
    use super::*;

    criterion_group!(benches, decode, encode, relay);
}
criterion_main!(entry::benches);
