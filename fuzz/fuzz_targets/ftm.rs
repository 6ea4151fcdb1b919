//! Any bytes as FollowTheMoney JSON lines: entries or warnings, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("chipwatch-fuzz-ftm-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("entities.ftm.json");
    if std::fs::write(&path, data).is_ok()
        && let Ok(l) = chipwatch_screen::json::read_ftm(&path)
    {
        assert_eq!(l.entries.len(), l.per_source.values().sum::<usize>());
        assert!(l.entries.iter().all(|e| !e.name.is_empty()));
    }
});
