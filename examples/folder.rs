//! A whole folder of docs at once: every doc under `specs/fixtures` becomes a type.
//!
//! ```text
//! cargo run --example folder
//! ```

mod models {
    mdmodel::include_models!("specs/fixtures");
}

use models::{ContentPart, Pet, WebhookEvent};

fn main() -> Result<(), mdmodel::PayloadError> {
    // A union of models picks the member whose fields the payload matches best.
    let pet: Pet = mdmodel::from_str(r#"{"name": "Rex", "breed": "collie"}"#)?;
    println!("{pet:?}");

    // A union whose members share a constant `type` field dispatches on it.
    let part: ContentPart = mdmodel::from_str(r#"{"type": "image", "url": "https://example.com/a.png"}"#)?;
    println!("{part:?}");

    // An open enum keeps a value its doc does not list, and writes it back unchanged.
    let event: WebhookEvent = mdmodel::from_str(r#""event.agents.deleted""#)?;
    println!("{event:?} -> {}", serde_json::to_string(&event).expect("serializes"));

    // A refusal names the field path.
    let err = mdmodel::from_str::<ContentPart>(r#"{"type": "image"}"#).unwrap_err();
    println!("refused: {err}");
    Ok(())
}
