//! [`Metadata`]: the key-value map of a `metadata` field, with the limits its doc states.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

/// No limit: the default of each of [`Metadata`]'s parameters.
///
/// ```
/// use mdmodel::{Metadata, UNLIMITED};
/// assert_eq!(Metadata::<16>::MAX_KEY_CHARS, UNLIMITED);
/// assert_eq!(UNLIMITED, usize::MAX);
/// ```
pub const UNLIMITED: usize = usize::MAX;

/// The type of a `metadata` field typed `Dict[str, Any]`.
///
/// It behaves like a sorted map of `String` to [`serde_json::Value`] and enforces the limits
/// that the field's description states, as const parameters: at most `MAX_PAIRS` pairs, keys
/// of at most `MAX_KEY_CHARS` characters, string values of at most `MAX_VALUE_CHARS`
/// characters (characters are Unicode scalar values). A description that states no limit
/// gives [`UNLIMITED`], the default. Values that are not strings are kept as they are, since
/// the doc types them `Any`.
///
/// [`insert`](Metadata::insert) and deserializing both enforce the limits, with an error that
/// names the key and the limit broken; [`validate`](Metadata::validate) checks a value built
/// another way (through [`get_mut`](Metadata::get_mut) or
/// [`from_map_unchecked`](Metadata::from_map_unchecked)).
///
/// ```
/// use mdmodel::Metadata;
///
/// let mut m: Metadata<16, 64, 512> = Metadata::new();
/// m.insert("customer_id", "user_123").unwrap();
/// assert_eq!(m.get("customer_id"), Some(&serde_json::json!("user_123")));
///
/// let long_key = "k".repeat(65);
/// let err = m.insert(long_key.as_str(), "x").unwrap_err();
/// assert!(err.to_string().contains("64 characters"));
///
/// let parsed: Result<Metadata<16, 64, 512>, _> =
///     serde_json::from_str(&format!(r#"{{"note": "{}"}}"#, "v".repeat(513)));
/// assert!(parsed.unwrap_err().to_string().contains("`note`"));
/// ```
#[derive(Clone, PartialEq, Eq, Default)]
pub struct Metadata<
    const MAX_PAIRS: usize = UNLIMITED,
    const MAX_KEY_CHARS: usize = UNLIMITED,
    const MAX_VALUE_CHARS: usize = UNLIMITED,
> {
    map: BTreeMap<String, Value>,
}

/// Which limit of a [`Metadata`] a key or value broke.
///
/// ```
/// use mdmodel::{Metadata, MetadataLimit};
/// let mut m: Metadata<16, 3> = Metadata::new();
/// assert_eq!(m.insert("long", 1).unwrap_err().limit(), MetadataLimit::KeyLength);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetadataLimit {
    /// More pairs than the limit.
    Pairs,
    /// A key longer than the limit.
    KeyLength,
    /// A string value longer than the limit.
    ValueLength,
}

/// A broken [`Metadata`] limit: which one, the key involved, the limit and the actual size.
///
/// ```
/// use mdmodel::{Metadata, MetadataLimit};
/// let mut m: Metadata<1> = Metadata::new();
/// m.insert("a", 1).unwrap();
/// let err = m.insert("b", 2).unwrap_err();
/// assert_eq!(err.limit(), MetadataLimit::Pairs);
/// assert_eq!(err.key(), "b");
/// assert_eq!(err.to_string(), "metadata key `b` would make 2 pairs; the limit is 1 pair");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataError {
    limit: MetadataLimit,
    key: String,
    max: usize,
    actual: usize,
}

