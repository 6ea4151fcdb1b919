//! File formats of `chipwatch locate verify`, documented in `docs/locate.md`.
//!
//! - landmarks: `id, name, operator, lat, lon, country` (extra columns, such as a public key,
//!   are ignored here);
//! - measurements: `chip_id, landmark_id, rtt_ms`, one row per challenge; the minimum per
//!   chip and landmark is used (queueing only ever adds delay);
//! - claims: a country code with a declared region (`data/locate/claim_regions.csv`), or
//!   `LAT,LON[,RADIUS_KM]`.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::geo::LatLon;
use crate::verify::{Claim, Landmark};

/// A located error in an input file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct FileError {
    pub file: String,
    pub line: u64,
    pub message: String,
}

fn err(file: &Path, line: u64, message: impl Into<String>) -> FileError {
    FileError {
        file: file.display().to_string(),
        line,
        message: message.into(),
    }
}

type Input = csv::Reader<Box<dyn std::io::Read>>;

fn open(path: &Path, required: &[&str]) -> Result<(Input, HashMap<String, usize>), FileError> {
    let file = std::fs::File::open(path).map_err(|e| err(path, 0, format!("cannot read: {e}")))?;
    open_reader(path, Box::new(file), required)
}

fn open_reader(
    path: &Path,
    reader: Box<dyn std::io::Read>,
    required: &[&str],
) -> Result<(Input, HashMap<String, usize>), FileError> {
    let mut rdr = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(reader);
    let headers = rdr
        .headers()
        .map_err(|e| err(path, 1, e.to_string()))?
        .clone();
    let cols: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim_start_matches('\u{feff}').to_ascii_lowercase(), i))
        .collect();
    for r in required {
        if !cols.contains_key(*r) {
            return Err(err(path, 1, format!("missing required column `{r}`")));
        }
    }
    Ok((rdr, cols))
}

/// A round-trip time in ms from the `rtt_ms` column: a finite number ≥ 0.
fn rtt_ms(path: &Path, line: u64, text: &str) -> Result<f64, FileError> {
    text.parse::<f64>()
        .ok()
        .filter(|r| r.is_finite() && *r >= 0.0)
        .ok_or_else(|| {
            err(
                path,
                line,
                format!("column `rtt_ms`: `{text}` is not a non-negative number"),
            )
        })
}

/// Landmark positions in the registry, by id.
fn landmark_index(landmarks: &[Landmark]) -> HashMap<&str, usize> {
    landmarks
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
        .collect()
}

/// Read a landmark registry.
pub fn read_landmarks(path: &Path) -> Result<Vec<Landmark>, FileError> {
    let (rdr, cols) = open(path, &["id", "lat", "lon"])?;
    landmarks_from(path, rdr, cols)
}

/// Read a landmark registry held in memory, named `name` in errors.
pub fn read_landmarks_text(name: &str, text: &'static str) -> Result<Vec<Landmark>, FileError> {
    let path = Path::new(name);
    let (rdr, cols) = open_reader(path, Box::new(text.as_bytes()), &["id", "lat", "lon"])?;
    landmarks_from(path, rdr, cols)
}

