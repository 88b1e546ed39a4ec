//! The PDF exports, read back as a person's tools read them: poppler's
//! `pdftotext` (words, in order, and where they sit), `pdffonts` (embedded
//! and subset) and `pdfinfo`. The demo's pages are rendered with `pdftoppm`
//! into `target/artefacts/pdf/` for a person to look at.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use offerwright::domain::{Answer, Commitment, HotTopic, OfferDocument, Plan, Source, Theme};
use offerwright::export::pdf::{self, PdfError};
use offerwright::files;
use offerwright::money::{gbp, quantity, uk_date};
use offerwright::samples;
use offerwright::score;

/// The margin every page keeps, in points (20 mm).
const MARGIN: f64 = 20.0 * 72.0 / 25.4;

pub(crate) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
}

fn plan(name: &str) -> Plan {
    let (_, text) = samples::SAMPLE_PLANS
        .iter()
        .find(|(n, _)| n.starts_with(name))
        .expect("sample plan");
    files::read_plan(text.as_bytes()).expect("sample plan reads")
}

pub(crate) fn demo() -> OfferDocument {
    OfferDocument {
        plan: plan("durham"),
        tender: samples::demo_tender(),
        offer: samples::demo_offer(),
    }
}

/// A PDF on disk for poppler to read; the temporary folder lives as long.
struct OnDisk {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

fn on_disk(bytes: &[u8]) -> OnDisk {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, bytes).unwrap();
    OnDisk { _dir: dir, path }
}

fn run(tool: &str, args: &[&str], file: &Path) -> String {
    let out = crate::support::tool(tool)
        .args(args)
        .arg(file)
        .args(if tool == "pdftotext" {
            vec!["-"]
        } else {
            vec![]
        })
        .output()
        .unwrap_or_else(|e| panic!("cannot run {tool} (install poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The text in content order.
fn text(pdf: &OnDisk) -> String {
    run("pdftotext", &["-raw", "-enc", "UTF-8"], &pdf.path)
}

fn page_text(pdf: &OnDisk, page: usize) -> String {
    let p = page.to_string();
    run(
        "pdftotext",
        &["-raw", "-enc", "UTF-8", "-f", &p, "-l", &p],
        &pdf.path,
    )
}

fn pages(pdf: &OnDisk) -> usize {
    run("pdfinfo", &[], &pdf.path)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count")
}

fn info(pdf: &OnDisk) -> String {
    run("pdfinfo", &[], &pdf.path)
}

/// A word as compared: punctuation at either end dropped.
fn norm(word: &str) -> Option<String> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    (!w.is_empty()).then(|| w.to_owned())
}

pub(crate) fn words(text: &str) -> Vec<String> {
    text.split_whitespace().filter_map(norm).collect()
}

/// Asserts that `expected` occurs in `actual` in order (other words may lie
/// between, such as repeated table headers and footers).
pub(crate) fn assert_in_order(actual: &[String], expected: &[String], what: &str) {
    let mut at = 0;
    for (i, word) in expected.iter().enumerate() {
        match actual[at..].iter().position(|w| w == word) {
            Some(p) => at += p + 1,
            None => panic!(
                "{what}: word {i} {word:?} is missing or out of order; it follows {:?}",
                &expected[i.saturating_sub(8)..i]
            ),
        }
    }
}

/// The words a reader sees in an answer's Markdown.
pub(crate) fn markdown_words(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut text = String::new();
    for event in Parser::new(md) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => text.push(' '),
            _ => {}
        }
    }
    words(&text)
}

/// The words of the commitments table, row by row, cell by cell.
pub(crate) fn commitment_words(doc: &OfferDocument) -> Vec<String> {
    let mut out = String::new();
    for c in &doc.offer.commitments {
        out.push_str(&format!("{} ", c.what));
        if let Some(t) = c.hot_topic.as_deref().and_then(|t| doc.plan.hot_topic(t)) {
            out.push_str(&format!("Hot topic: {} ", t.title));
        }
        if let Some(q) = c.quantity {
            let unit = c.unit.clone().or_else(|| {
                c.measure
                    .as_deref()
                    .and_then(|m| doc.plan.measure(m))
                    .map(|m| m.unit.clone())
            });
            match unit.as_deref() {
                Some("GBP") => out.push_str(&format!("{} ", gbp(q))),
                u => out.push_str(&format!("{} {} ", quantity(q), u.unwrap_or(""))),
            }
        }
        for field in [
            c.by.map(uk_date),
            c.r#where.clone(),
            c.beneficiaries.clone(),
            c.owner.clone(),
            c.kpi.clone(),
            c.reporting.clone(),
        ]
        .into_iter()
        .flatten()
        {
            out.push_str(&field);
            out.push(' ');
        }
    }
    words(&out)
}

