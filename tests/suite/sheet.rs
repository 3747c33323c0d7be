//! Spreadsheet grids (`journeymap import FILE.csv|.xlsx`, `export --format csv|xlsx`):
//! every example survives the round trip through CSV and xlsx unchanged in meaning;
//! the workbook's bytes are the same for the same map; one fixture per J082x code in
//! `tests/import/`, its report snapshotted beside it; hand-written grids (translated
//! labels, semicolons, Windows-1252, phase columns); and no input makes import panic.

use std::path::{Path, PathBuf};

use journeymap::sheet::Format;
use proptest::prelude::*;

use crate::common::{check_str, example_maps, export_sheets, import_sheet, journey, root, sound_import, test_maps};

/// The exported document without line numbers, each step's emotions in persona order:
/// what a map means, written down.
fn meaning(source: &str) -> serde_json::Value {
    let j = journey(source);
    let doc = journeymap::export::document(&j, source);
    let mut value = serde_json::to_value(&doc).unwrap();
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("line");
                if let Some(serde_json::Value::Array(emotions)) = map.get_mut("emotions") {
                    emotions.sort_by_key(|e| e["persona"].to_string());
                }
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut value);
    value
}

/// An emotion's persona, and whether its line named it.
type Named = (Option<String>, bool);

/// The facts of a map that its document leaves out: whether `lanes` and `view` were
/// written, and whether each emotion named its persona.
fn unwritten(source: &str) -> (bool, bool, Vec<Vec<Named>>) {
    let j = journey(source);
    let mut named: Vec<Vec<Named>> = j
        .steps()
        .map(|(_, s)| s.emotions.iter().map(|e| (e.persona.map(|p| j.persona(p).id.clone()), e.named)).collect())
        .collect();
    named.iter_mut().for_each(|v| v.sort());
    (j.lanes_explicit, j.view_explicit, named)
}

/// Asserts that `imported` means what `original` does: `diff` finds no change, and the
/// document and the facts it leaves out are equal.
fn assert_same(what: &str, original: &str, imported: &str) {
    let checked = check_str(imported);
    assert!(!checked.compiled.has_errors(), "{what}: the imported map has errors:\n{}\n{imported}", checked.human);
    let d = journeymap::diff::diff(Some(&journey(original)), Some(&journey(imported)));
    assert!(!d.changed, "{what}: diff finds changes: {d:#?}\n{imported}");
    assert_eq!(meaning(original), meaning(imported), "{what}: the documents differ\n{imported}");
    assert_eq!(unwritten(original), unwritten(imported), "{what}\n{imported}");
}

