//! `offerwright workshop`: make a pack, start a participant's offer,
//! export it, collect and compare a folder.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use clap::Subcommand;

use offerwright::domain::Workshop;
use offerwright::files::{self};
use offerwright::ops;
use offerwright::ops::workshop::Output;
use offerwright::score;
use offerwright::store::{self, offers, plans, tenders};
use offerwright::workshop;

use crate::{Ctx, in_file, is_file_arg, load_offer, read_file, write_file};

#[derive(Subcommand)]
pub(crate) enum WorkshopCommand {
    /// Write a workshop pack (.svworkshop.json): a plan, a mock tender, the
    /// trainer's instructions and, optionally, a model offer.
    Pack {
        /// A plan id, or the path of a .svplan.json file.
        plan: String,
        /// A tender id from the store, or an offer file whose tender to use.
        tender: String,
        /// The pack file to write (.svworkshop.json).
        out: PathBuf,
        /// The trainer's instructions to participants: a Markdown file.
        #[arg(long, value_name = "FILE.md")]
        instructions: PathBuf,
        /// A model offer for the debrief (an offer id or file) answering the
        /// same plan and tender.
        #[arg(long, value_name = "OFFER")]
        model: Option<String>,
        /// The workshop's title (default: "Workshop: " and the tender's title).
        #[arg(long)]
        title: Option<String>,
    },
    /// Start a participant's offer in the store from a workshop pack.
    Start {
        /// The .svworkshop.json file.
        pack: PathBuf,
        /// The participant: the name of the organisation the offer is from.
        #[arg(long)]
        name: String,
    },
    /// Write a participant's offer to a file named after the participant and the pack.
    Export {
        /// The offer's id.
        id: i64,
        /// The .svworkshop.json file it was started from.
        #[arg(long)]
        pack: PathBuf,
        /// The folder to write it in (default: the current folder).
        #[arg(long, value_name = "DIR")]
        to: Option<PathBuf>,
    },
    /// Collect a folder of offer files and compare them: bands per hot
    /// topic, projected marks, ranking and the most common weaknesses.
    Compare {
        /// The folder holding the participants' .svoffer.json files.
        folder: PathBuf,
        /// The workshop pack (default: the one .svworkshop.json file in the folder).
        #[arg(long)]
        pack: Option<PathBuf>,
        /// Write every score to this CSV file.
        #[arg(long, value_name = "FILE.csv")]
        csv: Option<PathBuf>,
        /// Write the debrief handout to this PDF file.
        #[arg(long, value_name = "FILE.pdf")]
        pdf: Option<PathBuf>,
        /// Replace participants' names by letters everywhere, exports included.
        #[arg(long, alias = "anonymize")]
        anonymise: bool,
    },
}

fn read_pack(path: &Path) -> Result<Workshop> {
    Ok(ops::workshop::read_pack(path)?)
}

/// The one workshop pack in `folder`.
fn pack_in(folder: &Path) -> Result<PathBuf> {
    let listing = std::fs::read_dir(folder).map_err(|e| {
        anyhow!(
            "cannot read the folder {}: {}",
            folder.display(),
            files::io_reason(&e)
        )
    })?;
    let mut packs: Vec<PathBuf> = listing
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy()
                    .to_lowercase()
                    .ends_with(".svworkshop.json")
            })
        })
        .collect();
    packs.sort();
    match packs.len() {
        1 => Ok(packs.remove(0)),
        0 => bail!(
            "no workshop pack (.svworkshop.json) in {}: name it with --pack FILE",
            folder.display()
        ),
        n => bail!(
            "{n} workshop packs in {}: name the one to compare against with --pack FILE",
            folder.display()
        ),
    }
}

