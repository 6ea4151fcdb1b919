//! Landmarks and a prover as separate processes over loopback: signed challenges, replays and
//! forgeries rejected, and added delay never turning a false claim into a consistent one.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_chipwatch")
}

fn keygen(dir: &Path, name: &str) -> (PathBuf, String) {
    let p = dir.join(name);
    let o = Command::new(bin())
        .args(["locate", "keygen", "--out", p.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    (p, String::from_utf8_lossy(&o.stdout).trim().to_string())
}

struct Landmark {
    child: Child,
    addr: String,
}

impl Drop for Landmark {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_landmark(id: &str, key: &Path, chips: &Path, log: &Path, emulate_ms: f64) -> Landmark {
    let mut child = Command::new(bin())
        .args([
            "locate",
            "landmark",
            "--listen",
            "127.0.0.1:0",
            "--id",
            id,
            "--key",
            key.to_str().unwrap(),
            "--chips",
            chips.to_str().unwrap(),
            "--log",
            log.to_str().unwrap(),
            "--emulate-delay-ms",
            &emulate_ms.to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("listening on ")
        .expect("landmark announces its address")
        .to_string();
    Landmark { child, addr }
}

fn prove(
    addr: &str,
    key: &Path,
    out: &Path,
    add_delay_ms: f64,
    adversary: Option<&str>,
) -> (bool, String) {
    let mut args = vec![
        "locate".to_string(),
        "prove".into(),
        "--landmark".into(),
        addr.into(),
        "--chip-id".into(),
        "GPU-1".into(),
        "--key".into(),
        key.to_str().unwrap().into(),
        "--rounds".into(),
        "5".into(),
        "--out".into(),
        out.to_str().unwrap().into(),
        "--add-delay-ms".into(),
        add_delay_ms.to_string(),
    ];
    if let Some(a) = adversary {
        args.push("--adversary".into());
        args.push(a.into());
    }
    let o = Command::new(bin()).args(&args).output().unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// `chipwatch locate verify --transcripts` for a Singapore claim.
fn verify_transcripts(
    registry: &Path,
    transcripts: &Path,
    chips: &Path,
    json: bool,
) -> std::process::Output {
    let mut args = vec![
        "locate",
        "verify",
        "--landmarks",
        registry.to_str().unwrap(),
        "--transcripts",
        transcripts.to_str().unwrap(),
        "--chips",
        chips.to_str().unwrap(),
        "--claim",
        "SG",
    ];
    if json {
        args.push("--json");
    }
    Command::new(bin()).args(&args).output().unwrap()
}

#[test]
fn signed_measurements_between_processes_and_the_threat_model() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (hz_key, hz_pub) = keygen(d, "hz.key");
    let (kl_key, kl_pub) = keygen(d, "kl.key");
    let (chip_key, chip_pub) = keygen(d, "chip.key");
    let chips = d.join("chips.csv");
    std::fs::write(&chips, format!("chip_id,public_key\nGPU-1,{chip_pub}\n")).unwrap();
    let registry = d.join("landmarks.csv");
    std::fs::write(
        &registry,
        format!(
            "id,name,operator,lat,lon,country,public_key\nhz,Hangzhou,op-a,30.25,120.1667,CN,{hz_pub}\nkl,Kuala Lumpur,op-b,3.1333,101.6833,MY,{kl_pub}\n"
        ),
    )
    .unwrap();
    // The prover truly sits next to the Hangzhou landmark (loopback); Kuala Lumpur is 3,300 km
    // away, at least 22 ms of light there and back, emulated on the landmark's side.
    let hz = start_landmark("hz", &hz_key, &chips, &d.join("hz.log"), 0.0);
    let kl = start_landmark("kl", &kl_key, &chips, &d.join("kl.log"), 22.5);

    // An honest run: all rounds accepted.
    let (ok, msg) = prove(&hz.addr, &chip_key, &d.join("t0.jsonl"), 0.0, None);
    assert!(ok, "{msg}");
    assert!(msg.contains("5 of 5 rounds accepted"), "{msg}");

    // A replayed nonce and a forged signature are rejected.
    let (_, msg) = prove(
        &hz.addr,
        &chip_key,
        &d.join("replay.jsonl"),
        0.0,
        Some("replay"),
    );
    assert!(
        msg.contains("1 of 5 rounds accepted") && msg.contains("replayed nonce"),
        "{msg}"
    );
    let (ok, msg) = prove(
        &hz.addr,
        &chip_key,
        &d.join("forge.jsonl"),
        0.0,
        Some("forge"),
    );
    assert!(!ok && msg.contains("does not verify"), "{msg}");

    // Claim Singapore, with every combination of added delay: never consistent.
    let mut verdicts = Vec::new();
    for hz_delay in [0.0, 30.0, 80.0] {
        for kl_delay in [0.0, 20.0] {
            let t = d.join(format!("t-{hz_delay}-{kl_delay}.jsonl"));
            let t_kl = d.join(format!("tkl-{hz_delay}-{kl_delay}.jsonl"));
            assert!(prove(&hz.addr, &chip_key, &t, hz_delay, None).0);
            assert!(prove(&kl.addr, &chip_key, &t_kl, kl_delay, None).0);
            let mut all = std::fs::read_to_string(&t).unwrap();
            all.push_str(&std::fs::read_to_string(&t_kl).unwrap());
            std::fs::write(&t, all).unwrap();
            let o = verify_transcripts(&registry, &t, &chips, true);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
            let verdict = v["chips"][0]["assessment"]["verdict"]
                .as_str()
                .unwrap()
                .to_string();
            assert_ne!(
                verdict, "consistent",
                "added delay {hz_delay}/{kl_delay} ms made a false claim consistent"
            );
            verdicts.push((hz_delay, verdict));
        }
    }
    // Without added delay the Hangzhou landmark rules Singapore out.
    assert!(
        verdicts
            .iter()
            .filter(|(h, _)| *h == 0.0)
            .all(|(_, v)| v == "cannot_be"),
        "{verdicts:?}"
    );

    // A transcript edited after signing is set aside.
    let t = d.join("t0.jsonl");
    let text = std::fs::read_to_string(&t).unwrap();
    let mut lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    lines[0]["rtt_ms"] = serde_json::json!(0.000001);
    std::fs::write(
        &t,
        lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    let o = verify_transcripts(&registry, &t, &chips, false);
    assert!(String::from_utf8_lossy(&o.stderr).contains("landmark's signature does not verify"));
    drop(kl);
}
