use super::*;
use crate::document::Language;

fn uri() -> Url {
    Url::parse("file:///tmp/desk/a.md").expect("a URL")
}

fn open(store: &mut Store, text: &str) {
    store.open(
        uri(),
        Document::new(text, 1, Language::Markdown),
        Arc::default(),
    );
}

fn run(store: &mut Store, wanted: u64) -> Option<Snapshot> {
    let Lookup::Run(job) = store.lookup(&uri(), wanted) else {
        panic!("a job to run");
    };
    let mut job = *job;
    let analysis = job
        .analyzer
        .analyze(&job.rope.to_string(), job.language, &Settings::default());
    let revision = job.revision;
    store.finish(&uri(), revision, Some((job, analysis)))
}

fn revision(store: &Store) -> u64 {
    store.docs[&uri()].revision
}

#[test]
fn one_analysis_runs_at_a_time_and_the_others_wait_for_it() {
    let mut store = Store::default();
    open(&mut store, "Critics say so.\n");
    let wanted = revision(&store);
    let Lookup::Run(job) = store.lookup(&uri(), wanted) else {
        panic!("a job to run");
    };
    let Lookup::Wait(done) = store.lookup(&uri(), wanted) else {
        panic!("a second request waits");
    };
    assert!(matches!(done.has_changed(), Ok(false)));
    let mut job = *job;
    let analysis = job.analyzer.analyze(
        "Critics say so.\n",
        Language::Markdown,
        &Settings::default(),
    );
    store.finish(&uri(), wanted, Some((job, analysis)));
    // Told (or closed, which the server takes alike).
    assert!(!matches!(done.has_changed(), Ok(false)));
    assert!(matches!(store.lookup(&uri(), wanted), Lookup::Ready(_)));
}

#[test]
fn every_change_takes_a_new_revision_and_drops_the_analysis_of_the_old_one() {
    let mut store = Store::default();
    open(&mut store, "Critics say so.\n");
    let first = revision(&store);
    run(&mut store, first);
    let second = store.touched(&uri()).expect("open");
    assert!(second > first);
    assert!(store.analyses.peek(&uri()).is_none());
    let Lookup::Run(job) = store.lookup(&uri(), first) else {
        panic!("the current text is analysed");
    };
    assert_eq!(job.revision, second);
}

#[test]
fn an_analysis_of_an_earlier_opening_is_never_kept_for_the_new_one() {
    let mut store = Store::default();
    open(&mut store, "Old text. Critics say so.\n");
    let Lookup::Run(job) = store.lookup(&uri(), revision(&store)) else {
        panic!("a job to run");
    };
    store.close(&uri());
    open(&mut store, "New text.\n");
    let new = revision(&store);
    // The old job is still running: the new opening waits for it.
    assert!(matches!(store.lookup(&uri(), new), Lookup::Wait(_)));
    let mut job = *job;
    let analysis = job.analyzer.analyze(
        "Old text. Critics say so.\n",
        Language::Markdown,
        &Settings::default(),
    );
    let old = job.revision;
    store.finish(&uri(), old, Some((job, analysis)));
    // Its memos are taken back, its analysis is not the new text's.
    assert!(store.analyzers.peek(&uri()).is_some());
    let snapshot = run(&mut store, new).expect("analysed");
    assert_eq!(snapshot.rope.to_string(), "New text.\n");
    assert!(snapshot.analysis.findings.is_empty());
}

#[test]
fn memos_outlive_a_close_and_both_caches_keep_to_their_budgets() {
    let mut store = Store::default();
    open(&mut store, "Critics say so.\n");
    let wanted = revision(&store);
    run(&mut store, wanted);
    store.close(&uri());
    assert!(store.analyzers.peek(&uri()).is_some(), "kept for a re-open");
    assert!(
        store.analyses.peek(&uri()).is_none(),
        "an analysis goes with its text"
    );
    // Documents of a sixth of the larger budget each: the oldest go first.
    let budget = MEMOS_BUDGET.max(ANALYSES_BUDGET);
    let text = "Critics say the talks went well. ".repeat(budget / 6 / 33 + 1);
    let others: Vec<Url> = (0..8)
        .map(|i| Url::parse(&format!("file:///tmp/desk/{i}.md")).expect("a URL"))
        .collect();
    for other in &others {
        store.open(
            other.clone(),
            Document::new(&text, 1, Language::Markdown),
            Arc::default(),
        );
        let Lookup::Run(job) = store.lookup(other, store.docs[other].revision) else {
            panic!("a job");
        };
        let revision = job.revision;
        let analysis = crate::analysis::analyze(&text, Language::Markdown, &Settings::default());
        store.finish(other, revision, Some((*job, analysis)));
    }
    assert!(store.analyzers.peek(&uri()).is_none());
    assert!(store.analyzers.bytes <= MEMOS_BUDGET);
    assert!(store.analyses.bytes <= ANALYSES_BUDGET);
    assert!(store.analyses.peek(&others[7]).is_some());
    assert!(store.analyses.peek(&others[0]).is_none());
    // An evicted analysis is made again when asked for.
    let wanted = store.docs[&others[0]].revision;
    assert!(matches!(store.lookup(&others[0], wanted), Lookup::Run(_)));
}

#[test]
fn a_failed_analysis_is_not_retried_for_the_same_revision() {
    let mut store = Store::default();
    open(&mut store, "Text.\n");
    let wanted = revision(&store);
    assert!(matches!(store.lookup(&uri(), wanted), Lookup::Run(_)));
    store.finish(&uri(), wanted, None);
    assert!(matches!(store.lookup(&uri(), wanted), Lookup::Missing));
    let next = store.touched(&uri()).expect("open");
    assert!(matches!(store.lookup(&uri(), next), Lookup::Run(_)));
}
