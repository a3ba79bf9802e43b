//! The annotated copy of an .xlsx/.xlsm package, patched instead of rebuilt.
//!
//! Every part of the input is copied as it is stored (its compressed bytes, untouched), except
//! the few the annotation needs:
//! - `xl/styles.xml`: the severity fills appended, and for each (original style, fill) pair in
//!   use a clone of the original `xf` with the new fill, so a marked cell keeps its font,
//!   border, number format and alignment; plus the few styles of the findings sheet;
//! - each marked sheet: the `s` attribute of the marked cells (a `c`, and its `row`, inserted in
//!   order for a marked cell that is empty), and a `legacyDrawing` element where the schema
//!   orders it when the sheet had no notes; the sheet is streamed, never held as a tree;
//! - the notes: the sheet's comments part and VML drawing, merged with the planner's own notes
//!   (their text kept, the finding added below it), and the sheet's relationships;
//! - the findings sheet as a new first sheet: `workbook.xml` (`sheets`, `activeTab`,
//!   `firstSheet`, every `localSheetId`), its relationships, `[Content_Types].xml` and
//!   `docProps/app.xml`.
//!
//! This module knows nothing of checks or findings: it takes [`Mark`]s and a [`TemuanSheet`].

use crate::ingest::cell::{Pos, col_letters};
use crate::ingest::sheetxml::{resolve, tag_close};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Cursor, Read, Write};
use std::ops::Range;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

/// One marked cell: its fill and the note to put on it. Several marks on one cell are merged
/// (the first fill wins, notes are joined).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub sheet: String,
    /// 0-based.
    pub row: u32,
    /// 0-based.
    pub col: u32,
    /// Fill colour as 0xRRGGBB.
    pub fill: u32,
    pub note: String,
}

/// One line of the counts at the top of the findings sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct TemuanCount {
    pub label: String,
    pub fill: u32,
    pub rule: String,
    pub count: usize,
    pub summary: String,
}

/// One finding in the findings sheet; `cell` is linked to `sheet!cell`.
#[derive(Debug, Clone, PartialEq)]
pub struct TemuanRow {
    pub label: String,
    pub fill: u32,
    pub rule: String,
    pub sheet: String,
    pub cell: String,
    pub message: String,
    pub expected: String,
    pub found: String,
    pub related: String,
}

/// What the findings sheet shows, already in the output language.
#[derive(Debug, Clone, PartialEq)]
pub struct TemuanSheet {
    /// Wanted sheet name; " selaras" is appended while it clashes with a sheet of the input.
    pub name: String,
    /// A line above everything else (e.g. that the copy is rebuilt), if any.
    pub notice: Option<String>,
    pub counts_title: String,
    pub counts: Vec<TemuanCount>,
    pub total_label: String,
    pub total: usize,
    /// The eight column headers of the findings table.
    pub headers: [String; 8],
    pub rows: Vec<TemuanRow>,
}

/// Column widths of the findings table, in characters.
pub const TEMUAN_WIDTHS: [f64; 8] = [12.0, 8.0, 18.0, 8.0, 80.0, 22.0, 22.0, 40.0];

impl TemuanSheet {
    /// 0-based row of the counts title.
    pub fn counts_row(&self) -> u32 {
        if self.notice.is_some() { 2 } else { 0 }
    }
    /// 0-based row of the total line.
    pub fn total_row(&self) -> u32 {
        self.counts_row() + 1 + self.counts.len() as u32
    }
    /// 0-based row of the findings table's header.
    pub fn header_row(&self) -> u32 {
        self.total_row() + 2
    }
    /// 0-based last row of the findings table.
    pub fn last_row(&self) -> u32 {
        self.header_row() + self.rows.len() as u32
    }
    /// The sheet name, made distinct from `taken` (compared without case).
    pub fn unique_name<'a>(&self, taken: impl Iterator<Item = &'a str> + Clone) -> String {
        let mut name = self.name.clone();
        while taken.clone().any(|t| t.eq_ignore_ascii_case(&name)) {
            name.push_str(" selaras");
        }
        name
    }
}

/// Why a package could not be patched: the part and the cause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatchError {
    pub part: String,
    pub cause: String,
}

impl std::fmt::Display for PatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.part, self.cause)
    }
}

impl std::error::Error for PatchError {}

fn perr(part: &str, cause: impl std::fmt::Display) -> PatchError {
    PatchError {
        part: part.to_string(),
        cause: cause.to_string(),
    }
}

const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const PKG_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const T_WORKSHEET: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const T_COMMENTS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const T_VML: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";
const T_STYLES: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const CT_WORKSHEET: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_COMMENTS: &str =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const CT_VML: &str = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const CT_STYLES: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
/// Largest part selaras decompresses.
const MAX_PART: u64 = 1 << 30;
/// Most characters Excel keeps in a cell.
const MAX_CELL_CHARS: usize = 32_767;

// ---------------------------------------------------------------------------------------------
// Small XML helpers working on raw bytes, so untouched bytes stay exactly as they were.

/// Escapes text for an XML text node or attribute; drops characters XML 1.0 cannot hold.
fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\t' | '\n' | '\r' => o.push(ch),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => o.push(c),
        }
    }
    o
}

fn truncate_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The end (exclusive) of the start tag beginning at `raw[0] == b'<'`.
fn tag_end(raw: &[u8]) -> usize {
    tag_close(raw).map_or(raw.len(), |i| i + 1)
}

/// (name, value) byte ranges of each attribute of the start tag `tag` (from its `<`), read
/// lazily and without allocating.
fn attr_spans(tag: &[u8]) -> AttrSpans<'_> {
    let n = tag.len();
    let mut i = usize::from(tag.first() == Some(&b'<'));
    while i < n && !tag[i].is_ascii_whitespace() && tag[i] != b'/' && tag[i] != b'>' {
        i += 1;
    }
    AttrSpans { tag, i }
}

struct AttrSpans<'t> {
    tag: &'t [u8],
    i: usize,
}

impl Iterator for AttrSpans<'_> {
    type Item = (Range<usize>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        let tag = self.tag;
        let n = tag.len();
        let mut i = self.i;
        // Ends the iteration for good (a malformed rest is not read).
        self.i = n;
        while i < n && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= n || tag[i] == b'/' || tag[i] == b'>' {
            return None;
        }
        let ns = i;
        while i < n && tag[i] != b'=' && !tag[i].is_ascii_whitespace() && tag[i] != b'>' {
            i += 1;
        }
        let name = ns..i;
        while i < n && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= n || tag[i] != b'=' {
            return None;
        }
        i += 1;
        while i < n && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= n || (tag[i] != b'"' && tag[i] != b'\'') {
            return None;
        }
        let q = tag[i];
        i += 1;
        let vs = i;
        while i < n && tag[i] != q {
            i += 1;
        }
        self.i = i + 1;
        Some((name, vs..i))
    }
}

fn local(name: &[u8]) -> &[u8] {
    match name.iter().position(|&b| b == b':') {
        Some(p) => &name[p + 1..],
        None => name,
    }
}

fn prefix_of(name: &[u8]) -> String {
    match name.iter().position(|&b| b == b':') {
        Some(p) => String::from_utf8_lossy(&name[..p]).into_owned(),
        None => String::new(),
    }
}

/// The unescaped value of the attribute whose local name is `name` (namespace declarations are
/// never matched).
fn get_attr(tag: &[u8], name: &str) -> Option<String> {
    attr_spans(tag).find_map(|(k, v)| {
        let key = &tag[k];
        (!key.starts_with(b"xmlns") && local(key) == name.as_bytes()).then(|| {
            let raw = String::from_utf8_lossy(&tag[v]);
            quick_xml::escape::unescape(&raw)
                .map(|c| c.into_owned())
                .unwrap_or_else(|_| raw.into_owned())
        })
    })
}

/// The start tag with attribute `name` (exact qualified name) set to `value` (already escaped):
/// replaced in place, or added right after the element name.
fn set_attr(tag: &[u8], name: &str, value: &str) -> Vec<u8> {
    let spans: Vec<_> = attr_spans(tag).collect();
    if let Some((_, v)) = spans
        .iter()
        .find(|(k, _)| &tag[k.clone()] == name.as_bytes())
    {
        let mut o = tag[..v.start].to_vec();
        o.extend_from_slice(value.as_bytes());
        o.extend_from_slice(&tag[v.end..]);
        return o;
    }
    let mut i = usize::from(tag.first() == Some(&b'<'));
    while i < tag.len() && !tag[i].is_ascii_whitespace() && tag[i] != b'/' && tag[i] != b'>' {
        i += 1;
    }
    let mut o = tag[..i].to_vec();
    o.extend_from_slice(format!(" {name}=\"{value}\"").as_bytes());
    o.extend_from_slice(&tag[i..]);
    o
}

/// The prefix bound to namespace `ns` by the tag's declarations, if any.
fn ns_prefix(tag: &[u8], ns: &str) -> Option<String> {
    attr_spans(tag).find_map(|(k, v)| {
        let key = &tag[k];
        (key.starts_with(b"xmlns:") && &tag[v] == ns.as_bytes())
            .then(|| String::from_utf8_lossy(&key[6..]).into_owned())
    })
}

/// A self-closing tag `<x .../>` turned into its start tag `<x ...>`.
fn opened(tag: &[u8]) -> Vec<u8> {
    let mut t = tag.to_vec();
    if t.ends_with(b"/>") {
        t.truncate(t.len() - 2);
        while t.last().is_some_and(|b| b.is_ascii_whitespace()) {
            t.pop();
        }
        t.push(b'>');
    }
    t
}

/// `snippet` (elements of one namespace, no prefix) with every element name prefixed.
fn px(snippet: &str, prefix: &str) -> String {
    if prefix.is_empty() {
        return snippet.to_string();
    }
    let mut o = String::with_capacity(snippet.len() + 64);
    let mut chars = snippet.chars().peekable();
    while let Some(c) = chars.next() {
        o.push(c);
        if c == '<' {
            if chars.peek() == Some(&'/') {
                o.push('/');
                chars.next();
            }
            o.push_str(prefix);
            o.push(':');
        }
    }
    o
}

fn qname(prefix: &str, name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}:{name}")
    }
}

/// Byte edits applied to a part in one go: (range replaced, new bytes). Ranges must not
/// overlap; an empty range inserts.
#[derive(Default)]
struct Edits(Vec<(Range<usize>, Vec<u8>)>);

impl Edits {
    fn insert(&mut self, at: usize, b: impl Into<Vec<u8>>) {
        self.0.push((at..at, b.into()));
    }
    fn replace(&mut self, r: Range<usize>, b: impl Into<Vec<u8>>) {
        self.0.push((r, b.into()));
    }
    fn apply(mut self, data: &[u8]) -> Vec<u8> {
        // Stable sort: insertions at one point keep the order they were made in.
        self.0.sort_by_key(|(r, _)| (r.start, r.end));
        let mut o = Vec::with_capacity(data.len() + 4096);
        let mut last = 0;
        for (r, b) in self.0 {
            o.extend_from_slice(&data[last..r.start.max(last)]);
            o.extend_from_slice(&b);
            last = last.max(r.end);
        }
        o.extend_from_slice(&data[last..]);
        o
    }
}

