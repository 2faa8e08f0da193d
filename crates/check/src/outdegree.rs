//! The out-degree histogram TLC summarises on success: "The average outdegree of the
//! complete state graph is M (minimum is A, the maximum B and the 95th percentile is P)."
//!
//! TLC (`Worker.run`, `Worker.writeState`) records one sample per expanded state: the number
//! of its successors that were new (stored in the seen set), in a histogram of 32 buckets
//! whose last one also holds every larger sample (`FixedSizedBucketStatistics`). The mean,
//! minimum, maximum and percentile are computed from the buckets as
//! `AbstractBucketStatistics` does, so a count of 40 reads as 31, like TLC's.

/// Samples at or above this value share the last bucket.
const BUCKETS: usize = 32;

/// A histogram of out-degrees (new successors per expanded state).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutDegree {
    buckets: [u64; BUCKETS],
    observations: u64,
}

impl Default for OutDegree {
    fn default() -> OutDegree {
        OutDegree {
            buckets: [0; BUCKETS],
            observations: 0,
        }
    }
}

impl OutDegree {
    /// Records a state with `new_successors` new successors.
    pub(crate) fn add(&mut self, new_successors: u64) {
        let i = (new_successors as usize).min(BUCKETS - 1);
        self.buckets[i] += 1;
        self.observations += 1;
    }

    /// The number of samples (expanded states).
    pub fn observations(&self) -> u64 {
        self.observations
    }

    fn nonempty(&self) -> impl Iterator<Item = (u64, u64)> + '_ {
        self.buckets
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(i, &n)| (i as u64, n))
    }

    /// The smallest sample, if any.
    pub fn min(&self) -> Option<u64> {
        self.nonempty().next().map(|(i, _)| i)
    }

    /// The largest sample (at most 31), if any.
    pub fn max(&self) -> Option<u64> {
        self.nonempty().last().map(|(i, _)| i)
    }

    /// The mean sample, if any (TLC prints it rounded half up).
    pub fn mean(&self) -> Option<f64> {
        if self.observations == 0 {
            return None;
        }
        let sum: u64 = self.nonempty().map(|(i, n)| i * n).sum();
        Some(sum as f64 / self.observations as f64)
    }

    /// The sample at `quantile` (0 to 1), if any: the first bucket whose cumulative count
    /// exceeds `floor(observations * quantile)`.
    pub fn percentile(&self, quantile: f64) -> Option<u64> {
        if self.observations == 0 {
            return None;
        }
        let quantile = quantile.clamp(0.0, 1.0);
        let pos = (self.observations as f64 * quantile) as u64;
        let mut count = 0;
        for (i, n) in self.nonempty() {
            count += n;
            if count > pos {
                return Some(i);
            }
        }
        self.max()
    }
}

#[cfg(test)]
mod tests {
    use super::OutDegree;

    #[test]
    fn summary_of_a_small_histogram() {
        let mut d = OutDegree::default();
        for s in [2, 2, 1, 2, 1, 0, 1, 1, 0, 1, 0, 0] {
            d.add(s);
        }
        assert_eq!(d.min(), Some(0));
        assert_eq!(d.max(), Some(2));
        assert_eq!(d.mean(), Some(11.0 / 12.0));
        assert_eq!(d.percentile(0.95), Some(2));
        assert_eq!(d.percentile(0.5), Some(1));
    }

    #[test]
    fn large_samples_share_the_last_bucket() {
        let mut d = OutDegree::default();
        d.add(40);
        assert_eq!(d.max(), Some(31));
        assert_eq!(OutDegree::default().mean(), None);
    }
}
