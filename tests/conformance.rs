//! The conformance harness (`tests/conformance/run`, see CONFORMANCE.md) on the real corpus
//! against the reference SDK: every type, three payloads per kind, seed 0. It installs a venv
//! from PyPI and compiles the whole corpus, so it runs only when `MDMODEL_CONFORMANCE=1`
//! (`.ci/run` sets it); `MDMODEL_CONFORMANCE_ONLY` (comma-separated titles) narrows it.

mod common;

use std::io::Write;
use std::process::Command;

#[test]
fn conformance_against_the_reference_sdk() {
    if std::env::var("MDMODEL_CONFORMANCE").as_deref() != Ok("1") {
        let _ = writeln!(std::io::stderr(), "skipped: set MDMODEL_CONFORMANCE=1 to run the conformance harness on the corpus (.ci/run does)");
        return;
    }
    let Some(corpus) = common::shared("corpus/orq-python-3.11.7") else { return };
    let repo = common::repo();
    let mut cmd = Command::new(repo.join("tests/conformance/run"));
    cmd.current_dir(&repo)
        .args(["--package", "orq-ai-sdk==3.11.7", "--module", "orq_ai_sdk.models"])
        .arg("--docs")
        .arg(&corpus)
        .args(["--cases", "3", "--seed", "0"])
        .arg("--report")
        .arg(repo.join("target/conformance/test-report.jsonl"));
    if let Ok(only) = std::env::var("MDMODEL_CONFORMANCE_ONLY") {
        cmd.args(["--only", &only]);
    }
    let status = cmd.status().expect("tests/conformance/run starts");
    assert!(
        status.success(),
        "the conformance harness found undocumented differences (or failed to run): {status}; \
         see target/conformance/test-report.jsonl"
    );
}

/// The same harness on a second SDK, `tests/conformance/sample-sdk` (a made-up package in the
/// Speakeasy style, installed from its folder): the harness takes any SDK by its arguments, and
/// this one holds what the orq SDK does not (a `(str, Enum)`, a discriminated union, a
/// `Nullable[date]`, a `_id` alias, a constant field with a default). 50 payloads per kind.
#[test]
fn conformance_on_a_second_sdk() {
    if std::env::var("MDMODEL_CONFORMANCE").as_deref() != Ok("1") {
        let _ = writeln!(std::io::stderr(), "skipped: set MDMODEL_CONFORMANCE=1 to run the conformance harness on the sample SDK (.ci/run does)");
        return;
    }
    let repo = common::repo();
    let sdk = repo.join("tests/conformance/sample-sdk");
    let report = repo.join("target/conformance/sample-report.jsonl");
    let out = Command::new(repo.join("tests/conformance/run"))
        .current_dir(&repo)
        .arg("--package")
        .arg(&sdk)
        .args(["--module", "samplesdk.models", "--docs"])
        .arg(sdk.join("docs/models"))
        .args(["--cases", "50", "--seed", "0"])
        .arg("--report")
        .arg(&report)
        .output()
        .expect("tests/conformance/run starts");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or("");
    assert!(
        out.status.success() && last.ends_with(" passed, 0 failed") && stdout.contains("types: 12 of 12 titles tested"),
        "the harness on the sample SDK: {}\n{stdout}{}\nsee {}",
        out.status,
        String::from_utf8_lossy(&out.stderr),
        report.display()
    );
    let passed: u64 = last.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(passed > 1_000, "too few cases compared: {last}");
    // The table and the last line, in CI's log as in the corpus run's (whose harness writes
    // to the test's own stdout and stderr).
    let table: Vec<&str> = stdout.lines().skip_while(|l| !l.starts_with("kind ")).collect();
    let _ = writeln!(std::io::stderr(), "sample SDK ({}):\n{}", sdk.display(), table.join("\n"));
}

/// The harness's own parts (payload sampler, schema validator, mutations, the documented
/// rules) on hand-made schemas: plain Python, no venv, well under a second.
#[test]
fn conformance_harness_selftest() {
    let repo = common::repo();
    let script = repo.join("tests/conformance/run");
    let out = match Command::new("python3").arg(&script).arg("selftest").output() {
        Ok(out) => out,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "skipped: the harness self-test needs python3 on PATH ({e})");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.trim().starts_with("selftest: ok ("),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
