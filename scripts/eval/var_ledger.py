#!/usr/bin/env python3
"""var_ledger.py -- synthetic order book of a secondary-market GPU broker / value-added reseller.

Evaluation data for a tool that ranks sales-ledger orders by the risk that export-controlled AI
accelerators are being diverted to China.  Written independently of the tool: nothing here was
derived from its rules, red-flag list, data or other generators.  Python 3.11 standard library only.

    python3 scripts/eval/var_ledger.py --seed 1 --orders 20000 --out DIR

writes DIR/ledger.csv (the order book) and DIR/truth.csv (order_id, diverted, scheme) and prints a
summary.  One random.Random(seed) drives everything: the output is a pure function of (seed, orders).

THE BUSINESS.  "Meridian Systems Exchange" (invented): Meridian Systems Exchange, Inc. (San Jose, US)
and Meridian Systems Exchange B.V. (Amsterdam; invoices most of Europe and Africa), 2023-01 to
2026-06.  It sells new stock bought from distributors AND refurbished / used stock bought back from
lessors, clouds refreshing fleets, failed start-ups and trade-ins: A100, H100 SXM/PCIe, H200, B200,
B300, L40S, L4, RTX-4090/5090, MI300X/MI325X, Gaudi 3 and HGX/DGX 8-GPU servers.  Unlike an OEM or a
distributor its book is long-tailed and marketplace-like.  Share of legitimate orders (seed 1):
resellers and brokers 22%, enterprises 20%, GPU clouds / colocation 14%, home labs and one-person
studios ordering 1-4 cards on the web shop 10% (a third of all accounts), system builders 10%,
universities 8%, AI start-ups 7% (a quarter of the new ones open with 4-32 servers), research labs
3%, crypto miners turned AI hosts 3% (new accounts, 10-300 MW sites), government 2%, and European /
US / Asian subsidiaries of Chinese groups 1.6% (mostly uncontrolled L4 / L20 / RTX-4090D, H20 before
April 2025; L40S-class cards for their EU/US sites).  ~45% of accounts are in the US, ~30% in
Europe, the rest worldwide, including the legitimate hub markets (Singapore, Johor, UAE, Taiwan,
Vietnam, Thailand, Indonesia, Hong Kong for uncontrolled parts).  Prices follow the market (2023
H100 scarcity premia, steady decline, refurbished units 15-40% below new, volume discounts); volume
roughly doubles from 2023 to 2025 with December / September (US federal year-end) peaks, a
European August dip and a web-shop Black-Friday bump; repeat business is Pareto-like.  Licences:
"D" + 7 digits, reused across an account's shipments, for controlled items to licence destinations
(CN, HK, MO, VN, KZ, AE, SA, QA); "NLR" or blank elsewhere, mostly blank for domestic sales.

BENIGN ODDITIES (share of legitimate orders, seed 1): no end user named 21% (brokers' stock for
resale 13%); third-party payer 10.5% (lessors 4%, parent companies, a spouse paying for a home lab,
a university foundation, a drop-ship customer), payer in another country 5.6%, payer in CN/HK 0.7%;
residential address 10% (home labs, founders' flats); webmail 17% (8% outside home labs); buyer's
forwarder in Miami / Dubai / London / Schiphol as consignee 2.2% (Latin-American and African
buyers), US parcel forwarders and parcel lockers for home labs 1%; forwarder named 12.5%; EXW/FCA
21%; ship-to country differs from bill-to 5.5% (drop-ships, foreign sites, forwarders); hub-country
consignee 4.7%, route through a hub 4.5%; end-user parent in CN/HK 1.2%; declined installation 11%
(own staff); vague or blank end use 21%; odd HS code 2.7%, blank 4.8%, HTS-10 formats 28%;
declared site power below the order's need 0.9% ("phase 1" figures); >15% over list price 1.9%
(2023 H100 and 2025 RTX-5090 scarcity); new customer (<=90 days) 26%; phone / mailbox shared with
another account 6% (group switchboards, procurement mailboxes, outsourced IT-procurement agents);
co-working and registered-agent addresses shared by unrelated start-ups 1.7%; licence blank on a
licensed shipment 0.2%; customer_since after the order 0.2% (CRM migration); blank fields 2-18%.

DIVERSION SCHEMES (~3% of orders; each scheme_* docstring gives its sources).  Each scheme is a
network of 3-14 shell / straw accounts with 2-30 orders each, placed in bursts.  Tell-tales are drawn
independently per order from per-scheme probabilities jittered per account (x0.5-1.5), so an order
shows only some of them.  25-35% of accounts are "clean": their orders carry no order-level
tell-tale beyond what their home country implies, and they are tied to the network only through
a shared phone, mailbox, bill-to or ship-to address, end user, or (S6) a copied licence number.
Every account shares at least one visible identifier with another account of its network.

  S1 sg_server_fraud     Singapore shells buying HGX servers for Johor data centres
  S2 alx_forwarder       Los Angeles-area LLCs shipping via Singapore / Malaysia forwarders
  S3 realty_front        Florida "realty" LLCs exporting A100s via Malaysia / Thailand
  S4 gatekeeper_relabel  Texas / New Jersey LLCs, US warehouse, goods mis-described
  S5 hand_carry_straws   individual straw buyers, parcel forwarders, luggage
  S6 gulf_neocloud       new UAE "AI clouds" without power, history or licence
  S7 grey_broker         Asian / US traders feeding the Shenzhen grey market with used cards

General sources for the tell-tales: BIS, "Know Your Customer" guidance and red flags (15 CFR Part
732, Supplement No. 3); BIS, "Industry Guidance to Prevent Diversion of Advanced Computing
Integrated Circuits" (13 May 2025): new IaaS customers without history, data centres without the
power for the order, declined installation, third-party / foreign payers, forwarders and
residential addresses as consignees, vague end uses.

The summary's tell-tales are computed from the written rows (plus an internal residential flag and
list price); they are this generator's own yardstick, not the tool's.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import os
import random
import unicodedata
from bisect import bisect_left
from itertools import accumulate

COLUMNS = ("order_id,order_date,seller,seller_country,bill_to_name,bill_to_address,"
           "bill_to_country,ship_to_name,ship_to_address,ship_to_country,ship_to_type,"
           "end_user_name,end_user_address,end_user_country,end_user_parent,"
           "end_user_parent_country,payer_name,payer_country,item,hs_code,quantity,"
           "unit_price_usd,currency,incoterm,forwarder,route,declared_end_use,"
           "installation_declined,customer_since,contact_email,contact_phone,"
           "declared_site_mw,licence").split(",")

def dord(s):
    return dt.date.fromisoformat(s).toordinal()

def iso(o):
    return dt.date.fromordinal(o).isoformat()

START, END = dord("2023-01-01"), dord("2026-06-30")
SELLERS = {"US": "Meridian Systems Exchange, Inc.", "NL": "Meridian Systems Exchange B.V."}

# ---------------------------------------------------------------- catalogue
# item: (kind, kW per unit incl. overhead, popularity anchors, new-price anchors)
# kinds: dc = training card/module, inf = inference card, cons = consumer card,
# cnm = China-market card, srv = 8-GPU server (quantity = servers)
ITEMS = {
    "A100": ("dc", .5, "23-01:1 24-01:.6 25-01:.35 26-06:.25",
             "23-01:15000 23-09:17500 24-06:12000 25-06:8500 26-06:6500"),
    "H100-PCIE": ("dc", .8, "23-01:.3 23-06:.9 24-06:.8 25-06:.45 26-06:.3",
                  "23-01:30000 23-09:36000 24-06:27000 25-06:22000 26-06:18000"),
    "H100-SXM": ("dc", .9, "23-03:.2 24-01:.4 25-06:.3 26-06:.2",
                 "23-03:33000 23-09:40000 24-06:30000 25-06:23000 26-06:18000"),
    "H200": ("dc", 1.0, "24-08:.15 25-01:.6 26-06:.5", "24-08:36000 25-06:31000 26-06:26000"),
    "B200": ("dc", 1.3, "25-01:.2 25-09:.7 26-06:.8", "25-01:45000 26-06:38000"),
    "B300": ("dc", 1.5, "25-09:.1 26-06:.5", "25-09:55000 26-06:50000"),
    "MI300X": ("dc", 1.0, "24-01:.2 24-09:.4 26-06:.3", "24-01:16000 25-01:14500 26-06:12000"),
    "MI325X": ("dc", 1.2, "25-01:.1 25-09:.25 26-06:.25", "25-01:22000 26-06:18000"),
    "GAUDI3": ("dc", 1.0, "24-10:.08 26-06:.1", "24-10:15500 26-06:12500"),
    "L40S": ("inf", .45, "23-09:.3 24-06:.8 26-06:.6", "23-09:11000 24-06:9000 26-06:7000"),
    "L4": ("inf", .1, "23-01:.5 26-06:.45", "23-01:2800 26-06:2000"),
    "RTX-4090": ("cons", .5, "23-01:1 24-06:1 25-01:.7 25-06:.4 26-06:.3",
                 "23-01:1800 23-11:2200 24-12:2000 25-06:2400 26-06:2000"),
    "RTX-5090": ("cons", .65, "25-02:.5 25-06:1 26-06:1", "25-02:3200 25-08:2600 26-06:2800"),
    "A800": ("cnm", .5, "23-01:.3 23-10:.3", "23-01:14000 23-10:15000"),
    "H20": ("cnm", .5, "24-02:.6 25-04:.6", "24-02:13000 25-04:11000"),
    "L20": ("cnm", .35, "23-12:.6 26-06:.5", "23-12:4500 26-06:3500"),
    "RTX-4090D": ("cnm", .5, "24-01:.8 26-06:.5", "24-01:1900 26-06:1700"),
    "HGX-H100-8GPU": ("srv", 10.2, "23-03:.3 23-09:.8 24-06:.8 25-06:.4 26-06:.3",
                      "23-03:290000 23-09:330000 24-06:250000 25-06:190000 26-06:150000"),
    "DGX-H100": ("srv", 10.2, "23-03:.2 24-01:.35 25-06:.15 26-06:.1", "23-03:420000 24-06:340000 26-06:230000"),
    "HGX-H200-8GPU": ("srv", 10.5, "24-09:.2 25-03:.8 26-06:.6", "24-09:320000 25-06:290000 26-06:240000"),
    "HGX-B200-8GPU": ("srv", 14.3, "25-02:.2 25-09:.8 26-06:1", "25-02:450000 26-06:380000"),
    "DGX-B200": ("srv", 14.3, "25-03:.1 25-09:.3 26-06:.3", "25-03:520000 26-06:450000"),
}

def _anchors(s):
    """"YY-MM:value ..." -> [(ordinal of the 1st of that month, value), ...]"""
    return [(dord(f"20{a}-01"), float(b)) for a, b in (p.split(":") for p in s.split())]

KIND = {k: v[0] for k, v in ITEMS.items()}
KW = {k: v[1] for k, v in ITEMS.items()}
POP = {k: _anchors(v[2]) for k, v in ITEMS.items()}
PRICE = {k: _anchors(v[3]) for k, v in ITEMS.items()}
FIRST = {k: v[0][0] for k, v in POP.items()}
LAST = {k: (v[-1][0] if KIND[k] == "cnm" and k != "L20" and k != "RTX-4090D" else END) for k, v in POP.items()}
BY_KIND = {}
for _k in ITEMS:
    BY_KIND.setdefault(KIND[_k], []).append(_k)

def interp(anch, o):
    if o <= anch[0][0]:
        return anch[0][1]
    for (o0, v0), (o1, v1) in zip(anch, anch[1:]):
        if o <= o1:
            return v0 + (v1 - v0) * (o - o0) / (o1 - o0)
    return anch[-1][1]

def controlled(item, o):
    """Licence needed for CN/HK/MO (simplified US rules, 2022-2025)."""
    if item in ("L20", "RTX-4090D"):
        return False
    if item == "H20":
        return o >= dord("2025-04-09")
    if item in ("A800", "L4", "L40S", "RTX-4090", "RTX-5090"):
        return o >= dord("2023-11-17")
    return True

CNHK = ("CN", "HK", "MO")
LIC_DEST = ("CN", "HK", "MO", "VN", "KZ", "AE", "SA", "QA")
HUBS = ("SG", "MY", "TH", "HK", "MO", "AE", "VN", "ID")
EMEA_NL = ("GB IE DE NL BE FR CH AT IT ES PT PL CZ SE FI NO DK IS LU CY ZA NG KE EG TR IL").split()
WEBMAIL = ("gmail.com outlook.com hotmail.com yahoo.com proton.me icloud.com qq.com 163.com 126.com "
           "naver.com yahoo.co.jp gmx.de web.de orange.fr").split()
NORMAL_HS = {"card": ("847330", "847180", "854231"), "srv": ("847150", "847149", "847141")}
ODD_HS = ("8517.62", "8543.70", "8504.40", "8471.70", "8542.39", "8528.52", "9504.50", "8473.50")
VAGUE = ("", "general computing", "resale", "IT equipment", "research", "AI", "computer parts", "stock")

# ---------------------------------------------------------------- geography
# cc: "dial style e-mail-tld legal|forms / City,Region,postcode-pattern;... / street|street|..."
C = {
 "US": "1 us com Inc.|LLC|Corp.|LLC|Inc. / San Jose,CA,951##;Austin,TX,787##;Seattle,WA,981##;Boston,MA,021##;"
       "New York,NY,100##;Chicago,IL,606##;Atlanta,GA,303##;Dallas,TX,752##;Denver,CO,802##;Raleigh,NC,276##;"
       "Phoenix,AZ,850##;Columbus,OH,432##;Pittsburgh,PA,152##;Houston,TX,770##;Santa Clara,CA,950##;"
       "Ashburn,VA,201##;Portland,OR,972##;Miami,FL,331##;Ann Arbor,MI,481##;Irvine,CA,926##;"
       "City of Industry,CA,917##;Los Angeles,CA,900##;Tampa,FL,336##;Huntsville,AL,358##;Edison,NJ,088## / "
       "Oak St|Market St|Mission Blvd|Technology Dr|Commerce Way|Innovation Pkwy|Lake Ave|Park Rd|Ridge Rd|"
       "Industrial Blvd|Harbor Dr|Main St|Elm St|Maple Ave|Research Blvd|Airport Rd|Sunset Dr|Hillcrest Ln",
 "CA": "1 us ca Inc.|Ltd.|Corp. / Toronto,ON,M5V #A#;Vancouver,BC,V6B #A#;Montreal,QC,H3B #A#;Ottawa,ON,K1P #A#;"
       "Calgary,AB,T2P #A#;Waterloo,ON,N2L #A# / King St W|Bay St|Granville St|Rue Sainte-Catherine|Innovation Dr",
 "MX": "52 latam com.mx S.A. de C.V.|S. de R.L. de C.V. / Ciudad de México,CDMX,06###;Monterrey,NL,64###;"
       "Guadalajara,JAL,44###;Querétaro,QRO,76### / Av. Paseo de la Reforma|Av. Insurgentes Sur|Calle Morelos",
 "BR": "55 latam com.br Ltda.|S.A. / São Paulo,SP,01###-###;Rio de Janeiro,RJ,20###-###;Campinas,SP,13###-### / "
       "Av. Paulista|Rua Augusta|Av. Brigadeiro Faria Lima|Av. Rio Branco",
 "AR": "54 latam com.ar S.A.|S.R.L. / Buenos Aires,CABA,C1###AAA;Córdoba,CBA,X5000AAA / Av. Corrientes|Av. Santa Fe",
 "CL": "56 latam cl SpA|S.A. / Santiago,RM,75#####;Valparaíso,V,23##### / Av. Apoquindo|Av. Providencia",
 "CO": "57 latam com.co S.A.S.|S.A. / Bogotá,DC,110###;Medellín,ANT,050### / Calle 93|Carrera 7|Av. El Poblado",
 "PE": "51 latam pe S.A.C.|S.A. / Lima,LIM,15### / Av. Javier Prado|Av. Larco",
 "PY": "595 latam com.py S.A.|S.R.L. / Asunción,ASU,1###;Hernandarias,AAP,7### / Av. Mariscal López|Ruta PY02",
 "GB": "44 uk co.uk Ltd|Limited|plc|Ltd / London,ENG,EC#A #AA;Manchester,ENG,M# #AA;Cambridge,ENG,CB# #AA;"
       "Edinburgh,SCT,EH# #AA;Bristol,ENG,BS# #AA;Reading,ENG,RG# #AA / High Street|Station Road|Church Lane|"
       "Victoria Road|Science Park|Kings Road|Mill Lane",
 "IE": "353 uk ie Ltd|DAC|Limited / Dublin,D,D0# A#A#;Cork,CO,T12 A#A#;Galway,G,H91 A#A# / Grand Canal Quay|"
       "Harcourt Street|Eastgate Road",
 "DE": "49 eu de GmbH|AG|GmbH|GmbH & Co. KG / Berlin,BE,10###;München,BY,80###;Frankfurt am Main,HE,60###;"
       "Hamburg,HH,20###;Stuttgart,BW,70###;Köln,NW,50###;Dresden,SN,01###;Karlsruhe,BW,76### / Industriestraße|"
       "Hauptstraße|Bahnhofstraße|Gartenstraße|Lindenweg|Kaiserstraße|Am Technologiepark|Ringstraße",
 "NL": "31 eu nl B.V.|N.V.|B.V. / Amsterdam,NH,10## AA;Eindhoven,NB,56## AA;Rotterdam,ZH,30## AA;Delft,ZH,26## AA;"
       "Haarlemmermeer,NH,21## AA / Stationsweg|Kerkstraat|Industrieweg|Schipholweg|Science Park|Hoofdweg",
 "BE": "32 eu be NV|SRL|BV / Brussel,BRU,1###;Antwerpen,VAN,2###;Leuven,VBR,3### / Rue de la Loi|Kerkstraat",
 "FR": "33 fr fr SAS|SA|SARL / Paris,IDF,75###;Lyon,ARA,69###;Grenoble,ARA,38###;Toulouse,OCC,31###;Saclay,IDF,91###"
       " / rue de la République|avenue Victor Hugo|rue Pasteur|allée des Sciences|boulevard Haussmann",
 "CH": "41 eu ch AG|SA|GmbH / Zürich,ZH,80##;Genève,GE,12##;Lausanne,VD,10##;Zug,ZG,63## / Bahnhofstrasse|"
       "Route de Meyrin|Technoparkstrasse|Baarerstrasse",
 "AT": "43 eu at GmbH|AG / Wien,W,1###;Graz,ST,8###;Linz,OÖ,4### / Mariahilfer Straße|Industriestraße",
 "IT": "39 eu it S.r.l.|S.p.A. / Milano,MI,201##;Roma,RM,001##;Torino,TO,101##;Bologna,BO,401## / Via Roma|"
       "Via dell'Industria|Corso Italia|Viale Europa",
 "ES": "34 eu es S.L.|S.A. / Madrid,M,280##;Barcelona,B,080##;Valencia,V,460## / Calle de Alcalá|Avinguda Diagonal|"
       "Calle Mayor|Paseo de la Castellana",
 "PT": "351 eu pt Lda.|S.A. / Lisboa,LIS,1###-###;Porto,POR,4###-### / Avenida da Liberdade|Rua Augusta",
 "PL": "48 eu pl sp. z o.o.|S.A. / Warszawa,MZ,00-###;Kraków,MA,30-###;Wrocław,DS,50-### / ul. Marszałkowska|"
       "ul. Prosta|ul. Przemysłowa",
 "CZ": "420 eu cz s.r.o.|a.s. / Praha,PR,1## ##;Brno,JM,6## ## / Václavské náměstí|Technická",
 "SE": "46 eu se AB / Stockholm,AB,1## ##;Göteborg,O,4## ##;Luleå,BD,97# ##;Lund,M,22# ## / Kungsgatan|"
       "Industrivägen|Teknikringen|Hamngatan",
 "FI": "358 eu fi Oy|Oyj / Helsinki,U,00###;Espoo,U,02###;Kajaani,K,87### / Mannerheimintie|Teollisuuskatu",
 "NO": "47 eu no AS|ASA / Oslo,O,0###;Bergen,V,5###;Stavanger,R,4### / Karl Johans gate|Industriveien",
 "DK": "45 eu dk ApS|A/S / København,H,1###;Aarhus,M,8### / Vesterbrogade|Industrivej",
 "IS": "354 eu is ehf.|hf. / Reykjavík,RK,1##;Reykjanesbær,SU,2## / Borgartún|Grænásbraut",
 "LU": "352 eu lu S.à r.l.|S.A. / Luxembourg,LU,L-#### / Boulevard Royal|Rue de Hollerich",
 "CY": "357 eu com.cy Ltd / Limassol,LI,3###;Nicosia,NI,1### / Arch. Makariou III Ave|Agiou Andreou",
 "IL": "972 gen co.il Ltd. / Tel Aviv,TA,6######;Haifa,HA,3######;Herzliya,TA,46##### / Rothschild Blvd|"
       "HaBarzel St|Matam Park",
 "TR": "90 gen com.tr A.Ş.|Ltd. Şti. / İstanbul,IST,34###;Ankara,ANK,06### / Büyükdere Cd.|Teknokent",
 "AE": "971 ae ae LLC|FZ-LLC|FZE|DMCC / Dubai,DU,;Abu Dhabi,AZ,;Sharjah,SH, / Sheikh Zayed Road|Al Khail Road|"
       "Jebel Ali Free Zone|Dubai Silicon Oasis|Jumeirah Lakes Towers|Al Maryah Island",
 "SA": "966 ae sa Co.|LLC / Riyadh,RD,1####;Jeddah,MK,2####;Dammam,SH,3#### / King Fahd Road|Olaya Street",
 "QA": "974 ae qa W.L.L.|LLC / Doha,DA, / Lusail Blvd|West Bay",
 "IN": "91 gen in Pvt. Ltd.|Ltd. / Bengaluru,KA,560###;Hyderabad,TG,500###;Mumbai,MH,400###;Pune,MH,411###;"
       "Chennai,TN,600### / Outer Ring Road|MG Road|HITEC City|Bandra Kurla Complex",
 "SG": "65 sg com.sg Pte. Ltd. / Singapore,SG,###### / Changi Business Park Cres|Tai Seng Ave|Ubi Ave 1|"
       "Jurong West St 91|Kallang Way|Ang Mo Kio St 62|Loyang Way|Tampines Ind Ave",
 "MY": "60 gen com.my Sdn. Bhd. / Kuala Lumpur,WP,50###;Cyberjaya,SGR,63###;Johor Bahru,JHR,81###;Kulai,JHR,81###;"
       "Bayan Lepas,PNG,11### / Jalan Ampang|Jalan Tun Razak|Persiaran Multimedia|Jalan Perindustrian|Jalan Sedenak",
 "TH": "66 gen co.th Co., Ltd. / Bangkok,BKK,10###;Chon Buri,CBI,20###;Samut Prakan,SPK,10### / Sukhumvit Road|"
       "Rama IV Road|Bangna-Trad Road",
 "VN": "84 gen vn JSC|Co., Ltd. / Hà Nội,HN,100000;Hồ Chí Minh,HCM,700000;Bắc Ninh,BN,790000 / Phạm Văn Đồng|"
       "Nguyễn Huệ|KCN Yên Phong",
 "ID": "62 gen co.id Tbk / Jakarta,JK,1####;Batam,KR,29### / Jl. Jend. Sudirman|Jl. Gatot Subroto",
 "PH": "63 gen ph Inc.|Corp. / Manila,MM,1###;Makati,MM,12## / Ayala Ave|EDSA",
 "JP": "81 jp co.jp K.K.|Co., Ltd. / Tokyo,13,1##-####;Osaka,27,5##-####;Yokohama,14,2##-####;Fukuoka,40,8##-####"
       " / Minato-ku|Chiyoda-ku|Shinagawa-ku|Kita-ku|Nishi-ku",
 "KR": "82 gen co.kr Co., Ltd.|Inc. / Seoul,11,0####;Seongnam,41,13###;Daejeon,30,34### / Teheran-ro|Pangyo-ro|"
       "Gwanak-ro|Daehak-ro",
 "TW": "886 gen com.tw Co., Ltd.|Corp. / Taipei,TPE,1##;Hsinchu,HSZ,300;Taichung,TXG,4##;New Taipei,NWT,2## / "
       "Neihu Rd|Ruiguang Rd|Keyuan Rd|Zhongshan N. Rd",
 "HK": "852 hk com.hk Limited|Co., Limited / Kowloon Bay,KLN,;Kwun Tong,KLN,;Wan Chai,HK,;Tsuen Wan,NT,;"
       "Sheung Wan,HK, / Wang Chiu Road|Hoi Bun Road|Hennessy Road|Sha Tsui Road|Connaught Road Central",
 "CN": "86 gen com.cn Co., Ltd.|Technology Co., Ltd. / Shenzhen,GD,518###;Shanghai,SH,200###;Beijing,BJ,100###;"
       "Hangzhou,ZJ,310###;Suzhou,JS,215### / Keyuan Road|Zhangjiang Hi-Tech Park|Zhongguancun Ave|Wenyi West Road",
 "KZ": "7 gen kz LLP|JSC / Almaty,ALA,050###;Astana,AST,010### / Al-Farabi Ave|Mangilik El Ave",
 "AU": "61 gen com.au Pty Ltd / Sydney,NSW,2###;Melbourne,VIC,3###;Brisbane,QLD,4###;Perth,WA,6### / George St|"
       "Collins St|Eagle St|Hay St|Epping Rd",
 "NZ": "64 gen co.nz Ltd / Auckland,AUK,1###;Wellington,WGN,6### / Queen St|Lambton Quay",
 "ZA": "27 gen co.za (Pty) Ltd / Johannesburg,GP,2###;Cape Town,WC,8### / Rivonia Rd|Bree St",
 "NG": "234 gen com.ng Ltd|Nigeria Ltd / Lagos,LA,1#####;Abuja,FC,9##### / Adeola Odeku St|Admiralty Way",
 "KE": "254 gen co.ke Ltd|Limited / Nairobi,NBO,00### / Waiyaki Way|Ngong Road",
 "EG": "20 gen com.eg S.A.E.|LLC / Cairo,C,11###;Giza,GZ,12### / Smart Village|Tahrir St",
 "VG": "1284 gen vg Ltd.|Holdings Ltd. / Road Town,TT,VG1110 / Wickhams Cay II|Main Street",
}
GEO = {}
for _cc, _spec in C.items():
    _head, _cities, _streets = _spec.split(" / ")
    _dial, _sty, _tld, _forms = _head.split(" ", 3)
    GEO[_cc] = (_dial, _sty, _tld, [tuple(c.split(",")) for c in _cities.split(";")], _streets.split("|"),
                _forms.split("|"))

ROOTS = ("Aster Borealis Cobalt Ember Fulcrum Granite Helix Juniper Keystone Lumen Mosaic Nimbus Orion Pinnacle "
         "Quartz Redwood Summit Tessera Vertex Willow Zephyr Altair Beacon Cedar Evergreen Falcon Harbor Iris "
         "Kinetic Lattice Meadow Nova Onyx Polaris Riverbend Sable Tidal Vantage Wren Zenith Arclight Bluestem "
         "Cirrus Elmstead Foxglove Glacier Hawthorn Ironwood Larkspur Monarch Northwind Oakhurst Prairie "
         "Ridgeline Silverline Thornbury Upland Vireo Westbrook Alder Basalt Corvid Dovetail Estuary Ferrum "
         "Gradient Halcyon Inkwell Jetstream Kelvin Lodestar Marlin Neon Obsidian Parallax Quasar Rook Sextant "
         "Talon Umbra Vesper Wavelet Axiom Boreal Catalyst Drumlin Equinox Fathom Gossamer Heron").split()
ROOTS_ASIA = ("Tianrui Xinheng Huayu Jinlong Ruixin Hongda Shengtai Kaiyuan Dahua Meilin Fengyuan Yuanheng Fuxing "
              "Longsheng Haitian Zhongke Jiahe Baoli Sakura Hikari Aozora Taiyo Midori Hanbit Saerom Daon Nuri "
              "Bintang Sinar Mekar Cahaya Lotus Golden-Dragon Pearl Jade-Harbour Sunrise Evertop Unitech Asiatek").split()
ROOTS_ME = "Al Noor|Sahara|Oasis|Najm|Rimal|Bayan|Safwa|Zahra|Amwaj|Noura|Sadeem|Wafra".split("|")
FIRST_W = ("James Mary Robert Linda Michael Sarah David Emily Daniel Jessica Chris Ashley Matthew Laura Andrew "
           "Rachel Kevin Megan Brian Nicole Tom Anna Lukas Sophie Jonas Emma Felix Lea Pierre Camille Marco Giulia "
           "Javier Lucía João Ana Piotr Kasia Erik Ingrid Noah Olivia Omar Layla Tariq Fatima Diego Sofia").split()
LAST_W = ("Smith Johnson Brown Miller Davis Wilson Taylor Anderson Thomas Moore Martin Clark Lewis Walker Hall Young "
          "King Wright Scott Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Evans Turner Parker "
          "Collins Stewart Morris Murphy Cook Morgan Cooper Reed Bailey Kelly Ward Brooks Bennett Gray Hughes Price "
          "Müller Schmidt Fischer Weber Wagner Becker Dubois Laurent Rossi Russo García Martínez López Silva "
          "Santos Kowalski Nowak Jansen Bakker Andersson Nielsen Hansen Cohen Levi Haddad Nasser").split()
FIRST_A = ("Wei Jun Li Hao Yan Ming Xiaoming Jing Tao Lei Hui Kenji Yuki Haruto Minjun Jiwoo Arjun Priya Rahul "
           "Ananya Duc Linh Siti Ahmad Kai Mei Yong Chun").split()
LAST_A = ("Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Lin Guo He Tan Lim Ng Wong Lee Chan Nguyen Tran "
          "Kim Park Choi Sato Suzuki Tanaka Ito Gupta Singh Kumar").split()
ASIA_CC = ("SG MY TH VN ID PH JP KR TW HK CN").split()

def ascii_slug(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(ch for ch in s.lower() if ch.isalnum())

def wpick(rng, pairs):
    tot = 0.0
    for _, w in pairs:
        tot += w
    r = rng.random() * tot
    for v, w in pairs:
        r -= w
        if r < 0:
            return v
    return pairs[-1][0]

def jitter(rng, p):
    return min(.97, p * rng.uniform(.5, 1.5))

# ---------------------------------------------------------------- generator state
class World:
    """Random source, calendar weights and shared pools (colocation sites, forwarders, lessors)."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.cache, self.used, self.groups = {}, {}, []
        self.cum = {p: list(accumulate(self._dayweight(o, p) for o in range(START, END + 1))) for p in ("biz", "web")}
        self.cowork = {cc: [self.address(cc) for _ in range(2)] for cc in ("US", "GB", "DE", "SG", "FR")}
        self.regagent = ["410 Registry Plaza, Suite 300, Dover, DE 19901", "30 N Gould St, Ste R, Sheridan, WY 82801"]
        mk = self.mkfwd
        self.fwd_latam = [mk(n, "US", "Miami") for n in ("Atlas Andina Cargo Inc.", "Trans-Caribe Logistics Corp.",
                                                         "Biscayne Air Freight Consolidators LLC")]
        self.fwd_africa = [mk("Gulfbridge Freight Services LLC", "AE", "Dubai"), mk("Kestrel Logistics B.V.", "NL"),
                           mk("Heathrow Lanes Forwarding Ltd", "GB", "London")]
        self.fwd_big = [mk(n, cc) for n, cc in (("Pangaea Global Logistics Inc.", "US"), ("Nordlicht Spedition GmbH", "DE"),
                        ("Orient Crescent Logistics Ltd", "GB"), ("Lion City Forwarding Pte. Ltd.", "SG"),
                        ("Harbour Crest Freight Ltd", "HK"), ("Sakura Air Cargo K.K.", "JP"))]
        self.fwd_parcel = [mk("ShipNest Parcel Forwarding", "US", "Portland"), mk("BoxBridge Forwarding LLC", "US")]
        self.lessors = [("Northgate Technology Finance LLC", "US"), ("Liffey Compute Leasing DAC", "IE"),
                        ("Kaiun Lease Co., Ltd.", "JP"), ("Rhein Asset Finance GmbH", "DE"),
                        ("Orchard Capital Leasing Pte. Ltd.", "SG"), ("Prairie Equipment Capital LLC", "US")]

    @staticmethod
    def _dayweight(o, prof):
        d = dt.date.fromordinal(o)
        wd = 1.0 if d.weekday() < 5 else (.7 if prof == "web" else .1)
        if (d.month == 12 and d.day >= 24) or (d.month == 1 and d.day == 1):
            wd *= .3
        return interp(TREND, o) * (MONTH_WEB if prof == "web" else MONTH_BIZ)[d.month - 1] * wd

    def date_in(self, a, b, prof="biz"):
        """A day in [a, b] drawn with trend x seasonality x weekday weights."""
        cum = self.cum[prof]
        lo, hi = (cum[a - START - 1] if a > START else 0.0), cum[b - START]
        i = bisect_left(cum, lo + self.rng.random() * (hi - lo))
        return START + min(max(i, a - START), b - START)

    def lessor(self, cc):
        region = (("US",) if cc in ("US", "CA", "MX", "BR") else ("SG", "JP") if cc in ASIA_CC + ["AU", "IN"]
                  else ("IE", "DE"))
        cands = [x for x in self.lessors if x[1] in region]
        return self.rng.choice(cands if self.rng.random() < .9 else self.lessors)

    def mkfwd(self, name, cc, city=None):
        return (name, self.address(cc, city=next((c for c in GEO[cc][3] if c[0] == city), None)), cc)

    def pc(self, pat):
        r = self.rng
        return "".join(str(r.randint(0, 9)) if ch == "#" else r.choice("ABCDEFGHJKLMNPRSTUVWXY") if ch == "A"
                       else ch for ch in pat)

    def address(self, cc, resid=False, city=None):
        r = self.rng
        sty, cities, streets = GEO[cc][1], GEO[cc][3], GEO[cc][4]
        c = city or r.choice(cities)
        st, n, pc, u = r.choice(streets), r.randint(1, 240), self.pc(c[2]), r.randint(1, 40)
        if sty == "us":
            unit = ((f", Apt {u}{r.choice('ABCDEF')}" if r.random() < .55 else "") if resid
                    else (f", Suite {u * 10}" if r.random() < .7 else ""))
            return f"{r.randint(10, 19999)} {st}{unit}, {c[0]}, {c[1]} {pc}"
        fmt = {"eu": "{st} {n}, {pc} {c}", "fr": "{n} {st}, {pc} {c}",
               "uk": ("Flat {u}, " if resid else "Unit {u}, " if u < 20 else "") + "{n} {st}, {c} {pc}",
               "latam": "{st} {m}" + (", Depto {u}" if resid else "") + ", {c}, {reg} {pc}",
               "sg": ("Blk " if resid else "") + "{n} {st}, #{fl:02d}-{u:02d}, Singapore {pc}",
               "jp": "{d}-{u}-{n} {st}, {c} {pc}", "hk": ("Flat" if resid else "Unit") + " {L}{u}, {fl}/F, {n} {st}, {c}",
               "ae": ("Villa" if resid else "Office") + " {m}, {st}, {c}, PO Box {box}",
               "gen": "{n} {st}" + (", Apt {u}" if resid else "") + ", {c} {pc}"}[sty]
        return fmt.format(st=st, n=n, pc=pc, u=u, c=c[0], reg=c[1], m=r.randint(100, 3999), fl=r.randint(1, 25),
                          d=r.randint(1, 9), L=r.choice("ABCDEFGH"), box=r.randint(1000, 99999)).strip()

    def phone(self, cc):
        r, dial = self.rng, GEO[cc][0]
        if dial == "1":
            return f"+1 {r.randint(201, 989)} {r.randint(200, 999)} {r.randint(0, 9999):04d}"
        return f"+{dial} {r.randint(10, 99)} {r.randint(1000, 9999)} {r.randint(100, 9999)}"

    def company(self, cc, words, root=None, form=None):
        r = self.rng
        for _ in range(20):
            pool = (ROOTS_ASIA if cc in ASIA_CC and r.random() < .7 else
                    ROOTS_ME if cc in ("AE", "SA", "QA") and r.random() < .6 else ROOTS)
            rt, wd, f = root or r.choice(pool), r.choice(words) if words else "", r.choice(GEO[cc][5]) if form is None else form
            name = f"PT {rt} {wd}".strip() if cc == "ID" else " ".join(x for x in (rt, wd, f) if x)
            if name not in self.used:
                break
        self.used[name] = 1
        return name

    def person(self, cc):
        r = self.rng
        asian = cc in ASIA_CC or r.random() < .18
        return f"{r.choice(FIRST_A if asian else FIRST_W)} {r.choice(LAST_A if asian else LAST_W)}"

    def email(self, who, domain=None, webmail=False):
        r = self.rng
        p = [ascii_slug(x) for x in who.split()[:2]] + ["x"]
        if webmail or not domain:
            dom = r.choice(WEBMAIL[:6] if r.random() < .85 else WEBMAIL)
            return f"{p[0]}.{p[1]}{r.randint(1, 99) if r.random() < .6 else ''}@{dom}"
        local = r.choice(("procurement", "purchasing", "it", "ops", "finance", "orders", f"{p[0]}.{p[1]}", p[0][:1] + p[1]))
        return f"{local}@{domain}"

    @staticmethod
    def domain(name, cc):
        return f"{ascii_slug(' '.join(name.split()[:2]))[:18]}.{GEO[cc][2]}"

    def agent(self, cc):
        """Outsourced IT-procurement agent whose phone and mailbox several small clients use."""
        if ("agent", cc) not in self.cache:
            names = [self.company(cc, ["IT Procurement", "Sourcing Services", "IT Consulting"]) for _ in range(2)]
            self.cache[("agent", cc)] = [(self.phone(cc), self.email(self.person(cc), self.domain(n, cc))) for n in names]
        return self.rng.choice(self.cache[("agent", cc)])

    def colo(self, cc):
        if cc not in self.cache:
            brands = ("NorthPort Data Centres", "Coreline Colocation", "Helios Hyperscale", "Keel Data Centers",
                      "Vantara Edge", "Stratos Colo", "Arcadia Colocation")
            self.cache[cc] = [(f"{self.rng.choice(brands)} {cc}{i + 1}", self.address(cc), cc) for i in range(4)]
        return self.rng.choice(self.cache[cc])

