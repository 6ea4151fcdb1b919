//! `benign_market`: a legitimate-heavy AI-accelerator ledger that tests false alerts as much as
//! recall.
//!
//! # Market modelled
//! Most orders come from the way the legitimate market really buys, and most of those carry at
//! least one signal a naive red-flag rule would fire on:
//!
//! * **Hyperscalers** buy HGX baseboards and DGX-class systems from ODMs/OEMs by the hundred for
//!   their own campuses in many countries (US, IE, NL, Nordics, SG, Johor, JP, IN, AE ...). A
//!   treasury centre in IE/NL/LU/SG/CH often pays (third-party, third-country payer); 3PLs stage
//!   the freight in consolidation centres (ship-to = logistics); their own ops teams install, so
//!   vendor installation is often declined.
//! * **Neoclouds** (CoreWeave/Lambda/Nebius/Fluidstack-like) were founded recently, buy in bulk,
//!   and are financed by GPU-backed delayed-draw loans through SPVs ("... Compute Funding II
//!   LLC") or by sale-and-leaseback lessors, so the payer is a finance company, sometimes in
//!   another country (KY/IE/LU funds). They ship to colocation halls shared by many tenants,
//!   often in a neighbouring country (Singapore tenants in Johor, Dutch/British tenants in FI, IS,
//!   NO, SE), with 3PL staging; the declared site MW is the tenant's leased phase and is sometimes
//!   tight.
//! * **Multinationals** ship to a regional hub run by a 3PL (SG, NL, AE, US) while the end user
//!   is an R&D centre elsewhere (IN, TH, VN, PL, MX ...); shared-service centres pay.
//! * **AI startups** incorporated months before a one-off bulk purchase, paid by a Delaware parent
//!   or a venture lender, founders on webmail, colo abroad, installation declined.
//! * **Universities** paid through grant agencies or (cross-border) foundations.
//! * **Distributors** restocking and drop-shipping to neighbouring countries with the end user
//!   unknown ("stock for resale"); **small firms** (VFX, CAD, AI shops) buying a few cards with
//!   webmail, home-office addresses, many empty fields, some in Singapore's Sim Lim electronics
//!   malls (addresses that also appear on the Entity List); a few legitimate companies whose names
//!   resemble listed parties.
//! * **Legitimate China sales** of compliant SKUs inside their windows (A800/H800 until
//!   2023-11-16, H20 2024-02 to 2025-04-09, L20, RTX 4090D/5090D), often routed via HK.
//! * Routes through SG/HK/AE air hubs are common for legitimate Asian and Gulf customers.
//!
//! # Diverted orders (1.5-2 % of rows, drawn per seed; row quotas per scheme)
//! Rings of 1-4 shell buyers reuse phones (0.35 per shell), offices (0.35), a trading-firm payer
//! and a small forwarder (every ring order unless the field is blank). Each tell-tale is kept with
//! the probability shown, and a row that kept none gets installation declined and no end user:
//! * `vague_reseller` (22 %): reseller/distributor ship-to (0.7), end user empty (0.4) or vague
//!   text (0.35) or an unverifiable firm next door (0.1), high-end SXM/HGX item (0.8), new company
//!   (0.45), installation declined (0.55), third-country trading payer (0.25), webmail (0.25), HK
//!   in route (0.15), generic end use (0.5).
//! * `neocloud_front` (20 %): "GPU cloud" whose declared MW cannot power what it buys (0.55; MW
//!   missing 0.3), incorporated < 1 year (0.6), installation declined (0.45), offshore holding
//!   payer in VG/SC/HK/KY/AE (0.35), "data centre" at an office address (0.2), parent in HK/CN
//!   (0.25), webmail (0.15); ships to real colo halls most of the time.
//! * `third_country_payer` (18 %): ordinary-looking buyer, payer a trading firm in
//!   HK/CN/AE/KZ/KG/TR/SC/VG (0.85), new company (0.3), end user empty (0.3), installation
//!   declined (0.3), HK/AE in route (0.2).
//! * `split_orders` (15 %): 4-10 small lots per shell within 1-5 months; shells share a ship-to
//!   (0.6) and phone (0.5); logistics/forwarder ship-to (0.45), new company (0.5), webmail (0.3),
//!   installation declined (0.4).
//! * `near_csl_name` (13 %): name variant of a party in the sample CSL (0.6), otherwise (and for
//!   0.55 of the named ones) a listed address; forwarder named like a listed logistics firm (0.4),
//!   vague end user (0.4), installation declined (0.35), HK route (0.2).
//! * `parent_masked` (12 %): China-headquartered buyer behind a SG/MY subsidiary: parent shown as a
//!   local holding (0.45) or empty (0.4), as CN only 0.15; +86/+852 phone (0.45), .cn/163/qq e-mail
//!   (0.3), HK/CN payer (0.4), billed in SG but shipped to MY/TH (0.5), installation declined (0.3).
//! * All schemes: premium price (0.25), wrong HS code (0.12; legitimate 0.02), a route that goes on
//!   past the declared destination to HK/CN (0.1).
//!
//! # Benign oddities (legitimate rows, seed 1, 20,000 rows)
//! About 72 % of legitimate rows carry at least one naive flag and 43 % two or more: payer other
//! than the buyer 20 %, payer in another country 15 %, reseller/distributor ship-to 17 %,
//! logistics/forwarder ship-to 10 %, installation declined 21 %, end user missing 21 %, customer
//! for < 1 year 10 %, webmail 9 %, SG/HK/AE hub in route 9 %, ship-to and end-user countries
//! differ 8 %, ship-to CN/HK 5 %, +86/+852 phone 4 %, parent in CN 1.4 %, declared MW short of the
//! order 0.6 %, CSL look-alike names/addresses ~0.5 %, wrong HS code 1 %; fields are left empty
//! at realistic rates (3-30 % per field, declared MW 77 %).
//!
//! # Public sources used (via the `pages` search corpus)
//! * GPU-backed debt of neoclouds, SPVs and delayed-draw loans: illustrated-ai.com (CoreWeave
//!   $8.5 B GPU-backed loan), davefriedman.substack.com/p/coreweave-issued-yet-more-debt,
//!   web-origin.lbkrs.com/news/247757960 (Fluidstack, Macquarie), webbizmarket.com (neocloud debt
//!   market: CoreWeave, Crusoe, Lambda).
//! * Sale-and-leaseback of GPUs: gpuleaseindex.com/financing/sale-leaseback,
//!   gpuloans.com/blog/gpu-financing-strategies-enterprise-data-centers,
//!   chg-meridian.com/ca-en/insights/blog/ai-infrastructure-financing/.
//! * Singapore/Johor capacity: computeforecast.com (Johor data-centre boom), thesun.my (Singapore-
//!   Johor corridor), structureresearch.net (Johor/Batam overflow), frominsideasia.com.
//! * Singapore billing vs shipments ("most shipments associated with Singapore revenue were to
//!   locations other than Singapore"): techstories.co, 4nownews.com, baystreet.ca.
//! * Channel: NVIDIA sells through authorised server makers and partners
//!   (rillor.com/insights/nvidia-channel-compliance-in-forward-contracts,
//!   stgm.rebates-on.com NVIDIA Partner Network, ai-infrastructure.net/vendor-sourcing-procurement/).
//! * 3PL in semiconductor logistics: epsnews.com (DHL on 3PLs), dhl.com semiconductor logistics.
//! * Diversion pattern (misrepresented final destination of Dell/Supermicro servers, SG to MY):
//!   devdiscourse.com, tweaktown.com, theindependent.sg.
//! * Power per system (DGX H100 10.2 kW; 40.8 kW racks): supercluster.blog, unanswered.io,
//!   docs.nvidia.com DGX SuperPOD data-centre design; university purchases via NSF MRI grants
//!   (grantindex.ai, grantome.com) and donor-funded DGX SuperPODs (nextgov.com).
//! * Red flags, country groups and chip windows: shared/domain/rules.md; listed names and
//!   addresses: data/screen/sample_csl.csv.
//!
//! All company, person and facility names are fictional, except the deliberate look-alikes of
//! listed parties.

use std::collections::HashMap;

pub const NAME: &str = "benign_market";
pub const SOURCES: &str = "CoreWeave/Fluidstack GPU-backed loans (illustrated-ai.com, davefriedman.substack.com, lbkrs.com); GPU sale-leaseback (gpuleaseindex.com, gpuloans.com); Johor/Singapore capacity (computeforecast.com, thesun.my, structureresearch.net); NVIDIA Singapore billing (techstories.co, 4nownews.com); NVIDIA channel (rillor.com, ai-infrastructure.net); 3PL (epsnews.com, dhl.com); SG server fraud case (devdiscourse.com, tweaktown.com); DGX power (supercluster.blog, docs.nvidia.com); sample_csl.csv; rules.md";

const HEADER: &str = "order_id,order_date,seller,seller_country,bill_to_name,bill_to_address,bill_to_country,ship_to_name,ship_to_address,ship_to_country,ship_to_type,end_user_name,end_user_address,end_user_country,end_user_parent,end_user_parent_country,payer_name,payer_country,item,hs_code,quantity,unit_price_usd,currency,incoterm,forwarder,route,declared_end_use,installation_declined,customer_since,contact_email,contact_phone,declared_site_mw";

// ---------------------------------------------------------------- PRNG (SplitMix64)

struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn f(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.f() < p
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % ((hi - lo + 1).max(1) as u64)) as i64
    }
    fn uni(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.f()
    }
    fn log_uni(&mut self, lo: f64, hi: f64) -> f64 {
        (lo.ln() + (hi.ln() - lo.ln()) * self.f()).exp()
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn pick_s(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }
    fn weighted<T: Copy>(&mut self, xs: &[(T, f64)]) -> T {
        let total: f64 = xs.iter().map(|x| x.1).sum();
        let mut r = self.f() * total;
        for x in xs {
            if r < x.1 {
                return x.0;
            }
            r -= x.1;
        }
        xs[xs.len() - 1].0
    }
}

// ---------------------------------------------------------------- dates

fn days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn ymd(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn start_day() -> i64 {
    days(2023, 1, 1)
}
fn end_day() -> i64 {
    days(2026, 6, 30)
}

/// Date in [lo, hi] with a growing market (more orders later).
fn sample_date(rng: &mut Rng, lo: i64, hi: i64) -> i64 {
    let u = if rng.chance(0.5) {
        rng.f()
    } else {
        rng.f().max(rng.f())
    };
    lo + (u * (hi - lo).max(0) as f64) as i64
}

// ---------------------------------------------------------------- geography

struct Geo {
    cc: &'static str,
    dial: &'static str,
    euro_style: bool,
    cities: &'static [&'static str], // "City|postcode"
    streets: &'static [&'static str],
    dcs: &'static [&'static str], // "City|postcode|street" of data-centre / industrial parks
}

