//! Sample payloads that fit a model: for round-trip properties over every type of a doc set
//! (read, write, read again, compare), and for trying a doc set by hand.

use serde_json::{json, Map, Value};

use crate::ir::{EnumLiteral, LiteralValue, Model, TypeExpr, TypeId, TypeKind};

/// A small, seeded generator of random numbers (xorshift64*): samples are reproducible from a
/// seed, with no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// `true` one time in `n`.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }
}

/// How deep samples nest before optional parts are left out and lists left empty.
const MAX_DEPTH: usize = 5;

/// A payload that fits type `id` of `model`.
///
/// ```
/// use mdmodel_codegen::sample::{sample, Rng};
/// let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
/// let exp = mdmodel_codegen::expand_file(&dir.join("cancelbatchrequestcounts.md"), None, &Default::default()).unwrap();
/// let v = sample(&exp.model, exp.model.roots[0], &mut Rng::new(1));
/// assert!(v["total"].is_i64() && v["completed"].is_i64() && v["failed"].is_i64());
/// ```
pub fn sample(model: &Model, id: TypeId, rng: &mut Rng) -> Value {
    Sampler { model, rng }.type_def(id, 0)
}

struct Sampler<'a> {
    model: &'a Model,
    rng: &'a mut Rng,
}

const WORDS: &[&str] = &["", "a", "Grüße", "x y", "\"quoted\"", "line\nbreak", "emoji \u{1F600}", "0"];

impl Sampler<'_> {
    fn string(&mut self) -> Value {
        Value::String(WORDS[self.rng.below(WORDS.len())].to_owned())
    }

    fn int(&mut self) -> Value {
        json!(match self.rng.below(4) {
            0 => 0,
            1 => -7,
            2 => i64::MAX,
            _ => (self.rng.next_u64() >> 33) as i64,
        })
    }

    fn float(&mut self) -> Value {
        json!(match self.rng.below(3) {
            0 => 0.5,
            1 => -1.25e10,
            _ => (self.rng.next_u64() >> 40) as f64 / 8.0,
        })
    }

    fn any(&mut self, depth: usize) -> Value {
        match self.rng.below(if depth >= MAX_DEPTH { 4 } else { 6 }) {
            0 => Value::Null,
            1 => json!(self.rng.one_in(2)),
            2 => self.int(),
            3 => self.string(),
            4 => Value::Array((0..self.rng.below(3)).map(|_| self.any(depth + 1)).collect()),
            _ => Value::Object((0..self.rng.below(3)).map(|i| (format!("k{i}"), self.any(depth + 1))).collect()),
        }
    }

    fn type_def(&mut self, id: TypeId, depth: usize) -> Value {
        let t = &self.model.types[id.0];
        match &t.kind {
            TypeKind::Struct(fields) => {
                let mut map = Map::new();
                for f in fields {
                    let absent_ok = f.may_be_absent() || matches!(f.ty, TypeExpr::Literal(_));
                    if absent_ok && (depth >= MAX_DEPTH || self.rng.one_in(2)) {
                        continue;
                    }
                    let nullable = f.required == Some(false)
                        || matches!(f.ty, TypeExpr::Optional(_) | TypeExpr::Nullable(_) | TypeExpr::OptionalNullable(_));
                    let v = if nullable && self.rng.one_in(3) {
                        Value::Null
                    } else if f.wire_name == "metadata" && matches!(strip(&f.ty), TypeExpr::Dict(v) if **v == TypeExpr::Any) {
                        // Within any limits a description states.
                        json!({"k": "v"})
                    } else {
                        self.expr(strip(&f.ty), depth + 1)
                    };
                    map.insert(f.wire_name.clone(), v);
                }
                Value::Object(map)
            }
            TypeKind::Enum(e) if e.values.is_empty() => json!("unlisted"),
            TypeKind::Enum(e) => match &e.values[self.rng.below(e.values.len())].value {
                EnumLiteral::Str(s) => json!(s),
                EnumLiteral::Int(i) => json!(i),
            },
            TypeKind::Union(members) => {
                let m = &members[self.rng.below(members.len())];
                self.expr(&m.ty, depth + 1)
            }
            TypeKind::Opaque => self.any(depth),
        }
    }

    fn expr(&mut self, t: &TypeExpr<TypeId>, depth: usize) -> Value {
        match t {
            TypeExpr::Str | TypeExpr::Bytes => self.string(),
            TypeExpr::Int => self.int(),
            TypeExpr::Float => self.float(),
            TypeExpr::Bool => json!(self.rng.one_in(2)),
            TypeExpr::Any => self.any(depth),
            TypeExpr::DateTime => json!(["2025-02-11T08:46:07Z", "2024-12-31T23:59:59+05:30", "2025-06-01T12:00:00.250Z"][self.rng.below(3)]),
            TypeExpr::List(i) | TypeExpr::EventStream(i) => {
                let n = if depth >= MAX_DEPTH { 0 } else { self.rng.below(3) };
                Value::Array((0..n).map(|_| self.expr(i, depth + 1)).collect())
            }
            TypeExpr::Dict(i) => {
                let n = if depth >= MAX_DEPTH { 0 } else { self.rng.below(3) };
                Value::Object((0..n).map(|k| (format!("key{k}"), self.expr(i, depth + 1))).collect())
            }
            TypeExpr::Optional(i) | TypeExpr::Nullable(i) | TypeExpr::OptionalNullable(i) => {
                if self.rng.one_in(3) {
                    Value::Null
                } else {
                    self.expr(i, depth)
                }
            }
            TypeExpr::Literal(LiteralValue::Str(s)) => json!(s),
            TypeExpr::Literal(LiteralValue::Int(i)) => json!(i),
            TypeExpr::Literal(LiteralValue::Bool(b)) => json!(b),
            TypeExpr::Ref(id) => self.type_def(*id, depth),
        }
    }
}

/// The type inside the field-level `Optional`/`Nullable`/`OptionalNullable`.
fn strip(t: &TypeExpr<TypeId>) -> &TypeExpr<TypeId> {
    match t {
        TypeExpr::Optional(i) | TypeExpr::Nullable(i) | TypeExpr::OptionalNullable(i) => i,
        t => t,
    }
}
