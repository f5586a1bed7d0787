//! The fast envelope reader: one pass over `{"id","kind","type","payload"}` in any order.
//!
//! The envelope's own four members are read here by hand, so that the payload can go straight
//! into the right Rust type when `type` comes first (the usual order) and be kept as a
//! borrowed slice, then decoded, when it comes after. Values are parsed by serde_json; with the
//! `fast-payloads` feature, a payload written plainly is parsed by `read::plain` instead.
//!
//! This reader only decides accept or reject: a rejected event is read again by the contract
//! checker (`diagnose`), which names the defect. So every rule of the contract must make this
//! reader reject, and nothing else may, but for the one thing serde_json reads otherwise than
//! the contract: an integer written `-0` (see `reread` in `read/mod.rs`).

use serde::de::{self, IgnoredAny};
use serde::Deserialize;

use std::sync::OnceLock;

use memchr::memmem;
use serde_json::value::RawValue;

use crate::__private::Key;
use crate::read::text::{plain_string, plain_text_end};
use crate::unknown::UnknownMembers;

/// What the envelope's payload becomes once its `type` is known.
pub(crate) trait Target {
    /// The decoded payload.
    type Out;
    /// Accepts the envelope's `type`; false rejects the event.
    fn resolve(&mut self, event_type: &str) -> bool;
    /// Decodes the payload at the start of `src`: the value and the bytes it took.
    fn payload(&self, src: &str) -> Result<(Self::Out, usize), serde_json::Error>;
    /// The payload comes before `type`: whether to decode it now, as the type the whole
    /// envelope `src` suggests. [`resolve`](Target::resolve) later confirms or refutes it.
    fn guess(&mut self, src: &str) -> bool;
    /// Whether the type `resolve` accepted is the one `guess` decoded the payload as.
    fn guessed_right(&self) -> bool;
}

/// The envelope is not valid; `serde` holds serde_json's message where it had one.
#[derive(Debug, Default)]
pub(crate) struct Rejected {
    pub serde: Option<serde_json::Error>,
}

impl From<serde_json::Error> for Rejected {
    fn from(e: serde_json::Error) -> Self {
        Rejected { serde: Some(e) }
    }
}

fn reject<T>() -> Result<T, Rejected> {
    Err(Rejected::default())
}

/// The envelope's accepted parts.
pub(crate) struct Parts<Out> {
    pub id: String,
    pub payload: Out,
    /// The envelope's members other than its four, kept for relays.
    pub unknown: UnknownMembers,
}

/// Reads one envelope that fills all of `src` (white space around it allowed).
pub(crate) fn read<T: Target>(src: &str, target: &mut T) -> Result<Parts<T::Out>, Rejected> {
    let bytes = src.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    if bytes.get(pos) != Some(&b'{') {
        return reject();
    }
    pos = skip_ws(bytes, pos + 1);

    let mut id: Option<String> = None;
    let mut kind_seen = false;
    let mut type_seen = false;
    let mut payload: Option<T::Out> = None;
    // Where the payload sits when it comes before `type`.
    let mut deferred: Option<(usize, usize)> = None;
    // Where the payload sits when it was decoded before `type`, on a guess.
    let mut guessed: Option<(usize, usize)> = None;
    let mut unknown = UnknownMembers::new();

    if bytes.get(pos) == Some(&b'}') {
        return reject();
    }
    loop {
        let (key, after_key) = read_key(src, pos)?;
        pos = skip_ws(bytes, after_key);
        if bytes.get(pos) != Some(&b':') {
            return reject();
        }
        pos = skip_ws(bytes, pos + 1);
        let rest = &src[pos..];
        let used = match key {
            EnvelopeKey::Id => {
                if id.is_some() {
                    return reject();
                }
                let (value, used) = match plain_string(rest) {
                    Some((text, used)) => (text.to_owned(), used),
                    None => value::<String>(rest)?,
                };
                if value.is_empty() {
                    return reject();
                }
                id = Some(value);
                used
            }
            EnvelopeKey::Kind => {
                if kind_seen {
                    return reject();
                }
                kind_seen = true;
                let (kind, used) = string_key(rest)?;
                if kind.as_str() != crate::envelope::KIND {
                    return reject();
                }
                used
            }
            EnvelopeKey::Type => {
                if type_seen {
                    return reject();
                }
                type_seen = true;
                // Compared after unescaping; borrowed where it has no escapes.
                let (event_type, used) = string_key(rest)?;
                if !target.resolve(event_type.as_str()) {
                    return reject();
                }
                let wrong_guess = guessed.take().filter(|_| !target.guessed_right());
                if let Some((start, end)) = deferred.take().or(wrong_guess) {
                    let (out, _) = target.payload(&src[start..end])?;
                    payload = Some(out);
                }
                used
            }
            EnvelopeKey::Payload => {
                if payload.is_some() || deferred.is_some() || guessed.is_some() {
                    return reject();
                }
                if type_seen {
                    let (out, used) = target.payload(rest)?;
                    payload = Some(out);
                    used
                } else if let Some((out, used)) = target
                    .guess(src)
                    .then(|| target.payload(rest).ok())
                    .flatten()
                {
                    // Read once, as the type the envelope most likely has; a wrong guess is
                    // read again when `type` arrives. Skipping it first and then reading it
                    // would read every payload-first event twice.
                    payload = Some(out);
                    guessed = Some((pos, pos + used));
                    used
                } else {
                    let (IgnoredAny, used) = value::<IgnoredAny>(rest)?;
                    deferred = Some((pos, pos + used));
                    used
                }
            }
            EnvelopeKey::Other(name) => {
                let (raw, used) = value::<Box<RawValue>>(rest)?;
                unknown.push_raw(name.into_string(), raw);
                used
            }
        };
        pos = skip_ws(bytes, pos + used);
        match bytes.get(pos) {
            Some(b',') => pos = skip_ws(bytes, pos + 1),
            Some(b'}') => break,
            _ => return reject(),
        }
    }
    // A payload read on a guess stands only once `type` has confirmed it.
    if skip_ws(bytes, pos + 1) != bytes.len() || !kind_seen || !type_seen {
        return reject();
    }
    match (id, payload) {
        (Some(id), Some(payload)) => Ok(Parts {
            id,
            payload,
            unknown,
        }),
        _ => reject(),
    }
}

