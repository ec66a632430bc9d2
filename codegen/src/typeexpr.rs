//! Parsing the Python-style type expressions of the Type column and of union headings:
//! `*str*`, `*Nullable[int]*`, `Dict[str, *Any*]`, `List[[models.X](../models/x.md)]`,
//! `[Optional[models.X]](x.md)`, `*Literal["x"]*`, the `date` link.

use crate::error::{Error, ErrorKind};
use crate::ir::{Link, LinkAt, LiteralValue, TypeExpr};
use crate::limits::MAX_TYPE_DEPTH;
use crate::source::Loc;

/// Parses one type expression; `loc` is where the text stands, for errors and links.
pub fn parse_type(text: &str, loc: &Loc) -> Result<TypeExpr<LinkAt>, Error> {
    let mut p = TypeParser { s: text, pos: 0, loc, depth: 0 };
    let ty = p.ty(None)?;
    p.skip_noise();
    if p.pos < p.s.len() {
        return Err(p.unknown(&format!("unexpected `{}` after the type", p.rest_preview())));
    }
    Ok(ty)
}

/// The link a model name inside link text refers to.
#[derive(Clone, Copy)]
struct LinkCtx<'a> {
    target: &'a str,
}

struct TypeParser<'a> {
    s: &'a str,
    pos: usize,
    loc: &'a Loc,
    depth: usize,
}

const HELP: &str = "the dialect has str, int, float, bool, Any, bytes, the `date` link, \
List[T], Dict[str, T], Optional[T], Nullable[T], OptionalNullable[T], Literal[...] and links \
to model docs";

impl<'a> TypeParser<'a> {
    fn unknown(&self, message: &str) -> Error {
        Error::at(ErrorKind::UnknownType, self.loc.clone(), format!("unknown type expression: {message}"))
            .with_snippet(self.s)
            .with_help(HELP)
    }

