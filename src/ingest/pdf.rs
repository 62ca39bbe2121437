//! PDF with a text layer ("Save as PDF" from a browser, news-database downloads,
//! e-papers): text in reading order with paragraphs; a PDF without a text layer (a scan)
//! is reported as such, never read as garbage.
//!
//! `pdf-extract` (on `lopdf`) decodes the glyphs with their positions; what makes them
//! text is here: glyphs → lines (same baseline, advancing x) → columns (vertical gutters
//! that no narrow line crosses, with full-width lines such as headlines starting a new
//! band) → paragraphs (a larger gap, an indent, a change of size, or a short line ending a
//! sentence) with line-end hyphens joined. Running heads and page numbers repeated on
//! every page are dropped.
//!
//! Before the parser sees the file, two checks keep hostile files from costing more than
//! themselves: every compressed stream the parser would inflate is inflated here first
//! with a byte cap (a few KB can expand to gigabytes), and the page tree's `Parent` links
//! and the form XObjects drawn by each page are walked without recursion to refuse loops
//! and absurd nesting (the parser follows both recursively).

use super::budget::{Budget, Deadline};
use super::dehyphen;
use super::text::Line;
use crate::model::{Article, ParagraphKind, Problem};
use pdf_extract::{Document, Object, ObjectId, OutputDev, OutputError, Transform};
use std::collections::HashSet;

/// Form XObjects drawn inside each other deeper than this are refused (real files: < 5).
const MAX_FORM_DEPTH: usize = 24;

fn failed(msg: impl Into<String>) -> Vec<Article> {
    vec![Article {
        problems: vec![Problem::error(msg)],
        ..Default::default()
    }]
}

pub(crate) fn read_pdf(bytes: &[u8], budget: &Budget, deadline: Deadline) -> Vec<Article> {
    if let Err(e) = check_inflation(bytes, budget.memory / 2) {
        return failed(e);
    }
    let mut doc = match Document::load_mem(bytes) {
        Ok(d) => d,
        Err(e) => return failed(format!("not a readable PDF ({e})")),
    };
    normalize_cid_widths(&mut doc);
    if doc.is_encrypted() {
        return failed("the PDF is encrypted: not read (save an unprotected copy)");
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return failed("the PDF has no pages (it may be cut short)");
    }
    if let Err(e) = check_graph(&doc, &pages) {
        return failed(e);
    }
    let mut problems = Vec::new();
    let mut out = Glyphs::default();
    let mut failed_pages = Vec::new();
    for (read_pages, &n) in pages.keys().enumerate() {
        if deadline.passed() {
            problems.push(Problem::warning(format!(
                "PDF cut after page {read_pages} of {}: reading took longer than the {} s a file may take",
                pages.len(),
                budget.time.as_secs_f32()
            )));
            break;
        }
        if out.chars > budget.memory / 8 {
            problems.push(Problem::warning(format!(
                "PDF cut after page {read_pages} of {}: its text passed the memory budget",
                pages.len()
            )));
            break;
        }
        // The parser unwraps freely: a bad page costs that page.
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut out, n)
        }));
        match r {
            Ok(Ok(())) => {}
            Ok(Err(_)) | Err(_) => {
                out.end_page().ok();
                failed_pages.push(n);
            }
        }
    }
    if !failed_pages.is_empty() {
        let shown: Vec<String> = failed_pages.iter().take(5).map(u32::to_string).collect();
        problems.push(Problem::warning(format!(
            "{} page(s) could not be read (page {})",
            failed_pages.len(),
            shown.join(", ")
        )));
    }
    let visible: usize = out.pages.iter().map(|p| p.len()).sum();
    if visible == 0 {
        let mut a = failed(if has_images(&doc) {
            "no text layer (a scanned or image-only PDF); OCR it first"
        } else {
            "no text layer: the PDF has no text to read; OCR it first if it is a scan"
        });
        a[0].problems.extend(problems);
        return a;
    }
    let lines = layout(&out.pages);
    let mut arts = super::text::read_paragraphs(lines);
    if arts.len() == 1 {
        if let Some(t) = info_title(&doc) {
            set_title(&mut arts[0], &t);
        }
    }
    if let Some(a) = arts.first_mut() {
        a.problems.extend(problems);
    }
    arts
}

