//! Decodes the benchmark's 1,000 generated events 20 times over in one way, for counting
//! instructions with callgrind, which other load on the machine does not disturb:
//!
//! ```text
//! valgrind --tool=callgrind target/release/decode_loop MODE [first|last]
//! ```
//!
//! `MODE` is `none` (only generate the events: the cost to subtract), `plain` (serde_json
//! into the hand-written struct), `typed`, `dynamic` or `dispatch`; `last` puts `type`
//! after `payload`. Every decode must succeed.

use std::hint::black_box;
use std::process::ExitCode;

use events_bench::gen::{self, TypeOrder};
use events_bench::plain::PlainEnvelope;
use events_core::{Dispatcher, Envelope, Registry};
use events_device::ProvisioningRecipeUpdated;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_default();
    let order = match args.next().as_deref() {
        None | Some("first") => TypeOrder::First,
        Some("last") => TypeOrder::Last,
        Some(other) => {
            eprintln!("decode_loop: expected `first` or `last`, found {other:?}");
            return ExitCode::from(2);
        }
    };
    let Ok(registry) = Registry::global() else {
        eprintln!("decode_loop: the registry is not usable");
        return ExitCode::from(2);
    };
    let dispatcher = Dispatcher::new().on(|event: Envelope<ProvisioningRecipeUpdated>| {
        black_box(&event.payload);
    });
    let decode: &dyn Fn(&str) -> bool = match mode.as_str() {
        "none" => &|_| true,
        "plain" => &|line| black_box(serde_json::from_str::<PlainEnvelope>(line)).is_ok(),
        "typed" => {
            &|line| black_box(Envelope::<ProvisioningRecipeUpdated>::from_json(line)).is_ok()
        }
        "dynamic" => &|line| {
            let event = registry
                .decode_str(line)
                .map(|e| e.downcast::<ProvisioningRecipeUpdated>());
            matches!(black_box(event), Ok(Ok(_)))
        },
        "dispatch" => &|line| black_box(dispatcher.dispatch(line.as_bytes())).is_ok(),
        _ => {
            eprintln!(
                "decode_loop: expected none, plain, typed, dynamic or dispatch, found {mode:?}"
            );
            return ExitCode::from(2);
        }
    };
    let lines = gen::corpus(7, 1000, order);
    for _ in 0..20 {
        for line in &lines {
            if !decode(line) {
                eprintln!("decode_loop: {mode} failed on {line}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
