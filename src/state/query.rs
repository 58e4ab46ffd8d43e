//! A small serde data format for flat query strings (`a=1&b=x`).
//!
//! Serialising writes every field of a flat struct as `key=value`; the
//! keys are the `serde` field names, so the struct definition is the only
//! place a permalink key is written. Deserialising is deliberately
//! lenient: a value that is not a number becomes NaN (which validation
//! then replaces by the default) and a duplicate key keeps its last value,
//! each with a [`Notice`], so a damaged link still opens a working page.

use crate::i18n::Catalog;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::ser::{self, Impossible, Serialize};
use std::cell::RefCell;
use std::fmt;

/// Longest query string read; anything beyond is dropped with a notice.
pub const MAX_QUERY_LEN: usize = 4096;
/// Most pairs read from one query string.
pub const MAX_PAIRS: usize = 64;
/// Longest value kept in a notice, so a hostile link cannot flood the page.
const NOTICE_VALUE_LEN: usize = 24;

/// Something the decoder dropped or changed, to tell the reader about:
/// a catalogue key (`notice.*`) and the values for its placeholders, so
/// the notice reads in whatever language the page is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Notice {
    pub fn new(key: &'static str, args: &[(&'static str, String)]) -> Notice {
        Notice {
            key,
            args: args.to_vec(),
        }
    }

    /// The notice in words. An `input` argument holds an input's id and
    /// reads as that input's label. Empty until the catalogue has the
    /// sentence: most are in the rest of English, fetched after the first
    /// paint, and the notice fills in when it arrives.
    pub fn text(&self, t: &Catalog) -> String {
        if t.find(self.key).is_none() {
            return String::new();
        }
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, value)| match *name {
                "input" => (*name, t.get(&format!("input.{value}.label")).to_owned()),
                _ => (*name, value.clone()),
            })
            .collect();
        let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
        t.fill(self.key, &args)
    }
}

/// A value shortened and stripped of control characters for display,
/// including the invisible marks that reorder text (bidirectional
/// overrides and isolates), so a hostile value cannot turn the rest of
/// its notice around.
pub fn shown(raw: &str) -> String {
    let clean: String = raw
        .chars()
        .filter(|c| !c.is_control() && !is_bidi_mark(*c))
        .take(NOTICE_VALUE_LEN)
        .collect();
    if raw.chars().count() > NOTICE_VALUE_LEN {
        format!("{clean}…")
    } else {
        clean
    }
}

/// Unicode's explicit direction marks, embeddings, overrides and isolates.
fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

#[derive(Debug)]
pub struct Error(String);

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

struct StructSerializer<'a> {
    pairs: &'a mut Vec<(String, String)>,
}

fn unsupported<T>(what: &str) -> Result<T, Error> {
    Err(Error(format!("a query string cannot hold {what}")))
}

impl<'a> ser::Serializer for StructSerializer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        Ok(self)
    }

    fn serialize_bool(self, _: bool) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_i8(self, _: i8) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_i16(self, _: i16) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_i32(self, _: i32) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_i64(self, _: i64) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_u8(self, _: u8) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_u16(self, _: u16) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_u32(self, _: u32) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_u64(self, _: u64) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_f32(self, _: f32) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_f64(self, _: f64) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_char(self, _: char) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_str(self, _: &str) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Error> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Error> {
        unsupported("a bare value")
    }
    fn serialize_unit(self) -> Result<(), Error> {
        unsupported("a unit")
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        unsupported("a unit")
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<(), Error> {
        unsupported("an enum")
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        unsupported("an enum")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        unsupported("a list")
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        unsupported("a tuple")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        unsupported("a tuple")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        unsupported("an enum")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        unsupported("a map")
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        unsupported("an enum")
    }
}

impl<'a> ser::SerializeStruct for StructSerializer<'a> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        if let Some(text) = value.serialize(ValueSerializer)? {
            self.pairs.push((key.to_owned(), text));
        }
        Ok(())
    }

    fn end(self) -> Result<(), Error> {
        Ok(())
    }
}

/// Turns one field's value into its text; `None` leaves the key out.
struct ValueSerializer;

