//! R001–R003: changes between two versions of a Renja (`selaras reconcile OLD NEW`). The
//! comparison lives in `crate::reconcile`; these entries put the codes in the catalogue.

use super::{Context, Finding, Rule, Severity};

fn needs_second_workbook(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}

pub static R001: Rule = Rule {
    code: "R001",
    name: "row-added",
    family: 'R',
    severity: Severity::Info,
    summary_id: "Baris baru dibanding versi lama (reconcile)",
    summary_en: "Row added since the old version (reconcile)",
    explain_id: "\
Apa yang diperiksa
  Baris (menurut kode, atau nama di bawah induk yang sama) yang ada di versi baru tetapi tidak di
  versi lama.

Mengapa ini masalah
  Bukan kesalahan: perubahan yang perlu diketahui verifikator dan dijelaskan perencana.

Contoh
  Sub kegiatan 1.06.01.2.01.0012 ditambahkan setelah forum perangkat daerah.

Sebaiknya
  Pastikan penambahan disengaja dan tercatat.",
    explain_en: "\
What it does
  A row (by code, or name under the same parent) in the new version that the old one lacks.

Why is this bad
  Not an error: a change the verifier must see and the planner must be able to explain.

Example
  Sub kegiatan 1.06.01.2.01.0012 added after the office forum.

Use instead
  Make sure the addition is intended and recorded.",
    run: needs_second_workbook,
};
pub static R002: Rule = Rule {
    code: "R002",
    name: "row-removed",
    family: 'R',
    severity: Severity::Info,
    summary_id: "Baris versi lama tidak ada lagi (reconcile)",
    summary_en: "Row of the old version removed (reconcile)",
    explain_id: "\
Apa yang diperiksa
  Baris versi lama yang tidak ada di versi baru; ditandai pada baris induk yang tersisa.

Mengapa ini masalah
  Bukan kesalahan: baris yang hilang sering tidak disengaja.

Contoh
  Sub kegiatan 1.06.01.2.01.0002 hilang dari T-C.33 versi final.

Sebaiknya
  Pastikan penghapusan disengaja.",
    explain_en: "\
What it does
  A row of the old version absent from the new one; marked on its surviving parent row.

Why is this bad
  Not an error: vanished rows are often accidental.

Example
  Sub kegiatan 1.06.01.2.01.0002 gone from the final T-C.33.

Use instead
  Make sure the removal is intended.",
    run: needs_second_workbook,
};
pub static R003: Rule = Rule {
    code: "R003",
    name: "value-changed",
    family: 'R',
    severity: Severity::Info,
    summary_id: "Nilai sel berubah (reconcile)",
    summary_en: "A cell value changed (reconcile)",
    explain_id: "\
Apa yang diperiksa
  Untuk baris yang cocok, setiap kolom yang nilainya berubah: nilai lama, nilai baru, selisih
  (eksak untuk uang). Perubahan pagu juga dijumlahkan per program.

Mengapa ini masalah
  Bukan kesalahan: verifikator melihat ke mana anggaran berpindah.

Contoh
  Pagu 2026 sub kegiatan 1.06.01.2.01.0001: 150.000.000 → 175.000.000 (+25.000.000).

Sebaiknya
  Pastikan setiap perubahan disengaja.",
    explain_en: "\
What it does
  For matched rows, every column whose value changed: old, new and the difference (exact for
  money). Budget changes are also summed per program.

Why is this bad
  Not an error: the verifier sees where the money moved.

Example
  2026 budget of 1.06.01.2.01.0001: 150.000.000 → 175.000.000 (+25.000.000).

Use instead
  Make sure every change is intended.",
    run: needs_second_workbook,
};
