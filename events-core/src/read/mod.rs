//! From bytes to an accepted event or the contract's one error.
//!
//! Two readers share the work. The fast one ([`envelope`]) decides accept or reject at the
//! speed of plain serde; the slow one ([`diagnose`]) runs only on a rejected event and names
//! its defect, kind and path, from the shapes the macros record.

pub(crate) mod depth;
mod diagnose;
pub(crate) mod envelope;
mod tree;

pub(crate) use diagnose::Resolver;
pub(crate) use envelope::{value, Parts, Target};

use crate::error::{Error, ErrorKind};

/// Reads one envelope that fills `src`, or names why it is rejected.
#[inline]
pub(crate) fn decode<T: Target>(
    src: &str,
    target: &mut T,
    resolve: Resolver<'_>,
) -> Result<Parts<T::Out>, Error> {
    if depth::too_deep(src.as_bytes()) {
        return Err(diagnose::diagnose(src, resolve, &|| {
            "nesting too deep".into()
        }));
    }
    envelope::read(src, target).map_err(|rejected| {
        diagnose::diagnose(src, resolve, &|| match &rejected.serde {
            Some(e) => e.to_string(),
            None => "the envelope was rejected".into(),
        })
    })
}

/// The bytes as text: the whole event must be UTF-8, members it ignores included.
#[inline]
pub(crate) fn utf8(bytes: &[u8]) -> Result<&str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let (line, column) = diagnose::line_and_column(
            // Everything before the bad byte is valid, so this cannot fail.
            std::str::from_utf8(&bytes[..offset]).unwrap_or_default(),
            offset,
        );
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
