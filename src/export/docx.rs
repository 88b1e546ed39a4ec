//! The submission as a Word file (.docx): the same content, in the same
//! order, as the submission PDF (cover, contents, each answer under its
//! question, the commitments table, the social value summary), set in real
//! Word styles so that a buyer's template can restyle it: Title, Subtitle,
//! Heading 1 to 3, Normal, Quote, List Paragraph, and the table style
//! "Offer Table". The footer gives the tender, the bidder and "Page N of M".
//!
//! Built with docx-rs. docx-rs cannot mark a table row as a header row
//! (`w:tblHeader`), so [`repeat_header_rows`] adds it to the first row of
//! every table in the built document before it is zipped.

use std::io::Cursor;
use std::path::Path;

use chrono::NaiveDate;
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, FieldCharType, Footer, IndentLevel,
    InstrPAGEREF, InstrText, Level, LevelJc, LevelText, LineSpacing, NumPages, NumberFormat,
    Numbering, NumberingId, PageMargin, PageNum, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, Shading, ShdType, SpecialIndentType,
    Start, Style, StyleType, Tab, TabLeaderType, TabValueType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableRow, WidthType,
};

use super::content;
use super::pdf::markdown::{self, Block};
use super::pdf::{self, BREAK, Face, Span, WordTable};
use super::{ExportError, write};
use crate::domain::{OfferDocument, Question};
use crate::score;

const ACCENT: &str = "005C66";
const INK: &str = "212329";
const MUTED: &str = "5C6169";
const RULE: &str = "C7CCD1";
const SHADE: &str = "EBF2F2";

/// A4 in twentieths of a point, with margins of 20 mm.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: i32 = 1134;
const TEXT_W: f32 = (PAGE_W as i32 - 2 * MARGIN) as f32;

/// The numbering definitions: bullets, and decimal lists (one instance per
/// list, so that each starts at its own number). docx-rs writes a numbering
/// of its own as 1.
const BULLETS: usize = 2;
const DECIMAL: usize = 3;

/// The table style every table uses.
pub const TABLE_STYLE: &str = "OfferTable";

/// The Word file of an offer's submission, as bytes; `today` is the date on
/// the cover.
pub fn submission(doc: &OfferDocument, today: NaiveDate) -> Result<Vec<u8>, ExportError> {
    let mut w = Writer {
        docx: base(doc),
        next_list: 10,
    };
    let clean = |s: &str| s.to_owned();

    cover(&mut w, doc, today);
    let titles = content::section_titles(doc, false);
    w.add(
        Paragraph::new()
            .style("TOCHeading")
            .page_break_before(true)
            .add_run(Run::new().add_text("Contents")),
    );
    // Each section with its page: a PAGEREF field to a bookmark on its
    // heading, which Word and LibreOffice fill in.
    for (i, title) in titles.iter().enumerate() {
        w.add(
            Paragraph::new()
                .style("TOC1")
                .add_tab(
                    Tab::new()
                        .val(TabValueType::Right)
                        .pos(TEXT_W as usize)
                        .leader(TabLeaderType::Dot),
                )
                .add_run(Run::new().add_text(title.clone()).add_tab())
                .add_run(
                    Run::new()
                        .add_field_char(FieldCharType::Begin, true)
                        .add_instr_text(InstrText::PAGEREF(InstrPAGEREF::new(section_bookmark(i))))
                        .add_field_char(FieldCharType::Separate, false)
                        .add_text("#")
                        .add_field_char(FieldCharType::End, false),
                ),
        );
    }

    let mut titles = titles.into_iter().enumerate();
    let mut section = |w: &mut Writer, page_break: bool| {
        let (i, title) = titles.next().unwrap_or_default();
        w.add(
            heading(1, &title)
                .page_break_before(page_break)
                .add_bookmark_start(i + 1, section_bookmark(i))
                .add_bookmark_end(i + 1),
        );
    };
    for q in &doc.tender.questions {
        section(&mut w, true);
        question(&mut w, doc, q);
    }

    section(&mut w, true);
    commitments(&mut w, doc, &clean);

    section(&mut w, false);
    let report = score::score(doc);
    match content::social_value_intro(doc, &report) {
        None => w.add(para(content::NO_SOCIAL_VALUE)),
        Some([before, total, after]) => {
            w.add(
                Paragraph::new()
                    .add_run(Run::new().add_text(before))
                    .add_run(Run::new().add_text(total).bold())
                    .add_run(Run::new().add_text(after)),
            );
            w.add(heading(2, "By theme"));
            let rows = content::theme_rows(&report, &clean);
            let texts: Vec<Vec<String>> = rows.iter().map(|r| r.to_vec()).collect();
            let last = rows.len().saturating_sub(1);
            w.table(&content::THEME_COLUMNS, &texts, |i, row| {
                row.iter()
                    .map(|cell| {
                        let run = Run::new().add_text(cell);
                        vec![Paragraph::new().add_run(if i == last { run.bold() } else { run })]
                    })
                    .collect()
            });
            w.add(heading(2, "By commitment"));
            let rows = content::value_rows(doc, &report, &clean);
            let texts: Vec<Vec<String>> = rows.iter().map(|r| r.to_vec()).collect();
            w.table(&content::VALUE_COLUMNS, &texts, |_, row| {
                row.iter().map(|c| vec![para(c)]).collect()
            });
        }
    }

    pack(w.docx)
}

