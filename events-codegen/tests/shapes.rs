//! Every shape a member can have, through every generator: an event that uses them all (a
//! float, a required integer and literal union, objects and literals in arrays, a boxed
//! object, a one-literal union, a renamed member, a nested type that shares a name with the
//! originator, a description with a pipe and a comment end), its schema checked against the
//! decoder by an independent validator, its catalog rows and its TypeScript.

use events_core::{domain_event, DomainEvent, EventValue, Registry};
use jsonschema::Validator;
use serde_json::{json, Value};

/// How the attempt ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EventValue)]
pub enum Outcome {
    /// It worked.
    Applied,
    /// It did not, and nobody will try again.
    #[event(rename = "gave-up")]
    GaveUp,
}

/// How fast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EventValue)]
pub enum Mode {
    /// Fast.
    #[event(rename = "fast")]
    Fast,
    /// Slow.
    #[event(rename = "slow")]
    Slow,
}

/// A union of one literal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, EventValue)]
pub enum Only {
    /// The one.
    #[event(rename = "one")]
    One,
}

/// One attempt.
#[derive(Debug, Clone, PartialEq, EventValue)]
pub struct Attempt {
    /// What went wrong.
    pub message: String,
    /// How it ended.
    pub outcome: Option<Outcome>,
    /// Which tries.
    pub tries: Option<Vec<i64>>,
}

/// A note.
#[derive(Debug, Clone, PartialEq, EventValue)]
pub struct Note {
    /// The text.
    pub message: String,
}

mod other {
    use events_core::EventValue;

    /// Not the originator every payload carries: a struct of the same name.
    #[derive(Debug, Clone, PartialEq, EventValue)]
    pub struct Originator {
        /// Who.
        pub name: String,
    }
}

/// Every shape a member can have.
#[domain_event(
    type = "Codegen.Everything",
    example = "tests/fixtures/Codegen.Everything.json"
)]
#[derive(Debug, Clone, PartialEq)]
pub struct Everything {
    /// A float.
    pub ratio: f64,
    /// A required integer.
    pub count: i64,
    /// A required literal union.
    pub mode: Mode,
    /// Objects in an array.
    pub attempts: Vec<Attempt>,
    /// Literals in an array.
    pub outcomes: Option<Vec<Outcome>>,
    /// A union of one literal, optional.
    pub only: Option<Only>,
    /// A boxed object.
    pub boxed: Option<Box<Note>>,
    /// Someone | something, and a comment end */ too.
    pub label: Option<String>,
    /// Named on the wire as it is not in Rust.
    #[event(rename = "wire-name")]
    pub renamed: Option<bool>,
    /// A second originator.
    pub by: Option<other::Originator>,
}

fn registry() -> &'static Registry {
    let registry = Registry::global().unwrap();
    assert!(registry.get(Everything::TYPE).is_some());
    assert!(registry.get(events_device::EVENT_TYPES[0]).is_some());
    registry
}

