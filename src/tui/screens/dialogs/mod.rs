//! Dialogs: a new session (customer, template), adding or removing an
//! offering by hand (quantity, reason), export (format, audience, file),
//! which then shows the path it wrote, naming or removing an option, the
//! session's status (draft, proposed, won, lost), the pre-sales decision
//! on a flag (who, conditions, for the customer, approve or decline), and
//! which value of a merge conflict to keep.

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{pane, wrapped};
use crate::export::{Audience, Format, suggested_file_name};
use crate::knowledge::Knowledge;
use crate::session::{ScopeOption, Session, Status, Verdict};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Outcome, Request, TemplateInfo, View};
use crate::tui::theme::Theme;
use crate::tui::widgets::{TextInput, fit, truncate, window_offset, wrap};

mod draw;
mod keys;

pub use draw::draw;
use keys::*;

#[derive(Debug, Clone)]
pub enum Dialog {
    NewSession(NewSession),
    Override(OverrideForm),
    Export(ExportForm),
    /// Something to read before going on (opening a session said things).
    Message {
        title: String,
        text: String,
    },
    NewOption(NewOption),
    /// Remove option `index` (named `name`, with `answers` of its own)?
    RemoveOption {
        index: usize,
        name: String,
        answers: usize,
    },
    /// The session's status: `current` is marked, `cursor` is under the
    /// bar (an index into `Status::ALL`).
    Status {
        current: Status,
        cursor: usize,
    },
    /// Record the decision on a flag, as `nunki approve` does.
    Decision(DecisionForm),
    /// Which value of a merge conflict on a question to keep.
    Conflict(ConflictChoice),
}

/// The decision box of one flag. Fields: 0 who decided, 1 conditions,
/// 2 "for the customer", 3 approve or decline.
#[derive(Debug, Clone)]
pub struct DecisionForm {
    pub rule: String,
    pub title: String,
    pub severity: crate::knowledge::Severity,
    /// The approvers the flag names, for people.
    pub approvers: Vec<String>,
    /// The decision recorded so far, in words (it is replaced).
    pub current: Option<String>,
    pub by: TextInput,
    pub conditions: TextInput,
    pub for_customer: bool,
    pub verdict: Verdict,
    pub field: usize,
    pub error: Option<String>,
}

/// The conflicts a sync recorded on one question, and which value to keep.
#[derive(Debug, Clone)]
pub struct ConflictChoice {
    pub question: String,
    pub prompt: String,
    /// Each conflict: what it is about ("answer", "note"), the value kept
    /// and the other value, in words, and who gave the other.
    pub rows: Vec<ConflictRow>,
    /// 0: keep the merged values, 1: take the other ones.
    pub cursor: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConflictRow {
    pub field: crate::session::Field,
    pub kept: String,
    pub other: String,
    pub by: String,
}

#[derive(Debug, Clone, Default)]
pub struct NewOption {
    pub name: TextInput,
    /// The names taken already: option names are unique in a session.
    pub taken: Vec<String>,
    /// The name an empty field stands for ("Option B").
    pub default: String,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct NewSession {
    pub customer: TextInput,
    /// 0 is "no template"; n is `templates[n - 1]`.
    pub template: usize,
    /// The language of the proposal and the interview.
    pub lang: crate::i18n::Lang,
    pub field: usize,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum OverrideOp {
    Add { offering: String, plan: String },
    Remove { offering: String },
}

#[derive(Debug, Clone)]
pub struct OverrideForm {
    pub op: OverrideOp,
    /// What the dialog is about, for people: "PostgreSQL by VSHN (Standard)".
    pub what: String,
    pub quantity: TextInput,
    pub reason: TextInput,
    pub field: usize,
    pub error: Option<String>,
    /// The offering is in the scope already (adding): how.
    pub existing: Option<InScope>,
    /// Adding what is in the scope already asks first: the cursor on
    /// [`AddChoice::ALL`] while it asks.
    pub confirm: Option<usize>,
    /// The quantity shows its default ("1"): the first digit typed
    /// replaces it instead of making it "13". The field takes what
    /// numbers are written with, so "1e2" shows as typed and is refused
    /// with a reason rather than quietly becoming "12".
    fresh: bool,
}

/// An offering as the scope holds it when the engineer adds it again.
#[derive(Debug, Clone, PartialEq)]
pub struct InScope {
    pub quantity: f64,
    pub plan_name: String,
    /// Added by hand before (else a rule brought it in).
    pub by_hand: bool,
}

/// What adding an offering that is in the scope already does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddChoice {
    /// The new quantity on top of the one in the scope.
    AddToIt,
    /// The new quantity instead of the one in the scope.
    Replace,
    Cancel,
}

impl AddChoice {
    pub const ALL: [AddChoice; 3] = [AddChoice::AddToIt, AddChoice::Replace, AddChoice::Cancel];
}

/// A quantity as the add dialog takes it: a whole number above 0, with
/// thousands marks allowed ("1'000"); "1e2", "1.5" or "0" are not.
pub fn whole_quantity(text: &str) -> Option<u32> {
    let digits: String = text.trim().chars().filter(|c| *c != '\'').collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse::<u32>().ok().filter(|q| *q > 0)
}

#[derive(Debug, Clone)]
pub struct ExportForm {
    pub format: usize,
    pub audience: Audience,
    pub file: TextInput,
    /// The file name was typed, not suggested: keep it when the format
    /// or audience changes.
    pub edited: bool,
    pub field: usize,
    /// The suggested file name of every format and audience.
    pub names: Vec<(Format, Audience, String)>,
    /// What the last export did: the path written, or why not.
    pub result: Option<Result<String, String>>,
}

impl Dialog {
    pub fn new_session() -> Dialog {
        Dialog::NewSession(NewSession::default())
    }