/// Every word of every answer, under its question, then every cell.
fn assert_all_words(pdf: &OnDisk, doc: &OfferDocument) {
    let actual = words(&text(pdf));
    let mut expected = Vec::new();
    for q in &doc.tender.questions {
        expected.extend(words(&q.text));
        if let Some(a) = doc.offer.answer(&q.id) {
            expected.extend(markdown_words(&a.text));
        }
    }
    expected.extend(commitment_words(doc));
    assert_in_order(&actual, &expected, "answers and commitments");
}

/// A word on a page and its box, in points from the top-left corner.
#[derive(Debug)]
struct Word {
    page: usize,
    text: String,
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

fn attr(tag: &str, name: &str) -> f64 {
    let key = format!("{name}=\"");
    let start = tag.find(&key).expect("attribute") + key.len();
    let end = tag[start..].find('"').expect("closing quote") + start;
    tag[start..end].parse().expect("a number")
}

fn boxes(pdf: &OnDisk) -> (Vec<(f64, f64)>, Vec<Word>) {
    let html = run("pdftotext", &["-bbox", "-enc", "UTF-8"], &pdf.path);
    let mut sizes = Vec::new();
    let mut out = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            sizes.push((attr(line, "width"), attr(line, "height")));
        } else if line.starts_with("<word ") {
            let text = line
                .split_once('>')
                .and_then(|(_, rest)| rest.rsplit_once("</word>"))
                .map(|(t, _)| t.to_owned())
                .unwrap_or_default();
            out.push(Word {
                page: sizes.len(),
                text,
                x0: attr(line, "xMin"),
                y0: attr(line, "yMin"),
                x1: attr(line, "xMax"),
                y1: attr(line, "yMax"),
            });
        }
    }
    (sizes, out)
}

/// No word lies outside the margins, and no two words overlap.
fn assert_inside_margins_and_apart(pdf: &OnDisk) {
    let (sizes, words) = boxes(pdf);
    assert!(!words.is_empty(), "no text at all");
    let tol = 0.5;
    for w in &words {
        let (width, height) = sizes[w.page - 1];
        assert!(
            w.x0 >= MARGIN - tol
                && w.x1 <= width - MARGIN + tol
                && w.y0 >= MARGIN - tol
                && w.y1 <= height - MARGIN + tol,
            "{:?} on page {} lies outside the 20 mm margins: {w:?}",
            w.text,
            w.page
        );
    }
    for page in 1..=sizes.len() {
        let on: Vec<&Word> = words.iter().filter(|w| w.page == page).collect();
        for (i, a) in on.iter().enumerate() {
            for b in &on[i + 1..] {
                // Boxes include ascent and descent: allow a hairline of contact.
                let overlap_x = a.x0.max(b.x0) < a.x1.min(b.x1) - 0.6;
                let overlap_y = a.y0.max(b.y0) < a.y1.min(b.y1) - 1.5;
                assert!(
                    !(overlap_x && overlap_y),
                    "page {page}: {a:?} overlaps {b:?}"
                );
            }
        }
    }
}

/// Embedded, subset, with a Unicode map.
fn assert_fonts_embedded_and_subset(pdf: &OnDisk) {
    let out = run("pdffonts", &[], &pdf.path);
    let fonts: Vec<&str> = out.lines().skip(2).collect();
    assert!(!fonts.is_empty(), "no fonts:\n{out}");
    for line in fonts {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let n = cols.len();
        assert!(
            n >= 7 && cols[n - 5] == "yes" && cols[n - 4] == "yes" && cols[n - 3] == "yes",
            "font not embedded, subset and mapped: {line}"
        );
        assert!(cols[0].contains("+Carlito"), "unexpected font: {line}");
    }
}

/// "Page N of M" on every page, with the reference and the bidder.
fn assert_footers(pdf: &OnDisk, reference: &str, bidder: &str) -> usize {
    let n = pages(pdf);
    for page in 1..=n {
        let text = page_text(pdf, page);
        assert!(
            text.contains(&format!("Page {page} of {n}")),
            "page {page} lacks \"Page {page} of {n}\":\n{text}"
        );
        assert!(
            text.contains(&format!("{reference} \u{2013} {bidder}")),
            "page {page} lacks the footer's reference and bidder"
        );
    }
    n
}

