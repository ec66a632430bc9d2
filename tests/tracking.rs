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
