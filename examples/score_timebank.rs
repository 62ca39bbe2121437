//! TempEval-3 style scorer for the date engine on TimeML (`.tml`) folders, with the
//! tune/check splits of the held-out discipline built in.
//!
//! Usage: `cargo run --release --example score_timebank -- [DIR...] [--errors] [--ok] [--dt]
//! [--json] [--rules] [--dump] [--fingerprint]` (no DIR: `../shared/timebank` and `../shared/meantime-dev`).
//!
//! - `--errors` lists the errors of the *tune* parts only (`--dt`: of the DATE+TIME scoring,
//!   `--ok`: the correct values too); the errors of a check part are never printed, only
//!   counted, so that nobody tunes on them by accident.
//! - `--rules` counts, per rule and part, the expressions read, matched and right (the
//!   rule's precision where it was and was not tuned, without listing any error).
//! - `--dump` prints every system expression of the tune parts (no gold), `--fingerprint`
//!   one hash of all system output per part: equal hashes before and after a refactor mean
//!   the engine's behaviour did not change anywhere, check parts included.
//!
//! A corpus is a top-level folder under DIR (`TimeBank`, `AQUAINT`), or DIR itself when its
//! `.tml` files sit at its root (`meantime-dev`). Splits, fixed before any tuning of issue 18
//! (see [`part_of`]): TimeBank is tune, AQUAINT is check; meantime-dev is split by file id
//! (ids sorted as numbers, alternately tune and check, starting with tune); a corpus with no
//! split written here is `all` and is listed as tune.
//!
//! For each file: plain text = content of `<TEXT>` with tags removed and entities decoded;
//! gold = its TIMEX3s; the reference date = the DCT. Scores per corpus part, per part over
//! all corpora, and in total: strict (same span) and relaxed (overlap) precision/recall/F1,
//! type and value accuracy over relaxed matches, and value F1 = relaxed F1 × value
//! accuracy; for all types and for DATE+TIME alone.
//!
//! Ranges: the engine emits one expression for "from March to May 2021" where gold has two.
//! A system range may therefore match up to two gold expressions: the first overlapping one
//! is compared with `value`, the second with `end_value`, and the range then counts as two
//! system expressions (so precision is not flattered).

use dateline::timex::{tag, timeml, Timex, TimexType};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug)]
struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

struct Doc {
    name: String,
    text: String,
    dct: Option<chrono::NaiveDate>,
    gold: Vec<Gold>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    gold: usize,
    sys: usize,
    strict: usize,
    relaxed_g: usize,
    relaxed_s: usize,
    type_ok: usize,
    value_ok: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.gold += o.gold;
        self.sys += o.sys;
        self.strict += o.strict;
        self.relaxed_g += o.relaxed_g;
        self.relaxed_s += o.relaxed_s;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
    }
    fn prf(tp_s: usize, tp_g: usize, sys: usize, gold: usize) -> (f64, f64, f64) {
        let p = if sys == 0 {
            0.0
        } else {
            tp_s as f64 / sys as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            tp_g as f64 / gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
    fn metrics(&self) -> BTreeMap<&'static str, f64> {
        let (sp, sr, sf) = Self::prf(self.strict, self.strict, self.sys, self.gold);
        let (rp, rr, rf) = Self::prf(self.relaxed_s, self.relaxed_g, self.sys, self.gold);
        let m = self.relaxed_g.max(1) as f64;
        let ta = self.type_ok as f64 / m;
        let va = self.value_ok as f64 / m;
        BTreeMap::from([
            ("strict_p", sp),
            ("strict_r", sr),
            ("strict_f1", sf),
            ("relaxed_p", rp),
            ("relaxed_r", rr),
            ("relaxed_f1", rf),
            ("type_acc", ta),
            ("value_acc", va),
            ("type_f1", rf * ta),
            ("value_f1", rf * va),
        ])
    }
}

fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let ents = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ];
        match ents.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, ch)) => {
                out.push(*ch);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let pat = format!("{name}=\"");
    let i = tag.find(&pat)? + pat.len();
    let j = tag[i..].find('"')? + i;
    Some(tag[i..j].to_string())
}

