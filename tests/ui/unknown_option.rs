mdmodel::include_model!("../../../../tests/ui/docs/../../../specs/cancelbatchrequestcounts.md", derives = "Eq");

fn main() {}
