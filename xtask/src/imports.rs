//! Short names for the main module's imports from its JS glue.
//!
//! wasm-bindgen names each function the module imports from its glue
//! after what it wraps plus a 16-digit hash (`__wbg_navigator_c17f…`),
//! and the name is written twice: in the module's import section and as a
//! key of the glue's import object. A hash is random digits, which gzip
//! cannot shrink, and the main module imports about 160 of them: renaming
//! each to one or two letters, in both files alike, took 5.5 KiB off a
//! first visit (3.3 KiB of WebAssembly and 2.2 KiB of glue, gzip -9).
//!
//! Only names ending in such a hash are renamed, and each must appear
//! exactly once in the glue, as that key, or the step fails: a change in
//! wasm-bindgen's output stops the build instead of breaking the page.
//! No other section refers to an import by name, so the module's code is
//! untouched.

use crate::Result;

/// Each renamed import's old name and its new one.
pub type Renames = Vec<(String, String)>;

/// The import section's id in the WebAssembly binary format.
const IMPORT_SECTION: u8 = 2;

/// `module` with the imports from `namespace` whose names end in a
/// wasm-bindgen hash renamed, and the renames, old name first.
pub fn shorten(module: &[u8], namespace: &str) -> Result<(Vec<u8>, Renames)> {
    if module.len() < 8 || &module[..4] != b"\0asm" {
        return Err("not a WebAssembly module".into());
    }
    let mut out = module[..8].to_vec();
    let mut renames = Vec::new();
    let mut at = 8;
    while at < module.len() {
        let id = module[at];
        let (size, start) = leb(module, at + 1)?;
        let end = start
            .checked_add(size as usize)
            .filter(|&end| end <= module.len())
            .ok_or("a section runs past the end of the module")?;
        let payload = &module[start..end];
        if id == IMPORT_SECTION {
            let section = renamed(payload, namespace, &mut renames)?;
            out.push(id);
            put_leb(&mut out, section.len() as u64);
            out.extend(section);
        } else {
            out.extend(&module[at..end]);
        }
        at = end;
    }
    Ok((out, renames))
}

/// `glue` with each old name of `renames` replaced by its new one; each
/// must appear in it exactly once.
pub fn rename_in_glue(glue: &str, renames: &[(String, String)]) -> Result<String> {
    let mut out = glue.to_owned();
    for (old, new) in renames {
        let count = out.matches(old.as_str()).count();
        if count != 1 {
            return Err(format!(
                "the JS glue names the import {old} {count} times, not once; wasm-bindgen changed?"
            ));
        }
        out = out.replace(old.as_str(), new);
    }
    Ok(out)
}

/// The import section's payload with names renamed (see [`shorten`]).
fn renamed(payload: &[u8], namespace: &str, renames: &mut Renames) -> Result<Vec<u8>> {
    let (count, mut at) = leb(payload, 0)?;
    let mut imports = Vec::new();
    for _ in 0..count {
        let (module, next) = name(payload, at)?;
        let (field, next) = name(payload, next)?;
        let description = description_end(payload, next)?;
        imports.push((module, field, &payload[next..description]));
        at = description;
    }
    if at != payload.len() {
        return Err("the import section has bytes after its last import".into());
    }
    let taken: Vec<&str> = imports.iter().map(|(_, field, _)| *field).collect();
    let mut names = (0..)
        .map(short_name)
        .filter(|n| !taken.contains(&n.as_str()));
    let mut out = Vec::with_capacity(payload.len());
    put_leb(&mut out, count);
    for (module, field, description) in imports {
        let field = if module == namespace && hashed(field) {
            let new = names.next().unwrap_or_default();
            renames.push((field.to_owned(), new.clone()));
            new
        } else {
            field.to_owned()
        };
        for text in [module, field.as_str()] {
            put_leb(&mut out, text.len() as u64);
            out.extend(text.as_bytes());
        }
        out.extend(description);
    }
    Ok(out)
}

