//! The proposal as one self-contained HTML file that prints well on A4:
//! the stylesheet (`assets/proposal.css`) is inlined, there are no scripts
//! and nothing is fetched (a Content-Security-Policy says so too). An
//! emitter of the [`Document`].
//!
//! Every text is entity-escaped; what the customer typed (name, answers,
//! notes) sits in `<bdi>` so right-to-left text cannot reorder its
//! surroundings.

use std::fmt::Write as _;

use super::document::{Block, Document, Field, Marks, Section, Table, plain};
use super::{CSS, words};
use crate::tr;

pub fn render(p: &super::Proposal) -> String {
    emit(&Document::of(p), p.audience.id())
}

/// The document as HTML; `audience` names the body's class.
pub fn emit(d: &Document, audience: &str) -> String {
    let mut h = String::with_capacity(16 * 1024);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"nunki\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n\
<body class=\"audience-{audience}\">\n",
        e(&d.title),
        CSS,
        lang = d.lang.id(),
    );
    let _ = writeln!(
        h,
        "<header class=\"cover\">\n<p class=\"kicker\">{}</p>",
        e(&tr!(d.lang, "kicker"))
    );
    // Our own words around the customer's name, which is escaped and
    // isolated before it goes in.
    let _ = writeln!(
        h,
        "<h1>{}</h1>",
        tr!(d.lang, "title", customer = bdi(&d.customer))
    );
    fields(&mut h, &d.cover);
    if let Some(banner) = &d.banner {
        let _ = writeln!(h, "<p class=\"internal-banner\">{}</p>", e(banner));
    }
    h.push_str("</header>\n<main>\n");
    let mut in_main = true;
    for s in &d.sections {
        if s.internal && in_main {
            h.push_str("</main>\n");
            in_main = false;
        }
        section(&mut h, s, d.banner.as_deref());
    }
    if in_main {
        h.push_str("</main>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

fn section(h: &mut String, s: &Section, banner: Option<&str>) {
    if s.internal {
        let _ = writeln!(h, "<section class=\"internal\" id=\"{}\">", s.id);
        let _ = writeln!(h, "<h2>{}</h2>", e(&s.title));
        if let Some(banner) = banner {
            let _ = writeln!(h, "<p class=\"internal-banner\">{}</p>", e(banner));
        }
    } else {
        let _ = writeln!(h, "<section id=\"{}\">\n<h2>{}</h2>", s.id, e(&s.title));
    }
    for b in &s.blocks {
        block(h, b);
    }
    h.push_str("</section>\n");
}

fn block(h: &mut String, b: &Block) {
    match b {
        Block::Heading(t) => {
            let _ = writeln!(h, "<h3>{}</h3>", e(t));
        }
        Block::Para(t) => {
            let _ = writeln!(h, "<p>{}</p>", e(t));
        }
        Block::List { items, class } => {
            match class {
                Some(c) => {
                    let _ = writeln!(h, "<ul class=\"{c}\">");
                }
                None => h.push_str("<ul>\n"),
            }
            for i in items {
                let _ = writeln!(h, "<li>{}</li>", Html.inline(i));
            }
            h.push_str("</ul>\n");
        }
        Block::Compact(items) => {
            if items.is_empty() {
                h.push_str(&e(words::MISSING));
            } else {
                h.push_str("<ul>");
                for i in items {
                    let _ = write!(h, "<li>{}</li>", Html.inline(i));
                }
                h.push_str("</ul>");
            }
            h.push('\n');
        }
        Block::Numbered(items) => {
            h.push_str("<ol>\n");
            for i in items {
                let _ = writeln!(h, "<li>{}</li>", Html.inline(i));
            }
            h.push_str("</ol>\n");
        }
        Block::Table(t) => table(h, t),
        Block::Fields(f) => fields(h, f),
        Block::Boundary(b) => {
            let _ = writeln!(
                h,
                "<div class=\"boundary {}\">\n<h3><span class=\"label\">{}:</span> {}</h3>\n<p>{}</p>\n<p><strong>{}:</strong> {}</p>\n</div>",
                b.severity.id(),
                e(&b.label),
                e(&b.title),
                e_lines(&b.detail),
                e(&b.instead_label),
                e_lines(&b.instead)
            );
        }
        Block::Flag { flag: f, facts } => {
            let _ = write!(
                h,
                "<div class=\"flag {sev}\">\n<h4><span class=\"severity\">{label}</span> {title}</h4>\n<dl>\n",
                sev = f.severity.id(),
                label = e(f.severity.label()),
                title = e(&f.title)
            );
            for x in facts {
                dd(h, x.term, &Html.inline(&x.value));
            }
            h.push_str("</dl>\n</div>\n");
        }
        Block::Trace { item: t, lines } => {
            let _ = write!(
                h,
                "<div class=\"trace\">\n<h4>{} <span class=\"id\">({} / {}, owner {})</span></h4>\n<ul>\n",
                e(&t.component),
                e(&t.offering),
                e(&t.plan),
                e(t.owner_name.as_deref().unwrap_or(&t.owner))
            );
            for l in lines {
                let _ = writeln!(h, "<li>{}</li>", Html.inline(l));
            }
            h.push_str("</ul>\n</div>\n");
        }
        Block::Notes(notes) => {
            h.push_str("<table class=\"notes\">\n<thead><tr><th>Question</th><th>Note</th></tr></thead>\n<tbody>\n");
            for n in notes {
                let _ = writeln!(
                    h,
                    "<tr><td>{} <span class=\"id\">({})</span></td><td class=\"note-text\">{}</td></tr>",
                    e(&n.prompt),
                    e(&n.question),
                    bdi_lines(&n.note)
                );
            }
            h.push_str("</tbody>\n</table>\n");
        }
    }
}

/// Terms and values as a definition list.
fn fields(h: &mut String, fields: &[Field]) {
    h.push_str("<dl class=\"meta\">\n");
    for f in fields {
        dd(h, &f.term, &Html.inline(std::slice::from_ref(&f.value)));
    }
    h.push_str("</dl>\n");
}

fn table(h: &mut String, t: &Table) {
    let _ = write!(h, "<table class=\"{}\">\n<thead><tr>", t.class);
    for c in &t.cols {
        let label = Html.inline(std::slice::from_ref(&c.label));
        match c.right {
            true => {
                let _ = write!(h, "<th class=\"num\">{label}</th>");
            }
            false => {
                let _ = write!(h, "<th>{label}</th>");
            }
        }
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        match row.class {
            Some(c) => {
                let _ = write!(h, "<tr class=\"{c}\">");
            }
            None => h.push_str("<tr>"),
        }
        for (i, (cell, col)) in row.cells.iter().zip(&t.cols).enumerate() {
            if i == 0 && t.row_heads {
                let _ = write!(h, "<th>{}</th>", Html.inline(cell));
            } else {
                td(h, col.class, &Html.inline(cell));
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n");
    if let Some(total) = &t.total {
        let _ = write!(
            h,
            "<tfoot><tr class=\"total\"><td colspan=\"{}\">{}</td>",
            total.span,
            e(&total.label)
        );
        // The total row is bold by its class; its cells carry no markup.
        for (cell, col) in total.cells.iter().zip(&t.cols[total.span..]) {
            if cell.is_empty() {
                h.push_str("<td></td>");
            } else {
                td(h, col.class, &e(&plain(cell)));
            }
        }
        h.push_str("</tr></tfoot>\n");
    }
    h.push_str("</table>\n");
}

fn td(h: &mut String, class: Option<&str>, html: &str) {
    match class {
        Some(c) => {
            let _ = write!(h, "<td class=\"{c}\">{html}</td>");
        }
        None => {
            let _ = write!(h, "<td>{html}</td>");
        }
    }
}

/// Spans as HTML: our own words as they are, everything else escaped.
struct Html;

impl Marks for Html {
    const STRONG: [&'static str; 2] = ["<strong>", "</strong>"];

    fn esc(&self, s: &str) -> String {
        e(s)
    }

    fn lines(&self, s: &str) -> String {
        e_lines(s)
    }

    fn typed(&self, s: &str) -> String {
        bdi(s)
    }

    fn typed_lines(&self, s: &str) -> String {
        bdi_lines(s)
    }

    fn label(&self, s: &str) -> String {
        format!("<strong>{}:</strong>", e(s))
    }

    fn items(&self, lines: &[String]) -> String {
        ul(lines)
    }

    fn class(&self, class: &str, inner: String) -> String {
        format!("<span class=\"{class}\">{inner}</span>")
    }
}

/// A term and its already escaped description.
fn dd(h: &mut String, term: &str, html: &str) {
    let _ = writeln!(h, "<dt>{}</dt><dd>{html}</dd>", e(term));
}

fn ul(items: &[String]) -> String {
    if items.is_empty() {
        return e(words::MISSING);
    }
    let lis: String = items.iter().map(|i| format!("<li>{}</li>", e(i))).collect();
    format!("<ul>{lis}</ul>")
}

/// Entity-escapes text for element content and attribute values.
pub(crate) fn e(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped, with line breaks kept.
fn e_lines(s: &str) -> String {
    e(s).replace('\n', "<br>")
}

/// Text the customer typed, isolated from the direction around it.
fn bdi(s: &str) -> String {
    format!("<bdi>{}</bdi>", e(s))
}

fn bdi_lines(s: &str) -> String {
    format!("<bdi>{}</bdi>", e_lines(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            e("<script>alert('x' & \"y\")</script>"),
            "&lt;script&gt;alert(&#39;x&#39; &amp; &quot;y&quot;)&lt;/script&gt;"
        );
        assert_eq!(e_lines("a\nb<"), "a<br>b&lt;");
    }
}
