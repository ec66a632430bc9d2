//! Parsing one model doc (Markdown) into a [`Doc`].
//!
//! pulldown-cmark finds the structure (headings, tables, lists, code blocks, so that a `#`
//! line inside a code block stays code); the cells' source text is then read as the
//! dialect: type expressions by [`crate::typeexpr`], the Required marks, enum values.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::error::{Error, ErrorKind, Errors};
use crate::ir::{Doc, Enum, EnumLiteral, EnumValue, Field, LinkAt, TypeDef, TypeKind, UnionMember};
use crate::source::{Loc, SourceText};
use crate::typeexpr::parse_type;

/// Parses the text of one doc, read from `path`. Every problem found is reported, not
/// only the first.
pub fn parse_doc(path: &Path, text: &str) -> Result<Doc, Errors> {
    let file: Arc<Path> = Arc::from(path);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let src = SourceText::new(file, text);
    let mut p = DocParser { src: &src, models: Vec::new(), errors: Errors::default() };
    p.run();
    let DocParser { models, mut errors, .. } = p;
    if models.is_empty() && errors.is_empty() {
        errors.push(
            Error::at(ErrorKind::MissingTitle, src.loc(0), "the doc has no `# Title` heading")
                .with_help("a model doc starts with `# TypeName`"),
        );
    }
    errors.into_result(Doc { path: path.to_path_buf(), models: models.into_iter().map(|m| m.finish()).collect() })
}

/// The section of a model that the parser is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Before any section: paragraphs are the description.
    Intro,
    Fields,
    Values,
    SupportedTypes,
    /// Any other section (`## Example Usage`): ignored.
    Other,
}

/// A model while its doc is read.
struct ModelBuilder {
    name: String,
    loc: Loc,
    docs: Vec<String>,
    section: Section,
    kind: Option<TypeKind<LinkAt>>,
    /// The enum values listed so far, with the line of each, to report one listed twice.
    values_seen: HashMap<EnumLiteral, u32>,
}

impl ModelBuilder {
    fn finish(self) -> TypeDef<LinkAt> {
        TypeDef {
            name: self.name,
            docs: self.docs.join("\n\n"),
            loc: self.loc,
            kind: self.kind.unwrap_or(TypeKind::Opaque),
        }
    }
}

struct DocParser<'s, 'a> {
    src: &'s SourceText<'a>,
    models: Vec<ModelBuilder>,
    errors: Errors,
}

