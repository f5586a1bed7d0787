//! The baseline for `events validate`: the minimal program that reads NDJSON lines and decodes
//! each with plain serde into the hand-written struct, counting valid and invalid lines.
//!
//! ```text
//! plain_lines [FILE]        # no FILE, or "-": standard input
//! ```
//!
//! One thread, a reused line buffer, UTF-8 checked per line and then `serde_json::from_str`
//! (the fastest plain way: `from_slice` is slower). Blank lines are skipped. No checks beyond
//! what the derives do, no error report beyond the counts. Prints `N valid, M invalid` on
//! standard error; exits 0 if every line decoded, 1 if one did not, 2 if the input is unreadable.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::process::ExitCode;

use events_bench::plain::PlainEnvelope;

fn count(input: impl Read) -> io::Result<(u64, u64)> {
    let mut reader = BufReader::with_capacity(64 * 1024, input);
    let mut line = Vec::with_capacity(4096);
    let (mut valid, mut invalid) = (0u64, 0u64);
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok((valid, invalid));
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let decoded = std::str::from_utf8(&line)
            .ok()
            .and_then(|text| serde_json::from_str::<PlainEnvelope>(text).ok());
        match decoded {
            Some(_) => valid += 1,
            None => invalid += 1,
        }
    }
}

fn main() -> ExitCode {
    let path = std::env::args_os().nth(1);
    let counted = match path.as_deref() {
        None => count(io::stdin().lock()),
        Some(p) if p == "-" => count(io::stdin().lock()),
        Some(p) => File::open(p).and_then(count),
    };
    match counted {
        Ok((valid, invalid)) => {
            eprintln!("{valid} valid, {invalid} invalid");
            ExitCode::from(u8::from(invalid > 0))
        }
        Err(e) => {
            eprintln!("plain_lines: cannot read the input: {e}");
            ExitCode::from(2)
        }
    }
}
