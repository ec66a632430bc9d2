//! Procedural macros of mdmodel. Use them through the `mdmodel` crate
//! (`mdmodel::include_model!`), which holds the types the generated code names.
//!
//! The macros are thin: they read their arguments, call the engine (`mdmodel-codegen`), turn
//! its errors into `compile_error!`s at the path literal, and make the compiler track every
//! doc file read, so that editing one expands the macro again.

use std::path::{Path, PathBuf};

use mdmodel_codegen::args::MacroArgs;
use mdmodel_codegen::{Errors, Expansion, Options};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::parse_macro_input;

/// Emits the types of one model doc and of every doc it links to. See `mdmodel::include_model`.
///
/// The path is relative to the invoking crate's `CARGO_MANIFEST_DIR`. Use it through the
/// `mdmodel` crate, whose types the generated code names:
///
/// ```
/// mdmodel::include_model!("../specs/cancelbatchrequestcounts.md");
///
/// let counts: CancelBatchRequestCounts =
///     mdmodel::from_str(r#"{"total": 3, "completed": 2, "failed": 1}"#).unwrap();
/// assert_eq!(counts, CancelBatchRequestCounts { total: 3, completed: 2, failed: 1 });
/// ```
#[proc_macro]
pub fn include_model(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let args = parse_macro_input!(input as MacroArgs);
    run(&args, |path, root, options| mdmodel_codegen::expand_file(path, Some(root), options)).into()
}

/// Emits the types of every model doc under a folder. See `mdmodel::include_models`.
///
/// The path is relative to the invoking crate's `CARGO_MANIFEST_DIR`; every doc under it is
/// read, recursively, and each type is emitted once.
///
/// ```
/// mod batch {
///     mdmodel::include_models!("../specs");
/// }
///
/// let counts: batch::CancelBatchRequestCounts =
///     mdmodel::from_str(r#"{"total": 1, "completed": 1, "failed": 0}"#).unwrap();
/// assert_eq!(counts.completed, 1);
/// assert_eq!(batch::CancelBatchObject::Batch, mdmodel::from_str(r#""batch""#).unwrap());
/// ```
#[proc_macro]
pub fn include_models(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let args = parse_macro_input!(input as MacroArgs);
    run(&args, |path, root, options| mdmodel_codegen::expand_dir(path, Some(root), options)).into()
}

fn run(args: &MacroArgs, expand: impl FnOnce(&Path, &Path, &Options) -> Result<Expansion, Errors>) -> TokenStream {
    let span = args.path.span();
    let manifest_dir = match std::env::var_os("CARGO_MANIFEST_DIR") {
        Some(d) => PathBuf::from(d),
        None => return quote_spanned!(span=> ::core::compile_error!("CARGO_MANIFEST_DIR is not set: build with cargo");),
    };
    let path = manifest_dir.join(args.path.value());
    let mut options = args.options.clone();
    if let Some(lit) = &args.renames_file {
        let file = manifest_dir.join(lit.value());
        options.renames_file = Some(file.clone());
        if let Err(e) = options.load_renames_file() {
            let msg = relative_paths(&e, &manifest_dir.canonicalize().unwrap_or(manifest_dir));
            return quote_spanned!(lit.span()=> ::core::compile_error!(#msg););
        }
    }
    match expand(&path, &manifest_dir, &options) {
        Ok(exp) => {
            let unknown = options.option_errors(&exp.model);
            if !unknown.is_empty() {
                let errors = unknown.into_iter().map(|(span, msg)| quote_spanned!(span=> ::core::compile_error!(#msg);));
                return quote!(#(#errors)*);
            }
            let files = exp.model.files.iter().chain(options.renames_file.as_ref());
            let tracked = files.filter_map(|f| f.to_str()).map(|f| {
                quote!(const _: &[::core::primitive::u8] = ::core::include_bytes!(#f);)
            });
            // The compiler's own lexer, in one call across the bridge (proc_macro2's
            // `from_str` would first lex the whole text again with its own lexer).
            let tokens = exp.code.tokens_with(|text| text.parse::<proc_macro::TokenStream>().ok().map(Into::into));
            quote!(#tokens #(#tracked)*)
        }
        Err(errors) => {
            let base = manifest_dir.canonicalize().unwrap_or(manifest_dir);
            let errors = errors.0.iter().map(|e| {
                let msg = relative_paths(e, &base);
                quote_spanned!(span=> ::core::compile_error!(#msg);)
            });
            quote!(#(#errors)*)
        }
    }
}

/// The error's text with its file shown relative to the invoking crate, as the user wrote it.
fn relative_paths(e: &mdmodel_codegen::Error, base: &Path) -> String {
    let mut e = e.clone();
    if let Some(loc) = &mut e.loc {
        loc.file = Path::new(&relative(base, &loc.file)).into();
    }
    if let Some(p) = &mut e.path {
        *p = PathBuf::from(relative(base, p));
    }
    let text = e.to_string();
    // Paths inside the message (a link's target, the folders tried).
    text.replace(&format!("{}/", base.display()), "")
}

/// `path` relative to `base` (both absolute), with `..` where it lies outside.
fn relative(base: &Path, path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let b: Vec<_> = base.components().collect();
    let p: Vec<_> = path.components().collect();
    let common = b.iter().zip(&p).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return path.display().to_string();
    }
    let mut out = PathBuf::new();
    for _ in common..b.len() {
        out.push("..");
    }
    for c in &p[common..] {
        out.push(c);
    }
    out.display().to_string()
}
