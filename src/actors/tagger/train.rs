//! Training the tagger: an averaged perceptron that reads each run left to
//! right with the tags it has itself chosen so far, as it will when tagging;
//! and scoring a model's names against gold ones.
//!
//! Each gold document is read by the project's own prose model and word-list
//! scan, so the features are those the tagger will see in an article.

use std::ops::Range;

use super::corpus::GoldDoc;
use super::features::{document_words, Window};
use super::{best_of, decode, spans, Model, NameKind, Tagged, TAGS};
use crate::actors::lexicon::{AddedTitles, Class, Classes, Scan, LEXICON, TITLE_WORDS};
use crate::document::Language;
use crate::hashing::FastMap;
use crate::prose::{self, BlockKind, Prose};

/// A gold document read as the tagger reads an article.
pub struct Prepared {
    pub id: String,
    prose: Prose,
    scan: Scan,
    words: FastMap<u64, u8>,
    /// Each sentence's tokens, and whether it is a heading.
    sentences: Vec<(Range<usize>, bool)>,
    /// Each token's gold tag (0 outside names).
    gold: Vec<u8>,
}

/// Words before a person's name that are its title, not its name: the
/// grammar reads them ("President", "Dr", "Chinese").
const TITLE_OR_COURTESY: Classes = TITLE_WORDS.or(Classes::of(&[
    Class::Courtesy,
    Class::Nationality,
    Class::Country,
]));

pub fn prepare(doc: &GoldDoc) -> Prepared {
    let prose = prose::parse(&doc.text, Language::Markdown, &mut Default::default());
    let scan = LEXICON.scan(&prose, &AddedTitles::default(), &mut Default::default());
    let mut gold = vec![0u8; prose.tokens.len()];
    for &(span, kind) in &doc.names {
        let first = prose.tokens.partition_point(|t| t.word.end <= span.start);
        let mut tokens: Vec<usize> = (first..prose.tokens.len())
            .take_while(|&i| prose.tokens[i].span.start < span.end)
            .filter(|&i| prose.tokens[i].word.overlaps(span))
            .collect();
        if kind == NameKind::Person {
            // The title stays outside the name, as the grammar reads it.
            while tokens.len() > 1 {
                let t = tokens[0];
                let word = prose.slice(prose.tokens[t].word);
                let title = scan.cover(t).any(TITLE_OR_COURTESY) && !LEXICON.is_given_name(word);
                let period = word == ".";
                if !(title || period) {
                    break;
                }
                tokens.remove(0);
            }
        }
        for (n, &t) in tokens.iter().enumerate() {
            gold[t] = if n == 0 { kind.begin() } else { kind.inside() };
        }
    }
    let sentences = prose
        .sentences
        .iter()
        .map(|s| {
            let heading = prose.blocks[s.block].kind == BlockKind::Heading;
            (s.tokens.clone(), heading)
        })
        .collect();
    Prepared {
        id: doc.id.clone(),
        words: document_words(&prose),
        prose,
        scan,
        sentences,
        gold,
    }
}

impl Prepared {
    fn window(&self, s: usize) -> Window<'_> {
        let (tokens, heading) = self.sentences[s].clone();
        Window {
            prose: &self.prose,
            scan: &self.scan,
            tokens,
            heading,
        }
    }

    /// The gold tags of a run: an inside tag after a word of another kind
    /// (or none) begins a name.
    fn gold_tags(&self, seg: &[usize]) -> Vec<u8> {
        let mut prev = 0u8;
        seg.iter()
            .map(|&i| {
                let mut tag = self.gold[i];
                if tag >= 5 && prev != tag && prev + 4 != tag {
                    tag -= 4;
                }
                prev = tag;
                tag
            })
            .collect()
    }

    /// The runs the tagger reads, each word with its gold tag and the
    /// built-in model's, one run a line: for looking at the data.
    pub fn tagged(&self) -> String {
        let model = super::model();
        let mut out = String::new();
        let mut keys = Vec::new();
        let mut bits = self.doc_bits();
        for s in 0..self.sentences.len() {
            let window = self.window(s);
            for seg in window.segments() {
                let gold = self.gold_tags(&seg);
                let guess = decode(&model, &window, &seg, &mut bits, &mut keys);
                for (n, &i) in seg.iter().enumerate() {
                    let word = self.prose.slice(self.prose.tokens[i].word);
                    out += &format!("{word}/{}/{} ", gold[n], guess[n].0);
                }
                out.push('\n');
            }
        }
        out
    }

    fn doc_bits(&self) -> impl FnMut(u64) -> u8 + '_ {
        |w| self.words.get(&w).copied().unwrap_or(0)
    }
}