/// Writes the Word file of an offer's submission to `path`, whole or not at all.
pub fn write_submission(
    doc: &OfferDocument,
    today: NaiveDate,
    path: &Path,
) -> Result<(), ExportError> {
    write(path, &submission(doc, today)?)
}

struct Writer {
    docx: Docx,
    next_list: usize,
}

impl Writer {
    fn add(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    /// A table in the table style, its first row a header row that Word
    /// repeats on every page the table runs onto. Its columns are as wide
    /// as the PDF's and in its type size, and its words break where the
    /// PDF's do: `row` makes a row's cells (paragraphs) from its `texts`,
    /// soft hyphens added.
    fn table(
        &mut self,
        columns: &[(&str, bool)],
        texts: &[Vec<String>],
        row: impl Fn(usize, &[String]) -> Vec<Vec<Paragraph>>,
    ) {
        let titles: Vec<&str> = columns.iter().map(|c| c.0).collect();
        let WordTable {
            shares,
            size,
            cells,
        } = pdf::word_table(&titles, texts);
        let widths: Vec<usize> = shares
            .iter()
            .map(|share| (TEXT_W * share) as usize)
            .collect();
        // The PDF's type for this table: smaller where its longest words
        // needed it.
        let style = match (size * 2.0).round() as u32 {
            17.. => "TableText",
            16 => "TableText16",
            15 => "TableText15",
            _ => "TableText14",
        };
        let cell = |i: usize, paragraphs: Vec<Paragraph>| {
            let right = columns.get(i).is_some_and(|c| c.1);
            paragraphs.into_iter().fold(
                TableCell::new().width(widths[i], WidthType::Dxa),
                |cell, p| {
                    cell.add_paragraph(p.style(style).align(if right {
                        AlignmentType::Right
                    } else {
                        AlignmentType::Left
                    }))
                },
            )
        };
        let header = TableRow::new(
            columns
                .iter()
                .enumerate()
                .map(|(i, (name, _))| {
                    cell(
                        i,
                        vec![Paragraph::new().add_run(Run::new().add_text(*name).bold())],
                    )
                    .shading(Shading::new().shd_type(ShdType::Clear).fill(SHADE))
                })
                .collect(),
        )
        .cant_split();
        let mut table_rows = vec![header];
        for (i, texts) in cells.iter().enumerate() {
            table_rows.push(
                TableRow::new(
                    row(i, texts)
                        .into_iter()
                        .enumerate()
                        .map(|(i, paragraphs)| cell(i, paragraphs))
                        .collect(),
                )
                .cant_split(),
            );
        }
        let table = Table::without_borders(table_rows)
            .style(TABLE_STYLE)
            .set_grid(widths)
            .width(TEXT_W as usize, WidthType::Dxa);
        self.docx = std::mem::take(&mut self.docx).add_table(table);
        // A little space after the table.
        self.add(Paragraph::new().style("TableAfter"));
    }

    /// A new numbering instance, so that a list starts at its own number.
    fn numbered_list(&mut self, start: u64) -> usize {
        let id = self.next_list;
        self.next_list += 1;
        let mut n = Numbering::new(id, DECIMAL);
        for level in 0..9 {
            n = n.add_override(docx_rs::LevelOverride::new(level).start(if level == 0 {
                start as usize
            } else {
                1
            }));
        }
        self.docx = std::mem::take(&mut self.docx).add_numbering(n);
        id
    }
}

/// The bookmark on the heading of section `i` (from 0).
fn section_bookmark(i: usize) -> String {
    format!("_Section{}", i + 1)
}

fn heading(level: usize, text: &str) -> Paragraph {
    Paragraph::new()
        .style(&format!("Heading{level}"))
        .add_run(Run::new().add_text(text))
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

fn muted_italic(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text).italic().color(MUTED))
}

