//! The engine: a pure function from knowledge, answers and overrides to a
//! [`Scope`]. Nothing here touches the terminal, files, the clock or the
//! environment; every screen and export only shows what this decides.

pub mod answers;
mod context;
mod evaluate;
pub mod money;
pub mod overrides;
mod plan;
mod pricing;
pub mod scope;

pub use answers::{
    Answer, AnswerProblem, Answers, check_answer, check_answers, parse_typed, unknown_question,
};
pub use evaluate::evaluate;
pub use money::Money;
pub use overrides::{ManualAdd, ManualRemove, Overrides};
pub use scope::{
    AnswerRef, Because, Delivery, Excluded, Flag, Item, PlanStep, PlanStepKind, PriceLine, Scope,
    SizeValue, Totals,
};
