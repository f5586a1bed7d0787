//! The validation-only reader: walks an event's recorded shapes over its bytes and accepts
//! it without building anything ([`crate::Registry::validate`]).
//!
//! It only ever accepts. Whatever it would have to decode or convert to judge (an escape in
//! a name or a literal, a `\u` escape anywhere, a number with an exponent, `-0`), whatever
//! the shapes do not name (a member they do not define, `null` where a member is required),
//! and every defect, it leaves to the full reader ([`super::decode`]), which gives the
//! verdict and names the defect. So the rule it keeps is one way only: an event it accepts
//! is one the full reader accepts. The tests hold it to that on valid events, every
//! single-byte change of them, and random streams.

use std::ops::Range;
use std::ptr;

use super::depth::MAX_DEPTH;
use super::envelope::last_type_member;
use super::text::{plain_string, string_end};
use crate::registry::{EventDescriptor, Registry};
use crate::shape::{Member, ObjectShape, Shape};

/// An event the walker accepted: where its `id`'s text is, and its type.
#[derive(Debug)]
pub(crate) struct Accepted {
    pub id: Range<usize>,
    pub descriptor: &'static EventDescriptor,
}

/// The walker is not sure: the full reader decides.
struct Unsure;

type Step<T = ()> = Result<T, Unsure>;

/// Accepts `src` if it is one envelope that keeps the contract and that the walker can judge
/// on its own; `None` leaves the verdict to the full reader.
pub(crate) fn envelope(src: &str, registry: &Registry) -> Option<Accepted> {
    let mut walker = Walker {
        src,
        bytes: src.as_bytes(),
        pos: 0,
    };
    walker.envelope(registry).ok()
}

struct Walker<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// The types the walker may judge: those whose shapes say all that decoding checks.
fn walkable(registry: &Registry, event_type: &str) -> Step<&'static EventDescriptor> {
    registry
        .get(event_type)
        .filter(|d| d.shape_is_exact())
        .ok_or(Unsure)
}

impl<'a> Walker<'a> {
    fn envelope(&mut self, registry: &Registry) -> Step<Accepted> {
        self.ws();
        self.eat(b'{')?;
        let mut id = None;
        let mut kind = false;
        let mut declared: Option<&'static EventDescriptor> = None;
        // The type the payload was walked as: the declared one, or when the payload comes
        // first, the one the envelope's last `type` member suggests, which `type` must
        // then confirm.
        let mut walked: Option<&'static EventDescriptor> = None;
        loop {
            self.ws();
            let name = self.plain_text()?;
            self.colon()?;
            match name {
                "id" if id.is_none() => {
                    let start = self.pos + 1;
                    if self.plain_text()?.is_empty() {
                        return Err(Unsure);
                    }
                    id = Some(start..self.pos - 1);
                }
                "kind" if !kind => {
                    if self.plain_text()? != crate::envelope::KIND {
                        return Err(Unsure);
                    }
                    kind = true;
                }
                "type" if declared.is_none() => {
                    let descriptor = walkable(registry, self.plain_text()?)?;
                    if walked.is_some_and(|w| !ptr::eq(w, descriptor)) {
                        return Err(Unsure);
                    }
                    declared = Some(descriptor);
                }
                "payload" if walked.is_none() => {
                    let descriptor = match declared {
                        Some(descriptor) => descriptor,
                        None => walkable(registry, last_type_member(self.src).ok_or(Unsure)?)?,
                    };
                    self.object(descriptor.payload(), Some(descriptor.event_type()), 2)?;
                    walked = Some(descriptor);
                }
                // A member of its own, or one seen twice.
                _ => return Err(Unsure),
            }
            self.ws();
            if !self.comma_or(b'}')? {
                break;
            }
        }
        self.ws();
        match (id, kind, declared, walked) {
            (Some(id), true, Some(descriptor), Some(_)) if self.pos == self.bytes.len() => {
                Ok(Accepted { id, descriptor })
            }
            _ => Err(Unsure),
        }
    }

