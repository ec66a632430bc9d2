//! Deserializing and serializing the batch payloads: the generated `CancelBatchResponseBody`,
//! a hand-written serde struct, `serde_json::Value`, and `IgnoredAny` (the floor, read only).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use mdmodel_benches::{batch_payloads, handwritten::Batch, CancelBatchResponseBody};
use serde::de::IgnoredAny;

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

criterion_group!(benches, runtime);
criterion_main!(benches);
