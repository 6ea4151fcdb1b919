#!/usr/bin/env python3
"""Held-out synthetic order ledger for evaluating the chipwatch `assess` ranking.

Written independently of the engine and of the BIS 2025-05-13 red-flag guidance: the diversion
patterns follow public case narratives (see the s_* scheme docstrings); legitimate traffic carries
deliberate benign oddities so that no single flag separates the classes.

    python3 scripts/eval/heldout_ledger.py --seed N --orders 20000 --out DIR [--check]

writes DIR/ledger.csv (32 columns + `licence`) and DIR/truth.csv (order_id,diverted,scheme).
--check re-reads the files, validates them, regenerates to confirm determinism, exits 1 on failure.
Python 3.11, standard library only; deterministic per seed (a single random.Random(seed)).
"""
from __future__ import annotations

import argparse
import csv
import io
import math
import os
import random
import re
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta

HEADER = ("order_id,order_date,seller,seller_country,bill_to_name,bill_to_address,bill_to_country,ship_to_name,"
          "ship_to_address,ship_to_country,ship_to_type,end_user_name,end_user_address,end_user_country,"
          "end_user_parent,end_user_parent_country,payer_name,payer_country,item,hs_code,quantity,unit_price_usd,"
          "currency,incoterm,forwarder,route,declared_end_use,installation_declined,customer_since,contact_email,"
          "contact_phone,declared_site_mw,licence").split(",")
START, END = date(2023, 1, 1), date(2026, 6, 30)
V2 = date(2023, 11, 17)         # Oct-2023 rule in force: licence to D:1/D:4 (VN, SA, AE); consumer a.1 to CN
H20_LETTER = date(2025, 4, 9)   # "is-informed" letters: H20 needs a licence for China
H20_LIC = date(2025, 8, 1)      # H20 licences reported granted
V4 = date(2026, 1, 15)          # H200 case-by-case to China for exports from the US
UAE_A5 = date(2026, 7, 10)
CHINA = {"CN", "HK", "MO"}
CSL_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "screen", "sample_csl.csv")

# id kind gpus/unit TDP-kW/GPU price-lo price-hi on-sale until datacenter-3A090? china-rule
# china-rule: free = no licence; h20 = free until the Apr-2025 letter; v1 = free until 2023-11-17; ctrl = licence
_ITEMS = """
A100 module 1 0.40 9000 16000 2020-01-01 2025-06-30 1 ctrl|A800 module 1 0.40 10000 17000 2022-11-01 2024-03-31 1 v1
H100-SXM module 1 0.70 27000 40000 2022-10-01 2026-06-30 1 ctrl|H100-PCIE module 1 0.35 24000 32000 2022-10-01 2026-06-30 1 ctrl
H800-SXM module 1 0.70 28000 40000 2023-03-01 2024-03-31 1 v1|H20 module 1 0.40 10000 14000 2024-02-01 2026-06-30 0 h20
H200 module 1 0.70 30000 42000 2024-06-01 2026-06-30 1 ctrl|B200 module 1 1.00 35000 50000 2024-12-01 2026-06-30 1 ctrl
B300 module 1 1.10 45000 60000 2025-08-01 2026-06-30 1 ctrl|L40S module 1 0.35 7000 10500 2023-10-01 2026-06-30 1 v1
L20 module 1 0.275 4000 7000 2024-02-01 2026-06-30 0 free|L4 module 1 0.072 2000 3200 2023-03-01 2026-06-30 1 v1
RTX-4090 consumer 1 0.45 1600 2400 2022-10-12 2025-06-30 0 v1|RTX-4090D consumer 1 0.425 1600 2300 2024-01-01 2025-12-31 0 free
RTX-5090 consumer 1 0.575 2000 3000 2025-01-30 2026-06-30 0 ctrl|RTX-5090D consumer 1 0.575 2000 3000 2025-01-30 2026-06-30 0 free
MI250X module 1 0.56 8000 14000 2021-11-01 2024-12-31 1 ctrl|MI300X module 1 0.75 12000 20000 2023-12-06 2026-06-30 1 ctrl
MI325X module 1 1.00 15000 25000 2024-10-10 2026-06-30 1 ctrl|GAUDI2 module 1 0.60 7000 12000 2022-05-01 2025-12-31 1 ctrl
GAUDI3 module 1 0.90 12000 16000 2024-09-24 2026-06-30 1 ctrl|TPU-V5P module 1 0.45 15000 25000 2023-12-06 2026-06-30 1 ctrl
HGX-H100-8GPU system 8 0.70 220000 320000 2022-10-01 2026-06-30 1 ctrl|DGX-H100 system 8 0.70 300000 450000 2023-03-01 2026-06-30 1 ctrl
HGX-H200-8GPU system 8 0.70 250000 360000 2024-06-01 2026-06-30 1 ctrl|HGX-H20-8GPU system 8 0.40 100000 160000 2024-02-01 2026-06-30 0 h20
DGX-A100 system 8 0.40 150000 250000 2020-05-14 2024-12-31 1 ctrl|DGX-B200 system 8 1.00 400000 515000 2024-12-01 2026-06-30 1 ctrl
HGX-B200-8GPU system 8 1.00 350000 480000 2024-12-01 2026-06-30 1 ctrl
"""
ITEMS = {}
for _spec in _ITEMS.replace("\n", "|").split("|"):
    if _spec.strip():
        _i, _k, _g, _kw, _lo, _hi, _a, _b, _dc, _cn = _spec.split()
        ITEMS[_i] = dict(kind=_k, gpus=int(_g), kw=float(_kw), lo=int(_lo), hi=int(_hi), start=date.fromisoformat(_a),
                         end=date.fromisoformat(_b), dc=_dc == "1", cn=_cn)
KW_ALL_IN = 1.7  # facility kW per TDP kW (H100 SXM: 0.7 kW TDP -> ~1.2 kW with host, network and cooling)


def W(spec):
    """'A:1 B:2.5' -> {'A': 1.0, 'B': 2.5}"""
    return {k: float(v) for k, v in (t.rsplit(":", 1) for t in spec.split())}


def cn_free(item, d):
    rule = ITEMS[item]["cn"]
    return rule == "free" or (rule == "h20" and d < H20_LETTER) or (rule == "v1" and d < V2)


def needs_licence(item, cc, d, parent_cc=""):
    if cc in CHINA or parent_cc in CHINA:
        return not cn_free(item, d)
    return ITEMS[item]["dc"] and d >= V2 and (cc in ("VN", "SA") or (cc == "AE" and d < UAE_A5))


