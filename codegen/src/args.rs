//! The arguments of `include_model!` / `include_models!`: a path, then options.
//!
//! Every option is checked: an unknown option or a bad value is an error at that option's
//! span that lists the valid ones.

use proc_macro2::Span;
use quote::ToTokens;
use syn::parse::{Parse, ParseStream};
use syn::{Ident, LitStr, Token};

use crate::options::{DateTimeMode, EnumMode, Options};

/// The options a macro call may give, for error messages.
pub const OPTION_NAMES: &[&str] = &["enums", "datetime", "map"];

/// A parsed macro call.
pub struct MacroArgs {
    /// The path literal, relative to the invoking crate's `CARGO_MANIFEST_DIR`.
    pub path: LitStr,
    /// The options.
    pub options: Options,
}

fn choice<T: Copy>(lit: &LitStr, option: &str, choices: &[(&str, T)]) -> syn::Result<T> {
    let v = lit.value();
    choices.iter().find(|(name, _)| *name == v).map(|(_, t)| *t).ok_or_else(|| {
        let valid: Vec<String> = choices.iter().map(|(n, _)| format!("\"{n}\"")).collect();
        syn::Error::new(lit.span(), format!("`{option} = \"{v}\"` is not an option value; valid values are {}", valid.join(", ")))
    })
}

impl Parse for MacroArgs {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.is_empty() {
            return Err(syn::Error::new(Span::call_site(), "expected the path of a doc, as a string literal: include_model!(\"specs/model.md\")"));
        }
        let path: LitStr = input.parse()?;
        let mut options = Options::default();
        let mut seen: Vec<String> = Vec::new();
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            let name: Ident = input.parse()?;
            let key = name.to_string();
            if seen.contains(&key) {
                return Err(syn::Error::new(name.span(), format!("option `{key}` is given twice")));
            }
            seen.push(key.clone());
            match key.as_str() {
                "enums" => {
                    input.parse::<Token![=]>()?;
                    let lit: LitStr = input.parse()?;
                    options.enums = choice(
                        &lit,
                        "enums",
                        &[("as_documented", EnumMode::AsDocumented), ("open", EnumMode::Open), ("closed", EnumMode::Closed)],
                    )?;
                }
                "datetime" => {
                    input.parse::<Token![=]>()?;
                    let lit: LitStr = input.parse()?;
                    options.datetime = choice(
                        &lit,
                        "datetime",
                        &[("chrono", DateTimeMode::Chrono), ("time", DateTimeMode::Time), ("string", DateTimeMode::String)],
                    )?;
                }
                "map" => {
                    input.parse::<Token![=]>()?;
                    let path: syn::Path = input.parse()?;
                    options.map = Some(path.to_token_stream());
                }
                _ => {
                    return Err(syn::Error::new(
                        name.span(),
                        format!("unknown option `{key}`; valid options are {}", OPTION_NAMES.iter().map(|o| format!("`{o}`")).collect::<Vec<_>>().join(", ")),
                    ))
                }
            }
        }
        Ok(MacroArgs { path, options })
    }
}
