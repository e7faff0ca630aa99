//! The catalog browser: every offering with its plans, prices, service
//! levels, responsibilities and owner. From here an engineer adds an
//! offering to the scope by hand or removes a recommended one, always with
//! a reason (the session's overrides).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{pane, wrapped};
use crate::engine::answers::format_number;
use crate::knowledge::{Family, Knowledge, Offering, Plan, Price};
use crate::tui::keymap::Command;
use crate::tui::layout;
use crate::tui::message::{Ctx, Gesture, MouseOutcome, Outcome, Request, View};
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, offset_of};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

#[derive(Debug, Clone, Default)]
pub struct CatalogState {
    pub focus: Focus,
    /// Position in the browser's order (`App::catalog_order`).
    pub cursor: usize,
    pub plan: usize,
    pub scroll: usize,
}

/// Offerings by family (the order of `Family::ALL`), then catalog order.
pub fn order(knowledge: &Knowledge) -> Vec<usize> {
    let mut order: Vec<usize> = (0..knowledge.catalog.offerings.len()).collect();
    let rank = |f: Family| Family::ALL.iter().position(|x| *x == f);
    order.sort_by_key(|&i| rank(knowledge.catalog.offerings[i].family));
    order
}

/// How an offering stands in the session's scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Out,
    ByRule,
    ByHand,
    Removed,
}

pub fn standing(ctx: &Ctx<'_>, offering: &str) -> Standing {
    let ov = ctx.overrides();
    if ov.removed.iter().any(|r| r.offering == offering) {
        Standing::Removed
    } else if ov.added.iter().any(|a| a.offering == offering) && ctx.scope.item(offering).is_some()
    {
        Standing::ByHand
    } else if ctx.scope.item(offering).is_some() {
        Standing::ByRule
    } else if ctx.scope.excluded.iter().any(|e| e.offering == offering) {
        Standing::Removed
    } else {
        Standing::Out
    }
}

impl CatalogState {
    fn offering<'a>(&self, ctx: &Ctx<'a>, order: &[usize]) -> Option<&'a Offering> {
        order
            .get(self.cursor)
            .map(|&i| &ctx.knowledge.catalog.offerings[i])
    }

    /// The plan the scope uses for the selected offering, else the first.
    fn reset_plan(&mut self, ctx: &Ctx<'_>, order: &[usize]) {
        self.scroll = 0;
        self.plan = self
            .offering(ctx, order)
            .and_then(|o| {
                let item = ctx.scope.item(&o.id)?;
                o.plans.iter().position(|p| p.id == item.plan)
            })
            .unwrap_or(0);
    }

    pub fn show(&mut self, ctx: &Ctx<'_>, order: &[usize], offering: &str) {
        if let Some(pos) = order
            .iter()
            .position(|&i| ctx.knowledge.catalog.offerings[i].id == offering)
        {
            self.cursor = pos;
            self.focus = Focus::List;
            self.reset_plan(ctx, order);
        }
    }

    pub fn sync(&mut self, ctx: &Ctx<'_>, order: &[usize]) {
        self.cursor = self.cursor.min(order.len().saturating_sub(1));
        let plans = self.offering(ctx, order).map_or(0, |o| o.plans.len());
        self.plan = self.plan.min(plans.saturating_sub(1));
    }

    fn move_to(&mut self, ctx: &Ctx<'_>, order: &[usize], to: usize) {
        let to = to.min(order.len().saturating_sub(1));
        if to != self.cursor {
            self.cursor = to;
            self.reset_plan(ctx, order);
        }
    }
}

