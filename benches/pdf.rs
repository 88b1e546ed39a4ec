//! Exporting a 20-page offer as the submission PDF: layout, font subsetting
//! and writing, in memory. Goal: under 100 ms median. The same offer as a
//! Word file and as a spreadsheet, for comparison.
//!
//! With headless Chromium at hand (`OFFERWRIGHT_CHROMIUM`, or `chromium` on
//! the path), the same content as an HTML page (the answers and the
//! commitments table, A4 with 20 mm margins, in Carlito) is printed to PDF
//! by Chromium in the same run, and the ratio of the two medians printed:
//! the goal is at least 40 times faster. `scripts/bench-pdf.sh` installs
//! Chromium and runs it.
//!
//! Run: `cargo bench --bench pdf`.

use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;

use offerwright::domain::{Answer, Commitment, OfferDocument};
use offerwright::export::{docx, pdf, sheet};
use offerwright::files;
use offerwright::samples;

const WORDS: &[&str] = &[
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
    "we",
    "will",
    "and",
    "the",
];

fn sentence(n: usize, len: usize) -> String {
    let words: Vec<&str> = (0..len)
        .map(|i| WORDS[(n * 7 + i * 3) % WORDS.len()])
        .collect();
    let mut s = words.join(" ");
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s + "."
}

