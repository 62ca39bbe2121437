//! Deciding a page's publication date from its candidates, with a confidence that means
//! something: at 0.8 or more the date should almost never be wrong.
//!
//! Rules, each a fact of how pages are made rather than a count from one data set:
//! - Statements from different parts of a page (a CMS field, the visible byline, the
//!   address) that agree within a day corroborate each other; statements that disagree
//!   lower the confidence below 0.8, whichever wins.
//! - When they disagree, the date more parts of the page agree on wins; on a tie, the
//!   earlier one, since a page's dates move forward when it is updated or republished and
//!   never back. A later date that is the page's stated update date is explained by it.
//! - A time written in UTC (`…T02:30:00Z`) may fall on the day after the one the page's
//!   readers saw; when the address or the byline gives that neighbouring day for the same
//!   story, that local day is the date.
//! - A date after today cannot be a publication date.

use super::evidence::{Cand, Family, Kind};
use crate::model::{DatedEvidence, PubDateSource};
use chrono::NaiveDate;

/// The model's source label for a kind of evidence.
pub fn source_of(kind: Kind) -> PubDateSource {
    match kind {
        Kind::JsonLdArticle | Kind::JsonLdOther => PubDateSource::JsonLd,
        Kind::MetaKnown | Kind::MetaGuessed | Kind::Microdata | Kind::ScriptState => {
            PubDateSource::Meta
        }
        Kind::Marked | Kind::Time => PubDateSource::TimeElement,
        Kind::Url | Kind::UrlGuessed => PubDateSource::Url,
        Kind::Byline | Kind::ShortYear | Kind::Counted | Kind::Headline | Kind::AboveHeadline => {
            PubDateSource::Byline
        }
    }
}

/// `pubdate::resolve` takes the most trusted source listed; its order of sources.
fn resolve_rank(s: PubDateSource) -> u8 {
    match s {
        PubDateSource::JsonLd => 0,
        PubDateSource::Meta => 1,
        PubDateSource::TimeElement => 2,
        PubDateSource::Url => 3,
        _ => 4,
    }
}

fn evidence(c: &Cand, confidence: f32, note: String) -> DatedEvidence {
    DatedEvidence {
        date: c.date,
        source: source_of(c.kind),
        confidence,
        note,
    }
}

fn near(a: NaiveDate, b: NaiveDate) -> bool {
    (a - b).num_days().abs() <= 1
}

/// Candidates that agree within a day of the first one, most trusted first.
struct Cluster<'a> {
    members: Vec<&'a Cand>,
    /// Parts of the page whose strong evidence says this date (see [`Family`]).
    families: Vec<Family>,
}

impl Cluster<'_> {
    fn date(&self) -> NaiveDate {
        self.members[0].date
    }
    fn strong(&self) -> bool {
        self.members.iter().any(|c| c.kind.strong())
    }
}

