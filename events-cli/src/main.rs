//! The `events` command: checks streams of event envelopes against the event contract
//! (`spec/CONTRACT.md`, section 5), and lists the event types it knows.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use events_core::stream::{Events, StreamEvent};
use events_core::{Registry, RegistryError};

/// Every event crate linked into the command. Naming them is also what keeps their
/// registrations from being dropped by the linker.
const EVENT_CRATES: &[&[&str]] = &[events_device::EVENT_TYPES];

/// Check and inspect typed domain events.
#[derive(Parser)]
#[command(name = "events", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every event of each input against the event contract.
    ///
    /// Each input is a stream of JSON envelopes, separated by white space or by nothing:
    /// NDJSON and a pretty-printed document are both streams. Exits 0 if every event is
    /// valid, 1 if one is not, 2 if an input cannot be read.
    Validate {
        /// `text` prints one line per rejected event and a summary on standard error;
        /// `json` prints one JSON object per event.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The inputs; none, or `-`, reads standard input.
        #[arg(value_name = "FILE")]
        files: Vec<OsString>,
    },
    /// List every registered event type with the Rust type that defines it.
    Types,
    /// Print the JSON Schema (draft 2020-12) of envelopes.
    ///
    /// With no TYPE, one document for every registered type, a `oneOf` discriminated by
    /// `type`; with TYPEs, one document per type, in the order given.
    Schema {
        /// Event types to describe, such as Device.ProvisioningRecipeUpdated.
        #[arg(value_name = "TYPE")]
        types: Vec<String>,
    },
    /// Render the catalog page of each event type (all when none is named), as Markdown.
    Docs {
        /// Event types to render.
        #[arg(value_name = "TYPE")]
        types: Vec<String>,
        /// Write one file per type and an index.md into DIR instead of printing.
        #[arg(long, value_name = "DIR")]
        out: Option<std::path::PathBuf>,
    },
    /// Print TypeScript declarations of every registered event type.
    Typescript {
        /// Write the declarations to FILE instead of printing them.
        #[arg(long, value_name = "FILE")]
        out: Option<std::path::PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// The exit status; a worse one wins.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Status {
    Valid = 0,
    Invalid = 1,
    Trouble = 2,
}

impl Status {
    fn raise(&mut self, to: Status) {
        *self = (*self).max(to);
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut status = Status::Valid;
    let outcome = match cli.command {
        Command::Validate { format, files } => validate(format, &files, &mut status),
        Command::Types => types(&mut status),
        Command::Schema { types } => generate(&mut status, |registry| schema(registry, &types)),
        Command::Docs { types, out } => generate(&mut status, |registry| {
            docs(registry, &types, out.as_deref())
        }),
        Command::Typescript { out } => generate(&mut status, |registry| {
            emit(
                out.as_deref(),
                &events_codegen::typescript::declarations(registry),
            )
        }),
    };
    if let Err(e) = outcome {
        // Whoever reads our output stopped listening (`| head`): nothing left to say.
        if e.kind() != io::ErrorKind::BrokenPipe {
            complain(format_args!("cannot write the report: {e}"));
            status.raise(Status::Trouble);
        }
    }
    ExitCode::from(status as u8)
}

/// Writes one line to standard error; if even that fails, there is no one left to tell.
fn complain(what: std::fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "events: {what}");
}

/// The registry, once it is known to hold every linked event crate's types.
fn registry() -> Result<&'static Registry, String> {
    let registry = Registry::global().map_err(|e: RegistryError| e.to_string())?;
    for event_type in EVENT_CRATES.iter().copied().flatten() {
        if registry.get(event_type).is_none() {
            return Err(format!(
                "event type \"{event_type}\" is not registered: its crate was not linked"
            ));
        }
    }
    Ok(registry)
}

fn types(status: &mut Status) -> io::Result<()> {
    let registry = match registry() {
        Ok(registry) => registry,
        Err(e) => {
            complain(format_args!("{e}"));
            status.raise(Status::Trouble);
            return Ok(());
        }
    };
    let width = registry.types().map(str::len).max().unwrap_or(0);
    let mut out = BufWriter::new(io::stdout().lock());
    for descriptor in registry.descriptors() {
        writeln!(
            out,
            "{:<width$}  {}",
            descriptor.event_type(),
            descriptor.rust_type()
        )?;
    }
    out.flush()
}

#[derive(Default)]
struct Tally {
    valid: usize,
    invalid: usize,
    unreadable: usize,
}

fn validate(format: Format, files: &[OsString], status: &mut Status) -> io::Result<()> {
    if let Err(e) = registry() {
        complain(format_args!("{e}"));
        status.raise(Status::Trouble);
        return Ok(());
    }
    let stdin_only = [OsString::from("-")];
    let files = if files.is_empty() { &stdin_only } else { files };

    let mut out = BufWriter::new(io::stdout().lock());
    let mut tally = Tally::default();
    for file in files {
        let name = file.to_string_lossy();
        let reader: Box<dyn Read> = if file == "-" {
            Box::new(io::stdin().lock())
        } else {
            match File::open(file) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    complain(format_args!("{name}: cannot open: {e}"));
                    tally.unreadable += 1;
                    status.raise(Status::Trouble);
                    continue;
                }
            }
        };
        let events = match Events::new(reader) {
            Ok(events) => events,
            Err(e) => {
                complain(format_args!("{e}"));
                status.raise(Status::Trouble);
                return Ok(());
            }
        };
        for event in events {
            match event {
                Ok(event) => {
                    if event.is_valid() {
                        tally.valid += 1;
                    } else {
                        tally.invalid += 1;
                        status.raise(Status::Invalid);
                    }
                    report(&mut out, format, &name, &event)?;
                }
                Err(e) => {
                    // What was read before the failure is reported; the rest cannot be.
                    out.flush()?;
                    complain(format_args!("{name}: cannot read: {e}"));
                    tally.unreadable += 1;
                    status.raise(Status::Trouble);
                }
            }
        }
    }
    out.flush()?;
    if format == Format::Text {
        complain_summary(&tally);
    }
    Ok(())
}

