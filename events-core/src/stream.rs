//! Reading a stream of events: NDJSON, one pretty-printed document, or anything in between
//! (`CONTRACT.md`, section 5).
//!
//! The events of a stream are JSON values separated by white space or by nothing at all, so
//! `{…}{…}` on one line is two events. [`Events`] finds where each value starts and ends with
//! a small byte scanner, hands exactly those bytes to [`Registry::decode`], and yields one
//! [`StreamEvent`] per value, with the line where it starts.
//!
//! A broken event (bytes that are not JSON, a value that never closes, a byte that cannot start
//! a value) is reported at the line where it starts, and reading resumes at the start of the
//! next line, so one bad line of NDJSON never hides the next. After a well-formed value,
//! valid or not, reading goes on right after its last byte. An input with no event at all
//! (empty, or only white space) yields one `malformed_json` event at line 1.
//!
//! ```
//! use events_core::stream::Events;
//! use events_core::ErrorKind;
//!
//! let input = "{\"id\": 1}\n{broken\n[1, 2] 42";
//! let events = Events::new(input.as_bytes())?.collect::<Result<Vec<_>, _>>()?;
//!
//! let seen: Vec<_> = events
//!     .iter()
//!     .map(|e| (e.line, e.result.as_ref().unwrap_err().kind()))
//!     .collect();
//! assert_eq!(
//!     seen,
//!     [
//!         (1, ErrorKind::InvalidType),   // `id` is not a string
//!         (2, ErrorKind::MalformedJson), // reading resumes on line 3
//!         (3, ErrorKind::InvalidType),   // not an object
//!         (3, ErrorKind::InvalidType),
//!     ]
//! );
//! assert_eq!(events[2].bytes, b"[1, 2]");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::iter::FusedIterator;

use crate::error::{Error, ErrorKind};
use crate::read::depth::MAX_DEPTH;
use crate::registry::{AnyEnvelope, Registry, RegistryError};

/// One event of a stream, valid or rejected.
pub struct StreamEvent {
    /// The 1-based line of the input where the event starts (lines end with `\n`).
    pub line: usize,
    /// The event's bytes. For a well-formed JSON value, exactly its text; for a broken one,
    /// from its first byte up to where the reader saw it break (the end of the input, for a
    /// value that never closes); empty for the one event of an input that holds none.
    pub bytes: Vec<u8>,
    /// The decoded envelope, or the one error that rejects it.
    pub result: Result<AnyEnvelope, Error>,
}

impl StreamEvent {
    /// Whether the event is a valid envelope of a registered type.
    pub fn is_valid(&self) -> bool {
        self.result.is_ok()
    }
}

impl fmt::Debug for StreamEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamEvent")
            .field("line", &self.line)
            .field("bytes", &String::from_utf8_lossy(&self.bytes))
            .field("result", &self.result)
            .finish()
    }
}

/// The events of a stream, in input order, as an iterator of `io::Result<StreamEvent>`.
///
/// The input is read in chunks as the iterator advances, never as a whole: memory stays
/// bounded by the largest single event (for a value that never closes, by the rest of the
/// input it spans). An error from the underlying reader is yielded once and ends the
/// iteration.
///
/// ```
/// use events_core::stream::Events;
///
/// let input = b"{}{}\n\n  \"not an event\"\n";
/// let lines: Vec<usize> = Events::new(&input[..])?
///     .map(|event| event.map(|e| e.line))
///     .collect::<Result<_, _>>()?;
/// assert_eq!(lines, [1, 1, 3]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Events<R> {
    reader: BufReader<R>,
    registry: &'static Registry,
    // Bytes read but not yet given up: the current event and whatever was read beyond it.
    // Kept whole until the next event starts, so a broken event's later lines can be read
    // again without asking the reader twice.
    window: Vec<u8>,
    pos: usize,
    // The line of `window[pos]`.
    line: usize,
    skip_line: bool,
    at_eof: bool,
    seen_any: bool,
    done: bool,
}

const CHUNK: usize = 64 * 1024;