TREND = _anchors("23-01:.55 23-07:.85 24-01:1 24-07:1.15 25-01:1.3 25-07:1.35 26-06:1.3")
MONTH_BIZ = (.85, .9, 1.05, .95, 1.0, 1.1, .9, .85, 1.15, 1.0, 1.05, 1.15)
MONTH_WEB = (.9, .85, .9, .9, .9, .95, .95, .95, 1.0, 1.0, 1.35, 1.3)

# ---------------------------------------------------------------- prices, items, quantities

def ref_price(item, o):   # list price of a new unit on day o
    return interp(PRICE[item], o)

def unit_price(w, item, o, q, refurb_p, premium_p):
    r = w.rng
    p = ref_price(item, o)
    if r.random() < refurb_p:
        p *= r.uniform(.6, .85)
    p *= 1 - min(.08, .012 * math.log2(max(q, 1)))
    p *= r.gauss(1, .035)
    if r.random() < premium_p:
        p *= r.uniform(1.16, 1.4)
    return round(max(p, 50.0), 2)

def refurb_prob(item, o, seg=None):
    age = (o - FIRST[item]) / 365.0
    base = min(.85, .08 + .25 * age) if KIND[item] in ("dc", "srv") else .12
    if item == "A100":
        base = max(base, .55 if o > dord("2024-03-01") else .3)
    if seg in ("homelab", "reseller"):
        base = min(.9, base + .25)
    return base

