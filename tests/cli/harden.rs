//! The second hardening pass: nothing lost, nothing injected, nothing trusted that should not
//! be. Each test here failed on the code before its fix; the README's "Hardening" section
//! lists them with the guarantee each keeps.

use std::path::{Path, PathBuf};

use crate::{fixtures, jsp_in};

/// A temporary folder holding a copy of the fixture answers (`answers.yaml`) and target
/// (`target.toml`), and `jsp` run in it with the fixture questionnaires.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("answers.yaml");
    std::fs::copy(fixtures().join("acme-answers.yaml"), &answers).unwrap();
    std::fs::copy(
        fixtures().join("acme-target.toml"),
        dir.path().join("target.toml"),
    )
    .unwrap();
    (dir, answers)
}

fn jsp(dir: &Path) -> assert_cmd::Command {
    let mut cmd = jsp_in(dir);
    cmd.arg("--questionnaires")
        .arg(fixtures().join("questionnaires"));
    cmd
}

/// Makes a FIFO at `path`.
#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo").arg(path).status();
    assert!(made.unwrap().success(), "mkfifo {}", path.display());
}

// 1. Outputs never overwrite inputs.

/// Each way of naming an input as an output (`-o`, `--out`, another name for it, a hard link,
/// a chart file, the target, the questionnaire) is refused before anything is written; the
/// message names both. Before: `jsp report answers.yaml -o answers.yaml` exited 0 and the
/// assessment was gone.
#[test]
fn no_output_replaces_an_input() {
    let (dir, answers) = project();
    let original = std::fs::read(&answers).unwrap();
    std::fs::hard_link(&answers, dir.path().join("hard.yaml")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("answers.yaml", dir.path().join("link.yaml")).unwrap();
    let charts = dir.path().join("charts");
    std::fs::create_dir(&charts).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("../answers.yaml", charts.join("radar.svg")).unwrap();
    let questionnaire = fixtures().join("questionnaires/acme-lite.yaml");
    let q = questionnaire.to_str().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["report", "answers.yaml", "-o", "answers.yaml"],
            "answers.yaml",
        ),
        (
            vec!["report", "answers.yaml", "--out", "json=./answers.yaml"],
            "answers.yaml",
        ),
        (
            vec![
                "report",
                "answers.yaml",
                "-o",
                "ok.md",
                "--out",
                "html=hard.yaml",
            ],
            "answers.yaml",
        ),
        #[cfg(unix)]
        (
            vec![
                "score",
                "answers.yaml",
                "--format",
                "json",
                "-o",
                "link.yaml",
            ],
            "answers.yaml",
        ),
        #[cfg(unix)]
        (
            vec![
                "report",
                "answers.yaml",
                "--charts",
                "charts",
                "-o",
                "ok.md",
            ],
            "answers.yaml",
        ),
        (
            vec![
                "roadmap",
                "answers.yaml",
                "--target",
                "target.toml",
                "-o",
                "target.toml",
            ],
            "target.toml",
        ),
        (vec!["score", "answers.yaml", "-o", q], q),
        (
            vec!["diff", "answers.yaml", "answers.yaml", "-o", "hard.yaml"],
            "answers.yaml",
        ),
        (
            vec!["aggregate", "answers.yaml", "-o", "answers.yaml"],
            "answers.yaml",
        ),
        (
            vec!["chart", "answers.yaml", "-o", "answers.yaml"],
            "answers.yaml",
        ),
    ];
    let questionnaire_before = std::fs::read(&questionnaire).unwrap();
    for (args, input) in cases {
        let output = jsp(dir.path()).args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(input), "{args:?} names the input: {stderr}");
        assert!(stderr.contains("would replace what was read"), "{stderr}");
        assert_eq!(std::fs::read(&answers).unwrap(), original, "{args:?}");
        assert!(!dir.path().join("ok.md").exists(), "{args:?} wrote a file");
    }
    assert_eq!(std::fs::read(&questionnaire).unwrap(), questionnaire_before);
}

