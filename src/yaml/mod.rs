//! Every use of the YAML libraries lives here, so that they can be swapped in one place.
//!
//! Files are read with serde-saphyr: serde on its own parser (granit-parser), with the limits
//! below enforced as budgets on that parser's events while the value is deserialised. No
//! pre-scan guesses at the grammar: what is counted is what the parser reads, so no input can
//! be read one way by the check and another by the parser. Nesting is refused at the first
//! event past [`MAX_DEPTH`], aliases at the first alias event, so the cost of a hostile file is
//! that of parsing up to the fault. Every error is located: serde-saphyr gives line and column;
//! where the message needs more (the path of the value, what was found, where a duplicate key
//! or an unclosed bracket was first given) the same parser walks the text up to that place,
//! and only then (`locate`). Files are written with yaml_serde, as before (see `to_string`).

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;

use crate::error::Problem;

pub mod events;
mod locate;

use locate::locate;

/// Deeper nesting is refused. A questionnaire nests six levels deep (domains, questions, their
/// references).
pub const MAX_DEPTH: usize = 64;
/// Values (scalars, lists and maps) in one file. The largest valid files are far below it: a
/// questionnaire of 10,000 questions (the limit) is about 100,000 values, an answers file to it
/// at most about 130,000. 8 MiB of `id: x` lines would be 930,000, and 220 MB to read.
pub const MAX_NODES: usize = 250_000;
/// Bytes of text in all values together: the file limit (aliases are refused, so no value is
/// ever copied), with room for the escapes a quoted scalar may expand.
pub const MAX_SCALAR_BYTES: usize = 8 * 1024 * 1024 + 1024;

const DEEP_HINT: &str =
    "no jsp file nests more than a few levels: check that this is the file you meant";
const SYNTAX_HINT: &str =
    "a YAML syntax error: check the indentation, quotes and brackets here and on the lines above";

/// The reader's options: YAML 1.2 booleans only (`yes`, `no`, `on` are text, as they were with
/// serde_yaml: `no` is an option id of many scales), duplicate keys refused by the reader (at
/// the second key, in every map), merge keys (`<<`) plain keys, and the budgets.
pub fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    // The parser's own cap on open `[`/`{`, which it reaches while looking ahead for a key.
    budget.flow_nesting_limit = MAX_DEPTH;
    budget.max_aliases = 0;
    budget.max_anchors = 10_000;
    budget.max_nodes = MAX_NODES;
    budget.max_events = 3 * MAX_NODES;
    budget.max_documents = 2;
    budget.max_total_scalar_bytes = MAX_SCALAR_BYTES;
    budget.max_merge_keys = 0;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.strict_booleans = true;
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.merge_keys = serde_saphyr::MergeKeyPolicy::AsOrdinary;
    options.with_snippet = false;
    options
}

/// The parser as serde-saphyr configures it for these budgets (`Budget::parser_options`), for
/// the walks that read the same events by hand.
fn parser_options() -> granit_parser::Options {
    let mut options = granit_parser::Options::default();
    options.flow_nesting_limit = MAX_DEPTH;
    options.block_nesting_limit = options.block_nesting_limit.max(MAX_DEPTH + 1);
    options.emit_comments = false;
    options
}

/// Parses `text` into `T`, turning the parser's error into a [`Problem`] with its line and
/// column and a hint how to fix it. Deep nesting, aliases and oversized input are refused by
/// the parser's budgets (see [`options`]).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Problem> {
    if is_empty(text) {
        return Err(Problem::new("the file is empty").hint("see the README for the file format"));
    }
    serde_saphyr::from_str_with_options(text, options()).map_err(|error| problem_from(&error, text))
}

/// Writing stays on yaml_serde: files `jsp assess` writes keep today's style byte for byte
/// (serde-saphyr's writer double-quotes `"1.0"`, `"no"` and dates where yaml_serde writes
/// `'1.0'`, `no`, `2026-06-25`), and writing needs no limits. Both read back the same.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|error| error.to_string())
}

