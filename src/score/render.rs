//! The report as plain text: for the terminal, and for the review PDF.
//!
//! Every line says what it means in words a first-time bidder can act on;
//! bands have their number and word, checks their letter and a tick or a
//! cross, and every figure that uses a proxy value points to its source.

#[cfg(test)]
use super::report::Check;
use super::report::{BandSource, FixKind, Report};
use super::value::INNOVATION_LINE;
use super::{one_place, text::short};
use crate::domain::OfferDocument;
use crate::money::{gbp, quantity, round};

/// The width the text is wrapped to.
const WIDTH: usize = 80;

/// Wraps `text` to [`WIDTH`], the first line after `first`, the others
/// after `rest`.
fn wrap(out: &mut String, text: &str, first: &str, rest: &str) {
    let mut line = first.to_owned();
    let mut empty = true;
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if !empty && len + 1 + word.chars().count() > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = rest.to_owned();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// Pads `text` with spaces to `width` characters.
fn pad(text: &str, width: usize) -> String {
    let len = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(len)))
}

/// Pads `text` on the left to `width` characters.
fn pad_left(text: &str, width: usize) -> String {
    let len = text.chars().count();
    format!("{}{text}", " ".repeat(width.saturating_sub(len)))
}

/// A reason inside a sentence: its first letter in lower case, unless it
/// starts an abbreviation ("KPI").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

/// The report as text, for people. `doc` is the document that was scored
/// (for its names and titles).
pub fn render_text(report: &Report, doc: &OfferDocument) -> String {
    let mut out = String::new();
    let OfferDocument {
        plan,
        tender,
        offer,
    } = doc;

    out.push_str(&format!("Self-score: {}\n", offer.bidder.name));
    wrap(
        &mut out,
        &format!(
            "{}, {}, reference {}",
            tender.title, tender.buyer, tender.reference
        ),
        "Tender: ",
        "  ",
    );
    wrap(
        &mut out,
        &format!("{}, {}", plan.title, plan.issuer),
        "Scored against: ",
        "  ",
    );
    out.push('\n');

    // Headline.
    out.push_str(&format!(
        "Projected social value marks: {}\n",
        report.projected_marks_text
    ));
    let weighting = quantity(report.weighting);
    let hot_marks = report
        .hot_topics
        .iter()
        .fold(rust_decimal::Decimal::ZERO, |sum, t| sum + t.marks);
    let mut headline = format!(
        "Social value is {weighting}% of this tender's marks, so {weighting} is the most you can get here. Your hot topics give {}",
        one_place(hot_marks)
    );
    if report.innovation.credit.is_zero() {
        headline.push_str(" and innovation none.");
    } else {
        headline.push_str(&format!(
            " and innovation {}.",
            one_place(report.innovation.marks)
        ));
    }
    if report.capped {
        headline.push_str(" Together they reach the most there is, so the marks stop there.");
    }
    wrap(&mut out, &headline, "  ", "  ");

    // Hot topics.
    out.push_str("\nHot topics\n");
    wrap(
        &mut out,
        "Bands: 0 No response, 1 Poor, 2 Weak, 3 Satisfactory, 4 Good, 5 Excellent. Share: the hot topic's part of the marks. Set by: the commitment that earns the band (a mention in your answers earns band 1).",
        "  ",
        "  ",
    );
    if report.hot_topics.is_empty() {
        out.push_str("  The plan has no hot topics: only innovation credit counts.\n");
    } else {
        hot_topic_table(&mut out, report);
    }

    // Innovation.
    out.push_str("\nInnovation\n");
    let inn = &report.innovation;
    let text = if inn.commitments.is_empty() {
        format!(
            "No innovation credit yet. A commitment outside the hot topics that is measurable, dated, owned and monitored (M, T, O and K) earns {:.2} of the score, up to {:.2} in all.",
            inn.each, inn.cap
        )
    } else {
        let capped = if inn.credit < inn.each * rust_decimal::Decimal::from(inn.commitments.len()) {
            format!(" (the cap: {} qualify)", inn.commitments.len())
        } else {
            String::new()
        };
        format!(
            "{} earn{} {:.2} of the score{capped}, worth {} marks. Each commitment outside the hot topics that is measurable, dated, owned and monitored earns {:.2}, up to {:.2} in all.",
            inn.commitments.join(", "),
            if inn.commitments.len() == 1 { "s" } else { "" },
            round(inn.credit, 2),
            one_place(inn.marks),
            inn.each,
            inn.cap
        )
    };
    wrap(&mut out, &text, "  ", "  ");

    commitments(&mut out, report, doc);
    answers(&mut out, report);

    // Flags.
    out.push_str("\nFlags\n");
    if report.flags.is_empty() && report.hot_topics.iter().all(|t| t.held_by.is_empty()) {
        wrap(
            &mut out,
            "None: every commitment is in proportion to the contract and to your team, and no hot topic is held back.",
            "  ",
            "  ",
        );
    }
    for t in &report.hot_topics {
        for hold in &t.held_by {
            wrap(
                &mut out,
                &format!("{}: {} ({}).", t.title, hold.reason, hold.rule.id()),
                "  ! Held at band 2: ",
                "    ",
            );
        }
    }
    for flag in &report.flags {
        wrap(&mut out, &format!("{}.", flag.message), "  ! ", "    ");
    }

    fixes(&mut out, report);
    social_value(&mut out, report, doc);

    out.push_str("\nAbout this score\n");
    wrap(&mut out, &report.disclaimer, "  ", "  ");
    out
}

