//! `events validate`, run as a subprocess: one test per rule of `CONTRACT.md`, section 5.

mod common;

use std::io::{Read, Write};
use std::path::PathBuf;

use events_core::DomainEvent;
use events_device::ProvisioningRecipeUpdated;
use serde_json::Value;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    /// `--format json` output, one object per line.
    fn objects(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
            .collect()
    }

    /// `(line, kind)` of every event, from `--format json` output; kind is `None` when valid.
    fn lines_and_kinds(&self) -> Vec<(u64, Option<String>)> {
        self.objects()
            .iter()
            .map(|o| {
                let kind = o["error"]["kind"].as_str().map(str::to_owned);
                (o["line"].as_u64().unwrap(), kind)
            })
            .collect()
    }
}

/// Runs `events` with `args`, feeding it `stdin` (through the shared harness), with its
/// output as text.
fn events(args: &[&str], stdin: &[u8]) -> Run {
    let run = common::events(args, stdin);
    Run {
        code: run.code,
        stdout: String::from_utf8(run.stdout).unwrap(),
        stderr: run.stderr,
    }
}

fn validate_json(stdin: &str) -> Run {
    events(&["validate", "--format", "json"], stdin.as_bytes())
}

/// A file under the test target directory, for inputs given by name.
fn file(name: &str, contents: &[u8]) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("validate");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path.to_str().unwrap().to_owned()
}

fn missing_file() -> String {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("validate/no-such-file.ndjson");
    path.to_str().unwrap().to_owned()
}