impl MetadataError {
    /// The limit that was broken.
    ///
    /// ```
    /// use mdmodel::{Metadata, MetadataLimit};
    /// let mut m: Metadata<16, 64, 2> = Metadata::new();
    /// assert_eq!(m.insert("k", "abc").unwrap_err().limit(), MetadataLimit::ValueLength);
    /// ```
    pub fn limit(&self) -> MetadataLimit {
        self.limit
    }
    /// The key that broke it.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata<16, 2> = mdmodel::Metadata::new();
    /// assert_eq!(m.insert("abc", 1).unwrap_err().key(), "abc");
    /// ```
    pub fn key(&self) -> &str {
        &self.key
    }
    /// The limit's value.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata<16, 2> = mdmodel::Metadata::new();
    /// assert_eq!(m.insert("abc", 1).unwrap_err().max(), 2);
    /// ```
    pub fn max(&self) -> usize {
        self.max
    }
    /// The size found.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata<16, 2> = mdmodel::Metadata::new();
    /// assert_eq!(m.insert("abc", 1).unwrap_err().actual(), 3);
    /// ```
    pub fn actual(&self) -> usize {
        self.actual
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

impl fmt::Display for MetadataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.limit {
            MetadataLimit::Pairs => write!(
                f,
                "metadata key `{}` would make {}; the limit is {}",
                self.key,
                plural(self.actual, "pair", "pairs"),
                plural(self.max, "pair", "pairs"),
            ),
            MetadataLimit::KeyLength => write!(
                f,
                "metadata key `{}` is {} long; the limit is {}",
                self.key,
                plural(self.actual, "character", "characters"),
                plural(self.max, "character", "characters"),
            ),
            MetadataLimit::ValueLength => write!(
                f,
                "metadata value of key `{}` is {} long; the limit is {}",
                self.key,
                plural(self.actual, "character", "characters"),
                plural(self.max, "character", "characters"),
            ),
        }
    }
}

impl std::error::Error for MetadataError {}

impl<const P: usize, const K: usize, const V: usize> Metadata<P, K, V> {
    /// The most pairs this map holds.
    ///
    /// ```
    /// assert_eq!(mdmodel::Metadata::<16, 64, 512>::MAX_PAIRS, 16);
    /// ```
    pub const MAX_PAIRS: usize = P;
    /// The most characters in a key.
    ///
    /// ```
    /// assert_eq!(mdmodel::Metadata::<16, 64, 512>::MAX_KEY_CHARS, 64);
    /// ```
    pub const MAX_KEY_CHARS: usize = K;
    /// The most characters in a string value.
    ///
    /// ```
    /// assert_eq!(mdmodel::Metadata::<16, 64, 512>::MAX_VALUE_CHARS, 512);
    /// ```
    pub const MAX_VALUE_CHARS: usize = V;

    /// An empty map.
    ///
    /// ```
    /// let m: mdmodel::Metadata<16, 64, 512> = mdmodel::Metadata::new();
    /// assert_eq!(m.len(), 0);
    /// ```
    pub fn new() -> Self {
        Metadata { map: BTreeMap::new() }
    }

    /// Wraps a map without checking it; call [`validate`](Metadata::validate) before relying
    /// on the limits.
    ///
    /// ```
    /// let m: mdmodel::Metadata<1> = mdmodel::Metadata::from_map_unchecked(
    ///     [("a".to_string(), 1.into()), ("b".to_string(), 2.into())].into(),
    /// );
    /// assert!(m.validate().is_err());
    /// ```
    pub fn from_map_unchecked(map: BTreeMap<String, Value>) -> Self {
        Metadata { map }
    }

    fn check_entry(key: &str, value: &Value) -> Result<(), MetadataError> {
        // A text of at most `max` bytes has at most `max` characters: counted only past that.
        let too_long = |s: &str, max: usize| if s.len() <= max { None } else { Some(s.chars().count()).filter(|&n| n > max) };
        if let Some(key_chars) = too_long(key, K) {
            return Err(MetadataError {
                limit: MetadataLimit::KeyLength,
                key: key.to_owned(),
                max: K,
                actual: key_chars,
            });
        }
        if let Some(chars) = value.as_str().and_then(|s| too_long(s, V)) {
            return Err(MetadataError {
                limit: MetadataLimit::ValueLength,
                key: key.to_owned(),
                max: V,
                actual: chars,
            });
        }
        Ok(())
    }