/// The maps of the round trip: the examples, the test maps and the grid's own test map.
fn round_trip_maps() -> Vec<PathBuf> {
    let mut maps = example_maps();
    maps.extend(test_maps());
    maps.push(root().join("tests/import/round-trip.journey"));
    maps
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_map_survives_csv_and_xlsx() {
    let maps = round_trip_maps();
    assert!(maps.len() >= 15, "{maps:?}");
    for map in maps {
        let source = read(&map);
        let name = map.file_stem().unwrap().to_string_lossy().to_string();
        let (csv, xlsx) = export_sheets(&source);
        let from_csv = import_sheet(&format!("{name}.csv"), csv.as_bytes(), Format::Csv)
            .unwrap_or_else(|(_, report)| panic!("{name}.csv:\n{report}\n{csv}"));
        assert_same(&format!("{name}.csv"), &source, &from_csv);
        let from_xlsx = import_sheet(&format!("{name}.xlsx"), &xlsx, Format::Xlsx)
            .unwrap_or_else(|(_, report)| panic!("{name}.xlsx:\n{report}"));
        assert_same(&format!("{name}.xlsx"), &source, &from_xlsx);
        // The CSV and the workbook give the same map, choices aside.
        let body =
            |m: &str| m.lines().skip_while(|l| l.starts_with('#') || l.is_empty()).collect::<Vec<_>>().join("\n");
        assert_eq!(body(&from_csv), body(&from_xlsx), "{name}");
        // The grid of the imported map is the grid it came from.
        assert_eq!(export_sheets(&from_csv).0, csv, "{name}");
    }
}

#[test]
fn the_same_map_gives_the_same_bytes() {
    for map in example_maps() {
        let source = read(&map);
        let (csv, xlsx) = export_sheets(&source);
        let (csv2, xlsx2) = export_sheets(&source);
        assert_eq!(csv, csv2);
        assert!(xlsx == xlsx2, "{}: the workbook's bytes differ", map.display());
        assert!(xlsx.starts_with(b"PK"), "a zip");
    }
}

#[test]
fn the_exported_csv_of_an_example() {
    let (csv, _) = export_sheets(&read(&root().join("examples/home-insurance.journey")));
    assert!(csv.starts_with('\u{FEFF}'), "a byte-order mark for spreadsheet programs");
    insta::with_settings!({
        snapshot_path => "../import",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("home-insurance.csv", csv);
    });
}

#[test]
fn the_template_and_the_examples_in_grids_import() {
    let template = std::fs::read(root().join("examples/journey-template.csv")).unwrap();
    let map = import_sheet("journey-template.csv", &template, Format::Csv).unwrap_or_else(|(_, r)| panic!("{r}"));
    let checked = check_str(&map);
    assert!(checked.codes.is_empty(), "the template's map has no warnings either:\n{}", checked.human);
    let csv = root().join("examples/bredbaand-selvinstallation.csv");
    let source = read(&root().join("examples/bredbaand-selvinstallation.journey"));
    let from = import_sheet("bredbaand-selvinstallation.csv", &std::fs::read(&csv).unwrap(), Format::Csv)
        .unwrap_or_else(|(_, r)| panic!("{r}"));
    assert_same("examples/bredbaand-selvinstallation.csv", &source, &from);
    assert_eq!(
        export_sheets(&source).0,
        read(&csv),
        "examples/bredbaand-selvinstallation.csv is the export of its map"
    );
}

/// The J08xx codes of spreadsheets, J0820–J0839.
fn sheet_codes() -> Vec<journeymap::diag::Code> {
    journeymap::diag::Code::ALL
        .iter()
        .copied()
        .filter(|c| {
            let code = c.info().code;
            ("J0820"..="J0839").contains(&code)
        })
        .collect()
}

fn fixture(name: &str) -> Option<(PathBuf, Format)> {
    [("csv", Format::Csv), ("tsv", Format::Tsv), ("xlsx", Format::Xlsx)]
        .into_iter()
        .map(|(ext, f)| (root().join(format!("tests/import/{name}.{ext}")), f))
        .find(|(p, _)| p.is_file())
}

#[test]
fn every_sheet_code_has_a_fixture_that_reports_only_it() {
    let codes = sheet_codes();
    assert!(codes.len() >= 10);
    for code in codes {
        let info = code.info();
        let (path, format) =
            fixture(info.name).unwrap_or_else(|| panic!("{} has no fixture tests/import/{}.csv", info.code, info.name));
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let (codes, report) = match import_sheet(&file, &std::fs::read(&path).unwrap(), format) {
            Ok(map) => panic!("{file} imports:\n{map}"),
            Err(e) => e,
        };
        assert!(codes.iter().all(|c| *c == info.code), "{file} reports {codes:?}, not only {}", info.code);
        insta::with_settings!({
            snapshot_path => "../import",
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(file.clone(), report);
        });
    }
}

#[test]
fn diagnostics_point_at_the_cell() {
    // CSV: the field's line and column, the cell named in the message.
    let csv = "journey,T\nphase,P\nstep,Go\nemotion,happy\n";
    let (codes, report) = import_sheet("m.csv", csv.as_bytes(), Format::Csv).unwrap_err();
    assert_eq!(codes, ["J0826"]);
    assert!(report.contains("m.csv:4:9") && report.contains("B4"), "{report}");
    // A workbook: the listing of the cells concerned.
    let source = "journey: T\nphase: P\n  step: Go\n";
    let (_, xlsx) = export_sheets(source);
    let broken = import_sheet("m.xlsx", b"PK\x03\x04 not really", Format::Xlsx).unwrap_err();
    assert_eq!(broken.0, ["J0802"]);
    let ok = import_sheet("m.xlsx", &xlsx, Format::Xlsx).unwrap();
    assert!(ok.contains("step: Go"), "{ok}");
}

#[test]
fn workbook_problems_name_the_sheet_and_cell() {
    // A workbook whose step cell has an undeclared persona.
    let source = "journey: T\npersona anna: Anna\nphase: P\n  step anna: Go\n    emotion anna 1\n";
    let (_, xlsx) = export_sheets(source);
    let map = import_sheet("m.xlsx", &xlsx, Format::Xlsx).unwrap();
    assert_same("m.xlsx", source, &map);
    let (csv, _) = export_sheets(source);
    let bad = csv.replace("[anna] Go", "[ana] Go");
    let (codes, report) = import_sheet("m.csv", bad.as_bytes(), Format::Csv).unwrap_err();
    assert_eq!(codes, ["J0827"], "{report}");
    assert!(report.contains("did you mean") || report.contains("anna"), "{report}");
    // A word of a row's label is reported once, at the label.
    let bad = "journey,T\npersona,anna\nphase,P\nstep,Go,On\nemotion bo,1,2\n";
    let (codes, report) = import_sheet("m.csv", bad.as_bytes(), Format::Csv).unwrap_err();
    assert_eq!(codes, ["J0827"], "{report}");
    assert!(report.contains("A5: `bo` is not declared") && report.contains("m.csv:5:9"), "{report}");
}

#[test]
fn hand_written_grids() {
    // Danish labels, semicolons, Windows-1252, a phase's own column, repeated rows.
    let csv = "journey;Flytning\r\nlang;da\r\npersona;anna;Anna, 34\r\n\r\nFase;Før;;Under\r\nHandlinger;;Finder bolig;Flytter\r\nSmertepunkter;For lidt tid;Dyrt;\r\nSmertepunkter;;Langt væk;\r\nFølelser anna;;-1: Træt;2\r\n# a comment row;ignored\r\n";
    let bytes: Vec<u8> = csv.chars().map(|c| c as u32 as u8).collect(); // Latin-1 ⊂ Windows-1252
    let map = import_sheet("flyt.csv", &bytes, Format::Csv).unwrap_or_else(|(_, r)| panic!("{r}"));
    let expected = "journey: Flytning\nlang da\npersona anna: Anna, 34\nphase: Før\n  pain: For lidt tid\n  step: Finder bolig\n    pain: Dyrt\n    pain: Langt væk\n    emotion anna -1: Træt\nphase: Under\n  step: Flytter\n    emotion anna 2\n";
    assert_same("flyt.csv", expected, &map);
    assert!(map.contains("Windows-1252") && map.contains("semicolon") && map.contains("Smertepunkter = pain"), "{map}");
    // Tab-separated, labels in German, any case.
    // Excel's `sep=` line, and its "Unicode text": UTF-16 with tabs.
    let csv = "sep=;\njourney;T\nphase;P\nstep;Go, on\n";
    let map = import_sheet("m.csv", csv.as_bytes(), Format::Csv).unwrap_or_else(|(_, r)| panic!("{r}"));
    assert_same("m.csv", "journey: T\nphase: P\n  step: Go, on\n", &map);
    let utf16: Vec<u8> = std::iter::once(0xFEFFu16)
        .chain("journey\tTür\nphase\tP\nstep\tGo\n".encode_utf16())
        .flat_map(u16::to_le_bytes)
        .collect();
    let map = import_sheet("m.txt", &utf16, Format::Csv).unwrap_or_else(|(_, r)| panic!("{r}"));
    assert_same("m.txt", "journey: Tür\nphase: P\n  step: Go\n", &map);
    assert!(map.contains("UTF-16") && map.contains("tab-separated"), "{map}");
    // A declaration's flag in a cell of its own.
    let csv = "journey,T\nchannel,web,online,Website\nowner,bank,external,The bank\nphase,P\nstep,Go\ntouchpoint,[web bank] Site\n";
    let map = import_sheet("m.csv", csv.as_bytes(), Format::Csv).unwrap_or_else(|(_, r)| panic!("{r}"));
    assert!(map.contains("channel web online: Website\n") && map.contains("owner bank external: The bank\n"), "{map}");
    // A persona named in a row label in another case.
    let csv = "journey,T\npersona,anna\nphase,P\nstep,Go\nFeelings Anna,2\n";
    let map = import_sheet("m.csv", csv.as_bytes(), Format::Csv).unwrap_or_else(|(_, r)| panic!("{r}"));
    assert_same("m.csv", "journey: T\npersona anna\nphase: P\n  step: Go\n    emotion anna 2\n", &map);
    let tsv = "Title\tReise\nPHASE\tA\nAktivitäten\tLos\nBerührungspunkte\tApp\nSchmerzpunkte\tLangsam\n";
    let map = import_sheet("r.tsv", tsv.as_bytes(), Format::Tsv).unwrap_or_else(|(_, r)| panic!("{r}"));
    assert_same("r.tsv", "journey: Reise\nphase: A\n  step: Los\n    touchpoint: App\n    pain: Langsam\n", &map);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_csv_never_panics(
        text in "(journey|phase|step|emotion|emotion a|persona|pain|kpi|scale|lang|Smertepunkter|note|[a-z]{1,5}|-?[0-9]{1,2}|[,;\t\"\\[\\]:% ]|\r?\n|é|😀){0,60}"
    ) {
        for format in [Format::Csv, Format::Tsv] {
            let result = journeymap::sheet::import("p.csv", text.as_bytes(), format);
            prop_assert!(sound_import(&result).is_ok(), "{:?}", sound_import(&result));
        }
    }

    #[test]
    fn arbitrary_bytes_as_a_workbook_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        for format in [Format::Xlsx, Format::Ods] {
            let _ = journeymap::sheet::import("p.xlsx", &bytes, format);
        }
    }
}

