//! The shape of the code: no file in `src/` or `xtask/src/` longer than
//! 500 lines, and no function longer than 100. A newcomer should be able to
//! read a file in one sitting and a function on a screen or two; past that,
//! a file wants splitting by role and a function by step (issue 15).
//!
//! The scanner is deliberately simple: it drops comments, strings and
//! character literals, then counts braces from each `fn`'s body to its end.
//! A function's length is its lines from the `fn` keyword to the closing
//! brace. Data tables are exempt, and so, for now, are the few files that
//! other branches are splitting: see [`EXEMPT`].

use std::path::{Path, PathBuf};

/// Longest file, in lines.
const MAX_FILE_LINES: usize = 500;
/// Longest function, in lines from `fn` to its closing brace.
const MAX_FN_LINES: usize = 100;

/// What may exceed the limits, and why: a path, and a function name or
/// `None` for the file's own length. Keep it short. An entry that no
/// longer exceeds its limit fails the test, so it goes once it can.
const EXEMPT: &[(&str, Option<&str>, &str)] = &[];

/// A function found in a file: its name, and the lines (1-based) of its
/// `fn` keyword and its closing brace.
#[derive(Debug, PartialEq)]
struct Function {
    name: String,
    start: usize,
    end: usize,
}

impl Function {
    fn lines(&self) -> usize {
        self.end - self.start + 1
    }
}

/// `source` with comments, string literals and character literals blanked
/// out (newlines kept, so line numbers hold): what is left is code.
fn code_only(source: &str) -> Vec<char> {
    let s: Vec<char> = source.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    // Copies s[from..to] as blanks, keeping the newlines.
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        out.extend(
            s[from..to]
                .iter()
                .map(|&c| if c == '\n' { '\n' } else { ' ' }),
        );
    };
    while i < s.len() {
        let c = s[i];
        let next = s.get(i + 1).copied();
        let end = if c == '/' && next == Some('/') {
            s[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(s.len(), |p| i + p)
        } else if c == '/' && next == Some('*') {
            block_comment_end(&s, i)
        } else if c == '"' || raw_string_start(&s, i).is_some() {
            string_end(&s, i)
        } else if c == '\'' {
            char_literal_end(&s, i).unwrap_or(i + 1)
        } else {
            out.push(c);
            i += 1;
            continue;
        };
        let end = end.min(s.len());
        // Keep a lifetime's quote-less rest as code; blank the literal.
        blank(&mut out, i, end);
        i = end;
    }
    out
}

