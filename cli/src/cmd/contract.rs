//! `offerwright contract`: award, withdraw, record, status, history and
//! reports, from the store or from a won offer's file.

use std::path::{Path, PathBuf};

use anyhow::{Result, anyhow, bail};
use clap::Subcommand;

use offerwright::delivery::{self, ContractStatus};
use offerwright::domain::OfferDocument;
use offerwright::domain::{Delivery, EvidenceRef, EvidenceRefKind, Frequency};
use offerwright::error::ErrorCode;
use offerwright::money::{gbp, quantity, uk_date};
use offerwright::ops;
use offerwright::ops::contracts::At;
use offerwright::store::contracts::{self, NewRecord};

use crate::{Ctx, in_file, is_file_arg, offer_id, parse_date_arg, parse_decimal_arg, read_file};

#[derive(Subcommand)]
pub(crate) enum ContractCommand {
    /// Mark a stored offer as won: it is kept as submitted from then on.
    Award {
        /// The offer's id.
        id: i64,
        /// The contract's first day, YYYY-MM-DD (default: the tender's contract start).
        #[arg(long)]
        start: Option<String>,
        /// How often the buyer asks for a report: monthly, quarterly, six_monthly or yearly.
        #[arg(long)]
        reporting: String,
    },
    /// Withdraw a mistaken award, while nothing has been recorded.
    Withdraw {
        /// The offer's id.
        id: i64,
    },
    /// Record what was delivered of a commitment in a reporting period; a
    /// second figure for the same period is a correction, and the first
    /// is kept in its history.
    Record {
        /// The offer's id.
        id: i64,
        /// The reporting period, from 1 (see `contract status`).
        #[arg(long)]
        period: u32,
        /// The commitment's id.
        #[arg(long)]
        commitment: String,
        /// How much was delivered in the period, in the commitment's unit.
        #[arg(long)]
        achieved: String,
        /// What happened, in a few words.
        #[arg(long)]
        note: Option<String>,
        /// The name of a file that evidences it (repeatable).
        #[arg(long = "file", value_name = "NAME")]
        files: Vec<String>,
        /// A link that evidences it (repeatable).
        #[arg(long = "link", value_name = "URL")]
        links: Vec<String>,
        /// A description of other evidence (repeatable).
        #[arg(long = "evidence", value_name = "TEXT")]
        descriptions: Vec<String>,
        /// Who records it (default: the login name).
        #[arg(long)]
        by: Option<String>,
    },
    /// Where each commitment stands: today, on a date, or at a period's end.
    Status {
        /// An offer id, or the path of a won offer's .svoffer.json file.
        offer: String,
        /// At the end of this reporting period.
        #[arg(long, conflicts_with = "on")]
        period: Option<u32>,
        /// On this day, YYYY-MM-DD (default: today).
        #[arg(long)]
        on: Option<String>,
    },
    /// Every figure recorded for a commitment, corrections included.
    History {
        /// An offer id, or the path of a won offer's .svoffer.json file.
        offer: String,
        /// The commitment's id.
        #[arg(long)]
        commitment: String,
    },
    /// Write the progress report for the buyer's contract manager: a PDF,
    /// or a spreadsheet when OUT ends in .xlsx.
    Report {
        /// An offer id, or the path of a won offer's .svoffer.json file.
        offer: String,
        /// The file to write (.pdf or .xlsx).
        out: PathBuf,
        /// The reporting period (default: the last one that has ended).
        #[arg(long, conflicts_with = "end")]
        period: Option<u32>,
        /// The end-of-contract summary instead of one period.
        #[arg(long)]
        end: bool,
    },
}

/// A won offer, from the store by id or from an offer file with its
/// delivery records.
fn load_contract(ctx: &Ctx, arg: &str) -> Result<(OfferDocument, Delivery)> {
    if is_file_arg(arg) {
        let path = Path::new(arg);
        return ops::contracts::contract_in_file(&read_file(path)?).map_err(|e| match e.code {
            ErrorCode::NotFound => in_file(path, anyhow!("{e} (offerwright contract award)")),
            _ => in_file(path, e),
        });
    }
    Ok(ops::contracts::contract(
        ctx.store()?.conn(),
        offer_id(arg)?,
    )?)
}

