//! Work shared among the machine's cores: ten thousand session files take
//! most of a second to read and to scope on one.

/// Calls `work` on consecutive parts of `items`, one part per core, with
/// the index of each part's first item; returns the results in the parts'
/// order, so the caller sees what one pass in order would give. Under
/// `min` items, or on one core, it works on this thread alone.
pub fn in_parts<T: Sync, R: Send>(
    items: &[T],
    min: usize,
    work: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<R> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores < 2 || items.len() < min.max(2) {
        return vec![work(0, items)];
    }
    let chunk = items.len().div_ceil(cores);
    let work = &work;
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(chunk)
            .enumerate()
            .map(|(n, part)| scope.spawn(move || work(n * chunk, part)))
            .collect();
        parts
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_come_back_in_order_with_their_offsets() {
        let items: Vec<usize> = (0..1001).collect();
        let parts = in_parts(&items, 10, |from, part| {
            part.iter()
                .enumerate()
                .all(|(i, x)| *x == from + i)
                .then(|| part.to_vec())
        });
        let joined: Vec<usize> = parts.into_iter().flatten().flatten().collect();
        assert_eq!(joined, items);
    }

    #[test]
    fn few_items_are_one_part() {
        assert_eq!(in_parts(&[1, 2, 3], 10, |_, p| p.len()), [3]);
        assert_eq!(in_parts::<u8, usize>(&[], 0, |_, p| p.len()), [0]);
    }
}
