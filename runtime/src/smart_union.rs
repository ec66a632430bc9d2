//! Picking the member of an untagged union the way pydantic's smart mode does.
//!
//! The reference validates a payload against every member of a union and keeps the best fit:
//!
//! - a member that fits *exactly* (a string for `str`, an int for `int`, a list of those) and
//!   holds no model is taken at once;
//! - otherwise, where both the best so far and the next member hold models, the one that sets
//!   more model fields wins, counting the fields of every model inside it (nested models,
//!   list items, map values, and the chosen member of a nested union);
//! - otherwise the more exact one wins (`exact` > `strict`, e.g. an int read as a float, a
//!   model, `Any`); ties go to the member listed first.
//!
//! The count of fields set is kept in a thread-local tally that only a union's trial of a
//! member switches on; every generated struct is read through [`MapOnly`], which adds the
//! fields it found to the tally while one is open, and costs one thread-local read otherwise.

use std::cell::Cell;
use std::fmt;

use crate::content::Content;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};

/// How well a member fits, as pydantic ranks it: `Strict` covers what pydantic's strict mode
/// takes without being exact (an int for a float, a dict for a model, anything for `Any`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Exactness {
    Strict,
    Exact,
}

/// What kind of type a union member is: how its exactness is judged.
#[derive(Debug, Clone, Copy)]
pub enum MemberKind {
    /// `str`
    Str,
    /// `int`
    Int,
    /// `float`
    Float,
    /// `bool`
    Bool,
    /// `Any`: fits anything, never exactly.
    Any,
    /// A model, by its wire field names.
    Model(&'static [&'static str]),
    /// Anything else (lists, maps, enums, unions): exact unless it holds a model.
    Other,
}

impl MemberKind {
    fn exactness(self, value: &Content<'_>, fields_set: Option<usize>) -> Exactness {
        match (self, value) {
            (MemberKind::Any, _) | (MemberKind::Model(_), _) => Exactness::Strict,
            (MemberKind::Float, Content::U64(_) | Content::I64(_)) => Exactness::Strict,
            (MemberKind::Other, _) if fields_set.is_some() => Exactness::Strict,
            _ => Exactness::Exact,
        }
    }
}

/// The model fields set while a union tries a member; `None` outside any trial.
#[derive(Clone, Copy)]
struct Tally {
    open: bool,
    /// `None` until a model is read: a member that holds no model has no count at all, which
    /// pydantic tells apart from a model with no field set.
    count: Option<usize>,
}

thread_local! {
    static TALLY: Cell<Tally> = const { Cell::new(Tally { open: false, count: None }) };
}

fn tally_open() -> bool {
    TALLY.with(|t| t.get().open)
}

/// Adds `n` fields set to the open tally (none open: nothing).
fn tally_add(n: Option<usize>) {
    let Some(n) = n else { return };
    TALLY.with(|t| {
        let cur = t.get();
        if cur.open {
            t.set(Tally { open: true, count: Some(cur.count.unwrap_or(0) + n) });
        }
    });
}

/// Runs `f` with a fresh tally; returns its result and the fields it set. The outer tally
/// is restored whatever `f` does (a panic included).
fn with_tally<R>(f: impl FnOnce() -> R) -> (R, Option<usize>) {
    struct Restore(Tally);
    impl Drop for Restore {
        fn drop(&mut self) {
            TALLY.with(|t| t.set(self.0));
        }
    }
    let outer = TALLY.with(|t| t.replace(Tally { open: true, count: None }));
    let restore = Restore(outer);
    let r = f();
    let count = TALLY.with(|t| t.get().count);
    drop(restore);
    (r, count)
}

/// Picks the union member that fits a payload best (see the module's rules).
pub struct UnionPick<T> {
    union: &'static str,
    best: Option<(Exactness, Option<usize>, T)>,
    /// An exact member without models was found: the rest are not tried.
    settled: bool,
    errors: Vec<String>,
}

impl<T> UnionPick<T> {
    /// A pick for the union named `union`.
    pub fn new(union: &'static str) -> Self {
        UnionPick { union, best: None, settled: false, errors: Vec::new() }
    }

