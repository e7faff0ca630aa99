//! The one place where requests change the app: every [`Request`] a
//! screen or box answers with is applied here, in one `match`.

use super::*;

impl App {
    pub(crate) fn apply_all(&mut self, requests: Vec<Request>, actions: &mut Vec<Action>) {
        for r in requests {
            self.apply(r, actions);
        }
    }

    /// The one place where requests change the app.
    fn apply(&mut self, request: Request, actions: &mut Vec<Action>) {
        match request {
            Request::SetAnswer(q, a) => {
                let editing = self.editing();
                self.change(actions, |s| set_answer(s, editing, q, a));
            }
            Request::ClearAnswer(q) => {
                let editing = self.editing();
                let own = self.ctx().is_some_and(|c| c.differs(&q));
                match editing {
                    // An option cannot leave a question unanswered that Base
                    // answers: clearing its own answer makes it follow Base.
                    Some(_) if !own => {
                        if let Some(open) = &mut self.open {
                            // The field shows what the option answers again.
                            let ctx = open_ctx!(self.knowledge, open);
                            let (current, focus) =
                                (open.interview.question.clone(), open.interview.focus);
                            open.interview.go_to(&ctx, &current);
                            open.interview.focus = focus;
                        }
                        self.set_notice(
                            Tone::Info,
                            "An option follows Base where it has no answer of its own; answer differently here, or clear it in Base.",
                        );
                    }
                    Some(_) => {
                        self.change(actions, |s| clear_answer(s, editing, &q));
                        let base = self.ctx().and_then(|c| {
                            c.session
                                .answers
                                .get(&q)
                                .map(|a| a.display(c.knowledge.question(&q)))
                        });
                        if let Some(base) = base {
                            self.set_notice(
                                Tone::Info,
                                format!("This option follows Base again here: {base}."),
                            );
                        }
                    }
                    None => self.change(actions, |s| clear_answer(s, editing, &q)),
                }
            }
            Request::SetNote(q, note) => self.change(actions, |s| {
                if note.trim().is_empty() {
                    s.notes.remove(&q);
                } else {
                    s.notes.insert(q, note);
                }
            }),
            Request::GoToQuestion(q) => {
                self.overlay = None;
                self.screen = Screen::Interview;
                if let Some(open) = &mut self.open {
                    let ctx = open_ctx!(self.knowledge, open);
                    if !ctx.scope.visible_questions.contains(&q) {
                        let prompt = self
                            .knowledge
                            .question(&q)
                            .map_or(q.as_str(), |x| x.prompt.as_str());
                        self.notice = Some(Notice {
                            tone: Tone::Info,
                            text: format!(
                                "\"{prompt}\" is not asked with the current answers (skip logic)"
                            ),
                        });
                    }
                    open.interview.go_to(&ctx, &q);
                    open.interview.focus = interview::Pane::Question;
                }
            }
            Request::NextQuestion | Request::PrevQuestion | Request::NextOpen => {
                let Some(open) = &mut self.open else { return };
                let ctx = open_ctx!(self.knowledge, open);
                let target = match request {
                    Request::NextQuestion => {
                        interview::next_visible(&ctx, &open.interview.question, 1)
                    }
                    Request::PrevQuestion => {
                        interview::next_visible(&ctx, &open.interview.question, -1)
                    }
                    _ => interview::next_open(&ctx, &open.interview.question),
                };
                match target {
                    Some(q) => {
                        open.interview.go_to(&ctx, &q);
                        open.interview.focus = interview::Pane::Question;
                    }
                    None => {
                        let text = match request {
                            Request::NextQuestion => {
                                "That was the last question. Ctrl-N finds open ones; p shows the proposal."
                            }
                            Request::PrevQuestion => "This is the first question.",
                            _ => "Every question that applies is answered. p shows the proposal.",
                        };
                        self.notice = Some(Notice {
                            tone: Tone::Info,
                            text: text.into(),
                        });
                    }
                }
            }
            Request::ShowOffering(id) => {
                self.overlay = None;
                if let Some(open) = &mut self.open {
                    let ctx = open_ctx!(self.knowledge, open);
                    open.catalog.show(&ctx, &self.catalog_order, &id);
                    self.screen = Screen::Catalog;
                }
            }
            Request::Screen(screen) => {
                self.go_screen(screen);
                // The internal proposal names similar setups we run: read
                // the won sessions once per open session.
                if self.screen == Screen::Preview
                    && self.open.as_ref().is_some_and(|o| o.similar.is_none())
                {
                    actions.push(Action::LoadWon);
                }
            }
            Request::Back => self.back(actions),
            Request::Quit => actions.push(Action::Quit),
            Request::Help => {
                self.overlay = Some(Overlay::Help(HelpState::new(self.context())));
            }
            Request::Search => {
                if self.open.is_some() {
                    self.overlay = Some(Overlay::Search(SearchState::new(&self.index)));
                }
            }
            Request::Trace(target) => self.overlay = Some(Overlay::Trace(TraceState::new(target))),
            Request::TraceJump => {
                let target = match &self.overlay {
                    Some(Overlay::Trace(state)) => Some(state.target.clone()),
                    _ => None,
                };
                let question =
                    target.and_then(|t| self.ctx().and_then(|ctx| trace::question_of(&ctx, &t)));
                match question {
                    Some(q) => self.apply(Request::GoToQuestion(q), actions),
                    None => self.set_notice(Tone::Info, "No question is behind this one."),
                }
            }
            Request::OpenSession(id) => actions.push(Action::Open(id)),
            Request::NewSessionDialog => {
                self.overlay = Some(Overlay::Dialog(Dialog::new_session()));
            }
            Request::CreateSession {
                customer,
                template,
                lang,
            } => {
                self.overlay = None;
                actions.push(Action::Create {
                    customer,
                    template,
                    lang,
                });
            }
            Request::AskAdd { offering, plan } => {
                let existing = self.ctx().and_then(|c| {
                    let item = c.scope.item(&offering)?;
                    Some(dialogs::InScope {
                        quantity: item.quantity,
                        plan_name: item.plan_name.clone(),
                        by_hand: c.overrides().added.iter().any(|a| a.offering == offering),
                    })
                });
                self.overlay = Some(Overlay::Dialog(Dialog::add(
                    &self.knowledge,
                    &offering,
                    &plan,
                    existing,
                )));
            }
            Request::AskRemove { offering } => {
                let in_scope = self.scope().is_some_and(|s| s.item(&offering).is_some());
                if in_scope {
                    self.overlay =
                        Some(Overlay::Dialog(Dialog::remove(&self.knowledge, &offering)));
                } else {
                    self.set_notice(
                        Tone::Info,
                        "That offering is not in the scope; nothing to remove.",
                    );
                }
            }
            Request::Add {
                offering,
                plan,
                quantity,
                reason,
            } => {
                self.overlay = None;
                let name = self.offering_name(&offering);
                let editing = self.editing();
                self.change(actions, |s| {
                    overrides_mut(s, editing).add(&offering, &plan, quantity, &reason)
                });
                self.set_notice(Tone::Good, format!("Added {name} by hand."));
            }
            Request::Remove { offering, reason } => {
                self.overlay = None;
                let name = self.offering_name(&offering);
                let editing = self.editing();
                self.change(actions, |s| {
                    overrides_mut(s, editing).remove(&offering, &reason)
                });
                self.set_notice(Tone::Good, format!("Removed {name} by hand."));
            }
            Request::Reset { offering } => {
                let has = self.ctx().is_some_and(|c| {
                    let ov = c.overrides();
                    ov.added.iter().any(|a| a.offering == offering)
                        || ov.removed.iter().any(|r| r.offering == offering)
                });
                if has {
                    let name = self.offering_name(&offering);
                    let editing = self.editing();
                    self.change(actions, |s| overrides_mut(s, editing).reset(&offering));
                    self.set_notice(
                        Tone::Good,
                        format!("{name}: back to what the rules decide."),
                    );
                } else {
                    self.set_notice(Tone::Info, "Nothing was changed by hand for this offering.");
                }
            }
            Request::ExportDialog => {
                if let Some(open) = &self.open {
                    let option = open
                        .editing
                        .and_then(|i| open.session.options.get(i))
                        .map(|o| o.name.as_str());
                    self.overlay = Some(Overlay::Dialog(Dialog::export(
                        &open.session,
                        open.preview.audience,
                        option,
                    )));
                }
            }
            Request::Export {
                format,
                audience,
                path,
            } => {
                if let Some(open) = &self.open {
                    let proposal = proposal(&self.knowledge, open, audience);
                    let contents = export::render_bytes(format, &proposal);
                    actions.push(Action::Export { path, contents });
                }
            }
            Request::Audience(audience) => {
                if let Some(open) = &mut self.open {
                    open.preview.audience = audience;
                    open.preview.scroll = 0;
                }
                self.refresh_preview();
            }
            Request::Notice(tone, text) => self.set_notice(tone, text),
            Request::CloseOverlay => self.overlay = None,
            Request::OptionsBox => {
                if let Some(open) = &self.open {
                    self.overlay = Some(Overlay::Options(OptionsState::new(open.editing)));
                    self.refresh_compare();
                }
            }
            Request::EditOption(editing) => self.edit(editing),
            Request::AskAddOption => {
                let Some(open) = &self.open else { return };
                if open.session.options.len() >= MAX_OPTIONS {
                    self.set_notice(
                        Tone::Info,
                        format!(
                            "A session holds at most {MAX_OPTIONS} options; remove one first (x)."
                        ),
                    );
                } else {
                    self.overlay = Some(Overlay::Dialog(Dialog::new_option(&open.session)));
                }
            }
            Request::AddOption(name) => {
                self.overlay = None;
                let Some(open) = &mut self.open else { return };
                if open.read_only {
                    // Changes nothing; says why.
                    return self.change(actions, |_| {});
                }
                // The new option is edited at once: it is what one adds it for.
                let new = open.session.options.len();
                open.editing = Some(new);
                self.change(actions, |s| {
                    s.options.push(ScopeOption {
                        name: name.clone(),
                        answers: Default::default(),
                        overrides: None,
                    });
                });
                if self.editing() == Some(new) {
                    self.set_notice(
                        Tone::Good,
                        format!(
                            "Added option \"{name}\". Answers given now belong to it alone; o switches back to Base."
                        ),
                    );
                }
            }
            Request::AskRemoveOption(n) => {
                if let Some(option) = self.open.as_ref().and_then(|o| o.session.options.get(n)) {
                    self.overlay = Some(Overlay::Dialog(Dialog::remove_option(n, option)));
                }
            }
            Request::RemoveOption(n) => {
                self.overlay = None;
                let Some(open) = &mut self.open else { return };
                let Some(name) = open.session.options.get(n).map(|o| o.name.clone()) else {
                    return;
                };
                if open.read_only {
                    // Changes nothing; says why.
                    return self.change(actions, |_| {});
                }
                // What is edited keeps being edited; the removed option's
                // editor falls back to Base.
                open.editing = match open.editing {
                    Some(e) if e == n => None,
                    Some(e) if e > n => Some(e - 1),
                    other => other,
                };
                self.change(actions, |s| {
                    s.options.remove(n);
                });
                self.set_notice(Tone::Good, format!("Removed option \"{name}\"."));
            }
            Request::StatusBox => {
                if let Some(open) = &self.open {
                    self.overlay = Some(Overlay::Dialog(Dialog::status(open.session.status)));
                }
            }
            Request::SetStatus(status) => {
                self.overlay = None;
                let Some(open) = &self.open else { return };
                if open.session.status == status && !open.read_only {
                    self.set_notice(Tone::Info, format!("The status stays {}.", status.id()));
                    return;
                }
                // The gate before selling, as `nunki set --status` has it:
                // no proposal or deal while approvals are missing.
                if matches!(
                    status,
                    crate::session::Status::Proposed | crate::session::Status::Won
                ) {
                    let scope = open.session.evaluate(&self.knowledge).scope;
                    let missing = crate::approvals::missing(&scope, &open.session.decisions);
                    if !missing.is_empty() {
                        let list: Vec<String> = missing.iter().map(|m| m.describe()).collect();
                        self.set_notice(
                            Tone::Info,
                            format!(
                                "Not {} yet, missing: {}. Record them with `nunki approve`.",
                                status.id(),
                                list.join("; ")
                            ),
                        );
                        return;
                    }
                }
                // The status belongs to the session, whatever option is edited.
                self.change(actions, |s| s.status = status);
                if self
                    .open
                    .as_ref()
                    .is_some_and(|o| o.session.status == status)
                {
                    self.set_notice(Tone::Good, format!("Status: {}.", status.id()));
                }
            }
            Request::DecisionBox(n) => {
                let Some(open) = &self.open else { return };
                if open.read_only {
                    return self.change(actions, |_| {});
                }
                let Some(flag) = open.eval.scope.flags.get(n) else {
                    return;
                };
                let raised_by_base = self
                    .base_scope()
                    .is_some_and(|s| s.flags.iter().any(|f| f.rule == flag.rule));
                if !raised_by_base {
                    self.set_notice(
                        Tone::Info,
                        "Only this option raises the flag; decisions are recorded on the session's own flags (edit Base: o).",
                    );
                    return;
                }
                self.overlay = Some(Overlay::Dialog(Dialog::decision(
                    &self.knowledge,
                    flag,
                    &open.session.decisions,
                )));
            }
            Request::Decide { rule, draft } => {
                self.overlay = None;
                // The shell reads the clock and answers with `Decided`.
                actions.push(Action::Decide { rule, draft });
            }
            Request::ConflictBox => {
                let Some(ctx) = self.ctx() else { return };
                let question = self
                    .open
                    .as_ref()
                    .map(|o| o.interview.question.clone())
                    .unwrap_or_default();
                let rows = interview::conflict_rows(&ctx, &question);
                let others = ctx.session.conflicts.len() - rows.len();
                let prompt = ctx
                    .knowledge
                    .question(&question)
                    .map_or(question.clone(), |q| q.prompt.to_string());
                if rows.is_empty() {
                    let text = if others > 0 {
                        format!(
                            "No conflict on this question; the session has {others} elsewhere (`nunki team conflicts`)."
                        )
                    } else {
                        "No conflict on this question.".to_string()
                    };
                    self.set_notice(Tone::Info, text);
                    return;
                }
                self.overlay = Some(Overlay::Dialog(Dialog::Conflict(dialogs::ConflictChoice {
                    question,
                    prompt,
                    rows,
                    cursor: 0,
                })));
            }
            Request::ResolveConflict {
                question,
                take_other,
            } => {
                self.overlay = None;
                let mut failed = None;
                self.change(actions, |s| {
                    let on_question = |c: &crate::session::Conflict| {
                        c.key == question
                            && matches!(
                                c.field,
                                crate::session::Field::Answer | crate::session::Field::Note
                            )
                    };
                    if let Err(e) = crate::session::merge::resolve(s, on_question, take_other) {
                        failed = Some(e);
                    }
                });
                if let Some(open) = &mut self.open {
                    // The field shows the value now kept.
                    let ctx = open_ctx!(self.knowledge, open);
                    let (current, focus) = (open.interview.question.clone(), open.interview.focus);
                    open.interview.go_to(&ctx, &current);
                    open.interview.focus = focus;
                }
                match failed {
                    Some(e) => self.set_notice(Tone::Bad, e),
                    None if self.open.as_ref().is_some_and(|o| !o.read_only) => self.set_notice(
                        Tone::Good,
                        if take_other {
                            "Took the other value; the next sync shares it."
                        } else {
                            "Kept the merged value; the next sync shares it."
                        },
                    ),
                    None => {}
                }
            }
            Request::Sync => {
                if self.open.is_some() {
                    self.set_notice(
                        Tone::Info,
                        "Sync from the session list (Esc): a sync never runs in the middle of an interview.",
                    );
                    return;
                }
                match &self.team {
                    None => self.set_notice(
                        Tone::Info,
                        "The data directory is no team folder: `nunki team init` or `nunki team clone URL` makes it one.",
                    ),
                    Some(_) if self.syncing => {}
                    Some(_) => {
                        self.syncing = true;
                        self.set_notice(Tone::Info, "Syncing with the team…");
                        actions.push(Action::Sync);
                    }
                }
            }
            Request::Insights => {
                self.overlay = None;
                self.screen = Screen::Insights;
                self.insights.loading();
                actions.push(Action::LoadAllSessions);
            }
        }
    }
}
