//! Bursts: days far above their neighbourhood. One definition, so that the coverage chart
//! marks the same days that salience rewards.
//!
//! A day's neighbourhood is the [`WINDOW`] days either side of it, leaving out the two
//! adjacent days (coverage of a happening spills over onto the next day, and would
//! otherwise hide its own burst). A day's **burstiness** is `v / (v + mean)`: 0.5 when it is
//! as busy as its neighbourhood, towards 1 when it stands out. A day is a **burst** when its
//! burstiness is at least [`BURST_RATIO`] (three times the neighbourhood's mean) and its own
//! value is at least a small floor (one stray report on an empty stretch is not a burst).
//!
//! Series are sparse (only days with a value), sorted, with prefix sums, so a day's
//! neighbourhood costs two binary searches whatever the span of the corpus.

/// Days either side of a day that make its neighbourhood.
pub const WINDOW: i64 = 15;
/// Burstiness from which a day is marked as a burst: `v >= 3 * mean`.
pub const BURST_RATIO: f32 = 0.75;

/// A sparse daily series: day numbers (see `timeline::axis::day_number`) and values.
#[derive(Clone, Debug, Default)]
pub struct DaySeries {
    days: Vec<i64>,
    values: Vec<f32>,
    /// `prefix[i]` = sum of `values[..i]`.
    prefix: Vec<f64>,
}

impl DaySeries {
    /// From (day, value) pairs in any order; values of the same day are added.
    pub fn new(mut pairs: Vec<(i64, f32)>) -> Self {
        pairs.sort_unstable_by_key(|p| p.0);
        let mut days: Vec<i64> = Vec::with_capacity(pairs.len());
        let mut values: Vec<f32> = Vec::with_capacity(pairs.len());
        for (d, v) in pairs {
            match days.last() {
                Some(&last) if last == d => {
                    if let Some(x) = values.last_mut() {
                        *x += v;
                    }
                }
                _ => {
                    days.push(d);
                    values.push(v);
                }
            }
        }
        let mut prefix = Vec::with_capacity(values.len() + 1);
        let mut sum = 0.0f64;
        prefix.push(0.0);
        for v in &values {
            sum += f64::from(*v);
            prefix.push(sum);
        }
        DaySeries {
            days,
            values,
            prefix,
        }
    }

    /// Days with a value, in order, with their values.
    pub fn iter(&self) -> impl Iterator<Item = (i64, f32)> + '_ {
        self.days.iter().copied().zip(self.values.iter().copied())
    }

    /// The value of `day` (0 when absent).
    pub fn value(&self, day: i64) -> f32 {
        self.days
            .binary_search(&day)
            .map_or(0.0, |i| self.values[i])
    }

    /// Sum of the values of days in `a..=b`.
    pub fn sum(&self, a: i64, b: i64) -> f64 {
        let i = self.days.partition_point(|&d| d < a);
        let j = self.days.partition_point(|&d| d <= b);
        self.prefix[j.max(i)] - self.prefix[i]
    }

    /// Mean value of the day's neighbourhood (days `day ± 2..=WINDOW`).
    pub fn neighbourhood_mean(&self, day: i64) -> f32 {
        let around = self.sum(day - WINDOW, day + WINDOW) - self.sum(day - 1, day + 1);
        (around / (2 * (WINDOW - 1)) as f64) as f32
    }

    /// `v / (v + neighbourhood mean)` in [0, 1] (0 for a day without a value).
    pub fn burstiness(&self, day: i64) -> f32 {
        let v = self.value(day);
        if v <= 0.0 {
            return 0.0;
        }
        v / (v + self.neighbourhood_mean(day))
    }

    /// Days whose value is at least `min_value` and whose burstiness reaches
    /// [`BURST_RATIO`], in order.
    pub fn bursts(&self, min_value: f32) -> Vec<i64> {
        self.iter()
            .filter(|&(d, v)| v >= min_value && self.burstiness(d) >= BURST_RATIO)
            .map(|(d, _)| d)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spike_on_a_quiet_stretch_is_a_burst_a_busy_stretch_is_not() {
        // One article a day for two months, ten on day 30; a steady twelve a day later on.
        let mut pairs: Vec<(i64, f32)> = (0..60).map(|d| (d, 1.0)).collect();
        pairs.push((30, 9.0));
        pairs.extend((100..160).map(|d| (d, 12.0)));
        let s = DaySeries::new(pairs);
        assert_eq!(s.value(30), 10.0);
        assert!((s.neighbourhood_mean(30) - 1.0).abs() < 1e-6);
        assert!((s.burstiness(30) - 10.0 / 11.0).abs() < 1e-6);
        assert_eq!(s.bursts(3.0), vec![30]);
        // Adjacent days do not dilute the day they spill from.
        let s = DaySeries::new(vec![(10, 8.0), (11, 6.0), (9, 4.0)]);
        assert_eq!(s.neighbourhood_mean(10), 0.0);
        assert_eq!(s.bursts(3.0), vec![9, 10, 11]);
        // Below the floor nothing is a burst.
        assert!(DaySeries::new(vec![(5, 2.0)]).bursts(3.0).is_empty());
        assert_eq!(s.burstiness(500), 0.0);
    }
}