#[inline]
fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(pos) {
        pos += 1;
    }
    pos
}

enum EnvelopeKey<'a> {
    Id,
    Kind,
    Type,
    Payload,
    Other(Key<'a>),
}

impl<'a> EnvelopeKey<'a> {
    fn of(name: Key<'a>) -> Self {
        match name.as_str() {
            "id" => EnvelopeKey::Id,
            "kind" => EnvelopeKey::Kind,
            "type" => EnvelopeKey::Type,
            "payload" => EnvelopeKey::Payload,
            _ => EnvelopeKey::Other(name),
        }
    }
}

/// The member name at `pos`, and the position after its closing quote.
fn read_key(src: &str, pos: usize) -> Result<(EnvelopeKey<'_>, usize), Rejected> {
    let (key, used) = string_key(&src[pos..])?;
    Ok((EnvelopeKey::of(key), pos + used))
}

/// The string at the start of `src`, borrowed where it has no escapes, and the bytes it
/// took; a value of another type is rejected.
#[inline]
fn string_key(src: &str) -> Result<(Key<'_>, usize), serde_json::Error> {
    match plain_string(src) {
        Some((text, used)) => Ok((Key::Borrowed(text), used)),
        None => value::<Key<'_>>(src),
    }
}

/// One JSON value at the start of `src`, and the bytes it took.
///
/// serde_json keeps a plain deserializer's position private; its stream reader tells the
/// offset after each value, at the cost of a peek at the byte that follows.
#[inline]
pub(crate) fn value<'de, T: Deserialize<'de>>(
    src: &'de str,
) -> Result<(T, usize), serde_json::Error> {
    let mut stream = serde_json::Deserializer::from_str(src).into_iter::<T>();
    match stream.next() {
        Some(Ok(value)) => Ok((value, stream.byte_offset())),
        Some(Err(e)) => Err(e),
        None => Err(de::Error::custom("expected a JSON value")),
    }
}

/// The type string of the last `"type": "…"` member in `src`, where it is written without
/// escapes: in an envelope whose payload comes first, the envelope's own `type` usually sits
/// at the very end, and the payload's `type`, which must equal it, just before. Only a guess.
pub(crate) fn last_type_member(src: &str) -> Option<&str> {
    final_type_member(src).or_else(|| {
        // The quotes from the end: in the usual payload-first envelope, the third closes the
        // name of the envelope's `type`.
        memchr::memrchr_iter(b'"', src.as_bytes())
            .find_map(|q| type_member_at(src, q.checked_sub(TYPE_KEY.len() - 1)?))
    })
}

