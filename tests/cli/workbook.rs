//! `export --format xlsx` and `import`: the workbook out and back, on the shipped examples, a
//! workbook filled in by openpyxl (a library that is not jsp's), and files that are not ones.
//! `.ci/run` installs openpyxl; elsewhere its test is skipped, saying so, when it is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::Reader as _;
use serde_json::Value;

use crate::{fixtures, jsp, jsp_in, root};

/// `jsp ARGS` in `dir`, which must succeed; its standard output.
fn run(dir: &Path, args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let mut cmd = jsp_in(dir);
    cmd.args(args);
    let output = cmd.output().unwrap();
    assert!(output.status.success(), "{args:?}: {output:?}");
    output.stdout
}

fn os(text: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(text)
}

fn manufacturer() -> PathBuf {
    root().join("examples/manufacturer-answers.yaml")
}

fn json(dir: &Path, command: &str, answers: &Path) -> Value {
    let out = run(
        dir,
        &[os(command), answers.as_os_str(), os("-f"), os("json")],
    );
    serde_json::from_slice(&out).unwrap()
}

/// The text of every cell of a sheet, row by row, as calamine reads it.
fn sheet_rows(workbook: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(workbook).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|row| row.iter().map(ToString::to_string).collect())
        .collect()
}

#[test]
fn export_import_score_gives_the_original_json() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("assessment.xlsx");
    let back = dir.path().join("back.yaml");
    let target = root().join("examples/manufacturer-target.toml");
    // Beside the answers read back, so that its evidence paths are checked in the same folder.
    let original = dir.path().join("original.yaml");
    std::fs::copy(manufacturer(), &original).unwrap();
    run(
        dir.path(),
        &[
            os("export"),
            original.as_os_str(),
            os("--format"),
            os("xlsx"),
            os("-o"),
            workbook.as_os_str(),
            os("--target"),
            target.as_os_str(),
        ],
    );
    run(
        dir.path(),
        &[
            os("import"),
            workbook.as_os_str(),
            os("-o"),
            back.as_os_str(),
        ],
    );
    assert_eq!(
        json(dir.path(), "score", &back),
        json(dir.path(), "score", &original)
    );
    // The report holds every note and evidence item as well.
    assert_eq!(
        json(dir.path(), "report", &back),
        json(dir.path(), "report", &original)
    );
    let summary = sheet_rows(&workbook, "Summary");
    let has = |text: &str| summary.iter().flatten().any(|cell| cell == text);
    assert!(has("Roadmap to the target"), "{summary:?}");
    assert!(has("Northwind Medical Systems"), "{summary:?}");
}

#[test]
fn the_same_assessment_gives_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one.xlsx"), dir.path().join("two.xlsx"));
    for path in [&one, &two] {
        run(
            dir.path(),
            &[
                os("export"),
                manufacturer().as_os_str(),
                os("-o"),
                path.as_os_str(),
            ],
        );
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    assert!(std::fs::read(&one).unwrap() == std::fs::read(&two).unwrap());
}

#[test]
fn the_questions_sheet_has_ids_options_guidance_and_references() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("w.xlsx");
    run(
        dir.path(),
        &[
            os("export"),
            manufacturer().as_os_str(),
            os("-o"),
            workbook.as_os_str(),
        ],
    );
    let questions = sheet_rows(&workbook, "Questions");
    assert_eq!(
        questions[0].join("|"),
        "Id (do not edit)|Domain|Level|Question|Guidance|References|Answer|Note|Evidence (one per line)"
    );
    let first = &questions[1];
    assert_eq!(first[0], "gov-2a");
    assert!(first[4].starts_with("Fully implemented:"), "{first:?}");
    assert!(first[5].contains("IEC 62443-4-1 SM-2"), "{first:?}");
    assert_eq!(first[6], "full");
    // The drop-downs and the protection, as the sheet's XML says them.
    let file = std::fs::File::open(&workbook).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet2.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(
        xml.contains("<sheetProtection"),
        "the questions sheet is protected"
    );
    assert!(
        xml.contains(r#"<formula1>"none,partial,largely,full,na"</formula1>"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<formula1>"none,partial,largely,full"</formula1>"#),
        "{xml}"
    );
}

#[test]
fn a_questionnaire_gives_a_workbook_to_fill_in_from_scratch() {
    let (dir, mut cmd) = jsp();
    let workbook = dir.path().join("blank.xlsx");
    cmd.args(["export", "acme-lite", "-o"]).arg(&workbook);
    cmd.assert().success().stdout("");
    let (_d, mut cmd) = jsp();
    cmd.arg("import").arg(&workbook);
    cmd.assert()
        .success()
        .stdout("questionnaire: acme-lite\nversion: '0.3'\nanswers: {}\n");
    // A questionnaire file, too.
    let (dir, mut cmd) = jsp();
    let file = fixtures().join("questionnaires/acme-lite.yaml");
    cmd.arg("export")
        .arg(&file)
        .arg("-o")
        .arg(dir.path().join("b.xlsx"));
    cmd.assert().success();
}

