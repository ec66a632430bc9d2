//! The model IR: what a doc set means, independent of Markdown and of Rust.
//!
//! The parser produces [`Doc`]s whose type expressions hold [`Link`]s; the resolver turns a
//! set of docs into a [`Model`], whose type expressions hold [`TypeId`]s.

use std::path::PathBuf;

use crate::source::Loc;

/// A type expression of the doc dialect (`*Nullable[int]*`, `List[[models.X](x.md)]`).
///
/// `R` is how a reference to another model is held: a [`Link`] after parsing, a [`TypeId`]
/// after resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeExpr<R> {
    /// `str`
    Str,
    /// `int`
    Int,
    /// `float`
    Float,
    /// `bool`
    Bool,
    /// `Any`: any JSON value.
    Any,
    /// The `date` link: an RFC 3339 timestamp.
    DateTime,
    /// `Union[bytes, IO[bytes], io.BufferedReader]` and `bytes`: file content.
    Bytes,
    /// `List[T]`
    List(Box<TypeExpr<R>>),
    /// `Dict[str, T]`
    Dict(Box<TypeExpr<R>>),
    /// `Optional[T]`: may be absent or `null`; omitted on output when absent.
    Optional(Box<TypeExpr<R>>),
    /// `Nullable[T]`: must be present, may be `null`.
    Nullable(Box<TypeExpr<R>>),
    /// `OptionalNullable[T]`: absent, `null` and a value are three different things.
    OptionalNullable(Box<TypeExpr<R>>),
    /// `Literal["x"]`, `Literal[True]`, `Literal[3]`.
    Literal(LiteralValue),
    /// A server-sent event stream of `T`
    /// (`Union[eventstreaming.EventStream[T], eventstreaming.EventStreamAsync[T]]`).
    EventStream(Box<TypeExpr<R>>),
    /// Another model.
    Ref(R),
}

impl<R> TypeExpr<R> {
    /// The same expression with every reference mapped by `f`; stops at the first error.
    pub fn try_map_refs<S, E>(
        self,
        f: &mut impl FnMut(R) -> Result<S, E>,
    ) -> Result<TypeExpr<S>, E> {
        use TypeExpr::*;
        Ok(match self {
            Str => Str,
            Int => Int,
            Float => Float,
            Bool => Bool,
            Any => Any,
            DateTime => DateTime,
            Bytes => Bytes,
            List(t) => List(Box::new(t.try_map_refs(f)?)),
            Dict(t) => Dict(Box::new(t.try_map_refs(f)?)),
            Optional(t) => Optional(Box::new(t.try_map_refs(f)?)),
            Nullable(t) => Nullable(Box::new(t.try_map_refs(f)?)),
            OptionalNullable(t) => OptionalNullable(Box::new(t.try_map_refs(f)?)),
            EventStream(t) => EventStream(Box::new(t.try_map_refs(f)?)),
            Literal(l) => Literal(l),
            Ref(r) => Ref(f(r)?),
        })
    }

    /// Calls `f` on every reference, in order.
    pub fn for_each_ref<'a>(&'a self, f: &mut impl FnMut(&'a R)) {
        use TypeExpr::*;
        match self {
            List(t) | Dict(t) | Optional(t) | Nullable(t) | OptionalNullable(t)
            | EventStream(t) => t.for_each_ref(f),
            Ref(r) => f(r),
            _ => {}
        }
    }
}

/// The value of a `Literal[...]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LiteralValue {
    /// `Literal["x"]`
    Str(String),
    /// `Literal[3]`
    Int(i64),
    /// `Literal[True]` / `Literal[False]`
    Bool(bool),
}

/// Where a reference in a parsed doc points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// A Markdown link to another doc file, relative to the linking doc
    /// (`../models/x.md`), with an optional `#anchor`.
    File {
        /// The link's path part.
        path: String,
        /// The part after `#`, if any.
        anchor: Option<String>,
        /// The link's text (`models.CancelBatchObject`).
        text: String,
    },
    /// An in-page link (`#backoffstrategy`) to a model in the same doc.
    Anchor(String),
    /// A model named without a link (`models.Format1` in a union heading).
    Name(String),
}