/// `target/artefacts/pdf/`.
fn pdf_artefacts() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("artefacts/pdf")
}

/// Renders every page to PNG under `target/artefacts/pdf/` for a person.
fn keep_pages(pdf: &OnDisk, name: &str) {
    let target = pdf_artefacts();
    std::fs::create_dir_all(&target).unwrap();
    // Pages of an earlier, longer run would mislead whoever looks.
    for entry in std::fs::read_dir(&target).unwrap().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&format!("{name}-")) && file.ends_with(".png") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    std::fs::copy(&pdf.path, target.join(format!("{name}.pdf"))).unwrap();
    let out = crate::support::tool("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(&pdf.path)
        .arg(target.join(name))
        .output()
        .expect("run pdftoppm (install poppler-utils)");
    assert!(out.status.success(), "pdftoppm failed");
}

#[test]
fn the_demo_submission_reads_back_whole_and_tidy() {
    let doc = demo();
    let pdf = on_disk(&pdf::submission(&doc, today()).unwrap());
    assert_all_words(&pdf, &doc);
    assert_inside_margins_and_apart(&pdf);
    assert_fonts_embedded_and_subset(&pdf);
    assert_footers(&pdf, "DCC-2026-0142", "Wear Valley Kitchens CIC");
    keep_pages(&pdf, "demo-submission");

    let all = text(&pdf);
    // The cover.
    for fact in [
        "School meals, primary schools",
        "DCC-2026-0142",
        "Durham County Council (sample)",
        "Wear Valley Kitchens CIC",
        "21 November 2026",
    ] {
        assert!(all.contains(fact), "the cover lacks {fact:?}");
    }
    // One end for the contract: its last day, as the Delivery tab says.
    let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Contract period 36 months, 1 April 2027 to 31 March 2030"),
        "{flat}"
    );
    // The contents, with page numbers.
    let contents = page_text(&pdf, 2);
    assert!(contents.contains("Contents"));
    assert!(contents.contains("3. Commitments"));
    // The social value summary, from the score's exact figures.
    let sv = score::score(&doc).social_value;
    let total = sv.total.expect("the demo has proxy values");
    assert!(all.contains(&gbp(total)), "no total {}", gbp(total));
    assert!(all.contains(sv.ratio_text.as_deref().unwrap()));
    assert!(all.contains("illustrative value for this sample"));
    // Nothing internal.
    for internal in [
        "Self-score",
        "self-score",
        "projected",
        "What to fix",
        "Band",
    ] {
        assert!(!all.contains(internal), "the submission shows {internal:?}");
    }
    // Metadata.
    let info = info(&pdf);
    assert!(info.contains("Title:           School meals, primary schools: social value offer"));
    assert!(info.contains("Author:          Wear Valley Kitchens CIC"));
    assert!(info.contains("Subject:         Social value offer to Durham County Council"));
    assert!(info.contains("CreationDate:    Sat Nov 21 00:00:00 2026"));
    assert!(info.contains("Page size:       595.276 x 841.89 pts (A4)"));
}

#[test]
fn the_review_copy_adds_the_self_score() {
    let doc = demo();
    let report = score::score(&doc);
    let pdf = on_disk(&pdf::review(&doc, today()).unwrap());
    assert_all_words(&pdf, &doc);
    assert_inside_margins_and_apart(&pdf);
    assert_fonts_embedded_and_subset(&pdf);
    assert_footers(&pdf, "DCC-2026-0142", "Wear Valley Kitchens CIC");
    keep_pages(&pdf, "demo-review");
    let actual = words(&text(&pdf));
    let all = text(&pdf);
    assert!(all.contains("Internal review copy"));
    assert!(all.contains(&report.projected_marks_text));
    let mut expected = Vec::new();
    for t in &report.hot_topics {
        expected.extend(words(&t.title));
        expected.extend(words(&t.band.label()));
    }
    for f in &report.fixes {
        expected.extend(words(&f.text));
    }
    assert_in_order(&actual, &expected, "bands and fixes");
}

