//! `events validate --max-event-size BYTES`: an event longer than the limit is one
//! `malformed_json` event that names the limit, and memory stays bounded whatever the input.

mod common;

use common::{events, valid};

/// `(line, ok, message)` of every event, from `--format json` output.
fn report(args: &[&str], input: &[u8]) -> Vec<(u64, bool, String)> {
    let mut all = vec!["validate", "--format", "json"];
    all.extend_from_slice(args);
    events(&all, input)
        .objects()
        .iter()
        .map(|o| {
            (
                o["line"].as_u64().unwrap(),
                o["ok"].as_bool().unwrap(),
                o["error"]["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

fn too_long(limit: usize) -> String {
    format!("expected an event of at most {limit} bytes, found one longer")
}

/// A valid event with one extra envelope member, `note`, whose value is `value`.
fn with_note(value: &str) -> String {
    let event = valid("a");
    format!("{},\"note\":{value}}}", &event[..event.len() - 1])
}

#[test]
fn an_event_at_the_limit_is_accepted_and_one_byte_longer_is_not() {
    let event = valid("a");
    let n = event.len();
    let input = format!("{event}\n{}\n", valid("b"));
    let at = n.to_string();
    assert_eq!(
        report(&["--max-event-size", &at], input.as_bytes()),
        [(1, true, String::new()), (2, true, String::new())]
    );
    let below = (n - 1).to_string();
    assert_eq!(
        report(&["--max-event-size", &below], input.as_bytes()),
        [(1, false, too_long(n - 1)), (2, false, too_long(n - 1))]
    );
    // The text report names the kind and the limit.
    let run = events(&["validate", "--max-event-size", &below], event.as_bytes());
    assert_eq!(run.code, Some(1));
    assert_eq!(
        run.stdout(),
        format!("-:1: malformed_json: {}\n", too_long(n - 1))
    );
}

#[test]
fn a_huge_string_or_array_is_fine_within_the_limit_and_rejected_past_it() {
    let huge_string = with_note(&format!("\"{}\"", "é".repeat(1 << 20)));
    let huge_array = with_note(&format!(
        "[{}\"end\"]",
        "[1, {\"a\": null}], ".repeat(1 << 16)
    ));
    for event in [huge_string, huge_array] {
        let n = event.len();
        let input = format!("{event}\n{}\n", valid("next"));
        let at = n.to_string();
        let past = (n - 1).to_string();
        assert_eq!(
            report(&["--max-event-size", &at], input.as_bytes()),
            [(1, true, String::new()), (2, true, String::new())]
        );
        assert_eq!(
            report(&["--max-event-size", &past], input.as_bytes()),
            [(1, false, too_long(n - 1)), (2, true, String::new())]
        );
    }
}

#[test]
fn the_default_limit_is_1_mib() {
    let filler = |event_len: usize| {
        let bare = with_note("\"\"").len();
        with_note(&format!("\"{}\"", "x".repeat(event_len - bare)))
    };
    let at = filler(1 << 20);
    assert_eq!(at.len(), 1 << 20);
    let past = filler((1 << 20) + 1);
    let input = format!("{at}\n{past}\n");
    assert_eq!(
        report(&[], input.as_bytes()),
        [(1, true, String::new()), (2, false, too_long(1 << 20))]
    );
}

#[test]
fn sizes_take_binary_units_and_bad_ones_are_usage_errors() {
    let event = with_note(&format!("\"{}\"", "x".repeat(500)));
    assert!((1024..2048).contains(&event.len()), "{}", event.len());
    let input = format!("{event}\n");
    assert!(report(&["--max-event-size", "2KiB"], input.as_bytes())[0].1);
    assert_eq!(
        report(&["--max-event-size", "1KiB"], input.as_bytes())[0],
        (1, false, too_long(1024))
    );
    for bad in [
        "0",
        "1KB",
        "-1",
        "x",
        "",
        "1 MiB",
        "99999999999999999999GiB",
    ] {
        let run = events(&["validate", "--max-event-size", bad], input.as_bytes());
        assert_eq!(run.code, Some(2), "{bad:?}");
        if bad != "-1" {
            assert!(run.stderr.contains("--max-event-size"), "{}", run.stderr);
        }
    }
}

/// The peak resident memory of a running process, in KiB.
#[cfg(target_os = "linux")]
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .unwrap_or_else(|| panic!("{status}"));
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

/// A 100 MB event on one line, read with a 64 KiB limit: the command never holds it, on
/// one thread or several. The peak is read while the command waits for more input, right
/// after the whole line went through.
#[cfg(target_os = "linux")]
#[test]
fn a_100_mb_line_stays_in_bounded_memory() {
    use std::io::{Read, Write};

    for jobs in ["1", "4"] {
        let mut child = common::spawn(&[
            "validate",
            "--format",
            "json",
            "--max-event-size",
            "64KiB",
            "--jobs",
            jobs,
        ]);
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut out = String::new();
            stdout.read_to_string(&mut out).unwrap();
            out
        });
        let chunk = format!("{{\"id\": [{}", "1, ".repeat(1 << 18));
        let mut sent = 0;
        while sent < 100_000_000 {
            stdin.write_all(chunk.as_bytes()).unwrap();
            sent += chunk.len();
        }
        stdin.flush().unwrap();
        // The pipe holds at most 64 KiB the command has not read yet.
        std::thread::sleep(std::time::Duration::from_millis(200));
        let peak = peak_rss_kib(child.id());
        stdin
            .write_all(format!("\n{}\n", valid("after")).as_bytes())
            .unwrap();
        drop(stdin);
        let status = child.wait().unwrap();
        let out = reader.join().unwrap();

        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert_eq!(lines[0]["error"]["message"], too_long(64 * 1024));
        assert_eq!(
            (&lines[1]["line"], &lines[1]["ok"]),
            (&2.into(), &true.into())
        );
        assert_eq!(status.code(), Some(1));
        assert!(
            peak < 24 * 1024,
            "jobs {jobs}: peak resident memory {peak} KiB"
        );
    }
}
