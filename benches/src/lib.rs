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
    let dir = shared_dir().join("payloads/batch");
    let Ok(entries) = std::fs::read_dir(&dir) else {
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
