//! Trade files saved as spreadsheets (XLSX, and the XLS, XLSB and ODS files `calamine` also
//! reads), in two layouts:
//!
//! - **a table with a header row**: any layout of [`crate::tradefile`] (chipwatch's canonical
//!   schema, UN Comtrade, BACI, Comext bulk, the data browser's SDMX-CSV columns) saved as a
//!   sheet. The header may stand below a few lines of title; the rows under it are read as the
//!   CSV reader reads them.
//! - **the Eurostat data browser's spreadsheet export** (Download → Spreadsheet): a block of
//!   fixed dimensions at the top (`Reporting country | Germany (incl. ...)`, `Product |
//!   84715000`, `Flow | EXPORT`, `Indicators | VALUE_IN_EUROS`), a `TIME` row with one column
//!   per period (each followed by a column of observation flags), a row naming the row
//!   dimensions (`PARTNER (Labels)`), then one row per partner. Every observation becomes one
//!   row of the data browser's long CSV and is read by [`crate::eurostat::read_databrowser`],
//!   so the two exports give the same records. A cell holding `:` (not available) or nothing
//!   is no observation, as in the CSV export, which leaves such cells out; a `:` with a flag
//!   (`: c`, confidential) is refused with the rule `eurostat.value`, as in the CSV.
//!
//! Errors name the sheet, its row and the cell (`eu.xlsx (sheet 'Sheet 1'):15: column
//! `OBS_VALUE` (cell D15)`); a workbook with several sheets in the export layout (the
//! "multiple sheets" download, one sheet per product) is read sheet by sheet; sheets with no
//! recognisable table (`Summary`, `Structure`) are passed over and named if nothing is read.
//!
//! ```
//! use chipwatch_model::workbook::is_workbook;
//! assert!(is_workbook(b"PK\x03\x04rest of a zip"));
//! assert!(!is_workbook(b"period,reporter,partner"));
//! ```

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use crate::error::{InputError, RowError, RowErrorDetail};
use crate::input::{Loaded, RejectedRow};
use crate::trade::TradeRecord;
use crate::tradefile::{TradeFileOptions, TradeFormat, read_csv_bytes, sniff};

/// Whether bytes are a spreadsheet: a zip container (XLSX, XLSB, ODS) or an OLE compound file
/// (XLS).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// A cell as text: numbers without a trailing `.0`, dates as `YYYY-MM-DD`.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                format!("{f}")
            }
        }
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| d.to_string()),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A spreadsheet column as letters (0 → A, 27 → AB).
fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// One sheet as a grid of text, with the absolute row and column of its first cell.
struct Grid {
    name: String,
    rows: Vec<Vec<String>>,
    first_row: u32,
    first_col: u32,
}

impl Grid {
    fn cell_ref(&self, row: usize, col: usize) -> String {
        format!(
            "{}{}",
            column_letters(self.first_col + col as u32),
            self.first_row as usize + row + 1
        )
    }
    fn sheet_row(&self, row: usize) -> u64 {
        (self.first_row as usize + row + 1) as u64
    }
    fn is_blank(&self, row: usize) -> bool {
        self.rows[row].iter().all(|c| c.is_empty())
    }
}

/// Where each line of the long CSV made from a sheet came from: its sheet row, and for each
/// column of the CSV the cell (the export layout puts one observation's parts in different
/// cells: the partner at the left, the period at the top).
struct Origin {
    row: u64,
    cells: Vec<String>,
}

/// A sheet read as long CSV, ready for the CSV readers.
struct LongSheet {
    csv: Vec<u8>,
    format: Option<TradeFormat>,
    /// Origin of CSV line `i + 2` (line 1 is the header).
    origins: Vec<Origin>,
    header: Vec<String>,
}

fn csv_line(fields: &[String]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    w.write_record(fields).expect("writing CSV to memory");
    w.into_inner().expect("writing CSV to memory")
}

/// Lines of title above a header row that are searched for it.
const HEADER_SEARCH_ROWS: usize = 40;

