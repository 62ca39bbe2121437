//! What the user is looking at in one corpus, kept between sessions: the time range, the
//! lanes (order, hidden, colours), the filters (country, text, top N, pinned only) and the
//! pinned events, plus any number of named views (`dateline render --view NAME` reads them).
//!
//! Plain data with serde and pure functions, so the GUI and the CLI share it and tests need
//! no window. A store is one JSON file per corpus in the data directory, named by a hash of
//! the corpus's paths (never written into the corpus folder), written atomically. Pins are
//! keyed like corrections (article content hash + the date phrase's byte range), so they
//! survive reloads, renames and re-clustering.

use crate::corrections::event_key;
use crate::model::{Corpus, CountryCode, EventId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A pinned event: its article's content hash and its key within the article.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PinKey {
    pub article: String,
    pub event: String,
}

impl PinKey {
    /// The key of event `id`, if it exists.
    pub fn of(corpus: &Corpus, id: EventId) -> Option<PinKey> {
        let e = corpus.events.get(id as usize)?;
        let a = corpus.articles.get(e.article as usize)?;
        Some(PinKey {
            article: a.content_hash.clone(),
            event: event_key(e),
        })
    }
}

/// Filters shared by the toolbar, the timeline and the event list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Only this country's lane (and its events in the list).
    pub country: Option<CountryCode>,
    /// Sentence or title contains this (case-insensitive); the list only.
    pub text: String,
    /// Only the N most salient happenings, on the timeline and in the list.
    pub top_n: Option<usize>,
    /// Only pinned happenings, on the timeline and in the list.
    pub pinned_only: bool,
    /// Only events whose date overlaps these days (inclusive), in the list: a bar clicked
    /// in the coverage chart.
    pub period: Option<(NaiveDate, NaiveDate)>,
}

impl Filter {
    /// True when the timeline shows a subset of the visible events (not just of lanes).
    pub fn masks_events(&self) -> bool {
        self.top_n.is_some() || self.pinned_only
    }
}

/// The lanes as the user arranged them. Countries not named here keep the timeline's order
/// (most events first) after the ones the user moved.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LanePrefs {
    /// Countries in the order the user put them.
    pub order: Vec<CountryCode>,
    pub hidden: BTreeSet<CountryCode>,
    /// sRGB colours chosen by the user.
    pub colours: BTreeMap<CountryCode, [u8; 3]>,
}

impl LanePrefs {
    /// `natural` (the timeline's order) rearranged by the user's order: named countries
    /// first in that order, the rest after in natural order. Hidden ones are kept.
    pub fn arrange(&self, natural: &[CountryCode]) -> Vec<CountryCode> {
        let mut out: Vec<CountryCode> = self
            .order
            .iter()
            .copied()
            .filter(|c| natural.contains(c))
            .collect();
        out.extend(natural.iter().copied().filter(|c| !self.order.contains(c)));
        out
    }

    /// Moves `code` by `delta` places within the arranged order of `natural`.
    pub fn move_lane(&mut self, natural: &[CountryCode], code: CountryCode, delta: i32) {
        let mut order = self.arrange(natural);
        let Some(i) = order.iter().position(|c| *c == code) else {
            return;
        };
        let j = (i as i64 + i64::from(delta)).clamp(0, order.len() as i64 - 1) as usize;
        let c = order.remove(i);
        order.insert(j, c);
        // Keep countries absent from this corpus where they were, after the present ones.
        let absent: Vec<CountryCode> = self
            .order
            .iter()
            .copied()
            .filter(|c| !natural.contains(c))
            .collect();
        order.extend(absent);
        self.order = order;
    }

    pub fn set_hidden(&mut self, code: CountryCode, hidden: bool) {
        if hidden {
            self.hidden.insert(code);
        } else {
            self.hidden.remove(&code);
        }
    }
}

