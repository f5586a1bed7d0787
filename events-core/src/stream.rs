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
//! [`Events`] does both, one event after the other, and so does
//! [`RawEvents::next_decoded`] without copying the event out; [`RawEvents::next_into`]
//! splits into a buffer of the caller's, for batches.
//!
//! Most events are lines of NDJSON, and two shortcuts keep them cheap without changing any
//! verdict. Decoding on the same thread ([`Events`], [`next_decoded`](RawEvents::next_decoded))
//! tries a line as it stands first: decoding accepts only one whole valid envelope, which is
//! the event splitting would have found. And an array or object that fills its line is the
//! line's whole text whether or not it is JSON, so splitting only counts its brackets and
//! leaves the grammar to decoding, which checks it only if it rejects the event (and
//! [`RawEvent::broken`] checks it when asked).
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
use std::io::{self, Read};
use std::iter::FusedIterator;
use std::ops::Range;
use std::sync::OnceLock;

use crate::error::{Error, ErrorKind};
use crate::read::line_and_column;
use crate::read::text::quote_or_backslash;
use crate::registry::{AnyEnvelope, Registry, RegistryError};
use crate::valid::Valid;

mod grammar;
mod lines;
mod window;
use grammar::{check_scalar, describe_found, is_structural, Break, Grammar, Scan, Step};
pub use lines::{validate_lines, Unsettled};
use window::Window;

/// What one stream may ask of the reader: the bounds that keep hostile input from taking
/// unbounded memory.
///
/// The nesting depth has its own fixed bound, [`MAX_DEPTH`](crate::MAX_DEPTH); a long string
/// or array is bounded only by the size of the event that holds it.
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

/// One event of a stream, decoded, its bytes borrowed from the reader's buffer: see
/// [`RawEvents::next_decoded`].
#[derive(Debug)]
pub struct DecodedEvent<'a> {
    /// The 1-based line of the input where the event starts (lines end with `\n`).
    pub line: usize,
    /// The event's bytes, exactly as in the input: see [`RawEvent::bytes`].
    pub bytes: &'a [u8],
    /// The decoded envelope, or the one error that rejects it.
    pub result: Result<AnyEnvelope, Error>,
}

/// One event of a stream, validated, its bytes borrowed from the reader's buffer: see
/// [`RawEvents::next_validated`].
#[derive(Debug)]
pub struct ValidatedEvent<'a> {
    /// The 1-based line of the input where the event starts (lines end with `\n`).
    pub line: usize,
    /// The event's bytes, exactly as in the input: see [`RawEvent::bytes`].
    pub bytes: &'a [u8],
    /// The event's `id` and type, or the one error that rejects it.
    pub result: Result<Valid<'a>, Error>,
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
    // The `malformed_json` error of an event that is not JSON, or `None`. Not yet known for
    // an event that fills its line (see `fills_line`): the grammar is checked
    // when asked for, or when decoding rejects the event, since decoding that accepts it
    // has already proved it JSON.
    broken: OnceLock<Option<Error>>,
}

impl RawEvent {
    /// The `malformed_json` error of an event that is not JSON; `None` for a well-formed
    /// value, which only decoding can judge.
    ///
    /// For an event that fills its line, splitting only counted brackets: this checks the
    /// grammar the first time it is asked (or [`decode`](RawEvent::decode) does, if it
    /// rejects the event), on [`bytes`](RawEvent::bytes) as they are then. The answer is
    /// what checking at once would have given, as long as `bytes` is left as split.
    pub fn broken(&self) -> Option<&Error> {
        self.broken
            .get_or_init(|| check_one_line(&self.bytes))
            .as_ref()
    }

    /// Decodes the event with `registry`: a broken event keeps the error found while
    /// splitting (see [`broken`](RawEvent::broken)), a well-formed one gets
    /// [`Registry::decode`]'s verdict.
    pub fn decode(self, registry: &Registry) -> StreamEvent {
        let result = decode_split(self.broken.into_inner(), &self.bytes, registry);
        StreamEvent {
            line: self.line,
            bytes: self.bytes,
            result,
        }
    }
}

/// Decodes an event that splitting found: `known` is the `malformed_json` error it found,
/// or `None` inside if the event is JSON, or nothing for an event not yet checked.
fn decode_split(
    known: Option<Option<Error>>,
    bytes: &[u8],
    registry: &Registry,
) -> Result<AnyEnvelope, Error> {
    judge_split(known, bytes, |bytes| registry.decode(bytes))
}

