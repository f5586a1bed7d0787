//! Finding where the plain text of a JSON string ends, eight bytes at a time: the bulk of
//! an event is string text, and most of it needs no look beyond that.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The index of the first byte at or after `from` that is `"` or `\`, or also lower than
/// 0x20 if `controls`; `bytes.len()` if none is (or `from`, if that is past the end).
///
/// A byte lower than 0x20, or equal to `"` or `\` once XORed, sets its high bit in
/// `(x - 0x01…) & !x & 0x80…`; a borrow can set bits above a true match but never below
/// it, so the lowest bit set is the first match.
#[inline(always)]
fn find(bytes: &[u8], from: usize, controls: bool) -> usize {
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x;
    let mut i = from;
    while let Some(word) = bytes.get(i..i + 8) {
        let mut eight = [0; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight);
        let mut hits =
            below(x ^ (ONES * u64::from(b'"')), 1) | below(x ^ (ONES * u64::from(b'\\')), 1);
        if controls {
            hits |= below(x, 0x20);
        }
        let hits = hits & HIGH;
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || (controls && b < 0x20) {
            break;
        }
        i += 1;
    }
    i
}

/// The index of the first byte at or after `from` that a string cannot hold as it is (`"`,
/// `\` or a control character), or `bytes.len()`.
#[inline]
pub(crate) fn plain_text_end(bytes: &[u8], from: usize) -> usize {
    find(bytes, from, true)
}

/// The index of the first `"` or `\` at or after `from`, or `bytes.len()`: for text known
/// to hold no line break, where a control character is the grammar's to judge later.
#[inline]
pub(crate) fn quote_or_backslash(bytes: &[u8], from: usize) -> usize {
    find(bytes, from, false)
}

/// Where the JSON string whose text starts at `from` (after its opening quote) ends: the
/// index after its closing quote. Each escape's letter must pass `escape`; a control
/// character, an escape it refuses, or the end of the bytes gives `None`.
#[inline]
pub(crate) fn string_end(
    bytes: &[u8],
    mut from: usize,
    escape: impl Fn(u8) -> bool,
) -> Option<usize> {
    loop {
        let end = plain_text_end(bytes, from);
        match bytes.get(end)? {
            b'"' => return Some(end + 1),
            b'\\' if escape(*bytes.get(end + 1)?) => from = end + 2,
            _ => return None,
        }
    }
}

/// The text of the JSON string that `src` starts with, and the bytes it takes, when it is
/// written without escapes or control characters; `None` for any other string, or for
/// anything that is not a string, which a full parser must then read.
#[inline]
pub(crate) fn plain_string(src: &str) -> Option<(&str, usize)> {
    let bytes = src.as_bytes();
    if bytes.first() != Some(&b'"') {
        return None;
    }
    let end = plain_text_end(bytes, 1);
    // A `"` is ASCII, so `end` is on a character boundary.
    (bytes.get(end) == Some(&b'"')).then(|| (&src[1..end], end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_ends_where_a_byte_by_byte_look_says() {
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
                let first = |special: &dyn Fn(u8) -> bool| {
                    (from..len).find(|&k| special(bytes[k])).unwrap_or(len)
                };
                let expected = first(&|b| b == b'"' || b == b'\\' || b < 0x20);
                assert_eq!(
                    plain_text_end(&bytes, from),
                    expected,
                    "{bytes:?} from {from}"
                );
                let expected = first(&|b| b == b'"' || b == b'\\');
                assert_eq!(
                    quote_or_backslash(&bytes, from),
                    expected,
                    "{bytes:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn only_a_string_without_escapes_is_read_as_it_stands() {
        assert_eq!(plain_string(r#""abc", 1"#), Some(("abc", 5)));
        assert_eq!(plain_string(r#""""#), Some(("", 2)));
        assert_eq!(plain_string("\"é\"x"), Some(("é", 4)));
        assert_eq!(plain_string(r#""a\"b""#), None);
        assert_eq!(plain_string("\"a\tb\""), None);
        assert_eq!(plain_string(r#""abc"#), None);
        assert_eq!(plain_string("abc"), None);
        assert_eq!(plain_string(""), None);
    }
}
