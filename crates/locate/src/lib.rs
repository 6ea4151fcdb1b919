//! # chipwatch-locate
//!
//! Is a chip where its owner says it is? Judged from round-trip times between the chip's
//! host and landmarks at known positions, and the speed of light. Verdicts are sound
//! against a host that adds delay: see [`verify`].
//!
//! ```
//! use chipwatch_locate::geo::LatLon;
//! use chipwatch_locate::verify::{Claim, Landmark, Verdict, VerifyParams, verify};
//! let hangzhou = Landmark { id: "hz".into(), name: "Hangzhou".into(), operator: "x".into(),
//!     pos: LatLon::new(30.25, 120.1667).unwrap(), country: "CN".into() };
//! let singapore = Claim { label: "Singapore".into(), site: LatLon::new(1.3521, 103.8198).unwrap(), radius_km: 30.0 };
//! // 5 ms from Hangzhou: light cannot reach Singapore and back in that time.
//! let a = verify(&[hangzhou], &[(0, 5.0)], &singapore, &VerifyParams::default());
//! assert_eq!(a.verdict, Verdict::CannotBe);
//! ```

pub mod estimate;
pub mod files;
pub mod geo;
pub mod protocol;
pub mod report;
pub mod verify;
pub mod wonderproxy;
