//! Reading a stream of events: NDJSON, one pretty-printed document, or anything in between
//! (`CONTRACT.md`, section 5).
//!
//! The events of a stream are JSON values separated by white space or by nothing at all, so
//! `{…}{…}` on one line is two events. Reading is two steps, which may run on different
//! threads:
//!
//! - [`RawEvents`] splits the stream into [`RawEvent`]s: it finds where each value starts
//!   and ends, and whether it is JSON at all (the grammar, UTF-8, the nesting depth, the
//!   size limit), with a byte scanner that builds nothing.
//! - [`RawEvent::decode`] hands a well-formed event's bytes to [`Registry::decode`] and
//!   yields a [`StreamEvent`], with the line where the event starts.
//!
//! [`Events`] does both, one event after the other.
//!
//! A broken event (bytes that are not JSON, a value that never closes, a byte that cannot start
//! a value, an event longer than [`Limits::max_event_bytes`]) is `malformed_json`, reported
//! at the line where it starts, and reading resumes at the start of the next line, so one bad
//! line of NDJSON never hides the next. After a well-formed value, valid or not, reading goes
//! on right after its last byte. An input with no event at all (empty, or only white space)
//! yields one `malformed_json` event at line 1.
//!
//! Whether a value is well-formed is decided by its bytes alone (the JSON grammar, UTF-8,
//! the nesting depth, the size limit), never by its type, so a stream splits the same way
//! whatever the registry. The one defect only decoding can see is a lone surrogate escape
//! (`"\ud800"`) in a string the event reads: such an event is `malformed_json` when
//! decoded, but its value is well-formed, so reading goes on right after it.
//!
//! Every byte of the input that is not white space between events belongs to exactly one
//! event's [`bytes`](RawEvent::bytes): a well-formed value holds its own text, and a broken
//! event holds the rest of the line where it starts (which is what reading skips), so that
//! writing each event's bytes somewhere loses nothing and repeats nothing. The one exception
//! is an event longer than the limit, which keeps only its first
//! [`max_event_bytes`](Limits::max_event_bytes).
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
//! assert_eq!(events[1].bytes, b"{broken");
//! assert_eq!(events[2].bytes, b"[1, 2]");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::iter::FusedIterator;

use crate::error::{Error, ErrorKind};
use crate::read::depth::MAX_DEPTH;
use crate::read::line_and_column;
use crate::registry::{AnyEnvelope, Registry, RegistryError};

/// What one stream may ask of the reader: the bounds that keep hostile input from taking
/// unbounded memory.
///
/// The nesting depth has its own fixed bound, [`MAX_DEPTH`]; a long string or array is
/// bounded only by the size of the event that holds it.
///
/// ```
/// use events_core::stream::Limits;
///
/// let limits = Limits::default();
/// assert_eq!(limits.max_event_bytes, Limits::DEFAULT_MAX_EVENT_BYTES);
/// assert_eq!(limits.max_event_bytes, 16 * 1024 * 1024);
///
/// let small = Limits::new().with_max_event_bytes(64 * 1024);
/// assert_eq!(small.max_event_bytes, 65_536);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// The most bytes one event may take. A longer one is rejected as `malformed_json`
    /// ("expected an event of at most N bytes, found one longer") without being read into
    /// memory: the reader holds at most this many bytes of it, skips the rest, and resumes
    /// at the start of the next line.
    ///
    /// For a well-formed value, its size is its text. The reader also looks no further than
    /// this into a value for where it ends or breaks, and a broken event counts the rest of
    /// the line where it starts: both are held in memory.
    pub max_event_bytes: usize,
}

impl Limits {
    /// The default [`max_event_bytes`](Limits::max_event_bytes): 16 MiB.
    ///
    /// Generous on purpose: an event of this framework takes about a kilobyte, and message
    /// brokers cap theirs at about 1 MiB (Kafka's default) or less, so no event that travelled
    /// through one comes near it; what it stops is an input that would otherwise grow the
    /// reader's buffer without end, such as a value that never closes. A service that knows
    /// its transport can lower it.
    pub const DEFAULT_MAX_EVENT_BYTES: usize = 16 * 1024 * 1024;

    /// The default limits.
    pub const fn new() -> Self {
        Limits {
            max_event_bytes: Self::DEFAULT_MAX_EVENT_BYTES,
        }
    }

    /// These limits with [`max_event_bytes`](Limits::max_event_bytes) set to `max`.
    pub const fn with_max_event_bytes(self, max: usize) -> Self {
        Limits {
            max_event_bytes: max,
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new()
    }
}

/// One event of a stream, valid or rejected.
pub struct StreamEvent {
    /// The 1-based line of the input where the event starts (lines end with `\n`).
    pub line: usize,
    /// The event's bytes, exactly as in the input: see [`RawEvent::bytes`].
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

/// One event of a stream as [`RawEvents`] split it off, not yet decoded.
///
/// ```
/// use events_core::stream::RawEvents;
/// use events_core::{ErrorKind, Registry};
///
/// let mut raw = RawEvents::new(&b"[1,\n  {\"id\" 1} []  \n"[..]);
/// let broken = raw.next().unwrap()?;
/// assert_eq!((broken.line, &broken.bytes[..]), (1, &b"[1,"[..]));
/// assert_eq!(broken.broken().map(|e| e.kind()), Some(ErrorKind::MalformedJson));
///
/// // The rest of a broken event's line is its own, up to the white space that ends it.
/// let next = raw.next().unwrap()?;
/// assert_eq!((next.line, &next.bytes[..]), (2, &b"{\"id\" 1} []"[..]));
///
/// let event = next.decode(Registry::global()?);
/// assert_eq!(event.result.unwrap_err().kind(), ErrorKind::MalformedJson);
/// assert!(raw.next().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct RawEvent {
    /// The 1-based line of the input where the event starts (lines end with `\n`).
    pub line: usize,
    /// The event's bytes, exactly as in the input:
    ///
    /// - for a well-formed JSON value, its text;
    /// - for a broken event, from its first byte to the end of the line where it starts
    ///   (where reading resumes), less the white space that ends that line;
    /// - for an event longer than [`Limits::max_event_bytes`], only that many bytes of it;
    /// - empty for the one event of an input that holds none.
    ///
    /// A well-formed value may span lines: its bytes then hold line breaks. A broken
    /// event's bytes never do.
    pub bytes: Vec<u8>,
    // The `malformed_json` error that the reader already found, if any.
    broken: Option<Error>,
}

impl RawEvent {
    /// The `malformed_json` error of an event that is not JSON, found while splitting the
    /// stream; `None` for a well-formed value, which only decoding can judge.
    pub fn broken(&self) -> Option<&Error> {
        self.broken.as_ref()
    }

