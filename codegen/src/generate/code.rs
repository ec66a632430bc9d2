//! [`Code`]: the generated items as Rust source text, lexed into tokens once.
//!
//! Writing text and lexing it once is what keeps generation cheap: building a token stream
//! token by token costs an allocation per token outside the compiler and a call across the
//! proc-macro bridge per token inside it, where one `TokenStream::from_str` is one call.
//!
//! The text is spaced so that it lexes to exactly the tokens `quote!` built before (the
//! same `Spacing` on every punctuation mark): operators `quote!` joins (`::`, `->`, `=>`,
//! the `>>` closing two generic lists) are written together, every other pair of adjacent
//! punctuation marks apart (`& 'static`, `)? ;`, `< ::std`).

use std::fmt;
use std::str::FromStr;

use proc_macro2::{Group, Ident, TokenStream, TokenTree};

/// The prefix of a splice's placeholder identifier. No generated name starts with `__`:
/// field names are snake case made of the doc name's words, type and variant names upper
/// camel case.
const SPLICE: &str = "__mdmodel_splice_";

/// Generated Rust items: source text, and the options' own tokens (a derive, an attribute,
/// the map or a replacing type's path) kept as tokens so that their spans survive, so that an
/// error in one (`derive(NoSuchTrait)`) points at the option that wrote it.
#[derive(Debug, Clone, Default)]
pub struct Code {
    text: String,
    splices: Vec<TokenStream>,
}

/// A piece of code written into a [`Code`]'s text that stands for the options' tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Splice(String);

impl Splice {
    /// The placeholder's text.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl Code {
    pub(crate) fn new(text: String, splices: Vec<TokenStream>) -> Self {
        Code { text, splices }
    }

    /// The length of the source text, in bytes (the options' tokens count as their
    /// placeholder).
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The items as tokens, lexed by proc_macro2 (outside the compiler: its own lexer).
    ///
    /// A proc macro should use [`Code::tokens_with`] with the compiler's lexer instead:
    /// proc_macro2's `from_str` first validates the text with its own lexer, which costs as
    /// much as the whole generation.
    pub fn tokens(&self) -> TokenStream {
        self.tokens_with(|text| TokenStream::from_str(text).ok())
    }

    /// The items as tokens, lexed by `lex` (a proc macro passes the compiler's own:
    /// `|t| t.parse::<proc_macro::TokenStream>().ok().map(Into::into)`), with the options'
    /// tokens put back in place. The text always lexes; where `lex` fails anyway, the result
    /// is a `compile_error!` saying so.
    pub fn tokens_with(&self, lex: impl FnOnce(&str) -> Option<TokenStream>) -> TokenStream {
        let Some(tokens) = lex(&self.text) else {
            return TokenStream::from_str("::core::compile_error!(\"mdmodel: the generated code does not lex (an engine bug)\");")
                .unwrap_or_default();
        };
        if self.splices.is_empty() {
            tokens
        } else {
            self.put_back(tokens)
        }
    }

    /// Replaces each placeholder identifier with the tokens it stands for.
    fn put_back(&self, tokens: TokenStream) -> TokenStream {
        let mut out = TokenStream::new();
        for tree in tokens {
            match tree {
                TokenTree::Group(g) => {
                    let mut group = Group::new(g.delimiter(), self.put_back(g.stream()));
                    group.set_span(g.span());
                    out.extend(std::iter::once(TokenTree::Group(group)));
                }
                TokenTree::Ident(ident) => match self.splice_of(&ident) {
                    Some(splice) => out.extend(splice.clone()),
                    None => out.extend(std::iter::once(TokenTree::Ident(ident))),
                },
                other => out.extend(std::iter::once(other)),
            }
        }
        out
    }

    fn splice_of(&self, ident: &Ident) -> Option<&TokenStream> {
        let text = ident.to_string();
        let index: usize = text.strip_prefix(SPLICE)?.parse().ok()?;
        self.splices.get(index)
    }
}

/// The source text, with the options' tokens written out in place of their placeholders.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.text.as_str();
        while let Some(at) = rest.find(SPLICE) {
            let digits = rest[at + SPLICE.len()..].bytes().take_while(u8::is_ascii_digit).count();
            let end = at + SPLICE.len() + digits;
            let splice = rest[at + SPLICE.len()..end].parse::<usize>().ok().and_then(|i| self.splices.get(i));
            f.write_str(&rest[..at])?;
            match splice {
                Some(tokens) => write!(f, "{tokens}")?,
                None => f.write_str(&rest[at..end])?,
            }
            rest = &rest[end..];
        }
        f.write_str(rest)
    }
}

/// The options' token streams, each given a placeholder once.
#[derive(Debug, Default)]
pub(crate) struct Splices(Vec<TokenStream>);

