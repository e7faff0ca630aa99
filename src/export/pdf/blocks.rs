//! The [`Document`] laid out on A4 pages: the cover, each section and its
//! blocks in the order the document holds them, then a footer on every
//! page (the customer, the validity, "Page i of n"). It shows what the
//! document says and decides nothing.

use super::fonts::{Fonts, Weight};
use super::layout::{
    ACCENT, BODY_BOTTOM, Flow, INK, Line, MARGIN_X, MUTED, Mark, PAGE_WIDTH, Page, Run, Style,
    TEXT_WIDTH, WARN, break_lines, leading,
};
use super::table::{self, Cell, Grid};
use crate::export::document::{
    Block, Document, Field, Inline, Section, Span, Table, fact_line, plain,
};
use crate::export::words;

const BODY: Style = Style::new(Weight::Regular, 9.5, INK);
const SMALL: Style = Style::new(Weight::Regular, 8.0, MUTED);
const TITLE: Style = Style::new(Weight::Bold, 20.0, ACCENT);
const H2: Style = Style::new(Weight::Bold, 14.0, ACCENT);
const H3: Style = Style::new(Weight::Bold, 11.0, INK);
const INDENT: f32 = 14.0;

/// The document's pages, footers included.
pub fn pages(fonts: &Fonts, d: &Document) -> Vec<Page> {
    let flow = &mut Flow::new(fonts);
    flow.paragraph(
        &[Run::regular(crate::tr!(d.lang, "kicker"))],
        MARGIN_X,
        TEXT_WIDTH,
        SMALL,
    );
    flow.gap(2.0);
    flow.paragraph(&[Run::bold(&d.title)], MARGIN_X, TEXT_WIDTH, TITLE);
    flow.gap(6.0);
    fields(flow, &d.cover);
    if let Some(banner) = &d.banner {
        flow.gap(6.0);
        flow.paragraph(
            &[Run::bold(banner)],
            MARGIN_X,
            TEXT_WIDTH,
            Style {
                color: WARN,
                ..BODY
            },
        );
    }
    for s in &d.sections {
        section(flow, s, d.banner.as_deref());
    }
    let mut pages = std::mem::take(&mut flow.pages);
    footers(flow, &mut pages, d);
    pages
}

fn section(flow: &mut Flow, s: &Section, banner: Option<&str>) {
    if s.internal && !flow.at_top() {
        flow.new_page();
    }
    flow.gap(14.0);
    // A heading is never the last thing on a page.
    flow.need(leading(H2.size) + 4.0 * leading(BODY.size));
    flow.paragraph(&[Run::bold(s.title.clone())], MARGIN_X, TEXT_WIDTH, H2);
    let y = flow.y;
    flow.page().marks.push(Mark::Rule {
        x: MARGIN_X,
        y: y - 2.0,
        width: TEXT_WIDTH,
        thickness: 0.6,
        color: ACCENT,
    });
    flow.y += 4.0;
    if s.internal
        && let Some(b) = banner
    {
        flow.paragraph(
            &[Run::bold(b)],
            MARGIN_X,
            TEXT_WIDTH,
            Style {
                color: WARN,
                ..BODY
            },
        );
        flow.gap(4.0);
    }
    for b in &s.blocks {
        block(flow, b);
    }
}

fn heading(flow: &mut Flow, runs: &[Run]) {
    flow.gap(8.0);
    flow.need(leading(H3.size) + 3.0 * leading(BODY.size));
    flow.paragraph(runs, MARGIN_X, TEXT_WIDTH, H3);
    flow.y += 2.0;
}

fn para(flow: &mut Flow, runs: &[Run]) {
    flow.paragraph(runs, MARGIN_X, TEXT_WIDTH, BODY);
    flow.gap(4.0);
}

