//! The nesting rule (`CONTRACT.md`, section 3, "bytes first"): serde_json skips the members an
//! event ignores without looking at their depth, so the reader counts for itself.

/// How many arrays and objects may be nested inside one another in one event, the envelope
/// object included. One more is `malformed_json`.
///
/// ```
/// use events_core::{ErrorKind, Registry, MAX_DEPTH};
///
/// let deep = format!(r#"{{"x": {}{}}}"#, "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
/// let err = Registry::global().unwrap().decode(deep.as_bytes()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::MalformedJson);
/// ```
pub const MAX_DEPTH: usize = 64;

/// Whether arrays and objects in `bytes` nest deeper than [`MAX_DEPTH`].
///
/// Counting every `{` and `[` byte, inside strings too, bounds the depth from above, so the
/// exact scan only runs on the rare event with that many brackets.
#[inline]
pub(crate) fn too_deep(bytes: &[u8]) -> bool {
    opening_brackets(bytes) > MAX_DEPTH && exact_depth_exceeds(bytes, MAX_DEPTH)
}

/// How many `{` and `[` bytes there are. `[` (0x5B) and `{` (0x7B) differ only in bit 0x20,
/// and counting into a byte per chunk of 255 lets the compiler use one SIMD lane per byte:
/// a plain `filter().count()` here cost as much as a fifth of decoding the whole event.
fn opening_brackets(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| {
            let count: u8 = chunk
                .iter()
                .fold(0u8, |n, &b| n + u8::from(b | 0x20 == b'{'));
            usize::from(count)
        })
        .sum()
}

fn exact_depth_exceeds(bytes: &[u8], limit: usize) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(levels: usize) -> String {
        format!("{}{}", "[".repeat(levels), "]".repeat(levels))
    }

    #[test]
    fn depth_at_the_limit_passes_and_one_more_fails() {
        assert!(!too_deep(nested(MAX_DEPTH).as_bytes()));
        assert!(too_deep(nested(MAX_DEPTH + 1).as_bytes()));
    }

    #[test]
    fn opening_brackets_are_counted_exactly() {
        let text = format!("{}x{}{}", "[".repeat(300), "{".repeat(300), "]}".repeat(7));
        assert_eq!(opening_brackets(text.as_bytes()), 600);
        assert_eq!(opening_brackets(b"{[}]"), 2);
        assert_eq!(opening_brackets(b""), 0);
    }

    #[test]
    fn brackets_inside_strings_do_not_count() {
        let s = format!(r#"["{}\"{}"]"#, "[".repeat(100), "{".repeat(100));
        assert!(!too_deep(s.as_bytes()));
    }
}