def available(item, o):
    return FIRST[item] <= o <= LAST[item]

def pick_item(w, catw, o, allow=None):
    r = w.rng
    for _ in range(6):
        cat = wpick(r, catw)
        cands = [(it, interp(POP[it], o)) for it in BY_KIND.get(cat, ()) if available(it, o)
                 and (allow is None or it in allow)]
        if cands:
            return wpick(r, cands)
    cands = [(it, 1.0) for it in (allow or ("A100", "L4", "RTX-4090")) if available(it, o)]
    return wpick(r, cands) if cands else "L4"

def qty(w, lo, hi):
    r = w.rng
    q = int(round(math.exp(r.uniform(math.log(lo), math.log(hi + .99)))))
    q = max(lo, min(hi, q))
    if q >= 12 and r.random() < .6:
        q = max(8, 8 * round(q / 8))
    elif q >= 4 and r.random() < .5:
        q = 4 * round(q / 4)
    return max(1, q)

def hs_code(w, item, odd_p, blank_p=.03):
    r = w.rng
    x = r.random()
    if x < blank_p:
        return ""
    if x < blank_p + odd_p:
        return r.choice(ODD_HS)
    if KIND[item] == "srv":
        six = wpick(r, [("8471.50", .7), ("8471.49", .2), ("8471.41", .1)])
    else:
        six = wpick(r, [("8473.30", .72), ("8471.80", .14), ("8542.31", .14 if KIND[item] == "dc" else .02)])
    f = r.random()
    if f < .5:
        return six
    if f < .7:
        return six.replace(".", "")
    return six + "." + ("1180" if six == "8473.30" else "0000" if six.startswith("8471") else "0001")

