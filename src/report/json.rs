//! The machine report: `{"files": [{"path", "findings": [{rule, severity, sheet, cell, related,
//! expected, found, message}]}]}`. These names are a contract with scripts; fields may be added
//! but not renamed.

use crate::checks::{Finding, RULES};
use serde_json::{Value as Json, json};

/// One finding as JSON in the chosen language.
pub fn finding_json(f: &Finding, en: bool) -> Json {
    let rule = RULES.iter().find(|r| r.code == f.rule);
    json!({
        "rule": f.rule,
        "name": rule.map(|r| r.name),
        "severity": f.severity.key(),
        "sheet": f.sheet,
        "cell": f.cell.a1(),
        "related": f.related,
        "expected": f.expected_text(en),
        "found": f.found_text(en),
        "message": f.message(en),
    })
}

/// One file's entry: path, findings, and (added fields) status, office, tables read.
pub fn file_json(r: &super::FileReport, en: bool) -> Json {
    json!({
        "path": r.path,
        "status": if r.error.is_some() { "unreadable" } else { "checked" },
        "error": r.error,
        "office": r.office,
        "tables": r.tables,
        "annotated": r.annotated.as_ref().map(|p| p.display().to_string()),
        "findings": r.findings.iter().map(|f| finding_json(f, en)).collect::<Vec<_>>(),
    })
}

/// Writes the machine report `{"files": [...]}` to `w` as serde_json's pretty printer lays it
/// out, one file at a time: `produce` gets a sink and hands it each file's entry as soon as it
/// is ready, and the entry is written before `produce` goes on, so a batch streams and never
/// holds every entry. Returns what `produce` returns. A write error stops the writing (later
/// entries are dropped, `produce` still runs to its end) and is returned.
pub fn write_files<W: std::io::Write, R>(
    w: W,
    produce: impl FnOnce(&mut dyn FnMut(&Json)) -> R,
) -> serde_json::Result<R> {
    use serde::ser::{SerializeMap, Serializer as _};
    let streamed = Streamed {
        produce: std::cell::RefCell::new(Some(produce)),
        result: std::cell::RefCell::new(None),
    };
    let mut ser = serde_json::Serializer::pretty(w);
    let mut map = (&mut ser).serialize_map(Some(1))?;
    map.serialize_entry("files", &streamed)?;
    map.end()?;
    ser.into_inner()
        .write_all(b"\n")
        .map_err(serde_json::Error::io)?;
    let result = streamed.result.into_inner();
    Ok(result.expect("the files array is serialized exactly once"))
}

/// The `files` array of [`write_files`]: serializing it runs the producer and writes each
/// element it hands over.
struct Streamed<P, R> {
    produce: std::cell::RefCell<Option<P>>,
    result: std::cell::RefCell<Option<R>>,
}

impl<P, R> serde::Serialize for Streamed<P, R>
where
    P: FnOnce(&mut dyn FnMut(&Json)) -> R,
{
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error as _, SerializeSeq};
        let produce = self
            .produce
            .borrow_mut()
            .take()
            .ok_or_else(|| S::Error::custom("the files array is serialized once"))?;
        let mut seq = s.serialize_seq(None)?;
        let mut failed = None;
        let result = produce(&mut |item: &Json| {
            if failed.is_none()
                && let Err(e) = seq.serialize_element(item)
            {
                failed = Some(e);
            }
        });
        *self.result.borrow_mut() = Some(result);
        match failed {
            Some(e) => Err(e),
            None => seq.end(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streamed_files_read_as_the_whole_report_pretty_printed() {
        let items = [
            json!({"path": "a.xlsx", "findings": [], "office": null}),
            json!({"path": "b.xlsx", "findings": [{"rule": "B001", "related": []}], "tables": ["T-C.33"]}),
        ];
        let mut out = Vec::new();
        let n = write_files(&mut out, |sink| {
            for i in &items {
                sink(i);
            }
            items.len()
        })
        .unwrap();
        assert_eq!(n, 2);
        let whole = serde_json::to_string_pretty(&json!({ "files": items })).unwrap() + "\n";
        assert_eq!(String::from_utf8(out).unwrap(), whole);
    }
}
