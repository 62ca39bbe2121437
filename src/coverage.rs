//! Coverage over time: how much was reported, and when, per country lane. Pure data for the
//! coverage chart (issue 21) and for renders.
//!
//! Counts are gathered once per corpus into sparse per-day lists per country (articles by
//! publication date, events by event date), each split into firm and uncertain dates. What a
//! frame draws is a roll-up of those lists into day, week, month, quarter or year buckets over
//! the visible range only: two binary searches and a walk over the days that have data, so a
//! million events cost the same per frame as a thousand.
//!
//! An article counts in every lane its visible events involve. Events count on the day they
//! start when they are day-precise (a day or a range of days); month- and year-precise
//! events would pile up on the first of the month and are left out. Uncertain means
//! "confidence below [`Event::FIRM`]": a file-time guess or an inferred year.
//!
//! Bursts use [`crate::burst`] on the number of distinct articles placing a firm, day-precise
//! event on each day, the series that salience's attention votes are drawn from.

use crate::burst::DaySeries;
use crate::model::{Corpus, CountryCode, Event, Precision};
use crate::timeline::axis::{date_of, day_number};
use chrono::Datelike;

/// Fewest articles on a day for it to be a burst.
pub const MIN_BURST_ARTICLES: f32 = 3.0;

/// What the bars count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Events by the date they happened.
    #[default]
    Events,
    /// Articles by their publication date.
    Articles,
}

/// Counts of one day (or one bucket).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub firm: u32,
    pub uncertain: u32,
}

impl Count {
    pub fn total(&self) -> u32 {
        self.firm + self.uncertain
    }
    fn add(&mut self, o: Count) {
        self.firm += o.firm;
        self.uncertain += o.uncertain;
    }
}

/// One lane's days with data, sorted by day.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LaneDays {
    pub days: Vec<i64>,
    pub counts: Vec<Count>,
}

impl LaneDays {
    /// Sums per bucket of `size` over days `from..to` (bucket starts from the one holding
    /// `from`); one entry per bucket, empty ones included.
    pub fn roll_up(&self, size: BucketSize, from: i64, to: i64) -> Vec<Count> {
        let starts = size.starts(from, to);
        let mut out = vec![Count::default(); starts.len()];
        let (Some(&first), true) = (starts.first(), to > from) else {
            return out;
        };
        let i = self.days.partition_point(|&d| d < first);
        let j = self.days.partition_point(|&d| d < to);
        let mut b = 0;
        for k in i..j {
            let d = self.days[k];
            while b + 1 < starts.len() && starts[b + 1] <= d {
                b += 1;
            }
            out[b].add(self.counts[k]);
        }
        out
    }
}

/// Bucket sizes, from a day to a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BucketSize {
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

impl BucketSize {
    /// The smallest size that keeps `span_days` within `max_buckets` buckets.
    pub fn for_span(span_days: f64, max_buckets: f64) -> Self {
        let n = |days: f64| span_days / days;
        if n(1.0) <= max_buckets {
            BucketSize::Day
        } else if n(7.0) <= max_buckets {
            BucketSize::Week
        } else if n(30.44) <= max_buckets {
            BucketSize::Month
        } else if n(91.3) <= max_buckets {
            BucketSize::Quarter
        } else {
            BucketSize::Year
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            BucketSize::Day => "day",
            BucketSize::Week => "week",
            BucketSize::Month => "month",
            BucketSize::Quarter => "quarter",
            BucketSize::Year => "year",
        }
    }

    /// The first day of the bucket holding `day` (weeks start on Monday).
    pub fn start_of(self, day: i64) -> i64 {
        match self {
            BucketSize::Day => day,
            // 1970-01-01 (day 0) was a Thursday.
            BucketSize::Week => day - (day + 3).rem_euclid(7),
            _ => {
                let Some(d) = date_of(day) else { return day };
                let month = match self {
                    BucketSize::Month => d.month(),
                    BucketSize::Quarter => (d.month() - 1) / 3 * 3 + 1,
                    _ => 1,
                };
                chrono::NaiveDate::from_ymd_opt(d.year(), month, 1).map_or(day, day_number)
            }
        }
    }

