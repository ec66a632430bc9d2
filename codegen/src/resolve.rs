//! Reading a doc set from disk and resolving its links into a [`Model`].
//!
//! A link `[models.X](../models/x.md)` resolves relative to the linking doc's folder; where
//! that file does not exist, the file of the same name in the linking doc's own folder is
//! used, so that a doc set copied flat still resolves. A union member `models.X` names the doc
//! `x.md` beside the union's doc.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};

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
    by_path: HashMap<PathBuf, usize>,
    /// (linking doc's folder, link path) → canonical target path.
    cache: HashMap<(PathBuf, String), Result<PathBuf, Error>>,
    errors: Errors,
}

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
            by_path: HashMap::new(),
            cache: HashMap::new(),
            errors: Errors::default(),
        }
    }

    /// Reads the entry docs and every doc they reach, then resolves every link.
    pub fn load(mut self, entries: &[PathBuf]) -> Result<Model, Errors> {
        let mut queue: VecDeque<PathBuf> = VecDeque::new();
        let mut roots = Vec::new();
        for entry in entries {
            match entry.canonicalize() {
                Ok(c) => {
                    roots.push(c.clone());
                    queue.push_back(c);
                }
                Err(_) => self.errors.push(Error::file(
                    ErrorKind::MissingFile,
                    entry,
                    "no such doc file",
                )),
            }
        }
        let mut files = Vec::new();
        while let Some(path) = queue.pop_front() {
            if self.by_path.contains_key(&path) {
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
            let text = match read_doc(&path) {
                Ok(text) => text,
                Err(e) => {
                    self.errors.push(e);
                    self.by_path.insert(path, FAILED);
                    continue;
                }
            };
            let doc = match parse_doc(&path, &text) {
                Ok(doc) => doc,
                Err(all) => {
                    self.errors.0.extend(all.0);
                    files.push(path.clone());
                    self.by_path.insert(path, FAILED);
                    continue;
                }
            };
            files.push(path.clone());
            let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
            for m in &doc.models {
                for_each_link(&m.kind, &mut |l: &LinkAt| {
                    if let Ok(Target::File(p, _)) = self.target(&dir, l) {
                        if !self.by_path.contains_key(&p) {
                            queue.push_back(p);
                        }
                    }
                });
            }
            self.by_path.insert(path, self.docs.len());
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
        let mut types = Vec::with_capacity(n);
        for (di, doc) in docs.iter().enumerate() {
            let dir = doc.path.parent().map(Path::to_path_buf).unwrap_or_default();
            for m in &doc.models {
                let mut resolve = |l: LinkAt| self.resolve(&docs, &first_id, di, &dir, l);
                match map_kind(m.kind.clone(), &mut resolve) {
                    Ok(kind) => types.push(TypeDef { name: m.name.clone(), docs: m.docs.clone(), loc: m.loc.clone(), kind }),
                    Err(e) => {
                        self.errors.push(e);
                        types.push(TypeDef { name: m.name.clone(), docs: m.docs.clone(), loc: m.loc.clone(), kind: TypeKind::Opaque });
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
            .filter_map(|p| self.by_path.get(p).copied().filter(|&i| i != FAILED))
            .flat_map(|di| (first_id[di]..first_id[di] + docs[di].models.len()).map(TypeId))
            .collect();
        let errors = std::mem::take(&mut self.errors);
        errors.into_result(Model { types, files, roots })
    }

    /// Resolves one link to a type id.
    fn resolve(&mut self, docs: &[Doc], first_id: &[usize], from: usize, dir: &Path, l: LinkAt) -> Result<TypeId, Error> {
        let (doc_index, anchor) = match self.target(dir, &l)? {
            Target::Anchor(a) => (from, Some(a)),
            Target::File(p, a) => match self.by_path.get(&p) {
                Some(&i) if i != FAILED => (i, a),
                _ => {
                    return Err(Error::at(ErrorKind::DanglingLink, l.loc.clone(), format!("the linked doc {} has errors (reported with it)", p.display())))
                }
            },
        };
        let doc = &docs[doc_index];
        let index = match &anchor {
            None => 0,
            Some(a) => doc.models.iter().position(|m| slug(&m.name) == *a).ok_or_else(|| {
                Error::at(
                    ErrorKind::DanglingLink,
                    l.loc.clone(),
                    format!("no heading `#{a}` in {}", doc.path.display()),
                )
                .with_help(format!(
                    "the doc's models are: {}",
                    doc.models.iter().map(|m| format!("#{}", slug(&m.name))).collect::<Vec<_>>().join(", ")
                ))
            })?,
        };
        Ok(TypeId(first_id[doc_index] + index))
    }

    /// The file (or in-page anchor) a link leads to.
    fn target(&mut self, dir: &Path, l: &LinkAt) -> Result<Target, Error> {
        let (key, anchor) = match &l.link {
            Link::Anchor(a) => return Ok(Target::Anchor(a.clone())),
            Link::File { path, anchor, .. } => (path.clone(), anchor.clone()),
            Link::Name(name) => (format!("{}.md", name.to_ascii_lowercase()), None),
        };
        let cache_key = (dir.to_path_buf(), key);
        if let Some(hit) = self.cache.get(&cache_key) {
            return hit.clone().map(|p| Target::File(p, anchor));
        }
        let result = self.find(dir, &cache_key.1, l);
        self.cache.insert(cache_key, result.clone());
        result.map(|p| Target::File(p, anchor))
    }

    fn find(&self, dir: &Path, rel: &str, l: &LinkAt) -> Result<PathBuf, Error> {
        let rel_path = Path::new(rel);
        let mut tried = vec![dir.join(rel_path)];
        if let Some(name) = rel_path.file_name() {
            let flat = dir.join(name);
            if flat != tried[0] {
                tried.push(flat);
            }
        }
        if let Link::Name(_) = l.link {
            tried.push(dir.join("..").join("models").join(rel_path));
        }
        for candidate in &tried {
            if let Ok(c) = candidate.canonicalize() {
                if !c.is_file() {
                    continue;
                }
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
                tried.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(" and ")
            ),
        ))
    }
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
