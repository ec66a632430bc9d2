//! Robustness of the engine: whatever a doc holds, parsing and the full pipeline return an
//! `Ok` or located errors; they never panic, hang or overflow the stack.
//!
//! The property test mutates real corpus docs (`PROPTEST_CASES` cases, 256 by default) and
//! compiles the code of some that expand (`MDMODEL_COMPILE_SAMPLES`, 12 by default), from a
//! fixed seed (`MDMODEL_PROPTEST_SEED`: another number, or `random`); the
//! deterministic tests pin the limits and the regressions found.

#[path = "../../tests/common/mod.rs"]
mod scratch;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use mdmodel_codegen::ir::{Doc, TypeKind};
use mdmodel_codegen::{limits, parse::parse_doc, ErrorKind, Errors};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

mod common;
use common::corpus;

/// About 200 corpus docs, evenly spread over the sorted list: (path relative to the corpus, text).
fn sample_docs() -> &'static [(PathBuf, String)] {
    static DOCS: OnceLock<Vec<(PathBuf, String)>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let Some(dir) = corpus() else { return Vec::new() };
        let all = mdmodel_codegen::docs_under(&dir).unwrap();
        let step = (all.len() / 200).max(1);
        all.iter()
            .step_by(step)
            .map(|p| (p.strip_prefix(&dir).unwrap().to_path_buf(), std::fs::read_to_string(p).unwrap()))
            .collect()
    })
}

/// A fresh, empty folder under the system temp dir; removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(what: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "mdmodel-robustness-{}-{what}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every error says where it is (a line, or at least a file) and what is wrong.
fn assert_located(errors: &Errors) {
    assert!(!errors.0.is_empty(), "an Err with no error");
    for e in &errors.0 {
        assert!(
            e.loc.as_ref().is_some_and(|l| l.line >= 1) || e.path.is_some(),
            "an error with no place: {e:?}"
        );
        assert!(!e.message.trim().is_empty(), "an error with no message: {e:?}");
    }
}