/// A sheet whose header row is one of the trade file layouts.
fn header_table(grid: &Grid) -> Option<LongSheet> {
    let (h, format) = (0..grid.rows.len().min(HEADER_SEARCH_ROWS)).find_map(|r| {
        let lower: Vec<String> = grid.rows[r]
            .iter()
            .map(|c| c.to_ascii_lowercase())
            .collect();
        sniff(&lower).map(|f| (r, f))
    })?;
    let width = grid.rows[h].iter().rposition(|c| !c.is_empty())? + 1;
    let header: Vec<String> = grid.rows[h][..width].to_vec();
    let mut csv = csv_line(&header);
    let mut origins = Vec::new();
    for r in h + 1..grid.rows.len() {
        if grid.is_blank(r) {
            continue;
        }
        let mut fields = grid.rows[r].clone();
        fields.resize(width.max(fields.len()), String::new());
        csv.extend(csv_line(&fields));
        origins.push(Origin {
            row: grid.sheet_row(r),
            cells: (0..fields.len()).map(|c| grid.cell_ref(r, c)).collect(),
        });
    }
    Some(LongSheet {
        csv,
        format: Some(format),
        origins,
        header,
    })
}

/// A period as the TIME row writes it (`2022-01`, `2022M01`, `2022`).
fn is_period(s: &str) -> bool {
    let d: String = s.chars().filter(char::is_ascii_alphanumeric).collect();
    (d.len() == 4 || d.len() == 6 || d.len() == 7 || d.len() == 8)
        && d[..4].bytes().all(|b| b.is_ascii_digit())
        && d.starts_with(['1', '2'])
}

/// The dimension a label of the fixed block or of the row-dimension row names.
fn dimension(label: &str) -> Option<&'static str> {
    let l = label.to_ascii_lowercase();
    let l = l.split(" (").next().unwrap_or("").trim();
    Some(match l {
        _ if l.contains("partner") => "partner",
        _ if l.contains("reporter") || l.contains("reporting") || l.contains("declarant") => {
            "reporter"
        }
        _ if l.contains("product") || l.starts_with("cn") || l.contains("commodity") => "product",
        _ if l == "flow" || l.contains("trade flow") => "flow",
        _ if l.contains("indicator") => "indicators",
        _ if l.contains("frequency") || l == "freq" => "freq",
        _ => return None,
    })
}

const LONG_HEADER: [&str; 8] = [
    "reporter",
    "partner",
    "product",
    "flow",
    "indicators",
    "TIME_PERIOD",
    "OBS_VALUE",
    "OBS_FLAG",
];

