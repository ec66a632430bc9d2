//! Errors of the engine: each names the file, the line and the problem.

use std::fmt;
use std::path::PathBuf;

use crate::source::Loc;

/// What went wrong, by kind (each kind has a compile-fail test of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A doc file that does not exist.
    MissingFile,
    /// A file that cannot be read, or is not UTF-8.
    Unreadable,
    /// A file over [`crate::limits::MAX_FILE_BYTES`].
    TooLarge,
    /// A table or section that does not have the expected shape.
    MalformedTable,
    /// A type expression that the dialect does not have.
    UnknownType,
    /// A link to a doc or heading that does not exist.
    DanglingLink,
    /// A link that leaves the directory the build may read.
    OutsideRoot,
    /// Two docs that define the same type name.
    DuplicateType,
    /// A doc without a `# Title`, or whose title is no usable name.
    MissingTitle,
    /// A macro or CLI option that does not exist or has a bad value.
    BadOption,
    /// Nesting deeper than [`crate::limits::MAX_TYPE_DEPTH`].
    TooDeep,
}

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Its kind.
    pub kind: ErrorKind,
    /// Where it is, where that is a place in a doc.
    pub loc: Option<Loc>,
    /// A file the error is about, where there is no place in it (a missing file).
    pub path: Option<PathBuf>,
    /// What is wrong.
    pub message: String,
    /// The offending text, quoted.
    pub snippet: Option<String>,
    /// How to fix it, where that is obvious.
    pub help: Option<String>,
}

impl Error {
    /// A new error of `kind` at `loc`.
    pub fn at(kind: ErrorKind, loc: Loc, message: impl Into<String>) -> Self {
        Error { kind, loc: Some(loc), path: None, message: message.into(), snippet: None, help: None }
    }

    /// A new error about a file, with no place in it.
    pub fn file(kind: ErrorKind, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Error { kind, loc: None, path: Some(path.into()), message: message.into(), snippet: None, help: None }
    }

    /// A new error with no place (a bad option).
    pub fn plain(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error { kind, loc: None, path: None, message: message.into(), snippet: None, help: None }
    }

    /// Quotes the offending text.
    pub fn with_snippet(mut self, snippet: impl Into<String>) -> Self {
        let s: String = snippet.into();
        self.snippet = Some(truncate(s.trim(), 200));
        self
    }

    /// Says how to fix it.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(max_chars).collect();
        format!("{cut}…")
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.loc, &self.path) {
            (Some(loc), _) => write!(f, "{loc}: {}", self.message)?,
            (None, Some(path)) => write!(f, "{}: {}", path.display(), self.message)?,
            (None, None) => f.write_str(&self.message)?,
        }
        if let Some(snippet) = &self.snippet {
            write!(f, "\n  | {snippet}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Every problem found, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Errors(pub Vec<Error>);

impl Errors {
    /// `Ok(value)` where no error was found.
    pub fn into_result<T>(self, value: T) -> Result<T, Errors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// Adds one.
    pub fn push(&mut self, e: Error) {
        self.0.push(e);
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Error> for Errors {
    fn from(e: Error) -> Self {
        Errors(vec![e])
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}
