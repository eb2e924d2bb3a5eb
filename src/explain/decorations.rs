//! Removes what clients wrap around EXPLAIN output, so the parsers see the bare plan.
//!
//! Handles psql aligned/unaligned output (header, separator lines, `(N rows)` footer, borders 0/1/2 in
//! ascii, old-ascii and unicode styles, `+`/`↵` newline markers, `\x` expanded records), pgAdmin's
//! quoted rows, DBeaver's trailing `|`, tabs and terminal-wrapped lines. Every step is one linear pass.
//!
//! Lines stay borrowed from the input unless a step really changes them (a tab expanded, quotes
//! undone, a wrapped line re-joined), and each remembers which input line it came from, so the
//! parsers can point back at the text as pasted.

use std::borrow::Cow;

use super::trim::{leading_spaces, trim};

/// Lines of the input with client decorations removed.
#[derive(Debug, Clone, Default)]
pub struct Cleaned<'a> {
    /// The remaining lines, in order.
    pub lines: Vec<Cow<'a, str>>,
    /// For each remaining line, the 0-based input line it starts on.
    pub origin: Vec<usize>,
    /// True when psql aligned output was recognised: lines then carry one padding space and lines
    /// wrapped by the terminal have been re-joined.
    pub aligned: bool,
}

impl Cleaned<'_> {
    /// The input line (0-based) where cleaned line `index` starts; past the end maps to the last.
    pub fn input_line(&self, index: usize) -> usize {
        self.origin
            .get(index)
            .or(self.origin.last())
            .copied()
            .unwrap_or(0)
    }
}

/// Replaces `line` by the sub-slice `pick` returns, without copying a borrowed line.
fn narrow<'a>(line: &mut Cow<'a, str>, pick: impl Fn(&str) -> &str) {
    match line {
        Cow::Borrowed(s) => *s = pick(s),
        Cow::Owned(s) => {
            let part = pick(s);
            // Where the slice sits in `s` (checked: a slice from elsewhere is simply copied).
            let start = (part.as_ptr() as usize).checked_sub(s.as_ptr() as usize);
            match start.filter(|&at| at + part.len() <= s.len()) {
                Some(at) => {
                    s.truncate(at + part.len());
                    s.drain(..at);
                }
                None => *s = part.to_string(),
            }
        }
    }
}

const BORDER_CHARS: &[char] = &['|', '│', '║'];

/// True for psql/DBeaver separator and frame lines (`----+---`, `├──┤`, `═══`).
pub fn is_separator(line: &str) -> bool {
    let t = trim(line);
    let mut rule = 0;
    for c in t.chars() {
        match c {
            '-' | '─' | '═' | '━' => rule += 1,
            '+' | '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╔' | '╗' | '╚' | '╝'
            | '╠' | '╣' | '╦' | '╩' | '╬' | '╞' | '╡' | '╪' | '╒' | '╕' | '╘' | '╛' | '╤' | '╧'
            | '|' | '│' | '║' | ' ' => {}
            _ => return false,
        }
    }
    rule >= 3
}

/// True for psql's `(N rows)` footer in any language (`(1 row)`, `(23 lignes)`, `(5 Zeilen)`).
pub fn is_footer(line: &str) -> bool {
    let t = trim(line);
    let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) else {
        return false;
    };
    let mut parts = inner.splitn(2, ' ');
    let count = parts.next().unwrap_or("");
    let word = parts.next().unwrap_or("");
    !count.is_empty()
        && count.bytes().all(|b| b.is_ascii_digit())
        && !word.is_empty()
        && word.chars().all(char::is_alphabetic)
}

fn expand_tabs(line: &str) -> Cow<'_, str> {
    if line.contains('\t') {
        Cow::Owned(line.replace('\t', "    "))
    } else {
        Cow::Borrowed(line)
    }
}

