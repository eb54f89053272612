//! Reading LSP frames ourselves: `Content-Length` headers, then a JSON body.
//!
//! tower-lsp's own reader stops at the first frame it cannot decode, and the
//! server with it. This one never stops: a frame that cannot be read becomes a
//! [`Frame::Broken`], the reader finds the next `Content-Length` header and goes
//! on. It is lenient where clients differ and the meaning is plain: header
//! names in any case, headers it does not know, a byte-order mark, a lone
//! UTF-16 surrogate escape (read as U+FFFD, one UTF-16 unit like the
//! surrogate, so positions stay right), and a `Content-Length` too long for a
//! body that plainly ends before the next header.
//!
//! The reader is synchronous and knows no I/O: bytes go in with
//! [`FrameReader::push`], frames come out of [`FrameReader::next`]. Every call
//! consumes input or returns `None`, so a loop over it always ends.

use aho_corasick::AhoCorasick;
use serde_json::Value;
use std::sync::LazyLock;
use tower_lsp::jsonrpc::{Error, ErrorCode, Request, Response};

/// The largest body read; a longer one is skipped unread.
pub const MAX_BODY: usize = 64 << 20;
/// The largest header block; clients send one or two short lines.
const MAX_HEADERS: usize = 4096;
const HEADER: &str = "content-length";
/// Where a header might start inside a body whose length was wrong: each is
/// tried at most this many times per frame, so a body quoting the header name
/// costs little.
const MAX_EARLY_ENDS: usize = 4;
const BOM: &[u8] = b"\xEF\xBB\xBF";

static HEADER_NAME: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([HEADER])
        .ok()
});

/// What the reader made of the next bytes.
#[derive(Debug, PartialEq)]
pub enum Frame {
    /// A body, read as JSON.
    Message(Value),
    /// Bytes that are no frame, or a body that is no JSON: answered with a
    /// parse error. The reader goes on at the next header.
    Broken(String),
}

#[derive(Debug)]
enum State {
    /// At the start of a header block.
    Headers,
    /// Skipping to the next `Content-Length` header.
    Resync,
    /// Waiting for a body of `length` bytes at `at`; the bytes before
    /// `scanned` have been searched for a header, `tries` of them tried.
    Body {
        length: usize,
        scanned: usize,
        tries: usize,
    },
    /// Dropping the rest of an oversized body.
    Skip(usize),
}

/// Splits a byte stream into frames.
#[derive(Debug)]
pub struct FrameReader {
    buf: Vec<u8>,
    /// Bytes of `buf` before this are consumed.
    at: usize,
    state: State,
}

impl Default for FrameReader {
    fn default() -> Self {
        FrameReader {
            buf: Vec::new(),
            at: 0,
            state: State::Headers,
        }
    }
}

impl FrameReader {
    pub fn push(&mut self, bytes: &[u8]) {
        if let State::Skip(left) = self.state {
            let dropped = left.min(bytes.len());
            self.state = if dropped == left {
                State::Headers
            } else {
                State::Skip(left - dropped)
            };
            self.buf.extend_from_slice(&bytes[dropped..]);
            return;
        }
        // Drop what is consumed once it is most of the buffer: amortised linear.
        if self.at > 0 && self.at >= self.buf.len() / 2 {
            self.buf.drain(..self.at);
            if let State::Body { scanned, .. } = &mut self.state {
                *scanned -= self.at;
            }
            self.at = 0;
        }
        self.buf.extend_from_slice(bytes);
    }

    /// Bytes pushed and not yet read as a frame.
    pub fn buffered(&self) -> usize {
        self.buf.len() - self.at
    }

    /// The next frame, or `None` until more bytes come.
    #[allow(clippy::should_implement_trait)] // not an iterator: `None` means "not yet"
    pub fn next(&mut self) -> Option<Frame> {
        loop {
            match self.state {
                State::Skip(_) => return None,
                State::Resync => {
                    let rest = &self.buf[self.at..];
                    match find_header(rest) {
                        Some(i) => {
                            self.at += i;
                            self.state = State::Headers;
                        }
                        None => {
                            // Keep a tail that may be the start of a header.
                            self.at += rest.len().saturating_sub(HEADER.len() - 1);
                            return None;
                        }
                    }
                }
                State::Headers => match self.headers() {
                    Headers::Incomplete => return None,
                    Headers::Broken { why, resume } => {
                        self.at = resume;
                        self.state = State::Resync;
                        return Some(Frame::Broken(why));
                    }
                    Headers::Length { end, length } if length > MAX_BODY => {
                        let have = self.buf.len() - end;
                        if have >= length {
                            self.at = end + length;
                            self.state = State::Headers;
                        } else {
                            self.at = self.buf.len();
                            self.state = State::Skip(length - have);
                        }
                        return Some(Frame::Broken(format!(
                            "a message of {length} bytes is over the limit of {MAX_BODY}; skipped"
                        )));
                    }
                    Headers::Length { end, length } => {
                        self.at = end;
                        self.state = State::Body {
                            length,
                            scanned: end,
                            tries: 0,
                        };
                    }
                },
                State::Body {
                    length,
                    scanned,
                    tries,
                } => return self.body(length, scanned, tries),
            }
        }
    }