fn parse(path: &Path) -> Option<Doc> {
    let raw = std::fs::read_to_string(path).ok()?;
    let dct = raw.find("<DCT>").and_then(|i| {
        let v = attr(&raw[i..], "value")?;
        chrono::NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    });
    let a = raw.find("<TEXT>")? + "<TEXT>".len();
    let b = raw[a..].find("</TEXT>")? + a;
    let body = &raw[a..b];
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<Gold> = None;
    let mut rest = body;
    while let Some(i) = rest.find('<') {
        text.push_str(&decode(&rest[..i]));
        let j = match rest[i..].find('>') {
            Some(j) => i + j,
            None => break,
        };
        let tag = &rest[i + 1..j];
        if tag.starts_with("TIMEX3") {
            open = Some(Gold {
                start: text.len(),
                end: 0,
                kind: attr(tag, "type").unwrap_or_default(),
                value: attr(tag, "value").unwrap_or_default(),
            });
        } else if tag.starts_with("/TIMEX3") {
            if let Some(mut g) = open.take() {
                g.end = text.len();
                if g.end > g.start {
                    gold.push(g);
                }
            }
        }
        rest = &rest[j + 1..];
    }
    text.push_str(&decode(rest));
    Some(Doc {
        name: path.file_name()?.to_string_lossy().into_owned(),
        text,
        dct,
        gold,
    })
}

fn kind_str(k: TimexType) -> &'static str {
    match k {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

fn ctx(text: &str, s: usize, e: usize) -> String {
    let mut a = s.saturating_sub(40);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (e + 40).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    format!("{}[{}]{}", &text[a..s], &text[s..e], &text[e..b]).replace('\n', " ")
}

/// `--ok`: also list correct matches (to measure the precision of one rule).
static SHOW_OK: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Scores one document on gold/system lists already filtered to the types of interest.
/// Per rule: (system expressions, matched to a gold one, with the right value).
type RuleTally = BTreeMap<&'static str, [usize; 3]>;

fn score(
    doc: &Doc,
    gold: &[&Gold],
    sys: &[&Timex],
    errors: &mut Vec<String>,
    log: bool,
    mut tally: Option<&mut RuleTally>,
) -> Counts {
    let mut c = Counts {
        gold: gold.len(),
        ..Default::default()
    };
    let mut gold_used = vec![false; gold.len()];
    let mut sys_units = 0;
    for s in sys {
        let overl: Vec<usize> = (0..gold.len())
            .filter(|&g| !gold_used[g] && gold[g].start < s.end && s.start < gold[g].end)
            .collect();
        let take = if s.end_value.is_some() { 2 } else { 1 };
        let matched: Vec<usize> = overl.into_iter().take(take).collect();
        sys_units += matched.len().max(1);
        if let Some(t) = tally.as_deref_mut() {
            let e = t.entry(s.rule).or_default();
            e[0] += 1;
            e[1] += usize::from(!matched.is_empty());
            e[2] += usize::from(matched.first().is_some_and(|&g| gold[g].value == s.value));
        }
        if matched.is_empty() {
            if log {
                errors.push(format!(
                    "FP   {} {:<8} {:<14} {} [{}]",
                    doc.name,
                    kind_str(s.kind),
                    s.value,
                    ctx(&doc.text, s.start, s.end),
                    s.rule
                ));
            }
            continue;
        }
        for (n, &g) in matched.iter().enumerate() {
            gold_used[g] = true;
            let gd = gold[g];
            c.relaxed_g += 1;
            c.relaxed_s += 1;
            if gd.start == s.start && gd.end == s.end {
                c.strict += 1;
            }
            if gd.kind == kind_str(s.kind) {
                c.type_ok += 1;
            }
            let v = if n == 0 {
                s.value.as_str()
            } else {
                s.end_value.as_deref().unwrap_or("")
            };
            if gd.value == v {
                c.value_ok += 1;
                if log && SHOW_OK.load(std::sync::atomic::Ordering::Relaxed) {
                    errors.push(format!(
                        "OK   {} {:<8} {:<14} {}",
                        doc.name,
                        gd.kind,
                        v,
                        ctx(&doc.text, s.start, s.end)
                    ));
                }
            } else if log {
                errors.push(format!(
                    "VAL  {} {:<8} gold={:<14} sys={:<14} {} [{}]",
                    doc.name,
                    gd.kind,
                    gd.value,
                    v,
                    ctx(&doc.text, gd.start, gd.end),
                    s.rule
                ));
            }
            if log && (gd.start != s.start || gd.end != s.end) {
                errors.push(format!(
                    "SPAN {} gold={:?} sys={:?}",
                    doc.name,
                    &doc.text[gd.start..gd.end],
                    &doc.text[s.start..s.end]
                ));
            }
        }
    }
    c.sys = sys_units;
    if log {
        for (g, used) in gold.iter().zip(&gold_used) {
            if !used {
                errors.push(format!(
                    "MISS {} {:<8} {:<14} {}",
                    doc.name,
                    g.kind,
                    g.value,
                    ctx(&doc.text, g.start, g.end)
                ));
            }
        }
    }
    c
}

/// Which side of the held-out split a file is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Part {
    Tune,
    Check,
    /// A corpus with no split written here: scored whole, errors listable.
    All,
}