/// The document with its page, styles, numbering and footer.
fn base(doc: &OfferDocument) -> Docx {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_W as usize))
            .add_run(Run::new().add_text(format!(
                "{} \u{2013} {}",
                doc.tender.reference, doc.offer.bidder.name
            )))
            .add_run(Run::new().add_tab().add_text("Page "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" of "))
            .add_num_pages(NumPages::new()),
    );
    let mut docx = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .footer(567)
                .header(567),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri")
                .east_asia("Calibri"),
        )
        .default_size(21)
        .default_line_spacing(LineSpacing::new().after(120).line(276))
        .footer(footer)
        .created_at(&format!("{}T00:00:00Z", doc.tender.deadline))
        .add_abstract_numbering(list_levels(BULLETS, true))
        .add_abstract_numbering(list_levels(DECIMAL, false))
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    for style in styles() {
        docx = docx.add_style(style);
    }
    docx
}

/// Nine levels of bullets or of decimal numbers, each indented further.
fn list_levels(id: usize, bullets: bool) -> AbstractNumbering {
    let mut a = AbstractNumbering::new(id);
    for level in 0..9 {
        let (format, text) = if bullets {
            (
                "bullet",
                ["\u{2022}", "\u{2013}", "\u{25E6}"][level % 3].to_owned(),
            )
        } else {
            ("decimal", format!("%{}.", level + 1))
        };
        let left = 360 * (level as i32 + 1);
        a = a.add_level(
            Level::new(
                level,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(left),
                Some(SpecialIndentType::Hanging(360)),
                None,
                None,
            ),
        );
    }
    a
}