/// The index just past a (possibly nested) block comment opening at `i`.
fn block_comment_end(s: &[char], mut i: usize) -> usize {
    let mut depth = 0;
    while i + 1 < s.len() {
        if s[i] == '/' && s[i + 1] == '*' {
            depth += 1;
            i += 2;
        } else if s[i] == '*' && s[i + 1] == '/' {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    s.len()
}

/// The number of `#`s of a raw string (`r"`, `r#"`, `br#"`) starting at
/// `i`, if one does, and not in the middle of an identifier.
fn raw_string_start(s: &[char], i: usize) -> Option<usize> {
    if i > 0 && (s[i - 1].is_alphanumeric() || s[i - 1] == '_') {
        return None;
    }
    let mut j = i;
    if s.get(j) == Some(&'b') {
        j += 1;
    }
    if s.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let hashes = s[j..].iter().take_while(|&&c| c == '#').count();
    (s.get(j + hashes) == Some(&'"')).then_some(hashes)
}

/// The index just past the string literal (plain or raw) starting at `i`.
fn string_end(s: &[char], i: usize) -> usize {
    if let Some(hashes) = raw_string_start(s, i) {
        let open = s[i..].iter().position(|&c| c == '"').map_or(i, |p| i + p);
        let mut j = open + 1;
        while j < s.len() {
            if s[j] == '"'
                && s[j + 1..]
                    .iter()
                    .take(hashes)
                    .filter(|&&c| c == '#')
                    .count()
                    == hashes
            {
                return j + 1 + hashes;
            }
            j += 1;
        }
        return s.len();
    }
    let mut j = i + 1;
    while j < s.len() {
        match s[j] {
            '\\' => j += 2,
            '"' => return j + 1,
            _ => j += 1,
        }
    }
    s.len()
}

/// The index just past a character literal at `i` (`'a'`, `'\n'`,
/// `'\u{7f}'`, `'{'`), or `None` for a lifetime or a label (`'a`).
fn char_literal_end(s: &[char], i: usize) -> Option<usize> {
    if s.get(i + 1) == Some(&'\\') {
        // The escaped character itself may be a quote: `'\''`.
        let close = s.get(i + 3..)?.iter().position(|&c| c == '\'')?;
        return Some(i + 3 + close + 1);
    }
    (s.get(i + 2) == Some(&'\'')).then_some(i + 3)
}

/// Every function with a body in `source`, nested ones included.
fn functions(source: &str) -> Vec<Function> {
    let code = code_only(source);
    let line_at = |k: usize| 1 + code[..k].iter().filter(|&&c| c == '\n').count();
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    let mut k = 0;
    while k + 2 < code.len() {
        let keyword = code[k] == 'f'
            && code[k + 1] == 'n'
            && code[k + 2].is_whitespace()
            && (k == 0 || !is_ident(code[k - 1]));
        if !keyword {
            k += 1;
            continue;
        }
        let mut j = k + 2;
        while j < code.len() && code[j].is_whitespace() {
            j += 1;
        }
        let name: String = code[j..].iter().take_while(|&&c| is_ident(c)).collect();
        if name.is_empty() {
            // A function pointer type, `fn(…)`, not a definition.
            k += 2;
            continue;
        }
        if let Some(end) = body_end(&code, j + name.len()) {
            found.push(Function {
                name,
                start: line_at(k),
                end: line_at(end),
            });
        }
        k = j;
    }
    found
}

/// The index of the brace that closes the body of a function whose
/// signature continues at `from`, or `None` for a declaration without a
/// body (`fn f();` in a trait). Brackets in the signature (`[f64; 5]`)
/// hide their semicolons.
fn body_end(code: &[char], from: usize) -> Option<usize> {
    let mut nesting = 0i32;
    let mut j = from;
    while j < code.len() {
        match code[j] {
            '(' | '[' => nesting += 1,
            ')' | ']' => nesting -= 1,
            ';' if nesting == 0 => return None,
            '{' if nesting == 0 => break,
            _ => {}
        }
        j += 1;
    }
    let mut depth = 0;
    for (k, &c) in code.iter().enumerate().skip(j) {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(k);
                }
            }
            _ => {}
        }
    }
    None
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// What exceeds a limit, as `(path, function or None, lines)`.
fn oversized() -> Vec<(String, Option<String>, usize)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["src", "xtask/src"] {
        for path in rust_files(&root.join(dir)) {
            let source = std::fs::read_to_string(&path).expect("readable source");
            let name = path
                .strip_prefix(root)
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            let lines = source.lines().count();
            if lines > MAX_FILE_LINES {
                found.push((name.clone(), None, lines));
            }
            for f in functions(&source) {
                if f.lines() > MAX_FN_LINES {
                    let lines = f.lines();
                    found.push((name.clone(), Some(f.name), lines));
                }
            }
        }
    }
    found
}

fn is_exempt(path: &str, function: Option<&str>) -> bool {
    EXEMPT.iter().any(|(p, f, _)| *p == path && *f == function)
}

#[test]
fn no_file_or_function_is_too_long() {
    let found = oversized();
    let offenders: Vec<String> = found
        .iter()
        .filter(|(path, f, _)| !is_exempt(path, f.as_deref()))
        .map(|(path, f, lines)| match f {
            None => format!("{path}: {lines} lines (at most {MAX_FILE_LINES}); split it by role"),
            Some(f) => format!(
                "{path}: fn {f} is {lines} lines (at most {MAX_FN_LINES}); split it by step"
            ),
        })
        .collect();
    assert!(offenders.is_empty(), "\n{}\n", offenders.join("\n"));
}

#[test]
fn every_exemption_is_still_needed() {
    let found = oversized();
    let stale: Vec<String> = EXEMPT
        .iter()
        .filter(|(path, f, _)| {
            !found
                .iter()
                .any(|(p, g, _)| p == path && g.as_deref() == *f)
        })
        .map(|(path, f, why)| {
            format!(
                "{path}{}: within the limits now; remove its exemption ({why}) from EXEMPT",
                f.map_or(String::new(), |f| format!(" fn {f}"))
            )
        })
        .collect();
    assert!(stale.is_empty(), "\n{}\n", stale.join("\n"));
}

#[test]
fn the_scanner_measures_functions_and_ignores_literals() {
    let source = r####"
fn short() -> [f64; 2] {
    let brace = '{';
    let quote = '\'';
    let s = "}}}";
    let r = r#"{ "# ;
    // }
    /* { /* } */ } */
    [0.0; 2]
}

trait T {
    fn declared(&self);
    fn provided<'a>(&'a self) -> &'a str {
        let f: fn(u8) -> u8 = |x| x;
        fn nested() {}
        "x"
    }
}
"####;
    let found = functions(source);
    let shape: Vec<(&str, usize, usize)> = found
        .iter()
        .map(|f| (f.name.as_str(), f.start, f.end))
        .collect();
    assert_eq!(
        shape,
        [("short", 2, 10), ("provided", 14, 18), ("nested", 16, 16)]
    );
}
