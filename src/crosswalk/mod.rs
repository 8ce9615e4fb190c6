//! The crosswalk: a questionnaire's question references grouped by standard and clause, so
//! that a reviewer can see how a program covers the standards they cite.
//!
//! A reference is split into (standard, clause) by one rule: a known standard's prefix when it
//! starts the reference (the shipped questionnaires cite with one fixed prefix per source), else
//! the text before `: `, else the text before the first clause-like token. Pure: no files, no
//! printing.

pub mod render;

use std::cmp::Ordering;

use crate::answers::Answers;
use crate::questionnaire::{Question, Questionnaire};
use crate::scoring::{self, Status};
use crate::standards::StandardFile;

/// Standards cited by the shipped questionnaires, in the order a crosswalk lists them: the
/// prefix a reference starts with, and the standard's name for a reader.
const KNOWN: &[(&str, &str)] = &[
    ("JSP2", "HSCC Joint Security Plan, second edition (2024)"),
    ("JSP 2019", "HSCC Joint Security Plan (2019)"),
    ("FD&C Act", "Federal Food, Drug, and Cosmetic Act"),
    (
        "FDA premarket 2023",
        "FDA, Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket Submissions (2023)",
    ),
    (
        "FDA premarket 2025",
        "FDA, Cybersecurity in Medical Devices: Quality System Considerations and Content of Premarket Submissions (June 2025)",
    ),
    (
        "FDA postmarket 2016",
        "FDA, Postmarket Management of Cybersecurity in Medical Devices (2016)",
    ),
    (
        "21 CFR 820",
        "21 CFR Part 820, Quality Management System Regulation",
    ),
    ("21 CFR 803", "21 CFR Part 803, Medical Device Reporting"),
    (
        "ISO 13485",
        "ISO 13485:2016, Medical devices: quality management systems, requirements for regulatory purposes",
    ),
    (
        "EU MDR",
        "Regulation (EU) 2017/745 on medical devices (MDR)",
    ),
    (
        "MDCG 2019-16",
        "MDCG 2019-16, Guidance on cybersecurity for medical devices",
    ),
    (
        "IEC 81001-5-1",
        "IEC 81001-5-1, Health software and health IT systems safety, effectiveness and security: activities in the product life cycle",
    ),
    (
        "IEC 62443-4-1",
        "IEC 62443-4-1, Secure product development lifecycle requirements",
    ),
    (
        "IEC 80001-1",
        "IEC 80001-1, Safety, effectiveness and security in the implementation and use of connected medical devices or connected health software",
    ),
    (
        "ISO 14971",
        "ISO 14971, Application of risk management to medical devices",
    ),
    (
        "AAMI TIR57",
        "AAMI TIR57, Principles for medical device security: risk management",
    ),
    (
        "AAMI SW96",
        "ANSI/AAMI SW96, Security risk management for device manufacturers",
    ),
    (
        "AAMI TIR97",
        "AAMI TIR97, Principles for medical device security: postmarket risk management for device manufacturers",
    ),
    ("ISO/IEC 29147", "ISO/IEC 29147, Vulnerability disclosure"),
    (
        "ISO/IEC 30111",
        "ISO/IEC 30111, Vulnerability handling processes",
    ),
    ("NIST CSF 2.0", "NIST Cybersecurity Framework 2.0"),
    (
        "HICP 2023",
        "HHS 405(d) Health Industry Cybersecurity Practices (2023)",
    ),
    (
        "HPH CPG essential",
        "HHS Healthcare and Public Health Cybersecurity Performance Goals (2024), essential goals",
    ),
    (
        "HPH CPG enhanced",
        "HHS Healthcare and Public Health Cybersecurity Performance Goals (2024), enhanced goals",
    ),
    (
        "MDS2 (ANSI/NEMA HN 1-2019)",
        "Manufacturer Disclosure Statement for Medical Device Security (ANSI/NEMA HN 1-2019)",
    ),
    (
        "HSCC MC2",
        "HSCC Model Contract-language for Medtech Cybersecurity",
    ),
    (
        "HSCC HIC-MaLTS",
        "HSCC Health Industry Cybersecurity: Managing Legacy Technology Security",
    ),
];

