//! The chat requests the runtime bench reads fit the generated union-heavy corpus model
//! (`CreateChatCompletionRequestBody`), each union read as the member its payload holds, and
//! they read back equal after a write. Present only where the corpus is (see `build.rs`).
#![cfg(mdmodel_chat)]

use mdmodel::OptionalNullable;
use mdmodel_benches::chat::*;

fn read(name: &str) -> CreateChatCompletionRequestBody {
    let (_, bytes) = mdmodel_benches::chat_payloads().into_iter().find(|(n, _)| n == name).expect("the payload exists");
    let chat: CreateChatCompletionRequestBody = mdmodel::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let written = serde_json::to_vec(&chat).unwrap();
    assert_eq!(mdmodel::from_slice::<CreateChatCompletionRequestBody>(&written).unwrap(), chat, "{name} reads back equal");
    chat
}

#[test]
fn simple() {
    let chat = read("simple");
    assert_eq!(chat.model, "openai/gpt-4o");
    assert_eq!(chat.temperature, OptionalNullable::Value(0.2));
    assert_eq!(chat.max_tokens, OptionalNullable::Value(256));
    assert_eq!(chat.stream, Some(false));
    let [CreateChatCompletionMessages::CreateChatCompletionMessagesSystemMessage(system), CreateChatCompletionMessages::CreateChatCompletionMessagesUserMessage(user)] =
        chat.messages.as_slice()
    else {
        panic!("a system then a user message: {:?}", chat.messages)
    };
    assert_eq!(system.content, "You are a helpful assistant. Answer in one short sentence.");
    assert_eq!(user.content, CreateChatCompletionMessagesContent::Str("What is the capital of France?".into()));
}

#[test]
fn tools() {
    let chat = read("tools");
    assert_eq!(chat.messages.len(), 5);
    let CreateChatCompletionMessages::CreateChatCompletionMessagesAssistantMessage(assistant) = &chat.messages[2] else {
        panic!("the third message is the assistant's: {:?}", chat.messages[2])
    };
    assert_eq!(assistant.content, OptionalNullable::Null);
    let calls: Vec<(&str, Option<&str>)> = assistant.tool_calls.iter().flatten().map(|c| (c.id.as_str(), c.function.name.as_deref())).collect();
    assert_eq!(calls, [("call_9c1Yx3kLq0", Some("get_weather")), ("call_4hT2mPz8Rw", Some("get_weather"))]);
    let CreateChatCompletionMessages::CreateChatCompletionMessagesToolMessage(tool) = &chat.messages[4] else {
        panic!("the last message is a tool's: {:?}", chat.messages[4])
    };
    assert_eq!(tool.tool_call_id, "call_4hT2mPz8Rw");
    assert_eq!(chat.tool_choice, Some(ToolChoice::ToolChoice1(ToolChoice1::Auto)));
    assert_eq!(chat.stop, OptionalNullable::Value(Stop::ListOfStr(vec!["\n\nUser:".into()])));
    assert_eq!(chat.tools.as_ref().map(Vec::len), Some(2));
    assert_eq!(chat.metadata.as_ref().and_then(|m| m.get("customer")).map(String::as_str), Some("acme-eu"));
}

#[test]
fn multimodal() {
    let chat = read("multimodal");
    let CreateChatCompletionMessages::CreateChatCompletionMessagesUserMessage(user) = &chat.messages[1] else {
        panic!("the second message is the user's: {:?}", chat.messages[1])
    };
    let CreateChatCompletionMessagesContent::ListOfCreateChatCompletionContent2(parts) = &user.content else {
        panic!("the user's content is a list of parts: {:?}", user.content)
    };
    let [CreateChatCompletionContent2::CreateChatCompletion21(text), CreateChatCompletionContent2::CreateChatCompletion22(image)] = parts.as_slice() else {
        panic!("a text part then an image part: {parts:?}")
    };
    assert_eq!(text.text, "Here is the receipt from lunch today.");
    assert_eq!(image.image_url.url, "https://example.com/receipts/2024-06-14-lunch.jpg");
    let Some(CreateChatCompletionResponseFormat::CreateChatCompletionResponseFormat3(format)) = &chat.response_format else {
        panic!("a JSON-schema response format: {:?}", chat.response_format)
    };
    assert_eq!(format.json_schema.name, "receipt");
    assert_eq!(format.json_schema.strict, OptionalNullable::Value(true));
    assert_eq!(chat.seed, OptionalNullable::Value(42.0));
}