/// A table's rows as source cells: each cell's trimmed text and its byte offset.
struct RawTable<'a> {
    header: Vec<(&'a str, usize)>,
    rows: Vec<Vec<(&'a str, usize)>>,
}

impl<'s, 'a> DocParser<'s, 'a> {
    fn run(&mut self) {
        let text = self.src.text();
        let mut events = Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter();
        while let Some((event, range)) = events.next() {
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    let mut heading = String::new();
                    for (e, _) in events.by_ref() {
                        match e {
                            Event::End(TagEnd::Heading(_)) => break,
                            Event::Text(t) | Event::Code(t) => heading.push_str(&t),
                            _ => {}
                        }
                    }
                    self.heading(level, heading.trim(), range.start);
                }
                Event::Start(Tag::Table(_)) => {
                    let table = self.collect_table(&mut events);
                    self.table(table, range.start);
                }
                Event::Start(Tag::Paragraph) => {
                    let mut end = range.end;
                    for (e, r) in events.by_ref() {
                        if let Event::End(TagEnd::Paragraph) = e {
                            end = r.end;
                            break;
                        }
                    }
                    self.paragraph(&text[range.start..end]);
                }
                Event::Start(Tag::Item) => {
                    let mut end = range.end;
                    let mut depth = 0usize;
                    for (e, r) in events.by_ref() {
                        match e {
                            Event::Start(Tag::Item) => depth += 1,
                            Event::End(TagEnd::Item) if depth == 0 => {
                                end = r.end;
                                break;
                            }
                            Event::End(TagEnd::Item) => depth -= 1,
                            _ => {}
                        }
                    }
                    self.list_item(&text[range.start..end], range.start);
                }
                _ => {}
            }
        }
    }

    fn collect_table<I>(&mut self, events: &mut I) -> RawTable<'a>
    where
        I: Iterator<Item = (Event<'a>, std::ops::Range<usize>)>,
    {
        let text = self.src.text();
        let mut table = RawTable { header: Vec::new(), rows: Vec::new() };
        let mut row: Vec<(&'a str, usize)> = Vec::new();
        for (e, r) in events.by_ref() {
            match e {
                Event::End(TagEnd::TableHead) => {
                    table.header = std::mem::take(&mut row);
                }
                Event::End(TagEnd::TableRow) => table.rows.push(std::mem::take(&mut row)),
                Event::Start(Tag::TableCell) => {
                    let raw = &text[r.clone()];
                    let cell = trim(raw);
                    let lead = if cell.is_empty() {
                        raw.len() - raw.trim_start().len()
                    } else {
                        cell.as_ptr() as usize - raw.as_ptr() as usize
                    };
                    row.push((cell, r.start + lead));
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        table
    }

    fn current(&mut self) -> Option<&mut ModelBuilder> {
        self.models.last_mut()
    }

    fn error(&mut self, e: Error) {
        self.errors.push(e);
    }

    fn heading(&mut self, level: HeadingLevel, text: &str, offset: usize) {
        let loc = self.src.loc(offset);
        let section = match text {
            "Fields" => Some(Section::Fields),
            "Values" => Some(Section::Values),
            "Supported Types" => Some(Section::SupportedTypes),
            _ => None,
        };
        match (level, section) {
            (HeadingLevel::H1, _) => self.start_model(text, loc, offset),
            (HeadingLevel::H2 | HeadingLevel::H3, Some(section)) => {
                if let Some(m) = self.current() {
                    m.section = section;
                } else {
                    self.error(
                        Error::at(ErrorKind::MissingTitle, loc, format!("a `{text}` section before the doc's `# Title`"))
                            .with_snippet(self.src.line_text(offset)),
                    );
                }
            }
            (HeadingLevel::H3, None)
                if self.models.last().is_some_and(|m| m.section == Section::SupportedTypes) =>
            {
                self.union_member(text, loc, offset)
            }
            (HeadingLevel::H2, None) if is_type_name(text) && !self.models.is_empty() => {
                self.start_model(text, loc, offset)
            }
            _ => {
                if let Some(m) = self.current() {
                    m.section = Section::Other;
                }
            }
        }
    }

    fn start_model(&mut self, name: &str, loc: Loc, offset: usize) {
        if name.is_empty() {
            self.error(
                Error::at(ErrorKind::MissingTitle, loc.clone(), "an empty title")
                    .with_snippet(self.src.line_text(offset)),
            );
        }
        self.models.push(ModelBuilder {
            name: name.to_owned(),
            loc,
            docs: Vec::new(),
            section: Section::Intro,
            kind: None,
            values_seen: HashMap::new(),
        });
    }

    fn paragraph(&mut self, raw: &str) {
        let Some(m) = self.current() else { return };
        match m.section {
            Section::Intro => m.docs.push(raw.trim().to_owned()),
            Section::Values if raw.to_ascii_lowercase().contains("open enum") => {
                if let Some(TypeKind::Enum(e)) = &mut m.kind {
                    e.open = true;
                } else if m.kind.is_none() {
                    m.kind = Some(TypeKind::Enum(Enum { values: Vec::new(), open: true }));
                }
            }
            _ => {}
        }
    }

    /// Sets the kind of the current model, or reports a second, different section.
    fn kind_mut(&mut self, section: Section, offset: usize) -> Option<&mut TypeKind<LinkAt>> {
        let m = self.models.last_mut()?;
        let fresh = match section {
            Section::Fields => TypeKind::Struct(Vec::new()),
            Section::Values => TypeKind::Enum(Enum { values: Vec::new(), open: false }),
            Section::SupportedTypes => TypeKind::Union(Vec::new()),
            _ => return None,
        };
        let kind = m.kind.get_or_insert(fresh);
        let same = matches!(
            (&*kind, section),
            (TypeKind::Struct(_), Section::Fields)
                | (TypeKind::Enum(_), Section::Values)
                | (TypeKind::Union(_), Section::SupportedTypes)
        );
        if same {
            // Reborrow to satisfy the borrow checker after the check above.
            return self.models.last_mut().and_then(|m| m.kind.as_mut());
        }
        let name = m.name.clone();
        let line = self.src.line_text(offset);
        self.error(
            Error::at(
                ErrorKind::MalformedTable,
                self.src.loc(offset),
                format!("model `{name}` has a second kind of section; a model doc has one of Fields, Values or Supported Types"),
            )
            .with_snippet(line),
        );
        None
    }

    fn union_member(&mut self, text: &str, loc: Loc, offset: usize) {
        let parsed = parse_type(text, &loc);
        let Some(kind) = self.kind_mut(Section::SupportedTypes, offset) else { return };
        match (parsed, kind) {
            (Ok(ty), TypeKind::Union(members)) => members.push(UnionMember { ty, text: text.to_owned(), loc }),
            (Err(e), _) => self.error(e),
            _ => {}
        }
    }

    fn list_item(&mut self, raw: &str, offset: usize) {
        if self.models.last().map(|m| m.section) != Some(Section::Values) {
            return;
        }
        let loc = self.src.loc(offset);
        let item = raw.trim_start_matches(['-', '*', '+']).trim();
        let value = enum_list_value(item);
        let Some(value) = value else {
            self.error(
                Error::at(ErrorKind::MalformedTable, loc, "an enum value in a list must be written in backticks, as ``- `\"value\"` ``")
                    .with_snippet(self.src.line_text(offset)),
            );
            return;
        };
        if self.value_listed_twice(&value, &loc, offset) {
            return;
        }
        if let Some(TypeKind::Enum(e)) = self.kind_mut(Section::Values, offset) {
            e.values.push(EnumValue { name: literal_text(&value), value, loc });
        }
    }

    /// Notes an enum value of the current model; reports it (at `offset`) where it was listed
    /// before.
    fn value_listed_twice(&mut self, value: &EnumLiteral, loc: &Loc, offset: usize) -> bool {
        let Some(m) = self.models.last_mut() else { return false };
        match m.values_seen.get(value) {
            Some(&first) => {
                let err = Error::at(
                    ErrorKind::MalformedTable,
                    loc.clone(),
                    format!("the enum value `{}` is listed twice (first at line {first})", literal_text(value)),
                )
                .with_snippet(self.src.line_text(offset))
                .with_help("an enum lists each value once");
                self.error(err);
                true
            }
            None => {
                m.values_seen.insert(value.clone(), loc.line);
                false
            }
        }
    }

    fn table(&mut self, table: RawTable<'a>, offset: usize) {
        let Some(section) = self.models.last().map(|m| m.section) else { return };
        match section {
            Section::Fields => self.fields_table(table, offset),
            Section::Values => self.values_table(table, offset),
            _ => {}
        }
    }

    /// Checks that each row has as many cells as the header; reports the rows that do not.
    fn check_row_widths(&mut self, table: &RawTable<'a>) -> bool {
        let width = count_cells(self.src.line_text(table.header.first().map_or(0, |c| c.1)));
        let mut ok = true;
        for row in &table.rows {
            let Some(&(_, off)) = row.first() else { continue };
            let line = self.src.line_text(off);
            let n = count_cells(line);
            if n != width {
                ok = false;
                self.error(
                    Error::at(
                        ErrorKind::MalformedTable,
                        self.src.loc(off),
                        format!("a table row with {n} cells where the header has {width}"),
                    )
                    .with_snippet(line)
                    .with_help("a `|` inside a cell is written `\\|`"),
                );
            }
        }
        ok
    }

    fn fields_table(&mut self, table: RawTable<'a>, offset: usize) {
        let col = |name: &str| table.header.iter().position(|(h, _)| h.eq_ignore_ascii_case(name));
        let name_col = col("Field").or_else(|| col("Name"));
        let type_col = col("Type");
        let (Some(name_col), Some(type_col)) = (name_col, type_col) else {
            self.error(
                Error::at(
                    ErrorKind::MalformedTable,
                    self.src.loc(offset),
                    "a Fields table needs a `Field` (or `Name`) column and a `Type` column",
                )
                .with_snippet(self.src.line_text(offset)),
            );
            return;
        };
        let required_col = col("Required");
        let docs_col = col("Description");
        let example_col = col("Example");
        if self.kind_mut(Section::Fields, offset).is_none() {
            return;
        }
        if !self.check_row_widths(&table) {
            return;
        }
        // The wire names already taken (a second Fields table of a model adds to the first),
        // with the field that took each and its line.
        let mut taken: std::collections::HashMap<String, (String, u32)> = match self.models.last().and_then(|m| m.kind.as_ref()) {
            Some(TypeKind::Struct(all)) => all.iter().map(|f| (f.wire_name.clone(), (f.name.clone(), f.loc.line))).collect(),
            _ => Default::default(),
        };
        let mut fields = Vec::new();
        for row in &table.rows {
            let cell = |i: usize| row.get(i).copied().unwrap_or(("", row.first().map_or(offset, |c| c.1)));
            let (name_raw, name_off) = cell(name_col);
            let loc = self.src.loc(name_off);
            let name = name_raw.trim_matches('`').trim();
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.' || c == '$' || c == '@') {
                self.error(
                    Error::at(ErrorKind::MalformedTable, loc, format!("`{name_raw}` is not a field name"))
                        .with_snippet(self.src.line_text(name_off))
                        .with_help("the first cell of a row is the field's name, in backticks"),
                );
                continue;
            }
            let (type_raw, type_off) = cell(type_col);
            let ty = match parse_type(type_raw, &self.src.loc(type_off)) {
                Ok(ty) => ty,
                Err(e) => {
                    self.error(e);
                    continue;
                }
            };
            let required = match required_col.map(cell) {
                None => None,
                Some((r, r_off)) => match r {
                    ":heavy_check_mark:" | "✔️" | "✔" => Some(true),
                    ":heavy_minus_sign:" | "➖" | "-" => Some(false),
                    _ => {
                        self.error(
                            Error::at(
                                ErrorKind::MalformedTable,
                                self.src.loc(r_off),
                                format!("`{r}` in the Required column"),
                            )
                            .with_snippet(self.src.line_text(r_off))
                            .with_help("write `:heavy_check_mark:` for a required field, `:heavy_minus_sign:` for an optional one"),
                        );
                        continue;
                    }
                },
            };
            let wire = wire_name(name);
            if let Some((first, line)) = taken.get(wire) {
                self.error(
                    Error::at(
                        ErrorKind::MalformedTable,
                        loc,
                        format!("field `{name}` repeats the wire name `{wire}` of field `{first}` (line {line})"),
                    )
                    .with_snippet(self.src.line_text(name_off))
                    .with_help("a model lists each field once (the `_` the generator appends, as in `schema_`, is not on the wire)"),
                );
                continue;
            }
            taken.insert(wire.to_owned(), (name.to_owned(), loc.line));
            let docs = docs_col.map(|i| cell_markdown(cell(i).0)).unwrap_or_default();
            let example = example_col.map(|i| cell_markdown(cell(i).0)).filter(|e| !e.is_empty());
            fields.push(Field {
                wire_name: wire.to_owned(),
                name: name.to_owned(),
                ty,
                required,
                docs,
                example,
                loc,
            });
        }
        if let Some(TypeKind::Struct(all)) = self.kind_mut(Section::Fields, offset) {
            all.extend(fields);
        }
    }

    fn values_table(&mut self, table: RawTable<'a>, offset: usize) {
        let col = |name: &str| table.header.iter().position(|(h, _)| h.eq_ignore_ascii_case(name));
        let (Some(name_col), Some(value_col)) = (col("Name"), col("Value")) else {
            self.error(
                Error::at(ErrorKind::MalformedTable, self.src.loc(offset), "a Values table needs a `Name` column and a `Value` column")
                    .with_snippet(self.src.line_text(offset)),
            );
            return;
        };
        if !self.check_row_widths(&table) {
            return;
        }
        let mut raw_values = Vec::new();
        for row in &table.rows {
            let (Some(&(name, name_off)), Some(&(value, _))) = (row.get(name_col), row.get(value_col)) else { continue };
            let name = name.trim_matches('`').trim();
            let value = unescape_cell(value.trim_matches('`'));
            if name.is_empty() {
                self.error(
                    Error::at(ErrorKind::MalformedTable, self.src.loc(name_off), "an enum value without a name")
                        .with_snippet(self.src.line_text(name_off)),
                );
                continue;
            }
            raw_values.push((name.to_owned(), value, name_off));
        }
        let all_int = !raw_values.is_empty() && raw_values.iter().all(|(_, v, _)| is_int_literal(v));
        let mut values = Vec::new();
        for (name, value, name_off) in raw_values {
            let loc = self.src.loc(name_off);
            let value = match value.parse::<i64>() {
                Ok(i) if all_int => EnumLiteral::Int(i),
                _ => EnumLiteral::Str(value),
            };
            if self.value_listed_twice(&value, &loc, name_off) {
                continue;
            }
            values.push(EnumValue { name, value, loc });
        }
        if let Some(TypeKind::Enum(e)) = self.kind_mut(Section::Values, offset) {
            e.values.extend(values);
        }
    }
}

/// An enum value as the doc writes it.
fn literal_text(v: &EnumLiteral) -> String {
    match v {
        EnumLiteral::Str(s) => s.clone(),
        EnumLiteral::Int(i) => i.to_string(),
    }
}

/// Whether a heading's text names a type (a second model in a doc: `## BackoffStrategy`).
fn is_type_name(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_int_literal(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    !digits.is_empty() && digits.len() <= 18 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The value of a bulleted enum item: ``- `"event.x"` `` (a string) or ``- `5` `` (an int).
fn enum_list_value(item: &str) -> Option<EnumLiteral> {
    let inner = item.strip_prefix('`')?.strip_suffix('`')?.trim();
    if let Some(s) = inner.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        return Some(EnumLiteral::Str(s.replace("\\\"", "\"")));
    }
    if is_int_literal(inner) {
        return inner.parse().ok().map(EnumLiteral::Int);
    }
    Some(EnumLiteral::Str(inner.to_owned()))
}

/// The wire name of a field: the Python generator appends `_` to names that clash with
/// Python keywords and builtins (`schema_`, `in_`, `format_`); the wire has them without.
pub fn wire_name(name: &str) -> &str {
    match name.strip_suffix('_') {
        Some(base) if !base.is_empty() && !base.ends_with('_') => base,
        _ => name,
    }
}

/// Counts the cells of a table line: unescaped pipes, less a leading and a trailing one.
fn count_cells(line: &str) -> usize {
    let t = trim(line);
    let bytes = t.as_bytes();
    let mut pipes;
    if !bytes.contains(&b'\\') {
        // No escapes: every pipe counts (a loop the compiler vectorizes).
        pipes = bytes.iter().filter(|&&b| b == b'|').count();
    } else {
        pipes = 0;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 1,
                b'|' => pipes += 1,
                _ => {}
            }
            i += 1;
        }
    }
    let mut cells = pipes + 1;
    if t.starts_with('|') {
        cells -= 1;
    }
    if t.len() > 1 && t.ends_with('|') && !t.ends_with("\\|") {
        cells -= 1;
    }
    cells
}

/// `str::trim`, with the runs of spaces that pad the docs' table cells skipped a byte at a
/// time first (`trim` decodes each character).
fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let mut start = 0;
    while start < b.len() && b[start] == b' ' {
        start += 1;
    }
    let mut end = b.len();
    while end > start && b[end - 1] == b' ' {
        end -= 1;
    }
    // Cut at ASCII spaces, so at character boundaries.
    s[start..end].trim()
}

fn unescape_cell(s: &str) -> String {
    s.replace("\\|", "|")
}

/// A description or example cell as Markdown for rustdoc: `<br/>` becomes a line break,
/// `\|` a pipe.
pub fn cell_markdown(s: &str) -> String {
    let s = trim(s);
    if !s.bytes().any(|b| b == b'\\' || b == b'<') {
        // Nothing to unescape or break: the replacements below would change nothing.
        return s.to_owned();
    }
    let s = unescape_cell(s);
    let s = s.replace("<br/>", "\n").replace("<br />", "\n").replace("<br>", "\n");
    s.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Link, TypeExpr};

    fn doc(text: &str) -> Doc {
        parse_doc(Path::new("specs/x.md"), text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn fields_table() {
        let d = doc("# Counts\n\nHow many.\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `total` | *int* | :heavy_check_mark: | All<br/>of them \\| really |\n| `schema_` | [Optional[models.S]](../models/s.md) | :heavy_minus_sign: | N/A |\n");
        assert_eq!(d.models.len(), 1);
        let m = &d.models[0];
        assert_eq!(m.name, "Counts");
        assert_eq!(m.docs, "How many.");
        assert_eq!(m.loc.line, 1);
        let TypeKind::Struct(fields) = &m.kind else { panic!("not a struct") };
        assert_eq!(fields.len(), 2);
        assert_eq!(fields[0].name, "total");
        assert_eq!(fields[0].ty, TypeExpr::Int);
        assert_eq!(fields[0].required, Some(true));
        assert_eq!(fields[0].docs, "All\nof them | really");
        assert_eq!(fields[0].loc.line, 9);
        assert_eq!(fields[1].wire_name, "schema");
        assert!(matches!(&fields[1].ty, TypeExpr::Optional(t) if matches!(&**t, TypeExpr::Ref(l) if matches!(&l.link, Link::File { path, .. } if path == "../models/s.md"))));
    }

    #[test]
    fn values_table_and_list() {
        let d = doc("# O\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `BATCH` | batch |\n| `TWO_WORDS` | Two words |\n");
        let TypeKind::Enum(e) = &d.models[0].kind else { panic!() };
        assert!(!e.open);
        assert_eq!(e.values[1].name, "TWO_WORDS");
        assert_eq!(e.values[1].value, EnumLiteral::Str("Two words".into()));

        let d = doc("# E\n\n## Values\n\nThis is an open enum. Unrecognized values will not fail type checks.\n\n- `\"event.a\"`\n- `\"event.b\"`\n");
        let TypeKind::Enum(e) = &d.models[0].kind else { panic!() };
        assert!(e.open);
        assert_eq!(e.values.len(), 2);
        assert_eq!(e.values[0].value, EnumLiteral::Str("event.a".into()));

        let d = doc("# N\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `ONE` | 1 |\n| `TWO` | 2 |\n");
        let TypeKind::Enum(e) = &d.models[0].kind else { panic!() };
        assert!(e.is_int());
        assert_eq!(e.values[1].value, EnumLiteral::Int(2));
    }

    #[test]
    fn union_and_code_blocks() {
        let d = doc("# U\n\n## Supported Types\n\n### `str`\n\n```python\n# not a title\nvalue: str = /* values here */\n```\n\n### `models.Format1`\n\n```python\nvalue: models.Format1 = /* values here */\n```\n");
        assert_eq!(d.models.len(), 1);
        let TypeKind::Union(members) = &d.models[0].kind else { panic!() };
        assert_eq!(members.len(), 2);
        assert_eq!(members[0].ty, TypeExpr::Str);
        assert_eq!(members[1].loc.line, 12);
    }

    #[test]
    fn second_model_and_four_column_table() {
        let d = doc("# RetryConfig\n\nText.\n\n## Fields\n\n| Name | Type | Description | Example |\n| --- | --- | --- | --- |\n| `backoff` | [BackoffStrategy](#backoffstrategy) | B. | |\n| `strategy` | `*str*` | S. | `backoff` |\n\n## BackoffStrategy\n\nThe backoff.\n\n### Fields\n\n| Name | Type | Description | Example |\n| --- | --- | --- | --- |\n| `exponent` | `*float*` | E. | `1.5` |\n");
        assert_eq!(d.models.len(), 2);
        assert_eq!(d.models[1].name, "BackoffStrategy");
        assert_eq!(d.models[1].docs, "The backoff.");
        let TypeKind::Struct(f) = &d.models[0].kind else { panic!() };
        assert_eq!(f[0].required, None);
        assert_eq!(f[0].example, None);
        assert_eq!(f[1].example.as_deref(), Some("`backoff`"));
        assert_eq!(f[1].ty, TypeExpr::Str);
    }

    #[test]
    fn opaque_doc() {
        let d = doc("# Blob\n\nAnything at all.\n");
        assert!(matches!(d.models[0].kind, TypeKind::Opaque));
    }

    #[test]
    fn errors_are_located_and_all_reported() {
        let e = parse_doc(Path::new("specs/bad.md"), "# Bad\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *strr* | :heavy_check_mark: | A |\n| `b` | *int* | yes | B |\n| `c` | *int* | :heavy_check_mark: |\n").unwrap_err();
        let msgs: Vec<String> = e.0.iter().map(|e| e.to_string()).collect();
        assert_eq!(e.0.len(), 1, "{msgs:?}");
        assert!(msgs[0].starts_with("specs/bad.md:9:3: a table row with 3 cells where the header has 4"), "{msgs:?}");

        let e = parse_doc(Path::new("specs/bad.md"), "# Bad\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `a` | *strr* | :heavy_check_mark: | A |\n| `b` | *int* | yes | B |\n").unwrap_err();
        let msgs: Vec<String> = e.0.iter().map(|e| e.to_string()).collect();
        assert_eq!(e.0.len(), 2, "{msgs:?}");
        assert!(msgs[0].starts_with("specs/bad.md:7:9: unknown type expression: `strr` is not a type of the dialect"), "{msgs:?}");
        assert!(msgs[1].starts_with("specs/bad.md:8:17: `yes` in the Required column"), "{msgs:?}");

        let e = parse_doc(Path::new("specs/none.md"), "no title here\n").unwrap_err();
        assert_eq!(e.0[0].kind, ErrorKind::MissingTitle);
    }

    #[test]
    fn a_wire_name_listed_twice_is_an_error_at_the_second() {
        let text = "# Dup\n\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| `role` | *str* | :heavy_check_mark: | R. |\n| `schema_` | *str* | :heavy_check_mark: | S. |\n| `role` | *int* | :heavy_check_mark: | Again. |\n| `schema` | *str* | :heavy_check_mark: | S. |\n";
        let e = parse_doc(Path::new("specs/dup.md"), text).unwrap_err();
        let msgs: Vec<String> = e.0.iter().map(|e| e.to_string()).collect();
        assert_eq!(e.0.len(), 2, "{msgs:?}");
        assert!(msgs[0].starts_with("specs/dup.md:9:3: field `role` repeats the wire name `role` of field `role` (line 7)"), "{msgs:?}");
        assert!(msgs[1].starts_with("specs/dup.md:10:3: field `schema` repeats the wire name `schema` of field `schema_` (line 8)"), "{msgs:?}");
        // A second Fields table of the same model counts with the first.
        let two = "# Two\n\n## Fields\n\n| Field | Type |\n| --- | --- |\n| `a` | *str* |\n\n## Fields\n\n| Field | Type |\n| --- | --- |\n| `a` | *str* |\n";
        let e = parse_doc(Path::new("two.md"), two).unwrap_err();
        assert!(e.0[0].to_string().starts_with("two.md:13:3: field `a` repeats the wire name `a` of field `a` (line 7)"), "{e}");
    }

    #[test]
    fn an_enum_value_listed_twice_is_an_error_at_the_second() {
        let msgs = |text: &str| -> Vec<String> { parse_doc(Path::new("e.md"), text).unwrap_err().0.iter().map(|e| e.to_string()).collect() };
        let m = msgs("# P\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `NVIDIA` | nvidia |\n| `OPENAI` | openai |\n| `NVIDIA_AGAIN` | nvidia |\n");
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].starts_with("e.md:9:3: the enum value `nvidia` is listed twice (first at line 7)"), "{m:?}");
        let m = msgs("# R\n\n## Values\n\n- `\"user\"`\n- `\"assistant\"`\n- `\"assistant\"`\n");
        assert!(m[0].starts_with("e.md:7:1: the enum value `assistant` is listed twice (first at line 6)"), "{m:?}");
        // Integers by value: `01` is `1`.
        let m = msgs("# N\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `ONE` | 1 |\n| `UNO` | 01 |\n");
        assert!(m[0].starts_with("e.md:8:3: the enum value `1` is listed twice (first at line 7)"), "{m:?}");
    }

    #[test]
    fn wire_names() {
        assert_eq!(wire_name("schema_"), "schema");
        assert_eq!(wire_name("in_"), "in");
        assert_eq!(wire_name("total"), "total");
        assert_eq!(wire_name("_"), "_");
        assert_eq!(wire_name("a__"), "a__");
    }
}
