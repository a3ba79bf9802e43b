//! The merged ranges of each worksheet of an .xlsx, which calamine's cell reader does not give
//! (its `merge_cells_by_sheet_name` parses every sheet's whole XML once more). Here the part is
//! inflated once and only what follows the cell data is scanned for `<mergeCell …>` tags: the
//! schema puts `mergeCells` after `sheetData`, so the cells themselves, most of the part, are
//! skipped with one search from the end. (Each cell's style id comes with its value from
//! calamine's reader.)
//!
//! Anything unexpected (no workbook part, a sheet without a path, a damaged part) gives `None`,
//! and the caller falls back to calamine's own pass.

use super::cell::Pos;
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Merged ranges as (top-left, bottom-right), inclusive.
pub type Merges = Vec<(Pos, Pos)>;

type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

fn read_part(zip: &mut Zip<'_>, name: &str) -> Option<Vec<u8>> {
    let mut f = zip.by_name(name).ok()?;
    let mut out = Vec::with_capacity(f.size().min(64 << 20) as usize);
    f.read_to_end(&mut out).ok()?;
    Some(out)
}

/// A relationship target resolved against the folder `base` of the part that names it (also
/// used by the annotated copy's patcher).
pub(crate) fn resolve(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|s| !s.is_empty()).collect()
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// An attribute value with XML's escapes resolved (`&amp;`, `&#39;`, …).
fn unescape(v: &[u8]) -> Option<String> {
    let v = std::str::from_utf8(v).ok()?;
    if !v.contains('&') {
        return Some(v.to_string());
    }
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let j = rest[i..].find(';')? + i;
        let ent = &rest[i + 1..j];
        let c = match ent {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let n = match ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                    Some(h) => u32::from_str_radix(h, 16).ok()?,
                    None => ent.strip_prefix('#')?.parse().ok()?,
                };
                char::from_u32(n)?
            }
        };
        out.push(c);
        rest = &rest[j + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// (Id → (Target, Type)) of a relationships part.
fn rels(xml: &[u8]) -> Option<HashMap<String, (String, String)>> {
    let mut out = HashMap::new();
    for t in Tags::new(xml) {
        let t = t?;
        if !t.closing && t.local == b"Relationship" {
            let (Some(id), Some(target)) = (attr(t.tag, b"Id"), attr(t.tag, b"Target")) else {
                continue;
            };
            let typ = attr(t.tag, b"Type").and_then(unescape).unwrap_or_default();
            out.insert(unescape(id)?, (unescape(target)?, typ));
        }
    }
    Some(out)
}

/// Sheet name → worksheet part path, read from the package's workbook part and its
/// relationships.
fn sheet_parts(zip: &mut Zip<'_>) -> Option<HashMap<String, String>> {
    let root = rels(&read_part(zip, "_rels/.rels")?)?;
    let wb_path = root
        .values()
        .find(|(_, typ)| typ.ends_with("/officeDocument"))
        .map(|(t, _)| resolve("", t))?;
    let (dir, file) = wb_path.rsplit_once('/').unwrap_or(("", &wb_path));
    let wb_rels = rels(&read_part(
        zip,
        &resolve(dir, &format!("_rels/{file}.rels")),
    )?)?;
    let wb = read_part(zip, &wb_path)?;
    let mut out = HashMap::new();
    for t in Tags::new(&wb) {
        let t = t?;
        if !t.closing && t.local == b"sheet" {
            let (Some(name), Some(rid)) = (attr(t.tag, b"name"), attr(t.tag, b"id")) else {
                continue;
            };
            if let Some((target, _)) = wb_rels.get(&unescape(rid)?) {
                out.insert(unescape(name)?, resolve(dir, target));
            }
        }
    }
    Some(out)
}

/// The index of the `>` that closes a tag in `raw` (outside quoted attribute values), if any.
/// Shared with the annotated copy's patcher.
pub(crate) fn tag_close(raw: &[u8]) -> Option<usize> {
    let mut quote = 0u8;
    for (i, &b) in raw.iter().enumerate() {
        if quote != 0 {
            if b == quote {
                quote = 0;
            }
        } else if b == b'"' || b == b'\'' {
            quote = b;
        } else if b == b'>' {
            return Some(i);
        }
    }
    None
}

/// One tag of an XML text: whether it closes (`</row>`), its local name (no prefix) and its
/// bytes from `<` to before `>`.
struct Tag<'x> {
    closing: bool,
    local: &'x [u8],
    tag: &'x [u8],
}

