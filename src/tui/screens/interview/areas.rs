//! The parts of the question pane and the rows of the scope list: pure
//! functions of the state and the size, shared by drawing and the mouse.

use super::*;

/// The parts of the question pane, from top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuestionAreas {
    pub prompt: Rect,
    pub why: Rect,
    pub input: Rect,
    pub message: Rect,
    pub flags: Rect,
    pub note: Rect,
}

/// Rows each part of a question wants in a pane `inner` wide.
/// The lines about the flags a question raised: each flag's badge and
/// title, then what to propose instead, the thing to say to the customer.
pub(super) fn flag_lines(t: &Theme, raised: &[&Flag], w: u16) -> Vec<Line<'static>> {
    let title_w = (w as usize).saturating_sub(crate::tui::widgets::badge::WIDTH + 1);
    let mut out = Vec::new();
    for f in raised {
        out.push(Line::from(vec![
            badge(t, f.severity),
            Span::raw(" "),
            Span::styled(truncate(&f.title, title_w), t.severity(f.severity)),
        ]));
        out.extend(wrapped(&format!("  → {}", f.remediation), w, t.dim));
    }
    out
}

pub(super) fn wanted_rows(
    q: &Question,
    state: &InterviewState,
    inner: Rect,
    raised: &[&Flag],
    message_rows: u16,
) -> [u16; 9] {
    let w = inner.width;
    let rows = |s: &str| u16::try_from(wrap(s, w as usize).len()).unwrap_or(u16::MAX);
    let input = match &q.kind {
        QuestionKind::Single { options, .. } | QuestionKind::Multi { options, .. } => {
            u16::try_from(options.len()).unwrap_or(u16::MAX)
        }
        // The field, and the suggestions under it while they show.
        QuestionKind::Text { radar: true } if state.focus == Pane::Question => {
            1 + u16::try_from(state.suggestions.len()).unwrap_or(0)
        }
        _ => 1,
    };
    let theme = crate::tui::theme::Theme::new(crate::tui::theme::ThemeKind::NoColor);
    let flags = u16::try_from(flag_lines(&theme, raised, w).len()).unwrap_or(u16::MAX);
    // prompt, gap, why, gap, input, message, flags, gap, note
    [
        rows(&q.prompt),
        1,
        rows(&why_text(q)),
        1,
        input,
        message_rows,
        flags,
        1,
        1,
    ]
}

pub(super) fn why_text(q: &Question) -> String {
    format!("Why we ask: {}", q.help)
}

/// Fits the parts into the pane: gaps go first, then "why" shrinks to a
/// line, then the flag lines, then the option list scrolls, so the
/// prompt, the input and the note stay on screen.
pub fn question_areas(
    inner: Rect,
    q: &Question,
    state: &InterviewState,
    raised: &[&Flag],
    message_rows: u16,
) -> QuestionAreas {
    let mut rows = wanted_rows(q, state, inner, raised, message_rows);
    let fits =
        |r: &[u16; 9]| r.iter().map(|&x| u32::from(x)).sum::<u32>() <= u32::from(inner.height);
    for (slot, floor) in [
        (7, 0),
        (3, 0),
        (1, 0),
        (2, 1),
        (6, 0),
        (4, 1),
        (0, 1),
        (2, 0),
        (5, 0),
    ] {
        while !fits(&rows) && rows[slot] > floor {
            rows[slot] -= 1;
        }
    }
    let mut y = inner.y;
    let mut take = |h: u16| {
        let h = h.min(inner.bottom().saturating_sub(y));
        let r = Rect::new(inner.x, y, inner.width, h);
        y += h;
        r
    };
    let prompt = take(rows[0]);
    take(rows[1]);
    let why = take(rows[2]);
    take(rows[3]);
    let input = take(rows[4]);
    let message = take(rows[5]);
    let flags = take(rows[6]);
    // The note sits at the bottom of the pane.
    let note_y = inner.bottom().saturating_sub(rows[8]).max(y);
    let note = Rect::new(
        inner.x,
        note_y,
        inner.width,
        rows[8].min(inner.bottom().saturating_sub(note_y)),
    );
    QuestionAreas {
        prompt,
        why,
        input,
        message,
        flags,
        note,
    }
}

