//! The interchange files: plan files (`*.svplan.json`), offer files
//! (`*.svoffer.json`) and workshop packs (`*.svworkshop.json`), version 1,
//! as `docs/formats.md` describes them.
//!
//! Reading is three passes, each refusing with a message that names the place:
//! 1. [`json::parse`]: strict JSON and the limits that hold for every value;
//! 2. the header (`format`, `version`), so that a plan offered as an offer is
//!    told so, then serde into the [`crate::domain`] types (unknown fields,
//!    types, slugs, decimals, dates);
//! 3. [`validate`]: what spans fields (unique ids, references, ranges).
//!
//! Writing goes through the same types, so export then import gives the same
//! data. The JSON Schemas in `docs/` are generated from [`schema`].

pub mod json;
pub mod schema;
mod validate;

use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::domain::{Delivery, Offer, OfferDocument, Plan, Tender, Workshop, WorkshopHead};

/// The `format` of a plan file.
pub const PLAN_FORMAT: &str = "offerwright/plan";
/// The `format` of an offer file.
pub const OFFER_FORMAT: &str = "offerwright/offer";
/// The `format` of a workshop pack.
pub const WORKSHOP_FORMAT: &str = "offerwright/workshop";
/// The version of the formats this build reads and writes.
pub const VERSION: u64 = 1;

/// Why a file was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// The file could not be read at all.
    #[error("{0}")]
    Read(String),
    /// Something about the file as a whole (encoding, syntax, size).
    #[error("{0}")]
    Whole(String),
    /// A value at a place in the file.
    #[error("{at}: {message}")]
    Invalid {
        /// Where: a field path such as `hot_topics[2].weight`.
        at: String,
        /// What was expected and what was found.
        message: String,
    },
    /// The file is another kind of Offerwright file.
    #[error("this file is {found}, not {expected}: {hint}")]
    WrongKind {
        /// What the file is, e.g. "a plan".
        found: &'static str,
        /// What was asked for.
        expected: &'static str,
        /// What to do instead.
        hint: &'static str,
    },
}

impl FileError {
    fn at(at: impl Into<String>, message: impl Into<String>) -> FileError {
        FileError::Invalid {
            at: at.into(),
            message: message.into(),
        }
    }
}

/// Reads a file's bytes, refusing one over the size limit without reading it.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    let shown = path.display();
    let meta = std::fs::metadata(path)
        .map_err(|e| FileError::Read(format!("cannot read {shown}: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(FileError::Read(format!("{shown} is a folder, not a file")));
    }
    if meta.len() > json::MAX_FILE_BYTES {
        return Err(json::too_large(meta.len()));
    }
    std::fs::read(path)
        .map_err(|e| FileError::Read(format!("cannot read {shown}: {}", io_reason(&e))))
}

/// An I/O error in plain words.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// What kind of Offerwright file a value claims to be.
fn kind_of(format: &str) -> Option<&'static str> {
    match format {
        PLAN_FORMAT => Some("a plan"),
        OFFER_FORMAT => Some("an offer"),
        WORKSHOP_FORMAT => Some("a workshop pack"),
        _ => None,
    }
}

/// Checks `format` and `version` of the object at `at` and removes them.
fn take_header(
    object: &mut serde_json::Map<String, Value>,
    at: &str,
    expected_format: &'static str,
) -> Result<(), FileError> {
    let place = |field: &str| {
        if at.is_empty() {
            field.to_owned()
        } else {
            format!("{at}.{field}")
        }
    };
    let expected = kind_of(expected_format).unwrap_or("an Offerwright file");
    match object.remove("format") {
        None | Some(Value::Null) => {
            return Err(FileError::at(
                place("format"),
                format!("missing: expected \"{expected_format}\" (is this an Offerwright file?)"),
            ));
        }
        Some(Value::String(f)) if f == expected_format => {}
        Some(Value::String(f)) => {
            return Err(match kind_of(&f) {
                Some(found) if at.is_empty() => FileError::WrongKind {
                    found,
                    expected,
                    hint: match found {
                        "a plan" => "import it as a plan instead",
                        "an offer" => "import it as an offer instead",
                        _ => "open it from the workshop screen instead",
                    },
                },
                _ => FileError::at(
                    place("format"),
                    format!(
                        "expected \"{expected_format}\", found {}",
                        crate::domain::fields::quoted(&f)
                    ),
                ),
            });
        }
        Some(other) => {
            return Err(FileError::at(
                place("format"),
                format!("expected the text \"{expected_format}\", found {other}"),
            ));
        }
    }
    match object.remove("version") {
        None | Some(Value::Null) => Err(FileError::at(
            place("version"),
            format!("missing: expected the number {VERSION}"),
        )),
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => Ok(()),
        Some(Value::Number(n)) if n.as_u64().is_some() => Err(FileError::at(
            place("version"),
            format!(
                "this file is version {n}, and this Offerwright reads version {VERSION}: open it with a newer Offerwright"
            ),
        )),
        Some(other) => Err(FileError::at(
            place("version"),
            format!(
                "expected the whole number {VERSION} (no quotes, no decimal point), found {other}"
            ),
        )),
    }
}

