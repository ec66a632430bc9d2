//! Unions (a doc with a `Supported Types` section): an untagged enum on output; on input,
//! dispatch on a constant field where the members have one, else the best fit of every
//! member, as the reference's smart mode picks.

use super::code::push_str_lit;
use super::{deserialize_impl, Generator, Head, SERDE};
use crate::discriminator;
use crate::ir::{TypeExpr, TypeId, TypeKind, UnionMember};
use crate::names::{ident_for, NameScope};

/// `Content::as_str`, to read a discriminator.
const VALUE_AS_STR: &str = "::mdmodel::__private::Content::as_str";
/// Turns the union's error message into the deserializer's error.
const CUSTOM_ERROR: &str = ".map_err(<D::Error as ::mdmodel::__private::serde::de::Error> ::custom)";

impl Generator<'_> {
    pub(super) fn union_def(&self, out: &mut String, id: TypeId, ident: &str, head: &Head, members: &[UnionMember<TypeId>]) {
        let mut scope = NameScope::default();
        let names: Vec<String> = members.iter().map(|m| ident_for(&scope.claim(self.variant_name(&m.ty)))).collect();
        let tys: Vec<String> = members.iter().map(|m| self.ty(id, &m.ty, true)).collect();
        out.push_str(&head.docs);
        out.push_str(
            "#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::mdmodel::__private::serde::Serialize)]\n#[serde(crate = ",
        );
        push_str_lit(out, SERDE);
        out.push_str(", untagged)]\n#[allow(clippy::large_enum_variant)]\n");
        out.push_str(&head.attrs);
        out.push_str("pub enum ");
        out.push_str(ident);
        out.push_str(" {\n");
        for ((m, name), ty) in members.iter().zip(&names).zip(&tys) {
            out.push_str("#[doc = ");
            push_str_lit(out, &format!(" `{}`", m.text.replace('`', "")));
            out.push_str("]\n");
            out.push_str(name);
            out.push('(');
            out.push_str(ty);
            out.push_str(" ),\n");
        }
        out.push_str("}\n");
        deserialize_impl(out, ident, |out| {
            out.push_str(
                "let value = < ::mdmodel::__private::Content< 'de> as ::mdmodel::__private::serde::Deserialize> ::deserialize(deserializer)? ;\n",
            );
            // `discriminated(Union = "field")`: only the member the field names is read (an
            // option naming a field the members do not hold is an error the macro reports).
            let title = &self.model.types[id.0].name;
            if let Some(field) = self.options.discriminated.get(title) {
                if let Ok(values) = discriminator::values_at(self.model, self.options, members, field) {
                    dispatch(out, ident, field, &values, &names, &tys, Fallback::None);
                    return;
                }
            }
            self.pick_fn(out, ident, members, &names, &tys);
            match discriminator::find(self.model, self.options, members) {
                // Members told apart by a constant field: go straight to the one it names, and
                // name it in the error. Only where that member refuses the payload are the
                // others tried, as the reference would.
                Some((field, values)) => dispatch(out, ident, &field, &values, &names, &tys, Fallback::Pick),
                None => {
                    out.push_str("pick(&value)");
                    out.push_str(CUSTOM_ERROR);
                }
            }
        });
    }

    /// `fn pick`: every member tried, the best fit taken, as the reference's smart mode does.
    fn pick_fn(&self, out: &mut String, ident: &str, members: &[UnionMember<TypeId>], names: &[String], tys: &[String]) {
        out.push_str("fn pick(value: & ::mdmodel::__private::Content< '_>) -> ::std::result::Result<");
        out.push_str(ident);
        out.push_str(", ::std::string::String> {\nlet mut pick = ::mdmodel::__private::UnionPick::new(");
        push_str_lit(out, ident);
        out.push_str(");\n");
        for ((m, name), ty) in members.iter().zip(names).zip(tys) {
            out.push_str("pick.consider(value, ");
            self.member_kind(out, &m.ty);
            out.push_str(", ");
            push_str_lit(out, name);
            out.push_str(", |v| ::mdmodel::__private::read_member:: < ");
            out.push_str(ty);
            out.push_str(" >(v).map(");
            out.push_str(ident);
            out.push_str("::");
            out.push_str(name);
            out.push_str("));\n");
        }
        out.push_str("pick.finish()\n}\n");
    }

    /// Writes how a union member's fit is scored against a payload (see `UnionPick`).
    fn member_kind(&self, out: &mut String, t: &TypeExpr<TypeId>) {
        out.push_str("::mdmodel::__private::MemberKind::");
        match t {
            TypeExpr::Str => out.push_str("Str"),
            TypeExpr::Int => out.push_str("Int"),
            TypeExpr::Float => out.push_str("Float"),
            TypeExpr::Bool => out.push_str("Bool"),
            TypeExpr::Any => out.push_str("Any"),
            TypeExpr::Ref(id) => match &self.model.types[id.0].kind {
                TypeKind::Struct(fields) => {
                    let title = &self.model.types[id.0].name;
                    out.push_str("Model(&[");
                    for (i, f) in fields.iter().enumerate() {
                        if i > 0 {
                            out.push_str(", ");
                        }
                        push_str_lit(out, &self.wire_name(title, f));
                    }
                    out.push_str("])");
                }
                _ => out.push_str("Other"),
            },
            _ => out.push_str("Other"),
        }
    }

    /// A variant name that says what a union member holds.
    fn variant_name(&self, t: &TypeExpr<TypeId>) -> String {
        match t {
            TypeExpr::Str => "Str".into(),
            TypeExpr::Int => "Int".into(),
            TypeExpr::Float => "Float".into(),
            TypeExpr::Bool => "Bool".into(),
            TypeExpr::Any => "Any".into(),
            TypeExpr::DateTime => "DateTime".into(),
            TypeExpr::Bytes => "Bytes".into(),
            TypeExpr::List(i) => format!("ListOf{}", self.variant_name(i)),
            TypeExpr::Dict(i) => format!("MapOf{}", self.variant_name(i)),
            TypeExpr::Optional(i) => format!("Optional{}", self.variant_name(i)),
            TypeExpr::Nullable(i) => format!("Nullable{}", self.variant_name(i)),
            TypeExpr::OptionalNullable(i) => format!("OptionalNullable{}", self.variant_name(i)),
            TypeExpr::EventStream(i) => format!("StreamOf{}", self.variant_name(i)),
            TypeExpr::Literal(v) => self.literal_ident(v),
            TypeExpr::Ref(id) => self.idents[id.0].trim_start_matches("r#").to_owned(),
        }
    }
}