#[test]
fn the_durham_sample_plan_fits_one_page() {
    for name in ["durham", "uk-social"] {
        let plan = plan(name);
        let pdf = on_disk(&pdf::plan_on_a_page(&plan).unwrap());
        assert_eq!(pages(&pdf), 1, "{name}");
        assert_inside_margins_and_apart(&pdf);
        assert_fonts_embedded_and_subset(&pdf);
        let actual = words(&text(&pdf));
        let mut expected = words(&plan.title);
        for theme in &plan.themes {
            expected.extend(words(&theme.name));
            for o in &theme.outcomes {
                expected.extend(words(o));
            }
        }
        assert_in_order(&actual, &expected, name);
        for t in &plan.hot_topics {
            assert_in_order(&actual, &words(&t.title), &t.title);
        }
        if name == "durham" {
            keep_pages(&pdf, "durham-plan-on-a-page");
            let all = text(&pdf);
            assert!(all.contains("20 of 100"), "weights as a share of 100");
            assert!(all.contains("Durham Social Value Taskforce report"));
        }
    }
}

const FILLER: &[&str] = &[
    "local",
    "people",
    "training",
    "kitchen",
    "apprentices",
    "schools",
    "suppliers",
    "growers",
    "carbon",
    "waste",
    "volunteers",
    "families",
    "community",
    "county",
    "delivery",
    "monitor",
    "quarterly",
    "evidence",
    "contract",
    "young",
];

fn sentence(n: usize, len: usize) -> String {
    let mut words: Vec<String> = (0..len)
        .map(|i| FILLER[(n * 7 + i * 3) % FILLER.len()].to_owned())
        .collect();
    words[0] = format!("S{n}");
    words.join(" ") + "."
}

/// A plan with `topics` hot topics, each with a description of ~25 words.
fn big_plan(topics: usize) -> Plan {
    let mut plan = plan("durham");
    plan.hot_topics = (0..topics)
        .map(|i| HotTopic {
            id: format!("topic-{i}"),
            theme: plan.themes[i % plan.themes.len()].id.clone(),
            title: format!("Hot topic {i}: {}", sentence(i, 5).trim_end_matches('.')),
            description: Some(sentence(i + 100, 25)),
            weight: Decimal::from(1 + i % 5),
            place_based: i % 2 == 0,
            measures: Vec::new(),
            examples: Vec::new(),
        })
        .collect();
    plan.themes = plan
        .themes
        .iter()
        .map(|t| Theme {
            outcomes: (0..3).map(|i| sentence(i + 200, 9)).collect(),
            ..t.clone()
        })
        .collect();
    plan.source = Some(Source {
        name: "A test plan".to_owned(),
        licence: None,
    });
    plan
}

#[test]
fn a_plan_of_twelve_hot_topics_fits_one_page() {
    let plan = big_plan(12);
    let pdf = on_disk(&pdf::plan_on_a_page(&plan).unwrap());
    assert_eq!(pages(&pdf), 1);
    assert_inside_margins_and_apart(&pdf);
    keep_pages(&pdf, "plan-of-twelve");
    let actual = words(&text(&pdf));
    for t in &plan.hot_topics {
        assert_in_order(&actual, &words(&t.title), &t.title);
        assert_in_order(&actual, &words(t.description.as_deref().unwrap()), &t.title);
    }
}

#[test]
fn a_plan_of_sixty_hot_topics_is_refused_not_spilled() {
    let err = pdf::plan_on_a_page(&big_plan(60)).unwrap_err();
    assert!(matches!(err, PdfError::TooMuchText(_)), "{err:?}");
    let message = err.to_string();
    assert!(
        message.starts_with("this plan has too much text for one A4 page even at 7 pt: "),
        "{message}"
    );
    assert!(message.contains("60 hot topics"), "{message}");
}

