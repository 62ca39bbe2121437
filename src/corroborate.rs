//! Corroboration: groups events from different articles (or repeated within one) that report
//! the same happening, so the timeline can draw one mark with "3 sources" instead of three.
//!
//! Whether two events are the same happening is decided by one predicate,
//! [`predicate::same_happening`] (shared country, compatible dates, similar wording). This
//! module decides which pairs to ask about, in time linear in the number of events:
//!
//! 1. Wording is read once per sentence, not per event, and sentences with the same content
//!    (the same wire story in many papers) share one fingerprint.
//! 2. Events the predicate cannot tell apart (same wording, dates and countries, as
//!    syndicated copies are) form one *unit* and are joined at once: N copies cost one
//!    comparison each, not N² of them.
//! 3. Units are swept in (country, start date) order, each compared with the following units
//!    of a shared country whose start is within its reach ([`predicate::Facts::reach`]), at
//!    most [`MAX_COMPARISONS`] per country and [`MAX_COMPARISONS_PER_UNIT`] in all, and a pair
//!    only under the first country it shares. This bounds the cost of dense days and of
//!    "sentences" naming dozens of countries (table dumps).
//!
//! Matching pairs are joined with union-find, refusing a union that would spread a cluster's
//! dates more than [`DATE_TOLERANCE_DAYS`] between its latest start and earliest end, or that
//! would put a statement and a happening's act in one cluster ([`predicate::Kinds`]): the
//! predicate keeps them apart pair by pair, and this keeps a chain of pairs from joining them
//! (a court day's sentences, then one with no act word, then a relative's statement that
//! evening).

mod acts;
mod memo;
mod predicate;
mod update;

pub use predicate::{
    COARSE_DAYS, DATE_TOLERANCE_DAYS, MIN_SHARED, MIN_SIMILARITY, SAME_ACT_MIN_SIMILARITY,
};

use crate::model::{Article, ArticleId, Cluster, CountryCode, Event};
pub(crate) use memo::remember_wording;
use predicate::{same_happening, Facts, Kinds, Signature};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
pub(crate) use update::{events_now, recluster, Previous};

/// Cap on comparisons per unit per country in the sweep (bounds the cost of dense days).
pub const MAX_COMPARISONS: usize = 400;
/// Cap on comparisons per unit over all its countries (bounds the cost of a "sentence" that
/// names dozens of countries; at most four countries get the full per-country cap).
pub const MAX_COMPARISONS_PER_UNIT: usize = 4 * MAX_COMPARISONS;

/// Events the predicate cannot tell apart: same wording, facts and countries.
struct Unit {
    facts: Facts,
    content: u32,
    countries: Vec<CountryCode>,
    /// The sentence all members share, if they do (`None`: members from several).
    sentence: Option<u32>,
    /// Event ids, ascending.
    members: Vec<u32>,
}

