//! Limits that keep the engine's time and memory in proportion to its input.
//!
//! Hitting one is a located error, never a panic or a hang.

/// The largest doc file read, in bytes (8 MiB; the largest real doc is under 100 KiB).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How deep type expressions may nest (`List[List[...]]`), and how deep a link may sit in
/// a link's text.
pub const MAX_TYPE_DEPTH: usize = 32;

/// The most doc files one expansion reads.
pub const MAX_FILES: usize = 100_000;