/// Calls `f(depth, event, span)` for every event of an XML part; `depth` is the element's depth
/// (root 0) for start, empty and end events.
fn scan<'a>(
    data: &'a [u8],
    part: &str,
    mut f: impl FnMut(usize, &Event<'a>, Range<usize>) -> Result<(), PatchError>,
) -> Result<(), PatchError> {
    scan_jumping(data, part, |depth, ev, span| {
        f(depth, ev, span).map(|_| None)
    })
}

/// Where a [`scan_jumping`] callback sends the scan: on to byte `to`, at `depth`, skipping
/// what lies between (rows without marks).
struct Jump {
    to: usize,
    depth: usize,
}

/// [`scan`] whose callback may skip ahead ([`Jump`]).
fn scan_jumping<'a>(
    data: &'a [u8],
    part: &str,
    mut f: impl FnMut(usize, &Event<'a>, Range<usize>) -> Result<Option<Jump>, PatchError>,
) -> Result<(), PatchError> {
    let reader = |from: usize| {
        let mut rd = Reader::from_reader(&data[from..]);
        rd.config_mut().trim_text(false);
        rd.config_mut().check_end_names = false;
        // A reader started after a jump meets the end tags of elements opened before it.
        rd.config_mut().allow_unmatched_ends = from > 0;
        rd
    };
    let mut base = 0usize;
    let mut rd = reader(0);
    let mut depth = 0usize;
    loop {
        let before = base + rd.buffer_position() as usize;
        let ev = rd.read_event().map_err(|e| {
            perr(
                part,
                format!("XML rusak (malformed XML) at byte {before}: {e}"),
            )
        })?;
        let after = base + rd.buffer_position() as usize;
        let jump = match &ev {
            Event::Eof => return Ok(()),
            Event::Start(_) => {
                let j = f(depth, &ev, before..after)?;
                depth += 1;
                j
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                f(depth, &ev, before..after)?
            }
            _ => f(depth, &ev, before..after)?,
        };
        if let Some(j) = jump
            && j.to >= after
        {
            base = j.to;
            rd = reader(j.to);
            depth = j.depth;
        }
    }
}

/// From byte `from` of a sheet's cell data, the start of the first row numbered `target`
/// (1-based) or more, or else `end_at` (where the cell data ends); with the number of the last
/// row passed. `row` is the row tag as this sheet writes it (`<x:row`). None when a row on the
/// way has no number or comes out of order: the scan then reads on, row by row, as before.
fn next_marked_row(
    data: &[u8],
    from: usize,
    row: &[u8],
    end_at: usize,
    target: Option<u32>,
    mut last: u32,
) -> Option<(usize, u32)> {
    let rows = memchr::memmem::Finder::new(row);
    let mut at = from;
    while let Some(k) = rows.find(&data[at..end_at]) {
        let start = at + k;
        let after_name = start + row.len();
        // `<x:row` followed by a space, `>` or `/`: not `<x:rowBreaks`.
        if !matches!(
            data.get(after_name),
            Some(b' ' | b'>' | b'/' | b'\t' | b'\r' | b'\n')
        ) {
            at = after_name;
            continue;
        }
        let close = after_name + memchr::memchr(b'>', &data[after_name..end_at])?;
        let r = raw_attr(&data[start..=close], b"r").and_then(raw_u32)?;
        if r <= last {
            return None;
        }
        if target.is_some_and(|t| r >= t) {
            return Some((start, last));
        }
        last = r;
        at = close + 1;
    }
    Some((end_at, last))
}

fn ev_local<'e>(ev: &'e Event<'_>) -> &'e [u8] {
    match ev {
        Event::Start(e) | Event::Empty(e) => local(e.name().into_inner().as_bytes()),
        Event::End(e) => local(e.name().into_inner().as_bytes()),
        _ => b"",
    }
}

// ---------------------------------------------------------------------------------------------
// The package.

struct Pkg<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    names: Vec<String>,
    lower: HashMap<String, usize>,
}

impl<'a> Pkg<'a> {
    fn open(input: &'a [u8]) -> Result<Pkg<'a>, PatchError> {
        let zip = ZipArchive::new(Cursor::new(input))
            .map_err(|e| perr("(zip)", format!("bukan paket zip (not a zip package): {e}")))?;
        let names: Vec<String> = (0..zip.len())
            .map(|i| {
                zip.name_for_index(i)
                    .and_then(|r| r.ok())
                    .map(|n| n.into_owned())
                    .unwrap_or_default()
            })
            .collect();
        let lower = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.to_ascii_lowercase(), i))
            .collect();
        Ok(Pkg { zip, names, lower })
    }

    /// The stored name of a part (part names compare without case in OPC).
    fn find(&self, name: &str) -> Option<&str> {
        self.lower
            .get(&name.to_ascii_lowercase())
            .map(|&i| self.names[i].as_str())
    }

    fn read(&mut self, name: &str) -> Result<Vec<u8>, PatchError> {
        let i = *self
            .lower
            .get(&name.to_ascii_lowercase())
            .ok_or_else(|| perr(name, "bagian tidak ada (part missing)"))?;
        let f = self
            .zip
            .by_index(i)
            .map_err(|e| perr(name, format!("tidak dapat dibaca (cannot read): {e}")))?;
        let mut out = Vec::with_capacity(f.size().min(64 << 20) as usize);
        f.take(MAX_PART + 1)
            .read_to_end(&mut out)
            .map_err(|e| perr(name, format!("tidak dapat dibaca (cannot read): {e}")))?;
        if out.len() as u64 > MAX_PART {
            return Err(perr(name, "bagian terlalu besar (part too large)"));
        }
        Ok(out)
    }

    /// A new part name `{stem}{n}{ext}` not used in the package nor in `taken`.
    fn fresh(&self, stem: &str, ext: &str, taken: &mut HashSet<String>) -> String {
        (1..)
            .map(|n| format!("{stem}{n}{ext}"))
            .find(|c| self.find(c).is_none() && !taken.contains(&c.to_ascii_lowercase()))
            .inspect(|c| {
                taken.insert(c.to_ascii_lowercase());
            })
            .unwrap_or_default()
    }
}

fn dir_of(part: &str) -> &str {
    part.rfind('/').map(|i| &part[..i]).unwrap_or("")
}

fn rels_path(part: &str) -> String {
    let (d, f) = match part.rfind('/') {
        Some(i) => (&part[..i], &part[i + 1..]),
        None => ("", part),
    };
    if d.is_empty() {
        format!("_rels/{f}.rels")
    } else {
        format!("{d}/_rels/{f}.rels")
    }
}

/// The target of `to` relative to the folder of part `from`.
fn relative(from: &str, to: &str) -> String {
    let a: Vec<&str> = dir_of(from).split('/').filter(|s| !s.is_empty()).collect();
    let b: Vec<&str> = to.split('/').collect();
    let common = a
        .iter()
        .zip(&b)
        .take_while(|(x, y)| x == y)
        .count()
        .min(b.len() - 1);
    let mut o: Vec<&str> = std::iter::repeat_n("..", a.len() - common).collect();
    o.extend(&b[common..]);
    o.join("/")
}

#[derive(Debug, Clone)]
struct Rel {
    id: String,
    typ: String,
    target: String,
    external: bool,
}

fn parse_rels(data: &[u8], part: &str) -> Result<Vec<Rel>, PatchError> {
    let mut out = Vec::new();
    scan(data, part, |_, ev, span| {
        if let Event::Start(_) | Event::Empty(_) = ev
            && ev_local(ev) == b"Relationship"
        {
            let tag = &data[span];
            out.push(Rel {
                id: get_attr(tag, "Id").unwrap_or_default(),
                typ: get_attr(tag, "Type").unwrap_or_default(),
                target: get_attr(tag, "Target").unwrap_or_default(),
                external: get_attr(tag, "TargetMode").is_some_and(|m| m == "External"),
            });
        }
        Ok(())
    })?;
    Ok(out)
}

fn fresh_rid(rels: &[Rel]) -> String {
    let used: HashSet<&str> = rels.iter().map(|r| r.id.as_str()).collect();
    (rels.len() + 1..)
        .map(|n| format!("rId{n}"))
        .find(|c| !used.contains(c.as_str()))
        .unwrap_or_default()
}

fn rel_xml(id: &str, typ: &str, target: &str) -> String {
    format!(
        "<Relationship Id=\"{}\" Type=\"{}\" Target=\"{}\"/>",
        esc(id),
        typ,
        esc(target)
    )
}

/// The rels part with `new` relationships appended.
fn add_rels(data: Option<&[u8]>, new: &[String], part: &str) -> Result<Vec<u8>, PatchError> {
    let joined = new.concat();
    let Some(data) = data else {
        return Ok(format!(
            "{XML_DECL}<Relationships xmlns=\"{PKG_REL_NS}\">{joined}</Relationships>"
        )
        .into_bytes());
    };
    let mut edits = Edits::default();
    let mut done = false;
    scan(data, part, |depth, ev, span| {
        if depth == 0 && !done {
            match ev {
                Event::End(_) => {
                    edits.insert(span.start, joined.clone());
                    done = true;
                }
                Event::Empty(e) => {
                    let tag = &data[span.clone()];
                    let close = format!(
                        "</{}>",
                        String::from_utf8_lossy(e.name().into_inner().as_bytes())
                    );
                    edits.replace(
                        span,
                        [opened(tag), joined.clone().into_bytes(), close.into_bytes()].concat(),
                    );
                    done = true;
                }
                _ => {}
            }
        }
        Ok(())
    })?;
    if !done {
        return Err(perr(
            part,
            "elemen Relationships tidak ditemukan (no root element)",
        ));
    }
    Ok(edits.apply(data))
}

// ---------------------------------------------------------------------------------------------
// Styles.

/// A style the patch appends to `cellXfs`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum NewXf {
    /// The original `xf` with a new fill.
    Clone {
        orig: u32,
        fill: u32,
    },
    /// The findings sheet's header: bold, light blue, thin border.
    Header,
    Bold,
    Link,
}

/// The sections of `styles.xml` the patch appends to.
const SECTIONS: [&str; 11] = [
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
];

#[derive(Debug, Clone, Default)]
struct Section {
    /// The start (or self-closing) tag.
    tag: Range<usize>,
    /// Where its end tag starts; `None` for a self-closing tag.
    end: Option<usize>,
    children: Vec<Range<usize>>,
}

struct Styles {
    data: Vec<u8>,
    part: String,
    prefix: String,
    root_end: usize,
    sections: HashMap<&'static str, Section>,
    /// Styles appended, in order; their index is `base_xfs + position`.
    new: Vec<NewXf>,
    index: HashMap<NewXf, u32>,
}

