//! Reading a workbook file into sheets of typed cells (calamine).
//!
//! xlsx is streamed cell by cell (values with cached formula results, and each cell's style id
//! for its number format; formula texts only for a sheet holding an error cell), so a sheet
//! whose declared range is huge but mostly empty costs only its real cells. xls and ods go
//! through calamine's generic reader. Before any parsing an xlsx's zip directory is checked
//! against a size limit, so a zip bomb is refused with a message instead of filling memory.

use super::cell::{Cell, Pos, Value};
use calamine::{Data, DataRef, Reader, Xlsx};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Largest total uncompressed size of an xlsx's parts that selaras will read.
pub const MAX_UNCOMPRESSED_BYTES: u64 = 1 << 30;
/// Largest number of non-empty cells in one workbook.
pub const MAX_CELLS: usize = 20_000_000;

/// One sheet: its name, its non-empty cells row by row, and its merged ranges.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    /// Rows in order; each row's cells sorted by column. Only non-empty cells are stored.
    pub rows: Vec<(u32, Vec<(u32, Cell)>)>,
    /// Merged ranges as (top-left, bottom-right), inclusive.
    pub merges: Vec<(Pos, Pos)>,
    /// Number format codes other than `General` (`#,##0`, `0.00%`), sorted by position; one
    /// shared text per style.
    pub formats: Vec<(Pos, Arc<String>)>,
    /// Formula texts without the leading `=`, sorted by position.
    pub formulas: Vec<(Pos, Box<str>)>,
}

impl Sheet {
    /// The cell at a position, if it is stored (non-empty).
    pub fn get(&self, pos: Pos) -> Option<&Cell> {
        let i = self.rows.binary_search_by_key(&pos.row, |(r, _)| *r).ok()?;
        let row = &self.rows[i].1;
        let j = row.binary_search_by_key(&pos.col, |(c, _)| *c).ok()?;
        Some(&row[j].1)
    }

    pub fn value(&self, pos: Pos) -> &Value {
        static EMPTY: Value = Value::Empty;
        self.get(pos).map(|c| &c.value).unwrap_or(&EMPTY)
    }

    /// Index into `rows` of the first stored row at or after `row`.
    pub fn row_index_from(&self, row: u32) -> usize {
        self.rows.partition_point(|(r, _)| *r < row)
    }

    pub fn row_cells(&self, row: u32) -> &[(u32, Cell)] {
        match self.rows.binary_search_by_key(&row, |(r, _)| *r) {
            Ok(i) => &self.rows[i].1,
            Err(_) => &[],
        }
    }

    /// The number format code of the cell at `pos`, when it has one other than `General`.
    pub fn format(&self, pos: Pos) -> Option<&str> {
        self.formats
            .binary_search_by_key(&pos, |(p, _)| *p)
            .ok()
            .map(|i| self.formats[i].1.as_str())
    }

    /// The formula of the cell at `pos` (without `=`), when it holds one.
    pub fn formula(&self, pos: Pos) -> Option<&str> {
        self.formulas
            .binary_search_by_key(&pos, |(p, _)| *p)
            .ok()
            .map(|i| &*self.formulas[i].1)
    }

    /// Sets the sheet's formulas, in any order.
    pub fn with_formulas(mut self, mut formulas: Vec<(Pos, Box<str>)>) -> Sheet {
        formulas.sort_by_key(|(p, _)| *p);
        self.formulas = formulas;
        self
    }

    /// Sets the sheet's number formats, in any order.
    pub fn with_formats(mut self, mut formats: Vec<(Pos, Arc<String>)>) -> Sheet {
        formats.sort_by_key(|(p, _)| *p);
        self.formats = formats;
        self
    }

    pub fn cell_count(&self) -> usize {
        self.rows.iter().map(|(_, r)| r.len()).sum()
    }

    /// The merged range that covers `pos`, if any.
    pub fn merge_at(&self, pos: Pos) -> Option<(Pos, Pos)> {
        self.merges.iter().copied().find(|(a, b)| {
            pos.row >= a.row && pos.row <= b.row && pos.col >= a.col && pos.col <= b.col
        })
    }

