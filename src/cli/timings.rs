//! `copydesk check --timings`: where the time went, per stage and per rule,
//! summed over every file and thread.

use std::io::Write as _;
use std::time::Duration;

use crate::analysis;

/// Time per stage, in pipeline order, and per rule, in registry order.
#[derive(Debug, Default)]
pub struct Timings {
    stages: Vec<(String, Duration)>,
}

impl Timings {
    pub fn add_stage(&mut self, name: &str, took: Duration) {
        match self.stages.iter_mut().find(|(n, _)| n == name) {
            Some((_, total)) => *total += took,
            None => self.stages.push((name.to_string(), took)),
        }
    }

    pub fn add_analysis(&mut self, t: &analysis::Timings) {
        self.add_stage("prose", t.prose);
        self.add_stage("actors", t.actors);
        for (code, took) in &t.rules {
            self.add_stage(&format!("rule {code}"), *took);
        }
        self.add_stage("suppression", t.suppression);
    }

    pub fn merge(&mut self, other: Timings) {
        for (name, took) in other.stages {
            self.add_stage(&name, took);
        }
    }

    /// The table, on stderr.
    pub fn print(&self, wall: Duration, files: usize) {
        let busy: Duration = self.stages.iter().map(|(_, t)| *t).sum();
        let threads = rayon::current_num_threads();
        let mut out = format!(
            "timings: {files} {} in {:.1} ms wall time, {:.1} ms of work on {threads} {}\n",
            if files == 1 { "file" } else { "files" },
            ms(wall),
            ms(busy),
            if threads == 1 { "thread" } else { "threads" },
        );
        for (name, took) in &self.stages {
            let share = if busy.is_zero() {
                0.0
            } else {
                100.0 * took.as_secs_f64() / busy.as_secs_f64()
            };
            out += &format!("  {name:<28} {:>10.2} ms {share:>5.1}%\n", ms(*took));
        }
        let _ = std::io::stderr().lock().write_all(out.as_bytes());
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
