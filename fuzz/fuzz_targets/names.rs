//! Any two strings as names: normalised and scored in [0, 1], never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (a, b) = text.split_at(text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i));
    let c = chipwatch_screen::matcher::compare_names(a, b);
    assert!((0.0..=1.0).contains(&c.score), "{} for {a:?} / {b:?}", c.score);
    let _ = c.explain();
});