    /// Adding an offering by hand; `existing` is how the scope holds it
    /// now, if it does. The dialog opens on its first field, the quantity.
    pub fn add(
        knowledge: &Knowledge,
        offering: &str,
        plan: &str,
        existing: Option<InScope>,
    ) -> Dialog {
        let o = knowledge.offering(offering);
        let name = o.map_or(offering, |o| o.name.as_str());
        let plan_name = o
            .and_then(|o| o.plan(plan))
            .map_or(plan, |p| p.name.as_str());
        Dialog::Override(OverrideForm {
            op: OverrideOp::Add {
                offering: offering.to_string(),
                plan: plan.to_string(),
            },
            what: format!("{name} ({plan_name})"),
            quantity: TextInput::numeric("1"),
            reason: TextInput::new(""),
            field: 0,
            error: None,
            existing,
            confirm: None,
            fresh: true,
        })
    }

    pub fn remove(knowledge: &Knowledge, offering: &str) -> Dialog {
        let name = knowledge
            .offering(offering)
            .map_or(offering, |o| o.name.as_str());
        Dialog::Override(OverrideForm {
            op: OverrideOp::Remove {
                offering: offering.to_string(),
            },
            what: name.to_string(),
            quantity: TextInput::numeric(""),
            reason: TextInput::new(""),
            field: 1,
            error: None,
            existing: None,
            confirm: None,
            fresh: false,
        })
    }

    pub fn new_option(session: &Session) -> Dialog {
        let taken: Vec<String> = session.options.iter().map(|o| o.name.clone()).collect();
        // The next letter: a session's second option is B.
        let default = ('A'..='Z')
            .skip(taken.len())
            .map(|c| format!("Option {c}"))
            .find(|n| !taken.contains(n))
            .unwrap_or_else(|| "Option".into());
        Dialog::NewOption(NewOption {
            name: TextInput::new(""),
            taken,
            default,
            error: None,
        })
    }

    /// The status box, its cursor on the status the session has.
    pub fn status(current: Status) -> Dialog {
        let cursor = Status::ALL.iter().position(|s| *s == current).unwrap_or(0);
        Dialog::Status { current, cursor }
    }

    /// The decision box of `flag`: who decided prefilled with the first
    /// approver the flag names (editable: one name decides, even where the
    /// flag names several), the conditions of an earlier decision kept.
    pub fn decision(
        knowledge: &Knowledge,
        flag: &crate::engine::Flag,
        decisions: &[crate::session::Decision],
    ) -> Dialog {
        let approvers: Vec<String> = flag
            .approvers
            .iter()
            .map(|a| knowledge.approver(a).map_or(a.clone(), |x| x.name.clone()))
            .collect();
        let earlier = crate::approvals::decision_for(flag, decisions);
        Dialog::Decision(DecisionForm {
            rule: flag.rule.clone(),
            title: flag.title.clone(),
            severity: flag.severity,
            by: TextInput::new(approvers.first().map_or("", String::as_str)),
            approvers,
            current: earlier.map(|(d, state)| crate::approvals::decision_words(d, state, "stale")),
            conditions: TextInput::new(
                earlier
                    .and_then(|(d, _)| d.conditions.as_deref())
                    .unwrap_or_default(),
            ),
            for_customer: earlier.is_some_and(|(d, _)| d.for_customer),
            verdict: Verdict::Approved,
            field: 0,
            error: None,
        })
    }

