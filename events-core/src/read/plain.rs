//! A serde deserializer for JSON written plainly, which gives up on anything else
//! (cargo feature `fast-payloads`).
//!
//! Most payloads are written compactly, with few escapes, integers and no fractions. For
//! those, this reader drives the same `Deserialize` impls as serde_json and makes the same
//! calls with the same values (`visit_borrowed_str` for a string without escapes,
//! `visit_str` for one unescaped, `visit_u64` for a non-negative integer, `visit_i64` for a
//! negative one, …). Made for this text alone, it makes a whole decode about a sixth faster
//! (BENCHMARKS.md). It never decides a rejection. At the first thing it does not
//! read exactly as serde_json does (a `\u` escape of a surrogate, an escape in a member name,
//! a fraction or exponent, an integer of more than 18 digits, `-0`, serde_json's own raw
//! value, an enum, nesting deeper than [`MAX_DEPTH`]) or at the first defect, it gives up,
//! and serde_json reads the payload again from its start. A member the type does not define
//! is skipped, or kept as written for relays, as its text, which serde_json checks as it
//! would have in place. A `Deserialize` impl
//! that rejects what it was given (a missing member, a wrong literal) gives up the same way.
//! So whatever this reader accepts, serde_json accepts too, as the same value, and took as
//! many bytes for it; the tests hold it to that on every single-byte change of a payload.

use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};
use serde::forward_to_deserialize_any;

use super::depth::MAX_DEPTH;
use super::text::{plain_text_end, string_end};

/// This reader cannot read the value as serde_json would, or the value is rejected:
/// serde_json reads it again.
#[derive(Debug)]
pub(crate) struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    // The message is never shown: serde_json reads the value again and writes its own.
    #[inline]
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

type Read<T> = Result<T, GiveUp>;

/// The bytes that may follow a number or a literal: white space, and the start or end of
/// another token.
const VALUE_ENDS: &[u8] = b" \t\n\r\"[]{},:";

/// Reads one `T` at the start of `src`, and the bytes it took; `None` leaves it to
/// serde_json.
#[inline]
pub(crate) fn value<'de, T: de::Deserialize<'de>>(src: &'de str) -> Option<(T, usize)> {
    let mut reader = Reader {
        src,
        bytes: src.as_bytes(),
        pos: 0,
        depth: 0,
        scratch: String::new(),
    };
    let first = reader.peek().ok()?;
    let value = T::deserialize(&mut reader).ok()?;
    // serde_json's stream reader, whose length this must match, accepts a number or a
    // literal only where a value may end there: `1x` is not a `1`.
    let ends_itself = matches!(first, b'{' | b'[' | b'"');
    let may_end = |b: &u8| VALUE_ENDS.contains(b);
    if !ends_itself && !reader.bytes.get(reader.pos).is_none_or(may_end) {
        return None;
    }
    Some((value, reader.pos))
}

struct Reader<'de> {
    src: &'de str,
    bytes: &'de [u8],
    pos: usize,
    /// How many arrays and objects enclose the reader: past [`MAX_DEPTH`] it gives up, as
    /// serde_json stops at its own limit, so that no input can exhaust the stack.
    depth: usize,
    /// The text of the last string read that had escapes, unescaped.
    scratch: String,
}

/// A string's text: borrowed from the input, or unescaped into the reader's `scratch`.
enum Text<'de> {
    Borrowed(&'de str),
    Copied,
}

