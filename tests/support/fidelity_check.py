"""Reads a workbook and its annotated copy with openpyxl and reports every difference other
than the annotation: usage `fidelity_check.py INPUT OUTPUT SPEC.json`, where SPEC is {"marks": [{"sheet", "row",
"col", "fill", "note"}...] (0-based row/col, fill as 0xRRGGBB), "links": N (findings listed)}. Exit 0 when the
copy keeps everything and carries every mark; otherwise prints each problem and exits 1."""

import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter

inp, out, marks_path = sys.argv[1:4]
spec = json.load(open(marks_path))
marks = spec["marks"]
keep_vba = inp.lower().endswith(".xlsm")
a = openpyxl.load_workbook(inp, keep_vba=keep_vba)
b = openpyxl.load_workbook(out, keep_vba=keep_vba)
problems = []


def check(cond, what):
    if not cond:
        problems.append(what)


def rgb(c):
    return None if c is None else (c.rgb if isinstance(c.rgb, str) else None)


def look(c):
    f = c.font
    return (
        f.name, f.sz, f.b, f.i, f.u, rgb(f.color) if f.color is not None else None,
        c.number_format, repr(c.border), repr(c.alignment), c.protection.locked,
    )


def val(c):
    v = c.value
    if hasattr(v, "text") and hasattr(v, "ref"):  # ArrayFormula
        return ("array", v.ref, v.text)
    if type(v).__name__ == "CellRichText":
        return ("rich", str(v), repr(list(v)))
    return v


def links(ws):
    return sorted((c.coordinate, c.hyperlink.target, c.hyperlink.location)
                  for row in ws.iter_rows() for c in row if c.hyperlink is not None)


marked = {(m["sheet"], m["row"] + 1, m["col"] + 1): m for m in marks}

check(b.sheetnames[1:] == a.sheetnames, f"sheet order {b.sheetnames} vs {a.sheetnames}")
check(b.sheetnames[0].startswith("Temuan") or b.sheetnames[0].startswith("Findings"),
      f"first sheet {b.sheetnames[0]}")
check(b.active.title == a.active.title, f"active sheet {b.active.title} vs {a.active.title}")
check(sorted(b.defined_names.keys()) == sorted(a.defined_names.keys()), "defined names")
for n in a.defined_names:
    check(a.defined_names[n].attr_text == b.defined_names[n].attr_text, f"defined name {n}")
if keep_vba:
    check(a.vba_archive is not None and b.vba_archive is not None, "vba archive")
    if a.vba_archive is not None and b.vba_archive is not None:
        check(a.vba_archive.read("xl/vbaProject.bin") == b.vba_archive.read("xl/vbaProject.bin"),
              "vbaProject.bin")

for sa in a.worksheets:
    sb = b[sa.title]
    t = sa.title
    # Cells stored in the input (iterating creates the others, with openpyxl's default look).
    stored_a = set(sa._cells)
    check(sa.sheet_state == sb.sheet_state, f"{t}: sheet state")
    check(sa.freeze_panes == sb.freeze_panes, f"{t}: freeze panes {sb.freeze_panes} vs {sa.freeze_panes}")
    check(sa.print_area == sb.print_area, f"{t}: print area")
    check(sorted(map(str, sa.merged_cells.ranges)) == sorted(map(str, sb.merged_cells.ranges)), f"{t}: merged")
    for k, d in sa.column_dimensions.items():
        e = sb.column_dimensions[k]
        check((d.width, d.hidden, d.customWidth) == (e.width, e.hidden, e.customWidth), f"{t}: column {k}")
    for k, d in sa.row_dimensions.items():
        e = sb.row_dimensions[k]
        check((d.height, d.hidden) == (e.height, e.hidden), f"{t}: row {k}")
    check([(str(r.sqref), [x.formula for x in r.rules]) for r in sa.conditional_formatting]
          == [(str(r.sqref), [x.formula for x in r.rules]) for r in sb.conditional_formatting],
          f"{t}: conditional formats")
    check([(str(v.sqref), v.type, v.formula1, v.formula2) for v in sa.data_validations.dataValidation]
          == [(str(v.sqref), v.type, v.formula1, v.formula2) for v in sb.data_validations.dataValidation],
          f"{t}: data validation")
    check(len(sa._images) == len(sb._images), f"{t}: images {len(sb._images)} vs {len(sa._images)}")
    check(len(sa._charts) == len(sb._charts), f"{t}: charts {len(sb._charts)} vs {len(sa._charts)}")
    check(sorted(sa.tables.items()) == sorted(sb.tables.items()),
          f"{t}: tables")
    links_a = links(sa)
    links_b = links(sb)
    check(links_a == links_b, f"{t}: hyperlinks {links_b} vs {links_a}")
    seen = set()
    for row in sb.iter_rows():
        for cb in row:
            key = (t, cb.row, cb.column)
            here = (cb.row, cb.column)
            ca = sa.cell(row=cb.row, column=cb.column)
            seen.add((cb.row, cb.column))
            where = f"{t}!{cb.coordinate}"
            check(val(ca) == val(cb), f"{where}: value {val(cb)!r} vs {val(ca)!r}")
            # A cell the copy adds (an empty marked one) has no look in the input to compare
            # with: tests/annotate_patch.rs checks its style is the default one with a fill.
            if here in stored_a:
                check(look(ca) == look(cb), f"{where}: look {look(cb)} vs {look(ca)}")
            m = marked.get(key)
            if m is None:
                check(repr(ca.fill) == repr(cb.fill), f"{where}: fill")
                check((ca.comment.text if ca.comment else None) == (cb.comment.text if cb.comment else None),
                      f"{where}: note")
            else:
                want = "FF%06X" % m["fill"]
                check(cb.fill.fill_type == "solid" and rgb(cb.fill.fgColor) == want,
                      f"{where}: mark fill {rgb(cb.fill.fgColor)} vs {want}")
                text = cb.comment.text if cb.comment else ""
                check(m["note"] in text, f"{where}: mark note missing ({text!r})")
                if ca.comment:
                    check(text.startswith(ca.comment.text), f"{where}: planner's note not kept")
    for row in sa.iter_rows():
        for ca in row:
            if ca.value is not None:
                check((ca.row, ca.column) in seen, f"{t}!{ca.coordinate}: missing in copy")
    for (s, r, c), m in marked.items():
        if s == t:
            check((r, c) in seen, f"{t}!{get_column_letter(c)}{r}: mark cell missing")

temuan = b.worksheets[0]
check(temuan.freeze_panes is not None, "Temuan: no frozen header")
check(temuan.auto_filter.ref is not None, "Temuan: no autofilter")
tl = links(temuan)
check(len(tl) == spec["links"], f"Temuan: {len(tl)} links, want {spec['links']}")
for ref, target, location in tl:
    check(location and "!" in location and not target, f"Temuan: link {ref} is not a location")

if problems:
    print("\n".join(problems[:60]))
    sys.exit(1)
print("OK")
