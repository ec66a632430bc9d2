mdmodel::include_model!("../../../../tests/ui/docs/../../../specs/cancelbatchrequestcounts.md", enums = "sometimes");

fn main() {}
