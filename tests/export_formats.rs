//! Every export format read back by a real parser: the fixture session's
//! items, totals and boundaries appear where they belong; the customer
//! audience carries no approver, rule id or note; hostile text comes out
//! as text in every format; the same input gives the same bytes.
#![allow(clippy::unwrap_used)]

mod export_support;

use std::collections::BTreeMap;

use export_support::*;
use nunki::engine::{Money, Scope};
use nunki::export::{self, Audience, Format, Proposal, Subject};
use nunki::knowledge::{Knowledge, Severity};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

// ─── helpers ────────────────────────────────────────────────────────────

/// How a document shows an amount (as `export` documents it: whole units
/// when whole, cents otherwise).
fn shown(m: Money) -> String {
    if m.0 % 100 == 0 { m.whole() } else { m.exact() }
}

fn bill_cell(value: Money, other: Money, on_request: bool) -> String {
    if on_request {
        "price on request".into()
    } else if value.0 == 0 && other.0 != 0 {
        "–".into()
    } else {
        shown(value)
    }
}

/// The customer-facing boundaries of a scope: (label, title).
fn boundaries(scope: &Scope) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for f in &scope.flags {
        let label = match f.severity {
            Severity::OutOfScope => "Not part of our offer",
            Severity::NeedsApproval => "Subject to our confirmation",
            Severity::NeedsPartner => "Delivered by a partner",
            Severity::NeedsEngineering => "Engineering effort to be estimated",
            Severity::Info => continue,
        };
        let b = (label.to_string(), f.title.clone());
        if !out.contains(&b) {
            out.push(b);
        }
    }
    out
}

/// What must never reach a customer: approver ids and names, rule ids,
/// the session's notes and engineer-only advice.
fn internal_only(k: &Knowledge) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in &k.catalog.approvers {
        out.push(a.id.clone());
        out.push(a.name.clone());
    }
    out.extend(k.rules.iter().map(|r| r.id.clone()));
    for note in session().notes.values() {
        out.extend(note.lines().map(str::to_string));
    }
    // How an approval is reached is the team's business.
    for r in &k.rules {
        for e in &r.effects {
            if let nunki::knowledge::Effect::Flag(f) = e
                && f.severity == Severity::NeedsApproval
            {
                out.push(f.remediation.to_string());
            }
        }
    }
    let overrides = session().overrides;
    out.extend(overrides.added.iter().map(|a| a.reason.clone()));
    out.extend(overrides.removed.iter().map(|r| r.reason.clone()));
    out.push("Internal remark".into());
    out.push("20260302-muster".into()); // the session id
    out
}

// ─── Markdown ───────────────────────────────────────────────────────────

#[derive(Debug, Default)]
struct MdDoc {
    /// (level, text), in order, with the index of the block they open.
    headings: Vec<(u8, String)>,
    /// Every table: rows of cell texts (the head row first).
    tables: Vec<Vec<Vec<String>>>,
    /// The heading each table sits under.
    table_sections: Vec<String>,
    items: Vec<String>,
    paragraphs: Vec<String>,
    /// Markup the exporter never writes: if it shows up, text leaked.
    foreign: Vec<String>,
}

fn parse_md(text: &str) -> MdDoc {
    // Every extension except smart punctuation (which rewrites quotes).
    let opts = Options::all() - Options::ENABLE_SMART_PUNCTUATION - Options::ENABLE_OLD_FOOTNOTES;
    let mut doc = MdDoc::default();
    let mut open: Vec<(&'static str, String)> = Vec::new();
    let mut last_heading = String::new();
    for ev in Parser::new_ext(text, opts) {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } => open.push(("h", String::new())),
                Tag::Table(_) => {
                    doc.tables.push(Vec::new());
                    doc.table_sections.push(last_heading.clone());
                }
                Tag::TableHead | Tag::TableRow => {
                    if let Some(t) = doc.tables.last_mut() {
                        t.push(Vec::new());
                    }
                }
                Tag::TableCell => open.push(("cell", String::new())),
                Tag::Item => open.push(("item", String::new())),
                Tag::Paragraph => open.push(("p", String::new())),
                Tag::Strong | Tag::List(_) => {}
                other => doc.foreign.push(format!("{other:?}")),
            },
            Event::End(end) => match end {
                TagEnd::Heading(level) => {
                    let (_, t) = open.pop().unwrap();
                    last_heading = t.clone();
                    doc.headings.push((level as u8, t));
                }
                TagEnd::TableCell => {
                    let (_, t) = open.pop().unwrap();
                    doc.tables.last_mut().unwrap().last_mut().unwrap().push(t);
                }
                TagEnd::Item => doc.items.push(open.pop().unwrap().1),
                TagEnd::Paragraph => doc.paragraphs.push(open.pop().unwrap().1),
                _ => {}
            },
            Event::Text(t) => {
                for (_, buf) in &mut open {
                    buf.push_str(&t);
                }
            }
            Event::SoftBreak => open.iter_mut().for_each(|(_, b)| b.push(' ')),
            Event::HardBreak => open.iter_mut().for_each(|(_, b)| b.push('\n')),
            other => doc.foreign.push(format!("{other:?}")),
        }
    }
    doc
}

