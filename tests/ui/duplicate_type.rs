mdmodel::include_models!("../../../../tests/ui/docs/dup");

fn main() {}
