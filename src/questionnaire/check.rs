//! The rules a questionnaire file must follow, each problem with the line where it is found:
//! ids, levels, the scale, weights, requirement sets and the size limits. Longer than most
//! files here because it is every rule of the format, one after another, read in one place.

use std::collections::{HashMap, HashSet};

use super::*;
use crate::error::{MAX_PROBLEMS, Problem};
use crate::text::Lines;

impl Questionnaire {
    /// Every rule of the format: (errors, warnings), each with the line where it can be found.
    pub(super) fn check(&self, source: &str) -> (Vec<Problem>, Vec<Problem>) {
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        if let Some(problem) = self.too_large(source) {
            return (vec![problem], warnings);
        }
        let lines = Lines::new(source, &["id", "level", "group"]);
        let at_id = |id: &str| lines.of("id", id);

        if !is_slug(&self.id) {
            errors.push(
                Problem::new(format!("questionnaire id `{}` is not valid", self.id))
                    .at(at_id(&self.id))
                    .hint("use lowercase letters, digits and `-` only, e.g. `acme-lite`"),
            );
        }
        for (field, value) in [
            ("title", &self.title),
            ("version", &self.version),
            ("role", &self.role),
        ] {
            if value.trim().is_empty() {
                errors.push(
                    Problem::new(format!("`{field}` is empty"))
                        .at(crate::text::line_of_key(source, field))
                        .hint("give it a value"),
                );
            }
        }
        self.check_levels(&lines, &mut errors);
        self.check_scale(&lines, &mut errors, &mut warnings);
        if !(self.met_at > 0.0 && self.met_at <= 1.0) {
            errors.push(
                Problem::new(format!(
                    "met_at {} is outside (0, 1]",
                    crate::text::number(self.met_at)
                ))
                .at(crate::text::line_of_key(source, "met_at"))
                .hint("met_at is the answer value from which a question counts as met, e.g. 0.75"),
            );
        }
        if self.domains.is_empty() {
            errors.push(
                Problem::new("the questionnaire has no domains")
                    .at(crate::text::line_of_key(source, "domains"))
                    .hint("add at least one domain with questions"),
            );
        }
        let mut domain_ids = HashSet::new();
        let mut question_ids = HashMap::new();
        for domain in &self.domains {
            let line = at_id(&domain.id);
            if !is_slug(&domain.id) {
                errors.push(
                    Problem::new(format!("domain id `{}` is not valid", domain.id))
                        .at(line)
                        .hint("use lowercase letters, digits and `-` only"),
                );
            }
            if !domain_ids.insert(domain.id.as_str()) {
                errors.push(
                    Problem::new(format!("domain id `{}` is used twice", domain.id))
                        .at(lines.nth("id", &domain.id, 1).or(line))
                        .hint("give every domain its own id"),
                );
            }
            if domain.title.trim().is_empty() {
                errors.push(
                    Problem::new(format!("domain `{}` has an empty title", domain.id))
                        .at(line)
                        .hint("give the domain a title"),
                );
            }
            check_weight(
                &mut errors,
                domain.weight,
                &format!("domain `{}`", domain.id),
                line,
            );
            if domain.benchmark.is_some() {
                warnings.push(
                    Problem::new(format!(
                        "domain `{}`: `benchmark` on a domain is deprecated and ignored",
                        domain.id
                    ))
                    .at(crate::text::line_of_word_after(source, line, "benchmark").or(line))
                    .hint("put the figure on a group's `benchmark`, with its source, sample size, year and what it measures (see the README, \"Domain groups\")"),
                );
            }
            if domain.questions.is_empty() {
                errors.push(
                    Problem::new(format!("domain `{}` has no questions", domain.id))
                        .at(line)
                        .hint("add questions, or remove the domain"),
                );
            }
            for question in &domain.questions {
                self.check_question(&lines, question, &mut question_ids, &mut errors);
            }
            check_streams(source, &lines, domain, line, &mut errors, &mut warnings);
            for level in self.levels.iter().skip(1) {
                if !domain.questions.iter().any(|q| q.level == level.level) {
                    warnings.push(
                        Problem::new(format!(
                            "domain `{}` has no question at level {} ({}); that level will not hold it back",
                            domain.id, level.level, level.name
                        ))
                        .at(line),
                    );
                }
            }
        }
        self.check_requirement_sets(source, &lines, &question_ids, &mut errors);
        self.check_groups(source, &lines, &mut errors);
        (errors, warnings)
    }