    /// Tries one member.
    pub fn consider(
        &mut self,
        value: &Content<'_>,
        kind: MemberKind,
        variant: &'static str,
        read: impl FnOnce(&Content<'_>) -> Result<T, String>,
    ) {
        if self.settled {
            return;
        }
        let (result, count) = with_tally(|| read(value));
        // A model that did not report its fields (a type the user put in with `replace`, whose
        // `Deserialize` is not ours) is judged by the doc's fields the payload holds.
        let count = match (kind, count) {
            (MemberKind::Model(fields), None) => {
                Some(value.keys().map_or(0, |keys| keys.filter(|k| fields.contains(k)).count()))
            }
            _ => count,
        };
        match result {
            Ok(v) => {
                let exactness = kind.exactness(value, count);
                if exactness == Exactness::Exact && count.is_none() {
                    self.best = Some((exactness, count, v));
                    self.settled = true;
                    return;
                }
                let better = match &self.best {
                    None => true,
                    Some((best_exactness, best_count, _)) => match (*best_count, count) {
                        (Some(b), Some(n)) if b != n => b < n,
                        _ => *best_exactness < exactness,
                    },
                };
                if better {
                    self.best = Some((exactness, count, v));
                }
            }
            Err(e) => {
                if self.best.is_none() {
                    self.errors.push(format!("{variant}: {e}"));
                }
            }
        }
    }

    /// The best member (its fields set count toward an enclosing union's pick), or an error
    /// naming why each member failed.
    pub fn finish(self) -> Result<T, String> {
        match self.best {
            Some((_, count, v)) => {
                tally_add(count);
                Ok(v)
            }
            None => Err(format!("the value fits no member of `{}` ({})", self.union, self.errors.join("; "))),
        }
    }
}

/// A deserializer that reads a struct only from a map: serde's derive would also take a
/// sequence (`[1, 2, 3]`) for a struct, which the reference refuses. While a union tries a
/// member, it also counts the struct's fields present in the map.
pub struct MapOnly<D>(pub D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for MapOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        if tally_open() {
            self.0.deserialize_map(CountFields { visitor, fields })
        } else {
            self.0.deserialize_map(visitor)
        }
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct enum identifier ignored_any
    }
}

/// A struct's visitor that counts the keys of its map that name one of `fields`, and adds
/// them to the tally where the struct is read in full.
struct CountFields<V> {
    visitor: V,
    fields: &'static [&'static str],
}

impl<'de, V: Visitor<'de>> Visitor<'de> for CountFields<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.visitor.expecting(f)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let mut found = 0;
        let counter = FieldCounter { fields: self.fields, found: &mut found };
        let v = self.visitor.visit_map(CountKeys { map, counter })?;
        tally_add(Some(found));
        Ok(v)
    }
}

/// Counts the keys that name one of a struct's fields.
struct FieldCounter<'a> {
    fields: &'static [&'static str],
    found: &'a mut usize,
}

struct CountKeys<'a, A> {
    map: A,
    counter: FieldCounter<'a>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for CountKeys<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        self.map.next_key_seed(KeySeed { seed, counter: &mut self.counter })
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// Reads a key as `seed` would, noting whether it names a field.
struct KeySeed<'a, 'b, K> {
    seed: K,
    counter: &'b mut FieldCounter<'a>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, '_, K> {
    type Value = K::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        // A key is a string: see it, note it, and hand it to the struct's own seed.
        deserializer.deserialize_str(self)
    }
}

impl<'de, K: DeserializeSeed<'de>> Visitor<'de> for KeySeed<'_, '_, K> {
    type Value = K::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<K::Value, E> {
        self.counter.note(v);
        self.seed.deserialize(serde::de::value::StrDeserializer::new(v))
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<K::Value, E> {
        self.counter.note(v);
        self.seed.deserialize(serde::de::value::BorrowedStrDeserializer::new(v))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<K::Value, E> {
        self.counter.note(&v);
        self.seed.deserialize(serde::de::value::StringDeserializer::new(v))
    }
}

impl FieldCounter<'_> {
    fn note(&mut self, key: &str) {
        if self.fields.contains(&key) {
            *self.found += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_tally_counts_nothing_and_an_open_one_sums_nested_counts() {
        tally_add(Some(3));
        assert!(!tally_open());
        let ((), outer) = with_tally(|| {
            tally_add(Some(2));
            let ((), inner) = with_tally(|| tally_add(Some(5)));
            assert_eq!(inner, Some(5));
            tally_add(inner);
        });
        assert_eq!(outer, Some(7));
        let ((), none) = with_tally(|| ());
        assert_eq!(none, None);
        assert!(!tally_open());
    }
}
