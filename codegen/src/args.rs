//! The arguments of `include_model!` / `include_models!`: a path, then options.
//!
//! Every option is checked: an unknown option or a bad value is an error at that option's
//! span that lists the valid ones. The CLI parses the same options (`--options '...'`).

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::ext::IdentExt;
use syn::punctuated::Punctuated;
use syn::{Ident, LitStr, Token};

use crate::options::{DateTimeMode, EnumMode, ExtraFields, Mention, Options, Patch, RenameRule};

/// The options a macro call may give, for error messages.
pub const OPTION_NAMES: &[&str] = &[
    "enums", "datetime", "map", "derive", "attr", "patch", "replace", "rename", "rename_all", "renames",
    "extra_fields", "discriminated",
];

/// A parsed macro call.
pub struct MacroArgs {
    /// The path literal, relative to the invoking crate's `CARGO_MANIFEST_DIR`.
    pub path: LitStr,
    /// The options.
    pub options: Options,
    /// The `renames = "..."` literal, relative to the invoking crate, where given.
    pub renames_file: Option<LitStr>,
}

/// Options alone, comma-separated, as the CLI's `--options` takes them.
pub struct OptionList {
    /// The options.
    pub options: Options,
    /// The `renames = "..."` literal, where given.
    pub renames_file: Option<LitStr>,
}

fn choice<T: Copy>(lit: &LitStr, option: &str, choices: &[(&str, T)]) -> syn::Result<T> {
    let v = lit.value();
    choices.iter().find(|(name, _)| *name == v).map(|(_, t)| *t).ok_or_else(|| {
        let valid: Vec<String> = choices.iter().map(|(n, _)| format!("\"{n}\"")).collect();
        syn::Error::new(lit.span(), format!("`{option} = \"{v}\"` is not an option value; valid values are {}", valid.join(", ")))
    })
}

/// `= "value"`, one of `choices`.
fn assigned_choice<T: Copy>(input: ParseStream, option: &str, choices: &[(&str, T)]) -> syn::Result<T> {
    input.parse::<Token![=]>()?;
    let lit: LitStr = input.parse()?;
    choice(&lit, option, choices)
}

fn paren_list<T: Parse>(input: ParseStream) -> syn::Result<Vec<T>> {
    let content;
    syn::parenthesized!(content in input);
    Ok(Punctuated::<T, Token![,]>::parse_terminated(&content)?.into_iter().collect())
}

fn derives(input: ParseStream) -> syn::Result<Vec<TokenStream>> {
    Ok(paren_list::<syn::Path>(input)?.into_iter().map(|p| p.to_token_stream()).collect())
}

fn attrs(input: ParseStream) -> syn::Result<Vec<TokenStream>> {
    Ok(paren_list::<syn::Meta>(input)?.into_iter().map(|m| m.to_token_stream()).collect())
}

fn mention(options: &mut Options, option: &'static str, model: &Ident, field: Option<String>) {
    options.mentions.push(Mention { option, model: model.to_string(), field, span: model.span() });
}

/// `patch(Model, derive(...), attr(...), rename = "NewName")`
fn patch(input: ParseStream, options: &mut Options) -> syn::Result<()> {
    let content;
    syn::parenthesized!(content in input);
    let model: Ident = content.parse()?;
    mention(options, "patch", &model, None);
    let mut p = Patch::default();
    while !content.is_empty() {
        content.parse::<Token![,]>()?;
        if content.is_empty() {
            break;
        }
        let key: Ident = content.parse()?;
        match key.to_string().as_str() {
            "derive" => p.derives.extend(derives(&content)?),
            "attr" => p.attrs.extend(attrs(&content)?),
            "rename" => {
                content.parse::<Token![=]>()?;
                let lit: LitStr = content.parse()?;
                syn::parse_str::<Ident>(&lit.value())
                    .map_err(|_| syn::Error::new(lit.span(), format!("`{}` is not a Rust type name", lit.value())))?;
                p.rename = Some(lit.value());
            }
            other => {
                return Err(syn::Error::new(key.span(), format!("unknown patch `{other}`; valid ones are `derive(...)`, `attr(...)`, `rename = \"Name\"`")))
            }
        }
    }
    options.patches.insert(model.to_string(), p);
    Ok(())
}