/// Nothing but blank lines, comments and document markers (any line break: LF, CRLF or CR).
fn is_empty(text: &str) -> bool {
    text.split(['\n', '\r']).all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

fn problem_from(error: &serde_saphyr::Error, text: &str) -> Problem {
    use serde_saphyr::Error as E;
    let location = error.location();
    let mut line = location.map(|l| l.line() as usize).filter(|l| *l > 0);
    let mut column = location.map(|l| l.column() as usize).filter(|c| *c > 0);
    let (l, c) = (line.unwrap_or(0), column.unwrap_or(0));
    let place = || locate(text, l, c, None);
    // A type error: described at the value, which serde-saphyr may place at its key.
    let mut value_place = |unexpected: &str| {
        let want = if unexpected == "any" {
            "any"
        } else if unexpected.starts_with("sequence") {
            "sequence"
        } else if unexpected.starts_with("map") {
            "map"
        } else {
            "scalar"
        };
        let place = locate(text, l, c, Some(want));
        if let Some((l, c)) = place.at {
            (line, column) = (Some(l), Some(c));
        }
        place
    };
    let (message, hint) = match error {
        E::Budget { breach, .. } => budget_words(breach),
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => {
            let at = value_place(unexpected);
            at.plain(&format!("invalid type: {unexpected}, expected {expected}"))
        }
        E::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => value_place(unexpected)
            .plain(&format!("invalid value: {unexpected}, expected {expected}")),
        E::Unexpected { expected, .. } => {
            let at = value_place("any");
            let expected = match *expected {
                "sequence start" => "a sequence",
                "mapping start" => "struct map",
                "string scalar" => "a string",
                other => other,
            };
            at.plain(&format!("invalid type: {}, expected {expected}", at.found))
        }
        E::InvalidScalar { ty, .. } => {
            let at = value_place("scalar");
            let ty = match *ty {
                "floating point" => "f64",
                "unsigned integer" => "u64",
                other => other,
            };
            at.plain(&format!("invalid type: {}, expected {ty}", at.found))
        }
        E::InvalidBooleanStrict { .. } => {
            let at = value_place("scalar");
            at.plain(&format!("invalid type: {}, expected a boolean", at.found))
        }
        E::NullIntoString { .. } => {
            let at = value_place("scalar");
            at.plain("invalid type: unit value, expected a string")
        }
        E::SerdeUnknownField {
            field, expected, ..
        } => {
            let known: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
            place().plain(&format!(
                "unknown field `{field}`, expected {}",
                known.join(", ")
            ))
        }
        E::SerdeMissingField { field, .. } => {
            // serde-saphyr places it at the map's end; point at the map's start, as before.
            let at = place();
            if let Some((l, c)) = at.map_start {
                (line, column) = (Some(l), Some(c));
            }
            at.plain(&format!("missing field `{field}`"))
        }
        E::DuplicateMappingKey { key, .. } => {
            let at = place();
            let key = key.clone().unwrap_or_default();
            let hint = match at.first_key_line(&key) {
                Some(first) => format!("keep one of them: `{key}` is first given on line {first}"),
                None => "keep one of them".to_string(),
            };
            // The answers map words it as `unique_answers` did under serde_yaml.
            let message = if at.path == "answers" {
                format!("answers: question `{key}` is answered twice")
            } else {
                format!("{}`{key}` is given twice", at.prefix())
            };
            (message, Some(hint))
        }
        E::Message { msg, .. } | E::HookError { msg, .. } => {
            let is_type = msg.starts_with("invalid type: ") || msg.starts_with("invalid value: ");
            let found = msg.split_once(": ").map_or("", |(_, rest)| rest);
            let at = if is_type { value_place(found) } else { place() };
            let (message, mut hint) = at.plain(msg);
            // `duplicate field` (derive) and `is answered twice` (unique_answers): name the
            // first of the two.
            if let Some(key) = duplicate_key(&message)
                && let Some(first) = at.first_key_line(key)
            {
                hint = Some(format!(
                    "keep one of them: `{key}` is first given on line {first}"
                ));
            }
            (message, hint)
        }
        E::ExternalMessage { msg, .. } => {
            // The parser's own words: "while parsing a flow mapping, did not find expected ','
            // or '}'". Keep them, with the line where that collection started.
            if msg.starts_with("recursion limit exceeded") {
                // The parser's own flow-nesting cap (`flow_nesting_limit`), hit while it looks
                // ahead for a key: the same limit as the depth budget, in the same words.
                return budget_problem(
                    &BudgetBreach::Depth {
                        depth: MAX_DEPTH + 1,
                    },
                    line,
                    column,
                );
            }
            let at = place();
            let message = match msg.split_once(", ") {
                Some((context, rest)) if context.starts_with("while ") => match at.open_start {
                    Some(start) => format!("{rest} ({context} that starts on line {start})"),
                    None => format!("{rest} ({context})"),
                },
                _ => match at.open_flow {
                    Some((start, true)) => {
                        format!("{msg} (inside the list that starts on line {start})")
                    }
                    Some((start, false)) => {
                        format!("{msg} (inside the map that starts on line {start})")
                    }
                    None => msg.clone(),
                },
            };
            let message = message.replacen(
                "found a tab ",
                "found a tab character that violates indentation ",
                1,
            );
            if message.starts_with("found a tab")
                && let Some((l, c)) = tab_after(text, l, c)
            {
                (line, column) = (Some(l), Some(c));
            }
            (message, Some(SYNTAX_HINT.to_string()))
        }
        E::MultipleDocuments { .. } => (
            "the file holds more than one YAML document".to_string(),
            Some("a jsp file is one document: remove the `---` line and what follows".to_string()),
        ),
        E::UnknownAnchor { .. } => budget_words(&BudgetBreach::Aliases { aliases: 1 }),
        E::Eof { .. } => (
            "the file ends in the middle of a value".to_string(),
            Some(SYNTAX_HINT.to_string()),
        ),
        other => (
            other.without_snippet().to_string(),
            Some(SYNTAX_HINT.to_string()),
        ),
    };
    let message = strip_location(&message);
    let hint = hint.or_else(|| (!message.contains(": ")).then(|| SYNTAX_HINT.to_string()));
    Problem {
        line,
        column,
        message,
        hint,
    }
}

fn budget_problem(breach: &BudgetBreach, line: Option<usize>, column: Option<usize>) -> Problem {
    let (message, hint) = budget_words(breach);
    Problem {
        line,
        column,
        message,
        hint,
    }
}

/// The first tab at or after `line`, `column` (1-based), within three lines: the parser reports
/// a tab that breaks indentation at the end of the scalar before it.
fn tab_after(text: &str, line: usize, column: usize) -> Option<(usize, usize)> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let first = line.checked_sub(1)?;
    for (index, source) in text.split('\n').enumerate().skip(first).take(3) {
        let from = if index == first {
            column.saturating_sub(1)
        } else {
            0
        };
        if let Some(at) = source.chars().skip(from).position(|ch| ch == '\t') {
            return Some((index + 1, from + at + 1));
        }
    }
    None
}

