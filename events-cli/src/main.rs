//! The `events` command: checks streams of event envelopes against the event contract
//! (`spec/CONTRACT.md`, section 5), and lists the event types it knows.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, BufWriter, Read, StdoutLock, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::thread;

use clap::{Args, Parser, Subcommand, ValueEnum};
use events_core::stream::Limits;
use events_core::{Error, Registry, RegistryError, Valid};

mod jobs;

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
    Validate(Validate),
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

/// The options of `events validate`.
#[derive(Args)]
struct Validate {
    /// `text` prints one line per rejected event and a summary on standard error;
    /// `json` prints one JSON object per event.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write each valid event to FILE: its exact bytes, then a line break.
    ///
    /// An event keeps its bytes as they were: one written over several lines (a
    /// pretty-printed document) stays on several lines.
    #[arg(long, value_name = "FILE")]
    valid_out: Option<PathBuf>,
    /// Write each invalid event to FILE: its exact bytes, then a line break.
    ///
    /// A broken event (one that is not JSON) is the rest of the line where it starts, as it
    /// was, bad UTF-8 included, less the white space that ends the line: it never holds a
    /// line break. With --valid-out, every byte of every event is written once; the only
    /// exception is an event longer than --max-event-size, of which only that many bytes
    /// are written. An input with no event at all writes nothing.
    #[arg(long, value_name = "FILE")]
    invalid_out: Option<PathBuf>,
    /// The most bytes an event may take; a longer one is malformed_json, and is never held
    /// in memory whole. A number, optionally followed by KiB, MiB or GiB.
    #[arg(long, value_name = "BYTES", default_value = "1MiB", value_parser = parse_size)]
    max_event_size: usize,
    /// Validate on N threads (at most 1024), one of which also reads the input; the output
    /// stays in input order. Defaults to the number of cores; 1 reads and validates on one
    /// thread.
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    jobs: Option<u16>,
    /// The inputs; none, or `-`, reads standard input.
    #[arg(value_name = "FILE")]
    files: Vec<OsString>,
}