fn block(flow: &mut Flow, b: &Block) {
    match b {
        Block::Heading(t) => heading(flow, &[Run::bold(t)]),
        Block::Para(t) => para(flow, &[Run::regular(t)]),
        Block::List { items, .. } => list(flow, items, false),
        Block::Compact(items) if items.is_empty() => para(flow, &[Run::regular(words::MISSING)]),
        Block::Compact(items) => list(flow, items, false),
        Block::Numbered(items) => list(flow, items, true),
        Block::Table(t) => table::draw(flow, &grid(t)),
        Block::Fields(f) => {
            fields(flow, f);
            flow.gap(4.0);
        }
        Block::Boundary(b) => {
            heading(flow, &[Run::bold(format!("{}: {}", b.label, b.title))]);
            para(flow, &[Run::regular(&b.detail)]);
            para(
                flow,
                &[
                    Run::bold(format!("{}:", b.instead_label)),
                    Run::regular(format!(" {}", b.instead)),
                ],
            );
        }
        Block::Flag { flag: f, facts } => {
            flow.gap(4.0);
            flow.need(4.0 * leading(BODY.size));
            para(
                flow,
                &[Run::bold(format!("[{}] {}", f.severity.label(), f.title))],
            );
            let items: Vec<Inline> = facts
                .iter()
                .map(|x| vec![Span::Text(fact_line(x, plain(&x.value)))])
                .collect();
            list(flow, &items, false);
        }
        Block::Trace { item: t, lines } => {
            flow.gap(2.0);
            flow.need(3.0 * leading(BODY.size));
            para(
                flow,
                &[
                    Run::bold(&t.component),
                    Run::regular(format!(
                        " ({} / {}, owner {})",
                        t.offering,
                        t.plan,
                        t.owner_name.as_deref().unwrap_or(&t.owner)
                    )),
                ],
            );
            list(flow, lines, false);
        }
        Block::Notes(notes) => {
            let grid = Grid {
                header: vec![cell_of("Question"), cell_of("Note")],
                right: vec![false, false],
                weights: vec![1.0, 2.0],
                rows: notes
                    .iter()
                    .map(|n| {
                        vec![
                            cell_of(&format!("{} ({})", n.prompt, n.question)),
                            cell_of(&n.note),
                        ]
                    })
                    .collect(),
                total: None,
            };
            table::draw(flow, &grid);
        }
    }
}

/// "Term: value" lines, the term in bold.
fn fields(flow: &mut Flow, fields: &[Field]) {
    for f in fields {
        let mut r = vec![Run::bold(format!("{}: ", f.term))];
        r.extend(runs(std::slice::from_ref(&f.value)));
        flow.paragraph(&r, MARGIN_X, TEXT_WIDTH, BODY);
    }
}

/// Bullets or numbers, each item's lines hanging beside its mark.
fn list(flow: &mut Flow, items: &[Inline], numbered: bool) {
    let width = TEXT_WIDTH - INDENT - 4.0;
    for (n, item) in items.iter().enumerate() {
        let lines = break_lines(flow.fonts, &runs(item), BODY.size, width);
        let mark = if numbered {
            format!("{}.", n + 1)
        } else {
            "•".to_string()
        };
        flow.need(leading(BODY.size));
        let baseline = flow.y + super::layout::baseline(BODY.size);
        let mark_width = flow.fonts.width(&mark, Weight::Regular, BODY.size);
        let mark_line = Line {
            pieces: vec![super::layout::Piece {
                x: 0.0,
                text: mark,
                weight: Weight::Regular,
            }],
            width: mark_width,
        };
        let mark_x = MARGIN_X + INDENT - 4.0 - mark_width;
        flow.draw_line(&mark_line, mark_x, baseline, BODY);
        flow.lines(&lines, MARGIN_X + INDENT, BODY);
        flow.y += 1.5;
    }
    flow.gap(3.0);
}