    /// Builds a sheet from (row, col, cell) triples in any order; empty cells are dropped.
    pub fn from_cells(
        name: &str,
        mut cells: Vec<(u32, u32, Cell)>,
        merges: Vec<(Pos, Pos)>,
    ) -> Sheet {
        cells.retain(|(_, _, c)| c.value != Value::Empty);
        Sheet::from_sorted(name, cells, merges)
    }

    /// [`Sheet::from_cells`] for cells the reader has already filtered (sorts only).
    fn from_sorted(name: &str, mut cells: Vec<(u32, u32, Cell)>, merges: Vec<(Pos, Pos)>) -> Sheet {
        cells.sort_by_key(|(r, c, _)| (*r, *c));
        let mut rows: Vec<(u32, Vec<(u32, Cell)>)> = Vec::new();
        for (r, c, cell) in cells {
            match rows.last_mut() {
                Some((lr, row)) if *lr == r => row.push((c, cell)),
                _ => {
                    if let Some((_, row)) = rows.last_mut() {
                        row.shrink_to_fit();
                    }
                    rows.push((r, vec![(c, cell)]));
                }
            }
        }
        if let Some((_, row)) = rows.last_mut() {
            row.shrink_to_fit();
        }
        rows.shrink_to_fit();
        Sheet {
            name: name.to_string(),
            rows,
            merges,
            formats: Vec::new(),
            formulas: Vec::new(),
        }
    }
}

/// A whole workbook as read.
#[derive(Debug, Clone)]
pub struct Workbook {
    pub path: PathBuf,
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    /// The sheet of that name (a located table's `sheet`).
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets.iter().find(|s| s.name == name)
    }
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub path: PathBuf,
    pub cause: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.cause)
    }
}

impl std::error::Error for ReadError {}

fn err(path: &Path, cause: impl Into<String>) -> ReadError {
    ReadError {
        path: path.to_path_buf(),
        cause: cause.into(),
    }
}

/// What went wrong reading a file, told by calamine's error variants (not by their text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cause {
    /// Password protected / encrypted.
    Locked,
    /// Not a workbook of a known kind, or a damaged one.
    Damaged,
    /// Anything else.
    Other,
}

fn xlsx_cause(e: &calamine::XlsxError) -> Cause {
    use calamine::XlsxError as X;
    match e {
        X::Password => Cause::Locked,
        X::Io(_)
        | X::Zip(_)
        | X::Xml(_)
        | X::XmlAttr(_)
        | X::XmlEof(_)
        | X::UnexpectedNode(_)
        | X::FileNotFound(_)
        | X::RelationshipNotFound
        | X::Parse(_)
        | X::ParseFloat(_)
        | X::ParseInt(_) => Cause::Damaged,
        _ => Cause::Other,
    }
}

fn any_cause(e: &calamine::Error) -> Cause {
    use calamine::Error as E;
    match e {
        E::Xlsx(x) => xlsx_cause(x),
        E::Xls(calamine::XlsError::Password) | E::Ods(calamine::OdsError::Password) => {
            Cause::Locked
        }
        E::Io(_) | E::Xls(_) | E::Ods(_) | E::Xlsb(_) | E::Vba(_) => Cause::Damaged,
        E::Msg(_) => Cause::Damaged,
        _ => Cause::Other,
    }
}

/// The cause a planner understands, with calamine's own words for the record.
fn explain(cause: Cause, e: &dyn std::fmt::Display) -> String {
    match cause {
        Cause::Locked => "buku kerja dilindungi kata sandi / terenkripsi (password protected); buka kuncinya lalu simpan ulang".into(),
        Cause::Damaged => format!(
            "bukan buku kerja yang dapat dibaca atau berkas rusak (not a readable workbook or corrupt: {e})"
        ),
        Cause::Other => format!("tidak dapat dibaca (cannot be read: {e})"),
    }
}

/// Reads every sheet of an .xlsx/.xlsm/.xls/.xlsb/.ods file.
pub fn read_workbook(path: &Path) -> Result<Workbook, ReadError> {
    read_bytes(path, &read_file(path)?)
}

