//! Trains and measures the name tagger (`src/actors/tagger/`).
//!
//! ```text
//! # the weights in data/names.model
//! cargo run --release --example names -- train \
//!     --gum ../shared/eval/gum-train --uner ../shared/eval/uner-ewt --out data/names.model
//! # five-fold cross-validation over the GUM documents, scored by the hover scorer
//! cargo build --release
//! cargo run --release --example names -- cv \
//!     --gum ../shared/eval/gum-train --uner ../shared/eval/uner-ewt \
//!     --scorer ../shared/eval/scorers/eval_actors.py --server target/release/copydesk
//! # how many of the names the actor model calls people are people, on a gold set
//! cargo run --release --example names -- precision --data ../shared/eval/gum-dev
//! ```
//!
//! `--gum` is a folder in the GUM evaluation format with a `conllu/`
//! folder of documents to learn from; only those are trained on. `--uner`
//! is a folder of Universal NER `.iob2` files.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use clap::{Parser, Subcommand};
use copydesk::actors::tagger::corpus::{read_conllu, read_iob2, GoldDoc};
use copydesk::actors::tagger::train::{
    confusion, evaluate, person_leads, prepare, train, Counts, Prepared, Schedule,
};
use copydesk::actors::tagger::{use_model, Model, NameKind, TAGS};
use copydesk::actors::{ActorKind, Confidence, Form, Target};
use copydesk::config::Settings;
use copydesk::document::Language;
use serde_json::Value;

const EPOCHS: usize = 8;
/// Perceptrons averaged, each over its own orders of the sentences.
const ORDERS: usize = 32;
/// The seed of the shipped weights' orders.
const SEED: u64 = 1;
/// Features whose weights all stay below this are left out of the file.
const PRUNE: f32 = 0.0;

#[derive(Parser)]
#[command(about = "Train and measure copydesk's name tagger")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

/// How the perceptrons are trained (see `train::Schedule`).
#[derive(clap::Args, Clone, Copy)]
struct ScheduleArgs {
    /// Passes over the sentences.
    #[arg(long, default_value_t = EPOCHS)]
    epochs: usize,
    /// Perceptrons trained over different orders, their weights averaged.
    #[arg(long, default_value_t = ORDERS)]
    orders: usize,
    /// Seeds the orders.
    #[arg(long, default_value_t = SEED)]
    seed: u64,
}

impl ScheduleArgs {
    fn schedule(self) -> Schedule {
        Schedule {
            epochs: self.epochs,
            orders: self.orders,
            seed: self.seed,
        }
    }
}

