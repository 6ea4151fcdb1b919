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
for _c in ("US", "CA", "MX", "BR", "CL"): REGION[_c] = "AM"
for _c in ("GB", "IE", "NL", "DE", "FR", "ES", "IT", "CH", "SE", "NO", "FI", "IS", "PL", "LU", "IL"):
    REGION[_c] = "EU"
for _c in ("AE", "SA", "KZ", "IN"): REGION[_c] = "ME"
for _c in ("SG", "MY", "TH", "VN", "ID", "AU", "KR", "TW", "VG", "SC", "KY"): REGION[_c] = "AP"
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

# Legitimate customer segments: order share, accounts per 20k orders, countries,
# name words, customer_since window, rates (free e-mail, residential / serviced
# office address, foreign parent, alternative payer, installation declined for
# systems), item mix, declared end uses.
SEG = {
    "hyperscaler": dict(share=0.06, accts=25, countries={"US": 40, "IE": 8, "NL": 6, "JP": 8, "SG": 6, "IN": 6, "AU": 5, "DE": 5, "GB": 5, "KR": 4, "MY": 4, "AE": 3},
                        words=("Cloud", "Cloud Services", "Digital"), since=("2008-01-01", "2019-12-31"), free=0, res=0, virt=0, parent=0.0, altpay=0.3, decline=0.75,
                        items={"HGX-H100-8GPU": 20, "HGX-H200-8GPU": 15, "HGX-B200-8GPU": 20, "DGX-B200": 5, "H100-SXM": 8, "H200": 8, "B200": 10, "B300": 8, "MI300X": 6, "MI325X": 4, "GAUDI3": 2, "L40S": 6, "L4": 6},
                        uses=("Cloud AI infrastructure", "Internal AI training cluster", "Public cloud GPU instances", "Search and recommendation inference", "AI services - region expansion")),
    "neocloud": dict(share=0.10, accts=160, countries={"US": 30, "GB": 6, "DE": 6, "FR": 4, "NO": 4, "SE": 3, "FI": 3, "IS": 2, "CA": 5, "JP": 5, "KR": 3, "SG": 6, "MY": 4, "AE": 4, "IN": 5, "AU": 3, "TH": 2, "ID": 2, "TW": 3},
                     words=("GPU Cloud", "Compute", "AI Cloud", "Cloud"), since=("2019-01-01", "2025-06-30"), free=0.02, res=0, virt=0.15, parent=0.15, altpay=0.25, decline=0.45,
                     items={"HGX-H100-8GPU": 22, "HGX-H200-8GPU": 15, "HGX-B200-8GPU": 15, "DGX-H100": 6, "DGX-B200": 4, "H100-SXM": 8, "H200": 6, "B200": 5, "B300": 4, "MI300X": 5, "L40S": 8, "H100-PCIE": 5, "RTX-4090": 2, "RTX-5090": 2, "A100": 4},
                     uses=("GPU cloud (IaaS) for enterprise customers", "AI compute rental", "LLM training cluster for customers", "Bare-metal GPU hosting", "Inference cloud", "GPU cloud")),
    "colo": dict(share=0.05, accts=70, countries={"US": 25, "SG": 8, "MY": 12, "JP": 6, "DE": 6, "NL": 6, "GB": 6, "AE": 6, "IN": 8, "TH": 5, "ID": 5, "AU": 4, "SA": 3},
                 words=("Data Centres", "DataHalls", "Colocation", "Digital Infrastructure"), since=("2012-01-01", "2024-06-30"), free=0, res=0, virt=0.05, parent=0.3, altpay=0.12, decline=0.5,
                 items={"HGX-H100-8GPU": 25, "HGX-H200-8GPU": 20, "HGX-B200-8GPU": 18, "DGX-H100": 6, "DGX-B200": 5, "H100-SXM": 5, "H200": 5, "L40S": 10, "L4": 6},
                 uses=("Hosted GPU capacity for tenants", "Colocation GPU hall", "Managed AI infrastructure", "GPU-as-a-service for enterprise tenants")),
    "university": dict(share=0.09, accts=380, countries={"US": 30, "GB": 10, "DE": 8, "FR": 5, "CA": 6, "JP": 6, "KR": 5, "AU": 5, "SG": 4, "CH": 4, "IL": 3, "IN": 4, "NL": 4, "SE": 3, "HK": 2, "MY": 2, "TW": 2},
                       words=("University", "Institute of Technology", "Research Institute", "Polytechnic"), since=("2008-01-01", "2023-12-31"), free=0.02, res=0, virt=0, parent=0.0, altpay=0.06, decline=0.15,
                       items={"DGX-H100": 8, "DGX-B200": 4, "HGX-H100-8GPU": 6, "H100-PCIE": 18, "A100": 10, "L40S": 15, "L4": 8, "RTX-4090": 8, "RTX-5090": 6, "H200": 4, "MI300X": 4, "GAUDI3": 3, "HGX-H200-8GPU": 3},
                       uses=("Academic research HPC cluster", "Machine learning research", "Bioinformatics research", "Climate modelling", "Teaching lab GPUs", "Physics simulation", "Research")),
    "enterprise": dict(share=0.15, accts=650, countries={"US": 35, "GB": 7, "DE": 8, "FR": 6, "JP": 8, "KR": 5, "CH": 4, "NL": 3, "IN": 5, "SG": 4, "AE": 3, "SA": 2, "BR": 3, "MX": 2, "AU": 3, "IL": 2, "MY": 2, "TH": 2, "HK": 2, "ES": 2, "TW": 2},
                       words=("Bank", "Pharmaceuticals", "Motors", "Telecom", "Energy", "Insurance", "Biosciences", "Robotics", "Retail Group", "Media", "Logistics Group", "Engineering"),
                       since=("2008-01-01", "2025-06-30"), free=0.01, res=0, virt=0.05, parent=0.3, altpay=0.15, decline=0.2,
                       items={"DGX-H100": 8, "DGX-B200": 5, "HGX-H100-8GPU": 8, "HGX-H200-8GPU": 5, "H100-PCIE": 12, "L40S": 20, "L4": 15, "A100": 5, "RTX-5090": 3, "RTX-4090": 3, "MI300X": 3, "GAUDI3": 3},
                       uses=("Fraud detection models", "Drug discovery", "Autonomous driving simulation", "Internal LLM deployment", "Video analytics", "Risk modelling", "CAD/CAE simulation", "Network optimisation", "Generative AI pilot")),
    "reseller": dict(share=0.16, accts=320, countries={"US": 20, "DE": 6, "GB": 5, "NL": 4, "SG": 10, "MY": 7, "AE": 8, "HK": 6, "TW": 6, "JP": 4, "KR": 3, "IN": 6, "TH": 4, "VN": 3, "ID": 3, "BR": 3, "MX": 2, "CL": 1, "AU": 3, "PL": 2},
                     words=("Systems", "IT Solutions", "Technologies", "Computer Supplies", "Distribution", "Trading", "Infotech"), since=("2005-01-01", "2024-12-31"), free=0.06, res=0, virt=0.2, parent=0.2, altpay=0.06, decline=0.6,
                     items={"L40S": 15, "L4": 12, "RTX-4090": 10, "RTX-5090": 10, "H100-PCIE": 10, "H100-SXM": 5, "H200": 5, "HGX-H100-8GPU": 5, "HGX-H200-8GPU": 4, "HGX-B200-8GPU": 3, "A100": 5, "MI300X": 3, "GAUDI3": 2, "B200": 3, "L20": 1, "RTX-4090D": 1},
                     uses=("resale", "stock", "Resale to end customers", "stock replenishment", "Project resale - customer TBD", "resale", "stock")),
    "studio": dict(share=0.10, accts=600, countries={"US": 25, "GB": 8, "CA": 8, "FR": 5, "DE": 5, "PL": 6, "SE": 4, "JP": 8, "KR": 8, "SG": 3, "MY": 3, "HK": 3, "IN": 4, "BR": 4, "AU": 3, "FI": 3},
                   words=("Studios", "Interactive", "Games", "Animation", "VFX", "Render Farm", "Entertainment"), since=("2012-01-01", "2025-12-31"), free=0.12, res=0.03, virt=0.05, parent=0.15, altpay=0.03, decline=0.3,
                   items={"RTX-4090": 35, "RTX-5090": 30, "L40S": 20, "L4": 5, "H100-PCIE": 3, "RTX-4090D": 2},
                   uses=("Game development workstations", "Rendering", "Real-time graphics R&D", "VFX render farm", "Build servers", "Cloud gaming tests")),
    "workstation": dict(share=0.08, accts=1200, countries={"US": 35, "GB": 8, "DE": 8, "CA": 5, "FR": 4, "JP": 6, "KR": 4, "AU": 4, "IN": 5, "SG": 3, "MY": 3, "AE": 2, "BR": 3, "NL": 3, "IT": 3, "ES": 2, "HK": 2},
                        words=("Design", "Engineering", "Architects", "Media", "Labs", "Photography", "Consulting"), since=("2015-01-01", "2026-04-30"), free=0.35, res=0.08, virt=0.05, parent=0.02, altpay=0.01, decline=0.3,
                        items={"RTX-4090": 40, "RTX-5090": 35, "L40S": 15, "L4": 5, "RTX-4090D": 1},
                        uses=("Workstation upgrade", "CAD workstation", "Video editing", "3D rendering", "Photogrammetry", "Local AI experiments")),
    "startup": dict(share=0.08, accts=520, countries={"US": 35, "GB": 7, "FR": 5, "DE": 5, "CA": 4, "IL": 4, "IN": 6, "SG": 7, "AE": 5, "MY": 3, "KR": 3, "JP": 3, "CH": 2, "SE": 2, "ID": 2, "TH": 2, "TW": 2},
                    words=("AI", "Labs", "Intelligence", "ML", "Robotics", "Analytics"), since=("2022-01-01", "2026-05-31"), free=0.10, res=0.05, virt=0.25, parent=0.05, altpay=0.12, decline=0.3,
                    items={"HGX-H100-8GPU": 10, "HGX-H200-8GPU": 8, "HGX-B200-8GPU": 5, "H100-SXM": 6, "H100-PCIE": 15, "L40S": 15, "RTX-4090": 10, "RTX-5090": 10, "A100": 6, "H200": 4, "MI300X": 3},
                    uses=("AI model development", "Generative AI product", "Computer vision R&D", "LLM fine-tuning", "AI", "Inference service", "Training our models")),
    "oneoff": dict(share=0.02, accts=0, oneoff=True, countries={"SA": 10, "AE": 10, "US": 20, "IN": 8, "JP": 5, "FR": 5, "DE": 5, "GB": 5, "KR": 5, "BR": 5, "SG": 5, "MY": 5, "NO": 4, "TH": 3, "ID": 3},
                   words=("AI Company", "Sovereign Cloud", "Supercomputing", "Digital", "Energy", "Genomics"), since=None, free=0.03, res=0, virt=0.1, parent=0.3, altpay=0.3, decline=0.25,
                   items={"HGX-H100-8GPU": 20, "HGX-H200-8GPU": 15, "HGX-B200-8GPU": 15, "DGX-B200": 10, "DGX-H100": 10, "H100-SXM": 10, "B200": 8, "H200": 6, "B300": 4},
                   uses=("National AI compute initiative", "Seismic imaging", "Sovereign AI cloud", "Weather forecasting system", "Genomics centre", "Corporate AI factory")),
    "china_sku": dict(share=0.07, accts=180, countries={"CN": 85, "HK": 15},
                      words=("Technology", "Information Technology", "Network Technology", "Cloud Computing", "Trading"), since=("2008-01-01", "2024-06-30"), free=0.15, res=0, virt=0.1, parent=0.2, altpay=0.05, decline=0.4,
                      items={"H20": 40, "L20": 25, "RTX-4090D": 25, "L4": 10},
                      uses=("Inference servers", "Cloud gaming", "Internet services inference", "resale", "Video transcoding", "Workstations", "stock")),
    "govlab": dict(share=0.04, accts=60, countries={"US": 40, "GB": 8, "FR": 8, "DE": 8, "JP": 10, "KR": 6, "AU": 5, "CA": 5, "CH": 5, "IT": 5},
                   words=("National Laboratory", "Research Centre", "Supercomputing Centre", "Institute for Advanced Study"), since=("2005-01-01", "2020-12-31"), free=0, res=0, virt=0, parent=0.0, altpay=0.1, decline=0.2,
                   items={"DGX-H100": 15, "DGX-B200": 10, "HGX-H100-8GPU": 10, "HGX-H200-8GPU": 8, "H100-SXM": 8, "H200": 8, "B200": 5, "MI300X": 8, "MI325X": 5, "L40S": 8, "GAUDI3": 4},
                   uses=("National laboratory HPC", "Scientific computing", "Fusion research simulation", "Materials science")),
}
QTY = {  # (lo, hi) log-uniform per kind and segment
    "system": {"hyperscaler": (16, 256), "neocloud": (2, 64), "colo": (4, 48), "university": (1, 4), "enterprise": (1, 8), "reseller": (1, 12), "startup": (1, 8), "oneoff": (8, 128), "govlab": (2, 32), "studio": (1, 2), "workstation": (1, 1), "china_sku": (1, 8)},
    "module": {"hyperscaler": (256, 4096), "neocloud": (16, 512), "colo": (32, 512), "university": (4, 32), "enterprise": (8, 64), "reseller": (8, 256), "startup": (8, 64), "oneoff": (128, 2048), "govlab": (16, 512), "studio": (2, 8), "workstation": (1, 2), "china_sku": (16, 1024)},
    "card": {"hyperscaler": (64, 2048), "neocloud": (8, 256), "colo": (16, 256), "university": (1, 32), "enterprise": (2, 96), "reseller": (10, 500), "studio": (1, 48), "workstation": (1, 4), "startup": (2, 48), "oneoff": (64, 1024), "govlab": (4, 128), "china_sku": (10, 2000)},
}
PAYER_KIND = {"hyperscaler": "treasury", "enterprise": "treasury", "govlab": "funder", "university": "funder",
              "neocloud": "lessor", "startup": "lessor", "oneoff": "lessor", "colo": "lessor",
              "reseller": "factor", "studio": "parent", "workstation": "parent", "china_sku": "treasury"}