#[test]
fn a_workbooks_problems_are_listed_by_sheet_and_cell() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Kundereise").unwrap();
    for (r, row) in [
        ["journey", "Flytting", ""],
        ["phase", "Før", ""],
        ["step", "Finner bolig", "Signerer"],
        ["emotion", "glad", "1"],
    ]
    .iter()
    .enumerate()
    {
        for (c, text) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 2, c as u16 + 1, *text).unwrap();
        }
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let (codes, report) = import_sheet("flytting.xlsx", &bytes, Format::Xlsx).unwrap_err();
    assert_eq!(codes, ["J0826"], "{report}");
    // The grid starts at B3: the emotion is C6, shown with its text.
    assert!(report.contains("Kundereise!C6: the emotion `glad` is not a score"), "{report}");
    assert!(report.contains("Kundereise!C6: glad"), "{report}");
}

#[test]
fn problems_are_capped() {
    let mut csv = String::from("journey,T\nphase,P\nstep,Go\n");
    for i in 0..300 {
        csv.push_str(&format!("bad{i},x\n"));
    }
    let (codes, _) = import_sheet("m.csv", csv.as_bytes(), Format::Csv).unwrap_err();
    assert_eq!(codes.len(), journeymap::diag::MAX_PER_FILE + 1);
    assert_eq!(codes.last(), Some(&"J0004"));
}