#[derive(Subcommand)]
enum Cmd {
    /// Train on every CoNLL-U document and the IOB2 files; write the model.
    Train {
        #[arg(long)]
        gum: PathBuf,
        #[arg(long)]
        uner: Option<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        schedule: ScheduleArgs,
    },
    /// K-fold cross-validation over the CoNLL-U documents (by document):
    /// the tagger's own scores, and, with --scorer, the hover scorer on each
    /// held-out fold (run with that fold's weights) and on the documents
    /// that are never trained on (run with weights trained on all).
    Cv {
        #[arg(long)]
        gum: PathBuf,
        #[arg(long)]
        uner: Option<PathBuf>,
        #[arg(long, default_value_t = 5)]
        folds: usize,
        #[command(flatten)]
        schedule: ScheduleArgs,
        /// Where the fold models and folders of links go.
        #[arg(long, default_value = "target/names-cv")]
        work: PathBuf,
        /// eval_actors.py, to score hovers per fold.
        #[arg(long)]
        scorer: Option<PathBuf>,
        #[arg(long, default_value = "target/release/copydesk")]
        server: PathBuf,
        /// Print the names called people that are not gold people.
        #[arg(long)]
        show: bool,
    },
    /// Train on one IOB2 file and score the tagger on another.
    Holdout {
        #[arg(long)]
        train: PathBuf,
        #[arg(long)]
        test: PathBuf,
        #[command(flatten)]
        schedule: ScheduleArgs,
    },
    /// Print one training document's gold names, as the tagger reads them.
    Gold {
        #[arg(long)]
        gum: PathBuf,
        #[arg(long)]
        id: String,
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Of the names the actor model calls people, the share that are people
    /// in a GUM-format folder's gold, with the built-in model or `--model`.
    Precision {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        model: Option<PathBuf>,
        /// Print the names that are not gold people.
        #[arg(long)]
        show: bool,
    },
}

fn main() -> Result<(), String> {
    match Cli::parse().command {
        Cmd::Train {
            gum,
            uner,
            out,
            schedule,
        } => {
            let (gum_docs, uner_docs) = corpora(&gum, uner.as_deref())?;
            let prepared: Vec<Prepared> = gum_docs.iter().chain(&uner_docs).map(prepare).collect();
            let weights = train(&prepared.iter().collect::<Vec<_>>(), schedule.schedule());
            let bytes = Model::to_bytes(
                &header(gum_docs.len(), uner_docs.len(), schedule.schedule()),
                &weights,
                PRUNE,
            );
            fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
            println!(
                "{} features, {} bytes, written to {}",
                weights.len(),
                bytes.len(),
                out.display()
            );
            Ok(())
        }
        Cmd::Cv {
            gum,
            uner,
            folds,
            schedule,
            work,
            scorer,
            server,
            show,
        } => cross_validate(
            &gum,
            uner.as_deref(),
            folds,
            schedule.schedule(),
            &work,
            (scorer, &server),
            show,
        ),
        Cmd::Holdout {
            train: a,
            test: b,
            schedule,
        } => {
            let a: Vec<Prepared> = read_iob2(&read(&a)?).iter().map(prepare).collect();
            let b: Vec<Prepared> = read_iob2(&read(&b)?).iter().map(prepare).collect();
            let weights = train(&a.iter().collect::<Vec<_>>(), schedule.schedule());
            let model = Model::from_bytes(&Model::to_bytes("", &weights, PRUNE))?;
            let refs: Vec<&Prepared> = b.iter().collect();
            report_tagger("holdout", &evaluate(&model, &refs));
            for row in confusion(&model, &refs) {
                println!("  {row:?}");
            }
            Ok(())
        }
        Cmd::Gold { gum, id, model } => {
            if let Some(path) = model {
                use_model(load(&path)?);
            }
            let (docs, _) = corpora(&gum, None)?;
            let doc = docs.iter().find(|d| d.id == id).ok_or("no such document")?;
            for (span, kind) in &doc.names {
                println!("{kind:?}\t{}", span.of(&doc.text));
            }
            print!("{}", prepare(doc).tagged());
            Ok(())
        }
        Cmd::Precision { data, model, show } => {
            if let Some(path) = model {
                use_model(load(&path)?);
            }
            let c = person_precision(&data, &gold_names(&data)?, show)?;
            report_precision(&data.display().to_string(), c);
            Ok(())
        }
    }
}

fn header(gum: usize, uner: usize, schedule: Schedule) -> String {
    let Schedule {
        epochs,
        orders,
        seed,
    } = schedule;
    format!(
        "copydesk name tagger: averaged-perceptron weights ({TAGS} tags: outside, and the
beginning or inside of the name of a person, organisation, place or other thing)
over hashed features of capitalised words. Read by src/actors/tagger/; see
ARCHITECTURE.md. No text of the corpora is kept: feature hashes and weights only.

Rebuild: cargo run --release --example names -- train
  --gum ../shared/eval/gum-train --uner ../shared/eval/uner-ewt --out data/names.model
({orders} perceptrons over different orders of the sentences, seed {seed}, {epochs}
passes each, their averaged weights averaged: the same command gives the same file.)

Trained on {gum} documents of the GUM corpus (the academic, bio, court, interview
and voyage genres, whose text is CC BY or CC BY-SA) and {uner} documents of
Universal NER's English Web Treebank (dev and test).

Attribution:
- GUM: Zeldes, Amir (2017) \"The GUM Corpus: Creating Multilayer Resources in the
  Classroom\", Language Resources and Evaluation 51(3), 581-612. Annotations
  CC BY 4.0 (GUM annotators); texts by their authors under CC BY or CC BY-SA
  (Wikipedia, Wikivoyage and Wikinews contributors, the academic and court
  sources named in GUM's metadata; Wikinews texts CC BY 2.5).
- Universal NER: Mayhew et al. (2024) \"Universal NER: A Gold-Standard
  Multilingual Named Entity Recognition Benchmark\", NAACL 2024; UNER English-EWT,
  CC BY-SA 4.0.

Licence: these weights are derived from the works above and are shared under
CC BY-SA 4.0.
"
    )
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn load(path: &Path) -> Result<Model, String> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Model::from_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn files(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    out.sort();
    Ok(out)
}

/// The GUM documents to learn from (sorted by id) and the UNER documents.
fn corpora(gum: &Path, uner: Option<&Path>) -> Result<(Vec<GoldDoc>, Vec<GoldDoc>), String> {
    let mut gum_docs = Vec::new();
    for path in files(&gum.join("conllu"), "conllu")? {
        // The published text and its person names, where they are beside it.
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let published = stem.as_ref().map(|s| gum.join(format!("{s}.txt")));
        let text = published.and_then(|p| fs::read_to_string(p).ok());
        let mut docs = read_conllu(&read(&path)?, text.as_deref());
        if let (Some(stem), Some(text), [doc]) = (stem, &text, docs.as_mut_slice()) {
            if let Ok(people) = json_people(&gum.join(format!("{stem}.json")), text) {
                doc.set_people(&people);
            }
        }
        gum_docs.extend(docs);
    }
    gum_docs.sort_by(|a, b| a.id.cmp(&b.id));
    let mut uner_docs = Vec::new();
    if let Some(dir) = uner {
        for path in files(dir, "iob2")? {
            uner_docs.extend(read_iob2(&read(&path)?));
        }
    }
    Ok((gum_docs, uner_docs))
}

fn report_tagger(label: &str, counts: &[Counts; 4]) {
    let mut line = format!("{label:>8}");
    let mut all = Counts::default();
    for (kind, c) in NameKind::ALL.iter().zip(counts) {
        all.add(*c);
        line += &format!(
            "  {kind:?} P {:.1} R {:.1}",
            100.0 * c.precision(),
            100.0 * c.recall()
        );
    }
    line += &format!(
        "  all P {:.1} R {:.1}",
        100.0 * all.precision(),
        100.0 * all.recall()
    );
    println!("{line}");
}

/// Scorer totals: hovers covered of hovers, person pairs merged of pairs.
#[derive(Default, Clone, Copy)]
struct Hovers {
    covered: u64,
    hovers: u64,
    merged: u64,
    pairs: u64,
}

fn cross_validate(
    gum: &Path,
    uner: Option<&Path>,
    folds: usize,
    schedule: Schedule,
    work: &Path,
    (scorer, server): (Option<PathBuf>, &Path),
    show: bool,
) -> Result<(), String> {
    let (gum_docs, uner_docs) = corpora(gum, uner)?;
    let folds = folds.max(2);
    fs::create_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    let work = work
        .canonicalize()
        .map_err(|e| format!("{}: {e}", work.display()))?;
    let prepared: Vec<Prepared> = gum_docs.iter().map(prepare).collect();
    let uner_prepared: Vec<Prepared> = uner_docs.iter().map(prepare).collect();
    let gold = gold_names(gum)?;
    let mut tagger_total = [Counts::default(); 4];
    let mut table = [[0usize; 5]; 5];
    let mut leads = [(0usize, 0usize); 12];
    let mut hovers = Hovers::default();
    let mut precision = Counts::default();
    // Documents go to folds in turn, in order of id, so each fold has
    // some of every genre.
    for k in 0..folds {
        let in_fold = |i: usize| i % folds == k;
        let held: Vec<&Prepared> = prepared
            .iter()
            .enumerate()
            .filter(|&(i, _)| in_fold(i))
            .map(|(_, d)| d)
            .collect();
        let kept = prepared
            .iter()
            .enumerate()
            .filter(|&(i, _)| !in_fold(i))
            .map(|(_, d)| d);
        let training: Vec<&Prepared> = kept.into_iter().chain(&uner_prepared).collect();
        let weights = train(&training, schedule);
        let bytes = Model::to_bytes(&format!("fold {k} of {folds}"), &weights, PRUNE);
        let model_path = work.join(format!("fold-{k}.model"));
        fs::write(&model_path, &bytes).map_err(|e| e.to_string())?;
        let model = Model::from_bytes(&bytes)?;
        let counts = evaluate(&model, &held);
        report_tagger(&format!("fold {k}"), &counts);
        for (l, f) in leads.iter_mut().zip(person_leads(&model, &held)) {
            l.0 += f.0;
            l.1 += f.1;
        }
        for (row, fold_row) in table.iter_mut().zip(confusion(&model, &held)) {
            for (cell, n) in row.iter_mut().zip(fold_row) {
                *cell += n;
            }
        }
        for (t, c) in tagger_total.iter_mut().zip(counts) {
            t.add(c);
        }
        let ids: Vec<&str> = held.iter().map(|d| d.id.as_str()).collect();
        let dir = link_folder(gum, &work.join(format!("fold-{k}")), &ids)?;
        use_model(model);
        precision.add(person_precision(&dir, &gold, show)?);
        if let Some(scorer) = &scorer {
            let h = score(
                scorer,
                server,
                Some(&model_path),
                &dir,
                &work.join(format!("fold-{k}.json")),
            )?;
            hovers = add(hovers, h);
        }
    }
    report_tagger("all", &tagger_total);
    println!("person names by the tagger's lead (from 0, steps of 0.5): found, gold people");
    let (mut found, mut right) = (0, 0);
    for (b, (f, r)) in leads.iter().enumerate().rev() {
        found += f;
        right += r;
        println!(
            "  lead >= {}: {f} {r}; at or above, {:.1}% of {found}",
            1u32 << b,
            100.0 * right as f64 / found.max(1) as f64
        );
    }
    println!(
        "words by gold kind (rows) and tagged kind: outside, person, organisation, place, other"
    );
    for row in table {
        println!("  {row:?}");
    }
    // The documents with no CoNLL-U are never trained on: scored with the
    // weights trained on every document.
    let all: Vec<&Prepared> = prepared.iter().chain(&uner_prepared).collect();
    let weights = train(&all, schedule);
    let bytes = Model::to_bytes("all documents", &weights, PRUNE);
    let model_path = work.join("all.model");
    fs::write(&model_path, &bytes).map_err(|e| e.to_string())?;
    let trained: Vec<&str> = gum_docs.iter().map(|d| d.id.as_str()).collect();
    let untrained: Vec<String> = files(gum, "json")?
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|id| !trained.contains(&id.as_str()))
        .collect();
    let ids: Vec<&str> = untrained.iter().map(String::as_str).collect();
    let dir = link_folder(gum, &work.join("untrained"), &ids)?;
    use_model(Model::from_bytes(&bytes)?);
    let untrained_precision = person_precision(&dir, &gold, show)?;
    report_precision("held-out folds", precision);
    report_precision("never-trained documents", untrained_precision);
    precision.add(untrained_precision);
    report_precision("all documents", precision);
    if let Some(scorer) = &scorer {
        let folds_only = hovers;
        let h = score(
            scorer,
            server,
            Some(&model_path),
            &dir,
            &work.join("untrained.json"),
        )?;
        report_hovers("held-out folds", folds_only);
        report_hovers("never-trained documents", h);
        report_hovers("all documents", add(folds_only, h));
    }
    Ok(())
}

fn add(a: Hovers, b: Hovers) -> Hovers {
    Hovers {
        covered: a.covered + b.covered,
        hovers: a.hovers + b.hovers,
        merged: a.merged + b.merged,
        pairs: a.pairs + b.pairs,
    }
}

fn report_hovers(label: &str, h: Hovers) {
    println!(
        "hovers, {label}: coverage {:.1}% ({}/{}), merges {:.2}% ({}/{})",
        100.0 * h.covered as f64 / h.hovers.max(1) as f64,
        h.covered,
        h.hovers,
        100.0 * h.merged as f64 / h.pairs.max(1) as f64,
        h.merged,
        h.pairs
    );
}

fn report_precision(label: &str, c: Counts) {
    println!(
        "people named, {label}: {:.1}% are gold people ({}/{})",
        100.0 * c.precision(),
        c.correct,
        c.found
    );
}

/// A folder of links to the `.txt` and `.json` of some documents.
fn link_folder(gum: &Path, dir: &Path, ids: &[&str]) -> Result<PathBuf, String> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| e.to_string())?;
    }
    fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let gum = gum.canonicalize().map_err(|e| e.to_string())?;
    for id in ids {
        for ext in ["txt", "json"] {
            let name = format!("{id}.{ext}");
            std::os::unix::fs::symlink(gum.join(&name), dir.join(&name))
                .map_err(|e| format!("{name}: {e}"))?;
        }
    }
    Ok(dir.to_path_buf())
}

