//! `offerwright plan`: list, show, import, export, delete, and the plan on a page.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Subcommand;

use offerwright::domain::Plan;
use offerwright::export::pdf;
use offerwright::files::{self};
use offerwright::money::{gbp, uk_date};
use offerwright::ops;
use offerwright::store::plans;

use crate::{Ctx, in_file, is_file_arg, read_file, write_file};

#[derive(Subcommand)]
pub(crate) enum PlanCommand {
    /// List the plans in the store.
    List,
    /// Show a plan from the store (by id) or from a plan file.
    Show {
        /// A plan id, or the path of a .svplan.json file.
        plan: String,
    },
    /// Import a plan file into the store.
    Import {
        /// The .svplan.json file.
        file: PathBuf,
        /// Replace a different stored plan with the same id.
        #[arg(long)]
        replace: bool,
    },
    /// Write a stored plan to a plan file.
    Export {
        /// The plan's id.
        id: String,
        /// The file to write (.svplan.json).
        out: PathBuf,
    },
    /// Delete a plan that no tender uses.
    Delete {
        /// The plan's id.
        id: String,
    },
    /// Split each place entry that joins two names ("Caerfyrddin /
    /// Carmarthen") into one entry per name: places are matched as written.
    SplitPlaces {
        /// The plan's id.
        id: String,
    },
    /// Write a plan (from the store or a plan file) as one A4 page of PDF.
    Pdf {
        /// A plan id, or the path of a .svplan.json file.
        plan: String,
        /// The PDF file to write.
        out: PathBuf,
    },
}