#[test]
fn the_commands_write_and_read_grids() {
    use crate::cli::{code, journeymap, text};
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).display().to_string();
    let map = "examples/strom-ved-flytting.journey";
    let o = journeymap(&["export", "--format", "csv", map]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    let csv = text(&o.stdout);
    let o = journeymap(&["export", "--format", "xlsx", map, "-o", &out("m.xlsx")]);
    assert_eq!(code(&o), 0, "{}", text(&o.stderr));
    std::fs::write(out("m.csv"), &csv).unwrap();
    for file in ["m.csv", "m.xlsx"] {
        let o = journeymap(&["import", &out(file), "-o", &out(&format!("{file}.journey"))]);
        assert_eq!(code(&o), 0, "{}", text(&o.stderr));
        let imported = std::fs::read_to_string(out(&format!("{file}.journey"))).unwrap();
        assert_same(file, &read(&root().join(map)), &imported);
    }
    // A problem: reported against the file, exit 1, nothing written.
    std::fs::write(out("bad.csv"), "journey,T\nphase,P\nstep,Go\nemotion,happy\n").unwrap();
    let o = journeymap(&["import", &out("bad.csv"), "-o", &out("bad.journey")]);
    assert_eq!(code(&o), 1);
    assert!(text(&o.stderr).contains("J0826") && text(&o.stderr).contains("bad.csv:4:9"), "{}", text(&o.stderr));
    assert!(!dir.path().join("bad.journey").exists());
}

