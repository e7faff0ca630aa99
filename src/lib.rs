//! nunki: pre-sales solution scoping. A pure core (`knowledge`, `engine`)
//! under an imperative shell (`sources`, `session`, `cli`, `tui`); see the
//! module table in README.md.

pub mod approvals;
pub mod cli;
pub mod compare;
pub mod config;
pub mod cores;
pub mod engine;
pub mod error;
pub mod export;
pub mod files;
pub mod i18n;
pub mod insights;
pub mod knowledge;
pub mod printable;
pub mod scenarios;
pub mod search;
pub mod session;
pub mod similar;
pub mod slo;
pub mod sources;
pub mod team;
pub mod tui;

/// Scenario and template files, embedded by `build.rs`.
pub mod embedded_files {
    include!(concat!(env!("OUT_DIR"), "/embedded_files.rs"));
}