fn landmarks_from(
    path: &Path,
    mut rdr: Input,
    cols: HashMap<String, usize>,
) -> Result<Vec<Landmark>, FileError> {
    let mut out: Vec<Landmark> = Vec::new();
    for rec in rdr.records() {
        let rec =
            rec.map_err(|e| err(path, e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |c: &str| {
            cols.get(c)
                .and_then(|&i| rec.get(i))
                .unwrap_or("")
                .to_string()
        };
        let num = |c: &str| -> Result<f64, FileError> {
            get(c).parse::<f64>().map_err(|_| {
                err(
                    path,
                    line,
                    format!("column `{c}`: `{}` is not a number", get(c)),
                )
            })
        };
        let pos = LatLon::new(num("lat")?, num("lon")?).ok_or_else(|| {
            err(
                path,
                line,
                "columns `lat`/`lon`: outside -90..90 / -180..180",
            )
        })?;
        let id = get("id");
        if id.is_empty() {
            return Err(err(path, line, "column `id`: empty"));
        }
        if out.iter().any(|l| l.id == id) {
            return Err(err(
                path,
                line,
                format!("column `id`: `{id}` appears twice"),
            ));
        }
        out.push(Landmark {
            name: if get("name").is_empty() {
                id.clone()
            } else {
                get("name")
            },
            id,
            operator: get("operator"),
            pos,
            country: get("country"),
        });
    }
    if out.is_empty() {
        return Err(err(path, 1, "no landmarks"));
    }
    Ok(out)
}

/// Minimum RTT per chip and landmark index, from a measurements file.
pub type ChipRtts = BTreeMap<String, Vec<(usize, f64)>>;

/// Read measurements against `landmarks`.
pub fn read_measurements(path: &Path, landmarks: &[Landmark]) -> Result<ChipRtts, FileError> {
    let (rdr, cols) = open(path, &["chip_id", "landmark_id", "rtt_ms"])?;
    measurements_from(path, rdr, cols, landmarks)
}

/// Read measurements held in memory, named `name` in errors.
pub fn read_measurements_text(
    name: &str,
    text: &'static str,
    landmarks: &[Landmark],
) -> Result<ChipRtts, FileError> {
    let path = Path::new(name);
    let (rdr, cols) = open_reader(
        path,
        Box::new(text.as_bytes()),
        &["chip_id", "landmark_id", "rtt_ms"],
    )?;
    measurements_from(path, rdr, cols, landmarks)
}

fn measurements_from(
    path: &Path,
    mut rdr: Input,
    cols: HashMap<String, usize>,
    landmarks: &[Landmark],
) -> Result<ChipRtts, FileError> {
    let index = landmark_index(landmarks);
    let mut min: BTreeMap<String, BTreeMap<usize, f64>> = BTreeMap::new();
    for rec in rdr.records() {
        let rec =
            rec.map_err(|e| err(path, e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |c: &str| cols.get(c).and_then(|&i| rec.get(i)).unwrap_or("");
        let lid = get("landmark_id");
        let &l = index.get(lid).ok_or_else(|| {
            err(
                path,
                line,
                format!("column `landmark_id`: `{lid}` is not in the landmark registry"),
            )
        })?;
        let rtt = rtt_ms(path, line, get("rtt_ms"))?;
        let chip = get("chip_id");
        if chip.is_empty() {
            return Err(err(path, line, "column `chip_id`: empty"));
        }
        let e = min
            .entry(chip.to_string())
            .or_default()
            .entry(l)
            .or_insert(rtt);
        *e = e.min(rtt);
    }
    if min.is_empty() {
        return Err(err(path, 1, "no measurements"));
    }
    Ok(min
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().collect()))
        .collect())
}

/// The bundled declared regions (`data/locate/claim_regions.csv`).
pub fn claim_regions() -> Vec<Claim> {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/locate/claim_regions.csv"
    ));
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    rdr.records()
        .map(|r| {
            let r = r.expect("bundled claim_regions.csv is valid CSV (tested)");
            let n = |i: usize| {
                r[i].parse::<f64>()
                    .expect("bundled claim_regions.csv holds numbers (tested)")
            };
            Claim {
                label: format!("{} ({})", &r[1], &r[0]),
                site: LatLon::new(n(2), n(3)).expect("bundled positions are in range (tested)"),
                radius_km: n(4),
            }
        })
        .collect()
}

