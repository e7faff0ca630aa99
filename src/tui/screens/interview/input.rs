//! Keys, commands and pastes in the interview's panes, turned into
//! requests for the app.

use super::*;

/// Words for a number that cannot be the answer.
pub(super) fn number_problem(problem: &AnswerProblem) -> String {
    match problem {
        AnswerProblem::OutOfRange { min, max, unit, .. } => match (min, max) {
            (Some(lo), Some(hi)) => format!(
                "between {} and {} {unit}",
                format_number(*lo),
                format_number(*hi)
            ),
            (Some(lo), None) => format!("at least {} {unit}", format_number(*lo)),
            (None, Some(hi)) => format!("at most {} {unit}", format_number(*hi)),
            (None, None) => "a finite number".into(),
        },
        AnswerProblem::NotWhole { .. } => "type a whole number".into(),
        _ => "type a number, e.g. 4 or 99.9".into(),
    }
}

/// The field's text as an answer: the requests that make it so, or why not.
pub(super) fn field_requests(
    state: &mut InterviewState,
    question: &Question,
    ctx: &Ctx<'_>,
) -> Vec<Request> {
    let text = state.field.value().trim();
    let id = question.id.clone();
    if text.is_empty() {
        state.field_error = None;
        // An option has only its own answers to clear: an empty field
        // there is not a request to leave out what Base answers.
        let clearable = match ctx.option {
            Some(_) => ctx.differs(&id),
            None => ctx.answer(&id).is_some(),
        };
        return if clearable {
            vec![Request::ClearAnswer(id)]
        } else {
            Vec::new()
        };
    }
    match parse_typed(question, text) {
        Ok(answer) => {
            state.field_error = None;
            if ctx.answer(&id) == Some(&answer) {
                Vec::new()
            } else {
                vec![Request::SetAnswer(id, answer)]
            }
        }
        Err(p) => {
            state.field_error = Some(format!("Not saved: {}.", number_problem(&p)));
            Vec::new()
        }
    }
}

/// A multi choice after ticking or unticking `option`: an exclusive option
/// ("none") clears the others and is cleared by them.
pub fn toggled(question: &Question, current: &[String], option: &str) -> Vec<String> {
    let exclusive = |id: &str| question.option(id).is_some_and(|o| o.exclusive);
    let mut chosen: Vec<String> = if current.iter().any(|c| c == option) {
        current.iter().filter(|c| *c != option).cloned().collect()
    } else if exclusive(option) {
        vec![option.to_string()]
    } else {
        let mut v: Vec<String> = current.iter().filter(|c| !exclusive(c)).cloned().collect();
        v.push(option.to_string());
        v
    };
    // Keep the questionnaire's order, so the file and the screen read alike.
    chosen.sort_by_key(|c| question.options().iter().position(|o| &o.id == c));
    chosen
}

/// The requests that choose option `index` of the current question.
pub(super) fn choose(
    state: &InterviewState,
    question: &Question,
    ctx: &Ctx<'_>,
    index: usize,
) -> Vec<Request> {
    let Some(option) = question.options().get(index) else {
        return Vec::new();
    };
    let id = state.question.clone();
    match &question.kind {
        QuestionKind::Single { .. } => {
            vec![Request::SetAnswer(id, Answer::Text(option.id.clone()))]
        }
        QuestionKind::Multi { .. } => {
            let current = ctx.answer(&id).map(Answer::as_list).unwrap_or_default();
            let next = toggled(question, current, &option.id);
            if next.is_empty() {
                vec![Request::ClearAnswer(id)]
            } else {
                vec![Request::SetAnswer(id, Answer::List(next))]
            }
        }
        _ => Vec::new(),
    }
}

