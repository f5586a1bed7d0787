//! The JSON grammar (RFC 8259), checked byte by byte while the stream is split: where a
//! value ends, or where and why it cannot be JSON.

use crate::read::depth::MAX_DEPTH;
use crate::read::text::plain_text_end;

pub(super) fn is_structural(b: u8) -> bool {
    matches!(b, b'{' | b'}' | b'[' | b']' | b',' | b':' | b'"')
}

pub(super) enum Scan {
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
pub(super) enum Break {
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
    pub(super) fn on_a_byte(self) -> bool {
        matches!(
            self,
            Break::Mismatch { .. } | Break::TooDeep | Break::Unexpected(_)
        )
    }

    pub(super) fn describe(self, found: &str) -> String {
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

pub(super) fn closing(closer: u8) -> &'static str {
    match closer {
        b'}' => "`}` to close the object",
        b']' => "`]` to close the array",
        _ => "`\"` to close the string",
    }
}

pub(super) enum Step {
    /// Every byte given was part of the value; it goes on.
    More,
    Closed(usize),
    Broken(usize, Break),
}

/// Where the grammar stands between two bytes of an array, object or string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum State {
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
pub(super) struct Grammar {
    depth: usize,
    // Bit i set: the bracket open at depth i + 1 is an object.
    objects: u64,
    state: State,
    // Line breaks seen, all of them white space between tokens.
    pub(super) newlines: usize,
}

// One bit a level must be enough.
const _: () = assert!(MAX_DEPTH <= 64);

impl Grammar {
    pub(super) fn new() -> Self {
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
    pub(super) fn closer(&self) -> u8 {
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
    pub(super) fn feed(&mut self, bytes: &[u8], from: usize) -> Step {
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

/// Where a number stands, after the bytes read so far (RFC 8259, section 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Number {
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

pub(super) fn expected_word(word: &[u8]) -> &'static str {
    match word {
        b"true" => "expected `true`",
        b"false" => "expected `false`",
        _ => "expected `null`",
    }
}

/// Checks a number or literal at the top, `token` (never empty): where it breaks and why.
pub(super) fn check_scalar(token: &[u8]) -> Result<(), (usize, Break)> {
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
pub(super) fn describe_found(bytes: &[u8]) -> String {
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
