//! Enums (a doc with a `Values` table or list).

use std::fmt::Write as _;

use super::code::{push_doc_comment, push_str_lit};
use super::{deserialize_impl, serialize_impl, Generator, Head};
use crate::ir::{Enum, EnumLiteral};
use crate::names::{ident_for, upper_camel, NameScope};
use crate::options::EnumMode;

/// Writes a value as it stands in code: a string literal, or an unsuffixed integer.
fn push_wire(out: &mut String, value: &EnumLiteral) {
    match value {
        EnumLiteral::Str(s) => push_str_lit(out, s),
        EnumLiteral::Int(i) => {
            let _ = write!(out, "{i}");
        }
    }
}

impl Generator<'_> {
    pub(super) fn enum_def(&self, out: &mut String, ident: &str, head: &Head, e: &Enum) {
        let open = match self.options.enums {
            EnumMode::AsDocumented => e.open,
            EnumMode::Open => true,
            EnumMode::Closed => false,
        };
        let mut scope = NameScope::default();
        if open {
            scope.claim("Unrecognized".to_owned());
        }
        let variants: Vec<String> = e.values.iter().map(|v| ident_for(&scope.claim(upper_camel(&v.name, "V")))).collect();
        let is_int = e.is_int();
        let (wire_ty, unrecognized_ty, expected_ty) = if is_int {
            ("::core::primitive::i64", "::core::primitive::i64", "::core::primitive::i64")
        } else {
            ("& ::core::primitive::str", "::std::string::String", "& 'static ::core::primitive::str")
        };
        // An open string enum's `Unrecognized` value is borrowed from `self`.
        let accessor_ty = if open && !is_int { wire_ty } else { expected_ty };

        out.push_str(&head.docs);
        out.push_str("#[derive(::std::fmt::Debug, ::std::clone::Clone, ");
        if !open || is_int {
            out.push_str("::std::marker::Copy, ");
        }
        out.push_str("::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash, )]\n");
        out.push_str(&head.attrs);
        out.push_str("pub enum ");
        out.push_str(ident);
        out.push_str(" {\n");
        for (v, name) in e.values.iter().zip(&variants) {
            let doc = match &v.value {
                EnumLiteral::Str(s) => format!(" `{}` on the wire.", s.replace('`', "'")),
                EnumLiteral::Int(i) => format!(" `{i}` on the wire."),
            };
            out.push_str("#[doc = ");
            push_str_lit(out, &doc);
            out.push_str("]\n");
            out.push_str(name);
            out.push_str(",\n");
        }
        if open {
            push_doc_comment(out, " A value the doc does not list, kept as it came and written back unchanged.");
            out.push_str("Unrecognized(");
            out.push_str(unrecognized_ty);
            out.push_str("),\n");
        }
        out.push_str("}\nimpl ");
        out.push_str(ident);
        out.push_str(" {\n");
        push_doc_comment(out, " Every value the doc lists, in its order.");
        out.push_str("pub const VALUES: & 'static [");
        out.push_str(expected_ty);
        out.push_str("] = &[");
        for (i, v) in e.values.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_wire(out, &v.value);
        }
        out.push_str("];\n");
        push_doc_comment(out, " The value on the wire.");
        out.push_str(if is_int { "pub fn value" } else { "pub fn as_str" });
        out.push_str("(&self) -> ");
        out.push_str(accessor_ty);
        // A closed enum whose doc lists no value has no variant: `match self {}` on a
        // reference to it does not compile, `match *self {}` does.
        out.push_str(if e.values.is_empty() && !open { " {\nmatch *self {\n" } else { " {\nmatch self {\n" });
        for (v, name) in e.values.iter().zip(&variants) {
            out.push_str(ident);
            out.push_str("::");
            out.push_str(name);
            out.push_str(" => ");
            push_wire(out, &v.value);
            out.push_str(",\n");
        }
        if open {
            out.push_str(ident);
            out.push_str(if is_int { "::Unrecognized(v) => *v,\n" } else { "::Unrecognized(v) => v.as_str(),\n" });
        }
        out.push_str("}\n}\nfn __from_wire(v: ");
        out.push_str(wire_ty);
        out.push_str(") -> ::std::option::Option<Self> {\nmatch v {\n");
        for (v, name) in e.values.iter().zip(&variants) {
            push_wire(out, &v.value);
            out.push_str(" => ::std::option::Option::Some(");
            out.push_str(ident);
            out.push_str("::");
            out.push_str(name);
            out.push_str("),\n");
        }
        out.push_str("_ => ::std::option::Option::None,\n}\n}\n}\n");
        if !is_int {
            out.push_str("impl ::std::fmt::Display for ");
            out.push_str(ident);
            out.push_str(
                " {\nfn fmt(&self, f: &mut ::std::fmt::Formatter< '_>) -> ::std::fmt::Result {\nf.write_str(self.as_str())\n}\n}\n",
            );
        }
        serialize_impl(out, ident, if is_int { "serializer.serialize_i64(self.value())" } else { "serializer.serialize_str(self.as_str())" });
        deserialize_impl(out, ident, |out| {
            let function = match (open, is_int) {
                (true, true) => "::mdmodel::__private::deserialize_open_int_enum",
                (true, false) => "::mdmodel::__private::deserialize_open_str_enum",
                (false, true) => "::mdmodel::__private::deserialize_int_enum",
                (false, false) => "::mdmodel::__private::deserialize_str_enum",
            };
            out.push_str(function);
            out.push_str("(deserializer, ");
            out.push_str(ident);
            out.push_str("::__from_wire, ");
            out.push_str(ident);
            out.push_str(if open { "::Unrecognized)" } else { "::VALUES)" });
        });
    }
}
