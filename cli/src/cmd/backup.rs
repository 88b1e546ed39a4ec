//! `offerwright backup`, `restore` and `demo`.

use std::path::Path;

use anyhow::Result;
use offerwright::ops;
use offerwright::store::backup::{self, BackupKind};

use crate::Ctx;

/// Backs the store up, or lists its backups.
pub(crate) fn backup(ctx: &Ctx, file: Option<&Path>, list: bool) -> Result<()> {
    if list {
        let list = backup::list_backups(&ctx.store_file())?;
        return ctx.print_list(&list, "No backups yet. Make one: offerwright backup", |b| {
            format!("{}  {:>10} bytes  {}  ({})", b.date, b.size, b.path, b.why)
        });
    }
    let store = ctx.store()?;
    let made = match file {
        Some(file) => backup::back_up_to(&store, file)?,
        None => backup::back_up(&store, BackupKind::Manual)?,
    };
    ctx.print(&made, || {
        format!(
            "Backed up the store to {} ({} bytes).\nTo restore it: offerwright restore {}\n",
            made.path, made.size, made.path
        )
    })
}

/// Restores a backup, given as a path or as its name in the backups folder.
pub(crate) fn restore(ctx: &Ctx, file: &Path) -> Result<()> {
    let store_file = ctx.store_file();
    let in_folder = backup::backup_dir(&store_file).join(file);
    let from = if !file.exists() && file.components().count() == 1 && in_folder.is_file() {
        in_folder
    } else {
        file.to_path_buf()
    };
    let done = backup::restore(&store_file, &from)?;
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

/// Creates the demo tender and offer.
pub(crate) fn demo(ctx: &Ctx) -> Result<()> {
    let mut store = ctx.store()?;
    let demo = ops::demo::create_demo(&mut store)?;
    ctx.print(&demo, || {
        format!(
            "Created the demo tender {} (school meals, £480,000, 36 months, 10% social value)\n\
             and a half-finished offer {} from Wear Valley Kitchens CIC against the County Durham sample plan.\n\n\
             Next: offerwright offer show {}\n      offerwright offer export {} demo.svoffer.json\n",
            demo.tender_id, demo.offer_id, demo.offer_id, demo.offer_id
        )
    })
}