impl ser::Serializer for ValueSerializer {
    type Ok = Option<String>;
    type Error = Error;
    type SerializeSeq = Impossible<Option<String>, Error>;
    type SerializeTuple = Impossible<Option<String>, Error>;
    type SerializeTupleStruct = Impossible<Option<String>, Error>;
    type SerializeTupleVariant = Impossible<Option<String>, Error>;
    type SerializeMap = Impossible<Option<String>, Error>;
    type SerializeStruct = Impossible<Option<String>, Error>;
    type SerializeStructVariant = Impossible<Option<String>, Error>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok, Error> {
        Ok(Some(if v { "1" } else { "0" }.to_owned()))
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_string()))
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_string()))
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_string()))
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_string()))
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_string()))
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_string()))
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_string()))
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_string()))
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, Error> {
        self.serialize_f64(f64::from(v))
    }
    /// Rust prints the shortest text that parses back to the same f64,
    /// so a permalink reproduces the exact numbers.
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_string()))
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok, Error> {
        Ok(Some(v.to_owned()))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<Self::Ok, Error> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<Self::Ok, Error> {
        Ok(None)
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok, Error> {
        Ok(None)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Self::Ok, Error> {
        Ok(None)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<Self::Ok, Error> {
        Ok(Some(variant.to_owned()))
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Self::Ok, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, Error> {
        unsupported("an enum with data")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        unsupported("a list")
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        unsupported("a tuple")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        unsupported("a tuple")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        unsupported("an enum")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        unsupported("a map")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        unsupported("a nested struct")
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        unsupported("an enum")
    }
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

struct PairsDeserializer<'p> {
    pairs: &'p [(String, String)],
    log: &'p RefCell<Vec<Notice>>,
    fields: &'p RefCell<Vec<&'static str>>,
}

impl<'de, 'p> de::Deserializer<'de> for PairsDeserializer<'p> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(Error("a query string holds only a flat struct".into()))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.fields.borrow_mut().extend_from_slice(fields);
        // Keep one pair per known key: the last, as browsers' URLSearchParams.get does not,
        // but as a reader who appended a corrected value to a link would expect.
        // Each kept pair counts how often its key appeared, so a repeated
        // key gets one notice, not one per repeat.
        let mut kept: Vec<(&str, &str, usize)> = Vec::new();
        for (key, value) in self.pairs {
            if !fields.contains(&key.as_str()) {
                continue;
            }
            if let Some(slot) = kept.iter_mut().find(|(k, _, _)| *k == key.as_str()) {
                slot.1 = value.as_str();
                slot.2 += 1;
            } else {
                kept.push((key.as_str(), value.as_str(), 1));
            }
        }
        for (key, _, count) in kept.iter().filter(|(_, _, n)| *n > 1) {
            self.log.borrow_mut().push(Notice::new(
                "notice.repeated",
                &[("key", shown(key)), ("n", count.to_string())],
            ));
        }
        let kept: Vec<(&str, &str)> = kept.into_iter().map(|(k, v, _)| (k, v)).collect();
        visitor.visit_map(PairsMap {
            pairs: kept.into_iter(),
            value: None,
            log: self.log,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

struct PairsMap<'p, I> {
    pairs: I,
    value: Option<(&'p str, &'p str)>,
    log: &'p RefCell<Vec<Notice>>,
}

impl<'de, 'p, I: Iterator<Item = (&'p str, &'p str)>> MapAccess<'de> for PairsMap<'p, I> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.pairs.next() {
            Some((key, value)) => {
                self.value = Some((key, value));
                seed.deserialize(key.into_deserializer()).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, raw) = self
            .value
            .take()
            .ok_or_else(|| Error("value asked for before its key".into()))?;
        seed.deserialize(ValueDeserializer {
            key,
            raw,
            log: self.log,
        })
    }
}

/// One value's text, read as whatever type the field has.
struct ValueDeserializer<'p> {
    key: &'p str,
    raw: &'p str,
    log: &'p RefCell<Vec<Notice>>,
}

impl<'p> ValueDeserializer<'p> {
    /// `what` is the notice key that says what the value should have been.
    fn note_unreadable(&self, what: &'static str) {
        self.log.borrow_mut().push(Notice::new(
            what,
            &[("key", shown(self.key)), ("value", shown(self.raw))],
        ));
    }
}

impl<'de, 'p> de::Deserializer<'de> for ValueDeserializer<'p> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_str(self.raw)
    }

    /// Unreadable numbers become NaN rather than an error, so one bad value
    /// does not throw away the whole link; validation replaces NaN.
    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.raw.trim().parse::<f64>() {
            Ok(v) if v.is_finite() => visitor.visit_f64(v),
            _ => {
                self.note_unreadable("notice.not_number");
                visitor.visit_f64(f64::NAN)
            }
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.raw.trim() {
            "1" | "true" | "yes" | "" => visitor.visit_bool(true),
            "0" | "false" | "no" => visitor.visit_bool(false),
            _ => {
                self.note_unreadable("notice.not_switch");
                visitor.visit_bool(false)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_enum(self.raw.into_deserializer())
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 char str string
        bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_values_cannot_reorder_their_notice() {
        assert_eq!(shown("a\u{202E}b\u{2066}c\u{200F}d\n\u{61C}"), "abcd");
        assert_eq!(shown(&"x".repeat(30)), format!("{}…", "x".repeat(24)));
    }
}