    fn rest_preview(&self) -> String {
        self.s[self.pos..].chars().take(40).collect()
    }

    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.pos).copied()
    }

    /// Skips white space and the Markdown around types: emphasis stars and backticks.
    fn skip_noise(&mut self) {
        while let Some(c) = self.peek() {
            if c == b'*' || c == b'`' || c.is_ascii_whitespace() {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.skip_noise();
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), Error> {
        if self.eat(c) {
            Ok(())
        } else if self.pos >= self.s.len() {
            Err(self.unknown(&format!("expected `{}` but the text ends", c as char)))
        } else {
            Err(self.unknown(&format!("expected `{}` at `{}`", c as char, self.rest_preview())))
        }
    }

    fn ident(&mut self) -> &'a str {
        self.skip_noise();
        let start = self.pos;
        while let Some(c) = self.peek() {
            if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' {
                self.pos += 1;
            } else {
                break;
            }
        }
        &self.s[start..self.pos]
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_TYPE_DEPTH {
            return Err(Error::at(
                ErrorKind::TooDeep,
                self.loc.clone(),
                format!("type expression nests deeper than {MAX_TYPE_DEPTH} levels"),
            )
            .with_snippet(self.s));
        }
        Ok(())
    }

    fn ty(&mut self, link: Option<LinkCtx<'a>>) -> Result<TypeExpr<LinkAt>, Error> {
        self.enter()?;
        let ty = self.ty_inner(link);
        self.depth -= 1;
        ty
    }

    fn ty_inner(&mut self, link: Option<LinkCtx<'a>>) -> Result<TypeExpr<LinkAt>, Error> {
        self.skip_noise();
        if self.peek() == Some(b'[') {
            return self.link();
        }
        let name = self.ident();
        if name.is_empty() {
            return Err(if self.pos >= self.s.len() {
                self.unknown("the type is empty")
            } else {
                self.unknown(&format!("expected a type at `{}`", self.rest_preview()))
            });
        }
        let generic = |p: &mut Self, f: fn(Box<TypeExpr<LinkAt>>) -> TypeExpr<LinkAt>| {
            p.expect(b'[')?;
            let inner = p.ty(link)?;
            p.expect(b']')?;
            Ok(f(Box::new(inner)))
        };
        match name {
            "str" => Ok(TypeExpr::Str),
            "int" => Ok(TypeExpr::Int),
            "float" => Ok(TypeExpr::Float),
            "bool" => Ok(TypeExpr::Bool),
            "Any" => Ok(TypeExpr::Any),
            "bytes" => Ok(TypeExpr::Bytes),
            "datetime" => Ok(TypeExpr::DateTime),
            "date" if link.is_some_and(|l| is_web_link(l.target)) => Ok(TypeExpr::DateTime),
            "List" => generic(self, TypeExpr::List),
            "Optional" => generic(self, TypeExpr::Optional),
            "Nullable" => generic(self, TypeExpr::Nullable),
            "OptionalNullable" => generic(self, TypeExpr::OptionalNullable),
            "Dict" => {
                self.expect(b'[')?;
                let key = self.ident();
                if key != "str" {
                    return Err(self.unknown(&format!(
                        "a Dict's keys must be `str`, not `{key}`"
                    )));
                }
                self.expect(b',')?;
                let value = self.ty(link)?;
                self.expect(b']')?;
                Ok(TypeExpr::Dict(Box::new(value)))
            }
            "Literal" => {
                self.expect(b'[')?;
                let lit = self.literal()?;
                self.expect(b']')?;
                Ok(TypeExpr::Literal(lit))
            }
            "Union" => self.union(link),
            _ => self.model_name(name, link),
        }
    }

    fn model_name(&mut self, name: &'a str, link: Option<LinkCtx<'a>>) -> Result<TypeExpr<LinkAt>, Error> {
        let bare = name.strip_prefix("models.").unwrap_or(name);
        let is_name = bare.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && bare.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !is_name || self.peek_after_noise() == Some(b'[') {
            return Err(self.unknown(&format!("`{name}` is not a type of the dialect{}", did_you_mean(name))));
        }
        let link = match link {
            Some(ctx) => make_link(ctx.target, bare),
            None if name.starts_with("models.") => Link::Name(bare.to_owned()),
            None => {
                return Err(self.unknown(&format!(
                    "`{name}` is not a type of the dialect{} (a model is written `models.{name}` or as a link)",
                    did_you_mean(name)
                )))
            }
        };
        Ok(TypeExpr::Ref(LinkAt { link, loc: self.loc.clone() }))
    }

    fn peek_after_noise(&mut self) -> Option<u8> {
        let save = self.pos;
        self.skip_noise();
        let c = self.peek();
        self.pos = save;
        c
    }

    /// `[text](target)`: the text is a type expression whose model names mean the target.
    fn link(&mut self) -> Result<TypeExpr<LinkAt>, Error> {
        let open = self.pos;
        let bytes = self.s.as_bytes();
        let mut depth = 0usize;
        let mut i = open;
        let close = loop {
            match bytes.get(i) {
                None => return Err(self.unknown("a link's `[` is never closed")),
                Some(b'\\') => i += 1,
                Some(b'[') => depth += 1,
                Some(b']') => {
                    depth -= 1;
                    if depth == 0 {
                        break i;
                    }
                }
                _ => {}
            }
            i += 1;
        };
        if bytes.get(close + 1) != Some(&b'(') {
            return Err(self.unknown("a `[` that opens no link (`[text](target)`)"));
        }
        let Some(rel_end) = self.s[close + 2..].find(')') else {
            return Err(self.unknown("a link's `(` is never closed"));
        };
        let target = self.s[close + 2..close + 2 + rel_end].trim();
        let target = target.split_whitespace().next().unwrap_or("");
        let text = &self.s[open + 1..close];
        let mut inner = TypeParser { s: text, pos: 0, loc: self.loc, depth: self.depth };
        let ty = inner.ty(Some(LinkCtx { target }))?;
        inner.skip_noise();
        if inner.pos < text.len() {
            return Err(self.unknown(&format!("unexpected `{}` in a link's text", inner.rest_preview())));
        }
        self.pos = close + 2 + rel_end + 1;
        Ok(ty)
    }

    fn literal(&mut self) -> Result<LiteralValue, Error> {
        self.skip_noise();
        match self.peek() {
            Some(q @ (b'"' | b'\'')) => {
                self.pos += 1;
                let mut out = String::new();
                loop {
                    let Some(c) = self.s[self.pos..].chars().next() else {
                        return Err(self.unknown("a string literal is never closed"));
                    };
                    self.pos += c.len_utf8();
                    if c as u32 == q as u32 {
                        break;
                    }
                    if c == '\\' {
                        if let Some(n) = self.s[self.pos..].chars().next() {
                            self.pos += n.len_utf8();
                            out.push(n);
                            continue;
                        }
                    }
                    out.push(c);
                }
                Ok(LiteralValue::Str(out))
            }
            _ => {
                let start = self.pos;
                if self.peek() == Some(b'-') {
                    self.pos += 1;
                }
                let word = self.ident();
                let whole = &self.s[start..self.pos];
                match word {
                    "True" => Ok(LiteralValue::Bool(true)),
                    "False" => Ok(LiteralValue::Bool(false)),
                    _ => whole
                        .parse::<i64>()
                        .map(LiteralValue::Int)
                        .map_err(|_| self.unknown(&format!("`{whole}` is not a literal (a quoted string, an integer, True or False)"))),
                }
            }
        }
    }

    /// `Union[...]`: the two forms the generator writes inline, file content and event streams.
    fn union(&mut self, link: Option<LinkCtx<'a>>) -> Result<TypeExpr<LinkAt>, Error> {
        self.expect(b'[')?;
        let mut members: Vec<String> = Vec::new();
        let mut stream: Option<TypeExpr<LinkAt>> = None;
        loop {
            let name = self.ident();
            match name {
                "bytes" | "io.BufferedReader" => members.push(name.to_owned()),
                "IO" => {
                    self.expect(b'[')?;
                    let inner = self.ident();
                    self.expect(b']')?;
                    members.push(format!("IO[{inner}]"));
                }
                "eventstreaming.EventStream" | "eventstreaming.EventStreamAsync" => {
                    self.expect(b'[')?;
                    let ty = self.ty(link)?;
                    self.expect(b']')?;
                    if stream.as_ref().is_some_and(|s| *s != ty) {
                        return Err(self.unknown("an event stream union whose members stream different types"));
                    }
                    stream = Some(ty);
                    members.push(name.to_owned());
                }
                _ => {
                    return Err(self.unknown(&format!(
                        "an inline `Union[...]` holds file content (`bytes`, `IO[bytes]`, `io.BufferedReader`) or event streams, not `{name}`"
                    )));
                }
            }
            if self.eat(b']') {
                break;
            }
            self.expect(b',')?;
        }
        match stream {
            Some(ty) if members.iter().all(|m| m.starts_with("eventstreaming.")) => {
                Ok(TypeExpr::EventStream(Box::new(ty)))
            }
            None => Ok(TypeExpr::Bytes),
            Some(_) => Err(self.unknown("a union that mixes event streams and file content")),
        }
    }
}

