//! `events validate --valid-out FILE --invalid-out FILE`: the two files together hold every
//! input event once, byte for byte, so that a pipeline that quarantines bad input loses
//! nothing and alters nothing.

mod common;

use std::path::{Path, PathBuf};

use common::{events, invalid, mixed, non_space, path, pretty, split, valid, Run};
use events_core::stream::Limits;

/// Runs `validate --format json` on `input` with both outputs; gives the run and the two
/// files' contents.
fn split_run(name: &str, input: &[u8], extra: &[&str]) -> (Run, Vec<u8>, Vec<u8>) {
    let valid_out = path("split", &format!("{name}.valid"));
    let invalid_out = path("split", &format!("{name}.invalid"));
    let mut args = vec![
        "validate",
        "--format",
        "json",
        "--valid-out",
        valid_out.to_str().unwrap(),
        "--invalid-out",
        invalid_out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let run = events(&args, input);
    (run, read(&valid_out), read(&invalid_out))
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What the two files must hold: each event's bytes and a line break, in input order, in
/// the file its verdict picks.
fn expected(input: &[u8], verdicts: &[bool], limits: Limits) -> (Vec<u8>, Vec<u8>) {
    let events = split(input, limits);
    assert_eq!(events.len(), verdicts.len());
    let (mut valid, mut invalid) = (Vec::new(), Vec::new());
    for (event, &ok) in events.iter().zip(verdicts) {
        if event.bytes.is_empty() {
            continue;
        }
        let out = if ok { &mut valid } else { &mut invalid };
        out.extend_from_slice(&event.bytes);
        out.push(b'\n');
    }
    (valid, invalid)
}

/// Walks `input` event by event: each one's bytes sit right where the previous one ended,
/// past white space only, and nothing but white space is left at the end. So the events
/// hold every byte that is not white space between events, once and in order.
fn assert_events_tile(input: &[u8]) {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
    let mut at = 0;
    for event in split(input, Limits::default()) {
        while input.get(at).is_some_and(is_space) {
            at += 1;
        }
        assert!(
            input[at..].starts_with(&event.bytes),
            "{event:?} is not at byte {at}"
        );
        at += event.bytes.len();
    }
    assert!(input[at..].iter().all(is_space));
}

#[test]
fn valid_out_and_invalid_out_hold_every_input_event_once_byte_for_byte() {
    let input = mixed();
    let (run, valid_out, invalid_out) = split_run("mixed", &input, &[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let verdicts = run.verdicts();
    assert!(verdicts.iter().filter(|&&ok| ok).count() >= 8);
    assert!(verdicts.iter().filter(|&&ok| !ok).count() >= 10);

    // Each event's exact bytes, in the file of its verdict, in input order.
    let (valid, invalid) = expected(&input, &verdicts, Limits::default());
    assert_eq!(
        String::from_utf8_lossy(&valid_out),
        String::from_utf8_lossy(&valid)
    );
    assert_eq!(valid_out, valid);
    assert_eq!(invalid_out, invalid);
    // ... and those events are the whole input, less the white space between them.
    assert_events_tile(&input);
    // The same, without the stream reader's help: not one byte more or less.
    assert_eq!(
        non_space(&[valid_out.as_slice(), &invalid_out].concat()),
        non_space(&input)
    );

    // What was found valid is valid again, event for event; what was found invalid is
    // never valid.
    let again = events(&["validate", "--format", "json"], &valid_out);
    assert_eq!(again.code, Some(0), "{}", again.stdout());
    assert_eq!(
        again.verdicts().len(),
        verdicts.iter().filter(|&&ok| ok).count()
    );
    let again = events(&["validate", "--format", "json"], &invalid_out);
    assert!(again.verdicts().iter().all(|&ok| !ok));
}

#[test]
fn ndjson_lines_go_whole_to_one_file_or_the_other() {
    let lines: Vec<Vec<u8>> = vec![
        valid("a").into_bytes(),
        invalid("b").into_bytes(),
        valid("c").as_bytes()[..200].to_vec(),
        b"garbage, not JSON".to_vec(),
        b"\x00\xff\xfe{\"id\":".to_vec(),
        format!("{{\"id\" 1}} {}", valid("hidden")).into_bytes(),
        valid("d").into_bytes(),
        b"[1, 2,".to_vec(),
        invalid("e").into_bytes(),
    ];
    let input: Vec<u8> = lines
        .iter()
        .flat_map(|l| [l.as_slice(), b"\n"].concat())
        .collect();
    let (run, valid_out, invalid_out) = split_run("ndjson", &input, &[]);
    let verdicts = run.verdicts();
    assert_eq!(
        verdicts,
        [true, false, false, false, false, false, true, false, false]
    );
    let pick = |ok: bool| -> Vec<u8> {
        lines
            .iter()
            .zip(&verdicts)
            .filter(|(_, &v)| v == ok)
            .flat_map(|(l, _)| [l.as_slice(), b"\n"].concat())
            .collect()
    };
    assert_eq!(valid_out, pick(true));
    assert_eq!(invalid_out, pick(false));
}

#[test]
fn invalid_events_keep_their_text_even_when_it_is_not_json() {
    let input =
        b"plain text\n\xef\xbb\xbf[1]\n\xff\xfe\xfd\n{\"a\": tru}  \r\n\"no end\n\x01 \x7f\n";
    let (run, valid_out, invalid_out) = split_run("garbage", input, &[]);
    assert_eq!(run.verdicts(), [false; 6]);
    assert_eq!(valid_out, b"");
    assert_eq!(
        invalid_out,
        b"plain text\n\xef\xbb\xbf[1]\n\xff\xfe\xfd\n{\"a\": tru}\n\"no end\n\x01 \x7f\n"
    );
}

#[test]
fn a_multi_line_event_stays_multi_line() {
    let bad = pretty().replace("\"Pending\"", "\"pending\"");
    let input = format!("\n{}\n\n  {bad}\n", pretty());
    let (run, valid_out, invalid_out) = split_run("pretty", input.as_bytes(), &[]);
    assert_eq!(run.verdicts(), [true, false]);
    assert_eq!(
        String::from_utf8(valid_out).unwrap(),
        format!("{}\n", pretty())
    );
    assert_eq!(String::from_utf8(invalid_out).unwrap(), format!("{bad}\n"));
}

#[test]
fn a_broken_multi_line_event_gives_its_first_line_and_its_other_lines_are_read_again() {
    let input = format!(
        "{{\n  \"id\": \"x\",\n  \"kind\" \"domain\"\n}}\n{}\n",
        valid("a")
    );
    let (run, valid_out, invalid_out) = split_run("broken-pretty", input.as_bytes(), &[]);
    assert_eq!(
        run.verdicts(),
        [false, false, false, false, false, false, true]
    );
    assert_eq!(valid_out, format!("{}\n", valid("a")).as_bytes());
    assert_eq!(
        String::from_utf8(invalid_out).unwrap(),
        "{\n\"id\"\n: \"x\",\n\"kind\"\n\"domain\"\n}\n"
    );
}

#[test]
fn either_file_may_be_asked_for_alone() {
    let input = mixed();
    let (_, valid_both, invalid_both) = split_run("alone-both", &input, &[]);

    let valid_out = path("split", "alone.valid");
    let run = events(
        &["validate", "--valid-out", valid_out.to_str().unwrap()],
        &input,
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(read(&valid_out), valid_both);

    let invalid_out = path("split", "alone.invalid");
    let run = events(
        &["validate", "--invalid-out", invalid_out.to_str().unwrap()],
        &input,
    );
    assert_eq!(run.code, Some(1));
    assert_eq!(read(&invalid_out), invalid_both);
    assert!(run.stderr.ends_with(" invalid\n"), "{}", run.stderr);
}

#[test]
fn an_input_without_events_writes_nothing() {
    for input in ["", "\n \t\r\n"] {
        let (run, valid_out, invalid_out) = split_run("empty", input.as_bytes(), &[]);
        assert_eq!(run.verdicts(), [false]);
        assert_eq!(run.code, Some(1));
        assert_eq!((valid_out, invalid_out), (vec![], vec![]));
    }
}

#[test]
fn an_event_longer_than_the_limit_keeps_only_that_many_bytes() {
    let long = format!("[\"{}\"]", "x".repeat(5000));
    let input = format!("{}\n{long}\n{}\n", valid("a"), valid("b"));
    let size = valid("a").len().to_string();
    let (run, valid_out, invalid_out) =
        split_run("oversized", input.as_bytes(), &["--max-event-size", &size]);
    assert_eq!(run.verdicts(), [true, false, true]);
    assert_eq!(
        valid_out,
        format!("{}\n{}\n", valid("a"), valid("b")).as_bytes()
    );
    assert_eq!(
        invalid_out,
        format!("{}\n", &long[..valid("a").len()]).as_bytes()
    );
}

#[test]
fn every_file_is_split_in_order_whatever_the_number_of_threads() {
    let first = path("split", "jobs-first.ndjson");
    std::fs::write(&first, mixed()).unwrap();
    let second = path("split", "jobs-second.ndjson");
    std::fs::write(&second, format!("{}\n{}\n", invalid("x"), valid("y"))).unwrap();
    let input = mixed().repeat(50);
    let mut seen = Vec::new();
    for jobs in ["1", "2", "4"] {
        let (run, valid_out, invalid_out) = split_run(
            &format!("jobs-{jobs}"),
            &input,
            &[
                "--jobs",
                jobs,
                first.to_str().unwrap(),
                "-",
                second.to_str().unwrap(),
            ],
        );
        seen.push((run.stdout, valid_out, invalid_out));
    }
    assert_eq!(seen[0], seen[1]);
    assert_eq!(seen[0], seen[2]);
}

#[test]
fn an_output_that_is_also_an_input_is_refused_and_the_input_kept() {
    let input = path("split", "precious.ndjson");
    let contents = format!("{}\n{}\n", valid("a"), invalid("b"));
    std::fs::write(&input, &contents).unwrap();
    let input = input.to_str().unwrap();
    for flag in ["--valid-out", "--invalid-out"] {
        let run = events(&["validate", flag, input, input], b"");
        assert_eq!(run.code, Some(2));
        assert!(run.stderr.contains(input), "{}", run.stderr);
        assert_eq!(std::fs::read_to_string(input).unwrap(), contents);
    }

    let same = path("split", "same.out");
    let same = same.to_str().unwrap();
    let run = events(
        &["validate", "--valid-out", same, "--invalid-out", same],
        contents.as_bytes(),
    );
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("different files"), "{}", run.stderr);
}

#[test]
fn an_output_that_cannot_be_created_is_exit_code_2() {
    let nowhere: PathBuf = path("split", "no-such-dir").join("valid.ndjson");
    let run = events(
        &["validate", "--valid-out", nowhere.to_str().unwrap()],
        valid("a").as_bytes(),
    );
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("cannot create"), "{}", run.stderr);
}
