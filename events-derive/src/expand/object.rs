//! Serialize and Deserialize for a struct whose members are a JSON object: an event's payload
//! or a nested object.
//!
//! Written out rather than left to serde's derive, because the contract wants a JSON object
//! and nothing else (serde's derive also accepts an array of the fields in order), and every
//! defined key at most once.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{Ident, Type};

/// One member of the object, in wire order.
pub(crate) struct WireMember<'a> {
    pub json: String,
    pub role: Role<'a>,
}

pub(crate) enum Role<'a> {
    /// A field of the struct, of a type that implements `EventValue`.
    Field {
        ident: &'a Ident,
        ty: &'a Type,
        /// A string that must not be empty (the payload's `uid`).
        non_empty: bool,
    },
    /// The payload's `type`: no field; written as, and checked against, the event's type.
    Discriminator,
}

/// Whether the object keeps the members it does not define (an event's payload, for relays)
/// or skips them (a nested object).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unknown {
    Keep,
    Skip,
}

/// `Serialize` and `Deserialize` for the object; for [`Unknown::Keep`], also
/// `__private::Payload`, through which the envelope reads and writes the unknown members.
pub(crate) fn serde_impls(
    krate: &TokenStream,
    name: &Ident,
    members: &[WireMember<'_>],
    unknown: Unknown,
) -> TokenStream {
    let serde = quote!(#krate::__private::serde);
    let write = write_fn(krate, name, members);
    let read = read_fn(krate, name, members);
    let result = quote!(::core::result::Result);
    let plain = quote! {
        #[automatically_derived]
        impl #serde::Serialize for #name {
            fn serialize<__S>(&self, __serializer: __S) -> #result<__S::Ok, __S::Error>
            where
                __S: #serde::Serializer,
            {
                __write(self, &#krate::__private::NO_UNKNOWN_MEMBERS, __serializer)
            }
        }

        #[automatically_derived]
        impl<'de> #serde::Deserialize<'de> for #name {
            fn deserialize<__D>(__deserializer: __D) -> #result<Self, __D::Error>
            where
                __D: #serde::Deserializer<'de>,
            {
                __read(__deserializer, ::core::option::Option::None)
            }
        }
    };
    let payload = match unknown {
        Unknown::Skip => TokenStream::new(),
        Unknown::Keep => quote! {
            #[automatically_derived]
            impl #krate::__private::Payload for #name {
                fn deserialize_payload<'de, __D>(
                    __deserializer: __D,
                    __unknown: ::core::option::Option<&mut #krate::__private::UnknownMembers>,
                ) -> #result<Self, __D::Error>
                where
                    __D: #serde::Deserializer<'de>,
                {
                    __read(__deserializer, __unknown)
                }

                fn serialize_payload<__S>(
                    &self,
                    __unknown: &#krate::__private::UnknownMembers,
                    __serializer: __S,
                ) -> #result<__S::Ok, __S::Error>
                where
                    __S: #serde::Serializer,
                {
                    __write(self, __unknown, __serializer)
                }
            }
        },
    };
    quote! {
        #write
        #read
        #plain
        #payload
    }
}

/// `fn __write`: the members in wire order, unset optional ones left out, then the unknown.
fn write_fn(krate: &TokenStream, name: &Ident, members: &[WireMember<'_>]) -> TokenStream {
    let serde = quote!(#krate::__private::serde);
    let jsons: Vec<&str> = members.iter().map(|m| m.json.as_str()).collect();
    let writes = members.iter().map(|member| {
        let json = &member.json;
        match &member.role {
            Role::Field { ident, ty, .. } => quote_spanned! {ty_span(ty)=>
                if !<#ty as #krate::__private::EventValue>::is_unset(&__object_value.#ident) {
                    #serde::ser::SerializeMap::serialize_entry(
                        &mut __object,
                        #json,
                        &#krate::__private::Wire(&__object_value.#ident),
                    )?;
                }
            },
            Role::Discriminator => quote! {
                #serde::ser::SerializeMap::serialize_entry(
                    &mut __object,
                    #json,
                    <#name as #krate::__private::DomainEvent>::TYPE,
                )?;
            },
        }
    });
    quote! {
        fn __write<__S>(
            __object_value: &#name,
            __unknown: &#krate::__private::UnknownMembers,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: #serde::Serializer,
        {
            let mut __object = #serde::Serializer::serialize_map(__serializer, ::core::option::Option::None)?;
            #(#writes)*
            #krate::__private::write_unknown(&mut __object, __unknown, &[#(#jsons),*])?;
            #serde::ser::SerializeMap::end(__object)
        }
    }
}