fn validator() -> Validator {
    let schema: Value =
        serde_json::from_str(&events_codegen::schema::all(registry()).to_string()).unwrap();
    jsonschema::meta::validate(&schema).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn example() -> Value {
    serde_json::from_str(Everything::EXAMPLE.unwrap()).unwrap()
}

#[test]
fn the_schema_agrees_with_the_decoder_on_every_shape() {
    let validator = validator();
    let mut cases: Vec<(String, Value, bool)> = vec![("the example".into(), example(), true)];
    let mut edit = |name: &str, valid: bool, f: &dyn Fn(&mut Value)| {
        let mut v = example();
        f(&mut v);
        cases.push((name.to_owned(), v, valid));
    };
    edit("ratio integer", true, &|v| v["payload"]["ratio"] = json!(2));
    edit("ratio string", false, &|v| {
        v["payload"]["ratio"] = json!("0.5")
    });
    edit("ratio null", false, &|v| {
        v["payload"]["ratio"] = json!(null)
    });
    edit("count fraction", false, &|v| {
        v["payload"]["count"] = json!(1.5)
    });
    edit("count null", false, &|v| {
        v["payload"]["count"] = json!(null)
    });
    edit("count too big", false, &|v| {
        v["payload"]["count"] = json!(u64::MAX)
    });
    edit("mode slow", true, &|v| v["payload"]["mode"] = json!("slow"));
    edit("mode Fast", false, &|v| {
        v["payload"]["mode"] = json!("Fast")
    });
    edit("mode null", false, &|v| v["payload"]["mode"] = json!(null));
    edit("no mode", false, &|v| {
        v["payload"].as_object_mut().unwrap().remove("mode");
    });
    edit("attempts empty", true, &|v| {
        v["payload"]["attempts"] = json!([])
    });
    edit("attempts null", false, &|v| {
        v["payload"]["attempts"] = json!(null)
    });
    edit(
        "attempt minimal",
        true,
        &|v| {
            v["payload"]["attempts"] =
                json!([{"message": "m"}, {"message": "n", "outcome": null, "tries": null}])
        },
    );
    edit("attempt without message", false, &|v| {
        v["payload"]["attempts"] = json!([{"outcome": "Applied"}])
    });
    edit("attempt outcome wrong", false, &|v| {
        v["payload"]["attempts"][0]["outcome"] = json!("GaveUp")
    });
    edit("attempt tries fraction", false, &|v| {
        v["payload"]["attempts"][0]["tries"] = json!([1, 2.5])
    });
    edit("attempt null", false, &|v| {
        v["payload"]["attempts"] = json!([null])
    });
    edit("outcomes null", true, &|v| {
        v["payload"]["outcomes"] = json!(null)
    });
    edit("outcomes wrong", false, &|v| {
        v["payload"]["outcomes"] = json!(["Applied", "applied"])
    });
    edit("outcomes null item", false, &|v| {
        v["payload"]["outcomes"] = json!([null])
    });
    edit("only null", true, &|v| v["payload"]["only"] = json!(null));
    edit("only two", false, &|v| v["payload"]["only"] = json!("two"));
    edit("boxed null", true, &|v| v["payload"]["boxed"] = json!(null));
    edit("boxed empty", false, &|v| v["payload"]["boxed"] = json!({}));
    edit("wire-name", true, &|v| {
        v["payload"]["wire-name"] = json!(false)
    });
    edit("wire-name wrong", false, &|v| {
        v["payload"]["wire-name"] = json!("no")
    });
    edit("renamed is unknown", true, &|v| {
        v["payload"]["renamed"] = json!("anything")
    });
    edit("by", true, &|v| v["payload"]["by"] = json!({"name": "x"}));
    edit("by without name", false, &|v| {
        v["payload"]["by"] = json!({})
    });
    edit("originator", true, &|v| {
        v["payload"]["originator"] = json!({"accountId": 1})
    });
    edit("originator wrong", false, &|v| {
        v["payload"]["originator"] = json!({"name": 1, "accountId": "1"})
    });

    let registry = registry();
    let mut failures = Vec::new();
    for (name, value, valid) in cases {
        let bytes = serde_json::to_vec(&value).unwrap();
        let decoder = registry.decode(&bytes).is_ok();
        let schema = validator.is_valid(&value);
        if decoder != valid || schema != valid {
            failures.push(format!(
                "{name}: contract {valid}, decoder {decoder}, schema {schema}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_schema_names_shared_parts_once_and_keeps_the_originator_name() {
    let schema = events_codegen::schema::all(registry()).to_value();
    let defs = schema["$defs"].as_object().unwrap();
    let names: Vec<&str> = defs.keys().map(String::as_str).collect();
    for name in [
        "Organization",
        "Originator",
        "Originator2",
        "Attempt",
        "Note",
    ] {
        assert!(names.contains(&name), "{name} not in {names:?}");
    }
    assert_eq!(
        defs["Originator"]["properties"]["accountId"]["type"],
        json!(["integer", "null"])
    );
    assert_eq!(defs["Originator2"]["required"], json!(["name"]));
    let payload = &defs["Codegen.Everything"]["properties"]["payload"]["properties"];
    assert_eq!(payload["only"]["enum"], json!(["one", null]));
    assert_eq!(
        payload["outcomes"]["items"]["enum"],
        json!(["Applied", "gave-up"])
    );
    assert_eq!(payload["attempts"]["items"]["$ref"], "#/$defs/Attempt");
    assert_eq!(payload["boxed"]["anyOf"][0]["$ref"], "#/$defs/Note");
    assert_eq!(payload["ratio"]["type"], "number");
    assert_eq!(payload["count"]["type"], "integer");
}

#[test]
fn the_catalog_page_writes_every_shape_in_the_documents_notation() {
    let page = events_codegen::catalog::page(registry().get(Everything::TYPE).unwrap());
    for row in [
        "| ratio | number | ✅ | A float. |",
        "| count | number | ✅ | A required integer. |",
        r#"| mode | "fast" \| "slow" (literal) | ✅ | A required literal union. |"#,
        "| attempts | object[] | ✅ | Objects in an array. |",
        "| attempts[].message | string | ✅ | What went wrong. |",
        r#"| attempts[].outcome | "Applied" \| "gave-up" (literal) | — | How it ended. |"#,
        "| attempts[].tries | number[] | — | Which tries. |",
        r#"| outcomes | ("Applied" \| "gave-up")[] (literal) | — | Literals in an array. |"#,
        r#"| only | "one" (literal) | — | A union of one literal, optional. |"#,
        "| boxed | object | — | A boxed object. |",
        "| boxed.message | string | ✅ | The text. |",
        r"| label | string | — | Someone \| something, and a comment end */ too. |",
        "| wire-name | boolean | — | Named on the wire as it is not in Rust. |",
        "| by.name | string | ✅ | Who. |",
    ] {
        assert!(page.lines().any(|l| l == row), "{row} not in\n{page}");
    }
    assert!(page.contains(
        "    \"attempts\": [\n      {\n        \"message\": \"string\",\n        \"outcome?\": \"Applied | gave-up\",\n        \"tries?\": [\n          \"number\"\n        ]\n      }\n    ],\n"
    ));
    assert!(page.contains("    \"only?\": \"one\",\n"));
}

#[test]
fn the_typescript_declares_every_shape() {
    let ts = events_codegen::typescript::declarations(registry());
    for line in [
        "export interface CodegenEverything {",
        "  ratio: number;",
        "  count: number;",
        "  mode: \"fast\" | \"slow\";",
        "  attempts: Attempt[];",
        "  outcomes?: (\"Applied\" | \"gave-up\")[] | null;",
        "  only?: \"one\" | null;",
        "  boxed?: Note | null;",
        "  /** Someone | something, and a comment end *\\/ too. */",
        "  \"wire-name\"?: boolean | null;",
        "  by?: Originator2 | null;",
        "  originator?: Originator | null;",
        "export interface Originator2 {",
        "  type: \"Codegen.Everything\";",
        "  payload: CodegenEverything;",
        "  | CodegenEverythingEvent",
        "  | DeviceProvisioningRecipeUpdatedEvent;",
    ] {
        assert!(ts.lines().any(|l| l == line), "{line} not in\n{ts}");
    }
}