    /// The first day of the bucket after the one starting at `start`.
    pub fn next(self, start: i64) -> i64 {
        let months = match self {
            BucketSize::Day => return start + 1,
            BucketSize::Week => return start + 7,
            BucketSize::Month => 1,
            BucketSize::Quarter => 3,
            BucketSize::Year => 12,
        };
        date_of(start)
            .and_then(|d| d.checked_add_months(chrono::Months::new(months)))
            .map_or(start + 1, day_number)
    }

    /// Starts of the buckets covering days `from..to`.
    pub fn starts(self, from: i64, to: i64) -> Vec<i64> {
        let mut out = Vec::new();
        let mut s = self.start_of(from);
        while s < to && out.len() < 100_000 {
            out.push(s);
            s = self.next(s);
        }
        out
    }
}

/// Per-day counts of a corpus, per country lane, plus the burst days.
#[derive(Clone, Debug, Default)]
pub struct Coverage {
    /// Countries with any count, in code order.
    pub countries: Vec<CountryCode>,
    /// Per country (same order): events by event date.
    pub events: Vec<LaneDays>,
    /// Per country (same order): articles by publication date.
    pub articles: Vec<LaneDays>,
    /// Distinct articles placing a firm, day-precise event, per day (all lanes).
    pub attention: DaySeries,
    /// Days far above their neighbourhood (see [`crate::burst`]), in order.
    pub bursts: Vec<i64>,
    /// First and last day with a count (end exclusive).
    pub extent: Option<(i64, i64)>,
}

/// Whether an event has a day to be counted on.
fn countable(e: &Event) -> bool {
    !e.hidden && e.span.precision == Precision::Day
}

impl Coverage {
    /// Gathers the per-day counts of `corpus`. Linear in events (a million of them are
    /// counted on every snapshot a window takes): lanes from a table of every two-byte code,
    /// marks packed into integers and put in order by a radix sort, each article's lanes
    /// and days told apart with stamps rather than a vector per article.
    pub fn build(corpus: &Corpus) -> Coverage {
        let visible = || corpus.events.iter().filter(|e| !e.hidden);
        let mut lane_of = vec![NO_LANE; 1 << 16];
        for e in visible() {
            for c in &e.countries {
                lane_of[code_slot(*c)] = 0;
            }
        }
        let mut countries: Vec<CountryCode> = Vec::new();
        for (slot, l) in lane_of.iter_mut().enumerate() {
            if *l != NO_LANE {
                *l = countries.len() as u32;
                countries.push(CountryCode((slot as u16).to_be_bytes()));
            }
        }
        let lane = |c: &CountryCode| lane_of[code_slot(*c)];

        // Each article's events together.
        let n = corpus.articles.len();
        let order = article_order(corpus);
        let mut event_marks: Vec<u64> = Vec::new();
        let mut article_marks: Vec<u64> = Vec::new();
        let mut attention: Vec<u64> = Vec::new();
        // The article that last marked each lane, and one article's firm days.
        let mut stamp = vec![u32::MAX; countries.len()];
        let mut days: Vec<i64> = Vec::new();
        let mut at = 0;
        while at < order.len() {
            let article = corpus.events[order[at]].article;
            let mut end = at;
            while end < order.len() && corpus.events[order[end]].article == article {
                end += 1;
            }
            let pub_mark = corpus
                .articles
                .get(article as usize)
                .and_then(|a| a.pub_date.as_ref())
                .map(|pd| (day_number(pd.date), pd.confidence < Event::FIRM));
            days.clear();
            for e in order[at..end].iter().map(|&i| &corpus.events[i]) {
                if (article as usize) < n {
                    for l in e.countries.iter().map(lane) {
                        if stamp[l as usize] != article {
                            stamp[l as usize] = article;
                            if let Some((day, unsure)) = pub_mark {
                                article_marks.push(mark(l, day, unsure));
                            }
                        }
                    }
                }
                if countable(e) {
                    let day = day_number(e.span.start);
                    for l in e.countries.iter().map(lane) {
                        event_marks.push(mark(l, day, e.is_uncertain()));
                    }
                    if !e.is_uncertain() {
                        days.push(day);
                    }
                }
            }
            days.sort_unstable();
            days.dedup();
            attention.extend(days.iter().map(|&d| mark(0, d, false)));
            at = end;
        }
        radix_sort(&mut attention);
        let mut per_day: Vec<(i64, f32)> = Vec::new();
        for k in attention {
            let (_, day, _) = unmark(k);
            match per_day.last_mut() {
                Some((d, v)) if *d == day => *v += 1.0,
                _ => per_day.push((day, 1.0)),
            }
        }
        let events = lanes_from_marks(event_marks, countries.len());
        let articles = lanes_from_marks(article_marks, countries.len());
        Coverage::from_counts(countries, events, articles, DaySeries::new(per_day))
    }

