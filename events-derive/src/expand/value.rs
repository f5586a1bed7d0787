//! `#[derive(EventValue)]` on a struct with named fields: a nested JSON object.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

use super::object::{self, Role, WireMember};
use crate::ast::Field;

pub(crate) fn expand(
    krate: &TokenStream,
    name: &Ident,
    doc: &str,
    fields: &[Field<'_>],
) -> TokenStream {
    let members: Vec<WireMember<'_>> = fields
        .iter()
        .map(|f| WireMember {
            json: f.json.clone(),
            role: Role::Field {
                ident: f.ident,
                ty: f.ty,
                non_empty: false,
            },
        })
        .collect();
    let records = object::member_records(krate, fields);
    let tys = fields.iter().map(|f| f.ty);
    let name_str = name.to_string();
    let serde_impls = object::serde_impls(krate, name, &members, object::Unknown::Skip);
    quote! {
        #[automatically_derived]
        impl #krate::__private::EventValue for #name {
            const SHAPE: #krate::__private::Shape = #krate::__private::Shape::Object(&#krate::__private::ObjectShape {
                rust_name: #name_str,
                doc: #doc,
                members: &[#(#records),*],
            });
            const __SHAPE_IS_EXACT: bool =
                true #(&& <#tys as #krate::__private::EventValue>::__SHAPE_IS_EXACT)*;
        }

        #serde_impls
    }
}
