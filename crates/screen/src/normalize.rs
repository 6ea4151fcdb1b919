//! Name normalisation for screening.
//!
//! A listed party appears under many spellings: full-width letters, accents, other scripts,
//! legal forms written out or abbreviated, "Technologies" or "Tech". [`normalize`] turns a name
//! into tokens that compare across all of them:
//!
//! 1. Unicode NFKC (full-width and compatibility forms fold to their plain letters);
//! 2. legal forms in CJK and Cyrillic scripts are recognised before transliteration
//!    (有限公司, 株式会社, ООО), so they are weighed as legal forms, not as words;
//! 3. transliteration to Latin (`deunicode`: Cyrillic, Greek, Arabic, Hebrew, Thai, Han as
//!    pinyin syllables, ...), which also drops diacritics;
//! 4. lower case, punctuation to spaces, digits kept (so "BELLETECH CORP" never equals
//!    "11420 CORP.");
//! 5. legal forms (`data/screen/legal_forms.csv`) become [`TokenKind::LegalForm`] tokens with
//!    their canonical form, kept but given low weight by scorers, never dropped;
//! 6. common abbreviations (`data/screen/abbreviations.csv`) map to one canonical token.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    LegalForm,
}

/// The writing system a token was written in before transliteration. Scorers compare
/// tokens from scripts that do not write (all) vowels by their consonants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Han,
    Hangul,
    /// Arabic, Hebrew, Syriac, Thaana: vowels mostly unwritten.
    Abjad,
    /// Thai, Lao, Myanmar and Khmer: transliterated with few vowels.
    Brahmic,
    /// Devanagari, Bengali, Tamil and the other scripts of India (vowels written).
    Indic,
    Other,
}

impl Script {
    fn of(c: char) -> Script {
        match c as u32 {
            0x0000..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
            0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
            0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
                Script::Cyrillic
            }
            0x0590..=0x05FF
            | 0x0600..=0x06FF
            | 0x0700..=0x07BF
            | 0x08A0..=0x08FF
            | 0xFB1D..=0xFDFF
            | 0xFE70..=0xFEFF => Script::Abjad,
            0x0900..=0x0DFF => Script::Indic,
            0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF => Script::Brahmic,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF => Script::Han,
            _ => Script::Other,
        }
    }
    /// Whether tokens of this script are compared by their consonant skeletons.
    pub fn vowels_unwritten(self) -> bool {
        // Brahmic scripts of South-East Asia write vowels, but their transliterations keep
        // too few of them to compare letter by letter.
        matches!(self, Script::Abjad | Script::Brahmic)
    }
    /// Whether a token of this script is one syllable of a name (Chinese, Korean), which
    /// must match whole: "cheng" is not "chen".
    pub fn syllabic(self) -> bool {
        matches!(self, Script::Han | Script::Hangul)
    }
}

/// One token of a normalised name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    pub text: String,
    pub kind: TokenKind,
    pub script: Script,
    /// Written inside parentheses ("Deutsche Bank (Schweiz) AG", "Jadeshine Engineering (HK)"):
    /// a qualifier of the name (scorer v2 weighs it as one when the other side lacks it).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub bracketed: bool,
}

/// A named version of the scorer (normalisation and scoring together), so that results stay
/// comparable across releases: `screen eval` reports both.
///
/// * `V1`: the scorer of chipwatch 0.1 (stop 25).
/// * `V2` (default): v1 plus possessives ("Bank's" = "Bank"), digits written for letters inside
///   words ("Ig0r Sech1n"), legal forms with one slip in a word of several ("Joynt Stock
///   Company"), names equal once every space is gone ("SiemensAG"), doubled letters in short
///   words ("Jong-uun"), acronyms ("PLA" = "People's Liberation Army", "JC" = "Jean-Claude"),
///   qualifiers in parentheses, the order of words in organisation names and around "bin"/"ibn"
///   in persons' names, initials that are not evidence alone in organisation names, and a
///   vessel entry not matched by a company's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ScorerVersion {
    V1 = 1,
    V2 = 2,
}

