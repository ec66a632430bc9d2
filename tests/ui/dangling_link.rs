mdmodel::include_model!("../../../../tests/ui/docs/dangling_link.md");

fn main() {}
