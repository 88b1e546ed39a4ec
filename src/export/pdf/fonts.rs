//! The embedded typeface: Carlito (SIL Open Font License 1.1, shipped with its
//! licence in `assets/fonts/`), regular, bold and italic.
//!
//! Widths for line breaking come from the font's own `hmtx` table, read once
//! through printpdf's font parser; kerning from its `GPOS` pair adjustments
//! (the `kern` feature for Latin script), read once through allsorts for the
//! characters of Western European text, so that text is measured and drawn
//! as a browser sets it. On save each face is subset with allsorts
//! (the parser and subsetter printpdf itself depends on) to the glyphs the
//! document uses, and named with a `XXXXXX+` subset tag as PDF requires.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use printpdf::ParsedFont;

use super::PdfError;

/// One face of the typeface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Face {
    /// Body text.
    Regular,
    /// Headings, labels and `**strong**` text.
    Bold,
    /// `*emphasis*`.
    Italic,
}

impl Face {
    pub(crate) const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];

    fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::Bold => 1,
            Face::Italic => 2,
        }
    }

    fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "Carlito-Regular",
            Face::Bold => "Carlito-Bold",
            Face::Italic => "Carlito-Italic",
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../../assets/fonts/Carlito-Regular.ttf"),
            Face::Bold => include_bytes!("../../../assets/fonts/Carlito-Bold.ttf"),
            Face::Italic => include_bytes!("../../../assets/fonts/Carlito-Italic.ttf"),
        }
    }
}

/// Characters below this have their advance in a flat table.
const TABLE: usize = 0x2200;

/// The metrics of one face, read from the full font once.
pub(crate) struct Metrics {
    units_per_em: f32,
    /// Advance in font units for chars below [`TABLE`]; `u16::MAX` when the
    /// font has no glyph for it.
    advances: Vec<u16>,
    /// The same for every other char the font maps.
    other: BTreeMap<u32, u16>,
    /// The full font's char to glyph map, for subsetting.
    cmap: BTreeMap<u32, u16>,
    /// Ascender, in em.
    pub(crate) ascent: f32,
    /// Pair kerning between the characters of [`KERNED`].
    kerning: Kerning,
}

/// The ranges of characters whose pairs are kerned: Basic Latin, Latin-1,
/// Latin Extended-A, and the dashes, quotation marks and ellipsis of
/// General Punctuation.
const KERNED: [(u32, u32); 2] = [(0x20, 0x17F), (0x2010, 0x2026)];

/// Pair adjustments, in font units, between the characters of [`KERNED`].
#[derive(Default)]
struct Kerning {
    /// Each kerned character's row and column, by its place in the ranges
    /// of [`KERNED`]; `u16::MAX` for one the font lacks.
    slot: Vec<u16>,
    /// The glyph of each slot.
    glyphs: Vec<u16>,
    /// The `kern` feature's lookups of pair adjustments, in order.
    lookups: Vec<std::sync::Arc<allsorts::layout::LookupCacheItem<allsorts::layout::PosLookup>>>,
    /// `rows[a][b]`: the adjustment after `a` when `b` follows; a row is
    /// read from the lookups the first time a text has its character, so
    /// the first PDF of a process reads only the rows it uses.
    rows: Vec<std::sync::OnceLock<Box<[i16]>>>,
}

impl Kerning {
    fn place(c: char) -> Option<usize> {
        let cp = c as u32;
        let mut base = 0;
        for (lo, hi) in KERNED {
            if (lo..=hi).contains(&cp) {
                return Some(base + (cp - lo) as usize);
            }
            base += (hi - lo + 1) as usize;
        }
        None
    }

    fn slot(&self, c: char) -> Option<usize> {
        let s = *self.slot.get(Self::place(c)?)?;
        (s != u16::MAX).then_some(usize::from(s))
    }

    /// The adjustment between `a` and `b`, in font units.
    fn get(&self, a: char, b: char) -> i16 {
        match (self.slot(a), self.slot(b)) {
            (Some(a), Some(b)) => self.rows[a].get_or_init(|| self.row(a))[b],
            _ => 0,
        }
    }

    /// The adjustments after the character of slot `a`.
    fn row(&self, a: usize) -> Box<[i16]> {
        use allsorts::layout::{PairPos, PosLookup};
        let g1 = self.glyphs[a];
        let mut row = vec![0_i16; self.glyphs.len()];
        for lookup in &self.lookups {
            let PosLookup::PairPos(subtables) = &lookup.lookup_subtables else {
                continue;
            };
            let covering: Vec<&PairPos> = subtables
                .iter()
                .filter(|t| match t {
                    PairPos::Format1 { coverage, .. } | PairPos::Format2 { coverage, .. } => {
                        coverage.glyph_coverage_value(g1).is_some()
                    }
                })
                .collect();
            if covering.is_empty() {
                continue;
            }
            for (b, &g2) in self.glyphs.iter().enumerate() {
                // The first subtable that has the pair decides it.
                let found = covering.iter().find_map(|t| t.apply(g1, g2).ok().flatten());
                if let Some((Some(first), _)) = found {
                    row[b] = row[b].saturating_add(first.x_advance);
                }
            }
        }
        row.into_boxed_slice()
    }

