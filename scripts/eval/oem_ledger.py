#!/usr/bin/env python3
"""Synthetic sales ledger of a GPU-server OEM / system integrator, with ground truth.

WHAT THE LEDGER REPRESENTS
  The order book (one row per order line = per order) of "Kestrel Compute Systems", a fictitious
  maker of GPU servers and racks (HGX/DGX-class 8-GPU systems) that also sells spare GPU modules,
  PCIe accelerator cards and workstation cards.  It sells directly through regional entities
  (US, NL, SG, TW, JP) and through its own authorised resellers / distributors, 2023-01-01 to
  2026-06-30.  Items are offered only from their (approximate) real launch date; China variants
  (A800, H800, H20, L20, RTX-4090D/5090D) are sold legally to Chinese buyers only while that was
  permitted (A800/H800 and RTX-4090 until the 17 Nov 2023 effective date of the Oct 2023 BIS rule;
  H20 until the Apr 2025 licence requirement).  Licence column: "NLR", a BIS licence number
  "D#######" for controlled items to AE/SA/QA/VN/KZ after Nov 2023, or empty.

  Usage: python3 oem_ledger.py --seed S --orders N --out DIR  -> DIR/ledger.csv, DIR/truth.csv
  Deterministic for a seed (only random.Random(seed) is used).

DIVERSION SCHEMES (~3% of orders in total; share of diverted orders in brackets).  Diverters act
as networks of 3-8 accounts (shells, straw buyers) active for 6 weeks to 10 months, each placing
2-10 orders; accounts share SOME identifiers (each account takes each of the network's address /
phone / e-mail domain / payer / forwarder with the scheme's p = 0.30-0.50).  Each order shows each
tell-tale independently with the probability stated ("young" = incorporated/onboarded shortly
before the first order, and residential address, are drawn once per account).  A scheme-specific
share of ACCOUNTS is "silent": their orders carry no order-level tell-tale at all, only network
links give them away; ~15% of accounts share no identifier with their network (so a silent,
isolated account is undetectable).  Seed 1, 20,000 orders: ~14% of diverted orders trip none of
the naive flags (third-party payer, forwarder/3PL ship-to, installation declined, end-user country
differs, hub routing, free mail, young account, offshore/CN parent or payer, +86/+852 phone, vague
end use), against ~34% of legitimate orders.

 1 sg_false_enduser [22%] -- Singapore shell buyers of servers declaring false end users
   (Malaysian / Singaporean data centres).  Source: Singapore Attorney-General's Chambers / police,
   charges of 27 Feb 2025 against three men (Aaron Woon, Alan Wei, Li Ming) for fraud by false
   representation over servers supplied by Dell and Supermicro, said to be destined for Malaysia;
   Singapore ministers said (Mar 2025) it was investigating whether the servers contained Nvidia
   chips and went onward.  Items: HGX/DGX systems.  Tell-tales: end user in another country than
   bill-to (0.55), route onward via MY (0.45), ship-to forwarder/logistics (0.40), installation
   declined (0.55), account <6 months old (0.40/account), third-party payer in HK/CN (0.30), free-mail
   contact (0.25), vague end use (0.50), site MW blank or too small for the load (0.40).  Silent 15%.
 2 neocloud_front [18%] -- "GPU cloud" firms in SE Asia / Gulf that are owned or controlled from
   the PRC, rent or hand capacity to PRC firms and need a licence under the Oct 2023 rule
   (headquartered-in-D:5 provision) that is never sought.  Source: New York Times reporting (Oct
   2025) that Singapore was examining Megaspeed, a Singapore GPU-cloud company spun out of Chinese
   firm 7Road that became one of the largest Nvidia buyers in SE Asia (company denies wrongdoing);
   Reuters/The Information 2024-25 on Chinese firms using Malaysian data centres.  Items: HGX
   systems and SXM modules, growing order sizes.  Tell-tales: parent in CN/HK/KY/VG named (0.35),
   parent name a near-miss of an Entity-List name (0.08; e.g. "Inspurr", "Sugonn" -- deliberate
   misspellings of Inspur / Sugon, both on the BIS Entity List), young company (0.55), site MW too
   small for the GPUs (0.35), installation declined (0.40), offshore payer (0.30), +86/+852 phone
   (0.20), vague end use (0.30); orders grow with each repeat.  Silent 15%.
 3 us_front_forwarder [17%] -- US front companies with unrelated or thin businesses buying
   modules and servers, shipped to forwarders and on via SG/MY/TH, paid from HK/CN.  Sources: DOJ
   C.D. Cal. press release 5 Aug 2025 (Chuan Geng, Shiwei Yang, ALX Solutions Inc., El Monte:
   GPUs shipped to freight forwarders in Singapore and Malaysia, payments from Hong Kong and China
   companies, company founded shortly before); DOJ M.D. Fla. press release 20 Nov 2025 (Hon Ning
   Ho, Brian Raymond, Cham Li, Jing Chen: A100 GPUs and HPE supercomputers routed via Malaysia and
   Thailand using a Florida real-estate company as front).  Tell-tales: ship-to forwarder (0.55,
   abroad in SG/MY/TH for 60% of those), foreign third-party payer (0.45), young company (0.50),
   residential address (0.30), free-mail
   (0.35), installation declined (0.60), route via SG/MY/TH (0.40), end use inconsistent with the
   business (0.40), EXW/FCA (0.50), +852/+86 phone (0.15).  Silent 10%.
 4 card_consolidation [17%] -- RTX-4090/5090 bought in many small lots (2-20) by straw buyers and
   consolidated at a parcel forwarder for Hong Kong/China after the Nov 2023 ban on 4090 exports to
   China.  Sources: Tom's Hardware / Reuters / Bloomberg reporting 2023-2025 on Chinese workshops
   re-cooling RTX 4090s for AI servers and on grey-market 4090/5090 inflows; BIS guidance of
   13 May 2025 (red flags: residential addresses, forwarders, third-party payers, new customers).
   Tell-tales: ship-to forwarder (0.35), residential address (0.50), free-mail (0.55), third-party
   payer in HK (0.20), shipped straight to a HK forwarder (0.15), young account (0.55); half of
   the accounts are individuals.  Silent 20%.
 5 lease_cover [13%] -- a lessor / financier is bill-to and payer; the nominal lessee is a shell
   in TH/ID/IN/MY/AE that never operates the kit (lessor accounts in SG/HK/AE/US/GB).  Stylised from BIS red-flag guidance (13 May 2025:
   IaaS, leasing and financing arrangements; customer unwilling to give end-use / installation
   information); a stylised composite, not a specific case.
   Tell-tales: lessee young (0.60/account), lessee parent offshore (0.25), installation declined (0.45),
   ship-to logistics/forwarder (0.35), route via AE/HK (0.30), site MW blank (0.40), end-user
   country differs from ship-to country (0.30).  Silent 20%.
 6 install_then_move [13%] -- a plausible DC operator accepts installation; kit is later
   de-racked and re-exported.  Stylised (no single public case): BIS guidance of 13 May 2025 warns
   that items may be diverted after delivery to third-country data centres.  Near-silent: spare-module orders
   large relative to the fleet (0.30), parent in HK (0.10), young company (0.30).  Silent 40%.

SOURCES are cited from memory (names, dates and gist); details may be imperfect and no case is
reproduced -- all names, addresses and numbers here are fictitious.

LEGITIMATE ORDERS (~97%) -- segments: hyperscalers, their contract manufacturers (MX/TW/MY/US
plants), neoclouds, enterprises, universities / national labs, sovereign-AI projects, resellers /
distributors, colocation providers, workstation buyers, and Chinese buyers of permitted China-
variant items; ~30 countries; heavy-tailed customer sizes (Pareto), repeat ordering, growth of
volumes over time, volume discounts.  Benign oddities (approximate rates over legitimate orders):
  third-party payer: group treasury / bank L/C / lessor / grant agency / fund .. ~11%
    (40% of lessor-paid orders are operating leases with the lessor as bill-to)
  ship-to a 3PL / logistics warehouse for a named end user ..................... ~7%
  ship-to a buyer-nominated forwarder at origin (EXW/FCA), parcel forwarders ... ~6%
  customer_since < 18 months before the order: young companies ordering in bulk
    (55% of neoclouds, 30% of workstation buyers) and new relationships ........ ~18%
  installation declined, own staff (hyperscalers 75%, others 10-30%) ........... ~14% (of all)
  routed through SG / HK / AE hubs, or 3PL at the hub, for regional logistics .. ~4%
  vague end-use text ........................................................... ~15%
  blank optional fields (sloppy entry, each field 2-6%)
  HS code differing between rulings (alternate code) ........................... ~10%
  price scatter (volume discounts, deal pricing +-8%)
  subsidiaries sharing a group address and payer (corporate groups)
  residential address for workstation buyers ................................... ~40% of them
  free-mail contacts for small buyers (30% of them are individuals) ............ ~50% of them
  Cayman / BVI holding parents of groups; CN parents of Chinese buyers of permitted items ~3%
  end-user country differs from ship-to (contract manufacturers, colo tenants, drop ship)
  legal shipments to CN/HK of permitted items (China variants before bans)
  freight forwarders used on ordinary exports .................................. ~15%
Legitimate accounts outnumber diverter accounts in every segment and country (incl. SG, MY, AE).
"""
import argparse
import csv
import datetime as dt
import itertools
import math
import os
import random

