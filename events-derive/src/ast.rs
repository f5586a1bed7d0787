//! The input, seen through thin wrappers that keep the original syntax nodes, so that every
//! later error can be spanned on the token it is about.

use proc_macro2::Span;
use syn::{Attribute, Expr, ExprLit, Ident, Lit, Meta, Type};

use crate::attr::ValueAttrs;
use crate::case::camel_case;
use crate::ctxt::Ctxt;

/// A named field: one member on the wire.
pub(crate) struct Field<'a> {
    pub ident: &'a Ident,
    pub ty: &'a Type,
    /// The member's JSON name: `#[event(rename)]`, else the field's name in camelCase.
    pub json: String,
    /// Where the JSON name comes from, for collision errors.
    pub json_span: Span,
    pub doc: String,
}

/// A unit variant: one value of a literal union.
pub(crate) struct Variant<'a> {
    pub ident: &'a Ident,
    pub json: String,
    pub json_span: Span,
}

impl<'a> Field<'a> {
    /// The wrappers for named fields; `None` for a field without a name, which the caller has
    /// already rejected.
    pub(crate) fn from_fields(cx: &Ctxt, fields: &'a syn::FieldsNamed) -> Vec<Field<'a>> {
        fields
            .named
            .iter()
            .filter_map(|field| {
                let ident = field.ident.as_ref()?;
                let attrs = ValueAttrs::parse(cx, &field.attrs);
                let (json, json_span) = match attrs.rename.get() {
                    Some(lit) => (lit.value(), lit.span()),
                    None => (camel_case(&ident.to_string()), ident.span()),
                };
                Some(Field {
                    ident,
                    ty: &field.ty,
                    json,
                    json_span,
                    doc: docs(&field.attrs),
                })
            })
            .collect()
    }
}

impl<'a> Variant<'a> {
    pub(crate) fn from_variant(cx: &Ctxt, variant: &'a syn::Variant) -> Variant<'a> {
        let attrs = ValueAttrs::parse(cx, &variant.attrs);
        let (json, json_span) = match attrs.rename.get() {
            Some(lit) => (lit.value(), lit.span()),
            None => (variant.ident.to_string(), variant.ident.span()),
        };
        Variant {
            ident: &variant.ident,
            json,
            json_span,
        }
    }
}

/// The doc comment: each `///` line without its first space, joined, trimmed.
pub(crate) fn docs(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(s), ..
                }) => Some(s.value()),
                _ => None,
            },
            _ => None,
        })
        .map(|line| {
            line.strip_prefix(' ')
                .unwrap_or(&line)
                .trim_end()
                .to_owned()
        })
        .collect();
    lines.join("\n").trim().to_owned()
}

/// Removes the helper attribute `#[event(…)]`, which rustc does not know once the attribute
/// macro has run.
pub(crate) fn strip_helper_attrs(attrs: &mut Vec<Attribute>) {
    attrs.retain(|a| !a.path().is_ident(crate::attr::EVENT));
}