impl MdDoc {
    fn table_under(&self, heading: &str) -> &Vec<Vec<String>> {
        let i = self
            .table_sections
            .iter()
            .position(|h| h == heading)
            .unwrap_or_else(|| panic!("no table under {heading:?}: {:?}", self.table_sections));
        &self.tables[i]
    }

    /// The level-3 headings between a level-2 heading and the next one.
    fn subheadings(&self, of: &str) -> Vec<String> {
        self.headings
            .iter()
            .skip_while(|(l, t)| !(*l == 2 && t == of))
            .skip(1)
            .take_while(|(l, _)| *l > 2)
            .filter(|(l, _)| *l == 3)
            .map(|(_, t)| t.clone())
            .collect()
    }
}

#[test]
fn markdown_shows_items_totals_and_boundaries_where_they_belong() {
    let (p, scope, _) = proposal(Audience::Customer);
    let md = export::render(Format::Markdown, &p);
    let doc = parse_md(&md);
    assert!(
        doc.foreign.is_empty(),
        "unexpected markup: {:?}",
        doc.foreign
    );
    assert_eq!(
        doc.headings[0],
        (1, "Scoped proposal for Muster Bank AG".into())
    );
    assert!(
        doc.items.contains(&"Date: 14 March 2026".to_string()),
        "{:?}",
        doc.items
    );
    assert!(
        doc.items
            .contains(&"Valid until: 13 April 2026".to_string())
    );

    let bill = doc.table_under("Bill of materials");
    assert_eq!(bill[0][1], "Component");
    assert_eq!(bill[0][5], "Monthly (CHF)");
    assert_eq!(
        bill.len(),
        scope.items.len() + 2,
        "head, one row per item, total"
    );
    for (row, item) in bill[1..].iter().zip(&scope.items) {
        let on_request = item.price_lines.is_empty();
        assert_eq!(row[1], item.name);
        assert_eq!(row[2], item.plan_name);
        assert_eq!(row[4], nunki::engine::answers::format_number(item.quantity));
        assert_eq!(
            row[5],
            bill_cell(item.monthly, item.one_time, on_request),
            "{}",
            item.name
        );
        assert_eq!(
            row[6],
            bill_cell(item.one_time, item.monthly, on_request),
            "{}",
            item.name
        );
        let note = if on_request {
            "price on request"
        } else if item.indicative {
            "indicative, to be confirmed"
        } else {
            ""
        };
        assert_eq!(row[7], note, "{}", item.name);
    }
    let total = bill.last().unwrap();
    assert_eq!(total[0], "Total");
    assert_eq!(total[5], shown(scope.totals.monthly));
    assert_eq!(total[6], shown(scope.totals.one_time));
    assert!(total[7].starts_with("excl. VAT; indicative, to be confirmed"));
    // The fixture's figures, so a change in them is seen here too.
    assert_eq!(total[5], "7'943.50");
    assert_eq!(total[6], "32'000");

    let crossed = doc.subheadings("Out of scope and boundaries");
    let expected: Vec<String> = boundaries(&scope)
        .into_iter()
        .map(|(l, t)| format!("{l}: {t}"))
        .collect();
    assert_eq!(crossed, expected);
    assert!(crossed.contains(&"Not part of our offer: Windows workloads".to_string()));
    // Windows is a boundary, not an item.
    assert!(!bill.iter().any(|r| r[1].contains("Windows")));

    let groups = doc.subheadings("Proposed solution");
    assert_eq!(
        groups,
        [
            "Platform",
            "Data services",
            "Operations and support",
            "Engineering",
            "Partner services"
        ]
    );
    assert!(doc.items.iter().any(
        |i| i.contains("MongoDB by a partner") && i.contains("delivered by Example Partner AG")
    ));
    assert!(doc.subheadings("Open questions").is_empty());
    assert!(
        doc.items
            .contains(&"In how many weeks must it go live?".to_string())
    );
}