/// One view of a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct View {
    /// First and last day shown (inclusive); `None` = fit.
    pub range: Option<(NaiveDate, NaiveDate)>,
    pub lanes: LanePrefs,
    pub filter: Filter,
    pub pins: BTreeSet<PinKey>,
}

impl View {
    pub fn is_pinned(&self, corpus: &Corpus, id: EventId) -> bool {
        !self.pins.is_empty() && PinKey::of(corpus, id).is_some_and(|k| self.pins.contains(&k))
    }

    /// Pins event `id`, or unpins it if it was pinned. Returns whether it is now pinned.
    pub fn toggle_pin(&mut self, corpus: &Corpus, id: EventId) -> bool {
        let Some(k) = PinKey::of(corpus, id) else {
            return false;
        };
        if self.pins.remove(&k) {
            false
        } else {
            self.pins.insert(k);
            true
        }
    }

    /// Which events pass the top-N and pinned-only filters (`None` when neither is on).
    /// Both work on happenings: an event passes when its cluster is among the N most
    /// salient, and (pinned only) when any member of its cluster is pinned.
    pub fn event_mask(&self, corpus: &Corpus) -> Option<Vec<bool>> {
        if !self.filter.masks_events() {
            return None;
        }
        let mut keep = vec![true; corpus.events.len()];
        if let Some(n) = self.filter.top_n {
            let top = top_happenings(corpus, n);
            for (i, k) in keep.iter_mut().enumerate() {
                *k = top.contains(&happening_of(corpus, i));
            }
        }
        if self.filter.pinned_only {
            // Pins by article hash, so that only events of articles with pins build a key.
            let mut by_article: std::collections::HashMap<&str, Vec<&str>> =
                std::collections::HashMap::new();
            for p in &self.pins {
                by_article.entry(&p.article).or_default().push(&p.event);
            }
            let mut pinned: BTreeSet<Happening> = BTreeSet::new();
            for (i, e) in corpus.events.iter().enumerate() {
                let Some(a) = corpus.articles.get(e.article as usize) else {
                    continue;
                };
                if let Some(keys) = by_article.get(a.content_hash.as_str()) {
                    if keys.contains(&event_key(e).as_str()) {
                        pinned.insert(happening_of(corpus, i));
                    }
                }
            }
            for (i, k) in keep.iter_mut().enumerate() {
                *k = *k && pinned.contains(&happening_of(corpus, i));
            }
        }
        Some(keep)
    }
}

/// A happening: a cluster, or a lone event outside any cluster.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Happening {
    Cluster(u32),
    Event(usize),
}

/// The happening event `i` belongs to.
fn happening_of(corpus: &Corpus, i: usize) -> Happening {
    match corpus.events.get(i) {
        Some(e) if (e.cluster as usize) < corpus.clusters.len() => Happening::Cluster(e.cluster),
        _ => Happening::Event(i),
    }
}

/// The `n` most salient happenings among visible events: by salience, then by how many
/// articles report them, then by earliest event (stable for equal scores).
fn top_happenings(corpus: &Corpus, n: usize) -> std::collections::HashSet<Happening> {
    // (salience, sources, first event index) per happening.
    let mut best: std::collections::HashMap<Happening, (f32, usize, usize)> =
        std::collections::HashMap::new();
    for (i, e) in corpus.events.iter().enumerate() {
        if e.hidden {
            continue;
        }
        let h = happening_of(corpus, i);
        let (sal, sources) = match h {
            Happening::Cluster(c) => {
                let c = &corpus.clusters[c as usize];
                (c.salience.max(e.salience), c.sources)
            }
            Happening::Event(_) => (e.salience, 1),
        };
        best.entry(h)
            .and_modify(|v| v.0 = v.0.max(sal))
            .or_insert((sal, sources, i));
    }
    let mut all: Vec<(Happening, (f32, usize, usize))> = best.into_iter().collect();
    let rank = |a: &(Happening, (f32, usize, usize)), b: &(Happening, (f32, usize, usize))| {
        b.1 .0
            .total_cmp(&a.1 .0)
            .then(b.1 .1.cmp(&a.1 .1))
            .then(a.1 .2.cmp(&b.1 .2))
    };
    if n < all.len() {
        all.select_nth_unstable_by(n, rank);
        all.truncate(n);
    }
    all.into_iter().map(|(h, _)| h).collect()
}

