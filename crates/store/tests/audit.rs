//! The store on both back ends: the audit chain detects edited and deleted entries; tokens,
//! dispositions and refusals behave the same. SQLite always; PostgreSQL when
//! `CHIPWATCH_TEST_PG` names a server (`postgres://user:password@host/db`), as `.ci/run` sets
//! (with `CHIPWATCH_REQUIRE_PG=1`, its absence fails the tests).

use std::path::PathBuf;

use chipwatch_store::{Decision, Role, Store};

enum Target {
    /// The folder lives as long as the target.
    Lite {
        _dir: tempfile::TempDir,
        path: PathBuf,
    },
    Pg(String, String),
}

impl Target {
    fn open(&self) -> Store {
        match self {
            Target::Lite { path, .. } => Store::open(path).unwrap(),
            Target::Pg(url, schema) => Store::open_url(&format!("{url}?schema={schema}")).unwrap(),
        }
    }
    /// Change the database behind the store's back, as an attacker with write access would.
    fn tamper(&self, sql: &str) {
        match self {
            Target::Lite { path, .. } => {
                rusqlite::Connection::open(path)
                    .unwrap()
                    .execute_batch(sql)
                    .unwrap();
            }
            Target::Pg(url, schema) => {
                let mut c = postgres::Client::connect(url, postgres::NoTls).unwrap();
                c.batch_execute(&format!("SET search_path TO {schema}; {sql}"))
                    .unwrap();
            }
        }
    }
    fn name(&self) -> &'static str {
        match self {
            Target::Lite { .. } => "sqlite",
            Target::Pg(..) => "postgresql",
        }
    }
}

fn targets(test: &str) -> Vec<Target> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cw.db");
    let mut out = vec![Target::Lite { _dir: dir, path }];
    match std::env::var("CHIPWATCH_TEST_PG") {
        Ok(url) if !url.is_empty() => {
            let schema = format!("t_{test}_{}", std::process::id());
            let mut c = postgres::Client::connect(&url, postgres::NoTls).unwrap();
            c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"))
                .unwrap();
            out.push(Target::Pg(url, schema));
        }
        _ => assert!(
            std::env::var("CHIPWATCH_REQUIRE_PG").map_or(true, |v| v != "1"),
            "CHIPWATCH_TEST_PG is required"
        ),
    }
    out
}

fn fill(s: &Store) {
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
}

#[test]
fn a_clean_log_verifies() {
    for t in targets("clean") {
        let s = t.open();
        fill(&s);
        let r = s.verify_audit().unwrap();
        assert!(r.ok, "{}: {:?}", t.name(), r.problems);
        assert_eq!(r.entries, 7, "{}", t.name());
        assert_eq!(s.alerts(Some("escalated")).unwrap().len(), 1);
        assert_eq!(s.alerts(None).unwrap().len(), 2);
        assert_eq!(s.dispositions(None).unwrap().len(), 2);
        assert_eq!(s.dispositions(Some(1)).unwrap().len(), 1);
        assert_eq!(s.comments(1).unwrap().len(), 1);
        assert_eq!(s.evidence(1).unwrap()[0].sha256.len(), 64);
        let log = s.audit_log(Some(("alert", "1")), 10).unwrap();
        assert_eq!(log[0].action, "alert.dispose", "{}", t.name());
        assert_eq!(s.audit_log(None, 3).unwrap().len(), 3);
        assert_eq!(s.alert_counts().unwrap().len(), 2);
        // Reopening keeps everything and runs no migration twice.
        drop(s);
        assert_eq!(t.open().verify_audit().unwrap().entries, 7);
    }
}

#[test]
fn an_edited_entry_is_detected() {
    for t in targets("edited") {
        fill(&t.open());
        t.tamper("UPDATE audit SET payload = replace(payload, 'Entity List match', 'no match') WHERE action = 'alert.dispose' AND entity_id = '2'");
        let r = t.open().verify_audit().unwrap();
        assert!(!r.ok, "{}", t.name());
        assert!(
            r.problems.iter().any(|p| p.contains("altered")),
            "{}: {:?}",
            t.name(),
            r.problems
        );
    }
}

