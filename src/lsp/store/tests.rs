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
fn every_change_takes_a_new_revision_and_an_older_analysis_is_not_ready() {
    let mut store = Store::default();
    open(&mut store, "Critics say so.\n");
    let first = revision(&store);
    run(&mut store, first);
    let second = store.touched(&uri()).expect("open");
    assert!(second > first);
    assert!(matches!(store.lookup(&uri(), first), Lookup::Ready(_)));
    assert!(matches!(store.lookup(&uri(), second), Lookup::Run(_)));
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
    assert!(store.analyzers.contains_key(&uri()));
    let snapshot = run(&mut store, new).expect("analysed");
    assert_eq!(snapshot.rope.to_string(), "New text.\n");
    assert!(snapshot.analysis.findings.is_empty());
}

#[test]
fn memos_outlive_a_close_for_a_few_documents() {
    let mut store = Store::default();
    open(&mut store, "Critics say so.\n");
    let wanted = revision(&store);
    run(&mut store, wanted);
    store.close(&uri());
    assert!(store.analyzers.contains_key(&uri()));
    for i in 0..KEEP_CLOSED {
        let other = Url::parse(&format!("file:///tmp/desk/{i}.md")).expect("a URL");
        store.open(
            other.clone(),
            Document::new("Text.\n", 1, Language::Markdown),
            Arc::default(),
        );
        store.analyzers.insert(other.clone(), Analyzer::default());
        store.close(&other);
    }
    assert!(!store.analyzers.contains_key(&uri()));
    assert_eq!(store.analyzers.len(), KEEP_CLOSED);
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
