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

use super::pane;
use crate::export::{Audience, Format, suggested_file_name};
use crate::knowledge::Knowledge;
use crate::session::{ScopeOption, Session, Status, Verdict};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Outcome, Request, TemplateInfo, View};
use crate::tui::theme::Theme;
use crate::tui::widgets::{TextInput, fit, truncate, window_offset, wrap};

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

fn decision_key(d: &mut DecisionForm, key: KeyEvent, command: Option<Command>) -> Outcome {
    match command {
        Some(Command::NextPane | Command::Down) => cycle(&mut d.field, 4, true),
        Some(Command::PrevPane | Command::Up) => cycle(&mut d.field, 4, false),
        Some(Command::Select) => {
            let by = d.by.value().trim().to_string();
            if by.is_empty() {
                d.error = Some("Who decided? Type the name of the person.".into());
                d.field = 0;
                return Outcome::done();
            }
            return Outcome::one(Request::Decide {
                rule: d.rule.clone(),
                draft: crate::approvals::Draft {
                    verdict: d.verdict,
                    by,
                    conditions: Some(d.conditions.value().to_string()),
                    for_customer: d.for_customer,
                },
            });
        }
        _ if d.field >= 2
            && matches!(
                key.code,
                KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
            ) =>
        {
            if d.field == 2 {
                d.for_customer = !d.for_customer;
            } else {
                d.verdict = match d.verdict {
                    Verdict::Approved => Verdict::Declined,
                    Verdict::Declined => Verdict::Approved,
                };
            }
        }
        _ if d.field < 2 => {
            let input = if d.field == 0 {
                &mut d.by
            } else {
                &mut d.conditions
            };
            if !input.handle(key).consumed() {
                return Outcome::ignored();
            }
            d.error = None;
        }
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

fn conflict_key(c: &mut ConflictChoice, command: Option<Command>) -> Outcome {
    match command {
        Some(Command::Up | Command::PrevPane) => c.cursor = 0,
        Some(Command::Down | Command::NextPane) => c.cursor = 1,
        Some(Command::Select) => {
            return Outcome::one(Request::ResolveConflict {
                question: c.question.clone(),
                take_other: c.cursor == 1,
            });
        }
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// What one says of each status in the box.
fn status_text(status: Status) -> &'static str {
    match status {
        Status::Draft => "draft: still scoping",
        Status::Proposed => "proposed: the proposal went out",
        Status::Won => "won: the customer signed",
        Status::Lost => "lost: the customer said no",
    }
}

fn status_key(cursor: &mut usize, key: KeyEvent, command: Option<Command>) -> Outcome {
    let last = Status::ALL.len() - 1;
    match command {
        Some(Command::Up) => *cursor = cursor.saturating_sub(1),
        Some(Command::Down) => *cursor = (*cursor + 1).min(last),
        Some(Command::Select) => {
            let chosen = Status::ALL[(*cursor).min(last)];
            return Outcome::one(Request::SetStatus(chosen));
        }
        // Right after the meeting, one letter is enough: d, p, w or l.
        _ => {
            let KeyCode::Char(c) = key.code else {
                return Outcome::ignored();
            };
            if !(key.modifiers - KeyModifiers::SHIFT).is_empty() {
                return Outcome::ignored();
            }
            let Some(chosen) = Status::ALL.into_iter().find(|s| s.id().starts_with(c)) else {
                return Outcome::ignored();
            };
            return Outcome::one(Request::SetStatus(chosen));
        }
    }
    Outcome::done()
}

fn new_option_key(d: &mut NewOption, key: KeyEvent, command: Option<Command>) -> Outcome {
    if command == Some(Command::Select) {
        let typed = d.name.value().trim();
        let name = if typed.is_empty() {
            d.default.clone()
        } else {
            typed.to_string()
        };
        if d.taken.contains(&name) {
            d.error = Some(format!(
                "The session has an option named \"{name}\" already; choose another name."
            ));
            return Outcome::done();
        }
        return Outcome::one(Request::AddOption(name));
    }
    if !d.name.handle(key).consumed() {
        return Outcome::ignored();
    }
    d.error = None;
    Outcome::done()
}

fn new_session_key(
    d: &mut NewSession,
    templates: &[TemplateInfo],
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
    match command {
        Some(Command::NextPane | Command::PrevPane) => {
            cycle(&mut d.field, 3, command == Some(Command::NextPane))
        }
        Some(Command::Select) => {
            let customer = d.customer.value().trim().to_string();
            if customer.is_empty() {
                d.error = Some("Type the customer's name first.".into());
                d.field = 0;
                return Outcome::done();
            }
            let template = d
                .template
                .checked_sub(1)
                .and_then(|i| templates.get(i))
                .map(|t| t.id.clone());
            return Outcome::one(Request::CreateSession {
                customer,
                template,
                lang: d.lang,
            });
        }
        Some(Command::Up | Command::Down | Command::Left | Command::Right) if d.field == 2 => {
            let all = crate::i18n::Lang::ALL;
            let at = all.iter().position(|l| *l == d.lang).unwrap_or(0);
            let next = if matches!(command, Some(Command::Up | Command::Left)) {
                at.checked_sub(1).unwrap_or(all.len() - 1)
            } else {
                (at + 1) % all.len()
            };
            d.lang = all[next];
        }
        Some(Command::Up) if d.field == 1 => d.template = d.template.saturating_sub(1),
        Some(Command::Down) if d.field == 1 => d.template = (d.template + 1).min(templates.len()),
        Some(Command::Up | Command::Down) => d.field = 1,
        _ if d.field == 0 => {
            if !d.customer.handle(key).consumed() {
                return Outcome::ignored();
            }
            d.error = None;
        }
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

fn override_key(d: &mut OverrideForm, key: KeyEvent, command: Option<Command>) -> Outcome {
    if let Some(cursor) = d.confirm {
        return confirm_key(d, cursor, key, command);
    }
    let adding = matches!(d.op, OverrideOp::Add { .. });
    match command {
        Some(Command::NextPane | Command::PrevPane | Command::Up | Command::Down) if adding => {
            d.fresh = false;
            cycle(
                &mut d.field,
                2,
                matches!(command, Some(Command::NextPane | Command::Down)),
            );
        }
        Some(Command::NextPane | Command::PrevPane | Command::Up | Command::Down) => {}
        Some(Command::Select) => {
            let reason = d.reason.value().trim().to_string();
            let quantity = whole_quantity(d.quantity.value());
            if adding && quantity.is_none() {
                d.error = Some("The quantity is a whole number above 0, e.g. 1 or 3.".into());
                d.field = 0;
                return Outcome::done();
            }
            if reason.is_empty() {
                d.error = Some("Say why: the reason is kept with the session and shows in the internal proposal.".into());
                d.field = 1;
                return Outcome::done();
            }
            if adding && d.existing.is_some() {
                // In the scope already: what the new quantity means is
                // asked, never guessed.
                d.confirm = Some(0);
                d.error = None;
                return Outcome::done();
            }
            return match &d.op {
                OverrideOp::Remove { offering } => Outcome::one(Request::Remove {
                    offering: offering.clone(),
                    reason,
                }),
                OverrideOp::Add { .. } => d.add_request(AddChoice::Replace),
            };
        }
        _ => {
            let field = if d.field == 0 && adding {
                if std::mem::take(&mut d.fresh)
                    && matches!(key.code, KeyCode::Char(c) if c.is_ascii_digit())
                {
                    d.quantity.set("");
                }
                &mut d.quantity
            } else {
                &mut d.reason
            };
            if !field.handle(key).consumed() {
                return Outcome::ignored();
            }
            d.error = None;
        }
    }
    Outcome::done()
}

/// The keys while the add dialog asks what to do with an offering in the
/// scope already: ↑↓ and Enter, or a (add to it), r (replace), c (cancel).
fn confirm_key(
    d: &mut OverrideForm,
    cursor: usize,
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
    let last = AddChoice::ALL.len() - 1;
    let choice = match command {
        Some(Command::Up) => {
            d.confirm = Some(cursor.saturating_sub(1));
            return Outcome::done();
        }
        Some(Command::Down | Command::NextPane) => {
            d.confirm = Some((cursor + 1).min(last));
            return Outcome::done();
        }
        Some(Command::PrevPane) => {
            d.confirm = Some(cursor.saturating_sub(1));
            return Outcome::done();
        }
        Some(Command::Select) => AddChoice::ALL[cursor.min(last)],
        _ => match key.code {
            KeyCode::Char('a') => AddChoice::AddToIt,
            KeyCode::Char('r') => AddChoice::Replace,
            KeyCode::Char('c') => AddChoice::Cancel,
            _ => return Outcome::ignored(),
        },
    };
    d.add_request(choice)
}

impl OverrideForm {
    /// The quantity the scope will hold after `choice`.
    pub fn quantity_after(&self, choice: AddChoice) -> f64 {
        let typed = whole_quantity(self.quantity.value()).map_or(1.0, f64::from);
        match (choice, &self.existing) {
            (AddChoice::AddToIt, Some(e)) => e.quantity + typed,
            _ => typed,
        }
    }

    fn add_request(&self, choice: AddChoice) -> Outcome {
        let OverrideOp::Add { offering, plan } = &self.op else {
            return Outcome::done();
        };
        if choice == AddChoice::Cancel {
            return Outcome::one(Request::CloseOverlay);
        }
        Outcome::one(Request::Add {
            offering: offering.clone(),
            plan: plan.clone(),
            quantity: self.quantity_after(choice),
            reason: self.reason.value().trim().to_string(),
        })
    }
}

fn export_key(d: &mut ExportForm, key: KeyEvent, command: Option<Command>) -> Outcome {
    if d.result.is_some() && command == Some(Command::Select) {
        return Outcome::one(Request::CloseOverlay);
    }
    match command {
        Some(Command::NextPane | Command::PrevPane) => {
            cycle(&mut d.field, 3, command == Some(Command::NextPane))
        }
        Some(Command::Select) => {
            let path = d.file.value().trim().to_string();
            if path.is_empty() {
                d.result = Some(Err("Give the file a name.".into()));
                d.field = 2;
                return Outcome::done();
            }
            return Outcome::one(Request::Export {
                format: d.chosen_format(),
                audience: d.audience,
                path,
            });
        }
        Some(Command::Up) if d.field == 0 => {
            d.format = d.format.saturating_sub(1);
            d.suggest();
        }
        Some(Command::Down) if d.field == 0 => {
            d.format = (d.format + 1).min(Format::ALL.len() - 1);
            d.suggest();
        }
        Some(Command::Up | Command::Down) if d.field == 1 => {
            d.audience = match d.audience {
                Audience::Customer => Audience::Internal,
                Audience::Internal => Audience::Customer,
            };
            d.suggest();
        }
        _ if d.field == 1
            && matches!(
                key.code,
                KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
            ) =>
        {
            d.audience = match d.audience {
                Audience::Customer => Audience::Internal,
                Audience::Internal => Audience::Customer,
            };
            d.suggest();
        }
        _ if d.field == 2 => {
            if !d.file.handle(key).consumed() {
                return Outcome::ignored();
            }
            d.edited = true;
        }
        _ => return Outcome::ignored(),
    }
    d.result = None;
    Outcome::done()
}

// ---------------------------------------------------------------- drawing

const LABEL_W: usize = 10;

fn field_line(
    t: &Theme,
    label: &str,
    input: &TextInput,
    w: usize,
    focused: bool,
) -> (Line<'static>, Option<usize>) {
    let field_w = w.saturating_sub(LABEL_W + 2);
    let (shown, col) = input.view(field_w);
    let line = Line::from(vec![
        Span::styled(fit(label, LABEL_W), if focused { t.key } else { t.text }),
        Span::raw("["),
        Span::styled(fit(&shown, field_w), t.input),
        Span::raw("]"),
    ]);
    (line, focused.then_some(LABEL_W + 1 + col))
}

fn choice_line(t: &Theme, on: bool, under: bool, text: &str, w: usize) -> Line<'static> {
    let mark = if on { "(•)" } else { "( )" };
    let style = if under {
        t.selected
    } else if on {
        t.answered
    } else {
        t.text
    };
    Line::styled(
        fit(&format!("{}{mark} {text}", " ".repeat(LABEL_W)), w),
        style,
    )
}

pub fn draw(frame: &mut Frame, body: Rect, view: &View<'_>, dialog: &Dialog) {
    let t = view.theme;
    let width = 70u16.min(body.width.saturating_sub(4));
    let w = width.saturating_sub(4) as usize;
    let mut lines: Vec<Line> = Vec::new();
    // (row, column) of the text cursor inside the box.
    let mut cursor: Option<(usize, usize)> = None;
    let (title, hint) = match dialog {
        Dialog::NewSession(d) => {
            let (line, col) = field_line(t, "Customer", &d.customer, w, d.field == 0);
            if let Some(c) = col {
                cursor = Some((lines.len(), c));
            }
            lines.push(line);
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Template",
                if d.field == 1 { t.key } else { t.text },
            ));
            let mut rows = vec![("None".to_string(), "start with no answers".to_string())];
            rows.extend(
                view.templates
                    .iter()
                    .map(|x| (x.name.clone(), x.description.clone())),
            );
            let shown = 8usize;
            let offset = window_offset(d.template, rows.len(), shown);
            for (i, (name, _)) in rows.iter().enumerate().skip(offset).take(shown) {
                let text = truncate(name, w.saturating_sub(LABEL_W + 4));
                lines.push(choice_line(
                    t,
                    i == d.template,
                    d.field == 1 && i == d.template,
                    &text,
                    w,
                ));
            }
            if let Some((_, description)) = rows.get(d.template) {
                lines.push(Line::raw(""));
                let indent = " ".repeat(LABEL_W);
                for l in wrap(description, w.saturating_sub(LABEL_W)) {
                    lines.push(Line::styled(format!("{indent}{l}"), t.dim));
                }
            }
            lines.push(Line::raw(""));
            lines.push(Line::styled(
                "Language of the proposal",
                if d.field == 2 { t.key } else { t.text },
            ));
            for lang in crate::i18n::Lang::ALL {
                let on = lang == d.lang;
                lines.push(choice_line(t, on, d.field == 2 && on, &lang.name(), w));
            }
            if let Some(e) = &d.error {
                lines.push(Line::raw(""));
                lines.push(Line::styled(e.clone(), t.error));
            }
            (
                " New session ",
                " Enter create · Tab next field · Esc cancel ",
            )
        }
        Dialog::Override(d) if d.confirm.is_some() => {
            let cursor = d.confirm.unwrap_or(0);
            if let Some(e) = &d.existing {
                let how = if e.by_hand { "by hand" } else { "by a rule" };
                let number = crate::engine::answers::format_number;
                for text in [
                    format!("{} is in the scope already:", d.what),
                    format!("×{} ({}, {how}).", number(e.quantity), e.plan_name),
                    format!(
                        "What should the ×{} you typed do?",
                        number(d.quantity_after(AddChoice::Replace))
                    ),
                ] {
                    lines.extend(wrap(&text, w).into_iter().map(|l| Line::styled(l, t.title)));
                }
            }
            lines.push(Line::raw(""));
            for (i, choice) in AddChoice::ALL.into_iter().enumerate() {
                let n = crate::engine::answers::format_number(d.quantity_after(choice));
                let text = match choice {
                    AddChoice::AddToIt => format!("a  Add to it: ×{n} in all"),
                    AddChoice::Replace => format!("r  Replace it: ×{n}"),
                    AddChoice::Cancel => "c  Cancel: leave the scope as it is".to_string(),
                };
                let under = i == cursor;
                lines.push(Line::styled(
                    fit(&format!("{}{text}", if under { " › " } else { "   " }), w),
                    if under { t.selected } else { t.text },
                ));
            }
            (" Add by hand ", " Enter choose · a r c · Esc cancel ")
        }
        Dialog::Override(d) => {
            let adding = matches!(d.op, OverrideOp::Add { .. });
            let head = if adding {
                format!("Add {} to the scope by hand.", d.what)
            } else {
                format!("Remove {} from the scope by hand.", d.what)
            };
            lines.extend(wrap(&head, w).into_iter().map(|l| Line::styled(l, t.title)));
            if let Some(e) = d.existing.as_ref().filter(|_| adding) {
                lines.extend(
                    wrap(
                        &format!(
                            "In the scope already: ×{} ({}); you choose next whether to add to it or replace it.",
                            crate::engine::answers::format_number(e.quantity),
                            e.plan_name
                        ),
                        w,
                    )
                    .into_iter()
                    .map(|l| Line::styled(l, t.warn)),
                );
            }
            lines.push(Line::raw(""));
            if adding {
                let (line, col) = field_line(t, "Quantity", &d.quantity, 24, d.field == 0);
                if let Some(c) = col {
                    cursor = Some((lines.len(), c));
                }
                lines.push(line);
            }
            let (line, col) = field_line(t, "Reason", &d.reason, w, d.field == 1 || !adding);
            if let Some(c) = col {
                cursor = Some((lines.len(), c));
            }
            lines.push(line);
            lines.push(Line::raw(""));
            lines.extend(
                wrap("The reason is saved with the session and shows in the trace and the internal proposal.", w)
                    .into_iter()
                    .map(|l| Line::styled(l, t.dim)),
            );
            if let Some(e) = &d.error {
                lines.extend(wrap(e, w).into_iter().map(|l| Line::styled(l, t.error)));
            }
            (
                if adding {
                    " Add by hand "
                } else {
                    " Remove by hand "
                },
                " Enter confirm · Tab next field · Esc cancel ",
            )
        }
        Dialog::Export(d) => {
            lines.push(Line::styled(
                "Format",
                if d.field == 0 { t.key } else { t.text },
            ));
            for (i, f) in Format::ALL.iter().enumerate() {
                lines.push(choice_line(
                    t,
                    i == d.format,
                    d.field == 0 && i == d.format,
                    f.label(),
                    w,
                ));
            }
            lines.push(Line::styled(
                "Audience",
                if d.field == 1 { t.key } else { t.text },
            ));
            for a in Audience::ALL {
                let text = match a {
                    Audience::Customer => "Customer: what the customer may read",
                    Audience::Internal => "Internal: with approvers, rules and notes",
                };
                lines.push(choice_line(
                    t,
                    a == d.audience,
                    d.field == 1 && a == d.audience,
                    text,
                    w,
                ));
            }
            lines.push(Line::raw(""));
            let (line, col) = field_line(t, "File", &d.file, w, d.field == 2);
            if let Some(c) = col {
                cursor = Some((lines.len(), c));
            }
            lines.push(line);
            lines.push(Line::styled(
                fit("          (relative to where nunki was started)", w),
                t.dim,
            ));
            match &d.result {
                Some(Ok(path)) => {
                    lines.push(Line::raw(""));
                    lines.push(Line::styled("Wrote", t.ok));
                    lines.extend(wrap(path, w).into_iter().map(|l| Line::styled(l, t.title)));
                }
                Some(Err(e)) => {
                    lines.push(Line::raw(""));
                    lines.extend(wrap(e, w).into_iter().map(|l| Line::styled(l, t.error)));
                }
                None => {}
            }
            let hint = if d.result.as_ref().is_some_and(Result::is_ok) {
                " Enter close · Esc close "
            } else {
                " Enter export · Tab next field · ↑↓ choose · Esc cancel "
            };
            (" Export the proposal ", hint)
        }
        Dialog::NewOption(d) => {
            lines.extend(
                wrap(
                    "An option is this session's answers with some of its own on top, e.g. a dedicated cluster instead of the shared platform. It starts as Base does; what you answer while it is edited belongs to it alone.",
                    w,
                )
                .into_iter()
                .map(|l| Line::styled(l, t.text)),
            );
            lines.push(Line::raw(""));
            let (line, col) = field_line(t, "Name", &d.name, w, true);
            cursor = col.map(|c| (lines.len(), c));
            lines.push(line);
            lines.push(Line::styled(
                fit(
                    &format!(
                        "{}e.g. \"B — Managed OpenShift\"; empty: \"{}\"",
                        " ".repeat(LABEL_W),
                        d.default
                    ),
                    w,
                ),
                t.dim,
            ));
            if let Some(e) = &d.error {
                lines.push(Line::raw(""));
                lines.extend(wrap(e, w).into_iter().map(|l| Line::styled(l, t.error)));
            }
            (" New option ", " Enter add · Esc cancel ")
        }
        Dialog::RemoveOption { name, answers, .. } => {
            let text = format!(
                "Remove the option \"{name}\" and its {answers} answer{} of its own? Base and the other options stay as they are.",
                if *answers == 1 { "" } else { "s" }
            );
            lines.extend(wrap(&text, w).into_iter().map(|l| Line::styled(l, t.text)));
            (" Remove option ", " Enter remove · Esc keep it ")
        }
        Dialog::Status { current, cursor } => {
            let customer = view
                .ctx
                .as_ref()
                .map_or("the customer", |c| c.session.customer.name.as_str());
            let head = format!("Where does the deal with {customer} stand?");
            lines.extend(wrap(&head, w).into_iter().map(|l| Line::styled(l, t.title)));
            lines.push(Line::raw(""));
            for (i, s) in Status::ALL.into_iter().enumerate() {
                lines.push(choice_line(
                    t,
                    s == *current,
                    i == *cursor,
                    status_text(s),
                    w,
                ));
            }
            lines.push(Line::raw(""));
            lines.extend(
                wrap(
                    "Saved with the session at once; the session list and the insights show it.",
                    w,
                )
                .into_iter()
                .map(|l| Line::styled(l, t.dim)),
            );
            (
                " Status ",
                " Enter save · d p w l choose and save · Esc cancel ",
            )
        }
        Dialog::Decision(d) => {
            let head = format!("{} · {}", d.severity.label(), d.title);
            lines.extend(wrap(&head, w).into_iter().map(|l| Line::styled(l, t.title)));
            let names = if d.approvers.is_empty() {
                "The flag names no approver.".to_string()
            } else {
                format!("The flag names: {}.", d.approvers.join(", "))
            };
            lines.extend(wrap(&names, w).into_iter().map(|l| Line::styled(l, t.dim)));
            if let Some(c) = &d.current {
                let text = format!("Recorded so far: {c}; this replaces it.");
                lines.extend(wrap(&text, w).into_iter().map(|l| Line::styled(l, t.dim)));
            }
            lines.push(Line::raw(""));
            let (line, col) = field_line(t, "By", &d.by, w, d.field == 0);
            if let Some(c) = col {
                cursor = Some((lines.len(), c));
            }
            lines.push(line);
            let (line, col) = field_line(t, "Condition", &d.conditions, w, d.field == 1);
            if let Some(c) = col {
                cursor = Some((lines.len(), c));
            }
            lines.push(line);
            lines.push(Line::raw(""));
            let label = |i: usize, text: &str| {
                Span::styled(
                    fit(text, LABEL_W),
                    if d.field == i { t.key } else { t.text },
                )
            };
            let mark = |on: bool| if on { "[x]" } else { "[ ]" };
            lines.push(Line::from(vec![
                label(2, "Customer"),
                Span::styled(
                    fit(
                        &format!(
                            "{} the conditions concern the customer (their proposal lists them)",
                            mark(d.for_customer)
                        ),
                        w.saturating_sub(LABEL_W),
                    ),
                    if d.field == 2 { t.selected } else { t.text },
                ),
            ]));
            lines.push(Line::from(vec![
                label(3, "Decision"),
                Span::styled(
                    format!(
                        "{} approve",
                        if d.verdict == Verdict::Approved {
                            "(•)"
                        } else {
                            "( )"
                        }
                    ),
                    if d.field == 3 && d.verdict == Verdict::Approved {
                        t.selected
                    } else {
                        t.text
                    },
                ),
                Span::raw("   "),
                Span::styled(
                    format!(
                        "{} decline",
                        if d.verdict == Verdict::Declined {
                            "(•)"
                        } else {
                            "( )"
                        }
                    ),
                    if d.field == 3 && d.verdict == Verdict::Declined {
                        t.selected
                    } else {
                        t.text
                    },
                ),
            ]));
            lines.push(Line::raw(""));
            lines.extend(
                wrap(
                    "Recorded with today's date for the answers that raise the flag now; when they change, the decision shows as stale.",
                    w,
                )
                .into_iter()
                .map(|l| Line::styled(l, t.dim)),
            );
            if let Some(e) = &d.error {
                lines.push(Line::styled(e.clone(), t.error));
            }
            (
                " Decision ",
                " Enter record · Tab next field · Space switch · Esc cancel ",
            )
        }
        Dialog::Conflict(c) => {
            let head = format!(
                "A team sync kept one value of \"{}\" and recorded the other:",
                c.prompt
            );
            lines.extend(wrap(&head, w).into_iter().map(|l| Line::styled(l, t.title)));
            lines.push(Line::raw(""));
            let kept: Vec<String> = c
                .rows
                .iter()
                .map(|r| format!("{}: {}", r.field.id(), r.kept))
                .collect();
            let other: Vec<String> = c
                .rows
                .iter()
                .map(|r| format!("{}: {} (from {})", r.field.id(), r.other, r.by))
                .collect();
            for (i, text) in [
                format!("keep {}", kept.join("; ")),
                format!("take {}", other.join("; ")),
            ]
            .iter()
            .enumerate()
            {
                let first = wrap(text, w.saturating_sub(LABEL_W + 4));
                for (n, l) in first.into_iter().enumerate() {
                    if n == 0 {
                        lines.push(choice_line(t, c.cursor == i, c.cursor == i, &l, w));
                    } else {
                        lines.push(Line::styled(
                            fit(&format!("{}    {l}", " ".repeat(LABEL_W)), w),
                            t.text,
                        ));
                    }
                }
            }
            lines.push(Line::raw(""));
            lines.extend(
                wrap(
                    "Saved at once; the next sync shares the resolution (as `nunki team resolve` does).",
                    w,
                )
                .into_iter()
                .map(|l| Line::styled(l, t.dim)),
            );
            (
                " Conflict ",
                " Enter keep this one · ↑↓ choose · Esc later ",
            )
        }
        Dialog::Message { title, text } => {
            for paragraph in text.split('\n') {
                lines.extend(
                    wrap(paragraph, w)
                        .into_iter()
                        .map(|l| Line::styled(l, t.text)),
                );
            }
            (title.as_str(), " Enter or Esc: go on ")
        }
    };
    let height = u16::try_from(lines.len() + 2)
        .unwrap_or(u16::MAX)
        .min(body.height);
    let outer = layout::popup(body, width, height);
    let inner = layout::inner(outer);
    frame.render_widget(Clear, outer);
    frame.render_widget(
        pane(t, title, true).title_bottom(Line::styled(hint, t.dim).right_aligned()),
        outer,
    );
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((row, col)) = cursor
        && (row as u16) < inner.height
    {
        frame.set_cursor_position((inner.x + col as u16, inner.y + row as u16));
    }
}