/// Deserialises a value into `T`, naming the failing field under `prefix`.
fn typed<T: serde::de::DeserializeOwned>(value: Value, prefix: &str) -> Result<T, FileError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let inner = e.path().to_string();
        let at = match (prefix.is_empty(), inner.as_str()) {
            (true, ".") => "the file".to_owned(),
            (true, _) => inner.clone(),
            (false, ".") => prefix.to_owned(),
            (false, _) => format!("{prefix}.{inner}"),
        };
        let message = plain_serde_message(&e.into_inner().to_string());
        // serde reports a missing field at the object that holds it; name the
        // field itself.
        match message {
            Located::Field(field, message) => {
                let at = if at == "the file" {
                    field
                } else {
                    format!("{at}.{field}")
                };
                FileError::at(at, message)
            }
            Located::Here(message) => FileError::at(at, message),
        }
    })
}

enum Located {
    Field(String, String),
    Here(String),
}

/// Rewrites serde's own messages in the project's words.
fn plain_serde_message(m: &str) -> Located {
    let m = m.rsplit_once(" at line ").map_or(m, |(head, _)| head);
    let ticked = |s: &str| s.trim_matches('`').to_owned();
    if let Some(rest) = m.strip_prefix("missing field ") {
        return Located::Field(ticked(rest), "missing: this field is required".to_owned());
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let fields = expected.trim_start_matches("one of ").replace('`', "");
        let message = if fields.is_empty() {
            "unknown field: version 1 of the format has no such field".to_owned()
        } else {
            format!(
                "unknown field: version 1 of the format has no such field (check its spelling); the fields here are {fields}"
            )
        };
        // serde_path_to_error's path already ends with the unknown key.
        let _ = field;
        return Located::Here(message);
    }
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .split_once(", expected ")
            .unwrap_or((rest, "another type"));
        let expected = if expected.starts_with("struct ") {
            "an object ({ ... })"
        } else if expected == "a sequence" {
            "a list ([ ... ])"
        } else if expected == "a boolean" {
            "true or false"
        } else {
            expected
        };
        let found = found
            .replace("string ", "the text ")
            .replace("sequence", "a list")
            .replace("map", "an object")
            .replace("integer `", "the number `")
            .replace("floating point `", "the number `")
            .replace('`', "");
        return Located::Here(format!("expected {expected}, found {found}"));
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Located::Here(format!(
            "expected {}, found {}",
            expected.replace('`', "\""),
            found.replace('`', "\"")
        ));
    }
    Located::Here(m.to_owned())
}

/// Reads a plan file.
pub fn read_plan(bytes: &[u8]) -> Result<Plan, FileError> {
    let mut value = json::parse(bytes)?;
    let object = value.as_object_mut().ok_or_else(|| {
        FileError::Whole("expected a JSON object at the top of the file".to_owned())
    })?;
    take_header(object, "", PLAN_FORMAT)?;
    let plan: Plan = typed(value, "")?;
    validate::plan(&plan, "")?;
    Ok(plan)
}

/// Reads an offer file, with the plan and tender it embeds; the delivery
/// records of a won offer, if any, are left aside (see
/// [`read_offer_with_delivery`]).
pub fn read_offer(bytes: &[u8]) -> Result<OfferDocument, FileError> {
    read_offer_with_delivery(bytes).map(|(doc, _)| doc)
}