PARENT_CTRY = {"US": 35, "JP": 15, "DE": 10, "GB": 8, "FR": 6, "KR": 8, "TW": 6, "SG": 5, "CN": 4, "IN": 3}

# Restricted-list targets and near-miss spellings used by the listed_alias scheme.
LISTED = {
    "cyberinn": dict(country="SG", addr="21 Ubi Road 1 #06-18, Singapore 408724",
                     variants=("Cyberinn Pte. Ltd.", "Cyber Inn Pte Ltd", "CYBERINN P.T.E. LIMITED", "Cyberin Pte Ltd",
                               "Cyberinn Technologies Pte Ltd", "Cyber-Inn Holdings Pte. Ltd."), ship={"SG": 60, "MY": 30, "TH": 10}),
    "austral": dict(country="MY", addr="No. 8, Jalan Pelukis U1/46, Temasya Industrial Park, 40150 Shah Alam",
                    variants=("Austral Aero Marine Corp Sdn Bhd", "Austral Aero-Marine Corporation Sdn. Bhd.", "Austral Aeromarine Sdn Bhd",
                              "Austral Aero-Marin Corp., Sdn Bhd", "AUSTRAL AERO MARINE CORP SDN BHD"), ship={"MY": 70, "SG": 20, "TH": 10}),
    "nudt": dict(country="CN", addr="109 Deya Road, Kaifu District, Changsha, Hunan 410073",
                 variants=("Hunan Guofang Keji Univ.", "Central South CAD Centre", "CSCC Central South Computing Center",
                           "National Univ. of Defense Technology (Changsha)", "Hunan Guo Fang Ke Ji Da Xue", "Central-South C.A.D. Center"),
                 ship={"SG": 35, "MY": 30, "TH": 15, "AE": 10, "TW": 10}),
    "sugon": dict(country="CN", addr="Huayuan Industrial Zone, Binhai Hi-Tech Zone, Tianjin 300384",
                  variants=("Dawning Information Industries Co.", "Sugon Information Industry (HK) Ltd", "Shuguang Computing Technology Co., Ltd.",
                            "Dawning Intl Trading Ltd", "SUGON-DAWNING Pte Ltd"), ship={"SG": 30, "MY": 30, "TH": 20, "AE": 20}),
    "inspur": dict(country="CN", addr="1036 Langchao Road, High-Tech Zone, Jinan, Shandong 250101",
                   variants=("Inspur Intl Trading Ltd", "Inspure Technologies Pte Ltd", "Langchao Information (SG) Pte. Ltd.",
                             "Inspur Server Systems FZE", "INSPUR-GROUP HOLDINGS LTD"), ship={"SG": 30, "MY": 25, "AE": 20, "TW": 10, "TH": 15}),
    "phytium": dict(country="CN", addr="Phytium Building, Binhai Hi-Tech Zone, Tianjin 300450",
                    variants=("Phytium Tech Co., Ltd.", "Feiteng Information Technology", "Tianjin Phytium Information Tech"),
                    ship={"SG": 40, "MY": 40, "TH": 20}),
}
# Innocent companies whose names resemble list entries (screening false positives).
LOOKALIKES = (("enterprise", "SG", "Cyberlinn Analytics Pte. Ltd."), ("startup", "SG", "CyberInnovate Labs Pte. Ltd."),
              ("enterprise", "AU", "Austral Marine Services Pty Ltd"), ("enterprise", "MY", "Aero-Marine Engineering Sdn. Bhd."),
              ("university", "AU", "Australis Aero Training Institute"), ("studio", "GB", "Dawning Light Studios Ltd"),
              ("enterprise", "US", "Inspura Health Inc."), ("reseller", "SG", "Inspire Tech Trading Pte Ltd"),
              ("enterprise", "US", "Central South Regional Medical Center"), ("enterprise", "CH", "Phytiom Biosciences AG"),
              ("reseller", "MY", "Austral Asia IT Sdn. Bhd."), ("neocloud", "GB", "Sugonia Compute Ltd"),
              ("university", "US", "Hunan Institute of Languages (US campus)"), ("reseller", "HK", "Cyber Inno Trading Limited"))


