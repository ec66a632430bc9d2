//! Not public API: the paths and helpers generated code uses.

use std::fmt;
use std::marker::PhantomData;

pub use serde;
pub use serde_json;

#[cfg(feature = "chrono")]
pub use chrono;
#[cfg(feature = "time")]
pub use time;

use serde::de::{Deserializer, Error, Unexpected, Visitor};

#[path = "smart_union.rs"]
mod smart_union;
pub use smart_union::{MapOnly, MemberKind, UnionPick};
pub use crate::content::Content;

/// `deserialize_with` of a `Nullable[T]` field: an absent field is an error naming it,
/// where serde would otherwise read it as `null`.
pub fn deserialize_nullable<'de, D, T>(deserializer: D) -> Result<crate::Nullable<T>, D::Error>
where
    D: Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    serde::Deserialize::deserialize(deserializer)
}

struct StrEnumVisitor<T, F> {
    from_wire: F,
    expected: &'static [&'static str],
    _t: PhantomData<T>,
}

impl<'de, T, F: FnOnce(&str) -> Result<T, String>> Visitor<'de> for StrEnumVisitor<T, F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.expected.is_empty() {
            f.write_str("a string")
        } else {
            f.write_str("one of ")?;
            for (i, v) in self.expected.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "`{v}`")?;
            }
            Ok(())
        }
    }

    fn visit_str<E: Error>(self, v: &str) -> Result<T, E> {
        (self.from_wire)(v).map_err(|v| E::unknown_variant(&v, self.expected))
    }
}

/// Reads a closed string enum: an unknown value is an error naming it and the accepted ones.
pub fn deserialize_str_enum<'de, D, T>(
    deserializer: D,
    from_wire: fn(&str) -> Option<T>,
    expected: &'static [&'static str],
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_str(StrEnumVisitor {
        from_wire: |v: &str| from_wire(v).ok_or_else(|| v.to_owned()),
        expected,
        _t: PhantomData,
    })
}

/// Reads an open string enum: an unknown value is kept by `unrecognized`.
pub fn deserialize_open_str_enum<'de, D, T>(
    deserializer: D,
    from_wire: fn(&str) -> Option<T>,
    unrecognized: fn(String) -> T,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_str(StrEnumVisitor {
        from_wire: |v: &str| Ok(from_wire(v).unwrap_or_else(|| unrecognized(v.to_owned()))),
        expected: &[],
        _t: PhantomData,
    })
}

struct IntVisitor;

impl<'de> Visitor<'de> for IntVisitor {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer")
    }

    fn visit_i64<E: Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
    }
}

/// Reads a closed integer enum: an unknown value is an error naming it and the accepted ones.
pub fn deserialize_int_enum<'de, D, T>(
    deserializer: D,
    from_wire: fn(i64) -> Option<T>,
    expected: &'static [i64],
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let v = deserializer.deserialize_i64(IntVisitor)?;
    from_wire(v).ok_or_else(|| {
        let list: Vec<String> = expected.iter().map(|e| e.to_string()).collect();
        D::Error::invalid_value(Unexpected::Signed(v), &format!("one of {}", list.join(", ")).as_str())
    })
}

/// Reads an open integer enum: an unknown value is kept by `unrecognized`.
pub fn deserialize_open_int_enum<'de, D, T>(
    deserializer: D,
    from_wire: fn(i64) -> Option<T>,
    unrecognized: fn(i64) -> T,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    let v = deserializer.deserialize_i64(IntVisitor)?;
    Ok(from_wire(v).unwrap_or_else(|| unrecognized(v)))
}

/// Reads a `Literal["x"]`: only that string.
///
/// `expected` is the one-element list of that string (`&["x"]`), for the error message.
pub fn deserialize_literal_str<'de, D: Deserializer<'de>>(
    deserializer: D,
    expected: &'static [&'static str; 1],
) -> Result<(), D::Error> {
    deserializer.deserialize_str(StrEnumVisitor {
        from_wire: |v: &str| if v == expected[0] { Ok(()) } else { Err(v.to_owned()) },
        expected,
        _t: PhantomData,
    })
}

/// Reads a `Literal[3]`: only that integer.
pub fn deserialize_literal_int<'de, D: Deserializer<'de>>(deserializer: D, expected: i64) -> Result<(), D::Error> {
    let v = deserializer.deserialize_i64(IntVisitor)?;
    if v == expected {
        Ok(())
    } else {
        Err(D::Error::invalid_value(Unexpected::Signed(v), &format!("the literal {expected}").as_str()))
    }
}

/// Reads a `Literal[True]` / `Literal[False]`: only that boolean.
pub fn deserialize_literal_bool<'de, D: Deserializer<'de>>(deserializer: D, expected: bool) -> Result<(), D::Error> {
    let v: bool = serde::Deserialize::deserialize(deserializer)?;
    if v == expected {
        Ok(())
    } else {
        Err(D::Error::invalid_value(Unexpected::Bool(v), &format!("the literal {expected}").as_str()))
    }
}

/// The error of a discriminated union whose tag field is missing or unknown.
pub fn bad_discriminator(union: &str, field: &str, expected: &str, found: Option<&str>) -> String {
    match found {
        Some(v) => format!("`{union}`: unknown `{field}` `{v}`, expected one of {expected}"),
        None => format!("`{union}`: missing string field `{field}` (one of {expected}) that picks the member"),
    }
}

/// Reads a union member from the union's buffer ([`Content`]); an error names the field path
/// inside the member (`refusal: invalid type: map, expected a string`), which a plain read
/// does not. The path is tracked only to explain a failure.
pub fn read_member<T: serde::de::DeserializeOwned>(value: &Content<'_>) -> Result<T, String> {
    match T::deserialize(value) {
        Ok(v) => Ok(v),
        Err(plain) => match serde_path_to_error::deserialize::<_, T>(value) {
            Ok(v) => Ok(v),
            Err(e) if e.path().iter().next().is_some() => Err(format!("{}: {}", e.path(), e.inner())),
            Err(_) => Err(plain.to_string()),
        },
    }
}