fn fraction(lines: &[Cow<'_, str>], pred: impl Fn(&str) -> bool) -> f64 {
    let (mut non_empty, mut matching) = (0usize, 0usize);
    for line in lines.iter().filter(|l| !trim(l).is_empty()) {
        non_empty += 1;
        matching += usize::from(pred(line));
    }
    if non_empty == 0 {
        return 0.0;
    }
    matching as f64 / non_empty as f64
}

/// Strips decorations; see the module documentation.
pub fn clean(input: &str) -> Cleaned<'_> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut lines: Vec<Cow<'_, str>> = input
        .split('\n')
        .map(|l| expand_tabs(l.strip_suffix('\r').unwrap_or(l)))
        .collect();
    let mut origin: Vec<usize> = (0..lines.len()).collect();

    // psql `\x`: `-[ RECORD 1 ]---` lines, then `QUERY PLAN | <line>`.
    let expanded = lines.iter().any(|l| {
        let t = l[leading_spaces(l)..].trim_start_matches(['|', '│', '║', ' ']);
        t.starts_with("-[ RECORD") || t.starts_with("─[ RECORD")
    });
    if expanded {
        let kept: Vec<(Cow<'_, str>, usize)> = lines
            .into_iter()
            .zip(origin)
            .filter(|(l, _)| !l.contains("[ RECORD") && !is_separator(l))
            .map(|(mut l, at)| {
                narrow(&mut l, strip_expanded_label);
                (l, at)
            })
            .collect();
        (lines, origin) = kept.into_iter().unzip();
    }

    strip_quotes(&mut lines);
    strip_side_borders(&mut lines);
    strip_newline_markers(&mut lines);

    let first_separator = lines.iter().position(|l| is_separator(l));
    let aligned = first_separator.is_some_and(|s| {
        lines[s + 1..]
            .iter()
            .find(|l| !trim(l).is_empty() && !is_separator(l))
            .is_some_and(|l| l.starts_with(' '))
    });
    let mut out: Vec<Cow<'_, str>> = Vec::with_capacity(lines.len());
    let mut out_origin: Vec<usize> = Vec::with_capacity(lines.len());
    let mut after_separator = false;
    for (line, at) in lines.into_iter().zip(origin) {
        if is_separator(&line) {
            after_separator = true;
            continue;
        }
        let wrapped = aligned
            && after_separator
            && !line.is_empty()
            && !line.starts_with(' ')
            && !is_footer(&line)
            && out.last().is_some_and(|l| !trim(l).is_empty());
        // Lines stay untrimmed until the end: a terminal wrap can split right after a space.
        match out.last_mut() {
            Some(prev) if wrapped => prev.to_mut().push_str(&line),
            _ => {
                out.push(line);
                out_origin.push(at);
            }
        }
    }
    for line in out.iter_mut() {
        narrow(line, str::trim_end);
    }
    Cleaned {
        lines: out,
        origin: out_origin,
        aligned,
    }
}

fn strip_expanded_label(line: &str) -> &str {
    let t = line[leading_spaces(line)..].trim_start_matches(['|', '│', '║', ' ']);
    for sep in ["| ", "│ ", "║ "] {
        if let Some(at) = t.find(sep) {
            let rest = &t[at + sep.len()..];
            return rest.trim_end_matches(BORDER_CHARS).trim_end();
        }
    }
    if let Some(at) = t.find(['|', '│', '║']) {
        return t[at + 1..].trim_end();
    }
    line
}

/// pgAdmin copies each row quoted (`"..."` or `'...'`, inner quotes doubled).
fn strip_quotes(lines: &mut [Cow<'_, str>]) {
    for quote in ['"', '\''] {
        if fraction(lines, |l| {
            l.trim_end().ends_with(quote) && !l.trim_end().ends_with(",")
        }) < 0.6
        {
            continue;
        }
        let doubled: String = [quote, quote].iter().collect();
        let single = quote.to_string();
        for line in lines.iter_mut() {
            narrow(line, |l| {
                let t = l.trim_end();
                let t = t.strip_suffix(quote).unwrap_or(t);
                t.strip_prefix(quote).unwrap_or(t)
            });
            if line.contains(doubled.as_str()) {
                *line = Cow::Owned(line.replace(&doubled, &single));
            }
        }
        return;
    }
}

/// Border 2 (`| ... |`, `│ ... │`) and DBeaver's trailing `|`.
fn strip_side_borders(lines: &mut [Cow<'_, str>]) {
    let left = fraction(lines, |l| l.starts_with(BORDER_CHARS) && !is_separator(l));
    let right = fraction(lines, |l| {
        l.trim_end().ends_with(BORDER_CHARS) && !is_separator(l)
    });
    if left < 0.5 && right < 0.5 {
        return;
    }
    for line in lines.iter_mut() {
        if is_separator(line) {
            continue;
        }
        narrow(line, |l| {
            let mut t: &str = l.trim_end();
            if right >= 0.5 {
                t = t.strip_suffix(BORDER_CHARS).unwrap_or(t);
            }
            if left >= 0.5 {
                t = t.strip_prefix(BORDER_CHARS).unwrap_or(t);
            }
            t.trim_end()
        });
    }
}

/// psql marks a newline inside one cell with `+` (ascii) or `↵` (unicode) at the right edge.
fn strip_newline_markers(lines: &mut [Cow<'_, str>]) {
    let marked = |l: &str| {
        let t = l.trim_end();
        // The longest line of the cell has no padding before the marker.
        t.ends_with('↵') || (t.ends_with('+') && t.len() > 1)
    };
    if fraction(lines, marked) < 0.3 {
        return;
    }
    for line in lines.iter_mut() {
        if marked(line) {
            narrow(line, |l| {
                let t = l.trim_end();
                t.strip_suffix('↵')
                    .or_else(|| t.strip_suffix('+'))
                    .unwrap_or(t)
            });
        }
    }
}