/// The tags of an XML text in order, comments, CDATA and processing instructions skipped;
/// an item is None (and the walk ends) where a tag does not close.
struct Tags<'x> {
    xml: &'x [u8],
    i: usize,
}

impl<'x> Tags<'x> {
    fn new(xml: &'x [u8]) -> Self {
        Tags { xml, i: 0 }
    }
}

impl<'x> Iterator for Tags<'x> {
    type Item = Option<Tag<'x>>;

    fn next(&mut self) -> Option<Self::Item> {
        let xml = self.xml;
        loop {
            let at = self.i + memchr::memchr(b'<', xml.get(self.i..)?)?;
            let rest = &xml[at + 1..];
            let skip_to = |open: usize, close: &[u8]| {
                memchr::memmem::find(&rest[open..], close).map(|k| at + 1 + open + k + close.len())
            };
            let skipped = if rest.starts_with(b"!--") {
                Some(skip_to(3, b"-->"))
            } else if rest.starts_with(b"![CDATA[") {
                Some(skip_to(8, b"]]>"))
            } else if rest.starts_with(b"?") || rest.starts_with(b"!") {
                Some(skip_to(1, b">"))
            } else {
                None
            };
            if let Some(to) = skipped {
                match to {
                    Some(to) => {
                        self.i = to;
                        continue;
                    }
                    None => {
                        self.i = xml.len();
                        return Some(None);
                    }
                }
            }
            let closing = rest.first() == Some(&b'/');
            let name_start = at + 1 + usize::from(closing);
            let mut k = name_start;
            while k < xml.len() && !xml[k].is_ascii_whitespace() && xml[k] != b'>' && xml[k] != b'/'
            {
                k += 1;
            }
            let name = &xml[name_start..k];
            let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
            let Some(e) = tag_close(&xml[k..]).map(|e| k + e) else {
                self.i = xml.len();
                return Some(None);
            };
            self.i = e + 1;
            return Some(Some(Tag {
                closing,
                local,
                tag: &xml[at..e],
            }));
        }
    }
}

/// The value of attribute `name` (local name) in start tag `tag`.
fn attr<'t>(tag: &'t [u8], name: &[u8]) -> Option<&'t [u8]> {
    let mut i = 0;
    let n = tag.len();
    // Skip `<name`.
    while i < n && !tag[i].is_ascii_whitespace() && tag[i] != b'>' && tag[i] != b'/' {
        i += 1;
    }
    loop {
        while i < n && tag[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= n || tag[i] == b'>' || tag[i] == b'/' {
            return None;
        }
        let ks = i;
        while i < n && tag[i] != b'=' && !tag[i].is_ascii_whitespace() {
            i += 1;
        }
        let key = &tag[ks..i];
        while i < n && (tag[i].is_ascii_whitespace() || tag[i] == b'=') {
            i += 1;
        }
        if i >= n || (tag[i] != b'"' && tag[i] != b'\'') {
            return None;
        }
        let q = tag[i];
        let vs = i + 1;
        let ve = vs + memchr::memchr(q, &tag[vs..])?;
        let local = key.rsplit(|&b| b == b':').next().unwrap_or(key);
        if local == name {
            return Some(&tag[vs..ve]);
        }
        i = ve + 1;
    }
}

