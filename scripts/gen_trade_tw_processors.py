#!/usr/bin/env python3
"""Regenerate data/trade_tw_processors.csv (needs the shared research data beside the repo).

Sums Taiwan customs exports of CCC 85423100002 (HS 8542.31 processors and controllers) by
destination and year, 2017 to Jan-Jul 2025, rounded to the thousand US dollars, and writes them in
chipwatch's canonical trade schema. Country names stay in Traditional Chinese as customs writes
them: chipwatch resolves them through data/countries.csv.

Usage: python3 scripts/gen_trade_tw_processors.py ../shared/data/trade/taiwan_customs_hs8542 > data/trade_tw_processors.csv
"""
import collections, csv, sys

SRC = 'Taiwan Customs (MOF) trade statistics, CCC 85423100002 exports by destination, summed by year'
agg = collections.defaultdict(float)
with open(f'{sys.argv[1]}/taiwan_exports_by_country_2013_2025.csv', encoding='utf-8-sig') as f:
    for r in csv.DictReader(f):
        if r['HS Code'] == '85423100002' and int(r['Year']) >= 2017:
            agg[(int(r['Year']), r['Country'])] += float(r['Export Value (USD)'])
w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['period', 'reporter', 'partner', 'flow', 'hs_code', 'value_usd', 'status', 'source'])
for (year, country), v in sorted(agg.items()):
    if year == 2025:
        w.writerow(['2025-01..2025-07', 'TW', country, 'export', '85423100002', int(round(v, -3)), 'preliminary',
                    SRC + '; Jan-Jul 2025 preliminary'])
    else:
        w.writerow([year, 'TW', country, 'export', '85423100002', int(round(v, -3)), 'final', SRC])
