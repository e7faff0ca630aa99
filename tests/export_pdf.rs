//! `nunki export --format pdf` through the real binary, the PDF read back
//! with lopdf: its text (customer, items, totals as the Markdown writes
//! them), its pages (A4, a footer and a number on each), its fonts (all
//! embedded), and the same bytes for the same session.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use lopdf::{Document, Object};
use serde_json::Value;
use tempfile::TempDir;

const CUSTOMER: &str = "Müller & Söhne Privatbank AG";

/// A session from the regulated-finance template, in `home`.
fn session(home: &Path, customer: &str) {
    common::run_ok(
        common::nunki(home)
            .args(["new", "--customer", customer, "--contact", "Anna Zürcher"])
            .args(["--template", "regulated_finance_openshift"]),
    );
}

/// `nunki export --session <customer's first word> ARGS` to stdout.
fn export(home: &Path, args: &[&str]) -> Vec<u8> {
    let out = common::run_ok(
        common::nunki(home)
            .args(["export", "--session", "mueller"])
            .args(args),
    );
    out.stdout
}

/// `nunki export … -o FILE`, the file's bytes.
fn export_file(home: &Path, name: &str, args: &[&str]) -> Vec<u8> {
    let path = home.join(name);
    common::run_ok(
        common::nunki(home)
            .args(["export", "--session", "mueller", "-o"])
            .arg(&path)
            .args(args),
    );
    std::fs::read(&path).unwrap()
}

/// Each page's text as lopdf extracts it, its lines joined by spaces.
fn page_texts(pdf: &[u8]) -> Vec<String> {
    let doc = Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .keys()
        .map(|&n| {
            let text = doc.extract_text(&[n]).unwrap();
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// The bold amounts of the Markdown bill's total row: monthly, one-time.
fn markdown_totals(md: &str) -> (String, String) {
    let row = md
        .lines()
        .find(|l| l.starts_with("| **Total** |"))
        .expect("the Markdown bill has a total row");
    let bold: Vec<String> = row
        .split('|')
        .map(str::trim)
        .filter(|c| c.starts_with("**") && *c != "**Total**")
        .map(|c| c.trim_matches('*').to_string())
        .collect();
    assert_eq!(bold.len(), 2, "{row}");
    (bold[0].clone(), bold[1].clone())
}

fn name<'a>(dict: &'a lopdf::Dictionary, key: &[u8]) -> &'a [u8] {
    dict.get(key).and_then(Object::as_name).unwrap_or_default()
}

#[test]
fn the_pdf_holds_the_customer_every_item_and_the_totals_as_the_markdown_writes_them() {
    let home = TempDir::new().unwrap();
    session(home.path(), CUSTOMER);
    let pdf = export_file(home.path(), "p.pdf", &["--format", "pdf"]);
    assert!(pdf.starts_with(b"%PDF-"));
    let text = page_texts(&pdf).join(" ");

    assert!(text.contains(CUSTOMER), "{text}");
    assert!(text.contains("Anna Zürcher"));
    let json: Value = serde_json::from_slice(&export(home.path(), &["--format", "json"])).unwrap();
    let rows = json["bill"]["rows"].as_array().unwrap();
    assert!(rows.len() > 5, "a realistic scope");
    for row in rows {
        let component = row["component"].as_str().unwrap();
        assert!(text.contains(component), "the PDF lacks {component:?}");
    }
    let md = String::from_utf8(export(home.path(), &["--format", "md"])).unwrap();
    let (monthly, one_time) = markdown_totals(&md);
    assert!(
        monthly.contains('\''),
        "grouped with an apostrophe: {monthly}"
    );
    for total in [&monthly, &one_time] {
        assert!(
            text.contains(total.as_str()),
            "the PDF lacks the total {total}"
        );
    }
    // The amounts keep the ASCII apostrophe, as in every other format.
    assert!(
        !text.contains('\u{2019}'),
        "a typographic apostrophe crept in"
    );
    // Every section of the Markdown is a heading of the PDF.
    for heading in md.lines().filter_map(|l| l.strip_prefix("## ")) {
        assert!(
            text.contains(heading),
            "the PDF lacks the section {heading:?}"
        );
    }
}

#[test]
fn every_page_is_a4_and_every_font_is_embedded_with_its_unicode_map() {
    let home = TempDir::new().unwrap();
    session(home.path(), CUSTOMER);
    let pdf = export_file(home.path(), "p.pdf", &["--format", "pdf"]);
    let doc = Document::load_mem(&pdf).unwrap();
    let pages = doc.get_pages();
    assert!(pages.len() > 2);
    for id in pages.values() {
        let page = doc.get_dictionary(*id).unwrap();
        let media: Vec<f32> = page
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .unwrap()
            .iter()
            .map(|o| o.as_float().unwrap())
            .collect();
        assert_eq!(media.len(), 4);
        assert!(media[0].abs() < 0.01 && media[1].abs() < 0.01);
        assert!((media[2] - 595.28).abs() < 0.5, "width {}", media[2]);
        assert!((media[3] - 841.89).abs() < 0.5, "height {}", media[3]);
    }

    let mut fonts = 0;
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if name(dict, b"Type") != b"Font" || name(dict, b"Subtype") != b"Type0" {
            continue;
        }
        fonts += 1;
        assert_eq!(name(dict, b"Encoding"), b"Identity-H");
        assert!(dict.get(b"ToUnicode").is_ok(), "a font without ToUnicode");
        let descendant = dict
            .get(b"DescendantFonts")
            .and_then(Object::as_array)
            .unwrap()[0]
            .as_reference()
            .unwrap();
        let cid = doc.get_dictionary(descendant).unwrap();
        assert_eq!(name(cid, b"Subtype"), b"CIDFontType2");
        let descriptor = doc
            .get_dictionary(cid.get(b"FontDescriptor").unwrap().as_reference().unwrap())
            .unwrap();
        let file = descriptor
            .get(b"FontFile2")
            .unwrap()
            .as_reference()
            .unwrap();
        let stream = doc.get_object(file).unwrap().as_stream().unwrap();
        assert!(
            stream.decompressed_content().unwrap().len() > 1000,
            "the embedded font file is empty"
        );
    }
    // Every font a page uses is one of those checked above.
    for id in pages.values() {
        for (_, font) in doc.get_page_fonts(*id).unwrap() {
            assert_eq!(name(font, b"Subtype"), b"Type0");
        }
    }
    assert_eq!(fonts, 2, "regular and bold");
}