    /// Decodes the event with `registry`: a broken event keeps the error found while
    /// splitting, a well-formed one gets [`Registry::decode`]'s verdict.
    pub fn decode(self, registry: &Registry) -> StreamEvent {
        let result = match self.broken {
            Some(error) => Err(error),
            None => registry.decode(&self.bytes),
        };
        StreamEvent {
            line: self.line,
            bytes: self.bytes,
            result,
        }
    }
}

impl fmt::Debug for RawEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawEvent")
            .field("line", &self.line)
            .field("bytes", &String::from_utf8_lossy(&self.bytes))
            .field("broken", &self.broken)
            .finish()
    }
}

/// The events of a stream, in input order, split off but not decoded: an iterator of
/// `io::Result<RawEvent>`.
///
/// Splitting is cheap next to decoding, so one thread can split a stream for several that
/// decode ([`RawEvent::decode`]); [`Events`] does both on one.
///
/// The input is read in chunks as the iterator advances, never as a whole, and memory stays
/// bounded by [`Limits::max_event_bytes`] (a small multiple of it, plus a 64 KiB chunk),
/// whatever the input. An error from the underlying reader is yielded once and ends the
/// iteration.
///
/// ```
/// use events_core::stream::{Limits, RawEvents};
///
/// let input = b"{}{}\n\n  \"not an event\"\n[1, 2, 3, 4, 5, 6, 7, 8]\n[]";
/// let limits = Limits::new().with_max_event_bytes(16);
/// let events = RawEvents::with_limits(&input[..], limits).collect::<Result<Vec<_>, _>>()?;
///
/// let seen: Vec<(usize, &[u8], bool)> = events
///     .iter()
///     .map(|e| (e.line, &e.bytes[..], e.broken().is_some()))
///     .collect();
/// assert_eq!(
///     seen,
///     [
///         (1, &b"{}"[..], false),
///         (1, b"{}", false),
///         (3, b"\"not an event\"", false),
///         (4, b"[1, 2, 3, 4, 5, ", true), // longer than 16 bytes: cut there
///         (5, b"[]", false),
///     ]
/// );
/// assert_eq!(
///     events[3].broken().unwrap().message(),
///     "expected an event of at most 16 bytes, found one longer"
/// );
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct RawEvents<R> {
    reader: BufReader<R>,
    limits: Limits,
    // Bytes read but not yet given up: the current event and whatever was read beyond it.
    // Kept whole until the next event starts, so a broken event's later lines can be read
    // again without asking the reader twice.
    window: Vec<u8>,
    pos: usize,
    // The line of `window[pos]`.
    line: usize,
    at_eof: bool,
    seen_any: bool,
    done: bool,
}

const CHUNK: usize = 64 * 1024;

impl<R: Read> RawEvents<R> {
    /// Splits the events of `reader`, with the default [`Limits`].
    pub fn new(reader: R) -> Self {
        Self::with_limits(reader, Limits::default())
    }

    /// Splits the events of `reader`, within `limits`.
    pub fn with_limits(reader: R, limits: Limits) -> Self {
        RawEvents {
            reader: BufReader::with_capacity(CHUNK, reader),
            limits,
            window: Vec::new(),
            pos: 0,
            line: 1,
            at_eof: false,
            seen_any: false,
            done: false,
        }
    }
}

impl<R> RawEvents<R> {
    /// The limits this reader keeps to.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// The bytes already read from the input that no event yielded so far holds: where the
    /// next event is looked for. When they are all white space, the next call to `next`
    /// reads from the input, and may wait for it: a consumer that gathers events in batches
    /// can hand its batch on first.
    ///
    /// ```
    /// use events_core::stream::RawEvents;
    ///
    /// let mut raw = RawEvents::new(&b"[1] [2]\n"[..]);
    /// raw.next();
    /// assert_eq!(raw.buffered(), b" [2]\n");
    /// raw.next();
    /// assert_eq!(raw.buffered(), b"\n");
    /// ```
    pub fn buffered(&self) -> &[u8] {
        &self.window[self.pos..]
    }
}

impl<R: Read> RawEvents<R> {
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
                    let need = self.window.len() + n;
                    if need > self.window.capacity() {
                        // Doubling, as a vector grows, but not past what an event at the
                        // limit needs: the limit bounds the window, not twice the limit.
                        let most = self.limits.max_event_bytes.saturating_add(2 * CHUNK);
                        let grown = (2 * self.window.capacity()).clamp(CHUNK, most.max(need));
                        self.window
                            .reserve_exact(grown.max(need) - self.window.len());
                    }
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

    fn advance(&mut self) -> io::Result<Option<RawEvent>> {
        if !self.skip_white_space()? {
            if self.seen_any {
                return Ok(None);
            }
            self.seen_any = true;
            return Ok(Some(RawEvent {
                line: 1,
                bytes: Vec::new(),
                broken: Some(malformed(
                    "expected at least one event, found an input with no JSON value",
                )),
            }));
        }
        self.seen_any = true;
        self.compact();
        let start = self.pos;
        let start_line = self.line;
        let max = self.limits.max_event_bytes;

        let error = match self.scan(start)? {
            Scan::Closed { end, newlines } if end - start <= max => {
                match crate::read::utf8(&self.window[start..end]) {
                    Ok(_) => {
                        let bytes = self.window[start..end].to_vec();
                        self.pos = end;
                        self.line += newlines;
                        return Ok(Some(RawEvent {
                            line: start_line,
                            bytes,
                            broken: None,
                        }));
                    }
                    Err(error) => error,
                }
            }
            Scan::Closed { .. } | Scan::TooLong => too_long(max),
            // A break on a byte past the limit: the value is longer than the limit before
            // it is anything else.
            Scan::Broken { at, why } if why.on_a_byte() && at - start >= max => too_long(max),
            Scan::Broken { at, why } => match crate::read::utf8(&self.window[start..at]) {
                // Bad UTF-8 comes first in the bytes, so it is the defect to name.
                Err(error) => error,
                Ok(_) => {
                    let found = match why {
                        Break::Unexpected(_) => self.found_at(at)?,
                        _ => String::new(),
                    };
                    let (line, column) = line_and_column(&self.window[start..at]);
                    malformed(format!(
                        "{} (line {line}, column {column})",
                        why.describe(&found)
                    ))
                }
            },
            Scan::Stray => {
                let found = self.found_at(start)?;
                malformed(format!("expected a JSON value, found {found}"))
            }
        };
        // A broken event: it takes the rest of its line, and reading resumes on the next.
        let (bytes, longer) = self.rest_of_line(start, start_line)?;
        Ok(Some(RawEvent {
            line: start_line,
            bytes,
            broken: Some(if longer { too_long(max) } else { error }),
        }))
    }

