#!/usr/bin/env python3
"""Generates two crates of 200 events each, identical on the wire: one defined with
#[domain_event], one with plain serde derives (the same members, the wired-in ones written
out by hand). run.sh builds both and compares. Output goes under target/, never into git."""

import pathlib
import sys

EVENTS = 200
root = pathlib.Path(__file__).resolve().parents[2]
out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "target" / "compile-time"


def members(i):
    return [
        ("name", "Option<String>"),
        ("serial_number", "Option<String>"),
        ("mac_address", "Option<String>"),
        ("model", "Option<String>"),
        ("brand", "Option<String>"),
        ("confirmed", "Option<bool>"),
        ("tag_uids", "Option<Vec<String>>"),
        ("count", "Option<i64>"),
        ("status", f"Option<Status{i}>"),
        ("details", f"Option<Details{i}>"),
    ]


def events_crate():
    lines = ["//! 200 events defined with #[domain_event].", "#![allow(missing_docs)]",
             "use events_core::{domain_event, EventValue};", ""]
    for i in range(EVENTS):
        lines += [
            "#[derive(Debug, Clone, PartialEq, EventValue)]",
            f"pub enum Status{i} {{ Pending, Applied, Failed, Invalid }}",
            "#[derive(Debug, Clone, PartialEq, EventValue)]",
            f"pub struct Details{i} {{ pub warning_message: String }}",
            f'#[domain_event(type = "Bench.Event{i:04}")]',
            "#[derive(Debug, Clone, PartialEq)]",
            f"pub struct Event{i} {{",
        ]
        lines += [f"    pub {n}: {t}," for n, t in members(i)]
        lines += ["}", ""]
    return "\n".join(lines)


def serde_crate():
    lines = ["//! The same 200 events with plain serde derives.", "#![allow(missing_docs)]",
             "use serde::{Deserialize, Serialize};", "",
             "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]",
             '#[serde(rename_all = "camelCase")]',
             "pub struct Owner { pub ownership_type: String, pub organization_uid: String, pub parent_company_uid: String }",
             "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]",
             '#[serde(rename_all = "camelCase")]',
             "pub struct Originator {",
             '    #[serde(skip_serializing_if = "Option::is_none")] pub account_id: Option<i64>,',
             '    #[serde(skip_serializing_if = "Option::is_none")] pub organization_uid: Option<String>,',
             '    #[serde(skip_serializing_if = "Option::is_none")] pub policy_uid: Option<String>,',
             "}", ""]
    for i in range(EVENTS):
        lines += [
            "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]",
            f"pub enum Status{i} {{ Pending, Applied, Failed, Invalid }}",
            "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]",
            '#[serde(rename_all = "camelCase")]',
            f"pub struct Details{i} {{ pub warning_message: String }}",
            "#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]",
            '#[serde(rename_all = "camelCase")]',
            f"pub struct Event{i} {{",
            "    pub owner: Owner,",
        ]
        lines += [f'    #[serde(skip_serializing_if = "Option::is_none")] pub {n}: {t},' for n, t in members(i)]
        lines += [
            '    #[serde(rename = "type")] pub event_type: String,',
            '    #[serde(skip_serializing_if = "Option::is_none")] pub originator: Option<Originator>,',
            "    pub uid: String,",
            "}", ""]
    return "\n".join(lines)


def write(name, deps, source):
    crate = out / name
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        f"[dependencies]\n{deps}\n\n[workspace]\n")
    (crate / "src" / "lib.rs").write_text(source + "\n")


write("events200", f'events-core = {{ path = "{root / "events-core"}" }}', events_crate())
write("serde200", 'serde = { version = "1", features = ["derive"] }', serde_crate())
print(out)
