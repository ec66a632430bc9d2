//! The engine on the real corpus: pulldown-cmark's event stream (the floor), `parse_doc`,
//! the loader (read + parse + resolve), `generate` (the code as text), lexing that text with
//! proc_macro2 (the CLI's cost, not the macro's), and the full `expand_dir`; then the full
//! engine on the first 100, 1,000 and all docs, and on 20,000 synthetic docs (the corpus
//! copied with every name renamed, built in a temporary folder at bench time).
//!
//! The loader and `expand_entries` are given no allowed root (`Default::default()`: the
//! argument's type is changing between `Option<&Path>` and `&[PathBuf]`, and both default to
//! "no limit"); `expand_dir` is given the corpus folder, as the macros would be.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mdmodel_codegen::{docs_under, expand_dir, expand_entries, generate, parse, resolve, Options};
use pulldown_cmark::{Options as MdOptions, Parser};

fn load_corpus() -> Option<(PathBuf, Vec<(PathBuf, String)>)> {
    let Some(dir) = mdmodel_benches::corpus_dir() else {
        println!("skipped: corpus {} absent", mdmodel_benches::shared_dir().join("corpus").display());
        return None;
    };
    let paths = docs_under(&dir).expect("corpus lists");
    let docs = paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("corpus doc reads");
            (p, text)
        })
        .collect();
    Some((dir, docs))
}

fn engine(c: &mut Criterion) {
    let Some((dir, docs)) = load_corpus() else { return };
    let total: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let options = Options::default();
    println!("corpus: {} docs, {} bytes", docs.len(), total);
    let failed = docs.iter().filter(|(p, t)| parse::parse_doc(p, t).is_err()).count();
    println!("parse_doc: {failed} of {} docs give errors", docs.len());
    match expand_dir(&dir, Some(&dir), &options) {
        Ok(exp) => println!("expand_dir: ok, {} files, {} types, {} bytes of code", exp.model.files.len(), exp.model.types.len(), exp.code.len()),
        Err(e) => println!("expand_dir: {} errors, first: {}", e.0.len(), e.0[0]),
    }

    let mut g = c.benchmark_group("engine");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);

    g.bench_function("pulldown_cmark_events", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (_, text) in &docs {
                for ev in Parser::new_ext(text, MdOptions::ENABLE_TABLES) {
                    black_box(&ev);
                    n += 1;
                }
            }
            n
        })
    });

    g.bench_function("parse_doc", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (path, text) in &docs {
                if let Ok(doc) = parse::parse_doc(path, text) {
                    n += black_box(doc).models.len();
                }
            }
            n
        })
    });

    g.bench_function("read_files", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for (path, _) in &docs {
                n += resolve::read_doc(path).map(|t| t.len()).unwrap_or(0);
            }
            n
        })
    });

    let paths: Vec<PathBuf> = docs.iter().map(|(p, _)| p.clone()).collect();
    g.bench_function("load_read_parse_resolve", |b| {
        b.iter(|| black_box(resolve::Loader::new(Default::default()).load(&paths).map(|m| m.files.len())))
    });

    match resolve::Loader::new(Default::default()).load(&paths) {
        Ok(model) => {
            g.bench_function("generate", |b| b.iter(|| generate::generate(black_box(&model), &options)));
            // What the CLI (and `Expansion::tokens`) adds: lexing the text into a proc_macro2
            // stream with proc_macro2's own lexer. The macro does not pay it: inside rustc the
            // text is lexed by the compiler, in one call.
            let code = generate::generate(&model, &options);
            g.bench_function("lex_proc_macro2", |b| b.iter(|| black_box(code.tokens())));
        }
        Err(e) => println!("the corpus does not load, generate alone not measured: {} errors", e.0.len()),
    }

    g.bench_function("expand_dir", |b| b.iter(|| black_box(expand_dir(&dir, Some(&dir), &options).is_ok())));
    g.finish();

    // Scale: the first N docs (sorted); links pull in more docs, reported from the model.
    let mut g = c.benchmark_group("engine_scale");
    g.sample_size(10);
    for n in [100, 1_000, paths.len()] {
        let entries = &paths[..n.min(paths.len())];
        let exp = match expand_entries(entries, Default::default(), &options) {
            Ok(exp) => exp,
            Err(e) => {
                println!("scale {n}: expansion fails ({} errors), not measured", e.0.len());
                continue;
            }
        };
        let loaded = exp.model.files.len();
        let bytes: u64 = exp.model.files.iter().map(|f| file_len(f)).sum();
        println!("scale {n}: {} entry docs, {loaded} docs loaded, {bytes} bytes", entries.len());
        g.throughput(Throughput::Bytes(bytes));
        g.bench_with_input(BenchmarkId::new("expand_entries", format!("{n}_entries_{loaded}_loaded")), entries, |b, e| {
            b.iter(|| black_box(expand_entries(e, Default::default(), &options).is_ok()))
        });
    }

    // 20,000 docs: the corpus copied again and again with every name renamed, built in a
    // temporary folder now and removed after.
    let synth = std::env::temp_dir().join(format!("mdmodel-synthetic-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&synth);
    match mdmodel_benches::synthetic_corpus(&dir, &synth, SYNTHETIC_DOCS) {
        Ok(entries) => match expand_entries(&entries, Default::default(), &options) {
            Ok(exp) => {
                let loaded = exp.model.files.len();
                let bytes: u64 = exp.model.files.iter().map(|f| file_len(f)).sum();
                println!("scale synthetic: {} entry docs, {loaded} docs loaded, {bytes} bytes, {} types", entries.len(), exp.model.types.len());
                drop(exp);
                g.throughput(Throughput::Bytes(bytes));
                g.bench_with_input(BenchmarkId::new("expand_entries", format!("synthetic_{}_entries_{loaded}_loaded", entries.len())), &entries, |b, e| {
                    b.iter(|| black_box(expand_entries(e, Default::default(), &options).is_ok()))
                });
            }
            Err(e) => println!("scale synthetic: expansion fails ({} errors), first: {}", e.0.len(), e.0[0]),
        },
        Err(e) => println!("scale synthetic: cannot build the doc set in {}: {e}", synth.display()),
    }
    let _ = std::fs::remove_dir_all(&synth);
    g.finish();
}

/// The size of the synthetic doc set.
const SYNTHETIC_DOCS: usize = 20_000;

fn file_len(p: &Path) -> u64 {
    std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)
}

criterion_group!(benches, engine);
criterion_main!(benches);
