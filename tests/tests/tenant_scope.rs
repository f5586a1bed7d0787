//! A dispatcher scoped to owners: an event owned by anyone else never reaches a handler (nor
//! the fallback) and is `DispatchError::OutOfScope`, naming the owner it carried. Ownership is
//! the payload's `owner` envelope, never its `originator`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use events_core::owner::{Company, Organization};
use events_core::{
    domain_event, AsyncDispatcher, DispatchError, Dispatcher, DomainEvent, Envelope, ErrorKind,
    Originator, Registry, Scope,
};

/// Owned by an organization.
#[domain_event(type = "Test.TenantNote")]
#[derive(Debug, PartialEq)]
pub struct TenantNote {
    /// Anything.
    pub note: Option<String>,
}

/// Owned by a company.
#[domain_event(type = "Test.CompanyNote", owner = "company")]
#[derive(Debug, PartialEq)]
pub struct CompanyNote {
    /// Anything.
    pub note: Option<String>,
}

/// An organization-owned event, by `organization` of `company`.
fn note(id: &str, organization: &str, company: &str) -> Vec<u8> {
    note_by(id, organization, company, None)
}

fn note_by(id: &str, organization: &str, company: &str, by: Option<Originator>) -> Vec<u8> {
    Envelope::new(
        id,
        TenantNote {
            owner: Organization::new(organization, company),
            note: None,
            originator: by,
            uid: "n-1".into(),
        },
    )
    .to_vec()
}

/// A company-owned event.
fn company_note(id: &str, company: &str) -> Vec<u8> {
    Envelope::new(
        id,
        CompanyNote {
            owner: Company::new(company),
            note: None,
            originator: None,
            uid: "c-1".into(),
        },
    )
    .to_vec()
}

/// A dispatcher that records the id of every event any of its handlers, the fallback
/// included, is given.
fn recording(scopes: &[Scope]) -> (Dispatcher, Arc<Mutex<Vec<String>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let (notes, others) = (seen.clone(), seen.clone());
    let mut dispatcher = Dispatcher::new()
        .on(move |e: Envelope<TenantNote>| notes.lock().unwrap().push(e.id))
        .fallback(move |e| others.lock().unwrap().push(e.id().to_owned()));
    for scope in scopes {
        dispatcher = dispatcher.scoped_to(scope.clone());
    }
    (dispatcher, seen)
}