/// Runs the subcommand.
pub(crate) fn run(ctx: &Ctx, cmd: ContractCommand) -> Result<()> {
    let today = ctx.today();
    match cmd {
        ContractCommand::Award {
            id,
            start,
            reporting,
        } => {
            let reporting = Frequency::parse(&reporting).ok_or_else(|| {
                anyhow!(
                    "--reporting: expected one of monthly, quarterly, six_monthly, yearly; found {reporting:?}"
                )
            })?;
            let mut store = ctx.store()?;
            let start = start.map(|s| parse_date_arg("start", &s)).transpose()?;
            let k =
                ops::contracts::award(&mut store, id, start, reporting, today).map_err(|e| {
                    if start.is_none() && e.code == offerwright::error::ErrorCode::Invalid {
                        anyhow!("{e} with --start YYYY-MM-DD")
                    } else {
                        anyhow!(e)
                    }
                })?;
            let status = ops::contracts::status(&k.submitted, &k.delivery, At::Day(today));
            ctx.print(&status, || {
                format!(
                    "Marked the offer {id} as won: the contract runs from {} to {}, reported {} ({} periods).\n\
                     The offer is kept as submitted from now on.\n\
                     Next: offerwright contract record {id} --period 1 --commitment {} --achieved N\n",
                    uk_date(status.start),
                    uk_date(status.last_day),
                    status.reporting,
                    status.periods.len(),
                    status
                        .commitments
                        .first()
                        .map_or("ID", |c| c.commitment.as_str()),
                )
            })
        }
        ContractCommand::Withdraw { id } => {
            ctx.store()?.write(|tx| contracts::withdraw(tx, id))?;
            ctx.print(&serde_json::json!({ "withdrawn": id }), || {
                format!("Withdrew the award of the offer {id}: it can be edited again.\n")
            })
        }
        ContractCommand::Record {
            id,
            period,
            commitment,
            achieved,
            note,
            files: file_names,
            links,
            descriptions,
            by,
        } => {
            let achieved = parse_decimal_arg("achieved", &achieved)?;
            let by = by
                .or_else(|| std::env::var("USER").ok())
                .filter(|b| !b.trim().is_empty())
                .ok_or_else(|| anyhow!("say who records it: --by NAME"))?;
            let evidence = [
                (EvidenceRefKind::File, file_names),
                (EvidenceRefKind::Link, links),
                (EvidenceRefKind::Description, descriptions),
            ]
            .into_iter()
            .flat_map(|(kind, texts)| {
                texts
                    .into_iter()
                    .map(move |text| EvidenceRef { kind, text })
            })
            .collect();
            let new = NewRecord {
                commitment,
                period,
                achieved,
                note,
                evidence,
                recorded_by: by,
            };
            let mut store = ctx.store()?;
            let k = ops::contracts::record(&mut store, id, std::slice::from_ref(&new))?;
            let record = k
                .delivery
                .records
                .last()
                .cloned()
                .ok_or_else(|| anyhow!("the record was not kept"))?;
            let status = ops::contracts::status(&k.submitted, &k.delivery, At::PeriodEnd(period));
            let versions = k.delivery.history(&record.commitment, period).len();
            ctx.print(&record, || {
                let p = status
                    .commitments
                    .iter()
                    .find(|c| c.commitment == record.commitment);
                let mut out = format!(
                    "Recorded {} for {} in {}{}.\n",
                    quantity(record.achieved),
                    record.commitment,
                    status.period_label(period),
                    if versions > 1 {
                        format!(
                            " (a correction: {} earlier figure(s) kept in its history)",
                            versions - 1
                        )
                    } else {
                        String::new()
                    }
                );
                if let Some(p) = p {
                    out.push_str(&format!(
                        "At the period's end: {} ({}).\n",
                        p.status.label(),
                        progress_line(p)
                    ));
                }
                out
            })
        }
        ContractCommand::Status { offer, period, on } => {
            let (doc, d) = load_contract(ctx, &offer)?;
            let at = match (period, on) {
                (Some(n), _) => At::PeriodEnd(n),
                (None, Some(day)) => At::Day(parse_date_arg("on", &day)?),
                (None, None) => At::Day(today),
            };
            let status = ops::contracts::status(&doc, &d, at);
            ctx.print(&status, || status_text(&doc, &status))
        }
        ContractCommand::History { offer, commitment } => {
            let (doc, d) = load_contract(ctx, &offer)?;
            if doc.offer.commitment(&commitment).is_none() {
                bail!(
                    "the offer has no commitment with the id {commitment:?}: see offerwright contract status {offer}"
                );
            }
            let records: Vec<_> = d
                .records
                .iter()
                .enumerate()
                .filter(|(_, r)| r.commitment == commitment)
                .collect();
            let json: Vec<_> = records
                .iter()
                .map(|(i, r)| serde_json::json!({ "record": r, "counts": d.counts(*i) }))
                .collect();
            ctx.print(&json, || {
                let mut out = String::new();
                if records.is_empty() {
                    out.push_str(&format!("Nothing recorded for {commitment} yet.\n"));
                }
                for (i, r) in &records {
                    out.push_str(&format!(
                        "period {:>2}  {:>10}  {} by {}{}\n",
                        r.period,
                        quantity(r.achieved),
                        r.recorded_at,
                        r.recorded_by,
                        if d.counts(*i) {
                            ""
                        } else {
                            "  (corrected later)"
                        }
                    ));
                }
                out
            })
        }
        ContractCommand::Report {
            offer,
            out,
            period,
            end,
        } => {
            let (doc, d) = load_contract(ctx, &offer)?;
            let period = if end {
                None
            } else {
                Some(period.unwrap_or_else(|| ops::contracts::report_period(&doc, &d, today)))
            };
            if let Some(n) = period {
                ops::contracts::check_period(&doc, &d, n).map_err(|e| anyhow!("--{e}"))?;
            }
            let format = ops::contracts::ReportFormat::of_path(&out);
            ops::contracts::write_report(&doc, &d, period, format, today, &out)?;
            if format == ops::contracts::ReportFormat::Pdf {
                ctx.warn_unprintable(&offerwright::export::pdf::unprintable_progress(&doc, &d));
            }
            ctx.wrote(&ops::contracts::report_title(&doc, &d, period), &out)
        }
    }
}

