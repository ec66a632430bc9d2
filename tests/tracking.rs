//! Every doc file read is tracked: editing a linked doc makes the next build expand again.

mod common;

#[test]
fn editing_a_linked_doc_rebuilds_with_the_new_field() {
    let s = common::Scratch::new("mdmodel-tracking");
    for doc in ["cancelbatchresponsebody", "cancelbatchobject", "cancelbatcherrors", "cancelbatchrequestcounts"] {
        s.copy(&common::repo().join(format!("specs/{doc}.md")), &format!("specs/{doc}.md"));
    }
    s.write(
        "src/main.rs",
        r##"mdmodel::include_model!("specs/cancelbatchresponsebody.md");
fn main() {
    let c: CancelBatchRequestCounts =
        mdmodel::from_str(r#"{"total": 3, "completed": 1, "failed": 1, "skipped": 1}"#).unwrap();
    println!("{}", mdmodel::__private::serde_json::to_string(&c).unwrap());
}
"##,
    );
    let first = s.cargo_ok(&["run", "-q"]);
    assert_eq!(first.trim(), r#"{"total":3,"completed":1,"failed":1}"#);

    // Add a field to the linked doc, not to the doc the macro names.
    let counts = s.dir.join("specs/cancelbatchrequestcounts.md");
    let mut text = std::fs::read_to_string(&counts).unwrap();
    text.push_str("| `skipped` | *Optional[int]* | :heavy_minus_sign: | Requests skipped. |\n");
    std::fs::write(&counts, text).unwrap();

    let second = s.cargo_ok(&["run", "-q"]);
    assert_eq!(second.trim(), r#"{"total":3,"completed":1,"failed":1,"skipped":1}"#);
}

/// A doc added to (or removed from) a folder given to `include_models!` is seen on the next
/// build once the crate's build script names the folder (`cargo:rerun-if-changed=<folder>`,
/// which cargo checks by scanning the folder): stable Rust gives a macro no way to track a
/// folder itself. Without the build script the build stays as it was.
#[test]
fn a_build_script_naming_the_folder_makes_a_new_doc_seen() {
    let alpha = "# Alpha\n\nA.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *int* | :heavy_check_mark: | A. |\n";
    // A doc that does not compile: whether the build fails tells whether it was read.
    let broken = "# Broken\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `b` | *strr* | :heavy_check_mark: | B. |\n";
    let main = "#[allow(dead_code)]\nmod models { mdmodel::include_models!(\"docs\"); }\n\
                fn main() { println!(\"{}\", std::any::type_name::<models::Alpha>()); }\n";

    let tracked = common::Scratch::new("mdmodel-tracking-folder");
    tracked.write("build.rs", "fn main() {\n    println!(\"cargo:rerun-if-changed=docs\");\n}\n");
    tracked.write("docs/alpha.md", alpha);
    tracked.write("src/main.rs", main);
    assert!(tracked.cargo_ok(&["run", "-q"]).trim().ends_with("models::Alpha"));
    // Folder listings' times have a coarse grain on some file systems.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    tracked.write("docs/broken.md", broken);
    let out = tracked.cargo(&["build", "-q"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the new doc was not read: the build passed\n{stderr}");
    assert!(stderr.contains("broken.md:7:9: unknown type expression: `strr`"), "{stderr}");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::remove_file(tracked.dir.join("docs/broken.md")).unwrap();
    assert!(tracked.cargo_ok(&["run", "-q"]).trim().ends_with("models::Alpha"));

    // The same crate without the build script does not see the new doc (the limit the build
    // script lifts).
    let untracked = common::Scratch::new("mdmodel-untracked-folder");
    untracked.write("docs/alpha.md", alpha);
    untracked.write("src/main.rs", main);
    untracked.cargo_ok(&["build", "-q"]);
    std::thread::sleep(std::time::Duration::from_millis(1100));
    untracked.write("docs/broken.md", broken);
    untracked.cargo_ok(&["build", "-q"]);
}