#[test]
fn a_deleted_entry_is_detected() {
    for t in targets("deleted") {
        fill(&t.open());
        t.tamper("DELETE FROM audit WHERE seq = 4");
        let r = t.open().verify_audit().unwrap();
        assert!(!r.ok, "{}", t.name());
        assert!(
            r.problems.iter().any(|p| p.contains("missing")),
            "{}: {:?}",
            t.name(),
            r.problems
        );
    }
}

#[test]
fn tokens_are_stored_hashed_and_carry_roles() {
    for t in targets("tokens") {
        let s = t.open();
        let tok = s.create_token("ben", Role::Reviewer, "admin").unwrap();
        assert!(tok.starts_with("cw_"));
        let p = s.authenticate(&tok).unwrap().unwrap();
        assert_eq!(p.role, Role::Reviewer);
        assert!(s.authenticate("cw_wrong").unwrap().is_none());
        assert!(
            s.create_token("ben", Role::Admin, "admin").is_err(),
            "names are unique"
        );
    }
    assert!(Role::Reviewer > Role::Analyst && Role::Admin > Role::Reviewer);
}

#[test]
fn invalid_changes_are_refused() {
    for t in targets("invalid") {
        let s = t.open();
        assert!(s.dispose(99, Decision::Cleared, "ben", "x").is_err());
        let a = s
            .add_alert(None, "screening", "X", 0.9, "{}", "ana")
            .unwrap();
        assert!(s.dispose(a, Decision::Cleared, "ben", "  ").is_err());
        assert!(
            s.add_alert(None, "screening", "X", 0.9, "not json", "ana")
                .is_err()
        );
        assert!(
            s.add_alert(Some(77), "screening", "X", 0.9, "{}", "ana")
                .is_err()
        );
        assert!(s.comment(42, "ana", "x").is_err());
        // Refused changes leave no audit entry behind.
        assert_eq!(s.verify_audit().unwrap().entries, 1, "{}", t.name());
    }
}

#[test]
fn parties_and_list_deltas_on_both_back_ends() {
    use chipwatch_store::PartyResult;
    for t in targets("parties") {
        let s = t.open();
        let p = |key: &str, name: &str, score: f64, entry: &str| PartyResult {
            party_key: key.into(),
            name: name.into(),
            country: "SG".into(),
            origin: "api".into(),
            best_score: score,
            best_entry: entry.into(),
            result: serde_json::json!({"hits": []}),
        };
        let rows: Vec<PartyResult> = (0..250)
            .map(|i| p(&format!("k{i}"), &format!("Party {i}"), 0.0, ""))
            .collect();
        assert_eq!(s.remember_parties(&rows).unwrap(), 250, "{}", t.name());
        // Seen again: updated in place, first sighting kept.
        let first = s.parties(0, 1).unwrap()[0].first_seen.clone();
        s.remember_parties(&[p("k0", "Party 0", 0.91, "EL e1")])
            .unwrap();
        assert_eq!(s.party_count().unwrap(), 250, "{}", t.name());
        let p0 = &s.parties(0, 1).unwrap()[0];
        assert_eq!((p0.best_score, p0.best_entry.as_str()), (0.91, "EL e1"));
        assert_eq!(p0.first_seen, first);
        // Paging through them all.
        let (mut after, mut n) = (0, 0);
        loop {
            let page = s.parties(after, 100).unwrap();
            let Some(last) = page.last() else { break };
            after = last.id;
            n += page.len();
        }
        assert_eq!(n, 250, "{}", t.name());
        assert_eq!(s.parties_hitting(&["EL e1".into()]).unwrap().len(), 1);
        let id = s
            .record_delta(
                "csl",
                "v1",
                "v2",
                &serde_json::json!({"added": 3}),
                250,
                1,
                0,
                "monitor",
            )
            .unwrap();
        let d = &s.deltas(5).unwrap()[0];
        assert_eq!(
            (d.id, d.rescreened, d.summary["added"].as_i64()),
            (id, 250, Some(3))
        );
        assert!(s.verify_audit().unwrap().ok, "{}", t.name());
    }
}