def incoterm(w, domestic, exw_p):
    r = w.rng
    if r.random() < exw_p:
        return r.choice(("EXW", "FCA", "FCA", "EXW"))
    if domestic:
        return wpick(r, [("DAP", .62), ("DDP", .12), ("CPT", .06), ("", .14), ("FOB", .03)])
    return wpick(r, [("DAP", .42), ("DDP", .18), ("CIP", .1), ("CPT", .08), ("FOB", .04), ("", .06)])

def site_mw(w, item, q, small_p):
    r = w.rng
    need = q * KW[item] / 1000.0
    if r.random() < small_p:
        v = need * r.uniform(.15, .85) if r.random() < .7 else r.choice((.05, .1, .2, .25, .3))
        v = min(v, need * .9)
    else:
        v = max(need * r.uniform(1.5, 12), r.choice((.5, 1, 2, 5, 10, 20)))
    return f"{max(v, .01):.2f}".rstrip("0").rstrip(".")

def route(w, origin, dest, via=None, blank_p=.18):
    """Countries passed through, origin first; blank on some orders."""
    return "" if w.rng.random() < blank_p else ";".join(dict.fromkeys(x for x in (origin, via, dest) if x))

def seller_for(w, cc):
    return ("NL" if w.rng.random() < .88 else "US") if cc in EMEA_NL else ("US" if w.rng.random() < .97 else "NL")

def currency(w, seller, cc):
    r = w.rng
    if seller == "NL":
        return "GBP" if cc == "GB" and r.random() < .7 else ("EUR" if r.random() < .72 else "USD")
    return "CAD" if cc == "CA" and r.random() < .3 else "USD"

def licence(w, item, o, ship_cc, own_lic, origin, bad_p=0.0):
    r = w.rng
    ctrl = controlled(item, o) if ship_cc in CNHK else KIND[item] != "cnm"
    if ship_cc in LIC_DEST and ctrl:
        if r.random() < bad_p:
            return r.choice(("NLR", ""))
        return own_lic if r.random() < .9 else ""
    if ship_cc == origin:
        return "NLR" if r.random() < .15 else ""
    return "NLR" if r.random() < .55 else ""

def installation(w, item, p_true):
    r = w.rng
    if KIND[item] == "srv":
        return wpick(r, [("true", p_true), ("false", (1 - p_true) * .88), ("", (1 - p_true) * .12)])
    return wpick(r, [("true", p_true * .4), ("false", .3), ("", .7 - p_true * .4)])

# ---------------------------------------------------------------- legitimate market
# seg: (account weight, mean orders/account, category weights, card qty, server qty, established share)
SEGS = {
    "enterprise": (17, 5, {"dc": .35, "inf": .3, "cons": .05, "srv": .3}, (2, 64), (1, 8), .6),
    "university": (8, 4, {"dc": .35, "inf": .2, "cons": .25, "srv": .2}, (1, 32), (1, 4), .65),
    "research_lab": (3, 5, {"dc": .4, "inf": .1, "cons": .1, "srv": .4}, (4, 128), (1, 16), .6),
    "cloud": (5, 12, {"dc": .3, "inf": .15, "cons": .02, "srv": .53}, (16, 512), (2, 64), .35),
    "reseller": (10, 10, {"dc": .4, "inf": .2, "cons": .2, "srv": .2}, (2, 200), (1, 12), .6),
    "ai_startup": (12, 3, {"dc": .3, "inf": .1, "cons": .25, "srv": .35}, (1, 64), (1, 16), .15),
    "miner_host": (3, 5, {"dc": .2, "inf": .1, "cons": .2, "srv": .5}, (8, 256), (2, 40), .2),
    "system_builder": (5, 9, {"dc": .45, "inf": .25, "cons": .2, "srv": .1}, (4, 128), (1, 8), .6),
    "government": (2, 4, {"dc": .3, "inf": .2, "cons": .05, "srv": .45}, (2, 64), (1, 16), .6),
    "homelab": (33, 1.6, {"cons": .86, "inf": .07, "dc": .07}, (1, 4), (1, 1), .15),
    "cn_sub": (1.2, 5, None, (2, 40), (1, 4), .5),
}
BASE_CC = ("US:40 CA:3 MX:1.2 BR:1.5 AR:.5 CL:.6 CO:.6 PE:.3 GB:6 DE:6 NL:3 FR:3.5 IE:1 SE:1.5 FI:.8 NO:.8 DK:.8 "
           "CH:1.5 AT:.7 BE:.7 IT:2 ES:1.8 PT:.5 PL:1.2 CZ:.5 IL:1.5 TR:.6 AE:1.2 SA:.6 QA:.2 IN:2 SG:2 MY:.8 TH:.5 "
           "VN:.3 ID:.4 PH:.3 JP:2.5 KR:1.5 TW:1.2 AU:1.8 NZ:.3 ZA:.5 NG:.3 KE:.3 EG:.2 KZ:.1 LU:.2")
SEG_CC = {
    "homelab": "US:50 CA:6 GB:7 DE:8 NL:3 FR:3 AU:4 SE:1.5 PL:2 ES:1.5 IT:1.5 JP:1 BR:1 MX:.8 CH:1 AT:.7 BE:.7 "
               "NZ:.5 IE:.5 FI:.5 NO:.5 DK:.5 IL:.5 ZA:.3 IN:.3 SG:.5 KR:.4",
    "miner_host": "US:50 CA:15 NO:8 SE:6 IS:5 FI:4 PY:4 KZ:1 AE:2",
    "cn_sub": "DE:25 NL:10 GB:10 FR:8 US:15 SG:12 MY:6 HK:8 CN:6 IT:3 ES:3 MX:3 BR:3",
    "government": "US:55 GB:8 DE:8 FR:6 JP:5 KR:4 AU:5 CA:5 NL:2 SE:2 SA:1 AE:1",
    "cloud": "US:40 GB:5 DE:5 NL:4 SE:3 NO:3 FI:3 FR:3 IE:2 CA:3 JP:3 KR:2 SG:4 MY:3 AE:3 SA:2 IN:4 AU:2 IL:1 "
             "ID:1 TH:1 TW:2 VN:.5 KZ:.3",
}

def _ccw(s, as_dict=False):
    """"KEY:weight ..." -> [(KEY, weight), ...] ("-" stands for an empty key)."""
    pairs = [("" if a == "-" else a, float(b)) for a, b in (p.rsplit(":", 1) for p in s.split())]
    return dict(pairs) if as_dict else pairs

