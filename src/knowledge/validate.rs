//! The second pass of loading: meaning. Syntax is ron's job; this finds
//! unknown and duplicate ids, impossible conditions and bad numbers, all of
//! them, each located in its file.

use std::collections::HashSet;

use super::condition::{Condition, Reads, Reference};
use super::diagnostic::{Diagnostic, TextIndex, id_anchor, id_field, locate};
use super::radar::RING_IDS;
use super::{Effect, Knowledge, KnowledgeTexts, PriceKind, Quantity, QuestionKind, SourceText};

/// What the shipped knowledge must have and an older override file may
/// lack: a statement in the customer's words for every question. `nunki
/// catalog validate` reports these as errors; loading for scoping only
/// warns, and the proposal falls back to the question's prompt.
pub fn completeness(k: &Knowledge, texts: &KnowledgeTexts) -> Vec<Diagnostic> {
    let mut out = statement_gaps(k, texts);
    out.extend(translation_gaps(k, texts));
    out
}

/// Customer-facing texts without German: errors for `nunki catalog
/// validate` (the shipped knowledge has none), a warning when scoping,
/// where a German proposal shows the English instead.
pub fn translation_gaps(k: &Knowledge, texts: &KnowledgeTexts) -> Vec<Diagnostic> {
    use super::texts::{File, each_text};
    let mut places = Vec::new();
    each_text(k, &mut |t, required, place| {
        if required && !t.has(crate::i18n::Lang::De) {
            places.push(place());
        }
    });
    let mut indexes: Vec<(File, TextIndex<'_>)> = Vec::new();
    places
        .into_iter()
        .map(|p| {
            let src = match p.file {
                File::Catalog => &texts.catalog,
                File::Questionnaire => &texts.questionnaire,
                File::Rules => &texts.rules,
            };
            let n = match indexes.iter().position(|(f, _)| *f == p.file) {
                Some(n) => n,
                None => {
                    indexes.push((p.file, TextIndex::new(&src.text)));
                    indexes.len() - 1
                }
            };
            let index = &indexes[n].1;
            let anchors: Vec<&str> = p.anchors.iter().map(String::as_str).collect();
            let pos = index.locate(&anchors);
            Diagnostic::on_line(&src.origin, index.line(pos.0), pos, format!("{} has no German text", p.what))
                .with_help("write it in both languages: `(en: \"…\", de: \"…\")` (README: \"Adding a translation\")")
        })
        .collect()
}

/// Questions without the statement or topic the customer's proposal
/// words them with.
pub fn statement_gaps(k: &Knowledge, texts: &KnowledgeTexts) -> Vec<Diagnostic> {
    let src = &texts.questionnaire;
    let gap = |q: &super::Question, message: String, help: &str| {
        let pos = locate(&src.text, &[&id_field(&q.id)]);
        Diagnostic::at(&src.origin, &src.text, pos, message).with_help(help)
    };
    let questions = || k.questionnaire.questions();
    let statements = questions().filter(|q| !q.has_statement()).map(|q| {
        gap(
            q,
            format!("question \"{}\" has no statement for the customer's proposal", q.id),
            "add `statement: \"… {answer} …\"` (the answer in the customer's words), or a `statement` on every option",
        )
    });
    let topics = questions().filter(|q| q.topic.is_none()).map(|q| {
        gap(
            q,
            format!("question \"{}\" has no topic for the customer's open questions", q.id),
            "add `topic: \"…\"`: what the question is about, in the customer's words (\"The contract term\")",
        )
    });
    statements.chain(topics).collect()
}

/// The placeholders a flag text may use besides `{question_id}`.
pub const PLACEHOLDERS: [&str; 5] = [
    "monthly_total",
    "technologies",
    "budget",
    "priced_on_request",
    "earliest_go_live_weeks",
];

struct Checker<'a> {
    k: &'a Knowledge,
    texts: &'a KnowledgeTexts,
    out: Vec<Diagnostic>,
    /// Each file's index, built when its first problem is located.
    indexes: Vec<(&'a SourceText, TextIndex<'a>)>,
}

pub fn validate(k: &Knowledge, texts: &KnowledgeTexts) -> Vec<Diagnostic> {
    let mut c = Checker {
        k,
        texts,
        out: Vec::new(),
        indexes: Vec::new(),
    };
    c.catalog();
    c.sizing();
    c.go_live();
    c.questionnaire();
    c.rules();
    c.radar();
    c.out
}

