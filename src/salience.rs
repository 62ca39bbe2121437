//! Salience: how much each happening matters in this corpus, in [0, 1], from what the corpus
//! itself says (never from one document alone).
//!
//! The core is **attention voting**: every article has one vote, split evenly over the
//! distinct single days it places (confidence-weighted). A report about one day gives that
//! day its whole vote; a profile that walks through twenty dates gives each a twentieth. A
//! day's evidence is the sum of the votes of every article that places it, which counts
//! distinct articles (as the plain baseline does) while discounting background and
//! chronology pieces that name many dates in passing. Ranges, months and years vote the same
//! way among each article's other spans and are weighted down by precision. A date named in
//! an aside ("Kim, who was arrested on 14 May, ...") votes in full: later articles recalling
//! a date in passing are evidence that it mattered. Copies of one text (a syndicated story
//! printed by several outlets, a page saved twice) are one report: they share one vote, and
//! their outlets count as one.
//!
//! On top of that, per happening (cluster):
//! * **burstiness**: a day's votes against the mean of its neighbourhood
//!   (the neighbourhood and its reasons as in [`crate::burst`], which the coverage
//!   chart marks bursts with) — a day far above its surroundings is an event, a day inside a long steady
//!   stretch of coverage less so (mild: [`BURST_POWER`]);
//! * **outlets**: distinct outlets reporting the happening (independent reporting
//!   corroborates more than one outlet repeating itself), where outlets are known;
//! * **which happening of the day**: clusters on the same date share the date's evidence by
//!   their own votes, their members' date confidence, and whether the date sits in the main
//!   clause or in an aside (a quotation, parentheses, a relative or subordinate clause) — the
//!   day's best-supported main-clause report carries the day, other clusters fall behind it.
//!
//! Raw scores are mapped to [0, 1] by `ln(1 + raw) / ln(1 + max raw)`, so the top happening
//! of a corpus is 1.0 and a happening with one article's full vote is at about
//! `ln 2 / ln(1 + max)`. Everything is linear in the number of events (hash maps, no sort).
//! Measured against journalists' timelines by `examples/score_salience.rs`.

use crate::burst::DaySeries;
use crate::fxmap::FxMap;
use crate::model::{Article, Cluster, DateSpan, Event, Precision};
use crate::timeline::axis::day_number;
use std::collections::HashMap;

mod asides;
use asides::asides;

/// Exponent of the burst factor `(v / (v + neighbourhood mean))`: kept mild, since a long
/// story has many important days next to each other.
pub(crate) const BURST_POWER: f32 = 0.25;
/// How strongly a cluster's share of its date's evidence separates it from other clusters
/// on the same date (0 = all equal, 1 = proportional).
const SHARE_POWER: f32 = 0.5;
/// Weight of a member whose date is in an aside, against one in the main clause, when
/// clusters on the same date are compared (not in the date's evidence).
const ASIDE_WEIGHT: f32 = 0.6;

/// How much less a date of this kind says *when* something happened.
fn precision_factor(span: &DateSpan) -> f32 {
    match span.precision {
        Precision::Day if span.start == span.end => 1.0,
        Precision::Day if span.days() <= 7 => 0.8,
        Precision::Day => 0.5,
        Precision::Month => 0.4,
        Precision::Year => 0.2,
    }
}

/// An article's vote is split among its single days, and apart from that among its other
/// spans (ranges, months, years), so vague dates never dilute the days.
fn is_fine(span: &DateSpan) -> bool {
    span.is_single_day()
}

/// The outlet an article comes from: its stated outlet, else the host of its URL.
fn outlet_of(a: &Article) -> Option<String> {
    if let Some(o) = a.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        return Some(o.to_lowercase());
    }
    let url = a.url.as_deref()?;
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_lowercase())
}

/// Bytes of a text's start and end that, with its length, find the copies it may have.
const COPY_PROBE: usize = 256;

/// For each article, how many articles of the corpus carry its very text (1 when none else
/// does; an empty text is never a copy), and the first of them, which stands for them all.
/// Texts are grouped by length, start and end, and each is compared whole with the first of
/// its group only, so the cost stays linear in the corpus's text.
fn copies(articles: &[Article]) -> (Vec<u32>, Vec<u32>) {
    let mut first: HashMap<(usize, &[u8], &[u8]), u32> = HashMap::new();
    let mut original: Vec<u32> = Vec::with_capacity(articles.len());
    let mut count = vec![0u32; articles.len()];
    for (i, a) in articles.iter().enumerate() {
        let t = a.text.as_bytes();
        let mut o = i as u32;
        if !a.text.trim().is_empty() {
            let key = (
                t.len(),
                &t[..t.len().min(COPY_PROBE)],
                &t[t.len().saturating_sub(COPY_PROBE)..],
            );
            let f = *first.entry(key).or_insert(o);
            if articles[f as usize].text.as_bytes() == t {
                o = f;
            }
        }
        original.push(o);
        count[o as usize] += 1;
    }
    let counts = original.iter().map(|&o| count[o as usize]).collect();
    (counts, original)
}

