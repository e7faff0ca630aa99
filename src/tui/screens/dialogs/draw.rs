//! Drawing the dialogs over the body of the screen.

use super::*;

pub(super) const LABEL_W: usize = 10;

pub(super) fn field_line(
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

/// Adds a text field's line; the focused field holds the text cursor.
fn push_field<'a>(
    lines: &mut Vec<Line<'a>>,
    cursor: &mut Option<(usize, usize)>,
    (line, col): (Line<'a>, Option<usize>),
) {
    if let Some(c) = col {
        *cursor = Some((lines.len(), c));
    }
    lines.push(line);
}

/// The dim note under a dialog's fields, set off by a blank line.
fn push_note(lines: &mut Vec<Line<'_>>, t: &Theme, text: &str, width: u16) {
    lines.push(Line::raw(""));
    lines.extend(wrapped(text, width, t.dim));
}

fn radio_mark(on: bool) -> &'static str {
    if on { "(•)" } else { "( )" }
}

pub(super) fn choice_line(t: &Theme, on: bool, under: bool, text: &str, w: usize) -> Line<'static> {
    let mark = radio_mark(on);
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
    let text_width = width.saturating_sub(4);
    let w = text_width as usize;
    let mut lines: Vec<Line> = Vec::new();
    // (row, column) of the text cursor inside the box.
    let mut cursor: Option<(usize, usize)> = None;
    let (title, hint) = match dialog {
        Dialog::NewSession(d) => {
            push_field(
                &mut lines,
                &mut cursor,
                field_line(t, "Customer", &d.customer, w, d.field == 0),
            );
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
                    lines.extend(wrapped(&text, text_width, t.title));
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
            lines.extend(wrapped(&head, text_width, t.title));
            if let Some(e) = d.existing.as_ref().filter(|_| adding) {
                let text = format!(
                    "In the scope already: ×{} ({}); you choose next whether to add to it or replace it.",
                    crate::engine::answers::format_number(e.quantity),
                    e.plan_name
                );
                lines.extend(wrapped(&text, text_width, t.warn));
            }
            lines.push(Line::raw(""));
            if adding {
                push_field(
                    &mut lines,
                    &mut cursor,
                    field_line(t, "Quantity", &d.quantity, 24, d.field == 0),
                );
            }
            push_field(
                &mut lines,
                &mut cursor,
                field_line(t, "Reason", &d.reason, w, d.field == 1 || !adding),
            );
            push_note(
                &mut lines,
                t,
                "The reason is saved with the session and shows in the trace and the internal proposal.",
                text_width,
            );
            if let Some(e) = &d.error {
                lines.extend(wrapped(e, text_width, t.error));
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
            push_field(
                &mut lines,
                &mut cursor,
                field_line(t, "File", &d.file, w, d.field == 2),
            );
            lines.push(Line::styled(
                fit("          (relative to where nunki was started)", w),
                t.dim,
            ));
            match &d.result {
                Some(Ok(path)) => {
                    lines.push(Line::raw(""));
                    lines.push(Line::styled("Wrote", t.ok));
                    lines.extend(wrapped(path, text_width, t.title));
                }
                Some(Err(e)) => {
                    lines.push(Line::raw(""));
                    lines.extend(wrapped(e, text_width, t.error));
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
            lines.extend(wrapped(
                "An option is this session's answers with some of its own on top, e.g. a dedicated cluster instead of the shared platform. It starts as Base does; what you answer while it is edited belongs to it alone.",
                text_width,
                t.text,
            ));
            lines.push(Line::raw(""));
            push_field(
                &mut lines,
                &mut cursor,
                field_line(t, "Name", &d.name, w, true),
            );
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
                lines.extend(wrapped(e, text_width, t.error));
            }
            (" New option ", " Enter add · Esc cancel ")
        }
        Dialog::RemoveOption { name, answers, .. } => {
            let text = format!(
                "Remove the option \"{name}\" and its {answers} answer{} of its own? Base and the other options stay as they are.",
                if *answers == 1 { "" } else { "s" }
            );
            lines.extend(wrapped(&text, text_width, t.text));
            (" Remove option ", " Enter remove · Esc keep it ")
        }
        Dialog::Status { current, cursor } => {
            let customer = view
                .ctx
                .as_ref()
                .map_or("the customer", |c| c.session.customer.name.as_str());
            let head = format!("Where does the deal with {customer} stand?");
            lines.extend(wrapped(&head, text_width, t.title));
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
            push_note(
                &mut lines,
                t,
                "Saved with the session at once; the session list and the insights show it.",
                text_width,
            );
            (
                " Status ",
                " Enter save · d p w l choose and save · Esc cancel ",
            )
        }
        Dialog::Decision(d) => {
            let head = format!("{} · {}", d.severity.label(), d.title);
            lines.extend(wrapped(&head, text_width, t.title));
            let names = if d.approvers.is_empty() {
                "The flag names no approver.".to_string()
            } else {
                format!("The flag names: {}.", d.approvers.join(", "))
            };
            lines.extend(wrapped(&names, text_width, t.dim));
            if let Some(c) = &d.current {
                let text = format!("Recorded so far: {c}; this replaces it.");
                lines.extend(wrapped(&text, text_width, t.dim));
            }
            lines.push(Line::raw(""));
            push_field(
                &mut lines,
                &mut cursor,
                field_line(t, "By", &d.by, w, d.field == 0),
            );
            push_field(
                &mut lines,
                &mut cursor,
                field_line(t, "Condition", &d.conditions, w, d.field == 1),
            );
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
            let radio = |verdict: Verdict, word: &str| {
                let on = d.verdict == verdict;
                Span::styled(
                    format!("{} {word}", radio_mark(on)),
                    if d.field == 3 && on {
                        t.selected
                    } else {
                        t.text
                    },
                )
            };
            lines.push(Line::from(vec![
                label(3, "Decision"),
                radio(Verdict::Approved, "approve"),
                Span::raw("   "),
                radio(Verdict::Declined, "decline"),
            ]));
            push_note(
                &mut lines,
                t,
                "Recorded with today's date for the answers that raise the flag now; when they change, the decision shows as stale.",
                text_width,
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
            lines.extend(wrapped(&head, text_width, t.title));
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
            push_note(
                &mut lines,
                t,
                "Saved at once; the next sync shares the resolution (as `nunki team resolve` does).",
                text_width,
            );
            (
                " Conflict ",
                " Enter keep this one · ↑↓ choose · Esc later ",
            )
        }
        Dialog::Message { title, text } => {
            for paragraph in text.split('\n') {
                lines.extend(wrapped(paragraph, text_width, t.text));
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
