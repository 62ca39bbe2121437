//! Clusters brought up to date after a change (a watched file came, changed or went) without
//! clustering the whole corpus again, with the answer [`super::cluster`] gives.
//!
//! Why a local answer is exact. Clusters are union-find sets over a graph whose edges are the
//! joins the sweep attempts: members of one unit, and each unit with the units in its window
//! (the next units of a shared country within its reach, up to its budget) that the predicate
//! matches. A union only ever joins the two ends of an edge, and whether it is refused reads
//! only the two sets it joins, so the sets inside one connected component of that graph
//! depend only on that component's edges in sweep order. A component whose units and edges
//! did not change therefore keeps its clusters.
//!
//! Which units can see a change. A unit's window holds only units whose start is at most
//! [`REACH`] days after its own (a span up to [`super::COARSE_DAYS`] long plus the date
//! tolerance), and the sweep order between unchanged units does not change (by country,
//! start, end, then first event, and the events of the files kept keep their order). So an
//! event that came or went can change only the windows, edges and members of units that
//! share one of its countries and start within [`REACH`] days of it. Those units are the
//! seeds; the components of the new graph that hold a seed are found by a walk that reads
//! only the stretch of each country around the units it reaches (comparing, like the sweep,
//! only pairs not yet known to be connected), and are clustered again by the sweep itself
//! restricted to them (a unit out of reach only takes its place in the windows: it matches
//! no unit in reach). Every other event keeps its cluster. Captions of clusters whose
//! members are the same events in the same order are kept too (a caption reads
//! only its cluster's members and their articles).

use super::memo::{text_key, Wording};
use super::predicate::{same_happening, Facts, Kinds, Signature, MIN_SHARED};
use super::{
    collect, country_key, form, shares_before, UnionFind, COARSE_DAYS, DATE_TOLERANCE_DAYS,
    MAX_COMPARISONS, MAX_COMPARISONS_PER_UNIT,
};
use crate::fxmap::FxMap;
use crate::model::{Article, Cluster, CountryCode, Event};
use rayon::slice::ParallelSliceMut;

/// The furthest a unit's reach goes past its start ([`Facts::reach`]).
const REACH: i32 = COARSE_DAYS + DATE_TOLERANCE_DAYS;

/// The corpus before the change, as far as clusters need it.
pub(crate) struct Previous<'a> {
    /// The events before the change, with their clusters.
    pub events: &'a [Event],
    pub clusters: &'a [Cluster],
    /// For each event before the change, its id now if it is the same event of an article
    /// that is still there with the same text (`None`: it went or changed).
    pub now: &'a [Option<u32>],
}

/// What [`recluster`] gives: the clusters, as [`super::cluster`] gives them, and which of
/// them kept their caption (`caption` filled from before).
pub(crate) struct Reclustered {
    pub clusters: Vec<Cluster>,
    pub caption_kept: Vec<bool>,
}

/// Clusters `events` (the corpus after the change) as [`super::cluster`] does, reading only
/// the stretches of the corpus the change can reach. Falls back to clustering everything
/// when the change is large or the previous clusters do not fit the events.
pub(crate) fn recluster(
    events: &mut [Event],
    articles: &[Article],
    prev: &Previous<'_>,
) -> Reclustered {
    match try_local(events, articles, prev) {
        Some(r) => r,
        None => {
            let clusters = super::cluster(events, articles);
            Reclustered {
                caption_kept: vec![false; clusters.len()],
                clusters,
            }
        }
    }
}

/// A unit (events the predicate cannot tell apart, as in the full sweep) found on demand.
struct LocalUnit {
    facts: Facts,
    content: u32,
    countries: Vec<CountryCode>,
    /// The sentence (article, range) all members share, if they do.
    sentence: Option<(u32, usize, usize)>,
    /// Event ids, ascending.
    members: Vec<u32>,
}