/// [`decode_split`] with `judge` for decoding: [`Registry::decode`] or
/// [`Registry::validate`], which give the same verdicts.
fn judge_split<'a, T>(
    known: Option<Option<Error>>,
    bytes: &'a [u8],
    judge: impl FnOnce(&'a [u8]) -> Result<T, Error>,
) -> Result<T, Error> {
    match known {
        Some(Some(error)) => Err(error),
        Some(None) => judge(bytes),
        // An accepted event is JSON; a rejected one may not be, which comes first.
        None => judge(bytes).map_err(|rejected| check_one_line(bytes).unwrap_or(rejected)),
    }
}

/// An event that [`RawEvents::next_into`] split off, its bytes appended to a buffer of the
/// caller's: where it starts, how long it is, and what splitting found out about it.
///
/// ```
/// use events_core::stream::RawEvents;
/// use events_core::{ErrorKind, Registry};
///
/// let mut raw = RawEvents::new(&b"{} [1,\n"[..]);
/// let mut buffer = Vec::new();
/// let first = raw.next_into(&mut buffer).unwrap()?;
/// let second = raw.next_into(&mut buffer).unwrap()?;
/// assert_eq!(buffer, b"{}[1,");
///
/// let (first_bytes, second_bytes) = buffer.split_at(first.len);
/// assert!(second.broken(second_bytes).is_some());
/// let missing = first.decode(first_bytes, Registry::global()?).unwrap_err();
/// assert_eq!(missing.kind(), ErrorKind::MissingField);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct SplitEvent {
    /// The 1-based line of the input where the event starts.
    pub line: usize,
    /// How many bytes of the buffer the event took: see [`RawEvent::bytes`].
    pub len: usize,
    // As in `RawEvent`, with `None` for an event not yet checked.
    broken: Option<Option<Error>>,
}

impl SplitEvent {
    /// The `malformed_json` error of an event that is not JSON, given the event's `bytes`;
    /// `None` for a well-formed value. See [`RawEvent::broken`].
    pub fn broken(&self, bytes: &[u8]) -> Option<Error> {
        match &self.broken {
            Some(known) => known.clone(),
            None => check_one_line(bytes),
        }
    }

    /// Decodes the event, given its `bytes`, with `registry`. See [`RawEvent::decode`].
    pub fn decode(self, bytes: &[u8], registry: &Registry) -> Result<AnyEnvelope, Error> {
        decode_split(self.broken, bytes, registry)
    }

    /// Validates the event, given its `bytes`, with `registry`: the verdict of
    /// [`decode`](SplitEvent::decode), without building the payload (see
    /// [`Registry::validate`]).
    ///
    /// ```
    /// use events_core::stream::RawEvents;
    /// use events_core::{ErrorKind, Registry};
    ///
    /// let mut raw = RawEvents::new(&b"{\"id\":1}\n"[..]);
    /// let mut buffer = Vec::new();
    /// let event = raw.next_into(&mut buffer).unwrap()?;
    /// let error = event.validate(&buffer, Registry::global()?).unwrap_err();
    /// assert_eq!((error.kind(), error.path()), (ErrorKind::InvalidType, "id"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate<'a>(self, bytes: &'a [u8], registry: &Registry) -> Result<Valid<'a>, Error> {
        judge_split(self.broken, bytes, |bytes| registry.validate(bytes))
    }
}

impl fmt::Debug for RawEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawEvent")
            .field("line", &self.line)
            .field("bytes", &String::from_utf8_lossy(&self.bytes))
            .field("broken", &self.broken())
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
    reader: R,
    limits: Limits,
    // Bytes read but not yet given up: the current event and whatever was read beyond it.
    // Kept whole until the next event starts, so a broken event's later lines can be read
    // again without asking the reader twice.
    window: Window,
    pos: usize,
    // The line of `window[pos]`.
    line: usize,
    at_eof: bool,
    seen_any: bool,
    // The line on which neither shortcut found the event: the others on it are split by
    // the grammar. 0, before the first line, when there is none.
    line_without_shortcut: usize,
    done: bool,
}

const CHUNK: usize = 64 * 1024;

/// What is left of a read when it is worth moving to the front of the window: about a line.
const SMALL_REST: usize = 1024;

impl<R: Read> RawEvents<R> {
    /// Splits the events of `reader`, with the default [`Limits`].
    pub fn new(reader: R) -> Self {
        Self::with_limits(reader, Limits::default())
    }

    /// Splits the events of `reader`, within `limits`.
    pub fn with_limits(reader: R, limits: Limits) -> Self {
        RawEvents {
            reader,
            limits,
            window: Window::new(),
            pos: 0,
            line: 1,
            at_eof: false,
            seen_any: false,
            line_without_shortcut: 0,
            done: false,
        }
    }

