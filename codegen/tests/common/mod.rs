//! What the engine's integration tests share: where the real corpus is, and how a skip is said.

use std::path::PathBuf;

/// `../shared/corpus/orq-python-3.11.7` (or under `$MDMODEL_SHARED`), or `None` with a
/// printed reason.
pub fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("MDMODEL_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared"))
        .join("corpus/orq-python-3.11.7");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprint_uncaptured(format_args!("skipped: {} is absent", dir.display()));
        None
    }
}

/// Writes a line to stderr past the test harness's capture, so that a skip shows in a normal
/// `cargo test` run, not only with `--nocapture`.
pub fn eprint_uncaptured(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}
