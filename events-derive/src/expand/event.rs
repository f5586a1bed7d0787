//! `#[domain_event]`: the struct with its wired-in fields, the `DomainEvent` impl, the
//! encoding and decoding, and the registration.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::{Ident, ItemStruct, LitStr};

use super::object::{self, Role, WireMember};
use crate::ast::{strip_helper_attrs, Field};

/// What the checks have established about one event.
pub(crate) struct Event<'a> {
    pub item: &'a ItemStruct,
    pub fields: &'a [Field<'a>],
    pub type_name: &'a LitStr,
    /// The owner kind's type name in `events_core::owner`, spanned on the attribute's string.
    pub owner: Ident,
    pub example: Option<&'a LitStr>,
    pub doc: String,
}

pub(crate) fn expand(krate: &TokenStream, event: &Event<'_>) -> TokenStream {
    let name = &event.item.ident;
    let owner_ident = &event.owner;
    let owner_ty = quote_spanned!(owner_ident.span()=> #krate::__private::owner::#owner_ident);
    let originator_ty = quote!(::core::option::Option<#krate::__private::Originator>);
    let uid_ty = quote!(::std::string::String);

    let definition = definition(krate, event, &owner_ty, &originator_ty, &uid_ty);

    // The wired-in members, as syntax, so the shared object code can treat them as fields.
    let owner_field: syn::Type = syn::parse2(owner_ty.clone()).unwrap_or_else(|_| unit());
    let originator_field: syn::Type = syn::parse2(originator_ty.clone()).unwrap_or_else(|_| unit());
    let uid_field: syn::Type = syn::parse2(uid_ty.clone()).unwrap_or_else(|_| unit());
    let owner_ident_field = Ident::new("owner", Span::call_site());
    let originator_ident = Ident::new("originator", Span::call_site());
    let uid_ident = Ident::new("uid", Span::call_site());

    let mut members = vec![WireMember {
        json: "owner".into(),
        role: Role::Field {
            ident: &owner_ident_field,
            ty: &owner_field,
            non_empty: false,
        },
    }];
    members.extend(event.fields.iter().map(|f| WireMember {
        json: f.json.clone(),
        role: Role::Field {
            ident: f.ident,
            ty: f.ty,
            non_empty: false,
        },
    }));
    members.push(WireMember {
        json: "type".into(),
        role: Role::Discriminator,
    });
    members.push(WireMember {
        json: "originator".into(),
        role: Role::Field {
            ident: &originator_ident,
            ty: &originator_field,
            non_empty: false,
        },
    });
    members.push(WireMember {
        json: "uid".into(),
        role: Role::Field {
            ident: &uid_ident,
            ty: &uid_field,
            non_empty: true,
        },
    });

    let serde_impls = object::serde_impls(krate, name, &members, object::Unknown::Keep);
    let member_tys = members.iter().filter_map(|m| match &m.role {
        Role::Field { ty, .. } => Some(*ty),
        Role::Discriminator => None,
    });
    let records = object::member_records(krate, event.fields);
    let type_name = event.type_name;
    let name_str = name.to_string();
    let doc = &event.doc;
    let example = match event.example {
        Some(path) => quote! {
            ::core::option::Option::Some(::core::include_str!(::core::concat!(
                ::core::env!("CARGO_MANIFEST_DIR"), "/", #path
            )))
        },
        None => quote!(::core::option::Option::None),
    };

    let generated = quote! {
        #[automatically_derived]
        impl #krate::__private::DomainEvent for #name {
            const TYPE: &'static str = #type_name;
            const RUST_TYPE: &'static str = ::core::concat!(::core::module_path!(), "::", #name_str);
            const PAYLOAD: &'static #krate::__private::ObjectShape = &#krate::__private::ObjectShape {
                rust_name: #name_str,
                doc: #doc,
                members: &[
                    #krate::__private::Member {
                        name: "owner",
                        field: "owner",
                        shape: &<#owner_ty as #krate::__private::EventValue>::SHAPE,
                        required: true,
                        doc: #krate::__private::OWNER_DOC,
                    },
                    #(#records,)*
                    #krate::__private::TYPE_MEMBER,
                    #krate::__private::ORIGINATOR_MEMBER,
                    #krate::__private::UID_MEMBER,
                ],
            };
            const EXAMPLE: ::core::option::Option<&'static str> = #example;
            const __SHAPE_IS_EXACT: bool =
                true #(&& <#member_tys as #krate::__private::EventValue>::__SHAPE_IS_EXACT)*;
            type Owner = #owner_ty;

            fn owner(&self) -> &#owner_ty {
                &self.owner
            }

            fn originator(&self) -> ::core::option::Option<&#krate::__private::Originator> {
                ::core::option::Option::as_ref(&self.originator)
            }

            fn uid(&self) -> &str {
                &self.uid
            }
        }

        #serde_impls

        #krate::__private::inventory::submit! {
            #krate::__private::descriptor::<#name>()
        }
    };
    let scoped = super::scoped(generated);
    quote! {
        #definition
        #scoped
    }
}

/// The struct as the user wrote it, with `owner` first and `originator` and `uid` last.
fn definition(
    krate: &TokenStream,
    event: &Event<'_>,
    owner_ty: &TokenStream,
    originator_ty: &TokenStream,
    uid_ty: &TokenStream,
) -> TokenStream {
    let mut item = event.item.clone();
    let syn::Fields::Named(named) = &mut item.fields else {
        return quote!(#item);
    };
    for field in named.named.iter_mut() {
        strip_helper_attrs(&mut field.attrs);
    }
    let user_fields = named.named.iter();
    let attrs = &item.attrs;
    let vis = &item.vis;
    let ident = &item.ident;
    quote! {
        #(#attrs)*
        #vis struct #ident {
            #[doc = #krate::__private::owner_doc!()]
            pub owner: #owner_ty,
            #(#user_fields,)*
            #[doc = #krate::__private::originator_doc!()]
            pub originator: #originator_ty,
            #[doc = #krate::__private::uid_doc!()]
            pub uid: #uid_ty,
        }
    }
}

fn unit() -> syn::Type {
    syn::Type::Tuple(syn::TypeTuple {
        paren_token: Default::default(),
        elems: Default::default(),
    })
}