impl ScorerVersion {
    pub const ALL: [ScorerVersion; 2] = [ScorerVersion::V1, ScorerVersion::V2];
    pub fn name(self) -> &'static str {
        match self {
            ScorerVersion::V1 => "v1",
            ScorerVersion::V2 => "v2",
        }
    }
    pub fn parse(s: &str) -> Option<ScorerVersion> {
        match s {
            "v1" | "1" => Some(ScorerVersion::V1),
            "v2" | "2" => Some(ScorerVersion::V2),
            _ => None,
        }
    }
}

static SCORER: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(2);

thread_local! {
    /// A version chosen for this thread alone ([`with_scorer`]); 0 when none.
    static THREAD_SCORER: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}

fn version_of(n: u8) -> ScorerVersion {
    match n {
        1 => ScorerVersion::V1,
        _ => ScorerVersion::V2,
    }
}

/// The scorer version in use: this thread's ([`with_scorer`]) or the process's.
pub fn scorer() -> ScorerVersion {
    match THREAD_SCORER.with(std::cell::Cell::get) {
        0 => version_of(SCORER.load(std::sync::atomic::Ordering::Relaxed)),
        n => version_of(n),
    }
}

/// Choose the scorer version for this process. Names prepared before the change keep the
/// normalisation they were prepared with: build screeners after choosing.
pub fn set_scorer(v: ScorerVersion) {
    SCORER.store(v as u8, std::sync::atomic::Ordering::Relaxed);
}

/// Run `f` with scorer `v` on this thread only (comparisons on this thread; a screener's
/// worker threads keep the process's version).
pub fn with_scorer<R>(v: ScorerVersion, f: impl FnOnce() -> R) -> R {
    let before = THREAD_SCORER.with(|c| c.replace(v as u8));
    let r = f();
    THREAD_SCORER.with(|c| c.set(before));
    r
}

fn v2() -> bool {
    scorer() >= ScorerVersion::V2
}

/// A normalised name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NormalizedName {
    pub original: String,
    pub tokens: Vec<Token>,
}

impl NormalizedName {
    /// The tokens that are not legal forms, joined by spaces.
    pub fn core(&self) -> String {
        self.tokens
            .iter()
            .filter(|t| t.kind != TokenKind::LegalForm)
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
    /// Every token joined by spaces.
    pub fn key(&self) -> String {
        self.tokens
            .iter()
            .map(|t| t.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
    pub fn legal_forms(&self) -> Vec<&str> {
        self.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::LegalForm)
            .map(|t| t.text.as_str())
            .collect()
    }
}

struct Dictionaries {
    /// Latin legal forms as token sequences, longest first.
    latin_forms: Vec<(Vec<String>, String)>,
    /// Indices into `latin_forms` by first word, longest first.
    latin_by_first: HashMap<String, Vec<usize>>,
    /// Non-Latin legal forms as they are written, longest first.
    script_forms: Vec<(String, String)>,
    abbreviations: HashMap<String, String>,
    /// Descriptors and one-word legal forms of six letters or more, by first letter, for
    /// typo-tolerant lookup: (spelling, canonical, is a legal form).
    typo_targets: HashMap<char, Vec<(String, String, bool)>>,
}

/// Whether a normalised word is a legal form as [`normalize`] writes it ("ltd", "gmbh",
/// "jsc", ...).
pub fn is_legal_form_word(w: &str) -> bool {
    static F: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    F.get_or_init(|| {
        let d = dictionaries();
        d.latin_forms
            .iter()
            .flat_map(|(form, canonical)| {
                let one = (form.len() == 1).then(|| form[0].clone());
                canonical
                    .split_whitespace()
                    .map(str::to_string)
                    .chain(one)
                    .collect::<Vec<_>>()
            })
            .collect()
    })
    .contains(w)
}

fn dictionaries() -> &'static Dictionaries {
    static D: OnceLock<Dictionaries> = OnceLock::new();
    D.get_or_init(|| {
        let forms = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/screen/legal_forms.csv"
        ));
        let abbrs = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/screen/abbreviations.csv"
        ));
        let mut latin_forms = Vec::new();
        let mut script_forms = Vec::new();
        for line in forms.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let mut cols = line.splitn(3, ',');
            let (Some(form), Some(canonical)) = (cols.next(), cols.next()) else {
                continue;
            };
            if form.is_ascii() {
                latin_forms.push((
                    form.split_whitespace()
                        .map(str::to_string)
                        .collect::<Vec<_>>(),
                    canonical.to_string(),
                ));
            } else {
                script_forms.push((form.nfkc().collect::<String>(), canonical.to_string()));
            }
        }
        latin_forms.sort_by_key(|(t, _)| std::cmp::Reverse(t.len()));
        let mut latin_by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, (t, _)) in latin_forms.iter().enumerate() {
            if let Some(first) = t.first() {
                latin_by_first.entry(first.clone()).or_default().push(i);
            }
        }
        script_forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.chars().count()));
        let abbreviations: HashMap<String, String> = abbrs
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(','))
            .map(|(v, c)| (v.trim().to_string(), c.trim().to_string()))
            .collect();
        let mut typo_targets: HashMap<char, Vec<(String, String, bool)>> = HashMap::new();
        let descriptor = abbreviations
            .iter()
            .map(|(v, c)| (v.clone(), c.clone(), false));
        let forms = latin_forms
            .iter()
            .filter(|(t, _)| t.len() == 1)
            .map(|(t, c)| (t[0].clone(), c.clone(), true));
        for (v, c, form) in descriptor.chain(forms) {
            if v.len() >= TYPO_MIN_LEN
                && v.bytes().all(|b| b.is_ascii_lowercase())
                && let Some(first) = v.chars().next()
            {
                typo_targets.entry(first).or_default().push((v, c, form));
            }
        }
        for t in typo_targets.values_mut() {
            t.sort();
        }
        Dictionaries {
            latin_forms,
            latin_by_first,
            script_forms,
            abbreviations,
            typo_targets,
        }
    })
}

