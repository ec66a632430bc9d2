//! Turning doc names into Rust identifiers that compile whatever the doc says.

use std::collections::HashSet;

/// Words that are keywords in some Rust edition and can be raw identifiers.
const RAW_KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do",
    "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in",
    "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe",
    "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Splits a name into words at `_`, `-`, spaces and other punctuation, and at lower-to-upper
/// case changes (`camelCase` → `camel`, `Case`).
fn words(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev: Option<char> = None;
    for c in name.chars() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            let boundary = (p.is_lowercase() || p.is_ascii_digit()) && c.is_uppercase();
            if boundary && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        cur.push(c);
        prev = Some(c);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Keeps only the characters an identifier may hold (ASCII letters, digits, `_`).
fn ascii_only(s: &str) -> String {
    s.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
}

/// `UpperCamelCase` of a name: `BATCH` → `Batch`, `TRANSLATION_DOCUMENT_` →
/// `TranslationDocument`, `event.agents.action_reviewed` → `EventAgentsActionReviewed`,
/// `CancelBatchObject` stays. A name that starts with a digit gets `prefix` in front.
pub fn upper_camel(name: &str, prefix: &str) -> String {
    let mut out = String::new();
    for w in words(name) {
        let w = ascii_only(&w);
        let mut chars = w.chars();
        let Some(first) = chars.next() else { continue };
        out.push(first.to_ascii_uppercase());
        let rest: String = chars.collect();
        if rest.chars().any(|c| c.is_ascii_lowercase()) {
            out.push_str(&rest);
        } else {
            out.push_str(&rest.to_ascii_lowercase());
        }
    }
    if out.is_empty() {
        out.push_str(prefix);
        out.push_str("Empty");
    } else if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, prefix);
    }
    if out == "Self" {
        out.push('_');
    }
    out
}

/// A type's name: the title where it is already `UpperCamelCase`, its conversion where not.
pub fn type_name(title: &str) -> String {
    let valid = title.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && title.chars().all(|c| c.is_ascii_alphanumeric())
        && title != "Self";
    if valid {
        title.to_owned()
    } else {
        upper_camel(title, "T")
    }
}

/// Whether clippy's `upper_case_acronyms` would object to a type name (`HTTP`).
pub fn is_all_caps(name: &str) -> bool {
    name.len() > 1 && name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// `snake_case` of a field name: `total` stays, `maxTokens` → `max_tokens`.
pub fn snake(name: &str) -> String {
    let ws: Vec<String> = words(name).iter().map(|w| ascii_only(w).to_ascii_lowercase()).filter(|w| !w.is_empty()).collect();
    let mut out = ws.join("_");
    if out.is_empty() {
        out.push_str("field");
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'n');
    }
    out
}

/// The identifier of a field, as written in code: its `snake_case` name, raw where it is a
/// keyword (`r#type`), with `_` appended where it cannot be raw (`self_`).
pub fn field_ident(name: &str) -> String {
    ident_for(&snake(name))
}

/// The identifier, as written in code, for a name that is already in the right case (made of
/// ASCII letters, digits and `_`): `r#type` for a keyword, `self_` where raw is not allowed.
pub fn ident_for(name: &str) -> String {
    if RAW_KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else if NON_RAW_KEYWORDS.contains(&name) {
        format!("{name}_")
    } else {
        name.to_owned()
    }
}

/// Hands out names unique within one scope: the second `Auto` becomes `Auto2`.
#[derive(Default)]
pub struct NameScope {
    taken: HashSet<String>,
}

impl NameScope {
    /// Reserves `name`, or the first free `name2`, `name3`, ... and returns what it took.
    pub fn claim(&mut self, name: String) -> String {
        if self.taken.insert(name.clone()) {
            return name;
        }
        let sep = if name.ends_with(|c: char| c.is_ascii_digit()) { "_" } else { "" };
        (2..)
            .map(|i| format!("{name}{sep}{i}"))
            .find(|n| self.taken.insert(n.clone()))
            .expect("an unbounded range always yields a free name")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel() {
        assert_eq!(upper_camel("BATCH", "V"), "Batch");
        assert_eq!(upper_camel("TRANSLATION_DOCUMENT_", "V"), "TranslationDocument");
        assert_eq!(upper_camel("event.agents.action_reviewed", "V"), "EventAgentsActionReviewed");
        assert_eq!(upper_camel("openai/tts-1-hd", "V"), "OpenaiTts1Hd");
        assert_eq!(upper_camel("24h", "V"), "V24h");
        assert_eq!(upper_camel("gpt4Turbo", "V"), "Gpt4Turbo");
        assert_eq!(upper_camel("", "V"), "VEmpty");
        assert_eq!(upper_camel("日本", "V"), "VEmpty");
        assert_eq!(upper_camel("self", "V"), "Self_");
    }

    #[test]
    fn types_and_fields() {
        assert_eq!(type_name("CancelBatchResponseBody"), "CancelBatchResponseBody");
        assert_eq!(type_name("Two3"), "Two3");
        assert_eq!(type_name("2fa config"), "T2faConfig");
        assert_eq!(type_name("HTTP"), "HTTP");
        assert_eq!(type_name("http_Thing"), "HttpThing");
        assert_eq!(snake("maxTokens"), "max_tokens");
        assert_eq!(snake("input_file_id"), "input_file_id");
        assert_eq!(field_ident("type"), "r#type");
        assert_eq!(field_ident("self"), "self_");
        assert_eq!(field_ident("1st"), "n1st");
        assert_eq!(ident_for("CancelBatchObject"), "CancelBatchObject");
    }

    #[test]
    fn scope() {
        let mut s = NameScope::default();
        assert_eq!(s.claim("Auto".into()), "Auto");
        assert_eq!(s.claim("Auto".into()), "Auto2");
        assert_eq!(s.claim("Auto".into()), "Auto3");
        assert_eq!(s.claim("V1".into()), "V1");
        assert_eq!(s.claim("V1".into()), "V1_2");
    }
}
