#!/usr/bin/env python3
"""Seeded generator of a synthetic EU -> Eurasia monthly export panel ("Eurasian roundabout").

This is an INDEPENDENT EVALUATION DATA GENERATOR. It was written from the published
narrative only, not from the analytics tool's code and not from any real trade file.
Every number below is synthetic. Magnitudes are set from what the author remembers of
published figures. They are approximate and are not a reproduction of Comext.

Sources for the magnitudes
--------------------------
* Chupilkin, M., B. Javorcik and A. Plekhanov (2023), "The Eurasian Roundabout: Trade
  Flows into Russia through the Caucasus and Central Asia", EBRD Working Paper No. 276
  (Feb 2023). The same work is CEPR Discussion Paper DP20097. These papers give the
  headline ratios of EU exports for Jan-Nov 2022 over Jan-Nov 2021 (Eurostat Comext, in EUR):
    - HS 8471 (computers): Armenia x6.0, Kyrgyzstan x4.5, Kazakhstan x2.8, Russia x0.20
    - HS 8542 (integrated circuits): Armenia x12.8, Kyrgyzstan x28, Kazakhstan x2.7,
      Russia x0.23
    - Georgia and Uzbekistan rose much less.
  These eight ratios are the only published magnitudes used. They are TARGET_RATIO[...]
  marked "published" below.
* Sanctions timing (as the author recalls it): EU Council Regulation (EU) 2022/328 of 25 Feb 2022 (package of
  24-25 Feb 2022, which extended Annex VII dual-use/advanced-technology goods to Russia)
  and Regulation (EU) 2022/355 of 2 Mar 2022 (Belarus). Hence the rule month is 2022-03.
* The Common High Priority List (CHPL) of the EU/US/UK/Japan (2023) gives the heading
  list: 8471, 8473, 8486, 8517, 8525, 8526, 8529, 8532, 8533, 8536, 8541, 8542, 8548,
  9013, 9014. 8548 is left out because HS2022 restructured it.
* Monthly EUR/USD rates: hard-coded from memory of ECB monthly-average reference rates.
  They are rounded to 3 decimals and are approximate.
* All of the following are the author's assumptions, not published: the level of EU
  exports in 2021 (EUR million per heading and destination), member-state sizes and
  destination mixes, the CN8 mix, the noise model, Belarus and Georgia/Uzbekistan
  ratios, ratios for headings other than 8471/8542, which member states drive the rise,
  and unit values per kg. truth.json lists them.

Model (short)
-------------
A cell is (reporter, partner, CN8). It has a mean monthly value path:
    base(h, p) x member share x CN8 mix x lognormal cell effect x seasonality
    x trend (COVID dip 2020, EUR weakness 2022) x AR(1) drift
Observed month: a shipment occurs with probability p = 1 - exp(-sqrt(mean/s0) - mean/S_BIG).
Small cells are therefore sporadic with small values, and absent months are simply
missing rows. Cells above a few EUR 100k a month are present every month. Given a
shipment, the value is mean/p x lognormal, with sd 0.9 for cells under EUR 5k a month
falling to 0.4 for cells over EUR 1m a month. Rare one-off large shipments (p=0.006,
x3 to x15, smaller for big cells, none above EUR 3m a month) are deflated so that
expected values stay exactly on the mean paths.

With --effect E > 0 (default 1), from 2022-03:
  * Russia and Belarus collapse abruptly. The post-sanction residual level is solved so
    that the expected EU-wide Jan-Nov 2022 sum equals the target ratio times the
    realised Jan-Nov 2021 sum.
  * In the "effect headings" (8471, 8473, 8542, 8517, 8536, 8541) there are extra
    "re-routed" flows to AM, GE, KZ, KG, UZ. They ramp up over Mar-May 2022, with a
    0-2 month member-specific lag. They are concentrated in a few member states
    (weights follow each member's pre-war Russia exports times a heavy-tailed "driver"
    factor) and in a re-routing CN8 mix (laptops, processors, ...). The amount is solved
    so that the expected ratio equals the target.
  * Control headings (8486, 8525, 8526, 8529, 8532, 8533, 9013, 9014) also lose Russia
    and Belarus, but get no re-routing.
  Intermediate E scales the target: R_E = R_base + E*(R - R_base).
With --effect 0: same cells and same random streams, so the rows for 2020-01..2022-02
are identical to the effect run with the same seed. There is no collapse and no re-routing.
Noise is real. Even with no effect, small destination/heading sums (e.g. 8542 to AM or KG)
can move x0.6 to x2.5 year on year. Control headings at small destinations are just as noisy.
That is deliberate: it is what false-alarm counting has to survive.

Usage
-----
    python3 scripts/eval/eu_roundabout_panel.py --seed 1 --out /tmp/eu_panel_s1
    python3 scripts/eval/eu_roundabout_panel.py --seed 1 --effect 0 --out /tmp/eu_panel_null

Outputs in --out: panel.csv, comext_bulk.csv, databrowser.csv and truth.json (and with --xlsx
databrowser.xlsx, the data browser's spreadsheet layout).
Defaults give about 33k rows (effect 1) or 35k rows (effect 0).
Python 3.11 standard library only.
"""
import argparse
import csv
import json
import math
import os
import random