/// A reference split in two; `clause` is empty when the whole standard is cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub standard: String,
    pub clause: String,
}

/// Splits a reference into standard and clause.
pub fn split(reference: &str) -> Citation {
    let reference = reference.trim();
    let citation = |standard: &str, clause: &str| Citation {
        standard: standard.trim().to_string(),
        clause: clause.trim().trim_start_matches(':').trim().to_string(),
    };
    // The longest known prefix that ends at a word boundary.
    let known = KNOWN
        .iter()
        .filter(|(prefix, _)| {
            reference.strip_prefix(prefix).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with(' ') || rest.starts_with(':')
            })
        })
        .max_by_key(|(prefix, _)| prefix.len());
    if let Some((prefix, _)) = known {
        return citation(prefix, reference.get(prefix.len()..).unwrap_or_default());
    }
    if let Some((standard, clause)) = reference.split_once(": ") {
        return citation(standard, clause);
    }
    let words: Vec<&str> = reference.split(' ').collect();
    let clause_starts = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, word)| is_clause_like(word))
        .map(|(index, _)| index);
    match clause_starts {
        Some(index) => citation(
            &words.get(..index).unwrap_or_default().join(" "),
            &words.get(index..).unwrap_or_default().join(" "),
        ),
        None => citation(reference, ""),
    }
}

/// A word that names a clause rather than a standard: `5.7.4`, `164.308(a)`, `§3`, `A.5.1`,
/// `AC-2`, `CC6.1`, or a Roman section number such as `VII`. Plain numbers and numbers with
/// hyphens (`13485`, `800-53`, `2023`) are standard numbers, not clauses.
fn is_clause_like(word: &str) -> bool {
    let has_digit = word.chars().any(|c| c.is_ascii_digit());
    let starts_with_letter = word.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    word.contains(['.', '(', '§'])
        || (starts_with_letter && has_digit)
        || roman(word.split('.').next().unwrap_or_default()).is_some()
}

/// The value of a Roman numeral up to 39 (the section numbers of guidance documents).
fn roman(word: &str) -> Option<u32> {
    const NUMERALS: [&str; 39] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI",
        "XXVII", "XXVIII", "XXIX", "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI",
        "XXXVII", "XXXVIII", "XXXIX",
    ];
    NUMERALS
        .iter()
        .position(|n| *n == word)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// A standard's name for a reader, when it is a known one.
pub fn title(standard: &str) -> Option<&'static str> {
    KNOWN
        .iter()
        .find(|(prefix, _)| *prefix == standard)
        .map(|(_, title)| *title)
}

/// How many of a clause's questions are met, out of those that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    pub met: usize,
    pub applicable: usize,
}

#[derive(Debug, Clone)]
pub struct Clause<'q> {
    /// Empty when the standard is cited as a whole.
    pub clause: String,
    pub questions: Vec<&'q Question>,
    /// With an answers file.
    pub coverage: Option<Coverage>,
    /// The clause's topic, from the standard's file.
    pub topic: Option<String>,
    /// Cited by no question itself, but some of its sub-clauses are (`5.7` by `5.7.1`).
    pub through_subclauses: bool,
}

impl Clause<'_> {
    /// Listed in the standard's file and cited by no question, nor any of its sub-clauses.
    pub fn uncovered(&self) -> bool {
        self.questions.is_empty() && !self.through_subclauses
    }
}

#[derive(Debug, Clone)]
pub struct Standard<'q> {
    pub standard: String,
    pub title: Option<&'static str>,
    pub clauses: Vec<Clause<'q>>,
    /// True when a standard file lists its clauses: every one of them is shown, covered or not.
    pub listed: bool,
}

