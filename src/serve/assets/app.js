// selaras serve: the page. Plain JS, no framework, nothing loaded from elsewhere.
// Every value from a workbook reaches the page through textContent, never as HTML.
"use strict";

const T = {
  id: {
    tagline: "Periksa keselarasan tabel Renja sebelum diserahkan.",
    dropTitle: "Tarik buku kerja ke sini",
    dropHint: ".xlsx, .xlsm, .xls, .ods — boleh beberapa sekaligus. Berkas hanya diperiksa di server ini; salinannya dihapus setelah diunduh atau setelah batas waktunya.",
    pick: "Pilih berkas…",
    filtersTitle: "Saring temuan",
    severity: "Tingkat",
    error: "galat",
    warning: "peringatan",
    info: "info",
    rule: "Aturan",
    allRules: "Semua aturan",
    hint: "Klik sebuah temuan (atau Enter) untuk penjelasan aturannya.",
    uploading: (p) => `Mengunggah… ${p}%`,
    checking: (n) => `Memeriksa ${n} berkas…`,
    done: (n, ms, min) => `${n} berkas diperiksa dalam ${(ms / 1000).toFixed(1).replace(".", ",")} detik. Salinan dapat diunduh selama ${min} menit.`,
    failed: "Pemeriksaan gagal",
    network: "Server tidak dapat dihubungi.",
    checked: "diperiksa",
    unreadable: "tidak terbaca",
    findings: (n) => `${n} temuan`,
    office: "Perangkat daerah",
    tables: (n) => `${n} tabel terbaca`,
    download: "Unduh salinan beranotasi",
    downloaded: "Sudah diunduh (salinan dihapus dari server)",
    summary: "Unduh Ringkasan semua berkas",
    noFindings: "Tidak ada temuan. Tabel-tabelnya selaras.",
    expected: "seharusnya",
    found: "tertulis",
    related: "Sel terkait",
    shown: (a, b) => `${a} dari ${b} temuan ditampilkan`,
    recheck: "Memeriksa ulang dalam bahasa yang dipilih…",
    rkpd: "Rancangan Awal RKPD: referensi, bukan Renja (pakai dengan selaras check --rkpd)",
    file: "Berkas",
    status: "Status",
    overview: "Ringkasan per berkas, yang terberat di atas",
  },
  en: {
    tagline: "Check that the tables of a Renja agree before it is submitted.",
    dropTitle: "Drop workbooks here",
    dropHint: ".xlsx, .xlsm, .xls, .ods — several at once is fine. Files are checked on this server only; their copies are deleted once downloaded or when their time is up.",
    pick: "Choose files…",
    filtersTitle: "Filter findings",
    severity: "Severity",
    error: "error",
    warning: "warning",
    info: "info",
    rule: "Rule",
    allRules: "All rules",
    hint: "Click a finding (or press Enter) for its rule's explanation.",
    uploading: (p) => `Uploading… ${p}%`,
    checking: (n) => `Checking ${n} file(s)…`,
    done: (n, ms, min) => `${n} file(s) checked in ${(ms / 1000).toFixed(1)} s. Copies can be downloaded for ${min} minutes.`,
    failed: "The check failed",
    network: "The server cannot be reached.",
    checked: "checked",
    unreadable: "unreadable",
    findings: (n) => `${n} finding${n === 1 ? "" : "s"}`,
    office: "Office",
    tables: (n) => `${n} table(s) read`,
    download: "Download annotated copy",
    downloaded: "Downloaded (the copy was deleted from the server)",
    summary: "Download the summary of all files",
    noFindings: "No findings. The tables agree.",
    expected: "expected",
    found: "found",
    related: "Related cells",
    shown: (a, b) => `${a} of ${b} findings shown`,
    recheck: "Checking again in the chosen language…",
    rkpd: "Rancangan Awal RKPD: a reference, not a Renja (use it with selaras check --rkpd)",
    file: "File",
    status: "Status",
    overview: "Files, worst first",
  },
};
const SEVERITIES = ["error", "warning", "info"];

