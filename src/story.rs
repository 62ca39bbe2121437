//! The corpus-wide story steps after clustering: how much each happening matters
//! ([`crate::salience`]) and what it says ([`crate::caption`]). One entry point so the
//! pipeline calls a single function wherever it settles a corpus.

use crate::model::Corpus;

/// Fills `salience` of every event and cluster and `caption` of every cluster.
pub(crate) fn annotate(corpus: &mut Corpus) {
    crate::salience::rank(&mut corpus.events, &mut corpus.clusters, &corpus.articles);
    crate::caption::fill(&mut corpus.clusters, &corpus.events, &corpus.articles);
}
