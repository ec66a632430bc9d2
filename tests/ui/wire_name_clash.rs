mdmodel::include_model!("../../../../specs/fixtures/pet.md", rename(Dog.breed = "name"));

fn main() {}
