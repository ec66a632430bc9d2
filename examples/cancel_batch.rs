//! The main job: the seed doc becomes `CancelBatchResponseBody`; read batch payloads with it,
//! print a summary of each, then the payload written back.
//!
//! ```text
//! cargo run --example cancel_batch                       # the real payloads in ../shared/payloads/batch
//! cargo run --example cancel_batch -- my-batch.json      # these files instead
//! ```
//!
//! With no argument it reads every `*.json` of `payloads/batch` in `../shared` (or under
//! `$MDMODEL_SHARED`); where that folder is absent it says so and reads an embedded payload.
//!
//! A payload that does not fit prints an error naming the field, and the run exits non-zero.

use std::process::ExitCode;

mdmodel::include_model!("specs/cancelbatchresponsebody.md");

/// A batch as the batch endpoints return it, used when no file is given and the shared
/// payloads are absent. `model` and `usage`
/// are fields the docs do not list: reading drops them, and the run says so.
const EMBEDDED: &str = r#"{
  "id": "batch_0a1b2c3d4e5f60718293a4b5c6d7e8f9",
  "object": "batch",
  "endpoint": "/v1/chat/completions",
  "errors": {},
  "input_file_id": "file-Ab12Cd34Ef56Gh78Ij90Kl",
  "completion_window": "24h",
  "status": "completed",
  "output_file_id": "file-Mn12Op34Qr56St78Uv90Wx",
  "error_file_id": null,
  "created_at": 1764547200,
  "in_progress_at": 1764547206,
  "expires_at": 1764633600,
  "finalizing_at": 1764550800,
  "completed_at": 1764550862,
  "failed_at": null,
  "expired_at": null,
  "cancelling_at": null,
  "cancelled_at": null,
  "request_counts": {"total": 250, "completed": 248, "failed": 2},
  "metadata": {"project": "support-bot", "run": "2025-12-01 nightly"},
  "model": "gpt-4o-mini",
  "usage": {"input_tokens": 51200, "output_tokens": 20480}
}"#;

fn timestamp(secs: i64) -> String {
    match chrono::DateTime::from_timestamp(secs, 0) {
        Some(t) => format!("{secs} ({})", t.format("%Y-%m-%dT%H:%M:%SZ")),
        None => format!("{secs} (out of range)"),
    }
}

fn summary(b: &CancelBatchResponseBody) -> String {
    let mut out = String::new();
    out.push_str(&format!("batch {}\n", b.id));
    out.push_str(&format!("  object:            {}\n", b.object));
    out.push_str(&format!("  status:            {}\n", b.status));
    out.push_str(&format!("  endpoint:          {}\n", b.endpoint));
    out.push_str(&format!("  completion window: {}\n", b.completion_window));
    out.push_str(&format!("  input file:        {}\n", b.input_file_id));
    if let Some(f) = b.output_file_id.as_option() {
        out.push_str(&format!("  output file:       {f}\n"));
    }
    if let Some(f) = b.error_file_id.as_option() {
        out.push_str(&format!("  error file:        {f}\n"));
    }
    let c = &b.request_counts;
    out.push_str(&format!(
        "  requests:          {} total, {} completed, {} failed\n",
        c.total, c.completed, c.failed
    ));
    let stamps = [
        ("created", Some(b.created_at)),
        ("in progress", b.in_progress_at.as_option().copied()),
        ("expires", b.expires_at.as_option().copied()),
        ("finalizing", b.finalizing_at.as_option().copied()),
        ("completed", b.completed_at.as_option().copied()),
        ("failed", b.failed_at.as_option().copied()),
        ("expired", b.expired_at.as_option().copied()),
        ("cancelling", b.cancelling_at.as_option().copied()),
        ("cancelled", b.cancelled_at.as_option().copied()),
    ];
    for (name, at) in stamps {
        if let Some(secs) = at {
            out.push_str(&format!("  {:<18} {}\n", format!("{name} at:"), timestamp(secs)));
        }
    }
    match &b.metadata {
        Some(m) if !m.is_empty() => {
            out.push_str("  metadata:\n");
            for (k, v) in m {
                out.push_str(&format!("    {k} = {v}\n"));
            }
        }
        _ => out.push_str("  metadata:          (none)\n"),
    }
    out
}

/// The paths of the input that the written-back JSON lacks.
fn dropped_paths(input: &str, output: &str) -> Vec<String> {
    fn walk(a: &serde_json::Value, b: Option<&serde_json::Value>, path: &str, out: &mut Vec<String>) {
        if let serde_json::Value::Object(m) = a {
            for (k, v) in m {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                match b.and_then(|b| b.get(k)) {
                    None => out.push(p),
                    Some(w) => walk(v, Some(w), &p, out),
                }
            }
        }
    }
    let mut out = Vec::new();
    if let (Ok(a), Ok(b)) = (serde_json::from_str(input), serde_json::from_str(output)) {
        walk(&a, Some(&b), "", &mut out);
    }
    out
}

/// The real batch payloads: `payloads/batch/*.json` under `$MDMODEL_SHARED`, else under
/// `shared/` beside the repository, sorted; `Err` says why there are none.
fn shared_payloads() -> Result<Vec<String>, String> {
    let shared = std::env::var_os("MDMODEL_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = shared.join("payloads/batch");
    let dir = dir.canonicalize().unwrap_or(dir);
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{} is absent ({e})", dir.display()))?;
    let mut paths: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| p.display().to_string())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!("{} holds no .json file", dir.display()));
    }
    Ok(paths)
}

fn main() -> ExitCode {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    let mut inputs: Vec<(String, Result<String, String>)> = Vec::new();
    if paths.is_empty() {
        match shared_payloads() {
            Ok(found) => paths = found,
            Err(why) => {
                eprintln!("note: {why}; reading the embedded example payload instead");
                inputs.push(("embedded example payload".to_owned(), Ok(EMBEDDED.to_owned())));
            }
        }
    }
    inputs.extend(paths.into_iter().map(|p| {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("cannot read {p}: {e}"));
        (p, text)
    }));
    let mut failed = false;
    for (name, text) in inputs {
        println!("== {name}");
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
                continue;
            }
        };
        match mdmodel::from_str::<CancelBatchResponseBody>(&text) {
            Ok(batch) => {
                print!("{}", summary(&batch));
                println!("written back (what the docs describe):");
                let back = mdmodel::to_string_pretty(&batch).expect("a generated type always writes");
                println!("{back}");
                let dropped = dropped_paths(&text, &back);
                if !dropped.is_empty() {
                    println!("dropped (fields the docs do not list, or null on an Optional field): {}", dropped.join(", "));
                }
            }
            Err(e) => {
                eprintln!("error: {name} does not fit CancelBatchResponseBody: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