/// The document's own title (Info `/Title`) names the headline when one of the first
/// paragraphs says the same (a browser writes the page's `<title>` there, often with the
/// site's name after a separator): that paragraph is the title, not a letterhead or a
/// kicker above it. Otherwise it is the title only when the text does not start with one.
fn set_title(a: &mut Article, info: &str) {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let info_n = norm(info);
    let matches = |p: &str| {
        let p = norm(p);
        !p.is_empty()
            && (info_n == p
                || [" - ", " | ", " – ", " — ", " · "]
                    .iter()
                    .any(|sep| info_n.starts_with(&format!("{p}{sep}"))))
    };
    let hit = (0..a.paragraphs.len().min(6)).find(|&i| matches(a.paragraph_text(i)));
    match hit {
        Some(i) => {
            for p in a.paragraphs.iter_mut() {
                if p.kind == ParagraphKind::Title {
                    p.kind = ParagraphKind::Heading;
                }
            }
            a.paragraphs[i].kind = ParagraphKind::Title;
            a.title = a.paragraph_text(i).to_string();
        }
        None if a.paragraphs.first().map(|p| p.kind) != Some(ParagraphKind::Title) => {
            a.title = info.to_string()
        }
        None => {}
    }
}

/// Inflates every Flate stream that the parser would decompress (all but images) with a
/// running cap, so that a stream bomb is refused before it is expanded in memory.
fn check_inflation(bytes: &[u8], cap: usize) -> Result<(), String> {
    use std::io::Read;
    let mut total = 0usize;
    let mut pos = 0;
    let finder = memchr::memmem::Finder::new(b"stream");
    while let Some(off) = finder.find(&bytes[pos..]) {
        let at = pos + off;
        pos = at + 6;
        if at >= 3 && &bytes[at - 3..at] == b"end" {
            continue;
        }
        let data = match bytes.get(pos..) {
            Some([b'\r', b'\n', rest @ ..])
            | Some([b'\n', rest @ ..])
            | Some([b'\r', rest @ ..]) => rest,
            _ => continue,
        };
        // Only zlib data (first byte 0x78 for the deflate window sizes in use).
        if data.first() != Some(&0x78) {
            continue;
        }
        // The stream's dictionary is between the last "obj" and here: images are not
        // inflated by the text parser.
        let dict_start = memchr::memmem::rfind(&bytes[at.saturating_sub(4096)..at], b"obj")
            .map(|i| at.saturating_sub(4096) + i)
            .unwrap_or(at.saturating_sub(4096));
        let dict = &bytes[dict_start..at];
        if memchr::memmem::find(dict, b"/Image").is_some() {
            continue;
        }
        let left = cap.saturating_sub(total);
        let mut sink = std::io::sink();
        let n = std::io::copy(
            &mut flate2::read::ZlibDecoder::new(data).take(left as u64 + 1),
            &mut sink,
        )
        .unwrap_or(0) as usize;
        total += n;
        if total > cap {
            return Err(format!(
                "the PDF's compressed streams expand past {} MB (a decompression bomb?): not read",
                cap >> 20
            ));
        }
    }
    Ok(())
}

/// A CID font's glyph widths (`/W`) come in two forms: `c [w1 w2 …]` and `c_first c_last w`.
/// pdf-extract (0.12) misreads the second (it takes `c_first` for both ends and for the
/// width), so those glyphs get the default width and every glyph after them on a line is
/// drawn too far right: Chromium writes the range form for runs of equal widths (spaces,
/// punctuation, digits), and a word whose kerning restarts the position came out split
/// ("V ietnam", "Mar ch"). Rewriting every range as the array form, which it reads right,
/// gives it the font's own widths. Items it would panic on (a non-integer code, an odd
/// tail) are dropped; expansion is capped (CIDs fit in 16 bits).
fn normalize_cid_widths(doc: &mut Document) {
    let fonts: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter_map(|(id, o)| {
            let d = o.as_dict().ok()?;
            let sub = d.get(b"Subtype").and_then(Object::as_name).ok()?;
            (sub == b"CIDFontType0" || sub == b"CIDFontType2").then_some(*id)
        })
        .collect();
    for id in fonts {
        let w = match doc.get_dictionary(id).and_then(|d| d.get(b"W")) {
            Ok(Object::Reference(r)) => doc.get_object(*r).ok().cloned(),
            Ok(o) => Some(o.clone()),
            Err(_) => None,
        };
        let Some(Object::Array(w)) = w else { continue };
        let resolve = |o: &Object| match o {
            Object::Reference(r) => doc.get_object(*r).ok().cloned(),
            o => Some(o.clone()),
        };
        let items: Vec<Object> = w.iter().filter_map(resolve).collect();
        let fixed = expand_cid_widths(&items);
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(id) {
            d.set("W", Object::Array(fixed));
        }
    }
}