class Ledger:
    """Generates the whole ledger in memory; rows keep hidden '_' fields for the report."""

    def __init__(self, seed: int, n_orders: int):
        self.r = random.Random(seed)
        self.n = n_orders
        self.used: set[str] = set()      # membership tests only, never iterated
        self.pools: dict[str, list] = {}
        self.rows: list[dict] = []

    # ------------------------------------------------------------ random helpers
    def pick(self, w: dict):
        keys = list(w)
        return self.r.choices(keys, weights=[w[k] for k in keys])[0]

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def logint(self, lo: int, hi: int) -> int:
        v = math.exp(self.r.uniform(math.log(lo), math.log(hi + 0.999)))
        return max(lo, min(hi, int(v)))

    def day(self, a: dt.date, b: dt.date) -> dt.date:
        return a if b <= a else a + dt.timedelta(days=self.r.randint(0, (b - a).days))

    def pool(self, key: str, size: int, make):
        p = self.pools.get(key)
        if p is None: p = self.pools[key] = [make() for _ in range(size)]
        return self.r.choice(p)

    @staticmethod
    def alloc(n: int, shares) -> list[int]:
        tot = sum(shares)
        raw = [n * s / tot for s in shares]
        out = [int(x) for x in raw]
        order = sorted(range(len(raw)), key=lambda i: (out[i] - raw[i], i))
        for i in order[: n - sum(out)]: out[i] += 1
        return out

    # ------------------------------------------------------------ names, contacts
    def brand(self) -> str:
        return self.r.choice(PREFIX) + self.r.choice(SUFFIX).lower()

    def company(self, c: str, word: str, brand: str | None = None, academic=False) -> tuple[str, str]:
        r, b, legal = self.r, brand or self.brand(), ""
        for i in range(80):
            if i: b = self.brand() if not brand or i > 3 else f"{brand} {r.choice(PREFIX)}"
            legal = r.choice(CTRY[c][3])
            if academic: name = f"{b} {word}"
            elif c == "ID": name = f"PT {b} {word}"
            else: name = f"{b} {word} {legal}".replace("  ", " ").strip()
            if name not in self.used:
                self.used.add(name)
                return name, b
        name = f"{b} {word} {r.randint(2, 999)} {legal}".strip()
        self.used.add(name)
        return name, b

    def person(self) -> tuple[str, str]:
        return self.r.choice(FIRST), self.r.choice(LAST)

    def email(self, domain: str, free=False) -> str:
        f, l = self.person()
        r = self.r
        if free:
            local = r.choice((f"{f}.{l}", f"{f}{l}{r.randint(1, 99)}", f"{l}.{f[0]}", f"{f[0]}{l}{r.randint(70, 99)}"))
        else:
            local = r.choice((f"{f}.{l}", f"{f}.{l}", f"{f[0]}{l}", f, "procurement", "purchasing", "it.ops", "orders"))
        return f"{local}@{domain}".lower()

    def domain(self, c: str, brand: str, word: str, academic=False) -> str:
        s = re.sub(r"[^a-z0-9]", "", (brand + word[:4]).lower())
        if academic:
            return s + {"US": ".edu", "GB": ".ac.uk", "JP": ".ac.jp", "AU": ".edu.au", "KR": ".ac.kr"}.get(c, CTRY[c][1])
        return s + (".com" if self.chance(0.5) else CTRY[c][1])

    def phone(self, c: str, cn_mobile=False) -> str:
        r = self.r
        if cn_mobile:
            return f"+86 1{r.choice('35789')}{r.randint(0, 9)} {r.randint(1000, 9999)} {r.randint(1000, 9999)}"
        n = 8 if c in ("SG", "HK", "SC", "VG", "KY") else 9 if c in ("MY", "TH", "AE", "SA", "IL", "FI", "NO", "SE", "CH", "IE", "ID", "VN", "KZ", "TW") else 10
        d = str(r.randint(2, 9)) + "".join(str(r.randint(0, 9)) for _ in range(n - 1))
        return f"{CTRY[c][0]} {d[:n // 2]} {d[n // 2:]}"

    # ------------------------------------------------------------ addresses
    def address(self, c: str, style="office") -> str:
        r = self.r
        city, n = r.choice(CTRY[c][4]), r.randint(1, 450)
        if style == "virtual": return self.pool("reg:" + c, 6, lambda: self.reg_addr(c))
        if style == "residential": return self.res_addr(c)
        street = r.choice(CTRY_STREETS.get(c, GEN_STREETS))
        if style == "shophouse":
            if c == "MY":
                return f"No. {n}-{r.randint(1, 3)}, Jalan {r.choice(MY_NAMES)} {r.randint(1, 12)}, Taman {r.choice(MY_NAMES)}, {city}"
            if c == "TH": return f"{n}/{r.randint(1, 99)} Soi {r.randint(1, 80)}, {street}, {city}"
            return f"Unit {r.randint(1, 30)}, {n} {street}, {city}"
        if style == "industrial":
            if c == "MY":
                return (f"Lot {r.randint(1, 60)}, Jalan {r.choice(('Teknologi', 'Sedenak', 'Kulai', 'Cyber'))} {r.randint(1, 9)}, "
                        f"{r.choice(('Sedenak Tech Park', 'Kulai Industrial Park', 'Cyberjaya Technology Park', 'Nusajaya Tech Park'))}, {city}")
            return f"Building {r.choice('ABCDEFGH')}{r.randint(1, 9)}, {n} {r.choice(INDUSTRIAL_STREETS)}, {city}"
        if c == "SG":
            return f"{n} {street} #{r.randint(1, 25):02d}-{r.randint(1, 40):02d}, Singapore {r.randint(100000, 829999)}"
        if c == "HK":
            return f"Unit {r.randint(1, 30)}{r.choice('ABCDEF')}, {r.randint(2, 40)}/F, {r.randint(1, 200)} {street}, {city}"
        if c == "JP": return f"{r.randint(1, 9)}-{r.randint(1, 30)}-{r.randint(1, 20)} {street}, {city}"
        if c in EURO_STYLE: return f"{street} {n}, {city}"
        return f"{n} {street}, {city}"

    def res_addr(self, c: str) -> str:
        r = self.r
        city, n = r.choice(CTRY[c][4]), r.randint(1, 300)
        if c == "SG":
            return f"Blk {r.randint(100, 999)} {r.choice(HDB_STREETS)} #{r.randint(2, 25):02d}-{r.randint(100, 999)}, Singapore {r.randint(500000, 829999)}"
        if c == "MY":
            return f"No. {n}, Jalan {r.choice(MY_NAMES)} {r.randint(1, 20)}, Taman {r.choice(MY_NAMES)}, {city}"
        if c == "HK":
            return f"Flat {r.choice('ABCDEFGH')}, {r.randint(2, 40)}/F, Block {r.randint(1, 12)}, {r.choice(('Kwai Chung', 'Lok Fu', 'Tin Shui', 'Sui Wo'))} Estate, {city}"
        if c == "AE":
            return f"Villa {n}, Street {r.randint(1, 60)}, {r.choice(('Al Barsha', 'Jumeirah Village Circle', 'Mirdif', 'Al Warqa'))}, Dubai"
        if c == "TH":
            return f"{n}/{r.randint(1, 400)} {r.choice(('Lumpini', 'Ideo', 'Supalai'))} Condominium, {r.choice(CTRY_STREETS['TH'])}, {city}"
        return f"Apt {r.randint(1, 40)}{r.choice('ABCD')}, {n} {r.choice(RES_STREETS)}, {city}"

    def reg_addr(self, c: str) -> str:
        """Corporate-secretary / serviced-office addresses shared by many companies."""
        r = self.r
        if c == "SG":
            return (f"{r.randint(1, 200)} {r.choice(('Robinson Road', 'Cecil Street', 'Anson Road', 'North Bridge Road'))} "
                    f"#{r.randint(2, 30):02d}-{r.randint(1, 20):02d}, Singapore {r.randint(48000, 69999):06d}")
        if c == "HK":
            return (f"Room {r.randint(1, 30)}{r.choice('ABCDEF')}, {r.randint(2, 25)}/F, {r.choice(('Wing On', 'Tung Wai', 'Kam Fung', 'Ho Lee'))} "
                    f"Commercial Building, {r.randint(1, 300)} {r.choice(('Lockhart Road', 'Des Voeux Road Central', 'Nathan Road'))}, Hong Kong")
        if c == "MY":
            return f"Level {r.randint(5, 40)}, Menara {r.choice(('Mutiara', 'Bintang', 'Permata', 'Zenith'))}, Jalan Sultan Ismail, 50250 Kuala Lumpur"
        if c == "AE":
            return f"Office {r.randint(100, 2999)}, {r.choice(('Business Centre, Sharjah Media City', 'RAKEZ Business Zone, Ras Al Khaimah', 'Dubai Silicon Oasis HQ', 'IFZA Business Park, Dubai'))}"
        return f"Suite {r.randint(100, 999)}, {r.randint(1, 300)} {r.choice(GEN_STREETS)}, {r.choice(CTRY[c][4])}"

    # ------------------------------------------------------------ accounts
    def fin_party(self, key: str, words, ctry: dict) -> tuple[str, str]:
        def make():
            c = self.pick(ctry)
            return self.company(c, self.r.choice(words))[0], c
        return self.pool(key, 12, make)

    def small_fwd(self, c: str) -> str:
        return self.pool("fwd:" + c, 5, lambda: self.company(c, self.r.choice(("Freight", "Logistics", "Cargo", "Express", "Shipping")))[0])

    def account(self, seg: str, c: str | None = None) -> dict:
        r, S = self.r, SEG[seg]
        c = c or self.pick(S["countries"])
        word = r.choice(S["words"])
        acad = seg in ("university", "govlab")
        a = {"seg": seg, "country": c, "word": word, "diverted": False, "_tt": [], "_links": 0, "tags": []}
        parent, pbrand = None, None
        if self.chance(S["parent"]):
            pc = self.pick(PARENT_CTRY)
            pname, pbrand = self.company(pc, r.choice(("Holdings", "Group", "Corporation")))
            parent = (pname, pc)
            if pc == "CN":
                a["cn_parent"] = True
                a["tags"].append("cn_parent")
        a["parent"] = parent
        name, brand = self.company(c, word, pbrand if pbrand and self.chance(0.5) else None, acad)
        if parent and parent[1] != c and c in COUNTRY_NAME and not acad and self.chance(0.4):
            alt = name.replace(f"{brand} {word}", f"{brand} {word} ({COUNTRY_NAME[c]})", 1)
            if alt not in self.used:
                self.used.add(alt)
                name = alt
        a["name"], a["brand"] = name, brand
        style = "office"
        if self.chance(S["res"]): style = "residential"
        elif c in HUBS and self.chance(S["virt"]): style = "virtual"
        a["addr_style"] = style
        a["addr"] = self.address(c, style)
        if style != "office":
            a["tags"].append(style + "_address")
        if S["since"] is None:                      # one-off buyer: account opened for the deal
            a["fixed"] = self.day(D0 + dt.timedelta(days=20), D1)
            a["since"] = a["fixed"] - dt.timedelta(days=r.randint(0, 150))
        else:
            lo, hi = (dt.date.fromisoformat(x) for x in S["since"])
            a["since"] = min(self.day(lo, hi), D1 - dt.timedelta(days=10))
        a["free"] = self.chance(S["free"])
        a["domain"] = r.choice(FREE_MAIL) if a["free"] else self.domain(c, brand, word, acad)
        a["emails"] = [self.email(a["domain"], a["free"]) for _ in range(1 if self.chance(0.7) else 2)]
        cn_mob = (c == "CN" and self.chance(0.3)) or (c in HUBS and c != "HK" and self.chance(0.06))
        a["phone"] = self.phone(c, cn_mobile=cn_mob)
        if style == "virtual" and self.chance(0.4):         # corporate secretary's number
            a["phone"] = self.pool("regphone:" + a["addr"], 1, lambda: self.phone(c))
            a["tags"].append("secretary_phone")
        if cn_mob and c != "CN":
            a["tags"].append("cn_mobile_contact")
        a["payer"], a["payer_rate"] = None, 0.0
        if self.chance(S["altpay"]):
            kind = PAYER_KIND[seg]
            if kind == "treasury":
                tc = parent[1] if parent and self.chance(0.5) else self.pick({c: 4, "IE": 2, "NL": 2, "LU": 1, "CH": 1, "SG": 1, "GB": 1, "US": 1})
                a["payer"] = (self.company(tc, r.choice(("Group Treasury", "Shared Services", "Finance")), brand)[0], tc)
            elif kind == "lessor":
                a["payer"] = self.fin_party("lessor", ("Capital Leasing", "Equipment Finance", "Asset Finance", "Compute Finance"),
                                            {"IE": 4, "US": 4, "GB": 2, "JP": 2, "KY": 1, "SG": 1})
            elif kind == "factor":
                a["payer"] = self.fin_party("factor", ("Trade Finance", "Receivables Finance", "Bank"), {"SG": 3, "HK": 2, "GB": 2, "US": 2, "AE": 1})
            elif kind == "funder":
                a["payer"] = (self.company(c, r.choice(("Research Council", "Research Funding Agency")), academic=True)[0], c)
            else: a["payer"] = parent or (self.company(c, "Holdings")[0], c)
            a["payer_rate"] = r.uniform(0.5, 1.0)
        a["sites"] = self.make_sites(a)
        return a

    def make_sites(self, a: dict) -> list[dict]:
        r, seg, c = self.r, a["seg"], a["country"]
        def dc(sc, hosted, lo, hi):
            nm = None
            if hosted:
                nm = self.pool("colo:" + sc, 5, lambda: self.company(sc, r.choice(("Data Centres", "DataHalls", "Colocation", "Digital Infrastructure")))[0])
            return dict(name=nm, addr=self.address(sc, "industrial"), country=sc, type="datacenter",
                        mw=round(r.uniform(lo, hi), 1), eu="self", w=1.0)

        home = dict(name=None, addr=None, country=c, type="end_user", mw=None, eu="self", w=1.0)
        out: list[dict] = []
        if seg == "hyperscaler":
            for k in range(r.randint(1, 4)):
                sc = c if k == 0 or self.chance(0.4) else self.pick({"US": 4, "IE": 2, "NL": 2, "SG": 2, "JP": 2, "IN": 1, "AU": 1, "DE": 1, "GB": 1, "MY": 1, "SE": 1, "BR": 1})
                if sc == c: out.append(dc(sc, False, 30, 300))
                else:
                    sub = self.company(sc, "Cloud Services", a["brand"])[0]
                    addr = self.address(sc, "industrial")
                    out.append(dict(name=sub, addr=addr, country=sc, type="datacenter", mw=round(r.uniform(30, 300)),
                                    eu=(sub, addr, sc), par=(a["name"], c), w=1.0))
        elif seg in ("neocloud", "colo", "oneoff"):
            lo, hi = {"neocloud": (2, 60), "colo": (5, 150), "oneoff": (5, 80)}[seg]
            out = [dc(c, seg == "neocloud" and self.chance(0.5), lo, hi) for _ in range(r.randint(1, 2))]
            if seg == "oneoff" and self.chance(0.4): out = [home]
        elif seg in ("reseller", "china_sku"):
            out = [dict(name=None, addr=self.address(c, "industrial"), country=c, type=r.choice(("distributor", "reseller")),
                        mw=None, eu=None, w=1.0)]
            if seg == "china_sku" and self.chance(0.5): out = [home]
        else: out = [home]
        if seg in ("enterprise", "startup", "govlab") and self.chance({"enterprise": .3, "startup": .35, "govlab": .3}[seg]):
            out.append(dc(c, True, 3, 80))
        if seg in ("neocloud", "enterprise", "university", "startup", "reseller") and self.chance(0.12):
            lc = c if self.chance(0.75) else {"EU": "NL", "AP": "SG", "ME": "AE", "AM": "US"}.get(REGION.get(c), c)
            nm = self.pool("3pl:" + lc, 5, lambda: self.company(lc, r.choice(("Logistics", "Fulfilment", "Supply Chain", "Warehousing")))[0])
            out.append(dict(name=nm, addr=self.address(lc, "industrial"), country=lc, type="logistics", mw=None, eu="self", w=0.6))
        if seg == "reseller" and (c in ("BR", "MX", "CL") or self.chance(0.03)):
            fc = "US" if REGION.get(c) == "AM" else self.pick({"US": 1, "NL": 1})
            out.append(dict(name=self.small_fwd(fc), addr=self.address(fc, "industrial"), country=fc, type="forwarder",
                            mw=None, eu="self", w=1.5 if c in ("BR", "MX", "CL") else 0.3))
        return out

    # ------------------------------------------------------------ order lines
    def pick_item(self, a: dict, date: dt.date, sc: str) -> str:
        w = {}
        for it, wt in SEG[a["seg"]]["items"].items():
            kind, lo, hi, first, last, drift, kw, adv = ITEMS[it]
            if not first <= date <= last or (it == "H20" and H20_BAN <= date < H20_BACK): continue
            if adv and (sc in ("CN", "HK") or (a.get("cn_parent") and date >= HQ_RULE)): continue
            w[it] = wt
        if not w: w = {"L4": 3, "L20": 1} if date >= ITEMS["L20"][3] else {"L4": 1}
        return self.pick(w)

    def qty(self, seg: str, kind: str) -> int:
        q = self.logint(*QTY[kind][seg])
        if kind == "module" and q >= 8: q = q // 8 * 8
        elif kind == "card" and q >= 20 and self.chance(0.6): q = q // 10 * 10
        return q

    def price(self, item: str, date: dt.date, qty: int) -> float:
        kind, lo, hi, first, last, drift = ITEMS[item][:6]
        frac = max(0.0, (date - first).days / max(1, (D1 - first).days))
        p = self.r.uniform(lo, hi) * (1 + drift * frac)
        if p * qty > 2e6:
            p *= self.r.uniform(0.9, 0.99)
        return round(p, 0 if kind == "system" else 2)

    @staticmethod
    def floor_price(item: str, date: dt.date) -> float:
        kind, lo, hi, first, last, drift = ITEMS[item][:6]
        frac = max(0.0, (date - first).days / max(1, (D1 - first).days))
        return lo * (1 + drift * frac) * 0.9

    def wrong_hs(self, kind: str) -> str:
        return self.r.choice([h for h in HS_WRONG if h not in HS_OK[kind]])

    def route(self, kind: str, dest: str) -> str:
        if dest in ("CN", "HK"): origin = "HK" if self.chance(0.6) else "TW"
        elif kind == "system": origin = self.pick({"TW": 45, "US": 25, "MX": 15, "NL": 10, "MY": 5})
        else: origin = self.pick({"TW": 50, "US": 20, "NL": 12, "SG": 13, "MX": 5})
        legs = [origin]
        if self.chance(0.18): legs.append(self.r.choice(TRANSIT[REGION.get(dest, "AP")]))
        legs.append(dest)
        out: list[str] = []
        for x in legs:
            if not out or out[-1] != x: out.append(x)
        return ";".join(out)

    def licno(self) -> str:
        return f"D{self.r.randint(1000000, 1299999)}"

    def licence(self, item: str, sc: str, date: dt.date) -> str:
        if sc in ("CN", "HK"):
            if item == "H20" and date >= H20_BAN: return self.licno()
            return "NLR" if self.chance(0.6) else ""
        if ITEMS[item][7] and sc in LIC_CTRY and date >= HQ_RULE: return self.licno() if self.chance(0.85) else ""
        return "NLR" if self.chance(0.45) else ""

    def order(self, a: dict, date: dt.date, item: str | None = None, site: dict | None = None) -> dict:
        r, seg, bc = self.r, a["seg"], a["country"]
        S = SEG[seg]
        if site is None:
            sites = a["sites"]
            site = sites[0] if len(sites) == 1 else r.choices(sites, weights=[s["w"] for s in sites])[0]
        sc, stype, eu = site["country"], site["type"], site["eu"]
        ship_name, ship_addr = site["name"] or a["name"], site["addr"] or a["addr"]
        if seg == "reseller" and eu is None and self.chance(0.15):      # drop-ship to a named customer
            ec = bc if self.chance(0.7) or bc not in HUBS else self.pick({"ID": 2, "VN": 2, "TH": 2, "MY": 1, "SG": 1, "IN": 1})
            cust = self.company(ec, r.choice(("Engineering", "Media", "Bank", "Labs", "Systems", "Studios")))[0]
            ship_name, ship_addr, sc, stype = cust, self.address(ec), ec, "end_user"
            eu = (cust, ship_addr, ec)
        if eu is None and a.get("force_eu"): eu = "self"
        if eu == "self":
            eu = (a["name"], ship_addr if stype == "datacenter" else a["addr"], sc if stype == "datacenter" else bc)
        if eu is not None and a.get("eu_over"): eu = (eu[0], a["eu_over"][0], a["eu_over"][1])
        item = item or self.pick_item(a, date, sc)
        kind, kw = ITEMS[item][0], ITEMS[item][6]
        q = self.qty(seg, kind)
        row = dict.fromkeys(COLUMNS, "")
        reg = REGION.get(bc, "AP") if self.chance(0.9) else REGION.get(sc, "AP")
        if bc == "IN" and self.chance(0.6): reg = "AP"
        row["seller"], row["seller_country"] = SELLERS[reg]
        row.update(order_date=date.isoformat(), bill_to_name=a["name"], bill_to_address=a["addr"], bill_to_country=bc,
                   ship_to_name=ship_name, ship_to_address=ship_addr, ship_to_country=sc, ship_to_type=stype)
        if eu is not None:
            par = site.get("par") or a["parent"]
            row.update(end_user_name=eu[0], end_user_address=eu[1], end_user_country=eu[2])
            if par: row.update(end_user_parent=par[0], end_user_parent_country=par[1])
        if a["payer"] and self.chance(a["payer_rate"]): row["payer_name"], row["payer_country"] = a["payer"]
        elif self.chance(0.6): row["payer_name"], row["payer_country"] = a["name"], bc
        row["item"] = item
        row["hs_code"] = r.choice(HS_OK[kind]) if kind != "system" else ("8471.50" if self.chance(0.7) else "8471.80")
        if kind == "module": row["hs_code"] = "8542.31" if self.chance(0.25) else "8473.30"
        row["quantity"] = q
        row["unit_price_usd"] = self.price(item, date, q)
        loc = CTRY[bc][2]
        row["currency"] = loc if self.chance(LOCAL_CCY_SHARE.get(loc, 0)) else "USD"
        big = seg in ("hyperscaler", "reseller", "colo", "china_sku")
        inc = self.pick({"FCA": 30, "EXW": 20, "DAP": 25, "DDP": 10, "CPT": 8, "CIP": 7} if big else
                        {"DAP": 40, "DDP": 28, "FCA": 10, "EXW": 5, "CIP": 10, "CPT": 5, "FOB": 2})
        row["incoterm"] = inc
        v = r.random()
        if inc in ("EXW", "FCA", "FOB"):
            row["forwarder"] = r.choice(BIG_FWD) if v < 0.65 else self.small_fwd(sc) if v < 0.9 else ""
        else: row["forwarder"] = r.choice(BIG_FWD) if v < 0.9 else self.small_fwd(sc)
        row["route"] = self.route(kind, sc)
        row["declared_end_use"] = r.choice(S["uses"]) if self.chance(0.96) else ""
        if kind == "system":
            row["installation_declined"] = "" if self.chance(0.08) else ("true" if self.chance(S["decline"]) else "false")
        else: row["installation_declined"] = r.choices(("", "false", "true"), (75, 20, 5))[0]
        row["customer_since"] = a["since"].isoformat()
        row["contact_email"] = r.choice(a["emails"])
        row["contact_phone"] = a["phone"]
        if stype == "datacenter" and site["mw"] is not None and self.chance(0.85):
            row["declared_site_mw"] = site["mw"]
        row["licence"] = self.licence(item, sc, date)
        row.update(_date=date, _a=a, _kind=kind, _need=q * kw * 1.3 / 1000.0, _scheme="", _tt=[], _links=0,
                   _tags=list(a["tags"]), _rk=r.random())
        return row

    # ------------------------------------------------------------ legitimate traffic
    def oddities(self, row: dict) -> None:
        """Benign order-level oddities of legitimate traffic."""
        if self.chance(0.01):
            row["unit_price_usd"] = round(row["unit_price_usd"] * self.r.uniform(0.55, 0.8), 2)
            row["_tags"].append("promo_or_eval_discount")
        if self.chance(0.015):
            row["hs_code"] = self.wrong_hs(row["_kind"])
            row["_tags"].append("wrong_hs_code")
        if row["bill_to_country"] in HUBS and row["bill_to_country"] != "HK" and self.chance(0.015):
            row["currency"] = self.r.choice(("HKD", "CNY"))
            row["_tags"].append("hkd_cny_invoice_in_hub")
        if row["declared_site_mw"] != "" and self.chance(0.03):
            row["declared_site_mw"] = round(max(0.1, row["_need"] * self.r.uniform(0.5, 0.9)), 1)
            row["_tags"].append("power_phasing_in")

    def emit(self, a: dict, date: dt.date, room: int) -> int:
        row = self.order(a, date)
        self.oddities(row)
        self.rows.append(row)
        if room > 1 and a["seg"] in ("reseller", "neocloud", "enterprise", "startup", "hyperscaler", "china_sku") and self.chance(0.03):
            d2 = min(D1, date + dt.timedelta(days=self.r.randint(0, 2)))
            sib = self.order(a, d2, item=row["item"] if self.chance(0.6) and ITEMS[row["item"]][4] >= d2 else None)
            sib["_tags"].append("split_delivery")
            row["_tags"].append("split_delivery")
            self.oddities(sib)
            self.rows.append(sib)
            return 2
        return 1

    def legit(self, n_legit: int) -> None:
        r = self.r
        segs = list(SEG)
        for seg, k in zip(segs, self.alloc(n_legit, [SEG[s]["share"] for s in segs])):
            S = SEG[seg]
            if S.get("oneoff"):
                for _ in range(k):
                    a = self.account(seg)
                    self.emit(a, a["fixed"], 1)
                continue
            accts = [self.account(seg) for _ in range(max(4, round(S["accts"] * self.n / 20000)))]
            for lseg, lc, lname in LOOKALIKES:
                if lseg == seg:
                    a = self.account(seg, lc)
                    self.used.add(lname)
                    a["name"] = lname
                    a["tags"].append("lookalike_name")
                    accts.append(a)
            for a in list(accts):                      # group companies sharing domain / phone / treasury
                if self.chance(0.04):
                    b = self.account(seg, self.pick(S["countries"]))
                    b["name"] = self.company(b["country"], b["word"], a["brand"], seg in ("university", "govlab"))[0]
                    b["parent"] = a["parent"] or (a["name"], a["country"])
                    b["free"], b["domain"] = a["free"], a["domain"]
                    b["emails"] = [self.email(a["domain"], a["free"])]
                    if self.chance(0.5): b["phone"] = a["phone"]
                    if a["payer"] and self.chance(0.5): b["payer"], b["payer_rate"] = a["payer"], a["payer_rate"]
                    a["tags"].append("group_sister")
                    b["tags"].append("group_sister")
                    accts.append(b)
            cum = list(accumulate(min(40.0, r.paretovariate(1.2)) for _ in accts))
            made = 0
            while made < k:
                a = accts[min(len(accts) - 1, bisect_left(cum, r.random() * cum[-1]))]
                start = max(D0, a["since"] + dt.timedelta(days=1))
                date = start + dt.timedelta(days=int((D1 - start).days * r.random() ** 0.85))
                made += self.emit(a, date, k - made)

    # ------------------------------------------------------------ diverted traffic: framework
    def divert(self, n_div: int) -> None:
        for scheme, k in zip(SCHEMES, self.alloc(n_div, SCHEME_SHARE)):
            if k: getattr(self, "scheme_" + scheme)(k)

    def run_rings(self, scheme: str, n: int, spec: dict) -> None:
        """Networks ("rings") of 1-4 shell accounts, each placing 1-4 orders."""
        r, made = self.r, 0
        start = spec.get("start", dt.date(2023, 2, 1))
        while made < n:
            ring = {"home": self.pick(spec["countries"]), "payer": None, "members": []}
            if "ring" in spec:
                spec["ring"](ring)
            t0 = start + dt.timedelta(days=int((D1 - dt.timedelta(days=30) - start).days * r.random() ** 0.8))
            shells = []
            for _ in range(r.randint(*spec.get("shells", (2, 4)))):
                first = min(D1 - dt.timedelta(days=5), t0 + dt.timedelta(days=r.randint(0, 240)))
                shells.append(self.shell(spec, ring, first))
            self.link_shells(shells, spec.get("link_p", 1.0), ring)
            for a in shells:
                d = a["first"]
                for j in range(r.choice(spec.get("per_shell", (1, 1, 2, 2, 3, 4)))):
                    if made >= n: break
                    if j: d = min(D1, d + dt.timedelta(days=r.randint(7, 120)))
                    made += self.diverted_order(scheme, spec, a, ring, d, n - made)

    def shell(self, spec: dict, ring: dict, first: dt.date) -> dict:
        r = self.r
        c = ring["home"] if self.chance(0.7) else self.pick(spec["countries"])
        a = self.account(self.pick(spec["cover"]), c)
        a.update(diverted=True, first=first, tags=[], _locked=[])
        if a["since"] >= first: a["since"] = first - dt.timedelta(days=r.randint(120, 1500))
        if "shell" in spec:
            spec["shell"](a, ring)
        k = self.pick(K_ACCT)
        for name, fn in r.sample(spec["acct_tt"], len(spec["acct_tt"])):
            if len(a["_tt"]) >= k: break
            if fn(a, ring):
                a["_tt"].append(name)
        ring["members"].append(a)
        return a

    def link_shells(self, shells: list, p: float, ring: dict) -> None:
        r = self.r
        if len(shells) < 2: return
        for i, a in enumerate(shells):
            others = [s for j, s in enumerate(shells) if j != i]
            for key, q in (("phone", 0.06), ("domain", 0.08), ("addr", 0.08), ("payer", 0.04)):
                if self.chance(q * p) and self.adopt(a, r.choice(others), key, ring): a["_links"] += 1
            if a["_links"] == 0 and not a["_tt"] and self.chance(0.6):
                if self.adopt(a, r.choice(others), r.choice(("phone", "domain", "addr")), ring): a["_links"] += 1

    def adopt(self, a: dict, b: dict, key: str, ring: dict) -> bool:
        """a takes over b's phone / e-mail domain / address / payer (a network link)."""
        if key in a["_locked"]: return False
        if key == "phone": a["phone"] = b["phone"]
        elif key == "domain":
            a["free"], a["domain"] = b["free"], b["domain"]
            a["emails"] = list(b["emails"]) if b["free"] else [self.email(b["domain"])]
        elif key == "addr":
            if a["country"] != b["country"]: return False
            a["addr"], a["addr_style"] = b["addr"], b["addr_style"]
        else:
            if b["payer"] is None or b["payer"][0] == b["name"]:
                if ring["payer"] is None:
                    pc = self.pick({"HK": 3, "SG": 2, "AE": 2, "CN": 1, "MY": 1})
                    ring["payer"] = (self.company(pc, self.r.choice(TRADING_WORDS))[0], pc)
                b["payer"], b["payer_rate"] = ring["payer"], 0.8
            a["payer"], a["payer_rate"] = b["payer"], 0.85
        return True

    def diverted_order(self, scheme: str, spec: dict, a: dict, ring: dict, date: dt.date, room: int) -> int:
        r = self.r
        items = {it: w for it, w in spec["items"].items() if ITEMS[it][3] <= date <= ITEMS[it][4]}
        row = self.order(a, date, item=self.pick(items))
        if "order" in spec:
            spec["order"](row, a, ring)
        shown, k, got = list(a["_tt"]), self.pick(K_ORDER), 0
        for name, fn in r.sample(spec["order_tt"], len(spec["order_tt"])):
            if got >= k: break
            if fn(row, a, ring):
                shown.append(name)
                got += 1
        if ITEMS[row["item"]][7] and row["ship_to_country"] in LIC_CTRY and date >= HQ_RULE and self.chance(0.5):
            row["licence"] = "" if self.chance(0.7) else "NLR"
            shown.append("licence_gap")
        row["_need"] = row["quantity"] * ITEMS[row["item"]][6] * 1.3 / 1000.0
        row.update(_scheme=scheme, _tt=shown, _links=a["_links"])
        self.rows.append(row)
        made = 1
        for _ in range(min(row.pop("_split", 0), room - 1)):      # split shipment siblings
            sib = dict(row)
            sib["_date"] = min(D1, date + dt.timedelta(days=r.randint(0, 4)))
            sib["order_date"] = sib["_date"].isoformat()
            sib["quantity"] = max(1, row["quantity"] + r.randint(-1, 1))
            sib["unit_price_usd"] = round(row["unit_price_usd"] * r.uniform(0.97, 1.03), 2)
            sib["_rk"], sib["_tt"] = r.random(), list(shown)
            self.rows.append(sib)
            made += 1
        return made

    # ------------------------------------------------------------ tell-tales (return True if shown)
    def tt_thin(self, a, ring):
        a["since"] = a["first"] - dt.timedelta(days=self.r.randint(1, 60))
        return True

    def tt_addr(self, a, ring):
        if a["addr_style"] != "office": return False
        style = "virtual" if a["country"] in HUBS and self.chance(0.5) else "residential"
        a["addr"], a["addr_style"] = self.address(a["country"], style), style
        a["_locked"].append("addr")
        return True

    def tt_freemail(self, a, ring):
        if a["free"]: return False
        a["free"], a["domain"] = True, self.r.choice(FREE_CN if self.chance(0.5) else FREE_MAIL)
        a["emails"] = [self.email(a["domain"], True)]
        a["_locked"].append("domain")
        return True

    def tt_cncontact(self, a, ring):
        if a["country"] in ("CN", "HK") or a["phone"].startswith(("+86", "+852")): return False
        a["phone"] = self.phone("CN", True) if self.chance(0.7) else self.phone("HK")
        a["_locked"].append("phone")
        if self.chance(0.4):
            a["emails"] = [self.email(self.r.choice(("163.com", "qq.com", "126.com")), True)]
            a["_locked"].append("domain")
        return True

    def tt_oversize(self, row, a, ring):
        k = row["_kind"]
        row["quantity"] = max(row["quantity"] * self.r.randint(3, 8), {"system": 16, "module": 128, "card": 100}[k])
        return True

    def tt_vague(self, row, a, ring):
        row["declared_end_use"] = self.r.choice(VAGUE_USES) if self.chance(0.85) else ""
        return True

    def tt_install(self, row, a, ring):
        if row["_kind"] != "system" or row["installation_declined"] == "true": return False
        row["installation_declined"] = "true"
        return True

    def tt_eu_hidden(self, row, a, ring):
        if not row["end_user_name"]: return False
        for f in ("end_user_name", "end_user_address", "end_user_country", "end_user_parent", "end_user_parent_country"):
            row[f] = ""
        return True

    def tt_fwd_ship(self, row, a, ring):
        if row["ship_to_type"] in ("forwarder", "logistics"): return False
        sc = row["ship_to_country"]
        row.update(ship_to_name=self.small_fwd(sc), ship_to_address=self.address(sc, "industrial"),
                   ship_to_type="forwarder" if self.chance(0.65) else "logistics")
        if self.chance(0.5):
            row.update(end_user_name="", end_user_address="", end_user_country="", end_user_parent="", end_user_parent_country="")
        else:
            ec = self.pick({c: w for c, w in {"TW": 3, "TH": 3, "JP": 1, "KR": 1, "VN": 1, "IN": 1, "SG": 1}.items() if c != sc})
            nm = self.company(ec, self.r.choice(("Technology", "Systems", "Cloud", "Engineering")))[0]
            row.update(end_user_name=nm, end_user_address=self.address(ec), end_user_country=ec)
        return True

    def tt_exw_hub(self, row, a, ring):
        row["incoterm"] = self.r.choice(("EXW", "FCA"))
        row["forwarder"] = self.small_fwd(self.pick({"HK": 4, "SG": 2, "MY": 2, "AE": 2, "TH": 1}))
        return True

    def tt_wrong_hs(self, row, a, ring):
        row["hs_code"] = self.wrong_hs(row["_kind"])
        return True

    def tt_undervalue(self, row, a, ring):
        row["unit_price_usd"] = round(row["unit_price_usd"] * self.r.uniform(0.35, 0.7), 2)
        return True

    def tt_split(self, row, a, ring):
        row["_split"] = self.r.randint(1, 3)
        return True

    def tt_detour(self, row, a, ring):
        legs, dest = row["route"].split(";"), row["ship_to_country"]
        hubs = [h for h in ("HK", "SG", "MY", "AE", "TH") if h != dest and h not in legs]
        extra = self.r.sample(hubs, self.r.randint(1, 2))
        row["route"] = ";".join(legs[:-1] + extra + [dest]) if len(legs) > 1 else ";".join(extra + [dest])
        return True

    # ------------------------------------------------------------ the six schemes
    def scheme_hub_front(self, n: int) -> None:
        """Front company in a trans-shipment hub with a thin history, buying big.

        Tell-tales: customer_since days before the first order; residential or
        serviced-office address; free / PRC webmail; +86/+852 contact; oversized
        order; vague end use; installation declined; end user undisclosed.
        Sources: BIS "Industry Guidance to Prevent Diversion of Advanced Computing
        ICs" (13 May 2025) red flags - first-time buyers of large volumes,
        residential addresses, minimal online presence, customers who only began
        ordering after Oct 2022 (https://www.ctp-inc.com/articles/bis-guidance-to-prevent-diversion-of-advanced-computing-integrated-circuits,
        https://www.worldecr.com/news/us-issues-guidance-on-advanced-chip-diversion-amid-crackdown-on-third-country-shipments);
        Singapore fraud case, Feb-Mar 2025: Dell/Supermicro servers bought by
        Singapore companies on false end-user statements and moved to Malaysia,
        ~US$390m (https://www.tweaktown.com/news/103637/nvidia-ai-servers-used-in-singapore-allegedly-using-banned-gpus-smuggled-through-malaysia/index.html,
        https://en.vietnamplus.vn/singapore-adds-charges-to-suspects-in-nvidia-chip-transportation-post311105.vnp,
        https://msnnews24.com/singapore-grants-bail-to-nvidia-chip-smuggling-sus/).
        """
        self.run_rings("hub_front", n, dict(
            countries={"SG": 28, "MY": 24, "TH": 14, "AE": 10, "ID": 6, "VN": 4, "TW": 6, "IN": 4, "JP": 2, "KR": 2},
            cover={"neocloud": 30, "startup": 30, "reseller": 25, "enterprise": 15},
            items={"HGX-H100-8GPU": 14, "HGX-H200-8GPU": 14, "HGX-B200-8GPU": 10, "DGX-H100": 5, "DGX-B200": 4, "H100-SXM": 10,
                   "H200": 10, "B200": 6, "B300": 3, "H100-PCIE": 8, "A100": 5, "RTX-4090": 5, "RTX-5090": 4, "MI300X": 2},
            acct_tt=[("thin_history", self.tt_thin), ("residential_or_serviced_address", self.tt_addr),
                     ("free_email", self.tt_freemail), ("prc_contact", self.tt_cncontact)],
            order_tt=[("oversized_order", self.tt_oversize), ("vague_end_use", self.tt_vague),
                      ("installation_declined", self.tt_install), ("end_user_undisclosed", self.tt_eu_hidden)]))

    def scheme_listed_alias(self, n: int) -> None:
        """Restricted party behind near-miss spellings and aliases.

        Tell-tales: alias as bill-to; listed address as bill-to / end-user
        address; alias as end-user parent; alias as end user; alias as payer;
        HPC / university research end use.  Shells without any alias are tied
        to the alias orders only through shared phone / e-mail / address / payer.
        Sources: Cadence plea, July 2025 - EDA tools sold to NUDT through the
        aliases Central South CAD Center (CSCC) and Hunan Guofang Keji University
        and the associated Phytium (https://www.koreaherald.com/article/10542081,
        https://www.grcreport.com/post/cadence-to-pay-over-140-million-plead-guilty-in-export-control-case-tied-to-chinese-military-university,
        https://www.econotimes.com/Cadence-Design-to-Pay-140M-in-US-Export-Violation-Case-Linked-to-Chinas-Military-University-1717348);
        BIS KYC red flags: parties similar to entries on the Consolidated
        Screening List (https://cvgstrategy.com/guidance-for-advanced-computing-ics/);
        list entries "Cyberinn PTE LTD" (SG) and "Austral Aero-Marine Corp., Sdn
        Bhd" (MY) as given in the brief; Sugon/Dawning and Inspur (Langchao)
        are long-standing Entity List names.
        """
        def ring(rg):
            rg["t"] = self.pick({"cyberinn": 20, "austral": 15, "nudt": 25, "sugon": 15, "inspur": 15, "phytium": 10})
            rg["home"] = self.pick(LISTED[rg["t"]]["ship"])
        def t(rg):
            return LISTED[rg["t"]]
        def alias_bill(a, rg):
            a["name"] = self.r.choice(t(rg)["variants"])
            return True
        def alias_addr(a, rg):
            if t(rg)["country"] == a["country"]:
                a["addr"] = t(rg)["addr"]
                a["_locked"].append("addr")
            else: a["eu_over"], a["force_eu"] = (t(rg)["addr"], t(rg)["country"]), True
            return True
        def alias_parent(a, rg):
            a["parent"], a["force_eu"] = (self.r.choice(t(rg)["variants"]), t(rg)["country"]), True
            return True
        def alias_eu(row, a, rg):
            c = t(rg)["country"]
            row.update(end_user_name=self.r.choice(t(rg)["variants"]), end_user_country=c,
                       end_user_address=t(rg)["addr"] if self.chance(0.5) else self.address(c))
            return True
        def alias_payer(row, a, rg):
            row["payer_name"], row["payer_country"] = self.r.choice(t(rg)["variants"]), t(rg)["country"]
            return True
        def hpc(row, a, rg):
            row["declared_end_use"] = self.r.choice(HPC_USES)
            return True

        self.run_rings("listed_alias", n, dict(
            countries={"SG": 40, "MY": 35, "TH": 10, "AE": 8, "TW": 7}, ring=ring, link_p=1.3,
            cover={"reseller": 40, "enterprise": 25, "university": 20, "neocloud": 15},
            items={"HGX-H100-8GPU": 12, "HGX-H200-8GPU": 10, "DGX-H100": 6, "H100-SXM": 10, "H200": 8, "H100-PCIE": 14,
                   "A100": 10, "L40S": 8, "B200": 5, "HGX-B200-8GPU": 5, "MI300X": 4},
            acct_tt=[("alias_bill_to", alias_bill), ("listed_address", alias_addr), ("alias_parent", alias_parent)],
            order_tt=[("alias_end_user", alias_eu), ("alias_payer", alias_payer), ("hpc_end_use", hpc)]))

    def scheme_prc_parent(self, n: int) -> None:
        """Subsidiary in a third country of a PRC-headquartered group (AI training offshore).

        Tell-tales: PRC parent disclosed; group brand in the subsidiary's name;
        +86 / PRC webmail contact; thin history; parent pays; AI-training end
        use; HK routing or CNY/HKD invoicing.
        Sources: BIS May 2025 policy statement and guidance - licence needed when
        ICs train AI models for parties headquartered in D:5 / Macau, including
        via IaaS (https://fdassociates.net/advanced-computing-ic-controls-impacts-on-company-compliance-programs/,
        https://www.tradecomplianceresourcehub.com/); Chinese engineers renting
        ~300 Nvidia servers in a Malaysian data centre (WSJ via
        https://thediplomat.com/2025/06/can-malaysia-avoid-becoming-a-loophole-in-the-global-ai-ecosystem/);
        Chinese operators rebranding overseas arms (GDS -> DayOne) and Malaysia's
        July 2025 permit rule (https://getcoai.com/news/malaysia-restricts-us-ai-chips-for-chinese-data-centers).
        """
        def ring(rg):
            b = self.r.choice(CN_BRANDS)
            pc = "CN" if self.chance(0.85) else "HK"
            nm = (f"{self.r.choice(CN_PLACES)} {b} {self.r.choice(CN_INDUSTRY)} Co., Ltd." if pc == "CN"
                  else f"{b} {self.r.choice(('Holdings', 'International', 'Technology'))} (HK) Limited")
            rg["brand"], rg["cn"] = b, (nm, pc)
        def parent(a, rg):
            a["parent"], a["force_eu"] = rg["cn"], True
            return True
        def brand(a, rg):
            c = a["country"]
            nm = f"{rg['brand']} {a['word']} ({COUNTRY_NAME.get(c, c)}) {self.r.choice(CTRY[c][3])}".strip()
            a["name"] = ("PT " + nm) if c == "ID" else nm
            return True
        def payer(row, a, rg):
            row["payer_name"], row["payer_country"] = rg["cn"]
            return True
        def ai(row, a, rg):
            row["declared_end_use"] = self.r.choice(AI_TRAIN_USES)
            return True
        def money(row, a, rg):
            if self.chance(0.5) and "HK" not in row["route"]:
                legs = row["route"].split(";")
                row["route"] = ";".join(legs[:-1] + ["HK", legs[-1]])
            else: row["currency"] = self.r.choice(("CNY", "HKD"))
            return True

        self.run_rings("prc_parent", n, dict(
            countries={"MY": 30, "SG": 18, "TH": 12, "ID": 10, "VN": 5, "AE": 10, "JP": 5, "KR": 3, "IN": 4, "SA": 3},
            cover={"neocloud": 35, "colo": 20, "enterprise": 25, "startup": 20}, ring=ring, start=HQ_RULE,
            items={"HGX-H100-8GPU": 16, "HGX-H200-8GPU": 16, "HGX-B200-8GPU": 12, "DGX-H100": 5, "DGX-B200": 5, "H100-SXM": 10,
                   "H200": 10, "B200": 8, "B300": 4, "MI300X": 4, "L40S": 6, "A100": 4},
            acct_tt=[("prc_parent_disclosed", parent), ("group_brand_in_name", brand),
                     ("prc_contact", self.tt_cncontact), ("thin_history", self.tt_thin)],
            order_tt=[("parent_pays", payer), ("ai_training_end_use", ai), ("hk_route_or_cny_invoice", money)]))

    def scheme_dc_front(self, n: int) -> None:
        """'Data centre' front whose declared site power cannot run what it buys.

        Tell-tales: declared site MW far below the order's draw; site address a
        shophouse / office / flat; site MW undeclared; thin history; oversized
        order; tenants described vaguely; installation declined.  Link: several
        shells share one 'data centre' address (cumulative draw).
        Sources: BIS May 2025 guidance red flag - data centres unable to confirm
        infrastructure capacity, IaaS customer checks (https://www.ctp-inc.com/articles/bis-guidance-to-prevent-diversion-of-advanced-computing-integrated-circuits);
        Malaysian data-centre boom, power constraints and leasing to Chinese
        firms (https://thediplomat.com/2025/06/can-malaysia-avoid-becoming-a-loophole-in-the-global-ai-ecosystem/,
        https://toolhunt.io/malaysias-data-center-crackdown-complicates-chinas-ai-chip-access).
        """
        def ring(rg):
            rg["site"] = self.address(rg["home"], self.pick({"industrial": 3, "shophouse": 1}))
        def shell(a, rg):
            shared = a["country"] == rg["home"] and self.chance(0.5)
            a["sites"] = [dict(name=None, addr=rg["site"] if shared else self.address(a["country"], "industrial"),
                               country=a["country"], type="datacenter", mw=round(self.r.uniform(2, 30), 1), eu="self", w=1.0)]
            a["shared_site"] = shared
            a["_links"] += int(shared)
        def under(a, rg):
            a["sites"][0]["mw"] = round(self.r.uniform(0.05, 0.4), 2)
            return True
        def nondc(a, rg):
            if a["shared_site"]: return False
            a["sites"][0]["addr"] = self.address(a["country"], self.r.choice(("shophouse", "residential", "office")))
            return True
        def nomw(a, rg):
            if a["sites"][0]["mw"] < 1: return False
            a["sites"][0]["mw"] = None
            return True
        def order(row, a, rg):
            mw = a["sites"][0]["mw"]
            if mw is not None and mw < 1: row["declared_site_mw"] = mw
        def tenants(row, a, rg):
            row["declared_end_use"] = self.r.choice(TENANT_USES)
            return True

        self.run_rings("dc_front", n, dict(
            countries={"MY": 35, "TH": 15, "ID": 12, "AE": 10, "IN": 8, "VN": 5, "SG": 5, "SA": 5, "JP": 5},
            cover={"colo": 50, "neocloud": 50}, ring=ring, shell=shell, order=order,
            items={"HGX-H100-8GPU": 25, "HGX-H200-8GPU": 25, "HGX-B200-8GPU": 20, "DGX-H100": 10, "DGX-B200": 10, "H100-SXM": 5, "H200": 5},
            acct_tt=[("underpowered_site", under), ("site_not_a_datacentre", nondc), ("site_mw_undeclared", nomw),
                     ("thin_history", self.tt_thin)],
            order_tt=[("oversized_order", self.tt_oversize), ("vague_tenants", tenants), ("installation_declined", self.tt_install)]))

    def scheme_forwarder_reexport(self, n: int) -> None:
        """Re-export through a freight forwarder / logistics company (straw buyers, relabelling).

        Tell-tales: ship-to a forwarder/logistics firm with no or a foreign end
        user; EXW/FCA with a buyer-nominated hub forwarder; wrong HS code
        (mis-declared goods); undervalued invoice; split shipments; detour route
        through extra hubs; thin history; serviced-office address; webmail.
        Sources: DOJ "Operation Gatekeeper", Dec 2025 - straw purchasers, US
        warehouses, Nvidia labels replaced with "SANDKYAN", false claims of
        Taiwan/Thailand destinations, a Hong Kong logistics company, >US$50m
        wired from China (https://californiainsider.com/national/2-chinese-nationals-detained-over-alleged-scheme-to-smuggle-nvidia-ai-chips-to-china-5955804,
        https://theoutpost.ai/news-story/us-detains-two-men-for-smuggling-160-m-worth-of-nvidia-ai-chips-to-china-22267,
        https://mercy.news/en/article/160m-nvidia-chip-smuggling-scheme-exposed); Nov 2025 indictment -
        front company shipping via Malaysia and Thailand (https://morningoverview.com/4-charged-in-multimillion-dollar-gpu-smuggling-ring);
        BIS guidance red flag - forwarders not normally in the trade; BIS
        listing of UAE forwarders evasive at end-use checks
        (https://worldecr.com/?p=2033161).
        """
        self.run_rings("forwarder_reexport", n, dict(
            countries={"SG": 22, "MY": 18, "TH": 14, "US": 16, "AE": 10, "TW": 8, "VN": 4, "IN": 4, "JP": 4},
            cover={"reseller": 55, "startup": 20, "enterprise": 15, "workstation": 10},
            items={"H100-PCIE": 12, "H100-SXM": 14, "H200": 14, "A100": 6, "B200": 6, "RTX-4090": 10, "RTX-5090": 10, "L40S": 6,
                   "HGX-H100-8GPU": 8, "HGX-H200-8GPU": 8, "HGX-B200-8GPU": 6},
            acct_tt=[("thin_history", self.tt_thin), ("residential_or_serviced_address", self.tt_addr), ("free_email", self.tt_freemail)],
            order_tt=[("forwarder_ship_to", self.tt_fwd_ship), ("exw_hub_forwarder", self.tt_exw_hub), ("wrong_hs_code", self.tt_wrong_hs),
                      ("undervalued_invoice", self.tt_undervalue), ("split_shipment", self.tt_split), ("detour_route", self.tt_detour)]))

    def scheme_third_party_payer(self, n: int) -> None:
        """Payment from a third country or circular payments among related companies.

        Tell-tales: payer a trading company in HK/CN/AE; offshore (VG/SC) payer;
        circular payer (another bill-to of the network); invoice currency that
        fits neither party; ordering contact at the payer's domain; thin
        history; webmail.
        Sources: Operation Gatekeeper - >US$50m in wires from the PRC funding the
        purchases (https://www.binance.bh/en/square/post/33484911534930,
        https://megarom.co.za/u-s-authorities-uncover-ai-chip-smuggling-scheme-attempting-to-sneak-160-million-worth-of-nvidia-tech-to-china);
        Singapore case - police tracing the cash flow with foreign agencies
        (https://en.vietnamplus.vn/singapore-adds-charges-to-suspects-in-nvidia-chip-transportation-post311105.vnp);
        Singapore billed 18% of Nvidia revenue but <2% of shipments - invoicing
        hub vs delivery (https://brinksreport.com/?p=32667); BIS KYC red flags on
        unusual payment arrangements (https://cvgstrategy.com/guidance-for-advanced-computing-ics/).
        """
        def ring(rg):
            rg["payers"] = []
            for pc in (self.pick({"HK": 4, "CN": 2, "AE": 2, "SG": 1}), self.pick({"HK": 2, "AE": 2, "CN": 1})):
                rg["payers"].append((self.company(pc, self.r.choice(TRADING_WORDS))[0], pc))
            oc = self.r.choice(("VG", "SC"))
            rg["offshore"] = (self.company(oc, self.r.choice(("Holdings", "International", "Ventures")))[0], oc)
        def third(row, a, rg):
            p = self.r.choice(rg["payers"])
            if p[1] in (row["bill_to_country"], row["ship_to_country"]): return False
            row["payer_name"], row["payer_country"] = p
            return True
        def offshore(row, a, rg):
            row["payer_name"], row["payer_country"] = rg["offshore"]
            return True
        def circular(row, a, rg):
            others = [m for m in rg["members"] if m is not a]
            if not others: return False
            m = self.r.choice(others)
            row["payer_name"], row["payer_country"] = m["name"], m["country"]
            return True
        def ccy(row, a, rg):
            row["currency"] = self.r.choice([c for c in ("HKD", "CNY", "AED") if c != CTRY[row["bill_to_country"]][2]])
            return True
        def contact(row, a, rg):
            if not row["payer_name"] or row["payer_name"] == row["bill_to_name"]: return False
            dom = re.sub(r"[^a-z0-9]", "", row["payer_name"].lower())[:14] + CTRY[row["payer_country"]][1]
            row["contact_email"] = self.email(dom)
            return True

        self.run_rings("third_party_payer", n, dict(
            countries={"SG": 15, "MY": 12, "TH": 8, "AE": 10, "IN": 8, "TW": 8, "JP": 6, "KR": 6, "DE": 6, "NL": 5, "US": 8, "ID": 4, "VN": 4},
            cover={"reseller": 35, "neocloud": 20, "startup": 25, "enterprise": 20}, ring=ring,
            items={"HGX-H100-8GPU": 12, "HGX-H200-8GPU": 12, "HGX-B200-8GPU": 8, "H100-SXM": 12, "H200": 12, "B200": 6,
                   "H100-PCIE": 10, "A100": 6, "L40S": 6, "RTX-4090": 5, "RTX-5090": 5},
            acct_tt=[("thin_history", self.tt_thin), ("free_email", self.tt_freemail)],
            order_tt=[("third_country_payer", third), ("offshore_payer", offshore), ("circular_payer", circular),
                      ("currency_mismatch", ccy), ("contact_at_payer", contact)]))

    # ------------------------------------------------------------ assembly and output
    def build(self) -> "Ledger":
        n_div = round(self.n * DIVERTED_RATE)
        self.legit(self.n - n_div)
        self.divert(n_div)
        for row in self.rows:                       # occasional missing fields, both classes
            if self.chance(0.05):
                for f in self.r.sample(BLANKABLE, self.r.randint(1, 2)): row[f] = ""
        self.rows.sort(key=lambda w: (w["_date"], w["_rk"]))
        for i, w in enumerate(self.rows):
            w["order_id"] = f"SO{w['_date'].year % 100:02d}{w['_date'].month:02d}-{i + 1:06d}"
        return self

    def texts(self) -> tuple[str, str]:
        lb, tb = io.StringIO(), io.StringIO()
        lw, tw = csv.writer(lb, lineterminator="\n"), csv.writer(tb, lineterminator="\n")
        lw.writerow(COLUMNS)
        tw.writerow(("order_id", "diverted", "scheme"))
        for w in self.rows:
            vals = []
            for c in COLUMNS:
                v = w[c]
                if c == "unit_price_usd" and v != "": v = f"{v:.2f}"
                elif c == "declared_site_mw" and v != "": v = f"{v:g}"
                vals.append(str(v))
            lw.writerow(vals)
            tw.writerow((w["order_id"], "true" if w["_scheme"] else "false", w["_scheme"]))
        return lb.getvalue(), tb.getvalue()

    def report(self) -> None:
        div = [w for w in self.rows if w["_scheme"]]
        print(f"orders={len(self.rows)} diverted={len(div)} ({100 * len(div) / len(self.rows):.2f}%)")
        print(f"{'scheme':22s} {'orders':>6s} {'mean_tt':>7s} {'acct_tt':>7s} {'zero_tt%':>8s} {'linked%':>7s}")
        for s in SCHEMES:
            ws = [w for w in div if w["_scheme"] == s]
            if not ws: continue
            tt = [len(w["_tt"]) for w in ws]
            acct = [len(w["_a"]["_tt"]) for w in ws]
            print(f"{s:22s} {len(ws):6d} {sum(tt) / len(ws):7.2f} {sum(acct) / len(ws):7.2f} "
                  f"{100 * sum(1 for x in tt if x == 0) / len(ws):8.1f} {100 * sum(1 for w in ws if w['_links']) / len(ws):7.1f}")
        tt = [len(w["_tt"]) for w in div]
        print(f"all diverted: mean tell-tales {sum(tt) / max(1, len(tt)):.2f}; distribution "
              + ", ".join(f"{k}:{tt.count(k)}" for k in range(max(tt) + 1)))
        shown_acct = {id(w["_a"]): 1 for w in div if w["_tt"]}
        zero = [w for w in div if not w["_tt"]]
        zl = sum(1 for w in zero if w["_links"] or id(w["_a"]) in shown_acct)
        print(f"orders with no order-level tell-tale: {len(zero)}; visible through a network link or a sibling "
              f"order of the same shell: {zl}")
        legit = [w for w in self.rows if not w["_scheme"]]
        tags: dict[str, int] = {}
        for w in legit:
            for t in dict.fromkeys(w["_tags"]): tags[t] = tags.get(t, 0) + 1
        print("benign oddity tags (legit orders): " + ", ".join(f"{k} {100 * v / len(legit):.2f}%" for k, v in sorted(tags.items())))
        sig = signal_table(self.rows)
        print(f"{'signal':52s} {'legit%':>7s} {'divert%':>7s}")
        for name, (lv, dv) in sig.items(): print(f"{name:52s} {lv:7.2f} {dv:7.2f}")


