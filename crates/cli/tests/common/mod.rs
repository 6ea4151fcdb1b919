//! `chipwatch serve` started as a process for the integration tests.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `chipwatch serve`: killed when dropped.
pub struct Serve {
    pub child: Child,
    pub base: String,
    pub token: String,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Start `chipwatch serve` on a free loopback port with the store `db` (its folder as HOME) and
/// `extra` arguments; wait until it serves and read the admin token it prints.
pub fn serve(db: &Path, extra: &[&str]) -> Serve {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr = format!("127.0.0.1:{port}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_chipwatch"))
        .args(["serve", "--addr", &addr, "--db", db.to_str().unwrap()])
        .args(extra)
        .env_remove("CHIPWATCH_LISTS")
        .env("HOME", db.parent().unwrap())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut token = String::new();
    let t = Instant::now();
    loop {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap() == 0 {
            panic!("chipwatch serve exited");
        }
        if let Some(i) = line.find("cw_") {
            token = line[i..].trim().to_string();
        }
        if line.contains("serving on") {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(60));
    }
    std::thread::spawn(move || for _ in err.lines() {});
    Serve {
        child,
        base: format!("http://{addr}"),
        token,
    }
}
