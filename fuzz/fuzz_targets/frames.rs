//! The server's frame reader on arbitrary bytes: it never panics, every call
//! makes progress, the frames do not depend on how the bytes were split into
//! reads, and each frame's message is sorted without a panic.
//!
//! The first byte picks the read size; the rest is the stream.

#![no_main]

use copydesk::lsp::frames::{classify, Frame, FrameReader};
use libfuzzer_sys::fuzz_target;

fn frames(stream: &[u8], chunk: usize) -> Vec<Frame> {
    let mut reader = FrameReader::default();
    let mut out = Vec::new();
    for piece in stream.chunks(chunk.max(1)) {
        reader.push(piece);
        while let Some(frame) = reader.next() {
            out.push(frame);
            // A frame takes at least one byte of what was pushed.
            assert!(out.len() <= stream.len());
        }
        assert!(reader.buffered() <= stream.len());
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Some((&chunk, stream)) = data.split_first() else {
        return;
    };
    let whole = frames(stream, stream.len());
    let split = frames(stream, usize::from(chunk % 16) + 1);
    assert_eq!(whole, split, "frames depend on how the reads were split");
    for frame in whole {
        if let Frame::Message(value) = frame {
            let _ = classify(value);
        }
    }
});
