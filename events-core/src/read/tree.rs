//! A strict JSON parser (RFC 8259) for rejected events only: it keeps every member of an
//! object, duplicates included, keeps numbers as written, and marks strings that hold a lone
//! surrogate escape instead of failing on them, so the contract checker can tell which
//! defect an event has and where.

use std::borrow::Cow;

use super::depth::MAX_DEPTH;

/// A parsed JSON value.
#[derive(Debug)]
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    /// As written, so that `1.0` and `1` stay apart, with the byte offset where it starts.
    Number {
        text: &'a str,
        offset: usize,
    },
    String(JsonStr<'a>),
    Array(Vec<Node<'a>>),
    /// Every member, in input order, duplicates included.
    Object(Vec<(JsonStr<'a>, Node<'a>)>),
}

/// An unescaped string; a lone surrogate escape is replaced and flagged.
#[derive(Debug)]
pub(crate) struct JsonStr<'a> {
    pub text: Cow<'a, str>,
    pub lone_surrogate: bool,
}

/// Where and why the bytes are not JSON.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// Byte offset of the offending byte.
    pub offset: usize,
    pub message: String,
}

pub(crate) fn parse(src: &str) -> Result<Node<'_>, SyntaxError> {
    let mut parser = Parser {
        src,
        bytes: src.as_bytes(),
        pos: 0,
    };
    parser.skip_ws();
    let node = parser.value(1)?;
    parser.skip_ws();
    if parser.pos < parser.bytes.len() {
        return Err(parser.error("expected the end of the event after a complete JSON value"));
    }
    Ok(node)
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, what: &str) -> SyntaxError {
        let found = match self.src[self.pos..].chars().next() {
            None => "the end of the input".to_owned(),
            Some('\u{feff}') => "a byte order mark".to_owned(),
            Some(c) if c.is_control() => format!("the control character U+{:04X}", c as u32),
            Some(c) => format!("`{c}`"),
        };
        SyntaxError {
            offset: self.pos,
            message: format!("{what}, found {found}"),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// A value whose arrays and objects would sit at `depth` (the outermost is 1).
    fn value(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Node::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.literal("true", Node::Bool(true)),
            Some(b'f') => self.literal("false", Node::Bool(false)),
            Some(b'n') => self.literal("null", Node::Null),
            _ => Err(self.error("expected a JSON value")),
        }
    }

    fn enter(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            Err(SyntaxError {
                offset: self.pos,
                message: format!(
                    "expected arrays and objects nested at most {MAX_DEPTH} deep, found one nested {} deep",
                    MAX_DEPTH + 1
                ),
            })
        } else {
            Ok(())
        }
    }

    fn object(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Node::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a member name in double quotes"));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected `:` after a member name"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Node::Object(members));
                }
                _ => return Err(self.error("expected `,` or `}` after a member")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Node<'a>, SyntaxError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Node::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Node::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]` after an array element")),
            }
        }
    }

    fn literal(&mut self, word: &str, node: Node<'a>) -> Result<Node<'a>, SyntaxError> {
        if self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(node)
        } else {
            Err(self.error(&format!("expected `{word}`")))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Node<'a>, SyntaxError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        Ok(Node::Number {
            text: &self.src[start..self.pos],
            offset: start,
        })
    }

    fn hex4(&mut self) -> Result<u16, SyntaxError> {
        let mut value = 0u16;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => return Err(self.error("expected four hex digits after `\\u`")),
            };
            value = value * 16 + u16::from(digit);
            self.pos += 1;
        }
        Ok(value)
    }

    fn string(&mut self) -> Result<JsonStr<'a>, SyntaxError> {
        self.pos += 1;
        let start = self.pos;
        // The common case: no escapes, borrow the text.
        loop {
            match self.peek() {
                None => return Err(self.error("expected `\"` to close the string")),
                Some(b'"') => {
                    let text = Cow::Borrowed(&self.src[start..self.pos]);
                    self.pos += 1;
                    return Ok(JsonStr {
                        text,
                        lone_surrogate: false,
                    });
                }
                Some(b'\\') => break,
                Some(0x00..=0x1f) => {
                    return Err(self.error("expected a control character to be escaped"))
                }
                Some(_) => self.pos += 1,
            }
        }
        let mut text = String::from(&self.src[start..self.pos]);
        let mut lone_surrogate = false;
        loop {
            match self.peek() {
                None => return Err(self.error("expected `\"` to close the string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(JsonStr {
                        text: Cow::Owned(text),
                        lone_surrogate,
                    });
                }
                Some(0x00..=0x1f) => {
                    return Err(self.error("expected a control character to be escaped"))
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let (c, lone) = self.unicode_escape()?;
                            lone_surrogate |= lone;
                            text.push(c);
                            continue;
                        }
                        _ => return Err(self.error("expected a valid escape after `\\`")),
                    };
                    self.pos += 1;
                    text.push(escaped);
                }
                Some(_) => {
                    let c = self.src[self.pos..].chars().next().unwrap_or('\u{fffd}');
                    text.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// After `\u`: one code point, or U+FFFD and `true` for a lone surrogate.
    fn unicode_escape(&mut self) -> Result<(char, bool), SyntaxError> {
        let first = self.hex4()?;
        match first {
            0xD800..=0xDBFF => {
                if self.bytes[self.pos..].starts_with(b"\\u") {
                    let save = self.pos;
                    self.pos += 2;
                    let second = self.hex4()?;
                    if (0xDC00..=0xDFFF).contains(&second) {
                        let c = 0x10000
                            + ((u32::from(first) - 0xD800) << 10)
                            + (u32::from(second) - 0xDC00);
                        return Ok((char::from_u32(c).unwrap_or('\u{fffd}'), false));
                    }
                    // Not a pair: the first is lone; read the second on its own.
                    self.pos = save;
                }
                Ok(('\u{fffd}', true))
            }
            0xDC00..=0xDFFF => Ok(('\u{fffd}', true)),
            _ => Ok((
                char::from_u32(u32::from(first)).unwrap_or('\u{fffd}'),
                false,
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_duplicate_members_in_order() {
        let Node::Object(members) = parse(r#"{"a":1,"a":2}"#).unwrap() else {
            panic!("not an object")
        };
        assert_eq!(members.len(), 2);
    }

    #[test]
    fn flags_lone_surrogates_instead_of_failing() {
        let Node::String(s) = parse(r#""\ud800x""#).unwrap() else {
            panic!("not a string")
        };
        assert!(s.lone_surrogate);
        let Node::String(s) = parse(r#""\ud83d\ude00""#).unwrap() else {
            panic!("not a string")
        };
        assert!(!s.lone_surrogate);
        assert_eq!(s.text, "😀");
    }

    #[test]
    fn rejects_what_rfc_8259_rejects() {
        for bad in [
            "01",
            "1.",
            ".5",
            "+1",
            "[1,]",
            "{\"a\" 1}",
            "'a'",
            "\"\t\"",
            "[",
            "nul",
            "\u{feff}{}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn nesting_beyond_the_limit_is_a_syntax_error() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse(&deep).is_err());
    }
}