# cc: phone | web tld | legal forms | name style | "City@postcode" (# = digit) | streets | address formats
COUNTRIES = {
    "US": ("+1 ###-###-####", "com", "Inc.|LLC|Corp.|Inc.", "west", "Santa Clara, CA@950##|San Jose, CA@951##|Austin, TX@787##|"
           "Ashburn, VA@201##|Hillsboro, OR@971##|Doral, FL@331##|Houston, TX@770##|El Monte, CA@917##|New York, NY@100##",
           "Mission College Blvd|Innovation Way|Commerce Drive|Technology Parkway|NW 25th Street|Garvey Avenue|Market Street",
           "{n} {st}, {city} {pc}|{n} {st}, Suite {u}, {city} {pc}"),
    "SG": ("+65 6### ####", "com.sg", "Pte. Ltd.|Pte Ltd|PTE. LTD.", "sea", "Singapore@######",
           "Tuas South Avenue 2|Ubi Crescent|Kallang Way|Changi Business Park Central 1|Loyang Way|Sims Avenue|"
           "Tai Seng Street|Ang Mo Kio Industrial Park 2|Woodlands Loop|Eunos Avenue 3", "{n} {st}, #{fl}-{u}, {city} {pc}|{n} {st}, {city} {pc}"),
    "MY": ("+60 3-#### ####", "com.my", "Sdn. Bhd.|Sdn Bhd", "sea", "Kuala Lumpur@5####|Cyberjaya, Selangor@63###|"
           "Petaling Jaya, Selangor@46###|Kulai, Johor@81###|Iskandar Puteri, Johor@79###|Bayan Lepas, Penang@11###",
           "Jalan Teknologi 3/5|Jalan Perindustrian 2|Jalan PJS 11/16|Jalan Kelang Lama|Jalan Sedenak|Persiaran Multimedia",
           "No. {n}, {st}, {pc} {city}|Lot {n}, {st}, {pc} {city}|{fl}-{u}, {st}, {pc} {city}"),
    "TH": ("+66 2 ### ####", "co.th", "Co., Ltd.|Co., Ltd.|Public Company Limited", "th", "Bangkok@10###|Chonburi@20###|"
           "Samut Prakan@10###|Rayong@21###", "Rama IX Road|Sukhumvit Road|Bangna-Trad Road|Amata City Industrial Estate",
           "{n} Moo {u}, {st}, {city} {pc}|{n}/{u} {st}, {city} {pc}"),
    "VN": ("+84 28 #### ####", "vn", "Co., Ltd.|Joint Stock Company|JSC", "vn", "Ho Chi Minh City@700###|Hanoi@100###|"
           "Bac Ninh@16####", "Saigon Hi-Tech Park|Nguyen Van Linh Street|Que Vo Industrial Park", "Lot {u}, {st}, {city} {pc}"),
    "ID": ("+62 21 #### ####", "co.id", "PT", "id", "Jakarta@1####|Batam@29###|Cikarang, Bekasi@17###",
           "Jl. Jend. Sudirman|Jl. Gatot Subroto|Jl. Industri Selatan", "{st} No. {n}, {city} {pc}|{st} Kav. {n}, {city} {pc}"),
    "HK": ("+852 #### ####", "com.hk", "Limited|Co., Limited|(HK) Limited|International Limited", "cn",
           "Kwun Tong, Kowloon@|Tsuen Wan, N.T.@|Kowloon Bay@|Sha Tin, N.T.@|Mong Kok, Kowloon@|Wan Chai@",
           "Hoi Bun Road|Castle Peak Road|Wang Chiu Road|Shing Yip Street|Nathan Road|Sha Tsui Road",
           "Flat {u}, {fl}/F, {bldg}, {n} {st}, {city}, Hong Kong|Unit {u}, {fl}/F, {n} {st}, {city}, Hong Kong"),
    "CN": ("+86 755 #### ####", "cn", "Co., Ltd.|Technology Co., Ltd.|Co., Ltd.", "cn", "Futian District, Shenzhen@518###|"
           "Nanshan District, Shenzhen@518###|Haidian District, Beijing@100###|Pudong New Area, Shanghai@200###",
           "Shennan Avenue|Keyuan Road|Zhongguancun Street|Zhangjiang Road|Huaqiang North Road",
           "Room {u}{fl}, {bldg}, No. {n} {st}, {city} {pc}"),
    "JP": ("+81 3-####-####", "co.jp", "K.K.|Co., Ltd.|Corporation", "jp", "Minato-ku, Tokyo@1##-####|Kita-ku, Osaka@53#-####|"
           "Inzai, Chiba@270-####", "Shibaura|Otemachi|Konan|Umeda", "{n}-{u}-{fl} {st}, {city} {pc}"),
    "KR": ("+82 2-###-####", "co.kr", "Co., Ltd.|Inc.|Corp.", "kr", "Gangnam-gu, Seoul@06###|Bundang-gu, Seongnam@13###",
           "Teheran-ro|Pangyo-ro|Yeoui-daero", "{n} {st}, {city} {pc}|{n} {st}, {fl}F, {city} {pc}"),
    "IN": ("+91 22 #### ####", "in", "Pvt. Ltd.|Private Limited|Ltd.", "in", "Mumbai@400###|Hyderabad@500###|Chennai@600###|"
           "Bengaluru@560###|Noida@201###", "MIDC Industrial Area|HITEC City|Outer Ring Road|Sector 62", "Plot {n}, {st}, {city} {pc}"),
    "AE": ("+971 4 ### ####", "ae", "FZ-LLC|LLC|FZE|DMCC", "ae", "Dubai Internet City, Dubai@|Jebel Ali Free Zone, Dubai@|"
           "Masdar City, Abu Dhabi@", "Building {n}|Al Khail Road|Sheikh Zayed Road", "Office {u}, {st}, {city}|Warehouse {u}, {st}, {city}"),
    "SA": ("+966 11 ### ####", "sa", "Co.|LLC|Co. Ltd.", "ae", "Riyadh@1####|Jeddah@2####", "King Fahd Road|Olaya Street",
           "{n} {st}, {city} {pc}"),
    "TW": ("+886 2 #### ####", "com.tw", "Co., Ltd.|Corporation|Inc.", "tw", "Neihu District, Taipei@114##|"
           "Hsinchu Science Park, Hsinchu@300##|Guishan District, Taoyuan@333##", "Ruiguang Road|Zhouzi Street|Huaya 2nd Road",
           "{fl}F, No. {n}, {st}, {city} {pc}"),
    "DE": ("+49 69 #######", "de", "GmbH|AG|GmbH & Co. KG", "de", "Frankfurt am Main@60###|München@80###|Berlin@10###|Hamburg@20###",
           "Hanauer Landstraße|Kruppstraße|Leopoldstraße|Am Sandtorkai", "{st} {n}, {pc} {city}"),
    "NL": ("+31 20 ### ####", "nl", "B.V.|N.V.|B.V.", "west", "Amsterdam@10## KX|Schiphol-Rijk@11## BE|Eindhoven@56## AZ",
           "Science Park|Kruisweg|Strawinskylaan|High Tech Campus", "{st} {n}, {pc} {city}"),
    "GB": ("+44 20 #### ####", "co.uk", "Ltd|Limited|PLC", "west", "London@EC2A #AB|Slough@SL1 #XX|Cambridge@CB4 #WS",
           "Bath Road|Great Eastern Street|Cambridge Science Park", "{n} {st}, {city} {pc}"),
    "IE": ("+353 1 ### ####", "ie", "Ltd|DAC|Limited", "west", "Dublin 2@D02 X#F#|Dublin 18@D18 K#P#|Cork@T12 R#C#",
           "Grand Canal Dock|Sir John Rogerson's Quay|Cherrywood Business Park", "{n} {st}, {city} {pc}"),
    "FR": ("+33 1 ## ## ## ##", "fr", "SAS|SA|SARL", "west", "Paris@750##|Saclay@911##|Lyon@690##",
           "rue de la Boétie|avenue de France|boulevard Haussmann", "{n} {st}, {pc} {city}"),
    "CH": ("+41 41 ### ## ##", "ch", "AG|SA|GmbH", "de", "Zug@630#|Zürich@80##", "Baarerstrasse|Bahnhofstrasse", "{st} {n}, {pc} {city}"),
    "LU": ("+352 ## ## ##", "lu", "S.à r.l.|S.A.", "west", "Luxembourg@L-1###", "rue Eugène Ruppert|boulevard Royal", "{n} {st}, {pc} {city}"),
    "IL": ("+972 3 ### ####", "co.il", "Ltd.", "west", "Tel Aviv@6######|Herzliya@46#####", "Rothschild Blvd|Abba Eban Blvd",
           "{n} {st}, {city} {pc}"),
    "AU": ("+61 2 #### ####", "com.au", "Pty Ltd|Pty. Ltd.", "west", "Sydney NSW@20##|Melbourne VIC@30##", "Pitt Street|Bourke Road",
           "{n} {st}, {city} {pc}"),
    "CA": ("+1 416-###-####", "ca", "Inc.|Ltd.|Corp.", "west", "Toronto, ON@M5V #A#|Vancouver, BC@V6B #C#",
           "King Street West|Georgia Street", "{n} {st}, {city} {pc}"),
}
MOBILE = {"SG": "+65 9### ####", "MY": "+60 1#-### ####", "HK": "+852 9### ####", "CN": "+86 13# #### ####", "TH": "+66 8# ### ####",
          "US": "+1 626-###-####", "VN": "+84 9# ### ####", "ID": "+62 81# #### ####", "AE": "+971 5# ### ####"}
CURRENCY = {"DE": "EUR", "NL": "EUR", "IE": "EUR", "FR": "EUR", "LU": "EUR", "GB": "GBP", "JP": "JPY", "SG": "SGD", "CH": "CHF",
            "IN": "INR", "HK": "HKD", "MY": "MYR", "TH": "THB", "KR": "KRW", "TW": "TWD", "CN": "CNY"}
ROOTS = {
    "west": "Northwind|Bluepeak|Helix|Quantix|Arcadia|Vertex|Lumen|Stratus|Cobalt|Orion|Meridian|Sable|Kestrel|Nimbus|Atlas|"
            "Polaris|Zephyr|Halcyon|Tessera|Ironwood|Redwood|Brightline|Granite|Summit|Pioneer|Vanguard|Evergreen|Beacon|"
            "Crescent|Silverline|Keystone|Harbor|Northstar|Lattice|Tensor|Vector|Photon|Quanta|Sigma|Aurora|Cinder|Juniper|"
            "Monarch|Obsidian|Prairie|Riverbend|Solstice|Tidewater",
    "sea": "Merlion|Straits|Orchid|Tropika|Nusantara|Serangoon|Kelana|Setia|Cahaya|Mutiara|Bintang|Gemilang|Harapan|Sinar|"
           "Prima|Jaya|Mega|Kallang|Perdana|Wira",
    "th": "Siam|Chao Phraya|Rattana|Sukhothai|Lanna|Ayutthaya|Krungthep|Thonburi|Mekong|Sirin",
    "vn": "Sao Mai|An Phat|Hoang Long|Minh Phat|Thanh Cong|Dai Viet|Phuong Nam|Hai Dang|Truong Son|Hong Ha",
    "id": "Nusantara|Maju Sejahtera|Cahaya Mandiri|Garuda Karya|Bumi Digital|Mitra Data|Sentosa|Nusa Komputasi",
    "cn": "Huaxin|Xinrui|Tianyu|Haiwei|Jinpeng|Ruixiang|Hongsheng|Shengda|Kaiyuan|Longxin|Yuntu|Boyuan|Zhiyuan|Xingchen|"
          "Lanhai|Tengyun|Jiahe|Dingsheng|Huarui|Yingke|Qiming|Mingda|Fengyun|Anheng|Jiuzhou|Taihe",
    "jp": "Sakura|Fuji|Kotobuki|Aozora|Hikari|Yamato|Tsubasa|Kumo|Hoshi|Mirai|Shinsei|Minato|Kaede|Hinode",
    "kr": "Hanbit|Daehan|Mirae|Haneul|Saebyeok|Nuri|Bitgaram|Dongbang|Gaon|Arum|Hanul",
    "in": "Bharat|Shakti|Indus|Veda|Arya|Surya|Ganga|Pragati|Nirmaan|Akash|Kaveri|Sahyadri",
    "ae": "Al Noor|Gulf|Falcon|Oasis|Al Safa|Desert Rose|Khaleej|Najm|Al Bayan|Rimal|Marina",
    "tw": "Formosa|Hsin Yuan|Jing Tai|Yu Sheng|Hong Ye|Chuan Mao|Tai Hsing|Kuo Feng|Ming Hua|Li Yang",
    "de": "Rhein|Nordlicht|Alpen|Elbe|Isar|Spree|Taunus|Bodensee|Weser|Harz",
}
TECH = "Compute|Cloud|AI|Data Systems|Analytics|Labs|Technologies|Networks|Digital|Infrastructure|Intelligence|Systems"
CLOUD = "Cloud|GPU Cloud|AI Cloud|Data Centre|Compute|Hosting|Digital Infrastructure"
ENTERPRISE = "Pharma|Motors|Bank|Insurance|Media|Energy|Telecom|Semiconductor|Engineering|Retail|Healthcare|Holdings|Properties|Group"
DIST = "Distribution|Supply|Components|IT Solutions|Systems Integration|Electronics|Trading"
FRONT = "Realty|Properties|Home Goods|Import & Export|General Trading|Auto Parts|Consulting|Food Supply|Furniture|Holdings"
CN_SECT = "Technology|Intelligent Computing|Electronics|Information Technology|Digital Technology|Network Technology|Supply Chain"
LOGI = "Logistics|Freight|Cargo|Forwarding|Supply Chain|Express"
SECTORS = {"hyperscaler": "Cloud|Compute|Digital|Networks|Infrastructure", "neocloud": CLOUD, "enterprise": ENTERPRISE,
           "startup": "AI|Labs|Intelligence|Robotics|Bio|Research|Machines", "university": "Research", "distributor": DIST,
           "reseller": "PC|Computer|Gaming|Workstations|IT Store|Tech|Electronics", "cn_legit": CN_SECT,
           "licensed": TECH + "|Telecom|" + CLOUD}