impl Part {
    fn name(self) -> &'static str {
        match self {
            Part::Tune => "tune",
            Part::Check => "check",
            Part::All => "all",
        }
    }
}

/// The splits, written down before tuning (issue 18). `rank` is the file's position among
/// its corpus's files sorted by numeric id (by name when the id is not a number).
fn part_of(corpus: &str, rank: usize) -> Part {
    match corpus {
        "TimeBank" => Part::Tune,
        "AQUAINT" => Part::Check,
        "meantime-dev" if rank % 2 == 0 => Part::Tune,
        "meantime-dev" => Part::Check,
        _ => Part::All,
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|e| e == "tml") {
            out.push(p);
        }
    }
}

/// The corpus a file belongs to: its top-level folder under `root`, else `root`'s name.
fn corpus_of(root: &Path, f: &Path) -> String {
    let top = f
        .strip_prefix(root)
        .ok()
        .filter(|_| f.parent() != Some(root))
        .and_then(|r| r.components().next());
    match top {
        Some(c) => c.as_os_str().to_string_lossy().into_owned(),
        None => root
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| "(root)".into()),
    }
}

/// Files with their corpus and split part, in a stable order.
fn assign_parts(roots: &[PathBuf]) -> Vec<(PathBuf, String, Part)> {
    let mut by_corpus: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for root in roots {
        let mut files = Vec::new();
        walk(root, &mut files);
        for f in files {
            by_corpus.entry(corpus_of(root, &f)).or_default().push(f);
        }
    }
    let mut out = Vec::new();
    for (corpus, mut files) in by_corpus {
        let id = |p: &PathBuf| {
            let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned());
            let stem = stem.unwrap_or_default();
            (stem.parse::<u64>().unwrap_or(u64::MAX), stem)
        };
        files.sort_by_key(id);
        for (rank, f) in files.into_iter().enumerate() {
            let part = part_of(&corpus, rank);
            out.push((f, corpus.clone(), part));
        }
    }
    out
}