/// Units of the corpus after the change, formed only where asked for.
struct Local<'a> {
    events: &'a [Event],
    articles: &'a [Article],
    /// (country key, start, end, event) of every visible event, sorted: the sweep's order.
    entries: Vec<(u16, i32, i32, u32)>,
    facts: Vec<Option<Facts>>,
    unit_of: Vec<u32>,
    units: Vec<LocalUnit>,
    content_of_sentence: FxMap<(u32, usize, usize), u32>,
    content_ids: FxMap<Vec<u64>, u32>,
    contents: Vec<Signature>,
    /// Per unit: the last listing that took it (to list each unit once).
    stamp: Vec<u32>,
    stamps: u32,
    /// Units known to be connected (by the edges found so far): a pair already connected
    /// need not be compared to find the components, as the full sweep skips a pair already
    /// in one cluster.
    connected: Vec<u32>,
    /// Sentences' wording read by earlier reclusterings (given back when this one ends),
    /// and the text hash of each sentence (article, range) asked about here.
    wording: Wording,
    text_keys: FxMap<(u32, usize, usize), u128>,
}

impl Drop for Local<'_> {
    fn drop(&mut self) {
        std::mem::take(&mut self.wording).keep();
    }
}

fn keys_of(countries: &[CountryCode]) -> impl Iterator<Item = u16> + '_ {
    let none = countries.is_empty().then_some(u16::MAX);
    none.into_iter()
        .chain(countries.iter().map(|c| country_key(*c)))
}

impl<'a> Local<'a> {
    fn new(events: &'a [Event], articles: &'a [Article]) -> Self {
        let mut entries = Vec::with_capacity(events.len());
        for (i, e) in events.iter().enumerate() {
            if e.hidden {
                continue;
            }
            let (s, t) = span_days(e);
            for k in keys_of(&e.countries) {
                entries.push((k, s, t, i as u32));
            }
        }
        entries.par_sort_unstable();
        Local {
            events,
            articles,
            entries,
            facts: vec![None; events.len()],
            unit_of: vec![u32::MAX; events.len()],
            units: Vec::new(),
            content_of_sentence: FxMap::default(),
            content_ids: FxMap::default(),
            contents: Vec::new(),
            stamp: Vec::new(),
            stamps: 0,
            connected: Vec::new(),
            wording: Wording::take(),
            text_keys: FxMap::default(),
        }
    }

    /// The text hash of event `i`'s sentence.
    fn text_key(&mut self, i: usize) -> u128 {
        let events = self.events;
        let e = &events[i];
        let key = (e.article, e.sentence.start, e.sentence.end);
        if let Some(&k) = self.text_keys.get(&key) {
            return k;
        }
        let k = text_key(self.sentence_text(e));
        self.text_keys.insert(key, k);
        k
    }

