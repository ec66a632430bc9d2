//! Arbitrary bytes as a model doc: parsing, and where the doc parses, resolving and
//! generating must return (Ok or located errors), never panic, hang or overflow the stack.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mdmodel_codegen::{parse::parse_doc, Errors};

/// A folder of this process's own under the system temp dir, for the doc file.
fn dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let d = std::env::temp_dir().join(format!("mdmodel-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap();
        d
    })
}

fn check(errors: &Errors) {
    assert!(!errors.0.is_empty());
    for e in &errors.0 {
        assert!(e.loc.as_ref().is_some_and(|l| l.line >= 1) || e.path.is_some(), "{e:?}");
        assert!(!e.message.trim().is_empty(), "{e:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match parse_doc(Path::new("fuzz.md"), text) {
        Err(e) => check(&e),
        Ok(_) => {
            let dir = dir();
            let path = dir.join("fuzz.md");
            std::fs::write(&path, text).unwrap();
            match mdmodel_codegen::expand_file(&path, Some(dir), &Default::default()) {
                Ok(exp) => assert!(!exp.model.types.is_empty()),
                Err(e) => check(&e),
            }
        }
    }
});
