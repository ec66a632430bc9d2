//! Properties of the runtime types, as generated code uses them: `Nullable` and
//! `OptionalNullable` round trip any value; `Metadata` keeps its limits the same way whether
//! built by `insert`, checked by `validate` or deserialized; `i64` fields refuse what does
//! not fit instead of wrapping; a union's buffer (`mdmodel::__private::Content`) reads as the
//! text it holds.

use std::collections::BTreeMap;

use mdmodel::{Metadata, MetadataError, Nullable, OptionalNullable};
use proptest::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// A struct with the attributes generated code gives each kind of field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Fields {
    #[serde(deserialize_with = "mdmodel::__private::deserialize_nullable")]
    n_int: Nullable<i64>,
    #[serde(deserialize_with = "mdmodel::__private::deserialize_nullable")]
    n_str: Nullable<String>,
    #[serde(default, skip_serializing_if = "mdmodel::OptionalNullable::is_unset")]
    on_int: OptionalNullable<i64>,
    #[serde(default, skip_serializing_if = "mdmodel::OptionalNullable::is_unset")]
    on_str: OptionalNullable<String>,
    #[serde(default, skip_serializing_if = "mdmodel::OptionalNullable::is_unset")]
    on_list: OptionalNullable<Vec<Nullable<i64>>>,
    #[serde(default, skip_serializing_if = "std::option::Option::is_none")]
    opt: Option<i64>,
}

type Meta = Metadata<4, 8, 16>;

/// A struct with a limited metadata field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct WithMetadata {
    metadata: Meta,
}

fn nullable<T: std::fmt::Debug + Clone>(s: impl Strategy<Value = T>) -> impl Strategy<Value = Nullable<T>> {
    prop_oneof![Just(Nullable::Null), s.prop_map(Nullable::Value)]
}

fn optional_nullable<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = OptionalNullable<T>> {
    prop_oneof![Just(OptionalNullable::Unset), Just(OptionalNullable::Null), s.prop_map(OptionalNullable::Value)]
}

fn fields() -> impl Strategy<Value = Fields> {
    (
        nullable(any::<i64>()),
        nullable(any::<String>()),
        optional_nullable(any::<i64>()),
        optional_nullable(any::<String>()),
        optional_nullable(prop::collection::vec(nullable(any::<i64>()), 0..4)),
        any::<Option<i64>>(),
    )
        .prop_map(|(n_int, n_str, on_int, on_str, on_list, opt)| Fields { n_int, n_str, on_int, on_str, on_list, opt })
}

/// JSON values without floats (whose text round trip serde_json does not promise by default).
fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        ".{0,20}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Keys and string values of lengths around the limits (8 and 16 characters), non-ASCII
/// included, since the limits count characters, not bytes.
fn map() -> impl Strategy<Value = BTreeMap<String, Value>> {
    let key = prop_oneof!["[a-z]{0,10}", "[é😀a]{6,10}", ".{0,10}"];
    let val = prop_oneof![
        2 => "[a-z]{0,20}".prop_map(Value::String),
        1 => "[é😀]{14,18}".prop_map(Value::String),
        1 => value(),
    ];
    prop::collection::btree_map(key, val, 0..7)
}

/// Whether a map keeps every limit of `Metadata<4, 8, 16>`, by counting characters directly.
fn within_limits(m: &BTreeMap<String, Value>) -> bool {
    m.len() <= 4
        && m.iter().all(|(k, v)| {
            k.chars().count() <= 8 && !matches!(v, Value::String(s) if s.chars().count() > 16)
        })
}

/// Builds the map by `insert`, in key order, stopping at the first refusal.
fn by_insert(m: &BTreeMap<String, Value>) -> Result<Meta, MetadataError> {
    let mut out = Meta::new();
    for (k, v) in m {
        out.insert(k.clone(), v.clone())?;
    }
    Ok(out)
}