    /// Splits the rest of an input, from the start of line `line` with no event under way:
    /// where [`validate_lines`] stopped, say. Lines are numbered from `line`, and an end
    /// with no event is no error, as it is for a whole input, since events came before.
    ///
    /// ```
    /// use events_core::stream::{Limits, RawEvents};
    ///
    /// let mut raw = RawEvents::resuming(&b"\n[1,\n2]\n"[..], Limits::new(), 7);
    /// let event = raw.next().unwrap()?;
    /// assert_eq!((event.line, &event.bytes[..]), (8, &b"[1,\n2]"[..]));
    /// assert!(raw.next().is_none());
    /// assert!(RawEvents::resuming(&b"  \n"[..], Limits::new(), 7).next().is_none());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn resuming(reader: R, limits: Limits, line: usize) -> Self {
        RawEvents {
            line,
            seen_any: true,
            ..Self::with_limits(reader, limits)
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
        // Doubling, as a vector grows, but not past what an event at the limit needs: the
        // limit bounds the window, not twice the limit.
        let most = self.limits.max_event_bytes.saturating_add(2 * CHUNK);
        loop {
            match self.window.read_from(&mut self.reader, CHUNK, most) {
                Ok(0) => {
                    self.at_eof = true;
                    return Ok(false);
                }
                Ok(_) => return Ok(true),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Forgets the bytes before `pos`, when that is cheap enough to do and soon needed.
    fn compact(&mut self) {
        let rest = self.window.len() - self.pos;
        if rest == 0 {
            self.window.clear();
            self.pos = 0;
        } else if self.pos >= rest && (rest < SMALL_REST || self.window.is_full(CHUNK)) {
            // Moving at most as many bytes as are dropped keeps the cost linear overall,
            // even when a long stretch is read again after a broken event. Moving only
            // what is left of a read, or to make room for the next, moves each byte at most
            // once in all, and mostly never.
            self.window.drop_front(self.pos);
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

    /// Finds the next event; its bytes stay in the window until the next call. With a
    /// registry, a line that holds one valid event is decoded first, and not split at all.
    fn split(&mut self, first: First<'_>) -> io::Result<Option<Split>> {
        if !self.skip_white_space()? {
            if self.seen_any {
                return Ok(None);
            }
            self.seen_any = true;
            return Ok(Some(Split {
                line: 1,
                bytes: 0..0,
                verdict: Verdict::Checked(Some(malformed(
                    "expected at least one event, found an input with no JSON value",
                ))),
            }));
        }
        self.seen_any = true;
        self.compact();
        let start_line = self.line;
        let max = self.limits.max_event_bytes;

        // Once neither shortcut applies to a line, the rest of it goes to the grammar: each
        // try costs the whole line, which would make a long line of many values quadratic.
        if start_line != self.line_without_shortcut {
            if let Some((end, verdict)) = self.shortcut(first) {
                let bytes = self.pos..end;
                self.pos = end;
                return Ok(Some(Split {
                    line: start_line,
                    bytes,
                    verdict,
                }));
            }
            self.line_without_shortcut = start_line;
        }

        // The grammar may read past the window: what is left of it moves to the front first,
        // where that moves no more than it drops, so that only an event that needs more room
        // than a read makes the window grow.
        if self.pos >= self.window.len() - self.pos {
            self.window.drop_front(self.pos);
            self.pos = 0;
        }
        let start = self.pos;
        let found = |end: usize, verdict| Split {
            line: start_line,
            bytes: start..end,
            verdict,
        };

        let error = match self.scan(start)? {
            Scan::Closed { end, newlines } if end - start <= max => {
                match crate::read::utf8(&self.window[start..end]) {
                    Ok(_) => {
                        self.pos = end;
                        self.line += newlines;
                        return Ok(Some(found(end, Verdict::Checked(None))));
                    }
                    Err(error) => error,
                }
            }
            Scan::Closed { .. } | Scan::TooLong => too_long(max),
            // A break on a byte past the limit: the value is longer than the limit before
            // it is anything else.
            Scan::Broken { at, why } if why.on_a_byte() && at - start >= max => too_long(max),
            Scan::Broken { at, why } => {
                if let Break::Unexpected(_) = why {
                    self.load_character_at(at)?;
                }
                broken_at(&self.window[start..], at - start, why)
            }
            Scan::Stray => {
                let found = self.found_at(start)?;
                malformed(format!("expected a JSON value, found {found}"))
            }
        };
        // A broken event: it takes the rest of its line, and reading resumes on the next.
        let (end, longer) = self.rest_of_line(start, start_line)?;
        let error = if longer { too_long(max) } else { error };
        Ok(Some(found(end, Verdict::Checked(Some(error)))))
    }

    /// Where the bytes from `start` to the end of its line end, less the white space that
    /// ends the line and cut at the limit, and whether bytes that are not white space lie
    /// past the limit.
    /// Leaves the reader at the start of the next line; what lies past the limit on this
    /// line is skipped, not kept.
    fn rest_of_line(&mut self, start: usize, start_line: usize) -> io::Result<(usize, bool)> {
        let keep_to = start.saturating_add(self.limits.max_event_bytes);
        let mut longer = false;
        let mut from = start;
        let end = loop {
            let newline = memchr::memchr(b'\n', &self.window[from..]);
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
        if end < self.window.len() {
            self.pos = end + 1;
            self.line = start_line + 1;
        } else {
            self.pos = end;
        }
        Ok((last, longer))
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
        self.load_character_at(at)?;
        Ok(found_in(&self.window, at))
    }

    /// Reads on until the window holds the whole character that starts at `at`, or the
    /// input ends.
    fn load_character_at(&mut self, at: usize) -> io::Result<()> {
        if let Some(&lead) = self.window.get(at) {
            while self.window.len() < at + utf8_width(lead) && self.fill()? {}
        }
        Ok(())
    }

    /// The event at `pos`, and where it ends, when it fills its line (see [`fills_line`]),
    /// found without the grammar. With a registry, the line is decoded (or validated) as it
    /// stands first: decoding accepts only one valid envelope that fills the bytes it is
    /// given, which is the event the grammar would have split off.
    fn shortcut(&self, first: First<'_>) -> Option<(usize, Verdict)> {
        let start = self.pos;
        let end = self.line_end(start)?;
        let line = &self.window[start..end];
        let verdict = match first {
            First::Split => return fills_line(line).then_some((end, Verdict::Unchecked)),
            First::Decode(registry) => Verdict::Decoded(judge_line(line, registry.decode(line))?),
            First::Validate(registry) => Verdict::Validated(judge_line(
                line,
                registry.validate(line).map(Valid::into_owned),
            )?),
        };
        Some((end, verdict))
    }

    /// Where the line that `start` is on ends, less the white space that ends it, if the
    /// window holds its end and it is within the limit.
    fn line_end(&self, start: usize) -> Option<usize> {
        line_end(&self.window, start, self.limits.max_event_bytes)
    }
}

impl<R: Read> RawEvents<R> {
    /// The next event, its bytes appended to `buffer` instead of copied into a vector of
    /// its own: for a consumer that gathers events in batches, one buffer a batch.
    /// Otherwise what [`next`](Iterator::next) gives: see [`SplitEvent`].
    ///
    /// An event that fills its line is not checked against the grammar here: decoding it
    /// does that, and only if it rejects the event, since an accepted event is JSON.
    pub fn next_into(&mut self, buffer: &mut Vec<u8>) -> Option<io::Result<SplitEvent>> {
        let split = self.next_split(First::Split)?;
        Some(split.map(|split| {
            buffer.extend_from_slice(&self.window[split.bytes.clone()]);
            SplitEvent {
                line: split.line,
                len: split.bytes.len(),
                broken: split.verdict.known(),
            }
        }))
    }

    /// The next event as found by `split`, and the end of the events at the end of the
    /// input or at a read error, which is yielded once.
    fn next_split(&mut self, first: First<'_>) -> Option<io::Result<Split>> {
        if self.done {
            return None;
        }
        match self.split(first) {
            Ok(Some(split)) => Some(Ok(split)),
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

    /// The next event, decoded with `registry`: what [`next`](Iterator::next) and then
    /// [`RawEvent::decode`] give, with the event's bytes borrowed from the reader instead
    /// of copied out.
    ///
    /// It is also quicker on NDJSON: a line that holds one valid event is decoded as it
    /// stands, without being split by the grammar first, since decoding accepts only one
    /// whole valid envelope. Any other line is split, then decoded, as by `next`.
    ///
    /// ```
    /// use events_core::stream::RawEvents;
    /// use events_core::{ErrorKind, Registry};
    ///
    /// let registry = Registry::global()?;
    /// let mut raw = RawEvents::new(&b"[1,\n{}"[..]);
    ///
    /// let broken = raw.next_decoded(registry).unwrap()?;
    /// assert_eq!((broken.line, broken.bytes), (1, &b"[1,"[..]));
    /// assert_eq!(broken.result.unwrap_err().kind(), ErrorKind::MalformedJson);
    ///
    /// let empty = raw.next_decoded(registry).unwrap()?;
    /// assert_eq!((empty.line, empty.bytes), (2, &b"{}"[..]));
    /// assert_eq!(empty.result.unwrap_err().kind(), ErrorKind::MissingField);
    /// assert!(raw.next_decoded(registry).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_decoded(&mut self, registry: &Registry) -> Option<io::Result<DecodedEvent<'_>>> {
        let split = match self.next_split(First::Decode(registry))? {
            Ok(split) => split,
            Err(e) => return Some(Err(e)),
        };
        let bytes = &self.window[split.bytes];
        let result = match split.verdict {
            Verdict::Decoded(result) => result,
            verdict => decode_split(verdict.known(), bytes, registry),
        };
        Some(Ok(DecodedEvent {
            line: split.line,
            bytes,
            result,
        }))
    }

    /// The next event, validated with `registry`: what [`next_decoded`](RawEvents::next_decoded)
    /// gives, with the verdict of [`Registry::validate`], which does not build the payload.
    ///
    /// ```
    /// use events_core::stream::RawEvents;
    /// use events_core::{ErrorKind, Registry};
    ///
    /// let registry = Registry::global()?;
    /// let mut raw = RawEvents::new(&b"[1,\n{}"[..]);
    ///
    /// let broken = raw.next_validated(registry).unwrap()?;
    /// assert_eq!((broken.line, broken.bytes), (1, &b"[1,"[..]));
    /// assert_eq!(broken.result.unwrap_err().kind(), ErrorKind::MalformedJson);
    ///
    /// let empty = raw.next_validated(registry).unwrap()?;
    /// assert_eq!(empty.result.unwrap_err().kind(), ErrorKind::MissingField);
    /// assert!(raw.next_validated(registry).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_validated(
        &mut self,
        registry: &Registry,
    ) -> Option<io::Result<ValidatedEvent<'_>>> {
        let split = match self.next_split(First::Validate(registry))? {
            Ok(split) => split,
            Err(e) => return Some(Err(e)),
        };
        let bytes = &self.window[split.bytes];
        let result = match split.verdict {
            Verdict::Validated(result) => result,
            verdict => judge_split(verdict.known(), bytes, |bytes| registry.validate(bytes)),
        };
        Some(Ok(ValidatedEvent {
            line: split.line,
            bytes,
            result,
        }))
    }
}

impl<R: Read> Iterator for RawEvents<R> {
    type Item = io::Result<RawEvent>;

    fn next(&mut self) -> Option<Self::Item> {
        let split = self.next_split(First::Split)?;
        Some(split.map(|split| {
            RawEvent {
                line: split.line,
                bytes: self.window[split.bytes].to_vec(),
                broken: split
                    .verdict
                    .known()
                    .map_or_else(OnceLock::new, OnceLock::from),
            }
        }))
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
        let event = self.raw.next_decoded(self.registry)?;
        Some(event.map(|event| StreamEvent {
            line: event.line,
            bytes: event.bytes.to_vec(),
            result: event.result,
        }))
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

/// An event found in the window: its line, where its bytes are, and what is known of them.
struct Split {
    line: usize,
    bytes: Range<usize>,
    verdict: Verdict,
}

enum Verdict {
    /// Split by the grammar: the `malformed_json` error of an event that is not JSON.
    Checked(Option<Error>),
    /// An event that fills its line, not yet checked: see `fills_line`.
    Unchecked,
    /// Decoded before anything else was done with it.
    Decoded(Result<AnyEnvelope, Error>),
    /// Validated before anything else was done with it.
    Validated(Result<Valid<'static>, Error>),
}

/// Where the line of `bytes` that an event starts on at `start` (not white space) ends, less
/// the white space that ends it, if `bytes` holds its line break within `max` bytes of
/// `start`: one notion of a line for the reader's shortcut and for [`validate_lines`].
fn line_end(bytes: &[u8], start: usize, max: usize) -> Option<usize> {
    let stop = bytes.len().min(start.saturating_add(max).saturating_add(1));
    let mut end = start + memchr::memchr(b'\n', bytes.get(start..stop)?)?;
    // `bytes[start]` is not white space, so this stops at `start + 1` at the least.
    while end > start + 1 && matches!(bytes[end - 1], b' ' | b'\t' | b'\r') {
        end -= 1;
    }
    (end - start <= max).then_some(end)
}

/// What the reader does first with a line that may hold one event.
#[derive(Clone, Copy)]
enum First<'r> {
    /// Splits it.
    Split,
    /// Decodes it as it stands: see [`RawEvents::next_decoded`].
    Decode(&'r Registry),
    /// Validates it as it stands: see [`RawEvents::next_validated`].
    Validate(&'r Registry),
}

/// The verdict on a line judged as it stands, where it is the event's: an accepted event
/// is the whole line, and a rejected one is if the line holds one value, which must first
/// be JSON.
fn judge_line<T>(line: &[u8], judged: Result<T, Error>) -> Option<Result<T, Error>> {
    match judged {
        Ok(accepted) => Some(Ok(accepted)),
        Err(rejected) => fills_line(line).then(|| Err(check_one_line(line).unwrap_or(rejected))),
    }
}

impl Verdict {
    /// What splitting knows of whether the event is JSON: see `decode_split`.
    fn known(self) -> Option<Option<Error>> {
        match self {
            Verdict::Checked(broken) => Some(broken),
            Verdict::Unchecked | Verdict::Decoded(_) | Verdict::Validated(_) => None,
        }
    }
}

/// The bytes a UTF-8 character that starts with `lead` takes (1 for a byte that cannot
/// start one).
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0..=0xF7 => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Names the character at `at` in `bytes`, or the end of the input.
fn found_in(bytes: &[u8], at: usize) -> String {
    let Some(&lead) = bytes.get(at) else {
        return "the end of the input".to_owned();
    };
    let have = (bytes.len() - at).min(utf8_width(lead));
    let len = if std::str::from_utf8(&bytes[at..at + have]).is_ok() {
        have
    } else {
        1
    };
    describe_found(&bytes[at..at + len])
}

/// The error of an event whose bytes start `event` and break at `event[at]`: bad UTF-8
/// before the break, which comes first in the bytes, or the break itself.
fn broken_at(event: &[u8], at: usize, why: Break) -> Error {
    if let Err(error) = crate::read::utf8(&event[..at]) {
        return error;
    }
    let found = match why {
        Break::Unexpected(_) => found_in(event, at),
        _ => String::new(),
    };
    let (line, column) = line_and_column(&event[..at]);
    malformed(format!(
        "{} (line {line}, column {column})",
        why.describe(&found)
    ))
}

/// The one-line event `bytes` (see `fills_line`) checked against the
/// grammar and UTF-8: the error the splitter gives when it checks the event at once.
fn check_one_line(bytes: &[u8]) -> Option<Error> {
    let mut grammar = Grammar::new();
    match grammar.feed(bytes, 0) {
        Step::Closed(_) => crate::read::utf8(bytes).err(),
        Step::Broken(at, why) => Some(broken_at(bytes, at, why)),
        // Not for an event that `fills_line` found, whose brackets close.
        Step::More => {
            let closer = grammar.closer();
            Some(broken_at(bytes, bytes.len(), Break::Unclosed { closer }))
        }
    }
}

/// Whether `line`, one line less the white space around it, is one array or object: the
/// usual event of NDJSON, found without the grammar.
///
/// Such an event is the line's whole text whether or not it is JSON: a well-formed value ends
/// at its closing bracket, and a broken one at the end of its line, which is the same place.
/// So only the brackets are counted (strings skipped, as the grammar would skip them if they
/// are well-formed); whether it is JSON is left to [`check_one_line`], which decoding makes
/// unnecessary when it accepts the event. `false` sends the event through the grammar.
fn fills_line(line: &[u8]) -> bool {
    closing_bracket(line) == Some(line.len())
}

/// Where the array or object that the one line `line` starts with closes, as one past its
/// closing bracket. Brackets are counted outside strings, whose text is skipped eight bytes
/// at a time; which bracket closes which is not checked, nor anything else of the grammar.
fn closing_bracket(line: &[u8]) -> Option<usize> {
    if !matches!(line.first(), Some(b'{' | b'[')) {
        return None;
    }
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&b) = line.get(i) {
        match b {
            b'"' => loop {
                i = quote_or_backslash(line, i + 1);
                match line.get(i)? {
                    b'"' => break,
                    // A backslash: the byte after it is escaped.
                    _ => i += 1,
                }
            },
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MAX_DEPTH;

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

    /// A line that holds many values is tried whole once, not once for each of them: that
    /// would decode (and check) the rest of the line for every value, quadratic in its
    /// length. These 200,000 values would take minutes so.
    #[test]
    fn a_line_of_many_values_is_read_in_linear_time() {
        let line = format!("{} {{\"id\":1}}\n", "[] ".repeat(20_000));
        let input = line.repeat(10);
        let events = read(input.as_bytes());
        assert_eq!(events.len(), 10 * 20_001);
        assert!(events.iter().all(|&(_, kind)| kind == NOT_OBJECT));
        assert_eq!(events.last(), Some(&(10, NOT_OBJECT)));
        let split = RawEvents::new(input.as_bytes()).count();
        assert_eq!(split, 10 * 20_001);
    }

    /// The window grows for an event longer than a read, but to about what the event needs,
    /// not towards the limit, however many such events come.
    #[test]
    fn the_window_grows_only_as_far_as_the_longest_event_needs() {
        let event = format!("[\"{}\"]\n", "x".repeat(100_000));
        let input = event.repeat(50);
        let mut raw = RawEvents::new(input.as_bytes());
        let mut seen = 0;
        for split in raw.by_ref() {
            assert!(split.unwrap().broken().is_none());
            seen += 1;
        }
        assert_eq!(seen, 50);
        assert!(
            raw.window.capacity() <= 2 * event.len() + 2 * CHUNK,
            "{}",
            raw.window.capacity()
        );
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

    /// Every event as split, `(line, grammar error, bytes)`, read from `reader` with `limits`.
    fn split(reader: impl Read, limits: Limits) -> Vec<(usize, Option<Error>, Vec<u8>)> {
        RawEvents::with_limits(reader, limits)
            .map(|e| e.map(|e| (e.line, e.broken().cloned(), e.bytes)))
            .collect::<io::Result<_>>()
            .unwrap()
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
                let whole = split(&input[..], limits);
                let trickled = split(Trickle(&input), limits);
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

    /// A line that holds one array or object is split off without the grammar, and checked
    /// only if decoding rejects it: the verdicts are those of checking every event at once,
    /// which a reader that gets one byte at a time does (it never sees a whole line ahead).
    #[test]
    fn a_line_split_off_without_the_grammar_gets_the_same_verdict() {
        let mut inputs = assorted();
        for line in [
            valid("a"),
            valid("a").replace("\"o\"", "\"oé\""),
            valid("a").replace("\"o\"", "\"\\x\""),
            valid("a").replace("\"o\"", "\"\u{1}\""),
            valid("a").replace("\"o\"", "tru"),
            valid("a").replace("\"o\"", "\"\\ud800\""),
            valid("a").replace("}}", "]}"),
            valid("a").replace("\"uid\"", "\"uid\" "),
            format!("{}{}", "[".repeat(65), "]".repeat(65)),
            "{\"id\":\"x\\\"}".to_owned(),
            "[\"\\\"]".to_owned(),
        ] {
            inputs.push(format!("{line}\n{line}  \r\n").into_bytes());
        }
        let mut bad_utf8 = valid("a").into_bytes();
        bad_utf8[8] = 0xff;
        bad_utf8.push(b'\n');
        inputs.push(bad_utf8);

        let verdicts = |events: Events<&mut dyn Read>| -> Vec<_> {
            events
                .map(|e| {
                    let e = e.unwrap();
                    (e.line, e.result.err(), e.bytes)
                })
                .collect()
        };
        let registry = Registry::global().unwrap();
        for input in inputs {
            let trickled = verdicts(Events::new(&mut Trickle(&input) as &mut dyn Read).unwrap());
            // Decoded first, line by line.
            let whole = verdicts(Events::new(&mut &input[..] as &mut dyn Read).unwrap());
            assert_eq!(whole, trickled, "{:?}", String::from_utf8_lossy(&input));
            // Split first, the grammar left to decoding.
            let split: Vec<_> = RawEvents::new(&input[..])
                .map(|raw| {
                    let e = raw.unwrap().decode(registry);
                    (e.line, e.result.err(), e.bytes)
                })
                .collect();
            assert_eq!(split, trickled, "{:?}", String::from_utf8_lossy(&input));
            // Validated first, line by line.
            let validated: Vec<_> = validated_in_place(&input, Limits::new())
                .into_iter()
                .map(|(line, result, bytes)| (line, result.err(), bytes))
                .collect();
            assert_eq!(validated, trickled, "{:?}", String::from_utf8_lossy(&input));
        }
    }

    #[test]
    fn streams_cut_at_line_breaks_get_the_same_verdicts() {
        let registry = Registry::global().unwrap();
        let mut settled_lines = 0;
        for (n, (input, limits)) in random_streams().into_iter().enumerate() {
            let whole = validated_in_place(&input, limits);
            // Cut after some of the line breaks, as `events validate --jobs` does.
            let cuts = (0..input.len())
                .filter(|&i| input[i] == b'\n' && (i + n) % 3 != 0)
                .map(|i| i + 1)
                .chain([input.len()]);
            let mut events = Vec::new();
            let mut push = |e: ValidatedEvent<'_>| {
                let result = e.result.map(|valid| valid.id().to_owned());
                events.push((e.line, result, e.bytes.to_vec()));
            };
            let (mut start, mut first_line) = (0, 1);
            let mut rest = None;
            for cut in cuts {
                let piece = &input[start..cut];
                if let Err(at) = validate_lines(piece, first_line, limits, registry, &mut push) {
                    rest = Some((start + at.offset, at.line));
                    break;
                }
                settled_lines += piece.iter().filter(|&&b| b == b'\n').count();
                first_line += piece.iter().filter(|&&b| b == b'\n').count();
                start = cut;
            }
            if let Some((offset, line)) = rest {
                let mut raw = RawEvents::resuming(&input[offset..], limits, line);
                while let Some(event) = raw.next_validated(registry) {
                    push(event.unwrap());
                }
            }
            // An input with no event: the whole-input reader says so, once.
            if whole.len() == 1 && whole[0].2.is_empty() {
                push(
                    RawEvents::new(&b""[..])
                        .next_validated(registry)
                        .unwrap()
                        .unwrap(),
                );
            }
            assert_eq!(events, whole, "{:?}", String::from_utf8_lossy(&input));
        }
        // Enough lines were judged a stretch at a time for the rule to be put to the test.
        assert!(settled_lines > 500, "only {settled_lines} lines settled");
    }

    /// `(line, id or error, bytes)` of every event, as [`RawEvents::next_validated`] gives them.
    fn validated_in_place(
        input: &[u8],
        limits: Limits,
    ) -> Vec<(usize, Result<String, Error>, Vec<u8>)> {
        let registry = Registry::global().unwrap();
        let mut raw = RawEvents::with_limits(input, limits);
        let mut events = Vec::new();
        while let Some(event) = raw.next_validated(registry) {
            let event = event.unwrap();
            let result = event.result.map(|valid| valid.id().to_owned());
            events.push((event.line, result, event.bytes.to_vec()));
        }
        events
    }

    /// 3,000 streams of random pieces of JSON, broken JSON and valid envelopes, each with
    /// the limits to read it with: none, 64 bytes and 7.
    fn random_streams() -> Vec<(Vec<u8>, Limits)> {
        let valid_event = valid("r");
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
            valid_event.as_bytes(),
            b"\n",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut streams = Vec::new();
        for _ in 0..3_000 {
            let len = next() % 40;
            let input: Vec<u8> = (0..len)
                .flat_map(|_| pieces[next() as usize % pieces.len()].iter().copied())
                .collect();
            for max in [usize::MAX, 64, 7] {
                streams.push((input.clone(), Limits::new().with_max_event_bytes(max)));
            }
        }
        streams
    }

    #[test]
    fn random_streams_split_the_same_in_any_chunks_and_lose_no_byte() {
        for (input, limits) in random_streams() {
            let whole = split(&input[..], limits);
            let trickled = split(Trickle(&input), limits);
            assert_eq!(whole, trickled, "{:?}", String::from_utf8_lossy(&input));
            assert!(!whole.is_empty());
            assert!(whole.windows(2).all(|w| w[0].0 <= w[1].0));
            assert_tiles(&input, limits);
        }
    }

    /// Decoding each line first, in place, and splitting one-line events without the grammar
    /// then decoding, give what splitting one byte at a time (every event checked against the
    /// grammar at once) and then decoding gives.
    #[test]
    fn random_streams_decoded_in_place_get_the_same_verdicts() {
        let registry = Registry::global().unwrap();
        for (input, limits) in random_streams() {
            let mut raw = RawEvents::with_limits(&input[..], limits);
            let mut in_place = Vec::new();
            while let Some(event) = raw.next_decoded(registry) {
                let event = event.unwrap();
                in_place.push((event.line, event.result.err(), event.bytes.to_vec()));
            }
            let one_at_a_time: Vec<_> = RawEvents::with_limits(Trickle(&input), limits)
                .map(|e| {
                    let e = e.unwrap().decode(registry);
                    (e.line, e.result.err(), e.bytes)
                })
                .collect();
            assert_eq!(
                in_place,
                one_at_a_time,
                "{:?}",
                String::from_utf8_lossy(&input)
            );
            // Split first, then decoded: kept with the ids, which validating must give too.
            let decoded_ids: Vec<_> = RawEvents::with_limits(&input[..], limits)
                .map(|e| {
                    let e = e.unwrap().decode(registry);
                    (
                        e.line,
                        e.result.map(|envelope| envelope.id().to_owned()),
                        e.bytes,
                    )
                })
                .collect();
            let split_first: Vec<_> = (decoded_ids.iter())
                .map(|(line, result, bytes)| (*line, result.clone().err(), bytes.clone()))
                .collect();
            assert_eq!(
                split_first,
                one_at_a_time,
                "{:?}",
                String::from_utf8_lossy(&input)
            );
            // Validated, in place and split first: the same verdicts, and the same ids.
            let validated = validated_in_place(&input, limits);
            assert_eq!(
                validated,
                decoded_ids,
                "{:?}",
                String::from_utf8_lossy(&input)
            );
            let mut raw = RawEvents::with_limits(&input[..], limits);
            let mut split_validated = Vec::new();
            let mut buffer = Vec::new();
            while let Some(event) = raw.next_into(&mut buffer) {
                let event = event.unwrap();
                let (line, len) = (event.line, event.len);
                let result = event.validate(&buffer, registry).map(|v| v.id().to_owned());
                split_validated.push((line, result, buffer[..len].to_vec()));
                buffer.clear();
            }
            assert_eq!(
                split_validated,
                decoded_ids,
                "{:?}",
                String::from_utf8_lossy(&input)
            );
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
