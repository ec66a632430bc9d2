mdmodel::include_model!("../../../../tests/ui/docs/outside.md");

fn main() {}