    /// The bytes from `start` to the end of its line, less the white space that ends it and
    /// cut at the limit, and whether bytes that are not white space lie past the limit.
    /// Leaves the reader at the start of the next line; what lies past the limit on this
    /// line is skipped, not kept.
    fn rest_of_line(&mut self, start: usize, start_line: usize) -> io::Result<(Vec<u8>, bool)> {
        let keep_to = start.saturating_add(self.limits.max_event_bytes);
        let mut longer = false;
        let mut from = start;
        let end = loop {
            let newline = self.window[from..].iter().position(|&b| b == b'\n');
            let stop = newline.map_or(self.window.len(), |k| from + k);
            if !longer && stop > keep_to {
                longer = self.window[from.max(keep_to)..stop]
                    .iter()
                    .any(|&b| !matches!(b, b' ' | b'\t' | b'\r'));
            }
            if newline.is_some() {
                break stop;
            }
            // Everything read is on this line: what lies past the limit can go.
            if self.window.len() > keep_to {
                self.window.truncate(keep_to);
            }
            from = self.window.len();
            if !self.fill()? {
                break self.window.len();
            }
        };
        let mut last = end.min(keep_to);
        // The white space that ends the line lies between events; an event cut at the limit
        // keeps all it has.
        while !longer && last > start && matches!(self.window[last - 1], b' ' | b'\t' | b'\r') {
            last -= 1;
        }
        let bytes = self.window[start..last].to_vec();
        if end < self.window.len() {
            self.pos = end + 1;
            self.line = start_line + 1;
        } else {
            self.pos = end;
        }
        Ok((bytes, longer))
    }

    /// Finds where the value starting at `start` ends, reading more input as needed, but
    /// never looking more than one byte past the limit.
    fn scan(&mut self, start: usize) -> io::Result<Scan> {
        let mut grammar = match self.window[start] {
            b'{' | b'[' | b'"' => Grammar::new(),
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => return self.scan_scalar(start),
            _ => return Ok(Scan::Stray),
        };
        let max = self.limits.max_event_bytes;
        let mut i = start;
        loop {
            let stop = self
                .window
                .len()
                .min(start.saturating_add(max).saturating_add(1));
            match grammar.feed(&self.window[..stop], i) {
                Step::More if stop - start > max => return Ok(Scan::TooLong),
                Step::More => {
                    i = stop;
                    if !self.fill()? {
                        let closer = grammar.closer();
                        return Ok(Scan::Broken {
                            at: i,
                            why: Break::Unclosed { closer },
                        });
                    }
                }
                Step::Closed(end) => {
                    let newlines = grammar.newlines;
                    return Ok(Scan::Closed { end, newlines });
                }
                Step::Broken(at, why) => return Ok(Scan::Broken { at, why }),
            }
        }
    }

    /// A number or a literal at the top runs to the next white space or structural byte,
    /// or to the end; then it must be one number or one literal.
    fn scan_scalar(&mut self, start: usize) -> io::Result<Scan> {
        let max = self.limits.max_event_bytes;
        let mut i = start;
        let end = loop {
            let stop = self
                .window
                .len()
                .min(start.saturating_add(max).saturating_add(1));
            match self.window[i..stop]
                .iter()
                .position(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r') || is_structural(b))
            {
                Some(k) => break i + k,
                None if stop - start > max => return Ok(Scan::TooLong),
                None => {
                    i = stop;
                    if !self.fill()? {
                        break i;
                    }
                }
            }
        };
        Ok(match check_scalar(&self.window[start..end]) {
            Ok(()) => Scan::Closed { end, newlines: 0 },
            Err((k, why)) => Scan::Broken { at: start + k, why },
        })
    }

    /// Names the character at `at`, reading more input if it is cut off.
    fn found_at(&mut self, at: usize) -> io::Result<String> {
        if at >= self.window.len() {
            return Ok("the end of the input".to_owned());
        }
        let want = match self.window[at] {
            0xF0..=0xF7 => 4,
            0xE0..=0xEF => 3,
            0xC0..=0xDF => 2,
            _ => 1,
        };
        while self.window.len() < at + want && self.fill()? {}
        let have = (self.window.len() - at).min(want);
        let len = if std::str::from_utf8(&self.window[at..at + have]).is_ok() {
            have
        } else {
            1
        };
        Ok(describe_found(&self.window[at..at + len]))
    }
}

impl<R: Read> Iterator for RawEvents<R> {
    type Item = io::Result<RawEvent>;

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

impl<R: Read> FusedIterator for RawEvents<R> {}

impl<R> fmt::Debug for RawEvents<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawEvents")
            .field("line", &self.line)
            .field("limits", &self.limits)
            .finish_non_exhaustive()
    }
}

/// The events of a stream, in input order, decoded: an iterator of
/// `io::Result<StreamEvent>`. [`RawEvents`] and [`RawEvent::decode`] with
/// [`Registry::global`], on one thread.
///
/// The input is read in chunks as the iterator advances, never as a whole: memory stays
/// bounded by [`Limits::max_event_bytes`]. An error from the underlying reader is yielded
/// once and ends the iteration.
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
    raw: RawEvents<R>,
    registry: &'static Registry,
}

impl<R: Read> Events<R> {
    /// Reads the events of `reader`, with the default [`Limits`], decoding them with
    /// [`Registry::global`], or says why the registry cannot be used.
    pub fn new(reader: R) -> Result<Self, RegistryError> {
        Self::with_limits(reader, Limits::default())
    }

    /// Reads the events of `reader` within `limits`, decoding them with
    /// [`Registry::global`], or says why the registry cannot be used.
    ///
    /// ```
    /// use events_core::stream::{Events, Limits};
    /// use events_core::ErrorKind;
    ///
    /// let huge = format!("[\"{}\"]\n[]\n", "x".repeat(1000));
    /// let limits = Limits::new().with_max_event_bytes(100);
    /// let events = Events::with_limits(huge.as_bytes(), limits)?.collect::<Result<Vec<_>, _>>()?;
    /// let err = events[0].result.as_ref().unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::MalformedJson);
    /// assert_eq!(err.message(), "expected an event of at most 100 bytes, found one longer");
    /// assert_eq!(events[0].bytes.len(), 100);
    /// assert_eq!(events[1].line, 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_limits(reader: R, limits: Limits) -> Result<Self, RegistryError> {
        Ok(Events {
            raw: RawEvents::with_limits(reader, limits),
            registry: Registry::global()?,
        })
    }
}