fn hot_topic_table(out: &mut String, report: &Report) {
    const TITLE: usize = 42;
    let rows: Vec<[String; 5]> = report
        .hot_topics
        .iter()
        .map(|t| {
            let set_by = match t.source {
                BandSource::Commitment => t.set_by.clone().unwrap_or_default(),
                BandSource::Mentioned => "a mention".to_owned(),
                BandSource::OnlyNotCredible => "none credible".to_owned(),
                BandSource::Nothing => "nothing".to_owned(),
            };
            [
                short(&t.title, TITLE),
                crate::money::percent(t.share, rust_decimal::Decimal::ONE),
                t.band.label(),
                format!("{} of {}", one_place(t.marks), one_place(t.max_marks)),
                set_by,
            ]
        })
        .collect();
    let header = ["Hot topic", "Share", "Band", "Marks", "Set by"];
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 5]| {
        format!(
            "  {}  {}  {}  {}  {}",
            pad(cells[0], widths[0]),
            pad_left(cells[1], widths[1]),
            pad(cells[2], widths[2]),
            pad(cells[3], widths[3]),
            cells[4]
        )
        .trim_end()
        .to_owned()
    };
    out.push_str(&line(header));
    out.push('\n');
    for row in &rows {
        out.push_str(&line([&row[0], &row[1], &row[2], &row[3], &row[4]]));
        out.push('\n');
    }
}

