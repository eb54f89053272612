//! The name indexes: people by family, given and full name, by the
//! skeleton of their family name, and by its slip keys; and the people a
//! single name can refer to through them.

use super::*;

impl Linker<'_> {
    /// Indexes every person by family name (and later-reference name) and by
    /// each given name.
    pub(super) fn index_names(&mut self) {
        self.by_family.clear();
        self.by_given.clear();
        self.by_skeleton.clear();
        for a in 0..self.actors.len() {
            self.index_person(a);
        }
    }

    pub(super) fn index_person(&mut self, a: usize) {
        let Some(p) = &self.actors[a].person else {
            return;
        };
        let add = |map: &mut FastMap<String, Vec<usize>>, key: &str| {
            let key = lookup_key(key);
            match map.get_mut(key.as_ref()) {
                // People are indexed in order, so `a` is last if it is there.
                Some(list) if list.last() != Some(&a) => list.push(a),
                Some(_) => {}
                None => {
                    map.insert(key.into_owned(), vec![a]);
                }
            }
        };
        for name in [p.family.as_str(), p.later()] {
            let key = lookup_key(name);
            if !self.slip_seen.contains(key.as_ref()) {
                self.slip_seen.insert(key.to_string());
                let keys = slip_keys(&key);
                if !keys.is_empty() {
                    let family = self.slip_families.len();
                    self.slip_families.push(key.to_string());
                    for slip in keys {
                        let before = self.by_slip.insert(slip, self.slip_chain.len());
                        self.slip_chain.push((family, before));
                    }
                }
            }
            add(&mut self.by_family, name);
        }
        // Later references often drop the particles that open a family name
        // ("Otto von Bismarck", then "Bismarck"): the word after them
        // finds the person too.
        if let Some(core) = super::super::names::without_particles(&p.family) {
            add(&mut self.by_family, core);
        }
        add(&mut self.by_skeleton, &skeleton(&p.family));
        // A person goes by their first given name written out: not an
        // initial ("J. Robert"), nor a middle name, which may be a family's
        // own surname ("Chao" in "Rulan Chao Pian").
        let goes_by = p
            .given
            .iter()
            .flat_map(|g| g.split(' '))
            .find(|w| !w.ends_with('.') && w.chars().count() > 1);
        if let Some(word) = goes_by {
            add(&mut self.by_given, word);
        }
    }

    /// The people a single name can refer to: by family name first, else by
    /// given name.
    /// People known by one name and a suffix ("Johann II") share the
    /// word with those who have it for a given name ("Johann Bernoulli"):
    /// the word alone may be any of them.
    pub(super) fn candidates(&self, word: &str) -> (Vec<usize>, Form) {
        let word = lookup_key(word);
        let given = || {
            self.by_given
                .get(word.as_ref())
                .cloned()
                .unwrap_or_default()
        };
        if let Some(family) = self.by_family.get(word.as_ref()) {
            let suffixed_alone = family.iter().all(|&a| {
                self.actors[a]
                    .person
                    .as_ref()
                    .is_some_and(|p| p.given.is_none() && p.suffix.is_some())
            });
            let mut all = family.clone();
            if suffixed_alone {
                all.extend(given());
                all.sort_unstable();
            }
            return (all, Form::Family);
        }
        (given(), Form::Given)
    }

    /// The people whose family name this is a spelling variant of
    /// ("Zelenskyy" for Volodymyr Zelensky).
    pub(super) fn variant_candidates(&self, word: &str) -> Vec<usize> {
        let is_variant_of = |a: &usize| {
            self.actors[*a]
                .person
                .as_ref()
                .is_some_and(|p| is_variant(&p.family, word))
        };
        let spelled = self
            .by_skeleton
            .get(skeleton(word).as_str())
            .map(|list| list.iter().copied().filter(is_variant_of).collect())
            .unwrap_or_default();
        if !Vec::is_empty(&spelled) {
            return spelled;
        }
        // A typing slip ("Kellar" for Keller) changes the skeleton: the
        // family names that share a slip key with the word.
        let mut slipped: Vec<usize> = slip_keys(word)
            .iter()
            .flat_map(|&k| self.slipped(k))
            .map(|family| &self.slip_families[family])
            .filter(|family| one_slip_apart(family, word))
            .filter_map(|family| self.by_family.get(family.as_str()))
            .flat_map(|list| list.iter().copied())
            .filter(is_variant_of)
            .collect();
        slipped.sort_unstable();
        slipped.dedup();
        slipped
    }

    /// The families under a slip key, latest first. Each entry points to
    /// an earlier one, so the walk ends.
    fn slipped(&self, key: u64) -> impl Iterator<Item = usize> + '_ {
        let mut next = self.by_slip.get(&key).copied();
        std::iter::from_fn(move || {
            let (family, before) = *self.slip_chain.get(next?)?;
            next = before;
            Some(family)
        })
    }
}