SCREEN_TOKENS = ("cyber", "austral", "aero", "hunan", "central south", "central-south", "dawning", "sugon", "inspur",
                 "inspure", "langchao", "phytium", "phytiom", "feiteng", "guofang", "guo fang", "cscc", "shuguang")


def signal_table(rows: list[dict]) -> dict[str, tuple[float, float]]:
    """Rate of single-field signals among legit vs diverted orders (computed from output fields)."""
    share: dict[tuple, dict] = {}
    for w in rows:
        for key in ("contact_phone", "bill_to_address"):
            if w[key]: share.setdefault((key, w[key]), {})[w["bill_to_name"]] = 1
    checks = {
        "customer_since < 90 days before order": lambda w: w["customer_since"] and (w["_date"] - dt.date.fromisoformat(w["customer_since"])).days < 90,
        "order value > US$1m": lambda w: w["quantity"] * w["unit_price_usd"] > 1e6,
        "free/webmail e-mail": lambda w: w["contact_email"].split("@")[-1] in FREE_MAIL + FREE_CN,
        "residential or serviced-office bill-to (hidden tag)": lambda w: w["_a"]["addr_style"] != "office",
        "ship-to in SG/MY/TH/AE/HK/VN/ID": lambda w: w["ship_to_country"] in HUBS,
        "ship-to type forwarder/logistics": lambda w: w["ship_to_type"] in ("forwarder", "logistics"),
        "end user blank": lambda w: not w["end_user_name"],
        "end-user country != ship-to country": lambda w: w["end_user_country"] and w["end_user_country"] != w["ship_to_country"],
        "end-user parent in CN/HK, ship-to elsewhere": lambda w: w["end_user_parent_country"] in ("CN", "HK") and w["ship_to_country"] not in ("CN", "HK"),
        "payer differs from bill-to": lambda w: w["payer_name"] and w["payer_name"] != w["bill_to_name"],
        "payer country not bill/ship/end-user/parent": lambda w: w["payer_country"] and w["payer_country"] not in (w["bill_to_country"], w["ship_to_country"], w["end_user_country"], w["end_user_parent_country"]),
        "HKD/CNY invoice outside CN/HK": lambda w: w["currency"] in ("HKD", "CNY") and w["bill_to_country"] not in ("CN", "HK"),
        "installation declined": lambda w: w["installation_declined"] == "true",
        "declared MW below order draw": lambda w: w["declared_site_mw"] != "" and w["_need"] > w["declared_site_mw"],
        "incoterm EXW/FCA": lambda w: w["incoterm"] in ("EXW", "FCA"),
        "HS code inconsistent with item": lambda w: w["hs_code"] and w["hs_code"] not in HS_OK[w["_kind"]],
        "unit price < 90% of street floor": lambda w: w["unit_price_usd"] < Ledger.floor_price(w["item"], w["_date"]),
        "route through >= 3 countries": lambda w: len(w["route"].split(";")) >= 3,
        "+86/+852 phone, bill-to outside CN/HK": lambda w: w["contact_phone"].startswith(("+86", "+852")) and w["bill_to_country"] not in ("CN", "HK"),
        "controlled item, licence country, licence blank/NLR": lambda w: ITEMS[w["item"]][7] and w["ship_to_country"] in LIC_CTRY and w["_date"] >= HQ_RULE and not w["licence"].startswith("D"),
        "a party name resembles a screened entry": lambda w: any(t in " ".join((w["bill_to_name"], w["ship_to_name"], w["end_user_name"], w["end_user_parent"], w["payer_name"])).lower() for t in SCREEN_TOKENS),
        "phone shared with another bill-to name": lambda w: w["contact_phone"] and len(share[("contact_phone", w["contact_phone"])]) > 1,
        "bill-to address shared with another bill-to name": lambda w: w["bill_to_address"] and len(share[("bill_to_address", w["bill_to_address"])]) > 1,
    }
    nl = sum(1 for w in rows if not w["_scheme"]) or 1
    nd = sum(1 for w in rows if w["_scheme"]) or 1
    out = {}
    for name, fn in checks.items():
        lv = sum(1 for w in rows if not w["_scheme"] and fn(w))
        dv = sum(1 for w in rows if w["_scheme"] and fn(w))
        out[name] = (100 * lv / nl, 100 * dv / nd)
    return out