/// What a union that dispatches on a constant field does where the field names no member, or
/// the member it names refuses the payload.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fallback {
    /// Every member tried, the best fit taken (`fn pick`): a plain union in the reference.
    Pick,
    /// An error: a discriminated union in the reference.
    None,
}

/// The body that reads the member a constant field names, and falls back as told.
fn dispatch(out: &mut String, ident: &str, field: &str, values: &[String], names: &[String], tys: &[String], fallback: Fallback) {
    out.push_str("let tagged = match value.get(");
    push_str_lit(out, field);
    out.push_str(").and_then(");
    out.push_str(VALUE_AS_STR);
    out.push_str(") {\n");
    for ((v, name), ty) in values.iter().zip(names).zip(tys) {
        out.push_str("::std::option::Option::Some(");
        push_str_lit(out, v);
        out.push_str(") => ::std::option::Option::Some(::mdmodel::__private::read_member:: < ");
        out.push_str(ty);
        out.push_str(" >(&value).map(");
        out.push_str(ident);
        out.push_str("::");
        out.push_str(name);
        out.push_str(").map_err(|e| ::std::format!(\"{}: {}\", ");
        push_str_lit(out, &format!("{ident}::{name}"));
        out.push_str(", e)),),\n");
    }
    out.push_str("_ => ::std::option::Option::None,\n};\nlet result = match tagged {\n");
    match fallback {
        Fallback::Pick => out.push_str(
            "::std::option::Option::Some(::std::result::Result::Ok(v)) => ::std::result::Result::Ok(v),\n\
             ::std::option::Option::Some(::std::result::Result::Err(e)) => pick(&value).map_err(|_| e),\n\
             ::std::option::Option::None => pick(&value).map_err(|_| {\n\
             ::mdmodel::__private::bad_discriminator(",
        ),
        Fallback::None => out.push_str(
            "::std::option::Option::Some(r) => r,\n\
             ::std::option::Option::None => ::std::result::Result::Err({\n\
             ::mdmodel::__private::bad_discriminator(",
        ),
    }
    push_str_lit(out, ident);
    out.push_str(", ");
    push_str_lit(out, field);
    out.push_str(", ");
    let expected = values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
    push_str_lit(out, &expected);
    out.push_str(", value.get(");
    push_str_lit(out, field);
    out.push_str(").and_then(");
    out.push_str(VALUE_AS_STR);
    out.push_str("),)\n}),\n};\nresult");
    out.push_str(CUSTOM_ERROR);
}
