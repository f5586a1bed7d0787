//! `#[derive(EventValue)]` on an enum of unit variants: a literal union, written as the
//! variant's name (or its `#[event(rename)]`) and read back only from exactly that string.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Ident;

use crate::ast::Variant;

pub(crate) fn expand(krate: &TokenStream, name: &Ident, variants: &[Variant<'_>]) -> TokenStream {
    let serde = quote!(#krate::__private::serde);
    let idents: Vec<&Ident> = variants.iter().map(|v| v.ident).collect();
    let jsons: Vec<&str> = variants.iter().map(|v| v.json.as_str()).collect();
    let expecting = format!(
        "one of {}",
        jsons
            .iter()
            .map(|j| format!("\"{j}\""))
            .collect::<Vec<_>>()
            .join(", ")
    );
    quote! {
        #[automatically_derived]
        impl #krate::__private::EventValue for #name {
            const SHAPE: #krate::__private::Shape = #krate::__private::Shape::Literals(&[#(#jsons),*]);
            const __SHAPE_IS_EXACT: bool = true;
        }

        #[automatically_derived]
        impl #serde::Serialize for #name {
            fn serialize<__S>(&self, __serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                #serde::Serializer::serialize_str(__serializer, match *self {
                    #(#name::#idents => #jsons,)*
                })
            }
        }

        #[automatically_derived]
        impl<'de> #serde::Deserialize<'de> for #name {
            fn deserialize<__D>(__deserializer: __D) -> ::core::result::Result<Self, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                struct __Visitor;

                impl<'de> #serde::de::Visitor<'de> for __Visitor {
                    type Value = #name;

                    fn expecting(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        ::core::fmt::Formatter::write_str(__f, #expecting)
                    }

                    fn visit_str<__E>(self, __value: &str) -> ::core::result::Result<#name, __E>
                    where
                        __E: #serde::de::Error,
                    {
                        match __value {
                            #(#jsons => ::core::result::Result::Ok(#name::#idents),)*
                            _ => ::core::result::Result::Err(
                                <__E as #serde::de::Error>::unknown_variant(__value, &[#(#jsons),*]),
                            ),
                        }
                    }
                }

                #serde::Deserializer::deserialize_str(__deserializer, __Visitor)
            }
        }
    }
}
