//! Registry scale: decoding the device event through registries of 1, 50 and 1,000 types.
//!
//! This binary links 1,000 tiny generated `#[domain_event]` structs (`Bench.Event0000` to
//! `Bench.Event0999`, see `build.rs`) beside `Device.ProvisioningRecipeUpdated`. Each registry
//! is built with `Registry::from_descriptors` from the device event and the first 0, 49 or 999
//! generated ones. Groups:
//!
//! - `registry_decode`: `decode_str` of the same 1,000 generated device envelopes through each;
//! - `registry_get`: the bare lookup, `Registry::get` of the device type string.
//!
//! Lookup is a hash map keyed by the type string, so neither should move with the size.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use events_bench::gen::{self, TypeOrder};
use events_core::{DomainEvent, Registry};
use events_device::ProvisioningRecipeUpdated;

// `SCALE_TYPES` and the 1,000 `BenchEventNNNN` structs.
include!(concat!(env!("OUT_DIR"), "/scale_events.rs"));

/// The sizes measured: registered types, the device event included.
const SIZES: [usize; 3] = [1, 50, 1000];

/// A registry of the device event and the first `size - 1` generated events.
fn registry_of(size: usize) -> Registry {
    let global = Registry::global().expect("the registry is usable");
    let device = global
        .get(ProvisioningRecipeUpdated::TYPE)
        .expect("events-device is linked");
    let generated = SCALE_TYPES[..size - 1]
        .iter()
        .map(|t| global.get(t).expect("the generated events are registered"));
    let registry = Registry::from_descriptors(std::iter::once(device).chain(generated))
        .expect("no type string twice");
    assert_eq!(registry.len(), size);
    registry
}

fn registry(c: &mut Criterion) {
    assert!(events_bench::linked_event_types().contains(&ProvisioningRecipeUpdated::TYPE));
    let global = Registry::global().expect("the registry is usable");
    assert!(
        global.len() > SCALE_TYPES.len(),
        "all generated events are linked"
    );
    // Keep one generated type named, so none of them can be thought unused.
    assert_eq!(
        <BenchEvent0999 as DomainEvent>::TYPE,
        SCALE_TYPES[SCALE_TYPES.len() - 1]
    );

    let lines = gen::corpus(0x5EED_0005, 1000, TypeOrder::First);
    let total: u64 = lines.iter().map(|l| l.len() as u64).sum();
    let registries: Vec<(usize, Registry)> = SIZES.iter().map(|&n| (n, registry_of(n))).collect();
    for (_, registry) in &registries {
        for line in &lines {
            let event = registry.decode_str(line).expect("decodes");
            assert!(event.is::<ProvisioningRecipeUpdated>());
        }
    }

    let mut group = c.benchmark_group("registry_decode");
    group.throughput(Throughput::Bytes(total));
    for (size, registry) in &registries {
        group.bench_function(format!("types_{size}"), |b| {
            b.iter(|| {
                for line in &lines {
                    let event = registry.decode_str(black_box(line));
                    black_box(&event);
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("registry_get");
    for (size, registry) in &registries {
        group.bench_function(format!("types_{size}"), |b| {
            b.iter(|| registry.get(black_box(ProvisioningRecipeUpdated::TYPE)))
        });
    }
    group.finish();
}

/// The criterion entry point (in a module: the macro's function has no doc comment).
mod entry {
    use super::*;

    criterion_group!(benches, registry);
}
criterion_main!(entry::benches);
