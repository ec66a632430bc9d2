//! [`Nullable<T>`]: a value that must be present but may be `null`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field the doc types `Nullable[T]`: required, but `null` is a valid value.
///
/// On the wire the field must be present: `null` reads as [`Nullable::Null`], any
/// other value as [`Nullable::Value`]. It is always written, as `null` when `Null`.
/// It takes exactly the memory of an `Option<T>`.
///
/// Generated structs mark such fields with
/// `#[serde(deserialize_with = "::mdmodel::__private::deserialize_nullable")]`, which makes an
/// absent field an error that names it; a hand-written struct should do the same.
///
/// ```
/// use mdmodel::Nullable;
///
/// let at: Nullable<i64> = serde_json::from_str("null").unwrap();
/// assert!(at.is_null());
/// let at: Nullable<i64> = serde_json::from_str("1739263567").unwrap();
/// assert_eq!(at, Nullable::Value(1739263567));
/// assert_eq!(at.as_option(), Some(&1739263567));
/// assert_eq!(serde_json::to_string(&Nullable::<i64>::Null).unwrap(), "null");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Nullable<T> {
    /// The payload holds `null`.
    #[default]
    Null,
    /// The payload holds a value.
    Value(T),
}

impl<T> Nullable<T> {
    /// `true` where the value is `null`.
    ///
    /// ```
    /// assert!(mdmodel::Nullable::<u8>::Null.is_null());
    /// ```
    pub const fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// `true` where there is a value.
    ///
    /// ```
    /// assert!(mdmodel::Nullable::Value(1).is_value());
    /// ```
    pub const fn is_value(&self) -> bool {
        matches!(self, Nullable::Value(_))
    }

    /// Borrows the value.
    ///
    /// ```
    /// use mdmodel::Nullable;
    /// let name = Nullable::Value(String::from("batch"));
    /// assert_eq!(name.as_ref(), Nullable::Value(&String::from("batch")));
    /// ```
    pub const fn as_ref(&self) -> Nullable<&T> {
        match self {
            Nullable::Null => Nullable::Null,
            Nullable::Value(v) => Nullable::Value(v),
        }
    }

    /// Borrows the value mutably.
    ///
    /// ```
    /// use mdmodel::Nullable;
    /// let mut n = Nullable::Value(1);
    /// if let Nullable::Value(v) = n.as_mut() { *v += 1; }
    /// assert_eq!(n, Nullable::Value(2));
    /// ```
    pub fn as_mut(&mut self) -> Nullable<&mut T> {
        match self {
            Nullable::Null => Nullable::Null,
            Nullable::Value(v) => Nullable::Value(v),
        }
    }

    /// The value as an `Option` of a reference.
    ///
    /// ```
    /// assert_eq!(mdmodel::Nullable::<u8>::Null.as_option(), None);
    /// ```
    pub const fn as_option(&self) -> Option<&T> {
        match self {
            Nullable::Null => None,
            Nullable::Value(v) => Some(v),
        }
    }

    /// Converts into an `Option`, `Null` becoming `None`.
    ///
    /// ```
    /// assert_eq!(mdmodel::Nullable::Value(3).into_option(), Some(3));
    /// ```
    pub fn into_option(self) -> Option<T> {
        self.into()
    }

    /// Maps the value, keeping `Null`.
    ///
    /// ```
    /// use mdmodel::Nullable;
    /// assert_eq!(Nullable::Value(2).map(|v| v * 10), Nullable::Value(20));
    /// assert_eq!(Nullable::<i32>::Null.map(|v| v * 10), Nullable::Null);
    /// ```
    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Nullable<U> {
        match self {
            Nullable::Null => Nullable::Null,
            Nullable::Value(v) => Nullable::Value(f(v)),
        }
    }

    /// The value, or `default` where `Null`.
    ///
    /// ```
    /// assert_eq!(mdmodel::Nullable::Null.unwrap_or(7), 7);
    /// ```
    pub fn unwrap_or(self, default: T) -> T {
        match self {
            Nullable::Null => default,
            Nullable::Value(v) => v,
        }
    }
}

/// `None` becomes `Null`.
///
/// ```
/// use mdmodel::Nullable;
/// assert_eq!(Nullable::from(Some(1)), Nullable::Value(1));
/// assert_eq!(Nullable::<i32>::from(None), Nullable::Null);
/// ```
impl<T> From<Option<T>> for Nullable<T> {
    fn from(value: Option<T>) -> Self {
        match value {
            None => Nullable::Null,
            Some(v) => Nullable::Value(v),
        }
    }
}

/// `Null` becomes `None`.
///
/// ```
/// use mdmodel::Nullable;
/// assert_eq!(Option::from(Nullable::Value(1)), Some(1));
/// assert_eq!(Option::<i32>::from(Nullable::Null), None);
/// ```
impl<T> From<Nullable<T>> for Option<T> {
    fn from(value: Nullable<T>) -> Self {
        match value {
            Nullable::Null => None,
            Nullable::Value(v) => Some(v),
        }
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Null => serializer.serialize_none(),
            Nullable::Value(v) => serializer.serialize_some(v),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Nullable::from)
    }
}
