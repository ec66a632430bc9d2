//! Generating Rust code from a resolved [`Model`].
//!
//! Generated code names every path absolutely (`::std::...`, `::mdmodel::__private::serde`),
//! so that a user's own `Option` or `String` breaks nothing, and needs no serde dependency in
//! the user's crate.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use crate::graph::Components;
use crate::ir::{Enum, EnumLiteral, Field, LiteralValue, Model, TypeDef, TypeExpr, TypeId, TypeKind, UnionMember};
use crate::metadata::MetadataLimits;
use crate::names::{field_ident, ident_for, is_all_caps, type_name, upper_camel, NameScope};
use crate::options::{DateTimeMode, EnumMode, ExtraFields, Options};

/// Generates the items of every type in `model`.
pub fn generate(model: &Model, options: &Options) -> TokenStream {
    Generator::new(model, options).all()
}

struct Generator<'m> {
    model: &'m Model,
    options: &'m Options,
    /// Each type's Rust name.
    idents: Vec<Ident>,
    /// How each type is named where it is used: its ident, or the path that replaces it.
    type_refs: Vec<TokenStream>,
    components: Components,
    /// Literal types in use, by value, with their names.
    literals: std::cell::RefCell<BTreeMap<LiteralValue, Ident>>,
    literal_names: std::cell::RefCell<NameScope>,
}

const SERDE: &str = "::mdmodel::__private::serde";