#[test]
fn an_existing_file_is_never_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.yaml");
    std::fs::copy(manufacturer(), &answers).unwrap();
    let before = std::fs::read(&answers).unwrap();
    let workbook = dir.path().join("w.xlsx");
    run(
        dir.path(),
        &[
            os("export"),
            answers.as_os_str(),
            os("-o"),
            workbook.as_os_str(),
        ],
    );

    let mut cmd = jsp_in(dir.path());
    cmd.args(["export", "answers.yaml", "-o", "answers.yaml"]);
    cmd.assert()
        .code(2)
        .stderr("jsp: error: `answers.yaml` exists\n  hint: add --force to replace it, or name another file\n");
    let mut cmd = jsp_in(dir.path());
    cmd.args(["import", "w.xlsx", "-o", "answers.yaml"]);
    cmd.assert().code(2);
    let mut cmd = jsp_in(dir.path());
    cmd.args(["export", "answers.yaml", "-o", "w.xlsx"]);
    cmd.assert().code(2);
    assert_eq!(std::fs::read(&answers).unwrap(), before);

    // With --force, but never over the file being read.
    let mut cmd = jsp_in(dir.path());
    cmd.args(["export", "answers.yaml", "-o", "answers.yaml", "--force"]);
    cmd.assert()
        .code(2)
        .stderr(predicates::str::contains("is also an input"));
    assert_eq!(std::fs::read(&answers).unwrap(), before);
    let mut cmd = jsp_in(dir.path());
    cmd.args(["import", "w.xlsx", "-o", "answers.yaml", "--force"]);
    cmd.assert().success();
}

#[test]
fn a_bad_workbook_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = root().join("tests/cmd/workbook-many-problems.in/w.xlsx");
    let out = dir.path().join("out.yaml");
    let (_d, mut cmd) = jsp();
    cmd.arg("import").arg(&bad).arg("-o").arg(&out);
    cmd.assert().code(2).stdout("");
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no temporary file left"
    );
}

#[test]
fn a_huge_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.xlsx");
    // Sparse: no disk is used, and jsp must not read it to know.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    let mut cmd = jsp_in(dir.path());
    cmd.args(["import", "huge.xlsx"]);
    cmd.assert().code(2).stderr(
        "jsp: error: huge.xlsx: the file is larger than the limit of 16 MiB for a workbook\n  hint: check that this is the file you meant\n",
    );
}

#[test]
fn import_checks_the_questionnaire_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("w.xlsx");
    run(
        dir.path(),
        &[
            os("export"),
            manufacturer().as_os_str(),
            os("-o"),
            workbook.as_os_str(),
        ],
    );
    let mut cmd = jsp_in(dir.path());
    cmd.args(["import", "w.xlsx", "--questionnaire", "jsp-provider"]);
    cmd.assert().code(2).stderr(
        "jsp: error: w.xlsx: Summary!B4: the workbook answers `jsp-manufacturer`, not `jsp-provider`\n  hint: name `jsp-manufacturer` with --questionnaire, or leave it out\n",
    );
}

/// True when python3 has openpyxl; under CI its absence fails the test.
fn openpyxl() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "openpyxl is missing; .ci/run installs it"
        );
        eprintln!("skipped: openpyxl is not installed (pip install openpyxl)");
    }
    found
}

/// `blank` filled in by tests/workbook/fill.py with `given` (`epoch`: `1904` for that date
/// system, `iso` for dates stored as text), saved beside it.
/// A workbook of `acme-lite` to fill in, exported into a folder of its own.
fn blank_workbook() -> (tempfile::TempDir, PathBuf) {
    let (dir, mut cmd) = jsp();
    let blank = dir.path().join("blank.xlsx");
    cmd.args(["export", "acme-lite", "-o"]).arg(&blank);
    cmd.assert().success();
    (dir, blank)
}

fn fill(blank: &Path, given: &Value, epoch: Option<&str>) -> PathBuf {
    let folder = blank.parent().unwrap();
    let plan = folder.join("given.json");
    std::fs::write(&plan, given.to_string()).unwrap();
    let filled = folder.join("filled.xlsx");
    let status = Command::new("python3")
        .arg(root().join("tests/workbook/fill.py"))
        .args([blank, &filled, &plan])
        .args(epoch)
        .status()
        .unwrap();
    assert!(status.success());
    filled
}

