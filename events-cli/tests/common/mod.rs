//! What the tests of `events validate` share: running the command, and events to feed it.

// Each test file uses its own share of these.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use events_core::stream::{Limits, RawEvent, RawEvents};
use events_core::DomainEvent;
use events_device::ProvisioningRecipeUpdated;
use serde_json::Value;

/// What one run of the command did.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: Vec<u8>,
    pub stderr: String,
}

impl Run {
    pub fn stdout(&self) -> &str {
        std::str::from_utf8(&self.stdout).unwrap()
    }

    /// `--format json` output, one object per line.
    pub fn objects(&self) -> Vec<Value> {
        self.stdout()
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
            .collect()
    }

    /// The `ok` of every event, from `--format json` output.
    pub fn verdicts(&self) -> Vec<bool> {
        self.objects()
            .iter()
            .map(|o| o["ok"].as_bool().unwrap())
            .collect()
    }
}

/// Starts `events` with `args`, its three streams piped, for tests that talk to it while it
/// runs.
pub fn spawn(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_events"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Runs `events` with `args`, feeding it `stdin`.
pub fn events(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = spawn(args);
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // Writing from another thread: a large input must not block on a full output pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    Run {
        code: output.status.code(),
        stdout: output.stdout,
        stderr,
    }
}

/// A path under the test target directory, in a directory of its own per test file.
pub fn path(dir: &str, name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The source document's example as one compact line, with its `id` replaced.
pub fn valid(id: &str) -> String {
    let mut event: Value =
        serde_json::from_str(ProvisioningRecipeUpdated::EXAMPLE.unwrap()).unwrap();
    event["id"] = Value::from(id);
    event.to_string()
}

/// A well-formed event that breaks a rule.
pub fn invalid(id: &str) -> String {
    valid(id).replace("\"Pending\"", "\"pending\"")
}

/// The example as its source document writes it, over several lines.
pub fn pretty() -> &'static str {
    ProvisioningRecipeUpdated::EXAMPLE.unwrap().trim_end()
}

/// An input with something of everything: NDJSON with broken lines, values run together,
/// pretty-printed documents valid and not, text that is not JSON, bad UTF-8, a byte order
/// mark, CRLF line ends, white space around events, and a value that never closes.
pub fn mixed() -> Vec<u8> {
    let mut input = Vec::new();
    let mut line = |text: &[u8]| {
        input.extend_from_slice(text);
        input.push(b'\n');
    };
    line(valid("1").as_bytes());
    line(invalid("2").as_bytes());
    line(&valid("3").as_bytes()[..150]); // cut short
    line(format!("{}{}", valid("4"), valid("5")).as_bytes()); // run together
    line(format!("  {} {}\t{}  ", invalid("6"), valid("7"), valid("8")).as_bytes());
    line(b"not JSON at all, just text");
    line(format!("{{\"id\" 1}} {} hidden on a broken line", valid("9")).as_bytes());
    line(b"\xff\xfe bad \xc3 UTF-8 \x80");
    line(&[b"[\"\xff\"] ".as_slice(), valid("10").as_bytes()].concat());
    line(b"[\"\xe9t\xe9\"] [1, 2] 42 \"s\" true null");
    line(format!("\u{feff}{}", valid("11")).as_bytes());
    line(format!("{}\r", valid("12")).as_bytes());
    line(pretty().as_bytes());
    line(pretty().replace("\"Pending\"", "\"pending\"").as_bytes());
    line(
        format!(
            "{{\n  \"id\": \"13\",\n  \"kind\" \"domain\"\n}}\n{}",
            valid("14")
        )
        .as_bytes(),
    );
    line(b"");
    line(b"   \t  ");
    line(b"{\"unclosed\": [1, 2,");
    line(valid("15").as_bytes());
    line(b"}{]");
    line(b"tru fals nul -01 1.e5 \"\\x\"");
    input.extend_from_slice(b"{\"id\": \"last\", \"never\": \"closes");
    input
}

/// The events the stream reader splits `input` into.
pub fn split(input: &[u8], limits: Limits) -> Vec<RawEvent> {
    RawEvents::with_limits(input, limits)
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The byte values of `bytes` that are not JSON white space, sorted.
pub fn non_space(bytes: &[u8]) -> Vec<u8> {
    let mut kept: Vec<u8> = bytes
        .iter()
        .copied()
        .filter(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .collect();
    kept.sort_unstable();
    kept
}
