//! `chipwatch screen` and `chipwatch lists fetch` as a user runs them, on the bundled sample
//! list and over a real HTTP server on loopback.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

fn chipwatch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_chipwatch"))
        .args(args)
        .env_remove("CHIPWATCH_LISTS")
        .output()
        .expect("the chipwatch binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn sample() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/screen/sample_csl.csv")
        .display()
        .to_string()
}

#[test]
fn one_name_hits_with_the_alias_and_the_reason() {
    let o = chipwatch(&[
        "screen",
        "--lists",
        &sample(),
        "--name",
        "CYBERINN PTE. LTD.",
        "--fail-on-hit",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stderr));
    let s = text(&o.stdout);
    assert!(
        s.contains("Cyberinn PTE LTD") && s.contains("cyberinn=cyberinn"),
        "{s}"
    );
    // An alias.
    let o = chipwatch(&[
        "screen",
        "--lists",
        &sample(),
        "--name",
        "Index Consultancy and Services",
        "--json",
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let hit = &v["hits"][0];
    assert_eq!(hit["entry_name"], "Cyberinn PTE LTD");
    assert_eq!(
        hit["matched_alias"],
        "Index Consultancy & Services PTE LTD."
    );
    // A legal form alone never hits; digits are kept.
    let o = chipwatch(&[
        "screen",
        "--lists",
        &sample(),
        "--name",
        "11420 PTE LTD",
        "--fail-on-hit",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stdout));
}

#[test]
fn batch_writes_one_row_per_hit_and_exclusions_hold() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("parties.csv");
    std::fs::write(
        &input,
        "id,name,country\nA1,Cyberinn Pte Ltd,SG\nA2,Acme Robotics GmbH,DE\nA3,MICROSUN ELECTRONICS,SG\n",
    )
    .unwrap();
    let output = dir.path().join("hits.csv");
    let o = chipwatch(&[
        "screen",
        "--lists",
        &sample(),
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let hits = std::fs::read_to_string(&output).unwrap();
    let lines: Vec<&str> = hits.lines().collect();
    assert!(lines[0].starts_with(
        "query_id,query_name,list_source,entry_id,entry_name,matched_alias,score,explanation"
    ));
    assert_eq!(lines.len(), 3, "{hits}");
    assert!(
        lines[1].starts_with("A1,") && lines[2].starts_with("A3,"),
        "{hits}"
    );
    // Decide that A3's hit is a false positive.
    let entry_id = lines[2].split(',').nth(3).unwrap();
    let ex = dir.path().join("cleared.csv");
    std::fs::write(
        &ex,
        format!("source,entry_id,query_name\nEL,{entry_id},Microsun Electronics\n"),
    )
    .unwrap();
    let o = chipwatch(&[
        "screen",
        "--lists",
        &sample(),
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
        "--exclude",
        ex.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let hits = std::fs::read_to_string(&output).unwrap();
    assert_eq!(hits.lines().count(), 2, "{hits}");
}

#[test]
fn bad_batch_input_names_the_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("parties.csv");
    std::fs::write(&input, "id,name,kind\n1,Alpha,person\n2,,person\n").unwrap();
    let o = chipwatch(&[
        "screen",
        "--lists",
        &sample(),
        "--input",
        input.to_str().unwrap(),
        "--output",
        dir.path().join("h.csv").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let e = text(&o.stderr);
    assert!(
        e.contains("parties.csv") && e.contains("line 3, column name"),
        "{e}"
    );
    let o = chipwatch(&[
        "screen",
        "--store",
        dir.path().join("empty").to_str().unwrap(),
        "--name",
        "x",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("lists fetch"));
}

/// A tiny HTTP/1.1 server on loopback that serves whatever body is current for a path.
/// Paths and the bodies served for them, changeable while the server runs.
type Files = Arc<Mutex<Vec<(String, Vec<u8>)>>>;

fn serve(files: Files) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            reader.read_line(&mut request).unwrap();
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok() && line.trim() != "" {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let body = files
                .lock()
                .unwrap()
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, b)| b.clone());
            match body {
                Some(b) => {
                    write!(
                        stream,
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        b.len()
                    )
                    .unwrap();
                    stream.write_all(&b).unwrap();
                }
                None => {
                    write!(
                        stream,
                        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    )
                    .unwrap();
                }
            }
        }
    });
    format!("http://{addr}")
}

#[test]
fn fetch_keeps_the_last_good_copy_when_a_source_shrinks() {
    let full = std::fs::read(sample()).unwrap();
    // The same file with most Entity List rows gone.
    let text_full = String::from_utf8(full.clone()).unwrap();
    let shrunk: String = text_full
        .lines()
        .take(4)
        .map(|l| format!("{l}\n"))
        .collect();
    let files = Arc::new(Mutex::new(vec![("/consolidated.csv".to_string(), full)]));
    let base = serve(files.clone());
    let dir = tempfile::tempdir().unwrap();
    let store: PathBuf = dir.path().join("store");
    let url = format!("{base}/consolidated.csv");
    let args = [
        "lists",
        "fetch",
        "--only",
        "csl",
        "--store",
        store.to_str().unwrap(),
        "--csl-url",
        &url,
        "--json",
    ];
    let o = chipwatch(&args);
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["status"], "stored");
    assert_eq!(v[0]["per_source"]["EL"], 33);
    // Screening now reads the store.
    let o = chipwatch(&[
        "screen",
        "--store",
        store.to_str().unwrap(),
        "--name",
        "Cyberinn",
        "--json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["hits"].as_array().unwrap().len(), 1);
    // The publisher's file comes out truncated: refused, last good copy kept.
    files.lock().unwrap()[0].1 = shrunk.into_bytes();
    let o = chipwatch(&args);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stdout));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["status"], "refused");
    assert!(
        v[0]["reasons"][0]
            .as_str()
            .unwrap()
            .starts_with("EL: 3 entries, last good copy had 33"),
        "{v}"
    );
    let o = chipwatch(&[
        "lists",
        "info",
        "--store",
        store.to_str().unwrap(),
        "--json",
    ]);
    let info: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(info[0]["entries"], 33);
    // A dead URL is refused the same way.
    let bad = [
        "lists",
        "fetch",
        "--only",
        "csl",
        "--store",
        store.to_str().unwrap(),
        "--csl-url",
        &format!("{base}/gone.csv"),
    ];
    let o = chipwatch(&bad);
    assert_eq!(o.status.code(), Some(3));
    assert!(text(&o.stdout).contains("REFUSED"), "{}", text(&o.stdout));
}