/// An offer with a 3,000-word answer (paragraphs, bold, lists) and 60
/// commitments.
pub(crate) fn long_offer() -> OfferDocument {
    let mut doc = demo();
    let mut md = String::new();
    let mut n = 0;
    let mut words = 0;
    while words < 3000 {
        match n % 5 {
            3 => {
                for _ in 0..3 {
                    md.push_str(&format!("- {}\n", sentence(n, 12)));
                    n += 1;
                    words += 12;
                }
                md.push('\n');
            }
            4 => {
                for i in 1..=2 {
                    md.push_str(&format!(
                        "{i}. **{}** {}\n",
                        sentence(n, 3),
                        sentence(n + 1, 10)
                    ));
                    n += 2;
                    words += 13;
                }
                md.push('\n');
            }
            _ => {
                let para: Vec<String> = (0..5).map(|k| sentence(n + k, 14)).collect();
                md.push_str(&para.join(" "));
                md.push_str("\n\n");
                n += 5;
                words += 70;
            }
        }
        n += 1;
    }
    doc.tender.questions[0].word_limit = Some(3500);
    doc.offer.answers = vec![
        Answer {
            question: "sv1".to_owned(),
            text: md,
        },
        Answer {
            question: "sv2".to_owned(),
            text: "We will report **quarterly** to the contract manager.".to_owned(),
        },
    ];
    let topics: Vec<String> = doc.plan.hot_topics.iter().map(|t| t.id.clone()).collect();
    doc.offer.commitments = (0..60)
        .map(|i| Commitment {
            id: format!("c{i}"),
            hot_topic: Some(topics[i % topics.len()].clone()),
            what: format!("Commitment {i}: {}", sentence(i + 300, 4 + i % 9)),
            quantity: Some(Decimal::from(i + 1)),
            unit: Some("people".to_owned()),
            by: NaiveDate::from_ymd_opt(2027 + (i % 3) as i32, 1 + (i % 12) as u32, 15),
            r#where: Some(format!("Place {i}, County Durham")),
            beneficiaries: Some(sentence(i + 400, 2 + i % 4)),
            owner: Some(format!("Owner {i}")),
            kpi: Some(sentence(i + 500, 3 + i % 10)),
            reporting: Some("quarterly".to_owned()),
            additional: true,
            ..Commitment::default()
        })
        .collect();
    doc
}

#[test]
fn a_long_offer_lays_out_across_pages() {
    let doc = long_offer();
    let answer_words = markdown_words(&doc.offer.answers[0].text).len();
    assert!(answer_words >= 3000, "{answer_words} words");
    let pdf = on_disk(&pdf::submission(&doc, today()).unwrap());
    assert_all_words(&pdf, &doc);
    assert_inside_margins_and_apart(&pdf);
    assert_fonts_embedded_and_subset(&pdf);
    let n = assert_footers(&pdf, "DCC-2026-0142", "Wear Valley Kitchens CIC");
    assert!(n >= 10, "only {n} pages");
    keep_pages(&pdf, "long-offer");
    // The table's header row repeats on every page the table runs onto.
    let mut table_pages = 0;
    for page in 1..=n {
        let text = page_text(&pdf, page);
        if (0..60).any(|i| text.contains(&format!("Commitment {i}:"))) {
            table_pages += 1;
            assert!(
                text.contains("KPI and reporting") && text.contains("Where and for whom"),
                "page {page} continues the table without its header"
            );
        }
    }
    assert!(table_pages >= 3, "60 commitments on {table_pages} pages");
}

#[test]
fn a_failed_export_leaves_the_existing_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.pdf");
    std::fs::write(&path, b"the previous PDF").unwrap();
    let err = pdf::write_plan_on_a_page(&big_plan(60), &path).unwrap_err();
    assert!(matches!(err, PdfError::TooMuchText(_)));
    assert_eq!(std::fs::read(&path).unwrap(), b"the previous PDF");

    // A folder that does not exist: refused, nothing created.
    let missing = dir.path().join("no such folder/offer.pdf");
    let err = pdf::write_submission(&demo(), today(), &missing).unwrap_err();
    assert!(matches!(err, PdfError::Write { .. }), "{err:?}");
    assert!(err.to_string().contains("no such folder"), "{err}");
    assert!(!missing.exists());

    // Success replaces the old file whole and leaves no temporary file.
    pdf::write_plan_on_a_page(&plan("durham"), &path).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("plan.pdf")]);
}

