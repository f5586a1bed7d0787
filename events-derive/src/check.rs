//! The rules that span more than one token: the type string's form, the owner kind's form,
//! member names that collide, and what kind of item the macros accept.

use std::collections::HashMap;

use proc_macro2::Span;
use syn::{Generics, LitStr};

use crate::ast::{Field, Variant};
use crate::ctxt::Ctxt;

/// The members `#[domain_event]` wires into every payload.
pub(crate) const WIRED: [&str; 4] = ["owner", "type", "originator", "uid"];

/// `Namespace.EventName`: two or more dot-separated PascalCase segments of ASCII letters and
/// digits.
pub(crate) fn type_string(cx: &Ctxt, lit: &LitStr) {
    let value = lit.value();
    let fix = "write it as `Namespace.EventName`, e.g. \"Device.ProvisioningRecipeUpdated\"";
    let problem = if value.is_empty() {
        Some("the event type is empty".to_owned())
    } else if let Some(c) = value.chars().find(|c| !c.is_ascii()) {
        Some(format!("the event type has the non-ASCII character `{c}`"))
    } else if !value.contains('.') {
        Some(format!(
            "the event type `{value}` has one segment; it needs a namespace"
        ))
    } else if value.split('.').any(str::is_empty) {
        Some(format!(
            "the event type `{value}` has an empty segment (a leading, trailing or doubled dot)"
        ))
    } else {
        value.split('.').find(|s| !is_pascal_case(s)).map(|segment| {
            format!(
                "the segment `{segment}` of `{value}` is not PascalCase (an uppercase ASCII letter, then ASCII letters and digits)"
            )
        })
    };
    if let Some(problem) = problem {
        cx.error_spanned_by(lit, format!("{problem}: {fix}"));
    }
}

fn is_pascal_case(segment: &str) -> bool {
    let mut chars = segment.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase()) && chars.all(|c| c.is_ascii_alphanumeric())
}

/// An owner kind is a lowercase identifier; it names the type of the same name, in
/// PascalCase, in `events_core::owner`.
pub(crate) fn owner_kind(cx: &Ctxt, lit: &LitStr) -> bool {
    let value = lit.value();
    let mut chars = value.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        cx.error_spanned_by(
            lit,
            format!(
                "`{value}` is not an owner kind: write a kind of `events_core::owner` in lowercase, such as owner = \"organization\""
            ),
        );
    }
    ok
}

/// The macros generate plain, non-generic impls.
pub(crate) fn no_generics(cx: &Ctxt, generics: &Generics, what: &str) {
    if !generics.params.is_empty() || generics.where_clause.is_some() {
        cx.error_spanned_by(
            generics,
            format!("{what} cannot be generic: an event's shape must be fixed; remove the generic parameters"),
        );
    }
}

/// No field may take a member `#[domain_event]` wires in, and no two members may share a
/// JSON name.
pub(crate) fn members(cx: &Ctxt, fields: &[Field<'_>], wired: bool) {
    if wired {
        for field in fields {
            let rust = field.ident.to_string();
            let rust = rust.strip_prefix("r#").unwrap_or(&rust);
            if let Some(name) = WIRED.iter().find(|w| **w == field.json || **w == rust) {
                cx.error_spanned_by(
                    field.ident,
                    format!(
                        "`{name}` is wired into every event by #[domain_event]; remove this field (the event already has `{name}`) or rename it"
                    ),
                );
            }
        }
    }
    unique(
        cx,
        fields.iter().map(|f| (f.json.as_str(), f.json_span)),
        "member",
    );
}

/// No two variants may write the same string.
pub(crate) fn variants(cx: &Ctxt, variants: &[Variant<'_>]) {
    unique(
        cx,
        variants.iter().map(|v| (v.json.as_str(), v.json_span)),
        "value",
    );
}

fn unique<'a>(cx: &Ctxt, names: impl Iterator<Item = (&'a str, Span)>, what: &str) {
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for (name, span) in names {
        if seen.insert(name, span).is_some() {
            cx.syn_error(syn::Error::new(
                span,
                format!("two {what}s would both be `{name}` on the wire; rename one with #[event(rename = \"…\")]"),
            ));
        }
    }
}
