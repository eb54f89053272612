//! A criterion measurement of CPU time, not wall time: of the benchmarking
//! thread (`CLOCK_THREAD_CPUTIME_ID`, for a stage) or of the whole process
//! (`CLOCK_PROCESS_CPUTIME_ID`, for a round trip through the server's
//! threads). On a machine other work keeps busy, the time spent waiting for a
//! core is not counted against the code measured. Throughput is shown as time
//! per element: the cost per word.

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::Throughput;

pub struct CpuTime {
    /// `libc::CLOCK_THREAD_CPUTIME_ID` or `libc::CLOCK_PROCESS_CPUTIME_ID`.
    pub clock: libc::clockid_t,
}

/// Nanoseconds of CPU time used so far by what `clock` measures.
fn cpu_ns(clock: libc::clockid_t) -> u64 {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    let ok = unsafe { libc::clock_gettime(clock, &mut now) } == 0;
    if !ok {
        return 0;
    }
    now.tv_sec as u64 * 1_000_000_000 + now.tv_nsec as u64
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        cpu_ns(self.clock)
    }

    fn end(&self, start: u64) -> u64 {
        cpu_ns(self.clock).saturating_sub(start)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, typical_ns: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match typical_ns {
            t if t < 1e3 => (1.0, "ns"),
            t if t < 1e6 => (1e-3, "µs"),
            t if t < 1e9 => (1e-6, "ms"),
            _ => (1e-9, "s"),
        };
        for v in values {
            *v *= factor;
        }
        unit
    }

    fn scale_throughputs(
        &self,
        _typical: f64,
        throughput: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        let per = match *throughput {
            Throughput::Elements(n) | Throughput::ElementsAndBytes { elements: n, .. } => n,
            Throughput::Bytes(n) | Throughput::BytesDecimal(n) => n,
            Throughput::Bits(n) => n,
        } as f64;
        for v in values {
            *v /= per.max(1.0);
        }
        "ns CPU/elem"
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}