    fn sentence_text(&self, e: &Event) -> &'a str {
        self.articles
            .get(e.article as usize)
            .and_then(|a| a.text.get(e.sentence.clone()))
            .unwrap_or("")
    }

    fn content(&mut self, i: usize) -> u32 {
        let events = self.events;
        let e = &events[i];
        let key = (e.article, e.sentence.start, e.sentence.end);
        if let Some(&c) = self.content_of_sentence.get(&key) {
            return c;
        }
        let text = self.sentence_text(e);
        let k = self.text_key(i);
        let sig = self.wording.signature(k, text);
        let c = match self.content_ids.get(sig.stems.as_slice()) {
            Some(&c) => c,
            None => {
                let c = self.contents.len() as u32;
                self.content_ids.insert(sig.stems.clone(), c);
                self.contents.push(sig.clone());
                c
            }
        };
        self.content_of_sentence.insert(key, c);
        c
    }

    fn facts(&mut self, i: usize) -> Facts {
        if let Some(f) = self.facts[i] {
            return f;
        }
        // As `Facts::of`, the act read from memory when the sentence was seen before.
        let events = self.events;
        let e = &events[i];
        let text = self.sentence_text(e);
        let date = e.date_range.start.saturating_sub(e.sentence.start)
            ..e.date_range.end.saturating_sub(e.sentence.start);
        let k = self.text_key(i);
        let f = Facts::with_act(e, self.wording.act(k, text, date));
        self.facts[i] = Some(f);
        f
    }

    /// Forms the units of the events in `entries[range]` (one country, one start and end:
    /// every member of a unit is there).
    fn form(&mut self, range: std::ops::Range<usize>) {
        let mut here: FxMap<(u32, Facts, &'a [CountryCode]), u32> = FxMap::default();
        for x in range {
            let i = self.entries[x].3 as usize;
            if self.unit_of[i] != u32::MAX {
                continue;
            }
            let (content, facts) = (self.content(i), self.facts(i));
            let e = &self.events[i];
            let sentence = (e.article, e.sentence.start, e.sentence.end);
            let id = *here
                .entry((content, facts, e.countries.as_slice()))
                .or_insert_with(|| {
                    self.units.push(LocalUnit {
                        facts,
                        content,
                        countries: e.countries.to_vec(),
                        sentence: Some(sentence),
                        members: Vec::new(),
                    });
                    self.stamp.push(0);
                    self.connected.push(self.units.len() as u32 - 1);
                    self.units.len() as u32 - 1
                });
            let u = &mut self.units[id as usize];
            if u.sentence != Some(sentence) {
                u.sentence = None;
            }
            u.members.push(i as u32);
            self.unit_of[i] = id;
        }
    }

    /// The units of country `key` starting within `lo..=hi`, in sweep order.
    fn units_between(&mut self, key: u16, lo: i32, hi: i32) -> Vec<u32> {
        let from = self.entries.partition_point(|x| (x.0, x.1) < (key, lo));
        let to = self.entries.partition_point(|x| (x.0, x.1) <= (key, hi));
        self.stamps += 1;
        let mut out = Vec::new();
        let mut x = from;
        while x < to {
            let (k, s, t, _) = self.entries[x];
            let end = x + self.entries[x..to].partition_point(|y| (y.0, y.1, y.2) == (k, s, t));
            self.form(x..end);
            for y in x..end {
                let u = self.unit_of[self.entries[y].3 as usize];
                if self.stamp[u as usize] != self.stamps {
                    self.stamp[u as usize] = self.stamps;
                    out.push(u);
                }
            }
            x = end;
        }
        out
    }

    fn root(&mut self, mut x: u32) -> u32 {
        while self.connected[x as usize] != x {
            let up = self.connected[self.connected[x as usize] as usize];
            self.connected[x as usize] = up;
            x = up;
        }
        x
    }

    /// The sweep over the units of country `key` starting within `lo..=hi`: the edges
    /// from one of them to a later unit in its window (pairs the predicate matches) that
    /// connect units not yet known to be connected.
    fn sweep(&mut self, key: u16, lo: i32, hi: i32, edges: &mut Vec<(u32, u32)>) {
        let list = self.units_between(key, lo, hi.saturating_add(REACH));
        for a in 0..list.len() {
            let ua = &self.units[list[a] as usize];
            if ua.facts.start > hi {
                break;
            }
            let limit = ua.facts.reach();
            let budget = MAX_COMPARISONS.min(MAX_COMPARISONS_PER_UNIT / ua.countries.len().max(1));
            for &bi in list[a + 1..].iter().take(budget) {
                if self.units[bi as usize].facts.start > limit {
                    break;
                }
                let (ra, rb) = (self.root(list[a]), self.root(bi));
                if ra != rb
                    && self.matches(key, &self.units[list[a] as usize], &self.units[bi as usize])
                {
                    self.connected[rb as usize] = ra;
                    edges.push((list[a], bi));
                }
            }
        }
    }

    /// Whether the full sweep would join `ua` with `ub`, a later unit in its window under
    /// country `key`.
    fn matches(&self, key: u16, ua: &LocalUnit, ub: &LocalUnit) -> bool {
        if ua.countries.len() > 1
            && ub.countries.len() > 1
            && shares_before(&ua.countries, &ub.countries, key)
        {
            return false;
        }
        let same_sentence = ua.sentence.is_some() && ua.sentence == ub.sentence;
        same_happening(
            ua.facts,
            ub.facts,
            &self.contents[ua.content as usize],
            &self.contents[ub.content as usize],
            same_sentence,
        )
    }
}

fn span_days(e: &Event) -> (i32, i32) {
    use chrono::Datelike;
    (
        e.span.start.num_days_from_ce(),
        e.span.end.num_days_from_ce(),
    )
}

/// A change touching more than this share of the events is clustered from scratch (the
/// walk would read most of the corpus anyway).
const LOCAL_SHARE: usize = 8;