pub fn on_command(
    state: &mut CatalogState,
    ctx: &Ctx<'_>,
    order: &[usize],
    command: Option<Command>,
) -> Outcome {
    let Some(command) = command else {
        return Outcome::ignored();
    };
    let Some(offering) = state.offering(ctx, order) else {
        return Outcome::ignored();
    };
    let plans = offering.plans.len();
    let id = offering.id.clone();
    match (command, state.focus) {
        (Command::NextPane | Command::PrevPane, _) => {
            state.focus = if state.focus == Focus::List {
                Focus::Detail
            } else {
                Focus::List
            };
        }
        (Command::Select, Focus::List) => state.focus = Focus::Detail,
        (Command::Up, Focus::List) => state.move_to(ctx, order, state.cursor.saturating_sub(1)),
        (Command::Down, Focus::List) => state.move_to(ctx, order, state.cursor + 1),
        (Command::PageUp, Focus::List) => {
            state.move_to(ctx, order, state.cursor.saturating_sub(10))
        }
        (Command::PageDown, Focus::List) => state.move_to(ctx, order, state.cursor + 10),
        (Command::Top, Focus::List) => state.move_to(ctx, order, 0),
        (Command::Bottom, Focus::List) => state.move_to(ctx, order, usize::MAX),
        (Command::Up, Focus::Detail) => state.plan = state.plan.saturating_sub(1),
        (Command::Down, Focus::Detail) => {
            state.plan = (state.plan + 1).min(plans.saturating_sub(1))
        }
        (Command::PageUp, Focus::Detail) => state.scroll = state.scroll.saturating_sub(10),
        (Command::PageDown, Focus::Detail) => state.scroll += 10,
        (Command::Top, Focus::Detail) => state.scroll = 0,
        (Command::Left, _) => state.plan = state.plan.saturating_sub(1),
        (Command::Right, _) => state.plan = (state.plan + 1).min(plans.saturating_sub(1)),
        (Command::Add, _) => {
            return match offering.plans.get(state.plan) {
                Some(plan) => Outcome::one(Request::AskAdd {
                    offering: id,
                    plan: plan.id.clone(),
                }),
                None => Outcome::done(),
            };
        }
        (Command::Remove, _) => return Outcome::one(Request::AskRemove { offering: id }),
        (Command::Reset, _) => return Outcome::one(Request::Reset { offering: id }),
        (Command::Back, Focus::Detail) => state.focus = Focus::List,
        _ => return Outcome::ignored(),
    }
    Outcome::done()
}

/// Rows of the list: a heading per family, then its offerings (as
/// positions in the browser's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Family),
    Offering(usize),
}

pub fn rows(knowledge: &Knowledge, order: &[usize]) -> Vec<Row> {
    let mut out = Vec::new();
    let mut family = None;
    for (pos, &i) in order.iter().enumerate() {
        let f = knowledge.catalog.offerings[i].family;
        if family != Some(f) {
            family = Some(f);
            out.push(Row::Heading(f));
        }
        out.push(Row::Offering(pos));
    }
    out
}

pub fn list_offset(state: &CatalogState, rows: &[Row], height: u16) -> usize {
    offset_of(rows, &Row::Offering(state.cursor), height)
}

/// A price in words: "CHF 55 per GiB memory/month*".
pub fn price_text(currency: &str, price: &Price) -> String {
    format!(
        "{}: {}",
        price.label,
        crate::engine::money::price_text(currency, price)
    )
}

