//! Generating Rust code from a resolved [`Model`].
//!
//! Generated code names every path absolutely (`::std::...`, `::mdmodel::__private::serde`),
//! so that a user's own `Option` or `String` breaks nothing, and needs no serde dependency in
//! the user's crate.
//!
//! The items are written as Rust source text ([`Code`]), lexed into tokens once by whoever
//! needs tokens: see [`code`] for why, and for the spacing rule the text keeps.

pub mod code;
mod enums;
mod literals;
mod structs;
mod unions;

use std::cell::RefCell;
use std::collections::BTreeMap;

pub use code::Code;
use code::{push_doc_attrs, Splice, Splices};

use crate::graph::Components;
use crate::ir::{Field, LiteralValue, Model, TypeDef, TypeExpr, TypeId, TypeKind};
use crate::metadata::MetadataLimits;
use crate::names::{ident_for, is_all_caps, type_name, upper_camel, NameScope};
use crate::options::{DateTimeMode, Options};

/// Generates the items of every type in `model`.
pub fn generate(model: &Model, options: &Options) -> Code {
    let mut splices = Splices::default();
    let generator = Generator::new(model, options, &mut splices);
    let text = generator.all();
    Code::new(text, splices.into_vec())
}

/// The path of serde as the generated code names it (a string in `#[serde(crate = ...)]`).
const SERDE: &str = "::mdmodel::__private::serde";

/// `impl Serialize for ` (the type's name follows).
const SERIALIZE_IMPL: &str = "impl ::mdmodel::__private::serde::Serialize for ";
/// The opening of `Serialize::serialize`, after the type's name; the body and `}\n}\n` follow.
const SERIALIZE_FN: &str = " {\nfn serialize<S: ::mdmodel::__private::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {\n";
/// `impl<'de> Deserialize<'de> for ` (the type's name follows).
const DESERIALIZE_IMPL: &str = "impl< 'de> ::mdmodel::__private::serde::Deserialize< 'de> for ";
/// The opening of `Deserialize::deserialize`, after the type's name; the body and `}\n}\n`
/// follow.
const DESERIALIZE_FN: &str = " {\nfn deserialize<D: ::mdmodel::__private::serde::Deserializer< 'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {\n";

/// The attributes a type definition starts with: its docs and derives, then (after the
/// derive that introduces `serde`) the options' attributes.
struct Head {
    /// Doc attributes, `allow`s, and the options' extra derives.
    docs: String,
    /// The options' extra attributes, each `#[...]`.
    attrs: String,
}

/// One of the options' extra derives, with the name that tells whether a type has it already.
struct UserDerive {
    /// The last segment of its path (`Hash` for `std::hash::Hash`).
    name: String,
    splice: Splice,
}

/// A patch's derives and attributes, as placeholders.
#[derive(Default)]
struct PatchSplices {
    derives: Vec<UserDerive>,
    attrs: Vec<Splice>,
}

struct Generator<'m> {
    model: &'m Model,
    options: &'m Options,
    /// Each type's Rust name.
    idents: Vec<String>,
    /// How each type is named where it is used: its name, or the path that replaces it.
    type_refs: Vec<String>,
    components: Components,
    /// The map type's path (`Dict[str, T]`).
    map: String,
    derives: Vec<UserDerive>,
    attrs: Vec<Splice>,
    patches: BTreeMap<&'m str, PatchSplices>,
    /// Literal types in use, by value, with their names.
    literals: RefCell<BTreeMap<LiteralValue, String>>,
    literal_names: RefCell<NameScope>,
}

fn user_derive(splices: &mut Splices, tokens: &proc_macro2::TokenStream) -> UserDerive {
    let text = tokens.to_string();
    let name = text.rsplit("::").next().unwrap_or(&text).trim().to_owned();
    UserDerive { name, splice: splices.add(tokens) }
}

