//! Every construct of the doc dialect: a fixture doc in `specs/fixtures/`, a payload read and
//! written back, and a payload refused.
#![deny(warnings)]
#![forbid(unsafe_code)]

use mdmodel::{Nullable, OptionalNullable};
use serde_json::{json, Value};

mod m {
    mdmodel::include_models!("specs/fixtures");
}
use m::*;

mod open {
    mdmodel::include_model!("specs/fixtures/modelpicks.md", enums = "open");
}
mod stamps_as_strings {
    mdmodel::include_model!("specs/fixtures/timestamps.md", datetime = "string");
}
mod stamps_as_time {
    mdmodel::include_model!("specs/fixtures/timestamps.md", datetime = "time");
}
mod closed {
    mdmodel::include_model!("specs/fixtures/webhookevent.md", enums = "closed");
}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(v: Value) -> T {
    let t: T = serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{v}: {e}"));
    assert_eq!(serde_json::to_value(&t).unwrap(), v);
    t
}

fn refuse<T: serde::de::DeserializeOwned + std::fmt::Debug>(v: Value) -> String {
    serde_json::from_value::<T>(v.clone()).map(|t| panic!("{v} was accepted as {t:?}")).unwrap_err().to_string()
}

#[test]
fn table_enum_with_punctuated_values() {
    assert_eq!(round_trip::<ModelPicks>(json!("auto")), ModelPicks::Auto);
    assert_eq!(round_trip::<ModelPicks>(json!("AUTO")), ModelPicks::AutoUpper);
    assert_eq!(round_trip::<ModelPicks>(json!("Two words")), ModelPicks::TwoWords);
    assert_eq!(round_trip::<ModelPicks>(json!("chat.completion")), ModelPicks::ChatCompletion);
    assert_eq!(round_trip::<ModelPicks>(json!("openai/tts-1-hd")), ModelPicks::OpenaiTts1Hd);
    assert_eq!(round_trip::<ModelPicks>(json!("urn:x")), ModelPicks::UrnX);
    assert_eq!(round_trip::<ModelPicks>(json!("1k")), ModelPicks::OneK);
    assert_eq!(round_trip::<ModelPicks>(json!("Translation (document)")), ModelPicks::TranslationDocument);
    let e = refuse::<ModelPicks>(json!("Auto"));
    assert!(e.starts_with("unknown variant `Auto`, expected one of `auto`, `AUTO`, `Two words`"), "{e}");
    assert_eq!(refuse::<ModelPicks>(json!(1)), "invalid type: integer `1`, expected one of `auto`, `AUTO`, `Two words`, `chat.completion`, `openai/tts-1-hd`, `urn:x`, `1k`, `Translation (document)`");
}

#[test]
fn list_enum_open_as_documented() {
    assert_eq!(round_trip::<WebhookEvent>(json!("event.agents.action_reviewed")), WebhookEvent::EventAgentsActionReviewed);
    assert_eq!(round_trip::<WebhookEvent>(json!("2fa.enabled")), WebhookEvent::V2faEnabled);
    let new = round_trip::<WebhookEvent>(json!("event.agents.deleted"));
    assert_eq!(new, WebhookEvent::Unrecognized("event.agents.deleted".into()));
    assert_eq!(new.as_str(), "event.agents.deleted");
    assert!(refuse::<WebhookEvent>(json!(3)).starts_with("invalid type: integer `3`"));
}

#[test]
fn enums_option_opens_or_closes_every_enum() {
    let v = round_trip::<open::ModelPicks>(json!("brand-new"));
    assert_eq!(v, open::ModelPicks::Unrecognized("brand-new".into()));
    let e = refuse::<closed::WebhookEvent>(json!("event.agents.deleted"));
    assert!(e.starts_with("unknown variant `event.agents.deleted`"), "{e}");
}

#[test]
fn integer_enum() {
    assert_eq!(round_trip::<RetryCount>(json!(3)), RetryCount::Three);
    assert_eq!(RetryCount::Ten.value(), 10);
    assert_eq!(refuse::<RetryCount>(json!(2)), "invalid value: integer `2`, expected one of 1, 3, 10");
    assert!(refuse::<RetryCount>(json!("3")).starts_with("invalid type: string \"3\""));
}

