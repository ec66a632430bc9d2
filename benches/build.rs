//! Finds the union-heavy corpus model for the runtime bench: where the corpus is present (in
//! `shared/` beside the repository, or where `MDMODEL_SHARED` points), writes
//! `$OUT_DIR/chat.rs`, an `include_model!` of `createchatcompletionrequestbody.md` by absolute
//! path, and sets `cfg(mdmodel_chat)`; where it is absent, the chat benches are left out.

use std::path::PathBuf;

const DOC: &str = "corpus/orq-python-3.11.7/createchatcompletionrequestbody.md";

fn main() {
    println!("cargo:rustc-check-cfg=cfg(mdmodel_chat)");
    println!("cargo:rerun-if-env-changed=MDMODEL_SHARED");
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let shared = match std::env::var_os("MDMODEL_SHARED") {
        Some(p) => PathBuf::from(p),
        None => manifest.join("../../shared"),
    };
    let doc = shared.join(DOC);
    println!("cargo:rerun-if-changed={}", doc.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("chat.rs");
    let code = match doc.canonicalize() {
        Ok(doc) if doc.is_file() => {
            println!("cargo:rustc-cfg=mdmodel_chat");
            format!("mdmodel::include_model!({:?});\n", doc.display().to_string())
        }
        _ => String::new(),
    };
    std::fs::write(&out, code).expect("OUT_DIR is writable");
}