impl<'m> Generator<'m> {
    fn new(model: &'m Model, options: &'m Options, splices: &mut Splices) -> Self {
        let mut scope = NameScope::default();
        let idents: Vec<String> = model
            .types
            .iter()
            .map(|t| {
                let name = match options.patches.get(&t.name).and_then(|p| p.rename.clone()) {
                    Some(renamed) => renamed,
                    None => type_name(&t.name),
                };
                ident_for(&scope.claim(name))
            })
            .collect();
        let type_refs = model
            .types
            .iter()
            .zip(&idents)
            .map(|(t, ident)| match options.replace.get(&t.name) {
                Some(path) => splices.add(path).as_str().to_owned(),
                None => ident.clone(),
            })
            .collect();
        let map = match &options.map {
            Some(path) => splices.add(path).as_str().to_owned(),
            None => "::std::collections::BTreeMap".to_owned(),
        };
        let derives = options.derives.iter().map(|d| user_derive(splices, d)).collect();
        let attrs = options.attrs.iter().map(|a| splices.add(a)).collect();
        let patches = options
            .patches
            .iter()
            .map(|(title, p)| {
                let derives = p.derives.iter().map(|d| user_derive(splices, d)).collect();
                let attrs = p.attrs.iter().map(|a| splices.add(a)).collect();
                (title.as_str(), PatchSplices { derives, attrs })
            })
            .collect();
        Generator {
            model,
            options,
            idents,
            type_refs,
            components: Components::of(model),
            map,
            derives,
            attrs,
            patches,
            literals: Default::default(),
            literal_names: RefCell::new(scope),
        }
    }

    fn all(&self) -> String {
        // About 2,100 bytes of code per type on the corpus.
        let mut out = String::with_capacity(self.model.types.len() * 2400);
        for (i, t) in self.model.types.iter().enumerate() {
            if !self.options.replace.contains_key(&t.name) {
                self.type_def(&mut out, TypeId(i), t);
            }
        }
        for (value, ident) in self.literals.borrow().iter() {
            literals::literal_type(&mut out, value, ident);
        }
        out
    }

