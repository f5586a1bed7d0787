//! Writes the generated event types the benches include (into `OUT_DIR`, never the source tree):
//!
//! - `scale_events.rs`: 1,000 tiny `#[domain_event]` structs, `Bench.Event0000` to
//!   `Bench.Event0999`, with one or two members each, for the registry-scale bench;
//! - `tagged_types.rs`: 49 tiny plain serde structs, `Bench.Tiny00` to `Bench.Tiny48`, with the
//!   internally tagged enum over them and the real payload shape (50 variants), and their
//!   typetag registrations, for the decode bench's `tagged_enum` and `typetag` rows.
//!
//! Only the bench targets `include!` these files, so `cargo build` and `cargo test` of the
//! workspace never compile the generated types.

use std::fmt::Write as _;
use std::path::PathBuf;

/// How many `#[domain_event]` structs `scale_events.rs` holds.
const SCALE_EVENTS: usize = 1000;
/// How many tiny types stand beside the real payload in the tagged enum (50 variants in all).
const TINY_TYPES: usize = 49;
/// Where the real payload's variant sits among the tiny ones: the middle, neither the first
/// arm serde's variant match tries nor the last.
const REAL_AT: usize = 25;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("scale_events.rs"), scale_events()).expect("write scale_events.rs");
    std::fs::write(out.join("tagged_types.rs"), tagged_types()).expect("write tagged_types.rs");
}

fn scale_events() -> String {
    let mut s = String::new();
    for i in 0..SCALE_EVENTS {
        let _ = writeln!(s, "/// Generated bench event number {i}.");
        let _ = writeln!(
            s,
            "#[::events_core::domain_event(type = \"Bench.Event{i:04}\")]"
        );
        let _ = writeln!(s, "#[derive(Debug, Clone, PartialEq)]");
        let _ = writeln!(s, "pub struct BenchEvent{i:04} {{");
        let _ = writeln!(s, "    /// A label.");
        let _ = writeln!(s, "    pub label: Option<String>,");
        if i % 2 == 1 {
            let _ = writeln!(s, "    /// A count.");
            let _ = writeln!(s, "    pub count: i64,");
        }
        let _ = writeln!(s, "}}\n");
    }
    let _ = writeln!(
        s,
        "/// The type strings of the generated bench events, in order."
    );
    let _ = writeln!(s, "pub const SCALE_TYPES: [&str; {SCALE_EVENTS}] = [");
    for i in 0..SCALE_EVENTS {
        let _ = writeln!(s, "    \"Bench.Event{i:04}\",");
    }
    let _ = writeln!(s, "];");
    s
}

fn tagged_types() -> String {
    let mut s = String::new();
    for i in 0..TINY_TYPES {
        let _ = writeln!(s, "/// Generated tiny payload number {i}.");
        let _ = writeln!(s, "#[derive(Debug, Clone, PartialEq, serde::Deserialize)]");
        let _ = writeln!(s, "#[serde(rename_all = \"camelCase\")]");
        let _ = writeln!(s, "pub struct Tiny{i:02} {{");
        let _ = writeln!(s, "    /// The entity.");
        let _ = writeln!(s, "    pub uid: String,");
        let _ = writeln!(s, "    /// A label.");
        let _ = writeln!(s, "    pub label: Option<String>,");
        let _ = writeln!(s, "}}\n");
        let _ = writeln!(s, "#[typetag::deserialize(name = \"Bench.Tiny{i:02}\")]");
        let _ = writeln!(s, "impl TypetagPayload for Tiny{i:02} {{");
        let _ = writeln!(
            s,
            "    fn as_any(&self) -> &dyn std::any::Any {{\n        self\n    }}"
        );
        let _ = writeln!(s, "}}\n");
    }
    let _ = writeln!(
        s,
        "/// Every payload type, internally tagged by the payload's own `type` member."
    );
    let _ = writeln!(s, "#[derive(Debug, Clone, PartialEq, serde::Deserialize)]");
    let _ = writeln!(s, "#[serde(tag = \"type\")]");
    let _ = writeln!(s, "#[allow(clippy::large_enum_variant)]");
    let _ = writeln!(s, "pub enum TaggedPayload {{");
    for i in 0..TINY_TYPES {
        if i == REAL_AT {
            real_variant(&mut s);
        }
        let _ = writeln!(s, "    /// `Bench.Tiny{i:02}`.");
        let _ = writeln!(s, "    #[serde(rename = \"Bench.Tiny{i:02}\")]");
        let _ = writeln!(s, "    Tiny{i:02}(Tiny{i:02}),");
    }
    let _ = writeln!(s, "}}");
    s
}

fn real_variant(s: &mut String) {
    let _ = writeln!(s, "    /// `Device.ProvisioningRecipeUpdated`.");
    let _ = writeln!(
        s,
        "    #[serde(rename = \"Device.ProvisioningRecipeUpdated\")]"
    );
    let _ = writeln!(
        s,
        "    ProvisioningRecipeUpdated(events_bench::plain::PlainPayloadBody),"
    );
}
