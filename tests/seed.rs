//! The seed doc end to end, as a downstream crate uses it: every real batch payload reads
//! and writes back, and each refusal names the field.
#![deny(warnings)]
#![forbid(unsafe_code)]

use std::path::PathBuf;

use mdmodel::{Nullable, OptionalNullable};
use serde_json::{json, Value};

mdmodel::include_model!("specs/cancelbatchresponsebody.md");

mod presence {
    mdmodel::include_model!("specs/fixtures/presence.md");
}
use presence::Presence;

mod common;

fn shared_payloads() -> Option<PathBuf> {
    common::shared("payloads/batch")
}

/// What the reference writes back for a batch payload: fields the doc does not list are
/// dropped, `errors` (a model with no fields) is `{}`, an `Optional` field that was `null` is
/// left out.
fn expected_round_trip(mut v: Value) -> Value {
    let listed = [
        "id", "object", "endpoint", "errors", "input_file_id", "completion_window", "status",
        "output_file_id", "error_file_id", "created_at", "in_progress_at", "expires_at",
        "finalizing_at", "completed_at", "failed_at", "expired_at", "cancelling_at",
        "cancelled_at", "request_counts", "metadata",
    ];
    let obj = v.as_object_mut().unwrap();
    obj.retain(|k, _| listed.contains(&k.as_str()));
    obj.insert("errors".into(), json!({}));
    if obj.get("metadata") == Some(&Value::Null) {
        obj.remove("metadata");
    }
    v
}

#[test]
fn every_shared_payload_round_trips() {
    let Some(dir) = shared_payloads() else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert_eq!(files.len(), 4, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let batch: CancelBatchResponseBody =
            mdmodel::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let back = serde_json::to_value(&batch).unwrap();
        let input: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, expected_round_trip(input), "{}", file.display());
        // And the written form reads back to the same value.
        let again: CancelBatchResponseBody = serde_json::from_value(back).unwrap();
        assert_eq!(again, batch);
    }
}

#[test]
fn typed_values_of_a_real_payload() {
    let Some(dir) = shared_payloads() else { return };
    let text = std::fs::read_to_string(dir.join("in_progress.json")).unwrap();
    let b: CancelBatchResponseBody = mdmodel::from_str(&text).unwrap();
    assert_eq!(b.id, "batch_6761c2f4a8d88190b2cbd47a6d8a8e21");
    assert_eq!(b.object, CancelBatchObject::Batch);
    assert_eq!(b.request_counts, CancelBatchRequestCounts { total: 1200, completed: 417, failed: 3 });
    assert_eq!(b.in_progress_at, Nullable::Value(1734460151));
    assert_eq!(b.output_file_id, Nullable::Null);
    let m = b.metadata.as_ref().unwrap();
    assert_eq!(m.get("customer_id"), Some(&json!("user_123456789")));
    assert_eq!(m.len(), 2);
}

fn seed_payload() -> Value {
    json!({
        "id": "batch_1", "object": "batch", "endpoint": "/v1/embeddings", "errors": {},
        "input_file_id": "file-1", "completion_window": "24h", "status": "completed",
        "output_file_id": null, "error_file_id": null, "created_at": 1, "in_progress_at": null,
        "expires_at": null, "finalizing_at": null, "completed_at": null, "failed_at": null,
        "expired_at": null, "cancelling_at": null, "cancelled_at": null,
        "request_counts": {"total": 1, "completed": 1, "failed": 0}
    })
}

fn read(v: Value) -> Result<CancelBatchResponseBody, mdmodel::PayloadError> {
    mdmodel::from_str(&v.to_string())
}

#[test]
fn missing_nullable_field_is_an_error_naming_it() {
    let mut v = seed_payload();
    v.as_object_mut().unwrap().remove("output_file_id");
    let e = read(v).unwrap_err().to_string();
    assert!(e.starts_with("missing field `output_file_id`"), "{e}");
}

#[test]
fn wrong_object_value_names_the_value_and_the_accepted_one() {
    let mut v = seed_payload();
    v["object"] = json!("batches");
    let e = read(v).unwrap_err();
    assert_eq!(e.path(), "object");
    assert!(e.to_string().starts_with("object: unknown variant `batches`, expected `batch`"), "{e}");
}

#[test]
fn nested_errors_name_the_field_path() {
    let mut v = seed_payload();
    v["request_counts"]["total"] = json!("many");
    let e = read(v).unwrap_err();
    assert_eq!(e.path(), "request_counts.total");
    assert!(e.to_string().contains("invalid type: string \"many\", expected i64"), "{e}");

    let mut v = seed_payload();
    v["request_counts"]["total"] = json!(9223372036854775808u64);
    let e = read(v).unwrap_err();
    assert_eq!(e.path(), "request_counts.total");
}

#[test]
fn metadata_limits_from_the_description() {
    let with_meta = |m: Value| {
        let mut v = seed_payload();
        v["metadata"] = m;
        read(v)
    };
    let sixteen: serde_json::Map<String, Value> = (0..16).map(|i| (format!("k{i:02}"), json!("v"))).collect();
    assert_eq!(with_meta(Value::Object(sixteen.clone())).unwrap().metadata.unwrap().len(), 16);

    let mut seventeen = sixteen;
    seventeen.insert("k16".into(), json!("v"));
    let e = with_meta(Value::Object(seventeen)).unwrap_err();
    assert_eq!(e.path(), "metadata");
    assert!(e.to_string().contains("metadata key `k16` would make 17 pairs; the limit is 16 pairs"), "{e}");

    let key65 = "k".repeat(65);
    let e = with_meta(json!({ key65.clone(): "v" })).unwrap_err();
    assert!(e.to_string().contains(&format!("metadata key `{key65}` is 65 characters long; the limit is 64 characters")), "{e}");
    assert!(with_meta(json!({ "k".repeat(64): "v" })).is_ok());

    let e = with_meta(json!({ "note": "v".repeat(513) })).unwrap_err();
    assert!(e.to_string().contains("metadata value of key `note` is 513 characters long; the limit is 512 characters"), "{e}");
    assert!(with_meta(json!({ "note": "v".repeat(512) })).is_ok());

    // The field's type carries exactly those limits.
    fn limits<const P: usize, const K: usize, const V: usize>(_: &mdmodel::Metadata<P, K, V>) -> (usize, usize, usize) {
        (P, K, V)
    }
    let b = with_meta(json!({})).unwrap();
    assert_eq!(limits(b.metadata.as_ref().unwrap()), (16, 64, 512));
}

