//! The Word, spreadsheet, CSV and portal-text exports, read back as other
//! programs read them: the .docx converted to PDF by LibreOffice and read by
//! poppler, its parts read from the zip; the .xlsx read by calamine; the CSV
//! by the `csv` crate.

use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, DataType, Reader, Xlsx};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use offerwright::domain::{Answer, Commitment, OfferDocument};
use offerwright::export::{docx, sheet, text};

use crate::pdf::{
    assert_in_order, commitment_words, demo, long_offer, markdown_words, today, words,
};
use crate::support::ok;

/// A part of a zip package (a .docx or .xlsx), as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip package");
    let mut out = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the package"))
        .read_to_string(&mut out)
        .unwrap();
    out
}

/// Converts a .docx to PDF with LibreOffice, in its own profile so that
/// tests may run side by side, and returns the PDF's text in content order
/// and its page count. The PDF is kept as `target/artefacts/docx/{name}.pdf`.
fn docx_text(bytes: &[u8], name: &str) -> (String, usize) {
    // The .docx names Calibri; without its metric-compatible twin,
    // LibreOffice wraps table cells differently and the reading order moves.
    crate::support::require_font("Calibri", "Carlito", "fonts-crosextra-carlito");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("offer.docx");
    std::fs::write(&input, bytes).unwrap();
    let profile = dir.path().join("profile");
    let out = crate::support::tool("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&input)
        .env("HOME", dir.path())
        .output()
        .unwrap_or_else(|e| panic!("cannot run soffice: {e}"));
    let pdf = dir.path().join("offer.pdf");
    assert!(
        out.status.success() && pdf.exists(),
        "LibreOffice could not convert the .docx: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    keep(&pdf, name);
    let text = crate::support::tool("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("run pdftotext (install poppler-utils)");
    let info = crate::support::tool("pdfinfo")
        .arg(&pdf)
        .output()
        .expect("run pdfinfo");
    let pages = String::from_utf8_lossy(&info.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count");
    (String::from_utf8(text.stdout).unwrap(), pages)
}

/// Keeps a converted .docx under `target/artefacts/docx/` for a person to look at.
fn keep(pdf: &Path, name: &str) {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("artefacts/docx");
    std::fs::create_dir_all(&target).unwrap();
    std::fs::copy(pdf, target.join(format!("{name}.pdf"))).unwrap();
}

/// Every word of every question and answer, then of every commitment.
fn expected_words(doc: &OfferDocument) -> Vec<String> {
    let mut expected = Vec::new();
    for q in &doc.tender.questions {
        expected.extend(words(&q.text));
        if let Some(a) = doc.offer.answer(&q.id) {
            expected.extend(markdown_words(&a.text));
        }
    }
    expected.extend(commitment_words(doc));
    expected
}

#[test]
fn the_demo_docx_opens_in_libreoffice_and_reads_back_whole() {
    let doc = demo();
    let bytes = docx::submission(&doc, today()).unwrap();
    let (text, pages) = docx_text(&bytes, "demo");
    let actual = words(&text);
    assert_in_order(&actual, &expected_words(&doc), "answers and commitments");
    // The same sections, in the same order, as the PDF.
    let sections: Vec<String> = words(
        "Social value offer Contents Question 1 Question 2 Commitments Social value summary \
         By theme By commitment",
    );
    assert_in_order(&actual, &sections, "sections");
    // The contract's end as the PDF's cover gives it.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("36 months, 1 April 2027 to 31 March 2030"),
        "{flat}"
    );
    assert!(text.contains(&format!("Page 1 of {pages}")), "{text}");
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    // The contents give the page of each section.
    let line = |start: &str| {
        text.lines()
            .find(|l| l.starts_with(start))
            .map(|l| l.trim_end().to_owned())
            .unwrap_or_default()
    };
    assert!(line("1. Question 1").ends_with('3'), "{text}");
    assert!(line("3. Commitments").ends_with('5'), "{text}");
}

#[test]
fn the_docx_uses_named_word_styles() {
    let bytes = docx::submission(&demo(), today()).unwrap();
    let styles = part(&bytes, "word/styles.xml");
    for (id, name) in [
        ("Normal", "Normal"),
        ("Title", "Title"),
        ("Heading1", "heading 1"),
        ("Heading2", "heading 2"),
        ("Heading3", "heading 3"),
        ("ListParagraph", "List Paragraph"),
        ("Quote", "Quote"),
        (docx::TABLE_STYLE, "Offer Table"),
    ] {
        let at = styles
            .find(&format!("w:styleId=\"{id}\""))
            .unwrap_or_else(|| panic!("no style {id}"));
        assert!(
            styles[at..].contains(&format!("<w:name w:val=\"{name}\"")),
            "style {id} is not named {name}"
        );
    }
    assert!(styles.contains(&format!(
        "w:type=\"table\" w:styleId=\"{}\"",
        docx::TABLE_STYLE
    )));
    let document = part(&bytes, "word/document.xml");
    for style in ["Title", "Heading1", "Heading2", "ListParagraph"] {
        assert!(
            document.contains(&format!("<w:pStyle w:val=\"{style}\"")),
            "no paragraph in {style}"
        );
    }
    assert!(document.contains(&format!("<w:tblStyle w:val=\"{}\"", docx::TABLE_STYLE)));
    // Bold in the answer is a bold run, not a style or markup.
    assert!(document.contains("<w:b />") || document.contains("<w:b/>"));
    assert!(!document.contains("**"));
}

#[test]
fn the_commitments_table_repeats_its_header_on_every_page() {
    let doc = long_offer();
    let bytes = docx::submission(&doc, today()).unwrap();
    let document = part(&bytes, "word/document.xml");
    assert!(document.contains("<w:tblHeader />"));
    let (text, _) = docx_text(&bytes, "long-offer");
    assert_in_order(&words(&text), &expected_words(&doc), "a long offer");
    // Each page the table runs onto opens with its header row.
    let pages: Vec<&str> = text.split('\u{c}').collect();
    let table_pages: Vec<&&str> = pages
        .iter()
        .filter(|p| p.contains("Owner 1") || p.contains("Place "))
        .collect();
    assert!(table_pages.len() >= 3, "the table should span pages");
    for page in table_pages {
        assert!(
            page.contains("KPI and reporting"),
            "a page of the table lacks its header: {page}"
        );
    }
}

/// An offer whose commitments hold what CSV and spreadsheets trip on.
fn awkward_offer() -> OfferDocument {
    let mut doc = demo();
    doc.offer.commitments = vec![
        Commitment {
            id: "c1".to_owned(),
            what: "Meals, \"hot\" and cold,\nfor Bishop Auckland's café – naïve façade ✓"
                .to_owned(),
            quantity: Some(Decimal::new(125050, 2)),
            unit: Some("GBP".to_owned()),
            by: NaiveDate::from_ymd_opt(2027, 3, 31),
            r#where: Some("Durham, Darlington; \"north\"".to_owned()),
            owner: Some("Zoë O'Brien".to_owned()),
            baseline: Some(Decimal::new(10, 0)),
            additional: true,
            ..Commitment::default()
        },
        Commitment {
            id: "c2".to_owned(),
            what: "Apprentices".to_owned(),
            hot_topic: Some(doc.plan.hot_topics[0].id.clone()),
            quantity: Some(Decimal::new(25, 1)),
            unit: Some("people".to_owned()),
            ..Commitment::default()
        },
    ];
    doc
}

#[test]
fn the_xlsx_reads_back_with_numbers_money_and_dates() {
    let doc = awkward_offer();
    let bytes = sheet::xlsx(&doc).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec!["Commitments", "Self-score", "Commitment scores"]
    );
    let rows: Vec<Vec<Data>> = book
        .worksheet_range("Commitments")
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    let heading: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(heading, sheet::COMMITMENT_HEADINGS);
    let col = |name: &str| {
        sheet::COMMITMENT_HEADINGS
            .iter()
            .position(|h| *h == name)
            .unwrap()
    };
    let first = &rows[1];
    assert_eq!(
        first[col("What")],
        Data::String(doc.offer.commitments[0].what.clone())
    );
    assert_eq!(first[col("Quantity")], Data::Float(1250.50));
    assert_eq!(first[col("Unit")], Data::String("GBP".to_owned()));
    assert_eq!(
        first[col("By")].as_datetime().map(|d| d.date()),
        NaiveDate::from_ymd_opt(2027, 3, 31),
        "a date, not text: {:?}",
        first[col("By")]
    );
    assert_eq!(first[col("Owner")], Data::String("Zoë O'Brien".to_owned()));
    assert_eq!(first[col("Baseline")], Data::Float(10.0));
    assert_eq!(first[col("Additional")], Data::Bool(true));
    assert_eq!(rows[2][col("Quantity")], Data::Float(2.5));
    assert_eq!(
        rows[2][col("Hot topic")],
        Data::String(doc.plan.hot_topics[0].title.clone())
    );
    assert_eq!(rows[2][col("By")], Data::Empty);
    // Money in GBP has a currency format.
    assert!(part(&bytes, "xl/styles.xml").contains("formatCode=\"£#,##0.00\""));

    let score: Vec<Vec<Data>> = book
        .worksheet_range("Self-score")
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    let report = offerwright::score::score(&doc);
    assert_eq!(score[0][0], Data::String("Hot topic".to_owned()));
    for (row, t) in score[1..].iter().zip(&report.hot_topics) {
        assert_eq!(row[0], Data::String(t.title.clone()));
        assert_eq!(row[3], Data::Float(f64::from(t.band.number())));
        assert!(matches!(row[5], Data::Float(_)), "marks are a number");
    }

    let scores: Vec<Vec<Data>> = book
        .worksheet_range("Commitment scores")
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    let heading: Vec<String> = scores[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(heading, sheet::COMMITMENT_SCORE_HEADINGS);
    for (row, c) in scores[1..].iter().zip(&report.commitments) {
        assert_eq!(row[0], Data::String(c.id.clone()));
        match c.band {
            Some(b) => assert_eq!(row[5], Data::Float(f64::from(b.number()))),
            None => assert_eq!(row[5], Data::Empty),
        }
        let caps: Vec<&str> = c.caps.iter().map(|k| k.rule.id()).collect();
        for id in caps {
            assert!(row[6].to_string().contains(id), "{id} in {:?}", row[6]);
        }
    }
}

#[test]
fn the_csv_round_trips_through_a_csv_parser() {
    let doc = awkward_offer();
    let bytes = sheet::csv(&doc).unwrap();
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    assert!(text.contains("\r\n"), "RFC 4180 lines end in CRLF");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let heading: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(heading, sheet::COMMITMENT_HEADINGS);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 2);
    let c = &doc.offer.commitments[0];
    let get = |r: &csv::StringRecord, name: &str| {
        r[sheet::COMMITMENT_HEADINGS
            .iter()
            .position(|h| *h == name)
            .unwrap()]
        .to_owned()
    };
    assert_eq!(get(&records[0], "What"), c.what);
    assert_eq!(get(&records[0], "Where"), c.r#where.clone().unwrap());
    assert_eq!(get(&records[0], "Owner"), "Zoë O'Brien");
    assert_eq!(get(&records[0], "Quantity"), "1250.50");
    assert_eq!(get(&records[0], "By"), "2027-03-31");
    assert_eq!(get(&records[0], "Additional"), "yes");
    assert_eq!(get(&records[1], "Quantity"), "2.5");
    assert_eq!(get(&records[1], "By"), "");
}

const MARKDOWN: &str = "## How we will **deliver**\n\n\
We will *recruit* [local people](https://example.org/jobs) through the \
council's __Jobs Hub__, and report `quarterly`.\n\n\
- Training:\n  - *two* apprentices a year\n  - mentoring, with **named** mentors\n\
- Supply chain:\n  1. local growers\n  2. social enterprises\n\n\
> Our promise: _no one left behind_.\n\n\
Contact: <https://example.org>\n";

#[test]
fn portal_text_reads_naturally_without_markup() {
    let plain = text::plain(MARKDOWN);
    assert_eq!(
        plain,
        "How we will deliver\n\n\
         We will recruit local people (https://example.org/jobs) through the council's Jobs Hub, \
         and report quarterly.\n\n\
         - Training:\n  - two apprentices a year\n  - mentoring, with named mentors\n\
         - Supply chain:\n  1. local growers\n  2. social enterprises\n\n\
         Our promise: no one left behind.\n\n\
         Contact: https://example.org"
    );
    for markup in ["**", "__", "`", "[", "](", "> ", "##", "*"] {
        assert!(!plain.contains(markup), "{markup:?} left in {plain}");
    }
}

#[test]
fn portal_text_counts_and_warns_past_the_character_limit() {
    let mut doc = demo();
    doc.tender.questions[0].char_limit = Some(100);
    doc.tender.questions[1].char_limit = Some(2000);
    doc.offer.answers = vec![
        Answer {
            question: doc.tender.questions[0].id.clone(),
            text: MARKDOWN.to_owned(),
        },
        Answer {
            question: doc.tender.questions[1].id.clone(),
            text: "Short **and** sweet.".to_owned(),
        },
    ];
    let answers = text::answers(&doc);
    assert_eq!(answers.len(), 2);
    let first = &answers[0];
    assert_eq!(first.chars as usize, first.text.chars().count());
    assert!(first.chars > 100);
    let warning = first.warning.as_deref().expect("a warning past the limit");
    assert!(
        warning.contains(&format!(
            "{} characters, {} over the 100-character limit",
            first.chars,
            first.chars - 100
        )),
        "{warning}"
    );
    let second = &answers[1];
    assert_eq!(second.text, "Short and sweet.");
    assert_eq!((second.words, second.chars), (3, 16));
    assert_eq!(second.warning, None);
}

#[test]
fn the_command_line_writes_every_export() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["demo"]);
    let out = |name: &str| d.join(name).display().to_string();
    for (kind, file) in [
        ("docx", "offer.docx"),
        ("xlsx", "offer.xlsx"),
        ("csv", "offer.csv"),
    ] {
        let printed = ok(d, &["offer", kind, "1", &out(file)]);
        assert!(printed.contains(&out(file)), "{printed}");
        let bytes = std::fs::read(d.join(file)).unwrap();
        assert!(!bytes.is_empty(), "{file} is empty");
    }
    assert!(
        std::fs::read(d.join("offer.docx"))
            .unwrap()
            .starts_with(b"PK")
    );
    assert!(
        std::fs::read(d.join("offer.xlsx"))
            .unwrap()
            .starts_with(b"PK")
    );

    // Portal text: one file per answer, named after the question, with the
    // counts printed and a warning past the limit.
    let file = d.join("offer.svoffer.json");
    ok(d, &["offer", "export", "1", &file.display().to_string()]);
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    json["tender"]["questions"][0]["char_limit"] = serde_json::json!(50);
    std::fs::write(&file, serde_json::to_vec(&json).unwrap()).unwrap();
    let printed = ok(
        d,
        &["offer", "text", &file.display().to_string(), &out("portal")],
    );
    let first = d.join("portal/01-sv1.txt");
    let body = std::fs::read_to_string(&first).unwrap();
    assert!(body.starts_with("Wear Valley Kitchens"), "{body}");
    assert!(!body.contains("**"));
    assert!(d.join("portal/02-sv2.txt").exists());
    assert!(printed.contains("01-sv1.txt"), "{printed}");
    assert!(printed.contains("characters of 50"), "{printed}");
    assert!(printed.contains("warning:"), "{printed}");
    let json: serde_json::Value = serde_json::from_str(&ok(
        d,
        &[
            "--json",
            "offer",
            "text",
            &file.display().to_string(),
            &out("portal2"),
        ],
    ))
    .unwrap();
    assert_eq!(json[0]["answer"]["char_limit"], 50);
}

#[test]
fn the_docx_tables_break_words_as_the_pdf_does() {
    // Long role names fit their columns whole, as in the PDF; in a table
    // too narrow for its words, Word and LibreOffice hyphenate where the
    // PDF does, at a visible hyphen.
    for (name, doc) in [
        ("long-roles", crate::pdf::long_roles()),
        ("narrow-columns", crate::pdf::narrow_columns()),
    ] {
        let bytes = docx::submission(&doc, today()).unwrap();
        let (text, _) = docx_text(&bytes, name);
        let split = crate::pdf::assert_whole_or_hyphenated(
            &text,
            &crate::pdf::commitment_words(&doc),
            name,
        );
        if name == "long-roles" {
            // Only after a hyphen of their own, as a browser may break.
            assert!(
                split.iter().all(|w| w.contains('-')),
                "{name}: split {split:?}"
            );
        }
    }
}
