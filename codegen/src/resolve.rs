//! Reading a doc set from disk and resolving its links into a [`Model`].
//!
//! A link `[models.X](../models/x.md)` resolves relative to the linking doc's folder; where
//! that file does not exist, the file of the same name in the linking doc's own folder is
//! used, so that a doc set copied flat still resolves. A union member `models.X` names the doc
//! `x.md` beside the union's doc.

use std::collections::{HashMap, VecDeque};
use std::ffi::OsString;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, ErrorKind, Errors};
use crate::ir::{Doc, Link, LinkAt, Model, TypeDef, TypeId, TypeKind, UnionMember, Field};
use crate::limits::{MAX_FILES, MAX_FILE_BYTES};
use crate::parse::parse_doc;

/// The `by_path` entry of a doc that could not be read or parsed (its errors are reported).
const FAILED: usize = usize::MAX;

/// Reads docs from disk and resolves their links.
pub struct Loader {
    /// Links may only lead inside these folders (canonical); no limit where empty.
    allowed_roots: Vec<PathBuf>,
    docs: Vec<Doc>,
    /// Canonical path → index in `docs`.
    by_path: PathMap<usize>,
    /// Linking doc's folder → link path → canonical target path.
    cache: PathMap<FastMap<String, Result<PathBuf, Error>>>,
    /// Canonical folder → what its listing holds (`None`: it cannot be listed).
    listings: PathMap<Option<FastMap<OsString, EntryKind>>>,
    /// A folder as an entry names it → its canonical path (`None`: it has none).
    canonical_dirs: PathMap<Option<PathBuf>>,
    errors: Errors,
}

/// A hash map keyed by paths as their bytes (`Path`'s own `Hash` walks the components).
/// Every key is canonical or built from canonical parts, so equal paths have equal bytes.
type PathMap<V> = FastMap<OsString, V>;

/// A hash map with [`FxHasher`]: the keys are local file names, not attacker-chosen.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The multiply-rotate hash of rustc (`FxHasher`), a word at a time: much cheaper than
/// SipHash on paths.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// What a folder's listing says a name is. A symbolic link is `Other`: it is left to the
/// file system to follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    File,
    Dir,
    Other,
}

/// What a path lexically resolved against the folder listings is.
enum Lookup {
    /// A regular file, by canonical path (no symbolic link on the way).
    File(PathBuf),
    /// No such file (or a folder): the next candidate is tried.
    Missing,
    /// The listings cannot tell (a symbolic link, an unlistable folder, an absolute path):
    /// the file system decides.
    Unknown,
}

/// Whether a name missing from a listing may still exist under another spelling (file
/// systems that ignore case by default): then the file system decides.
const CASE_INSENSITIVE_FS: bool = cfg!(any(target_os = "macos", target_os = "ios", windows));

/// Where a link leads once resolved.
enum Target {
    /// A model of another (or the same) doc file, by canonical path and optional anchor.
    File(PathBuf, Option<String>),
    /// A model of the linking doc, by anchor.
    Anchor(String),
}

/// Reads `path` as a doc: size and UTF-8 checked.
pub fn read_doc(path: &Path) -> Result<String, Error> {
    let meta = std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::file(ErrorKind::MissingFile, path, "no such doc file")
        } else {
            Error::file(ErrorKind::Unreadable, path, format!("cannot read the doc: {e}"))
        }
    })?;
    if !meta.is_file() {
        return Err(Error::file(ErrorKind::Unreadable, path, "not a file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::file(
            ErrorKind::TooLarge,
            path,
            format!("the doc is {} bytes; docs larger than {} bytes (mdmodel_codegen::limits::MAX_FILE_BYTES) are refused", meta.len(), MAX_FILE_BYTES),
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Error::file(ErrorKind::Unreadable, path, format!("cannot read the doc: {e}")))?;
    doc_text(path, bytes)
}

/// Reads a doc that a folder listing says is a regular file: opened first, then sized
/// from the open file, which saves looking the path up twice. Same checks as [`read_doc`].
fn read_listed_doc(path: &Path) -> Result<String, Error> {
    let unreadable = |e: std::io::Error| Error::file(ErrorKind::Unreadable, path, format!("cannot read the doc: {e}"));
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        // Gone since it was listed, or not openable: the checks of `read_doc` say why.
        Err(_) => return read_doc(path),
    };
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() || meta.len() > MAX_FILE_BYTES {
        return read_doc(path);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return read_doc(path);
    }
    doc_text(path, bytes)
}

/// The bytes of a doc as text, or where they are not UTF-8.
fn doc_text(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::file(
            ErrorKind::Unreadable,
            path,
            format!("the doc is not UTF-8: invalid byte at offset {at} (line {line})"),
        )
        .with_help("save the doc as UTF-8")
    })
}