START = dt.date(2023, 1, 1)
END = dt.date(2026, 6, 30)
SPAN = (END - START).days
RULE_OCT23 = dt.date(2023, 11, 17)   # effective date of the Oct 2023 AC/S rule
H20_BAN = dt.date(2025, 4, 9)        # H20 licence requirement notified to Nvidia

HEADER = ["order_id", "order_date", "seller", "seller_country", "bill_to_name", "bill_to_address",
          "bill_to_country", "ship_to_name", "ship_to_address", "ship_to_country", "ship_to_type",
          "end_user_name", "end_user_address", "end_user_country", "end_user_parent",
          "end_user_parent_country", "payer_name", "payer_country", "item", "hs_code", "quantity",
          "unit_price_usd", "currency", "incoterm", "forwarder", "route", "declared_end_use",
          "installation_declined", "customer_since", "contact_email", "contact_phone",
          "declared_site_mw", "licence"]

# item: (kind, available_from, available_until, price_usd_2023, price_trend_per_year, china_variant)
# kind: sys = 8-GPU system, mod = SXM/OAM module, card = PCIe data-centre card, rtx = consumer card
ITEMS = {
    "A100": ("mod", "2020-06-01", "2024-09-30", 12000, -0.20, False),
    "A800": ("mod", "2022-11-01", "2023-11-16", 11000, 0.0, True),
    "H100-SXM": ("mod", "2023-01-01", "2026-06-30", 31000, -0.15, False),
    "H100-PCIE": ("card", "2023-01-01", "2026-06-30", 26000, -0.15, False),
    "H800-SXM": ("mod", "2023-03-01", "2023-11-16", 29000, 0.0, True),
    "H20": ("mod", "2024-02-15", "2026-06-30", 13000, -0.05, True),
    "H200": ("mod", "2024-06-01", "2026-06-30", 33000, -0.08, False),
    "B200": ("mod", "2025-01-06", "2026-06-30", 38000, -0.05, False),
    "B300": ("mod", "2025-09-15", "2026-06-30", 45000, 0.0, False),
    "L40S": ("card", "2023-09-15", "2026-06-30", 8500, -0.08, False),
    "L20": ("card", "2024-02-15", "2026-06-30", 5000, -0.05, True),
    "L4": ("card", "2023-03-21", "2026-06-30", 2800, -0.05, False),
    "RTX-4090": ("rtx", "2022-10-12", "2025-06-30", 1750, 0.02, False),
    "RTX-4090D": ("rtx", "2024-01-01", "2025-09-30", 1800, 0.0, True),
    "RTX-5090": ("rtx", "2025-01-30", "2026-06-30", 2300, 0.05, False),
    "RTX-5090D": ("rtx", "2025-01-30", "2026-06-30", 2350, 0.0, True),
    "MI250X": ("mod", "2021-11-08", "2024-12-31", 9500, -0.15, False),
    "MI300X": ("mod", "2024-01-15", "2026-06-30", 17000, -0.08, False),
    "MI325X": ("mod", "2025-01-15", "2026-06-30", 21000, -0.05, False),
    "GAUDI2": ("mod", "2023-01-01", "2025-12-31", 8000, -0.15, False),
    "GAUDI3": ("mod", "2024-10-01", "2026-06-30", 15000, -0.05, False),
    "HGX-H100-8GPU": ("sys", "2023-01-01", "2026-06-30", 270000, -0.12, False),
    "DGX-H100": ("sys", "2023-05-01", "2026-06-30", 380000, -0.10, False),
    "HGX-H200-8GPU": ("sys", "2024-07-01", "2026-06-30", 300000, -0.06, False),
    "HGX-H20-8GPU": ("sys", "2024-03-01", "2026-06-30", 130000, -0.05, True),
    "DGX-A100": ("sys", "2020-05-14", "2024-03-31", 170000, -0.15, False),
    "DGX-B200": ("sys", "2025-01-06", "2026-06-30", 500000, -0.04, False),
    "HGX-B200-8GPU": ("sys", "2025-01-06", "2026-06-30", 360000, -0.04, False),
}
HS_MAIN = {"sys": "8471.50", "mod": "8473.30", "card": "8473.30", "rtx": "8473.30"}
HS_ALT = {"sys": ["8471.41", "8471.49", "8471.80"], "mod": ["8542.31", "8471.80"],
          "card": ["8471.80", "8542.31"], "rtx": ["8471.80", "8473.50"]}
# items that need a licence to CN/HK/MO (and, after the Oct 2023 rule, to AE/SA/QA/VN/KZ)
PERMITTED_CN = {"A800": RULE_OCT23, "H800-SXM": RULE_OCT23, "RTX-4090": RULE_OCT23,
                "H20": H20_BAN, "HGX-H20-8GPU": H20_BAN, "L20": END, "RTX-4090D": END,
                "RTX-5090D": END, "L4": RULE_OCT23}
LICENCE_MIDEAST = {"AE", "SA", "QA", "VN", "KZ"}