fn is_web_link(target: &str) -> bool {
    target.starts_with("http://") || target.starts_with("https://")
}

fn make_link(target: &str, text: &str) -> Link {
    if let Some(anchor) = target.strip_prefix('#') {
        return Link::Anchor(anchor.to_owned());
    }
    let (path, anchor) = match target.split_once('#') {
        Some((p, a)) => (p, Some(a.to_owned())),
        None => (target, None),
    };
    Link::File { path: path.to_owned(), anchor, text: text.to_owned() }
}

/// The names of the dialect's own types.
const DIALECT: &[&str] = &[
    "str", "int", "float", "bool", "Any", "bytes", "datetime", "List", "Optional", "Nullable", "OptionalNullable", "Dict",
    "Literal", "Union",
];

/// `; did you mean `str`?` where a name of the dialect is within an edit of `name` (two for
/// names longer than four letters; letter case aside), else nothing.
fn did_you_mean(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let most = if name.len() <= 4 { 1 } else { 2 };
    DIALECT
        .iter()
        .map(|d| (strsim::damerau_levenshtein(&lower, &d.to_ascii_lowercase()), d))
        .filter(|(distance, d)| *distance <= most.min(d.len() / 2))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, d)| format!("; did you mean `{d}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::Arc;

    fn loc() -> Loc {
        Loc { file: Arc::from(Path::new("t.md")), line: 3, column: 1 }
    }

    fn parse(s: &str) -> Result<TypeExpr<LinkAt>, Error> {
        parse_type(s, &loc())
    }

    fn file_ref(path: &str, text: &str) -> TypeExpr<LinkAt> {
        TypeExpr::Ref(LinkAt {
            link: Link::File { path: path.into(), anchor: None, text: text.into() },
            loc: loc(),
        })
    }

    #[test]
    fn scalars_and_generics() {
        assert_eq!(parse("*str*").unwrap(), TypeExpr::Str);
        assert_eq!(parse("`*bool*`").unwrap(), TypeExpr::Bool);
        assert_eq!(parse("*Nullable[int]*").unwrap(), TypeExpr::Nullable(Box::new(TypeExpr::Int)));
        assert_eq!(
            parse("*OptionalNullable[float]*").unwrap(),
            TypeExpr::OptionalNullable(Box::new(TypeExpr::Float))
        );
        assert_eq!(parse("Dict[str, *Any*]").unwrap(), TypeExpr::Dict(Box::new(TypeExpr::Any)));
        assert_eq!(
            parse("List[*Nullable[str]*]").unwrap(),
            TypeExpr::List(Box::new(TypeExpr::Nullable(Box::new(TypeExpr::Str))))
        );
        assert_eq!(parse("*Union[bytes, IO[bytes], io.BufferedReader]*").unwrap(), TypeExpr::Bytes);
    }

    #[test]
    fn links() {
        assert_eq!(
            parse("[models.CancelBatchObject](../models/cancelbatchobject.md)").unwrap(),
            file_ref("../models/cancelbatchobject.md", "CancelBatchObject")
        );
        assert_eq!(
            parse("[Optional[models.X]](../models/x.md)").unwrap(),
            TypeExpr::Optional(Box::new(file_ref("../models/x.md", "X")))
        );
        assert_eq!(
            parse("List[Dict[str, [models.M](../models/m.md)]]").unwrap(),
            TypeExpr::List(Box::new(TypeExpr::Dict(Box::new(file_ref("../models/m.md", "M")))))
        );
        assert_eq!(
            parse("[date](https://docs.python.org/3/library/datetime.html#date-objects)").unwrap(),
            TypeExpr::DateTime
        );
        assert_eq!(
            parse("[BackoffStrategy](#backoffstrategy)").unwrap(),
            TypeExpr::Ref(LinkAt { link: Link::Anchor("backoffstrategy".into()), loc: loc() })
        );
        assert_eq!(
            parse("models.Format1").unwrap(),
            TypeExpr::Ref(LinkAt { link: Link::Name("Format1".into()), loc: loc() })
        );
    }

    #[test]
    fn literals() {
        assert_eq!(parse("*Literal[\"x\"]*").unwrap(), TypeExpr::Literal(LiteralValue::Str("x".into())));
        assert_eq!(parse("Literal[True]").unwrap(), TypeExpr::Literal(LiteralValue::Bool(true)));
        assert_eq!(parse("Literal[-3]").unwrap(), TypeExpr::Literal(LiteralValue::Int(-3)));
        assert_eq!(
            parse("*Optional[Literal[False]]*").unwrap(),
            TypeExpr::Optional(Box::new(TypeExpr::Literal(LiteralValue::Bool(false))))
        );
    }

    #[test]
    fn event_streams() {
        assert_eq!(
            parse("Union[eventstreaming.EventStream[models.Chunk], eventstreaming.EventStreamAsync[models.Chunk]]").unwrap(),
            TypeExpr::EventStream(Box::new(TypeExpr::Ref(LinkAt { link: Link::Name("Chunk".into()), loc: loc() })))
        );
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let e = parse("*Tuple[int]*").unwrap_err();
        assert_eq!(e.kind, ErrorKind::UnknownType);
        assert!(e.message.contains("`Tuple` is not a type of the dialect"), "{e}");
        assert_eq!(e.snippet.as_deref(), Some("*Tuple[int]*"));
        assert!(!e.message.contains("did you mean"), "{e}");
        let e = parse("*strr*").unwrap_err();
        assert!(e.message.contains("`strr` is not a type of the dialect; did you mean `str`? (a model is written `models.strr`"), "{e}");
        let e = parse("*Nulable[int]*").unwrap_err();
        assert!(e.message.contains("`Nulable` is not a type of the dialect; did you mean `Nullable`?"), "{e}");
        let e = parse("*list[str]*").unwrap_err();
        assert!(e.message.contains("did you mean `List`?"), "{e}");
        // A short name far from every type of the dialect gets no guess.
        let e = parse("*Foo*").unwrap_err();
        assert!(!e.message.contains("did you mean"), "{e}");
        let e = parse("List[str").unwrap_err();
        assert!(e.message.contains("expected `]` but the text ends"), "{e}");
        let e = parse("").unwrap_err();
        assert!(e.message.contains("the type is empty"), "{e}");
        let e = parse("Dict[int, str]").unwrap_err();
        assert!(e.message.contains("keys must be `str`"), "{e}");
        let e = parse("*str* extra").unwrap_err();
        assert!(e.message.contains("unexpected `extra`"), "{e}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}str{}", "List[".repeat(5000), "]".repeat(5000));
        let e = parse(&deep).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooDeep);
        let links = format!("{}x{}", "[".repeat(5000), "](a.md)".repeat(5000));
        assert!(parse(&links).is_err());
    }
}