/// A sheet in the data browser's spreadsheet layout, turned into its long CSV.
fn export_table(grid: &Grid) -> Option<LongSheet> {
    // The TIME row: a cell `TIME` with periods to its right.
    let (t, time_col) = (0..grid.rows.len().min(HEADER_SEARCH_ROWS)).find_map(|r| {
        let c = grid.rows[r]
            .iter()
            .position(|c| c.eq_ignore_ascii_case("time"))?;
        grid.rows[r][c + 1..]
            .iter()
            .any(|p| is_period(p))
            .then_some((r, c))
    })?;
    let periods: Vec<(usize, String)> = grid.rows[t]
        .iter()
        .enumerate()
        .skip(time_col + 1)
        .filter(|(_, p)| is_period(p))
        .map(|(c, p)| (c, p.clone()))
        .collect();
    let first_period_col = periods.first()?.0;
    // Fixed dimensions: label and value pairs above the TIME row.
    let mut fixed: Vec<(&'static str, String, String)> = Vec::new();
    for r in 0..t {
        let cells: Vec<(usize, &String)> = grid.rows[r]
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_empty())
            .collect();
        if let [(_, label), (vc, value), ..] = cells[..]
            && let Some(d) = dimension(label)
            && !fixed.iter().any(|f| f.0 == d)
        {
            fixed.push((d, value.clone(), grid.cell_ref(r, vc)));
        }
    }
    // Row dimensions: named in the row below TIME (or left of `TIME` in its own row).
    let names_below = grid.rows.get(t + 1).is_some_and(|below| {
        let (left, right) = below.split_at(first_period_col.min(below.len()));
        left.iter().any(|c| dimension(c).is_some()) && right.iter().all(|c| c.is_empty())
    });
    let (names_row, data_start) = if names_below {
        (&grid.rows[t + 1], t + 2)
    } else {
        (&grid.rows[t], t + 1)
    };
    let row_dims: Vec<(usize, &'static str)> = (0..first_period_col)
        .filter_map(|c| {
            names_row
                .get(c)
                .and_then(|n| n.split('/').find_map(dimension))
                .map(|d| (c, d))
        })
        .collect();
    if row_dims.is_empty() {
        return None;
    }
    // Where each dimension goes in the long row; the fixed ones are the same for every row.
    let at = |dim: &str| LONG_HEADER.iter().position(|h| *h == dim);
    let mut base_fields: Vec<String> = vec![String::new(); LONG_HEADER.len()];
    let mut base_cells: Vec<String> = vec![String::new(); LONG_HEADER.len()];
    for (d, v, cell) in &fixed {
        if let Some(i) = at(d) {
            base_fields[i] = v.clone();
            base_cells[i] = cell.clone();
        }
    }
    let row_dims: Vec<(usize, usize)> = row_dims
        .iter()
        .filter_map(|(c, d)| Some((*c, at(d)?)))
        .collect();
    let [period_at, value_at, flag_at] =
        ["TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"].map(|d| at(d).expect("a column of LONG_HEADER"));
    let mut csv = csv_line(&LONG_HEADER.map(String::from));
    let mut origins = Vec::new();
    for r in data_start..grid.rows.len() {
        let row = &grid.rows[r];
        if grid.is_blank(r) {
            continue;
        }
        let first = row
            .iter()
            .find(|c| !c.is_empty())
            .cloned()
            .unwrap_or_default();
        let lower = first.to_ascii_lowercase();
        if lower.starts_with("special value")
            || lower.starts_with("available flags")
            || lower.starts_with("observation flags")
        {
            break;
        }
        for (c, period) in &periods {
            let value = row.get(*c).cloned().unwrap_or_default();
            // The flag column follows its period's column when its header cell is empty.
            let flag = match grid.rows[t].get(c + 1) {
                Some(h) if h.is_empty() => row.get(c + 1).cloned().unwrap_or_default(),
                _ => String::new(),
            };
            if value.is_empty() || value == ":" && flag.is_empty() {
                continue;
            }
            let (mut fields, mut cells) = (base_fields.clone(), base_cells.clone());
            for &(rc, i) in &row_dims {
                fields[i] = row.get(rc).cloned().unwrap_or_default();
                cells[i] = grid.cell_ref(r, rc);
            }
            for (i, v, cell) in [
                (period_at, period.clone(), grid.cell_ref(t, *c)),
                (value_at, value, grid.cell_ref(r, *c)),
                (flag_at, flag, grid.cell_ref(r, c + 1)),
            ] {
                fields[i] = v;
                cells[i] = cell;
            }
            csv.extend(csv_line(&fields));
            origins.push(Origin {
                row: grid.sheet_row(r),
                cells,
            });
        }
    }
    Some(LongSheet {
        csv,
        format: Some(TradeFormat::EurostatBrowser),
        origins,
        header: LONG_HEADER.map(String::from).to_vec(),
    })
}

/// An error of the long CSV told in the sheet's terms: its row, and the cell of the column.
fn locate(error: &RowError, sheet: &LongSheet, file: &str) -> RowError {
    let origin = (error.line as usize)
        .checked_sub(2)
        .and_then(|i| sheet.origins.get(i));
    let cell = origin.and_then(|o| {
        let col = sheet
            .header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(&error.column))?;
        o.cells.get(col).filter(|c| !c.is_empty()).cloned()
    });
    RowError::new(RowErrorDetail {
        file: file.to_string(),
        line: origin.map(|o| o.row).unwrap_or(error.line),
        column: match cell {
            Some(c) => format!("{} (cell {c})", error.column),
            None => error.column.clone(),
        },
        value: error.value.clone(),
        rule: error.rule,
        detail: error.detail.clone(),
    })
}

