mdmodel::include_model!("../../../../tests/ui/docs/malformed_table.md");

fn main() {}
