//! `jsp assess` on a real terminal: tmux runs it, `send-keys` types and `capture-pane` reads the
//! screen. Arrows, history, Ctrl-A, the pre-filled answer of `--review`, a resize and Ctrl-C.
//! `.ci/run` installs tmux; elsewhere the test is skipped, saying so, when tmux is missing.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::fixtures;

struct Tmux {
    socket: String,
}

impl Tmux {
    /// A tmux server of its own (its own socket), running `command` at `width` columns.
    fn start(dir: &Path, width: u16, command: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "tmux is missing; .ci/run installs it"
            );
            eprintln!("skipped: tmux is not installed (apt-get install tmux)");
            return None;
        }
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let socket = format!(
            "jsp-test-{}-{}",
            std::process::id(),
            STARTED.fetch_add(1, Ordering::Relaxed)
        );
        let tmux = Tmux { socket };
        let status = Command::new("tmux")
            .args(["-L", &tmux.socket, "-f", "/dev/null", "new-session", "-d"])
            .args(["-x", &width.to_string(), "-y", "50", "-c"])
            .arg(dir)
            .arg(command)
            .status()
            .unwrap();
        assert!(status.success());
        Some(tmux)
    }

    fn keys(&self, keys: &[&str]) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "send-keys", "-t", "0"])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
    }

    fn screen(&self) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket, "capture-pane", "-p", "-J", "-t", "0"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Waits until the screen shows `text` `count` times.
    fn wait(&self, text: &str, count: usize) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.matches(text).count() >= count {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "never saw `{text}` {count} times:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn resize(&self, width: u16) {
        let status = Command::new("tmux")
            .args(["-L", &self.socket, "resize-window", "-t", "0", "-x"])
            .arg(width.to_string())
            .status()
            .unwrap();
        assert!(status.success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .status();
    }
}

fn command(args: &str) -> String {
    format!(
        "env -u COLUMNS NO_COLOR=1 {} --questionnaires {} {args}; echo EXIT=$?; sleep 600",
        env!("CARGO_BIN_EXE_jsp"),
        fixtures().join("questionnaires").display()
    )
}

fn saved(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("a.yaml")).unwrap_or_default()
}

