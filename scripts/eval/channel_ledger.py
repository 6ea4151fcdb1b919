#!/usr/bin/env python3
"""channel_ledger.py - independent, held-out evaluation ledger for diversion ranking.

Simulates the order book of "Orrery Compute", an invented authorised channel
distributor / server integrator selling accelerators and GPU servers worldwide,
2023-01-01 .. 2026-06-30.  Written without looking at the tool under test.

Usage:
    python3 scripts/eval/channel_ledger.py --seed N --orders 20000 --out DIR [--check]

Writes DIR/ledger.csv (schema: COLUMNS below) and DIR/truth.csv
(order_id,diverted,scheme).  About 3% of orders are diverted, spread over six
schemes; each scheme is a method ``scheme_<name>`` whose docstring cites the
public narratives it is modelled on.  A diverted order shows only some of its
scheme's tell-tales (order-level count 0-6, mean about 1.8); orders showing none
are visible only through links (shared bill-to address, phone, e-mail domain,
payer, data-centre site) to other orders of the same network.

Legitimate traffic (97%) carries benign versions of every tell-tale, e.g.
young startups placing big first orders, one-off sovereign / national buys,
home studios at residential addresses, gmail contacts, serviced-office
addresses shared by unrelated SMEs in SG/HK/MY/AE, treasury centres, lessors
and factoring banks paying for customers, 3PL ship-to for named end users,
US freight forwarders for LATAM resellers, resellers stocking with no end
user, experienced buyers declining installation, data centres declaring site
power (a few under-declared while phasing power in), subsidiaries of PRC
groups buying uncontrolled SKUs, China-specific SKUs (H20/L20/RTX-4090D)
shipped to CN/HK, lookalike-but-innocent company names, same-day split
deliveries, promotional/evaluation discounts, wrong HS codes, blank fields.
Run with --orders N to see the measured rates (printed signal table).

Standard library only.  Deterministic per seed: one random.Random(seed), no
iteration over sets, no hash-order dependence.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import math
import os
import re
import random
import sys
from bisect import bisect_left
from itertools import accumulate

D0, D1 = dt.date(2023, 1, 1), dt.date(2026, 6, 30)
HQ_RULE = dt.date(2023, 11, 17)          # Oct-2023 AC/S rule in force (D:1/D:4/D:5 + PRC-HQ)
H20_BAN, H20_BACK = dt.date(2025, 4, 15), dt.date(2025, 8, 1)

COLUMNS = (
    "order_id", "order_date", "seller", "seller_country",
    "bill_to_name", "bill_to_address", "bill_to_country",
    "ship_to_name", "ship_to_address", "ship_to_country", "ship_to_type",
    "end_user_name", "end_user_address", "end_user_country",
    "end_user_parent", "end_user_parent_country", "payer_name", "payer_country",
    "item", "hs_code", "quantity", "unit_price_usd", "currency", "incoterm",
    "forwarder", "route", "declared_end_use", "installation_declined",
    "customer_since", "contact_email", "contact_phone", "declared_site_mw", "licence",
)
REQUIRED = ("order_id", "order_date", "ship_to_country", "item", "quantity")
SHIP_TYPES = ("end_user", "distributor", "reseller", "forwarder", "datacenter", "logistics")
INCOTERMS = ("EXW", "FCA", "FOB", "CPT", "CIP", "DAP", "DPU", "DDP")
BLANKABLE = ("seller", "seller_country", "bill_to_address", "end_user_address",
             "end_user_parent_country", "payer_country", "hs_code", "currency",
             "incoterm", "forwarder", "route", "declared_end_use",
             "customer_since", "contact_email", "contact_phone", "licence")
SCHEMES = ("hub_front", "listed_alias", "prc_parent", "dc_front",
           "forwarder_reexport", "third_party_payer")
SCHEME_SHARE = (0.22, 0.10, 0.18, 0.15, 0.20, 0.15)
DIVERTED_RATE = 0.03
K_ACCT = {0: 0.40, 1: 0.42, 2: 0.15, 3: 0.03}    # account-level tell-tales per shell
K_ORDER = {0: 0.30, 1: 0.45, 2: 0.20, 3: 0.05}   # order-level tell-tales per order

# item: kind, street price lo/hi at launch (USD), first/last order date,
#       relative price drift to 2026-06, kW per unit incl. host share, controlled for China
_ITEMS = {
    "A100": ("module", 9500, 16000, "2023-01-01", "2025-06-30", -0.30, 0.6, True),
    "H100-SXM": ("module", 25000, 38000, "2023-01-01", "2026-06-30", -0.28, 1.3, True),
    "H100-PCIE": ("card", 22000, 31000, "2023-01-01", "2026-06-30", -0.28, 0.55, True),
    "H200": ("module", 30000, 40000, "2024-03-15", "2026-06-30", -0.15, 1.35, True),
    "B200": ("module", 36000, 48000, "2024-12-01", "2026-06-30", -0.08, 1.8, True),
    "B300": ("module", 45000, 58000, "2025-10-01", "2026-06-30", 0.0, 2.0, True),
    "L40S": ("card", 7400, 10500, "2023-01-01", "2026-06-30", -0.12, 0.5, True),
    "L4": ("card", 2100, 3100, "2023-01-01", "2026-06-30", -0.10, 0.1, False),
    "RTX-4090": ("card", 1600, 2300, "2023-01-01", "2025-03-31", 0.25, 0.6, True),
    "RTX-5090": ("card", 2000, 3300, "2025-02-01", "2026-06-30", 0.05, 0.75, True),
    "MI300X": ("module", 11000, 19000, "2024-01-15", "2026-06-30", -0.20, 1.3, True),
    "MI325X": ("module", 16000, 24000, "2024-11-01", "2026-06-30", -0.10, 1.4, True),
    "GAUDI3": ("module", 11000, 16000, "2024-10-01", "2026-06-30", -0.10, 1.2, True),
    "HGX-H100-8GPU": ("system", 210000, 290000, "2023-01-01", "2026-06-30", -0.25, 10.2, True),
    "DGX-H100": ("system", 300000, 420000, "2023-03-01", "2026-06-30", -0.20, 10.2, True),
    "HGX-H200-8GPU": ("system", 260000, 330000, "2024-04-01", "2026-06-30", -0.12, 10.2, True),
    "DGX-B200": ("system", 450000, 540000, "2024-12-15", "2026-06-30", -0.05, 14.3, True),
    "HGX-B200-8GPU": ("system", 340000, 440000, "2025-01-15", "2026-06-30", -0.05, 14.3, True),
    "H20": ("module", 10000, 14000, "2024-02-01", "2026-06-30", -0.10, 0.7, False),
    "L20": ("card", 5500, 8000, "2023-12-15", "2026-06-30", -0.10, 0.4, False),
    "RTX-4090D": ("card", 1800, 2700, "2024-01-10", "2026-06-30", 0.0, 0.55, False),
}
ITEMS = {k: (v[0], v[1], v[2], dt.date.fromisoformat(v[3]), dt.date.fromisoformat(v[4]),
             v[5], v[6], v[7]) for k, v in _ITEMS.items()}
HS_OK = {"system": ("8471.50", "8471.80"), "module": ("8473.30", "8542.31"), "card": ("8473.30",)}
HS_WRONG = ("8471.50", "8473.30", "8542.31", "8471.80", "8471.41", "8517.62", "8504.40", "8473.50")

# code: dial, tld, local currency, legal forms, cities (with postcodes)
CTRY = {
    "US": ("+1", ".com", "USD", ("Inc.", "LLC", "Corp."), ("San Jose, CA 95134", "Austin, TX 78701", "Ashburn, VA 20147", "Seattle, WA 98109", "Boston, MA 02210", "Dallas, TX 75247", "Chicago, IL 60607", "Miami, FL 33166", "Atlanta, GA 30303")),
    "CA": ("+1", ".ca", "CAD", ("Inc.", "Ltd."), ("Toronto, ON M5V 2T6", "Montreal, QC H3B 4W8", "Vancouver, BC V6B 1A1", "Waterloo, ON N2L 3G1")),
    "MX": ("+52", ".com.mx", "USD", ("S.A. de C.V.",), ("Ciudad de Mexico, CDMX 06600", "Monterrey, NL 64000", "Guadalajara, JAL 44100")),
    "BR": ("+55", ".com.br", "USD", ("Ltda.", "S.A."), ("Sao Paulo, SP 04538-133", "Campinas, SP 13083-970", "Rio de Janeiro, RJ 20040-020")),
    "CL": ("+56", ".cl", "USD", ("SpA", "S.A."), ("Santiago 7550000", "Valparaiso 2340000")),
    "GB": ("+44", ".co.uk", "GBP", ("Ltd", "Limited", "PLC"), ("London EC2A 4NE", "Cambridge CB4 0WS", "Manchester M1 3BE", "Edinburgh EH3 9DR", "Slough SL1 4AX")),
    "IE": ("+353", ".ie", "EUR", ("Limited", "DAC"), ("Dublin 2, D02 X285", "Cork, T12 W8DR", "Galway, H91 E2K3")),
    "NL": ("+31", ".nl", "EUR", ("B.V.", "N.V."), ("1096 BK Amsterdam", "5656 AE Eindhoven", "2595 AN Den Haag", "1118 CP Schiphol")),
    "DE": ("+49", ".de", "EUR", ("GmbH", "AG", "SE"), ("60314 Frankfurt am Main", "80807 Munchen", "10117 Berlin", "70173 Stuttgart", "20457 Hamburg")),
    "FR": ("+33", ".fr", "EUR", ("SAS", "S.A."), ("75008 Paris", "91120 Palaiseau", "69007 Lyon", "31000 Toulouse")),
    "ES": ("+34", ".es", "EUR", ("S.L.", "S.A."), ("28046 Madrid", "08018 Barcelona")),
    "IT": ("+39", ".it", "EUR", ("S.r.l.", "S.p.A."), ("20121 Milano", "10121 Torino", "40121 Bologna")),
    "CH": ("+41", ".ch", "CHF", ("AG", "SA", "GmbH"), ("8005 Zurich", "1015 Lausanne", "6300 Zug")),
    "SE": ("+46", ".se", "SEK", ("AB",), ("111 57 Stockholm", "411 03 Goteborg", "223 70 Lund")),
    "NO": ("+47", ".no", "NOK", ("AS",), ("0150 Oslo", "5003 Bergen", "3616 Kongsberg")),
    "FI": ("+358", ".fi", "EUR", ("Oy",), ("00100 Helsinki", "33100 Tampere", "90100 Oulu")),
    "IS": ("+354", ".is", "EUR", ("ehf.", "hf."), ("101 Reykjavik", "230 Reykjanesbaer")),
    "PL": ("+48", ".pl", "PLN", ("Sp. z o.o.", "S.A."), ("00-001 Warszawa", "30-001 Krakow", "50-001 Wroclaw")),
    "LU": ("+352", ".lu", "EUR", ("S.A.", "S.a r.l."), ("L-1855 Luxembourg", "L-2540 Luxembourg")),
    "IL": ("+972", ".co.il", "USD", ("Ltd.",), ("Tel Aviv 6789141", "Haifa 3508409", "Herzliya 4672512")),
    "AE": ("+971", ".ae", "AED", ("LLC", "FZ-LLC", "FZE", "FZCO"), ("Dubai", "Abu Dhabi", "Sharjah", "Ras Al Khaimah")),
    "SA": ("+966", ".com.sa", "SAR", ("LLC", "Co."), ("Riyadh 12611", "Jeddah 23442", "Dammam 32241")),
    "IN": ("+91", ".in", "INR", ("Pvt. Ltd.", "Ltd."), ("Bengaluru 560103", "Hyderabad 500081", "Pune 411057", "Mumbai 400051", "Chennai 600113", "Noida 201301")),
    "SG": ("+65", ".com.sg", "SGD", ("Pte. Ltd.", "Pte Ltd"), ("Singapore",)),
    "MY": ("+60", ".com.my", "MYR", ("Sdn. Bhd.", "Sdn Bhd", "Berhad"), ("50450 Kuala Lumpur", "63000 Cyberjaya", "81200 Johor Bahru", "47800 Petaling Jaya", "11900 Bayan Lepas, Penang", "81400 Senai, Johor")),
    "TH": ("+66", ".co.th", "THB", ("Co., Ltd.", "Public Co., Ltd."), ("Bangkok 10110", "Bangkok 10500", "Chonburi 20230", "Nonthaburi 11120")),
    "VN": ("+84", ".vn", "USD", ("Company Limited", "JSC"), ("Ho Chi Minh City", "Ha Noi", "Da Nang")),
    "ID": ("+62", ".co.id", "USD", ("",), ("Jakarta 12950", "Batam 29461", "Bekasi 17530")),
    "HK": ("+852", ".com.hk", "HKD", ("Limited", "Ltd"), ("Kwun Tong, Kowloon", "Wan Chai, Hong Kong", "Sha Tin, New Territories", "Tsuen Wan, New Territories", "Central, Hong Kong")),
    "CN": ("+86", ".com.cn", "CNY", ("Co., Ltd.",), ("Shenzhen, Guangdong 518057", "Shanghai 200120", "Beijing 100085", "Hangzhou, Zhejiang 310052", "Chengdu, Sichuan 610041", "Changsha, Hunan 410073", "Tianjin 300384", "Jinan, Shandong 250101")),
    "TW": ("+886", ".com.tw", "USD", ("Co., Ltd.", "Inc."), ("Taipei 114", "Hsinchu 300", "Taoyuan 333", "Taichung 407")),
    "JP": ("+81", ".co.jp", "JPY", ("K.K.", "Co., Ltd.", "G.K."), ("Minato-ku, Tokyo 105-0001", "Chiyoda-ku, Tokyo 100-0005", "Kita-ku, Osaka 530-0001", "Nishi-ku, Yokohama 220-0012", "Fukuoka 812-0011")),
    "KR": ("+82", ".co.kr", "KRW", ("Co., Ltd.", "Inc."), ("Gangnam-gu, Seoul 06164", "Seongnam-si, Gyeonggi 13494", "Yuseong-gu, Daejeon 34141")),
    "AU": ("+61", ".com.au", "AUD", ("Pty Ltd",), ("Sydney NSW 2000", "Melbourne VIC 3000", "Canberra ACT 2601", "Brisbane QLD 4000")),
    "KZ": ("+7", ".kz", "USD", ("LLP",), ("Almaty 050000", "Astana 010000")),
    "VG": ("+1284", ".com", "USD", ("Ltd", "Limited", "Inc."), ("Road Town, Tortola",)),
    "SC": ("+248", ".com", "USD", ("Ltd", "Limited"), ("Victoria, Mahe",)),
    "KY": ("+1345", ".ky", "USD", ("Ltd", "LP"), ("George Town, Grand Cayman KY1-1104",)),
}
LOCAL_CCY_SHARE = {"EUR": 0.7, "GBP": 0.6, "JPY": 0.7, "AUD": 0.5, "CAD": 0.4, "CHF": 0.4,
                   "SEK": 0.3, "NOK": 0.3, "PLN": 0.2, "CNY": 0.45, "SGD": 0.15, "MYR": 0.1,
                   "INR": 0.1, "HKD": 0.15, "AED": 0.05, "THB": 0.05, "KRW": 0.1, "SAR": 0.05}
COUNTRY_NAME = {"SG": "Singapore", "MY": "Malaysia", "TH": "Thailand", "ID": "Indonesia",
                "VN": "Vietnam", "AE": "UAE", "JP": "Japan", "KR": "Korea", "IN": "India",
                "SA": "Saudi Arabia", "HK": "Hong Kong", "TW": "Taiwan", "DE": "Germany",
                "GB": "UK", "AU": "Australia", "NL": "Netherlands", "FR": "France"}
HUBS = ("SG", "MY", "TH", "AE", "HK", "VN", "ID")
LIC_CTRY = ("CN", "HK", "VN", "AE", "SA", "KZ")   # advanced items need a licence after HQ_RULE
EURO_STYLE = ("DE", "NL", "CH", "SE", "NO", "FI", "PL", "IS", "IT", "ES", "LU", "FR")
REGION = {}
for _c in ("US", "CA", "MX", "BR", "CL"):
    REGION[_c] = "AM"
for _c in ("GB", "IE", "NL", "DE", "FR", "ES", "IT", "CH", "SE", "NO", "FI", "IS", "PL", "LU", "IL"):
    REGION[_c] = "EU"
for _c in ("AE", "SA", "KZ", "IN"):
    REGION[_c] = "ME"
for _c in ("SG", "MY", "TH", "VN", "ID", "AU", "KR", "TW", "VG", "SC", "KY"):
    REGION[_c] = "AP"
REGION.update({"JP": "JP", "CN": "CN", "HK": "CN"})
SELLERS = {"AM": ("Orrery Compute Distribution Inc.", "US"), "EU": ("Orrery Compute Europe B.V.", "NL"),
           "ME": ("Orrery Compute Middle East FZ-LLC", "AE"), "AP": ("Orrery Compute Asia Pte. Ltd.", "SG"),
           "JP": ("Orrery Compute Japan K.K.", "JP"), "CN": ("Orrery Compute (Hong Kong) Limited", "HK")}
TRANSIT = {"AM": ("US",), "EU": ("NL", "DE", "BE"), "ME": ("AE",), "AP": ("SG", "HK"),
           "JP": ("SG", "KR"), "CN": ("HK",)}

GEN_STREETS = ("Harbour Road", "Innovation Drive", "Station Street", "Market Street", "Science Park Road",
               "Riverside Avenue", "Commerce Way", "Park Lane", "Kings Road", "Enterprise Boulevard",
               "Technology Drive", "Mill Street", "Central Avenue", "Quay Street")
CTRY_STREETS = {
    "DE": ("Hanauer Landstrasse", "Leopoldstrasse", "Friedrichstrasse", "Industriestrasse", "Mainzer Landstrasse"),
    "NL": ("Science Park", "Herengracht", "Stationsplein", "High Tech Campus"),
    "FR": ("Rue de la Paix", "Avenue de France", "Rue Jean Jaures", "Boulevard Haussmann"),
    "SG": ("Science Park Road", "Changi Business Park Crescent", "Kallang Avenue", "Ubi Avenue 1", "Tai Seng Street", "Jurong East Street 21", "Loyang Way", "Ayer Rajah Crescent"),
    "MY": ("Jalan Teknologi", "Jalan Ampang", "Persiaran Multimedia", "Jalan Tun Razak", "Jalan Sultan Ismail"),
    "HK": ("Hoi Bun Road", "Science Park West Avenue", "Wang Chiu Road", "Queen's Road Central", "Hennessy Road"),
    "JP": ("Shibaura", "Marunouchi", "Umeda", "Minatomirai"),
    "CN": ("Keji Road", "Zhangjiang Road", "Shangdi 10th Street", "Wenyi West Road", "Tianfu Avenue", "Lushan Road"),
    "AE": ("Sheikh Zayed Road", "Al Khail Road", "Dubai Internet City", "Khalifa Street", "Jebel Ali Free Zone"),
    "TH": ("Sukhumvit Road", "Rama IV Road", "Bangna-Trad Road", "Silom Road"),
    "IN": ("Outer Ring Road", "Whitefield Main Road", "HITEC City Road", "Bandra Kurla Complex"),
    "KR": ("Teheran-ro", "Pangyo-ro", "Daehak-ro"),
    "TW": ("Section 1, Neihu Road", "Science Park Road", "Zhonghua Road"),
}
INDUSTRIAL_STREETS = ("Data Centre Way", "Logistics Park Road", "Industrial Estate Road", "Technology Park Drive",
                      "Airport Cargo Road", "Free Zone Avenue", "Distribution Boulevard", "Power Station Road")
MY_NAMES = ("Bukit Indah", "Mutiara", "Sri Petaling", "Setia", "Perdana", "Bestari", "Mewah", "Cempaka")
HDB_STREETS = ("Tampines Street 81", "Jurong West Avenue 1", "Punggol Field", "Yishun Ring Road", "Bedok North Street 3", "Woodlands Drive 14", "Ang Mo Kio Avenue 3")
RES_STREETS = ("Maple Court", "Oak Avenue", "Garden Terrace", "Lakeview Drive", "Hillside Road", "Rosewood Lane")

PREFIX = ("Nova", "Vertex", "Quanta", "Helio", "Arbor", "Cobalt", "Lumen", "Stratus", "Kestrel", "Orion",
          "Cinder", "Pioneer", "Aster", "Boreal", "Cygnus", "Ember", "Fathom", "Granite", "Harbor", "Indigo",
          "Juniper", "Lattice", "Nimbus", "Onyx", "Polaris", "Quill", "Radian", "Sable", "Tessel", "Umbra",
          "Vector", "Willow", "Xenon", "Yarrow", "Zephyr", "Altair", "Beacon", "Caldera", "Dune", "Equinox",
          "Falcon", "Glacier", "Halcyon", "Iris", "Jasper", "Keystone", "Lyra", "Mosaic", "Nexa", "Opal",
          "Prism", "Quasar", "Redwood", "Summit", "Tidal", "Vantage", "Saffron", "Teal", "Marlin", "Corvid",
          "Banyan", "Lotus", "Meranti", "Kenari", "Hikari", "Sora", "Hana", "Daebak", "Jinse", "Anjali")
SUFFIX = ("", "", "", "", "Bridge", "Point", "Peak", "Field", "Stone", "Wave", "Line", "Gate", "Core",
          "Forge", "Spark", "Path", "Leaf", "Rock", "Sky", "Star")
FIRST = ("James", "Wei", "Priya", "Hiroshi", "Anna", "Mohammed", "Sofia", "Lukas", "Mei", "Carlos", "Aisha",
         "Ravi", "Chloe", "Jun", "Olga", "Daniel", "Siti", "Ahmad", "Emma", "Kenji", "Li", "Fatima", "Noah",
         "Hana", "Rahul", "Elena", "Omar", "Grace", "Minh", "Arjun", "Yuki", "Tomasz", "Ines", "Kwame")
LAST = ("Smith", "Chen", "Patel", "Tanaka", "Muller", "Khan", "Garcia", "Lim", "Wong", "Nguyen", "Kim",
        "Rossi", "Silva", "Haddad", "Ivanova", "Johansson", "Lee", "Abdullah", "Sato", "Singh", "Martin",
        "Lopez", "Tan", "Ng", "Park", "Cohen", "Novak", "Dubois", "Schmidt", "Rahman", "Zhang", "Liu")
FREE_MAIL = ("gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "protonmail.com")
FREE_CN = ("163.com", "qq.com", "126.com", "gmail.com", "outlook.com")
BIG_FWD = ("Transoceanic Freight Partners", "Northstar Global Logistics", "BlueHarbor Express",
           "Kite Air Cargo", "Pallas Freight Services", "Ridgeway Forwarding", "Meridian Air & Sea")
TRADING_WORDS = ("Trading", "International Trading", "Global Supply", "Technology Trading",
                 "Holdings", "Import & Export", "Commerce")
CN_PLACES = ("Zhejiang", "Jiangsu", "Guangdong", "Shenzhen", "Hangzhou", "Beijing", "Shanghai", "Chengdu", "Hefei", "Suzhou")
CN_BRANDS = ("Hanxin", "Yunrui", "Zhiqi", "Tianyan", "Lingxi", "Haoyun", "Shengda", "Xinhe", "Jiayu",
             "Ruiyuan", "Boxin", "Mingda", "Qiancheng", "Huaxing", "Zhongke Yunlian", "Xingchen")
CN_INDUSTRY = ("Cloud Technology", "Intelligent Computing", "Network Technology", "Information Technology",
               "Data Technology", "AI Technology")
VAGUE_USES = ("AI", "computing", "general purpose", "for customer", "cloud services", "trading",
              "IT equipment", "servers", "project", "R&D")
AI_TRAIN_USES = ("Large language model training", "Foundation model pre-training", "AI model training cluster",
                 "Multimodal model training for group", "LLM training and fine-tuning")
HPC_USES = ("HPC simulation", "University research cluster", "Computational fluid dynamics",
            "Numerical weather and climate modelling", "Scientific computing for research institute",
            "Parallel computing research")
TENANT_USES = ("GPU leasing to regional clients", "Compute rental for overseas customers",
               "AI cloud capacity for partners", "GPU hosting for third parties", "IaaS resale")
