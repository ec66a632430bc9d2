//! Scratch crates for tests that must run cargo as a user would: a fresh crate that
//! depends on `mdmodel` by path and uses the macros. The root package's tests use it as
//! `mod common;`, the other crates' tests (`cli/`, `codegen/`) through `#[path]`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's root: the nearest folder, from the testing package's manifest dir up,
/// that holds `runtime/` (the root package's own dir for its tests).
pub fn repo() -> PathBuf {
    let start = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    start
        .ancestors()
        .find(|d| d.join("runtime/Cargo.toml").is_file())
        .unwrap_or(&start)
        .to_path_buf()
}

/// `../shared/<rel>` (or `$MDMODEL_SHARED/<rel>`), or `None` with a printed reason.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("MDMODEL_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared"))
        .join(rel);
    if dir.exists() {
        Some(dir)
    } else {
        eprint_uncaptured(format_args!("skipped: {} is absent", dir.display()));
        None
    }
}

/// A scratch crate under `target/scratch/<name>`, built into a shared target dir.
pub struct Scratch {
    pub dir: PathBuf,
}

impl Scratch {
    /// A fresh crate: its `src/main.rs` (or lib) is given; it depends on `mdmodel` by path.
    pub fn new(name: &str) -> Scratch {
        let dir = repo().join("target/scratch").join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src")).unwrap();
        let runtime = repo().join("runtime");
        std::fs::write(
            dir.join("Cargo.toml"),
            format!(
                "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
                 [dependencies]\nmdmodel = {{ path = {:?} }}\n\n[workspace]\n",
                runtime.display().to_string()
            ),
        )
        .unwrap();
        // The workspace's lock file keeps the versions (and the built dependencies) the same.
        std::fs::copy(repo().join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
        Scratch { dir }
    }

    /// Writes a file of the crate.
    pub fn write(&self, rel: &str, text: &str) {
        let p = self.dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// Copies a file into the crate.
    pub fn copy(&self, from: &Path, rel: &str) {
        let p = self.dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::copy(from, p).unwrap();
    }

    /// Runs `cargo <args>` in the crate, with the shared scratch target dir.
    pub fn cargo(&self, args: &[&str]) -> Output {
        let out = Command::new(env!("CARGO"))
            .args(args)
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", repo().join("target/scratch/target"))
            .env_remove("RUSTFLAGS")
            .output()
            .expect("cargo runs");
        out
    }

    /// Runs `cargo <args>` and panics with its output where it fails.
    pub fn cargo_ok(&self, args: &[&str]) -> String {
        let out = self.cargo(args);
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "cargo {args:?} failed:\n{stdout}\n{stderr}");
        stdout
    }
}

/// Says why a test skips, past the test harness's capture (see [`eprint_uncaptured`]).
pub fn skip(why: std::fmt::Arguments<'_>) {
    eprint_uncaptured(why);
}

/// Writes a line to stderr past the test harness's capture, so that a skip shows in a normal
/// `cargo test` run, not only with `--nocapture`.
fn eprint_uncaptured(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}
