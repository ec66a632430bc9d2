//! Literal types: a zero-sized type for one `Literal[...]` value.

use super::code::push_str_lit;
use super::{deserialize_impl, serialize_impl};
use crate::ir::LiteralValue;

/// Writes a zero-sized type for one literal value: accepts only that value, writes it back.
pub(super) fn literal_type(out: &mut String, value: &LiteralValue, ident: &str) {
    let mut lit = String::new();
    let (shown, ser, de) = match value {
        LiteralValue::Str(s) => {
            push_str_lit(&mut lit, s);
            (format!("{s:?}"), "serialize_str", "deserialize_literal_str(deserializer, &[")
        }
        LiteralValue::Int(i) => {
            lit = format!("{i}i64");
            (i.to_string(), "serialize_i64", "deserialize_literal_int(deserializer, ")
        }
        LiteralValue::Bool(b) => {
            lit = b.to_string();
            (lit.clone(), "serialize_bool", "deserialize_literal_bool(deserializer, ")
        }
    };
    let close = if matches!(value, LiteralValue::Str(_)) { "])" } else { ")" };
    out.push_str("#[doc = ");
    push_str_lit(out, &format!(" The literal `{}`: accepts only that value and writes it back.", shown.replace('`', "'")));
    out.push_str(
        "]\n#[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy, ::std::cmp::PartialEq, ::std::cmp::Eq, \
         ::std::hash::Hash, ::std::default::Default)]\npub struct ",
    );
    out.push_str(ident);
    out.push_str(";\n");
    serialize_impl(out, ident, &format!("serializer.{ser}({lit})"));
    deserialize_impl(out, ident, |out| {
        out.push_str("::mdmodel::__private::");
        out.push_str(de);
        out.push_str(&lit);
        out.push_str(close);
        out.push_str("? ;\n::std::result::Result::Ok(");
        out.push_str(ident);
        out.push(')');
    });
}
