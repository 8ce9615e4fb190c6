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
        let lines = Lines::new(source, &["id", "level", "group", "scale"]);
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
        self.check_scale(&lines, &mut errors);
        self.check_named_scales(&lines, &mut errors);
        self.check_reach(&lines, &mut warnings);
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
        // Each set of levels some domains have no question at, with those domains and lines.
        let mut empty_levels: EmptyLevels = Vec::new();
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
            let missing: Vec<&Level> = self
                .levels
                .iter()
                .skip(1)
                .filter(|level| !domain.questions.iter().any(|q| q.level == level.level))
                .collect();
            let missing: Vec<(u32, &str)> =
                missing.iter().map(|l| (l.level, l.name.as_str())).collect();
            if !missing.is_empty() {
                match empty_levels
                    .iter_mut()
                    .find(|(levels, _)| *levels == missing)
                {
                    Some((_, domains)) => domains.push((domain.id.as_str(), line)),
                    None => empty_levels.push((missing, vec![(domain.id.as_str(), line)])),
                }
            }
        }
        // One warning per set of levels without questions, naming every domain that lacks
        // them, at the first one's line: not one per level and domain.
        for (levels, domains) in &empty_levels {
            warnings.push(empty_levels_warning(levels, domains));
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
            ("scales", self.scales.len(), MAX_SCALES),
            (
                "options in a named scale",
                self.scales
                    .iter()
                    .map(|s| s.options.len())
                    .max()
                    .unwrap_or(0),
                MAX_OPTIONS,
            ),
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
                "options in a named scale" => "scales",
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

    fn check_scale(&self, lines: &Lines, errors: &mut Vec<Problem>) {
        if self.scale.is_empty() {
            errors.push(
                Problem::new("`scale` has no options")
                    .at(lines.key("scale"))
                    .hint("list the answer options, or leave `scale` out for the default"),
            );
        }
        self.check_options(&self.scale, None, lines, errors);
    }

    /// One warning for every scale in use whose options all stay below `met_at`: its
    /// questions can never be met. At the line of the first, listing them all (a model with
    /// many scales would otherwise get one warning each).
    fn check_reach(&self, lines: &Lines, warnings: &mut Vec<Problem>) {
        // The scales the questions name, `None` for the default: found in one pass.
        let in_use: HashSet<Option<&str>> =
            self.questions().map(|(_, q)| q.scale.as_deref()).collect();
        let used = |id: Option<&str>| in_use.contains(&id);
        let short = |options: &[ScaleOption]| {
            !options.is_empty() && options.iter().all(|o| o.value < self.met_at)
        };
        let start = lines.key("scales");
        let mut below: Vec<(String, Option<usize>)> = Vec::new();
        if short(&self.scale) && used(None) {
            below.push(("the default `scale`".to_string(), lines.key("scale")));
        }
        for scale in &self.scales {
            if short(&scale.options) && used(Some(&scale.id)) {
                let line = lines.after("id", &scale.id, start).or(start);
                below.push((format!("`{}`", scale.id), line));
            }
        }
        let Some((_, line)) = below.first() else {
            return;
        };
        let met_at = crate::text::number(self.met_at);
        let message = match below.as_slice() {
            [(name, _)] => format!(
                "scale {name}: no answer option reaches met_at {met_at}, so its questions can never be met"
            ),
            many => format!(
                "{} scales have no answer option that reaches met_at {met_at}, so their questions can never be met: {}",
                many.len(),
                listed(many.iter().map(|(n, _)| n.as_str()))
            ),
        };
        warnings.push(
            Problem::new(message)
                .at(*line)
                .hint("give each a top option of value met_at or more, or lower `met_at`"),
        );
    }

    /// Scale ids valid and unique, each scale with options that follow the default scale's
    /// rules; every question's `scale` names one of them.
    fn check_named_scales(&self, lines: &Lines, errors: &mut Vec<Problem>) {
        let start = lines.key("scales");
        let mut ids = HashSet::new();
        for scale in &self.scales {
            let seen = ids.contains(scale.id.as_str());
            let line = lines.nth_after("id", &scale.id, start, usize::from(seen));
            if !is_slug(&scale.id) || scale.id == NOT_APPLICABLE {
                errors.push(
                    Problem::new(format!("scale id `{}` is not valid", scale.id))
                        .at(line.or(start))
                        .hint("use lowercase letters, digits and `-` only, e.g. `coverage`"),
                );
            }
            if !ids.insert(scale.id.as_str()) {
                errors.push(
                    Problem::new(format!("scale id `{}` is used twice", scale.id))
                        .at(line.or(start))
                        .hint("give every scale its own id"),
                );
            }
            if scale.options.is_empty() {
                errors.push(
                    Problem::new(format!("scale `{}` has no options", scale.id))
                        .at(line.or(start))
                        .hint("list its answer options under `options:`"),
                );
            }
            self.check_options(
                &scale.options,
                Some((&scale.id, line.or(start))),
                lines,
                errors,
            );
        }
        for (_, question) in self.questions() {
            let Some(name) = &question.scale else {
                continue;
            };
            if self.scales.iter().any(|s| s.id == *name) {
                continue;
            }
            let mut message = format!(
                "question `{}` uses the scale `{name}`, which is not defined",
                question.id
            );
            if let Some(near) =
                crate::text::nearest(name, self.scales.iter().map(|s| s.id.as_str()))
            {
                message.push_str(&format!("; did you mean `{near}`?"));
            }
            let at = lines.of("id", &question.id);
            errors.push(
                Problem::new(message)
                    .at(lines.nth_after("scale", name, at, 0).or(at))
                    .hint(if self.scales.is_empty() {
                        "define it under `scales:` at the top of the questionnaire, or leave `scale` out for the default".to_string()
                    } else {
                        let known: Vec<String> =
                            self.scales.iter().map(|s| format!("`{}`", s.id)).collect();
                        format!(
                            "use one of {}, or leave `scale` out for the default",
                            known.join(", ")
                        )
                    }),
            );
        }
    }

    /// The rules of a scale's options; `named` is a named scale's id and line, `None` for the
    /// default scale, whose messages name no scale.
    fn check_options(
        &self,
        options: &[ScaleOption],
        named: Option<(&str, Option<usize>)>,
        lines: &Lines,
        errors: &mut Vec<Problem>,
    ) {
        let of = named.map_or(String::new(), |(id, _)| format!("scale `{id}`: "));
        let mut ids = HashSet::new();
        for option in options {
            let line = match named {
                None => lines.of("id", &option.id),
                Some((_, start)) => lines.nth_after("id", &option.id, start, 0).or(start),
            };
            if option.id == NOT_APPLICABLE {
                errors.push(
                    Problem::new(format!(
                        "{of}`na` is reserved for \"not applicable\" and cannot be a scale option"
                    ))
                    .at(line)
                    .hint("give the option another id"),
                );
            } else if !is_slug(&option.id) {
                errors.push(
                    Problem::new(format!("{of}option id `{}` is not valid", option.id))
                        .at(line)
                        .hint("use lowercase letters, digits and `-` only"),
                );
            }
            if !ids.insert(option.id.as_str()) {
                errors.push(
                    Problem::new(format!("{of}option id `{}` is used twice", option.id))
                        .at(match named {
                            None => lines.nth("id", &option.id, 1),
                            Some((_, start)) => lines.nth_after("id", &option.id, start, 1),
                        }
                        .or(line))
                        .hint("give every option its own id"),
                );
            }
            if !(0.0..=1.0).contains(&option.value) {
                errors.push(
                    Problem::new(format!(
                        "{of}option `{}` has value {}, outside [0, 1]",
                        option.id,
                        crate::text::number(option.value)
                    ))
                    .at(line)
                    .hint("0 means not implemented, 1 fully implemented"),
                );
            }
            if option.label.trim().is_empty() {
                errors.push(
                    Problem::new(format!("{of}option `{}` has no label", option.id))
                        .at(line)
                        .hint("give it a label, e.g. `label: Partly implemented`"),
                );
            }
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
        if question.criteria.iter().any(|c| c.trim().is_empty()) {
            errors.push(
                Problem::new(format!("question `{}` has an empty criterion", question.id))
                    .at(line)
                    .hint("state each criterion in a sentence, or remove the empty one"),
            );
        }
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
    let mut streamless: Vec<(&str, Option<usize>)> = Vec::new();
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
            None if !domain.streams.is_empty() => streamless.push((question.id.as_str(), at)),
            _ => {}
        }
    }
    // One warning per domain, however many of its questions are in no stream.
    match streamless.as_slice() {
        [] => {}
        [(id, at)] => warnings.push(
            Problem::new(format!(
                "question `{id}` is in no stream of domain `{}`: it counts in the domain's score, in no stream's",
                domain.id
            ))
            .at(*at),
        ),
        [(_, at), ..] => {
            let ids: Vec<String> = streamless.iter().map(|(id, _)| format!("`{id}`")).collect();
            warnings.push(
                Problem::new(format!(
                    "{} questions are in no stream of domain `{}`: they count in the domain's score, in no stream's: {}",
                    ids.len(),
                    domain.id,
                    listed(ids.iter().map(String::as_str))
                ))
                .at(*at),
            );
        }
    }
}