fn commitments(out: &mut String, report: &Report, doc: &OfferDocument) {
    out.push_str("\nCommitments\n");
    if report.commitments.is_empty() {
        out.push_str("  None yet: add a commitment for each hot topic you can deliver.\n");
        return;
    }
    wrap(
        out,
        "Checks: M measurable, T time-bound, L local, O owned (an owner), K monitored (a KPI and reporting), E evidenced, A additional. \u{2713} passes, \u{2717} fails.",
        "  ",
        "  ",
    );
    let plan = &doc.plan;
    for (c, score) in doc.offer.commitments.iter().zip(&report.commitments) {
        out.push_str(&format!("\n  {}  {}\n", c.id, short(&c.what, 68)));
        let topic = score
            .hot_topic
            .as_deref()
            .and_then(|t| plan.hot_topic(t))
            .map_or(INNOVATION_LINE.to_owned(), |t| {
                format!("Hot topic: {}", t.title)
            });
        let topic = match (&score.filed_under, &score.hot_topic) {
            (Some(f), Some(h)) if f != h => {
                let filed = plan.hot_topic(f).map_or(f.as_str(), |t| t.title.as_str());
                format!("{topic} (filed under {filed}, where its measure is not listed)")
            }
            _ => topic,
        };
        out.push_str(&format!("      {topic}\n"));
        let ticks: Vec<String> = score
            .checks
            .iter()
            .map(|r| {
                format!(
                    "{} {}",
                    r.check.letter(),
                    if r.passed { '\u{2713}' } else { '\u{2717}' }
                )
            })
            .collect();
        out.push_str(&format!(
            "      {}   ({} of 7)\n",
            ticks.join("  "),
            score.passed
        ));
        wrap(out, &format!("{}.", score.band_reason), "      ", "      ");
        for r in score.checks.iter().filter(|r| !r.passed) {
            wrap(
                out,
                &format!("{}.", lower_first(&r.reason)),
                &format!("      {} {}: ", r.check.letter(), r.check.name()),
                "        ",
            );
        }
        for h in &score.hedges {
            let field = match &h.place {
                super::Place::Commitment { field, .. } => match field {
                    super::Field::How => "how",
                    _ => "what",
                },
                super::Place::Answer { .. } => "answer",
            };
            let effect = if h.counts_for_band {
                "a hedged promise stops at band 2"
            } else {
                "vague wording, a warning only"
            };
            wrap(
                out,
                &format!("\"{}\" in {field} ({effect}): \"{}\"", h.phrase, h.excerpt),
                "      Hedged: ",
                "        ",
            );
        }
        if let Some(v) = score.value {
            let flag = if score.credible {
                ""
            } else {
                ", out of proportion to the contract"
            };
            let source = report
                .social_value
                .commitments
                .iter()
                .find(|cv| cv.commitment == score.id)
                .and_then(|cv| {
                    report
                        .social_value
                        .sources
                        .iter()
                        .position(|s| *s == cv.proxy_source)
                })
                .map_or(String::new(), |i| format!(" [{}]", i + 1));
            out.push_str(&format!(
                "      Worth {} at the buyer's proxy value{source}{flag}\n",
                gbp(v)
            ));
        }
    }
}

fn answers(out: &mut String, report: &Report) {
    out.push_str("\nAnswers\n");
    if report.answers.is_empty() {
        out.push_str("  The tender has no social value questions.\n");
    }
    for a in &report.answers {
        let words = match a.word_limit {
            Some(l) => format!(
                "{} of {} words",
                quantity(a.words.into()),
                quantity(l.into())
            ),
            None => format!("{} words (no limit)", quantity(a.words.into())),
        };
        let state = if a.errors.is_empty() && a.word_limit.is_some() {
            ": within the limit"
        } else {
            ""
        };
        out.push_str(&format!("  {}  {words}{state}\n", a.question));
        let indent = " ".repeat(a.question.chars().count() + 4);
        for e in &a.errors {
            wrap(
                out,
                &format!("{}.", lower_first(e)),
                &format!("{indent}Error: "),
                &format!("{indent}  "),
            );
        }
        for h in &a.hedges {
            let text = format!(
                "\"{}\" sounds like a promise but is not one: say what you will do. \"{}\"",
                h.phrase, h.excerpt
            );
            wrap(
                out,
                &text,
                &format!("{indent}Warning: "),
                &format!("{indent}  "),
            );
        }
    }
}

fn fixes(out: &mut String, report: &Report) {
    out.push_str("\nWhat to fix first\n");
    let (first, later): (Vec<_>, Vec<_>) = report
        .fixes
        .iter()
        .partition(|f| f.kind.is_text_error() || !f.gain.is_zero());
    if first.is_empty() {
        out.push_str("  Nothing that would raise the projected marks.\n");
    }
    for (n, fix) in first.iter().enumerate() {
        let number = format!("{:>4}. ", n + 1);
        wrap(out, &fix.text, &format!("  {number}"), "        ");
    }
    if first.iter().any(|f| f.kind == FixKind::MissingHotTopic) {
        wrap(
            out,
            "A new commitment with a quantity, a date in the contract, an owner and a KPI with its reporting reaches band 3; the local place, evidence and a firm promise take it higher.",
            "  ",
            "  ",
        );
    }
    if !later.is_empty() {
        out.push_str("\n  Also worth doing (no marks on their own, but evaluators notice):\n");
        for fix in later {
            wrap(out, &fix.action, "     - ", "       ");
        }
    }
}

