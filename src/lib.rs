//! nunki: pre-sales solution scoping. A pure core (`knowledge`, `engine`)
//! under an imperative shell (`sources`, `session`, `cli`, `tui`); see the
//! module table in README.md.

pub mod cli;
pub mod engine;
pub mod knowledge;
pub mod scenarios;
pub mod session;
pub mod sources;

/// Scenario and template files, embedded by `build.rs`.
pub mod embedded_files {
    include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));
}