/// jsp.toml is an input too.
#[test]
fn jsp_toml_is_not_overwritten() {
    let (dir, _) = project();
    std::fs::write(dir.path().join("jsp.toml"), "target = \"target.toml\"\n").unwrap();
    jsp(dir.path())
        .args(["score", "answers.yaml", "-o", "jsp.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("jsp.toml` is also an input"));
}

/// A symbolic link given as `-o` stays a link, and the file it names gets the output; a FIFO
/// gets the bytes written into it and stays a FIFO. Before: both were replaced by a regular
/// file (as root, `-o /dev/null` replaced the device).
#[cfg(unix)]
#[test]
fn links_and_special_files_are_written_through() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, _) = project();
    std::os::unix::fs::symlink("real.md", dir.path().join("link.md")).unwrap();
    jsp(dir.path())
        .args(["report", "answers.yaml", "-o", "link.md"])
        .assert()
        .success();
    let link = dir.path().join("link.md");
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert!(
        std::fs::read_to_string(dir.path().join("real.md"))
            .unwrap()
            .contains("# ")
    );

    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read(fifo).unwrap())
    };
    jsp(dir.path())
        .args(["score", "answers.yaml", "--format", "json", "-o", "fifo"])
        .assert()
        .success();
    let bytes = reader.join().unwrap();
    assert!(
        bytes.starts_with(b"{"),
        "{}",
        String::from_utf8_lossy(&bytes)
    );
    assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());
}

// 3. No panic, on any path.

/// Every command (and an error) as run in [`every_command_survives_a_closed_stdout_and_a_full_stderr`].
const EVERY_COMMAND: &[&[&str]] = &[
    &["score", "answers.yaml"],
    &[
        "score",
        "answers.yaml",
        "--format",
        "junit",
        "--out",
        "json=s.json",
    ],
    &["score", "answers.yaml", "--min-level", "5"],
    &["report", "answers.yaml"],
    &["report", "answers.yaml", "--format", "html"],
    &[
        "report",
        "answers.yaml",
        "--format",
        "json",
        "--by-reference",
    ],
    &["chart", "answers.yaml"],
    &["chart", "answers.yaml", "--kind", "bars"],
    &["roadmap", "answers.yaml", "--target", "target.toml"],
    &[
        "roadmap",
        "answers.yaml",
        "--target",
        "target.toml",
        "--format",
        "csv",
    ],
    &["diff", "answers.yaml", "answers.yaml"],
    &["aggregate", "answers.yaml", "answers.yaml"],
    &["validate", "answers.yaml", "target.toml"],
    &["list"],
    &["show", "acme-lite"],
    &[
        "show",
        "acme-lite",
        "--by-reference",
        "--format",
        "markdown",
    ],
    &["schema", "answers"],
    &["completions", "bash"],
    &["man"],
    &["init", "--force"],
    &["score", "missing.yaml"],
];

/// Runs `args` in `dir` with the given stdout and stderr; the exit code and stderr (when it
/// is not /dev/full).
fn run_with(
    dir: &Path,
    args: &[&str],
    stdout: std::process::Stdio,
    stderr: std::process::Stdio,
) -> Option<i32> {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("jsp"));
    cmd.current_dir(dir)
        .env_remove("JSP_QUESTIONNAIRES")
        .env("NO_COLOR", "1")
        .arg("--questionnaires")
        .arg(fixtures().join("questionnaires"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(stdout)
        .stderr(stderr);
    cmd.status().unwrap().code()
}

/// A pipe nobody reads: its reading end is closed before the command starts.
fn closed_pipe() -> std::process::Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer.into()
}

fn dev_full() -> std::process::Stdio {
    std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap()
        .into()
}

/// Every command with stdout a closed pipe (`| head`): the exit code it has otherwise (a closed
/// pipe is no error); with stderr on a full device: 2 when it had anything to say there, else
/// its own; with stdout on a full device: 2 when it prints anything. Never 101 (a panic).
/// Before: `jsp score missing.yaml 2>/dev/full` panicked in `eprintln!` (101).
#[cfg(target_os = "linux")]
#[test]
fn every_command_survives_a_closed_stdout_and_a_full_stderr() {
    use std::process::Stdio;
    let (dir, _) = project();
    for args in EVERY_COMMAND {
        let normal = {
            let mut cmd = jsp(dir.path());
            cmd.args(*args).write_stdin("");
            cmd.output().unwrap()
        };
        let code = normal.status.code();
        assert_ne!(code, Some(101), "{args:?}");
        let said = |bytes: &[u8]| if bytes.is_empty() { code } else { Some(2) };
        let closed = run_with(dir.path(), args, closed_pipe(), Stdio::null());
        assert_eq!(closed, code, "{args:?} with stdout closed");
        let full_stderr = run_with(dir.path(), args, Stdio::null(), dev_full());
        assert_eq!(full_stderr, said(&normal.stderr), "{args:?} 2>/dev/full");
        let full_stdout = run_with(dir.path(), args, dev_full(), Stdio::null());
        assert_eq!(full_stdout, said(&normal.stdout), "{args:?} >/dev/full");
        let both = run_with(dir.path(), args, closed_pipe(), dev_full());
        assert_ne!(both, Some(101), "{args:?} with both");
    }
}

// 4. Every output escaped for where it goes.

/// Web and e-mail addresses, in every kind of text a user writes.
const ADDRESSES: &str = "see https://evil.example/a, www.evil.example, HTTP://b.example, \
     mailto:x@evil.example, xmpp:y@evil.example, ftp://c.example or z.z@evil.example";

/// A project whose answers and questionnaire carry [`ADDRESSES`] in every free-text field.
fn addressed_project() -> (tempfile::TempDir, PathBuf) {
    let (dir, answers) = project();
    let text = std::fs::read_to_string(&answers)
        .unwrap()
        .replace("Acme Medical", &format!("\"Org {ADDRESSES}\""))
        .replace("Infusion pump line", &format!("\"Subject {ADDRESSES}\""))
        .replace("J. Doe", &format!("\"Assessor {ADDRESSES}\""))
        .replace("No external interfaces", &format!("\"Note {ADDRESSES}\""));
    std::fs::write(&answers, text).unwrap();
    let questionnaires = dir.path().join("questionnaires");
    std::fs::create_dir(&questionnaires).unwrap();
    let questionnaire = std::fs::read_to_string(fixtures().join("questionnaires/acme-lite.yaml"))
        .unwrap()
        .replace(
            "ACME lite maturity model",
            &format!("\"Title {ADDRESSES}\""),
        )
        .replace(
            "Is a named person accountable for product security?",
            &format!("\"Question {ADDRESSES}\""),
        )
        .replace(
            "A named lead with authority over release decisions.",
            &format!("\"Guidance {ADDRESSES}\""),
        );
    std::fs::write(questionnaires.join("acme-lite.yaml"), questionnaire).unwrap();
    (dir, answers)
}

/// `markdown` as GitHub renders it (cmark-gfm with the autolink and table extensions), or
/// `None` where cmark-gfm is not installed (CI installs it and must not skip).
fn gfm(markdown: &str) -> Option<String> {
    use std::io::Write as _;
    let child = std::process::Command::new("cmark-gfm")
        .args(["-e", "autolink", "-e", "table"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(_) if std::env::var_os("CI").is_none() => {
            eprintln!("cmark-gfm is not installed: the GFM rendering is not checked");
            return None;
        }
        Err(error) => panic!("CI needs cmark-gfm (apt-get install cmark-gfm): {error}"),
    };
    child
        .stdin
        .take()
        .unwrap()
        .write_all(markdown.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    Some(String::from_utf8(output.stdout).unwrap())
}

/// Every markdown output, rendered by a real GFM renderer, links only the evidence (and the
/// charts). Before: each address in a note, a title or the organization became a link.
#[test]
fn markdown_makes_no_link_of_user_text() {
    let (dir, _) = addressed_project();
    let cases: &[&[&str]] = &[
        &["score", "answers.yaml", "--format", "markdown"],
        &[
            "report",
            "answers.yaml",
            "--format",
            "markdown",
            "--by-reference",
        ],
        &[
            "roadmap",
            "answers.yaml",
            "--target",
            "target.toml",
            "--format",
            "markdown",
        ],
        &[
            "diff",
            "answers.yaml",
            "answers.yaml",
            "--format",
            "markdown",
        ],
        &["aggregate", "answers.yaml", "--format", "markdown"],
        &["show", "acme-lite", "--format", "markdown"],
        &[
            "show",
            "acme-lite",
            "--format",
            "markdown",
            "--by-reference",
        ],
    ];
    for args in cases {
        let output = jsp_in(dir.path())
            .arg("--questionnaires")
            .arg("questionnaires")
            .args(*args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
        let markdown = String::from_utf8(output.stdout).unwrap();
        assert!(
            markdown.contains("evil"),
            "{args:?} shows the text:\n{markdown}"
        );
        let Some(html) = gfm(&markdown) else { return };
        let links: Vec<&str> = html
            .split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|href| *href != "https://qms.example/policy")
            // The report's own contents and cross-references, to its headings.
            .filter(|href| !href.starts_with('#'))
            .collect();
        assert!(links.is_empty(), "{args:?} links {links:?}:\n{html}");
        // The text still reads as written: the escapes are invisible.
        assert!(html.contains("www.evil.example"), "{args:?}:\n{html}");
    }
}

/// Characters XML 1.0 forbids, with an escape sequence and a bidi override.
const NOT_XML: &str = "A\u{FFFE}B\u{FFFF}C\u{1}D\u{1b}[2J\u{8}E\u{202E}F";

/// A project whose every free-text field holds [`NOT_XML`].
fn unxml_project() -> (tempfile::TempDir, PathBuf) {
    let (dir, answers) = project();
    let quoted: String = NOT_XML
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c.to_string()
            } else {
                format!("\\U{:08X}", u32::from(c))
            }
        })
        .collect();
    let quoted = format!("\"{quoted}\"");
    let text = std::fs::read_to_string(&answers)
        .unwrap()
        .replace("Acme Medical", &quoted)
        .replace("Infusion pump line", &quoted)
        .replace("No external interfaces", &quoted);
    std::fs::write(&answers, text).unwrap();
    let questionnaires = dir.path().join("questionnaires");
    std::fs::create_dir(&questionnaires).unwrap();
    let questionnaire = std::fs::read_to_string(fixtures().join("questionnaires/acme-lite.yaml"))
        .unwrap()
        .replace("ACME lite maturity model", &quoted)
        .replace("title: Governance", &format!("title: {quoted}"))
        .replace(
            "Is a named person accountable for product security?",
            &quoted,
        )
        .replace("Are security requirements verified by tests?", &quoted);
    std::fs::write(questionnaires.join("acme-lite.yaml"), questionnaire).unwrap();
    (dir, answers)
}

/// JUnit, both SVG charts and the HTML report are well-formed XML (HTML: free of what XML
/// forbids) whatever the files hold. Before: U+FFFE and U+FFFF reached the JUnit file raw,
/// which no XML parser accepts.
#[test]
fn xml_outputs_hold_only_xml_characters() {
    let (dir, _) = unxml_project();
    let run = |args: &[&str]| {
        let output = jsp_in(dir.path())
            .arg("--questionnaires")
            .arg("questionnaires")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(1)
                .filter(|_| args.contains(&"--min-level"))
                .or(Some(0)),
            "{args:?}: {output:?}"
        );
        String::from_utf8(output.stdout).unwrap()
    };
    for args in [
        &[
            "score",
            "answers.yaml",
            "--format",
            "junit",
            "--min-level",
            "3",
        ][..],
        &["chart", "answers.yaml", "--kind", "radar"],
        &["chart", "answers.yaml", "--kind", "bars"],
    ] {
        let xml = run(args);
        if let Err(error) = roxmltree::Document::parse(&xml) {
            panic!("{args:?} is not XML: {error}\n{xml}");
        }
        assert!(xml.contains("ABCD"), "{args:?} keeps the text:\n{xml}");
    }
    let html = run(&["report", "answers.yaml", "--format", "html"]);
    let bad: Vec<char> = html
        .chars()
        .filter(|c| matches!(c, '\u{FFFE}' | '\u{FFFF}') || (c.is_control() && *c != '\n'))
        .collect();
    assert!(bad.is_empty(), "the HTML holds {bad:?}");
}

/// CSV on a terminal is printable (a pty, through `script`); to a file or a pipe it is the
/// file's text as it is, quoted. Before: a file name with an escape sequence reached the
/// terminal raw.
#[cfg(target_os = "linux")]
#[test]
fn csv_on_a_terminal_is_printable() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("`script` is not installed: the terminal is not checked");
        return;
    }
    let (dir, answers) = unxml_project();
    let evil = dir.path().join("site\u{1b}]0;owned\u{7}.yaml");
    std::fs::rename(&answers, &evil).unwrap();
    for command in [
        "aggregate site*.yaml --format csv",
        "roadmap site*.yaml --target target.toml --format csv",
    ] {
        let line = format!(
            "{} --questionnaires questionnaires {command}",
            assert_cmd::cargo::cargo_bin!("jsp").display()
        );
        let output = std::process::Command::new("script")
            .args(["-qec", &line, "/dev/null"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{command}: {text}");
        let bad: Vec<char> = text
            .chars()
            .filter(|c| {
                (c.is_control() && !matches!(c, '\n' | '\r'))
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
            })
            .collect();
        assert!(bad.is_empty(), "{command} shows {bad:?}:\n{text}");
        assert!(text.contains("2JEF"), "{command}:\n{text}");
    }
}

// 6. Arguments and values checked.

/// A portfolio of two sites named twice, and walked by a pattern through symbolic links that
/// loop, counts two files. Before: `aggregate sites ./sites` counted 4 and `'sites/**'` 82.
#[cfg(unix)]
#[test]
fn aggregate_counts_each_file_once() {
    let (dir, answers) = project();
    for site in ["a", "b"] {
        let folder = dir.path().join("sites").join(site);
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::copy(&answers, folder.join("answers.yaml")).unwrap();
    }
    std::os::unix::fs::symlink("..", dir.path().join("sites/a/loop")).unwrap();
    std::os::unix::fs::symlink("../..", dir.path().join("sites/b/up")).unwrap();
    std::os::unix::fs::symlink("a/answers.yaml", dir.path().join("sites/again.yaml")).unwrap();
    for paths in [
        &["sites", "./sites"][..],
        &["sites/**"],
        &["sites/*/answers.yaml", "sites/a/answers.yaml"],
        &["./sites/**/*.yaml"],
    ] {
        let output = jsp(dir.path())
            .arg("aggregate")
            .args(paths)
            .args(["--format", "json"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{paths:?}: {output:?}");
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert_eq!(
            stdout.matches("\"file\":").count(),
            2,
            "{paths:?}:\n{stdout}"
        );
    }
}

/// A FIFO with no writer, /dev/zero: refused at once, named. Before: `score`, `aggregate` and
/// `validate` blocked for ever on the FIFO.
#[cfg(unix)]
#[test]
fn special_files_are_refused_at_once() {
    let (dir, _) = project();
    let fifo = dir.path().join("fifo.yaml");
    mkfifo(&fifo);
    for args in [
        &["score", "fifo.yaml"][..],
        &["report", "answers.yaml", "--target", "fifo.yaml"],
        &["aggregate", "fifo.yaml", "answers.yaml"],
        &["validate", "fifo.yaml"],
        &["diff", "answers.yaml", "fifo.yaml"],
        &["score", "/dev/zero"],
    ] {
        let mut cmd = jsp(dir.path());
        cmd.args(args).timeout(std::time::Duration::from_secs(20));
        let output = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("is not a regular file"),
            "{args:?}: {stderr}"
        );
    }
}

// 5. Trust what the user owns.

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A jsp.toml anyone may write to is not used: a warning says why and how to allow it, and
/// `JSP_TRUSTED_DIRS` allows it. Before: it was used whoever could write it.
#[cfg(unix)]
#[test]
fn a_jsp_toml_anyone_may_write_is_not_used() {
    let (dir, _) = project();
    let config = dir.path().join("jsp.toml");
    std::fs::write(&config, "target = \"target.toml\"\n").unwrap();
    chmod(&config, 0o666);
    let output = jsp(dir.path())
        .args(["roadmap", "answers.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("jsp.toml: not used: anyone may write to it (mode 666)"),
        "{stderr}"
    );
    assert!(stderr.contains("JSP_TRUSTED_DIRS="), "{stderr}");
    assert!(stderr.contains("needs a target"), "{stderr}");
    for allowed in [dir.path().as_os_str(), "*".as_ref()] {
        jsp(dir.path())
            .env("JSP_TRUSTED_DIRS", allowed)
            .args(["roadmap", "answers.yaml"])
            .assert()
            .success()
            .stderr("");
    }
    chmod(&config, 0o644);
    jsp(dir.path())
        .args(["roadmap", "answers.yaml"])
        .assert()
        .success()
        .stderr("");
}

/// Another user's jsp.toml is not used (checked where the test can give a file away: as root).
#[cfg(unix)]
#[test]
fn another_users_jsp_toml_is_not_used() {
    let (dir, _) = project();
    let config = dir.path().join("jsp.toml");
    std::fs::write(&config, "target = \"target.toml\"\n").unwrap();
    chmod(&config, 0o644);
    if std::os::unix::fs::chown(&config, Some(4242), None).is_err() {
        eprintln!("not root: another user's file is not checked");
        return;
    }
    jsp(dir.path())
        .args(["roadmap", "answers.yaml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "not used: it is owned by another user (uid 4242",
        ));
}

/// A folder of questionnaires named by jsp.toml that anyone may write to is not searched.
#[cfg(unix)]
#[test]
fn a_questionnaire_folder_anyone_may_write_is_not_used() {
    let (dir, _) = project();
    let config = dir.path().join("jsp.toml");
    std::fs::write(&config, "questionnaires = [\"q\"]\n").unwrap();
    chmod(&config, 0o644);
    let folder = dir.path().join("q");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        fixtures().join("questionnaires/acme-lite.yaml"),
        folder.join("acme-lite.yaml"),
    )
    .unwrap();
    chmod(&folder, 0o777);
    jsp_in(dir.path())
        .args(["score", "answers.yaml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "q: not used: anyone may write to it",
        ))
        .stderr(predicates::str::contains(
            "unknown questionnaire `acme-lite`",
        ));
    chmod(&folder, 0o755);
    jsp_in(dir.path())
        .args(["score", "answers.yaml"])
        .assert()
        .success();
}

/// A custom questionnaire that replaces a built-in one is named on stderr by score, report
/// and aggregate, and in the JSON report's `questionnaire_file`. Before: never mentioned.
#[test]
fn a_questionnaire_that_replaces_a_built_in_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("q");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        crate::root().join("questionnaires/jsp-manufacturer.yaml"),
        folder.join("mine.yaml"),
    )
    .unwrap();
    std::fs::copy(
        crate::root().join("examples/manufacturer-answers.yaml"),
        dir.path().join("answers.yaml"),
    )
    .unwrap();
    let notice = "mine.yaml: replaces the built-in questionnaire `jsp-manufacturer`";
    for args in [
        &["score", "answers.yaml"][..],
        &["report", "answers.yaml"],
        &["aggregate", "answers.yaml"],
    ] {
        jsp_in(dir.path())
            .args(["--questionnaires", "q"])
            .args(args)
            .assert()
            .success()
            .stderr(predicates::str::contains(notice));
    }
    let output = jsp_in(dir.path())
        .args([
            "--questionnaires",
            "q",
            "report",
            "answers.yaml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["questionnaire_file"], "q/mine.yaml", "{json}");
    // The built-in one is named by nothing.
    let output = jsp_in(dir.path())
        .args(["report", "answers.yaml", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(json.get("questionnaire_file").is_none());
    assert!(output.stderr.is_empty());
}

/// `-` reads the answers from standard input (score, report, chart, roadmap), bounded as a
/// file is. Before: `-` was a file name that did not exist.
#[test]
fn a_dash_reads_the_answers_from_standard_input() {
    let (dir, answers) = project();
    let text = std::fs::read_to_string(&answers).unwrap();
    for args in [
        &["score", "--format", "json"][..],
        &["report", "--format", "json"],
        &["chart"],
        &["roadmap", "--target", "target.toml"],
    ] {
        let (command, rest) = args.split_first().unwrap();
        let from_file = jsp(dir.path())
            .arg(command)
            .arg("answers.yaml")
            .args(rest)
            .output()
            .unwrap();
        let from_stdin = jsp(dir.path())
            .arg(command)
            .arg("-")
            .args(rest)
            .write_stdin(text.clone())
            .output()
            .unwrap();
        assert!(from_stdin.status.success(), "{args:?}: {from_stdin:?}");
        assert_eq!(from_stdin.stdout, from_file.stdout, "{args:?}");
    }
}
