//! The LSP adapter: the only module that knows LSP types. It keeps the open
//! documents, runs the analysis core on them and turns findings into diagnostics.

mod convert;
pub mod frames;
mod mark_checked;
mod navigation;
mod publish;
mod server;
mod settings;
mod store;
mod transport;

pub use server::Backend;

use std::task::{Context, Poll};

use serde_json::Value;
use tokio::io::{AsyncRead, AsyncWrite};
use tower::Service;
use tower_lsp::jsonrpc::{Request, Response};
use tower_lsp::{ExitedError, LspService};

/// Sets glibc's malloc for a long-running server, before any thread starts:
/// one arena, so memory freed by one analysis thread serves the next, and a
/// fixed mmap threshold, so big vectors go back to the system when freed.
/// Measured in `benches/memory.rs`; the reasons are in Cargo.toml.
pub fn tune_malloc() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets allocator parameters, and returns 0 on a
    // value it does not take; nothing else allocates concurrently yet.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// Serves LSP on stdin/stdout until the client exits. Returns whether the
/// client shut the server down before exiting (the exit code is 0 then, 1 otherwise).
pub async fn serve_stdio() -> bool {
    serve(tokio::io::stdin(), tokio::io::stdout()).await
}

/// Serves LSP over any byte streams until the client sends `exit` or closes its
/// end. Returns whether `shutdown` came first.
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let (publications, published) = futures::channel::mpsc::unbounded();
    let (service, socket) = LspService::new(|client| Backend::new(client, publications));
    let backend = service.inner().clone();
    transport::run(input, output, Lenient(service), socket, published).await;
    backend.shut_down_cleanly()
}

/// tower-lsp's service, made to accept `"params": null` where a method takes
/// none (`shutdown` and `exit` are often sent that way, and JSON-RPC allows it).
struct Lenient(LspService<Backend>);

impl Service<Request> for Lenient {
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = <LspService<Backend> as Service<Request>>::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.0.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let request = if request.params() == Some(&Value::Null) {
            let (method, id, _) = request.into_parts();
            let builder = Request::build(method);
            match id {
                Some(id) => builder.id(id).finish(),
                None => builder.finish(),
            }
        } else {
            request
        };
        self.0.call(request)
    }
}