    /// The coverage of these per-lane counts and attention: its bursts and the days it spans.
    fn from_counts(
        countries: Vec<CountryCode>,
        events: Vec<LaneDays>,
        articles: Vec<LaneDays>,
        attention: DaySeries,
    ) -> Coverage {
        let bursts = attention.bursts(MIN_BURST_ARTICLES);
        let extent = events
            .iter()
            .chain(&articles)
            .filter_map(|l| Some((*l.days.first()?, *l.days.last()? + 1)))
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
        Coverage {
            countries,
            events,
            articles,
            attention,
            bursts,
            extent,
        }
    }

    /// The per-day counts of `country` for `measure`, if it has any.
    pub fn lane(&self, country: CountryCode, measure: Measure) -> Option<&LaneDays> {
        let i = self.countries.binary_search(&country).ok()?;
        match measure {
            Measure::Events => self.events.get(i),
            Measure::Articles => self.articles.get(i),
        }
    }

    /// Buckets (of `starts`, sorted, the last ending at `to`) that a burst drives: one of
    /// their days is a burst holding at least [`BURST_SHARE`] of the bucket's attention.
    /// A day bucket is its day; in a year of steady coverage, one busy day is not news.
    pub fn burst_buckets(&self, starts: &[i64], to: i64) -> Vec<usize> {
        let mut out = Vec::new();
        for (b, &s) in starts.iter().enumerate() {
            let end = starts.get(b + 1).copied().unwrap_or(to);
            let i = self.bursts.partition_point(|&d| d < s);
            let j = self.bursts.partition_point(|&d| d < end);
            if i == j {
                continue;
            }
            let top = self.bursts[i..j]
                .iter()
                .map(|&d| self.attention.value(d))
                .fold(0.0f32, f32::max);
            let total = self.attention.sum(s, end - 1) as f32;
            if top >= BURST_SHARE * total {
                out.push(b);
            }
        }
        out
    }
}

/// No lane (in the table of codes).
const NO_LANE: u32 = u32::MAX;

/// A code's place in a table of every two-byte code, in code order.
fn code_slot(c: CountryCode) -> usize {
    usize::from(u16::from_be_bytes(c.0))
}

/// Visible events in article order: as listed when the corpus lists them so (a joined
/// corpus does: linear), else sorted by article (stable).
fn article_order(corpus: &Corpus) -> Vec<usize> {
    let article = |i: &usize| corpus.events[*i].article;
    let mut visible: Vec<usize> = (0..corpus.events.len())
        .filter(|&i| !corpus.events[i].hidden)
        .collect();
    if !visible.is_sorted_by_key(article) {
        visible.sort_by_key(article);
    }
    visible
}

/// Days are stored from this far before 1970, so that every day chrono can hold packs
/// into 28 bits as a non-negative number.
const DAY_BIAS: i64 = 1 << 27;

