//! Deterministic arithmetic for the sample: a small PRNG and exact integer apportioning.

/// SplitMix64: tiny, fast, and the same sequence on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in [0, n).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// Splits `total` into parts proportional to `weights` that add up to `total` exactly
/// (largest remainder).
pub fn apportion(total: u64, weights: &[f64]) -> Vec<u64> {
    let sum: f64 = weights.iter().sum();
    if weights.is_empty() || sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| total as f64 * w / sum).collect();
    let mut parts: Vec<u64> = exact.iter().map(|x| x.floor() as u64).collect();
    let mut rest = total - parts.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| {
        (exact[b] - exact[b].floor())
            .total_cmp(&(exact[a] - exact[a].floor()))
            .then(a.cmp(&b))
    });
    for &i in order.iter().cycle() {
        if rest == 0 {
            break;
        }
        parts[i] += 1;
        rest -= 1;
    }
    parts
}

/// Splits `total` (> 0) into `k` positive parts that add up to it, at random cut points.
pub fn split_positive(total: u64, k: u64, rng: &mut Rng) -> Vec<u64> {
    let k = k.clamp(1, total.max(1));
    let mut cuts: Vec<u64> = Vec::new();
    while (cuts.len() as u64) < k - 1 {
        let c = 1 + rng.below(total - 1);
        if !cuts.contains(&c) {
            cuts.push(c);
        }
    }
    cuts.sort_unstable();
    let mut out = Vec::with_capacity(k as usize);
    let mut prev = 0;
    for c in cuts.into_iter().chain(std::iter::once(total)) {
        out.push(c - prev);
        prev = c;
    }
    out
}

/// A "nice" target near `x`: whole numbers below 100, then rounded to 10, 100 or 1000.
pub fn nice(x: f64) -> f64 {
    let step = match x {
        x if x < 100.0 => 1.0,
        x if x < 1000.0 => 10.0,
        x if x < 10000.0 => 100.0,
        _ => 1000.0,
    };
    ((x / step).round() * step).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_is_exact() {
        let cases: [(u64, &[f64]); 4] = [
            (4221, &[1.0, 2.0, 3.0]),
            (3, &[1.0; 12]),
            (0, &[1.0, 1.0]),
            (1100, &[0.3, 0.7]),
        ];
        for (total, w) in cases {
            let parts = apportion(total, w);
            assert_eq!(
                parts.iter().sum::<u64>(),
                total,
                "apportioning {total} over {w:?} gave {parts:?}"
            );
        }
    }

    #[test]
    fn split_is_positive_and_exact() {
        let mut rng = Rng::new(7);
        for (total, k) in [(1, 1), (5, 5), (100, 7), (2, 9)] {
            let parts = split_positive(total, k, &mut rng);
            assert_eq!(
                parts.iter().sum::<u64>(),
                total,
                "{total} in {k}: {parts:?}"
            );
            assert!(parts.iter().all(|p| *p > 0), "{total} in {k}: {parts:?}");
        }
    }
}