impl Styles {
    fn parse(data: Vec<u8>, part: &str) -> Result<Styles, PatchError> {
        let mut sections: HashMap<&'static str, Section> = HashMap::new();
        let mut prefix = String::new();
        let mut root_end = None;
        let mut open: Option<&'static str> = None;
        let mut child_start = 0usize;
        scan(&data, part, |depth, ev, span| {
            match (depth, ev) {
                (0, Event::Start(e)) | (0, Event::Empty(e)) => {
                    prefix = prefix_of(e.name().into_inner().as_bytes());
                    if matches!(ev, Event::Empty(_)) {
                        root_end = Some(span.end);
                    }
                }
                (0, Event::End(_)) => root_end = Some(span.start),
                (1, Event::Start(_)) | (1, Event::Empty(_)) => {
                    let l = ev_local(ev);
                    if let Some(name) = SECTIONS.iter().find(|s| s.as_bytes() == l) {
                        sections.entry(name).or_insert(Section {
                            tag: span.clone(),
                            end: None,
                            children: Vec::new(),
                        });
                        open = matches!(ev, Event::Start(_)).then_some(*name);
                    }
                }
                (1, Event::End(_)) => {
                    if let Some(name) = open.take()
                        && let Some(s) = sections.get_mut(name)
                    {
                        s.end = Some(span.start);
                    }
                }
                (2, Event::Start(_)) => child_start = span.start,
                (2, Event::Empty(_)) => {
                    if let Some(name) = open
                        && let Some(s) = sections.get_mut(name)
                    {
                        s.children.push(span);
                    }
                }
                (2, Event::End(_)) => {
                    if let Some(name) = open
                        && let Some(s) = sections.get_mut(name)
                    {
                        s.children.push(child_start..span.end);
                    }
                }
                _ => {}
            }
            Ok(())
        })?;
        let root_end =
            root_end.ok_or_else(|| perr(part, "elemen styleSheet tidak ditemukan (no root)"))?;
        Ok(Styles {
            data,
            part: part.to_string(),
            prefix,
            root_end,
            sections,
            new: Vec::new(),
            index: HashMap::new(),
        })
    }

    /// A stylesheet with nothing in it, for a package that has none.
    fn empty() -> Styles {
        let data = format!("{XML_DECL}<styleSheet xmlns=\"{MAIN_NS}\"></styleSheet>").into_bytes();
        Styles::parse(data, "xl/styles.xml").expect("the empty stylesheet parses")
    }

    /// Number of children a section has after the defaults a missing section gets.
    fn base(&self, name: &str) -> u32 {
        match self.sections.get(name) {
            Some(s) => s.children.len() as u32,
            None => default_children(name).len() as u32,
        }
    }

    fn xf(&mut self, x: NewXf) -> u32 {
        if let Some(&i) = self.index.get(&x) {
            return i;
        }
        let i = self.base("cellXfs") + self.new.len() as u32;
        self.new.push(x.clone());
        self.index.insert(x, i);
        i
    }

    fn clone_of(&mut self, orig: u32, fill: u32) -> u32 {
        let orig = if orig < self.base("cellXfs") { orig } else { 0 };
        self.xf(NewXf::Clone { orig, fill })
    }

    /// The patched stylesheet.
    fn finish(&self) -> Vec<u8> {
        let p = self.prefix.clone();
        let fonts0 = self.base("fonts");
        let fills0 = self.base("fills");
        let borders0 = self.base("borders");
        // Fills: the header's, then each colour in use.
        let mut fill_colors: Vec<u32> = vec![0xD9E1F2];
        for x in &self.new {
            if let NewXf::Clone { fill, .. } = x
                && !fill_colors.contains(fill)
            {
                fill_colors.push(*fill);
            }
        }
        let fill_id =
            |c: u32| fills0 + fill_colors.iter().position(|&f| f == c).unwrap_or(0) as u32;
        let fonts = [
            "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>".to_string(),
            "<font><u/><sz val=\"11\"/><color rgb=\"FF0563C1\"/><name val=\"Calibri\"/><family val=\"2\"/></font>".to_string(),
        ];
        let fills: Vec<String> = fill_colors
            .iter()
            .map(|c| {
                format!(
                    "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF{c:06X}\"/><bgColor indexed=\"64\"/></patternFill></fill>"
                )
            })
            .collect();
        let borders = ["<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right><top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border>".to_string()];
        let xf_id = if self.sections.contains_key("cellStyleXfs") {
            " xfId=\"0\""
        } else {
            ""
        };
        let cell_xfs = self.sections.get("cellXfs");
        let xfs: Vec<Vec<u8>> = self
            .new
            .iter()
            .map(|x| match x {
                NewXf::Clone { orig, fill } => {
                    let raw: Vec<u8> = match cell_xfs.and_then(|s| s.children.get(*orig as usize)) {
                        Some(r) => self.data[r.clone()].to_vec(),
                        None => px("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>", &p).into_bytes(),
                    };
                    let end = tag_end(&raw);
                    let tag = set_attr(&raw[..end], "fillId", &fill_id(*fill).to_string());
                    let tag = set_attr(&tag, "applyFill", "1");
                    [tag, raw[end..].to_vec()].concat()
                }
                NewXf::Header => px(&format!(
                    "<xf numFmtId=\"0\" fontId=\"{fonts0}\" fillId=\"{}\" borderId=\"{borders0}\"{xf_id} applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\"/>",
                    fill_id(0xD9E1F2)
                ), &p).into_bytes(),
                NewXf::Bold => px(&format!(
                    "<xf numFmtId=\"0\" fontId=\"{fonts0}\" fillId=\"0\" borderId=\"0\"{xf_id} applyFont=\"1\"/>"
                ), &p).into_bytes(),
                NewXf::Link => px(&format!(
                    "<xf numFmtId=\"0\" fontId=\"{}\" fillId=\"0\" borderId=\"0\"{xf_id} applyFont=\"1\"/>",
                    fonts0 + 1
                ), &p).into_bytes(),
            })
            .collect();
        let mut add: HashMap<&str, Vec<u8>> = HashMap::new();
        add.insert("fonts", px(&fonts.concat(), &p).into_bytes());
        add.insert("fills", px(&fills.concat(), &p).into_bytes());
        add.insert("borders", px(&borders.concat(), &p).into_bytes());
        add.insert("cellXfs", xfs.concat());
        let counts: HashMap<&str, usize> = [
            ("fonts", fonts.len()),
            ("fills", fills.len()),
            ("borders", borders.len()),
            ("cellXfs", xfs.len()),
        ]
        .into_iter()
        .collect();
        let mut edits = Edits::default();
        for (i, name) in SECTIONS.iter().enumerate() {
            let Some(extra) = add.remove(name) else {
                continue;
            };
            let total = self.base(name) as usize + counts[name];
            match self.sections.get(name) {
                Some(s) => {
                    let tag = &self.data[s.tag.clone()];
                    let mut new_tag = if get_attr(tag, "count").is_some() {
                        set_attr(tag, "count", &total.to_string())
                    } else {
                        tag.to_vec()
                    };
                    match s.end {
                        Some(end) => {
                            edits.replace(s.tag.clone(), new_tag);
                            edits.insert(end, extra);
                        }
                        None => {
                            new_tag = opened(&new_tag);
                            let close = format!("</{}>", qname(&p, name));
                            edits.replace(
                                s.tag.clone(),
                                [new_tag, extra, close.into_bytes()].concat(),
                            );
                        }
                    }
                }
                None => {
                    // Missing section: inserted with its defaults before the next one present.
                    let at = SECTIONS[i + 1..]
                        .iter()
                        .find_map(|n| self.sections.get(n).map(|s| s.tag.start))
                        .unwrap_or(self.root_end);
                    let body =
                        [px(&default_children(name).concat(), &p).into_bytes(), extra].concat();
                    let open = format!("<{} count=\"{total}\">", qname(&p, name));
                    let close = format!("</{}>", qname(&p, name));
                    edits.insert(at, [open.into_bytes(), body, close.into_bytes()].concat());
                }
            }
        }
        edits.apply(&self.data)
    }
}

fn default_children(section: &str) -> Vec<&'static str> {
    match section {
        "fonts" => vec!["<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"],
        "fills" => vec![
            "<fill><patternFill patternType=\"none\"/></fill>",
            "<fill><patternFill patternType=\"gray125\"/></fill>",
        ],
        "borders" => vec!["<border><left/><right/><top/><bottom/><diagonal/></border>"],
        "cellXfs" => vec!["<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"],
        _ => Vec::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Sheets.

/// What one marked sheet gets: byte edits found in one pass over its XML, applied while it is
/// copied into the output (so the sheet is parsed once and never held as a tree).
struct SheetPlan {
    part: String,
    edits: Edits,
    /// The `legacyDrawing` relationship id the sheet already has.
    legacy_rid: Option<String>,
    /// Where a `legacyDrawing` goes if the sheet has none (schema order).
    legacy_at: usize,
    prefix: String,
    r_prefix: Option<String>,
}

impl SheetPlan {
    fn add_legacy(&mut self, rid: &str) {
        let x = legacy_xml(&self.prefix, &self.r_prefix, rid);
        self.edits.insert(self.legacy_at, x);
    }

    /// Streams `data` with the edits applied to `out`.
    fn write(&mut self, data: &[u8], out: &mut dyn Write) -> Result<(), PatchError> {
        let wr = |e: std::io::Error| {
            perr(
                &self.part,
                format!("tidak dapat ditulis (cannot write): {e}"),
            )
        };
        let mut edits = std::mem::take(&mut self.edits.0);
        edits.sort_by_key(|(r, _)| (r.start, r.end));
        let mut last = 0;
        for (r, b) in &edits {
            out.write_all(&data[last..r.start.max(last)]).map_err(wr)?;
            out.write_all(b).map_err(wr)?;
            last = last.max(r.end);
        }
        out.write_all(&data[last..]).map_err(wr)
    }
}

/// Elements that come after `legacyDrawing` in a worksheet (ECMA-376 CT_Worksheet order).
const AFTER_LEGACY: [&[u8]; 9] = [
    b"legacyDrawingHF",
    b"drawingHF",
    b"picture",
    b"oleObjects",
    b"controls",
    b"webPublishItems",
    b"tableParts",
    b"extLst",
    b"AlternateContent",
];

/// The raw value of attribute `name` (exact qualified name) in a start tag, without allocating.
fn raw_attr<'t>(tag: &'t [u8], name: &[u8]) -> Option<&'t [u8]> {
    attr_spans(tag)
        .find(|(k, _)| &tag[k.clone()] == name)
        .map(|(_, v)| &tag[v])
}

fn raw_u32(v: &[u8]) -> Option<u32> {
    std::str::from_utf8(v).ok()?.trim().parse().ok()
}

/// The 0-based column of an A1 reference, without allocating.
fn ref_col(v: &[u8]) -> Option<u32> {
    let mut col = 0u32;
    let mut any = false;
    for &b in v {
        match b {
            b'$' => {}
            b'A'..=b'Z' => {
                col = col.checked_mul(26)?.checked_add((b - b'A') as u32 + 1)?;
                any = true;
            }
            b'a'..=b'z' => {
                col = col.checked_mul(26)?.checked_add((b - b'a') as u32 + 1)?;
                any = true;
            }
            _ => break,
        }
    }
    any.then(|| col - 1)
}

