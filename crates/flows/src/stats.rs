//! The statistics the detectors need, written out because they are small and must be exact
//! and explainable: least squares with fixed effects absorbed by alternating projections
//! (the method of `reghdfe` and `fixest`), heteroskedasticity-robust (HC1) standard errors,
//! and a single mean-shift change point.

/// Subtract group means of `v` for each fixed effect in turn until nothing changes, so the
/// result is `v` with every listed effect partialled out. `groups[e][i]` is observation
/// `i`'s level of effect `e` (levels numbered from 0).
pub fn absorb(v: &mut [f64], groups: &[Vec<usize>]) {
    if groups.is_empty() || v.is_empty() {
        return;
    }
    let levels: Vec<usize> = groups
        .iter()
        .map(|g| g.iter().copied().max().map_or(0, |m| m + 1))
        .collect();
    for _ in 0..10_000 {
        let mut change = 0.0f64;
        for (g, &n) in groups.iter().zip(&levels) {
            let mut sum = vec![0.0; n];
            let mut count = vec![0usize; n];
            for (i, &l) in g.iter().enumerate() {
                sum[l] += v[i];
                count[l] += 1;
            }
            for (i, &l) in g.iter().enumerate() {
                let m = sum[l] / count[l] as f64;
                v[i] -= m;
                change = change.max(m.abs());
            }
        }
        if groups.len() == 1 || change < 1e-12 {
            return;
        }
    }
}

/// An OLS fit: coefficients, robust standard errors, and the counts behind them.
#[derive(Debug, Clone, PartialEq)]
pub struct Ols {
    pub beta: Vec<f64>,
    /// HC1 (heteroskedasticity-robust, small-sample corrected) standard errors.
    pub se: Vec<f64>,
    pub n: usize,
    /// Degrees of freedom used by absorbed fixed effects.
    pub absorbed: usize,
    pub r2_within: f64,
}

/// Least squares of `y` on the columns `x` (no intercept: absorb it with a fixed effect).
/// `absorbed` is the number of parameters the fixed effects took, for the HC1 correction.
/// `None` when the regressors are collinear or there are too few observations.
pub fn ols(y: &[f64], x: &[Vec<f64>], absorbed: usize) -> Option<Ols> {
    let n = y.len();
    let k = x.len();
    if k == 0 || n <= k + absorbed {
        return None;
    }
    let mut xtx = vec![vec![0.0; k]; k];
    let mut xty = vec![0.0; k];
    for a in 0..k {
        for b in 0..k {
            xtx[a][b] = (0..n).map(|i| x[a][i] * x[b][i]).sum();
        }
        xty[a] = (0..n).map(|i| x[a][i] * y[i]).sum();
    }
    let inv = invert(&xtx)?;
    let beta: Vec<f64> = (0..k)
        .map(|a| (0..k).map(|b| inv[a][b] * xty[b]).sum())
        .collect();
    let resid: Vec<f64> = (0..n)
        .map(|i| y[i] - (0..k).map(|a| beta[a] * x[a][i]).sum::<f64>())
        .collect();
    // Sandwich: (X'X)^-1 X' diag(e^2) X (X'X)^-1 × n / (n - k - absorbed).
    let mut meat = vec![vec![0.0; k]; k];
    for i in 0..n {
        let e2 = resid[i] * resid[i];
        for a in 0..k {
            for b in 0..k {
                meat[a][b] += x[a][i] * x[b][i] * e2;
            }
        }
    }
    let scale = n as f64 / (n - k - absorbed) as f64;
    let se = (0..k)
        .map(|a| {
            let mut v = 0.0;
            for b in 0..k {
                for c in 0..k {
                    v += inv[a][b] * meat[b][c] * inv[c][a];
                }
            }
            (v * scale).max(0.0).sqrt()
        })
        .collect();
    let ss_res: f64 = resid.iter().map(|e| e * e).sum();
    let ss_tot: f64 = y.iter().map(|v| v * v).sum();
    Some(Ols {
        beta,
        se,
        n,
        absorbed,
        r2_within: if ss_tot > 0.0 {
            1.0 - ss_res / ss_tot
        } else {
            1.0
        },
    })
}

/// Gauss-Jordan inverse with partial pivoting; `None` when singular.
fn invert(m: &[Vec<f64>]) -> Option<Vec<Vec<f64>>> {
    let k = m.len();
    let mut a: Vec<Vec<f64>> = m
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut r = row.clone();
            r.extend((0..k).map(|j| if i == j { 1.0 } else { 0.0 }));
            r
        })
        .collect();
    let scale = m
        .iter()
        .flatten()
        .fold(0.0f64, |s, v| s.max(v.abs()))
        .max(1e-300);
    for col in 0..k {
        let pivot = (col..k).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-10 * scale {
            return None;
        }
        a.swap(col, pivot);
        let p = a[col][col];
        for v in a[col].iter_mut() {
            *v /= p;
        }
        for r in 0..k {
            if r != col {
                let f = a[r][col];
                if f != 0.0 {
                    let pivot_row = a[col].clone();
                    for (v, p) in a[r].iter_mut().zip(&pivot_row) {
                        *v -= f * p;
                    }
                }
            }
        }
    }
    Some(a.into_iter().map(|r| r[k..].to_vec()).collect())
}