    fn body(&mut self, length: usize, scanned: usize, mut tries: usize) -> Option<Frame> {
        let start = self.at;
        let available = self.buf.len() - start;
        let complete = available >= length;
        let end = start + length.min(available);
        let whole = complete.then(|| decode(&self.buf[start..end]));
        if let Some(Ok(value)) = whole {
            return Some(self.take(end, Frame::Message(value)));
        }
        // The length may be too long: a whole JSON value, then the next header.
        let mut from = scanned;
        while tries < MAX_EARLY_ENDS {
            let Some(i) = find_header(&self.buf[from..end]) else {
                break;
            };
            let header = from + i;
            tries += 1;
            if let Ok(value) = decode(&self.buf[start..header]) {
                tracing::warn!(
                    "a message was shorter than its Content-Length of {length}; read up to the next header"
                );
                return Some(self.take(header, Frame::Message(value)));
            }
            from = header + 1;
        }
        if let Some(Err(why)) = whole {
            // What follows a body that is no JSON may be its rest (the length
            // was too short): skip to the next header without a second error.
            self.at = end;
            self.state = State::Resync;
            return Some(Frame::Broken(why));
        }
        self.state = State::Body {
            length,
            // A header cut by the end of the bytes so far is found next time.
            scanned: from.max(end.saturating_sub(HEADER.len() - 1)),
            tries,
        };
        None
    }

    fn take(&mut self, end: usize, frame: Frame) -> Frame {
        self.at = end;
        self.state = State::Headers;
        frame
    }

    /// Reads the header block at `at`.
    fn headers(&mut self) -> Headers {
        // Line breaks between messages are consumed; a byte-order mark at the start is skipped.
        let rest = &self.buf[self.at..];
        self.at += rest
            .iter()
            .position(|b| !matches!(b, b'\r' | b'\n'))
            .unwrap_or(rest.len());
        let block = self.at;
        let rest = &self.buf[block..];
        let mut pos = if rest.starts_with(BOM) { 3 } else { 0 };
        let mut length = None;
        loop {
            // A bad line is searched past; a bad block, from its second byte.
            let line_start = pos;
            let broken = |why: String| Headers::Broken {
                why,
                resume: block + line_start + 1,
            };
            let broken_block = |why: String| Headers::Broken {
                why,
                resume: block + 1,
            };
            let Some(newline) = rest[pos..].iter().position(|&b| b == b'\n') else {
                if rest.len() > MAX_HEADERS {
                    return broken_block("a header block with no end".to_string());
                }
                return Headers::Incomplete;
            };
            let line = &rest[pos..pos + newline];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            pos += newline + 1;
            if pos > MAX_HEADERS {
                return broken_block("a header block over 4 KiB".to_string());
            }
            if line.is_empty() {
                return match length {
                    Some(length) => Headers::Length {
                        end: block + pos,
                        length,
                    },
                    None => broken_block("a header block without Content-Length".to_string()),
                };
            }
            let Some(colon) = line.iter().position(|&b| b == b':') else {
                return broken(format!("not a header: {:?}", shown(line)));
            };
            let name = line[..colon].trim_ascii();
            if !name.eq_ignore_ascii_case(HEADER.as_bytes()) {
                // Content-Type and the rest: the body is read as UTF-8 whatever they say.
                continue;
            }
            let value = line[colon + 1..].trim_ascii();
            let parsed = (!value.is_empty() && value.iter().all(u8::is_ascii_digit)).then(|| {
                value
                    .iter()
                    .try_fold(0usize, |n, d| {
                        n.checked_mul(10)?.checked_add(usize::from(d - b'0'))
                    })
                    .unwrap_or(usize::MAX)
            });
            match (parsed, length) {
                (None, _) => {
                    return broken(format!(
                        "Content-Length is not a number: {:?}",
                        shown(value)
                    ))
                }
                (Some(new), Some(old)) if new != old => {
                    return broken("two different Content-Length headers".to_string())
                }
                (Some(new), _) => length = Some(new),
            }
        }
    }
}

enum Headers {
    Incomplete,
    /// Answered with a parse error; the search for the next header starts at `resume`.
    Broken {
        why: String,
        resume: usize,
    },
    Length {
        end: usize,
        length: usize,
    },
}