impl Splices {
    /// A placeholder for `tokens`.
    pub(crate) fn add(&mut self, tokens: &TokenStream) -> Splice {
        self.0.push(tokens.clone());
        Splice(format!("{SPLICE}{}", self.0.len() - 1))
    }

    pub(crate) fn into_vec(self) -> Vec<TokenStream> {
        self.0
    }
}

/// Writes `s` as a string literal, escaped as proc_macro2's `Literal::string` escapes it (so
/// that `mdmodel expand` prints what it printed when the code was built as tokens).
pub(crate) fn push_str_lit(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut rest = s;
    // Runs of printable ASCII other than `"` and `\` are written as they are.
    while let Some(at) = rest.bytes().position(|b| !matches!(b, b' ' | b'!' | b'#'..=b'[' | b']'..=b'~')) {
        out.push_str(&rest[..at]);
        let mut chars = rest[at..].chars();
        let Some(ch) = chars.next() else { break };
        match ch {
            '\0' if chars.as_str().starts_with(|next: char| next.is_digit(8)) => out.push_str("\\x00"),
            '\0' => out.push_str("\\0"),
            _ => out.extend(ch.escape_debug()),
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out.push('"');
}

/// Writes `#[doc = " line"]` for each line of `text` (trimmed; nothing where it is empty).
pub(crate) fn push_doc_attrs(out: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    let mut line_buf = String::new();
    for line in text.lines() {
        line_buf.clear();
        line_buf.push(' ');
        line_buf.push_str(line.trim_end());
        out.push_str("#[doc = ");
        push_str_lit(out, &line_buf);
        out.push_str("]\n");
    }
}

/// Writes an attribute `#[doc = r" text"]`, as `quote!` writes a `/// text` comment.
pub(crate) fn push_doc_comment(out: &mut String, text: &str) {
    out.push_str("#[doc = r\"");
    out.push_str(text);
    out.push_str("\"]\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::Literal;
    use quote::quote;

    #[test]
    fn string_literals_are_escaped_as_proc_macro2_escapes_them() {
        for s in ["plain", "quote \" and 'tick'", "back\\slash", "tab\tnew\nline", "nul\0 and \x007", "é ü 日本 \u{301} \u{200b} \u{7f}", ""] {
            let mut out = String::new();
            push_str_lit(&mut out, s);
            assert_eq!(out, Literal::string(s).to_string(), "{s:?}");
        }
    }

    #[test]
    fn text_lexes_to_the_tokens_quote_builds() {
        let mut text = String::new();
        push_doc_attrs(&mut text, "  First line.  \n second \"line\"\n");
        push_doc_comment(&mut text, " A comment.");
        text.push_str("impl< 'de> X< 'de> for Y { fn f(&self) -> & 'static ::core::primitive::str { a()? ; \"x\" } }");
        let quoted = quote! {
            #[doc = " First line."]
            #[doc = "  second \"line\""]
            /// A comment.
            impl<'de> X<'de> for Y { fn f(&self) -> &'static ::core::primitive::str { a()?; "x" } }
        };
        assert_eq!(TokenStream::from_str(&text).unwrap().to_string(), quoted.to_string());
    }

    #[test]
    fn splices_are_put_back_as_tokens() {
        let mut splices = Splices::default();
        let derive = splices.add(&quote!(serde::Foo));
        let map = splices.add(&quote!(indexmap::IndexMap));
        let text = format!("#[derive({}, Eq)] struct A {{ m: {}< ::std::string::String, u8 > , }}", derive.as_str(), map.as_str());
        let code = Code::new(text, splices.into_vec());
        let expected = quote!(#[derive(serde::Foo, Eq)] struct A { m: indexmap::IndexMap<::std::string::String, u8>, });
        assert_eq!(code.tokens().to_string(), expected.to_string());
        assert_eq!(code.to_string(), "#[derive(serde :: Foo, Eq)] struct A { m: indexmap :: IndexMap< ::std::string::String, u8 > , }");
        // A placeholder out of range (a name no option gave) stays as it is.
        let stray = Code::new(format!("struct {SPLICE}7;"), Vec::new());
        assert_eq!(stray.tokens().to_string(), format!("struct {SPLICE}7 ;"));
        let stray = Code::new(format!("struct {SPLICE}7;"), vec![quote!(X)]);
        assert_eq!(stray.tokens().to_string(), format!("struct {SPLICE}7 ;"));
        assert_eq!(stray.to_string(), format!("struct {SPLICE}7;"));
    }

    #[test]
    fn a_failed_lex_is_a_compile_error() {
        let code = Code::new("struct A;".into(), Vec::new());
        assert!(code.tokens_with(|_| None).to_string().contains("compile_error"));
    }
}
