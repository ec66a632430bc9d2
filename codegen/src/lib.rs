//! # mdmodel-codegen
//!
//! The engine of mdmodel: parses the Markdown model docs that the Speakeasy generator
//! publishes (`docs/models/*.md`) into a small model IR ([`ir`]), resolves the links between
//! them ([`resolve`]), and generates Rust code ([`generate`]). The `mdmodel-macros` crate, the
//! CLI, the benchmarks and the tests all call it; it needs no proc-macro context.
//!
//! ```
//! let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
//! let exp = mdmodel_codegen::expand_file(&dir.join("cancelbatchrequestcounts.md"), None, &Default::default()).unwrap();
//! assert!(exp.tokens().to_string().contains("pub struct CancelBatchRequestCounts"));
//! assert_eq!(exp.model.files.len(), 1);
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]
// Errors are the cold path and carry a location, a snippet and a hint; boxing them would
// buy nothing measurable.
#![allow(clippy::result_large_err)]

pub mod args;
pub mod discriminator;
pub mod error;
pub mod generate;
pub mod graph;
pub mod ir;
pub mod limits;
pub mod metadata;
pub mod names;
pub mod options;
pub mod parse;
pub mod resolve;
pub mod sample;
pub mod source;
pub mod typeexpr;

use std::path::{Path, PathBuf};

pub use error::{Error, ErrorKind, Errors};
pub use options::Options;

pub use generate::Code;
use proc_macro2::TokenStream;

/// The result of an expansion: the code, and the model it came from (with every file read).
#[derive(Debug, Clone)]
pub struct Expansion {
    /// The generated items, as source text; [`Code::tokens_with`] lexes them.
    pub code: Code,
    /// The resolved model.
    pub model: ir::Model,
}

impl Expansion {
    /// The generated items as tokens (lexed by proc_macro2; a proc macro lexes
    /// [`Expansion::code`] with the compiler's lexer instead, see [`Code::tokens_with`]).
    pub fn tokens(&self) -> TokenStream {
        self.code.tokens()
    }
}

/// Expands one doc and every doc it links to.
///
/// Where `allowed_root` is given (the macros give the invoking crate's directory), links may
/// lead only inside it or inside the doc's own folder.
pub fn expand_file(path: &Path, allowed_root: Option<&Path>, options: &Options) -> Result<Expansion, Errors> {
    let roots = allowed_roots(allowed_root, path.parent());
    expand_entries(&[path.to_path_buf()], &roots, options)
}

/// Expands every `.md` doc under `dir` (recursively, in path order) and every doc they link to.
///
/// Where `allowed_root` is given, links may lead only inside it or inside `dir`.
pub fn expand_dir(dir: &Path, allowed_root: Option<&Path>, options: &Options) -> Result<Expansion, Errors> {
    let entries = docs_under(dir)?;
    let roots = allowed_roots(allowed_root, Some(dir));
    expand_entries(&entries, &roots, options)
}

fn allowed_roots(root: Option<&Path>, entry_dir: Option<&Path>) -> Vec<PathBuf> {
    match root {
        None => Vec::new(),
        Some(r) => std::iter::once(r).chain(entry_dir).map(Path::to_path_buf).collect(),
    }
}

/// Every `.md` file under `dir`, recursively, in path order (by components, as `Path`
/// sorts).
///
/// Symbolic links are followed, but each folder is listed once, by its canonical path: a
/// link back to a folder already listed (`up -> ..`) is skipped, so that cycles end and no
/// doc is listed twice under two paths.
pub fn docs_under(dir: &Path) -> Result<Vec<PathBuf>, Errors> {
    if !dir.is_dir() {
        return Err(Error::file(ErrorKind::MissingFile, dir, format!("no such folder: {}", dir.display())).into());
    }
    let canonical = dir
        .canonicalize()
        .map_err(|e| Error::file(ErrorKind::Unreadable, dir, format!("cannot resolve {}: {e}", dir.display())))?;
    let mut listed = std::collections::HashSet::from([canonical.clone()]);
    let mut out = Vec::new();
    // A depth-first walk whose folders are listed in name order gives the paths in the order
    // that sorting them by components would (and costs no comparison of whole paths).
    enum Item {
        Doc(PathBuf),
        /// A folder: as the walk names it, and its canonical path.
        Folder(PathBuf, PathBuf),
    }
    let mut stack = vec![Item::Folder(dir.to_path_buf(), canonical)];
    while let Some(item) = stack.pop() {
        let (d, canonical) = match item {
            Item::Doc(p) => {
                out.push(p);
                continue;
            }
            Item::Folder(d, c) => (d, c),
        };
        let entries = std::fs::read_dir(&d)
            .map_err(|e| Error::file(ErrorKind::Unreadable, &d, format!("cannot list {}: {e}", d.display())))?;
        let mut items = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let p = d.join(&name);
            // The listing's own file type costs no `stat`; a symbolic link is followed.
            let sub = match entry.file_type() {
                Ok(t) if !t.is_symlink() => t.is_dir().then(|| canonical.join(&name)),
                _ => p.canonicalize().ok().filter(|c| c.is_dir()),
            };
            match sub {
                Some(c) => items.push((name, Item::Folder(p, c))),
                None if p.extension().is_some_and(|e| e == "md") => items.push((name, Item::Doc(p))),
                None => {}
            }
        }
        items.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // In name order, so that of two names for one folder the first is kept.
        items.retain(|(_, item)| match item {
            Item::Folder(_, c) => listed.insert(c.clone()),
            Item::Doc(_) => true,
        });
        stack.extend(items.into_iter().rev().map(|(_, item)| item));
    }
    Ok(out)
}

/// Expands the given docs and every doc they link to; links may lead only inside
/// `allowed_roots` (anywhere, where it is empty).
pub fn expand_entries(entries: &[PathBuf], allowed_roots: &[PathBuf], options: &Options) -> Result<Expansion, Errors> {
    let model = resolve::Loader::new(allowed_roots).load(entries)?;
    let code = generate::generate(&model, options);
    Ok(Expansion { code, model })
}
