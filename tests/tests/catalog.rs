//! The catalog page generated for `Device.ProvisioningRecipeUpdated` is its source document
//! (`events-device/spec/Device.ProvisioningRecipeUpdated.md`), line for line.
//!
//! The source document is a text rendering of the page: it lost its indentation and code
//! fences, and its table rows their leading pipe. The generated page is real Markdown (escaped
//! pipes in table cells, indented JSON in fenced blocks), so both sides are compared after the
//! same normalization, and nothing more:
//!
//! 1. each line trimmed of leading and trailing white space;
//! 2. blank lines and code-fence lines dropped;
//! 3. a table row's outer pipes removed (with the padding that separates them from the cells);
//! 4. `\|` read as `|`.

use events_core::{DomainEvent, Registry};
use events_device::ProvisioningRecipeUpdated;

const SOURCE: &str = include_str!("../../events-device/spec/Device.ProvisioningRecipeUpdated.md");

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

fn page() -> String {
    let descriptor = registry().get(ProvisioningRecipeUpdated::TYPE).unwrap();
    events_codegen::catalog::page(descriptor)
}

fn is_fence(line: &str) -> bool {
    line.starts_with("```") || line.starts_with("~~~")
}

/// A table row's line: it starts with a pipe, or ends with one that is not escaped.
fn is_table_row(line: &str) -> bool {
    line.starts_with('|') || (line.ends_with('|') && !line.ends_with("\\|"))
}

fn normalize(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !is_fence(line))
        .map(|line| {
            let line = if is_table_row(line) {
                let line = line.strip_prefix('|').unwrap_or(line);
                let line = match line.strip_suffix('|') {
                    Some(rest) if !rest.ends_with('\\') => rest,
                    _ => line,
                };
                line.trim()
            } else {
                line
            };
            line.replace("\\|", "|")
        })
        .collect()
}

#[test]
fn the_page_is_the_source_document_line_for_line() {
    let rendered = normalize(&page());
    let source = normalize(SOURCE);
    assert!(source.len() > 100, "the source document was not read");
    for (i, (ours, theirs)) in rendered.iter().zip(&source).enumerate() {
        assert_eq!(
            ours,
            theirs,
            "normalized line {} differs (rendered, then source document)",
            i + 1
        );
    }
    assert_eq!(
        rendered.len(),
        source.len(),
        "the rendered page has {} normalized lines, the source document {}",
        rendered.len(),
        source.len()
    );
}

#[test]
fn the_page_is_markdown_with_escaped_cells_and_fenced_indented_json() {
    let page = page();
    // The literal union's pipes are escaped, so the row keeps its four cells.
    let status = page.lines().find(|l| l.starts_with("| status |")).unwrap();
    assert_eq!(
        status,
        r#"| status | "Pending" \| "Applied" \| "Failed" \| "Invalid" (literal) | — | Current provisioning status of the recipe. |"#
    );
    for row in page.lines().filter(|l| l.starts_with('|')) {
        let cells = row.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 5, "a row of four cells: {row}");
    }

    // Two fenced JSON blocks, indented two spaces per level.
    let blocks: Vec<&str> = page.split("```json\n").skip(1).collect();
    assert_eq!(blocks.len(), 2);
    let example = blocks[0].split("\n```").next().unwrap();
    let shape = blocks[1].split("\n```").next().unwrap();
    assert!(example.contains("\n  \"payload\": {\n    \"owner\": {\n      \"ownershipType\""));
    assert!(shape.contains("\n    \"status?\": \"Pending | Applied | Failed | Invalid\",\n"));

    // The example block is the fixture, member for member.
    let fixture = ProvisioningRecipeUpdated::EXAMPLE.unwrap();
    assert_eq!(
        events_tests::compact(example),
        events_tests::compact(fixture)
    );
    let _: serde_json::Value = serde_json::from_str(shape).unwrap();
}

#[test]
fn the_normalization_keeps_what_a_page_says() {
    // Not vacuous: a changed word, a lost row or a flipped flag is still seen.
    let source = normalize(SOURCE);
    for (from, to) in [
        ("| ✅ | Unique identifier", "| — | Unique identifier"),
        ("string[]", "string"),
        ("\"Invalid\" (literal)", "\"Invalid\""),
        ("Emitted when", "Sent when"),
    ] {
        let changed = page().replacen(from, to, 1);
        assert_ne!(normalize(&changed), source, "{from:?} -> {to:?}");
    }
    let without_row: String = page()
        .lines()
        .filter(|l| !l.starts_with("| model |"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(normalize(&without_row), source);
}

#[test]
fn every_registered_type_has_a_page_with_its_example_and_the_index_links_them() {
    let registry = registry();
    let index = events_codegen::catalog::index(registry);
    for descriptor in registry.descriptors() {
        let page = events_codegen::catalog::page(descriptor);
        let title = descriptor.event_type().replace('.', "");
        assert!(page.starts_with(&format!("{title}\n")), "{page}");
        assert!(
            page.contains("\nExample\n\n```json\n{\n"),
            "{title} has no example"
        );
        assert!(page.contains("\nShape\n\n```json\n{\n"));

        let file = events_codegen::catalog::file_name(descriptor);
        let summary = descriptor.payload().doc.lines().next().unwrap_or("");
        let row = format!("| [{}]({file}) | {summary} |", descriptor.event_type());
        assert!(index.lines().any(|l| l == row), "{row} not in\n{index}");
    }
    assert_eq!(
        events_codegen::catalog::file_name(registry.get(ProvisioningRecipeUpdated::TYPE).unwrap()),
        "Device.ProvisioningRecipeUpdated.md",
        "the page is named as its source document"
    );
}