    /// An object of `shape`, nested `depth` deep (the envelope is 1). `discriminator` is
    /// the type string a [`Shape::Discriminator`] member must equal, in a payload.
    fn object(
        &mut self,
        shape: &'static ObjectShape,
        discriminator: Option<&str>,
        depth: usize,
    ) -> Step {
        let members = shape.members;
        if depth > MAX_DEPTH || members.len() > 64 {
            return Err(Unsure);
        }
        self.eat(b'{')?;
        self.ws();
        let mut seen = 0u64;
        if !self.eat_if(b'}') {
            // Members usually come in the order the shape lists them: look there first.
            let mut expected = 0;
            loop {
                let name = self.plain_text()?;
                let at = find_member(members, name, expected).ok_or(Unsure)?;
                if seen & (1 << at) != 0 {
                    return Err(Unsure);
                }
                seen |= 1 << at;
                expected = at + 1;
                self.colon()?;
                let member = &members[at];
                // `null` is an optional member left unset.
                if member.required || !self.eat_literal(b"null") {
                    self.value(member.shape, discriminator, depth)?;
                }
                self.ws();
                if !self.comma_or(b'}')? {
                    break;
                }
                self.ws();
            }
        }
        let all_required = members
            .iter()
            .enumerate()
            .all(|(at, member)| !member.required || seen & (1 << at) != 0);
        all_required.then_some(()).ok_or(Unsure)
    }

    /// A value of `shape` inside a container nested `depth` deep.
    fn value(&mut self, shape: &'static Shape, discriminator: Option<&str>, depth: usize) -> Step {
        match shape {
            Shape::String => self.string(),
            Shape::NonEmptyString => {
                let start = self.pos;
                self.string()?;
                // Two bytes are `""`; any escape stands for at least one character.
                if self.pos - start == 2 {
                    return Err(Unsure);
                }
                Ok(())
            }
            Shape::Boolean => {
                if self.eat_literal(b"true") || self.eat_literal(b"false") {
                    Ok(())
                } else {
                    Err(Unsure)
                }
            }
            Shape::Integer => self.integer(),
            Shape::Number => self.number(),
            Shape::Array(inner) => self.array(inner, depth + 1),
            Shape::Object(object) | Shape::Owner(object) => self.object(object, None, depth + 1),
            Shape::Literals(values) => {
                let text = self.plain_text()?;
                values.contains(&text).then_some(()).ok_or(Unsure)
            }
            Shape::Discriminator => {
                let text = self.plain_text()?;
                (Some(text) == discriminator).then_some(()).ok_or(Unsure)
            }
        }
    }

    fn array(&mut self, inner: &'static Shape, depth: usize) -> Step {
        if depth > MAX_DEPTH {
            return Err(Unsure);
        }
        self.eat(b'[')?;
        self.ws();
        if self.eat_if(b']') {
            return Ok(());
        }
        loop {
            self.value(inner, None, depth)?;
            self.ws();
            if !self.comma_or(b']')? {
                return Ok(());
            }
            self.ws();
        }
    }

    /// A string, with the escapes that stand for one ASCII character; `\u` is left to the
    /// full reader, which knows the rules for surrogates.
    fn string(&mut self) -> Step {
        self.eat(b'"')?;
        let escape = |b| matches!(b, b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't');
        self.pos = string_end(self.bytes, self.pos, escape).ok_or(Unsure)?;
        Ok(())
    }

    /// A string written without escapes or control characters: its text.
    fn plain_text(&mut self) -> Step<&'a str> {
        // The walker stops only between tokens, which are ASCII: on a character boundary.
        let (text, used) = self
            .src
            .get(self.pos..)
            .and_then(plain_string)
            .ok_or(Unsure)?;
        self.pos += used;
        Ok(text)
    }

    /// An integer that fits in 64 signed bits: at most 18 digits, no fraction or exponent,
    /// and not `-0`, which serde_json reads as a float.
    fn integer(&mut self) -> Step {
        let negative = self.eat_if(b'-');
        let digits = self.digits()?;
        let zero = digits == 1 && self.bytes.get(self.pos - 1) == Some(&b'0');
        if digits > 18 || (negative && zero) {
            return Err(Unsure);
        }
        self.no_fraction_or_exponent()
    }

    /// A number with at most 15 digits before its fraction and no exponent: one that
    /// serde_json reads as a finite `f64` without fail.
    fn number(&mut self) -> Step {
        self.eat_if(b'-');
        if self.digits()? > 15 {
            return Err(Unsure);
        }
        if self.eat_if(b'.') && self.skip_digits() == 0 {
            return Err(Unsure);
        }
        self.no_fraction_or_exponent()
    }

    /// The integer part of a number: how many digits, with no leading zero.
    fn digits(&mut self) -> Step<usize> {
        let start = self.pos;
        let digits = self.skip_digits();
        if digits == 0 || (digits > 1 && self.bytes.get(start) == Some(&b'0')) {
            return Err(Unsure);
        }
        Ok(digits)
    }

    /// How many digits come next.
    fn skip_digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn no_fraction_or_exponent(&self) -> Step {
        match self.bytes.get(self.pos) {
            Some(b'.' | b'e' | b'E') => Err(Unsure),
            _ => Ok(()),
        }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> Step {
        self.eat_if(byte).then_some(()).ok_or(Unsure)
    }

    fn eat_if(&mut self, byte: u8) -> bool {
        let here = self.bytes.get(self.pos) == Some(&byte);
        self.pos += usize::from(here);
        here
    }

    /// `literal` (`null`, `true`, `false`), if it is next. What follows it is checked by the
    /// caller, which expects `,` or the end of the container.
    fn eat_literal(&mut self, literal: &[u8]) -> bool {
        let here = self
            .bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(literal));
        if here {
            self.pos += literal.len();
        }
        here
    }

    /// The `:` after a member name, with the white space around it.
    fn colon(&mut self) -> Step {
        self.ws();
        self.eat(b':')?;
        self.ws();
        Ok(())
    }

    /// After a value in a container: true for `,` (another value follows), false for
    /// `close` (the container ends).
    fn comma_or(&mut self, close: u8) -> Step<bool> {
        match self.bytes.get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(&b) if b == close => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(Unsure),
        }
    }
}

