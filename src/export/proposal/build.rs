//! Building the proposal from the session, the engine's `Scope` and the
//! knowledge, section by section; every text is chosen for the audience
//! here, so the formats only lay it out.

use super::*;
use crate::engine::{Excluded, Flag};
use crate::i18n::Lang;
use crate::tr;

impl Proposal {
    /// The proposal of a saved session; `scope` is the session's evaluated
    /// scope (`session.evaluate(knowledge).scope`).
    pub fn from_session(
        session: &Session,
        scope: &Scope,
        knowledge: &Knowledge,
        audience: Audience,
    ) -> Proposal {
        Proposal::build(&Subject::of_session(session), scope, knowledge, audience)
    }

    pub fn build(
        subject: &Subject<'_>,
        scope: &Scope,
        knowledge: &Knowledge,
        audience: Audience,
    ) -> Proposal {
        Builder {
            subject,
            scope,
            knowledge,
            internal: audience == Audience::Internal,
        }
        .build(audience)
    }
}

pub(super) struct Builder<'a> {
    pub(super) subject: &'a Subject<'a>,
    pub(super) scope: &'a Scope,
    pub(super) knowledge: &'a Knowledge,
    pub(super) internal: bool,
}

impl Builder<'_> {
    fn build(&self, audience: Audience) -> Proposal {
        let currency = clean(&self.scope.totals.currency);
        let validity_days = self.knowledge.catalog.validity_days;
        let date = self.subject.date;
        let valid_until = date.and_then(|d| {
            d.checked_add(jiff::Span::new().days(i64::from(validity_days)))
                .ok()
        });
        let customer = match clean_line(self.subject.customer) {
            name if name.is_empty() => UNNAMED.to_string(),
            name => name,
        };
        let bill = self.bill(&currency);
        let lang = self.lang();
        let mut prices = format!("{currency}, {}", tr!(lang, "excl-vat"));
        if bill.total.indicative {
            prices.push_str(", ");
            prices.push_str(&tr!(lang, "indicative"));
        }
        let service_levels = self.service_levels();
        let out_of_scope = self.boundaries();
        let open_questions = self.open_questions();
        let plan = self.plan(date);
        let summary = self.summary(&bill, &plan, &out_of_scope, &open_questions);
        Proposal {
            version: JSON_VERSION,
            audience,
            title: match self.subject.option.map(clean_line) {
                Some(option) => tr!(lang, "title-option", customer = &customer, option = option),
                None => tr!(lang, "title", customer = &customer),
            },
            option: self.subject.option.map(clean_line),
            comparison: None,
            customer: CustomerInfo {
                name: customer,
                contact: self
                    .subject
                    .contact
                    .map(clean_line)
                    .filter(|c| !c.is_empty()),
                engineer: self.subject.engineer.map(|e| crate::session::Engineer {
                    name: clean_line(&e.name),
                    email: e.email.as_deref().map(clean_line),
                    phone: e.phone.as_deref().map(clean_line),
                }),
            },
            date: date.map(|d| d.to_string()),
            valid_until: valid_until.map(|d| d.to_string()),
            validity_days,
            currency: currency.clone(),
            prices,
            summary,
            plan,
            need: self.need(audience),
            solution: self.solution(),
            assumptions: self.assumptions(&bill, &service_levels, &open_questions, valid_until),
            next_steps: self.next_steps(&out_of_scope, &open_questions, valid_until),
            bill,
            service_levels,
            responsibilities: self.responsibilities(),
            out_of_scope,
            good_to_know: self.good_to_know(),
            open_questions,
            internal: self.internal.then(|| self.internal_part()),
            slos: self.slos(),
            knowledge_version: clean_line(&self.scope.knowledge_version),
            lang,
        }
    }

    /// The language of the proposal: the knowledge's, which the caller
    /// chose (`Knowledge::in_language`).
    pub(super) fn lang(&self) -> Lang {
        self.knowledge.lang()
    }

    fn id(&self, id: &str) -> Option<String> {
        self.internal.then(|| clean_line(id))
    }

    fn prompt(&self, question: &str) -> String {
        self.knowledge
            .question(question)
            .map_or_else(|| clean_line(question), |q| clean_line(&q.prompt))
    }

    fn need(&self, audience: Audience) -> Vec<NeedSection> {
        if audience == Audience::Customer {
            return self.need_in_words();
        }
        let (answers, _) = check_answers(self.knowledge, self.subject.answers);
        let visible: HashSet<&str> = self
            .scope
            .visible_questions
            .iter()
            .map(String::as_str)
            .collect();
        self.knowledge
            .questionnaire
            .sections
            .iter()
            .map(|section| NeedSection {
                title: clean_line(&section.title),
                answers: section
                    .questions
                    .iter()
                    .filter(|q| visible.contains(q.id.as_str()))
                    .filter_map(|q| {
                        let a = answers.get(&q.id)?;
                        Some(NeedAnswer {
                            question: self.id(&q.id),
                            prompt: clean_line(&q.prompt),
                            answer: clean(&a.display(Some(q))),
                        })
                    })
                    .collect(),
                statements: Vec::new(),
            })
            .filter(|s| !s.answers.is_empty())
            .collect()
    }

    /// The scope's statements of the customer's answers, by section. A
    /// question whose knowledge has no statement (an older override file)
    /// falls back to its prompt and answer.
    fn need_in_words(&self) -> Vec<NeedSection> {
        let (answers, _) = check_answers(self.knowledge, self.subject.answers);
        self.knowledge
            .questionnaire
            .sections
            .iter()
            .map(|section| {
                let statements = section
                    .questions
                    .iter()
                    .filter(|q| self.scope.visible_questions.contains(&q.id))
                    .filter_map(|q| {
                        if let Some(n) = self.scope.needs.iter().find(|n| n.question == q.id) {
                            return Some(clean(&n.text));
                        }
                        if q.has_statement() {
                            // A "no" without words, or a choice stated elsewhere.
                            return None;
                        }
                        let a = answers.get(&q.id)?;
                        Some(clean(&format!("{} {}", q.prompt, a.display(Some(q)))))
                    })
                    .collect();
                NeedSection {
                    title: clean_line(&section.title),
                    answers: Vec::new(),
                    statements,
                }
            })
            .filter(|s| !s.statements.is_empty())
            .collect()
    }

    fn description(&self, item: &Item) -> String {
        self.knowledge
            .offering(&item.offering)
            .map(|o| clean(&o.description))
            .unwrap_or_default()
    }

    fn solution(&self) -> Vec<SolutionGroup> {
        Group::ALL
            .into_iter()
            .map(|group| SolutionGroup {
                group,
                title: words::group(self.lang(), group),
                items: self
                    .scope
                    .items_in(group)
                    .map(|i| SolutionItem {
                        name: clean_line(&i.name),
                        plan: clean_line(&i.plan_name),
                        quantity: i.quantity,
                        provider: clean_line(&i.provider),
                        partner: is_partner(i),
                        description: self.description(i),
                        lead_time_weeks: i.lead_time_weeks,
                    })
                    .collect(),
            })
            .filter(|g| !g.items.is_empty())
            .collect()
    }

    fn bill(&self, currency: &str) -> Bill {
        let lang = self.lang();
        let mut rows = Vec::with_capacity(self.scope.items.len());
        for group in Group::ALL {
            for i in self.scope.items_in(group) {
                // Only a priced or included item has amounts; the others say
                // why they have none (on request, by the provider, own).
                let on_request = !matches!(i.basis, PriceBasis::Priced | PriceBasis::Included);
                let has = |r: Recurrence| i.price_lines.iter().any(|l| l.recurrence == r);
                // A plan with only one kind of price still shows the other
                // column as a zero (a dash), not as "on request".
                let priced = |m: Money, r: Recurrence| {
                    (!on_request).then_some(if has(r) { m } else { Money::ZERO })
                };
                let note = if on_request || i.basis == PriceBasis::Included {
                    words::basis(lang, i.basis)
                } else if i.indicative {
                    tr!(lang, "indicative")
                } else {
                    String::new()
                };
                rows.push(BillRow {
                    group,
                    group_label: words::group(lang, group),
                    component: clean_line(&i.name),
                    plan: clean_line(&i.plan_name),
                    provider: clean_line(&i.provider),
                    quantity: i.quantity,
                    monthly: priced(i.monthly, Recurrence::Monthly),
                    one_time: priced(i.one_time, Recurrence::OneTime),
                    indicative: i.indicative,
                    on_request,
                    note: note.to_string(),
                    offering: self.id(&i.offering),
                    plan_id: self.id(&i.plan),
                });
            }
        }
        let totals = &self.scope.totals;
        let incomplete = rows.iter().any(|r| r.on_request);
        let mut note = tr!(lang, "excl-vat");
        if totals.indicative {
            note.push_str("; ");
            note.push_str(&tr!(lang, "indicative"));
        }
        if let Some(left_out) = self.scope.left_out_phrase_in(lang) {
            note.push_str("; ");
            note.push_str(&clean_line(&left_out));
        }
        Bill {
            currency: currency.to_string(),
            vat: tr!(lang, "excl-vat"),
            rows,
            total: BillTotal {
                monthly: totals.monthly,
                one_time: totals.one_time,
                indicative: totals.indicative,
                incomplete,
                priced_on_request: self
                    .scope
                    .priced_on_request_items()
                    .map(|i| clean_line(&i.name))
                    .collect(),
                note,
            },
        }
    }

    fn service_levels(&self) -> Vec<ServiceLevelRow> {
        let lang = self.lang();
        self.scope
            .items
            .iter()
            .filter(|i| !i.service_level.is_empty())
            .map(|i| {
                let sl = &i.service_level;
                let indicative = sl.source.is_indicative();
                ServiceLevelRow {
                    component: clean_line(&i.name),
                    plan: clean_line(&i.plan_name),
                    availability: sl.availability.map_or_else(
                        || tr!(lang, "no-guarantee"),
                        |a| tr!(lang, "percent-per-month", percent = format_number(a)),
                    ),
                    support_hours: sl.support_hours.map(|h| words::hours(lang, h)),
                    response_time: sl.response_time.as_deref().map(clean_line),
                    backups: sl.backups.as_deref().map(clean_line),
                    maintenance: sl.maintenance.as_deref().map(clean_line),
                    indicative,
                    note: if indicative {
                        tr!(lang, "indicative")
                    } else {
                        String::new()
                    },
                }
            })
            .collect()
    }

    fn responsibilities(&self) -> Vec<ResponsibilityRow> {
        let lines =
            |v: &[crate::knowledge::Text]| v.iter().map(|s| clean_line(s)).collect::<Vec<_>>();
        self.scope
            .items
            .iter()
            .map(|i| {
                let r = &i.responsibilities;
                ResponsibilityRow {
                    component: clean_line(&i.name),
                    provider_name: clean_line(&i.provider),
                    provider: lines(&r.provider),
                    customer: lines(&r.customer),
                    partner: lines(&r.partner),
                }
            })
            .filter(|r| !(r.provider.is_empty() && r.customer.is_empty() && r.partner.is_empty()))
            .collect()
    }

    /// Flags a customer must know about, once each, in severity order.
    fn boundaries(&self) -> Vec<Boundary> {
        let lang = self.lang();
        let mut out: Vec<Boundary> = Vec::new();
        for f in &self.scope.flags {
            let label = match f.severity {
                Severity::OutOfScope => tr!(lang, "boundary-out-of-scope"),
                Severity::NeedsApproval => tr!(lang, "boundary-needs-approval"),
                Severity::NeedsPartner => tr!(lang, "boundary-needs-partner"),
                Severity::NeedsEngineering => tr!(lang, "boundary-needs-engineering"),
                Severity::Info => continue,
            };
            // A remediation of a flag that needs approval says who must
            // approve what: internal. The customer learns that the point
            // stands subject to confirmation, and what happens otherwise.
            // The rule's customer wording when it has one.
            let instead = match &f.customer_remediation {
                Some(text) => clean(text),
                None if f.severity == Severity::NeedsApproval => tr!(lang, "once-confirmed"),
                None => clean(&f.remediation),
            };
            let b = Boundary {
                severity: f.severity,
                label,
                title: clean_line(&f.title),
                detail: clean(&f.detail),
                instead,
                instead_label: tr!(lang, "instead"),
            };
            if !out.contains(&b) {
                out.push(b);
            }
        }
        out
    }

    /// Information flags: their detail is written for customers; their
    /// remediation is advice to the engineer and stays internal.
    fn good_to_know(&self) -> Vec<Notice> {
        let mut out: Vec<Notice> = Vec::new();
        for f in self.scope.flags_of(Severity::Info) {
            let n = Notice {
                title: clean_line(&f.title),
                detail: clean(&f.detail),
            };
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out
    }

    fn open_questions(&self) -> Vec<OpenQuestion> {
        self.scope
            .open_questions
            .iter()
            .map(|q| OpenQuestion {
                question: self.id(q),
                section: self
                    .knowledge
                    .section_of(q)
                    .map(|s| clean_line(&s.title))
                    .unwrap_or_default(),
                prompt: if self.internal {
                    self.prompt(q)
                } else {
                    self.knowledge
                        .question(q)
                        .and_then(|q| q.topic.as_deref())
                        .map_or_else(|| self.prompt(q), clean_line)
                },
            })
            .collect()
    }

    fn assumptions(
        &self,
        bill: &Bill,
        service_levels: &[ServiceLevelRow],
        open: &[OpenQuestion],
        valid_until: Option<jiff::civil::Date>,
    ) -> Vec<String> {
        let lang = self.lang();
        let vat = tr!(lang, "excl-vat");
        let indicative = tr!(lang, "indicative");
        let mut out = vec![tr!(
            lang,
            "assume-prices",
            currency = &bill.currency,
            vat = &vat
        )];
        if bill.total.indicative {
            out.push(tr!(lang, "assume-indicative", indicative = &indicative));
        }
        let on_request: Vec<&str> = bill
            .rows
            .iter()
            .filter(|r| r.on_request)
            .map(|r| r.component.as_str())
            .collect();
        if !on_request.is_empty() {
            out.push(tr!(lang, "assume-no-price", items = on_request.join(", ")));
        }
        // Conditions of approvals that concern the customer, never who
        // approved them.
        for f in &self.scope.flags {
            if let Some((d, crate::approvals::State::Approved)) =
                crate::approvals::decision_for(f, self.subject.decisions)
                && d.for_customer
                && let Some(c) = &d.conditions
            {
                out.push(clean(&format!("{}: {c}", f.title)));
            }
        }
        let sizes = self.sizing_assumptions();
        if !sizes.is_empty() {
            out.push(tr!(lang, "assume-sized", sizes = sizes.join(", ")));
        }
        if service_levels.iter().any(|s| s.indicative) {
            out.push(tr!(lang, "assume-service-levels", indicative = &indicative));
        }
        if !open.is_empty() {
            out.push(tr!(lang, "assume-open"));
        }
        if bill.rows.iter().any(|r| r.group == Group::Partners) {
            out.push(tr!(lang, "assume-partners"));
        }
        let days = self.knowledge.catalog.validity_days;
        out.push(match valid_until {
            Some(d) => tr!(
                lang,
                "assume-valid-until",
                date = crate::i18n::format::date(lang, d),
                days = days
            ),
            None => tr!(lang, "assume-valid-for", days = days),
        });
        out
    }

    /// The sizes the estimate rests on, in words a customer can check:
    /// "16 GiB of memory in production", "8 GiB in each of 2
    /// non-production environments (assumed)".
    fn sizing_assumptions(&self) -> Vec<String> {
        let lang = self.lang();
        let size = |id: &str| self.scope.sizes.iter().find(|s| s.id == id);
        let mut out = Vec::new();
        let assumed = |s: &crate::engine::SizeValue| {
            if s.assumptions.is_empty() {
                String::new()
            } else {
                tr!(lang, "assume-assumed")
            }
        };
        let n = crate::engine::answers::format_number;
        if let Some(p) = size("prod_memory_gib") {
            out.push(tr!(
                lang,
                "assume-prod-memory",
                amount = n(p.value),
                unit = clean_line(&p.unit),
                assumed = assumed(p)
            ));
        }
        if let (Some(e), Some(m)) = (
            size("nonprod_environments"),
            size("nonprod_memory_each_gib"),
        ) && e.value > 0.0
        {
            let envs = if e.value == 1.0 {
                tr!(lang, "assume-the-nonprod")
            } else {
                tr!(lang, "assume-each-nonprod", count = n(e.value))
            };
            out.push(tr!(
                lang,
                "assume-nonprod-memory",
                amount = n(m.value),
                unit = clean_line(&m.unit),
                envs = envs,
                assumed = assumed(m)
            ));
        }
        out
    }

    /// The similar setups, what differs in words (the first few).
    fn similar(&self) -> Vec<SimilarSetup> {
        const SHOWN: usize = 4;
        let name = |id: &String| {
            self.knowledge
                .offering(id)
                .map_or_else(|| clean_line(id), |o| clean_line(&o.name))
        };
        self.subject
            .similar
            .iter()
            .map(|s| {
                let mut differences: Vec<String> = s
                    .answers_differ
                    .iter()
                    .map(|(q, here, there)| {
                        let v = |x: &Option<String>| {
                            x.as_deref().map_or_else(|| "—".to_string(), clean_line)
                        };
                        format!("{}: {} here, {} there", clean_line(q), v(here), v(there))
                    })
                    .collect();
                if !s.only_here.is_empty() {
                    let names: Vec<String> = s.only_here.iter().map(name).collect();
                    differences.push(format!("only here: {}", names.join(", ")));
                }
                if !s.only_there.is_empty() {
                    let names: Vec<String> = s.only_there.iter().map(name).collect();
                    differences.push(format!("only there: {}", names.join(", ")));
                }
                let more = differences.len().saturating_sub(SHOWN);
                differences.truncate(SHOWN);
                if more > 0 {
                    differences.push(format!("and {more} more"));
                }
                SimilarSetup {
                    customer: clean_line(&s.customer),
                    session: clean_line(&s.id),
                    percent: (s.score * 100.0).round().clamp(0.0, 100.0) as u32,
                    differences,
                }
            })
            .collect()
    }

    /// Decisions whose flag is no longer raised, and forced status
    /// changes: the rest of the decision log (current flags show theirs).
    fn decision_log(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .subject
            .decisions
            .iter()
            .filter(|d| !self.scope.flags.iter().any(|f| f.rule == d.rule))
            .map(|d| {
                let date = jiff::tz::TimeZone::UTC.to_datetime(d.at).date();
                clean(&format!(
                    "{} ({}): {} by {} on {date}; the flag is no longer raised",
                    d.rule,
                    d.conditions.as_deref().unwrap_or("no conditions"),
                    d.verdict.id(),
                    d.by
                ))
            })
            .collect();
        out.extend(self.subject.forced.iter().map(|f| {
            let date = jiff::tz::TimeZone::UTC.to_datetime(f.at).date();
            clean(&format!(
                "status {} forced on {date}: {}; missing then: {}",
                f.status.id(),
                f.reason,
                if f.missing.is_empty() {
                    "nothing".to_string()
                } else {
                    f.missing.join("; ")
                }
            ))
        }));
        out
    }

    fn next_steps(
        &self,
        boundaries: &[Boundary],
        open: &[OpenQuestion],
        valid_until: Option<jiff::civil::Date>,
    ) -> Vec<String> {
        let lang = self.lang();
        let has = |s: Severity| boundaries.iter().any(|b| b.severity == s);
        let mut out = Vec::new();
        if !open.is_empty() {
            out.push(tr!(lang, "next-open", count = open.len()));
        }
        if has(Severity::OutOfScope) {
            out.push(tr!(lang, "next-out-of-scope"));
        }
        if has(Severity::NeedsApproval) {
            out.push(tr!(lang, "next-confirm"));
        }
        if has(Severity::NeedsEngineering) {
            out.push(tr!(lang, "next-engineering"));
        }
        let mut partners: Vec<String> = Vec::new();
        let partner_items = self
            .scope
            .items
            .iter()
            .filter(|i| i.family == crate::knowledge::Family::Partner);
        for i in partner_items {
            let p = clean_line(&i.provider);
            if !partners.contains(&p) {
                partners.push(p);
            }
        }
        if !partners.is_empty() {
            out.push(tr!(
                lang,
                "next-partners",
                count = partners.len(),
                partners = partners.join(", ")
            ));
        } else if has(Severity::NeedsPartner) {
            out.push(tr!(lang, "next-partner"));
        }
        out.push(match valid_until {
            Some(d) => tr!(
                lang,
                "next-offer-before",
                date = crate::i18n::format::date(lang, d)
            ),
            None => tr!(lang, "next-offer"),
        });
        if let Some(weeks) = self.scope.delivery.go_live_week() {
            out.push(tr!(lang, "next-plan", week = weeks));
        }
        if let Some(e) = self.subject.engineer {
            let contact = self
                .subject
                .contact
                .map(clean_line)
                .filter(|c| !c.is_empty())
                .map_or_else(String::new, |c| {
                    tr!(lang, "next-engineer-with", contact = c)
                });
            out.push(tr!(
                lang,
                "next-engineer",
                name = clean_line(&e.name),
                reach = reach(e).map_or_else(String::new, |r| format!(" ({r})")),
                with = contact
            ));
        }
        out
    }

    fn trace_answers(&self, answers: &[AnswerRef]) -> Vec<TraceAnswer> {
        answers
            .iter()
            .map(|a| TraceAnswer {
                question: clean_line(&a.question),
                prompt: self.prompt(&a.question),
                answer: clean(&a.display),
            })
            .collect()
    }

    /// A flag with everything behind it, for the people who decide.
    fn internal_flag(&self, f: &Flag) -> InternalFlag {
        InternalFlag {
            rule: clean_line(&f.rule),
            severity: f.severity,
            title: clean_line(&f.title),
            detail: clean(&f.detail),
            remediation: clean(&f.remediation),
            approver: f.approver.as_deref().map(clean_line),
            approver_name: f.approver_name.as_deref().map(clean_line),
            answers: self.trace_answers(&f.answers),
            decision: crate::approvals::decision_for(f, self.subject.decisions)
                .map(|(d, state)| clean(&crate::approvals::decision_words(d, state, "stale"))),
        }
    }

    /// An offering kept out of the scope, and why.
    fn trace_excluded(&self, e: &Excluded) -> TraceExcluded {
        TraceExcluded {
            component: clean_line(&e.name),
            offering: clean_line(&e.offering),
            reason: self.reason(&e.because),
        }
    }

    /// An item of the scope with why it is there and how it is priced.
    fn trace_item(&self, i: &Item) -> TraceItem {
        TraceItem {
            component: clean_line(&i.name),
            offering: clean_line(&i.offering),
            plan: clean_line(&i.plan),
            owner: clean_line(&i.owner),
            owner_name: self
                .knowledge
                .approver(&i.owner)
                .map(|a| clean_line(&a.name)),
            because: i.because.iter().map(|b| self.reason(b)).collect(),
            price_lines: i
                .price_lines
                .iter()
                .map(|l| TracePrice {
                    label: clean_line(&l.label),
                    recurrence: l.recurrence,
                    amount: l.amount,
                    calculation: clean_line(&with_notes(&l.calculation, &l.notes)),
                    indicative: l.indicative,
                })
                .collect(),
        }
    }

    fn reason(&self, b: &Because) -> TraceReason {
        TraceReason {
            rule: b.rule.as_deref().map(clean_line),
            description: clean(&b.description),
            answers: self.trace_answers(&b.answers),
        }
    }

    fn slos(&self) -> Vec<crate::slo::Objective> {
        crate::slo::objectives(self.scope)
            .into_iter()
            .map(|o| crate::slo::Objective {
                component: clean_line(&o.component),
                name: clean_line(&o.name),
                plan: clean_line(&o.plan),
                plan_name: clean_line(&o.plan_name),
                // The objective in the proposal's language.
                indicator: clean(&tr!(self.lang(), "slo-indicator", component = &o.name)),
                ..o
            })
            .collect()
    }

    fn internal_part(&self) -> Internal {
        let scope = self.scope;
        let (_, problems) = check_answers(self.knowledge, self.subject.answers);
        Internal {
            slos: self.slos(),
            knowledge_version: clean_line(&self.scope.knowledge_version),
            session: self.subject.session_id.map(clean_line),
            status: self.subject.status.map(|s| s.id().to_string()),
            flags: scope.flags.iter().map(|f| self.internal_flag(f)).collect(),
            decision_log: self.decision_log(),
            similar: self.similar(),
            trace: scope.items.iter().map(|i| self.trace_item(i)).collect(),
            excluded: scope
                .excluded
                .iter()
                .map(|e| self.trace_excluded(e))
                .collect(),
            notes: self
                .subject
                .notes
                .iter()
                .map(|(q, n)| Note {
                    question: clean_line(q),
                    prompt: self.prompt(q),
                    note: clean(n),
                })
                .filter(|n| !n.note.is_empty())
                .collect(),
            problems: problems.iter().map(|p| clean(&p.to_string())).collect(),
        }
    }
}

/// A calculation and what it rests on: "8 GiB × CHF 55 (nonprod_memory_gib
/// not answered: 4 GiB assumed)".
fn with_notes(calculation: &str, notes: &[String]) -> String {
    if notes.is_empty() {
        calculation.to_string()
    } else {
        format!("{calculation} ({})", notes.join("; "))
    }
}

/// How to reach a sales engineer: "anna@vshn.ch, +41 44 545 53 00".
pub(crate) fn reach(e: &crate::session::Engineer) -> Option<String> {
    let parts: Vec<String> = [&e.email, &e.phone]
        .into_iter()
        .flatten()
        .map(|s| clean_line(s))
        .filter(|s| !s.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn is_partner(i: &Item) -> bool {
    i.family == crate::knowledge::Family::Partner || !i.provider.starts_with("VSHN")
}