    /// Group ids unique, every group with a domain, every domain's group known, benchmarks
    /// complete. A domain names its group, so it is in one at most by construction.
    fn check_groups(&self, source: &str, lines: &Lines, errors: &mut Vec<Problem>) {
        let start = lines.key("groups");
        // One pass each way: checks stay linear in groups and domains.
        let used: HashSet<&str> = self
            .domains
            .iter()
            .filter_map(|d| d.group.as_deref())
            .collect();
        let declared: HashSet<&str> = self.groups.iter().map(|g| g.id.as_str()).collect();
        let mut ids = HashSet::new();
        for group in &self.groups {
            let line = lines.after("id", &group.id, start);
            if !is_slug(&group.id) {
                errors.push(
                    Problem::new(format!("group id `{}` is not valid", group.id))
                        .at(line)
                        .hint("use lowercase letters, digits and `-` only, e.g. `design-control`"),
                );
            }
            if !ids.insert(group.id.as_str()) {
                errors.push(
                    Problem::new(format!("group id `{}` is used twice", group.id))
                        .at(line
                            .and_then(|l| lines.after("id", &group.id, Some(l + 1)))
                            .or(line))
                        .hint("give every group its own id"),
                );
            }
            if group.title.trim().is_empty() {
                errors.push(
                    Problem::new(format!("group `{}` has an empty title", group.id))
                        .at(line)
                        .hint("give the group a title"),
                );
            }
            if !used.contains(group.id.as_str()) {
                errors.push(
                    Problem::new(format!("group `{}` has no domains", group.id))
                        .at(line)
                        .hint(format!(
                            "put `group: {}` on the domains it holds, or remove the group",
                            group.id
                        )),
                );
            }
            if let Some(benchmark) = &group.benchmark {
                check_benchmark(source, line, &group.id, benchmark, errors);
            }
        }
        for domain in &self.domains {
            let at = lines.of("id", &domain.id);
            match &domain.group {
                // Only the problems that are shown pay for a hint and a line search.
                Some(id) if !declared.contains(id.as_str()) && errors.len() > MAX_PROBLEMS => {
                    errors.push(Problem::new(format!("`{id}` is not a group")));
                }
                Some(id) if !declared.contains(id.as_str()) => {
                    let mut message = format!(
                        "domain `{}` names group `{id}`, which is not a group",
                        domain.id
                    );
                    if let Some(near) =
                        crate::text::nearest(id, self.groups.iter().map(|g| g.id.as_str()))
                    {
                        message.push_str(&format!("; did you mean `{near}`?"));
                    }
                    errors.push(
                        Problem::new(message)
                            .at(lines.after("group", id, at).or(at))
                            .hint(if self.groups.is_empty() {
                                "declare the group under `groups:` (id and title), or remove `group`"
                            } else {
                                "name one of the ids under `groups:`"
                            }),
                    );
                }
                _ => {}
            }
        }
    }