/// A (lane, day, uncertain) mark as one integer that orders as the triple does.
fn mark(lane: u32, day: i64, unsure: bool) -> u64 {
    let day = (day + DAY_BIAS).clamp(0, (1 << 28) - 1) as u64;
    (u64::from(lane) << 29) | (day << 1) | u64::from(unsure)
}

fn unmark(k: u64) -> (usize, i64, bool) {
    (
        (k >> 29) as usize,
        ((k >> 1) & ((1 << 28) - 1)) as i64 - DAY_BIAS,
        k & 1 == 1,
    )
}

/// Per lane, its days with their counts, from marks in any order.
fn lanes_from_marks(mut marks: Vec<u64>, lanes: usize) -> Vec<LaneDays> {
    radix_sort(&mut marks);
    let mut out = vec![LaneDays::default(); lanes];
    for k in marks {
        let (l, d, unsure) = unmark(k);
        let Some(lane) = out.get_mut(l) else { continue };
        if lane.days.last() != Some(&d) {
            lane.days.push(d);
            lane.counts.push(Count::default());
        }
        if let Some(c) = lane.counts.last_mut() {
            if unsure {
                c.uncertain += 1;
            } else {
                c.firm += 1;
            }
        }
    }
    out
}

/// Sorts integers a byte at a time from the lowest (a byte that is the same in every key
/// is skipped): linear in keys, where a comparison sort of a million marks is not.
fn radix_sort(keys: &mut Vec<u64>) {
    let n = keys.len();
    if n < 256 {
        keys.sort_unstable();
        return;
    }
    let mut counts = [[0usize; 256]; 8];
    for &k in keys.iter() {
        for (b, c) in counts.iter_mut().enumerate() {
            c[((k >> (8 * b)) & 0xff) as usize] += 1;
        }
    }
    let mut buf = vec![0u64; n];
    for (b, c) in counts.iter().enumerate() {
        if c.contains(&n) {
            continue;
        }
        let mut at = [0usize; 256];
        let mut sum = 0;
        for (slot, &count) in at.iter_mut().zip(c) {
            *slot = sum;
            sum += count;
        }
        for &k in keys.iter() {
            let d = ((k >> (8 * b)) & 0xff) as usize;
            buf[at[d]] = k;
            at[d] += 1;
        }
        std::mem::swap(keys, &mut buf);
    }
}