/// The line under the input: why a typed value is not the answer, or how
/// this kind of question is answered.
pub fn message_text(state: &InterviewState, q: &Question) -> String {
    if let Some(e) = &state.field_error {
        return e.clone();
    }
    if state.field_left && has_field(q) && state.focus == Pane::Question {
        return "  Enter: type here again · Esc: back to the sessions".into();
    }
    match &q.kind {
        QuestionKind::Number {
            min,
            max,
            integer,
            presets,
            ..
        } => {
            let range = range_words(*min, *max).unwrap_or_else(|| "any number".into());
            let whole = if *integer { ", whole numbers" } else { "" };
            if presets.is_empty() {
                format!("  {range}{whole}; Enter to go on")
            } else {
                let usual: Vec<String> = presets.iter().map(|p| format_number(*p)).collect();
                format!(
                    "  usual: {} (↑ ↓); or type {range}{whole}",
                    usual.join(" · ")
                )
            }
        }
        QuestionKind::Text { radar: true } if !state.suggestions.is_empty() => {
            "  From the Tech Radar: Tab takes the first, ↓ chooses, Esc leaves".into()
        }
        QuestionKind::Text { radar: true } => "  Names, separated by commas".into(),
        QuestionKind::Text { radar: false } => "  Saved as you type; Enter to go on".into(),
        QuestionKind::Multi { .. } => "  Space: tick or untick · Enter: go on".into(),
        QuestionKind::Single { .. } => "  Enter: choose, go on · Space: choose".into(),
        QuestionKind::YesNo => "  y / n or ← → · Enter: go on".into(),
    }
}

/// Everything under the input: the hint or error (`message_text`), the
/// ring of each technology named (radar questions), and, while an option
/// is edited, whether its answer differs from Base. `w` columns wide.
pub fn message_lines(
    t: &Theme,
    state: &InterviewState,
    ctx: &Ctx<'_>,
    q: &Question,
    w: u16,
) -> Vec<Line<'static>> {
    let style = if state.field_error.is_some() {
        t.error
    } else {
        t.dim
    };
    let mut out = wrapped(&message_text(state, q), w, style);
    if is_radar(q)
        && let Some(text) = ctx.answer(&q.id).and_then(Answer::as_text)
    {
        out.extend(ring_lines(t, &ctx.knowledge.radar, text, w));
    }
    if ctx.option.is_some() {
        let base = ctx
            .session
            .answers
            .get(&q.id)
            .map_or("not answered".to_string(), |a| a.display(Some(q)));
        let text = if ctx.differs(&q.id) {
            format!("◆ Differs from Base: {base}")
        } else {
            "  Same as Base".to_string()
        };
        let style = if ctx.differs(&q.id) { t.warn } else { t.dim };
        out.extend(wrapped(&text, w, style));
    }
    let conflicts = conflict_rows(ctx, &q.id);
    if !conflicts.is_empty() {
        for c in &conflicts {
            let what = match c.field {
                crate::session::Field::Note => "note",
                _ => "answer",
            };
            let text = format!(
                "⚠ Conflict from a team sync on this {what}: kept {}; {} gave {}",
                c.kept, c.by, c.other
            );
            out.extend(wrapped(&text, w, t.warn));
        }
        let text = format!(
            "  r (Ctrl-R in a field): keep it or take the other, or `nunki team resolve {} {}`",
            ctx.session.id, q.id
        );
        out.extend(wrapped(&text, w, t.dim));
    }
    out
}

/// The unresolved conflicts a team sync recorded on question `q` (its
/// answer and its note), their values in words.
pub fn conflict_rows(ctx: &Ctx<'_>, q: &str) -> Vec<crate::tui::screens::dialogs::ConflictRow> {
    use crate::session::Field;
    let question = ctx.knowledge.question(q);
    ctx.session
        .conflicts
        .iter()
        .filter(|c| c.key == q && matches!(c.field, Field::Answer | Field::Note))
        .map(|c| {
            let shown = |v: &Option<String>| -> String {
                let Some(text) = v else {
                    return "no answer (cleared)".into();
                };
                let options = crate::knowledge::ron_options();
                match c.field {
                    Field::Answer => options
                        .from_str::<Answer>(text)
                        .map_or_else(|_| text.clone(), |a| a.display(question)),
                    _ => options
                        .from_str::<String>(text)
                        .map_or_else(|_| text.clone(), |n| format!("\"{n}\"")),
                }
            };
            crate::tui::screens::dialogs::ConflictRow {
                field: c.field,
                kept: shown(&c.kept),
                other: shown(&c.other),
                by: c.by.clone(),
            }
        })
        .collect()
}

/// The first option row shown in a choice list of `height` rows.
pub fn option_offset(state: &InterviewState, q: &Question, height: u16) -> usize {
    window_offset(state.option_cursor, q.options().len(), height as usize)
}

/// Rows of the scope list: family headings, items (a long name goes on
/// on `ItemMore` rows, never cut), what was removed.
#[derive(Debug, Clone, PartialEq)]
pub enum ScopeRow {
    Heading(Family),
    Item(usize),
    /// Line `n` (from 1) of item `i`'s name.
    ItemMore(usize, usize),
    RemovedHeading,
    Removed(usize),
}

