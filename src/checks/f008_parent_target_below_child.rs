//! F008 `parent-target-below-child`: a kegiatan's target is smaller than the target of one of its
//! sub kegiatan in the same unit.

use super::util::{TARGET_PAIRS, label, level_word, same_unit, target, target_text};
use super::{Context, Finding, Related, Rule, Severity};
use crate::ingest::code::Level;

pub static RULE: Rule = Rule {
    code: "F008",
    name: "parent-target-below-child",
    family: 'F',
    severity: Severity::Warning,
    summary_id: "Target kegiatan lebih kecil dari target sub kegiatannya dalam satuan yang sama",
    summary_en: "A kegiatan's target is below one of its sub kegiatan's in the same unit",
    explain_id: "\
Apa yang diperiksa
  Pada setiap tabel rencana dengan target per baris (T-C.33 tahun n dan n+1, T-C.31 sisi
  rancangan dan sisi analisis, tabel usulan program): bila sebuah kegiatan dan sub kegiatannya
  memakai satuan yang sama (mis. Desa), target kegiatan tidak boleh lebih kecil dari target
  terbesar sub kegiatannya. Satuan yang merupakan tingkat (Persen, %, nilai, indeks — daftar
  `words.level_indicator` di rules.toml) tidak diperiksa, karena persentase kegiatan dan sub
  kegiatan mengukur hal yang berbeda. Temuan ditaruh pada sel target kegiatan, dengan sel sub
  kegiatan sebagai sel terkait.

Mengapa ini masalah
  Keluaran kegiatan mencakup keluaran sub kegiatannya: kegiatan yang menjangkau 4 desa tidak
  dapat memuat sub kegiatan yang menjangkau 12 desa. Salah satu angka tertinggal dari revisi.

Contoh
  Kegiatan Kesiapsiagaan Bencana: target 4 Desa; sub kegiatan Kampung Siaga Bencana: 12 Desa.

Sebaiknya
  Samakan target kegiatan dengan cakupan sub kegiatannya (di sini 12 Desa), atau perbaiki
  target sub kegiatan yang salah.",
    explain_en: "\
What it does
  In every plan table with a target per row (T-C.33 years n and n+1, the draft and analysis
  sides of T-C.31, the proposal table): when a kegiatan and its sub kegiatan use the same unit
  (e.g. Desa, villages), the kegiatan's target must not be below the largest target of its sub
  kegiatan. Units that are levels (Persen, %, nilai, indeks — the `words.level_indicator` list of
  rules.toml) are not checked, since a kegiatan's and a sub kegiatan's percentages measure
  different things. The finding is placed on the kegiatan's target cell, with the sub
  kegiatan's cell as related.

Why is this bad
  A kegiatan's output covers its sub kegiatan's: a kegiatan reaching 4 villages cannot hold a
  sub kegiatan reaching 12. One of the figures was left behind by a revision.

Example
  Kegiatan Kesiapsiagaan Bencana (disaster preparedness): target 4 Desa; its sub kegiatan
  Kampung Siaga Bencana: 12 Desa.

Use instead
  Make the kegiatan's target cover its sub kegiatan (here 12 Desa), or correct the wrong sub
  kegiatan target.",
    run,
};

fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let levels = &ctx.config.words.level_indicator;
    for t in &ctx.plan.tables {
        if t.table.kind.is_rkpd() {
            continue;
        }
        let sheet = &t.table.sheet;
        for (tr, ur) in TARGET_PAIRS {
            if !t.table.has(tr) {
                continue;
            }
            for (i, n) in t.nodes.iter().enumerate() {
                if n.level != Level::Kegiatan {
                    continue;
                }
                let Some((kv, Some(ku), kpos)) = target(t, n, tr, ur) else {
                    continue;
                };
                if level_word(levels, &ku).is_some() {
                    continue;
                }
                let biggest = t
                    .children(i)
                    .filter(|(_, c)| c.level == Level::SubKegiatan)
                    .filter_map(|(_, c)| target(t, c, tr, ur).map(|x| (c, x)))
                    .filter(|(_, (_, u, _))| u.as_deref().is_some_and(|u| same_unit(u, &ku)))
                    .max_by(|a, b| a.1.0.cmp(&b.1.0));
                let Some((c, (cv, _, cpos))) = biggest else {
                    continue;
                };
                if kv >= cv {
                    continue;
                }
                out.push(
                    Finding::new(
                        &RULE,
                        sheet,
                        kpos,
                        format!(
                            "{}: {} bertarget {}, lebih kecil dari {} yang bertarget {} dalam satuan yang sama",
                            t.table.kind,
                            label(n, false),
                            target_text(&kv, Some(&ku)),
                            label(c, false),
                            target_text(&cv, Some(&ku))
                        ),
                        format!(
                            "{}: {} has target {}, below {} with target {} in the same unit",
                            t.table.kind,
                            label(n, true),
                            target_text(&kv, Some(&ku)),
                            label(c, true),
                            target_text(&cv, Some(&ku))
                        ),
                    )
                    .expected_found(
                        format!("≥ {}", target_text(&cv, Some(&ku))),
                        target_text(&kv, Some(&ku)),
                    )
                    .related([Related::new(sheet, cpos)]),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::util::testkit::{TC33, run, sheet};

    fn rows(keg: &'static str, keg_unit: &'static str) -> Vec<[&'static str; 12]> {
        vec![
            [
                "1.06.06",
                "PROGRAM X",
                "",
                "",
                "",
                "",
                "650",
                "",
                "",
                "",
                "",
                "650",
            ],
            [
                "1.06.06.2.02",
                "Kegiatan X",
                "Kampung",
                "",
                keg,
                keg_unit,
                "650",
                "",
                "",
                keg,
                keg_unit,
                "650",
            ],
            [
                "1.06.06.2.02.0001",
                "Sub X",
                "Jumlah Kampung",
                "Kota Bangun",
                "12",
                "Desa",
                "350",
                "APBD",
                "",
                "12",
                "Desa",
                "350",
            ],
            [
                "1.06.06.2.02.0002",
                "Sub Y",
                "Jumlah Kampung",
                "Loa Kulu",
                "3",
                "Desa",
                "300",
                "APBD",
                "",
                "3",
                "Desa",
                "300",
            ],
        ]
    }

    #[test]
    fn fires_on_a_kegiatan_target_below_its_sub_kegiatan_in_the_same_unit() {
        let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows("4", "Desa"))]);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].cell, "E3");
        assert_eq!(f[0].expected.as_deref(), Some("≥ 12 Desa"));
        assert_eq!(f[0].found.as_deref(), Some("4 Desa"));
        assert_eq!(f[0].related[0].cell, "E4");
        assert_eq!(f[1].cell, "J3");
    }

    #[test]
    fn silent_when_the_kegiatan_covers_its_sub_kegiatan_or_units_differ() {
        for (v, u) in [
            ("12", "Desa"),
            ("15", "Desa"),
            ("4", "Kegiatan"),
            ("50", "Persen"),
        ] {
            let f = run(&RULE, vec![sheet("T-C.33", &[], TC33, &rows(v, u))]);
            assert!(f.is_empty(), "{v} {u}: {f:?}");
        }
    }
}