/// Countries in the timeline's natural lane order: most happenings first (a happening
/// counts once per country it involves), then by code. Hidden events do not count.
pub fn natural_lane_order(corpus: &Corpus) -> Vec<CountryCode> {
    // Counted in a table of every two-byte code, a happening's countries told apart by
    // stamping each with the last happening that counted it: an increment per country of
    // a million events, no hash, copy or sort of them.
    let slot = |c: &CountryCode| usize::from(u16::from_be_bytes(c.0));
    let mut counts = vec![0usize; 1 << 16];
    let mut stamp = vec![usize::MAX; 1 << 16];
    for (k, c) in corpus.clusters.iter().enumerate() {
        for &m in &c.events {
            if let Some(e) = corpus.events.get(m as usize).filter(|e| !e.hidden) {
                for code in &e.countries {
                    if stamp[slot(code)] != k {
                        stamp[slot(code)] = k;
                        counts[slot(code)] += 1;
                    }
                }
            }
        }
    }
    for e in &corpus.events {
        if !e.hidden && (e.cluster as usize) >= corpus.clusters.len() {
            for code in &e.countries {
                counts[slot(code)] += 1;
            }
        }
    }
    let mut order: Vec<(CountryCode, usize)> = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(s, &n)| (CountryCode((s as u16).to_be_bytes()), n))
        .collect();
    order.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
    order.into_iter().map(|(c, _)| c).collect()
}

/// What a view says about a rendered chart: its range, its lanes (the country filter, or
/// the user's order without hidden lanes when they rearranged them) and its top N. Pins
/// and the text search are the window's; a render draws every happening of the top N.
pub fn fill_chart_spec(view: &View, corpus: &Corpus, spec: &mut crate::render::ChartSpec) {
    if let Some((a, b)) = view.range {
        spec.from = Some(a);
        spec.to = Some(b);
    }
    if let Some(c) = view.filter.country {
        spec.countries = Some(vec![c]);
    } else if !view.lanes.order.is_empty() || !view.lanes.hidden.is_empty() {
        let lanes: Vec<CountryCode> = view
            .lanes
            .arrange(&natural_lane_order(corpus))
            .into_iter()
            .filter(|c| !view.lanes.hidden.contains(c))
            .take(spec.max_lanes)
            .collect();
        spec.countries = Some(lanes);
    }
    if view.filter.top_n.is_some() {
        spec.top = view.filter.top_n;
    }
}

/// Every view of one corpus: the one in use and the named ones.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewStore {
    pub version: u32,
    /// The corpus's paths, for people reading the file.
    pub paths: Vec<String>,
    pub current: View,
    pub named: BTreeMap<String, View>,
}

/// A view store that could not be read: why, and where the damaged file was put.
#[derive(Debug)]
pub struct ViewStoreError(pub String);

impl std::fmt::Display for ViewStoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl ViewStore {
    /// The folder views are kept in: `<data dir>/views`.
    pub fn default_dir() -> Option<PathBuf> {
        crate::paths::data_dir().map(|d| d.join("views"))
    }

    /// The store file of the corpus made of `paths`, in `dir`. The name is a hash of the
    /// absolute paths in sorted order, so the same folders give the same file whatever
    /// order they were opened in.
    pub fn path_for(dir: &Path, paths: &[PathBuf]) -> PathBuf {
        dir.join(format!("{}.json", corpus_key(paths)))
    }