/// The type string of a `"type": "…"` member that ends the object `src` holds, read back
/// from its end: where the usual payload-first envelope has it. Searching the quotes from the
/// end for it cost about a twentieth of decoding such an envelope.
fn final_type_member(src: &str) -> Option<&str> {
    let bytes = src.as_bytes();
    let before_ws = |mut end: usize| {
        while end > 0 && matches!(bytes[end - 1], b' ' | b'\t' | b'\n' | b'\r') {
            end -= 1;
        }
        end
    };
    let close_brace = before_ws(bytes.len()).checked_sub(1)?;
    let close_quote = before_ws(close_brace).checked_sub(1)?;
    if bytes[close_brace] != b'}' || bytes[close_quote] != b'"' {
        return None;
    }
    // A type string written without escapes holds no `"`: the one before opens it.
    let open_quote = memchr::memrchr(b'"', &bytes[..close_quote])?;
    let colon = before_ws(open_quote).checked_sub(1)?;
    let name = before_ws(colon).checked_sub(TYPE_KEY.len())?;
    let plain = plain_text_end(bytes, open_quote + 1) == close_quote;
    if bytes[colon] != b':' || &bytes[name..name + TYPE_KEY.len()] != TYPE_KEY || !plain {
        return None;
    }
    // Quotes are ASCII: the text starts and ends on character boundaries.
    src.get(open_quote + 1..close_quote)
}

/// The type string of the first `"type": "…"` member in `src`, where it is written without
/// escapes: the envelope's own when it comes before the payload (the usual order), and
/// otherwise the payload's, which must equal it. Only a guess.
pub(crate) fn first_type_member(src: &str) -> Option<&str> {
    static FINDER: OnceLock<memmem::Finder<'static>> = OnceLock::new();
    let finder = FINDER.get_or_init(|| memmem::Finder::new(TYPE_KEY));
    finder
        .find_iter(src.as_bytes())
        .find_map(|at| type_member_at(src, at))
}

/// A member name `type`, as written without escapes.
const TYPE_KEY: &[u8] = b"\"type\"";

/// The value of a `"type": "…"` member whose name starts at `at`, if it is one and its
/// value is a string written without escapes.
fn type_member_at(src: &str, at: usize) -> Option<&str> {
    let bytes = src.as_bytes();
    let q = at + TYPE_KEY.len() - 1;
    if bytes.get(at..=q)? != TYPE_KEY {
        return None;
    }
    let colon = skip_ws(bytes, q + 1);
    if bytes.get(colon) != Some(&b':') {
        return None;
    }
    let value = skip_ws(bytes, colon + 1);
    plain_string(&src[value..]).map(|(text, _)| text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guess_is_the_last_type_member_written_without_escapes() {
        let payload_first = r#"{"payload":{"type":"A.B","uid":"u"},"id":"1","type" : "A.B"}"#;
        assert_eq!(last_type_member(payload_first), Some("A.B"));
        let member_after = r#"{"payload":{},"type":"A.B","extra":"type","more":[1,"x"]}"#;
        assert_eq!(last_type_member(member_after), Some("A.B"));
        let payload_only = r#"{"payload":{"type":"C.D"},"id":"1"}"#;
        assert_eq!(last_type_member(payload_only), Some("C.D"));
        assert_eq!(last_type_member(r#"{"type":"A\u002eB"}"#), None);
        assert_eq!(last_type_member(r#"{"type":1}"#), None);
        assert_eq!(last_type_member(r#"{"kind":"type"}"#), None);
        assert_eq!(last_type_member(r#"type""#), None);
        assert_eq!(last_type_member(""), None);
    }

    #[test]
    fn a_type_member_that_ends_the_envelope_is_read_from_the_end() {
        for (src, expected) in [
            (r#"{"payload":{},"type":"A.B"}"#, Some("A.B")),
            ("{\"payload\":{},\"type\" :\t\"A.B\" }\n", Some("A.B")),
            (r#"{"type":""}"#, Some("")),
            // Only a guess: the envelope's grammar is checked as it is read.
            (r#"{"a":"type":"A.B"}"#, Some("A.B")),
            // Not a `type` member, or not one written plainly.
            (r#"{"kind":"A.B"}"#, None),
            (r#"{"xtype":"A.B"}"#, None),
            (r#"{"type":"A\"B"}"#, None),
            (r#"{"type":"A\u002eB"}"#, None),
            (r#"{"type":1}"#, None),
            (r#""}"#, None),
            ("}", None),
            ("", None),
        ] {
            assert_eq!(final_type_member(src), expected, "{src}");
        }
    }

    #[test]
    fn the_first_guess_is_the_first_type_member() {
        let type_first = r#"{"id":"1","kind":"domain","type" :"A.B","payload":{"type":"C"}}"#;
        assert_eq!(first_type_member(type_first), Some("A.B"));
        let payload_first = r#"{"payload":{"ownershipType":"x","type":"C.D"},"type":"A.B"}"#;
        assert_eq!(first_type_member(payload_first), Some("C.D"));
        assert_eq!(
            first_type_member(r#"{"kind":"type","type":"E.F"}"#),
            Some("E.F")
        );
        assert_eq!(first_type_member(r#"{"type":"A\u002eB"}"#), None);
        assert_eq!(first_type_member("\"type\""), None);
    }
}