/// Spans as runs of text: strong words in bold, the rest as every text
/// format writes it.
pub fn runs(spans: &[Span]) -> Vec<Run> {
    let mut out = Vec::new();
    for s in spans {
        match s {
            Span::Text(t) | Span::Typed(t) => out.push(Run::regular(t.replace('\n', " "))),
            Span::Lines(t) | Span::TypedLines(t) | Span::Fixed(t) => out.push(Run::regular(t)),
            Span::Strong(t) => out.push(Run::bold(t)),
            Span::Label(t) => out.push(Run::bold(format!("{t}:"))),
            Span::Paren(t) => out.push(Run::regular(format!("({t})"))),
            Span::Items(v) if v.is_empty() => out.push(Run::regular(words::MISSING)),
            Span::Items(v) if v.len() == 1 => out.push(Run::regular(&v[0])),
            Span::Items(v) => {
                let lines: Vec<String> = v.iter().map(|i| format!("• {i}")).collect();
                out.push(Run::regular(lines.join("\n")));
            }
            Span::Class(_, inner) => out.extend(runs(inner)),
            Span::Reason(_) | Span::Answers(_) | Span::Price(..) => {
                out.push(Run::regular(plain(std::slice::from_ref(s))));
            }
        }
    }
    out
}

fn cell_of(text: &str) -> Cell {
    Cell {
        runs: vec![Run::regular(text)],
    }
}

fn grid(t: &Table) -> Grid {
    let weights = t
        .cols
        .iter()
        .map(|c| {
            c.width
                .trim_start_matches(['>', '<', '^'])
                .parse::<f32>()
                .unwrap_or(1.0)
        })
        .collect();
    // A row's head is bold here too: a page has no other way to show it.
    let rows = t.rows_with(true, |c, strong| {
        let mut r = runs(c);
        if strong {
            for run in &mut r {
                run.weight = Weight::Bold;
            }
        }
        Cell { runs: r }
    });
    Grid {
        header: t
            .cols
            .iter()
            .map(|c| Cell {
                runs: runs(std::slice::from_ref(&c.label)),
            })
            .collect(),
        right: t.cols.iter().map(|c| c.right).collect(),
        weights,
        rows,
        total: t.total.as_ref().map(|total| {
            (
                cell_of(&total.label),
                total.span,
                total.cells.iter().map(|c| Cell { runs: runs(c) }).collect(),
            )
        }),
    }
}

/// The customer and the validity on the left of every page's foot, its
/// number on the right.
fn footers(flow: &Flow, pages: &mut [Page], d: &Document) {
    let count = pages.len();
    // A name too long for the line is shortened; the validity never is.
    let validity = d
        .cover
        .iter()
        .find(|f| f.term == crate::tr!(d.lang, "valid-until"))
        .map(|f| format!(" · {} {}", f.term, plain(std::slice::from_ref(&f.value))))
        .unwrap_or_default();
    let validity_width = flow.fonts.width(&validity, Weight::Regular, SMALL.size);
    let y = BODY_BOTTOM + 26.0;
    for (i, page) in pages.iter_mut().enumerate() {
        let number = crate::tr!(d.lang, "page-of", page = i + 1, count = count);
        let number_width = flow.fonts.width(&number, Weight::Regular, SMALL.size);
        let room = TEXT_WIDTH - number_width - 12.0;
        let left = fit(flow, &d.customer, room - validity_width) + &validity;
        page.marks.push(Mark::Rule {
            x: MARGIN_X,
            y: y - 10.0,
            width: TEXT_WIDTH,
            thickness: 0.4,
            color: MUTED,
        });
        page.marks.push(Mark::Text {
            x: MARGIN_X,
            y,
            style: SMALL,
            text: left,
        });
        page.marks.push(Mark::Text {
            x: PAGE_WIDTH - MARGIN_X - number_width,
            y,
            style: SMALL,
            text: number,
        });
    }
}

/// `text` cut with an ellipsis to fit `width` in the footer's style.
fn fit(flow: &Flow, text: &str, width: f32) -> String {
    let measure = |t: &str| flow.fonts.width(t, Weight::Regular, SMALL.size);
    if measure(text) <= width {
        return text.to_string();
    }
    let mut out: String = text.to_string();
    while !out.is_empty() && measure(&format!("{out}…")) > width {
        out.pop();
    }
    format!("{}…", out.trim_end())
}
