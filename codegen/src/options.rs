//! Options of an expansion, shared by the macros and the CLI.

use proc_macro2::TokenStream;
use quote::quote;

/// How enums treat values their doc does not list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EnumMode {
    /// Open where the doc says so, closed elsewhere (the reference's behaviour).
    #[default]
    AsDocumented,
    /// Every enum keeps unknown values in an `Unrecognized` variant.
    Open,
    /// Every enum refuses unknown values.
    Closed,
}

/// Which Rust type a timestamp (`date` link) becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateTimeMode {
    /// `chrono::DateTime<chrono::FixedOffset>`.
    #[default]
    Chrono,
    /// `time::OffsetDateTime`.
    Time,
    /// A plain `String`.
    String,
}

/// Everything that shapes the generated code.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// How enums treat unknown values.
    pub enums: EnumMode,
    /// The timestamp type.
    pub datetime: DateTimeMode,
    /// The map type of `Dict[str, T]`, as a path taking `<String, T>`; `None` for
    /// `std::collections::BTreeMap`.
    pub map: Option<TokenStream>,
}

impl Options {
    /// The tokens of the map type's path.
    pub fn map_path(&self) -> TokenStream {
        match &self.map {
            Some(p) => p.clone(),
            None => quote!(::std::collections::BTreeMap),
        }
    }
}
