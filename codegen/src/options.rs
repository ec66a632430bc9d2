//! Options of an expansion, shared by the macros and the CLI.

use std::collections::BTreeMap;
use std::path::PathBuf;

use proc_macro2::{Span, TokenStream};
use quote::quote;

/// How enums treat values their doc does not list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EnumMode {
    /// Open where the doc says so, closed elsewhere (the reference's behaviour).
    #[default]
    AsDocumented,
    /// Every enum keeps unknown values in an `Unrecognized` variant.
    Open,
    /// Every enum refuses unknown values.
    Closed,
}

/// Which Rust type a timestamp (`date` link) becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateTimeMode {
    /// `chrono::DateTime<chrono::FixedOffset>`.
    #[default]
    Chrono,
    /// `time::OffsetDateTime`.
    Time,
    /// A plain `String`.
    String,
}

/// What a struct does with payload fields its doc does not list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExtraFields {
    /// Drop them, as the reference does.
    #[default]
    Ignore,
    /// Keep them in a `extra_fields` map and write them back, so that a proxy loses nothing.
    Keep,
    /// Refuse them.
    Deny,
}

/// A wire-name convention for `rename_all`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RenameRule {
    /// `camelCase`
    Camel,
    /// `PascalCase`
    Pascal,
    /// `snake_case`
    Snake,
    /// `SCREAMING_SNAKE_CASE`
    ScreamingSnake,
    /// `kebab-case`
    Kebab,
    /// `lowercase`
    Lower,
    /// `UPPERCASE`
    Upper,
}

impl RenameRule {
    /// Every rule, with the name an option gives it.
    pub const ALL: &'static [(&'static str, RenameRule)] = &[
        ("camelCase", RenameRule::Camel),
        ("PascalCase", RenameRule::Pascal),
        ("snake_case", RenameRule::Snake),
        ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
        ("kebab-case", RenameRule::Kebab),
        ("lowercase", RenameRule::Lower),
        ("UPPERCASE", RenameRule::Upper),
    ];

    /// Applies the rule to a `snake_case` (or any) wire name.
    ///
    /// ```
    /// use mdmodel_codegen::options::RenameRule;
    /// assert_eq!(RenameRule::Camel.apply("max_tokens"), "maxTokens");
    /// assert_eq!(RenameRule::Kebab.apply("max_tokens"), "max-tokens");
    /// ```
    pub fn apply(self, name: &str) -> String {
        let words: Vec<String> = crate::names::snake(name).split('_').map(str::to_owned).collect();
        let cap = |w: &str| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        };
        match self {
            RenameRule::Camel => words
                .iter()
                .enumerate()
                .map(|(i, w)| if i == 0 { w.clone() } else { cap(w) })
                .collect(),
            RenameRule::Pascal => words.iter().map(|w| cap(w)).collect(),
            RenameRule::Snake => words.join("_"),
            RenameRule::ScreamingSnake => words.join("_").to_ascii_uppercase(),
            RenameRule::Kebab => words.join("-"),
            RenameRule::Lower => words.concat(),
            RenameRule::Upper => words.concat().to_ascii_uppercase(),
        }
    }
}

/// Per-type changes (`patch(Model, derive(...), attr(...), rename = "NewName")`).
#[derive(Debug, Clone, Default)]
pub struct Patch {
    /// Extra derives on this type.
    pub derives: Vec<TokenStream>,
    /// Extra attributes on this type (the inside of `#[...]`).
    pub attrs: Vec<TokenStream>,
    /// Another Rust name for this type.
    pub rename: Option<String>,
}

/// A model name an option refers to, with where the option said it, to check it exists.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The option (`patch`, `replace`, `rename`, `rename_all`, `renames`, `discriminated`).
    pub option: &'static str,
    /// The model (doc title).
    pub model: String,
    /// The field, for `rename`; the wire field, for `discriminated`.
    pub field: Option<String>,
    /// Where the option stands.
    pub span: Span,
}

/// Everything that shapes the generated code.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How enums treat unknown values.
    pub enums: EnumMode,
    /// The timestamp type.
    pub datetime: DateTimeMode,
    /// The map type of `Dict[str, T]`, as a path taking `<String, T>`; `None` for
    /// `std::collections::BTreeMap`.
    pub map: Option<TokenStream>,
    /// Extra derives on every generated type.
    pub derives: Vec<TokenStream>,
    /// Extra attributes on every generated type (the inside of `#[...]`).
    pub attrs: Vec<TokenStream>,
    /// Per-type changes, by doc title.
    pub patches: BTreeMap<String, Patch>,
    /// Types not generated but taken from a path, by doc title.
    pub replace: BTreeMap<String, TokenStream>,
    /// Wire names, by doc title then field name (as the doc writes it).
    pub renames: BTreeMap<String, BTreeMap<String, String>>,
    /// A wire-name convention per doc title.
    pub rename_all: BTreeMap<String, RenameRule>,
    /// Unions the SDK discriminates, by doc title: the wire field that names the member.
    pub discriminated: BTreeMap<String, String>,
    /// A JSON file of wire names (`{"Model": {"field": "wireName"}}`), merged under `renames`.
    pub renames_file: Option<PathBuf>,
    /// What structs do with unlisted payload fields.
    pub extra_fields: ExtraFields,
    /// The model names the options mention, to check against the docs.
    pub mentions: Vec<Mention>,
}

