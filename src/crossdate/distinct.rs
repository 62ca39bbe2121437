//! Entry ids gathered from several lists, each kept once, without sorting them.
//!
//! A question's lists (its exact wording, then its words' postings) overlap heavily: an
//! entry sharing ten words with the sentence is in ten lists. Sorting the gathered ids to
//! drop repeats was most of [`super::FirmIndex::looked_at`]'s work; a bit per entry, set as
//! an id is first met and cleared again for the ids kept, does it in one pass.

use std::cell::RefCell;

thread_local! {
    /// One bit per entry id met so far in the current call; all clear between calls.
    static MET: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// Appends to `out` every id of `lists` not already in `out` or met before in `lists`, in
/// the order first met. `out` must hold no id twice.
pub(super) fn extend_distinct<'a>(out: &mut Vec<u32>, lists: impl Iterator<Item = &'a [u32]>) {
    MET.with(|met| {
        let Ok(mut met) = met.try_borrow_mut() else {
            // Not reachable (no call nests another); stay correct without the bits.
            for l in lists {
                for &id in l {
                    if !out.contains(&id) {
                        out.push(id);
                    }
                }
            }
            return;
        };
        for &id in out.iter() {
            mark(&mut met, id);
        }
        for l in lists {
            for &id in l {
                if mark(&mut met, id) {
                    out.push(id);
                }
            }
        }
        // Leave every bit clear for the next call.
        for &id in out.iter() {
            met[id as usize / 64] = 0;
        }
    });
}

/// Sets `id`'s bit; whether it was clear.
fn mark(met: &mut Vec<u64>, id: u32) -> bool {
    let (word, bit) = (id as usize / 64, 1u64 << (id % 64));
    if word >= met.len() {
        met.resize(word + 1, 0);
    }
    let fresh = met[word] & bit == 0;
    met[word] |= bit;
    fresh
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_id_is_kept_once_in_the_order_first_met() {
        let a: &[u32] = &[3, 9, 70, 200];
        let b: &[u32] = &[1, 3, 70, 71, 5000];
        let c: &[u32] = &[];
        let mut out = vec![9, 64];
        extend_distinct(&mut out, [a, b, c].into_iter());
        assert_eq!(out, vec![9, 64, 3, 70, 200, 1, 71, 5000]);
        // The bits were cleared: a second call sees every id afresh.
        let mut again = Vec::new();
        extend_distinct(&mut again, [b, a].into_iter());
        assert_eq!(again, vec![1, 3, 70, 71, 5000, 9, 200]);
    }

    #[test]
    fn the_same_ids_as_a_sort_and_dedup() {
        // Lists of our own making, overlapping, ascending as postings are.
        let mut seed = 7u64;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for round in 0..50 {
            let lists: Vec<Vec<u32>> = (0..(round % 7 + 1))
                .map(|_| {
                    let mut l: Vec<u32> = (0..next() % 300).map(|_| next() % 4000).collect();
                    l.sort_unstable();
                    l.dedup();
                    l
                })
                .collect();
            let mut got = Vec::new();
            extend_distinct(&mut got, lists.iter().map(Vec::as_slice));
            let mut want: Vec<u32> = lists.concat();
            want.sort_unstable();
            want.dedup();
            let mut sorted = got.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, want, "round {round}");
            assert_eq!(sorted.len(), got.len(), "round {round}: an id kept twice");
        }
    }
}
