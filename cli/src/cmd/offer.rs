//! `offerwright offer`: list, show, import, export, delete, the self-score
//! and every export.

use std::path::PathBuf;

use anyhow::{Result, anyhow};
use clap::Subcommand;

use offerwright::domain::OfferDocument;
use offerwright::export::{self};
use offerwright::files::{self};
use offerwright::money::{quantity, uk_date};
use offerwright::ops;
use offerwright::ops::exports::Export;
use offerwright::score;
use offerwright::store::{self, offers};

use crate::{Ctx, load_offer};

#[derive(Subcommand)]
pub(crate) enum OfferCommand {
    /// List the offers in the store.
    List,
    /// Show an offer from the store (by id) or from an offer file.
    Show {
        /// An offer id, or the path of a .svoffer.json file.
        offer: String,
    },
    /// Import an offer file (with its plan and tender) into the store.
    Import {
        /// The .svoffer.json file.
        file: PathBuf,
    },
    /// Self-score an offer (from the store by id, or from an offer file):
    /// bands per hot topic, projected marks, and what to fix first.
    Score {
        /// An offer id, or the path of a .svoffer.json file (read without opening the store).
        offer: String,
    },
    /// Write a stored offer, with its plan and tender, to an offer file.
    Export {
        /// The offer's id.
        id: i64,
        /// The file to write (.svoffer.json).
        out: PathBuf,
    },
    /// Delete an offer. A won offer is refused unless --force is given.
    Delete {
        /// The offer's id.
        id: i64,
        /// Delete a won offer too, with its contract and every delivery
        /// figure (the store is backed up first).
        #[arg(long)]
        force: bool,
    },
    /// Find your social value: the interview for an offer's plan
    /// (--questions), or the draft commitments an answers file makes, added
    /// to the stored offer (--answers).
    Discover {
        /// An offer id (or, with --questions, the path of a .svoffer.json file).
        offer: String,
        /// Print the interview: each question's id, kind and wording.
        #[arg(long, conflicts_with = "answers", required_unless_present = "answers")]
        questions: bool,
        /// An answers file, {"answers": {"<question id>": value}}: adds the
        /// drafts it makes to the offer and prints them.
        #[arg(long)]
        answers: Option<PathBuf>,
    },
    /// Write an offer (from the store or an offer file) as a tender-ready PDF.
    Pdf {
        /// An offer id, or the path of a .svoffer.json file.
        offer: String,
        /// The PDF file to write.
        out: PathBuf,
        /// Write the internal review copy, with the self-score report.
        #[arg(long)]
        review: bool,
    },
    /// Write an offer's submission as a Word file (.docx), in Word styles.
    Docx {
        /// An offer id, or the path of a .svoffer.json file.
        offer: String,
        /// The .docx file to write.
        out: PathBuf,
    },
    /// Write an offer's commitments, and its self-score per hot topic, as a
    /// spreadsheet (.xlsx).
    Xlsx {
        /// An offer id, or the path of a .svoffer.json file.
        offer: String,
        /// The .xlsx file to write.
        out: PathBuf,
    },
    /// Write an offer's commitments as CSV (UTF-8).
    Csv {
        /// An offer id, or the path of a .svoffer.json file.
        offer: String,
        /// The .csv file to write.
        out: PathBuf,
    },
    /// Write each answer as plain text for a portal's text box, one .txt
    /// file per question, and print its words and characters.
    Text {
        /// An offer id, or the path of a .svoffer.json file.
        offer: String,
        /// The folder to write the files into (created if need be).
        out: PathBuf,
    },
}

