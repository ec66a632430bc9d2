//! `Nullable` and `OptionalNullable` cost no more memory than the `Option`s they stand for;
//! and the sizes of the generated seed type and of the hand-written struct, side by side.

use std::mem::size_of;

use mdmodel::{Nullable, OptionalNullable};
use mdmodel_benches::{handwritten::Batch, CancelBatchResponseBody};

#[test]
fn nullable_is_as_small_as_option() {
    assert_eq!(size_of::<Nullable<i64>>(), size_of::<Option<i64>>());
    assert_eq!(size_of::<Nullable<String>>(), size_of::<Option<String>>());
    assert_eq!(size_of::<Nullable<Box<u8>>>(), size_of::<Option<Box<u8>>>());
}

#[test]
fn optional_nullable_is_as_small_as_option_option() {
    assert_eq!(size_of::<OptionalNullable<i64>>(), size_of::<Option<Option<i64>>>());
    assert_eq!(size_of::<OptionalNullable<String>>(), size_of::<Option<Option<String>>>());
    assert_eq!(size_of::<OptionalNullable<Box<u8>>>(), size_of::<Option<Option<Box<u8>>>>());
}

#[test]
fn seed_type_size_against_handwritten() {
    let generated = size_of::<CancelBatchResponseBody>();
    let handwritten = size_of::<Batch>();
    println!("size_of::<CancelBatchResponseBody>() = {generated} bytes (generated)");
    println!("size_of::<handwritten::Batch>()      = {handwritten} bytes (hand-written)");
    assert!(generated > 0 && handwritten > 0);
}