/// English cardinal and ordinal number words (one to ninety-nine) and suffixed ordinals ("1st",
/// "22nd") at the start of `words`: the number and how many words it took.
fn number_words(words: &[String]) -> Option<(u32, usize)> {
    fn unit(w: &str) -> Option<u32> {
        Some(match w {
            "one" | "first" => 1,
            "two" | "second" => 2,
            "three" | "third" => 3,
            "four" | "fourth" => 4,
            "five" | "fifth" => 5,
            "six" | "sixth" => 6,
            "seven" | "seventh" => 7,
            "eight" | "eighth" => 8,
            "nine" | "ninth" => 9,
            "ten" | "tenth" => 10,
            "eleven" | "eleventh" => 11,
            "twelve" | "twelfth" => 12,
            "thirteen" | "thirteenth" => 13,
            "fourteen" | "fourteenth" => 14,
            "fifteen" | "fifteenth" => 15,
            "sixteen" | "sixteenth" => 16,
            "seventeen" | "seventeenth" => 17,
            "eighteen" | "eighteenth" => 18,
            "nineteen" | "nineteenth" => 19,
            _ => return None,
        })
    }
    let w = words.first()?.as_str();
    if let Some(n) = unit(w) {
        return Some((n, 1));
    }
    let tens = match w {
        "twenty" => Some(20),
        "thirty" => Some(30),
        "forty" | "fourty" => Some(40),
        "fifty" => Some(50),
        "sixty" => Some(60),
        "seventy" => Some(70),
        "eighty" => Some(80),
        "ninety" => Some(90),
        _ => None,
    };
    if let Some(t) = tens {
        return match words.get(1).and_then(|w| unit(w)).filter(|u| *u < 10) {
            Some(u) => Some((t + u, 2)),
            None => Some((t, 1)),
        };
    }
    // "1st", "2nd", "3rd", "44th".
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    if !digits.is_empty()
        && digits.len() <= 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
    {
        return digits.parse().ok().map(|n| (n, 1));
    }
    None
}

