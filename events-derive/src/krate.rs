//! The path generated code uses for `events-core`.

use proc_macro2::{Span, TokenStream};
use proc_macro_crate::{crate_name, FoundCrate};
use quote::quote;

/// `::events_core`, or `::whatever_name` the user gave the dependency in their Cargo.toml.
pub(crate) fn events_core() -> TokenStream {
    match crate_name("events-core") {
        Ok(FoundCrate::Name(name)) => {
            let ident = syn::Ident::new(&name, Span::call_site());
            quote!(::#ident)
        }
        // Inside events-core itself (its own tests and doc tests), where
        // `extern crate self as events_core` makes the absolute path work; and the fallback
        // when Cargo.toml cannot be read.
        Ok(FoundCrate::Itself) | Err(_) => quote!(::events_core),
    }
}
