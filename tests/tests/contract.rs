//! The event contract (`spec/CONTRACT.md`, sections 1 to 4), one test per rule, on the first
//! event, `Device.ProvisioningRecipeUpdated` (`events-device/spec/`).
//!
//! Every case goes through both decoders, the typed `Envelope::<ProvisioningRecipeUpdated>`
//! and the by-type-string `Registry::decode`, which must agree: both accept, or both reject
//! with the same kind at the same path. Inputs are built from the document's example; cases
//! whose bytes matter (duplicate keys, escapes, member order, broken bytes) are written as raw
//! text.

use events_core::{AnyEnvelope, DomainEvent, Envelope, Error, ErrorKind, Registry, MAX_DEPTH};
use events_device::{ProvisioningRecipeUpdated, ProvisioningStatus};
use events_tests::compact;
use serde_json::{json, Value};

/// A second registered type, so that the typed reader meets a type string it does not decode
/// but the registry does.
mod other {
    /// A test event of another type.
    #[events_core::domain_event(type = "Test.OtherEvent")]
    #[derive(Debug)]
    pub struct OtherEvent {}
}

const TYPE: &str = <ProvisioningRecipeUpdated as DomainEvent>::TYPE;

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/// The source document's example, as the fixture holds it (pretty-printed).
fn example() -> &'static str {
    ProvisioningRecipeUpdated::EXAMPLE.expect("the event declares its example")
}

fn example_value() -> Value {
    serde_json::from_str(example()).expect("the example is JSON")
}

/// The example with one change made to it.
fn edited(change: impl FnOnce(&mut Value)) -> Value {
    let mut event = example_value();
    change(&mut event);
    event
}

/// The example with the member at `pointer` (a JSON pointer) set to `value`, added if absent.
fn with(pointer: &str, value: Value) -> Value {
    edited(|event| set(event, pointer, value))
}

/// The example without the member at `pointer`.
fn without(pointer: &str) -> Value {
    edited(|event| {
        let (parent, name) = split(pointer);
        let removed = event
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .and_then(|object| object.remove(name));
        assert!(removed.is_some(), "the example has no {pointer}");
    })
}

fn set(event: &mut Value, pointer: &str, value: Value) {
    let (parent, name) = split(pointer);
    match event.pointer_mut(parent) {
        Some(Value::Object(object)) => {
            object.insert(name.to_owned(), value);
        }
        Some(Value::Array(items)) => {
            let index: usize = name.parse().expect("an array index");
            items[index] = value;
        }
        _ => panic!("the example has no object or array at {parent:?}"),
    }
}

fn split(pointer: &str) -> (&str, &str) {
    pointer.rsplit_once('/').expect("a JSON pointer")
}

/// Where the envelope's four members go when an event is written out.
#[derive(Clone, Copy)]
enum Order {
    /// `id`, `kind`, `type`, `payload`: the order of the documents.
    TypeFirst,
    /// `id`, `kind`, `payload`, `type`.
    PayloadFirst,
}

/// What to write for one member of one object: its object's JSON pointer, its name and its
/// value as written; `None` writes it as it is, `Some(texts)` writes the texts instead (none,
/// to drop it; two, to repeat it; another name, to spell it differently).
type Hook<'h> = &'h dyn Fn(&str, &str, &str) -> Option<Vec<String>>;

