//! Reading payloads with errors that name the field path.

use std::fmt;

use serde::de::DeserializeOwned;

/// A payload that does not fit its type: the path of the field (`request_counts.total`) and
/// what was wrong there.
///
/// ```
/// #[derive(serde::Deserialize, Debug)]
/// struct Counts { total: i64 }
/// #[derive(serde::Deserialize, Debug)]
/// struct Batch { request_counts: Counts }
///
/// let err = mdmodel::from_str::<Batch>(r#"{"request_counts": {"total": "many"}}"#).unwrap_err();
/// assert_eq!(err.path(), "request_counts.total");
/// assert!(err.to_string().starts_with("request_counts.total: invalid type: string \"many\""));
/// ```
#[derive(Debug)]
pub struct PayloadError {
    path: String,
    inner: serde_json::Error,
}

impl PayloadError {
    /// The dotted path of the field where reading failed (`.` for the top level).
    ///
    /// ```
    /// let err = mdmodel::from_str::<Vec<i64>>("[1, 2] x").unwrap_err();
    /// assert_eq!(err.path(), ".");
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The error of serde_json underneath.
    ///
    /// ```
    /// let err = mdmodel::from_str::<bool>("1").unwrap_err();
    /// assert!(err.inner().is_data());
    /// let err = mdmodel::from_str::<bool>("tr").unwrap_err();
    /// assert!(err.inner().is_eof());
    /// ```
    pub fn inner(&self) -> &serde_json::Error {
        &self.inner
    }

    /// The line (1-based) of the payload where reading failed, 0 where it is not known.
    ///
    /// ```
    /// let err = mdmodel::from_str::<Vec<i64>>("[1,\n true]").unwrap_err();
    /// assert_eq!(err.line(), 2);
    /// ```
    pub fn line(&self) -> usize {
        self.inner.line()
    }

    /// The column (1-based) of the payload where reading failed, 0 where it is not known.
    ///
    /// ```
    /// let err = mdmodel::from_str::<Vec<i64>>("[1,\n true]").unwrap_err();
    /// assert_eq!(err.column(), 5);
    /// ```
    pub fn column(&self) -> usize {
        self.inner.column()
    }
}

impl fmt::Display for PayloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path == "." {
            write!(f, "{}", self.inner)
        } else {
            write!(f, "{}: {}", self.path, self.inner)
        }
    }
}

impl std::error::Error for PayloadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.inner)
    }
}

impl From<serde_path_to_error::Error<serde_json::Error>> for PayloadError {
    fn from(e: serde_path_to_error::Error<serde_json::Error>) -> Self {
        let path = e.path().to_string();
        PayloadError { path, inner: e.into_inner() }
    }
}

/// Reads a value from JSON text; an error names the field path where reading failed.
///
/// ```
/// let v: Vec<i64> = mdmodel::from_str("[1, 2]").unwrap();
/// assert_eq!(v, [1, 2]);
/// let err = mdmodel::from_str::<Vec<i64>>("[1, true]").unwrap_err();
/// assert_eq!(err.path(), "[1]");
/// ```
pub fn from_str<T: DeserializeOwned>(json: &str) -> Result<T, PayloadError> {
    from_slice(json.as_bytes())
}

/// Reads a value from JSON bytes; an error names the field path where reading failed.
///
/// ```
/// let v: bool = mdmodel::from_slice(b"true").unwrap();
/// assert!(v);
/// ```
pub fn from_slice<T: DeserializeOwned>(json: &[u8]) -> Result<T, PayloadError> {
    // Tracking the path costs on every value; read without it, and read again with it only
    // to explain a failure.
    if let Ok(v) = serde_json::from_slice(json) {
        return Ok(v);
    }
    let mut de = serde_json::Deserializer::from_slice(json);
    let value = serde_path_to_error::deserialize(&mut de)?;
    de.end().map_err(|inner| PayloadError { path: ".".to_owned(), inner })?;
    Ok(value)
}

/// Reads a value from a [`serde_json::Value`]; an error names the field path.
///
/// ```
/// let v: String = mdmodel::from_value(serde_json::json!("x")).unwrap();
/// assert_eq!(v, "x");
/// ```
pub fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, PayloadError> {
    if let Ok(v) = T::deserialize(&value) {
        return Ok(v);
    }
    Ok(serde_path_to_error::deserialize(value)?)
}

/// Writes a value as compact JSON text, so that a crate using the generated types needs no
/// `serde_json` dependency of its own to write them back.
///
/// The error is `serde_json`'s, for a value JSON cannot hold (a map whose keys are not
/// strings); a generated type always writes.
///
/// ```
/// let text = mdmodel::to_string(&vec![1, 2]).unwrap();
/// assert_eq!(text, "[1,2]");
/// ```
pub fn to_string<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string(value)
}

/// Writes a value as indented JSON text (see [`to_string`]).
///
/// ```
/// let text = mdmodel::to_string_pretty(&serde_json::json!({"a": 1})).unwrap();
/// assert_eq!(text, "{\n  \"a\": 1\n}");
/// ```
pub fn to_string_pretty<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(value)
}
