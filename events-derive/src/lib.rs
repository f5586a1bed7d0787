//! The macros behind `events-core`: `#[domain_event]` and `#[derive(EventValue)]`.
//!
//! Use them through `events_core`, which re-exports both and holds the runtime the generated
//! code calls. Each macro parses its input (modules `attr`, `ast`), checks it (`check`) and
//! only then expands it (`expand`); every mistake found is reported in one compile, spanned on
//! the offending token.

#![deny(missing_docs)]

mod ast;
mod attr;
mod case;
mod check;
mod ctxt;
mod expand;
mod krate;
#[cfg(test)]
mod snapshot;

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as TokenStream2};
use quote::{quote, ToTokens};
use syn::{Data, DeriveInput, Fields, Ident, Item};

use crate::ast::{docs, strip_helper_attrs, Field, Variant};
use crate::attr::EventArgs;
use crate::ctxt::Ctxt;

/// Turns a struct with named fields into a domain event.
///
/// Use it as `events_core::domain_event`, whose documentation has the full reference and
/// examples (they need the runtime, so they live there).
#[proc_macro_attribute]
pub fn domain_event(args: TokenStream, input: TokenStream) -> TokenStream {
    domain_event_impl(args.into(), input.into()).into()
}

/// Makes a struct (a nested object) or an enum of unit variants (a literal union) usable as a
/// member of an event.
///
/// Use it as `events_core::EventValue`, whose documentation has the reference and examples.
#[proc_macro_derive(EventValue, attributes(event))]
pub fn derive_event_value(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    derive_event_value_impl(&input).into()
}

fn domain_event_impl(args: TokenStream2, input: TokenStream2) -> TokenStream2 {
    let cx = Ctxt::new();
    let args = EventArgs::parse(&cx, args);
    let item: Item = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(e) => {
            let _ = cx.check();
            let error = e.to_compile_error();
            return quote!(#error #input);
        }
    };
    let Some(item_struct) = event_struct(&cx, &item) else {
        return fail(cx, item.into_token_stream());
    };
    check::no_generics(&cx, &item_struct.generics, "an event");
    if let Some(type_name) = args.type_name.get() {
        check::type_string(&cx, type_name);
    }
    let owner = match args.owner.get() {
        Some(lit) if check::owner_kind(&cx, lit) => {
            Ident::new(&case::pascal_case(&lit.value()), lit.span())
        }
        Some(lit) => Ident::new("Organization", lit.span()),
        None => Ident::new("Organization", Span::call_site()),
    };
    let Fields::Named(named) = &item_struct.fields else {
        return fail(cx, item.into_token_stream());
    };
    let fields = Field::from_fields(&cx, named);
    check::members(&cx, &fields, true);

    let type_name = match (args.type_name.get(), cx.check()) {
        (Some(type_name), Ok(())) => type_name,
        (_, checked) => {
            let errors = checked.err().map(|e| e.to_compile_error());
            let item = stripped(item_struct);
            return quote!(#errors #item);
        }
    };
    let event = expand::event::Event {
        item: item_struct,
        fields: &fields,
        type_name,
        owner,
        example: args.example.get(),
        doc: docs(&item_struct.attrs),
    };
    expand::event::expand(&krate::events_core(), &event)
}

/// The struct, or an error spanned on what makes the item not one.
fn event_struct<'a>(cx: &Ctxt, item: &'a Item) -> Option<&'a syn::ItemStruct> {
    let advice = "#[domain_event] goes on a struct with named fields, such as `pub struct DeviceRenamed { pub name: String }`";
    match item {
        Item::Struct(s) => match &s.fields {
            Fields::Named(_) => Some(s),
            Fields::Unnamed(fields) => {
                cx.error_spanned_by(fields, format!("{advice}, not a tuple struct"));
                None
            }
            Fields::Unit => {
                cx.error_spanned_by(
                    &s.ident,
                    format!(
                        "{advice}, not a unit struct: add braces, `{} {{}}`",
                        s.ident
                    ),
                );
                None
            }
        },
        Item::Enum(e) => {
            cx.error_spanned_by(
                e.enum_token,
                format!("{advice}, not an enum; for a literal union of values use #[derive(EventValue)]"),
            );
            None
        }
        Item::Fn(f) => {
            cx.error_spanned_by(f.sig.fn_token, format!("{advice}, not a function"));
            None
        }
        Item::Union(u) => {
            cx.error_spanned_by(u.union_token, format!("{advice}, not a union"));
            None
        }
        other => {
            cx.error_spanned_by(other, advice);
            None
        }
    }
}

/// The errors, and the item as written (less the helper attributes) so that the user's other
/// code is not buried in follow-on errors about a missing type.
fn fail(cx: Ctxt, item: TokenStream2) -> TokenStream2 {
    let errors = match cx.check() {
        Ok(()) => TokenStream2::new(),
        Err(e) => e.to_compile_error(),
    };
    quote!(#errors #item)
}

/// The struct as written, less the helper attributes rustc would not know.
fn stripped(item: &syn::ItemStruct) -> TokenStream2 {
    let mut item = item.clone();
    if let Fields::Named(named) = &mut item.fields {
        for field in named.named.iter_mut() {
            strip_helper_attrs(&mut field.attrs);
        }
    }
    item.into_token_stream()
}

fn derive_event_value_impl(input: &DeriveInput) -> TokenStream2 {
    let cx = Ctxt::new();
    check::no_generics(&cx, &input.generics, "an event value");
    let krate = krate::events_core();
    let expanded = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => {
                let fields = Field::from_fields(&cx, named);
                check::members(&cx, &fields, false);
                Some(expand::value::expand(
                    &krate,
                    &input.ident,
                    &docs(&input.attrs),
                    &fields,
                ))
            }
            other => {
                cx.error_spanned_by(
                    other,
                    "#[derive(EventValue)] goes on a struct with named fields (a JSON object) or an enum of unit variants (a literal union)",
                );
                None
            }
        },
        Data::Enum(data) => {
            if data.variants.is_empty() {
                cx.error_spanned_by(&input.ident, "a literal union needs at least one variant");
            }
            for variant in &data.variants {
                if !matches!(variant.fields, Fields::Unit) {
                    cx.error_spanned_by(
                        &variant.fields,
                        "a literal union's variants carry no data: write the variant alone, as in `Pending`",
                    );
                }
            }
            let variants: Vec<Variant<'_>> = data
                .variants
                .iter()
                .map(|v| Variant::from_variant(&cx, v))
                .collect();
            check::variants(&cx, &variants);
            Some(expand::literals::expand(&krate, &input.ident, &variants))
        }
        Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                "#[derive(EventValue)] does not support unions",
            );
            None
        }
    };
    match (cx.check(), expanded) {
        (Ok(()), Some(expanded)) => expand::scoped(expanded),
        (Err(e), _) => e.to_compile_error(),
        (Ok(()), None) => TokenStream2::new(),
    }
}
