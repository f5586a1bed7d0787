//! The `events` command (work in progress).
fn main() {}
