//! Nothing lost in a relay (issue 6): an event decoded and encoded again keeps every envelope
//! and payload member it did not understand, its value unchanged, in its original order; the
//! typed fields stay typed.

use events_core::{DomainEvent, Envelope, Registry};
use events_device::ProvisioningRecipeUpdated;
use proptest::prelude::*;
use serde_json::Value;

fn example() -> &'static str {
    ProvisioningRecipeUpdated::EXAMPLE.unwrap()
}

/// The example with `extra` spliced in as the last members of the envelope and the payload.
fn with_extras(envelope: &[(String, String)], payload: &[(String, String)]) -> String {
    let compact = events_tests::compact(example());
    let members = |extras: &[(String, String)]| -> String {
        extras
            .iter()
            .map(|(name, json)| format!(",{}:{json}", serde_json::to_string(name).unwrap()))
            .collect()
    };
    // The compact example ends with `}}`: the payload's and the envelope's.
    let body = &compact[..compact.len() - 2];
    format!("{body}{}}}{}}}", members(payload), members(envelope))
}

fn extras(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect()
}

#[test]
fn unknown_members_are_written_back_exactly_typed_and_dynamic() {
    let envelope = extras(&[("traceId", r#""t-1""#), ("hops", "[1, 2.50, {\"x\":null}]")]);
    let payload = extras(&[("addedInV2", "{\"deep\": [true]}"), ("score", "1e3")]);
    let input = with_extras(&envelope, &payload);

    let typed = Envelope::<ProvisioningRecipeUpdated>::from_json(&input).unwrap();
    assert_eq!(
        typed.unknown.envelope.get("hops"),
        Some("[1, 2.50, {\"x\":null}]")
    );
    assert_eq!(typed.unknown.payload.get("score"), Some("1e3"));
    assert_eq!(typed.payload.serial_number.as_deref(), Some("SN-306311"));
    assert_eq!(typed.to_json(), input);

    let dynamic = Registry::global()
        .unwrap()
        .decode(input.as_bytes())
        .unwrap();
    assert_eq!(dynamic.to_json(), input);
    let downcast = dynamic.downcast::<ProvisioningRecipeUpdated>().unwrap();
    assert_eq!(downcast.to_json(), input);
}

#[test]
fn unknown_members_keep_their_order() {
    let payload = extras(&[("z", "1"), ("a", "2"), ("m", "3")]);
    let typed =
        Envelope::<ProvisioningRecipeUpdated>::from_json(&with_extras(&[], &payload)).unwrap();
    let names: Vec<&str> = typed.unknown.payload.iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["z", "a", "m"]);
}

#[test]
fn an_event_built_in_code_carries_nothing_unknown() {
    let typed = Envelope::<ProvisioningRecipeUpdated>::from_json(example()).unwrap();
    assert!(typed.unknown.is_empty());
    let rebuilt = Envelope::new(typed.id.clone(), typed.payload.clone());
    assert_eq!(rebuilt.to_json(), typed.to_json());
}

/// Any JSON value, as text.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Names the envelope and payload do not define (member names are compared after
/// unescaping, so any other string is unknown).
fn unknown_names(defined: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    prop::collection::btree_set(".{0,10}", 0..5).prop_map(move |names| {
        names
            .into_iter()
            .filter(|n| !defined.contains(&n.as_str()))
            .collect()
    })
}

const ENVELOPE_MEMBERS: &[&str] = &["id", "kind", "type", "payload"];

fn payload_members() -> &'static [&'static str] {
    let members: Vec<&'static str> = ProvisioningRecipeUpdated::PAYLOAD
        .members
        .iter()
        .map(|m| m.name)
        .collect();
    Box::leak(members.into_boxed_slice())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_extra_members_survive_decode_then_encode_as_equal_json(
        envelope_names in unknown_names(ENVELOPE_MEMBERS),
        payload_names in unknown_names(payload_members()),
        values in prop::collection::vec(json_value(), 10),
    ) {
        let text = |i: usize| serde_json::to_string(&values[i % values.len()]).unwrap();
        let envelope: Vec<(String, String)> =
            envelope_names.into_iter().enumerate().map(|(i, n)| (n, text(i))).collect();
        let payload: Vec<(String, String)> =
            payload_names.into_iter().enumerate().map(|(i, n)| (n, text(i + 5))).collect();
        let input = with_extras(&envelope, &payload);

        let typed = Envelope::<ProvisioningRecipeUpdated>::from_json(&input).unwrap();
        let output: Value = serde_json::from_str(&typed.to_json()).unwrap();
        let expected: Value = serde_json::from_str(&input).unwrap();
        prop_assert_eq!(&output, &expected);

        let dynamic = Registry::global().unwrap().decode(input.as_bytes()).unwrap();
        prop_assert_eq!(dynamic.to_json(), typed.to_json());
    }
}

#[test]
fn an_unknown_member_named_like_a_defined_one_is_not_written_and_the_defined_one_wins() {
    let mut event = Envelope::<ProvisioningRecipeUpdated>::from_json(example()).unwrap();
    event
        .unknown
        .envelope
        .push("type", r#""Other.Type""#)
        .unwrap();
    event.unknown.payload.push("uid", r#""other-uid""#).unwrap();
    let json = event.to_json();
    let again = Envelope::<ProvisioningRecipeUpdated>::from_json(&json).unwrap();
    assert_eq!(again.payload.uid, "2dfae202xxxxxxxxxxxxxxxxcd8150f7");
    assert_eq!(json, events_tests::compact(example()));
    let any = Registry::global().unwrap().decode_str(example()).unwrap();
    let mut typed = any.downcast::<ProvisioningRecipeUpdated>().unwrap();
    typed.unknown.envelope.push("id", r#""x""#).unwrap();
    assert_eq!(typed.to_json(), events_tests::compact(example()));
}
