//! The field that tells a union's members apart: every member a model that holds, at one wire
//! field, a constant (a literal or a one-value enum) no other member holds.
//!
//! Where the members have such a field, the generated union reads the member it names first
//! and falls back to the best fit where that member refuses the payload or the field is
//! missing, as pydantic's smart mode reads a plain union. The `discriminated(Union = "field")`
//! option says the SDK's union is discriminated (pydantic `Discriminator`), which a doc does not
//! say: then the field is required, and only the member it names is read.

use crate::ir::{EnumLiteral, Field, LiteralValue, Model, TypeExpr, TypeId, TypeKind, UnionMember};
use crate::options::Options;

/// A union member that is a model: its title and fields.
type MemberStruct<'m> = (&'m str, &'m [Field<TypeId>]);

/// The members as models, or `None` where one is not a model.
fn member_structs<'m>(model: &'m Model, members: &[UnionMember<TypeId>]) -> Option<Vec<MemberStruct<'m>>> {
    members
        .iter()
        .map(|m| match &m.ty {
            TypeExpr::Ref(id) => match &model.types[id.0].kind {
                TypeKind::Struct(f) => Some((model.types[id.0].name.as_str(), f.as_slice())),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

/// The constant string a field always holds, where it is required and has one.
fn constant(model: &Model, f: &Field<TypeId>) -> Option<String> {
    if f.may_be_absent() {
        return None;
    }
    match &f.ty {
        TypeExpr::Literal(LiteralValue::Str(s)) => Some(s.clone()),
        TypeExpr::Ref(id) => match &model.types[id.0].kind {
            TypeKind::Enum(e) if e.values.len() == 1 => match &e.values[0].value {
                EnumLiteral::Str(s) => Some(s.clone()),
                EnumLiteral::Int(_) => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The value each member holds at the wire field `wire`, in member order; an error message
/// where a member is not a model, lacks a constant there, or repeats another's value.
pub fn values_at(model: &Model, options: &Options, members: &[UnionMember<TypeId>], wire: &str) -> Result<Vec<String>, String> {
    let structs = member_structs(model, members).ok_or_else(|| "every member must be a model".to_owned())?;
    let mut values: Vec<String> = Vec::new();
    for (title, fields) in structs {
        let field = fields
            .iter()
            .find(|f| options.wire_name(title, f) == wire)
            .ok_or_else(|| format!("member `{title}` has no field `{wire}`"))?;
        let v = constant(model, field)
            .ok_or_else(|| format!("`{title}.{wire}` is not a required constant (a `Literal` or a one-value enum)"))?;
        if values.contains(&v) {
            return Err(format!("two members hold `{wire}` = `{v}`"));
        }
        values.push(v);
    }
    Ok(values)
}

/// The first field of the first member at which every member holds a distinct constant, with
/// those values in member order; `None` where there is none (or fewer than two members).
pub fn find(model: &Model, options: &Options, members: &[UnionMember<TypeId>]) -> Option<(String, Vec<String>)> {
    let structs = member_structs(model, members)?;
    let (first_title, first_fields) = *structs.first()?;
    if structs.len() < 2 {
        return None;
    }
    first_fields
        .iter()
        .filter(|f| constant(model, f).is_some())
        .map(|f| options.wire_name(first_title, f).into_owned())
        .find_map(|wire| values_at(model, options, members, &wire).ok().map(|values| (wire, values)))
}