GENERATOR = "eu_roundabout_panel.py"
VERSION = "1.0"

# --------------------------------------------------------------------------- time
MONTHS = [f"{y}-{m:02d}" for y in (2020, 2021, 2022) for m in range(1, 13)][:35]  # 2020-01..2022-11
RULE_MONTH = "2022-03"
RULE_IDX = MONTHS.index(RULE_MONTH)

# ECB monthly average EUR/USD reference rate (USD per EUR), approximate, from memory.
EURUSD = {
    "2020-01": 1.110, "2020-02": 1.091, "2020-03": 1.106, "2020-04": 1.087,
    "2020-05": 1.090, "2020-06": 1.125, "2020-07": 1.146, "2020-08": 1.183,
    "2020-09": 1.179, "2020-10": 1.177, "2020-11": 1.184, "2020-12": 1.217,
    "2021-01": 1.217, "2021-02": 1.210, "2021-03": 1.190, "2021-04": 1.195,
    "2021-05": 1.215, "2021-06": 1.205, "2021-07": 1.182, "2021-08": 1.177,
    "2021-09": 1.177, "2021-10": 1.160, "2021-11": 1.141, "2021-12": 1.130,
    "2022-01": 1.131, "2022-02": 1.134, "2022-03": 1.101, "2022-04": 1.082,
    "2022-05": 1.058, "2022-06": 1.057, "2022-07": 1.018, "2022-08": 1.013,
    "2022-09": 0.990, "2022-10": 0.983, "2022-11": 1.020,
}

# Seasonality (sums to 12): December high, August low, January soft.
SEASON = [0.85, 0.92, 1.08, 0.98, 0.98, 1.05, 1.00, 0.78, 1.04, 1.05, 1.08, 1.19]


def trend(i):
    """Macro level by month index: COVID dip in spring 2020; EUR weakness lifts 2022 EUR values."""
    y, m = divmod(i, 12)
    if y == 0:
        covid = {2: 0.95, 3: 0.72, 4: 0.80, 5: 0.92}.get(m, 1.0)
        return 0.92 * covid
    if y == 1:
        return 0.97 + 0.06 * m / 11.0
    return 1.07


# ------------------------------------------------------------------- geography
# code, relative size in EU exports of electronics to this region, data-browser label
REPORTERS = [
    ("AT", 3.0, "Austria"),
    ("BE", 4.0, "Belgium (incl. Luxembourg 'LU' -> 1998)"),
    ("BG", 0.8, "Bulgaria"),
    ("CY", 0.15, "Cyprus"),
    ("CZ", 6.0, "Czechia"),
    ("DE", 30.0, "Germany (incl. German Democratic Republic 'DD' from 1991)"),
    ("DK", 1.5, "Denmark"),
    ("EE", 1.2, "Estonia"),
    ("ES", 3.0, "Spain (incl. Canary Islands 'XB' from 1997)"),
    ("FI", 3.0, "Finland"),
    ("FR", 8.0, "France (incl. Saint Barthélemy 'BL' -> 2012; incl. French Guiana 'GF', "
                "Guadeloupe 'GP', Martinique 'MQ', Réunion 'RE' from 1997; incl. Mayotte 'YT' from 2014)"),
    ("GR", 0.5, "Greece"),
    ("HR", 0.4, "Croatia"),
    ("HU", 3.0, "Hungary"),
    ("IE", 3.0, "Ireland (Eire)"),
    ("IT", 8.0, "Italy (incl. San Marino 'SM' -> 1993)"),
    ("LT", 2.5, "Lithuania"),
    ("LU", 0.3, "Luxembourg"),
    ("LV", 1.2, "Latvia"),
    ("MT", 0.1, "Malta"),
    ("NL", 14.0, "Netherlands"),
    ("PL", 7.0, "Poland"),
    ("PT", 0.6, "Portugal"),
    ("RO", 1.5, "Romania"),
    ("SE", 3.0, "Sweden"),
    ("SI", 0.8, "Slovenia"),
    ("SK", 1.5, "Slovakia"),
]
REP_CODES = [r[0] for r in REPORTERS]
REP_SIZE = {r[0]: r[1] for r in REPORTERS}
REP_LABEL = {r[0]: r[2] for r in REPORTERS}
TINY = {"MT", "CY", "LU"}

PARTNERS = ["RU", "BY", "AM", "GE", "KZ", "KG", "UZ"]
TARGETS = ["RU", "BY"]
INTERMEDIARIES = ["AM", "GE", "KZ", "KG", "UZ"]
# Data-browser partner labels as I believe Eurostat writes them (see truth.json notes).
PARTNER_LABEL = {
    "RU": "Russian Federation (Russia)",
    "BY": "Belarus (Belorussia)",
    "AM": "Armenia",
    "GE": "Georgia",
    "KZ": "Kazakhstan",
    "KG": "Kyrgyzstan",
    "UZ": "Uzbekistan",
}