let lang = localStorage.getItem("selaras-lang") === "en" ? "en" : "id";
let rules = new Map();
let lastFiles = [];
let lastResult = null;
let busy = false;

const $ = (sel) => document.querySelector(sel);
const t = (key, ...args) => {
  const v = T[lang][key];
  return typeof v === "function" ? v(...args) : v;
};

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function applyLang() {
  document.documentElement.lang = lang;
  document.title = lang === "en" ? "selaras — check a Renja" : "selaras — periksa Renja";
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  $("#lang-id").setAttribute("aria-pressed", String(lang === "id"));
  $("#lang-en").setAttribute("aria-pressed", String(lang === "en"));
}

async function loadRules() {
  try {
    const r = await fetch(`/api/rules?lang=${lang}`);
    const j = await r.json();
    rules = new Map(j.rules.map((x) => [x.code, x]));
  } catch (_) {
    rules = new Map();
  }
}

async function setLang(l) {
  if (l === lang) return;
  lang = l;
  localStorage.setItem("selaras-lang", l);
  applyLang();
  await loadRules();
  // Messages and the annotated copy come in the language of the check: check again.
  if (lastFiles.length && !busy) {
    setStatus(t("recheck"));
    upload(lastFiles);
  } else if (lastResult) {
    render(lastResult);
  }
}

function setStatus(text, opts = {}) {
  const p = $("#progress");
  const s = $("#status-text");
  s.textContent = text;
  s.className = opts.error ? "error-text" : "";
  if (opts.progress === undefined) {
    p.classList.add("idle");
  } else {
    p.classList.remove("idle");
    if (opts.progress === null) p.removeAttribute("value");
    else p.value = opts.progress;
  }
}

function upload(files) {
  files = Array.from(files);
  if (!files.length || busy) return;
  busy = true;
  lastFiles = files;
  const form = new FormData();
  for (const f of files) form.append("file", f, f.name);
  const xhr = new XMLHttpRequest();
  const started = performance.now();
  xhr.open("POST", `/api/check?lang=${lang}`);
  xhr.responseType = "json";
  setStatus(t("uploading", 0), { progress: 0 });
  xhr.upload.onprogress = (e) => {
    if (e.lengthComputable) {
      const p = Math.round((e.loaded / e.total) * 100);
      setStatus(t("uploading", p), { progress: p });
    }
  };
  xhr.upload.onload = () => setStatus(t("checking", files.length), { progress: null });
  xhr.onload = () => {
    busy = false;
    const j = xhr.response;
    if (xhr.status !== 200 || !j || !j.files) {
      const why = (j && j.error) || `HTTP ${xhr.status}`;
      setStatus(`${t("failed")}: ${why}`, { error: true });
      return;
    }
    setStatus(t("done", j.files.length, performance.now() - started, Math.round(j.expires_in_seconds / 60)));
    lastResult = j;
    render(j);
  };
  xhr.onerror = () => {
    busy = false;
    setStatus(t("network"), { error: true });
  };
  xhr.send(form);
}

function sevLabel(s) {
  return t(s);
}

function countChips(counts) {
  return SEVERITIES.map((s) => h("span", { class: `sev sev-${s}`, "data-sev": s }, `${counts[s]} ${sevLabel(s)}`));
}

function downloadLink(url, name, label) {
  const a = h("a", { class: "button primary", href: url, download: name }, label);
  a.addEventListener("click", () => {
    // The server hands each copy out once; say so instead of leaving a dead link.
    setTimeout(() => a.replaceWith(h("span", { class: "none" }, t("downloaded"))), 0);
  });
  return a;
}

