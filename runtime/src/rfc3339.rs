//! [`Rfc3339`]: a `time::OffsetDateTime` read and written as RFC 3339 text.

use std::fmt;

use serde::de::{Deserialize, Deserializer, Visitor};
use serde::ser::{Error as _, Serialize, Serializer};
use time::format_description::well_known::Rfc3339 as Format;

/// A timestamp (the doc's `date` link) under `datetime = "time"`: a
/// [`time::OffsetDateTime`] that reads and writes RFC 3339 text, as the reference does
/// (the `time` crate's own serde format is not RFC 3339).
///
/// ```
/// let t: mdmodel::Rfc3339 = serde_json::from_str("\"2025-02-11T08:46:07+01:00\"").unwrap();
/// assert_eq!(t.0.unix_timestamp(), 1739259967);
/// assert_eq!(serde_json::to_string(&t).unwrap(), "\"2025-02-11T08:46:07+01:00\"");
/// assert!(serde_json::from_str::<mdmodel::Rfc3339>("\"yesterday\"").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rfc3339(pub time::OffsetDateTime);

/// Wraps the timestamp.
///
/// ```
/// let t = mdmodel::Rfc3339::from(time::OffsetDateTime::UNIX_EPOCH);
/// assert_eq!(serde_json::to_string(&t).unwrap(), "\"1970-01-01T00:00:00Z\"");
/// ```
impl From<time::OffsetDateTime> for Rfc3339 {
    fn from(t: time::OffsetDateTime) -> Self {
        Rfc3339(t)
    }
}

/// The methods of [`time::OffsetDateTime`] apply to it directly.
///
/// ```
/// let t: mdmodel::Rfc3339 = serde_json::from_str("\"2025-02-11T08:46:07Z\"").unwrap();
/// assert_eq!(t.year(), 2025);
/// assert_eq!(t.hour(), 8);
/// ```
impl std::ops::Deref for Rfc3339 {
    type Target = time::OffsetDateTime;
    fn deref(&self) -> &time::OffsetDateTime {
        &self.0
    }
}

impl Serialize for Rfc3339 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.0.format(&Format).map_err(S::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for Rfc3339 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Rfc3339;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an RFC 3339 timestamp")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Rfc3339, E> {
                time::OffsetDateTime::parse(v, &Format)
                    .map(Rfc3339)
                    .map_err(|e| E::custom(format_args!("`{v}` is not an RFC 3339 timestamp: {e}")))
            }
        }
        deserializer.deserialize_str(V)
    }
}