fn report(out: &mut impl Write, format: Format, file: &str, event: &StreamEvent) -> io::Result<()> {
    match format {
        Format::Text => match &event.result {
            Ok(_) => Ok(()),
            Err(e) => writeln!(out, "{file}:{}: {e}", event.line),
        },
        Format::Json => writeln!(out, "{}", json_line(file, event)),
    }
}

/// One event as the contract's JSON object, with its members in the contract's order.
fn json_line(file: &str, event: &StreamEvent) -> String {
    let (event_type, id) = match &event.result {
        Ok(envelope) => (Some(envelope.event_type()), Some(envelope.id())),
        Err(e) => (e.event_type(), e.id()),
    };
    let mut line = format!(
        "{{\"file\":{},\"line\":{},\"ok\":{},\"type\":{},\"id\":{},\"error\":",
        json_string(file),
        event.line,
        event.is_valid(),
        event_type.map_or_else(|| "null".to_owned(), json_string),
        id.map_or_else(|| "null".to_owned(), json_string),
    );
    match &event.result {
        Ok(_) => line.push_str("null}"),
        Err(e) => {
            let _ = write!(
                line,
                "{{\"kind\":{},\"path\":{},\"message\":{}}}}}",
                json_string(e.kind().as_str()),
                json_string(e.path()),
                json_string(e.message()),
            );
        }
    }
    line
}

fn json_string(s: &str) -> String {
    // Serializing a string cannot fail.
    serde_json::to_string(s).unwrap_or_else(|_| "null".to_owned())
}

fn complain_summary(tally: &Tally) {
    let total = tally.valid + tally.invalid;
    let mut summary = format!(
        "{total} {}: {} valid, {} invalid",
        if total == 1 { "event" } else { "events" },
        tally.valid,
        tally.invalid
    );
    if tally.unreadable > 0 {
        let _ = write!(
            summary,
            "; {} {} could not be read",
            tally.unreadable,
            if tally.unreadable == 1 {
                "input"
            } else {
                "inputs"
            }
        );
    }
    let _ = writeln!(io::stderr().lock(), "{summary}");
}

/// Why a generator could not produce its output.
enum GenerateError {
    /// A named type is not registered, or the registry is unusable: the user's to fix.
    Usage(String),
    /// Writing failed.
    Io(io::Error),
}

impl From<io::Error> for GenerateError {
    fn from(e: io::Error) -> Self {
        GenerateError::Io(e)
    }
}

/// Runs a generator over the registry; a usage problem is reported and exits 2.
fn generate(
    status: &mut Status,
    run: impl FnOnce(&'static Registry) -> Result<(), GenerateError>,
) -> io::Result<()> {
    let outcome = registry().map_err(GenerateError::Usage).and_then(run);
    match outcome {
        Ok(()) => Ok(()),
        Err(GenerateError::Usage(message)) => {
            complain(format_args!("{message}"));
            status.raise(Status::Trouble);
            Ok(())
        }
        Err(GenerateError::Io(e)) => Err(e),
    }
}

/// The descriptors of the named types, or of every type when none is named.
fn selected(
    registry: &'static Registry,
    types: &[String],
) -> Result<Vec<&'static events_core::EventDescriptor>, GenerateError> {
    if types.is_empty() {
        return Ok(registry.descriptors().collect());
    }
    types
        .iter()
        .map(|name| {
            registry.get(name).ok_or_else(|| {
                GenerateError::Usage(format!(
                    "no registered event type \"{name}\"; `events types` lists them"
                ))
            })
        })
        .collect()
}

fn schema(registry: &'static Registry, types: &[String]) -> Result<(), GenerateError> {
    let mut text = String::new();
    if types.is_empty() {
        text = events_codegen::schema::all(registry).to_string();
        text.push('\n');
    } else {
        for descriptor in selected(registry, types)? {
            text.push_str(&events_codegen::schema::event(descriptor).to_string());
            text.push('\n');
        }
    }
    emit(None, &text)
}

fn docs(
    registry: &'static Registry,
    types: &[String],
    out: Option<&std::path::Path>,
) -> Result<(), GenerateError> {
    let descriptors = selected(registry, types)?;
    match out {
        None => {
            let pages: Vec<String> = descriptors
                .iter()
                .map(|d| events_codegen::catalog::page(d))
                .collect();
            emit(None, &pages.join("\n"))
        }
        Some(dir) => {
            std::fs::create_dir_all(dir)?;
            for descriptor in &descriptors {
                let path = dir.join(events_codegen::catalog::file_name(descriptor));
                std::fs::write(path, events_codegen::catalog::page(descriptor))?;
            }
            // The index lists the pages written, so that none of its links is dangling.
            let written = Registry::from_descriptors(descriptors.iter().copied())
                .map_err(|e| GenerateError::Usage(e.to_string()))?;
            std::fs::write(
                dir.join("index.md"),
                events_codegen::catalog::index(&written),
            )?;
            Ok(())
        }
    }
}

/// Writes `text` to `out`, or to standard output.
fn emit(out: Option<&std::path::Path>, text: &str) -> Result<(), GenerateError> {
    match out {
        Some(path) => std::fs::write(path, text)?,
        None => {
            let mut stdout = io::stdout().lock();
            stdout.write_all(text.as_bytes())?;
            stdout.flush()?;
        }
    }
    Ok(())
}