/// Every standard the questions cite, known ones in a fixed order and then the others by name;
/// clauses in natural order (`SM-2` before `SM-10`, `VI` before `IX`); questions in
/// questionnaire order, each once per clause.
pub fn crosswalk<'q>(
    questionnaire: &'q Questionnaire,
    answers: Option<&Answers>,
) -> Vec<Standard<'q>> {
    let mut standards: Vec<Standard<'q>> = Vec::new();
    for (_, question) in questionnaire.questions() {
        for reference in &question.references {
            let Citation { standard, clause } = split(reference);
            let index = match standards.iter().position(|s| s.standard == standard) {
                Some(index) => index,
                None => {
                    standards.push(Standard {
                        title: title(&standard),
                        standard,
                        clauses: Vec::new(),
                        listed: false,
                    });
                    standards.len() - 1
                }
            };
            let Some(entry) = standards.get_mut(index) else {
                continue;
            };
            match entry.clauses.iter_mut().find(|c| c.clause == clause) {
                Some(found) if found.questions.iter().any(|q| q.id == question.id) => {}
                Some(found) => found.questions.push(question),
                None => entry.clauses.push(Clause {
                    clause,
                    questions: vec![question],
                    coverage: None,
                    topic: None,
                    through_subclauses: false,
                }),
            }
        }
    }
    for standard in &mut standards {
        standard
            .clauses
            .sort_by(|a, b| natural(&a.clause, &b.clause));
        if let Some(answers) = answers {
            for clause in &mut standard.clauses {
                let statuses: Vec<Status> = clause
                    .questions
                    .iter()
                    .map(|q| scoring::status(questionnaire, answers, q))
                    .collect();
                clause.coverage = Some(Coverage {
                    met: statuses.iter().filter(|s| s.is_met()).count(),
                    applicable: statuses
                        .iter()
                        .filter(|s| **s != Status::NotApplicable)
                        .count(),
                });
            }
        }
    }
    standards.sort_by(|a, b| {
        let rank = |s: &Standard| KNOWN.iter().position(|(p, _)| *p == s.standard);
        match (rank(a), rank(b)) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => a.standard.cmp(&b.standard),
        }
    });
    standards
}

/// The crosswalk with every clause of each cited standard that has a file: the file's clauses
/// in its order with their topics, a clause no question cites among them with no questions
/// (and, with answers, 0 of 0 met); then any clause the questions cite that the file lacks.
pub fn with_files<'q>(
    mut standards: Vec<Standard<'q>>,
    files: &[StandardFile],
    answered: bool,
) -> Vec<Standard<'q>> {
    for standard in &mut standards {
        let Some(file) = files.iter().find(|f| f.standard == standard.standard) else {
            continue;
        };
        standard.listed = true;
        let mut cited = std::mem::take(&mut standard.clauses);
        // A citation of the whole standard stays first.
        let (whole, rest): (Vec<Clause<'q>>, Vec<Clause<'q>>) =
            cited.drain(..).partition(|c| c.clause.is_empty());
        let mut rest = rest;
        let mut clauses = whole;
        for entry in &file.clauses {
            let clause = match rest.iter().position(|c| c.clause == entry.id) {
                Some(index) => rest.remove(index),
                None => Clause {
                    clause: entry.id.clone(),
                    questions: Vec::new(),
                    coverage: answered.then_some(Coverage {
                        met: 0,
                        applicable: 0,
                    }),
                    topic: None,
                    through_subclauses: false,
                },
            };
            clauses.push(Clause {
                topic: Some(entry.topic.clone()),
                ..clause
            });
        }
        clauses.extend(rest);
        let cited: Vec<String> = clauses
            .iter()
            .filter(|c| !c.questions.is_empty())
            .map(|c| c.clause.clone())
            .collect();
        for clause in clauses.iter_mut().filter(|c| c.questions.is_empty()) {
            clause.through_subclauses = cited.iter().any(|id| is_subclause(id, &clause.clause));
        }
        standard.clauses = clauses;
    }
    standards
}