/// `/W` items with every `c_first c_last w` range written as `c_first [w w …]`.
fn expand_cid_widths(items: &[Object]) -> Vec<Object> {
    const MAX_SPAN: i64 = 1 << 16;
    let mut budget: i64 = 1 << 18;
    let num = |o: &Object| o.as_float().ok().filter(|f| f.is_finite());
    let code = |o: &Object| num(o).filter(|f| *f >= 0.0).map(|f| f as i64);
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < items.len() {
        let Some(first) = code(&items[i]) else { break };
        if let Object::Array(ws) = &items[i + 1] {
            out.push(Object::Integer(first));
            out.push(Object::Array(
                ws.iter()
                    .map(|w| Object::Real(num(w).unwrap_or(0.0)))
                    .collect(),
            ));
            i += 2;
            continue;
        }
        let (Some(last), Some(w)) = (code(&items[i + 1]), items.get(i + 2).and_then(num)) else {
            break;
        };
        let n = last
            .saturating_sub(first)
            .saturating_add(1)
            .clamp(0, MAX_SPAN)
            .min(budget);
        budget -= n;
        if n > 0 {
            out.push(Object::Integer(first));
            out.push(Object::Array(vec![Object::Real(w); n as usize]));
        }
        i += 3;
    }
    out
}

/// Form XObjects still to visit: (form, nesting depth, the forms drawing it).
type FormStack = Vec<(ObjectId, usize, Vec<ObjectId>)>;

/// Refuses loops in the page tree's `Parent` links and form XObjects that draw themselves or
/// nest absurdly deep: the parser follows both by recursion.
fn check_graph(
    doc: &Document,
    pages: &std::collections::BTreeMap<u32, ObjectId>,
) -> Result<(), String> {
    let deref = |o: &Object| -> Option<Object> {
        let mut o = o.clone();
        for _ in 0..8 {
            match o {
                Object::Reference(id) => o = doc.get_object(id).ok()?.clone(),
                other => return Some(other),
            }
        }
        None
    };
    let mut seen_forms: HashSet<ObjectId> = HashSet::new();
    for &page in pages.values() {
        // Parent chain.
        let mut id = page;
        let mut visited = HashSet::new();
        while let Ok(dict) = doc.get_dictionary(id) {
            if !visited.insert(id) {
                return Err("the PDF's page tree loops back on itself: not read".into());
            }
            match dict.get(b"Parent").and_then(Object::as_reference) {
                Ok(p) => id = p,
                Err(_) => break,
            }
        }
        // Forms drawn by the page, depth-first with an explicit stack: (form, depth, path).
        let Ok(dict) = doc.get_dictionary(page) else {
            continue;
        };
        let mut stack: FormStack = Vec::new();
        let push_forms =
            |res: Option<Object>, depth: usize, path: &Vec<ObjectId>, stack: &mut FormStack| {
                let Some(Object::Dictionary(res)) = res else {
                    return;
                };
                let Some(Object::Dictionary(xo)) = res.get(b"XObject").ok().and_then(deref) else {
                    return;
                };
                for (_, v) in xo.iter() {
                    if let Object::Reference(id) = v {
                        stack.push((*id, depth + 1, path.clone()));
                    }
                }
            };
        let res = get_inherited_res(doc, dict);
        push_forms(res, 0, &Vec::new(), &mut stack);
        let mut steps = 0usize;
        while let Some((id, depth, mut path)) = stack.pop() {
            steps += 1;
            if steps > 100_000 {
                return Err("the PDF's drawings are nested too many times over: not read".into());
            }
            if path.contains(&id) {
                return Err(
                    "a drawing in the PDF contains itself (a loop in its object graph): not read"
                        .into(),
                );
            }
            if depth > MAX_FORM_DEPTH {
                return Err(format!(
                    "drawings in the PDF are nested more than {MAX_FORM_DEPTH} deep: not read"
                ));
            }
            let Ok(Object::Stream(s)) = doc.get_object(id) else {
                continue;
            };
            let is_form = s
                .dict
                .get(b"Subtype")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Form");
            if !is_form {
                continue;
            }
            // A form already checked from another page need not be walked again, unless
            // it is on the current path (that is a loop, caught above).
            if !seen_forms.insert(id) && depth > 1 {
                continue;
            }
            path.push(id);
            let res = s.dict.get(b"Resources").ok().and_then(deref);
            push_forms(res, depth, &path, &mut stack);
        }
    }
    Ok(())
}