/// The named styles: Word's built-in names where Word has one.
fn styles() -> Vec<Style> {
    let p = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
    };
    let heading = |level: usize, size: usize, color: &str, before: u32| {
        let mut s = p(&format!("Heading{level}"), &format!("heading {level}"))
            .size(size)
            .bold()
            .color(color)
            .outline_lvl(level - 1)
            .line_spacing(LineSpacing::new().before(before).after(120));
        s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
        s
    };
    let mut title = p("Title", "Title").size(56).bold().color(INK);
    title.paragraph_property = title
        .paragraph_property
        .line_spacing(LineSpacing::new().before(240).after(240).line(240));
    let mut question = p("Question", "Question").color(INK);
    question.paragraph_property = question
        .paragraph_property
        .shading(Shading::new().shd_type(ShdType::Clear).fill(SHADE))
        .set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Left)
                    .size(24)
                    .space(8)
                    .color(ACCENT),
            ),
        )
        .indent(Some(200), None, Some(200), None)
        .line_spacing(LineSpacing::new().after(0))
        .keep_next(true);
    let mut quote = p("Quote", "Quote").italic().color(MUTED);
    quote.paragraph_property = quote
        .paragraph_property
        .indent(Some(567), None, None, None)
        .set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Left)
                    .size(12)
                    .space(8)
                    .color(RULE),
            ),
        );
    let mut rule = p("Rule", "Rule");
    rule.paragraph_property = rule.paragraph_property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .size(6)
                .color(RULE),
        ),
    );
    let table_border = |pos| TableBorder::new(pos).size(4).color(RULE);
    let mut table = Style::new(TABLE_STYLE, StyleType::Table)
        .name("Offer Table")
        .based_on("TableNormal");
    table.table_property = table
        .table_property
        .set_borders(
            TableBorders::with_empty()
                .set(table_border(TableBorderPosition::Top))
                .set(table_border(TableBorderPosition::Bottom))
                .set(table_border(TableBorderPosition::Left))
                .set(table_border(TableBorderPosition::Right))
                .set(table_border(TableBorderPosition::InsideH))
                .set(table_border(TableBorderPosition::InsideV)),
        )
        .set_margins(TableCellMargins::new().margin(60, 80, 60, 80));
    vec![
        title,
        p("Subtitle", "Subtitle").size(28).color(MUTED),
        p("CoverLabel", "Cover Label").size(22).bold().color(ACCENT),
        heading(1, 34, ACCENT, 0),
        heading(2, 24, INK, 240),
        heading(3, 21, INK, 180),
        p("TOCHeading", "TOC Heading").size(34).bold().color(ACCENT),
        p("TOC1", "toc 1").size(22),
        question,
        p("QuestionLabel", "Question Label")
            .size(18)
            .bold()
            .color(ACCENT)
            .line_spacing(LineSpacing::new().after(0)),
        p("QuestionFacts", "Question Facts").size(18).color(MUTED),
        p("ListParagraph", "List Paragraph").line_spacing(LineSpacing::new().after(60)),
        quote,
        p("Code", "Code")
            .color(MUTED)
            .fonts(RunFonts::new().ascii("Courier New").hi_ansi("Courier New")),
        rule,
        p("TableText", "Table Text")
            .size(17)
            .line_spacing(LineSpacing::new().after(0).line(240)),
        // The smaller steps of a table whose longest words need them.
        p("TableText16", "Table Text 8")
            .based_on("TableText")
            .size(16),
        p("TableText15", "Table Text 7.5")
            .based_on("TableText")
            .size(15),
        p("TableText14", "Table Text 7")
            .based_on("TableText")
            .size(14),
        p("TableAfter", "Table After")
            .size(8)
            .line_spacing(LineSpacing::new().after(120)),
        p("Footer", "footer").size(16).color(MUTED),
        table,
    ]
}

/// The cover: what, for whom, from whom, when.
fn cover(w: &mut Writer, doc: &OfferDocument, today: NaiveDate) {
    let clean = |s: &str| s.to_owned();
    w.add(
        Paragraph::new()
            .style("CoverLabel")
            .line_spacing(LineSpacing::new().before(1800))
            .add_run(Run::new().add_text("Social value offer")),
    );
    w.add(
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text(&doc.tender.title)),
    );
    w.add(
        Paragraph::new()
            .style("Subtitle")
            .add_run(Run::new().add_text(content::cover_subtitle(doc, &clean))),
    );
    w.add(Paragraph::new().line_spacing(LineSpacing::new().before(2400)));
    let facts = content::cover_facts(doc, today, &clean);
    let label_w = (TEXT_W * 0.3) as usize;
    let value_w = TEXT_W as usize - label_w;
    let rule = |pos| TableBorder::new(pos).size(4).color(RULE);
    let rows = facts
        .into_iter()
        .map(|(label, value)| {
            TableRow::new(vec![
                TableCell::new()
                    .width(label_w, WidthType::Dxa)
                    .add_paragraph(
                        Paragraph::new()
                            .style("TableText")
                            .add_run(Run::new().add_text(label).bold().color(MUTED).size(21)),
                    ),
                TableCell::new()
                    .width(value_w, WidthType::Dxa)
                    .add_paragraph(
                        Paragraph::new()
                            .style("TableText")
                            .add_run(Run::new().add_text(value).size(21)),
                    ),
            ])
            .cant_split()
        })
        .collect();
    let table = Table::without_borders(rows)
        .set_grid(vec![label_w, value_w])
        .width(TEXT_W as usize, WidthType::Dxa)
        .set_borders(
            TableBorders::with_empty()
                .set(rule(TableBorderPosition::Top))
                .set(rule(TableBorderPosition::Bottom))
                .set(rule(TableBorderPosition::InsideH)),
        )
        .margins(TableCellMargins::new().margin(90, 0, 90, 0));
    w.docx = std::mem::take(&mut w.docx).add_table(table);
}

