//! From bytes to an accepted event or the contract's one error.
//!
//! Two readers share the work. The fast one ([`envelope`]) decides accept or reject at the
//! speed of plain serde; the slow one ([`diagnose`]) runs only on a rejected event and names
//! its defect, kind and path, from the shapes the macros record.

pub(crate) mod depth;
mod diagnose;
pub(crate) mod envelope;
#[cfg(test)]
mod fixtures;
#[cfg(feature = "fast-payloads")]
mod plain;
pub(crate) mod text;
mod tree;
pub(crate) mod walk;

pub(crate) use diagnose::{line_and_column, Resolver};
pub(crate) use envelope::{first_type_member, last_type_member, value, Parts, Target};

use crate::error::{Error, ErrorKind};

/// The payload at the start of `src` and the bytes it took.
///
/// With the `fast-payloads` feature, a payload written plainly is read by `plain` when
/// `exact` (its type's shape says all that its decoder checks: no hand-written member type,
/// whose decoder may want serde_json's own deserializer). serde_json reads any other
/// payload, and any that `plain` gives up on.
#[inline]
pub(crate) fn payload<'de, T: serde::Deserialize<'de>>(
    src: &'de str,
    exact: bool,
) -> Result<(T, usize), serde_json::Error> {
    #[cfg(feature = "fast-payloads")]
    if exact {
        if let Some(read) = plain::value(src) {
            return Ok(read);
        }
    }
    #[cfg(not(feature = "fast-payloads"))]
    let _ = exact;
    value(src)
}

/// Reads one envelope that fills `src`, or names why it is rejected.
#[inline]
pub(crate) fn decode<T: Target>(
    src: &str,
    target: &mut T,
    resolve: Resolver<'_>,
) -> Result<Parts<T::Out>, Error> {
    if depth::too_deep(src.as_bytes()) {
        return Err(too_deep(src, resolve));
    }
    match envelope::read(src, target) {
        Ok(parts) => Ok(parts),
        Err(rejected) => reread(src, target, resolve, rejected),
    }
}

/// The fast reader rejected `src`: the contract checker names the defect. An event it finds
/// valid is one that serde_json reads differently from the contract: an integer written `-0`,
/// which serde_json reads as the float -0.0. The fast reader then reads it again with those
/// written `0` (` 0`, so that every offset stays), and no other change.
#[cold]
#[inline(never)]
fn reread<T: Target>(
    src: &str,
    target: &mut T,
    resolve: Resolver<'_>,
    rejected: envelope::Rejected,
) -> Result<Parts<T::Out>, Error> {
    let valid = diagnose::check(src, resolve)?;
    if !valid.negative_zeros.is_empty() {
        let mut bytes = src.as_bytes().to_vec();
        for &at in &valid.negative_zeros {
            bytes[at] = b' ';
        }
        // An ASCII byte replaced by another: still UTF-8.
        if let Ok(patched) = String::from_utf8(bytes) {
            if let Ok(parts) = envelope::read(&patched, target) {
                return Ok(parts);
            }
        }
    }
    let detail = match &rejected.serde {
        Some(e) => e.to_string(),
        None => "the envelope was rejected".into(),
    };
    Err(diagnose::disagreement(src, &detail))
}

/// The error for an event too deep for the fast reader to see: the checker names it.
#[cold]
#[inline(never)]
fn too_deep(src: &str, resolve: Resolver<'_>) -> Error {
    match diagnose::check(src, resolve) {
        Err(error) => error,
        // The checker found nothing wrong: the two readers disagree.
        Ok(_) => diagnose::disagreement(src, "nesting too deep"),
    }
}

/// The bytes as text: the whole event must be UTF-8, members it ignores included.
#[inline]
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let (line, column) = diagnose::line_and_column(&bytes[..offset]);
        Error::new(
            ErrorKind::MalformedJson,
            "",
            format!(
                "expected UTF-8 text, found the byte 0x{:02X} (line {line}, column {column})",
                bytes[offset]
            ),
        )
    })
}
