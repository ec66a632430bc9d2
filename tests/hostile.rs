//! Large and hostile payloads: each is read right or refused with a clear error that names
//! the field — never a panic, a wrap or a silent truncation. The exact errors a user sees
//! are the catalogue.
#![deny(warnings)]

use serde_json::{json, Value};

mdmodel::include_model!("specs/cancelbatchresponsebody.md");

fn batch(i: usize) -> Value {
    json!({
        "id": format!("batch_{i}"), "object": "batch", "endpoint": "/v1/chat/completions",
        "errors": {}, "input_file_id": "file-in", "completion_window": "24h", "status": "completed",
        "output_file_id": "file-out", "error_file_id": null, "created_at": 1_700_000_000 + i as i64,
        "in_progress_at": null, "expires_at": null, "finalizing_at": null, "completed_at": null,
        "failed_at": null, "expired_at": null, "cancelling_at": null, "cancelled_at": null,
        "request_counts": {"total": i, "completed": i, "failed": 0},
        "metadata": {"note": "ünïcödé \u{1F600} \"quoted\" \\ back"}
    })
}

/// The error a user sees, less its ` at line L column C` suffix.
fn refuse(text: &str) -> String {
    let e = mdmodel::from_str::<CancelBatchResponseBody>(text).map(|b| panic!("accepted: {b:?}")).unwrap_err().to_string();
    match e.rsplit_once(" at line ") {
        Some((message, _)) => message.to_owned(),
        None => e,
    }
}

fn with(field: &str, raw: &str) -> String {
    let mut text = batch(1).to_string();
    let key = format!("\"{field}\":");
    let start = text.find(&key).unwrap() + key.len();
    let end = start + text[start..].find([',', '}']).unwrap();
    text.replace_range(start..end, raw);
    text
}

#[test]
fn a_100_mb_batch_list_reads_whole() {
    let one = batch(0).to_string().len();
    let n = 100 * 1024 * 1024 / one + 1;
    let mut text = String::with_capacity(n * (one + 8));
    text.push('[');
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&batch(i).to_string());
    }
    text.push(']');
    assert!(text.len() >= 100 * 1024 * 1024);
    let all: Vec<CancelBatchResponseBody> = mdmodel::from_str(&text).unwrap();
    assert_eq!(all.len(), n);
    assert_eq!(all[n - 1].request_counts.total, (n - 1) as i64);
    assert_eq!(all[n - 1].id, format!("batch_{}", n - 1));
}

#[test]
fn numbers_beyond_i64_are_errors_not_wraps() {
    assert_eq!(refuse(&with("created_at", "9223372036854775808")), "created_at: invalid value: integer `9223372036854775808`, expected i64");
    assert_eq!(refuse(&with("created_at", "-9223372036854775809")), "created_at: invalid type: floating point `-9.223372036854776e+18`, expected i64");
    assert_eq!(refuse(&with("created_at", "1e3")), "created_at: invalid type: floating point `1000.0`, expected i64");
    assert_eq!(refuse(&with("created_at", "1.5")), "created_at: invalid type: floating point `1.5`, expected i64");
    assert_eq!(refuse(&with("request_counts", "{\"total\": 99999999999999999999, \"completed\": 0, \"failed\": 0}")), "request_counts.total: invalid type: floating point `1e+20`, expected i64");
    // The largest i64 reads exactly.
    let b: CancelBatchResponseBody = mdmodel::from_str(&with("created_at", "9223372036854775807")).unwrap();
    assert_eq!(b.created_at, i64::MAX);
}

#[test]
fn deep_nesting_is_refused_at_the_recursion_limit() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let e = refuse(&with("metadata", &format!("{{\"k\": {deep}}}")));
    assert!(e.starts_with("metadata.k[0][0]") && e.ends_with(": recursion limit exceeded"), "{e}");
}

#[test]
fn duplicate_keys_are_refused() {
    let mut text = batch(1).to_string();
    text.insert_str(1, "\"id\":\"other\",");
    assert_eq!(refuse(&text), "duplicate field `id`");
}

#[test]
fn escapes_read_right_and_invalid_surrogates_are_refused() {
    let b: CancelBatchResponseBody = mdmodel::from_str(&batch(1).to_string()).unwrap();
    assert_eq!(b.metadata.as_ref().unwrap().get("note"), Some(&json!("ünïcödé \u{1F600} \"quoted\" \\ back")));
    let pair: CancelBatchResponseBody = mdmodel::from_str(&with("id", "\"\\ud83d\\ude00\"")).unwrap();
    assert_eq!(pair.id, "\u{1F600}");
    assert_eq!(refuse(&with("id", "\"\\ud83d\"")), "id: unexpected end of hex escape");
    assert_eq!(refuse(&with("id", "\"\\ude00\"")), "id: lone leading surrogate in hex escape");
    assert_eq!(refuse(&with("id", "\"\\ud83dx\"")), "id: unexpected end of hex escape");
}

#[test]
fn truncated_and_trailing_input_is_refused() {
    let text = batch(1).to_string();
    assert_eq!(refuse(&text[..text.len() / 2]), "EOF while parsing an object");
    assert_eq!(refuse(&format!("{text} {{}}")), "trailing characters");
    assert_eq!(refuse(""), "EOF while parsing a value");
    assert_eq!(refuse("[]"), "invalid type: sequence, expected struct CancelBatchResponseBody");
}
