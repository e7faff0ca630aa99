//! Drawing the interview from a read-only view: sections (or the strip),
//! the question, the scope and its flags.

use super::*;

/// What every pane of the interview is drawn from.
#[derive(Clone, Copy)]
pub(super) struct Pen<'a> {
    t: &'a Theme,
    ctx: &'a Ctx<'a>,
    state: &'a InterviewState,
}

pub fn draw(frame: &mut Frame, body: Rect, state: &InterviewState, view: &View<'_>) {
    let Some(ctx) = &view.ctx else {
        return;
    };
    let t = view.theme;
    let pen = Pen { t, ctx, state };
    let l = layout::interview(body, ctx.scope.flags.len());
    match (l.sections, l.strip) {
        (Some(area), _) => draw_sections(frame, area, pen),
        (None, Some(strip)) => draw_strip(frame, strip, pen),
        _ => {}
    }
    if l.sections.is_none() && state.focus == Pane::Sections {
        draw_sections(frame, l.question, pen);
    } else {
        draw_question(frame, l.question, pen);
    }
    draw_scope(frame, l.scope, pen);
    draw_flags(frame, l.flags, pen);
}

pub(super) fn draw_sections(frame: &mut Frame, area: Rect, pen: Pen<'_>) {
    let Pen { t, ctx, state } = pen;
    let (done, all) = progress(ctx);
    let focused = state.focus == Pane::Sections;
    frame.render_widget(
        pane(t, &format!(" Sections · {done}/{all} "), focused),
        area,
    );
    let inner = layout::inner(area);
    let rows = nav_rows(ctx, &state.question);
    let height = inner.height as usize;
    let offset = window_offset(state.nav_cursor, rows.len(), height);
    let w = inner.width as usize;
    let mut lines = Vec::new();
    for (n, row) in rows.iter().enumerate().skip(offset).take(height) {
        let selected = focused && n == state.nav_cursor;
        let base = if selected { t.selected } else { t.text };
        let mark = |worst: Option<Severity>| match worst {
            Some(s) => Span::styled("⚑", if selected { base } else { t.severity(s) }),
            None => Span::styled(" ", base),
        };
        let line = match row {
            NavRow::Section {
                index,
                answered,
                visible,
                worst,
            } => {
                let title = &ctx.knowledge.questionnaire.sections[*index].title;
                let count = if *visible == 0 {
                    "–".to_string()
                } else {
                    format!("{answered}/{visible}")
                };
                let style = match (*visible, answered == visible) {
                    (0, _) if !selected => t.dim,
                    (_, true) if !selected => t.answered,
                    _ => base.patch(t.title),
                };
                let title_w = w.saturating_sub(width(&count) + 3);
                Line::from(vec![
                    Span::styled(fit(title, title_w), style),
                    Span::styled(format!(" {count} "), base),
                    mark(*worst),
                ])
            }
            NavRow::Question {
                id,
                answered,
                worst,
            } => {
                let prompt = ctx
                    .knowledge
                    .question(id)
                    .map_or(id.as_str(), |q| q.prompt.as_str());
                let is_current = *id == state.question;
                // ◆: the edited option answers this one its own way.
                let tick = match (*answered, ctx.differs(id)) {
                    (_, true) => "◆",
                    (true, false) => "✓",
                    (false, false) => "·",
                };
                let lead = if is_current { "›" } else { " " };
                let style = if selected {
                    base
                } else if is_current {
                    t.title
                } else if *answered {
                    t.dim
                } else {
                    t.text
                };
                Line::from(vec![
                    Span::styled(
                        format!("{lead}{tick} "),
                        if *answered && !selected {
                            t.answered
                        } else {
                            base
                        },
                    ),
                    Span::styled(fit(prompt, w.saturating_sub(4)), style),
                    mark(*worst),
                ])
            }
        };
        lines.push(if selected {
            line.style(t.selected)
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The one-line stand-in for the section list on narrow terminals.
pub(super) fn draw_strip(frame: &mut Frame, area: Rect, pen: Pen<'_>) {
    let Pen { t, ctx, state } = pen;
    let sections = &ctx.knowledge.questionnaire.sections;
    let index = section_index(ctx, &state.question).unwrap_or(0);
    let rows = nav_rows(ctx, &state.question);
    let (answered, visible, worst) = rows
        .iter()
        .find_map(|r| match r {
            NavRow::Section {
                index: i,
                answered,
                visible,
                worst,
            } if *i == index => Some((*answered, *visible, *worst)),
            _ => None,
        })
        .unwrap_or((0, 0, None));
    let (done, all) = progress(ctx);
    let title = sections.get(index).map_or("", |s| s.title.as_str());
    let mut spans = vec![
        Span::styled(format!(" Section {}/{} ", index + 1, sections.len()), t.key),
        Span::styled(title.to_string(), t.title),
        Span::styled(format!("  {answered}/{visible} answered"), t.text),
    ];
    if let Some(s) = worst {
        spans.push(Span::raw("  "));
        spans.push(Span::styled("⚑", t.severity(s)));
    }
    let used: usize = spans.iter().map(|s| width(&s.content)).sum();
    let room = (area.width as usize).saturating_sub(used);
    let right = [
        format!("{done}/{all} overall · Tab: sections "),
        format!("{done}/{all} overall "),
        String::new(),
    ]
    .into_iter()
    .find(|r| width(r) < room)
    .unwrap_or_default();
    spans.push(Span::raw(" ".repeat(room.saturating_sub(width(&right)))));
    spans.push(Span::styled(right, t.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub(super) fn draw_question(frame: &mut Frame, area: Rect, pen: Pen<'_>) {
    let Pen { t, ctx, state } = pen;
    let Some(q) = current(state, ctx) else {
        frame.render_widget(pane(t, " Question ", false), area);
        return;
    };
    let focused = matches!(state.focus, Pane::Question | Pane::Note);
    let section = ctx
        .knowledge
        .section_of(&q.id)
        .map_or("", |s| s.title.as_str());
    let visible_in_section: Vec<&String> = ctx
        .knowledge
        .section_of(&q.id)
        .map(|s| {
            let progress = Progress::of(ctx.scope);
            s.questions
                .iter()
                .map(|x| &x.id)
                .filter(|x| progress.visible(x))
                .collect()
        })
        .unwrap_or_default();
    let pos = visible_in_section
        .iter()
        .position(|x| **x == q.id)
        .map_or(0, |p| p + 1);
    let title = format!(" {section} · {pos}/{} ", visible_in_section.len());
    let block = pane(t, &title, focused).title_bottom(
        Line::styled(format!(" {} · {} ", q.id, q.kind.name()), t.dim).right_aligned(),
    );
    frame.render_widget(block, area);
    let inner = layout::inner(area);
    let raised: Vec<_> = ctx.scope.flags_for_question(&q.id).collect();
    let message = message_lines(t, state, ctx, q, inner.width);
    let message_rows = u16::try_from(message.len()).unwrap_or(u16::MAX);
    let a = question_areas(inner, q, state, &raised, message_rows);

    frame.render_widget(
        Paragraph::new(wrapped(&q.prompt, a.prompt.width, t.title)),
        a.prompt,
    );
    let mut why = wrapped(&why_text(q), a.why.width, t.dim);
    if why.len() > a.why.height as usize && a.why.height > 0 {
        why.truncate(a.why.height as usize);
        if let Some(last) = why.last_mut() {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::styled(truncate(&format!("{text} …"), a.why.width as usize), t.dim);
        }
    }
    frame.render_widget(Paragraph::new(why), a.why);

    let answer = ctx.answer(&q.id);
    // A field Esc left shows as not focused; a choice has no field to leave.
    let on_input = state.focus == Pane::Question && !(has_field(q) && state.field_left);
    match &q.kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multi { options, .. } => {
            let multi = matches!(q.kind, QuestionKind::Multi { .. });
            let offset = option_offset(state, q, a.input.height);
            let mut lines = Vec::new();
            for (i, o) in options
                .iter()
                .enumerate()
                .skip(offset)
                .take(a.input.height as usize)
            {
                let chosen = match answer {
                    Some(Answer::Text(v)) => *v == o.id,
                    Some(Answer::List(vs)) => vs.contains(&o.id),
                    _ => false,
                };
                let marker = match (multi, chosen) {
                    (false, true) => "(•)",
                    (false, false) => "( )",
                    (true, true) => "[x]",
                    (true, false) => "[ ]",
                };
                let under = on_input && i == state.option_cursor;
                let base = if under {
                    t.selected
                } else if chosen {
                    t.answered
                } else {
                    t.text
                };
                let lead = if under { "›" } else { " " };
                let extra = if o.exclusive { "  (alone)" } else { "" };
                let text = format!("{lead}{marker} {}{extra}", o.label);
                lines.push(Line::styled(fit(&text, a.input.width as usize), base));
            }
            frame.render_widget(Paragraph::new(lines), a.input);
        }
        QuestionKind::YesNo => {
            let v = answer.and_then(Answer::as_bool);
            let button = |label: &str, on: bool| {
                let style = if on {
                    if on_input {
                        t.selected
                    } else {
                        t.answered.patch(t.title)
                    }
                } else {
                    t.text
                };
                Span::styled(format!("({}) {label}", if on { "•" } else { " " }), style)
            };
            let line = Line::from(vec![
                Span::raw(if on_input { "›" } else { " " }),
                button("Yes", v == Some(true)),
                Span::raw("    "),
                button("No", v == Some(false)),
            ]);
            frame.render_widget(Paragraph::new(line), a.input);
        }
        QuestionKind::Number { unit, .. } => {
            let field_w = (a.input.width as usize)
                .saturating_sub(width(unit) + 6)
                .min(16);
            let (shown, col) = state.field.view(field_w);
            let line = Line::from(vec![
                Span::raw(if on_input { "›[" } else { " [" }),
                Span::styled(fit(&shown, field_w), t.input),
                Span::raw("] "),
                Span::styled(unit.to_string(), t.text),
            ]);
            frame.render_widget(Paragraph::new(line), a.input);
            if on_input && a.input.height > 0 {
                frame.set_cursor_position((a.input.x + 2 + col as u16, a.input.y));
            }
        }
        QuestionKind::Text { .. } => {
            let field_w = (a.input.width as usize).saturating_sub(3);
            let (shown, col) = state.field.view(field_w);
            let mut lines = vec![Line::from(vec![
                Span::raw(if on_input { "›[" } else { " [" }),
                Span::styled(fit(&shown, field_w), t.input),
                Span::raw("]"),
            ])];
            if on_input {
                lines.extend(suggestion_lines(t, ctx, state, a.input.width));
            }
            lines.truncate(a.input.height as usize);
            frame.render_widget(Paragraph::new(lines), a.input);
            if on_input && a.input.height > 0 {
                frame.set_cursor_position((a.input.x + 2 + col as u16, a.input.y));
            }
        }
    }

    let mut message = message;
    message.truncate(a.message.height as usize);
    frame.render_widget(Paragraph::new(message), a.message);

    let mut flag_text = flag_lines(t, &raised, a.flags.width);
    flag_text.truncate(a.flags.height as usize);
    frame.render_widget(Paragraph::new(flag_text), a.flags);

    if a.note.height > 0 {
        let label = "Note: ";
        let field_w = (a.note.width as usize).saturating_sub(label.len());
        let on_note = state.focus == Pane::Note;
        // Typing shows the text around the cursor; otherwise the note's
        // start, cut with an ellipsis, as one reads it.
        let (shown, col) = if on_note {
            state.note.view(field_w)
        } else {
            (state.note.preview(field_w), 0)
        };
        let style = if on_note { t.input } else { t.dim };
        let shown = if shown.is_empty() && !on_note {
            "(Tab to add a note)".to_string()
        } else {
            shown
        };
        let line = Line::from(vec![
            Span::styled(label, t.key),
            Span::styled(fit(&shown, field_w), style),
        ]);
        frame.render_widget(Paragraph::new(line), a.note);
        if on_note {
            frame.set_cursor_position((a.note.x + label.len() as u16 + col as u16, a.note.y));
        }
    }
}

/// An item's amount in the scope list, in the one money format
/// (`Money::amount`; the currency is in the column head), marked when
/// indicative. Zero is left blank on an item row.
pub(super) fn money(m: crate::engine::Money, indicative: bool) -> String {
    if m.0 == 0 {
        return String::new();
    }
    format!("{}{}", m.amount(), if indicative { "*" } else { " " })
}

/// A total: zero is written out, unlike on an item row.
pub(super) fn total(m: crate::engine::Money, indicative: bool) -> String {
    if m.0 == 0 {
        "0 ".into()
    } else {
        money(m, indicative)
    }
}

/// " ↑2 ↓4": how many rows of a list are above and below its window.
pub(super) fn more_marks(offset: usize, len: usize, height: usize) -> String {
    let below = len.saturating_sub(offset + height);
    let mut out = String::new();
    if offset > 0 {
        out.push_str(&format!(" ↑{offset}"));
    }
    if below > 0 {
        out.push_str(&format!(" ↓{below}"));
    }
    out
}

pub(super) fn draw_scope(frame: &mut Frame, area: Rect, pen: Pen<'_>) {
    let Pen { t, ctx, state } = pen;
    let scope = ctx.scope;
    let focused = state.focus == Pane::Scope;
    let list = scope_list_area(area);
    let rows = scope_rows(scope, list);
    let offset = scope_offset(state, &rows, list.height);
    let more = more_marks(offset, rows.len(), list.height as usize);
    // The scope of an option says whose it is: it is not the session's.
    let whose = ctx
        .option
        .map_or(String::new(), |o| format!(" of {}", truncate(&o.name, 24)));
    let title = format!(
        " Scope{whose} · {} item{}{more} ",
        scope.items.len(),
        if scope.items.len() == 1 { "" } else { "s" }
    );
    frame.render_widget(pane(t, &title, focused), area);
    let inner = layout::inner(area);
    if inner.height < 4 {
        return;
    }
    let w = inner.width as usize;
    let cur = &scope.totals.currency;
    // Narrow panes show the monthly column only; the one-time total
    // moves to its own line at the bottom. The currency is in the head.
    let ScopeColumns {
        both,
        money_w,
        name_w,
    } = scope_columns(scope, w);
    let mark = if scope.totals.indicative {
        "* indicative"
    } else {
        ""
    };
    let header = if both {
        format!(
            "{}{} {}",
            fit(mark, name_w),
            fit_right(&format!("{cur}/month"), money_w),
            fit_right(&format!("{cur} once"), money_w)
        )
    } else {
        format!(
            "{}{}",
            fit(mark, name_w),
            fit_right(&format!("{cur}/month"), money_w)
        )
    };
    frame.render_widget(
        Paragraph::new(Line::styled(header, t.dim)),
        Rect::new(inner.x, inner.y, inner.width, 1),
    );
    if rows.is_empty() {
        let mut lines = vec![Line::styled("Nothing in the scope yet.", t.text)];
        lines.extend(wrapped(
            "Answer questions and the offerings that fit appear here.",
            list.width,
            t.dim,
        ));
        frame.render_widget(Paragraph::new(lines), list);
    } else {
        let mut lines = Vec::new();
        for row in rows.iter().skip(offset).take(list.height as usize) {
            let selected = match row {
                ScopeRow::Item(i) | ScopeRow::ItemMore(i, _) => focused && state.scope_cursor == *i,
                _ => false,
            };
            let line = match row {
                ScopeRow::Heading(f) => Line::styled(truncate(f.label(), w), t.heading),
                ScopeRow::RemovedHeading => Line::styled("Left out", t.heading),
                ScopeRow::ItemMore(i, n) => {
                    let name = item_name_lines(&scope.items[*i], name_w)
                        .get(*n)
                        .cloned()
                        .unwrap_or_default();
                    Line::styled(fit(&name, w), t.text)
                }
                ScopeRow::Item(i) => {
                    let item = &scope.items[*i];
                    let pick = |s| if selected { t.selected } else { s };
                    let name = item_name_lines(item, name_w)
                        .into_iter()
                        .next()
                        .unwrap_or_default();
                    let monthly = match money(item.monthly, item.indicative) {
                        m if m.is_empty() && !both => "–".to_string(),
                        m => m,
                    };
                    let unpriced = item.basis != PriceBasis::Priced;
                    let mut spans = vec![Span::styled(fit(&name, name_w), pick(t.text))];
                    if unpriced && both {
                        // Both price columns hold the reason in full.
                        spans.push(Span::styled(
                            fit_right(item.basis.label(), 2 * money_w + 1),
                            pick(t.dim),
                        ));
                    } else if unpriced {
                        spans.push(Span::styled(
                            fit_right(basis_word(item.basis, money_w), money_w),
                            pick(t.dim),
                        ));
                    } else {
                        spans.push(Span::styled(fit_right(&monthly, money_w), pick(t.money)));
                    }
                    if both && !unpriced {
                        spans.push(Span::styled(" ", pick(t.text)));
                        spans.push(Span::styled(
                            fit_right(&money(item.one_time, item.indicative), money_w),
                            pick(t.money),
                        ));
                    }
                    Line::from(spans)
                }
                ScopeRow::Removed(i) => {
                    let e = &scope.excluded[*i];
                    let why = if e.because.rule.is_none() {
                        "by hand"
                    } else {
                        "by a rule"
                    };
                    Line::styled(fit(&format!(" − {} ({why})", e.name), w), t.dim)
                }
            };
            lines.push(if selected {
                line.style(t.selected)
            } else {
                line
            });
        }
        frame.render_widget(Paragraph::new(lines), list);
    }
    let ind = scope.totals.indicative;
    let total_style = t.money.patch(t.title);
    // What the totals leave out shows where the rule above them was: the
    // engineer sees at a glance that the total is not the whole price.
    // Named when the names fit, else counted (the rows say which).
    let left_out: Vec<&str> = scope.left_out_items().map(|i| i.name.as_str()).collect();
    let rule = if left_out.is_empty() {
        Line::styled("─".repeat(w), t.border)
    } else {
        let n = left_out.len();
        // As many names as fit, the rest counted.
        let text = (1..=n)
            .rev()
            .map(|k| {
                let names = left_out[..k].join(", ");
                if k == n {
                    format!("+ not in totals: {names}")
                } else {
                    format!("+ not in totals: {names} and {} more", n - k)
                }
            })
            .find(|t| width(t) <= w)
            .unwrap_or_else(|| match n {
                1 => "+ 1 item not in the totals".to_string(),
                _ => format!("+ {n} items not in the totals"),
            });
        Line::styled(fit(&text, w), t.dim)
    };
    let (first, second) = if both {
        (
            rule,
            Line::from(vec![
                Span::styled(fit(&format!("Total {cur}"), name_w), t.title),
                Span::styled(
                    fit_right(&total(scope.totals.monthly, ind), money_w),
                    total_style,
                ),
                Span::raw(" "),
                Span::styled(
                    fit_right(&total(scope.totals.one_time, ind), money_w),
                    total_style,
                ),
            ]),
        )
    } else {
        (
            Line::from(vec![
                Span::styled(
                    fit(
                        &if left_out.is_empty() {
                            format!("Total {cur}/month")
                        } else {
                            format!("Total/mo, {} not incl.", left_out.len())
                        },
                        name_w,
                    ),
                    t.title,
                ),
                Span::styled(
                    fit_right(&total(scope.totals.monthly, ind), money_w),
                    total_style,
                ),
            ]),
            Line::from(vec![
                Span::styled(fit("One-time", name_w), t.title),
                Span::styled(
                    fit_right(&total(scope.totals.one_time, ind), money_w),
                    total_style,
                ),
            ]),
        )
    };
    let totals_y = inner.bottom() - 2;
    frame.render_widget(
        Paragraph::new(first),
        Rect::new(inner.x, totals_y, inner.width, 1),
    );
    frame.render_widget(
        Paragraph::new(second),
        Rect::new(inner.x, totals_y + 1, inner.width, 1),
    );
}

pub(super) fn draw_flags(frame: &mut Frame, area: Rect, pen: Pen<'_>) {
    let Pen { t, ctx, state } = pen;
    let scope = ctx.scope;
    let items = scope.items.len();
    let focused = state.focus == Pane::Flags;
    let mut counts = String::new();
    for s in Severity::ALL {
        let n = scope.flags_of(s).count();
        if n > 0 {
            counts.push_str(&format!(
                " {n} {}",
                crate::tui::widgets::badge::short(s).to_lowercase()
            ));
        }
    }
    let inner = layout::inner(area);
    let offset = flag_offset(state, scope, inner.height);
    let more = more_marks(offset, scope.flags.len(), inner.height as usize);
    let title = if scope.flags.is_empty() {
        " Flags ".to_string()
    } else if width(&counts) + width(&more) + 12 <= area.width as usize {
        format!(" Flags ·{counts}{more} ")
    } else {
        format!(" Flags ({}){more} ", scope.flags.len())
    };
    frame.render_widget(pane(t, &title, focused), area);
    if scope.flags.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(
                truncate(
                    "None: everything asked for is in our offer.",
                    inner.width as usize,
                ),
                t.ok,
            )),
            inner,
        );
        return;
    }
    let title_w = (inner.width as usize).saturating_sub(crate::tui::widgets::badge::WIDTH + 3);
    let lines: Vec<Line> = scope
        .flags
        .iter()
        .enumerate()
        .skip(offset)
        .take(inner.height as usize)
        .map(|(i, f)| {
            let selected = focused && state.scope_cursor == items + i;
            let style = if selected { t.selected } else { t.text };
            // The pre-sales decision on the flag: ✓ approved, ✗ declined,
            // ! decided for other answers (stale).
            let decision = match crate::approvals::decision_for(f, &ctx.session.decisions) {
                Some((_, crate::approvals::State::Approved)) => Span::styled("✓ ", t.ok),
                Some((_, crate::approvals::State::Declined)) => Span::styled("✗ ", t.error),
                Some((_, crate::approvals::State::Stale)) => Span::styled("! ", t.warn),
                None => Span::styled("  ", style),
            };
            let line = Line::from(vec![
                badge(t, f.severity),
                Span::styled(" ", style),
                decision,
                Span::styled(fit(&f.title, title_w), style),
            ]);
            if selected {
                line.style(t.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
