//! [`OptionalNullable<T>`]: a value that may be absent, `null`, or set.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field the doc types `OptionalNullable[T]`: it may be absent, `null`, or hold a value,
/// and the three are different on the wire.
///
/// An absent field reads as [`OptionalNullable::Unset`] and is omitted on output; `null`
/// reads as [`OptionalNullable::Null`] and is written back as `null`. It takes exactly the
/// memory of an `Option<Option<T>>`.
///
/// Generated structs mark such fields with `#[serde(default, skip_serializing_if =
/// "::mdmodel::OptionalNullable::is_unset")]`.
///
/// ```
/// use mdmodel::OptionalNullable;
///
/// let v: OptionalNullable<String> = serde_json::from_str("null").unwrap();
/// assert!(v.is_null());
/// assert!(OptionalNullable::<String>::default().is_unset());
/// let v: OptionalNullable<String> = serde_json::from_str("\"x\"").unwrap();
/// assert_eq!(v, OptionalNullable::Value("x".to_string()));
/// assert_eq!(v.into_option(), Some("x".to_string()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum OptionalNullable<T> {
    /// The field is absent from the payload.
    #[default]
    Unset,
    /// The payload holds `null`.
    Null,
    /// The payload holds a value.
    Value(T),
}

impl<T> OptionalNullable<T> {
    /// `true` where the field is absent.
    ///
    /// ```
    /// assert!(mdmodel::OptionalNullable::<u8>::Unset.is_unset());
    /// ```
    pub const fn is_unset(&self) -> bool {
        matches!(self, OptionalNullable::Unset)
    }

    /// `true` where the field is `null`.
    ///
    /// ```
    /// assert!(mdmodel::OptionalNullable::<u8>::Null.is_null());
    /// ```
    pub const fn is_null(&self) -> bool {
        matches!(self, OptionalNullable::Null)
    }

    /// `true` where there is a value.
    ///
    /// ```
    /// assert!(mdmodel::OptionalNullable::Value(0).is_value());
    /// ```
    pub const fn is_value(&self) -> bool {
        matches!(self, OptionalNullable::Value(_))
    }

    /// Borrows the value.
    ///
    /// ```
    /// use mdmodel::OptionalNullable;
    /// assert_eq!(OptionalNullable::Value(5).as_ref(), OptionalNullable::Value(&5));
    /// ```
    pub const fn as_ref(&self) -> OptionalNullable<&T> {
        match self {
            OptionalNullable::Unset => OptionalNullable::Unset,
            OptionalNullable::Null => OptionalNullable::Null,
            OptionalNullable::Value(v) => OptionalNullable::Value(v),
        }
    }

    /// Borrows the value mutably.
    ///
    /// ```
    /// use mdmodel::OptionalNullable;
    /// let mut n = OptionalNullable::Value(1);
    /// if let OptionalNullable::Value(v) = n.as_mut() { *v += 1; }
    /// assert_eq!(n, OptionalNullable::Value(2));
    /// ```
    pub fn as_mut(&mut self) -> OptionalNullable<&mut T> {
        match self {
            OptionalNullable::Unset => OptionalNullable::Unset,
            OptionalNullable::Null => OptionalNullable::Null,
            OptionalNullable::Value(v) => OptionalNullable::Value(v),
        }
    }