impl<'de> Reader<'de> {
    /// Skips white space and returns the byte after it.
    #[inline]
    fn peek(&mut self) -> Read<u8> {
        while let Some(&b) = self.bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Ok(b);
            }
            self.pos += 1;
        }
        Err(GiveUp)
    }

    #[inline]
    fn eat(&mut self, byte: u8) -> Read<()> {
        if self.peek()? == byte {
            self.pos += 1;
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// A string without control characters, borrowed when it has no escape either; a `\u`
    /// escape of a surrogate (half of a pair, whose rules serde_json knows) gives up.
    #[inline]
    fn string(&mut self) -> Read<Text<'de>> {
        self.eat(b'"')?;
        let start = self.pos;
        let end = plain_text_end(self.bytes, start);
        if self.bytes.get(end) == Some(&b'"') {
            self.pos = end + 1;
            // `"` is ASCII: `start` and `end` sit on character boundaries.
            return self.src.get(start..end).map(Text::Borrowed).ok_or(GiveUp);
        }
        self.escaped(start, end)
    }

    /// The rest of a string whose text from `start` runs plainly up to `end`, which is not
    /// its closing quote: unescaped into `scratch`.
    #[cold]
    fn escaped(&mut self, start: usize, mut end: usize) -> Read<Text<'de>> {
        self.scratch.clear();
        let mut from = start;
        loop {
            // Every stop is at an ASCII byte: a character boundary.
            self.scratch
                .push_str(self.src.get(from..end).ok_or(GiveUp)?);
            match self.bytes.get(end) {
                Some(b'"') => {
                    self.pos = end + 1;
                    return Ok(Text::Copied);
                }
                Some(b'\\') => {}
                // A control character, or the end of the text.
                _ => return Err(GiveUp),
            }
            let escape = *self.bytes.get(end + 1).ok_or(GiveUp)?;
            from = end + 2;
            let c = match escape {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let hex = self.src.get(from..from + 4).ok_or(GiveUp)?;
                    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                        return Err(GiveUp);
                    }
                    from += 4;
                    let code = u32::from_str_radix(hex, 16).map_err(|_| GiveUp)?;
                    // A surrogate is not a `char`: those give up.
                    char::from_u32(code).ok_or(GiveUp)?
                }
                _ => return Err(GiveUp),
            };
            self.scratch.push(c);
            end = plain_text_end(self.bytes, from);
        }
    }

    /// `literal` (the rest of `true`, `false` or `null` after its first byte).
    #[inline]
    fn literal(&mut self, literal: &[u8]) -> Read<()> {
        if self.bytes.get(self.pos..self.pos + literal.len()) == Some(literal) {
            self.pos += literal.len();
            Ok(())
        } else {
            Err(GiveUp)
        }
    }

    /// An integer of at most 18 digits, without leading zero, fraction or exponent, and not
    /// `-0`: one that serde_json reads as this same `u64` (or `i64`, when negative).
    fn integer<V: Visitor<'de>>(&mut self, visitor: V) -> Read<V::Value> {
        let negative = self.bytes.get(self.pos) == Some(&b'-');
        self.pos += usize::from(negative);
        let start = self.pos;
        let mut n: u64 = 0;
        while let Some(&d @ b'0'..=b'9') = self.bytes.get(self.pos) {
            n = n * 10 + u64::from(d - b'0');
            self.pos += 1;
            if self.pos - start > 18 {
                return Err(GiveUp);
            }
        }
        let digits = self.pos - start;
        let leading_zero = digits > 1 && self.bytes[start] == b'0';
        let fraction = matches!(self.bytes.get(self.pos), Some(b'.' | b'e' | b'E'));
        if digits == 0 || leading_zero || fraction || (negative && n == 0) {
            return Err(GiveUp);
        }
        if negative {
            // 18 digits fit an i64 with room to spare.
            visitor.visit_i64(-(n as i64))
        } else {
            visitor.visit_u64(n)
        }
    }

    /// The text of the next value, left unread: for serde_json to check (a skipped member,
    /// a member kept as written). Its end is right for any valid value; for any other, the
    /// text serde_json is then given is not valid either.
    fn skip(&mut self) -> Read<&'de str> {
        self.peek()?;
        let start = self.pos;
        self.skip_value()?;
        // Every stop is at an ASCII byte, or at the end: a character boundary.
        self.src.get(start..self.pos).ok_or(GiveUp)
    }

    fn skip_value(&mut self) -> Read<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            b'[' => {
                self.open(b'[')?;
                if self.peek()? != b']' {
                    loop {
                        self.skip_value()?;
                        if self.peek()? != b',' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                self.close(b']')
            }
            b'{' => {
                self.open(b'{')?;
                if self.peek()? != b'}' {
                    loop {
                        self.skip_string()?;
                        self.eat(b':')?;
                        self.skip_value()?;
                        if self.peek()? != b',' {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                self.close(b'}')
            }
            // A number or a literal: up to where a value may end. (Nothing at all there, as
            // in `[,]`, gives text that serde_json rejects.)
            _ => {
                while let Some(b) = self.bytes.get(self.pos) {
                    if VALUE_ENDS.contains(b) {
                        break;
                    }
                    self.pos += 1;
                }
                Ok(())
            }
        }
    }

    fn skip_string(&mut self) -> Read<()> {
        self.eat(b'"')?;
        // Any escape: serde_json checks it.
        self.pos = string_end(self.bytes, self.pos, |_| true).ok_or(GiveUp)?;
        Ok(())
    }

    /// Enters an array or object, after its opening `byte`.
    #[inline]
    fn open(&mut self, byte: u8) -> Read<()> {
        self.eat(byte)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(GiveUp);
        }
        Ok(())
    }

    /// Leaves an array or object at its closing `byte`.
    #[inline]
    fn close(&mut self, byte: u8) -> Read<()> {
        self.eat(byte)?;
        self.depth -= 1;
        Ok(())
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        match self.peek()? {
            b'"' => self.deserialize_str(visitor),
            b'{' => self.deserialize_map(visitor),
            b'[' => self.deserialize_seq(visitor),
            b't' | b'f' => self.deserialize_bool(visitor),
            b'n' => self.deserialize_unit(visitor),
            b'-' | b'0'..=b'9' => self.integer(visitor),
            _ => Err(GiveUp),
        }
    }

    #[inline]
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        match self.peek()? {
            b't' => {
                self.literal(b"true")?;
                visitor.visit_bool(true)
            }
            b'f' => {
                self.literal(b"false")?;
                visitor.visit_bool(false)
            }
            _ => Err(GiveUp),
        }
    }

    #[inline]
    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        match self.peek()? {
            b'-' | b'0'..=b'9' => self.integer(visitor),
            _ => Err(GiveUp),
        }
    }

    #[inline]
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        match self.string()? {
            Text::Borrowed(text) => visitor.visit_borrowed_str(text),
            Text::Copied => visitor.visit_str(&self.scratch),
        }
    }

    #[inline]
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.deserialize_str(visitor)
    }

    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.deserialize_str(visitor)
    }

    #[inline]
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        if self.peek()? == b'n' {
            self.literal(b"null")?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.eat(b'n')?;
        self.literal(b"ull")?;
        visitor.visit_unit()
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.open(b'[')?;
        let value = visitor.visit_seq(Items {
            reader: &mut *self,
            first: true,
        })?;
        self.close(b']')?;
        Ok(value)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.open(b'{')?;
        let value = visitor.visit_map(Members {
            reader: &mut *self,
            first: true,
        })?;
        self.close(b'}')?;
        Ok(value)
    }

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Read<V::Value> {
        self.deserialize_map(visitor)
    }

    /// A member kept as written (`__private::RAW_MEMBER`) is handed over as its text, which
    /// the visitor has serde_json check; any other newtype, serde_json's own raw value among
    /// them, is left to serde_json.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Read<V::Value> {
        if name == crate::__private::RAW_MEMBER {
            visitor.visit_borrowed_str(self.skip()?)
        } else {
            Err(GiveUp)
        }
    }

    /// A member skipped unread: serde_json checks its text as it would have in place.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        serde_json::from_str::<de::IgnoredAny>(self.skip()?).map_err(|_| GiveUp)?;
        visitor.visit_unit()
    }

    // Where serde_json reads otherwise than a plain value: an enum, bytes, and the numbers
    // this reader does not parse.

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        self.deserialize_i64(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _visitor: V) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _visitor: V,
    ) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, _visitor: V) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        _visitor: V,
    ) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_i128<V: Visitor<'de>>(self, _visitor: V) -> Read<V::Value> {
        Err(GiveUp)
    }

    fn deserialize_u128<V: Visitor<'de>>(self, _visitor: V) -> Read<V::Value> {
        Err(GiveUp)
    }

    forward_to_deserialize_any! { i8 i16 i32 u8 u16 u32 u64 }
}

