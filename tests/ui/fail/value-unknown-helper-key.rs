use events_core::EventValue;

/// `#[event]` knows `rename` only.
#[derive(EventValue)]
pub enum Status {
    /// Fine.
    #[event(renam = "pending")]
    Pending,
}

fn main() {}
