//! Layout, level-of-detail and hit-testing on corpora built by hand, plus the 1M scale test.

use super::axis::{day_number, TimeView};
use super::hit::{hit_lane, lane_at, Target};
use super::layout::{flags, minor_lanes, ItemKind, Layout, MAX_ROWS};
use super::lod::{item_box, lane_height, query_lane};
use crate::model::*;
use chrono::NaiveDate;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn cc(s: &str) -> CountryCode {
    CountryCode::parse(s).unwrap()
}

fn event(article: u32, span: DateSpan, countries: &[&str], confidence: f32, cluster: u32) -> Event {
    Event {
        confidence,
        cluster,
        ..Event::for_test(article, span, countries)
    }
}

fn day(y: i32, m: u32, d: u32) -> DateSpan {
    DateSpan::day(date(y, m, d))
}

/// JP: 3 clusters, KR: 2, no country: 1. Cluster 0 (JP+KR) has two sources.
fn small_corpus() -> Corpus {
    let events = vec![
        event(0, day(2023, 9, 12), &["JP", "KR"], 0.9, 0),
        event(1, day(2023, 9, 12), &["JP"], 0.8, 0),
        event(
            0,
            DateSpan {
                start: date(2023, 9, 12),
                end: date(2023, 9, 17),
                precision: Precision::Day,
            },
            &["JP"],
            0.9,
            1,
        ),
        event(
            1,
            DateSpan {
                start: date(2023, 10, 1),
                end: date(2023, 10, 31),
                precision: Precision::Month,
            },
            &["JP"],
            0.5,
            2,
        ),
        event(2, day(2023, 11, 2), &["KR"], 0.9, 3),
        event(2, day(2023, 11, 3), &[], 0.9, 4),
    ];
    let clusters = vec![
        Cluster {
            id: 0,
            events: vec![0, 1],
            sources: 2,
            countries: vec![cc("JP"), cc("KR")],
            conflicting_dates: true,
            ..Default::default()
        },
        Cluster {
            id: 1,
            events: vec![2],
            sources: 1,
            countries: vec![cc("JP")],
            conflicting_dates: false,
            ..Default::default()
        },
    ];
    Corpus {
        events,
        clusters,
        ..Default::default()
    }
}

#[test]
fn a_country_named_by_under_half_as_many_reports_as_the_main_one_is_minor() {
    let mut out = Vec::new();
    for (named, want) in [
        (&["IR", "IR", "IR", "IR", "GB"][..], &[true, false][..]),
        (&["IR", "IR", "GB"], &[false, false]),
        (&["JP", "KP"], &[false, false]),
        (&["RU", "RU", "KP", "KP", "JP"], &[false, false, false]),
        (
            &["RU", "RU", "RU", "KP", "KP", "KP", "JP"],
            &[true, false, false],
        ),
        (&[], &[]),
    ] {
        let mut codes: Vec<CountryCode> = named.iter().map(|c| cc(c)).collect();
        codes.sort_unstable();
        minor_lanes(&codes, &mut out);
        assert_eq!(out, want, "{named:?}");
    }
}

#[test]
fn lanes_ordered_by_count_with_no_country_last() {
    let l = Layout::build(&small_corpus());
    let codes: Vec<_> = l.lanes.iter().map(|l| l.code).collect();
    assert_eq!(codes, vec![Some(cc("JP")), Some(cc("KR")), None]);
    assert_eq!(l.lanes[0].items.len(), 3);
    assert_eq!(l.lanes[1].items.len(), 2);
    assert_eq!(l.lanes[2].label, "No country");
    assert_eq!(l.units.len(), 5, "two clusters + three lone events");
}

#[test]
fn every_two_byte_code_has_its_own_lane_apart_from_no_country() {
    // Codes at both ends of the lane table and one in between, a unit naming two of them,
    // and events naming none: one lane each, "No country" last, nothing merged.
    let low = CountryCode([0, 0]);
    let high = CountryCode([0xff, 0xff]);
    let mut events = vec![
        event(0, day(2024, 1, 1), &[], 0.9, 0),
        event(1, day(2024, 1, 2), &["JP"], 0.9, 1),
        event(2, day(2024, 1, 3), &[], 0.9, 2),
        event(3, day(2024, 1, 4), &[], 0.9, 3),
        event(4, day(2024, 1, 5), &[], 0.9, 4),
    ];
    events[0].countries = vec![low, high].into();
    events[3].countries = vec![high].into();
    let corpus = Corpus {
        events,
        ..Default::default()
    };
    let l = Layout::build(&corpus);
    let lanes: Vec<_> = l.lanes.iter().map(|l| (l.code, l.items.len())).collect();
    assert_eq!(
        lanes,
        vec![
            (Some(high), 2),
            (Some(low), 1),
            (Some(cc("JP")), 1),
            (None, 2)
        ]
    );
    assert_eq!(l.positions(l.unit_of_event(0).unwrap()).len(), 2);
}