/// Groups events that report the same happening; sets each event's `cluster` field and
/// returns the clusters (ids 0..n in order of their first event, every event in exactly one
/// cluster, singletons included). Hidden events stay in their own singleton clusters.
pub fn cluster(events: &mut [Event], articles: &[Article]) -> Vec<Cluster> {
    // 1. Sentences, and their content once per distinct wording.
    let mut sentence_ids: HashMap<(u32, usize, usize), u32> = HashMap::new();
    let mut sentences: Vec<(u32, std::ops::Range<usize>)> = Vec::new();
    let sentence_of: Vec<u32> = events
        .iter()
        .map(|e| {
            let key = (e.article, e.sentence.start, e.sentence.end);
            *sentence_ids.entry(key).or_insert_with(|| {
                sentences.push((e.article, e.sentence.clone()));
                sentences.len() as u32 - 1
            })
        })
        .collect();
    drop(sentence_ids);
    // A signature is a function of the text alone: read once per distinct text (copies of
    // a syndicated story repeat their sentences), in order of first appearance.
    let mut text_ids: HashMap<&str, u32> = HashMap::new();
    let mut texts: Vec<&str> = Vec::new();
    let text_of_sentence: Vec<u32> = sentences
        .iter()
        .map(|(a, r)| {
            let text = articles
                .get(*a as usize)
                .and_then(|a| a.text.get(r.clone()))
                .unwrap_or("");
            *text_ids.entry(text).or_insert_with(|| {
                texts.push(text);
                texts.len() as u32 - 1
            })
        })
        .collect();
    drop(text_ids);
    let sigs: Vec<Signature> = texts.par_iter().map(|t| Signature::of(t)).collect();
    let mut content_ids: HashMap<&[u64], u32> = HashMap::new();
    let mut contents: Vec<&Signature> = Vec::new();
    let content_of_text: Vec<u32> = sigs
        .iter()
        .map(|s| {
            *content_ids.entry(s.stems.as_slice()).or_insert_with(|| {
                contents.push(s);
                contents.len() as u32 - 1
            })
        })
        .collect();
    let content_of_sentence: Vec<u32> = text_of_sentence
        .iter()
        .map(|&t| content_of_text[t as usize])
        .collect();

    // 2. Units of indistinguishable visible events.
    let facts = facts_of(articles, events);
    let mut unit_ids: HashMap<(u32, Facts, &[CountryCode]), u32> = HashMap::new();
    let mut units: Vec<Unit> = Vec::new();
    for (i, e) in events.iter().enumerate() {
        if e.hidden {
            continue;
        }
        let sentence = sentence_of[i];
        let content = content_of_sentence[sentence as usize];
        let id = *unit_ids
            .entry((content, facts[i], e.countries.as_slice()))
            .or_insert_with(|| {
                units.push(Unit {
                    facts: facts[i],
                    content,
                    countries: e.countries.to_vec(),
                    sentence: Some(sentence),
                    members: Vec::new(),
                });
                units.len() as u32 - 1
            });
        let u = &mut units[id as usize];
        if u.sentence != Some(sentence) {
            u.sentence = None;
        }
        u.members.push(i as u32);
    }
    drop(unit_ids);

    // 3. The sweep: (country key, start, end, unit) for every unit and each of its countries.
    let mut keyed: Vec<(u16, i32, i32, u32)> = Vec::with_capacity(units.len());
    for (i, u) in units.iter().enumerate() {
        let (s, t) = (u.facts.start, u.facts.end);
        if u.countries.is_empty() {
            keyed.push((u16::MAX, s, t, i as u32));
        }
        for c in &u.countries {
            keyed.push((country_key(*c), s, t, i as u32));
        }
    }
    keyed.sort_unstable();
    let days: Vec<(i32, i32)> = facts.iter().map(|f| (f.start, f.end)).collect();
    let kinds: Vec<Kinds> = facts.iter().map(|f| Kinds::of(*f)).collect();
    let mut uf = UnionFind::new(&days, &kinds);
    for u in &units {
        // Members are indistinguishable, so the predicate holds between any two of them
        // when it holds for a sentence with itself (one with too few content words does not
        // even match itself).
        if contents[u.content as usize].stems.len() >= MIN_SHARED {
            for &m in &u.members[1..] {
                uf.union_within(u.members[0] as usize, m as usize, DATE_TOLERANCE_DAYS);
            }
        }
    }
    // One pass in sweep order; a pair already in one cluster is not compared again, which
    // in dense stretches of similar text saves nearly every comparison.
    for a in 0..keyed.len() {
        let (key, _, _, ai) = keyed[a];
        let ua = &units[ai as usize];
        let limit = ua.facts.reach();
        let budget = MAX_COMPARISONS.min(MAX_COMPARISONS_PER_UNIT / ua.countries.len().max(1));
        let rep_a = ua.members[0] as usize;
        for &(bkey, b_start, _, bi) in keyed[a + 1..].iter().take(budget) {
            if bkey != key || b_start > limit {
                break;
            }
            let ub = &units[bi as usize];
            let rep_b = ub.members[0] as usize;
            if uf.find(rep_a) == uf.find(rep_b) {
                continue;
            }
            // A pair sharing several countries is compared under the first only.
            if ua.countries.len() > 1
                && ub.countries.len() > 1
                && shares_before(&ua.countries, &ub.countries, key)
            {
                continue;
            }
            let same_sentence = ua.sentence.is_some() && ua.sentence == ub.sentence;
            if same_happening(
                ua.facts,
                ub.facts,
                contents[ua.content as usize],
                contents[ub.content as usize],
                same_sentence,
            ) {
                uf.union_within(rep_a, rep_b, DATE_TOLERANCE_DAYS);
            }
        }
    }

    collect(events, &mut uf, &days)
}

/// The clusters of a finished union-find: members per root, clusters ordered by their first
/// event, each event's `cluster` set.
fn collect(events: &mut [Event], uf: &mut UnionFind, days: &[(i32, i32)]) -> Vec<Cluster> {
    let n = events.len();
    // Members per root, clusters ordered by their first event.
    let mut cluster_of_root = vec![u32::MAX; n];
    let mut members: Vec<Vec<u32>> = Vec::new();
    for i in 0..n {
        let r = uf.find(i);
        if cluster_of_root[r] == u32::MAX {
            cluster_of_root[r] = members.len() as u32;
            members.push(Vec::new());
        }
        members[cluster_of_root[r] as usize].push(i as u32);
    }
    let mut clusters = Vec::with_capacity(members.len());
    for (id, ids) in members.into_iter().enumerate() {
        let mut c = form(ids, events, days);
        c.id = id as u32;
        for &i in &c.events {
            events[i as usize].cluster = id as u32;
        }
        clusters.push(c);
    }
    clusters
}

/// A cluster of the events `ids` (any order): representative first, countries, sources and
/// whether they disagree on the date. Its id and its members' `cluster` are left to the
/// caller.
fn form(mut ids: Vec<u32>, events: &[Event], days: &[(i32, i32)]) -> Cluster {
    // Representative first: highest confidence, then narrowest span, then file order.
    ids.sort_by(|&x, &y| {
        let (ex, ey) = (&events[x as usize], &events[y as usize]);
        ey.confidence
            .total_cmp(&ex.confidence)
            .then(ex.span.days().cmp(&ey.span.days()))
            .then(x.cmp(&y))
    });
    let mut countries: Vec<CountryCode> = ids
        .iter()
        .flat_map(|&i| events[i as usize].countries.iter().copied())
        .collect();
    countries.sort_unstable();
    countries.dedup();
    let (sources, conflicting_dates) = sources_of(&ids, events, days);
    Cluster {
        id: 0,
        sources,
        countries,
        conflicting_dates,
        events: ids,
        ..Default::default()
    }
}

