//! The whole real corpus through `include_models!` in a fresh crate: it compiles with no
//! warning, and every doc's title is a type.

mod common;

#[test]
fn whole_corpus_compiles_without_warnings_and_every_title_is_a_type() {
    let Some(corpus) = common::shared("corpus/orq-python-3.11.7") else { return };
    let docs = mdmodel_codegen::docs_under(&corpus).unwrap();
    let mut titles = Vec::new();
    for d in &docs {
        let text = std::fs::read_to_string(d).unwrap();
        let doc = mdmodel_codegen::parse::parse_doc(d, &text).unwrap_or_else(|e| panic!("{e}"));
        titles.extend(doc.models.into_iter().map(|m| m.name));
    }
    assert_eq!(docs.len(), 2404);
    let checks: String = titles.iter().map(|t| format!("const _: Option<models::{t}> = None;\n")).collect();
    let s = common::Scratch::new("mdmodel-corpus");
    s.write(
        "src/lib.rs",
        &format!(
            "#![deny(warnings)]\n#![forbid(unsafe_code)]\npub mod models {{\n    mdmodel::include_models!({:?});\n}}\n{checks}",
            corpus.display().to_string()
        ),
    );
    s.cargo_ok(&["build", "--quiet"]);
    println!("{} docs, {} titles, each a type; compiled under #![deny(warnings)]", docs.len(), titles.len());
}
