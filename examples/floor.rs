//! The floor of the benchmark: a plain calamine read of every cell of every sheet of the given
//! files, nothing else. `selaras check` is measured as a multiple of this.
use calamine::{Reader, open_workbook_auto};

fn main() {
    let mut cells = 0usize;
    for path in std::env::args().skip(1) {
        let Ok(mut wb) = open_workbook_auto(&path) else {
            continue;
        };
        for name in wb.sheet_names() {
            if let Ok(range) = wb.worksheet_range(&name) {
                cells += range.used_cells().count();
            }
        }
    }
    println!("{cells} cells");
}