/// Weights being learned, with the running sums that average them.
struct Perceptron {
    index: FastMap<u64, usize>,
    weights: Vec<[f32; TAGS]>,
    /// Each update times the step it was made at, for averaging.
    timed: Vec<[f64; TAGS]>,
    step: f32,
}

impl Perceptron {
    fn scores(&self, keys: &[u64]) -> [f32; TAGS] {
        let mut scores = [0f32; TAGS];
        for k in keys {
            if let Some(&f) = self.index.get(k) {
                for (s, w) in scores.iter_mut().zip(&self.weights[f]) {
                    *s += w;
                }
            }
        }
        scores
    }

    fn update(&mut self, keys: &[u64], tag: u8, delta: f32) {
        for &k in keys {
            let next = self.weights.len();
            let f = *self.index.entry(k).or_insert(next);
            if f == next {
                self.weights.push([0.0; TAGS]);
                self.timed.push([0.0; TAGS]);
            }
            self.weights[f][usize::from(tag)] += delta;
            self.timed[f][usize::from(tag)] += f64::from(self.step * delta);
        }
    }

    fn averaged(&self) -> Vec<(u64, [f32; TAGS])> {
        let mut out: Vec<(u64, [f32; TAGS])> = self
            .index
            .iter()
            .map(|(&k, &f)| {
                let mut row = [0f32; TAGS];
                for ((r, w), timed) in row.iter_mut().zip(&self.weights[f]).zip(&self.timed[f]) {
                    *r = (f64::from(*w) - timed / f64::from(self.step)) as f32;
                }
                (k, row)
            })
            .collect();
        out.sort_by_key(|(k, _)| *k);
        out
    }
}

/// A small deterministic generator, to shuffle the sentences each epoch.
struct Shuffle(u64);

