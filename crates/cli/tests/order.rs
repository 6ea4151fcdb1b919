//! The order desk through the CLI and through the API gives the same decision and reasons.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

mod common;
use common::serve;

fn earlier() -> Value {
    json!({
        "order_id": "SO-2026-0101", "order_date": "2026-02-02", "item": "H100-SXM",
        "quantity": 8, "bill_to_name": "Lionsgate Compute Pte. Ltd.",
        "bill_to_address": "18 Pasir Panjang Road, #07-01, Singapore 117438",
        "bill_to_country": "SG", "ship_to_country": "SG", "ship_to_type": "datacenter",
        "end_user_name": "Lionsgate Compute Pte. Ltd.", "end_user_country": "SG",
        "customer_since": "2021-05-01"
    })
}

fn held() -> Value {
    json!({
        "order_id": "SO-2026-0142", "order_date": "2026-03-02", "item": "H100-SXM",
        "quantity": 64, "bill_to_name": "Harbourline Distribution Pte. Ltd.",
        "bill_to_address": "18 Pasir Panjang Road #07-01 Singapore 117438",
        "bill_to_country": "SG", "ship_to_name": "Harbourline Distribution Pte. Ltd.",
        "ship_to_country": "SG", "ship_to_type": "distributor",
        "payer_name": "Kowloon Bay Trading Ltd", "payer_country": "HK",
        "customer_since": "2026-01-10"
    })
}

/// `chipwatch order check - --db DB --json` with the order on standard input.
fn check(db: &std::path::Path, order: &Value) -> (i32, Value, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chipwatch"))
        .args([
            "order",
            "check",
            "-",
            "--json",
            "--db",
            db.to_str().unwrap(),
        ])
        .env_remove("CHIPWATCH_LISTS")
        .env("HOME", db.parent().unwrap())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(order.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), v, stderr)
}

/// What must agree: the verdict and every reason.
fn essence(d: &Value) -> Value {
    json!({"verdict": d["verdict"], "reasons": d["reasons"], "noted": d["noted"], "classification": d["classification"]})
}

#[test]
fn the_same_order_through_the_cli_and_the_api_gives_the_same_decision() {
    let dir = tempfile::tempdir().unwrap();
    let (code, first, err) = check(&dir.path().join("cli.db"), &earlier());
    assert_eq!(code, 0, "proceed exits 0: {err}");
    assert_eq!(first["verdict"], "proceed");
    let (code, cli, err) = check(&dir.path().join("cli.db"), &held());
    assert_eq!(code, 3, "a hold exits 3: {err}");
    assert_eq!(cli["verdict"], "hold", "{cli:#}");
    assert!(cli["alert"].as_i64().is_some());

    // The API, on a store of its own.
    let api_db = dir.path().join("api.db");
    let server = serve(&api_db, &["--no-demo"]);
    let (base, token) = (&server.base, &server.token);
    let post = |order: &Value| -> Value {
        let r = ureq::post(&format!("{base}/v1/orders"))
            .set("Authorization", &format!("Bearer {token}"))
            .send_json(order.clone());
        match r {
            Ok(r) => r.into_json().unwrap(),
            Err(ureq::Error::Status(c, r)) => panic!("{c}: {}", r.into_string().unwrap()),
            Err(e) => panic!("{e}"),
        }
    };
    post(&earlier());
    let api = post(&held());
    // An invalid order is refused with the field named.
    let bad = ureq::post(&format!("{base}/v1/orders"))
        .set("Authorization", &format!("Bearer {token}"))
        .send_json(json!({"order_id": "X", "order_date": "2026-02-30", "item": "H100-SXM", "quantity": 1, "ship_to_country": "SG"}));
    match bad {
        Err(ureq::Error::Status(400, r)) => {
            let body = r.into_string().unwrap();
            assert!(body.contains("order_date"), "{body}");
        }
        other => panic!("expected 400, got {other:?}"),
    }
    drop(server);
    assert_eq!(essence(&cli), essence(&api), "CLI {cli:#}\nAPI {api:#}");

    // The CLI names the field of an invalid order and exits 2.
    let (code, _, err) = check(
        &dir.path().join("cli.db"),
        &json!({"order_id": "X", "order_date": "2026-03-02", "item": "H100-SXM", "quantity": "many", "ship_to_country": "SG"}),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("quantity"), "{err}");
}