function findingItem(f) {
  const rule = rules.get(f.rule);
  const explainId = `x-${Math.random().toString(36).slice(2)}`;
  const ef =
    f.expected !== null || f.found !== null
      ? h("span", { class: "ef" }, t("expected"), " ", h("b", {}, f.expected ?? "—"), " · ", t("found"), " ", h("b", {}, f.found ?? "—"))
      : null;
  const button = h(
    "button",
    { type: "button", class: "finding", "aria-expanded": "false", "aria-controls": explainId },
    h("span", { class: "cell" }, `${f.sheet}!${f.cell}`),
    h("span", { class: "code" }, f.rule),
    h("span", { class: "msg" }, f.message),
    ef,
  );
  const related = f.related && f.related.length
    ? h("p", { class: "related" }, `${t("related")}: `, f.related.map((r) => `${r.sheet}!${r.cell}`).join(", "))
    : null;
  const panel = h(
    "div",
    { class: "explain", id: explainId, hidden: true },
    h("h5", {}, `${f.rule} ${f.name ?? ""}`),
    related,
    rule ? h("p", {}, rule.summary) : null,
    rule ? h("pre", {}, rule.explain) : null,
  );
  button.addEventListener("click", () => {
    const open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!open));
    panel.hidden = open;
  });
  return h("li", { class: f.severity, "data-sev": f.severity, "data-rule": f.rule }, button, panel);
}

function fileCard(f) {
  const readable = f.status === "checked";
  const total = f.findings.length;
  const head = h(
    "div",
    { class: "file-head" },
    h("h2", {}, f.path),
    h("span", { class: `badge ${readable ? "ok" : "bad"}` }, readable ? t("checked") : t("unreadable")),
  );
  const card = h("section", { class: "file", "data-file": f.path }, head);
  if (!readable) {
    card.append(h("p", { class: "unreadable", role: "alert" }, f.error));
    return card;
  }
  const rkpd = f.tables.length > 0 && f.tables.every((x) => x.startsWith("rkpd"));
  const meta = [f.office ? `${t("office")}: ${f.office}` : null, t("tables", f.tables.length)].filter(Boolean).join(" · ");
  card.append(h("p", { class: "meta" }, meta));
  if (rkpd) {
    card.append(h("p", { class: "none" }, t("rkpd")));
    return card;
  }
  card.append(
    h(
      "div",
      { class: "counts" },
      h("span", { class: "total", "data-testid": "total", "data-count": String(total) }, t("findings", total)),
      countChips(f.counts),
      f.annotated_url ? downloadLink(f.annotated_url, f.annotated_name, t("download")) : null,
    ),
  );
  if (!total) {
    card.append(h("p", { class: "none" }, t("noFindings")));
    return card;
  }
  // Grouped by table (sheet, in workbook order as the findings come), then by severity.
  const sheets = new Map();
  for (const x of f.findings) {
    if (!sheets.has(x.sheet)) sheets.set(x.sheet, []);
    sheets.get(x.sheet).push(x);
  }
  for (const [sheet, list] of sheets) {
    const det = h("details", { class: "sheet", open: true, "data-sheet": sheet }, h("summary", {}, sheet, " ", h("span", { class: "n" }, `(${list.length})`)));
    for (const s of SEVERITIES) {
      const items = list.filter((x) => x.severity === s);
      if (!items.length) continue;
      det.append(
        h("div", { class: "group", "data-sev": s }, h("h4", {}, h("span", { class: `sev sev-${s}` }, sevLabel(s)), " ", h("span", { class: "n" }, `(${items.length})`)), h("ul", { class: "findings" }, items.map(findingItem))),
      );
    }
    card.append(det);
  }
  return card;
}