/// Share of a bucket's attention a burst day must hold for the bucket to be marked.
pub const BURST_SHARE: f32 = 0.2;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Article, DateSpan, DatedEvidence, PubDateSource};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn event(article: u32, date: NaiveDate, countries: &[&str], confidence: f32) -> Event {
        Event {
            confidence,
            cluster: 0,
            ..Event::for_test(article, DateSpan::day(date), countries)
        }
    }

    fn article(pub_date: NaiveDate, confidence: f32) -> Article {
        Article {
            pub_date: Some(DatedEvidence {
                date: pub_date,
                source: PubDateSource::HeaderLine,
                confidence,
                note: String::new(),
            }),
            ..Default::default()
        }
    }

    #[test]
    fn days_roll_up_into_weeks_months_and_years_with_uncertain_apart() {
        let jp = CountryCode::parse("JP").unwrap();
        let mut events = vec![
            event(0, d(2024, 1, 1), &["JP"], 0.9),       // Monday
            event(0, d(2024, 1, 7), &["JP", "KR"], 0.9), // Sunday, same week
            event(1, d(2024, 1, 8), &["JP"], 0.3),       // next Monday, a guess
            event(1, d(2024, 2, 29), &["JP"], 0.9),
            event(1, d(2025, 3, 1), &["JP"], 0.9),
        ];
        let mut month = event(1, d(2024, 5, 1), &["JP"], 0.9);
        month.span = DateSpan {
            start: d(2024, 5, 1),
            end: d(2024, 5, 31),
            precision: Precision::Month,
        };
        events.push(month);
        let mut hidden = event(1, d(2024, 1, 2), &["JP"], 0.9);
        hidden.hidden = true;
        events.push(hidden);
        let corpus = Corpus {
            articles: vec![article(d(2024, 1, 8), 0.9), article(d(2025, 3, 2), 0.2)],
            events,
            ..Default::default()
        };
        let c = Coverage::build(&corpus);
        assert_eq!(c.countries.len(), 2);
        let lane = c.lane(jp, Measure::Events).unwrap();
        let (from, to) = (day_number(d(2024, 1, 1)), day_number(d(2026, 1, 1)));
        let firm = |v: &[Count]| v.iter().map(|c| c.firm).collect::<Vec<_>>();
        let unsure = |v: &[Count]| v.iter().map(|c| c.uncertain).collect::<Vec<_>>();

        let weeks = lane.roll_up(BucketSize::Week, from, day_number(d(2024, 1, 15)));
        assert_eq!(firm(&weeks), vec![2, 0]);
        assert_eq!(unsure(&weeks), vec![0, 1]);
        let months = lane.roll_up(BucketSize::Month, from, day_number(d(2024, 4, 1)));
        assert_eq!(
            firm(&months),
            vec![2, 1, 0],
            "month-precise and hidden left out"
        );
        assert_eq!(unsure(&months), vec![1, 0, 0]);
        let years = lane.roll_up(BucketSize::Year, from, to);
        assert_eq!(firm(&years), vec![3, 1]);
        // The range clips: nothing before `from`'s bucket or from `to` on.
        let days = lane.roll_up(
            BucketSize::Day,
            day_number(d(2024, 1, 2)),
            day_number(d(2024, 1, 8)),
        );
        assert_eq!(days.len(), 6);
        assert_eq!(firm(&days)[5], 1);
        assert_eq!(days.iter().map(Count::total).sum::<u32>(), 1);
        // Roll-ups of rolled-up sizes agree with the days they hold.
        let day_total: u32 = lane
            .roll_up(BucketSize::Day, from, to)
            .iter()
            .map(Count::total)
            .sum();
        let q_total: u32 = lane
            .roll_up(BucketSize::Quarter, from, to)
            .iter()
            .map(Count::total)
            .sum();
        assert_eq!(day_total, 5);
        assert_eq!(q_total, 5);

        // Articles by publication date, in the lanes of their events; a guessed date apart.
        let arts = c.lane(jp, Measure::Articles).unwrap();
        let years = arts.roll_up(BucketSize::Year, from, to);
        assert_eq!(firm(&years), vec![1, 0]);
        assert_eq!(unsure(&years), vec![0, 1]);
        assert_eq!(c.extent, Some((from, day_number(d(2025, 3, 2)) + 1)));
    }

    #[test]
    fn bucket_sizes_follow_the_span_and_start_where_calendars_do() {
        assert_eq!(BucketSize::for_span(90.0, 120.0), BucketSize::Day);
        assert_eq!(BucketSize::for_span(400.0, 120.0), BucketSize::Week);
        assert_eq!(BucketSize::for_span(3000.0, 120.0), BucketSize::Month);
        assert_eq!(BucketSize::for_span(40_000.0, 120.0), BucketSize::Year);
        let wed = day_number(d(2024, 8, 14));
        assert_eq!(BucketSize::Week.start_of(wed), day_number(d(2024, 8, 12)));
        assert_eq!(BucketSize::Quarter.start_of(wed), day_number(d(2024, 7, 1)));
        assert_eq!(
            BucketSize::Month.next(day_number(d(2024, 1, 1))),
            day_number(d(2024, 2, 1))
        );
        assert_eq!(BucketSize::Year.starts(wed, wed + 400).len(), 2);
    }

    #[test]
    fn a_day_many_articles_report_is_a_burst() {
        let mut events: Vec<Event> = (0..5)
            .map(|a| event(a, d(2024, 3, 10), &["FR"], 0.9))
            .collect();
        events.push(event(5, d(2024, 3, 1), &["FR"], 0.9));
        events.push(event(6, d(2024, 3, 20), &["FR"], 0.9));
        let corpus = Corpus {
            articles: vec![Article::default(); 7],
            events,
            ..Default::default()
        };
        let c = Coverage::build(&corpus);
        assert_eq!(c.bursts, vec![day_number(d(2024, 3, 10))]);
        let from = day_number(d(2024, 3, 1));
        let starts = BucketSize::Week.starts(from, from + 28);
        assert_eq!(c.burst_buckets(&starts, from + 28), vec![1]);
        // In a year of steady coverage the same burst no longer drives its bucket.
        let mut events = corpus.events.clone();
        let mut articles = corpus.articles.clone();
        for day in 0..365u64 {
            for k in 0..2 {
                articles.push(Article::default());
                let a = articles.len() as u32 - 1;
                let date = d(2024, 1, 1) + chrono::Days::new(day);
                if date != d(2024, 3, 10) && k < 2 {
                    events.push(event(a, date, &["FR"], 0.9));
                }
            }
        }
        for _ in 0..10 {
            articles.push(Article::default());
            events.push(event(
                articles.len() as u32 - 1,
                d(2024, 3, 10),
                &["FR"],
                0.9,
            ));
        }
        let busy = Coverage::build(&Corpus {
            articles,
            events,
            ..Default::default()
        });
        assert!(
            busy.bursts.contains(&day_number(d(2024, 3, 10))),
            "still a burst day"
        );
        let year = BucketSize::Year.starts(from, from + 300);
        assert!(busy.burst_buckets(&year, from + 300).is_empty());
        assert_eq!(
            busy.burst_buckets(&starts, from + 28),
            vec![1],
            "its week is marked"
        );
    }

    /// What `Coverage::build` gave before it was made linear (a vector of lanes per
    /// article, every mark sorted), kept as the reference it must equal.
    fn reference(corpus: &Corpus) -> Coverage {
        let mut countries: Vec<CountryCode> = corpus
            .events
            .iter()
            .filter(|e| !e.hidden)
            .flat_map(|e| e.countries.iter().copied())
            .collect();
        countries.sort_unstable();
        countries.dedup();
        let lane = |c: &CountryCode| countries.binary_search(c).ok();
        let from = |mut marks: Vec<(i64, bool)>| {
            marks.sort_unstable();
            let mut out = LaneDays::default();
            for (d, unsure) in marks {
                if out.days.last() != Some(&d) {
                    out.days.push(d);
                    out.counts.push(Count::default());
                }
                let c = out.counts.last_mut().unwrap();
                if unsure {
                    c.uncertain += 1;
                } else {
                    c.firm += 1;
                }
            }
            out
        };
        let mut event_marks: Vec<Vec<(i64, bool)>> = vec![Vec::new(); countries.len()];
        let mut article_lanes: Vec<Vec<usize>> = vec![Vec::new(); corpus.articles.len()];
        let mut attention: Vec<(i64, u32)> = Vec::new();
        for e in corpus.events.iter().filter(|e| !e.hidden) {
            let lanes = e.countries.iter().filter_map(lane);
            if let Some(al) = article_lanes.get_mut(e.article as usize) {
                al.extend(lanes.clone());
            }
            if countable(e) {
                let day = day_number(e.span.start);
                for l in lanes {
                    event_marks[l].push((day, e.is_uncertain()));
                }
                if !e.is_uncertain() {
                    attention.push((day, e.article));
                }
            }
        }
        let mut article_marks: Vec<Vec<(i64, bool)>> = vec![Vec::new(); countries.len()];
        for (a, mut lanes) in corpus.articles.iter().zip(article_lanes) {
            let Some(pd) = &a.pub_date else { continue };
            lanes.sort_unstable();
            lanes.dedup();
            for l in lanes {
                article_marks[l].push((day_number(pd.date), pd.confidence < Event::FIRM));
            }
        }
        attention.sort_unstable();
        attention.dedup();
        let attention = DaySeries::new(attention.into_iter().map(|(d, _)| (d, 1.0)).collect());
        let events: Vec<LaneDays> = event_marks.into_iter().map(from).collect();
        let articles: Vec<LaneDays> = article_marks.into_iter().map(from).collect();
        Coverage::from_counts(countries, events, articles, attention)
    }

    /// A corpus of our own making, drawn from `seed`: events over decades and far-off
    /// years, several countries each (a repeat among them), some hidden, some only
    /// month-precise, guessed dates, articles with and without a date, and an event whose
    /// article is not in the corpus.
    fn drawn(seed: u64, articles: u32, events: usize) -> Corpus {
        let mut x = seed;
        let mut next = move |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        let codes = ["FR", "JP", "KE", "PE", "ZA", "AR", "US"];
        let mut evs = Vec::new();
        for _ in 0..events {
            let date = if next(50) == 0 {
                d(1066, 10, 14) + chrono::Days::new(next(30))
            } else {
                d(1995, 1, 1) + chrono::Days::new(next(11_000))
            };
            let k = 1 + next(3) as usize;
            let mut cs: Vec<&str> = (0..k).map(|_| codes[next(7) as usize]).collect();
            cs.sort_unstable();
            if next(4) != 0 {
                cs.dedup();
            }
            let confidence = if next(5) == 0 { 0.3 } else { 0.9 };
            let mut e = event(next(u64::from(articles) + 1) as u32, date, &cs, confidence);
            e.hidden = next(10) == 0;
            if next(8) == 0 {
                e.span.precision = Precision::Month;
            }
            evs.push(e);
        }
        let arts = (0..articles)
            .map(|i| {
                let mut a = article(d(2000, 1, 1) + chrono::Days::new(next(9000)), 0.9);
                if i % 7 == 0 {
                    a.pub_date = None;
                } else if i % 5 == 0 {
                    a.pub_date.as_mut().unwrap().confidence = 0.2;
                }
                a
            })
            .collect();
        Corpus {
            articles: arts,
            events: evs,
            ..Default::default()
        }
    }

    #[test]
    fn the_linear_build_equals_sorting_every_mark() {
        for (seed, articles, events) in [(1, 40, 300), (7, 3, 2_000), (99, 500, 6_000)] {
            let mut corpus = drawn(seed, articles, events);
            let unsorted = format!("{:?}", Coverage::build(&corpus));
            assert_eq!(unsorted, format!("{:?}", reference(&corpus)), "seed {seed}");
            // Grouped by article, as a joined corpus lists them: the same counts.
            corpus.events.sort_by_key(|e| e.article);
            let sorted = format!("{:?}", Coverage::build(&corpus));
            assert_eq!(sorted, format!("{:?}", reference(&corpus)), "seed {seed}");
            assert_eq!(sorted, unsorted);
        }
        let c = Coverage::build(&drawn(99, 500, 6_000));
        assert!(c.countries.len() == 7 && c.extent.is_some() && !c.bursts.is_empty());
        assert!(
            c.extent.unwrap().0 < day_number(d(1100, 1, 1)),
            "the far-off year counts"
        );
    }

    #[test]
    fn the_radix_sort_orders_like_a_comparison_sort() {
        let mut x = 12345u64;
        for (n, mask) in [
            (10, u64::MAX),
            (1_000, 0xff_ff00),
            (5_000, u64::MAX),
            (3_000, 0),
        ] {
            let keys: Vec<u64> = (0..n)
                .map(|_| {
                    x = x
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (x >> 7) & mask
                })
                .collect();
            let mut a = keys.clone();
            radix_sort(&mut a);
            let mut b = keys;
            b.sort_unstable();
            assert_eq!(a, b);
        }
        // Marks order as their (lane, day, uncertain) triples, far-off days included.
        let days = [-700_000, -1, 0, 1, 20_000, 2_900_000];
        for l in [0, 1, 600] {
            for w in days.windows(2) {
                assert!(mark(l, w[0], true) < mark(l, w[1], false));
                assert_eq!(unmark(mark(l, w[0], true)), (l as usize, w[0], true));
            }
            assert!(mark(l, 2_900_000, true) < mark(l + 1, -700_000, false));
        }
    }
}