    pub fn remove_option(index: usize, option: &ScopeOption) -> Dialog {
        Dialog::RemoveOption {
            index,
            name: option.name.clone(),
            answers: option.answers.len(),
        }
    }

    /// The export dialog; `option` names the option being edited, whose
    /// proposal it writes, so its file does not take the session's name.
    pub fn export(session: &Session, audience: Audience, option: Option<&str>) -> Dialog {
        let names: Vec<(Format, Audience, String)> = Format::ALL
            .iter()
            .flat_map(|&f| Audience::ALL.iter().map(move |&a| (f, a)))
            .map(|(f, a)| {
                let name = suggested_file_name(session, f, a);
                let name = match option.map(crate::session::names::slug_part) {
                    Some(slug) if !slug.is_empty() => {
                        let ext = format!(".{}", f.extension());
                        let stem = name.strip_suffix(&ext).unwrap_or(&name);
                        let slug: String = slug.chars().take(30).collect();
                        format!("{stem}-{}{ext}", slug.trim_end_matches('-'))
                    }
                    _ => name,
                };
                (f, a, name)
            })
            .collect();
        let mut form = ExportForm {
            format: 0,
            audience,
            file: TextInput::new(""),
            edited: false,
            field: 0,
            names,
            result: None,
        };
        form.suggest();
        Dialog::Export(form)
    }
}

impl ExportForm {
    pub fn chosen_format(&self) -> Format {
        Format::ALL[self.format.min(Format::ALL.len() - 1)]
    }

    fn suggest(&mut self) {
        if self.edited {
            return;
        }
        let (f, a) = (self.chosen_format(), self.audience);
        if let Some((_, _, name)) = self.names.iter().find(|(nf, na, _)| *nf == f && *na == a) {
            self.file.set(name);
        }
    }
}

/// Moves a field cursor forward or back among `n` fields.
fn cycle(field: &mut usize, n: usize, forward: bool) {
    *field = if forward {
        (*field + 1) % n
    } else {
        (*field + n - 1) % n
    };
}

pub fn on_paste(dialog: &mut Dialog, text: &str) -> Vec<Request> {
    match dialog {
        Dialog::NewSession(d) if d.field == 0 => {
            d.customer.insert_str(text);
        }
        Dialog::Override(d) if d.confirm.is_some() => {}
        Dialog::Override(d) if d.field == 0 && matches!(d.op, OverrideOp::Add { .. }) => {
            if std::mem::take(&mut d.fresh) {
                d.quantity.set("");
            }
            d.quantity.insert_str(text);
        }
        Dialog::Override(d) => {
            d.reason.insert_str(text);
        }
        Dialog::Decision(d) if d.field == 0 => {
            d.by.insert_str(text);
            d.error = None;
        }
        Dialog::Decision(d) if d.field == 1 => {
            d.conditions.insert_str(text);
        }
        Dialog::Export(d) if d.field == 2 => {
            d.file.insert_str(text);
            d.edited = true;
        }
        Dialog::NewOption(d) => {
            d.name.insert_str(text);
            d.error = None;
        }
        _ => {}
    }
    Vec::new()
}

pub fn on_key(
    dialog: &mut Dialog,
    templates: &[TemplateInfo],
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
    match dialog {
        Dialog::NewSession(d) => new_session_key(d, templates, key, command),
        Dialog::Override(d) => override_key(d, key, command),
        Dialog::Export(d) => export_key(d, key, command),
        Dialog::Message { .. } => match command {
            Some(Command::Select) => Outcome::one(Request::CloseOverlay),
            _ => Outcome::ignored(),
        },
        Dialog::NewOption(d) => new_option_key(d, key, command),
        Dialog::RemoveOption { index, .. } => match command {
            Some(Command::Select) => Outcome::one(Request::RemoveOption(*index)),
            _ => Outcome::ignored(),
        },
        Dialog::Status { cursor, .. } => status_key(cursor, key, command),
        Dialog::Decision(d) => decision_key(d, key, command),
        Dialog::Conflict(c) => conflict_key(c, command),
    }
}