const GEO: &[Geo] = &[
    Geo {
        cc: "US",
        dial: "+1",
        euro_style: false,
        cities: &[
            "San Jose, CA|95134",
            "Seattle, WA|98109",
            "Austin, TX|78701",
            "New York, NY|10001",
            "Boston, MA|02110",
            "Chicago, IL|60606",
            "Denver, CO|80202",
            "Palo Alto, CA|94301",
            "Pittsburgh, PA|15213",
        ],
        streets: &[
            "Market Street",
            "Main Street",
            "Technology Drive",
            "Innovation Way",
            "Mission Street",
            "Commerce Parkway",
            "Park Avenue",
        ],
        dcs: &[
            "Ashburn, VA|20147|Loudoun County Parkway",
            "Hillsboro, OR|97124|NE Huffman Street",
            "Dallas, TX|75207|Stemmons Freeway",
            "Phoenix, AZ|85034|E Van Buren Street",
            "Reno, NV|89434|USA Parkway",
            "Columbus, OH|43219|Smoky Row Road",
            "Atlanta, GA|30318|Marietta Street NW",
            "Plano, TX|75074|Technology Boulevard",
        ],
    },
    Geo {
        cc: "CA",
        dial: "+1",
        euro_style: false,
        cities: &[
            "Toronto, ON|M5V 2T6",
            "Montreal, QC|H3B 4W8",
            "Vancouver, BC|V6B 1A1",
        ],
        streets: &[
            "King Street West",
            "Rue Sainte-Catherine",
            "Granville Street",
        ],
        dcs: &[
            "Beauharnois, QC|J6N 1A1|Chemin du Canal",
            "Markham, ON|L3R 0B8|Allstate Parkway",
        ],
    },
    Geo {
        cc: "MX",
        dial: "+52",
        euro_style: false,
        cities: &[
            "Ciudad de Mexico|06600",
            "Guadalajara, Jal.|44100",
            "Monterrey, N.L.|64000",
        ],
        streets: &[
            "Paseo de la Reforma",
            "Avenida Chapultepec",
            "Avenida Constitucion",
        ],
        dcs: &["Queretaro, Qro.|76246|Parque Industrial El Marques"],
    },
    Geo {
        cc: "BR",
        dial: "+55",
        euro_style: false,
        cities: &["Sao Paulo, SP|04543-011", "Rio de Janeiro, RJ|20040-020"],
        streets: &["Avenida Paulista", "Rua Funchal"],
        dcs: &["Barueri, SP|06460-040|Alameda Rio Negro"],
    },
    Geo {
        cc: "GB",
        dial: "+44",
        euro_style: false,
        cities: &[
            "London|EC2A 4NE",
            "Manchester|M1 1AE",
            "Cambridge|CB2 1TN",
            "Edinburgh|EH2 2AD",
            "Bristol|BS1 4DJ",
        ],
        streets: &[
            "City Road",
            "High Street",
            "Station Road",
            "King Street",
            "Hills Road",
        ],
        dcs: &[
            "Slough|SL1 4AX|Buckingham Avenue",
            "London|E14 2AA|East India Dock Road",
            "Didcot|OX11 0RG|Milton Park",
        ],
    },
    Geo {
        cc: "IE",
        dial: "+353",
        euro_style: false,
        cities: &["Dublin 2|D02 X285", "Cork|T12 RW26"],
        streets: &["Sir John Rogerson's Quay", "Grand Canal Street"],
        dcs: &[
            "Dublin 24|D24 EW30|Grange Castle Business Park",
            "Dublin 15|D15 X2RP|Blanchardstown Corporate Park",
        ],
    },
    Geo {
        cc: "NL",
        dial: "+31",
        euro_style: true,
        cities: &[
            "Amsterdam|1017 CE",
            "Rotterdam|3011 AD",
            "Eindhoven|5611 AZ",
        ],
        streets: &["Herengracht", "Coolsingel", "Stationsplein"],
        dcs: &[
            "Amsterdam|1101 EB|Science Park",
            "Eemshaven|9979 XT|Oostpolderweg",
            "Schiphol|1118 CP|Evert van de Beekstraat",
        ],
    },
    Geo {
        cc: "BE",
        dial: "+32",
        euro_style: true,
        cities: &["Brussels|1000", "Antwerp|2000"],
        streets: &["Avenue Louise", "Meir"],
        dcs: &["Saint-Ghislain|7330|Rue de l'Industrie"],
    },
    Geo {
        cc: "DE",
        dial: "+49",
        euro_style: true,
        cities: &[
            "Munich|80331",
            "Berlin|10117",
            "Stuttgart|70173",
            "Hamburg|20095",
            "Darmstadt|64283",
        ],
        streets: &[
            "Leopoldstrasse",
            "Friedrichstrasse",
            "Koenigstrasse",
            "Jungfernstieg",
        ],
        dcs: &[
            "Frankfurt am Main|60314|Hanauer Landstrasse",
            "Frankfurt am Main|65933|Eschborner Landstrasse",
        ],
    },
    Geo {
        cc: "FR",
        dial: "+33",
        euro_style: true,
        cities: &[
            "Paris|75008",
            "Lyon|69002",
            "Grenoble|38000",
            "Toulouse|31000",
        ],
        streets: &[
            "Rue de Rivoli",
            "Boulevard Haussmann",
            "Avenue Felix Viallet",
        ],
        dcs: &[
            "Saint-Denis|93200|Rue Ambroise Croizat",
            "Marseille|13015|Chemin du Littoral",
        ],
    },
    Geo {
        cc: "ES",
        dial: "+34",
        euro_style: true,
        cities: &["Madrid|28046", "Barcelona|08008"],
        streets: &["Paseo de la Castellana", "Avinguda Diagonal"],
        dcs: &["Alcobendas|28108|Calle de la Granja"],
    },
    Geo {
        cc: "IT",
        dial: "+39",
        euro_style: true,
        cities: &["Milano|20121", "Torino|10121", "Bologna|40121"],
        streets: &["Via Monte Napoleone", "Via Roma", "Via dell'Indipendenza"],
        dcs: &["Settimo Milanese|20019|Via Gioacchino Rossini"],
    },
    Geo {
        cc: "PL",
        dial: "+48",
        euro_style: true,
        cities: &["Warszawa|00-124", "Krakow|31-155"],
        streets: &["ul. Prosta", "ul. Grzegorzecka"],
        dcs: &["Warszawa|03-236|ul. Annopol"],
    },
    Geo {
        cc: "CZ",
        dial: "+420",
        euro_style: true,
        cities: &["Praha|110 00", "Brno|602 00"],
        streets: &["Vaclavske namesti", "Husova"],
        dcs: &["Praha|190 00|Cervenkova"],
    },
    Geo {
        cc: "AT",
        dial: "+43",
        euro_style: true,
        cities: &["Wien|1010", "Graz|8010"],
        streets: &["Kaerntner Strasse", "Herrengasse"],
        dcs: &["Wien|1230|Computerstrasse"],
    },
    Geo {
        cc: "CH",
        dial: "+41",
        euro_style: true,
        cities: &["Zurich|8001", "Geneve|1201", "Lausanne|1003"],
        streets: &["Bahnhofstrasse", "Rue du Rhone", "Avenue de la Gare"],
        dcs: &["Glattbrugg|8152|Industriestrasse"],
    },
    Geo {
        cc: "SE",
        dial: "+46",
        euro_style: true,
        cities: &["Stockholm|111 52", "Gothenburg|411 05"],
        streets: &["Kungsgatan", "Drottninggatan"],
        dcs: &["Lulea|973 34|Datavagen", "Falun|791 75|Kopparvagen"],
    },
    Geo {
        cc: "FI",
        dial: "+358",
        euro_style: true,
        cities: &["Helsinki|00100", "Espoo|02150"],
        streets: &["Mannerheimintie", "Tekniikantie"],
        dcs: &[
            "Mantsala|04600|Konesalitie",
            "Kajaani|87100|Renforsin Ranta",
            "Hamina|49460|Summantie",
        ],
    },
    Geo {
        cc: "NO",
        dial: "+47",
        euro_style: true,
        cities: &["Oslo|0150", "Bergen|5003"],
        streets: &["Karl Johans gate", "Strandkaien"],
        dcs: &[
            "Rjukan|3660|Vemork",
            "Stavanger|4056|Rennesoy Datasenterpark",
        ],
    },
    Geo {
        cc: "IS",
        dial: "+354",
        euro_style: true,
        cities: &["Reykjavik|101"],
        streets: &["Laugavegur", "Borgartun"],
        dcs: &["Keflavik|235|Asbru Data Campus", "Blonduos|540|Hnjukar"],
    },
    Geo {
        cc: "TR",
        dial: "+90",
        euro_style: true,
        cities: &["Istanbul|34394", "Ankara|06510"],
        streets: &["Buyukdere Caddesi", "Ataturk Bulvari"],
        dcs: &["Istanbul|34906|Pendik Teknopark"],
    },
    Geo {
        cc: "IL",
        dial: "+972",
        euro_style: false,
        cities: &["Tel Aviv|6789141", "Haifa|3508409", "Herzliya|4672565"],
        streets: &[
            "Rothschild Boulevard",
            "HaMada Street",
            "Abba Eban Boulevard",
        ],
        dcs: &["Petah Tikva|4951125|HaMagshimim Street"],
    },
    Geo {
        cc: "AE",
        dial: "+971",
        euro_style: false,
        cities: &["Dubai|00000", "Abu Dhabi|00000"],
        streets: &[
            "Sheikh Zayed Road",
            "Al Maryah Island",
            "Dubai Internet City",
        ],
        dcs: &[
            "Abu Dhabi|00000|Khalifa Industrial Zone",
            "Dubai|00000|Dubai Silicon Oasis",
            "Dubai|00000|Jebel Ali Free Zone South",
        ],
    },
    Geo {
        cc: "SA",
        dial: "+966",
        euro_style: false,
        cities: &["Riyadh|12214", "Jeddah|23521"],
        streets: &["King Fahd Road", "Olaya Street"],
        dcs: &[
            "Dammam|32415|Second Industrial City",
            "Riyadh|13519|King Salman Energy Park",
        ],
    },
    Geo {
        cc: "QA",
        dial: "+974",
        euro_style: false,
        cities: &["Doha|00000"],
        streets: &["West Bay", "Lusail Boulevard"],
        dcs: &["Doha|00000|Qatar Free Zones"],
    },
    Geo {
        cc: "OM",
        dial: "+968",
        euro_style: false,
        cities: &["Muscat|112"],
        streets: &["Sultan Qaboos Street"],
        dcs: &["Muscat|111|Knowledge Oasis"],
    },
    Geo {
        cc: "KW",
        dial: "+965",
        euro_style: false,
        cities: &["Kuwait City|13001"],
        streets: &["Ahmad Al Jaber Street"],
        dcs: &["Shuwaikh|70050|Industrial Area"],
    },
    Geo {
        cc: "BH",
        dial: "+973",
        euro_style: false,
        cities: &["Manama|317"],
        streets: &["Seef District"],
        dcs: &["Hidd|115|Bahrain International Investment Park"],
    },
    Geo {
        cc: "EG",
        dial: "+20",
        euro_style: false,
        cities: &["Cairo|11511", "Giza|12577"],
        streets: &["Corniche El Nil", "Smart Village Road"],
        dcs: &["New Cairo|11835|Fifth Settlement"],
    },
    Geo {
        cc: "IN",
        dial: "+91",
        euro_style: false,
        cities: &[
            "Bengaluru|560103",
            "Mumbai|400051",
            "Hyderabad|500081",
            "Pune|411014",
            "Chennai|600113",
            "Gurugram|122002",
        ],
        streets: &[
            "Outer Ring Road",
            "Bandra Kurla Complex",
            "HITEC City",
            "MG Road",
            "Old Mahabalipuram Road",
        ],
        dcs: &[
            "Navi Mumbai|400710|TTC Industrial Area",
            "Chennai|600058|Ambattur Industrial Estate",
            "Hyderabad|500032|Gachibowli",
            "Noida|201305|Sector 62",
        ],
    },
    Geo {
        cc: "SG",
        dial: "+65",
        euro_style: false,
        cities: &[
            "Singapore|018989",
            "Singapore|038987",
            "Singapore|138522",
            "Singapore|119613",
            "Singapore|609916",
        ],
        streets: &[
            "Marina Boulevard",
            "Raffles Place",
            "Fusionopolis Way",
            "One-North Crescent",
            "Jurong Gateway Road",
            "Ubi Avenue 1",
        ],
        dcs: &[
            "Singapore|628283|Jurong West Street 91",
            "Singapore|534411|Tai Seng Avenue",
            "Singapore|508988|Loyang Way",
            "Singapore|569059|Ang Mo Kio Industrial Park",
            "Singapore|757435|Woodlands Industrial Park",
        ],
    },
    Geo {
        cc: "MY",
        dial: "+60",
        euro_style: false,
        cities: &[
            "Kuala Lumpur|50450",
            "Petaling Jaya, Selangor|47800",
            "Penang|11900",
            "Johor Bahru, Johor|80000",
            "Cyberjaya, Selangor|63000",
        ],
        streets: &[
            "Jalan Ampang",
            "Jalan Sultan Ismail",
            "Persiaran Multimedia",
            "Jalan Tun Razak",
            "Lebuh Bayan Lepas",
        ],
        dcs: &[
            "Kulai, Johor|81400|Sedenak Tech Park",
            "Iskandar Puteri, Johor|79100|Nusajaya Tech Park",
            "Johor Bahru, Johor|81750|Kawasan Perindustrian Nusa Cemerlang",
            "Cyberjaya, Selangor|63000|Persiaran APEC",
            "Kulai, Johor|81000|Kulai Iskandar Data Exchange",
        ],
    },
    Geo {
        cc: "TH",
        dial: "+66",
        euro_style: false,
        cities: &["Bangkok|10110", "Bangkok|10500", "Chonburi|20230"],
        streets: &["Sukhumvit Road", "Silom Road", "Rama IV Road"],
        dcs: &[
            "Chonburi|20230|Amata City Industrial Estate",
            "Samut Prakan|10540|Bang Na-Trat Road",
        ],
    },
    Geo {
        cc: "ID",
        dial: "+62",
        euro_style: false,
        cities: &["Jakarta|12190", "Surabaya|60271"],
        streets: &["Jalan Jenderal Sudirman", "Jalan MH Thamrin"],
        dcs: &[
            "Batam|29433|Nongsa Digital Park",
            "Cikarang, Bekasi|17530|Jababeka Industrial Estate",
        ],
    },
    Geo {
        cc: "PH",
        dial: "+63",
        euro_style: false,
        cities: &["Makati City|1226", "Taguig|1634"],
        streets: &["Ayala Avenue", "5th Avenue, Bonifacio Global City"],
        dcs: &["Quezon City|1110|Eastwood City Cyberpark"],
    },
    Geo {
        cc: "VN",
        dial: "+84",
        euro_style: false,
        cities: &["Ha Noi|100000", "Ho Chi Minh City|700000", "Da Nang|550000"],
        streets: &[
            "Duy Tan Street",
            "Nguyen Hue Boulevard",
            "Pham Van Bach Street",
        ],
        dcs: &[
            "Ho Chi Minh City|700000|Saigon Hi-Tech Park",
            "Ha Noi|100000|Hoa Lac Hi-Tech Park",
        ],
    },
    Geo {
        cc: "HK",
        dial: "+852",
        euro_style: false,
        cities: &[
            "Kowloon|",
            "Central|",
            "Kwun Tong, Kowloon|",
            "Sha Tin, N.T.|",
        ],
        streets: &[
            "Nathan Road",
            "Queen's Road Central",
            "Hoi Bun Road",
            "Science Park Road",
        ],
        dcs: &[
            "Tseung Kwan O, N.T.||Chun Kwong Street",
            "Tsuen Wan, N.T.||Chai Wan Kok Street",
        ],
    },
    Geo {
        cc: "CN",
        dial: "+86",
        euro_style: false,
        cities: &[
            "Beijing|100080",
            "Shanghai|200120",
            "Shenzhen|518057",
            "Hangzhou|310052",
            "Chengdu|610041",
        ],
        streets: &[
            "Zhongguancun Street",
            "Century Avenue",
            "Keyuan Road",
            "Wangshang Road",
            "Tianfu Avenue",
        ],
        dcs: &[
            "Gui'an New Area, Guizhou|550025|Data Avenue",
            "Ulanqab, Inner Mongolia|012000|Jining District Big Data Park",
            "Zhangbei, Hebei|076450|Cloud Computing Industrial Base",
            "Wuhu, Anhui|241000|Computing Hub Avenue",
        ],
    },
    Geo {
        cc: "TW",
        dial: "+886",
        euro_style: false,
        cities: &["Taipei|114", "Hsinchu|300", "Taoyuan|333"],
        streets: &["Ruiguang Road", "Science Park Road", "Wenhua 1st Road"],
        dcs: &[
            "Taoyuan|333|Huaya 2nd Road",
            "Changhua|505|Changbin Industrial Zone",
        ],
    },
    Geo {
        cc: "JP",
        dial: "+81",
        euro_style: false,
        cities: &[
            "Tokyo|100-0005",
            "Tokyo|105-7010",
            "Osaka|530-0001",
            "Yokohama|220-8401",
            "Fukuoka|810-0001",
        ],
        streets: &["Marunouchi", "Higashi-Shimbashi", "Umeda", "Minatomirai"],
        dcs: &[
            "Inzai, Chiba|270-1337|Makinohara",
            "Osaka|559-0034|Nanko-kita",
            "Ishikari, Hokkaido|061-3241|Shinko-chuo",
        ],
    },
    Geo {
        cc: "KR",
        dial: "+82",
        euro_style: false,
        cities: &["Seoul|06164", "Seongnam|13494", "Busan|48058"],
        streets: &["Teheran-ro", "Pangyoyeok-ro", "Centum jungang-ro"],
        dcs: &[
            "Gasan, Seoul|08502|Digital-ro",
            "Pyeongtaek|17745|Godeok International City",
            "Chuncheon|24232|Gakhwa-dong",
        ],
    },
    Geo {
        cc: "AU",
        dial: "+61",
        euro_style: false,
        cities: &["Sydney NSW|2000", "Melbourne VIC|3000", "Brisbane QLD|4000"],
        streets: &["George Street", "Collins Street", "Eagle Street"],
        dcs: &[
            "Macquarie Park NSW|2113|Talavera Road",
            "Eastern Creek NSW|2766|Old Wallgrove Road",
        ],
    },
    Geo {
        cc: "NZ",
        dial: "+64",
        euro_style: false,
        cities: &["Auckland|1010", "Wellington|6011"],
        streets: &["Queen Street", "Lambton Quay"],
        dcs: &["Auckland|2104|Airport Oaks"],
    },
];

fn geo(cc: &str) -> &'static Geo {
    GEO.iter().find(|g| g.cc == cc).unwrap_or(&GEO[0])
}

fn split2(s: &str) -> (&str, &str) {
    let mut it = s.split('|');
    (it.next().unwrap_or(""), it.next().unwrap_or(""))
}

fn fmt_addr(g: &Geo, num: i64, street: &str, city: &str, post: &str) -> String {
    let cityline = if post.is_empty() {
        city.to_string()
    } else if g.euro_style {
        format!("{post} {city}")
    } else {
        format!("{city} {post}")
    };
    if g.euro_style {
        format!("{street} {num}, {cityline}, {}", g.cc)
    } else {
        format!("{num} {street}, {cityline}, {}", g.cc)
    }
}

fn office_address(rng: &mut Rng, cc: &str) -> String {
    let g = geo(cc);
    let (city, post) = split2(rng.pick_s(g.cities));
    let street = *rng.pick(g.streets);
    let num = rng.int(1, 480);
    let base = fmt_addr(g, num, street, city, post);
    if matches!(
        cc,
        "SG" | "MY" | "HK" | "TH" | "CN" | "TW" | "JP" | "KR" | "ID" | "PH" | "VN" | "IN" | "AE"
    ) && rng.chance(0.6)
    {
        format!("Level {}, {base}", rng.int(2, 48))
    } else if rng.chance(0.3) {
        format!("Suite {}, {base}", rng.int(100, 2400))
    } else {
        base
    }
}

fn home_address(rng: &mut Rng, cc: &str) -> String {
    let g = geo(cc);
    let (city, post) = split2(rng.pick_s(g.cities));
    match cc {
        "SG" => format!(
            "Blk {} {} Street {}, #{:02}-{}, Singapore {}",
            rng.int(100, 899),
            rng.pick(&[
                "Tampines",
                "Bedok North",
                "Ang Mo Kio",
                "Yishun",
                "Jurong East"
            ]),
            rng.int(11, 81),
            rng.int(2, 25),
            rng.int(100, 999),
            rng.int(460_000, 769_999)
        ),
        "HK" => format!(
            "Flat {}, {}/F, Block {}, {} Garden, {city}, HK",
            rng.pick(&["A", "B", "C", "D"]),
            rng.int(3, 38),
            rng.int(1, 8),
            rng.pick(&["Laguna", "Kingswood", "Wonderland", "Harbour View"])
        ),
        _ => format!(
            "Apt {}, {}",
            rng.int(1, 60),
            fmt_addr(g, rng.int(1, 300), rng.pick_s(g.streets), city, post)
        ),
    }
}

fn dc_address(rng: &mut Rng, cc: &str) -> (String, String) {
    let g = geo(cc);
    let s = *rng.pick(g.dcs);
    let mut it = s.split('|');
    let city = it.next().unwrap_or("");
    let post = it.next().unwrap_or("");
    let street = it.next().unwrap_or("Industrial Road");
    (
        fmt_addr(g, rng.int(1, 120), street, city, post),
        city.split(',').next().unwrap_or(city).to_string(),
    )
}

fn phone(rng: &mut Rng, cc: &str) -> String {
    let dial = geo(cc).dial;
    match cc {
        "US" | "CA" => format!(
            "{dial} {} {:03} {:04}",
            rng.int(201, 989),
            rng.int(200, 999),
            rng.int(0, 9999)
        ),
        "CN" => format!(
            "{dial} 1{} {:04} {:04}",
            rng.int(30, 89),
            rng.int(0, 9999),
            rng.int(0, 9999)
        ),
        "SG" | "HK" => format!(
            "{dial} {} {:03} {:04}",
            rng.pick(&["6", "8", "9"]),
            rng.int(100, 999),
            rng.int(0, 9999)
        ),
        _ => format!(
            "{dial} {} {:03} {:04}",
            rng.int(10, 99),
            rng.int(100, 999),
            rng.int(0, 9999)
        ),
    }
}

fn region(cc: &str) -> u8 {
    match cc {
        "US" | "CA" | "MX" | "BR" => 0,
        "GB" | "IE" | "NL" | "BE" | "DE" | "FR" | "ES" | "IT" | "PL" | "CZ" | "AT" | "CH"
        | "SE" | "FI" | "NO" | "IS" | "TR" | "IL" | "LU" => 1,
        "AE" | "SA" | "QA" | "OM" | "KW" | "BH" | "EG" => 2,
        "CN" | "HK" => 4,
        _ => 3,
    }
}

fn neighbours(cc: &str) -> &'static [&'static str] {
    match cc {
        "SG" => &["MY", "ID", "TH", "PH", "VN"],
        "MY" => &["SG", "TH", "ID"],
        "TH" => &["MY", "VN", "SG"],
        "AE" => &["SA", "QA", "OM", "KW", "BH", "EG", "IN"],
        "DE" => &["PL", "CZ", "AT", "CH", "NL"],
        "NL" => &["BE", "DE", "FR"],
        "US" => &["CA", "MX"],
        "IN" => &["AE", "SG"],
        "JP" => &["KR", "TW"],
        "KR" => &["JP"],
        "TW" => &["JP", "SG"],
        "AU" => &["NZ"],
        "PL" => &["CZ", "DE"],
        "TR" => &["AE", "SA", "QA"],
        "MX" => &["US"],
        "HK" => &["CN"],
        _ => &["US"],
    }
}

