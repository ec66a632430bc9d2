//! Structs (a doc with a `Fields` table) and opaque types (a doc with no section).

use super::code::{push_doc_attrs, push_doc_comment, push_str_lit};
use super::{deserialize_impl, serialize_impl, Generator, Head, SERDE};
use crate::ir::{Field, TypeExpr, TypeId};
use crate::names::{field_ident, ident_for, NameScope};
use crate::options::ExtraFields;

/// A generated field: its code, and how `new` sets it.
struct FieldOut {
    /// Docs, attributes and `pub name: Type,`.
    code: String,
    ident: String,
    ty: String,
    init: FieldInit,
}

/// How `new` sets a field.
enum FieldInit {
    /// From a parameter: the field is required.
    Param,
    /// `Default::default()`: absent, or the literal it always holds.
    Default,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presence {
    Required,
    Optional,
    Nullable,
    OptionalNullable,
}

impl Presence {
    fn can_default(self) -> bool {
        matches!(self, Presence::Optional | Presence::OptionalNullable)
    }
}

/// Writes a newtype over `serde_json::Value`, for a doc that describes nothing.
pub(super) fn opaque_def(out: &mut String, ident: &str, head: &Head) {
    out.push_str(&head.docs);
    push_doc_comment(out, "");
    push_doc_comment(out, " The doc describes no fields, values or members: any JSON value, kept as it is.");
    out.push_str(
        "#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::default::Default, \
         ::mdmodel::__private::serde::Serialize, ::mdmodel::__private::serde::Deserialize)]\n#[serde(crate = ",
    );
    push_str_lit(out, SERDE);
    out.push_str(", transparent)]\n");
    out.push_str(&head.attrs);
    out.push_str("pub struct ");
    out.push_str(ident);
    out.push_str("(pub ::mdmodel::__private::serde_json::Value);\n");
}

impl Generator<'_> {
    pub(super) fn struct_def(&self, out: &mut String, id: TypeId, ident: &str, head: &Head, fields: &[Field<TypeId>]) {
        let title = &self.model.types[id.0].name;
        let mut scope = NameScope::default();
        let mut fields: Vec<FieldOut> = fields.iter().map(|f| self.field(id, title, f, &mut scope)).collect();
        if self.options.extra_fields == ExtraFields::Keep {
            let name = ident_for(&scope.claim("extra_fields".to_owned()));
            let mut code = String::new();
            push_doc_comment(&mut code, " The payload's fields that the doc does not list, kept and written back.");
            code.push_str("#[serde(flatten)]\npub ");
            code.push_str(&name);
            code.push_str(": ");
            code.push_str(&self.map);
            code.push_str("< ::std::string::String, ::mdmodel::__private::serde_json::Value > ,\n");
            fields.push(FieldOut { code, ident: name, ty: String::new(), init: FieldInit::Default });
        }
        let all_default = fields.iter().all(|f| !matches!(f.init, FieldInit::Param));
        out.push_str(&head.docs);
        out.push_str("#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ");
        if all_default {
            out.push_str("::std::default::Default, ");
        }
        out.push_str("::mdmodel::__private::serde::Serialize, ::mdmodel::__private::serde::Deserialize)]\n");
        // `remote = "Self"`: serde derives inherent functions, and the trait impls below read
        // through `MapOnly`, so that a JSON array is not taken for a struct (serde's derive
        // accepts both; the reference refuses arrays).
        out.push_str("#[serde(crate = ");
        push_str_lit(out, SERDE);
        out.push_str(", remote = \"Self\"");
        if self.options.extra_fields == ExtraFields::Deny {
            out.push_str(", deny_unknown_fields");
        }
        out.push_str(")]\n");
        out.push_str(&head.attrs);
        out.push_str("pub struct ");
        out.push_str(ident);
        out.push_str(" {\n");
        for f in &fields {
            out.push_str(&f.code);
        }
        out.push_str("}\n");
        serialize_impl(out, ident, &format!("{ident}::serialize(self, serializer)"));
        deserialize_impl(out, ident, |out| {
            out.push_str(ident);
            out.push_str("::deserialize(::mdmodel::__private::MapOnly(deserializer))");
        });
        if !all_default {
            constructor(out, ident, &fields);
        }
    }

