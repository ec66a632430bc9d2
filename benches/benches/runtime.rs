//! Deserializing and serializing the batch payloads: the generated `CancelBatchResponseBody`,
//! a hand-written serde struct, `serde_json::Value`, and `IgnoredAny` (the floor, read only);
//! the union-heavy corpus model `CreateChatCompletionRequestBody` on three chat requests
//! against `Value` and `IgnoredAny`; and unions, tagged against untagged.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mdmodel_benches::{batch_payloads, handwritten::Batch, union_payloads, unions, untagged, CancelBatchResponseBody};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Serialize;

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;

/// Reading `bytes` as `T` with plain serde_json.
fn read<T: DeserializeOwned>(g: &mut Group<'_>, who: &str, name: &str, bytes: &[u8]) {
    g.bench_with_input(BenchmarkId::new(who, name), bytes, |b, p| b.iter(|| serde_json::from_slice::<T>(black_box(p)).unwrap()));
}

/// Reading `bytes` as `T` with `mdmodel::from_slice` (a path tracked only on failure).
fn read_mdmodel<T: DeserializeOwned>(g: &mut Group<'_>, who: &str, name: &str, bytes: &[u8]) {
    g.bench_with_input(BenchmarkId::new(who, name), bytes, |b, p| b.iter(|| mdmodel::from_slice::<T>(black_box(p)).unwrap()));
}

/// Writing `bytes` read as `T` back, compactly, into a reused buffer.
fn write<T: DeserializeOwned + Serialize>(g: &mut Group<'_>, who: &str, name: &str, bytes: &[u8]) {
    let value: T = serde_json::from_slice(bytes).unwrap();
    let mut buf = Vec::with_capacity(4096);
    g.bench_function(BenchmarkId::new(who, name), |b| {
        b.iter(|| {
            buf.clear();
            serde_json::to_writer(&mut buf, black_box(&value)).unwrap();
            buf.len()
        })
    });
}

fn runtime(c: &mut Criterion) {
    let payloads = batch_payloads();
    if payloads.is_empty() {
        println!("skipped: batch payloads {} absent", mdmodel_benches::shared_dir().join("payloads/batch").display());
        return;
    }

    let mut g = c.benchmark_group("deserialize");
    for (name, bytes) in &payloads {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        read::<CancelBatchResponseBody>(&mut g, "generated", name, bytes);
        read_mdmodel::<CancelBatchResponseBody>(&mut g, "generated_path_tracking", name, bytes);
        read::<Batch>(&mut g, "handwritten", name, bytes);
        read::<serde_json::Value>(&mut g, "value", name, bytes);
        read::<IgnoredAny>(&mut g, "ignored_any", name, bytes);
    }
    g.finish();

    // Serialize: each value written compactly; throughput is the input payload's size.
    let mut g = c.benchmark_group("serialize");
    for (name, bytes) in &payloads {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        write::<CancelBatchResponseBody>(&mut g, "generated", name, bytes);
        write::<Batch>(&mut g, "handwritten", name, bytes);
        write::<serde_json::Value>(&mut g, "value", name, bytes);
    }
    g.finish();
}

/// Tagged (generated: dispatch on a constant field, else `UnionPick`) against a plain
/// `#[serde(untagged)]` enum over the same member types, on the same payloads.
fn unions(c: &mut Criterion) {
    let (content, pets) = union_payloads();
    let mut g = c.benchmark_group("union_deserialize");
    bench_union::<unions::content::ContentPart, untagged::ContentPart, Vec<unions::content::ContentPart>, Vec<untagged::ContentPart>>(&mut g, "content_part", &content);
    bench_union::<unions::pet::Pet, untagged::Pet, Vec<unions::pet::Pet>, Vec<untagged::Pet>>(&mut g, "pet", &pets);
    g.finish();
}

fn bench_union<G, U, GV, UV>(
    g: &mut Group<'_>,
    union: &str,
    payloads: &[(&str, String)],
) where
    G: DeserializeOwned + std::fmt::Debug,
    U: DeserializeOwned + std::fmt::Debug,
    GV: DeserializeOwned,
    UV: DeserializeOwned,
{
    for (name, json) in payloads {
        let bytes = json.as_bytes();
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        let id = format!("{union}/{name}");
        if json.starts_with('[') {
            g.bench_with_input(BenchmarkId::new("generated", &id), bytes, |b, p| {
                b.iter(|| serde_json::from_slice::<GV>(black_box(p)).unwrap())
            });
            g.bench_with_input(BenchmarkId::new("untagged", &id), bytes, |b, p| {
                b.iter(|| serde_json::from_slice::<UV>(black_box(p)).unwrap())
            });
        } else {
            println!("{id}: generated {:?}; untagged {:?}", serde_json::from_slice::<G>(bytes).unwrap(), serde_json::from_slice::<U>(bytes).unwrap());
            g.bench_with_input(BenchmarkId::new("generated", &id), bytes, |b, p| {
                b.iter(|| serde_json::from_slice::<G>(black_box(p)).unwrap())
            });
            g.bench_with_input(BenchmarkId::new("untagged", &id), bytes, |b, p| {
                b.iter(|| serde_json::from_slice::<U>(black_box(p)).unwrap())
            });
        }
    }
}

/// The union-heavy corpus model on the chat requests of `benches/data/chat/`: the generated
/// type (plain serde_json, and `mdmodel::from_slice`) against `Value` and `IgnoredAny`.
#[cfg(mdmodel_chat)]
fn chat(c: &mut Criterion) {
    use mdmodel_benches::chat::CreateChatCompletionRequestBody as Chat;
    let payloads = mdmodel_benches::chat_payloads();
    let mut g = c.benchmark_group("chat_deserialize");
    for (name, bytes) in &payloads {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        read::<Chat>(&mut g, "generated", name, bytes);
        read_mdmodel::<Chat>(&mut g, "generated_mdmodel_from_slice", name, bytes);
        read::<serde_json::Value>(&mut g, "value", name, bytes);
        read::<IgnoredAny>(&mut g, "ignored_any", name, bytes);
    }
    g.finish();

    let mut g = c.benchmark_group("chat_serialize");
    for (name, bytes) in &payloads {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        write::<Chat>(&mut g, "generated", name, bytes);
        write::<serde_json::Value>(&mut g, "value", name, bytes);
    }
    g.finish();
}

#[cfg(not(mdmodel_chat))]
fn chat(_: &mut Criterion) {
    println!("skipped: corpus {} absent: the chat model is not built", mdmodel_benches::shared_dir().join("corpus").display());
}

criterion_group!(benches, runtime, chat, unions);
criterion_main!(benches);
