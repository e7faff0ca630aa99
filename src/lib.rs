//! nunki: pre-sales solution scoping. See `docs/ARCHITECTURE` in README.md
//! for the module table; the short version is a pure core (`knowledge`,
//! `engine`) under an imperative shell (`sources`, `session`, `cli`, `tui`).

pub mod engine;
pub mod knowledge;
