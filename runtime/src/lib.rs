//! # mdmodel
//!
//! Serde types generated at compile time from the Markdown model docs that the Speakeasy
//! generator publishes beside its SDKs (`docs/models/*.md`).
//!
//! ```
//! use mdmodel::Nullable;
//!
//! mdmodel::include_model!("../specs/cancelbatchresponsebody.md");
//!
//! let json = r#"{
//!     "id": "batch_1", "object": "batch", "endpoint": "/v1/embeddings", "errors": {},
//!     "input_file_id": "file-1", "completion_window": "24h", "status": "completed",
//!     "output_file_id": null, "error_file_id": null, "created_at": 1, "in_progress_at": 2,
//!     "expires_at": null, "finalizing_at": null, "completed_at": null, "failed_at": null,
//!     "expired_at": null, "cancelling_at": null, "cancelled_at": null,
//!     "request_counts": {"total": 1, "completed": 1, "failed": 0},
//!     "metadata": {"customer_id": "user_123"}
//! }"#;
//! let batch: CancelBatchResponseBody = mdmodel::from_str(json).unwrap();
//! assert_eq!(batch.id, "batch_1");
//! assert_eq!(batch.object, CancelBatchObject::Batch);
//! assert_eq!(batch.in_progress_at, Nullable::Value(2));
//! assert_eq!(batch.output_file_id, Nullable::Null);
//! assert_eq!(batch.request_counts, CancelBatchRequestCounts { total: 1, completed: 1, failed: 0 });
//! assert_eq!(batch.metadata.unwrap().get("customer_id"), Some(&serde_json::json!("user_123")));
//!
//! // A payload that does not fit names the field.
//! let err = mdmodel::from_str::<CancelBatchResponseBody>(&json.replace("\"total\": 1", "\"total\": \"1\""))
//!     .unwrap_err();
//! assert_eq!(err.path(), "request_counts.total");
//! ```
//!
//! This crate is the one a user depends on. It holds the types generated code refers to
//! ([`Nullable`], [`OptionalNullable`], [`Metadata`]), re-exports the macros
//! ([`include_model!`]), and reads payloads with errors that name the field path
//! ([`from_str`]). Generated code names serde through a hidden `__private` module, so the user's crate needs
//! no serde dependency of its own to compile it.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// Not public API: the paths and helpers generated code uses.
#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
mod bytes;
mod content;
mod event_stream;
mod metadata;
mod nullable;
mod optional_nullable;
mod payload;
#[cfg(feature = "time")]
mod rfc3339;

pub use bytes::Bytes;
pub use event_stream::{EventStream, EventStreamError};
pub use metadata::{Metadata, MetadataError, MetadataLimit, UNLIMITED};
pub use nullable::Nullable;
pub use optional_nullable::OptionalNullable;
pub use payload::{from_slice, from_str, from_value, to_string, to_string_pretty, PayloadError};
#[cfg(feature = "time")]
pub use rfc3339::Rfc3339;

/// Emits the Rust types of one model doc and of every doc it links to.
///
/// The path is relative to the invoking crate's `CARGO_MANIFEST_DIR`. The doc's type is named
/// by its `# Title`; each linked doc's type is emitted once. Every file read is tracked, so
/// editing any of them makes the next build expand again.
///
/// ```
/// mdmodel::include_model!("../specs/cancelbatchrequestcounts.md");
///
/// let counts: CancelBatchRequestCounts =
///     mdmodel::from_str(r#"{"total": 3, "completed": 2, "failed": 1}"#).unwrap();
/// assert_eq!(counts.total, 3);
/// ```
pub use mdmodel_macros::include_model;


/// Emits the types of every model doc under a folder (recursively), each type once, and of
/// every doc they link to.
///
/// The path is relative to the invoking crate's `CARGO_MANIFEST_DIR`. Two docs that define
/// the same type name are an error naming both files.
///
/// Every doc read is tracked, so editing one rebuilds; a doc added to the folder is seen on
/// the next build where the crate's build script names the folder
/// (`println!("cargo:rerun-if-changed=specs/models")`): a macro cannot track a folder.
///
/// ```
/// mod batch {
///     mdmodel::include_models!("../specs");
/// }
/// let counts: batch::CancelBatchRequestCounts =
///     mdmodel::from_str(r#"{"total": 1, "completed": 1, "failed": 0}"#).unwrap();
/// assert_eq!(counts.completed, 1);
/// ```
pub use mdmodel_macros::include_models;

#[cfg(test)]
mod tests {
    use super::*;
    use std::mem::size_of;

    #[test]
    fn runtime_types_add_no_memory() {
        assert_eq!(size_of::<Nullable<i64>>(), size_of::<Option<i64>>());
        assert_eq!(size_of::<Nullable<String>>(), size_of::<Option<String>>());
        assert_eq!(size_of::<Nullable<Box<u8>>>(), size_of::<Option<Box<u8>>>());
        assert_eq!(size_of::<OptionalNullable<i64>>(), size_of::<Option<Option<i64>>>());
        assert_eq!(size_of::<OptionalNullable<String>>(), size_of::<Option<Option<String>>>());
        assert_eq!(size_of::<OptionalNullable<bool>>(), size_of::<Option<Option<bool>>>());
        assert_eq!(size_of::<Metadata<16, 64, 512>>(), size_of::<std::collections::BTreeMap<String, serde_json::Value>>());
    }

    #[test]
    fn conversions() {
        assert_eq!(Nullable::from(Some(1)), Nullable::Value(1));
        assert_eq!(Option::<i32>::from(Nullable::Null), None);
        assert_eq!(OptionalNullable::from(Some(Some(1))), OptionalNullable::Value(1));
        assert_eq!(OptionalNullable::<i32>::from(Some(None)), OptionalNullable::Null);
        assert_eq!(OptionalNullable::<i32>::from(None::<i32>), OptionalNullable::Unset);
        assert_eq!(Option::<Option<i32>>::from(OptionalNullable::Null), Some(None));
        assert_eq!(OptionalNullable::from(Nullable::Value(2)), OptionalNullable::Value(2));
        assert_eq!(Nullable::<u8>::default(), Nullable::Null);
    }
}