impl Shuffle {
    /// The generator of order `order` of a training seeded `seed` (never
    /// zero, which xorshift would keep).
    fn seeded(seed: u64, order: u64) -> Shuffle {
        let state = super::features::mix(seed, order);
        Shuffle(state)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// How often a feature must occur in training to be learned.
const MIN_COUNT: u32 = 2;

/// How a training is run: passes over the data, and the orders averaged.
#[derive(Clone, Copy, Debug)]
pub struct Schedule {
    /// Passes over the runs, each in a new shuffled order.
    pub epochs: usize,
    /// Perceptrons trained independently, each over its own sequence of
    /// orders, whose averaged weights are averaged again: one perceptron's
    /// weights swing with the order it met the sentences in, their mean
    /// much less.
    pub orders: usize,
    /// Seeds the orders: the same seed gives the same weights.
    pub seed: u64,
}

/// Learns weights from prepared documents, as `schedule` says, and returns
/// them averaged, by feature key.
pub fn train(docs: &[&Prepared], schedule: Schedule) -> Vec<(u64, [f32; TAGS])> {
    let mut runs: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        for s in 0..doc.sentences.len() {
            for seg in doc.window(s).segments() {
                runs.push((d, s, seg));
            }
        }
    }
    // Features seen once (mostly one word's neighbours) would only learn
    // that word: they are left out.
    let mut seen: FastMap<u64, u32> = FastMap::default();
    let mut keys = Vec::new();
    for (d, s, seg) in &runs {
        let doc = &docs[*d];
        let window = doc.window(*s);
        let gold = doc.gold_tags(seg);
        let mut bits = doc.doc_bits();
        let flags = window.run_flags(seg);
        for at in 0..seg.len() {
            let prev = if at == 0 { 0 } else { gold[at - 1] };
            window.features(seg, &flags, at, prev, &mut bits, &mut keys);
            for &k in &keys {
                *seen.entry(k).or_insert(0) += 1;
            }
        }
    }
    let kept = |k: &u64| seen.get(k).is_some_and(|&n| n >= MIN_COUNT);
    let orders = schedule.orders.max(1);
    let mut sum: FastMap<u64, [f32; TAGS]> = FastMap::default();
    for r in 0..orders {
        let mut p = Perceptron {
            index: FastMap::default(),
            weights: Vec::new(),
            timed: Vec::new(),
            step: 1.0,
        };
        // Every order starts from the runs as read, so each depends only on
        // the seed and its number.
        let mut order: Vec<usize> = (0..runs.len()).collect();
        let mut shuffle = Shuffle::seeded(schedule.seed, r as u64);
        for _ in 0..schedule.epochs {
            shuffle.shuffle(&mut order);
            for &o in &order {
                let (d, s, seg) = &runs[o];
                let doc = &docs[*d];
                let window = doc.window(*s);
                let gold = doc.gold_tags(seg);
                let mut bits = doc.doc_bits();
                let mut prev = 0u8;
                let flags = window.run_flags(seg);
                for (at, &truth) in gold.iter().enumerate() {
                    window.features(seg, &flags, at, prev, &mut bits, &mut keys);
                    keys.retain(kept);
                    let (guess, _) = best_of(&p.scores(&keys), prev);
                    if guess != truth {
                        p.update(&keys, truth, 1.0);
                        p.update(&keys, guess, -1.0);
                    }
                    p.step += 1.0;
                    prev = guess;
                }
            }
        }
        for (k, row) in p.averaged() {
            let total = sum.entry(k).or_insert([0.0; TAGS]);
            for (t, w) in total.iter_mut().zip(row) {
                *t += w / orders as f32;
            }
        }
    }
    let mut out: Vec<(u64, [f32; TAGS])> = sum.into_iter().collect();
    out.sort_by_key(|(k, _)| *k);
    out
}

/// Names found against gold names, per kind: found, gold, and both.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    pub found: usize,
    pub gold: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        self.correct as f64 / self.found.max(1) as f64
    }

    pub fn recall(&self) -> f64 {
        self.correct as f64 / self.gold.max(1) as f64
    }

    pub fn add(&mut self, other: Counts) {
        self.found += other.found;
        self.gold += other.gold;
        self.correct += other.correct;
    }
}

/// Scores a model on prepared documents: exact name spans and kinds, over
/// the words the tagger reads. One entry per kind, in [`NameKind::ALL`] order.
pub fn evaluate(model: &Model, docs: &[&Prepared]) -> [Counts; 4] {
    let mut counts = [Counts::default(); 4];
    let mut keys = Vec::new();
    for doc in docs {
        let mut bits = doc.doc_bits();
        for s in 0..doc.sentences.len() {
            let window = doc.window(s);
            for seg in window.segments() {
                let mut found = Vec::new();
                let tags = decode(model, &window, &seg, &mut bits, &mut keys);
                spans(&seg, &tags, &mut found);
                let gold_tags: Vec<(u8, f32)> =
                    doc.gold_tags(&seg).into_iter().map(|t| (t, 0.0)).collect();
                let mut gold: Vec<Tagged> = Vec::new();
                spans(&seg, &gold_tags, &mut gold);
                for (k, kind) in NameKind::ALL.iter().enumerate() {
                    let of = |list: &[Tagged]| -> Vec<(usize, usize)> {
                        list.iter()
                            .filter(|t| t.kind == *kind)
                            .map(|t| (t.first, t.last))
                            .collect()
                    };
                    let (f, g) = (of(&found), of(&gold));
                    counts[k].found += f.len();
                    counts[k].gold += g.len();
                    counts[k].correct += f.iter().filter(|x| g.contains(x)).count();
                }
            }
        }
    }
    counts
}