#[test]
fn markdown_keeps_hostile_text_as_text() {
    let k = knowledge();
    let s = hostile_session(&k);
    let scope = s.evaluate(&k).scope;
    for audience in Audience::ALL {
        let p = Proposal::from_session(&s, &scope, &k, audience);
        let md = export::render(Format::Markdown, &p);
        let doc = parse_md(&md);
        assert!(
            doc.foreign.is_empty(),
            "{audience:?}: markup leaked: {:?}",
            doc.foreign
        );
        assert_eq!(
            doc.headings[0].1,
            format!("Scoped proposal for {HOSTILE_NAME_SHOWN}")
        );
        assert!(
            doc.items
                .contains(&format!("Customer: {HOSTILE_NAME_SHOWN}"))
        );
        assert!(
            doc.items
                .contains(&"Contact: =cmd|' /C calc'!A0".to_string())
        );
        if audience == Audience::Internal {
            let needs = doc.table_under("Workload");
            assert!(needs.iter().any(|r| r[1] == HOSTILE_ANSWER), "{needs:?}");
        } else {
            // The customer reads the answer in a sentence of its own.
            let statement = format!("Technologies: {HOSTILE_ANSWER}.");
            assert!(doc.items.contains(&statement), "{:?}", doc.items);
        }
        // The radar rule quotes the answer in a boundary the customer sees.
        assert!(doc.paragraphs.iter().any(
            |p| p.starts_with("Not on our technology radar") && p.contains("+++<i>raw</i>+++")
        ));
        if audience == Audience::Internal {
            let note = doc
                .items
                .iter()
                .find(|i| i.starts_with("Which further technologies"))
                .unwrap();
            assert!(note.ends_with(HOSTILE_NOTE), "{note:?}");
        }
    }
}

// ─── HTML ───────────────────────────────────────────────────────────────

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

fn text(e: ElementRef<'_>) -> String {
    e.text().collect::<String>()
}

fn assert_inert(html: &Html) {
    for bad in [
        "script", "link", "img", "iframe", "object", "embed", "base", "form", "svg",
    ] {
        assert_eq!(html.select(&sel(bad)).count(), 0, "a <{bad}> element");
    }
    for attr in ["src", "href", "onerror", "onload", "style"] {
        assert_eq!(
            html.select(&sel(&format!("[{attr}]"))).count(),
            0,
            "an element with {attr}="
        );
    }
}