/// The bytes of a workbook file, with the errors a planner can act on (a folder, an empty file,
/// no permission). Read once: the checks and the annotated copy share them.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path)
        .map_err(|e| err(path, format!("tidak dapat dibuka (cannot open: {e})")))?;
    if meta.is_dir() {
        return Err(err(path, "adalah folder, bukan berkas (is a folder)"));
    }
    if meta.len() == 0 {
        return Err(err(path, "berkas kosong, 0 byte (empty file)"));
    }
    std::fs::read(path).map_err(|e| err(path, format!("tidak dapat dibaca (cannot read: {e})")))
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Reads a workbook held in memory; `path` names it in messages. The format is taken from the
/// content (zip → xlsx or ods, OLE → xls or an encrypted xlsx), not from the file name.
pub fn read_workbook_bytes(path: &Path, bytes: &[u8]) -> Result<Workbook, ReadError> {
    read_bytes(path, bytes)
}

fn read_bytes(path: &Path, bytes: &[u8]) -> Result<Workbook, ReadError> {
    if bytes.is_empty() {
        return Err(err(path, "berkas kosong, 0 byte (empty file)"));
    }
    let sheets = if bytes.starts_with(b"PK") {
        check_zip_size(path, bytes)?;
        // ods (content.xml) and xlsb (xl/workbook.bin: binary parts calamine reads natively) go
        // through calamine's generic reader; xlsx/xlsm are streamed below.
        let generic = zip::ZipArchive::new(Cursor::new(bytes))
            .map(|mut z| {
                z.by_name("xl/workbook.xml").is_err()
                    && (z.by_name("content.xml").is_ok() || z.by_name("xl/workbook.bin").is_ok())
            })
            .unwrap_or(false);
        if generic {
            read_generic(path, bytes)?
        } else {
            read_xlsx(path, bytes)?
        }
    } else if bytes.starts_with(&OLE_MAGIC) {
        // An encrypted xlsx is an OLE container holding an `EncryptedPackage` stream.
        let needle: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        if bytes.windows(needle.len()).any(|w| w == needle.as_slice()) {
            return Err(err(path, explain(Cause::Locked, &"")));
        }
        read_generic(path, bytes)?
    } else {
        return Err(err(
            path,
            "bukan buku kerja .xlsx/.xls/.ods (not a workbook: unknown content)",
        ));
    };
    let total: usize = sheets.iter().map(|s| s.cell_count()).sum();
    if total == 0 {
        return Err(err(
            path,
            "buku kerja tidak berisi sel apa pun (workbook has no cells)",
        ));
    }
    Ok(Workbook {
        path: path.to_path_buf(),
        sheets,
    })
}

fn check_zip_size(path: &Path, bytes: &[u8]) -> Result<(), ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| err(path, explain(Cause::Damaged, &format!("zip: {e}"))))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let f = zip
            .by_index_raw(i)
            .map_err(|e| err(path, explain(Cause::Damaged, &format!("zip: {e}"))))?;
        total = total.saturating_add(f.size());
    }
    if total > MAX_UNCOMPRESSED_BYTES {
        return Err(err(
            path,
            format!(
                "isi terkompresi terlalu besar: {} MiB setelah dibuka, batas {} MiB (uncompressed size over the limit; possible zip bomb)",
                total >> 20,
                MAX_UNCOMPRESSED_BYTES >> 20
            ),
        ));
    }
    Ok(())
}

/// What one style id of the workbook's palette gives its cells: a number format other than
/// `General`.
type PaletteEntry = Option<Arc<String>>;

