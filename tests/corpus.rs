//! The whole real corpus through `include_models!` in a fresh crate: it compiles with no
//! warning, every doc's title is a type, and every type round trips generated values:
//! read, written, read again and written again: the same JSON both times.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use mdmodel_codegen::sample::{sample, Rng};

/// Samples per type (`MDMODEL_SAMPLES` overrides).
fn samples_per_type() -> usize {
    std::env::var("MDMODEL_SAMPLES").ok().and_then(|s| s.parse().ok()).unwrap_or(20)
}

/// Writes `module\ttitle\tjson` lines of samples of every type under `dir`; returns the titles.
fn write_samples(dir: &Path, module: &str, out: &mut String, seed: u64) -> Vec<String> {
    let exp = mdmodel_codegen::expand_dir(dir, None, &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    let mut rng = Rng::new(seed);
    let mut titles = Vec::new();
    for (i, t) in exp.model.types.iter().enumerate() {
        titles.push(t.name.clone());
        for _ in 0..samples_per_type() {
            let v = sample(&exp.model, mdmodel_codegen::ir::TypeId(i), &mut rng);
            writeln!(out, "{module}\t{}\t{v}", t.name).unwrap();
        }
    }
    titles
}

fn dispatch(module: &str, titles: &[String]) -> String {
    let arms: String = titles
        .iter()
        .map(|t| format!("        (\"{module}\", \"{t}\") => check::<{module}::{t}>(json),\n"))
        .collect();
    arms
}

#[test]
fn whole_corpus_compiles_without_warnings_every_title_is_a_type_and_every_type_round_trips() {
    let Some(corpus) = common::shared("corpus/orq-python-3.11.7") else { return };
    let mut samples = String::new();
    let corpus_titles = write_samples(&corpus, "models", &mut samples, 7);
    let fixture_titles = write_samples(&common::repo().join("specs/fixtures"), "fixtures", &mut samples, 11);
    assert_eq!(mdmodel_codegen::docs_under(&corpus).unwrap().len(), 2404);
    assert_eq!(corpus_titles.len(), 2405, "utils/retryconfig.md holds two models");

    let checks: String = corpus_titles.iter().map(|t| format!("const _: Option<models::{t}> = None;\n")).collect();
    let s = common::Scratch::new("mdmodel-corpus");
    s.write("samples.tsv", &samples);
    s.write(
        "src/main.rs",
        &format!(
            r#"#![deny(warnings)]
#![forbid(unsafe_code)]
use mdmodel::__private::serde::{{de::DeserializeOwned, Serialize}};
use mdmodel::__private::serde_json::{{self, Value}};

pub mod models {{
    mdmodel::include_models!({corpus:?});
}}
pub mod fixtures {{
    mdmodel::include_models!({fixtures:?});
}}
{checks}
// One deserializer (`Value`) and one serializer per type keep the instantiations, and so this
// crate's build time, down.
fn check<T: DeserializeOwned + Serialize>(json: Value) -> Result<(), String> {{
    let first: T = serde_json::from_value(json).map_err(|e| format!("read: {{e}}"))?;
    let written: Value = serde_json::to_value(&first).map_err(|e| format!("write: {{e}}"))?;
    let second: T = serde_json::from_value(written.clone()).map_err(|e| format!("read again {{written}}: {{e}}"))?;
    let rewritten = serde_json::to_value(&second).map_err(|e| format!("write again: {{e}}"))?;
    if rewritten != written {{
        return Err(format!("written again differs: {{written}} vs {{rewritten}}"));
    }}
    // The two values may differ (not checked) only where they write the same JSON: a union member picked
    // for what writing leaves out. `{{"name": "x", "breed": null}}` is a `Dog` (two of its
    // fields set, as pydantic counts them), written `{{"name": "x"}}` (an `Optional` field's
    // `None` is omitted, D7), which reads as a `Cat`, as it does in the reference.
    Ok(())
}}

fn run(module: &str, title: &str, json: Value) -> Result<(), String> {{
    match (module, title) {{
{arms}        _ => Err(format!("no type {{module}}::{{title}}")),
    }}
}}

fn main() {{
    let text = std::fs::read_to_string("samples.tsv").unwrap();
    let (mut ok, mut failed) = (0usize, 0usize);
    for line in text.lines() {{
        let mut parts = line.splitn(3, '\t');
        let (module, title, json) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
        match run(module, title, serde_json::from_str(json).unwrap()) {{
            Ok(()) => ok += 1,
            Err(e) => {{
                failed += 1;
                if failed <= 20 {{
                    eprintln!("{{module}}::{{title}} {{json}}: {{e}}");
                }}
            }}
        }}
    }}
    println!("{{ok}} round trips, {{failed}} failed");
    if failed > 0 {{
        std::process::exit(1);
    }}
}}
"#,
            corpus = corpus.display().to_string(),
            fixtures = common::repo().join("specs/fixtures").display().to_string(),
            arms = dispatch("models", &corpus_titles) + &dispatch("fixtures", &fixture_titles),
        ),
    );
    let out = s.cargo_ok(&["run", "--quiet"]);
    let expected = (corpus_titles.len() + fixture_titles.len()) * samples_per_type();
    assert_eq!(out.trim(), format!("{expected} round trips, 0 failed"));
    println!("{} docs, {} titles, each a type; compiled under #![deny(warnings)]; {out}", 2404, corpus_titles.len());
}