SEG_CCW = {s: _ccw(SEG_CC.get(s, BASE_CC)) for s in SEGS}
WORDS = {
    "enterprise": "Bank|Pharma|Motors|Media|Insurance|Energy|Logistics|Retail|Biosciences|Telecom|Analytics|"
                  "Manufacturing|Financial|Games|Semiconductor|Aerospace|Properties|Holdings|Import Export".split("|"),
    "cloud": "Cloud|Compute|GPU Cloud|Data Centers|Hosting|AI Infrastructure|Colocation".split("|"),
    "reseller": "Systems|Technologies|IT Solutions|Computer Exchange|Hardware|Trading|Micro|IT Brokers|Global|"
                "Supply|Electronics|Components".split("|"),
    "ai_startup": "AI|Labs|Intelligence|Robotics|ML|Vision|Foundry|Dynamics".split("|"),
    "miner_host": "Digital|Mining|Hash|Power & Compute|Bitworks|Hosting".split("|"),
    "system_builder": "Workstations|Server Systems|Integration|Computing|Custom PCs".split("|"),
    "cn_sub": "Technology|Electronics|Automotive|Smart Devices|Intelligent Manufacturing".split("|"),
}
END_USE = {
    "enterprise": ["LLM fine-tuning for internal analytics", "risk modelling", "drug discovery (molecular dynamics)",
                   "CAE simulation", "video transcoding and inference", "recommendation models", "fraud detection",
                   "digital twin / simulation", "computer vision QA"],
    "university": ["HPC cluster expansion", "research computing", "teaching lab GPUs", "climate modelling",
                   "genomics pipeline", "robotics research"],
    "research_lab": ["materials simulation", "fusion plasma modelling", "protein folding", "HPC partition upgrade"],
    "cloud": ["GPU cloud capacity (IaaS)", "inference hosting", "bare-metal rental", "colocation tenant build-out",
              "managed Kubernetes GPU pool"],
    "reseller": ["resale", "for resale to end customer", "stock", "customer project", "resale - see end user"],
    "ai_startup": ["model training", "generative video", "LLM inference API", "speech models", "drug-discovery AI",
                   "autonomous driving perception"],
    "miner_host": ["AI hosting conversion of mining site", "HPC colocation", "GPU cloud (pivot from mining)"],
    "system_builder": ["integration into customer workstations", "server integration", "build-to-order systems"],
    "government": ["weather forecasting", "defence research", "national AI compute programme", "statistics office ML"],
    "homelab": ["home lab", "personal AI workstation", "gaming / rendering", "3D rendering", "local LLM", ""],
    "cn_sub": ["in-vehicle AI validation", "edge inference", "R&D lab", "video analytics", "factory automation"],
}

GOV = ("National Centre for Climate Modelling", "Office of Digital Services", "Defence Science Agency",
       "National Statistics Institute", "Ministry of Research", "Meteorological Service")
LATAM = ("MX", "BR", "AR", "CL", "CO", "PE", "PY")
EUROPE = EMEA_NL[:17]

def new_row(o, a, item, q):
    row = dict.fromkeys(COLUMNS, "")
    row.update(order_date=iso(o), seller=SELLERS[a["seller"]], seller_country=a["seller"], bill_to_name=a["name"],
               bill_to_address=a["addr"], bill_to_country=a["cc"], item=item, quantity=str(q))
    return row

def put(row, prefix, vals):
    for f, v in zip(FIELDS[prefix], vals):
        row[f] = v

FIELDS = {"ship": ("ship_to_name", "ship_to_address", "ship_to_country", "ship_to_type"),
          "eu": ("end_user_name", "end_user_address", "end_user_country", "end_user_parent", "end_user_parent_country"),
          "payer": ("payer_name", "payer_country")}

def commercial(w, row, a, o, item, q, fwd, k):
    """Fields shared by legitimate and diverted orders; k holds the order's probabilities."""
    r, origin, ship_cc = w.rng, row["seller_country"], row["ship_to_country"]
    dom = ship_cc == origin or (origin == "NL" and ship_cc in EUROPE)
    row["unit_price_usd"] = f"{unit_price(w, item, o, q, k['refurb'], k['premium']):.2f}"
    row["currency"] = currency(w, origin, a["cc"])
    row["incoterm"] = incoterm(w, dom, k["exw"])
    if not fwd and ((r.random() < k["fwd"] and (not dom or k.get("fwds")))
                    or (not dom and row["incoterm"] in ("EXW", "FCA") and r.random() < .75)):
        fwd = r.choice(k["fwds"] if k.get("fwds") and r.random() < .6 else w.fwd_big)[0]
    row["forwarder"] = fwd
    row["hs_code"] = hs_code(w, item, k["odd_hs"], k.get("hs_blank", .03))
    row["installation_declined"] = installation(w, item, k["inst"])
    row["licence"] = licence(w, item, o, ship_cc, a["lic"], origin, k.get("lic_bad", 0.0))
    row["customer_since"] = iso(a["since"]) if r.random() > .025 else ""
    row["contact_email"] = a["email"] if r.random() > .025 else ""
    row["contact_phone"] = a["phone"] if r.random() > .035 else ""

def new_account(w, seg):
    r = w.rng
    cc = wpick(r, SEG_CCW[seg])
    a = {"seg": seg, "cc": cc, "parent": None, "resid": False, "lic": f"D{r.randint(1000000, 1999999)}"}
    city = r.choice(GEO[cc][3])
    if seg == "homelab":
        a["name"] = w.person(cc)
        a["resid"] = r.random() < .92
        vanity = ascii_slug(a["name"].split()[-1]) + r.choice((".dev", ".net", ".io", ".me"))
        a["email"] = w.email(a["name"], vanity if r.random() < .08 else None)
    else:
        if seg == "university":
            a["name"] = r.choice((f"University of {city[0]}", f"{city[0]} Institute of Technology",
                                  f"{r.choice(ROOTS)} State University", f"{city[0]} Technical University"))
            dom = ascii_slug(a["name"].replace("University", "U").replace("Institute of Technology", "IT"))[:14]
            dom += ".edu" if cc == "US" else ".ac." + GEO[cc][2].split(".")[-1]
        else:
            a["name"] = (w.company(cc, ["Institute for Computational Science", "Research Center"], form="")
                         if seg == "research_lab" else f"{r.choice(GOV)} - {city[0]} ({cc})" if seg == "government"
                         else w.company(cc, WORDS[seg], root=r.choice(ROOTS_ASIA[:18])) if seg == "cn_sub"
                         else w.company(cc, WORDS[seg]))
            dom = w.domain(a["name"], cc)
        small = seg in ("ai_startup", "reseller", "system_builder", "miner_host")
        a["email"] = w.email(w.person(cc), dom, r.random() < (.2 if small else .03))
        a["resid"] = seg == "ai_startup" and r.random() < .1
    a["addr"] = w.address(cc, a["resid"], city if seg == "university" else None)
    if seg == "ai_startup" and cc in w.cowork and not a["resid"] and r.random() < .25:
        a["addr"] = r.choice(w.cowork[cc])      # co-working space shared by unrelated start-ups
    elif seg in ("ai_startup", "reseller") and cc == "US" and r.random() < .06:
        a["addr"] = r.choice(w.regagent)        # registered-agent address
    a["phone"] = w.phone(cc) if r.random() > .03 else ""
    if seg in ("ai_startup", "enterprise", "research_lab", "system_builder", "miner_host", "university") \
            and r.random() < .07:
        a["phone"], a["email"] = w.agent(cc)
    a["seller"] = seller_for(w, cc)
    if seg == "cn_sub":
        pcc = "CN" if r.random() < .8 else "HK"
        a["parent"] = (w.company(pcc, ["Holdings", "Group", "Technology"]), pcc)
    elif seg in ("enterprise", "cloud", "reseller", "system_builder") and r.random() < .22:
        if w.groups and r.random() < .45:
            g = r.choice(w.groups)
        else:
            pcc = cc if r.random() < .4 else wpick(r, PARENT_CCW)
            gname = w.company(pcc, ["Group", "Holdings", "Corporation"])
            g = (gname, pcc, w.phone(pcc), w.domain(gname, pcc))
            w.groups.append(g)
        a["parent"] = g[:2]
        if r.random() < .35:
            a["phone"] = g[2]                   # group switchboard
        if r.random() < .3:
            a["email"] = w.email(w.person(g[1]), g[3])
    a["lessor"] = w.lessor(cc) if seg in ("cloud", "ai_startup", "miner_host", "enterprise") and r.random() < .25 else None
    a["fwd_habit"] = .45 if cc in LATAM else .35 if cc in ("NG", "KE", "EG") else .12 if cc == "ZA" else 0.0
    a["parcel"] = seg == "homelab" and a["seller"] == "US" and cc != "US" and r.random() < .3
    if r.random() < SEGS[seg][5]:           # established before 2023
        a["start"], a["since"] = START, r.randint(dord("2016-01-01"), dord("2022-12-20"))
        a["end"] = END if r.random() < .75 else r.randint(START + 90, END)
    else:
        a["start"] = w.date_in(START, END - 5, "web" if seg == "homelab" else "biz")
        a["since"] = a["start"] - (r.randint(0, 20) if r.random() < .85 else r.randint(30, 200))
        a["end"] = min(END, a["start"] + r.randint(60, 900))
    a["big_first"] = seg in ("ai_startup", "miner_host") and a["start"] > START and r.random() < .25
    a["site"] = {"cloud": 8, "miner_host": 60, "ai_startup": .8}.get(seg, 1.5) * math.exp(r.gauss(0, .8))
    a["n"] = max(1, min(120, 1 + int(r.expovariate(1.0 / max(SEGS[seg][1] - 1, .3)))))
    return a

PARENT_CCW = _ccw("US:3 DE:2 JP:2 FR:1 GB:1 KR:1 NL:1 CH:1 SE:.5 IN:.5 TW:.5 SG:.5 CN:.25 AE:.3")

def legit_item(w, a, o, first):
    r, seg, cc = w.rng, a["seg"], a["cc"]
    catw, allow = (list(SEGS[seg][2].items()) if SEGS[seg][2] else None), None
    if seg == "cn_sub" and cc in CNHK:     # only items exportable to China without a licence on that date
        allow = [it for it in ("L4", "L20", "H20", "RTX-4090D", "A800", "RTX-4090", "L40S")
                 if available(it, o) and not controlled(it, o)] or ["L20"]
        catw = [("cnm", .6), ("inf", .25), ("cons", .15)]
    elif seg == "cn_sub":
        allow, catw = ["L4", "L40S", "RTX-4090", "RTX-5090", "A100"], [("inf", .8), ("cons", .15), ("dc", .05)]
    if (seg == "homelab" and r.random() < .004) or (a["big_first"] and first):
        catw = [("srv", 1)]
    item = pick_item(w, catw, o, allow)
    lo, hi = (4, 32) if a["big_first"] and first else SEGS[seg][4] if KIND[item] == "srv" else SEGS[seg][3]
    return item, qty(w, lo, hi)

