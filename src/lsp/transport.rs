//! The wire: frames in through our own reader (`frames.rs`), messages out.
//!
//! tower-lsp's `Server` would end the session at the first frame it cannot
//! decode, so this loop takes its place around tower-lsp's service. Requests
//! start in arrival order and run up to [`CONCURRENCY`] at a time, as in
//! tower-lsp. A frame or message that cannot be read is answered with the
//! JSON-RPC error it deserves (`id: null`) and the session goes on.
//!
//! The session ends on `exit`, when the client closes its end, or when the
//! output breaks. Requests already started are then given [`DRAIN`] to finish
//! and their answers are written (so `shutdown` is answered even when `exit`
//! follows it at once).

use std::time::Duration;

use futures::channel::mpsc;
use futures::{SinkExt, StreamExt};
use serde::Serialize;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::Notify;
use tower::Service;
use tower_lsp::jsonrpc::{Request, Response};
use tower_lsp::{ClientSocket, ExitedError};

use super::frames::{self, Frame, FrameReader, Incoming};

/// Requests handled at once (tower-lsp's default).
const CONCURRENCY: usize = 4;
/// How long started requests may run on after the session ends.
const DRAIN: Duration = Duration::from_secs(1);
const READ_CHUNK: usize = 64 * 1024;

/// Serves `service` over the byte streams until `exit`, the end of the input,
/// or a broken output. `publications` are messages the server serialised
/// itself (diagnostics), written in the order they come.
pub async fn run<I, O, S>(
    mut input: I,
    output: O,
    mut service: S,
    socket: ClientSocket,
    publications: mpsc::UnboundedReceiver<String>,
) where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
    S: Service<Request, Response = Option<Response>, Error = ExitedError>,
    S::Future: Send + 'static,
{
    let (mut client_requests, mut client_responses) = socket.split();
    let (out, outgoing) = mpsc::channel::<String>(64);
    let (mut jobs, queued) = mpsc::channel::<S::Future>(100);
    let output_broken = Notify::new();

    let pool = tokio::spawn({
        let mut out = out.clone();
        async move {
            let mut answers = queued.buffer_unordered(CONCURRENCY);
            while let Some(answer) = answers.next().await {
                if let Ok(Some(response)) = answer {
                    if out.send(encode(&response)).await.is_err() {
                        return;
                    }
                }
            }
        }
    });
    let forward = tokio::spawn({
        let mut out = out.clone();
        async move {
            while let Some(request) = client_requests.next().await {
                if out.send(encode(&request)).await.is_err() {
                    return;
                }
            }
        }
    });

    let session = async {
        let mut out = out;
        let mut reader = FrameReader::default();
        let mut chunk = vec![0; READ_CHUNK];
        let mut exit = None;
        'session: loop {
            while let Some(frame) = reader.next() {
                let incoming = match frame {
                    Frame::Message(value) => frames::classify(value),
                    Frame::Broken(why) => {
                        tracing::warn!("unreadable message: {why}");
                        let _ = out.send(encode(&frames::parse_error(why))).await;
                        continue;
                    }
                };
                match incoming {
                    Incoming::Request(request) if request.method() == "exit" => {
                        exit = Some(request);
                        break 'session;
                    }
                    Incoming::Request(request) => {
                        if futures::future::poll_fn(|cx| service.poll_ready(cx))
                            .await
                            .is_err()
                            || jobs.send(service.call(request)).await.is_err()
                        {
                            break 'session;
                        }
                    }
                    Incoming::Response(response) => {
                        if let Err(err) = client_responses.send(response).await {
                            tracing::warn!("a response the server did not wait for: {err}");
                        }
                    }
                    Incoming::Invalid(error) => {
                        tracing::warn!("invalid message: {}", error.message);
                        let _ = out.send(encode(&frames::answer(error))).await;
                    }
                }
            }
            let read = tokio::select! {
                read = input.read(&mut chunk) => read,
                () = output_broken.notified() => break 'session,
            };
            match read {
                Ok(0) => break,
                Ok(n) => reader.push(&chunk[..n]),
                Err(err) => {
                    tracing::warn!("cannot read from the client: {err}");
                    break;
                }
            }
        }
        // Let the started requests finish and their answers out (`shutdown`
        // among them), and only then let tower-lsp see `exit`, which would
        // cancel them.
        drop(jobs);
        drop(out);
        if tokio::time::timeout(DRAIN, finished(pool)).await.is_err() {
            tracing::warn!("requests still running at exit were dropped");
        }
        if let Some(exit) = exit {
            let exited = async {
                if futures::future::poll_fn(|cx| service.poll_ready(cx))
                    .await
                    .is_ok()
                {
                    let _ = service.call(exit).await;
                }
            };
            let _ = tokio::time::timeout(DRAIN, exited).await;
        }
        forward.abort();
    };

    let write = write_all(output, outgoing, publications, &output_broken);
    tokio::pin!(write, session);
    tokio::select! {
        () = &mut write => session.await,
        // The writer ends once every sender is gone; never wait on a stuck client.
        () = &mut session => {
            let _ = tokio::time::timeout(DRAIN, write).await;
        }
    }
}

/// Waits for a spawned task, aborting it if the wait is given up.
async fn finished(task: tokio::task::JoinHandle<()>) {
    struct AbortOnDrop(tokio::task::AbortHandle);
    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            self.0.abort();
        }
    }
    let _guard = AbortOnDrop(task.abort_handle());
    let _ = task.await;
}

fn encode(message: &impl Serialize) -> String {
    serde_json::to_string(message).unwrap_or_else(|err| {
        tracing::error!("cannot encode a message: {err}");
        String::new()
    })
}

/// Writes each message as a frame, until the session's senders are gone
/// (publications then waiting are written too). After a failed write,
/// messages are still taken (so no sender waits) but dropped, and `broken`
/// is notified.
async fn write_all<O: AsyncWrite + Unpin>(
    mut output: O,
    mut outgoing: mpsc::Receiver<String>,
    mut publications: mpsc::UnboundedReceiver<String>,
    broken: &Notify,
) {
    let mut healthy = true;
    let mut write = async |body: String| {
        if !healthy || body.is_empty() {
            return;
        }
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        let written = async {
            output.write_all(header.as_bytes()).await?;
            output.write_all(body.as_bytes()).await?;
            output.flush().await
        }
        .await;
        if let Err(err) = written {
            tracing::debug!("cannot write to the client: {err}");
            healthy = false;
            broken.notify_one();
        }
    };
    loop {
        let body = tokio::select! {
            body = outgoing.next() => match body {
                Some(body) => body,
                None => break,
            },
            Some(body) = publications.next() => body,
        };
        write(body).await;
    }
    while let Ok(body) = publications.try_recv() {
        write(body).await;
    }
}
