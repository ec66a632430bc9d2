mdmodel::include_model!("../../../../tests/ui/docs/not_utf8.md");

fn main() {}
