//! The challenge-response protocol between a landmark and a prover (the agent on the host of
//! a chip), over UDP.
//!
//! 1. The prover says hello: its chip id and how many rounds it wants.
//! 2. Each round, the landmark sends a fresh 32-byte random nonce and starts its clock.
//! 3. The prover signs (chip id, landmark id, nonce, round, its own receive and send
//!    timestamps) with its device key (Ed25519; in production the key lives in the GPU's
//!    attested enclave) and answers.
//! 4. The landmark stops its clock and accepts the answer only if it carries the nonce of the
//!    current round (a replay carries an old one), arrives before the deadline, and verifies
//!    under the chip's registered public key. It then signs the transcript, RTT included, with
//!    its own key.
//!
//! The prover's timestamps are recorded but never subtracted from the RTT: a dishonest host
//! could overstate its processing time to appear closer. Only a trusted minimum (`t_min`)
//! may be subtracted, by the verifier.

use std::collections::HashMap;
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ed25519_dalek::{Signature, Signer, Verifier as _};
pub use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

/// Protocol messages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Message {
    Hello {
        chip_id: String,
        rounds: u32,
    },
    Challenge {
        landmark_id: String,
        round: u32,
        nonce: String,
    },
    Response(Response),
    Verdict {
        round: u32,
        accepted: bool,
        reason: String,
    },
    Done {
        transcripts: Vec<Transcript>,
    },
}

/// The prover's signed answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Response {
    pub chip_id: String,
    pub landmark_id: String,
    pub round: u32,
    pub nonce: String,
    /// Prover's clock when the challenge arrived and when it answered (ns since the epoch).
    pub prover_recv_ns: u64,
    pub prover_send_ns: u64,
    /// Ed25519 signature by the chip's key over [`Response::signed_bytes`], hex.
    pub signature: String,
}

impl Response {
    pub fn signed_bytes(&self) -> Vec<u8> {
        format!(
            "chipwatch-locate-v1|{}|{}|{}|{}|{}|{}",
            self.chip_id,
            self.landmark_id,
            self.round,
            self.nonce,
            self.prover_recv_ns,
            self.prover_send_ns
        )
        .into_bytes()
    }
}

/// A measurement the landmark vouches for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transcript {
    pub response: Response,
    /// Round trip measured by the landmark, ms.
    pub rtt_ms: f64,
    /// Landmark's clock when it sent the challenge (ns since the epoch).
    pub landmark_sent_ns: u64,
    /// Ed25519 signature by the landmark's key over [`Transcript::signed_bytes`], hex.
    pub landmark_signature: String,
}

impl Transcript {
    pub fn signed_bytes(&self) -> Vec<u8> {
        let mut b = self.response.signed_bytes();
        b.extend_from_slice(
            format!(
                "|{}|{:.6}|{}",
                self.response.signature, self.rtt_ms, self.landmark_sent_ns
            )
            .as_bytes(),
        );
        b
    }
}

/// Protocol errors.
#[derive(Debug, thiserror::Error)]
pub enum ProtocolError {
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
    #[error("bad message: {0}")]
    Message(String),
    #[error("bad key: {0}")]
    Key(String),
}

fn now_ns() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// A fresh random 32-byte value, hex.
pub fn random_hex32() -> Result<String, ProtocolError> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(|e| ProtocolError::Key(e.to_string()))?;
    Ok(hex::encode(b))
}

/// A new signing key (its 32-byte seed, hex).
pub fn generate_key() -> Result<String, ProtocolError> {
    random_hex32()
}

/// The signing key from a hex seed.
pub fn signing_key(seed_hex: &str) -> Result<SigningKey, ProtocolError> {
    let bytes = hex::decode(seed_hex.trim()).map_err(|e| ProtocolError::Key(e.to_string()))?;
    let seed: [u8; 32] = bytes
        .try_into()
        .map_err(|_| ProtocolError::Key("a key seed is 32 bytes (64 hex digits)".into()))?;
    Ok(SigningKey::from_bytes(&seed))
}

/// The public key of a signing key, hex.
pub fn public_hex(key: &SigningKey) -> String {
    hex::encode(key.verifying_key().to_bytes())
}

/// A public key from hex.
pub fn verifying_key(hex_key: &str) -> Result<VerifyingKey, ProtocolError> {
    let bytes = hex::decode(hex_key.trim()).map_err(|e| ProtocolError::Key(e.to_string()))?;
    let arr: [u8; 32] = bytes
        .try_into()
        .map_err(|_| ProtocolError::Key("a public key is 32 bytes (64 hex digits)".into()))?;
    VerifyingKey::from_bytes(&arr).map_err(|e| ProtocolError::Key(e.to_string()))
}