fn try_local(
    events: &mut [Event],
    articles: &[Article],
    prev: &Previous<'_>,
) -> Option<Reclustered> {
    let before = ids_before(prev, events.len())?;
    let touched = touched_places(events, &before, prev)?;
    let frozen: &[Event] = events;
    let mut local = Local::new(frozen, articles);
    let visited = reach_components(&mut local, &touched)?;
    let days: Vec<(i32, i32)> = frozen.iter().map(span_days).collect();
    let (mut uf, in_reach) = cluster_reached(&mut local, frozen, &visited, &days)?;
    drop(local);
    join_out_of_reach(prev, frozen, &before, &in_reach, &mut uf)?;
    if let Some(r) = collect_local(events, &mut uf, &days, &before, &in_reach, prev) {
        return Some(r);
    }
    let mut clusters = collect(events, &mut uf, &days);
    let caption_kept = clusters
        .iter_mut()
        .map(|c| keep_caption(c, &before, prev))
        .collect();
    Some(Reclustered {
        clusters,
        caption_kept,
    })
}

/// The clusters after a local reclustering, as [`collect`] gives them, without reading the
/// clusters out of reach again: a cluster before whose members all carried over and are all
/// out of reach is the same set now (only `join_out_of_reach` joined them, to nothing else),
/// with the same members' order (the carried events keep their order, see below), countries,
/// sources, dates and caption; only the clusters in reach (and new hidden events) are
/// collected from the union-find. Gives the clusters and which kept their caption; `None`
/// when the carried events do not keep their order (then [`collect`] and [`keep_captions`]).
fn collect_local(
    events: &mut [Event],
    uf: &mut UnionFind,
    days: &[(i32, i32)],
    before: &[Option<u32>],
    in_reach: &[bool],
    prev: &Previous<'_>,
) -> Option<Reclustered> {
    // Members are sorted by confidence, then span, then id: a cluster's order is kept when
    // the ids of carried events keep theirs (true when articles and their events keep their
    // order, as in a correction or a watched change).
    let mut last: Option<u32> = None;
    for now in prev.now.iter().flatten() {
        if last.is_some_and(|l| l >= *now) {
            return None;
        }
        last = Some(*now);
    }
    let n = events.len();
    let mut covered = vec![false; n];
    // Carried clusters in the order of their first event before, which is their order now.
    let mut carried: Vec<(u32, Cluster)> = Vec::new();
    for c in prev.clusters {
        let mut ids = Vec::with_capacity(c.events.len());
        for &old in &c.events {
            match prev.now.get(old as usize).copied().flatten() {
                Some(now) if !in_reach[now as usize] => ids.push(now),
                _ => break,
            }
        }
        if ids.len() != c.events.len() || ids.is_empty() {
            continue;
        }
        let first = ids.iter().copied().min().unwrap_or(0);
        for &i in &ids {
            covered[i as usize] = true;
        }
        carried.push((
            first,
            Cluster {
                id: 0,
                events: ids,
                sources: c.sources,
                countries: c.countries.clone(),
                conflicting_dates: c.conflicting_dates,
                salience: 0.0,
                caption: c.caption.clone(),
                short_caption: c.short_caption.clone(),
            },
        ));
    }
    // The rest, from the union-find, as `collect` forms them.
    let mut cluster_of_root: FxMap<u32, u32> = FxMap::default();
    let mut members: Vec<Vec<u32>> = Vec::new();
    for i in (0..n).filter(|&i| !covered[i]) {
        let r = uf.find(i) as u32;
        let c = *cluster_of_root.entry(r).or_insert_with(|| {
            members.push(Vec::new());
            members.len() as u32 - 1
        });
        members[c as usize].push(i as u32);
    }
    let fresh: Vec<(u32, Cluster)> = members
        .into_iter()
        .map(|ids| (ids[0], form(ids, events, days)))
        .collect();
    // Both lists are in order of first event: merged, ids given, members told.
    let mut clusters = Vec::with_capacity(carried.len() + fresh.len());
    let mut kept = Vec::with_capacity(carried.len() + fresh.len());
    let (mut a, mut b) = (carried.into_iter().peekable(), fresh.into_iter().peekable());
    loop {
        let take_carried = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x.0 < y.0,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let (mut c, was_kept) = if take_carried {
            (a.next()?.1, true)
        } else {
            let mut c = b.next()?.1;
            let k = keep_caption(&mut c, before, prev);
            (c, k)
        };
        c.id = clusters.len() as u32;
        for &i in &c.events {
            events[i as usize].cluster = c.id;
        }
        clusters.push(c);
        kept.push(was_kept);
    }
    Some(Reclustered {
        clusters,
        caption_kept: kept,
    })
}