/// `5.7.1` of `5.7`, `524B(b)(1)` of `524B(b)`; never of the whole standard.
fn is_subclause(id: &str, of: &str) -> bool {
    !of.is_empty()
        && id
            .strip_prefix(of)
            .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('('))
}

/// One piece of a clause for sorting: numbers by value, a leading Roman numeral by value.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Piece<'a> {
    Number(u64),
    Text(&'a str),
}

fn pieces(clause: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = clause;
    while let Some(first) = rest.chars().next() {
        let digits = first.is_ascii_digit();
        let end = rest
            .find(|c: char| c.is_ascii_digit() != digits || (!digits && !c.is_alphanumeric()))
            .unwrap_or(rest.len())
            .max(first.len_utf8());
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        if digits {
            out.push(Piece::Number(piece.parse().unwrap_or(u64::MAX)));
        } else if !piece.chars().all(|c| !c.is_alphanumeric()) {
            // A Roman section number stands alone or before a `.` (`VII`, `V.A.2`); `IR-4`,
            // `V-1` or `IA` are letters like `AC-2`.
            let section = rest.is_empty() || rest.starts_with('.');
            match (out.is_empty() && section, roman(piece)) {
                (true, Some(value)) => out.push(Piece::Number(u64::from(value))),
                _ => out.push(Piece::Text(piece)),
            }
        }
    }
    out
}