/// Normalise a name into comparable tokens.
pub fn normalize(name: &str) -> NormalizedName {
    let dict = dictionaries();
    let mut text: String = name.nfkc().collect();
    // Legal forms written in non-Latin scripts, wherever they stand.
    let mut script_legal: Vec<String> = Vec::new();
    let forms: &[(String, String)] = if text.is_ascii() {
        &[]
    } else {
        &dict.script_forms
    };
    for (form, canonical) in forms {
        while let Some(pos) = text.find(form.as_str()) {
            text.replace_range(pos..pos + form.len(), " ");
            script_legal.push(canonical.clone());
        }
    }
    let (words, scripts, bracketed) = words_of(&text);
    let mut tokens = Vec::new();
    let mut i = 0;
    'outer: while i < words.len() {
        let candidates = dict
            .latin_by_first
            .get(words[i].as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for &fi in candidates {
            let (form, canonical) = &dict.latin_forms[fi];
            if form.len() <= words.len() - i && words[i..i + form.len()] == form[..] {
                // A one-letter or two-letter form counts only at the end or before another form:
                // "SA" inside "SA TECH" is a word.
                let at_end = i + form.len() == words.len();
                // Three-letter forms also lead names: "OOO Romashka", "OAO Gazprom".
                let leads = i == 0 && form[0].len() == 3 && words.len() > 1;
                if form.len() > 1
                    || form[0].len() > 3
                    || at_end
                    || leads
                    || is_form_start(&words[i + 1..], dict)
                {
                    tokens.push(Token {
                        text: canonical.clone(),
                        kind: TokenKind::LegalForm,
                        script: scripts[i],
                        bracketed: bracketed[i],
                    });
                    i += form.len();
                    continue 'outer;
                }
            }
        }
        // A legal form of several words with one slip in one of them: "Joynt Stock Company",
        // "Joint Stock Compan".
        if v2()
            && let Some((len, canonical)) = slipped_form(&words[i..], dict)
        {
            tokens.push(Token {
                text: canonical.to_string(),
                kind: TokenKind::LegalForm,
                script: scripts[i],
                bracketed: bracketed[i],
            });
            i += len;
            continue;
        }
        // Numbers written in words or as ordinals ("Forty-Four", "Three", "1st", "First") are
        // numbers: "Brigade Forty-Four" is "Brigade 44".
        if let Some((n, used)) = number_words(&words[i..]) {
            tokens.push(Token {
                text: n.to_string(),
                kind: TokenKind::Number,
                script: scripts[i],
                bracketed: bracketed[i],
            });
            i += used;
            continue;
        }
        let w = &words[i];
        let (text, kind) = if w.chars().all(|c| c.is_ascii_digit()) {
            (w.clone(), TokenKind::Number)
        } else if let Some(c) = dict.abbreviations.get(w) {
            (c.clone(), TokenKind::Word)
        } else if let Some((c, form)) = typo_of(w, dict) {
            // "Techonlogy", "Electrnics", "Coropration": one slip from a descriptor or a legal
            // form counts as it.
            (
                c,
                if form {
                    TokenKind::LegalForm
                } else {
                    TokenKind::Word
                },
            )
        } else {
            (w.clone(), TokenKind::Word)
        };
        tokens.push(Token {
            text,
            kind,
            script: scripts[i],
            bracketed: bracketed[i],
        });
        i += 1;
    }
    tokens.extend(script_legal.into_iter().map(|t| Token {
        text: t,
        kind: TokenKind::LegalForm,
        script: Script::Other,
        bracketed: false,
    }));
    NormalizedName {
        original: name.to_string(),
        tokens,
    }
}

/// The words of a name with their scripts and whether each stood inside parentheses.
fn words_of(text: &str) -> (Vec<String>, Vec<Script>, Vec<bool>) {
    if !v2() || !text.contains('(') {
        let (w, s) = join_initials(transliterate(text));
        let n = w.len();
        return (w, s, vec![false; n]);
    }
    let (mut words, mut scripts, mut bracketed) = (Vec::new(), Vec::new(), Vec::new());
    let mut push = |part: &str, inside: bool| {
        let (w, s) = join_initials(transliterate(part));
        bracketed.extend(std::iter::repeat_n(inside, w.len()));
        words.extend(w);
        scripts.extend(s);
    };
    let (mut depth, mut start) = (0usize, 0usize);
    for (k, c) in text.char_indices() {
        if c == '(' || c == ')' {
            push(&text[start..k], depth > 0);
            depth = if c == '(' {
                depth + 1
            } else {
                depth.saturating_sub(1)
            };
            start = k + 1;
        }
    }
    push(&text[start..], depth > 0);
    (words, scripts, bracketed)
}