fn budget_words(breach: &BudgetBreach) -> (String, Option<String>) {
    let (message, hint) = match breach {
        BudgetBreach::Aliases { .. } | BudgetBreach::AliasAnchorRatio { .. } => (
            "YAML aliases (`*name`) are not allowed in jsp files".to_string(),
            "write the value out in full: an alias can make a small file expand to gigabytes",
        ),
        BudgetBreach::Depth { .. } => (
            format!("the YAML nests deeper than the limit of {MAX_DEPTH} levels"),
            DEEP_HINT,
        ),
        BudgetBreach::Nodes { .. } | BudgetBreach::Events { .. } => (
            format!("the file holds more than {MAX_NODES} values, the limit"),
            "check that this is the file you meant",
        ),
        BudgetBreach::ScalarBytes { .. } => (
            "the file's text values are longer than the limit of 8 MiB".to_string(),
            "check that this is the file you meant",
        ),
        BudgetBreach::Documents { .. } => (
            "the file holds more than one YAML document".to_string(),
            "a jsp file is one document: remove the `---` line and what follows",
        ),
        BudgetBreach::Anchors { .. } => (
            "the file defines too many YAML anchors (`&name`)".to_string(),
            "remove the anchors: jsp files do not use them",
        ),
        other => (
            format!("the file is beyond the reader's limits ({other:?})"),
            "check that this is the file you meant",
        ),
    };
    (message, Some(hint.to_string()))
}