#[test]
fn odd_text_is_kept_or_replaced_never_lost_or_crashing() {
    let mut doc = demo();
    doc.offer.answers[0].text = format!(
        "A word far too long for any line: {}\n\nTabs\tand emoji \u{1F600} and \u{4E2D}\u{6587}, \
         > a quote\n\n```\ncode line\n```\n\n<b>html</b> and [a link](https://example.org).\n\n\
         * * *\n\n# A heading\n\n1. one\n   - nested\n2. two",
        "x".repeat(400)
    );
    doc.offer.commitments[0].what = "y".repeat(300);
    // Titles and questions far longer than anyone should write.
    doc.tender.title = sentence(1, 330);
    doc.tender.questions[1].text = (0..400)
        .map(|i| sentence(i, 12))
        .collect::<Vec<_>>()
        .join(" ");
    doc.offer.commitments[1].what = (0..60)
        .map(|i| sentence(i, 10))
        .collect::<Vec<_>>()
        .join(" ");
    doc.plan.hot_topics[0].title = sentence(7, 120);
    let review = on_disk(&pdf::review(&doc, today()).unwrap());
    assert_inside_margins_and_apart(&review);
    assert_footers(&review, "DCC-2026-0142", "Wear Valley Kitchens CIC");
    let pdf = on_disk(&pdf::submission(&doc, today()).unwrap());
    assert_inside_margins_and_apart(&pdf);
    assert_in_order(
        &words(&text(&pdf)),
        &words(&doc.tender.questions[1].text),
        "a question of 4,800 words",
    );
    let all = text(&pdf);
    // Emoji and Chinese are not in the font: each prints as a white
    // square, never as a question mark, and the places are listed first.
    assert!(!all.contains("emoji ? and"), "an emoji printed as ?");
    assert!(
        all.contains("emoji \u{25A1} and \u{25A1}\u{25A1}"),
        "no white squares:\n{all}"
    );
    let unprintable = pdf::unprintable(&doc);
    assert_eq!(unprintable.len(), 1, "{unprintable:?}");
    assert_eq!(unprintable[0].place, "sv1");
    assert_eq!(unprintable[0].count, 3);
    assert_eq!(unprintable[0].characters, "\u{1F600}\u{4E2D}\u{6587}");
    assert_eq!(
        unprintable[0].message,
        "3 characters in sv1 cannot be printed in the PDF: \u{1F600} \u{4E2D} \u{6587} (each \
         shows as \u{25A1} in it; the Word file keeps them)"
    );
    assert!(pdf::unprintable(&demo()).is_empty());
    for kept in [
        "Tabs",
        "emoji",
        "quote",
        "code line",
        "html",
        "https://example.org",
        "heading",
        "nested",
    ] {
        assert!(all.contains(kept), "lost {kept:?}");
    }
}