fn read_xlsx(path: &Path, bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| err(path, explain(xlsx_cause(&e), &e)))?;
    let names = wb.sheet_names();
    let mut sheets = Vec::new();
    let mut total = 0usize;
    // Merged ranges of every sheet in one light pass per sheet (`sheetxml`, which skips the
    // cell data); calamine's own pass only where that scan could not follow the package.
    let mut merged = super::sheetxml::scan_workbook(bytes);
    let mut palette: Vec<calamine::Style> = Vec::new();
    // Each style id of the workbook's palette turned into a number format once, shared by its
    // cells.
    let mut per_id: Vec<Option<PaletteEntry>> = Vec::new();
    // A shared string's cells share one text. The key is the address of calamine's copy of the
    // string (one per entry of the workbook's string table), so no text is hashed. This rests on
    // calamine lending its own table's entries as `DataRef::SharedString`, alive for the whole
    // read (calamine 0.38: `ctx.strings.get(idx)`); tests/sheet_scan.rs holds it.
    let mut shared: HashMap<usize, Arc<str>, BuildHasherDefault<AddressHash>> = HashMap::default();
    let sheet_err = |name: &str, e: calamine::XlsxError| {
        err(
            path,
            format!("lembar `{name}`: {}", explain(xlsx_cause(&e), &e)),
        )
    };
    for name in names {
        // Cells go straight into their rows: a sheet's XML lists them in row order, so the rows
        // are built as they come (no flat copy of every cell, no sort), and only a sheet written
        // out of order is sorted afterwards. Each cell comes with its style id, for its number
        // format: the checks read a figure as it is shown (a percent-formatted 0,98 shows 98).
        let mut rows: Vec<(u32, Vec<(u32, Cell)>)> = Vec::new();
        let mut formats: Vec<(Pos, Arc<String>)> = Vec::new();
        let mut in_order = true;
        let mut has_error = false;
        {
            let mut reader = match wb.worksheet_cells_reader(&name) {
                Ok(r) => r,
                // Chart sheets and dialog sheets hold no cells.
                Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
                Err(e) => return Err(sheet_err(&name, e)),
            };
            if per_id.is_empty() {
                palette = reader.styles().to_vec();
                per_id = vec![None; palette.len()];
            }
            loop {
                let rec = reader
                    .next_cell_with_style_id()
                    .map_err(|e| sheet_err(&name, e))?;
                let Some((rec, style)) = rec else { break };
                let value = match rec.get_value() {
                    DataRef::SharedString(t) if !t.is_empty() => Value::Text(
                        shared
                            .entry(t.as_ptr() as usize)
                            .or_insert_with(|| Arc::from(*t))
                            .clone(),
                    ),
                    v => from_data_ref(v),
                };
                // A formula without a cached result shows nothing: no cell to check.
                if value == Value::Empty {
                    continue;
                }
                total += 1;
                if total > MAX_CELLS {
                    return Err(err(
                        path,
                        format!(
                            "lebih dari {MAX_CELLS} sel terisi (more filled cells than selaras reads)"
                        ),
                    ));
                }
                has_error |= matches!(value, Value::Error(_));
                let (r, c) = rec.get_position();
                // An id outside the palette is no style (calamine skips those too).
                if style > 0
                    && let Some(entry) = per_id.get_mut(style)
                {
                    let fmt = entry.get_or_insert_with(|| {
                        palette[style]
                            .number_format
                            .as_ref()
                            .filter(|f| f.format_code != "General")
                            .map(|f| Arc::new(f.format_code.clone()))
                    });
                    if let Some(f) = fmt {
                        formats.push((Pos::new(r, c), f.clone()));
                    }
                }
                let cell = Cell::new(value);
                match rows.last_mut() {
                    Some((lr, row)) if *lr == r => {
                        in_order &= row.last().is_none_or(|(lc, _)| *lc < c);
                        row.push((c, cell));
                    }
                    last => {
                        let width = match last {
                            Some((lr, row)) => {
                                in_order &= *lr < r;
                                row.shrink_to_fit();
                                row.len()
                            }
                            None => 4,
                        };
                        let mut row = Vec::with_capacity(width);
                        row.push((c, cell));
                        rows.push((r, row));
                    }
                }
            }
        }
        // Formulas only where a cell holds an error (#REF!, #DIV/0!): A002 quotes the formula
        // that made it. Most sheets have none and are not read again.
        let mut formulas: Vec<(Pos, Box<str>)> = Vec::new();
        if has_error && let Ok(mut reader) = wb.worksheet_cells_reader(&name) {
            while let Ok(Some(f)) = reader.next_formula() {
                if !f.get_value().is_empty() {
                    let (r, c) = f.get_position();
                    formulas.push((Pos::new(r, c), f.get_value().as_str().into()));
                }
            }
        }
        if !in_order {
            let cells: Vec<(u32, u32, Cell)> = rows
                .drain(..)
                .flat_map(|(r, row)| row.into_iter().map(move |(c, cell)| (r, c, cell)))
                .collect();
            rows = Sheet::from_sorted(&name, cells, Vec::new()).rows;
            formats.sort_by_key(|(p, _)| *p);
        }
        formulas.sort_by_key(|(p, _)| *p);
        if let Some((_, row)) = rows.last_mut() {
            row.shrink_to_fit();
        }
        rows.shrink_to_fit();
        formats.shrink_to_fit();
        let merges = match merged.as_mut().and_then(|x| x.remove(&name)) {
            Some(m) => m,
            None => wb
                .merge_cells_by_sheet_name(&name)
                .unwrap_or_default()
                .into_iter()
                .map(|d| (Pos::new(d.start.0, d.start.1), Pos::new(d.end.0, d.end.1)))
                .collect(),
        };
        sheets.push(Sheet {
            name: name.clone(),
            rows,
            merges,
            formats,
            formulas,
        });
    }
    Ok(sheets)
}