/// The merged ranges of one worksheet part. The scan starts at the last `sheetData` tag (where
/// the cell data ends); should a `mergeCell` stand before it all the same (text in a header or
/// footer that names `sheetData`, a writer that breaks the schema's order), the whole part is
/// scanned.
pub fn scan_merges(xml: &[u8]) -> Option<Merges> {
    let from = memchr::memmem::rfind(xml, b"sheetData")
        .and_then(|i| memchr::memrchr(b'<', &xml[..i]))
        .unwrap_or(0);
    let merges = merges_in(&xml[from..])?;
    if merges.is_empty() && from > 0 && memchr::memmem::find(&xml[..from], b"mergeCell").is_some() {
        return merges_in(xml);
    }
    Some(merges)
}

fn merges_in(xml: &[u8]) -> Option<Merges> {
    let mut out = Vec::new();
    for t in Tags::new(xml) {
        let t = t?;
        if !t.closing
            && t.local == b"mergeCell"
            && let Some(v) = attr(t.tag, b"ref")
        {
            let v = std::str::from_utf8(v).ok()?;
            let (a, b) = v.split_once(':').unwrap_or((v, v));
            if let (Some(a), Some(b)) = (Pos::parse_a1(a), Pos::parse_a1(b)) {
                out.push((a, b));
            }
        }
    }
    Some(out)
}

/// The merged ranges of every worksheet of an .xlsx package, by sheet name.
pub fn scan_workbook(bytes: &[u8]) -> Option<HashMap<String, Merges>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let parts = sheet_parts(&mut zip)?;
    let mut out = HashMap::new();
    for (name, part) in parts {
        // A chart sheet or a missing part: nothing to scan (calamine skips those too).
        let Some(xml) = read_part(&mut zip, &part) else {
            continue;
        };
        out.insert(name, scan_merges(&xml)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_merges_after_the_cell_data() {
        let xml = br#"<?xml version="1.0"?><x:worksheet xmlns:x="ns"><!-- <mergeCell ref="Z9:Z10"/> -->
<x:sheetData><x:row r="2"><x:c r="A2" s="3" t="s"><x:v>0</x:v></x:c><x:c s="4"><x:v>1</x:v></x:c>
<x:c r="D2"/></x:row><x:row><x:c t="inlineStr" s="6"><x:is><x:t>a &lt;mergeCell ref="E5:F5"/&gt; b</x:t></x:is></x:c></x:row></x:sheetData>
<x:mergeCells count="2"><x:mergeCell ref="A1:C1"/><x:mergeCell ref='B4'/></x:mergeCells></x:worksheet>"#;
        let m = vec![
            (Pos::new(0, 0), Pos::new(0, 2)),
            (Pos::new(3, 1), Pos::new(3, 1)),
        ];
        assert_eq!(scan_merges(xml).unwrap(), m);
        // A footer that names `sheetData` after the merges: the whole part is read instead.
        let mut late = xml.to_vec();
        late.truncate(late.len() - "</x:worksheet>".len());
        late.extend_from_slice(
            b"<x:headerFooter><x:oddFooter>sheetData</x:oddFooter></x:headerFooter></x:worksheet>",
        );
        assert_eq!(scan_merges(&late).unwrap(), m);
        // No cell data at all, and no merges.
        assert_eq!(
            scan_merges(b"<worksheet><sheetData/></worksheet>").unwrap(),
            []
        );
    }

    #[test]
    fn an_unclosed_tag_is_refused_not_guessed() {
        assert!(
            scan_merges(b"<sheetData></sheetData><mergeCells><mergeCell ref=\"A1:B1\"").is_none()
        );
    }

    #[test]
    fn relationship_targets_resolve_against_their_part() {
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl", "/xl/worksheets/a.xml"), "xl/worksheets/a.xml");
        assert_eq!(
            resolve("xl/x", "../worksheets/a.xml"),
            "xl/worksheets/a.xml"
        );
    }
}
