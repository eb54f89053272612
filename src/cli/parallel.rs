//! Work on every core, results in input order.
//!
//! Rayon's threads (`RAYON_NUM_THREADS` sets how many) take items in order
//! from a shared counter, so the results waiting for an earlier one to finish
//! stay few, and the caller gets each result as soon as all before it are done.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};

/// Calls `work` on every item on rayon's threads and `sink` on the results in
/// the items' order, on the calling thread. `sink` returns `false` to stop
/// early (output closed): items not yet started are then skipped.
pub fn for_each_ordered<T, R>(
    items: Vec<T>,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> bool,
) where
    T: Send,
    R: Send,
{
    let count = items.len();
    let slots: Vec<Mutex<Option<T>>> = items.into_iter().map(|t| Mutex::new(Some(t))).collect();
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let threads = rayon::current_num_threads().clamp(1, count.max(1));
    let (tx, rx) = mpsc::channel::<(usize, R)>();
    std::thread::scope(|scope| {
        let (slots, next, stop, work) = (&slots, &next, &stop, &work);
        scope.spawn(move || {
            rayon::scope(|pool| {
                for _ in 0..threads {
                    let tx = tx.clone();
                    pool.spawn(move |_| loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= count || stop.load(Ordering::Relaxed) {
                            break;
                        }
                        let item = slots[i].lock().unwrap_or_else(|p| p.into_inner()).take();
                        if let Some(item) = item {
                            if tx.send((i, work(item))).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
            drop(tx);
        });
        let mut waiting = BTreeMap::new();
        let mut wanted = 0;
        for (i, result) in rx.iter() {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&wanted) {
                wanted += 1;
                if !sink(result) {
                    stop.store(true, Ordering::Relaxed);
                    return;
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_input_order() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        for_each_ordered(
            items,
            |i| {
                // Uneven work, so threads finish out of order.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) * 5));
                i * 2
            },
            |r| {
                seen.push(r);
                true
            },
        );
        assert_eq!(seen, (0..200).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn a_sink_can_stop_the_run() {
        let mut seen = 0;
        for_each_ordered(
            (0..10_000).collect(),
            |i: u32| i,
            |_| {
                seen += 1;
                seen < 3
            },
        );
        assert_eq!(seen, 3);
    }
}
