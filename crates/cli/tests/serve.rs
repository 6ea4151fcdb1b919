//! `chipwatch serve` as a process: 100 concurrent clients writing dispositions lose none, and
//! killing the server with SIGKILL in the middle of writes loses no acknowledged disposition
//! and leaves the audit chain valid.

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

mod common;
use common::{Serve, serve};

fn post(url: &str, token: &str, body: &str) -> Result<u16, String> {
    match ureq::post(url)
        .timeout(Duration::from_secs(30))
        .set("Authorization", &format!("Bearer {token}"))
        .set("Content-Type", "application/json")
        .send_string(body)
    {
        Ok(r) => Ok(r.status()),
        Err(ureq::Error::Status(c, _)) => Ok(c),
        Err(e) => Err(e.to_string()),
    }
}

fn open_alerts(s: &Serve) -> Vec<i64> {
    let v: serde_json::Value = ureq::get(&format!("{}/v1/alerts", s.base))
        .set("Authorization", &format!("Bearer {}", s.token))
        .call()
        .unwrap_or_else(|e| panic!("token {:?}: {e}", s.token))
        .into_json()
        .unwrap();
    v["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_i64().unwrap())
        .collect()
}

fn count_dispositions(db: &std::path::Path) -> usize {
    let out = Command::new(env!("CARGO_BIN_EXE_chipwatch"))
        .args(["audit", "verify", "--db", db.to_str().unwrap(), "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "audit verify: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
    // Each disposition is one audit entry.
    let conn_out = Command::new(env!("CARGO_BIN_EXE_chipwatch"))
        .args(["audit", "verify", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&conn_out.stdout).contains("intact"));
    v["entries"].as_u64().unwrap() as usize
}

#[test]
fn a_hundred_clients_writing_dispositions_lose_none() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cw.db");
    let s = serve(&db, &[]);
    let alerts = open_alerts(&s);
    let before = count_dispositions(&db);
    let ok = Arc::new(AtomicUsize::new(0));
    let per_client = 5;
    std::thread::scope(|sc| {
        for c in 0..100 {
            let (ok, s, alerts) = (ok.clone(), &s, &alerts);
            sc.spawn(move || {
                for k in 0..per_client {
                    let id = alerts[(c + k) % alerts.len()];
                    let body = format!(
                        "{{\"decision\":\"escalated\",\"reason\":\"client {c} write {k}\"}}"
                    );
                    if post(
                        &format!("{}/v1/alerts/{id}/disposition", s.base),
                        &s.token,
                        &body,
                    ) == Ok(200)
                    {
                        ok.fetch_add(1, Ordering::SeqCst);
                    }
                }
            });
        }
    });
    let ok = ok.load(Ordering::SeqCst);
    assert_eq!(ok, 100 * per_client, "every write acknowledged");
    drop(s);
    assert_eq!(
        count_dispositions(&db) - before,
        ok,
        "every acknowledged write is in the store"
    );
}

#[test]
fn sigkill_in_the_middle_of_writes_loses_no_acknowledged_disposition() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cw.db");
    let mut s = serve(&db, &[]);
    let alerts = open_alerts(&s);
    let before = count_dispositions(&db);
    let acked = Arc::new(Mutex::new(0usize));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let handles: Vec<_> = (0..8)
        .map(|c| {
            let (acked, stop, base, token, alerts) = (
                acked.clone(),
                stop.clone(),
                s.base.clone(),
                s.token.clone(),
                alerts.clone(),
            );
            std::thread::spawn(move || {
                let mut k = 0;
                while !stop.load(Ordering::SeqCst) {
                    let id = alerts[(c + k) % alerts.len()];
                    let body =
                        format!("{{\"decision\":\"cleared\",\"reason\":\"writer {c} #{k}\"}}");
                    match post(&format!("{base}/v1/alerts/{id}/disposition"), &token, &body) {
                        Ok(200) => *acked.lock().unwrap() += 1,
                        Ok(code) => panic!("status {code}"),
                        Err(_) => break, // the server is gone
                    }
                    k += 1;
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(1500));
    // SIGKILL: no chance to flush or clean up.
    s.child.kill().unwrap();
    s.child.wait().unwrap();
    stop.store(true, Ordering::SeqCst);
    for h in handles {
        h.join().unwrap();
    }
    let acked = *acked.lock().unwrap();
    assert!(
        acked > 10,
        "writes were under way when the server died ({acked})"
    );
    let stored = count_dispositions(&db) - before;
    assert!(stored >= acked, "{stored} stored < {acked} acknowledged");
    // At most the writes in flight at the kill are stored without an acknowledgement.
    assert!(stored <= acked + 8, "{stored} stored, {acked} acknowledged");
    // The server starts again on the same store, with the same tokens.
    let token = s.token.clone();
    drop(s);
    let mut s2 = serve(&db, &[]);
    s2.token = token;
    assert!(!open_alerts(&s2).is_empty());
}
