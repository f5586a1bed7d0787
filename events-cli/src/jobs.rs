//! Running `events validate` on one thread or on several, with the output in input order.
//!
//! On several threads, the reader does no more than read: it cuts each input into stretches
//! of whole lines, and any thread validates a stretch line by line
//! ([`validate_lines`]), which is all NDJSON needs. At the first line that does not hold
//! exactly one event, the writer takes over and reads the rest of that input as one
//! stream again ([`RawEvents::resuming`]), so that any input gets the verdicts one thread
//! would give it.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{self, Read};
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use std::thread;

use events_core::stream::{validate_lines, Limits, RawEvents, Unsettled};
use events_core::Registry;

use super::{open, Chunk, Render, Sink, Stop};

/// A batch is handed on once it holds this many bytes, or (on one thread) this many events,
/// or when the input has no more for now.
const BATCH_BYTES: usize = 1024 * 1024;
const BATCH_EVENTS: usize = 8192;

/// Reads, validates and writes on this thread (`--jobs 1`), each event validated where it
/// was read ([`RawEvents::next_validated`]): no batch to gather, and no bytes copied.
pub(crate) fn run_here(
    files: &[OsString],
    limits: Limits,
    registry: &Registry,
    render: Render,
    sink: &mut Sink,
) -> Result<(), Stop> {
    for file in files {
        let name: Arc<str> = file.to_string_lossy().into();
        match open(file, &name) {
            Ok(reader) => {
                let raw = RawEvents::with_limits(reader, limits);
                validate_stream(raw, &name, registry, render, sink)?;
            }
            Err(trouble) => sink.trouble(&trouble)?,
        }
    }
    Ok(())
}

/// Validates and writes every event of `raw`, an input named `name`, in batches; how many
/// there were.
fn validate_stream<R: Read>(
    mut raw: RawEvents<R>,
    name: &str,
    registry: &Registry,
    render: Render,
    sink: &mut Sink,
) -> Result<usize, Stop> {
    let mut chunk = Chunk::default();
    let mut events = 0;
    loop {
        let event = match raw.next_validated(registry) {
            Some(Ok(event)) => event,
            Some(Err(e)) => {
                // What was read before the failure is reported; the rest cannot be.
                sink.chunk(chunk)?;
                sink.trouble(&format!("{name}: cannot read: {e}"))?;
                return Ok(events);
            }
            None => {
                sink.chunk(chunk)?;
                return Ok(events);
            }
        };
        events += 1;
        render.event(name, event.line, event.bytes, &event.result, &mut chunk);
        let full = chunk.events() >= BATCH_EVENTS || chunk.len() >= BATCH_BYTES;
        let flush = waits_for_input(&raw);
        if full || flush {
            chunk.flush = flush;
            sink.chunk(std::mem::take(&mut chunk))?;
        }
    }
}