/// The index of the member named `name`, looked for at `expected` first.
#[inline]
fn find_member(members: &[Member], name: &str, expected: usize) -> Option<usize> {
    if members.get(expected).is_some_and(|m| m.name == name) {
        return Some(expected);
    }
    members.iter().position(|m| m.name == name)
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::envelope as walk;
    use crate::read::fixtures::each_single_byte_change;
    use crate::{domain_event, EventValue, Registry, Shape};

    /// An event with a member whose type checks more than its shape says.
    #[domain_event(type = "WalkTest.Coded")]
    #[derive(Debug)]
    pub struct Coded {
        /// A code, never `"bad"`.
        pub code: Code,
    }

    /// A string that is never `"bad"`.
    #[derive(Debug)]
    pub struct Code(String);

    impl EventValue for Code {
        const SHAPE: Shape = Shape::String;
    }

    impl Serialize for Code {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            self.0.serialize(serializer)
        }
    }

    impl<'de> Deserialize<'de> for Code {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let code = String::deserialize(deserializer)?;
            if code == "bad" {
                return Err(serde::de::Error::custom("a bad code"));
            }
            Ok(Code(code))
        }
    }

    const OWNER: &str =
        r#""owner":{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"}"#;

    /// An envelope of `read::fixtures::Everything`, whose payload has a member of every shape.
    fn everything(members: &str) -> String {
        format!(
            r#"{{"id":"e-1","kind":"domain","type":"ReadTest.Everything","payload":{{{OWNER},{members},"type":"ReadTest.Everything","uid":"u"}}}}"#
        )
    }

    fn registry() -> &'static Registry {
        Registry::global().unwrap()
    }

    /// Valid events the walker must judge on its own.
    fn walkable() -> Vec<String> {
        let full = r#""text":"t","maybe":"m","flag":true,"count":-42,"ratio":-0.5,"tags":["a","b"],"level":"High","inner":{"note":"n","levels":["Low"]},"grid":[[1,2],[],[0]]"#;
        vec![
            everything(r#""text":"t""#),
            everything(full),
            everything(r#""text":"a \"quoted\" \\ \/ \b\f\n\r\t word","maybe":"é ✓ 😀""#),
            everything(r#""text":"t","maybe":null,"flag":null,"tags":null,"inner":null"#),
            everything(r#""text":"t","count":0,"ratio":12,"tags":[],"inner":{"note":""}"#),
            everything(r#""grid":[[9223372036854775]],"text":"t","flag":false"#),
            // White space wherever the grammar allows it.
            format!(
                " \t{{ \"id\" : \"e-1\" ,\r\n\"kind\":\"domain\", \"type\" :\"ReadTest.Everything\", \"payload\" : {{ {OWNER} , \"text\" : \"t\" , \"tags\" : [ \"a\" , \"b\" ] , \"type\":\"ReadTest.Everything\",\"uid\":\"u\" }} }}\n "
            ),
            // The payload before the envelope's `type`, and the members in another order.
            format!(
                r#"{{"payload":{{"uid":"u","type":"ReadTest.Everything","text":"t",{OWNER}}},"id":"e-1","type":"ReadTest.Everything","kind":"domain"}}"#
            ),
        ]
    }

    #[test]
    fn the_walker_judges_valid_events_of_every_shape_on_its_own() {
        for event in walkable() {
            let accepted = walk(&event, registry());
            assert!(accepted.is_some(), "not walked: {event}");
            let valid = registry().validate(event.as_bytes()).unwrap();
            let decoded = registry().decode(event.as_bytes()).unwrap();
            assert_eq!(valid.id(), decoded.id());
            assert_eq!(valid.event_type(), decoded.event_type());
        }
    }

    #[test]
    fn what_the_walker_cannot_judge_is_decoded() {
        let events = [
            // Valid, but the walker would have to decode or convert to know.
            everything(r#""text":"\u0041""#),
            everything(r#""text":"t","count":-0"#),
            everything(r#""text":"t","ratio":1e2"#),
            everything(r#""text":"t","count":12345678901234567890"#),
            everything(r#""t\u0065xt":"t""#),
            everything(r#""text":"t","level":"\u0048igh""#),
            everything(r#""text":"t","extra":{"any":[1,null]}"#),
            everything(r#""text":"t","tags":["a",null]"#),
            // Rejected.
            everything(r#""text":null"#),
            everything(r#""text":"t","text":"t""#),
            everything(r#""text":"t","flag":"true""#),
            everything(r#""text":"t","level":"Middle""#),
            everything(r#""text":"t","count":1.5"#),
            everything(r#""text":"t","count":01"#),
            everything(r#""text":"t","inner":{}"#),
            everything(r#""text":"t\ud800""#),
            everything(r#""text":"t","maybe":"a	tab""#),
            everything(r#""text":"t","grid":[[1,2]"#),
            everything(r#""text":"t","ratio":-"#),
            everything("\"text\":\"t\" ,, \"flag\":true"),
            format!("{} x", everything(r#""text":"t""#)),
            everything(r#""maybe":"no text""#).replace(r#""uid":"u""#, r#""uid":"""#),
            everything(r#""text":"t""#).replace(r#""id":"e-1""#, r#""id":"""#),
            everything(r#""text":"t""#).replace("\"domain\"", "\"Domain\""),
            everything(r#""text":"t""#).replace(
                r#""type":"ReadTest.Everything","uid""#,
                r#""type":"WalkTest.Coded","uid""#,
            ),
            everything(r#""text":"t""#).replace("ReadTest.Everything", "WalkTest.Nothing"),
        ];
        for event in events {
            assert!(walk(&event, registry()).is_none(), "walked: {event}");
            assert_eq!(
                registry()
                    .validate(event.as_bytes())
                    .map(|v| v.id().to_owned()),
                registry()
                    .decode(event.as_bytes())
                    .map(|e| e.id().to_owned()),
                "{event}"
            );
        }
    }

    #[test]
    fn a_type_that_checks_more_than_its_shape_is_decoded() {
        let coded = |code: &str| {
            format!(
                r#"{{"id":"e-1","kind":"domain","type":"WalkTest.Coded","payload":{{{OWNER},"code":"{code}","type":"WalkTest.Coded","uid":"u"}}}}"#
            )
        };
        let good = coded("good");
        assert!(walk(&good, registry()).is_none());
        assert!(registry().validate(good.as_bytes()).is_ok());
        let bad = coded("bad");
        assert_eq!(
            registry().validate(bad.as_bytes()).unwrap_err(),
            registry().decode(bad.as_bytes()).unwrap_err()
        );
    }

    #[test]
    fn every_single_byte_change_gets_the_verdict_of_decoding() {
        const BYTES: &[u8] = b"\"\\{}[],: 01-.eEantfulx\t\x00\x7f\xc3\xa9";
        let mut walked = 0;
        let mut judge = |bytes: &[u8]| {
            let decoded = registry().decode(bytes);
            if let Ok(text) = std::str::from_utf8(bytes) {
                if walk(text, registry()).is_some() {
                    walked += 1;
                    assert!(decoded.is_ok(), "walked, but decoding rejects {text}");
                }
            }
            let validated = registry().validate(bytes);
            match (validated, decoded) {
                (Ok(valid), Ok(decoded)) => {
                    assert_eq!(
                        (valid.id(), valid.event_type()),
                        (decoded.id(), decoded.event_type())
                    );
                }
                (Err(validated), Err(decoded)) => assert_eq!(validated, decoded),
                (validated, decoded) => panic!(
                    "validate says {validated:?}, decode {decoded:?}, for {}",
                    String::from_utf8_lossy(bytes)
                ),
            }
        };
        for event in walkable().iter().skip(1).take(3) {
            each_single_byte_change(event.as_bytes(), BYTES, &mut judge);
        }
        // The walker judged a good part of them itself, so its rule was put to the test.
        assert!(walked > 1000, "the walker accepted only {walked}");
    }
}