def legit_order(w, a, o, first):
    r, seg, cc, origin = w.rng, a["seg"], a["cc"], a["seller"]
    item, q = legit_item(w, a, o, first)
    row = new_row(o, a, item, q)
    ship, end_user, fwd, x = (a["name"], a["addr"], cc, "end_user"), None, "", r.random()
    own = (a["name"], a["addr"], cc) if r.random() < .88 else None
    mode = ("fwd" if x < a["fwd_habit"] else "parcel" if a["parcel"] else "locker" if seg == "homelab" and x < .04
            else "abroad" if seg in ("enterprise", "cloud") and x > .95
            else "dc" if seg in ("cloud", "miner_host") or (seg in ("ai_startup", "enterprise") and KIND[item] == "srv"
                                                             and x < .7) or (seg in SITE_SEGS and x < .15)
            else "drop" if seg in ("reseller", "system_builder") and x < .35 else "own")
    end_user = own
    if mode == "fwd":                       # Latin-American / African buyer's forwarder in Miami, Dubai, London...
        f = r.choice(w.fwd_latam if cc in LATAM else w.fwd_africa)
        ship, fwd = (f[0], f[1], f[2], "forwarder"), f[0]
    elif mode == "parcel":                  # foreign home lab using a US parcel forwarder
        f = r.choice(w.fwd_parcel)
        ship = (f"{a['name']} c/o {f[0]}", f"{f[1]} #{r.choice('ABKMX')}{r.randint(10000, 99999)}", f[2], "logistics")
        fwd = f[0] if r.random() < .5 else ""
    elif mode == "locker":
        ship = (a["name"], w.address(cc) + f" PMB {r.randint(100, 999)}", cc, "logistics")
    elif mode == "dc":
        dc = w.colo(cc)
        ship = (dc[0] if r.random() < .6 else f"{a['name']} c/o {dc[0]}", dc[1], cc, "datacenter")
    elif mode == "drop":                    # reseller drop-ships to its customer
        ecc = cc if r.random() < .85 else wpick(r, SEG_CCW["enterprise"])
        if not (ecc in LIC_DEST and controlled(item, o)):
            cust = (w.company(ecc, WORDS["enterprise"]), w.address(ecc), ecc)
            ship, end_user = cust + ("end_user",), cust
    elif mode == "abroad":                  # multinational ships to a foreign site
        scc = wpick(r, ABROAD_CCW)
        if scc != cc:
            site = w.address(scc)
            ship, end_user = (f"{a['name'].rsplit(' ', 1)[0]} ({scc}) site", site, scc, "end_user"), (a["name"], site, scc)
    if seg in ("reseller", "system_builder") and mode != "drop":
        ship = ship[:3] + ("reseller" if seg == "reseller" and mode == "own" else ship[3],)
        if r.random() < (.7 if seg == "reseller" else .35):
            end_user = None                 # broker: stock for resale, no end user named
        elif r.random() < .5:
            ecc = cc if r.random() < .8 else wpick(r, SEG_CCW["enterprise"])
            end_user = (w.company(ecc, WORDS["enterprise"]), w.address(ecc), ecc)
    put(row, "ship", ship[:3] + ("" if r.random() < .02 else ship[3],))
    dest = ship[2]
    via = ("SG" if dest in ("AU", "NZ", "ID") and origin == "US" and r.random() < .15 else
           r.choice(("AE", "SG")) if (dest in ("IN", "KE", "NG", "EG") or dest == "MY" and r.random() < .3)
           and r.random() < .25 else None)
    if mode == "fwd" and r.random() < .6:
        row["route"] = ";".join(dict.fromkeys((origin, dest, cc)))
    else:
        row["route"] = route(w, origin, dest, via)
    if end_user:
        par = a["parent"] if a["parent"] and end_user[0] == a["name"] and r.random() < .8 else ("", "")
        put(row, "eu", end_user + par)
    y = r.random()
    payer = (a["lessor"] if a["lessor"] and (KIND[item] == "srv" or q >= 32) and y < .6 else
             a["parent"] if a["parent"] and y < .3 else (w.person(cc), cc) if seg == "homelab" and y < .05 else
             (f"{a['name']} Research Foundation", cc) if seg == "university" and y < .08 else
             (ship[0], ship[2]) if mode == "drop" and y < .05 else ("", "") if y > .93 else (a["name"], cc))
    put(row, "payer", payer)
    prem = (.2 if item.startswith(("H100", "HGX-H100", "DGX-H100")) and dord("2023-05-01") <= o <= dord("2024-03-31")
            else .3 if item == "RTX-5090" and o <= dord("2025-05-31") else .015)
    rp = refurb_prob(item, o, seg)
    if r.random() < .03 and seg in ("enterprise", "cloud", "university"):
        row["declared_end_use"], rp = f"upgrade; trade-in of {r.choice((4, 8, 16, 32))}x A100 credited", 0
    else:
        row["declared_end_use"] = r.choice(END_USE[seg]) if r.random() > .09 else r.choice(VAGUE)
    commercial(w, row, a, o, item, q, fwd, dict(
        refurb=rp, premium=prem, exw=.35 if a["fwd_habit"] else .3 if seg in ("cloud", "reseller", "system_builder")
        else .12, fwd=.2, odd_hs=.015 if seg == "homelab" else .03,
        inst=.25 if seg in ("cloud", "miner_host", "reseller") else .15))
    if ship[3] == "datacenter" or seg in ("cloud", "miner_host"):
        if r.random() < .55:                # a few declare only the first phase of the site
            row["declared_site_mw"] = (site_mw(w, item, q, 1.0) if r.random() < .05
                                       else f"{max(a['site'], q * KW[item] / 1000 * 1.3):.1f}")
    elif r.random() < .02:
        row["declared_site_mw"] = site_mw(w, item, q, .3)
    if r.random() < .003:                   # CRM migration: account record newer than the order
        row["customer_since"] = iso(o + r.randint(1, 120))
    for f, p in (("hs_code", .02), ("incoterm", .03), ("end_user_country", .02), ("declared_end_use", .03)):
        if r.random() < p:
            row[f] = ""
    return row, {"resid": a["resid"], "ref": ref_price(item, o), "seg": seg, "mode": mode}

SITE_SEGS = ("enterprise", "research_lab", "government", "university")
ABROAD_CCW = _ccw("DE:1 GB:1 NL:1 IE:1 SG:.6 JP:.6 IN:.6 MX:.5 CA:1 US:1 PL:.5 IL:.4")

def gen_legit(w, n):
    rows = []
    while len(rows) < n:
        a = new_account(w, wpick(w.rng, [(s, v[0]) for s, v in SEGS.items()]))
        dates = [a["start"]] if a["start"] > START else []
        while len(dates) < a["n"]:
            dates.append(w.date_in(a["start"], a["end"], "web" if a["seg"] == "homelab" else "biz"))
        for i, o in enumerate(sorted(dates)[:n - len(rows)]):
            rows.append(legit_order(w, a, o, i == 0) + ("",))
    return rows

# ---------------------------------------------------------------- diversion schemes
def scheme_sg_server_fraud():
    """S1 -- Singapore shells buying HGX/DGX servers that end up in Malaysia and onward.

    Source: in February 2025 Singapore prosecutors charged three men (two
    Singaporeans and a Chinese national) with fraud for allegedly making false
    representations to Dell and Supermicro about the end users of servers,
    which the government said may have contained Nvidia chips; the servers had
    been moved on to Malaysia (Singapore Police Force / Ministry of Home
    Affairs statements, Reuters and Straits Times reporting, Feb-Mar 2025).
    Modelled as 4-7 newly registered Singapore "AI cloud" companies (one or two
    in Malaysia) ordering HGX-H100/H200 and DGX servers, shipping to Johor /
    Cyberjaya data centres or a Singapore logistics yard, naming 1-2 shared
    fake data-centre end users, paid now and then by an HK / BVI holding.
    """
    return dict(share=.13, period=("2024-02-01", "2025-03-20"), accounts=(4, 7), life=(60, 330),
                home=_ccw("SG:.8 MY:.2"), words=["AI Cloud", "Computing", "Digital Infrastructure", "Cloud Services"],
                items=_ccw("HGX-H100-8GPU:.45 HGX-H200-8GPU:.3 DGX-H100:.12 H100-SXM:.13"),
                qc=(8, 64), qs=(1, 12), ship=_ccw("own:.4 hub_dc:.45 hub_log:.15"), hubs=_ccw("MY:1"),
                fwd=[("Changi Relay Logistics Pte. Ltd.", "SG")], payers=_ccw("HK:.5 SG:.25 VG:.25"),
                eu=_ccw("pool:.65 self:.2 blank:.15"), eu_parent=_ccw("-:.6 HK:.2 VG:.2"),
                uses=["GPU cloud capacity (IaaS)", "AI training cluster", "cloud services", "sovereign AI cloud"],
                seller=_ccw("US:.85 NL:.15"), clean=.25,
                P=_ccw("new:.7 webmail:.1 resid:0 payer3p:.3 fwd:.15 vague:.3 odd_hs:.05 "
                       "exw:.25 premium:.25 inst:.5 site:.7 small_mw:.45 lic_bad:0", as_dict=True))

def scheme_alx_forwarder():
    """S2 -- small Californian LLC re-exporting through Singapore/Malaysia forwarders.

    Source: U.S. DOJ, C.D. Cal., August 2025 complaint against Chuan Geng and
    Shiwei Yang of ALX Solutions Inc. (El Monte, CA), alleged to have shipped
    tens of millions of dollars of Nvidia GPUs to China from 2022-2025 via
    freight forwarders in Singapore and Malaysia, with payments from companies
    in Hong Kong and mainland China rather than from the consignees.  Also BIS
    KYC red flags (freight forwarder as ultimate consignee; payer unrelated
    to buyer; end use vague).  Modelled as 4-6 LA-area LLCs, some sharing a
    suite or a phone, buying H100/A100/RTX-4090/L40S cards; orders shipped to
    their own US address (clean) or straight to a SG/MY forwarder.
    """
    return dict(share=.15, period=("2023-10-15", "2025-08-01"), accounts=(4, 6), life=(90, 450),
                home=_ccw("US:1"), cities=[("El Monte", "CA", "917##"), ("City of Industry", "CA", "917##"),
                                          ("Rowland Heights", "CA", "917##"), ("Walnut", "CA", "917##"),
                                          ("Diamond Bar", "CA", "917##"), ("Arcadia", "CA", "910##")],
                words=["Solutions", "Technology", "Trading", "Tech Supply", "Computer"],
                items=_ccw("H100-PCIE:.3 A100:.2 H100-SXM:.15 RTX-4090:.15 L40S:.1 HGX-H100-8GPU:.1"), qc=(4, 80), qs=(1, 6),
                ship=_ccw("own:.45 hub_fwd:.55"), hubs=_ccw("SG:.55 MY:.45"),
                fwd=[("Pacific Link Logistics Pte. Ltd.", "SG"), ("Swiftbay Cargo Sdn. Bhd.", "MY")],
                payers=_ccw("HK:.65 CN:.25 US:.1"), eu=_ccw("self:.4 blank:.5 pool:.1"),
                eu_parent=_ccw("-:1"), uses=["resale to system integrators", "AI research", "server integration",
                                           "data center project"], seller=_ccw("US:1"), clean=.3,
                P=_ccw("new:.65 webmail:.45 resid:.3 payer3p:.45 fwd:.2 vague:.4 odd_hs:.2 "
                       "exw:.3 premium:.15 inst:.2 site:.1 small_mw:.3 lic_bad:0", as_dict=True))

def scheme_realty_front():
    """S3 -- Florida LLC with an unrelated (real-estate) business exporting via Malaysia/Thailand.

    Source: U.S. DOJ, M.D. Fla., November 2025 indictment of four defendants
    (Tampa, FL and Huntsville, AL among others) who allegedly used a Tampa
    company styled as a realty business to buy and export about 400 Nvidia
    A100 GPUs to China via Malaysia and Thailand in late 2024-early 2025, tried
    to export H100-based HPE supercomputers and H200 GPUs that were stopped,
    used false paperwork and fake end-user contracts, and were funded by wire
    transfers from China.  BIS KYC red flag: product does not fit the buyer's
    line of business.  Modelled as 3-5 Florida/Alabama LLCs (realty,
    consulting, import-export) ordering mostly refurbished A100s plus
    H100/H200 and HGX servers, shipped to MY/TH "distributors" or kept in US.
    """
    return dict(share=.10, period=("2024-06-01", "2025-10-31"), accounts=(3, 5), life=(90, 400),
                home=_ccw("US:1"), cities=[("Tampa", "FL", "336##"), ("Brandon", "FL", "335##"),
                                          ("Lakeland", "FL", "338##"), ("Huntsville", "AL", "358##")],
                words=["Realty", "Consulting Group", "Import Export", "Holdings", "Property Services"],
                items=_ccw("A100:.45 H100-SXM:.15 H200:.15 HGX-H100-8GPU:.1 HGX-H200-8GPU:.15"),
                qc=(8, 100), qs=(1, 10), ship=_ccw("own:.4 hub_dc:.35 hub_fwd:.25"),
                hubs=_ccw("MY:.6 TH:.4"),
                fwd=[("Andaman Express Logistics Co., Ltd.", "TH"), ("Klang Gateway Forwarding Sdn. Bhd.", "MY")],
                payers=_ccw("CN:.6 HK:.3 US:.1"), eu=_ccw("pool:.5 blank:.35 self:.15"),
                eu_parent=_ccw("-:.8 HK:.2"), uses=["AI data center (Malaysia)", "cloud computing services",
                                                        "research computing", "AI model training"],
                seller=_ccw("US:1"), clean=.25,
                P=_ccw("new:.75 webmail:.3 resid:.2 payer3p:.4 fwd:.3 vague:.3 odd_hs:.3 "
                       "exw:.2 premium:.2 inst:.4 site:.3 small_mw:.4 lic_bad:0", as_dict=True))