    /// Set and requirement ids unique, no empty set, every question id known.
    fn check_requirement_sets(
        &self,
        source: &str,
        lines: &Lines,
        question_ids: &HashMap<&str, usize>,
        errors: &mut Vec<Problem>,
    ) {
        let mut set_ids = HashSet::new();
        for set in &self.requirement_sets {
            let line = lines.of("id", &set.id);
            if !is_slug(&set.id) {
                errors.push(
                    Problem::new(format!("requirement set id `{}` is not valid", set.id))
                        .at(line)
                        .hint("use lowercase letters, digits and `-` only, e.g. `fda-524b`"),
                );
            }
            if !set_ids.insert(set.id.as_str()) {
                errors.push(
                    Problem::new(format!("requirement set id `{}` is used twice", set.id))
                        .at(lines.nth("id", &set.id, 1).or(line))
                        .hint("give every requirement set its own id"),
                );
            }
            if set.title.trim().is_empty() {
                errors.push(
                    Problem::new(format!("requirement set `{}` has an empty title", set.id))
                        .at(line)
                        .hint("give the set a title"),
                );
            }
            if set.requirements.is_empty() {
                errors.push(
                    Problem::new(format!("requirement set `{}` has no requirements", set.id))
                        .at(line)
                        .hint("list its requirements under `requirements:`, or remove the set"),
                );
            }
            let mut requirement_ids = HashSet::new();
            for requirement in &set.requirements {
                let at = lines.of("id", &requirement.id).or(line);
                if requirement.id.trim().is_empty() {
                    errors.push(
                        Problem::new(format!(
                            "requirement set `{}` has a requirement without an id",
                            set.id
                        ))
                        .at(at)
                        .hint("give the requirement an id such as `524b-b1`"),
                    );
                }
                if !requirement_ids.insert(requirement.id.as_str()) {
                    errors.push(
                        Problem::new(format!(
                            "requirement id `{}` is used twice in set `{}`",
                            requirement.id, set.id
                        ))
                        .at(lines.nth("id", &requirement.id, 1).or(at))
                        .hint("give every requirement of a set its own id"),
                    );
                }
                if requirement.statement.trim().is_empty() {
                    errors.push(
                        Problem::new(format!(
                            "requirement `{}` has an empty statement",
                            requirement.id
                        ))
                        .at(at)
                        .hint("say in a sentence what the requirement asks"),
                    );
                }
                let cited = requirement
                    .satisfied_by
                    .iter()
                    .map(|id| ("satisfied_by", id));
                let shown = requirement.supporting.iter().map(|id| ("supporting", id));
                for (field, id) in cited.chain(shown) {
                    if question_ids.contains_key(id.as_str()) {
                        continue;
                    }
                    // Only the problems that are shown pay for a hint and a line search.
                    if errors.len() > crate::error::MAX_PROBLEMS {
                        errors.push(Problem::new(format!("`{id}` is not a question")));
                        continue;
                    }
                    let mut message = format!(
                        "requirement `{}` of set `{}`: `{field}` names `{id}`, which is not a question",
                        requirement.id, set.id
                    );
                    if let Some(near) =
                        crate::text::nearest(id, self.questions().map(|(_, q)| q.id.as_str()))
                    {
                        message.push_str(&format!("; did you mean `{near}`?"));
                    }
                    errors.push(
                        Problem::new(message)
                            .at(crate::text::line_of_word_after(source, at, id).or(at))
                            .hint(
                                "list question ids of this questionnaire (`jsp show` lists them)",
                            ),
                    );
                }
            }
        }
    }

    /// A limit passed, if any: the other checks are not worth running then.
    fn too_large(&self, source: &str) -> Option<Problem> {
        [
            ("levels", self.levels.len(), MAX_LEVELS),
            ("scale", self.scale.len(), MAX_OPTIONS),
            ("domains", self.domains.len(), MAX_DOMAINS),
            ("questions", self.question_count(), MAX_QUESTIONS),
            (
                "requirements",
                self.requirements().count(),
                MAX_REQUIREMENTS,
            ),
            (
                "question ids in requirements",
                self.requirements()
                    .map(|r| r.satisfied_by.len() + r.supporting.len())
                    .sum(),
                MAX_REQUIREMENT_LINKS,
            ),
        ]
        .into_iter()
        .find(|(_, count, limit)| count > limit)
        .map(|(what, count, limit)| {
            let key = match what {
                "questions" => "domains",
                "requirements" | "question ids in requirements" => "requirement_sets",
                _ => what,
            };
            Problem::new(format!(
                "the questionnaire has {count} {what}, more than the limit of {limit}"
            ))
            .at(crate::text::line_of_key(source, key))
            .hint(if key == "domains" {
                "split it into several questionnaires"
            } else {
                "check that this is the file you meant"
            })
        })
    }