/// "2 of 3 people, target 1.4 by 31 December 2027".
fn progress_line(p: &delivery::Progress) -> String {
    let unit = p
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    match (p.promised, p.target_to_date) {
        (Some(promised), Some(target)) => format!(
            "{} of {}{unit}; target to date {}",
            quantity(p.achieved_to_date),
            quantity(promised),
            quantity(offerwright::money::round(target, 1))
        ),
        _ => format!(
            "{}{unit} delivered; no quantity promised",
            quantity(p.achieved_to_date)
        ),
    }
}

fn status_text(doc: &OfferDocument, s: &ContractStatus) -> String {
    let mut out = format!(
        "{} ({}) for {}, won by {}\n",
        doc.tender.title, doc.tender.reference, doc.tender.buyer, doc.offer.bidder.name
    );
    out.push_str(&format!(
        "Contract {} to {}, reported {}; as at {} ({})\n",
        uk_date(s.start),
        uk_date(s.last_day),
        s.reporting,
        uk_date(s.as_of),
        s.period_label(s.period)
    ));
    out.push_str(&s.summary());
    out.push('\n');
    if let (Some(promised), Some(delivered)) = (s.value_promised, s.value_delivered) {
        out.push_str(&format!(
            "Social value delivered to date: {} of {} promised.\n",
            gbp(delivered),
            gbp(promised)
        ));
    }
    out.push('\n');
    for p in &s.commitments {
        out.push_str(&format!(
            "  {:<10} {:<9} {}\n             {}\n",
            p.commitment,
            p.status.label(),
            p.what,
            progress_line(p)
        ));
    }
    out
}