/// For each event now, its id before the change (`None`: new), when the clusters before are
/// a clustering of the events before (each in one) and the map is one-to-one.
fn ids_before(prev: &Previous<'_>, n: usize) -> Option<Vec<Option<u32>>> {
    if prev.now.len() != prev.events.len() {
        return None;
    }
    let mut members = 0;
    for (id, c) in prev.clusters.iter().enumerate() {
        members += c.events.len();
        if c.id as usize != id
            || c.events
                .iter()
                .any(|&m| prev.events.get(m as usize).map(|e| e.cluster) != Some(c.id))
        {
            return None;
        }
    }
    if members != prev.events.len() {
        return None;
    }
    let mut before: Vec<Option<u32>> = vec![None; n];
    for (old, now) in prev.now.iter().enumerate() {
        if let Some(now) = *now {
            let slot = before.get_mut(now as usize)?;
            if slot.is_some() {
                return None;
            }
            *slot = Some(old as u32);
        }
    }
    Some(before)
}

/// Where the change is: (country, start) of every visible event that came or went, sorted
/// and deduplicated; `None` when the change is too large to be worth a local answer.
fn touched_places(
    events: &[Event],
    before: &[Option<u32>],
    prev: &Previous<'_>,
) -> Option<Vec<(u16, i32)>> {
    let mut touched: Vec<(u16, i32)> = Vec::new();
    let gone = prev
        .events
        .iter()
        .zip(prev.now)
        .filter(|(e, now)| now.is_none() && !e.hidden)
        .map(|(e, _)| e);
    let came = events
        .iter()
        .zip(before)
        .filter(|(e, b)| b.is_none() && !e.hidden)
        .map(|(e, _)| e);
    for e in gone.chain(came) {
        touched.extend(keys_of(&e.countries).map(|k| (k, span_days(e).0)));
    }
    if touched.len() * LOCAL_SHARE > events.len().max(1) {
        return None;
    }
    touched.sort_unstable();
    touched.dedup();
    Some(touched)
}

/// Marks units reached, queueing those not reached before.
fn reach_units(local: &Local, list: Vec<u32>, visited: &mut Vec<bool>, frontier: &mut Vec<u32>) {
    visited.resize(local.units.len(), false);
    for u in list {
        if !visited[u as usize] {
            visited[u as usize] = true;
            frontier.push(u);
        }
    }
}

/// The walk: from the units within reach of a touched place, each reached unit's edges
/// under each of its countries (as the later end of an edge its partner starts at most
/// [`REACH`] days before it), until no new unit is reached. Gives which units (by index in
/// `local.units`) are in the components the change touches; `None` when a unit's predicate
/// reaches further than the walk assumes.
fn reach_components(local: &mut Local<'_>, touched: &[(u16, i32)]) -> Option<Vec<bool>> {
    let mut visited: Vec<bool> = Vec::new();
    let mut frontier: Vec<u32> = Vec::new();
    for &(k, s) in touched {
        let list = local.units_between(k, s.saturating_sub(REACH), s.saturating_add(REACH));
        reach_units(local, list, &mut visited, &mut frontier);
    }
    let mut swept: FxMap<(u16, i32), ()> = FxMap::default();
    let mut edges: Vec<(u32, u32)> = Vec::new();
    let mut adjacency: FxMap<u32, Vec<u32>> = FxMap::default();
    while !frontier.is_empty() {
        let mut need: Vec<(u16, i32)> = Vec::new();
        for &u in &frontier {
            let unit = &local.units[u as usize];
            if unit.facts.reach() - unit.facts.start > REACH {
                return None;
            }
            let s = unit.facts.start;
            for k in keys_of(&unit.countries) {
                need.extend((s.saturating_sub(REACH)..=s).map(|d| (k, d)));
            }
        }
        need.sort_unstable();
        need.dedup();
        need.retain(|x| !swept.contains_key(x));
        let first_new = edges.len();
        let mut x = 0;
        while x < need.len() {
            // A run of consecutive days of one country, swept at once.
            let (k, lo) = need[x];
            let mut hi = lo;
            while x + 1 < need.len() && need[x + 1] == (k, hi + 1) {
                x += 1;
                hi += 1;
            }
            x += 1;
            swept.extend((lo..=hi).map(|d| ((k, d), ())));
            local.sweep(k, lo, hi, &mut edges);
        }
        for &(a, b) in &edges[first_new..] {
            adjacency.entry(a).or_default().push(b);
            adjacency.entry(b).or_default().push(a);
        }
        let expanded = std::mem::take(&mut frontier);
        let mut next = Vec::new();
        for u in expanded {
            if let Some(ns) = adjacency.get(&u) {
                next.extend(ns.iter().copied());
            }
        }
        reach_units(local, next, &mut visited, &mut frontier);
    }
    visited.resize(local.units.len(), false);
    Some(visited)
}