/// serde-saphyr appends " at line L, column C" to some messages; the place is given apart.
fn strip_location(message: &str) -> String {
    match message.rsplit_once(" at line ") {
        Some((before, after)) if after.contains(", column ") => before.to_string(),
        _ => message.to_string(),
    }
}

/// The key of a "given twice" message, from serde's derive or from a map that refuses them.
fn duplicate_key(message: &str) -> Option<&str> {
    let (before, _) = message
        .split_once("` is given twice")
        .or_else(|| message.split_once("` is answered twice"))?;
    before.rsplit_once('`').map(|(_, key)| key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use serde::de::IgnoredAny;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct File {
        questionnaire: String,
        #[serde(default)]
        organization: Option<String>,
        #[serde(default)]
        answers: std::collections::BTreeMap<String, Answer>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(untagged)]
    #[allow(dead_code)]
    enum Answer {
        Short(String),
        Long {
            answer: String,
            #[serde(default)]
            note: Option<String>,
            #[serde(default)]
            evidence: Vec<String>,
        },
    }

    const H: &str = "questionnaire: acme-lite\n";

    /// Refused with the given message; the place is returned (how fast is measured by
    /// `benches/hostile.sh`, not here: a test must not depend on the machine's load). The
    /// limits are tested with `IgnoredAny`, which takes any value however nested (the worst
    /// case: jsp's own types refuse most hostile files earlier, at the first wrong type), and
    /// each input is also refused quickly as a jsp-shaped `File`.
    fn refused(text: &str, message: &str) -> (Option<usize>, Option<usize>) {
        let problem = from_str::<IgnoredAny>(text).expect_err("refused");
        let typed = from_str::<File>(text);
        assert!(typed.is_err(), "read as a File");
        assert!(
            problem.message.contains(message),
            "{message:?} not in {problem:?}"
        );
        (problem.line, problem.column)
    }

    const DEEP: &str = "nests deeper than the limit of 64 levels";
    const ALIAS: &str = "YAML aliases (`*name`) are not allowed";

    #[test]
    fn a_million_levels_of_nesting_are_refused_at_the_limit() {
        let m = 1_000_000;
        let flow = format!("{H}answers: {}{}\n", "[".repeat(m), "]".repeat(m));
        assert_eq!(refused(&flow, DEEP), (Some(2), Some(74)));
        refused(&format!("{H}answers: {}\n", "[".repeat(8 << 20)), DEEP);
        refused(
            &format!("{H}answers: {}{}\n", "{a: ".repeat(m), "}".repeat(m)),
            DEEP,
        );
        refused(&format!("{H}answers: {}\n", "{a: [".repeat(m / 2)), DEEP);
        refused(&format!("{H}answers:\n{}x\n", "- ".repeat(m)), DEEP);
        refused(
            &format!("{H}answers:\n{}{}\n", "- ".repeat(m / 2), "[".repeat(m / 2)),
            DEEP,
        );
        // `- a: - a: ...` on one line is not YAML.
        refused(
            &format!("{H}answers:\n{}x\n", "- a: ".repeat(m / 2)),
            "not allowed in this context",
        );
        let indented: String = (0..4000)
            .map(|i| format!("{}a:\n", " ".repeat(i + 1)))
            .collect();
        refused(&format!("{H}answers:\n{indented}"), DEEP);
        let cr = format!("{H}answers:\n{}", "[\n".repeat(m)).replace('\n', "\r");
        refused(&cr, DEEP);
        // `a: a: a: ...` on one line is not YAML at all.
        refused(&format!("{H}answers:\n{}x\n", "a: ".repeat(m)), "");
    }

    #[test]
    fn a_colon_and_a_quote_in_a_flow_list_hide_nothing() {
        let m = 1_000_000;
        let text = format!(
            "{H}answers: {{gov-2a: [x:'y, {}{}]}}\n",
            "[".repeat(m),
            "]".repeat(m)
        );
        refused(&text, DEEP);
        let lines = format!("{H}answers: [a:'b,\n{}", "[\n".repeat(m));
        refused(&lines, DEEP);
    }

    #[test]
    fn aliases_are_refused_in_every_layout_and_line_break() {
        let big = "A".repeat(1 << 20);
        let block = format!(
            "{H}answers:\n  q0:\n    answer: all\n    note: &n {big}\n  q1: {{answer: all, note: *n}}\n"
        );
        assert_eq!(refused(&block, ALIAS), (Some(6), Some(27)));
        let continuation = format!(
            "{H}answers: {{q0: {{answer: all, note: &n {big}}},\nq1: {{answer: all, note:\n*n}},\n}}\n"
        );
        assert_eq!(refused(&continuation, ALIAS), (Some(4), Some(1)));
        refused(&continuation.replace('\n', "\r"), ALIAS);
        refused(&continuation.replace('\n', "\r\n"), ALIAS);
        let laughs = format!(
            "{H}answers:\n a0: &a0 [lol,lol,lol]\n a1: &a1 [*a0,*a0,*a0]\n a2: &a2 [*a1,*a1,*a1]\n"
        );
        refused(&laughs, ALIAS);
        refused(&laughs.replace('\n', "\r"), ALIAS);
        refused(
            &format!("{H}organization: &o x\nanswers: {{*o : all}}\n"),
            ALIAS,
        );
        refused(&format!("{H}organization: *nowhere\n"), ALIAS);
        // As a jsp file, an alias where text belongs is refused as an alias.
        let problem = from_str::<File>(&block).expect_err("alias");
        assert_eq!(
            problem.message,
            "YAML aliases (`*name`) are not allowed in jsp files"
        );
    }

    #[test]
    fn huge_scalars_are_read_and_too_many_values_refused() {
        let big = "a".repeat(8 << 20);
        let file: File = from_str(&format!("{H}organization: {big}\n")).expect("one big text");
        assert_eq!(file.organization.map(|o| o.len()), Some(8 << 20));
        from_str::<File>(&format!("{H}organization: \"{big}\"\n")).expect("quoted");
        let many: String = (0..100_000)
            .map(|i| format!("  zz-{i:06}: all\n"))
            .collect();
        let file: File = from_str(&format!("{H}answers:\n{many}")).expect("many answers");
        assert_eq!(file.answers.len(), 100_000);
        let many: String = (0..400_000)
            .map(|i| format!("  zz-{i:06}: all\n"))
            .collect();
        refused(&format!("{H}answers:\n{many}"), "values, the limit");
        refused(
            &format!("{H}organization: [{}]\n", "a,".repeat(4 << 20)),
            "values, the limit",
        );
        refused(
            &format!("{H}organization: [{}]\n", "{},".repeat(2 << 20)),
            "values, the limit",
        );
        refused(
            &format!("{H}{}", "---\n".repeat(2 << 20)),
            "more than one YAML document",
        );
    }

    #[test]
    fn cr_and_crlf_files_read_as_lf_ones() {
        let text = format!(
            "{H}organization: Acme\nanswers:\n  gov-2a: all\n  gov-3a: {{answer: most, note: \"n\"}}\n"
        );
        for breaks in ["\n", "\r", "\r\n"] {
            let file: File = from_str(&text.replace('\n', breaks)).expect(breaks);
            assert_eq!(file.answers.len(), 2);
            assert_eq!(file.organization.as_deref(), Some("Acme"));
        }
        assert!(is_empty("# only\r# comments\r---\r"));
    }

    #[test]
    fn errors_name_the_path_and_what_was_found() {
        let p = from_str::<File>(&format!("{H}organization: [a, b]\n")).expect_err("list");
        assert_eq!(
            (p.line, p.column, p.message.as_str()),
            (
                Some(2),
                Some(15),
                "organization: found a list, expected text"
            )
        );
        let p = from_str::<File>(&format!("{H}organisation: x\n")).expect_err("unknown");
        assert_eq!(p.message, "unknown key `organisation`");
        assert_eq!(p.hint.as_deref(), Some("did you mean `organization`?"));
        let p =
            from_str::<File>(&format!("{H}organization: a\norganization: b\n")).expect_err("twice");
        assert_eq!(
            (p.line, p.message.as_str()),
            (Some(3), "`organization` is given twice")
        );
        assert_eq!(
            p.hint.as_deref(),
            Some("keep one of them: `organization` is first given on line 2")
        );
    }
}