# country: (dial prefix, currency, legal suffixes, cities, street names, email tld)
COUNTRIES = {
    "US": ("1", "USD", ["Inc.", "LLC", "Corp."], ["San Jose, CA 95134", "Austin, TX 78701",
           "Ashburn, VA 20147", "Seattle, WA 98109", "Dallas, TX 75201", "Chicago, IL 60606",
           "Atlanta, GA 30303", "Phoenix, AZ 85004", "Boston, MA 02110", "Columbus, OH 43215",
           "Fremont, CA 94538", "Miami, FL 33131", "Los Angeles, CA 90021", "Reno, NV 89502"],
           ["Main St", "Technology Dr", "Commerce Pkwy", "Innovation Way", "Industrial Blvd",
            "Market St", "Oak Ave", "Data Center Dr"], "com"),
    "CA": ("1", "CAD", ["Inc.", "Ltd."], ["Toronto, ON M5V 2T6", "Montreal, QC H3B 4W8",
           "Vancouver, BC V6B 1A1"], ["King St W", "Rue Sainte-Catherine", "Granville St"], "ca"),
    "MX": ("52", "MXN", ["S.A. de C.V."], ["Guadalajara, Jal. 45010", "Monterrey, N.L. 66600",
           "Ciudad Juarez, Chih. 32695"], ["Av. Industrial", "Parque Industrial Norte"], "com.mx"),
    "BR": ("55", "BRL", ["Ltda.", "S.A."], ["Sao Paulo, SP 04543-000", "Campinas, SP 13083-970",
           "Rio de Janeiro, RJ 20040-020"], ["Av. Paulista", "Rua Funchal", "Av. Rio Branco"], "com.br"),
    "GB": ("44", "GBP", ["Ltd", "plc"], ["London EC2A 4NE", "Manchester M1 3BN", "Cambridge CB4 0WS",
           "Slough SL1 4XX", "Edinburgh EH3 9DR"], ["High St", "Science Park", "Bath Rd", "Station Rd"], "co.uk"),
    "IE": ("353", "EUR", ["Ltd", "DAC"], ["Dublin D02 X285", "Cork T12 P928"], ["Grand Canal Quay", "Sir John Rogerson's Quay"], "ie"),
    "DE": ("49", "EUR", ["GmbH", "AG"], ["80331 Muenchen", "60311 Frankfurt am Main", "10115 Berlin",
           "70173 Stuttgart", "52428 Juelich"], ["Hauptstrasse", "Industriestrasse", "Hanauer Landstrasse"], "de"),
    "FR": ("33", "EUR", ["SAS", "S.A."], ["75008 Paris", "91190 Saclay", "69002 Lyon"], ["Rue de Rivoli", "Avenue de la Gare", "Boulevard Haussmann"], "fr"),
    "NL": ("31", "EUR", ["B.V.", "N.V."], ["1101 CM Amsterdam", "3542 AD Utrecht", "5656 AE Eindhoven"], ["Keizersgracht", "Science Park", "Stationsplein"], "nl"),
    "SE": ("46", "SEK", ["AB"], ["111 57 Stockholm", "412 96 Goteborg", "972 38 Lulea"], ["Sveavagen", "Kungsgatan", "Aurorum"], "se"),
    "FI": ("358", "EUR", ["Oy"], ["00100 Helsinki", "87100 Kajaani"], ["Mannerheimintie", "Teollisuustie"], "fi"),
    "NO": ("47", "NOK", ["AS"], ["0150 Oslo", "4020 Stavanger"], ["Karl Johans gate", "Forusbeen"], "no"),
    "CH": ("41", "CHF", ["AG", "SA"], ["8001 Zurich", "1015 Lausanne", "6900 Lugano"], ["Bahnhofstrasse", "Route Cantonale"], "ch"),
    "ES": ("34", "EUR", ["S.L.", "S.A."], ["28046 Madrid", "08034 Barcelona"], ["Paseo de la Castellana", "Carrer de Jordi Girona"], "es"),
    "IT": ("39", "EUR", ["S.r.l.", "S.p.A."], ["20121 Milano", "40121 Bologna"], ["Via Roma", "Via Magnanelli"], "it"),
    "PL": ("48", "PLN", ["Sp. z o.o."], ["00-001 Warszawa", "30-001 Krakow"], ["ul. Marszalkowska", "ul. Pawia"], "pl"),
    "IL": ("972", "ILS", ["Ltd."], ["Tel Aviv 6789141", "Haifa 3200003", "Herzliya 4673300"], ["Rothschild Blvd", "HaMenofim St", "Matam Park"], "co.il"),
    "AE": ("971", "AED", ["LLC", "FZ-LLC", "FZE"], ["Abu Dhabi", "Dubai Internet City, Dubai", "Jebel Ali Free Zone, Dubai",
           "Masdar City, Abu Dhabi", "Dubai Silicon Oasis, Dubai"], ["Al Maryah Island", "Sheikh Zayed Rd", "Khalifa Park St"], "ae"),
    "SA": ("966", "SAR", ["Co.", "LLC"], ["Riyadh 12382", "Thuwal 23955", "Jeddah 23511", "Dammam 32241"], ["King Fahd Rd", "Olaya St", "KAUST Innovation Cluster"], "sa"),
    "QA": ("974", "QAR", ["W.L.L.", "LLC"], ["Doha"], ["Lusail Blvd", "Al Corniche St"], "qa"),
    "IN": ("91", "INR", ["Pvt. Ltd.", "Ltd."], ["Bengaluru 560103", "Mumbai 400051", "Hyderabad 500081",
           "Chennai 600096", "Pune 411057", "Noida 201301"], ["Outer Ring Rd", "Bandra Kurla Complex", "HITEC City", "MIDC"], "in"),
    "SG": ("65", "SGD", ["Pte. Ltd."], ["Singapore 018989", "Singapore 138522", "Singapore 609434",
           "Singapore 069533", "Singapore 415960", "Singapore 768923"], ["Marina Blvd", "Fusionopolis Way", "Jurong West St 92",
            "Cecil St", "Loyang Way", "Tai Seng Ave", "Woodlands Loop"], "com.sg"),
    "MY": ("60", "MYR", ["Sdn. Bhd.", "Bhd."], ["81550 Johor Bahru, Johor", "50450 Kuala Lumpur", "63000 Cyberjaya, Selangor",
           "11900 Bayan Lepas, Penang", "81400 Senai, Johor", "79200 Iskandar Puteri, Johor"], ["Jalan Ampang", "Persiaran Multimedia",
            "Jalan Teknologi", "Jalan Sedenak", "Lebuhraya Kampung Jawa"], "com.my"),
    "TH": ("66", "THB", ["Co., Ltd."], ["Bangkok 10110", "Chon Buri 20230", "Rayong 21140"], ["Sukhumvit Rd", "Rama IV Rd", "Amata City"], "co.th"),
    "ID": ("62", "IDR", ["PT", "Tbk"], ["Jakarta 12190", "Batam 29461", "Bekasi 17530"], ["Jl. Jend. Sudirman", "Jl. Gatot Subroto", "Kawasan Industri Nongsa"], "co.id"),
    "VN": ("84", "VND", ["JSC", "Co., Ltd."], ["Ho Chi Minh City 700000", "Hanoi 100000"], ["Nguyen Hue", "Duy Tan"], "vn"),
    "JP": ("81", "JPY", ["K.K.", "Co., Ltd."], ["Tokyo 100-0005", "Osaka 530-0001", "Kashiwa, Chiba 277-0882",
           "Inzai, Chiba 270-1337", "Fukuoka 812-0011"], ["Marunouchi", "Umeda", "Kashiwanoha", "Otemachi"], "co.jp"),
    "KR": ("82", "KRW", ["Co., Ltd.", "Corp."], ["Seoul 06164", "Seongnam 13494", "Daejeon 34141"], ["Teheran-ro", "Pangyo-ro", "Daehak-ro"], "co.kr"),
    "TW": ("886", "TWD", ["Co., Ltd.", "Corp."], ["Taipei 114", "Hsinchu 300", "Taoyuan 333", "Kaohsiung 806"], ["Ruiguang Rd", "Science Park Rd", "Wenhua 2nd Rd"], "com.tw"),
    "HK": ("852", "HKD", ["Limited", "Co., Limited"], ["Kowloon Bay, Hong Kong", "Kwun Tong, Kowloon, Hong Kong", "Wan Chai, Hong Kong",
           "Tsuen Wan, New Territories, Hong Kong", "Central, Hong Kong"], ["Hoi Bun Rd", "How Ming St", "Gloucester Rd", "Queen's Rd Central",
            "Sha Tsui Rd"], "com.hk"),
    "CN": ("86", "CNY", ["Co., Ltd.", "Technology Co., Ltd."], ["Beijing 100085", "Shanghai 201203", "Shenzhen 518057",
           "Hangzhou 310052", "Chengdu 610041"], ["Haidian District Shangdi Rd", "Zhangjiang Hi-Tech Park", "Nanshan Keji Rd", "Binjiang Wangshang Rd"], "com.cn"),
    "AU": ("61", "AUD", ["Pty Ltd"], ["Sydney NSW 2000", "Melbourne VIC 3000"], ["George St", "Collins St"], "com.au"),
    "KY": ("1345", "USD", ["Ltd."], ["George Town, Grand Cayman KY1-1104"], ["Ugland House, South Church St"], "ky"),
    "VG": ("1284", "USD", ["Ltd."], ["Road Town, Tortola VG1110"], ["Wickhams Cay II"], "vg"),
}
GENERIC = {"university", "of", "technical", "institute", "national", "research", "technology", "%s"}
FREE_MAIL = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "protonmail.com"]
CN_MAIL = ["163.com", "qq.com", "126.com"]

SELLERS = {  # region -> (seller name, seller country, ship origin)
    "AM": ("Kestrel Compute Systems, Inc.", "US", "US"),
    "EU": ("Kestrel Compute Systems B.V.", "NL", "NL"),
    "ME": ("Kestrel Compute Systems B.V.", "NL", "NL"),
    "AP": ("Kestrel Compute Systems Pte. Ltd.", "SG", "TW"),
    "TW": ("Kestrel Compute Taiwan Co., Ltd.", "TW", "TW"),
    "JP": ("Kestrel Compute Japan K.K.", "JP", "TW"),
}
REGION = {c: "AM" for c in ("US", "CA", "MX", "BR", "KY", "VG")}
REGION.update({c: "EU" for c in ("GB", "IE", "DE", "FR", "NL", "SE", "FI", "NO", "CH", "ES", "IT", "PL")})
REGION.update({c: "ME" for c in ("IL", "AE", "SA", "QA")})
REGION.update({c: "AP" for c in ("IN", "SG", "MY", "TH", "ID", "VN", "HK", "CN", "AU", "KR")})
REGION.update({"TW": "TW", "JP": "JP"})

SYL = ["ar", "ve", "lo", "tri", "no", "va", "zen", "cor", "ix", "ta", "mer", "qua", "sol", "ri", "on",
       "ka", "del", "ny", "um", "sy", "pha", "tek", "lu", "mi", "ra", "ge", "os", "bel", "an", "dor"]
FIRST = ["James", "Maria", "Wei", "Priya", "Kenji", "Min-jun", "Sarah", "Ahmed", "Lukas", "Sofia", "Daniel",
         "Aisha", "Chen", "Arjun", "Yuki", "Omar", "Elena", "Tom", "Nurul", "Hiroshi", "Jia", "Rahul", "Anna", "Siew Ling"]
LAST = ["Smith", "Tan", "Lim", "Kumar", "Sato", "Kim", "Muller", "Rossi", "Garcia", "Lee", "Wong", "Al-Mansouri",
        "Cohen", "Nguyen", "Chen", "Patel", "Ng", "Lindqvist", "Haddad", "Ibrahim", "Suzuki", "Park", "Silva", "Liu"]
VAGUE_USE = ["AI", "computing", "IT infrastructure", "general purpose", "R&D", "servers for project",
             "data processing", "cloud services", "business use", "internal use", "HPC"]


def d2s(d):
    return d.isoformat()


def s2d(s):
    return dt.date.fromisoformat(s)


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