    fn check_levels(&self, lines: &Lines, errors: &mut Vec<Problem>) {
        let line = lines.key("levels");
        if self.levels.len() < 2 {
            errors.push(
                Problem::new("`levels` needs at least two levels: the base and one to earn")
                    .at(line),
            );
        }
        if let Some(base) = self.levels.first().filter(|l| l.level > 1) {
            errors.push(
                Problem::new(format!(
                    "the lowest level is {}; levels start at 0 or 1",
                    base.level
                ))
                .at(lines.of("level", &base.level.to_string()).or(line))
                .hint("number the levels 1, 2, 3, ... (or 0, 1, 2, ...)"),
            );
        }
        for pair in self.levels.windows(2) {
            if let [low, high] = pair
                && low.level.checked_add(1) != Some(high.level)
            {
                errors.push(
                    Problem::new(format!(
                        "levels must count up by one, lowest first: {} follows {}",
                        high.level, low.level
                    ))
                    .at(lines.of("level", &high.level.to_string()).or(line))
                    .hint("number the levels 1, 2, 3, ... (or 0, 1, 2, ...)"),
                );
            }
        }
        for level in &self.levels {
            if level.name.trim().is_empty() {
                errors.push(
                    Problem::new(format!("level {} has no name", level.level))
                        .at(lines.of("level", &level.level.to_string()).or(line))
                        .hint("name the level, e.g. `name: Managed`"),
                );
            }
        }
    }

    fn check_scale(&self, lines: &Lines, errors: &mut Vec<Problem>, warnings: &mut Vec<Problem>) {
        if self.scale.is_empty() {
            errors.push(
                Problem::new("`scale` has no options")
                    .at(lines.key("scale"))
                    .hint("list the answer options, or leave `scale` out for the default"),
            );
        }
        let mut ids = HashSet::new();
        for option in &self.scale {
            let line = lines.of("id", &option.id);
            if option.id == NOT_APPLICABLE {
                errors.push(
                    Problem::new(
                        "`na` is reserved for \"not applicable\" and cannot be a scale option",
                    )
                    .at(line)
                    .hint("give the option another id"),
                );
            } else if !is_slug(&option.id) {
                errors.push(
                    Problem::new(format!("option id `{}` is not valid", option.id))
                        .at(line)
                        .hint("use lowercase letters, digits and `-` only"),
                );
            }
            if !ids.insert(option.id.as_str()) {
                errors.push(
                    Problem::new(format!("option id `{}` is used twice", option.id))
                        .at(lines.nth("id", &option.id, 1).or(line))
                        .hint("give every option its own id"),
                );
            }
            if !(0.0..=1.0).contains(&option.value) {
                errors.push(
                    Problem::new(format!(
                        "option `{}` has value {}, outside [0, 1]",
                        option.id,
                        crate::text::number(option.value)
                    ))
                    .at(line)
                    .hint("0 means not implemented, 1 fully implemented"),
                );
            }
            if option.label.trim().is_empty() {
                errors.push(
                    Problem::new(format!("option `{}` has no label", option.id))
                        .at(line)
                        .hint("give it a label, e.g. `label: Partly implemented`"),
                );
            }
        }
        if !self.scale.is_empty() && self.scale.iter().all(|o| o.value < self.met_at) {
            warnings.push(Problem::new(format!(
                "no answer option reaches met_at {}, so no question can ever be met",
                self.met_at
            )));
        }
    }