/// The demo offer grown to 20 pages: a 3,000-word answer with bold and
/// lists, and 96 commitments.
fn twenty_pages() -> OfferDocument {
    let (_, plan) = samples::SAMPLE_PLANS[0];
    let plan = files::read_plan(plan.as_bytes()).expect("the sample plan");
    let mut doc = OfferDocument {
        plan,
        tender: samples::demo_tender(),
        offer: samples::demo_offer(),
    };
    let mut md = String::new();
    for n in 0..40 {
        if n % 4 == 3 {
            for k in 0..3 {
                md.push_str(&format!(
                    "- **{}** {}\n",
                    sentence(n + k, 2),
                    sentence(n, 12)
                ));
            }
            md.push('\n');
        } else {
            let para: Vec<String> = (0..5).map(|k| sentence(n * 5 + k, 15)).collect();
            md.push_str(&para.join(" "));
            md.push_str("\n\n");
        }
    }
    doc.offer.answers[0] = Answer {
        question: "sv1".to_owned(),
        text: md,
    };
    let topics: Vec<String> = doc.plan.hot_topics.iter().map(|t| t.id.clone()).collect();
    doc.offer.commitments = (0..96)
        .map(|i| Commitment {
            id: format!("c{i}"),
            hot_topic: Some(topics[i % topics.len()].clone()),
            what: sentence(i + 300, 8 + i % 6),
            quantity: Some(Decimal::from(i + 1)),
            unit: Some("people".to_owned()),
            by: NaiveDate::from_ymd_opt(2028, 1 + (i % 12) as u32, 15),
            r#where: Some("Bishop Auckland, County Durham".to_owned()),
            beneficiaries: Some(sentence(i + 400, 4)),
            owner: Some("Operations Manager".to_owned()),
            kpi: Some(sentence(i + 500, 8)),
            reporting: Some("quarterly".to_owned()),
            additional: true,
            ..Commitment::default()
        })
        .collect();
    doc
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The offer's answers and commitments table as one HTML page, for a
/// browser to print: the content of the submission PDF, in the same type.
fn html(doc: &OfferDocument) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::from(
        "<!doctype html><html lang=\"en-GB\"><meta charset=\"utf-8\"><style>\
         @page { size: A4; margin: 20mm } body { font: 10.5pt/15pt Carlito, sans-serif }\
         table { width: 100%; border-collapse: collapse; font-size: 8.5pt; line-height: 11pt }\
         th { background: #ebf2f2; text-align: left } td, th { padding: 3.5pt 4pt }\
         thead { display: table-header-group } tr { break-inside: avoid }</style><body>",
    );
    out.push_str(&format!("<h1>{}</h1>", escape(&doc.tender.title)));
    for q in &doc.tender.questions {
        out.push_str(&format!("<h2>{}</h2>", escape(&q.text)));
        let Some(a) = doc.offer.answer(&q.id) else {
            continue;
        };
        for event in Parser::new(&a.text) {
            out.push_str(&match event {
                Event::Start(Tag::Paragraph) => "<p>".to_owned(),
                Event::End(TagEnd::Paragraph) => "</p>".to_owned(),
                Event::Start(Tag::List(_)) => "<ul>".to_owned(),
                Event::End(TagEnd::List(_)) => "</ul>".to_owned(),
                Event::Start(Tag::Item) => "<li>".to_owned(),
                Event::End(TagEnd::Item) => "</li>".to_owned(),
                Event::Start(Tag::Strong) => "<b>".to_owned(),
                Event::End(TagEnd::Strong) => "</b>".to_owned(),
                Event::Text(t) => escape(&t),
                Event::SoftBreak => " ".to_owned(),
                _ => String::new(),
            });
        }
    }
    out.push_str("<h2>Commitments</h2><table><thead><tr>");
    for title in [
        "No.",
        "Commitment",
        "Quantity",
        "By",
        "Where and for whom",
        "Owner",
        "KPI and reporting",
    ] {
        out.push_str(&format!("<th>{title}</th>"));
    }
    out.push_str("</tr></thead><tbody>");
    for (i, c) in doc.offer.commitments.iter().enumerate() {
        let cells = [
            (i + 1).to_string(),
            c.what.clone(),
            c.quantity
                .map(|q| format!("{q} people"))
                .unwrap_or_default(),
            c.by.map(|d| d.format("%-d %B %Y").to_string())
                .unwrap_or_default(),
            format!(
                "{}; for {}",
                c.r#where.clone().unwrap_or_default(),
                c.beneficiaries.clone().unwrap_or_default()
            ),
            c.owner.clone().unwrap_or_default(),
            format!(
                "{}. Reported {}.",
                c.kpi.clone().unwrap_or_default(),
                c.reporting.clone().unwrap_or_default()
            ),
        ];
        out.push_str("<tr>");
        for cell in cells {
            out.push_str(&format!("<td>{}</td>", escape(&cell)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></body></html>");
    out
}

/// The page objects of a PDF: "/Type/Page" (or "/Type /Page") not followed
/// by "s" (that is the page tree).
fn pages(pdf: &[u8]) -> usize {
    [&b"/Type/Page"[..], &b"/Type /Page"[..]]
        .iter()
        .map(|key| {
            pdf.windows(key.len() + 1)
                .filter(|w| w.starts_with(key) && w[key.len()] != b's')
                .count()
        })
        .sum()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// Headless Chromium, if it is at hand.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("OFFERWRIGHT_CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Prints the medians of Offerwright and of headless Chromium making the
/// PDF of the same content, and their ratio.
fn against_chromium(doc: &OfferDocument, today: NaiveDate) {
    let Some(chromium) = chromium() else {
        eprintln!("no headless Chromium (set OFFERWRIGHT_CHROMIUM): no comparison made");
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let page = dir.path().join("offer.html");
    std::fs::write(&page, html(doc)).expect("the HTML page");
    let out = dir.path().join("chromium.pdf");
    let print = || {
        let start = Instant::now();
        let status = Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-pdf-header-footer",
            ])
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .arg(format!("--print-to-pdf={}", out.display()))
            .arg(&page)
            .output()
            .expect("run Chromium");
        assert!(status.status.success(), "Chromium failed: {status:?}");
        start.elapsed()
    };
    print(); // The first start fills the profile and the font cache.
    let theirs = median((0..5).map(|_| print()).collect());
    for _ in 0..5 {
        black_box(pdf::submission(doc, today).expect("the PDF"));
    }
    let ours = median(
        (0..51)
            .map(|_| {
                let start = Instant::now();
                black_box(pdf::submission(doc, today).expect("the PDF"));
                start.elapsed()
            })
            .collect(),
    );
    let pages = std::fs::read(&out).map(|b| pages(&b)).unwrap_or(0);
    // Both side by side, for a person to compare.
    let keep = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target folder")
        .join("artefacts/pdf");
    if std::fs::create_dir_all(&keep).is_ok() {
        let _ = std::fs::copy(&out, keep.join("bench-chromium.pdf"));
        if let Ok(bytes) = pdf::submission(doc, today) {
            let _ = std::fs::write(keep.join("bench-offerwright.pdf"), bytes);
        }
    }
    eprintln!(
        "the same content: Offerwright {:.1} ms, headless Chromium {:.0} ms ({pages} pages): \
         {:.0} times faster",
        ours.as_secs_f64() * 1e3,
        theirs.as_secs_f64() * 1e3,
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
}

fn bench(c: &mut Criterion) {
    let doc = twenty_pages();
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).expect("a date");
    // The first PDF of a process also reads the font's widths and kerning
    // pairs and the hyphenation patterns, once.
    let start = Instant::now();
    black_box(pdf::submission(&doc, today).expect("the PDF"));
    let cold = start.elapsed();
    let start = Instant::now();
    black_box(pdf::submission(&doc, today).expect("the PDF"));
    eprintln!(
        "the first PDF of a process: {:.1} ms; the second: {:.1} ms",
        cold.as_secs_f64() * 1e3,
        start.elapsed().as_secs_f64() * 1e3
    );
    against_chromium(&doc, today);
    let bytes = pdf::submission(&doc, today).expect("the PDF");
    let pages = pages(&bytes);
    eprintln!("the benchmark offer: {} bytes, {pages} pages", bytes.len());
    c.bench_function("submission PDF of a 20-page offer", |b| {
        b.iter(|| pdf::submission(black_box(&doc), today).expect("the PDF"))
    });
    c.bench_function("submission Word file of a 20-page offer", |b| {
        b.iter(|| docx::submission(black_box(&doc), today).expect("the Word file"))
    });
    c.bench_function("spreadsheet of 96 commitments", |b| {
        b.iter(|| sheet::xlsx(black_box(&doc)).expect("the spreadsheet"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