/// Any JSON value, floats included (both sides of a comparison parse the same text).
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        value(),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "[\"\\\\/\n\t\u{0}-\u{1f}é😀a]{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(2, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z\"\\\\]{0,3}", inner, 0..3).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The message of a serde_json error without its position (a buffer has none).
fn message(e: serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn nullable_and_optional_nullable_round_trip(f in fields()) {
        let json = serde_json::to_string(&f).unwrap();
        let back: Fields = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        prop_assert_eq!(&back, &f);
        // Through a Value, and through the runtime's own entry points.
        let v = serde_json::to_value(&f).unwrap();
        prop_assert_eq!(v.get("on_int").is_none(), f.on_int.is_unset());
        prop_assert_eq!(&serde_json::from_value::<Fields>(v.clone()).unwrap(), &f);
        prop_assert_eq!(&mdmodel::from_str::<Fields>(&json).unwrap(), &f);
        prop_assert_eq!(&mdmodel::from_value::<Fields>(v).unwrap(), &f);
        prop_assert_eq!(&mdmodel::from_slice::<Fields>(json.as_bytes()).unwrap(), &f);
    }

    #[test]
    fn a_nullable_field_must_be_present(f in fields()) {
        let mut v = serde_json::to_value(&f).unwrap();
        v.as_object_mut().unwrap().remove("n_int");
        prop_assert!(serde_json::from_value::<Fields>(v).is_err());
    }

    #[test]
    fn metadata_within_limits_round_trips(m in map().prop_filter("within the limits", within_limits)) {
        let meta = Meta::try_from(m.clone()).unwrap();
        let w = WithMetadata { metadata: meta.clone() };
        let json = serde_json::to_string(&w).unwrap();
        let back: WithMetadata = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        prop_assert_eq!(&back, &w);
        prop_assert_eq!(back.metadata.as_map(), &m);
        prop_assert_eq!(by_insert(&m).unwrap(), meta);
    }

    #[test]
    fn metadata_breaking_a_limit_is_refused_naming_the_key(m in map().prop_filter("breaks a limit", |m| !within_limits(m))) {
        let err = Meta::from_map_unchecked(m.clone()).validate().unwrap_err();
        let key = err.key().to_owned();
        prop_assert!(m.contains_key(&key));
        let json = serde_json::to_string(&serde_json::json!({ "metadata": m })).unwrap();
        let de = serde_json::from_str::<WithMetadata>(&json).unwrap_err();
        prop_assert!(de.to_string().contains(&format!("`{key}`")), "{} does not name `{}`", de, key);
        let de = mdmodel::from_str::<WithMetadata>(&json).unwrap_err();
        prop_assert!(de.to_string().contains(&format!("`{key}`")), "{} does not name `{}`", de, key);
        prop_assert!(Meta::try_from(m).is_err());
    }

    #[test]
    fn validate_agrees_with_insert(m in map()) {
        let validated = Meta::from_map_unchecked(m.clone()).validate();
        let inserted = by_insert(&m);
        prop_assert_eq!(validated.is_ok(), within_limits(&m));
        match (validated, inserted) {
            (Ok(()), Ok(built)) => prop_assert_eq!(built.as_map(), &m),
            // Both stop at the same key (the limit named may differ where a key breaks two).
            (Err(a), Err(b)) => prop_assert_eq!(a.key(), b.key()),
            (a, b) => prop_assert!(false, "validate {:?} but insert {:?}", a, b),
        }
        // Inserting in any other order agrees on whether the map is acceptable.
        let mut rev = Meta::new();
        let all_in = m.iter().rev().all(|(k, v)| rev.insert(k.clone(), v.clone()).is_ok());
        prop_assert_eq!(all_in, within_limits(&m));
        prop_assert!(rev.validate().is_ok());
    }

    #[test]
    fn integers_beyond_i64_are_refused_not_wrapped(
        n in prop_oneof![(i64::MAX as i128 + 1)..=(u64::MAX as i128), (i128::MIN / 2)..(i64::MIN as i128)],
        f in fields(),
    ) {
        for field in ["n_int", "on_int", "opt"] {
            let mut obj = serde_json::to_value(&f).unwrap().as_object().unwrap().clone();
            obj.remove(field);
            let rest = serde_json::to_string(&obj).unwrap();
            let json = if obj.is_empty() {
                format!("{{\"{field}\":{n}}}")
            } else {
                format!("{{\"{field}\":{n},{}", &rest[1..])
            };
            let e = serde_json::from_str::<Fields>(&json);
            prop_assert!(e.is_err(), "{} accepted as {:?}", n, e);
            let e = mdmodel::from_str::<Fields>(&json).unwrap_err();
            prop_assert!(e.to_string().contains(field), "{} does not name {}", e, field);
        }
        let list = format!("[{n}]");
        prop_assert!(serde_json::from_str::<Vec<Nullable<i64>>>(&list).is_err());
        prop_assert!(serde_json::from_str::<Nullable<i64>>(&n.to_string()).is_err());
        prop_assert!(serde_json::from_str::<OptionalNullable<i64>>(&n.to_string()).is_err());
    }

    #[test]
    fn a_union_buffer_reads_as_the_text_it_holds(
        v in any_json(),
        f in fields(),
        field in prop::sample::select(vec!["n_int", "n_str", "on_int", "on_str", "on_list", "opt", "extra"]),
        pretty in any::<bool>(),
    ) {
        use mdmodel::__private::Content;
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
        let content: Content<'_> = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(Value::deserialize(&content).unwrap(), serde_json::from_str::<Value>(&text).unwrap());
        // A struct with one field set to the value: the buffer accepts what the text gives
        // the struct directly, and refuses with the same message.
        let mut obj = serde_json::to_value(&f).unwrap();
        obj[field] = v;
        let text = serde_json::to_string(&obj).unwrap();
        let content: Content<'_> = serde_json::from_str(&text).unwrap();
        match (serde_json::from_str::<Fields>(&text), Fields::deserialize(&content)) {
            (Ok(a), Ok(b)) => prop_assert_eq!(a, b),
            (Err(a), Err(b)) => prop_assert_eq!(message(a), b.to_string()),
            (a, b) => prop_assert!(false, "{}: text {:?}, buffer {:?}", text, a, b),
        }
    }
}