const OWNERS: &str = "owner,owned,share_pct,as_of,source
Cyberinn Pte. Ltd.,Harbour Compute Holdings Pte Ltd,50,2024-03-01,ACRA filing 2024
Cyberinn Pte. Ltd.,Lumen Data Systems Sdn Bhd,35,2024-03-01,SSM filing 2024
Harbour Compute Holdings Pte Ltd,Lumen Data Systems Sdn Bhd,25,2024-03-01,SSM filing 2024
Corezing International,Tanjong Servers Pte Ltd,,2024-06-01,press report
Pacific Equity Partners,Tanjong Servers Pte Ltd,20,2024-06-01,ACRA filing 2024
";

#[test]
fn owners_of_listed_parties_are_covered_with_the_path_and_the_date() {
    let dir = tempfile::tempdir().unwrap();
    let own = dir.path().join("owners.csv");
    std::fs::write(&own, OWNERS).unwrap();
    let own = own.display().to_string();
    let o = chipwatch(&[
        "screen",
        "owners",
        "--ownership",
        &own,
        "--lists",
        &sample(),
        "--as-of",
        "2026-12-03",
        "--json",
        "--fail-on-hit",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let covered = v["covered"].as_array().unwrap();
    let find = |p: &str| covered.iter().find(|c| c["party"] == p).unwrap();
    let lumen = find("Lumen Data Systems Sdn Bhd");
    assert_eq!(lumen["status"], "covered");
    assert_eq!(lumen["lower"], 60.0);
    let why = lumen["explanation"].as_str().unwrap();
    assert!(
        why.contains("35% direct by Cyberinn Pte. Ltd. (EL"),
        "{why}"
    );
    assert!(
        why.contains("25% through Harbour Compute Holdings"),
        "{why}"
    );
    assert_eq!(
        find("Tanjong Servers Pte Ltd")["status"],
        "possibly_covered"
    );
    // During the suspension nothing is covered under the BIS rule, and the run says so.
    let o = chipwatch(&[
        "screen",
        "owners",
        "--ownership",
        &own,
        "--lists",
        &sample(),
        "--as-of",
        "2026-01-15",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stdout).contains("BIS Affiliates rule is not in force on 2026-01-15"));
    // One name screened with the ownership data: a hit of its own kind.
    let o = chipwatch(&[
        "screen",
        "--lists",
        &sample(),
        "--name",
        "Lumen Data Systems Sdn. Bhd.",
        "--ownership",
        &own,
        "--as-of",
        "2026-12-03",
        "--fail-on-hit",
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("covered affiliate [BIS-AFFILIATES]"));
    // A bad share names the file, the line and the column.
    std::fs::write(
        dir.path().join("bad.csv"),
        "owner,owned,share_pct\nA,B,150\n",
    )
    .unwrap();
    let bad = dir.path().join("bad.csv").display().to_string();
    let o = chipwatch(&[
        "screen",
        "owners",
        "--ownership",
        &bad,
        "--lists",
        &sample(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("line 2: column `share_pct`: `150`"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn fetch_re_screens_remembered_parties_against_the_delta_and_a_refused_copy_nothing() {
    let full = String::from_utf8(std::fs::read(sample()).unwrap()).unwrap();
    let cyberinn = full.lines().nth(2).unwrap();
    assert!(cyberinn.contains("Cyberinn PTE LTD"));
    // The next day's list: one entry more.
    let added = cyberinn
        .replacen("9c8072616c71", "0000aaaa1111", 1)
        .replace("Cyberinn PTE LTD", "Lumen Data Systems Sdn Bhd");
    let next = format!("{}{added}\n", full);
    let files = Arc::new(Mutex::new(vec![(
        "/consolidated.csv".to_string(),
        full.clone().into_bytes(),
    )]));
    let base = serve(files.clone());
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let db = dir.path().join("cw.db");
    let url = format!("{base}/consolidated.csv");
    let args = [
        "lists",
        "fetch",
        "--only",
        "csl",
        "--store",
        store.to_str().unwrap(),
        "--csl-url",
        &url,
        "--rescreen",
        db.to_str().unwrap(),
        "--json",
    ];
    assert!(chipwatch(&args).status.success());
    // Parties the team screened (as the API and web interface remember them).
    let s = chipwatch_store::Store::open(&db).unwrap();
    s.remember_parties(&[
        chipwatch_server::monitor::party_result(
            "Lumen Data Systems Sdn. Bhd.",
            Some("MY"),
            "api",
            &[],
        ),
        chipwatch_server::monitor::party_result("Sakura Compute KK", Some("JP"), "web", &[]),
    ])
    .unwrap();
    drop(s);
    files.lock().unwrap()[0].1 = next.into_bytes();
    let o = chipwatch(&args);
    assert!(o.status.success(), "{}{}", text(&o.stdout), text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rs = &v[0]["delta"]["rescreen"];
    assert_eq!(rs["rescreened"], 2, "{v}");
    assert_eq!(rs["entries"], 1, "{v}");
    assert_eq!(rs["alerts"].as_array().unwrap().len(), 1, "{v}");
    assert!(
        v[0]["delta"]["summary"]
            .as_str()
            .unwrap()
            .contains("1 added"),
        "{v}"
    );
    let s = chipwatch_store::Store::open(&db).unwrap();
    let alert = s.alerts(None).unwrap().remove(0);
    assert_eq!(alert.kind, "list_change");
    assert_eq!(alert.details["delta"]["what"]["change"], "added");
    assert_eq!(s.deltas(10).unwrap().len(), 1);
    drop(s);
    // A truncated download: refused, and nothing is re-screened.
    let truncated: String = full.lines().take(4).map(|l| format!("{l}\n")).collect();
    files.lock().unwrap()[0].1 = truncated.into_bytes();
    let o = chipwatch(&args);
    assert_eq!(o.status.code(), Some(3));
    let s = chipwatch_store::Store::open(&db).unwrap();
    assert_eq!(
        s.deltas(10).unwrap().len(),
        1,
        "a refused copy re-screens nothing"
    );
    assert_eq!(s.alerts(None).unwrap().len(), 1);
}

#[test]
fn serve_refresh_fetches_switches_the_lists_and_re_screens_remembered_parties() {
    use std::io::Read;
    let full = String::from_utf8(std::fs::read(sample()).unwrap()).unwrap();
    let cyberinn = full.lines().nth(2).unwrap();
    let added = cyberinn
        .replacen("9c8072616c71", "0000bbbb2222", 1)
        .replace("Cyberinn PTE LTD", "Lumen Data Systems Sdn Bhd");
    let files = Arc::new(Mutex::new(vec![(
        "/consolidated.csv".to_string(),
        full.clone().into_bytes(),
    )]));
    let base = serve(files.clone());
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let url = format!("{base}/consolidated.csv");
    let o = chipwatch(&[
        "lists",
        "fetch",
        "--only",
        "csl",
        "--store",
        store.to_str().unwrap(),
        "--csl-url",
        &url,
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_chipwatch"))
        .args([
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
            "--db",
            dir.path().join("cw.db").to_str().unwrap(),
            "--store",
            store.to_str().unwrap(),
            "--refresh",
            "10s",
            "--csl-url",
            &url,
            "--sdn-base-url",
            &format!("{base}/no-sdn"),
            "--no-demo",
        ])
        .env_remove("CHIPWATCH_LISTS")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    struct Kill(std::process::Child);
    impl Drop for Kill {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let _guard = Kill(child);
    let mut token = String::new();
    loop {
        let mut line = String::new();
        assert!(err.read_line(&mut line).unwrap() > 0, "serve exited");
        if let Some(i) = line.find("cw_") {
            token = line[i..].trim().to_string();
        }
        if line.contains("serving on") {
            break;
        }
    }
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = err.read_to_string(&mut rest);
    });
    let get = |path: &str| -> serde_json::Value {
        let body = ureq::get(&format!("http://127.0.0.1:{port}{path}"))
            .set("Authorization", &format!("Bearer {token}"))
            .call()
            .unwrap()
            .into_string()
            .unwrap();
        serde_json::from_str(&body).unwrap()
    };
    let q = "/v1/screen?name=Lumen%20Data%20Systems%20Sdn.%20Bhd.&country=MY";
    assert_eq!(get(q)["hits"].as_array().unwrap().len(), 0);
    // The publisher adds the party; the next refresh stores it and re-screens.
    files.lock().unwrap()[0].1 = format!("{full}{added}\n").into_bytes();
    let t = std::time::Instant::now();
    let m = loop {
        let m = get("/v1/monitoring");
        if !m["alerts"].as_array().unwrap().is_empty() {
            break m;
        }
        assert!(
            t.elapsed().as_secs() < 60,
            "no re-screen within a minute: {m}"
        );
        std::thread::sleep(std::time::Duration::from_millis(500));
    };
    assert_eq!(m["alerts"][0]["subject"], "Lumen Data Systems Sdn. Bhd.");
    assert_eq!(m["deltas"][0]["summary"]["added"], 1, "{m}");
    // And the server now screens against the new copy.
    assert_eq!(
        get(q)["hits"][0]["entry_name"],
        "Lumen Data Systems Sdn Bhd"
    );
}

#[test]
fn scorer_versions_threshold_and_alert_budget() {
    // Scorer v2 reads a name written together with its legal form; v1 did not.
    let list = sample();
    let run = |extra: &[&str], name: &str| {
        let mut a = vec!["screen", "--lists", list.as_str()];
        a.extend_from_slice(extra);
        a.extend_from_slice(&["--name", name, "--fail-on-hit"]);
        chipwatch(&a).status.code()
    };
    assert_eq!(run(&[], "CyberinnPTE LTD"), Some(3));
    assert_eq!(run(&["--scorer", "v1"], "CyberinnPTE LTD"), Some(0));
    // A threshold of the team's own.
    assert_eq!(run(&[], "Cyberin PTE LTD"), Some(3));
    assert_eq!(run(&["--threshold", "0.99"], "Cyberin PTE LTD"), Some(0));
    let o = chipwatch(&["screen", "--threshold", "1.5", "--name", "x"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("between 0 and 1"),
        "{}",
        text(&o.stderr)
    );

    // The threshold for an alert budget: ten names on no list, one of them close to a listed
    // one; a budget of 10% allows that one alert.
    let dir = tempfile::tempdir().unwrap();
    let neg = dir.path().join("cleared.csv");
    let mut f = std::fs::File::create(&neg).unwrap();
    writeln!(f, "name").unwrap();
    for n in [
        "Cyberin PTE LTD",
        "Harbour Light Trading Ltd",
        "Wheeler & Lucas LLP",
        "Summit Logistics Co Ltd",
        "Anna Schmidt",
        "Blue Orchard GmbH",
        "Dar es Salaam Freight Ltd",
        "Northwind Components Inc",
        "Kowloon Garden Holdings Ltd",
        "Peter Okafor",
    ] {
        writeln!(f, "{n}").unwrap();
    }
    drop(f);
    let o = chipwatch(&[
        "screen",
        "threshold",
        "--lists",
        &sample(),
        "--negatives",
        neg.to_str().unwrap(),
        "--budget",
        "10%",
        "--json",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["negatives"], 10);
    assert!(v["alert_share"].as_f64().unwrap() <= 0.1, "{v}");
    let t = v["threshold"].as_f64().unwrap();
    assert!((0.5..0.99).contains(&t), "{v}");
    // With a budget of none allowed the threshold rises above the close name's score.
    let o = chipwatch(&[
        "screen",
        "threshold",
        "--lists",
        &sample(),
        "--negatives",
        neg.to_str().unwrap(),
        "--budget",
        "0.01",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["alert_share"].as_f64().unwrap(), 0.0, "{v}");
    assert!(v["threshold"].as_f64().unwrap() > t, "{v}");
    // A budget that is no share is refused.
    let o = chipwatch(&[
        "screen",
        "threshold",
        "--lists",
        &sample(),
        "--negatives",
        neg.to_str().unwrap(),
        "--budget",
        "150%",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("is not a budget"),
        "{}",
        text(&o.stderr)
    );
}
