//! Shared pieces of the mdmodel benchmarks: the generated seed type, the struct a careful
//! Rust developer would write by hand for the same JSON, and where the shared inputs are.
//!
//! The real inputs (the doc corpus and the batch payloads) live outside the repository, in
//! `shared/` beside it, or where `MDMODEL_SHARED` points. Benches that cannot find them print
//! `skipped: ... absent` and measure nothing.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The types mdmodel generates from the seed doc (and the docs it links to).
pub mod generated {
    mdmodel::include_model!("../specs/cancelbatchresponsebody.md");
}

pub use generated::CancelBatchResponseBody;

/// The hand-written equivalent of [`CancelBatchResponseBody`]: what a careful Rust developer
/// would write for the batch JSON without any generator.
pub mod handwritten {
    use super::*;

    /// A batch object.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Batch {
        /// The ID of the batch job.
        pub id: String,
        /// Always `batch`.
        pub object: BatchObject,
        /// The API endpoint used by the batch.
        pub endpoint: String,
        /// Errors associated with the batch.
        #[serde(default)]
        pub errors: Option<BatchErrors>,
        /// The ID of the input file.
        pub input_file_id: String,
        /// The processing window (`24h`).
        pub completion_window: String,
        /// The current status.
        pub status: String,
        /// The ID of the output file.
        #[serde(default)]
        pub output_file_id: Option<String>,
        /// The ID of the error file.
        #[serde(default)]
        pub error_file_id: Option<String>,
        /// Unix seconds.
        pub created_at: i64,
        /// Unix seconds.
        #[serde(default)]
        pub in_progress_at: Option<i64>,
        /// Unix seconds.
        #[serde(default)]
        pub expires_at: Option<i64>,
        /// Unix seconds.
        #[serde(default)]
        pub finalizing_at: Option<i64>,
        /// Unix seconds.
        #[serde(default)]
        pub completed_at: Option<i64>,
        /// Unix seconds.
        #[serde(default)]
        pub failed_at: Option<i64>,
        /// Unix seconds.
        #[serde(default)]
        pub expired_at: Option<i64>,
        /// Unix seconds.
        #[serde(default)]
        pub cancelling_at: Option<i64>,
        /// Unix seconds.
        #[serde(default)]
        pub cancelled_at: Option<i64>,
        /// Request counts by status.
        pub request_counts: RequestCounts,
        /// Up to 16 key-value pairs.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub metadata: Option<BTreeMap<String, serde_json::Value>>,
    }

    /// The `object` of a batch.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum BatchObject {
        /// `batch`
        Batch,
    }

    /// The `errors` of a batch (`{}` when there are none).
    #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
    pub struct BatchErrors {
        /// `list`
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub object: Option<String>,
        /// The errors.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub data: Vec<BatchError>,
    }

    /// One error of a batch.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct BatchError {
        /// An error code.
        #[serde(default)]
        pub code: Option<String>,
        /// A human-readable message.
        #[serde(default)]
        pub message: Option<String>,
        /// The parameter that caused the error.
        #[serde(default)]
        pub param: Option<String>,
        /// The line of the input file.
        #[serde(default)]
        pub line: Option<i64>,
    }

    /// Request counts by status.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    pub struct RequestCounts {
        /// Total requests.
        pub total: i64,
        /// Completed requests.
        pub completed: i64,
        /// Failed requests.
        pub failed: i64,
    }
}

/// The `shared/` folder: `MDMODEL_SHARED` where set, else `shared/` beside the repository.
pub fn shared_dir() -> PathBuf {
    match std::env::var_os("MDMODEL_SHARED") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared")),
    }
}

/// The doc corpus, if present.
pub fn corpus_dir() -> Option<PathBuf> {
    let d = shared_dir().join("corpus/orq-python-3.11.7");
    d.is_dir().then_some(d)
}

/// The batch payloads (file name, bytes), sorted by name; empty if absent.
pub fn batch_payloads() -> Vec<(String, Vec<u8>)> {
    json_files(&shared_dir().join("payloads/batch"))
}