// For several files: one row per file, worst first, each linking to its card.
function overview(files) {
  const rank = (f) => [f.status === "checked" ? 1 : 0, -f.counts.error, -f.counts.warning];
  const order = files.map((f, i) => [f, i]).sort((a, b) => {
    const x = rank(a[0]);
    const y = rank(b[0]);
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a[1] - b[1];
  });
  const head = h("tr", {}, h("th", { scope: "col" }, t("file")), h("th", { scope: "col" }, t("status")), SEVERITIES.map((s) => h("th", { scope: "col", class: "num" }, t(s))));
  const rows = order.map(([f, i]) =>
    h(
      "tr",
      {},
      h("td", {}, h("a", { href: `#file-${i}` }, f.path)),
      h("td", { class: f.status === "checked" ? "" : "unreadable" }, f.status === "checked" ? t("checked") : t("unreadable")),
      SEVERITIES.map((s) => h("td", { class: "num" }, f.status === "checked" ? String(f.counts[s]) : "—")),
    ),
  );
  return h("table", { class: "overview" }, h("caption", { class: "visually-hidden" }, t("overview")), h("thead", {}, head), h("tbody", {}, rows));
}

function render(j) {
  const results = $("#results");
  const any = j.files.some((f) => f.findings.length);
  results.replaceChildren(
    any ? h("p", { class: "hint" }, t("hint")) : "",
    ...j.files.map((f, i) => {
      const card = fileCard(f);
      card.id = `file-${i}`;
      return card;
    }),
  );
  const batch = $("#batch");
  batch.replaceChildren();
  if (j.files.length > 1) batch.append(overview(j.files));
  if (j.summary_url) batch.append(downloadLink(j.summary_url, lang === "en" ? "summary.xlsx" : "ringkasan.xlsx", t("summary")));
  // Rule filter: the rules that fired, with their names.
  const select = $("#rule");
  const keep = select.value;
  const fired = [...new Set(j.files.flatMap((f) => f.findings.map((x) => x.rule)))].sort();
  select.replaceChildren(h("option", { value: "" }, t("allRules")), ...fired.map((c) => h("option", { value: c }, `${c} ${rules.get(c)?.name ?? ""}`)));
  select.value = fired.includes(keep) ? keep : "";
  select.disabled = false;
  for (const c of document.querySelectorAll("#filters input")) c.disabled = false;
  applyFilters();
}

function applyFilters() {
  const sevs = new Set([...document.querySelectorAll("#filters input[name=sev]:checked")].map((c) => c.value));
  const rule = $("#rule").value;
  let shown = 0;
  let total = 0;
  for (const li of document.querySelectorAll("ul.findings li")) {
    const ok = sevs.has(li.dataset.sev) && (!rule || li.dataset.rule === rule);
    li.classList.toggle("hidden", !ok);
    total += 1;
    if (ok) shown += 1;
  }
  for (const g of document.querySelectorAll(".group")) {
    const n = g.querySelectorAll("li:not(.hidden)").length;
    g.classList.toggle("hidden", n === 0);
    g.querySelector(".n").textContent = `(${n})`;
  }
  for (const d of document.querySelectorAll("details.sheet")) {
    const n = d.querySelectorAll("li:not(.hidden)").length;
    d.classList.toggle("hidden", n === 0);
    d.querySelector("summary .n").textContent = `(${n})`;
  }
  $("#shown").textContent = total ? t("shown", shown, total) : "";
}

function init() {
  applyLang();
  loadRules();
  $("#lang-id").addEventListener("click", () => setLang("id"));
  $("#lang-en").addEventListener("click", () => setLang("en"));
  const input = $("#file");
  input.addEventListener("change", () => {
    upload(input.files);
    input.value = "";
  });
  const drop = $("#drop");
  // Dropping anywhere on the page counts; the zone lights up while a file is over it.
  document.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("over");
  });
  document.addEventListener("dragleave", (e) => {
    if (!e.relatedTarget) drop.classList.remove("over");
  });
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    if (e.dataTransfer && e.dataTransfer.files.length) upload(e.dataTransfer.files);
  });
  $("#filters").addEventListener("change", applyFilters);
  $("#filters").addEventListener("submit", (e) => e.preventDefault());
}

document.addEventListener("DOMContentLoaded", init);
