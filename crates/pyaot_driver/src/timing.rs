//! Stage times of a build, for `pyaot build -v`.

use std::time::Instant;

/// A stopwatch that records named stages in order.
pub(crate) struct Clock {
    start: Instant,
    last: Instant,
    stages: Vec<(String, f64)>,
}

impl Clock {
    pub fn new() -> Clock {
        let now = Instant::now();
        Clock {
            start: now,
            last: now,
            stages: Vec::new(),
        }
    }

    /// Ends a stage that ran since the previous lap.
    pub fn lap(&mut self, stage: &str) {
        let now = Instant::now();
        self.stages
            .push((stage.to_string(), (now - self.last).as_secs_f64()));
        self.last = now;
    }

    /// Records a stage timed elsewhere (it ran since the previous lap).
    pub fn record(&mut self, stage: &str, secs: f64) {
        self.stages.push((stage.to_string(), secs));
        self.last = Instant::now();
    }

    /// The lines `pyaot build -v` prints.
    pub fn report(&self, file: &str) -> String {
        let mut out = format!("pyaot: built {file}\n");
        for (stage, secs) in &self.stages {
            out.push_str(&format!("  {:>8.1} ms  {stage}\n", secs * 1e3));
        }
        out.push_str(&format!(
            "  {:>8.1} ms  total\n",
            self.start.elapsed().as_secs_f64() * 1e3
        ));
        out
    }
}
