//! Ownership kinds: who owns an event (`CONTRACT.md`, section 2).
//!
//! `#[domain_event(owner = "organization")]` names the kind [`Organization`]; the macro maps the
//! string to the type of the same name in this module, so a new kind is a new type here and
//! nothing in the macro changes.

use std::fmt;

use serde::de::{self, IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::shape::{EventValue, Member, ObjectShape, Shape};

/// An ownership envelope: the payload's `owner` object.
///
/// Every defect inside it is `invalid_owner`. Implemented by [`Organization`] and [`Company`];
/// a new kind is a new type here, written like those two, and nothing in the macro changes.
///
/// ```
/// use events_core::owner::{Organization, OwnerKind};
///
/// assert_eq!(Organization::OWNERSHIP_TYPE, "organization");
/// ```
pub trait OwnerKind: EventValue + Send + Sync + 'static {
    /// The `ownershipType` literal this kind writes and demands.
    const OWNERSHIP_TYPE: &'static str;

    /// The uids that identify the owner, as `(member name, value)` pairs, for scoping and logs.
    fn uids(&self) -> Vec<(&'static str, &str)>;
}

/// Owned by an organization: `{"ownershipType": "organization", "organizationUid": …,
/// "parentCompanyUid": …}`.
///
/// ```
/// use events_core::owner::Organization;
///
/// let owner = Organization::new("org-1", "company-1");
/// assert_eq!(
///     serde_json::to_string(&owner).unwrap(),
///     r#"{"ownershipType":"organization","organizationUid":"org-1","parentCompanyUid":"company-1"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Organization {
    /// UID of the organization that owns the event.
    pub organization_uid: String,
    /// UID of the owning organization's parent company.
    pub parent_company_uid: String,
}

impl Organization {
    /// An owner from its two uids.
    pub fn new(organization_uid: impl Into<String>, parent_company_uid: impl Into<String>) -> Self {
        Organization {
            organization_uid: organization_uid.into(),
            parent_company_uid: parent_company_uid.into(),
        }
    }
}

pub(crate) const ORGANIZATION_MEMBERS: [&str; 2] = ["organizationUid", "parentCompanyUid"];

impl OwnerKind for Organization {
    const OWNERSHIP_TYPE: &'static str = "organization";

    fn uids(&self) -> Vec<(&'static str, &str)> {
        vec![
            (ORGANIZATION_MEMBERS[0], &self.organization_uid),
            (ORGANIZATION_MEMBERS[1], &self.parent_company_uid),
        ]
    }
}

impl EventValue for Organization {
    const SHAPE: Shape = Shape::Owner(&ObjectShape {
        rust_name: "Organization",
        doc: "Owned by an organization.",
        members: &[
            Member {
                name: OWNERSHIP_TYPE,
                field: "ownership_type",
                shape: &Shape::Literals(&[Organization::OWNERSHIP_TYPE]),
                required: true,
                doc: "Discriminator for the ownership envelope; always organization for these events.",
            },
            Member {
                name: ORGANIZATION_MEMBERS[0],
                field: "organization_uid",
                shape: &Shape::NonEmptyString,
                required: true,
                doc: "UID of the organization that owns the event.",
            },
            Member {
                name: ORGANIZATION_MEMBERS[1],
                field: "parent_company_uid",
                shape: &Shape::NonEmptyString,
                required: true,
                doc: "UID of the owning organization's parent company.",
            },
        ],
    });
    const __SHAPE_IS_EXACT: bool = true;
}

impl Serialize for Organization {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_owner(
            serializer,
            "Organization",
            Self::OWNERSHIP_TYPE,
            ORGANIZATION_MEMBERS,
            [&self.organization_uid, &self.parent_company_uid],
        )
    }
}

impl<'de> Deserialize<'de> for Organization {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let [organization_uid, parent_company_uid] =
            read_owner(deserializer, Self::OWNERSHIP_TYPE, ORGANIZATION_MEMBERS)?;
        Ok(Organization {
            organization_uid,
            parent_company_uid,
        })
    }
}

/// Owned by a company: `{"ownershipType": "company", "companyUid": …}`.
///
/// Declared with `#[domain_event(type = "…", owner = "company")]`.
///
/// ```
/// use events_core::owner::Company;
///
/// let owner = Company::new("company-1");
/// assert_eq!(
///     serde_json::to_string(&owner).unwrap(),
///     r#"{"ownershipType":"company","companyUid":"company-1"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Company {
    /// UID of the company that owns the event.
    pub company_uid: String,
}

