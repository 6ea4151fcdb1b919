//! The HTTP API over loopback: authentication and roles on every endpoint, 4xx for bad
//! bodies, screening (native, Watchman-style, yente-style), dispositions in the audit trail.

use std::sync::Arc;

use chipwatch_server::{AppState, openapi};
use chipwatch_store::{Role, Store};

struct Server {
    base: String,
    admin: String,
    analyst: String,
    reviewer: String,
    viewer: String,
}

fn start(rate_limit: u32) -> Server {
    let screener = chipwatch_assess::eval::sample_screener();
    let store = Store::open_memory().unwrap();
    let admin = store.create_token("root", Role::Admin, "test").unwrap();
    let analyst = store.create_token("ana", Role::Analyst, "test").unwrap();
    let reviewer = store.create_token("ben", Role::Reviewer, "test").unwrap();
    let viewer = store.create_token("val", Role::Viewer, "test").unwrap();
    chipwatch_server::seed_demo(&store, &screener).unwrap();
    let state = Arc::new(AppState::new(
        store,
        screener,
        vec!["sample_csl.csv".into()],
        rate_limit,
    ));
    let addr = chipwatch_server::spawn_local(state).unwrap();
    Server {
        base: format!("http://{addr}"),
        admin,
        analyst,
        reviewer,
        viewer,
    }
}

fn call(method: &str, url: &str, token: Option<&str>, body: Option<(&str, &str)>) -> (u16, String) {
    let agent = ureq::AgentBuilder::new().redirects(0).build();
    let mut req = agent.request(method, url);
    if let Some(t) = token {
        req = req.set("Authorization", &format!("Bearer {t}"));
    }
    let res = match body {
        Some((ct, b)) => req.set("Content-Type", ct).send_string(b),
        None => req.call(),
    };
    match res {
        Ok(r) => (r.status(), r.into_string().unwrap_or_default()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap_or_default()),
        Err(e) => panic!("{method} {url}: {e}"),
    }
}

