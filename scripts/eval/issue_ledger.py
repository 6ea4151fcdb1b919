#!/usr/bin/env python3
"""Synthetic order ledger for evaluating AI-chip diversion ranking, written without reading the engine under evaluation.

    python3 scripts/eval/issue_ledger.py --seed N --orders 20000 --out DIR [--lists PATH] [--check]

Writes DIR/ledger.csv (one row per order of an accelerator or server) and DIR/truth.csv (order_id,diverted,scheme).  About 3 %
of orders are diverted over six schemes (scheme_* methods, each citing its public source); each shows only some of its
tell-tales per order (TELLS) and the legitimate market carries benign look-alikes of every tell-tale (BENIGN).  One
random.Random(seed) drives everything: same seed, order count and lists file give byte-identical output.  Stdlib only.
"""
import argparse
import csv
import io
import itertools
import math
import os
import random
import re
import sys
from datetime import date, timedelta
from types import SimpleNamespace as P

COLUMNS = ("order_id,order_date,seller,seller_country,bill_to_name,bill_to_address,bill_to_country,ship_to_name,"
           "ship_to_address,ship_to_country,ship_to_type,end_user_name,end_user_address,end_user_country,end_user_parent,"
           "end_user_parent_country,payer_name,payer_country,item,hs_code,quantity,unit_price_usd,currency,incoterm,forwarder,"
           "route,declared_end_use,installation_declined,customer_since,contact_email,contact_phone,declared_site_mw,licence").split(",")
SCHEMES = ["shell_forwarder", "split_ring", "china_parent", "listed_near_miss", "site_power", "third_country_payer"]
SCHEME_SHARE = [0.22, 0.22, 0.16, 0.13, 0.13, 0.14]
DIVERTED_RATE = 0.03                      # x U(0.92, 1.08) per seed
D0, D1 = date(2023, 1, 1), date(2026, 6, 30)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the repository
DEFAULT_LISTS = os.path.join(ROOT, "..", "shared", "data", "screening", "watchman", "csl", "csl_2023-11_partial.csv")
FALLBACK_LISTS = os.path.join(ROOT, "data", "screen", "sample_csl.csv")
CATALOGUE = [os.path.join(ROOT, "data", "rules", "chips.csv"), os.path.join(ROOT, "data", "rules", "systems.csv")]
HUBS = ["SG", "MY", "TH", "HK", "AE", "VN"]
SHIP_TYPES = ["end_user", "distributor", "reseller", "forwarder", "datacenter", "logistics"]

# id: (form, list price low/high USD, facility kW per unit incl. cooling, sold from, sold until, controlled 3A090/4A090)
# kW: DGX H100 10.2 kW max for 8 GPUs x PUE ~1.3 (NVIDIA datasheet) -> ~1.3 kW per H100-class GPU.
ITEMS = {
    "A100": ("module", 10000, 17000, 0.8, "2020-05-14", "2025-06-30", True),
    "A800": ("module", 10000, 15000, 0.8, "2022-11-08", "2023-11-16", False),    # China SKU, legal to CN until V2 rule
    "H800-SXM": ("module", 25000, 32000, 1.3, "2023-03-21", "2023-11-16", False),
    "H100-SXM": ("module", 25000, 35000, 1.3, "2022-09-20", None, True),
    "H100-PCIE": ("board", 22000, 30000, 0.8, "2022-09-20", None, True),
    "H20": ("module", 10000, 14000, 0.9, "2024-02-01", "2025-04-08", False),     # licence letter 2025-04-09
    "H200": ("module", 30000, 40000, 1.35, "2024-03-18", None, True),
    "B200": ("module", 35000, 50000, 1.9, "2024-12-01", None, True),
    "B300": ("module", 45000, 60000, 2.1, "2025-06-01", None, True),
    "L40S": ("board", 7000, 10000, 0.6, "2023-08-08", None, True),
    "L20": ("board", 5000, 7500, 0.5, "2024-02-01", None, False),
    "L4": ("board", 2200, 3200, 0.12, "2023-03-21", None, True),
    "RTX-4090": ("board", 1600, 2500, 0.7, "2022-10-12", None, True),
    "RTX-4090D": ("board", 1600, 2200, 0.7, "2023-12-28", None, False),
    "RTX-5090": ("board", 2000, 3500, 0.8, "2025-01-30", None, True),
    "RTX-5090D": ("board", 2000, 3200, 0.8, "2025-01-30", None, False),
    "MI300X": ("module", 15000, 20000, 1.4, "2023-12-06", None, True),
    "MI325X": ("module", 18000, 25000, 1.5, "2024-10-10", None, True),
    "GAUDI3": ("module", 12000, 16000, 1.4, "2024-04-09", None, True),
    "HGX-H100-8GPU": ("baseboard", 200000, 280000, 11.0, "2022-09-20", None, True),
    "HGX-H200-8GPU": ("baseboard", 250000, 320000, 11.5, "2024-03-18", None, True),
    "HGX-B200-8GPU": ("baseboard", 300000, 420000, 15.5, "2024-12-01", None, True),
    "HGX-H20-8GPU": ("baseboard", 100000, 140000, 7.5, "2024-02-01", "2025-04-08", False),
    "DGX-H100": ("server", 300000, 450000, 13.3, "2022-09-20", None, True),
    "DGX-B200": ("server", 400000, 515000, 18.5, "2024-12-01", None, True),
}
# Declared HS codes.  Right headings: GPU modules/boards 8473.30 (parts of ADP machines); servers 8471.50/8471.80;
# HGX baseboards 8473.30 or 8471.80 (8471.50 when sold as a server).  NEAR = honest mistakes, WRONG = mis-declaration.
_CARD = [("8473.30", 5), ("8473.30.1180", 3), ("847330", 1), ("8473.30.20", 1)]
HS_OK = {"module": _CARD, "board": _CARD, "baseboard": [("8471.80", 4), ("8473.30", 3), ("8471.50", 2), ("8471.80.1000", 1)],
         "server": [("8471.50", 5), ("8471.50.0150", 3), ("8471.80", 2)]}
HS_NEAR = {"module": ["8471.80", "8542.31", "8473.50", "8471.50"], "board": ["8471.80", "8473.50"],
           "baseboard": ["8471.49", "8473.50"], "server": ["8471.49", "8471.41", "8473.30"]}
HS_WRONG = {"module": ["8542.31", "8542.31.0000", "8471.49", "8517.62", "8543.70"], "board": ["8542.31", "8471.49", "8517.62", "8543.70"],
            "baseboard": ["8542.31", "8517.62", "8471.49", "8504.40"], "server": ["8471.49", "8517.62", "8473.30", "8504.40"]}

# cc: (phone prefix, phone pattern [# digit, N 2-9], web TLD, academic TLD, currency, legal forms "canonical|variants", name pools)
C = {
    "US": ("+1", "N## N## ####", "com", "edu", "USD", ["Inc.|Inc|Incorporated", "LLC|L.L.C.", "Corp.|Corporation"], "en en brand"),
    "CA": ("+1", "N## N## ####", "ca", "ca", "CAD", ["Inc.|Inc", "Ltd.|Limited"], "en brand"),
    "GB": ("+44", "20 N### ####", "co.uk", "ac.uk", "GBP", ["Ltd|Limited|LTD", "plc|PLC"], "en eu brand"),
    "IE": ("+353", "1 N## ####", "ie", "ie", "EUR", ["Ltd|Limited", "DAC|Designated Activity Company"], "en brand"),
    "DE": ("+49", "N# #######", "de", "de", "EUR", ["GmbH", "AG"], "eu brand"),
    "FR": ("+33", "1 ## ## ## ##", "fr", "fr", "EUR", ["SAS|S.A.S.", "S.A.|SA"], "eu brand"),
    "NL": ("+31", "20 N## ####", "nl", "nl", "EUR", ["B.V.|BV"], "eu brand"),
    "SE": ("+46", "8 N## ### ##", "se", "se", "SEK", ["AB"], "eu brand"),
    "CH": ("+41", "44 N## ## ##", "ch", "ch", "CHF", ["AG", "SA", "GmbH"], "eu brand"),
    "ES": ("+34", "91 N## ## ##", "es", "es", "EUR", ["S.L.|SL"], "eu brand"),
    "IT": ("+39", "02 N### ####", "it", "it", "EUR", ["S.r.l.|Srl", "S.p.A.|SpA"], "eu brand"),
    "PL": ("+48", "22 N## ## ##", "pl", "edu.pl", "PLN", ["Sp. z o.o.|Sp z oo"], "eu brand"),
    "IL": ("+972", "3 N## ####", "co.il", "ac.il", "USD", ["Ltd.|Ltd|Limited"], "en brand"),
    "JP": ("+81", "3-N###-####", "co.jp", "ac.jp", "JPY", ["K.K.|Kabushiki Kaisha|Co., Ltd.", "G.K.|Godo Kaisha"], "jp brand"),
    "KR": ("+82", "2-N##-####", "co.kr", "ac.kr", "KRW", ["Co., Ltd.|Co Ltd|Company Limited"], "kr brand"),
    "TW": ("+886", "2-N###-####", "com.tw", "edu.tw", "TWD", ["Co., Ltd.|Co Ltd|Company Limited", "Corp.|Corporation"], "tw brand"),
    "SG": ("+65", "6### ####", "com.sg", "edu.sg", "SGD", ["Pte. Ltd.|Pte Ltd|PTE. LTD.|Private Limited"], "zh en brand sea"),
    "MY": ("+60", "3-N### ####", "com.my", "edu.my", "MYR", ["Sdn. Bhd.|Sdn Bhd|SDN. BHD.|Sendirian Berhad"], "sea zh brand"),
    "TH": ("+66", "2 N## ####", "co.th", "ac.th", "THB", ["Co., Ltd.|Co Ltd|Company Limited"], "sea brand"),
    "VN": ("+84", "28 N### ####", "com.vn", "edu.vn", "VND", ["JSC|Joint Stock Company", "Co., Ltd.|Company Limited"], "sea brand"),
    "ID": ("+62", "21 N### ####", "co.id", "ac.id", "IDR", ["PT"], "sea brand"),
    "IN": ("+91", "N#### #####", "co.in", "ac.in", "INR", ["Pvt. Ltd.|Private Limited|Pvt Ltd", "Ltd.|Limited"], "in brand"),
    "AE": ("+971", "4 N## ####", "ae", "ac.ae", "AED", ["FZ-LLC|FZ LLC", "FZE", "L.L.C.|LLC", "FZCO"], "ar en brand"),
    "SA": ("+966", "11 N## ####", "com.sa", "edu.sa", "SAR", ["LLC|L.L.C.", "Co.|Company"], "ar brand"),
    "AU": ("+61", "2 N### ####", "com.au", "edu.au", "AUD", ["Pty Ltd|Pty. Ltd.|Proprietary Limited"], "en brand"),
    "CN": ("+86", "N## ####-####", "com.cn", "edu.cn", "CNY", ["Co., Ltd.|Co Ltd|Company Limited"], "zh"),
    "HK": ("+852", "N### ####", "com.hk", "edu.hk", "HKD", ["Limited|Ltd|Co., Limited"], "zh brand"),
    "MO": ("+853", "28## ####", "com.mo", "edu.mo", "MOP", ["Limitada|Lda."], "zh"),
    "TR": ("+90", "212 N## ## ##", "com.tr", "edu.tr", "TRY", ["A.S.|AS", "Ltd. Sti."], "brand"),
    "VG": ("+1", "284 N## ####", "com", "com", "USD", ["Ltd.|Limited"], "en brand zh"),
    "KY": ("+1", "345 N## ####", "com", "com", "USD", ["Ltd.|Limited"], "en brand zh"),
}
CNAME = {"US": "USA", "CA": "Canada", "GB": "UK", "IE": "Ireland", "DE": "Germany", "FR": "France", "NL": "Netherlands", "SE": "Sweden", "CH": "Switzerland", "ES": "Spain", "IT": "Italy", "PL": "Poland", "IL": "Israel", "JP": "Japan",
         "KR": "Korea", "TW": "Taiwan", "SG": "Singapore", "MY": "Malaysia", "TH": "Thailand", "VN": "Vietnam", "ID": "Indonesia",
         "IN": "India", "AE": "Middle East", "SA": "Arabia", "AU": "Australia", "CN": "China", "HK": "Hong Kong"}