fn natural(a: &str, b: &str) -> Ordering {
    pieces(a).cmp(&pieces(b)).then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn shipped() -> Vec<Questionnaire> {
        [
            include_str!("../../questionnaires/jsp-manufacturer.yaml"),
            include_str!("../../questionnaires/jsp-provider.yaml"),
        ]
        .iter()
        .map(|text| Questionnaire::parse(text, Path::new("q.yaml")).unwrap().0)
        .collect()
    }

    fn pair(reference: &str) -> (String, String) {
        let c = split(reference);
        (c.standard, c.clause)
    }

    #[test]
    fn every_shipped_reference_splits_into_a_known_standard_and_its_clause() {
        let mut seen = 0;
        for questionnaire in shipped() {
            let domains = questionnaire.domains.iter().flat_map(|d| &d.references);
            let questions = questionnaire.questions().flat_map(|(_, q)| &q.references);
            for reference in domains.chain(questions) {
                seen += 1;
                let Citation { standard, clause } = split(reference);
                assert!(title(&standard).is_some(), "{reference}: `{standard}`");
                let joined = if clause.is_empty() {
                    standard.clone()
                } else if reference.contains(&format!("{standard}: ")) {
                    format!("{standard}: {clause}")
                } else {
                    format!("{standard} {clause}")
                };
                assert_eq!(joined, reference.trim(), "nothing is lost or added");
            }
        }
        assert!(seen > 500, "{seen}");
    }

    #[test]
    fn shipped_citation_styles_split_where_a_reader_would() {
        for (reference, standard, clause) in [
            (
                "JSP2 E.1: verify security controls",
                "JSP2",
                "E.1: verify security controls",
            ),
            (
                "JSP2 Maintenance: vulnerability management",
                "JSP2",
                "Maintenance: vulnerability management",
            ),
            ("JSP 2019: risk management", "JSP 2019", "risk management"),
            ("FDA premarket 2023 V.A.1", "FDA premarket 2023", "V.A.1"),
            ("FDA postmarket 2016 VII.B", "FDA postmarket 2016", "VII.B"),
            ("FD&C Act 524B(b)(1)", "FD&C Act", "524B(b)(1)"),
            ("IEC 81001-5-1 5.7.4", "IEC 81001-5-1", "5.7.4"),
            ("IEC 81001-5-1", "IEC 81001-5-1", ""),
            ("IEC 62443-4-1 SVV-3", "IEC 62443-4-1", "SVV-3"),
            ("AAMI TIR57", "AAMI TIR57", ""),
            ("ISO 14971 10", "ISO 14971", "10"),
            ("NIST CSF 2.0 GV.RM", "NIST CSF 2.0", "GV.RM"),
            ("HICP 2023 practice 9", "HICP 2023", "practice 9"),
            (
                "MDS2 (ANSI/NEMA HN 1-2019)",
                "MDS2 (ANSI/NEMA HN 1-2019)",
                "",
            ),
            ("HSCC HIC-MaLTS", "HSCC HIC-MaLTS", ""),
            ("ISO/IEC 29147", "ISO/IEC 29147", ""),
            ("21 CFR 820", "21 CFR 820", ""),
        ] {
            assert_eq!(
                pair(reference),
                (standard.into(), clause.into()),
                "{reference}"
            );
        }
    }

    #[test]
    fn unknown_standards_split_before_the_first_clause_like_word() {
        for (reference, standard, clause) in [
            ("ISO 27001 A.5.1", "ISO 27001", "A.5.1"),
            ("HIPAA 164.308(a)(1)", "HIPAA", "164.308(a)(1)"),
            ("SOC 2 CC6.1", "SOC 2", "CC6.1"),
            ("NIST SP 800-53 AC-2", "NIST SP 800-53", "AC-2"),
            ("ISO 13485", "ISO 13485", ""),
            ("Company policy: passwords", "Company policy", "passwords"),
            ("JSP2X 4.1", "JSP2X", "4.1"),
            ("  ", "", ""),
        ] {
            assert_eq!(
                pair(reference),
                (standard.into(), clause.into()),
                "{reference}"
            );
        }
    }

    #[test]
    fn clauses_sort_naturally() {
        let sorted = |mut clauses: Vec<&'static str>| {
            clauses.sort_by(|a, b| natural(a, b));
            clauses
        };
        assert_eq!(
            sorted(vec!["5.10", "5.7.4", "", "10", "4"]),
            ["", "4", "5.7.4", "5.10", "10"]
        );
        assert_eq!(
            sorted(vec!["IX", "VI.A", "V.A.2", "V", "App.1"]),
            ["V", "V.A.2", "VI.A", "IX", "App.1"]
        );
        assert_eq!(
            sorted(vec!["SM-10", "SM-2", "DM-1"]),
            ["DM-1", "SM-2", "SM-10"]
        );
        // Control ids that begin with I or V are letters, not Roman numerals.
        assert_eq!(
            sorted(vec!["V-1", "IR-4", "AC-2", "I-3", "IA-2"]),
            ["AC-2", "I-3", "IA-2", "IR-4", "V-1"]
        );
    }

    #[test]
    fn the_crosswalk_groups_questions_and_counts_the_met_ones() {
        let questionnaire = &shipped()[0];
        let mut answers = Answers {
            questionnaire: questionnaire.id.clone(),
            ..Answers::default()
        };
        answers
            .answers
            .insert("gov-2a".into(), crate::answers::Answer::new("full", None));
        let walk = crosswalk(questionnaire, Some(&answers));
        assert_eq!(walk[0].standard, "JSP2");
        let jsp2019 = walk.iter().find(|s| s.standard == "JSP 2019").unwrap();
        let org = jsp2019
            .clauses
            .iter()
            .find(|c| c.clause == "organizational structure")
            .unwrap();
        assert_eq!(org.questions[0].id, "gov-2a");
        let coverage = org.coverage.unwrap();
        assert_eq!(coverage.met, 1);
        assert_eq!(coverage.applicable, org.questions.len());
        assert!(
            crosswalk(questionnaire, None)[0].clauses[0]
                .coverage
                .is_none()
        );
    }
}
