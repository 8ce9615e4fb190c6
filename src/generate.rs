//! Synthetic answers files, for benchmarks, tests and demonstrations of portfolios: realistic
//! (a maturity per organization, most of the questions answered, some notes and evidence, `na`
//! where the questionnaire allows it, some questions left open), and the same for the same seed.
//! `cargo run --release --example generate` writes them to a folder.

use std::path::{Path, PathBuf};

use crate::answers::{Answer, Answers};
use crate::error::{Error, Result};
use crate::questionnaire::{NOT_APPLICABLE, Question, Questionnaire};

const ORGANIZATIONS: &[&str] = &[
    "Northwind Medical Systems",
    "Ridgeline Diagnostics",
    "Harbor Infusion Technologies",
    "Bluepeak Imaging",
    "Cedar Valley Health Devices",
    "Lumen Cardiac",
    "Orbital Respiratory Care",
    "Silverline Surgical Robotics",
    "Tidewater Monitoring",
    "Granite Orthopedic Implants",
    "St. Brigid Regional Hospital",
    "Meadowbrook Health Network",
];

const SUBJECTS: &[&str] = &[
    "Infusion pump line",
    "Patient monitoring",
    "Point-of-care analyzers",
    "Imaging workstations",
    "Connectivity gateway",
    "Insulin delivery",
    "Ventilators",
    "Surgical robot platform",
    "Clinical engineering program",
    "Laboratory connectivity software",
];

const ASSESSORS: &[&str] = &[
    "Dana Whitfield",
    "Priya Raman",
    "Tomas Okafor",
    "Mei Lindqvist",
    "Jordan Alvarez",
];

const NOTES: &[&str] = &[
    "Done for the newer products; two legacy lines still lack it.",
    "Procedure approved this year, first audit pending.",
    "Owned by the product security office; evidence in the QMS.",
    "Practised informally; nothing is written down yet.",
    "Planned for next budget cycle.",
    "Covered by the supplier agreement template since last year.",
    "Metrics are collected but no targets are set.",
    "Reviewed quarterly by the security steering group.",
];

const NA_NOTES: &[&str] = &[
    "The products have no network or wireless interface.",
    "No third-party software components in the assessed products.",
    "Handled by the parent company under its own program.",
];

const EVIDENCE: &[&str] = &[
    "SOP-PS-002 rev D",
    "https://qms.example/policies/product-security",
    "Internal audit report IA-2026-07",
    "Management review minutes Q3",
];

/// A small, fast generator (splitmix64): reproducible on every platform, no dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let index = (self.next_u64() % items.len().max(1) as u64) as usize;
        items.get(index).copied().unwrap_or_default()
    }
}

/// The `index`-th assessment of a portfolio made from `seed`: each one depends only on the two,
/// so that any file can be made again on its own.
pub fn assessment(questionnaire: &Questionnaire, seed: u64, index: usize) -> Answers {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    let base = f64::from(questionnaire.base_level());
    let top = f64::from(questionnaire.top_level());
    // Most programs sit between levels 2 and 3; a few are far ahead or just starting.
    let maturity = base + (top - base) * (rng.unit() + rng.unit() + rng.unit()) / 3.0;
    let organization = rng.pick(ORGANIZATIONS);
    let mut answers = Answers {
        questionnaire: questionnaire.id.clone(),
        version: Some(questionnaire.version.clone()),
        organization: Some(organization.to_string()),
        subject: Some(format!("{} #{}", rng.pick(SUBJECTS), index + 1)),
        assessor: Some(rng.pick(ASSESSORS).to_string()),
        date: Some(format!(
            "2026-{:02}-{:02}",
            1 + rng.next_u64() % 12,
            1 + rng.next_u64() % 28
        )),
        answers: Default::default(),
    };
    for (_, question) in questionnaire.questions() {
        if let Some(answer) = answer(questionnaire, question, maturity, &mut rng) {
            answers.answers.insert(question.id.clone(), answer);
        }
    }
    answers
}