#[test]
fn html_is_self_contained_and_shows_the_scope() {
    let (p, scope, _) = proposal(Audience::Customer);
    let out = export::render(Format::Html, &p);
    let html = Html::parse_document(&out);
    assert!(html.errors.is_empty(), "{:?}", html.errors);
    assert_inert(&html);
    let styles: Vec<String> = html.select(&sel("head style")).map(text).collect();
    assert_eq!(styles.len(), 1);
    assert_eq!(styles[0].trim(), export::CSS.trim());
    assert!(export::CSS.contains("@page") && export::CSS.contains("size: A4"));
    assert!(!export::CSS.contains("url(") && !export::CSS.contains("@import"));
    let csp = html
        .select(&sel("meta[http-equiv=Content-Security-Policy]"))
        .next()
        .unwrap();
    assert!(
        csp.value()
            .attr("content")
            .unwrap()
            .starts_with("default-src 'none'")
    );

    let h1 = html.select(&sel("h1")).next().map(text).unwrap();
    assert_eq!(h1, "Scoped proposal for Muster Bank AG");

    let rows: Vec<Vec<String>> = html
        .select(&sel("table.bill tbody tr"))
        .map(|tr| tr.select(&sel("td")).map(text).collect())
        .collect();
    assert_eq!(rows.len(), scope.items.len());
    for (row, item) in rows.iter().zip(&scope.items) {
        let on_request = item.price_lines.is_empty();
        assert_eq!(row[1], item.name);
        assert_eq!(row[5], bill_cell(item.monthly, item.one_time, on_request));
        assert_eq!(row[6], bill_cell(item.one_time, item.monthly, on_request));
    }
    let total: Vec<String> = html
        .select(&sel("table.bill tfoot tr.total td.num"))
        .map(text)
        .collect();
    assert_eq!(
        total,
        [shown(scope.totals.monthly), shown(scope.totals.one_time)]
    );

    let crossed: Vec<String> = html
        .select(&sel("section#out-of-scope .boundary h3"))
        .map(text)
        .collect();
    let expected: Vec<String> = boundaries(&scope)
        .into_iter()
        .map(|(l, t)| format!("{l}: {t}"))
        .collect();
    assert_eq!(crossed, expected);
    let windows = html
        .select(&sel("section#out-of-scope .boundary.out_of_scope"))
        .next()
        .map(text)
        .unwrap();
    assert!(windows.contains("A partner hosts the Windows part"));
    let approval = html
        .select(&sel("section#out-of-scope .boundary.needs_approval"))
        .next()
        .map(text)
        .unwrap();
    assert!(approval.contains("What you asked for, once we have confirmed it"));

    let sl: Vec<String> = html
        .select(&sel("table.service-levels tbody tr td:first-child"))
        .map(text)
        .collect();
    assert!(sl.contains(&"Shared Platform, Flex".to_string()), "{sl:?}");
    let resp: Vec<Vec<String>> = html
        .select(&sel("table.responsibilities tbody tr"))
        .map(|tr| tr.select(&sel("td")).map(text).collect())
        .collect();
    let partner = resp
        .iter()
        .find(|r| r[0] == "MongoDB by a partner")
        .unwrap();
    assert_eq!(partner[1], "Example Partner AG");
    assert_eq!(partner[4], "Operate MongoDB");
    assert!(html.select(&sel("section.internal")).next().is_none());
}

#[test]
fn html_keeps_hostile_text_as_text() {
    let k = knowledge();
    let s = hostile_session(&k);
    let scope = s.evaluate(&k).scope;
    let p = Proposal::from_session(&s, &scope, &k, Audience::Internal);
    let out = export::render(Format::Html, &p);
    let html = Html::parse_document(&out);
    assert_inert(&html);
    let h1 = html.select(&sel("h1 bdi")).next().map(text).unwrap();
    assert_eq!(h1, HOSTILE_NAME_SHOWN);
    let title = html.select(&sel("title")).next().map(text).unwrap();
    assert_eq!(title, format!("Scoped proposal for {HOSTILE_NAME_SHOWN}"));
    let answers: Vec<String> = html.select(&sel("table.need td bdi")).map(text).collect();
    assert!(answers.contains(&HOSTILE_ANSWER.to_string()), "{answers:?}");
    let note = html
        .select(&sel("table.notes td.note-text bdi"))
        .next()
        .unwrap();
    // Line breaks stay line breaks (<br>), the lines stay text.
    let lines: Vec<&str> = note.text().collect();
    assert_eq!(lines.join("\n"), HOSTILE_NOTE);
    assert_eq!(
        note.select(&sel("br")).count(),
        HOSTILE_NOTE.lines().count() - 1
    );
}

// ─── AsciiDoc ───────────────────────────────────────────────────────────

