//! The comparison as CSV (RFC 4180, UTF-8): one line per participant and
//! one for the model offer, every score, for the trainer's records. No cell
//! is a formula to a spreadsheet ([`crate::text::csv_cell`]), and a file
//! name's invisible characters are written out ([`crate::text::escape`]).

use std::path::Path;

use super::{Comparison, WorkshopError};
use crate::files;
use crate::money::round;

/// The comparison as CSV text: a header line, then one line per
/// participant, best first, then the model offer's line if there is one.
pub fn csv(c: &Comparison) -> String {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut header: Vec<String> = ["rank", "participant", "file"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    for t in &c.hot_topics {
        header.push(format!("{} (band)", t.title));
        header.push(format!("{} (marks)", t.title));
    }
    header.extend(
        [
            "innovation marks",
            "projected marks",
            "out of",
            "commitments",
            "social value (GBP)",
            "weaknesses",
        ]
        .map(str::to_owned),
    );
    // Every cell is made safe for a spreadsheet: the names, file names and
    // titles come from strangers' files.
    let safe = |line: &[String]| -> Vec<String> {
        line.iter()
            .map(|cell| crate::text::csv_cell(&crate::text::escape(cell)).into_owned())
            .collect()
    };
    // Writing to memory cannot fail.
    let _ = w.write_record(safe(&header));
    let weakness = |key: &String| {
        c.weaknesses
            .iter()
            .find(|w| &w.key == key)
            .map(|w| w.fix.clone())
            .unwrap_or_default()
    };
    for row in &c.rows {
        let mut line = vec![
            // "3=" is a shared third place, and text to a spreadsheet.
            row.rank_text.clone(),
            row.participant.clone(),
            row.file.clone().unwrap_or_default(),
        ];
        for (band, marks) in row.bands.iter().zip(&row.topic_marks) {
            line.push(band.number().to_string());
            line.push(round(*marks, 2).to_string());
        }
        line.push(round(row.innovation_marks, 2).to_string());
        line.push(round(row.projected_marks, 2).to_string());
        line.push(c.weighting.to_string());
        line.push(row.commitments.to_string());
        line.push(
            row.social_value
                .map(|v| round(v, 2).to_string())
                .unwrap_or_default(),
        );
        line.push(
            row.weaknesses
                .iter()
                .map(weakness)
                .collect::<Vec<_>>()
                .join(" | "),
        );
        let _ = w.write_record(safe(&line));
    }
    if let Some(e) = &c.exemplar {
        let mut line = vec![
            "model".to_owned(),
            if c.anonymised {
                e.bidder.clone()
            } else {
                format!("Model offer: {}", e.bidder)
            },
            String::new(),
        ];
        for band in &e.bands {
            line.push(band.number().to_string());
            line.push(String::new());
        }
        line.push(String::new());
        line.push(round(e.projected_marks, 2).to_string());
        line.push(c.weighting.to_string());
        line.extend([String::new(), String::new(), String::new()]);
        let _ = w.write_record(safe(&line));
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// Writes the CSV to `path`, whole or not at all.
pub fn write_csv(c: &Comparison, path: &Path) -> Result<(), WorkshopError> {
    files::write_atomically(path, csv(c).as_bytes())
        .map_err(|e| WorkshopError::Write(files::cannot_write(path, &e).to_string()))
}
