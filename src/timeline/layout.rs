//! Lanes and items, computed once per corpus change.
//!
//! The unit drawn is a happening (a [`Cluster`]): one item per cluster per country lane,
//! so a cluster about Japan and Korea appears once in each lane, however many articles
//! reported it. Each lane keeps its items sorted by *length class* then start day: within
//! a class every item is at most `max_len` days long, so the items overlapping a window
//! `[a, b)` are exactly those starting in `[a - max_len, b)` — two binary searches per
//! class, whatever the lane's size. Rows (stacking within a lane) are assigned here in
//! day space, so they are stable while the user zooms and pans.

use super::axis::day_number;
use super::fit::{self, Fit};
use super::lane_label;
use super::topk::TopIndex;
use crate::model::{Corpus, CountryCode, DateSource, EventId, Precision, PubDateSource};
use rayon::prelude::*;
use std::ops::Range;

/// Most rows a lane grows to; more overlapping items share rows (and are then usually
/// drawn as a count bubble).
pub const MAX_ROWS: u8 = 4;

/// How an item is drawn; decided by the date's precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// One day: a mark.
    Point,
    /// A range of days ("September 12-17"): a bar.
    Bar,
    /// A month- or year-precise date: a faint span over the whole period.
    Span,
}

/// Bit flags on [`Item::flags`] and [`Unit::flags`].
pub mod flags {
    /// The date rests on a guess (`Event::is_uncertain`).
    pub const UNCERTAIN: u8 = 1;
    /// The cluster's members disagree on the date.
    pub const CONFLICT: u8 = 2;
    /// More than one article reports it.
    pub const MULTI_SOURCE: u8 = 4;
    /// The date was resolved against a publication date guessed from the file's time.
    pub const FILE_TIME: u8 = 8;
    /// Longer than a month and a bit (a year, a decade): context rather than the story.
    pub const COARSE: u8 = 16;
    /// Shares its row with an item it overlaps (all rows were busy): drawn as part of a
    /// dense cell, never on top of the other.
    pub const PILED: u8 = 32;
    /// In this lane only in passing: its country is named by fewer than half as many of the
    /// happening's reports as the country they name most. Drawn, listed and hovered as any
    /// mark, but captioned only in the lanes of the countries it is about (see
    /// [`super::minor_lanes`]).
    pub const MINOR: u8 = 64;
}

/// One cluster in one lane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    /// Day number of the first day.
    pub start: f64,
    /// Day number just after the last day (`start + 1` for a single day).
    pub end: f64,
    /// Index into [`Layout::units`].
    pub unit: u32,
    pub row: u8,
    pub kind: ItemKind,
    pub flags: u8,
}

impl Item {
    pub fn len(&self) -> f64 {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// Items `range` of a lane whose lengths are all within `min_len..=max_len` days.
#[derive(Clone, Debug, PartialEq)]
pub struct LengthClass {
    pub range: Range<usize>,
    pub min_len: f64,
    pub max_len: f64,
}

/// One country (or the "No country" lane).
#[derive(Clone, Debug)]
pub struct Lane {
    /// `None` for the lane of events that name no country.
    pub code: Option<CountryCode>,
    pub label: String,
    /// Sorted by (length class, start).
    pub items: Vec<Item>,
    pub classes: Vec<LengthClass>,
    /// Rows in use, 1..=MAX_ROWS.
    pub rows: u8,
    /// The lane's items by centre day with their salience ranks (for captions).
    pub top: TopIndex,
}

impl Lane {
    /// Indices of the items overlapping days `[a, b)`, class by class (O(log n) each).
    pub fn overlapping(&self, a: f64, b: f64) -> impl Iterator<Item = usize> + '_ {
        self.classes.iter().flat_map(move |c| {
            let r = class_window(&self.items, c, a, b);
            r.filter(move |&i| self.items[i].end > a)
        })
    }
}

/// Items of class `c` whose start lies in `[a - max_len, b)`: a superset of those
/// overlapping `[a, b)`, found by two binary searches.
pub fn class_window(items: &[Item], c: &LengthClass, a: f64, b: f64) -> Range<usize> {
    let s = &items[c.range.clone()];
    let lo = s.partition_point(|it| it.start < a - c.max_len);
    let hi = s.partition_point(|it| it.start < b);
    c.range.start + lo..c.range.start + hi.max(lo)
}

/// A happening as drawn: a cluster's visible members, or one event outside any cluster.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// The representative event (the cluster's most confident visible member).
    pub rep: EventId,
    /// Index into `Corpus::clusters`, when the unit is a cluster.
    pub cluster: Option<u32>,
    /// Distinct articles among the visible members.
    pub sources: u32,
    /// Visible members.
    pub events: u32,
    pub flags: u8,
    /// The happening's salience in the corpus (the cluster's, else the event's), 0..=1.
    pub salience: f32,
    /// Position in the corpus-wide salience order: 0 is the happening that matters most.
    /// Distinct for distinct units (ties are broken by sources, precision, certainty).
    pub rank: u32,
}

