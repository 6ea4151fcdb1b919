//! `chipwatch locate keygen | landmark | prove`: the measurement protocol over a real network.

use std::collections::HashMap;
use std::io::Write;
use std::net::{ToSocketAddrs, UdpSocket};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use chipwatch_locate::protocol::{
    LandmarkConfig, ProverMode, SigningKey, generate_key, serve_session, signing_key, verifying_key,
};

use crate::{LandmarkArgs, ProveArgs};

fn read_key(path: &Path) -> Result<SigningKey> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the key file {}", path.display()))?;
    signing_key(&text).with_context(|| format!("{}: not a key seed", path.display()))
}

pub fn keygen(out: &Path) -> Result<ExitCode> {
    if out.exists() {
        bail!("{} exists; refusing to overwrite a key", out.display());
    }
    let seed = generate_key()?;
    let key = signing_key(&seed)?;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    writeln!(f, "{seed}")?;
    println!("{}", hex_public(&key));
    Ok(ExitCode::SUCCESS)
}

fn hex_public(key: &SigningKey) -> String {
    chipwatch_locate::protocol::public_hex(key)
}

pub fn landmark(args: LandmarkArgs) -> Result<ExitCode> {
    let key = read_key(&args.key)?;
    let mut chips = HashMap::new();
    let mut rdr = csv::Reader::from_path(&args.chips)
        .with_context(|| format!("reading {}", args.chips.display()))?;
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec?;
        let (id, pk) = (
            rec.get(0).unwrap_or("").trim(),
            rec.get(1).unwrap_or("").trim(),
        );
        let vk = verifying_key(pk)
            .with_context(|| format!("{}:{}: column `public_key`", args.chips.display(), i + 2))?;
        chips.insert(id.to_string(), vk);
    }
    let sock =
        UdpSocket::bind(&args.listen).with_context(|| format!("listening on {}", args.listen))?;
    println!("listening on {}", sock.local_addr()?);
    std::io::stdout().flush()?;
    let cfg = LandmarkConfig {
        id: args.id.clone(),
        key,
        chips,
        deadline: Duration::from_millis(args.deadline_ms),
        emulate_delay: Duration::from_secs_f64(args.emulate_delay_ms.max(0.0) / 1e3),
    };
    let mut served = 0u64;
    loop {
        let (transcripts, rejected) = serve_session(&sock, &cfg)?;
        served += 1;
        eprintln!(
            "session {served}: {} accepted, {} rejected {:?}",
            transcripts.len(),
            rejected.len(),
            rejected
        );
        if let Some(log) = &args.log {
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .create(true)
                .open(log)?;
            for t in &transcripts {
                writeln!(f, "{}", serde_json::to_string(t)?)?;
            }
        }
        if args.sessions.is_some_and(|n| served >= n) {
            return Ok(ExitCode::SUCCESS);
        }
    }
}

pub fn prove(args: ProveArgs) -> Result<ExitCode> {
    let key = read_key(&args.key)?;
    let addr = args
        .landmark
        .to_socket_addrs()
        .with_context(|| format!("--landmark {}", args.landmark))?
        .next()
        .with_context(|| format!("--landmark {}: no address", args.landmark))?;
    let mode = match args.adversary.as_deref() {
        None => ProverMode::Honest,
        Some("replay") => ProverMode::Replay,
        Some("forge") => ProverMode::Forge,
        Some(other) => bail!("--adversary {other}: replay or forge"),
    };
    let (transcripts, rejected) = chipwatch_locate::protocol::prove(
        addr,
        &args.chip_id,
        &key,
        args.rounds,
        Duration::from_secs_f64(args.add_delay_ms.max(0.0) / 1e3),
        mode,
    )?;
    let mut out: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(std::fs::File::create(p)?),
        None => Box::new(std::io::stdout()),
    };
    for t in &transcripts {
        writeln!(out, "{}", serde_json::to_string(t)?)?;
    }
    let min = transcripts
        .iter()
        .map(|t| t.rtt_ms)
        .fold(f64::INFINITY, f64::min);
    eprintln!(
        "{} of {} rounds accepted{}{}",
        transcripts.len(),
        args.rounds,
        if transcripts.is_empty() {
            String::new()
        } else {
            format!("; minimum RTT {min:.3} ms")
        },
        if rejected.is_empty() {
            String::new()
        } else {
            format!("; rejected: {}", rejected.join("; "))
        }
    );
    Ok(if transcripts.is_empty() {
        ExitCode::from(3)
    } else {
        ExitCode::SUCCESS
    })
}
