//! Contracts for services in any language, generated from the event registry.
//!
//! The Rust definitions are the one source of truth: everything here is built from what the
//! macros record for each registered event ([`events_core::EventDescriptor`] and its
//! [`events_core::ObjectShape`]: every member's JSON name, shape, required flag and doc
//! comment), never written by hand per event.
//!
//! - [`schema`]: JSON Schema (draft 2020-12) for one envelope type, or for all of them;
//! - [`catalog`]: the Markdown page of an event, as its source document is written, and an
//!   index of every type;
//! - [`typescript`]: TypeScript declarations of every payload and envelope, and their union.
//!
//! ```
//! use events_core::{domain_event, Registry};
//!
//! /// A widget was renamed.
//! #[domain_event(type = "Widget.Renamed")]
//! pub struct WidgetRenamed {
//!     /// The widget's new name.
//!     pub name: String,
//! }
//!
//! let registry = Registry::global().unwrap();
//! let descriptor = registry.get("Widget.Renamed").unwrap();
//!
//! let schema: serde_json::Value = events_codegen::schema::event(descriptor).to_value();
//! assert_eq!(schema["properties"]["payload"]["required"][1], "name");
//!
//! let page: String = events_codegen::catalog::page(descriptor);
//! assert!(page.contains("| name | string | ✅ | The widget's new name. |"));
//!
//! let ts: String = events_codegen::typescript::declarations(registry);
//! assert!(ts.contains("export type DomainEvent ="));
//! ```

#![deny(missing_docs)]

pub mod catalog;
mod json;
mod objects;
pub mod schema;
pub mod typescript;