impl Company {
    /// An owner from the company's uid.
    pub fn new(company_uid: impl Into<String>) -> Self {
        Company {
            company_uid: company_uid.into(),
        }
    }
}

pub(crate) const COMPANY_MEMBERS: [&str; 1] = ["companyUid"];

impl OwnerKind for Company {
    const OWNERSHIP_TYPE: &'static str = "company";

    fn uids(&self) -> Vec<(&'static str, &str)> {
        vec![(COMPANY_MEMBERS[0], &self.company_uid)]
    }
}

impl EventValue for Company {
    const SHAPE: Shape = Shape::Owner(&ObjectShape {
        rust_name: "Company",
        doc: "Owned by a company.",
        members: &[
            Member {
                name: OWNERSHIP_TYPE,
                field: "ownership_type",
                shape: &Shape::Literals(&[Company::OWNERSHIP_TYPE]),
                required: true,
                doc: "Discriminator for the ownership envelope; always company for these events.",
            },
            Member {
                name: COMPANY_MEMBERS[0],
                field: "company_uid",
                shape: &Shape::NonEmptyString,
                required: true,
                doc: "UID of the company that owns the event.",
            },
        ],
    });
    const __SHAPE_IS_EXACT: bool = true;
}

impl Serialize for Company {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_owner(
            serializer,
            "Company",
            Self::OWNERSHIP_TYPE,
            COMPANY_MEMBERS,
            [&self.company_uid],
        )
    }
}

impl<'de> Deserialize<'de> for Company {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let [company_uid] = read_owner(deserializer, Self::OWNERSHIP_TYPE, COMPANY_MEMBERS)?;
        Ok(Company { company_uid })
    }
}

const OWNERSHIP_TYPE: &str = "ownershipType";

/// Writes `{"ownershipType": literal, names[0]: values[0], …}`. Shared by every kind whose
/// members are non-empty uid strings.
fn write_owner<S: Serializer, const N: usize>(
    serializer: S,
    rust_name: &'static str,
    literal: &'static str,
    names: [&'static str; N],
    values: [&String; N],
) -> Result<S::Ok, S::Error> {
    let mut object = serializer.serialize_struct(rust_name, N + 1)?;
    object.serialize_field(OWNERSHIP_TYPE, literal)?;
    for (name, value) in names.into_iter().zip(values) {
        object.serialize_field(name, value)?;
    }
    object.end()
}

/// Reads an owner object of `literal` kind whose other members are the required, non-empty
/// strings `names`. Rejects what the contract rejects; the precise error is named afterwards
/// by the contract checker, so the messages here only need to be true.
fn read_owner<'de, D: Deserializer<'de>, const N: usize>(
    deserializer: D,
    literal: &'static str,
    names: [&'static str; N],
) -> Result<[String; N], D::Error> {
    struct OwnerVisitor<const N: usize> {
        literal: &'static str,
        names: [&'static str; N],
    }

    impl<'de, const N: usize> Visitor<'de> for OwnerVisitor<N> {
        type Value = [String; N];

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "an owner object of kind `{}`", self.literal)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut seen_literal = false;
            let mut values: [Option<String>; N] = std::array::from_fn(|_| None);
            while let Some(key) = map.next_key::<crate::__private::Key<'de>>()? {
                if key.as_str() == OWNERSHIP_TYPE {
                    if seen_literal {
                        return Err(de::Error::duplicate_field(OWNERSHIP_TYPE));
                    }
                    map.next_value_seed(crate::__private::Literal(self.literal))?;
                    seen_literal = true;
                } else if let Some(i) = self.names.iter().position(|n| *n == key.as_str()) {
                    if values[i].is_some() {
                        return Err(de::Error::duplicate_field(self.names[i]));
                    }
                    let value: String = map.next_value()?;
                    if value.is_empty() {
                        return Err(de::Error::invalid_length(0, &"a non-empty uid"));
                    }
                    values[i] = Some(value);
                } else {
                    map.next_value::<IgnoredAny>()?;
                }
            }
            if !seen_literal {
                return Err(de::Error::missing_field(OWNERSHIP_TYPE));
            }
            let mut out: [String; N] = std::array::from_fn(|_| String::new());
            for (i, value) in values.into_iter().enumerate() {
                out[i] = value.ok_or_else(|| de::Error::missing_field(self.names[i]))?;
            }
            Ok(out)
        }
    }

    deserializer.deserialize_map(OwnerVisitor { literal, names })
}