/// POST `len` bytes of JSON with `Expect: 100-continue`: the status and body of the answer to
/// the headers, or of the request once the server asked for the body.
fn expect_continue(url: &str, token: &str, len: usize) -> (u16, String) {
    use std::io::{Read, Write};
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let mut s = std::net::TcpStream::connect(host).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    write!(
        s,
        "POST /{path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {len}\r\nExpect: 100-continue\r\n\
         Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut buf = [0u8; 4096];
    let n = s.read(&mut buf).unwrap();
    let head = String::from_utf8_lossy(&buf[..n]).to_string();
    let mut answer = head.clone();
    if head.starts_with("HTTP/1.1 100") {
        let body = format!("{{\"name\": \"{}\"}}", "a".repeat(len.saturating_sub(12)));
        let _ = s.write_all(&body.as_bytes()[..len.min(body.len())]);
        answer.clear();
        let _ = s.read_to_string(&mut answer);
    } else {
        let mut more = String::new();
        let _ = s.read_to_string(&mut more);
        answer.push_str(&more);
    }
    let code = answer
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (code, answer)
}

fn every_endpoint() -> Vec<(String, String)> {
    let spec = openapi::spec();
    let mut out = Vec::new();
    for (path, ops) in spec["paths"].as_object().unwrap() {
        for (method, op) in ops.as_object().unwrap() {
            if op.get("security").is_some() {
                out.push((
                    method.to_uppercase(),
                    path.replace("{id}", "1").replace("{dataset}", "default"),
                ));
            }
        }
    }
    out
}

#[test]
fn health_readiness_and_the_openapi_document_are_public() {
    let s = start(1000);
    assert_eq!(
        call("GET", &format!("{}/healthz", s.base), None, None).0,
        200
    );
    let (code, body) = call("GET", &format!("{}/readyz", s.base), None, None);
    assert_eq!(code, 200, "{body}");
    assert!(body.contains("\"ready\":true"));
    let (code, body) = call("GET", &format!("{}/openapi.json", s.base), None, None);
    assert_eq!(code, 200);
    assert!(body.contains("/v1/screen"));
}

#[test]
fn every_endpoint_refuses_requests_without_a_valid_token() {
    let s = start(1000);
    let endpoints = every_endpoint();
    assert!(endpoints.len() >= 15);
    for (m, p) in &endpoints {
        let url = format!("{}{p}", s.base);
        let body = (m == "POST").then_some(("application/json", "{}"));
        let (code, text) = call(m, &url, None, body);
        assert_eq!(code, 401, "{m} {p}: {text}");
        assert!(text.contains("\"error\""), "{m} {p}: {text}");
        let (code, _) = call(m, &url, Some("cw_0000"), body);
        assert_eq!(code, 401, "{m} {p} with an unknown token");
    }
}

#[test]
fn roles_below_what_an_endpoint_needs_are_refused() {
    let s = start(1000);
    let spec = openapi::spec();
    for (m, p) in every_endpoint() {
        let op = &spec["paths"][p
            .replace("/1", "/{id}")
            .replace("/default", "/{dataset}")
            .as_str()][m.to_lowercase().as_str()];
        let needs = op["description"].as_str().unwrap();
        let below: Vec<&str> = if needs.contains("admin role") {
            vec![&s.viewer, &s.analyst, &s.reviewer]
        } else if needs.contains("reviewer role") {
            vec![&s.viewer, &s.analyst]
        } else if needs.contains("analyst role") {
            vec![&s.viewer]
        } else {
            vec![]
        };
        for t in below {
            let body = (m == "POST").then_some(("application/json", "{}"));
            let (code, text) = call(&m, &format!("{}{p}", s.base), Some(t), body);
            assert_eq!(code, 403, "{m} {p}: {text}");
        }
    }
}

#[test]
fn bad_bodies_get_a_4xx_with_a_message() {
    let s = start(1000);
    let url = format!("{}/v1/screen", s.base);
    let (code, text) = call(
        "POST",
        &url,
        Some(&s.analyst),
        Some(("application/json", "{\"name\": ")),
    );
    assert_eq!(code, 400, "{text}");
    assert!(text.contains("error"));
    let (code, _) = call(
        "POST",
        &url,
        Some(&s.analyst),
        Some(("text/plain", "name=x")),
    );
    assert_eq!(code, 415);
    // A body over the limit is refused on its Content-Length. The client asks first
    // (`Expect: 100-continue`), as large uploads should: had it sent the 2 MiB anyway, the
    // server's close could reset the connection before the 413 is read.
    let (code, text) = expect_continue(&url, &s.analyst, 2 << 20);
    assert_eq!(code, 413, "{text}");
    let (code, text) = call(
        "POST",
        &url,
        Some(&s.analyst),
        Some(("application/json", "{\"name\": \"   \"}")),
    );
    assert_eq!(code, 400);
    assert!(text.contains("name is required"));
    let (code, _) = call(
        "POST",
        &format!("{}/v1/alerts/xyz/disposition", s.base),
        Some(&s.reviewer),
        Some((
            "application/json",
            "{\"decision\":\"cleared\",\"reason\":\"x\"}",
        )),
    );
    assert_eq!(code, 400);
    let (code, text) = call(
        "POST",
        &format!("{}/v1/alerts/1/disposition", s.base),
        Some(&s.reviewer),
        Some((
            "application/json",
            "{\"decision\":\"ignored\",\"reason\":\"x\"}",
        )),
    );
    assert_eq!(code, 400);
    assert!(text.contains("cleared, escalated"));
    let (code, _) = call(
        "GET",
        &format!("{}/v1/alerts/99999", s.base),
        Some(&s.viewer),
        None,
    );
    assert_eq!(code, 404);
    let (code, _) = call(
        "POST",
        &format!("{}/v1/classify", s.base),
        Some(&s.analyst),
        Some(("application/json", "{\"item\":\"Z9000\"}")),
    );
    assert_eq!(code, 400);
}

#[test]
fn screening_native_watchman_and_yente_shapes() {
    let s = start(1000);
    let (code, text) = call(
        "GET",
        &format!("{}/v1/screen?name=CYBERINN%20PTE.%20LTD.", s.base),
        Some(&s.analyst),
        None,
    );
    assert_eq!(code, 200, "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["hits"][0]["entry_name"], "Cyberinn PTE LTD");
    assert!(
        v["hits"][0]["explanation"]
            .as_str()
            .unwrap()
            .contains("cyberinn=cyberinn")
    );
    let (code, text) = call(
        "GET",
        &format!("{}/v2/search?name=Cyberinn&limit=3", s.base),
        Some(&s.analyst),
        None,
    );
    assert_eq!(code, 200, "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["entities"][0]["sourceList"], "EL");
    assert!(v["entities"][0]["match"].as_f64().unwrap() > 0.9);
    let (code, _) = call(
        "GET",
        &format!("{}/v2/search?name=x&bogus=1", s.base),
        Some(&s.analyst),
        None,
    );
    assert_eq!(code, 400);
    let body = r#"{"queries":{"q1":{"schema":"Company","properties":{"name":["Microsun Electronics Pte Ltd"],"country":["SG"]}}}}"#;
    let (code, text) = call(
        "POST",
        &format!("{}/match/default", s.base),
        Some(&s.analyst),
        Some(("application/json", body)),
    );
    assert_eq!(code, 200, "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let r = &v["responses"]["q1"]["results"][0];
    assert_eq!(r["match"], true);
    assert!(r["caption"].as_str().unwrap().starts_with("Microsun"));
}

#[test]
fn a_disposition_lands_in_the_audit_trail_and_the_chain_verifies() {
    let s = start(1000);
    let (code, text) = call(
        "GET",
        &format!("{}/v1/alerts?status=open", s.base),
        Some(&s.viewer),
        None,
    );
    assert_eq!(code, 200);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let id = v["alerts"][0]["id"].as_i64().unwrap();
    let (code, text) = call(
        "POST",
        &format!("{}/v1/alerts/{id}/disposition", s.base),
        Some(&s.reviewer),
        Some((
            "application/json",
            "{\"decision\":\"escalated\",\"reason\":\"payer in a third country\"}",
        )),
    );
    assert_eq!(code, 200, "{text}");
    let (_, text) = call(
        "GET",
        &format!("{}/v1/alerts/{id}", s.base),
        Some(&s.viewer),
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["alert"]["status"], "escalated");
    assert_eq!(v["audit"][0]["action"], "alert.dispose");
    assert_eq!(v["audit"][0]["actor"], "ben");
    let (_, text) = call(
        "GET",
        &format!("{}/v1/audit/verify", s.base),
        Some(&s.viewer),
        None,
    );
    assert!(text.contains("\"ok\":true"), "{text}");
    // Findings of assessed ledgers.
    let ledger = "order_id,order_date,item,quantity,ship_to_country,ship_to_type,bill_to_name,payer_name,payer_country,installation_declined\nA1,2024-05-01,HGX-H100-8GPU,16,SG,forwarder,Alpha Pte Ltd,Harbour Star Ltd,AE,true\n";
    let (code, text) = call(
        "POST",
        &format!("{}/v1/assess?alert_at=0.5", s.base),
        Some(&s.analyst),
        Some(("text/csv", ledger)),
    );
    assert_eq!(code, 200, "{text}");
    assert!(
        text.contains("\"alerts_opened\":[") && !text.contains("\"alerts_opened\":[]"),
        "{text}"
    );
    let (code, text) = call(
        "GET",
        &format!("{}/v1/findings", s.base),
        Some(&s.viewer),
        None,
    );
    assert_eq!(code, 200);
    assert!(text.contains("diversion_network"), "{text}");
    // Admins create tokens.
    let (code, text) = call(
        "POST",
        &format!("{}/v1/tokens", s.base),
        Some(&s.admin),
        Some(("application/json", "{\"name\":\"cy\",\"role\":\"viewer\"}")),
    );
    assert_eq!(code, 200, "{text}");
}

#[test]
fn a_token_past_its_rate_limit_gets_429() {
    let s = start(5);
    let codes: Vec<u16> = (0..12)
        .map(|_| {
            call(
                "GET",
                &format!("{}/v1/alerts", s.base),
                Some(&s.viewer),
                None,
            )
            .0
        })
        .collect();
    assert!(codes.contains(&429), "{codes:?}");
    assert_eq!(codes[0], 200);
}

#[test]
fn weights_are_learned_from_the_reviewers_decisions_and_used_from_then_on() {
    let s = start(1000);
    let (_, text) = call(
        "GET",
        &format!("{}/v1/weights", s.base),
        Some(&s.viewer),
        None,
    );
    let before: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        before["origin"].as_str().unwrap().starts_with("prior"),
        "{text}"
    );
    // Reviewers clear every assess alert of the demonstration case.
    let (_, text) = call(
        "GET",
        &format!("{}/v1/alerts", s.base),
        Some(&s.viewer),
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut cleared = 0;
    for a in v["alerts"].as_array().unwrap() {
        if a["kind"] == "assess" {
            let (code, text) = call(
                "POST",
                &format!("{}/v1/alerts/{}/disposition", s.base, a["id"]),
                Some(&s.reviewer),
                Some((
                    "application/json",
                    "{\"decision\":\"cleared\",\"reason\":\"known customer\"}",
                )),
            );
            assert_eq!(code, 200, "{text}");
            cleared += 1;
        }
    }
    assert!(cleared > 0);
    let (code, text) = call(
        "POST",
        &format!("{}/v1/weights/learn", s.base),
        Some(&s.admin),
        None,
    );
    assert_eq!(code, 200, "{text}");
    let after: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(after["examples"], cleared);
    assert_eq!(after["escalated"], 0);
    // Every flag the cleared alerts carried lost weight; the intercept fell.
    let lost = after["flags"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["reviewed"].as_u64().unwrap() > 0)
        .all(|f| f["log_lr"].as_f64().unwrap() < f["prior_log_lr"].as_f64().unwrap());
    assert!(lost, "{text}");
    assert!(after["intercept"].as_f64().unwrap() < before["intercept"].as_f64().unwrap());
    let (_, text) = call(
        "GET",
        &format!("{}/v1/weights", s.base),
        Some(&s.viewer),
        None,
    );
    assert!(text.contains("learned from"), "{text}");
    let (_, text) = call(
        "GET",
        &format!("{}/v1/audit", s.base),
        Some(&s.viewer),
        None,
    );
    assert!(text.contains("weights.learn"), "{text}");
}

#[test]
fn screening_answers_with_the_parties_listed_owners_cover() {
    let screener = chipwatch_assess::eval::sample_screener();
    let store = Store::open_memory().unwrap();
    let analyst = store.create_token("ana", Role::Analyst, "test").unwrap();
    let stakes = chipwatch_screen::ownership::read_ownership_csv(
        "owners.csv",
        "owner,owned,share_pct,as_of,source\n\
         Cyberinn Pte. Ltd.,Harbour Compute Holdings Pte Ltd,50,2024-03-01,registry\n\
         Cyberinn Pte. Ltd.,Lumen Data Systems Sdn Bhd,35,2024-03-01,registry\n\
         Harbour Compute Holdings Pte Ltd,Lumen Data Systems Sdn Bhd,25,2024-03-01,registry\n",
    )
    .unwrap();
    let state = Arc::new(
        AppState::new(store, screener, vec!["sample_csl.csv".into()], 1000).with_ownership(stakes),
    );
    let base = format!("http://{}", chipwatch_server::spawn_local(state).unwrap());
    // On a date the Affiliates rule is in force: covered, with the path.
    let (code, body) = call(
        "GET",
        &format!("{base}/v1/screen?name=Lumen%20Data%20Systems%20Sdn.%20Bhd.&date=2026-12-03"),
        Some(&analyst),
        None,
    );
    assert_eq!(code, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let a = &v["affiliates"][0];
    assert_eq!(a["status"], "covered", "{body}");
    assert_eq!(a["rule"]["id"], "BIS-AFFILIATES");
    assert!(
        a["explanation"]
            .as_str()
            .unwrap()
            .contains("25% through Harbour Compute")
    );
    // While it was suspended: nothing.
    let (_, body) = call(
        "GET",
        &format!("{base}/v1/screen?name=Lumen%20Data%20Systems%20Sdn%20Bhd&date=2026-01-15"),
        Some(&analyst),
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["affiliates"].as_array().unwrap().len(), 0, "{body}");
    // yente's /match answers for today: the covered affiliate first while the rule is in force
    // (from 2026-11-10), none before.
    let today = chrono::Utc::now().date_naive();
    let in_force = chipwatch_screen::ownership::Rule::bis().in_force(today);
    let (code, body) = call(
        "POST",
        &format!("{base}/match/default"),
        Some(&analyst),
        Some((
            "application/json",
            r#"{"queries":{"q1":{"schema":"Company","properties":{"name":["Lumen Data Systems Sdn Bhd"]}}}}"#,
        )),
    );
    assert_eq!(code, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    let first = &v["responses"]["q1"]["results"][0];
    assert_eq!(first["datasets"][0] == "BIS-AFFILIATES", in_force, "{body}");
}