/// The reached components clustered again: members of a unit first (in order of their
/// first event), then the sweep over them. Gives the union-find and which events are in
/// reach.
fn cluster_reached(
    local: &mut Local<'_>,
    frozen: &[Event],
    visited: &[bool],
    days: &[(i32, i32)],
) -> Option<(UnionFind, Vec<bool>)> {
    let n = frozen.len();
    let mut kinds = vec![Kinds::default(); n];
    let mut reached: Vec<u32> = (0..local.units.len() as u32)
        .filter(|&u| visited[u as usize])
        .collect();
    let mut in_reach = vec![false; n];
    for &u in &reached {
        for &m in &local.units[u as usize].members {
            kinds[m as usize] = Kinds::of(local.facts[m as usize]?);
            in_reach[m as usize] = true;
        }
    }
    let mut uf = UnionFind::new(days, &kinds);
    reached.sort_unstable_by_key(|&u| local.units[u as usize].members[0]);
    for &u in &reached {
        let unit = &local.units[u as usize];
        if local.contents[unit.content as usize].stems.len() >= MIN_SHARED {
            for &m in &unit.members[1..] {
                uf.union_within(unit.members[0] as usize, m as usize, DATE_TOLERANCE_DAYS);
            }
        }
    }
    sweep_reached(local, &reached, visited, &mut uf);
    Some((uf, in_reach))
}

/// The sweep itself over the reached units, in its order (by country, then runs of reached
/// units' starts): a unit out of reach is never joined to one in reach (it would have been
/// reached), so it only takes its place in the windows.
fn sweep_reached(local: &mut Local<'_>, reached: &[u32], visited: &[bool], uf: &mut UnionFind) {
    let mut by_key: Vec<(u16, i32, u32)> = reached
        .iter()
        .flat_map(|&u| {
            let unit = &local.units[u as usize];
            keys_of(&unit.countries)
                .map(move |k| (k, unit.facts.start, u))
                .collect::<Vec<_>>()
        })
        .collect();
    by_key.sort_unstable();
    let mut x = 0;
    while x < by_key.len() {
        let (key, lo, _) = by_key[x];
        let mut hi = lo;
        while x < by_key.len() && by_key[x].0 == key && by_key[x].1 <= hi.saturating_add(REACH) {
            hi = by_key[x].1;
            x += 1;
        }
        let list = local.units_between(key, lo, hi.saturating_add(REACH));
        for a in 0..list.len() {
            let ua = &local.units[list[a] as usize];
            if ua.facts.start > hi {
                break;
            }
            if !visited[list[a] as usize] {
                continue;
            }
            let limit = ua.facts.reach();
            let budget = MAX_COMPARISONS.min(MAX_COMPARISONS_PER_UNIT / ua.countries.len().max(1));
            let rep_a = ua.members[0] as usize;
            for &bi in list[a + 1..].iter().take(budget) {
                let ub = &local.units[bi as usize];
                if ub.facts.start > limit {
                    break;
                }
                if !visited[bi as usize] {
                    continue;
                }
                let rep_b = ub.members[0] as usize;
                if uf.find(rep_a) == uf.find(rep_b) {
                    continue;
                }
                if local.matches(key, ua, ub) {
                    uf.union_within(rep_a, rep_b, DATE_TOLERANCE_DAYS);
                }
            }
        }
    }
}