fn read_generic(path: &Path, bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| err(path, explain(any_cause(&e), &e)))?;
    let names = wb.sheet_names();
    let mut sheets = Vec::new();
    let mut total = 0usize;
    for name in names {
        let range = match wb.worksheet_range(&name) {
            Ok(r) => r,
            Err(e) => {
                return Err(err(
                    path,
                    format!("lembar `{name}`: {}", explain(any_cause(&e), &e)),
                ));
            }
        };
        let formula_range = wb.worksheet_formula(&name).ok();
        let mut formulas = Vec::new();
        let mut cells = Vec::new();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (r, c, d) in range.used_cells() {
            let (row, col) = (r0 + r as u32, c0 + c as u32);
            if let Some(f) = formula_range
                .as_ref()
                .and_then(|f| f.get_value((row, col)))
                .filter(|f| !f.is_empty())
            {
                formulas.push((Pos::new(row, col), f.as_str().into()));
            }
            let value = from_data(d);
            total += 1;
            if total > MAX_CELLS {
                return Err(err(
                    path,
                    format!(
                        "lebih dari {MAX_CELLS} sel terisi (more filled cells than selaras reads)"
                    ),
                ));
            }
            cells.push((row, col, Cell::new(value)));
        }
        let merges = match &mut wb {
            calamine::Sheets::Xls(x) => x
                .merge_cells_by_sheet_name(&name)
                .unwrap_or_default()
                .into_iter()
                .map(|d| (Pos::new(d.start.0, d.start.1), Pos::new(d.end.0, d.end.1)))
                .collect(),
            _ => Vec::new(),
        };
        sheets.push(Sheet::from_cells(&name, cells, merges).with_formulas(formulas));
    }
    Ok(sheets)
}

/// A hash of an address: one multiply, its high bits folded down (addresses are aligned, their
/// low bits are all zero).
#[derive(Default)]
struct AddressHash(u64);

impl Hasher for AddressHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_usize(self.0 as usize ^ *b as usize);
        }
    }
    fn write_usize(&mut self, n: usize) {
        let h = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 = h ^ (h >> 29);
    }
}

fn from_data_ref(d: &DataRef<'_>) -> Value {
    match d {
        DataRef::Int(i) => Value::Number(*i as f64),
        DataRef::Float(f) => Value::Number(*f),
        DataRef::String(s) => text_value(s),
        DataRef::SharedString(s) => text_value(s),
        DataRef::Bool(b) => Value::Bool(*b),
        DataRef::DateTime(dt) => Value::DateTime(dt.as_f64()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Value::Text(s.as_str().into()),
        DataRef::Error(e) => Value::Error(e.to_string().into()),
        DataRef::Empty => Value::Empty,
    }
}

fn from_data(d: &Data) -> Value {
    match d {
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::String(s) => text_value(s),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(dt) => Value::DateTime(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s.as_str().into()),
        Data::Error(e) => Value::Error(e.to_string().into()),
        Data::Empty => Value::Empty,
    }
}

fn text_value(s: &str) -> Value {
    if s.is_empty() {
        Value::Empty
    } else {
        Value::Text(s.into())
    }
}