pub fn on_paste(state: &mut InterviewState, ctx: &Ctx<'_>, text: &str) -> Vec<Request> {
    match state.focus {
        Pane::Note => {
            state.note.insert_str(text);
            vec![Request::SetNote(
                state.question.clone(),
                state.note.value().to_string(),
            )]
        }
        Pane::Question => match current(state, ctx) {
            Some(q)
                if matches!(
                    q.kind,
                    QuestionKind::Number { .. } | QuestionKind::Text { .. }
                ) =>
            {
                state.field.insert_str(text);
                state.field_left = false;
                state.refresh_suggestions(ctx, q);
                if is_radar(q) {
                    // Judged when entered, like typed names.
                    Vec::new()
                } else {
                    field_requests(state, q, ctx)
                }
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

pub fn on_key(
    state: &mut InterviewState,
    ctx: &Ctx<'_>,
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
    match state.focus {
        Pane::Note => {
            if matches!(key.code, KeyCode::Enter | KeyCode::Esc) {
                state.focus = Pane::Question;
                return Outcome::done();
            }
            match state.note.handle(key) {
                Edit::Changed => {
                    return Outcome::one(Request::SetNote(
                        state.question.clone(),
                        state.note.value().to_string(),
                    ));
                }
                Edit::Moved => return Outcome::done(),
                Edit::Ignored => {}
            }
        }
        Pane::Question => {
            if let Some(q) = current(state, ctx).filter(|q| has_field(q)) {
                if state.field_left {
                    // Enter goes back into the field Esc left.
                    if command == Some(Command::Select) {
                        state.field_left = false;
                        return Outcome::done();
                    }
                } else {
                    return field_key(state, ctx, q, key, command);
                }
            }
        }
        _ => {}
    }
    match command {
        Some(c) => on_command(state, ctx, c),
        None => Outcome::ignored(),
    }
}

/// A key while the question's number or text field has the keys: the
/// suggestion list and the usual values first, then editing; Esc leaves
/// the field (the keys are commands again, a second Esc goes back). A
/// Tech Radar answer is judged when it is entered (Enter, or any key
/// that leaves the field), not while a name is half typed.
fn field_key(
    state: &mut InterviewState,
    ctx: &Ctx<'_>,
    q: &Question,
    key: KeyEvent,
    command: Option<Command>,
) -> Outcome {
    if let Some(outcome) = suggestion_key(state, ctx, q, key) {
        return outcome;
    }
    if let Some(outcome) = preset_key(state, ctx, q, key) {
        return outcome;
    }
    if command == Some(Command::Back) {
        state.field_left = true;
        state.clear_suggestions();
        return Outcome::with(entered(state, q, ctx));
    }
    match state.field.handle(key) {
        Edit::Changed => {
            state.refresh_suggestions(ctx, q);
            if is_radar(q) {
                state.field_error = None;
                return Outcome::done();
            }
            return Outcome::with(field_requests(state, q, ctx));
        }
        Edit::Moved => return Outcome::done(),
        Edit::Ignored => {}
    }
    let mut outcome = match command {
        Some(c) => on_command(state, ctx, c),
        None => Outcome::ignored(),
    };
    // Enter answers by itself; any other key leaves the name being typed,
    // so what is typed is the answer now (also when the app, not the
    // screen, takes the key: a quit, a search).
    if command != Some(Command::Select) {
        let mut requests = entered(state, q, ctx);
        requests.append(&mut outcome.requests);
        outcome.requests = requests;
    }
    outcome
}

/// What a radar field holds, as the answer: typing there only changes the
/// answer when it is entered. Other fields are answers as they are typed.
pub(super) fn entered(state: &mut InterviewState, q: &Question, ctx: &Ctx<'_>) -> Vec<Request> {
    if is_radar(q) {
        field_requests(state, q, ctx)
    } else {
        Vec::new()
    }
}

/// The keys of the suggestion list under a radar field, while it shows:
/// ↓ and ↑ choose, Tab and Enter put the choice (Tab: the first) in place
/// of the name being typed. `None`: not for the list.
/// ↑ and ↓ in a number field with usual values (the availability tiers)
/// put the previous or next one in, as if typed.
fn preset_key(
    state: &mut InterviewState,
    ctx: &Ctx<'_>,
    q: &Question,
    key: KeyEvent,
) -> Option<Outcome> {
    let QuestionKind::Number { presets, .. } = &q.kind else {
        return None;
    };
    if presets.is_empty() || !key.modifiers.is_empty() {
        return None;
    }
    let typed: Option<f64> = state.field.value().trim().parse().ok();
    let next = match (key.code, typed) {
        (KeyCode::Down, None) => presets.first(),
        (KeyCode::Down, Some(v)) => presets.iter().find(|p| **p > v).or(presets.last()),
        (KeyCode::Up, None) => presets.last(),
        (KeyCode::Up, Some(v)) => presets.iter().rev().find(|p| **p < v).or(presets.first()),
        _ => return None,
    }?;
    state
        .field
        .set(&crate::engine::answers::format_number(*next));
    Some(Outcome::with(field_requests(state, q, ctx)))
}

pub(super) fn suggestion_key(
    state: &mut InterviewState,
    ctx: &Ctx<'_>,
    q: &Question,
    key: KeyEvent,
) -> Option<Outcome> {
    use ratatui::crossterm::event::KeyModifiers;
    if state.suggestions.is_empty() || !key.modifiers.difference(KeyModifiers::SHIFT).is_empty() {
        return None;
    }
    let last = state.suggestions.len() - 1;
    match key.code {
        KeyCode::Down => {
            state.suggestion = Some(state.suggestion.map_or(0, |n| (n + 1).min(last)));
            Some(Outcome::done())
        }
        KeyCode::Up if state.suggestion.is_some() => {
            state.suggestion = state.suggestion.and_then(|n| n.checked_sub(1));
            Some(Outcome::done())
        }
        KeyCode::Tab | KeyCode::Enter => {
            let n = match (key.code, state.suggestion) {
                (_, Some(n)) => n,
                (KeyCode::Tab, None) => 0,
                _ => return None,
            };
            // A name typed out in full is not completed again: Tab then
            // leaves the field as it does everywhere.
            let typed = &state.field.value()[word_start(state.field.value())..];
            let entry = state
                .suggestions
                .get(n)
                .and_then(|s| ctx.knowledge.radar.entries.get(s.entry));
            if state.suggestion.is_none() && entry.is_some_and(|e| e.name == typed.trim_end()) {
                state.clear_suggestions();
                return None;
            }
            state.take_suggestion(ctx, n);
            Some(Outcome::with(field_requests(state, q, ctx)))
        }
        // Esc hides the list and leaves the field (`field_key`).
        _ => None,
    }
}

pub(super) fn on_command(state: &mut InterviewState, ctx: &Ctx<'_>, command: Command) -> Outcome {
    match command {
        Command::NextPane | Command::PrevPane => {
            state.clear_suggestions();
            state.focus = state.focus.next(command == Command::NextPane);
            match state.focus {
                Pane::Sections => state.sync_nav(ctx),
                Pane::Question => state.field_left = false,
                Pane::Scope | Pane::Flags => state.enter_list(ctx),
                Pane::Note => {}
            }
            return Outcome::done();
        }
        Command::NextQuestion => return Outcome::one(Request::NextQuestion),
        Command::PrevQuestion => return Outcome::one(Request::PrevQuestion),
        Command::NextOpen => return Outcome::one(Request::NextOpen),
        Command::Resolve => return Outcome::one(Request::ConflictBox),
        Command::Decide if !matches!(state.focus, Pane::Scope | Pane::Flags) => {
            return Outcome::one(Request::Notice(
                crate::tui::message::Tone::Info,
                "Decisions are recorded on flags: Tab to the flags, choose one, then d.".into(),
            ));
        }
        _ => {}
    }
    match state.focus {
        Pane::Sections => on_sections(state, ctx, command),
        Pane::Question | Pane::Note => on_question(state, ctx, command),
        Pane::Scope | Pane::Flags => on_scope(state, ctx, command),
    }
}

/// The keys that move a cursor through a list whose last row is `last`:
/// a row, ten rows, the ends. False for any other command.
fn move_in(cursor: &mut usize, command: Command, last: usize) -> bool {
    *cursor = match command {
        Command::Up => cursor.saturating_sub(1),
        Command::Down => (*cursor + 1).min(last),
        Command::PageUp => cursor.saturating_sub(10),
        Command::PageDown => (*cursor + 10).min(last),
        Command::Top => 0,
        Command::Bottom => last,
        _ => return false,
    };
    true
}

pub(super) fn on_sections(state: &mut InterviewState, ctx: &Ctx<'_>, command: Command) -> Outcome {
    let rows = nav_rows(ctx, &state.question);
    let last = rows.len().saturating_sub(1);
    match command {
        c if move_in(&mut state.nav_cursor, c, last) => {}
        Command::Select | Command::Toggle | Command::Right => {
            return activate_nav(ctx, rows.get(state.nav_cursor));
        }
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// Enter on a row of the section list: a question opens; a section opens
/// at its first open question (or its first question).
pub fn activate_nav(ctx: &Ctx<'_>, row: Option<&NavRow>) -> Outcome {
    match row {
        Some(NavRow::Question { id, .. }) => Outcome::one(Request::GoToQuestion(id.clone())),
        Some(NavRow::Section { index, .. }) => {
            let section = &ctx.knowledge.questionnaire.sections[*index];
            let progress = Progress::of(ctx.scope);
            let visible: Vec<&String> = section
                .questions
                .iter()
                .map(|q| &q.id)
                .filter(|q| progress.visible(q))
                .collect();
            match visible
                .iter()
                .find(|q| !progress.answered(q))
                .or(visible.first())
            {
                Some(q) => Outcome::one(Request::GoToQuestion((*q).clone())),
                None => Outcome::one(Request::Notice(
                    crate::tui::message::Tone::Info,
                    format!(
                        "No question of \"{}\" applies with the answers so far.",
                        section.title
                    ),
                )),
            }
        }
        None => Outcome::done(),
    }
}

pub(super) fn on_question(state: &mut InterviewState, ctx: &Ctx<'_>, command: Command) -> Outcome {
    let Some(q) = current(state, ctx) else {
        return Outcome::ignored();
    };
    let id = state.question.clone();
    let n_options = q.options().len();
    let choice = n_options > 0;
    match command {
        Command::Up if choice => state.option_cursor = state.option_cursor.saturating_sub(1),
        Command::Down if choice => {
            state.option_cursor = (state.option_cursor + 1).min(n_options - 1)
        }
        Command::Top if choice => state.option_cursor = 0,
        Command::Bottom if choice => state.option_cursor = n_options - 1,
        Command::Up => return Outcome::one(Request::PrevQuestion),
        Command::Down => return Outcome::one(Request::NextQuestion),
        Command::Toggle => {
            return match q.kind {
                QuestionKind::YesNo => {
                    let now = ctx.answer(&id).and_then(Answer::as_bool);
                    Outcome::one(Request::SetAnswer(id, Answer::Bool(now != Some(true))))
                }
                _ => Outcome::with(choose(state, q, ctx, state.option_cursor)),
            };
        }
        Command::Yes | Command::Left if q.kind == QuestionKind::YesNo => {
            return Outcome::one(Request::SetAnswer(id, Answer::Bool(true)));
        }
        Command::No | Command::Right if q.kind == QuestionKind::YesNo => {
            return Outcome::one(Request::SetAnswer(id, Answer::Bool(false)));
        }
        Command::Select => {
            let mut requests = match &q.kind {
                QuestionKind::Single { .. } => choose(state, q, ctx, state.option_cursor),
                QuestionKind::Number { .. } | QuestionKind::Text { .. } => {
                    let r = field_requests(state, q, ctx);
                    if state.field_error.is_some() {
                        return Outcome::with(r);
                    }
                    r
                }
                _ => Vec::new(),
            };
            requests.push(Request::NextQuestion);
            return Outcome::with(requests);
        }
        Command::ClearAnswer => {
            state.field.set("");
            state.field_error = None;
            return Outcome::one(Request::ClearAnswer(id));
        }
        Command::Why => return Outcome::one(Request::Trace(TraceTarget::Question(id))),
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

impl InterviewState {
    /// Puts the cursor into the list the focus is on: an item in the
    /// scope pane, a flag in the flag pane.
    pub fn enter_list(&mut self, ctx: &Ctx<'_>) {
        let items = ctx.scope.items.len();
        match self.focus {
            Pane::Scope if self.scope_cursor >= items => self.scope_cursor = 0,
            Pane::Flags if self.scope_cursor < items => self.scope_cursor = items,
            _ => {}
        }
    }
}

/// The keys of the scope pane (items) and the flag pane. ↓ on the last
/// item goes on to the flags, ↑ on the first flag back to the items.
pub(super) fn on_scope(state: &mut InterviewState, ctx: &Ctx<'_>, command: Command) -> Outcome {
    let items = ctx.scope.items.len();
    let flags = ctx.scope.flags.len();
    state.enter_list(ctx);
    let in_flags = state.focus == Pane::Flags;
    let (first, len) = if in_flags { (items, flags) } else { (0, items) };
    match command {
        Command::Down if !in_flags && flags > 0 && state.scope_cursor + 1 >= items => {
            state.focus = Pane::Flags;
            state.scope_cursor = items;
        }
        Command::Up if in_flags && items > 0 && state.scope_cursor <= items => {
            state.focus = Pane::Scope;
            state.scope_cursor = items - 1;
        }
        c if len > 0 => {
            let mut at = (state.scope_cursor - first).min(len - 1);
            if !move_in(&mut at, c, len - 1) {
                return match c {
                    Command::Select | Command::Why | Command::Remove | Command::Decide => {
                        scope_action(ctx, state.scope_cursor, command)
                    }
                    _ => Outcome::ignored(),
                };
            }
            state.scope_cursor = first + at;
        }
        // An empty list: nothing to select, nothing to act on.
        Command::Select | Command::Why | Command::Remove => return Outcome::done(),
        c if move_in(&mut 0, c, 0) => {}
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// Enter, `w` or `x` on entry `n` of the right column.
pub fn scope_action(ctx: &Ctx<'_>, n: usize, command: Command) -> Outcome {
    let items = ctx.scope.items.len();
    if let Some(item) = ctx.scope.items.get(n) {
        return match command {
            Command::Remove => Outcome::one(Request::AskRemove {
                offering: item.offering.clone(),
            }),
            Command::Decide => Outcome::one(Request::Notice(
                crate::tui::message::Tone::Info,
                "Decisions are recorded on flags: Tab to the flags (or ↓ past the last item), then d.".into(),
            )),
            _ => Outcome::one(Request::Trace(TraceTarget::Item(item.offering.clone()))),
        };
    }
    let Some(flag) = ctx.scope.flags.get(n - items.min(n)).filter(|_| n >= items) else {
        return Outcome::done();
    };
    let target = TraceTarget::Flag {
        rule: flag.rule.clone(),
        index: n - items,
    };
    match command {
        Command::Select => {
            let q = flag
                .questions
                .iter()
                .find(|q| ctx.scope.visible_questions.contains(q))
                .or(flag.questions.first());
            match q {
                Some(q) => Outcome::one(Request::GoToQuestion(q.clone())),
                None => Outcome::one(Request::Trace(target)),
            }
        }
        Command::Why => Outcome::one(Request::Trace(target)),
        Command::Decide => Outcome::one(Request::DecisionBox(n - items)),
        _ => Outcome::one(Request::Notice(
            crate::tui::message::Tone::Info,
            "A flag goes away when the answer behind it changes (Enter goes there).".into(),
        )),
    }
}
