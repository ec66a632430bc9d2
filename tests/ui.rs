//! Compile-fail tests: each kind of error, with the message a user sees (`tests/ui/*.stderr`).

mod common;

#[test]
fn errors_that_teach() {
    // trybuild builds the cases as a crate in `<target>/tests/trybuild/`, and the cases name
    // their docs from there (`../../../../specs/...`): they need the repository's own target
    // folder, not one that `CARGO_TARGET_DIR` puts elsewhere.
    // `<target>/debug/deps/ui-…`, or `<target>/<triple>/debug/deps/ui-…` under `--target`.
    let exe = std::env::current_exe().ok().and_then(|e| e.canonicalize().ok());
    let target = exe.as_ref().and_then(|e| e.ancestors().nth(3).map(|t| t.to_path_buf()));
    let ours = common::repo().join("target").canonicalize().ok();
    let same = exe.as_ref().is_some_and(|e| ours.as_ref().is_some_and(|o| e.ancestors().nth(3) == Some(o) || e.ancestors().nth(4) == Some(o)));
    let ours = common::repo().join("target");
    if !same {
        common::skip(format_args!(
            "skipped: the compile-fail tests need the target folder {} (CARGO_TARGET_DIR puts it at {})",
            ours.display(),
            target.map_or_else(|| "an unknown place".to_owned(), |t| t.display().to_string())
        ));
        return;
    }
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