/// Runs the hover scorer on a folder, the server using `model`.
fn score(
    scorer: &Path,
    server: &Path,
    model: Option<&Path>,
    data: &Path,
    json: &Path,
) -> Result<Hovers, String> {
    let server = server
        .canonicalize()
        .map_err(|e| format!("{}: {e}", server.display()))?;
    let command = match model {
        Some(m) => format!(
            "env COPYDESK_NAME_MODEL={} {}",
            m.display(),
            server.display()
        ),
        None => server.display().to_string(),
    };
    let status = Command::new("python3")
        .arg(scorer)
        .args(["--server", &command, "--data"])
        .arg(data)
        .arg("--json")
        .arg(json)
        .status()
        .map_err(|e| format!("python3: {e}"))?;
    if !status.success() {
        return Err(format!("the scorer failed on {}", data.display()));
    }
    let result: Value = serde_json::from_str(&read(json)?).map_err(|e| e.to_string())?;
    let m = &result["metrics"];
    let n = |k: &str| m[k].as_u64().unwrap_or(0);
    Ok(Hovers {
        covered: n("covered"),
        hovers: n("hovers"),
        merged: n("pairs_merged"),
        pairs: n("pairs"),
    })
}

/// The names of the people a GUM-format `.json` lists (its proper
/// mentions of single people), as byte spans of `text`.
fn json_people(path: &Path, text: &str) -> Result<Vec<copydesk::span::Span>, String> {
    let v: Value = serde_json::from_str(&read(path)?).map_err(|e| e.to_string())?;
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let mut out = Vec::new();
    for person in v["persons"].as_array().into_iter().flatten() {
        if person["plural"].as_bool().unwrap_or(false) {
            continue;
        }
        for m in person["mentions"].as_array().into_iter().flatten() {
            if !m["proper"].as_bool().unwrap_or(false) {
                continue;
            }
            let (Some(a), Some(b)) = (m["name"][0].as_u64(), m["name"][1].as_u64()) else {
                continue;
            };
            if let (Some(&a), Some(&b)) = (bytes.get(a as usize), bytes.get(b as usize)) {
                out.push(copydesk::span::Span::new(a, b));
            }
        }
    }
    Ok(out)
}

