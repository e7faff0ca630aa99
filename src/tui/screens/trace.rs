//! "Why": the trace of an item, a flag, a rule or a question, read from
//! the scope the engine produced (rules, the answers they read, price
//! calculations). Enter goes to the question behind it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Clear;

use super::{box_scroll, draw_text, pane, wrapped};
use crate::engine::answers::format_number;
use crate::engine::{AnswerRef, Because};
use crate::knowledge::{Effect, Recurrence};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Ctx, Outcome, Request, View};
use crate::tui::theme::Theme;
use crate::tui::widgets::badge;

pub use crate::tui::message::TraceTarget;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceState {
    pub target: TraceTarget,
    pub scroll: usize,
}

impl TraceState {
    pub fn new(target: TraceTarget) -> TraceState {
        TraceState { target, scroll: 0 }
    }
}

pub fn on_command(state: &mut TraceState, command: Option<Command>) -> Outcome {
    match command {
        Some(Command::Select) => Outcome::one(Request::TraceJump),
        other => box_scroll(&mut state.scroll, other),
    }
}

/// The question a trace leads to, if any.
pub fn question_of(ctx: &Ctx<'_>, target: &TraceTarget) -> Option<String> {
    let visible_first = |qs: Vec<String>| {
        qs.iter()
            .find(|q| ctx.scope.visible_questions.contains(q))
            .or(qs.first())
            .cloned()
    };
    match target {
        TraceTarget::Question(q) => Some(q.clone()),
        TraceTarget::Flag { index, .. } => ctx
            .scope
            .flags
            .get(*index)
            .and_then(|f| visible_first(f.questions.clone())),
        TraceTarget::Rule(r) => ctx
            .knowledge
            .rule(r)
            .and_then(|r| visible_first(r.when.questions())),
        TraceTarget::Item(o) => ctx.scope.item(o).and_then(|i| {
            visible_first(
                i.because
                    .iter()
                    .flat_map(|b| b.answers.iter().map(|a| a.question.clone()))
                    .collect(),
            )
        }),
    }
}

fn answer_lines(t: &Theme, ctx: &Ctx<'_>, answers: &[AnswerRef], w: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for a in answers {
        let prompt = ctx
            .knowledge
            .question(&a.question)
            .map_or(a.question.as_str(), |q| q.prompt.as_str());
        out.extend(wrapped(&format!("    {prompt}"), w, t.dim));
        out.push(Line::from(vec![
            Span::raw("      → "),
            Span::styled(a.display.clone(), t.title),
        ]));
    }
    out
}

fn because_lines(t: &Theme, ctx: &Ctx<'_>, because: &[Because], w: u16) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for b in because {
        let head = match &b.rule {
            Some(r) => format!("  • {} (rule {r})", b.description),
            None => format!("  • {}", b.description),
        };
        out.extend(wrapped(&head, w, t.text));
        out.extend(answer_lines(t, ctx, &b.answers, w));
    }
    out
}

