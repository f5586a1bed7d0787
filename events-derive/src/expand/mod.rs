//! Code generation. Everything generated sits in `const _: () = { … };`, names runtime items
//! by absolute paths through `events_core::__private`, and writes standard items as `::core::…`,
//! so it compiles whatever the user's crate imports, renames or defines.

pub(crate) mod event;
pub(crate) mod literals;
pub(crate) mod object;
pub(crate) mod value;

use proc_macro2::TokenStream;
use quote::quote;

/// Wraps generated items so that nothing leaks into the user's namespace.
pub(crate) fn scoped(items: TokenStream) -> TokenStream {
    quote! {
        #[doc(hidden)]
        #[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
        const _: () = {
            #items
        };
    }
}