#[test]
fn cluster_is_one_item_per_lane_with_twins() {
    let l = Layout::build(&small_corpus());
    let u = l.unit_of_event(1).unwrap();
    assert_eq!(l.unit_of_event(0), Some(u));
    let unit = &l.units[u as usize];
    assert_eq!(unit.rep, 0);
    assert_eq!(unit.sources, 2);
    assert!(unit.flags & flags::MULTI_SOURCE != 0);
    assert!(unit.flags & flags::CONFLICT != 0);
    let pos = l.positions(u);
    assert_eq!(pos.len(), 2);
    let lanes: Vec<_> = pos.iter().map(|p| l.lanes[p.0 as usize].code).collect();
    assert_eq!(lanes, vec![Some(cc("JP")), Some(cc("KR"))]);
    for &(li, ii) in pos {
        assert_eq!(l.item(li as usize, ii as usize).unwrap().unit, u);
    }
}

#[test]
fn precision_decides_the_kind_and_uncertainty_is_flagged() {
    let l = Layout::build(&small_corpus());
    let jp = &l.lanes[0];
    let kind_of = |e: EventId| {
        let u = l.unit_of_event(e).unwrap();
        *jp.items.iter().find(|it| it.unit == u).unwrap()
    };
    assert_eq!(kind_of(0).kind, ItemKind::Point);
    let bar = kind_of(2);
    assert_eq!(bar.kind, ItemKind::Bar);
    assert_eq!(bar.len(), 6.0);
    let span = kind_of(3);
    assert_eq!(span.kind, ItemKind::Span);
    assert_eq!(span.len(), 31.0);
    assert!(span.flags & flags::UNCERTAIN != 0);
    assert!(bar.flags & flags::UNCERTAIN == 0);
    // The point and the bar start on the same day: they stack.
    assert_ne!(kind_of(0).row, bar.row);
    assert!(jp.rows >= 2 && jp.rows <= MAX_ROWS);
}

#[test]
fn hidden_events_are_not_laid_out() {
    let mut c = small_corpus();
    c.events[0].hidden = true;
    c.events[4].hidden = true;
    let l = Layout::build(&c);
    assert_eq!(l.unit_of_event(0), None);
    // Cluster 0 is now represented by event 1 (JP only): KR has no item left.
    let u = l.unit_of_event(1).unwrap();
    assert_eq!(l.units[u as usize].rep, 1);
    assert_eq!(l.positions(u).len(), 1);
    assert!(l.lanes.iter().all(|lane| lane.code != Some(cc("KR"))));
    // All hidden: nothing at all.
    for e in &mut c.events {
        e.hidden = true;
    }
    let l = Layout::build(&c);
    assert!(l.lanes.is_empty() && l.extent.is_none());
}

#[test]
fn bad_cluster_references_do_not_panic() {
    let mut c = small_corpus();
    c.clusters.push(Cluster {
        id: 9,
        events: vec![0, 999],
        ..Default::default()
    });
    c.clusters.push(Cluster::default());
    let l = Layout::build(&c);
    assert_eq!(l.units.len(), 5);
    assert_eq!(l.unit_of_event(999), None);
    assert!(l.positions(12345).is_empty());
}