/// Parse `SG` or `LAT,LON[,RADIUS_KM]`.
pub fn parse_claim(text: &str) -> Result<Claim, String> {
    let t = text.trim();
    if t.contains(',') {
        let parts: Vec<&str> = t.split(',').map(str::trim).collect();
        let nums: Result<Vec<f64>, _> = parts.iter().map(|p| p.parse::<f64>()).collect();
        let nums = nums.map_err(|_| format!("`{t}`: expected LAT,LON[,RADIUS_KM]"))?;
        let (lat, lon, r) = match nums.as_slice() {
            [lat, lon] => (*lat, *lon, 0.0),
            [lat, lon, r] if *r >= 0.0 => (*lat, *lon, *r),
            _ => {
                return Err(format!(
                    "`{t}`: expected LAT,LON[,RADIUS_KM] with a radius ≥ 0"
                ));
            }
        };
        let site = LatLon::new(lat, lon)
            .ok_or_else(|| format!("`{t}`: latitude or longitude out of range"))?;
        return Ok(Claim {
            label: format!("{lat:.4}, {lon:.4} (±{r} km)"),
            site,
            radius_km: r,
        });
    }
    let regions = claim_regions();
    let code = t.to_ascii_uppercase();
    regions
        .into_iter()
        .find(|c| c.label.ends_with(&format!("({code})")))
        .ok_or_else(|| {
            format!(
                "`{t}` is not a country with a declared region (have: {}); give LAT,LON[,RADIUS_KM] instead",
                claim_regions()
                    .iter()
                    .map(|c| c.label.rsplit('(').next().unwrap_or("").trim_end_matches(')').to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
}

/// Landmark-to-landmark minimum RTTs: CSV `landmark_a, landmark_b, rtt_ms` (either order; the
/// minimum per pair is kept), as a lookup by landmark index.
pub fn read_landmark_pairs(
    path: &Path,
    landmarks: &[Landmark],
) -> Result<HashMap<(usize, usize), f64>, FileError> {
    let (mut rdr, cols) = open(path, &["landmark_a", "landmark_b", "rtt_ms"])?;
    let index = landmark_index(landmarks);
    let mut out: HashMap<(usize, usize), f64> = HashMap::new();
    for rec in rdr.records() {
        let rec =
            rec.map_err(|e| err(path, e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |c: &str| cols.get(c).and_then(|&i| rec.get(i)).unwrap_or("");
        let idx = |c: &str| {
            index.get(get(c)).copied().ok_or_else(|| {
                err(
                    path,
                    line,
                    format!("column `{c}`: `{}` is not in the landmark registry", get(c)),
                )
            })
        };
        let (a, b) = (idx("landmark_a")?, idx("landmark_b")?);
        let rtt = rtt_ms(path, line, get("rtt_ms"))?;
        let key = (a.min(b), a.max(b));
        let e = out.entry(key).or_insert(rtt);
        *e = e.min(rtt);
    }
    Ok(out)
}

/// Public keys of landmarks from the registry's `public_key` column (hex), by landmark id.
pub fn read_landmark_keys(path: &Path) -> Result<HashMap<String, String>, FileError> {
    read_public_keys(path, "id")
}

/// Registered chip keys: CSV `chip_id, public_key` (hex).
pub fn read_chip_keys(path: &Path) -> Result<HashMap<String, String>, FileError> {
    read_public_keys(path, "chip_id")
}

/// The non-empty `public_key` of every row, by the row's `id_column`.
fn read_public_keys(path: &Path, id_column: &str) -> Result<HashMap<String, String>, FileError> {
    let (mut rdr, cols) = open(path, &[id_column, "public_key"])?;
    let mut out = HashMap::new();
    for rec in rdr.records() {
        let rec =
            rec.map_err(|e| err(path, e.position().map_or(0, |p| p.line()), e.to_string()))?;
        let get = |c: &str| {
            cols.get(c)
                .and_then(|&i| rec.get(i))
                .unwrap_or("")
                .to_string()
        };
        if !get("public_key").is_empty() {
            out.insert(get(id_column), get("public_key"));
        }
    }
    Ok(out)
}

/// Read landmark-signed transcripts (JSON lines from `chipwatch locate landmark --log` or
/// `prove --out`), keep those whose landmark and chip signatures verify, and return the
/// minimum RTT per chip and landmark with the reasons for every transcript set aside.
pub fn read_transcripts(
    path: &Path,
    landmarks: &[Landmark],
    landmark_keys: &HashMap<String, String>,
    chip_keys: &HashMap<String, String>,
) -> Result<(ChipRtts, Vec<String>), FileError> {
    use crate::protocol::{Transcript, check_transcript, verifying_key};
    let text =
        std::fs::read_to_string(path).map_err(|e| err(path, 0, format!("cannot read: {e}")))?;
    let index = landmark_index(landmarks);
    let mut min: BTreeMap<String, BTreeMap<usize, f64>> = BTreeMap::new();
    let mut rejected = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let n = i as u64 + 1;
        let t: Transcript = serde_json::from_str(line)
            .map_err(|e| err(path, n, format!("not a transcript: {e}")))?;
        let lid = t.response.landmark_id.as_str();
        let Some(&li) = index.get(lid) else {
            rejected.push(format!("line {n}: landmark `{lid}` is not in the registry"));
            continue;
        };
        let keys = landmark_keys
            .get(lid)
            .ok_or_else(|| format!("landmark `{lid}` has no public_key in the registry"))
            .and_then(|lk| {
                let ck = chip_keys
                    .get(&t.response.chip_id)
                    .ok_or_else(|| format!("chip `{}` is not registered", t.response.chip_id))?;
                Ok((
                    verifying_key(lk).map_err(|e| e.to_string())?,
                    verifying_key(ck).map_err(|e| e.to_string())?,
                ))
            });
        match keys.and_then(|(lk, ck)| check_transcript(&t, &lk, &ck)) {
            Ok(()) => {
                let e = min
                    .entry(t.response.chip_id.clone())
                    .or_default()
                    .entry(li)
                    .or_insert(t.rtt_ms);
                *e = e.min(t.rtt_ms);
            }
            Err(reason) => rejected.push(format!("line {n}: {reason}")),
        }
    }
    Ok((
        min.into_iter()
            .map(|(k, v)| (k, v.into_iter().collect()))
            .collect(),
        rejected,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_parse_as_countries_or_coordinates() {
        assert_eq!(parse_claim("sg").unwrap().radius_km, 30.0);
        let c = parse_claim("1.29, 103.85, 5").unwrap();
        assert_eq!((c.site.lat, c.radius_km), (1.29, 5.0));
        assert!(parse_claim("Atlantis").unwrap_err().contains("SG"));
        assert!(parse_claim("95,10").is_err());
        assert_eq!(claim_regions().len(), 12);
    }
}