    fn check_question<'a>(
        &self,
        lines: &Lines,
        question: &'a Question,
        ids: &mut HashMap<&'a str, usize>,
        errors: &mut Vec<Problem>,
    ) {
        let line = lines.of("id", &question.id);
        if question.id.trim().is_empty() || question.id == NOT_APPLICABLE {
            errors.push(
                Problem::new(format!("question id `{}` is not valid", question.id))
                    .at(line)
                    .hint("give the question an id such as `gov-2a`"),
            );
        } else if !is_slug(&question.id) {
            // As for domains: answers files and reports match ids exactly.
            errors.push(
                Problem::new(format!("question id `{}` is not valid", question.id))
                    .at(line)
                    .hint(format!(
                        "use lowercase letters, digits and `-` only, e.g. `{}`",
                        question.id.to_ascii_lowercase()
                    )),
            );
        }
        let seen = ids.entry(question.id.as_str()).or_insert(0);
        *seen += 1;
        if *seen > 1 {
            let first = lines.of("id", &question.id);
            let again = lines.nth("id", &question.id, *seen - 1).or(line);
            let first_at = first
                .map(|l| format!(" (first at line {l})"))
                .unwrap_or_default();
            errors.push(
                Problem::new(format!(
                    "question id `{}` is used again{first_at}",
                    question.id
                ))
                .at(again)
                .hint("question ids must be unique across the whole questionnaire"),
            );
        }
        if question.level == self.base_level() {
            errors.push(
                Problem::new(format!(
                    "question `{}` is at the base level {}, which everyone has without answering",
                    question.id, question.level
                ))
                .at(line)
                .hint(match question.level.checked_sub(1) {
                    Some(below) => format!(
                        "put it at a level above the base; or, if the model's levels start at {}, add a level {below} below them: the first level is the base, which everyone has",
                        question.level
                    ),
                    None => "put it at a level above the base".to_string(),
                }),
            );
        } else if !self.levels.iter().any(|l| l.level == question.level) {
            let known: Vec<String> = self.levels.iter().map(|l| l.level.to_string()).collect();
            errors.push(
                Problem::new(format!(
                    "question `{}` has level {}, which is not one of the levels",
                    question.id, question.level
                ))
                .at(line)
                .hint(format!("use one of {}", known.join(", "))),
            );
        }
        if question.text.trim().is_empty() {
            errors.push(
                Problem::new(format!("question `{}` has an empty text", question.id))
                    .at(line)
                    .hint("write the question"),
            );
        }
        check_weight(
            errors,
            question.weight,
            &format!("question `{}`", question.id),
            line,
        );
    }
}

/// A group's benchmark: a finite figure and every fact a reader needs to weigh it.
fn check_benchmark(
    source: &str,
    line: Option<usize>,
    group: &str,
    benchmark: &Benchmark,
    errors: &mut Vec<Problem>,
) {
    let at = crate::text::line_of_word_after(source, line, "benchmark").or(line);
    let mut problem = |what: String, hint: &str| {
        errors.push(
            Problem::new(format!("group `{group}`: benchmark {what}"))
                .at(at)
                .hint(hint),
        );
    };
    if !(benchmark.score.is_finite() && benchmark.score >= 0.0) {
        problem(
            format!(
                "score {} is not a published figure",
                crate::text::number(benchmark.score)
            ),
            "give the figure as published, e.g. `score: 1.68`",
        );
    }
    for (field, value, hint) in [
        (
            "source",
            &benchmark.source,
            "name who published it, and where",
        ),
        (
            "measures",
            &benchmark.measures,
            "say in one sentence what the figure measures",
        ),
    ] {
        if value.trim().is_empty() {
            problem(format!("`{field}` is empty"), hint);
        }
    }
    if benchmark.sample_size == 0 {
        problem(
            "`sample_size` is 0".to_string(),
            "give the number of organizations the figure is drawn from",
        );
    }
    if !(1900..=2200).contains(&benchmark.year) {
        problem(
            format!("year {} is not a year of publication", benchmark.year),
            "give the year the figure was published, e.g. `year: 2022`",
        );
    }
}