/// How many articles report a cluster, and do they give its happening different dates?
/// Each article says what its most confident member says (`ids` sorted best first): an
/// article that also repeats the happening less surely ("“the treaty we signed today”,
/// Putin said", the speaker's day and not the writer's) is still one source with one date,
/// so the two readings of one article never make the cluster's sources disagree.
fn sources_of(ids: &[u32], events: &[Event], days: &[(i32, i32)]) -> (usize, bool) {
    if ids.len() < 2 {
        return (ids.len(), false);
    }
    let mut seen: HashSet<ArticleId> = HashSet::with_capacity(ids.len());
    let (mut latest_start, mut earliest_end) = (i32::MIN, i32::MAX);
    for &i in ids {
        if !seen.insert(events[i as usize].article) {
            continue;
        }
        let (start, end) = days[i as usize];
        latest_start = latest_start.max(start);
        earliest_end = earliest_end.min(end);
    }
    (seen.len(), latest_start > earliest_end)
}

fn country_key(c: CountryCode) -> u16 {
    u16::from_be_bytes(c.0)
}

/// Do two sorted lists share a country whose key comes before `key`?
fn shares_before(a: &[CountryCode], b: &[CountryCode], key: u16) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() && country_key(a[i]) < key && country_key(b[j]) < key {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Union-find over events that also tracks each set's latest start and earliest end, so a
/// union that would spread a cluster's dates too far can be refused, and the kinds of act its
/// members report, so a union that would mix a statement with a happening can be refused.
struct UnionFind {
    parent: Vec<u32>,
    size: Vec<u32>,
    latest_start: Vec<i32>,
    earliest_end: Vec<i32>,
    kinds: Vec<Kinds>,
}

impl UnionFind {
    fn new(days: &[(i32, i32)], kinds: &[Kinds]) -> Self {
        UnionFind {
            parent: (0..days.len() as u32).collect(),
            size: vec![1; days.len()],
            latest_start: days.iter().map(|d| d.0).collect(),
            earliest_end: days.iter().map(|d| d.1).collect(),
            kinds: kinds.to_vec(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] as usize != x {
            let grand = self.parent[self.parent[x] as usize];
            self.parent[x] = grand;
            x = grand as usize;
        }
        x
    }

    /// Joins the sets of `a` and `b` unless the merged set's latest start would come more
    /// than `tolerance` days after its earliest end, or it would hold both a statement and a
    /// happening's act.
    fn union_within(&mut self, a: usize, b: usize, tolerance: i32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let latest = self.latest_start[ra].max(self.latest_start[rb]);
        let earliest = self.earliest_end[ra].min(self.earliest_end[rb]);
        let Some(kinds) = self.kinds[ra].join(self.kinds[rb]) else {
            return;
        };
        if latest - earliest > tolerance {
            return;
        }
        let (big, small) = if self.size[ra] >= self.size[rb] {
            (ra, rb)
        } else {
            (rb, ra)
        };
        self.parent[small] = big as u32;
        self.size[big] += self.size[small];
        self.latest_start[big] = latest;
        self.earliest_end[big] = earliest;
        self.kinds[big] = kinds;
    }
}

/// Each event's facts. The act, the costly part, is a function of the sentence's words and
/// the date's place in it alone, so syndicated copies of a sentence (equal text, the date
/// at the same offset) read it once: distinct (sentence, date) pairs are listed first.
fn facts_of(articles: &[Article], events: &[Event]) -> Vec<Facts> {
    let sentence = |e: &Event| {
        articles
            .get(e.article as usize)
            .and_then(|a| a.text.get(e.sentence.clone()))
            .unwrap_or("")
    };
    let place = |e: &Event| {
        e.date_range.start.saturating_sub(e.sentence.start)
            ..e.date_range.end.saturating_sub(e.sentence.start)
    };
    let mut ids: HashMap<(&str, usize, usize), u32> = HashMap::new();
    let mut first: Vec<usize> = Vec::new();
    let which: Vec<u32> = events
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let at = place(e);
            *ids.entry((sentence(e), at.start, at.end))
                .or_insert_with(|| {
                    first.push(i);
                    first.len() as u32 - 1
                })
        })
        .collect();
    drop(ids);
    let acts: Vec<_> = first
        .par_iter()
        .map(|&i| Facts::act_of(sentence(&events[i]), place(&events[i])))
        .collect();
    events
        .par_iter()
        .zip(which.par_iter())
        .map(|(e, &w)| Facts::with_act(e, acts[w as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateSource, DateSpan, Precision};
    use chrono::Datelike;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Articles from sentences; events point at whole articles (one sentence each).
    fn articles(texts: &[&str]) -> Vec<Article> {
        texts
            .iter()
            .map(|t| Article {
                text: t.to_string(),
                ..Default::default()
            })
            .collect()
    }

    fn ev(article: u32, text_len: usize, span: DateSpan, countries: &[&str], conf: f32) -> Event {
        Event {
            sentence: 0..text_len,
            confidence: conf,
            cluster: u32::MAX,
            ..Event::for_test(article, span, countries)
        }
    }

    fn day(y: i32, m: u32, dd: u32) -> DateSpan {
        DateSpan::day(d(y, m, dd))
    }

    /// One event per text, all with the same span/countries unless overridden.
    fn setup(
        texts: &[&str],
        spans: &[DateSpan],
        countries: &[&[&str]],
    ) -> (Vec<Event>, Vec<Article>) {
        let arts = articles(texts);
        let events = texts
            .iter()
            .enumerate()
            .map(|(i, t)| ev(i as u32, t.len(), spans[i], countries[i], 0.9))
            .collect();
        (events, arts)
    }

    const MISSILE: [&str; 3] = [
        "North Korea fired a ballistic missile into the East Sea on Tuesday, Seoul's military said.",
        "Pyongyang launched a ballistic missile toward the East Sea on Sept. 12, officials said.",
        "On Tuesday North Korea launched what appeared to be a ballistic missile into the sea.",
    ];

    #[test]
    fn facts_read_once_per_copied_sentence_equal_facts_read_per_event() {
        // Copies of one sentence at different offsets of their articles (a header line
        // before it in one), the date at the same place in each; the same words with the
        // date elsewhere; a different sentence; and events whose date lies outside their
        // sentence.
        let s = "Officials said the envoys signed the accord on Tuesday in Geneva.";
        let t = "On Tuesday officials said the envoys signed the accord in Geneva.";
        let texts = [
            s.to_string(),
            format!("Accord Signed\n{s}"),
            format!("By Staff\n\n{s} More followed."),
            t.to_string(),
            format!("{t} {s}"),
        ];
        let arts: Vec<Article> = texts
            .iter()
            .map(|x| Article {
                text: x.clone(),
                ..Default::default()
            })
            .collect();
        let mut events = Vec::new();
        for (i, a) in arts.iter().enumerate() {
            for (start, pat) in a.text.match_indices(s).chain(a.text.match_indices(t)) {
                let sentence = start..start + pat.len();
                for w in ["Tuesday", "Geneva", "accord"] {
                    let at = start + a.text[sentence.clone()].find(w).unwrap();
                    let mut e = ev(i as u32, 0, day(2024, 3, 5), &["CH"], 0.9);
                    e.sentence = sentence.clone();
                    e.date_range = at..at + w.len();
                    events.push(e);
                }
            }
        }
        let mut odd = ev(0, 10, day(2024, 3, 5), &[], 0.9);
        odd.date_range = 40..200;
        events.push(odd);
        let want: Vec<Facts> = events
            .iter()
            .map(|e| {
                let sentence = arts[e.article as usize]
                    .text
                    .get(e.sentence.clone())
                    .unwrap_or("");
                Facts::of(e, sentence)
            })
            .collect();
        assert_eq!(facts_of(&arts, &events), want);
        assert!(want.iter().any(|f| f.act.is_some()), "some date has an act");
        let acts: std::collections::HashSet<_> = want.iter().map(|f| f.act).collect();
        assert!(
            acts.len() > 1,
            "the dates' places give different acts: {acts:?}"
        );
    }

    fn sets(clusters: &[Cluster]) -> Vec<Vec<u32>> {
        let mut v: Vec<Vec<u32>> = clusters
            .iter()
            .map(|c| {
                let mut e = c.events.clone();
                e.sort();
                e
            })
            .collect();
        v.sort();
        v
    }

    /// Three stories apart in place or time (the missile above; a treaty in Pyongyang nine
    /// months later; a flood elsewhere two days before the missile), two reports each or
    /// more, and a lone report.
    fn three_stories() -> (Vec<Event>, Vec<Article>) {
        let texts = [
            MISSILE[0],
            MISSILE[1],
            MISSILE[2],
            "Russia and North Korea signed a partnership treaty in Pyongyang on Wednesday.",
            "Putin and Kim signed a treaty of comprehensive partnership in Pyongyang on Wednesday.",
            "Floods swept through the city of Derna in Libya on Sunday, killing thousands.",
            "Thousands were killed when floods swept through Derna, Libya, on Sunday.",
            "Libya's parliament met in Benghazi on Sunday to discuss the budget.",
        ];
        let (m, t, f) = (day(2023, 9, 12), day(2024, 6, 19), day(2023, 9, 10));
        setup(
            &texts,
            &[m, m, m, t, t, f, f, f],
            &[
                &["KP", "KR"],
                &["KP"],
                &["KP"],
                &["KP", "RU"],
                &["KP", "RU"],
                &["LY"],
                &["LY"],
                &["LY"],
            ],
        )
    }

    /// The clusters as [`cluster`] makes them, captions aside.
    fn shape(clusters: &[Cluster]) -> Vec<Cluster> {
        clusters
            .iter()
            .map(|c| Cluster {
                caption: String::new(),
                ..c.clone()
            })
            .collect()
    }

    /// `after` reclustered from `before` (events of article `a` now in article
    /// `article_now[a]`): equal to clustering `after` anew, events' cluster ids included;
    /// gives which clusters kept their caption and the captions.
    fn recluster_checked(
        before: &[Event],
        clusters: &[Cluster],
        article_now: &[Option<u32>],
        after: &[Event],
        arts: &[Article],
    ) -> (Vec<bool>, Vec<String>) {
        let now = update::events_now(before, article_now, after);
        let prev = update::Previous {
            events: before,
            clusters,
            now: &now,
        };
        let mut got = after.to_vec();
        let r = update::recluster(&mut got, arts, &prev);
        let mut want = after.to_vec();
        let want_clusters = cluster(&mut want, arts);
        assert_eq!(shape(&r.clusters), shape(&want_clusters));
        assert_eq!(
            got.iter().map(|e| e.cluster).collect::<Vec<_>>(),
            want.iter().map(|e| e.cluster).collect::<Vec<_>>()
        );
        let captions = r.clusters.iter().map(|c| c.caption.clone()).collect();
        (r.caption_kept, captions)
    }

    #[test]
    fn a_local_reclustering_carries_the_clusters_out_of_reach_and_equals_a_full_one() {
        let (mut before, arts) = three_stories();
        let mut clusters = cluster(&mut before, &arts);
        assert_eq!(
            sets(&clusters),
            [vec![0, 1, 2], vec![3, 4], vec![5, 6], vec![7]],
            "the stories as they should group"
        );
        for c in &mut clusters {
            c.caption = format!("caption of {:?}", c.events);
        }
        let same: Vec<Option<u32>> = (0..arts.len() as u32).map(Some).collect();
        // A missile report hidden: its story is clustered again, the others are carried
        // with their captions (the treaty shares a country with it, nine months later).
        let mut after = before.clone();
        after[1].hidden = true;
        let (kept, captions) = recluster_checked(&before, &clusters, &same, &after, &arts);
        assert_eq!(kept, [false, false, true, true, true]);
        assert_eq!(
            &captions[2..],
            ["caption of [3, 4]", "caption of [5, 6]", "caption of [7]"]
        );
        // Undone: the same clusters as before, the missile's made again.
        let mut hidden = after.clone();
        let mut c2 = cluster(&mut hidden, &arts);
        for c in &mut c2 {
            c.caption = format!("caption of {:?}", c.events);
        }
        let (kept, _) = recluster_checked(&hidden, &c2, &same, &before, &arts);
        assert_eq!(kept, [false, true, true, true]);
        // A flood report's date moved a day: its two reports (firm dates) no longer agree,
        // so the flood is two clusters (a change at two places of so small a corpus is
        // clustered from scratch: equal all the same).
        let mut moved = before.clone();
        moved[6].span = day(2023, 9, 11);
        let (kept, _) = recluster_checked(&before, &clusters, &same, &moved, &arts);
        assert_eq!(kept.len(), 5);
        // Articles whose order changed (two of them swapped): still the clusters a full
        // clustering makes.
        let mut swapped_arts = arts.clone();
        swapped_arts.swap(3, 4);
        let mut swapped = before.clone();
        swapped.swap(3, 4);
        swapped[3].article = 3;
        swapped[4].article = 4;
        let mut order = same.clone();
        order.swap(3, 4);
        recluster_checked(&before, &clusters, &order, &swapped, &swapped_arts);
    }

    #[test]
    fn same_happening_in_three_articles_is_one_cluster() {
        let s = day(2023, 9, 12);
        let (mut events, arts) = setup(&MISSILE, &[s, s, s], &[&["KP", "KR"], &["KP"], &["KP"]]);
        events[1].confidence = 0.95;
        let clusters = cluster(&mut events, &arts);
        assert_eq!(clusters.len(), 1);
        let c = &clusters[0];
        assert_eq!(c.sources, 3);
        assert_eq!(c.events[0], 1, "highest confidence first");
        assert!(!c.conflicting_dates);
        assert_eq!(c.countries.len(), 2);
        assert!(events.iter().all(|e| e.cluster == 0));
    }

    #[test]
    fn same_date_and_country_but_unrelated_wording_stays_apart() {
        let texts = [
            MISSILE[0],
            "North Korea's football team beat Japan 2-1 in a friendly match on Tuesday.",
            "Prices of rice rose sharply in North Korea on Tuesday amid a poor harvest.",
        ];
        let s = day(2023, 9, 12);
        let (mut events, arts) = setup(&texts, &[s, s, s], &[&["KP"], &["KP"], &["KP"]]);
        let clusters = cluster(&mut events, &arts);
        assert_eq!(clusters.len(), 3);
        assert_eq!(clusters.iter().map(|c| c.id).collect::<Vec<_>>(), [0, 1, 2]);
        assert!(clusters
            .iter()
            .all(|c| c.sources == 1 && c.events.len() == 1));
    }

    #[test]
    fn different_countries_stay_apart() {
        let texts = [
            "Japan's central bank raised interest rates by a quarter point on Tuesday.",
            "Brazil's central bank raised interest rates by a quarter point on Tuesday.",
        ];
        let s = day(2024, 3, 19);
        let (mut events, arts) = setup(&texts, &[s, s], &[&["JP"], &["BR"]]);
        assert_eq!(cluster(&mut events, &arts).len(), 2);
        assert_ne!(events[0].cluster, events[1].cluster);
    }

    #[test]
    fn near_dates_merge_only_when_uncertain_and_are_flagged() {
        let (mut events, arts) = setup(
            &MISSILE[..2],
            &[day(2023, 9, 12), day(2023, 9, 13)],
            &[&["KP"], &["KP"]],
        );
        // Both firm and one day apart: two different reports.
        assert_eq!(cluster(&mut events, &arts).len(), 2);
        // One of them hangs on a guessed publication date: same happening, dates conflict.
        events[1].date_source = DateSource::PublicationDateInferred;
        let clusters = cluster(&mut events, &arts);
        assert_eq!(clusters.len(), 1);
        assert!(clusters[0].conflicting_dates);
        assert_eq!(
            clusters[0].events[0], 0,
            "the firm date represents the cluster"
        );
        // Too far apart even for an uncertain date.
        events[1].span = day(2023, 9, 20);
        assert_eq!(cluster(&mut events, &arts).len(), 2);
    }

    #[test]
    fn one_article_read_two_ways_is_no_disagreement_between_sources() {
        // Article 0 says the treaty was signed on Wednesday and quotes the president's
        // "signed today" (the speaker's day, resolved to the publication day, less sure);
        // article 1 says Wednesday. Ranked best first, as a cluster's members are.
        let (wed, thu) = (day(2024, 6, 19), day(2024, 6, 20));
        let mut events = vec![
            ev(0, 10, wed, &["KP"], 0.85),
            ev(1, 10, wed, &["KP"], 0.85),
            ev(0, 10, thu, &["KP"], 0.51),
        ];
        let days = |events: &[Event]| -> Vec<(i32, i32)> {
            events
                .iter()
                .map(|e| {
                    (
                        e.span.start.num_days_from_ce(),
                        e.span.end.num_days_from_ce(),
                    )
                })
                .collect()
        };
        let ids = [0, 1, 2];
        assert_eq!(sources_of(&ids, &events, &days(&events)), (2, false));
        // The same less sure reading in a third article is a source that disagrees.
        events[2].article = 2;
        assert_eq!(sources_of(&ids, &events, &days(&events)), (3, true));
        // An article whose best reading disagrees disagrees, whatever else it says.
        events[2].article = 1;
        events.swap(1, 2);
        events[1].confidence = 0.9;
        assert_eq!(sources_of(&ids, &events, &days(&events)), (2, true));
        assert_eq!(sources_of(&[0], &events, &days(&events)), (1, false));
    }

    #[test]
    fn overlapping_precisions_merge_without_conflict_and_narrowest_leads() {
        let month = DateSpan {
            start: d(2023, 9, 1),
            end: d(2023, 9, 30),
            precision: Precision::Month,
        };
        let (mut events, arts) = setup(
            &MISSILE[..2],
            &[month, day(2023, 9, 12)],
            &[&["KP"], &["KP"]],
        );
        let clusters = cluster(&mut events, &arts);
        assert_eq!(clusters.len(), 1);
        assert!(!clusters[0].conflicting_dates);
        assert_eq!(
            clusters[0].events[0], 1,
            "equal confidence: the single day leads"
        );
    }

    #[test]
    fn year_spans_group_only_with_the_same_year() {
        let year = DateSpan {
            start: d(2019, 1, 1),
            end: d(2019, 12, 31),
            precision: Precision::Year,
        };
        let (mut events, arts) = setup(
            &MISSILE,
            &[year, day(2019, 5, 3), year],
            &[&["KP"], &["KP"], &["KP"]],
        );
        let clusters = cluster(&mut events, &arts);
        assert_eq!(
            events[0].cluster, events[2].cluster,
            "same year, same wording"
        );
        assert_ne!(
            events[0].cluster, events[1].cluster,
            "a year is not a day within it"
        );
        assert_eq!(clusters.len(), 2);
    }

    #[test]
    fn transitivity_chains_but_not_across_weeks() {
        // A~B and B~C by wording (A and C share little): one cluster.
        let texts = [
            "Russia and North Korea signed a defence pact in Pyongyang.",
            "Putin and Kim signed a defence pact in Pyongyang, pledging mutual military aid.",
            "Putin and Kim pledged mutual military aid against any aggression.",
        ];
        let s = day(2024, 6, 19);
        let (mut events, arts) =
            setup(&texts, &[s, s, s], &[&["RU", "KP"], &["RU", "KP"], &["RU"]]);
        let clusters = cluster(&mut events, &arts);
        assert_eq!(sets(&clusters), vec![vec![0, 1, 2]]);
        assert_eq!(clusters[0].countries.len(), 2);

        // The same wording repeated with uncertain dates 3 days apart each: a chain
        // 19 → 22 → 25 → 28 would drift; the cluster stops spreading at the tolerance.
        let texts = [MISSILE[0], MISSILE[0], MISSILE[0], MISSILE[0]];
        let spans = [
            day(2023, 9, 19),
            day(2023, 9, 22),
            day(2023, 9, 25),
            day(2023, 9, 28),
        ];
        let (mut events, arts) = setup(&texts, &spans, &[&["KP"], &["KP"], &["KP"], &["KP"]]);
        for e in &mut events {
            e.confidence = 0.5;
        }
        let clusters = cluster(&mut events, &arts);
        assert!(clusters.len() >= 2, "{:?}", sets(&clusters));
        for c in &clusters {
            let starts: Vec<i32> = c
                .events
                .iter()
                .map(|&i| events[i as usize].span.start.num_days_from_ce())
                .collect();
            let spread = starts.iter().max().unwrap() - starts.iter().min().unwrap();
            assert!(spread <= DATE_TOLERANCE_DAYS);
        }
    }

    #[test]
    fn repeats_within_one_article_merge_but_count_one_source() {
        let text = format!("{} {}", MISSILE[0], MISSILE[2]);
        let arts = articles(&[&text, MISSILE[1]]);
        let s = day(2023, 9, 12);
        let mut a = ev(0, MISSILE[0].len(), s, &["KP"], 0.9);
        let mut b = ev(0, text.len(), s, &["KP"], 0.8);
        b.sentence = MISSILE[0].len() + 1..text.len();
        a.paragraph = 0;
        let c = ev(1, MISSILE[1].len(), s, &["KP"], 0.7);
        let mut events = vec![a, b, c];
        let clusters = cluster(&mut events, &arts);
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].sources, 2);
        assert_eq!(clusters[0].events, [0, 1, 2]);
    }

    #[test]
    fn two_dates_of_one_sentence_stay_apart() {
        let text = "Talks between Japan and South Korea ran from Monday to Wednesday in Seoul.";
        let arts = articles(&[text]);
        let mut a = ev(0, text.len(), day(2024, 5, 6), &["JP", "KR"], 0.5);
        a.date_source = DateSource::PublicationDateInferred;
        let mut b = a.clone();
        b.span = day(2024, 5, 8);
        let mut events = vec![a, b];
        assert_eq!(cluster(&mut events, &arts).len(), 2);
    }

    #[test]
    fn hidden_events_stay_alone_and_every_event_is_in_one_cluster() {
        let s = day(2023, 9, 12);
        let (mut events, arts) = setup(&MISSILE, &[s, s, s], &[&["KP"], &["KP"], &["KP"]]);
        events[1].hidden = true;
        let clusters = cluster(&mut events, &arts);
        assert_eq!(sets(&clusters), vec![vec![0, 2], vec![1]]);
        let mut seen: Vec<u32> = clusters.iter().flat_map(|c| c.events.clone()).collect();
        seen.sort();
        assert_eq!(seen, [0, 1, 2]);
        for c in &clusters {
            for &i in &c.events {
                assert_eq!(events[i as usize].cluster, c.id);
            }
        }
    }

    #[test]
    fn empty_and_degenerate_inputs() {
        assert!(cluster(&mut [], &[]).is_empty());
        // Event pointing at a missing article and a bad byte range: no panic, singleton.
        let mut e = ev(7, 10, day(2020, 1, 1), &[], 0.5);
        #[allow(clippy::reversed_empty_ranges)]
        {
            e.sentence = 5..2;
        }
        let mut events = vec![e.clone(), e];
        let clusters = cluster(&mut events, &[]);
        assert_eq!(clusters.len(), 2);
    }

    #[test]
    fn scales_to_many_events() {
        // 100k events, 50 countries, 3 years, 2,000 distinct sentences: must stay near
        // linear (the sweep never compares all pairs). Timing is printed, not asserted.
        let word = |n: usize| -> String {
            (0..4)
                .map(|k| (b'a' + (n / 26usize.pow(k) % 26) as u8) as char)
                .collect()
        };
        let texts: Vec<String> = (0..2000)
            .map(|i| {
                (0..8)
                    .map(|k| word(i * 31 + k * 977))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        // Three copies of each sentence, as three articles reporting the same thing.
        let arts: Vec<Article> = (0..3)
            .flat_map(|_| texts.iter())
            .map(|t| Article {
                text: t.clone(),
                ..Default::default()
            })
            .collect();
        let codes: Vec<String> = (0..50u8)
            .map(|i| format!("{}{}", (b'A' + i / 26) as char, (b'A' + i % 26) as char))
            .collect();
        let base = d(2022, 1, 1);
        let n = 99_999u64;
        let mut events: Vec<Event> = (0..n)
            .map(|i| {
                let g = i / 3;
                let a = ((i % 3) * 2000 + g % 2000) as u32;
                let day = base + chrono::Days::new(g * 104_729 % 1095);
                let c = codes[(g % 50) as usize].as_str();
                ev(
                    a,
                    arts[a as usize].text.len(),
                    DateSpan::day(day),
                    &[c],
                    0.8,
                )
            })
            .collect();
        let t = std::time::Instant::now();
        let clusters = cluster(&mut events, &arts);
        eprintln!(
            "{n} events clustered in {:?} into {} clusters",
            t.elapsed(),
            clusters.len()
        );
        assert_eq!(
            clusters.iter().map(|c| c.events.len()).sum::<usize>(),
            n as usize
        );
        for g in events.chunks(3) {
            assert!(g.iter().all(|e| e.cluster == g[0].cluster));
            assert!(clusters[g[0].cluster as usize].sources >= 3);
        }
    }

    /// Events for the dates `dates` (phrases in `texts[i]`, first occurrence) with the given
    /// spans and countries.
    fn dated(
        texts: &[&str],
        dates: &[&str],
        spans: &[DateSpan],
        countries: &[&str],
    ) -> (Vec<Event>, Vec<Article>) {
        let (mut events, arts) = setup(texts, spans, &vec![countries; texts.len()]);
        for (e, (t, d)) in events.iter_mut().zip(texts.iter().zip(dates)) {
            let at = t.find(d).expect("date phrase in text");
            e.date_range = at..at + d.len();
        }
        (events, arts)
    }

    #[test]
    fn one_act_in_different_words_is_one_happening() {
        let w = day(2025, 6, 4);
        // A treaty signed / an agreement signed: little wording in common but the act.
        let (mut events, arts) = dated(
            &[
                "On Wednesday, the two prime ministers signed a fisheries cooperation agreement during their talks in Oslo.",
                "Speaking to reporters in Reykjavik after the talks, the fisheries minister said the treaty signed Wednesday would open northern waters to both fleets from next spring and end a decade of quarrels over mackerel.",
            ],
            &["On Wednesday", "Wednesday"],
            &[w, w],
            &["IS", "NO"],
        );
        cluster(&mut events, &arts);
        assert_eq!(events[0].cluster, events[1].cluster);
    }

    #[test]
    fn a_visit_and_a_meeting_during_it_stay_apart_but_each_finds_its_match() {
        let visit = DateSpan {
            start: d(2025, 6, 2),
            end: d(2025, 6, 8),
            precision: Precision::Day,
        };
        let since = DateSpan {
            start: d(2025, 6, 2),
            end: d(2025, 6, 6),
            precision: Precision::Day,
        };
        let monday = day(2025, 6, 2);
        let long = "The queen of Denmark has been visiting Greenland since June 2, after meeting the island's premier on Monday at a ceremony where a new harbour was opened.";
        let (mut events, arts) = dated(
            &[
                "The queen of Denmark visited Greenland on June 2-8.",
                long,
                long,
                "During Monday's meeting, the premier spoke of fishing quotas and the new harbour.",
            ],
            &["on June 2-8", "since June 2", "on Monday", "Monday"],
            &[visit, since, monday, monday],
            &["DK", "GL"],
        );
        cluster(&mut events, &arts);
        assert_eq!(events[0].cluster, events[1].cluster, "the visit");
        assert_eq!(events[2].cluster, events[3].cluster, "the meeting");
        assert_ne!(
            events[0].cluster, events[2].cluster,
            "a visit is not a meeting"
        );
    }

    #[test]
    fn a_chain_does_not_join_a_statement_to_the_happening_it_follows() {
        let monday = day(2025, 3, 10);
        let texts = [
            // A court day, a sentence with no act word that shares its words, and a statement
            // that shares the second's words: each neighbouring pair matches.
            "The fraud trial of the Kenyan minister opened in Nairobi on Monday before a packed gallery.",
            "The Kenyan minister looked tired in Nairobi on Monday, beside his wife in a packed gallery.",
            "His wife spoke to reporters in Nairobi on Monday about the Kenyan minister and the packed gallery.",
        ];
        let (mut events, arts) = dated(&texts, &["on Monday"; 3], &[monday; 3], &["KE"]);
        cluster(&mut events, &arts);
        assert_eq!(events[0].cluster, events[1].cluster, "the court day");
        assert_ne!(
            events[1].cluster, events[2].cluster,
            "the statement stays apart"
        );
        // The statement still finds the sentence when no happening's act is in its cluster.
        let (mut events, arts) = dated(&texts[1..], &["on Monday"; 2], &[monday; 2], &["KE"]);
        cluster(&mut events, &arts);
        assert_eq!(events[0].cluster, events[1].cluster);
    }

    #[test]
    fn similar_words_about_different_acts_stay_apart() {
        let w = day(2025, 6, 4);
        let (mut events, arts) = dated(
            &[
                "The premier of Iceland signed a trade accord with Norway in Oslo on Wednesday.",
                "The premier of Iceland met the king of Norway in Oslo on Wednesday.",
            ],
            &["on Wednesday", "on Wednesday"],
            &[w, w],
            &["IS", "NO"],
        );
        cluster(&mut events, &arts);
        assert_ne!(events[0].cluster, events[1].cluster);
    }
}
