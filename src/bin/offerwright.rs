//! The `offerwright` command line: the core's features for scripts, trainers
//! and anyone without the desktop app. It parses arguments, calls the
//! library, and prints; every rule lives in the library.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow, bail};
use clap::{Parser, Subcommand};
use rust_decimal::Decimal;
use serde::Serialize;

use offerwright::delivery::{self, ContractStatus};
use offerwright::domain::{Delivery, EvidenceRef, EvidenceRefKind, Frequency};
use offerwright::domain::{OfferDocument, Plan, Question, Tender, Workshop, fields};
use offerwright::export::{self, pdf};
use offerwright::files::{self, FileError};
use offerwright::money::{gbp, quantity, uk_date};
use offerwright::samples;
use offerwright::score;
use offerwright::store::contracts::{self, Award, NewRecord};
use offerwright::store::{self, Store, offers, plans, tenders};
use offerwright::workshop;

/// Write, self-score and export the social value offer of a public tender, offline.
#[derive(Parser)]
#[command(name = "offerwright", version, about, long_about = None)]
struct Cli {
    /// The folder holding the store (default: $OFFERWRIGHT_DATA_DIR, else the OS data folder).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the path of the store file.
    Where,
    /// Create a sample tender and a half-finished offer to try.
    Demo,
    /// Plans on a page: the buyer's priorities.
    #[command(subcommand)]
    Plan(PlanCommand),
    /// Tenders: buyer, value, weighting and social value questions.
    #[command(subcommand)]
    Tender(TenderCommand),
    /// Offers: bidder, answers and commitments.
    #[command(subcommand)]
    Offer(OfferCommand),
    /// After award: mark an offer as won, record what is delivered each
    /// period, see where each commitment stands, report to the buyer.
    #[command(subcommand)]
    Contract(ContractCommand),
    /// Workshops: pack a plan and mock tender for a room, start a
    /// participant's offer, collect and compare the offers handed back.
    #[command(subcommand)]
    Workshop(WorkshopCommand),
    /// Back up the store: into the backups folder beside it, or to FILE.
    Backup {
        /// Where to write the backup (default: the backups folder, which keeps the last 14).
        file: Option<PathBuf>,
        /// List the backups in the backups folder instead, newest first.
        #[arg(long, conflicts_with = "file")]
        list: bool,
    },
    /// Restore the store from a backup, backing up the current store first.
    Restore {
        /// The backup file, or its name in the backups folder.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum PlanCommand {
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
    /// Write a plan (from the store or a plan file) as one A4 page of PDF.
    Pdf {
        /// A plan id, or the path of a .svplan.json file.
        plan: String,
        /// The PDF file to write.
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum TenderCommand {
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
struct NewTender {
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

#[derive(Subcommand)]
enum ContractCommand {
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

#[derive(Subcommand)]
enum OfferCommand {
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

#[derive(Subcommand)]
enum WorkshopCommand {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let message = format!("{e:#}");
            let _ = writeln!(
                std::io::stderr(),
                "offerwright: {}",
                offerwright::text::terminal(&message)
            );
            ExitCode::FAILURE
        }
    }
}

struct Ctx {
    data_dir: PathBuf,
    json: bool,
}

impl Ctx {
    fn store(&self) -> Result<Store> {
        let store = Store::open_dir(&self.data_dir)?;
        if let Some(warning) = store.backup_warning() {
            let _ = writeln!(
                std::io::stderr(),
                "offerwright: warning: {}",
                offerwright::text::terminal(warning)
            );
        }
        Ok(store)
    }

    /// Prints `value` as JSON, or `text` for people.
    fn print<T: Serialize>(&self, value: &T, text: impl FnOnce() -> String) -> Result<()> {
        let out = if self.json {
            let mut s = serde_json::to_string_pretty(value)?;
            s.push('\n');
            s
        } else {
            // Names and file names come from strangers' files and folders.
            offerwright::text::terminal(&text()).into_owned()
        };
        std::io::stdout().write_all(out.as_bytes())?;
        Ok(())
    }
}

fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx {
        data_dir: store::data_dir(cli.data_dir.as_deref()),
        json: cli.json,
    };
    match cli.command {
        Command::Where => {
            let path = ctx.data_dir.join(store::STORE_FILE);
            ctx.print(&serde_json::json!({ "store": path }), || {
                format!("{}\n", path.display())
            })
        }
        Command::Demo => demo(&ctx),
        Command::Plan(cmd) => plan(&ctx, cmd),
        Command::Tender(cmd) => tender(&ctx, cmd),
        Command::Offer(cmd) => offer(&ctx, cmd),
        Command::Contract(cmd) => contract(&ctx, cmd),
        Command::Workshop(cmd) => workshop(&ctx, cmd),
        Command::Backup { file, list } => backup(&ctx, file.as_deref(), list),
        Command::Restore { file } => restore(&ctx, &file),
    }
}

fn backup(ctx: &Ctx, file: Option<&Path>, list: bool) -> Result<()> {
    let store_file = ctx.data_dir.join(store::STORE_FILE);
    if list {
        let list = store::backup::list_backups(&store_file)?;
        return ctx.print(&list, || {
            let mut out = String::new();
            if list.is_empty() {
                out.push_str("No backups yet. Make one: offerwright backup\n");
            }
            for b in &list {
                out.push_str(&format!("{}  {:>10} bytes  {}\n", b.date, b.size, b.path));
            }
            out
        });
    }
    let store = ctx.store()?;
    let made = match file {
        Some(file) => store::backup::back_up_to(&store, file)?,
        None => store::backup::back_up(&store, store::backup::BackupKind::Manual)?,
    };
    ctx.print(&made, || {
        format!(
            "Backed up the store to {} ({} bytes).\nTo restore it: offerwright restore {}\n",
            made.path, made.size, made.path
        )
    })
}

fn restore(ctx: &Ctx, file: &Path) -> Result<()> {
    let store_file = ctx.data_dir.join(store::STORE_FILE);
    // A bare name is looked up in the backups folder.
    let in_folder = store::backup::backup_dir(&store_file).join(file);
    let from = if !file.exists() && file.components().count() == 1 && in_folder.is_file() {
        in_folder
    } else {
        file.to_path_buf()
    };
    let done = store::backup::restore(&store_file, &from)?;
    ctx.print(&done, || {
        let mut out = format!("Restored the store from {}.\n", done.from);
        if let Some(previous) = &done.previous {
            out.push_str(&format!(
                "The store as it was is backed up in {}: to undo, offerwright restore {}\n",
                previous.path, previous.path
            ));
        }
        if let Some(aside) = &done.set_aside {
            out.push_str(&format!(
                "The store could not be opened; it was moved, untouched, to {aside}\n"
            ));
        }
        out
    })
}

fn demo(ctx: &Ctx) -> Result<()> {
    let mut store = ctx.store()?;
    let demo = samples::create_demo(&mut store)?;
    ctx.print(&demo, || {
        format!(
            "Created the demo tender {} (school meals, £480,000, 36 months, 10% social value)\n\
             and a half-finished offer {} from Wear Valley Kitchens CIC against the County Durham sample plan.\n\n\
             Next: offerwright offer show {}\n      offerwright offer export {} demo.svoffer.json\n",
            demo.tender_id, demo.offer_id, demo.offer_id, demo.offer_id
        )
    })
}

/// Reads a file for import, naming it in any refusal.
fn read_file(path: &Path) -> Result<Vec<u8>> {
    files::read_bytes(path).map_err(|e| anyhow!(e))
}

fn in_file(path: &Path, e: impl Into<anyhow::Error>) -> anyhow::Error {
    let e = e.into();
    anyhow!("{}: {e}", path.display())
}

/// Treats `arg` as a file when it names one, or looks like a file name.
fn is_file_arg(arg: &str) -> bool {
    arg.ends_with(".json") || Path::new(arg).is_file()
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    files::write_atomically(path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

fn plan(ctx: &Ctx, cmd: PlanCommand) -> Result<()> {
    match cmd {
        PlanCommand::List => {
            let store = ctx.store()?;
            let list = plans::list(store.conn())?;
            ctx.print(&list, || {
                let mut out = String::new();
                if list.is_empty() {
                    out.push_str("No plans. Import one: offerwright plan import FILE\n");
                }
                for p in &list {
                    out.push_str(&format!(
                        "{:<24} {} ({}): {} hot topics, {} tenders\n",
                        p.id, p.title, p.issuer, p.hot_topics, p.tenders
                    ));
                }
                out
            })
        }
        PlanCommand::Show { plan } => {
            let plan = if is_file_arg(&plan) {
                let path = Path::new(&plan);
                files::read_plan(&read_file(path)?).map_err(|e| in_file(path, e))?
            } else {
                plans::get(ctx.store()?.conn(), &plan)?
            };
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
            let bytes = read_file(&file)?;
            let mut store = ctx.store()?;
            let plan =
                store::import_plan(&mut store, &bytes, replace).map_err(|e| in_file(&file, e))?;
            ctx.print(&serde_json::json!({ "id": plan.id }), || {
                format!(
                    "Imported the plan {:?} ({}, {} hot topics).\n",
                    plan.id,
                    plan.title,
                    plan.hot_topics.len()
                )
            })
        }
        PlanCommand::Export { id, out } => {
            let plan = plans::get(ctx.store()?.conn(), &id)?;
            write_file(&out, &files::write_plan(&plan))?;
            ctx.print(&serde_json::json!({ "id": id, "file": out }), || {
                format!("Wrote the plan {id:?} to {}\n", out.display())
            })
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
            ctx.print(&serde_json::json!({ "plan": plan.id, "file": out }), || {
                format!("Wrote the plan on a page to {}\n", out.display())
            })
        }
    }
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
            let share = if total.is_zero() {
                Decimal::ZERO
            } else {
                offerwright::money::round(topic.weight / total * Decimal::ONE_HUNDRED, 0)
            };
            out.push_str(&format!(
                "  * Hot topic: {} ({share}% of the marks{})\n",
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

fn parse_decimal_arg(flag: &str, s: &str) -> Result<Decimal> {
    fields::parse_decimal(s.trim()).map_err(|e| anyhow!("--{flag}: {e}"))
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

fn tender(ctx: &Ctx, cmd: TenderCommand) -> Result<()> {
    match cmd {
        TenderCommand::List => {
            let store = ctx.store()?;
            let list = tenders::list(store.conn())?;
            ctx.print(&list, || {
                let mut out = String::new();
                if list.is_empty() {
                    out.push_str("No tenders yet. Record one: offerwright tender new --help\n");
                }
                for t in &list {
                    out.push_str(&format!(
                        "{:>4}  {} - {} ({}), due {}, plan {}, {} offer(s)\n",
                        t.id, t.title, t.buyer, t.reference, t.deadline, t.plan_id, t.offers
                    ));
                }
                out
            })
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
        "{}\n{} - {}\nDeadline {} - contract {} over {} months from {}\nSocial value: {}% of the marks, scored against the plan {}\n",
        t.title,
        t.buyer,
        t.reference,
        uk_date(t.deadline),
        gbp(t.contract_value),
        t.duration_months,
        uk_date(t.window_start()),
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

fn offer(ctx: &Ctx, cmd: OfferCommand) -> Result<()> {
    match cmd {
        OfferCommand::List => {
            let store = ctx.store()?;
            let list = offers::list(store.conn())?;
            ctx.print(&list, || {
                let mut out = String::new();
                if list.is_empty() {
                    out.push_str("No offers yet. Try the demo: offerwright demo\n");
                }
                for o in &list {
                    out.push_str(&format!(
                        "{:>4}  {} - {} ({}), {} commitment(s), changed {}\n",
                        o.id, o.bidder, o.tender_title, o.buyer, o.commitments, o.updated_at
                    ));
                }
                out
            })
        }
        OfferCommand::Show { offer } => {
            let doc = load_offer(ctx, &offer)?;
            if ctx.json {
                std::io::stdout().write_all(files::write_offer(&doc).as_bytes())?;
                Ok(())
            } else {
                std::io::stdout()
                    .write_all(offerwright::text::terminal(&offer_text(&doc)).as_bytes())?;
                Ok(())
            }
        }
        OfferCommand::Score { offer } => {
            let doc = load_offer(ctx, &offer)?;
            let report = score::score(&doc);
            ctx.print(&report, || score::render_text(&report, &doc))
        }
        OfferCommand::Import { file } => {
            let bytes = read_file(&file)?;
            let mut store = ctx.store()?;
            let done = store::import_offer(&mut store, &bytes).map_err(|e| in_file(&file, e))?;
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
            // A won offer travels as submitted, with its delivery records.
            let store = ctx.store()?;
            let text = match contracts::find(store.conn(), id)? {
                Some(k) => files::write_offer_with_delivery(&k.submitted, Some(&k.delivery)),
                None => files::write_offer(&offers::document(store.conn(), id)?),
            };
            write_file(&out, &text)?;
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
        OfferCommand::Pdf { offer, out, review } => {
            let doc = load_offer(ctx, &offer)?;
            let today = chrono::Local::now().date_naive();
            if review {
                pdf::write_review(&doc, today, &out)?;
            } else {
                pdf::write_submission(&doc, today, &out)?;
            }
            let what = if review {
                "the review copy (with the self-score; not for submission)"
            } else {
                "the submission PDF"
            };
            ctx.print(
                &serde_json::json!({ "file": out, "review": review }),
                || format!("Wrote {what} to {}\n", out.display()),
            )
        }
        OfferCommand::Docx { offer, out } => {
            let doc = load_offer(ctx, &offer)?;
            let today = chrono::Local::now().date_naive();
            export::docx::write_submission(&doc, today, &out)?;
            wrote(ctx, "the Word file", &out)
        }
        OfferCommand::Xlsx { offer, out } => {
            export::sheet::write_xlsx(&load_offer(ctx, &offer)?, &out)?;
            wrote(ctx, "the spreadsheet", &out)
        }
        OfferCommand::Csv { offer, out } => {
            export::sheet::write_csv(&load_offer(ctx, &offer)?, &out)?;
            wrote(ctx, "the commitments as CSV", &out)
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

/// Says which file was written.
fn wrote(ctx: &Ctx, what: &str, out: &Path) -> Result<()> {
    ctx.print(&serde_json::json!({ "file": out }), || {
        format!("Wrote {what} to {}\n", out.display())
    })
}

fn read_pack(path: &Path) -> Result<Workshop> {
    files::read_workshop(&read_file(path)?).map_err(|e| in_file(path, e))
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

fn workshop(ctx: &Ctx, cmd: WorkshopCommand) -> Result<()> {
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
            let mut pack = Workshop {
                title: title.unwrap_or_else(|| format!("Workshop: {}", tender.title)),
                instructions: text.trim_start_matches('\u{feff}').to_owned(),
                plan,
                tender,
                model_offer: None,
            };
            if let Some(model) = model {
                let doc = load_offer(ctx, &model)?;
                if !pack.answered_by(&doc) {
                    bail!(
                        "the model offer {model} answers another plan or tender than the pack's: write it against the same plan and tender"
                    );
                }
                pack.model_offer = Some(doc.offer);
            }
            files::validate_workshop(&pack)?;
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
            let name = files::workshop_offer_file_name(&doc, &workshop.title);
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
            let collected = workshop::collect(&folder, &pack)?;
            let comparison = workshop::compare(&pack, &collected, anonymise);
            if let Some(path) = &csv {
                workshop::write_csv(&comparison, path)?;
            }
            if let Some(path) = &pdf_out {
                let today = chrono::Local::now().date_naive();
                pdf::write_workshop_handout(&comparison, &pack, today, path)?;
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
        let rank = if r.tied {
            format!("={}", r.rank)
        } else {
            r.rank.to_string()
        };
        line(
            &mut out,
            rank,
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

/// An offer from the store (a number) or from an offer file.
/// A won offer, from the store by id or from an offer file with its
/// delivery records.
fn load_contract(ctx: &Ctx, arg: &str) -> Result<(OfferDocument, Delivery)> {
    if is_file_arg(arg) {
        let path = Path::new(arg);
        let (doc, delivery) = files::read_offer_with_delivery(&read_file(path)?)
            .map_err(|e: FileError| in_file(path, e))?;
        let delivery = delivery.ok_or_else(|| {
            anyhow!(
                "{}: this offer file has no delivery records: it was not marked as won (offerwright contract award)",
                path.display()
            )
        })?;
        return Ok((doc, delivery));
    }
    let id = offer_id(arg)?;
    let k = contracts::get(ctx.store()?.conn(), id)?;
    Ok((k.submitted, k.delivery))
}

fn offer_id(arg: &str) -> Result<i64> {
    arg.parse().map_err(|_| {
        anyhow!("{arg:?} is neither an offer id (a number: see offerwright offer list) nor an offer file")
    })
}

fn parse_date_arg(flag: &str, s: &str) -> Result<chrono::NaiveDate> {
    fields::parse_date(s).map_err(|e| anyhow!("--{flag}: {e}"))
}

fn contract(ctx: &Ctx, cmd: ContractCommand) -> Result<()> {
    let today = chrono::Local::now().date_naive();
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
            let start = match start {
                Some(s) => parse_date_arg("start", &s)?,
                None => offers::document(store.conn(), id)?
                    .tender
                    .contract_start
                    .ok_or_else(|| {
                        anyhow!("the tender gives no contract start: say when it starts with --start YYYY-MM-DD")
                    })?,
            };
            let k = store.write(|tx| contracts::award(tx, id, &Award { start, reporting }))?;
            let status = delivery::on(&k.submitted, &k.delivery, today);
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
            let (record, k) = store.write(|tx| {
                let record = contracts::record(tx, id, &new)?;
                Ok((record, contracts::get(tx, id)?))
            })?;
            let status = delivery::at_period_end(&k.submitted, &k.delivery, period);
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
            let status = match (period, on) {
                (Some(n), _) => delivery::at_period_end(&doc, &d, n),
                (None, Some(day)) => delivery::on(&doc, &d, parse_date_arg("on", &day)?),
                (None, None) => delivery::on(&doc, &d, today),
            };
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
            let periods = d.periods(doc.tender.duration_months);
            let period = if end {
                None
            } else {
                Some(match period {
                    Some(n) => n,
                    // The last period that has ended, or the first.
                    None => periods
                        .iter()
                        .rev()
                        .find(|p| p.last < today)
                        .map_or(1, |p| p.number),
                })
            };
            if let Some(n) = period
                && usize::try_from(n).map_or(true, |n| n == 0 || n > periods.len())
            {
                bail!(
                    "--period: expected a period from 1 to {}, found {n}",
                    periods.len()
                );
            }
            let xlsx = out
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
            if xlsx {
                export::sheet::write_progress_xlsx(&doc, &d, period, &out)?;
            } else {
                pdf::write_progress_report(&doc, &d, period, today, &out)?;
            }
            let what = match period {
                Some(n) => format!(
                    "the progress report for {}",
                    delivery::at_period_end(&doc, &d, n).period_label(n)
                ),
                None => "the end-of-contract summary".to_owned(),
            };
            wrote(ctx, &what, &out)
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

fn load_offer(ctx: &Ctx, arg: &str) -> Result<OfferDocument> {
    if is_file_arg(arg) {
        let path = Path::new(arg);
        return files::read_offer(&read_file(path)?).map_err(|e: FileError| in_file(path, e));
    }
    let id: i64 = arg.parse().map_err(|_| {
        anyhow!("{arg:?} is neither an offer id (a number: see offerwright offer list) nor an offer file")
    })?;
    Ok(offers::document(ctx.store()?.conn(), id)?)
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
