mdmodel::include_model!("../../../../specs/fixtures/pet.md", discriminated(Pet = "kind", Cat = "name"));

fn main() {}