/// "bank's" → "bank", "’s" alike: a possessive is not a word of its own (v2). With `join`, an
/// apostrophe between two letters joins them: one the transliteration wrote into a word of
/// another script ("Тұқаев", the ayn of "مسعود" that `deunicode` writes as a backtick) is not
/// a word break. Apostrophes written in a Latin name stay
/// breaks: in "Sa'id" or "Qa'ida" they stand for a consonant.
fn drop_possessives(s: &str, join: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        if c == '\'' || c == '\u{2019}' || (join && c == '`') {
            let before = k > 0 && chars[k - 1].is_alphanumeric();
            let next = chars.get(k + 1).copied();
            let after_next = chars.get(k + 2).copied();
            if before && next == Some('s') && after_next.is_none_or(|n| !n.is_alphanumeric()) {
                k += 2;
                continue;
            }
            if join && before && next.is_some_and(char::is_alphabetic) {
                k += 1;
                continue;
            }
        }
        out.push(c);
        k += 1;
    }
    out
}

/// Digits written for letters inside a word ("ig0r", "sech1n", "i9or"): a digit between two
/// letters reads as the letter it stands for (v2). Digits at either end stay ("ahl1", "g4").
fn unleet(w: &str) -> Option<String> {
    let b = w.as_bytes();
    if b.len() < 3 || !b.iter().any(u8::is_ascii_digit) || !b.iter().any(u8::is_ascii_alphabetic) {
        return None;
    }
    let mut out = b.to_vec();
    let mut changed = false;
    for k in 1..b.len() - 1 {
        if b[k].is_ascii_digit() && b[k - 1].is_ascii_alphabetic() && b[k + 1].is_ascii_alphabetic()
        {
            let l = match b[k] {
                b'0' => b'o',
                b'1' => b'i',
                b'3' => b'e',
                b'4' => b'a',
                b'5' => b's',
                b'7' => b't',
                b'9' => b'g',
                _ => continue,
            };
            out[k] = l;
            changed = true;
        }
    }
    changed.then(|| String::from_utf8(out).unwrap_or_default())
}

/// A legal form of two or more words that `words` begins with, one word allowed one slip
/// (five letters or more, same first letter): its length in words and canonical form.
fn slipped_form<'a>(words: &[String], dict: &'a Dictionaries) -> Option<(usize, &'a str)> {
    dict.latin_forms.iter().find_map(|(form, canonical)| {
        if form.len() < 2 || form.len() > words.len() {
            return None;
        }
        let mut slips = 0;
        for (w, f) in words.iter().zip(form) {
            if w == f {
                continue;
            }
            if w.len() < 5
                || f.len() < 5
                || w.as_bytes()[0] != f.as_bytes()[0]
                || !within_one_edit(w.as_bytes(), f.as_bytes())
            {
                return None;
            }
            slips += 1;
        }
        (slips == 1).then_some((form.len(), canonical.as_str()))
    })
}

/// Lower-case ASCII words and the script each came from. Text is cut into runs of one script;
/// Hangul is romanised syllable by syllable (Korean names are written in syllables that
/// romanise to separate words: 김정은 → gim jeong eun), everything else goes through
/// `deunicode` (Cyrillic, Greek, Arabic, Hebrew, Thai, Han as pinyin syllables, ...).
fn transliterate(text: &str) -> (Vec<String>, Vec<Script>) {
    let mut words = Vec::new();
    let mut scripts = Vec::new();
    let mut push_run = |run: &str, script: Script, words: &mut Vec<String>| {
        let latin = if script == Script::Hangul {
            romanize_hangul(run)
        } else {
            deunicode::deunicode_with_tofu(run, " ")
        };
        let mut lowered = latin.to_lowercase().replace('&', " & ");
        let v2 = v2();
        if v2 && lowered.contains(['\'', '\u{2019}', '`']) {
            lowered = drop_possessives(&lowered, script != Script::Latin);
        }
        for w in lowered
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '&'))
            .filter(|w| !w.is_empty())
        {
            match unleet(w).filter(|_| v2) {
                Some(u) => words.push(u),
                None => words.push(w.to_string()),
            }
            scripts.push(script);
        }
    };
    let mut run = String::new();
    let mut run_script = Script::Latin;
    for c in text.chars() {
        let s = if c.is_alphabetic() {
            Script::of(c)
        } else {
            run_script
        };
        if s != run_script && !run.is_empty() {
            push_run(&run, run_script, &mut words);
            run.clear();
        }
        run_script = s;
        run.push(c);
    }
    if !run.is_empty() {
        push_run(&run, run_script, &mut words);
    }
    (words, scripts)
}