/// Stream ids unique within the domain, every stream with a question, every question's stream
/// one of its domain's.
fn check_streams(
    source: &str,
    lines: &Lines,
    domain: &Domain,
    line: Option<usize>,
    errors: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) {
    let used: HashSet<&str> = domain
        .questions
        .iter()
        .filter_map(|q| q.stream.as_deref())
        .collect();
    let declared: HashSet<&str> = domain.streams.iter().map(|s| s.id.as_str()).collect();
    let mut ids = HashSet::new();
    for stream in &domain.streams {
        let at = lines.after("id", &stream.id, line);
        if !is_slug(&stream.id) {
            errors.push(
                Problem::new(format!(
                    "domain `{}`: stream id `{}` is not valid",
                    domain.id, stream.id
                ))
                .at(at)
                .hint("use lowercase letters, digits and `-` only, e.g. `a`"),
            );
        }
        if !ids.insert(stream.id.as_str()) {
            errors.push(
                Problem::new(format!(
                    "domain `{}`: stream id `{}` is used twice",
                    domain.id, stream.id
                ))
                .at(at
                    .and_then(|l| lines.after("id", &stream.id, Some(l + 1)))
                    .or(at))
                .hint("give every stream of a domain its own id"),
            );
        }
        if stream.title.trim().is_empty() {
            errors.push(
                Problem::new(format!(
                    "domain `{}`: stream `{}` has an empty title",
                    domain.id, stream.id
                ))
                .at(at)
                .hint("give the stream a title"),
            );
        }
        if !used.contains(stream.id.as_str()) {
            errors.push(
                Problem::new(format!(
                    "domain `{}`: stream `{}` has no questions",
                    domain.id, stream.id
                ))
                .at(at)
                .hint(format!(
                    "put `stream: {}` on the questions it holds, or remove the stream",
                    stream.id
                )),
            );
        }
    }
    for question in &domain.questions {
        let at = lines.of("id", &question.id);
        match &question.stream {
            // Only the problems that are shown pay for a hint and a line search.
            Some(id) if !declared.contains(id.as_str()) && errors.len() > MAX_PROBLEMS => {
                errors.push(Problem::new(format!("`{id}` is not a stream")));
            }
            Some(id) if !declared.contains(id.as_str()) => {
                let mut message = format!(
                    "question `{}` names stream `{id}`, which is not a stream of domain `{}`",
                    question.id, domain.id
                );
                if let Some(near) =
                        crate::text::nearest(id, domain.streams.iter().map(|s| s.id.as_str()))
                {
                    message.push_str(&format!("; did you mean `{near}`?"));
                }
                errors.push(
                    Problem::new(message)
                        .at(crate::text::line_of_word_after(source, at, id).or(at))
                        .hint(if domain.streams.is_empty() {
                            "declare the stream under the domain's `streams:` (id and title), or remove `stream`"
                        } else {
                            "name one of the ids under the domain's `streams:`"
                        }),
                );
            }
            None if !domain.streams.is_empty() => warnings.push(
                Problem::new(format!(
                    "question `{}` is in no stream of domain `{}`: it counts in the domain's score, in no stream's",
                    question.id, domain.id
                ))
                .at(at),
            ),
            _ => {}
        }
    }
}

/// Weights are relative; a bound keeps their sums finite.
pub const MAX_WEIGHT: f64 = 1000.0;

/// The least weight: with [`MAX_WEIGHT`], a ratio of a million, far from where the products
/// and sums of scoring lose precision (a weight of 5e-324 scored differently from 1).
pub const MIN_WEIGHT: f64 = 0.001;

fn check_weight(errors: &mut Vec<Problem>, weight: f64, what: &str, line: Option<usize>) {
    if !(MIN_WEIGHT..=MAX_WEIGHT).contains(&weight) {
        errors.push(
            Problem::new(format!(
                "{what} has weight {}; a weight must be at least {MIN_WEIGHT} and at most {MAX_WEIGHT}",
                crate::text::number(weight)
            ))
            .at(line)
            .hint("leave `weight` out for the default of 1"),
        );
    }
}

/// Ids of questionnaires, domains and options: `[a-z0-9-]+`.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
