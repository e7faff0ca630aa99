//! The internal section: flags with their approvers and decisions, the
//! trace of every item, the objectives handed over to operations, similar
//! setups, notes and the decision log. Only the team's version has it.

use super::*;

pub(super) fn internal(p: &Proposal) -> Section {
    let mut blocks = Vec::new();
    let Some(i) = &p.internal else {
        return section("internal", words::INTERNAL.to_string(), blocks);
    };
    let or_missing =
        |o: &Option<String>| Span::Text(o.clone().unwrap_or_else(|| words::MISSING.into()));
    blocks.push(Block::Fields(vec![
        Field {
            term: "Knowledge version".into(),
            value: Span::Text(i.knowledge_version.clone()),
        },
        Field {
            term: "Session".into(),
            value: or_missing(&i.session),
        },
        Field {
            term: "Status".into(),
            value: or_missing(&i.status),
        },
    ]));

    blocks.push(Block::Heading("Flags".into()));
    if i.flags.is_empty() {
        blocks.push(Block::Para("No flags.".into()));
    }
    if !i.decision_log.is_empty() {
        blocks.push(Block::Para("Decision log:".into()));
        blocks.push(Block::List {
            items: each(&i.decision_log, Span::Lines),
            class: Some("decisions"),
        });
    }
    blocks.extend(i.flags.iter().map(|f| Block::Flag {
        flag: f.clone(),
        facts: facts(f),
    }));

    if !i.similar.is_empty() {
        blocks.push(Block::Heading(SIMILAR_HEADING.into()));
        let items = i.similar.iter().map(similar_setup).collect();
        blocks.push(Block::List {
            items,
            class: Some("similar"),
        });
    }

    blocks.push(Block::Heading(SLO_HEADING.into()));
    if i.slos.is_empty() {
        blocks.push(Block::Para(
            "No component with an availability objective.".into(),
        ));
    } else {
        let slos = i.slos.iter().map(objective).collect();
        blocks.push(Block::Compact(slos));
    }

    blocks.push(Block::Heading("Trace".into()));
    blocks.extend(i.trace.iter().map(|t| {
        let mut lines: Vec<Inline> = t
            .because
            .iter()
            .map(|r| vec![Span::Reason(r.clone())])
            .collect();
        lines.extend(
            t.price_lines
                .iter()
                .map(|l| vec![Span::Price(l.clone(), p.currency.clone())]),
        );
        if t.price_lines.is_empty() {
            lines.push(vec![Span::Text(tr!(Lang::En, "price-on-request"))]);
        }
        Block::Trace {
            item: t.clone(),
            lines,
        }
    }));

    if !i.excluded.is_empty() {
        blocks.push(Block::Heading("Excluded".into()));
        let items = i.excluded.iter().map(excluded).collect();
        blocks.push(Block::List { items, class: None });
    }

    blocks.push(Block::Heading("Notes".into()));
    if i.notes.is_empty() {
        blocks.push(Block::Para("No notes.".into()));
    } else {
        blocks.push(Block::Notes(i.notes.clone()));
    }

    if !i.problems.is_empty() {
        blocks.push(Block::Heading("Answers left out".into()));
        blocks.push(Block::Compact(i.problems.iter().map(|s| text(s)).collect()));
    }
    Section {
        id: "internal",
        title: words::INTERNAL.to_string(),
        internal: true,
        blocks,
    }
}

/// What a flag says beyond its title, in the order every format shows it.
fn facts(f: &InternalFlag) -> Vec<Fact> {
    let mut facts = vec![
        Fact::new("Rule", vec![Span::Text(f.rule.clone())]),
        Fact {
            show_term: false,
            ..Fact::new("Detail", vec![Span::Lines(f.detail.clone())])
        },
        Fact::new("Remediation", vec![Span::Lines(f.remediation.clone())]),
    ];
    if let Some(d) = &f.decision {
        facts.push(Fact::new("Decision", vec![Span::Lines(d.clone())]));
    }
    match (&f.approver_name, &f.approver) {
        (Some(name), Some(id)) => facts.push(Fact::new(
            "Approver",
            vec![
                Span::Text(name.clone()),
                Span::fixed(" "),
                Span::Paren(id.clone()),
            ],
        )),
        (None, Some(id)) => facts.push(Fact::new("Approver", vec![Span::Text(id.clone())])),
        _ => {}
    }
    if !f.answers.is_empty() {
        facts.push(Fact::new(
            "Triggered by",
            vec![Span::Answers(f.answers.clone())],
        ));
    }
    facts
}

/// "PostgreSQL (Standard): 99.9 % per calendar month. SLI: …"
fn objective(o: &crate::slo::Objective) -> Inline {
    vec![
        Span::Text(o.name.clone()),
        Span::fixed(" ("),
        Span::Text(o.plan_name.clone()),
        Span::Fixed(format!(
            "): {} % per calendar month{}. SLI: ",
            o.target_percent,
            if o.indicative { " (indicative)" } else { "" }
        )),
        Span::Text(o.indicator.clone()),
    ]
}

/// "**Redis** (redis): why it was kept out"
fn excluded(x: &super::super::proposal::TraceExcluded) -> Inline {
    vec![
        Span::Strong(x.component.clone()),
        Span::fixed(" "),
        Span::Paren(x.offering.clone()),
        Span::fixed(": "),
        Span::Reason(x.reason.clone()),
    ]
}

/// "**Bank AG** (87 % alike, s123): what differs"
fn similar_setup(x: &super::super::proposal::SimilarSetup) -> Inline {
    let mut line = vec![
        Span::Strong(x.customer.clone()),
        Span::Fixed(format!(" ({} % alike, ", x.percent)),
        Span::Text(x.session.clone()),
        Span::fixed(")"),
    ];
    if !x.differences.is_empty() {
        line.push(Span::fixed(": "));
        line.push(Span::Text(x.differences.join("; ")));
    }
    line
}
