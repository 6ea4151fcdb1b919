//! The web interface in a real browser: Debian's Chromium, driven through ChromeDriver
//! (WebDriver). Log in, screen a name and see the hit explained, disposition an alert, see it
//! in the audit trail. Screenshots go to `target/browser-artifacts/`.
//!
//! Skips itself when `chromedriver` or `chromium` is not installed, unless
//! `CHIPWATCH_REQUIRE_BROWSER=1` (as `.ci/run` sets), when their absence fails the test.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chipwatch_server::AppState;
use chipwatch_store::{Role, Store};
use serde_json::{Value, json};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Driver {
    child: Child,
    base: String,
    session: String,
    artifacts: PathBuf,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = ureq::delete(&format!("{}/session/{}", self.base, self.session)).call();
        let _ = self.child.kill();
    }
}

fn wd(method: &str, url: &str, body: Option<Value>) -> Value {
    let req = ureq::request(method, url).timeout(Duration::from_secs(60));
    let res = match body {
        Some(b) => req
            .set("Content-Type", "application/json")
            .send_string(&b.to_string()),
        None => req.call(),
    };
    let text = match res {
        Ok(r) => r.into_string().unwrap(),
        Err(ureq::Error::Status(code, r)) => panic!(
            "{method} {url}: {code} {}",
            r.into_string().unwrap_or_default()
        ),
        Err(e) => panic!("{method} {url}: {e}"),
    };
    serde_json::from_str::<Value>(&text).unwrap()["value"].clone()
}

