//! K001–K004: the office's Renja against the Rancangan Awal RKPD (`selaras check --rkpd`).
//! The comparison itself lives in `crate::rkpd`; these entries make the codes part of the
//! catalogue (`selaras rules`, `selaras explain K003`). They need a second workbook, so their
//! `run` in a plain `check` returns nothing.

use super::{Context, Finding, Rule, Severity};

fn needs_second_workbook(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}

pub static K001: Rule = Rule {
    code: "K001",
    name: "rkpd-row-missing",
    family: 'K',
    severity: Severity::Warning,
    summary_id: "Baris RKPD tidak ada di sisi rancangan T-C.31 (dengan --rkpd)",
    summary_en: "An RKPD row is missing from the T-C.31 draft side (with --rkpd)",
    explain_id: "\
Apa yang diperiksa
  Setiap program, kegiatan dan sub kegiatan perangkat daerah ini dalam Rancangan Awal RKPD
  harus ada di kolom Rancangan Awal RKPD pada T-C.31 Renja (dicocokkan menurut kode, atau nama
  di bawah induk yang sama).

Mengapa ini masalah
  T-C.31 menelaah rancangan RKPD; baris yang hilang berarti rancangan tidak disalin utuh.

Contoh
  Sub kegiatan 1.06.02.2.01.0001 ada di RKPD tetapi tidak ada di T-C.31.

Sebaiknya
  Salin baris RKPD ke sisi rancangan T-C.31, lalu tulis hasil analisis kebutuhan di sebelahnya.",
    explain_en: "\
What it does
  Every program, kegiatan and sub kegiatan of this office in the Rancangan Awal RKPD must appear
  on the RKPD-draft side of the Renja's T-C.31 (matched by code, or by name under the same parent).

Why is this bad
  T-C.31 reviews the RKPD draft; a missing row means the draft was not copied whole.

Example
  Sub kegiatan 1.06.02.2.01.0001 is in the RKPD but not in T-C.31.

Use instead
  Copy the RKPD row to the draft side of T-C.31 and write the needs analysis beside it.",
    run: needs_second_workbook,
};
pub static K002: Rule = Rule {
    code: "K002",
    name: "rkpd-value-differs",
    family: 'K',
    severity: Severity::Error,
    summary_id: "Target, satuan atau pagu berbeda dari RKPD (dengan --rkpd)",
    summary_en: "Target, unit or budget differs from the RKPD (with --rkpd)",
    explain_id: "\
Apa yang diperiksa
  Sisi rancangan T-C.31 (target, satuan, pagu indikatif) sama persis dengan baris yang sama
  dalam Rancangan Awal RKPD. Uang dibandingkan eksak.

Mengapa ini masalah
  Sisi rancangan adalah salinan RKPD; perbedaan di sana menyembunyikan perubahan yang seharusnya
  ditulis di sisi analisis kebutuhan.

Contoh
  RKPD: 150.000.000; T-C.31 rancangan: 175.000.000.

Sebaiknya
  Samakan sisi rancangan dengan RKPD; usulan perubahan ditulis di sisi Hasil Analisis Kebutuhan
  dengan catatan.",
    explain_en: "\
What it does
  The draft side of T-C.31 (target, unit, pagu indikatif) equals the same row of the Rancangan Awal
  RKPD. Money is compared exactly.

Why is this bad
  The draft side is a copy of the RKPD; a difference there hides a change that belongs on the
  needs-analysis side.

Example
  RKPD: 150.000.000; T-C.31 draft: 175.000.000.

Use instead
  Make the draft side equal to the RKPD; put the proposed change on the needs-analysis side with a note.",
    run: needs_second_workbook,
};
pub static K003: Rule = Rule {
    code: "K003",
    name: "above-ceiling",
    family: 'K',
    severity: Severity::Error,
    summary_id: "Total pagu perangkat daerah melebihi plafon RKPD (dengan --rkpd)",
    summary_en: "The office total is above its RKPD ceiling (with --rkpd)",
    explain_id: "\
Apa yang diperiksa
  Total pagu perangkat daerah (sisi rancangan T-C.31; T-C.33 tahun n) tidak melebihi plafon
  yang ditetapkan untuknya dalam Rancangan Awal RKPD.

Mengapa ini masalah
  Renja di atas plafon tidak dapat didanai dan akan dikembalikan saat verifikasi Bappeda.

Contoh
  Plafon 37.118.380.499; total T-C.33 37.118.380.500.

Sebaiknya
  Kurangi pagu sampai total berada dalam plafon, atau ajukan perubahan plafon.",
    explain_en: "\
What it does
  The office total (T-C.31 draft side; T-C.33 year n) is not above the ceiling the Rancangan Awal
  RKPD sets for it.

Why is this bad
  A Renja above its ceiling cannot be funded and is sent back at Bappeda's verification.

Example
  Ceiling 37.118.380.499; T-C.33 total 37.118.380.500.

Use instead
  Reduce budgets until the total fits the ceiling, or request a ceiling change.",
    run: needs_second_workbook,
};
pub static K004: Rule = Rule {
    code: "K004",
    name: "office-not-in-rkpd",
    family: 'K',
    severity: Severity::Warning,
    summary_id: "Perangkat daerah tidak ditemukan dalam RKPD (dengan --rkpd)",
    summary_en: "The office is not found in the RKPD (with --rkpd)",
    explain_id: "\
Apa yang diperiksa
  Nama perangkat daerah di baris judul Renja (atau --office) ditemukan dalam Rancangan Awal RKPD
  (nama dinormalkan: huruf besar/kecil, tanda baca, nama daerah).

Mengapa ini masalah
  Tanpa pasangan di RKPD, pemeriksaan K001–K003 tidak dapat dilakukan.

Contoh
  Judul Renja: `DINAS SOSIAL`; RKPD hanya memuat `Dinas Pendidikan`.

Sebaiknya
  Tulis nama perangkat daerah di baris judul seperti di RKPD, atau pakai --office `NAMA DI RKPD`.",
    explain_en: "\
What it does
  The office named in the Renja's title rows (or --office) is found in the Rancangan Awal RKPD
  (names normalised: case, punctuation, region name).

Why is this bad
  Without its RKPD counterpart, K001–K003 cannot be checked.

Example
  Renja title: `DINAS SOSIAL`; the RKPD lists only `Dinas Pendidikan`.

Use instead
  Write the office name in the title rows as the RKPD does, or pass --office `NAME IN RKPD`.",
    run: needs_second_workbook,
};
