//! A small serde data format for flat query strings (`a=1&b=x`).
//!
//! Serialising writes every field of a flat struct as `key=value`; the
//! keys are the `serde` field names, so the struct definition is the only
//! place a permalink key is written. Deserialising is deliberately
//! lenient: a value that is not a number becomes NaN (which validation
//! then replaces by the default) and a duplicate key keeps its last value,
//! each with a [`Notice`], so a damaged link still opens a working page.

mod read;
mod write;

pub use super::notice::{shown, Notice};
use read::PairsDeserializer;
use serde::{de, ser, Serialize};
use std::cell::RefCell;
use std::fmt;
use write::StructSerializer;

/// Longest query string read; anything beyond is dropped with a notice.
pub const MAX_QUERY_LEN: usize = 4096;
/// Most pairs read from one query string.
pub const MAX_PAIRS: usize = 64;

#[derive(Debug)]
pub struct Error(pub(super) String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

// ---------------------------------------------------------------- parsing

/// Splits and percent-decodes a query string (with or without its `?`).
/// Never fails: malformed escapes are kept as written.
pub fn parse_pairs(query: &str, notices: &mut Vec<Notice>) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = if query.len() > MAX_QUERY_LEN {
        notices.push(Notice::new(
            "notice.too_long",
            &[("n", MAX_QUERY_LEN.to_string())],
        ));
        let mut cut = MAX_QUERY_LEN;
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        &query[..cut]
    } else {
        query
    };
    let mut pairs = Vec::new();
    for part in query.split('&').filter(|p| !p.is_empty()) {
        if pairs.len() == MAX_PAIRS {
            notices.push(Notice::new(
                "notice.too_many",
                &[("n", MAX_PAIRS.to_string())],
            ));
            break;
        }
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        pairs.push((percent_decode(key), percent_decode(value)));
    }
    pairs
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Decodes `%XX` escapes and `+`; invalid escapes and invalid UTF-8 are
/// kept (lossily) rather than rejected.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes everything but unreserved characters (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

// ------------------------------------------------------------ serialising

/// Serialises a flat struct into `key=value` pairs joined by `&`.
pub fn to_query<T: Serialize>(value: &T) -> Result<String, Error> {
    let mut pairs = Vec::new();
    value.serialize(StructSerializer { pairs: &mut pairs })?;
    Ok(pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&"))
}

// ---------------------------------------------------------- deserialising

/// Reads a flat struct from decoded pairs. Keys the struct does not name
/// are left alone (the caller reports them, since several structs may
/// share one query string); `known` collects the names the struct asked for.
pub fn from_pairs<'de, T: de::Deserialize<'de>>(
    pairs: &[(String, String)],
    notices: &mut Vec<Notice>,
    known: &mut Vec<&'static str>,
) -> Result<T, Error> {
    let log = RefCell::new(Vec::new());
    let fields = RefCell::new(Vec::new());
    let result = T::deserialize(PairsDeserializer {
        pairs,
        log: &log,
        fields: &fields,
    });
    notices.extend(log.into_inner());
    known.extend(fields.into_inner());
    result
}