CITIES = {
    "US": ["San Jose, CA 951", "Santa Clara, CA 950", "Austin, TX 787", "Seattle, WA 981", "Ashburn, VA 201", "Dallas, TX 752", "Atlanta, GA 303",
           "Chicago, IL 606", "New York, NY 100", "Boston, MA 021", "Phoenix, AZ 850", "Hillsboro, OR 971", "Columbus, OH 432", "Fremont, CA 945"],
    "CA": ["Toronto, ON M5V", "Montreal, QC H3B", "Vancouver, BC V6B"], "GB": ["London EC2A", "Cambridge CB2", "Manchester M1", "Slough SL1"],
    "IE": ["Dublin 2", "Cork T12"], "DE": ["Frankfurt am Main", "Munich", "Berlin", "Stuttgart"], "FR": ["Paris", "Lyon", "Grenoble"],
    "NL": ["Amsterdam", "Eindhoven", "Rotterdam"], "SE": ["Stockholm", "Lulea"],
    "CH": ["Zurich", "Geneva"], "ES": ["Madrid", "Barcelona"], "IT": ["Milan", "Rome"], "PL": ["Warsaw", "Krakow"],
    "IL": ["Tel Aviv", "Haifa", "Herzliya"], "JP": ["Minato-ku, Tokyo", "Chiyoda-ku, Tokyo", "Kita-ku, Osaka", "Nishi-ku, Yokohama"],
    "KR": ["Gangnam-gu, Seoul", "Bundang-gu, Seongnam", "Yeongtong-gu, Suwon"], "TW": ["Neihu Dist., Taipei City", "East Dist., Hsinchu City", "Taoyuan Dist., Taoyuan City"],
    "SG": ["Singapore"], "TH": ["Bang Na, Bangkok", "Lat Krabang, Bangkok", "Si Racha, Chonburi"],
    "MY": ["Kuala Lumpur, WP Kuala Lumpur", "Petaling Jaya, Selangor", "Cyberjaya, Selangor", "Johor Bahru, Johor", "Kulai, Johor", "Bayan Lepas, Pulau Pinang"],
    "VN": ["District 1, Ho Chi Minh City", "Cau Giay, Hanoi", "Tu Son, Bac Ninh"], "ID": ["Jakarta Selatan", "Batam", "Bekasi"],
    "IN": ["Bengaluru, Karnataka", "Hyderabad, Telangana", "Mumbai, Maharashtra", "Pune, Maharashtra", "Noida, Uttar Pradesh", "Chennai, Tamil Nadu"],
    "AE": ["Dubai Internet City, Dubai", "Dubai Silicon Oasis, Dubai", "Jebel Ali Free Zone, Dubai", "Masdar City, Abu Dhabi"],
    "SA": ["Riyadh", "Jeddah", "Dammam"], "AU": ["Sydney NSW 2000", "Melbourne VIC 3000", "Brisbane QLD 4000"],
    "CN": ["Nanshan District, Shenzhen", "Haidian District, Beijing", "Pudong New Area, Shanghai", "Binjiang District, Hangzhou", "Tianhe District, Guangzhou"],
    "HK": ["Kwun Tong, Kowloon", "Wan Chai", "Sha Tin, New Territories", "Tsuen Wan, New Territories", "Sheung Wan"],
    "MO": ["Macau"], "TR": ["Sisli, Istanbul"], "VG": ["Road Town, Tortola"], "KY": ["George Town, Grand Cayman"],
}
# Address templates; {x} fields are filled in Gen.address().  RES = residential-looking (flats, HDB blocks, condos).
ADDR = {"SG": "{n} {sgst}, #{f}-{u}, Singapore {d6}", "MY": "No. {n}, Jalan {stem} {k}/{f}, Taman {stem2}, {d5} {city}",
        "HK": "Unit {k}{L}, {f}/F, {stem} {bld}, {n} {st} Road, {city}", "CN": "Room {r4}, Building {k}, No. {n} {stem} Road, {city}, {d6}",
        "JP": "{k}-{f}-{u} {stem}, {city} 1{d2}-{d4}", "KR": "{n} {stem}-ro, {city} 0{d4}", "TW": "No. {n}, {stem} Rd., {city} 1{d2}",
        "US": "{n} {st} {sfx}, Suite {r3}, {city}{d2}", "AE": "Office {r4}, Building {L}{k}, {city}, PO Box {d5}",
        "VG": "Suite {r4}, {stem} Chambers, {city}", "ID": "Jl. {stem} No. {n}, {city} 1{d4}", "IN": "{n}, {stem} Tech Park, {city} 5{d5}",
        "TH": "{n}/{k} Moo {f}, {st} Road, {city} 10{d3}", "VN": "{n} {stem} Street, {city}", "FR": "{n} Rue {stem}, {d5} {city}",
        "IT": "{n} Via {stem}, {d5} {city}", "ES": "{n} Calle {stem}, {d5} {city}", "EU": "{stem}{suf} {k}, {d5} {city}",
        "": "{n} {st} {sfx}, {city}"}
ADDR.update(KY=ADDR["VG"], **{cc: ADDR["EU"] for cc in ("DE", "NL", "SE", "CH", "PL")})
RES = {"SG": "Blk {r3} {town} Ave {k}, #{f}-{r3}, Singapore {d6}", "MY": "Unit {k}-{f}, {stem} Residences, Jalan {stem2} {k}, {d5} {city}",
       "HK": "Flat {k}{L}, {f}/F, {stem} Court, {n} {st} Road, {city}", "US": "{n} {st} {sfx}, Apt {k}{L}, {city}{d2}"}
STREETS = ("Technology Innovation Market Mission Oak Maple Park Lake Commerce Enterprise Pioneer Harbour Meridian Summit Valley Ridge "
           "Cedar Liberty Station Science Gateway Orchard Riverside Central Industrial").split()
STEMS = {
    "en": ("Aster Borealis Cobalt Ember Granite Helix Juniper Kestrel Lumen Meridian Nimbus Orion Polaris Quanta Radiant Sierra Tundra "
           "Vertex Willow Zephyr Beacon Cascade Harbor Pinnacle Redwood Silverline Bluefin Ironwood Northgate Clearwater Brightpath "
           "Keystone Atlas Crescent Evergreen Falcon Lighthouse Sterling Trident Waypoint Bayside").split(),
    "eu": "Alpen Rhein Nordlys Aurora Lumiere Baltic Danube Helvetia Iberia Adriatic Fenix Kobalt Vinter Solstice Tessera Brava Arcturus Mistral".split(),
    "jp": "Sakura Fuji Hikari Kaze Midori Asahi Yamato Kumo Hoshi Tsubasa Mirai Akatsuki Sora Kawa Nishiki Takumi".split(),
    "kr": "Hanbit Daehan Saerom Mirae Hanul Gaon Bitnara Nuri Doyak Areum Byeol Haneul Dasom".split(),
    "zh": ("Tianyu Huaxin Zhongke Xinhai Jinlong Ruida Haoyun Longsheng Hengtai Yuanxin Kaida Shengda Boyuan Dingxin Huiyuan Jiahe "
           "Xinyi Hongtu Lianchuang Zhiyuan Fangzhou Tengfei Hexin Qiming Wanjia Jiuzhou").split(),
    "tw": "Hon Hsin|Chuan Yi|Jing Yuan|Yuan Tai|Kuo Feng|Ta Tung|Wei Chuan|Chia Hsin|Sheng Mao|Lien Fa|Kai Mei|Chung Hwa".split("|"),
    "sea": "Mutiara Cahaya Bintang Teguh Suria Merdeka Harimau Wira Kencana Nusantara Siam Mekong Lotus Indra Garuda Rimba".split(),
    "in": "Vayu Agni Shakti Prithvi Tara Akash Surya Indus Ganga Kaveri Vajra Nakshatra Trishul Aravali".split(),
    "ar": "Al Noor|Rawabi|Sahab|Najm|Falak|Al Masa|Sadeem|Al Waha|Rimal|Wasl|Barq|Al Fajr".split("|"),
}
SYL = "ne xo ra vi ta lu mo ka zen tri qu ar is el on ver sol ax io ly dra fi ko sa ter na gen cor".split()
SECTOR = {
    "hyperscaler": ["Cloud", "Web Services", "Cloud Platforms"], "neocloud": ["AI Cloud", "Compute", "GPU Cloud", "Cloud", "AI", "Datacenters"],
    "enterprise": ["Pharma", "Bank", "Motors", "Telecom", "Insurance", "Retail", "Energy", "Biotech", "Financial Group", "Robotics",
                   "Games", "Media", "Semiconductor", "Analytics", "Automotive", "Health"],
    "oem": ["Systems", "Server", "Computing", "Technology", "Integration", "Data Systems"], "distributor": ["Distribution", "Components", "IT Supply", "Electronics"],
    "reseller": ["Computers", "IT Solutions", "Tech", "Trading", "Systems", "Digital", "Electronics", "Infotech", "Technology"],
    "cn": ["Technology", "Network Technology", "Information Technology", "Intelligent Computing", "Digital Technology", "Cloud Computing"],
    "trading": ["Trading", "International Trading", "Holdings", "Global Holdings", "Investment", "Commerce", "General Trading", "Resources"],
}
PEOPLE = {  # (given names, family names) for e-mail local parts
    "en": ("james mary john linda michael sarah david emily robert anna daniel laura kevin rachel", "smith johnson brown miller davis wilson taylor clark walker hall king"),
    "eu": ("lukas sophie jan anna marco elena piotr ola lars claire matteo ingrid", "mueller martin devries svensson rossi garcia kowalski hansen dubois virtanen"),
    "jp": ("hiroshi yuki kenji akiko takeshi naoko daisuke emi", "tanaka sato suzuki takahashi watanabe ito yamamoto nakamura"),
    "kr": ("minjun seoyeon jiho hyunwoo jieun dohyun sumin", "kim lee park choi jung kang cho yoon"),
    "zh": ("wei li jing min lei fang jun yan hao xin tao yong", "zhang wang liu chen yang huang zhao wu zhou xu sun ma"),
    "tw": ("chihwei yating chunhao shufen chiaming yuhsuan", "chen lin huang chang wang lee wu tsai"),
    "sea": ("ahmad nurul siti faizal hafiz aisyah somchai suda anh minh budi dewi weiming jiahui", "ismail rahman tan lim ng ong wong nguyen tran santoso goh"),
    "in": ("rahul priya arjun ananya vikram deepa karthik neha", "sharma patel reddy iyer singh nair gupta rao"),
    "ar": ("mohammed fatima omar ahmed layla khalid noura yousef", "alharbi alqahtani khalid alshamsi haddad almansouri alotaibi"),
}
REGION = {"US": "en", "CA": "en", "GB": "en", "IE": "en", "AU": "en", "IL": "en", "JP": "jp", "KR": "kr", "TW": "tw", "CN": "zh", "HK": "zh",
          "MO": "zh", "SG": "zh zh sea in en", "MY": "sea zh in", "TH": "sea", "VN": "sea", "ID": "sea", "IN": "in", "AE": "ar in en", "SA": "ar"}
