//! Any bytes as UN consolidated list XML: entries or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = std::env::temp_dir().join(format!("chipwatch-fuzz-un_xml-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("un.xml");
    if std::fs::write(&path, data).is_ok()
        && let Ok(l) = chipwatch_screen::un::read_un_xml(&path)
    {
        assert_eq!(l.entries.len(), l.per_source.values().sum::<usize>());
        assert!(l.entries.iter().all(|e| !e.name.is_empty()));
    }
});