# Destination affinity by member state (default 1.0 if not listed).
AFFINITY = {
    "RU": {"FI": 2.5, "EE": 2.5, "LV": 2.5, "LT": 2.0, "PL": 1.3, "NL": 1.2, "CZ": 1.3,
           "SK": 1.2, "HU": 1.1, "BG": 1.2, "CY": 2.0, "SI": 1.1, "AT": 1.1,
           "IE": 0.5, "PT": 0.5, "ES": 0.6, "MT": 0.5, "DK": 0.8, "SE": 0.8, "FR": 0.8,
           "BE": 0.8, "GR": 0.8, "HR": 0.8, "RO": 0.9, "LU": 0.7},
    "BY": {"LT": 4.0, "LV": 3.0, "PL": 3.0, "EE": 1.5, "CZ": 1.0, "DE": 1.0, "SK": 0.8,
           "HU": 0.7, "AT": 0.7, "NL": 0.7, "IT": 0.7, "FI": 0.6},
    "AM": {"FR": 1.5, "IT": 1.2, "BG": 1.2, "GR": 1.5, "CY": 1.2, "BE": 1.0, "DE": 1.0,
           "NL": 0.8, "PL": 0.8, "CZ": 0.7, "LT": 0.8},
    "GE": {"BG": 1.5, "GR": 1.2, "LT": 1.3, "LV": 1.2, "RO": 1.5, "IT": 1.0, "PL": 1.0,
           "DE": 1.0, "EE": 1.0, "CZ": 0.8, "NL": 0.8, "FR": 0.8},
    "KZ": {"DE": 1.3, "IT": 1.2, "LT": 1.5, "LV": 1.2, "PL": 1.2, "NL": 1.0, "FR": 1.0,
           "CZ": 1.0, "AT": 0.9, "HU": 0.8, "FI": 0.8},
    "KG": {"LT": 2.5, "LV": 1.5, "PL": 1.5, "EE": 1.2, "DE": 1.2, "CZ": 0.7, "NL": 0.6,
           "IT": 0.6},
    "UZ": {"DE": 1.2, "LT": 1.5, "LV": 1.3, "IT": 1.1, "PL": 1.1, "FR": 0.9, "CZ": 0.8,
           "NL": 0.8, "AT": 0.7},
}
DEFAULT_AFFINITY = {"RU": 1.0, "BY": 0.5, "AM": 0.7, "GE": 0.7, "KZ": 0.6, "KG": 0.4, "UZ": 0.5}

# Member states that drive most of the re-routing, by intermediary (assumption).
DRIVERS = {
    "AM": {"DE", "NL", "LT", "PL", "IT", "FR", "CZ"},
    "GE": {"DE", "LT", "BG", "PL"},
    "KZ": {"DE", "LT", "PL", "NL", "IT", "CZ", "LV"},
    "KG": {"LT", "DE", "PL", "LV", "EE"},
    "UZ": {"DE", "LT", "LV", "PL"},
}

# --------------------------------------------------------------------- products
# heading -> list of (CN8, baseline mix weight, re-routing mix weight)
PRODUCTS = {
    "8471": [("84713000", 5.0, 8.0), ("84714100", 1.5, 2.0), ("84714900", 1.5, 1.5),
             ("84715000", 2.5, 3.0), ("84716070", 1.2, 1.0), ("84717050", 1.0, 1.2),
             ("84718000", 1.2, 1.0)],
    "8473": [("84733020", 2.0, 3.0), ("84733080", 3.0, 2.5)],
    "8542": [("85423111", 1.0, 1.5), ("85423190", 3.0, 5.0), ("85423239", 1.0, 1.0),
             ("85423245", 0.8, 1.0), ("85423300", 0.8, 0.8), ("85423990", 2.5, 3.0)],
    "8517": [("85176100", 2.0, 1.0), ("85176200", 4.0, 4.0)],
    "8536": [("85364900", 1.0, 1.0), ("85366990", 1.5, 1.0), ("85369010", 2.0, 2.0)],
    "8541": [("85412900", 1.5, 2.0), ("85416000", 0.8, 1.0)],
    "8525": [("85255000", 1.0, 0.0), ("85256000", 2.0, 0.0)],
    "8526": [("85261000", 1.0, 0.0), ("85269120", 1.5, 0.0)],
    "8529": [("85291069", 1.0, 0.0), ("85299065", 2.0, 0.0)],
    "8532": [("85322400", 1.0, 0.0)],
    "8533": [("85332100", 1.0, 0.0)],
    "9013": [("90132000", 1.0, 0.0), ("90139080", 1.0, 0.0)],
    "9014": [("90142080", 1.0, 0.0), ("90148000", 1.5, 0.0)],
    "8486": [("84862090", 1.0, 0.0), ("84869090", 1.5, 0.0)],
}
EFFECT_HEADINGS = ["8471", "8473", "8542", "8517", "8536", "8541"]
CONTROL_HEADINGS = [h for h in PRODUCTS if h not in EFFECT_HEADINGS]