WEBMAIL = ["gmail.com", "outlook.com", "hotmail.com", "yahoo.com", "proton.me"]
CN_WEBMAIL = ["qq.com", "163.com", "126.com", "foxmail.com", "sina.com"]
USE = {
    "hyperscaler": ["Public cloud GPU instances", "AI training cluster - {r} region", "Cloud AI/ML services capacity expansion", "Internal LLM training in own data centre"],
    "neocloud": ["GPU cloud (IaaS) capacity", "AI training and inference cloud", "Colocated GPU cluster for AI customers", "Bare-metal GPU rental in data centre"],
    "enterprise": ["In-house ML model training", "Inference for customer-service chatbots", "Drug discovery simulations", "Risk analytics / quantitative research",
                   "Autonomous driving perception training", "Video analytics", "Engineering simulation (CAE)", "Recommendation systems",
                   "Private AI cluster in colocation data centre"],
    "university": ["Academic research HPC cluster", "University AI research lab", "Computational biology research", "Climate modelling", "Supercomputing centre upgrade"],
    "oem": ["Integration into servers for data-centre customers", "OEM server build for resale", "System integration - customer AI cluster"],
    "distributor": ["Resale to enterprise customers", "Stock for regional resale", "Channel inventory"], "reseller": ["Resale", "Workstation builds", "Resale to SMB customers"],
    "cn": ["Inference servers", "Cloud gaming and rendering", "Video transcoding", "AI inference services"],
}
VAGUE_USE = ["General computing", "Research", "AI", "Resale", "Trading", "Computing", "Data processing", "Commercial use", "N/A", "Server", ""]
DC_USE = ["AI data centre build-out", "GPU cloud data center", "Colocation AI cluster", "Hyperscale AI training data centre", "AI compute center phase 1"]

# Tell-tale probabilities per scheme.  Per buyer: young (customer_since 0-90 days before first order), webmail, hub (buyer /
# ship-to in SG MY TH HK AE VN), residential address.  Per order: fwd (ship-to forwarder/logistics), vague (vague or empty end
# use), decl (installation declined; datacentre SKUs), mis (HS mis-declared), route (extra hub transit), payer3 (payer in a
# third country), exw (EXW/FCA), eu_empty (end user left empty), under (declared unit value 30-70 % of list).
TELLS = {
    "shell_forwarder": dict(young=.80, webmail=.45, hub=.80, residential=.30, fwd=.75, vague=.45, decl=.40, mis=.30, route=.35, payer3=.12, exw=.55, eu_empty=.45, under=.10),
    "split_ring": dict(young=.85, webmail=.40, hub=.70, residential=.25, fwd=.35, vague=.40, decl=.30, mis=.25, route=.25, payer3=.10, exw=.50, eu_empty=.50, under=.10),
    "china_parent": dict(young=.45, webmail=.15, hub=.75, residential=.03, fwd=.10, vague=.20, decl=.35, mis=.12, route=.20, payer3=.25, exw=.35, eu_empty=.0, under=.05),
    "listed_near_miss": dict(young=.45, webmail=.30, hub=.60, residential=.05, fwd=.30, vague=.35, decl=.30, mis=.20, route=.25, payer3=.15, exw=.45, eu_empty=.0, under=.08),
    "site_power": dict(young=.60, webmail=.25, hub=.65, residential=.05, fwd=.20, vague=.10, decl=.50, mis=.15, route=.20, payer3=.15, exw=.40, eu_empty=.0, under=.05),
    "third_country_payer": dict(young=.50, webmail=.30, hub=.50, residential=.15, fwd=.30, vague=.35, decl=.35, mis=.20, route=.25, payer3=.85, exw=.45, eu_empty=.35, under=.08),
}
# Benign oddities of the legitimate market (per order unless the name says customer).
BENIGN = dict(third_pl=.06, hub_transit=.08, onward_route=.01, near_hs=.03, no_hs=.02, vague_small=.25, vague_other=.05,
              phased_site=.02, oneoff_big=.01, burst=.03, price_odd=.01, webmail_small=.05, webmail_startup=.15, residential_small=.05,
              reg_office_small=.25, el_building_customer=.04, el_lookalike_customer=.004, startup_neocloud=.35, startup_other=.10,
              lessor_neocloud=.25, treasury_hyperscaler=.45, treasury_multinational=.30, multinational_enterprise=.25, trading_house=.05,
              cn_parent_customers=35, foreign_phone_customer=.01)

ORG_WORDS = set(("ltd limited co company corp corporation inc llc pte sdn bhd fze fzco trading electronics electronic technology technologies "
                 "international group industries industrial systems logistics enterprise enterprises holdings institute university academy "
                 "center centre research solutions engineering global services components import export gmbh ooo jsc llp laboratory").split())
LEGAL_TOK = set("co co. co., ltd ltd. limited company inc inc. corp corp. corporation llc pte pte. sdn bhd bhd. fze fzco group l.l.c. pvt".split())
LEGAL_SWAP = ["Co., Ltd.", "Company Limited", "Limited", "Ltd", "Co Ltd", "Pte Ltd", "Sdn Bhd", "LLC", "FZE", "Inc.", "Corp.",
              "Group Co., Ltd.", "International Limited", "Trading Co."]
ABBR = [("International", "Intl"), ("Technology", "Tech"), ("Technologies", "Tech"), ("Electronics", "Elec"), ("Electronic", "Elec"),
        ("Company", "Co"), ("Limited", "Ltd"), ("Corporation", "Corp"), ("Trading", "Trdg"), ("Group", "Grp"), ("Industrial", "Indl"),
        ("Engineering", "Engg"), ("Science", "Sci"), ("Research", "Res"), ("Institute", "Inst"), ("Development", "Dev"),
        ("Services", "Svcs"), ("Systems", "Sys"), ("Equipment", "Equip"), ("Aviation", "Avn")]
TRANSLIT = [("Beijing", "Peking"), ("Xi'an", "Xian"), ("Shenzhen", "Shen Zhen"), ("Guangzhou", "Canton"), ("Chongqing", "Chungking"),
            ("Hangzhou", "Hang Zhou"), ("Zh", "Ch"), ("X", "Hs"), ("Q", "Ch"), ("ou", "ow"), ("Hua", "Wah"), ("ei", "ay"), ("Ng", "Ung")]
DIV_ITEMS = [("H100-SXM", 8), ("H100-PCIE", 5), ("H200", 6), ("B200", 4), ("HGX-H100-8GPU", 4), ("HGX-H200-8GPU", 3), ("HGX-B200-8GPU", 2),
             ("DGX-H100", 2), ("DGX-B200", 1), ("A100", 2), ("RTX-4090", 3), ("RTX-5090", 1), ("L40S", 1)]
ITEMPOOL = {
    "hyperscaler": [("H100-SXM", 5), ("H200", 5), ("B200", 6), ("B300", 4), ("HGX-H100-8GPU", 3), ("HGX-H200-8GPU", 3), ("HGX-B200-8GPU", 4),
                    ("MI300X", 2), ("MI325X", 1), ("GAUDI3", 1), ("L40S", 2), ("L4", 2), ("DGX-H100", 1), ("A100", 1)],
    "neocloud": [("H100-SXM", 5), ("H200", 4), ("B200", 4), ("HGX-H100-8GPU", 4), ("HGX-H200-8GPU", 3), ("HGX-B200-8GPU", 3),
                 ("DGX-H100", 2), ("DGX-B200", 1), ("L40S", 2), ("RTX-4090", 1), ("MI300X", 1), ("A100", 1)],
    "enterprise": [("DGX-H100", 3), ("DGX-B200", 2), ("H100-PCIE", 4), ("L40S", 4), ("L4", 3), ("A100", 2), ("RTX-4090", 1), ("GAUDI3", 1)],
    "university": [("DGX-H100", 2), ("H100-PCIE", 4), ("A100", 2), ("L40S", 2), ("RTX-4090", 3), ("RTX-5090", 2), ("GAUDI3", 1), ("MI300X", 1), ("H200", 1)],
    "oem": [("H100-SXM", 4), ("H200", 4), ("B200", 4), ("HGX-H100-8GPU", 4), ("HGX-H200-8GPU", 3), ("HGX-B200-8GPU", 3), ("L40S", 3), ("L4", 2), ("H100-PCIE", 3)],
    "distributor": [("H100-PCIE", 4), ("L40S", 5), ("L4", 4), ("RTX-4090", 3), ("RTX-5090", 2), ("H100-SXM", 2), ("A100", 2), ("DGX-H100", 1)],
    "reseller": [("RTX-4090", 6), ("RTX-5090", 4), ("L40S", 3), ("L4", 3), ("H100-PCIE", 2)],
    "cn": [("A800", 4), ("H800-SXM", 3), ("H20", 6), ("HGX-H20-8GPU", 3), ("L20", 4), ("RTX-4090D", 4), ("RTX-5090D", 3)],
}
SELLERS = [("Pacific Crest Technology Distribution Inc.", "US"), ("Summit Compute Solutions LLC", "US"), ("Redwood Systems Integration Inc.", "US"),
           ("Hsinchu Server Works Corp.", "TW"), ("Formosa Cloud Hardware Co., Ltd.", "TW"), ("Lion City Components Pte. Ltd.", "SG"),
           ("Straits Digital Distribution Pte. Ltd.", "SG"), ("Rheinland IT Distribution GmbH", "DE"), ("Lowlands Compute B.V.", "NL"),
           ("Kanto Data Systems K.K.", "JP"), ("Hangang Systems Co., Ltd.", "KR"), ("Thames Compute Ltd", "GB")]
BIG_FWD = ["Meridian Global Logistics", "Bluewater Freight Forwarding", "Transcontinental Air Cargo", "NorthStar Logistics",
           "Polar Route Logistics", "Sentinel Freight Services", "Atlas Airfreight Partners"]