impl<R: Read> Iterator for Events<R> {
    type Item = io::Result<StreamEvent>;

    fn next(&mut self) -> Option<Self::Item> {
        let registry = self.registry;
        self.raw
            .next()
            .map(|raw| raw.map(|raw| raw.decode(registry)))
    }
}

impl<R: Read> FusedIterator for Events<R> {}

impl<R> fmt::Debug for Events<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Events")
            .field("line", &self.raw.line)
            .field("limits", &self.raw.limits)
            .finish_non_exhaustive()
    }
}

fn malformed(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::MalformedJson, "", message)
}

fn too_long(max: usize) -> Error {
    malformed(format!(
        "expected an event of at most {max} bytes, found one longer"
    ))
}

fn is_structural(b: u8) -> bool {
    matches!(b, b'{' | b'}' | b'[' | b']' | b',' | b':' | b'"')
}

enum Scan {
    /// A value that closed; it ends before index `end`, and holds `newlines` line breaks.
    Closed { end: usize, newlines: usize },
    /// A value that cannot be JSON, seen at index `at`.
    Broken { at: usize, why: Break },
    /// The first byte cannot start a JSON value.
    Stray,
    /// A value still open one byte past the limit.
    TooLong,
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
    /// A byte the grammar does not allow there; says what it expected instead. The words
    /// are those of the contract checker, so both name a defect alike.
    Unexpected(&'static str),
    /// A number or literal at the top that ends too soon.
    EndsEarly(&'static str),
}

impl Break {
    /// Whether the break is a byte of the value (rather than the end of a line or input).
    fn on_a_byte(self) -> bool {
        matches!(
            self,
            Break::Mismatch { .. } | Break::TooDeep | Break::Unexpected(_)
        )
    }

    fn describe(self, found: &str) -> String {
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
            Break::TooDeep => format!(
                "expected arrays and objects nested at most {MAX_DEPTH} deep, found one nested {} deep",
                MAX_DEPTH + 1
            ),
            Break::Unexpected(what) => format!("{what}, found {found}"),
            Break::EndsEarly(what) => format!("{what}, found the end of the input"),
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

/// Where the grammar stands between two bytes of an array, object or string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// A value must come: the first byte, after `:`, or after `,` in an array.
    Value,
    /// After `[`: a value or `]`.
    ValueOrClose,
    /// After `{`: a member name or `}`.
    NameOrClose,
    /// After `,` in an object: a member name.
    Name,
    /// After a member name: `:`.
    Colon,
    /// After a value inside an array or object: `,` or the closer.
    Next,
    /// Inside a string, a member name if `name`.
    Str { name: bool },
    /// Right after a `\` in a string.
    Escape { name: bool },
    /// Inside `\uXXXX`, with `left` hex digits to come.
    Hex { name: bool, left: u8 },
    /// Inside a number.
    Num(Number),
    /// Inside `true`, `false` or `null`, which starts at index `start`, `done` bytes in.
    Word {
        word: &'static [u8],
        done: usize,
        start: usize,
    },
}

/// Checks an array, object or string against the JSON grammar (RFC 8259) byte by byte,
/// without recursion and without building anything, across as many chunks as it takes.
/// Which closer each open bracket wants is kept as one bit, which suffices because more than
/// [`MAX_DEPTH`] levels is already a broken event. UTF-8 is checked apart, on the whole.
struct Grammar {
    depth: usize,
    // Bit i set: the bracket open at depth i + 1 is an object.
    objects: u64,
    state: State,
    // Line breaks seen, all of them white space between tokens.
    newlines: usize,
}

// One bit a level must be enough.
const _: () = assert!(MAX_DEPTH <= 64);

impl Grammar {
    fn new() -> Self {
        Grammar {
            depth: 0,
            objects: 0,
            state: State::Value,
            newlines: 0,
        }
    }

    fn in_object(&self) -> bool {
        self.depth > 0 && self.objects & (1 << (self.depth - 1)) != 0
    }

    /// The byte that would close the innermost open string, array or object.
    fn closer(&self) -> u8 {
        match self.state {
            State::Str { .. } | State::Escape { .. } | State::Hex { .. } => b'"',
            _ if self.in_object() => b'}',
            _ => b']',
        }
    }

    /// A value ended before `end`: the whole value, at the top.
    fn value_ends(&mut self, end: usize) -> Option<Step> {
        if self.depth == 0 {
            return Some(Step::Closed(end));
        }
        self.state = State::Next;
        None
    }

    fn open(&mut self, at: usize, b: u8) -> Option<Step> {
        if self.depth == MAX_DEPTH {
            return Some(Step::Broken(at, Break::TooDeep));
        }
        if b == b'{' {
            self.objects |= 1 << self.depth;
            self.state = State::NameOrClose;
        } else {
            self.objects &= !(1 << self.depth);
            self.state = State::ValueOrClose;
        }
        self.depth += 1;
        None
    }

    fn close(&mut self, at: usize, found: u8) -> Option<Step> {
        let expected = self.closer();
        if found != expected {
            return Some(Step::Broken(at, Break::Mismatch { expected, found }));
        }
        self.depth -= 1;
        self.value_ends(at + 1)
    }

    /// Scans `bytes[from..]`, the first byte of the value at or after `from`.
    fn feed(&mut self, bytes: &[u8], from: usize) -> Step {
        use State::*;
        let mut i = from;
        while let Some(&b) = bytes.get(i) {
            let step = match self.state {
                Str { name } => {
                    // The bulk of an event: skip what needs no look.
                    i = plain_text_end(bytes, i);
                    let Some(&b) = bytes.get(i) else {
                        return Step::More;
                    };
                    match b {
                        b'"' if name => {
                            self.state = Colon;
                            None
                        }
                        b'"' => self.value_ends(i + 1),
                        b'\\' => {
                            self.state = Escape { name };
                            None
                        }
                        b'\n' => Some(Step::Broken(i, Break::NewlineInString)),
                        _ => Some(Step::Broken(
                            i,
                            Break::Unexpected("expected a control character to be escaped"),
                        )),
                    }
                }
                Escape { name } => match b {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => {
                        self.state = Str { name };
                        None
                    }
                    b'u' => {
                        self.state = Hex { name, left: 4 };
                        None
                    }
                    _ => Some(Step::Broken(
                        i,
                        Break::Unexpected("expected a valid escape after `\\`"),
                    )),
                },
                Hex { name, left } => {
                    if !b.is_ascii_hexdigit() {
                        Some(Step::Broken(
                            i,
                            Break::Unexpected("expected four hex digits after `\\u`"),
                        ))
                    } else {
                        self.state = if left == 1 {
                            Str { name }
                        } else {
                            Hex {
                                name,
                                left: left - 1,
                            }
                        };
                        None
                    }
                }
                Num(num) => match num.step(b) {
                    Some(next) => {
                        self.state = Num(next);
                        None
                    }
                    None => match num.end() {
                        // The number ended (numbers here are inside an array or object):
                        // the same byte is read again, after it.
                        Ok(()) => {
                            self.state = Next;
                            continue;
                        }
                        Err(what) => Some(Step::Broken(i, Break::Unexpected(what))),
                    },
                },
                Word { word, done, start } => {
                    if b != word[done] {
                        Some(Step::Broken(start, Break::Unexpected(expected_word(word))))
                    } else if done + 1 == word.len() {
                        self.value_ends(i + 1)
                    } else {
                        self.state = Word {
                            word,
                            done: done + 1,
                            start,
                        };
                        None
                    }
                }
                _ if matches!(b, b' ' | b'\t' | b'\n' | b'\r') => {
                    self.newlines += usize::from(b == b'\n');
                    None
                }
                Value | ValueOrClose => match b {
                    b'{' | b'[' => self.open(i, b),
                    b'"' => {
                        self.state = Str { name: false };
                        None
                    }
                    b'-' | b'0'..=b'9' => {
                        self.state = Num(Number::start(b));
                        None
                    }
                    b't' | b'f' | b'n' => {
                        let word: &'static [u8] = match b {
                            b't' => b"true",
                            b'f' => b"false",
                            _ => b"null",
                        };
                        self.state = Word {
                            word,
                            done: 1,
                            start: i,
                        };
                        None
                    }
                    b']' | b'}' if self.state == ValueOrClose => self.close(i, b),
                    _ => Some(Step::Broken(i, Break::Unexpected("expected a JSON value"))),
                },
                NameOrClose | Name => match b {
                    b'"' => {
                        self.state = Str { name: true };
                        None
                    }
                    b'}' | b']' if self.state == NameOrClose => self.close(i, b),
                    _ => Some(Step::Broken(
                        i,
                        Break::Unexpected("expected a member name in double quotes"),
                    )),
                },
                Colon => {
                    if b == b':' {
                        self.state = Value;
                        None
                    } else {
                        Some(Step::Broken(
                            i,
                            Break::Unexpected("expected `:` after a member name"),
                        ))
                    }
                }
                Next => match b {
                    b',' => {
                        self.state = if self.in_object() { Name } else { Value };
                        None
                    }
                    b'}' | b']' => self.close(i, b),
                    _ if self.in_object() => Some(Step::Broken(
                        i,
                        Break::Unexpected("expected `,` or `}` after a member"),
                    )),
                    _ => Some(Step::Broken(
                        i,
                        Break::Unexpected("expected `,` or `]` after an array element"),
                    )),
                },
            };
            if let Some(step) = step {
                return step;
            }
            i += 1;
        }
        Step::More
    }
}

/// The index of the first byte at or after `from` that a string cannot hold as it is (`"`,
/// `\` or a control character), or `bytes.len()`.
///
/// Eight bytes at a time: a byte lower than 0x20, or equal to `"` or `\` once XORed, sets
/// its high bit in `(x - 0x01…) & !x & 0x80…`; a borrow can set bits above a true match
/// but never below it, so the lowest bit set is the first match.
#[inline]
fn plain_text_end(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x;
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight);
        let hits = (below(x ^ (ONES * u64::from(b'"')), 1)
            | below(x ^ (ONES * u64::from(b'\\')), 1)
            | below(x, 0x20))
            & HIGH;
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            break;
        }
        i += 1;
    }
    i
}

