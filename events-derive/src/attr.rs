//! Attributes to typed values: `#[domain_event(type = "…", owner = "…", example = "…")]` and
//! `#[event(rename = "…")]` on a field or variant.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, Expr, ExprLit, Lit, LitStr};

use crate::ctxt::Ctxt;

/// The keys `#[domain_event(…)]` accepts.
pub(crate) const TYPE: &str = "type";
pub(crate) const OWNER: &str = "owner";
pub(crate) const EXAMPLE: &str = "example";
const EVENT_KEYS: [&str; 3] = [TYPE, OWNER, EXAMPLE];

/// The helper attribute on fields and variants, and its one key.
pub(crate) const EVENT: &str = "event";
pub(crate) const RENAME: &str = "rename";
const VALUE_KEYS: [&str; 1] = [RENAME];

/// A value an attribute may set once; a second setting is reported on its own span.
pub(crate) struct Once<T> {
    name: &'static str,
    value: Option<(Span, T)>,
}

impl<T> Once<T> {
    fn new(name: &'static str) -> Self {
        Once { name, value: None }
    }

    fn set(&mut self, cx: &Ctxt, key: &syn::Path, value: T) {
        if self.value.is_some() {
            cx.error_spanned_by(key, format!("`{}` is given twice; give it once", self.name));
        } else {
            self.value = Some((key_span(key), value));
        }
    }

    pub(crate) fn get(&self) -> Option<&T> {
        self.value.as_ref().map(|(_, v)| v)
    }
}

fn key_span(key: &syn::Path) -> Span {
    key.segments
        .first()
        .map_or_else(Span::call_site, |s| s.ident.span())
}

/// The arguments of `#[domain_event(…)]`.
pub(crate) struct EventArgs {
    pub type_name: Once<LitStr>,
    pub owner: Once<LitStr>,
    pub example: Once<LitStr>,
}

impl EventArgs {
    /// Parses the arguments; every mistake is recorded in `cx`, and parsing goes on past it so
    /// that all of them are reported at once.
    pub(crate) fn parse(cx: &Ctxt, args: TokenStream) -> EventArgs {
        let mut out = EventArgs {
            type_name: Once::new(TYPE),
            owner: Once::new(OWNER),
            example: Once::new(EXAMPLE),
        };
        if args.is_empty() {
            cx.syn_error(syn::Error::new(
                Span::call_site(),
                "#[domain_event] needs the event's type string: write #[domain_event(type = \"Namespace.EventName\")]",
            ));
            return out;
        }
        let mut type_key_given = false;
        let parser = syn::meta::parser(|meta| {
            // type = "Namespace.EventName"
            if meta.path.is_ident(TYPE) {
                type_key_given = true;
                if let Some(lit) = string_value(cx, &meta)? {
                    out.type_name.set(cx, &meta.path, lit);
                }
            // owner = "organization"
            } else if meta.path.is_ident(OWNER) {
                if let Some(lit) = string_value(cx, &meta)? {
                    out.owner.set(cx, &meta.path, lit);
                }
            // example = "fixtures/Event.json"
            } else if meta.path.is_ident(EXAMPLE) {
                if let Some(lit) = string_value(cx, &meta)? {
                    out.example.set(cx, &meta.path, lit);
                }
            } else {
                unknown_key(cx, &meta, "#[domain_event]", &EVENT_KEYS)?;
            }
            Ok(())
        });
        if let Err(e) = syn::parse::Parser::parse2(parser, args) {
            cx.syn_error(e);
        }
        // A `type` key with a bad value has its own error already.
        if !type_key_given {
            cx.syn_error(syn::Error::new(
                Span::call_site(),
                "#[domain_event] is missing `type`: write #[domain_event(type = \"Namespace.EventName\")]",
            ));
        }
        out
    }
}

/// `#[event(rename = "…")]` on a field or a variant.
pub(crate) struct ValueAttrs {
    pub rename: Once<LitStr>,
}

impl ValueAttrs {
    pub(crate) fn parse(cx: &Ctxt, attrs: &[Attribute]) -> ValueAttrs {
        let mut out = ValueAttrs {
            rename: Once::new(RENAME),
        };
        for attr in attrs.iter().filter(|a| a.path().is_ident(EVENT)) {
            let result = attr.parse_nested_meta(|meta| {
                // rename = "wireName"
                if meta.path.is_ident(RENAME) {
                    if let Some(lit) = string_value(cx, &meta)? {
                        if lit.value().is_empty() {
                            cx.error_spanned_by(&lit, "a member name cannot be empty");
                        }
                        out.rename.set(cx, &meta.path, lit);
                    }
                } else {
                    unknown_key(cx, &meta, "#[event]", &VALUE_KEYS)?;
                }
                Ok(())
            });
            if let Err(e) = result {
                cx.syn_error(e);
            }
        }
        out
    }
}

/// The string after `key =`. A value of another kind is recorded as an error and skipped.
fn string_value(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> syn::Result<Option<LitStr>> {
    let key = meta.path.to_token_stream().to_string();
    if !meta.input.peek(syn::Token![=]) {
        cx.error_spanned_by(
            &meta.path,
            format!("`{key}` needs a value: write {key} = \"…\""),
        );
        return Ok(None);
    }
    let expr: Expr = meta.value()?.parse()?;
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Ok(Some(lit)),
        other => {
            cx.error_spanned_by(
                &other,
                format!("`{key}` takes a string literal: write {key} = \"…\""),
            );
            Ok(None)
        }
    }
}

/// Records an unknown key, with the nearest known one where it is a likely typo, and skips
/// its value so the keys after it are still checked.
fn unknown_key(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    attribute: &str,
    known: &[&str],
) -> syn::Result<()> {
    let key = meta.path.to_token_stream().to_string().replace(' ', "");
    let suggestion = known
        .iter()
        .map(|k| (distance(&key, k), *k))
        .filter(|(d, k)| *d <= 2 && *d < k.len())
        .min()
        .map(|(_, k)| format!("; did you mean `{k}`?"))
        .unwrap_or_default();
    let list = known
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    cx.error_spanned_by(
        &meta.path,
        format!("unknown key `{key}` in {attribute}{suggestion} (the keys are {list})"),
    );
    if meta.input.peek(syn::Token![=]) {
        let _: Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| {
            if inner.input.peek(syn::Token![=]) {
                let _: Expr = inner.value()?.parse()?;
            }
            Ok(())
        })?;
    }
    Ok(())
}

/// Levenshtein distance, for did-you-mean.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn near_misses_are_close() {
        assert_eq!(distance("typ", "type"), 1);
        assert_eq!(distance("ownr", "owner"), 1);
        assert_eq!(distance("colour", "type"), 6);
    }
}