/// The anchor GitHub-style Markdown gives a heading: lowercase, spaces to `-`.
pub fn slug(heading: &str) -> String {
    heading
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

impl Loader {
    /// A loader whose links may lead only inside `allowed_roots` (anywhere, where empty).
    pub fn new(allowed_roots: &[PathBuf]) -> Self {
        Loader {
            allowed_roots: allowed_roots.iter().filter_map(|r| r.canonicalize().ok()).collect(),
            docs: Vec::new(),
            by_path: PathMap::default(),
            cache: PathMap::default(),
            listings: PathMap::default(),
            canonical_dirs: PathMap::default(),
            errors: Errors::default(),
        }
    }

    /// Reads the entry docs and every doc they reach, then resolves every link.
    pub fn load(mut self, entries: &[PathBuf]) -> Result<Model, Errors> {
        // Each queued path is canonical; `true` where a folder listing says it is a file.
        let mut queue: VecDeque<(PathBuf, bool)> = VecDeque::new();
        let mut roots = Vec::new();
        for entry in entries {
            match self.canonical_entry(entry) {
                Some(c) => {
                    roots.push(c.0.clone());
                    queue.push_back(c);
                }
                None => self.errors.push(Error::file(
                    ErrorKind::MissingFile,
                    entry,
                    "no such doc file",
                )),
            }
        }
        let mut files = Vec::new();
        while let Some((path, listed)) = queue.pop_front() {
            if self.by_path.contains_key(path.as_os_str()) {
                continue;
            }
            if self.docs.len() >= MAX_FILES {
                self.errors.push(Error::file(
                    ErrorKind::TooLarge,
                    &path,
                    format!("the doc set reaches more than {MAX_FILES} files"),
                ));
                break;
            }
            let read = if listed { read_listed_doc(&path) } else { read_doc(&path) };
            let text = match read {
                Ok(text) => text,
                Err(e) => {
                    self.errors.push(e);
                    self.by_path.insert(path.into_os_string(), FAILED);
                    continue;
                }
            };
            let doc = match parse_doc(&path, &text) {
                Ok(doc) => doc,
                Err(all) => {
                    self.errors.0.extend(all.0);
                    files.push(path.clone());
                    self.by_path.insert(path.into_os_string(), FAILED);
                    continue;
                }
            };
            files.push(path.clone());
            let dir = path.parent().unwrap_or(Path::new(""));
            for m in &doc.models {
                for_each_link(&m.kind, &mut |l: &LinkAt| {
                    if let Ok(Target::File(p, _)) = self.target(dir, l) {
                        if !self.by_path.contains_key(p.as_os_str()) {
                            let listed = self.is_listed_file(&p);
                            queue.push_back((p, listed));
                        }
                    }
                });
            }
            self.by_path.insert(path.into_os_string(), self.docs.len());
            self.docs.push(doc);
        }

        // Type ids: doc i's model j.
        let mut first_id = Vec::with_capacity(self.docs.len());
        let mut n = 0;
        for d in &self.docs {
            first_id.push(n);
            n += d.models.len();
        }
        let docs = std::mem::take(&mut self.docs);
        // What resolving an anchor needs of each doc, so that the docs can be moved.
        let index: Vec<DocIndex> = docs
            .iter()
            .map(|d| DocIndex { path: d.path.clone(), names: d.models.iter().map(|m| m.name.clone()).collect() })
            .collect();
        let mut types = Vec::with_capacity(n);
        for (di, doc) in docs.into_iter().enumerate() {
            let Doc { path, models } = doc;
            let dir = path.parent().unwrap_or(Path::new(""));
            for m in models {
                let TypeDef { name, docs, loc, kind } = m;
                let mut resolve = |l: LinkAt| self.resolve(&index, &first_id, di, dir, l);
                match map_kind(kind, &mut resolve) {
                    Ok(kind) => types.push(TypeDef { name, docs, loc, kind }),
                    Err(e) => {
                        self.errors.push(e);
                        types.push(TypeDef { name, docs, loc, kind: TypeKind::Opaque });
                    }
                }
            }
        }

        // Each type name once.
        let mut seen: HashMap<&str, &TypeDef<TypeId>> = HashMap::new();
        for t in &types {
            if let Some(first) = seen.insert(t.name.as_str(), t) {
                self.errors.push(
                    Error::at(
                        ErrorKind::DuplicateType,
                        t.loc.clone(),
                        format!("type `{}` is defined twice: here and at {}", t.name, first.loc),
                    )
                    .with_help("give one of the docs another title, or include only one of them"),
                );
            }
        }

        let roots = roots
            .iter()
            .filter_map(|p| self.by_path.get(p.as_os_str()).copied().filter(|&i| i != FAILED))
            .flat_map(|di| (first_id[di]..first_id[di] + index[di].names.len()).map(TypeId))
            .collect();
        let errors = std::mem::take(&mut self.errors);
        errors.into_result(Model { types, files, roots })
    }

    /// The canonical path of an entry doc, and whether a folder listing says it is a file.
    /// The entry's folder is canonicalized once for all the entries in it; the file itself is
    /// looked up in the folder's listing, and left to the file system only where the listing
    /// cannot tell (a symbolic link, say).
    fn canonical_entry(&mut self, entry: &Path) -> Option<(PathBuf, bool)> {
        let fallback = |e: &Path| e.canonicalize().ok().map(|c| (c, false));
        let (Some(parent), Some(name)) = (entry.parent(), entry.file_name()) else { return fallback(entry) };
        if parent.as_os_str().is_empty() || !matches!(entry.components().next_back(), Some(Component::Normal(_))) {
            return fallback(entry);
        }
        let dir = match self.canonical_dirs.get(parent.as_os_str()) {
            Some(d) => d.clone(),
            None => {
                let d = parent.canonicalize().ok();
                self.canonical_dirs.insert(parent.as_os_str().to_owned(), d.clone());
                d
            }
        };
        let Some(dir) = dir else { return fallback(entry) };
        match self.lookup(&dir, Path::new(name)) {
            Lookup::File(p) => Some((p, true)),
            Lookup::Missing | Lookup::Unknown => fallback(entry),
        }
    }

    /// The listing of a canonical folder, read once.
    fn listing(&mut self, dir: &Path) -> Option<&FastMap<OsString, EntryKind>> {
        if !self.listings.contains_key(dir.as_os_str()) {
            let listing = std::fs::read_dir(dir).ok().map(|entries| {
                entries
                    .flatten()
                    .map(|e| {
                        let kind = match e.file_type() {
                            Ok(t) if t.is_file() => EntryKind::File,
                            Ok(t) if t.is_dir() => EntryKind::Dir,
                            _ => EntryKind::Other,
                        };
                        (e.file_name(), kind)
                    })
                    .collect()
            });
            self.listings.insert(dir.as_os_str().to_owned(), listing);
        }
        self.listings.get(dir.as_os_str()).and_then(Option::as_ref)
    }

    /// Whether a canonical path is a regular file by its folder's listing (already read).
    fn is_listed_file(&self, path: &Path) -> bool {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return false };
        matches!(self.listings.get(dir.as_os_str()), Some(Some(l)) if l.get(name) == Some(&EntryKind::File))
    }

    /// Resolves `rel` against the canonical folder `dir` without system calls beyond one
    /// listing per folder: `..` is taken lexically, which is right as long as every folder
    /// on the way is a real folder (not a symbolic link), as the listings tell.
    fn lookup(&mut self, dir: &Path, rel: &Path) -> Lookup {
        let mut cur = dir.to_path_buf();
        let mut comps = rel.components().peekable();
        while let Some(c) = comps.next() {
            match c {
                Component::CurDir => {}
                // `cur` is canonical: its `..` is its parent (the root's is itself).
                Component::ParentDir => {
                    cur.pop();
                }
                Component::Normal(name) => {
                    let Some(listing) = self.listing(&cur) else { return Lookup::Unknown };
                    match listing.get(name) {
                        None if CASE_INSENSITIVE_FS => return Lookup::Unknown,
                        None => return Lookup::Missing,
                        Some(EntryKind::Dir) => cur.push(name),
                        Some(EntryKind::File) if comps.peek().is_none() => {
                            cur.push(name);
                            return Lookup::File(cur);
                        }
                        // A file with more path after it, or a symbolic link.
                        Some(EntryKind::File | EntryKind::Other) => return Lookup::Unknown,
                    }
                }
                Component::RootDir | Component::Prefix(_) => return Lookup::Unknown,
            }
        }
        // A folder, not a file.
        Lookup::Missing
    }

    /// Resolves one link to a type id.
    fn resolve(&mut self, docs: &[DocIndex], first_id: &[usize], from: usize, dir: &Path, l: LinkAt) -> Result<TypeId, Error> {
        let (doc_index, anchor) = match self.target(dir, &l)? {
            Target::Anchor(a) => (from, Some(a)),
            Target::File(p, a) => match self.by_path.get(p.as_os_str()) {
                Some(&i) if i != FAILED => (i, a),
                _ => {
                    return Err(Error::at(ErrorKind::DanglingLink, l.loc.clone(), format!("the linked doc {} has errors (reported with it)", p.display())))
                }
            },
        };
        let doc = &docs[doc_index];
        let index = match &anchor {
            None => 0,
            Some(a) => doc.names.iter().position(|m| slug(m) == *a).ok_or_else(|| {
                Error::at(
                    ErrorKind::DanglingLink,
                    l.loc.clone(),
                    format!("no heading `#{a}` in {}", doc.path.display()),
                )
                .with_help(format!(
                    "the doc's models are: {}",
                    doc.names.iter().map(|m| format!("#{}", slug(m))).collect::<Vec<_>>().join(", ")
                ))
            })?,
        };
        Ok(TypeId(first_id[doc_index] + index))
    }

    /// The file (or in-page anchor) a link leads to.
    fn target(&mut self, dir: &Path, l: &LinkAt) -> Result<Target, Error> {
        let (key, anchor): (std::borrow::Cow<'_, str>, _) = match &l.link {
            Link::Anchor(a) => return Ok(Target::Anchor(a.clone())),
            Link::File { path, anchor, .. } => (path.as_str().into(), anchor.as_ref()),
            Link::Name(name) => (format!("{}.md", name.to_ascii_lowercase()).into(), None),
        };
        if let Some(hit) = self.cache.get(dir.as_os_str()).and_then(|m| m.get(key.as_ref())) {
            return hit.clone().map(|p| Target::File(p, anchor.cloned()));
        }
        let result = self.find(dir, &key, l);
        self.cache.entry(dir.as_os_str().to_owned()).or_default().insert(key.into_owned(), result.clone());
        result.map(|p| Target::File(p, anchor.cloned()))
    }

    fn find(&mut self, dir: &Path, rel: &str, l: &LinkAt) -> Result<PathBuf, Error> {
        let rel_path = Path::new(rel);
        // Each candidate as (folder, path relative to it); `dir` is canonical.
        let mut tried: Vec<PathBuf> = vec![rel_path.to_path_buf()];
        if let Some(name) = rel_path.file_name() {
            if dir.join(name) != dir.join(rel_path) {
                tried.push(PathBuf::from(name));
            }
        }
        if let Link::Name(_) = l.link {
            tried.push(Path::new("..").join("models").join(rel_path));
        }
        for candidate in &tried {
            let c = match self.lookup(dir, candidate) {
                Lookup::File(c) => c,
                Lookup::Missing => continue,
                Lookup::Unknown => match dir.join(candidate).canonicalize() {
                    Ok(c) if c.is_file() => c,
                    _ => continue,
                },
            };
            if !self.allowed_roots.is_empty() && !self.allowed_roots.iter().any(|r| c.starts_with(r)) {
                let roots: Vec<String> = self.allowed_roots.iter().map(|r| r.display().to_string()).collect();
                return Err(Error::at(
                    ErrorKind::OutsideRoot,
                    l.loc.clone(),
                    format!(
                        "the link `{rel}` leads to {}, outside {}; a build reads only the doc set it was given",
                        c.display(),
                        roots.join(" and ")
                    ),
                )
                .with_help("copy the linked doc into the doc set"));
            }
            return Ok(c);
        }
        let what = match &l.link {
            Link::Name(n) => format!("`models.{n}`"),
            _ => format!("`{rel}`"),
        };
        Err(Error::at(
            ErrorKind::DanglingLink,
            l.loc.clone(),
            format!(
                "the link {what} leads to no doc; tried {}",
                tried.iter().map(|p| dir.join(p).display().to_string()).collect::<Vec<_>>().join(" and ")
            ),
        ))
    }
}