#[test]
fn scalar_union_picks_the_exact_type() {
    assert_eq!(round_trip::<ScalarUnion>(json!("x")), ScalarUnion::Str("x".into()));
    assert_eq!(round_trip::<ScalarUnion>(json!(1)), ScalarUnion::Int(1));
    assert_eq!(round_trip::<ScalarUnion>(json!(1.5)), ScalarUnion::Float(1.5));
    assert_eq!(round_trip::<ScalarUnion>(json!(true)), ScalarUnion::Bool(true));
    assert_eq!(round_trip::<ScalarUnion>(json!(["a"])), ScalarUnion::ListOfStr(vec!["a".into()]));
    let e = refuse::<ScalarUnion>(json!({"a": 1}));
    assert!(e.starts_with("the value fits no member of `ScalarUnion` (Str: invalid type: map"), "{e}");
}

#[test]
fn model_union_picks_the_best_fitting_model() {
    // Both members accept {"name"}; the extra field says which one the payload is.
    let dog = round_trip::<Pet>(json!({"name": "Rex", "breed": "collie"}));
    assert!(matches!(dog, Pet::Dog(ref d) if d.breed.as_deref() == Some("collie")), "{dog:?}");
    let cat = round_trip::<Pet>(json!({"name": "Tom", "lives": 9}));
    assert!(matches!(cat, Pet::Cat(_)), "{cat:?}");
    // A tie goes to the first member, as in the reference.
    assert!(matches!(round_trip::<Pet>(json!({"name": "Ann"})), Pet::Cat(_)));
    let e = refuse::<Pet>(json!({"breed": "collie"}));
    assert!(e.contains("Cat: missing field `name`") && e.contains("Dog: missing field `name`"), "{e}");
}

#[test]
fn model_union_counts_the_fields_set_inside_each_member() {
    // Both members fit (each ignores the other's key); pydantic's smart mode counts the fields
    // set in every model inside a member, so the conditions under `any` decide.
    let p = json!({"all": [], "any": [{"field": "lang", "equals": "en"}]});
    let f: Filter = serde_json::from_value(p).unwrap();
    assert!(matches!(f, Filter::FilterAny(ref a) if a.any.len() == 1), "{f:?}");
    assert_eq!(serde_json::to_value(&f).unwrap(), json!({"any": [{"field": "lang", "equals": "en"}]}));
    // Three fields set on each side: a tie, which goes to the first member.
    let p = json!({"all": [{"field": "a"}], "any": [{"field": "b"}]});
    assert!(matches!(serde_json::from_value::<Filter>(p).unwrap(), Filter::FilterAll(_)));
    let p = json!({"all": [{"field": "a"}, {"field": "b"}], "any": [{"field": "c", "equals": "d"}]});
    assert!(matches!(serde_json::from_value::<Filter>(p).unwrap(), Filter::FilterAll(_)));
    let p = json!({"all": [{"field": "a"}], "any": [{"field": "c", "equals": "d"}]});
    assert!(matches!(serde_json::from_value::<Filter>(p).unwrap(), Filter::FilterAny(_)));
    // Only the chosen member's fields count toward an enclosing pick, and a refusal names both.
    let e = refuse::<Filter>(json!({"all": [{"equals": "x"}]}));
    assert!(e.contains("FilterAll: all[0]: missing field `field`") && e.contains("FilterAny: missing field `any`"), "{e}");
}

