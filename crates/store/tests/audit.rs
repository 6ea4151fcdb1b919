//! The audit chain detects edited and deleted entries; dispositions are durable.

use chipwatch_store::{Decision, Role, Store};

fn filled(path: &std::path::Path) -> Store {
    let s = Store::open(path).unwrap();
    let case = s.create_case("Harbour Star network", "ana").unwrap();
    let a1 = s
        .add_alert(
            Some(case),
            "assess",
            "Zenith Infotech Pte Ltd",
            0.97,
            r#"{"flags":["K8","N3"]}"#,
            "ana",
        )
        .unwrap();
    let a2 = s
        .add_alert(
            Some(case),
            "screening",
            "Cyberinn Pte Ltd",
            1.0,
            r#"{"entry":"EL 9c80"}"#,
            "ana",
        )
        .unwrap();
    s.dispose(
        a1,
        Decision::Escalated,
        "ben",
        "third-country payer behind six buyers",
    )
    .unwrap();
    s.dispose(a2, Decision::Blocked, "ben", "Entity List match")
        .unwrap();
    s.comment(case, "ana", "asked the distributor for end-user statements")
        .unwrap();
    s.add_evidence(
        case,
        "end-user statement",
        "file:///cases/1/eus.pdf",
        b"%PDF-1.7 ...",
        "ana",
    )
    .unwrap();
    s
}

#[test]
fn a_clean_log_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let s = filled(&dir.path().join("cw.db"));
    let r = s.verify_audit().unwrap();
    assert!(r.ok, "{:?}", r.problems);
    assert_eq!(r.entries, 7);
    assert_eq!(s.alerts(Some("escalated")).unwrap().len(), 1);
    assert_eq!(s.dispositions(None).unwrap().len(), 2);
    let log = s.audit_log(Some(("alert", "1")), 10).unwrap();
    assert_eq!(log[0].action, "alert.dispose");
}

#[test]
fn an_edited_entry_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cw.db");
    drop(filled(&path));
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute("UPDATE audit SET payload = replace(payload, 'Entity List match', 'no match') WHERE action = 'alert.dispose' AND entity_id = '2'", []).unwrap();
    drop(c);
    let r = Store::open(&path).unwrap().verify_audit().unwrap();
    assert!(!r.ok);
    assert!(
        r.problems.iter().any(|p| p.contains("altered")),
        "{:?}",
        r.problems
    );
}

#[test]
fn a_deleted_entry_is_detected() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cw.db");
    drop(filled(&path));
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute("DELETE FROM audit WHERE seq = 4", []).unwrap();
    drop(c);
    let r = Store::open(&path).unwrap().verify_audit().unwrap();
    assert!(!r.ok);
    assert!(
        r.problems.iter().any(|p| p.contains("missing")),
        "{:?}",
        r.problems
    );
}

#[test]
fn tokens_are_stored_hashed_and_carry_roles() {
    let s = Store::open_memory().unwrap();
    let t = s.create_token("ben", Role::Reviewer, "admin").unwrap();
    assert!(t.starts_with("cw_"));
    let p = s.authenticate(&t).unwrap().unwrap();
    assert_eq!(p.role, Role::Reviewer);
    assert!(s.authenticate("cw_wrong").unwrap().is_none());
    assert!(Role::Reviewer > Role::Analyst && Role::Admin > Role::Reviewer);
}

#[test]
fn invalid_changes_are_refused() {
    let s = Store::open_memory().unwrap();
    assert!(s.dispose(99, Decision::Cleared, "ben", "x").is_err());
    let a = s
        .add_alert(None, "screening", "X", 0.9, "{}", "ana")
        .unwrap();
    assert!(s.dispose(a, Decision::Cleared, "ben", "  ").is_err());
    assert!(
        s.add_alert(None, "screening", "X", 0.9, "not json", "ana")
            .is_err()
    );
    assert!(s.comment(42, "ana", "x").is_err());
}
