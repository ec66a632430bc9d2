//! [`Bytes`]: file content (`Union[bytes, IO[bytes], io.BufferedReader]`).

use std::fmt;

use serde::de::{Deserialize, Deserializer, Visitor};
use serde::ser::{Error as _, Serialize, Serializer};

/// File content: the doc's `Union[bytes, IO[bytes], io.BufferedReader]` and `bytes`.
///
/// In JSON it is a string (its UTF-8 text), as the reference writes bytes in JSON mode;
/// content that is not UTF-8 cannot be written as JSON and is an error there.
///
/// ```
/// let b: mdmodel::Bytes = serde_json::from_str("\"hello\"").unwrap();
/// assert_eq!(b.as_slice(), b"hello");
/// assert_eq!(serde_json::to_string(&b).unwrap(), "\"hello\"");
/// assert!(serde_json::to_string(&mdmodel::Bytes::from(vec![0xff])).is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Bytes(pub Vec<u8>);

impl Bytes {
    /// The content.
    ///
    /// ```
    /// let b = mdmodel::Bytes::from(b"abc".as_slice());
    /// assert_eq!(b.as_slice(), b"abc");
    /// ```
    pub fn as_slice(&self) -> &[u8] {
        &self.0
    }
}

/// Takes the vector as the content.
///
/// ```
/// assert_eq!(mdmodel::Bytes::from(vec![1, 2]).0, [1, 2]);
/// ```
impl From<Vec<u8>> for Bytes {
    fn from(v: Vec<u8>) -> Self {
        Bytes(v)
    }
}

/// Copies the slice as the content.
///
/// ```
/// assert_eq!(mdmodel::Bytes::from(&b"hi"[..]).as_slice(), b"hi");
/// ```
impl From<&[u8]> for Bytes {
    fn from(v: &[u8]) -> Self {
        Bytes(v.to_vec())
    }
}

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match std::str::from_utf8(&self.0) {
            Ok(s) => write!(f, "Bytes({s:?})"),
            Err(_) => write!(f, "Bytes({} bytes)", self.0.len()),
        }
    }
}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match std::str::from_utf8(&self.0) {
            Ok(s) => serializer.serialize_str(s),
            Err(e) => Err(S::Error::custom(format_args!("file content is not UTF-8 ({e}) and cannot be written as a JSON string"))),
        }
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bytes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("file content as a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Bytes, E> {
                Ok(Bytes(v.as_bytes().to_vec()))
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
        }
        deserializer.deserialize_str(V)
    }
}