def scheme_gatekeeper_relabel():
    """S4 -- Texas/NJ LLCs consolidating H100/H200 modules in a US warehouse, mis-described.

    Source: U.S. DOJ, S.D. Tex., "Operation Gatekeeper" announcement,
    December 2025: a Houston businessman and his company pleaded guilty to
    smuggling at least $160M of Nvidia H100/H200 GPUs to China (Oct 2024 -
    May 2025); GPUs were relabelled with a made-up brand and misclassified as
    generic computer parts on export paperwork, financed by wire transfers
    from China; two further defendants were charged.  Modelled as 4-6 LLCs
    buying large lots of SXM modules / PCIe cards shipped to a shared US
    logistics warehouse (or a US consolidator), often with HS codes that do
    not match GPUs, third-party or PRC/HK payers, premia paid for speed.
    """
    return dict(share=.15, period=("2024-09-01", "2025-06-15"), accounts=(4, 6), life=(60, 280),
                home=_ccw("US:1"), cities=[("Houston", "TX", "770##"), ("Sugar Land", "TX", "774##"),
                                          ("Katy", "TX", "774##"), ("Edison", "NJ", "088##"), ("Flushing", "NY", "113##")],
                words=["Global", "Supply Chain", "Electronics", "International", "Components"],
                items=_ccw("H100-SXM:.35 H200:.35 H100-PCIE:.15 HGX-H200-8GPU:.15"),
                qc=(16, 256), qs=(2, 16), ship=_ccw("own:.3 us_wh:.55 us_fwd:.15"), hubs=_ccw("US:1"),
                fwd=[("Bayou Export Services LLC", "US"), ("Gateway Pacific Consolidators Inc.", "US")],
                payers=_ccw("CN:.5 HK:.2 US:.3"), eu=_ccw("blank:.5 self:.4 pool:.1"),
                eu_parent=_ccw("-:1"), uses=["server integration", "resale", "computer parts", "AI servers for clients"],
                seller=_ccw("US:1"), clean=.3,
                P=_ccw("new:.6 webmail:.2 resid:.05 payer3p:.4 fwd:.3 vague:.35 odd_hs:.45 "
                       "exw:.35 premium:.35 inst:.3 site:.1 small_mw:.3 lic_bad:0", as_dict=True))

def scheme_hand_carry_straws():
    """S5 -- straw buyers of a few cards at a time, parcel forwarders, carried out in luggage.

    Sources: WSJ, "The Underground Network Sneaking Nvidia Chips Into China"
    (2024) and The Information (2024-2025) on travellers and students carrying
    GPUs in luggage and small vendors aggregating them; customs seizures of
    processors and GPUs concealed on travellers at the Hong Kong / Macau -
    mainland borders (2022-2023, widely reported); Reuters (2023-2024) on
    Shenzhen Huaqiangbei vendors selling RTX-4090/A100 after the bans.  BIS KYC
    red flags: residential or mail-drop consignee, payment by a third party.
    Modelled as 8-14 individuals / one-person "studios" in the US, Canada,
    UK and Australia, repeatedly buying 1-6 RTX-4090/5090, H100-PCIe or L40S
    cards to home addresses, parcel forwarders or each other's addresses,
    sharing phones, mailboxes and payment cards -- indistinguishable from home
    labs order by order.
    """
    return dict(share=.17, period=("2023-06-01", "2026-06-30"), accounts=(8, 14), life=(120, 700),
                home=_ccw("US:.6 CA:.2 GB:.1 AU:.1"), words=None,
                items=_ccw("RTX-4090:.4 RTX-5090:.3 H100-PCIE:.15 L40S:.1 A100:.05"),
                qc=(1, 6), qs=(1, 1), ship=_ccw("own:.6 parcel:.3 alt:.1"), hubs=_ccw("US:1"),
                fwd=[("ParcelPort Forwarding LLC", "US")], payers=_ccw("HK:.3 US:.4 CA:.3"),
                eu=_ccw("self:.85 blank:.15"), eu_parent=_ccw("-:1"),
                uses=["personal AI workstation", "home lab", "gaming / rendering", "local LLM", "video editing"],
                seller=_ccw("US:.9 NL:.1"), clean=.35,
                P=_ccw("new:.5 webmail:.85 resid:.85 payer3p:.3 fwd:.05 vague:.3 odd_hs:.02 "
                       "exw:.02 premium:.2 inst:.05 site:0 small_mw:0 lic_bad:0", as_dict=True))

def scheme_gulf_neocloud():
    """S6 -- new Gulf "AI cloud" companies with no power, no history, and a borrowed licence.

    Sources: BIS, "Industry Guidance to Prevent Diversion of Advanced
    Computing ICs" (13 May 2025): IaaS customers with no track record, data
    centres lacking the power for the order, customers declining installation,
    payments from third countries; BIS KYC red flags (15 CFR 732 Supp. 3);
    press reporting in 2025 on the UAE and Malaysia as diversion-risk hubs
    around the (rescinded) AI Diffusion Rule.  Composite scheme: 4-6 free-zone
    companies (mostly UAE, some KSA/Turkey) ordering HGX-H200/B200 servers and
    B200/H200 modules for a declared site of a fraction of a megawatt, with
    end users' parents in HK, the PRC or the BVI, and a licence number copied
    between accounts, "NLR" or blank although the destination needs a licence.
    """
    return dict(share=.12, period=("2025-01-15", "2026-06-30"), accounts=(4, 6), life=(60, 360),
                home=_ccw("AE:.75 SA:.1 TR:.15"), words=["AI Cloud", "Compute", "Data Systems", "Digital"],
                items=_ccw("HGX-H200-8GPU:.35 HGX-B200-8GPU:.35 B200:.15 H200:.15"),
                qc=(8, 64), qs=(2, 24), ship=_ccw("own:.25 hub_dc:.55 hub_dc2:.2"),
                hubs=_ccw("AE:1"), fwd=[("Jebel Route Logistics FZE", "AE")],
                payers=_ccw("HK:.4 VG:.3 SG:.3"), eu=_ccw("pool:.6 self:.3 blank:.1"),
                eu_parent=_ccw("HK:.45 CN:.15 VG:.3 -:.1"),
                uses=["sovereign AI cloud", "GPU cloud capacity (IaaS)", "AI training services", "hosting"],
                seller=_ccw("US:.7 NL:.3"), clean=.25,
                P=_ccw("new:.75 webmail:.1 resid:0 payer3p:.35 fwd:.2 vague:.25 odd_hs:.05 "
                       "exw:.2 premium:.2 inst:.6 site:.8 small_mw:.5 lic_bad:.6", as_dict=True))

def scheme_grey_broker():
    """S7 -- trading companies feeding the Shenzhen grey market with refurbished cards.

    Sources: Reuters (2023-2024) on Chinese buyers sourcing banned Nvidia
    chips via resellers and Shenzhen Huaqiangbei vendors, and on Chinese state
    entities buying via resellers (Jan 2024); WSJ (2024) and FT (July 2025)
    on Southeast-Asian and Taiwanese intermediaries; BIS KYC red flags
    (no end user, buyer arranges transport, unusual payment).  Modelled as
    5-9 trading firms in Taiwan, Japan, Korea, Singapore and the US buying
    refurbished A100/H100/RTX-4090/L40S lots "for resale", EXW with their own
    forwarder, now and then routed on via Hong Kong or paid from Hong Kong.
    """
    return dict(share=.18, period=("2023-01-15", "2026-06-30"), accounts=(5, 9), life=(150, 700),
                home=_ccw("TW:.3 JP:.2 KR:.15 SG:.15 US:.2"),
                words=["Trading", "International", "Tech Trading", "Electronics", "Components"],
                items=_ccw("A100:.3 H100-PCIE:.25 RTX-4090:.2 L40S:.12 H100-SXM:.13"),
                qc=(4, 64), qs=(1, 4), ship=_ccw("own:.65 home_fwd:.27 hk_fwd:.08"), hubs=_ccw("HK:1"),
                fwd=[("Kowloon Bay Freight Ltd", "HK"), ("Formosa Link Logistics Co., Ltd.", "TW")],
                payers=_ccw("HK:.7 TW:.15 SG:.15"), eu=_ccw("blank:.55 self:.3 pool:.15"),
                eu_parent=_ccw("-:.85 HK:.15"), uses=["resale", "stock for resale", "distribution",
                                                          "customer projects in Asia"],
                seller=_ccw("US:.8 NL:.2"), clean=.35, refurb=.75,
                P=_ccw("new:.4 webmail:.3 resid:.05 payer3p:.3 fwd:.25 vague:.4 odd_hs:.1 "
                       "exw:.45 premium:.1 inst:.15 site:0 small_mw:0 lic_bad:.7", as_dict=True))

SCHEMES = {"sg_server_fraud": scheme_sg_server_fraud, "alx_forwarder": scheme_alx_forwarder,
           "realty_front": scheme_realty_front, "gatekeeper_relabel": scheme_gatekeeper_relabel,
           "hand_carry_straws": scheme_hand_carry_straws, "gulf_neocloud": scheme_gulf_neocloud,
           "grey_broker": scheme_grey_broker}

