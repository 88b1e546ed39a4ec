//! The `offerwright` command line: the core's features for scripts, trainers
//! and anyone without the desktop app. It parses arguments, calls the
//! core's operations (`offerwright::ops`) and prints; every rule lives in
//! the core. One module per subcommand, under `cmd/`; the clock is read
//! here only ([`Ctx::today`]).

mod cmd;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, Result, anyhow};
use clap::{Parser, Subcommand};
use rust_decimal::Decimal;
use serde::Serialize;

use offerwright::domain::{OfferDocument, fields};
use offerwright::files;
use offerwright::store::{self, Store, offers};

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
    Plan(cmd::plan::PlanCommand),
    /// Tenders: buyer, value, weighting and social value questions.
    #[command(subcommand)]
    Tender(cmd::tender::TenderCommand),
    /// Offers: bidder, answers and commitments.
    #[command(subcommand)]
    Offer(cmd::offer::OfferCommand),
    /// After award: mark an offer as won, record what is delivered each
    /// period, see where each commitment stands, report to the buyer.
    #[command(subcommand)]
    Contract(cmd::contract::ContractCommand),
    /// Workshops: pack a plan and mock tender for a room, start a
    /// participant's offer, collect and compare the offers handed back.
    #[command(subcommand)]
    Workshop(cmd::workshop::WorkshopCommand),
    /// Back up the store: into the backups folder beside it, or to FILE.
    Backup {
        /// Where to write the backup (default: the backups folder, which keeps the newest of each kind).
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

/// What every subcommand gets: where the store is, whether to print JSON.
pub(crate) struct Ctx {
    data_dir: PathBuf,
    json: bool,
}

impl Ctx {
    /// Opens the store, saying so when its daily backup could not be made.
    pub(crate) fn store(&self) -> Result<Store> {
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

    /// The store file, open or not.
    pub(crate) fn store_file(&self) -> PathBuf {
        self.data_dir.join(store::STORE_FILE)
    }

    /// Today, by the local calendar: the command line's one clock.
    pub(crate) fn today(&self) -> chrono::NaiveDate {
        chrono::Local::now().date_naive()
    }

    /// Prints `value` as JSON, or `text` for people.
    pub(crate) fn print<T: Serialize>(
        &self,
        value: &T,
        text: impl FnOnce() -> String,
    ) -> Result<()> {
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

    /// Prints a list: as JSON with `--json`, else a line per item, or
    /// `empty` (what to do next) when there is none.
    pub(crate) fn print_list<T: Serialize>(
        &self,
        list: &[T],
        empty: &str,
        line: impl Fn(&T) -> String,
    ) -> Result<()> {
        self.print(&list, || {
            if list.is_empty() {
                return format!("{empty}\n");
            }
            list.iter().map(|item| line(item) + "\n").collect()
        })
    }

    /// Says which file was written.
    /// Says on standard error what a PDF just written could not print.
    pub(crate) fn warn_unprintable(&self, list: &[offerwright::export::pdf::Unprintable]) {
        for u in list {
            // The characters come from a stranger's file.
            eprintln!("warning: {}", offerwright::text::terminal(&u.message));
        }
    }

    pub(crate) fn wrote(&self, what: &str, out: &Path) -> Result<()> {
        self.print(&serde_json::json!({ "file": out }), || {
            format!("Wrote {what} to {}\n", out.display())
        })
    }
}

fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx {
        data_dir: store::data_dir(cli.data_dir.as_deref()),
        json: cli.json,
    };
    match cli.command {
        Command::Where => {
            let path = ctx.store_file();
            ctx.print(&serde_json::json!({ "store": path }), || {
                format!("{}\n", path.display())
            })
        }
        Command::Demo => cmd::backup::demo(&ctx),
        Command::Plan(c) => cmd::plan::run(&ctx, c),
        Command::Tender(c) => cmd::tender::run(&ctx, c),
        Command::Offer(c) => cmd::offer::run(&ctx, c),
        Command::Contract(c) => cmd::contract::run(&ctx, c),
        Command::Workshop(c) => cmd::workshop::run(&ctx, c),
        Command::Backup { file, list } => cmd::backup::backup(&ctx, file.as_deref(), list),
        Command::Restore { file } => cmd::backup::restore(&ctx, &file),
    }
}

/// Reads a file for import, naming it in any refusal.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>> {
    files::read_bytes(path).map_err(|e| anyhow!(e))
}

/// An error about the file `path`.
pub(crate) fn in_file(path: &Path, e: impl Into<anyhow::Error>) -> anyhow::Error {
    let e = e.into();
    anyhow!("{}: {e}", path.display())
}

/// Treats `arg` as a file when it names one, or looks like a file name.
pub(crate) fn is_file_arg(arg: &str) -> bool {
    arg.ends_with(".json") || Path::new(arg).is_file()
}

/// Writes a text file whole or not at all.
pub(crate) fn write_file(path: &Path, text: &str) -> Result<()> {
    files::write_atomically(path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

/// A decimal given as `--flag`.
pub(crate) fn parse_decimal_arg(flag: &str, s: &str) -> Result<Decimal> {
    fields::parse_decimal(s.trim()).map_err(|e| anyhow!("--{flag}: {e}"))
}

/// A date given as `--flag`.
pub(crate) fn parse_date_arg(flag: &str, s: &str) -> Result<chrono::NaiveDate> {
    fields::parse_date(s).map_err(|e| anyhow!("--{flag}: {e}"))
}

/// An offer's id given on the command line.
pub(crate) fn offer_id(arg: &str) -> Result<i64> {
    arg.parse().map_err(|_| {
        anyhow!("{arg:?} is neither an offer id (a number: see offerwright offer list) nor an offer file")
    })
}

/// An offer from the store (a number) or from an offer file.
pub(crate) fn load_offer(ctx: &Ctx, arg: &str) -> Result<OfferDocument> {
    if is_file_arg(arg) {
        let path = Path::new(arg);
        return files::read_offer(&read_file(path)?).map_err(|e| in_file(path, e));
    }
    Ok(offers::document(ctx.store()?.conn(), offer_id(arg)?)?)
}
