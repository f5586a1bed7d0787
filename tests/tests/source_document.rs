//! Every member, type, required flag and description of the source document is a
//! requirement: the recorded shape of `Device.ProvisioningRecipeUpdated` must say the same
//! as the `Payload` table of `events-device/spec/Device.ProvisioningRecipeUpdated.md`.

use events_core::{DomainEvent, Member, ObjectShape, Shape};
use events_device::ProvisioningRecipeUpdated;

const SOURCE: &str = include_str!("../../events-device/spec/Device.ProvisioningRecipeUpdated.md");

/// One row of the `Payload` table: field path, type, required, description.
#[derive(Debug, PartialEq)]
struct Row {
    path: String,
    ty: String,
    required: bool,
    description: String,
}

fn document_rows() -> Vec<Row> {
    let table = &SOURCE[SOURCE.find("| Field |").expect("a Payload table")..];
    table
        .lines()
        .skip(2)
        .take_while(|line| line.contains('|'))
        .map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            // The type column may hold a literal union, whose own `|` split it.
            let cells: Vec<&str> = cells.into_iter().filter(|c| !c.is_empty()).collect();
            let n = cells.len();
            Row {
                path: cells[0].to_owned(),
                ty: cells[1..n - 2].join(" | "),
                required: cells[n - 2] == "✅",
                description: cells[n - 1].to_owned(),
            }
        })
        .collect()
}

fn shape_rows(prefix: &str, object: &ObjectShape, out: &mut Vec<Row>) {
    for member in object.members {
        let path = if prefix.is_empty() {
            member.name.to_owned()
        } else {
            format!("{prefix}.{}", member.name)
        };
        out.push(Row {
            path: path.clone(),
            ty: notation(member),
            required: member.required,
            description: member.doc.to_owned(),
        });
        if let Shape::Object(inner) | Shape::Owner(inner) = member.shape {
            shape_rows(&path, inner, out);
        }
    }
}

fn notation(member: &Member) -> String {
    match member.shape {
        Shape::Literals(_) => format!("{} (literal)", member.shape.notation()),
        Shape::Discriminator => format!("\"{}\" (literal)", ProvisioningRecipeUpdated::TYPE),
        shape => shape.notation(),
    }
}

#[test]
fn every_member_of_the_source_document_is_defined_with_its_type_flag_and_description() {
    let mut defined = Vec::new();
    shape_rows("", ProvisioningRecipeUpdated::PAYLOAD, &mut defined);
    let documented = document_rows();
    assert!(
        documented.len() >= 24,
        "the table was not read: {documented:#?}"
    );
    for (doc, def) in documented.iter().zip(&defined) {
        assert_eq!(doc, def);
    }
    assert_eq!(documented.len(), defined.len(), "members differ in number");
}

#[test]
fn the_event_description_is_the_documents() {
    let description = SOURCE.lines().nth(1).unwrap().trim();
    assert_eq!(ProvisioningRecipeUpdated::PAYLOAD.doc, description);
}

#[test]
fn the_example_fixture_is_the_documents_example() {
    let start = SOURCE.find("\nExample\n").unwrap() + "\nExample\n".len();
    let end = SOURCE.find("\nShape\n").unwrap();
    let documented = events_tests::compact(&SOURCE[start..end]);
    let fixture = events_tests::compact(ProvisioningRecipeUpdated::EXAMPLE.unwrap());
    assert_eq!(fixture, documented);
}