/// Per-event facts the ranking needs, computed once.
struct Vote {
    article: u32,
    span: DateSpan,
    /// The date's confidence.
    weight: f32,
    /// The aside weight (1 in the main clause).
    clause: f32,
}

/// Reads every event's aside answer once into the memory [`asides`] keeps (a reopened
/// corpus takes its salience from the index, so nothing has been ranked in this process
/// yet): the first correction or watched change after a reopen then re-ranks as fast as
/// the later ones. Done on the loader's thread after the corpus is shown.
pub(crate) fn remember_asides(events: &[Event], articles: &[Article]) {
    asides(events, articles);
}

/// Fills `salience` of every cluster and of every event (an event takes its cluster's).
/// Hidden events (and their singleton clusters) get 0.
pub(crate) fn rank(events: &mut [Event], clusters: &mut [Cluster], articles: &[Article]) {
    let asides = asides(events, articles);
    let votes: Vec<Vote> = events
        .iter()
        .zip(asides)
        .map(|(e, aside)| Vote {
            article: e.article,
            span: e.span,
            weight: e.confidence.clamp(0.0, 1.0),
            clause: if aside { ASIDE_WEIGHT } else { 1.0 },
        })
        .collect();

    // Each article's best weight per date, and how many dates of each kind it places.
    let mut per_article: FxMap<(u32, DateSpan), f32> = FxMap::default();
    for (v, e) in votes.iter().zip(events.iter()) {
        if e.hidden {
            continue;
        }
        let w = per_article.entry((v.article, v.span)).or_insert(0.0);
        *w = w.max(v.weight);
    }
    // A copy's vote is shared with the other copies of its text.
    let (copies, original) = copies(articles);
    let copy_share = |article: u32| -> f32 {
        1.0 / copies.get(article as usize).copied().unwrap_or(1).max(1) as f32
    };
    let mut dates_of: FxMap<(u32, bool), u32> = FxMap::default();
    for (article, span) in per_article.keys() {
        *dates_of.entry((*article, is_fine(span))).or_insert(0) += 1;
    }
    let share = |article: u32, span: &DateSpan| -> f32 {
        let n = dates_of
            .get(&(article, is_fine(span)))
            .copied()
            .unwrap_or(1);
        1.0 / n.max(1) as f32
    };
    // A date's evidence: the split votes of every article placing it, summed in event order
    // (each (article, date) at its first event) so that every load gives the same bits: a
    // hash map's iteration order differs between runs, and float addition is not associative.
    let mut evidence: FxMap<DateSpan, f32> = FxMap::default();
    for e in events.iter() {
        if let Some(w) = per_article.remove(&(e.article, e.span)) {
            *evidence.entry(e.span).or_insert(0.0) +=
                w * share(e.article, &e.span) * copy_share(e.article);
        }
    }
    // Burstiness on the days' evidence, by the same definition the coverage chart marks
    // bursts with (`crate::burst`), so the chart and the ranking agree on what stands out.
    let days = DaySeries::new(
        evidence
            .iter()
            .filter(|(s, _)| s.is_single_day())
            .map(|(s, v)| (day_number(s.start), *v))
            .collect(),
    );
    let burst = |span: &DateSpan, v: f32| -> f32 {
        if !span.is_single_day() || v <= 0.0 {
            return 1.0;
        }
        days.burstiness(day_number(span.start)).powf(BURST_POWER)
    };

    // Each article's outlet as a number (one per distinct name), named once per article
    // rather than once per event.
    let mut outlet_ids: HashMap<String, u32> = HashMap::new();
    let outlet_of_article: Vec<Option<u32>> = articles
        .iter()
        .map(|a| {
            let o = outlet_of(a)?;
            let next = outlet_ids.len() as u32;
            Some(*outlet_ids.entry(o).or_insert(next))
        })
        .collect();
    // Each cluster's own support: its distinct articles' split votes, and its outlets (a
    // copy of a text already counted in the cluster names no outlet of its own).
    let mut own = vec![0.0f32; clusters.len()];
    let mut outlets = vec![0usize; clusters.len()];
    // (Three lists reused from cluster to cluster.)
    let (mut seen, mut texts, mut names): (Vec<u32>, Vec<u32>, Vec<u32>) =
        (Vec::new(), Vec::new(), Vec::new());
    for (ci, c) in clusters.iter().enumerate() {
        seen.clear();
        texts.clear();
        names.clear();
        for &ei in &c.events {
            let (e, v) = (&events[ei as usize], &votes[ei as usize]);
            if e.hidden || seen.contains(&e.article) {
                continue;
            }
            seen.push(e.article);
            own[ci] += v.weight * v.clause * share(e.article, &e.span) * copy_share(e.article);
            let text = original
                .get(e.article as usize)
                .copied()
                .unwrap_or(e.article);
            if texts.contains(&text) {
                continue;
            }
            texts.push(text);
            if let Some(o) = outlet_of_article.get(e.article as usize).copied().flatten() {
                if !names.contains(&o) {
                    names.push(o);
                }
            }
        }
        outlets[ci] = names.len();
    }
    // The best own support among the clusters on each date.
    let mut best_on: FxMap<DateSpan, f32> = FxMap::default();
    for (ci, c) in clusters.iter().enumerate() {
        if let Some(span) = representative(c, events) {
            let b = best_on.entry(span).or_insert(0.0);
            *b = b.max(own[ci]);
        }
    }

    let mut burst_of: FxMap<DateSpan, f32> = FxMap::default();
    let raw: Vec<f32> = clusters
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let Some(span) = representative(c, events) else {
                return 0.0;
            };
            let v = evidence.get(&span).copied().unwrap_or(0.0);
            let best = best_on.get(&span).copied().unwrap_or(0.0);
            let part = if best > 0.0 {
                (own[ci] / best).powf(SHARE_POWER)
            } else {
                0.0
            };
            let outlet_factor = 1.0 + 0.25 * (outlets[ci].max(1) as f32).ln();
            // Many clusters share a date: its burstiness is read once.
            let b = *burst_of.entry(span).or_insert_with(|| burst(&span, v));
            v * b * precision_factor(&span) * part * outlet_factor
        })
        .collect();
    let max = raw.iter().copied().fold(0.0f32, f32::max);
    let scale = (1.0 + max).ln();
    for (c, r) in clusters.iter_mut().zip(&raw) {
        c.salience = if scale > 0.0 {
            ((1.0 + r).ln() / scale).clamp(0.0, 1.0)
        } else {
            0.0
        };
    }
    for e in events.iter_mut() {
        e.salience = if e.hidden {
            0.0
        } else {
            clusters.get(e.cluster as usize).map_or(0.0, |c| c.salience)
        };
    }
}

