//! The embedded typeface: Carlito (SIL Open Font License 1.1, shipped with its
//! licence in `assets/fonts/`), regular, bold and italic.
//!
//! Widths for line breaking come from the font's own `hmtx` table, read once
//! through printpdf's font parser. On save each face is subset with allsorts
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
        Some(Metrics {
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

    /// The width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| u32::from(self.advance(c).unwrap_or(0)))
            .sum();
        units as f32 * size / self.units_per_em
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

    /// `text` with every character the regular face cannot draw replaced, and
    /// control characters turned into spaces, so that what is measured is
    /// what is drawn.
    pub(crate) fn clean(&self, text: &str) -> String {
        let regular = self.get(Face::Regular);
        text.chars()
            .filter(|c| *c != '\u{00AD}' && *c != '\u{200B}' && *c != '\u{FEFF}')
            .map(|c| match c {
                '\t' | '\r' | '\n' => ' ',
                c if c.is_control() => ' ',
                c if regular.has(c) => c,
                _ => '?',
            })
            .collect()
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
