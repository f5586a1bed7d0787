//! The generated JSON Schema agrees with the decoder.
//!
//! An independent validator (the `jsonschema` crate) checks every case against the schema that
//! `events_codegen::schema` builds from the registry, and its verdict must equal the decoder's
//! (`Registry::decode(bytes).is_ok()`): on the example fixtures, on every sample event in the
//! repository, and on a set of valid and invalid variants of the example, one or more per rule
//! of `spec/CONTRACT.md`.
//!
//! A validator judges a parsed JSON value, so its verdict on bytes is: parse them with
//! `serde_json`, reject what does not parse, validate what does. A few rules are about the
//! bytes, not the value, and JSON Schema cannot express them; [`OUTSIDE_JSON_SCHEMA`] names them,
//! and the cases that exercise them are checked against the decoder alone.

use std::path::{Path, PathBuf};

use events_core::{DomainEvent, ErrorKind, Registry, MAX_DEPTH};
use events_device::ProvisioningRecipeUpdated;
use jsonschema::Validator;
use serde_json::{json, Value};

/// The contract's rules that JSON Schema cannot express, by name, and why.
const OUTSIDE_JSON_SCHEMA: &[(&str, &str)] = &[
    (
        "duplicate_key",
        "a key defined by the event given twice in one object: the parsed value keeps one of them",
    ),
    (
        "nesting_depth",
        "more than 64 levels of arrays and objects: no keyword limits the depth of a value",
    ),
    (
        "integer_spelling",
        "an integer written with a fraction or an exponent (`1.0`, `1e3`): to JSON Schema it is the integer it equals",
    ),
    (
        "integer_precision",
        "an integer just outside 64 bits: the validator's parser reads it as a float, which rounds it into range",
    ),
    (
        "lone_surrogate",
        "a lone surrogate escape in a member the event does not read: the decoder skips it, but no JSON parser \
         makes a value of it, so no validator can accept it",
    ),
];

struct Case {
    name: String,
    bytes: Vec<u8>,
    /// The contract's verdict.
    valid: bool,
    /// The rule of [`OUTSIDE_JSON_SCHEMA`] the case exercises, if any.
    outside: Option<&'static str>,
}

fn registry() -> &'static Registry {
    let registry = Registry::global().unwrap();
    // Naming the crate's types keeps its registrations from being dropped by the linker.
    for event_type in events_device::EVENT_TYPES {
        assert!(
            registry.get(event_type).is_some(),
            "{event_type} is not registered"
        );
    }
    registry
}

fn validator(schema: &events_codegen::schema::Schema) -> Validator {
    let schema: Value = serde_json::from_str(&schema.to_string()).unwrap();
    jsonschema::meta::validate(&schema).expect("the schema is valid draft 2020-12");
    jsonschema::draft202012::new(&schema).unwrap()
}

/// The validator's verdict on bytes: what does not parse as JSON is rejected.
fn schema_accepts(validator: &Validator, bytes: &[u8]) -> bool {
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value) => validator.is_valid(&value),
        Err(_) => false,
    }
}

fn decoder_accepts(bytes: &[u8]) -> bool {
    registry().decode(bytes).is_ok()
}

fn example() -> &'static str {
    ProvisioningRecipeUpdated::EXAMPLE.unwrap()
}

fn example_value() -> Value {
    serde_json::from_str(example()).unwrap()
}

struct Cases(Vec<Case>);

impl Cases {
    fn push(&mut self, name: &str, bytes: impl Into<Vec<u8>>, valid: bool) {
        self.0.push(Case {
            name: name.to_owned(),
            bytes: bytes.into(),
            valid,
            outside: None,
        });
    }

    fn outside(&mut self, rule: &'static str, name: &str, bytes: impl Into<Vec<u8>>, valid: bool) {
        self.push(name, bytes, valid);
        self.0.last_mut().unwrap().outside = Some(rule);
    }