/// A workbook of Excel for the Mac's 1904 date system counts its day numbers from 1904-01-01:
/// read as 1900 ones, every date would come back four years and a day early. Dates typed as
/// text, dates stored as ISO 8601 (`t="d"`) and date cells in other columns (a reference, an
/// owner) come back as their days too, and so does the assessment's date on the summary.
#[test]
fn dates_of_a_1904_workbook_are_the_days_typed() {
    if !openpyxl() {
        return;
    }
    for epoch in [None, Some("1904"), Some("iso")] {
        let (dir, blank) = blank_workbook();
        let given = serde_json::json!({
            "gov-2a": {"answer": "all", "evidence": [
                ["Audit 2026", "2026-03-31", "2027-03-31", "QA"],
                ["Pen test", "text:2026-01-15", "date:2027-01-15"],
                ["date:2026-05-05", "2024-02-29", null, "date:2026-07-01"]
            ]},
            "gov-3a": {"answer": "no"},
            "_date": "2026-04-01"
        });
        let filled = fill(&blank, &given, epoch);
        let answers = dir.path().join("answers.yaml");
        let (_d, mut cmd) = jsp();
        cmd.arg("import").arg(&filled).arg("-o").arg(&answers);
        cmd.assert().success().stdout("").stderr("");
        let text = std::fs::read_to_string(&answers).unwrap();
        assert!(text.contains("\ndate: 2026-04-01\n"), "{epoch:?}:\n{text}");
        assert!(
            text.contains(
                "  gov-2a:
    answer: all
    evidence:
    - ref: Audit 2026
      date: 2026-03-31
      expires: 2027-03-31
      owner: QA
    - ref: Pen test
      date: 2026-01-15
      expires: 2027-01-15
    - ref: 2026-05-05
      date: 2024-02-29
      owner: 2026-07-01
"
            ),
            "{epoch:?}:\n{text}"
        );
    }
}

/// A date typed as text that the calendar lacks is reported by its cell, as is text that is no
/// date at all; nothing is written.
#[test]
fn a_day_the_calendar_lacks_is_named_by_its_cell() {
    if !openpyxl() {
        return;
    }
    let (dir, blank) = blank_workbook();
    let given = serde_json::json!({
        "gov-2a": {"answer": "all", "evidence": [
            ["Audit 2025", "text:2025-02-30"],
            ["Audit 2026", "text:31/03/2026", "text:2026-13-01"]
        ]}
    });
    let filled = fill(&blank, &given, Some("1904"));
    let answers = dir.path().join("answers.yaml");
    let (_d, mut cmd) = jsp();
    cmd.arg("import").arg(&filled).arg("-o").arg(&answers);
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let at = filled.display();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "jsp: error: {at}: Evidence!D2: `2025-02-30` is not a date (YYYY-MM-DD)
  hint: write the date as YYYY-MM-DD, such as 2026-06-30, or clear it
{at}: Evidence!D3: `31/03/2026` is not a date (YYYY-MM-DD)
  hint: write the date as YYYY-MM-DD, such as 2026-06-30, or clear it
{at}: Evidence!E3: `2026-13-01` is not a date (YYYY-MM-DD)
  hint: write the date as YYYY-MM-DD, such as 2026-06-30, or clear it
"
        )
    );
    assert!(!answers.exists());
}