/// Where a diversion ring's extra shells sit, relative to its home country.
fn ring_neighbours(cc: &str) -> &'static [&'static str] {
    match cc {
        "SG" => &["MY", "TH", "ID"],
        "MY" => &["SG", "TH"],
        "TH" => &["MY", "VN"],
        "VN" => &["TH", "MY"],
        "ID" => &["SG", "MY"],
        "AE" => &["OM", "SA", "QA"],
        "IN" => &["AE", "SG"],
        "TW" => &["JP", "SG"],
        "JP" => &["TW", "KR"],
        "KR" => &["JP"],
        _ => &["SG", "MY"],
    }
}

fn colo_countries(cc: &str) -> &'static [&'static str] {
    match cc {
        "SG" => &["SG", "MY", "MY", "ID"],
        "US" => &["US", "US", "CA"],
        "CA" => &["CA", "US"],
        "GB" => &["GB", "IS", "NO", "SE"],
        "NL" => &["NL", "FI", "SE", "IS", "DE"],
        "SE" => &["SE", "NO"],
        "DE" => &["DE", "NO", "FI"],
        "FR" => &["FR", "FI", "SE"],
        "AE" => &["AE", "SA"],
        "IL" => &["US", "IL"],
        "CH" => &["CH", "DE"],
        "IN" => &["IN"],
        "MY" => &["MY"],
        "TH" => &["TH"],
        "ID" => &["ID"],
        "JP" => &["JP"],
        "KR" => &["KR"],
        "SA" => &["SA"],
        "VN" => &["VN"],
        "AU" => &["AU"],
        "FI" => &["FI"],
        "NO" => &["NO"],
        "IS" => &["IS"],
        "ES" => &["ES"],
        "TW" => &["TW"],
        _ => &["US"],
    }
}

// ---------------------------------------------------------------- names

const STEM_A: &[&str] = &[
    "Alti", "Nova", "Kest", "Orba", "Vel", "Tera", "Lumi", "Strat", "Heli", "Cirr", "Bore", "Quan",
    "Zeph", "Arc", "Mer", "Sol", "Tal", "Ver", "Pax", "Ryn", "Ost", "Cal", "Dun", "Ember", "Fjor",
    "Gran", "Hal", "Ion", "Jun", "Lyr", "Mont", "Nim", "Oph", "Pell", "Sable", "Thal", "Umbr",
    "Vant", "Wend", "Yar", "Brin", "Cobal", "Drav", "Elm", "Fen", "Glen", "Hesp", "Ivor",
];
const STEM_B: &[&str] = &[
    "vane", "line", "ora", "ex", "ium", "path", "scale", "gate", "wave", "forge", "stack", "grid",
    "mont", "ridge", "bay", "spire", "loop", "crest", "field", "core", "ton", "wick", "dale",
    "mere", "sio", "tara", "nexa", "quill",
];

fn stem(rng: &mut Rng) -> String {
    format!("{}{}", rng.pick(STEM_A), rng.pick(STEM_B))
}

fn legal(rng: &mut Rng, cc: &str) -> &'static str {
    match cc {
        "US" => rng.pick_s(&["Inc.", "LLC", "Corp."]),
        "CA" => "Inc.",
        "GB" | "IL" | "IE" | "NZ" => "Ltd",
        "DE" | "AT" => "GmbH",
        "CH" => "AG",
        "NL" | "BE" => "B.V.",
        "FR" => "SAS",
        "ES" => "S.L.",
        "IT" => "S.r.l.",
        "PL" => "Sp. z o.o.",
        "CZ" => "s.r.o.",
        "SE" => "AB",
        "FI" => "Oy",
        "NO" => "AS",
        "IS" => "ehf.",
        "TR" => "A.S.",
        "SG" => "Pte. Ltd.",
        "MY" => "Sdn. Bhd.",
        "TH" | "CN" | "KR" | "TW" => "Co., Ltd.",
        "IN" => "Pvt. Ltd.",
        "JP" => "K.K.",
        "HK" => "Limited",
        "AE" => rng.pick_s(&["FZ-LLC", "LLC", "FZE"]),
        "SA" | "QA" | "OM" | "KW" | "BH" | "EG" => "LLC",
        "AU" => "Pty Ltd",
        "VN" => "JSC",
        "PH" => "Inc.",
        "MX" => "S.A. de C.V.",
        "BR" => "Ltda.",
        "LU" => "S.a r.l.",
        "KY" | "VG" | "SC" => "Ltd",
        "KZ" => "LLP",
        "KG" => "LLC",
        _ => "Ltd",
    }
}

fn company(rng: &mut Rng, cc: &str, st: &str, word: &str) -> String {
    let l = legal(rng, cc);
    let core = if word.is_empty() {
        st.to_string()
    } else {
        format!("{st} {word}")
    };
    if cc == "ID" {
        format!("PT {core}")
    } else {
        format!("{core} {l}")
    }
}

fn tld(cc: &str) -> &'static str {
    match cc {
        "US" => "com",
        "GB" => "co.uk",
        "DE" => "de",
        "FR" => "fr",
        "NL" => "nl",
        "SG" => "com.sg",
        "MY" => "com.my",
        "JP" => "co.jp",
        "KR" => "co.kr",
        "IN" => "in",
        "AE" => "ae",
        "AU" => "com.au",
        "CN" => "com.cn",
        "HK" => "com.hk",
        "TW" => "com.tw",
        "TH" => "co.th",
        "VN" => "vn",
        "CH" => "ch",
        "SE" => "se",
        "FI" => "fi",
        "NO" => "no",
        "IL" => "co.il",
        "ID" => "co.id",
        _ => "com",
    }
}

fn slug(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

const WEBMAIL: &[&str] = &[
    "gmail.com",
    "gmail.com",
    "outlook.com",
    "yahoo.com",
    "hotmail.com",
    "proton.me",
];

fn webmail(rng: &mut Rng, cc: &str) -> &'static str {
    match cc {
        "CN" => rng.pick_s(&["163.com", "qq.com", "126.com"]),
        "KR" if rng.chance(0.5) => "naver.com",
        "JP" if rng.chance(0.4) => "yahoo.co.jp",
        _ => rng.pick_s(WEBMAIL),
    }
}

fn person(rng: &mut Rng, cc: &str) -> (&'static str, &'static str) {
    const ANGLO_F: &[&str] = &[
        "james", "sarah", "michael", "emily", "david", "laura", "daniel", "rachel", "kevin",
        "megan", "brian", "olivia",
    ];
    const ANGLO_L: &[&str] = &[
        "smith", "johnson", "brown", "taylor", "miller", "wilson", "clarke", "walker", "hughes",
        "murphy", "reed", "carter",
    ];
    const DE_F: &[&str] = &[
        "lukas", "anna", "jonas", "lena", "felix", "sophie", "jan", "mia",
    ];
    const DE_L: &[&str] = &[
        "mueller",
        "schmidt",
        "schneider",
        "fischer",
        "weber",
        "devries",
        "jansen",
        "bakker",
    ];
    const NORD_F: &[&str] = &[
        "erik", "ingrid", "lars", "sigrid", "mikko", "aino", "johan", "freya",
    ];
    const NORD_L: &[&str] = &[
        "lindqvist",
        "andersson",
        "korhonen",
        "nieminen",
        "hansen",
        "berg",
        "jonsson",
        "magnusson",
    ];
    const FR_F: &[&str] = &["julien", "camille", "thomas", "chloe", "nicolas", "manon"];
    const FR_L: &[&str] = &[
        "martin", "bernard", "dubois", "moreau", "laurent", "lefebvre",
    ];
    const SOUTH_F: &[&str] = &[
        "marco", "giulia", "javier", "lucia", "pablo", "sofia", "carlos", "ana",
    ];
    const SOUTH_L: &[&str] = &[
        "rossi", "bianchi", "garcia", "martinez", "lopez", "ferrari", "santos", "silva",
    ];
    const SLAV_F: &[&str] = &["piotr", "katarzyna", "tomas", "jana", "marek", "ewa"];
    const SLAV_L: &[&str] = &[
        "kowalski",
        "nowak",
        "novak",
        "svoboda",
        "wisniewski",
        "dvorak",
    ];
    const TR_F: &[&str] = &["mehmet", "ayse", "emre", "zeynep", "can", "elif"];
    const TR_L: &[&str] = &["yilmaz", "kaya", "demir", "celik", "sahin", "aydin"];
    const HE_F: &[&str] = &["noam", "yael", "itai", "shira", "omer", "tamar"];
    const HE_L: &[&str] = &["cohen", "levi", "mizrahi", "peretz", "friedman", "katz"];
    const AR_F: &[&str] = &[
        "ahmed", "fatima", "omar", "layla", "khalid", "mariam", "yousef", "noura",
    ];
    const AR_L: &[&str] = &[
        "alhashimi",
        "almansoori",
        "haddad",
        "khoury",
        "alqahtani",
        "nasser",
        "farouk",
        "saleh",
    ];
    const IN_F: &[&str] = &[
        "rahul", "priya", "arjun", "ananya", "vikram", "sneha", "rohan", "kavya", "suresh", "deepa",
    ];
    const IN_L: &[&str] = &[
        "sharma", "iyer", "patel", "reddy", "nair", "gupta", "menon", "rao", "krishnan", "singh",
    ];
    const ZH_F: &[&str] = &[
        "wei", "jun", "mei", "hao", "ling", "jie", "yan", "chen", "xin", "kai",
    ];
    const ZH_L: &[&str] = &[
        "tan", "lim", "wong", "chen", "li", "zhang", "wang", "liu", "ng", "lee", "ho", "chua",
    ];
    const MS_F: &[&str] = &[
        "ahmad", "nurul", "faizal", "siti", "hafiz", "aisyah", "budi", "dewi", "rizal",
    ];
    const MS_L: &[&str] = &[
        "ibrahim", "abdullah", "rahman", "ismail", "hassan", "santoso", "wijaya", "hidayat",
    ];
    const TH_F: &[&str] = &[
        "somchai",
        "nattaya",
        "anan",
        "pimchanok",
        "krit",
        "siriporn",
    ];
    const TH_L: &[&str] = &[
        "srisuk",
        "chaiyaporn",
        "wongsakul",
        "boonmee",
        "rattanakorn",
        "suwannarat",
    ];
    const VN_F: &[&str] = &["minh", "thao", "tuan", "linh", "duc", "huong"];
    const VN_L: &[&str] = &["nguyen", "tran", "le", "pham", "hoang", "vu"];
    const JP_F: &[&str] = &[
        "hiroshi", "yuki", "takeshi", "aiko", "kenji", "naomi", "daisuke", "haruka",
    ];
    const JP_L: &[&str] = &[
        "sato",
        "suzuki",
        "takahashi",
        "tanaka",
        "watanabe",
        "yamamoto",
        "nakamura",
        "kobayashi",
    ];
    const KR_F: &[&str] = &["minjun", "seoyeon", "jihoon", "yuna", "hyunwoo", "jiwon"];
    const KR_L: &[&str] = &["kim", "lee", "park", "choi", "jung", "kang"];
    const PH_F: &[&str] = &["mark", "maria", "paolo", "angelica", "joseph", "kristine"];
    const PH_L: &[&str] = &["reyes", "cruz", "bautista", "delacruz", "garcia", "mendoza"];
    let (f, l): (&[&str], &[&str]) = match cc {
        "DE" | "AT" | "CH" | "NL" | "BE" | "LU" => (DE_F, DE_L),
        "SE" | "FI" | "NO" | "IS" => (NORD_F, NORD_L),
        "FR" => (FR_F, FR_L),
        "ES" | "IT" | "MX" | "BR" => (SOUTH_F, SOUTH_L),
        "PL" | "CZ" => (SLAV_F, SLAV_L),
        "TR" => (TR_F, TR_L),
        "IL" => (HE_F, HE_L),
        "AE" | "SA" | "QA" | "OM" | "KW" | "BH" | "EG" => {
            if rng.chance(0.3) {
                (IN_F, IN_L)
            } else {
                (AR_F, AR_L)
            }
        }
        "IN" => (IN_F, IN_L),
        "CN" | "HK" | "TW" => (ZH_F, ZH_L),
        "SG" => match rng.below(6) {
            0 => (IN_F, IN_L),
            1 => (MS_F, MS_L),
            2 => (ANGLO_F, ANGLO_L),
            _ => (ZH_F, ZH_L),
        },
        "MY" => match rng.below(5) {
            0 | 1 => (MS_F, MS_L),
            2 => (IN_F, IN_L),
            _ => (ZH_F, ZH_L),
        },
        "ID" => (MS_F, MS_L),
        "TH" => (TH_F, TH_L),
        "VN" => (VN_F, VN_L),
        "JP" => (JP_F, JP_L),
        "KR" => (KR_F, KR_L),
        "PH" => (PH_F, PH_L),
        _ => (ANGLO_F, ANGLO_L),
    };
    (*rng.pick(f), *rng.pick(l))
}

fn email(rng: &mut Rng, cc: &str, domain: &str) -> String {
    let (f, l) = person(rng, cc);
    match rng.below(4) {
        0 => format!("{}{l}@{domain}", &f[..1]),
        1 => format!("procurement@{domain}"),
        _ => format!("{f}.{l}@{domain}"),
    }
}

fn webmail_address(rng: &mut Rng, cc: &str) -> String {
    let (f, l) = person(rng, cc);
    let dom = webmail(rng, cc);
    if rng.chance(0.5) {
        format!("{f}.{l}{}@{dom}", rng.int(1, 99))
    } else {
        format!("{f}{l}@{dom}")
    }
}

// ---------------------------------------------------------------- items

#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    Dgx,
    Hgx,
    Sxm,
    Pcie,
    Consumer,
}

struct Item {
    id: &'static str,
    from: (i64, i64, i64),
    to: (i64, i64, i64),
    lo: f64,
    hi: f64,
    kw: f64,
    form: Form,
}

const ITEMS: &[Item] = &[
    Item {
        id: "A100",
        from: (2023, 1, 1),
        to: (2024, 9, 30),
        lo: 9_000.0,
        hi: 15_000.0,
        kw: 0.8,
        form: Form::Sxm,
    },
    Item {
        id: "A800",
        from: (2023, 1, 1),
        to: (2023, 11, 16),
        lo: 12_000.0,
        hi: 16_000.0,
        kw: 0.8,
        form: Form::Sxm,
    },
    Item {
        id: "H100-SXM",
        from: (2023, 1, 1),
        to: (2026, 6, 30),
        lo: 26_000.0,
        hi: 33_000.0,
        kw: 1.3,
        form: Form::Sxm,
    },
    Item {
        id: "H100-PCIE",
        from: (2023, 1, 1),
        to: (2026, 6, 30),
        lo: 22_000.0,
        hi: 29_000.0,
        kw: 0.6,
        form: Form::Pcie,
    },
    Item {
        id: "H800-SXM",
        from: (2023, 3, 21),
        to: (2023, 11, 16),
        lo: 28_000.0,
        hi: 36_000.0,
        kw: 1.3,
        form: Form::Sxm,
    },
    Item {
        id: "H20",
        from: (2024, 2, 1),
        to: (2025, 4, 9),
        lo: 11_000.0,
        hi: 14_000.0,
        kw: 0.9,
        form: Form::Sxm,
    },
    Item {
        id: "H200",
        from: (2024, 3, 18),
        to: (2026, 6, 30),
        lo: 30_000.0,
        hi: 38_000.0,
        kw: 1.3,
        form: Form::Sxm,
    },
    Item {
        id: "B200",
        from: (2024, 12, 1),
        to: (2026, 6, 30),
        lo: 35_000.0,
        hi: 45_000.0,
        kw: 1.8,
        form: Form::Sxm,
    },
    Item {
        id: "B300",
        from: (2025, 6, 1),
        to: (2026, 6, 30),
        lo: 42_000.0,
        hi: 52_000.0,
        kw: 2.0,
        form: Form::Sxm,
    },
    Item {
        id: "L40S",
        from: (2023, 8, 8),
        to: (2026, 6, 30),
        lo: 7_500.0,
        hi: 10_000.0,
        kw: 0.55,
        form: Form::Pcie,
    },
    Item {
        id: "L20",
        from: (2024, 2, 1),
        to: (2026, 6, 30),
        lo: 4_000.0,
        hi: 5_500.0,
        kw: 0.5,
        form: Form::Pcie,
    },
    Item {
        id: "L4",
        from: (2023, 3, 21),
        to: (2026, 6, 30),
        lo: 2_200.0,
        hi: 3_000.0,
        kw: 0.15,
        form: Form::Pcie,
    },
    Item {
        id: "RTX-4090",
        from: (2023, 1, 1),
        to: (2025, 3, 31),
        lo: 1_600.0,
        hi: 2_100.0,
        kw: 0.6,
        form: Form::Consumer,
    },
    Item {
        id: "RTX-4090D",
        from: (2023, 12, 28),
        to: (2025, 9, 30),
        lo: 1_800.0,
        hi: 2_400.0,
        kw: 0.6,
        form: Form::Consumer,
    },
    Item {
        id: "RTX-5090",
        from: (2025, 1, 30),
        to: (2026, 6, 30),
        lo: 2_000.0,
        hi: 3_200.0,
        kw: 0.7,
        form: Form::Consumer,
    },
    Item {
        id: "RTX-5090D",
        from: (2025, 1, 30),
        to: (2026, 6, 30),
        lo: 2_300.0,
        hi: 3_400.0,
        kw: 0.7,
        form: Form::Consumer,
    },
    Item {
        id: "MI250X",
        from: (2023, 1, 1),
        to: (2024, 6, 30),
        lo: 8_000.0,
        hi: 11_000.0,
        kw: 0.8,
        form: Form::Sxm,
    },
    Item {
        id: "MI300X",
        from: (2023, 12, 6),
        to: (2026, 6, 30),
        lo: 12_000.0,
        hi: 18_000.0,
        kw: 1.3,
        form: Form::Sxm,
    },
    Item {
        id: "MI325X",
        from: (2024, 10, 10),
        to: (2026, 6, 30),
        lo: 16_000.0,
        hi: 22_000.0,
        kw: 1.5,
        form: Form::Sxm,
    },
    Item {
        id: "GAUDI2",
        from: (2023, 1, 1),
        to: (2025, 6, 30),
        lo: 7_000.0,
        hi: 9_000.0,
        kw: 0.9,
        form: Form::Sxm,
    },
    Item {
        id: "GAUDI3",
        from: (2024, 4, 9),
        to: (2026, 6, 30),
        lo: 13_000.0,
        hi: 16_000.0,
        kw: 1.2,
        form: Form::Sxm,
    },
    Item {
        id: "HGX-H100-8GPU",
        from: (2023, 1, 1),
        to: (2025, 12, 31),
        lo: 200_000.0,
        hi: 260_000.0,
        kw: 10.2,
        form: Form::Hgx,
    },
    Item {
        id: "DGX-H100",
        from: (2023, 1, 1),
        to: (2025, 12, 31),
        lo: 300_000.0,
        hi: 420_000.0,
        kw: 10.2,
        form: Form::Dgx,
    },
    Item {
        id: "HGX-H200-8GPU",
        from: (2024, 3, 18),
        to: (2026, 6, 30),
        lo: 240_000.0,
        hi: 300_000.0,
        kw: 10.2,
        form: Form::Hgx,
    },
    Item {
        id: "HGX-H20-8GPU",
        from: (2024, 2, 1),
        to: (2025, 4, 9),
        lo: 95_000.0,
        hi: 120_000.0,
        kw: 7.5,
        form: Form::Hgx,
    },
    Item {
        id: "DGX-A100",
        from: (2023, 1, 1),
        to: (2024, 3, 31),
        lo: 150_000.0,
        hi: 200_000.0,
        kw: 6.5,
        form: Form::Dgx,
    },
    Item {
        id: "DGX-B200",
        from: (2024, 12, 1),
        to: (2026, 6, 30),
        lo: 420_000.0,
        hi: 520_000.0,
        kw: 14.3,
        form: Form::Dgx,
    },
];