    /// The example, edited as a value (written back with its keys sorted: `payload` before
    /// `type`, which the contract allows).
    fn edit(&mut self, name: &str, valid: bool, edit: impl FnOnce(&mut Value)) {
        let mut value = example_value();
        edit(&mut value);
        self.push(name, serde_json::to_vec(&value).unwrap(), valid);
    }

    /// The example with its payload member `member` set to `to`.
    fn member(&mut self, member: &str, to: Value, valid: bool) {
        let name = format!("payload.{member} = {to}");
        self.edit(&name, valid, |v| v["payload"][member] = to);
    }

    /// The example without the member at `path` (dotted).
    fn without(&mut self, path: &str, valid: bool) {
        self.edit(&format!("no {path}"), valid, |v| {
            let (parent, last) = match path.rsplit_once('.') {
                Some((parent, last)) => (parent, last),
                None => ("", path),
            };
            let mut target = v;
            for key in parent.split('.').filter(|k| !k.is_empty()) {
                target = &mut target[key];
            }
            assert!(
                target.as_object_mut().unwrap().remove(last).is_some(),
                "{path}"
            );
        });
    }

    /// The compact example with `from` (which must occur exactly once) replaced by `to`.
    fn replace(&mut self, from: &str, to: &str, valid: bool) -> &mut Case {
        let text = replaced(from, to);
        self.push(&format!("{from} -> {to}"), text, valid);
        self.0.last_mut().unwrap()
    }
}

fn replaced(from: &str, to: &str) -> String {
    let text = events_tests::compact(example());
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    text.replacen(from, to, 1)
}