/// What resolving an anchor needs of a doc once the docs are consumed.
struct DocIndex {
    path: PathBuf,
    names: Vec<String>,
}

fn for_each_link(kind: &TypeKind<LinkAt>, f: &mut impl FnMut(&LinkAt)) {
    match kind {
        TypeKind::Struct(fields) => fields.iter().for_each(|field| field.ty.for_each_ref(f)),
        TypeKind::Union(members) => members.iter().for_each(|m| m.ty.for_each_ref(f)),
        TypeKind::Enum(_) | TypeKind::Opaque => {}
    }
}

fn map_kind(
    kind: TypeKind<LinkAt>,
    f: &mut impl FnMut(LinkAt) -> Result<TypeId, Error>,
) -> Result<TypeKind<TypeId>, Error> {
    Ok(match kind {
        TypeKind::Struct(fields) => TypeKind::Struct(
            fields
                .into_iter()
                .map(|fl| {
                    Ok(Field {
                        ty: fl.ty.try_map_refs(f)?,
                        name: fl.name,
                        wire_name: fl.wire_name,
                        required: fl.required,
                        docs: fl.docs,
                        example: fl.example,
                        loc: fl.loc,
                    })
                })
                .collect::<Result<_, Error>>()?,
        ),
        TypeKind::Union(members) => TypeKind::Union(
            members
                .into_iter()
                .map(|m| Ok(UnionMember { ty: m.ty.try_map_refs(f)?, text: m.text, loc: m.loc }))
                .collect::<Result<_, Error>>()?,
        ),
        TypeKind::Enum(e) => TypeKind::Enum(e),
        TypeKind::Opaque => TypeKind::Opaque,
    })
}
