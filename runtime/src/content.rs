//! The buffer a union reads its payload into before it picks a member.
//!
//! A union must see the whole payload before it knows which member to read (the constant
//! field that names the member may come last; a best-fit pick tries every member), so it
//! buffers it. [`serde_json::Value`] would do, at a price: a `String` for every key and every
//! string, a `BTreeMap` insertion for every field, and a union nested in a member buffers
//! its part again, copying every string once more. [`Content`] holds the JSON data model
//! only, borrows every string it can from the input (and a nested union's buffer borrows
//! from the outer one, so strings are never copied twice), and keeps an object as a vector
//! of pairs.
//!
//! What a member reads from it is what it would read from the text itself: an object's keys
//! are kept as they come, repeats included (so a struct refuses a repeated field, as when it
//! reads the text directly; a `Value` would keep the last one and lose the others silently),
//! a negative integer is `i64` and any other integer `u64`, and errors are
//! `serde_json::Error`s with `Value`'s messages.
//!
//! serde has such a buffer of its own (`Content`), but it is private to its derive; the
//! public crates that copy it (`serde-value`) own every string.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};

type Error = serde_json::Error;

/// One JSON value, its strings borrowed from the input where they can be.
#[derive(Debug, Clone, PartialEq)]
pub enum Content<'de> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A non-negative integer.
    U64(u64),
    /// A negative integer.
    I64(i64),
    /// A number with a fraction or an exponent.
    F64(f64),
    /// A string.
    Str(Cow<'de, str>),
    /// An array.
    Seq(Vec<Content<'de>>),
    /// An object, its keys in the order read, a repeated key repeated.
    Map(Vec<(Cow<'de, str>, Content<'de>)>),
}

impl<'de> Content<'de> {
    /// The value of `key`, where this is an object that holds it (the first, where it holds
    /// it more than once: reading the member will refuse the repeat).
    pub fn get(&self, key: &str) -> Option<&Content<'de>> {
        match self {
            Content::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, where this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Content::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The keys, where this is an object.
    pub fn keys(&self) -> Option<impl Iterator<Item = &str>> {
        match self {
            Content::Map(entries) => Some(entries.iter().map(|(k, _)| k.as_ref())),
            _ => None,
        }
    }

    fn unexpected(&self) -> de::Unexpected<'_> {
        match self {
            Content::Null => de::Unexpected::Unit,
            Content::Bool(b) => de::Unexpected::Bool(*b),
            Content::U64(n) => de::Unexpected::Unsigned(*n),
            Content::I64(n) => de::Unexpected::Signed(*n),
            Content::F64(n) => de::Unexpected::Float(*n),
            Content::Str(s) => de::Unexpected::Str(s),
            Content::Seq(_) => de::Unexpected::Seq,
            Content::Map(_) => de::Unexpected::Map,
        }
    }
}

impl<'de> de::Deserialize<'de> for Content<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ContentVisitor)
    }
}

struct ContentVisitor;

impl<'de> Visitor<'de> for ContentVisitor {
    type Value = Content<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Content<'de>, E> {
        Ok(Content::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Content<'de>, E> {
        Ok(if v < 0 { Content::I64(v) } else { Content::U64(v as u64) })
    }

    fn visit_u64<E>(self, v: u64) -> Result<Content<'de>, E> {
        Ok(Content::U64(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Content<'de>, E> {
        Ok(if v.is_finite() { Content::F64(v) } else { Content::Null })
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Content<'de>, E> {
        StrVisitor.visit_str(v).map(Content::Str)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Content<'de>, E> {
        StrVisitor.visit_borrowed_str(v).map(Content::Str)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Content<'de>, E> {
        StrVisitor.visit_string(v).map(Content::Str)
    }

    fn visit_none<E>(self) -> Result<Content<'de>, E> {
        Ok(Content::Null)
    }

    fn visit_unit<E>(self) -> Result<Content<'de>, E> {
        Ok(Content::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Content<'de>, D::Error> {
        de::Deserialize::deserialize(deserializer)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<Content<'de>, D::Error> {
        de::Deserialize::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Content<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Content::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Content<'de>, A::Error> {
        let mut entries: Vec<(Cow<'de, str>, Content<'de>)> = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
        while let Some(key) = map.next_key_seed(StrVisitor)? {
            let value = map.next_value()?;
            entries.push((key, value));
        }
        Ok(Content::Map(entries))
    }
}

/// A string (an object key, or a string value), borrowed where the input allows.
struct StrVisitor;

impl<'de> DeserializeSeed<'de> for StrVisitor {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Cow<'de, str>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for StrVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_string<E>(self, v: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v))
    }
}

