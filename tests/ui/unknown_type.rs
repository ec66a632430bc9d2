mdmodel::include_model!("../../../../tests/ui/docs/unknown_type.md");

fn main() {}