    /// One field.
    fn field(&self, owner: TypeId, title: &str, f: &Field<TypeId>, scope: &mut NameScope) -> FieldOut {
        let ident = scope.claim(field_ident(&f.name));
        let mut attrs: Vec<&str> = Vec::new();
        let wire = self.wire_name(title, f);
        let renamed = ident.trim_start_matches("r#") != wire;
        let absent_ok = f.required == Some(false);
        let (presence, inner) = match &f.ty {
            TypeExpr::Optional(i) => (Presence::Optional, &**i),
            TypeExpr::OptionalNullable(i) => (Presence::OptionalNullable, &**i),
            TypeExpr::Nullable(i) if absent_ok => (Presence::OptionalNullable, &**i),
            TypeExpr::Nullable(i) => (Presence::Nullable, &**i),
            t if absent_ok => (Presence::Optional, t),
            t => (Presence::Required, t),
        };
        let inner_ty = if f.wire_name == "metadata" && matches!(inner, TypeExpr::Dict(v) if **v == TypeExpr::Any) {
            self.metadata_ty(&f.docs)
        } else {
            self.ty(owner, inner, true)
        };
        let wrapper = match presence {
            Presence::Required => None,
            Presence::Optional => {
                attrs.push("default, skip_serializing_if = \"::std::option::Option::is_none\"");
                Some("::std::option::Option")
            }
            Presence::Nullable => {
                attrs.push("deserialize_with = \"::mdmodel::__private::deserialize_nullable\"");
                Some("::mdmodel::Nullable")
            }
            Presence::OptionalNullable => {
                attrs.push("default, skip_serializing_if = \"::mdmodel::OptionalNullable::is_unset\"");
                Some("::mdmodel::OptionalNullable")
            }
        };
        let ty = match wrapper {
            None => inner_ty,
            Some(w) => format!("{w}< {inner_ty} >"),
        };
        let literal = matches!(inner, TypeExpr::Literal(_));
        let init = if presence.can_default() || literal { FieldInit::Default } else { FieldInit::Param };
        if presence == Presence::Required && literal {
            attrs.push("default");
        }
        let mut code = String::with_capacity(f.docs.len() + 160);
        if let Some(ex) = &f.example {
            let mut doc = if f.docs == "N/A" { String::new() } else { f.docs.clone() };
            if !doc.is_empty() {
                doc.push_str("\n\n");
            }
            doc.push_str("Example: ");
            doc.push_str(ex);
            push_doc_attrs(&mut code, &doc);
        } else if f.docs != "N/A" {
            push_doc_attrs(&mut code, &f.docs);
        }
        if renamed || !attrs.is_empty() {
            code.push_str("#[serde(");
            if renamed {
                code.push_str("rename = ");
                push_str_lit(&mut code, &wire);
            }
            for (i, a) in attrs.iter().enumerate() {
                if renamed || i > 0 {
                    code.push_str(", ");
                }
                code.push_str(a);
            }
            code.push_str(")]\n");
        }
        code.push_str("pub ");
        code.push_str(&ident);
        code.push_str(": ");
        code.push_str(&ty);
        code.push_str(" ,\n");
        FieldOut { code, ident, ty, init }
    }
}

/// `new(required fields...)`, every other field absent (or its constant).
fn constructor(out: &mut String, ident: &str, fields: &[FieldOut]) {
    out.push_str("impl ");
    out.push_str(ident);
    out.push_str(" {\n#[doc = ");
    push_str_lit(out, &format!(" A `{ident}` with its required fields; every other field is absent (or its constant)."));
    out.push_str("]\n#[allow(clippy::too_many_arguments)]\npub fn new(");
    let params = fields.iter().filter(|f| matches!(f.init, FieldInit::Param));
    for (i, f) in params.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&f.ident);
        out.push_str(": ");
        out.push_str(&f.ty);
        out.push(' ');
    }
    out.push_str(") -> Self {\n");
    out.push_str(ident);
    out.push_str(" { ");
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&f.ident);
        if matches!(f.init, FieldInit::Default) {
            out.push_str(": ::std::default::Default::default()");
        }
    }
    out.push_str(" }\n}\n}\n");
}