/// One question, shaded, then its answer.
fn question(w: &mut Writer, doc: &OfferDocument, q: &Question) {
    let clean = |s: &str| s.to_owned();
    w.add(
        Paragraph::new().style("Question").add_run(
            Run::new()
                .add_text("Question")
                .bold()
                .color(ACCENT)
                .size(18),
        ),
    );
    let mut text = Paragraph::new().style("Question");
    for (i, line) in q.text.split('\n').enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        text = text.add_run(run.add_text(line));
    }
    w.add(text);
    w.add(
        Paragraph::new()
            .style("Question")
            .line_spacing(LineSpacing::new().after(240))
            .add_run(
                Run::new()
                    .add_text(content::question_facts(doc, q, &clean).join(" \u{00B7} "))
                    .size(18)
                    .color(MUTED),
            ),
    );
    w.add(heading(2, "Answer"));
    match content::given_answer(doc, q) {
        Some(a) => blocks(w, &markdown::parse(&a.text), 0),
        None => w.add(muted_italic(content::NO_ANSWER)),
    }
}

/// Runs for spans: bold, italic, forced line breaks.
fn runs(mut p: Paragraph, spans: &[Span]) -> Paragraph {
    for span in spans {
        for (i, part) in span.text.split(BREAK).enumerate() {
            let mut run = Run::new();
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            if !part.is_empty() {
                run = run.add_text(part);
            }
            run = match span.face {
                Face::Bold => run.bold(),
                Face::Italic => run.italic(),
                Face::Regular => run,
            };
            p = p.add_run(run);
        }
    }
    p
}

/// Markdown blocks; `depth` is the list nesting (0 outside lists).
fn blocks(w: &mut Writer, list: &[Block], depth: usize) {
    for block in list {
        block_in(w, block, depth, None);
    }
}

/// One block; `style` overrides Normal (quotes).
fn block_in(w: &mut Writer, block: &Block, depth: usize, style: Option<&str>) {
    let indent = |p: Paragraph| {
        if depth > 0 {
            p.indent(Some(360 * depth as i32), None, None, None)
        } else {
            p
        }
    };
    match block {
        Block::Para(spans) => {
            let p = style.map_or_else(Paragraph::new, |s| Paragraph::new().style(s));
            w.add(indent(runs(p, spans)));
        }
        Block::Heading(level, spans) => {
            let p = Paragraph::new().style(if *level <= 2 { "Heading2" } else { "Heading3" });
            w.add(runs(p, spans));
        }
        Block::List { start, items } => {
            let id = match start {
                Some(s) => w.numbered_list(*s),
                None => BULLETS,
            };
            for item in items {
                list_item(w, item, id, depth, style);
            }
        }
        Block::Quote(inner) => {
            for b in inner {
                block_in(w, b, depth, Some("Quote"));
            }
        }
        Block::Code(lines) => {
            for line in lines {
                w.add(indent(
                    Paragraph::new()
                        .style("Code")
                        .add_run(Run::new().add_text(line)),
                ));
            }
        }
        Block::Rule => w.add(Paragraph::new().style("Rule")),
    }
}

/// A list item: its first paragraph numbered, the rest beside it.
fn list_item(w: &mut Writer, item: &[Block], id: usize, depth: usize, style: Option<&str>) {
    let numbered = |p: Paragraph| p.numbering(NumberingId::new(id), IndentLevel::new(depth.min(8)));
    match item.split_first() {
        Some((Block::Para(spans), rest)) => {
            w.add(numbered(runs(
                Paragraph::new().style(style.unwrap_or("ListParagraph")),
                spans,
            )));
            for b in rest {
                block_in(w, b, depth + 1, style);
            }
        }
        Some((_, _)) => {
            w.add(numbered(Paragraph::new().style("ListParagraph")));
            for b in item {
                block_in(w, b, depth + 1, style);
            }
        }
        None => w.add(numbered(Paragraph::new().style("ListParagraph"))),
    }
}

