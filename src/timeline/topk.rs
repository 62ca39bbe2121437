//! The most salient items of a lane inside a day range, in O(k log n).
//!
//! Caption placement asks, for every tile on screen, "which happenings here matter most?".
//! Scanning a tile's items is O(items in view), which at archive scale (a million events
//! zoomed out) is the whole lane every frame. Instead each lane keeps its items sorted by
//! centre day next to a min-segment tree over their salience *rank* (0 = most salient in
//! the corpus); the best `k` of any day range come out of a small heap walk over the tree.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// Items of one lane by centre day, with a range-minimum tree over their ranks.
#[derive(Clone, Debug, Default)]
pub struct TopIndex {
    /// Centre day of each entry, ascending.
    days: Vec<f64>,
    /// Lane item index of each entry.
    items: Vec<u32>,
    /// Perfect binary tree over `size` leaves (`tree[size + i]` is entry `i`'s rank,
    /// `u32::MAX` past the end); each inner node holds its children's minimum.
    tree: Vec<u32>,
    size: usize,
}

impl TopIndex {
    /// `entries` are (centre day, rank, lane item index), in any order.
    pub fn build(mut entries: Vec<(f64, u32, u32)>) -> TopIndex {
        entries.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let n = entries.len();
        let size = n.next_power_of_two().max(1);
        let mut tree = vec![u32::MAX; 2 * size];
        let mut days = Vec::with_capacity(n);
        let mut items = Vec::with_capacity(n);
        for (i, &(d, r, it)) in entries.iter().enumerate() {
            days.push(d);
            items.push(it);
            tree[size + i] = r;
        }
        for v in (1..size).rev() {
            tree[v] = tree[2 * v].min(tree[2 * v + 1]);
        }
        TopIndex {
            days,
            items,
            tree,
            size,
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Appends to `out` the lane item indices of the (up to) `k` best-ranked entries whose
    /// centre lies in days `[a, b)`, best first. Ties keep day order.
    pub fn top_in(&self, a: f64, b: f64, k: usize, out: &mut Vec<u32>) {
        if k == 0 || self.items.is_empty() || a.partial_cmp(&b) != Some(std::cmp::Ordering::Less) {
            return;
        }
        let lo = self.days.partition_point(|&d| d < a);
        let hi = self.days.partition_point(|&d| d < b);
        if lo >= hi {
            return;
        }
        // Canonical nodes covering leaves [lo, hi), then a best-first walk below them.
        let mut heap: BinaryHeap<Reverse<(u32, usize)>> = BinaryHeap::new();
        let (mut l, mut r) = (lo + self.size, hi + self.size);
        while l < r {
            if l & 1 == 1 {
                heap.push(Reverse((self.tree[l], l)));
                l += 1;
            }
            if r & 1 == 1 {
                r -= 1;
                heap.push(Reverse((self.tree[r], r)));
            }
            l >>= 1;
            r >>= 1;
        }
        let mut taken = 0;
        while let Some(Reverse((rank, node))) = heap.pop() {
            if rank == u32::MAX {
                break;
            }
            if node >= self.size {
                out.push(self.items[node - self.size]);
                taken += 1;
                if taken == k {
                    break;
                }
            } else {
                heap.push(Reverse((self.tree[2 * node], 2 * node)));
                heap.push(Reverse((self.tree[2 * node + 1], 2 * node + 1)));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The top k by brute force, for comparison.
    fn brute(entries: &[(f64, u32, u32)], a: f64, b: f64, k: usize) -> Vec<u32> {
        let mut v: Vec<_> = entries
            .iter()
            .filter(|e| e.0 >= a && e.0 < b)
            .copied()
            .collect();
        v.sort_by(|x, y| x.1.cmp(&y.1).then(x.0.total_cmp(&y.0)));
        v.into_iter().take(k).map(|e| e.2).collect()
    }

    #[test]
    fn top_k_matches_brute_force() {
        let mut x: u64 = 12345;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        // Distinct ranks (as the layout gives them), random days.
        let n = 1000;
        let mut ranks: Vec<u32> = (0..n as u32).collect();
        for i in (1..n).rev() {
            ranks.swap(i, (next() % (i as u64 + 1)) as usize);
        }
        let entries: Vec<(f64, u32, u32)> = (0..n)
            .map(|i| ((next() % 500) as f64 + 0.5, ranks[i], i as u32))
            .collect();
        let idx = TopIndex::build(entries.clone());
        for _ in 0..200 {
            let a = (next() % 520) as f64;
            let b = a + (next() % 100) as f64;
            let k = (next() % 12) as usize;
            let mut got = Vec::new();
            idx.top_in(a, b, k, &mut got);
            assert_eq!(got, brute(&entries, a, b, k), "[{a}, {b}) k={k}");
        }
    }

    #[test]
    fn empty_and_degenerate_ranges() {
        let mut out = Vec::new();
        TopIndex::default().top_in(0.0, 10.0, 3, &mut out);
        TopIndex::build(Vec::new()).top_in(0.0, 10.0, 3, &mut out);
        let idx = TopIndex::build(vec![(5.0, 0, 7)]);
        idx.top_in(6.0, 5.0, 3, &mut out);
        idx.top_in(f64::NAN, 10.0, 3, &mut out);
        assert!(out.is_empty());
        idx.top_in(0.0, 10.0, 3, &mut out);
        assert_eq!(out, vec![7]);
    }
}
