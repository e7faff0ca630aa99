//! What each dialog does with a key.

use super::*;
use crate::session::given;

pub(super) fn decision_key(
    d: &mut DecisionForm,
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
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
            return typed(input, key, &mut d.error);
        }
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// A key typed into a text field. One the field takes clears the error:
/// the user is correcting what it said.
fn typed(input: &mut TextInput, key: KeyEvent, error: &mut Option<String>) -> Outcome {
    if !input.handle(key).consumed() {
        return Outcome::ignored();
    }
    *error = None;
    Outcome::done()
}

pub(super) fn conflict_key(c: &mut ConflictChoice, command: Option<Command>) -> Outcome {
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
pub(super) fn status_text(status: Status) -> &'static str {
    match status {
        Status::Draft => "draft: still scoping",
        Status::Proposed => "proposed: the proposal went out",
        Status::Won => "won: the customer signed",
        Status::Lost => "lost: the customer said no",
    }
}

pub(super) fn status_key(cursor: &mut usize, key: KeyEvent, command: Option<Command>) -> Outcome {
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

pub(super) fn new_option_key(
    d: &mut NewOption,
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
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
    typed(&mut d.name, key, &mut d.error)
}

pub(super) fn new_session_key(
    d: &mut NewSession,
    templates: &[TemplateInfo],
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
    match command {
        Some(Command::NextPane) => cycle(&mut d.field, 3, true),
        Some(Command::PrevPane) => cycle(&mut d.field, 3, false),
        Some(Command::Select) => {
            let Some(customer) = given(Some(d.customer.value())) else {
                d.error = Some("Type the customer's name first.".into());
                d.field = 0;
                return Outcome::done();
            };
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
        _ if d.field == 0 => return typed(&mut d.customer, key, &mut d.error),
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

pub(super) fn override_key(
    d: &mut OverrideForm,
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
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
            return typed(field, key, &mut d.error);
        }
    }
    Outcome::done()
}

/// The keys while the add dialog asks what to do with an offering in the
/// scope already: ↑↓ and Enter, or a (add to it), r (replace), c (cancel).
pub(super) fn confirm_key(
    d: &mut OverrideForm,
    cursor: usize,
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
    let last = AddChoice::ALL.len() - 1;
    let choice = match command {
        Some(Command::Up | Command::PrevPane) => {
            d.confirm = Some(cursor.saturating_sub(1));
            return Outcome::done();
        }
        Some(Command::Down | Command::NextPane) => {
            d.confirm = Some((cursor + 1).min(last));
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

pub(super) fn export_key(d: &mut ExportForm, key: KeyEvent, command: Option<Command>) -> Outcome {
    if d.result.is_some() && command == Some(Command::Select) {
        return Outcome::one(Request::CloseOverlay);
    }
    match command {
        Some(Command::NextPane) => cycle(&mut d.field, 3, true),
        Some(Command::PrevPane) => cycle(&mut d.field, 3, false),
        Some(Command::Select) => {
            let Some(path) = given(Some(d.file.value())) else {
                d.result = Some(Err("Give the file a name.".into()));
                d.field = 2;
                return Outcome::done();
            };
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
        _ if d.field == 1
            && (matches!(command, Some(Command::Up | Command::Down))
                || matches!(
                    key.code,
                    KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right
                )) =>
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
