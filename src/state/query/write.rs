//! Writing a flat struct as query pairs: every field as `key=value`.
//!
//! A query string holds only a flat struct of plain values, so most of
//! serde's serializer methods refuse; [`refuse!`] writes those, with the
//! kind of thing refused in the error.

use super::Error;
use serde::ser::{self, Impossible, Serialize};

pub(super) struct StructSerializer<'a> {
    pub(super) pairs: &'a mut Vec<(String, String)>,
}

fn unsupported<T>(what: &str) -> Result<T, Error> {
    Err(Error(format!("a query string cannot hold {what}")))
}

/// Serializer methods that refuse: `method(argument types) -> return
/// type: "what"`. Every argument is ignored.
macro_rules! refuse {
    ($($method:ident($($arg:ty),*) -> $ret:ty: $what:literal;)*) => {
        $(
            fn $method(self, $(_: $arg),*) -> Result<$ret, Error> {
                unsupported($what)
            }
        )*
    };
}

/// The compound types, which neither serializer can write.
macro_rules! refuse_compounds {
    () => {
        refuse! {
            serialize_bytes(&[u8]) -> Self::Ok: "bytes";
            serialize_seq(Option<usize>) -> Self::SerializeSeq: "a list";
            serialize_tuple(usize) -> Self::SerializeTuple: "a tuple";
            serialize_tuple_struct(&'static str, usize) -> Self::SerializeTupleStruct: "a tuple";
            serialize_tuple_variant(&'static str, u32, &'static str, usize)
                -> Self::SerializeTupleVariant: "an enum";
            serialize_map(Option<usize>) -> Self::SerializeMap: "a map";
            serialize_struct_variant(&'static str, u32, &'static str, usize)
                -> Self::SerializeStructVariant: "an enum";
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
        fn serialize_newtype_struct<T: ?Sized + Serialize>(
            self,
            _: &'static str,
            value: &T,
        ) -> Result<Self::Ok, Error> {
            value.serialize(self)
        }
    };
}

/// The whole query: a struct, whose fields become pairs.
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

    refuse! {
        serialize_bool(bool) -> (): "a bare value";
        serialize_i8(i8) -> (): "a bare value";
        serialize_i16(i16) -> (): "a bare value";
        serialize_i32(i32) -> (): "a bare value";
        serialize_i64(i64) -> (): "a bare value";
        serialize_u8(u8) -> (): "a bare value";
        serialize_u16(u16) -> (): "a bare value";
        serialize_u32(u32) -> (): "a bare value";
        serialize_u64(u64) -> (): "a bare value";
        serialize_f32(f32) -> (): "a bare value";
        serialize_f64(f64) -> (): "a bare value";
        serialize_char(char) -> (): "a bare value";
        serialize_str(&str) -> (): "a bare value";
        serialize_none() -> (): "a bare value";
        serialize_unit() -> (): "a unit";
        serialize_unit_struct(&'static str) -> (): "a unit";
        serialize_unit_variant(&'static str, u32, &'static str) -> (): "an enum";
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Error> {
        unsupported("a bare value")
    }
    refuse_compounds!();
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

/// A field's plain value as text.
macro_rules! as_text {
    ($($method:ident($ty:ty);)*) => {
        $(
            fn $method(self, v: $ty) -> Result<Self::Ok, Error> {
                Ok(Some(v.to_string()))
            }
        )*
    };
}

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
    as_text! {
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_char(char);
        serialize_str(&str);
    }
    /// Inputs lie on a grid of a millionth, which six decimals write
    /// exactly, so a permalink reproduces the exact numbers.
    fn serialize_f64(self, v: f64) -> Result<Self::Ok, Error> {
        Ok(Some(crate::decimal::short(v)))
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok, Error> {
        self.serialize_f64(f64::from(v))
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
    refuse! {
        serialize_struct(&'static str, usize) -> Self::SerializeStruct: "a nested struct";
    }
    refuse_compounds!();
}