/// `replace(Model = path::to::Type, ...)`
fn replace(input: ParseStream, options: &mut Options) -> syn::Result<()> {
    let content;
    syn::parenthesized!(content in input);
    while !content.is_empty() {
        let model: Ident = content.parse()?;
        content.parse::<Token![=]>()?;
        let path: syn::Path = content.parse()?;
        mention(options, "replace", &model, None);
        options.replace.insert(model.to_string(), path.to_token_stream());
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(())
}

/// `rename(Model.field = "wireName", ...)`
fn rename(input: ParseStream, options: &mut Options) -> syn::Result<()> {
    let content;
    syn::parenthesized!(content in input);
    while !content.is_empty() {
        let model: Ident = content.parse()?;
        content.parse::<Token![.]>()?;
        let field = Ident::parse_any(&content)?;
        content.parse::<Token![=]>()?;
        let wire: LitStr = content.parse()?;
        let field = field.to_string().trim_start_matches("r#").to_owned();
        mention(options, "rename", &model, Some(field.clone()));
        options.renames.entry(model.to_string()).or_default().insert(field, wire.value());
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(())
}

/// A parenthesized list `(Model = "text", ...)`, each pair handed to `each`.
fn model_string_pairs(input: ParseStream, mut each: impl FnMut(Ident, LitStr) -> syn::Result<()>) -> syn::Result<()> {
    let content;
    syn::parenthesized!(content in input);
    while !content.is_empty() {
        let model: Ident = content.parse()?;
        content.parse::<Token![=]>()?;
        each(model, content.parse()?)?;
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(())
}

/// `rename_all(Model = "camelCase", ...)`
fn rename_all(input: ParseStream, options: &mut Options) -> syn::Result<()> {
    model_string_pairs(input, |model, lit| {
        let rule = choice(&lit, "rename_all", RenameRule::ALL)?;
        mention(options, "rename_all", &model, None);
        options.rename_all.insert(model.to_string(), rule);
        Ok(())
    })
}

/// `discriminated(Union = "field", ...)`
fn discriminated(input: ParseStream, options: &mut Options) -> syn::Result<()> {
    model_string_pairs(input, |model, field| {
        mention(options, "discriminated", &model, Some(field.value()));
        options.discriminated.insert(model.to_string(), field.value());
        Ok(())
    })
}

/// Parses options up to the end of `input`; `leading_comma`: a comma comes before the first.
fn parse_options(input: ParseStream, leading_comma: bool) -> syn::Result<(Options, Option<LitStr>)> {
    let mut options = Options::default();
    let mut renames_file = None;
    let mut seen: Vec<String> = Vec::new();
    let mut first = true;
    while !input.is_empty() {
        if leading_comma || !first {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
        }
        first = false;
        let name: Ident = input.parse()?;
        let key = name.to_string();
        let repeatable = matches!(key.as_str(), "patch" | "replace" | "rename" | "rename_all" | "derive" | "attr" | "discriminated");
        if seen.contains(&key) && !repeatable {
            return Err(syn::Error::new(name.span(), format!("option `{key}` is given twice")));
        }
        seen.push(key.clone());
        match key.as_str() {
            "enums" => {
                options.enums = assigned_choice(
                    input,
                    "enums",
                    &[("as_documented", EnumMode::AsDocumented), ("open", EnumMode::Open), ("closed", EnumMode::Closed)],
                )?
            }
            "datetime" => {
                options.datetime = assigned_choice(
                    input,
                    "datetime",
                    &[("chrono", DateTimeMode::Chrono), ("time", DateTimeMode::Time), ("string", DateTimeMode::String)],
                )?
            }
            "extra_fields" => {
                options.extra_fields = assigned_choice(
                    input,
                    "extra_fields",
                    &[("ignore", ExtraFields::Ignore), ("keep", ExtraFields::Keep), ("deny", ExtraFields::Deny)],
                )?
            }
            "map" => {
                input.parse::<Token![=]>()?;
                let path: syn::Path = input.parse()?;
                options.map = Some(path.to_token_stream());
            }
            "renames" => {
                input.parse::<Token![=]>()?;
                renames_file = Some(input.parse::<LitStr>()?);
            }
            "derive" => options.derives.extend(derives(input)?),
            "attr" => options.attrs.extend(attrs(input)?),
            "patch" => patch(input, &mut options)?,
            "replace" => replace(input, &mut options)?,
            "rename" => rename(input, &mut options)?,
            "rename_all" => rename_all(input, &mut options)?,
            "discriminated" => discriminated(input, &mut options)?,
            _ => {
                return Err(syn::Error::new(
                    name.span(),
                    format!("unknown option `{key}`; valid options are {}", OPTION_NAMES.iter().map(|o| format!("`{o}`")).collect::<Vec<_>>().join(", ")),
                ))
            }
        }
    }
    Ok((options, renames_file))
}

impl Parse for MacroArgs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(syn::Error::new(proc_macro2::Span::call_site(), "expected the path of a doc, as a string literal: include_model!(\"specs/model.md\")"));
        }
        let path: LitStr = input.parse()?;
        let (options, renames_file) = parse_options(input, true)?;
        Ok(MacroArgs { path, options, renames_file })
    }
}

impl Parse for OptionList {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let (options, renames_file) = parse_options(input, false)?;
        Ok(OptionList { options, renames_file })
    }
}