/// The `.json` files of a folder (file stem, bytes), sorted by name; empty if absent.
fn json_files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            Some((name, std::fs::read(&p).ok()?))
        })
        .collect();
    out.sort();
    out
}

/// The union fixtures, generated: `ContentPart` (its members have a constant `type`: the
/// generated enum dispatches on it) and `Pet` (no constant field: the generated enum picks
/// the best-fitting member with `mdmodel::__private::UnionPick`).
pub mod unions {
    /// `ContentPart`: `TextPart` | `ImagePart`, told apart by `type`.
    pub mod content {
        mdmodel::include_model!("../specs/fixtures/contentpart.md");
    }
    /// `Pet`: `Cat` | `Dog`, told apart by their fields.
    pub mod pet {
        mdmodel::include_model!("../specs/fixtures/pet.md");
    }
}

/// The same unions written by hand as plain `#[serde(untagged)]` enums over the same
/// generated member types: serde tries each member in order, buffering the input first.
pub mod untagged {
    use serde::{Deserialize, Serialize};

    use super::unions::{content, pet};

    /// `ContentPart` as a plain untagged enum.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(untagged)]
    pub enum ContentPart {
        /// A text part.
        Text(content::TextPart),
        /// An image part.
        Image(content::ImagePart),
    }

    /// `Pet` as a plain untagged enum.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(untagged)]
    pub enum Pet {
        /// A cat.
        Cat(pet::Cat),
        /// A dog.
        Dog(pet::Dog),
    }
}

/// The union-heavy model of the corpus, `CreateChatCompletionRequestBody` (a chat completion
/// request: `messages` is a list of a five-member union dispatched on `role`, a user message's
/// `content` a union of a string and a list of a four-member union of parts; `stop`,
/// `tool_choice` and `response_format` are unions too), with the 90-odd types it links to.
/// Present only where the corpus is (see `build.rs`).
#[cfg(mdmodel_chat)]
pub mod chat {
    include!(concat!(env!("OUT_DIR"), "/chat.rs"));
}