fn nested(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// Valid and invalid variants of the example, a few per rule of the contract.
fn variants() -> Vec<Case> {
    let mut c = Cases(Vec::new());
    let compact = events_tests::compact(example());

    // Valid.
    c.push("the example fixture", example(), true);
    c.push("the example, compact", compact.as_str(), true);
    c.push(
        "the example, in white space",
        format!(" \n\t{compact}\r\n "),
        true,
    );
    c.edit("the example, keys sorted", true, |_| {});
    c.edit("only the required members", true, |v| {
        let p = v["payload"].as_object_mut().unwrap();
        p.retain(|k, _| ["owner", "type", "uid"].contains(&k.as_str()));
    });
    c.edit("every optional member null", true, |v| {
        for member in ProvisioningRecipeUpdated::PAYLOAD.members {
            if !member.required {
                v["payload"][member.name] = Value::Null;
            }
        }
    });
    c.edit("unknown members at every level", true, |v| {
        v["extra"] = json!({"any": [1, "two", null]});
        v["payload"]["Uid"] = json!(1);
        v["payload"]["owner"]["extra"] = json!(null);
        v["payload"]["originator"]["extra"] = json!([]);
        v["payload"]["unsuccessfulRegisterAttemptStatus"]["extra"] = json!(true);
    });
    for status in ["Pending", "Applied", "Failed", "Invalid"] {
        c.member("status", json!(status), true);
    }
    c.member("tagUids", json!([]), true);
    c.member("tagUids", json!(["a", "", "b"]), true);
    c.member("serialNumber", json!(""), true);
    c.member("uid", json!("é"), true);
    c.member("originator", json!({}), true);
    c.member("originator", json!(null), true);
    c.member(
        "unsuccessfulRegisterAttemptStatus",
        json!({"warningMessage": ""}),
        true,
    );
    for id in [i64::MAX, i64::MIN, 0, -1] {
        c.edit(&format!("originator.accountId = {id}"), true, |v| {
            v["payload"]["originator"]["accountId"] = json!(id);
        });
    }
    c.edit("id is a single space", true, |v| v["id"] = json!(" "));
    c.replace(r#""kind":"domain""#, r#""kind":"\u0064omain""#, true);
    c.replace(
        r#"{"id":"string","kind":"domain","type":"Device.ProvisioningRecipeUpdated""#,
        r#"{"id":"string","kind":"domain","type":"Device.Provisioning\u0052ecipeUpdated""#,
        true,
    );
    c.replace(
        r#""uid":"2dfae202"#,
        r#""Uid":{"deep":1},"uid":"2dfae202"#,
        true,
    );
    c.replace(
        r#""id":"string","#,
        &format!(r#""id":"string","deep":{},"#, nested(62)),
        true,
    );
    c.replace(r#""id":"string","#, r#""id":"string","x":1,"x":2,"#, true);
    c.replace(
        r#""id":"string","#,
        r#""id":"string","x":"\ud83d\ude00","#,
        true,
    );

    // Invalid: not an event.
    for text in [
        "",
        " ",
        "[]",
        "null",
        "1",
        "\"event\"",
        "{}",
        "{",
        "{\"id\":}",
    ] {
        c.push(&format!("not an event: {text:?}"), text, false);
    }
    c.push("a byte order mark", format!("\u{feff}{compact}"), false);
    c.push("trailing garbage", format!("{compact} x"), false);
    c.push("two events", format!("{compact}{compact}"), false);
    let mut bad_utf8 = replaced(r#""uid":"2dfae202"#, r#""uid":"2dfae202~"#).into_bytes();
    let at = bad_utf8.iter().position(|&b| b == b'~').unwrap();
    bad_utf8[at] = 0xff;
    c.push("invalid UTF-8 in uid", bad_utf8, false);
    let mut bad_utf8 = replaced(r#""id":"string","#, r#""id":"string","x":"~","#).into_bytes();
    let at = bad_utf8.iter().position(|&b| b == b'~').unwrap();
    bad_utf8[at] = 0xc3;
    c.push("invalid UTF-8 in an unknown member", bad_utf8, false);
    c.replace(r#""uid":"2dfae202"#, r#""uid":"\ud800 2dfae202"#, false);

    // Invalid: the envelope.
    for member in ["id", "kind", "type", "payload"] {
        c.without(member, false);
    }
    for (member, value) in [
        ("id", json!("")),
        ("id", json!(null)),
        ("id", json!(1)),
        ("kind", json!("Domain")),
        ("kind", json!("integration")),
        ("kind", json!(null)),
        ("kind", json!(1)),
        ("type", json!("Device.Unknown")),
        ("type", json!("device.provisioningRecipeUpdated")),
        ("type", json!(null)),
        ("type", json!(["Device.ProvisioningRecipeUpdated"])),
        ("payload", json!(null)),
        ("payload", json!([])),
        ("payload", json!("payload")),
    ] {
        c.edit(&format!("{member} = {value}"), false, |v| v[member] = value);
    }

    // Invalid: the members every payload carries.
    for path in [
        "payload.owner",
        "payload.owner.ownershipType",
        "payload.owner.organizationUid",
        "payload.owner.parentCompanyUid",
        "payload.type",
        "payload.uid",
    ] {
        c.without(path, false);
    }
    for (member, value) in [
        ("owner", json!(null)),
        ("owner", json!([])),
        ("owner", json!("organization")),
        ("type", json!(null)),
        ("type", json!("Device.Unknown")),
        ("type", json!("Device.provisioningRecipeUpdated")),
        ("type", json!(1)),
        ("uid", json!("")),
        ("uid", json!(null)),
        ("uid", json!(7)),
        ("originator", json!("system")),
        ("originator", json!([])),
    ] {
        c.member(member, value, false);
    }
    for (member, value) in [
        ("ownershipType", json!("company")),
        ("ownershipType", json!("Organization")),
        ("ownershipType", json!(null)),
        ("organizationUid", json!("")),
        ("organizationUid", json!(null)),
        ("organizationUid", json!(1)),
        ("parentCompanyUid", json!("")),
        ("parentCompanyUid", json!({})),
    ] {
        c.edit(&format!("payload.owner.{member} = {value}"), false, |v| {
            v["payload"]["owner"][member] = value;
        });
    }
    for (member, value) in [
        ("accountId", json!("8538")),
        ("accountId", json!(1.5)),
        ("accountId", json!(true)),
        ("accountId", json!(u64::MAX)),
        ("accountId", json!(i64::MAX as u64 + 1)),
        ("organizationUid", json!(1)),
        ("policyUid", json!([])),
    ] {
        c.edit(
            &format!("payload.originator.{member} = {value}"),
            false,
            |v| {
                v["payload"]["originator"][member] = value;
            },
        );
    }
    c.replace(
        r#""accountId":8538"#,
        r#""accountId":18446744073709551616"#,
        false,
    );
    c.replace(r#""accountId":8538"#, r#""accountId":1e400"#, false);
    c.replace(
        r#""accountId":8538"#,
        r#""accountId":9223372036854775808.0"#,
        false,
    );
    c.replace(
        r#""accountId":8538"#,
        r#""accountId":-9223372036854777856"#,
        false,
    );

    // Invalid: the event's own members.
    for (member, value) in [
        ("status", json!("pending")),
        ("status", json!("")),
        ("status", json!(1)),
        ("confirmedOwnership", json!("true")),
        ("confirmedOwnership", json!(1)),
        ("serialNumber", json!(306311)),
        ("serialNumber", json!({})),
        ("tagUids", json!("85949411")),
        ("tagUids", json!([1])),
        ("tagUids", json!([null])),
        ("tagUids", json!({"0": "a"})),
        ("unsuccessfulRegisterAttemptStatus", json!({})),
        (
            "unsuccessfulRegisterAttemptStatus",
            json!({"warningMessage": null}),
        ),
        (
            "unsuccessfulRegisterAttemptStatus",
            json!({"warningMessage": 1}),
        ),
        ("unsuccessfulRegisterAttemptStatus", json!("failed")),
        ("errorMessage", json!(false)),
    ] {
        c.member(member, value, false);
    }

    // The rules JSON Schema cannot express.
    let dup = |c: &mut Cases, from: &str, to: &str| {
        let text = replaced(from, to);
        c.outside("duplicate_key", &format!("{from} -> {to}"), text, false);
    };
    dup(
        &mut c,
        r#""id":"string","#,
        r#""id":"string","id":"string","#,
    );
    dup(
        &mut c,
        r#""kind":"domain","#,
        r#""kind":"domain","kind":"domain","#,
    );
    dup(&mut c, r#""uid":"2dfae202"#, r#""uid":"x","uid":"2dfae202"#);
    dup(
        &mut c,
        r#""ownershipType":"organization","#,
        r#""ownershipType":"organization","ownershipType":"organization","#,
    );
    dup(
        &mut c,
        r#""status":"Pending","#,
        r#""status":"pending","status":"Pending","#,
    );
    c.outside(
        "nesting_depth",
        "an unknown member nested 64 deep",
        replaced(
            r#""id":"string","#,
            &format!(r#""id":"string","deep":{},"#, nested(64)),
        ),
        false,
    );
    c.outside(
        "nesting_depth",
        "an unknown payload member nested 63 deep",
        replaced(
            r#""uid":"2dfae202"#,
            &format!(r#""deep":{},"uid":"2dfae202"#, nested(63)),
        ),
        false,
    );
    for spelling in ["8538.0", "8.538e3", "8538E0"] {
        c.outside(
            "integer_spelling",
            &format!("accountId written {spelling}"),
            replaced(r#""accountId":8538"#, &format!(r#""accountId":{spelling}"#)),
            false,
        );
    }
    for beyond in ["-9223372036854775809", "-9223372036854775810"] {
        c.outside(
            "integer_precision",
            &format!("accountId = {beyond}"),
            replaced(r#""accountId":8538"#, &format!(r#""accountId":{beyond}"#)),
            false,
        );
    }
    c.outside(
        "lone_surrogate",
        "a lone surrogate in an unknown member",
        replaced(r#""id":"string","#, r#""id":"string","x":"\ud800","#),
        true,
    );
    c.0
}

/// Every event in the repository's sample streams (one per line) and fixture files, and the
/// JSON parsing test suite where it is present: the contract's verdict is the decoder's.
fn repository_cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut cases = Vec::new();
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["events-cli/samples", "events-device/fixtures"] {
        files.extend(list(&root.join(dir)));
    }
    for file in files {
        let text = std::fs::read(&file).unwrap();
        let ndjson = file.extension().is_some_and(|e| e == "ndjson");
        let events: Vec<&[u8]> = if ndjson {
            text.split(|&b| b == b'\n')
                .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
                .collect()
        } else {
            vec![&text]
        };
        for (i, bytes) in events.into_iter().enumerate() {
            cases.push(Case {
                name: format!("{}:{}", file.display(), i + 1),
                bytes: bytes.to_vec(),
                valid: decoder_accepts(bytes),
                outside: outside_rule(bytes),
            });
        }
    }
    for file in list(&root.join("tests/data/JSONTestSuite/test_parsing")) {
        let bytes = std::fs::read(&file).unwrap();
        cases.push(Case {
            name: file.display().to_string(),
            valid: decoder_accepts(&bytes),
            outside: outside_rule(&bytes),
            bytes,
        });
    }
    cases
}

/// The rule outside JSON Schema that an event found in the repository breaks, if any: a
/// duplicated key (as the decoder reports it) or nesting deeper than the contract allows.
fn outside_rule(bytes: &[u8]) -> Option<&'static str> {
    match registry().decode(bytes) {
        Err(e) if e.kind() == ErrorKind::DuplicateKey => Some("duplicate_key"),
        _ if depth(bytes) > MAX_DEPTH => Some("nesting_depth"),
        _ => None,
    }
}

/// How deeply arrays and objects nest in JSON text.
fn depth(bytes: &[u8]) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0, false, false);
    for &b in bytes {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    max = max.max(depth);
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
    }
    max
}

fn list(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Checks each case: the decoder gives the contract's verdict, and the validator the same,
/// except on the rules JSON Schema cannot express. Returns how many cases were compared.
fn check(cases: &[Case]) -> usize {
    let registry = registry();
    let all = validator(&events_codegen::schema::all(registry));
    let mut compared = 0;
    let mut failures = Vec::new();
    for case in cases {
        let decoder = decoder_accepts(&case.bytes);
        if decoder != case.valid {
            failures.push(format!(
                "{}: the decoder says {decoder}, the contract {}",
                case.name, case.valid
            ));
            continue;
        }
        let schema = schema_accepts(&all, &case.bytes);
        if let Some(rule) = case.outside {
            assert!(
                OUTSIDE_JSON_SCHEMA.iter().any(|(name, _)| *name == rule),
                "{rule} is not listed"
            );
            continue;
        }
        compared += 1;
        if schema != decoder {
            failures.push(format!(
                "{}: the schema says {schema}, the decoder {decoder}",
                case.name
            ));
        }
        // The schema of the envelope's own type says the same as the schema of all types.
        let envelope_type = serde_json::from_slice::<Value>(&case.bytes)
            .ok()
            .and_then(|v| v.get("type")?.as_str().map(str::to_owned));
        if let Some(descriptor) = envelope_type.and_then(|t| registry.get(&t)) {
            let one = validator(&events_codegen::schema::event(descriptor));
            let verdict = schema_accepts(&one, &case.bytes);
            if verdict != schema {
                failures.push(format!(
                    "{}: the schema of {} says {verdict}, the schema of all types {schema}",
                    case.name,
                    descriptor.event_type()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
    compared
}

#[test]
fn the_schema_and_the_decoder_agree_on_every_variant() {
    let cases = variants();
    let compared = check(&cases);
    assert!(compared > 100, "only {compared} cases compared");
    assert!(cases.iter().filter(|c| c.valid).count() > 20);
}

#[test]
fn the_schema_and_the_decoder_agree_on_every_event_in_the_repository() {
    let cases = repository_cases();
    assert!(
        cases
            .iter()
            .any(|c| c.name.contains("Device.ProvisioningRecipeUpdated.json")),
        "the fixtures were not found"
    );
    check(&cases);
}

#[test]
fn every_rule_outside_json_schema_is_exercised_and_the_decoder_enforces_it() {
    let cases = variants();
    for (rule, why) in OUTSIDE_JSON_SCHEMA {
        let exercised: Vec<&Case> = cases.iter().filter(|c| c.outside == Some(*rule)).collect();
        assert!(!exercised.is_empty(), "no case exercises {rule} ({why})");
        // Each is a real limit: there the validator and the decoder do part ways.
        let all = validator(&events_codegen::schema::all(registry()));
        for case in exercised {
            assert_eq!(decoder_accepts(&case.bytes), case.valid, "{}", case.name);
            assert_ne!(
                schema_accepts(&all, &case.bytes),
                case.valid,
                "{} ({rule}): JSON Schema decides it after all; compare it",
                case.name
            );
        }
    }
}

#[test]
fn every_registered_event_carries_an_example_that_decodes_and_validates() {
    let registry = registry();
    assert!(!registry.is_empty());
    let all = validator(&events_codegen::schema::all(registry));
    for descriptor in registry.descriptors() {
        let event_type = descriptor.event_type();
        let example = descriptor
            .example()
            .unwrap_or_else(|| panic!("{event_type} has no example"));
        let decoded = registry
            .decode(example.as_bytes())
            .unwrap_or_else(|e| panic!("the example of {event_type} does not decode: {e}"));
        assert_eq!(decoded.event_type(), event_type);

        let value: Value = serde_json::from_str(example).unwrap();
        let one = validator(&events_codegen::schema::event(descriptor));
        if let Err(e) = one.validate(&value) {
            panic!("the example of {event_type} is invalid against its schema: {e}");
        }
        assert!(all.is_valid(&value));
        // And what the decoder writes back validates too.
        let written: Value = serde_json::from_str(&decoded.to_json()).unwrap();
        assert!(one.is_valid(&written));
    }
}

#[test]
fn the_schema_says_what_the_contract_says() {
    let registry = registry();
    let descriptor = registry.get(ProvisioningRecipeUpdated::TYPE).unwrap();
    let schema = events_codegen::schema::event(descriptor).to_value();
    let envelope = &schema["properties"];
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["required"], json!(["id", "kind", "type", "payload"]));
    assert_eq!(envelope["id"]["minLength"], 1);
    assert_eq!(envelope["kind"]["const"], "domain");
    assert_eq!(envelope["type"]["const"], ProvisioningRecipeUpdated::TYPE);

    let payload = &envelope["payload"];
    assert_eq!(payload["required"], json!(["owner", "type", "uid"]));
    assert_eq!(payload["additionalProperties"], true);
    let p = &payload["properties"];
    assert_eq!(p["type"]["const"], ProvisioningRecipeUpdated::TYPE);
    assert_eq!(p["uid"]["minLength"], 1);
    assert_eq!(
        p["status"]["enum"],
        json!(["Pending", "Applied", "Failed", "Invalid", null])
    );
    assert_eq!(p["tagUids"]["type"], json!(["array", "null"]));
    assert_eq!(
        p["serialNumber"]["description"],
        "Serial number of the device this recipe provisions."
    );

    let defs = &schema["$defs"];
    let owner = &defs["Organization"];
    assert_eq!(
        owner["properties"]["ownershipType"]["const"],
        descriptor.ownership_type()
    );
    assert_eq!(owner["properties"]["organizationUid"]["minLength"], 1);
    assert_eq!(owner["properties"]["parentCompanyUid"]["minLength"], 1);
    let account = &defs["Originator"]["properties"]["accountId"];
    assert_eq!(account["type"], json!(["integer", "null"]));
    assert_eq!(account["minimum"], json!(i64::MIN));
    assert_eq!(account["maximum"], json!(i64::MAX));

    // The document of all types: one `oneOf` branch per type, keyed by its constant `type`.
    let all = events_codegen::schema::all(registry).to_value();
    let branches = all["oneOf"].as_array().unwrap();
    assert_eq!(branches.len(), registry.len());
    for (branch, event_type) in branches.iter().zip(registry.types()) {
        assert_eq!(branch["$ref"], format!("#/$defs/{event_type}"));
        assert_eq!(
            all["$defs"][event_type]["properties"]["type"]["const"],
            event_type
        );
    }
}