/// Every other visible event is an unchanged one, and its cluster before was all unchanged
/// events out of reach: it is joined again as it was. `None` when that does not hold.
fn join_out_of_reach(
    prev: &Previous<'_>,
    frozen: &[Event],
    before: &[Option<u32>],
    in_reach: &[bool],
    uf: &mut UnionFind,
) -> Option<()> {
    for (i, e) in frozen.iter().enumerate() {
        if !e.hidden && !in_reach[i] && before[i].is_none() {
            return None;
        }
    }
    for c in prev.clusters {
        let mut first: Option<usize> = None;
        let mut out_of_reach = 0;
        for &old in &c.events {
            let now = prev.now.get(old as usize).copied().flatten();
            match now {
                Some(now) if !in_reach[now as usize] && !frozen[now as usize].hidden => {
                    out_of_reach += 1;
                    match first {
                        None => first = Some(now as usize),
                        Some(f) => {
                            let (ra, rb) = (uf.find(f), uf.find(now as usize));
                            if ra != rb {
                                uf.parent[rb] = ra as u32;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        if out_of_reach != 0 && out_of_reach != c.events.len() {
            return None;
        }
    }
    Some(())
}

/// The caption of the cluster before made of the same events, in the same order, as `c`,
/// copied over; gives whether there was one.
fn keep_caption(c: &mut Cluster, before: &[Option<u32>], prev: &Previous<'_>) -> bool {
    let Some(old) = c
        .events
        .first()
        .and_then(|&e| before[e as usize])
        .and_then(|o| prev.events.get(o as usize))
        .and_then(|o| prev.clusters.get(o.cluster as usize))
    else {
        return false;
    };
    let same = old.events.len() == c.events.len()
        && old
            .events
            .iter()
            .zip(&c.events)
            .all(|(&o, &now)| prev.now.get(o as usize).copied().flatten() == Some(now));
    if same {
        c.caption.clone_from(&old.caption);
        c.short_caption.clone_from(&old.short_caption);
    }
    same
}

/// Which events before a change are the same events after it: `article_now[a]` is the id
/// now of article `a` before (`None`: its file went or changed), and an article's events
/// carry over when they are all equal but for their ids, cluster and salience. Events must
/// be in article order on both sides (else nothing carries over).
pub(crate) fn events_now(
    old: &[Event],
    article_now: &[Option<u32>],
    new: &[Event],
) -> Vec<Option<u32>> {
    let mut out = vec![None; old.len()];
    let starts = |events: &[Event]| -> Option<FxMap<u32, (usize, usize)>> {
        let mut m: FxMap<u32, (usize, usize)> = FxMap::default();
        for (i, w) in events.iter().enumerate() {
            if i > 0 && events[i - 1].article > w.article {
                return None;
            }
            m.entry(w.article).or_insert((i, i)).1 = i + 1;
        }
        Some(m)
    };
    let (Some(old_at), Some(new_at)) = (starts(old), starts(new)) else {
        return out;
    };
    for (&a, &(s, t)) in &old_at {
        let Some(now) = article_now.get(a as usize).copied().flatten() else {
            continue;
        };
        let (ns, nt) = new_at.get(&now).copied().unwrap_or((0, 0));
        if nt - ns == t - s
            && old[s..t]
                .iter()
                .zip(&new[ns..nt])
                .all(|(x, y)| same_event(x, y))
        {
            for (k, slot) in out[s..t].iter_mut().enumerate() {
                *slot = Some((ns + k) as u32);
            }
        }
    }
    out
}

/// Equal but for the article's id, the cluster and the salience.
fn same_event(a: &Event, b: &Event) -> bool {
    a.paragraph == b.paragraph
        && a.sentence == b.sentence
        && a.date_range == b.date_range
        && a.timex_value == b.timex_value
        && a.span == b.span
        && a.countries == b.countries
        && a.country_spans == b.country_spans
        && a.date_source == b.date_source
        && a.confidence.to_bits() == b.confidence.to_bits()
        && a.note == b.note
        && a.hidden == b.hidden
}