/// One pass over a sheet's XML: the edits that apply `marks` (allocating the styles they
/// need), where a `legacyDrawing` would go, and the one the sheet has.
fn plan_sheet(
    data: &[u8],
    part: &str,
    marks: &BTreeMap<(u32, u32), u32>,
    styles: &mut Styles,
) -> Result<SheetPlan, PatchError> {
    let mut plan = SheetPlan {
        part: part.to_string(),
        edits: Edits::default(),
        legacy_rid: None,
        legacy_at: 0,
        prefix: String::new(),
        r_prefix: None,
    };
    let mut legacy_at: Option<usize> = None;
    let mut cols: Vec<(u32, u32, u32)> = Vec::new();
    let mut in_data = false;
    let mut row_num = 0u32; // 1-based, of the current or last row
    let mut row_style: Option<u32> = None;
    let mut row_marked = false;
    let mut next_col = 0u32;
    let mut pending = marks.iter().map(|(&(r, c), &f)| (r, c, f)).peekable();
    let orig_style = |cols: &[(u32, u32, u32)], row_style: Option<u32>, col: u32| {
        row_style.unwrap_or_else(|| {
            cols.iter()
                .find(|(a, b, _)| col + 1 >= *a && col < *b)
                .map(|c| c.2)
                .unwrap_or(0)
        })
    };
    let new_cell =
        |styles: &mut Styles, prefix: &str, row0: u32, col: u32, orig: u32, fill: u32| {
            let s = styles.clone_of(orig, fill);
            format!(
                "<{} r=\"{}{}\" s=\"{s}\"/>",
                qname(prefix, "c"),
                col_letters(col),
                row0 + 1
            )
        };
    // The tags that open a row and close the cell data, as this sheet writes them: rows
    // without marks are skipped by searching for the next row tag ([`next_marked_row`]).
    let mut row_tag: Vec<u8> = Vec::new();
    let mut data_end_tag: Vec<u8> = Vec::new();
    // Where the cell data ends, searched for once (None: not yet; Some(None): not found).
    let mut data_end_at: Option<Option<usize>> = None;
    scan_jumping(data, part, |depth, ev, span| {
        let l = ev_local(ev);
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                if depth == 0 {
                    let tag = &data[span.clone()];
                    plan.prefix = prefix_of(e.name().into_inner().as_bytes());
                    plan.r_prefix = ns_prefix(tag, REL_NS);
                    row_tag = format!("<{}", qname(&plan.prefix, "row")).into_bytes();
                    data_end_tag = format!("</{}", qname(&plan.prefix, "sheetData")).into_bytes();
                    return Ok(None);
                }
                if depth == 1 && legacy_at.is_none() && AFTER_LEGACY.contains(&l) {
                    legacy_at = Some(span.start);
                }
                match (depth, l) {
                    (3, b"c") if in_data => {
                        if !row_marked {
                            return Ok(None); // the fast path: nothing to do in this row
                        }
                        let tag = &data[span.clone()];
                        let col = raw_attr(tag, b"r").and_then(ref_col).unwrap_or(next_col);
                        next_col = col + 1;
                        let mut cells = String::new();
                        while let Some(&(rr, c, f)) = pending.peek() {
                            if rr + 1 != row_num || c >= col {
                                break;
                            }
                            let o = orig_style(&cols, row_style, c);
                            cells.push_str(&new_cell(styles, &plan.prefix, rr, c, o, f));
                            pending.next();
                        }
                        if !cells.is_empty() {
                            plan.edits.insert(span.start, cells);
                        }
                        if let Some(&(rr, c, f)) = pending.peek()
                            && rr + 1 == row_num
                            && c == col
                        {
                            let orig = raw_attr(tag, b"s").and_then(raw_u32).unwrap_or(0);
                            let s = styles.clone_of(orig, f);
                            plan.edits
                                .replace(span.clone(), set_attr(tag, "s", &s.to_string()));
                            pending.next();
                        }
                    }
                    (2, b"row") if in_data => {
                        let tag = &data[span.clone()];
                        let r = raw_attr(tag, b"r")
                            .and_then(raw_u32)
                            .unwrap_or(row_num.saturating_add(1));
                        // Marked rows missing before this one.
                        let mut body = String::new();
                        while let Some(&(mr, _, _)) = pending.peek() {
                            if mr + 1 >= r {
                                break;
                            }
                            body.push_str(&format!(
                                "<{} r=\"{}\">",
                                qname(&plan.prefix, "row"),
                                mr + 1
                            ));
                            while let Some(&(rr, c, f)) = pending.peek() {
                                if rr != mr {
                                    break;
                                }
                                let o = orig_style(&cols, None, c);
                                body.push_str(&new_cell(styles, &plan.prefix, mr, c, o, f));
                                pending.next();
                            }
                            body.push_str(&format!("</{}>", qname(&plan.prefix, "row")));
                        }
                        if !body.is_empty() {
                            plan.edits.insert(span.start, body);
                        }
                        row_num = r;
                        next_col = 0;
                        row_marked = pending.peek().is_some_and(|p| p.0 + 1 == r);
                        if !row_marked {
                            // On to the next row with a mark (or the end of the cell data),
                            // when this row is written as the others are searched for.
                            let end_at = *data_end_at.get_or_insert_with(|| {
                                memchr::memmem::find(&data[span.end..], &data_end_tag)
                                    .map(|k| span.end + k)
                            });
                            if tag.starts_with(&row_tag)
                                && let Some(end_at) = end_at
                                && let Some((to, last)) = next_marked_row(
                                    data,
                                    span.end,
                                    &row_tag,
                                    end_at,
                                    pending.peek().map(|p| p.0 + 1),
                                    r,
                                )
                            {
                                row_num = last;
                                return Ok(Some(Jump { to, depth: 2 }));
                            }
                            return Ok(None);
                        }
                        let custom = raw_attr(tag, b"customFormat")
                            .is_some_and(|v| v == b"1" || v == b"true");
                        row_style = if custom {
                            raw_attr(tag, b"s").and_then(raw_u32)
                        } else {
                            None
                        };
                        if empty {
                            let mut cells = String::new();
                            while let Some(&(rr, c, f)) = pending.peek() {
                                if rr + 1 != r {
                                    break;
                                }
                                let o = orig_style(&cols, row_style, c);
                                cells.push_str(&new_cell(styles, &plan.prefix, rr, c, o, f));
                                pending.next();
                            }
                            let new = [
                                opened(tag),
                                cells.into_bytes(),
                                format!("</{}>", qname(&plan.prefix, "row")).into_bytes(),
                            ]
                            .concat();
                            plan.edits.replace(span.clone(), new);
                        }
                    }
                    (1, b"legacyDrawing") => {
                        plan.legacy_rid = get_attr(&data[span.clone()], "id");
                    }
                    (2, b"col") => {
                        let tag = &data[span.clone()];
                        let n = |k: &[u8]| raw_attr(tag, k).and_then(raw_u32);
                        if let (Some(a), Some(b), Some(s)) = (n(b"min"), n(b"max"), n(b"style")) {
                            cols.push((a, b, s));
                        }
                    }
                    (1, b"sheetData") => {
                        if empty {
                            let body = rows_for(&mut pending, styles, &plan.prefix, &cols, 0);
                            let tag = &data[span.clone()];
                            let new = [
                                opened(tag),
                                body.into_bytes(),
                                format!("</{}>", qname(&plan.prefix, "sheetData")).into_bytes(),
                            ]
                            .concat();
                            plan.edits.replace(span.clone(), new);
                        } else {
                            in_data = true;
                        }
                    }
                    _ => {}
                }
            }
            Event::End(_) => match (depth, l) {
                (2, b"row") if in_data && row_marked => {
                    let mut cells = String::new();
                    while let Some(&(rr, c, f)) = pending.peek() {
                        if rr + 1 != row_num {
                            break;
                        }
                        let o = orig_style(&cols, row_style, c);
                        cells.push_str(&new_cell(styles, &plan.prefix, rr, c, o, f));
                        pending.next();
                    }
                    if !cells.is_empty() {
                        plan.edits.insert(span.start, cells);
                    }
                }
                (1, b"sheetData") if in_data => {
                    in_data = false;
                    let body = rows_for(&mut pending, styles, &plan.prefix, &cols, row_num);
                    if !body.is_empty() {
                        plan.edits.insert(span.start, body);
                    }
                }
                (0, _) if legacy_at.is_none() => legacy_at = Some(span.start),
                _ => {}
            },
            _ => {}
        }
        Ok(None)
    })?;
    plan.legacy_at =
        legacy_at.ok_or_else(|| perr(part, "elemen worksheet tidak lengkap (no end of root)"))?;
    Ok(plan)
}

/// New rows holding the remaining marks; marks on rows at or before 1-based `after` (rows out
/// of order in the input) are dropped rather than written out of order.
fn rows_for(
    pending: &mut dyn Iterator<Item = (u32, u32, u32)>,
    styles: &mut Styles,
    prefix: &str,
    cols: &[(u32, u32, u32)],
    after: u32,
) -> String {
    let mut body = String::new();
    let mut cur: Option<u32> = None;
    for (r, c, f) in pending {
        if r < after {
            continue;
        }
        if cur != Some(r) {
            if cur.is_some() {
                body.push_str(&format!("</{}>", qname(prefix, "row")));
            }
            body.push_str(&format!("<{} r=\"{}\">", qname(prefix, "row"), r + 1));
            cur = Some(r);
        }
        let o = cols
            .iter()
            .find(|(a, b, _)| c + 1 >= *a && c < *b)
            .map(|x| x.2)
            .unwrap_or(0);
        let s = styles.clone_of(o, f);
        body.push_str(&format!(
            "<{} r=\"{}{}\" s=\"{s}\"/>",
            qname(prefix, "c"),
            col_letters(c),
            r + 1
        ));
    }
    if cur.is_some() {
        body.push_str(&format!("</{}>", qname(prefix, "row")));
    }
    body
}