fn service_level_text(plan: &Plan) -> Option<String> {
    let parts = plan.service_level.parts();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

pub fn draw(frame: &mut Frame, body: Rect, state: &CatalogState, view: &View<'_>) {
    let Some(ctx) = &view.ctx else {
        return;
    };
    let t = view.theme;
    let l = layout::catalog(body);
    draw_list(frame, l.list, t, ctx, state, view.catalog_order);
    if let Some(offering) = state.offering(ctx, view.catalog_order) {
        draw_detail(frame, l.detail, t, ctx, state, offering);
    }
}

fn draw_list(
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    ctx: &Ctx<'_>,
    state: &CatalogState,
    order: &[usize],
) {
    let focused = state.focus == Focus::List;
    frame.render_widget(
        pane(
            t,
            &format!(" Catalog · {} offerings ", order.len()),
            focused,
        ),
        area,
    );
    let inner = layout::inner(area);
    let rows = rows(ctx.knowledge, order);
    let offset = list_offset(state, &rows, inner.height);
    let w = inner.width as usize;
    let lines: Vec<Line> = rows
        .iter()
        .skip(offset)
        .take(inner.height as usize)
        .map(|row| match row {
            Row::Heading(f) => Line::styled(fit(f.label(), w), t.heading),
            Row::Offering(pos) => {
                let o = &ctx.knowledge.catalog.offerings[order[*pos]];
                let (mark, mark_style) = match standing(ctx, &o.id) {
                    Standing::ByRule => ("✓", t.ok),
                    Standing::ByHand => ("✎", t.ok),
                    Standing::Removed => ("−", t.warn),
                    Standing::Out => (" ", t.text),
                };
                let selected = *pos == state.cursor;
                let style = match (selected, focused) {
                    (true, true) => t.selected,
                    (true, false) => t.selected_unfocused,
                    _ => t.text,
                };
                let line = Line::from(vec![
                    Span::styled(
                        format!(" {mark} "),
                        if selected { style } else { mark_style },
                    ),
                    Span::styled(fit(&o.name, w.saturating_sub(3)), style),
                ]);
                if selected { line.style(style) } else { line }
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    t: &Theme,
    ctx: &Ctx<'_>,
    state: &CatalogState,
    o: &Offering,
) {
    let focused = state.focus == Focus::Detail;
    let hint = if focused {
        " ↑↓ plan · a add · x remove · r undo "
    } else {
        " ← → plan · a add · x remove · r undo "
    };
    frame.render_widget(
        pane(t, &format!(" {} ", o.name), focused)
            .title_bottom(Line::styled(hint, t.dim).right_aligned()),
        area,
    );
    let inner = layout::inner(area);
    let w = inner.width;
    let cur = ctx.knowledge.currency();
    let mut lines: Vec<Line> = Vec::new();
    let owner = ctx
        .knowledge
        .approver(&o.owner)
        .map_or(o.owner.as_str(), |a| a.name.as_str());
    lines.extend(wrapped(
        &format!("{} · by {} · owner: {owner}", o.family.label(), o.provider),
        w,
        t.dim,
    ));
    match standing(ctx, &o.id) {
        Standing::ByRule | Standing::ByHand => {
            if let Some(item) = ctx.scope.item(&o.id) {
                let mut parts = vec![format!(
                    "In the scope: {} ×{}",
                    item.plan_name,
                    format_number(item.quantity)
                )];
                if item.basis != crate::knowledge::PriceBasis::Priced {
                    parts.push(item.basis.label().to_string());
                } else {
                    let ind = if item.indicative { "*" } else { "" };
                    if item.monthly.0 != 0 || item.one_time.0 == 0 {
                        parts.push(format!("{}{ind}/month", item.monthly.in_currency(cur)));
                    }
                    if item.one_time.0 != 0 {
                        parts.push(format!("{}{ind} one-time", item.one_time.in_currency(cur)));
                    }
                }
                // Wrapped, never cut: the price is what one looks for here.
                lines.extend(wrapped(&parts.join(" · "), w, t.ok));
                for b in &item.because {
                    lines.extend(wrapped(&format!("  because: {}", b.description), w, t.text));
                }
            }
        }
        Standing::Removed => {
            let why = ctx
                .scope
                .excluded
                .iter()
                .find(|e| e.offering == o.id)
                .map_or("removed by hand".to_string(), |e| {
                    e.because.description.clone()
                });
            lines.extend(wrapped(&format!("Left out of the scope: {why}"), w, t.warn));
        }
        Standing::Out => lines.push(Line::styled("Not in the scope. a adds it by hand.", t.dim)),
    }
    lines.push(Line::raw(""));
    lines.extend(wrapped(&o.description, w, t.text));
    let mut facts = Vec::new();
    if let Some(weeks) = o.lead_time_weeks {
        facts.push(format!("lead time {weeks} week(s)"));
    }
    if let Some(d) = &o.docs {
        facts.push(format!("docs {d}"));
    }
    if !facts.is_empty() {
        lines.extend(wrapped(&facts.join(" · "), w, t.dim));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        format!("Plans ({})", o.plans.len()),
        t.heading,
    ));
    let mut plan_lines = (0, 0);
    for (i, p) in o.plans.iter().enumerate() {
        let selected = i == state.plan;
        let style = match (selected, focused) {
            (true, true) => t.selected,
            (true, false) => t.selected_unfocused,
            _ => t.title,
        };
        let lead = if selected { "› " } else { "  " };
        let first = lines.len();
        lines.push(Line::styled(
            fit(&format!("{lead}{}", p.name), w as usize),
            style,
        ));
        if p.prices.is_empty() {
            lines.push(Line::styled("    price on request", t.text));
        }
        for price in &p.prices {
            lines.extend(wrapped(
                &format!("    {}", price_text(cur, price)),
                w,
                t.money,
            ));
        }
        if let Some(sl) = service_level_text(p) {
            lines.extend(wrapped(&format!("    {sl}"), w, t.text));
        }
        if selected {
            plan_lines = (first, lines.len());
        }
    }
    lines.push(Line::styled(
        "* indicative: a planning figure, to be confirmed",
        t.dim,
    ));
    let r = &o.responsibilities;
    if !(r.provider.is_empty() && r.customer.is_empty() && r.partner.is_empty()) {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Who does what", t.heading));
        for (who, list) in [
            (o.provider.as_str(), &r.provider),
            ("Customer", &r.customer),
            ("Partner", &r.partner),
        ] {
            for x in list {
                lines.extend(wrapped(&format!("  {who}: {x}"), w, t.text));
            }
        }
    }
    let c = &o.capabilities;
    let caps = [
        ("Regions", &c.regions),
        ("Compliance", &c.compliance),
        ("Versions", &c.versions),
        ("Limits", &c.limits),
    ];
    if caps.iter().any(|(_, v)| !v.is_empty()) {
        lines.push(Line::raw(""));
        lines.push(Line::styled("Capabilities", t.heading));
        for (label, v) in caps {
            if !v.is_empty() {
                lines.extend(wrapped(&format!("  {label}: {}", v.join(", ")), w, t.text));
            }
        }
    }
    // The selected plan is always in view; otherwise the text scrolls
    // where PgUp/PgDn put it.
    let height = inner.height as usize;
    let max = lines.len().saturating_sub(height);
    let mut scroll = state.scroll.min(max);
    if plan_lines.1 > scroll + height {
        scroll = (plan_lines.1 - height).min(plan_lines.0);
    }
    if plan_lines.0 < scroll {
        scroll = plan_lines.0;
    }
    lines.drain(..scroll.min(lines.len()));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// In the list, the wheel moves and a click shows an offering (and
/// focuses the list); in the detail, the wheel scrolls.
pub fn on_mouse(
    state: &mut CatalogState,
    ctx: &Ctx<'_>,
    order: &[usize],
    body: Rect,
    gesture: Gesture,
    x: u16,
    y: u16,
) -> MouseOutcome {
    let l = layout::catalog(body);
    if layout::contains(l.list, x, y) {
        state.focus = Focus::List;
        let Some(command) = gesture.wheel() else {
            let inner = layout::inner(l.list);
            let rows = rows(ctx.knowledge, order);
            let offset = list_offset(state, &rows, inner.height);
            let row = rows.get(offset + y.checked_sub(inner.y)? as usize)?;
            if let Row::Offering(pos) = row {
                let id = &ctx.knowledge.catalog.offerings[order[*pos]].id;
                state.show(ctx, order, id);
            }
            return Some(Vec::new());
        };
        return Some(on_command(state, ctx, order, Some(command)).requests);
    }
    if layout::contains(l.detail, x, y) {
        state.focus = Focus::Detail;
        match gesture {
            Gesture::Up => state.scroll = state.scroll.saturating_sub(3),
            Gesture::Down => state.scroll += 3,
            Gesture::Click => {}
        }
        return Some(Vec::new());
    }
    None
}