/// Names in a warning, the first ten of them: "`a`, `b` and 3 more".
fn listed<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> String {
    const SHOWN: usize = 10;
    let more = names.len().saturating_sub(SHOWN);
    let shown: Vec<&str> = names.take(SHOWN).collect();
    if more > 0 {
        format!("{} and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// Levels (number, name) without questions, with the domains (id, line) that lack them.
type EmptyLevels<'a> = Vec<(Vec<(u32, &'a str)>, Vec<(&'a str, Option<usize>)>)>;

/// "domain `gov` has no question at levels 3 (Defined) and 4 (Managed); those levels will not
/// hold it back", or the same of several domains, at the first one's line.
fn empty_levels_warning(levels: &[(u32, &str)], domains: &[(&str, Option<usize>)]) -> Problem {
    let levels_text: Vec<String> = levels
        .iter()
        .map(|(n, name)| format!("{n} ({name})"))
        .collect();
    let (levels_text, those) = match levels_text.as_slice() {
        [one] => (format!("level {one}"), "that level"),
        [rest @ .., last] => (
            format!("levels {} and {last}", rest.join(", ")),
            "those levels",
        ),
        [] => (String::new(), "that level"),
    };
    let ids: Vec<String> = domains.iter().map(|(id, _)| format!("`{id}`")).collect();
    let message = match ids.as_slice() {
        [one] => {
            format!("domain {one} has no question at {levels_text}; {those} will not hold it back")
        }
        many => format!(
            "{} domains have no question at {levels_text}; {those} will not hold them back: {}",
            many.len(),
            listed(many.iter().map(String::as_str))
        ),
    };
    Problem::new(message).at(domains.first().and_then(|(_, line)| *line))
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
