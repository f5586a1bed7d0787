//! The owner literal is whatever the event declares (CONTRACT.md section 2): an event of each
//! ownership kind decodes with its own owner and rejects the other's.

use events_core::owner::{Company, Organization};
use events_core::{domain_event, DomainEvent, Envelope, ErrorKind, Registry};

/// Owned by an organization (the default kind).
#[domain_event(type = "Test.OrganizationOwned")]
#[derive(Debug, PartialEq)]
pub struct OrganizationOwned {
    /// Anything.
    pub note: Option<String>,
}

/// Owned by a company.
#[domain_event(type = "Test.CompanyOwned", owner = "company")]
#[derive(Debug, PartialEq)]
pub struct CompanyOwned {
    /// Anything.
    pub note: Option<String>,
}

const COMPANY_OWNER: &str = r#"{"ownershipType":"company","companyUid":"co-1"}"#;
const ORGANIZATION_OWNER: &str =
    r#"{"ownershipType":"organization","organizationUid":"org-1","parentCompanyUid":"co-1"}"#;

fn envelope(event_type: &str, owner: &str) -> String {
    format!(
        r#"{{"id":"1","kind":"domain","type":"{event_type}","payload":{{"owner":{owner},"type":"{event_type}","uid":"u"}}}}"#
    )
}

fn rejected(json: &str) -> (ErrorKind, String) {
    let err = Registry::global()
        .unwrap()
        .decode(json.as_bytes())
        .unwrap_err();
    (err.kind(), err.path().to_owned())
}

#[test]
fn an_organization_owned_event_round_trips_with_its_owner() {
    let event = Envelope::new(
        "1",
        OrganizationOwned {
            owner: Organization::new("org-1", "co-1"),
            note: None,
            originator: None,
            uid: "u".into(),
        },
    );
    assert_eq!(
        event.to_json(),
        envelope(OrganizationOwned::TYPE, ORGANIZATION_OWNER)
    );
    assert_eq!(
        Envelope::<OrganizationOwned>::from_json(&event.to_json()).unwrap(),
        event
    );
}

#[test]
fn a_company_owned_event_round_trips_with_its_owner() {
    let event = Envelope::new(
        "1",
        CompanyOwned {
            owner: Company::new("co-1"),
            note: None,
            originator: None,
            uid: "u".into(),
        },
    );
    assert_eq!(event.to_json(), envelope(CompanyOwned::TYPE, COMPANY_OWNER));
    assert_eq!(
        Envelope::<CompanyOwned>::from_json(&event.to_json()).unwrap(),
        event
    );
    let any = Registry::global()
        .unwrap()
        .decode(event.to_vec().as_slice())
        .unwrap();
    assert_eq!(any.descriptor().ownership_type(), "company");
}

#[test]
fn the_other_kinds_owner_is_invalid_owner_at_ownership_type() {
    assert_eq!(
        rejected(&envelope(CompanyOwned::TYPE, ORGANIZATION_OWNER)),
        (
            ErrorKind::InvalidOwner,
            "payload.owner.ownershipType".into()
        )
    );
    assert_eq!(
        rejected(&envelope(OrganizationOwned::TYPE, COMPANY_OWNER)),
        (
            ErrorKind::InvalidOwner,
            "payload.owner.ownershipType".into()
        )
    );
}

#[test]
fn a_company_owner_without_its_uid_is_invalid_owner_at_the_uid() {
    let owner = r#"{"ownershipType":"company","companyUid":""}"#;
    assert_eq!(
        rejected(&envelope(CompanyOwned::TYPE, owner)),
        (ErrorKind::InvalidOwner, "payload.owner.companyUid".into())
    );
    let owner = r#"{"ownershipType":"company"}"#;
    assert_eq!(
        rejected(&envelope(CompanyOwned::TYPE, owner)),
        (ErrorKind::InvalidOwner, "payload.owner.companyUid".into())
    );
}

#[test]
fn each_event_records_its_owner_kind() {
    let owner_literal = |shape: &events_core::ObjectShape| match shape.members[0].shape {
        events_core::Shape::Owner(owner) => owner.members[0].shape.notation(),
        other => panic!("{other:?}"),
    };
    assert_eq!(owner_literal(CompanyOwned::PAYLOAD), "\"company\"");
    assert_eq!(
        owner_literal(OrganizationOwned::PAYLOAD),
        "\"organization\""
    );
}