/// Whether `field` ends in `_` and 16 hexadecimal digits, as the names
/// wasm-bindgen makes unique do.
fn hashed(field: &str) -> bool {
    let bytes = field.as_bytes();
    bytes.len() > 17
        && bytes[bytes.len() - 17] == b'_'
        && bytes[bytes.len() - 16..]
            .iter()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
}

/// The `n`th short name: `a` … `Z`, then `aa` … `ZZ`, then three
/// letters, and so on: letters only, so a valid key in JavaScript, and
/// never one of wasm-bindgen's `__` names.
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let base = LETTERS.len();
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[n % base]);
        if n < base {
            break;
        }
        n = n / base - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Where the import description at `at` ends: a function's type index, a
/// table's element type and limits, a memory's limits, a global's type
/// and mutability, or a tag's attribute and type index.
fn description_end(bytes: &[u8], at: usize) -> Result<usize> {
    let kind = *bytes.get(at).ok_or("an import ends early")?;
    let limits = |at: usize| -> Result<usize> {
        let flags = *bytes.get(at).ok_or("an import's limits end early")?;
        if flags & !0b1111 != 0 {
            return Err(format!("limits with unknown flags {flags:#x}"));
        }
        let mut next = leb(bytes, at + 1)?.1;
        // Bit 0: a maximum follows the minimum; bit 3: a page size
        // follows (bits 1 and 2, shared and 64-bit, add no field).
        for bit in [0b0001, 0b1000] {
            if flags & bit != 0 {
                next = leb(bytes, next)?.1;
            }
        }
        Ok(next)
    };
    // A value or reference type: one byte, or for `(ref null? ht)` the
    // prefix and a heap type (a signed number, read by its bytes alike).
    let value_type = |at: usize| -> Result<usize> {
        match *bytes.get(at).ok_or("a type ends early")? {
            0x63 | 0x64 => Ok(leb(bytes, at + 1)?.1),
            _ => Ok(at + 1),
        }
    };
    match kind {
        0 => Ok(leb(bytes, at + 1)?.1),
        1 => limits(value_type(at + 1)?),
        2 => limits(at + 1),
        3 => Ok(value_type(at + 1)? + 1),
        4 => Ok(leb(bytes, at + 2)?.1),
        other => Err(format!("an import of unknown kind {other}")),
    }
}

/// The name (a length, then UTF-8) at `at`, and where it ends.
fn name(bytes: &[u8], at: usize) -> Result<(&str, usize)> {
    let (len, start) = leb(bytes, at)?;
    let end = start
        .checked_add(len as usize)
        .filter(|&end| end <= bytes.len())
        .ok_or("a name runs past its section")?;
    let text = std::str::from_utf8(&bytes[start..end]).map_err(|_| "a name is not UTF-8")?;
    Ok((text, end))
}

/// The unsigned LEB128 number at `at`, and where it ends.
fn leb(bytes: &[u8], mut at: usize) -> Result<(u64, usize)> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(at).ok_or("a number runs past the end")?;
        at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    Err("a number is too long".into())
}

