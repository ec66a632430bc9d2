mdmodel::include_model!("../../../../tests/ui/docs/no_such_doc.md");

fn main() {}