fn item(id: &str) -> &'static Item {
    ITEMS.iter().find(|i| i.id == id).unwrap_or(&ITEMS[2])
}

fn available(it: &Item, d: i64) -> bool {
    d >= days(it.from.0, it.from.1, it.from.2) && d <= days(it.to.0, it.to.1, it.to.2)
}

fn pick_item(rng: &mut Rng, table: &[(&'static str, f64)], d: i64) -> Option<&'static Item> {
    let pool: Vec<(&'static str, f64)> = table
        .iter()
        .copied()
        .filter(|(id, _)| available(item(id), d))
        .collect();
    if pool.is_empty() {
        None
    } else {
        Some(item(rng.weighted(&pool)))
    }
}

fn price(rng: &mut Rng, it: &Item, d: i64, factor: f64) -> f64 {
    // Hopper and older get cheaper over time; Blackwell stays near list.
    let years = (d - start_day()) as f64 / 365.0;
    let drift = match it.id {
        "B200" | "B300" | "DGX-B200" | "MI325X" | "RTX-5090" | "RTX-5090D" => 1.0,
        _ => 1.05 - 0.07 * years,
    };
    let p = rng.uni(it.lo, it.hi) * drift * factor;
    if p > 10_000.0 {
        (p / 100.0).round() * 100.0
    } else {
        (p / 10.0).round() * 10.0
    }
}

fn hs_code(rng: &mut Rng, it: &Item, wrong_p: f64) -> String {
    if rng.chance(wrong_p) {
        return rng
            .pick(&[
                "8517.62", "8504.40", "8543.70", "8471.70", "8528.52", "8473.50",
            ])
            .to_string();
    }
    let base = match it.form {
        Form::Dgx => rng.weighted(&[("8471.50", 0.65), ("8471.80", 0.3), ("8471.49", 0.05)]),
        Form::Hgx => rng.weighted(&[("8473.30", 0.7), ("8471.80", 0.2), ("8542.31", 0.1)]),
        Form::Sxm => rng.weighted(&[("8473.30", 0.55), ("8542.31", 0.45)]),
        Form::Pcie => rng.weighted(&[("8473.30", 0.85), ("8471.80", 0.08), ("8542.31", 0.07)]),
        Form::Consumer => rng.weighted(&[("8473.30", 0.9), ("8471.80", 0.1)]),
    };
    let r = rng.f();
    if r < 0.1 {
        base.replace('.', "")
    } else if r < 0.15 {
        format!("{base}.{:02}", rng.pick(&[0, 10, 11, 90]))
    } else {
        base.to_string()
    }
}

fn quantity(rng: &mut Rng, it: &Item, lo_sys: f64, hi_sys: f64, lo_card: f64, hi_card: f64) -> u64 {
    let system = matches!(it.form, Form::Dgx | Form::Hgx);
    let q = if system {
        rng.log_uni(lo_sys, hi_sys)
    } else {
        rng.log_uni(lo_card, hi_card)
    };
    let mut q = q.round().max(1.0) as u64;
    if !system && q >= 8 && it.form != Form::Consumer && rng.chance(0.65) {
        q = (q / 8).max(1) * 8;
    }
    q
}

fn site_mw_needed(it: &Item, qty: u64) -> f64 {
    it.kw * qty as f64 * 1.3 / 1000.0
}

fn fmt_mw(mw: f64) -> String {
    if mw >= 10.0 {
        format!("{:.0}", mw)
    } else {
        format!("{:.1}", mw.max(0.1))
    }
}

// ---------------------------------------------------------------- sellers, forwarders, payers

struct Seller {
    name: &'static str,
    cc: &'static str,
    origins: &'static [&'static str],
}

const SELLERS: &[Seller] = &[
    Seller {
        name: "Tamsui Compute Systems Co., Ltd.",
        cc: "TW",
        origins: &["TW", "TW", "MX"],
    },
    Seller {
        name: "Linkou Cloud Manufacturing Co., Ltd.",
        cc: "TW",
        origins: &["TW", "US"],
    },
    Seller {
        name: "Pacific Rim Server Corp.",
        cc: "US",
        origins: &["US", "MX", "TW"],
    },
    Seller {
        name: "Bluestem Enterprise Systems Inc.",
        cc: "US",
        origins: &["US", "MX"],
    },
    Seller {
        name: "Arcadia Compute Partners LLC",
        cc: "US",
        origins: &["US"],
    },
    Seller {
        name: "Rheinwerk HPC GmbH",
        cc: "DE",
        origins: &["DE", "NL"],
    },
    Seller {
        name: "Meridian Components Distribution Pte. Ltd.",
        cc: "SG",
        origins: &["SG"],
    },
    Seller {
        name: "Selat Technology Distribution Sdn. Bhd.",
        cc: "MY",
        origins: &["MY", "SG"],
    },
    Seller {
        name: "Kansai Systems Integration K.K.",
        cc: "JP",
        origins: &["JP"],
    },
    Seller {
        name: "Gulf Digital Infrastructure FZ-LLC",
        cc: "AE",
        origins: &["AE"],
    },
    Seller {
        name: "Deccan Compute Solutions Pvt. Ltd.",
        cc: "IN",
        origins: &["IN", "SG"],
    },
    Seller {
        name: "Eastbridge Technology Distribution Limited",
        cc: "HK",
        origins: &["HK", "TW"],
    },
    Seller {
        name: "Northfield Channel Distribution Inc.",
        cc: "US",
        origins: &["US"],
    },
    Seller {
        name: "Hangang Systems Co., Ltd.",
        cc: "KR",
        origins: &["KR"],
    },
    Seller {
        name: "Southern Cross HPC Pty Ltd",
        cc: "AU",
        origins: &["AU"],
    },
];

fn regional_seller(rng: &mut Rng, cc: &str) -> usize {
    match cc {
        "US" | "CA" | "MX" | "BR" => *rng.pick(&[4, 12]),
        "JP" => 8,
        "KR" => 13,
        "AU" | "NZ" => 14,
        "IN" => 10,
        "CN" | "HK" => 11,
        "TW" => 0,
        "SG" | "ID" | "PH" | "VN" | "TH" => *rng.pick(&[6, 6, 7]),
        "MY" => *rng.pick(&[7, 6]),
        _ => match region(cc) {
            1 => 5,
            2 => 9,
            _ => 6,
        },
    }
}

const BIG_3PL: &[&str] = &[
    "Kestrel Global Logistics",
    "Blue Anchor Freight",
    "Orion Air Cargo",
    "Dunmore Supply Chain Solutions",
    "Meridian Freight Services",
    "Polaris Expedited Logistics",
    "Trans-Asia Air Forwarding",
    "Nordlys Logistics",
];
const LOCAL_FWD: &[(&str, &str)] = &[
    ("Straits Consolidators Pte. Ltd.", "SG"),
    ("Harbourline Forwarding (HK) Limited", "HK"),
    ("Jebel Ali Freight Services LLC", "AE"),
    ("Selangor Express Cargo Sdn. Bhd.", "MY"),
    ("Chao Phraya Freight Co., Ltd.", "TH"),
    ("Saigon Air Logistics JSC", "VN"),
    ("Mumbai Sea-Air Forwarders Pvt. Ltd.", "IN"),
    ("Rotterdam Gateway Forwarding B.V.", "NL"),
    ("Bay Area Customs Brokerage Inc.", "US"),
];

fn local_forwarder(rng: &mut Rng, cc: &str) -> String {
    let local: Vec<&str> = LOCAL_FWD
        .iter()
        .filter(|f| f.1 == cc)
        .map(|f| f.0)
        .collect();
    if local.is_empty() || rng.chance(0.3) {
        rng.pick(BIG_3PL).to_string()
    } else {
        rng.pick(&local).to_string()
    }
}

const LESSORS: &[(&str, &str)] = &[
    ("Harbor Point Equipment Finance LLC", "US"),
    ("Kiso Leasing Co., Ltd.", "JP"),
    ("Northstar Capital Asset Finance Ltd", "GB"),
    ("Dunmore Technology Leasing DAC", "IE"),
    ("Macrae Infrastructure Lending Pty Ltd", "AU"),
    ("Lindqvist Equipment Finance AB", "SE"),
    ("Tessaly Compute Credit Fund LP", "KY"),
    ("Aurum Asset Finance S.a r.l.", "LU"),
    ("Pinecrest Digital Infrastructure Partners LP", "US"),
];
const VENTURE_LENDERS: &[(&str, &str)] = &[
    ("Bayline Venture Lending LLC", "US"),
    ("Orchard Growth Debt Ltd", "GB"),
    ("Kaimai Venture Debt Fund LP", "US"),
];

fn grant_agency(cc: &str) -> (&'static str, &'static str) {
    match cc {
        "US" => ("Federal Science Foundation", "US"),
        "GB" => ("UK Research Computing Council", "GB"),
        "DE" => ("Deutsche Forschungsfoerderung e.V.", "DE"),
        "FR" => ("Agence Nationale du Calcul Scientifique", "FR"),
        "NL" => ("Dutch Research Infrastructure Fund", "NL"),
        "CH" => ("Swiss National Science Fund", "CH"),
        "SE" => ("Swedish Research Grants Agency", "SE"),
        "FI" => ("Research Council of Finland Infrastructure Fund", "FI"),
        "JP" => ("Japan Science Promotion Agency", "JP"),
        "KR" => ("Korea Research Foundation", "KR"),
        "SG" => ("National Research Fund Singapore", "SG"),
        "IN" => ("Science and Engineering Research Board", "IN"),
        "AU" => ("Australian Research Infrastructure Fund", "AU"),
        "CA" => ("Canada Research Compute Fund", "CA"),
        "IT" => ("Fondo Italiano per il Calcolo", "IT"),
        "ES" => ("Agencia Estatal de Investigacion Cientifica", "ES"),
        "TW" => ("National Science and Technology Council Fund", "TW"),
        "IL" => ("Israel Science Infrastructure Fund", "IL"),
        "SA" => ("Research, Development and Innovation Fund", "SA"),
        "AE" => ("Advanced Technology Research Fund", "AE"),
        _ => ("National Research Council", "US"),
    }
}
const FOUNDATIONS: &[(&str, &str)] = &[
    ("Hallward Foundation", "US"),
    ("Wellspring Trust", "GB"),
    ("Novum Stiftung", "CH"),
    ("Lacey-Morrow Charitable Foundation", "US"),
];

const TREASURY_CC: &[&str] = &["IE", "NL", "LU", "SG", "CH", "GB"];
const ROMAN: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

// ---------------------------------------------------------------- world (shared facilities)

#[derive(Clone)]
struct Party {
    name: String,
    addr: String,
    cc: &'static str,
}

struct World {
    colos: HashMap<&'static str, Vec<Party>>,
    hubs: HashMap<&'static str, Vec<Party>>,
}

const COLO_OPS: &[&str] = &[
    "Nordhavn Colocation",
    "Equatorial Data Centres",
    "Ironbridge Digital Realty",
    "Lumen Peak Data Centres",
    "Straits DC Holdings",
    "Pinecrest Hyperscale Campus",
    "Tundra Compute Parks",
    "Harbourfront Interconnect",
    "Aster Edge Facilities",
    "Kiln Data Halls",
];

impl World {
    fn new(rng: &mut Rng) -> Self {
        let mut colos = HashMap::new();
        let mut hubs = HashMap::new();
        for g in GEO {
            let n = if matches!(g.cc, "US" | "MY" | "SG" | "JP" | "IN" | "NL" | "GB" | "DE") {
                4
            } else {
                2
            };
            let mut cs = Vec::new();
            for k in 0..n {
                let (addr, city) = dc_address(rng, g.cc);
                let code: String = city
                    .chars()
                    .filter(|c| c.is_ascii_alphabetic())
                    .take(2)
                    .collect::<String>()
                    .to_ascii_uppercase();
                cs.push(Party {
                    name: format!("{} {} {code}{}", rng.pick(COLO_OPS), city, k + 1),
                    addr,
                    cc: g.cc,
                });
            }
            colos.insert(g.cc, cs);
            let mut hs = Vec::new();
            for _ in 0..2 {
                let (addr, city) = dc_address(rng, g.cc);
                let f = local_forwarder(rng, g.cc);
                hs.push(Party {
                    name: format!(
                        "{f} - {city} {}",
                        rng.pick(&[
                            "Logistics Centre",
                            "Consolidation Hub",
                            "Bonded Warehouse",
                            "Distribution Centre"
                        ])
                    ),
                    addr,
                    cc: g.cc,
                });
            }
            hubs.insert(g.cc, hs);
        }
        World { colos, hubs }
    }
    fn colo(&self, rng: &mut Rng, cc: &str) -> Party {
        let v = self
            .colos
            .get(cc)
            .or_else(|| self.colos.get("US"))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        v[rng.below(v.len())].clone()
    }
    fn hub(&self, rng: &mut Rng, cc: &str) -> Party {
        let v = self
            .hubs
            .get(cc)
            .or_else(|| self.hubs.get("US"))
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        v[rng.below(v.len())].clone()
    }
}

// ---------------------------------------------------------------- ledger row

#[derive(Default)]
struct Row {
    date: i64,
    seller: String,
    seller_country: String,
    bill_to_name: String,
    bill_to_address: String,
    bill_to_country: String,
    ship_to_name: String,
    ship_to_address: String,
    ship_to_country: String,
    ship_to_type: String,
    end_user_name: String,
    end_user_address: String,
    end_user_country: String,
    end_user_parent: String,
    end_user_parent_country: String,
    payer_name: String,
    payer_country: String,
    item: String,
    hs_code: String,
    quantity: u64,
    unit_price_usd: String,
    currency: String,
    incoterm: String,
    forwarder: String,
    route: String,
    declared_end_use: String,
    installation_declined: String,
    customer_since: String,
    contact_email: String,
    contact_phone: String,
    declared_site_mw: String,
    scheme: &'static str,
}

fn csv(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

impl Row {
    fn write(&self, id: &str, out: &mut String) {
        let date = ymd(self.date);
        let qty = self.quantity.to_string();
        let fields: [&str; 32] = [
            id,
            &date,
            &self.seller,
            &self.seller_country,
            &self.bill_to_name,
            &self.bill_to_address,
            &self.bill_to_country,
            &self.ship_to_name,
            &self.ship_to_address,
            &self.ship_to_country,
            &self.ship_to_type,
            &self.end_user_name,
            &self.end_user_address,
            &self.end_user_country,
            &self.end_user_parent,
            &self.end_user_parent_country,
            &self.payer_name,
            &self.payer_country,
            &self.item,
            &self.hs_code,
            &qty,
            &self.unit_price_usd,
            &self.currency,
            &self.incoterm,
            &self.forwarder,
            &self.route,
            &self.declared_end_use,
            &self.installation_declined,
            &self.customer_since,
            &self.contact_email,
            &self.contact_phone,
            &self.declared_site_mw,
        ];
        for (i, f) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            csv(out, f);
        }
        out.push('\n');
    }

    fn set_bill(&mut self, p: &Party) {
        self.bill_to_name = p.name.clone();
        self.bill_to_address = p.addr.clone();
        self.bill_to_country = p.cc.to_string();
    }
    fn set_ship(&mut self, p: &Party, t: &str) {
        self.ship_to_name = p.name.clone();
        self.ship_to_address = p.addr.clone();
        self.ship_to_country = p.cc.to_string();
        self.ship_to_type = t.to_string();
    }
    fn set_user(&mut self, p: &Party) {
        self.end_user_name = p.name.clone();
        self.end_user_address = p.addr.clone();
        self.end_user_country = p.cc.to_string();
    }
    fn set_parent(&mut self, p: &Party) {
        self.end_user_parent = p.name.clone();
        self.end_user_parent_country = p.cc.to_string();
    }
    fn set_payer(&mut self, name: &str, cc: &str) {
        self.payer_name = name.to_string();
        self.payer_country = cc.to_string();
    }
    fn set_seller(&mut self, s: usize) {
        let s = &SELLERS[s % SELLERS.len()];
        self.seller = s.name.to_string();
        self.seller_country = s.cc.to_string();
    }
    fn set_item(&mut self, rng: &mut Rng, it: &Item, qty: u64, price_factor: f64, wrong_hs: f64) {
        self.item = it.id.to_string();
        self.quantity = qty;
        self.hs_code = hs_code(rng, it, wrong_hs);
        self.unit_price_usd = format!("{:.0}", price(rng, it, self.date, price_factor));
    }
}

fn route(rng: &mut Rng, origin: &str, dest: &str) -> String {
    if origin == dest {
        return if rng.chance(0.5) {
            dest.to_string()
        } else {
            String::new()
        };
    }
    let (p, hubs): (f64, &[&str]) = match dest {
        "MY" | "ID" | "TH" | "VN" | "PH" if origin != "SG" => (0.55, &["SG", "SG", "SG", "HK"]),
        "IN" => (0.45, &["SG", "AE"]),
        "SA" | "QA" | "OM" | "KW" | "BH" | "EG" if origin != "AE" => (0.45, &["AE"]),
        "JP" | "KR" | "TW" | "AU" | "NZ" | "SG" => (0.15, &["HK"]),
        "CN" => (0.6, &["HK"]),
        "CA" | "MX" | "BR" if origin != "US" => (0.3, &["US"]),
        _ if region(dest) == 1 && region(origin) != 1 => (0.3, &["NL", "DE"]),
        _ => (0.0, &[]),
    };
    let hub = if !hubs.is_empty() && rng.chance(p) {
        *rng.pick(hubs)
    } else {
        ""
    };
    if hub.is_empty() || hub == origin || hub == dest {
        format!("{origin};{dest}")
    } else {
        format!("{origin};{hub};{dest}")
    }
}

fn incoterm(rng: &mut Rng, buyer_arranges: f64) -> &'static str {
    if rng.chance(buyer_arranges) {
        rng.weighted(&[("FCA", 0.5), ("EXW", 0.4), ("FOB", 0.1)])
    } else {
        rng.weighted(&[("DAP", 0.5), ("DDP", 0.25), ("CIP", 0.12), ("CIF", 0.13)])
    }
}

fn currency(rng: &mut Rng, cc: &str) -> &'static str {
    let local = match cc {
        "DE" | "FR" | "NL" | "IE" | "ES" | "IT" | "BE" | "AT" | "FI" => "EUR",
        "GB" => "GBP",
        "JP" => "JPY",
        "SG" => "SGD",
        "AU" => "AUD",
        "CN" => "CNY",
        _ => "USD",
    };
    if local != "USD" && rng.chance(0.3) {
        local
    } else {
        "USD"
    }
}

/// Blank fields at realistic rates (an empty field is not evidence).
fn blank_some(rng: &mut Rng, r: &mut Row) {
    let fields: [(&mut String, f64); 16] = [
        (&mut r.seller_country, 0.03),
        (&mut r.bill_to_address, 0.1),
        (&mut r.ship_to_address, 0.07),
        (&mut r.ship_to_type, 0.12),
        (&mut r.end_user_address, 0.3),
        (&mut r.payer_country, 0.05),
        (&mut r.hs_code, 0.08),
        (&mut r.currency, 0.04),
        (&mut r.incoterm, 0.1),
        (&mut r.forwarder, 0.2),
        (&mut r.route, 0.18),
        (&mut r.declared_end_use, 0.22),
        (&mut r.installation_declined, 0.3),
        (&mut r.customer_since, 0.18),
        (&mut r.contact_email, 0.08),
        (&mut r.contact_phone, 0.14),
    ];
    for (f, p) in fields {
        if rng.chance(p) {
            f.clear();
        }
    }
    if r.payer_name.is_empty() {
        r.payer_country.clear();
    }
    if r.end_user_name.is_empty() {
        r.end_user_address.clear();
        r.end_user_country.clear();
    }
}

// ---------------------------------------------------------------- legitimate customers

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Hyperscaler,
    Neocloud,
    Enterprise,
    Startup,
    University,
    Distributor,
    SmallFirm,
    ChinaLegit,
}