/// Items at most this long (a month and a bit) are "fine" and decide the fitted view.
const FINE_DAYS: f64 = 32.0;

/// The whole timeline's geometry in day space.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Display order: most items first, "No country" last.
    pub lanes: Vec<Lane>,
    pub units: Vec<Unit>,
    /// `unit_pos[unit_pos_start[u]..unit_pos_start[u + 1]]`: (lane, item index) of unit `u`.
    unit_pos_start: Vec<u32>,
    unit_pos: Vec<(u32, u32)>,
    /// Unit of each event (`u32::MAX` for hidden events).
    event_unit: Vec<u32>,
    /// First and last day (exclusive) of all items.
    pub extent: Option<(f64, f64)>,
    /// Where the story is: the days "fit" frames, and what it leaves out.
    pub fit: Option<Fit>,
    /// The fit's days cut where the story falls silent for most of them (see
    /// [`super::broken::stretches`]): two or more stretches when the axis should break.
    pub stretches: Vec<(f64, f64)>,
}

impl Layout {
    /// Lays out every visible event of `corpus`. Costs O(n log n) in the number of events.
    pub fn build(corpus: &Corpus) -> Layout {
        Self::build_where(corpus, |_| true)
    }

    /// Lays out the visible events of `corpus` for which `keep` is true (a render of the
    /// top happenings only, say).
    pub fn build_where(corpus: &Corpus, keep: impl Fn(EventId) -> bool) -> Layout {
        let n_events = corpus.events.len();
        let mut covered = vec![false; n_events];
        let mut event_unit = vec![u32::MAX; n_events];
        let mut units: Vec<Unit> = Vec::new();
        // Each lane's place by its key: a slot per two-byte code and one for "no country"
        // (a table, not a hash map: every unit of a million-event corpus looks its lanes up).
        let mut lane_of: Vec<u32> = vec![u32::MAX; NO_COUNTRY + 1];
        let mut lanes: Vec<Lane> = Vec::new();
        let mut members: Vec<EventId> = Vec::new();
        let mut scratch_codes: Vec<CountryCode> = Vec::new();
        let mut scratch_articles: Vec<u32> = Vec::new();
        let mut scratch_minor: Vec<bool> = Vec::new();
        // Per unit: is its date day- or month-precise (for ranking and the fit)?
        let mut unit_fine: Vec<bool> = Vec::new();

        let mut add_unit = |members: &[EventId], cluster: Option<u32>, conflict: bool| {
            let Some(&rep) = members.first() else { return };
            let e = &corpus.events[rep as usize];
            let unit = units.len() as u32;
            scratch_codes.clear();
            scratch_articles.clear();
            for &m in members {
                let ev = &corpus.events[m as usize];
                scratch_codes.extend_from_slice(&ev.countries);
                scratch_articles.push(ev.article);
                event_unit[m as usize] = unit;
            }
            scratch_codes.sort_unstable();
            minor_lanes(&scratch_codes, &mut scratch_minor);
            scratch_codes.dedup();
            scratch_articles.sort_unstable();
            scratch_articles.dedup();
            let sources = scratch_articles.len() as u32;
            let mut fl = 0;
            if e.is_uncertain() {
                fl |= flags::UNCERTAIN;
            }
            if conflict && members.len() > 1 {
                fl |= flags::CONFLICT;
            }
            if sources > 1 {
                fl |= flags::MULTI_SOURCE;
            }
            if rests_on_file_time(corpus, e) {
                fl |= flags::FILE_TIME;
            }
            let salience = cluster
                .and_then(|c| corpus.clusters.get(c as usize))
                .map_or(e.salience, |c| c.salience);
            let (start, end) = {
                let s = day_number(e.span.start) as f64;
                let t = day_number(e.span.end) as f64 + 1.0;
                (s.min(t - 1.0), t.max(s + 1.0))
            };
            unit_fine.push(end - start <= FINE_DAYS);
            if end - start > FINE_DAYS {
                fl |= flags::COARSE;
            }
            let kind = match e.span.precision {
                Precision::Day if end - start <= 1.0 => ItemKind::Point,
                Precision::Day => ItemKind::Bar,
                Precision::Month | Precision::Year => ItemKind::Span,
            };
            units.push(Unit {
                rep,
                cluster,
                sources,
                events: members.len() as u32,
                flags: fl,
                salience: if salience.is_finite() { salience } else { 0.0 },
                rank: 0,
            });
            let item = Item {
                start,
                end,
                unit,
                row: 0,
                kind,
                flags: fl,
            };
            for k in 0..scratch_codes.len().max(1) {
                let key = scratch_codes.get(k).copied();
                let mut item = item;
                if scratch_minor.get(k).copied().unwrap_or(false) {
                    item.flags |= flags::MINOR;
                }
                let slot =
                    &mut lane_of[key.map_or(NO_COUNTRY, |c| usize::from(u16::from_be_bytes(c.0)))];
                if *slot == u32::MAX {
                    *slot = lanes.len() as u32;
                    lanes.push(Lane {
                        code: key,
                        label: key.map_or_else(|| "No country".to_string(), lane_label),
                        items: Vec::new(),
                        classes: Vec::new(),
                        rows: 1,
                        top: TopIndex::default(),
                    });
                }
                lanes[*slot as usize].items.push(item);
            }
        };

        for (ci, c) in corpus.clusters.iter().enumerate() {
            members.clear();
            for &m in &c.events {
                let i = m as usize;
                if i < n_events && !covered[i] && !corpus.events[i].hidden && keep(m) {
                    covered[i] = true;
                    members.push(m);
                }
            }
            add_unit(&members, Some(ci as u32), c.conflicting_dates);
        }
        for (i, e) in corpus.events.iter().enumerate() {
            if !covered[i] && !e.hidden && keep(i as EventId) {
                add_unit(&[i as EventId], None, false);
            }
        }

        // Units are built; rank them before the lanes index their items by rank.
        assign_ranks(&mut units, &unit_fine);
        lanes
            .par_iter_mut()
            .for_each(|lane| arrange_lane(lane, &units));
        lanes.sort_by_key(|l| (l.code.is_none(), std::cmp::Reverse(l.items.len()), l.code));

        // Where each unit sits, as a CSR table (counting sort by unit).
        let mut unit_pos_start = vec![0u32; units.len() + 1];
        for lane in &lanes {
            for it in &lane.items {
                unit_pos_start[it.unit as usize + 1] += 1;
            }
        }
        for i in 1..unit_pos_start.len() {
            unit_pos_start[i] += unit_pos_start[i - 1];
        }
        let mut fill = unit_pos_start.clone();
        let mut unit_pos = vec![(0u32, 0u32); *unit_pos_start.last().unwrap_or(&0) as usize];
        for (li, lane) in lanes.iter().enumerate() {
            for (ii, it) in lane.items.iter().enumerate() {
                let slot = &mut fill[it.unit as usize];
                unit_pos[*slot as usize] = (li as u32, ii as u32);
                *slot += 1;
            }
        }

        // The full extent, month- and day-precise items first: year, decade and century
        // spans ("in the 1990s", "by 2030") are background context and decide it only when
        // nothing finer exists.
        let span_of = |fine: bool| {
            lanes
                .iter()
                .flat_map(|l| l.items.iter())
                .filter(|it| !fine || it.end - it.start <= FINE_DAYS)
                .fold(None, |acc: Option<(f64, f64)>, it| match acc {
                    None => Some((it.start, it.end)),
                    Some((a, b)) => Some((a.min(it.start), b.max(it.end))),
                })
        };
        let extent = span_of(true).or_else(|| span_of(false));
        // "Fit" frames where the trusted happenings are (see `fit`), once per unit.
        let dated: Vec<fit::Dated> = (0..units.len())
            .filter_map(|u| {
                let &(li, ii) = unit_pos.get(*unit_pos_start.get(u)? as usize)?;
                let it = lanes.get(li as usize)?.items.get(ii as usize)?;
                let trust = if !unit_fine[u] {
                    fit::Trust::Coarse
                } else if it.flags & flags::FILE_TIME != 0 {
                    fit::Trust::FileTime
                } else if it.flags & flags::UNCERTAIN != 0 {
                    fit::Trust::Guessed
                } else {
                    fit::Trust::Firm
                };
                Some(fit::Dated {
                    start: it.start,
                    end: it.end,
                    trust,
                })
            })
            .collect();
        let fit = fit::frame(&dated);
        // Silence is judged by every day- or month-precise happening, guessed or not: a
        // break never hides one.
        let stretches = fit.map_or_else(Vec::new, |f| {
            let fine: Vec<(f64, f64)> = dated
                .iter()
                .filter(|d| d.trust != fit::Trust::Coarse)
                .map(|d| (d.start, d.end))
                .collect();
            super::broken::stretches((f.start, f.end), &fine)
        });

        Layout {
            lanes,
            units,
            unit_pos_start,
            unit_pos,
            event_unit,
            extent,
            fit,
            stretches,
        }
    }

