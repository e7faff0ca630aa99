//! The dependency direction of README.md's "Architecture" section, held
//! true: `knowledge ← engine ← {session, export, search, …} ← {tui, cli} ←
//! main`. A lower layer importing a higher one, the pure core touching the
//! file system or a terminal, or anything but `cli/` and `main.rs` naming
//! `crate::cli` fails here with the file and line.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The files of a top-level module: `src/NAME.rs` or `src/NAME/**.rs`.
fn module(name: &str) -> Vec<PathBuf> {
    let file = src().join(format!("{name}.rs"));
    if file.exists() {
        vec![file]
    } else {
        rust_files(&src().join(name))
    }
}

/// The code lines (not comments) of `file` that contain one of `needles`,
/// as "path:line: text".
fn offending(file: &Path, needles: &[&str]) -> Vec<String> {
    let text = fs::read_to_string(file).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let code = l.trim_start();
            !code.starts_with("//") && needles.iter().any(|n| code.contains(n))
        })
        .map(|(n, l)| {
            let shown = file.strip_prefix(src()).unwrap_or(file).display();
            format!("src/{shown}:{}: {}", n + 1, l.trim())
        })
        .collect()
}

/// The layers from the bottom; a module may import its own layer's
/// modules or lower ones, never higher ones.
const LAYERS: &[&[&str]] = &[
    &["i18n", "knowledge"],
    &["engine"],
    &[
        "cores",
        "files",
        "printable",
        "scenarios",
        "search",
        "sources",
    ],
    &["session"],
    &["approvals", "compare", "insights", "similar", "slo", "team"],
    &["config", "export", "error"],
    &["tui", "cli"],
];

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|l| l.contains(&module))
        .unwrap_or_else(|| panic!("{module} is in no layer of tests/architecture.rs"))
}

#[test]
fn every_module_of_the_crate_has_a_layer() {
    for entry in fs::read_dir(src()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if ["lib", "main"].contains(&name.as_str()) {
            continue;
        }
        layer_of(&name);
    }
}

#[test]
fn no_module_imports_a_higher_layer() {
    let mut wrong = Vec::new();
    for (n, layer) in LAYERS.iter().enumerate() {
        let higher: Vec<String> = LAYERS[n + 1..]
            .iter()
            .flat_map(|l| l.iter())
            .map(|m| format!("crate::{m}"))
            .collect();
        let needles: Vec<&str> = higher.iter().map(String::as_str).collect();
        for module in *layer {
            for file in self::module(module) {
                wrong.extend(offending(&file, &needles));
            }
        }
    }
    // tui and cli share a layer but never import each other.
    for file in module("tui") {
        wrong.extend(offending(&file, &["crate::cli"]));
    }
    for file in module("cli") {
        wrong.extend(offending(&file, &["crate::tui"]));
    }
    assert!(
        wrong.is_empty(),
        "imports against the dependency direction of README.md's Architecture section:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_core_touches_no_file_terminal_clock_or_command_line() {
    let needles = [
        "std::fs",
        "std::io",
        "std::env",
        "std::time::SystemTime",
        "Timestamp::now",
        "ratatui",
        "crossterm",
        "clap",
        "directories",
    ];
    let mut wrong = Vec::new();
    for module in ["i18n", "knowledge", "engine"] {
        for file in self::module(module) {
            wrong.extend(offending(&file, &needles));
        }
    }
    assert!(
        wrong.is_empty(),
        "knowledge/ and engine/ are pure (README.md, Architecture):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn only_the_command_line_and_main_name_the_cli() {
    let mut wrong = Vec::new();
    for file in rust_files(&src()) {
        let inside = file.starts_with(src().join("cli")) || file == src().join("main.rs");
        if !inside {
            wrong.extend(offending(
                &file,
                &["crate::cli", "nunki::cli", "super::cli"],
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