/// The span a cluster is placed at: its representative's, if it has a visible member.
fn representative(c: &Cluster, events: &[Event]) -> Option<DateSpan> {
    let e = &events[*c.events.first()? as usize];
    (!e.hidden).then_some(e.span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleId, Paragraph, ParagraphKind};
    use chrono::{Datelike, NaiveDate};

    fn day(m: u32, d: u32) -> DateSpan {
        DateSpan::day(NaiveDate::from_ymd_opt(2023, m, d).unwrap())
    }

    /// An article whose body is `text`, with a line of its own after it, so that no two
    /// articles are copies of one text unless a test clones one.
    fn article(text: &str, outlet: Option<&str>) -> Article {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        Article {
            text: format!("{text}\n\nStory {n}."),
            outlet: outlet.map(str::to_string),
            paragraphs: vec![Paragraph {
                range: 0..text.len(),
                kind: ParagraphKind::Body,
            }],
            ..Default::default()
        }
    }

    fn event(article: ArticleId, text: &str, date: &str, span: DateSpan, cluster: u32) -> Event {
        let at = text.find(date).unwrap();
        Event {
            sentence: 0..text.len(),
            date_range: at..at + date.len(),
            confidence: 0.95,
            cluster,
            ..Event::for_test(article, span, &[])
        }
    }

    /// Clusters one per event except where `groups` joins them.
    fn clusters_for(events: &[Event]) -> Vec<Cluster> {
        let n = events.iter().map(|e| e.cluster).max().map_or(0, |m| m + 1);
        (0..n)
            .map(|id| Cluster {
                id,
                events: (0..events.len() as u32)
                    .filter(|&i| events[i as usize].cluster == id)
                    .collect(),
                ..Default::default()
            })
            .collect()
    }

    const T: &str = "The treaty was signed on 3 May 2023.";

    #[test]
    fn more_articles_more_salience_and_all_in_range() {
        let arts: Vec<Article> = (0..4).map(|_| article(T, None)).collect();
        // Three articles on 3 May (one cluster), one on 9 May.
        let mut evs = vec![
            event(0, T, "3 May 2023", day(5, 3), 0),
            event(1, T, "3 May 2023", day(5, 3), 0),
            event(2, T, "3 May 2023", day(5, 3), 0),
            event(3, T, "3 May 2023", day(5, 9), 1),
        ];
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts);
        assert!((cl[0].salience - 1.0).abs() < 1e-6);
        assert!(cl[1].salience > 0.0 && cl[1].salience < cl[0].salience);
        assert!(evs.iter().all(|e| (0.0..=1.0).contains(&e.salience)));
        assert_eq!(evs[3].salience, cl[1].salience);
    }

    #[test]
    fn an_article_naming_many_dates_gives_each_a_smaller_vote() {
        // Article 0 reports 3 May alone; article 1 is a chronology naming four dates.
        let arts = vec![article(T, None), article(T, None)];
        let mut evs = vec![event(0, T, "3 May 2023", day(5, 3), 0)];
        for (i, d) in [1, 10, 20, 28].iter().enumerate() {
            evs.push(event(1, T, "3 May 2023", day(6, *d), 1 + i as u32));
        }
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts);
        for c in &cl[1..] {
            assert!(c.salience < cl[0].salience, "{c:?}");
        }
    }

    #[test]
    fn on_one_date_the_main_clause_report_leads_and_asides_still_count() {
        let main = "Kim met Putin on 3 May 2023.";
        let aside = "Kim, who met Putin on 3 May 2023, went home.";
        let other = "Kim met Putin on 3 May 2023.";
        let arts = vec![
            article(main, None),
            article(aside, None),
            article(aside, None),
            article(other, None),
        ];
        // Two clusters on 3 May: one main-clause report, one from two asides. One report
        // on 9 May in a main clause.
        let mut evs = vec![
            event(0, main, "3 May 2023", day(5, 3), 0),
            event(1, aside, "3 May 2023", day(5, 3), 1),
            event(2, aside, "3 May 2023", day(5, 3), 1),
            event(3, other, "3 May 2023", day(5, 9), 2),
        ];
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts);
        // The asides make 3 May the bigger date...
        assert!(cl[0].salience > cl[2].salience, "{cl:?}");
        // ... but the two asides (0.6 each) beat one main clause as the day's report.
        assert!(cl[1].salience >= cl[0].salience, "{cl:?}");
        let mut evs = vec![
            event(0, main, "3 May 2023", day(5, 3), 0),
            event(1, aside, "3 May 2023", day(5, 3), 1),
        ];
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts[..2]);
        assert!(cl[0].salience > cl[1].salience, "{cl:?}");
    }

    #[test]
    fn precise_dates_beat_vague_ones_and_outlets_corroborate() {
        let arts = vec![
            article(T, Some("Wire A")),
            article(T, Some("Wire B")),
            article(T, Some("Wire A")),
            article(T, Some("Wire A")),
        ];
        let month = DateSpan {
            start: NaiveDate::from_ymd_opt(2023, 7, 1).unwrap(),
            end: NaiveDate::from_ymd_opt(2023, 7, 31).unwrap(),
            precision: Precision::Month,
        };
        let mut evs = vec![
            // Two outlets on 3 May, one outlet twice on 9 May, a month from one article.
            event(0, T, "3 May 2023", day(5, 3), 0),
            event(1, T, "3 May 2023", day(5, 3), 0),
            event(2, T, "3 May 2023", day(5, 9), 1),
            event(3, T, "3 May 2023", day(5, 9), 1),
        ];
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts);
        assert!(cl[0].salience > cl[1].salience);
        // A month from one article against a day from another.
        let mut evs = vec![
            event(0, T, "3 May 2023", day(5, 3), 0),
            event(1, T, "3 May 2023", month, 1),
        ];
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts);
        assert!(cl[0].salience > cl[1].salience);
    }

    #[test]
    fn an_article_repeating_a_date_gives_it_one_vote() {
        // Article 0 names 3 May in five sentences; articles 1 and 2 name 9 May once each.
        let arts: Vec<Article> = (0..3).map(|_| article(T, None)).collect();
        let mut evs: Vec<Event> = (0..5)
            .map(|_| event(0, T, "3 May 2023", day(5, 3), 0))
            .collect();
        evs.push(event(1, T, "3 May 2023", day(5, 9), 1));
        evs.push(event(2, T, "3 May 2023", day(5, 9), 1));
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts);
        assert!(cl[1].salience > cl[0].salience, "{cl:?}");
    }

    #[test]
    fn copies_of_one_text_are_one_report() {
        // 3 May: one story printed three times (a page saved again, two outlets running the
        // wire copy). 9 May: two different reports.
        let wire = article(T, Some("Wire A"));
        let mut arts = vec![wire.clone(), wire.clone(), wire];
        arts[1].outlet = Some("Paper B".into());
        arts[2].outlet = Some("Paper C".into());
        arts.push(article(T, Some("Wire A")));
        arts.push(article(T, Some("Wire A")));
        // Articles 0–2 on 3 May, 3–4 on 9 May.
        let three_and_two = || -> Vec<Event> {
            (0..5)
                .map(|a| {
                    event(
                        a,
                        T,
                        "3 May 2023",
                        day(5, if a < 3 { 3 } else { 9 }),
                        u32::from(a >= 3),
                    )
                })
                .collect()
        };
        let mut evs = three_and_two();
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts);
        assert!(cl[1].salience > cl[0].salience, "{cl:?}");

        // The copies' outlets count as one: a copy in Paper B beside the story in Wire A and
        // another report in Wire A weigh the same as two reports in Wire A.
        let mut arts = arts[..2].to_vec();
        arts.extend((0..3).map(|_| article(T, Some("Wire A"))));
        let mut evs = three_and_two();
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts);
        assert!((cl[0].salience - cl[1].salience).abs() < 1e-5, "{cl:?}");
        // Texts that differ are no copies, however alike their length, start and end.
        let long = "x".repeat(3 * COPY_PROBE);
        let mut other = long.clone().into_bytes();
        other[COPY_PROBE + 10] = b'y';
        let texts = [
            long.clone(),
            String::from_utf8(other).unwrap(),
            long,
            String::new(),
        ];
        let arts: Vec<Article> = texts
            .iter()
            .map(|t| Article {
                text: t.clone(),
                ..Default::default()
            })
            .collect();
        let (counts, original) = copies(&arts);
        assert_eq!(counts, vec![2, 1, 2, 1]);
        assert_eq!(original, vec![0, 1, 0, 3]);
    }

    #[test]
    fn hidden_events_and_empty_corpora_get_zero() {
        let arts = vec![article(T, None)];
        let mut evs = vec![event(0, T, "3 May 2023", day(5, 3), 0)];
        evs[0].hidden = true;
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts);
        assert_eq!(cl[0].salience, 0.0);
        assert_eq!(evs[0].salience, 0.0);
        rank(&mut [], &mut [], &[]);
    }

    #[test]
    fn a_burst_beats_a_steady_stretch() {
        // 10 June: three articles, quiet around. 10 July: three articles, but every day
        // around it has coverage too.
        let mut arts = Vec::new();
        let mut evs = Vec::new();
        let push = |span: DateSpan, arts: &mut Vec<Article>, evs: &mut Vec<Event>| {
            arts.push(article(T, None));
            let id = arts.len() as u32 - 1;
            evs.push(event(id, T, "3 May 2023", span, id));
        };
        for _ in 0..3 {
            push(day(6, 10), &mut arts, &mut evs);
            push(day(7, 10), &mut arts, &mut evs);
        }
        for d in (1..=25).filter(|d| !(8..=12).contains(d)) {
            push(day(7, d), &mut arts, &mut evs);
            push(day(7, d), &mut arts, &mut evs);
        }
        // One cluster per date.
        for e in evs.iter_mut() {
            e.cluster = if e.span == day(6, 10) {
                0
            } else if e.span == day(7, 10) {
                1
            } else {
                2 + e.span.start.day()
            };
        }
        let mut cl = clusters_for(&evs);
        rank(&mut evs, &mut cl, &arts);
        assert!(cl[0].salience > cl[1].salience);

        // The coverage chart marks the day salience rewards, and not the steady one.
        let corpus = crate::model::Corpus {
            articles: arts,
            events: evs,
            clusters: cl,
            problems: Vec::new(),
            copy_free: Default::default(),
        };
        let bursts = crate::coverage::Coverage::build(&corpus).bursts;
        assert!(bursts.contains(&day_number(day(6, 10).start)), "{bursts:?}");
        assert!(
            !bursts.contains(&day_number(day(7, 10).start)),
            "{bursts:?}"
        );
    }
}