/// Words by gold kind (rows) and tagged kind (columns), outside names first
/// then [`NameKind::ALL`], over the words the tagger reads.
pub fn confusion(model: &Model, docs: &[&Prepared]) -> [[usize; 5]; 5] {
    let mut table = [[0usize; 5]; 5];
    let mut keys = Vec::new();
    let class = |tag: u8| NameKind::of_tag(tag).map_or(0, |k| 1 + usize::from(k.index()));
    for doc in docs {
        let mut bits = doc.doc_bits();
        for s in 0..doc.sentences.len() {
            let window = doc.window(s);
            for seg in window.segments() {
                let tags = decode(model, &window, &seg, &mut bits, &mut keys);
                for (g, (t, _)) in doc.gold_tags(&seg).into_iter().zip(tags) {
                    table[class(g)][class(t)] += 1;
                }
            }
        }
    }
    table
}

/// The tagger's person names by their lead (in steps of 0.5, the last step
/// open): how many, and how many hold a gold person's word.
pub fn person_leads(model: &Model, docs: &[&Prepared]) -> Vec<(usize, usize)> {
    let mut buckets = vec![(0usize, 0usize); 12];
    let mut keys = Vec::new();
    for doc in docs {
        let mut bits = doc.doc_bits();
        for s in 0..doc.sentences.len() {
            let window = doc.window(s);
            for seg in window.segments() {
                let tags = decode(model, &window, &seg, &mut bits, &mut keys);
                let mut found = Vec::new();
                spans(&seg, &tags, &mut found);
                for t in found.iter().filter(|t| t.kind == NameKind::Person) {
                    let b = ((t.margin.max(1.0)).log2() as usize).min(buckets.len() - 1);
                    buckets[b].0 += 1;
                    let person = (t.first..=t.last)
                        .any(|i| NameKind::of_tag(doc.gold[i]) == Some(NameKind::Person));
                    if person {
                        buckets[b].1 += 1;
                    }
                }
            }
        }
    }
    buckets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::tagger::corpus::read_iob2;

    /// A small IOB2 document of our own: people before "said", a place
    /// after "in", a company before "hired".
    fn docs() -> Vec<Prepared> {
        let sentences = [
            (
                "Mara Voss said it rained in Lund .",
                "B-PER I-PER O O O O B-LOC O",
            ),
            (
                "Tomas Brek said Acme hired him .",
                "B-PER I-PER O B-ORG O O O",
            ),
            (
                "Ines Olle said she lives in Orsa .",
                "B-PER I-PER O O O O B-LOC O",
            ),
            ("Acme said it moved to Lund .", "B-ORG O O O O B-LOC O"),
        ];
        let mut src = String::from("# newdoc id = d1\n");
        for (text, tags) in sentences {
            src += &format!("# text = {text}\n");
            for (n, (w, t)) in text.split(' ').zip(tags.split(' ')).enumerate() {
                src += &format!("{}\t{w}\t{t}\n", n + 1);
            }
            src.push('\n');
        }
        read_iob2(&src).iter().map(prepare).collect()
    }

    #[test]
    fn one_seed_gives_one_model_and_orders_are_averaged() {
        let docs = docs();
        let refs: Vec<&Prepared> = docs.iter().collect();
        let schedule = |orders, seed| Schedule {
            epochs: 3,
            orders,
            seed,
        };
        let a = train(&refs, schedule(4, 7));
        assert_eq!(a, train(&refs, schedule(4, 7)), "same seed, same weights");
        // The mean of four orders is not any one order's weights.
        assert_ne!(a, train(&refs, schedule(1, 7)));
        let model = Model::from_bytes(&Model::to_bytes("test", &a, 0.0)).expect("reads");
        let people = evaluate(&model, &refs)[0];
        assert_eq!(people.correct, 3, "{people:?}");
    }
}