    /// Inserts a pair where it keeps every limit, returning the value it replaced.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata<2> = mdmodel::Metadata::new();
    /// assert_eq!(m.insert("a", 1).unwrap(), None);
    /// assert_eq!(m.insert("a", 2).unwrap(), Some(1.into()));
    /// ```
    pub fn insert(
        &mut self,
        key: impl Into<String>,
        value: impl Into<Value>,
    ) -> Result<Option<Value>, MetadataError> {
        let key = key.into();
        let value = value.into();
        Self::check_entry(&key, &value)?;
        if self.map.len() >= P && !self.map.contains_key(&key) {
            return Err(MetadataError {
                limit: MetadataLimit::Pairs,
                actual: self.map.len() + 1,
                key,
                max: P,
            });
        }
        Ok(self.map.insert(key, value))
    }

    /// Checks every limit, naming the first key that breaks one.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata<16, 64, 3> = mdmodel::Metadata::new();
    /// m.insert("k", "abc").unwrap();
    /// *m.get_mut("k").unwrap() = "abcd".into();
    /// assert_eq!(m.validate().unwrap_err().key(), "k");
    /// ```
    pub fn validate(&self) -> Result<(), MetadataError> {
        for (i, (key, value)) in self.map.iter().enumerate() {
            if i >= P {
                return Err(MetadataError {
                    limit: MetadataLimit::Pairs,
                    key: key.clone(),
                    max: P,
                    actual: self.map.len(),
                });
            }
            Self::check_entry(key, value)?;
        }
        Ok(())
    }

    /// The value of a key.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata = mdmodel::Metadata::new();
    /// m.insert("a", "x").unwrap();
    /// assert_eq!(m.get("a"), Some(&serde_json::json!("x")));
    /// assert_eq!(m.get("b"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.map.get(key)
    }

    /// The value of a key, mutably; changing it can break a limit, which
    /// [`validate`](Metadata::validate) then reports.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata = mdmodel::Metadata::new();
    /// m.insert("n", 1).unwrap();
    /// *m.get_mut("n").unwrap() = 2.into();
    /// assert_eq!(m.get("n"), Some(&serde_json::json!(2)));
    /// ```
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.map.get_mut(key)
    }

    /// Removes a key, returning its value.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata = mdmodel::Metadata::new();
    /// m.insert("a", true).unwrap();
    /// assert_eq!(m.remove("a"), Some(true.into()));
    /// assert!(m.is_empty());
    /// ```
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key)
    }

    /// `true` where the key is present.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata = mdmodel::Metadata::new();
    /// m.insert("a", 1).unwrap();
    /// assert!(m.contains_key("a"));
    /// assert!(!m.contains_key("b"));
    /// ```
    pub fn contains_key(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// The number of pairs.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata = mdmodel::Metadata::new();
    /// m.insert("a", 1).unwrap();
    /// m.insert("b", 2).unwrap();
    /// assert_eq!(m.len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// `true` where there is no pair.
    ///
    /// ```
    /// let m: mdmodel::Metadata = mdmodel::Metadata::new();
    /// assert!(m.is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The pairs in key order.
    ///
    /// ```
    /// let mut m: mdmodel::Metadata = mdmodel::Metadata::new();
    /// m.insert("b", 2).unwrap();
    /// m.insert("a", 1).unwrap();
    /// let keys: Vec<&str> = m.iter().map(|(k, _)| k.as_str()).collect();
    /// assert_eq!(keys, ["a", "b"]);
    /// ```
    pub fn iter(&self) -> std::collections::btree_map::Iter<'_, String, Value> {
        self.map.iter()
    }

    /// The keys in order.
    ///
    /// ```
    /// let m: mdmodel::Metadata = serde_json::from_str(r#"{"b": 1, "a": 2}"#).unwrap();
    /// assert_eq!(m.keys().collect::<Vec<_>>(), ["a", "b"]);
    /// ```
    pub fn keys(&self) -> std::collections::btree_map::Keys<'_, String, Value> {
        self.map.keys()
    }

    /// The values in key order.
    ///
    /// ```
    /// let m: mdmodel::Metadata = serde_json::from_str(r#"{"b": 1, "a": 2}"#).unwrap();
    /// assert_eq!(m.values().collect::<Vec<_>>(), [&serde_json::json!(2), &serde_json::json!(1)]);
    /// ```
    pub fn values(&self) -> std::collections::btree_map::Values<'_, String, Value> {
        self.map.values()
    }

    /// The map underneath.
    ///
    /// ```
    /// let m: mdmodel::Metadata = serde_json::from_str(r#"{"a": 1}"#).unwrap();
    /// assert_eq!(m.as_map().get("a"), Some(&serde_json::json!(1)));
    /// ```
    pub fn as_map(&self) -> &BTreeMap<String, Value> {
        &self.map
    }

    /// Unwraps the map underneath.
    ///
    /// ```
    /// let m: mdmodel::Metadata = serde_json::from_str(r#"{"a": 1}"#).unwrap();
    /// let map = m.into_map();
    /// assert_eq!(map.len(), 1);
    /// assert_eq!(map["a"], 1);
    /// ```
    pub fn into_map(self) -> BTreeMap<String, Value> {
        self.map
    }
}

