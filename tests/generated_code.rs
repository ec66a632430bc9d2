//! The generated code as plain source, pasted into a fresh crate: it passes clippy's default
//! lints under `#![deny(warnings)]` and `#![forbid(unsafe_code)]`, whatever names the docs use
//! (the fixtures hold keywords, clashing names, digits and punctuation; the corpus 2,404 real
//! docs). Clippy skips much of what a proc macro expands to, so this checks the code itself.

mod common;

use std::path::Path;

fn expand(dir: &Path) -> String {
    mdmodel_codegen::expand_dir(dir, None, &Default::default()).unwrap_or_else(|e| panic!("{e}")).code.to_string()
}

#[test]
fn generated_code_passes_clippy_under_deny_warnings() {
    let fixtures = expand(&common::repo().join("specs/fixtures"));
    let corpus = match common::shared("corpus/orq-python-3.11.7") {
        Some(dir) => expand(&dir),
        None => String::new(),
    };
    let s = common::Scratch::new("mdmodel-clippy");
    s.write(
        "src/lib.rs",
        &format!(
            "#![deny(warnings)]\n#![forbid(unsafe_code)]\npub mod fixtures {{\n{fixtures}\n}}\npub mod corpus {{\n{corpus}\n}}\n"
        ),
    );
    s.cargo_ok(&["clippy", "--quiet", "--", "-D", "warnings"]);
}