#[test]
fn orders_find_their_history_and_a_hold_opens_an_alert_in_the_customers_case() {
    use chipwatch_store::{HoldAlert, NewOrder, OrderKeys};
    for t in targets("orders") {
        let s = t.open();
        let order = |id: &str, buyer: &str, address: &str, payer: &str, verdict: &str| NewOrder {
            order_id: id.into(),
            order_date: "2026-03-01".into(),
            buyer: buyer.into(),
            keys: OrderKeys {
                buyer: buyer.to_lowercase(),
                address: address.into(),
                payer: payer.into(),
                ..OrderKeys::default()
            },
            verdict: verdict.into(),
            record: serde_json::json!({"order_id": id}),
            decision: serde_json::json!({"verdict": verdict, "reasons": []}),
        };
        s.add_order(
            &order("A-1", "Alpha", "1 harbour rd", "", "proceed"),
            None,
            "ana",
        )
        .unwrap();
        s.add_order(
            &order("B-1", "Beta", "9 other st", "hk pay", "proceed"),
            None,
            "ana",
        )
        .unwrap();
        s.add_order(
            &order("A-2", "Alpha", "1 harbour rd", "", "proceed"),
            None,
            "ana",
        )
        .unwrap();
        // A newcomer at Alpha's address, paid by Beta's payer.
        let keys = OrderKeys {
            buyer: "gamma".into(),
            address: "1 harbour rd".into(),
            payer: "hk pay".into(),
            ..OrderKeys::default()
        };
        let h = s.order_history(&keys, 50).unwrap();
        assert_eq!((h.customer_orders, h.first_order.as_deref()), (0, None));
        let ids: Vec<&str> = h.orders.iter().map(|o| o.order_id.as_str()).collect();
        assert_eq!(ids, ["A-2", "A-1", "B-1"], "{}", t.name());
        assert!(h.shared.iter().all(|(_, w)| w.len() == 1));
        // Its hold opens an alert in a new case; a second hold of the customer joins that case.
        let hold = HoldAlert {
            case_title: "Orders of Gamma".into(),
            subject: "order G-1 of Gamma".into(),
            score: 0.9,
            details: serde_json::json!({"reasons": 2}),
        };
        let (_, a1) = s
            .add_order(
                &order("G-1", "Gamma", "1 harbour rd", "hk pay", "hold"),
                Some(&hold),
                "ana",
            )
            .unwrap();
        let (_, a2) = s
            .add_order(
                &order("G-2", "Gamma", "1 harbour rd", "hk pay", "hold"),
                Some(&hold),
                "ana",
            )
            .unwrap();
        let (a1, a2) = (a1.unwrap(), a2.unwrap());
        assert_eq!(s.alert(a1).unwrap().case_id, s.alert(a2).unwrap().case_id);
        let case = s.alert(a1).unwrap().case_id.unwrap();
        let mut in_case: Vec<i64> = s
            .alerts_in_case(case)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect();
        in_case.sort_unstable();
        assert_eq!(in_case, [a1, a2], "{}", t.name());
        assert_eq!(s.alert(a1).unwrap().kind, "order");
        let h = s
            .order_history(
                &OrderKeys {
                    buyer: "gamma".into(),
                    ..keys
                },
                50,
            )
            .unwrap();
        assert_eq!(h.customer_orders, 2, "{}", t.name());
        assert_eq!(s.order_count().unwrap(), 5);
        assert_eq!(s.orders(0, 2).unwrap()[0].order_id, "G-2");
        // The reviewer closes it; every step is in the chain.
        s.dispose(a1, Decision::Escalated, "ben", "payer unexplained")
            .unwrap();
        assert_eq!(s.alert(a1).unwrap().status, "escalated");
        let log = s.audit_log(None, 100).unwrap();
        assert!(log.iter().any(|e| e.action == "order.decided"));
        assert!(s.verify_audit().unwrap().ok, "{}", t.name());
        // An order with no id is refused.
        assert!(
            s.add_order(&order(" ", "Gamma", "", "", "proceed"), None, "ana")
                .is_err()
        );
        // A verdict the schema does not know is refused by the database.
        assert!(
            s.add_order(&order("X-1", "Gamma", "", "", "maybe"), None, "ana")
                .is_err()
        );
    }
}