/// Read a spreadsheet of trade data into canonical records.
pub fn read_workbook(
    file: &str,
    bytes: Vec<u8>,
    options: TradeFileOptions,
) -> Result<Loaded<TradeRecord>, InputError> {
    let mut book =
        open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| InputError::Invalid {
            file: file.to_string(),
            message: format!("not a spreadsheet chipwatch can read (XLSX, XLS, XLSB or ODS): {e}"),
        })?;
    let names = book.sheet_names();
    let mut out: Option<Loaded<TradeRecord>> = None;
    let mut passed_over = Vec::new();
    for name in &names {
        let range = book
            .worksheet_range(name)
            .map_err(|e| InputError::Invalid {
                file: file.to_string(),
                message: format!("sheet '{name}': {e}"),
            })?;
        let (first_row, first_col) = range.start().unwrap_or((0, 0));
        let grid = Grid {
            name: name.clone(),
            rows: range.rows().map(|r| r.iter().map(text).collect()).collect(),
            first_row,
            first_col,
        };
        let Some(mut sheet) = header_table(&grid).or_else(|| export_table(&grid)) else {
            passed_over.push(name.clone());
            continue;
        };
        let label = format!("{file} (sheet '{}')", grid.name);
        if sheet.origins.is_empty() {
            passed_over.push(format!("{name} (no data rows)"));
            continue;
        }
        let format = options.format.or(sheet.format);
        let csv = std::mem::take(&mut sheet.csv);
        let loaded = read_csv_bytes(&label, csv, TradeFileOptions { format, ..options })?;
        let rejected: Vec<RejectedRow> = loaded
            .rejected
            .into_iter()
            .map(|r| {
                let error = locate(&r.error, &sheet, &label);
                RejectedRow {
                    line: error.line,
                    error,
                    fields: r.fields,
                }
            })
            .collect();
        match &mut out {
            None => {
                out = Some(Loaded {
                    records: loaded.records,
                    rejected,
                    header: loaded.header,
                    file: file.to_string(),
                })
            }
            Some(o) => {
                o.records.extend(loaded.records);
                o.rejected.extend(rejected);
            }
        }
    }
    out.ok_or_else(|| InputError::Invalid {
        file: file.to_string(),
        message: format!(
            "no sheet holds a trade table chipwatch recognises (sheets: {}); expected a header row of a \
             trade file layout (see `chipwatch flows --help`) or the Eurostat data browser's spreadsheet \
             export (a TIME row of periods over a row of partners)",
            if passed_over.is_empty() {
                "none".to_string()
            } else {
                passed_over.join(", ")
            }
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn periods_and_dimensions_are_recognised() {
        assert!(is_period("2022-01"));
        assert!(is_period("2022M01"));
        assert!(is_period("2022"));
        assert!(!is_period("Armenia"));
        assert!(!is_period("TIME"));
        assert_eq!(dimension("PARTNER (Labels)"), Some("partner"));
        assert_eq!(dimension("Reporting country"), Some("reporter"));
        assert_eq!(dimension("Product"), Some("product"));
        assert_eq!(dimension("Indicators"), Some("indicators"));
        assert_eq!(dimension("Flow"), Some("flow"));
        assert_eq!(dimension("Dataset:"), None);
        assert_eq!(dimension("Last updated"), None);
    }

    #[test]
    fn garbage_is_not_a_workbook() {
        let e =
            read_workbook("x.xlsx", b"PK\x03\x04garbage".to_vec(), Default::default()).unwrap_err();
        assert!(e.to_string().contains("x.xlsx"), "{e}");
        assert!(e.to_string().contains("not a spreadsheet"), "{e}");
    }
}