/// The commitments table.
fn commitments(w: &mut Writer, doc: &OfferDocument, clean: &dyn Fn(&str) -> String) {
    let list = &doc.offer.commitments;
    if list.is_empty() {
        w.add(muted_italic(content::NO_COMMITMENTS));
        return;
    }
    w.add(para(&content::commitments_intro(list.len())));
    let columns = content::COMMITMENT_COLUMNS.map(|name| (name, false));
    let rows = content::commitment_rows(doc, clean);
    let texts: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let what = match &r.topic {
                Some(topic) => format!("{}\n{topic}", r.what),
                None => r.what.clone(),
            };
            vec![
                r.number.clone(),
                what,
                r.quantity.clone(),
                r.by.clone(),
                r.place.clone(),
                r.owner.clone(),
                r.kpi.clone(),
            ]
        })
        .collect();
    // The hot topic's lines, last in the commitment's cell, in italics.
    let topic_lines: Vec<usize> = rows
        .iter()
        .map(|r| r.topic.as_ref().map_or(0, |t| t.split('\n').count()))
        .collect();
    w.table(&columns, &texts, |i, cells| {
        cells
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let lines: Vec<&str> = text.split('\n').collect();
                let at = lines.len().saturating_sub(topic_lines[i]);
                if c == 1 && topic_lines[i] > 0 && at > 0 {
                    vec![
                        para(&lines[..at].join("\n")),
                        muted_italic(&lines[at..].join("\n")),
                    ]
                } else {
                    vec![para(text)]
                }
            })
            .collect()
    });
}

/// Zips the document, with the first row of every table marked as a header.
fn pack(docx: Docx) -> Result<Vec<u8>, ExportError> {
    let mut xml = docx.build();
    xml.document = repeat_header_rows(&xml.document);
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| ExportError::Render {
        what: "Word file",
        reason: e.to_string(),
    })?;
    Ok(out.into_inner())
}

/// Marks the first row of every table (`w:tbl`) as a header row that Word
/// and LibreOffice repeat at the top of each page the table runs onto: adds
/// `<w:tblHeader/>` to that row's properties (`w:trPr`), creating them if
/// the row has none.
pub(crate) fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    let xml = String::from_utf8_lossy(document);
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest: &str = &xml;
    while let Some(at) = find_tag(rest, "<w:tbl") {
        // The table's first row.
        let Some(row) = find_tag(&rest[at..], "<w:tr").map(|r| at + r) else {
            break;
        };
        let Some(open_end) = rest[row..].find('>').map(|e| row + e + 1) else {
            break;
        };
        out.push_str(&rest[..open_end]);
        rest = &rest[open_end..];
        let trimmed = rest.trim_start();
        let ws = rest.len() - trimmed.len();
        if let Some(after) = trimmed.strip_prefix("<w:trPr>") {
            out.push_str(&rest[..ws]);
            out.push_str("<w:trPr><w:tblHeader />");
            rest = after;
        } else if trimmed.starts_with("<w:trPr />") || trimmed.starts_with("<w:trPr/>") {
            let len = if trimmed.starts_with("<w:trPr />") {
                10
            } else {
                9
            };
            out.push_str(&rest[..ws]);
            out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
            rest = &trimmed[len..];
        } else {
            out.push_str("<w:trPr><w:tblHeader /></w:trPr>");
        }
    }
    out.push_str(rest);
    out.into_bytes()
}

/// Where the element `tag` (exactly that name: `<w:tbl` not `<w:tblPr`) opens.
fn find_tag(s: &str, tag: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find(tag) {
        let at = from + i;
        match s[at + tag.len()..].chars().next() {
            Some('>' | ' ' | '/') => return Some(at),
            _ => from = at + tag.len(),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_are_marked_in_every_table_and_only_the_first_row() {
        let xml = "<w:body><w:tbl><w:tblPr /><w:tr><w:trPr><w:cantSplit /></w:trPr><w:tc/></w:tr>\
                   <w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p/>\
                   <w:tbl><w:tblPr /><w:tblGrid /><w:tr><w:tc/></w:tr><w:tr/></w:tbl></w:body>";
        let out = String::from_utf8(repeat_header_rows(xml.as_bytes())).unwrap();
        assert_eq!(
            out,
            "<w:body><w:tbl><w:tblPr /><w:tr><w:trPr><w:tblHeader /><w:cantSplit /></w:trPr><w:tc/></w:tr>\
             <w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p/>\
             <w:tbl><w:tblPr /><w:tblGrid /><w:tr><w:trPr><w:tblHeader /></w:trPr><w:tc/></w:tr><w:tr/></w:tbl></w:body>"
        );
    }
}
