//! `events schema`, `events docs` and `events typescript`: what other languages get,
//! generated from the registered types.

use std::process::{Command, Output};

fn events(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_events"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

#[test]
fn schema_without_types_is_one_document_discriminated_by_type() {
    let schema: serde_json::Value = serde_json::from_str(&stdout(&events(&["schema"]))).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let one_of = schema["oneOf"].as_array().unwrap();
    assert!(!one_of.is_empty());
    assert!(schema["$defs"]["Device.ProvisioningRecipeUpdated"].is_object());
}

#[test]
fn schema_of_a_named_type_is_its_own_document() {
    let schema: serde_json::Value = serde_json::from_str(&stdout(&events(&[
        "schema",
        "Device.ProvisioningRecipeUpdated",
    ])))
    .unwrap();
    assert_eq!(
        schema["properties"]["type"]["const"],
        "Device.ProvisioningRecipeUpdated"
    );
}

#[test]
fn an_unknown_type_is_a_usage_error() {
    for command in ["schema", "docs"] {
        let output = events(&[command, "No.SuchEvent"]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("No.SuchEvent"));
    }
}

#[test]
fn docs_prints_the_catalog_page() {
    let page = stdout(&events(&["docs", "Device.ProvisioningRecipeUpdated"]));
    assert!(
        page.starts_with("DeviceProvisioningRecipeUpdated\n"),
        "{page}"
    );
    assert!(page.contains(
        "| status | \"Pending\" \\| \"Applied\" \\| \"Failed\" \\| \"Invalid\" (literal) | — |"
    ));
}

#[test]
fn docs_with_out_writes_a_page_per_type_and_an_index() {
    let dir = std::env::temp_dir().join(format!("events-docs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    stdout(&events(&["docs", "--out", dir.to_str().unwrap()]));
    let page = std::fs::read_to_string(dir.join("Device.ProvisioningRecipeUpdated.md")).unwrap();
    assert!(page.contains("Emitted when an existing provisioning recipe is updated."));
    let index = std::fs::read_to_string(dir.join("index.md")).unwrap();
    assert!(index.contains("(Device.ProvisioningRecipeUpdated.md)"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn typescript_is_the_checked_in_declarations_that_ci_compiles() {
    let generated = stdout(&events(&["typescript"]));
    let checked_in = include_str!("../../events-codegen/ts/events.d.ts");
    assert_eq!(
        generated, checked_in,
        "regenerate events-codegen/ts/events.d.ts"
    );
}