/// The publication evidence, decision first (the list `pubdate::resolve` reads: it takes
/// the most trusted source, so only evidence it would not prefer follows the decision), and
/// the modification date. `url_month` is a year and month in the page's address without a
/// day (`/2019/11/slug`): a weaker word from the address.
pub fn decide(
    mut cands: Vec<Cand>,
    url_month: Option<(i32, u32)>,
    today: NaiveDate,
) -> (Vec<DatedEvidence>, Option<DatedEvidence>) {
    // Stable: within a kind and confidence, the order the page gave them in.
    cands.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.confidence.total_cmp(&a.confidence))
    });
    let modified = cands
        .iter()
        .filter(|c| c.modified)
        .min_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then(b.confidence.total_cmp(&a.confidence))
        })
        .map(|c| evidence(c, c.confidence, c.note.clone()));
    let latest_ok = today.succ_opt().unwrap_or(today);
    let pubs: Vec<&Cand> = cands
        .iter()
        .filter(|c| !c.modified && c.date <= latest_ok)
        .collect();
    if pubs.is_empty() {
        return (Vec::new(), modified);
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    for &c in &pubs {
        match clusters.iter_mut().find(|k| near(k.date(), c.date)) {
            Some(k) => k.members.push(c),
            None => clusters.push(Cluster {
                members: vec![c],
                families: Vec::new(),
            }),
        }
    }
    for k in &mut clusters {
        for c in &k.members {
            let f = c.kind.family();
            if c.kind.strong() && !k.families.contains(&f) {
                k.families.push(f);
            }
        }
        if let Some((y, m)) = url_month {
            let d = k.date();
            let first = NaiveDate::from_ymd_opt(y, m, 1);
            let next = NaiveDate::from_ymd_opt(if m == 12 { y + 1 } else { y }, m % 12 + 1, 1);
            if let (Some(a), Some(b)) = (first, next) {
                let in_month = d >= a.pred_opt().unwrap_or(a) && d <= b;
                if in_month && !k.families.contains(&Family::Address) {
                    k.families.push(Family::Address);
                }
            }
        }
    }
    // Clusters whose date is the page's stated update date, with an earlier one beside
    // them, are that update, not a rival publication date.
    let upd = modified.as_ref().map(|m| m.date);
    let earliest_strong = clusters
        .iter()
        .filter(|k| k.strong())
        .map(|k| k.date())
        .min();
    let explained = |k: &Cluster| {
        upd.is_some_and(|u| near(u, k.date()))
            && earliest_strong.is_some_and(|e| e < k.date() && !near(e, k.date()))
    };
    let top = 0; // the cluster of the most trusted candidate
    let rivals: Vec<usize> = (0..clusters.len())
        .filter(|&i| i != top && clusters[i].strong() && !explained(&clusters[i]))
        .collect();
    let (chosen, disputed) = if rivals.is_empty() {
        // Only the update explains the others: the earliest strong date is the
        // publication; when the most trusted statement is itself the update date, the
        // earlier one wins.
        if explained(&clusters[top]) {
            let first = (0..clusters.len())
                .filter(|&i| clusters[i].strong())
                .min_by_key(|&i| clusters[i].date())
                .unwrap_or(top);
            (first, false)
        } else {
            (top, false)
        }
    } else {
        let mut cands: Vec<usize> = vec![top];
        cands.extend(&rivals);
        let best = cands
            .iter()
            .copied()
            .max_by(|&a, &b| {
                let (ka, kb) = (&clusters[a], &clusters[b]);
                ka.families
                    .len()
                    .cmp(&kb.families.len())
                    // Tie: the earlier date (updates move dates forward).
                    .then(kb.date().cmp(&ka.date()))
            })
            .unwrap_or(top);
        (best, true)
    };
    let k = &clusters[chosen];
    let best = k.members[0];
    let mut conf = best.confidence;
    let mut note = best.note.clone();
    if k.families.len() >= 2 {
        conf = conf.max(0.9);
        note.push_str(&format!(
            "; agrees with {}",
            k.members
                .iter()
                .skip(1)
                .filter(|c| c.kind.family() != best.kind.family())
                .map(|c| c.note.as_str())
                .next()
                .unwrap_or("the page's address")
        ));
    }
    if disputed {
        let others: Vec<String> = clusters
            .iter()
            .enumerate()
            .filter(|(i, c)| *i != chosen && c.strong())
            .map(|(_, c)| format!("{} says {}", c.members[0].note, c.date()))
            .collect();
        let clear_win = clusters
            .iter()
            .enumerate()
            .filter(|(i, c)| *i != chosen && c.strong() && !explained(c))
            .all(|(_, c)| c.families.len() < k.families.len());
        conf = conf.min(if clear_win { 0.75 } else { 0.65 });
        note.push_str(&format!("; sources disagree: {}", others.join(", ")));
    } else if clusters
        .iter()
        .enumerate()
        .any(|(i, c)| i != chosen && c.strong())
    {
        // Disagreement that the update date explains: still not beyond doubt.
        conf = conf.min(0.85);
        let later = clusters
            .iter()
            .enumerate()
            .filter(|(i, c)| *i != chosen && c.strong())
            .map(|(_, c)| c.date())
            .max()
            .unwrap_or(best.date);
        note.push_str(&format!("; the later {later} is the page's update date"));
    }
    // The readers' day for a time stated in UTC.
    let mut date = best.date;
    if best.utc {
        if let Some(local) = k.members.iter().find(|c| {
            !c.utc
                && c.date != best.date
                && matches!(c.kind.family(), Family::Address | Family::Visible)
        }) {
            date = local.date;
            note.push_str(&format!(
                "; the local day from {} (the stamp is in UTC)",
                local.note
            ));
        }
    }
    let mut decision = evidence(best, conf, note);
    decision.date = date;
    let rank = resolve_rank(decision.source);
    let mut out = vec![decision];
    for c in pubs {
        let e = evidence(c, c.confidence, c.note.clone());
        if resolve_rank(e.source) >= rank
            && !out.iter().any(|o| o.source == e.source && o.date == e.date)
        {
            out.push(e);
        }
    }
    (out, modified)
}
