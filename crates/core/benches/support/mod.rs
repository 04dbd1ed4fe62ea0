//! What the province and registers benches share: the synthetic ledger's random numbers,
//! dates and stamp, and the interleaved timing of wall and CPU time. Declared by each
//! bench with `mod support;` (a folder's `mod.rs`, so cargo does not take it for a bench).

use std::time::{Duration, Instant};

use chrono::NaiveDate;

/// Rounds of each case after the warm-up.
pub const ROUNDS: usize = 7;
/// Created/updated stamp of every synthetic row.
pub const STAMP: &str = "2024-07-01T00:00:00.000Z";

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// SplitMix64: the same synthetic ledger on every run.
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn uuid(&mut self) -> String {
        uuid::Uuid::from_u64_pair(self.next(), self.next()).to_string()
    }
}

/// Time this thread has spent on a CPU (Linux: /proc/thread-self/schedstat, in ns). Unlike
/// wall time it does not grow while other processes hold the cores, so ratios stay
/// meaningful on a busy machine.
pub fn cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Wall and CPU time of each run of a case, sorted.
#[derive(Default)]
pub struct Times {
    pub wall: Vec<Duration>,
    pub cpu: Vec<Duration>,
}

/// Runs every case once to warm the caches, then `ROUNDS` rounds of each case in turn, so
/// that a busy machine slows them alike. A case is a label and what it runs.
pub fn interleaved<L, R, F: Fn() -> R>(cases: &[(L, F)]) -> Vec<Times> {
    for (_, f) in cases {
        f();
    }
    let mut times: Vec<Times> = cases.iter().map(|_| Times::default()).collect();
    for _ in 0..ROUNDS {
        for (i, (_, f)) in cases.iter().enumerate() {
            let (wall, cpu) = (Instant::now(), cpu_time());
            f();
            times[i].wall.push(wall.elapsed());
            if let (Some(start), Some(end)) = (cpu, cpu_time()) {
                times[i].cpu.push(end - start);
            }
        }
    }
    for t in &mut times {
        t.wall.sort();
        t.cpu.sort();
    }
    times
}

/// The middle of sorted times; none when nothing was timed (no CPU clock).
pub fn median(times: &[Duration]) -> Option<Duration> {
    times.get(times.len() / 2).copied()
}