CN_CITY = "Shenzhen |Beijing |Shanghai |Hangzhou |Guangzhou "
FIRST = "wei|ming|jun|li|anna|david|james|kenji|minho|priya|arjun|siti|ahmad|thanh|somchai|fatima|lukas|emma|omar|chloe|raj|hiro"
LAST = "tan|lim|lee|wong|chen|smith|garcia|sato|kim|patel|sharma|rahman|nguyen|suzuki|mueller|jones|ali|ng|goh|zhang|park|singh"
WEBMAIL, CN_WEBMAIL = ("gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "proton.me"), ("163.com", "qq.com", "126.com")
USES = {
    "hyperscaler": "Public cloud GPU instances|Expansion of AI training cluster|Internal ML platform capacity|Inference fleet refresh",
    "neocloud": "GPU cloud rental (IaaS) for AI developers|Bare-metal GPU leasing to enterprise tenants|"
                "AI compute-as-a-service from colocation site|Sovereign AI cloud capacity|GPU cloud rental for model training",
    "startup": "Foundation model pre-training|Fine-tuning and inference for in-house LLM|Computer vision model training|"
               "Drug-discovery model training|Speech model training and inference",
    "enterprise": "Fraud-detection model training|Autonomous driving simulation|Engineering simulation (CFD)|"
                  "Recommendation model training|Video analytics|Internal generative-AI pilot|Seismic imaging",
    "university": "University HPC cluster|Academic research in machine learning|Climate modelling research",
    "distributor": "Stock for resale to regional system integrators|Resale to enterprise customers|Distribution inventory|Resale",
    "reseller": "Workstation builds for customers|Resale|Rendering and VFX workstations|Gaming PC assembly|Resale to local SMEs",
    "cn_legit": "Inference servers for e-commerce search|Content recommendation inference|Cloud inference service|"
                "Video transcoding and AI inference|Gaming and rendering PCs",
    "licensed": "National AI cloud|Government research computing|Telecom operator AI platform|University AI centre",
}
VAGUE = "AI|Computing|General purpose computing|Data center use|Research|Commercial use|IT equipment|Servers|N/A||AI applications|Cloud"
SELLERS = {"US": ["Northbridge Compute Supply Inc.", "Cascadia Systems Distribution LLC"], "TW": ["Formosa Server Systems Co., Ltd."],
           "SG": ["Pacific Silicon Distribution Pte. Ltd."], "DE": ["Rheinland Datacenter Hardware GmbH"],
           "NL": ["Lowlands IT Supply B.V."], "JP": ["Kanto Compute Trading K.K."], "HK": ["Great Harbour Electronics Limited"]}
REGION = {**dict.fromkeys("SG MY TH VN ID IN JP KR TW AU".split(), "ap"), **dict.fromkeys("DE NL GB IE FR CH LU IL".split(), "eu"),
          "US": "am", "CA": "am", "AE": "me", "SA": "me", "CN": "cn", "HK": "cn", "MO": "cn"}
SELLER_MIX = {"am": W("US:5 TW:1"), "eu": W("DE:3 NL:3 US:2"), "ap": W("SG:3 TW:3 US:2 JP:1"), "me": W("US:2 NL:1 SG:1 DE:1"),
              "cn": W("HK:4 TW:3 SG:2")}
# legitimate customer kinds: share of customers, countries, account-opened years, qty median (GPUs), sigma, activity
KINDS = {
    "hyperscaler": (0.03, "US:10 IE:3 NL:3 SG:4 JP:3 KR:2 IN:2 GB:2 DE:2 MY:2 AE:1 AU:1 FR:1 TW:1", (2006, 2020), 192, 1.2, 8.0),
    "neocloud": (0.06, "US:8 SG:4 MY:3 TH:2 ID:2 IN:3 AE:2 JP:2 KR:2 GB:2 DE:2 NL:2 VN:1 FR:1 CA:1", (2016, 2025), 96, 1.2, 3.0),
    "startup": (0.08, "US:10 GB:3 FR:2 DE:2 SG:2 JP:2 KR:2 IN:2 AE:1 IL:1 CA:1 CH:1", (2023, 2025), 48, 1.1, 2.0),
    "enterprise": (0.25, "US:8 DE:3 JP:3 KR:2 GB:2 FR:2 IN:2 SG:2 TW:2 NL:1 CH:1 AU:1 MY:1 TH:1 ID:0.5 AE:1 SA:0.5 IL:1",
                   (2005, 2025), 8, 1.1, 1.0),
    "university": (0.08, "US:5 GB:2 DE:2 JP:2 KR:1 SG:1 IN:1 FR:1 CH:1 AU:1 TW:1 MY:0.5 TH:0.5 VN:0.3", (2005, 2022), 8, 1.0, 1.0),
    "distributor": (0.08, "SG:3 NL:2 DE:2 MY:2 IN:2 AE:2 JP:1 US:3 HK:1 TW:2 GB:1 TH:1 VN:0.5", (2005, 2024), 40, 1.1, 4.0),
    "reseller": (0.24, "US:4 SG:2 MY:2 TH:1.5 ID:1.5 VN:1 IN:2 AE:1.5 DE:1.5 GB:1 HK:2 JP:1 KR:1 TW:1 CN:1", (2012, 2026), 10, 1.0, 1.2),
    "cn_legit": (0.12, "CN:6 HK:3 SG:1 MY:1", (2010, 2025), 40, 1.2, 2.0),
    "licensed": (0.04, "VN:3 SA:3 AE:4", (2015, 2025), 32, 1.0, 1.5),
}
KIND_ITEMS = {k: W(v) for k, v in {
    "hyperscaler": "H100-SXM:4 H200:4 B200:4 B300:3 HGX-H100-8GPU:3 HGX-H200-8GPU:3 HGX-B200-8GPU:3 MI300X:2 MI325X:1.5 "
                   "GAUDI3:0.5 TPU-V5P:0.2 L40S:1.5 L4:1.5 A100:1 H100-PCIE:1",
    "neocloud": "H100-SXM:3 H200:3 B200:2 HGX-H100-8GPU:4 HGX-H200-8GPU:3 HGX-B200-8GPU:2 DGX-H100:1 MI300X:1.5 L40S:2 "
                "RTX-4090:1 RTX-5090:1 A100:1 H100-PCIE:1.5 GAUDI2:0.5",
    "startup": "H100-SXM:3 HGX-H100-8GPU:3 H200:2 HGX-H200-8GPU:2 B200:1.5 DGX-H100:1.5 DGX-B200:1 MI300X:1 L40S:1 "
               "H100-PCIE:1.5 A100:1",
    "enterprise": "H100-PCIE:3 L40S:3 L4:3 DGX-H100:2 DGX-A100:1 A100:1.5 H100-SXM:1 H200:0.7 HGX-H100-8GPU:1 DGX-B200:0.7 "
                  "RTX-5090:0.5 RTX-4090:0.5 GAUDI2:0.5 GAUDI3:0.5 MI250X:0.3",
    "university": "H100-PCIE:2 H100-SXM:1.5 A100:2 L40S:1.5 DGX-H100:1 DGX-A100:1 MI250X:0.7 MI300X:0.7 H200:0.7 RTX-4090:1 "
                  "RTX-5090:0.7 GAUDI2:0.3",
    "distributor": "H100-SXM:1 H100-PCIE:1.5 H200:1 B200:0.7 L40S:2 L4:2 A100:1 HGX-H100-8GPU:0.7 HGX-H200-8GPU:0.5 MI300X:0.5 "
                   "RTX-4090:1.5 RTX-5090:1.5 GAUDI3:0.3",
    "reseller": "RTX-4090:4 RTX-5090:4 L40S:2 L4:2 H100-PCIE:1 A100:0.5",
    "cn_legit": "H20:5 HGX-H20-8GPU:3 L20:4 RTX-4090D:4 RTX-5090D:3 A800:3 H800-SXM:2 L40S:1 RTX-4090:1 L4:1 H200:0.3",
    "cn_reseller": "RTX-4090D:4 RTX-5090D:4 RTX-4090:1 L20:1",
    "licensed": "H100-SXM:2 HGX-H100-8GPU:2 H200:2 HGX-H200-8GPU:2 B200:1 DGX-B200:1 MI300X:1 L40S:1 A100:1"}.items()}
DIV_DC = W("H100-SXM:4 H200:3 H100-PCIE:2 A100:1.5 B200:2 MI300X:1 HGX-H100-8GPU:2 HGX-H200-8GPU:2 HGX-B200-8GPU:1")
SYSTEMS = W("HGX-H100-8GPU:3 DGX-H100:2 HGX-H200-8GPU:3 HGX-B200-8GPU:2 DGX-B200:1.5")
NEAR_ITEMS = W("H100-SXM:2 H100-PCIE:2 A100:2 RTX-4090:2 RTX-5090:2 L40S:1 H200:1")
INCO_LEGIT, INCO_DIV = W("DAP:3 DDP:3 FCA:2 EXW:1.5 CIP:1 CPT:1 FOB:0.5"), W("EXW:3 FCA:3 DAP:1.5 CPT:1 FOB:1")
HUBS = {**dict.fromkeys("MY TH ID VN".split(), ("SG", 0.35)), **dict.fromkeys("DE FR GB IE CH LU".split(), ("NL", 0.3)),
        **dict.fromkeys("JP KR AU".split(), ("SG", 0.1)), "IN": ("SG AE", 0.2), "CN": ("HK", 0.6), "AE": ("NL", 0.2),
        "SA": ("AE NL", 0.2)}
# diversion schemes and their target share of all orders (~3 % in total)
SCHEMES = {"gatekeeper_front": 0.005, "sg_server_fraud": 0.004, "shell_datacenter": 0.005, "sea_subsidiary": 0.0045,
           "listed_near_miss": 0.0035, "split_ring": 0.005, "third_country_payer": 0.003}


def rdate(r, a, b):
    return a if b <= a else a + timedelta(days=r.randint(0, (b - a).days))


def fmt_mw(x):
    return "" if x is None else (f"{max(x, 0.1):.1f}" if x < 10 else f"{x:.0f}")


def load_listed(path=CSL_PATH):
    """Entity List rows of the CSL sample with at least one address in China or Hong Kong."""
    def clean(n):
        n = re.sub(r"\([^)]*\)", "", re.split(r",?\s+a\.k\.a\.", n)[0])
        return re.sub(r"^(and|or)\s+", "", re.sub(r"\s+", " ", n).strip(" ,.;"))
    out = []
    try:
        with open(path, newline="", encoding="utf-8") as f:
            for rec in csv.DictReader(f):
                addrs = [a.strip() for a in rec["addresses"].split(";") if re.search(r", (CN|HK)$", a.strip())]
                names = [n for n in map(clean, [rec["name"]] + rec["alt_names"].split(";")) if 2 <= len(n.split()) <= 7]
                if addrs and names:
                    out.append(dict(names=names, addrs=addrs))
    except OSError:
        pass
    return out or [dict(names=["Corezing International", "CoreZing Electronics"], addrs=["G/F, No. 89, Fuyan Street, Kwun Tong, HK"]),
                   dict(names=["Zhou Zhenyong", "Benny Zhou"],
                        addrs=["Room 1007, Block C2, Galaxy Century Bldg., CaiTian Rd., FuTian District, Shenzhen, CN"])]


FORM_RE = re.compile(r"[,\s]*(co\.,?\s*limited|company limited|company ltd\.?|co\.,?\s*ltd\.?|limited|ltd\.?|corporation|"
                     r"corp\.?|inc\.?|pte\.?\s*ltd\.?|group\s+company|company)[,.\s]*$", re.I)
TRANSLIT = [("Zhou", "Chow"), ("Wong", "Wang"), ("Luo", "Lo"), ("Lim ", "Lin "), ("Jie", "Kit"), ("Zhenyong", "Zhen Yong"),
            ("Yung Fai", "Yong Hui"), ("Chitron", "Chi-Tron"), ("Corezing", "Core Zing"), ("CoreZing", "Core-Zing"),
            ("Centre", "Center"), ("Kuo", "Guo"), ("Cho-Man", "Cho Man"), ("Kow Seng", "Kau Sing"), ("Yong Nam", "Yongnan"),
            ("Electronics", "Electronic"), (" and ", " & "), ("International", "Intl"), ("Beijing", "Peking"),
            ("Technology", "Tech"), ("Institute", "Inst."), ("Amaze", "A-Maze"), ("ACTeam", "AC Team"), ("NEL", "N.E.L.")]
CORP_WORDS = re.compile(r"electronic|international|global|logistic|company|corp|ltd|limited|institute|academy|system|"
                        r"solution|technolog|hub|factory|control", re.I)


class Gen:
    def __init__(self, seed: int, n_orders: int):
        self.r, self.n = random.Random(seed), n_orders
        self.names: set[str] = set()
        self.domains: set[str] = set()
        self.listed = load_listed()
        self.fwd_big = [self.party(cc, LOGI) for cc in "SG SG HK NL NL US US DE AE MY JP SG HK US TH IN".split()]
        self.fwd_small = [self.party(cc, LOGI, mobile=True) for cc in "SG MY MY TH HK HK US US VN SG".split()]

    # ---- random helpers -----------------------------------------------------------------------
    def chance(self, p):
        return self.r.random() < p

    def pick(self, s):
        return self.r.choice(s.split("|") if isinstance(s, str) else list(s))

    def wpick(self, d):
        return self.r.choices(list(d), list(d.values()))[0]

    def pat(self, p):
        return "".join(str(self.r.randint(0, 9)) if ch == "#" else ch for ch in p)

    def avail(self, weights, d, ok=None):
        c = {i: w for i, w in weights.items() if ITEMS[i]["start"] <= d <= ITEMS[i]["end"] and (ok is None or ok(i))}
        return self.wpick(c) if c else None

    def qty(self, median_gpus, sigma, item, max_gpus=20000):
        """Heavy-tailed (lognormal) GPU count, converted to units; 8-GPU multiples are common."""
        g = ITEMS[item]["gpus"]
        for _ in range(5):                          # redraw rather than pile up at the cap
            q = max(1, round(math.exp(self.r.gauss(math.log(median_gpus), sigma)) / g))
            if q * g <= max_gpus:
                break
        if g == 1 and q >= 8 and self.chance(0.5):
            q = 8 * round(q / 8)
        return min(q, max(1, max_gpus // g))

    def qty_for_mw(self, item, mw):
        it = ITEMS[item]
        return max(1, min(20000 // it["gpus"], round(mw * 1000 / (it["kw"] * KW_ALL_IN * it["gpus"]))))

    def since(self, first, young_p):
        """Account-opened date: young = weeks to months before the first order."""
        return first - timedelta(days=self.r.randint(10, 150) if self.chance(young_p) else self.r.randint(400, 3200))

    # ---- names, addresses, contacts -----------------------------------------------------------
    def company(self, cc, sectors, style=None, prefix=""):
        forms, style = COUNTRIES[cc][2], style or COUNTRIES[cc][3]
        for attempt in range(200):
            pool = ROOTS["west"] if style in ("sea", "de") and self.chance(0.5) else ROOTS.get(style, ROOTS["west"])
            root, sector, form = self.pick(pool), self.pick(sectors), self.pick(forms)
            if attempt > 50:
                root += " " + self.pick(ROOTS["west"])
            name = f"PT {prefix}{root} {sector}" if form == "PT" else f"{prefix}{root} {sector} {form}"
            if name.lower() not in self.names:
                self.names.add(name.lower())
                return name, root, sector
        raise RuntimeError("name space exhausted")

    def address(self, cc):
        city, pc = self.pick(COUNTRIES[cc][4]).split("@")
        bldg = f"{self.pick(ROOTS['cn' if cc in CHINA else 'west'])} {self.pick('Centre|Building|Plaza|Tower|Industrial Building')}"
        return self.pick(COUNTRIES[cc][6]).format(n=self.r.randint(1, 320), st=self.pick(COUNTRIES[cc][5]), city=city,
                                                  pc=self.pat(pc), fl=f"{self.r.randint(1, 30):02d}",
                                                  u=f"{self.r.randint(1, 99):02d}", bldg=bldg).strip()

    def vary_unit(self, addr):
        new, n = re.subn(r"(#\d+-|Unit |Flat |Room |Office |Suite |Lot |Flat/RM |Flat/Rm )([0-9]+)",
                         lambda m: f"{m.group(1)}{int(m.group(2)) + self.r.randint(1, 9):02d}", addr, count=1)
        return new if n else f"Unit {self.r.randint(1, 40):02d}, {addr}"

    def phone(self, cc, mobile=False):
        return self.pat(MOBILE.get(cc, COUNTRIES[cc][0]) if mobile else COUNTRIES[cc][0])

    def domain(self, words, cc):
        slug = "-".join(re.sub(r"[^a-z0-9]+", "", w.lower()) for w in words if w)
        tld = "com" if self.chance(0.3) else COUNTRIES[cc][1]
        dom, i = f"{slug}.{tld}", 1
        while dom in self.domains:                     # unrelated firms never share a domain by accident
            i += 1
            dom = f"{slug}{i}.{tld}"
        self.domains.add(dom)
        return dom

    def email(self, dom):
        local = f"{self.pick(FIRST)}.{self.pick(LAST)}" if self.chance(0.5) else self.pick("procurement|purchasing|ops|infra|sourcing|orders")
        return f"{local}@{dom}"

    def webmail(self, cn=False):
        return f"{self.pick(FIRST)}{self.pick('|.|_')}{self.pick(LAST)}{self.r.randint(1, 999)}@{self.pick(CN_WEBMAIL if cn else WEBMAIL)}"

    def party(self, cc, sectors, style=None, mobile=False):
        name, root, sector = self.company(cc, sectors, style, self.pick(CN_CITY) if cc == "CN" else "")
        return dict(name=name, root=root, sector=sector, cc=cc, addr=self.address(cc), phone=self.phone(cc, mobile))

    def entity(self, cc, sectors, since, style=None, webmail_p=0.0, mobile_p=0.0, cn_mail=False):
        e = self.party(cc, sectors, style, self.chance(mobile_p))
        dom = self.domain([e["root"], e["sector"].split()[0] if self.chance(0.5) else ""], cc)
        e.update(since=since, show_since=True, site_mw=None, site_addr=None, parent=None, pcc="", treasury=None, tpl=None,
                 email=self.webmail(cn_mail) if self.chance(webmail_p) else self.email(dom))
        return e

    def third_party(self, ccs):
        cc = self.wpick(W(ccs))
        return self.party(cc, "Trading|International Trading|Supply Chain|Holdings|Technology|Commerce", "cn" if cc in CHINA else None)

    # ---- row assembly -------------------------------------------------------------------------
    def seller(self, cc, mix=None):
        scc = self.wpick(mix or SELLER_MIX[REGION.get(cc, "ap")])
        return self.pick(SELLERS[scc]), scc

    def hs(self, item):
        if ITEMS[item]["kind"] == "system":
            return self.wpick(W("8471.50:0.6 8471.80:0.4"))
        return self.wpick(W("8473.30:0.84 8471.80:0.09 8542.31:0.065 8517.62:0.005"))   # sloppy declarants exist

    def route(self, origin, dest, hubs="", p_hub=0.0, p_empty=0.08):
        if self.chance(p_empty):
            return ""
        hops = [origin]
        h = self.pick(hubs.split()) if hubs and self.chance(p_hub) else None
        if h and h not in (origin, dest):
            hops.append(h)
        return ";".join(hops + ([dest] if hops[-1] != dest else []))

    def origin(self, scc):
        return "TW" if scc in ("US", "SG", "NL", "DE", "JP") and self.chance(0.3) else scc

    def base(self, e, d, item, q, seller=None):
        s, site, it = seller or self.seller(e["cc"]), e.get("site_addr") or e["addr"], ITEMS[item]
        return {"order_date": d.isoformat(), "seller": s[0], "seller_country": s[1], "bill_to_name": e["name"],
                "bill_to_address": e["addr"], "bill_to_country": e["cc"], "ship_to_name": e["name"], "ship_to_address": site,
                "ship_to_country": e["cc"], "ship_to_type": "datacenter" if e.get("site_mw") else "end_user",
                "end_user_name": e["name"], "end_user_address": site, "end_user_country": e["cc"], "end_user_parent": "",
                "end_user_parent_country": "", "payer_name": e["name"], "payer_country": e["cc"], "item": item,
                "hs_code": self.hs(item), "quantity": str(q), "unit_price_usd": f"{self.r.uniform(it['lo'], it['hi']):.2f}",
                "currency": "USD", "incoterm": self.wpick(INCO_LEGIT), "forwarder": "", "route": "", "declared_end_use": "",
                "installation_declined": "", "customer_since": e["since"].isoformat() if e["show_since"] else "",
                "contact_email": e["email"], "contact_phone": e["phone"], "declared_site_mw": fmt_mw(e.get("site_mw")), "licence": ""}

    @staticmethod
    def put(row, role, p):
        row[f"{role}_name"], row[f"{role}_country"] = p["name"], p["cc"]
        if role != "payer":
            row[f"{role}_address"] = p.get("site_addr") or p["addr"]

    def licence(self):
        return "D" + self.pat("#######")

    # ---- legitimate traffic -------------------------------------------------------------------
    def legit_customers(self):
        custs = []
        for kind, (share, ccs, years, _m, _s, act) in KINDS.items():
            custs += [self.legit_customer(kind, self.wpick(W(ccs)), act, years) for _ in range(max(3, round(share * self.n / 14)))]
        for tok, cc in (("Action Global", "DE"), ("Amaze", "SG"), ("Centre Bright", "GB"), ("Ace Hub", "US"),
                        ("Analytical Solutions", "AU")):    # benign look-alikes of listed names (screening noise)
            c = self.legit_customer("enterprise", cc, 1.0, (2008, 2020))
            c["name"] = f"{tok} {self.pick('Freight|Interactive|Solar|Media|Engineering')} {COUNTRIES[cc][2].split('|')[0]}"
            custs.append(c)
        return custs

    def legit_customer(self, kind, cc, act, years):
        r, form = self.r, lambda x: COUNTRIES[x][2].split("|")[0]
        since = rdate(r, date(years[0], 1, 1), min(date(years[1], 12, 31), date(2026, 3, 31)))
        c = self.entity(cc, SECTORS[kind], since, "cn" if kind == "cn_legit" else None, cn_mail=cc in CHINA,
                        mobile_p=0.4 if kind == "reseller" else 0.02,
                        webmail_p={"reseller": 0.4, "cn_legit": 0.25, "distributor": 0.1, "startup": 0.08}.get(kind, 0.02))
        if kind == "university":
            city = self.pick(COUNTRIES[cc][4]).split("@")[0].split(",")[0].split(" ")[0]
            c["name"], word = self.pick([(f"University of {city}", city), (f"{city} Institute of Technology", city + "tech"),
                                         (f"{c['root']} Research Centre", c["root"])])
            c["email"] = self.email(self.domain([word], cc).rsplit(".", 1)[0] + (".edu" if cc == "US" else f".ac.{cc.lower()}"))
        c.update(kind=kind, old=since < date(2021, 1, 1), show_since=self.chance(0.94))
        c["weight"] = act * math.exp(r.gauss(0, 0.9)) * max(30, (END - max(since, START)).days) / (END - START).days
        mw = {"hyperscaler": (60, 0.8, 1), "neocloud": (12, 0.9, 1), "startup": (6, 0.9, 0.9), "enterprise": (3, 0.8, 0.4),
              "university": (1.5, 0.7, 0.5), "cn_legit": (8, 1.0, 0.3), "licensed": (10, 1.0, 0.6)}.get(kind)
        if mw and self.chance(mw[2]):   # real data centres, including young AI labs with colocation halls
            c["site_mw"], c["site_addr"] = min(400.0, math.exp(r.gauss(math.log(mw[0]), mw[1]))), self.address(cc)
        if kind == "cn_legit" and (cc in ("SG", "MY") or self.chance(0.4)) and cc != "CN":
            c["parent"], c["pcc"] = self.pick(CN_CITY) + f"{c['root']} Technology Group Co., Ltd.", "CN"
        elif self.chance({"hyperscaler": 0.8 * (cc != "US"), "enterprise": 0.3, "neocloud": 0.2, "distributor": 0.2}.get(kind, 0)):
            pcc = self.wpick({k: v for k, v in W("US:6 JP:1 KR:1 GB:1 DE:1 FR:1 TW:1").items() if k != cc})
            c["parent"], c["pcc"] = f"{c['root']} {c['sector']} {self.pick('Holdings|Group|International')} {form(pcc)}", pcc
        if self.chance({"hyperscaler": 0.6, "enterprise": 0.12, "neocloud": 0.1, "startup": 0.05}.get(kind, 0)):
            tcc = self.pick([x for x in "IE NL LU CH SG US".split() if x != cc])   # treasury / shared-service payer
            c["treasury"] = dict(name=f"{c['root']} {self.pick('Treasury|International Finance|Shared Services')} {form(tcc)}", cc=tcc)
        if self.chance({"hyperscaler": 0.7, "neocloud": 0.3, "startup": 0.15, "enterprise": 0.1}.get(kind, 0)):
            c["tpl"] = self.party(cc if self.chance(0.7) else self.pick("SG NL US".split()), LOGI)   # 3PL ship-to
        c["sellers"] = {k: v * (3 if self.chance(0.3) else 1) for k, v in SELLER_MIX[REGION[cc]].items()}
        return c

    def legit_item(self, c, d):
        if c["cc"] in CHINA or c["pcc"] in CHINA:   # Chinese buyers and CN-parented subsidiaries buy legally
            w = KIND_ITEMS["cn_reseller" if c["kind"] == "reseller" else "cn_legit"]
            return self.avail(w, d, lambda i: cn_free(i, d) or (i in ("H20", "HGX-H20-8GPU") and d >= H20_LIC) or (i == "H200" and d >= V4))
        return self.avail(KIND_ITEMS[c["kind"]], d)

    def legit_order(self, c):
        r = self.r
        for _ in range(40):
            d = rdate(r, max(c["since"], START), END)
            item = self.legit_item(c, d)
            if item:
                break
        else:
            return None
        k = c["kind"]
        med = KINDS[k][3] * (r.uniform(15, 50) if c["old"] and k in ("enterprise", "university", "distributor") and self.chance(0.012) else 1)
        q = self.qty(med, KINDS[k][4], item)                     # (the multiplier: one-off large buy by an established firm)
        if c["site_mw"] and c["site_mw"] <= 5 and ITEMS[item]["kw"] >= 0.3 and k in ("startup", "neocloud", "enterprise") and self.chance(0.05):
            q = self.qty_for_mw(item, c["site_mw"] * r.uniform(0.6, 1.15))   # a phase that fills the declared hall
        seller = self.seller(c["cc"], c["sellers"])
        if seller[1] == "HK" and needs_licence(item, c["cc"], d, c["pcc"]):
            seller = (self.pick(SELLERS["US"]), "US")
        row = self.base(c, d, item, q, seller)
        if k in ("distributor", "reseller"):
            row["ship_to_type"], row["ship_to_address"] = k, c["addr"]
            if self.chance(0.5 if k == "distributor" else 0.35):
                near = {"SG": "MY TH ID IN", "NL": "DE FR NL GB", "DE": "DE FR CH", "US": "US CA", "AE": "AE SA IN", "HK": "CN",
                        "MY": "MY TH", "TW": "TW JP", "GB": "GB IE"}.get(c["cc"], c["cc"])
                dcc = c["cc"] if self.chance(0.6) else self.pick(near.split())
                self.put(row, "end_user", self.party(dcc, ENTERPRISE + "|" + TECH, "cn" if dcc in CHINA else None))
            else:
                row["end_user_name"] = row["end_user_address"] = row["end_user_country"] = ""
        elif c["tpl"] and self.chance(0.5):
            self.put(row, "ship_to", c["tpl"])
            row["ship_to_type"] = "logistics" if self.chance(0.75) else "forwarder"
        if self.chance(0.04):
            row["ship_to_type"] = ""
        if c["parent"] and self.chance(0.85):
            row["end_user_parent"], row["end_user_parent_country"] = c["parent"], c["pcc"]
        if c["treasury"] and self.chance(0.6):
            self.put(row, "payer", c["treasury"])
        elif c["parent"] and self.chance(0.15):
            self.put(row, "payer", dict(name=c["parent"], cc=c["pcc"]))
        hubs, p_hub = HUBS.get(row["ship_to_country"], ("HK", 0.03))
        row["route"] = self.route(self.origin(seller[1]), row["ship_to_country"], hubs, p_hub)
        row["declared_end_use"] = self.pick(VAGUE) if self.chance(0.1) else self.pick(USES[k])
        dc = ITEMS[item]["kind"] != "consumer" and k not in ("distributor", "reseller")
        row["installation_declined"] = self.wpick(W("true:0.15 false:0.55 :0.3") if dc else W("true:0.25 false:0.15 :0.6"))
        if self.chance(0.02):
            row["customer_since"] = ""
        dom = c["email"].split("@")[1]
        if self.chance(0.3) and dom not in WEBMAIL + CN_WEBMAIL:
            row["contact_email"] = self.email(dom)               # several contacts at one company
        if (c["site_mw"] and not self.chance(0.85)) or row["ship_to_type"] in ("distributor", "reseller"):
            row["declared_site_mw"] = ""
        need = any(needs_licence(item, cc, d, c["pcc"]) for cc in (row["ship_to_country"], row["end_user_country"]) if cc)
        row["licence"] = self.licence() if self.chance(0.97 if need else 0.03) else ""
        row["currency"] = CURRENCY.get(c["cc"], "USD") if self.chance(0.3) else "USD"
        row["incoterm"] = self.wpick(W("EXW:3 FCA:3 FOB:1 DAP:1") if k in ("distributor", "reseller") else INCO_LEGIT)
        if self.chance(0.6):
            row["forwarder"] = self.pick(self.fwd_small if self.chance(0.08) else self.fwd_big)["name"]
        if k == "distributor":
            row["unit_price_usd"] = f"{float(row['unit_price_usd']) * r.uniform(0.9, 0.97):.2f}"
        return row

    def legit(self, n):
        custs = self.legit_customers()
        weights, rows = [c["weight"] for c in custs], []
        while len(rows) < n:
            row = self.legit_order(self.r.choices(custs, weights)[0])
            rows += [row] if row else []
        return rows

    # ---- shared pieces of diverted orders -----------------------------------------------------
    def div_common(self, row, vague_p, decline_p, fwd=None, fwd_p=0.0, payer=None, payer_p=0.0, relabel_p=0.2):
        row["declared_end_use"] = self.pick(VAGUE) if self.chance(vague_p) else self.pick(USES[self.pick(["neocloud", "startup", "enterprise"])])
        row["installation_declined"] = "true" if self.chance(decline_p) else self.pick(["false", ""])
        row["incoterm"] = self.wpick(INCO_DIV)
        if fwd and self.chance(fwd_p):
            self.put(row, "ship_to", fwd)
            row["ship_to_type"] = self.wpick(W("forwarder:3 logistics:2 :0.5"))
        elif self.chance(relabel_p):                             # buyer presents itself as a trader / integrator
            row["ship_to_type"] = self.pick(["distributor", "reseller"])
        elif not row["declared_site_mw"] and self.chance(0.12):
            row["declared_site_mw"] = fmt_mw(self.r.uniform(0.5, 8))
        if payer and self.chance(payer_p):
            self.put(row, "payer", payer)
        f = self.r.random()
        row["forwarder"] = self.pick(self.fwd_small)["name"] if f < 0.5 else self.pick(self.fwd_big)["name"] if f < 0.85 else ""
        if row["ship_to_type"] == "forwarder" and self.chance(0.6):
            row["forwarder"] = row["ship_to_name"]
        if self.chance(0.15):
            row["currency"] = CURRENCY.get(row["bill_to_country"], "USD")
        if self.chance(0.06):
            row["customer_since"] = ""

    def misdeclare_hs(self, row):
        row["hs_code"] = self.pick(["8473.30", "8471.80"] if ITEMS[row["item"]]["kind"] == "system" else ["8471.80", "8542.31", "8517.62"])

    def orders_for(self, first, k, span, weights, end=END):
        """k (date, item) pairs within span days of first, items on sale at that date."""
        out = []
        for _ in range(k * 5):
            d = min(end, first + timedelta(days=self.r.randint(0, span)))
            item = self.avail(weights, d)
            out += [(d, item)] if item else []
            if len(out) == k:
                break
        return out

    def fwd_in(self, ccs):
        return self.pick([f for f in self.fwd_small + self.fwd_big if f["cc"] in ccs])

    # ---- diversion schemes --------------------------------------------------------------------
    def s_gatekeeper_front(self, n):
        """Source: DOJ S.D. Tex. "Operation Gatekeeper" press releases (Dec 2025): H100/H200 bought through US
        front companies with no computing business, re-labelled under a made-up brand ("SANDKYAN") and
        misdeclared, then exported via Malaysia/Thailand; DOJ M.D. Fla. (Nov 2025): a property firm ("Janford
        Realtor") fronting A100/H200 purchases routed via MY/TH. Tell-tales: unrelated line of business, young
        account, forwarder consignee (often a US warehouse), MY/TH route with optional HK hop, HS code
        misdeclared, HK/CN payer, vague end use, installation declined, webmail/mobile contact, premium price."""
        rows = []
        while len(rows) < n:
            cc, first = "US" if self.chance(0.65) else self.pick("MY|TH"), rdate(self.r, date(2023, 6, 1), date(2025, 10, 31))
            e = self.entity(cc, FRONT if self.chance(0.55) else TECH, None, webmail_p=0.5, mobile_p=0.5)
            e["since"] = self.since(first, 0.7)
            fwd, payer = self.fwd_in(("US", "MY", "TH")), self.third_party("HK:4 CN:1 SG:1")
            claimed = self.party(self.pick("MY|TH"), CLOUD + "|" + DIST)
            for d, item in self.orders_for(first, self.r.randint(2, 10), 200, DIV_DC):
                row = self.base(e, d, item, self.qty(32, 0.9, item, 800), (self.pick(SELLERS["US"]), "US"))
                if self.chance(0.5):
                    self.put(row, "end_user", claimed)
                self.div_common(row, 0.6, 0.6, fwd, 0.65, payer, 0.5)
                dest = row["ship_to_country"]
                row["route"] = self.route("TW", "US", p_empty=0.2) if dest == "US" else self.route("US", dest, "HK", 0.3, 0.05)
                if self.chance(0.5):
                    self.misdeclare_hs(row)
                if self.chance(0.4):
                    row["unit_price_usd"] = f"{float(row['unit_price_usd']) * self.r.uniform(1.05, 1.3):.2f}"
                rows.append(row)
        return rows[:n]

    def s_sg_server_fraud(self, n):
        """Source: Singapore charges (Feb-Mar 2025) against three men over Dell/Supermicro AI servers (reported
        ~US$390m) whose end users were falsely represented to the suppliers as being in Singapore/Malaysia; the
        servers ended up elsewhere. Tell-tales: 8-GPU systems billed to an SG company, a different named end user
        (often a Johor/Cyberjaya "data centre"), SG 3PL consignee, route SG->MY, declared site power too small for
        the servers, installation declined, third-country payer; established accounts as often as new ones."""
        rows = []
        while len(rows) < n:
            first = rdate(self.r, date(2023, 9, 1), date(2024, 12, 31))
            e = self.entity("SG", TECH + "|" + CLOUD, None, webmail_p=0.15)
            e["since"] = self.since(first, 0.5)
            claimed = [self.party(self.wpick(W("MY:3 SG:1")), CLOUD) for _ in range(self.r.randint(1, 3))]
            for c in claimed:
                c["site_mw"] = self.r.uniform(0.2, 1.0) if self.chance(0.75) else self.r.uniform(3, 20)
            tpl, payer = self.party("SG", LOGI), self.third_party("HK:3 AE:2 CN:1")
            for d, item in self.orders_for(first, self.r.randint(4, 14), 420, SYSTEMS, date(2025, 2, 26)):
                eu = self.pick(claimed)
                small = eu["site_mw"] < 1.5 and self.chance(0.8)
                q = self.qty_for_mw(item, eu["site_mw"] * self.r.uniform(1.5, 6)) if small else self.qty(96, 0.9, item)
                row = self.base(e, d, item, q, self.seller("SG", W("US:3 TW:2 SG:2")))
                if self.chance(0.75):
                    self.put(row, "end_user", eu)
                    self.put(row, "ship_to", eu)
                    row["ship_to_type"], row["declared_site_mw"] = "datacenter", fmt_mw(eu["site_mw"]) if self.chance(0.85) else ""
                self.div_common(row, 0.4, 0.5, tpl, 0.45, payer, 0.4, relabel_p=0.1)
                onward = row["ship_to_country"] == "SG" and row["ship_to_type"] == "logistics" and self.chance(0.4)
                row["route"] = self.route(self.origin(row["seller_country"]), "MY" if onward else row["ship_to_country"], "SG", 0.7, 0.05)
                row["licence"] = self.licence() if self.chance(0.12) else ""
                rows.append(row)
        return rows[:n]

    def s_shell_datacenter(self, n):
        """Source: The Information and Reuters reporting (2024-2025) on smuggling through Malaysian and Thai "data
        centres" that were shells: small or unverifiable power, "GPU cloud rental" claims, shop-house or industrial
        unit addresses. Tell-tales: GPU count far beyond the declared MW, cloud-rental end use, installation
        declined, young account, third-country payer, route via SG/HK, local logistics consignee instead of the site."""
        rows = []
        while len(rows) < n:
            cc, first = self.wpick(W("MY:4.5 TH:3.5 ID:2")), rdate(self.r, date(2024, 1, 1), date(2026, 3, 31))
            e = self.entity(cc, CLOUD, None, webmail_p=0.3, mobile_p=0.4)
            e["since"], e["site_mw"], show_mw = self.since(first, 0.6), self.r.uniform(0.2, 1.2), self.chance(0.75)
            payer, tpl = self.third_party("HK:3 SG:2 AE:1"), self.party(cc, LOGI)
            for d, item in self.orders_for(first, self.r.randint(2, 8), 300, DIV_DC):
                big = self.chance(0.7)
                q = self.qty_for_mw(item, e["site_mw"] * self.r.uniform(1.5, 8)) if big else self.qty(200, 0.9, item)
                row = self.base(e, d, item, q, self.seller(cc, W("SG:3 TW:2 US:2")))
                row["declared_site_mw"] = fmt_mw(e["site_mw"]) if show_mw and self.chance(0.9) else ""
                self.div_common(row, 0.35, 0.6, tpl, 0.45, payer, 0.4, relabel_p=0.1)
                if "cloud" not in row["declared_end_use"].lower() and self.chance(0.5):
                    row["declared_end_use"] = self.pick(USES["neocloud"])
                row["route"] = self.route(self.origin(row["seller_country"]), row["ship_to_country"], "SG HK", 0.45, 0.05)
                rows.append(row)
        return rows[:n]

    def s_sea_subsidiary(self, n):
        """Source: Wall Street Journal reporting (2023-2025) on Chinese companies buying through South-East Asian
        subsidiaries whose parents are headquartered in China. Tell-tales: CN/HK parent disclosed (often left
        blank), pinyin-style name, payer = the parent, .cn or 163/qq mail, +86 phone, HK hop in the route. Orders
        otherwise look like a regular cloud/AI buyer with a plausible site."""
        rows = []
        while len(rows) < n:
            cc, first = self.wpick(W("SG:3.5 MY:3 TH:1.5 VN:1 ID:1")), rdate(self.r, date(2023, 3, 1), date(2026, 2, 28))
            e = self.entity(cc, TECH + "|" + CLOUD, None, "cn" if self.chance(0.6) else None)
            e["since"], pcc = self.since(first, 0.5), "CN" if self.chance(0.7) else "HK"
            parent = dict(name=(self.pick(CN_CITY) if pcc == "CN" else "") + f"{e['root']} {self.pick(CN_SECT)} "
                          f"{'Group Co., Ltd.' if pcc == 'CN' else 'Holdings Limited'}", cc=pcc)
            if self.chance(0.5):
                e["email"] = self.email(self.domain([e["root"]], "CN")) if self.chance(0.5) else self.webmail(True)
            if self.chance(0.4):
                e["phone"] = self.phone("CN", self.chance(0.5))
            if self.chance(0.5):
                e["site_mw"], e["site_addr"] = self.r.uniform(2, 20), self.address(cc)
            disclose = self.chance(0.65)
            for d, item in self.orders_for(first, self.r.randint(3, 9), 360, DIV_DC):
                row = self.base(e, d, item, self.qty(128, 1.0, item), self.seller(cc, W("SG:3 TW:2 US:2")))
                if disclose and self.chance(0.9):
                    row["end_user_parent"], row["end_user_parent_country"] = parent["name"], pcc
                self.div_common(row, 0.35, 0.4, None, 0, parent, 0.4, relabel_p=0.1)
                row["route"] = self.route(self.origin(row["seller_country"]), cc, "HK", 0.3, 0.05)
                rows.append(row)
        return rows[:n]

    def variant(self, name):
        """Near-miss of a listed name: legal form dropped/replaced, transliteration changed, words swapped, word added."""
        core = FORM_RE.sub("", name).strip(" ,.") or name
        person = len(core.split()) <= 3 and not CORP_WORDS.search(core)
        listed_lower = {x.lower() for L in self.listed for x in L["names"]}
        for _ in range(20):
            v = core
            for op in self.r.sample(["translit", "swap", "add", "form", "drop"], self.r.randint(1, 2)):
                subs = [(a, b) for a, b in TRANSLIT if a in v]
                if op == "translit" and subs:
                    v = v.replace(*self.pick(subs))
                elif op == "swap" and len(v.split()) >= 2:
                    w = v.split()
                    v = " ".join([w[1], w[0]] + w[2:])
                elif op == "add":
                    v += " " + self.pick("Trading|Technology|Trading Co.|Technology (HK)|International Trading|Electronics Trading")
                elif op == "form":
                    v += " " + self.pick("Limited|Co., Ltd.|Co., Limited|(HK) Co., Limited|Ltd")
            if person and not CORP_WORDS.search(v) and "Trading" not in v and self.chance(0.7):
                v += " " + self.pick("Trading Company|Electronics Limited|Technology Co., Ltd.")
            if v.lower() not in listed_lower and v.lower() not in self.names:
                self.names.add(v.lower())
                return v
        return core + " Trading"

    def s_listed_near_miss(self, n):
        """Source: Entity List entries of the CSL sample (data/screen/sample_csl.csv) with China/Hong Kong
        addresses, e.g. Corezing International, Action Global, Centre Bright Electronics, Chitron Electronics,
        ACTeam Logistics, Zhou Zhenyong, CASC institutes. The buyer, end user or consignee carries a variant of a
        listed name and/or re-uses a listed address (unit number changed). Other tell-tales: HK hop, forwarder
        consignee, third-country payer, young account, webmail."""
        rows = []
        while len(rows) < n:
            L = self.pick(self.listed)
            vname, raw = self.variant(self.pick(L["names"])), self.pick(L["addrs"])
            lcc = raw[-2:]
            laddr = re.sub(r",\s*(CN|HK)$", ", Hong Kong" if lcc == "HK" else ", China", raw)
            laddr = self.vary_unit(laddr) if self.chance(0.5) else laddr
            role, first = self.wpick(W("bill_to:0.45 end_user:0.35 ship_to:0.2")), rdate(self.r, date(2023, 3, 1), date(2026, 3, 31))
            if role == "bill_to":
                e = self.entity(self.wpick(W("HK:3 SG:2 MY:1 CN:1")), DIST, None, "cn", webmail_p=0.5, mobile_p=0.5, cn_mail=True)
            else:
                e = self.entity(self.wpick(W("SG:3 MY:2")), DIST + "|Trading", None, webmail_p=0.4, mobile_p=0.4)
            e["since"] = self.since(first, 0.5)
            fwd, payer = self.fwd_in(("SG", "MY")), self.third_party("HK:3 CN:1 AE:1")
            for d, item in self.orders_for(first, self.r.randint(2, 7), 300, NEAR_ITEMS):
                row = self.base(e, d, item, self.qty(16, 1.0, item, 400), self.seller(e["cc"], W("SG:3 TW:2 US:2")))
                show_name = self.chance(0.75)
                show_addr = self.chance(0.6) or not show_name
                if role == "bill_to":
                    p = dict(name=vname if show_name else e["name"], addr=laddr if show_addr else e["addr"],
                             cc=lcc if show_addr else e["cc"])
                    for rl in ("bill_to", "ship_to", "end_user", "payer"):
                        self.put(row, rl, p)
                else:
                    pcc = lcc if show_addr else self.wpick(W("HK:2 SG:2 MY:1"))
                    self.put(row, role, dict(name=vname if show_name else self.party(pcc, DIST, "cn")["name"],
                                             addr=laddr if show_addr else self.address(pcc), cc=pcc))
                    if role == "ship_to":
                        row["ship_to_type"] = self.pick(["forwarder", "distributor", "logistics", ""])
                self.div_common(row, 0.5, 0.5, fwd if role != "ship_to" else None, 0.45, payer, 0.5)
                row["route"] = self.route(self.origin(row["seller_country"]), row["ship_to_country"], "HK", 0.6, 0.05)
                rows.append(row)
        return rows[:n]

    def s_split_ring(self, n):
        """Sources: the multi-company structures in the DOJ cases above (Operation Gatekeeper's several front
        companies; ALX Solutions' >=21 shipments) and the 22 parties of the Singapore case. 3-8 young buyers
        sharing an address (or building), phone or e-mail domain split purchases into moderate lots within a few
        months; common forwarder and payer."""
        rows = []
        while len(rows) < n:
            cc, start = self.wpick(W("SG:3 MY:3 TH:2 US:2 AE:1.5 ID:1 VN:0.5")), rdate(self.r, date(2023, 9, 1), date(2026, 3, 1))
            hub_addr, hub_phone = self.address(cc), self.phone(cc, self.chance(0.6))
            hub_dom = self.domain([self.pick(ROOTS["west"]), self.pick(DIST).split()[0]], cc)
            links = [x for x, p in (("addr", 0.6), ("phone", 0.5), ("dom", 0.6)) if self.chance(p)] or [self.pick(["addr", "phone", "dom"])]
            fwd, payer = self.fwd_in((cc, "SG", "MY")), self.third_party("HK:4 AE:1 SG:1")
            for _ in range(self.r.randint(3, 8)):
                e = self.entity(cc, TECH + "|" + DIST, self.since(start, 0.8), webmail_p=0.2)
                if "addr" in links and self.chance(0.85):
                    e["addr"] = hub_addr if self.chance(0.5) else self.vary_unit(hub_addr)
                if "phone" in links and self.chance(0.85):
                    e["phone"] = hub_phone if self.chance(0.7) else hub_phone[:-1] + str(self.r.randint(0, 9))
                if "dom" in links and self.chance(0.85):
                    e["email"] = self.email(hub_dom)
                for d, item in self.orders_for(start, self.r.randint(1, 3), 120, DIV_DC):
                    row = self.base(e, d, item, self.qty(24, 0.6, item, 96), self.seller(cc, W("US:2 SG:2 TW:1")))
                    self.div_common(row, 0.5, 0.5, fwd, 0.5, payer, 0.5)
                    row["route"] = self.route(self.origin(row["seller_country"]), row["ship_to_country"], "HK SG", 0.35, 0.05)
                    rows.append(row)
        return rows[:n]

    def s_third_country_payer(self, n):
        """Source: DOJ (Aug 2025) charges in the ALX Solutions case (Chuan Geng, Shiwei Yang): a California
        company set up shortly after the Oct-2022 rule shipped H100-class GPUs through Singapore/Malaysia
        forwarders and was paid by companies in Hong Kong and China. Tell-tales: HK/CN payer, SG/MY forwarder
        consignee, young account, US->SG/MY route, vague end use, installation declined."""
        rows = []
        while len(rows) < n:
            cc, first = self.wpick(W("US:6 SG:2 MY:2")), rdate(self.r, date(2023, 1, 15), date(2025, 9, 30))
            e = self.entity(cc, TECH + "|" + DIST, None, webmail_p=0.4, mobile_p=0.4)
            e["since"], fwd, payer = self.since(first, 0.7), self.fwd_in(("SG", "MY")), self.third_party("HK:3 CN:2")
            for d, item in self.orders_for(first, self.r.randint(3, 10), 300, W("H100-SXM:4 H100-PCIE:3 H200:2 HGX-H100-8GPU:1")):
                row = self.base(e, d, item, self.qty(24, 0.8, item, 200), (self.pick(SELLERS["US"]), "US"))
                self.div_common(row, 0.5, 0.5, fwd, 0.7, payer, 0.75)
                row["route"] = self.route("US", row["ship_to_country"], "SG MY", 0.3, 0.05)
                rows.append(row)
        return rows[:n]

    def generate(self):
        div = [(row, s) for s, share in SCHEMES.items() for row in getattr(self, "s_" + s)(max(3, round(share * self.n)))]
        rows = [(r, s, self.r.random()) for r, s in [(row, "") for row in self.legit(self.n - len(div))] + div]
        rows.sort(key=lambda t: (t[0]["order_date"], t[2]))      # ids follow dates, so they leak nothing
        for i, (row, _s, _k) in enumerate(rows, 1):
            row["order_id"] = f"SO-{i:06d}"
        return [(r, s) for r, s, _ in rows]


# ---- output, statistics, checks ----------------------------------------------------------------
def render(rows):
    led, tru = io.StringIO(), io.StringIO()
    w, t = csv.DictWriter(led, HEADER, lineterminator="\n"), csv.writer(tru, lineterminator="\n")
    w.writeheader()
    t.writerow(["order_id", "diverted", "scheme"])
    for row, scheme in rows:
        w.writerow(row)
        t.writerow([row["order_id"], "true" if scheme else "false", scheme])
    return led.getvalue(), tru.getvalue()


def signals(row, tokens=()):
    """Row-visible oddities, computed the same way for both classes."""
    it, d = ITEMS[row["item"]], date.fromisoformat(row["order_date"])
    since = date.fromisoformat(row["customer_since"]) if row["customer_since"] else None
    hops, gpus = row["route"].split(";") if row["route"] else [], int(row["quantity"]) * it["gpus"]
    mw = float(row["declared_site_mw"]) if row["declared_site_mw"] else None
    names = " ".join(row[k].lower() for k in ("bill_to_name", "ship_to_name", "end_user_name"))
    ship_cn = bool({row["ship_to_country"], row["end_user_country"]} & CHINA)
    return {
        "payer_country != bill_to_country (treasury/parent/3rd)": row["payer_country"] != row["bill_to_country"],
        "ship_to forwarder/logistics (3PL)": row["ship_to_type"] in ("forwarder", "logistics"),
        "ship_to distributor/reseller": row["ship_to_type"] in ("distributor", "reseller"),
        "young customer (<365 d)": since is not None and (d - since).days < 365,
        "young customer with declared site MW": since is not None and (d - since).days < 365 and mw is not None,
        "customer_since empty": since is None,
        "webmail contact": row["contact_email"].split("@")[-1] in WEBMAIL + CN_WEBMAIL,
        "route via a hub (>2 hops)": len(hops) > 2,
        "route via HK": "HK" in hops[:-1],
        "declared_site_mw empty": mw is None,
        "GPU power > declared site MW": mw is not None and gpus * it["kw"] * KW_ALL_IN / 1000 > mw,
        "licence present": bool(row["licence"]),
        "uncontrolled item to CN/HK": ship_cn and cn_free(row["item"], d),
        "parent in CN/HK": row["end_user_parent_country"] in CHINA,
        "parent in another country": bool(row["end_user_parent_country"]) and row["end_user_parent_country"] != row["end_user_country"],
        "installation declined": row["installation_declined"] == "true",
        "vague/empty end use": row["declared_end_use"] in VAGUE.split("|"),
        "end user named != bill-to": bool(row["end_user_name"]) and row["end_user_name"] != row["bill_to_name"],
        ">=512 GPUs in one order": gpus >= 512,
        ">=512 GPUs by customer of >3 years": gpus >= 512 and since is not None and (d - since).days > 3 * 365,
        "HS code not the usual one": row["hs_code"] != ("8471.50" if it["kind"] == "system" else "8473.30"),
        "name contains a listed-name token": any(t in names for t in tokens),
    }


def stats(rows, listed):
    tokens = {t for t in (" ".join(FORM_RE.sub("", x).split()[:2]).lower() for L in listed for x in L["names"]) if len(t) > 4}
    cnt, sig = Counter(s for _, s in rows), defaultdict(Counter)
    for row, s in rows:
        for k, v in signals(row, tokens).items():
            sig["legit" if not s else "div"][k] += v
            sig[s][k] += v
    n_leg = cnt[""]
    n_div = len(rows) - n_leg
    print(f"orders {len(rows)}  legitimate {n_leg}  diverted {n_div} ({100 * n_div / len(rows):.2f}%)")
    abbrev = [s[:6] for s in SCHEMES]
    print(f"  {'signal (% of orders)':52s} {'legit':>6s} {'divert':>6s} " + " ".join(f"{a:>6s}" for a in abbrev))
    print(f"  {'orders':52s} {n_leg:6d} {n_div:6d} " + " ".join(f"{cnt[s]:6d}" for s in SCHEMES))
    for k in sig["legit"]:
        print(f"  {k:52s} {100 * sig['legit'][k] / n_leg:6.1f} {100 * sig['div'][k] / max(1, n_div):6.1f} " +
              " ".join(f"{100 * sig[s][k] / max(1, cnt[s]):6.0f}" for s in SCHEMES))
    per = Counter(r["bill_to_name"] for r, s in rows if not s)
    print(f"  legit bill-to names {len(per)}; {sum(v >= 10 for v in per.values())} with >=10 orders, covering "
          f"{100 * sum(v for v in per.values() if v >= 10) / n_leg:.0f}% of legit orders")


def check(out, n_expected):
    def read(fn):
        with open(os.path.join(out, fn), newline="", encoding="utf-8") as f:
            rd = csv.reader(f)
            h = next(rd)
            return h, [dict(zip(h, r)) for r in rd]
    (header, led), (theader, tru) = read("ledger.csv"), read("truth.csv")
    errs = [] if header == HEADER else [f"ledger header mismatch: {header}"]
    if theader != ["order_id", "diverted", "scheme"]:
        errs.append(f"truth header mismatch: {theader}")
    if len(led) != n_expected or len(tru) != n_expected:
        errs.append(f"row counts ledger={len(led)} truth={len(tru)} expected={n_expected}")
    ids, tids = Counter(r["order_id"] for r in led), Counter(r["order_id"] for r in tru)
    if max(ids.values()) > 1 or max(tids.values()) > 1 or set(ids) != set(tids):
        errs.append("order ids not unique or ledger/truth id sets differ")
    iso, bad = re.compile(r"^[A-Z]{2}$"), Counter()
    for r in led:
        try:
            d = date.fromisoformat(r["order_date"])
            bad["order_date out of range"] += not START <= d <= END
            bad["customer_since after order"] += bool(r["customer_since"]) and date.fromisoformat(r["customer_since"]) > d
            bad["unit_price_usd"] += float(r["unit_price_usd"]) <= 0
            bad["declared_site_mw"] += bool(r["declared_site_mw"]) and float(r["declared_site_mw"]) <= 0
        except ValueError:
            bad["unparseable date/number"] += 1
        bad["quantity"] += not (r["quantity"].isdigit() and int(r["quantity"]) > 0)
        bad["item"] += r["item"] not in ITEMS
        for k in ("seller_country", "bill_to_country", "ship_to_country", "end_user_country", "end_user_parent_country", "payer_country"):
            bad[k] += bool(r[k]) and not (iso.match(r[k]) and r[k] in COUNTRIES)
        bad["empty bill/ship/payer country"] += not (r["bill_to_country"] and r["ship_to_country"] and r["payer_country"])
        bad["route"] += bool(r["route"]) and not all(iso.match(c) and c in COUNTRIES for c in r["route"].split(";"))
        bad["ship_to_type"] += r["ship_to_type"] not in ("end_user", "distributor", "reseller", "forwarder", "datacenter", "logistics", "")
        bad["installation_declined"] += r["installation_declined"] not in ("true", "false", "")
        bad["hs_code"] += not re.match(r"^\d{4}\.\d{2}$", r["hs_code"])
        bad["licence"] += bool(r["licence"]) and not re.match(r"^D\d{7}$", r["licence"])
    errs += [f"{v} rows with bad {k}" for k, v in bad.items() if v]
    if any(r["diverted"] not in ("true", "false") or (r["diverted"] == "true") != bool(r["scheme"]) for r in tru):
        errs.append("truth rows inconsistent (diverted vs scheme)")
    sch = Counter(r["scheme"] for r in tru if r["diverted"] == "true")
    if not 0.02 <= sum(sch.values()) / max(1, len(tru)) <= 0.04:
        errs.append(f"diverted share {sum(sch.values()) / max(1, len(tru)):.3%} outside 2-4%")
    thin = [s for s in SCHEMES if sch[s] < max(3, 0.5 * SCHEMES[s] * n_expected)]
    if thin or set(sch) - set(SCHEMES):
        errs.append(f"schemes missing/under-populated: {thin}; unknown: {set(sch) - set(SCHEMES)}")
    return errs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--orders", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--check", action="store_true", help="validate the written files and determinism; exit 1 on failure")
    a = ap.parse_args(argv)
    if a.orders < 1000:
        ap.error("--orders must be >= 1000 so that every scheme is populated")
    g = Gen(a.seed, a.orders)
    rows = g.generate()
    texts = render(rows)
    os.makedirs(a.out, exist_ok=True)
    for fn, text in zip(("ledger.csv", "truth.csv"), texts):
        with open(os.path.join(a.out, fn), "w", encoding="utf-8", newline="") as f:
            f.write(text)
    print(f"wrote {a.out}/ledger.csv and {a.out}/truth.csv (seed {a.seed})")
    stats(rows, g.listed)
    if not a.check:
        return 0
    errs = check(a.out, a.orders)
    if render(Gen(a.seed, a.orders).generate()) != texts:
        errs.append("not deterministic: regenerating with the same seed gave different output")
    for e in errs:
        print("CHECK FAILED:", e, file=sys.stderr)
    print("check: OK" if not errs else f"check: {len(errs)} failure(s)")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