/// Runs the subcommand.
pub(crate) fn run(ctx: &Ctx, cmd: WorkshopCommand) -> Result<()> {
    match cmd {
        WorkshopCommand::Pack {
            plan,
            tender,
            out,
            instructions,
            model,
            title,
        } => {
            let plan = if is_file_arg(&plan) {
                let path = Path::new(&plan);
                files::read_plan(&read_file(path)?).map_err(|e| in_file(path, e))?
            } else {
                plans::get(ctx.store()?.conn(), &plan)?
            };
            let tender = if is_file_arg(&tender) {
                let path = Path::new(&tender);
                files::read_offer(&read_file(path)?)
                    .map_err(|e| in_file(path, e))?
                    .tender
            } else {
                let id: i64 = tender.parse().map_err(|_| {
                    anyhow!("{tender:?} is neither a tender id (a number: see offerwright tender list) nor an offer file")
                })?;
                tenders::get(ctx.store()?.conn(), id)?.tender
            };
            let text = std::fs::read(&instructions).map_err(|e| {
                anyhow!(
                    "cannot read {}: {}",
                    instructions.display(),
                    files::io_reason(&e)
                )
            })?;
            let text = String::from_utf8(text).map_err(|_| {
                anyhow!(
                    "{}: the instructions must be UTF-8 text",
                    instructions.display()
                )
            })?;
            let model = model.map(|m| load_offer(ctx, &m)).transpose()?;
            let pack = ops::workshop::make_pack(plan, tender, title.as_deref(), &text, model)?;
            write_file(&out, &files::write_workshop(&pack))?;
            ctx.print(&serde_json::json!({ "file": out, "title": pack.title }), || {
                format!(
                    "Wrote the workshop pack {:?} to {}{}.\nHand it to every participant; collect their offers with:\n  offerwright workshop compare FOLDER --pack {}\n",
                    pack.title,
                    out.display(),
                    if pack.model_offer.is_some() { ", with its model offer" } else { "" },
                    out.display()
                )
            })
        }
        WorkshopCommand::Start { pack, name } => {
            let workshop = read_pack(&pack)?;
            let mut store = ctx.store()?;
            let made = store::start_workshop_offer(&mut store, &workshop, &name)?;
            ctx.print(&made, || {
                format!(
                    "Started the offer {} from {name:?} for {:?}.\n\n{}\n\nWhen it is done: offerwright workshop export {} --pack {}\n",
                    made.offer_id,
                    workshop.title,
                    workshop.instructions.trim(),
                    made.offer_id,
                    pack.display()
                )
            })
        }
        WorkshopCommand::Export { id, pack, to } => {
            let workshop = read_pack(&pack)?;
            let doc = offers::document(ctx.store()?.conn(), id)?;
            let name = ops::workshop::participant_file_name(&doc, &workshop);
            let out = to.unwrap_or_else(|| PathBuf::from(".")).join(name);
            write_file(&out, &files::write_offer(&doc))?;
            ctx.print(&serde_json::json!({ "id": id, "file": out }), || {
                format!("Wrote the offer {id} to {}\n", out.display())
            })
        }
        WorkshopCommand::Compare {
            folder,
            pack,
            csv,
            pdf: pdf_out,
            anonymise,
        } => {
            let pack_path = match pack {
                Some(p) => p,
                None => pack_in(&folder)?,
            };
            let pack = read_pack(&pack_path)?;
            let collected = ops::workshop::collect(&folder, &pack)?;
            let comparison = workshop::compare(&pack, &collected, anonymise);
            if let Some(path) = &csv {
                Output::Scores.write(&comparison, &pack, ctx.today(), path)?;
            }
            if let Some(path) = &pdf_out {
                Output::Handout.write(&comparison, &pack, ctx.today(), path)?;
                ctx.warn_unprintable(&offerwright::export::pdf::unprintable_handout(
                    &comparison,
                    &pack,
                ));
            }
            ctx.print(&comparison, || {
                let mut out = comparison_text(&comparison);
                for (what, path) in [("the scores", &csv), ("the handout", &pdf_out)] {
                    if let Some(path) = path {
                        out.push_str(&format!("Wrote {what} to {}\n", path.display()));
                    }
                }
                out
            })
        }
    }
}

fn comparison_text(c: &workshop::Comparison) -> String {
    let mut out = format!(
        "{}\n{} ({}), {}\n\n",
        c.title, c.tender_title, c.reference, c.buyer
    );
    let name_w = c
        .rows
        .iter()
        .map(|r| r.participant.chars().count())
        .chain([11])
        .max()
        .unwrap_or(11)
        .min(40);
    out.push_str(&format!("{:<5} {:<name_w$} ", "Rank", "Participant"));
    for i in 0..c.hot_topics.len() {
        out.push_str(&format!("{:>3}", i + 1));
    }
    out.push_str("  Marks\n");
    let line = |out: &mut String, rank: String, name: &str, bands: &[score::Band], marks: &str| {
        let name: String = name.chars().take(name_w).collect();
        out.push_str(&format!("{rank:<5} {name:<name_w$} "));
        for b in bands {
            out.push_str(&format!("{:>3}", b.number()));
        }
        out.push_str(&format!("  {marks}\n"));
    };
    if let Some(e) = &c.exemplar {
        line(
            &mut out,
            "model".to_owned(),
            &e.bidder,
            &e.bands,
            &e.projected_marks_text,
        );
    }
    for r in &c.rows {
        line(
            &mut out,
            r.rank_text.clone(),
            &r.participant,
            &r.bands,
            &r.projected_marks_text,
        );
    }
    out.push_str("\nHot topics:\n");
    for (i, t) in c.hot_topics.iter().enumerate() {
        out.push_str(&format!("{:>3}  {} ({})\n", i + 1, t.title, t.share_text));
    }
    out.push_str("Bands: 0 No response, 1 Poor, 2 Weak, 3 Satisfactory, 4 Good, 5 Excellent\n");
    if !c.weaknesses.is_empty() {
        out.push_str("\nMost common weaknesses:\n");
        for w in c.weaknesses.iter().take(10) {
            out.push_str(&format!("- {}\n  Fix: {}\n", w.headline, w.fix));
            if let Some(e) = &w.example {
                out.push_str(&format!("  Model offer: {e}\n"));
            }
        }
    }
    let left_out: Vec<&workshop::CollectedFile> = c.files.iter().filter(|f| !f.is_ok()).collect();
    out.push_str(&format!(
        "\n{} offer files collected, {} compared, {} left out{}\n",
        c.files.len(),
        c.rows.len(),
        left_out.len(),
        if left_out.is_empty() { "." } else { ":" }
    ));
    for f in left_out {
        out.push_str(&format!("- {}\n", f.describe()));
    }
    out.push_str(&format!("\n{}\n", c.disclaimer));
    out
}
