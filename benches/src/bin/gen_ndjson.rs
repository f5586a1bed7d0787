//! Writes N realistic `Device.ProvisioningRecipeUpdated` envelopes as NDJSON, for the
//! command-line comparison (`benches/run.sh`). Never commit its output.
//!
//! ```text
//! gen_ndjson [--count N] [--type-last-every K] [--invalid-every K] [--seed S] OUT
//! ```
//!
//! - `--count N`: how many events (default 1,000,000, about 0.73 GB);
//! - `--type-last-every K`: every K-th event has `type` after `payload` (default 10; 0: never);
//! - `--invalid-every K`: every K-th event is broken so that every reader rejects it, cut
//!   short or with a status outside the union (default 0: none);
//! - `--seed S`: the generator's seed (default 5); the same arguments give the same bytes.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use events_bench::gen::{self, Rng, TypeOrder};

struct Args {
    count: u64,
    type_last_every: u64,
    invalid_every: u64,
    seed: u64,
    out: String,
}

fn parse() -> Result<Args, String> {
    let mut args = Args {
        count: 1_000_000,
        type_last_every: 10,
        invalid_every: 0,
        seed: 5,
        out: String::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut number = |name: &str| -> Result<u64, String> {
            let value = it.next().ok_or(format!("{name} needs a value"))?;
            value
                .replace('_', "")
                .parse()
                .map_err(|_| format!("{name}: not a number: {value}"))
        };
        match arg.as_str() {
            "--count" => args.count = number("--count")?,
            "--type-last-every" => args.type_last_every = number("--type-last-every")?,
            "--invalid-every" => args.invalid_every = number("--invalid-every")?,
            "--seed" => args.seed = number("--seed")?,
            "-h" | "--help" => return Err(String::new()),
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
            _ if args.out.is_empty() => args.out = arg,
            _ => return Err(format!("one output file only, found {arg}")),
        }
    }
    if args.out.is_empty() {
        return Err("no output file".into());
    }
    Ok(args)
}

fn write(args: &Args) -> io::Result<u64> {
    let mut out = BufWriter::with_capacity(1 << 20, File::create(&args.out)?);
    let mut rng = Rng::new(args.seed);
    let mut bytes = 0u64;
    for i in 1..=args.count {
        let event = gen::event(&mut rng);
        let line = if args.invalid_every > 0 && i % args.invalid_every == 0 {
            gen::broken_line(&event, i / args.invalid_every)
        } else if args.type_last_every > 0 && i % args.type_last_every == 0 {
            gen::to_line(&event, TypeOrder::Last)
        } else {
            gen::to_line(&event, TypeOrder::First)
        };
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")?;
        bytes += line.len() as u64 + 1;
    }
    out.flush()?;
    Ok(bytes)
}

fn main() -> ExitCode {
    let args = match parse() {
        Ok(args) => args,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("gen_ndjson: {e}");
            }
            eprintln!(
                "usage: gen_ndjson [--count N] [--type-last-every K] [--invalid-every K] [--seed S] OUT"
            );
            return ExitCode::from(2);
        }
    };
    match write(&args) {
        Ok(bytes) => {
            eprintln!(
                "wrote {} events, {bytes} bytes, to {}",
                args.count, args.out
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_ndjson: cannot write {}: {e}", args.out);
            ExitCode::from(2)
        }
    }
}
