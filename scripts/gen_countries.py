#!/usr/bin/env python3
"""Regenerate data/countries.csv.

Sources:
- ISO 3166-1 codes and English names: Debian's `iso-codes` package
  (/usr/share/iso-codes/json/iso_3166-1.json).
- Traditional Chinese names: the zh_TW translation of iso-codes (as shipped in the
  `pycountry` wheel, locales/zh_TW/LC_MESSAGES/iso3166-1.mo), overridden by the names
  Taiwan's customs statistics use (CUSTOMS_ZH below, typed from the customs export tables).
- Common English variants: VARIANTS below, typed by hand.

Usage: python3 scripts/gen_countries.py PATH_TO_iso3166-1.mo > data/countries.csv
"""
import csv, gettext, json, sys

ISO = json.load(open('/usr/share/iso-codes/json/iso_3166-1.json'))['3166-1']
tr = gettext.GNUTranslations(open(sys.argv[1], 'rb'))

# Names used by Taiwan customs (Ministry of Finance trade statistics) where they differ
# from the iso-codes zh_TW translation.
CUSTOMS_ZH = {
    'CN': '中國大陸', 'KR': '南韓', 'KP': '北韓', 'RU': '俄羅斯', 'IR': '伊朗', 'ID': '印尼',
    'LA': '寮國', 'SY': '敘利亞', 'FM': '密克羅尼西亞', 'TZ': '坦尚尼亞', 'MD': '摩爾多瓦',
    'PE': '秘魯', 'SH': '聖赫勒拿及阿森松及特斯坦達庫尼亞', 'CC': '可可斯基林群島', 'MS': '蒙瑟拉特',
    'ST': '聖多美普林西比', 'KN': '聖克里斯多福', 'RE': '留尼旺', 'NC': '紐喀里多尼亞',
    'VE': '委內瑞拉', 'GG': '格恩西', 'DO': '多明尼加', 'KM': '葛摩聯盟', 'CF': '中非',
    'BO': '玻利維亞', 'GP': '瓜德魯普', 'TW': '臺灣',
}
VARIANTS = {
    'US': ['USA', 'U.S.', 'U.S.A.', 'United States of America', 'America'],
    'GB': ['UK', 'U.K.', 'Great Britain', 'Britain', 'England'],
    'CN': ['PRC', "People's Republic of China", 'Mainland China', 'Chinese mainland', 'China mainland', 'China (mainland)'],
    'TW': ['Taiwan', 'Chinese Taipei', 'Republic of China', 'ROC', 'Taipei', '台灣'],
    'HK': ['Hong Kong SAR', 'Hong Kong, China', 'Hongkong', 'HKSAR'],
    'MO': ['Macau', 'Macao SAR', 'Macau SAR'],
    'KR': ['Korea', 'Republic of Korea', 'Korea, South', 'ROK'],
    'KP': ["Korea, North", "Democratic People's Republic of Korea", 'DPRK'],
    'RU': ['Russia', 'Russian Federation'],
    'VN': ['Vietnam', 'Viet Nam'],
    'AE': ['UAE', 'U.A.E.', 'Emirates'],
    'SG': ['Republic of Singapore'],
    'MY': ['Federation of Malaysia'],
    'TH': ['Kingdom of Thailand', 'Siam'],
    'PH': ['Republic of the Philippines', 'Philippine Islands'],
    'ID': ['Republic of Indonesia'],
    'CZ': ['Czech Republic'],
    'TR': ['Turkey', 'Turkiye', 'Türkiye'],
    'NL': ['Holland', 'The Netherlands'],
    'MM': ['Burma'],
    'CI': ["Cote d'Ivoire", 'Ivory Coast'],
    'CD': ['DR Congo', 'DRC', 'Congo-Kinshasa'],
    'CG': ['Congo-Brazzaville', 'Republic of the Congo'],
    'SA': ['KSA'],
    'MK': ['Macedonia'],
    'SZ': ['Swaziland'],
    'CV': ['Cape Verde'],
    'VA': ['Vatican', 'Holy See'],
    'PS': ['Palestine'],
    'IN': ['Republic of India', 'Bharat'],
    'JP': ['Nippon'],
    'DE': ['Federal Republic of Germany'],
}
# Codes outside ISO 3166-1 that trade statistics use.
EXTRA = [
    # alpha2, alpha3, numeric, name, common, zh, variants
    ('XK', 'XKX', '', 'Kosovo', '', '科索沃', ''),
    ('AN', 'ANT', '530', 'Netherlands Antilles', '', '荷屬安地列斯', 'Antilles'),
    ('XX', 'XXX', '', 'Other countries (unspecified)', '', '其他國家', 'Other; Other countries; Unspecified'),
]

w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['alpha2', 'alpha3', 'numeric', 'name', 'common_name', 'zh_tw', 'variants'])
for c in sorted(ISO, key=lambda c: c['alpha_2']):
    a2 = c['alpha_2']
    zh = CUSTOMS_ZH.get(a2) or tr.gettext(c['name'])
    if zh == c['name']:
        zh = ''
    zhs = [zh] if zh else []
    iso_zh = tr.gettext(c['name'])
    if iso_zh != c['name'] and iso_zh not in zhs:
        zhs.append(iso_zh)
    common = c.get('common_name', '')
    if a2 == 'TW':
        common = 'Taiwan'
    variants = list(VARIANTS.get(a2, []))
    if 'official_name' in c and c['official_name'] not in variants:
        variants.append(c['official_name'])
    variants = [v for v in variants if v not in (c['name'], common)]
    w.writerow([a2, c['alpha_3'], c['numeric'], c['name'], common, ';'.join(zhs), ';'.join(variants)])
for row in EXTRA:
    w.writerow(row)
