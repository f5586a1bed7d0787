//! Members may come in any order (CONTRACT.md section 1): a payload before `type` is read
//! once, as the type the envelope most likely has, and read again only if `type` says
//! otherwise. These cases make that guess wrong on purpose.

use events_core::{domain_event, DomainEvent, Envelope, ErrorKind, Registry};
use events_device::ProvisioningRecipeUpdated;

/// A second registered type, whose payload the guess may pick.
#[domain_event(type = "Test.Decoy")]
pub struct Decoy {
    /// Anything.
    pub note: Option<String>,
}

const OWNER: &str =
    r#"{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"}"#;

fn payload(event_type: &str) -> String {
    format!(r#"{{"owner":{OWNER},"type":"{event_type}","uid":"u"}}"#)
}

/// What one decoder made of an event: its re-encoding, or the error's kind and path.
type Outcome = Result<String, (ErrorKind, String)>;

fn both(json: &str) -> (Outcome, Outcome) {
    let typed = Envelope::<ProvisioningRecipeUpdated>::from_json(json)
        .map(|e| e.to_json())
        .map_err(|e| (e.kind(), e.path().to_owned()));
    let dynamic = Registry::global()
        .unwrap()
        .decode_str(json)
        .map(|e| e.to_json())
        .map_err(|e| (e.kind(), e.path().to_owned()));
    (typed, dynamic)
}

#[test]
fn a_payload_first_event_decodes_the_same_as_type_first() {
    let device = ProvisioningRecipeUpdated::TYPE;
    let type_first = format!(
        r#"{{"id":"1","kind":"domain","type":"{device}","payload":{}}}"#,
        payload(device)
    );
    let payload_first = format!(
        r#"{{"payload":{},"id":"1","kind":"domain","type":"{device}"}}"#,
        payload(device)
    );
    let (typed, dynamic) = both(&payload_first);
    assert_eq!(typed.unwrap(), type_first);
    assert_eq!(dynamic.unwrap(), type_first);
}

#[test]
fn a_wrong_guess_from_a_later_member_is_read_again_as_the_real_type() {
    let device = ProvisioningRecipeUpdated::TYPE;
    // The last `"type"` in the text is a decoy inside an unknown member.
    let json = format!(
        r#"{{"payload":{},"id":"1","kind":"domain","type":"{device}","meta":{{"type":"Test.Decoy"}}}}"#,
        payload(device)
    );
    let (typed, dynamic) = both(&json);
    assert!(typed.is_ok(), "{typed:?}");
    assert_eq!(dynamic.unwrap(), typed.unwrap());
}

#[test]
fn a_payload_of_another_registered_type_is_type_mismatch_whatever_the_guess() {
    let device = ProvisioningRecipeUpdated::TYPE;
    let json = format!(
        r#"{{"payload":{},"id":"1","kind":"domain","type":"{device}"}}"#,
        payload(Decoy::TYPE)
    );
    let (typed, dynamic) = both(&json);
    let expected = Err((ErrorKind::TypeMismatch, "payload.type".to_owned()));
    assert_eq!(typed, expected);
    assert_eq!(dynamic, expected);
}

#[test]
fn a_payload_read_on_a_guess_does_not_stand_without_type() {
    let device = ProvisioningRecipeUpdated::TYPE;
    let json = format!(
        r#"{{"payload":{},"id":"1","kind":"domain"}}"#,
        payload(device)
    );
    let (typed, dynamic) = both(&json);
    let expected = Err((ErrorKind::MissingField, "type".to_owned()));
    assert_eq!(typed, expected);
    assert_eq!(dynamic, expected);
}

#[test]
fn a_payload_first_event_of_an_unregistered_type_is_unknown_type() {
    let json = format!(
        r#"{{"payload":{},"id":"1","kind":"domain","type":"No.Such"}}"#,
        payload("No.Such")
    );
    let (typed, dynamic) = both(&json);
    let expected = Err((ErrorKind::UnknownType, "type".to_owned()));
    assert_eq!(typed, expected);
    assert_eq!(dynamic, expected);
}

#[test]
fn a_decoy_typed_payload_first_is_itself_when_its_type_says_so() {
    let json = format!(
        r#"{{"payload":{},"id":"1","kind":"domain","type":"Test.Decoy"}}"#,
        payload(Decoy::TYPE)
    );
    let event = Registry::global().unwrap().decode_str(&json).unwrap();
    assert!(event.is::<Decoy>());
}