fn sample(name: &str) -> String {
    format!("{}/samples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The source document's example as one compact line, with its `id` replaced.
fn valid(id: &str) -> String {
    let mut event: Value =
        serde_json::from_str(ProvisioningRecipeUpdated::EXAMPLE.unwrap()).unwrap();
    event["id"] = Value::from(id);
    event.to_string()
}

fn invalid(id: &str) -> String {
    valid(id).replace("\"Pending\"", "\"pending\"")
}

fn some(kind: &str) -> Option<String> {
    Some(kind.to_owned())
}

#[test]
fn ndjson_is_one_event_per_line() {
    let input = format!("{}\n{}\n\n{}\n", valid("a"), invalid("b"), valid("c"));
    let run = validate_json(&input);
    assert_eq!(
        run.lines_and_kinds(),
        [(1, None), (2, some("invalid_value")), (4, None)]
    );
}

#[test]
fn pretty_printed_document_is_one_event() {
    let example = ProvisioningRecipeUpdated::EXAMPLE.unwrap();
    let first_part = format!("\n{example}\n");
    let input = format!("{first_part}{example}");
    let run = validate_json(&input);
    let second = 1 + first_part.matches('\n').count() as u64;
    assert_eq!(run.lines_and_kinds(), [(2, None), (second, None)]);
    assert_eq!(run.code, Some(0));
}

#[test]
fn events_run_together_without_separator_are_two_events() {
    let input = format!("{}{}", valid("a"), valid("b"));
    let run = validate_json(&input);
    assert_eq!(run.lines_and_kinds(), [(1, None), (1, None)]);
    let ids: Vec<_> = run.objects().iter().map(|o| o["id"].clone()).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn a_broken_event_is_reported_on_the_line_where_it_starts() {
    let input = format!(
        "{}\n\n{{\"id\": \"x\",\n \"kind\": \"domain\"\n",
        valid("a")
    );
    let run = validate_json(&input);
    assert_eq!(
        run.lines_and_kinds()[..2],
        [(1, None), (3, some("malformed_json"))]
    );
}

#[test]
fn a_broken_line_does_not_hide_the_next() {
    // An event cut short, then one that never closes: each hides nothing after its line.
    let cut = &valid("cut")[..100];
    let input = format!("{cut}\n{}\n[{{\n{}\n", valid("b"), valid("c"));
    let run = validate_json(&input);
    assert_eq!(
        run.lines_and_kinds(),
        [
            (1, some("malformed_json")),
            (2, None),
            (3, some("malformed_json")),
            (4, None)
        ]
    );
}

#[test]
fn reading_resumes_at_the_start_of_the_next_line() {
    // What follows a broken event on its own line is skipped, even a valid event.
    let input = format!("{{\"id\" 1}} {}\n{}\n", valid("skipped"), valid("read"));
    let run = validate_json(&input);
    assert_eq!(
        run.lines_and_kinds(),
        [(1, some("malformed_json")), (2, None)]
    );
    assert_eq!(run.objects()[1]["id"], "read");
}

#[test]
fn empty_input_is_one_malformed_event_at_line_1() {
    let run = validate_json("");
    assert_eq!(run.lines_and_kinds(), [(1, some("malformed_json"))]);
    assert_eq!(run.code, Some(1));
}

#[test]
fn white_space_only_input_is_one_malformed_event_at_line_1() {
    let run = validate_json("\n \t\r\n\n  ");
    assert_eq!(run.lines_and_kinds(), [(1, some("malformed_json"))]);
}

#[test]
fn json_format_prints_one_object_per_event_in_input_order() {
    let input = format!("{}\n{}\n{}\n", invalid("1"), valid("2"), invalid("3"));
    let run = validate_json(&input);
    let ids: Vec<_> = run.objects().iter().map(|o| o["id"].clone()).collect();
    assert_eq!(ids, ["1", "2", "3"]);
    assert_eq!(run.stdout.lines().count(), 3);
}

#[test]
fn json_format_fields_in_order() {
    let input = format!("{}\n{}\n", valid("a"), invalid("b"));
    let run = validate_json(&input);
    let lines: Vec<&str> = run.stdout.lines().collect();
    let keys = |line: &str, keys: &[&str]| {
        let at: Vec<usize> = keys
            .iter()
            .map(|k| {
                line.find(&format!("\"{k}\":"))
                    .unwrap_or_else(|| panic!("{k}: {line}"))
            })
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{line}");
    };
    keys(lines[0], &["file", "line", "ok", "type", "id", "error"]);
    keys(
        lines[1],
        &[
            "file", "line", "ok", "type", "id", "error", "kind", "path", "message",
        ],
    );

    let objects = run.objects();
    let valid_keys: Vec<_> = objects[0].as_object().unwrap().keys().cloned().collect();
    let mut expected = ["file", "line", "ok", "type", "id", "error"].map(String::from);
    expected.sort();
    assert_eq!(valid_keys, expected);
    assert_eq!(
        objects[0],
        serde_json::json!({"file": "-", "line": 1, "ok": true,
            "type": "Device.ProvisioningRecipeUpdated", "id": "a", "error": null})
    );
    assert_eq!(objects[1]["ok"], false);
    assert_eq!(
        objects[1]["error"],
        serde_json::json!({"kind": "invalid_value", "path": "payload.status",
            "message": objects[1]["error"]["message"].clone()})
    );
    assert!(!objects[1]["error"]["message"].as_str().unwrap().is_empty());
}

#[test]
fn json_format_type_and_id_are_unescaped_or_null() {
    let escaped = invalid("a").replace("\"id\":\"a\"", "\"id\":\"\\u0061\\\"b\"");
    let unknown = valid("c").replace("Device.ProvisioningRecipeUpdated", "Device.Unknown");
    let not_strings = r#"{"id": 7, "kind": "domain", "type": ["x"], "payload": {}}"#;
    let input = format!("{escaped}\n{unknown}\n{not_strings}\n[]\n");
    let run = validate_json(&input);
    let pairs: Vec<_> = run
        .objects()
        .iter()
        .map(|o| (o["type"].clone(), o["id"].clone()))
        .collect();
    assert_eq!(
        pairs,
        [
            (
                Value::from("Device.ProvisioningRecipeUpdated"),
                Value::from("a\"b")
            ),
            (Value::from("Device.Unknown"), Value::from("c")),
            (Value::Null, Value::Null),
            (Value::Null, Value::Null),
        ]
    );
}

#[test]
fn text_format_line_shape() {
    let input = format!("{}\n{}\n{{broken\n[]\n", valid("a"), invalid("b"));
    let run = events(&["validate", "--format", "text"], input.as_bytes());
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", run.stdout);
    // FILE:LINE: KIND at PATH: MESSAGE
    assert!(
        lines[0].starts_with("-:2: invalid_value at payload.status: expected "),
        "{}",
        lines[0]
    );
    // FILE:LINE: KIND: MESSAGE where the path is empty
    assert!(
        lines[1].starts_with("-:3: malformed_json: "),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("-:4: invalid_type: "), "{}", lines[2]);
}

#[test]
fn text_format_is_the_default_and_prints_a_summary_on_standard_error() {
    let input = format!("{}\n{}\n{}\n", valid("a"), invalid("b"), valid("c"));
    let run = events(&["validate"], input.as_bytes());
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(run
        .stdout
        .starts_with("-:2: invalid_value at payload.status: "));
    assert_eq!(run.stderr.trim_end(), "3 events: 2 valid, 1 invalid");
}

#[test]
fn text_format_prints_nothing_on_standard_output_when_every_event_is_valid() {
    let run = events(&["validate"], valid("a").as_bytes());
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr.trim_end(), "1 event: 1 valid, 0 invalid");
}

#[test]
fn stdin_is_dash() {
    let input = format!("{}\n{}\n", valid("a"), invalid("b"));
    let implicit = events(&["validate", "--format", "json"], input.as_bytes());
    let dash = events(&["validate", "--format", "json", "-"], input.as_bytes());
    assert_eq!(implicit.stdout, dash.stdout);
    assert!(dash.objects().iter().all(|o| o["file"] == "-"));
    assert_eq!(dash.objects().len(), 2);
}

#[test]
fn files_are_named_as_given_and_read_in_order() {
    let first = file("named-first.ndjson", invalid("1").as_bytes());
    let second = file(
        "named-second.ndjson",
        format!("{}\n{}", valid("2"), invalid("3")).as_bytes(),
    );
    let run = events(
        &["validate", &first, "-", &second],
        invalid("stdin").as_bytes(),
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with(&format!("{first}:1: ")));
    assert!(lines[1].starts_with("-:1: "));
    assert!(lines[2].starts_with(&format!("{second}:2: ")));
}

#[test]
fn exit_code_0_when_every_event_is_valid() {
    let input = format!("{}\n{}", valid("a"), valid("b"));
    assert_eq!(events(&["validate"], input.as_bytes()).code, Some(0));
}

#[test]
fn exit_code_1_when_an_event_is_invalid() {
    let input = format!("{}\n{}", valid("a"), invalid("b"));
    assert_eq!(events(&["validate"], input.as_bytes()).code, Some(1));
}

#[test]
fn exit_code_2_on_a_usage_error() {
    for args in [
        &["validate", "--format", "xml"][..],
        &["validate", "--no-such-flag"],
        &["no-such-command"],
        &[],
    ] {
        let run = events(args, b"");
        assert_eq!(run.code, Some(2), "{args:?}");
        assert!(!run.stderr.is_empty());
    }
}

#[test]
fn exit_code_2_when_an_input_cannot_be_read_and_the_others_are_still_checked() {
    let missing = missing_file();
    let good = file("unreadable-neighbour.ndjson", valid("a").as_bytes());
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("validate");
    let dir = dir.to_str().unwrap();
    let run = events(&["validate", "--format", "json", &missing, &good, dir], b"");
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains(&missing), "{}", run.stderr);
    assert!(run.stderr.contains(dir), "{}", run.stderr);
    let objects = run.objects();
    assert_eq!(objects.len(), 1);
    assert_eq!(objects[0]["file"], good.as_str());
    assert_eq!(objects[0]["ok"], true);
}

#[test]
fn exit_code_2_wins_over_1() {
    let bad = file("two-wins-bad.ndjson", invalid("a").as_bytes());
    let run = events(&["validate", &bad, &missing_file()], b"");
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout.lines().count(), 1);
    let run = events(&["validate", &missing_file(), &bad], b"");
    assert_eq!(run.code, Some(2));
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn invalid_utf8_is_malformed_json_and_hides_nothing() {
    let mut input = b"[\"\xff\"]\n".to_vec();
    input.extend_from_slice(valid("a").as_bytes());
    let run = events(&["validate", "--format", "json"], &input);
    assert_eq!(
        run.lines_and_kinds(),
        [(1, some("malformed_json")), (2, None)]
    );
}

#[test]
fn a_closed_standard_output_ends_quietly() {
    let line = format!("{}\n", invalid("x"));
    let input = line.repeat(20_000);
    let mut child = common::spawn(&["validate", "--format", "json"]);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(stderr, "");
    assert!(
        matches!(output.status.code(), Some(0..=2)),
        "{:?}",
        output.status
    );
}

#[test]
fn the_bundled_samples_check_as_documented() {
    let run = events(&["validate", &sample("valid.ndjson")], b"");
    assert_eq!(run.code, Some(0), "{}", run.stdout);

    let run = events(
        &["validate", "--format", "json", &sample("events.ndjson")],
        b"",
    );
    assert_eq!(run.code, Some(1));
    let objects = run.objects();
    assert!(objects.iter().any(|o| o["ok"] == true));
    let mut kinds: Vec<&str> = objects
        .iter()
        .filter_map(|o| o["error"]["kind"].as_str())
        .collect();
    kinds.sort_unstable();
    let before = kinds.len();
    kinds.dedup();
    assert_eq!(
        kinds.len(),
        before,
        "each invalid sample shows a different kind"
    );
    assert!(kinds.len() >= 3);
}