/// Whether the next event has to wait for input: what was read so far should be written
/// out first.
fn waits_for_input<R>(raw: &RawEvents<R>) -> bool {
    raw.buffered()
        .iter()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// What the reader hands on, in input order.
enum Work {
    Lines(Stretch),
    /// An input that could not be opened or read on: the complaint to make, in its place.
    Trouble(String),
}

/// A stretch of one input, cut after a line break (or where the input ends or its buffer
/// is full): what passes between threads is a stretch and one allocation, not an event.
struct Stretch {
    file: Arc<str>,
    bytes: Vec<u8>,
    /// The number of its first line.
    first_line: usize,
    /// The input's last stretch.
    last: bool,
    /// The input's last because reading it failed: the complaint follows.
    cut_short: bool,
    /// Handed on because the input has no more for now: what it says should be written out
    /// now, not when a buffer fills.
    flush: bool,
}

/// A batch validated and rendered, ready to be written.
enum Done {
    /// A stretch, its events rendered up to the line where a reader of the rest of the
    /// input must take over, if there is one.
    Lines {
        stretch: Stretch,
        chunk: Chunk,
        unsettled: Option<Unsettled>,
    },
    Trouble(String),
}

/// Validates and renders one stretch.
fn process(work: Work, limits: Limits, registry: &Registry, render: Render) -> Done {
    match work {
        Work::Lines(stretch) => {
            let mut chunk = Chunk {
                flush: stretch.flush,
                ..Chunk::default()
            };
            let settled = validate_lines(
                &stretch.bytes,
                stretch.first_line,
                limits,
                registry,
                |event| {
                    render.event(
                        &stretch.file,
                        event.line,
                        event.bytes,
                        &event.result,
                        &mut chunk,
                    )
                },
            );
            Done::Lines {
                unsettled: settled.err(),
                chunk,
                stretch,
            }
        }
        Work::Trouble(message) => Done::Trouble(message),
    }
}

/// [`process`]; a panic, which would be a bug, becomes a complaint rather than a batch that
/// never arrives.
fn process_guarded(work: Work, limits: Limits, registry: &Registry, render: Render) -> Done {
    panic::catch_unwind(AssertUnwindSafe(|| process(work, limits, registry, render)))
        .unwrap_or_else(|_| Done::Trouble("a batch of events could not be validated".into()))
}

/// Reads every input in order and hands it on in stretches; stops early when `send` says so.
fn produce(files: &[OsString], buffers: &Buffers, send: &mut dyn FnMut(Work) -> bool) {
    for file in files {
        let name: Arc<str> = file.to_string_lossy().into();
        let sent = match open(file, &name) {
            Ok(reader) => read_stretches(reader, &name, buffers, send),
            Err(trouble) => send(Work::Trouble(trouble)),
        };
        if !sent {
            return;
        }
    }
}

/// Hands on one input in stretches, each cut after its last line break; false if `send`
/// said to stop.
fn read_stretches(
    mut reader: Box<dyn Read>,
    name: &Arc<str>,
    buffers: &Buffers,
    send: &mut dyn FnMut(Work) -> bool,
) -> bool {
    let mut bytes = buffers.take();
    let mut filled = 0;
    let mut first_line = 1;
    loop {
        let (read, failed) = match reader.read(&mut bytes[filled..]) {
            Ok(read) => (read, None),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => (0, Some(format!("{name}: cannot read: {e}"))),
        };
        let asked = bytes.len() - filled;
        filled += read;
        let at_end = read == 0;
        let full = filled == bytes.len();
        // A pipe that gave less than asked, up to a line break, has no more for now.
        let flush = !at_end && !full && read < asked && bytes[filled - 1] == b'\n';
        if !(at_end || full || flush) {
            continue;
        }
        // Whole lines only, unless one line fills the buffer: the stretch then ends inside
        // it, which the writer finds (the line has no line break) and reads on from.
        let cut = match memchr::memrchr(b'\n', &bytes[..filled]) {
            Some(newline) if !(at_end && failed.is_none()) => newline + 1,
            _ if failed.is_some() => 0,
            _ => filled,
        };
        let mut next = buffers.take();
        let rest = filled - cut;
        next[..rest].copy_from_slice(&bytes[cut..filled]);
        bytes.truncate(cut);
        let lines = line_breaks(&bytes);
        let stretch = Stretch {
            file: Arc::clone(name),
            bytes: std::mem::replace(&mut bytes, next),
            first_line,
            last: at_end,
            cut_short: failed.is_some(),
            flush,
        };
        if !send(Work::Lines(stretch)) {
            return false;
        }
        if at_end {
            buffers.give(bytes);
            return failed.is_none_or(|message| send(Work::Trouble(message)));
        }
        first_line += lines;
        filled = rest;
    }
}

/// How many line breaks `bytes` holds. Counted into a byte per chunk of 255 so that the
/// compiler can count 16 or 32 bytes at once.
fn line_breaks(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'))))
        .sum()
}

/// Stretch buffers given back once written, so that each is allocated (and zeroed) once
/// rather than once a stretch.
#[derive(Clone, Default)]
struct Buffers(Arc<Mutex<Vec<Vec<u8>>>>);

impl Buffers {
    /// A buffer of `BATCH_BYTES` bytes, their values left from its last use.
    fn take(&self) -> Vec<u8> {
        let spare = self.0.lock().ok().and_then(|mut spare| spare.pop());
        let mut bytes = spare.unwrap_or_default();
        // Zeroes only what no stretch has used yet: a stretch is cut near the end.
        bytes.resize(BATCH_BYTES, 0);
        bytes
    }

    /// At most as many come back as stretches were ever in flight at once.
    fn give(&self, bytes: Vec<u8>) {
        if let Ok(mut spare) = self.0.lock() {
            spare.push(bytes);
        }
    }
}

/// Reads on one thread and validates on `jobs` (`jobs - 1` that only validate, and the
/// reader whenever they all have work queued), and writes on this one, in input order.
///
/// Each stretch is numbered as it is read; the writer puts them back in order. At most
/// `4 × jobs` stretches are between the reader and the writer at any time (a credit is
/// taken for each stretch read and given back when it is written), so memory stays bounded
/// however far the reader could run ahead of a slow stretch. The reader validating when the
/// queue is full keeps exactly `jobs` threads busy.
pub(crate) fn run_threads(
    files: Vec<OsString>,
    limits: Limits,
    registry: &'static Registry,
    render: Render,
    jobs: usize,
    sink: &mut Sink,
) -> Result<(), Stop> {
    let validators = jobs - 1;
    let in_flight = 4 * jobs;
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Work)>(2 * validators);
    let (done_tx, done_rx) = mpsc::sync_channel::<(u64, Done)>(in_flight);
    let (credit_tx, credit_rx) = mpsc::sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = credit_tx.send(());
    }
    let spawn_failed = |e: io::Error| Stop::Trouble(format!("cannot start a thread: {e}"));

    let buffers = Buffers::default();
    let reader_buffers = buffers.clone();
    let reader_done_tx = done_tx.clone();
    let reader = thread::Builder::new()
        .name("events-read".into())
        .spawn(move || {
            let mut seq = 0;
            produce(&files, &reader_buffers, &mut |work| {
                if credit_rx.recv().is_err() {
                    return false;
                }
                let sent = match work_tx.try_send((seq, work)) {
                    Ok(()) => true,
                    Err(TrySendError::Full((seq, work))) => {
                        let done = process_guarded(work, limits, registry, render);
                        reader_done_tx.send((seq, done)).is_ok()
                    }
                    Err(TrySendError::Disconnected(_)) => false,
                };
                seq += 1;
                sent
            });
        })
        .map_err(spawn_failed)?;

    let work_rx = Arc::new(Mutex::new(work_rx));
    let mut workers = Vec::with_capacity(validators);
    for n in 0..validators {
        let work_rx = Arc::clone(&work_rx);
        let done_tx = done_tx.clone();
        let worker = thread::Builder::new()
            .name(format!("events-validate-{n}"))
            .spawn(move || loop {
                // The lock is held only to take the next batch.
                let next = work_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((seq, work))) = next else { return };
                let done = process_guarded(work, limits, registry, render);
                if done_tx.send((seq, done)).is_err() {
                    return;
                }
            })
            .map_err(spawn_failed)?;
        workers.push(worker);
    }
    drop(done_tx);

    let mut in_order = InOrder {
        done_rx,
        early: BTreeMap::new(),
        next: 0,
        credit_tx,
    };
    let mut writer = Writer {
        limits,
        registry,
        render,
        buffers: &buffers,
        events_in_file: 0,
    };
    // On failure, the other threads stop as their channels close, or with the process if
    // one waits for input.
    // Ends once the reader and every validator are gone, which is once the reader is done.
    while let Some(done) = in_order.next() {
        writer.take(done, &mut in_order, sink)?;
    }
    let reader_failed = reader.join().is_err();
    for worker in workers {
        let _ = worker.join();
    }
    if reader_failed || !in_order.early.is_empty() {
        return Err(Stop::Trouble("reading the input failed".into()));
    }
    Ok(())
}