fn legacy_xml(prefix: &str, r_prefix: &Option<String>, rid: &str) -> String {
    match r_prefix {
        Some(r) => format!(
            "<{} {r}:id=\"{}\"/>",
            qname(prefix, "legacyDrawing"),
            esc(rid)
        ),
        None => format!(
            "<{} xmlns:r=\"{REL_NS}\" r:id=\"{}\"/>",
            qname(prefix, "legacyDrawing"),
            esc(rid)
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Notes.

/// A cell as (row, col), 0-based.
type Cell = (u32, u32);

fn a1(row: u32, col: u32) -> String {
    format!("{}{}", col_letters(col), row + 1)
}

/// The comments part with the notes merged in: a note on a cell that already has one is added
/// below the planner's text; the others are new comments by "selaras".
fn merge_comments(
    data: Option<&[u8]>,
    notes: &BTreeMap<(u32, u32), String>,
    part: &str,
) -> Result<(Vec<u8>, Vec<Cell>), PatchError> {
    let fresh = format!(
        "{XML_DECL}<comments xmlns=\"{MAIN_NS}\"><authors></authors><commentList></commentList></comments>"
    );
    let data: &[u8] = data.unwrap_or(fresh.as_bytes());
    let mut prefix = String::new();
    let mut authors: Vec<String> = Vec::new();
    let mut authors_end: Option<usize> = None;
    let mut authors_tag: Option<Range<usize>> = None;
    let mut list_end: Option<usize> = None;
    let mut list_tag: Option<Range<usize>> = None;
    let mut root_end = 0usize;
    // Existing comments: cell → (insertion point, kind)
    let mut existing: Vec<((u32, u32), usize, bool)> = Vec::new();
    let mut cur_ref: Option<(u32, u32)> = None;
    let mut in_author = false;
    let mut author_text = String::new();
    let mut last_r_end: Option<usize> = None;
    let mut t_end: Option<usize> = None;
    let mut text_depth: Option<usize> = None;
    scan(data, part, |depth, ev, span| {
        let l = ev_local(ev);
        match ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                match (depth, l) {
                    (0, _) => prefix = prefix_of(e.name().into_inner().as_bytes()),
                    (1, b"authors") => {
                        authors_tag = Some(span.clone());
                        if empty {
                            authors_end = None;
                        }
                    }
                    (1, b"commentList") => list_tag = Some(span.clone()),
                    (2, b"author") if !empty => {
                        in_author = true;
                        author_text.clear();
                    }
                    (2, b"author") => authors.push(String::new()),
                    (2, b"comment") => {
                        cur_ref = get_attr(&data[span.clone()], "ref")
                            .and_then(|r| Pos::parse_a1(r.split(':').next().unwrap_or("")))
                            .map(|p| (p.row, p.col));
                        last_r_end = None;
                        t_end = None;
                    }
                    (3, b"text") => text_depth = Some(3),
                    _ => {}
                }
            }
            Event::Text(t) if in_author => {
                author_text.push_str(&String::from(&**t));
            }
            Event::GeneralRef(_) if in_author => {
                author_text.push_str(&String::from_utf8_lossy(&data[span]));
            }
            Event::End(_) => match (depth, l) {
                (0, _) => root_end = span.start,
                (1, b"authors") => authors_end = Some(span.start),
                (1, b"commentList") => list_end = Some(span.start),
                (2, b"author") => {
                    in_author = false;
                    authors.push(
                        quick_xml::escape::unescape(&author_text)
                            .map(|c| c.into_owned())
                            .unwrap_or_else(|_| author_text.clone()),
                    );
                }
                (4, b"r") if text_depth.is_some() => last_r_end = Some(span.end),
                (4, b"t") if text_depth.is_some() => t_end = Some(span.start),
                (3, b"text") => {
                    text_depth = None;
                    if let Some(c) = cur_ref {
                        match (last_r_end, t_end) {
                            (Some(e), _) => existing.push((c, e, true)),
                            (None, Some(e)) => existing.push((c, e, false)),
                            (None, None) => existing.push((c, span.start, true)),
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
        Ok(())
    })?;
    let mut edits = Edits::default();
    let author_id = match authors.iter().position(|a| a == "selaras") {
        Some(i) => i,
        None => {
            let a = px("<author>selaras</author>", &prefix);
            match (authors_tag.clone(), authors_end) {
                (_, Some(end)) => edits.insert(end, a),
                (Some(tag), None) => edits.replace(
                    tag.clone(),
                    [
                        opened(&data[tag]),
                        a.into_bytes(),
                        format!("</{}>", qname(&prefix, "authors")).into_bytes(),
                    ]
                    .concat(),
                ),
                (None, None) => {
                    let at = list_tag.as_ref().map(|t| t.start).unwrap_or(root_end);
                    edits.insert(
                        at,
                        px("<authors><author>selaras</author></authors>", &prefix),
                    );
                }
            }
            authors.len()
        }
    };
    let by_ref: HashMap<Cell, (Cell, usize, bool)> =
        existing.iter().rev().map(|e| (e.0, *e)).collect();
    let mut new_refs = Vec::new();
    let mut added = String::new();
    for (&(r, c), note) in notes {
        let note = esc(truncate_chars(note, MAX_CELL_CHARS));
        match by_ref.get(&(r, c)) {
            Some((_, at, true)) => edits.insert(
                *at,
                px(
                    &format!("<r><t xml:space=\"preserve\">\n\n{note}</t></r>"),
                    &prefix,
                ),
            ),
            Some((_, at, false)) => edits.insert(*at, format!("\n\n{note}")),
            None => {
                new_refs.push((r, c));
                added.push_str(&px(
                    &format!(
                        "<comment ref=\"{}\" authorId=\"{author_id}\"><text><t xml:space=\"preserve\">{note}</t></text></comment>",
                        a1(r, c)
                    ),
                    &prefix,
                ));
            }
        }
    }
    match (list_tag, list_end) {
        (_, Some(end)) => edits.insert(end, added),
        (Some(tag), None) => edits.replace(
            tag.clone(),
            [
                opened(&data[tag]),
                added.into_bytes(),
                format!("</{}>", qname(&prefix, "commentList")).into_bytes(),
            ]
            .concat(),
        ),
        (None, None) => edits.insert(
            root_end,
            format!("<{0}>{added}</{0}>", qname(&prefix, "commentList")),
        ),
    }
    let all_refs: Vec<(u32, u32)> = existing.iter().map(|e| e.0).collect();
    let out = edits.apply(data);
    // New refs are the cells that need a new VML shape; the existing ones are returned too
    // for a sheet whose comments had no drawing.
    let mut refs = new_refs;
    refs.extend(all_refs.into_iter().map(|p| (p.0 | 0x8000_0000, p.1)));
    Ok((out, refs))
}

const VML_HEAD: &str = "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\n";
const VML_SHAPETYPE: &str = "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\" path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/><v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>\n";

fn vml_shape(id: u32, row: u32, col: u32) -> String {
    format!(
        "<v:shape id=\"_x0000_s{id}\" type=\"#_x0000_t202\" style=\"position:absolute;margin-left:60pt;margin-top:2pt;width:315pt;height:165pt;z-index:{z};visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/><v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/><v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox><x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>{c1}, 15, {r0}, 10, {c2}, 15, {r1}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>{row}</x:Row><x:Column>{col}</x:Column></x:ClientData></v:shape>\n",
        z = id,
        c1 = col.saturating_add(1),
        c2 = col.saturating_add(6),
        r0 = row.saturating_sub(1),
        r1 = row.saturating_sub(1).saturating_add(11),
    )
}

/// Shape ids used in a VML part (`_x0000_sNNNN`) and its idmap blocks.
fn vml_ids(data: &[u8]) -> (u32, Vec<u32>) {
    let mut max = 0;
    let needle = b"_x0000_s";
    let mut i = 0;
    while let Some(p) = data[i..].windows(needle.len()).position(|w| w == needle) {
        let s = i + p + needle.len();
        let e = s + data[s..].iter().take_while(|b| b.is_ascii_digit()).count();
        if let Ok(n) = std::str::from_utf8(&data[s..e])
            .unwrap_or("")
            .parse::<u32>()
        {
            max = max.max(n);
        }
        i = e.max(s);
    }
    let mut blocks = Vec::new();
    let needle = b"data=\"";
    let mut i = 0;
    while let Some(p) = data[i..].windows(needle.len()).position(|w| w == needle) {
        let s = i + p + needle.len();
        let e = s + data[s..].iter().take_while(|&&b| b != b'"').count();
        for n in String::from_utf8_lossy(&data[s..e]).split(',') {
            if let Ok(n) = n.trim().parse() {
                blocks.push(std::cmp::min::<u32>(n, 1 << 20));
            }
        }
        i = e;
    }
    (max, blocks)
}

// ---------------------------------------------------------------------------------------------
// The findings sheet.

struct TemuanStyles {
    header: u32,
    bold: u32,
    link: u32,
    fills: HashMap<u32, u32>,
}

fn cell_str(row: u32, col: u32, s: Option<u32>, text: &str) -> String {
    if text.is_empty() && s.is_none() {
        return String::new();
    }
    let s = s.map(|s| format!(" s=\"{s}\"")).unwrap_or_default();
    format!(
        "<c r=\"{}\"{s} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
        a1(row, col),
        esc(truncate_chars(text, MAX_CELL_CHARS))
    )
}

fn cell_num(row: u32, col: u32, s: Option<u32>, n: usize) -> String {
    let s = s.map(|s| format!(" s=\"{s}\"")).unwrap_or_default();
    format!("<c r=\"{}\"{s}><v>{n}</v></c>", a1(row, col))
}

fn quote_sheet(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

fn temuan_xml(t: &TemuanSheet, st: &TemuanStyles) -> String {
    let mut rows: Vec<(u32, String)> = Vec::new();
    if let Some(n) = &t.notice {
        rows.push((0, cell_str(0, 0, Some(st.bold), n)));
    }
    let r0 = t.counts_row();
    rows.push((r0, cell_str(r0, 0, Some(st.bold), &t.counts_title)));
    for (i, c) in t.counts.iter().enumerate() {
        let r = r0 + 1 + i as u32;
        rows.push((
            r,
            [
                cell_str(r, 0, st.fills.get(&c.fill).copied(), &c.label),
                cell_str(r, 1, None, &c.rule),
                cell_num(r, 2, None, c.count),
                cell_str(r, 4, None, &c.summary),
            ]
            .concat(),
        ));
    }
    let tr = t.total_row();
    rows.push((
        tr,
        [
            cell_str(tr, 1, Some(st.bold), &t.total_label),
            cell_num(tr, 2, Some(st.bold), t.total),
        ]
        .concat(),
    ));
    let h = t.header_row();
    rows.push((
        h,
        t.headers
            .iter()
            .enumerate()
            .map(|(c, x)| cell_str(h, c as u32, Some(st.header), x))
            .collect(),
    ));
    let mut links = String::new();
    for (i, f) in t.rows.iter().enumerate() {
        let r = h + 1 + i as u32;
        rows.push((
            r,
            [
                cell_str(r, 0, st.fills.get(&f.fill).copied(), &f.label),
                cell_str(r, 1, None, &f.rule),
                cell_str(r, 2, None, &f.sheet),
                cell_str(r, 3, Some(st.link), &f.cell),
                cell_str(r, 4, None, &f.message),
                cell_str(r, 5, None, &f.expected),
                cell_str(r, 6, None, &f.found),
                cell_str(r, 7, None, &f.related),
            ]
            .concat(),
        ));
        links.push_str(&format!(
            "<hyperlink ref=\"{}\" location=\"{}\" display=\"{}\"/>",
            a1(r, 3),
            esc(&format!("{}!{}", quote_sheet(&f.sheet), f.cell)),
            esc(&f.cell)
        ));
    }
    let last = t.last_row();
    let cols: String = TEMUAN_WIDTHS
        .iter()
        .enumerate()
        .map(|(i, w)| {
            format!(
                "<col min=\"{0}\" max=\"{0}\" width=\"{1}\" customWidth=\"1\"/>",
                i + 1,
                w + 0.7109375
            )
        })
        .collect();
    let data: String = rows
        .into_iter()
        .map(|(r, cells)| format!("<row r=\"{}\">{cells}</row>", r + 1))
        .collect();
    let links = if links.is_empty() {
        String::new()
    } else {
        format!("<hyperlinks>{links}</hyperlinks>")
    };
    format!(
        "{XML_DECL}<worksheet xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A1:H{}\"/><sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"{}\" topLeftCell=\"A{}\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"A{}\" sqref=\"A{}\"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>{cols}</cols><sheetData>{data}</sheetData><autoFilter ref=\"A{}:H{}\"/>{links}<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/><pageSetup orientation=\"landscape\" fitToHeight=\"0\"/></worksheet>",
        last + 1,
        h + 1,
        h + 2,
        h + 2,
        h + 2,
        h + 1,
        last + 1,
    )
}

// ---------------------------------------------------------------------------------------------
// Workbook, content types, app properties.

struct SheetRef {
    name: String,
    rid: String,
}

fn parse_sheets(data: &[u8], part: &str) -> Result<Vec<SheetRef>, PatchError> {
    let mut out = Vec::new();
    scan(data, part, |depth, ev, span| {
        if depth == 2 && matches!(ev, Event::Start(_) | Event::Empty(_)) && ev_local(ev) == b"sheet"
        {
            let tag = &data[span];
            out.push(SheetRef {
                name: get_attr(tag, "name").unwrap_or_default(),
                rid: get_attr(tag, "id").unwrap_or_default(),
            });
        }
        Ok(())
    })?;
    Ok(out)
}

fn patch_workbook(data: &[u8], part: &str, name: &str, rid: &str) -> Result<Vec<u8>, PatchError> {
    let mut edits = Edits::default();
    let mut prefix = String::new();
    let mut r_prefix: Option<String> = None;
    let mut max_id = 0u32;
    let mut sheets_at: Option<usize> = None;
    scan(data, part, |depth, ev, span| {
        if let Event::Start(e) | Event::Empty(e) = ev {
            let tag = &data[span.clone()];
            match (depth, ev_local(ev)) {
                (0, _) => {
                    prefix = prefix_of(e.name().into_inner().as_bytes());
                    r_prefix = ns_prefix(tag, REL_NS);
                }
                (1, b"sheets") => sheets_at = Some(span.end),
                (2, b"sheet") => {
                    max_id = max_id.max(
                        get_attr(tag, "sheetId")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0),
                    );
                }
                (2, b"workbookView") => {
                    let mut t = tag.to_vec();
                    let active: u32 = get_attr(tag, "activeTab")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    t = set_attr(&t, "activeTab", &active.saturating_add(1).to_string());
                    if let Some(f) = get_attr(tag, "firstSheet").and_then(|v| v.parse::<u32>().ok())
                    {
                        t = set_attr(&t, "firstSheet", &f.saturating_add(1).to_string());
                    }
                    edits.replace(span, t);
                }
                (2, b"definedName") => {
                    if let Some(i) =
                        get_attr(tag, "localSheetId").and_then(|v| v.parse::<u32>().ok())
                    {
                        edits.replace(
                            span,
                            set_attr(tag, "localSheetId", &i.saturating_add(1).to_string()),
                        );
                    }
                }
                _ => {}
            }
        }
        Ok(())
    })?;
    let at = sheets_at.ok_or_else(|| perr(part, "elemen sheets tidak ditemukan (no sheets)"))?;
    let id_attr = match &r_prefix {
        Some(r) => format!("{r}:id=\"{}\"", esc(rid)),
        None => format!("xmlns:r=\"{REL_NS}\" r:id=\"{}\"", esc(rid)),
    };
    edits.insert(
        at,
        format!(
            "<{} name=\"{}\" sheetId=\"{}\" {id_attr}/>",
            qname(&prefix, "sheet"),
            esc(name),
            max_id.saturating_add(1)
        ),
    );
    Ok(edits.apply(data))
}

fn patch_content_types(
    data: &[u8],
    overrides: &[(String, &str)],
    vml_default: bool,
) -> Result<Vec<u8>, PatchError> {
    let part = "[Content_Types].xml";
    let mut has_vml = false;
    let mut end = None;
    let mut root_tag: Option<Range<usize>> = None;
    let mut edits = Edits::default();
    scan(data, part, |depth, ev, span| {
        match (depth, ev) {
            // A template's copy is a workbook (Excel opens no template saved as .xlsx/.xlsm).
            (1, Event::Start(_) | Event::Empty(_)) if ev_local(ev) == b"Override" => {
                let tag = &data[span.clone()];
                let ct = get_attr(tag, "ContentType").unwrap_or_default();
                let to = match ct.as_str() {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml" => {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
                    }
                    "application/vnd.ms-excel.template.macroEnabled.main+xml" => {
                        "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
                    }
                    _ => "",
                };
                if !to.is_empty() {
                    edits.replace(span, set_attr(tag, "ContentType", to));
                }
            }
            (1, Event::Start(_) | Event::Empty(_))
                if ev_local(ev) == b"Default"
                    && get_attr(&data[span.clone()], "Extension")
                        .is_some_and(|e| e.eq_ignore_ascii_case("vml")) =>
            {
                has_vml = true;
            }
            (0, Event::End(_)) => end = Some(span.start),
            (0, Event::Empty(_)) => root_tag = Some(span),
            _ => {}
        }
        Ok(())
    })?;
    let mut add = String::new();
    if vml_default && !has_vml {
        add.push_str(&format!(
            "<Default Extension=\"vml\" ContentType=\"{CT_VML}\"/>"
        ));
    }
    for (p, ct) in overrides {
        add.push_str(&format!(
            "<Override PartName=\"/{}\" ContentType=\"{ct}\"/>",
            esc(p)
        ));
    }
    match (end, root_tag) {
        (Some(e), _) => edits.insert(e, add),
        (None, Some(t)) => edits.replace(
            t.clone(),
            [opened(&data[t]), add.into_bytes(), b"</Types>".to_vec()].concat(),
        ),
        _ => return Err(perr(part, "elemen Types tidak ditemukan (no root element)")),
    }
    Ok(edits.apply(data))
}

/// `docProps/app.xml` listing the new sheet first among the worksheets; `None` when the part
/// does not list sheets in the usual way (it is then left as it is).
fn patch_app(data: &[u8], name: &str) -> Option<Vec<u8>> {
    let mut edits = Edits::default();
    let mut in_pairs = false;
    let mut in_titles = false;
    let mut pairs_done = false;
    let mut titles_done = false;
    let mut in_i4 = false;
    let mut lp_prefix = String::new();
    scan(data, "docProps/app.xml", |_, ev, span| {
        match ev {
            Event::Start(e) => {
                let l = ev_local(ev);
                match l {
                    b"HeadingPairs" => in_pairs = true,
                    b"TitlesOfParts" => in_titles = true,
                    b"i4" if in_pairs && !pairs_done => in_i4 = true,
                    b"vector" if in_titles && !titles_done => {
                        let tag = &data[span.clone()];
                        if let Some(n) = get_attr(tag, "size").and_then(|v| v.parse::<u32>().ok()) {
                            edits.replace(
                                span.clone(),
                                set_attr(tag, "size", &n.saturating_add(1).to_string()),
                            );
                        }
                    }
                    b"lpstr" if in_titles && !titles_done => {
                        lp_prefix = prefix_of(e.name().into_inner().as_bytes());
                        let q = qname(&lp_prefix, "lpstr");
                        edits.insert(span.start, format!("<{q}>{}</{q}>", esc(name)));
                        titles_done = true;
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_i4 => {
                if let Ok(n) = String::from(&**t).trim().parse::<u32>() {
                    edits.replace(span.clone(), n.saturating_add(1).to_string());
                    pairs_done = true;
                }
            }
            Event::End(_) => match ev_local(ev) {
                b"HeadingPairs" => in_pairs = false,
                b"TitlesOfParts" => in_titles = false,
                b"i4" => in_i4 = false,
                _ => {}
            },
            _ => {}
        }
        Ok(())
    })
    .ok()?;
    (pairs_done && titles_done).then(|| edits.apply(data))
}

// ---------------------------------------------------------------------------------------------
// The patch.

/// Whether `bytes` is an .xlsx/.xlsm package (a zip holding `xl/workbook.xml`).
pub fn is_xlsx_package(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK")
        && ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| {
            z.file_names()
                .any(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case("xl/workbook.xml")))
        })
}

/// The annotated copy of the package `input`: `marks` filled and noted, `temuan` as a new
/// first sheet, every other part copied byte for byte.
pub fn patch_xlsx(
    input: &[u8],
    marks: &[Mark],
    temuan: &TemuanSheet,
) -> Result<Vec<u8>, PatchError> {
    let mut pkg = Pkg::open(input)?;
    let mut taken: HashSet<String> = HashSet::new();
    let mut replaced: HashMap<String, Vec<u8>> = HashMap::new();
    let mut added: Vec<(String, Vec<u8>)> = Vec::new();
    let mut overrides: Vec<(String, &str)> = Vec::new();
    let mut any_vml = false;

    // The workbook part, through the package relationships.
    let wb_part = match pkg.find("_rels/.rels").map(str::to_string) {
        Some(p) => {
            let data = pkg.read(&p)?;
            parse_rels(&data, &p)?
                .into_iter()
                .find(|r| r.typ.ends_with("/officeDocument") && !r.external)
                .map(|r| resolve("", &r.target))
        }
        None => None,
    }
    .and_then(|p| pkg.find(&p).map(str::to_string))
    .or_else(|| pkg.find("xl/workbook.xml").map(str::to_string))
    .ok_or_else(|| perr("xl/workbook.xml", "bagian tidak ada (part missing)"))?;
    let wb_dir = dir_of(&wb_part).to_string();
    let wb_xml = pkg.read(&wb_part)?;
    let wb_rels_part = rels_path(&wb_part);
    let wb_rels_data = pkg.read(&wb_rels_part)?;
    let wb_rels = parse_rels(&wb_rels_data, &wb_rels_part)?;
    let sheets = parse_sheets(&wb_xml, &wb_part)?;
    let sheet_part = |s: &SheetRef| {
        wb_rels
            .iter()
            .find(|r| r.id == s.rid && r.typ.ends_with("/worksheet") && !r.external)
            .map(|r| resolve(&wb_dir, &r.target))
    };

    // Styles.
    let mut new_wb_rels: Vec<String> = Vec::new();
    let mut wb_rels_all = wb_rels.clone();
    let mut styles = match wb_rels
        .iter()
        .find(|r| r.typ == T_STYLES || r.typ.ends_with("/styles"))
    {
        Some(r) => {
            let p = resolve(&wb_dir, &r.target);
            let p = pkg.find(&p).map(str::to_string).unwrap_or(p);
            Styles::parse(pkg.read(&p)?, &p)?
        }
        None => {
            let p = pkg.fresh(&format!("{wb_dir}/styles"), ".xml", &mut taken);
            let p = if p.ends_with("styles1.xml")
                && pkg.find(&format!("{wb_dir}/styles.xml")).is_none()
            {
                format!("{wb_dir}/styles.xml")
            } else {
                p
            };
            let mut s = Styles::empty();
            s.part = p.clone();
            let id = fresh_rid(&wb_rels_all);
            wb_rels_all.push(Rel {
                id: id.clone(),
                typ: T_STYLES.into(),
                target: String::new(),
                external: false,
            });
            new_wb_rels.push(rel_xml(&id, T_STYLES, &relative(&wb_part, &p)));
            overrides.push((p, CT_STYLES));
            s
        }
    };

    // Marks grouped by sheet (by name; a mark on a sheet the package lacks is dropped).
    type Fills = BTreeMap<Cell, u32>;
    type Notes = BTreeMap<Cell, String>;
    let mut by_sheet: BTreeMap<usize, (Fills, Notes)> = BTreeMap::new();
    for m in marks {
        // Outside Excel's grid: cannot be a cell of the package.
        if m.row >= 1 << 20 || m.col >= 1 << 14 {
            continue;
        }
        let Some(i) = sheets.iter().position(|s| s.name == m.sheet).or_else(|| {
            sheets
                .iter()
                .position(|s| s.name.eq_ignore_ascii_case(&m.sheet))
        }) else {
            continue;
        };
        let e = by_sheet.entry(i).or_default();
        e.0.entry((m.row, m.col)).or_insert(m.fill);
        if !m.note.is_empty() {
            e.1.entry((m.row, m.col))
                .and_modify(|n| {
                    n.push_str("\n\n");
                    n.push_str(&m.note);
                })
                .or_insert_with(|| m.note.clone());
        }
    }

    // Every VML idmap block in use, so a new drawing gets its own.
    let mut vml_blocks: Vec<u32> = Vec::new();
    for n in pkg.names.clone() {
        if n.to_ascii_lowercase().ends_with(".vml") {
            vml_blocks.extend(vml_ids(&pkg.read(&n)?).1);
        }
    }

    let mut jobs: HashMap<String, SheetPlan> = HashMap::new();
    for (i, (cells, notes)) in by_sheet {
        let Some(part) = sheet_part(&sheets[i]) else {
            continue; // a chartsheet or dialogsheet: nothing to mark
        };
        let Some(part) = pkg.find(&part).map(str::to_string) else {
            return Err(perr(&part, "bagian tidak ada (part missing)"));
        };
        let data = pkg.read(&part)?;
        let mut plan = plan_sheet(&data, &part, &cells, &mut styles)?;
        drop(data);
        if !notes.is_empty() {
            let rels_part = rels_path(&part);
            let rels_stored = pkg.find(&rels_part).map(str::to_string);
            let rels_data = match &rels_stored {
                Some(p) => Some(pkg.read(p)?),
                None => None,
            };
            let mut rels = match &rels_data {
                Some(d) => parse_rels(d, &rels_part)?,
                None => Vec::new(),
            };
            let sheet_dir = dir_of(&part).to_string();
            let mut new_rels: Vec<String> = Vec::new();
            // Comments.
            let comments_rel = rels
                .iter()
                .find(|r| r.typ.ends_with("/comments") && !r.external);
            let comments_part = match comments_rel.map(|r| resolve(&sheet_dir, &r.target)) {
                Some(p) => Some(pkg.find(&p).map(str::to_string).ok_or_else(|| {
                    perr(
                        &rels_part,
                        format!("catatan {p} tidak ada (notes part missing)"),
                    )
                })?),
                None => None,
            };
            let old_comments = match &comments_part {
                Some(p) => Some(pkg.read(p)?),
                None => None,
            };
            let cpart = comments_part
                .clone()
                .unwrap_or_else(|| pkg.fresh(&format!("{wb_dir}/comments"), ".xml", &mut taken));
            let (cdata, refs) = merge_comments(old_comments.as_deref(), &notes, &cpart)?;
            if comments_part.is_some() {
                replaced.insert(cpart.clone(), cdata);
            } else {
                let id = fresh_rid(&rels);
                new_rels.push(rel_xml(&id, T_COMMENTS, &relative(&part, &cpart)));
                rels.push(Rel {
                    id,
                    typ: T_COMMENTS.into(),
                    target: String::new(),
                    external: false,
                });
                overrides.push((cpart.clone(), CT_COMMENTS));
                added.push((cpart, cdata));
            }
            // The VML drawing.
            let vml_part = match &plan.legacy_rid {
                Some(rid) => {
                    let p = rels
                        .iter()
                        .find(|r| &r.id == rid && !r.external)
                        .map(|r| resolve(&sheet_dir, &r.target))
                        .and_then(|p| pkg.find(&p).map(str::to_string));
                    Some(p.ok_or_else(|| {
                        perr(
                            &part,
                            format!("legacyDrawing {rid} tidak ada (drawing missing)"),
                        )
                    })?)
                }
                None => None,
            };
            let new_cells: Vec<(u32, u32)> = refs
                .iter()
                .filter(|r| r.0 & 0x8000_0000 == 0)
                .copied()
                .collect();
            match vml_part {
                Some(vp) => {
                    let old = pkg.read(&vp)?;
                    let (max, _) = vml_ids(&old);
                    let mut shapes = String::new();
                    if !old.windows(11).any(|w| w == b"_x0000_t202") {
                        shapes.push_str(VML_SHAPETYPE);
                    }
                    for (k, (r, c)) in new_cells.iter().enumerate() {
                        shapes.push_str(&vml_shape(max.saturating_add(1 + k as u32), *r, *c));
                    }
                    let at = old
                        .windows(6)
                        .rposition(|w| w.eq_ignore_ascii_case(b"</xml>"))
                        .unwrap_or(old.len());
                    let mut e = Edits::default();
                    e.insert(at, shapes);
                    replaced.insert(vp, e.apply(&old));
                }
                None => {
                    // All the sheet's notes get a shape: the planner's had none either.
                    let block = (vml_blocks.iter().max().copied().unwrap_or(0) + 1).min(1 << 20);
                    vml_blocks.push(block);
                    let mut x = String::from(VML_HEAD);
                    x.push_str(&format!(
                        "<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"{block}\"/></o:shapelayout>\n"
                    ));
                    x.push_str(VML_SHAPETYPE);
                    for (k, (r, c)) in refs.iter().enumerate() {
                        x.push_str(&vml_shape(block * 1024 + 1 + k as u32, r & 0x7FFF_FFFF, *c));
                    }
                    x.push_str("</xml>\n");
                    let vp =
                        pkg.fresh(&format!("{wb_dir}/drawings/vmlDrawing"), ".vml", &mut taken);
                    let id = fresh_rid(&rels);
                    new_rels.push(rel_xml(&id, T_VML, &relative(&part, &vp)));
                    rels.push(Rel {
                        id: id.clone(),
                        typ: T_VML.into(),
                        target: String::new(),
                        external: false,
                    });
                    any_vml = true;
                    added.push((vp, x.into_bytes()));
                    plan.add_legacy(&id);
                }
            }
            let rels_new = add_rels(rels_data.as_deref(), &new_rels, &rels_part)?;
            match rels_stored {
                Some(p) => {
                    replaced.insert(p, rels_new);
                }
                None => added.push((rels_part, rels_new)),
            }
        }
        jobs.insert(part, plan);
    }

    // The findings sheet.
    let name = temuan.unique_name(sheets.iter().map(|s| s.name.as_str()));
    let mut fills = HashMap::new();
    for f in temuan
        .counts
        .iter()
        .map(|c| c.fill)
        .chain(temuan.rows.iter().map(|r| r.fill))
    {
        let i = styles.clone_of(0, f);
        fills.insert(f, i);
    }
    let st = TemuanStyles {
        header: styles.xf(NewXf::Header),
        bold: styles.xf(NewXf::Bold),
        link: styles.xf(NewXf::Link),
        fills,
    };
    let tpart = pkg.fresh(&format!("{wb_dir}/worksheets/sheet"), ".xml", &mut taken);
    let trid = fresh_rid(&wb_rels_all);
    new_wb_rels.push(rel_xml(&trid, T_WORKSHEET, &relative(&wb_part, &tpart)));
    added.push((tpart.clone(), temuan_xml(temuan, &st).into_bytes()));
    overrides.push((tpart, CT_WORKSHEET));

    replaced.insert(
        wb_part.clone(),
        patch_workbook(&wb_xml, &wb_part, &name, &trid)?,
    );
    drop(wb_xml);
    replaced.insert(
        wb_rels_part.clone(),
        add_rels(Some(&wb_rels_data), &new_wb_rels, &wb_rels_part)?,
    );
    let styles_part = styles.part.clone();
    let styles_new = pkg.find(&styles_part).is_none();
    let styles_bytes = styles.finish();
    let _ = &styles.index;
    if styles_new {
        added.push((styles_part, styles_bytes));
    } else {
        replaced.insert(styles_part, styles_bytes);
    }
    let ct_part = pkg
        .find("[Content_Types].xml")
        .map(str::to_string)
        .ok_or_else(|| perr("[Content_Types].xml", "bagian tidak ada (part missing)"))?;
    let ct = pkg.read(&ct_part)?;
    replaced.insert(ct_part, patch_content_types(&ct, &overrides, any_vml)?);
    if let Some(app) = pkg.find("docProps/app.xml").map(str::to_string) {
        let data = pkg.read(&app)?;
        if let Some(new) = patch_app(&data, &name) {
            replaced.insert(app, new);
        }
    }

    // Write: stored parts copied raw, patched ones recompressed, new ones last. Deflate level
    // 3, not the default 6: on 40 office copies 9% less CPU for 10% larger files (level 1: 13%
    // less CPU, 50% larger).
    let opts = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(3));
    let mut zw = ZipWriter::new(Cursor::new(Vec::with_capacity(input.len() + 64 * 1024)));
    let zerr = |p: &str, e: &dyn std::fmt::Display| {
        perr(p, format!("tidak dapat ditulis (cannot write): {e}"))
    };
    for i in 0..pkg.names.len() {
        let name = pkg.names[i].clone();
        if let Some(b) = replaced.get(&name) {
            zw.start_file(name.as_str(), opts)
                .map_err(|e| zerr(&name, &e))?;
            zw.write_all(b).map_err(|e| zerr(&name, &e))?;
        } else if let Some(plan) = jobs.get_mut(&name) {
            let data = pkg.read(&name)?;
            zw.start_file(name.as_str(), opts)
                .map_err(|e| zerr(&name, &e))?;
            plan.write(&data, &mut zw)?;
        } else {
            let f = pkg
                .zip
                .by_index_raw(i)
                .map_err(|e| perr(&name, format!("tidak dapat dibaca (cannot read): {e}")))?;
            zw.raw_copy_file(f).map_err(|e| zerr(&name, &e))?;
        }
    }
    for (name, b) in &added {
        zw.start_file(name.as_str(), opts)
            .map_err(|e| zerr(name, &e))?;
        zw.write_all(b).map_err(|e| zerr(name, &e))?;
    }
    let out = zw.finish().map_err(|e| zerr("(zip)", &e))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows without marks are skipped by searching for the next row tag; a row without a
    /// number or out of order stops the search (the scan reads row by row instead).
    #[test]
    fn the_search_for_the_next_marked_row() {
        let xml = br#"<x:row r="2"><x:c r="A2"/></x:row><x:rowX r="3"/><x:row r="5" s="1"><x:c r="A5"/></x:row><x:row r="9"/></x:sheetData>"#;
        let end = xml.len() - b"</x:sheetData>".len();
        let at = |needle: &[u8]| memchr::memmem::find(xml, needle).unwrap();
        // Row 5 is the first numbered 4 or more; row 2 was the last passed.
        assert_eq!(
            next_marked_row(xml, 0, b"<x:row", end, Some(4), 1),
            Some((at(b"<x:row r=\"5\""), 2))
        );
        assert_eq!(
            next_marked_row(xml, 0, b"<x:row", end, Some(9), 1),
            Some((at(b"<x:row r=\"9\""), 5))
        );
        // No row numbered 10 or more, or no mark left: the end of the cell data.
        assert_eq!(
            next_marked_row(xml, 0, b"<x:row", end, Some(10), 1),
            Some((end, 9))
        );
        assert_eq!(
            next_marked_row(xml, 0, b"<x:row", end, None, 1),
            Some((end, 9))
        );
        // Out of order (row 5 after row 7), or a row without its number: no jump.
        assert_eq!(next_marked_row(xml, 0, b"<x:row", end, Some(9), 7), None);
        let unnumbered = br#"<row><c/></row><row r="4"/></sheetData>"#;
        assert_eq!(
            next_marked_row(unnumbered, 0, b"<row", unnumbered.len() - 12, Some(4), 1),
            None
        );
    }

    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        for (n, d) in parts {
            w.start_file(*n, SimpleFileOptions::default()).unwrap();
            w.write_all(d.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn unzip(b: &[u8]) -> BTreeMap<String, String> {
        let mut z = ZipArchive::new(Cursor::new(b)).unwrap();
        (0..z.len())
            .map(|i| {
                let mut f = z.by_index(i).unwrap();
                let mut s = String::new();
                f.read_to_string(&mut s).unwrap();
                (f.name().unwrap().to_string(), s)
            })
            .collect()
    }

    fn well_formed(name: &str, s: &str) {
        if name.ends_with(".vml") {
            return;
        }
        scan(s.as_bytes(), name, |_, _, _| Ok(())).unwrap();
    }

    fn temuan() -> TemuanSheet {
        TemuanSheet {
            name: "Temuan".into(),
            notice: None,
            counts_title: "Jumlah".into(),
            counts: vec![],
            total_label: "Jumlah".into(),
            total: 1,
            headers: std::array::from_fn(|i| format!("H{i}")),
            rows: vec![TemuanRow {
                label: "galat".into(),
                fill: 0xF4A582,
                rule: "A001".into(),
                sheet: "Lembar 'satu'".into(),
                cell: "B2".into(),
                message: "pesan <&>".into(),
                expected: String::new(),
                found: String::new(),
                related: String::new(),
            }],
        }
    }

    fn mark(sheet: &str, row: u32, col: u32) -> Mark {
        Mark {
            sheet: sheet.into(),
            row,
            col,
            fill: 0xFEE090,
            note: format!("catatan {row},{col} & <b>"),
        }
    }

    const CT: &str = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;

    /// A package written with the `x:` prefix, cells and rows without `r`, a Temuan sheet
    /// already there, no styles part, no app.xml, a comments part without a drawing.
    #[test]
    fn prefixed_minimal_package_with_bare_cells() {
        let wb = r#"<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Lembar 'satu'" sheetId="3" rel:id="R1"/><x:sheet name="temuan" sheetId="4" rel:id="R2"/></x:sheets><x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="1">temuan!$A$1</x:definedName></x:definedNames></x:workbook>"#;
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="R1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="R2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>"#;
        let s1 = r#"<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c s="0"><x:v>1</x:v></x:c></x:row><x:row><x:c/></x:row><x:row r="5"/></x:sheetData><x:tableParts count="0"/></x:worksheet>"#;
        let s2 = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"#;
        let s1_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="c1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/></Relationships>"#;
        let comments = r#"<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Perencana</author></authors><commentList><comment ref="A1" authorId="0"><text><t>catatan lama</t></text></comment></commentList></comments>"#;
        let input = zip_of(&[
            ("[Content_Types].xml", CT),
            ("xl/workbook.xml", wb),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/worksheets/sheet1.xml", s1),
            ("xl/worksheets/sheet2.xml", s2),
            ("xl/worksheets/_rels/sheet1.xml.rels", s1_rels),
            ("xl/comments1.xml", comments),
        ]);
        let marks = [
            mark("Lembar 'satu'", 0, 0), // bare cell with a note
            mark("Lembar 'satu'", 0, 1), // bare cell
            mark("Lembar 'satu'", 0, 3), // after the row's last cell
            mark("Lembar 'satu'", 2, 0), // a row missing between rows
            mark("Lembar 'satu'", 4, 2), // a self-closed row
            mark("Lembar 'satu'", 9, 0), // after the last row
            mark("temuan", 1, 1),        // a sheet whose sheetData is empty
            mark("Tidak ada", 0, 0),     // no such sheet: dropped
        ];
        let out = unzip(&patch_xlsx(&input, &marks, &temuan()).unwrap());
        for (n, s) in &out {
            well_formed(n, s);
        }
        let s1 = &out["xl/worksheets/sheet1.xml"];
        let order = [
            "<x:c s=\"",
            "<x:c s=\"",
            "<x:c r=\"D1\"",
            "<x:row r=\"3\"><x:c r=\"A3\"",
            "<x:row r=\"5\"><x:c r=\"C5\"",
            "<x:row r=\"10\"><x:c r=\"A10\"",
            "<x:legacyDrawing xmlns:r=",
            "<x:tableParts",
        ];
        let mut at = 0;
        for o in order {
            let p = s1[at..]
                .find(o)
                .unwrap_or_else(|| panic!("{o} after {at} in {s1}"));
            at += p + o.len();
        }
        let s2 = &out["xl/worksheets/sheet2.xml"];
        assert!(s2.contains("<sheetData><row r=\"2\"><c r=\"B2\""), "{s2}");
        let wb = &out["xl/workbook.xml"];
        assert!(
            wb.contains("<x:sheets><x:sheet name=\"Temuan selaras\" sheetId=\"5\" rel:id=\""),
            "{wb}"
        );
        assert!(wb.contains("localSheetId=\"2\""), "{wb}");
        let c = &out["xl/comments1.xml"];
        assert!(
            c.contains("<t>catatan lama\n\ncatatan 0,0 &amp; &lt;b&gt;</t>"),
            "{c}"
        );
        assert!(c.contains("<author>selaras</author>"), "{c}");
        // The planner's note had no drawing: the new one draws it as well as the new notes.
        let vml = out.iter().find(|(n, _)| n.ends_with(".vml")).unwrap().1;
        assert_eq!(vml.matches("<v:shape ").count(), 6, "{vml}");
        assert!(out.contains_key("xl/styles.xml"));
        let ct = &out["[Content_Types].xml"];
        assert!(
            ct.contains("/xl/styles.xml") && ct.contains("Extension=\"vml\""),
            "{ct}"
        );
        let t = out
            .iter()
            .find(|(n, s)| n.starts_with("xl/worksheets/sheet") && s.contains("hyperlink"))
            .unwrap()
            .1;
        assert!(t.contains("location=\"'Lembar ''satu'''!B2\""), "{t}");
        assert!(t.contains("pesan &lt;&amp;&gt;"), "{t}");
    }

    #[test]
    fn a_template_becomes_a_workbook() {
        let ct = CT.replace("sheet.main+xml", "template.main+xml");
        let wb = r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
        let s1 = r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>"#;
        let input = zip_of(&[
            ("[Content_Types].xml", &ct),
            ("xl/workbook.xml", wb),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/worksheets/sheet1.xml", s1),
        ]);
        let out = unzip(&patch_xlsx(&input, &[mark("A", 0, 0)], &temuan()).unwrap());
        let ct = &out["[Content_Types].xml"];
        assert!(
            ct.contains("spreadsheetml.sheet.main+xml") && !ct.contains("template"),
            "{ct}"
        );
    }

    #[test]
    fn styles_clone_keeps_everything_but_the_fill() {
        let st = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="1" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="right"/></xf></cellXfs></styleSheet>"#;
        let mut s = Styles::parse(st.as_bytes().to_vec(), "xl/styles.xml").unwrap();
        assert_eq!(s.clone_of(1, 0xF4A582), 2);
        assert_eq!(s.clone_of(1, 0xF4A582), 2);
        assert_eq!(s.clone_of(7, 0xABD9E9), 3); // out of range: a clone of xf 0
        let out = String::from_utf8(s.finish()).unwrap();
        assert!(out.contains(r#"<cellXfs count="4">"#), "{out}");
        assert!(out.contains(r#"<xf applyFill="1" numFmtId="4" fontId="0" fillId="3" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="right"/></xf>"#), "{out}");
        assert!(
            out.contains(r#"<fills count="5">"#)
                && out.contains("FFF4A582")
                && out.contains("FFABD9E9"),
            "{out}"
        );
        assert!(
            out.contains(r#"<fonts count="3">"#) && out.contains(r#"<borders count="2">"#),
            "{out}"
        );
    }

    #[test]
    fn relative_targets() {
        assert_eq!(
            relative("xl/worksheets/sheet1.xml", "xl/comments1.xml"),
            "../comments1.xml"
        );
        assert_eq!(
            relative("xl/worksheets/sheet1.xml", "xl/drawings/vmlDrawing1.vml"),
            "../drawings/vmlDrawing1.vml"
        );
        assert_eq!(
            relative("xl/workbook.xml", "xl/worksheets/sheet9.xml"),
            "worksheets/sheet9.xml"
        );
        assert_eq!(
            resolve("xl/worksheets", "../comments1.xml"),
            "xl/comments1.xml"
        );
        assert_eq!(
            resolve("xl", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(
            rels_path("xl/worksheets/sheet1.xml"),
            "xl/worksheets/_rels/sheet1.xml.rels"
        );
    }

    #[test]
    fn garbage_never_panics() {
        let t = temuan();
        let marks = [mark("S", 0, 0), mark("S", 4_000_000_000, 0)];
        for input in [
            zip_of(&[("xl/workbook.xml", "<workbook><sheets>")]),
            zip_of(&[
                ("[Content_Types].xml", CT),
                (
                    "xl/workbook.xml",
                    r#"<workbook xmlns:r="x"><sheets><sheet name="S" sheetId="4294967295" r:id="a"/></sheets><bookViews><workbookView activeTab="4294967295"/></bookViews></workbook>"#,
                ),
                (
                    "xl/_rels/workbook.xml.rels",
                    r#"<Relationships><Relationship Id="a" Type="/worksheet" Target="../../../s.xml"/></Relationships>"#,
                ),
                (
                    "s.xml",
                    r#"<worksheet><sheetData><row r="4294967295"><c r="XFD4294967295"/></row></sheetData></worksheet>"#,
                ),
            ]),
            b"PK\x03\x04garbage".to_vec(),
        ] {
            let _ = patch_xlsx(&input, &marks, &t);
        }
    }
}
