//! The corpus-wide story steps after clustering: how much each happening matters
//! ([`crate::salience`]) and what it says ([`crate::caption`]). One entry point so the
//! pipeline calls a single function wherever it settles a corpus.

use crate::model::Corpus;

/// Fills `salience` of every event and cluster and `caption` of every cluster.
pub(crate) fn annotate(corpus: &mut Corpus) {
    crate::salience::rank(&mut corpus.events, &mut corpus.clusters, &corpus.articles);
    crate::caption::fill(&mut corpus.clusters, &corpus.events, &corpus.articles);
}

/// [`annotate`] after a watched update: captions only for the clusters whose caption was
/// not kept from before (`caption_kept[i]`: cluster `i` has the same members, in the same
/// order, as a cluster before the change, and its caption is already filled).
pub(crate) fn annotate_update(corpus: &mut Corpus, caption_kept: &[bool]) {
    use rayon::prelude::*;
    crate::salience::rank(&mut corpus.events, &mut corpus.clusters, &corpus.articles);
    let (events, articles) = (&corpus.events, &corpus.articles);
    corpus
        .clusters
        .par_iter_mut()
        .enumerate()
        .filter(|(i, _)| !caption_kept.get(*i).copied().unwrap_or(false))
        .for_each(|(_, c)| {
            (c.caption, c.short_caption) = crate::caption::with_short_form(c, events, articles);
        });
}
