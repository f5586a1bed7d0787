//! `ts/events.d.ts` is what `typescript::declarations` generates for the events linked into
//! the `events` command (`events-device`), so `ts/usage.ts` can be type-checked against it
//! (`tsc --strict --noEmit ts/usage.ts`) without running the generator first.
//!
//! After a change to an event or to the generator, regenerate it with
//! `EVENTS_BLESS=1 cargo test -p events-codegen --test typescript`.

use std::path::Path;

use events_core::Registry;

#[test]
fn the_checked_in_declarations_are_the_generated_ones() {
    let registry = Registry::global().unwrap();
    for event_type in events_device::EVENT_TYPES {
        assert!(
            registry.get(event_type).is_some(),
            "{event_type} is not registered"
        );
    }
    let generated = events_codegen::typescript::declarations(registry);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ts/events.d.ts");
    if std::env::var_os("EVENTS_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is out of date; regenerate it with `EVENTS_BLESS=1 cargo test -p events-codegen --test typescript`",
        path.display()
    );
}