/// Turns `&#NN;` back into characters.
fn decode_refs(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        match after.find(';').map(|j| (j, after[..j].parse::<u32>())) {
            Some((j, Ok(n))) => {
                out.push(char::from_u32(n).unwrap());
                rest = &after[j + 1..];
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The characters that are markup in AsciiDoc text, outside `&#NN;`.
fn raw_markup(line: &str) -> Vec<char> {
    let mut stripped = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("&#") {
        stripped.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find(';').map_or(after.len(), |j| j + 1);
        rest = &after[end..];
    }
    stripped.push_str(rest);
    stripped
        .chars()
        .filter(|c| "*_`#^~+{}[]|<>&\\=@$".contains(*c))
        .collect()
}

#[test]
fn asciidoc_shows_the_scope_in_tables_with_one_cell_per_line() {
    let (p, scope, _) = proposal(Audience::Customer);
    let adoc = export::render(Format::Asciidoc, &p);
    assert!(adoc.starts_with("= Scoped proposal for Muster Bank AG\n"));
    let bill = adoc.split("== Bill of materials").nth(1).unwrap();
    let table = bill.split("|===").nth(1).unwrap();
    let rows: Vec<Vec<String>> = table
        .split("\n\n")
        .map(|r| {
            r.lines()
                .filter(|l| l.starts_with('|'))
                .map(|l| decode_refs(l.trim_start_matches('|').trim()))
                .collect()
        })
        .filter(|r: &Vec<String>| !r.is_empty())
        .collect();
    assert_eq!(rows.len(), scope.items.len() + 2);
    assert_eq!(rows[0].len(), 8, "8 header cells: {:?}", rows[0]);
    assert!(bill.contains("[cols=\"2,3,2,2,>1,>2,>2,3\",options=\"header,footer\"]"));
    for (row, item) in rows[1..].iter().zip(&scope.items) {
        assert_eq!(row.len(), 8, "{row:?}");
        assert_eq!(row[1], item.name);
        let on_request = item.price_lines.is_empty();
        assert_eq!(row[5], bill_cell(item.monthly, item.one_time, on_request));
    }
    let total = rows.last().unwrap();
    assert_eq!(total[0], "*Total*");
    assert_eq!(total[5], format!("*{}*", shown(scope.totals.monthly)));
    for (label, title) in boundaries(&scope) {
        assert!(
            adoc.contains(&format!("=== {label}: {title}")),
            "{label}: {title}"
        );
    }
}

#[test]
fn asciidoc_keeps_hostile_text_as_text() {
    let k = knowledge();
    let s = hostile_session(&k);
    let scope = s.evaluate(&k).scope;
    let p = Proposal::from_session(&s, &scope, &k, Audience::Internal);
    let adoc = export::render(Format::Asciidoc, &p);
    let title = adoc.lines().next().unwrap();
    assert_eq!(
        decode_refs(title),
        format!("= Scoped proposal for {HOSTILE_NAME_SHOWN}")
    );
    assert_eq!(
        raw_markup(title.trim_start_matches("= ")),
        Vec::<char>::new()
    );
    let cell = adoc
        .lines()
        .find(|l| decode_refs(l) == format!("| {HOSTILE_ANSWER}"))
        .unwrap_or_else(|| panic!("no answer cell in\n{adoc}"));
    assert_eq!(raw_markup(&cell[1..]), Vec::<char>::new());
    // Each line of the note is its own escaped line: none may start a
    // block (heading, list, table, directive, attribute, admonition).
    let note_lines: Vec<&str> = HOSTILE_NOTE.lines().collect();
    let first = adoc
        .lines()
        .position(|l| l.starts_with("* *Which further technologies"))
        .unwrap();
    let shown: Vec<&str> = adoc.lines().skip(first).take(note_lines.len()).collect();
    for (line, want) in shown.iter().zip(&note_lines) {
        assert!(decode_refs(line).contains(want), "{line:?} vs {want:?}");
        let body = line.trim_end_matches(" +");
        if !line.starts_with("* ") {
            let label = body.chars().take_while(char::is_ascii_uppercase).count();
            assert!(
                !body.starts_with(|c: char| c.is_ascii_punctuation() && c != '&')
                    && !body.contains("::")
                    && !body[label..].starts_with(':'),
                "a note line that could start a block: {line:?}"
            );
            assert_eq!(raw_markup(body), Vec::<char>::new(), "{line:?}");
        }
    }
    asciidoctor_agrees(&adoc);
}

/// When Asciidoctor is installed, render with it and check that nothing
/// hostile became markup. Without it the checks above still stand.
fn asciidoctor_agrees(adoc: &str) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let Ok(mut child) = Command::new("asciidoctor")
        .args(["-a", "linkcss", "-a", "stylesheet!", "-o", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    else {
        eprintln!("asciidoctor not installed: skipping the rendering check");
        return;
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(adoc.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = Html::parse_document(&String::from_utf8(out.stdout).unwrap());
    for bad in [
        "script", "img", "a", "sup", "sub", "mark", "code", "kbd", "em",
    ] {
        let found: Vec<String> = html
            .select(&sel(&format!("body {bad}")))
            .map(text)
            .collect();
        assert!(found.is_empty(), "asciidoctor made <{bad}> of {found:?}");
    }
    let body = html.select(&sel("body")).next().map(text).unwrap();
    assert!(body.contains(HOSTILE_NAME_SHOWN));
    assert!(body.contains(HOSTILE_ANSWER));
}

// ─── JSON ───────────────────────────────────────────────────────────────

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(export::JSON_SCHEMA).unwrap();
    assert!(
        jsonschema::draft202012::meta::is_valid(&schema),
        "assets/scope.schema.json is not a valid draft 2020-12 schema"
    );
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn assert_valid(json: &Value) {
    let v = validator();
    let errors: Vec<String> = v
        .iter_errors(json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn json_follows_the_schema_and_carries_the_scope() {
    for audience in Audience::ALL {
        let (p, scope, _) = proposal(audience);
        let json: Value = serde_json::from_str(&export::render(Format::Json, &p)).unwrap();
        assert_valid(&json);
        assert_eq!(json["audience"], audience.id());
        assert_eq!(json["date"], "2026-03-14");
        assert_eq!(json["valid_until"], "2026-04-13");
        let rows = json["bill"]["rows"].as_array().unwrap();
        assert_eq!(rows.len(), scope.items.len());
        for (row, item) in rows.iter().zip(&scope.items) {
            assert_eq!(row["component"], item.name.as_str());
            assert_eq!(row["quantity"].as_f64(), Some(item.quantity));
            if item.price_lines.is_empty() {
                assert!(row["monthly"].is_null() && row["on_request"] == true);
            } else {
                assert_eq!(row["monthly"].as_f64(), Some(item.monthly.as_units()));
                assert_eq!(row["one_time"].as_f64(), Some(item.one_time.as_units()));
            }
        }
        let total = &json["bill"]["total"];
        assert_eq!(
            total["monthly"].as_f64(),
            Some(scope.totals.monthly.as_units())
        );
        assert_eq!(
            total["one_time"].as_f64(),
            Some(scope.totals.one_time.as_units())
        );
        assert_eq!(json["currency"], "CHF");
        let crossed: Vec<(String, String)> = json["out_of_scope"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| {
                (
                    b["label"].as_str().unwrap().into(),
                    b["title"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert_eq!(crossed, boundaries(&scope));
        assert_eq!(
            json.get("internal").is_some(),
            audience == Audience::Internal
        );
    }
}

#[test]
fn the_schema_refuses_what_the_contract_forbids() {
    let (p, _, _) = proposal(Audience::Customer);
    let good: Value = serde_json::from_str(&export::render(Format::Json, &p)).unwrap();
    let v = validator();
    assert!(v.is_valid(&good));
    let mut leaked = good.clone();
    leaked["internal"] = serde_json::json!({});
    assert!(
        !v.is_valid(&leaked),
        "a customer export with an internal part"
    );
    let mut bad_date = good.clone();
    bad_date["date"] = "14.03.2026".into();
    assert!(!v.is_valid(&bad_date));
    let mut extra = good;
    extra["bill"]["rows"][0]["approver"] = "x".into();
    assert!(!v.is_valid(&extra));
}

#[test]
fn json_keeps_hostile_text_exactly() {
    let k = knowledge();
    let s = hostile_session(&k);
    let scope = s.evaluate(&k).scope;
    let p = Proposal::from_session(&s, &scope, &k, Audience::Internal);
    let json: Value = serde_json::from_str(&export::render(Format::Json, &p)).unwrap();
    assert_valid(&json);
    assert_eq!(json["customer"]["name"], HOSTILE_NAME_SHOWN);
    assert_eq!(json["customer"]["contact"], "=cmd|' /C calc'!A0");
    let answers: Vec<&str> = json["need"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["answers"].as_array().unwrap())
        .map(|a| a["answer"].as_str().unwrap())
        .collect();
    assert!(answers.contains(&HOSTILE_ANSWER));
    assert_eq!(json["internal"]["notes"][0]["note"], HOSTILE_NOTE);
}

// ─── CSV ────────────────────────────────────────────────────────────────

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let head = r.headers().unwrap().iter().map(str::to_string).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect();
    (head, rows)
}

#[test]
fn csv_is_the_bill_with_a_header_and_a_total() {
    let (p, scope, _) = proposal(Audience::Customer);
    let out = export::render(Format::Csv, &p);
    assert!(out.ends_with("\r\n"), "RFC 4180 line ends");
    let (head, rows) = read_csv(&out);
    assert_eq!(
        head,
        [
            "part",
            "component",
            "plan",
            "provider",
            "quantity",
            "monthly",
            "one_time",
            "currency",
            "note"
        ]
    );
    assert_eq!(rows.len(), scope.items.len() + 1);
    for (row, item) in rows.iter().zip(&scope.items) {
        assert_eq!(row[1], item.name);
        assert_eq!(row[4].parse::<f64>().unwrap(), item.quantity);
        if item.price_lines.is_empty() {
            assert_eq!((row[5].as_str(), row[8].as_str()), ("", "price on request"));
        } else {
            assert_eq!(row[5].parse::<f64>().unwrap(), item.monthly.as_units());
            assert_eq!(row[6].parse::<f64>().unwrap(), item.one_time.as_units());
        }
        assert_eq!(row[7], "CHF");
    }
    let total = rows.last().unwrap();
    assert_eq!(total[0], "Total");
    assert_eq!(total[5], "7943.50");
    assert_eq!(
        total[5].parse::<f64>().unwrap(),
        scope.totals.monthly.as_units()
    );
    assert_eq!(
        total[6].parse::<f64>().unwrap(),
        scope.totals.one_time.as_units()
    );
    assert!(total[8].contains("excl. VAT"));
    let internal = export::render(Format::Csv, &proposal(Audience::Internal).0);
    let (head, rows) = read_csv(&internal);
    assert_eq!(&head[9..], ["offering", "plan_id"]);
    assert_eq!(rows[0][9], "shared_platform");
}

#[test]
fn csv_defuses_formulas_and_quotes_per_rfc_4180() {
    let k = hostile_knowledge();
    let s = session();
    let scope = s.evaluate(&k).scope;
    let p = Proposal::from_session(&s, &scope, &k, Audience::Customer);
    let out = export::render(Format::Csv, &p);
    let (_, rows) = read_csv(&out);
    let components: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert!(
        components.contains(&"'=HYPERLINK(\"http://evil.example\",\"pg\")"),
        "{components:?}"
    );
    assert!(
        components.contains(&"'-2+3, \"quoted\" next line"),
        "{components:?}"
    );
    let providers: Vec<&str> = rows.iter().map(|r| r[3].as_str()).collect();
    assert!(providers.contains(&"'@SUM(A1)"));
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if [4, 5, 6].contains(&i) {
                continue; // numbers we wrote
            }
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
        }
    }
}

// ─── audiences, determinism, sessions without a date ────────────────────

#[test]
fn the_customer_sees_no_approver_rule_id_or_note() {
    let k = knowledge();
    let secrets = internal_only(&k);
    for format in Format::ALL {
        let customer = render(format, Audience::Customer);
        for s in &secrets {
            assert!(
                !customer.contains(s.as_str()),
                "{format:?} shows {s:?} to the customer"
            );
        }
    }
    // The internal audience does show them: the check above can fail.
    let internal = render(Format::Markdown, Audience::Internal);
    for s in [
        "rule-windows",
        "Operations lead",
        "approver-ops",
        "Would accept 99.5 % if the price is right.",
    ] {
        assert!(internal.contains(s), "internal lacks {s:?}");
    }
    let json: Value = serde_json::from_str(&render(Format::Json, Audience::Internal)).unwrap();
    let flag = &json["internal"]["flags"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "rule-appops-24x7")
        .unwrap()
        .clone();
    assert_eq!(flag["approver"], "approver-ops");
    assert_eq!(flag["answers"][0]["answer"], "24/7");
    let trace = &json["internal"]["trace"][0];
    assert_eq!(trace["because"][0]["rule"], "rule-platform-shared");
    assert_eq!(
        trace["price_lines"][0]["calculation"],
        "12 GiB memory × CHF 55"
    );
}

#[test]
fn the_same_session_gives_the_same_bytes() {
    let k = knowledge();
    let s = session();
    let scope = s.evaluate(&k).scope;
    // Another creation time and a later moment of export change nothing:
    // the date is the day of the last change.
    let mut other = s.clone();
    other.created = "2020-01-01T00:00:00Z".parse().unwrap();
    let other_scope = other.evaluate(&k).scope;
    for format in Format::ALL {
        for audience in Audience::ALL {
            let a = export::render_bytes(format, &Proposal::from_session(&s, &scope, &k, audience));
            let b = export::render_bytes(
                format,
                &Proposal::from_session(&other, &other_scope, &k, audience),
            );
            assert_eq!(a, b, "{format:?} {audience:?}");
        }
    }
    // Late in the day in Switzerland is still that day in UTC.
    let mut late = s.clone();
    late.updated = "2026-03-14T23:30:00Z".parse().unwrap();
    assert_eq!(export::session_date(&late).to_string(), "2026-03-14");
}

#[test]
fn answers_without_a_session_are_unnamed_and_undated_unless_told() {
    let k = knowledge();
    let raw: BTreeMap<String, nunki::engine::Answer> = session().answers;
    let (answers, _) = nunki::engine::check_answers(&k, &raw);
    let scope = nunki::engine::evaluate(&k, &answers, &session().overrides);
    let p = Proposal::build(
        &Subject::of_answers(None, None, &raw),
        &scope,
        &k,
        Audience::Customer,
    );
    assert_eq!(p.customer.name, "(unnamed)");
    assert_eq!((p.date.as_deref(), p.valid_until.as_deref()), (None, None));
    let md = export::render(Format::Markdown, &p);
    assert!(md.contains("**Date:** undated"));
    assert!(md.contains("Valid for 30 days from the date of this proposal."));
    let date = "2026-01-31".parse().unwrap();
    let p = Proposal::build(
        &Subject::of_answers(Some("Acme AG"), Some(date), &raw),
        &scope,
        &k,
        Audience::Customer,
    );
    assert_eq!(p.title, "Scoped proposal for Acme AG");
    assert_eq!(p.valid_until.as_deref(), Some("2026-03-02"));
    // Same figures as the session: the proposal never recomputes.
    let (from_session, _, _) = proposal(Audience::Customer);
    assert_eq!(p.bill, from_session.bill);
}

#[test]
fn suggested_file_names_follow_the_session() {
    let s = session();
    assert_eq!(
        export::suggested_file_name(&s, Format::Html, Audience::Customer),
        "proposal-muster-bank-ag-2026-03-14.html"
    );
    assert_eq!(
        export::suggested_file_name(&s, Format::Asciidoc, Audience::Internal),
        "proposal-muster-bank-ag-2026-03-14-internal.adoc"
    );
}

#[test]
fn every_shipped_scenario_exports_to_the_schema_without_internals() {
    let k = match Knowledge::embedded() {
        Ok(k) => k,
        Err(d) => panic!("the shipped knowledge is invalid:\n{d}"),
    };
    let v = validator();
    assert!(!nunki::embedded_files::SCENARIOS.is_empty());
    for (file, text) in nunki::embedded_files::SCENARIOS {
        let source = nunki::knowledge::SourceText {
            origin: (*file).to_string(),
            text: (*text).to_string(),
        };
        let scenario = nunki::scenarios::parse(&source).unwrap();
        let (answers, _) = nunki::engine::check_answers(&k, &scenario.answers);
        let scope = nunki::engine::evaluate(&k, &answers, &scenario.overrides);
        let subject = Subject::of_answers(Some("Scenario AG"), None, &scenario.answers);
        for audience in Audience::ALL {
            let p = Proposal::build(&subject, &scope, &k, audience);
            let json: Value = serde_json::from_str(&export::render(Format::Json, &p)).unwrap();
            let errors: Vec<String> = v.iter_errors(&json).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{file} {audience:?}: {errors:#?}");
            let doc = parse_md(&export::render(Format::Markdown, &p));
            assert!(doc.foreign.is_empty(), "{file}: {:?}", doc.foreign);
            assert_eq!(p.bill.rows.len(), scope.items.len());
        }
        // Approver ids never reach a customer. (Approver names in the
        // rules' prose are the rule authors' wording; the fixture test
        // above checks that the exporter itself adds none.)
        let p = Proposal::build(&subject, &scope, &k, Audience::Customer);
        for format in Format::ALL {
            let out = export::render(format, &p);
            for a in &k.catalog.approvers {
                assert!(
                    !out.contains(&format!("({})", a.id))
                        && !out.contains(&format!("\"{}\"", a.id)),
                    "{file}: the customer {format:?} export names the approver id {:?}",
                    a.id
                );
            }
        }
    }
}