fn social_value(out: &mut String, report: &Report, doc: &OfferDocument) {
    let sv = &report.social_value;
    out.push_str("\nSocial value in GBP, at the buyer's proxy values\n");
    let Some(total) = sv.total else {
        wrap(
            out,
            "No figure: no commitment has both a quantity and a measure with a proxy value in this plan.",
            "  ",
            "  ",
        );
        return;
    };
    let source = |s: &str| {
        sv.sources
            .iter()
            .position(|x| x == s)
            .map_or(String::new(), |i| format!("[{}]", i + 1))
    };
    let sources = |list: &[String]| list.iter().map(|s| source(s)).collect::<Vec<_>>().join("");
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for v in &sv.commitments {
        let flag = if v.credible {
            ""
        } else {
            " (out of proportion)"
        };
        rows.push((
            format!(
                "{}  {} {} x {}{flag}",
                v.commitment,
                quantity(v.quantity),
                v.unit,
                gbp(v.proxy_value)
            ),
            gbp(v.value),
            source(&v.proxy_source),
        ));
    }
    let split = rows.len();
    for t in &sv.themes {
        rows.push((short(&t.name, 50), gbp(t.value), sources(&t.sources)));
    }
    rows.push(("Total".to_owned(), gbp(total), sources(&sv.sources)));
    let left = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let right = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    for (i, (label, figure, src)) in rows.iter().enumerate() {
        if i == split {
            out.push('\n');
        }
        out.push_str(&format!(
            "  {}  {}  {src}\n",
            pad(label, left),
            pad_left(figure, right)
        ));
    }
    if let Some(ratio) = &sv.ratio_text {
        out.push_str(&format!(
            "  {ratio} of the contract value ({})\n",
            gbp(doc.tender.contract_value)
        ));
    }
    if !sv.not_credible.is_zero() {
        wrap(
            out,
            &format!(
                "The total includes {} from commitments flagged as out of proportion: evaluators are likely to discount it.",
                gbp(sv.not_credible)
            ),
            "  ",
            "  ",
        );
    }
    out.push('\n');
    wrap(
        out,
        &format!(
            "The proxy values (GBP per unit) are the buyer's, from the plan on a page of {}:",
            doc.plan.issuer
        ),
        "  ",
        "  ",
    );
    for (i, s) in sv.sources.iter().enumerate() {
        wrap(out, s, &format!("  [{}] ", i + 1), "      ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_whole() {
        let mut out = String::new();
        let text = "word ".repeat(30);
        wrap(&mut out, &text, "  - ", "    ");
        for line in out.lines() {
            assert!(line.chars().count() <= WIDTH, "{line:?}");
        }
        assert!(out.starts_with("  - word"));
        assert!(
            out.lines()
                .nth(1)
                .is_some_and(|l| l.starts_with("    word"))
        );
    }

    #[test]
    fn percentages_drop_trailing_zeros() {
        assert_eq!(
            crate::money::percent(rust_decimal::Decimal::new(2, 1), rust_decimal::Decimal::ONE),
            "20%"
        );
        assert_eq!(
            crate::money::percent(
                rust_decimal::Decimal::new(142857, 6),
                rust_decimal::Decimal::ONE
            ),
            "14.3%"
        );
    }

    #[test]
    fn checks_have_letters() {
        let letters: String = Check::ALL.iter().map(|c| c.letter()).collect();
        assert_eq!(letters, "MTLOKEA");
    }
}
