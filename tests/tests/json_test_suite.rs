//! Every file of the JSONTestSuite parsing corpus (`tests/data/JSONTestSuite`, MIT), read as a
//! stream of events. None is a valid event; the file name says how the reader must reject it.

use std::panic;
use std::path::PathBuf;

use events_core::stream::Events;
use events_core::ErrorKind;

/// What the reader made of one file: `(line, kind)` per event, `None` for a valid one.
fn read(bytes: &[u8]) -> Result<Vec<(usize, Option<ErrorKind>)>, String> {
    Events::new(bytes)
        .map_err(|e| e.to_string())?
        .map(|event| {
            event
                .map(|e| (e.line, e.result.err().map(|err| err.kind())))
                .map_err(|e| e.to_string())
        })
        .collect()
}

fn verdict(name: &str, events: &[(usize, Option<ErrorKind>)]) -> Result<(), String> {
    let rejected = events.iter().filter(|(_, kind)| kind.is_some()).count();
    if name.starts_with("y_") {
        match events {
            [(_, Some(kind))] if *kind != ErrorKind::MalformedJson => Ok(()),
            _ => Err(format!(
                "expected exactly one event, rejected but not as malformed_json; found {events:?}"
            )),
        }
    } else if name.starts_with("n_") && rejected == 0 {
        Err(format!(
            "expected at least one rejected event; found {events:?}"
        ))
    } else {
        Ok(())
    }
}

#[test]
fn every_json_test_suite_file_gets_the_verdict_its_name_demands() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/JSONTestSuite/test_parsing");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() > 300,
        "the corpus is incomplete: {} files",
        files.len()
    );

    let mut offending = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(path).unwrap();
        let outcome = panic::catch_unwind(|| read(&bytes));
        let problem = match outcome {
            Err(_) => Some("panicked".to_owned()),
            Ok(Err(io)) => Some(format!("read error: {io}")),
            Ok(Ok(events)) => verdict(&name, &events).err(),
        };
        if let Some(problem) = problem {
            offending.push(format!("{name}: {problem}"));
        }
    }
    assert!(
        offending.is_empty(),
        "{} of {} files break the corpus verdicts:\n{}",
        offending.len(),
        files.len(),
        offending.join("\n")
    );
}