/// The batches in input order, whichever thread finished them first; each one taken gives
/// the reader its credit back.
struct InOrder {
    done_rx: Receiver<(u64, Done)>,
    early: BTreeMap<u64, Done>,
    next: u64,
    credit_tx: SyncSender<()>,
}

impl InOrder {
    fn next(&mut self) -> Option<Done> {
        loop {
            if let Some(done) = self.early.remove(&self.next) {
                self.next += 1;
                let _ = self.credit_tx.send(());
                return Some(done);
            }
            let (seq, done) = self.done_rx.recv().ok()?;
            self.early.insert(seq, done);
        }
    }
}

/// Writes the batches, taken in input order.
struct Writer<'a> {
    limits: Limits,
    registry: &'a Registry,
    render: Render,
    buffers: &'a Buffers,
    /// Events written so far for the input being written.
    events_in_file: usize,
}

impl Writer<'_> {
    fn take(&mut self, done: Done, in_order: &mut InOrder, sink: &mut Sink) -> Result<(), Stop> {
        let (stretch, chunk, unsettled) = match done {
            Done::Lines {
                stretch,
                chunk,
                unsettled,
            } => (stretch, chunk, unsettled),
            Done::Trouble(message) => return sink.trouble(&message),
        };
        self.events_in_file += chunk.events();
        sink.chunk(chunk)?;
        let (file, cut_short) = (Arc::clone(&stretch.file), stretch.cut_short);
        let last = match unsettled {
            None => {
                let last = stretch.last;
                self.buffers.give(stretch.bytes);
                last
            }
            Some(at) => {
                self.events_in_file += self.read_on(stretch, at, in_order, sink)?;
                true
            }
        };
        if last {
            if self.events_in_file == 0 && !cut_short {
                // An input with no event: what one reader of it says.
                let raw = RawEvents::with_limits(io::empty(), self.limits);
                validate_stream(raw, &file, self.registry, self.render, sink)?;
            }
            self.events_in_file = 0;
        }
        Ok(())
    }

    /// Validates the rest of an input on this thread, from the line of `stretch` where
    /// validating it line by line stopped, reading the input's later stretches as they come
    /// (what other threads made of them is dropped); how many events there were.
    fn read_on(
        &mut self,
        stretch: Stretch,
        at: Unsettled,
        in_order: &mut InOrder,
        sink: &mut Sink,
    ) -> Result<usize, Stop> {
        let file = Arc::clone(&stretch.file);
        let rest = Rest {
            last: stretch.last,
            bytes: stretch.bytes,
            pos: at.offset,
            in_order,
            buffers: self.buffers,
        };
        let raw = RawEvents::resuming(rest, self.limits, at.line);
        validate_stream(raw, &file, self.registry, self.render, sink)
    }
}

/// The rest of an input, from a stretch the writer took over on, then its later stretches
/// in input order.
struct Rest<'a> {
    bytes: Vec<u8>,
    pos: usize,
    last: bool,
    in_order: &'a mut InOrder,
    buffers: &'a Buffers,
}

impl Read for Rest<'_> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.bytes.len() {
            if self.last {
                return Ok(0);
            }
            match self.in_order.next() {
                Some(Done::Lines { stretch, .. }) => {
                    let used = std::mem::replace(&mut self.bytes, stretch.bytes);
                    self.buffers.give(used);
                    self.pos = 0;
                    self.last = stretch.last;
                }
                Some(Done::Trouble(message)) => return Err(io::Error::other(message)),
                None => return Err(io::Error::other("the reader stopped")),
            }
        }
        let n = out.len().min(self.bytes.len() - self.pos);
        out[..n].copy_from_slice(&self.bytes[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}