/// The members of an object, after its `{`.
struct Members<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::MapAccess<'de> for Members<'_, 'de> {
    type Error = GiveUp;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Read<Option<K::Value>> {
        match self.reader.peek()? {
            b'}' => return Ok(None),
            b',' if !self.first => self.reader.pos += 1,
            b'"' if self.first => {}
            _ => return Err(GiveUp),
        }
        self.first = false;
        // A name with escapes is rare: serde_json reads it.
        let Text::Borrowed(key) = self.reader.string()? else {
            return Err(GiveUp);
        };
        self.reader.eat(b':')?;
        seed.deserialize(Key(key)).map(Some)
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Read<V::Value> {
        seed.deserialize(&mut *self.reader)
    }
}

/// The elements of an array, after its `[`.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = GiveUp;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Read<Option<T::Value>> {
        match self.reader.peek()? {
            b']' => return Ok(None),
            b',' if !self.first => self.reader.pos += 1,
            _ if self.first => {}
            _ => return Err(GiveUp),
        }
        self.first = false;
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// A member name, already read, handed to whatever asks as a borrowed string, as serde_json
/// hands it. serde_json also reads a number or a `bool` out of a name for those who ask for
/// one; here their visitors refuse the string, and so give up.
struct Key<'de>(&'de str);