# EU-27 exports in 2021, EUR million per year (assumption; order RU, BY, AM, GE, KZ, KG, UZ).
BASE_2021_MEUR = {
    "8471": [950, 80, 7.0, 14.0, 75, 2.0, 22],
    "8473": [260, 25, 1.5, 3.0, 18, 0.5, 5.0],
    "8542": [380, 30, 1.2, 2.0, 14, 0.6, 3.5],
    "8517": [700, 60, 8.0, 12.0, 60, 3.0, 20],
    "8536": [600, 90, 6.0, 10.0, 70, 3.0, 25],
    "8541": [120, 15, 0.8, 1.2, 8.0, 0.3, 3.0],
    "8525": [120, 10, 1.5, 2.5, 12, 0.5, 3.0],
    "8526": [60, 4, 0.6, 1.5, 5.0, 0.3, 1.5],
    "8529": [150, 12, 1.5, 3.0, 10, 0.6, 3.0],
    "8532": [90, 10, 0.3, 0.6, 4.0, 0.1, 1.0],
    "8533": [50, 6, 0.3, 0.5, 3.0, 0.1, 0.8],
    "9013": [70, 5, 0.5, 1.0, 4.0, 0.2, 1.0],
    "9014": [40, 3, 0.3, 0.8, 3.0, 0.1, 0.8],
    "8486": [200, 10, 0.5, 0.5, 10, 0.1, 2.0],
}

# Target ratio EU-wide sum Jan-Nov 2022 / Jan-Nov 2021 (EUR) under full effect.
# "published" = Chupilkin-Javorcik-Plekhanov; everything else = assumption.
PUBLISHED = {
    ("8471", "AM"): 6.0, ("8471", "KG"): 4.5, ("8471", "KZ"): 2.8, ("8471", "RU"): 0.20,
    ("8542", "AM"): 12.8, ("8542", "KG"): 28.0, ("8542", "KZ"): 2.7, ("8542", "RU"): 0.23,
}
TARGET_RATIO = {
    "8471": {"RU": 0.20, "BY": 0.30, "AM": 6.0, "GE": 1.7, "KZ": 2.8, "KG": 4.5, "UZ": 1.6},
    "8542": {"RU": 0.23, "BY": 0.30, "AM": 12.8, "GE": 2.2, "KZ": 2.7, "KG": 28.0, "UZ": 2.0},
    "8473": {"RU": 0.22, "BY": 0.35, "AM": 5.0, "GE": 1.5, "KZ": 2.2, "KG": 4.0, "UZ": 1.4},
    "8517": {"RU": 0.35, "BY": 0.45, "AM": 2.5, "GE": 1.3, "KZ": 1.6, "KG": 2.8, "UZ": 1.3},
    "8536": {"RU": 0.40, "BY": 0.45, "AM": 2.2, "GE": 1.2, "KZ": 1.5, "KG": 2.5, "UZ": 1.2},
    "8541": {"RU": 0.30, "BY": 0.40, "AM": 3.0, "GE": 1.3, "KZ": 1.8, "KG": 3.5, "UZ": 1.3},
}
CONTROL_TARGET = {"RU": 0.30, "BY": 0.40}   # intermediaries: baseline only

# Unit values EUR/kg (assumption), for QUANTITY_IN_KG.
UNIT_VALUE = {"8471": 180.0, "8473": 110.0, "8542": 3000.0, "8517": 90.0, "8536": 45.0,
              "8541": 500.0, "8525": 220.0, "8526": 300.0, "8529": 60.0, "8532": 160.0,
              "8533": 70.0, "9013": 400.0, "9014": 250.0, "8486": 110.0}
# Sparsity: a month has a shipment with p = 1 - exp(-(mean/s0)^PRES_EXP - mean/S_BIG).
# The square-root term makes small cells sporadic with small values (value ~ sqrt(mean*s0)).
# The linear term makes cells above a few EUR 100k/month present every month.
PRES_SCALE = {"8471": 560000.0, "8542": 200000.0}   # s0 per heading (EUR/month)
DEFAULT_PRES_SCALE = 360000.0
PRES_EXP = 0.5
S_BIG = 300000.0
RP_SD = 1.0      # sd of log (reporter, partner, heading) level effect -> concentrated trade
CELL_SD = 0.9    # sd of log (reporter, partner, CN8) level effect

SPIKE_P = 0.006          # one-off large shipment probability per shipment
SPIKE_LO = 3.0           # spike multiplier is log-uniform in [SPIKE_LO, spike_hi(mean)]
SPIKE_MAX_MEAN = 3e6     # no spikes in cells whose monthly mean exceeds this


def spike_hi(mean):
    """Upper spike multiplier: x15 for cells < EUR 20k/month, shrinking to x3.5 at EUR 2m/month."""
    if mean <= 2e4:
        return 15.0
    if mean >= 2e6:
        return 3.5
    t = (math.log(mean) - math.log(2e4)) / (math.log(2e6) - math.log(2e4))
    return 15.0 - 11.5 * t


def spike_inflation(mean):
    hi = spike_hi(mean)
    m = (hi - SPIKE_LO) / math.log(hi / SPIKE_LO)
    return 1.0 + SPIKE_P * (m - 1.0)


# Russia/Belarus post-sanction shape: month m>=Mar is r*f_member + addon (Mar, Apr only).
RU_ADDON = {RULE_IDX: 0.10, RULE_IDX + 1: 0.02}
RU_FLOOR = 0.003
# Re-routing ramp from Mar 2022 (before member lag).
RAMP = [0.25, 0.60, 0.90]