/// Runs the subcommand.
pub(crate) fn run(ctx: &Ctx, cmd: PlanCommand) -> Result<()> {
    match cmd {
        PlanCommand::List => {
            let store = ctx.store()?;
            let list = plans::list(store.conn())?;
            ctx.print_list(
                &list,
                "No plans. Import one: offerwright plan import FILE",
                |p| {
                    format!(
                        "{:<24} {} ({}): {} hot topics, {} tenders",
                        p.id, p.title, p.issuer, p.hot_topics, p.tenders
                    )
                },
            )
        }
        PlanCommand::Show { plan } => {
            let plan = if is_file_arg(&plan) {
                let path = Path::new(&plan);
                files::read_plan(&read_file(path)?).map_err(|e| in_file(path, e))?
            } else {
                plans::get(ctx.store()?.conn(), &plan)?
            };
            use std::io::Write as _;
            if ctx.json {
                std::io::stdout().write_all(files::write_plan(&plan).as_bytes())?;
                Ok(())
            } else {
                std::io::stdout()
                    .write_all(offerwright::text::terminal(&plan_text(&plan)).as_bytes())?;
                Ok(())
            }
        }
        PlanCommand::Import { file, replace } => {
            let mut store = ctx.store()?;
            let plan = ops::import::plan_file(&mut store, &file, replace)?;
            let joined = plan.joined_places();
            let warnings: Vec<String> = joined.iter().map(|j| joined_warning(&plan, j)).collect();
            ctx.print(
                &serde_json::json!({ "id": plan.id, "joined_places": joined }),
                || {
                    let mut out = format!(
                        "Imported the plan {:?} ({}, {} hot topics).\n",
                        plan.id,
                        plan.title,
                        plan.hot_topics.len()
                    );
                    for w in &warnings {
                        out.push_str(&format!("Warning: {w}\n"));
                    }
                    out
                },
            )
        }
        PlanCommand::Export { id, out } => {
            let plan = plans::get(ctx.store()?.conn(), &id)?;
            write_file(&out, &files::write_plan(&plan))?;
            ctx.print(&serde_json::json!({ "id": id, "file": out }), || {
                format!("Wrote the plan {id:?} to {}\n", out.display())
            })
        }
        PlanCommand::SplitPlaces { id } => {
            let mut store = ctx.store()?;
            let ops::plans::Split { plan, joined } = ops::plans::split_places(&mut store, &id)?;
            ctx.print(
                &serde_json::json!({ "id": id, "local_area": plan.local_area, "local_places": plan.local_places }),
                || {
                    if joined.is_empty() {
                        format!("The plan {id:?} joins no place names: nothing to split.\n")
                    } else {
                        format!(
                            "Split {} place {} of the plan {id:?}. Its places are now: {}.\n",
                            joined.len(),
                            if joined.len() == 1 { "entry" } else { "entries" },
                            plan.local_area
                                .iter()
                                .chain(&plan.local_places)
                                .map(String::as_str)
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    }
                },
            )
        }
        PlanCommand::Delete { id } => {
            let mut store = ctx.store()?;
            store.write(|tx| plans::delete(tx, &id))?;
            ctx.print(&serde_json::json!({ "deleted": id }), || {
                format!("Deleted the plan {id:?}.\n")
            })
        }
        PlanCommand::Pdf { plan, out } => {
            let plan = if is_file_arg(&plan) {
                let path = Path::new(&plan);
                files::read_plan(&read_file(path)?).map_err(|e| in_file(path, e))?
            } else {
                plans::get(ctx.store()?.conn(), &plan)?
            };
            pdf::write_plan_on_a_page(&plan, &out)?;
            ctx.warn_unprintable(&pdf::unprintable_plan(&plan));
            ctx.print(&serde_json::json!({ "plan": plan.id, "file": out }), || {
                format!("Wrote the plan on a page to {}\n", out.display())
            })
        }
    }
}

/// The warning for a place entry that joins two names: the core's words,
/// and how to split it here.
fn joined_warning(plan: &Plan, j: &offerwright::domain::JoinedPlace) -> String {
    format!(
        "{}; split it with: offerwright plan split-places {}",
        j.message, plan.id
    )
}

fn plan_text(plan: &Plan) -> String {
    let mut out = format!("{}\n{}", plan.title, plan.issuer);
    if let Some(area) = &plan.local_area {
        out.push_str(&format!(" - {area}"));
    }
    out.push_str(&format!(" - published {}\n", uk_date(plan.published)));
    if let Some(summary) = &plan.summary {
        out.push_str(&format!("\n{summary}\n"));
    }
    let total = plan.total_weight();
    for theme in &plan.themes {
        out.push_str(&format!("\n{}\n", theme.name.to_uppercase()));
        if let Some(d) = &theme.description {
            out.push_str(&format!("  {d}\n"));
        }
        for outcome in &theme.outcomes {
            out.push_str(&format!("  - {outcome}\n"));
        }
        for topic in plan.hot_topics.iter().filter(|t| t.theme == theme.id) {
            let share = offerwright::money::percent(topic.weight, total);
            out.push_str(&format!(
                "  * Hot topic: {} ({share} of the marks{})\n",
                topic.title,
                if topic.place_based {
                    ", must be local"
                } else {
                    ""
                }
            ));
            for m in topic.measures.iter().filter_map(|m| plan.measure(m)) {
                let proxy = m
                    .proxy_value
                    .map(|v| {
                        format!(
                            ", {} per {} ({})",
                            gbp(v),
                            singular(&m.unit),
                            m.proxy_source.as_deref().unwrap_or("")
                        )
                    })
                    .unwrap_or_default();
                out.push_str(&format!(
                    "      measured in {}: {}{proxy}\n",
                    m.unit, m.name
                ));
            }
        }
    }
    if !plan.local_places.is_empty() {
        out.push_str(&format!("\nPlaces: {}\n", plan.local_places.join(", ")));
    }
    for j in plan.joined_places() {
        out.push_str(&format!("Warning: {}\n", joined_warning(plan, &j)));
    }
    if let Some(source) = &plan.source {
        out.push_str(&format!("\nSource: {}", source.name));
        if let Some(licence) = &source.licence {
            out.push_str(&format!(" ({licence})"));
        }
        out.push('\n');
    }
    out
}

/// A unit as it reads after "per": "people" -> "person", "weeks" -> "week".
fn singular(unit: &str) -> String {
    match unit {
        "people" => "person".to_owned(),
        "GBP" => "pound".to_owned(),
        u => u.strip_suffix('s').unwrap_or(u).to_owned(),
    }
}