#[test]
fn tagged_union_dispatches_on_its_constant_field() {
    let t = round_trip::<ContentPart>(json!({"type": "text", "text": "hi"}));
    assert_eq!(t, ContentPart::TextPart(TextPart { r#type: TextPartType::Text, text: "hi".into() }));
    let i = round_trip::<ContentPart>(json!({"type": "image", "url": "u"}));
    assert_eq!(i, ContentPart::ImagePart(ImagePart { r#type: LiteralImage, url: "u".into() }));
    let e = refuse::<ContentPart>(json!({"type": "image", "text": "hi"}));
    assert_eq!(e, "ContentPart::ImagePart: missing field `url`");
    // Without the tag, every member is tried, as the reference's smart mode does: the image
    // part's `type` is a literal with a default, so it fits.
    let untagged: ContentPart = serde_json::from_value(json!({"url": "u"})).unwrap();
    assert!(matches!(untagged, ContentPart::ImagePart(_)), "{untagged:?}");
    // Inside a member, the error names the field.
    let e = refuse::<ContentPart>(json!({"type": "text", "text": 5}));
    assert_eq!(e, "ContentPart::TextPart: text: invalid type: integer `5`, expected a string");
    let e = refuse::<ContentPart>(json!({"type": "audio"}));
    assert_eq!(e, "`ContentPart`: unknown `type` `audio`, expected one of `text`, `image`");
}

#[test]
fn unions_read_from_text_as_from_a_value() {
    // Read from text, a union buffers strings borrowed from the input where they hold no
    // escape; the member reads them as the same strings.
    let text = r#"[{"type": "text", "text": "a\"b\n\u00e9 plain"}, {"url": "u\/v", "type": "image"}, {"url": "no tag"}]"#;
    let parts: Vec<ContentPart> = serde_json::from_str(text).unwrap();
    let text_part = |t: &str| ContentPart::TextPart(TextPart { r#type: TextPartType::Text, text: t.into() });
    let image_part = |u: &str| ContentPart::ImagePart(ImagePart { r#type: LiteralImage, url: u.into() });
    assert_eq!(parts, [text_part("a\"b\n\u{e9} plain"), image_part("u/v"), image_part("no tag")]);
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::from_value::<Vec<ContentPart>>(value).unwrap(), parts);
    // A best-fit pick reads each member from the buffer, an escaped key included.
    let text = r#"{"all": [], "any": [{"field": "l\u0061ng", "equals": "en"}]}"#;
    let f: Filter = serde_json::from_str(text).unwrap();
    assert_eq!(serde_json::to_value(&f).unwrap(), json!({"any": [{"field": "lang", "equals": "en"}]}));
    // A model inside a member is read from an object only, never from an array.
    let e = serde_json::from_str::<Filter>(r#"{"any": [["lang", "en"]]}"#).unwrap_err().to_string();
    assert!(e.contains("FilterAny: any[0]: invalid type: sequence, expected struct Condition"), "{e}");
    // A key given twice is refused inside a union as it is outside one (nothing is dropped
    // silently; the reference keeps the last value).
    let e = serde_json::from_str::<ContentPart>(r#"{"text": "first", "type": "text", "text": "last"}"#).unwrap_err().to_string();
    assert!(e.starts_with("ContentPart::TextPart: duplicate field `text`"), "{e}");
    let e = serde_json::from_str::<TextPart>(r#"{"text": "first", "type": "text", "text": "last"}"#).unwrap_err().to_string();
    assert!(e.starts_with("duplicate field `text`"), "{e}");
    let e = serde_json::from_str::<ContentPart>(r#"{"type": "text", "text": [1]}"#).unwrap_err().to_string();
    assert!(e.starts_with("ContentPart::TextPart: text: invalid type: sequence, expected a string"), "{e}");
}

#[test]
fn literals_accept_only_their_value_and_need_no_spelling() {
    let l = round_trip::<Literals>(json!({"kind": "function", "strict": true, "version": 2}));
    assert_eq!(l.stream, None);
    round_trip::<Literals>(json!({"kind": "function", "strict": true, "version": 2, "stream": false}));
    // Absent literals are filled in, and written.
    let filled: Literals = serde_json::from_value(json!({})).unwrap();
    assert_eq!(serde_json::to_value(&filled).unwrap(), json!({"kind": "function", "strict": true, "version": 2}));
    assert_eq!(Literals::default(), filled);
    let e = refuse::<Literals>(json!({"kind": "tool"}));
    assert_eq!(e, "unknown variant `tool`, expected `function`");
    assert_eq!(refuse::<Literals>(json!({"strict": false})), "invalid value: boolean `false`, expected the literal true");
    assert_eq!(refuse::<Literals>(json!({"version": 3})), "invalid value: integer `3`, expected the literal 2");
    assert_eq!(refuse::<Literals>(json!({"stream": true})), "invalid value: boolean `true`, expected the literal false");
}

#[test]
fn timestamps_are_rfc3339() {
    let t = round_trip::<Timestamps>(json!({"created": "2025-02-11T08:46:07+01:00"}));
    assert_eq!(t.created.timestamp(), 1739259967);
    round_trip::<Timestamps>(json!({"created": "2025-02-11T08:46:07Z", "updated": "2025-02-12T00:00:00.500Z"}));
    // Fractions are kept to the nanosecond; they are written with millisecond or finer digits.
    let t: Timestamps = serde_json::from_value(json!({"created": "2025-02-11T08:46:07.5Z"})).unwrap();
    assert_eq!(t.created.timestamp_subsec_millis(), 500);
    let e = refuse::<Timestamps>(json!({"created": "yesterday"}));
    assert!(e.contains("input contains invalid characters") || e.contains("premature end of input"), "{e}");
}

#[test]
fn datetime_option_string_keeps_the_text() {
    let t = round_trip::<stamps_as_strings::Timestamps>(json!({"created": "2025-02-11T08:46:07.5Z"}));
    assert_eq!(t.created, "2025-02-11T08:46:07.5Z");
}

#[test]
fn datetime_option_time_reads_and_writes_rfc3339() {
    let t = round_trip::<stamps_as_time::Timestamps>(json!({"created": "2025-02-11T08:46:07+01:00", "updated": "2025-02-12T00:00:00.5Z"}));
    assert_eq!(t.created.unix_timestamp(), 1739259967);
    let e = refuse::<stamps_as_time::Timestamps>(json!({"created": "yesterday"}));
    assert!(e.starts_with("`yesterday` is not an RFC 3339 timestamp"), "{e}");
}

#[test]
fn file_content() {
    let u = round_trip::<Upload>(json!({"file_name": "a.txt", "content": "hello"}));
    assert_eq!(u.content.as_slice(), b"hello");
    assert!(refuse::<Upload>(json!({"file_name": "a.txt", "content": 5})).starts_with("invalid type: integer `5`, expected file content as a string"));
}

#[test]
fn nested_containers() {
    let v = json!({
        "rows": [{"a": {"name": "Tom"}}],
        "flags": {"x": {"y": true}},
        "names": ["a", null],
        "by_id": {"1": {"name": "Rex"}, "2": null},
        "raw": null,
    });
    let n = round_trip::<Nesting>(v);
    assert_eq!(n.names, [Nullable::Value("a".to_string()), Nullable::Null]);
    assert_eq!(n.by_id["2"], Nullable::Null);
    assert_eq!(n.raw, Nullable::Null);
    assert_eq!(n.extra, None);
    let e = refuse::<Nesting>(json!({"rows": [], "flags": {"x": {"y": 1}}, "names": [], "by_id": {}, "raw": 1}));
    assert_eq!(e, "invalid type: integer `1`, expected a boolean");
    // `Nullable[Any]` keeps any value, `Optional[Any]` too.
    let n = round_trip::<Nesting>(json!({"rows": [], "flags": {}, "names": [], "by_id": {}, "raw": {"k": [1]}, "extra": 3}));
    assert_eq!(n.raw, Nullable::Value(json!({"k": [1]})));
}

#[test]
fn example_column_escaped_pipes_and_inline_markup() {
    let a = round_trip::<Annotated>(json!({"model": "openai/gpt-4o", "limit": 10}));
    assert_eq!(a.limit, Some(10));
    assert!(refuse::<Annotated>(json!({})).contains("missing field `model`"));
}

#[test]
fn self_and_cycle_references_are_boxed() {
    let v = json!({
        "label": "root",
        "children": [{"label": "leaf", "parent": {"label": "root"}}],
        "partner": {"node": {"label": "again", "partner": null}},
    });
    let t = round_trip::<TreeNode>(v);
    let child = &t.children.as_ref().unwrap()[0];
    assert_eq!(child.parent.as_ref().unwrap().label, "root");
    let OptionalNullable::Value(p) = &t.partner else { panic!("{:?}", t.partner) };
    let Nullable::Value(n) = &p.node else { panic!() };
    assert_eq!(n.partner, OptionalNullable::Null);
    assert!(refuse::<TreeNode>(json!({"label": "x", "children": [{}]})).contains("missing field `label`"));
}

#[test]
fn keyword_and_clashing_names() {
    let v = json!({"type": "t", "self": "s", "in": "i", "schema": "sc", "maxTokens": 1, "max_tokens": 2, "2nd": 3});
    let k = round_trip::<Keywords>(v);
    assert_eq!(k.r#type, "t");
    assert_eq!(k.self_.as_deref(), Some("s"));
    assert_eq!(k.r#in.as_deref(), Some("i"));
    assert_eq!(k.schema.as_deref(), Some("sc"));
    assert_eq!((k.max_tokens, k.max_tokens2, k.n2nd), (Some(1), Some(2), Some(3)));
    // The Python name with its `_` is not the wire name.
    let k: Keywords = serde_json::from_value(json!({"type": "t", "in_": "x"})).unwrap();
    assert_eq!(k.r#in, None);
    assert!(refuse::<Keywords>(json!({"self": "s"})).contains("missing field `type`"));
}

#[test]
fn doc_without_sections_keeps_any_value() {
    round_trip::<Freeform>(json!({"anything": [1, "two", null]}));
    let f = round_trip::<Freeform>(json!(42));
    assert_eq!(f.0, json!(42));
}

#[test]
fn two_models_in_one_doc_and_no_required_column() {
    let r = round_trip::<RetrySettings>(json!({"strategy": "backoff", "backoff": {"initial_interval": 500, "exponent": 1.5}}));
    assert_eq!(r.backoff.initial_interval, 500);
    assert!(refuse::<RetrySettings>(json!({"strategy": "backoff"})).contains("missing field `backoff`"));
}

#[test]
fn event_stream_member() {
    let c = round_trip::<ChunkStream>(json!({"name": "Tom"}));
    assert!(matches!(c, ChunkStream::Cat(_)));
    let body = "data: {\"name\": \"Rex\"}\n\ndata: {\"name\": \"Fido\", \"breed\": \"pug\"}\n\ndata: [DONE]\n\n";
    let dogs: Vec<Dog> = mdmodel::EventStream::new(body.as_bytes()).collect::<Result<_, _>>().unwrap();
    assert_eq!(dogs.len(), 2);
    assert_eq!(dogs[1].breed.as_deref(), Some("pug"));
    let bad = "data: {\"breed\": \"pug\"}\n\n";
    let err = mdmodel::EventStream::<Dog, _>::new(bad.as_bytes()).next().unwrap().unwrap_err();
    assert!(err.to_string().contains("missing field `name`"), "{err}");
}

mod no_values {
    mdmodel::include_model!("tests/data/novalues.md");
}
mod open_no_values {
    mdmodel::include_model!("tests/data/openvalues.md");
}

#[test]
fn an_enum_that_lists_no_value() {
    // Closed: no variant, so every payload is refused, naming the (empty) list.
    assert!(no_values::NoValues::VALUES.is_empty());
    assert_eq!(refuse::<no_values::NoValues>(json!("x")), "unknown variant `x`, there are no variants");
    assert!(refuse::<Option<no_values::NoValues>>(json!(1)).starts_with("invalid type: integer `1`"));
    // Open: every string is kept as unrecognized and written back.
    let v = round_trip::<open_no_values::OpenValues>(json!("anything"));
    assert_eq!(v, open_no_values::OpenValues::Unrecognized("anything".into()));
    assert!(open_no_values::OpenValues::VALUES.is_empty());
}