impl<'de> de::Deserializer<'de> for Key<'de> {
    type Error = GiveUp;

    #[inline]
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Read<V::Value> {
        visitor.visit_borrowed_str(self.0)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::value;
    use crate::envelope::WithUnknown;
    use crate::read::fixtures::{each_single_byte_change, Everything};
    use crate::read::value as serde_json_value;

    const PAYLOAD: &str = r#"{"owner":{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"},"text":"a \"q\" \u00e9\\","maybe":"é ✓","flag":true,"count":-42,"ratio":12,"tags":["a","b"],"level":"High","inner":{"note":"n","levels":["Low"]},"grid":[[1,2],[],[0]],"type":"ReadTest.Everything","uid":"u"}"#;

    /// What this reader gives for `text` must be serde_json's, value and length, for every
    /// type; `None` means it gave up.
    fn read_as_serde_json(text: &str) -> (Option<()>, Option<()>, Option<()>) {
        let value_read = value::<Value>(text).map(|(read, used)| {
            let (expected, expected_used) = serde_json_value::<Value>(text)
                .unwrap_or_else(|e| panic!("read, but serde_json rejects {text:?}: {e}"));
            assert_eq!((read, used), (expected, expected_used), "{text:?}");
        });
        let event_read = value::<Everything>(text).map(|(read, used)| {
            let (expected, expected_used) = serde_json_value::<Everything>(text)
                .unwrap_or_else(|e| panic!("read, but serde_json rejects {text:?}: {e}"));
            // As written by `Debug`, which tells `-0.0` from `0.0`.
            assert_eq!(
                (format!("{read:?}"), used),
                (format!("{expected:?}"), expected_used),
                "{text:?}"
            );
        });
        // And with the members it does not define kept as written, as relays read it.
        let kept = |read: &WithUnknown<Everything>| -> (String, Vec<(String, String)>) {
            let members = read.1.iter().map(|(n, v)| (n.to_owned(), v.to_owned()));
            (format!("{:?}", read.0), members.collect())
        };
        let relay_read = value::<WithUnknown<Everything>>(text).map(|(read, used)| {
            let (expected, expected_used) = serde_json_value::<WithUnknown<Everything>>(text)
                .unwrap_or_else(|e| panic!("read, but serde_json rejects {text:?}: {e}"));
            assert_eq!(
                (kept(&read), used),
                (kept(&expected), expected_used),
                "{text:?}"
            );
        });
        (value_read, event_read, relay_read)
    }

    #[test]
    fn reads_plain_json_as_serde_json_does() {
        for text in [
            PAYLOAD,
            r#""plain""#,
            r#""esc \" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC \u0000""#,
            "0",
            "-7",
            "123456789012345678",
            "-123456789012345678",
            "true",
            "false",
            "null",
            " [ 1 , \"a\" , [ ] , { } ] ",
            "{\"a\":{\"b\":[null,true]},\"c\":\"\"}",
            // What may follow a number or a literal.
            "1,",
            "null]",
            "-5 x",
            "true\"",
        ] {
            assert!(read_as_serde_json(text).0.is_some(), "gave up on {text}");
        }
        let (_, event, relay) = read_as_serde_json(PAYLOAD);
        assert!(event.is_some() && relay.is_some());
    }

    #[test]
    fn members_the_type_does_not_define_are_skipped_or_kept_as_serde_json_does() {
        let owner = r#""owner":{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c""#;
        let unknown = [
            r#""new":1"#,
            r#""new":-0.5E+2"#,
            r#""new" : [ true , false , null , { "a" : [ ] } ] "#,
            r#""new":"esc \" \\ \u00e9 \ud83d\ude00 \ud800""#,
            r#""new":{"nested":{"deeper":["x"]}},"newer":"y""#,
        ];
        for member in unknown {
            // In the payload, kept for relays; in `owner`, skipped unread.
            let text = PAYLOAD
                .replacen(owner, &format!("{owner},{member}"), 1)
                .replacen(r#""uid":"u""#, &format!(r#""uid":"u",{member}"#), 1);
            let (_, event, relay) = read_as_serde_json(&text);
            assert!(event.is_some() && relay.is_some(), "gave up on {text}");
        }
    }

    #[test]
    fn gives_up_where_serde_json_reads_otherwise_or_rejects() {
        let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
        for text in [
            // serde_json reads these, but not as plainly.
            r#""\ud83d\ude00""#,
            "1.5",
            "1e2",
            "-0",
            "1234567890123456789",
            r#"{"\u0061":1}"#,
            deep.as_str(),
            // Defects.
            r#""\ud800""#,
            r#""\x""#,
            "\"a\tb\"",
            "\"open",
            "01",
            "-",
            "tru",
            "nul",
            "[1,]",
            "[,1]",
            "{\"a\":1,}",
            "{,}",
            "{\"a\" 1}",
            "[1 2]",
            "1x",
            "truex",
            "nullx",
            "-5a",
            "7/",
            "{\"a\":1",
            "",
        ] {
            assert_eq!(read_as_serde_json(text).0, None, "read {text:?}");
        }
        // serde_json's own raw value, and members it would reject.
        assert!(value::<Box<serde_json::value::RawValue>>("{}").is_none());
        for member in [
            r#""new":1."#,
            r#""new":[1,]"#,
            r#""new":"\x""#,
            r#""new":tru"#,
        ] {
            // Kept in the payload; skipped in `owner`.
            let kept = PAYLOAD.replace(r#""uid":"u""#, &format!(r#""uid":"u",{member}"#));
            let owner = r#""parentCompanyUid":"c""#;
            let skipped = PAYLOAD.replace(owner, &format!("{owner},{member}"));
            for text in [kept, skipped] {
                assert_eq!(read_as_serde_json(&text), (None, None, None), "read {text}");
            }
        }
    }

    #[test]
    fn every_single_byte_change_is_read_as_serde_json_reads_it_or_given_up() {
        const BYTES: &[u8] = b"\"\\{}[],: 01-.eEantfulx\t";
        let mut read = 0;
        let mut judge = |bytes: &[u8]| {
            if let Ok(text) = std::str::from_utf8(bytes) {
                let (as_value, as_event, as_relay) = read_as_serde_json(text);
                read += [as_value, as_event, as_relay].iter().flatten().count();
            }
        };
        each_single_byte_change(PAYLOAD.as_bytes(), BYTES, &mut judge);
        // It read a good part of them, so its rule was put to the test.
        assert!(read > 5000, "read only {read}");
    }
}