    /// Reads a store; a missing file is an empty store. A damaged one is set aside
    /// (renamed `*.corrupt-<time>`) and reported, and an empty store returned.
    pub fn load(path: &Path) -> (ViewStore, Option<ViewStoreError>) {
        match crate::store_file::read_json::<ViewStore>(path, "saved views store") {
            Ok(store) => (store.unwrap_or_default(), None),
            Err(msg) => (ViewStore::default(), Some(ViewStoreError(msg))),
        }
    }

    /// Writes the store atomically: a temp file in the same folder, fsync, rename.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut store = self.clone();
        store.version = 1;
        let json = serde_json::to_vec_pretty(&store).map_err(std::io::Error::other)?;
        crate::store_file::write_atomic(path, &json)
    }

    /// A named view, for `dateline render --view NAME`.
    pub fn named(&self, name: &str) -> Option<&View> {
        self.named.get(name)
    }
}

/// Hash of the absolute, sorted corpus paths (hex, 16 bytes).
pub fn corpus_key(paths: &[PathBuf]) -> String {
    let mut abs: Vec<String> = paths
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    abs.sort();
    abs.dedup();
    let mut h = blake3::Hasher::new();
    for p in &abs {
        h.update(p.as_bytes());
        h.update(b"\0");
    }
    h.finalize().to_hex()[..32].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, Cluster, DateSpan, Event};

    fn cc(s: &str) -> CountryCode {
        CountryCode::parse(s).unwrap()
    }

    fn corpus(saliences: &[f32]) -> Corpus {
        let d = NaiveDate::from_ymd_opt(2023, 9, 12).unwrap();
        let events: Vec<Event> = saliences
            .iter()
            .enumerate()
            .map(|(i, &s)| Event {
                sentence: 0..1,
                date_range: i..i + 1,
                cluster: i as u32,
                salience: s,
                ..Event::for_test(0, DateSpan::day(d), &["JP"])
            })
            .collect();
        let clusters = saliences
            .iter()
            .enumerate()
            .map(|(i, &s)| Cluster {
                id: i as u32,
                events: vec![i as u32],
                sources: 1,
                salience: s,
                ..Default::default()
            })
            .collect();
        Corpus {
            articles: vec![Article {
                content_hash: "h".into(),
                text: "abcdefgh".into(),
                ..Default::default()
            }],
            events,
            clusters,
            problems: vec![],
            copy_free: Default::default(),
        }
    }

    #[test]
    fn top_n_keeps_the_most_salient_happenings() {
        let c = corpus(&[0.1, 0.9, 0.5, 0.7]);
        let mut v = View::default();
        assert!(v.event_mask(&c).is_none());
        v.filter.top_n = Some(2);
        assert_eq!(v.event_mask(&c).unwrap(), vec![false, true, false, true]);
        v.filter.top_n = Some(10);
        assert_eq!(v.event_mask(&c).unwrap(), vec![true; 4]);
    }

    #[test]
    fn pinned_only_keeps_pinned_happenings_and_pins_toggle() {
        let c = corpus(&[0.1, 0.9, 0.5]);
        let mut v = View::default();
        assert!(v.toggle_pin(&c, 2));
        assert!(v.is_pinned(&c, 2) && !v.is_pinned(&c, 1));
        v.filter.pinned_only = true;
        assert_eq!(v.event_mask(&c).unwrap(), vec![false, false, true]);
        // With top 1 as well, nothing pinned is in the top: nothing left.
        v.filter.top_n = Some(1);
        assert_eq!(v.event_mask(&c).unwrap(), vec![false, false, false]);
        assert!(!v.toggle_pin(&c, 2));
        assert!(v.pins.is_empty());
    }

    #[test]
    fn lanes_move_hide_and_keep_unknown_countries_after() {
        let natural = [cc("JP"), cc("KR"), cc("US")];
        let mut p = LanePrefs::default();
        assert_eq!(p.arrange(&natural), natural.to_vec());
        p.move_lane(&natural, cc("US"), -2);
        assert_eq!(p.arrange(&natural), vec![cc("US"), cc("JP"), cc("KR")]);
        p.move_lane(&natural, cc("US"), 5);
        assert_eq!(p.arrange(&natural), vec![cc("JP"), cc("KR"), cc("US")]);
        // A country of another corpus keeps its place in the stored order.
        p.order.push(cc("FR"));
        p.move_lane(&natural, cc("KR"), -1);
        assert_eq!(p.order, vec![cc("KR"), cc("JP"), cc("US"), cc("FR")]);
        assert_eq!(p.arrange(&natural), vec![cc("KR"), cc("JP"), cc("US")]);
        p.set_hidden(cc("JP"), true);
        assert!(p.hidden.contains(&cc("JP")));
        p.set_hidden(cc("JP"), false);
        assert!(p.hidden.is_empty());
    }

    #[test]
    fn store_round_trips_atomically_and_sets_damaged_files_aside() {
        let dir = tempfile::tempdir().unwrap();
        let corpus_dir = tempfile::tempdir().unwrap();
        let path = ViewStore::path_for(dir.path(), &[corpus_dir.path().to_path_buf()]);
        assert!(path.starts_with(dir.path()));
        assert!(!path.starts_with(corpus_dir.path()));
        let mut s = ViewStore::default();
        s.current.filter.top_n = Some(5);
        s.current.lanes.colours.insert(cc("JP"), [1, 2, 3]);
        s.current.range =
            NaiveDate::from_ymd_opt(2023, 1, 1).zip(NaiveDate::from_ymd_opt(2023, 12, 31));
        s.named.insert("briefing".into(), s.current.clone());
        s.save(&path).unwrap();
        let (back, err) = ViewStore::load(&path);
        assert!(err.is_none());
        assert_eq!(back.current, s.current);
        assert_eq!(back.named("briefing"), Some(&s.current));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        std::fs::write(&path, "{ not json").unwrap();
        let (back, err) = ViewStore::load(&path);
        assert_eq!(back, ViewStore::default());
        assert!(err.unwrap().0.contains("damaged"));
        assert!(!path.exists(), "the damaged file is set aside");
    }

    #[test]
    fn corpus_key_ignores_path_order() {
        let (a, b) = (PathBuf::from("/x/a"), PathBuf::from("/x/b"));
        assert_eq!(
            corpus_key(&[a.clone(), b.clone()]),
            corpus_key(&[b.clone(), a.clone()])
        );
        assert_ne!(corpus_key(&[a]), corpus_key(&[b]));
    }

    #[test]
    fn lanes_follow_happenings_counted_once_per_country() {
        // Happening 0: JP and KR, reported three times (JP twice in one report); happening
        // 1: KR alone; happening 2: FR, its only event hidden; two lone events outside any
        // cluster name FR and KR.
        let mut c = corpus(&[0.0; 7]);
        let codes: [&[&str]; 7] = [
            &["JP", "KR"],
            &["JP", "JP"],
            &["KR"],
            &["KR"],
            &["FR"],
            &["FR"],
            &["KR"],
        ];
        for (e, cs) in c.events.iter_mut().zip(codes) {
            e.countries = cs.iter().map(|s| cc(s)).collect();
        }
        c.events[4].hidden = true;
        c.clusters.truncate(3);
        c.clusters[0].events = vec![0, 1, 2];
        c.clusters[1].events = vec![3];
        c.clusters[2].events = vec![4];
        for (i, e) in c.events.iter_mut().enumerate() {
            e.cluster = match i {
                0..=2 => 0,
                3 => 1,
                4 => 2,
                _ => 9,
            };
        }
        // KR: happenings 0 and 1 and a lone event (3); JP: happening 0 (1); FR: a lone
        // event (1, the hidden one not counted); ties by code.
        assert_eq!(natural_lane_order(&c), vec![cc("KR"), cc("FR"), cc("JP")]);
        c.events[5].hidden = true;
        assert_eq!(natural_lane_order(&c), vec![cc("KR"), cc("JP")]);
    }
}
