//! The proposal as a document: headings, paragraphs, lists, tables and a
//! few proposal-shaped blocks (a boundary, a flag, a trace entry), built
//! once from the [`Proposal`] view-model with every fixed phrase chosen
//! here. Markdown, HTML and AsciiDoc are small emitters of it; none of
//! them walks the proposal's sections again.
//!
//! Texts stay plain: each emitter escapes them for its syntax. A
//! [`Span`] says what a piece of text is (a person's text, our own fixed
//! words, an id in parentheses…), so each format can show it its way.

pub(crate) use super::join_lines;
use super::proposal::{
    Boundary as ProposalBoundary, InternalFlag, Note, Proposal, TraceAnswer, TraceItem, TracePrice,
    TraceReason,
};
pub(crate) use super::proposal::{answers_text, reason_text};
use super::{amount, amount_cell, number, words};
use crate::i18n::Lang;
use crate::knowledge::Recurrence;
use crate::tr;

mod internal;
mod marks;
use internal::internal;
pub(crate) use marks::{Marks, plain};
/// A line of one span for each text.
fn each(texts: &[String], span: fn(String) -> Span) -> Vec<Inline> {
    texts.iter().map(|t| vec![span(t.clone())]).collect()
}

/// An item of the solution: its name, plan and quantity, who delivers
/// it, what it is and its lead time.
fn solution_item(i: &super::proposal::SolutionItem, lang: Lang) -> Inline {
    let mut s = vec![
        Span::Strong(i.name.clone()),
        Span::fixed(", "),
        Span::Text(i.plan.clone()),
    ];
    if i.quantity != 1.0 {
        s.push(Span::fixed(" × "));
        s.push(Span::Text(number(i.quantity)));
    }
    if i.partner {
        s.push(Span::fixed(", "));
        s.push(Span::Class(
            "partner",
            vec![
                Span::Fixed(format!("{} ", tr!(lang, "delivered-by"))),
                Span::Text(i.provider.clone()),
            ],
        ));
    }
    if !i.description.is_empty() {
        s.push(Span::fixed(": "));
        s.push(Span::Text(i.description.clone()));
    }
    if let Some(w) = i.lead_time_weeks {
        s.push(Span::fixed(" "));
        s.push(Span::Class(
            "lead",
            vec![Span::Fixed(tr!(lang, "lead-time", weeks = w))],
        ));
    }
    s
}

/// A notice as a line: its title, then what to know.
fn notice(n: &super::proposal::Notice) -> Inline {
    vec![
        Span::Label(n.title.clone()),
        Span::fixed(" "),
        Span::Lines(n.detail.clone()),
    ]
}

/// The whole proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    /// The customer's name, as the HTML title line names it.
    pub customer: String,
    /// Customer, contact, date, validity, prices.
    pub cover: Vec<Field>,
    /// The internal audience's warning, on the cover and its section.
    pub banner: Option<String>,
    /// The language of its words.
    pub lang: Lang,
    pub sections: Vec<Section>,
}

/// A section under a second-level heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The HTML id.
    pub id: &'static str,
    pub title: String,
    /// The internal section: outside the proposal's main part in HTML.
    pub internal: bool,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A third-level heading.
    Heading(String),
    Para(String),
    /// Bullets; HTML gives the list a class when there is one.
    List {
        items: Vec<Inline>,
        class: Option<&'static str>,
    },
    /// Bullets HTML writes on one line (a dash when there are none).
    Compact(Vec<Inline>),
    Numbered(Vec<Inline>),
    Table(Table),
    /// Terms and their values (the internal facts).
    Fields(Vec<Field>),
    Boundary(ProposalBoundary),
    /// A flag for the internal audience: its severity and title, then its
    /// facts.
    Flag {
        flag: InternalFlag,
        facts: Vec<Fact>,
    },
    /// An item's trace: what it is, then why it is there and how its
    /// price is made, a line each.
    Trace {
        item: TraceItem,
        lines: Vec<Inline>,
    },
    Notes(Vec<Note>),
}