    /// Reads the `kern` feature's pair adjustments from the font's `GPOS`
    /// table; none (no kerning) where the font has none.
    fn load(bytes: &[u8], cmap: &BTreeMap<u32, u16>) -> Kerning {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::layout::{GPOS, LayoutTable, new_layout_cache};
        use allsorts::tables::FontTableProvider;
        use allsorts::tag;

        let read = || -> Option<Kerning> {
            let data = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
            let provider = data.table_provider(0).ok()?;
            let gpos = provider.read_table_data(tag::GPOS).ok()?;
            let table = ReadScope::new(&gpos).read::<LayoutTable<GPOS>>().ok()?;
            let cache = new_layout_cache(table);
            let table = &cache.layout_table;
            let script = table.find_script_or_default(tag::LATN).ok()??;
            let langsys = script.find_langsys_or_default(None).ok()??;
            let feature = table
                .find_langsys_feature(langsys, tag::KERN, None)
                .ok()??;
            let list = table.opt_lookup_list.as_ref()?;
            let mut lookups = Vec::new();
            for index in &feature.lookup_indices {
                lookups.push(list.lookup_cache_gpos(&cache, usize::from(*index)).ok()?);
            }
            // The characters the font has, with their glyphs. Spaces are
            // left out: a line's width is its words' and spaces' widths.
            let mut slot = Vec::new();
            let mut glyphs = Vec::new();
            for (lo, hi) in KERNED {
                for cp in lo..=hi {
                    match cmap.get(&cp) {
                        Some(&gid) if gid != 0 && cp != 0x20 => {
                            slot.push(glyphs.len() as u16);
                            glyphs.push(gid);
                        }
                        _ => slot.push(u16::MAX),
                    }
                }
            }
            let rows = glyphs.iter().map(|_| std::sync::OnceLock::new()).collect();
            Some(Kerning {
                slot,
                glyphs,
                lookups,
                rows,
            })
        };
        read().unwrap_or_default()
    }
}

impl Metrics {
    fn load(face: Face) -> Option<Metrics> {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)?;
        let mut advances = vec![u16::MAX; TABLE];
        let mut other = BTreeMap::new();
        for (&cp, &gid) in &font.codepoint_to_glyph {
            let width = font.glyph_widths.get(&gid).copied().unwrap_or(0);
            match usize::try_from(cp) {
                Ok(i) if i < TABLE => advances[i] = width,
                _ => {
                    other.insert(cp, width);
                }
            }
        }
        let kerning = Kerning::load(face.bytes(), &font.codepoint_to_glyph);
        Some(Metrics {
            kerning,
            units_per_em: f32::from(font.units_per_em.max(1)),
            advances,
            other,
            cmap: font.codepoint_to_glyph.clone(),
            ascent: f32::from(font.font_metrics.ascent) / f32::from(font.units_per_em.max(1)),
        })
    }

    fn advance(&self, c: char) -> Option<u16> {
        let cp = c as usize;
        if cp < TABLE {
            let a = self.advances[cp];
            (a != u16::MAX).then_some(a)
        } else {
            self.other.get(&(c as u32)).copied()
        }
    }

    /// Whether the face can draw `c`.
    pub(crate) fn has(&self, c: char) -> bool {
        self.advance(c).is_some()
    }

    /// The width of `text` at `size` points, kerned.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let mut units: i64 = 0;
        let mut last: Option<char> = None;
        for c in text.chars() {
            units += i64::from(self.advance(c).unwrap_or(0));
            if let Some(a) = last {
                units += i64::from(self.kerning.get(a, c));
            }
            last = Some(c);
        }
        units as f32 * size / self.units_per_em
    }

    /// `text` as the pieces a PDF shows it in: runs of characters, with the
    /// kerning between them in thousandths of an em (positive closer, as
    /// the `TJ` operator counts).
    pub(crate) fn kerned(&self, text: &str) -> Vec<Kerned> {
        let mut out = Vec::new();
        let mut run = String::new();
        let mut last: Option<char> = None;
        for c in text.chars() {
            if let Some(a) = last {
                let k = self.kerning.get(a, c);
                if k != 0 {
                    out.push(Kerned::Text(std::mem::take(&mut run)));
                    out.push(Kerned::Offset(-f32::from(k) * 1000.0 / self.units_per_em));
                }
            }
            run.push(c);
            last = Some(c);
        }
        if !run.is_empty() {
            out.push(Kerned::Text(run));
        }
        out
    }
}

static METRICS: LazyLock<Vec<Option<Metrics>>> =
    LazyLock::new(|| Face::ALL.iter().map(|f| Metrics::load(*f)).collect());

/// The metrics of every face, or an error if the embedded fonts are unreadable.
pub(crate) fn metrics() -> Result<Fonts, PdfError> {
    let all: Vec<&Metrics> = METRICS.iter().flatten().collect();
    if all.len() != Face::ALL.len() {
        return Err(PdfError::Render(
            "the embedded Carlito font could not be read".to_owned(),
        ));
    }
    Ok(Fonts { faces: all })
}