/// Runs of two or more one-letter Latin words become one word: "G.m.b.H." → "gmbh",
/// "p.l.c." → "plc", "A.B.C." → "abc". A lone initial ("Thomas A. Lindeman") stays.
fn join_initials((words, scripts): (Vec<String>, Vec<Script>)) -> (Vec<String>, Vec<Script>) {
    let mut w2 = Vec::with_capacity(words.len());
    let mut s2 = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let single = |k: usize| {
            words[k].len() == 1
                && words[k].as_bytes()[0].is_ascii_alphabetic()
                && scripts[k] == Script::Latin
        };
        let mut j = i;
        while j < words.len() && single(j) {
            j += 1;
        }
        if j - i >= 2 {
            w2.push(words[i..j].concat());
            s2.push(Script::Latin);
            i = j;
        } else {
            w2.push(words[i].clone());
            s2.push(scripts[i]);
            i += 1;
        }
    }
    (w2, s2)
}

/// Revised Romanization of Korean, one word per syllable.
fn romanize_hangul(run: &str) -> String {
    const INITIAL: [&str; 19] = [
        "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t",
        "p", "h",
    ];
    const MEDIAL: [&str; 21] = [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo",
        "we", "wi", "yu", "eu", "ui", "i",
    ];
    const FINAL: [&str; 28] = [
        "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p",
        "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
    ];
    let mut out = String::new();
    for c in run.chars() {
        let u = c as u32;
        if (0xAC00..=0xD7A3).contains(&u) {
            let s = u - 0xAC00;
            let (l, v, t) = (s / (21 * 28), (s % (21 * 28)) / 28, s % 28);
            out.push(' ');
            out.push_str(INITIAL[l as usize]);
            out.push_str(MEDIAL[v as usize]);
            out.push_str(FINAL[t as usize]);
        } else {
            out.push_str(deunicode::deunicode_char(c).unwrap_or(" "));
        }
    }
    out
}

/// Words shorter than this are never read as a misspelt descriptor.
pub const TYPO_MIN_LEN: usize = 6;

/// The descriptor or legal form `w` is one edit from (an insertion, a deletion, a substitution
/// or two neighbouring letters swapped), with the same first letter: `(canonical, is a form)`.
fn typo_of(w: &str, dict: &Dictionaries) -> Option<(String, bool)> {
    if w.len() < TYPO_MIN_LEN || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let first = w.chars().next()?;
    dict.typo_targets
        .get(&first)?
        .iter()
        .find(|(v, _, _)| {
            v.len().abs_diff(w.len()) <= 1 && within_one_edit(w.as_bytes(), v.as_bytes())
        })
        .map(|(_, c, form)| (c.clone(), *form))
}

/// Optimal-string-alignment distance of at most 1.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    if a == b {
        return true;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[p..], &b[p..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Greater => ra.len() == rb.len() + 1 && ra[1..] == *rb,
        std::cmp::Ordering::Less => rb.len() == ra.len() + 1 && rb[1..] == *ra,
    }
}

