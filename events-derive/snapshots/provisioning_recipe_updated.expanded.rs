use events_core::{domain_event, EventValue};
/// Emitted when an existing provisioning recipe is updated.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvisioningRecipeUpdated {
    #[doc = ::events_core::__private::owner_doc!()]
    pub owner: ::events_core::__private::owner::Organization,
    /// Organization that owns this provisioning recipe.
    pub organization_uid: Option<String>,
    /// Current provisioning status of the recipe.
    pub status: Option<ProvisioningStatus>,
    /// Whether device ownership has been confirmed for this recipe.
    pub confirmed_ownership: Option<bool>,
    /// Serial number of the device this recipe provisions.
    pub serial_number: Option<String>,
    /// MAC address of the device this recipe provisions.
    pub mac_address: Option<String>,
    /// Model of the device this recipe provisions.
    pub model: Option<String>,
    /// Brand (manufacturer) of the device this recipe provisions.
    pub brand: Option<String>,
    /// Tags to assign to the device once provisioned.
    pub tag_uids: Option<Vec<String>>,
    /// Human-readable name to set on the device once provisioned.
    pub device_name: Option<String>,
    /// Policy to apply to the device once provisioned.
    pub policy_uid: Option<String>,
    /// Location to assign the device to once provisioned.
    pub location_uid: Option<String>,
    /// Details of the most recent unsuccessful registration attempt, if any.
    pub unsuccessful_register_attempt_status: Option<UnsuccessfulRegisterAttemptStatus>,
    /// Error message describing why provisioning failed, if applicable.
    pub error_message: Option<String>,
    #[doc = ::events_core::__private::originator_doc!()]
    pub originator: ::core::option::Option<::events_core::__private::Originator>,
    #[doc = ::events_core::__private::uid_doc!()]
    pub uid: ::std::string::String,
}
#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
const _: () = {
    #[automatically_derived]
    impl ::events_core::__private::DomainEvent for ProvisioningRecipeUpdated {
        const TYPE: &'static str = "Device.ProvisioningRecipeUpdated";
        const RUST_TYPE: &'static str = ::core::concat!(
            ::core::module_path!(), "::", "ProvisioningRecipeUpdated"
        );
        const PAYLOAD: &'static ::events_core::__private::ObjectShape = &::events_core::__private::ObjectShape {
            rust_name: "ProvisioningRecipeUpdated",
            doc: "Emitted when an existing provisioning recipe is updated.",
            members: &[
                ::events_core::__private::Member {
                    name: "owner",
                    field: "owner",
                    shape: &<::events_core::__private::owner::Organization as ::events_core::__private::EventValue>::SHAPE,
                    required: true,
                    doc: ::events_core::__private::OWNER_DOC,
                },
                ::events_core::__private::Member {
                    name: "organizationUid",
                    field: "organization_uid",
                    shape: &<Option<
                        String,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        String,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Organization that owns this provisioning recipe.",
                },
                ::events_core::__private::Member {
                    name: "status",
                    field: "status",
                    shape: &<Option<
                        ProvisioningStatus,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        ProvisioningStatus,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Current provisioning status of the recipe.",
                },
                ::events_core::__private::Member {
                    name: "confirmedOwnership",
                    field: "confirmed_ownership",
                    shape: &<Option<
                        bool,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        bool,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Whether device ownership has been confirmed for this recipe.",
                },
                ::events_core::__private::Member {
                    name: "serialNumber",
                    field: "serial_number",
                    shape: &<Option<
                        String,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        String,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Serial number of the device this recipe provisions.",
                },
                ::events_core::__private::Member {
                    name: "macAddress",
                    field: "mac_address",
                    shape: &<Option<
                        String,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        String,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "MAC address of the device this recipe provisions.",
                },
                ::events_core::__private::Member {
                    name: "model",
                    field: "model",
                    shape: &<Option<
                        String,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        String,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Model of the device this recipe provisions.",
                },
                ::events_core::__private::Member {
                    name: "brand",
                    field: "brand",
                    shape: &<Option<
                        String,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        String,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Brand (manufacturer) of the device this recipe provisions.",
                },
                ::events_core::__private::Member {
                    name: "tagUids",
                    field: "tag_uids",
                    shape: &<Option<
                        Vec<String>,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        Vec<String>,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Tags to assign to the device once provisioned.",
                },
                ::events_core::__private::Member {
                    name: "deviceName",
                    field: "device_name",
                    shape: &<Option<
                        String,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        String,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Human-readable name to set on the device once provisioned.",
                },
                ::events_core::__private::Member {
                    name: "policyUid",
                    field: "policy_uid",
                    shape: &<Option<
                        String,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        String,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Policy to apply to the device once provisioned.",
                },
                ::events_core::__private::Member {
                    name: "locationUid",
                    field: "location_uid",
                    shape: &<Option<
                        String,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        String,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Location to assign the device to once provisioned.",
                },
                ::events_core::__private::Member {
                    name: "unsuccessfulRegisterAttemptStatus",
                    field: "unsuccessful_register_attempt_status",
                    shape: &<Option<
                        UnsuccessfulRegisterAttemptStatus,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        UnsuccessfulRegisterAttemptStatus,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Details of the most recent unsuccessful registration attempt, if any.",
                },
                ::events_core::__private::Member {
                    name: "errorMessage",
                    field: "error_message",
                    shape: &<Option<
                        String,
                    > as ::events_core::__private::EventValue>::SHAPE,
                    required: !<Option<
                        String,
                    > as ::events_core::__private::EventValue>::OPTIONAL,
                    doc: "Error message describing why provisioning failed, if applicable.",
                },
                ::events_core::__private::TYPE_MEMBER,
                ::events_core::__private::ORIGINATOR_MEMBER,
                ::events_core::__private::UID_MEMBER,
            ],
        };
        const EXAMPLE: ::core::option::Option<&'static str> = ::core::option::Option::Some(
            ::core::include_str!(
                ::core::concat!(::core::env!("CARGO_MANIFEST_DIR"), "/",
                "fixtures/Device.ProvisioningRecipeUpdated.json")
            ),
        );
        const __SHAPE_IS_EXACT: bool = true
            && <::events_core::__private::owner::Organization as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<String> as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<
                ProvisioningStatus,
            > as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<bool> as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<String> as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<String> as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<String> as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<String> as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<
                Vec<String>,
            > as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<String> as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<String> as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<String> as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<
                UnsuccessfulRegisterAttemptStatus,
            > as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <Option<String> as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <::core::option::Option<
                ::events_core::__private::Originator,
            > as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT
            && <::std::string::String as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT;
        type Owner = ::events_core::__private::owner::Organization;
        fn owner(&self) -> &::events_core::__private::owner::Organization {
            &self.owner
        }
        fn originator(
            &self,
        ) -> ::core::option::Option<&::events_core::__private::Originator> {
            ::core::option::Option::as_ref(&self.originator)
        }
        fn uid(&self) -> &str {
            &self.uid
        }
    }
    fn __write<__S>(
        __object_value: &ProvisioningRecipeUpdated,
        __unknown: &::events_core::__private::UnknownMembers,
        __serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error>
    where
        __S: ::events_core::__private::serde::Serializer,
    {
        let mut __object = ::events_core::__private::serde::Serializer::serialize_map(
            __serializer,
            ::core::option::Option::None,
        )?;
        if !<::events_core::__private::owner::Organization as ::events_core::__private::EventValue>::is_unset(
            &__object_value.owner,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "owner",
                &::events_core::__private::Wire(&__object_value.owner),
            )?;
        }
        if !<Option<
            String,
        > as ::events_core::__private::EventValue>::is_unset(
            &__object_value.organization_uid,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "organizationUid",
                &::events_core::__private::Wire(&__object_value.organization_uid),
            )?;
        }
        if !<Option<
            ProvisioningStatus,
        > as ::events_core::__private::EventValue>::is_unset(&__object_value.status) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "status",
                &::events_core::__private::Wire(&__object_value.status),
            )?;
        }
        if !<Option<
            bool,
        > as ::events_core::__private::EventValue>::is_unset(
            &__object_value.confirmed_ownership,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "confirmedOwnership",
                &::events_core::__private::Wire(&__object_value.confirmed_ownership),
            )?;
        }
        if !<Option<
            String,
        > as ::events_core::__private::EventValue>::is_unset(
            &__object_value.serial_number,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "serialNumber",
                &::events_core::__private::Wire(&__object_value.serial_number),
            )?;
        }
        if !<Option<
            String,
        > as ::events_core::__private::EventValue>::is_unset(
            &__object_value.mac_address,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "macAddress",
                &::events_core::__private::Wire(&__object_value.mac_address),
            )?;
        }
        if !<Option<
            String,
        > as ::events_core::__private::EventValue>::is_unset(&__object_value.model) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "model",
                &::events_core::__private::Wire(&__object_value.model),
            )?;
        }
        if !<Option<
            String,
        > as ::events_core::__private::EventValue>::is_unset(&__object_value.brand) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "brand",
                &::events_core::__private::Wire(&__object_value.brand),
            )?;
        }
        if !<Option<
            Vec<String>,
        > as ::events_core::__private::EventValue>::is_unset(&__object_value.tag_uids) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "tagUids",
                &::events_core::__private::Wire(&__object_value.tag_uids),
            )?;
        }
        if !<Option<
            String,
        > as ::events_core::__private::EventValue>::is_unset(
            &__object_value.device_name,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "deviceName",
                &::events_core::__private::Wire(&__object_value.device_name),
            )?;
        }
        if !<Option<
            String,
        > as ::events_core::__private::EventValue>::is_unset(
            &__object_value.policy_uid,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "policyUid",
                &::events_core::__private::Wire(&__object_value.policy_uid),
            )?;
        }
        if !<Option<
            String,
        > as ::events_core::__private::EventValue>::is_unset(
            &__object_value.location_uid,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "locationUid",
                &::events_core::__private::Wire(&__object_value.location_uid),
            )?;
        }
        if !<Option<
            UnsuccessfulRegisterAttemptStatus,
        > as ::events_core::__private::EventValue>::is_unset(
            &__object_value.unsuccessful_register_attempt_status,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "unsuccessfulRegisterAttemptStatus",
                &::events_core::__private::Wire(
                    &__object_value.unsuccessful_register_attempt_status,
                ),
            )?;
        }
        if !<Option<
            String,
        > as ::events_core::__private::EventValue>::is_unset(
            &__object_value.error_message,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "errorMessage",
                &::events_core::__private::Wire(&__object_value.error_message),
            )?;
        }
        ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
            &mut __object,
            "type",
            <ProvisioningRecipeUpdated as ::events_core::__private::DomainEvent>::TYPE,
        )?;
        if !<::core::option::Option<
            ::events_core::__private::Originator,
        > as ::events_core::__private::EventValue>::is_unset(
            &__object_value.originator,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "originator",
                &::events_core::__private::Wire(&__object_value.originator),
            )?;
        }
        if !<::std::string::String as ::events_core::__private::EventValue>::is_unset(
            &__object_value.uid,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "uid",
                &::events_core::__private::Wire(&__object_value.uid),
            )?;
        }
        ::events_core::__private::write_unknown(
            &mut __object,
            __unknown,
            &[
                "owner",
                "organizationUid",
                "status",
                "confirmedOwnership",
                "serialNumber",
                "macAddress",
                "model",
                "brand",
                "tagUids",
                "deviceName",
                "policyUid",
                "locationUid",
                "unsuccessfulRegisterAttemptStatus",
                "errorMessage",
                "type",
                "originator",
                "uid",
            ],
        )?;
        ::events_core::__private::serde::ser::SerializeMap::end(__object)
    }
    fn __read<'de, __D>(
        __deserializer: __D,
        __unknown: ::core::option::Option<&mut ::events_core::__private::UnknownMembers>,
    ) -> ::core::result::Result<ProvisioningRecipeUpdated, __D::Error>
    where
        __D: ::events_core::__private::serde::Deserializer<'de>,
    {
        #[allow(non_camel_case_types)]
        enum __Field<'de> {
            __f0,
            __f1,
            __f2,
            __f3,
            __f4,
            __f5,
            __f6,
            __f7,
            __f8,
            __f9,
            __f10,
            __f11,
            __f12,
            __f13,
            __f14,
            __f15,
            __f16,
            __other(::events_core::__private::Key<'de>),
        }
        struct __FieldVisitor;
        impl<'de> ::events_core::__private::serde::de::Visitor<'de> for __FieldVisitor {
            type Value = __Field<'de>;
            fn expecting(
                &self,
                __f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                ::core::fmt::Formatter::write_str(__f, "a member name")
            }
            fn visit_borrowed_str<__E>(
                self,
                __value: &'de str,
            ) -> ::core::result::Result<__Field<'de>, __E>
            where
                __E: ::events_core::__private::serde::de::Error,
            {
                ::core::result::Result::Ok(
                    match __value {
                        "owner" => __Field::__f0,
                        "organizationUid" => __Field::__f1,
                        "status" => __Field::__f2,
                        "confirmedOwnership" => __Field::__f3,
                        "serialNumber" => __Field::__f4,
                        "macAddress" => __Field::__f5,
                        "model" => __Field::__f6,
                        "brand" => __Field::__f7,
                        "tagUids" => __Field::__f8,
                        "deviceName" => __Field::__f9,
                        "policyUid" => __Field::__f10,
                        "locationUid" => __Field::__f11,
                        "unsuccessfulRegisterAttemptStatus" => __Field::__f12,
                        "errorMessage" => __Field::__f13,
                        "type" => __Field::__f14,
                        "originator" => __Field::__f15,
                        "uid" => __Field::__f16,
                        _ => {
                            __Field::__other(
                                ::events_core::__private::Key::Borrowed(__value),
                            )
                        }
                    },
                )
            }
            fn visit_str<__E>(
                self,
                __value: &str,
            ) -> ::core::result::Result<__Field<'de>, __E>
            where
                __E: ::events_core::__private::serde::de::Error,
            {
                ::core::result::Result::Ok(
                    match __value {
                        "owner" => __Field::__f0,
                        "organizationUid" => __Field::__f1,
                        "status" => __Field::__f2,
                        "confirmedOwnership" => __Field::__f3,
                        "serialNumber" => __Field::__f4,
                        "macAddress" => __Field::__f5,
                        "model" => __Field::__f6,
                        "brand" => __Field::__f7,
                        "tagUids" => __Field::__f8,
                        "deviceName" => __Field::__f9,
                        "policyUid" => __Field::__f10,
                        "locationUid" => __Field::__f11,
                        "unsuccessfulRegisterAttemptStatus" => __Field::__f12,
                        "errorMessage" => __Field::__f13,
                        "type" => __Field::__f14,
                        "originator" => __Field::__f15,
                        "uid" => __Field::__f16,
                        _ => {
                            __Field::__other(
                                ::events_core::__private::Key::copied(__value),
                            )
                        }
                    },
                )
            }
        }
        impl<'de> ::events_core::__private::serde::Deserialize<'de> for __Field<'de> {
            fn deserialize<__D2>(
                __deserializer: __D2,
            ) -> ::core::result::Result<Self, __D2::Error>
            where
                __D2: ::events_core::__private::serde::Deserializer<'de>,
            {
                ::events_core::__private::serde::Deserializer::deserialize_identifier(
                    __deserializer,
                    __FieldVisitor,
                )
            }
        }
        struct __Visitor<'__u> {
            unknown: ::core::option::Option<
                &'__u mut ::events_core::__private::UnknownMembers,
            >,
        }
        impl<'de, '__u> ::events_core::__private::serde::de::Visitor<'de>
        for __Visitor<'__u> {
            type Value = ProvisioningRecipeUpdated;
            fn expecting(
                &self,
                __f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                ::core::fmt::Formatter::write_str(
                    __f,
                    "a JSON object (ProvisioningRecipeUpdated)",
                )
            }
            fn visit_map<__A>(
                self,
                mut __map: __A,
            ) -> ::core::result::Result<ProvisioningRecipeUpdated, __A::Error>
            where
                __A: ::events_core::__private::serde::de::MapAccess<'de>,
            {
                let mut __unknown = self.unknown;
                let mut __v0: ::core::option::Option<
                    ::events_core::__private::owner::Organization,
                > = ::core::option::Option::None;
                let mut __v1: ::core::option::Option<Option<String>> = ::core::option::Option::None;
                let mut __v2: ::core::option::Option<Option<ProvisioningStatus>> = ::core::option::Option::None;
                let mut __v3: ::core::option::Option<Option<bool>> = ::core::option::Option::None;
                let mut __v4: ::core::option::Option<Option<String>> = ::core::option::Option::None;
                let mut __v5: ::core::option::Option<Option<String>> = ::core::option::Option::None;
                let mut __v6: ::core::option::Option<Option<String>> = ::core::option::Option::None;
                let mut __v7: ::core::option::Option<Option<String>> = ::core::option::Option::None;
                let mut __v8: ::core::option::Option<Option<Vec<String>>> = ::core::option::Option::None;
                let mut __v9: ::core::option::Option<Option<String>> = ::core::option::Option::None;
                let mut __v10: ::core::option::Option<Option<String>> = ::core::option::Option::None;
                let mut __v11: ::core::option::Option<Option<String>> = ::core::option::Option::None;
                let mut __v12: ::core::option::Option<
                    Option<UnsuccessfulRegisterAttemptStatus>,
                > = ::core::option::Option::None;
                let mut __v13: ::core::option::Option<Option<String>> = ::core::option::Option::None;
                let mut __v14: bool = false;
                let mut __v15: ::core::option::Option<
                    ::core::option::Option<::events_core::__private::Originator>,
                > = ::core::option::Option::None;
                let mut __v16: ::core::option::Option<::std::string::String> = ::core::option::Option::None;
                while let ::core::option::Option::Some(__key) = ::events_core::__private::serde::de::MapAccess::next_key::<
                    __Field<'de>,
                >(&mut __map)? {
                    match __key {
                        __Field::__f0 => {
                            if ::core::option::Option::is_some(&__v0) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "owner",
                                    ),
                                );
                            }
                            __v0 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<
                                        ::events_core::__private::owner::Organization,
                                    >,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f1 => {
                            if ::core::option::Option::is_some(&__v1) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "organizationUid",
                                    ),
                                );
                            }
                            __v1 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<String>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f2 => {
                            if ::core::option::Option::is_some(&__v2) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "status",
                                    ),
                                );
                            }
                            __v2 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<ProvisioningStatus>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f3 => {
                            if ::core::option::Option::is_some(&__v3) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "confirmedOwnership",
                                    ),
                                );
                            }
                            __v3 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<bool>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f4 => {
                            if ::core::option::Option::is_some(&__v4) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "serialNumber",
                                    ),
                                );
                            }
                            __v4 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<String>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f5 => {
                            if ::core::option::Option::is_some(&__v5) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "macAddress",
                                    ),
                                );
                            }
                            __v5 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<String>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f6 => {
                            if ::core::option::Option::is_some(&__v6) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "model",
                                    ),
                                );
                            }
                            __v6 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<String>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f7 => {
                            if ::core::option::Option::is_some(&__v7) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "brand",
                                    ),
                                );
                            }
                            __v7 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<String>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f8 => {
                            if ::core::option::Option::is_some(&__v8) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "tagUids",
                                    ),
                                );
                            }
                            __v8 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<Vec<String>>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f9 => {
                            if ::core::option::Option::is_some(&__v9) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "deviceName",
                                    ),
                                );
                            }
                            __v9 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<String>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f10 => {
                            if ::core::option::Option::is_some(&__v10) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "policyUid",
                                    ),
                                );
                            }
                            __v10 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<String>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f11 => {
                            if ::core::option::Option::is_some(&__v11) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "locationUid",
                                    ),
                                );
                            }
                            __v11 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<String>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f12 => {
                            if ::core::option::Option::is_some(&__v12) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "unsuccessfulRegisterAttemptStatus",
                                    ),
                                );
                            }
                            __v12 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<
                                        Option<UnsuccessfulRegisterAttemptStatus>,
                                    >,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f13 => {
                            if ::core::option::Option::is_some(&__v13) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "errorMessage",
                                    ),
                                );
                            }
                            __v13 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<Option<String>>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f14 => {
                            if __v14 {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "type",
                                    ),
                                );
                            }
                            ::events_core::__private::serde::de::MapAccess::next_value_seed(
                                &mut __map,
                                ::events_core::__private::Literal(
                                    <ProvisioningRecipeUpdated as ::events_core::__private::DomainEvent>::TYPE,
                                ),
                            )?;
                            __v14 = true;
                        }
                        __Field::__f15 => {
                            if ::core::option::Option::is_some(&__v15) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "originator",
                                    ),
                                );
                            }
                            __v15 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<
                                        ::core::option::Option<::events_core::__private::Originator>,
                                    >,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__f16 => {
                            if ::core::option::Option::is_some(&__v16) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "uid",
                                    ),
                                );
                            }
                            __v16 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<::std::string::String>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__other(__name) => {
                            match &mut __unknown {
                                ::core::option::Option::Some(__kept) => {
                                    ::events_core::__private::keep_unknown(
                                        &mut __map,
                                        __name,
                                        __kept,
                                    )?;
                                }
                                ::core::option::Option::None => {
                                    ::events_core::__private::serde::de::MapAccess::next_value::<
                                        ::events_core::__private::serde::de::IgnoredAny,
                                    >(&mut __map)?;
                                }
                            }
                        }
                    }
                }
                let __v0 = match __v0 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            ::events_core::__private::owner::Organization,
                            __A::Error,
                        >("owner")?
                    }
                };
                let __v1 = match __v1 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<String>,
                            __A::Error,
                        >("organizationUid")?
                    }
                };
                let __v2 = match __v2 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<ProvisioningStatus>,
                            __A::Error,
                        >("status")?
                    }
                };
                let __v3 = match __v3 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<bool>,
                            __A::Error,
                        >("confirmedOwnership")?
                    }
                };
                let __v4 = match __v4 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<String>,
                            __A::Error,
                        >("serialNumber")?
                    }
                };
                let __v5 = match __v5 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<String>,
                            __A::Error,
                        >("macAddress")?
                    }
                };
                let __v6 = match __v6 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<String>,
                            __A::Error,
                        >("model")?
                    }
                };
                let __v7 = match __v7 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<String>,
                            __A::Error,
                        >("brand")?
                    }
                };
                let __v8 = match __v8 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<Vec<String>>,
                            __A::Error,
                        >("tagUids")?
                    }
                };
                let __v9 = match __v9 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<String>,
                            __A::Error,
                        >("deviceName")?
                    }
                };
                let __v10 = match __v10 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<String>,
                            __A::Error,
                        >("policyUid")?
                    }
                };
                let __v11 = match __v11 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<String>,
                            __A::Error,
                        >("locationUid")?
                    }
                };
                let __v12 = match __v12 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<UnsuccessfulRegisterAttemptStatus>,
                            __A::Error,
                        >("unsuccessfulRegisterAttemptStatus")?
                    }
                };
                let __v13 = match __v13 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            Option<String>,
                            __A::Error,
                        >("errorMessage")?
                    }
                };
                if !__v14 {
                    return ::core::result::Result::Err(
                        <__A::Error as ::events_core::__private::serde::de::Error>::missing_field(
                            "type",
                        ),
                    );
                }
                let __v15 = match __v15 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            ::core::option::Option<::events_core::__private::Originator>,
                            __A::Error,
                        >("originator")?
                    }
                };
                let __v16 = match __v16 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            ::std::string::String,
                            __A::Error,
                        >("uid")?
                    }
                };
                let __v16 = ::events_core::__private::non_empty::<
                    __A::Error,
                >(__v16, "uid")?;
                ::core::result::Result::Ok(ProvisioningRecipeUpdated {
                    owner: __v0,
                    organization_uid: __v1,
                    status: __v2,
                    confirmed_ownership: __v3,
                    serial_number: __v4,
                    mac_address: __v5,
                    model: __v6,
                    brand: __v7,
                    tag_uids: __v8,
                    device_name: __v9,
                    policy_uid: __v10,
                    location_uid: __v11,
                    unsuccessful_register_attempt_status: __v12,
                    error_message: __v13,
                    originator: __v15,
                    uid: __v16,
                })
            }
        }
        ::events_core::__private::serde::Deserializer::deserialize_map(
            __deserializer,
            __Visitor { unknown: __unknown },
        )
    }
    #[automatically_derived]
    impl ::events_core::__private::serde::Serialize for ProvisioningRecipeUpdated {
        fn serialize<__S>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::events_core::__private::serde::Serializer,
        {
            __write(self, &::events_core::__private::NO_UNKNOWN_MEMBERS, __serializer)
        }
    }
    #[automatically_derived]
    impl<'de> ::events_core::__private::serde::Deserialize<'de>
    for ProvisioningRecipeUpdated {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::events_core::__private::serde::Deserializer<'de>,
        {
            __read(__deserializer, ::core::option::Option::None)
        }
    }
    #[automatically_derived]
    impl ::events_core::__private::Payload for ProvisioningRecipeUpdated {
        fn deserialize_payload<'de, __D>(
            __deserializer: __D,
            __unknown: ::core::option::Option<
                &mut ::events_core::__private::UnknownMembers,
            >,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::events_core::__private::serde::Deserializer<'de>,
        {
            __read(__deserializer, __unknown)
        }
        fn serialize_payload<__S>(
            &self,
            __unknown: &::events_core::__private::UnknownMembers,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::events_core::__private::serde::Serializer,
        {
            __write(self, __unknown, __serializer)
        }
    }
    ::events_core::__private::inventory::submit! {
        ::events_core::__private::descriptor:: < ProvisioningRecipeUpdated > ()
    }
};
/// Current provisioning status of the recipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EventValue)]
pub enum ProvisioningStatus {
    /// `"Pending"`.
    Pending,
    /// `"Applied"`.
    Applied,
    /// `"Failed"`.
    Failed,
    /// `"Invalid"`.
    Invalid,
}
#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
const _: () = {
    #[automatically_derived]
    impl ::events_core::__private::EventValue for ProvisioningStatus {
        const SHAPE: ::events_core::__private::Shape = ::events_core::__private::Shape::Literals(
            &["Pending", "Applied", "Failed", "Invalid"],
        );
        const __SHAPE_IS_EXACT: bool = true;
    }
    #[automatically_derived]
    impl ::events_core::__private::serde::Serialize for ProvisioningStatus {
        fn serialize<__S>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::events_core::__private::serde::Serializer,
        {
            ::events_core::__private::serde::Serializer::serialize_str(
                __serializer,
                match *self {
                    ProvisioningStatus::Pending => "Pending",
                    ProvisioningStatus::Applied => "Applied",
                    ProvisioningStatus::Failed => "Failed",
                    ProvisioningStatus::Invalid => "Invalid",
                },
            )
        }
    }
    #[automatically_derived]
    impl<'de> ::events_core::__private::serde::Deserialize<'de> for ProvisioningStatus {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::events_core::__private::serde::Deserializer<'de>,
        {
            struct __Visitor;
            impl<'de> ::events_core::__private::serde::de::Visitor<'de> for __Visitor {
                type Value = ProvisioningStatus;
                fn expecting(
                    &self,
                    __f: &mut ::core::fmt::Formatter<'_>,
                ) -> ::core::fmt::Result {
                    ::core::fmt::Formatter::write_str(
                        __f,
                        "one of \"Pending\", \"Applied\", \"Failed\", \"Invalid\"",
                    )
                }
                fn visit_str<__E>(
                    self,
                    __value: &str,
                ) -> ::core::result::Result<ProvisioningStatus, __E>
                where
                    __E: ::events_core::__private::serde::de::Error,
                {
                    match __value {
                        "Pending" => {
                            ::core::result::Result::Ok(ProvisioningStatus::Pending)
                        }
                        "Applied" => {
                            ::core::result::Result::Ok(ProvisioningStatus::Applied)
                        }
                        "Failed" => {
                            ::core::result::Result::Ok(ProvisioningStatus::Failed)
                        }
                        "Invalid" => {
                            ::core::result::Result::Ok(ProvisioningStatus::Invalid)
                        }
                        _ => {
                            ::core::result::Result::Err(
                                <__E as ::events_core::__private::serde::de::Error>::unknown_variant(
                                    __value,
                                    &["Pending", "Applied", "Failed", "Invalid"],
                                ),
                            )
                        }
                    }
                }
            }
            ::events_core::__private::serde::Deserializer::deserialize_str(
                __deserializer,
                __Visitor,
            )
        }
    }
};
/// Details of the most recent unsuccessful registration attempt, if any.
#[derive(Debug, Clone, PartialEq, Eq, Hash, EventValue)]
pub struct UnsuccessfulRegisterAttemptStatus {
    /// Human-readable reason the registration attempt did not succeed.
    pub warning_message: String,
}
#[doc(hidden)]
#[allow(non_upper_case_globals, unused_qualifications, clippy::all)]
const _: () = {
    #[automatically_derived]
    impl ::events_core::__private::EventValue for UnsuccessfulRegisterAttemptStatus {
        const SHAPE: ::events_core::__private::Shape = ::events_core::__private::Shape::Object(
            &::events_core::__private::ObjectShape {
                rust_name: "UnsuccessfulRegisterAttemptStatus",
                doc: "Details of the most recent unsuccessful registration attempt, if any.",
                members: &[
                    ::events_core::__private::Member {
                        name: "warningMessage",
                        field: "warning_message",
                        shape: &<String as ::events_core::__private::EventValue>::SHAPE,
                        required: !<String as ::events_core::__private::EventValue>::OPTIONAL,
                        doc: "Human-readable reason the registration attempt did not succeed.",
                    },
                ],
            },
        );
        const __SHAPE_IS_EXACT: bool = true
            && <String as ::events_core::__private::EventValue>::__SHAPE_IS_EXACT;
    }
    fn __write<__S>(
        __object_value: &UnsuccessfulRegisterAttemptStatus,
        __unknown: &::events_core::__private::UnknownMembers,
        __serializer: __S,
    ) -> ::core::result::Result<__S::Ok, __S::Error>
    where
        __S: ::events_core::__private::serde::Serializer,
    {
        let mut __object = ::events_core::__private::serde::Serializer::serialize_map(
            __serializer,
            ::core::option::Option::None,
        )?;
        if !<String as ::events_core::__private::EventValue>::is_unset(
            &__object_value.warning_message,
        ) {
            ::events_core::__private::serde::ser::SerializeMap::serialize_entry(
                &mut __object,
                "warningMessage",
                &::events_core::__private::Wire(&__object_value.warning_message),
            )?;
        }
        ::events_core::__private::write_unknown(
            &mut __object,
            __unknown,
            &["warningMessage"],
        )?;
        ::events_core::__private::serde::ser::SerializeMap::end(__object)
    }
    fn __read<'de, __D>(
        __deserializer: __D,
        __unknown: ::core::option::Option<&mut ::events_core::__private::UnknownMembers>,
    ) -> ::core::result::Result<UnsuccessfulRegisterAttemptStatus, __D::Error>
    where
        __D: ::events_core::__private::serde::Deserializer<'de>,
    {
        #[allow(non_camel_case_types)]
        enum __Field<'de> {
            __f0,
            __other(::events_core::__private::Key<'de>),
        }
        struct __FieldVisitor;
        impl<'de> ::events_core::__private::serde::de::Visitor<'de> for __FieldVisitor {
            type Value = __Field<'de>;
            fn expecting(
                &self,
                __f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                ::core::fmt::Formatter::write_str(__f, "a member name")
            }
            fn visit_borrowed_str<__E>(
                self,
                __value: &'de str,
            ) -> ::core::result::Result<__Field<'de>, __E>
            where
                __E: ::events_core::__private::serde::de::Error,
            {
                ::core::result::Result::Ok(
                    match __value {
                        "warningMessage" => __Field::__f0,
                        _ => {
                            __Field::__other(
                                ::events_core::__private::Key::Borrowed(__value),
                            )
                        }
                    },
                )
            }
            fn visit_str<__E>(
                self,
                __value: &str,
            ) -> ::core::result::Result<__Field<'de>, __E>
            where
                __E: ::events_core::__private::serde::de::Error,
            {
                ::core::result::Result::Ok(
                    match __value {
                        "warningMessage" => __Field::__f0,
                        _ => {
                            __Field::__other(
                                ::events_core::__private::Key::copied(__value),
                            )
                        }
                    },
                )
            }
        }
        impl<'de> ::events_core::__private::serde::Deserialize<'de> for __Field<'de> {
            fn deserialize<__D2>(
                __deserializer: __D2,
            ) -> ::core::result::Result<Self, __D2::Error>
            where
                __D2: ::events_core::__private::serde::Deserializer<'de>,
            {
                ::events_core::__private::serde::Deserializer::deserialize_identifier(
                    __deserializer,
                    __FieldVisitor,
                )
            }
        }
        struct __Visitor<'__u> {
            unknown: ::core::option::Option<
                &'__u mut ::events_core::__private::UnknownMembers,
            >,
        }
        impl<'de, '__u> ::events_core::__private::serde::de::Visitor<'de>
        for __Visitor<'__u> {
            type Value = UnsuccessfulRegisterAttemptStatus;
            fn expecting(
                &self,
                __f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                ::core::fmt::Formatter::write_str(
                    __f,
                    "a JSON object (UnsuccessfulRegisterAttemptStatus)",
                )
            }
            fn visit_map<__A>(
                self,
                mut __map: __A,
            ) -> ::core::result::Result<UnsuccessfulRegisterAttemptStatus, __A::Error>
            where
                __A: ::events_core::__private::serde::de::MapAccess<'de>,
            {
                let mut __unknown = self.unknown;
                let mut __v0: ::core::option::Option<String> = ::core::option::Option::None;
                while let ::core::option::Option::Some(__key) = ::events_core::__private::serde::de::MapAccess::next_key::<
                    __Field<'de>,
                >(&mut __map)? {
                    match __key {
                        __Field::__f0 => {
                            if ::core::option::Option::is_some(&__v0) {
                                return ::core::result::Result::Err(
                                    <__A::Error as ::events_core::__private::serde::de::Error>::duplicate_field(
                                        "warningMessage",
                                    ),
                                );
                            }
                            __v0 = ::core::option::Option::Some(
                                ::events_core::__private::serde::de::MapAccess::next_value::<
                                    ::events_core::__private::Wire<String>,
                                >(&mut __map)?
                                    .0,
                            );
                        }
                        __Field::__other(__name) => {
                            match &mut __unknown {
                                ::core::option::Option::Some(__kept) => {
                                    ::events_core::__private::keep_unknown(
                                        &mut __map,
                                        __name,
                                        __kept,
                                    )?;
                                }
                                ::core::option::Option::None => {
                                    ::events_core::__private::serde::de::MapAccess::next_value::<
                                        ::events_core::__private::serde::de::IgnoredAny,
                                    >(&mut __map)?;
                                }
                            }
                        }
                    }
                }
                let __v0 = match __v0 {
                    ::core::option::Option::Some(__value) => __value,
                    ::core::option::Option::None => {
                        ::events_core::__private::absent::<
                            String,
                            __A::Error,
                        >("warningMessage")?
                    }
                };
                ::core::result::Result::Ok(UnsuccessfulRegisterAttemptStatus {
                    warning_message: __v0,
                })
            }
        }
        ::events_core::__private::serde::Deserializer::deserialize_map(
            __deserializer,
            __Visitor { unknown: __unknown },
        )
    }
    #[automatically_derived]
    impl ::events_core::__private::serde::Serialize
    for UnsuccessfulRegisterAttemptStatus {
        fn serialize<__S>(
            &self,
            __serializer: __S,
        ) -> ::core::result::Result<__S::Ok, __S::Error>
        where
            __S: ::events_core::__private::serde::Serializer,
        {
            __write(self, &::events_core::__private::NO_UNKNOWN_MEMBERS, __serializer)
        }
    }
    #[automatically_derived]
    impl<'de> ::events_core::__private::serde::Deserialize<'de>
    for UnsuccessfulRegisterAttemptStatus {
        fn deserialize<__D>(
            __deserializer: __D,
        ) -> ::core::result::Result<Self, __D::Error>
        where
            __D: ::events_core::__private::serde::Deserializer<'de>,
        {
            __read(__deserializer, ::core::option::Option::None)
        }
    }
};
