//! `events types`: the registered types, linked in from the event crates.

use std::process::Command;

#[test]
fn types_lists_the_device_event_with_its_rust_type() {
    let output = Command::new(env!("CARGO_BIN_EXE_events"))
        .arg("types")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let line = stdout
        .lines()
        .find(|line| line.starts_with("Device.ProvisioningRecipeUpdated "))
        .unwrap_or_else(|| panic!("not listed:\n{stdout}"));
    assert!(
        line.ends_with("  events_device::provisioning_recipe_updated::ProvisioningRecipeUpdated"),
        "{line}"
    );
}

#[test]
fn types_are_sorted() {
    let output = Command::new(env!("CARGO_BIN_EXE_events"))
        .arg("types")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let types: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    let mut sorted = types.clone();
    sorted.sort_unstable();
    assert_eq!(types, sorted);
    assert!(!types.is_empty());
}