/// What a character the font cannot draw prints as: a white square, as a
/// browser shows a character no font has.
pub(crate) const MISSING: char = '\u{25A1}';

/// Soft hyphens, zero-width spaces and byte-order marks: dropped.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{FEFF}')
}

/// A piece of kerned text: see [`Metrics::kerned`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kerned {
    Text(String),
    Offset(f32),
}

/// The three faces' metrics.
#[derive(Clone)]
pub(crate) struct Fonts {
    faces: Vec<&'static Metrics>,
}

impl Fonts {
    /// The metrics of `face`.
    pub(crate) fn get(&self, face: Face) -> &'static Metrics {
        self.faces[face.index()]
    }

    /// The width of `text` in `face` at `size` points.
    pub(crate) fn width(&self, face: Face, text: &str, size: f32) -> f32 {
        self.get(face).width(text, size)
    }

    /// `text` with every character the regular face cannot draw replaced by
    /// [`MISSING`], and control characters turned into spaces, so that what
    /// is measured is what is drawn. [`super::unprintable`] lists what is
    /// replaced, for the app and the command line to say before an export.
    pub(crate) fn clean(&self, text: &str) -> String {
        text.chars()
            .filter(|c| !is_invisible(*c))
            .map(|c| match c {
                '\t' | '\r' | '\n' => ' ',
                c if c.is_control() => ' ',
                c if !self.printable(c) => MISSING,
                c => c,
            })
            .collect()
    }

    /// Whether `c` prints as itself: the font has it, or it is a control
    /// or invisible character (dropped or turned into a space).
    pub(crate) fn printable(&self, c: char) -> bool {
        c.is_control() || is_invisible(c) || self.get(Face::Regular).has(c)
    }
}

/// Subsets `face` to the characters in `used` and parses the subset for
/// printpdf, named with a subset tag.
pub(crate) fn subset(
    fonts: &Fonts,
    face: Face,
    used: &BTreeSet<char>,
) -> Result<ParsedFont, PdfError> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile};
    use allsorts::tag;

    let metrics = fonts.get(face);
    let gids: BTreeSet<u16> = used
        .iter()
        .filter_map(|c| metrics.cmap.get(&(*c as u32)).copied())
        .filter(|g| *g != 0)
        .collect();
    // .notdef first, as allsorts requires.
    let ids: Vec<u16> = std::iter::once(0).chain(gids.iter().copied()).collect();
    let error =
        |e: String| PdfError::Render(format!("cannot subset {}: {e}", face.postscript_name()));
    let data = ReadScope::new(face.bytes())
        .read::<FontData<'_>>()
        .map_err(|e| error(e.to_string()))?;
    let provider = data.table_provider(0).map_err(|e| error(e.to_string()))?;
    let profile = SubsetProfile::Custom(vec![
        tag::CMAP,
        tag::HEAD,
        tag::CVT,
        tag::FPGM,
        tag::HHEA,
        tag::HMTX,
        tag::MAXP,
        tag::NAME,
        tag::OS_2,
        tag::POST,
        tag::PREP,
    ]);
    let bytes = allsorts::subset::subset(&provider, &ids, &profile, CmapTarget::Unicode)
        .map_err(|e| error(format!("{e:?}")))?;
    let mut warnings = Vec::new();
    let mut font = ParsedFont::from_bytes(&bytes, 0, &mut warnings)
        .ok_or_else(|| error("the subset font cannot be read back".to_owned()))?;
    font.font_name = Some(format!(
        "{}+{}",
        tag_for(face, &ids),
        face.postscript_name()
    ));
    Ok(font)
}

/// Six capital letters derived from the face and its glyphs (ISO 32000-1,
/// 9.6.4): the same subset always gets the same tag.
fn tag_for(face: Face, ids: &[u16]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    };
    eat(face.index() as u8);
    for id in ids {
        for b in id.to_le_bytes() {
            eat(b);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_kerned_as_the_font_says() {
        let fonts = metrics().unwrap();
        let regular = fonts.get(Face::Regular);
        // Carlito tightens "T" before "o" and "A" before "V".
        for pair in ["To", "AV", "Te"] {
            let mut chars = pair.chars();
            let (a, b) = (chars.next().unwrap(), chars.next().unwrap());
            assert!(regular.kerning.get(a, b) < 0, "{pair} is not kerned");
            let apart = regular.width(&a.to_string(), 10.0) + regular.width(&b.to_string(), 10.0);
            assert!(
                regular.width(pair, 10.0) < apart,
                "{pair} is measured unkerned"
            );
        }
        // The kerned pieces keep every character, in order.
        let text = "To Vote, AVA";
        let joined: String = regular
            .kerned(text)
            .into_iter()
            .filter_map(|k| match k {
                Kerned::Text(t) => Some(t),
                Kerned::Offset(_) => None,
            })
            .collect();
        assert_eq!(joined, text);
        assert!(
            regular
                .kerned(text)
                .iter()
                .any(|k| matches!(k, Kerned::Offset(o) if *o > 0.0))
        );
    }
}