/// Verify a hex signature over `msg`.
pub fn check_signature(key: &VerifyingKey, msg: &[u8], sig_hex: &str) -> bool {
    let Ok(bytes) = hex::decode(sig_hex) else {
        return false;
    };
    let Ok(arr) = <[u8; 64]>::try_from(bytes.as_slice()) else {
        return false;
    };
    key.verify(msg, &Signature::from_bytes(&arr)).is_ok()
}

fn send(sock: &UdpSocket, to: SocketAddr, m: &Message) -> Result<(), ProtocolError> {
    let bytes = serde_json::to_vec(m).map_err(|e| ProtocolError::Message(e.to_string()))?;
    sock.send_to(&bytes, to)?;
    Ok(())
}

fn recv(sock: &UdpSocket, buf: &mut [u8]) -> Result<(Message, SocketAddr), ProtocolError> {
    let (n, from) = sock.recv_from(buf)?;
    let m = serde_json::from_slice(&buf[..n]).map_err(|e| ProtocolError::Message(e.to_string()))?;
    Ok((m, from))
}

/// A landmark's configuration.
pub struct LandmarkConfig {
    pub id: String,
    pub key: SigningKey,
    /// Registered chips and their public keys.
    pub chips: HashMap<String, VerifyingKey>,
    /// Answers later than this are rejected.
    pub deadline: Duration,
    /// Delay added to every measured round trip, emulating a longer path on loopback in tests
    /// (where `tc netem` is unavailable). Adding delay is all an emulated path can do.
    pub emulate_delay: Duration,
}

/// Serve one prover session on `sock`: answers a hello, runs its rounds, returns the
/// accepted transcripts (also sent to the prover) and the rejections.
pub fn serve_session(
    sock: &UdpSocket,
    cfg: &LandmarkConfig,
) -> Result<(Vec<Transcript>, Vec<String>), ProtocolError> {
    let mut buf = vec![0u8; 64 * 1024];
    sock.set_read_timeout(None)?;
    let (hello, prover) = loop {
        match recv(sock, &mut buf) {
            Ok((Message::Hello { chip_id, rounds }, from)) => {
                break ((chip_id, rounds.clamp(1, 1000)), from);
            }
            Ok(_) | Err(ProtocolError::Message(_)) => continue, // not a session start
            Err(e) => return Err(e),
        }
    };
    let (chip_id, rounds) = hello;
    let mut transcripts = Vec::new();
    let mut rejected = Vec::new();
    let Some(chip_key) = cfg.chips.get(&chip_id) else {
        let reason = format!("chip `{chip_id}` is not registered with this landmark");
        send(
            sock,
            prover,
            &Message::Verdict {
                round: 0,
                accepted: false,
                reason: reason.clone(),
            },
        )?;
        send(sock, prover, &Message::Done { transcripts })?;
        return Ok((Vec::new(), vec![reason]));
    };
    for round in 1..=rounds {
        let nonce = random_hex32()?;
        let sent_ns = now_ns();
        let t0 = Instant::now();
        send(
            sock,
            prover,
            &Message::Challenge {
                landmark_id: cfg.id.clone(),
                round,
                nonce: nonce.clone(),
            },
        )?;
        sock.set_read_timeout(Some(cfg.deadline))?;
        let outcome = loop {
            let remaining = cfg.deadline.saturating_sub(t0.elapsed());
            if remaining.is_zero() {
                break Err("no answer before the deadline".to_string());
            }
            sock.set_read_timeout(Some(remaining))?;
            match recv(sock, &mut buf) {
                Ok((Message::Response(r), from)) if from == prover => {
                    // A path longer than loopback, emulated: its delay adds to the measured time.
                    let elapsed = t0.elapsed() + cfg.emulate_delay;
                    if r.nonce != nonce || r.round != round {
                        break Err(format!("round {round}: wrong or replayed nonce"));
                    }
                    if r.chip_id != chip_id || r.landmark_id != cfg.id {
                        break Err(format!(
                            "round {round}: answer names another chip or landmark"
                        ));
                    }
                    if elapsed > cfg.deadline {
                        break Err(format!("round {round}: late answer"));
                    }
                    if !check_signature(chip_key, &r.signed_bytes(), &r.signature) {
                        break Err(format!(
                            "round {round}: the signature does not verify under the chip's key"
                        ));
                    }
                    break Ok((r, elapsed));
                }
                Ok(_) => continue,
                Err(ProtocolError::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) =>
                {
                    break Err(format!("round {round}: no answer before the deadline"));
                }
                Err(ProtocolError::Message(m)) => {
                    break Err(format!("round {round}: malformed answer: {m}"));
                }
                Err(e) => return Err(e),
            }
        };
        match outcome {
            Ok((response, elapsed)) => {
                let mut t = Transcript {
                    response,
                    rtt_ms: elapsed.as_secs_f64() * 1e3,
                    landmark_sent_ns: sent_ns,
                    landmark_signature: String::new(),
                };
                t.landmark_signature = hex::encode(cfg.key.sign(&t.signed_bytes()).to_bytes());
                send(
                    sock,
                    prover,
                    &Message::Verdict {
                        round,
                        accepted: true,
                        reason: String::new(),
                    },
                )?;
                transcripts.push(t);
            }
            Err(reason) => {
                send(
                    sock,
                    prover,
                    &Message::Verdict {
                        round,
                        accepted: false,
                        reason: reason.clone(),
                    },
                )?;
                rejected.push(reason);
            }
        }
    }
    // Transcripts travel one per datagram-sized batch.
    for chunk in transcripts.chunks(20) {
        send(
            sock,
            prover,
            &Message::Done {
                transcripts: chunk.to_vec(),
            },
        )?;
    }
    if transcripts.is_empty() {
        send(
            sock,
            prover,
            &Message::Done {
                transcripts: Vec::new(),
            },
        )?;
    }
    Ok((transcripts, rejected))
}