/// Where a number stands, after the bytes read so far (RFC 8259, section 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    /// `-`
    Minus,
    /// `0` or `-0`
    Zero,
    /// A nonzero integer part.
    Int,
    /// A `.` just read.
    Dot,
    /// Digits after the `.`.
    Frac,
    /// An `e` or `E` just read.
    Exp,
    /// The exponent's sign just read.
    ExpSign,
    /// Digits of the exponent.
    ExpDigits,
}

impl Number {
    fn start(b: u8) -> Number {
        match b {
            b'-' => Number::Minus,
            b'0' => Number::Zero,
            _ => Number::Int,
        }
    }

    /// Where `b` takes the number, or `None` if it is not part of it.
    fn step(self, b: u8) -> Option<Number> {
        use Number::*;
        match (self, b) {
            (Minus, b'0') => Some(Zero),
            (Minus | Int, b'0'..=b'9') => Some(Int),
            (Zero | Int, b'.') => Some(Dot),
            (Dot | Frac, b'0'..=b'9') => Some(Frac),
            (Zero | Int | Frac, b'e' | b'E') => Some(Exp),
            (Exp, b'+' | b'-') => Some(ExpSign),
            (Exp | ExpSign | ExpDigits, b'0'..=b'9') => Some(ExpDigits),
            _ => None,
        }
    }

    /// Whether the number may end here, or what it still needs.
    fn end(self) -> Result<(), &'static str> {
        match self {
            Number::Zero | Number::Int | Number::Frac | Number::ExpDigits => Ok(()),
            Number::Minus => Err("expected a digit"),
            Number::Dot => Err("expected a digit after the decimal point"),
            Number::Exp | Number::ExpSign => Err("expected a digit in the exponent"),
        }
    }
}

fn expected_word(word: &[u8]) -> &'static str {
    match word {
        b"true" => "expected `true`",
        b"false" => "expected `false`",
        _ => "expected `null`",
    }
}