/// Parses `--max-event-size`: bytes, or KiB, MiB, GiB.
fn parse_size(text: &str) -> Result<usize, String> {
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let unit: usize = match unit {
        _ if digits.is_empty() => 0,
        "" => 1,
        "KiB" => 1 << 10,
        "MiB" => 1 << 20,
        "GiB" => 1 << 30,
        _ => 0,
    };
    if unit == 0 {
        return Err("expected a number of bytes, optionally followed by KiB, MiB or GiB".into());
    }
    let bytes = digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .ok_or("expected a number of bytes that fits in memory")?;
    if bytes == 0 {
        return Err("expected at least one byte".into());
    }
    Ok(bytes)
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
        Command::Validate(options) => validate(options, &mut status),
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

/// The registry, or `None` once the reason it cannot be used is reported (exit status 2).
fn usable_registry(status: &mut Status) -> Option<&'static Registry> {
    match registry() {
        Ok(registry) => Some(registry),
        Err(e) => {
            complain(format_args!("{e}"));
            status.raise(Status::Trouble);
            None
        }
    }
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
    let Some(registry) = usable_registry(status) else {
        return Ok(());
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

/// What one batch of events adds to each output, rendered by the thread that validated it.
#[derive(Default)]
struct Chunk {
    report: Vec<u8>,
    valid: Vec<u8>,
    invalid: Vec<u8>,
    n_valid: usize,
    n_invalid: usize,
    flush: bool,
}

impl Chunk {
    /// The bytes it holds for the outputs.
    fn len(&self) -> usize {
        self.report.len() + self.valid.len() + self.invalid.len()
    }

    /// The events it renders.
    fn events(&self) -> usize {
        self.n_valid + self.n_invalid
    }
}

/// How events are rendered: the report's format, and which events' bytes are kept.
#[derive(Clone, Copy)]
struct Render {
    format: Format,
    valid: bool,
    invalid: bool,
}

impl Render {
    fn event(
        self,
        file: &str,
        line: usize,
        bytes: &[u8],
        result: &Result<Valid<'_>, Error>,
        chunk: &mut Chunk,
    ) {
        let keep = if result.is_ok() {
            chunk.n_valid += 1;
            self.valid.then_some(&mut chunk.valid)
        } else {
            chunk.n_invalid += 1;
            self.invalid.then_some(&mut chunk.invalid)
        };
        // The one event of an input that holds none has no bytes to keep.
        if let Some(out) = keep.filter(|_| !bytes.is_empty()) {
            out.extend_from_slice(bytes);
            out.push(b'\n');
        }
        // Writing to a vector cannot fail.
        let _ = report(&mut chunk.report, self.format, file, line, result);
    }
}

/// The input named `file` (`-`: standard input), or the complaint to make in its place.
fn open(file: &OsString, name: &str) -> Result<Box<dyn Read>, String> {
    if file == "-" {
        return Ok(Box::new(io::stdin().lock()));
    }
    match File::open(file) {
        Ok(f) => Ok(Box::new(f)),
        Err(e) => Err(format!("{name}: cannot open: {e}")),
    }
}

/// Why validation stopped before the end.
enum Stop {
    /// Standard output failed.
    Report(io::Error),
    /// Anything else, said in full.
    Trouble(String),
}

/// A file that gets the bytes of valid or invalid events.
struct Output {
    path: PathBuf,
    file: BufWriter<File>,
}

impl Output {
    fn write(&mut self, bytes: &[u8]) -> Result<(), Stop> {
        self.file.write_all(bytes).map_err(|e| self.trouble(e))
    }

    fn flush(&mut self) -> Result<(), Stop> {
        self.file.flush().map_err(|e| self.trouble(e))
    }

    fn trouble(&self, e: io::Error) -> Stop {
        Stop::Trouble(format!("{}: cannot write: {e}", self.path.display()))
    }
}

/// Whether two paths name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Creates the files named by `--valid-out` and `--invalid-out`, refusing one that is an
/// input (creating it would empty it before it is read) or both the same file.
fn create_outputs(
    paths: [Option<PathBuf>; 2],
    inputs: &[OsString],
) -> Result<[Option<Output>; 2], String> {
    let mut outputs = [None, None];
    for (slot, path) in paths.into_iter().enumerate() {
        let Some(path) = path else { continue };
        let inputs = inputs.iter().filter(|input| *input != "-");
        if let Some(input) = inputs
            .into_iter()
            .find(|input| same_file(&path, input.as_ref()))
        {
            return Err(format!(
                "{}: cannot write the events of an input into it",
                Path::new(input).display()
            ));
        }
        if outputs
            .iter()
            .flatten()
            .any(|o: &Output| same_file(&o.path, &path))
        {
            return Err(format!(
                "{}: --valid-out and --invalid-out must be different files",
                path.display()
            ));
        }
        let file =
            File::create(&path).map_err(|e| format!("{}: cannot create: {e}", path.display()))?;
        outputs[slot] = Some(Output {
            path,
            file: BufWriter::new(file),
        });
    }
    Ok(outputs)
}

/// Writes the batches in input order: the report, the split outputs, the tally.
struct Sink {
    out: BufWriter<StdoutLock<'static>>,
    valid: Option<Output>,
    invalid: Option<Output>,
    tally: Tally,
}

impl Sink {
    /// Writes out what one batch of events adds to each output.
    fn chunk(&mut self, chunk: Chunk) -> Result<(), Stop> {
        self.out.write_all(&chunk.report).map_err(Stop::Report)?;
        if let Some(valid) = &mut self.valid {
            valid.write(&chunk.valid)?;
        }
        if let Some(invalid) = &mut self.invalid {
            invalid.write(&chunk.invalid)?;
        }
        self.tally.valid += chunk.n_valid;
        self.tally.invalid += chunk.n_invalid;
        if chunk.flush {
            self.flush()?;
        }
        Ok(())
    }

    /// Makes the complaint about an input that could not be opened or read on.
    fn trouble(&mut self, message: &str) -> Result<(), Stop> {
        self.out.flush().map_err(Stop::Report)?;
        complain(format_args!("{message}"));
        self.tally.unreadable += 1;
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Stop> {
        self.out.flush().map_err(Stop::Report)?;
        for output in [&mut self.valid, &mut self.invalid].into_iter().flatten() {
            output.flush()?;
        }
        Ok(())
    }
}

fn validate(options: Validate, status: &mut Status) -> io::Result<()> {
    let Some(registry) = usable_registry(status) else {
        return Ok(());
    };
    let mut files = options.files;
    if files.is_empty() {
        files.push(OsString::from("-"));
    }
    let [valid, invalid] = match create_outputs([options.valid_out, options.invalid_out], &files) {
        Ok(outputs) => outputs,
        Err(message) => {
            complain(format_args!("{message}"));
            status.raise(Status::Trouble);
            return Ok(());
        }
    };
    let render = Render {
        format: options.format,
        valid: valid.is_some(),
        invalid: invalid.is_some(),
    };
    let limits = Limits::new().with_max_event_bytes(options.max_event_size);
    let jobs = options.jobs.map_or_else(
        || thread::available_parallelism().map_or(1, NonZeroUsize::get),
        usize::from,
    );
    let mut sink = Sink {
        out: BufWriter::new(io::stdout().lock()),
        valid,
        invalid,
        tally: Tally::default(),
    };
    let outcome = if jobs == 1 {
        jobs::run_here(&files, limits, registry, render, &mut sink)
    } else {
        jobs::run_threads(files, limits, registry, render, jobs, &mut sink)
    };
    match outcome.and_then(|()| sink.flush()) {
        Ok(()) => {}
        Err(Stop::Report(e)) => return Err(e),
        Err(Stop::Trouble(message)) => {
            complain(format_args!("{message}"));
            status.raise(Status::Trouble);
            return Ok(());
        }
    }
    let tally = sink.tally;
    if tally.invalid > 0 {
        status.raise(Status::Invalid);
    }
    if tally.unreadable > 0 {
        status.raise(Status::Trouble);
    }
    if options.format == Format::Text {
        complain_summary(&tally);
    }
    Ok(())
}

fn report(
    out: &mut impl Write,
    format: Format,
    file: &str,
    line: usize,
    result: &Result<Valid<'_>, Error>,
) -> io::Result<()> {
    match format {
        Format::Text => match result {
            Ok(_) => Ok(()),
            Err(e) => writeln!(out, "{file}:{line}: {e}"),
        },
        Format::Json => writeln!(out, "{}", json_line(file, line, result)),
    }
}

/// One event as the contract's JSON object, with its members in the contract's order.
fn json_line(file: &str, line: usize, result: &Result<Valid<'_>, Error>) -> String {
    let (event_type, id) = match result {
        Ok(envelope) => (Some(envelope.event_type()), Some(envelope.id())),
        Err(e) => (e.event_type(), e.id()),
    };
    let mut text = format!(
        "{{\"file\":{},\"line\":{},\"ok\":{},\"type\":{},\"id\":{},\"error\":",
        json_string(file),
        line,
        result.is_ok(),
        event_type.map_or_else(|| "null".to_owned(), json_string),
        id.map_or_else(|| "null".to_owned(), json_string),
    );
    match result {
        Ok(_) => text.push_str("null}"),
        Err(e) => {
            let _ = write!(
                text,
                "{{\"kind\":{},\"path\":{},\"message\":{}}}}}",
                json_string(e.kind().as_str()),
                json_string(e.path()),
                json_string(e.message()),
            );
        }
    }
    text
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