/// A parsed reference together with where it stands in its doc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkAt {
    /// The target.
    pub link: Link,
    /// Where it stands.
    pub loc: Loc,
}

/// One model doc file, parsed.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The file it was read from.
    pub path: PathBuf,
    /// The models it defines: the `# Title` one first, then any under `##` headings.
    pub models: Vec<TypeDef<LinkAt>>,
}

/// One type definition: a model, an enum, a union or an opaque value.
#[derive(Debug, Clone)]
pub struct TypeDef<R> {
    /// The name the doc gives it (its heading).
    pub name: String,
    /// The description under the heading (Markdown).
    pub docs: String,
    /// Where its heading stands.
    pub loc: Loc,
    /// What it is.
    pub kind: TypeKind<R>,
}

/// What a [`TypeDef`] is.
#[derive(Debug, Clone)]
pub enum TypeKind<R> {
    /// A `## Fields` table.
    Struct(Vec<Field<R>>),
    /// A `## Values` table or list.
    Enum(Enum),
    /// A `## Supported Types` section.
    Union(Vec<UnionMember<R>>),
    /// No section at all: any JSON value, kept as it is.
    Opaque,
}

/// One row of a Fields table.
#[derive(Debug, Clone)]
pub struct Field<R> {
    /// The name the doc shows (`schema_`).
    pub name: String,
    /// The name on the wire (`schema`).
    pub wire_name: String,
    /// Its type.
    pub ty: TypeExpr<R>,
    /// The Required column: `Some(true)` for a check mark, `Some(false)` for a minus sign,
    /// `None` where the table has no such column.
    pub required: Option<bool>,
    /// The Description column (Markdown).
    pub docs: String,
    /// The Example column, where the table has one and the cell is not empty.
    pub example: Option<String>,
    /// Where the row stands.
    pub loc: Loc,
}

impl<R> Field<R> {
    /// Whether the field may be absent from a payload.
    pub fn may_be_absent(&self) -> bool {
        self.required == Some(false)
            || matches!(self.ty, TypeExpr::Optional(_) | TypeExpr::OptionalNullable(_))
    }
}

/// A `## Values` section.
#[derive(Debug, Clone)]
pub struct Enum {
    /// Its values, in doc order.
    pub values: Vec<EnumValue>,
    /// Whether the doc says it is open (unknown values are kept).
    pub open: bool,
}

impl Enum {
    /// Whether every value is an integer.
    pub fn is_int(&self) -> bool {
        !self.values.is_empty() && self.values.iter().all(|v| matches!(v.value, EnumLiteral::Int(_)))
    }
}

/// One value of an enum.
#[derive(Debug, Clone)]
pub struct EnumValue {
    /// The Name column, or the value itself where the doc lists values only.
    pub name: String,
    /// The value on the wire.
    pub value: EnumLiteral,
    /// Where it stands.
    pub loc: Loc,
}

/// The wire value of an enum variant.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum EnumLiteral {
    /// A string.
    Str(String),
    /// An integer.
    Int(i64),
}

/// One member (`` ### `T` `` heading) of a union.
#[derive(Debug, Clone)]
pub struct UnionMember<R> {
    /// Its type.
    pub ty: TypeExpr<R>,
    /// The heading's text (`models.Format1`).
    pub text: String,
    /// Where the heading stands.
    pub loc: Loc,
}

/// The index of a type in a [`Model`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(pub usize);

/// A resolved doc set: every type, references resolved, each once.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The types, in the order they were first reached.
    pub types: Vec<TypeDef<TypeId>>,
    /// Every file read, in the order read.
    pub files: Vec<PathBuf>,
    /// The types the caller asked for (the root doc's, or every doc's of a folder).
    pub roots: Vec<TypeId>,
}