/// Median of a slice (NaN-free input); `None` when empty.
pub fn median(v: &[f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let m = s.len() / 2;
    Some(if s.len() % 2 == 1 {
        s[m]
    } else {
        (s[m - 1] + s[m]) / 2.0
    })
}

/// Robust z-score of `x` against `history`: (x − median) ÷ (1.4826 × MAD). `None` with
/// fewer than three past values or no spread.
pub fn robust_z(x: f64, history: &[f64]) -> Option<f64> {
    if history.len() < 3 {
        return None;
    }
    let med = median(history)?;
    let dev: Vec<f64> = history.iter().map(|h| (h - med).abs()).collect();
    let mad = median(&dev)?;
    (mad > 0.0).then(|| (x - med) / (1.4826 * mad))
}

/// The single mean shift that best splits a series: the index of the first point after the
/// shift, the means before and after, and Welch's t of the difference. Each side needs at
/// least `min_side` points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChangePoint {
    pub at: usize,
    pub mean_before: f64,
    pub mean_after: f64,
    pub t: f64,
}

pub fn change_point(series: &[f64], min_side: usize) -> Option<ChangePoint> {
    let n = series.len();
    let min_side = min_side.max(2);
    if n < 2 * min_side {
        return None;
    }
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    let var =
        |s: &[f64], m: f64| s.iter().map(|v| (v - m).powi(2)).sum::<f64>() / (s.len() - 1) as f64;
    let mut best: Option<ChangePoint> = None;
    for at in min_side..=n - min_side {
        let (a, b) = series.split_at(at);
        let (ma, mb) = (mean(a), mean(b));
        let se = (var(a, ma) / a.len() as f64 + var(b, mb) / b.len() as f64).sqrt();
        // A perfectly flat pair of segments has no noise: any shift is infinitely clear.
        let t = if se > 0.0 {
            (mb - ma) / se
        } else if mb != ma {
            f64::INFINITY.copysign(mb - ma)
        } else {
            0.0
        };
        if best.is_none_or(|b| t.abs() > b.t.abs()) {
            best = Some(ChangePoint {
                at,
                mean_before: ma,
                mean_after: mb,
                t,
            });
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ols_recovers_a_known_line_and_robust_errors() {
        // y = 2x exactly: slope 2, no error.
        let x = vec![vec![1.0, 2.0, 3.0, 4.0]];
        let y = vec![2.0, 4.0, 6.0, 8.0];
        let f = ols(&y, &x, 0).unwrap();
        assert!((f.beta[0] - 2.0).abs() < 1e-12);
        assert!(f.se[0] < 1e-12);
        // By hand: beta = sum(xy)/sum(x²) = (3+6+21+28)/30; HC1 from the sandwich.
        let y = vec![3.0, 3.0, 7.0, 7.0];
        let f = ols(&y, &x, 0).unwrap();
        let b = 58.0 / 30.0;
        assert!((f.beta[0] - b).abs() < 1e-12, "{}", f.beta[0]);
        let e: Vec<f64> = (0..4).map(|i| y[i] - b * x[0][i]).collect();
        let meat: f64 = (0..4).map(|i| x[0][i] * x[0][i] * e[i] * e[i]).sum();
        let se = (meat / 900.0 * 4.0 / 3.0).sqrt();
        assert!((f.se[0] - se).abs() < 1e-12);
        assert!(
            ols(&y, &[vec![1.0; 4], vec![2.0; 4]], 0).is_none(),
            "collinear"
        );
    }

    #[test]
    fn two_way_absorption_removes_both_effects() {
        // v = a_g + b_h exactly: nothing is left once both are absorbed.
        let g = vec![0, 0, 1, 1, 2, 2];
        let h = vec![0, 1, 0, 1, 0, 1];
        let mut v: Vec<f64> = (0..6)
            .map(|i| [1.0, 5.0, -2.0][g[i]] + [0.5, 3.0][h[i]])
            .collect();
        absorb(&mut v, &[g, h]);
        assert!(v.iter().all(|x| x.abs() < 1e-9), "{v:?}");
    }

    #[test]
    fn robust_z_and_change_points() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        let z = robust_z(10.0, &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!((z - (10.0 - 2.5) / 1.4826).abs() < 1e-12);
        assert_eq!(robust_z(1.0, &[1.0, 1.0]), None);
        let s = [1.0, 1.1, 0.9, 1.0, 3.0, 3.2, 2.9, 3.1];
        let c = change_point(&s, 2).unwrap();
        assert_eq!(c.at, 4);
        assert!((c.mean_before - 1.0).abs() < 1e-12 && (c.mean_after - 3.05).abs() < 1e-12);
        assert!(c.t > 10.0);
        assert!(change_point(&[1.0, 2.0, 3.0], 2).is_none());
    }
}