def build_network(w, key, S, n_orders):
    """Accounts of one scheme, their shared identifiers (pools) and order dates."""
    r, P = w.rng, S["P"]
    lo, hi = S["accounts"]
    k = max(min(lo, max(2, n_orders // 2)), min(hi, round(n_orders / r.uniform(4, 8))))
    main, cities, straw = S["home"][0][0], S.get("cities"), key == "hand_carry_straws"

    def addr(cc, resid=False):
        return w.address(cc, resid, r.choice(cities) if cities and cc == main else None)

    pool = {"phone": [w.phone(main) for _ in range(2)], "email": [w.email(w.person(main)) for _ in range(2)],
            "bill": [addr(main) for _ in range(2)], "ship": [addr(main, straw) for _ in range(2)],
            "lic": f"D{r.randint(1000000, 1999999)}", "payer": [], "eu": [], "dc": []}
    for _ in range(2):
        pcc = wpick(r, S["payers"])
        pool["payer"].append((w.person(pcc) if straw and r.random() < .5 else
                              w.company(pcc, ["Trading", "International", "Holdings", "Capital", "Technology"]), pcc))
        hcc = main if S["hubs"][0][0] == "US" else r.choice(("MY", "ID")) if key == "gulf_neocloud" and \
            r.random() < .4 else wpick(r, S["hubs"])
        pcc = wpick(r, S["eu_parent"])
        eu = w.company(hcc, ["Data Centre", "AI Computing", "Cloud", "Digital Services"])
        pool["eu"].append((eu, w.address(hcc), hcc, w.company(pcc, ["Holdings", "Investment", "Group"]) if pcc else "", pcc))
        colo = w.colo(hcc)
        pool["dc"].append((f"{eu} DC{r.randint(1, 3)}" if r.random() < .6 else colo[0],
                           w.address(hcc) if r.random() < .7 else colo[1], hcc))
    fwds = [(n, addr(cc), cc) for n, cc in S["fwd"]]
    accts = []
    for i in range(k):
        cc, clean = wpick(r, S["home"]), r.random() < S["clean"]
        a = {"cc": cc, "clean": clean, "resid": r.random() < P["resid"], "phone": w.phone(cc), "ship_own": None,
             "seller": "NL" if cc in EMEA_NL else wpick(r, S["seller"]), "eu": r.choice(pool["eu"]),
             "payer": r.choice(pool["payer"]), "lic": pool["lic"] if r.random() < .6 else f"D{r.randint(1000000, 1999999)}",
             "P": {p: 0.0 if clean else jitter(r, v) for p, v in P.items()}}
        a["name"] = ((w.person(cc) if r.random() < .7 else f"{w.person(cc).split()[1]} Creative Studio") if straw
                     else w.company(cc, S["words"]))
        a["addr"] = (r.choice(w.regagent) if key in ("alx_forwarder", "gatekeeper_relabel") and r.random() < .12
                     else addr(cc, a["resid"]))
        a["resid"] = a["resid"] and a["addr"] not in w.regagent
        a["email"] = (w.email(a["name"]) if straw or r.random() < P["webmail"]
                      else w.email(w.person(cc), w.domain(a["name"], cc)))
        opts = (["phone", "email"] + (["bill", "ship"] if cc == main else []) +
                (["eu"] if any(e == "pool" for e, _ in S["eu"]) else []) + ([] if clean else ["payer", "payer"]))
        links = []
        for _ in range(1 + (r.random() < .5) + (r.random() < .2)):
            t = r.choice(opts)
            links += [] if t in links else [t]
        for t in links + ([] if i or "phone" in links else ["phone"]):
            j = 0 if r.random() < .7 else 1
            if t in ("phone", "email"):
                a[t] = pool[t][j]
            elif t == "bill":
                a["addr"], a["resid"] = pool["bill"][j], False
            elif t == "ship":
                a["ship_own"] = pool["ship"][j]
            elif t == "eu":
                a["eu"], a["eu_forced"] = pool["eu"][0], True
            else:
                a["payer"], a["P"]["payer3p"] = pool["payer"][0], max(a["P"]["payer3p"], .6)
        if key == "gulf_neocloud" and clean:
            a["lic"] = pool["lic"]              # licence number copied from another account
        accts.append(a)
    counts, weights = [2] * k, [(j, r.expovariate(1.0) + .2) for j in range(k)]
    for _ in range(max(0, n_orders - 2 * k)):
        counts[wpick(r, weights)] += 1
    p0, p1 = dord(S["period"][0]), dord(S["period"][1])
    for a, c in zip(accts, counts):
        start = w.date_in(p0, max(p0, p1 - 45))
        end = min(p1, start + r.randint(*S["life"]))
        # bursty: shells order most in their first months, then fade out
        a["dates"] = sorted([start] + [w.date_in(start, start + int((end - start) * r.random() ** 1.7))
                                       for _ in range(c - 1)])
        new = r.random() < (P["new"] if not a["clean"] else .3)
        a["since"] = start - (r.randint(0, 40) if new else r.randint(150, 700))
    return accts, pool, fwds

def div_order(w, key, S, a, o, pool, fwds):
    r, P, clean, cc = w.rng, a["P"], a["clean"], a["cc"]
    item = wpick(r, [(it, wt) for it, wt in S["items"] if available(it, o)] or [("A100", 1)])
    q = qty(w, *(S["qs"] if KIND[item] == "srv" else S["qc"]))
    row, origin = new_row(o, a, item, q), a["seller"]
    mode, fwd, via = "own" if clean else wpick(r, S["ship"]), "", None
    own_type = ("datacenter" if key in ("sg_server_fraud", "gulf_neocloud") and r.random() < .6 else
                "reseller" if key in ("grey_broker", "gatekeeper_relabel") and r.random() < .5 else "end_user")
    ship = (a["name"], a["ship_own"] or a["addr"], cc, own_type)
    if mode in ("hub_dc", "hub_dc2"):
        d = r.choice(pool["dc"]) if mode == "hub_dc" else w.colo(r.choice(("MY", "ID")))
        ship, via = (d[0], d[1], d[2], "datacenter"), "SG" if d[2] == "MY" and r.random() < .4 else None
    elif mode == "hub_log":
        ship = (f"{a['name']} c/o {fwds[0][0]}", fwds[0][1], fwds[0][2], "logistics")
    elif mode in ("hub_fwd", "us_fwd", "home_fwd", "hk_fwd"):
        f = r.choice(fwds)
        if mode == "hk_fwd":
            f = next((x for x in fwds if x[2] == "HK"), f)
        elif mode == "home_fwd" and r.random() < .5:
            f = (r.choice(w.fwd_big)[0], w.address(cc), cc)
        elif mode == "hub_fwd" and r.random() < .3:     # a big, legitimate forwarder's hub office
            hcc = wpick(r, S["hubs"])
            f = (r.choice([x for x in w.fwd_big if x[2] in ("SG", "HK")])[0], w.address(hcc), hcc)
        ship, fwd = (f[0], f[1], f[2], "forwarder"), f[0]
    elif mode == "us_wh":
        ship = (f"{a['name']} c/o {r.choice(('Westpark', 'Gulfgate', 'Beltway 8'))} Fulfillment", pool["ship"][0], "US",
                "logistics")
    elif mode == "parcel":
        f = fwds[0] if r.random() < .6 else r.choice(w.fwd_parcel)
        ship = (f"{a['name']} c/o {f[0]}", f"{f[1]} #{r.choice('ABKMX')}{r.randint(10000, 99999)}", f[2], "logistics")
    elif mode == "alt":                     # another straw's address
        ship = (a["name"], pool["ship"][0], S["home"][0][0], "end_user")
    if a["ship_own"] and mode == "own" and key == "gatekeeper_relabel" and r.random() < .5:
        ship = ship[:3] + ("logistics",)
    put(row, "ship", ship)
    if key == "grey_broker" and not clean and mode == "own" and r.random() < .2:
        row["route"] = ";".join(dict.fromkeys((origin, cc, "HK")))      # onward leg disclosed
    else:
        row["route"] = route(w, origin, ship[2], via, .12 if mode in ("hub_fwd", "hk_fwd") else .18)
    e = ("self" if clean and not a.get("eu_forced") else "pool" if a.get("eu_forced") and r.random() < .8
         else wpick(r, S["eu"]))
    if e == "pool" and not (clean and r.random() < .15):
        put(row, "eu", a["eu"])
    elif e == "self" and r.random() < .92:
        put(row, "eu", (a["name"], a["addr"], cc))
    if r.random() < P["payer3p"]:
        put(row, "payer", a["payer"])
    elif r.random() < .9:
        put(row, "payer", (a["name"], cc))
    row["declared_end_use"] = r.choice(VAGUE) if r.random() < P["vague"] else r.choice(S["uses"])
    commercial(w, row, a, o, item, q, fwd, dict(
        refurb=S.get("refurb", refurb_prob(item, o)), premium=.015 if clean else P["premium"],
        exw=.08 if clean else P["exw"], fwd=P["fwd"], fwds=fwds, odd_hs=.02 if clean else P["odd_hs"], hs_blank=.05,
        inst=.15 if clean else P["inst"], lic_bad=P["lic_bad"]))
    if (KIND[item] == "srv" or q >= 32) and r.random() < max(P["site"], .3 if clean and S["P"]["site"] else 0):
        row["declared_site_mw"] = site_mw(w, item, q, P["small_mw"])
    resid = a["resid"] or (key == "hand_carry_straws" and mode in ("own", "alt"))
    return row, {"resid": resid, "ref": ref_price(item, o)}

LINK_FIELDS = ("contact_phone", "contact_email", "bill_to_address", "ship_to_address", "end_user_name", "payer_name",
               "licence", "forwarder")

def gen_diverted(w, n_div):
    rows, specs = [], {k: f() for k, f in SCHEMES.items()}
    tot = sum(S["share"] for S in specs.values())
    for key, S in specs.items():
        accts, pool, fwds = build_network(w, key, S, max(4, round(n_div * S["share"] / tot)))
        mine = [div_order(w, key, S, a, o, pool, fwds) + (key,) for a in accts for o in a["dates"]]
        # every account must share at least one visible identifier with another account of its network
        ids = {}
        for row, _, _ in mine:
            s = ids.setdefault(row["bill_to_name"], [])
            s += [(f, row[f]) for f in LINK_FIELDS if row[f] not in ("", "NLR", row["bill_to_name"])
                  and (f, row[f]) not in s]
        for name, s in ids.items():
            if not any(x in t for other, t in ids.items() if other != name for x in s):
                phone = next(row["contact_phone"] for row, _, _ in mine if row["bill_to_name"] != name)
                for row, _, _ in mine:
                    if row["bill_to_name"] == name and row["contact_phone"]:
                        row["contact_phone"] = phone or pool["phone"][0]
        rows += mine
    return rows

# ---------------------------------------------------------------- tell-tales (summary only)
def telltales(rows):
    """Row-level indicators computed from the written fields (plus the residential flag and reference price)."""
    names = {}
    for row, _, _ in rows:
        for f in ("contact_phone", "contact_email"):
            lst = names.setdefault((f, row[f]), [])
            lst += [] if not row[f] or row["bill_to_name"] in lst else [row["bill_to_name"]]
    out = []
    for row, meta, _ in rows:
        o, item, q = dord(row["order_date"]), row["item"], int(row["quantity"])
        hs = "".join(ch for ch in row["hs_code"] if ch.isdigit())[:6]
        hops, mw = row["route"].split(";")[1:], row["declared_site_mw"]
        out.append({
            "new_customer_90d": bool(row["customer_since"]) and 0 <= o - dord(row["customer_since"]) <= 90,
            "ship_country_ne_bill": row["ship_to_country"] != row["bill_to_country"],
            "ship_to_forwarder_or_logistics": row["ship_to_type"] in ("forwarder", "logistics"),
            "forwarder_named": bool(row["forwarder"]),
            "third_party_payer": row["payer_name"] not in ("", row["bill_to_name"]),
            "payer_country_ne_bill": row["payer_country"] not in ("", row["bill_to_country"]),
            "payer_in_cn_hk": row["payer_country"] in CNHK,
            "route_via_hub": any(c in HUBS for c in hops),
            "ship_to_hub_country": row["ship_to_country"] in HUBS,
            "end_user_blank": not row["end_user_name"],
            "end_user_parent_cn_hk": row["end_user_parent_country"] in CNHK,
            "installation_declined": row["installation_declined"] == "true",
            "residential_address": meta["resid"],
            "webmail_contact": row["contact_email"].split("@")[-1] in WEBMAIL,
            "vague_or_blank_end_use": row["declared_end_use"] in VAGUE,
            "odd_hs_code": bool(hs) and hs not in NORMAL_HS["srv" if KIND[item] == "srv" else "card"],
            "site_mw_below_need": bool(mw) and float(mw) < q * KW[item] / 1000.0,
            "exw_or_fca": row["incoterm"] in ("EXW", "FCA"),
            "price_over_115pct_new": float(row["unit_price_usd"]) > 1.15 * meta["ref"],
            "licence_nlr_or_blank_to_licence_dest": row["ship_to_country"] in LIC_DEST and KIND[item] != "cnm"
            and row["licence"] in ("", "NLR"),
            "contact_shared_with_other_account": any(len(names.get((f, row[f]), ())) > 1
                                                     for f in ("contact_phone", "contact_email") if row[f])})
    return out

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--orders", type=int, default=20000)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    w = World(args.seed)
    div = gen_diverted(w, max(28, round(args.orders * .03)))
    rows = gen_legit(w, max(0, args.orders - len(div))) + div
    rows = [rows[i] for _, _, i in sorted((dord(x[0]["order_date"]), w.rng.random(), i) for i, x in enumerate(rows))]
    for n, (row, _, _) in enumerate(rows, 1):
        row["order_id"] = f"MSX-{row['order_date'][:4]}-{n:06d}"
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "ledger.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([COLUMNS] + [[row[c] for c in COLUMNS] for row, _, _ in rows])
    with open(os.path.join(args.out, "truth.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["order_id", "diverted", "scheme"]] +
                                [[row["order_id"], "true" if k else "false", k] for row, _, k in rows])
    nd = sum(1 for x in rows if x[2])
    print(f"rows {len(rows)}  diverted {nd} ({100.0 * nd / len(rows):.2f}%)  -> {args.out}")
    for key in SCHEMES:
        accts = {x[0]["bill_to_name"]: 1 for x in rows if x[2] == key}
        print(f"  {key:20s} {sum(1 for x in rows if x[2] == key):4d} orders  {len(accts):3d} accounts")
    tt = telltales(rows)
    print(f"  {'tell-tale (share of orders)':40s} {'diverted':>9s} {'legit':>8s}")
    for name in tt[0]:
        d = sum(1 for t, x in zip(tt, rows) if x[2] and t[name])
        lg = sum(1 for t, x in zip(tt, rows) if not x[2] and t[name])
        print(f"  {name:40s} {100.0 * d / max(nd, 1):8.1f}% {100.0 * lg / max(len(rows) - nd, 1):7.1f}%")

if __name__ == "__main__":
    main()