/// A stored (uncompressed) zip archive of `files`, as an OpenDocument file is.
fn zip(files: &[(&str, &str)]) -> Vec<u8> {
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for &b in bytes {
            crc ^= b as u32;
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, content) in files {
        let (offset, crc, len) = (out.len() as u32, crc32(content.as_bytes()), content.len() as u32);
        let common = |v: &mut Vec<u8>| {
            v.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            v.extend_from_slice(&crc.to_le_bytes());
            v.extend_from_slice(&len.to_le_bytes());
            v.extend_from_slice(&len.to_le_bytes());
            v.extend_from_slice(&(name.len() as u16).to_le_bytes());
            v.extend_from_slice(&[0, 0]);
        };
        out.extend_from_slice(b"PK\x03\x04");
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(content.as_bytes());
        central.extend_from_slice(b"PK\x01\x02\x14\x00");
        common(&mut central);
        // Comment length, disk, internal and external attributes.
        central.extend_from_slice(&[0; 10]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let (at, size, n) = (out.len() as u32, central.len() as u32, files.len() as u16);
    out.extend_from_slice(&central);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    out
}

#[test]
fn an_opendocument_spreadsheet_imports() {
    let row = |cells: &[&str]| {
        let cells: String = cells
            .iter()
            .map(|c| format!("<table:table-cell office:value-type=\"string\"><text:p>{c}</text:p></table:table-cell>"))
            .collect();
        format!("<table:table-row>{cells}</table:table-row>")
    };
    let rows = [
        row(&["journey", "Flytning"]),
        row(&["Fase", "Før"]),
        row(&["Handlinger", "Finder bolig", "Flytter"]),
        row(&["Smertepunkter", "For dyrt"]),
    ]
    .concat();
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\"><office:body><office:spreadsheet><table:table table:name=\"Rejse\">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";
    let ods = zip(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest),
        ("content.xml", &content),
    ]);
    let map = import_sheet("rejse.ods", &ods, Format::Ods).unwrap_or_else(|(_, r)| panic!("{r}"));
    assert!(map.contains("sheet `Rejse`"), "{map}");
    assert_same(
        "rejse.ods",
        "journey: Flytning\nphase: Før\n  step: Finder bolig\n    pain: For dyrt\n  step: Flytter\n",
        &map,
    );
}

#[test]
fn generated_maps_survive_csv_and_xlsx() {
    for source in [journeymap::generate::map(40), journeymap::generate::cited_map(40)] {
        let (csv, xlsx) = export_sheets(&source);
        let from_csv = import_sheet("g.csv", csv.as_bytes(), Format::Csv).unwrap_or_else(|(_, r)| panic!("{r}"));
        assert_same("g.csv", &source, &from_csv);
        let from_xlsx = import_sheet("g.xlsx", &xlsx, Format::Xlsx).unwrap_or_else(|(_, r)| panic!("{r}"));
        assert_same("g.xlsx", &source, &from_xlsx);
    }
}

#[test]
fn a_header_text_over_several_cells_keeps_its_commas() {
    let csv = "journey,Moving, the sequel\npersona,anna,Anna,34\nphase,P\nstep,Go\nemotion anna,1\n";
    let map = import_sheet("m.csv", csv.as_bytes(), Format::Csv).unwrap_or_else(|(_, r)| panic!("{r}"));
    assert!(map.contains("journey: Moving, the sequel\n") && map.contains("persona anna: Anna, 34\n"), "{map}");
}

