//! Which references must be boxed: those inside a cycle of by-value containment.

use crate::ir::{Model, TypeExpr, TypeId, TypeKind};

/// The by-value references of a type expression: not under a `List`, `Dict` or stream,
/// which already hold their items on the heap.
pub fn by_value_refs(t: &TypeExpr<TypeId>, out: &mut Vec<TypeId>) {
    match t {
        TypeExpr::Ref(id) => out.push(*id),
        TypeExpr::Optional(i) | TypeExpr::Nullable(i) | TypeExpr::OptionalNullable(i) => by_value_refs(i, out),
        _ => {}
    }
}

/// The strongly connected component of each type over by-value edges, and whether that
/// component is a cycle (more than one type, or a type that holds itself).
pub struct Components {
    comp: Vec<usize>,
    cyclic: Vec<bool>,
}

impl Components {
    /// Computes the components of a model (iteratively: a thousand-doc cycle needs no deep
    /// stack).
    pub fn of(model: &Model) -> Self {
        let n = model.types.len();
        let edges: Vec<Vec<usize>> = model
            .types
            .iter()
            .map(|t| {
                let mut out = Vec::new();
                match &t.kind {
                    TypeKind::Struct(fields) => fields.iter().for_each(|f| by_value_refs(&f.ty, &mut out)),
                    TypeKind::Union(members) => members.iter().for_each(|m| by_value_refs(&m.ty, &mut out)),
                    _ => {}
                }
                out.into_iter().map(|id| id.0).collect()
            })
            .collect();
        // Iterative Tarjan.
        const UNSEEN: usize = usize::MAX;
        let mut index = vec![UNSEEN; n];
        let mut low = vec![0; n];
        let mut on_stack = vec![false; n];
        let mut stack = Vec::new();
        let mut comp = vec![UNSEEN; n];
        let mut comp_sizes: Vec<usize> = Vec::new();
        let mut next = 0;
        for start in 0..n {
            if index[start] != UNSEEN {
                continue;
            }
            let mut call: Vec<(usize, usize)> = vec![(start, 0)];
            index[start] = next;
            low[start] = next;
            next += 1;
            stack.push(start);
            on_stack[start] = true;
            while let Some(&mut (v, ref mut ei)) = call.last_mut() {
                if let Some(&w) = edges[v].get(*ei) {
                    *ei += 1;
                    if index[w] == UNSEEN {
                        index[w] = next;
                        low[w] = next;
                        next += 1;
                        stack.push(w);
                        on_stack[w] = true;
                        call.push((w, 0));
                    } else if on_stack[w] {
                        low[v] = low[v].min(index[w]);
                    }
                } else {
                    call.pop();
                    if let Some(&(parent, _)) = call.last() {
                        low[parent] = low[parent].min(low[v]);
                    }
                    if low[v] == index[v] {
                        let c = comp_sizes.len();
                        let mut size = 0;
                        while let Some(w) = stack.pop() {
                            on_stack[w] = false;
                            comp[w] = c;
                            size += 1;
                            if w == v {
                                break;
                            }
                        }
                        comp_sizes.push(size);
                    }
                }
            }
        }
        let mut cyclic: Vec<bool> = comp_sizes.iter().map(|&s| s > 1).collect();
        for (v, es) in edges.iter().enumerate() {
            if es.contains(&v) {
                cyclic[comp[v]] = true;
            }
        }
        Components { comp, cyclic }
    }

    /// Whether a by-value reference from `from` to `to` must be boxed.
    pub fn must_box(&self, from: TypeId, to: TypeId) -> bool {
        self.comp[from.0] == self.comp[to.0] && self.cyclic[self.comp[from.0]]
    }
}