fn is_form_start(rest: &[String], dict: &Dictionaries) -> bool {
    dict.latin_forms
        .iter()
        .any(|(f, _)| f.len() <= rest.len() && rest[..f.len()] == f[..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_descriptor_or_legal_form_one_slip_away_counts_as_it() {
        let k = |s: &str| normalize(s).key();
        assert_eq!(
            k("Jadeshine Engnieering (HK) Co."),
            k("Jadeshine Engineering (HK) Co.")
        );
        assert_eq!(k("Alpha Techonlogy"), k("Alpha Technology"));
        assert_eq!(k("Beta Electrnics Traidng"), k("Beta Electronics Trading"));
        assert_eq!(
            k("Gamma Internatonal Hlodings"),
            k("Gamma International Holdings")
        );
        assert_eq!(k("Delta Semicodnuctor"), k("Delta Semiconductor"));
        let c = normalize("Omega Coropration");
        assert_eq!(c.tokens[1].kind, TokenKind::LegalForm, "{:?}", c.tokens);
        // Distinctive words stay themselves: short words, two slips, another first letter.
        assert_eq!(k("Tecno Holdings"), "tecno hldg");
        assert_eq!(k("Electra Systems"), "electra systems");
        assert_eq!(k("Rechnology"), "rechnology");
        assert!(within_one_edit(b"trading", b"traidng"));
        assert!(!within_one_edit(b"trading", b"tirdang"));
    }

    #[test]
    fn full_width_and_accents_fold() {
        assert_eq!(
            normalize("ＳＯＣＩÉＴÉ  Générale").key(),
            "societe generale"
        );
    }

    #[test]
    fn other_scripts_transliterate() {
        assert_eq!(normalize("Иван Петров").key(), "ivan petrov");
        assert_eq!(normalize("华为技术").core(), "hua wei ji shu");
    }

    #[test]
    fn legal_forms_are_kept_as_legal_forms() {
        let n = normalize("Alpha Technologies Pte. Ltd.");
        assert_eq!(n.core(), "alpha tech");
        assert_eq!(n.legal_forms(), vec!["pte_ltd"]);
        let c = normalize("华为技术有限公司");
        assert_eq!(c.core(), "hua wei ji shu");
        assert_eq!(c.legal_forms(), vec!["co_ltd"]);
        assert_eq!(normalize("ООО Ромашка").legal_forms(), vec!["ooo"]);
        assert_eq!(
            normalize("Megaspeed Sdn Bhd").legal_forms(),
            vec!["sdn_bhd"]
        );
    }

    #[test]
    fn a_short_form_inside_a_name_is_a_word() {
        assert_eq!(normalize("SA Tech Holdings").core(), "sa tech hldg");
        assert_eq!(normalize("Banco SA").legal_forms(), vec!["sa"]);
    }

    #[test]
    fn scripts_are_recorded_and_hangul_splits_into_syllables() {
        let n = normalize("김정은");
        assert_eq!(n.key(), "gim jeong eun");
        assert!(n.tokens.iter().all(|t| t.script == Script::Hangul));
        let m = normalize("محمد Ali");
        assert_eq!(m.tokens[0].script, Script::Abjad);
        assert_eq!(m.tokens[1].script, Script::Latin);
    }

    #[test]
    fn digits_are_kept() {
        assert_ne!(
            normalize("BELLETECH CORP").core(),
            normalize("11420 CORP.").core()
        );
        assert_eq!(normalize("11420 CORP.").tokens[0].kind, TokenKind::Number);
    }

    #[test]
    fn abbreviations_meet_their_long_forms() {
        assert_eq!(
            normalize("Global Comm Grp Intl Srvces").core(),
            normalize("Global Communications Group International Services").core()
        );
    }

    #[test]
    fn numbers_in_words_and_ordinals_are_numbers() {
        for (a, b) in [
            ("Brigade Forty-Four", "Brigade 44"),
            ("Brigade Fourty four", "Brigade 44"),
            ("Three Percenters", "3 Percenters"),
            ("1st International Bank", "First International Bank"),
            ("Twenty First Century Ltd", "21st Century Ltd"),
        ] {
            assert_eq!(normalize(a).core(), normalize(b).core(), "{a} / {b}");
        }
        // Words that only begin like numbers stay words.
        assert_ne!(
            normalize("Tenet Holdings").core(),
            normalize("10 Holdings").core()
        );
        assert_ne!(normalize("Seconda SpA").core(), normalize("2 SpA").core());
    }
}