fn doc_attrs(text: &str) -> TokenStream {
    let text = text.trim();
    if text.is_empty() {
        return TokenStream::new();
    }
    let lines = text.lines().map(|l| {
        let l = format!(" {}", l.trim_end());
        quote!(#[doc = #l])
    });
    quote!(#(#lines)*)
}

impl<'m> Generator<'m> {
    fn new(model: &'m Model, options: &'m Options) -> Self {
        let mut scope = NameScope::default();
        let idents: Vec<Ident> = model
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
                Some(path) => path.clone(),
                None => quote!(#ident),
            })
            .collect();
        Generator {
            model,
            options,
            idents,
            type_refs,
            components: Components::of(model),
            literals: Default::default(),
            literal_names: std::cell::RefCell::new(scope),
        }
    }

    fn all(&self) -> TokenStream {
        let mut out = TokenStream::new();
        for (i, t) in self.model.types.iter().enumerate() {
            if !self.options.replace.contains_key(&t.name) {
                out.extend(self.type_def(TypeId(i), t));
            }
        }
        for (value, ident) in self.literals.borrow().iter() {
            out.extend(literal_type(value, ident));
        }
        out
    }

    fn type_def(&self, id: TypeId, t: &TypeDef<TypeId>) -> TokenStream {
        let ident = &self.idents[id.0];
        let mut docs = t.docs.clone();
        if docs.trim().is_empty() {
            docs = format!("`{}`, from `{}`.", t.name, t.loc.file.file_name().map_or_else(String::new, |f| f.to_string_lossy().into_owned()));
        }
        let mut docs = doc_attrs(&docs);
        if is_all_caps(&ident.to_string()) {
            docs.extend(quote!(#[allow(clippy::upper_case_acronyms)]));
        }
        let built_in: &[&str] = match &t.kind {
            TypeKind::Struct(_) | TypeKind::Opaque => &["Debug", "Clone", "PartialEq", "Default", "Serialize", "Deserialize"],
            TypeKind::Enum(_) => &["Debug", "Clone", "Copy", "PartialEq", "Eq", "Hash", "Serialize", "Deserialize"],
            TypeKind::Union(_) => &["Debug", "Clone", "PartialEq", "Serialize", "Deserialize"],
        };
        let (derives, attrs) = self.user_attrs(&t.name, built_in);
        // Extra derives may stand first; other attributes (`serde(...)`) must follow the
        // derive that introduces them.
        docs.extend(derives);
        let docs = (docs, attrs);
        match &t.kind {
            TypeKind::Struct(fields) => self.struct_def(id, ident, docs, fields),
            TypeKind::Enum(e) => self.enum_def(ident, docs, e),
            TypeKind::Union(members) => self.union_def(id, ident, docs, members),
            TypeKind::Opaque => {
                let serde = SERDE;
                let (docs, attrs) = docs;
                quote! {
                    #docs
                    ///
                    /// The doc describes no fields, values or members: any JSON value, kept as it is.
                    #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::std::default::Default,
                        ::mdmodel::__private::serde::Serialize, ::mdmodel::__private::serde::Deserialize)]
                    #[serde(crate = #serde, transparent)]
                    #attrs
                    pub struct #ident(pub ::mdmodel::__private::serde_json::Value);
                }
            }
        }
    }

    /// The derives and attributes the options add to a type: every type's, then its patch's.
    /// A derive the type already has (`built_in`, by last path segment) is not repeated.
    fn user_attrs(&self, title: &str, built_in: &[&str]) -> (TokenStream, TokenStream) {
        let patch = self.options.patches.get(title);
        let derives: Vec<&TokenStream> = self
            .options
            .derives
            .iter()
            .chain(patch.into_iter().flat_map(|p| &p.derives))
            .filter(|d| {
                let text = d.to_string();
                let last = text.rsplit("::").next().unwrap_or(&text).trim();
                !built_in.contains(&last)
            })
            .collect();
        let attrs = self.options.attrs.iter().chain(patch.into_iter().flat_map(|p| &p.attrs));
        let derive = (!derives.is_empty()).then(|| quote!(#[derive(#(#derives),*)]));
        (quote!(#derive), quote!(#(#[#attrs])*))
    }

    /// The wire name of a field of the type titled `title`: an explicit rename (inline or from
    /// the wire-name file), else the type's `rename_all` rule, else the doc's name.
    fn wire_name(&self, title: &str, f: &Field<TypeId>) -> String {
        if let Some(w) = self.options.renames.get(title).and_then(|r| r.get(&f.name).or_else(|| r.get(&f.wire_name))) {
            return w.clone();
        }
        match self.options.rename_all.get(title) {
            Some(rule) => rule.apply(&f.wire_name),
            None => f.wire_name.clone(),
        }
    }

    /// The Rust type of a type expression inside `owner`.
    fn ty(&self, owner: TypeId, t: &TypeExpr<TypeId>, by_value: bool) -> TokenStream {
        match t {
            TypeExpr::Str => quote!(::std::string::String),
            TypeExpr::Int => quote!(::core::primitive::i64),
            TypeExpr::Float => quote!(::core::primitive::f64),
            TypeExpr::Bool => quote!(::core::primitive::bool),
            TypeExpr::Any => quote!(::mdmodel::__private::serde_json::Value),
            TypeExpr::Bytes => quote!(::mdmodel::Bytes),
            TypeExpr::DateTime => match self.options.datetime {
                DateTimeMode::Chrono => quote!(::mdmodel::__private::chrono::DateTime<::mdmodel::__private::chrono::FixedOffset>),
                DateTimeMode::Time => quote!(::mdmodel::Rfc3339),
                DateTimeMode::String => quote!(::std::string::String),
            },
            TypeExpr::List(i) => {
                let i = self.ty(owner, i, false);
                quote!(::std::vec::Vec<#i>)
            }
            TypeExpr::Dict(i) => {
                let i = self.ty(owner, i, false);
                let map = self.options.map_path();
                quote!(#map<::std::string::String, #i>)
            }
            TypeExpr::Optional(i) => {
                let i = self.ty(owner, i, by_value);
                quote!(::std::option::Option<#i>)
            }
            TypeExpr::Nullable(i) => {
                let i = self.ty(owner, i, by_value);
                quote!(::mdmodel::Nullable<#i>)
            }
            TypeExpr::OptionalNullable(i) => {
                let i = self.ty(owner, i, by_value);
                quote!(::mdmodel::OptionalNullable<#i>)
            }
            TypeExpr::EventStream(i) => {
                let i = self.ty(owner, i, false);
                quote!(::std::vec::Vec<#i>)
            }
            TypeExpr::Literal(v) => {
                let ident = self.literal_ident(v);
                quote!(#ident)
            }
            TypeExpr::Ref(id) => {
                let ident = &self.type_refs[id.0];
                if by_value && self.components.must_box(owner, *id) {
                    quote!(::std::boxed::Box<#ident>)
                } else {
                    quote!(#ident)
                }
            }
        }
    }

    fn literal_ident(&self, v: &LiteralValue) -> Ident {
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

    fn struct_def(&self, id: TypeId, ident: &Ident, (docs, attrs): (TokenStream, TokenStream), fields: &[Field<TypeId>]) -> TokenStream {
        let title = &self.model.types[id.0].name;
        let mut scope = NameScope::default();
        let fields: Vec<FieldOut> = fields.iter().map(|f| self.field(id, title, f, &mut scope)).collect();
        let extra = match self.options.extra_fields {
            ExtraFields::Keep => {
                let name = ident_for(&scope.claim("extra_fields".to_owned()));
                let map = self.options.map_path();
                Some(FieldOut {
                    tokens: quote! {
                        /// The payload's fields that the doc does not list, kept and written back.
                        #[serde(flatten)]
                        pub #name: #map<::std::string::String, ::mdmodel::__private::serde_json::Value>,
                    },
                    ident: name,
                    ty: TokenStream::new(),
                    init: FieldInit::Default,
                })
            }
            _ => None,
        };
        let fields: Vec<FieldOut> = fields.into_iter().chain(extra).collect();
        let all_default = fields.iter().all(|f| !matches!(f.init, FieldInit::Param));
        let default = all_default.then(|| quote!(::std::default::Default,));
        let deny = (self.options.extra_fields == ExtraFields::Deny).then(|| quote!(, deny_unknown_fields));
        let serde = SERDE;
        let tokens = fields.iter().map(|f| &f.tokens);
        let constructor = (!all_default).then(|| {
            let params = fields.iter().filter(|f| matches!(f.init, FieldInit::Param)).map(|f| {
                let (name, ty) = (&f.ident, &f.ty);
                quote!(#name: #ty)
            });
            let inits = fields.iter().map(|f| {
                let name = &f.ident;
                match &f.init {
                    FieldInit::Param => quote!(#name),
                    FieldInit::Default => quote!(#name: ::std::default::Default::default()),
                }
            });
            let doc = format!(" A `{ident}` with its required fields; every other field is absent (or its constant).");
            quote! {
                impl #ident {
                    #[doc = #doc]
                    #[allow(clippy::too_many_arguments)]
                    pub fn new(#(#params),*) -> Self {
                        #ident { #(#inits),* }
                    }
                }
            }
        });
        quote! {
            #docs
            #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, #default
                ::mdmodel::__private::serde::Serialize, ::mdmodel::__private::serde::Deserialize)]
            // `remote = "Self"`: serde derives inherent functions, and the trait impls below
            // read through `MapOnly`, so that a JSON array is not taken for a struct (serde's
            // derive accepts both; the reference refuses arrays).
            #[serde(crate = #serde, remote = "Self" #deny)]
            #attrs
            pub struct #ident {
                #(#tokens)*
            }

            impl ::mdmodel::__private::serde::Serialize for #ident {
                fn serialize<S: ::mdmodel::__private::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    #ident::serialize(self, serializer)
                }
            }

            impl<'de> ::mdmodel::__private::serde::Deserialize<'de> for #ident {
                fn deserialize<D: ::mdmodel::__private::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    #ident::deserialize(::mdmodel::__private::MapOnly(deserializer))
                }
            }

            #constructor
        }
    }

    /// One field.
    fn field(&self, owner: TypeId, title: &str, f: &Field<TypeId>, scope: &mut NameScope) -> FieldOut {
        let rust_name = scope.claim(field_ident(&f.name).to_string());
        let ident = match rust_name.strip_prefix("r#") {
            Some(raw) => Ident::new_raw(raw, Span::call_site()),
            None => Ident::new(&rust_name, Span::call_site()),
        };
        let mut attrs = Vec::new();
        let wire = self.wire_name(title, f);
        if rust_name.trim_start_matches("r#") != wire {
            attrs.push(quote!(rename = #wire));
        }
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
            MetadataLimits::from_description(&f.docs).type_tokens()
        } else {
            self.ty(owner, inner, true)
        };
        let ty = match presence {
            Presence::Required => inner_ty,
            Presence::Optional => {
                attrs.push(quote!(default, skip_serializing_if = "::std::option::Option::is_none"));
                quote!(::std::option::Option<#inner_ty>)
            }
            Presence::Nullable => {
                attrs.push(quote!(deserialize_with = "::mdmodel::__private::deserialize_nullable"));
                quote!(::mdmodel::Nullable<#inner_ty>)
            }
            Presence::OptionalNullable => {
                attrs.push(quote!(default, skip_serializing_if = "::mdmodel::OptionalNullable::is_unset"));
                quote!(::mdmodel::OptionalNullable<#inner_ty>)
            }
        };
        let literal = matches!(inner, TypeExpr::Literal(_));
        let init = if presence.can_default() || literal { FieldInit::Default } else { FieldInit::Param };
        if presence == Presence::Required && literal {
            attrs.push(quote!(default));
        }
        let mut doc = f.docs.clone();
        if doc == "N/A" {
            doc.clear();
        }
        if let Some(ex) = &f.example {
            if !doc.is_empty() {
                doc.push_str("\n\n");
            }
            doc.push_str("Example: ");
            doc.push_str(ex);
        }
        let docs = doc_attrs(&doc);
        let serde_attr = (!attrs.is_empty()).then(|| quote!(#[serde(#(#attrs),*)]));
        FieldOut {
            tokens: quote! {
                #docs
                #serde_attr
                pub #ident: #ty,
            },
            ident,
            ty,
            init,
        }
    }

    fn enum_def(&self, ident: &Ident, (docs, attrs): (TokenStream, TokenStream), e: &Enum) -> TokenStream {
        let open = match self.options.enums {
            EnumMode::AsDocumented => e.open,
            EnumMode::Open => true,
            EnumMode::Closed => false,
        };
        let mut scope = NameScope::default();
        if open {
            scope.claim("Unrecognized".to_owned());
        }
        let variants: Vec<Ident> = e.values.iter().map(|v| ident_for(&scope.claim(upper_camel(&v.name, "V")))).collect();
        let is_int = e.is_int();
        let wire: Vec<TokenStream> = e
            .values
            .iter()
            .map(|v| match &v.value {
                EnumLiteral::Str(s) => quote!(#s),
                EnumLiteral::Int(i) => {
                    let l = Literal::i64_unsuffixed(*i);
                    quote!(#l)
                }
            })
            .collect();
        let variant_docs: Vec<TokenStream> = e
            .values
            .iter()
            .map(|v| {
                let d = match &v.value {
                    EnumLiteral::Str(s) => format!(" `{}` on the wire.", s.replace('`', "'")),
                    EnumLiteral::Int(i) => format!(" `{i}` on the wire."),
                };
                quote!(#[doc = #d])
            })
            .collect();
        let (wire_ty, unrecognized_ty, ser_call, de_fn, de_open_fn, expected_ty) = if is_int {
            (
                quote!(::core::primitive::i64),
                quote!(::core::primitive::i64),
                quote!(serialize_i64(self.value())),
                quote!(::mdmodel::__private::deserialize_int_enum),
                quote!(::mdmodel::__private::deserialize_open_int_enum),
                quote!(::core::primitive::i64),
            )
        } else {
            (
                quote!(&::core::primitive::str),
                quote!(::std::string::String),
                quote!(serialize_str(self.as_str())),
                quote!(::mdmodel::__private::deserialize_str_enum),
                quote!(::mdmodel::__private::deserialize_open_str_enum),
                quote!(&'static ::core::primitive::str),
            )
        };
        let accessor = if is_int { quote!(value) } else { quote!(as_str) };
        let unrecognized_variant = open.then(|| {
            quote! {
                /// A value the doc does not list, kept as it came and written back unchanged.
                Unrecognized(#unrecognized_ty),
            }
        });
        let unrecognized_arm = open.then(|| {
            if is_int {
                quote!(#ident::Unrecognized(v) => *v,)
            } else {
                quote!(#ident::Unrecognized(v) => v.as_str(),)
            }
        });
        let derive_copy = (!open || is_int).then(|| quote!(::std::marker::Copy,));
        let derive_eq = quote!(::std::cmp::Eq, ::std::hash::Hash,);
        let from_wire = if is_int {
            quote! {
                fn __from_wire(v: ::core::primitive::i64) -> ::std::option::Option<Self> {
                    match v {
                        #(#wire => ::std::option::Option::Some(#ident::#variants),)*
                        _ => ::std::option::Option::None,
                    }
                }
            }
        } else {
            quote! {
                fn __from_wire(v: &::core::primitive::str) -> ::std::option::Option<Self> {
                    match v {
                        #(#wire => ::std::option::Option::Some(#ident::#variants),)*
                        _ => ::std::option::Option::None,
                    }
                }
            }
        };
        let deserialize_body = if open {
            quote!(#de_open_fn(deserializer, #ident::__from_wire, #ident::Unrecognized))
        } else {
            quote!(#de_fn(deserializer, #ident::__from_wire, #ident::VALUES))
        };
        let display = (!is_int).then(|| {
            quote! {
                impl ::std::fmt::Display for #ident {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }
            }
        });
        // An open string enum's `Unrecognized` value is borrowed from `self`.
        let accessor_ty = if open && !is_int { wire_ty } else { expected_ty.clone() };
        quote! {
            #docs
            #[derive(::std::fmt::Debug, ::std::clone::Clone, #derive_copy ::std::cmp::PartialEq, #derive_eq)]
            #attrs
            pub enum #ident {
                #(#variant_docs #variants,)*
                #unrecognized_variant
            }

            impl #ident {
                /// Every value the doc lists, in its order.
                pub const VALUES: &'static [#expected_ty] = &[#(#wire),*];

                /// The value on the wire.
                pub fn #accessor(&self) -> #accessor_ty {
                    match self {
                        #(#ident::#variants => #wire,)*
                        #unrecognized_arm
                    }
                }

                #from_wire
            }

            #display

            impl ::mdmodel::__private::serde::Serialize for #ident {
                fn serialize<S: ::mdmodel::__private::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                    serializer.#ser_call
                }
            }

            impl<'de> ::mdmodel::__private::serde::Deserialize<'de> for #ident {
                fn deserialize<D: ::mdmodel::__private::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    #deserialize_body
                }
            }
        }
    }

    fn union_def(&self, id: TypeId, ident: &Ident, (docs, attrs): (TokenStream, TokenStream), members: &[UnionMember<TypeId>]) -> TokenStream {
        let mut scope = NameScope::default();
        let names: Vec<Ident> = members.iter().map(|m| ident_for(&scope.claim(self.variant_name(&m.ty)))).collect();
        let variants = members.iter().zip(&names).map(|(m, name)| {
            let ty = self.ty(id, &m.ty, true);
            let d = format!(" `{}`", m.text.replace('`', ""));
            quote!(#[doc = #d] #name(#ty),)
        });
        let tys: Vec<TokenStream> = members.iter().map(|m| self.ty(id, &m.ty, true)).collect();
        let union_name = ident.to_string();
        // Every member tried, the best fit taken, as the reference's smart mode does.
        let considers = members.iter().zip(&names).zip(&tys).map(|((m, name), ty)| {
            let kind = self.member_kind(&m.ty);
            let label = name.to_string();
            quote! {
                pick.consider(value, #kind, #label, |v| ::mdmodel::__private::read_member::<#ty>(v).map(#ident::#name));
            }
        });
        let pick_fn = quote! {
            fn pick(value: &::mdmodel::__private::serde_json::Value) -> ::std::result::Result<#ident, ::std::string::String> {
                let mut pick = ::mdmodel::__private::UnionPick::new(#union_name);
                #(#considers)*
                pick.finish()
            }
        };
        let body = match self.discriminator(members) {
            // Members told apart by a constant field: go straight to the one it names, and
            // name it in the error. Only where that member refuses the payload are the others
            // tried, as the reference would.
            Some((field, values)) => {
                let arms = values.iter().zip(&names).zip(&tys).map(|((v, name), ty)| {
                    let label = format!("{union_name}::{name}");
                    quote! {
                        ::std::option::Option::Some(#v) => ::std::option::Option::Some(
                            ::mdmodel::__private::read_member::<#ty>(&value)
                                .map(#ident::#name)
                                .map_err(|e| ::std::format!("{}: {}", #label, e)),
                        ),
                    }
                });
                let expected = values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
                quote! {
                    #pick_fn
                    let tagged = match value.get(#field).and_then(::mdmodel::__private::serde_json::Value::as_str) {
                        #(#arms)*
                        _ => ::std::option::Option::None,
                    };
                    let result = match tagged {
                        ::std::option::Option::Some(::std::result::Result::Ok(v)) => ::std::result::Result::Ok(v),
                        ::std::option::Option::Some(::std::result::Result::Err(e)) => pick(&value).map_err(|_| e),
                        ::std::option::Option::None => pick(&value).map_err(|_| {
                            ::mdmodel::__private::bad_discriminator(
                                #union_name,
                                #field,
                                #expected,
                                value.get(#field).and_then(::mdmodel::__private::serde_json::Value::as_str),
                            )
                        }),
                    };
                    result.map_err(<D::Error as ::mdmodel::__private::serde::de::Error>::custom)
                }
            }
            None => quote! {
                #pick_fn
                pick(&value).map_err(<D::Error as ::mdmodel::__private::serde::de::Error>::custom)
            },
        };
        let serde = SERDE;
        quote! {
            #docs
            #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::cmp::PartialEq, ::mdmodel::__private::serde::Serialize)]
            #[serde(crate = #serde, untagged)]
            #[allow(clippy::large_enum_variant)]
            #attrs
            pub enum #ident {
                #(#variants)*
            }

            impl<'de> ::mdmodel::__private::serde::Deserialize<'de> for #ident {
                fn deserialize<D: ::mdmodel::__private::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                    let value = <::mdmodel::__private::serde_json::Value as ::mdmodel::__private::serde::Deserialize>::deserialize(deserializer)?;
                    #body
                }
            }
        }
    }

    /// How a union member's fit is scored against a payload (see `UnionPick`).
    fn member_kind(&self, t: &TypeExpr<TypeId>) -> TokenStream {
        match t {
            TypeExpr::Str => quote!(::mdmodel::__private::MemberKind::Str),
            TypeExpr::Int => quote!(::mdmodel::__private::MemberKind::Int),
            TypeExpr::Float => quote!(::mdmodel::__private::MemberKind::Float),
            TypeExpr::Bool => quote!(::mdmodel::__private::MemberKind::Bool),
            TypeExpr::Any => quote!(::mdmodel::__private::MemberKind::Any),
            TypeExpr::Ref(id) => match &self.model.types[id.0].kind {
                TypeKind::Struct(fields) => {
                    let title = &self.model.types[id.0].name;
                    let names = fields.iter().map(|f| self.wire_name(title, f));
                    quote!(::mdmodel::__private::MemberKind::Model(&[#(#names),*]))
                }
                _ => quote!(::mdmodel::__private::MemberKind::Other),
            },
            _ => quote!(::mdmodel::__private::MemberKind::Other),
        }
    }

    /// The field every member of a union of models holds with a distinct constant value
    /// (a literal or a one-value enum), with those values in member order.
    fn discriminator(&self, members: &[UnionMember<TypeId>]) -> Option<(String, Vec<String>)> {
        let structs: Vec<(&str, &[Field<TypeId>])> = members
            .iter()
            .map(|m| match &m.ty {
                TypeExpr::Ref(id) => match &self.model.types[id.0].kind {
                    TypeKind::Struct(f) => Some((self.model.types[id.0].name.as_str(), f.as_slice())),
                    _ => None,
                },
                _ => None,
            })
            .collect::<Option<_>>()?;
        if structs.len() < 2 {
            return None;
        }
        let constant = |f: &Field<TypeId>| -> Option<String> {
            if f.may_be_absent() {
                return None;
            }
            match &f.ty {
                TypeExpr::Literal(LiteralValue::Str(s)) => Some(s.clone()),
                TypeExpr::Ref(id) => match &self.model.types[id.0].kind {
                    TypeKind::Enum(e) if e.values.len() == 1 => match &e.values[0].value {
                        EnumLiteral::Str(s) => Some(s.clone()),
                        EnumLiteral::Int(_) => None,
                    },
                    _ => None,
                },
                _ => None,
            }
        };
        let (first_title, first_fields) = structs[0];
        'candidates: for candidate in first_fields.iter().filter(|f| constant(f).is_some()) {
            let wire = self.wire_name(first_title, candidate);
            let mut values = Vec::new();
            for (title, fields) in &structs {
                let Some(v) = fields.iter().find(|f| self.wire_name(title, f) == wire).and_then(constant) else {
                    continue 'candidates;
                };
                if values.contains(&v) {
                    continue 'candidates;
                }
                values.push(v);
            }
            return Some((wire, values));
        }
        None
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
            TypeExpr::Literal(v) => self.literal_ident(v).to_string(),
            TypeExpr::Ref(id) => self.idents[id.0].to_string().trim_start_matches("r#").to_owned(),
        }
    }
}

/// A generated field: its tokens, and how `new` sets it.
struct FieldOut {
    tokens: TokenStream,
    ident: Ident,
    ty: TokenStream,
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

/// A zero-sized type for one literal value: accepts only that value, writes it back.
fn literal_type(value: &LiteralValue, ident: &Ident) -> TokenStream {
    let (shown, ser, de) = match value {
        LiteralValue::Str(s) => (
            format!("{s:?}"),
            quote!(serializer.serialize_str(#s)),
            quote!(::mdmodel::__private::deserialize_literal_str(deserializer, &[#s])?),
        ),
        LiteralValue::Int(i) => (
            i.to_string(),
            quote!(serializer.serialize_i64(#i)),
            quote!(::mdmodel::__private::deserialize_literal_int(deserializer, #i)?),
        ),
        LiteralValue::Bool(b) => (
            if *b { "true".into() } else { "false".into() },
            quote!(serializer.serialize_bool(#b)),
            quote!(::mdmodel::__private::deserialize_literal_bool(deserializer, #b)?),
        ),
    };
    let doc = format!(" The literal `{}`: accepts only that value and writes it back.", shown.replace('`', "'"));
    quote! {
        #[doc = #doc]
        #[derive(::std::fmt::Debug, ::std::clone::Clone, ::std::marker::Copy, ::std::cmp::PartialEq, ::std::cmp::Eq, ::std::hash::Hash, ::std::default::Default)]
        pub struct #ident;

        impl ::mdmodel::__private::serde::Serialize for #ident {
            fn serialize<S: ::mdmodel::__private::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                #ser
            }
        }

        impl<'de> ::mdmodel::__private::serde::Deserialize<'de> for #ident {
            fn deserialize<D: ::mdmodel::__private::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                #de;
                ::std::result::Result::Ok(#ident)
            }
        }
    }
}