HUB_FWD = {"SG": ["Swiftlink Cargo Pte Ltd", "Changi Express Freight Pte Ltd"], "MY": ["Harbourline Express Sdn Bhd", "Klang Gateway Logistics Sdn Bhd"],
           "HK": ["Kowloon Speed Logistics Ltd", "Pearl Delta Forwarding Ltd"], "AE": ["Gulf Bridge Freight FZCO"],
           "TH": ["Chao Phraya Cargo Co., Ltd."], "VN": ["Saigon Link Logistics JSC"]}
LESSORS = [("US", "Harbourview Equipment Finance"), ("IE", "Atlas Compute Leasing"), ("JP", "Sumida Lease"), ("GB", "Kingsgate Asset Finance"),
           ("SG", "Temasek Road Capital"), ("US", "First Coastal Bank"), ("FR", "Banque Lumiere Equipement"), ("DE", "Rhein Leasing")]
COUNTRIES = [("US", 30), ("JP", 6), ("KR", 5), ("TW", 6), ("SG", 7), ("MY", 5), ("IN", 6), ("DE", 5), ("GB", 4), ("FR", 3), ("NL", 3), ("AE", 3),
             ("SA", 2), ("AU", 3), ("CA", 3), ("IL", 2), ("SE", 2), ("CH", 1), ("IE", 1), ("ES", 1), ("IT", 1), ("PL", 1),
             ("TH", 2), ("VN", 1), ("ID", 1)]
OEM_COUNTRIES = [("TW", 30), ("US", 25), ("DE", 6), ("JP", 8), ("KR", 8), ("IN", 6), ("SG", 6), ("MY", 6), ("GB", 3), ("FR", 3), ("IL", 2)]
# per kind: GPUs per order (log-uniform), P(declare site MW), P(install declined true / false), discount range
KIND = {"hyperscaler": ((256, 8192), .6, (.35, .15), (.85, .95)), "neocloud": ((64, 2048), .6, (.2, .35), (.9, 1.0)),
        "enterprise": ((4, 128), .2, (.06, .5), (.95, 1.05)), "university": ((4, 256), .3, (.05, .5), (.95, 1.05)),
        "oem": ((32, 1024), .1, (.4, .2), (.95, 1.05)), "distributor": ((8, 512), .05, (.1, .05), (.95, 1.05)),
        "reseller": ((1, 48), .02, (.05, .05), (1.0, 1.12)), "cn": ((8, 512), .2, (.2, .3), (.95, 1.05))}