/// One change to a doc's text.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut the text at a point.
    Truncate(Index),
    /// Remove table rows (lines that start with `|`) from one on.
    DropRows(Index, usize),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    RemoveLine(Index),
    /// Remove the n-th occurrence of a character (`|`, `` ` ``, `[`, `]`, `(`, `)`, `*`).
    RemoveChar(char, Index),
    /// Insert a string at a point (pipes, backticks, brackets, random text).
    Insert(Index, String),
    /// Random bytes, read lossily as UTF-8.
    InsertBytes(Index, Vec<u8>),
    Crlf,
    LoneCr,
    /// Spaces to tabs.
    Tabs,
    Bom,
    /// `List[` nested `n` deep in a Type cell (or anywhere, where there is no table).
    DeepList(Index, usize),
    /// A row's cells all the same as the Type cell, or doubled pipes.
    DoublePipes(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let special = prop_oneof![
        Just("|".to_owned()),
        Just("`".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("](".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("\\".to_owned()),
        Just("*".to_owned()),
        Just("\n".to_owned()),
        Just("\r".to_owned()),
        Just("\t".to_owned()),
        Just("# ".to_owned()),
        Just("\n## Fields\n".to_owned()),
        Just("\n## Values\n".to_owned()),
        Just("\n## Supported Types\n".to_owned()),
        Just("\n### ".to_owned()),
        Just("\n```\n".to_owned()),
        Just("\n- `".to_owned()),
        Just("| --- |".to_owned()),
        Just("Literal[".to_owned()),
        Just("Dict[str, ".to_owned()),
        Just("Union[".to_owned()),
        Just("models.".to_owned()),
        Just("#".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("\u{0}".to_owned()),
        Just("é".to_owned()),
        Just("👍🏽".to_owned()),
        Just("\u{202e}".to_owned()),
        any::<String>(),
        "[a-zA-Z_ |`\\[\\]().*#-]{0,20}",
    ];
    prop_oneof![
        1 => any::<Index>().prop_map(Mutation::Truncate),
        1 => (any::<Index>(), 1usize..20).prop_map(|(i, n)| Mutation::DropRows(i, n)),
        1 => any::<Index>().prop_map(Mutation::DuplicateLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        1 => any::<Index>().prop_map(Mutation::RemoveLine),
        1 => (prop::sample::select(vec!['|', '`', '[', ']', '(', ')', '*', '#', '\n']), any::<Index>())
            .prop_map(|(c, i)| Mutation::RemoveChar(c, i)),
        3 => (any::<Index>(), special).prop_map(|(i, s)| Mutation::Insert(i, s)),
        1 => (any::<Index>(), prop::collection::vec(any::<u8>(), 0..32)).prop_map(|(i, b)| Mutation::InsertBytes(i, b)),
        1 => Just(Mutation::Crlf),
        1 => Just(Mutation::LoneCr),
        1 => Just(Mutation::Tabs),
        1 => Just(Mutation::Bom),
        1 => (any::<Index>(), prop_oneof![1usize..40, 100usize..600]).prop_map(|(i, n)| Mutation::DeepList(i, n)),
        1 => any::<Index>().prop_map(Mutation::DoublePipes),
    ]
}

/// The byte offset of a char boundary at or before `i.index(len + 1)`.
fn point(text: &str, i: &Index) -> usize {
    let mut at = i.index(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    match m {
        Mutation::Truncate(i) => text[..point(text, i)].to_owned(),
        Mutation::DropRows(i, n) => {
            let rows: Vec<usize> = (0..lines.len()).filter(|&k| lines[k].starts_with('|')).collect();
            if rows.is_empty() {
                return text.to_owned();
            }
            let from = i.index(rows.len());
            let drop: Vec<usize> = rows[from..].iter().take(*n).copied().collect();
            let mut k = 0;
            lines.retain(|_| {
                k += 1;
                !drop.contains(&(k - 1))
            });
            lines.concat()
        }
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let k = i.index(lines.len());
            lines.insert(k, lines[k]);
            lines.concat()
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => {
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
            lines.concat()
        }
        Mutation::RemoveLine(i) if !lines.is_empty() => {
            lines.remove(i.index(lines.len()));
            lines.concat()
        }
        Mutation::RemoveChar(c, i) => {
            let at: Vec<usize> = text.match_indices(*c).map(|(k, _)| k).collect();
            if at.is_empty() {
                return text.to_owned();
            }
            let k = at[i.index(at.len())];
            format!("{}{}", &text[..k], &text[k + c.len_utf8()..])
        }
        Mutation::Insert(i, s) => {
            let k = point(text, i);
            format!("{}{s}{}", &text[..k], &text[k..])
        }
        Mutation::InsertBytes(i, b) => {
            let k = point(text, i);
            format!("{}{}{}", &text[..k], String::from_utf8_lossy(b), &text[k..])
        }
        Mutation::Crlf => text.replace("\r\n", "\n").replace('\n', "\r\n"),
        Mutation::LoneCr => text.replace("\r\n", "\n").replace('\n', "\r"),
        Mutation::Tabs => text.replace("  ", "\t").replace(" | ", "\t|\t"),
        Mutation::Bom => format!("\u{feff}{text}"),
        Mutation::DeepList(i, n) => {
            let deep = format!("{}str{}", "List[".repeat(*n), "]".repeat(*n));
            // The Type cell of a row: after the row's second pipe.
            let rows: Vec<usize> = (0..lines.len()).filter(|&k| lines[k].matches('|').count() >= 3).collect();
            if rows.is_empty() {
                let k = point(text, i);
                return format!("{}{deep}{}", &text[..k], &text[k..]);
            }
            let k = rows[i.index(rows.len())];
            let line = lines[k];
            let second = line.match_indices('|').nth(1).unwrap().0;
            let third = line[second + 1..].find('|').map_or(line.len(), |t| second + 1 + t);
            let new = format!("{}| {deep} {}", &line[..second], &line[third..]);
            lines[k] = &new;
            lines.concat()
        }
        Mutation::DoublePipes(i) => {
            let pipes: Vec<usize> = text.match_indices('|').map(|(k, _)| k).collect();
            if pipes.is_empty() {
                return text.to_owned();
            }
            let k = pipes[i.index(pipes.len())];
            format!("{}||{}", &text[..k], &text[k + 1..])
        }
        _ => text.to_owned(),
    }
}

/// The corpus copied once into a temp folder, so that a mutated doc can stand in the place
/// of the original, its links resolving as they do in the corpus.
struct Workspace {
    _dir: TempDir,
    root: PathBuf,
}

impl Workspace {
    fn new(corpus: &Path) -> Self {
        let dir = TempDir::new("corpus");
        // One level down, so that `../models/x.md` leads nowhere outside the copy.
        let root = dir.0.join("docs");
        for p in mdmodel_codegen::docs_under(corpus).unwrap() {
            let to = root.join(p.strip_prefix(corpus).unwrap());
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(&p, &to).unwrap();
        }
        Workspace { _dir: dir, root }
    }

    /// Expands the mutated text in the place of `rel`, then puts the original back.
    fn expand(&self, rel: &Path, text: &str, original: &str) -> Result<mdmodel_codegen::Expansion, Errors> {
        let path = self.root.join(rel);
        std::fs::write(&path, text).unwrap();
        let out = mdmodel_codegen::expand_file(&path, Some(&self.root), &Default::default());
        std::fs::write(&path, original).unwrap();
        out
    }
}

/// Parses, and where the doc parses, runs the whole pipeline on it.
fn check_one(ws: &Workspace, rel: &Path, original: &str, text: &str) {
    match parse_doc(rel, text) {
        Err(e) => assert_located(&e),
        Ok(_) => match ws.expand(rel, text, original) {
            Ok(exp) => assert!(!exp.model.types.is_empty()),
            Err(e) => assert_located(&e),
        },
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256)
}

#[test]
fn the_engine_never_panics_on_mutated_corpus_docs() {
    let Some(corpus) = corpus() else { return };
    let docs = sample_docs();
    let ws = Workspace::new(&corpus);
    let config = Config { cases: cases(), failure_persistence: None, ..Config::default() };
    // Seeded, so that a run (CI's among them) is repeatable and a failure can be run again:
    // `MDMODEL_PROPTEST_SEED=<n>` for another seed, `=random` for a fresh one each run (for
    // long hunts; a compile failure leaves its crate in `target/scratch/mdmodel-mutants`).
    let mut runner = match std::env::var("MDMODEL_PROPTEST_SEED").as_deref() {
        Ok("random") => TestRunner::new(config),
        seed => {
            let n: u64 = seed.ok().and_then(|s| s.parse().ok()).unwrap_or(0);
            let mut bytes = [0u8; 32];
            bytes[..8].copy_from_slice(&n.to_le_bytes());
            println!("seed {n}");
            TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes))
        }
    };
    let strategy = (any::<Index>(), prop::collection::vec(mutation(), 1..5));
    let ran = AtomicUsize::new(0);
    let (parsed, expanded) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let max_samples = compile_samples();
    let compile_samples = std::sync::Mutex::new(Vec::new());
    let result = runner.run(&strategy, |(which, mutations)| {
        ran.fetch_add(1, Ordering::Relaxed);
        let (rel, original) = &docs[which.index(docs.len())];
        let mut text = original.clone();
        for m in &mutations {
            text = apply(&text, m);
        }
        match parse_doc(rel, &text) {
            Err(e) => assert_located(&e),
            Ok(_) => {
                parsed.fetch_add(1, Ordering::Relaxed);
                match ws.expand(rel, &text, original) {
                    Ok(exp) => {
                        let n = expanded.fetch_add(1, Ordering::Relaxed);
                        assert!(!exp.model.types.is_empty());
                        let mut samples = compile_samples.lock().unwrap();
                        if n % 8 == 0 && samples.len() < max_samples {
                            samples.push(exp.tokens().to_string());
                        }
                    }
                    Err(e) => assert_located(&e),
                }
            }
        }
        Ok(())
    });
    println!(
        "{} cases over {} corpus docs: {} parsed, {} expanded",
        ran.load(Ordering::Relaxed),
        docs.len(),
        parsed.load(Ordering::Relaxed),
        expanded.load(Ordering::Relaxed)
    );
    if let Err(e) = result {
        panic!("{e}");
    }
    compile_check(&compile_samples.into_inner().unwrap());
}

/// How many expanded mutants the property test compiles: `MDMODEL_COMPILE_SAMPLES`, 12 by
/// default (one in eight of those expanded, up to that many).
fn compile_samples() -> usize {
    std::env::var("MDMODEL_COMPILE_SAMPLES").ok().and_then(|s| s.parse().ok()).unwrap_or(12)
}

/// The sampled compile check: the code of some mutated docs that expanded, each in a module
/// of one fresh crate, must compile under `#![deny(warnings)]`.
fn compile_check(samples: &[String]) {
    if samples.is_empty() {
        return;
    }
    let scratch = scratch::Scratch::new("mdmodel-mutants");
    let mut lib = String::from("#![deny(warnings)]\n#![forbid(unsafe_code)]\n");
    for (i, code) in samples.iter().enumerate() {
        lib.push_str(&format!("pub mod mutant{i} {{\n{code}\n}}\n"));
    }
    scratch.write("src/lib.rs", &lib);
    let out = scratch.cargo(&["check", "--quiet"]);
    assert!(out.status.success(), "mutants' code does not compile:\n{}", String::from_utf8_lossy(&out.stderr));
    println!("compiled the code of {} expanded mutants", samples.len());
}

#[test]
fn every_sampled_corpus_doc_expands_unmutated() {
    let Some(corpus) = corpus() else { return };
    let ws = Workspace::new(&corpus);
    for (rel, text) in sample_docs() {
        let exp = ws.expand(rel, text, text).unwrap_or_else(|e| panic!("{}: {e}", rel.display()));
        assert!(!exp.model.types.is_empty());
        check_one(&ws, rel, text, text);
    }
}

const FIELDS_HEAD: &str = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n";

#[test]
fn a_doc_that_links_to_itself_expands() {
    let dir = TempDir::new("self");
    let path = dir.0.join("selfref.md");
    std::fs::write(
        &path,
        format!(
            "# SelfRef\n\n## Fields\n\n{FIELDS_HEAD}\
             | `next` | [models.SelfRef](../models/selfref.md) | :heavy_check_mark: | N |\n\
             | `maybe` | [Optional[models.SelfRef]](selfref.md) | :heavy_minus_sign: | M |\n\
             | `many` | List[[models.SelfRef](#selfref)] | :heavy_minus_sign: | L |\n"
        ),
    )
    .unwrap();
    let exp = mdmodel_codegen::expand_file(&path, Some(&dir.0), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(exp.model.types.len(), 1);
    assert_eq!(exp.model.files.len(), 1);
    let code = exp.tokens().to_string();
    assert_eq!(code.matches("pub struct SelfRef ").count(), 1, "{code}");
    // The required self reference must be boxed, or the type would be infinitely large.
    assert!(code.contains("Box"), "{code}");
}

#[test]
fn a_thousand_docs_in_a_link_cycle_expand_each_type_once() {
    const N: usize = 1000;
    let dir = TempDir::new("cycle");
    for i in 0..N {
        let j = (i + 1) % N;
        std::fs::write(
            dir.0.join(format!("node{i}.md")),
            format!(
                "# Node{i}\n\nNode {i}.\n\n## Fields\n\n{FIELDS_HEAD}\
                 | `id` | *int* | :heavy_check_mark: | Id. |\n\
                 | `next` | [models.Node{j}](../models/node{j}.md) | :heavy_check_mark: | Next. |\n"
            ),
        )
        .unwrap();
    }
    let exp = mdmodel_codegen::expand_file(&dir.0.join("node0.md"), Some(&dir.0), &Default::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(exp.model.types.len(), N);
    assert_eq!(exp.model.files.len(), N);
    let code = exp.tokens().to_string();
    for i in 0..N {
        assert_eq!(code.matches(&format!("pub struct Node{i} ")).count(), 1, "Node{i}");
    }
    // The cycle goes through required fields: each link is boxed, in the field and in the
    // parameter of `new` that sets it.
    assert_eq!(code.matches("pub next : :: std :: boxed :: Box <").count(), N, "{}", &code[..2000.min(code.len())]);
    assert_eq!(code.matches("Box <").count(), 2 * N);
}

#[test]
fn list_nested_five_thousand_deep_is_too_deep_not_a_stack_overflow() {
    let deep = format!("{}str{}", "List[".repeat(5000), "]".repeat(5000));
    let text = format!("# Deep\n\n## Fields\n\n{FIELDS_HEAD}| `d` | {deep} | :heavy_check_mark: | D |\n");
    let e = parse_doc(Path::new("deep.md"), &text).unwrap_err();
    assert_located(&e);
    assert!(e.0.iter().any(|e| e.kind == ErrorKind::TooDeep), "{e}");
    assert_eq!(e.0[0].loc.as_ref().unwrap().line, 7);

    // The same through links and union headings.
    let links = format!("{}models.X{}", "[".repeat(5000), "](x.md)".repeat(5000));
    let text = format!("# Deep\n\n## Fields\n\n{FIELDS_HEAD}| `d` | {links} | :heavy_check_mark: | D |\n");
    assert_located(&parse_doc(Path::new("deep.md"), &text).unwrap_err());
    let text = format!("# Deep\n\n## Supported Types\n\n### `{deep}`\n");
    let e = parse_doc(Path::new("deep.md"), &text).unwrap_err();
    assert!(e.0.iter().any(|e| e.kind == ErrorKind::TooDeep), "{e}");

    // And through the whole pipeline.
    let dir = TempDir::new("deep");
    let path = dir.0.join("deep.md");
    std::fs::write(&path, format!("# Deep\n\n## Fields\n\n{FIELDS_HEAD}| `d` | {deep} | :heavy_check_mark: | D |\n")).unwrap();
    let e = mdmodel_codegen::expand_file(&path, Some(&dir.0), &Default::default()).unwrap_err();
    assert!(e.0.iter().any(|e| e.kind == ErrorKind::TooDeep), "{e}");
}

#[test]
fn a_file_over_the_size_limit_is_too_large() {
    let dir = TempDir::new("large");
    let path = dir.0.join("large.md");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(limits::MAX_FILE_BYTES + 1).unwrap();
    drop(f);
    let e = mdmodel_codegen::expand_file(&path, Some(&dir.0), &Default::default()).unwrap_err();
    assert_located(&e);
    assert_eq!(e.0[0].kind, ErrorKind::TooLarge, "{e}");
    assert_eq!(mdmodel_codegen::resolve::read_doc(&path).unwrap_err().kind, ErrorKind::TooLarge);
    // At the limit, the size is no error (the text is then read; zeros parse as no title).
    let at = dir.0.join("at.md");
    std::fs::File::create(&at).unwrap().set_len(limits::MAX_FILE_BYTES).unwrap();
    assert!(mdmodel_codegen::resolve::read_doc(&at).is_ok());
}

#[test]
fn invalid_utf8_is_unreadable() {
    let dir = TempDir::new("utf8");
    let path = dir.0.join("bad.md");
    std::fs::write(&path, b"# Bad\n\n## Fields\n\n\xff\xfe\xc3(\n").unwrap();
    let e = mdmodel_codegen::expand_file(&path, Some(&dir.0), &Default::default()).unwrap_err();
    assert_located(&e);
    assert_eq!(e.0[0].kind, ErrorKind::Unreadable, "{e}");
    assert!(e.0[0].message.contains("line 5"), "{e}");
    // A linked doc that is not UTF-8 is reported with its path.
    let entry = dir.0.join("entry.md");
    std::fs::write(&entry, format!("# Entry\n\n## Fields\n\n{FIELDS_HEAD}| `b` | [models.Bad](bad.md) | :heavy_check_mark: | B |\n")).unwrap();
    let e = mdmodel_codegen::expand_file(&entry, Some(&dir.0), &Default::default()).unwrap_err();
    assert_located(&e);
    assert!(e.0.iter().any(|e| e.kind == ErrorKind::Unreadable && e.path.as_deref() == Some(path.canonicalize().unwrap().as_path())), "{e:?}");
}

/// A model's name and line, and its fields' (or values' or members') names and lines.
type Shape = Vec<(String, u32, Vec<(String, u32)>)>;

/// Names, field names and field lines of a doc's models.
fn shape(d: &Doc) -> Shape {
    d.models
        .iter()
        .map(|m| {
            let fields = match &m.kind {
                TypeKind::Struct(f) => f.iter().map(|f| (f.name.clone(), f.loc.line)).collect(),
                TypeKind::Enum(e) => e.values.iter().map(|v| (v.name.clone(), v.loc.line)).collect(),
                TypeKind::Union(u) => u.iter().map(|m| (m.text.clone(), m.loc.line)).collect(),
                TypeKind::Opaque => Vec::new(),
            };
            (m.name.clone(), m.loc.line, fields)
        })
        .collect()
}

fn assert_same_with_bom_and_crlf(rel: &Path, text: &str) {
    let lf = text.replace("\r\n", "\n");
    let plain = parse_doc(rel, &lf).unwrap_or_else(|e| panic!("{e}"));
    let crlf = lf.replace('\n', "\r\n");
    for variant in [format!("\u{feff}{lf}"), crlf.clone(), format!("\u{feff}{crlf}")] {
        let d = parse_doc(rel, &variant).unwrap_or_else(|e| panic!("{}: {e}", rel.display()));
        assert_eq!(shape(&d), shape(&plain), "{}", rel.display());
        // Descriptions carry no stray CR.
        for (a, b) in d.models.iter().zip(&plain.models) {
            assert_eq!(a.docs.replace("\r\n", "\n"), b.docs, "{}", rel.display());
        }
    }
}

#[test]
fn bom_and_crlf_parse_the_same_as_lf() {
    assert_same_with_bom_and_crlf(
        Path::new("fixture.md"),
        &format!(
            "# Counts\n\nHow many.\n\n## Fields\n\n{FIELDS_HEAD}| `total` | *int* | :heavy_check_mark: | All |\n| `failed` | *Optional[int]* | :heavy_minus_sign: | Failed |\n\n## Example\n\n```python\n# not a title\n```\n"
        ),
    );
    for (rel, text) in sample_docs() {
        assert_same_with_bom_and_crlf(rel, text);
    }
}

#[test]
fn crlf_errors_point_at_the_same_lines_as_lf() {
    let text = format!("# Bad\n\n## Fields\n\n{FIELDS_HEAD}| `a` | *strr* | :heavy_check_mark: | A |\n| `b` | *int* | yes | B |\n");
    let lines = |t: &str| -> Vec<(u32, u32)> {
        let e = parse_doc(Path::new("bad.md"), t).unwrap_err();
        e.0.iter().map(|e| (e.loc.as_ref().unwrap().line, e.loc.as_ref().unwrap().column)).collect()
    };
    let lf = lines(&text);
    assert_eq!(lf.len(), 2);
    assert_eq!(lines(&text.replace('\n', "\r\n")), lf);
    assert_eq!(lines(&format!("\u{feff}{text}")), lf);
}

#[cfg(unix)]
#[test]
fn symlinks_inside_the_root_are_followed_and_links_outside_are_refused() {
    let outside = TempDir::new("outside");
    std::fs::write(outside.0.join("secret.md"), format!("# Secret\n\n## Fields\n\n{FIELDS_HEAD}| `x` | *int* | :heavy_check_mark: | X. |\n")).unwrap();
    let root = TempDir::new("root");
    std::fs::create_dir_all(root.0.join("real")).unwrap();
    std::fs::write(root.0.join("real/leaf.md"), format!("# Leaf\n\n## Fields\n\n{FIELDS_HEAD}| `n` | *int* | :heavy_check_mark: | N. |\n")).unwrap();
    // A symlink inside the root, to a doc inside the root: followed, and the doc read once.
    std::os::unix::fs::symlink(root.0.join("real/leaf.md"), root.0.join("leaf_link.md")).unwrap();
    std::fs::write(
        root.0.join("top.md"),
        format!(
            "# Top\n\n## Fields\n\n{FIELDS_HEAD}\
             | `a` | [models.Leaf](leaf_link.md) | :heavy_check_mark: | Through the link. |\n\
             | `b` | [models.Leaf](real/leaf.md) | :heavy_check_mark: | Directly. |\n"
        ),
    )
    .unwrap();
    let exp = mdmodel_codegen::expand_file(&root.0.join("top.md"), Some(&root.0), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(exp.model.types.len(), 2, "{:?}", exp.model.types.iter().map(|t| &t.name).collect::<Vec<_>>());
    // A symlink inside the root that leads outside it: refused, naming the link.
    std::os::unix::fs::symlink(outside.0.join("secret.md"), root.0.join("sneaky.md")).unwrap();
    std::fs::write(
        root.0.join("bad.md"),
        format!("# Bad\n\n## Fields\n\n{FIELDS_HEAD}| `s` | [models.Secret](sneaky.md) | :heavy_check_mark: | Out. |\n"),
    )
    .unwrap();
    let e = mdmodel_codegen::expand_file(&root.0.join("bad.md"), Some(&root.0), &Default::default()).unwrap_err();
    assert_eq!(e.0[0].kind, ErrorKind::OutsideRoot, "{e}");
    assert!(e.0[0].message.contains("sneaky.md"), "{e}");
    assert_eq!(e.0[0].loc.as_ref().unwrap().line, 7);
    let _ = std::fs::remove_dir_all(&root.0);
    let _ = std::fs::remove_dir_all(&outside.0);
}

/// Symbolic links that lead back up (`up -> ..`, twice, which a walk that follows each would
/// take 2^40 steps to give up on) end: each folder is listed once, each doc once, in order.
#[cfg(unix)]
#[test]
fn folder_symlink_cycles_list_each_doc_once() {
    let root = TempDir::new("cycles");
    let doc = |name: &str| format!("# {name}\n\n## Fields\n\n{FIELDS_HEAD}| `n` | *int* | :heavy_check_mark: | N. |\n");
    std::fs::create_dir_all(root.0.join("b.d/inner")).unwrap();
    std::fs::write(root.0.join("a.md"), doc("A")).unwrap();
    std::fs::write(root.0.join("b.d/inner/c.md"), doc("C")).unwrap();
    std::fs::write(root.0.join("b.md"), doc("B")).unwrap();
    std::os::unix::fs::symlink("..", root.0.join("b.d/inner/up")).unwrap();
    std::os::unix::fs::symlink("../..", root.0.join("b.d/inner/up2")).unwrap();
    std::os::unix::fs::symlink(".", root.0.join("self")).unwrap();
    // A link to a folder listed later: its docs are listed under the link's path, once.
    std::os::unix::fs::symlink("b.d", root.0.join("a_link")).unwrap();
    let docs = mdmodel_codegen::docs_under(&root.0).unwrap();
    let rel: Vec<String> = docs.iter().map(|p| p.strip_prefix(&root.0).unwrap().display().to_string()).collect();
    assert_eq!(rel, ["a.md", "a_link/inner/c.md", "b.md"]);
    let exp = mdmodel_codegen::expand_dir(&root.0, Some(&root.0), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    let mut names: Vec<&str> = exp.model.types.iter().map(|t| t.name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["A", "B", "C"]);
    let _ = std::fs::remove_dir_all(&root.0);
}