impl Options {
    /// The tokens of the map type's path.
    pub fn map_path(&self) -> TokenStream {
        match &self.map {
            Some(p) => p.clone(),
            None => quote!(::std::collections::BTreeMap),
        }
    }

    /// The name of a field of model `title` on the wire: `rename` (or the wire-name file),
    /// else `rename_all`, else the doc's name.
    pub fn wire_name<'f>(&'f self, title: &str, f: &'f crate::ir::Field<crate::ir::TypeId>) -> std::borrow::Cow<'f, str> {
        if let Some(w) = self.renames.get(title).and_then(|r| r.get(&f.name).or_else(|| r.get(&f.wire_name))) {
            return w.as_str().into();
        }
        match self.rename_all.get(title) {
            Some(rule) => rule.apply(&f.wire_name).into(),
            None => f.wire_name.as_str().into(),
        }
    }

    /// Reads the wire-name file (where one is set) into `renames`; names given inline win.
    pub fn load_renames_file(&mut self) -> Result<(), crate::Error> {
        let Some(path) = self.renames_file.clone() else { return Ok(()) };
        let text = crate::resolve::read_doc(&path)?;
        let bad = |m: String| crate::Error::file(crate::ErrorKind::BadOption, &path, m);
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| bad(format!("the wire-name file is not JSON: {e}")))?;
        let models = value
            .as_object()
            .ok_or_else(|| bad("the wire-name file must be an object of models: {\"Model\": {\"field\": \"wireName\"}}".into()))?;
        for (model, fields) in models {
            let fields = fields
                .as_object()
                .ok_or_else(|| bad(format!("`{model}` must map field names to wire names")))?;
            let entry = self.renames.entry(model.clone()).or_default();
            for (field, wire) in fields {
                let wire = wire
                    .as_str()
                    .ok_or_else(|| bad(format!("the wire name of `{model}.{field}` must be a string")))?;
                entry.entry(field.clone()).or_insert_with(|| wire.to_owned());
            }
        }
        Ok(())
    }

    /// What the options get wrong about `model`, each with where and a message: the mentions
    /// of models or fields it does not have, a `discriminated` union whose members do not
    /// hold the field, and two fields that the wire names given bring to one name.
    pub fn option_errors(&self, model: &crate::ir::Model) -> Vec<(Span, String)> {
        let mut out = self.unknown_mentions(model);
        out.extend(self.wire_name_clashes(model));
        out
    }

    /// Two fields of one model that `rename`, `rename_all` or the wire-name file give the
    /// same wire name (serde would read neither reliably and write the name twice). A doc
    /// that lists one wire name twice is a parse error; this is the options' share.
    fn wire_name_clashes(&self, model: &crate::ir::Model) -> Vec<(Span, String)> {
        let mut out = Vec::new();
        for t in &model.types {
            let crate::ir::TypeKind::Struct(fields) = &t.kind else { continue };
            if !self.renames.contains_key(&t.name) && !self.rename_all.contains_key(&t.name) {
                continue;
            }
            let mut seen: BTreeMap<std::borrow::Cow<'_, str>, &str> = BTreeMap::new();
            for f in fields {
                let wire = self.wire_name(&t.name, f);
                if let Some(first) = seen.get(&wire) {
                    let span = self
                        .mentions
                        .iter()
                        .find(|m| m.model == t.name && matches!(m.option, "rename" | "rename_all"))
                        .map_or_else(Span::call_site, |m| m.span);
                    out.push((
                        span,
                        format!(
                            "`{}`: the wire names given make fields `{first}` and `{}` both `{wire}` on the wire",
                            t.name, f.name
                        ),
                    ));
                    break;
                }
                seen.insert(wire, &f.name);
            }
        }
        out
    }

    /// The mentions of models or fields that `model` does not have, each with a message.
    fn unknown_mentions(&self, model: &crate::ir::Model) -> Vec<(Span, String)> {
        let mut out = Vec::new();
        for m in &self.mentions {
            let Some(t) = model.types.iter().find(|t| t.name == m.model) else {
                out.push((m.span, format!("`{}({} ...)`: no doc defines a type `{}`", m.option, m.model, m.model)));
                continue;
            };
            if m.option == "discriminated" {
                let field = m.field.as_deref().unwrap_or_default();
                match &t.kind {
                    crate::ir::TypeKind::Union(members) => {
                        if let Err(why) = crate::discriminator::values_at(model, self, members, field) {
                            out.push((m.span, format!("`discriminated({} = \"{field}\")`: {why}", m.model)));
                        }
                    }
                    _ => out.push((m.span, format!("`discriminated({} ...)`: `{}` is not a union (a `Supported Types` doc)", m.model, m.model))),
                }
                continue;
            }
            if let Some(field) = &m.field {
                let has = match &t.kind {
                    crate::ir::TypeKind::Struct(fields) => fields.iter().any(|f| f.name == *field || f.wire_name == *field),
                    _ => false,
                };
                if !has {
                    let names: Vec<String> = match &t.kind {
                        crate::ir::TypeKind::Struct(fields) => fields.iter().map(|f| format!("`{}`", f.name)).collect(),
                        _ => Vec::new(),
                    };
                    out.push((
                        m.span,
                        format!("`{}` has no field `{field}`; its fields are {}", m.model, if names.is_empty() { "none".into() } else { names.join(", ") }),
                    ));
                }
            }
        }
        out
    }
}