/// Reads an offer file with the plan and tender it embeds, and, for a won
/// offer, its contract and delivery records.
pub fn read_offer_with_delivery(
    bytes: &[u8],
) -> Result<(OfferDocument, Option<Delivery>), FileError> {
    let mut value = json::parse(bytes)?;
    let object = value.as_object_mut().ok_or_else(|| {
        FileError::Whole("expected a JSON object at the top of the file".to_owned())
    })?;
    take_header(object, "", OFFER_FORMAT)?;
    let plan = embedded_plan(
        object,
        "missing: an offer file embeds the whole plan it answers",
    )?;
    let tender_value = object.remove("tender").unwrap_or(Value::Null);
    if tender_value.is_null() {
        return Err(FileError::at(
            "tender",
            "missing: an offer file embeds the tender it answers",
        ));
    }
    let tender: Tender = typed(tender_value, "tender")?;
    let delivery: Option<Delivery> = match object.remove("delivery") {
        None | Some(Value::Null) => None,
        Some(v) => Some(typed(v, "delivery")?),
    };
    let offer: Offer = typed(value, "")?;
    let doc = OfferDocument {
        plan,
        tender,
        offer,
    };
    validate::tender(&doc.tender, "tender.")?;
    validate::offer(&doc)?;
    if let Some(delivery) = &delivery {
        validate::delivery(&doc, delivery)?;
    }
    Ok((doc, delivery))
}

/// Reads the plan embedded at `at` ("plan") of a file.
fn embedded_plan(
    object: &mut serde_json::Map<String, Value>,
    missing: &str,
) -> Result<Plan, FileError> {
    let mut plan_value = match object.remove("plan") {
        None | Some(Value::Null) => return Err(FileError::at("plan", missing)),
        Some(v) => v,
    };
    let plan_object = plan_value
        .as_object_mut()
        .ok_or_else(|| FileError::at("plan", "expected an object: a whole plan file object"))?;
    take_header(plan_object, "plan", PLAN_FORMAT)?;
    let plan: Plan = typed(plan_value, "plan")?;
    validate::plan(&plan, "plan.")?;
    Ok(plan)
}

/// Reads a workshop pack: its title and instructions, the plan and mock
/// tender it embeds, and the model offer if it has one.
pub fn read_workshop(bytes: &[u8]) -> Result<Workshop, FileError> {
    let mut value = json::parse(bytes)?;
    let object = value.as_object_mut().ok_or_else(|| {
        FileError::Whole("expected a JSON object at the top of the file".to_owned())
    })?;
    take_header(object, "", WORKSHOP_FORMAT)?;
    let plan = embedded_plan(
        object,
        "missing: a workshop pack embeds the whole plan the participants write against",
    )?;
    let tender_value = object.remove("tender").unwrap_or(Value::Null);
    if tender_value.is_null() {
        return Err(FileError::at(
            "tender",
            "missing: a workshop pack embeds the mock tender the participants answer",
        ));
    }
    let tender: Tender = typed(tender_value, "tender")?;
    validate::tender(&tender, "tender.")?;
    let model_value = object.remove("model_offer").unwrap_or(Value::Null);
    let head: WorkshopHead = typed(value, "").map_err(|e| match e {
        // The head holds only some of the file's fields: name them all.
        FileError::Invalid { at, message } if message.starts_with("unknown field") => {
            FileError::Invalid {
                at,
                message: "unknown field: version 1 of the format has no such field (check its spelling); the fields here are format, version, title, instructions, plan, tender, model_offer".to_owned(),
            }
        }
        other => other,
    })?;
    let model_offer = if model_value.is_null() {
        None
    } else {
        if model_value
            .as_object()
            .is_some_and(|o| o.contains_key("format") || o.contains_key("plan"))
        {
            return Err(FileError::at(
                "model_offer",
                "expected only the offer's bidder, answers and commitments: the model offer answers the pack's own plan and tender, so it has no format, version, plan or tender of its own",
            ));
        }
        let offer: Offer = typed(model_value, "model_offer")?;
        let doc = OfferDocument {
            plan,
            tender,
            offer,
        };
        validate::offer(&doc).map_err(|e| match e {
            FileError::Invalid { at, message } => FileError::Invalid {
                at: format!("model_offer.{at}"),
                message,
            },
            other => other,
        })?;
        return Ok(Workshop {
            title: head.title,
            instructions: head.instructions,
            plan: doc.plan,
            tender: doc.tender,
            model_offer: Some(doc.offer),
        });
    };
    Ok(Workshop {
        title: head.title,
        instructions: head.instructions,
        plan,
        tender,
        model_offer,
    })
}

/// A plan file as written: the header, then the plan's fields.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(title = "Offerwright plan file, version 1", deny_unknown_fields)]
pub struct PlanFile<'a> {
    /// Always "offerwright/plan".
    #[schemars(extend("const" = "offerwright/plan"))]
    pub format: &'static str,
    /// Always the whole number 1.
    #[schemars(extend("const" = 1))]
    pub version: u64,
    /// The plan.
    #[serde(flatten)]
    pub plan: &'a Plan,
}

