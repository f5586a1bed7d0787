//! `events validate --jobs N`: decoding spread over threads changes nothing in what the
//! command says, in which order, or how it exits.

mod common;

use common::{events, invalid, mixed, path, pretty, valid, Run};

/// A large input of every kind of event: valid, invalid, broken, pretty-printed.
fn large() -> Vec<u8> {
    let mut input = Vec::new();
    for i in 0..8_000 {
        let line = match i % 10 {
            0 => invalid(&i.to_string()),
            1 => valid(&i.to_string())[..100].to_owned(),
            2 => pretty().to_owned(),
            3 => format!("{}{}", valid(&i.to_string()), invalid("run-together")),
            _ => valid(&i.to_string()),
        };
        input.extend_from_slice(line.as_bytes());
        input.push(b'\n');
        if i % 1000 == 0 {
            input.extend_from_slice(&mixed());
            input.push(b'\n');
        }
    }
    input
}

fn same(a: &Run, b: &Run, what: &str) {
    assert_eq!(a.code, b.code, "{what}");
    assert!(a.stdout == b.stdout, "{what}: the standard outputs differ");
    assert_eq!(a.stderr, b.stderr, "{what}");
}

#[test]
fn jobs_1_and_jobs_4_print_the_same_in_the_same_order() {
    let input = large();
    for format in ["json", "text"] {
        let one = events(&["validate", "--format", format, "--jobs", "1"], &input);
        assert_eq!(one.code, Some(1));
        for jobs in ["2", "4", "7"] {
            let many = events(&["validate", "--format", format, "--jobs", jobs], &input);
            same(&one, &many, &format!("--format {format} --jobs {jobs}"));
        }
        let default = events(&["validate", "--format", format], &input);
        same(&one, &default, &format!("--format {format}, default jobs"));
    }
    let one = events(&["validate", "--format", "json", "--jobs", "1"], &input);
    let objects = one.objects();
    assert!(objects.len() > 8_000);
    assert!(objects
        .windows(2)
        .all(|w| w[0]["line"].as_u64() <= w[1]["line"].as_u64()));
}

#[test]
fn inputs_that_cannot_be_read_are_reported_in_their_place() {
    let good = path("jobs", "good.ndjson");
    std::fs::write(&good, large()).unwrap();
    let missing = path("jobs", "missing.ndjson");
    let _ = std::fs::remove_file(&missing);
    let dir = path("jobs", "");
    let args = |jobs: &'static str| {
        vec![
            "validate".to_owned(),
            "--jobs".to_owned(),
            jobs.to_owned(),
            good.to_str().unwrap().to_owned(),
            missing.to_str().unwrap().to_owned(),
            "-".to_owned(),
            dir.to_str().unwrap().to_owned(),
            good.to_str().unwrap().to_owned(),
        ]
    };
    let run = |jobs| {
        let args = args(jobs);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        events(&args, format!("{}\n", invalid("stdin")).as_bytes())
    };
    let one = run("1");
    assert_eq!(one.code, Some(2));
    assert!(one.stderr.contains("cannot open"), "{}", one.stderr);
    assert!(one.stderr.contains("cannot read"), "{}", one.stderr);
    same(&one, &run("3"), "unreadable inputs");
}

#[test]
fn jobs_must_be_a_positive_number() {
    for bad in ["0", "-1", "many", "", "1025", "99999999999999999999"] {
        let run = events(&["validate", "--jobs", bad], valid("a").as_bytes());
        assert_eq!(run.code, Some(2), "{bad:?}");
    }
    let run = events(&["validate", "-j", "3"], valid("a").as_bytes());
    assert_eq!(run.code, Some(0));
    assert_eq!(run.stderr, "1 event: 1 valid, 0 invalid\n");
}

#[test]
fn what_was_read_is_reported_as_soon_as_the_input_pauses() {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::mpsc;
    use std::time::Duration;

    for jobs in ["1", "2"] {
        let mut child = common::spawn(&["validate", "--format", "json", "--jobs", jobs]);
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let _ = tx.send(line.unwrap());
            }
        });
        stdin
            .write_all(format!("{}\n{}\n", valid("a"), invalid("b")).as_bytes())
            .unwrap();
        stdin.flush().unwrap();
        // The input stays open: the two reports come all the same.
        for id in ["a", "b"] {
            let line = rx
                .recv_timeout(Duration::from_secs(20))
                .unwrap_or_else(|e| panic!("--jobs {jobs}: no report for {id}: {e}"));
            assert!(line.contains(&format!("\"id\":\"{id}\"")), "{line}");
        }
        drop(stdin);
        assert_eq!(child.wait().unwrap().code(), Some(1));
        reader.join().unwrap();
    }
}

/// NDJSON over several of the stretches the reader hands out (a megabyte each), with
/// invalid lines, lines that are not JSON but hold one object each, blank lines, a value
/// that spans lines far in (from where the rest of the input is read as one stream), a
/// second input with no event at all, and a third without a final line break.
#[test]
fn ndjson_over_many_stretches_gets_the_verdicts_of_one_thread() {
    let mut ndjson = Vec::new();
    for i in 0..12_000 {
        let line = match i % 7 {
            0 => invalid(&i.to_string()),
            1 => format!("{{\"id\":\"{i}\",\"kind\":,}}"),
            2 => format!("  {}  \r", valid(&i.to_string())),
            3 => String::new(),
            _ if i == 9_001 => pretty().to_owned(),
            _ => valid(&i.to_string()),
        };
        ndjson.extend_from_slice(line.as_bytes());
        ndjson.push(b'\n');
    }
    assert!(ndjson.len() > 3 * 1024 * 1024);
    let settled = path("jobs", "settled.ndjson");
    let resumed = path("jobs", "resumed.ndjson");
    let blank = path("jobs", "blank.ndjson");
    let unended = path("jobs", "unended.ndjson");
    let cut = ndjson.iter().rposition(|&b| b == b'{').unwrap();
    std::fs::write(&settled, &ndjson[..cut]).unwrap();
    std::fs::write(&resumed, &ndjson).unwrap();
    std::fs::write(&blank, b"\n  \n\r\n").unwrap();
    std::fs::write(&unended, valid("last").as_bytes()).unwrap();
    for files in [
        vec![&settled, &blank, &unended],
        vec![&resumed, &settled, &blank],
    ] {
        let mut args = vec!["validate", "--format", "json"];
        args.extend(files.iter().map(|p| p.to_str().unwrap()));
        let one = events(&[&args[..], &["--jobs", "1"]].concat(), b"");
        assert_eq!(one.code, Some(1));
        assert!(one.objects().len() > 10_000);
        for jobs in ["2", "3"] {
            let many = events(&[&args[..], &["--jobs", jobs]].concat(), b"");
            same(&one, &many, &format!("{files:?} --jobs {jobs}"));
        }
    }
}