/// The title and text of a trace, `w` columns wide.
pub fn lines(
    t: &Theme,
    ctx: &Ctx<'_>,
    target: &TraceTarget,
    w: u16,
) -> (String, Vec<Line<'static>>) {
    let mut out: Vec<Line<'static>> = Vec::new();
    let heading = |s: &str| Line::styled(s.to_string(), t.heading);
    let cur = ctx.scope.totals.currency.clone();
    match target {
        TraceTarget::Item(id) => {
            let Some(item) = ctx.scope.item(id) else {
                return (
                    " Why ".into(),
                    vec![Line::raw("This item is no longer in the scope.")],
                );
            };
            out.extend(wrapped(
                &format!(
                    "{} — {} ×{}",
                    item.name,
                    item.plan_name,
                    format_number(item.quantity)
                ),
                w,
                t.title,
            ));
            let owner = ctx
                .knowledge
                .approver(&item.owner)
                .map_or(item.owner.as_str(), |a| a.name.as_str());
            out.extend(wrapped(
                &format!(
                    "{} · by {} · owner: {owner}",
                    item.family.label(),
                    item.provider
                ),
                w,
                t.dim,
            ));
            out.push(Line::raw(""));
            out.push(heading("Why it is in the scope"));
            out.extend(because_lines(t, ctx, &item.because, w));
            out.push(Line::raw(""));
            out.push(heading("How the price is made"));
            if item.basis != crate::knowledge::PriceBasis::Priced && item.price_lines.is_empty() {
                out.push(Line::raw(format!("  {}", item.basis.label())));
            }
            for p in &item.price_lines {
                let when = match p.recurrence {
                    Recurrence::Monthly => "/month",
                    Recurrence::OneTime => " one-time",
                };
                let ind = if p.indicative { " (indicative)" } else { "" };
                out.extend(wrapped(
                    &format!(
                        "  {}: {} = {cur} {}{when}{ind}",
                        p.label,
                        p.calculation,
                        p.amount.amount()
                    ),
                    w,
                    t.text,
                ));
                for note in &p.notes {
                    out.extend(wrapped(&format!("    {note}"), w, t.dim));
                }
            }
            let sl = &item.service_level;
            if !sl.is_empty() {
                out.push(Line::raw(""));
                out.push(heading("Service level"));
                let parts = sl.parts();
                out.extend(wrapped(&format!("  {}", parts.join(" · ")), w, t.text));
            }
            if let Some(weeks) = item.lead_time_weeks {
                out.push(Line::raw(""));
                out.push(Line::raw(format!("Lead time: {weeks} week(s)")));
            }
            (" Why this item ".into(), out)
        }
        TraceTarget::Flag { index, .. } => {
            let Some(f) = ctx.scope.flags.get(*index) else {
                return (" Why ".into(), vec![Line::raw("This flag is gone.")]);
            };
            out.push(Line::from(vec![
                badge(t, f.severity),
                Span::raw(" "),
                Span::styled(f.title.clone(), t.title),
            ]));
            out.push(Line::raw(""));
            out.extend(wrapped(&f.detail, w, t.text));
            out.push(Line::raw(""));
            out.push(heading("What to propose instead"));
            out.extend(wrapped(&f.remediation, w, t.text));
            if let Some(a) = &f.approver_name {
                out.push(Line::raw(""));
                out.push(Line::from(vec![
                    Span::styled("Sign-off: ", t.heading),
                    Span::raw(a.clone()),
                ]));
            }
            out.push(Line::raw(""));
            out.push(heading("Raised because"));
            let description = ctx
                .knowledge
                .rule(&f.rule)
                .map_or("", |r| r.description.as_str());
            out.extend(wrapped(
                &format!("  • {description} (rule {})", f.rule),
                w,
                t.text,
            ));
            out.extend(answer_lines(t, ctx, &f.answers, w));
            (" Why this flag ".into(), out)
        }
        TraceTarget::Rule(id) => {
            let Some(rule) = ctx.knowledge.rule(id) else {
                return (" Rule ".into(), vec![Line::raw("No such rule.")]);
            };
            out.extend(wrapped(&rule.description, w, t.title));
            out.push(Line::styled(format!("rule {}", rule.id), t.dim));
            out.push(Line::raw(""));
            out.push(heading("What it does"));
            for e in &rule.effects {
                let text = match e {
                    Effect::Include { offering, plan, .. } => {
                        let name = ctx
                            .knowledge
                            .offering(offering)
                            .map_or(offering.as_str(), |o| o.name.as_str());
                        format!("  • includes {name} ({plan})")
                    }
                    Effect::Exclude { offering } => {
                        let name = ctx
                            .knowledge
                            .offering(offering)
                            .map_or(offering.as_str(), |o| o.name.as_str());
                        format!("  • leaves out {name}")
                    }
                    Effect::Flag(spec) => {
                        format!("  • flags {}: {}", spec.severity.label(), spec.title)
                    }
                };
                out.extend(wrapped(&text, w, t.text));
            }
            let active = ctx.scope.flags.iter().any(|f| f.rule == rule.id)
                || ctx.scope.items.iter().any(|i| {
                    i.because
                        .iter()
                        .any(|b| b.rule.as_deref() == Some(&rule.id))
                });
            out.push(Line::raw(""));
            out.push(Line::styled(
                if active {
                    "It applies to this session now."
                } else {
                    "It does not apply to this session now."
                },
                if active { t.warn } else { t.dim },
            ));
            out.push(Line::raw(""));
            out.push(heading("It reads"));
            for q in rule.when.questions() {
                let prompt = ctx
                    .knowledge
                    .question(&q)
                    .map_or(q.as_str(), |x| x.prompt.as_str());
                let answer = ctx.answer(&q).map_or("(not answered)".to_string(), |a| {
                    a.display(ctx.knowledge.question(&q))
                });
                out.extend(wrapped(&format!("    {prompt}"), w, t.dim));
                out.push(Line::from(vec![
                    Span::raw("      → "),
                    Span::styled(answer, t.title),
                ]));
            }
            (" Rule ".into(), out)
        }
        TraceTarget::Question(q) => {
            let question = ctx.knowledge.question(q);
            out.extend(wrapped(
                question.map_or(q.as_str(), |x| x.prompt.as_str()),
                w,
                t.title,
            ));
            let answer = ctx
                .answer(q)
                .map_or("(not answered)".to_string(), |a| a.display(question));
            out.push(Line::from(vec![
                Span::raw("→ "),
                Span::styled(answer, t.title),
            ]));
            out.push(Line::raw(""));
            out.push(heading("What this answer does now"));
            let reads = |answers: &[AnswerRef]| answers.iter().any(|a| &a.question == q);
            let mut any = false;
            for item in &ctx.scope.items {
                if item.because.iter().any(|b| reads(&b.answers)) {
                    out.extend(wrapped(
                        &format!("  • brings in {} ({})", item.name, item.plan_name),
                        w,
                        t.text,
                    ));
                    any = true;
                }
            }
            for f in ctx.scope.flags_for_question(q) {
                out.push(Line::from(vec![
                    Span::raw("  • "),
                    badge(t, f.severity),
                    Span::raw(" "),
                    Span::raw(f.title.clone()),
                ]));
                any = true;
            }
            if !any {
                out.push(Line::styled(
                    "  Nothing in the scope depends on it yet.",
                    t.dim,
                ));
            }
            (" Why this question matters ".into(), out)
        }
    }
}

/// The trace box's area.
pub fn area(body: Rect) -> Rect {
    layout::popup(
        body,
        76.min(body.width.saturating_sub(4)),
        body.height.saturating_sub(2),
    )
}

pub fn draw(frame: &mut Frame, body: Rect, view: &View<'_>, state: &TraceState) {
    let Some(ctx) = &view.ctx else { return };
    let t = view.theme;
    let outer = area(body);
    let inner = layout::inner(outer);
    let (title, text) = lines(t, ctx, &state.target, inner.width);
    let jump = question_of(ctx, &state.target).is_some();
    let height = inner.height as usize;
    let max = text.len().saturating_sub(height);
    let scroll = state.scroll.min(max);
    let more = if scroll < max { " ↓ more ·" } else { "" };
    let hint = if jump {
        format!("{more} Enter: go to the question · Esc: close ")
    } else {
        format!("{more} Esc: close ")
    };
    frame.render_widget(Clear, outer);
    let block = pane(t, &title, true).title_bottom(Line::styled(hint, t.dim).right_aligned());
    draw_text(frame, block, outer, text, scroll, inner);
}