impl<'a> PlanFile<'a> {
    /// The file for `plan`.
    pub fn new(plan: &'a Plan) -> Self {
        PlanFile {
            format: PLAN_FORMAT,
            version: VERSION,
            plan,
        }
    }
}

/// An offer file as written: the header, the plan and tender, then the offer.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(title = "Offerwright offer file, version 1", deny_unknown_fields)]
pub struct OfferFile<'a> {
    /// Always "offerwright/offer".
    #[schemars(extend("const" = "offerwright/offer"))]
    pub format: &'static str,
    /// Always the whole number 1.
    #[schemars(extend("const" = 1))]
    pub version: u64,
    /// The whole plan the offer answers, as a plan file object.
    pub plan: PlanFile<'a>,
    /// The tender the offer answers.
    pub tender: &'a Tender,
    /// The bidder, answers and commitments.
    #[serde(flatten)]
    pub offer: &'a Offer,
    /// After award: the contract and what was delivered (optional).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery: Option<&'a Delivery>,
}

/// A workshop pack as written: the header, the title and instructions, the
/// plan and mock tender, then the model offer if there is one.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(title = "Offerwright workshop pack, version 1", deny_unknown_fields)]
pub struct WorkshopFile<'a> {
    /// Always "offerwright/workshop".
    #[schemars(extend("const" = "offerwright/workshop"))]
    pub format: &'static str,
    /// Always the whole number 1.
    #[schemars(extend("const" = 1))]
    pub version: u64,
    /// The workshop's title, e.g. "Bid writing for social value, Durham".
    #[schemars(length(min = 1, max = 2000))]
    pub title: &'a str,
    /// The trainer's instructions to participants, in Markdown (may be empty).
    #[schemars(length(max = 200000))]
    pub instructions: &'a str,
    /// The whole plan the participants write against, as a plan file object.
    pub plan: PlanFile<'a>,
    /// The mock tender the participants answer.
    pub tender: &'a Tender,
    /// The trainer's model offer (bidder, answers and commitments) against
    /// the pack's plan and tender: the exemplar of the debrief.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_offer: Option<&'a Offer>,
}

/// Writes a workshop pack: pretty JSON, UTF-8, ending in a newline.
pub fn write_workshop(workshop: &Workshop) -> String {
    pretty(&WorkshopFile {
        format: WORKSHOP_FORMAT,
        version: VERSION,
        title: &workshop.title,
        instructions: &workshop.instructions,
        plan: PlanFile::new(&workshop.plan),
        tender: &workshop.tender,
        model_offer: workshop.model_offer.as_ref(),
    })
}

/// Saves a workshop pack at `path`, whole or not at all.
pub fn save_workshop(path: &Path, workshop: &Workshop) -> Result<(), FileError> {
    write_atomically(path, write_workshop(workshop).as_bytes()).map_err(|e| cannot_write(path, &e))
}

/// Checks a workshop pack made in memory by the pack file's rules: it is
/// written out and read back.
pub fn validate_workshop(workshop: &Workshop) -> Result<(), FileError> {
    read_workshop(write_workshop(workshop).as_bytes()).map(drop)
}

/// Writes a plan file: pretty JSON, UTF-8, ending in a newline.
pub fn write_plan(plan: &Plan) -> String {
    pretty(&PlanFile::new(plan))
}

/// Writes an offer file: pretty JSON, UTF-8, ending in a newline.
pub fn write_offer(doc: &OfferDocument) -> String {
    write_offer_with_delivery(doc, None)
}

/// Writes a won offer's file: the offer as submitted, then its contract
/// and every delivery record, corrections included.
pub fn write_offer_with_delivery(doc: &OfferDocument, delivery: Option<&Delivery>) -> String {
    pretty(&OfferFile {
        format: OFFER_FORMAT,
        version: VERSION,
        plan: PlanFile::new(&doc.plan),
        tender: &doc.tender,
        offer: &doc.offer,
        delivery,
    })
}