/// The owner an out-of-scope rejection names, or the test fails.
fn out_of_scope(
    err: DispatchError,
) -> (
    &'static str,
    String,
    &'static str,
    Vec<(&'static str, String)>,
) {
    match err {
        DispatchError::OutOfScope {
            event_type,
            id,
            ownership_type,
            owner,
        } => (event_type, id, ownership_type, owner),
        other => panic!("expected OutOfScope, got {other:?}"),
    }
}

fn owner(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs.iter().map(|(m, v)| (*m, (*v).to_owned())).collect()
}

use events_tests::block_on;

#[test]
fn the_envelope_exposes_its_owner_uids_and_ownership_type() {
    let registry = Registry::global().unwrap();
    let org = registry.decode(&note("1", "org-1", "co-1")).unwrap();
    assert_eq!(org.ownership_type(), "organization");
    assert_eq!(
        org.owner_uids(),
        [("organizationUid", "org-1"), ("parentCompanyUid", "co-1")]
    );
    let company = registry.decode(&company_note("2", "co-1")).unwrap();
    assert_eq!(company.ownership_type(), "company");
    assert_eq!(company.owner_uids(), [("companyUid", "co-1")]);
}

#[test]
fn an_unscoped_dispatcher_admits_every_owner() {
    let (dispatcher, seen) = recording(&[]);
    dispatcher.dispatch(&note("a", "org-1", "co-1")).unwrap();
    dispatcher.dispatch(&note("b", "org-2", "co-2")).unwrap();
    dispatcher.dispatch(&company_note("c", "co-3")).unwrap();
    assert_eq!(*seen.lock().unwrap(), ["a", "b", "c"]);
}

#[test]
fn an_event_of_the_scoped_organization_reaches_its_handler() {
    let (dispatcher, seen) = recording(&[Scope::organization("org-1")]);
    dispatcher.dispatch(&note("a", "org-1", "co-1")).unwrap();
    assert_eq!(*seen.lock().unwrap(), ["a"]);
}

#[test]
fn an_event_of_another_organization_is_rejected_naming_its_owner() {
    let (dispatcher, seen) = recording(&[Scope::organization("org-1")]);
    let err = dispatcher
        .dispatch(&note("evt-9", "org-2", "co-1"))
        .unwrap_err();
    assert!(err.rejection().is_none(), "not a contract error: {err:?}");
    assert_eq!(
        err.out_of_scope_owner(),
        Some(owner(&[("organizationUid", "org-2"), ("parentCompanyUid", "co-1")]).as_slice())
    );
    assert_eq!(
        err.to_string(),
        "event \"Test.TenantNote\" (id \"evt-9\") is outside this dispatcher's scope: \
         its owner is organization {organizationUid: \"org-2\", parentCompanyUid: \"co-1\"}"
    );
    let (event_type, id, ownership_type, _) = out_of_scope(err);
    assert_eq!(
        (event_type, id.as_str(), ownership_type),
        (TenantNote::TYPE, "evt-9", "organization")
    );
    assert!(seen.lock().unwrap().is_empty());
}

#[test]
fn an_originator_naming_the_scoped_organization_does_not_admit_another_owners_event() {
    let (dispatcher, seen) = recording(&[Scope::organization("org-1")]);
    let by_org_1 = Originator {
        account_id: Some(8538),
        organization_uid: Some("org-1".into()),
        policy_uid: None,
    };
    let event = note_by("evt-x", "org-2", "co-1", Some(by_org_1));
    assert!(std::str::from_utf8(&event)
        .unwrap()
        .contains(r#""originator":{"accountId":8538,"organizationUid":"org-1"}"#));
    let (_, id, _, owner_named) = out_of_scope(dispatcher.dispatch(&event).unwrap_err());
    assert_eq!(id, "evt-x");
    assert_eq!(owner_named[0], ("organizationUid", "org-2".to_owned()));
    assert!(seen.lock().unwrap().is_empty());
}

#[test]
fn a_parent_company_scope_admits_every_organization_of_that_company() {
    let (dispatcher, seen) = recording(&[Scope::parent_company("co-1")]);
    dispatcher.dispatch(&note("a", "org-1", "co-1")).unwrap();
    dispatcher.dispatch(&note("b", "org-2", "co-1")).unwrap();
    let (_, _, _, named) = out_of_scope(
        dispatcher
            .dispatch(&note("c", "org-1", "co-2"))
            .unwrap_err(),
    );
    assert_eq!(
        named,
        owner(&[("organizationUid", "org-1"), ("parentCompanyUid", "co-2")])
    );
    // An organization whose uid happens to be the company's is still another owner.
    assert!(dispatcher.dispatch(&note("d", "co-1", "co-2")).is_err());
    assert_eq!(*seen.lock().unwrap(), ["a", "b"]);
}

#[test]
fn a_company_scope_admits_that_companys_own_events_only() {
    let (dispatcher, seen) = recording(&[Scope::company("co-1")]);
    dispatcher.dispatch(&company_note("a", "co-1")).unwrap();
    let (event_type, _, ownership_type, named) =
        out_of_scope(dispatcher.dispatch(&company_note("b", "co-2")).unwrap_err());
    assert_eq!((event_type, ownership_type), (CompanyNote::TYPE, "company"));
    assert_eq!(named, owner(&[("companyUid", "co-2")]));
    // The company scope is exact: its organizations' events need `Scope::parent_company`.
    assert!(matches!(
        dispatcher.dispatch(&note("c", "org-1", "co-1")),
        Err(DispatchError::OutOfScope { .. })
    ));
    assert_eq!(*seen.lock().unwrap(), ["a"]);
}

#[test]
fn an_event_passes_if_its_owner_matches_any_scope() {
    let (dispatcher, seen) = recording(&[
        Scope::organization("org-1"),
        Scope::organization("org-5"),
        Scope::company("co-1"),
        Scope::parent_company("co-1"),
    ]);
    dispatcher.dispatch(&note("a", "org-1", "co-9")).unwrap();
    dispatcher.dispatch(&note("b", "org-5", "co-9")).unwrap();
    dispatcher.dispatch(&note("c", "org-7", "co-1")).unwrap();
    dispatcher.dispatch(&company_note("d", "co-1")).unwrap();
    assert!(dispatcher.dispatch(&note("e", "org-7", "co-9")).is_err());
    assert!(dispatcher.dispatch(&company_note("f", "co-9")).is_err());
    assert_eq!(*seen.lock().unwrap(), ["a", "b", "c", "d"]);
}

#[test]
fn the_fallback_is_scoped_too() {
    // TenantNote has a handler of its own; CompanyNote only reaches the fallback.
    let (dispatcher, seen) = recording(&[Scope::company("co-1")]);
    dispatcher.dispatch(&company_note("in", "co-1")).unwrap();
    let err = dispatcher
        .dispatch(&company_note("out", "co-2"))
        .unwrap_err();
    assert!(matches!(err, DispatchError::OutOfScope { .. }), "{err:?}");
    assert_eq!(*seen.lock().unwrap(), ["in"]);
}

#[test]
fn an_out_of_scope_event_without_handler_is_out_of_scope_not_unhandled() {
    let dispatcher = Dispatcher::new()
        .scoped_to(Scope::organization("org-1"))
        .on(|_: Envelope<CompanyNote>| {});
    let err = dispatcher
        .dispatch(&note("x", "org-2", "co-1"))
        .unwrap_err();
    assert!(matches!(err, DispatchError::OutOfScope { .. }), "{err:?}");
    let err = dispatcher
        .dispatch(&note("y", "org-1", "co-1"))
        .unwrap_err();
    assert!(matches!(err, DispatchError::Unhandled { .. }), "{err:?}");
}

#[test]
fn a_broken_event_is_still_the_contract_error_on_a_scoped_dispatcher() {
    let (dispatcher, seen) = recording(&[Scope::organization("org-1")]);
    let bad = String::from_utf8(note("x", "org-1", "co-1"))
        .unwrap()
        .replace(
            r#""ownershipType":"organization""#,
            r#""ownershipType":"company""#,
        );
    let err = dispatcher.dispatch(bad.as_bytes()).unwrap_err();
    assert_eq!(
        err.rejection().map(|e| (e.kind(), e.path())),
        Some((ErrorKind::InvalidOwner, "payload.owner.ownershipType"))
    );
    assert!(seen.lock().unwrap().is_empty());
}

#[test]
fn scope_values_are_compared_exactly() {
    let (dispatcher, seen) = recording(&[Scope::organization("org-1")]);
    for other in ["ORG-1", "org-1 ", "org-10", "org-"] {
        assert!(dispatcher.dispatch(&note(other, other, "co-1")).is_err());
    }
    // The same uid escaped on the wire is the same uid.
    let escaped = String::from_utf8(note("esc", "org-1", "co-1"))
        .unwrap()
        .replace(
            r#""organizationUid":"org-1""#,
            r#""organizationUid":"\u006frg-1""#,
        );
    dispatcher.dispatch(escaped.as_bytes()).unwrap();
    assert_eq!(*seen.lock().unwrap(), ["esc"]);
}

#[test]
fn an_async_dispatcher_is_scoped_the_same_way() {
    let handled = Arc::new(AtomicUsize::new(0));
    let (typed, fallback) = (handled.clone(), handled.clone());
    let dispatcher = AsyncDispatcher::new()
        .scoped_to(Scope::parent_company("co-1"))
        .scoped_to(Scope::company("co-1"))
        .on(move |_: Envelope<TenantNote>| {
            let typed = typed.clone();
            async move {
                typed.fetch_add(1, Ordering::Relaxed);
            }
        })
        .fallback(move |_| {
            let fallback = fallback.clone();
            async move {
                fallback.fetch_add(1, Ordering::Relaxed);
            }
        });
    block_on(dispatcher.dispatch(&note("a", "org-1", "co-1"))).unwrap();
    block_on(dispatcher.dispatch(&company_note("b", "co-1"))).unwrap();
    let by_org_1 = Originator {
        organization_uid: Some("org-1".into()),
        ..Originator::default()
    };
    let (_, id, _, named) = out_of_scope(
        block_on(dispatcher.dispatch(&note_by("c", "org-1", "co-2", Some(by_org_1)))).unwrap_err(),
    );
    assert_eq!(id, "c");
    assert_eq!(
        named,
        owner(&[("organizationUid", "org-1"), ("parentCompanyUid", "co-2")])
    );
    let (_, _, _, named) =
        out_of_scope(block_on(dispatcher.dispatch(&company_note("d", "co-2"))).unwrap_err());
    assert_eq!(named, owner(&[("companyUid", "co-2")]));
    assert_eq!(handled.load(Ordering::Relaxed), 2);
}