#[test]
fn the_same_session_gives_the_same_bytes() {
    let home = TempDir::new().unwrap();
    session(home.path(), CUSTOMER);
    let a = export_file(home.path(), "a.pdf", &["--format", "pdf"]);
    let b = export_file(home.path(), "b.pdf", &[]);
    assert!(a == b, "two exports of one session differ");
    // Written to stdout, it is the same file.
    assert!(export(home.path(), &["--format", "pdf"]) == a);
    // No clock in it.
    let text = String::from_utf8_lossy(&a);
    assert!(!text.contains("/CreationDate") && !text.contains("/ModDate"));
}

#[test]
fn every_page_carries_its_number_the_customer_and_the_validity() {
    let home = TempDir::new().unwrap();
    session(home.path(), CUSTOMER);
    let md = String::from_utf8(export(home.path(), &["--format", "md"])).unwrap();
    let valid = md
        .lines()
        .find_map(|l| l.strip_prefix("- **Valid until:** "))
        .expect("the Markdown names the validity");
    for audience in ["customer", "internal"] {
        let pdf = export(home.path(), &["--format", "pdf", "--audience", audience]);
        let pages = page_texts(&pdf);
        let n = pages.len();
        assert!(n > 2);
        for (i, text) in pages.iter().enumerate() {
            let number = format!("Page {} of {n}", i + 1);
            assert!(text.contains(&number), "{audience} page {}: {text}", i + 1);
            let footer = format!("{CUSTOMER} · Valid until {valid}");
            assert!(text.contains(&footer), "{audience} page {}: {text}", i + 1);
        }
    }
}

#[test]
fn the_internal_audience_adds_its_section_and_the_customer_never_sees_it() {
    let home = TempDir::new().unwrap();
    session(home.path(), CUSTOMER);
    let customer = page_texts(&export(home.path(), &["--format", "pdf"])).join(" ");
    let internal_pdf = export_file(
        home.path(),
        "internal.pdf",
        &["--format", "pdf", "--audience", "internal"],
    );
    let internal = page_texts(&internal_pdf).join(" ");
    let banner = "Internal: approvers, rules and notes. Do not send this version to the customer.";
    assert!(internal.contains(banner));
    assert!(internal.contains("Knowledge version"));
    assert!(internal.contains("Trace"));
    assert!(!customer.contains(banner));
    assert!(!customer.contains("Knowledge version"));
    // The file name says which audience it is for.
    let listing = common::nunki(home.path())
        .args(["export", "--session", "mueller", "--format", "pdf"])
        .args(["--audience", "internal", "-o"])
        .arg(home.path().join("x.pdf"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&listing.stderr).contains("(pdf, internal audience)"),
        "{}",
        String::from_utf8_lossy(&listing.stderr)
    );
}

#[test]
fn characters_the_font_lacks_are_drawn_by_a_fallback_and_extracted_as_written() {
    let home = TempDir::new().unwrap();
    let customer = "Müller ✓ 株式会社 Ελλάδα";
    session(home.path(), customer);
    let pdf = export(home.path(), &["--format", "pdf"]);
    let text = page_texts(&pdf).join(" ");
    assert!(text.contains(customer), "{}", &text[..200.min(text.len())]);
}

#[test]
fn the_extension_chooses_pdf_and_an_unwritable_target_is_left_alone() {
    let home = TempDir::new().unwrap();
    session(home.path(), CUSTOMER);
    let pdf = export_file(home.path(), "by-extension.pdf", &[]);
    assert!(pdf.starts_with(b"%PDF-"));
    // A directory is refused with exit code 3 and stays a directory.
    let dir = home.path().join("dir.pdf");
    std::fs::create_dir(&dir).unwrap();
    let out = common::nunki(home.path())
        .args(["export", "--session", "mueller", "-o"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(dir.is_dir());
}

#[test]
fn a_name_too_long_for_the_footer_is_shortened_and_the_validity_kept() {
    let home = TempDir::new().unwrap();
    let customer = format!("Müller {}AG", "und Partner ".repeat(12));
    session(home.path(), &customer);
    let pages = page_texts(&export(home.path(), &["--format", "pdf"]));
    let n = pages.len();
    for (i, text) in pages.iter().enumerate() {
        assert!(text.contains("… · Valid until "), "page {}: {text}", i + 1);
        assert!(text.contains(&format!("Page {} of {n}", i + 1)));
    }
    // The cover still names the customer in full.
    assert!(pages[0].contains(customer.trim()));
}