/// The chat completion requests of `benches/data/chat/` (file name, bytes), sorted by name:
/// `simple` (a system and a user message), `tools` (a tool-calling exchange: an assistant
/// message with two tool calls, two tool messages, two tool definitions) and `multimodal` (a
/// user message of a text part and an image part, a JSON-schema response format).
pub fn chat_payloads() -> Vec<(String, Vec<u8>)> {
    json_files(&PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data/chat")))
}

/// Named JSON payloads.
pub type Payloads = Vec<(&'static str, String)>;

/// The union payloads: (name, JSON), each a value of `ContentPart` or of `Pet` (single
/// values, and an array of 64 mixed ones).
pub fn union_payloads() -> (Payloads, Payloads) {
    let text = r#"{"type":"text","text":"The quick brown fox jumps over the lazy dog."}"#;
    let image = r#"{"type":"image","url":"https://example.com/images/fox.png"}"#;
    let cat = r#"{"name":"Tom","lives":9}"#;
    let dog = r#"{"name":"Rex","breed":"labrador","good":true}"#;
    let mixed = |a: &str, b: &str| {
        let items: Vec<&str> = (0..64).map(|i| if i % 2 == 0 { a } else { b }).collect();
        format!("[{}]", items.join(","))
    };
    (
        vec![("text", text.to_owned()), ("image", image.to_owned()), ("array_64_mixed", mixed(text, image))],
        vec![("cat", cat.to_owned()), ("dog", dog.to_owned()), ("array_64_mixed", mixed(cat, dog))],
    )
}

/// Builds a synthetic doc set of exactly `n` docs in `dst` from the corpus in `src`, by
/// copying it again and again with every name renamed consistently: copy `k` of `foo.md`
/// is `fooc{k}.md`, its title `Foo` becomes `FooC{k}` (and so its anchor `#fooc{k}`), and
/// every link, anchor and `models.X` name in it is renamed the same way, so that titles stay
/// unique and links stay inside the copy. The last copy, if partial, links to the docs it
/// lacks in copy 0. Returns the paths written, sorted.
pub fn synthetic_corpus(src: &std::path::Path, dst: &std::path::Path, n: usize) -> std::io::Result<Vec<PathBuf>> {
    use std::collections::HashSet;
    let mut docs: Vec<(String, String)> = std::fs::read_dir(src)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter_map(|p| Some((p.file_stem()?.to_str()?.to_owned(), std::fs::read_to_string(&p).ok()?)))
        .collect();
    docs.sort();
    std::fs::create_dir_all(dst)?;
    let mut out = Vec::with_capacity(n);
    let mut k = 0;
    while out.len() < n {
        let take = (n - out.len()).min(docs.len());
        let present: HashSet<&str> = docs[..take].iter().map(|(s, _)| s.as_str()).collect();
        // The copy a doc (by original stem) is found in, from copy `k`.
        let copy_of = |stem: &str| if present.contains(stem) { k } else { 0 };
        for (stem, text) in &docs[..take] {
            let path = dst.join(format!("{stem}c{k}.md"));
            std::fs::write(&path, rename_doc(text, k, &copy_of))?;
            out.push(path);
        }
        k += 1;
    }
    out.sort();
    Ok(out)
}

/// One doc of copy `k`: titles, model headings, links, anchors and `models.X` renamed.
fn rename_doc(text: &str, k: usize, copy_of: &dyn Fn(&str) -> usize) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    let mut in_code = false;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let ending = &line[body.len()..];
        if body.starts_with("```") {
            in_code = !in_code;
        }
        let heading = |h: &str| body.strip_prefix(h).map(str::trim_end);
        let is_model_h2 = |t: &&str| {
            !matches!(*t, "Fields" | "Values")
                && t.starts_with(|c: char| c.is_ascii_alphabetic())
                && t.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        };
        let renamed = if in_code {
            None
        } else if let Some(t) = heading("# ") {
            Some(format!("# {t}C{k}"))
        } else {
            heading("## ").filter(is_model_h2).map(|t| format!("## {t}C{k}"))
        };
        let body = renamed.as_deref().unwrap_or(body);
        out.push_str(&rename_names(&rename_links(body, k, copy_of), copy_of));
        out.push_str(ending);
    }
    out
}

/// `](target)` links: `../models/x.md#a` → `../models/xc{j}.md#ac{j}`, `#a` → `#ac{k}`,
/// where `j` is the copy holding `x`; other targets (web links) unchanged.
fn rename_links(line: &str, k: usize, copy_of: &dyn Fn(&str) -> usize) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let mut rest = line;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let end = rest.find(')').unwrap_or(rest.len());
        let target = &rest[..end];
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target, None),
        };
        if path.is_empty() {
            match anchor {
                Some(a) => out.push_str(&format!("#{a}c{k}")),
                None => out.push_str(target),
            }
        } else if let Some(base) = path.strip_suffix(".md") {
            let (dir, stem) = base.rsplit_once('/').map_or(("", base), |(d, s)| (d, s));
            let j = copy_of(stem);
            if !dir.is_empty() {
                out.push_str(dir);
                out.push('/');
            }
            out.push_str(&format!("{stem}c{j}.md"));
            if let Some(a) = anchor {
                out.push_str(&format!("#{a}c{j}"));
            }
        } else {
            out.push_str(target);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `models.X` → `models.XC{j}`, where `j` is the copy holding `x.md`.
fn rename_names(line: &str, copy_of: &dyn Fn(&str) -> usize) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let mut rest = line;
    while let Some(i) = rest.find("models.") {
        out.push_str(&rest[..i + 7]);
        rest = &rest[i + 7..];
        let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
        let name = &rest[..end];
        out.push_str(name);
        if !name.is_empty() {
            out.push_str(&format!("C{}", copy_of(&name.to_ascii_lowercase())));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
