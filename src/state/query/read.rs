//! Reading a flat struct from query pairs, leniently: what cannot be read
//! becomes a notice and a value validation replaces, never an error.

use super::Error;
use crate::state::notice::{shown, Notice};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use std::cell::RefCell;

pub(super) struct PairsDeserializer<'p> {
    pub(super) pairs: &'p [(String, String)],
    pub(super) log: &'p RefCell<Vec<Notice>>,
    pub(super) fields: &'p RefCell<Vec<&'static str>>,
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
        match crate::decimal::parse(self.raw.trim()) {
            Some(v) if v.is_finite() => visitor.visit_f64(v),
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
