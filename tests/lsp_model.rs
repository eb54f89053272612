//! A model test over JSON-RPC: random sequences of open, change (versions
//! repeated too), save with and without text, close, re-open, hover and
//! rename. After each step the server's answers about the document equal its
//! answers about a fresh document holding the reference text.

mod common;

use common::{position_at, uri, TestClient};
use proptest::prelude::*;
use serde_json::{json, Value};

const START: &str = include_str!("fixtures/actors/summit.md");

/// What an edit or a save may put in: names that link, clash or rename,
/// titles, attribution cues, line breaks, emoji, CJK, combining marks.
const PIECES: [&str; 12] = [
    "Foreign Minister Wang Yi",
    " Lavrov said. ",
    "Critics say it failed. ",
    "\n\n",
    "\r\n",
    "😀",
    "王毅 ",
    "e\u{301}",
    "\"We will see,\" ",
    "Sergei Lavrova",
    "",
    "Downstream Ines Marek said so.\n\n",
];

#[derive(Clone, Debug)]
enum Step {
    /// Replace `len` bytes at a fraction of the text with a piece, under a
    /// new version or the same one.
    Change {
        at: f64,
        len: usize,
        piece: usize,
        same_version: bool,
    },
    /// Save; with text, the text is the current one edited.
    Save {
        with_text: Option<(f64, usize)>,
    },
    /// Close, and open again at version 1, possibly with other text.
    Reopen {
        edit: Option<(f64, usize)>,
    },
    Hover {
        at: f64,
    },
    Rename {
        at: f64,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0.0..1.0f64, 0usize..40, 0..PIECES.len(), any::<bool>()).prop_map(
            |(at, len, piece, same_version)| Step::Change { at, len, piece, same_version }
        ),
        2 => proptest::option::of((0.0..1.0f64, 0..PIECES.len()))
            .prop_map(|with_text| Step::Save { with_text }),
        1 => proptest::option::of((0.0..1.0f64, 0..PIECES.len()))
            .prop_map(|edit| Step::Reopen { edit }),
        2 => (0.0..1.0f64).prop_map(|at| Step::Hover { at }),
        2 => (0.0..1.0f64).prop_map(|at| Step::Rename { at }),
    ]
}