/// FNV-1a, to fingerprint the system output of a part.
fn fnv(h: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *h ^= b as u64;
        *h = h.wrapping_mul(0x100_0000_01b3);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut dirs: Vec<PathBuf> = args
        .iter()
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if dirs.is_empty() {
        dirs = vec!["../shared/timebank".into(), "../shared/meantime-dev".into()];
    }
    let flag = |f: &str| args.iter().any(|a| a == f);
    let show_ok = flag("--ok");
    SHOW_OK.store(show_ok, std::sync::atomic::Ordering::Relaxed);
    let show_errors = show_ok || flag("--errors");
    let json = flag("--json");
    let dt_only = flag("--dt");
    let dump = flag("--dump");
    let fingerprint = flag("--fingerprint");
    let files = assign_parts(&dirs);
    if files.is_empty() {
        eprintln!("no .tml files under {dirs:?}");
        std::process::exit(2);
    }
    // (corpus, part) -> (all types, DATE+TIME)
    let mut per: BTreeMap<(String, Part), (Counts, Counts)> = BTreeMap::new();
    let mut prints: BTreeMap<(String, Part), u64> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut withheld = 0usize;
    let mut rule_tally: BTreeMap<(String, Part), RuleTally> = BTreeMap::new();
    let mut bytes = 0usize;
    let t0 = std::time::Instant::now();
    for (f, corpus, part) in &files {
        let Some(doc) = parse(f) else {
            eprintln!("skipping unreadable {}", f.display());
            continue;
        };
        bytes += doc.text.len();
        let sys = timeml(tag(&doc.text, doc.dct));
        let listable = *part != Part::Check;
        let h = prints
            .entry((corpus.clone(), *part))
            .or_insert(0xcbf2_9ce4_8422_2325);
        fnv(h, doc.name.as_bytes());
        for s in &sys {
            let line = format!(
                "{} {} {} {} {} {}",
                s.start,
                s.end,
                kind_str(s.kind),
                s.value,
                s.end_value.as_deref().unwrap_or("-"),
                s.point.as_deref().unwrap_or("-")
            );
            fnv(h, line.as_bytes());
            if dump && listable {
                println!(
                    "{} {line} {:?}",
                    doc.name,
                    doc.text.get(s.start..s.end).unwrap_or("")
                );
            }
        }
        let g_all: Vec<&Gold> = doc.gold.iter().collect();
        let s_all: Vec<&Timex> = sys.iter().collect();
        let mut errs = Vec::new();
        let tally = rule_tally.entry((corpus.clone(), *part)).or_default();
        let all = score(
            &doc,
            &g_all,
            &s_all,
            &mut errs,
            show_errors && !dt_only,
            Some(tally),
        );
        let g_dt: Vec<&Gold> = doc
            .gold
            .iter()
            .filter(|g| g.kind == "DATE" || g.kind == "TIME")
            .collect();
        let s_dt: Vec<&Timex> = sys
            .iter()
            .filter(|s| matches!(s.kind, TimexType::Date | TimexType::Time))
            .collect();
        let dt = score(&doc, &g_dt, &s_dt, &mut errs, show_errors && dt_only, None);
        if listable {
            errors.extend(errs);
        } else {
            withheld += errs.iter().filter(|e| !e.starts_with("OK")).count();
        }
        let e = per.entry((corpus.clone(), *part)).or_default();
        e.0.add(&all);
        e.1.add(&dt);
    }
    let elapsed = t0.elapsed().as_secs_f64();
    if fingerprint {
        for ((c, p), h) in &prints {
            println!("{c:<14} {:<6} {h:016x}", p.name());
        }
        return;
    }
    if dump {
        return;
    }
    if flag("--rules") {
        print_rule_tally(&rule_tally);
        return;
    }
    let mut by_part: BTreeMap<Part, (Counts, Counts)> = BTreeMap::new();
    let mut total = (Counts::default(), Counts::default());
    for ((_, p), (a, d)) in &per {
        let e = by_part.entry(*p).or_default();
        e.0.add(a);
        e.1.add(d);
        total.0.add(a);
        total.1.add(d);
    }
    let mut rows: Vec<(String, &'static str, &'static str, Counts)> = Vec::new();
    for ((name, p), (a, d)) in &per {
        rows.push((name.clone(), p.name(), "all", *a));
        rows.push((name.clone(), p.name(), "date+time", *d));
    }
    if by_part.len() > 1 {
        for (p, (a, d)) in &by_part {
            rows.push(("ALL PARTS".into(), p.name(), "all", *a));
            rows.push(("ALL PARTS".into(), p.name(), "date+time", *d));
        }
    }
    rows.push(("TOTAL".into(), "", "all", total.0));
    rows.push(("TOTAL".into(), "", "date+time", total.1));
    if show_errors {
        for e in &errors {
            println!("{e}");
        }
        if withheld > 0 {
            println!("({withheld} error lines of check parts withheld)");
        }
        println!();
    }
    if json {
        let v: Vec<serde_json::Value> = rows
            .iter()
            .map(|(c, p, t, k)| {
                serde_json::json!({
                    "corpus": c, "part": p, "types": t, "gold": k.gold, "system": k.sys,
                    "metrics": k.metrics(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&v).unwrap_or_default());
        return;
    }
    println!(
        "{:<13} {:<5} {:<9} {:>5} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>7}",
        "corpus",
        "part",
        "types",
        "gold",
        "sys",
        "strP",
        "strR",
        "strF1",
        "relP",
        "relR",
        "relF1",
        "typeA",
        "valA",
        "valF1"
    );
    for (c, p, t, k) in &rows {
        let m = k.metrics();
        println!(
            "{:<13} {:<5} {:<9} {:>5} {:>5} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} | {:>7.3}",
            c, p, t, k.gold, k.sys, m["strict_p"], m["strict_r"], m["strict_f1"], m["relaxed_p"],
            m["relaxed_r"], m["relaxed_f1"], m["type_acc"], m["value_acc"], m["value_f1"]
        );
    }
    println!(
        "{} files, {:.1} KB of text, tagging+scoring {:.3}s",
        files.len(),
        bytes as f64 / 1024.0,
        elapsed
    );
}

/// `--rules`: for each rule, per part, how many expressions it read, how many of them a
/// gold expression overlaps, and how many of those have the gold value (counts only).
fn print_rule_tally(t: &BTreeMap<(String, Part), RuleTally>) {
    let parts: Vec<&(String, Part)> = t.keys().collect();
    let mut rules: Vec<&'static str> = t.values().flat_map(|r| r.keys().copied()).collect();
    rules.sort();
    rules.dedup();
    print!("{:<34}", "rule (read / matched / right value)");
    for (c, p) in &parts {
        print!(" {:>16}", format!("{} {}", &c[..c.len().min(8)], p.name()));
    }
    println!();
    for r in rules {
        print!("{r:<34}");
        for p in &parts {
            let [n, m, ok] = t[*p].get(r).copied().unwrap_or_default();
            print!(" {:>16}", format!("{n}/{m}/{ok}"));
        }
        println!();
    }
}
