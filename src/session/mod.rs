//! Scoping sessions: the data model (`model`, pure), the file format
//! (`file`), what changed when the knowledge did (`changes`), templates,
//! and how sessions live on disk (`store`: listing, opening, saving;
//! `atomic`: the crash-safe write with a backup; `lock`).

mod atomic;
pub mod changes;
pub mod conflict;
pub mod file;
pub mod lock;
pub mod merge;
pub mod model;
pub mod names;
pub mod store;
pub mod templates;

pub use changes::Change;
pub use conflict::{Conflict, Field};
pub use lock::{Holder, LockGuard};
pub use merge::{Merged, merge};
pub use model::{
    Customer, Decision, Engineer, Evaluated, FORMAT, ForcedStatus, ScopeOption, ScopeSummary,
    Session, Status, Verdict, given,
};
pub use store::{
    Broken, Candidate, Fault, Listing, Listings, NewSession, Opened, SaveStep, Store, StoreError,
};
pub use templates::Template;