class Gen:
    """Shared random helpers (names, addresses, contacts, prices) around one random.Random."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used_names = set()

    def p(self, prob):
        return self.r.random() < prob

    def pick(self, seq):
        return self.r.choice(seq)

    def wpick(self, pairs):
        """pairs: list of (value, weight)."""
        tot = sum(w for _, w in pairs)
        x = self.r.random() * tot
        for v, w in pairs:
            x -= w
            if x <= 0:
                return v
        return pairs[-1][0]

    def word(self, n=None):
        n = n or self.r.choice((2, 2, 3))
        return "".join(self.r.choice(SYL) for _ in range(n)).capitalize()

    def company(self, country, kind_words, suffix=None):
        for _ in range(50):
            base = self.word()
            if self.p(0.4):
                base += " " + self.word(2)
            name = "%s %s %s" % (base, self.pick(kind_words), suffix or self.pick(COUNTRIES[country][2]))
            if name not in self.used_names:
                self.used_names.add(name)
                return name
        return name

    def address(self, country, residential=False, city=None):
        cc = COUNTRIES[country]
        city = city or self.pick(cc[3])
        num = self.r.randint(1, 400)
        if residential:
            unit = self.pick(["Apt %d" % self.r.randint(1, 40), "Unit %d" % self.r.randint(1, 30),
                              "#%02d-%02d" % (self.r.randint(2, 25), self.r.randint(1, 120)), "Flat %d" % self.r.randint(1, 20)])
            street = self.pick(["Maple Ct", "Garden Ave", "Jalan Mawar", "Lorong 3", "Residences Rd", "Hill View",
                                "Park Terrace", "Sunset Blvd", "Orchard Rise"])
            return "%d %s, %s, %s" % (num, street, unit, city)
        bldg = self.pick(["", "", "Suite %d, " % self.r.randint(100, 2400), "Level %d, " % self.r.randint(2, 40),
                          "Unit %d, " % self.r.randint(1, 99), "Bldg %s, " % self.pick("ABCDE")])
        return "%s%d %s, %s" % (bldg, num, self.pick(cc[4]), city)

    def domain(self, name, country):
        words = [w for w in name.split(" ") if w.lower() not in GENERIC] or [self.word()]
        slug = "".join(ch for ch in words[0].lower() if ch.isalnum())
        tld = COUNTRIES[country][5]
        return "%s.%s" % (slug, self.pick([tld, "com", "ai", "io"] if tld != "com" else ["com", "ai", "io", "com"]))

    def email(self, domain, person=True):
        if person:
            return "%s.%s@%s" % (self.pick(FIRST).lower().replace(" ", "").replace("-", ""),
                                 self.pick(LAST).lower().replace("-", ""), domain)
        return "%s@%s" % (self.pick(["sales", "procurement", "purchasing", "info", "admin", "orders"]), domain)

    def phone(self, country):
        return "+%s %d %04d %04d" % (COUNTRIES[country][0], self.r.randint(2, 9), self.r.randint(0, 9999),
                                     self.r.randint(0, 9999))

    def since(self, order_min, young=False):
        """customer_since: incorporation / start of relationship, before order_min."""
        if young:
            return order_min - dt.timedelta(days=self.r.randint(20, 540))
        return order_min - dt.timedelta(days=int(self.r.expovariate(1 / 2500.0)) + 200)

    def date_in(self, lo, hi, growth=1.2):
        """Date in [lo, hi], density rising with calendar time (market growth)."""
        lo, hi = max(lo, START), min(hi, END)
        if hi <= lo:
            return lo
        while True:
            t = self.r.random()
            d = lo + dt.timedelta(days=int(t * (hi - lo).days))
            x = (d - START).days / SPAN
            if self.r.random() < (1 + growth * x) / (1 + growth):
                return d

    def price(self, item, date, qty):
        kind, _, _, base, trend, _ = ITEMS[item]
        yrs = (date - START).days / 365.25
        p = base * (1 + trend) ** yrs
        if kind in ("mod", "sys") and dt.date(2023, 5, 1) <= date <= dt.date(2024, 3, 31):
            p *= 1.08  # shortage premium 2023-24
        disc = min(0.18, 0.025 * math.log2(max(qty, 1)))
        p *= (1 - disc) * self.r.uniform(0.92, 1.08)
        return round(p, 2)


def available(item, date):
    kind, a, b, *_ = ITEMS[item]
    return s2d(a) <= date <= s2d(b)


def permitted_cn(item, date):
    """True if the item may go to CN/HK/MO without a licence on this date (simplified)."""
    lim = PERMITTED_CN.get(item)
    return lim is not None and date < lim


def licence_for(g, item, date, country, diverted=False):
    kind = ITEMS[item][0]
    controlled = item not in ("L4", "L20", "RTX-4090D", "RTX-5090D") and not ITEMS[item][5]
    if country in LICENCE_MIDEAST and controlled and date >= RULE_OCT23 and kind != "rtx":
        return "D%07d" % g.r.randint(1000000, 1999999)
    return "" if g.p(0.06) else "NLR"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--orders", type=int, default=20000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rows, truth = build(a.seed, a.orders)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "ledger.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for row in rows:
            w.writerow([row.get(h, "") for h in HEADER])
    with open(os.path.join(a.out, "truth.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["order_id", "diverted", "scheme"])
        w.writerows(truth)


# ----------------------------------------------------------------------------------------------
# Legitimate customers
# ----------------------------------------------------------------------------------------------
ALL_C = ["US", "DE", "GB", "FR", "NL", "JP", "KR", "TW", "IN", "SG", "MY", "AE", "SA", "IL", "BR", "CA",
         "AU", "CH", "SE", "ES", "IT", "PL", "TH", "ID", "VN", "MX", "IE", "FI", "NO", "HK", "QA"]
ENT_W = [25, 6, 6, 4, 3, 8, 5, 5, 6, 6, 4.5, 3, 2, 3, 3, 3, 2, 2, 2, 2, 2, 1, 3.5, 3, 2, 1, 1, 1, 1, 2, 0.5]
# segment: (order share, customer share, countries+weights, kind weights, item-installation-declined p)
SEGMENTS = {
    "hyperscaler": (0.04, 0.006, [("US", 6), ("IE", 1), ("NL", 1), ("JP", 1), ("IN", 1), ("SG", 1), ("GB", 1), ("DE", 1)],
                    {"sys": 0.6, "mod": 0.35, "card": 0.05}, 0.75),
    "contract_mfr": (0.03, 0.008, [("TW", 3), ("MX", 2), ("MY", 2), ("US", 2)], {"mod": 0.9, "card": 0.1}, 0.0),
    "neocloud": (0.12, 0.06, [("US", 5), ("GB", 1), ("NL", 1), ("SE", 1), ("FI", 0.5), ("NO", 0.7), ("DE", 1), ("FR", 1),
                 ("JP", 1), ("SG", 2), ("MY", 1.5), ("IN", 1.5), ("AE", 1), ("SA", 0.5), ("IL", 0.5), ("CA", 1),
                 ("AU", 0.5), ("KR", 0.7), ("TW", 0.5), ("TH", 0.5), ("ID", 0.5)], {"sys": 0.8, "mod": 0.2}, 0.25),
    "enterprise": (0.27, 0.33, list(zip(ALL_C, ENT_W)), {"sys": 0.35, "mod": 0.1, "card": 0.55}, 0.15),
    "university": (0.09, 0.10, [("US", 6), ("GB", 2), ("DE", 2), ("FR", 1.5), ("CH", 1), ("JP", 2), ("KR", 1.5), ("IN", 1.5),
                   ("SG", 1), ("IL", 1), ("BR", 1), ("SA", 0.7), ("AU", 1), ("ES", 1), ("IT", 1), ("NL", 1), ("SE", 1),
                   ("TW", 1), ("MY", 0.7), ("AE", 0.5), ("CA", 1), ("FI", 0.4)], {"sys": 0.45, "mod": 0.15, "card": 0.4}, 0.10),
    "sovereign": (0.02, 0.01, [("AE", 2), ("SA", 2), ("IN", 1), ("JP", 1), ("FR", 1), ("GB", 1), ("KR", 1), ("SG", 1),
                  ("MY", 0.7), ("BR", 0.5), ("QA", 0.5), ("ID", 0.5)], {"sys": 0.9, "mod": 0.1}, 0.2),
    "reseller": (0.17, 0.12, list(zip(ALL_C, ENT_W)), {"sys": 0.35, "mod": 0.1, "card": 0.35, "rtx": 0.2}, 0.2),
    "colo": (0.06, 0.04, [("US", 4), ("SG", 1.5), ("MY", 1.5), ("JP", 1), ("DE", 1), ("NL", 1), ("GB", 1), ("AE", 1),
             ("IN", 1), ("ID", 0.7), ("TH", 0.5), ("HK", 0.7), ("AU", 0.5), ("SA", 0.5), ("FR", 0.5)], {"sys": 0.85, "mod": 0.15}, 0.3),
    "workstation": (0.15, 0.25, list(zip(ALL_C, ENT_W)) + [("CN", 3)], {"rtx": 0.75, "card": 0.25}, 0.0),
    "china_legit": (0.05, 0.07, [("CN", 8), ("HK", 2)], {"mod": 0.3, "sys": 0.2, "card": 0.3, "rtx": 0.2}, 0.3),
}
KIND_ITEMS = {
    "sys": [("HGX-H100-8GPU", 5), ("DGX-H100", 1.5), ("HGX-H200-8GPU", 5), ("DGX-A100", 0.7), ("DGX-B200", 1.5),
            ("HGX-B200-8GPU", 5), ("HGX-H20-8GPU", 3)],
    "mod": [("A100", 2), ("H100-SXM", 4), ("H200", 4), ("B200", 4), ("B300", 3), ("MI250X", 0.5), ("MI300X", 2),
            ("MI325X", 1), ("GAUDI2", 0.7), ("GAUDI3", 0.7), ("A800", 3), ("H800-SXM", 3), ("H20", 4)],
    "card": [("H100-PCIE", 3), ("L40S", 4), ("L4", 3), ("L20", 4)],
    "rtx": [("RTX-4090", 4), ("RTX-5090", 4), ("RTX-4090D", 4), ("RTX-5090D", 4)],
}
# (median, sigma, max) of quantity by segment class and item kind
QTY = {"big": {"sys": (24, 1.0, 512), "mod": (256, 1.0, 4096), "card": (64, 0.9, 1024), "rtx": (20, 0.8, 200)},
       "mid": {"sys": (4, 1.0, 96), "mod": (32, 1.0, 512), "card": (8, 0.9, 128), "rtx": (4, 0.8, 60)},
       "small": {"sys": (1, 0.6, 8), "mod": (8, 0.6, 32), "card": (2, 0.7, 16), "rtx": (1, 0.6, 6)}}
SEG_QTY = {"hyperscaler": "big", "contract_mfr": "big", "neocloud": "mid", "enterprise": "mid", "university": "small",
           "sovereign": "big", "reseller": "mid", "colo": "mid", "workstation": "small", "china_legit": "mid"}
KIND_WORDS = {
    "hyperscaler": ["Cloud Services", "Web Services", "Cloud Platform", "Data Services"],
    "contract_mfr": ["Electronics Manufacturing", "Precision Industry", "Technology Manufacturing", "Systems Assembly"],
    "neocloud": ["Compute", "AI Cloud", "GPU Cloud", "Cloud", "Intelligence Cloud", "Labs"],
    "enterprise": ["Financial", "Pharmaceuticals", "Automotive", "Energy", "Telecom", "Insurance", "Retail", "Media",
                   "Logistics", "Semiconductor", "Analytics", "Software", "Bank", "Health"],
    "reseller": ["IT Solutions", "Systems Integration", "Distribution", "Technologies", "Computer Trading", "Infotech"],
    "colo": ["Data Centres", "Digital Infrastructure", "DC Campus", "Colocation", "Hosting"],
    "workstation": ["Studio", "Design", "Visual Effects", "Engineering", "Research", "Animation", "Robotics"],
    "china_legit": ["Network Technology", "Intelligent Technology", "Internet Technology", "Information Technology"],
}
UNIS = ["University of %s", "%s Institute of Technology", "%s National Laboratory", "%s Research Centre",
        "%s Supercomputing Center", "Technical University %s"]
SOV = ["National AI Programme", "Sovereign Compute Authority", "National Supercomputing Agency", "Digital Government AI Office"]
SPECIFIC_USE = {
    "hyperscaler": ["public cloud GPU instances", "LLM training cluster expansion", "AI inference capacity"],
    "contract_mfr": ["integration into customer GPU rack systems", "L10/L11 rack build for cloud customer"],
    "neocloud": ["GPU cloud rental (IaaS), KYC'd tenants", "LLM training cluster for enterprise customers", "bare-metal GPU hosting"],
    "enterprise": ["fraud-detection model training", "drug discovery simulations", "autonomous-driving model training",
                   "recommendation model training", "seismic imaging", "internal LLM fine-tuning", "video analytics"],
    "university": ["university HPC cluster", "climate modelling research", "AI research lab cluster", "genomics research"],
    "sovereign": ["national AI compute cluster", "national language model training", "government research cloud"],
    "reseller": ["resale to end user named", "stock for named project", "customer AI cluster"],
    "colo": ["tenant AI cluster (colocation)", "managed GPU hosting for tenant"],
    "workstation": ["3D rendering workstation", "ML development workstation", "CAD/CAE workstation", "video editing"],
    "china_legit": ["AI inference services", "recommendation system inference", "cloud gaming / rendering"],
}
LOGI = ["Meridian 3PL Solutions", "Harbourline Logistics", "Crestway Fulfilment", "Orbis Supply Chain", "Keystone Warehousing"]
FORWARDERS = ["Pacific Bridge Freight", "Atlas Air Cargo Services", "Bluewater Forwarding", "TransGlobal Express Logistics",
              "Northstar Freight Forwarders", "Sunrise Cargo Agency", "Apex Logistics International"]
HUBS = {"AP": "SG", "ME": "AE", "TW": "HK", "JP": "SG"}
LESSORS = ["Summit Technology Leasing", "Vertex Equipment Finance", "Harbor Capital Leasing", "Evergreen Asset Finance"]
BANKS = ["First Meridian Bank", "Pan-Asia Commercial Bank", "United Trade Bank", "Atlantic Merchant Bank"]


def pareto_w(g, alpha=1.2):
    return g.r.paretovariate(alpha)


def make_customer(g, seg, country, group=None):
    c = {"seg": seg, "country": country, "w": pareto_w(g)}
    if seg == "university":
        nm = g.pick(UNIS) % g.word()
    elif seg == "sovereign":
        nm = "%s %s" % (g.word(), g.pick(SOV))
    else:
        nm = g.company(country, KIND_WORDS[seg])
    small = seg == "workstation"
    if small and g.p(0.3):  # individual buyer
        nm = "%s %s" % (g.pick(FIRST), g.pick(LAST))
    c["name"] = nm
    c["residential"] = small and g.p(0.4)
    c["addr"] = g.address(country, residential=c["residential"])
    if group and g.p(0.5) and group["country"] == country:
        c["addr"] = group["addr"]  # subsidiary sharing the group address
    c["group"] = group
    young = (seg == "neocloud" and g.p(0.55)) or (seg in ("enterprise", "reseller", "colo") and g.p(0.06)) or (small and g.p(0.3))
    c["first"] = START if g.p(0.55) else g.date_in(START, END - dt.timedelta(days=60), 0.8)
    if seg == "china_legit":
        c["first"] = g.date_in(START, dt.date(2025, 10, 1), 0.3)
    c["since"] = g.since(c["first"], young)
    if not young and c["first"] > START and g.p(0.35):  # new account: since = start of relationship
        c["since"] = c["first"] - dt.timedelta(days=g.r.randint(0, 60))
    if seg == "china_legit" and g.p(0.4):  # subsidiary of a Chinese group (permitted items only)
        c["parent"] = (g.company("CN", KIND_WORDS["china_legit"] + ["Holdings"]), "CN")
    c["young"] = young
    dom = g.domain(nm, country)
    if small and g.p(0.8 if " " in nm and nm.count(" ") == 1 else 0.35):
        dom = g.pick(CN_MAIL if country == "CN" and g.p(0.6) else FREE_MAIL)
    c["email"] = g.email(dom, person=g.p(0.7))
    c["phone"] = g.phone(country)
    if seg in ("hyperscaler", "neocloud", "colo", "sovereign") or (seg == "enterprise" and g.p(0.2)):
        c["mw"] = round(clamp(g.r.lognormvariate(math.log(25 if seg != "enterprise" else 2), 1.0), 0.3, 900), 1)
    else:
        c["mw"] = None
    c["site_country"] = country
    if seg == "contract_mfr":
        c["client"] = None  # filled in later with a hyperscaler
    return c


def build_legit_customers(g, n_orders):
    n_cust = max(80, n_orders // 5)
    custs = {s: [] for s in SEGMENTS}
    groups = []
    for seg, (_, cshare, cw, _, _) in SEGMENTS.items():
        for _ in range(max(3, round(cshare * n_cust))):
            country = g.wpick(cw)
            grp = None
            if seg in ("enterprise", "neocloud", "colo", "hyperscaler") and g.p(0.12):
                if groups and g.p(0.7):
                    grp = g.pick(groups)
                else:
                    hc = g.wpick([("US", 5), ("GB", 1), ("DE", 1), ("JP", 1), ("SG", 1), ("FR", 1), ("AE", 0.5), ("IN", 0.5),
                                  ("KY", 0.8), ("VG", 0.4)])  # KY/VG: ordinary offshore holding structures
                    gname = "%s Group Holdings %s" % (g.word(), COUNTRIES[hc][2][0])
                    grp = {"name": gname, "country": hc, "addr": g.address(hc),
                           "treasury": gname.replace("Group Holdings", "Group Treasury")}
                    groups.append(grp)
                if g.p(0.4):
                    country = grp["country"]
            custs[seg].append(make_customer(g, seg, country, grp))
    for c in custs["contract_mfr"]:
        c["client"] = g.pick(custs["hyperscaler"])
    return custs


def choose_item(g, seg, kinds, date, dest):
    china = dest in ("CN", "HK")
    order = [g.wpick(list(kinds.items()))] + list(kinds)
    for kind in order:
        cands = [(it, w) for it, w in KIND_ITEMS[kind] if available(it, date)
                 and (permitted_cn(it, date) if china else not ITEMS[it][5])]
        if cands:
            return g.wpick(cands)
    return None


def quantity(g, cls, kind):
    med, sig, mx = QTY[cls][kind]
    q = int(round(clamp(g.r.lognormvariate(math.log(med), sig), 1, mx)))
    if kind == "mod" and q >= 8 and g.p(0.7):
        q = max(8, q // 8 * 8)
    return max(1, q)


def base_row(g, date, item, qty, bill_country):
    seller, sc, origin = SELLERS[REGION.get(bill_country, "AP")]
    kind = ITEMS[item][0]
    return {"order_date": d2s(date), "seller": seller, "seller_country": sc, "item": item, "quantity": qty,
            "hs_code": HS_MAIN[kind], "unit_price_usd": g.price(item, date, qty), "currency": "USD",
            "_origin": origin}


def finish_route(row, hub=None):
    o, d = row.pop("_origin"), row["ship_to_country"]
    parts = [o] + ([hub] if hub and hub not in (o, d) else []) + ([d] if d != o else [])
    row["route"] = ";".join(parts)


def legit_order(g, c, date):
    seg = c["seg"]
    kinds = SEGMENTS[seg][3]
    dest = c["site_country"]
    item = choose_item(g, seg, kinds, date, dest)
    if item is None:
        return None
    kind = ITEMS[item][0]
    qty = quantity(g, SEG_QTY[seg], kind)
    if seg in ("enterprise", "neocloud") and c["w"] > (8 if seg == "enterprise" else 3) and kind != "rtx":
        qty = quantity(g, "big", kind) // (4 if seg == "enterprise" else 2) or 1
    row = base_row(g, date, item, qty, c["country"])
    row.update({"bill_to_name": c["name"], "bill_to_address": c["addr"], "bill_to_country": c["country"],
                "customer_since": d2s(c["since"]), "contact_email": c["email"], "contact_phone": c["phone"],
                "end_user_name": c["name"], "end_user_address": c["addr"], "end_user_country": c["country"],
                "ship_to_name": c["name"], "ship_to_address": c["addr"], "ship_to_country": dest})
    grp = c.get("group")
    if grp:
        row["end_user_parent"], row["end_user_parent_country"] = grp["name"], grp["country"]
    elif c.get("parent"):
        row["end_user_parent"], row["end_user_parent_country"] = c["parent"]
    stype = {"hyperscaler": "datacenter", "neocloud": "datacenter", "colo": "datacenter", "sovereign": "datacenter",
             "reseller": "reseller", "contract_mfr": "end_user"}.get(seg, "end_user")
    if seg in ("hyperscaler", "neocloud", "colo", "sovereign") or (seg == "enterprise" and c["mw"]):
        row["ship_to_name"] = "%s %s DC%d" % (c["name"].split(" ")[0], COUNTRIES[dest][3][0].split(",")[0].split(" ")[-1],
                                              1 + int(c["w"]) % 4)
        row["ship_to_address"] = g.address(dest) if g.p(0.3) else c["addr"]
        stype = "datacenter"
    if seg == "contract_mfr":  # builds racks for a hyperscaler client: end user abroad
        cl = c["client"]
        row.update({"end_user_name": cl["name"], "end_user_address": cl["addr"], "end_user_country": cl["country"]})
    if seg == "colo":  # tenant is the end user, sometimes a foreign company
        tc = g.wpick([(dest, 3), ("US", 2), ("GB", 0.5), ("JP", 0.5), ("DE", 0.5)])
        row.update({"end_user_name": g.company(tc, KIND_WORDS["enterprise"] + KIND_WORDS["neocloud"]),
                    "end_user_country": tc, "end_user_address": g.address(tc)})
        row["end_user_parent"] = row["end_user_parent_country"] = ""
    if seg == "reseller":
        if g.p(0.5):  # drop ship to the reseller's named customer
            eu_seg = g.wpick([("enterprise", 5), ("university", 2), ("workstation", 2), ("neocloud", 1)])
            nm = g.pick(UNIS) % g.word() if eu_seg == "university" else g.company(dest, KIND_WORDS[eu_seg])
            row.update({"end_user_name": nm, "end_user_address": g.address(dest), "end_user_country": dest})
            row["ship_to_name"], row["ship_to_address"] = nm, row["end_user_address"]
            stype = "end_user"
        else:
            stype = g.pick(["reseller", "distributor"])
            if g.p(0.5):
                row["end_user_name"] = row["end_user_address"] = row["end_user_country"] = ""
    row["ship_to_type"] = stype
    region = REGION.get(c["country"], "AP")
    # --- benign oddities ---
    hub = None
    if row["ship_to_country"] != row["_origin"] and region in HUBS and dest not in ("SG", "AE", "HK") and g.p(0.08):
        hub = HUBS[region]
    if g.p(0.07):  # 3PL ship-to for the named end user
        lc = hub if hub and g.p(0.5) else dest
        row["ship_to_name"] = "%s (%s)" % (g.pick(LOGI), "c/o " + c["name"])
        row["ship_to_address"], row["ship_to_country"], row["ship_to_type"] = g.address(lc), lc, "logistics"
        hub = None if lc == hub else hub
    if row["ship_to_country"] != SELLERS[region][2] and g.p(0.15):
        row["forwarder"] = g.pick(FORWARDERS)
    pay = None
    if grp and g.p(0.5):
        pay = (grp["treasury"], grp["country"])
    elif g.p({"university": 0.25, "neocloud": 0.2, "sovereign": 0.35, "colo": 0.12}.get(seg, 0.07)):
        if seg == "university":
            pay = ("%s National Research Grants Council" % g.word(), c["country"])
        elif seg == "sovereign":
            pay = ("%s Sovereign Investment Fund" % g.word(), c["country"])
        elif seg in ("neocloud", "colo") or g.p(0.4):
            pc = g.wpick([(c["country"], 3), ("US", 1), ("SG", 0.5), ("GB", 0.5)])
            pay = ("%s %s" % (g.pick(LESSORS), COUNTRIES[pc][2][0]), pc)
        else:
            pay = ("%s (L/C)" % g.pick(BANKS), g.wpick([(c["country"], 3), ("SG", 1), ("GB", 1), ("HK", 0.5)]))
    row["payer_name"], row["payer_country"] = pay or (c["name"], c["country"])
    if pay and pay[0].startswith(tuple(LESSORS)) and g.p(0.4):  # operating lease: lessor is bill-to
        row.update({"bill_to_name": pay[0], "bill_to_country": pay[1],
                    "bill_to_address": g.address(pay[1], city=COUNTRIES[pay[1]][3][0])})
    idp = SEGMENTS[seg][4]
    if kind in ("sys",) or seg in ("hyperscaler", "neocloud", "colo"):
        row["installation_declined"] = "true" if g.p(idp) else "false"
    elif kind != "rtx" and g.p(0.5):
        row["installation_declined"] = "true" if g.p(idp) else "false"
    row["declared_end_use"] = g.pick(VAGUE_USE) if g.p(0.15) else g.pick(SPECIFIC_USE[seg])
    if c["mw"]:
        row["declared_site_mw"] = c["mw"]
    row["incoterm"] = incoterm(g, dest == SELLERS[region][1])
    origin = row["_origin"]
    finish_route(row, hub)
    # buyer-nominated forwarder collects at origin (EXW/FCA), or parcel forwarder for small buyers abroad
    if dest != origin and row["ship_to_type"] != "logistics" and (
            (row["incoterm"] in ("EXW", "FCA") and g.p(0.3)) or (seg == "workstation" and g.p(0.06))):
        row["forwarder"] = g.pick(FORWARDERS)
        row.update({"ship_to_name": row["forwarder"], "ship_to_address": g.address(origin), "ship_to_country": origin,
                    "ship_to_type": "forwarder", "incoterm": g.pick(["EXW", "FCA"])})
    row["licence"] = licence_for(g, item, date, dest)
    common_oddities(g, row, c["country"])
    return row


def incoterm(g, domestic):
    if domestic:
        return g.pick(["FCA", "DAP", "DAP", "DDP", "EXW"])
    return g.wpick([("DAP", 4), ("DDP", 3), ("CIP", 1), ("FCA", 2), ("EXW", 1), ("CPT", 0.5)])


def common_oddities(g, row, country):
    kind = ITEMS[row["item"]][0]
    if g.p(0.10):
        row["hs_code"] = g.pick(HS_ALT[kind])
    if row.get("currency") == "USD" and g.p(0.2):
        row["currency"] = COUNTRIES[country][1] if country not in ("KY", "VG") else "USD"
    for f, pr in (("end_user_address", 0.05), ("end_user_name", 0.03), ("customer_since", 0.04), ("contact_phone", 0.04),
                  ("incoterm", 0.03), ("hs_code", 0.02), ("declared_end_use", 0.06), ("payer_name", 0.03),
                  ("forwarder", 0.02), ("route", 0.03), ("contact_email", 0.02), ("installation_declined", 0.04)):
        if row.get(f) and g.p(pr):
            row[f] = ""
            if f == "payer_name":
                row["payer_country"] = ""


# ----------------------------------------------------------------------------------------------
# Diversion networks
# ----------------------------------------------------------------------------------------------
# Deliberate near-misses of Entity-List names (Inspur 2023, Sugon 2019, Biren 2023, Sophgo 2025,
# Zhipu 2025 -- all added to the BIS Entity List); used only by neocloud_front / install_then_move.
NEAR_MISS = [("Inspurr Cloud Holdings Limited", "HK"), ("Sugonn Information (HK) Limited", "HK"),
             ("Birren Tek Holdings Limited", "HK"), ("Sophgoo Technology Co., Ltd.", "CN"),
             ("Zhipuu Intelligence Holdings Ltd.", "KY")]
SHELL_WORDS = ["Technology", "Global Trading", "Digital Solutions", "Smart Tech", "International", "Data Systems",
               "Innovation", "Computing Solutions", "Enterprise"]
FRONT_WORDS = ["Realty", "Trading", "AI Solutions", "Supply", "Consulting", "Import Export", "Enterprises", "Home Services"]
DIV_FWD = ["Speedlink Cargo Services", "Golden Bridge Logistics", "Fastway Int'l Forwarding", "Lucky Star Express",
           "Eastwind Freight", "Pan Ocean Consolidators"]
DIV_USE = ["AI", "computing", "cloud services", "data centre project", "server resale", "general purpose", ""]
SCHEMES = [  # name, share of diverted orders, silent share, share of identifiers, active from
    ("sg_false_enduser", 0.22, 0.15, 0.50, dt.date(2023, 6, 1)),
    ("neocloud_front", 0.18, 0.15, 0.40, dt.date(2023, 11, 1)),
    ("us_front_forwarder", 0.17, 0.10, 0.40, dt.date(2023, 1, 1)),
    ("card_consolidation", 0.17, 0.20, 0.50, RULE_OCT23),
    ("lease_cover", 0.13, 0.20, 0.35, dt.date(2024, 1, 1)),
    ("install_then_move", 0.13, 0.40, 0.30, dt.date(2023, 6, 1)),
]


def new_net(g, scheme, hq, pay_c):
    """Identifiers a network may share among its accounts."""
    return {"scheme": scheme, "hq": hq, "addr": g.address(hq), "phone": g.phone(hq),
            "domain": g.domain(g.word(), hq), "payer": (g.company(pay_c, SHELL_WORDS), pay_c),
            "fwd": g.pick(DIV_FWD)}


def new_acct(g, net, country, words, share, young_p, silent_p, name=None):
    iso = g.p(0.15)  # isolated account: shares nothing with its network
    silent = g.p(silent_p)  # silent account: its orders carry no order-level tell-tale

    def sh():
        return not iso and g.p(share)
    a = {"country": country, "name": name or g.company(country, words),
         "addr": net["addr"] if sh() and net["hq"] == country else g.address(country),
         "phone": net["phone"] if sh() else g.phone(country), "silent": silent,
         "young": not silent and g.p(young_p)}
    a["email"] = g.email(net["domain"] if sh() else g.domain(a["name"], country), person=g.p(0.6))
    a["payer"] = net["payer"] if sh() else None
    a["fwd"] = net["fwd"] if sh() else g.pick(DIV_FWD)
    return a


def div_row(g, net, a, date, item, qty, silent):
    """Order skeleton for a diverter account; tell-tales are then added by the scheme."""
    row = base_row(g, date, item, qty, a["country"])
    first = a.setdefault("first", date)
    a.setdefault("since", g.since(first, young=a["young"]) if not a["young"]
                 else first - dt.timedelta(days=g.r.randint(15, 170 if net["scheme"] == "sg_false_enduser" else 400)))
    row.update({"bill_to_name": a["name"], "bill_to_address": a["addr"], "bill_to_country": a["country"],
                "end_user_name": a["name"], "end_user_address": a["addr"], "end_user_country": a["country"],
                "ship_to_name": a["name"], "ship_to_address": a["addr"], "ship_to_country": a["country"],
                "ship_to_type": "end_user", "customer_since": d2s(a["since"]), "contact_email": a["email"],
                "contact_phone": a["phone"], "payer_name": a["name"], "payer_country": a["country"],
                "installation_declined": "false", "incoterm": incoterm(g, a["country"] == SELLERS[REGION[a["country"]]][1]),
                "declared_end_use": g.pick(SPECIFIC_USE["neocloud"] + SPECIFIC_USE["enterprise"])})
    if a["payer"] and g.p(0.6):  # shared payer is a network relation, not an order-level tell-tale
        row["payer_name"], row["payer_country"] = a["payer"]
    return row


def pick_item(g, date, pool):
    c = [(it, w) for it, w in pool if available(it, date)]
    return g.wpick(c) if c else None


SYS_POOL = [("HGX-H100-8GPU", 4), ("DGX-H100", 1), ("HGX-H200-8GPU", 4), ("HGX-B200-8GPU", 3), ("DGX-B200", 1)]
MOD_POOL = [("A100", 2), ("H100-SXM", 4), ("H100-PCIE", 2), ("H200", 4), ("B200", 3)]


def s_sg_false_enduser(g, net, a, date, k, silent):
    item = pick_item(g, date, SYS_POOL)
    row = div_row(g, net, a, date, item, int(clamp(g.r.lognormvariate(math.log(6), 0.8), 1, 40)), silent)
    t = (lambda p: False) if silent else g.p
    eu_c = "MY" if t(0.55) else "SG"
    eu = a.setdefault("eu", {})
    if eu_c not in eu:
        eu[eu_c] = (g.company(eu_c, KIND_WORDS["colo"] + KIND_WORDS["neocloud"]), g.address(eu_c), round(g.r.uniform(2, 40), 1))
    nm, ad, mw = eu[eu_c]
    row.update({"end_user_name": nm, "end_user_address": ad, "end_user_country": eu_c, "ship_to_type": "datacenter",
                "ship_to_name": nm + " DC", "ship_to_address": ad, "ship_to_country": eu_c, "declared_site_mw": mw})
    if t(0.40):
        row.update({"ship_to_name": a["fwd"] if g.p(0.6) else g.pick(LOGI), "ship_to_address": g.address("SG"),
                    "ship_to_country": "SG", "ship_to_type": g.pick(["forwarder", "logistics"])})
        row["forwarder"] = a["fwd"]
    hub = "MY" if t(0.45) else None
    row["installation_declined"] = "true" if t(0.55) else "false"
    if t(0.30):
        row["payer_name"], row["payer_country"] = net["payer"] if net["payer"][1] in ("HK", "CN") else \
            (g.company("HK", SHELL_WORDS), "HK")
    if t(0.25):
        row["contact_email"] = "%s%d@%s" % (g.pick(LAST).lower().replace("-", ""), g.r.randint(1, 99), g.pick(FREE_MAIL))
    if t(0.50):
        row["declared_end_use"] = g.pick(DIV_USE)
    if t(0.40):
        row["declared_site_mw"] = "" if g.p(0.5) else round(g.r.uniform(0.1, 0.5), 2)
    finish_route(row)
    if hub and row["ship_to_country"] != "MY":
        row["route"] += ";MY"
    return row


def s_neocloud_front(g, net, a, date, k, silent):
    item = pick_item(g, date, SYS_POOL if g.p(0.7) else MOD_POOL[1:])
    kind = ITEMS[item][0]
    base = 8 if kind == "sys" else 64
    qty = int(clamp(g.r.lognormvariate(math.log(base * (1 + 0.35 * k)), 0.6), 1, 512 if kind == "sys" else 4096))
    row = div_row(g, net, a, date, item, qty, silent)
    t = (lambda p: False) if silent else g.p
    row.update({"ship_to_type": "datacenter", "ship_to_name": a["name"].split(" ")[0] + " Compute Hall " + str(1 + k % 3),
                "declared_end_use": g.pick(SPECIFIC_USE["neocloud"])})
    if a.get("site"):
        row["ship_to_address"] = a["site"]
    gpus = qty * (8 if kind == "sys" else 1)
    mw_needed = gpus * 0.0014 * (k + 1)
    row["declared_site_mw"] = round(max(mw_needed * g.r.uniform(3, 20), 2), 1)
    if t(0.35):
        if t(0.08 / 0.35):
            row["end_user_parent"], row["end_user_parent_country"] = g.pick(NEAR_MISS)
        else:
            pc = g.wpick([("CN", 3), ("HK", 2), ("KY", 1.5), ("VG", 1)])
            row["end_user_parent"], row["end_user_parent_country"] = a.setdefault("parent", (g.company(pc, SHELL_WORDS), pc))
    if t(0.35):
        row["declared_site_mw"] = round(mw_needed * g.r.uniform(0.1, 0.6), 2)
    row["installation_declined"] = "true" if t(0.40) else "false"
    if t(0.30):
        pc = g.pick(["HK", "VG", "KY", "SG"])
        row["payer_name"], row["payer_country"] = (net["payer"] if net["payer"][1] == pc else (g.company(pc, SHELL_WORDS), pc))
    if t(0.20):
        row["contact_phone"] = g.phone(g.pick(["CN", "HK"]))
    if t(0.30):
        row["declared_end_use"] = g.pick(DIV_USE)
    finish_route(row)
    return row


def s_us_front_forwarder(g, net, a, date, k, silent):
    item = pick_item(g, date, MOD_POOL + [("HGX-H100-8GPU", 2), ("HGX-H200-8GPU", 2)])
    kind = ITEMS[item][0]
    qty = int(clamp(g.r.lognormvariate(math.log(3 if kind == "sys" else 24), 0.8), 1, 40 if kind == "sys" else 400))
    row = div_row(g, net, a, date, item, qty, silent)
    t = (lambda p: False) if silent else g.p
    if t(0.55):
        fc = g.wpick([("US", 2), ("SG", 1), ("MY", 1), ("TH", 0.7)]) if t(0.6) else "US"
        row.update({"ship_to_name": a["fwd"], "ship_to_address": a.setdefault("fwd_addr", g.address(fc)),
                    "ship_to_country": a.setdefault("fwd_c", fc), "ship_to_type": "forwarder"})
        row["forwarder"] = a["fwd"]
    if t(0.45):
        pc = g.pick(["HK", "HK", "CN", "SG"])
        row["payer_name"], row["payer_country"] = net["payer"] if net["payer"][1] == pc else (g.company(pc, SHELL_WORDS), pc)
    if a.get("resid") is None:
        a["resid"] = t(0.30)
    if a["resid"]:
        row["bill_to_address"] = row["end_user_address"] = a.setdefault("raddr", g.address("US", residential=True))
        if row["ship_to_type"] == "end_user":
            row["ship_to_address"] = row["bill_to_address"]
    if t(0.35):
        row["contact_email"] = "%s.%s%d@%s" % (g.pick(FIRST).lower()[:5], g.pick(LAST).lower()[:5], g.r.randint(1, 99), g.pick(FREE_MAIL))
    row["installation_declined"] = "true" if kind == "sys" and t(0.60) else ("false" if kind == "sys" else "")
    hub = g.pick(["SG", "MY", "TH"]) if t(0.40) else None
    if t(0.40):
        row["declared_end_use"] = g.pick(["property valuation analytics", "crypto mining", "resale", "gaming PCs", "AI"])
    if t(0.50):
        row["incoterm"] = g.pick(["EXW", "FCA"])
    if t(0.15):
        row["contact_phone"] = g.phone(g.pick(["HK", "CN"]))
    finish_route(row)
    if hub and hub not in row["route"]:
        row["route"] += ";" + hub
    return row


def s_card_consolidation(g, net, a, date, k, silent):
    item = pick_item(g, date, [("RTX-4090", 5), ("RTX-5090", 6)])
    qty = g.pick([2, 3, 4, 5, 6, 8, 8, 10, 10, 12, 16, 20])
    row = div_row(g, net, a, date, item, qty, silent)
    t = (lambda p: False) if silent else g.p
    row.update({"declared_end_use": g.pick(SPECIFIC_USE["workstation"] + ["gaming", "AI workstation build"]),
                "installation_declined": "", "incoterm": g.pick(["DAP", "FCA", "EXW", "CPT"])})
    if a.get("resid") is None:
        a["resid"] = t(0.50)
    if a["resid"]:
        ra = a.setdefault("raddr", g.address(a["country"], residential=True))
        row.update({"bill_to_address": ra, "end_user_address": ra, "ship_to_address": ra})
    if t(0.35):
        row.update({"ship_to_name": a["fwd"], "ship_to_type": "forwarder", "forwarder": a["fwd"],
                    "ship_to_address": net.setdefault("wh", g.address(a["country"]))})
    if t(0.55):
        row["contact_email"] = "%s%d@%s" % (g.pick(FIRST).lower()[:6].replace(" ", ""), g.r.randint(10, 999), g.pick(FREE_MAIL + CN_MAIL[:1]))
    if t(0.20):
        row["payer_name"], row["payer_country"] = net["payer"]
    if t(0.15):
        row.update({"ship_to_country": "HK", "ship_to_address": g.address("HK"), "ship_to_name": a["fwd"], "ship_to_type": "forwarder"})
    finish_route(row)
    return row


def s_lease_cover(g, net, a, date, k, silent):
    item = pick_item(g, date, SYS_POOL)
    row = div_row(g, net, a, date, item, int(clamp(g.r.lognormvariate(math.log(10), 0.8), 2, 96)), silent)
    t = (lambda p: False) if silent else g.p
    les = a.setdefault("lessee", {"c": g.pick(["TH", "ID", "IN", "MY", "AE"])})
    lc = les["c"]
    les.setdefault("name", g.company(lc, KIND_WORDS["neocloud"] + KIND_WORDS["colo"]))
    les.setdefault("addr", g.address(lc))
    row.update({"end_user_name": les["name"], "end_user_address": les["addr"], "end_user_country": lc,
                "ship_to_name": les["name"], "ship_to_address": les["addr"], "ship_to_country": lc,
                "ship_to_type": "datacenter", "declared_site_mw": les.setdefault("mw", round(g.r.uniform(3, 60), 1)),
                "declared_end_use": "equipment lease to " + les["name"] if g.p(0.5) else g.pick(SPECIFIC_USE["neocloud"])})
    if g.p(0.8):  # lessor pays -- inherent to the structure and common among legitimate buyers too
        row["payer_name"], row["payer_country"] = a["name"], a["country"]
    if les.get("young") is None:
        les["young"] = t(0.60)
    if les["young"] and not row["customer_since"] == "":
        row["customer_since"] = d2s(a["first"] - dt.timedelta(days=a.setdefault("lessee_age", g.r.randint(30, 300))))
    if t(0.25):
        pc = g.pick(["HK", "VG", "KY", "CN"])
        row["end_user_parent"], row["end_user_parent_country"] = les.setdefault("parent", (g.company(pc, SHELL_WORDS), pc))
    row["installation_declined"] = "true" if t(0.45) else "false"
    if t(0.35):
        row.update({"ship_to_name": a["fwd"] if g.p(0.5) else g.pick(LOGI), "ship_to_type": g.pick(["logistics", "forwarder"]),
                    "forwarder": a["fwd"]})
        if t(0.30 / 0.35):  # 30% overall end user in another country than ship-to
            sc = g.pick(["SG", "AE", "MY", "HK"])
            if sc != lc:
                row.update({"ship_to_country": sc, "ship_to_address": g.address(sc)})
    hub = g.pick(["AE", "HK"]) if t(0.30) else None
    if t(0.40):
        row["declared_site_mw"] = ""
    finish_route(row, hub)
    row["licence"] = licence_for(g, item, date, row["ship_to_country"])
    return row


def s_install_then_move(g, net, a, date, k, silent):
    t = (lambda p: False) if silent else g.p
    spare = t(0.30)
    if spare:
        item = pick_item(g, date, MOD_POOL[1:])
        qty = g.pick([64, 96, 128, 160, 256, 384, 512])
    else:
        item = pick_item(g, date, SYS_POOL)
        qty = int(clamp(g.r.lognormvariate(math.log(12), 0.8), 2, 128))
    row = div_row(g, net, a, date, item, qty, silent)
    row.update({"ship_to_type": "datacenter", "ship_to_name": a["name"].split(" ")[0] + " Data Hall",
                "declared_site_mw": a.setdefault("mw", round(g.r.uniform(8, 80), 1)),
                "declared_end_use": g.pick(SPECIFIC_USE["colo"] + SPECIFIC_USE["neocloud"]),
                "installation_declined": "false" if not spare else ""})
    if spare:
        row["declared_end_use"] = "spare GPU modules for installed fleet"
    if t(0.10):
        row["end_user_parent"], row["end_user_parent_country"] = a.setdefault("parent", (g.company("HK", SHELL_WORDS), "HK"))
    finish_route(row)
    return row


SCHEME_FN = {"sg_false_enduser": (s_sg_false_enduser, ["SG"], SHELL_WORDS, 0.40, "HK"),
             "neocloud_front": (s_neocloud_front, ["MY", "MY", "SG", "ID", "TH", "AE"], KIND_WORDS["neocloud"], 0.55, "HK"),
             "us_front_forwarder": (s_us_front_forwarder, ["US"], FRONT_WORDS, 0.50, "HK"),
             "card_consolidation": (s_card_consolidation, ["US", "US", "CA", "SG", "MY", "JP", "TW", "AU", "KR"],
                                    KIND_WORDS["workstation"] + ["Computer Trading", "PC Shop"], 0.55, "HK"),
             "lease_cover": (s_lease_cover, ["SG", "HK", "AE", "US", "US", "GB"], ["Equipment Leasing", "Asset Finance", "Capital Leasing"], 0.0, "HK"),
             "install_then_move": (s_install_then_move, ["MY", "MY", "TH", "ID", "IN", "IN", "VN", "AE", "SA"],
                                   KIND_WORDS["colo"] + KIND_WORDS["neocloud"], 0.30, "HK")}


def gen_scheme(g, scheme, share, silent_p, id_share, active, target):
    fn, hqs, words, young_p, pay_c = SCHEME_FN[scheme]
    out, nets = [], 0
    while len(out) < target:
        hq = g.pick(hqs)
        net = new_net(g, scheme, hq, g.pick([pay_c, pay_c, "CN", "SG"]))
        nets += 1
        start = g.date_in(active, END - dt.timedelta(days=30), 0.8)
        stop = min(END, start + dt.timedelta(days=g.r.randint(45, 300)))
        for _ in range(g.r.randint(3, 8)):
            country = hq if g.p(0.7) else g.pick(hqs)
            a = new_acct(g, net, country, words, id_share, young_p, silent_p)
            if scheme == "card_consolidation" and g.p(0.5):  # individual straw buyer
                a["name"] = "%s %s" % (g.pick(FIRST), g.pick(LAST))
            a_start = g.date_in(start, stop, 0)
            dates = sorted(g.date_in(a_start, stop, 0) for _ in range(g.r.randint(2, 10 if scheme != "card_consolidation" else 6)))
            for k, d in enumerate(dates):
                row = fn(g, net, a, d, k, a["silent"])
                if row["item"] is None:
                    continue
                if "licence" not in row:
                    row["licence"] = licence_for(g, row["item"], d, row["ship_to_country"])
                common_oddities(g, row, a["country"])
                out.append((row, scheme, a))
    return out[:target], nets


def build(seed, n):
    g = Gen(seed)
    custs = build_legit_customers(g, n)
    n_div = round(n * g.r.uniform(0.028, 0.032))
    orders, div_accts = [], {}
    for scheme, share, silent_p, id_share, active in SCHEMES:
        got, nets = gen_scheme(g, scheme, share, silent_p, id_share, active, round(n_div * share))
        for row, sch, a in got:
            orders.append((row, sch))
            div_accts[id(a)] = a["country"]
    segs = list(SEGMENTS)
    seg_w = [SEGMENTS[s][0] for s in segs]
    cum = {s: list(itertools.accumulate(c["w"] for c in custs[s])) for s in segs}
    while len(orders) < n:
        seg = g.r.choices(segs, weights=seg_w)[0]
        c = g.r.choices(custs[seg], cum_weights=cum[seg])[0]
        row = legit_order(g, c, g.date_in(c["first"], END))
        if row:
            orders.append((row, ""))
    orders = orders[:n] if len(orders) > n else orders
    g.r.shuffle(orders)
    orders.sort(key=lambda o: o[0]["order_date"])
    rows, truth, seq = [], [], {}
    for row, sch in orders:
        y = row["order_date"][:4]
        seq[y] = seq.get(y, 0) + 1
        row["order_id"] = "SO-%s-%06d" % (y, seq[y])
        row.pop("_origin", None)
        rows.append(row)
        truth.append([row["order_id"], "true" if sch else "false", sch])
    stats(custs, div_accts, truth)
    return rows, truth


def stats(custs, div_accts, truth):
    import sys
    nd = sum(1 for t in truth if t[2])
    by = {}
    for t in truth:
        if t[2]:
            by[t[2]] = by.get(t[2], 0) + 1
    print("rows %d diverted %d (%.2f%%) %s" % (len(truth), nd, 100.0 * nd / len(truth), by), file=sys.stderr)
    lc = {}
    for s in custs.values():
        for c in s:
            lc[c["country"]] = lc.get(c["country"], 0) + 1
    dc = {}
    for v in div_accts.values():
        dc[v] = dc.get(v, 0) + 1
    print("accounts legit/diverter: " + " ".join("%s %d/%d" % (k, lc.get(k, 0), dc[k]) for k in sorted(dc)), file=sys.stderr)


if __name__ == "__main__":
    main()
