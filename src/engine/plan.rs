//! When the solution can go live, and the plan to get there: the scope's
//! lead times and engineering days laid out week by week after the order,
//! with what the customer delivers by when.
//!
//! One engineer's pace (`engineering_days_per_week`) moves the AppFlow
//! work. What needs no platform (`go_live.during_setup`: the workshop,
//! containerising, pipelines, charts) runs while the clusters are set up;
//! the rest (migration, onboarding) waits for them. Weeks are whole: a lead
//! time is, and engineering weeks are rounded up.

use super::context::Context;
use super::scope::{Delivery, Item, PlanStep, PlanStepKind};
use crate::knowledge::TaskDue;

/// `days` of engineering in whole weeks at `pace` days a week.
fn weeks(days: f64, pace: f64) -> u32 {
    (days / pace - 1e-9).ceil().max(0.0) as u32
}

/// The delivery of `items`: the earliest go-live and the plan to it.
pub(super) fn delivery(ctx: &Context<'_>, items: &[Item]) -> Delivery {
    let catalog = &ctx.knowledge.catalog;
    let planning = &catalog.go_live;
    let pace = catalog.engineering_days_per_week.max(1.0);
    let lead = items.iter().filter_map(|i| i.lead_time_weeks).max();
    let setup = lead.unwrap_or(0);
    let during = |i: &Item| setup > 0 && planning.during_setup.contains(&i.offering);
    let days_of = |keep: &dyn Fn(&Item) -> bool| -> f64 {
        items
            .iter()
            .filter(|i| keep(i))
            .map(|i| i.engineering_days)
            .sum()
    };
    let days = days_of(&|_| true);
    let days_during = days_of(&during);
    let weeks_during = weeks(days_during, pace);
    let weeks_after = weeks(days - days_during, pace);
    // The platform work starts when both the setup and the engineering
    // before it are done: one engineer does both kinds.
    let ready = setup.max(weeks_during);
    let earliest = ready + weeks_after;
    let mut delivery = Delivery {
        lead_time_weeks: lead,
        engineering_days: days,
        engineering_weeks: f64::from(weeks(days, pace)),
        engineering_weeks_during_setup: f64::from(weeks_during),
        earliest_go_live_weeks: (lead.is_some() || days > 0.0).then_some(f64::from(earliest)),
        requested_go_live_weeks: planning.requested.as_deref().and_then(|q| ctx.number(q)),
        plan: Vec::new(),
    };

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
        days: 0.0,
        task: None,
    };
    // Asked for later than possible: the plan keeps the customer's week.
    let asked = delivery
        .requested_go_live_weeks
        .filter(|w| w.is_finite() && *w >= 0.0)
        .map(|w| w.ceil() as u32);
    let go_live = asked.map_or(earliest, |a| a.max(earliest)).max(1);

    let mut plan = vec![step(PlanStepKind::Order, 0, 0, Vec::new())];
    if setup > 0 {
        plan.push(step(
            PlanStepKind::Setup,
            1,
            setup,
            names(&|i| i.lead_time_weeks.is_some_and(|w| w > 0)),
        ));
    }
    let engineered = |i: &Item| i.engineering_days > 0.0;
    if weeks_during > 0 || (setup == 0 && weeks_after > 0) {
        // Without a setup, all engineering is one run from the start.
        let keep = |i: &Item| engineered(i) && (setup == 0 || during(i));
        plan.push(PlanStep {
            days: days_of(&keep),
            ..step(
                PlanStepKind::Engineering,
                1,
                if setup == 0 { earliest } else { weeks_during },
                names(&keep),
            )
        });
    }
    if setup > 0 && weeks_after > 0 {
        let keep = |i: &Item| engineered(i) && !during(i);
        plan.push(PlanStep {
            days: days_of(&keep),
            ..step(
                PlanStepKind::PlatformEngineering,
                ready + 1,
                earliest,
                names(&keep),
            )
        });
    }
    let operated = names(&|i| planning.onboarded.contains(&i.offering));
    if !operated.is_empty() {
        let weeks = planning.onboarding_weeks.max(1);
        plan.push(step(
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
        plan.push(PlanStep {
            task: Some((task.id.clone(), task.text.clone())),
            ..step(PlanStepKind::Customer, week, week, Vec::new())
        });
    }
    // By the week each starts; stable, so the catalog's order holds within one.
    plan.sort_by_key(|s| s.from_week);
    plan.push(step(PlanStepKind::GoLive, go_live, go_live, Vec::new()));
    delivery.plan = plan;
    delivery
}
