//! The plan to go-live: the scope's lead times and engineering days laid
//! out week by week after the order, with what the customer delivers by
//! when. Weeks are whole: a lead time is, and engineering weeks are
//! rounded up at the catalog's pace.

use super::context::Context;
use super::scope::{Delivery, Item, PlanStep, PlanStepKind};
use crate::knowledge::TaskDue;

/// The steps in the order they happen; the go-live is the last.
pub(super) fn plan(ctx: &Context<'_>, items: &[Item], delivery: &Delivery) -> Vec<PlanStep> {
    let planning = &ctx.knowledge.catalog.go_live;
    let names = |keep: &dyn Fn(&Item) -> bool| -> Vec<String> {
        items
            .iter()
            .filter(|i| keep(i))
            .map(|i| i.name.clone())
            .collect()
    };
    let step = |kind, from_week, to_week, items| PlanStep {
        kind,
        from_week,
        to_week,
        items,
        task: None,
    };
    let setup = delivery.lead_time_weeks.unwrap_or(0);
    let engineering = delivery.engineering_weeks.max(0.0).ceil() as u32;
    let earliest = setup + engineering;
    // Asked for later than possible: the plan keeps the customer's week.
    let asked = delivery
        .requested_go_live_weeks
        .filter(|w| w.is_finite() && *w >= 0.0)
        .map(|w| w.ceil() as u32);
    let go_live = asked.map_or(earliest, |a| a.max(earliest)).max(1);

    let mut out = vec![step(PlanStepKind::Order, 0, 0, Vec::new())];
    if setup > 0 {
        out.push(step(
            PlanStepKind::Setup,
            1,
            setup,
            names(&|i| i.lead_time_weeks.is_some_and(|w| w > 0)),
        ));
    }
    if engineering > 0 {
        out.push(step(
            PlanStepKind::Engineering,
            setup + 1,
            earliest,
            names(&|i| i.engineering_days > 0.0),
        ));
    }
    let operated = names(&|i| planning.onboarded.contains(&i.offering));
    if !operated.is_empty() {
        let weeks = planning.onboarding_weeks.max(1);
        out.push(step(
            PlanStepKind::Onboarding,
            go_live.saturating_sub(weeks - 1).max(1),
            go_live,
            operated,
        ));
    }
    for task in &planning.customer_tasks {
        if !ctx.holds(&task.when) {
            continue;
        }
        let week = match task.due {
            TaskDue::Order => 0,
            TaskDue::SetupEnd => setup.max(1),
            TaskDue::BeforeGoLive => go_live.saturating_sub(1).max(1),
        };
        out.push(PlanStep {
            task: Some((task.id.clone(), task.text.to_string())),
            ..step(PlanStepKind::Customer, week, week, Vec::new())
        });
    }
    // By the week each starts; stable, so the catalog's order holds within one.
    out.sort_by_key(|s| s.from_week);
    out.push(step(PlanStepKind::GoLive, go_live, go_live, Vec::new()));
    out
}
