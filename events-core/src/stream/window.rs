//! The bytes a stream reader holds: read from the input straight into one buffer, which is
//! reused from event to event.

use std::io::{self, Read};
use std::ops::Deref;

/// The bytes read and not yet given up, as a slice (`Deref`).
///
/// The buffer is initialized up to its length, and only its first `filled` bytes hold
/// input: a read goes straight into the rest, which is zeroed once, when the buffer grows,
/// instead of passing through a second buffer and being copied on every read.
pub(super) struct Window {
    buf: Vec<u8>,
    filled: usize,
}

impl Window {
    pub(super) fn new() -> Self {
        Window {
            buf: Vec::new(),
            filled: 0,
        }
    }

    /// Reads once from `reader` into room for `chunk` more bytes, growing the buffer by
    /// doubling, but not past `most` unless the bytes already held need it: the bytes read,
    /// 0 at the end of the input.
    pub(super) fn read_from(
        &mut self,
        reader: &mut impl Read,
        chunk: usize,
        most: usize,
    ) -> io::Result<usize> {
        let need = self.filled + chunk;
        if need > self.buf.len() {
            let grown = (2 * self.buf.len()).clamp(chunk, most.max(need));
            self.buf.resize(grown.max(need), 0);
        }
        let n = reader.read(&mut self.buf[self.filled..need])?;
        // A reader that claims more than it was given room for is not believed.
        self.filled += n.min(chunk);
        Ok(n)
    }

    /// Whether reading `chunk` more bytes would grow the buffer.
    pub(super) fn is_full(&self, chunk: usize) -> bool {
        self.filled + chunk > self.buf.len()
    }

    /// Forgets every byte.
    pub(super) fn clear(&mut self) {
        self.filled = 0;
    }

    /// Forgets the first `n` bytes, moving the rest to the front.
    pub(super) fn drop_front(&mut self, n: usize) {
        self.buf.copy_within(n..self.filled, 0);
        self.filled -= n;
    }

    /// Forgets the bytes from `len` on.
    pub(super) fn truncate(&mut self, len: usize) {
        self.filled = self.filled.min(len);
    }

    /// The bytes of memory the window holds, filled or not.
    #[cfg(test)]
    pub(super) fn capacity(&self) -> usize {
        self.buf.len()
    }
}

impl Deref for Window {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.buf[..self.filled]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_read_are_kept_in_order_across_reads_and_drops() {
        let input: Vec<u8> = (0..=255).cycle().take(1000).collect();
        let mut reader = &input[..];
        let mut window = Window::new();
        while window.read_from(&mut reader, 64, 512).unwrap() > 0 {}
        assert_eq!(&window[..], &input[..]);
        window.drop_front(600);
        assert_eq!(&window[..], &input[600..]);
        window.truncate(10);
        assert_eq!(&window[..], &input[600..610]);
        window.clear();
        assert!(window.is_empty());
    }

    #[test]
    fn the_buffer_grows_by_doubling_but_not_past_most() {
        let input = vec![b'x'; 10_000];
        let mut reader = &input[..];
        let mut window = Window::new();
        window.read_from(&mut reader, 64, 100).unwrap();
        assert_eq!(window.capacity(), 64);
        window.read_from(&mut reader, 64, 100).unwrap();
        assert_eq!(window.capacity(), 128);
        window.read_from(&mut reader, 64, 100).unwrap();
        // 192 bytes are needed: more than `most`, but no more than that.
        assert_eq!(window.capacity(), 192);
    }
}