JAN_NOV_2021 = [MONTHS.index(f"2021-{m:02d}") for m in range(1, 12)]
JAN_NOV_2022 = [MONTHS.index(f"2022-{m:02d}") for m in range(1, 12)]


def lognorm(rng, sd):
    """Mean-one lognormal."""
    return math.exp(rng.gauss(0.0, sd) - sd * sd / 2.0)


def cell_sigma(mean):
    """Monthly noise sd: 0.9 for cells < EUR 5k/month, 0.4 for > EUR 1m/month, log-linear between."""
    if mean <= 5e3:
        return 0.9
    if mean >= 1e6:
        return 0.4
    t = (math.log(mean) - math.log(5e3)) / (math.log(1e6) - math.log(5e3))
    return 0.9 - 0.5 * t


class Cell:
    __slots__ = ("rep", "par", "heading", "cn8", "path", "extra_w", "ru_f", "lag", "mult")

    def __init__(self, rep, par, heading, cn8):
        self.rep, self.par, self.heading, self.cn8 = rep, par, heading, cn8
        self.path = [0.0] * len(MONTHS)   # baseline mean path (EUR)
        self.extra_w = 0.0                # weight in re-routed flow
        self.ru_f = 1.0                   # member-specific residual factor (RU/BY)
        self.lag = 0
        self.mult = [1.0] * len(MONTHS)   # effect multiplier for baseline (RU/BY)


def build_cells(seed):
    rng = random.Random(f"{seed}-structure")
    cells = []
    for h, prods in PRODUCTS.items():
        for pi, p in enumerate(PARTNERS):
            annual = BASE_2021_MEUR[h][pi] * 1e6
            aff = AFFINITY.get(p, {})
            group = []
            for r in REP_CODES:
                rp_noise = math.exp(rng.gauss(0.0, RP_SD))
                a = aff.get(r, DEFAULT_AFFINITY[p])
                if r in TINY:
                    a *= 0.6
                for cn8, mix, _ in prods:
                    w = REP_SIZE[r] * a * rp_noise * mix * math.exp(rng.gauss(0.0, CELL_SD))
                    group.append((Cell(r, p, h, cn8), w))
            tot = sum(w for _, w in group)
            for c, w in group:
                level = annual * w / tot / 12.0
                d = rng.gauss(0.0, 0.15)
                for i in range(len(MONTHS)):
                    d = 0.85 * d + rng.gauss(0.0, 0.08)
                    c.path[i] = level * SEASON[i % 12] * trend(i) * math.exp(d)
                c.ru_f = math.exp(rng.gauss(0.0, 0.8))
                cells.append(c)
    # Re-routing weights: by member's Russia exports (per heading) x heavy-tailed driver factor.
    ru_by_rep = {}
    for c in cells:
        if c.par == "RU":
            key = (c.heading, c.rep)
            ru_by_rep[key] = ru_by_rep.get(key, 0.0) + sum(c.path[j] for j in JAN_NOV_2021)
    driver = {}
    lags = {}
    for p in INTERMEDIARIES:
        for r in REP_CODES:
            f = math.exp(rng.gauss(0.0, 0.9))
            if r in DRIVERS[p]:
                f *= 4.0
            if r in TINY:
                f *= 0.3
            driver[(p, r)] = f
            u = rng.random()
            lags[(p, r)] = 0 if u < 0.6 else (1 if u < 0.9 else 2)
    rmix = {h: {cn8: rw for cn8, _, rw in prods} for h, prods in PRODUCTS.items()}
    for c in cells:
        if c.par in INTERMEDIARIES and c.heading in EFFECT_HEADINGS:
            c.extra_w = ((ru_by_rep[(c.heading, c.rep)] ** 0.7) * driver[(c.par, c.rep)]
                         * rmix[c.heading][c.cn8] * math.exp(rng.gauss(0.0, 0.4)))
            c.lag = lags[(c.par, c.rep)]
    return cells


def ramp_value(i, lag):
    k = i - RULE_IDX - lag
    if k < 0:
        return 0.0
    if k < len(RAMP):
        return RAMP[k]
    return 1.0 + 0.015 * (k - len(RAMP))   # gentle continued growth in H2 2022


def draw_month(rng, mean, heading):
    """Return (value_eur_int, kg_int) or None. Always consumes the same number of draws."""
    u_pres = rng.random()
    z = rng.gauss(0.0, 1.0)
    u_spike = rng.random()
    u_fac = rng.random()
    z_uv = rng.gauss(0.0, 1.0)
    if mean <= 0.0:
        return None
    s0 = PRES_SCALE.get(heading, DEFAULT_PRES_SCALE)
    p = 1.0 - math.exp(-((mean / s0) ** PRES_EXP) - mean / S_BIG)
    if u_pres >= p:
        return None
    sd = cell_sigma(mean)
    v = mean / p * math.exp(sd * z - sd * sd / 2.0)
    if mean < SPIKE_MAX_MEAN:
        if u_spike < SPIKE_P:
            v *= SPIKE_LO * (spike_hi(mean) / SPIKE_LO) ** u_fac
        v /= spike_inflation(mean)
    eur = int(round(v))
    if eur < 1:
        return None
    uv = UNIT_VALUE[heading] * math.exp(0.35 * z_uv)
    kg = max(1, int(round(eur / uv)))
    return eur, kg


