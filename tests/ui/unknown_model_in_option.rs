mdmodel::include_model!("../../../../specs/fixtures/pet.md", patch(Kat, rename = "Kitty"), rename(Dog.bread = "b"));

fn main() {}
