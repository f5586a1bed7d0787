//! What the macros expand to for the real event, kept in `snapshots/` so that every change
//! to generated code shows up in review as a diff. Set `UPDATE_SNAPSHOTS=1` to rewrite it
//! after reviewing the change.

use quote::ToTokens;

const DEVICE_EVENT: &str = include_str!("../../events-device/src/provisioning_recipe_updated.rs");
const SNAPSHOT: &str = "snapshots/provisioning_recipe_updated.expanded.rs";

/// Expands every item of `source` that carries one of our macros, as rustc would.
fn expand_file(source: &str) -> String {
    let file: syn::File = syn::parse_str(source).expect("the event source parses");
    let mut items = Vec::new();
    for item in file.items {
        let mut tokens = item.to_token_stream();
        if let syn::Item::Struct(s) = &item {
            if let Some(i) = s
                .attrs
                .iter()
                .position(|a| a.path().is_ident("domain_event"))
            {
                let mut s = s.clone();
                let attr = s.attrs.remove(i);
                let args = match attr.meta {
                    syn::Meta::List(list) => list.tokens,
                    _ => proc_macro2::TokenStream::new(),
                };
                tokens = crate::domain_event_impl(args, s.to_token_stream());
            }
        }
        let derives_value = |attrs: &[syn::Attribute]| {
            attrs.iter().any(|a| {
                a.path().is_ident("derive")
                    && a.to_token_stream().to_string().contains("EventValue")
            })
        };
        let derived = match &item {
            syn::Item::Struct(s) if derives_value(&s.attrs) => {
                Some(syn::parse2(s.to_token_stream()))
            }
            syn::Item::Enum(e) if derives_value(&e.attrs) => Some(syn::parse2(e.to_token_stream())),
            _ => None,
        };
        if let Some(input) = derived {
            tokens.extend(crate::derive_event_value_impl(
                &input.expect("a derive input"),
            ));
        }
        items.push(tokens);
    }
    let expanded: syn::File = syn::parse2(quote::quote!(#(#items)*)).expect("the expansion parses");
    prettyplease::unparse(&expanded)
}

#[test]
fn expansion_of_the_device_event_matches_the_snapshot() {
    let expanded = expand_file(DEVICE_EVENT);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &expanded).expect("the snapshot is writable");
    }
    let snapshot = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        snapshot == expanded,
        "generated code changed; review the diff and rerun with UPDATE_SNAPSHOTS=1:\n{}",
        first_difference(&snapshot, &expanded)
    );
}

fn first_difference(old: &str, new: &str) -> String {
    for (i, (a, b)) in old.lines().zip(new.lines()).enumerate() {
        if a != b {
            return format!("line {}:\n- {a}\n+ {b}", i + 1);
        }
    }
    format!(
        "lengths differ: {} vs {} lines",
        old.lines().count(),
        new.lines().count()
    )
}
