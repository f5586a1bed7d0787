//! The source document's example is the event's contract in miniature: it decodes with every
//! member, typed and by type string, and encodes back to its compact bytes.

use events_core::{DomainEvent, Envelope, Registry};
use events_device::{ProvisioningRecipeUpdated, ProvisioningStatus};

fn example() -> &'static str {
    ProvisioningRecipeUpdated::EXAMPLE.expect("the event declares its example")
}

#[test]
fn decoding_and_encoding_the_example_gives_its_compact_bytes() {
    let event = Envelope::<ProvisioningRecipeUpdated>::from_json(example()).unwrap();
    assert_eq!(event.to_json(), events_tests::compact(example()));
}

#[test]
fn the_example_decodes_with_every_member() {
    let event = Envelope::<ProvisioningRecipeUpdated>::from_json(example()).unwrap();
    let p = &event.payload;
    assert_eq!(event.id, "string");
    assert_eq!(p.owner.organization_uid, "8429f601xxxxxxxxxxxxxxxxc54a5f56");
    assert_eq!(p.status, Some(ProvisioningStatus::Pending));
    assert_eq!(p.confirmed_ownership, Some(true));
    assert_eq!(
        p.tag_uids.as_deref(),
        Some(&["85949411xxxxxxxxxxxxxxxx631f7794".to_owned()][..])
    );
    assert_eq!(
        p.unsuccessful_register_attempt_status
            .as_ref()
            .map(|s| s.warning_message.as_str()),
        Some("Something went wrong")
    );
    assert_eq!(p.originator.as_ref().and_then(|o| o.account_id), Some(8538));
    assert_eq!(p.uid, "2dfae202xxxxxxxxxxxxxxxxcd8150f7");
}

#[test]
fn the_example_decodes_by_type_string_and_encodes_the_same() {
    let any = Registry::global()
        .unwrap()
        .decode(example().as_bytes())
        .unwrap();
    assert_eq!(any.event_type(), "Device.ProvisioningRecipeUpdated");
    assert_eq!(any.to_json(), events_tests::compact(example()));
    assert!(any.downcast::<ProvisioningRecipeUpdated>().is_ok());
}
