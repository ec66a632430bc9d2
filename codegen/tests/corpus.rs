//! The engine on the whole real corpus: every doc parses, resolves and generates.

use mdmodel_codegen::ir::{TypeExpr, TypeKind};

mod common;
use common::corpus;

#[test]
fn whole_corpus_expands_and_every_title_is_a_type() {
    let Some(dir) = corpus() else { return };
    let exp = mdmodel_codegen::expand_dir(&dir, Some(&dir), &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    let docs = mdmodel_codegen::docs_under(&dir).unwrap();
    assert_eq!(docs.len(), 2404);
    // The walk lists folders in name order: the paths come sorted (as `Path` sorts them,
    // `utils/` among the `u` files), none twice.
    let mut sorted = docs.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, docs);
    assert_eq!(exp.model.files.len(), 2404);
    let m = &exp.model;
    // utils/retryconfig.md holds two models.
    assert_eq!(m.types.len(), 2405);
    assert_eq!(m.roots.len(), 2405);
    let (mut structs, mut fields, mut enums, mut unions, mut opaque, mut any_fields) = (0, 0, 0, 0, 0, 0);
    for t in &m.types {
        match &t.kind {
            TypeKind::Struct(f) => {
                structs += 1;
                fields += f.len();
                any_fields += f.iter().filter(|f| contains_any(&f.ty)).count();
            }
            TypeKind::Enum(_) => enums += 1,
            TypeKind::Union(_) => unions += 1,
            TypeKind::Opaque => opaque += 1,
        }
    }
    println!("{} types: {structs} structs with {fields} fields ({any_fields} typed Any), {enums} enums, {unions} unions, {opaque} opaque", m.types.len());
    assert_eq!(opaque, 0, "every corpus doc has a Fields, Values or Supported Types section");
    assert_eq!(enums, 755);
    assert_eq!(unions, 320);
    let code = exp.tokens().to_string();
    let words: Vec<&str> = code.split(' ').collect();
    let defined: std::collections::HashSet<&str> = words
        .windows(3)
        .filter(|w| w[0] == "pub" && (w[1] == "struct" || w[1] == "enum"))
        .map(|w| w[2])
        .collect();
    for t in &m.types {
        assert!(defined.contains(t.name.as_str()), "{}", t.name);
    }
}

fn contains_any(t: &TypeExpr<mdmodel_codegen::ir::TypeId>) -> bool {
    match t {
        TypeExpr::Any => true,
        TypeExpr::List(i) | TypeExpr::Dict(i) | TypeExpr::Optional(i) | TypeExpr::Nullable(i) | TypeExpr::OptionalNullable(i) => contains_any(i),
        _ => false,
    }
}
