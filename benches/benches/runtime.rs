//! Deserializing and serializing the batch payloads: the generated `CancelBatchResponseBody`,
//! a hand-written serde struct, `serde_json::Value`, and `IgnoredAny` (the floor, read only).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mdmodel_benches::{batch_payloads, handwritten::Batch, union_payloads, unions, untagged, CancelBatchResponseBody};
use serde::de::{DeserializeOwned, IgnoredAny};

fn runtime(c: &mut Criterion) {
    let payloads = batch_payloads();
    if payloads.is_empty() {
        println!("skipped: batch payloads {} absent", mdmodel_benches::shared_dir().join("payloads/batch").display());
        return;
    }

    let mut g = c.benchmark_group("deserialize");
    for (name, bytes) in &payloads {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        let bytes = bytes.as_slice();
        g.bench_with_input(BenchmarkId::new("generated", name), bytes, |b, p| {
            b.iter(|| serde_json::from_slice::<CancelBatchResponseBody>(black_box(p)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("generated_path_tracking", name), bytes, |b, p| {
            b.iter(|| mdmodel::from_slice::<CancelBatchResponseBody>(black_box(p)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("handwritten", name), bytes, |b, p| {
            b.iter(|| serde_json::from_slice::<Batch>(black_box(p)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("value", name), bytes, |b, p| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(p)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("ignored_any", name), bytes, |b, p| {
            b.iter(|| serde_json::from_slice::<IgnoredAny>(black_box(p)).unwrap())
        });
    }
    g.finish();

    // Serialize: each value written compactly; throughput is the input payload's size.
    let mut g = c.benchmark_group("serialize");
    for (name, bytes) in &payloads {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        let generated: CancelBatchResponseBody = serde_json::from_slice(bytes).unwrap();
        let handwritten: Batch = serde_json::from_slice(bytes).unwrap();
        let value: serde_json::Value = serde_json::from_slice(bytes).unwrap();
        let mut buf = Vec::with_capacity(4096);
        g.bench_function(BenchmarkId::new("generated", name), |b| {
            b.iter(|| {
                buf.clear();
                serde_json::to_writer(&mut buf, black_box(&generated)).unwrap();
                buf.len()
            })
        });
        g.bench_function(BenchmarkId::new("handwritten", name), |b| {
            b.iter(|| {
                buf.clear();
                serde_json::to_writer(&mut buf, black_box(&handwritten)).unwrap();
                buf.len()
            })
        });
        g.bench_function(BenchmarkId::new("value", name), |b| {
            b.iter(|| {
                buf.clear();
                serde_json::to_writer(&mut buf, black_box(&value)).unwrap();
                buf.len()
            })
        });
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
    g: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
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

criterion_group!(benches, runtime, unions);
criterion_main!(benches);