/// Runs the subcommand.
pub(crate) fn run(ctx: &Ctx, cmd: OfferCommand) -> Result<()> {
    match cmd {
        OfferCommand::List => {
            let store = ctx.store()?;
            let list = offers::list(store.conn())?;
            ctx.print_list(
                &list,
                "No offers yet. Try the demo: offerwright demo",
                |o| {
                    format!(
                        "{:>4}  {} - {} ({}), {} commitment(s), changed {}",
                        o.id, o.bidder, o.tender_title, o.buyer, o.commitments, o.updated_at
                    )
                },
            )
        }
        OfferCommand::Show { offer } => {
            let doc = load_offer(ctx, &offer)?;
            if ctx.json {
                use std::io::Write as _;
                std::io::stdout().write_all(files::write_offer(&doc).as_bytes())?;
                Ok(())
            } else {
                use std::io::Write as _;
                std::io::stdout()
                    .write_all(offerwright::text::terminal(&offer_text(&doc)).as_bytes())?;
                Ok(())
            }
        }
        OfferCommand::Score { offer } => {
            let doc = load_offer(ctx, &offer)?;
            let report = score::score(&doc);
            let unprintable = export::pdf::unprintable(&doc);
            ctx.print(&report, || {
                let mut text = score::render_text(&report, &doc);
                for u in &unprintable {
                    text.push_str(&format!("warning: {}\n", u.message));
                }
                text
            })
        }
        OfferCommand::Import { file } => {
            let mut store = ctx.store()?;
            let done = ops::import::offer_file(&mut store, &file)?;
            ctx.print(
                &serde_json::json!({ "id": done.offer_id, "import": done }),
                || {
                    format!(
                        "Imported the offer {} (tender {}{}, plan {:?}{}).\n",
                        done.offer_id,
                        done.tender_id,
                        if done.tender_added {
                            ", new"
                        } else {
                            ", already here"
                        },
                        done.plan_id,
                        if done.plan_added {
                            ", new"
                        } else {
                            ", already here"
                        },
                    )
                },
            )
        }
        OfferCommand::Export { id, out } => {
            let (doc, delivery) = ops::exports::shared_offer(ctx.store()?.conn(), id)?;
            ops::exports::write_offer_file(&doc, delivery.as_ref(), &out)?;
            ctx.print(&serde_json::json!({ "id": id, "file": out }), || {
                format!("Wrote the offer {id} to {}\n", out.display())
            })
        }
        OfferCommand::Delete { id, force } => {
            let mut store = ctx.store()?;
            if !force {
                return match store.write(|tx| offers::delete(tx, id)) {
                    Err(e @ store::StoreError::Won { .. }) => Err(anyhow!(
                        "{e}: to delete it anyway, run offerwright offer delete {id} --force (the store is backed up first)"
                    )),
                    Err(e) => Err(e.into()),
                    Ok(()) => ctx.print(&serde_json::json!({ "deleted": id }), || {
                        format!("Deleted the offer {id}.\n")
                    }),
                };
            }
            let backup = store::contracts::delete_won(&mut store, id)?;
            ctx.print(
                &serde_json::json!({ "deleted": id, "backup": backup.as_ref().map(|b| &b.path) }),
                || match &backup {
                    Some(b) => format!(
                        "Deleted the won offer {id} with its contract and delivery records. The store as it was is in {}: restore it to undo this.\n",
                        b.path
                    ),
                    None => format!("Deleted the offer {id}.\n"),
                },
            )
        }
        OfferCommand::Discover {
            offer,
            questions: _,
            answers: None,
        } => {
            let doc = load_offer(ctx, &offer)?;
            let questions = ops::discovery::questions(&doc)?;
            ctx.print(&questions, || interview_text(&questions))
        }
        OfferCommand::Discover {
            offer,
            answers: Some(file),
            ..
        } => {
            let id = crate::offer_id(&offer)?;
            let mut store = ctx.store()?;
            let drafts = ops::discovery::add_drafts(&mut store, id, &file)?;
            ctx.print(&drafts, || drafts_text(&drafts))
        }
        OfferCommand::Pdf { offer, out, review } => {
            let doc = load_offer(ctx, &offer)?;
            let export = if review {
                Export::Review
            } else {
                Export::Submission
            };
            export.write(&doc, ctx.today(), &out)?;
            let unprintable = export::pdf::unprintable(&doc);
            ctx.warn_unprintable(&unprintable);
            let what = if review {
                "the review copy (with the self-score; not for submission)"
            } else {
                "the submission PDF"
            };
            ctx.print(
                &serde_json::json!({ "file": out, "review": review, "unprintable": unprintable }),
                || format!("Wrote {what} to {}\n", out.display()),
            )
        }
        OfferCommand::Docx { offer, out } => {
            Export::Docx.write(&load_offer(ctx, &offer)?, ctx.today(), &out)?;
            ctx.wrote("the Word file", &out)
        }
        OfferCommand::Xlsx { offer, out } => {
            Export::Xlsx.write(&load_offer(ctx, &offer)?, ctx.today(), &out)?;
            ctx.wrote("the spreadsheet", &out)
        }
        OfferCommand::Csv { offer, out } => {
            Export::Csv.write(&load_offer(ctx, &offer)?, ctx.today(), &out)?;
            ctx.wrote("the commitments as CSV", &out)
        }
        OfferCommand::Text { offer, out } => {
            let written = export::text::write_answers(&load_offer(ctx, &offer)?, &out)?;
            let json: Vec<_> = written
                .iter()
                .map(|(a, path)| serde_json::json!({ "file": path, "answer": a }))
                .collect();
            ctx.print(&json, || {
                let mut s = String::new();
                for (a, path) in &written {
                    let limit = a.char_limit.map(|l| format!(" of {l}")).unwrap_or_default();
                    s.push_str(&format!(
                        "{}: {} words, {} characters{limit}\n",
                        path.display(),
                        a.words,
                        a.chars
                    ));
                    if let Some(w) = &a.warning {
                        s.push_str(&format!("  warning: {w}\n"));
                    }
                }
                s
            })
        }
    }
}