/// How a prover behaves: honestly, or as an adversary for tests.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ProverMode {
    Honest,
    /// Answer every challenge with the first challenge's nonce (a replay).
    Replay,
    /// Sign with a key other than the registered one.
    Forge,
}

/// Run a prover session against the landmark at `addr`; returns the transcripts the landmark
/// accepted and the rejections it reported.
pub fn prove(
    addr: SocketAddr,
    chip_id: &str,
    key: &SigningKey,
    rounds: u32,
    add_delay: Duration,
    mode: ProverMode,
) -> Result<(Vec<Transcript>, Vec<String>), ProtocolError> {
    let sock = UdpSocket::bind(if addr.is_ipv4() {
        "127.0.0.1:0"
    } else {
        "[::1]:0"
    })?;
    sock.connect(addr)?;
    sock.set_read_timeout(Some(Duration::from_secs(10)))?;
    let hello = serde_json::to_vec(&Message::Hello {
        chip_id: chip_id.into(),
        rounds,
    })
    .map_err(|e| ProtocolError::Message(e.to_string()))?;
    sock.send(&hello)?;
    let forged = SigningKey::from_bytes(&[7u8; 32]);
    let mut first_nonce: Option<String> = None;
    let mut transcripts = Vec::new();
    let mut rejected = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut done_batches = 0usize;
    loop {
        let n = sock.recv(&mut buf)?;
        let m: Message =
            serde_json::from_slice(&buf[..n]).map_err(|e| ProtocolError::Message(e.to_string()))?;
        match m {
            Message::Challenge {
                landmark_id,
                round,
                nonce,
            } => {
                let recv_ns = now_ns();
                if !add_delay.is_zero() {
                    std::thread::sleep(add_delay);
                }
                let nonce = match mode {
                    ProverMode::Replay => first_nonce.get_or_insert(nonce).clone(),
                    _ => nonce,
                };
                let mut r = Response {
                    chip_id: chip_id.into(),
                    landmark_id,
                    round,
                    nonce,
                    prover_recv_ns: recv_ns,
                    prover_send_ns: now_ns(),
                    signature: String::new(),
                };
                let signer = if mode == ProverMode::Forge {
                    &forged
                } else {
                    key
                };
                r.signature = hex::encode(signer.sign(&r.signed_bytes()).to_bytes());
                let bytes = serde_json::to_vec(&Message::Response(r))
                    .map_err(|e| ProtocolError::Message(e.to_string()))?;
                sock.send(&bytes)?;
            }
            Message::Verdict {
                accepted: false,
                reason,
                ..
            } => rejected.push(reason),
            Message::Verdict { .. } => {}
            Message::Done { transcripts: t } => {
                done_batches += 1;
                let last = t.len() < 20;
                transcripts.extend(t);
                if last || done_batches > 1000 {
                    break;
                }
            }
            Message::Hello { .. } | Message::Response(_) => {}
        }
    }
    Ok((transcripts, rejected))
}

/// Check a transcript: the landmark's signature under its registered key, and the chip's
/// signature under the chip's key.
pub fn check_transcript(
    t: &Transcript,
    landmark_key: &VerifyingKey,
    chip_key: &VerifyingKey,
) -> Result<(), String> {
    if !check_signature(landmark_key, &t.signed_bytes(), &t.landmark_signature) {
        return Err("the landmark's signature does not verify".into());
    }
    if !check_signature(chip_key, &t.response.signed_bytes(), &t.response.signature) {
        return Err("the chip's signature does not verify".into());
    }
    if !(t.rtt_ms.is_finite() && t.rtt_ms >= 0.0) {
        return Err("the RTT is not a non-negative number".into());
    }
    Ok(())
}