#[test]
fn the_edges_of_i64() {
    let base = r#""n_str":null"#;
    for ok in ["9223372036854775807", "-9223372036854775808", "0"] {
        let f: Fields = serde_json::from_str(&format!(r#"{{"n_int":{ok},{base}}}"#)).unwrap();
        assert_eq!(f.n_int, Nullable::Value(ok.parse().unwrap()));
    }
    for bad in ["9223372036854775808", "-9223372036854775809", "18446744073709551615", "18446744073709551616", "1e3", "1.0", "1.5"] {
        let json = format!(r#"{{"n_int":{bad},{base}}}"#);
        assert!(serde_json::from_str::<Fields>(&json).is_err(), "{bad} accepted");
        let json = format!(r#"{{"n_int":null,{base},"on_int":{bad}}}"#);
        assert!(serde_json::from_str::<Fields>(&json).is_err(), "{bad} accepted");
    }
}

#[test]
fn absent_optional_nullable_is_unset_and_null_is_null() {
    let f: Fields = serde_json::from_str(r#"{"n_int":null,"n_str":null,"on_str":null}"#).unwrap();
    assert_eq!(f.n_int, Nullable::Null);
    assert_eq!(f.on_int, OptionalNullable::Unset);
    assert_eq!(f.on_str, OptionalNullable::Null);
    assert_eq!(serde_json::to_string(&f).unwrap(), r#"{"n_int":null,"n_str":null,"on_str":null}"#);
}