fn offer_text(doc: &OfferDocument) -> String {
    let OfferDocument {
        plan,
        tender,
        offer,
    } = doc;
    let mut out = format!(
        "{} - {}\n{} ({}), due {}\nBidder: {}",
        offer.bidder.name,
        tender.title,
        tender.buyer,
        tender.reference,
        uk_date(tender.deadline),
        offer.bidder.name
    );
    if let Some(kind) = offer.bidder.kind {
        out.push_str(&format!(", {}", kind.label()));
    }
    if let Some(n) = offer.bidder.employees {
        out.push_str(&format!(", {n} employees"));
    }
    if let Some(loc) = &offer.bidder.location {
        out.push_str(&format!(", {loc}"));
    }
    out.push_str(&format!("\nPlan: {} ({})\n", plan.title, plan.issuer));
    out.push_str("\nAnswers\n");
    for q in &tender.questions {
        let words = offer
            .answer(&q.id)
            .map_or(0, |a| offerwright::score::word_count(&a.text));
        let state = match (words, q.word_limit) {
            (0, Some(l)) => format!("not answered yet (limit {l} words)"),
            (0, None) => "not answered yet".to_owned(),
            (n, Some(l)) => format!("{n} of {l} words"),
            (n, None) => format!("{n} words"),
        };
        out.push_str(&format!("  {}: {state} - {}\n", q.id, q.text));
    }
    out.push_str(&format!("\nCommitments ({})\n", offer.commitments.len()));
    for c in &offer.commitments {
        let topic = c
            .hot_topic
            .as_deref()
            .and_then(|t| plan.hot_topic(t))
            .map_or("innovation (no hot topic)".to_owned(), |t| t.title.clone());
        out.push_str(&format!("  {} [{topic}] {}\n", c.id, c.what));
        let unit = c
            .unit
            .clone()
            .or_else(|| {
                c.measure
                    .as_deref()
                    .and_then(|m| plan.measure(m))
                    .map(|m| m.unit.clone())
            })
            .unwrap_or_default();
        let mut facts = Vec::new();
        if let Some(q) = c.quantity {
            facts.push(format!("{} {unit}", quantity(q)).trim_end().to_owned());
        }
        if let Some(by) = c.by {
            facts.push(format!("by {}", uk_date(by)));
        }
        if let Some(w) = &c.r#where {
            facts.push(format!("in {w}"));
        }
        if let Some(o) = &c.owner {
            facts.push(format!("owner {o}"));
        }
        if !facts.is_empty() {
            out.push_str(&format!("      {}\n", facts.join(", ")));
        }
    }
    out
}

/// The interview as text: a question a line, with its id and what it takes.
fn interview_text(questions: &[offerwright::discovery::Question]) -> String {
    use offerwright::discovery::QuestionKind;
    if questions.is_empty() {
        return "The plan has no hot topic with measures: there is nothing to ask.\n".to_owned();
    }
    let mut out = String::new();
    for q in questions {
        let takes = match q.kind {
            QuestionKind::YesNo => "true or false".to_owned(),
            QuestionKind::Number => match &q.unit {
                Some(unit) => format!("a number, in {unit}"),
                None => "a number".to_owned(),
            },
            QuestionKind::ShortText => "text".to_owned(),
        };
        let indent = if q.when.is_some() { "    " } else { "" };
        out.push_str(&format!("{indent}{}: {} ({takes})\n", q.id, q.asks));
    }
    out.push_str(
        "\nAnswer in a file, {\"answers\": {\"<id>\": value}}, then run offerwright offer discover <offer id> --answers <file>.\n",
    );
    out
}

/// The drafts as text: what was added, its band, and what was sized or skipped.
fn drafts_text(d: &offerwright::discovery::Drafts) -> String {
    let mut out = String::new();
    if d.drafts.is_empty() {
        out.push_str("No draft: no answer promised more than you do today.\n");
    }
    for draft in &d.drafts {
        let c = &draft.commitment;
        let band = draft
            .band
            .map(|b| format!("band {}", b.label()))
            .unwrap_or_else(|| "no band".to_owned());
        out.push_str(&format!(
            "Added {}: {} ({} by {}, {band})\n",
            c.id,
            c.what,
            c.quantity.map(quantity).unwrap_or_default(),
            c.by.map(uk_date).unwrap_or_default(),
        ));
        if let Some(why) = &draft.sized {
            out.push_str(&format!("  sized to the contract: {why}\n"));
        }
    }
    for s in &d.skipped {
        out.push_str(&format!("Not drafted, {}: {}\n", s.measure, s.reason));
    }
    out
}
