//! Names the sentence gives to an animal: a one-word name set off right
//! after an animal noun ("their two dogs, Rollo and Bramble", "her puppy,
//! Biscuit,"), named by one ("a horse called Juniper"), or with one set off
//! after it ("Biscuit, our dog,"). The animal is no person, and no
//! reference to a person of that name: "her puppy, Fennick," is not Ruth
//! Fennick. A title, courtesy title or age says it is a person's.

use super::*;

/// Lowercase nouns for animals kept as pets or on a farm; each only ever
/// names an animal.
const ANIMALS: [&str; 26] = [
    "dog", "dogs", "puppy", "puppies", "cat", "cats", "kitten", "kittens", "horse", "horses",
    "pony", "ponies", "parrot", "parrots", "rabbit", "rabbits", "hamster", "hamsters", "tortoise",
    "goat", "goats", "donkey", "mare", "stallion", "foal", "spaniel",
];

/// Words that may stand between a set-off name's comma and the animal
/// noun after it ("Biscuit, our dog,").
const DETERMINERS: [&str; 8] = ["the", "a", "our", "my", "his", "her", "their", "your"];

impl Reader<'_> {
    /// Marks the name at `n` as an animal's: see the module's doc. `lo` is
    /// the first token of the sentence.
    pub(super) fn animal_name(&mut self, n: usize, lo: usize) {
        let name = &self.found.names[n];
        let evidence = name.evidence;
        let (first, end) = (name.tokens.start, name.tokens.end);
        if end != first + 1 || name.title.is_some() || evidence.courtesy || evidence.age {
            return;
        }
        if self.animal_before(first, end, lo) || self.animal_after(end) {
            let name = &mut self.found.names[n];
            name.animal = true;
            name.not_person = true;
        }
    }

    /// Whether token `i` is a lowercase animal noun, not possessive ("the
    /// dog's owner" is a person).
    fn is_animal(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
            && !self.tokens[i].possessive()
            && ANIMALS.contains(&self.word(i))
    }

    /// "dogs, Rollo and Bramble", "her puppy, Biscuit,", "a horse called
    /// Juniper". Set off by a comma, the name must end an appositive or
    /// stand in a list ("After feeding the cat, Hale left" is Hale's).
    fn animal_before(&self, first: usize, end: usize, lo: usize) -> bool {
        if first < lo + 2 || !self.is_animal(first - 2) {
            return false;
        }
        if matches!(self.word(first - 1), "named" | "called") {
            return true;
        }
        let closed = end >= self.sentence_end
            || self.is_punct(end, ",.;)")
            || matches!(self.word(end), "and" | "or");
        self.is_punct(first - 1, ",") && closed
    }

    /// "Biscuit, our dog,", "Biscuit, the family dog.": a comma, a
    /// determiner, at most one more word and an animal noun that ends the
    /// appositive.
    fn animal_after(&self, end: usize) -> bool {
        let stop = self.sentence_end;
        if end + 2 >= stop || !self.is_punct(end, ",") {
            return false;
        }
        if !DETERMINERS.contains(&self.word(end + 1).to_lowercase().as_str()) {
            return false;
        }
        [end + 2, end + 3].into_iter().any(|k| {
            k < stop
                && self.is_animal(k)
                && (k == end + 2 || self.tokens[end + 2].kind == TokenKind::Word)
                && (k + 1 >= stop || self.is_punct(k + 1, ",.;)"))
        })
    }
}