#[test]
fn a_workbook_filled_in_by_openpyxl_is_imported_and_scored() {
    if !openpyxl() {
        return;
    }
    let (dir, blank) = blank_workbook();
    let given = serde_json::json!({
        "gov-2a": {"answer": "all", "note": "=SUM(A1:A2) is text, not a formula", "evidence": ["SOP-7", "https://qms.example/policy"]},
        "gov-3a": {"answer": "Mostly implemented", "evidence": [["Audit 2026", "2026-03-31"]]},
        "test-2a": {"answer": "some", "note": "Fuzzing — 2 of 3 interfaces\nthe third in Q1"},
        "test-2b": {"answer": "na", "note": "No external interfaces"},
        "test-3a": {"answer": "no"}
    });
    let filled = fill(&blank, &given, None);

    let answers = dir.path().join("answers.yaml");
    let (_d, mut cmd) = jsp();
    cmd.arg("import").arg(&filled).arg("-o").arg(&answers);
    cmd.assert().success().stdout("").stderr("");
    let text = std::fs::read_to_string(&answers).unwrap();
    assert_eq!(
        text,
        "questionnaire: acme-lite
version: '0.3'
assessor: An assessor with openpyxl
answers:
  gov-2a:
    answer: all
    note: =SUM(A1:A2) is text, not a formula
    evidence:
    - SOP-7
    - https://qms.example/policy
  gov-3a:
    answer: most
    evidence:
    - ref: Audit 2026
      date: 2026-03-31
  test-2a:
    answer: some
    note: |-
      Fuzzing — 2 of 3 interfaces
      the third in Q1
  test-2b:
    answer: na
    note: No external interfaces
  test-3a: no
"
    );
    // Scored as the same answers written by hand.
    let by_hand = dir.path().join("by-hand.yaml");
    std::fs::write(
        &by_hand,
        "questionnaire: acme-lite\nanswers:\n  gov-2a: all\n  gov-3a: most\n  test-2a: some\n  test-2b: {answer: na, note: x}\n  test-3a: \"no\"\n",
    )
    .unwrap();
    let score = |path: &Path| {
        let (_d, mut cmd) = jsp();
        let out = cmd
            .arg("score")
            .arg(path)
            .args(["-f", "json"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let mut value: Value = serde_json::from_slice(&out.stdout).unwrap();
        value["assessor"] = Value::Null;
        value["version"] = Value::Null;
        value
    };
    assert_eq!(score(&answers), score(&by_hand));
}

/// A workbook made cell by cell, as no spreadsheet would save it: the summary and the headings
/// `jsp import` needs, and `more` to add to the questions sheet.
fn handmade(path: &Path, more: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let summary = book.add_worksheet().set_name("Summary").unwrap();
    summary.write_string(3, 0, "Questionnaire").unwrap();
    summary.write_string(3, 1, "acme-lite").unwrap();
    let questions = book.add_worksheet().set_name("Questions").unwrap();
    for (column, heading) in ["Id", "Answer", "Note", "Evidence"].iter().enumerate() {
        questions.write_string(0, column as u16, *heading).unwrap();
    }
    more(questions);
    let evidence = book.add_worksheet().set_name("Evidence").unwrap();
    for (column, heading) in ["Question id", "Reference", "Date", "Expires", "Owner"]
        .iter()
        .enumerate()
    {
        evidence.write_string(0, column as u16, *heading).unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn a_cell_in_the_far_corner_costs_nothing() {
    // A rectangle from A1 to XFD1048576 would be 17 billion cells.
    let (dir, mut cmd) = jsp();
    let path = dir.path().join("far.xlsx");
    handmade(&path, |sheet| {
        sheet.write_string(1, 0, "gov-2a").unwrap();
        sheet.write_string(1, 1, "all").unwrap();
        sheet.write_string(1_048_575, 16_383, "far away").unwrap();
    });
    cmd.arg("import").arg(&path);
    cmd.assert()
        .success()
        .stdout("questionnaire: acme-lite\nanswers:\n  gov-2a: all\n");
}

#[test]
fn a_sheet_of_too_many_cells_is_refused() {
    let (dir, mut cmd) = jsp();
    let path = dir.path().join("many.xlsx");
    handmade(&path, |sheet| {
        for row in 1..=50_001 {
            for column in 4..8 {
                sheet.write_number(row, column, 1.0).unwrap();
            }
        }
    });
    cmd.arg("import").arg(&path);
    cmd.assert().code(2).stderr(format!(
        "jsp: error: {}: the sheet `Questions` holds more than 200000 cells\n  hint: a filled-in assessment has a few thousand: check that this is the file you meant\n",
        path.display()
    ));
}

#[test]
fn a_scale_too_long_for_a_drop_down_written_in_place_gets_a_list_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("q");
    std::fs::create_dir(&folder).unwrap();
    // 30 options of 12 characters: 389 characters with the commas, past Excel's 255.
    let scale: String = (0..30)
        .map(|i| {
            format!(
                "  - {{id: option-{i:05}, label: Option {i}, value: {}}}\n",
                f64::from(i) / 29.0
            )
        })
        .collect();
    std::fs::write(
        folder.join("long.yaml"),
        format!(
            "id: long\ntitle: Long scale\nversion: '1'\nrole: test\nscale:\n{scale}domains:\n  - id: d\n    title: D\n    questions:\n      - {{id: d-2a, level: 2, text: A?}}\n      - {{id: d-2b, level: 2, text: B?, na: true}}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "questionnaire: long\nanswers:\n  d-2a: option-00029\n  d-2b: {answer: na, note: n/a here}\n",
    )
    .unwrap();
    let mut cmd = jsp_in(dir.path());
    cmd.args(["--questionnaires", "q", "export", "a.yaml", "-o", "w.xlsx"]);
    cmd.assert().success();
    let file = std::fs::File::open(dir.path().join("w.xlsx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet2.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(
        xml.contains("<formula1>Lists!$A$1:$A$30</formula1>"),
        "{xml}"
    );
    assert!(
        xml.contains("<formula1>Lists!$B$1:$B$31</formula1>"),
        "{xml}"
    );
    let mut cmd = jsp_in(dir.path());
    cmd.args(["--questionnaires", "q", "import", "w.xlsx"]);
    cmd.assert().success().stdout(
        "questionnaire: long\nanswers:\n  d-2a: option-00029\n  d-2b:\n    answer: na\n    note: n/a here\n",
    );
}
