//! Incremental sync over JSON-RPC: after many random edits, the server's text
//! equals a reference string — shown by its diagnostics matching those of a
//! fresh document holding the reference text.

mod common;

use common::{uri, TestClient};
use serde_json::{json, Value};

/// A small deterministic generator, so a failure replays.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

const PIECES: [&str; 10] = [
    " Critics say it is late. ",
    "😀",
    "王毅 ",
    "e\u{301}",
    "\r\n",
    "\n\n",
    "🇺🇦 ",
    "Xi’s ",
    " Experts believe so. ",
    ". ",
];

/// Character boundaries of `text` as (line, UTF-16 column) pairs, with byte offsets.
fn boundaries(text: &str) -> Vec<(usize, Value)> {
    let mut out = Vec::new();
    let (mut line, mut col) = (0, 0);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        out.push((i, json!({"line": line, "character": col})));
        match c {
            '\r' if chars.peek().map(|&(_, n)| n) == Some('\n') => {
                chars.next();
                line += 1;
                col = 0;
            }
            '\n' | '\r' => {
                line += 1;
                col = 0;
            }
            _ => col += c.len_utf16(),
        }
    }
    out.push((text.len(), json!({"line": line, "character": col})));
    out
}

async fn sync_round(seed: u64, language: &str, name: &str) {
    let mut rng = Rng(seed);
    let mut client = TestClient::start().await;
    let edited = uri(name);
    let mut reference = String::from(
        "Harbour talks\r\n\r\nThe mayor 😀 said the port would open. Critics say it is late.\r\n",
    );
    client.open_and_wait(&edited, language, &reference).await;
    for version in 2..200 {
        let points = boundaries(&reference);
        // Local edits, as typing makes: a range of up to three characters.
        let i = rng.next(points.len());
        let j = (i + rng.next(4)).min(points.len() - 1);
        let (a, pa) = points[j].clone();
        let (b, pb) = points[i].clone();
        let ((from, start), (to, end)) = if a <= b {
            ((a, pa), (b, pb))
        } else {
            ((b, pb), (a, pa))
        };
        let text = if rng.next(3) == 0 {
            String::new()
        } else {
            PIECES[rng.next(PIECES.len())].to_string()
        };
        reference.replace_range(from..to, &text);
        client
            .change(
                &edited,
                version,
                json!([{"range": {"start": start, "end": end}, "text": text}]),
            )
            .await;
    }
    client.save(&edited).await;
    let incremental = client.diagnostics(&edited).await;
    let fresh_uri = uri(&format!("fresh-{name}"));
    let fresh = client.open_and_wait(&fresh_uri, language, &reference).await;
    assert_eq!(incremental["version"], 199);
    let found = fresh["diagnostics"].as_array().map_or(0, Vec::len);
    assert!(
        found >= 2,
        "seed {seed} leaves too little to compare: {found}\n{reference:?}"
    );
    // Related information names each document's own URI.
    let fresh_here: Value = serde_json::from_str(
        &fresh["diagnostics"]
            .to_string()
            .replace(fresh_uri.as_str(), edited.as_str()),
    )
    .unwrap_or_default();
    assert_eq!(incremental["diagnostics"], fresh_here, "seed {seed}");
    client.shutdown().await;
}

#[tokio::test]
async fn random_edits_keep_the_text_exact_in_markdown() {
    for seed in [1, 7, 42] {
        sync_round(seed, "markdown", &format!("sync-{seed}.md")).await;
    }
}

#[tokio::test]
async fn random_edits_keep_the_text_exact_in_plain_text() {
    for seed in [5, 9, 11] {
        sync_round(seed, "plaintext", &format!("sync-{seed}.txt")).await;
    }
}

#[tokio::test]
async fn a_full_text_change_replaces_everything() {
    let mut client = TestClient::start().await;
    let u = uri("full.md");
    client
        .open_and_wait(&u, "markdown", "Old\n\nCritics say so.\n")
        .await;
    client
        .change(&u, 2, json!([{"text": "New text\n\nThe mayor said so.\n"}]))
        .await;
    client.save(&u).await;
    let published = client.diagnostics(&u).await;
    assert_eq!(published["diagnostics"], json!([]));
    client.shutdown().await;
}