/// (kind, share of legitimate orders, mean orders per customer, zipf exponent)
const KINDS: &[(Kind, f64, f64, f64)] = &[
    (Kind::Hyperscaler, 0.08, 300.0, 0.5),
    (Kind::Neocloud, 0.13, 20.0, 0.9),
    (Kind::Enterprise, 0.17, 5.0, 0.7),
    (Kind::Startup, 0.09, 2.0, 0.3),
    (Kind::University, 0.08, 4.0, 0.6),
    (Kind::Distributor, 0.20, 25.0, 0.9),
    (Kind::SmallFirm, 0.20, 1.6, 0.2),
    (Kind::ChinaLegit, 0.05, 15.0, 0.8),
];

struct Site {
    ship: Party,
    stype: &'static str,
    operator: Party,
    mw: f64,
}

struct Customer {
    kind: Kind,
    main: Party,
    parent: Option<Party>,
    payers: Vec<(String, &'static str)>,
    self_pay: f64,
    sites: Vec<Site>,
    users: Vec<Party>,
    domain: String,
    webmail_p: f64,
    phone: String,
    since: i64,
    start: i64,
    end: i64,
    seller: usize,
    alt_seller: usize,
    forwarder: String,
    uses: &'static [&'static str],
}

const USES_HYPER: &[&str] = &[
    "cloud AI infrastructure",
    "AI training cluster",
    "internal LLM training",
    "AI inference services",
    "public cloud GPU instances",
];
const USES_NEO: &[&str] = &[
    "GPU cloud services",
    "AI training as a service",
    "bare-metal GPU rental",
    "inference platform",
    "AI cloud capacity for enterprise customers",
];
const USES_STARTUP: &[&str] = &[
    "foundation model training",
    "LLM fine-tuning",
    "generative video model training",
    "AI drug discovery",
    "robotics foundation models",
    "speech model training",
];
const USES_UNI: &[&str] = &[
    "academic research",
    "HPC research cluster",
    "climate modelling",
    "computational biology",
    "AI research and teaching",
    "physics simulation",
];
const USES_DIST: &[&str] = &[
    "resale",
    "stock for resale to system integrators",
    "resale to OEM partners",
    "channel inventory",
    "resale",
];
const USES_SMALL: &[&str] = &[
    "3D rendering",
    "VFX rendering",
    "CAD/CAE workstations",
    "AI model development",
    "video transcoding",
    "research workstation",
    "game development",
];
const USES_CN: &[&str] = &[
    "AI inference",
    "cloud inference services",
    "recommendation systems",
    "gaming PCs",
    "internet services",
];
const SECTORS: &[(&str, &[&str])] = &[
    (
        "Motors",
        &["autonomous driving training", "engineering simulation"],
    ),
    (
        "Pharma",
        &["drug discovery AI", "protein structure prediction"],
    ),
    (
        "Bank",
        &[
            "fraud detection models",
            "risk analytics",
            "LLM for customer service",
        ],
    ),
    (
        "Telecom",
        &["network AI", "sovereign AI cloud", "LLM services"],
    ),
    ("Energy", &["seismic imaging", "reservoir simulation"]),
    ("Semiconductor", &["EDA acceleration", "chip design AI"]),
    (
        "Retail Group",
        &["recommendation systems", "demand forecasting"],
    ),
    ("Media", &["content generation", "video rendering"]),
    ("Insurance", &["claims AI", "actuarial models"]),
    (
        "Industries",
        &["digital twin simulation", "engineering simulation"],
    ),
];

const HYPER_ITEMS: &[(&str, f64)] = &[
    ("HGX-H100-8GPU", 4.0),
    ("HGX-H200-8GPU", 4.0),
    ("DGX-B200", 3.0),
    ("B200", 2.0),
    ("H100-SXM", 1.0),
    ("B300", 2.0),
    ("MI300X", 1.0),
    ("MI325X", 1.0),
    ("H200", 1.0),
    ("L40S", 1.0),
    ("L4", 1.0),
    ("GAUDI3", 0.3),
];
const NEO_ITEMS: &[(&str, f64)] = &[
    ("HGX-H100-8GPU", 4.0),
    ("HGX-H200-8GPU", 3.0),
    ("DGX-B200", 3.0),
    ("DGX-H100", 1.0),
    ("H100-SXM", 1.0),
    ("B200", 1.0),
    ("B300", 1.0),
    ("MI300X", 1.0),
    ("MI325X", 0.5),
    ("L40S", 1.5),
    ("A100", 0.5),
    ("H100-PCIE", 1.0),
];
const ENT_ITEMS: &[(&str, f64)] = &[
    ("DGX-H100", 2.0),
    ("DGX-B200", 1.5),
    ("H100-PCIE", 3.0),
    ("L40S", 3.0),
    ("L4", 2.0),
    ("A100", 0.5),
    ("DGX-A100", 0.5),
    ("HGX-H200-8GPU", 0.7),
    ("H200", 0.3),
    ("MI300X", 0.3),
    ("GAUDI2", 0.3),
    ("GAUDI3", 0.3),
];
const START_ITEMS: &[(&str, f64)] = &[
    ("HGX-H100-8GPU", 3.0),
    ("HGX-H200-8GPU", 2.0),
    ("DGX-B200", 1.5),
    ("H100-SXM", 1.0),
    ("H100-PCIE", 1.0),
    ("B200", 1.0),
    ("L40S", 1.0),
    ("MI300X", 0.7),
    ("RTX-4090", 0.5),
    ("RTX-5090", 0.5),
];
const UNI_ITEMS: &[(&str, f64)] = &[
    ("DGX-H100", 2.0),
    ("DGX-B200", 1.0),
    ("HGX-H100-8GPU", 1.0),
    ("H100-PCIE", 2.0),
    ("A100", 1.0),
    ("DGX-A100", 0.5),
    ("L40S", 2.0),
    ("MI300X", 0.5),
    ("MI250X", 0.3),
    ("GAUDI2", 0.3),
    ("GAUDI3", 0.3),
    ("RTX-4090", 0.5),
    ("RTX-5090", 0.5),
    ("H200", 0.5),
];
const DIST_ITEMS: &[(&str, f64)] = &[
    ("L40S", 4.0),
    ("L4", 3.0),
    ("H100-PCIE", 3.0),
    ("RTX-4090", 3.0),
    ("RTX-5090", 3.0),
    ("A100", 1.0),
    ("HGX-H100-8GPU", 0.7),
    ("HGX-H200-8GPU", 0.5),
    ("H100-SXM", 0.5),
    ("MI300X", 0.5),
    ("GAUDI3", 0.3),
    ("H200", 0.3),
];
const SMALL_ITEMS: &[(&str, f64)] = &[
    ("RTX-4090", 5.0),
    ("RTX-5090", 5.0),
    ("L40S", 2.0),
    ("L4", 1.0),
    ("H100-PCIE", 1.0),
    ("A100", 0.5),
];
const CN_ITEMS: &[(&str, f64)] = &[
    ("H20", 3.0),
    ("HGX-H20-8GPU", 3.0),
    ("L20", 3.0),
    ("RTX-4090D", 3.0),
    ("RTX-5090D", 2.0),
    ("A800", 2.0),
    ("H800-SXM", 2.0),
];

fn since_between(rng: &mut Rng, y0: i64, y1: i64) -> i64 {
    days(rng.int(y0, y1), rng.int(1, 12), rng.int(1, 28))
}