def generate(seed, effect):
    cells = build_cells(seed)
    noise = random.Random(f"{seed}-noise")
    obs = {}   # (cell index, month index) -> (eur, kg)

    def draw_range(idx_range, mean_fn):
        for ci, c in enumerate(cells):
            for i in idx_range:
                res = draw_month(noise, mean_fn(c, i), c.heading)
                if res:
                    obs[(ci, i)] = res

    # Pass 1: 2020-01..2022-02 (pre-rule), identical across effect sizes.
    draw_range(range(0, RULE_IDX), lambda c, i: c.path[i])

    realised21 = {}
    for (ci, i), (eur, _) in obs.items():
        if i in JAN_NOV_2021:
            c = cells[ci]
            k = (c.heading, c.par)
            realised21[k] = realised21.get(k, 0.0) + eur

    solve_info = {}
    extra_amount = {}
    if effect > 0:
        groups = {}
        for c in cells:
            groups.setdefault((c.heading, c.par), []).append(c)
        for (h, p), grp in groups.items():
            b21 = realised21.get((h, p), 0.0)
            base22 = sum(c.path[i] for c in grp for i in JAN_NOV_2022)
            r_base = base22 / b21 if b21 > 0 else 1.0
            full = TARGET_RATIO[h].get(p) if h in TARGET_RATIO else CONTROL_TARGET.get(p)
            if full is None:
                solve_info[(h, p)] = {"target_ratio": None, "baseline_expected_ratio": r_base}
                continue
            target = r_base + effect * (full - r_base)
            T = target * b21
            if p in TARGETS:
                fixed = sum(c.path[i] for c in grp for i in JAN_NOV_2022 if i < RULE_IDX)
                addon = sum(c.path[i] * RU_ADDON.get(i, 0.0) for c in grp for i in JAN_NOV_2022)
                var = sum(c.path[i] * c.ru_f for c in grp for i in JAN_NOV_2022 if i >= RULE_IDX)
                r = (T - fixed - addon) / var
                k = 1.0
                if r < RU_FLOOR:
                    r = RU_FLOOR
                    k = max(0.0, (T - fixed - r * var) / addon) if addon > 0 else 0.0
                for c in grp:
                    for i in range(RULE_IDX, len(MONTHS)):
                        c.mult[i] = min(1.5, r * c.ru_f + k * RU_ADDON.get(i, 0.0))
                solve_info[(h, p)] = {"target_ratio": target, "baseline_expected_ratio": r_base,
                                      "residual_level": r, "addon_scale": k}
            else:
                kern = sum(c.extra_w * SEASON[i % 12] * trend(i) * ramp_value(i, c.lag)
                           for c in grp for i in JAN_NOV_2022)
                A = max(0.0, (T - base22) / kern) if kern > 0 else 0.0
                extra_amount[(h, p)] = A
                solve_info[(h, p)] = {"target_ratio": target, "baseline_expected_ratio": r_base,
                                      "extra_eur_expected_jan_nov_2022": A * kern}

    def mean_post(c, i):
        m = c.path[i] * c.mult[i]
        A = extra_amount.get((c.heading, c.par), 0.0)
        if A and c.extra_w:
            m += A * c.extra_w * SEASON[i % 12] * trend(i) * ramp_value(i, c.lag)
        return m

    # Pass 2: 2022-03..2022-11
    draw_range(range(RULE_IDX, len(MONTHS)), mean_post)
    return cells, obs, solve_info