/// A fact of a flag: "Rule: x". The text formats leave out the term of
/// the detail; HTML names every term.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub term: &'static str,
    pub show_term: bool,
    pub value: Inline,
}

impl Fact {
    fn new(term: &'static str, value: Inline) -> Fact {
        Fact {
            term,
            show_term: true,
            value,
        }
    }
}

/// A term and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub term: String,
    pub value: Span,
}

/// A run of text in a list item or a table cell.
pub type Inline = Vec<Span>;

#[derive(Debug, Clone, PartialEq)]
pub enum Span {
    /// Text from the knowledge or the engine, on one line.
    Text(String),
    /// Text that may span lines (HTML keeps its breaks).
    Lines(String),
    /// What the customer said (HTML isolates its direction).
    Typed(String),
    /// [`Span::Typed`] that may span lines.
    TypedLines(String),
    /// Our own words and punctuation, which need no escaping.
    Fixed(String),
    Strong(String),
    /// A strong label followed by a colon: "**Title**:".
    Label(String),
    /// An id or a reference in parentheses.
    Paren(String),
    /// Lines of a responsibility: one cell, a list in HTML.
    Items(Vec<String>),
    /// A trace reason; its ids and words are escaped each their way.
    Reason(TraceReason),
    /// The answers that raised a flag: "question = answer; …".
    Answers(Vec<TraceAnswer>),
    /// A price line of a trace, in this currency.
    Price(TracePrice, String),
    /// HTML wraps the spans in `<span class="…">`; the other formats show
    /// them as they are.
    Class(&'static str, Vec<Span>),
}

impl Span {
    fn fixed(s: impl Into<String>) -> Span {
        Span::Fixed(s.into())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The HTML class.
    pub class: &'static str,
    pub cols: Vec<Col>,
    pub rows: Vec<Row>,
    /// The first cell of a row heads it (HTML `<th>`).
    pub row_heads: bool,
    pub total: Option<Total>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Col {
    /// Our own words, or an option's name ([`Span::Text`]).
    pub label: Span,
    /// Right-aligned (a number).
    pub right: bool,
    /// AsciiDoc's column width, e.g. `3` or `>2`.
    pub width: &'static str,
    /// The HTML class of its cells.
    pub class: Option<&'static str>,
}

fn col(label: &str, width: &'static str) -> Col {
    Col {
        label: Span::fixed(label),
        right: false,
        width,
        class: None,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub cells: Vec<Inline>,
    /// The HTML class of the row.
    pub class: Option<&'static str>,
    /// Marked in the text formats by a strong first cell.
    pub strong_head: bool,
}

impl Row {
    fn plain(cells: Vec<Inline>) -> Row {
        Row {
            cells,
            class: None,
            strong_head: false,
        }
    }
}

impl Table {
    /// Each row's cells as `cell` writes them, told whether the cell is a
    /// strong head: the first cell of a strong row, or with `row_heads` of
    /// any row of a table whose rows have heads.
    pub fn rows_with<T>(&self, row_heads: bool, cell: impl Fn(&Inline, bool) -> T) -> Vec<Vec<T>> {
        self.rows
            .iter()
            .map(|row| {
                let strong = row.strong_head || (row_heads && self.row_heads);
                row.cells
                    .iter()
                    .enumerate()
                    .map(|(i, c)| cell(c, i == 0 && strong))
                    .collect()
            })
            .collect()
    }
}

/// The total row: a label over the first `span` columns, then cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Total {
    pub label: String,
    pub span: usize,
    /// Empty cells are left empty.
    pub cells: Vec<Inline>,
}

fn text(s: &str) -> Inline {
    vec![Span::Text(s.to_string())]
}

/// The heading of the objectives handed over to operations.
pub const SLO_HEADING: &str = "Service level objectives (hand-over to operations)";
/// The internal section's references: won sessions like this one.
pub const SIMILAR_HEADING: &str = "Similar setups we run";

impl Document {
    pub fn of(p: &Proposal) -> Document {
        let lang = p.lang;
        let mut cover = vec![Field {
            term: tr!(lang, "cover-customer"),
            value: Span::Typed(p.customer.name.clone()),
        }];
        if let Some(c) = &p.customer.contact {
            cover.push(Field {
                term: tr!(lang, "cover-contact"),
                value: Span::Typed(c.clone()),
            });
        }
        let long = |d: &str| crate::i18n::format::date_text(lang, d);
        cover.push(Field {
            term: tr!(lang, "cover-date"),
            value: Span::Text(p.date.as_deref().map_or_else(|| tr!(lang, "undated"), long)),
        });
        if let Some(v) = &p.valid_until {
            cover.push(Field {
                term: tr!(lang, "valid-until"),
                value: Span::Text(long(v)),
            });
        }
        cover.push(Field {
            term: tr!(lang, "cover-prices"),
            value: Span::Text(p.prices.clone()),
        });
        if let Some(e) = &p.customer.engineer {
            let reach = super::proposal::reach(e).map_or_else(String::new, |r| format!(", {r}"));
            cover.push(Field {
                term: tr!(lang, "cover-engineer"),
                value: Span::Text(format!("{}{reach}", e.name)),
            });
        }
        let mut sections = vec![
            summary(p),
            need(p),
            solution(p),
            bill(p),
            service_levels(p),
            plan(p),
            responsibilities(p),
            Section {
                id: "assumptions",
                title: tr!(lang, "section-assumptions"),
                internal: false,
                blocks: vec![Block::Compact(
                    p.assumptions.iter().map(|a| text(a)).collect(),
                )],
            },
            out_of_scope(p),
        ];
        if !p.good_to_know.is_empty() {
            let items = p.good_to_know.iter().map(notice).collect();
            sections.push(section(
                "good-to-know",
                tr!(lang, "section-good-to-know"),
                vec![Block::List { items, class: None }],
            ));
        }
        sections.push(open_questions(p));
        if let Some(c) = &p.comparison {
            let mut cols = vec![Col {
                label: Span::Text(String::new()),
                right: false,
                width: "2",
                class: None,
            }];
            cols.extend(c.columns.iter().map(|n| Col {
                label: Span::Text(n.clone()),
                right: false,
                width: "2",
                class: None,
            }));
            let rows = c
                .rows
                .iter()
                .map(|r| {
                    let mut cells = vec![text(&r.label)];
                    cells.extend(r.cells.iter().map(|x| text(x)));
                    Row {
                        cells,
                        class: r.differs.then_some("differs"),
                        strong_head: r.differs,
                    }
                })
                .collect();
            let table = Table {
                class: "comparison",
                cols,
                rows,
                row_heads: true,
                total: None,
            };
            sections.push(section(
                "comparison",
                tr!(lang, "section-comparison"),
                vec![
                    Block::Table(table),
                    Block::Para(tr!(lang, "comparison-note")),
                ],
            ));
        }
        sections.push(section(
            "next-steps",
            tr!(lang, "section-next-steps"),
            vec![Block::Numbered(
                p.next_steps.iter().map(|s| text(s)).collect(),
            )],
        ));
        if p.internal.is_some() {
            sections.push(internal(p));
        }
        Document {
            title: p.title.clone(),
            customer: p.customer.name.clone(),
            cover,
            banner: p
                .internal
                .is_some()
                .then(|| words::INTERNAL_BANNER.to_string()),
            lang,
            sections,
        }
    }
}

/// A section that is one plain table, its class the section's id.
fn table_section(id: &'static str, title: String, cols: Vec<Col>, rows: Vec<Row>) -> Section {
    let table = Table {
        class: id,
        cols,
        rows,
        row_heads: false,
        total: None,
    };
    section(id, title, vec![Block::Table(table)])
}

fn section(id: &'static str, title: String, blocks: Vec<Block>) -> Section {
    Section {
        id,
        title,
        internal: false,
        blocks,
    }
}

/// What we propose and what it costs, in a few lines, before anything else.
fn summary(p: &Proposal) -> Section {
    let lang = p.lang;
    let s = &p.summary;
    let mut blocks = Vec::new();
    if !s.goal.is_empty() {
        blocks.push(Block::Para(s.goal.clone()));
    }
    if s.solution.is_empty() {
        blocks.push(Block::Para(tr!(lang, "no-items")));
    } else {
        blocks.push(Block::List {
            items: s.solution.iter().map(|l| text(l)).collect(),
            class: Some("summary"),
        });
    }
    let field = |term: String, value: &str| Field {
        term,
        value: Span::Text(value.to_string()),
    };
    let mut fields = vec![field(tr!(lang, "summary-price"), &s.totals)];
    if let Some(sl) = &s.service_level {
        fields.push(field(tr!(lang, "summary-service-level"), sl));
    }
    if let Some(g) = &s.go_live {
        fields.push(field(tr!(lang, "summary-go-live"), g));
    }
    fields.push(field(
        tr!(lang, "summary-open"),
        &if s.open.is_empty() {
            tr!(lang, "summary-nothing-open")
        } else {
            s.open.join("; ")
        },
    ));
    blocks.push(Block::Fields(fields));
    section("summary", tr!(lang, "section-summary"), blocks)
}

/// The plan to go-live: a row per step, the go-live, and the earliest
/// possible one when the one asked for is too early.
fn plan(p: &Proposal) -> Section {
    let lang = p.lang;
    let plan = &p.plan;
    let rows = plan
        .steps
        .iter()
        .map(|r| {
            Row::plain(vec![
                text(&r.when),
                text(&r.who),
                text(&r.step),
                text(&r.detail),
            ])
        })
        .collect();
    let table = Table {
        class: "plan",
        cols: vec![
            col(&tr!(lang, "col-when"), "2"),
            col(&tr!(lang, "col-who"), "2"),
            col(&tr!(lang, "col-step"), "2"),
            col(&tr!(lang, "col-what"), "5"),
        ],
        rows,
        row_heads: false,
        total: None,
    };
    let mut blocks = vec![Block::Table(table)];
    match (&plan.earliest, &plan.go_live) {
        (Some(e), _) => blocks.push(Block::Para(format!(
            "{e}; {}.",
            plan.too_early.as_deref().unwrap_or_default()
        ))),
        (None, Some(g)) => blocks.push(Block::Para(format!(
            "{}: {g}.",
            tr!(lang, "summary-go-live")
        ))),
        (None, None) => {}
    }
    blocks.push(Block::Para(plan.note.clone()));
    section("plan", tr!(lang, "section-plan"), blocks)
}

fn need(p: &Proposal) -> Section {
    let lang = p.lang;
    let mut blocks = Vec::new();
    if p.need.is_empty() {
        blocks.push(Block::Para(tr!(lang, "no-answers")));
    }
    for s in &p.need {
        blocks.push(Block::Heading(s.title.clone()));
        // For the customer, what they said in their own words.
        if !s.statements.is_empty() {
            blocks.push(Block::List {
                items: each(&s.statements, Span::TypedLines),
                class: Some("need"),
            });
        }
        if s.answers.is_empty() {
            continue;
        }
        let rows = s
            .answers
            .iter()
            .map(|a| {
                Row::plain(vec![
                    text(&a.prompt),
                    vec![Span::TypedLines(a.answer.clone())],
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            class: "need",
            cols: vec![col("Question", "3"), col("Answer", "2")],
            rows,
            row_heads: false,
            total: None,
        }));
    }
    section("need", tr!(lang, "section-need"), blocks)
}

fn solution(p: &Proposal) -> Section {
    let lang = p.lang;
    let mut blocks = Vec::new();
    if p.solution.is_empty() {
        blocks.push(Block::Para(tr!(lang, "no-items")));
    }
    for g in &p.solution {
        blocks.push(Block::Heading(g.title.clone()));
        let items = g.items.iter().map(|i| solution_item(i, lang)).collect();
        blocks.push(Block::List {
            items,
            class: Some("solution"),
        });
    }
    section("solution", tr!(lang, "section-solution"), blocks)
}

fn bill(p: &Proposal) -> Section {
    let lang = p.lang;
    let b = &p.bill;
    let mut blocks = Vec::new();
    if b.rows.is_empty() {
        blocks.push(Block::Para(tr!(lang, "no-items")));
    }
    let ids = b.rows.iter().any(|r| r.offering.is_some());
    let money = |label: String| Col {
        label: Span::Text(label),
        right: true,
        width: ">2",
        class: Some("num"),
    };
    let mut cols = vec![
        col(&tr!(lang, "col-part"), "2"),
        col(&tr!(lang, "col-component"), "3"),
        col(&tr!(lang, "col-plan"), "2"),
        col(&tr!(lang, "col-provider"), "2"),
        Col {
            label: Span::Fixed(tr!(lang, "col-quantity")),
            right: true,
            width: ">1",
            class: Some("num"),
        },
        money(tr!(lang, "col-monthly", currency = &b.currency)),
        money(tr!(lang, "col-one-time", currency = &b.currency)),
        Col {
            class: Some("note"),
            ..col(&tr!(lang, "col-note"), "3")
        },
    ];
    if ids {
        cols.push(Col {
            class: Some("id"),
            ..col("Catalog id", "2")
        });
    }
    let rows = b
        .rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                text(&r.group_label),
                text(&r.component),
                text(&r.plan),
                text(&r.provider),
                text(&number(r.quantity)),
                text(&amount_cell(lang, r.monthly, r.one_time)),
                text(&amount_cell(lang, r.one_time, r.monthly)),
                text(&r.note),
            ];
            if let (Some(o), Some(pl)) = (&r.offering, &r.plan_id) {
                cells.push(text(&format!("{o} / {pl}")));
            }
            Row {
                cells,
                class: if r.on_request {
                    Some("on-request")
                } else if r.indicative {
                    Some("indicative")
                } else {
                    None
                },
                strong_head: false,
            }
        })
        .collect();
    let mut total = vec![
        vec![Span::Strong(amount(b.total.monthly))],
        vec![Span::Strong(amount(b.total.one_time))],
        text(&b.total.note),
    ];
    if ids {
        total.push(Vec::new());
    }
    blocks.push(Block::Table(Table {
        class: "bill",
        cols,
        rows,
        row_heads: false,
        total: Some(Total {
            label: tr!(lang, "total"),
            span: 5,
            cells: total,
        }),
    }));
    blocks.push(Block::Para(match &p.valid_until {
        Some(v) => tr!(
            lang,
            "bill-valid-until",
            currency = &b.currency,
            vat = &b.vat,
            date = crate::i18n::format::date_text(lang, v)
        ),
        None => tr!(
            lang,
            "bill-valid-for",
            currency = &b.currency,
            vat = &b.vat,
            days = p.validity_days
        ),
    }));
    section("bill", tr!(lang, "section-bill"), blocks)
}

fn service_levels(p: &Proposal) -> Section {
    let lang = p.lang;
    if p.service_levels.is_empty() {
        let none = Block::Para(tr!(lang, "no-service-levels"));
        return section(
            "service-levels",
            tr!(lang, "section-service-levels"),
            vec![none],
        );
    }
    let opt = |o: &Option<String>| text(o.as_deref().unwrap_or(words::MISSING));
    let rows = p
        .service_levels
        .iter()
        .map(|s| {
            Row::plain(vec![
                vec![
                    Span::Text(s.component.clone()),
                    Span::fixed(", "),
                    Span::Class("plan", vec![Span::Text(s.plan.clone())]),
                ],
                text(&s.availability),
                opt(&s.support_hours),
                opt(&s.response_time),
                opt(&s.backups),
                opt(&s.maintenance),
                text(&s.note),
            ])
        })
        .collect();
    let cols = vec![
        col(&tr!(lang, "col-component"), "3"),
        col(&tr!(lang, "col-availability"), "2"),
        col(&tr!(lang, "col-support-hours"), "2"),
        col(&tr!(lang, "col-response-time"), "2"),
        col(&tr!(lang, "col-backups"), "3"),
        col(&tr!(lang, "col-maintenance"), "3"),
        Col {
            class: Some("note"),
            ..col(&tr!(lang, "col-note"), "2")
        },
    ];
    table_section(
        "service-levels",
        tr!(lang, "section-service-levels"),
        cols,
        rows,
    )
}

fn responsibilities(p: &Proposal) -> Section {
    let lang = p.lang;
    if p.responsibilities.is_empty() {
        let none = Block::Para(tr!(lang, "no-responsibilities"));
        return section(
            "responsibilities",
            tr!(lang, "section-responsibilities"),
            vec![none],
        );
    }
    let rows = p
        .responsibilities
        .iter()
        .map(|r| {
            Row::plain(vec![
                text(&r.component),
                text(&r.provider_name),
                vec![Span::Items(r.provider.clone())],
                vec![Span::Items(r.customer.clone())],
                vec![Span::Items(r.partner.clone())],
            ])
        })
        .collect();
    let cols = vec![
        col(&tr!(lang, "col-component"), "2"),
        col(&tr!(lang, "col-provider"), "2"),
        col(&tr!(lang, "col-provider-part"), "3"),
        col(&tr!(lang, "col-customer-part"), "3"),
        col(&tr!(lang, "col-partner-part"), "3"),
    ];
    table_section(
        "responsibilities",
        tr!(lang, "section-responsibilities"),
        cols,
        rows,
    )
}

fn out_of_scope(p: &Proposal) -> Section {
    let lang = p.lang;
    let mut blocks = Vec::new();
    if p.out_of_scope.is_empty() {
        blocks.push(Block::Para(tr!(lang, "none-crossed")));
    }
    blocks.extend(p.out_of_scope.iter().cloned().map(Block::Boundary));
    section("out-of-scope", tr!(lang, "section-out-of-scope"), blocks)
}

fn open_questions(p: &Proposal) -> Section {
    let lang = p.lang;
    let block = if p.open_questions.is_empty() {
        Block::Para(tr!(lang, "no-open-questions"))
    } else {
        Block::Numbered(
            p.open_questions
                .iter()
                .map(|q| {
                    let mut s = vec![Span::Text(q.prompt.clone())];
                    if let Some(id) = &q.question {
                        s.push(Span::fixed(" "));
                        s.push(Span::Class("id", vec![Span::Paren(id.clone())]));
                    }
                    s
                })
                .collect(),
        )
    };
    section(
        "open-questions",
        tr!(lang, "section-open-questions"),
        vec![block],
    )
}

/// A fact in a text format: "Term: value", or the value alone.
pub(crate) fn fact_line(fact: &Fact, value: String) -> String {
    if fact.show_term {
        format!("{}: {value}", fact.term)
    } else {
        value
    }
}

/// "Price: label, monthly, CHF 90 = 1 × 90 (indicative)", from pieces
/// each format has escaped.
pub(crate) fn price_line(
    label: &str,
    recurrence: Recurrence,
    currency: &str,
    amount: &str,
    calculation: &str,
    indicative: bool,
) -> String {
    let when = match recurrence {
        Recurrence::Monthly => "monthly",
        Recurrence::OneTime => "one-time",
    };
    format!(
        "Price: {label}, {when}, {currency} {amount} = {calculation}{}",
        if indicative { " (indicative)" } else { "" }
    )
}

/// A trace's price line as plain text (the screen's preview).
pub fn price_line_text(l: &TracePrice, currency: &str) -> String {
    price_line(
        &l.label,
        l.recurrence,
        currency,
        &amount(l.amount),
        &l.calculation,
        l.indicative,
    )
}