/// Wraps a map where it keeps every limit.
///
/// ```
/// use std::collections::BTreeMap;
/// use mdmodel::Metadata;
///
/// let map: BTreeMap<String, serde_json::Value> = [("a".to_string(), "xyz".into())].into();
/// assert_eq!(Metadata::<16, 64, 3>::try_from(map.clone()).unwrap().len(), 1);
/// assert_eq!(Metadata::<16, 64, 2>::try_from(map).unwrap_err().actual(), 3);
/// ```
impl<const P: usize, const K: usize, const V: usize> TryFrom<BTreeMap<String, Value>>
    for Metadata<P, K, V>
{
    type Error = MetadataError;

    /// Wraps a map where it keeps every limit.
    fn try_from(map: BTreeMap<String, Value>) -> Result<Self, MetadataError> {
        let m = Metadata { map };
        m.validate()?;
        Ok(m)
    }
}

impl<const P: usize, const K: usize, const V: usize> fmt::Debug for Metadata<P, K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.map.iter()).finish()
    }
}

impl<'a, const P: usize, const K: usize, const V: usize> IntoIterator for &'a Metadata<P, K, V> {
    type Item = (&'a String, &'a Value);
    type IntoIter = std::collections::btree_map::Iter<'a, String, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.map.iter()
    }
}

impl<const P: usize, const K: usize, const V: usize> IntoIterator for Metadata<P, K, V> {
    type Item = (String, Value);
    type IntoIter = std::collections::btree_map::IntoIter<String, Value>;
    fn into_iter(self) -> Self::IntoIter {
        self.map.into_iter()
    }
}

impl<const P: usize, const K: usize, const V: usize> Serialize for Metadata<P, K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.map.len()))?;
        for (k, v) in &self.map {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, const P: usize, const K: usize, const V: usize> Deserialize<'de> for Metadata<P, K, V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MetadataVisitor<const P: usize, const K: usize, const V: usize>;

        impl<'de, const P: usize, const K: usize, const V: usize> Visitor<'de> for MetadataVisitor<P, K, V> {
            type Value = Metadata<P, K, V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of metadata")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut m = Metadata::<P, K, V>::new();
                while let Some((key, value)) = access.next_entry::<String, Value>()? {
                    m.insert(key, value).map_err(serde::de::Error::custom)?;
                }
                Ok(m)
            }
        }

        deserializer.deserialize_map(MetadataVisitor::<P, K, V>)
    }
}