fn byte_at(text: &str, at: f64) -> usize {
    let mut i = ((text.len() as f64) * at) as usize;
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The text with `len` bytes at `at` replaced by a piece; returns the new
/// text and the LSP range that was replaced.
fn edited(text: &str, at: f64, len: usize, piece: &str) -> (String, Value) {
    let from = byte_at(text, at);
    let mut to = (from + len).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    // Never split a CRLF: the rope counts it as one line break.
    let from = if from > 0 && text[..from].ends_with('\r') && text[from..].starts_with('\n') {
        from - 1
    } else {
        from
    };
    let to = if to > 0 && text[..to].ends_with('\r') && text[to..].starts_with('\n') {
        to + 1
    } else {
        to
    };
    let range = json!({"start": position_at(text, from), "end": position_at(text, to)});
    let mut out = text.to_string();
    out.replace_range(from..to, piece);
    (out, range)
}

/// Asks `method` about the document and about a fresh one with the same
/// text; the answers must match, with the URI swapped.
struct Model {
    client: TestClient,
    uri: String,
    text: String,
    version: i32,
    fresh: u32,
}

impl Model {
    async fn fresh_answer(&mut self, method: &str, params: impl Fn(&str) -> Value) -> Value {
        self.fresh += 1;
        let fresh = uri(&format!("fresh-{}.md", self.fresh));
        self.client
            .open_and_wait(&fresh, "markdown", &self.text)
            .await;
        let answer = self.client.request_raw(method, params(&fresh)).await;
        self.client.close(&fresh).await;
        self.client.diagnostics(&fresh).await;
        swap(&answer, &fresh, &self.uri)
    }

    async fn compare(&mut self, method: &str, params: impl Fn(&str) -> Value) {
        let ours = self.client.request_raw(method, params(&self.uri)).await;
        let fresh = self.fresh_answer(method, &params).await;
        assert_eq!(
            ours["result"], fresh["result"],
            "{method} on {:?}",
            self.text
        );
        assert_eq!(ours["error"], fresh["error"], "{method} on {:?}", self.text);
    }

    /// The diagnostics just published must be the fresh document's.
    async fn published_matches(&mut self) {
        let ours = self.client.diagnostics(&self.uri).await;
        let text = self.text.clone();
        self.fresh += 1;
        let fresh = uri(&format!("fresh-{}.md", self.fresh));
        let theirs = self.client.open_and_wait(&fresh, "markdown", &text).await;
        self.client.close(&fresh).await;
        self.client.diagnostics(&fresh).await;
        let theirs = swap(&theirs, &fresh, &self.uri);
        assert_eq!(ours["diagnostics"], theirs["diagnostics"], "on {text:?}");
        assert_eq!(ours["version"], self.version);
    }

    async fn run(&mut self, step: Step) {
        let u = self.uri.clone();
        match step {
            Step::Change {
                at,
                len,
                piece,
                same_version,
            } => {
                let (text, range) = edited(&self.text, at, len, PIECES[piece]);
                self.text = text;
                if !same_version {
                    self.version += 1;
                }
                self.client
                    .change(
                        &u,
                        self.version,
                        json!([{"range": range, "text": PIECES[piece]}]),
                    )
                    .await;
            }
            Step::Save { with_text } => {
                let mut params = json!({"textDocument": {"uri": u}});
                if let Some((at, piece)) = with_text {
                    self.text = edited(&self.text, at, 3, PIECES[piece]).0;
                    params["text"] = json!(self.text);
                }
                self.client.notify("textDocument/didSave", params).await;
                self.published_matches().await;
            }
            Step::Reopen { edit } => {
                self.client.close(&u).await;
                if let Some((at, piece)) = edit {
                    self.text = edited(&self.text, at, 5, PIECES[piece]).0;
                }
                self.version = 1;
                self.client.open(&u, "markdown", &self.text).await;
                // The close's empty publication, then the open's.
                self.client.diagnostics(&u).await;
                self.published_matches().await;
            }
            Step::Hover { at } => {
                let position = position_at(&self.text, byte_at(&self.text, at));
                self.compare(
                    "textDocument/hover",
                    |u| json!({"textDocument": {"uri": u}, "position": position}),
                )
                .await;
            }
            Step::Rename { at } => {
                let position = position_at(&self.text, byte_at(&self.text, at));
                self.compare("textDocument/rename", |u| {
                    json!({"textDocument": {"uri": u}, "position": position, "newName": "Renamed Person"})
                })
                .await;
            }
        }
    }
}

fn swap(value: &Value, from: &str, to: &str) -> Value {
    serde_json::from_str(&value.to_string().replace(from, to)).unwrap_or(Value::Null)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn answers_always_match_a_fresh_analysis_of_the_reference_text(
        steps in proptest::collection::vec(step(), 1..14)
    ) {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            let mut model = Model {
                client: TestClient::start().await,
                uri: uri("model.md"),
                text: START.to_string(),
                version: 1,
                fresh: 0,
            };
            let u = model.uri.clone();
            model.client.open_and_wait(&u, "markdown", START).await;
            for step in steps {
                model.run(step).await;
            }
            // Whatever came last, a save publishes the reference text's diagnostics.
            model.run(Step::Save { with_text: None }).await;
            model.client.shutdown().await;
        });
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Typing with `checkOn = "change"` and no debounce: a burst of edits
    /// sent back to back, so analyses of earlier versions are overtaken
    /// (and give up) while they run. A hover in the burst answers about the
    /// text current when it is served, and the last version's diagnostics
    /// are those of a fresh document with the final text.
    #[test]
    fn a_burst_of_keys_ends_in_the_diagnostics_of_the_last_text(
        keys in proptest::collection::vec((0.0..1.0f64, 0usize..20, 0..PIECES.len()), 2..12),
        hover_after in 0usize..12,
    ) {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            let (mut client, _) = TestClient::start_with(
                json!({}),
                json!({"checkOn": "change", "debounceMs": 0}),
            )
            .await;
            let u = uri("typed.md");
            client.open_and_wait(&u, "markdown", START).await;
            let mut text = START.to_string();
            let mut version = 1;
            for (i, (at, len, piece)) in keys.iter().enumerate() {
                let (next, range) = edited(&text, *at, *len, PIECES[*piece]);
                text = next;
                version += 1;
                client
                    .change(&u, version, json!([{"range": range, "text": PIECES[*piece]}]))
                    .await;
                if i == hover_after {
                    // Served on an analysis of this text or a later one: the
                    // answer is only checked to be an answer.
                    let position = position_at(&text, byte_at(&text, *at));
                    let answer = client
                        .request_raw(
                            "textDocument/hover",
                            json!({"textDocument": {"uri": u}, "position": position}),
                        )
                        .await;
                    assert!(answer["error"].is_null(), "{answer}");
                }
            }
            let last = client
                .notification_where("textDocument/publishDiagnostics", |p| {
                    p["uri"] == u && p["version"] == version
                })
                .await;
            let fresh = uri("fresh.md");
            let theirs = client.open_and_wait(&fresh, "markdown", &text).await;
            let theirs = swap(&theirs, &fresh, &u);
            assert_eq!(last["diagnostics"], theirs["diagnostics"], "on {text:?}");
            client.shutdown().await;
        });
    }
}