fn make_customer(rng: &mut Rng, kind: Kind, w: &World) -> Customer {
    let (s0, s1) = (start_day(), end_day());
    let mut c = Customer {
        kind,
        main: Party {
            name: String::new(),
            addr: String::new(),
            cc: "US",
        },
        parent: None,
        payers: Vec::new(),
        self_pay: 1.0,
        sites: Vec::new(),
        users: Vec::new(),
        domain: String::new(),
        webmail_p: 0.0,
        phone: String::new(),
        since: since_between(rng, 2005, 2020),
        start: s0,
        end: s1,
        seller: 0,
        alt_seller: 2,
        forwarder: rng.pick(BIG_3PL).to_string(),
        uses: USES_HYPER,
    };
    let st = stem(rng);
    match kind {
        Kind::Hyperscaler => {
            let cc = *rng.pick(&["US", "US", "US", "US", "JP", "KR", "IN", "GB", "FR", "AE"]);
            let word = *rng.pick(&["Cloud", "Digital", "Platforms", "Technologies", "Networks"]);
            c.main = Party {
                name: company(rng, cc, &st, word),
                addr: office_address(rng, cc),
                cc,
            };
            c.parent = Some(c.main.clone());
            let n = rng.int(3, 8);
            let pool = [
                "US", "IE", "NL", "SE", "FI", "DE", "GB", "SG", "MY", "MY", "JP", "IN", "KR", "AU",
                "AE", "ES", "IT", "BR", "MX", "ID", "TH", "SA",
            ];
            let mut ccs = vec![cc];
            for _ in 0..n {
                let x = *rng.pick(&pool);
                if !ccs.contains(&x) {
                    ccs.push(x);
                }
            }
            for x in ccs {
                let (addr, city) = dc_address(rng, x);
                let op = Party {
                    name: company(rng, x, &st, "Infrastructure"),
                    addr: office_address(rng, x),
                    cc: x,
                };
                c.sites.push(Site {
                    ship: Party {
                        name: format!("{st} {city} Campus"),
                        addr,
                        cc: x,
                    },
                    stype: "datacenter",
                    operator: op,
                    mw: rng.uni(40.0, 400.0),
                });
            }
            let tcc = *rng.pick(TREASURY_CC);
            c.payers
                .push((company(rng, tcc, &st, "Treasury Services"), tcc));
            c.self_pay = 0.5;
            c.seller = *rng.pick(&[0, 1]);
            c.alt_seller = *rng.pick(&[2, 3]);
            c.uses = USES_HYPER;
            c.domain = format!("{}.com", slug(&st));
        }
        Kind::Neocloud => {
            let cc = *rng.pick(&[
                "US", "US", "US", "GB", "NL", "FI", "SE", "NO", "IS", "DE", "FR", "ES", "SG", "SG",
                "MY", "TH", "ID", "IN", "IN", "JP", "KR", "AE", "SA", "VN", "AU", "CA",
            ]);
            let word = *rng.pick(&[
                "Cloud",
                "Compute",
                "AI Cloud",
                "GPU Cloud",
                "Hyperscale",
                "Infrastructure",
            ]);
            c.main = Party {
                name: company(rng, cc, &st, word),
                addr: office_address(rng, cc),
                cc,
            };
            c.since = rng.weighted(&[
                (2016i64, 1.0),
                (2018, 1.0),
                (2019, 1.0),
                (2020, 1.5),
                (2021, 2.0),
                (2022, 2.0),
                (2023, 2.0),
                (2024, 1.5),
                (2025, 0.6),
            ]);
            c.since = days(c.since, rng.int(1, 12), rng.int(1, 28));
            c.start = s0.max(c.since + rng.int(30, 200));
            if c.start > s1 - 30 {
                c.start = s1 - 30;
                c.since = c.start - rng.int(30, 200);
            }
            for _ in 0..rng.int(1, 4) {
                let x = *rng.pick(colo_countries(cc));
                let op = if x == cc {
                    c.main.clone()
                } else {
                    Party {
                        name: company(rng, x, &st, "Compute"),
                        addr: office_address(rng, x),
                        cc: x,
                    }
                };
                c.sites.push(Site {
                    ship: w.colo(rng, x),
                    stype: "datacenter",
                    operator: op,
                    mw: rng.uni(4.0, 80.0),
                });
            }
            if rng.chance(0.4) {
                let pcc = *rng.pick(&["NL", "US", "GB", "LU", "SG", "KY"]);
                c.parent = Some(Party {
                    name: company(rng, pcc, &st, "Holdings"),
                    addr: String::new(),
                    cc: pcc,
                });
            }
            let spv_cc = if rng.chance(0.7) {
                "US"
            } else {
                *rng.pick(&["KY", "IE", "LU"])
            };
            c.payers.push((
                format!(
                    "{st} Compute Funding {} {}",
                    rng.pick(ROMAN),
                    legal(rng, spv_cc)
                ),
                spv_cc,
            ));
            let l = rng.pick(LESSORS);
            c.payers.push((l.0.to_string(), l.1));
            c.self_pay = 0.45;
            c.seller = *rng.pick(&[0, 1, 2, 3]);
            c.alt_seller = regional_seller(rng, cc);
            c.uses = USES_NEO;
            c.domain = format!(
                "{}.{}",
                slug(&st),
                if rng.chance(0.5) { "ai" } else { "com" }
            );
            c.webmail_p = 0.03;
        }
        Kind::Enterprise => {
            let cc = *rng.pick(&[
                "US", "US", "US", "DE", "DE", "JP", "JP", "KR", "FR", "GB", "CH", "NL", "SE", "IN",
                "TW", "IT", "ES", "CA", "AU", "SG", "AE", "SA", "IL", "BR", "MX", "TR",
            ]);
            let sector = rng.pick(SECTORS);
            c.main = Party {
                name: company(rng, cc, &st, sector.0),
                addr: office_address(rng, cc),
                cc,
            };
            c.uses = sector.1;
            c.since = since_between(rng, 1998, 2021);
            let (addr, city) = dc_address(rng, cc);
            c.sites.push(Site {
                ship: Party {
                    name: format!("{st} {city} Data Center"),
                    addr,
                    cc,
                },
                stype: "datacenter",
                operator: c.main.clone(),
                mw: rng.uni(2.0, 30.0),
            });
            c.sites.push(Site {
                ship: c.main.clone(),
                stype: "end_user",
                operator: c.main.clone(),
                mw: 0.0,
            });
            if rng.chance(0.45) {
                let (hub, users, rname): (&str, &[&str], &str) = match rng.below(4) {
                    0 => (
                        "SG",
                        &["IN", "TH", "VN", "MY", "ID", "PH", "JP", "KR"],
                        "Asia Pacific",
                    ),
                    1 => ("NL", &["PL", "CZ", "ES", "IT", "TR", "IE", "DE"], "Europe"),
                    2 => ("AE", &["SA", "QA", "EG", "IN", "OM"], "Middle East"),
                    _ => ("US", &["MX", "CA", "BR"], "Americas"),
                };
                if hub != cc {
                    let br = Party {
                        name: company(rng, hub, &st, &format!("{} {rname}", sector.0)),
                        addr: office_address(rng, hub),
                        cc: hub,
                    };
                    c.sites.push(Site {
                        ship: w.hub(rng, hub),
                        stype: "logistics",
                        operator: br,
                        mw: 0.0,
                    });
                    for _ in 0..rng.int(1, 3) {
                        let u = *rng.pick(users);
                        let (a, city) = dc_address(rng, u);
                        c.users.push(Party {
                            name: format!("{} {} R&D Centre", company(rng, u, &st, sector.0), city),
                            addr: a,
                            cc: u,
                        });
                    }
                }
            }
            if rng.chance(0.3) {
                let pcc = *rng.pick(&["PL", "IN", "PH", "MY", "IE", "NL", "CH"]);
                c.payers
                    .push((company(rng, pcc, &st, "Global Business Services"), pcc));
                c.self_pay = 0.45;
            }
            c.seller = *rng.pick(&[2, 3]);
            c.alt_seller = regional_seller(rng, cc);
            c.domain = format!("{}.{}", slug(&st), tld(cc));
            c.webmail_p = 0.01;
        }
        Kind::Startup => {
            let cc = *rng.pick(&[
                "US", "US", "US", "US", "GB", "FR", "DE", "IL", "IL", "IN", "IN", "SG", "CA", "KR",
                "JP", "AE", "CH", "NL", "SE", "AU",
            ]);
            let word = *rng.pick(&[
                "AI",
                "Labs",
                "Intelligence",
                "Robotics",
                "Bio",
                "Systems",
                "",
            ]);
            c.main = Party {
                name: company(rng, cc, &st, word),
                addr: if rng.chance(0.15) {
                    home_address(rng, cc)
                } else {
                    office_address(rng, cc)
                },
                cc,
            };
            c.since = sample_date(rng, days(2022, 6, 1), days(2026, 3, 1));
            c.start = (c.since + rng.int(20, 330))
                .max(s0)
                .min(s1 - rng.int(0, 150));
            if c.since >= c.start {
                c.since = c.start - rng.int(20, 200);
            }
            c.end = (c.start + rng.int(0, 240)).min(s1);
            for _ in 0..rng.int(1, 2) {
                let x = *rng.pick(colo_countries(cc));
                c.sites.push(Site {
                    ship: w.colo(rng, x),
                    stype: "datacenter",
                    operator: c.main.clone(),
                    mw: rng.uni(0.5, 8.0),
                });
            }
            if cc != "US" && rng.chance(0.45) {
                let p = Party {
                    name: company(rng, "US", &st, word),
                    addr: office_address(rng, "US"),
                    cc: "US",
                };
                c.payers.push((p.name.clone(), "US"));
                c.parent = Some(p);
                c.self_pay = 0.7;
            }
            if rng.chance(0.3) {
                let v = rng.pick(VENTURE_LENDERS);
                c.payers.push((v.0.to_string(), v.1));
                c.self_pay = c.self_pay.min(0.7);
            }
            c.seller = *rng.pick(&[2, 3, 4]);
            c.alt_seller = regional_seller(rng, cc);
            c.uses = USES_STARTUP;
            c.domain = format!("{}.{}", slug(&st), rng.pick(&["ai", "io", "com"]));
            c.webmail_p = 0.15;
        }
        Kind::University => {
            let cc = *rng.pick(&[
                "US", "US", "US", "GB", "DE", "FR", "NL", "CH", "SE", "FI", "JP", "KR", "SG", "IN",
                "AU", "CA", "IT", "ES", "TW", "IL", "SA", "AE",
            ]);
            let name = match rng.below(4) {
                0 => format!("{st} Institute of Technology"),
                1 => format!("{st} State University"),
                2 => format!("National {st} Research Centre"),
                _ => format!("{st} University"),
            };
            c.main = Party {
                name,
                addr: office_address(rng, cc),
                cc,
            };
            c.since = since_between(rng, 2000, 2020);
            c.sites.push(Site {
                ship: Party {
                    name: format!("{} Research Computing Centre", c.main.name),
                    addr: office_address(rng, cc),
                    cc,
                },
                stype: "end_user",
                operator: c.main.clone(),
                mw: rng.uni(0.5, 6.0),
            });
            if rng.chance(0.3) {
                c.sites.push(Site {
                    ship: w.colo(rng, cc),
                    stype: "datacenter",
                    operator: c.main.clone(),
                    mw: rng.uni(1.0, 10.0),
                });
            }
            let g = grant_agency(cc);
            c.payers.push((g.0.to_string(), g.1));
            if rng.chance(0.2) {
                let f = rng.pick(FOUNDATIONS);
                c.payers.push((f.0.to_string(), f.1));
            }
            c.self_pay = 0.5;
            c.seller = regional_seller(rng, cc);
            c.alt_seller = *rng.pick(&[2, 3]);
            c.uses = USES_UNI;
            let s = slug(&st);
            c.domain = match cc {
                "US" => format!("{s}.edu"),
                "GB" => format!("{s}.ac.uk"),
                "JP" => format!("{s}.ac.jp"),
                "KR" => format!("{s}.ac.kr"),
                "SG" => format!("{s}.edu.sg"),
                "AU" => format!("{s}.edu.au"),
                "IN" => format!("{s}.ac.in"),
                "DE" => format!("uni-{s}.de"),
                "TW" => format!("{s}.edu.tw"),
                _ => format!("{s}.{}", tld(cc)),
            };
            c.webmail_p = 0.02;
        }
        Kind::Distributor => {
            let cc = *rng.pick(&[
                "SG", "SG", "MY", "TH", "AE", "AE", "DE", "NL", "US", "US", "IN", "JP", "KR", "TW",
                "AU", "PL", "TR", "MX",
            ]);
            let word = *rng.pick(&[
                "Technology Distribution",
                "Systems Distribution",
                "Computer Supplies",
                "IT Distribution",
                "Electronics Trading",
                "Solutions",
            ]);
            c.main = Party {
                name: company(rng, cc, &st, word),
                addr: office_address(rng, cc),
                cc,
            };
            c.since = since_between(rng, 2002, 2021);
            let (addr, _) = dc_address(rng, cc);
            c.sites.push(Site {
                ship: Party {
                    name: format!("{} Warehouse", c.main.name),
                    addr,
                    cc,
                },
                stype: "distributor",
                operator: c.main.clone(),
                mw: 0.0,
            });
            for _ in 0..rng.int(2, 6) {
                let n = *rng.pick(neighbours(cc));
                let s2 = stem(rng);
                let word = *rng.pick(&[
                    "Systems",
                    "Computers",
                    "IT Solutions",
                    "Integration",
                    "Technology",
                ]);
                c.users.push(Party {
                    name: company(rng, n, &s2, word),
                    addr: office_address(rng, n),
                    cc: n,
                });
            }
            c.seller = *rng.pick(&[2, 3, 12, 0]);
            c.alt_seller = regional_seller(rng, cc);
            c.uses = USES_DIST;
            c.domain = format!("{}.{}", slug(&st), tld(cc));
            c.webmail_p = 0.03;
        }
        Kind::SmallFirm => {
            let cc = *rng.pick(&[
                "US", "US", "US", "GB", "DE", "FR", "NL", "PL", "SE", "IT", "ES", "CA", "AU", "JP",
                "KR", "TW", "SG", "SG", "MY", "MY", "TH", "ID", "PH", "VN", "IN", "IN", "AE", "SA",
                "TR", "IL", "BR", "MX",
            ]);
            let word = *rng.pick(&[
                "Studios",
                "Render",
                "Engineering",
                "Analytics",
                "Design",
                "Visual Effects",
                "Labs",
                "Technologies",
                "Workstations",
                "Games",
                "Computing",
                "PC",
            ]);
            c.main = Party {
                name: company(rng, cc, &st, word),
                addr: String::new(),
                cc,
            };
            let home_office = rng.chance(0.15);
            c.main.addr = if cc == "SG" && rng.chance(0.3) {
                // Sim Lim Square / Sim Lim Tower host many legitimate PC shops (and listed parties).
                if rng.chance(0.5) {
                    format!(
                        "1 Rochor Canal Road, #{:02}-{:02} Sim Lim Square, Singapore 188504, SG",
                        rng.int(1, 6),
                        rng.int(1, 80)
                    )
                } else {
                    format!(
                        "10 Jalan Besar, #{:02}-{:02} Sim Lim Tower, Singapore 208787, SG",
                        rng.int(1, 20),
                        rng.int(1, 40)
                    )
                }
            } else if home_office {
                home_address(rng, cc)
            } else {
                office_address(rng, cc)
            };
            c.since = if rng.chance(0.25) {
                sample_date(rng, days(2021, 1, 1), days(2026, 1, 1))
            } else {
                since_between(rng, 1998, 2022)
            };
            c.start = (c.since + 1)
                .max(s0 + rng.int(0, 1200))
                .min(s1 - rng.int(0, 200));
            c.end = (c.start + rng.int(0, 400)).min(s1);
            c.sites.push(Site {
                ship: c.main.clone(),
                stype: "end_user",
                operator: c.main.clone(),
                mw: 0.0,
            });
            c.seller = regional_seller(rng, cc);
            c.alt_seller = c.seller;
            c.forwarder = local_forwarder(rng, cc);
            c.uses = USES_SMALL;
            c.domain = format!("{}.{}", slug(&st), tld(cc));
            c.webmail_p = 0.35;
        }
        Kind::ChinaLegit => {
            let cc = if rng.chance(0.7) { "CN" } else { "HK" };
            let word = *rng.pick(&[
                "Cloud Computing",
                "Intelligent Technology",
                "Information Technology",
                "Digital Technology",
                "Network Technology",
            ]);
            c.main = Party {
                name: company(rng, cc, &st, word),
                addr: office_address(rng, cc),
                cc,
            };
            c.since = since_between(rng, 2010, 2022);
            if cc == "CN" {
                for _ in 0..rng.int(1, 3) {
                    let (addr, city) = dc_address(rng, "CN");
                    c.sites.push(Site {
                        ship: Party {
                            name: format!("{st} {city} Computing Centre"),
                            addr,
                            cc: "CN",
                        },
                        stype: "datacenter",
                        operator: c.main.clone(),
                        mw: rng.uni(10.0, 150.0),
                    });
                }
            } else {
                let (addr, _) = dc_address(rng, "HK");
                c.sites.push(Site {
                    ship: Party {
                        name: format!("{} Warehouse", c.main.name),
                        addr,
                        cc: "HK",
                    },
                    stype: "distributor",
                    operator: c.main.clone(),
                    mw: 0.0,
                });
                for _ in 0..rng.int(1, 3) {
                    let s2 = stem(rng);
                    c.users.push(Party {
                        name: company(rng, "CN", &s2, "Information Technology"),
                        addr: office_address(rng, "CN"),
                        cc: "CN",
                    });
                }
            }
            if rng.chance(0.5) {
                let gst = stem(rng);
                c.parent = Some(Party {
                    name: company(rng, "CN", &gst, "Group"),
                    addr: String::new(),
                    cc: "CN",
                });
            }
            c.seller = *rng.pick(&[11, 11, 0, 1]);
            c.alt_seller = 11;
            c.uses = USES_CN;
            c.domain = format!("{}.{}", slug(&st), tld(cc));
            c.webmail_p = 0.08;
        }
    }
    c.phone = phone(rng, c.main.cc);
    if matches!(
        kind,
        Kind::Hyperscaler
            | Kind::Enterprise
            | Kind::University
            | Kind::Distributor
            | Kind::ChinaLegit
    ) {
        c.forwarder = if rng.chance(0.7) {
            rng.pick(BIG_3PL).to_string()
        } else {
            local_forwarder(rng, c.main.cc)
        };
    }
    if c.since > c.start {
        c.since = c.start - rng.int(1, 60);
    }
    c
}

/// Legitimate companies whose names or addresses resemble listed parties (fuzzy-match bait).
fn lookalike_customers(rng: &mut Rng, w: &World) -> Vec<Customer> {
    let specs: [(&str, &str, Kind); 5] = [
        ("Action Global Logistics GmbH", "DE", Kind::Enterprise),
        ("Amaze Interactive Studios Ltd", "GB", Kind::SmallFirm),
        ("Ace Hub Systems Inc.", "US", Kind::SmallFirm),
        ("NEL Electronic Systems Ltd", "GB", Kind::SmallFirm),
        ("Centre Bright Learning Pte. Ltd.", "SG", Kind::SmallFirm),
    ];
    let mut out = Vec::new();
    for (name, cc, kind) in specs {
        let mut c = make_customer(rng, kind, w);
        c.main = Party {
            name: name.to_string(),
            addr: office_address(rng, cc),
            cc,
        };
        c.sites.clear();
        c.sites.push(Site {
            ship: c.main.clone(),
            stype: "end_user",
            operator: c.main.clone(),
            mw: 0.0,
        });
        c.users.clear();
        c.domain = format!(
            "{}.{}",
            slug(
                name.split(' ')
                    .take(2)
                    .collect::<Vec<_>>()
                    .join("")
                    .as_str()
            ),
            tld(cc)
        );
        c.phone = phone(rng, cc);
        c.seller = regional_seller(rng, cc);
        c.webmail_p = 0.05;
        c.start = start_day() + rng.int(0, 400);
        c.end = end_day();
        c.since = since_between(rng, 2005, 2019);
        out.push(c);
    }
    out
}