/// The start of bytes, for a message.
fn shown(bytes: &[u8]) -> String {
    String::from_utf8_lossy(&bytes[..bytes.len().min(40)]).into_owned()
}

/// Where the header name first appears in `bytes`, in any case.
fn find_header(bytes: &[u8]) -> Option<usize> {
    HEADER_NAME.as_ref()?.find(bytes).map(|m| m.start())
}

/// A body as JSON. A leading byte-order mark is ignored (RFC 8259 allows it);
/// a lone surrogate escape becomes U+FFFD.
pub fn decode(body: &[u8]) -> Result<Value, String> {
    let body = body.strip_prefix(BOM).unwrap_or(body);
    match serde_json::from_slice(body) {
        Ok(value) => Ok(value),
        Err(err) if has_surrogate_escape(body) => {
            let value = serde_json::from_slice(&replace_lone_surrogates(body))
                .map_err(|_| err.to_string())?;
            tracing::warn!("a message held a lone UTF-16 surrogate; read as U+FFFD");
            Ok(value)
        }
        Err(err) => Err(err.to_string()),
    }
}

/// Whether `\uD800`–`\uDFFF` appears at all (cheap test before the rewrite).
fn has_surrogate_escape(body: &[u8]) -> bool {
    body.windows(3)
        .any(|w| w[0] == b'\\' && w[1] == b'u' && matches!(w[2], b'd' | b'D'))
}

fn surrogate_at(body: &[u8], i: usize) -> Option<u16> {
    let escape = body.get(i..i + 6)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    let hex = std::str::from_utf8(&escape[2..]).ok()?;
    let unit = u16::from_str_radix(hex, 16).ok()?;
    (0xD800..=0xDFFF).contains(&unit).then_some(unit)
}

/// Rewrites each `\uXXXX` escape of a surrogate that has no partner as `\uFFFD`.
fn replace_lone_surrogates(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'\\' {
            out.push(body[i]);
            i += 1;
            continue;
        }
        match surrogate_at(body, i) {
            Some(0xD800..=0xDBFF) if surrogate_at(body, i + 6).is_some_and(|low| low >= 0xDC00) => {
                out.extend_from_slice(&body[i..i + 12]);
                i += 12;
            }
            Some(_) => {
                out.extend_from_slice(br"\uFFFD");
                i += 6;
            }
            None => {
                // Any other escape: copy it whole, so `\\u` is not read as `\u`.
                let end = (i + 2).min(body.len());
                out.extend_from_slice(&body[i..end]);
                i = end;
            }
        }
    }
    out
}

/// A message from the client, sorted.
#[derive(Debug)]
pub enum Incoming {
    Request(Request),
    Response(Response),
    /// What to answer, with `id: null`.
    Invalid(Error),
}

/// Reads a frame's JSON as a JSON-RPC 2.0 message.
pub fn classify(value: Value) -> Incoming {
    let invalid = |why: &str| Incoming::Invalid(error(ErrorCode::InvalidRequest, why.to_string()));
    let Value::Object(object) = &value else {
        return invalid(if value.is_array() {
            "batches are not supported"
        } else {
            "a message must be a JSON object"
        });
    };
    if object.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return invalid("\"jsonrpc\": \"2.0\" is missing");
    }
    let id_ok = match object.get("id") {
        None | Some(Value::Null | Value::String(_)) => true,
        Some(Value::Number(n)) => n.is_i64(),
        Some(_) => false,
    };
    if !id_ok {
        return invalid("an id must be an integer or a string");
    }
    match object.get("method") {
        Some(Value::String(_)) => {
            if !matches!(
                object.get("params"),
                None | Some(Value::Null | Value::Object(_) | Value::Array(_))
            ) {
                return invalid("params must be an object or an array");
            }
            match serde_json::from_value(value) {
                Ok(request) => Incoming::Request(request),
                Err(err) => invalid(&err.to_string()),
            }
        }
        Some(_) => invalid("method must be a string"),
        None if object.contains_key("id")
            && (object.contains_key("result") != object.contains_key("error")) =>
        {
            match serde_json::from_value(value) {
                Ok(response) => Incoming::Response(response),
                Err(err) => invalid(&err.to_string()),
            }
        }
        None => invalid("neither a request nor a response"),
    }
}

fn error(code: ErrorCode, why: String) -> Error {
    Error {
        message: format!("{}: {why}", code.description()).into(),
        code,
        data: None,
    }
}

/// The answer to a message that could not be read.
pub fn answer(error: Error) -> Response {
    Response::from_error(tower_lsp::jsonrpc::Id::Null, error)
}

/// The answer to a frame that could not be delimited.
pub fn parse_error(why: String) -> Response {
    answer(error(ErrorCode::ParseError, why))
}

#[cfg(test)]
mod tests;