class Gen:
    def __init__(self, seed, n_orders, lists_path):
        self.r, self.n, self.used = random.Random(seed), n_orders, set()
        self.el = load_entity_list(lists_path)
        self.rows = []  # (date, tiebreak, fields, scheme or "")

    # ------------------------------------------------------------ random helpers
    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def p(self, prob):
        return self.r.random() < prob

    def wpick(self, pairs):
        x = self.r.random() * sum(w for _, w in pairs)
        for v, w in pairs:
            x -= w
            if x < 0:
                return v
        return pairs[-1][0]

    def digits(self, pat):
        return "".join(str(self.r.randrange(10)) if ch == "#" else str(self.r.randint(2, 9)) if ch == "N" else ch for ch in pat)

    def rdate(self, lo=D0, hi=D1):
        """Date in [lo, hi] with demand growing over 2023-2026 (AI build-out)."""
        lo, hi = max(lo, D0), min(hi, D1)
        while hi > lo:
            d = lo + timedelta(days=self.r.randint(0, (hi - lo).days))
            if self.p(0.35 + 0.65 * (d - D0).days / (D1 - D0).days):
                return d
        return hi

    def since(self, y0, y1):
        return date(y0, 1, 1) + timedelta(days=self.r.randint(0, (date(y1, 12, 31) - date(y0, 1, 1)).days))

    def loggpus(self, lo, hi):
        return int(math.exp(self.r.uniform(math.log(lo), math.log(hi))))

    # ------------------------------------------------------------ names, addresses, contacts
    def stem(self, cc):
        pool = self.pick(C[cc][6].split())
        return "".join(self.pick(SYL) for _ in range(self.r.choice([2, 2, 3]))).capitalize() if pool == "brand" else self.pick(STEMS[pool])

    def base_name(self, cc, kind):
        for _ in range(60):
            city = self.pick(CITIES[cc]).split(",")[0].split(" ")[0]
            b = (self.pick([f"University of {city}", f"{city} Institute of Technology", f"{self.stem(cc)} University"])
                 if kind == "university" else f"{self.stem(cc)} {self.pick(SECTOR[kind])}")
            if b.lower() not in self.used:
                break
        else:
            b = f"{b} {self.pick(['Asia', 'Global', 'Partners'])} {self.r.randint(2, 99)}"
        self.used.add(b.lower())
        return b

    def address(self, cc, residential=False):
        r = self.r
        tpl = RES.get(cc, "Flat {k}, " + ADDR.get(cc, ADDR[""])) if residential else ADDR.get(cc, ADDR[""])
        pool = {"JP": "jp", "KR": "kr", "TW": "tw", "CN": "zh"}.get(cc)
        parts = dict(n=r.randint(1, 999), k=r.randint(1, 40), f=f"{r.randint(1, 30):02d}", u=f"{r.randint(1, 40):02d}", L=self.pick("ABCDEF"),
                     r3=r.randint(100, 899), r4=r.randint(100, 3999), st=self.pick(STREETS), city=self.pick(CITIES.get(cc, ["Capital City"])),
                     stem=self.pick(STEMS[pool]) if pool else self.stem(cc),
                     stem2=self.stem(cc), sfx=self.pick(["Drive", "Street", "Avenue", "Boulevard", "Parkway", "Road"]),
                     bld=self.pick(["Centre", "Tower", "Industrial Building", "Commercial Building", "Plaza"]),
                     sgst=self.pick(["Ubi Avenue", "Tai Seng Street", "Kallang Way", "Changi Business Park Crescent", "Ayer Rajah Crescent",
                                     "Robinson Road", "Cecil Street", "Loyang Way", "Science Park Drive"]),
                     town=self.pick(["Ang Mo Kio", "Tampines", "Jurong West", "Woodlands", "Bedok"]),
                     suf={"DE": "strasse", "NL": "straat", "SE": "gatan", "CH": "strasse", "PL": " ulica"}.get(cc, ""),
                     d2=self.digits("##"), d3=self.digits("###"), d4=self.digits("####"), d5=self.digits("#####"), d6=self.digits("N#####"))
        return tpl.format(**parts)

    def phone(self, cc, cn_mobile=False):
        if cn_mobile:
            return "+86 1" + self.pick("356789") + self.digits("# #### ####")
        ph = C[cc][0] + " " + self.digits(C[cc][1])
        return ph.replace(" ", "") if self.p(0.1) else ph

    def domain(self, base, cc, kind):
        slug = re.sub(r"[^a-z0-9]", "", base.lower().replace("university of ", "u"))[:18]
        if kind == "university":
            return f"{slug}.{C[cc][3]}"
        return f"{slug}{self.pick(['', '', '-' + cc.lower(), 'group', 'tech'])}.{C[cc][2] if self.p(0.7) else 'com'}"

    def email(self, dom, cc, role_p=0.4, cn_style=False):
        zg, zf = (s.split() for s in PEOPLE["zh"])
        if cn_style:
            return self.pick([f"{self.digits('N########')}@qq.com", f"{self.pick(zf)}{self.pick(zg)}{self.r.randint(70, 99)}@{self.pick(CN_WEBMAIL)}"])
        if self.p(role_p) and dom not in WEBMAIL:
            return f"{self.pick(['procurement', 'purchasing', 'orders', 'it-procurement', 'sales', 'info', 'admin'])}@{dom}"
        given, family = (s.split() for s in PEOPLE[self.pick(REGION.get(cc, "eu").split())])
        f, l = self.pick(given), self.pick(family)
        return f"{self.pick([f'{f}.{l}', f[0] + l, f'{f}{l}{self.r.randint(1, 99)}' if dom in WEBMAIL else f'{f}_{l}'])}@{dom}"

    def company(self, cc, kind, since=None, webmail_p=0.0, residential_p=0.0, reg_office_p=0.0, base=None, cn_contact=False):
        lg = self.pick([x.split("|") for x in C[cc][5]]) if kind != "university" else [""]
        base = base or self.base_name(cc, kind)
        res = self.p(residential_p)
        addr = self.pick(self.reg_offices[cc]) if not res and self.p(reg_office_p) and cc in self.reg_offices else self.address(cc, res)
        web = self.p(webmail_p)
        dom = self.pick(WEBMAIL) if web else self.domain(base, cc, kind)
        return P(base=base, legal=lg, prefix=(lg[0] == "PT"), cc=cc, addr=addr, dom=dom, webmail=web, since=since, kind=kind,
                 emails=[self.email(dom, cc, cn_style=cn_contact) for _ in range(2)],
                 phones=[self.phone(cc, cn_mobile=cn_contact and self.p(0.7)), self.phone(cc)],
                 parent=None, sites=[], eus=[], payers=[], seller=None, weight=1.0, mw=None, licence="", fwd=None)

    def name(self, c, vary=True):
        """The customer's canonical name, with occasional legal-form / case / punctuation variation."""
        lg = self.pick(c.legal[1:]) if vary and len(c.legal) > 1 and self.p(0.06) else c.legal[0]
        s = f"PT {c.base}" if c.prefix else f"{c.base} {lg}".strip()
        x = self.r.random() if vary else 1
        return s.upper() if x < 0.02 else s.replace(",", "").replace(".", "") if x < 0.035 else s

    def addr(self, c, vary=True):
        a, x = c.addr, self.r.random() if vary else 1
        if x < 0.06:
            for long, short in (("Street", "St"), ("Road", "Rd"), ("Avenue", "Ave"), ("Building", "Bldg"), ("Drive", "Dr"),
                                ("Jalan", "Jln"), ("District", "Dist."), ("Boulevard", "Blvd"), ("Centre", "Ctr")):
                a = a.replace(long, short)
        return a.upper() if 0.06 <= x < 0.08 else a.replace(", ", " ") if 0.08 <= x < 0.10 else a

    def party(self, prefix, c, vary=True):
        if c is None:
            return {}
        if not hasattr(c, "base"):  # forwarder / logistics consignee
            return {f"{prefix}_name": c.name, f"{prefix}_address": c.addr, f"{prefix}_country": c.cc}
        return {f"{prefix}_name": self.name(c, vary), f"{prefix}_address": self.addr(c, vary), f"{prefix}_country": c.cc}

    # ------------------------------------------------------------ order pieces
    def price(self, item, d, factor=1.0):
        drift = 1.0 - 0.05 * max(0, d.year - 2024) if item.startswith(("H100", "HGX-H100", "DGX-H100", "A100")) else 1.0
        return round(self.r.uniform(ITEMS[item][1], ITEMS[item][2]) * drift * factor * self.r.uniform(0.97, 1.03), 2)

    def hs(self, item, mis=False):
        form, x = ITEMS[item][0], self.r.random()
        if mis:
            return self.pick(HS_WRONG[form])
        return "" if x < BENIGN["no_hs"] else self.pick(HS_NEAR[form]) if x < BENIGN["no_hs"] + BENIGN["near_hs"] else self.wpick(HS_OK[form])

    def pick_item(self, pool, d):
        ok = [(i, w) for i, w in pool if date.fromisoformat(ITEMS[i][4]) <= d and (ITEMS[i][5] is None or d <= date.fromisoformat(ITEMS[i][5]))]
        return self.wpick(ok) if ok else None

    def units(self, item, gpus):
        per = 8 if ITEMS[item][0] in ("server", "baseboard") else 1
        u = max(1, round(gpus / per))
        return max(8, u // 8 * 8) if ITEMS[item][0] == "module" and u >= 16 and self.p(0.8) else u

    def route(self, origin, dest, transit=None, onward=None):
        out = []
        for h in [origin, transit if origin != dest else None, dest, onward]:
            if h and (not out or out[-1] != h):
                out.append(h)
        return ";".join(out)

    def forwarder(self, route, hub_p):
        """Freight-forwarder column: a hub forwarder only when the route touches its hub."""
        hubs = [h for h in route.split(";") if h in self.hub_fwd]
        return self.pick(self.hub_fwd[self.pick(hubs)]) if hubs and self.p(hub_p) else self.pick(self.big_fwd)

    def fwd_site(self, cc):
        """A forwarder / logistics consignee: a known hub forwarder or a small local one."""
        if cc in self.hub_fwd and self.p(.45):
            return P(name=self.pick(self.hub_fwd[cc]), addr=self.address(cc), cc=cc)
        base = f"{self.stem(cc)} {self.pick(['Logistics', 'Freight', 'Cargo', 'Express', 'Supply Chain'])}"
        return P(name=self.name(self.company(cc, "trading", base=base), False), addr=self.address(cc), cc=cc)

    def declined(self, item, p_true, p_false):
        """installation_declined: only asked for datacentre SKUs (not consumer / small PCIe cards)."""
        if ITEMS[item][0] == "board" and not item.startswith(("H100", "L40S")):
            return ""
        x = self.r.random()
        return "true" if x < p_true else "false" if x < p_true + p_false else ""

    def emit(self, d, f, scheme=""):
        row = dict.fromkeys(COLUMNS, "")
        row.update({k: "" if v is None else str(v) for k, v in f.items()})
        row["order_date"] = d.isoformat()
        self.rows.append((d, self.r.random(), row, scheme))
        self.left -= 1 if scheme else 0

    # ------------------------------------------------------------ legitimate market
    def build_market(self):
        r, s = self.r, self.n / 20000.0
        self.reg_offices = {cc: [self.address(cc) for _ in range(3)] for cc in ("SG", "HK", "MY", "AE")}  # corporate-secretary addresses
        self.sellers, self.big_fwd, self.hub_fwd = SELLERS, BIG_FWD, HUB_FWD
        self.lessors = [self.company(cc, "trading", base=b) for cc, b in LESSORS]
        self.trading_houses = [self.company("JP", "trading", base=b) for b in ("Marunaka Trading", "Sanwa Shoji", "Kaitoku Bussan")]
        self.customers = []
        # hyperscaler groups: regional entities share the group e-mail domain, ultimate parent and a treasury payer
        for _ in range(max(2, round(7 * s))):
            hq = self.pick(["US", "US", "US", "US", "JP", "KR", "GB", "DE"])
            gbase = self.base_name(hq, "hyperscaler")
            gdom = self.domain(gbase, "US", "x")
            parent = self.company(hq, "trading", base=gbase.split()[0] + " Holdings")
            treasury = self.company(self.pick(["IE", "NL", "CH", "SG", "US"]), "trading",
                                    base=f"{gbase.split()[0]} {self.pick(['Treasury Services', 'Group Finance', 'Capital'])}")
            regions = [hq] + r.sample(["US", "IE", "NL", "DE", "GB", "FR", "SE", "JP", "KR", "SG", "MY", "IN", "AU", "CA", "AE", "SA", "ID",
                                       "TH", "TW", "ES", "IT", "PL", "IL"], r.randint(3, 7))
            for cc in dict.fromkeys(regions):
                c = self.company(cc, "hyperscaler", since=self.since(2012, 2020), base=gbase if cc == hq else f"{gbase} {CNAME.get(cc, cc)}")
                c.dom, c.emails = gdom, [f"{self.pick(['gpu-procurement', 'hw-sourcing', 'dc-procurement'])}@{gdom}", self.email(gdom, cc)]
                c.parent, c.payers, c.weight = parent, [(treasury, BENIGN["treasury_hyperscaler"])], 25 * r.lognormvariate(0, 0.6)
                c.sites = [self.site(c, "datacenter", r.uniform(20, 300)) for _ in range(r.randint(1, 3))]
                self.customers.append(c)
        for kind, cnt, w in [("neocloud", 45, 12), ("enterprise", 420, 2), ("university", 140, 2), ("oem", 60, 15), ("distributor", 60, 15), ("reseller", 260, 4)]:
            for _ in range(max(2, round(cnt * s))):
                cc = self.wpick(OEM_COUNTRIES if kind == "oem" else COUNTRIES)
                small = kind in ("reseller", "neocloud") or (kind == "enterprise" and self.p(0.3))
                startup = self.p(BENIGN["startup_neocloud"] if kind == "neocloud" else BENIGN["startup_other"] if kind in ("enterprise", "reseller") else 0)
                since = self.since(2023, 2025) if startup else self.since(2005 if kind in ("oem", "distributor") else 2012, 2022)
                c = self.company(cc, kind, since=since, reg_office_p=BENIGN["reg_office_small"] if small else 0,
                                 webmail_p=(BENIGN["webmail_startup"] if startup else BENIGN["webmail_small"]) if small else .03 if kind == "university" else .01,
                                 residential_p=BENIGN["residential_small"] if small else 0)
                c.weight = w * r.lognormvariate(0, 0.9)
                self.legit_extras(c, kind, cc)
                self.customers.append(c)
        # legitimate China/HK-parented buyers of non-controlled SKUs (A800/H800 before 2023-11-17, then H20/L20/4090D/5090D)
        for _ in range(max(1, round(BENIGN["cn_parent_customers"] * s))):
            cc = self.wpick([("CN", 30), ("HK", 30), ("SG", 15), ("MY", 15), ("TW", 10)])
            c = self.company(cc, "cn", since=self.since(2015, 2022), cn_contact=cc in ("CN", "HK") and self.p(.5))
            pcc = self.pick(["CN", "CN", "HK"])
            c.parent, c.weight = (c if cc == pcc else self.company(pcc, "cn")), 3 * r.lognormvariate(0, 0.8)
            c.sites = [self.site(c, "datacenter", r.uniform(2, 40))]
            self.customers.append(c)
        for c in self.customers:
            c.seller = self.pick([x for x in self.sellers if x[1] == c.cc] or self.sellers) if self.p(.6) else self.pick(self.sellers)
            if c.cc in ("SA", "AE", "VN"):  # D:4 / D:1 destinations: licence on file for controlled items
                c.licence = "D" + self.digits("N######") if self.p(.85) else ""
            if self.p(BENIGN["foreign_phone_customer"]):
                c.phones[1] = self.phone("CN", True)  # purchasing office in China
            if c.since and self.p(0.04):
                c.since = None  # relationship start not recorded

    def site(self, owner, typ, mw):
        s = P(**vars(owner))
        s.typ, s.mw = typ, round(mw, 1)
        if typ == "datacenter":
            s.addr = self.address(owner.cc)
        return s

    def el_building(self, cc):
        """Another unit in the building / street of a listed party (multi-tenant towers, electronics malls)."""
        a, unit = self.pick(self.el[cc])["addr"], f"Unit {self.r.randint(1, 40)}{self.pick('ABCDEF')}, "
        return re.sub(r"^[^,]*\d[^,]*, ", unit, a) if re.match(r"^[^,]*\d[^,]*, ", a) else unit + a

    def legit_extras(self, c, kind, cc):
        r = self.r
        if kind == "neocloud":
            c.sites = [self.site(c, "datacenter", r.uniform(5, 120))]
            c.payers = [(self.pick(self.lessors), BENIGN["lessor_neocloud"])]
        elif kind in ("enterprise", "university"):
            c.sites = [self.site(c, "end_user", r.uniform(0.5, 5) if kind == "enterprise" else r.uniform(1, 15))]
            if self.p(0.35):
                c.sites.append(self.site(c, "datacenter", r.uniform(5, 60)))
            if kind == "enterprise" and self.p(BENIGN["multinational_enterprise"]):  # group parent + shared-service / treasury payer
                pcc = self.pick([x for x in ("US", "DE", "CH", "JP", "GB", "FR", "NL", "SG", "KR", "IN") if x != cc])
                word = c.base.split()[0]
                c.parent = self.company(pcc, "enterprise", base=f"{word} {self.pick(['Group', 'Holding', 'International'])}")
                fin = self.company(self.pick(["NL", "IE", "CH", "SG", "PL", pcc]), "trading",
                                   base=f"{word} {self.pick(['Group Treasury', 'Finance', 'Shared Services Center', 'International Holdings'])}")
                c.payers = [(fin, BENIGN["treasury_multinational"])]
            if cc in ("TH", "VN", "ID", "MY") and self.p(0.2):
                c.payers.append((self.pick(self.trading_houses), BENIGN["trading_house"] * 4))
        else:  # oem, distributor, reseller: own premises plus a pool of downstream end users
            c.sites = [self.site(c, "end_user" if kind == "oem" else kind, 0)]
            for _ in range(r.randint(3, 15)):
                eu = self.company(cc if self.p(0.8) else self.pick(["US", "DE", "JP", "SG", "MY", "IN", "AU", "GB", "TH"]),
                                  self.pick(["enterprise", "enterprise", "university", "neocloud"]))
                eu.mw = round(r.uniform(1.5, 30), 1)
                c.eus.append(eu)
        if cc in ("SG", "HK", "MY", "AE") and self.el.get(cc) and kind != "university" and self.p(BENIGN["el_building_customer"]):
            c.addr = self.el_building(cc)
        if kind != "university" and self.el.get(cc) and self.p(BENIGN["el_lookalike_customer"]):
            toks = self.pick(self.el[cc])["name"].split()  # hard negative: generic words of a listed name, other distinctive word
            core = [i for i, t in enumerate(toks) if t.lower().strip(".,") not in ORG_WORDS]
            if core:
                toks[core[0]] = self.stem(cc)
                c.base, c.legal = " ".join(toks), [""]

    def legit_orders(self, count):
        cum, made = list(itertools.accumulate(c.weight for c in self.customers)), 0
        while made < count:
            c = self.r.choices(self.customers, cum_weights=cum)[0]
            for _ in range(30):
                d = self.rdate(max(D0, c.since) if c.since else D0)
                item = self.pick_item(ITEMPOOL[c.kind], d)
                if item:
                    break
            if not item:
                continue
            burst = self.r.randint(2, 5) if self.p(BENIGN["burst"]) else 1  # framework call-offs within a week
            for k in range(min(burst, count - made)):
                self.legit_order(c, min(D1, d + timedelta(days=self.r.randint(0, 6) if k else 0)), item)
                made += 1

    def legit_order(self, c, d, item):
        r, kind = self.r, c.kind
        (glo, ghi), declare_p, (pt, pf), (dlo, dhi) = KIND[kind]
        gpus = min(self.loggpus(glo, ghi), 256 if item.startswith("RTX") and kind in ("hyperscaler", "neocloud", "oem") else 10 ** 6)
        oneoff = c.since and (d - c.since).days > 700 and self.p(BENIGN["oneoff_big"])
        qty = self.units(item, gpus * (r.randint(5, 12) if oneoff else 1))
        f = {"seller": c.seller[0], "seller_country": c.seller[1], "item": item, "quantity": qty, **self.party("bill_to", c)}
        # end user: the customer itself or, for channel partners, one of its downstream customers (or not yet known)
        eu = (self.pick(c.eus) if self.p({"oem": .8, "distributor": .65, "reseller": .5}[kind]) else None) if c.eus else c
        f.update(self.party("end_user", eu))
        if eu is not None and eu.parent is not None:
            f.update(end_user_parent=self.name(eu.parent, False), end_user_parent_country=eu.parent.cc)
        site = self.pick(c.sites) if c.sites else c
        typ = getattr(site, "typ", "end_user")
        if kind in ("oem", "distributor") and eu is not None and self.p(0.25):
            site, typ = eu, "end_user"  # drop shipment
        x = r.random()
        if x < BENIGN["third_pl"]:  # 3PL / logistics consignee for a legitimate customer
            scc = site.cc if self.p(0.7) else self.pick(["NL", "SG", "US", "AE", "HK", "DE"])
            nm = f"{self.pick(self.big_fwd)} ({CNAME.get(scc, scc)})" if self.p(.8) else self.pick(self.hub_fwd.get(scc, self.big_fwd))
            f.update(ship_to_name=nm, ship_to_address=self.address(scc), ship_to_country=scc, ship_to_type=self.pick(["logistics", "logistics", "forwarder"]))
        else:
            f.update(self.party("ship_to", site), ship_to_type="" if x > 0.97 else typ)
        payer = next((pp for pp, prob in c.payers if self.p(prob)), c)  # treasury / lessor / trading house / self
        if self.p(0.96):
            f.update(payer_name=self.name(payer), payer_country=payer.cc)
        mw = site.mw if getattr(site, "mw", None) else (eu.mw if eu is not None and eu is not c else None)
        need_mw = qty * ITEMS[item][3] / 1000.0
        if mw and self.p(declare_p):
            if need_mw >= 0.3 and self.p(BENIGN["phased_site"]):
                mw = need_mw / r.uniform(1.0, 2.0)  # phase-1 capacity declared while buying for the full build
            elif need_mw > 0.8 * mw and not (oneoff and self.p(.4)):
                mw = None
            f["declared_site_mw"] = fmt_mw(mw) if mw else ""
        origin = c.seller[1] if self.p(.85) else self.pick(["TW", "MX", "MY"])
        transit = self.pick(["NL", "DE", "AE", "SG", "HK", "JP", "KR", "US"]) if self.p(BENIGN["hub_transit"]) else None
        onward = self.pick(["DE", "FR", "MY", "TH"]) if self.p(BENIGN["onward_route"]) else None
        f["route"] = self.route(origin, f["ship_to_country"], transit, onward) if self.p(.9) else ""
        f["forwarder"] = self.forwarder(f["route"], .3) if self.p(.4) else ""
        f["incoterm"] = self.wpick([("DAP", 30), ("DDP", 20), ("FCA", 20), ("CIP", 8), ("EXW", 10), ("CIF", 7), ("FOB", 5)])
        f["hs_code"] = self.hs(item)
        disc = r.uniform(dlo, dhi) * (r.uniform(0.4, 0.7) if self.p(BENIGN["price_odd"]) else 1)  # demo / trade-in pricing
        f["unit_price_usd"] = self.price(item, d, disc)
        f["currency"] = C[c.cc][4] if C[c.cc][4] != "USD" and self.p(.12) else "USD"
        use = self.pick(DC_USE) if typ == "datacenter" and self.p(.3) else self.pick(USE[kind]).replace("{r}", CNAME.get(site.cc, site.cc))
        f["declared_end_use"] = self.pick(VAGUE_USE) if self.p(BENIGN["vague_small" if kind in ("distributor", "reseller") else "vague_other"]) else use
        f["installation_declined"] = self.declined(item, pt, pf)
        f["customer_since"] = c.since.isoformat() if c.since else ""
        f["contact_email"] = c.emails[0] if self.p(.85) else c.emails[1]
        f["contact_phone"] = c.phones[0] if self.p(.9) else c.phones[1]
        if ITEMS[item][6] and f["ship_to_country"] in ("SA", "AE", "VN"):
            f["licence"] = c.licence or ("D" + self.digits("N######") if self.p(.8) else "")
        elif self.p(.03):
            f["licence"] = self.pick(["NLR", "NLR", "ACA", "STA"])
        self.emit(d, f)

    # ------------------------------------------------------------ diverted orders: shared machinery
    def shell(self, t, cc, first, kind=None):
        """A young buyer built by the same name generator as small legitimate firms."""
        young = self.p(t["young"])
        since = first - timedelta(days=self.r.randint(0, 90)) if young else None if self.p(.4) else first - timedelta(days=self.r.randint(300, 1500))
        c = self.company(cc, kind or self.pick(["reseller", "reseller", "distributor", "neocloud", "oem"]), since=since,
                         webmail_p=t["webmail"], residential_p=t["residential"], reg_office_p=.3)
        c.seller = self.pick([x for x in self.sellers if x[1] == cc] or self.sellers) if self.p(.5) else self.pick(self.sellers)
        return c

    def hub_or(self, t, other):
        return self.pick(HUBS) if self.p(t["hub"]) else self.pick(other)

    def third_payer(self, avoid):
        cc = self.wpick([(x, w) for x, w in (("HK", 35), ("CN", 10), ("AE", 15), ("SG", 8), ("VG", 12), ("KY", 6), ("TR", 6), ("MO", 2), ("TH", 2)) if x not in avoid] or [("VG", 1)])
        return self.company(cc, "trading", reg_office_p=.3)

    def div_qty(self, item, lo, hi):
        return self.units(item, self.loggpus(lo, hi) * (2 if item.startswith("RTX") else 1))

    def diverted_order(self, scheme, t, d, buyer, item, qty, ship=None, ship_type="end_user", eu=None, parent=None, payer=None,
                       mw=None, use=None, currency=None):
        r = self.r
        f = {"seller": buyer.seller[0], "seller_country": buyer.seller[1], "item": item, "quantity": qty, **self.party("bill_to", buyer)}
        if ship_type not in ("forwarder", "logistics") and self.p(t["fwd"]):
            ship_type = self.pick(["forwarder", "logistics"])
        if ship_type in ("forwarder", "logistics") and (ship is None or hasattr(ship, "base")):
            ship = self.fwd_site((ship or buyer).cc)
        f.update(self.party("ship_to", ship or buyer), ship_to_type="" if self.p(.04) else ship_type)
        if eu is not None and not self.p(t["eu_empty"]):
            f.update(self.party("end_user", eu))
        if parent is not None:
            f.update(end_user_parent=self.name(parent, False), end_user_parent_country=parent.cc)
        ctries = {buyer.cc, f["ship_to_country"], f.get("end_user_country", buyer.cc)}
        payer = payer or (self.third_payer(ctries) if self.p(t["payer3"]) else buyer)
        if self.p(0.96):
            f.update(payer_name=self.name(payer), payer_country=payer.cc)
        origin = buyer.seller[1] if self.p(.85) else self.pick(["TW", "MX", "MY"])
        transit = self.pick([h for h in HUBS if h not in ctries] or ["HK"]) if self.p(t["route"]) else None
        onward = self.pick([h for h in ("HK", "MY", "TH", "VN") if h != f["ship_to_country"]]) if transit and self.p(.15) else None
        f["route"] = self.route(origin, f["ship_to_country"], transit, onward) if self.p(.85) else ""
        f["forwarder"] = self.forwarder(f["route"], .7) if self.p(.55) else ""
        f["incoterm"] = self.pick(["EXW", "FCA"]) if self.p(t["exw"]) else self.wpick([("DAP", 35), ("CIF", 15), ("DDP", 15), ("CPT", 10), ("FOB", 10), ("CIP", 5)])
        f["hs_code"] = self.hs(item, mis=self.p(t["mis"]))
        f["unit_price_usd"] = self.price(item, d, r.uniform(0.3, 0.7) if self.p(t["under"]) else r.uniform(0.97, 1.2))
        f["currency"] = currency or ("USD" if self.p(.93) else self.pick(["HKD", "SGD", "MYR", "AED"]))
        if use is None:
            use = self.pick(VAGUE_USE) if self.p(t["vague"]) else self.pick(USE[self.pick(["neocloud", "enterprise", "reseller", "distributor", "oem"])])
        f["declared_end_use"] = use
        f["installation_declined"] = self.declined(item, t["decl"], .3)
        f["customer_since"] = buyer.since.isoformat() if buyer.since and buyer.since <= d else ""
        f["contact_email"] = buyer.emails[0] if self.p(.85) else buyer.emails[1]
        f["contact_phone"] = buyer.phones[0] if self.p(.9) else buyer.phones[1]
        f["declared_site_mw"] = fmt_mw(mw) if mw else ""
        x = r.random()
        f["licence"] = "NLR" if x < .08 else ("D" + self.digits("N######")) if x < .10 else ""  # claimed NLR / borrowed number
        self.emit(d, f, scheme)

    # ------------------------------------------------------------ the six schemes
    # Each scheme_* method emits orders until self.left (its quota) is used up.
    def dates(self, first, n_lo, n_hi, gap_lo, gap_hi):
        """Dates of one actor's successive orders, capped by the remaining quota."""
        return [min(D1, first + timedelta(days=k * self.r.randint(gap_lo, gap_hi))) for k in range(min(self.left, self.r.randint(n_lo, n_hi)))]

    def scheme_shell_forwarder(self):
        """Shell buyer shipping to a freight forwarder / logistics firm, often in a transshipment hub.

        Sources: BIS "Industry Guidance to Prevent Diversion of Advanced Computing ICs" (2025-05-13: forwarders or resellers not
        normally in advanced-IC distribution, minimal online presence, first-time buyers); Supp. 3 to 15 CFR 732 (forwarder as final
        destination); DOJ 2025-08-05 (C.D. Cal., ALX Solutions / Geng and Yang: GPUs via forwarders in Singapore and Malaysia, paid
        from Hong Kong and China); DOJ M.D. Fla. 2025-11-20 (Janford Realtor front company, via Malaysia and Thailand)."""
        t = TELLS["shell_forwarder"]
        while self.left > 0:
            first, cc = self.rdate(date(2023, 3, 1)), self.hub_or(t, ["US", "US", "US", "GB", "AU", "IN", "JP", "CA"])
            buyer, item = self.shell(t, cc, first), self.wpick(DIV_ITEMS)
            scc = cc if cc in HUBS else self.hub_or(t, [cc])
            for d in self.dates(first, 1, 4, 10, 60):
                if self.p(t["fwd"]):
                    ship, typ = self.fwd_site(scc), self.pick(["forwarder", "logistics"])
                else:
                    ship, typ = (buyer, self.pick(["reseller", "distributor", "end_user"])) if scc == cc else (self.company(scc, "reseller"), "reseller")
                eu = buyer if self.p(.5) else self.company(self.pick(HUBS), self.pick(["enterprise", "neocloud"]))
                it = item if self.p(.7) else self.wpick(DIV_ITEMS)
                self.diverted_order("shell_forwarder", dict(t, fwd=0), d, buyer, it, self.div_qty(it, 8, 200), ship=ship, ship_type=typ, eu=eu)

    def scheme_split_ring(self):
        """Ring of 3-7 young companies splitting one large purchase into many small orders (4-48 GPUs) within 2-10 days.

        Sources: CNAS, Fist & Grunewald, "Preventing AI Chip Smuggling to China" (2023-10-24) and IAPS (Grunewald & Aird 2023):
        "many shell companies buy small quantities from distributors"; DOJ S.D. Tex. "Operation Gatekeeper" (2025-12-08); Singapore
        server-fraud case (2025-02-27: several companies, 22 parties, false end-user statements to Dell and Supermicro).  Members
        share SOME identifiers (1-3 of address, phone, e-mail domain, payer, forwarder; each member with p=.7), never all."""
        t = TELLS["split_ring"]
        while self.left > 0:
            start, cc0 = self.rdate(date(2023, 3, 1), date(2026, 4, 30)), self.hub_or(t, ["US", "US", "IN", "GB", "TW", "JP"])
            members = [self.shell(t, cc0 if self.p(.7) else self.hub_or(t, ["US"]), start) for _ in range(self.r.randint(3, 7))]
            ring_payer = self.third_payer({cc0}) if self.p(.6) else members[0]
            ring_fwd, dom = self.fwd_site(cc0 if cc0 in HUBS else self.pick(HUBS)), self.domain(self.stem(cc0) + " Tech", cc0, "x")
            for kind in self.r.sample(["address", "phone", "email_domain", "payer", "forwarder"], self.r.randint(1, 3)):
                share = [mb for mb in members if self.p(.7)]
                for mb in share if len(share) >= 2 else members[:2]:
                    if kind == "address":
                        mb.addr, mb.cc = members[0].addr, members[0].cc
                    elif kind == "phone":
                        mb.phones[0] = members[0].phones[0]
                    elif kind == "email_domain":
                        mb.emails = [self.email(dom, mb.cc, role_p=0) for _ in range(2)]
                    elif kind == "payer":
                        mb.payers = [(ring_payer, .9)]
                    else:
                        mb.fwd = ring_fwd
            item = self.wpick(DIV_ITEMS)
            for _ in range(self.r.randint(1, 3)):
                b0, win = self.rdate(start, min(D1, start + timedelta(days=120))), self.r.randint(2, 10)
                for mb in members:
                    for _ in range(min(self.left, self.r.randint(1, 3))):
                        it = item if self.p(.85) else self.wpick(DIV_ITEMS)
                        pay = mb.payers[0][0] if mb.payers and self.p(mb.payers[0][1]) else None
                        ship, typ = (mb.fwd, self.pick(["forwarder", "logistics"])) if mb.fwd else (None, self.pick(["reseller", "end_user", "distributor"]))
                        self.diverted_order("split_ring", t, min(D1, b0 + timedelta(days=self.r.randint(0, win))), mb, it, self.div_qty(it, 4, 48),
                                            ship=ship, ship_type=typ, eu=mb if self.p(.6) else None, payer=pay)

    def scheme_china_parent(self):
        """End user's ultimate parent headquartered in China / Hong Kong / Macau; buyer and end user elsewhere.

        Sources: headquarters rule 15 CFR 742.6(a)(6)(iii)(A) (IFR 88 FR 73458, 2023; BIS guidance 2026-05-31); reporting on Megaspeed
        (Singapore, ex-7Road, 2025) and INF Tech's Indonesian cluster (2025-11); US probe of DeepSeek chips via Singapore (2025-01-31).
        Parent field: CN/HK/MO (60 %), an offshore / SG holding (15 %) or empty (25 %); Chinese-style contacts (qq.com / 163.com,
        +86 mobile) in 80 % of empty-parent actors, else 35 %; CN/HK payer on 25 % of orders."""
        t = TELLS["china_parent"]
        while self.left > 0:
            pcc, brand, first = self.wpick([("CN", 80), ("HK", 15), ("MO", 5)]), self.pick(STEMS["zh"]), self.rdate(date(2023, 3, 1))
            city = self.pick(["Shenzhen", "Beijing", "Shanghai", "Hangzhou", "Guangzhou", "Chengdu", ""]) if pcc == "CN" else ""
            parent = self.company(pcc, "cn", base=f"{city} {brand} {self.pick(SECTOR['cn'])}".strip() + self.pick(["", " Group"]))
            mode = self.wpick([("cn", 60), ("intermediate", 15), ("empty", 25)])
            cues, subs = self.p(.8 if mode == "empty" else .35), []
            for _ in range(self.r.randint(1, 2)):
                scc = self.hub_or(t, ["ID", "JP", "KR", "AU", "IN", "TW"]).replace("HK", "SG")
                sub = self.shell(t, scc, first, kind="neocloud")
                base = f"{brand} {self.pick(['Digital', 'Cloud', 'Computing', 'Technology', 'AI'])} ({CNAME.get(scc, scc)})"
                if self.p(.5) and base.lower() not in self.used:
                    self.used.add(base.lower())
                    sub.base = base
                if cues:
                    sub.emails[0] = self.email("", scc, cn_style=True) if self.p(.6) else self.email(self.domain(brand, "CN", "x"), "CN")
                    sub.phones[0] = self.phone("CN", True) if self.p(.6) else sub.phones[0]
                subs.append(sub)
            shown = (parent if mode == "cn" else None if mode == "empty"
                     else self.company(self.pick(["VG", "KY", "SG"]), "trading", base=f"{brand} International Holdings"))
            front = self.shell(t, subs[0].cc, first, kind="reseller") if self.p(.3) else None
            item = self.wpick(DIV_ITEMS[:10])
            for d in self.dates(first, 2, 8, 7, 90):
                eu = self.pick(subs)
                typ, it = self.wpick([("datacenter", 60), ("end_user", 30), ("logistics", 10)]), item if self.p(.7) else self.wpick(DIV_ITEMS[:10])
                pay = self.company(self.pick(["CN", "HK"]), "trading", base=f"{brand} {self.pick(['Investment', 'Trading', 'Holdings'])}") if self.p(t["payer3"]) else None
                self.diverted_order("china_parent", dict(t, payer3=0), d, front or (subs[0] if self.p(.7) else eu), it, self.div_qty(it, 128, 4096),
                                    ship=self.site(eu, "datacenter", 5) if typ == "datacenter" else eu, ship_type=typ, eu=eu, parent=shown,
                                    payer=pay, mw=round(self.r.uniform(5, 60), 1) if self.p(.3) else None, currency="CNY" if self.p(.04) else None,
                                    use=self.pick(VAGUE_USE) if self.p(t["vague"]) else self.pick(USE["neocloud"] + DC_USE))

    def scheme_listed_near_miss(self):
        """Buyer or end user whose name is a near-miss of an Entity List party from the lists file (35 % also reuse its address).

        Sources: BIS "Red Flag Indicators" (first item: customer or address similar to a listed party); Supp. 3 to 15 CFR 732 red flags
        24-25 (IFR 89 FR 96790, 2024-12-02).  Variants (typo, dropped word, legal form, reordered / joined words, abbreviation,
        transliteration) follow the misses in OpenSanctions nomenklatura issue #274 and yente's validation treatments."""
        t = TELLS["listed_near_miss"]
        cands = [(e, {"CN": 3, "HK": 4, "SG": 3, "MY": 3, "AE": 2, "TW": 1, "TH": 2}.get(cc, .3)) for cc, es in self.el.items() for e in es]
        while cands and self.left > 0:
            e, first = self.wpick(cands), self.rdate(date(2023, 3, 1))
            cc, p = e["cc"], self.shell(t, e["cc"], first, kind="reseller")
            p.base, p.legal, p.prefix = near_miss(self.r, e["name"], e["all"]), [""], False
            if not p.webmail:
                p.dom = self.domain(p.base, cc, "x")
                p.emails = [self.email(p.dom, cc) for _ in range(2)]
            p.addr = self.addr(P(addr=e["addr"])) if self.p(.35) else p.addr
            restricted = cc in ("CN", "HK", "MO") or cc not in HUBS + ["TW", "US", "GB", "DE", "IN", "JP"]
            if self.p(.4 if restricted else .6):
                buyer, eu = p, (p if self.p(.6) else None)
            else:
                buyer, eu = self.shell(t, self.pick(["SG", "MY", "TH", "AE", "VN"]) if restricted else cc, first), p
            scc = self.pick(["SG", "MY", "TH", "AE", "VN"]) if restricted else buyer.cc
            ship, item = buyer if scc == buyer.cc else self.company(scc, "reseller"), self.wpick(DIV_ITEMS)
            for d in self.dates(first, 1, 4, 10, 90):
                self.diverted_order("listed_near_miss", t, d, buyer, item, self.div_qty(item, 8, 512), ship=ship, eu=eu,
                                    ship_type=self.pick(["end_user", "reseller", "distributor"]))

    def scheme_site_power(self):
        """Quantities far beyond what the declared data-centre power could run, or a data-centre end use with no power stated.

        Sources: BIS 2025-05-13 guidance (data centre unable to confirm power, cooling or space); NVIDIA DGX H100 datasheet (10.2 kW
        for 8 GPUs, ~1.3 kW per GPU incl. cooling); Megaspeed reporting (2025: imports inconsistent with disclosed footprint);
        Singapore 2025 server-fraud case.  Variant A (65 %): 0.3-2 MW declared, each order needs 1.5-15x that (20 % of follow-ups fit
        alone, only the running total does not; MW shown on 85 %).  Variant B: no MW, 800-6000 GPUs."""
        t = TELLS["site_power"]
        items = [("H100-SXM", 5), ("H200", 4), ("B200", 3), ("HGX-H100-8GPU", 4), ("HGX-H200-8GPU", 3), ("HGX-B200-8GPU", 2), ("DGX-H100", 2), ("DGX-B200", 1)]
        while self.left > 0:
            first, cc = self.rdate(date(2023, 3, 1)), self.hub_or(t, ["ID", "IN", "US", "JP", "AU", "GB", "TW"]).replace("HK", "SG")
            buyer, variant_a, item = self.shell(t, cc, first, kind="neocloud"), self.p(.65), self.wpick(items)
            mw = round(self.r.uniform(0.3, 2.0), 1) if self.p(.5) else self.pick([0.5, 1, 1.5, 2])
            site = self.site(buyer, "datacenter", mw)
            for k, d in enumerate(self.dates(first, 1, 5, 14, 120)):
                it = item if self.p(.7) else self.wpick(items)
                if variant_a:
                    ratio = self.r.uniform(.5, 1.2) if k and self.p(.2) else math.exp(self.r.uniform(math.log(1.5), math.log(15)))
                    qty, shown = max(1, round(mw * ratio * 1000 / ITEMS[it][3])), mw if self.p(.85) else None
                else:
                    qty, shown = self.div_qty(it, 800, 6000), None
                typ = self.wpick([("datacenter", 55), ("end_user", 15), ("logistics", 20), ("forwarder", 10)])
                self.diverted_order("site_power", t, d, buyer, it, qty, ship=site if typ == "datacenter" else None, ship_type=typ, eu=buyer,
                                    mw=shown, use=self.pick(VAGUE_USE) if self.p(t["vague"]) else self.pick(DC_USE + USE["neocloud"]))

    def scheme_third_country_payer(self):
        """Payer in a third country (not the buyer's, ship-to's or end user's), often a trading or holding firm (85 % of orders).

        Sources: BIS "Red Flag Indicators" and Supp. 3 to 15 CFR 732 (payment by a third party or from a third country); BIS
        2025-05-13 guidance; DOJ 2025-08-05 (ALX Solutions: payments wired from companies in Hong Kong and China)."""
        t = TELLS["third_country_payer"]
        while self.left > 0:
            first, cc = self.rdate(date(2023, 3, 1)), self.hub_or(t, ["US", "US", "JP", "KR", "IN", "GB", "DE", "AU", "CA", "TW"])
            buyer, item = self.shell(t, cc, first), self.wpick(DIV_ITEMS)
            payers = [self.third_payer({cc}) for _ in range(self.r.randint(1, 2))]
            eu = buyer if self.p(.6) else self.company(cc, self.pick(["enterprise", "neocloud"]))
            for d in self.dates(first, 1, 5, 7, 60):
                self.diverted_order("third_country_payer", dict(t, payer3=0), d, buyer, item, self.div_qty(item, 16, 512), eu=eu,
                                    ship_type=self.pick(["end_user", "reseller", "distributor"]), payer=self.pick(payers) if self.p(t["payer3"]) else buyer)

    # ------------------------------------------------------------ driver
    def run(self):
        self.build_market()
        target = round(self.n * DIVERTED_RATE * self.r.uniform(0.92, 1.08))
        quotas = [int(target * s) for s in SCHEME_SHARE]
        for _ in range(target - sum(quotas)):
            quotas[self.r.randrange(len(quotas))] += 1
        spill = 0
        for name, q in zip(SCHEMES, quotas):
            self.left = q + (spill if name == "site_power" else 0)
            getattr(self, "scheme_" + name)()
            spill = self.left if name == "listed_near_miss" else spill  # no Entity List rows: the quota moves to site_power
        counts = {s: sum(1 for row in self.rows if row[3] == s) for s in SCHEMES}
        self.legit_orders(self.n - len(self.rows))
        self.rows.sort(key=lambda x: (x[0], x[1]))
        led, tru = io.StringIO(), io.StringIO()
        wl, wt = csv.writer(led, lineterminator="\n"), csv.writer(tru, lineterminator="\n")
        wl.writerow(COLUMNS)
        wt.writerow(["order_id", "diverted", "scheme"])
        for i, (_, _, row, scheme) in enumerate(self.rows):
            row["order_id"] = f"SO-{i + 1:07d}"
            wl.writerow([row[k] for k in COLUMNS])
            wt.writerow([row["order_id"], "true" if scheme else "false", scheme])
        return led.getvalue(), tru.getvalue(), counts


def fmt_mw(mw):
    return f"{max(mw, 0.05):.2f}" if mw < 1 else f"{mw:.1f}" if mw < 10 else str(int(round(mw)))


def load_entity_list(path):
    """Entity List organisations of a CSL CSV, grouped by the country of their first address."""
    out = {}
    if not path or not os.path.exists(path):
        return out
    with open(path, newline="", encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            name = re.sub(r"\s+", " ", (row.get("name") or "").replace("?", "'")).strip(" ,;")
            toks = name.split()
            if (not (row.get("source") or "").startswith("Entity List") or not 2 <= len(toks) <= 7 or "(" in name
                    or not any(w.lower().strip(".,") in ORG_WORDS for w in toks)):
                continue  # keep organisations only (the type column is empty for EL rows)
            parts = [x.strip() for x in (row.get("addresses") or "").split(";")[0].replace("?", "-").split(",")]
            if len(parts) < 3 or parts[-1] not in C:
                continue
            alts = [a.strip() for a in (row.get("alt_names") or "").split(";") if a.strip()]
            out.setdefault(parts[-1], []).append({"name": name, "addr": ", ".join(parts[:-1]), "cc": parts[-1], "all": [name] + alts})
    return out


def norm(s):
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", s.lower()).split())


def near_miss(r, name, all_names):
    """Typo / dropped word / other legal form / reordered / abbreviated / transliterated / joined variant of a listed name."""
    banned = {norm(x) for x in all_names}
    for _ in range(20):
        toks = name.split()
        for op in r.sample(["typo", "drop", "legal", "reorder", "abbrev", "translit", "join"], r.choice([1, 1, 2])):
            core, text = [i for i, w in enumerate(toks) if w.lower().strip(".,") not in LEGAL_TOK], " ".join(toks)
            long_ = [i for i in core if len(toks[i]) >= 4]
            subs = ([(a, b) for a, b in ABBR if re.search(rf"\b{a}\b", text)] or [(b, a) for a, b in ABBR if re.search(rf"\b{b}\b", text)]
                    if op == "abbrev" else [(a, b) for a, b in TRANSLIT if a in text] if op == "translit" else [])
            if op == "typo" and long_:
                i = r.choice(long_)
                w, j = toks[i], r.randrange(1, len(toks[i]) - 2)
                toks[i] = r.choice([w[:j] + w[j + 1] + w[j] + w[j + 2:], w[:j] + w[j + 1:], w[:j] + w[j] + w[j:],
                                    w[:j] + r.choice([v for v in "aeiou" if v != w[j].lower()]) + w[j + 1:]])
            elif op == "drop" and len(core) >= 3:
                del toks[r.choice(core[1:])]
            elif op == "legal":
                while toks and toks[-1].lower().strip(".,") in LEGAL_TOK:
                    toks.pop()
                toks += r.choice(LEGAL_SWAP).split()
            elif op == "reorder" and len(core) >= 2:
                toks[core[0]], toks[core[1]] = toks[core[1]], toks[core[0]]
            elif subs:
                a, b = r.choice(subs)
                toks = (re.sub(rf"\b{re.escape(a)}\b", b, text, count=1) if op == "abbrev" else text.replace(a, b, 1)).split()
            elif op == "join" and len(core) >= 2 and core[1] == core[0] + 1:
                toks[core[0]:core[1] + 1] = [toks[core[0]] + toks[core[1]].lower()]
        out = " ".join(toks).strip(" ,")
        if out and norm(out) not in banned:
            return out
    return name + " Co"


def validate(out_dir):
    """Schema check of DIR/ledger.csv and DIR/truth.csv against COLUMNS, the catalogue and the truth format."""
    ids = set()
    for path in (x for x in CATALOGUE if os.path.exists(x)):
        with open(path, newline="", encoding="utf-8") as fh:
            ids |= {row["id"] for row in csv.DictReader(fh)}
    items = set(ITEMS) & ids if ids else set(ITEMS)
    iso, num, dt = r"([A-Z]{2})?", r"(\d+(\.\d+)?)?", r"\d{4}-\d{2}-\d{2}"
    rx = {**{k: iso for k in COLUMNS if k.endswith("_country")}, "order_id": r"SO-\d{7}", "order_date": dt, "customer_since": f"({dt})?",
          "quantity": r"[1-9]\d*", "ship_to_country": "[A-Z]{2}", "ship_to_type": f"({'|'.join(SHIP_TYPES)})?", "installation_declined": "(true|false)?",
          "route": r"([A-Z]{2}(;[A-Z]{2})*)?", "hs_code": r"(\d{4}(\.\d{2}(\.\d{2,4})?)?|\d{6,10})?", "currency": "([A-Z]{3})?",
          "unit_price_usd": num, "declared_site_mw": num, "item": "|".join(map(re.escape, sorted(items)))}
    with open(os.path.join(out_dir, "ledger.csv"), newline="", encoding="utf-8") as fh, open(os.path.join(out_dir, "truth.csv"), newline="", encoding="utf-8") as ft:
        led, tru = list(csv.reader(fh)), list(csv.reader(ft))
    if not led or not tru or led[0] != COLUMNS or tru[0] != ["order_id", "diverted", "scheme"] or len(led) != len(tru):
        return ["missing or mismatched header, or ledger and truth differ in length"]
    errs, seen = [], set()
    for n, (raw, t) in enumerate(zip(led[1:], tru[1:]), 2):
        row = dict(zip(COLUMNS, raw))
        bad = [k for k, pat in rx.items() if len(raw) != len(COLUMNS) or not re.fullmatch(pat, row[k])]
        if not bad and (row["order_id"] in seen or not str(D0) <= row["order_date"] <= str(D1) or row["customer_since"] > row["order_date"]
                        or any(row[k] and float(row[k]) <= 0 for k in ("unit_price_usd", "declared_site_mw"))):
            bad.append("duplicate id, date out of range, customer_since after order_date or non-positive number")
        seen.add(row.get("order_id"))
        if len(t) != 3 or t[0] != row.get("order_id") or t[1] not in ("true", "false") or (t[1] == "true") != (t[2] in SCHEMES) or (t[1] == "false" and t[2]):
            bad.append(f"truth row {t}")
        errs += [f"ledger line {n}: {', '.join(bad)}"] if bad else []
    return errs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--orders", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--lists", default=None, help=f"CSL CSV (default {DEFAULT_LISTS}, else {FALLBACK_LISTS})")
    ap.add_argument("--check", action="store_true", help="validate the output and confirm byte-identical regeneration")
    a = ap.parse_args()
    if a.orders < 1:
        ap.error("--orders must be positive")
    lists = a.lists or (DEFAULT_LISTS if os.path.exists(DEFAULT_LISTS) else FALLBACK_LISTS)
    out = Gen(a.seed, a.orders, lists).run()
    os.makedirs(a.out, exist_ok=True)
    for fn, text in zip(("ledger.csv", "truth.csv"), out):
        with open(os.path.join(a.out, fn), "w", newline="", encoding="utf-8") as fh:
            fh.write(text)
    div = sum(out[2].values())
    print(f"issue_ledger seed={a.seed} orders={a.orders} diverted={div} ({100.0 * div / a.orders:.2f}%) lists={lists}\n  "
          + "  ".join(f"{k}={v}" for k, v in out[2].items()), file=sys.stderr)
    if a.check:
        errs = validate(a.out)
        for fn, text in zip(("ledger.csv", "truth.csv"), Gen(a.seed, a.orders, lists).run()):
            with open(os.path.join(a.out, fn), "rb") as fh:
                errs += [] if fh.read() == text.encode("utf-8") else [f"{fn}: regeneration with the same seed is not byte-identical"]
        for e in errs[:50]:
            print("CHECK FAIL: " + e, file=sys.stderr)
        if errs:
            sys.exit(f"check failed ({len(errs)} problems)")
        print("check ok: schema valid, regeneration byte-identical", file=sys.stderr)


if __name__ == "__main__":
    main()
