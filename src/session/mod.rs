//! Scoping sessions: the data model and (in `store`) how it lives on disk.

pub mod model;

pub use model::{Customer, Evaluated, FORMAT, ScopeOption, ScopeSummary, Session, Status};
