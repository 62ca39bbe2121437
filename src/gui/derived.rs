//! What the panels show that is computed from the whole corpus: the natural lane order, the
//! coverage chart's counts, the status bar's hidden events and problems, the event list's
//! happening count and rows. At a million events these take seconds; made here on the
//! loader's worker beside the timeline layout ([`super::loader::Shown`]) and taken by move,
//! a UI pass that takes in a new corpus does no more work than any other pass. The same
//! [`Derived::build`] serves the first open, every streamed snapshot, a watched update and a
//! correction (made beside the corrected copy of the corpus, [`super::rebuild`]).

use super::event_list::{happening_count, visible_events, Sort};
use super::status_bar::problem_count;
use crate::coverage::Coverage;
use crate::model::{Corpus, CountryCode, EventId};
use crate::view::{natural_lane_order, Filter};

/// The event list's filter and order the window shows, for the worker to make its rows.
/// Masking filters (top N, pinned only) need the view's pins and are left to the window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListWanted {
    pub filter: Filter,
    pub sort: Sort,
}

/// Rows of the event list for one filter and order.
#[derive(Debug, Default, PartialEq)]
pub struct ListRows {
    pub wanted: ListWanted,
    pub rows: Vec<EventId>,
}

/// The corpus-sized data the panels read, made once per corpus.
#[derive(Debug, Default)]
pub struct Derived {
    /// Countries, most happenings first (lane colours follow it).
    pub natural_lanes: Vec<CountryCode>,
    pub coverage: Coverage,
    /// Events hidden by corrections.
    pub hidden: usize,
    /// Per-file and corpus problems.
    pub problems: usize,
    /// Happenings with a visible event (the top-N slider's end).
    pub happenings: usize,
    /// The event list's rows for `wanted` (none when it masks events).
    pub rows: Option<ListRows>,
}

impl Derived {
    /// Everything above for `corpus`, the list's rows for `wanted`. Linear in events
    /// (plus the rows' sort); the pieces run side by side on three threads.
    pub fn build(corpus: &Corpus, wanted: Option<&ListWanted>) -> Derived {
        let rows_for = |w: &ListWanted| {
            (!w.filter.masks_events()).then(|| ListRows {
                wanted: w.clone(),
                rows: visible_events(corpus, &w.filter, None, w.sort),
            })
        };
        let (rows, coverage, (natural_lanes, hidden, problems, happenings)) =
            std::thread::scope(|s| {
                let rows = s.spawn(|| wanted.and_then(rows_for));
                // The coverage chart's counts are the largest piece (a sort of every
                // event's day): on a thread of their own, so that beside the layout the
                // pieces share two cores evenly.
                let coverage = s.spawn(|| Coverage::build(corpus));
                let rest = (
                    natural_lane_order(corpus),
                    corpus.events.iter().filter(|e| e.hidden).count(),
                    problem_count(corpus),
                    happening_count(corpus),
                );
                // A panic there is a bug; the window makes the rows itself then, and the
                // coverage is counted here.
                let coverage = coverage.join().unwrap_or_else(|_| Coverage::build(corpus));
                (rows.join().ok().flatten(), coverage, rest)
            });
        Derived {
            natural_lanes,
            coverage,
            hidden,
            problems,
            happenings,
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{self, LoadOptions, Progress};

    fn sample() -> Corpus {
        let paths = [pipeline::sample_dir()];
        pipeline::load(&paths, &LoadOptions::default(), &Progress::default()).expect("sample")
    }

    #[test]
    fn derived_on_the_worker_equals_what_the_panels_computed() {
        let mut corpus = sample();
        assert!(corpus.events.len() > 20, "the sample has events");
        // One hidden event so the counts that skip hidden ones are tested too.
        corpus.events[3].hidden = true;
        let wanted = ListWanted {
            filter: Filter::default(),
            sort: Sort::Salience,
        };
        let d = Derived::build(&corpus, Some(&wanted));
        assert_eq!(d.natural_lanes, natural_lane_order(&corpus));
        assert!(!d.natural_lanes.is_empty());
        // (Coverage has no `PartialEq`; its debug form lists every count.)
        assert_eq!(
            format!("{:?}", d.coverage),
            format!("{:?}", Coverage::build(&corpus))
        );
        assert_eq!(d.hidden, 1);
        assert_eq!(d.problems, problem_count(&corpus));
        assert_eq!(d.happenings, happening_count(&corpus));
        let rows = d.rows.expect("rows for an unmasked filter");
        assert_eq!(rows.wanted, wanted);
        assert_eq!(
            rows.rows,
            visible_events(&corpus, &wanted.filter, None, Sort::Salience)
        );
        assert_eq!(rows.rows.len(), corpus.events.len() - 1);
    }

    #[test]
    fn a_filtered_list_gets_its_rows_and_a_masked_one_none() {
        let corpus = sample();
        let country = corpus
            .events
            .iter()
            .find_map(|e| e.countries.first().copied())
            .expect("an event with a country");
        let filter = Filter {
            country: Some(country),
            ..Default::default()
        };
        let wanted = ListWanted {
            filter: filter.clone(),
            sort: Sort::DateDescending,
        };
        let rows = Derived::build(&corpus, Some(&wanted)).rows.expect("rows");
        assert_eq!(
            rows.rows,
            visible_events(&corpus, &filter, None, Sort::DateDescending)
        );
        assert!(rows.rows.len() < corpus.events.len());
        let masked = ListWanted {
            filter: Filter {
                top_n: Some(3),
                ..Default::default()
            },
            sort: Sort::DateAscending,
        };
        assert!(Derived::build(&corpus, Some(&masked)).rows.is_none());
        assert!(Derived::build(&corpus, None).rows.is_none());
    }
}
