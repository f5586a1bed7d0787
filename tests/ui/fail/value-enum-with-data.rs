use events_core::EventValue;

/// A literal union carries no data.
#[derive(EventValue)]
pub enum Status {
    /// Fine.
    Pending,
    /// Not fine.
    Failed(String),
}

fn main() {}