#[test]
fn the_command_line_writes_the_pdfs() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let offer_file = dir.path().join("demo.svoffer.json");
    std::fs::write(&offer_file, files::write_offer(&demo())).unwrap();
    let cli = |args: &[&str]| {
        let out = Command::new(crate::support::cli_binary())
            .arg("--data-dir")
            .arg(data.path())
            .args(args)
            .env_remove("OFFERWRIGHT_DATA_DIR")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let sub = dir.path().join("offer.pdf");
    let rev = dir.path().join("review.pdf");
    let page = dir.path().join("plan.pdf");
    let said = cli(&[
        "offer",
        "pdf",
        offer_file.to_str().unwrap(),
        sub.to_str().unwrap(),
    ]);
    assert!(said.contains(sub.to_str().unwrap()), "{said}");
    let said = cli(&[
        "offer",
        "pdf",
        offer_file.to_str().unwrap(),
        rev.to_str().unwrap(),
        "--review",
    ]);
    assert!(
        said.contains("review") && said.contains(rev.to_str().unwrap()),
        "{said}"
    );
    let said = cli(&["plan", "pdf", "durham-sample", page.to_str().unwrap()]);
    assert!(said.contains(page.to_str().unwrap()), "{said}");
    for file in [&sub, &rev, &page] {
        assert!(std::fs::read(file).unwrap().starts_with(b"%PDF-"));
    }
    let review_text = text(&OnDisk {
        _dir: tempfile::tempdir().unwrap(),
        path: rev.clone(),
    });
    assert!(review_text.contains("Self-score report"));

    // What the font cannot print is said before anyone sends the PDF.
    let mut odd = demo();
    odd.offer.commitments[0].owner = Some("Jo \u{1F600} Bloggs".to_owned());
    std::fs::write(&offer_file, files::write_offer(&odd)).unwrap();
    let out = Command::new(crate::support::cli_binary())
        .arg("--data-dir")
        .arg(data.path())
        .args([
            "offer",
            "pdf",
            offer_file.to_str().unwrap(),
            sub.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let warned = String::from_utf8_lossy(&out.stderr);
    assert!(
        warned.contains("warning: 1 character in c1 cannot be printed in the PDF: \u{1F600}"),
        "{warned}"
    );
    let said = cli(&["offer", "score", offer_file.to_str().unwrap()]);
    assert!(
        said.contains("1 character in c1 cannot be printed"),
        "{said}"
    );
    // The plan on a page says so too, and has no Word file to mention.
    let mut odd_plan = plan("durham");
    odd_plan.hot_topics[0].title.push_str(" \u{1F331}");
    let plan_file = dir.path().join("odd.svplan.json");
    std::fs::write(&plan_file, files::write_plan(&odd_plan)).unwrap();
    let out = Command::new(crate::support::cli_binary())
        .arg("--data-dir")
        .arg(data.path())
        .args([
            "plan",
            "pdf",
            plan_file.to_str().unwrap(),
            page.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let warned = String::from_utf8_lossy(&out.stderr);
    assert!(
        warned.contains(
            "warning: 1 character in the plan cannot be printed in the PDF: \u{1F331} (it shows \
             as \u{25A1} in it)\n"
        ),
        "{warned}"
    );
}

#[test]
fn every_pdf_names_what_it_cannot_print() {
    let mut doc = demo();
    doc.plan.hot_topics[1].title.push_str(" \u{2764}\u{FE0F}");
    assert_eq!(pdf::unprintable_plan(&doc.plan).len(), 1);
    assert_eq!(pdf::unprintable_plan(&doc.plan)[0].place, "the plan");
    // A progress report: the offer's places, then each period's records.
    let delivery = offerwright::domain::Delivery {
        awarded_on: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
        start: NaiveDate::from_ymd_opt(2027, 4, 1).unwrap(),
        reporting: offerwright::domain::Frequency::Quarterly,
        records: vec![offerwright::domain::DeliveryRecord {
            commitment: "c1".to_owned(),
            period: 2,
            achieved: Decimal::ONE,
            note: Some("Hired \u{1F44D}".to_owned()),
            evidence: Vec::new(),
            recorded_by: "Jo".to_owned(),
            recorded_at: "2027-10-01T09:00:00+01:00".to_owned(),
        }],
    };
    let places: Vec<String> = pdf::unprintable_progress(&doc, &delivery)
        .into_iter()
        .map(|u| u.place)
        .collect();
    assert_eq!(places, ["the plan", "the records of period 2"]);
    // Each prints as a white square.
    let text = text(&on_disk(&pdf::plan_on_a_page(&doc.plan).unwrap()));
    assert!(text.contains("\u{25A1}"), "{text}");
    assert!(!text.contains('?'), "{text}");
}

/// The words of a PDF's text in content order, each with the forms a reader
/// may meet it in: whole, or split across two lines at a visible hyphen
/// ("Procure-" then "ment"), joined again without and with the hyphen.
/// The second list holds every join made.
fn words_with_joins(all: &str) -> (Vec<Vec<String>>, Vec<String>) {
    let tokens: Vec<&str> = all.split_whitespace().collect();
    let mut out = Vec::new();
    let mut joins = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let mut forms: Vec<String> = norm(token).into_iter().collect();
        // A word cut more than once (longer than any column) continues
        // over several lines, each ending in a hyphen.
        let (mut joined, mut kept, mut at) = (token.to_string(), token.to_string(), i);
        while joined.ends_with('-') && joined.len() > 1 && at + 1 < tokens.len() {
            at += 1;
            joined.pop();
            joined.push_str(tokens[at]);
            kept.push_str(tokens[at]);
            forms.extend(norm(&joined));
            forms.extend(norm(&kept));
            joins.push(joined.clone());
        }
        if !forms.is_empty() {
            out.push(forms);
        }
    }
    (out, joins)
}

/// Every word of `expected`, in order, is in a PDF's text (`pdftotext
/// -raw`) whole or split at a visible hyphen; gives the words found only
/// split.
pub(crate) fn assert_whole_or_hyphenated(
    text: &str,
    expected: &[String],
    what: &str,
) -> Vec<String> {
    let (actual, _) = words_with_joins(text);
    let mut at = 0;
    let mut split = Vec::new();
    for (i, word) in expected.iter().enumerate() {
        match actual[at..].iter().position(|forms| forms.contains(word)) {
            Some(p) => {
                if actual[at + p][0] != *word {
                    split.push(word.clone());
                }
                at += p + 1;
            }
            None => panic!(
                "{what}: word {i} {word:?} is missing, split without a hyphen, or out of \
                 order; it follows {:?}",
                &expected[i.saturating_sub(8)..i]
            ),
        }
    }
    split
}

/// Long role names, places and KPIs, as a real offer of 60 commitments has.
pub(crate) fn long_roles() -> OfferDocument {
    const OWNERS: [&str; 6] = [
        "Procurement and Supply Chain Manager",
        "Apprenticeship Coordinator",
        "Partnerships Lead",
        "Community Engagement and Volunteering Officer",
        "Environmental Sustainability Manager",
        "Head of Employability",
    ];
    let mut doc = long_offer();
    for (i, c) in doc.offer.commitments.iter_mut().enumerate() {
        c.owner = Some(OWNERS[i % OWNERS.len()].to_owned());
        c.r#where = Some(format!(
            "Spennymoor, Newton Aycliffe and Bishop Auckland, {}",
            ["County Durham", "Northumberland", "Gateshead"][i % 3]
        ));
        c.kpi = Some(format!(
            "Number of {} (quarterly monitoring return)",
            [
                "apprenticeships started",
                "placements",
                "Safeguarding-accredited volunteers"
            ][i % 3]
        ));
    }
    doc
}

/// A table that cannot fit: every cell one long word, so that the columns'
/// longest words together are wider than the page at the smallest type.
pub(crate) fn narrow_columns() -> OfferDocument {
    let mut doc = demo();
    let long = [
        "Electroencephalographically",
        "Antidisestablishmentarianism",
        "Counterrevolutionaries",
        "Incomprehensibilities",
        "Uncharacteristically",
        "Internationalisation",
    ];
    for (i, c) in doc.offer.commitments.iter_mut().enumerate() {
        c.what = format!("{} {}", long[i % 6], long[(i + 1) % 6]);
        c.r#where = Some(long[(i + 2) % 6].to_owned());
        c.beneficiaries = Some(long[(i + 3) % 6].to_owned());
        c.owner = Some(long[(i + 4) % 6].to_owned());
        c.kpi = Some(long[(i + 5) % 6].to_owned());
        c.reporting = Some("Superintendentships".to_owned());
        c.unit = Some("Institutionalisations".to_owned());
    }
    doc
}

/// The words a reader sees in the review copy's tables: the bands per hot
/// topic and the fixes.
fn review_words(doc: &OfferDocument) -> Vec<String> {
    let report = score::score(doc);
    let mut out = Vec::new();
    for t in &report.hot_topics {
        out.extend(words(&t.title));
        out.extend(words(&t.band.label()));
    }
    for f in &report.fixes {
        out.extend(words(&f.text));
    }
    out
}

#[test]
fn every_table_cell_reads_back_in_whole_words() {
    // Columns sized by their content: nothing needs a hyphen.
    for (name, doc) in [
        ("demo", demo()),
        ("long-roles", long_roles()),
        ("long-offer", long_offer()),
    ] {
        for (kind, bytes) in [
            ("submission", pdf::submission(&doc, today()).unwrap()),
            ("review", pdf::review(&doc, today()).unwrap()),
        ] {
            let pdf = on_disk(&bytes);
            let what = format!("{name} {kind}");
            let split = assert_whole_or_hyphenated(
                &text(&pdf),
                &commitment_words(&doc),
                &format!("{what}: commitments"),
            );
            assert!(
                split.is_empty(),
                "{what}: words split in the commitments table: {split:?}"
            );
            if kind == "review" {
                let split = assert_whole_or_hyphenated(&text(&pdf), &review_words(&doc), &what);
                assert!(
                    split.is_empty(),
                    "{what}: words split in the review's tables: {split:?}"
                );
            }
            assert_inside_margins_and_apart(&pdf);
            if name == "long-roles" {
                keep_pages(&pdf, &format!("{name}-{kind}"));
                // The offer itself, to print with another version.
                std::fs::write(
                    Path::new(&pdf_artefacts()).join("long-roles.svoffer.json"),
                    files::write_offer(&doc),
                )
                .unwrap();
            }
        }
    }
    // Too many long words for the page: the type shrinks, then words are
    // hyphenated where the patterns allow, each split once.
    let doc = narrow_columns();
    let pdf = on_disk(&pdf::submission(&doc, today()).unwrap());
    let split = assert_whole_or_hyphenated(&text(&pdf), &commitment_words(&doc), "narrow columns");
    assert!(
        !split.is_empty(),
        "the stress case needed no hyphen: it stresses nothing"
    );
    let (_, joins) = words_with_joins(&text(&pdf));
    for join in &joins {
        assert!(
            join.matches('-').count() == 0,
            "{join:?} was split more than once"
        );
    }
    assert_inside_margins_and_apart(&pdf);
    keep_pages(&pdf, "narrow-columns");
}