/// The columns of the scope list: the name, then one or two money
/// columns as wide as the widest amount they show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScopeColumns {
    /// Monthly and one-time; else monthly only (one-time under the total).
    pub both: bool,
    pub money_w: usize,
    pub name_w: usize,
}

/// The columns for a scope list `w` columns wide. Narrow, what has no
/// price says so in a word that fits the column (`basis_word`).
pub fn scope_columns(scope: &Scope, w: usize) -> ScopeColumns {
    let ind = scope.totals.indicative;
    let amounts = scope
        .items
        .iter()
        .filter(|i| i.basis == PriceBasis::Priced)
        .flat_map(|i| {
            [
                money(i.monthly, i.indicative),
                money(i.one_time, i.indicative),
            ]
        })
        .chain([
            total(scope.totals.monthly, ind),
            total(scope.totals.one_time, ind),
        ]);
    let cur = &scope.totals.currency;
    let head = width(&format!("{cur}/month")).max(width(&format!("{cur} once")));
    let money_w = amounts.map(|a| width(&a)).max().unwrap_or(0).max(head);
    let both = w >= 2 * money_w + 16;
    let name_w = w.saturating_sub(if both { 2 * money_w + 1 } else { money_w });
    ScopeColumns {
        both,
        money_w,
        name_w,
    }
}

/// What stands in the money column of a narrow scope list for an item
/// without a price: a word short enough for it, never a cut one.
pub fn basis_word(basis: PriceBasis, w: usize) -> &'static str {
    let short = match basis {
        PriceBasis::OnRequest => "on req.",
        PriceBasis::ByProvider => "provider",
        b => b.short(),
    };
    [basis.short(), short]
        .into_iter()
        .find(|s| width(s) <= w)
        .unwrap_or(short)
}

/// An item's name as the scope list shows it, with its quantity and the
/// mark of a manual add, wrapped to `w` columns.
pub fn item_name_lines(item: &crate::engine::Item, w: usize) -> Vec<String> {
    let qty = if (item.quantity - 1.0).abs() > f64::EPSILON {
        format!(" ×{}", format_number(item.quantity))
    } else {
        String::new()
    };
    let hand = if item.is_manual() { " ✎" } else { "" };
    // The first line is indented by one column, the ones after by two.
    let text = format!("{}{qty}{hand}", item.name);
    let mut lines = wrap(&text, w.saturating_sub(1).max(1));
    if lines.len() > 1 {
        let rest = wrap(&lines[1..].join(" "), w.saturating_sub(2).max(1));
        lines.truncate(1);
        lines.extend(rest);
    }
    for (n, l) in lines.iter_mut().enumerate() {
        *l = format!("{}{l}", if n == 0 { " " } else { "  " });
    }
    lines
}

/// The rows of the scope list for a list `list` big: grouped by family
/// under headings when everything fits, without the headings when that
/// saves scrolling.
pub fn scope_rows(scope: &Scope, list: Rect) -> Vec<ScopeRow> {
    let name_w = scope_columns(scope, list.width as usize).name_w;
    let more: Vec<usize> = scope
        .items
        .iter()
        .map(|i| item_name_lines(i, name_w).len().saturating_sub(1))
        .collect();
    let families = {
        let mut f: Vec<Family> = scope.items.iter().map(|i| i.family).collect();
        f.dedup();
        f.len()
    };
    let removed = if scope.excluded.is_empty() {
        0
    } else {
        scope.excluded.len() + 1
    };
    let item_rows = scope.items.len() + more.iter().sum::<usize>();
    let headings = item_rows + families + removed <= list.height as usize;
    let mut rows = Vec::new();
    let mut family = None;
    for (i, item) in scope.items.iter().enumerate() {
        if headings && family != Some(item.family) {
            family = Some(item.family);
            rows.push(ScopeRow::Heading(item.family));
        }
        rows.push(ScopeRow::Item(i));
        rows.extend((1..=more[i]).map(|n| ScopeRow::ItemMore(i, n)));
    }
    if !scope.excluded.is_empty() {
        rows.push(ScopeRow::RemovedHeading);
        rows.extend((0..scope.excluded.len()).map(ScopeRow::Removed));
    }
    rows
}

/// The scope list area inside the scope box: a column header on top and
/// two rows of totals at the bottom.
pub fn scope_list_area(scope_box: Rect) -> Rect {
    layout::inset(scope_box, 1, 2)
}

pub fn scope_offset(state: &InterviewState, rows: &[ScopeRow], height: u16) -> usize {
    offset_of(rows, &ScopeRow::Item(state.scope_cursor), height)
}

pub fn flag_offset(state: &InterviewState, scope: &Scope, height: u16) -> usize {
    let selected = state.scope_cursor.saturating_sub(scope.items.len());
    window_offset(selected, scope.flags.len(), height as usize)
}
