//! Runs the built `mdmodel` binary on the seed docs, on broken docs and on the real corpus.

#[path = "../../tests/common/mod.rs"]
mod scratch;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn mdmodel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mdmodel"))
        .args(args)
        .output()
        .expect("run mdmodel")
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn specs() -> PathBuf {
    manifest_dir().join("../specs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A fresh folder under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir =
            std::env::temp_dir().join(format!("mdmodel-cli-{name}-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn expand_prints_the_struct() {
    let doc = specs().join("cancelbatchresponsebody.md");
    let out = mdmodel(&["expand", doc.to_str().unwrap()]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let code = text(&out.stdout);
    assert!(
        code.contains("pub struct CancelBatchResponseBody"),
        "{code}"
    );
    assert!(
        code.contains("pub struct CancelBatchRequestCounts"),
        "linked docs are expanded too: {code}"
    );
    assert!(code.starts_with("//"), "a `//` header comes first: {code}");
    assert!(
        !code.contains("include_bytes"),
        "no file-tracking consts: {code}"
    );
}

#[test]
fn expand_equals_the_engine_output_once_the_header_is_stripped() {
    let doc = specs().join("cancelbatchresponsebody.md");
    let out = mdmodel(&[
        "expand",
        doc.to_str().unwrap(),
        "--enums",
        "open",
        "--datetime",
        "string",
    ]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let code = text(&out.stdout);
    let body: String = code
        .lines()
        .skip_while(|l| l.starts_with("//") && !l.starts_with("///"))
        .map(|l| format!("{l}\n"))
        .collect();
    let printed: syn::File = syn::parse_str(&body).expect("the output parses");
    let options = mdmodel_codegen::Options {
        enums: mdmodel_codegen::options::EnumMode::Open,
        datetime: mdmodel_codegen::options::DateTimeMode::String,
        ..Default::default()
    };
    let engine = mdmodel_codegen::expand_file(&doc, None, &options).unwrap();
    let engine: syn::File = syn::parse2(engine.tokens()).unwrap();
    assert_eq!(
        prettyplease::unparse(&printed),
        prettyplease::unparse(&engine)
    );
}

#[test]
fn expand_takes_the_macro_options() {
    let doc = specs().join("fixtures/pet.md");
    let out = mdmodel(&[
        "expand",
        doc.to_str().unwrap(),
        "--options",
        "patch(Cat, rename = \"Kitty\", derive(Eq)), extra_fields = \"keep\"",
    ]);
    let code = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(code.contains("pub struct Kitty {"), "{code}");
    assert!(code.contains("pub extra_fields: ::std::collections::BTreeMap<"), "{code}");
    let out = mdmodel(&["expand", doc.to_str().unwrap(), "--options", "colour = \"red\""]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("unknown option `colour`; valid options are `enums`"), "{}", text(&out.stderr));
}

/// The expand output of the seed doc, pasted into a fresh crate as plain code, compiles
/// without warnings and reads a payload: what a team that checks code in gets.
#[test]
fn expand_output_compiles_when_pasted_into_a_crate() {
    let out = mdmodel(&["expand", specs().join("cancelbatchresponsebody.md").to_str().unwrap()]);
    assert!(out.status.success());
    let code = text(&out.stdout);
    let scratch = scratch::Scratch::new("mdmodel-pasted");
    scratch.write(
        "src/main.rs",
        &format!(
            "#![deny(warnings)]\n{code}\nfn main() {{\n    let c: CancelBatchRequestCounts = mdmodel::from_str(r#\"{{\"total\": 2, \"completed\": 1, \"failed\": 1}}\"#).unwrap();\n    print!(\"{{}}\", c.total + c.completed + c.failed);\n}}\n"
        ),
    );
    let run = scratch.cargo(&["run", "-q"]);
    assert!(run.status.success(), "{}", text(&run.stderr));
    assert_eq!(text(&run.stdout), "4");
}

#[test]
fn expand_writes_to_a_file() {
    let dir = TempDir::new("expand");
    let file = dir.path().join("generated.rs");
    let out = mdmodel(&[
        "expand",
        specs().to_str().unwrap(),
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let code = std::fs::read_to_string(&file).unwrap();
    assert!(
        code.contains("pub struct CancelBatchResponseBody"),
        "{code}"
    );
    assert!(code.contains("pub enum CancelBatchObject"), "{code}");
}

#[test]
fn expand_refuses_a_bad_option() {
    let doc = specs().join("cancelbatchresponsebody.md");
    let out = mdmodel(&["expand", doc.to_str().unwrap(), "--enums", "sometimes"]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("as_documented"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn check_reports_every_broken_doc_and_fails() {
    let dir = TempDir::new("check");
    let table =
        "| Field | Type | Required | Description |\n| ----- | ---- | -------- | ----------- |\n";
    std::fs::write(
        dir.path().join("a.md"),
        format!("# A\n\n## Fields\n\n{table}| `x` | *strr* | :heavy_check_mark: | X. |\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.md"),
        format!("# B\n\n## Fields\n\n{table}| `y` | *str* | maybe | Y. |\n"),
    )
    .unwrap();
    let out = mdmodel(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "stdout: {}", text(&out.stdout));
    let err = text(&out.stderr);
    let canonical = dir.path().canonicalize().unwrap();
    // `file:line:` of the doc, as given or canonical, followed by the column and the message.
    let has = |name: &str, line: u32, what: &str| {
        let prefixes = [
            format!("{}:{line}:", dir.path().join(name).display()),
            format!("{}:{line}:", canonical.join(name).display()),
        ];
        err.lines()
            .any(|l| prefixes.iter().any(|p| l.starts_with(p.as_str())) && l.contains(what))
    };
    assert!(has("a.md", 7, "strr"), "{err}");
    assert!(has("b.md", 7, "maybe"), "{err}");
    // Each location is `file:line:column: message`.
    for l in err.lines().filter(|l| l.contains(".md:")) {
        let after = l.split(".md:").nth(1).unwrap();
        let mut parts = after.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<u32>().is_ok(), "{l}");
        assert!(parts.next().unwrap().parse::<u32>().is_ok(), "{l}");
    }
}

#[test]
fn check_passes_the_seed_docs() {
    let out = mdmodel(&["check", specs().to_str().unwrap()]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    assert!(
        text(&out.stdout).trim_end().ends_with("docs, no problems"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn list_prints_the_seed_types_with_kinds() {
    let out = mdmodel(&["list", specs().to_str().unwrap()]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for (name, kind, file) in [
        (
            "CancelBatchResponseBody",
            "struct",
            "cancelbatchresponsebody.md",
        ),
        ("CancelBatchObject", "enum", "cancelbatchobject.md"),
        ("CancelBatchErrors", "struct", "cancelbatcherrors.md"),
        (
            "CancelBatchRequestCounts",
            "struct",
            "cancelbatchrequestcounts.md",
        ),
    ] {
        let line = stdout
            .lines()
            .find(|l| l.starts_with(&format!("{name}\t")))
            .unwrap_or_else(|| panic!("{name} missing: {stdout}"));
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line}");
        assert_eq!(cols[1], kind, "{line}");
        assert!(cols[2].ends_with(&format!("{file}:1")), "{line}");
    }
}

#[test]
fn help_carries_examples() {
    for sub in ["expand", "check", "list"] {
        let out = mdmodel(&[sub, "--help"]);
        assert!(out.status.success());
        let help = text(&out.stdout);
        assert!(
            help.contains("Example:") && help.contains(&format!("mdmodel {sub} ")),
            "{help}"
        );
    }
}

#[test]
fn list_covers_the_real_corpus() {
    let corpus = manifest_dir().join("../../shared/corpus/orq-python-3.11.7");
    if !corpus.is_dir() {
        eprint_uncaptured(format_args!("skipped: {} is absent", corpus.display()));
        return;
    }
    let out = mdmodel(&["list", corpus.to_str().unwrap()]);
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.len() >= 2404, "only {} types", lines.len());
    for l in &lines {
        let cols: Vec<&str> = l.split('\t').collect();
        assert_eq!(cols.len(), 3, "{l}");
        assert!(
            ["struct", "enum", "union", "opaque"].contains(&cols[1]),
            "{l}"
        );
    }
}

/// Writes a line to stderr past the test harness's capture, so that a skip shows in a normal
/// `cargo test` run, not only with `--nocapture`.
fn eprint_uncaptured(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}