impl<R: Read> Events<R> {
    /// Reads the events of `reader`, decoding them with [`Registry::global`], or says why
    /// the registry cannot be used.
    pub fn new(reader: R) -> Result<Self, RegistryError> {
        Ok(Events {
            reader: BufReader::with_capacity(CHUNK, reader),
            registry: Registry::global()?,
            window: Vec::new(),
            pos: 0,
            line: 1,
            skip_line: false,
            at_eof: false,
            seen_any: false,
            done: false,
        })
    }

    /// Appends the reader's next bytes to the window; false at the end of the input.
    fn fill(&mut self) -> io::Result<bool> {
        if self.at_eof {
            return Ok(false);
        }
        loop {
            match self.reader.fill_buf() {
                Ok([]) => {
                    self.at_eof = true;
                    return Ok(false);
                }
                Ok(chunk) => {
                    let n = chunk.len();
                    self.window.extend_from_slice(chunk);
                    self.reader.consume(n);
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Forgets the bytes before `pos`, when that is cheap enough to do.
    fn compact(&mut self) {
        if self.pos == self.window.len() {
            self.window.clear();
            self.pos = 0;
        } else if self.pos > 0 && self.pos >= self.window.len() / 2 {
            // Moving at most as many bytes as are dropped keeps the cost linear overall,
            // even when a long stretch is read again after a broken event.
            self.window.drain(..self.pos);
            self.pos = 0;
        }
    }

    /// Moves past the next `\n`; false if the input ends first.
    fn skip_to_next_line(&mut self) -> io::Result<bool> {
        loop {
            if let Some(k) = self.window[self.pos..].iter().position(|&b| b == b'\n') {
                self.pos += k + 1;
                self.line += 1;
                return Ok(true);
            }
            self.pos = self.window.len();
            self.compact();
            if !self.fill()? {
                return Ok(false);
            }
        }
    }

    /// Moves to the first byte that is not white space; false if the input ends first.
    fn skip_white_space(&mut self) -> io::Result<bool> {
        loop {
            while let Some(&b) = self.window.get(self.pos) {
                match b {
                    b'\n' => self.line += 1,
                    b' ' | b'\t' | b'\r' => {}
                    _ => return Ok(true),
                }
                self.pos += 1;
            }
            self.compact();
            if !self.fill()? {
                return Ok(false);
            }
        }
    }

    fn advance(&mut self) -> io::Result<Option<StreamEvent>> {
        if self.skip_line {
            self.skip_line = false;
            self.skip_to_next_line()?;
        }
        if !self.skip_white_space()? {
            if self.seen_any {
                return Ok(None);
            }
            self.seen_any = true;
            return Ok(Some(StreamEvent {
                line: 1,
                bytes: Vec::new(),
                result: Err(Error::new(
                    ErrorKind::MalformedJson,
                    "",
                    "expected at least one event, found an input with no JSON value",
                )),
            }));
        }
        self.seen_any = true;
        self.compact();
        let start = self.pos;
        let start_line = self.line;

        let (end, scanned, broken) = match self.scan(start)? {
            Scan::Closed(end) => (end, end, None),
            Scan::Broken { at, why } => {
                let (line, column) = line_and_column(&self.window[start..at]);
                let message = format!("{} (line {line}, column {column})", why.describe());
                // The event's bytes take in the byte that broke it, but not a line break,
                // which still has to be skipped.
                let (end, scanned) = match why {
                    Break::NewlineInString => (at, at + 1),
                    Break::Unclosed { .. } => (at, at),
                    Break::Mismatch { .. } | Break::TooDeep => (at + 1, at + 1),
                };
                let error = Error::new(ErrorKind::MalformedJson, "", message);
                (end, scanned, Some(error))
            }
            Scan::Stray => {
                let end = start + self.char_len_at(start)?;
                let found = describe_found(&self.window[start..end]);
                let message = format!("expected a JSON value, found {found}");
                let error = Error::new(ErrorKind::MalformedJson, "", message);
                (end, end, Some(error))
            }
        };

        let bytes = self.window[start..end].to_vec();
        let result = match broken {
            Some(error) => Err(error),
            None => self.registry.decode(&bytes),
        };
        if matches!(&result, Err(e) if e.kind() == ErrorKind::MalformedJson) {
            // Whatever follows the start line is read again, as if this event were not there.
            match self.window[start..scanned].iter().position(|&b| b == b'\n') {
                Some(k) => {
                    self.pos = start + k + 1;
                    self.line = start_line + 1;
                }
                None => {
                    self.pos = scanned;
                    self.skip_line = true;
                }
            }
        } else {
            self.pos = end;
            self.line += bytes.iter().filter(|&&b| b == b'\n').count();
        }
        Ok(Some(StreamEvent {
            line: start_line,
            bytes,
            result,
        }))
    }

    /// Finds where the value starting at `start` ends, reading more input as needed.
    fn scan(&mut self, start: usize) -> io::Result<Scan> {
        let mut scanner = match self.window[start] {
            b'{' | b'[' | b'"' => Scanner::new(),
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => return self.scan_scalar(start),
            _ => return Ok(Scan::Stray),
        };
        let mut i = start;
        loop {
            match scanner.feed(&self.window, i) {
                Step::More => {
                    i = self.window.len();
                    if !self.fill()? {
                        return Ok(Scan::Broken {
                            at: i,
                            why: Break::Unclosed {
                                closer: scanner.closer(),
                            },
                        });
                    }
                }
                Step::Closed(end) => return Ok(Scan::Closed(end)),
                Step::Broken(at, why) => return Ok(Scan::Broken { at, why }),
            }
        }
    }

    /// A number or a literal runs to the next white space or structural byte, or to the end.
    fn scan_scalar(&mut self, start: usize) -> io::Result<Scan> {
        let mut i = start;
        loop {
            match self.window[i..]
                .iter()
                .position(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r') || is_structural(b))
            {
                Some(k) => return Ok(Scan::Closed(i + k)),
                None => {
                    i = self.window.len();
                    if !self.fill()? {
                        return Ok(Scan::Closed(i));
                    }
                }
            }
        }
    }

    /// How many bytes the character at `at` takes, reading more input if it is cut off.
    fn char_len_at(&mut self, at: usize) -> io::Result<usize> {
        let want = match self.window[at] {
            0xF0..=0xF7 => 4,
            0xE0..=0xEF => 3,
            0xC0..=0xDF => 2,
            _ => 1,
        };
        while self.window.len() < at + want && self.fill()? {}
        let have = (self.window.len() - at).min(want);
        Ok(
            if std::str::from_utf8(&self.window[at..at + have]).is_ok() {
                have
            } else {
                1
            },
        )
    }
}

impl<R: Read> Iterator for Events<R> {
    type Item = io::Result<StreamEvent>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.advance() {
            Ok(Some(event)) => Some(Ok(event)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

impl<R: Read> FusedIterator for Events<R> {}

impl<R> fmt::Debug for Events<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Events")
            .field("line", &self.line)
            .finish_non_exhaustive()
    }
}

fn is_structural(b: u8) -> bool {
    matches!(b, b'{' | b'}' | b'[' | b']' | b',' | b':' | b'"')
}

enum Scan {
    /// A value that closed; it ends before this index.
    Closed(usize),
    /// A value that cannot be JSON, seen at index `at`.
    Broken { at: usize, why: Break },
    /// The first byte cannot start a JSON value.
    Stray,
}

/// Why a value is broken before it ends. Each is `malformed_json` whatever follows, so the
/// scanner stops there instead of looking for an end it does not need: that keeps a run of
/// broken lines from being read again and again to the end of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Break {
    /// The input ended inside the value; `closer` is the byte that would have closed it.
    Unclosed { closer: u8 },
    /// A `}` where a `]` was due, or the reverse.
    Mismatch { expected: u8, found: u8 },
    /// A raw line break inside a string, which JSON does not allow.
    NewlineInString,
    /// One more array or object than [`MAX_DEPTH`] nested.
    TooDeep,
}

impl Break {
    fn describe(self) -> String {
        match self {
            Break::Unclosed { closer } => {
                format!("expected {}, found the end of the input", closing(closer))
            }
            Break::Mismatch { expected, found } => format!(
                "expected {}, found `{}`",
                closing(expected),
                char::from(found)
            ),
            Break::NewlineInString => {
                "expected `\"` to close the string, found the end of the line".to_owned()
            }
            Break::TooDeep => {
                format!("arrays and objects nest more than {MAX_DEPTH} deep, the most an event may")
            }
        }
    }
}

fn closing(closer: u8) -> &'static str {
    match closer {
        b'}' => "`}` to close the object",
        b']' => "`]` to close the array",
        _ => "`\"` to close the string",
    }
}

enum Step {
    /// Every byte given was part of the value; it goes on.
    More,
    Closed(usize),
    Broken(usize, Break),
}

/// Finds the end of an array, object or string, without recursion: brackets are counted
/// outside strings, and which closer each open bracket wants is kept as one bit, which
/// suffices because more than [`MAX_DEPTH`] levels is already a broken event.
struct Scanner {
    depth: usize,
    // Bit i set: the bracket open at depth i + 1 is an object.
    objects: u64,
    in_string: bool,
    escaped: bool,
}

// One bit a level must be enough.
const _: () = assert!(MAX_DEPTH <= 64);

impl Scanner {
    fn new() -> Self {
        Scanner {
            depth: 0,
            objects: 0,
            in_string: false,
            escaped: false,
        }
    }

    /// The byte that would close the innermost open string, array or object.
    fn closer(&self) -> u8 {
        if self.in_string {
            b'"'
        } else if self.depth > 0 && self.objects & (1 << (self.depth - 1)) != 0 {
            b'}'
        } else {
            b']'
        }
    }

    /// Scans `bytes[from..]`, the first byte of the value at or after `from`.
    fn feed(&mut self, bytes: &[u8], from: usize) -> Step {
        let mut i = from;
        while let Some(&b) = bytes.get(i) {
            if self.in_string {
                if b == b'\n' {
                    return Step::Broken(i, Break::NewlineInString);
                }
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                    if self.depth == 0 {
                        return Step::Closed(i + 1);
                    }
                }
            } else {
                match b {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => {
                        if self.depth == MAX_DEPTH {
                            return Step::Broken(i, Break::TooDeep);
                        }
                        if b == b'{' {
                            self.objects |= 1 << self.depth;
                        } else {
                            self.objects &= !(1 << self.depth);
                        }
                        self.depth += 1;
                    }
                    b'}' | b']' => {
                        let expected = self.closer();
                        if b != expected {
                            return Step::Broken(i, Break::Mismatch { expected, found: b });
                        }
                        self.depth -= 1;
                        if self.depth == 0 {
                            return Step::Closed(i + 1);
                        }
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        Step::More
    }
}

/// 1-based line and column (in characters) of the end of `before`, within the event.
fn line_and_column(before: &[u8]) -> (usize, usize) {
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Names a byte (or the character it starts) that cannot start a JSON value.
fn describe_found(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some('\u{feff}') => "a byte order mark".to_owned(),
        Some(c) if c.is_control() => format!("the control character U+{:04X}", c as u32),
        Some(c) => format!("`{c}`"),
        None => format!("the byte 0x{:02X}", bytes.first().copied().unwrap_or(0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A test event, so that some lines are valid.
    #[crate::domain_event(type = "StreamTest.Happened")]
    #[derive(Debug, Clone, PartialEq)]
    pub struct Happened {}

    fn valid(id: &str) -> String {
        format!(
            r#"{{"id":"{id}","kind":"domain","type":"StreamTest.Happened","payload":{{"owner":{{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"}},"type":"StreamTest.Happened","uid":"u"}}}}"#
        )
    }

    /// `(line, kind)` of every event, `None` for a valid one.
    fn read(input: &[u8]) -> Vec<(usize, Option<ErrorKind>)> {
        Events::new(input)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.line, e.result.err().map(|err| err.kind()))
            })
            .collect()
    }

    const MALFORMED: Option<ErrorKind> = Some(ErrorKind::MalformedJson);
    const NOT_OBJECT: Option<ErrorKind> = Some(ErrorKind::InvalidType);

    /// Hands out one byte per read, so every value straddles the reader's chunks.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&b, rest)), Some(slot)) => {
                    *slot = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn ndjson_lines_are_numbered_from_1() {
        let input = format!("{}\n{}\n\n{}\n", valid("a"), valid("b"), valid("c"));
        assert_eq!(read(input.as_bytes()), [(1, None), (2, None), (4, None)]);
    }

    #[test]
    fn a_pretty_printed_document_is_one_event_at_its_first_line() {
        let input = "\n\n  {\n  \"id\": 1,\n  \"x\": [\n 1,\n 2]\n}\n[]\n";
        assert_eq!(read(input.as_bytes()), [(3, NOT_OBJECT), (9, NOT_OBJECT)]);
    }

    #[test]
    fn valid_events_keep_their_exact_bytes() {
        let input = format!("  {}\r\n", valid("a"));
        let events: Vec<_> = Events::new(input.as_bytes()).unwrap().collect();
        let event = events[0].as_ref().unwrap();
        assert_eq!(event.bytes, valid("a").as_bytes());
        assert_eq!(event.result.as_ref().unwrap().id(), "a");
        assert_eq!(events.len(), 1);
    }

    #[test]
    fn values_run_together_are_separate_events() {
        let missing = Some(ErrorKind::MissingField);
        assert_eq!(
            read(br#"{}{}[]"s"1"t"true[]"#),
            [
                missing, missing, NOT_OBJECT, NOT_OBJECT, NOT_OBJECT, NOT_OBJECT, NOT_OBJECT,
                NOT_OBJECT
            ]
            .map(|kind| (1, kind))
        );
        let two = format!("{}{}", valid("a"), valid("b"));
        assert_eq!(read(two.as_bytes()), [(1, None), (1, None)]);
    }

    #[test]
    fn a_malformed_line_does_not_hide_the_next() {
        let input = format!("{{\"id\" 1}} {}\n{}\n", valid("hidden"), valid("b"));
        assert_eq!(read(input.as_bytes()), [(1, MALFORMED), (2, None)]);
    }

    #[test]
    fn a_value_that_never_closes_does_not_hide_the_lines_after_it() {
        let input = format!("{{\"id\": [1,\n{}\n[\n{}\n", valid("b"), valid("c"));
        assert_eq!(
            read(input.as_bytes()),
            [(1, MALFORMED), (2, None), (3, MALFORMED), (4, None)]
        );
    }

    #[test]
    fn a_broken_multi_line_document_resumes_on_its_second_line() {
        // The later lines are read again on their own: a string, a stray `:`, then a
        // string, a number and a stray `}`.
        let input = "{\n\"id\":\n\"x\" 1}\n";
        assert_eq!(
            read(input.as_bytes()),
            [
                (1, MALFORMED),
                (2, NOT_OBJECT),
                (2, MALFORMED),
                (3, NOT_OBJECT),
                (3, NOT_OBJECT),
                (3, MALFORMED)
            ]
        );
    }

    #[test]
    fn a_string_cut_by_a_line_break_is_broken_at_its_line() {
        let input = format!("{{\"id\": \"abc\n{}\n\"def\n", valid("b"));
        assert_eq!(
            read(input.as_bytes()),
            [(1, MALFORMED), (2, None), (3, MALFORMED)]
        );
    }

    #[test]
    fn stray_bytes_are_malformed_and_skip_their_line() {
        let input = format!(",{}\n]\n\u{feff}{}\n{}", valid("a"), valid("b"), valid("c"));
        assert_eq!(
            read(input.as_bytes()),
            [(1, MALFORMED), (2, MALFORMED), (3, MALFORMED), (4, None)]
        );
        let events: Vec<_> = Events::new(input.as_bytes()).unwrap().collect();
        let bom = events[2].as_ref().unwrap().result.as_ref().unwrap_err();
        assert_eq!(
            bom.message(),
            "expected a JSON value, found a byte order mark"
        );
    }

    #[test]
    fn mismatched_brackets_are_malformed() {
        let input = format!("[1}} {}\n{}", valid("a"), valid("b"));
        assert_eq!(read(input.as_bytes()), [(1, MALFORMED), (2, None)]);
        let events: Vec<_> = Events::new(input.as_bytes()).unwrap().collect();
        let err = events[0].as_ref().unwrap().result.as_ref().unwrap_err();
        assert_eq!(
            err.message(),
            "expected `]` to close the array, found `}` (line 1, column 3)"
        );
    }

    #[test]
    fn an_input_without_events_is_one_malformed_event_at_line_1() {
        for input in ["", " ", "\n\n\n", " \t\r\n "] {
            assert_eq!(read(input.as_bytes()), [(1, MALFORMED)], "{input:?}");
        }
        assert_eq!(read(b"\n\n[]"), [(3, NOT_OBJECT)]);
    }

    #[test]
    fn a_scalar_runs_to_white_space_or_a_structural_byte() {
        assert_eq!(read(b"12 -3.5e2 null"), [(1, NOT_OBJECT); 3]);
        let events: Vec<_> = Events::new(&b"tru\n12,\n7"[..]).unwrap().collect();
        let seen: Vec<_> = events
            .iter()
            .map(|e| {
                let e = e.as_ref().unwrap();
                (
                    e.line,
                    e.bytes.clone(),
                    e.result.as_ref().unwrap_err().kind(),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                (1, b"tru".to_vec(), ErrorKind::MalformedJson),
                (2, b"12".to_vec(), ErrorKind::InvalidType),
                (2, b",".to_vec(), ErrorKind::MalformedJson),
                (3, b"7".to_vec(), ErrorKind::InvalidType),
            ]
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_stops_the_scan() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(read(ok.as_bytes()), [(1, NOT_OBJECT)]);
        let deep = format!(
            "{}{}\n{}",
            "[".repeat(100_000),
            "]".repeat(100_000),
            valid("a")
        );
        assert_eq!(read(deep.as_bytes()), [(1, MALFORMED), (2, None)]);
    }

    #[test]
    fn many_lines_that_never_close_are_read_in_linear_time() {
        let input = "[\n".repeat(100_000);
        let events = read(input.as_bytes());
        assert_eq!(events.len(), 100_000);
        assert!(events.iter().all(|&(_, kind)| kind == MALFORMED));
        assert_eq!(events.last(), Some(&(100_000, MALFORMED)));
    }

    #[test]
    fn chunk_boundaries_change_nothing() {
        let inputs = [
            format!("{}\n{{\"id\" 1}}\n[1,\n{}\n", valid("a"), valid("b")),
            format!("{}{}\"x\n 12 tru\u{feff}\n", valid("a"), valid("b")),
            "\n\n  \n".to_owned(),
            format!("{}\n{{\n\"id\":\n\"x\" 1}}\n", "[".repeat(70)),
        ];
        for input in &inputs {
            let whole: Vec<_> = Events::new(input.as_bytes())
                .unwrap()
                .map(|e| e.map(|e| (e.line, e.bytes, e.result.map(|v| v.id().to_owned()))))
                .collect::<io::Result<_>>()
                .unwrap();
            let trickled: Vec<_> = Events::new(Trickle(input.as_bytes()))
                .unwrap()
                .map(|e| e.map(|e| (e.line, e.bytes, e.result.map(|v| v.id().to_owned()))))
                .collect::<io::Result<_>>()
                .unwrap();
            assert_eq!(whole, trickled, "{input:?}");
        }
    }

    #[test]
    fn a_read_error_is_yielded_once_and_ends_the_events() {
        struct Failing(bool);
        impl Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                if std::mem::replace(&mut self.0, true) {
                    return Err(io::Error::other("disk on fire"));
                }
                buf[..3].copy_from_slice(b"[]\n");
                Ok(3)
            }
        }
        let mut events = Events::new(Failing(false)).unwrap();
        assert_eq!(events.next().unwrap().unwrap().line, 1);
        assert!(events.next().unwrap().is_err());
        assert!(events.next().is_none());
    }

    #[test]
    fn invalid_utf8_inside_a_value_is_malformed() {
        let input = b"[\"\xff\"] []\n[]";
        assert_eq!(read(input), [(1, MALFORMED), (2, NOT_OBJECT)]);
    }
}