/// `event` as compact JSON, the envelope's members in `order` and then any others.
fn render_with(event: &Value, order: Order, hook: Hook<'_>) -> String {
    fn rank(order: Order, name: &str) -> usize {
        let names: [&str; 4] = match order {
            Order::TypeFirst => ["id", "kind", "type", "payload"],
            Order::PayloadFirst => ["id", "kind", "payload", "type"],
        };
        names.iter().position(|n| *n == name).unwrap_or(names.len())
    }
    fn go(value: &Value, pointer: &str, order: Order, hook: Hook<'_>, out: &mut String) {
        match value {
            Value::Object(object) => {
                let mut names: Vec<&String> = object.keys().collect();
                if pointer.is_empty() {
                    names.sort_by_key(|name| rank(order, name));
                }
                out.push('{');
                let mut first = true;
                for name in names {
                    let mut text = String::new();
                    go(
                        &object[name],
                        &format!("{pointer}/{name}"),
                        order,
                        hook,
                        &mut text,
                    );
                    let members = hook(pointer, name, &text)
                        .unwrap_or_else(|| vec![format!("{}:{text}", Value::from(name.as_str()))]);
                    for member in members {
                        if !first {
                            out.push(',');
                        }
                        first = false;
                        out.push_str(&member);
                    }
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    go(item, &format!("{pointer}/{i}"), order, hook, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    go(event, "", order, hook, &mut out);
    out
}

fn render(event: &Value, order: Order) -> String {
    render_with(event, order, &|_, _, _| None)
}

/// The example with the member `name` of the object at `object` (a JSON pointer) written
/// `times` times, with equal values.
fn repeated(object: &str, name: &str, times: usize) -> String {
    render_with(&example_value(), Order::TypeFirst, &|at, member, value| {
        (at == object && member == name).then(|| vec![format!("\"{member}\":{value}"); times])
    })
}

/// The example with the member `name` of the object at `object` written as `"raw"` (`raw` is
/// JSON text between the quotes, so it may hold escapes), and with `value` as the raw value
/// text if given.
fn respelled(object: &str, name: &str, raw: &str, value: Option<&str>) -> String {
    render_with(
        &example_value(),
        Order::TypeFirst,
        &|at, member, written| {
            (at == object && member == name)
                .then(|| vec![format!("\"{raw}\":{}", value.unwrap_or(written))])
        },
    )
}

/// The example with one more member, `"raw": value` (both raw JSON text), in the object at
/// `object`.
fn with_raw_member(object: &str, raw: &str, value: &str) -> String {
    let example = example_value();
    // Put it after the object's first member, so that it is neither first nor last.
    let first = example
        .pointer(object)
        .and_then(Value::as_object)
        .and_then(|o| {
            if object.is_empty() {
                Some("id".to_owned())
            } else {
                o.keys().next().cloned()
            }
        })
        .expect("an object with members");
    render_with(&example, Order::TypeFirst, &|at, member, written| {
        (at == object && *member == first).then(|| {
            vec![
                format!("{}:{written}", Value::from(member)),
                format!("\"{raw}\":{value}"),
            ]
        })
    })
}

/// The example with the value of the member `name` of the object at `object` written as the
/// raw JSON text `value`.
fn with_raw_value(object: &str, name: &str, value: &str) -> String {
    respelled(object, name, name, Some(value))
}

/// The compact example with `from` (which must occur exactly once) replaced by `to`.
fn replaced(from: &str, to: &str) -> String {
    let text = compact(example());
    assert_eq!(text.matches(from).count(), 1, "{from:?} is not unique");
    text.replacen(from, to, 1)
}

/// Nested arrays, `levels` deep: `[[…]]`.
fn nested(levels: usize) -> String {
    format!("{}{}", "[".repeat(levels), "]".repeat(levels))
}

// ---------------------------------------------------------------------------------------------
// Checks: both decoders, one answer
// ---------------------------------------------------------------------------------------------

fn show(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.chars().count() > 600 {
        let head: String = text.chars().take(600).collect();
        format!("{head}… ({} bytes)", bytes.len())
    } else {
        text.into_owned()
    }
}

fn typed(bytes: &[u8]) -> Result<Envelope<ProvisioningRecipeUpdated>, Error> {
    Envelope::<ProvisioningRecipeUpdated>::from_slice(bytes)
}

fn dynamic(bytes: &[u8]) -> Result<AnyEnvelope, Error> {
    Registry::global()
        .expect("the registry is usable")
        .decode(bytes)
}

/// What every error must be, whatever the event (section 4): a stable kind, and a sentence
/// naming what was expected and what was found; never the readers' disagreement.
#[track_caller]
fn assert_well_formed_error(error: &Error, bytes: &[u8]) {
    assert_eq!(
        error.kind().as_str().parse::<ErrorKind>(),
        Ok(error.kind()),
        "{error}"
    );
    let message = error.message();
    assert!(
        !message.trim().is_empty(),
        "empty message for {}",
        show(bytes)
    );
    assert!(
        message.contains("expected") && message.contains("found"),
        "the message does not name what was expected and what was found: {error:?}\n  for {}",
        show(bytes)
    );
    assert!(
        !message.starts_with("the event could not be read"),
        "the fast reader rejected what the contract checker accepts: {error:?}\n  for {}",
        show(bytes)
    );
}

/// Both decoders reject `bytes`, agreeing on kind and path; the error of each.
#[track_caller]
fn rejected_by_both(bytes: &[u8]) -> Error {
    let by_type = match typed(bytes) {
        Ok(_) => panic!("the typed decoder accepted {}", show(bytes)),
        Err(e) => e,
    };
    let by_registry = match dynamic(bytes) {
        Ok(_) => panic!("the registry accepted {}", show(bytes)),
        Err(e) => e,
    };
    assert_well_formed_error(&by_type, bytes);
    assert_well_formed_error(&by_registry, bytes);
    assert_eq!(
        (by_type.kind(), by_type.path()),
        (by_registry.kind(), by_registry.path()),
        "the two decoders disagree:\n  typed:    {by_type}\n  registry: {by_registry}\n  for {}",
        show(bytes)
    );
    by_registry
}

/// Both decoders reject `bytes` as `kind` (the contract's string) at `path`.
#[track_caller]
fn assert_rejected(bytes: impl AsRef<[u8]>, kind: &str, path: &str) {
    let bytes = bytes.as_ref();
    let expected: ErrorKind = kind.parse().expect("a kind of the contract");
    let error = rejected_by_both(bytes);
    assert_eq!(
        (error.kind(), error.path()),
        (expected, path),
        "wrong error: {error}\n  for {}",
        show(bytes)
    );
}

/// Both decoders reject `bytes` as one of `kinds` at `path`, and agree on which.
#[track_caller]
fn assert_rejected_as_one_of(bytes: impl AsRef<[u8]>, kinds: &[&str], path: &str) {
    let bytes = bytes.as_ref();
    let error = rejected_by_both(bytes);
    assert!(
        kinds.contains(&error.kind().as_str()) && error.path() == path,
        "expected one of {kinds:?} at {path:?}, found {error}\n  for {}",
        show(bytes)
    );
}

/// Both decoders reject `bytes` as `malformed_json`, at the member being read (`member`) or
/// with the empty path, as section 4 allows.
#[track_caller]
fn assert_malformed(bytes: impl AsRef<[u8]>, member: &str) {
    let bytes = bytes.as_ref();
    let error = rejected_by_both(bytes);
    assert!(
        error.kind() == ErrorKind::MalformedJson
            && (error.path().is_empty() || error.path() == member),
        "expected malformed_json at {member:?} or the root, found {error}\n  for {}",
        show(bytes)
    );
}

/// Both decoders accept `bytes` and read the same event; the typed one.
#[track_caller]
fn assert_accepted(bytes: impl AsRef<[u8]>) -> Envelope<ProvisioningRecipeUpdated> {
    let bytes = bytes.as_ref();
    let by_type = typed(bytes)
        .unwrap_or_else(|e| panic!("the typed decoder rejected it: {e}\n  for {}", show(bytes)));
    let by_registry = dynamic(bytes)
        .unwrap_or_else(|e| panic!("the registry rejected it: {e}\n  for {}", show(bytes)));
    assert_eq!(by_registry.event_type(), TYPE);
    assert_eq!(by_type.to_json(), by_registry.to_json());
    let by_registry = by_registry
        .downcast::<ProvisioningRecipeUpdated>()
        .expect("the registry decodes the type to its Rust type");
    assert_eq!(by_type.id, by_registry.id);
    assert_eq!(by_type.payload, by_registry.payload);
    by_type
}

/// [`assert_rejected`] on `event` written out both with `type` before `payload` and after it.
#[track_caller]
fn assert_rejected_value(event: &Value, kind: &str, path: &str) {
    for order in [Order::TypeFirst, Order::PayloadFirst] {
        assert_rejected(render(event, order), kind, path);
    }
}

/// [`assert_accepted`] on `event` written out in both orders; the typed envelope.
#[track_caller]
/// The event without what it carried beyond its type (which a relay writes back on): the
/// envelope's id and the typed payload, as the reader understood them.
fn same_event(event: &Envelope<ProvisioningRecipeUpdated>) -> (String, String) {
    let mut understood = Envelope::new(event.id.clone(), event.payload.clone());
    understood.unknown = Default::default();
    (understood.id.clone(), understood.to_json())
}

fn example_event() -> Envelope<ProvisioningRecipeUpdated> {
    Envelope::from_json(example()).unwrap()
}

fn assert_accepted_value(event: &Value) -> Envelope<ProvisioningRecipeUpdated> {
    assert_accepted(render(event, Order::PayloadFirst));
    assert_accepted(render(event, Order::TypeFirst))
}

// ---------------------------------------------------------------------------------------------
// The members of the document, for the tables below
// ---------------------------------------------------------------------------------------------

/// The JSON type the document gives a member.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Json {
    String,
    Boolean,
    /// `number`; `originator.accountId` is an integer.
    Integer,
    StringArray,
    Object,
}

/// Every member the source document and section 2 define, the envelope's included: its JSON
/// pointer in the example, its path in an error, its JSON type, and whether it is required.
const MEMBERS: &[(&str, &str, Json, bool)] = &[
    ("/id", "id", Json::String, true),
    ("/kind", "kind", Json::String, true),
    ("/type", "type", Json::String, true),
    ("/payload", "payload", Json::Object, true),
    ("/payload/owner", "payload.owner", Json::Object, true),
    (
        "/payload/owner/ownershipType",
        "payload.owner.ownershipType",
        Json::String,
        true,
    ),
    (
        "/payload/owner/organizationUid",
        "payload.owner.organizationUid",
        Json::String,
        true,
    ),
    (
        "/payload/owner/parentCompanyUid",
        "payload.owner.parentCompanyUid",
        Json::String,
        true,
    ),
    (
        "/payload/organizationUid",
        "payload.organizationUid",
        Json::String,
        false,
    ),
    ("/payload/status", "payload.status", Json::String, false),
    (
        "/payload/confirmedOwnership",
        "payload.confirmedOwnership",
        Json::Boolean,
        false,
    ),
    (
        "/payload/serialNumber",
        "payload.serialNumber",
        Json::String,
        false,
    ),
    (
        "/payload/macAddress",
        "payload.macAddress",
        Json::String,
        false,
    ),
    ("/payload/model", "payload.model", Json::String, false),
    ("/payload/brand", "payload.brand", Json::String, false),
    (
        "/payload/tagUids",
        "payload.tagUids",
        Json::StringArray,
        false,
    ),
    (
        "/payload/deviceName",
        "payload.deviceName",
        Json::String,
        false,
    ),
    (
        "/payload/policyUid",
        "payload.policyUid",
        Json::String,
        false,
    ),
    (
        "/payload/locationUid",
        "payload.locationUid",
        Json::String,
        false,
    ),
    (
        "/payload/unsuccessfulRegisterAttemptStatus",
        "payload.unsuccessfulRegisterAttemptStatus",
        Json::Object,
        false,
    ),
    (
        "/payload/unsuccessfulRegisterAttemptStatus/warningMessage",
        "payload.unsuccessfulRegisterAttemptStatus.warningMessage",
        Json::String,
        true,
    ),
    (
        "/payload/errorMessage",
        "payload.errorMessage",
        Json::String,
        false,
    ),
    ("/payload/type", "payload.type", Json::String, true),
    (
        "/payload/originator",
        "payload.originator",
        Json::Object,
        false,
    ),
    (
        "/payload/originator/accountId",
        "payload.originator.accountId",
        Json::Integer,
        false,
    ),
    (
        "/payload/originator/organizationUid",
        "payload.originator.organizationUid",
        Json::String,
        false,
    ),
    (
        "/payload/originator/policyUid",
        "payload.originator.policyUid",
        Json::String,
        false,
    ),
    ("/payload/uid", "payload.uid", Json::String, true),
];

/// Values of every JSON type but `null`, each with the document's type it has.
fn values_of_every_type() -> Vec<(Value, Json)> {
    vec![
        (json!("text"), Json::String),
        (json!(""), Json::String),
        (json!(true), Json::Boolean),
        (json!(false), Json::Boolean),
        (json!(0), Json::Integer),
        (json!(7), Json::Integer),
        (json!(1.5), Json::Integer),
        (json!([]), Json::StringArray),
        (json!(["text"]), Json::StringArray),
        (json!([1]), Json::StringArray),
        (json!({}), Json::Object),
        (json!({"warningMessage": "text"}), Json::Object),
    ]
}

/// Whether an error at `path` is about the owner, whose every defect is `invalid_owner`.
fn in_owner(path: &str) -> bool {
    path == "payload.owner" || path.starts_with("payload.owner.")
}

// ---------------------------------------------------------------------------------------------
// Section 1: the envelope
// ---------------------------------------------------------------------------------------------

#[test]
fn the_example_is_accepted_by_both_decoders() {
    let event = assert_accepted(example());
    let p = &event.payload;
    assert_eq!(event.id, "string");
    assert_eq!(p.owner.organization_uid, "8429f601xxxxxxxxxxxxxxxxc54a5f56");
    assert_eq!(
        p.owner.parent_company_uid,
        "e990a597xxxxxxxxxxxxxxxxc6430ef4"
    );
    assert_eq!(p.status, Some(ProvisioningStatus::Pending));
    assert_eq!(p.uid, "2dfae202xxxxxxxxxxxxxxxxcd8150f7");
    assert_accepted(compact(example()));
    assert_accepted_value(&example_value());
}

#[test]
fn a_valid_event_round_trips_to_its_compact_bytes() {
    let expected = compact(example());
    let by_type = Envelope::<ProvisioningRecipeUpdated>::from_slice(example().as_bytes()).unwrap();
    assert_eq!(by_type.to_json(), expected);
    assert_eq!(String::from_utf8(by_type.to_vec()).unwrap(), expected);
    let by_registry = dynamic(example().as_bytes()).unwrap();
    assert_eq!(by_registry.to_json(), expected);
    // And what is written is read back as the same event.
    let again = assert_accepted(by_type.to_json());
    assert_eq!(again.payload, by_type.payload);
    assert_eq!(again.to_json(), expected);
}

#[test]
fn envelope_id_absent_is_missing_field() {
    assert_rejected_value(&without("/id"), "missing_field", "id");
}

#[test]
fn envelope_id_empty_is_invalid_value() {
    assert_rejected_value(&with("/id", json!("")), "invalid_value", "id");
}

#[test]
fn envelope_id_of_any_other_json_type_is_invalid_type() {
    for value in [json!(1), json!(true), json!([]), json!(["id"]), json!({})] {
        assert_rejected_value(&with("/id", value), "invalid_type", "id");
    }
}

#[test]
fn envelope_id_any_non_empty_string_is_valid() {
    for id in [" ", "0", "string", "évènement", "a\"b", "\u{1F600}"] {
        let event = assert_accepted_value(&with("/id", json!(id)));
        assert_eq!(event.id, id);
    }
}

#[test]
fn kind_absent_is_missing_field() {
    assert_rejected_value(&without("/kind"), "missing_field", "kind");
}

#[test]
fn kind_other_than_domain_is_invalid_value_at_kind() {
    for kind in [
        "",
        "Domain",
        "DOMAIN",
        "domain ",
        " domain",
        "integration",
        "domains",
    ] {
        assert_rejected_value(&with("/kind", json!(kind)), "invalid_value", "kind");
    }
}

#[test]
fn kind_of_another_json_type_is_invalid_type_at_kind() {
    for value in [
        json!(1),
        json!(false),
        json!(["domain"]),
        json!({"domain": 1}),
    ] {
        assert_rejected_value(&with("/kind", value), "invalid_type", "kind");
    }
}

#[test]
fn kind_escaped_domain_is_domain() {
    for raw in [
        r#""\u0064omain""#,
        r#""d\u006Fm\u0061in""#,
        r#""\u0064\u006f\u006d\u0061\u0069\u006e""#,
    ] {
        assert_accepted(with_raw_value("", "kind", raw));
    }
    // Escaped, but another string.
    assert_rejected(
        with_raw_value("", "kind", r#""\u0044omain""#),
        "invalid_value",
        "kind",
    );
}

#[test]
fn envelope_type_absent_is_missing_field() {
    assert_rejected_value(&without("/type"), "missing_field", "type");
}

#[test]
fn envelope_type_of_another_json_type_is_invalid_type_at_type() {
    for value in [json!(1), json!(true), json!([TYPE]), json!({"type": TYPE})] {
        assert_rejected_value(&with("/type", value), "invalid_type", "type");
    }
}

#[test]
fn unregistered_type_is_unknown_type_at_type() {
    for event_type in [
        "",
        "Device.NoSuchEvent",
        "device.provisioningrecipeupdated",
        "Device.ProvisioningRecipeUpdated ",
        "ProvisioningRecipeUpdated",
    ] {
        // The payload names the same type, so that nothing but the registration is wrong.
        let event = edited(|e| {
            set(e, "/type", json!(event_type));
            set(e, "/payload/type", json!(event_type));
        });
        assert_rejected_value(&event, "unknown_type", "type");
    }
}

#[test]
fn unknown_type_leaves_the_payload_unexamined() {
    for payload in [
        json!({}),
        json!(null),
        json!(5),
        json!({"owner": null, "uid": ""}),
    ] {
        let event = edited(|e| {
            set(e, "/type", json!("Device.NoSuchEvent"));
            set(e, "/payload", payload);
        });
        assert_rejected_value(&event, "unknown_type", "type");
    }
    // Absent too.
    let event = edited(|e| {
        set(e, "/type", json!("Device.NoSuchEvent"));
        e.as_object_mut().unwrap().remove("payload");
    });
    assert_rejected_value(&event, "unknown_type", "type");
}

#[test]
fn typed_decode_of_another_registered_type_is_unknown_type_at_type() {
    let other = edited(|e| {
        set(e, "/type", json!("Test.OtherEvent"));
        set(e, "/payload/type", json!("Test.OtherEvent"));
    });
    for order in [Order::TypeFirst, Order::PayloadFirst] {
        let bytes = render(&other, order);
        let error = typed(bytes.as_bytes()).unwrap_err();
        assert_well_formed_error(&error, bytes.as_bytes());
        assert_eq!(
            (error.kind(), error.path()),
            (ErrorKind::UnknownType, "type")
        );
        // The registry knows the type, and reads it as that type.
        let any = dynamic(bytes.as_bytes()).unwrap();
        assert_eq!(any.event_type(), "Test.OtherEvent");
        assert!(any.is::<other::OtherEvent>());
    }
}

#[test]
fn payload_type_of_another_registered_type_is_type_mismatch_by_type_string() {
    // The envelope names the other event; the payload, this one.
    let event = edited(|e| set(e, "/type", json!("Test.OtherEvent")));
    for order in [Order::TypeFirst, Order::PayloadFirst] {
        let bytes = render(&event, order);
        let error = dynamic(bytes.as_bytes()).unwrap_err();
        assert_well_formed_error(&error, bytes.as_bytes());
        assert_eq!(
            (error.kind(), error.path()),
            (ErrorKind::TypeMismatch, "payload.type")
        );
        // The typed reader knows only its own type.
        let error = typed(bytes.as_bytes()).unwrap_err();
        assert_well_formed_error(&error, bytes.as_bytes());
        assert_eq!(
            (error.kind(), error.path()),
            (ErrorKind::UnknownType, "type")
        );
    }
}

#[test]
fn payload_absent_is_missing_field() {
    assert_rejected_value(&without("/payload"), "missing_field", "payload");
}

#[test]
fn payload_of_another_json_type_is_invalid_type() {
    for value in [
        json!("payload"),
        json!(1),
        json!(true),
        json!([]),
        json!([{}]),
    ] {
        assert_rejected_value(&with("/payload", value), "invalid_type", "payload");
    }
}

#[test]
fn payload_before_type_is_valid() {
    let payload_first = render(&example_value(), Order::PayloadFirst);
    assert!(payload_first.find("\"payload\"") < payload_first.find("\"type\""));
    let event = assert_accepted(&payload_first);
    assert_eq!(event.to_json(), compact(example()));
}

#[test]
fn envelope_members_in_any_order_are_valid() {
    let event = example_value();
    let text = |name: &str| format!("\"{name}\":{}", compact(&event[name].to_string()));
    let names = ["id", "kind", "type", "payload"];
    let mut count = 0;
    for a in 0..4 {
        for b in 0..4 {
            for c in 0..4 {
                for d in 0..4 {
                    let order = [a, b, c, d];
                    if (0..4).any(|i| !order.contains(&i)) {
                        continue;
                    }
                    let members: Vec<String> = order.iter().map(|&i| text(names[i])).collect();
                    let bytes = format!("{{{}}}", members.join(","));
                    let decoded = assert_accepted(&bytes);
                    assert_eq!(decoded.to_json(), compact(example()));
                    // With an unknown member between each of them.
                    let spaced = format!("{{\"x\":0,{},\"y\":[]}}", members.join(",\"z\":{},"));
                    assert_accepted(&spaced);
                    count += 1;
                }
            }
        }
    }
    assert_eq!(count, 24);
}

#[test]
fn unknown_envelope_members_are_ignored() {
    for (name, value) in [
        ("version", json!(2)),
        ("metadata", json!({"trace": [1, 2, {"a": null}]})),
        ("uid", json!(null)),
        ("owner", json!("nobody")),
        ("Payload", json!(5)),
        ("ID", json!("")),
        ("", json!(true)),
    ] {
        let event = assert_accepted_value(&with(&format!("/{name}"), value));
        assert_eq!(same_event(&event), same_event(&example_event()));
    }
}

#[test]
fn white_space_around_and_between_tokens_is_valid() {
    assert_accepted(format!(" \t\r\n{}\n\r\t ", example()));
    let spaced = compact(example())
        .replace("\":", "\" :\t")
        .replace("\",", "\"\r\n,  ")
        .replace('{', "{ ")
        .replace('[', "[\n");
    assert_ne!(spaced, compact(example()));
    let event = assert_accepted(spaced);
    assert_eq!(event.to_json(), compact(example()));
}

#[test]
fn other_white_space_is_not_json() {
    for space in [
        "\u{c}", "\u{b}", "\u{a0}", "\u{2028}", "\u{3000}", "\u{feff}",
    ] {
        assert_malformed(
            replaced(r#""kind":"domain""#, &format!(r#""kind":{space}"domain""#)),
            "",
        );
        assert_malformed(format!("{}{space}", compact(example())), "");
    }
}

// ---------------------------------------------------------------------------------------------
// Section 2: the members every payload carries
// ---------------------------------------------------------------------------------------------

#[test]
fn owner_absent_is_invalid_owner() {
    assert_rejected_value(&without("/payload/owner"), "invalid_owner", "payload.owner");
}

#[test]
fn owner_null_is_invalid_owner() {
    assert_rejected_value(
        &with("/payload/owner", json!(null)),
        "invalid_owner",
        "payload.owner",
    );
}

#[test]
fn owner_of_another_json_type_is_invalid_owner() {
    for value in [
        json!("organization"),
        json!(1),
        json!(true),
        json!([]),
        json!([{}]),
    ] {
        assert_rejected_value(
            &with("/payload/owner", value),
            "invalid_owner",
            "payload.owner",
        );
    }
}

#[test]
fn ownership_type_wrong_literal_is_invalid_owner_at_its_path() {
    for literal in [
        "company",
        "Organization",
        "ORGANIZATION",
        "organization ",
        "",
    ] {
        assert_rejected_value(
            &with("/payload/owner/ownershipType", json!(literal)),
            "invalid_owner",
            "payload.owner.ownershipType",
        );
    }
}

#[test]
fn ownership_type_absent_null_or_not_a_string_is_invalid_owner_at_its_path() {
    let path = "payload.owner.ownershipType";
    assert_rejected_value(
        &without("/payload/owner/ownershipType"),
        "invalid_owner",
        path,
    );
    for value in [
        json!(null),
        json!(1),
        json!(true),
        json!(["organization"]),
        json!({}),
    ] {
        assert_rejected_value(
            &with("/payload/owner/ownershipType", value),
            "invalid_owner",
            path,
        );
    }
}

#[test]
fn ownership_type_escaped_is_compared_after_unescaping() {
    assert_accepted(with_raw_value(
        "/payload/owner",
        "ownershipType",
        r#""\u006frganization""#,
    ));
    assert_rejected(
        with_raw_value("/payload/owner", "ownershipType", r#""\u004frganization""#),
        "invalid_owner",
        "payload.owner.ownershipType",
    );
}

#[test]
fn owner_uids_absent_null_empty_or_not_strings_are_invalid_owner_at_their_paths() {
    for name in ["organizationUid", "parentCompanyUid"] {
        let pointer = format!("/payload/owner/{name}");
        let path = format!("payload.owner.{name}");
        assert_rejected_value(&without(&pointer), "invalid_owner", &path);
        for value in [
            json!(null),
            json!(""),
            json!(1),
            json!(false),
            json!(["x"]),
            json!({}),
        ] {
            assert_rejected_value(&with(&pointer, value), "invalid_owner", &path);
        }
    }
}

#[test]
fn owner_uids_any_non_empty_string_is_valid() {
    let event = edited(|e| {
        set(e, "/payload/owner/organizationUid", json!(" "));
        set(e, "/payload/owner/parentCompanyUid", json!("not-a-uid"));
    });
    let decoded = assert_accepted_value(&event);
    assert_eq!(decoded.payload.owner.organization_uid, " ");
}

#[test]
fn payload_type_absent_is_missing_field() {
    assert_rejected_value(&without("/payload/type"), "missing_field", "payload.type");
}

#[test]
fn payload_type_of_another_json_type_is_invalid_type() {
    for value in [json!(1), json!(true), json!([TYPE]), json!({})] {
        assert_rejected_value(
            &with("/payload/type", value),
            "invalid_type",
            "payload.type",
        );
    }
}

#[test]
fn payload_type_differs_is_type_mismatch() {
    for other in [
        "Device.ProvisioningRecipeCreated",
        "Test.OtherEvent",
        "",
        " Device.ProvisioningRecipeUpdated",
        "Device.ProvisioningRecipeUpdated\u{0}",
    ] {
        assert_rejected_value(
            &with("/payload/type", json!(other)),
            "type_mismatch",
            "payload.type",
        );
    }
}

#[test]
fn payload_type_differs_only_in_case_is_type_mismatch() {
    for other in [
        "device.ProvisioningRecipeUpdated",
        "Device.provisioningRecipeUpdated",
        "DEVICE.PROVISIONINGRECIPEUPDATED",
    ] {
        assert_rejected_value(
            &with("/payload/type", json!(other)),
            "type_mismatch",
            "payload.type",
        );
    }
}

#[test]
fn escaped_but_equal_type_strings_are_accepted() {
    let escaped = r#""Device.Provisioning\u0052ecipeUpdated""#;
    let slashed = r#""Device\u002EProvisioningRecipeUpdated""#;
    // The envelope's, the payload's, and both.
    for raw in [escaped, slashed] {
        let envelope = with_raw_value("", "type", raw);
        let payload = with_raw_value("/payload", "type", raw);
        let both = envelope.replacen(
            &format!("\"type\":\"{TYPE}\",\"uid\""),
            &format!("\"type\":{raw},\"uid\""),
            1,
        );
        assert_ne!(both, envelope);
        for bytes in [envelope, payload, both] {
            let event = assert_accepted(&bytes);
            assert_eq!(event.to_json(), compact(example()));
        }
    }
    // Payload first, so that the payload is read after the escaped type.
    let payload_first = render_with(&example_value(), Order::PayloadFirst, &|at, name, _| {
        (name == "type")
            .then(|| vec![format!("\"type\":{escaped}")])
            .filter(|_| at.is_empty() || at == "/payload")
    });
    assert_accepted(payload_first);
    // Escaped, and different after unescaping.
    assert_rejected(
        with_raw_value(
            "/payload",
            "type",
            r#""Device.Provisioning\u0072ecipeUpdated""#,
        ),
        "type_mismatch",
        "payload.type",
    );
    assert_rejected(
        with_raw_value("", "type", r#""Device.Provisioning\u0072ecipeUpdated""#),
        "unknown_type",
        "type",
    );
}

#[test]
fn originator_absent_or_null_is_unset() {
    let event = assert_accepted_value(&without("/payload/originator"));
    assert_eq!(event.payload.originator, None);
    let event = assert_accepted_value(&with("/payload/originator", json!(null)));
    assert_eq!(event.payload.originator, None);
}

#[test]
fn originator_members_are_each_optional() {
    let event = assert_accepted_value(&with("/payload/originator", json!({})));
    assert_eq!(event.payload.originator, Some(Default::default()));
    for name in ["accountId", "organizationUid", "policyUid"] {
        assert_accepted_value(&without(&format!("/payload/originator/{name}")));
        assert_accepted_value(&with(&format!("/payload/originator/{name}"), json!(null)));
    }
    let event = assert_accepted_value(&with("/payload/originator", json!({"accountId": null})));
    assert_eq!(event.payload.originator.unwrap().account_id, None);
}

#[test]
fn originator_of_another_json_type_is_invalid_type() {
    for value in [
        json!("me"),
        json!(8538),
        json!(true),
        json!([]),
        json!([{}]),
    ] {
        assert_rejected_value(
            &with("/payload/originator", value),
            "invalid_type",
            "payload.originator",
        );
    }
}

#[test]
fn account_id_is_an_integer() {
    for (value, expected) in [
        (json!(0), 0),
        (json!(-1), -1),
        (json!(8538), 8538),
        (json!(i64::MAX), i64::MAX),
        (json!(i64::MIN), i64::MIN),
    ] {
        let event = assert_accepted_value(&with("/payload/originator/accountId", value));
        assert_eq!(event.payload.originator.unwrap().account_id, Some(expected));
    }
}

#[test]
fn account_id_minus_zero_is_the_integer_zero() {
    // Written without fraction or exponent, and it fits: an integer, 0.
    for bytes in [
        with_raw_value("/payload/originator", "accountId", "-0"),
        with_raw_value("/payload/originator", "accountId", " -0 "),
        render_with(&example_value(), Order::PayloadFirst, &|at, name, _| {
            (at == "/payload/originator" && name == "accountId")
                .then(|| vec![r#""accountId":-0"#.to_owned()])
        }),
    ] {
        let event = assert_accepted(&bytes);
        assert_eq!(event.payload.originator.unwrap().account_id, Some(0));
    }
    // `-0` where nothing reads it, beside the one that is read.
    let bytes = with_raw_value("/payload/originator", "accountId", "-0");
    let bytes = bytes.replacen(r#""id":"string""#, r#""id":"string","x":[-0,{"y":-0}]"#, 1);
    assert_accepted(&bytes);
    // And with another defect, that defect is reported.
    let bytes = bytes.replacen(r#""status":"Pending""#, r#""status":"pending""#, 1);
    assert_rejected(&bytes, "invalid_value", "payload.status");
    let bytes = with_raw_value("/payload/originator", "accountId", "-0").replacen(
        r#""uid":"2dfae202xxxxxxxxxxxxxxxxcd8150f7""#,
        r#""uid":"""#,
        1,
    );
    assert_rejected(&bytes, "invalid_value", "payload.uid");
    // Written with a fraction or an exponent it is still of the wrong type.
    for raw in ["-0.0", "-0e0", "-0E-0"] {
        assert_rejected(
            with_raw_value("/payload/originator", "accountId", raw),
            "invalid_type",
            "payload.originator.accountId",
        );
    }
}

#[test]
fn account_id_with_fraction_or_exponent_is_invalid_type() {
    for raw in [
        "8538.0",
        "8538.5",
        "0.0",
        "-0.0",
        "1e3",
        "1E3",
        "1e+3",
        "1e-3",
        "8.538e3",
        "0e0",
        "-1.0",
        "1e400",
        "1.5e-400",
        "9223372036854775807.0",
        "9.3e18",
    ] {
        assert_rejected(
            with_raw_value("/payload/originator", "accountId", raw),
            "invalid_type",
            "payload.originator.accountId",
        );
    }
}

#[test]
fn account_id_out_of_i64_range_is_rejected() {
    for raw in [
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551615",
        "18446744073709551616",
        "-18446744073709551616",
        "100000000000000000000000000000",
        "-100000000000000000000000000000",
    ] {
        assert_rejected_as_one_of(
            with_raw_value("/payload/originator", "accountId", raw),
            &["invalid_value", "invalid_type"],
            "payload.originator.accountId",
        );
    }
}

#[test]
fn originator_strings_of_another_json_type_are_invalid_type() {
    for name in ["organizationUid", "policyUid"] {
        for value in [json!(1), json!(true), json!(["x"]), json!({})] {
            assert_rejected_value(
                &with(&format!("/payload/originator/{name}"), value),
                "invalid_type",
                &format!("payload.originator.{name}"),
            );
        }
    }
}

#[test]
fn uid_absent_is_missing_field() {
    assert_rejected_value(&without("/payload/uid"), "missing_field", "payload.uid");
}

#[test]
fn uid_empty_is_invalid_value() {
    assert_rejected_value(
        &with("/payload/uid", json!("")),
        "invalid_value",
        "payload.uid",
    );
}

#[test]
fn uid_of_another_json_type_is_invalid_type() {
    for value in [json!(1), json!(true), json!(["uid"]), json!({})] {
        assert_rejected_value(&with("/payload/uid", value), "invalid_type", "payload.uid");
    }
}

// ---------------------------------------------------------------------------------------------
// Section 3: values
// ---------------------------------------------------------------------------------------------

#[test]
fn null_optional_is_unset() {
    let mut all_null = example_value();
    for &(pointer, _, _, required) in MEMBERS {
        if required {
            continue;
        }
        // Each on its own ...
        let event = assert_accepted_value(&with(pointer, json!(null)));
        // ... is the same as leaving it out.
        assert_eq!(
            event.payload,
            assert_accepted_value(&without(pointer)).payload,
            "{pointer}"
        );
        if pointer.matches('/').count() == 2 {
            set(&mut all_null, pointer, json!(null));
        }
    }
    // ... and all at once.
    let event = assert_accepted_value(&all_null);
    let p = &event.payload;
    assert_eq!(p.organization_uid, None);
    assert_eq!(p.status, None);
    assert_eq!(p.confirmed_ownership, None);
    assert_eq!(p.serial_number, None);
    assert_eq!(p.mac_address, None);
    assert_eq!(p.model, None);
    assert_eq!(p.brand, None);
    assert_eq!(p.tag_uids, None);
    assert_eq!(p.device_name, None);
    assert_eq!(p.policy_uid, None);
    assert_eq!(p.location_uid, None);
    assert_eq!(p.unsuccessful_register_attempt_status, None);
    assert_eq!(p.error_message, None);
    assert_eq!(p.originator, None);
    // Unset members are left out when writing.
    let written = event.to_json();
    assert_eq!(
        written,
        r#"{"id":"string","kind":"domain","type":"Device.ProvisioningRecipeUpdated","payload":{"owner":{"ownershipType":"organization","organizationUid":"8429f601xxxxxxxxxxxxxxxxc54a5f56","parentCompanyUid":"e990a597xxxxxxxxxxxxxxxxc6430ef4"},"type":"Device.ProvisioningRecipeUpdated","uid":"2dfae202xxxxxxxxxxxxxxxxcd8150f7"}}"#
    );
    assert_accepted(written);
}

#[test]
fn absent_optionals_leave_a_minimal_event_valid() {
    let minimal = json!({
        "id": "e",
        "kind": "domain",
        "type": TYPE,
        "payload": {
            "owner": {"ownershipType": "organization", "organizationUid": "o", "parentCompanyUid": "c"},
            "type": TYPE,
            "uid": "u"
        }
    });
    let event = assert_accepted_value(&minimal);
    assert_eq!(
        event.to_json(),
        r#"{"id":"e","kind":"domain","type":"Device.ProvisioningRecipeUpdated","payload":{"owner":{"ownershipType":"organization","organizationUid":"o","parentCompanyUid":"c"},"type":"Device.ProvisioningRecipeUpdated","uid":"u"}}"#
    );
}

#[test]
fn required_null_is_missing_field() {
    for &(pointer, path, _, required) in MEMBERS {
        if !required {
            continue;
        }
        let kind = if in_owner(path) {
            "invalid_owner"
        } else {
            "missing_field"
        };
        assert_rejected_value(&with(pointer, json!(null)), kind, path);
    }
}

#[test]
fn each_required_member_absent_is_missing_field() {
    for &(pointer, path, _, required) in MEMBERS {
        if !required {
            continue;
        }
        let kind = if in_owner(path) {
            "invalid_owner"
        } else {
            "missing_field"
        };
        assert_rejected_value(&without(pointer), kind, path);
    }
}

#[test]
fn each_member_of_the_wrong_json_type_is_invalid_type_at_its_path() {
    for &(pointer, path, json_type, _) in MEMBERS {
        for (value, value_type) in values_of_every_type() {
            if value_type == json_type {
                continue;
            }
            let kind = if in_owner(path) {
                "invalid_owner"
            } else {
                "invalid_type"
            };
            // An unknown type string is `unknown_type` whatever the payload holds, so keep
            // the envelope's type a string here.
            assert_rejected_value(&with(pointer, value.clone()), kind, path);
        }
    }
}

#[test]
fn tag_uid_of_wrong_type_reports_its_index() {
    let tags = |third: Value| with("/payload/tagUids", json!(["a", "b", third, "d"]));
    for value in [json!(3), json!(null), json!(true), json!(["c"]), json!({})] {
        assert_rejected_value(&tags(value), "invalid_type", "payload.tagUids[2]");
    }
    assert_rejected_value(
        &with("/payload/tagUids", json!([1])),
        "invalid_type",
        "payload.tagUids[0]",
    );
}

#[test]
fn tag_uids_of_any_strings_are_valid() {
    for tags in [json!([]), json!([""]), json!(["a", "a", "b"])] {
        let event = assert_accepted_value(&with("/payload/tagUids", tags.clone()));
        assert_eq!(
            json!(event.payload.tag_uids.unwrap()),
            tags,
            "tagUids are kept as written"
        );
    }
}

#[test]
fn status_each_literal_is_valid() {
    for (literal, status) in [
        ("Pending", ProvisioningStatus::Pending),
        ("Applied", ProvisioningStatus::Applied),
        ("Failed", ProvisioningStatus::Failed),
        ("Invalid", ProvisioningStatus::Invalid),
    ] {
        let event = assert_accepted_value(&with("/payload/status", json!(literal)));
        assert_eq!(event.payload.status, Some(status));
    }
    let event = assert_accepted(with_raw_value("/payload", "status", r#""\u0046ailed""#));
    assert_eq!(event.payload.status, Some(ProvisioningStatus::Failed));
}

#[test]
fn status_other_case_is_invalid_value() {
    for literal in ["pending", "PENDING", "applied", "fAILED", "invalid"] {
        assert_rejected_value(
            &with("/payload/status", json!(literal)),
            "invalid_value",
            "payload.status",
        );
    }
}

#[test]
fn status_other_string_is_invalid_value() {
    for literal in ["", "Pending ", "Unknown", "Pending|Applied", "0"] {
        assert_rejected_value(
            &with("/payload/status", json!(literal)),
            "invalid_value",
            "payload.status",
        );
    }
}

#[test]
fn warning_message_required_when_its_object_is_present() {
    let path = "payload.unsuccessfulRegisterAttemptStatus.warningMessage";
    assert_rejected_value(
        &with("/payload/unsuccessfulRegisterAttemptStatus", json!({})),
        "missing_field",
        path,
    );
    assert_rejected_value(
        &with(
            "/payload/unsuccessfulRegisterAttemptStatus",
            json!({"warningMessage": null}),
        ),
        "missing_field",
        path,
    );
    assert_rejected_value(
        &with(
            "/payload/unsuccessfulRegisterAttemptStatus",
            json!({"WarningMessage": "x", "message": "x"}),
        ),
        "missing_field",
        path,
    );
    // An empty message is a string, and nothing asks for more.
    assert_accepted_value(&with(
        "/payload/unsuccessfulRegisterAttemptStatus",
        json!({"warningMessage": ""}),
    ));
    // Without its object, nothing is required.
    assert_accepted_value(&without("/payload/unsuccessfulRegisterAttemptStatus"));
}

#[test]
fn masked_identifiers_in_the_example_stay_valid() {
    let event = assert_accepted(example());
    let p = &event.payload;
    assert_eq!(p.mac_address.as_deref(), Some("81:FB:8D:9D:XX:XX"));
    assert_eq!(p.owner.organization_uid, "8429f601xxxxxxxxxxxxxxxxc54a5f56");
    assert_eq!(
        p.organization_uid.as_deref(),
        Some("45051de2xxxxxxxxxxxxxxxx97ce5088")
    );
    assert_eq!(
        p.tag_uids.as_deref(),
        Some(&["85949411xxxxxxxxxxxxxxxx631f7794".to_owned()][..])
    );
    // Nor are other formats checked.
    let event = edited(|e| {
        set(e, "/payload/macAddress", json!("not a MAC"));
        set(e, "/payload/uid", json!("x"));
        set(e, "/payload/owner/organizationUid", json!("XXXX"));
        set(e, "/payload/originator/policyUid", json!(""));
        set(e, "/payload/serialNumber", json!(""));
        set(e, "/id", json!("-"));
    });
    assert_accepted_value(&event);
}

#[test]
fn duplicate_defined_key_is_duplicate_key_even_when_equal() {
    // The envelope's members.
    for name in ["id", "kind", "type", "payload"] {
        assert_rejected(repeated("", name, 2), "duplicate_key", name);
    }
    // The payload's.
    for name in example_value()["payload"].as_object().unwrap().keys() {
        assert_rejected(
            repeated("/payload", name, 2),
            "duplicate_key",
            &format!("payload.{name}"),
        );
    }
    // Inside the nested objects.
    for name in ["accountId", "organizationUid", "policyUid"] {
        assert_rejected(
            repeated("/payload/originator", name, 2),
            "duplicate_key",
            &format!("payload.originator.{name}"),
        );
    }
    assert_rejected(
        repeated(
            "/payload/unsuccessfulRegisterAttemptStatus",
            "warningMessage",
            2,
        ),
        "duplicate_key",
        "payload.unsuccessfulRegisterAttemptStatus.warningMessage",
    );
    // Three times is still twice.
    assert_rejected(
        repeated("/payload", "uid", 3),
        "duplicate_key",
        "payload.uid",
    );
}

#[test]
fn duplicate_defined_key_is_duplicate_key_when_the_copies_differ() {
    for (from, to, path) in [
        (r#""id":"string""#, r#""id":"string","id":"other""#, "id"),
        (
            r#""status":"Pending""#,
            r#""status":"Pending","status":"Bogus""#,
            "payload.status",
        ),
        (
            r#""status":"Pending""#,
            r#""status":"Bogus","status":"Pending""#,
            "payload.status",
        ),
        (
            r#""status":"Pending""#,
            r#""status":null,"status":"Pending""#,
            "payload.status",
        ),
        (
            r#""status":"Pending""#,
            r#""status":"Pending","status":null"#,
            "payload.status",
        ),
        (
            r#""confirmedOwnership":true"#,
            r#""confirmedOwnership":true,"confirmedOwnership":false"#,
            "payload.confirmedOwnership",
        ),
        (
            r#""accountId":8538"#,
            r#""accountId":8538,"accountId":1.5"#,
            "payload.originator.accountId",
        ),
        (
            r#""uid":"2dfae202xxxxxxxxxxxxxxxxcd8150f7""#,
            r#""uid":"","uid":"2dfae202xxxxxxxxxxxxxxxxcd8150f7""#,
            "payload.uid",
        ),
    ] {
        assert_rejected(replaced(from, to), "duplicate_key", path);
    }
    // The payload's `type`, once equal and once not.
    assert_rejected(
        replaced(
            &format!(r#""type":"{TYPE}","originator""#),
            &format!(r#""type":"{TYPE}","type":"Other.Type","originator""#),
        ),
        "duplicate_key",
        "payload.type",
    );
    // The envelope's `payload`, before and after `type`.
    let payload = compact(&example_value()["payload"].to_string());
    for bytes in [
        format!(
            r#"{{"id":"1","kind":"domain","type":"{TYPE}","payload":{payload},"payload":{payload}}}"#
        ),
        format!(
            r#"{{"id":"1","kind":"domain","payload":{payload},"payload":{payload},"type":"{TYPE}"}}"#
        ),
        format!(
            r#"{{"id":"1","kind":"domain","payload":{payload},"type":"{TYPE}","payload":{payload}}}"#
        ),
        format!(r#"{{"id":"1","kind":"domain","payload":{payload},"type":"{TYPE}","payload":5}}"#),
    ] {
        assert_rejected(bytes, "duplicate_key", "payload");
    }
}

#[test]
fn duplicate_key_spelled_with_escapes_is_duplicate_key() {
    assert_rejected(
        replaced(
            r#""uid":"2dfae202xxxxxxxxxxxxxxxxcd8150f7""#,
            r#""uid":"2dfae202xxxxxxxxxxxxxxxxcd8150f7","\u0075id":"2dfae202xxxxxxxxxxxxxxxxcd8150f7""#,
        ),
        "duplicate_key",
        "payload.uid",
    );
    assert_rejected(
        replaced(
            r#""kind":"domain""#,
            r#""kind":"domain","\u006bind":"domain""#,
        ),
        "duplicate_key",
        "kind",
    );
}

#[test]
fn duplicate_key_inside_owner_is_duplicate_key() {
    for name in ["ownershipType", "organizationUid", "parentCompanyUid"] {
        assert_rejected(
            repeated("/payload/owner", name, 2),
            "duplicate_key",
            &format!("payload.owner.{name}"),
        );
    }
    assert_rejected(
        replaced(
            r#""ownershipType":"organization""#,
            r#""ownershipType":"organization","ownershipType":"company""#,
        ),
        "duplicate_key",
        "payload.owner.ownershipType",
    );
}

#[test]
fn duplicate_key_inside_owner_spelled_with_escapes_is_duplicate_key() {
    assert_rejected(
        replaced(
            r#""ownershipType":"organization""#,
            r#""ownershipType":"organization","ownership\u0054ype":"organization""#,
        ),
        "duplicate_key",
        "payload.owner.ownershipType",
    );
}

#[test]
fn duplicate_unknown_key_is_ignored() {
    assert_accepted(with_raw_member("", "extra", "1,\"extra\":2"));
    assert_accepted(with_raw_member("/payload", "extra", "1,\"extra\":{}"));
    assert_accepted(with_raw_member("/payload/owner", "extra", "1,\"extra\":1"));
    assert_accepted(with_raw_member(
        "/payload/originator",
        "Uid",
        "\"a\",\"Uid\":\"b\"",
    ));
}

#[test]
fn unknown_members_are_ignored_at_every_level() {
    let unknowns = [
        json!(null),
        json!(0),
        json!(-1.5e300),
        json!("text"),
        json!([1, "two", [null], {"three": 3}]),
        json!({"uid": "", "owner": null, "type": 5, "nested": {"deep": [[[]]]}}),
    ];
    for object in [
        "",
        "/payload",
        "/payload/owner",
        "/payload/originator",
        "/payload/unsuccessfulRegisterAttemptStatus",
    ] {
        for (i, value) in unknowns.iter().enumerate() {
            let event =
                assert_accepted_value(&with(&format!("{object}/unknown{i}"), value.clone()));
            assert_eq!(
                same_event(&event),
                same_event(&example_event()),
                "in {object:?}"
            );
        }
        // Raw numbers that no Rust type holds are fine where nothing reads them.
        for raw in [
            "1e400",
            "-0",
            "123456789012345678901234567890",
            "0.000000000000000000001",
        ] {
            assert_accepted(with_raw_member(object, "big", raw));
        }
    }
    // A name defined in one object is unknown in another.
    for (object, name) in [
        ("", "uid"),
        ("", "owner"),
        ("/payload", "id"),
        ("/payload", "kind"),
        ("/payload", "payload"),
        ("/payload", "accountId"),
        ("/payload", "warningMessage"),
        ("/payload/owner", "uid"),
        ("/payload/owner", "type"),
        ("/payload/originator", "ownershipType"),
        ("/payload/originator", "uid"),
        ("/payload/unsuccessfulRegisterAttemptStatus", "errorMessage"),
    ] {
        assert_accepted_value(&with(&format!("{object}/{name}"), json!({"not": "read"})));
    }
}

#[test]
fn member_name_differing_in_case_is_unknown() {
    // A required member spelled in another case is absent.
    for (object, name, raw, path, kind) in [
        ("/payload", "uid", "Uid", "payload.uid", "missing_field"),
        ("/payload", "uid", "UID", "payload.uid", "missing_field"),
        ("/payload", "type", "Type", "payload.type", "missing_field"),
        ("", "id", "ID", "id", "missing_field"),
        ("", "kind", "Kind", "kind", "missing_field"),
        ("", "type", "TYPE", "type", "missing_field"),
        ("", "payload", "Payload", "payload", "missing_field"),
        (
            "/payload",
            "owner",
            "Owner",
            "payload.owner",
            "invalid_owner",
        ),
        (
            "/payload/owner",
            "ownershipType",
            "ownershiptype",
            "payload.owner.ownershipType",
            "invalid_owner",
        ),
        (
            "/payload/owner",
            "organizationUid",
            "OrganizationUid",
            "payload.owner.organizationUid",
            "invalid_owner",
        ),
        (
            "/payload/unsuccessfulRegisterAttemptStatus",
            "warningMessage",
            "warningmessage",
            "payload.unsuccessfulRegisterAttemptStatus.warningMessage",
            "missing_field",
        ),
    ] {
        assert_rejected(respelled(object, name, raw, None), kind, path);
    }
    // An optional one is unset.
    let event = assert_accepted(respelled("/payload", "status", "Status", None));
    assert_eq!(event.payload.status, None);
    let event = assert_accepted(respelled(
        "/payload/originator",
        "accountId",
        "accountID",
        None,
    ));
    assert_eq!(event.payload.originator.unwrap().account_id, None);
}

#[test]
fn escaped_member_names_are_compared_after_unescaping() {
    for (object, name, raw) in [
        ("", "id", r"\u0069d"),
        ("", "kind", r"\u006bind"),
        ("", "type", r"typ\u0065"),
        ("", "payload", r"p\u0061yload"),
        ("/payload", "owner", r"own\u0065r"),
        ("/payload", "uid", r"\u0075id"),
        ("/payload", "type", r"\u0074ype"),
        ("/payload", "status", r"st\u0061tus"),
        ("/payload", "tagUids", r"tag\u0055ids"),
        ("/payload/owner", "ownershipType", r"ownership\u0054ype"),
        (
            "/payload/owner",
            "parentCompanyUid",
            r"parentCompany\u0055id",
        ),
        ("/payload/originator", "accountId", r"account\u0049d"),
        (
            "/payload/unsuccessfulRegisterAttemptStatus",
            "warningMessage",
            r"warning\u004dessage",
        ),
    ] {
        let event = assert_accepted(respelled(object, name, raw, None));
        assert_eq!(event.to_json(), compact(example()), "{raw}");
    }
}

// Section 3, "Which kind, when several could apply": 1. bytes first.

#[test]
fn byte_order_mark_is_malformed_json() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(example().as_bytes());
    assert_malformed(&bytes, "");
    let mut compact_bytes = b"\xEF\xBB\xBF".to_vec();
    compact_bytes.extend_from_slice(compact(example()).as_bytes());
    assert_malformed(&compact_bytes, "");
    // From text as well.
    let text = format!("\u{feff}{}", example());
    let error = Envelope::<ProvisioningRecipeUpdated>::from_json(&text).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::MalformedJson);
    let error = Registry::global().unwrap().decode_str(&text).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::MalformedJson);
    // Anywhere else between tokens, too.
    assert_malformed(replaced(r#","uid""#, "\u{feff},\"uid\""), "");
    // Inside a string it is the character U+FEFF, not a byte order mark.
    let event = assert_accepted(with_raw_value("/payload", "deviceName", "\"\u{feff}Name\""));
    assert_eq!(event.payload.device_name.as_deref(), Some("\u{feff}Name"));
}

#[test]
fn invalid_utf8_anywhere_is_malformed_json() {
    let text = compact(example());
    let bad_sequences: [&[u8]; 8] = [
        b"\xFF",
        b"\xC0\xAF",         // overlong
        b"\xED\xA0\x80",     // a surrogate, encoded
        b"\x80",             // a lone continuation byte
        b"\xE2\x82",         // truncated
        b"\xF4\x90\x80\x80", // beyond U+10FFFF
        b"\xFE",
        b"a\xC3",
    ];
    for bad in bad_sequences {
        // Inside a string the event reads, inside an unknown member at every level, inside a
        // member name, and between tokens.
        let places: Vec<(String, &str)> = vec![
            (r#""SN-306311""#.to_owned(), "payload.serialNumber"),
            (r#""string""#.to_owned(), "id"),
            (format!(r#""{TYPE}","payload""#), "type"),
            (
                r#""ownershipType":"organization""#.to_owned(),
                "payload.owner.ownershipType",
            ),
        ];
        for (from, member) in places {
            let at = text.find(&from).unwrap() + 2;
            let mut bytes = text.as_bytes().to_vec();
            bytes.splice(at..at, bad.iter().copied());
            assert_malformed(&bytes, member);
        }
        for object in ["", "/payload", "/payload/owner", "/payload/originator"] {
            let marked = with_raw_member(object, "unknown", r#""@@""#);
            let bytes = splice(&marked, "@@", bad);
            assert_malformed(&bytes, "");
            let marked = with_raw_member(object, "@@", "1");
            let bytes = splice(&marked, "@@", bad);
            assert_malformed(&bytes, "");
        }
        let bytes = splice(&replaced(r#","uid""#, r#",@@"uid""#), "@@", bad);
        assert_malformed(&bytes, "");
        // At the very end.
        let mut bytes = text.as_bytes().to_vec();
        bytes.extend_from_slice(bad);
        assert_malformed(&bytes, "");
    }
}

/// `text` with `marker` (which must occur once) replaced by the bytes `with`.
fn splice(text: &str, marker: &str, with: &[u8]) -> Vec<u8> {
    assert_eq!(text.matches(marker).count(), 1);
    let at = text.find(marker).unwrap();
    let mut bytes = text.as_bytes().to_vec();
    bytes.splice(at..at + marker.len(), with.iter().copied());
    bytes
}

#[test]
fn lone_surrogate_in_a_read_string_is_malformed_json() {
    let lone = [
        r"\ud800",
        r"\uDBFF",
        r"\udc00",
        r"\uDFFF",
        r"\ud800\u0041",
        r"\ud800\ud800",
        r"x\ud83d",
        r"\ude00\ud83d",
    ];
    for escape in lone {
        let raw = format!("\"{escape}\"");
        for (object, name, path) in [
            ("", "id", "id"),
            ("", "kind", "kind"),
            ("", "type", "type"),
            ("/payload", "type", "payload.type"),
            ("/payload", "uid", "payload.uid"),
            ("/payload", "serialNumber", "payload.serialNumber"),
            ("/payload", "status", "payload.status"),
            (
                "/payload/owner",
                "ownershipType",
                "payload.owner.ownershipType",
            ),
            (
                "/payload/owner",
                "organizationUid",
                "payload.owner.organizationUid",
            ),
            (
                "/payload/originator",
                "policyUid",
                "payload.originator.policyUid",
            ),
            (
                "/payload/unsuccessfulRegisterAttemptStatus",
                "warningMessage",
                "payload.unsuccessfulRegisterAttemptStatus.warningMessage",
            ),
        ] {
            assert_malformed(with_raw_value(object, name, &raw), path);
        }
        assert_malformed(
            with_raw_value("/payload", "tagUids", &format!("[\"a\",{raw}]")),
            "payload.tagUids[1]",
        );
    }
}

#[test]
fn paired_surrogates_are_one_character() {
    let event = assert_accepted(with_raw_value(
        "/payload",
        "serialNumber",
        r#""\ud83d\ude00 \uD83D\uDE00""#,
    ));
    assert_eq!(
        event.payload.serial_number.as_deref(),
        Some("\u{1F600} \u{1F600}")
    );
}

#[test]
fn lone_surrogate_in_a_string_the_event_does_not_read_is_ignored() {
    for object in ["", "/payload", "/payload/owner", "/payload/originator"] {
        assert_accepted(with_raw_member(object, "unknown", r#""\ud800""#));
        assert_accepted(with_raw_member(object, "unknown", r#"{"a":["\udc00"]}"#));
        assert_accepted(with_raw_member(object, "unknown", r#"{"\ud800":1}"#));
    }
    // Nor where the type is unregistered and the payload not examined.
    let event = edited(|e| set(e, "/type", json!("Device.NoSuchEvent")));
    let bytes = render_with(&event, Order::TypeFirst, &|at, name, _| {
        (at == "/payload" && name == "uid").then(|| vec![r#""uid":"\ud800""#.to_owned()])
    });
    assert_rejected(bytes, "unknown_type", "type");
}

#[test]
fn lone_surrogate_in_a_member_name_the_event_reads_is_malformed_json() {
    // Every name in an object the event reads is compared with the names it defines.
    for object in [
        "",
        "/payload",
        "/payload/owner",
        "/payload/originator",
        "/payload/unsuccessfulRegisterAttemptStatus",
    ] {
        let path = object.trim_start_matches('/').replace('/', ".");
        assert_malformed(with_raw_member(object, r"\ud800", "1"), &path);
        assert_malformed(with_raw_member(object, r"x\udfff", "1"), &path);
    }
}

#[test]
fn nesting_64_deep_is_accepted() {
    // The envelope is the first level; an unknown member holds the other 63.
    assert_eq!(MAX_DEPTH, 64);
    assert_accepted(with_raw_member("", "deep", &nested(63)));
    // The payload is the second; an unknown member in it holds 62, in the owner 61.
    assert_accepted(with_raw_member("/payload", "deep", &nested(62)));
    assert_accepted(with_raw_member("/payload/owner", "deep", &nested(61)));
    // Objects count as arrays do.
    let objects = format!("{}1{}", "{\"a\":".repeat(63), "}".repeat(63));
    assert_accepted(with_raw_member("", "deep", &objects));
    // Brackets inside strings are not nesting.
    assert_accepted(with_raw_member(
        "",
        "text",
        &format!("\"{}\"", "[{".repeat(200)),
    ));
    // Many at the limit, side by side.
    let wide = vec![nested(62); 20].join(",");
    assert_accepted(with_raw_member("", "wide", &format!("[{wide}]")));
}

#[test]
fn nesting_65_deep_in_an_unknown_member_is_malformed_json() {
    for (object, levels) in [
        ("", 64),
        ("/payload", 63),
        ("/payload/owner", 62),
        ("/payload/originator", 62),
        ("", 1000),
    ] {
        assert_malformed(with_raw_member(object, "deep", &nested(levels)), "");
    }
    let objects = format!("{}1{}", "{\"a\":".repeat(64), "}".repeat(64));
    assert_malformed(with_raw_member("", "deep", &objects), "");
    // Bytes first: too deep where the event expects a string array is malformed, not of the
    // wrong type.
    assert_malformed(
        with_raw_value("/payload", "tagUids", &nested(63)),
        "payload.tagUids",
    );
    // And a bare array, no envelope at all.
    assert_malformed(nested(65), "");
}

#[test]
fn anything_else_that_is_not_json_is_malformed_json() {
    let text = compact(example());
    let mut cases: Vec<String> = vec![
        String::new(),
        " \n\t".into(),
        "{".into(),
        "}".into(),
        "nul".into(),
        "'{}'".into(),
        text[..text.len() - 1].to_owned(),
        text[..text.len() / 2].to_owned(),
        format!("{text}}}"),
        format!("{text},"),
        format!("{text}{text}"),
        format!("{text} x"),
        format!("{text}\u{0}"),
        format!("{text}\u{feff}"),
        text.replacen('{', "{,", 1),
        text.replacen(r#""id":"string","#, r#""id":"string",,"#, 1),
        text.replacen(r#""id":"string","#, r#""id":"string""#, 1),
        text.replacen(r#""id":"string""#, r#""id" "string""#, 1),
        text.replacen(r#""id":"string""#, r#"id:"string""#, 1),
        text.replacen(r#""id":"string""#, r#"'id':'string'"#, 1),
        text.replacen(r#""id":"string""#, "\"id\":\"str\u{1}ing\"", 1),
        text.replacen(r#""id":"string""#, "\"id\":\"str\ting\"", 1),
        text.replacen(r#""id":"string""#, r#""id":"str\xing""#, 1),
        text.replacen(r#""id":"string""#, r#""id":"str\u12""#, 1),
        text.replacen(r#""id":"string""#, r#""id":"string" /* c */"#, 1),
        text.replacen("8538", "08538", 1),
        text.replacen("8538", "+8538", 1),
        text.replacen("8538", "8538.", 1),
        text.replacen("8538", ".8538", 1),
        text.replacen("8538", "0x2A", 1),
        text.replacen("8538", "NaN", 1),
        text.replacen("8538", "Infinity", 1),
        text.replacen("8538", "1e", 1),
        text.replacen("8538", "-", 1),
        text.replacen("true", "True", 1),
        text.replacen("true", "tru", 1),
        text.replacen("]", ",]", 1),
        text.replacen("}}", ",}}", 1),
    ];
    // The same faults inside members nothing reads.
    for raw in [
        "01",
        "+1",
        "1.",
        ".5",
        "-",
        "1e",
        "0x1",
        "NaN",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "'a'",
        "\"\u{1}\"",
        "\"\t\"",
        "\"\\x\"",
        "\"\\u12g4\"",
        "[",
        "\"open",
        "tru",
        "nulll",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "undefined",
    ] {
        for object in ["", "/payload", "/payload/owner", "/payload/originator"] {
            cases.push(with_raw_member(object, "unknown", raw));
        }
    }
    for bytes in cases {
        assert_malformed(&bytes, "");
    }
}

#[test]
fn non_object_event_is_invalid_type_with_empty_path() {
    for text in [
        "[]".to_owned(),
        format!("[{}]", example()),
        "\"string\"".into(),
        format!("{:?}", compact(example())),
        "0".into(),
        "-1.5e3".into(),
        "true".into(),
        "false".into(),
        "null".into(),
        " \n null \n".into(),
    ] {
        assert_rejected(text, "invalid_type", "");
    }
}

// 3. A member's JSON type before its value.

#[test]
fn wrong_json_type_comes_before_the_value() {
    // Where the value would be checked against a literal, a type or the envelope's type.
    assert_rejected_value(&with("/kind", json!(1)), "invalid_type", "kind");
    assert_rejected_value(&with("/type", json!(1)), "invalid_type", "type");
    assert_rejected_value(
        &with("/payload/type", json!(1)),
        "invalid_type",
        "payload.type",
    );
    assert_rejected_value(
        &with("/payload/status", json!(1)),
        "invalid_type",
        "payload.status",
    );
    assert_rejected_value(&with("/id", json!(0)), "invalid_type", "id");
    assert_rejected_value(
        &with("/payload/uid", json!([])),
        "invalid_type",
        "payload.uid",
    );
    // And `null` before either.
    assert_rejected_value(&with("/type", json!(null)), "missing_field", "type");
    assert_rejected_value(
        &with("/payload/type", json!(null)),
        "missing_field",
        "payload.type",
    );
}

#[test]
fn empty_required_strings_are_invalid_value() {
    assert_rejected_value(&with("/id", json!("")), "invalid_value", "id");
    assert_rejected_value(
        &with("/payload/uid", json!("")),
        "invalid_value",
        "payload.uid",
    );
}

#[test]
fn one_of_several_defects_is_reported_and_the_event_rejected() {
    let event = edited(|e| {
        set(e, "/id", json!(""));
        set(e, "/payload/uid", json!(5));
        set(e, "/payload/status", json!("nope"));
        set(e, "/payload/owner", json!(null));
    });
    for order in [Order::TypeFirst, Order::PayloadFirst] {
        rejected_by_both(render(&event, order).as_bytes());
    }
}

// ---------------------------------------------------------------------------------------------
// Section 4: errors
// ---------------------------------------------------------------------------------------------

#[test]
fn error_kinds_are_the_contracts_strings() {
    let names: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        names,
        [
            "malformed_json",
            "missing_field",
            "invalid_type",
            "invalid_value",
            "duplicate_key",
            "unknown_type",
            "type_mismatch",
            "invalid_owner"
        ]
    );
}

#[test]
fn every_error_has_a_kind_a_path_and_a_sentence() {
    let cases: Vec<(Vec<u8>, &str, &str)> = vec![
        (b"\xFF".to_vec(), "malformed_json", ""),
        (b"[]".to_vec(), "invalid_type", ""),
        (
            render(&without("/id"), Order::TypeFirst).into_bytes(),
            "missing_field",
            "id",
        ),
        (
            render(
                &with("/payload/originator/accountId", json!(1.5)),
                Order::TypeFirst,
            )
            .into_bytes(),
            "invalid_type",
            "payload.originator.accountId",
        ),
        (
            render(&with("/payload/status", json!("x")), Order::TypeFirst).into_bytes(),
            "invalid_value",
            "payload.status",
        ),
        (
            repeated("/payload", "uid", 2).into_bytes(),
            "duplicate_key",
            "payload.uid",
        ),
        (
            render(&with("/type", json!("X.Y")), Order::TypeFirst).into_bytes(),
            "unknown_type",
            "type",
        ),
        (
            render(&with("/payload/type", json!("X.Y")), Order::TypeFirst).into_bytes(),
            "type_mismatch",
            "payload.type",
        ),
        (
            render(
                &with("/payload/owner/ownershipType", json!("x")),
                Order::TypeFirst,
            )
            .into_bytes(),
            "invalid_owner",
            "payload.owner.ownershipType",
        ),
    ];
    let mut kinds = std::collections::BTreeSet::new();
    for (bytes, kind, path) in &cases {
        assert_rejected(bytes, kind, path);
        let error = rejected_by_both(bytes);
        // `Display` is `KIND at PATH: MESSAGE`, or `KIND: MESSAGE` at the root.
        let shown = error.to_string();
        if path.is_empty() {
            assert_eq!(shown, format!("{kind}: {}", error.message()));
        } else {
            assert_eq!(shown, format!("{kind} at {path}: {}", error.message()));
        }
        assert!(!error.message().contains('\n'), "one sentence: {shown}");
        kinds.insert(*kind);
    }
    assert_eq!(kinds.len(), ErrorKind::ALL.len(), "every kind is covered");
}

#[test]
fn reading_never_panics_and_both_decoders_agree_on_every_truncation() {
    for text in [compact(example()), example().trim_end().to_owned()] {
        let bytes = text.as_bytes();
        for end in 0..bytes.len() {
            // Truncated inside a character is invalid UTF-8, which is malformed too.
            let error = rejected_by_both(&bytes[..end]);
            assert!(
                matches!(error.kind(), ErrorKind::MalformedJson),
                "{error} for {}",
                show(&bytes[..end])
            );
        }
    }
}

#[test]
fn both_decoders_agree_on_every_one_byte_change() {
    let text = compact(example());
    let replacements: &[u8] = b"\"\\{}[],:0-1.eEntfu xX\x00\x1f\x7f\xff";
    for at in 0..text.len() {
        for &byte in replacements {
            let mut bytes = text.as_bytes().to_vec();
            bytes[at] = byte;
            agree(&bytes);
            // Inserted, and removed.
            let mut bytes = text.as_bytes().to_vec();
            bytes.insert(at, byte);
            agree(&bytes);
        }
        let mut bytes = text.as_bytes().to_vec();
        bytes.remove(at);
        agree(&bytes);
    }
}

/// Both decoders accept `bytes` as the same event, or reject it with the same kind and path.
#[track_caller]
fn agree(bytes: &[u8]) {
    match (typed(bytes), dynamic(bytes)) {
        (Ok(a), Ok(b)) => assert_eq!(a.to_json(), b.to_json()),
        (Err(_), Err(_)) => {
            rejected_by_both(bytes);
        }
        (Ok(_), Err(e)) => panic!(
            "only the typed decoder accepts; registry: {e}\n  for {}",
            show(bytes)
        ),
        (Err(e), Ok(_)) => panic!(
            "only the registry accepts; typed: {e}\n  for {}",
            show(bytes)
        ),
    }
}

/// A small deterministic generator, so that the mixed cases below are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[test]
fn both_decoders_agree_on_mixed_defects() {
    // Raw texts that a `Value` cannot hold are put in as markers and swapped in after.
    const RAW: &[&str] = &[
        "-0",
        "-0.0",
        "1e400",
        "9223372036854775808",
        "-9223372036854775809",
        r#""\ud800""#,
        r#""\u0064omain""#,
        r#""Device.Provisioning\u0052ecipeUpdated""#,
        r#""\u006frganization""#,
        r#""\u0050ending""#,
        r#"{"\udc00":1}"#,
    ];
    let palette = || -> Vec<Value> {
        let mut values = vec![
            json!(null),
            json!(true),
            json!(0),
            json!(8538),
            json!(1.5),
            json!(""),
            json!("x"),
            json!("domain"),
            json!("organization"),
            json!("Pending"),
            json!("pending"),
            json!(TYPE),
            json!("Test.OtherEvent"),
            json!([]),
            json!(["a", "b"]),
            json!(["a", 1]),
            json!({}),
            json!({"warningMessage": "w"}),
            json!({"accountId": 1}),
            json!({"ownershipType": "organization", "organizationUid": "o", "parentCompanyUid": "c"}),
        ];
        values.extend((0..RAW.len()).map(|i| json!(format!("@@RAW{i}@@"))));
        values
    };
    let objects = [
        "",
        "/payload",
        "/payload/owner",
        "/payload/originator",
        "/payload/unsuccessfulRegisterAttemptStatus",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut outcomes = std::collections::BTreeMap::new();
    for _ in 0..4000 {
        let mut event = example_value();
        for _ in 0..1 + rng.below(3) {
            let (pointer, _, _, _) = *rng.pick(MEMBERS);
            let (parent, _) = split(pointer);
            if !matches!(event.pointer(parent), Some(Value::Object(_))) {
                continue;
            }
            match rng.below(3) {
                0 => set(&mut event, pointer, rng.pick(&palette()).clone()),
                1 => {
                    let (parent, name) = split(pointer);
                    event
                        .pointer_mut(parent)
                        .and_then(Value::as_object_mut)
                        .map(|o| o.remove(name));
                }
                _ => {
                    let object = *rng.pick(&objects);
                    if matches!(event.pointer(object), Some(Value::Object(_))) {
                        let name = *rng.pick(&["x", "uid", "type", "Uid", "kind"]);
                        set(
                            &mut event,
                            &format!("{object}/{name}"),
                            rng.pick(&palette()).clone(),
                        );
                    }
                }
            }
        }
        // Now and then a key given twice, or a name spelled with an escape.
        let twice = (rng.below(4) == 0).then(|| {
            let (pointer, _, _, _) = *rng.pick(MEMBERS);
            split(pointer)
        });
        let escaped = (rng.below(4) == 0).then(|| {
            let (pointer, _, _, _) = *rng.pick(MEMBERS);
            split(pointer)
        });
        let order = if rng.below(2) == 0 {
            Order::TypeFirst
        } else {
            Order::PayloadFirst
        };
        let mut text = render_with(&event, order, &|at, name, value| {
            if twice == Some((at, name)) {
                Some(vec![format!("\"{name}\":{value}"); 2])
            } else if escaped == Some((at, name)) {
                let first = name.chars().next().unwrap_or('x');
                Some(vec![format!(
                    "\"\\u{:04x}{}\":{value}",
                    first as u32,
                    &name[first.len_utf8()..]
                )])
            } else {
                None
            }
        });
        for (i, raw) in RAW.iter().enumerate() {
            text = text.replace(&format!("\"@@RAW{i}@@\""), raw);
        }
        let outcome = match (typed(text.as_bytes()), dynamic(text.as_bytes())) {
            // The typed reader knows one type; the registry knows "Test.OtherEvent" too.
            (Err(e), by_registry) if e.kind() == ErrorKind::UnknownType => {
                assert_well_formed_error(&e, text.as_bytes());
                match by_registry {
                    Ok(any) => assert_eq!(any.event_type(), "Test.OtherEvent"),
                    Err(d) => {
                        assert_well_formed_error(&d, text.as_bytes());
                        if d.event_type() != Some("Test.OtherEvent") {
                            assert_eq!((d.kind(), d.path()), (e.kind(), e.path()), "{text}");
                        }
                    }
                }
                "unknown_type".to_owned()
            }
            _ => {
                agree(text.as_bytes());
                match dynamic(text.as_bytes()) {
                    Ok(_) => "accepted".to_owned(),
                    Err(e) => e.kind().as_str().to_owned(),
                }
            }
        };
        *outcomes.entry(outcome).or_insert(0) += 1;
    }
    // The mix reaches every kind a single event of this type can have.
    let kinds = ErrorKind::ALL.map(ErrorKind::as_str);
    for kind in std::iter::once("accepted").chain(kinds) {
        assert!(
            outcomes.contains_key(kind),
            "no case was {kind}: {outcomes:?}"
        );
    }
}
