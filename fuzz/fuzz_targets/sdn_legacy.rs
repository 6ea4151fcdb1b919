//! Any bytes as OFAC legacy sdn.csv, alt.csv and add.csv (split at 0xFF bytes): entries or warnings, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("chipwatch-fuzz-sdn-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let mut parts = data.splitn(3, |&b| b == 0xFF);
    for name in ["sdn.csv", "alt.csv", "add.csv"] {
        let _ = std::fs::write(dir.join(name), parts.next().unwrap_or(&[]));
    }
    if let Ok(l) = chipwatch_screen::lists::read_sdn_legacy(&dir) {
        assert_eq!(l.entries.len(), l.per_source.values().sum::<usize>());
    }
});