def write_outputs(out, seed, effect, cells, obs, solve_info, xlsx=False):
    os.makedirs(out, exist_ok=True)
    source = f"{GENERATOR} v{VERSION} seed={seed} effect={effect:g}"
    rows = []
    for (ci, i), (eur, kg) in obs.items():
        c = cells[ci]
        rows.append((MONTHS[i], c.rep, c.par, c.cn8, eur, kg))
    rows.sort()

    with open(os.path.join(out, "panel.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["period", "reporter", "partner", "flow", "hs_code", "value_usd", "status", "source"])
        for per, r, p, cn8, eur, _ in rows:
            w.writerow([per, r, p, "export", cn8, f"{eur * EURUSD[per]:.2f}", "final", source])

    with open(os.path.join(out, "comext_bulk.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["DECLARANT_ISO", "PARTNER_ISO", "PRODUCT_NC", "FLOW", "STAT_REGIME",
                    "PERIOD", "VALUE_IN_EUROS", "QUANTITY_IN_KG"])
        for per, r, p, cn8, eur, kg in rows:
            w.writerow([r, p, cn8, 2, 4, per.replace("-", ""), eur, kg])

    with open(os.path.join(out, "databrowser.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["DATAFLOW", "LAST UPDATE", "freq", "reporter", "partner", "product", "flow",
                    "indicators", "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"])
        for per, r, p, cn8, eur, _ in rows:
            w.writerow(["ESTAT:DS-045409(1.0)", "16/01/23 11:00:00", "Monthly", REP_LABEL[r],
                        PARTNER_LABEL[p], cn8, "EXPORT", "VALUE_IN_EUROS", per, eur, ""])

    if xlsx:
        write_xlsx(os.path.join(out, "databrowser.xlsx"), rows)

    # ---- truth
    sums = {}
    by_member = {}
    for per, r, p, cn8, eur, _ in rows:
        i = MONTHS.index(per)
        h = cn8[:4]
        yr = "2021" if i in JAN_NOV_2021 else ("2022" if i in JAN_NOV_2022 else None)
        if yr is None:
            continue
        s = sums.setdefault((h, p), {"2021": [0, 0.0], "2022": [0, 0.0]})
        s[yr][0] += eur
        s[yr][1] += eur * EURUSD[per]
        bm = by_member.setdefault((h, p), {})
        bm.setdefault(r, [0, 0])[0 if yr == "2021" else 1] += eur

    def entry(h, p):
        s = sums.get((h, p), {"2021": [0, 0.0], "2022": [0, 0.0]})
        e21, e22 = s["2021"][0], s["2022"][0]
        u21, u22 = s["2021"][1], s["2022"][1]
        d = {
            "eur_jan_nov_2021": e21, "eur_jan_nov_2022": e22,
            "ratio_eur": round(e22 / e21, 4) if e21 else None,
            "usd_jan_nov_2021": round(u21, 2), "usd_jan_nov_2022": round(u22, 2),
            "ratio_usd": round(u22 / u21, 4) if u21 else None,
        }
        if (h, p) in PUBLISHED:
            d["published_ratio"] = PUBLISHED[(h, p)]
            if effect > 0 and d["ratio_eur"] is not None:
                tgt = solve_info.get((h, p), {}).get("target_ratio")
                d["effect_scaled_target"] = round(tgt, 4) if tgt else None
                d["within_30pct_of_target"] = bool(tgt and abs(d["ratio_eur"] / tgt - 1) <= 0.30)
        si = solve_info.get((h, p))
        if si:
            d["design"] = {k: (round(v, 6) if isinstance(v, float) else v) for k, v in si.items()}
        if p in INTERMEDIARIES and h in EFFECT_HEADINGS and effect > 0:
            bm = by_member.get((h, p), {})
            inc = {r: v[1] - v[0] for r, v in bm.items()}
            tot = sum(v for v in inc.values() if v > 0)
            top = sorted(inc.items(), key=lambda kv: -kv[1])[:5]
            d["top_members_by_increase"] = [
                {"reporter": r, "increase_eur": v, "share_of_positive_increase": round(v / tot, 3) if tot else None}
                for r, v in top]
        return d

    truth = {
        "generator": GENERATOR, "version": VERSION, "seed": seed, "effect": effect,
        "source_field": source,
        "rule_month": RULE_MONTH,
        "period_range": [MONTHS[0], MONTHS[-1]],
        "reporters": REP_CODES, "targets": TARGETS, "intermediaries": INTERMEDIARIES,
        "effect_headings": EFFECT_HEADINGS if effect > 0 else [],
        "effect_headings_if_on": EFFECT_HEADINGS,
        "control_headings": CONTROL_HEADINGS,
        "cn8_codes": {h: [c for c, _, _ in v] for h, v in PRODUCTS.items()},
        "reroute_ramp_from_rule_month": RAMP + [1.0],
        "member_lag_months": "0 (60%), 1 (30%), 2 (10%) per (intermediary, member)",
        "drivers_of_rerouting": {p: sorted(v) for p, v in DRIVERS.items()},
        "row_count": len(rows),
        "headline": {h: {p: entry(h, p) for p in PARTNERS} for h in ("8471", "8542")},
        "all_headings": {h: {p: entry(h, p) for p in PARTNERS} for h in PRODUCTS},
        "target_ratios_full_effect": {"published": {f"{h}/{p}": v for (h, p), v in PUBLISHED.items()},
                                      "assumed": TARGET_RATIO, "control_headings": CONTROL_TARGET},
        "eurusd_monthly": EURUSD,
        "notes": [
            "Ratios are EU-27 sums over all CN8 codes of a heading and over all 27 reporters, "
            "Jan-Nov 2022 / Jan-Nov 2021, computed from the integer EUR values written to "
            "comext_bulk.csv. ratio_usd uses panel.csv (USD), which is ~10% lower because the "
            "EUR fell against the USD in 2022.",
            "Design: the effect (RU/BY residual level and re-routed volume) is sized so that "
            "the EXPECTED Jan-Nov 2022 sum equals target x the REALISED Jan-Nov 2021 sum; "
            "2022 noise is left in, so realised ratios deviate from targets.",
            "With effect 0 the panel has the same cells and the same random streams; 2020-01..2022-02 "
            "rows are identical to the effect run with the same seed. Intermediary ratios then "
            "reflect only trend (~1.07) plus noise; Russia is not collapsed.",
            "Control headings lose Russia/Belarus too (effect on) but get no re-routing.",
            "Missing rows = no exports that month (no zero rows, no confidential flags).",
            "HS2022 changes: codes were chosen that are (to the author's belief) valid CN8 both "
            "before and after 1 Jan 2022; 8548 is omitted because HS2022 restructured it.",
        ],
        "format_beliefs": {
            "comext_bulk": "Real Comext bulk 'full' files (fullYYYYMM) have more columns "
                           "(DECLARANT, PARTNER numeric codes, TRADE_TYPE, PRODUCT_SITC, PRODUCT_CPA*, "
                           "PRODUCT_BEC*, PRODUCT_SECTION, SUPP_UNIT, SUP_QUANTITY); only the "
                           "requested subset is written. FLOW 1=import, 2=export. STAT_REGIME 4 is "
                           "believed to be the total across regimes (1 normal, 2 inward processing, "
                           "3 outward processing); only regime 4 rows are written. PERIOD YYYYMM "
                           "(annual totals would be YYYY52; none written). Greece is GR, not EL. "
                           "Real files also contain PRODUCT_NC aggregates (HS2/HS4/TOTAL); none written.",
            "databrowser": "Modelled on the Eurostat data browser SDMX-CSV download with labels "
                           "for DS-045409 (EU trade since 1988 by HS2-4-6 and CN8). Assumed: DATAFLOW "
                           "'ESTAT:DS-045409(1.0)', 'LAST UPDATE' as dd/mm/yy hh:mm:ss, freq 'Monthly', "
                           "flow 'EXPORT', indicators 'VALUE_IN_EUROS', TIME_PERIOD 'YYYY-MM', OBS_FLAG "
                           "empty. Reporter labels (e.g. \"Germany (incl. German Democratic Republic 'DD' "
                           "from 1991)\", 'Ireland (Eire)', 'Greece') match labels seen in public scripts "
                           "reading Comext extracts. Partner labels 'Russian Federation (Russia)' and "
                           "'Belarus (Belorussia)' were also seen there. 'Kyrgyzstan' is a guess; the "
                           "alternative 'Kyrgyz Republic (Kyrgyzstan)' is possible. The product column "
                           "holds the bare CN8 code; the real labelled download may instead show the "
                           "product description, or 'code - description'. Values are in EUR.",
            "panel": "value_usd = integer EUR x monthly EUR/USD (hard-coded above), 2 decimals.",
        },
    }
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, indent=1, ensure_ascii=False)
    return truth


def write_xlsx(path, rows):
    """The data browser's spreadsheet download, "multiple sheets" by product: a block of fixed
    dimensions, a TIME row of months each followed by a flag column, the row dimensions
    (reporter, partner) and ':' where a cell has no observation. Needs openpyxl."""
    from openpyxl import Workbook

    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    summary.append(["EU trade since 1988 by HS2-4-6 and CN8 (DS-045409)"])
    summary.append(["Data extracted on 16/01/2023 11:00:00 from [ESTAT]"])
    by_product = {}
    for per, r, p, cn8, eur, _ in rows:
        by_product.setdefault(cn8, {})[(r, p, per)] = eur
    for n, (cn8, cells) in enumerate(sorted(by_product.items()), start=1):
        ws = wb.create_sheet(f"Sheet {n}")
        ws.append(["Data extracted on 16/01/2023 11:00:00 from [ESTAT]"])
        ws.append([])
        ws.append(["Dataset:", "EU trade since 1988 by HS2-4-6 and CN8 [DS-045409__custom_1]"])
        ws.append(["Last updated:", "16/01/2023 11:00"])
        ws.append([])
        ws.append(["Time frequency", "Monthly"])
        ws.append(["Product", f"{cn8}"])
        ws.append(["Flow", "EXPORT"])
        ws.append(["Indicators", "VALUE_IN_EUROS"])
        ws.append([])
        head = ["TIME", ""]
        for per in MONTHS:
            head += [per, ""]
        ws.append(head)
        ws.append(["REPORTER (Labels)", "PARTNER (Labels)"])
        pairs = sorted({(r, p) for (r, p, _) in cells})
        for r, p in pairs:
            line = [REP_LABEL[r], PARTNER_LABEL[p]]
            for per in MONTHS:
                v = cells.get((r, p, per))
                line += [":" if v is None else v, ""]
            ws.append(line)
        ws.append([])
        ws.append(["Special value:"])
        ws.append([":", "not available"])
    wb.save(path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--effect", type=float, default=1.0,
                    help="0 = null panel (no re-routing, no collapse); 1 = published magnitudes")
    ap.add_argument("--out", required=True)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--xlsx", action="store_true",
                    help="also write databrowser.xlsx, the data browser's spreadsheet layout (needs openpyxl)")
    a = ap.parse_args()
    if a.effect < 0:
        ap.error("--effect must be >= 0")
    cells, obs, info = generate(a.seed, a.effect)
    truth = write_outputs(a.out, a.seed, a.effect, cells, obs, info, xlsx=a.xlsx)
    if not a.quiet:
        print(f"{a.out}: {truth['row_count']} rows (seed={a.seed}, effect={a.effect:g})")
        for h in ("8471", "8542"):
            parts = []
            for p in PARTNERS:
                e = truth["headline"][h][p]
                parts.append(f"{p} x{e['ratio_eur']:.2f}" if e["ratio_eur"] else f"{p} n/a")
            print(f"  {h} Jan-Nov 2022/2021 (EUR): " + ", ".join(parts))


if __name__ == "__main__":
    main()