fn decode_base64(s: &str) -> Vec<u8> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for c in s.bytes().filter_map(val) {
        acc = (acc << 6) | c;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

impl Driver {
    fn start() -> Option<Driver> {
        let required = std::env::var("CHIPWATCH_REQUIRE_BROWSER").is_ok_and(|v| v == "1");
        let have = |p: &str| Path::new(p).exists();
        if !have("/usr/bin/chromedriver") || !have("/usr/bin/chromium") {
            assert!(
                !required,
                "chromium and chromedriver are required (apt-get install chromium chromium-driver)"
            );
            eprintln!(
                "browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver not installed"
            );
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("/usr/bin/chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let base = format!("http://127.0.0.1:{port}");
        let t = Instant::now();
        while ureq::get(&format!("{base}/status")).call().is_err() {
            assert!(
                t.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap().keep();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": "/usr/bin/chromium",
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000",
                         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         format!("--user-data-dir={}", profile.display())]
            }
        }}});
        let session = wd("POST", &format!("{base}/session"), Some(caps))["sessionId"]
            .as_str()
            .unwrap()
            .to_string();
        let artifacts =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser-artifacts");
        std::fs::create_dir_all(&artifacts).unwrap();
        Some(Driver {
            child,
            base,
            session,
            artifacts,
        })
    }
    fn url(&self, path: &str) -> String {
        format!("{}/session/{}{path}", self.base, self.session)
    }
    fn go(&self, to: &str) {
        wd("POST", &self.url("/url"), Some(json!({"url": to})));
    }
    fn find(&self, css: &str) -> String {
        let v = wd(
            "POST",
            &self.url("/element"),
            Some(json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT].as_str().unwrap().to_string()
    }
    fn type_into(&self, css: &str, text: &str) {
        let e = self.find(css);
        wd(
            "POST",
            &self.url(&format!("/element/{e}/value")),
            Some(json!({"text": text})),
        );
    }
    fn click(&self, css: &str) {
        let e = self.find(css);
        wd(
            "POST",
            &self.url(&format!("/element/{e}/click")),
            Some(json!({})),
        );
    }
    fn text(&self, css: &str) -> String {
        let e = self.find(css);
        wd("GET", &self.url(&format!("/element/{e}/text")), None)
            .as_str()
            .unwrap()
            .to_string()
    }
    /// Wait (up to 10 s) until the page holds `needle`: a click that submits a form returns
    /// before the next page has loaded.
    fn wait_for(&self, needle: &str) {
        let t = Instant::now();
        while !self.source().contains(needle) {
            assert!(
                t.elapsed() < Duration::from_secs(10),
                "page never showed {needle:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    fn source(&self) -> String {
        wd("GET", &self.url("/source"), None)
            .as_str()
            .unwrap()
            .to_string()
    }
    fn shot(&self, name: &str) {
        let b64 = wd("GET", &self.url("/screenshot"), None)
            .as_str()
            .unwrap()
            .to_string();
        let png = decode_base64(&b64);
        assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");
        std::fs::write(self.artifacts.join(format!("{name}.png")), png).unwrap();
    }
}

fn start_server() -> (String, String, String) {
    let screener = chipwatch_assess::eval::sample_screener();
    let store = Store::open_memory().unwrap();
    let reviewer = store.create_token("ben", Role::Reviewer, "test").unwrap();
    chipwatch_server::seed_demo(&store, &screener).unwrap();
    // A party of the riskiest assessed network, for the party page.
    let party = store
        .alerts(None)
        .unwrap()
        .into_iter()
        .find(|a| a.kind == "assess")
        .and_then(|a| {
            a.details["network_graph"]["nodes"][0]["label"]
                .as_str()
                .map(str::to_string)
        })
        .expect("the demo has an assessed network");
    let state = Arc::new(AppState::new(
        store,
        screener,
        vec!["sample_csl.csv".into()],
        1000,
    ));
    let addr = chipwatch_server::spawn_local(state).unwrap();
    (format!("http://{addr}"), reviewer, party)
}

#[test]
fn log_in_screen_disposition_and_see_the_audit_trail() {
    let Some(d) = Driver::start() else { return };
    let (base, token, party) = start_server();

    // Without a login, pages send the browser to the login form.
    d.go(&format!("{base}/alerts"));
    assert!(d.source().contains("id=\"token\""));
    d.type_into("#token", "cw_not_a_token");
    d.click("#login");
    d.wait_for("login-error");
    assert!(d.text("#login-error").contains("Unknown token"));
    d.type_into("#token", &token);
    d.click("#login");
    d.wait_for("Riskiest open alerts");
    assert!(
        d.source().contains("Riskiest open alerts"),
        "dashboard after login"
    );
    d.shot("01-dashboard");

    // Screen a name and see the hit explained.
    d.go(&format!("{base}/screen"));
    d.type_into("#name", "CYBERINN PTE. LTD.");
    d.type_into("#country", "SG");
    d.click("#screen");
    d.wait_for("id=\"summary\"");
    assert!(
        d.text("#summary").starts_with("1 hit(s)"),
        "{}",
        d.text("#summary")
    );
    assert_eq!(d.text(".entry"), "Cyberinn PTE LTD");
    assert!(d.text(".explanation").contains("cyberinn=cyberinn"));
    d.shot("02-screening-hit");

    // Disposition the riskiest alert.
    d.go(&format!("{base}/alerts"));
    d.click("#alerts tr:nth-child(2) a");
    d.wait_for("id=\"status\"");
    assert_eq!(d.text("#status"), "open");
    let e = d.find("#decision option[value='escalated']");
    wd(
        "POST",
        &d.url(&format!("/element/{e}/click")),
        Some(json!({})),
    );
    d.type_into("#reason", "payer in a third country behind several buyers");
    d.click("#dispose");
    d.wait_for("alert.dispose");
    assert_eq!(d.text("#status"), "escalated");
    assert!(
        d.text("#dispositions").contains("escalated by ben"),
        "{}",
        d.text("#dispositions")
    );
    let trail = d.text("#audit");
    assert!(
        trail.contains("alert.dispose") && trail.contains("ben"),
        "{trail}"
    );
    d.shot("03-disposition-and-trail");

    // A party page draws the party's network.
    let q: String = party
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    d.go(&format!("{base}/party?name={q}"));
    d.wait_for("party-screening");
    let src = d.source();
    assert!(
        src.contains("class=\"network\"") && src.matches("<circle").count() >= 3,
        "network drawn for {party}"
    );
    d.shot("04-party-network");

    // The whole log verifies.
    d.go(&format!("{base}/audit"));
    d.wait_for("id=\"verify\"");
    assert!(
        d.text("#verify").starts_with("Chain verified"),
        "{}",
        d.text("#verify")
    );
    d.shot("05-audit-log");
}

#[test]
fn a_list_change_opens_an_alert_on_the_monitoring_page() {
    let Some(d) = Driver::start() else { return };
    let screener = chipwatch_assess::eval::sample_screener();
    let old = screener.entries().to_vec();
    let store = Store::open_memory().unwrap();
    let reviewer = store.create_token("ben", Role::Reviewer, "test").unwrap();
    let state = Arc::new(AppState::new(
        store,
        screener,
        vec!["sample_csl.csv".into()],
        1000,
    ));
    let base = format!(
        "http://{}",
        chipwatch_server::spawn_local(state.clone()).unwrap()
    );
    d.go(&format!("{base}/login"));
    d.type_into("#token", &reviewer);
    d.click("#login");
    d.wait_for("Riskiest open alerts");
    // The team screens a name: no hit today, and the party is remembered.
    d.go(&format!("{base}/screen"));
    d.type_into("#name", "Lumen Data Systems Sdn. Bhd.");
    d.type_into("#country", "MY");
    d.click("#screen");
    d.wait_for("id=\"summary\"");
    assert!(
        d.text("#summary").starts_with("0 hit(s)"),
        "{}",
        d.text("#summary")
    );
    // Tomorrow's list adds the party.
    let mut new = old.clone();
    let mut e = old[1].clone();
    e.entry_id = "new-1".into();
    e.name = "Lumen Data Systems Sdn Bhd".into();
    e.aliases.clear();
    new.push(e);
    let delta = chipwatch_screen::delta::diff(&old, &new);
    let r = chipwatch_server::monitor::rescreen(
        &state.store,
        &delta,
        "csl",
        "2026-12-02",
        "2026-12-03",
        "chipwatch lists",
    )
    .unwrap();
    assert_eq!(r.alerts.len(), 1, "{r:?}");
    d.go(&format!("{base}/monitoring"));
    d.wait_for("id=\"deltas\"");
    assert!(
        d.text("#parties").starts_with("1 parties remembered"),
        "{}",
        d.text("#parties")
    );
    let deltas = d.text("#deltas");
    assert!(deltas.contains("2026-12-02 → 2026-12-03"), "{deltas}");
    let alerts = d.text("#list-alerts");
    assert!(
        alerts.contains("Lumen Data Systems Sdn. Bhd.") && alerts.contains("added"),
        "{alerts}"
    );
    d.shot("06-monitoring");
    d.click("#list-alerts tr:nth-child(2) a");
    d.wait_for("id=\"status\"");
    assert_eq!(d.text("#status"), "open");
    assert!(d.source().contains("list_change"));
    d.go(&format!("{base}/audit"));
    d.wait_for("id=\"verify\"");
    assert!(
        d.text("#verify").starts_with("Chain verified"),
        "{}",
        d.text("#verify")
    );
    assert!(d.source().contains("lists.rescreen"));
}

#[test]
fn an_order_is_held_with_its_reasons_cited_dispositioned_and_audited() {
    let Some(d) = Driver::start() else { return };
    let screener = chipwatch_assess::eval::sample_screener();
    let store = Store::open_memory().unwrap();
    let reviewer = store.create_token("ben", Role::Reviewer, "test").unwrap();
    let state = Arc::new(AppState::new(
        store,
        screener,
        vec!["sample_csl.csv".into()],
        1000,
    ));
    // An earlier customer, decided through the API, at the address the new order will give.
    let earlier = chipwatch_server::api::decide_order(
        &state,
        &json!({
            "order_id": "SO-2026-0101", "order_date": "2026-02-02", "item": "H100-SXM",
            "quantity": 8, "bill_to_name": "Lionsgate Compute Pte. Ltd.",
            "bill_to_address": "18 Pasir Panjang Road, #07-01, Singapore 117438",
            "bill_to_country": "SG", "ship_to_country": "SG", "ship_to_type": "datacenter",
            "end_user_name": "Lionsgate Compute Pte. Ltd.", "end_user_country": "SG",
            "customer_since": "2021-05-01"
        }),
        "ana",
    )
    .unwrap();
    assert_eq!(earlier.verdict_label, "proceed");
    let base = format!(
        "http://{}",
        chipwatch_server::spawn_local(state.clone()).unwrap()
    );
    d.go(&format!("{base}/login"));
    d.type_into("#token", &reviewer);
    d.click("#login");
    d.wait_for("Riskiest open alerts");

    // 64 x H100 to a Singapore distributor paid from Hong Kong, at the earlier customer's address.
    d.go(&format!("{base}/orders/new"));
    d.wait_for("id=\"order\"");
    for (field, value) in [
        ("order_id", "SO-2026-0142"),
        ("order_date", "2026-03-02"),
        ("item", "H100-SXM"),
        ("quantity", "64"),
        ("hs_code", "8473.30"),
        ("currency", "USD"),
        ("incoterm", "DAP"),
        ("bill_to_name", "Harbourline Distribution Pte. Ltd."),
        (
            "bill_to_address",
            "18 Pasir Panjang Road #07-01 Singapore 117438",
        ),
        ("bill_to_country", "SG"),
        ("ship_to_name", "Harbourline Distribution Pte. Ltd."),
        ("ship_to_country", "SG"),
        ("ship_to_type", "distributor"),
        ("payer_name", "Kowloon Bay Trading Ltd"),
        ("payer_country", "HK"),
        ("customer_since", "2026-01-10"),
    ] {
        d.type_into(&format!("#{field}"), value);
    }
    d.shot("10-new-order");
    d.click("#check");
    d.wait_for("id=\"verdict\"");
    assert_eq!(d.text("#verdict"), "hold for review");
    let reasons = d.text("#reasons");
    assert!(
        reasons.contains("K4b") && reasons.contains("HK"),
        "third-country payer: {reasons}"
    );
    let noted = d.text("#noted");
    assert!(
        noted.contains("Lionsgate Compute") && noted.contains("address"),
        "the shared address: {noted}"
    );
    // Every reason shows its citation.
    let src = d.source();
    let rows = src.matches("class=\"reason\"").count();
    assert!(rows >= 2, "{rows} reasons");
    let notes = src.matches("class=\"note\"").count();
    assert!(notes >= 2, "{notes} noted");
    assert_eq!(
        src.matches("class=\"why citation\"").count(),
        rows + notes,
        "a citation per reason and per note"
    );
    assert!(d.text("#classification").contains("3A090"));
    d.shot("11-order-held");

    // The alert it opened, dispositioned by the reviewer.
    d.click("#alert-link");
    d.wait_for("id=\"status\"");
    assert_eq!(d.text("#status"), "open");
    assert!(d.text("#reasons").contains("K4b"));
    let e = d.find("#decision option[value='escalated']");
    wd(
        "POST",
        &d.url(&format!("/element/{e}/click")),
        Some(json!({})),
    );
    d.type_into(
        "#reason",
        "payer in Hong Kong unexplained; address shared with Lionsgate",
    );
    d.click("#dispose");
    d.wait_for("alert.dispose");
    assert_eq!(d.text("#status"), "escalated");
    d.shot("12-order-alert-dispositioned");

    // The customer's case holds the alert.
    d.click("#case-link");
    d.wait_for("id=\"case-alerts\"");
    assert!(
        d.text("#case-alerts").contains("SO-2026-0142"),
        "{}",
        d.text("#case-alerts")
    );

    // The orders list and the audit log: the decision and the disposition, the chain intact.
    d.go(&format!("{base}/orders"));
    d.wait_for("id=\"orders\"");
    assert!(d.text("#orders").contains("SO-2026-0142"));
    d.go(&format!("{base}/audit"));
    d.wait_for("id=\"verify\"");
    assert!(
        d.text("#verify").starts_with("Chain verified"),
        "{}",
        d.text("#verify")
    );
    let trail = d.text("#audit");
    assert!(
        trail.contains("order.decided") && trail.contains("alert.dispose"),
        "{trail}"
    );
    d.shot("13-audit");
}