/// One question's answer, or none: about one in five is left open, more at the upper levels.
fn answer(
    questionnaire: &Questionnaire,
    question: &Question,
    maturity: f64,
    rng: &mut Rng,
) -> Option<Answer> {
    let above_base = f64::from(question.level) - f64::from(questionnaire.base_level());
    if rng.chance(0.06 + 0.04 * above_base) {
        return None;
    }
    if question.na && rng.chance(0.15) {
        return Some(Answer::new(
            NOT_APPLICABLE,
            Some(rng.pick(NA_NOTES).to_string()),
        ));
    }
    // The further a level is above the organization's maturity, the less likely it is met.
    let met = rng.chance(1.0 / (1.0 + (1.8 * (f64::from(question.level) - maturity)).exp()));
    let mut options: Vec<_> = questionnaire.scale_of(question).iter().collect();
    options.sort_by(|a, b| a.value.total_cmp(&b.value));
    let (below, reached): (Vec<_>, Vec<_>) = options
        .into_iter()
        .partition(|o| o.value < questionnaire.met_at);
    let pool = if met || below.is_empty() {
        reached
    } else {
        below
    };
    let ids: Vec<&str> = pool.iter().map(|o| o.id.as_str()).collect();
    let choice = rng.pick(&ids);
    let note = rng.chance(0.25).then(|| rng.pick(NOTES).to_string());
    let mut answer = Answer::new(choice, note);
    if rng.chance(0.1) {
        answer
            .evidence
            .push(crate::answers::Evidence::plain(rng.pick(EVIDENCE)));
    }
    Some(answer)
}

/// Where the `index`-th file goes: a folder per organization, as a consultant would keep them.
pub fn file_name(answers: &Answers, index: usize) -> PathBuf {
    let folder: String = answers
        .organization
        .as_deref()
        .unwrap_or("unknown")
        .chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            ' ' | '-' => Some('-'),
            _ => None,
        })
        .collect();
    Path::new(&folder).join(format!("assessment-{:05}.yaml", index + 1))
}

/// Writes `count` assessments under `dir`; the paths of the files written, in order.
pub fn write_portfolio(
    questionnaire: &Questionnaire,
    dir: &Path,
    count: usize,
    seed: u64,
) -> Result<Vec<PathBuf>> {
    let mut written = Vec::with_capacity(count);
    for index in 0..count {
        let answers = assessment(questionnaire, seed, index);
        let path = dir.join(file_name(&answers, index));
        let write_error = |source| Error::Write {
            path: path.clone(),
            source,
        };
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(write_error)?;
        }
        let text = answers
            .to_yaml(questionnaire)
            .map_err(|message| write_error(std::io::Error::other(message)))?;
        // Plain writes: thousands of generated files need no atomic replace or sync to disk.
        std::fs::write(&path, text).map_err(write_error)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    fn manufacturer() -> Questionnaire {
        Catalog::default()
            .find("jsp-manufacturer", &mut Vec::new())
            .unwrap()
            .questionnaire
    }

    #[test]
    fn the_same_seed_gives_the_same_assessment() {
        let q = manufacturer();
        let a = assessment(&q, 7, 3).to_yaml(&q).unwrap();
        assert_eq!(a, assessment(&q, 7, 3).to_yaml(&q).unwrap());
        assert_ne!(a, assessment(&q, 8, 3).to_yaml(&q).unwrap());
    }

    #[test]
    fn assessments_answer_most_questions_and_pass_the_checks() {
        let q = manufacturer();
        let mut answered = 0;
        for index in 0..50 {
            let answers = assessment(&q, 1, index);
            let text = answers.to_yaml(&q).unwrap();
            let parsed = Answers::parse(&text, Path::new("g.yaml")).unwrap();
            assert!(
                parsed
                    .check(&q, &text, Path::new("g.yaml"))
                    .unwrap()
                    .is_empty()
            );
            answered += answers.answers.len();
        }
        let mean = answered / 50;
        assert!((105..=135).contains(&mean), "{mean} answered on average");
    }
}