fn legit_order(rng: &mut Rng, c: &Customer, w: &World) -> Row {
    let mut r = Row::default();
    // date and item
    let (table, lo_s, hi_s, lo_c, hi_c, pf): (&[(&'static str, f64)], f64, f64, f64, f64, f64) =
        match c.kind {
            Kind::Hyperscaler => (HYPER_ITEMS, 16.0, 512.0, 128.0, 4096.0, rng.uni(0.82, 0.95)),
            Kind::Neocloud => (NEO_ITEMS, 4.0, 256.0, 32.0, 2048.0, rng.uni(0.88, 1.0)),
            Kind::Enterprise => (ENT_ITEMS, 1.0, 16.0, 2.0, 64.0, rng.uni(0.95, 1.08)),
            Kind::Startup => (START_ITEMS, 2.0, 64.0, 8.0, 512.0, rng.uni(0.95, 1.1)),
            Kind::University => (UNI_ITEMS, 1.0, 12.0, 2.0, 64.0, rng.uni(0.85, 1.0)),
            Kind::Distributor => (DIST_ITEMS, 1.0, 24.0, 8.0, 400.0, rng.uni(0.88, 0.98)),
            Kind::SmallFirm => (SMALL_ITEMS, 1.0, 2.0, 1.0, 16.0, rng.uni(1.0, 1.15)),
            Kind::ChinaLegit => (CN_ITEMS, 8.0, 200.0, 50.0, 2000.0, rng.uni(0.95, 1.1)),
        };
    let mut date = sample_date(rng, c.start, c.end);
    let mut it = pick_item(rng, table, date);
    let mut tries = 0;
    while it.is_none() && tries < 12 {
        date = sample_date(rng, start_day(), end_day()).max(c.start);
        it = pick_item(rng, table, date);
        tries += 1;
    }
    let it = it.unwrap_or_else(|| {
        date = days(2024, 6, 1).max(c.start);
        item(if c.kind == Kind::ChinaLegit {
            "L20"
        } else {
            "L40S"
        })
    });
    r.date = date;
    let qty = quantity(rng, it, lo_s, hi_s, lo_c, hi_c);
    r.set_item(rng, it, qty, pf, 0.02);
    let seller = if rng.chance(0.8) {
        c.seller
    } else {
        c.alt_seller
    };
    r.set_seller(seller);
    r.currency = currency(rng, c.main.cc).to_string();

    // parties
    let site = &c.sites[rng.below(c.sites.len())];
    r.set_bill(&c.main);
    match c.kind {
        Kind::Hyperscaler | Kind::Neocloud => {
            if rng.chance(0.5) {
                r.set_bill(&site.operator);
            }
            let staged = rng.chance(if c.kind == Kind::Hyperscaler {
                0.2
            } else {
                0.25
            });
            if staged {
                r.set_ship(&w.hub(rng, site.ship.cc), "logistics");
            } else if c.kind == Kind::Neocloud && rng.chance(0.05) {
                let f = local_forwarder(rng, site.ship.cc);
                r.set_ship(
                    &Party {
                        name: f,
                        addr: dc_address(rng, site.ship.cc).0,
                        cc: site.ship.cc,
                    },
                    "forwarder",
                );
            } else {
                r.set_ship(&site.ship, site.stype);
            }
            let mut u = site.operator.clone();
            u.addr = site.ship.addr.clone();
            r.set_user(&u);
        }
        Kind::Enterprise => {
            if site.stype == "logistics" {
                r.set_bill(if rng.chance(0.6) {
                    &site.operator
                } else {
                    &c.main
                });
                r.set_ship(&site.ship, "logistics");
                if !c.users.is_empty() && rng.chance(0.85) {
                    r.set_user(&c.users[rng.below(c.users.len())]);
                }
            } else {
                r.set_ship(&site.ship, site.stype);
                r.set_user(&c.main);
            }
        }
        Kind::Startup => {
            if rng.chance(0.15) {
                r.set_ship(&w.hub(rng, site.ship.cc), "logistics");
            } else if rng.chance(0.05) {
                let f = local_forwarder(rng, site.ship.cc);
                r.set_ship(
                    &Party {
                        name: f,
                        addr: dc_address(rng, site.ship.cc).0,
                        cc: site.ship.cc,
                    },
                    "forwarder",
                );
            } else {
                r.set_ship(&site.ship, "datacenter");
            }
            let mut u = c.main.clone();
            if rng.chance(0.5) {
                u.addr = site.ship.addr.clone();
                u.cc = site.ship.cc;
            }
            r.set_user(&u);
        }
        Kind::University => {
            r.set_ship(&site.ship, site.stype);
            let mut u = c.main.clone();
            u.name = site.ship.name.clone();
            r.set_user(&u);
        }
        Kind::Distributor | Kind::ChinaLegit => {
            if !c.users.is_empty() && rng.chance(0.35) {
                let u = &c.users[rng.below(c.users.len())];
                r.set_ship(
                    u,
                    if rng.chance(0.6) {
                        "reseller"
                    } else {
                        "end_user"
                    },
                );
                if rng.chance(0.4) {
                    r.set_user(u);
                }
            } else {
                r.set_ship(&site.ship, site.stype);
                if c.kind == Kind::ChinaLegit && site.stype == "datacenter" {
                    r.set_user(&c.main);
                } else if !c.users.is_empty() && rng.chance(0.3) {
                    r.set_user(&c.users[rng.below(c.users.len())]);
                } else if rng.chance(0.2) {
                    // distributors put their own placeholders in the end-user field
                    r.end_user_name = rng
                        .pick_s(&[
                            "Stock",
                            "Channel stock",
                            "Various resellers",
                            "Multiple end users (channel)",
                            "Inventory - TBA",
                        ])
                        .to_string();
                    r.end_user_country = r.ship_to_country.clone();
                }
            }
        }
        Kind::SmallFirm => {
            if rng.chance(0.06) {
                let f = local_forwarder(rng, c.main.cc);
                r.set_ship(
                    &Party {
                        name: f,
                        addr: dc_address(rng, c.main.cc).0,
                        cc: c.main.cc,
                    },
                    "forwarder",
                );
            } else {
                r.set_ship(
                    &c.main,
                    if rng.chance(0.05) {
                        "reseller"
                    } else {
                        "end_user"
                    },
                );
            }
            if rng.chance(0.6) {
                r.set_user(&c.main);
            }
        }
    }
    let ship_cc = geo(&r.ship_to_country).cc;
    if let Some(p) = &c.parent
        && rng.chance(0.6)
    {
        r.set_parent(p);
    }

    // payer
    if c.payers.is_empty() || rng.chance(c.self_pay) {
        if rng.chance(0.85) {
            let (n, cc) = (r.bill_to_name.clone(), r.bill_to_country.clone());
            r.set_payer(&n, &cc);
        }
    } else {
        let p = &c.payers[rng.below(c.payers.len())];
        r.set_payer(&p.0, p.1);
    }

    // logistics
    let origin = *rng.pick(SELLERS[seller % SELLERS.len()].origins);
    let buyer_arranges = match c.kind {
        Kind::Hyperscaler => 0.55,
        Kind::Neocloud => 0.35,
        Kind::SmallFirm => 0.1,
        _ => 0.25,
    };
    r.incoterm = incoterm(rng, buyer_arranges).to_string();
    r.forwarder = if matches!(r.incoterm.as_str(), "EXW" | "FCA" | "FOB") {
        c.forwarder.clone()
    } else {
        rng.pick(BIG_3PL).to_string()
    };
    r.route = route(rng, origin, ship_cc);

    // declarations
    r.declared_end_use = rng.pick(c.uses).to_string();
    let decline_p = match c.kind {
        Kind::Hyperscaler => 0.35,
        Kind::Neocloud => 0.25,
        Kind::Startup => 0.35,
        Kind::Distributor | Kind::ChinaLegit => 0.5,
        Kind::SmallFirm => 0.3,
        _ => 0.1,
    };
    r.installation_declined = if rng.chance(decline_p) {
        "true"
    } else {
        "false"
    }
    .to_string();
    r.customer_since = ymd(c.since.min(r.date));
    r.contact_email = if rng.chance(c.webmail_p) {
        webmail_address(rng, c.main.cc)
    } else {
        email(rng, c.main.cc, &c.domain)
    };
    r.contact_phone = c.phone.clone();

    // declared site capacity: usually present for datacenter buyers, occasionally tight (phase 1)
    let need = site_mw_needed(it, qty);
    let mw_p = match c.kind {
        Kind::Hyperscaler => 0.6,
        Kind::Neocloud => 0.55,
        Kind::Startup => 0.4,
        Kind::ChinaLegit => 0.3,
        Kind::Enterprise | Kind::University => 0.2,
        _ => 0.02,
    };
    if rng.chance(mw_p) {
        let tight = matches!(c.kind, Kind::Neocloud | Kind::Startup) && rng.chance(0.07);
        let mw = if tight {
            need * rng.uni(0.5, 0.95)
        } else {
            site.mw.max(need * rng.uni(1.2, 4.0))
        };
        r.declared_site_mw = fmt_mw(mw);
    }
    blank_some(rng, &mut r);
    r
}

// ---------------------------------------------------------------- diverted rings

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scheme {
    VagueReseller,
    NeocloudFront,
    ThirdCountryPayer,
    SplitOrders,
    NearCsl,
    ParentMasked,
}

impl Scheme {
    fn name(self) -> &'static str {
        match self {
            Scheme::VagueReseller => "vague_reseller",
            Scheme::NeocloudFront => "neocloud_front",
            Scheme::ThirdCountryPayer => "third_country_payer",
            Scheme::SplitOrders => "split_orders",
            Scheme::NearCsl => "near_csl_name",
            Scheme::ParentMasked => "parent_masked",
        }
    }
}

const DIV_ITEMS: &[(&str, f64)] = &[
    ("HGX-H100-8GPU", 3.0),
    ("HGX-H200-8GPU", 3.0),
    ("H100-SXM", 2.0),
    ("H200", 2.0),
    ("DGX-H100", 1.0),
    ("DGX-B200", 1.5),
    ("B200", 1.5),
    ("B300", 0.7),
    ("MI300X", 0.3),
];
const DIV_PCIE: &[(&str, f64)] = &[
    ("H100-PCIE", 3.0),
    ("L40S", 1.0),
    ("RTX-5090", 1.0),
    ("RTX-4090", 1.0),
    ("A100", 0.5),
];
const VAGUE_USERS: &[&str] = &[
    "Various cloud customers",
    "Local enterprise clients",
    "Multiple end users - to be advised",
    "Customer projects (TBA)",
    "Regional AI clients",
    "End user confidential",
];
const VAGUE_USES: &[&str] = &[
    "resale",
    "general computing",
    "AI computing",
    "cloud services",
    "data processing",
    "for customer projects",
    "IT equipment",
];

/// (CSL-derived name variants, CSL addresses) from data/screen/sample_csl.csv.
const CSL_NAMES: &[(&str, &str)] = &[
    ("Corezing Technologies Pte Ltd", "SG"),
    ("Core Zing International Sdn. Bhd.", "MY"),
    ("NEL Electronic Pte. Ltd.", "SG"),
    ("Action Global Trading Co., Limited", "HK"),
    ("Amaze Intl Pte Ltd", "SG"),
    ("Centre Bright Electronic Co., Ltd.", "HK"),
    ("Cyber Inn Pte. Ltd.", "SG"),
    ("Microsun Electronic Pte Ltd", "SG"),
    ("Ace Hub Systems Sdn. Bhd.", "MY"),
    ("Antcorp Systems Sdn. Bhd.", "MY"),
    ("Index Consultancy and Services Pte. Ltd.", "SG"),
    ("Austral Aero Marine Sdn. Bhd.", "MY"),
];
const CSL_ADDRS: &[(&str, &str)] = &[
    (
        "158 Kallang Way, #02-505 Kallang Basin, Singapore 349245, SG",
        "SG",
    ),
    (
        "10 Jalan Besar, #11-08 Sim Lim Tower, Singapore 208787, SG",
        "SG",
    ),
    (
        "1 Rochor Canal Road, #06-07 Sim Lim Square, Singapore 188504, SG",
        "SG",
    ),
    (
        "Block 1057 Eunos Avenue 3, #02-85, Singapore 409848, SG",
        "SG",
    ),
    (
        "111 North Bridge Road, #27-01 Peninsula Plaza, Singapore 179098, SG",
        "SG",
    ),
    (
        "Suite 33-01, Menara Keck Seng, 203 Jalan Bukit Bintang, Kuala Lumpur 55100, MY",
        "MY",
    ),
    (
        "No. 15, Jalan PJS 11/16, Taman Bandar Sunway, Petaling Jaya, Selangor 46150, MY",
        "MY",
    ),
    (
        "Flat/RM 2309, 23/F, Ho King Comm Center, 2-16 Fa Yuen Street, Mongkok, Kowloon, HK",
        "HK",
    ),
    (
        "Unit 7A, Nathan Commercial Building, 430-436 Nathan Road, Kowloon, HK",
        "HK",
    ),
];
const TRADERS_CC: &[(&str, f64)] = &[
    ("HK", 0.4),
    ("CN", 0.1),
    ("AE", 0.15),
    ("KZ", 0.06),
    ("KG", 0.04),
    ("TR", 0.08),
    ("SC", 0.09),
    ("VG", 0.08),
];

struct Shell {
    party: Party,
    email: String,
    phone: String,
    since: i64,
    ship: Party,
    ship_type: &'static str,
}

struct Ring {
    scheme: Scheme,
    shells: Vec<Shell>,
    payer: (String, &'static str),
    forwarder: String,
    phone: String,
    shared_ship: Party,
    parent: Party,
    seller: usize,
    start: i64,
    span: i64,
}

fn trader_name(rng: &mut Rng, cc: &str) -> String {
    let st = *rng.pick(&[
        "Wing Hop",
        "Silver Harbour",
        "Jinhai",
        "Golden Crest",
        "Steppe",
        "Bluewater",
        "Coral Reach",
        "Eastpoint",
        "Fortune Bridge",
        "Grand Ocean",
        "Lucky Star",
        "Anatolia",
    ]);
    let word = *rng.pick(&[
        "Trading",
        "International Trade",
        "Supply Chain",
        "Holdings",
        "General Trading",
        "Investments",
    ]);
    company(rng, cc, st, word)
}

fn make_ring(rng: &mut Rng, scheme: Scheme, w: &World) -> Ring {
    let home = match scheme {
        Scheme::NearCsl => rng.weighted(&[("SG", 0.5), ("MY", 0.35), ("HK", 0.15)]),
        Scheme::ParentMasked => rng.weighted(&[("SG", 0.6), ("MY", 0.4)]),
        _ => rng.weighted(&[
            ("SG", 0.22),
            ("MY", 0.22),
            ("TH", 0.1),
            ("ID", 0.05),
            ("VN", 0.07),
            ("AE", 0.09),
            ("IN", 0.09),
            ("TW", 0.05),
            ("JP", 0.06),
            ("KR", 0.02),
            ("HK", 0.03),
        ]),
    };
    let office = office_address(rng, home);
    let phone_shared = phone(rng, home);
    let n_shells = match scheme {
        Scheme::SplitOrders => rng.int(2, 4),
        Scheme::NearCsl => rng.int(1, 2),
        _ => rng.int(1, 4),
    } as usize;
    let start = rng.int(days(2023, 3, 1), days(2026, 3, 1));
    let span = if scheme == Scheme::SplitOrders {
        rng.int(30, 150)
    } else {
        rng.int(60, 420)
    };
    let trader_cc = rng.weighted(TRADERS_CC);
    let payer = (trader_name(rng, trader_cc), trader_cc);
    let forwarder = if scheme == Scheme::NearCsl && rng.chance(0.4) {
        rng.pick(&["ACTeam Logistic Limited", "AC Team Logistics (HK) Ltd"])
            .to_string()
    } else if rng.chance(0.6) {
        let st = stem(rng);
        let word = *rng.pick(&["Express Cargo", "Freight", "Logistics", "Sea-Air"]);
        company(rng, home, &st, word)
    } else {
        local_forwarder(rng, home)
    };
    let shared_ship = if rng.chance(0.5) {
        w.hub(rng, home)
    } else {
        Party {
            name: forwarder.clone(),
            addr: dc_address(rng, home).0,
            cc: home,
        }
    };
    let pst = stem(rng);
    let pword = *rng.pick(&[
        "Intelligent Computing",
        "Technology Group",
        "Digital Technology",
    ]);
    let parent = Party {
        name: company(rng, "CN", &pst, pword),
        addr: office_address(rng, "CN"),
        cc: "CN",
    };
    let mut shells = Vec::new();
    for k in 0..n_shells {
        let cc = if k > 0 && rng.chance(0.3) {
            *rng.pick(ring_neighbours(home))
        } else {
            home
        };
        let st = stem(rng);
        let word = match scheme {
            Scheme::VagueReseller => *rng.pick(&[
                "Technology",
                "Systems",
                "Computer Trading",
                "IT Solutions",
                "Electronics",
            ]),
            Scheme::NeocloudFront => *rng.pick(&[
                "AI Cloud",
                "Compute",
                "GPU Cloud",
                "Data Services",
                "Cloud Technology",
            ]),
            Scheme::ParentMasked => {
                *rng.pick(&["Intelligent Computing", "Cloud Technology", "Digital"])
            }
            _ => *rng.pick(&[
                "Technology",
                "Solutions",
                "AI",
                "Systems",
                "Innovations",
                "Digital",
            ]),
        };
        let mut name = company(rng, cc, &st, word);
        let mut addr = if rng.chance(0.35) {
            office.clone()
        } else {
            office_address(rng, cc)
        };
        let mut pcc = cc;
        if scheme == Scheme::NearCsl {
            let use_name = rng.chance(0.6);
            let use_addr = !use_name || rng.chance(0.55);
            if use_name {
                let n = rng.pick(CSL_NAMES);
                name = n.0.to_string();
                pcc = n.1;
                addr = office_address(rng, pcc);
            }
            if use_addr {
                let a = rng.pick(CSL_ADDRS);
                addr = a.0.to_string();
                pcc = a.1;
                if !use_name {
                    name = company(rng, pcc, &st, word);
                }
            }
        }
        let domain = format!("{}.{}", slug(&st), tld(pcc));
        let since = if rng.chance(match scheme {
            Scheme::NeocloudFront => 0.6,
            Scheme::VagueReseller => 0.45,
            Scheme::SplitOrders => 0.5,
            Scheme::ThirdCountryPayer => 0.3,
            _ => 0.3,
        }) {
            start - rng.int(20, 330)
        } else {
            start - rng.int(400, 2500)
        };
        let webmail_p = match scheme {
            Scheme::VagueReseller => 0.25,
            Scheme::SplitOrders => 0.3,
            Scheme::NeocloudFront => 0.15,
            _ => 0.1,
        };
        let email = if scheme == Scheme::ParentMasked && rng.chance(0.3) {
            if rng.chance(0.5) {
                webmail_address(rng, "CN")
            } else {
                email(rng, "CN", &format!("{}.cn", slug(&pst)))
            }
        } else if rng.chance(webmail_p) {
            webmail_address(rng, pcc)
        } else {
            email(rng, pcc, &domain)
        };
        let phone = if scheme == Scheme::ParentMasked && rng.chance(0.45) {
            let pc = if rng.chance(0.6) { "CN" } else { "HK" };
            phone(rng, pc)
        } else if rng.chance(if scheme == Scheme::SplitOrders {
            0.5
        } else {
            0.35
        }) {
            phone_shared.clone()
        } else {
            phone(rng, pcc)
        };
        let (ship, ship_type) = match scheme {
            Scheme::NeocloudFront => {
                let r = rng.f();
                if r < 0.7 {
                    if rng.chance(0.3) {
                        (
                            Party {
                                name: format!("{st} Data Centre"),
                                addr: office_address(rng, pcc),
                                cc: pcc,
                            },
                            "datacenter",
                        )
                    } else {
                        (w.colo(rng, pcc), "datacenter")
                    }
                } else if r < 0.9 {
                    (w.hub(rng, pcc), "logistics")
                } else {
                    (shared_ship.clone(), "forwarder")
                }
            }
            Scheme::VagueReseller => {
                if rng.chance(0.7) {
                    (
                        Party {
                            name: format!("{name} Warehouse"),
                            addr: dc_address(rng, pcc).0,
                            cc: pcc,
                        },
                        *rng.pick(&["reseller", "distributor"]),
                    )
                } else {
                    (
                        Party {
                            name: name.clone(),
                            addr: addr.clone(),
                            cc: pcc,
                        },
                        *rng.pick(&["end_user", "datacenter"]),
                    )
                }
            }
            Scheme::SplitOrders => {
                if rng.chance(0.6) {
                    (
                        shared_ship.clone(),
                        if rng.chance(0.45) {
                            *rng.pick(&["logistics", "forwarder"])
                        } else {
                            "end_user"
                        },
                    )
                } else {
                    (
                        Party {
                            name: name.clone(),
                            addr: addr.clone(),
                            cc: pcc,
                        },
                        if rng.chance(0.45) {
                            "logistics"
                        } else {
                            "end_user"
                        },
                    )
                }
            }
            _ => {
                if rng.chance(0.6) {
                    (w.colo(rng, pcc), "datacenter")
                } else {
                    (
                        Party {
                            name: name.clone(),
                            addr: addr.clone(),
                            cc: pcc,
                        },
                        "end_user",
                    )
                }
            }
        };
        shells.push(Shell {
            party: Party {
                name,
                addr,
                cc: pcc,
            },
            email,
            phone,
            since,
            ship,
            ship_type,
        });
    }
    Ring {
        scheme,
        shells,
        payer,
        forwarder,
        phone: phone_shared,
        shared_ship,
        parent,
        seller: *rng.pick(&[0, 2, 3, 6, 7, 6, 10, 9, 1]),
        start,
        span,
    }
}

fn keep(rng: &mut Rng, p: f64, signals: &mut u32) -> bool {
    let b = rng.chance(p);
    *signals += u32::from(b);
    b
}

fn diverted_order(rng: &mut Rng, ring: &Ring, k: usize, date: i64) -> Row {
    let sh = &ring.shells[k];
    let s = ring.scheme;
    let mut r = Row {
        date,
        scheme: s.name(),
        ..Row::default()
    };
    let mut signals = 0u32;

    // item
    let high_end = s != Scheme::SplitOrders || rng.chance(0.5);
    let hi_p = if s == Scheme::VagueReseller {
        0.8
    } else {
        0.75
    };
    let table = if high_end && rng.chance(hi_p) {
        DIV_ITEMS
    } else {
        DIV_PCIE
    };
    let it = pick_item(rng, table, date)
        .or_else(|| pick_item(rng, DIV_PCIE, date))
        .unwrap_or(item("H100-PCIE"));
    let qty = if s == Scheme::SplitOrders {
        quantity(rng, it, 1.0, 3.0, 4.0, 24.0)
    } else {
        quantity(rng, it, 2.0, 64.0, 16.0, 512.0)
    };
    r.date = date;
    let premium = if rng.chance(0.25) {
        rng.uni(1.05, 1.35)
    } else {
        rng.uni(0.92, 1.05)
    };
    r.set_item(rng, it, qty, premium, 0.12);
    let seller = if rng.chance(0.75) {
        ring.seller
    } else {
        regional_seller(rng, sh.party.cc)
    };
    r.set_seller(seller);
    r.currency = "USD".to_string();
    r.set_bill(&sh.party);
    r.set_ship(&sh.ship, sh.ship_type);
    if matches!(
        sh.ship_type,
        "reseller" | "distributor" | "logistics" | "forwarder"
    ) {
        signals += 1;
    }
    if sh.since > date - 365 {
        signals += 1;
    }
    r.customer_since = ymd(sh.since);
    r.contact_email = sh.email.clone();
    r.contact_phone = sh.phone.clone();
    r.forwarder = ring.forwarder.clone();
    r.incoterm = incoterm(rng, 0.5).to_string();
    let origin = *rng.pick(SELLERS[seller % SELLERS.len()].origins);
    r.route = route(rng, origin, &r.ship_to_country.clone());
    r.declared_end_use = rng.pick(USES_NEO).to_string();
    r.installation_declined = "false".to_string();
    r.set_payer(&sh.party.name.clone(), sh.party.cc);
    r.set_user(&Party {
        name: sh.party.name.clone(),
        addr: sh.ship.addr.clone(),
        cc: sh.ship.cc,
    });

    match s {
        Scheme::VagueReseller => {
            let u = rng.f();
            if u < 0.4 {
                r.end_user_name.clear();
                r.end_user_address.clear();
                r.end_user_country.clear();
                signals += 1;
            } else if u < 0.75 {
                r.end_user_name = rng.pick(VAGUE_USERS).to_string();
                r.end_user_address.clear();
                signals += 1;
            } else if rng.chance(0.4) {
                // a named customer next door that nobody can verify
                let x = *rng.pick(ring_neighbours(sh.party.cc));
                let st = stem(rng);
                let nm = company(rng, x, &st, "Technology");
                r.set_user(&Party {
                    name: nm,
                    addr: office_address(rng, x),
                    cc: x,
                });
            }
            r.declared_end_use = if keep(rng, 0.5, &mut signals) {
                rng.pick(VAGUE_USES).to_string()
            } else if rng.chance(0.6) {
                String::new()
            } else {
                "AI cloud services".to_string()
            };
            if keep(rng, 0.55, &mut signals) {
                r.installation_declined = "true".to_string();
            }
            if keep(rng, 0.25, &mut signals) {
                r.set_payer(&ring.payer.0, ring.payer.1);
            }
            if keep(rng, 0.15, &mut signals) {
                r.route = format!("{origin};HK;{}", r.ship_to_country);
            }
        }
        Scheme::NeocloudFront => {
            let need = site_mw_needed(it, qty) * rng.uni(1.5, 4.0); // ring's cumulative build-out
            let m = rng.f();
            r.declared_site_mw = if m < 0.55 {
                signals += 1;
                fmt_mw(need * rng.uni(0.05, 0.35))
            } else if m < 0.85 {
                String::new()
            } else {
                fmt_mw(need * rng.uni(1.1, 2.0))
            };
            if keep(rng, 0.45, &mut signals) {
                r.installation_declined = "true".to_string();
            }
            if keep(rng, 0.35, &mut signals) {
                let pcc = *rng.pick(&["VG", "SC", "HK", "KY", "AE"]);
                let st = stem(rng);
                r.set_payer(&company(rng, pcc, &st, "Holdings"), pcc);
            }
            if keep(rng, 0.25, &mut signals) {
                if rng.chance(0.3) {
                    r.set_parent(&ring.parent);
                } else {
                    let st = stem(rng);
                    r.set_parent(&Party {
                        name: company(rng, "HK", &st, "Holdings"),
                        addr: String::new(),
                        cc: "HK",
                    });
                }
            }
            r.declared_end_use = rng.pick(USES_NEO).to_string();
        }
        Scheme::ThirdCountryPayer => {
            if keep(rng, 0.85, &mut signals) {
                r.set_payer(&ring.payer.0, ring.payer.1);
            }
            if keep(rng, 0.3, &mut signals) {
                r.end_user_name.clear();
                r.end_user_address.clear();
                r.end_user_country.clear();
            }
            if keep(rng, 0.3, &mut signals) {
                r.installation_declined = "true".to_string();
            }
            if keep(rng, 0.2, &mut signals) {
                r.route = format!("{origin};{};{}", rng.pick(&["HK", "AE"]), r.ship_to_country);
            }
            r.declared_end_use = rng.pick(USES_STARTUP).to_string();
        }
        Scheme::SplitOrders => {
            if keep(rng, 0.4, &mut signals) {
                r.installation_declined = "true".to_string();
            }
            if rng.chance(0.5) {
                r.end_user_name.clear();
                r.end_user_address.clear();
                r.end_user_country.clear();
            }
            if rng.chance(0.7) {
                r.forwarder = ring.forwarder.clone();
            }
            if rng.chance(0.5) {
                r.contact_phone = ring.phone.clone();
            }
            if ring.shared_ship.name == r.ship_to_name {
                signals += 1;
            }
            r.declared_end_use = rng
                .pick(&[
                    "AI development",
                    "research workstation",
                    "AI model development",
                    "data processing",
                ])
                .to_string();
        }
        Scheme::NearCsl => {
            signals += 1; // a name and/or address variant of a listed party is always present
            if keep(rng, 0.4, &mut signals) {
                r.end_user_name = if rng.chance(0.5) {
                    rng.pick(VAGUE_USERS).to_string()
                } else {
                    String::new()
                };
                r.end_user_address.clear();
                if r.end_user_name.is_empty() {
                    r.end_user_country.clear();
                }
            }
            if keep(rng, 0.35, &mut signals) {
                r.installation_declined = "true".to_string();
            }
            if keep(rng, 0.2, &mut signals) {
                r.route = format!("{origin};HK;{}", r.ship_to_country);
            }
            r.declared_end_use = rng.pick(VAGUE_USES).to_string();
        }
        Scheme::ParentMasked => {
            let p = rng.f();
            if p < 0.45 {
                let st = stem(rng);
                let pcc = *rng.pick(&["SG", "MY"]);
                r.set_parent(&Party {
                    name: company(rng, pcc, &st, "Holdings"),
                    addr: String::new(),
                    cc: pcc,
                });
            } else if p >= 0.85 {
                r.set_parent(&ring.parent);
                signals += 1;
            }
            if keep(rng, 0.4, &mut signals) {
                let pcc = *rng.pick(&["HK", "HK", "CN"]);
                r.set_payer(&trader_name(rng, pcc), pcc);
            }
            if sh.party.cc == "SG" && keep(rng, 0.5, &mut signals) {
                let x = *rng.pick(&["MY", "MY", "TH"]);
                let colo_like = Party {
                    name: format!("{} Johor Site", sh.party.name),
                    addr: dc_address(rng, x).0,
                    cc: x,
                };
                r.set_ship(&colo_like, "datacenter");
                r.end_user_country = x.to_string();
                r.route = route(rng, origin, x);
            }
            if keep(rng, 0.3, &mut signals) {
                r.installation_declined = "true".to_string();
            }
            if r.contact_phone.starts_with("+86")
                || r.contact_phone.starts_with("+852")
                || r.contact_email.contains(".cn")
                || r.contact_email.contains("163.com")
                || r.contact_email.contains("qq.com")
                || r.contact_email.contains("126.com")
            {
                signals += 1;
            }
            r.declared_end_use = rng
                .pick(&[
                    "AI training cluster",
                    "LLM training",
                    "cloud AI infrastructure",
                ])
                .to_string();
        }
    }
    if keep(rng, 0.1, &mut signals) {
        // a route continuing past the declared destination
        r.route = format!(
            "{};{}",
            if r.route.is_empty() {
                r.ship_to_country.clone()
            } else {
                r.route.clone()
            },
            rng.pick(&["HK", "CN", "HK"])
        );
    }
    if signals == 0 {
        // an expert should have something to go on
        r.installation_declined = "true".to_string();
        r.end_user_name.clear();
        r.end_user_address.clear();
        r.end_user_country.clear();
    }
    // sparse but not suspiciously sparse: same blanking as legitimate rows, a bit more on end use
    blank_some(rng, &mut r);
    if rng.chance(0.1) {
        r.declared_end_use.clear();
    }
    r
}

// ---------------------------------------------------------------- public entry point

/// A ledger (CSV text with the header below) and its ground truth (CSV text with header
/// `order_id,diverted,scheme`; `diverted` is `true`/`false`; `scheme` empty for legitimate orders).
pub fn generate(seed: u64, orders: usize) -> (String, String) {
    let mut rng = Rng::new(seed);
    let world = World::new(&mut rng);
    let share = rng.uni(0.015, 0.02);
    let n_div = ((orders as f64) * share).round() as usize;
    let n_div = n_div.min(orders);
    let n_legit = orders - n_div;

    // customer pools
    let mut pools: Vec<(Vec<Customer>, Vec<f64>)> = Vec::new();
    let mut kind_w: Vec<(usize, f64)> = Vec::new();
    for (ki, &(kind, share, per, zipf)) in KINDS.iter().enumerate() {
        let (lo, hi) = match kind {
            Kind::Hyperscaler => (3.0, 8.0),
            Kind::ChinaLegit => (2.0, 60.0),
            _ => (3.0, 3000.0),
        };
        let n = ((n_legit as f64 * share / per).round()).clamp(lo, hi) as usize;
        let mut cs: Vec<Customer> = (0..n)
            .map(|_| make_customer(&mut rng, kind, &world))
            .collect();
        let mut ws: Vec<f64> = (0..n).map(|i| 1.0 / ((i + 1) as f64).powf(zipf)).collect();
        if kind == Kind::SmallFirm {
            let total: f64 = ws.iter().sum();
            for c in lookalike_customers(&mut rng, &world) {
                cs.push(c);
                // about 0.5 % of legitimate orders in all
                ws.push(total * 0.005);
            }
        }
        let mut acc = 0.0;
        let cum: Vec<f64> = ws
            .iter()
            .map(|x| {
                acc += x;
                acc
            })
            .collect();
        pools.push((cs, cum));
        kind_w.push((ki, share));
    }

    let mut rows: Vec<Row> = Vec::with_capacity(orders);
    for _ in 0..n_legit {
        let ki = rng.weighted(&kind_w);
        let (cs, cum) = &pools[ki];
        let x = rng.f() * cum[cum.len() - 1];
        let ci = cum.partition_point(|&v| v < x).min(cs.len() - 1);
        rows.push(legit_order(&mut rng, &cs[ci], &world));
    }

    // diverted rings
    let schemes: [(Scheme, f64); 6] = [
        (Scheme::VagueReseller, 0.22),
        (Scheme::NeocloudFront, 0.2),
        (Scheme::ThirdCountryPayer, 0.18),
        (Scheme::SplitOrders, 0.15),
        (Scheme::NearCsl, 0.13),
        (Scheme::ParentMasked, 0.12),
    ];
    // per-scheme row quotas, so that schemes with many small orders do not crowd out the others
    let mut quotas: Vec<(Scheme, usize)> = schemes
        .iter()
        .map(|&(sc, w)| (sc, (n_div as f64 * w).floor() as usize))
        .collect();
    let mut left = n_div - quotas.iter().map(|q| q.1).sum::<usize>();
    while left > 0 {
        let i = rng.below(quotas.len());
        quotas[i].1 += 1;
        left -= 1;
    }
    for (scheme, quota) in quotas {
        let mut made = 0usize;
        while made < quota {
            let ring = make_ring(&mut rng, scheme, &world);
            'shells: for k in 0..ring.shells.len() {
                let n = if scheme == Scheme::SplitOrders {
                    rng.int(4, 10)
                } else {
                    rng.int(1, 4)
                };
                for _ in 0..n {
                    if made >= quota {
                        break 'shells;
                    }
                    let mut d = (ring.start + rng.int(0, ring.span)).max(ring.shells[k].since + 1);
                    if d > end_day() {
                        d = end_day() - rng.int(0, 90);
                    }
                    rows.push(diverted_order(&mut rng, &ring, k, d.max(start_day())));
                    made += 1;
                }
            }
        }
    }

    // chronological order ids
    let mut keyed: Vec<(i64, u64, usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.date, rng.next_u64(), i))
        .collect();
    keyed.sort_unstable();
    let mut ledger = String::with_capacity(orders * 420);
    ledger.push_str(HEADER);
    ledger.push('\n');
    let mut truth = String::with_capacity(orders * 32);
    truth.push_str("order_id,diverted,scheme\n");
    for (i, &(_, _, ri)) in keyed.iter().enumerate() {
        let r = &rows[ri];
        let id = format!("BM{:07}", i + 1);
        r.write(&id, &mut ledger);
        truth.push_str(&id);
        truth.push(',');
        truth.push_str(if r.scheme.is_empty() { "false" } else { "true" });
        truth.push(',');
        truth.push_str(r.scheme);
        truth.push('\n');
    }
    (ledger, truth)
}