fn wait_saved(dir: &Path, text: &str) {
    let start = Instant::now();
    while !saved(dir).contains(text) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "never saved `{text}`:\n{}",
            saved(dir)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_line_editor_edits_recalls_prefills_survives_a_resize_and_ctrl_c_saves() {
    let dir = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start(
        dir.path(),
        80,
        &command("assess acme-lite --answers a.yaml --org A --subject B --assessor C"),
    ) else {
        return;
    };
    tmux.wait("Answer: ", 1);
    // Arrows move the cursor: `x` lands before the note, not at the end of the line.
    tmux.keys(&["-l", "3 polic"]);
    tmux.keys(&["Left", "Left", "Left", "Left", "Left", "x", "Enter"]);
    wait_saved(dir.path(), "note: xpolic");
    let screen = tmux.wait("saved: gov-2a = most — xpolic", 1);
    assert!(!screen.contains("^[["), "{screen}");
    // Up recalls the line before.
    tmux.wait("[2/5]", 1);
    tmux.keys(&["Up", "Enter"]);
    tmux.wait("saved: gov-3a = most — xpolic", 1);
    // Ctrl-A goes to the start of the line.
    tmux.wait("[3/5]", 1);
    tmux.keys(&["-l", "first"]);
    tmux.keys(&["C-a"]);
    tmux.keys(&["-l", "2 "]);
    tmux.keys(&["Enter"]);
    tmux.wait("saved: test-2a = some — first", 1);
    // A narrower window: the editor keeps working.
    tmux.resize(60);
    tmux.wait("[4/5]", 1);
    tmux.keys(&["-l", "na no interfaces"]);
    tmux.keys(&["Enter"]);
    wait_saved(dir.path(), "no interfaces");
    // Ctrl-C saves (already saved) and exits 130.
    tmux.wait("[5/5]", 1);
    tmux.keys(&["C-c"]);
    let screen = tmux.wait("EXIT=", 1);
    assert!(screen.contains("EXIT=130"), "{screen}");
    assert!(
        screen.contains("Interrupted. Every answer given is saved in a.yaml"),
        "{screen}"
    );
    drop(tmux);

    // --review: the current answer is there to edit.
    let tmux = Tmux::start(
        dir.path(),
        80,
        &command("assess --answers a.yaml --review --domain governance"),
    )
    .unwrap();
    tmux.wait("Answer [most]: most xpolic", 1);
    for _ in 0.."xpolic".len() {
        tmux.keys(&["BSpace"]);
    }
    tmux.keys(&["-l", "edited"]);
    tmux.keys(&["Enter"]);
    wait_saved(dir.path(), "note: edited");
    // The next one: the whole line cleared, then quit.
    tmux.wait("Answer [most]: most xpolic", 1);
    tmux.keys(&["C-u", "q", "Enter"]);
    let screen = tmux.wait("EXIT=", 1);
    assert!(screen.contains("EXIT=0"), "{screen}");
    let text = saved(dir.path());
    assert!(
        text.contains("note: edited") && text.contains("note: xpolic"),
        "{text}"
    );
}

/// `score`, `list`, `show`, `roadmap` and `diff` at 80 and 60 columns: no line wider, one line per
/// domain in the score table, and no id broken.
#[test]
fn tables_fit_80_and_60_columns_one_line_per_domain() {
    let root = crate::root();
    let answers = root.join("examples/manufacturer-answers.yaml");
    let target = root.join("examples/manufacturer-target.toml");
    for width in [80, 60] {
        let run = |args: &[&std::ffi::OsStr]| {
            let output = crate::jsp_in(&root)
                .env("COLUMNS", width.to_string())
                .args(args)
                .output()
                .unwrap();
            String::from_utf8(output.stdout).unwrap()
        };
        let score = run(&[
            "score".as_ref(),
            answers.as_os_str(),
            "--target".as_ref(),
            target.as_os_str(),
        ]);
        let list = run(&["list".as_ref()]);
        let show = run(&["show".as_ref(), "jsp-manufacturer".as_ref()]);
        let roadmap = run(&[
            "roadmap".as_ref(),
            answers.as_os_str(),
            "--target".as_ref(),
            target.as_os_str(),
        ]);
        let before = root.join("examples/manufacturer-partial-answers.yaml");
        let diff = run(&["diff".as_ref(), before.as_os_str(), answers.as_os_str()]);
        assert!(diff.contains("gov-2a, Governance: "), "{diff}");
        for (name, text) in [
            ("diff", &diff),
            ("score", &score),
            ("list", &list),
            ("show", &show),
            ("roadmap", &roadmap),
        ] {
            for line in text.lines() {
                assert!(
                    line.chars().count() <= width,
                    "{name} at {width}: a line of {} columns:\n{line}",
                    line.chars().count()
                );
            }
        }
        // 14 domains and the overall row, between the header and the borders (the requirement
        // sets follow after a blank line).
        let domains = score.split("\n\n").next().unwrap_or_default();
        // The groups' table follows, one line per group too.
        let groups = score.split("\n\n").nth(1).unwrap_or_default();
        let rows = groups.lines().filter(|l| l.starts_with('│')).count();
        assert_eq!(rows, 1 + 4, "{score}");
        assert_eq!(domains.lines().count(), 15 + 4, "{score}");
        assert!(
            score.contains("Vulnerabilities") || score.contains("Vulnerabilit…"),
            "{score}"
        );
        assert!(
            list.contains("jsp-manufacturer") && list.contains("jsp-provider"),
            "{list}"
        );
        for id in ["gov-2a", "vuln-3a", "des-3f"] {
            assert!(show.contains(id), "{id} at {width}");
        }
    }
}

/// Ctrl-C at the first metadata prompt of a new file: nothing was written, and it says so.
#[test]
fn ctrl_c_before_any_answer_says_nothing_was_saved() {
    let dir = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start(
        dir.path(),
        80,
        &command("assess acme-lite --answers new.yaml"),
    ) else {
        return;
    };
    tmux.wait("Organization: ", 1);
    tmux.keys(&["C-c"]);
    let screen = tmux.wait("EXIT=", 1);
    assert!(screen.contains("EXIT=130"), "{screen}");
    assert!(
        screen.contains("Interrupted. Nothing was saved: new.yaml was not created."),
        "{screen}"
    );
    assert!(!dir.path().join("new.yaml").exists());
}

/// The terminal closes mid-interview: the answers are saved, the exit is 130, nothing panics.
#[test]
fn a_closed_terminal_saves_and_exits_130_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let script = format!(
        "trap '' HUP; env -u COLUMNS NO_COLOR=1 {} --questionnaires {} assess acme-lite --answers a.yaml --org A --subject B --assessor C 2>err.txt; echo \\$? > code.txt",
        env!("CARGO_BIN_EXE_jsp"),
        fixtures().join("questionnaires").display()
    );
    let Some(tmux) = Tmux::start(dir.path(), 80, &format!("sh -c \"{script}\"")) else {
        return;
    };
    wait_saved(dir.path(), "questionnaire: acme-lite");
    tmux.keys(&["all", "Enter"]);
    wait_saved(dir.path(), "gov-2a: all");
    drop(tmux);
    let code = dir.path().join("code.txt");
    let start = Instant::now();
    while !std::fs::read_to_string(&code).is_ok_and(|c| c.ends_with('\n')) {
        assert!(start.elapsed() < Duration::from_secs(20), "jsp never ended");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(std::fs::read_to_string(&code).unwrap().trim(), "130");
    let err = std::fs::read_to_string(dir.path().join("err.txt")).unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(saved(dir.path()).contains("gov-2a: all"));
}

/// SIGTERM while the line editor holds the terminal in raw mode: the answers are saved, the exit
/// is 130, and the shell gets its terminal back with echo and line editing on.
#[test]
fn sigterm_mid_answer_gives_the_terminal_back_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let Some(tmux) = Tmux::start(
        dir.path(),
        80,
        &format!(
            "{}; stty -a | tr -s ' ;' '\\n\\n' | grep -xE -- '-?(echo|icanon)' | tr '\\n' ' '; sleep 600",
            command("assess acme-lite --answers a.yaml --org A --subject B --assessor C")
                .trim_end_matches("; sleep 600")
        ),
    ) else {
        return;
    };
    tmux.keys(&["all", "Enter"]);
    wait_saved(dir.path(), "gov-2a: all");
    // The next question is being read, in raw mode; the pane's shell runs jsp as its child.
    std::thread::sleep(Duration::from_millis(300));
    let pane = Command::new("tmux")
        .args(["-L", &tmux.socket, "list-panes", "-F", "#{pane_pid}"])
        .output()
        .unwrap();
    let shell = String::from_utf8(pane.stdout).unwrap().trim().to_string();
    let status = Command::new("pkill")
        .args(["-TERM", "-P", &shell, "-x", "jsp"])
        .status()
        .unwrap();
    assert!(status.success(), "no jsp below the pane's shell {shell}");
    let screen = tmux.wait("EXIT=", 1);
    assert!(screen.contains("EXIT=130"), "{screen}");
    let modes = tmux.wait("echo", 1);
    assert!(
        modes.contains("echo icanon") || modes.contains("icanon echo"),
        "the terminal was left raw:\n{modes}"
    );
    assert!(saved(dir.path()).contains("gov-2a: all"));
}