/// Reading from the buffer: every string is lent for as long as the buffer is borrowed.
impl<'de, 'c: 'de> Deserializer<'de> for &'de Content<'c> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Content::Null => visitor.visit_unit(),
            Content::Bool(b) => visitor.visit_bool(*b),
            Content::U64(n) => visitor.visit_u64(*n),
            Content::I64(n) => visitor.visit_i64(*n),
            Content::F64(n) => visitor.visit_f64(*n),
            Content::Str(s) => visitor.visit_borrowed_str(s),
            Content::Seq(items) => visit_seq_ref(items, visitor),
            Content::Map(entries) => visit_map_ref(entries, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Content::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self {
            Content::Str(s) => visitor.visit_enum(EnumRef { variant: s, value: None }),
            Content::Map(entries) if entries.len() == 1 => {
                let (k, v) = &entries[0];
                visitor.visit_enum(EnumRef { variant: k, value: Some(v) })
            }
            Content::Map(_) => Err(de::Error::invalid_value(de::Unexpected::Map, &"map with a single key")),
            other => Err(de::Error::invalid_type(other.unexpected(), &"string or map")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    // The methods below call only the visitor methods their type can take, as `&Value`'s do:
    // forwarding them to `deserialize_any` would make the compiler build every struct's
    // `visit_seq` (and each visitor's every method) for this deserializer, which cost the
    // corpus build a fifth more time and memory.

    /// Only an object: `MapOnly` asks for a map where a struct's visitor would also take an
    /// array.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Content::Map(entries) => visit_map_ref(entries, visitor),
            other => Err(de::Error::invalid_type(other.unexpected(), &visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Content::Seq(items) => visit_seq_ref(items, visitor),
            other => Err(de::Error::invalid_type(other.unexpected(), &visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Content::Str(s) => visitor.visit_borrowed_str(s),
            other => Err(de::Error::invalid_type(other.unexpected(), &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Content::Null => visitor.visit_unit(),
            other => Err(de::Error::invalid_type(other.unexpected(), &visitor)),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Content::Bool(b) => visitor.visit_bool(*b),
            other => Err(de::Error::invalid_type(other.unexpected(), &visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit_struct tuple tuple_struct struct
    }
}

fn visit_seq_ref<'de, 'c: 'de, V: Visitor<'de>>(items: &'de [Content<'c>], visitor: V) -> Result<V::Value, Error> {
    let mut seq = SeqRef { items: items.iter() };
    let v = visitor.visit_seq(&mut seq)?;
    match seq.items.len() {
        0 => Ok(v),
        _ => Err(de::Error::invalid_length(items.len(), &"fewer elements in array")),
    }
}

fn visit_map_ref<'de, 'c: 'de, V: Visitor<'de>>(
    entries: &'de [(Cow<'c, str>, Content<'c>)],
    visitor: V,
) -> Result<V::Value, Error> {
    let mut map = MapRef { entries: entries.iter(), value: None };
    let v = visitor.visit_map(&mut map)?;
    match map.entries.len() {
        0 => Ok(v),
        _ => Err(de::Error::invalid_length(entries.len(), &"fewer elements in map")),
    }
}

struct SeqRef<'de, 'c> {
    items: std::slice::Iter<'de, Content<'c>>,
}

impl<'de, 'c: 'de> SeqAccess<'de> for SeqRef<'de, 'c> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        self.items.next().map(|item| seed.deserialize(item)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct MapRef<'de, 'c> {
    entries: std::slice::Iter<'de, (Cow<'c, str>, Content<'c>)>,
    value: Option<&'de Content<'c>>,
}

impl<'de, 'c: 'de> MapAccess<'de> for MapRef<'de, 'c> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(de::value::BorrowedStrDeserializer::new(k)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Error> {
        match self.value.take() {
            Some(v) => seed.deserialize(v),
            None => Err(de::Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An enum as JSON writes one: a string (a unit variant) or an object of one key.
struct EnumRef<'de, 'c> {
    variant: &'de str,
    value: Option<&'de Content<'c>>,
}

impl<'de, 'c: 'de> EnumAccess<'de> for EnumRef<'de, 'c> {
    type Error = Error;
    type Variant = VariantRef<'de, 'c>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, VariantRef<'de, 'c>), Error> {
        let variant = seed.deserialize(de::value::BorrowedStrDeserializer::new(self.variant))?;
        Ok((variant, VariantRef { value: self.value }))
    }
}

struct VariantRef<'de, 'c> {
    value: Option<&'de Content<'c>>,
}

impl<'de, 'c: 'de> VariantAccess<'de> for VariantRef<'de, 'c> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.value {
            None | Some(Content::Null) => Ok(()),
            Some(other) => Err(de::Error::invalid_type(other.unexpected(), &"unit variant")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.value {
            Some(v) => seed.deserialize(v),
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &"newtype variant")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Some(Content::Seq(items)) => visit_seq_ref(items, visitor),
            Some(other) => Err(de::Error::invalid_type(other.unexpected(), &"tuple variant")),
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &"tuple variant")),
        }
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Some(Content::Map(entries)) => visit_map_ref(entries, visitor),
            Some(other) => Err(de::Error::invalid_type(other.unexpected(), &"struct variant")),
            None => Err(de::Error::invalid_type(de::Unexpected::UnitVariant, &"struct variant")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde_json::{json, Value};

    /// The buffer must read back as the `Value` the same text reads as.
    fn via_content(text: &str) -> Value {
        let content: Content<'_> = serde_json::from_str(text).unwrap();
        Value::deserialize(&content).unwrap()
    }

    #[test]
    fn reads_back_as_the_value_of_the_same_text() {
        for text in [
            r#"{"a": [1, -2, 3.5, "x\"y", null, true], "b": {"c": {}}, "d": 18446744073709551615}"#,
            r#"[-9223372036854775808, 0, 1e300, "", "\u00e9"]"#,
            r#""plain""#,
            "null",
        ] {
            assert_eq!(via_content(text), serde_json::from_str::<Value>(text).unwrap(), "{text}");
        }
    }

    #[test]
    fn strings_without_escapes_are_borrowed_and_repeated_keys_are_kept() {
        let text = r#"{"k": "v", "e": "a\nb", "k": 2}"#;
        let content: Content<'_> = serde_json::from_str(text).unwrap();
        let Content::Map(entries) = &content else { panic!("not a map: {content:?}") };
        let keys: Vec<&str> = entries.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, ["k", "e", "k"]);
        assert_eq!(content.get("k"), Some(&Content::Str(Cow::Borrowed("v"))));
        assert!(matches!(content.get("e"), Some(Content::Str(Cow::Owned(s))) if s == "a\nb"));
        // A struct refuses the repeat, as it does reading the text itself.
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct K {
            k: Value,
        }
        let from_content = K::deserialize(&content).unwrap_err().to_string();
        let from_text = serde_json::from_str::<K>(text).unwrap_err().to_string();
        assert_eq!(from_content, "duplicate field `k`");
        assert!(from_text.starts_with(&from_content), "{from_text}");
        let content: Content<'_> = serde_json::from_str(r#"["v", "a\nb"]"#).unwrap();
        let Content::Seq(items) = &content else { panic!("not a seq") };
        assert!(matches!(items[0], Content::Str(Cow::Borrowed("v"))));
        assert!(matches!(&items[1], Content::Str(Cow::Owned(s)) if s == "a\nb"));
    }

    #[test]
    fn errors_read_as_value_errors() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct S {
            n: u8,
            s: String,
            l: Vec<i64>,
        }
        for payload in [json!({"n": 300, "s": "x", "l": []}), json!({"n": 1, "s": null, "l": []}), json!({"n": 1, "s": "x", "l": [1.5]}), json!({"n": 1, "s": "x"})] {
            let text = payload.to_string();
            let content: Content<'_> = serde_json::from_str(&text).unwrap();
            let from_content = S::deserialize(&content).unwrap_err().to_string();
            let from_value = S::deserialize(&payload).unwrap_err().to_string();
            assert_eq!(from_content, from_value, "{text}");
        }
        // A struct read as a map (as `MapOnly` reads every generated struct) is not read from
        // an array, though serde's derive would take one for a struct.
        let array = json!([1, "x", []]);
        let text = array.to_string();
        let content: Content<'_> = serde_json::from_str(&text).unwrap();
        use crate::__private::MapOnly;
        let from_content = S::deserialize(MapOnly(&content)).unwrap_err().to_string();
        assert_eq!(from_content, S::deserialize(MapOnly(&array)).unwrap_err().to_string());
        assert_eq!(from_content, "invalid type: sequence, expected struct S");
        assert!(S::deserialize(&content).is_ok());
    }

    #[test]
    fn enums_options_and_a_buffer_read_from_a_buffer() {
        #[derive(Debug, Deserialize, PartialEq)]
        enum E {
            Unit,
            New(u8),
            Tuple(u8, u8),
            Struct { a: bool },
        }
        let content: Content<'_> =
            serde_json::from_str(r#"["Unit", {"New": 1}, {"Tuple": [1, 2]}, {"Struct": {"a": true}}]"#).unwrap();
        let read: Vec<E> = Vec::deserialize(&content).unwrap();
        assert_eq!(read, [E::Unit, E::New(1), E::Tuple(1, 2), E::Struct { a: true }]);
        let bad: Content<'_> = serde_json::from_str(r#"{"New": 1, "Unit": null}"#).unwrap();
        assert!(E::deserialize(&bad).is_err());
        let opt: Content<'_> = serde_json::from_str("[null, 5]").unwrap();
        assert_eq!(Vec::<Option<u8>>::deserialize(&opt).unwrap(), [None, Some(5)]);
        // A nested buffer borrows from the outer one.
        let outer: Content<'_> = serde_json::from_str(r#"{"a": "b\tc"}"#).unwrap();
        let inner = Content::deserialize(&outer).unwrap();
        assert_eq!(inner, outer);
        assert!(matches!(inner.get("a"), Some(Content::Str(Cow::Borrowed("b\tc")))));
    }
}
