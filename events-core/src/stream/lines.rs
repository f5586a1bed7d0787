//! NDJSON in stretches: the lines of one input validated apart from the rest of it, so that
//! a consumer can cut an input at line breaks and validate the pieces on several threads.

use super::{judge_line, line_end, Limits, ValidatedEvent};
use crate::registry::Registry;

/// Where [`validate_lines`] stopped: the start of a line whose events only a reader of the
/// rest of the input, from there on, can split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsettled {
    /// Where the line starts in the bytes given to [`validate_lines`].
    pub offset: usize,
    /// The line's number.
    pub line: usize,
}

/// Validates the events of `lines`, a stretch of an input that starts at the start of line
/// `first_line` with no event under way, for as long as each line holds one event or none:
/// NDJSON, which can so be cut at any line break and validated a stretch at a time, on as
/// many threads.
///
/// Each event goes to `each` as [`RawEvents::next_validated`](super::RawEvents::next_validated)
/// gives it when it reads the whole input. At the first line that may not hold exactly one
/// event (several values, a value that goes on to the next line, one longer than
/// [`Limits::max_event_bytes`], or a last line with no line break), it stops and says where:
/// the input from there on is for [`RawEvents::resuming`](super::RawEvents::resuming).
///
/// ```
/// use events_core::stream::{validate_lines, RawEvents, Unsettled, Limits};
/// use events_core::{ErrorKind, Registry};
///
/// let registry = Registry::global()?;
/// let input = b"{}\n\n[1]\n[2,\n3]\n";
/// let mut kinds = Vec::new();
/// let stopped = validate_lines(input, 1, Limits::new(), registry, |event| {
///     kinds.push((event.line, event.result.unwrap_err().kind()));
/// });
/// assert_eq!(kinds, [(1, ErrorKind::MissingField), (3, ErrorKind::InvalidType)]);
///
/// // `[2,` goes on to the next line: a reader of the rest takes over.
/// let rest = stopped.unwrap_err();
/// assert_eq!(rest, Unsettled { offset: 8, line: 4 });
/// let mut raw = RawEvents::resuming(&input[rest.offset..], Limits::new(), rest.line);
/// let event = raw.next_validated(registry).unwrap()?;
/// assert_eq!((event.line, event.bytes), (4, &b"[2,\n3]"[..]));
/// assert!(raw.next_validated(registry).is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate_lines<'a>(
    lines: &'a [u8],
    first_line: usize,
    limits: Limits,
    registry: &Registry,
    mut each: impl FnMut(ValidatedEvent<'a>),
) -> Result<(), Unsettled> {
    let mut pos = 0;
    let mut line = first_line;
    loop {
        // As `RawEvents` between events: white space and blank lines are skipped.
        let mut line_start = pos;
        while let Some(&b) = lines.get(pos) {
            match b {
                b' ' | b'\t' | b'\r' => {}
                b'\n' => {
                    line += 1;
                    line_start = pos + 1;
                }
                _ => break,
            }
            pos += 1;
        }
        if pos == lines.len() {
            return Ok(());
        }
        let unsettled = Unsettled {
            offset: line_start,
            line,
        };
        // As `RawEvents::shortcut`: the line, less the white space that ends it, is judged
        // as it stands if it is within the limit; an accepted event is the whole line, and a
        // rejected one is if the line holds one array or object.
        let start = pos;
        let Some(end) = line_end(lines, start, limits.max_event_bytes) else {
            return Err(unsettled);
        };
        let bytes = &lines[start..end];
        let Some(result) = judge_line(bytes, registry.validate(bytes)) else {
            return Err(unsettled);
        };
        each(ValidatedEvent {
            line,
            bytes,
            result,
        });
        // The white space after it, and the line break, are skipped as above.
        pos = end;
    }
}