/// `fn __read`: a JSON object only, each defined key at most once, required members present;
/// members it does not define kept in `unknown` when given, skipped otherwise.
fn read_fn(krate: &TokenStream, name: &Ident, members: &[WireMember<'_>]) -> TokenStream {
    let serde = quote!(#krate::__private::serde);
    let variants: Vec<Ident> = (0..members.len())
        .map(|i| format_ident!("__f{}", i))
        .collect();
    let slots: Vec<Ident> = (0..members.len())
        .map(|i| format_ident!("__v{}", i))
        .collect();
    let jsons: Vec<&str> = members.iter().map(|m| m.json.as_str()).collect();
    let expecting = format!("a JSON object ({name})");

    let declare = members
        .iter()
        .zip(&slots)
        .map(|(member, slot)| match &member.role {
            Role::Field { ty, .. } => quote! {
                let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None;
            },
            Role::Discriminator => quote! { let mut #slot: bool = false; },
        });

    let arms = members
        .iter()
        .zip(&variants)
        .zip(&slots)
        .map(|((member, variant), slot)| {
            let json = &member.json;
            let duplicate = quote! {
                return ::core::result::Result::Err(
                    <__A::Error as #serde::de::Error>::duplicate_field(#json),
                );
            };
            match &member.role {
                Role::Field { ty, .. } => quote! {
                    __Field::#variant => {
                        if ::core::option::Option::is_some(&#slot) {
                            #duplicate
                        }
                        #slot = ::core::option::Option::Some(
                            #serde::de::MapAccess::next_value::<#krate::__private::Wire<#ty>>(&mut __map)?.0,
                        );
                    }
                },
                Role::Discriminator => quote! {
                    __Field::#variant => {
                        if #slot {
                            #duplicate
                        }
                        #serde::de::MapAccess::next_value_seed(
                            &mut __map,
                            #krate::__private::Literal(<#name as #krate::__private::DomainEvent>::TYPE),
                        )?;
                        #slot = true;
                    }
                },
            }
        });

    let finish = members.iter().zip(&slots).map(|(member, slot)| {
        let json = &member.json;
        match &member.role {
            Role::Field { ty, non_empty, .. } => {
                let present = quote! {
                    let #slot = match #slot {
                        ::core::option::Option::Some(__value) => __value,
                        ::core::option::Option::None => #krate::__private::absent::<#ty, __A::Error>(#json)?,
                    };
                };
                if *non_empty {
                    quote! {
                        #present
                        let #slot = #krate::__private::non_empty::<__A::Error>(#slot, #json)?;
                    }
                } else {
                    present
                }
            }
            Role::Discriminator => quote! {
                if !#slot {
                    return ::core::result::Result::Err(
                        <__A::Error as #serde::de::Error>::missing_field(#json),
                    );
                }
            },
        }
    });

    let build = members
        .iter()
        .zip(&slots)
        .filter_map(|(member, slot)| match &member.role {
            Role::Field { ident, .. } => Some(quote!(#ident: #slot)),
            Role::Discriminator => None,
        });

    quote! {
        fn __read<'de, __D>(
            __deserializer: __D,
            __unknown: ::core::option::Option<&mut #krate::__private::UnknownMembers>,
        ) -> ::core::result::Result<#name, __D::Error>
        where
            __D: #serde::Deserializer<'de>,
        {
            #[allow(non_camel_case_types)]
            enum __Field<'de> {
                #(#variants,)*
                __other(#krate::__private::Key<'de>),
            }

            struct __FieldVisitor;

            impl<'de> #serde::de::Visitor<'de> for __FieldVisitor {
                type Value = __Field<'de>;

                fn expecting(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(__f, "a member name")
                }

                fn visit_borrowed_str<__E>(self, __value: &'de str) -> ::core::result::Result<__Field<'de>, __E>
                where
                    __E: #serde::de::Error,
                {
                    ::core::result::Result::Ok(match __value {
                        #(#jsons => __Field::#variants,)*
                        _ => __Field::__other(#krate::__private::Key::Borrowed(__value)),
                    })
                }

                fn visit_str<__E>(self, __value: &str) -> ::core::result::Result<__Field<'de>, __E>
                where
                    __E: #serde::de::Error,
                {
                    ::core::result::Result::Ok(match __value {
                        #(#jsons => __Field::#variants,)*
                        _ => __Field::__other(#krate::__private::Key::copied(__value)),
                    })
                }
            }

            impl<'de> #serde::Deserialize<'de> for __Field<'de> {
                fn deserialize<__D2>(__deserializer: __D2) -> ::core::result::Result<Self, __D2::Error>
                where
                    __D2: #serde::Deserializer<'de>,
                {
                    #serde::Deserializer::deserialize_identifier(__deserializer, __FieldVisitor)
                }
            }

            struct __Visitor<'__u> {
                unknown: ::core::option::Option<&'__u mut #krate::__private::UnknownMembers>,
            }

            impl<'de, '__u> #serde::de::Visitor<'de> for __Visitor<'__u> {
                type Value = #name;

                fn expecting(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(__f, #expecting)
                }

                fn visit_map<__A>(self, mut __map: __A) -> ::core::result::Result<#name, __A::Error>
                where
                    __A: #serde::de::MapAccess<'de>,
                {
                    let mut __unknown = self.unknown;
                    #(#declare)*
                    while let ::core::option::Option::Some(__key) =
                        #serde::de::MapAccess::next_key::<__Field<'de>>(&mut __map)?
                    {
                        match __key {
                            #(#arms)*
                            __Field::__other(__name) => match &mut __unknown {
                                ::core::option::Option::Some(__kept) => {
                                    #krate::__private::keep_unknown(&mut __map, __name, __kept)?;
                                }
                                ::core::option::Option::None => {
                                    #serde::de::MapAccess::next_value::<#serde::de::IgnoredAny>(&mut __map)?;
                                }
                            },
                        }
                    }
                    #(#finish)*
                    ::core::result::Result::Ok(#name { #(#build,)* })
                }
            }

            #serde::Deserializer::deserialize_map(__deserializer, __Visitor { unknown: __unknown })
        }
    }
}

/// The member records of the fields, for the object's shape.
pub(crate) fn member_records(
    krate: &TokenStream,
    fields: &[crate::ast::Field<'_>],
) -> Vec<TokenStream> {
    fields
        .iter()
        .map(|field| {
            let json = &field.json;
            let rust = field.ident.to_string();
            let rust = rust.strip_prefix("r#").unwrap_or(&rust).to_owned();
            let ty = field.ty;
            let doc = &field.doc;
            quote_spanned! {ty_span(ty)=>
                #krate::__private::Member {
                    name: #json,
                    field: #rust,
                    shape: &<#ty as #krate::__private::EventValue>::SHAPE,
                    required: !<#ty as #krate::__private::EventValue>::OPTIONAL,
                    doc: #doc,
                }
            }
        })
        .collect()
}

/// Errors about a field's type (it is not an `EventValue`) point at the type.
fn ty_span(ty: &Type) -> Span {
    syn::spanned::Spanned::span(ty)
}
