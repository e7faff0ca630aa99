//! Embeds every file of `data/scenarios/` and `data/templates/` into the
//! binary, so a new scenario or template needs no change to Rust code.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut code = String::new();
    for (name, dir) in [
        ("SCENARIOS", "data/scenarios"),
        ("TEMPLATES", "data/templates"),
    ] {
        println!("cargo:rerun-if-changed={dir}");
        let mut files: Vec<String> = fs::read_dir(Path::new(&manifest).join(dir))
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|f| f.ends_with(".ron"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        writeln!(code, "pub const {name}: &[(&str, &str)] = &[").expect("write to String");
        for f in files {
            writeln!(
                code,
                "    ({f:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/{dir}/{f}\"))),"
            )
            .expect("write to String");
        }
        writeln!(code, "];").expect("write to String");
    }
    fs::write(Path::new(&out_dir).join("embedded_files.rs"), code)
        .expect("write embedded_files.rs");
}
