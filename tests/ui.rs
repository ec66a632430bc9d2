//! Compile-fail tests: each kind of error, with the message a user sees (`tests/ui/*.stderr`).

#[test]
fn errors_that_teach() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