#[test]
fn a_workbook_is_read_from_its_first_sheet_with_a_phase_row() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let about = workbook.add_worksheet();
    about.set_name("Om kortet").unwrap();
    about.write_string(0, 0, "Lavet på workshoppen i marts").unwrap();
    let grid = workbook.add_worksheet();
    grid.set_name("Kort").unwrap();
    for (r, row) in
        [["journey", "Flytning"], ["phase", "Før"], ["step", "Finder bolig"], ["Følelser", "-1"]].iter().enumerate()
    {
        grid.write_string(r as u32, 0, row[0]).unwrap();
        match row[1].parse::<f64>() {
            Ok(n) => grid.write_number(r as u32, 1, n).unwrap(),
            Err(_) => grid.write_string(r as u32, 1, row[1]).unwrap(),
        };
    }
    let bytes = workbook.save_to_buffer().unwrap();
    let map = import_sheet("kort.xlsx", &bytes, Format::Xlsx).unwrap_or_else(|(_, r)| panic!("{r}"));
    assert!(map.contains("the sheet `Kort`, the first of the workbook's 2 sheets with a phase row"), "{map}");
    assert_same("kort.xlsx", "journey: Flytning\nphase: Før\n  step: Finder bolig\n    emotion -1\n", &map);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// An exported grid with cells replaced: it imports into a map that checks, or its
    /// problems point into it; never a panic, never a map that does not check.
    #[test]
    fn edited_grids_never_panic(
        example in 0usize..100,
        edits in proptest::collection::vec((0usize..60, 0usize..12, "(|x|-9|3|[a-z]{1,6}|\\[critical\\] A|\\[zz\\] B|1 i3: w|12%: k|phase|step|emotion anna|Smertepunkter|#c|\\[\\]|:)"), 1..5),
    ) {
        let maps = example_maps();
        let source = read(&maps[example % maps.len()]);
        let (csv, _) = export_sheets(&source);
        let mut rows: Vec<Vec<String>> = {
            let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(csv.trim_start_matches('\u{FEFF}').as_bytes());
            reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
        };
        for (r, c, text) in edits {
            let n = rows.len();
            let row = &mut rows[r % n];
            if row.len() <= c {
                row.resize(c + 1, String::new());
            }
            row[c] = text;
        }
        let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
        for row in &rows {
            writer.write_record(row).unwrap();
        }
        let edited = writer.into_inner().unwrap();
        match journeymap::sheet::import("e.csv", &edited, Format::Csv) {
            Ok(map) => prop_assert!(!check_str(&map).compiled.has_errors(), "{map}"),
            Err(f) => {
                prop_assert!(!f.diags.is_empty());
                prop_assert!(f.diags.iter().all(|d| d.code != journeymap::diag::Code::ImportInvalidResult), "{:?}", f.diags);
                for d in &f.diags {
                    prop_assert!(d.primary.span.end <= f.source.len());
                }
            }
        }
    }
}

#[test]
fn no_exported_csv_field_reads_as_a_formula() {
    let mut maps = round_trip_maps();
    maps.retain(|m| m.is_file());
    for map in maps {
        let (csv, _) = export_sheets(&read(&map));
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(csv.as_bytes());
        for record in reader.records() {
            for field in record.unwrap().iter() {
                let formula = field.starts_with(['=', '+', '-', '@']) && field.parse::<f64>().is_err();
                assert!(!formula, "{}: `{field}`", map.display());
            }
        }
    }
}

/// Every `*.journey` under `tests/`, however messy, that compiles without errors.
fn every_test_map() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|e| e == "journey") {
                out.push(p);
            }
        }
    }
    let mut maps = Vec::new();
    walk(&root().join("tests"), &mut maps);
    maps.retain(|m| std::fs::read_to_string(m).is_ok_and(|s| !check_str(&s).compiled.has_errors()));
    maps
}

#[test]
fn every_fixture_that_compiles_survives_csv_and_xlsx() {
    let maps = every_test_map();
    assert!(maps.len() > 30, "{}", maps.len());
    for map in maps {
        let source = String::from_utf8_lossy(&std::fs::read(&map).unwrap()).into_owned();
        let (csv, xlsx) = export_sheets(&source);
        let name = map.display().to_string();
        let from_csv =
            import_sheet("m.csv", csv.as_bytes(), Format::Csv).unwrap_or_else(|(_, r)| panic!("{name}:\n{r}\n{csv}"));
        assert_same(&name, &source, &from_csv);
        let from_xlsx = import_sheet("m.xlsx", &xlsx, Format::Xlsx).unwrap_or_else(|(_, r)| panic!("{name}:\n{r}"));
        assert_same(&name, &source, &from_xlsx);
    }
}

/// A sheet used only far from A1 is refused before its grid is padded out to it: a
/// small file must not take gigabytes (found by review).
#[test]
fn a_sheet_used_far_from_a1_is_refused() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.write_string(3_000, 2_000, "phase").unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let failure = journeymap::sheet::import("far.xlsx", &bytes, Format::Xlsx).expect_err("refused");
    assert_eq!(failure.diags[0].code.info().code, "J0802", "{:?}", failure.diags);
    assert!(failure.diags[0].message.contains("more than 4000000 cells"), "{}", failure.diags[0].message);
}