    /// The value as an `Option` of a reference (`Unset` and `Null` both give `None`).
    ///
    /// ```
    /// assert_eq!(mdmodel::OptionalNullable::<u8>::Null.as_option(), None);
    /// ```
    pub const fn as_option(&self) -> Option<&T> {
        match self {
            OptionalNullable::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Converts into an `Option`, `Unset` and `Null` both becoming `None`.
    ///
    /// ```
    /// assert_eq!(mdmodel::OptionalNullable::Value(3).into_option(), Some(3));
    /// ```
    pub fn into_option(self) -> Option<T> {
        match self {
            OptionalNullable::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Maps the value, keeping `Unset` and `Null`.
    ///
    /// ```
    /// use mdmodel::OptionalNullable;
    /// assert_eq!(OptionalNullable::Value(2).map(|v| v + 1), OptionalNullable::Value(3));
    /// assert_eq!(OptionalNullable::<i32>::Null.map(|v| v + 1), OptionalNullable::Null);
    /// ```
    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> OptionalNullable<U> {
        match self {
            OptionalNullable::Unset => OptionalNullable::Unset,
            OptionalNullable::Null => OptionalNullable::Null,
            OptionalNullable::Value(v) => OptionalNullable::Value(f(v)),
        }
    }
}

/// `None` becomes `Unset`, so that a value built from an `Option` is omitted rather than
/// written as `null`.
///
/// ```
/// use mdmodel::OptionalNullable;
/// assert_eq!(OptionalNullable::from(Some(1)), OptionalNullable::Value(1));
/// assert_eq!(OptionalNullable::<i32>::from(None::<i32>), OptionalNullable::Unset);
/// ```
impl<T> From<Option<T>> for OptionalNullable<T> {
    fn from(value: Option<T>) -> Self {
        match value {
            None => OptionalNullable::Unset,
            Some(v) => OptionalNullable::Value(v),
        }
    }
}

/// The outer `None` is `Unset`, `Some(None)` is `Null`.
///
/// ```
/// use mdmodel::OptionalNullable;
/// assert_eq!(OptionalNullable::<i32>::from(None::<Option<i32>>), OptionalNullable::Unset);
/// assert_eq!(OptionalNullable::<i32>::from(Some(None)), OptionalNullable::Null);
/// assert_eq!(OptionalNullable::from(Some(Some(1))), OptionalNullable::Value(1));
/// ```
impl<T> From<Option<Option<T>>> for OptionalNullable<T> {
    fn from(value: Option<Option<T>>) -> Self {
        match value {
            None => OptionalNullable::Unset,
            Some(None) => OptionalNullable::Null,
            Some(Some(v)) => OptionalNullable::Value(v),
        }
    }
}

/// `Unset` becomes `None`, `Null` becomes `Some(None)`.
///
/// ```
/// use mdmodel::OptionalNullable;
/// assert_eq!(Option::<Option<i32>>::from(OptionalNullable::Unset), None);
/// assert_eq!(Option::<Option<i32>>::from(OptionalNullable::Null), Some(None));
/// assert_eq!(Option::from(OptionalNullable::Value(1)), Some(Some(1)));
/// ```
impl<T> From<OptionalNullable<T>> for Option<Option<T>> {
    fn from(value: OptionalNullable<T>) -> Self {
        match value {
            OptionalNullable::Unset => None,
            OptionalNullable::Null => Some(None),
            OptionalNullable::Value(v) => Some(Some(v)),
        }
    }
}

/// A present field: `Null` stays `Null`, a value stays a value.
///
/// ```
/// use mdmodel::{Nullable, OptionalNullable};
/// assert_eq!(OptionalNullable::from(Nullable::Value(2)), OptionalNullable::Value(2));
/// assert_eq!(OptionalNullable::<i32>::from(Nullable::Null), OptionalNullable::Null);
/// ```
impl<T> From<crate::Nullable<T>> for OptionalNullable<T> {
    fn from(value: crate::Nullable<T>) -> Self {
        match value {
            crate::Nullable::Null => OptionalNullable::Null,
            crate::Nullable::Value(v) => OptionalNullable::Value(v),
        }
    }
}

impl<T: Serialize> Serialize for OptionalNullable<T> {
    /// `Unset` is written as `null` where a serializer is asked for it directly; generated
    /// structs skip `Unset` fields, so it never reaches the wire there.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OptionalNullable::Unset | OptionalNullable::Null => serializer.serialize_none(),
            OptionalNullable::Value(v) => serializer.serialize_some(v),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OptionalNullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(deserializer)? {
            None => OptionalNullable::Null,
            Some(v) => OptionalNullable::Value(v),
        })
    }
}