def validate(out: str, seed: int, n: int) -> list[str]:
    errs: list[str] = []
    lp, tp = os.path.join(out, "ledger.csv"), os.path.join(out, "truth.csv")
    date_re, cc_re = re.compile(r"^\d{4}-\d{2}-\d{2}$"), re.compile(r"^[A-Z]{2}$")
    with open(lp, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    with open(tp, newline="", encoding="utf-8") as f:
        truth = list(csv.reader(f))
    if tuple(rows[0]) != COLUMNS: errs.append("ledger header mismatch")
    if truth[0] != ["order_id", "diverted", "scheme"]: errs.append("truth header mismatch")
    ids: dict[str, int] = {}
    for i, raw in enumerate(rows[1:], 2):
        if len(raw) != len(COLUMNS):
            errs.append(f"line {i}: {len(raw)} fields")
            continue
        w = dict(zip(COLUMNS, raw))
        bad = [c for c in REQUIRED if not w[c]]
        if w["order_id"] in ids: bad.append("duplicate order_id")
        ids[w["order_id"]] = i
        for c in ("order_date", "customer_since"):
            if w[c]:
                try:
                    d = dt.date.fromisoformat(w[c]) if date_re.match(w[c]) else None
                except ValueError:
                    d = None
                if d is None or (c == "order_date" and not D0 <= d <= D1): bad.append(c)
        if w["customer_since"] and w["order_date"] and w["customer_since"] > w["order_date"]:
            bad.append("customer_since after order_date")
        for c in ("seller_country", "bill_to_country", "ship_to_country", "end_user_country", "end_user_parent_country", "payer_country"):
            if w[c] and not (cc_re.match(w[c]) and w[c] in CTRY): bad.append(c)
        if w["route"] and not all(cc_re.match(x) for x in w["route"].split(";")): bad.append("route")
        if w["ship_to_type"] not in SHIP_TYPES + ("",): bad.append("ship_to_type")
        if w["item"] not in ITEMS: bad.append("item")
        if not re.match(r"^[1-9]\d*$", w["quantity"]): bad.append("quantity")
        for c in ("unit_price_usd", "declared_site_mw"):
            if w[c]:
                try:
                    if float(w[c]) <= 0: bad.append(c)
                except ValueError:
                    bad.append(c)
        if w["hs_code"] and not re.match(r"^\d{4}\.\d{2}$", w["hs_code"]): bad.append("hs_code")
        if w["installation_declined"] not in ("true", "false", ""): bad.append("installation_declined")
        if w["incoterm"] not in INCOTERMS + ("",) or (w["currency"] and not re.match(r"^[A-Z]{3}$", w["currency"])):
            bad.append("incoterm/currency")
        if w["contact_email"] and "@" not in w["contact_email"]: bad.append("contact_email")
        if bad: errs.append(f"line {i} ({w['order_id']}): {', '.join(bad)}")
    tids = [t[0] for t in truth[1:]]
    if tids != [r[0] for r in rows[1:]]: errs.append("truth order_ids differ from ledger order_ids")
    ndiv = 0
    for t in truth[1:]:
        if len(t) != 3 or t[1] not in ("true", "false") or (t[1] == "true") != (t[2] in SCHEMES) or (t[1] == "false" and t[2]):
            errs.append(f"truth row invalid: {t}")
        ndiv += t[1] == "true"
    if len(tids) >= 1000 and not 0.02 <= ndiv / len(tids) <= 0.04:
        errs.append(f"diverted share {ndiv / len(tids):.3f} outside 2-4%")
    ledger_txt, truth_txt = Ledger(seed, n).build().texts()
    with open(lp, encoding="utf-8", newline="") as f1, open(tp, encoding="utf-8", newline="") as f2:
        if f1.read() != ledger_txt or f2.read() != truth_txt:
            errs.append("regeneration with the same seed is not byte-identical")
    return errs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--orders", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    if args.orders < 100: ap.error("--orders must be at least 100")
    g = Ledger(args.seed, args.orders).build()
    ledger_txt, truth_txt = g.texts()
    os.makedirs(args.out, exist_ok=True)
    for name, txt in (("ledger.csv", ledger_txt), ("truth.csv", truth_txt)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="") as f:
            f.write(txt)
    g.report()
    if args.check:
        errs = validate(args.out, args.seed, args.orders)
        for e in errs[:30]: print("CHECK FAIL:", e, file=sys.stderr)
        if errs:
            print(f"check: {len(errs)} problem(s)", file=sys.stderr)
            return 1
        print("check: OK (schema valid, regeneration byte-identical)")
    return 0


if __name__ == "__main__": sys.exit(main())