/// Gold person mentions per document: span (the name's, for a proper
/// mention) in characters, and whether it is proper.
type GoldPeople = std::collections::HashMap<String, Vec<(usize, usize, bool)>>;

fn gold_names(dir: &Path) -> Result<GoldPeople, String> {
    let mut out = GoldPeople::new();
    for path in files(dir, "json")? {
        let v: Value = serde_json::from_str(&read(&path)?).map_err(|e| e.to_string())?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut list = Vec::new();
        for person in v["persons"].as_array().into_iter().flatten() {
            for m in person["mentions"].as_array().into_iter().flatten() {
                let proper = m["proper"].as_bool().unwrap_or(false);
                let span = if proper { &m["name"] } else { &m["span"] };
                let (Some(a), Some(b)) = (span[0].as_u64(), span[1].as_u64()) else {
                    continue;
                };
                list.push((a as usize, b as usize, proper));
            }
        }
        out.insert(id, list);
    }
    Ok(out)
}

/// Of the capitalised names the actor model links to people (or leaves
/// between people), how many overlap a gold person's name, or end a gold
/// mention of a person that has no name of its own ("comedy legend Judd
/// Apatow"; not "the mayor of Tulsa").
fn person_precision(dir: &Path, gold: &GoldPeople, show: bool) -> Result<Counts, String> {
    let settings = Settings::default();
    let mut counts = Counts::default();
    for path in files(dir, "txt")? {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some(people) = gold.get(&id) else {
            continue;
        };
        let text = read(&path)?;
        let analysis = copydesk::analysis::analyze(&text, Language::Markdown, &settings);
        let actors = &analysis.actors;
        let chars = |byte: usize| text[..byte].chars().count();
        for m in actors.mentions.iter() {
            if !matches!(m.form, Form::Full | Form::Family | Form::Given) {
                continue;
            }
            // Called a person without a hedge ("probably a person" is not
            // a call).
            let called = |a: usize| {
                let actor = &actors.actors[a];
                actor.kind == ActorKind::Person && actor.confidence == Confidence::Certain
            };
            // A group or term named for someone ("the Vance campaign") is
            // shown as named for them, not as a person: no call.
            let person = match &m.target {
                Target::Actor(a) => called(*a),
                Target::NamedFor(_) => false,
                Target::Ambiguous(list) => list.iter().all(|&a| called(a)),
            };
            let name = m.name.of(&text);
            if !person || !name.starts_with(char::is_uppercase) {
                continue;
            }
            let (a, b) = (chars(m.name.start), chars(m.name.end));
            let ok = people.iter().any(|&(s, e, proper)| {
                if proper {
                    return a < e && s < b;
                }
                let before = text[..m.name.start].trim_end();
                let after_preposition = ["of", "for", "to", "in", "at", "from", "by", "with"]
                    .iter()
                    .any(|p| before.ends_with(&format!(" {p}")));
                s <= a && b <= e && e - b <= 2 && !after_preposition
            });
            counts.found += 1;
            if ok {
                counts.correct += 1;
            } else if show {
                let line = text[..m.name.start].matches('\n').count() + 1;
                // Why the person is one: the title or appositive of a mention.
                let why = m
                    .actor()
                    .and_then(|a| {
                        actors.actors[a].mentions.iter().find_map(|&k| {
                            let r = &actors.mentions[k];
                            let t = r.title.as_ref().or(r.appositive.as_ref())?;
                            Some(t.span.of(&text).to_string())
                        })
                    })
                    .unwrap_or_default();
                println!("  {id}:{line}:{a}-{b}: {name}\t{why}");
            }
        }
    }
    Ok(counts)
}
