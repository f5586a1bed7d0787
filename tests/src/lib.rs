//! Shared helpers for the integration tests in `tests/tests/`.
#![deny(missing_docs)]

/// The JSON text without the white space between tokens (strings left as they are).
///
/// ```
/// assert_eq!(events_tests::compact("{ \"a b\" : [1, 2] }"), "{\"a b\":[1,2]}");
/// ```
pub fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

// The README's examples run as doc tests, so they cannot drift from the code.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