    /// (lane, item index) of every item drawn for `unit`, one per lane.
    pub fn positions(&self, unit: u32) -> &[(u32, u32)] {
        let u = unit as usize;
        match (self.unit_pos_start.get(u), self.unit_pos_start.get(u + 1)) {
            (Some(&a), Some(&b)) => &self.unit_pos[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The unit an event is drawn in; `None` for hidden or unknown events.
    pub fn unit_of_event(&self, e: EventId) -> Option<u32> {
        self.event_unit
            .get(e as usize)
            .copied()
            .filter(|&u| u != u32::MAX)
    }

    pub fn item(&self, lane: usize, index: usize) -> Option<&Item> {
        self.lanes.get(lane)?.items.get(index)
    }
}

/// Length class of an item: class k holds lengths in (2^(k-1), 2^k] days.
fn class_of(len: f64) -> u32 {
    if len <= 1.0 {
        0
    } else {
        (len.log2().ceil() as u32).min(40)
    }
}

/// True when `e`'s date was resolved against a publication date taken from the file's
/// modification time (the weakest guess there is).
/// The slot of [`Layout::build_where`]'s lane table for events without a country (after
/// the slots of every two-byte code).
const NO_COUNTRY: usize = 1 << 16;

fn rests_on_file_time(corpus: &Corpus, e: &crate::model::Event) -> bool {
    e.date_source == DateSource::PublicationDateInferred
        && corpus
            .articles
            .get(e.article as usize)
            .and_then(|a| a.pub_date.as_ref())
            .is_some_and(|p| p.source == PubDateSource::FileTime)
}

/// For the sorted country codes of a happening's reports (one per report that names the
/// country, so a code repeats), whether each distinct code's lane has the happening only in
/// passing: named by fewer than half as many reports as the most-named country. A report
/// of an Iranian election that one of thirty articles ties to a British remark is Iran's
/// happening; in Britain's lane it stays a mark without a caption, so a lane's captions say
/// what happened to its own country. A single report names each of its countries once, so
/// none of them is minor. `out` gets one flag per distinct code, in order.
pub(crate) fn minor_lanes(sorted_codes: &[CountryCode], out: &mut Vec<bool>) {
    out.clear();
    let runs = sorted_codes
        .chunk_by(|a, b| a == b)
        .map(<[CountryCode]>::len);
    let most = runs.clone().max().unwrap_or(0);
    out.extend(runs.map(|n| 2 * n < most));
}

/// Orders the units by how much they matter: salience, then sources, then day- or
/// month-precise before coarse, certain before uncertain, more reports first; the unit
/// index last, so the order is total and deterministic.
fn assign_ranks(units: &mut [Unit], fine: &[bool]) {
    let mut order: Vec<u32> = (0..units.len() as u32).collect();
    let key = |u: u32| {
        let x = &units[u as usize];
        (
            std::cmp::Reverse(ordered(x.salience)),
            std::cmp::Reverse(x.sources),
            !fine.get(u as usize).copied().unwrap_or(false),
            x.flags & flags::UNCERTAIN != 0,
            std::cmp::Reverse(x.events),
            u,
        )
    };
    // The key ends in the unit's index, so the order is total: sorted in parallel, the
    // same order.
    order.par_sort_unstable_by_key(|&u| key(u));
    for (r, &u) in order.iter().enumerate() {
        units[u as usize].rank = r as u32;
    }
}

/// A total order on salience values (NaN was already replaced by 0).
fn ordered(x: f32) -> u32 {
    let b = x.to_bits();
    if b >> 31 == 1 {
        !b
    } else {
        b | 1 << 31
    }
}

/// Assigns rows greedily in start order, regroups items by length class, and indexes
/// them by centre day and rank for captions.
fn arrange_lane(lane: &mut Lane, units: &[Unit]) {
    let items = &mut lane.items;
    items.sort_unstable_by(|a, b| {
        a.start
            .total_cmp(&b.start)
            .then(b.end.total_cmp(&a.end))
            .then(a.unit.cmp(&b.unit))
    });
    let mut row_end = [f64::NEG_INFINITY; MAX_ROWS as usize];
    let mut used = 1u8;
    for it in items.iter_mut() {
        it.flags &= !flags::PILED;
        let r = match row_end.iter().position(|&e| e <= it.start) {
            Some(r) => r,
            // All rows busy: share the row that frees up first.
            None => {
                it.flags |= flags::PILED;
                (0..row_end.len())
                    .min_by(|&a, &b| row_end[a].total_cmp(&row_end[b]))
                    .unwrap_or(0)
            }
        };
        row_end[r] = row_end[r].max(it.end);
        it.row = r as u8;
        used = used.max(r as u8 + 1);
    }
    lane.rows = used;
    // Stable: keeps start order within each class.
    items.sort_by_key(|it| class_of(it.len()));
    lane.classes.clear();
    let mut i = 0;
    while i < items.len() {
        let k = class_of(items[i].len());
        let j = i + items[i..].partition_point(|it| class_of(it.len()) == k);
        let (mut lo, mut hi) = (f64::INFINITY, 0.0f64);
        for it in &items[i..j] {
            lo = lo.min(it.len());
            hi = hi.max(it.len());
        }
        lane.classes.push(LengthClass {
            range: i..j,
            min_len: lo,
            max_len: hi,
        });
        i = j;
    }
    lane.top = TopIndex::build(
        lane.items
            .iter()
            .enumerate()
            .map(|(k, it)| {
                let rank = units.get(it.unit as usize).map_or(u32::MAX - 1, |u| u.rank);
                // Never captioned here: after every happening that may be.
                let rank = if it.flags & flags::MINOR != 0 {
                    rank.saturating_add(units.len() as u32)
                } else {
                    rank
                };
                ((it.start + it.end) / 2.0, rank, k as u32)
            })
            .collect(),
    );
}