    fn type_def(&self, out: &mut String, id: TypeId, t: &TypeDef<TypeId>) {
        let ident = &self.idents[id.0];
        let mut docs = String::new();
        if t.docs.trim().is_empty() {
            let file = t.loc.file.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned());
            push_doc_attrs(&mut docs, &format!("`{}`, from `{}`.", t.name, file));
        } else {
            push_doc_attrs(&mut docs, &t.docs);
        }
        if is_all_caps(ident) {
            docs.push_str("#[allow(clippy::upper_case_acronyms)]\n");
        }
        let built_in: &[&str] = match &t.kind {
            TypeKind::Struct(_) | TypeKind::Opaque => &["Debug", "Clone", "PartialEq", "Default", "Serialize", "Deserialize"],
            TypeKind::Enum(_) => &["Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash", "Serialize", "Deserialize"],
            TypeKind::Union(_) => &["Debug", "Clone", "PartialEq", "Serialize", "Deserialize"],
        };
        // Extra derives may stand first; other attributes (`serde(...)`) must follow the
        // derive that introduces them.
        let attrs = self.user_attrs(&mut docs, &t.name, built_in);
        let head = Head { docs, attrs };
        match &t.kind {
            TypeKind::Struct(fields) => self.struct_def(out, id, ident, &head, fields),
            TypeKind::Enum(e) => self.enum_def(out, ident, &head, e),
            TypeKind::Union(members) => self.union_def(out, id, ident, &head, members),
            TypeKind::Opaque => structs::opaque_def(out, ident, &head),
        }
    }

    /// Writes the derives the options add to a type (every type's, then its patch's) into
    /// `docs`, and returns its extra attributes. A derive the type already has (`built_in`,
    /// by last path segment) is not repeated.
    fn user_attrs(&self, docs: &mut String, title: &str, built_in: &[&str]) -> String {
        let patch = self.patches.get(title);
        let mut derives = self
            .derives
            .iter()
            .chain(patch.into_iter().flat_map(|p| &p.derives))
            .filter(|d| !built_in.contains(&d.name.as_str()))
            .peekable();
        if derives.peek().is_some() {
            docs.push_str("#[derive(");
            for (i, d) in derives.enumerate() {
                if i > 0 {
                    docs.push_str(", ");
                }
                docs.push_str(d.splice.as_str());
            }
            docs.push_str(")]\n");
        }
        let mut attrs = String::new();
        for a in self.attrs.iter().chain(patch.into_iter().flat_map(|p| &p.attrs)) {
            attrs.push_str("#[");
            attrs.push_str(a.as_str());
            attrs.push_str("]\n");
        }
        attrs
    }

    /// The wire name of a field of the type titled `title`: an explicit rename (inline or from
    /// the wire-name file), else the type's `rename_all` rule, else the doc's name.
    fn wire_name<'f>(&'f self, title: &str, f: &'f Field<TypeId>) -> std::borrow::Cow<'f, str> {
        self.options.wire_name(title, f)
    }

    /// The Rust type of a type expression inside `owner`.
    fn ty(&self, owner: TypeId, t: &TypeExpr<TypeId>, by_value: bool) -> String {
        let mut out = String::new();
        self.push_ty(&mut out, owner, t, by_value);
        out
    }

    /// Writes the Rust type of a type expression inside `owner`. It starts and ends with no
    /// space; a generic argument stands apart from its `<` and `>`.
    fn push_ty(&self, out: &mut String, owner: TypeId, t: &TypeExpr<TypeId>, by_value: bool) {
        let wrap = |out: &mut String, open: &str, inner: &TypeExpr<TypeId>, by_value: bool| {
            out.push_str(open);
            out.push_str("< ");
            self.push_ty(out, owner, inner, by_value);
            out.push_str(" >");
        };
        match t {
            TypeExpr::Str => out.push_str("::std::string::String"),
            TypeExpr::Int => out.push_str("::core::primitive::i64"),
            TypeExpr::Float => out.push_str("::core::primitive::f64"),
            TypeExpr::Bool => out.push_str("::core::primitive::bool"),
            TypeExpr::Any => out.push_str("::mdmodel::__private::serde_json::Value"),
            TypeExpr::Bytes => out.push_str("::mdmodel::Bytes"),
            TypeExpr::DateTime => out.push_str(match self.options.datetime {
                DateTimeMode::Chrono => "::mdmodel::__private::chrono::DateTime< ::mdmodel::__private::chrono::FixedOffset >",
                DateTimeMode::Time => "::mdmodel::Rfc3339",
                DateTimeMode::String => "::std::string::String",
            }),
            TypeExpr::List(i) | TypeExpr::EventStream(i) => wrap(out, "::std::vec::Vec", i, false),
            TypeExpr::Dict(i) => {
                out.push_str(&self.map);
                out.push_str("< ::std::string::String, ");
                self.push_ty(out, owner, i, false);
                out.push_str(" >");
            }
            TypeExpr::Optional(i) => wrap(out, "::std::option::Option", i, by_value),
            TypeExpr::Nullable(i) => wrap(out, "::mdmodel::Nullable", i, by_value),
            TypeExpr::OptionalNullable(i) => wrap(out, "::mdmodel::OptionalNullable", i, by_value),
            TypeExpr::Literal(v) => out.push_str(&self.literal_ident(v)),
            TypeExpr::Ref(id) => {
                let name = &self.type_refs[id.0];
                if by_value && self.components.must_box(owner, *id) {
                    out.push_str("::std::boxed::Box< ");
                    out.push_str(name);
                    out.push_str(" >");
                } else {
                    out.push_str(name);
                }
            }
        }
    }

    /// The type of a `metadata: Dict[str, Any]` field, with the limits its description states.
    fn metadata_ty(&self, docs: &str) -> String {
        MetadataLimits::from_description(docs).rust_type()
    }

    fn literal_ident(&self, v: &LiteralValue) -> String {
        if let Some(i) = self.literals.borrow().get(v) {
            return i.clone();
        }
        let base = match v {
            LiteralValue::Str(s) => format!("Literal{}", upper_camel(s, "V")),
            LiteralValue::Int(i) if *i < 0 => format!("LiteralMinus{}", i.unsigned_abs()),
            LiteralValue::Int(i) => format!("Literal{i}"),
            LiteralValue::Bool(b) => format!("Literal{}", if *b { "True" } else { "False" }),
        };
        let ident = ident_for(&self.literal_names.borrow_mut().claim(base));
        self.literals.borrow_mut().insert(v.clone(), ident.clone());
        ident
    }
}

/// Writes `impl Serialize for NAME { fn serialize(...) { BODY } }`.
fn serialize_impl(out: &mut String, ident: &str, body: &str) {
    out.push_str(SERIALIZE_IMPL);
    out.push_str(ident);
    out.push_str(SERIALIZE_FN);
    out.push_str(body);
    out.push_str("\n}\n}\n");
}

/// Writes `impl<'de> Deserialize<'de> for NAME { fn deserialize(...) { BODY } }`, the body
/// written by `body`.
fn deserialize_impl(out: &mut String, ident: &str, body: impl FnOnce(&mut String)) {
    out.push_str(DESERIALIZE_IMPL);
    out.push_str(ident);
    out.push_str(DESERIALIZE_FN);
    body(out);
    out.push_str("\n}\n}\n");
}