fn put_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "./app_bg.js";

    /// A module with a type section, the given imports and an empty
    /// export section.
    fn module(imports: &[(&str, &str, &[u8])]) -> Vec<u8> {
        let mut out = b"\0asm\x01\0\0\0".to_vec();
        // One type: () -> ().
        out.extend([1, 4, 1, 0x60, 0, 0]);
        let mut section = Vec::new();
        put_leb(&mut section, imports.len() as u64);
        for (module, field, description) in imports {
            for text in [module, field] {
                put_leb(&mut section, text.len() as u64);
                section.extend(text.as_bytes());
            }
            section.extend(*description);
        }
        out.push(IMPORT_SECTION);
        put_leb(&mut out, section.len() as u64);
        out.extend(section);
        // Exports: none, as an empty section after the imports.
        out.extend([7, 1, 0]);
        out
    }

    #[test]
    fn renames_hashed_glue_imports_and_nothing_else() {
        let mut imports: Vec<(&str, &str, &[u8])> = vec![
            (GLUE, "__wbg_navigator_c17f443a6fe5d38d", &[0, 0]),
            (GLUE, "__wbindgen_init_externref_table", &[0, 0]),
            ("env", "__wbg_other_0123456789abcdef", &[0, 0]),
            (GLUE, "memory", &[2, 1, 17, 0x80, 0x02]),
            (GLUE, "__wbg_get_2080c49015e35254", &[0, 0]),
        ];
        let (after, renames) = shorten(&module(&imports), GLUE).unwrap();
        let old = |i: usize| imports[i].1.to_owned();
        assert_eq!(
            renames,
            [(old(0), "a".to_owned()), (old(4), "b".to_owned())]
        );
        (imports[0].1, imports[4].1) = ("a", "b");
        assert_eq!(after, module(&imports));
    }

    #[test]
    fn reads_every_kind_of_import_description() {
        let mut imports: Vec<(&str, &str, &[u8])> = vec![
            // A table of (ref null func) with a maximum.
            (GLUE, "table", &[1, 0x63, 0x70, 1, 0, 8]),
            // A shared memory with a maximum and a page size.
            (GLUE, "memory", &[2, 0b1011, 1, 2, 16]),
            // A mutable global of type (ref extern).
            (GLUE, "global", &[3, 0x64, 0x6f, 1]),
            // A tag of type 0.
            (GLUE, "tag", &[4, 0, 0]),
            (GLUE, "__wbg_f_0123456789abcdef", &[0, 0]),
        ];
        let (after, renames) = shorten(&module(&imports), GLUE).unwrap();
        assert_eq!(
            renames,
            [("__wbg_f_0123456789abcdef".to_owned(), "a".to_owned())]
        );
        imports[4].1 = "a";
        assert_eq!(after, module(&imports), "each description read to its end");
        let unknown = module(&[(GLUE, "memory", &[2, 0b1_0000, 1])]);
        assert!(
            shorten(&unknown, GLUE).is_err(),
            "unknown limits flags stop the build"
        );
    }

    #[test]
    fn a_short_name_already_taken_is_skipped() {
        let before = module(&[
            (GLUE, "a", &[0, 0]),
            (GLUE, "__wbg_x_00000000000000ff", &[0, 0]),
        ]);
        let (_, renames) = shorten(&before, GLUE).unwrap();
        assert_eq!(renames[0].1, "b");
    }

    #[test]
    fn short_names_are_letters_and_all_different() {
        let names: Vec<String> = (0..52 * 53 + 100).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "aa");
        assert_eq!(names[52 + 52 * 52 - 1], "ZZ");
        assert_eq!(names[52 + 52 * 52], "aaa");
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_alphabetic())));
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn the_glue_must_name_each_import_exactly_once() {
        let renames = [("__wbg_f_0123456789abcdef".to_owned(), "a".to_owned())];
        let glue = "const i = { __wbg_f_0123456789abcdef: function() {} };";
        assert_eq!(
            rename_in_glue(glue, &renames).unwrap(),
            "const i = { a: function() {} };"
        );
        assert!(rename_in_glue("const i = {};", &renames).is_err());
        let twice = format!("{glue} {glue}");
        assert!(rename_in_glue(&twice, &renames).is_err());
    }

    #[test]
    fn a_damaged_module_is_an_error_not_a_panic() {
        let whole = module(&[(GLUE, "__wbg_f_0123456789abcdef", &[0, 0])]);
        for len in 0..whole.len() {
            let _ = shorten(&whole[..len], GLUE);
        }
        assert!(shorten(b"not wasm", GLUE).is_err());
    }

    #[test]
    fn numbers_round_trip_through_leb128() {
        for value in [0, 1, 127, 128, 300, 16_384, u64::from(u32::MAX)] {
            let mut bytes = Vec::new();
            put_leb(&mut bytes, value);
            assert_eq!(leb(&bytes, 0).unwrap(), (value, bytes.len()));
        }
    }
}