#[test]
fn zoomed_in_items_are_drawn_and_hit() {
    let l = Layout::build(&small_corpus());
    let jp = &l.lanes[0];
    let view = TimeView::fit(
        day_number(date(2023, 9, 10)) as f64,
        day_number(date(2023, 9, 20)) as f64,
        1000.0,
    );
    let frame = query_lane(jp, &view, 1000.0);
    assert!(frame.bubbles.is_empty());
    assert_eq!(frame.items.len(), 2, "point and bar; October is off screen");
    for &k in &frame.items {
        let it = &jp.items[k as usize];
        let (x, y) = item_box(it, &view).center();
        match hit_lane(jp, &view, 1000.0, x, y) {
            Some(Target::Item(h)) => assert_eq!(jp.items[h as usize].unit, it.unit),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(hit_lane(jp, &view, 1000.0, 990.0, 10.0), None);
}

#[test]
fn crowded_days_become_a_bubble_when_zoomed_out() {
    // 50 lone events on consecutive days in one lane.
    let events = (0..50)
        .map(|i| {
            let d = date(2020, 1, 1) + chrono::Days::new(i);
            event(0, DateSpan::day(d), &["FR"], 0.9, i as u32)
        })
        .collect();
    let c = Corpus {
        events,
        ..Default::default()
    };
    let l = Layout::build(&c);
    let fr = &l.lanes[0];
    let (a, b) = l.extent.unwrap();
    let out = TimeView::fit(a - 3650.0, b + 3650.0, 800.0);
    let frame = query_lane(fr, &out, 800.0);
    assert!(frame.items.is_empty());
    let total: u32 = frame.bubbles.iter().map(|b| b.count).sum();
    assert_eq!(total, 50);
    let bu = frame.bubbles[0];
    match hit_lane(fr, &out, 800.0, bu.x, bu.y) {
        Some(Target::Bubble(h)) => assert_eq!(h.count, bu.count),
        other => panic!("{other:?}"),
    }
    // Zoomed in to two days per mark width: every event is its own mark.
    let inn = TimeView::fit(a, a + 20.0, 800.0);
    let frame = query_lane(fr, &inn, 800.0);
    assert!(frame.bubbles.is_empty());
    assert!(frame.items.len() >= 20);
}

#[test]
fn lane_labels_name_the_country() {
    assert_eq!(super::lane_label(cc("JP")), "Japan · JP");
    let l = Layout::build(&small_corpus());
    assert_eq!(l.lanes[0].label, "Japan · JP");
    // Unknown (user-assigned) codes fall back to the code.
    assert_eq!(super::lane_label(cc("QQ")), "QQ");
}

#[test]
fn lane_lookup_by_y() {
    let edges = [0.0, 30.0, 80.0, 110.0];
    assert_eq!(lane_at(&edges, -1.0), None);
    assert_eq!(lane_at(&edges, 0.0), Some(0));
    assert_eq!(lane_at(&edges, 29.9), Some(0));
    assert_eq!(lane_at(&edges, 30.0), Some(1));
    assert_eq!(lane_at(&edges, 109.0), Some(2));
    assert_eq!(lane_at(&edges, 110.0), None);
    assert_eq!(lane_at(&[], 1.0), None);
}

/// One million events over 30 countries and ten years: lanes come out right and a
/// zoomed-in hit finds the exact item. Prints timings (run with `--nocapture`).
#[test]
fn million_events_layout_and_hit() {
    const N: usize = 1_000_000;
    const LANES: usize = 30;
    let codes: Vec<CountryCode> = (0..LANES)
        .map(|i| CountryCode([b'A' + (i / 26) as u8, b'A' + (i % 26) as u8]))
        .collect();
    let base = date(2015, 1, 1);
    // Deterministic pseudo-random spread; lane i gets weight ~ (LANES - i).
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let weight_total: usize = (1..=LANES).sum();
    let mut events = Vec::with_capacity(N);
    for i in 0..N {
        let r = next();
        let mut pick = (r % weight_total as u64) as usize;
        let mut lane = 0;
        while pick >= LANES - lane {
            pick -= LANES - lane;
            lane += 1;
        }
        let mut d = base + chrono::Days::new((r >> 20) % 3650);
        if i == N - 1 {
            // A lone event far from the others, to be hit exactly.
            d = date(2030, 6, 15);
            lane = 0;
        }
        let span = if i % 10 == 0 {
            DateSpan {
                start: d,
                end: d + chrono::Days::new(3),
                precision: Precision::Day,
            }
        } else {
            DateSpan::day(d)
        };
        let mut e = event((i / 4) as u32, span, &[], 0.9, i as u32);
        e.countries.push(codes[lane]);
        events.push(e);
    }
    let corpus = Corpus {
        events,
        ..Default::default()
    };
    let t = std::time::Instant::now();
    let l = Layout::build(&corpus);
    let build = t.elapsed();

    assert_eq!(l.lanes.len(), LANES);
    let total: usize = l.lanes.iter().map(|l| l.items.len()).sum();
    assert_eq!(total, N);
    for w in l.lanes.windows(2) {
        assert!(w[0].items.len() >= w[1].items.len());
    }
    assert_eq!(l.lanes[0].code, Some(codes[0]));
    for lane in &l.lanes {
        for c in &lane.classes {
            let s = &lane.items[c.range.clone()];
            assert!(s.windows(2).all(|w| w[0].start <= w[1].start));
        }
    }

    // Every event's lane holds its unit.
    for e in (0..N as u32).step_by(9973) {
        let u = l.unit_of_event(e).unwrap();
        let pos = l.positions(u);
        assert_eq!(pos.len(), 1);
        let code = corpus.events[e as usize].countries[0];
        assert_eq!(l.lanes[pos[0].0 as usize].code, Some(code));
    }

    // Frame query over all lanes, fully zoomed out and zoomed to a fortnight.
    let width = 1600.0;
    let (a, b) = l.extent.unwrap();
    let far = TimeView::fit(a, b, width);
    let t = std::time::Instant::now();
    let mut drawn = 0;
    for lane in &l.lanes {
        let f = query_lane(lane, &far, width);
        drawn += f.items.len() + f.bubbles.len();
        assert!(f.bubbles.len() <= (width / 22.0) as usize + 3);
    }
    let far_query = t.elapsed();
    assert!(drawn > 0);

    // Hit: pick an event, zoom to its week, find it.
    let target_e = 123_457u32;
    let u = l.unit_of_event(target_e).unwrap();
    let (li, ii) = l.positions(u)[0];
    let lane = &l.lanes[li as usize];
    let it = lane.items[ii as usize];
    let near = TimeView::new(it.start - 3.0, width / 14.0);
    let t = std::time::Instant::now();
    let mut near_drawn = 0;
    for lane in &l.lanes {
        let f = query_lane(lane, &near, width);
        near_drawn += f.items.len() + f.bubbles.len();
    }
    let near_query = t.elapsed();
    assert!(near_drawn > 0);
    let (x, y) = item_box(&it, &near).center();
    let t = std::time::Instant::now();
    let hit = hit_lane(lane, &near, width, x, y);
    let hit_time = t.elapsed();
    match hit {
        Some(Target::Item(k)) => {
            let h = &lane.items[k as usize];
            // Same spot: the exact unit, or (when marks coincide) one at the same place.
            assert!(h.unit == u || (h.start == it.start && h.row == it.row && h.kind == it.kind));
        }
        Some(Target::Bubble(b)) => {
            assert!(
                b.first_day <= it.start + 0.5 && it.start + 0.5 < b.last_day,
                "{b:?}"
            );
        }
        None => panic!("nothing hit at the item's centre"),
    }
    assert!(lane_height(lane.rows) > 0.0);

    let lone = l.unit_of_event(N as u32 - 1).unwrap();
    let (li, ii) = l.positions(lone)[0];
    let lane = &l.lanes[li as usize];
    let it = lane.items[ii as usize];
    for ppd in [0.05, 1.0, 30.0, 2000.0] {
        let v = TimeView::new(it.start - 600.0 / ppd, ppd);
        let (x, y) = item_box(&it, &v).center();
        assert_eq!(
            hit_lane(lane, &v, width, x, y),
            Some(Target::Item(ii)),
            "ppd {ppd}"
        );
        assert_eq!(hit_lane(lane, &v, width, x, y + 40.0), None);
    }
    eprintln!(
        "1M events: layout {build:?}; frame query (30 lanes) zoomed out {far_query:?}, \
         fortnight {near_query:?}; hit {hit_time:?}"
    );
}

#[test]
fn piled_up_spans_are_counted_not_stacked() {
    // Ten reports of "May 2011" in one lane, and one of June: at a year's zoom four rows
    // show four Mays and the June span; the other six Mays are a dense cell.
    let may = DateSpan {
        start: date(2011, 5, 1),
        end: date(2011, 5, 31),
        precision: Precision::Month,
    };
    let june = DateSpan {
        start: date(2011, 6, 1),
        end: date(2011, 6, 30),
        precision: Precision::Month,
    };
    let mut events: Vec<Event> = (0..10).map(|i| event(i, may, &["BR"], 0.9, i)).collect();
    events.push(event(10, june, &["BR"], 0.9, 10));
    let c = Corpus {
        events,
        ..Default::default()
    };
    let l = Layout::build(&c);
    let lane = &l.lanes[0];
    let a = day_number(date(2011, 1, 1)) as f64;
    let v = TimeView::fit(a, a + 365.0, 1200.0);
    let f = query_lane(lane, &v, 1200.0);
    let total: u32 = f.bubbles.iter().map(|b| b.count).sum();
    assert_eq!(total, 6, "{f:?}");
    assert_eq!(f.items.len(), 5, "{f:?}");
    // Before 1970 (negative day numbers) too.
    let old: Vec<Event> = (0..10)
        .map(|i| {
            let mut e = event(i, may, &["BR"], 0.9, i);
            e.span.start = date(1911, 5, 1);
            e.span.end = date(1911, 5, 31);
            e
        })
        .collect();
    let l = Layout::build(&Corpus {
        events: old,
        ..Default::default()
    });
    let a = day_number(date(1911, 1, 1)) as f64;
    let v = TimeView::fit(a, a + 365.0, 1200.0);
    let f = query_lane(&l.lanes[0], &v, 1200.0);
    assert_eq!(f.items.len(), 4, "{f:?}");
    assert_eq!(f.bubbles.iter().map(|b| b.count).sum::<u32>(), 6, "{f:?}");
    // A handful of different months stay spans.
    let few: Vec<Event> = (0..3u32)
        .map(|i| {
            let mut e = event(i, may, &["BR"], 0.9, i);
            e.span.start = date(2011, 3 + i, 1);
            e.span.end = date(2011, 3 + i, 28);
            e
        })
        .collect();
    let l = Layout::build(&Corpus {
        events: few,
        ..Default::default()
    });
    let a = day_number(date(2011, 1, 1)) as f64;
    let v = TimeView::fit(a, a + 365.0, 1200.0);
    let f = query_lane(&l.lanes[0], &v, 1200.0);
    assert_eq!(f.items.len(), 3, "{f:?}");
}

#[test]
fn items_that_pile_onto_a_full_row_are_counted_not_drawn_on_top() {
    // Six "this week" ranges over the same days: four rows hold four of them; the other two
    // would be drawn over them, so they are counted in a dense cell instead.
    let week = DateSpan {
        start: date(2011, 5, 2),
        end: date(2011, 5, 8),
        precision: Precision::Day,
    };
    let events: Vec<Event> = (0..6).map(|i| event(i, week, &["RU"], 0.9, i)).collect();
    let l = Layout::build(&Corpus {
        events,
        ..Default::default()
    });
    let lane = &l.lanes[0];
    assert_eq!(lane.rows, MAX_ROWS);
    let piled = lane
        .items
        .iter()
        .filter(|it| it.flags & flags::PILED != 0)
        .count();
    assert_eq!(piled, 2);
    let a = day_number(date(2011, 5, 1)) as f64;
    let v = TimeView::fit(a, a + 31.0, 1200.0);
    let f = query_lane(lane, &v, 1200.0);
    assert_eq!(f.items.len(), 4, "{f:?}");
    assert_eq!(f.bubbles.iter().map(|b| b.count).sum::<u32>(), 2);
    // What is drawn is what is hit: never a piled item.
    for it in lane.items.iter().filter(|it| it.flags & flags::PILED != 0) {
        let (x, y) = item_box(it, &v).center();
        if let Some(Target::Item(k)) = hit_lane(lane, &v, 1200.0, x, y) {
            assert_eq!(lane.items[k as usize].flags & flags::PILED, 0);
        }
    }
}

#[test]
fn a_sweep_of_buckets_equals_each_bucket_made_alone() {
    use super::lod::{bucket, bucket_range, split, sweep_buckets, Bucket};
    // Days, ranges and months mixed in one lane, crowded in places and sparse in others.
    let mut events = Vec::new();
    for i in 0..3000u64 {
        let d = date(2020, 1, 1) + chrono::Days::new((i * i * 7) % 1500);
        let span = match i % 9 {
            0 => DateSpan {
                start: d,
                end: d + chrono::Days::new(1 + i % 4),
                precision: Precision::Day,
            },
            4 => DateSpan {
                start: d,
                end: d + chrono::Days::new(29),
                precision: Precision::Month,
            },
            _ => DateSpan::day(d),
        };
        events.push(event(i as u32, span, &["FR"], 0.9, i as u32));
    }
    let c = Corpus {
        events,
        ..Default::default()
    };
    let l = Layout::build(&c);
    let fr = &l.lanes[0];
    let (a, b) = l.extent.unwrap();
    let key = |b: Bucket| match b {
        Bucket::Empty => (0, Vec::new(), None),
        Bucket::Items(v) => (1, v, None),
        Bucket::Bubble(bu) => (2, Vec::new(), Some(bu)),
    };
    let mut bubbles = 0;
    for (x0, x1) in [(a, b), (a + 400.0, a + 430.0), (a + 700.0, a + 707.0)] {
        let v = TimeView::fit(x0, x1, 900.0);
        let s = split(fr, &v, 900.0);
        let range = bucket_range(&s, &v, 900.0);
        let alone: Vec<_> = range.clone().map(|i| key(bucket(fr, &s, &v, i))).collect();
        let mut swept = Vec::new();
        sweep_buckets(fr, &s, &v, range, |bu| swept.push(key(bu)));
        assert_eq!(swept, alone);
        bubbles += alone.iter().filter(|k| k.0 == 2).count();
    }
    assert!(bubbles > 0, "the zoomed-out view has crowded buckets");
}