fn pretty(value: &impl Serialize) -> String {
    // The domain types serialise only strings, numbers, lists and objects
    // with string keys, which cannot fail.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Saves a plan file at `path`, whole or not at all.
pub fn save_plan(path: &Path, plan: &Plan) -> Result<(), FileError> {
    write_atomically(path, write_plan(plan).as_bytes()).map_err(|e| cannot_write(path, &e))
}

/// Saves an offer file at `path`, whole or not at all.
pub fn save_offer(path: &Path, doc: &OfferDocument) -> Result<(), FileError> {
    write_atomically(path, write_offer(doc).as_bytes()).map_err(|e| cannot_write(path, &e))
}

/// Saves a won offer's file, with its delivery records, at `path`.
pub fn save_offer_with_delivery(
    path: &Path,
    doc: &OfferDocument,
    delivery: Option<&Delivery>,
) -> Result<(), FileError> {
    write_atomically(path, write_offer_with_delivery(doc, delivery).as_bytes())
        .map_err(|e| cannot_write(path, &e))
}

/// The error for a file that could not be written.
pub fn cannot_write(path: &Path, e: &std::io::Error) -> FileError {
    FileError::Read(format!(
        "cannot write {}: {}; nothing was changed there",
        path.display(),
        io_reason(e)
    ))
}

/// A file name for an offer: "Wear Valley Kitchens CIC - DCC-2026-0142.svoffer.json".
pub fn offer_file_name(doc: &OfferDocument, extension: &str) -> String {
    safe_file_name(
        &format!("{} - {}", doc.offer.bidder.name, doc.tender.reference),
        extension,
    )
}

/// A file name for a workshop pack: "Bid writing, Durham.svworkshop.json".
pub fn workshop_file_name(workshop: &Workshop) -> String {
    safe_file_name(&workshop.title, "svworkshop.json")
}

/// A file name for a participant's offer in a workshop, after the
/// participant (the bidder's name) and the pack:
/// "Wear Valley Kitchens CIC - Bid writing, Durham.svoffer.json".
pub fn workshop_offer_file_name(doc: &OfferDocument, workshop_title: &str) -> String {
    safe_file_name(
        &format!("{} - {workshop_title}", doc.offer.bidder.name),
        "svoffer.json",
    )
}

/// A file name for a workshop's debrief output, after the pack and what it
/// holds: "Bid writing, Durham - handout.pdf".
pub fn workshop_output_file_name(workshop: &Workshop, what: &str, extension: &str) -> String {
    safe_file_name(&format!("{} - {what}", workshop.title), extension)
}

/// `raw` with the characters file systems refuse replaced, then `.extension`.
fn safe_file_name(raw: &str, extension: &str) -> String {
    let safe: String = raw
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{}.{extension}", safe.trim())
}

/// Writes `contents` to `path` whole or not at all: into a temporary file
/// beside it, flushed to disk, then renamed over the target.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // The usual mode of a new file (0666 less the umask), not the
    // temporary file's 0600: an export is for colleagues to open.
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = std::fs::File::open(dir) {
        // Make the rename itself durable where the platform allows it.
        let _ = d.sync_all();
    }
    Ok(())
}

/// Reads a value sent as JSON (by the app's UI) into a domain type, by the
/// same rules as a file, naming the failing field under `at`.
pub fn from_value<T: serde::de::DeserializeOwned>(value: Value, at: &str) -> Result<T, FileError> {
    typed(json::check_value(value)?, at)
}

/// Checks a value made in memory (by the app, a test, the demo) by exactly
/// the rules its fields have in a file: it is written to JSON and read back.
pub fn recheck<T>(item: &T, at: &str) -> Result<(), FileError>
where
    T: Serialize + serde::de::DeserializeOwned,
{
    let value = serde_json::to_value(item).map_err(|e| FileError::at(at, e.to_string()))?;
    let value = json::check_value(value)?;
    typed::<T>(value, at).map(drop)
}

/// Checks a plan by the plan file's rules (fields, ids, references, weights).
pub fn validate_plan(plan: &Plan) -> Result<(), FileError> {
    recheck(plan, "")?;
    validate::plan(plan, "")
}

/// Checks a tender by the offer file's rules (fields, value, dates, weighting, questions).
pub fn validate_tender(tender: &Tender) -> Result<(), FileError> {
    recheck(tender, "")?;
    validate::tender(tender, "")
}

/// Checks a won offer's delivery records against the offer and its contract.
pub fn validate_delivery(doc: &OfferDocument, delivery: &Delivery) -> Result<(), FileError> {
    validate::delivery(doc, delivery)
}

/// Checks an offer against its plan and tender (answers, commitments).
pub fn validate_offer(doc: &OfferDocument) -> Result<(), FileError> {
    validate::offer(doc)
}