#[test]
fn required_field_absent_or_null_is_an_error_and_written() {
    let ok = json!({"name": "n", "finished_at": 1});
    let p: Presence = serde_json::from_value(ok.clone()).unwrap();
    assert_eq!(p.name, "n");
    assert_eq!(serde_json::to_value(&p).unwrap(), ok);

    let e = serde_json::from_value::<Presence>(json!({"finished_at": 1})).unwrap_err();
    assert_eq!(e.to_string(), "missing field `name`");
    let e = serde_json::from_value::<Presence>(json!({"name": null, "finished_at": 1})).unwrap_err();
    assert_eq!(e.to_string(), "invalid type: null, expected a string");
}

#[test]
fn nullable_absent_is_an_error_null_is_null_and_written() {
    let e = serde_json::from_value::<Presence>(json!({"name": "n"})).unwrap_err();
    assert_eq!(e.to_string(), "missing field `finished_at`");
    let p: Presence = serde_json::from_value(json!({"name": "n", "finished_at": null})).unwrap();
    assert_eq!(p.finished_at, Nullable::Null);
    assert_eq!(serde_json::to_value(&p).unwrap(), json!({"name": "n", "finished_at": null}));
    let p: Presence = serde_json::from_value(json!({"name": "n", "finished_at": 5})).unwrap();
    assert_eq!(p.finished_at, Nullable::Value(5));
}

#[test]
fn optional_absent_or_null_is_none_and_omitted() {
    let base = json!({"name": "n", "finished_at": null});
    let p: Presence = serde_json::from_value(base.clone()).unwrap();
    assert_eq!(p.note, None);
    let p2: Presence = serde_json::from_value(json!({"name": "n", "finished_at": null, "note": null})).unwrap();
    assert_eq!(p2.note, None);
    assert_eq!(serde_json::to_value(&p2).unwrap(), base);
    let p3: Presence = serde_json::from_value(json!({"name": "n", "finished_at": null, "note": "x"})).unwrap();
    assert_eq!(p3.note.as_deref(), Some("x"));
    assert_eq!(serde_json::to_value(&p3).unwrap()["note"], json!("x"));
}

#[test]
fn optional_nullable_absent_null_and_value_differ() {
    let base = json!({"name": "n", "finished_at": null});
    let p: Presence = serde_json::from_value(base.clone()).unwrap();
    assert_eq!(p.parent_id, OptionalNullable::Unset);
    assert_eq!(serde_json::to_value(&p).unwrap(), base);

    let with_null = json!({"name": "n", "finished_at": null, "parent_id": null});
    let p: Presence = serde_json::from_value(with_null.clone()).unwrap();
    assert_eq!(p.parent_id, OptionalNullable::Null);
    assert_eq!(serde_json::to_value(&p).unwrap(), with_null);

    let with_value = json!({"name": "n", "finished_at": null, "parent_id": "p1"});
    let p: Presence = serde_json::from_value(with_value.clone()).unwrap();
    assert_eq!(p.parent_id, OptionalNullable::Value("p1".to_string()));
    assert_eq!(serde_json::to_value(&p).unwrap(), with_value);
}

#[test]
fn empty_fields_table_accepts_any_object_and_unknown_fields_are_ignored() {
    let mut v = seed_payload();
    v["errors"] = json!({"object": "list", "data": [{"code": "x"}]});
    v["usage"] = json!({"input_tokens": 1});
    let b = read(v).unwrap();
    assert_eq!(b.errors, CancelBatchErrors {});
    let back = serde_json::to_value(&b).unwrap();
    assert_eq!(back["errors"], json!({}));
    assert!(back.get("usage").is_none());
}

#[test]
fn docs_become_rustdoc_and_types_are_usable() {
    // Built by hand, written, read back.
    let counts = CancelBatchRequestCounts { total: 2, completed: 1, failed: 1 };
    let s = serde_json::to_string(&counts).unwrap();
    assert_eq!(s, r#"{"total":2,"completed":1,"failed":1}"#);
    assert_eq!(CancelBatchObject::Batch.as_str(), "batch");
    assert_eq!(CancelBatchObject::VALUES, ["batch"]);
    assert_eq!(CancelBatchObject::Batch.to_string(), "batch");
}

/// Generated code names every path absolutely: a user's own `Option`, `String`, `Vec`,
/// `i64` or `serde` in scope break nothing.
mod shadowed {
    #![allow(dead_code, non_camel_case_types)]
    pub struct Option;
    pub struct String;
    pub struct Vec;
    pub struct Box;
    pub struct i64;
    pub struct bool;
    pub mod serde {}
    pub mod std {}
    mdmodel::include_model!("specs/cancelbatchresponsebody.md");
}

#[test]
fn user_types_named_like_std_ones_break_nothing() {
    let b: shadowed::CancelBatchResponseBody = mdmodel::from_str(&seed_payload().to_string()).unwrap();
    assert_eq!(b.request_counts.total, 1);
}
