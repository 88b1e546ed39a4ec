//! `offerwright tender`: list, show, new, delete.

use anyhow::{Result, anyhow, bail};
use clap::Subcommand;

use offerwright::domain::{Question, Tender, fields};
use offerwright::money::{gbp, quantity, uk_date};
use offerwright::store::tenders;

use crate::{Ctx, parse_decimal_arg};

#[derive(Subcommand)]
pub(crate) enum TenderCommand {
    /// List the tenders in the store.
    List,
    /// Show a tender.
    Show {
        /// The tender's id.
        id: i64,
    },
    /// Record a new tender against a stored plan.
    New(Box<NewTender>),
    /// Delete a tender that no offer answers.
    Delete {
        /// The tender's id.
        id: i64,
    },
}

#[derive(clap::Args)]
pub(crate) struct NewTender {
    /// The id of the plan it is scored against.
    #[arg(long)]
    plan: String,
    /// The tender's title.
    #[arg(long)]
    title: String,
    /// The buying organisation.
    #[arg(long)]
    buyer: String,
    /// The buyer's reference.
    #[arg(long)]
    reference: String,
    /// The submission deadline, YYYY-MM-DD.
    #[arg(long)]
    deadline: String,
    /// The contract value in GBP, e.g. 480000 or 480000.00.
    #[arg(long)]
    value: String,
    /// When the contract starts, YYYY-MM-DD (default: the deadline).
    #[arg(long)]
    start: Option<String>,
    /// The contract's length in months.
    #[arg(long)]
    months: u32,
    /// Social value's share of the marks, in per cent.
    #[arg(long)]
    weighting: String,
    /// A question as ID:MARKS:WORD_LIMIT:TEXT (WORD_LIMIT may be empty); repeat for more.
    #[arg(long = "question", value_name = "ID:MARKS:WORD_LIMIT:TEXT")]
    questions: Vec<String>,
}

fn parse_question(spec: &str) -> Result<Question> {
    let mut parts = spec.splitn(4, ':');
    let (Some(id), Some(marks), Some(limit), Some(text)) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        bail!(
            "--question {spec:?}: expected ID:MARKS:WORD_LIMIT:TEXT, e.g. \"sv1:10:750:Describe the social value...\""
        );
    };
    let word_limit = if limit.trim().is_empty() {
        None
    } else {
        Some(limit.trim().parse::<u32>().map_err(|_| {
            anyhow!("--question {id:?}: the word limit {limit:?} is not a whole number")
        })?)
    };
    Ok(Question {
        id: id.trim().to_owned(),
        text: text.trim().to_owned(),
        word_limit,
        char_limit: None,
        marks: parse_decimal_arg("question", marks)?,
    })
}

/// Runs the subcommand.
pub(crate) fn run(ctx: &Ctx, cmd: TenderCommand) -> Result<()> {
    match cmd {
        TenderCommand::List => {
            let store = ctx.store()?;
            let list = tenders::list(store.conn())?;
            ctx.print_list(
                &list,
                "No tenders yet. Record one: offerwright tender new --help",
                |t| {
                    format!(
                        "{:>4}  {} - {} ({}), due {}, plan {}, {} offer(s)",
                        t.id, t.title, t.buyer, t.reference, t.deadline, t.plan_id, t.offers
                    )
                },
            )
        }
        TenderCommand::Show { id } => {
            let record = tenders::get(ctx.store()?.conn(), id)?;
            let json = serde_json::json!({
                "id": record.id, "plan": record.plan_id, "tender": record.tender
            });
            ctx.print(&json, || tender_text(&record.tender, &record.plan_id))
        }
        TenderCommand::New(args) => {
            let date = |flag: &str, s: &str| {
                fields::parse_date(s.trim()).map_err(|e| anyhow!("--{flag}: {e}"))
            };
            let tender = Tender {
                title: args.title,
                buyer: args.buyer,
                reference: args.reference,
                deadline: date("deadline", &args.deadline)?,
                contract_value: parse_decimal_arg("value", &args.value)?,
                contract_start: args
                    .start
                    .as_deref()
                    .map(|s| date("start", s))
                    .transpose()?,
                duration_months: args.months,
                social_value_weighting: parse_decimal_arg("weighting", &args.weighting)?,
                questions: args
                    .questions
                    .iter()
                    .map(|q| parse_question(q))
                    .collect::<Result<_>>()?,
            };
            let mut store = ctx.store()?;
            let id = store.write(|tx| tenders::insert(tx, &args.plan, &tender))?;
            ctx.print(&serde_json::json!({ "id": id }), || {
                format!("Recorded the tender {id}: {}.\n", tender.title)
            })
        }
        TenderCommand::Delete { id } => {
            let mut store = ctx.store()?;
            store.write(|tx| tenders::delete(tx, id))?;
            ctx.print(&serde_json::json!({ "deleted": id }), || {
                format!("Deleted the tender {id}.\n")
            })
        }
    }
}

fn tender_text(t: &Tender, plan_id: &str) -> String {
    let mut out = format!(
        "{}\n{} - {}\nDeadline {} - contract {} over {} months, {} to {}\nSocial value: {}% of the marks, scored against the plan {}\n",
        t.title,
        t.buyer,
        t.reference,
        uk_date(t.deadline),
        gbp(t.contract_value),
        t.duration_months,
        uk_date(t.window_start()),
        uk_date(t.last_day()),
        quantity(t.social_value_weighting),
        plan_id
    );
    for q in &t.questions {
        let limit = q
            .word_limit
            .map(|l| format!(", {l} words"))
            .unwrap_or_default();
        out.push_str(&format!(
            "\n{} ({} marks{limit})\n  {}\n",
            q.id,
            quantity(q.marks),
            q.text
        ));
    }
    out
}
