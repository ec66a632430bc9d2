//! Every macro option, by its effect on the generated code or its behaviour.
#![deny(warnings)]
#![forbid(unsafe_code)]

use std::collections::HashSet;

use serde_json::json;

/// `derive(...)` adds derives to every type; ones a type already has are not repeated.
mod derived {
    mdmodel::include_model!("specs/fixtures/presence.md", derive(Eq, Hash, PartialOrd));
}

#[test]
fn derive_adds_to_every_type() {
    let p: derived::Presence = serde_json::from_value(json!({"name": "a", "finished_at": 1})).unwrap();
    let mut set = HashSet::new();
    set.insert(p.clone());
    assert!(set.contains(&p));
    let q: derived::Presence = serde_json::from_value(json!({"name": "b", "finished_at": 1})).unwrap();
    assert!(p < q);
}

/// `attr(...)` adds attributes to every type.
mod attributed {
    mdmodel::include_model!("specs/fixtures/cat.md", attr(serde(deny_unknown_fields)));
}

#[test]
fn attr_adds_attributes() {
    let e = serde_json::from_value::<attributed::Cat>(json!({"name": "Tom", "whiskers": 12})).unwrap_err();
    assert!(e.to_string().starts_with("unknown field `whiskers`"), "{e}");
}

/// `patch(...)` changes one type; `replace(...)` takes a type from elsewhere.
mod patched {
    pub mod mine {
        /// The user's own dog.
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        pub struct Dog {
            pub name: String,
        }
    }
    mdmodel::include_model!(
        "specs/fixtures/pet.md",
        patch(Cat, derive(Eq, Hash), rename = "Kitty"),
        replace(Dog = self::mine::Dog),
    );
}

#[test]
fn patch_renames_and_derives_one_type_and_replace_uses_the_users_type() {
    let pet: patched::Pet = serde_json::from_value(json!({"name": "Tom", "lives": 9})).unwrap();
    let patched::Pet::Kitty(cat) = pet else { panic!("{pet:?}") };
    let kitty: patched::Kitty = cat;
    let mut set = HashSet::new();
    set.insert(kitty);
    let pet: patched::Pet = serde_json::from_value(json!({"name": "Rex", "breed": "collie"})).unwrap();
    // The best fit is still judged by the doc's fields: `breed` makes it the dog.
    assert_eq!(pet, patched::Pet::Dog(patched::mine::Dog { name: "Rex".into() }));
}

/// Wire names: inline `rename`, `rename_all`, and the wire-name file.
mod renamed {
    mdmodel::include_model!(
        "specs/fixtures/pet.md",
        rename(Cat.lives = "livesLeft"),
        rename_all(Dog = "camelCase"),
        renames = "tests/data/wire-names.json",
    );
}

#[test]
fn wire_names_from_options_and_file() {
    let cat = renamed::Cat { name: "Tom".into(), lives: Some(9) };
    assert_eq!(serde_json::to_value(&cat).unwrap(), json!({"name": "Tom", "livesLeft": 9}));
    // The file's `dogBreed` wins over `rename_all`'s `breed`.
    let dog: renamed::Dog = serde_json::from_value(json!({"name": "Rex", "dogBreed": "collie", "good": true})).unwrap();
    assert_eq!(dog.breed.as_deref(), Some("collie"));
    let pet: renamed::Pet = serde_json::from_value(json!({"name": "Rex", "dogBreed": "collie"})).unwrap();
    assert!(matches!(pet, renamed::Pet::Dog(_)), "{pet:?}");
}

/// `discriminated`: the SDK's union is a tagged one, which the doc does not say.
mod discriminated {
    mdmodel::include_model!("specs/fixtures/contentpart.md", discriminated(ContentPart = "type"));
}
mod plain_union {
    mdmodel::include_model!("specs/fixtures/contentpart.md");
}

#[test]
fn a_discriminated_union_requires_its_tag() {
    let untagged = json!({"url": "u"});
    // By default a member whose constant the payload leaves out may still take it (best fit,
    // as pydantic reads a plain union; `ImagePart.type` is a literal, absent or `image`).
    let plain: plain_union::ContentPart = serde_json::from_value(untagged.clone()).unwrap();
    assert!(matches!(plain, plain_union::ContentPart::ImagePart(_)), "{plain:?}");
    // Discriminated: the tag picks the member, and is required.
    let e = mdmodel::from_value::<discriminated::ContentPart>(untagged).unwrap_err().to_string();
    assert_eq!(e, "`ContentPart`: missing string field `type` (one of `text`, `image`) that picks the member");
    let e = mdmodel::from_value::<discriminated::ContentPart>(json!({"type": "video", "url": "u"})).unwrap_err().to_string();
    assert_eq!(e, "`ContentPart`: unknown `type` `video`, expected one of `text`, `image`");
    let e = mdmodel::from_value::<discriminated::ContentPart>(json!({"type": "image"})).unwrap_err().to_string();
    assert_eq!(e, "ContentPart::ImagePart: missing field `url`");
    let image: discriminated::ContentPart = serde_json::from_value(json!({"type": "image", "url": "u"})).unwrap();
    assert_eq!(serde_json::to_value(&image).unwrap(), json!({"type": "image", "url": "u"}));
    let text: discriminated::ContentPart = serde_json::from_value(json!({"type": "text", "text": "hi"})).unwrap();
    assert!(matches!(text, discriminated::ContentPart::TextPart(_)), "{text:?}");
}

mod kept {
    mdmodel::include_model!("specs/fixtures/cat.md", extra_fields = "keep");
}
mod denied {
    mdmodel::include_model!("specs/fixtures/cat.md", extra_fields = "deny");
}

#[test]
fn extra_fields_keep_or_deny() {
    let v = json!({"name": "Tom", "whiskers": 12, "tags": ["grey"]});
    let cat: kept::Cat = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(cat.extra_fields["whiskers"], json!(12));
    assert_eq!(serde_json::to_value(&cat).unwrap(), v);
    let e = serde_json::from_value::<denied::Cat>(v).unwrap_err();
    assert!(e.to_string().starts_with("unknown field `tags`, expected `name` or `lives`"), "{e}");
    // The default ignores them.
    let cat: kept::Cat = kept::Cat::new("Tom".into());
    assert!(cat.extra_fields.is_empty());
}

mod hashed {
    mdmodel::include_model!("specs/fixtures/nesting.md", map = std::collections::HashMap);
}

#[test]
fn map_option_changes_the_dict_type() {
    let n: hashed::Nesting = serde_json::from_value(json!({"rows": [], "flags": {"x": {"y": true}}, "names": [], "by_id": {}, "raw": null})).unwrap();
    let flags: &std::collections::HashMap<String, std::collections::HashMap<String, bool>> = &n.flags;
    assert!(flags["x"]["y"]);
}

mod built {
    mdmodel::include_models!("specs/fixtures");
}

#[test]
fn new_takes_the_required_fields_and_default_where_all_may_be_absent() {
    let p = built::Presence::new("n".into(), mdmodel::Nullable::Null);
    assert_eq!(serde_json::to_value(&p).unwrap(), json!({"name": "n", "finished_at": null}));
    // Literals are never spelled out.
    let i = built::ImagePart::new("https://x/y.png".into());
    assert_eq!(serde_json::to_value(&i).unwrap(), json!({"type": "image", "url": "https://x/y.png"}));
    let l = built::Literals::default();
    assert_eq!(serde_json::to_value(&l).unwrap(), json!({"kind": "function", "strict": true, "version": 2}));
}