/// Checks a number or literal at the top, `token` (never empty): where it breaks and why.
fn check_scalar(token: &[u8]) -> Result<(), (usize, Break)> {
    let word: Option<&'static [u8]> = match token[0] {
        b't' => Some(b"true".as_slice()),
        b'f' => Some(b"false".as_slice()),
        b'n' => Some(b"null".as_slice()),
        _ => None,
    };
    let end = match word {
        Some(word) if token.starts_with(word) => word.len(),
        Some(word) => return Err((0, Break::Unexpected(expected_word(word)))),
        None => {
            let mut num = Number::start(token[0]);
            let mut k = 1;
            while let Some(next) = token.get(k).and_then(|&b| num.step(b)) {
                num = next;
                k += 1;
            }
            if let Err(what) = num.end() {
                let why = if k == token.len() {
                    Break::EndsEarly(what)
                } else {
                    Break::Unexpected(what)
                };
                return Err((k, why));
            }
            k
        }
    };
    if end < token.len() {
        let what = "expected the end of the event after a complete JSON value";
        return Err((end, Break::Unexpected(what)));
    }
    Ok(())
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

    /// Every event, as `(line, bytes, kind)`, read with `limits`.
    fn raw(input: &[u8], limits: Limits) -> Vec<(usize, Vec<u8>, Option<ErrorKind>)> {
        let registry = Registry::global().unwrap();
        RawEvents::with_limits(input, limits)
            .map(|e| {
                let e = e.unwrap().decode(registry);
                (e.line, e.bytes, e.result.err().map(|err| err.kind()))
            })
            .collect()
    }

    /// The message of the one event of `input`, which must be rejected.
    fn message(input: &[u8]) -> String {
        let events: Vec<_> = Events::new(input).unwrap().collect();
        let event = events[0].as_ref().unwrap();
        event.result.as_ref().unwrap_err().message().to_owned()
    }

    /// Checks that the events' bytes, in order, are the input less white space between
    /// events: every byte once. An event cut at the limit skips the rest of its line.
    fn assert_tiles(input: &[u8], limits: Limits) {
        let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\r' | b'\n');
        let mut at = 0;
        for event in RawEvents::with_limits(input, limits) {
            let event = event.unwrap();
            let cut = event.bytes.len() == limits.max_event_bytes
                && event
                    .broken()
                    .is_some_and(|e| e.message().contains("at most"));
            if event.bytes.is_empty() && !cut {
                continue;
            }
            while input.get(at).is_some_and(is_space) {
                at += 1;
            }
            assert!(
                input[at..].starts_with(&event.bytes),
                "{event:?} is not at byte {at} of {:?}",
                String::from_utf8_lossy(input)
            );
            at += event.bytes.len();
            if cut {
                at += input[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .unwrap_or(input.len() - at);
            }
        }
        assert!(
            input[at..].iter().all(is_space),
            "{:?}",
            String::from_utf8_lossy(input)
        );
    }

    /// Inputs with something of everything, broken events above all.
    fn assorted() -> Vec<Vec<u8>> {
        let mut inputs: Vec<Vec<u8>> = [
            format!(
                "{}\n{{\"id\" 1}} {}  \r\n[1,\n{}\n",
                valid("a"),
                valid("b"),
                valid("c")
            ),
            format!("{}{}\"x\n 12 tru\u{feff}\n", valid("a"), valid("b")),
            "\n\n  \n".to_owned(),
            format!("{}\n{{\n\"id\":\n\"x\" 1}}\n", "[".repeat(70)),
            ",{}\n]\n\u{feff}[] x \n{\n  \"id\": \"pretty\"\n}\n".to_owned(),
            "{\"a\":[1,2,{\"b\":null}],\"c\":\"\\u00e9\\n\"} 1e5 -0.5 \"s\" true{}[]".to_owned(),
            "[1}  \n[01] [1.] [-] {\"a\" 1}\ttrailing\t\n\"cut".to_owned(),
            "not json at all\n\t  \n\u{1}\u{7f} \n".to_owned(),
        ]
        .map(String::into_bytes)
        .to_vec();
        inputs.push(b"[\"\xff\"] []\n\xfe\xff garbage \xc3\n[\"ok\"]\n\"\xe2\x82".to_vec());
        inputs
    }

    #[test]
    fn broken_events_hold_the_rest_of_their_line() {
        let no_limit = Limits::default();
        let input = format!(
            "{{\"id\" 1}} {}  \r\n[1,\n2}}\n, x\n\"a\tb\" []\n{{\"k\": tru}}\n",
            valid("hidden")
        );
        let seen: Vec<_> = raw(input.as_bytes(), no_limit)
            .into_iter()
            .map(|(line, bytes, kind)| (line, String::from_utf8(bytes).unwrap(), kind))
            .collect();
        assert_eq!(
            seen,
            [
                (1, format!("{{\"id\" 1}} {}", valid("hidden")), MALFORMED),
                (2, "[1,".to_owned(), MALFORMED),
                (3, "2".to_owned(), NOT_OBJECT),
                (3, "}".to_owned(), MALFORMED),
                (4, ", x".to_owned(), MALFORMED),
                (5, "\"a\tb\" []".to_owned(), MALFORMED),
                (6, "{\"k\": tru}".to_owned(), MALFORMED),
            ]
        );
        // Bad UTF-8 in a closed value: the rest of the line too.
        let events = raw(b"[\"\xff\"] [] \n[]", no_limit);
        assert_eq!(events[0].1, b"[\"\xff\"] []");
        assert_eq!(events[1], (2, b"[]".to_vec(), NOT_OBJECT));
    }

    #[test]
    fn every_byte_belongs_to_exactly_one_event() {
        for input in assorted() {
            assert_tiles(&input, Limits::default());
        }
    }

    #[test]
    fn the_grammar_is_checked_inside_values() {
        let cases: &[(&str, &str)] = &[
            (r#"{"a" 1}"#, "expected `:` after a member name, found `1` (line 1, column 6)"),
            ("[1,]", "expected a JSON value, found `]` (line 1, column 4)"),
            ("[01]", "expected `,` or `]` after an array element, found `1` (line 1, column 3)"),
            (r#"{"a":1 "b":2}"#, "expected `,` or `}` after a member, found `\"` (line 1, column 8)"),
            ("{,}", "expected a member name in double quotes, found `,` (line 1, column 2)"),
            (r#"{"a":tru}"#, "expected `true`, found `t` (line 1, column 6)"),
            (r#"["\x"]"#, "expected a valid escape after `\\`, found `x` (line 1, column 4)"),
            (r#"["\u12G4"]"#, "expected four hex digits after `\\u`, found `G` (line 1, column 7)"),
            ("[\"a\tb\"]", "expected a control character to be escaped, found the control character U+0009 (line 1, column 4)"),
            ("[1.]", "expected a digit after the decimal point, found `]` (line 1, column 4)"),
            ("[1e+]", "expected a digit in the exponent, found `]` (line 1, column 5)"),
            ("[-]", "expected a digit, found `]` (line 1, column 3)"),
            ("[1 2]", "expected `,` or `]` after an array element, found `2` (line 1, column 4)"),
            ("[é]", "expected a JSON value, found `é` (line 1, column 2)"),
        ];
        let registry = Registry::global().unwrap();
        for &(input, expected) in cases {
            assert_eq!(message(input.as_bytes()), expected, "{input}");
            // The contract checker names the same defect in the same words.
            let decoded = registry.decode(input.as_bytes()).unwrap_err();
            assert_eq!(decoded.message(), expected, "{input}");
        }
        // At the top, a number or literal runs to white space or a structural byte.
        for (input, expected) in [
            ("tru", "expected `true`, found `t` (line 1, column 1)"),
            ("01", "expected the end of the event after a complete JSON value, found `1` (line 1, column 2)"),
            ("nullx", "expected the end of the event after a complete JSON value, found `x` (line 1, column 5)"),
            ("-", "expected a digit, found the end of the input (line 1, column 2)"),
            ("1.5e", "expected a digit in the exponent, found the end of the input (line 1, column 5)"),
        ] {
            assert_eq!(message(input.as_bytes()), expected, "{input}");
            let decoded = registry.decode(input.as_bytes()).unwrap_err();
            assert_eq!(decoded.message(), expected, "{input}");
        }
        let fine = r#" {"a": [1, -0.5, 2e10, 3E-2, 0, true, false, null, "\u00e9\"\\\/\b\f\n\r\t", {}, []], "": {"b": {}}} "#;
        assert_eq!(read(fine.as_bytes()), [(1, Some(ErrorKind::MissingField))]);
    }

    #[test]
    fn a_lone_surrogate_is_well_formed_so_reading_goes_on_after_it() {
        // The event reads `id`, so its lone surrogate is malformed_json; but the value is
        // JSON, so the next one on the line is read.
        let lone = valid("a").replace("\"id\":\"a\"", "\"id\":\"\\ud800\"");
        let input = format!("{lone}{}\n", valid("b"));
        assert_eq!(read(input.as_bytes()), [(1, MALFORMED), (1, None)]);
    }

    #[test]
    fn an_event_at_the_limit_is_read_and_one_byte_longer_is_not() {
        let event = valid("a");
        let n = event.len();
        let input = format!("{event}\n{}\n", valid("b"));
        let at = Limits::new().with_max_event_bytes(n);
        assert_eq!(read_with(input.as_bytes(), at), [(1, None), (2, None)]);

        let below = Limits::new().with_max_event_bytes(n - 1);
        let events = raw(input.as_bytes(), below);
        assert_eq!(events.len(), 2);
        assert_eq!(
            events[0],
            (1, event.as_bytes()[..n - 1].to_vec(), MALFORMED)
        );
        assert_eq!(
            events[1],
            (2, valid("b").as_bytes()[..n - 1].to_vec(), MALFORMED)
        );
        let events: Vec<_> = Events::with_limits(input.as_bytes(), below)
            .unwrap()
            .collect();
        let err = events[0].as_ref().unwrap().result.as_ref().unwrap_err();
        assert_eq!(
            err.message(),
            format!(
                "expected an event of at most {} bytes, found one longer",
                n - 1
            )
        );
    }

    /// `(line, kind)` of every event, read with `limits`.
    fn read_with(input: &[u8], limits: Limits) -> Vec<(usize, Option<ErrorKind>)> {
        raw(input, limits)
            .into_iter()
            .map(|(line, _, kind)| (line, kind))
            .collect()
    }

    /// A valid event with one extra envelope member, `note`, of `value`'s text.
    fn valid_with_note(value: &str) -> String {
        let event = valid("a");
        format!("{},\"note\":{value}}}", &event[..event.len() - 1])
    }

    #[test]
    fn a_huge_string_or_array_is_fine_within_the_limit_and_not_past_it() {
        let huge_string = valid_with_note(&format!("\"{}\"", "x".repeat(1 << 20)));
        let huge_array = valid_with_note(&format!("[{}1]", "1,".repeat(1 << 19)));
        for event in [huge_string, huge_array] {
            let n = event.len();
            let input = format!("{event}\n{}", valid("b"));
            let at = Limits::new().with_max_event_bytes(n);
            assert_eq!(read_with(input.as_bytes(), at), [(1, None), (2, None)]);
            let past = Limits::new().with_max_event_bytes(n - 1);
            assert_eq!(
                read_with(input.as_bytes(), past),
                [(1, MALFORMED), (2, None)]
            );
        }
    }

    #[test]
    fn an_oversized_document_resumes_on_its_second_line() {
        let input = "[\n  \"abcdefghij\",\n  \"klmnopqrst\"\n]\n[]\n";
        let limits = Limits::new().with_max_event_bytes(20);
        assert_eq!(
            raw(input.as_bytes(), limits),
            [
                (1, b"[".to_vec(), MALFORMED),
                (2, b"\"abcdefghij\"".to_vec(), NOT_OBJECT),
                (2, b",".to_vec(), MALFORMED),
                (3, b"\"klmnopqrst\"".to_vec(), NOT_OBJECT),
                (4, b"]".to_vec(), MALFORMED),
                (5, b"[]".to_vec(), NOT_OBJECT),
            ]
        );
        assert_eq!(read(input.as_bytes())[0], (1, NOT_OBJECT));
    }

    #[test]
    fn a_broken_line_longer_than_the_limit_is_cut_and_named_so() {
        let input = format!(
            ", {}\n{}\n, {}  \n",
            "x".repeat(30),
            valid("a"),
            "y".repeat(5)
        );
        let limits = Limits::new().with_max_event_bytes(10);
        let events = raw(input.as_bytes(), limits);
        assert_eq!(events[0].1, b", xxxxxxxx");
        assert_eq!(events[0].2, MALFORMED);
        assert_eq!(events[1].2, MALFORMED); // the valid event is longer than 10 bytes
        assert_eq!(events[2], (3, b", yyyyy".to_vec(), MALFORMED));
        let messages: Vec<_> = RawEvents::with_limits(input.as_bytes(), limits)
            .map(|e| e.unwrap().broken().unwrap().message().to_owned())
            .collect();
        assert!(messages[0].starts_with("expected an event of at most 10 bytes"));
        assert!(messages[2].starts_with("expected a JSON value, found `,`"));
    }

    /// An endless line: `[1,1,1,…` for `len` bytes, then a line break and `tail`.
    struct Endless {
        len: usize,
        tail: Vec<u8>,
        at: usize,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let mut n = 0;
            while n < buf.len() {
                let byte = if self.at == 0 {
                    b'['
                } else if self.at < self.len {
                    if self.at % 2 == 1 {
                        b'1'
                    } else {
                        b','
                    }
                } else if self.at == self.len {
                    b'\n'
                } else {
                    match self.tail.get(self.at - self.len - 1) {
                        Some(&b) => b,
                        None => break,
                    }
                };
                buf[n] = byte;
                n += 1;
                self.at += 1;
            }
            Ok(n)
        }
    }

    #[test]
    fn memory_stays_bounded_by_the_limit_whatever_the_input() {
        let max = 64 * 1024;
        let limits = Limits::new().with_max_event_bytes(max);
        // The window's capacity never shrinks: after the read, it is the most ever held.
        let bound = 2 * (max + CHUNK) + CHUNK;
        let registry = Registry::global().unwrap();

        let endless = Endless {
            len: 100 << 20,
            tail: valid("after").into_bytes(),
            at: 0,
        };
        let mut raw = RawEvents::with_limits(endless, limits);
        let first = raw.next().unwrap().unwrap();
        assert_eq!(first.bytes.len(), max);
        assert_eq!(
            first.broken().unwrap().message(),
            format!("expected an event of at most {max} bytes, found one longer")
        );
        let second = raw.next().unwrap().unwrap();
        assert_eq!(second.line, 2);
        assert!(second.decode(registry).is_valid());
        assert!(raw.next().is_none());
        assert!(raw.window.capacity() <= bound, "{}", raw.window.capacity());

        // A string that never ends, and a line of garbage that never ends.
        for first in [b'"', b','] {
            let mut input = vec![first];
            input.resize(8 << 20, b'x');
            input.extend_from_slice(b"\n[]");
            let mut raw = RawEvents::with_limits(&input[..], limits);
            assert_eq!(raw.next().unwrap().unwrap().bytes.len(), max);
            assert_eq!(raw.next().unwrap().unwrap().line, 2);
            assert!(raw.window.capacity() <= bound, "{}", raw.window.capacity());
        }

        // Many events in a row hold one at a time.
        let many = format!("{}\n", valid("x")).repeat(10_000);
        let mut raw = RawEvents::with_limits(many.as_bytes(), limits);
        assert_eq!(raw.by_ref().count(), 10_000);
        assert!(raw.window.capacity() <= bound, "{}", raw.window.capacity());
    }

    #[test]
    fn the_limit_does_not_depend_on_chunk_boundaries() {
        for input in assorted() {
            for max in [0, 1, 2, 3, 5, 8, 13, 40, 200] {
                let limits = Limits::new().with_max_event_bytes(max);
                let whole: Vec<_> = RawEvents::with_limits(&input[..], limits)
                    .map(|e| e.map(|e| (e.line, e.bytes, e.broken)))
                    .collect::<io::Result<_>>()
                    .unwrap();
                let trickled: Vec<_> = RawEvents::with_limits(Trickle(&input), limits)
                    .map(|e| e.map(|e| (e.line, e.bytes, e.broken)))
                    .collect::<io::Result<_>>()
                    .unwrap();
                assert_eq!(
                    whole,
                    trickled,
                    "{max}: {:?}",
                    String::from_utf8_lossy(&input)
                );
                assert_tiles(&input, limits);
            }
        }
    }

    #[test]
    fn random_streams_split_the_same_in_any_chunks_and_lose_no_byte() {
        let pieces: &[&[u8]] = &[
            b"{",
            b"}",
            b"[",
            b"]",
            b"\"",
            b"\"id\"",
            b":",
            b",",
            b" ",
            b"\n",
            b"\r\n",
            b"\t",
            b"1",
            b"-0.5e3",
            b"true",
            b"nul",
            b"\\",
            b"\\u12",
            b"\\ud800",
            b"x",
            b"\xff",
            b"\xc3\xa9",
            b"\xe2\x82",
            b"\xef\xbb\xbf",
            b"\x01",
            b"{\"a\":[1,2]}",
            b"\"s\"",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3_000 {
            let len = next() % 40;
            let input: Vec<u8> = (0..len)
                .flat_map(|_| pieces[next() as usize % pieces.len()].iter().copied())
                .collect();
            for max in [usize::MAX, 64, 7] {
                let limits = Limits::new().with_max_event_bytes(max);
                let whole: Vec<_> = RawEvents::with_limits(&input[..], limits)
                    .map(|e| e.map(|e| (e.line, e.bytes, e.broken)))
                    .collect::<io::Result<_>>()
                    .unwrap();
                let trickled: Vec<_> = RawEvents::with_limits(Trickle(&input), limits)
                    .map(|e| e.map(|e| (e.line, e.bytes, e.broken)))
                    .collect::<io::Result<_>>()
                    .unwrap();
                assert_eq!(whole, trickled, "{:?}", String::from_utf8_lossy(&input));
                assert!(!whole.is_empty());
                assert!(whole.windows(2).all(|w| w[0].0 <= w[1].0));
                assert_tiles(&input, limits);
            }
        }
    }

    #[test]
    fn plain_text_ends_where_a_byte_by_byte_look_says() {
        let special = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
        let alphabet = [
            b'a', b'"', b'\\', 0x00, 0x1f, 0x20, 0x21, 0x5b, 0x5d, 0x7f, 0x80, 0xa2, 0xdc, 0xff,
        ];
        // Every short string over the alphabet, from every start, is too many: a
        // deterministic spread of 20,000 of them, 1 to 40 bytes long, does.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize + 1;
            let bytes: Vec<u8> = (0..len)
                .map(|k| {
                    let pick = (seed >> (k % 32)) as usize;
                    // Mostly plain text, so that matches land anywhere in a word.
                    if pick % 5 == 0 {
                        alphabet[(pick / 5) % alphabet.len()]
                    } else {
                        b'x'
                    }
                })
                .collect();
            for from in 0..=len {
                let expected = (from..len).find(|&k| special(bytes[k])).unwrap_or(len);
                assert_eq!(
                    plain_text_end(&bytes, from),
                    expected,
                    "{bytes:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn buffered_bytes_are_what_the_next_event_starts_from() {
        let input = format!("{}\n{{broken\n  [] ", valid("a"));
        let mut raw = RawEvents::new(input.as_bytes());
        assert_eq!(raw.buffered(), b"");
        raw.next();
        assert_eq!(raw.buffered(), b"\n{broken\n  [] ");
        raw.next();
        assert_eq!(raw.buffered(), b"  [] ");
        raw.next();
        assert_eq!(raw.buffered(), b" ");
        assert!(raw.next().is_none());
    }
}
