//! The macro options in use: shaping the generated code to a codebase.
//!
//! ```text
//! cargo run --example options
//! ```

mod api {
    /// The codebase's own dog type, used instead of generating one.
    #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
    pub struct Dog {
        pub name: String,
    }

    mdmodel::include_model!(
        "specs/fixtures/pet.md",
        // Extra attributes on every type, and one type renamed with derives of its own.
        attr(non_exhaustive),
        patch(Cat, rename = "Kitty", derive(Eq, Hash)),
        // Take `Dog` from the codebase instead of generating it.
        replace(Dog = self::Dog),
        // Wire names that the docs do not show.
        rename(Cat.lives = "livesLeft"),
        // Keep fields the docs do not list, so that a proxy loses nothing.
        extra_fields = "keep",
    );
}

fn main() {
    let pet: api::Pet = mdmodel::from_str(r#"{"name": "Tom", "livesLeft": 9, "colour": "grey"}"#).expect("a cat");
    println!("read:  {pet:?}");
    println!("wrote: {}", serde_json::to_string(&pet).expect("serializes"));

    // Required fields go through `new`; everything else starts absent.
    let kitty = api::Kitty::new("Felix".into());
    println!("built: {}", serde_json::to_string(&kitty).expect("serializes"));
}