/// A page's resources, inherited from its ancestors if need be (bounded: loops were
/// checked).
fn get_inherited_res(doc: &Document, page: &pdf_extract::Dictionary) -> Option<Object> {
    let mut dict = page;
    for _ in 0..64 {
        if let Ok(r) = dict.get(b"Resources") {
            return match r {
                Object::Reference(id) => doc.get_object(*id).ok().cloned(),
                o => Some(o.clone()),
            };
        }
        let parent = dict.get(b"Parent").and_then(Object::as_reference).ok()?;
        dict = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn has_images(doc: &Document) -> bool {
    doc.objects.values().any(|o| {
        matches!(o, Object::Stream(s) if s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Image"))
    })
}

/// The document information dictionary's Title (PDF text string: UTF-16 with a BOM, or
/// PDFDocEncoding, which is Latin-1 for the characters titles use).
fn info_title(doc: &Document) -> Option<String> {
    let info = doc.trailer.get(b"Info").ok()?;
    let info = match info {
        Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    let Object::String(raw, _) = info.get(b"Title").ok()? else {
        return None;
    };
    let s = if raw.starts_with(&[0xFE, 0xFF]) {
        encoding_rs::UTF_16BE
            .decode_without_bom_handling(&raw[2..])
            .0
            .into_owned()
    } else {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(raw)
            .0
            .into_owned()
    };
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty() && !s.to_ascii_lowercase().starts_with("microsoft word")).then_some(s)
}

/// One decoded glyph (or ligature) in top-down page coordinates.
#[derive(Clone, Debug)]
struct Glyph {
    x: f64,
    y: f64,
    /// Right edge.
    end: f64,
    size: f64,
    /// The font gave this glyph a width (some embedded fonts give none: then only space
    /// glyphs separate words).
    advance: bool,
    text: String,
}

#[derive(Default)]
struct Glyphs {
    pages: Vec<Vec<Glyph>>,
    cur: Vec<Glyph>,
    height: f64,
    chars: usize,
}

impl OutputDev for Glyphs {
    fn begin_page(
        &mut self,
        _page_num: u32,
        media_box: &pdf_extract::MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.cur.clear();
        self.height = media_box.ury - media_box.lly;
        Ok(())
    }
    fn end_page(&mut self) -> Result<(), OutputError> {
        let page = std::mem::take(&mut self.cur);
        self.pages.push(page);
        Ok(())
    }
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        char: &str,
    ) -> Result<(), OutputError> {
        let vx = font_size * (trm.m11 + trm.m21);
        let vy = font_size * (trm.m12 + trm.m22);
        let size = (vx * vy).abs().sqrt();
        if !size.is_finite() || size <= 0.0 || (char.trim().is_empty() && char != " ") {
            return Ok(());
        }
        let (x, y) = (trm.m31, self.height - trm.m32);
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        self.chars += char.len();
        self.cur.push(Glyph {
            x,
            y,
            // Some fonts report absurd advances for punctuation; no glyph is much wider
            // than its size.
            end: x + (width * size).min(1.1 * size),
            size,
            advance: width > 0.0,
            text: unligature(char),
        });
        Ok(())
    }
    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Typographic ligatures (U+FB00..FB06) as the letters they stand for: "ﬁxes" → "fixes".
fn unligature(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FB00}' => "ff".to_string(),
            '\u{FB01}' => "fi".to_string(),
            '\u{FB02}' => "fl".to_string(),
            '\u{FB03}' => "ffi".to_string(),
            '\u{FB04}' => "ffl".to_string(),
            '\u{FB05}' | '\u{FB06}' => "st".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A line of text on a page.
#[derive(Clone, Debug)]
struct TextLine {
    x0: f64,
    x1: f64,
    /// Where the last glyph starts, and whether it had a width.
    last_x: f64,
    advance: bool,
    y: f64,
    size: f64,
    text: String,
}

/// Glyphs in content order → lines: a glyph continues the line when it sits on the same
/// baseline and does not jump back left. A space glyph only marks a word break: its advance
/// is unreliable (justified text draws the next word over it).
fn lines_of(glyphs: &[Glyph]) -> Vec<TextLine> {
    let mut out: Vec<TextLine> = Vec::new();
    let mut space = false;
    for g in glyphs {
        if g.text == " " {
            space = true;
            continue;
        }
        // Same baseline, not back to the left of the last glyph (advances can be wrong:
        // starts are not), and no jump across a gutter.
        let same = out.last().is_some_and(|l| {
            (g.y - l.y).abs() < 0.5 * l.size.max(g.size)
                && g.x >= l.last_x
                && g.x - l.x1 < 2.0 * g.size
        });
        if same {
            let l = out.last_mut().expect("checked");
            if space || (l.advance && g.x - l.x1 > 0.2 * g.size) {
                l.text.push(' ');
            }
            l.text.push_str(&g.text);
            l.x1 = l.x1.max(g.end);
            l.last_x = g.x;
            l.advance = g.advance;
            l.size = l.size.max(g.size);
        } else {
            out.push(TextLine {
                x0: g.x,
                x1: g.end,
                last_x: g.x,
                advance: g.advance,
                y: g.y,
                size: g.size,
                text: g.text.clone(),
            });
        }
        space = false;
    }
    out
}

/// Lines → reading order: bands separated by lines wider than the columns (headlines,
/// full-width text), within a band columns left to right, each top to bottom.
fn reading_order(mut lines: Vec<TextLine>) -> Vec<Vec<TextLine>> {
    if lines.is_empty() {
        return Vec::new();
    }
    let left = lines.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let right = lines.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    let width = (right - left).max(1.0);
    let narrow: Vec<&TextLine> = lines.iter().filter(|l| l.x1 - l.x0 < 0.6 * width).collect();
    // Gutters: x positions between left and right that no narrow line covers.
    let mut cover: Vec<(f64, f64)> = narrow.iter().map(|l| (l.x0, l.x1)).collect();
    cover.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut gutters: Vec<f64> = Vec::new();
    let mut reach = f64::NEG_INFINITY;
    for (a, b) in &cover {
        if reach.is_finite() && *a > reach + 2.0 {
            gutters.push((reach + a) / 2.0);
        }
        reach = reach.max(*b);
    }
    // A column needs enough lines to be one (a stray label is not a column).
    let column_of = |x0: f64| gutters.iter().filter(|g| x0 > **g).count();
    let counts = {
        let mut c = vec![0usize; gutters.len() + 1];
        for l in &narrow {
            c[column_of(l.x0)] += 1;
        }
        c
    };
    if gutters.is_empty() || counts.iter().any(|&c| c < 3) {
        // One column: top to bottom, as drawn when the order is already reading order.
        lines.sort_by(|a, b| a.y.total_cmp(&b.y));
        return vec![lines];
    }
    lines.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut blocks: Vec<Vec<TextLine>> = Vec::new();
    let mut band: Vec<Vec<TextLine>> = vec![Vec::new(); gutters.len() + 1];
    let flush = |band: &mut Vec<Vec<TextLine>>, blocks: &mut Vec<Vec<TextLine>>| {
        for col in band.iter_mut() {
            if !col.is_empty() {
                blocks.push(std::mem::take(col));
            }
        }
    };
    // Consecutive full-width lines (a headline over two lines) are one block.
    let mut spanning = false;
    for l in lines {
        let spans = gutters.iter().any(|g| l.x0 < *g && l.x1 > *g);
        if spans {
            flush(&mut band, &mut blocks);
            match blocks.last_mut() {
                Some(b) if spanning => b.push(l),
                _ => blocks.push(vec![l]),
            }
        } else {
            let c = column_of(l.x0);
            band[c].push(l);
        }
        spanning = spans;
    }
    flush(&mut band, &mut blocks);
    blocks
}

/// Running heads and page numbers: short lines repeated near the same height on most
/// pages, and lines that are only a number.
fn repeated(pages: &[Vec<TextLine>]) -> HashSet<String> {
    let mut out = HashSet::new();
    if pages.len() < 3 {
        return out;
    }
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    for p in pages {
        let mut seen = HashSet::new();
        for l in p {
            let key: String = l.text.chars().filter(|c| !c.is_ascii_digit()).collect();
            if l.text.split_whitespace().count() <= 12 && seen.insert(key.clone()) {
                *counts.entry(key).or_default() += 1;
            }
        }
    }
    for (k, n) in counts {
        if n * 2 > pages.len() {
            out.insert(k);
        }
    }
    out
}

/// Lines of each block → paragraphs.
fn layout(pages: &[Vec<Glyph>]) -> Vec<Line> {
    let page_lines: Vec<Vec<TextLine>> = pages.iter().map(|g| lines_of(g)).collect();
    let running = repeated(&page_lines);
    let mut out: Vec<Line> = Vec::new();
    for lines in page_lines {
        let lines: Vec<TextLine> = lines
            .into_iter()
            .filter(|l| {
                let key: String = l.text.chars().filter(|c| !c.is_ascii_digit()).collect();
                !running.contains(&key)
                    && !l
                        .text
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ' ' || c == '/')
            })
            .collect();
        for block in reading_order(lines) {
            let block: Vec<TextLine> = block
                .into_iter()
                .map(|mut l| {
                    if l.text.contains(dehyphen::BREAK) {
                        l.text = l.text.replace(dehyphen::BREAK, "");
                    }
                    l
                })
                .collect();
            let before = out.len();
            paragraphs(&block, &mut out);
            // A paragraph that runs on into the next column or page: the last one did not
            // end a sentence and this one starts in lower case.
            if before > 0 && out.len() > before {
                let ends = out[before - 1]
                    .text
                    .ends_with(['.', '!', '?', ':', '"', '\u{201D}', ')']);
                let lower = out[before]
                    .text
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
                if !ends && lower && out[before - 1].kind == out[before].kind {
                    let next = out.remove(before);
                    join_line(&mut out[before - 1].text, &next.text);
                }
            }
        }
    }
    dehyphen::resolve(&mut out.iter_mut().map(|l| &mut l.text).collect::<Vec<_>>());
    out
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn paragraphs(block: &[TextLine], out: &mut Vec<Line>) {
    if block.is_empty() {
        return;
    }
    let body_size = median(block.iter().map(|l| l.size).collect());
    let spacing = median(
        block
            .windows(2)
            .map(|w| w[1].y - w[0].y)
            .filter(|d| *d > 0.0)
            .collect(),
    );
    let left = block.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
    let right = block.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
    let mut cur: Option<(String, f64)> = None;
    let mut prev: Option<&TextLine> = None;
    let push = |cur: &mut Option<(String, f64)>, out: &mut Vec<Line>| {
        if let Some((t, size)) = cur.take() {
            let kind = if size > body_size * 1.25 {
                ParagraphKind::Heading
            } else {
                ParagraphKind::Body
            };
            out.push(Line::new(t, kind));
        }
    };
    for l in block {
        let new_para = match prev {
            None => true,
            Some(p) => {
                let gap = l.y - p.y;
                let size_change = (l.size - p.size).abs() > 0.15 * p.size;
                // Headlines are set with more leading than body text: the gap is judged
                // against the lines' own size too.
                let big_gap = gap > (spacing * 1.35).max(1.45 * p.size.max(l.size));
                let indent = l.x0 > left + 0.8 * l.size && p.x0 <= left + 0.8 * l.size;
                let short_end = p.x1 < right - 0.15 * (right - left)
                    && p.text.ends_with(['.', '!', '?', '"', '\u{201D}', ':']);
                size_change || big_gap || indent || short_end || gap < 0.0
            }
        };
        if new_para {
            push(&mut cur, out);
            cur = Some((l.text.clone(), l.size));
        } else if let Some((t, _)) = cur.as_mut() {
            join_line(t, &l.text);
        }
        prev = Some(l);
    }
    push(&mut cur, out);
}

/// Joins a wrapped line. A soft hyphen at the end is a break inside a word; a hard hyphen
/// between letters, before a lower-case word, may be either that or a compound's own
/// ("late-" + "evening"), so it is marked for [`dehyphen::resolve`] to decide with the whole
/// document; before a capital it is the compound's ("mid-" + "March").
fn join_line(t: &mut String, next: &str) {
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    if t.ends_with('-') && t.len() > 1 && next_lower {
        let prev_alpha = t[..t.len() - 1]
            .chars()
            .last()
            .is_some_and(char::is_alphabetic);
        if prev_alpha {
            t.pop();
            t.push(dehyphen::BREAK);
            t.push_str(next);
            return;
        }
    }
    if t.ends_with('\u{00AD}') {
        t.pop();
        t.push_str(next);
        return;
    }
    if !t.ends_with(['-', '/']) {
        t.push(' ');
    }
    t.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(x0: f64, x1: f64, y: f64, text: &str) -> TextLine {
        TextLine {
            x0,
            x1,
            last_x: x1,
            advance: true,
            y,
            size: 10.0,
            text: text.into(),
        }
    }

    #[test]
    fn two_columns_are_read_one_after_the_other_under_a_headline() {
        let mut lines = vec![line(50.0, 500.0, 40.0, "Headline across the page")];
        for i in 0..4 {
            let y = 80.0 + 12.0 * i as f64;
            lines.push(line(50.0, 260.0, y, &format!("left {i}")));
            lines.push(line(290.0, 500.0, y, &format!("right {i}")));
        }
        let blocks = reading_order(lines);
        let order: Vec<&str> = blocks.iter().flatten().map(|l| l.text.as_str()).collect();
        assert_eq!(
            order,
            vec![
                "Headline across the page",
                "left 0",
                "left 1",
                "left 2",
                "left 3",
                "right 0",
                "right 1",
                "right 2",
                "right 3"
            ]
        );
    }

    #[test]
    fn cid_width_ranges_become_arrays() {
        let w = vec![
            Object::Integer(0),
            Object::Array(vec![Object::Real(600.0)]),
            Object::Integer(3),
            Object::Integer(5),
            Object::Real(317.5),
            Object::Integer(36),
            Object::Array(vec![Object::Integer(722), Object::Real(734.5)]),
            Object::Integer(99), // odd tail: dropped
        ];
        let out = expand_cid_widths(&w);
        assert_eq!(out.len(), 6);
        assert_eq!(out[2].as_i64().unwrap(), 3);
        let ws = out[3].as_array().unwrap();
        assert_eq!(ws.len(), 3);
        assert!(ws.iter().all(|w| w.as_float().unwrap() == 317.5));
        assert_eq!(out[5].as_array().unwrap()[0].as_float().unwrap(), 722.0);
        // A hostile range is capped.
        let huge = [
            Object::Integer(0),
            Object::Integer(i64::MAX),
            Object::Integer(1),
        ];
        assert_eq!(
            expand_cid_widths(&huge)[1].as_array().unwrap().len(),
            1 << 16
        );
    }

    #[test]
    fn paragraphs_break_on_gaps_and_short_sentence_ends_and_join_hyphens() {
        let block = vec![
            line(50.0, 300.0, 100.0, "The ferry link reopened on 2 Novem-"),
            line(50.0, 300.0, 112.0, "ber after repairs, in mid-"),
            line(50.0, 180.0, 124.0, "March terms."),
            line(50.0, 300.0, 136.0, "A new paragraph starts here and"),
            line(50.0, 200.0, 148.0, "ends here."),
            line(50.0, 300.0, 175.0, "After a gap."),
        ];
        let mut out = Vec::new();
        paragraphs(&block, &mut out);
        dehyphen::resolve(&mut out.iter_mut().map(|l| &mut l.text).collect::<Vec<_>>());
        let texts: Vec<&str> = out.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "The ferry link reopened on 2 November after repairs, in mid-March terms.",
                "A new paragraph starts here and ends here.",
                "After a gap."
            ]
        );
    }
}
