//! Spreadsheets of trade data, written with a real XLSX writer, read as the CSV exports are.

use chipwatch_model::tradefile::{TradeFileOptions, read_trade_bytes, read_trade_file};
use rust_xlsxwriter::{Workbook, Worksheet};

enum V<'a> {
    S(&'a str),
    N(f64),
}

fn put(ws: &mut Worksheet, row: u32, cells: &[V<'_>]) {
    for (c, v) in cells.iter().enumerate() {
        match v {
            V::S("") => {}
            V::S(s) => {
                ws.write_string(row, c as u16, *s).unwrap();
            }
            V::N(n) => {
                ws.write_number(row, c as u16, *n).unwrap();
            }
        }
    }
}

/// A sheet laid out as the data browser's spreadsheet export: a fixed block, the TIME row with
/// a flag column after each period, the row-dimension row, partners, the legend.
fn export_sheet(ws: &mut Worksheet, product: &str, rows: &[(&str, [V<'_>; 4])]) {
    use V::*;
    put(
        ws,
        0,
        &[S("Data extracted on 06/12/2026 10:00:00 from [ESTAT]")],
    );
    put(
        ws,
        2,
        &[
            S("Dataset:"),
            S("EU trade since 1988 by HS2-4-6 and CN8 [DS-045409__custom_1]"),
        ],
    );
    put(ws, 3, &[S("Last updated:"), S("15/11/2026 11:00")]);
    put(ws, 5, &[S("Time frequency"), S("Monthly")]);
    put(
        ws,
        6,
        &[
            S("Reporting country"),
            S("Germany (incl. German Democratic Republic 'DD' from 1991)"),
        ],
    );
    put(ws, 7, &[S("Product"), S(product)]);
    put(ws, 8, &[S("Flow"), S("EXPORT")]);
    put(ws, 9, &[S("Indicators"), S("VALUE_IN_EUROS")]);
    put(
        ws,
        11,
        &[S("TIME"), S("2022-01"), S(""), S("2022-02"), S("")],
    );
    put(ws, 12, &[S("PARTNER (Labels)")]);
    let mut r = 13;
    for (partner, cells) in rows {
        let mut line = vec![S(partner)];
        for c in cells {
            line.push(match c {
                S(s) => S(s),
                N(n) => N(*n),
            });
        }
        put(ws, r, &line);
        r += 1;
    }
    put(ws, r + 1, &[S("Special value:")]);
    put(ws, r + 2, &[S(":"), S("not available")]);
}

fn save(book: &mut Workbook) -> Vec<u8> {
    book.save_to_buffer().unwrap()
}

#[test]
fn the_data_browser_spreadsheet_reads_as_its_csv_does() {
    use V::*;
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Summary")
        .unwrap()
        .write_string(0, 0, "Structure of the extraction")
        .unwrap();
    let ws = book.add_worksheet().set_name("Sheet 1").unwrap();
    export_sheet(
        ws,
        "84715000",
        &[
            ("Armenia", [N(1000.0), S(""), N(2000.0), S("")]),
            (
                "Russian Federation (Russia)",
                [N(5000.0), S(""), S(":"), S("")],
            ),
            ("Kyrgyzstan", [S(":"), S("c"), N(10.0), S("p")]),
            ("Narnia", [N(5.0), S(""), S(""), S("")]),
        ],
    );
    let ws = book.add_worksheet().set_name("Sheet 2").unwrap();
    export_sheet(
        ws,
        "85423190 - Processors and controllers",
        &[("Armenia", [N(70.0), S(""), N(80.0), S("")])],
    );
    let bytes = save(&mut book);

    let csv = "reporter,partner,product,flow,indicators,TIME_PERIOD,OBS_VALUE,OBS_FLAG\n\
               DE,AM,84715000,EXPORT,VALUE_IN_EUROS,2022-01,1000,\n\
               DE,AM,84715000,EXPORT,VALUE_IN_EUROS,2022-02,2000,\n\
               DE,RU,84715000,EXPORT,VALUE_IN_EUROS,2022-01,5000,\n\
               DE,KG,84715000,EXPORT,VALUE_IN_EUROS,2022-02,10,p\n\
               DE,AM,85423190,EXPORT,VALUE_IN_EUROS,2022-01,70,\n\
               DE,AM,85423190,EXPORT,VALUE_IN_EUROS,2022-02,80,\n";
    let want = read_trade_bytes("db.csv", csv.as_bytes().to_vec(), Default::default()).unwrap();
    let got = read_trade_bytes("eu.xlsx", bytes.clone(), Default::default()).unwrap();
    let key = |r: &chipwatch_model::trade::TradeRecord| {
        (
            r.reporter.clone(),
            r.partner.clone(),
            r.hs_code.clone(),
            r.period.to_string(),
            (r.value_usd * 100.0).round() as i64,
        )
    };
    let mut w: Vec<_> = want.records.iter().map(key).collect();
    let mut g: Vec<_> = got.records.iter().map(key).collect();
    w.sort();
    g.sort();
    assert_eq!(g, w);

    // The confidential cell and the unknown country are refused, each named by sheet, row and
    // cell; the ':' cells without a flag are no observation.
    let errors: Vec<String> = got.rejected.iter().map(|r| r.error.to_string()).collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.contains("eu.xlsx (sheet 'Sheet 1'):16")
                && e.contains("obs_value (cell B16)`")
                && e.contains("eurostat.value")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .filter(|e| e.contains("eu.xlsx (sheet 'Sheet 1'):17")
                && e.contains("partner (cell A17)`")
                && e.contains("eurostat.country"))
            .count()
            == 1,
        "{errors:?}"
    );
    assert_eq!(got.rejected[0].line, 16);

    // Strict reading names the same places.
    let e = read_trade_bytes("eu.xlsx", bytes, Default::default())
        .unwrap()
        .strict()
        .unwrap_err()
        .to_string();
    assert!(e.contains("(cell A17)"), "{e}");
}

#[test]
fn any_layout_saved_as_a_sheet_is_read_under_its_title_lines() {
    use V::*;
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    put(
        ws,
        0,
        &[S("Exports of processors, as compiled by an analyst")],
    );
    put(
        ws,
        2,
        &[
            S("period"),
            S("reporter"),
            S("partner"),
            S("flow"),
            S("hs_code"),
            S("value_usd"),
        ],
    );
    put(
        ws,
        3,
        &[
            S("2024-03"),
            S("TW"),
            S("SG"),
            S("export"),
            N(854231.0),
            N(1_250_000.5),
        ],
    );
    put(
        ws,
        5,
        &[
            S("2024-04"),
            S("TW"),
            S("Singapore"),
            S("export"),
            N(854231.0),
            S("lots"),
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("analyst.xlsx");
    book.save(&path).unwrap();
    let got = read_trade_file(&path, TradeFileOptions::default()).unwrap();
    assert_eq!(got.records.len(), 1);
    let r = &got.records[0];
    assert_eq!((r.reporter.as_str(), r.partner.as_str()), ("TW", "SG"));
    assert_eq!(r.hs_code, "854231");
    assert_eq!(r.value_usd, 1_250_000.5);
    assert_eq!(got.rejected.len(), 1);
    let e = got.rejected[0].error.to_string();
    assert!(e.contains("analyst.xlsx (sheet 'Sheet1'):6"), "{e}");
    assert!(e.contains("value_usd (cell F6)`"), "{e}");
}

#[test]
fn a_workbook_without_a_trade_table_says_which_sheets_it_saw() {
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Notes")
        .unwrap()
        .write_string(0, 0, "nothing here")
        .unwrap();
    let e = read_trade_bytes("notes.xlsx", save(&mut book), Default::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("notes.xlsx"), "{e}");
    assert!(e.contains("sheets: Notes"), "{e}");
}
