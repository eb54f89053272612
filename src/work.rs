//! A count of the analysis's steps, so tests can show that a stage grows
//! linearly with its input without timing it: the walks over tokens, lines,
//! findings and quotations each count one step per element they look at.
//!
//! Counted in builds with debug assertions (the tests); in release builds
//! [`step`] is empty and the count stays zero.

#[cfg(debug_assertions)]
use std::cell::Cell;

#[cfg(debug_assertions)]
thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// One step of a walk.
#[inline(always)]
pub fn step() {
    #[cfg(debug_assertions)]
    STEPS.with(|s| s.set(s.get() + 1));
}

/// `n` steps at once: a search through `n` bytes.
#[inline(always)]
pub fn steps(n: usize) {
    #[cfg(debug_assertions)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(debug_assertions))]
    let _ = n;
}

/// Runs `f` on this thread and returns its result with the steps it took.
pub fn count<R>(f: impl FnOnce() -> R) -> (R, u64) {
    let before = total();
    let result = f();
    (result, total() - before)
}

fn total() -> u64 {
    #[cfg(debug_assertions)]
    return STEPS.with(Cell::get);
    #[cfg(not(debug_assertions))]
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_counted_per_call_of_count() {
        let ((), outer) = count(|| {
            step();
            let ((), inner) = count(|| (0..5).for_each(|_| step()));
            assert_eq!(inner, 5);
            steps(10);
        });
        assert_eq!(outer, 16);
    }
}
