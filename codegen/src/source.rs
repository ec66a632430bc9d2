//! Source files and locations in them.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// A place in a doc: file, 1-based line and 1-based column (in characters).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Loc {
    /// The file.
    pub file: Arc<Path>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
    }
}

/// A doc's text with an index of its line starts, to turn byte offsets into [`Loc`]s.
#[derive(Debug, Clone)]
pub struct SourceText<'a> {
    file: Arc<Path>,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> SourceText<'a> {
    /// Indexes `text`, read from `file`.
    pub fn new(file: Arc<Path>, text: &'a str) -> Self {
        let bytes = text.as_bytes();
        // The corpus has about one line per 150 bytes; a guess that saves most regrowing.
        let mut line_starts = Vec::with_capacity(bytes.len() / 64 + 1);
        line_starts.push(0);
        if !bytes.contains(&b'\r') {
            // The common case: `\n` only, found with the library's word-at-a-time search.
            line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        } else {
            for (i, &b) in bytes.iter().enumerate() {
                match b {
                    b'\n' => line_starts.push(i + 1),
                    // A lone CR ends a line too, as CommonMark reads it.
                    b'\r' if bytes.get(i + 1) != Some(&b'\n') => line_starts.push(i + 1),
                    _ => {}
                }
            }
        }
        SourceText { file, text, line_starts }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The file.
    pub fn file(&self) -> &Arc<Path> {
        &self.file
    }

    /// The location of a byte offset.
    pub fn loc(&self, offset: usize) -> Loc {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Loc { file: self.file.clone(), line: line as u32 + 1, column: column as u32 }
    }

    /// The whole line that holds a byte offset, without its line ending.
    pub fn line_text(&self, offset: usize) -> &'a str {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let end = self.line_starts.get(line + 1).copied().unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}
