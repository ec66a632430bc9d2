//! The limits a `metadata` field's description states, for `mdmodel::Metadata`'s
//! parameters.

/// Limits read from a description; `None` where it states none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MetadataLimits {
    /// "Set of 16 key-value pairs"
    pub max_pairs: Option<usize>,
    /// "Keys are strings with a maximum length of 64 characters"
    pub max_key_chars: Option<usize>,
    /// "Values are strings with a maximum length of 512 characters"
    pub max_value_chars: Option<usize>,
}

/// The number right after `phrase` in `text` (case-insensitive), if any.
fn number_after(text: &str, phrase: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find(phrase)? + phrase.len();
    let digits: String = lower[at..].trim_start().chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// The number in the sentence that starts with `subject` and states a maximum length.
fn max_length_of(text: &str, subject: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let start = lower.find(subject)?;
    let sentence_end = lower[start..].find(". ").map_or(lower.len(), |e| start + e + 1);
    number_after(&text[start..sentence_end], "maximum length of")
}

impl MetadataLimits {
    /// Reads the limits a description states.
    pub fn from_description(docs: &str) -> Self {
        MetadataLimits {
            max_pairs: number_after(docs, "set of").filter(|_| docs.to_ascii_lowercase().contains("key-value pairs")),
            max_key_chars: max_length_of(docs, "keys are"),
            max_value_chars: max_length_of(docs, "values are"),
        }
    }

    /// The Rust type, `::mdmodel::Metadata<P, K, V>`, each limit unstated left at its default.
    pub fn rust_type(&self) -> String {
        let lim = |v: Option<usize>| match v {
            Some(n) => format!("{n}usize"),
            None => "{ ::mdmodel::UNLIMITED }".to_owned(),
        };
        if *self == MetadataLimits::default() {
            return "::mdmodel::Metadata".to_owned();
        }
        format!("::mdmodel::Metadata<{}, {}, {}>", lim(self.max_pairs), lim(self.max_key_chars), lim(self.max_value_chars))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_description() {
        let d = "Set of 16 key-value pairs that can be attached to an object. This can be useful for storing additional information about the object in a structured format, and querying for objects via API or the dashboard.\n\nKeys are strings with a maximum length of 64 characters. Values are strings with a maximum length of 512 characters.";
        assert_eq!(
            MetadataLimits::from_description(d),
            MetadataLimits { max_pairs: Some(16), max_key_chars: Some(64), max_value_chars: Some(512) }
        );
        assert_eq!(MetadataLimits::from_description(d).rust_type(), "::mdmodel::Metadata<16usize, 64usize, 512usize>");
    }

    #[test]
    fn no_limits() {
        let m = MetadataLimits::from_description("Arbitrary metadata.");
        assert_eq!(m, MetadataLimits::default());
        assert_eq!(m.rust_type(), "::mdmodel::Metadata");
        let only_keys = MetadataLimits::from_description("Keys are strings with a maximum length of 10 characters.");
        assert_eq!(only_keys.max_key_chars, Some(10));
        assert_eq!(only_keys.max_pairs, None);
        assert_eq!(only_keys.rust_type(), "::mdmodel::Metadata<{ ::mdmodel::UNLIMITED }, 10usize, { ::mdmodel::UNLIMITED }>");
    }
}