impl<'a> Checker<'a> {
    fn report(&mut self, src: &'a SourceText, anchors: &[&str], message: String, help: String) {
        let n = match self.indexes.iter().position(|(s, _)| std::ptr::eq(*s, src)) {
            Some(n) => n,
            None => {
                self.indexes.push((src, TextIndex::new(&src.text)));
                self.indexes.len() - 1
            }
        };
        let index = &self.indexes[n].1;
        let pos = index.locate(anchors);
        let line = index.line(pos.0);
        self.out
            .push(Diagnostic::on_line(&src.origin, line, pos, message).with_help(help));
    }

    fn duplicates<'i>(
        &mut self,
        src: &'a SourceText,
        what: &str,
        context: &[&str],
        ids: impl Iterator<Item = &'i str>,
    ) {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                let anchor = id_field(id);
                // Point at the second occurrence: the one to rename.
                let mut anchors: Vec<&str> = context.to_vec();
                anchors.push(&anchor);
                anchors.push(&anchor);
                self.report(
                    src,
                    &anchors,
                    format!("duplicate {what} id \"{id}\""),
                    format!("every {what} needs its own id: rename or remove one of them"),
                );
            }
        }
    }

    /// Duplicates among ids at the top of a file.
    fn unique<'i>(&mut self, src: &'a SourceText, what: &str, ids: impl Iterator<Item = &'i str>) {
        self.duplicates(src, what, &[], ids);
    }

    fn catalog(&mut self) {
        let src = &self.texts.catalog;
        let cat = &self.k.catalog;
        self.unique(src, "approver", cat.approvers.iter().map(|a| a.id.as_str()));
        self.unique(src, "offering", cat.offerings.iter().map(|o| o.id.as_str()));
        let approver_ids = self.approver_list();
        for o in &cat.offerings {
            let oid = id_field(&o.id);
            if self.k.approver(&o.owner).is_none() {
                self.report(
                    src,
                    &[&oid, &id_anchor(&o.owner)],
                    format!("offering \"{}\" names unknown owner \"{}\"", o.id, o.owner),
                    format!("use one of the approvers: {approver_ids}"),
                );
            }
            if o.plans.is_empty() {
                self.report(
                    src,
                    &[&oid],
                    format!("offering \"{}\" has no plan", o.id),
                    "add at least one plan with its prices".into(),
                );
            }
            self.duplicates(src, "plan", &[&oid], o.plans.iter().map(|p| p.id.as_str()));
            for p in &o.plans {
                let pid = id_field(&p.id);
                if let Some(a) = p.service_level.availability
                    && !(0.0..=100.0).contains(&a)
                {
                    self.report(
                        src,
                        &[&oid, &pid, "availability"],
                        format!("plan \"{}\" of \"{}\" has availability {a} %", p.id, o.id),
                        "availability is a percentage between 0 and 100".into(),
                    );
                }
                if let Some(days) = &p.engineering_days {
                    self.quantity(src, &[&oid, &pid, "engineering_days"], days);
                }
                for price in &p.prices {
                    match &price.kind {
                        PriceKind::Fixed(a) if *a < 0.0 => self.report(
                            src,
                            &[&oid, &pid],
                            format!("plan \"{}\" of \"{}\" has a negative price", p.id, o.id),
                            "prices are zero or more".into(),
                        ),
                        PriceKind::PerUnit { units, .. } => {
                            self.quantity(src, &[&oid, &pid], units);
                        }
                        PriceKind::PercentOfRecurring { percent, .. }
                            if !(0.0..=100.0).contains(percent) =>
                        {
                            self.report(
                                src,
                                &[&oid, &pid, "percent"],
                                format!("plan \"{}\" of \"{}\" has percent {percent}", p.id, o.id),
                                "a percentage is between 0 and 100".into(),
                            );
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    fn approver_list(&self) -> String {
        self.k
            .catalog
            .approvers
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A quantity may only read number questions and sizes defined before
    /// it (`sizes_known` of them; all of them outside the sizing list), and
    /// its conditions follow the rules' rules.
    fn quantity(&mut self, src: &'a SourceText, anchors: &[&str], q: &Quantity) {
        self.quantity_with(src, anchors, q, self.k.catalog.sizing.len());
    }

    fn quantity_with(
        &mut self,
        src: &'a SourceText,
        anchors: &[&str],
        q: &Quantity,
        sizes_known: usize,
    ) {
        let mut reads: Vec<&str> = Vec::new();
        let mut sizes: Vec<&str> = Vec::new();
        let mut conditions: Vec<&Condition> = Vec::new();
        q.walk(&mut |q| match q {
            Quantity::FromAnswers { answers, .. } => {
                reads.extend(answers.iter().map(|(id, _)| id.as_str()));
            }
            Quantity::Answer(id, _) | Quantity::AnswerOr(id, _) => reads.push(id),
            Quantity::Size(id) => sizes.push(id),
            Quantity::When(c, ..) => conditions.push(c),
            _ => {}
        });
        for qid in reads {
            let mut at = anchors.to_vec();
            let a = id_anchor(qid);
            at.push(&a);
            match self.k.question(qid).map(|q| &q.kind) {
                None => self.report(
                    src,
                    &at,
                    format!("quantity reads unknown question \"{qid}\""),
                    "name a number question of questionnaire.ron".into(),
                ),
                Some(QuestionKind::Number { .. }) => {}
                Some(kind) => self.report(
                    src,
                    &at,
                    format!("quantity reads \"{qid}\", a {} question", kind.name()),
                    "a quantity can only be computed from number questions".into(),
                ),
            }
        }
        let sizing = &self.k.catalog.sizing;
        for sid in sizes {
            let position = sizing.iter().position(|s| s.id == sid);
            if position.is_none_or(|p| p >= sizes_known) {
                let mut at = anchors.to_vec();
                let a = id_anchor(sid);
                at.push(&a);
                let known: Vec<&str> = sizing[..sizes_known.min(sizing.len())]
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect();
                let message = match position {
                    None => format!("quantity uses unknown size \"{sid}\""),
                    Some(_) => format!("size \"{sid}\" is used before it is defined"),
                };
                self.report(
                    src,
                    &at,
                    message,
                    if known.is_empty() {
                        "define the size in the catalog's `sizing` list first".into()
                    } else {
                        format!(
                            "a size can use the sizes defined before it: {}",
                            known.join(", ")
                        )
                    },
                );
            }
        }
        for c in conditions {
            self.condition(src, anchors, c);
        }
    }

    /// The sizes, the support base and the exchange rates of the catalog.
    fn sizing(&mut self) {
        let src = &self.texts.catalog;
        let cat = &self.k.catalog;
        self.duplicates(
            src,
            "size",
            &["sizing"],
            cat.sizing.iter().map(|s| s.id.as_str()),
        );
        for (i, size) in cat.sizing.iter().enumerate() {
            let sid = id_field(&size.id);
            if size.quantity.reads_scope_beyond_includes() {
                self.report(
                    src,
                    &["sizing", &sid],
                    format!("size \"{}\" reads the totals or lead times", size.id),
                    "a size is computed before prices and flags: it may read answers and what is included".into(),
                );
            }
            self.quantity_with(src, &["sizing", &sid], &size.quantity, i);
        }
        if cat.support_base.families.is_empty() {
            self.report(
                src,
                &["support_base"],
                "the support base counts no family".into(),
                "name the families whose monthly fees a support plan's share counts".into(),
            );
        }
        for rate in &cat.exchange_rates {
            let at = id_anchor(&rate.currency);
            if !(rate.rate.is_finite() && rate.rate > 0.0) {
                self.report(
                    src,
                    &["exchange_rates", &at],
                    format!("exchange rate of {} is {}", rate.currency, rate.rate),
                    "a rate is a positive number: units of the catalog's currency per unit".into(),
                );
            }
            if jiff::civil::Date::strptime("%Y-%m-%d", &rate.date).is_err() {
                self.report(
                    src,
                    &["exchange_rates", &at, "date"],
                    format!(
                        "exchange rate of {} has date \"{}\"",
                        rate.currency, rate.date
                    ),
                    "write the day the rate was taken as YYYY-MM-DD".into(),
                );
            }
        }
    }

    /// The plan to go-live: the customer's wish is a number question, and
    /// each customer task has its own id and a condition that holds water.
    fn go_live(&mut self) {
        let src = &self.texts.catalog;
        let plan = &self.k.catalog.go_live;
        if let Some(q) = &plan.requested
            && !matches!(
                self.k.question(q).map(|q| &q.kind),
                Some(QuestionKind::Number { .. })
            )
        {
            self.report(
                src,
                &["go_live", &id_anchor(q)],
                format!("the go-live plan reads \"{q}\", which is no number question"),
                "name the number question that asks in how many weeks it must go live".into(),
            );
        }
        let lists = [
            ("onboarded", &plan.onboarded),
            ("during_setup", &plan.during_setup),
        ];
        for (field, ids) in lists {
            for o in ids.iter().filter(|o| self.k.offering(o).is_none()) {
                self.report(
                    src,
                    &["go_live", field, &id_anchor(o)],
                    format!("the go-live plan's {field} names \"{o}\", which is no offering id"),
                    "name offerings of catalog.ron (see `nunki catalog list`)".into(),
                );
            }
        }
        self.duplicates(
            src,
            "customer task",
            &["go_live"],
            plan.customer_tasks.iter().map(|t| t.id.as_str()),
        );
        for task in &plan.customer_tasks {
            let tid = id_field(&task.id);
            self.condition(src, &["go_live", &tid], &task.when);
        }
    }

    fn questionnaire(&mut self) {
        let src = &self.texts.questionnaire;
        let qn = &self.k.questionnaire;
        self.unique(src, "section", qn.sections.iter().map(|s| s.id.as_str()));
        self.unique(src, "question", qn.questions().map(|q| q.id.as_str()));
        for q in &qn.goal {
            if self.k.question(q).is_none() {
                self.report(
                    src,
                    &["goal", &id_anchor(q)],
                    format!("the goal names \"{q}\", which is no question id"),
                    "list the questions whose statements say what the customer wants".into(),
                );
            }
        }
        let mut earlier: HashSet<&str> = HashSet::new();
        for q in qn.questions() {
            let qid = id_field(&q.id);
            let statements = [&q.statement, &q.statement_no].into_iter().flatten().chain(
                q.options()
                    .iter()
                    .chain(q.retired_options())
                    .filter_map(|o| o.statement.as_ref()),
            );
            for text in statements {
                for name in placeholders(text) {
                    if name != "answer"
                        && !PLACEHOLDERS.contains(&name)
                        && self.k.question(name).is_none()
                    {
                        self.report(
                            src,
                            &[&qid, &format!("{{{name}}}")],
                            format!("the statement of \"{}\" has placeholder {{{name}}}, which is no question id", q.id),
                            "a statement may use {answer}, {question_id} or a flag placeholder".into(),
                        );
                    }
                }
            }
            if let Some(c) = match &q.kind {
                QuestionKind::Number { currency, .. } => currency.as_deref(),
                _ => None,
            } && !matches!(
                self.k.question(c).map(|c| &c.kind),
                Some(QuestionKind::Single { .. })
            ) {
                self.report(
                    src,
                    &[&qid, "currency", &id_anchor(c)],
                    format!("question \"{}\" takes its currency from \"{c}\", which is no single choice question", q.id),
                    "name a single choice question whose option ids are currency codes".into(),
                );
            }
            if let QuestionKind::Single { options, .. } | QuestionKind::Multi { options, .. } =
                &q.kind
            {
                if options.is_empty() {
                    self.report(
                        src,
                        &[&qid],
                        format!("question \"{}\" has no options", q.id),
                        "add the options a customer can choose from".into(),
                    );
                }
                self.duplicates(
                    src,
                    "option",
                    &[&qid],
                    options.iter().map(|o| o.id.as_str()),
                );
            }
            if let QuestionKind::Number {
                min: Some(lo),
                max: Some(hi),
                ..
            } = q.kind
                && lo > hi
            {
                self.report(
                    src,
                    &[&qid, "min"],
                    format!("question \"{}\" has min {lo} above max {hi}", q.id),
                    "swap min and max".into(),
                );
            }
            if let Some(when) = &q.when {
                if when.reads_scope() {
                    self.report(
                        src,
                        &[&qid, "when"],
                        format!("the `when` of question \"{}\" reads the scope", q.id),
                        "skip logic may only read answers (Is, Includes, AtLeast, Yes, …)".into(),
                    );
                }
                for later in when.questions() {
                    if !earlier.contains(later.as_str()) && self.k.question(&later).is_some() {
                        self.report(
                            src,
                            &[&qid, "when", &id_anchor(&later)],
                            format!(
                                "question \"{}\" is asked only after \"{later}\", which comes later",
                                q.id
                            ),
                            "skip logic may only read questions asked before: move one of them"
                                .into(),
                        );
                    }
                }
                self.condition(src, &[&qid, "when"], when);
            }
            earlier.insert(&q.id);
        }
    }

    fn rules(&mut self) {
        let src = &self.texts.rules;
        self.unique(src, "rule", self.k.rules.iter().map(|r| r.id.as_str()));
        let approvers = self.approver_list();
        for rule in &self.k.rules {
            let rid = id_field(&rule.id);
            self.condition(src, &[&rid, "when"], &rule.when);
            for q in &rule.context {
                if !rule.when.questions().contains(q) {
                    self.report(
                        src,
                        &[&rid, "context", &id_anchor(q)],
                        format!(
                            "rule \"{}\" names \"{q}\" as context, but its `when` does not read it",
                            rule.id
                        ),
                        "context lists questions the rule's condition reads".into(),
                    );
                }
            }
            if rule.effects.is_empty() {
                self.report(
                    src,
                    &[&rid],
                    format!("rule \"{}\" has no effect", rule.id),
                    "add an Include, Exclude or Flag effect, or remove the rule".into(),
                );
            }
            for effect in &rule.effects {
                match effect {
                    Effect::Include {
                        offering,
                        plan,
                        quantity,
                    } => self.include_effect(src, &rule.id, offering, plan, quantity),
                    Effect::Exclude { offering } => {
                        if self.k.offering(offering).is_none() {
                            self.unknown_offering(
                                src,
                                &[&rid, "effects", &id_anchor(offering)],
                                offering,
                            );
                        }
                    }
                    Effect::Flag(flag) => {
                        for a in flag.all_approvers() {
                            if self.k.approver(a).is_some() {
                                continue;
                            }
                            self.report(
                                src,
                                &[&rid, "approver", &id_anchor(a)],
                                format!("rule \"{}\" names unknown approver \"{a}\"", rule.id),
                                format!("use one of the approvers of catalog.ron: {approvers}"),
                            );
                        }
                        let texts = [&flag.title, &flag.detail, &flag.remediation]
                            .into_iter()
                            .chain(flag.customer_remediation.as_ref());
                        for text in texts {
                            for name in placeholders(text) {
                                if !PLACEHOLDERS.contains(&name) && self.k.question(name).is_none()
                                {
                                    self.report(
                                        src,
                                        &[&rid, &format!("{{{name}}}")],
                                        format!("rule \"{}\" has placeholder {{{name}}}, which is no question id", rule.id),
                                        format!("a placeholder is {{question_id}} or one of: {}", PLACEHOLDERS.map(|p| format!("{{{p}}}")).join(", ")),
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// An `Include` effect of rule `rule`: its offering, plan and quantity.
    fn include_effect(
        &mut self,
        src: &'a SourceText,
        rule: &str,
        offering: &str,
        plan: &str,
        quantity: &Quantity,
    ) {
        let rid = id_field(rule);
        let oa = id_anchor(offering);
        match self.k.offering(offering) {
            None => self.unknown_offering(src, &[&rid, "effects", &oa], offering),
            Some(o) if o.plan(plan).is_none() => {
                let plans: Vec<&str> = o.plans.iter().map(|p| p.id.as_str()).collect();
                self.report(
                    src,
                    &[&rid, "effects", &oa, &id_anchor(plan)],
                    format!("rule \"{rule}\" includes unknown plan \"{plan}\" of \"{offering}\""),
                    format!("the plans of \"{offering}\" are: {}", plans.join(", ")),
                );
            }
            Some(_) => {}
        }
        self.quantity(src, &[&rid, "effects"], quantity);
    }

    fn unknown_offering(&mut self, src: &'a SourceText, anchors: &[&str], offering: &str) {
        let (message, help) = unknown_offering(offering);
        self.report(src, anchors, message, help);
    }

    fn condition(&mut self, src: &'a SourceText, anchors: &[&str], cond: &Condition) {
        let k = self.k;
        let mut problems: Vec<(Vec<String>, String, String)> = Vec::new();
        let mut check_kind = |q: &str, expected: &[&str], what: &str| {
            if let Some(question) = k.question(q) {
                let name = question.kind.name();
                if !expected.contains(&name) {
                    problems.push((
                        vec![id_anchor(q)],
                        format!("{what} on \"{q}\", which is a {name} question"),
                        format!("{what} works on {} questions", expected.join(" or ")),
                    ));
                }
            }
        };
        walk_kinds(cond, &mut check_kind);
        for ring in unknown_rings(cond) {
            problems.push((
                vec![id_anchor(ring)],
                format!("unknown Tech Radar ring \"{ring}\""),
                format!("use one of: {}", RING_IDS.join(", ")),
            ));
        }
        cond.visit(&mut |r| problems.extend(reference_problem(k, r)));
        for (extra, message, help) in problems {
            let mut at: Vec<&str> = anchors.to_vec();
            at.extend(extra.iter().map(String::as_str));
            self.report(src, &at, message, help);
        }
    }

    fn radar(&mut self) {
        let src = &self.texts.tech_radar;
        self.unique(
            src,
            "radar entry",
            self.k.radar.entries.iter().map(|e| e.id.as_str()),
        );
    }
}

/// What to say of an offering id no offering has, and what to do.
fn unknown_offering(offering: &str) -> (String, String) {
    (
        format!("unknown offering id \"{offering}\""),
        "name an offering of catalog.ron (see `nunki catalog list`)".into(),
    )
}

/// What is wrong with an id a condition names, if anything: the anchors
/// that find it under the condition's, the message and the help.
fn reference_problem(k: &Knowledge, r: Reference<'_>) -> Option<(Vec<String>, String, String)> {
    match r {
        Reference::Question(q) => k.question(q).is_none().then(|| {
            (
                vec![id_anchor(q)],
                format!("unknown question id \"{q}\""),
                "name a question of questionnaire.ron (see `nunki catalog questions`)".into(),
            )
        }),
        Reference::Option(q, o) => {
            let question = k.question(q)?;
            if question.options().is_empty() || question.option(o).is_some() {
                return None;
            }
            let allowed: Vec<&str> = question.options().iter().map(|c| c.id.as_str()).collect();
            Some((
                vec![id_anchor(q), id_anchor(o)],
                format!("question \"{q}\" has no option \"{o}\", so this can never be true"),
                format!("the options of \"{q}\" are: {}", allowed.join(", ")),
            ))
        }
        Reference::Offering(o) => k.offering(o).is_none().then(|| {
            let (message, help) = unknown_offering(o);
            (vec![id_anchor(o)], message, help)
        }),
        Reference::Plan(o, p) => {
            let offering = k.offering(o)?;
            offering.plan(p).is_none().then(|| {
                (
                    vec![id_anchor(o), id_anchor(p)],
                    format!("offering \"{o}\" has no plan \"{p}\""),
                    "name one of its plans".into(),
                )
            })
        }
    }
}

/// Calls `f(question, allowed kinds, operator)` for every leaf that only
/// makes sense on one kind of question.
fn walk_kinds(cond: &Condition, f: &mut impl FnMut(&str, &[&str], &str)) {
    for r in cond.readings().into_iter().flatten() {
        let (kinds, what): (&[&str], &str) = match r.reads {
            Reads::SingleChoice if r.stated => (&["single choice"], "Is"),
            Reads::SingleChoice => (&["single choice"], "a currency"),
            Reads::MultipleChoice => (&["multiple choice"], "Includes"),
            Reads::Number => (&["number"], "a number comparison"),
            Reads::YesNo => (&["yes/no"], "Yes/No"),
            Reads::FreeText => (&["free text"], "RadarRing"),
            Reads::AnyKind => continue,
        };
        f(r.question, kinds, what);
    }
    cond.parts().iter().for_each(|c| walk_kinds(c, f));
}

/// Ring names in `RadarRing` conditions that are no ring.
fn unknown_rings(cond: &Condition) -> Vec<&str> {
    match cond {
        Condition::RadarRing(_, rings) => rings
            .iter()
            .map(String::as_str)
            .filter(|r| !RING_IDS.contains(r))
            .collect(),
        _ => cond.parts().iter().flat_map(unknown_rings).collect(),
    }
}

/// The `{name}` placeholders of a flag text.
pub fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}
