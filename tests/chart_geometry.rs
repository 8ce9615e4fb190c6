//! The charts tell the gate's verdict: read back from the SVG geometry alone (parsed with
//! roxmltree), a domain below its target is drawn short of the target mark, and one that meets
//! it on or past the mark, in both charts, for every domain of the examples, of generated
//! assessments (`write_portfolio`) and of random charts (proptest). The thin strip of the next
//! level's progress never reaches the target of a domain below it either.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::path::Path;

use assert_cmd::Command;
use jsp::internals::chart::{Chart, DomainPoint, NextLevel, bars, radar};
use proptest::prelude::*;
use roxmltree::{Document, Node};

/// What one chart draws for one domain, as distances along its scale (pixels from the scale's
/// start): where the level ends, where the target mark is, where the progress strip ends.
#[derive(Debug, Default, Clone, Copy)]
struct Drawn {
    level: Option<f64>,
    target: Option<f64>,
    progress: Option<f64>,
}

fn number(node: Node, name: &str) -> f64 {
    node.attribute(name)
        .unwrap_or_else(|| panic!("no {name} on {node:?}"))
        .parse()
        .unwrap()
}

fn has_class(node: Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split(' ').any(|c| c == class))
}

/// The domain a marker belongs to, from its own attribute or its group's.
fn domain_of(node: Node) -> Option<usize> {
    node.ancestors()
        .find_map(|n| n.attribute("data-domain"))
        .map(|d| d.parse().unwrap())
}

/// Per domain, from the bar chart: the right end of the level bar, the target line's x, the
/// right end of the progress strip.
fn bars_geometry(svg: &str) -> BTreeMap<usize, Drawn> {
    let doc = Document::parse(svg).unwrap();
    let mut out: BTreeMap<usize, Drawn> = BTreeMap::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let Some(domain) = domain_of(node) else {
            continue;
        };
        let drawn = out.entry(domain).or_default();
        let name = node.tag_name().name();
        if name == "rect" && has_class(node, "series-level") {
            drawn.level = Some(number(node, "x") + number(node, "width"));
        } else if name == "rect" && has_class(node, "series-progress") {
            drawn.progress = Some(number(node, "x") + number(node, "width"));
        } else if name == "line" && node.ancestors().any(|a| has_class(a, "series-target")) {
            drawn.target = Some(number(node, "x1"));
        }
    }
    out
}

/// Per domain, from the radar: the distance from the centre of the level marker, the target
/// marker and the progress segment's outer end.
fn radar_geometry(svg: &str) -> BTreeMap<usize, Drawn> {
    let doc = Document::parse(svg).unwrap();
    let ring = doc
        .descendants()
        .find(|n| n.has_tag_name("circle") && has_class(*n, "ring"))
        .expect("a level ring");
    let (cx, cy) = (number(ring, "cx"), number(ring, "cy"));
    let distance = |x: f64, y: f64| ((x - cx).powi(2) + (y - cy).powi(2)).sqrt();
    let mut out: BTreeMap<usize, Drawn> = BTreeMap::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let Some(domain) = node.attribute("data-domain").map(|d| d.parse().unwrap()) else {
            continue;
        };
        let drawn = out.entry(domain).or_default();
        let series = |class| node.ancestors().any(|a| has_class(a, class));
        match node.tag_name().name() {
            "circle" if series("series-level") => {
                drawn.level = Some(distance(number(node, "cx"), number(node, "cy")));
            }
            "rect" if series("series-target") => {
                let half = number(node, "width") / 2.0;
                drawn.target = Some(distance(number(node, "x") + half, number(node, "y") + half));
            }
            "line" if series("series-progress") => {
                drawn.progress = Some(distance(number(node, "x2"), number(node, "y2")));
            }
            _ => {}
        }
    }
    out
}

/// Coordinates are written with one decimal: two points that should coincide may differ by
/// this much.
const ROUNDING: f64 = 0.15;

/// Checks one chart's geometry against each domain's level and target; `what` names the case.
fn check(what: &str, drawn: &BTreeMap<usize, Drawn>, truth: &[(u32, Option<u32>, bool)]) {
    for (index, &(level, target, applicable)) in truth.iter().enumerate() {
        let Some(target) = target.filter(|_| applicable) else {
            continue;
        };
        let d = drawn.get(&index).copied().unwrap_or_default();
        let (Some(at), Some(mark)) = (d.level, d.target) else {
            panic!(
                "{what}: domain {} has no level or no target drawn: {d:?}",
                index + 1
            );
        };
        if level < target {
            assert!(
                at < mark - 1.0,
                "{what}: domain {} at level {level} below target {target} is drawn at {at}, the target at {mark}",
                index + 1
            );
            if let Some(progress) = d.progress {
                assert!(
                    progress < mark - ROUNDING,
                    "{what}: domain {}: the progress strip reaches the target ({progress} >= {mark})",
                    index + 1
                );
            }
        } else {
            assert!(
                at >= mark - ROUNDING,
                "{what}: domain {} at level {level} meets target {target} but is drawn at {at}, short of the target at {mark}",
                index + 1
            );
        }
    }
}

fn check_both(what: &str, bars_svg: &str, radar_svg: &str, truth: &[(u32, Option<u32>, bool)]) {
    let b = bars_geometry(bars_svg);
    let r = radar_geometry(radar_svg);
    let targets = truth.iter().filter(|t| t.1.is_some() && t.2).count();
    assert_eq!(
        b.values().filter(|d| d.target.is_some()).count(),
        targets,
        "{what}: bars"
    );
    assert_eq!(
        r.values().filter(|d| d.target.is_some()).count(),
        targets,
        "{what}: radar"
    );
    check(&format!("{what} (bars)"), &b, truth);
    check(&format!("{what} (radar)"), &r, truth);
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn jsp(args: &[&str]) -> String {
    let output = Command::cargo_bin("jsp")
        .unwrap()
        .current_dir(root())
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Each domain's level, target and applicability, as `jsp score --format json` states them.
fn verdict(answers: &str, target: &str) -> Vec<(u32, Option<u32>, bool)> {
    let json: serde_json::Value = serde_json::from_str(&jsp(&[
        "score", answers, "--target", target, "--format", "json",
    ]))
    .unwrap();
    json["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                u32::try_from(d["level"].as_u64().unwrap()).unwrap(),
                d["target"].as_u64().map(|t| u32::try_from(t).unwrap()),
                d["applicable"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn check_files(answers: &str, target: &str) {
    let truth = verdict(answers, target);
    assert!(truth.iter().any(|t| t.1.is_some()));
    let bars_svg = jsp(&["chart", answers, "--target", target, "--kind", "bars"]);
    let radar_svg = jsp(&["chart", answers, "--target", target]);
    check_both(answers, &bars_svg, &radar_svg, &truth);
}

#[test]
fn the_examples_charts_agree_with_the_gate() {
    check_files(
        "examples/manufacturer-answers.yaml",
        "examples/manufacturer-target.toml",
    );
    check_files(
        "examples/provider-answers.yaml",
        "examples/provider-target.toml",
    );
    check_files(
        "examples/manufacturer-partial-answers.yaml",
        "examples/manufacturer-target.toml",
    );
}

/// The supplier domain of the example is at level 1 with target 2 and a score of 2.25: the
/// case that was drawn past its target.
#[test]
fn a_domain_whose_score_passes_its_target_is_still_drawn_below_it() {
    let truth = verdict(
        "examples/manufacturer-answers.yaml",
        "examples/manufacturer-target.toml",
    );
    let bars_svg = jsp(&[
        "chart",
        "examples/manufacturer-answers.yaml",
        "--target",
        "examples/manufacturer-target.toml",
        "--kind",
        "bars",
    ]);
    let supplier = 4;
    assert_eq!(truth[supplier], (1, Some(2), true));
    let drawn = bars_geometry(&bars_svg)[&supplier];
    assert!(drawn.level.unwrap() < drawn.target.unwrap());
}

#[test]
fn generated_assessments_charts_agree_with_the_gate() {
    let dir = tempfile::tempdir().unwrap();
    let catalog = jsp::internals::Catalog::default();
    for (id, target) in [
        ("jsp-manufacturer", "examples/manufacturer-target.toml"),
        ("jsp-provider", "examples/provider-target.toml"),
    ] {
        let questionnaire = catalog.find(id, &mut Vec::new()).unwrap().questionnaire;
        let files =
            jsp::internals::write_portfolio(&questionnaire, &dir.path().join(id), 12, 7).unwrap();
        for file in files {
            check_files(file.to_str().unwrap(), target);
        }
    }
}

/// A random chart: levels `base..=top`, domains with a level, maybe a target and progress.
fn random_chart() -> impl Strategy<Value = Chart> {
    (0u32..=1, 2u32..=6).prop_flat_map(|(base, count)| {
        let top = base + count - 1;
        let domain = (
            base..=top,
            prop::option::of(base..=top),
            any::<bool>(),
            (0usize..=9, 1usize..=9),
            1u32..=40,
        )
            .prop_map(move |(level, target, applicable, (met, questions), len)| {
                DomainPoint {
                    title: "Domain ".repeat(len as usize / 4 + 1),
                    level,
                    score: applicable.then_some(f64::from(level) + 0.5),
                    target,
                    benchmark: None,
                    next: (applicable && level < top).then_some(NextLevel {
                        level: level + 1,
                        met: met.min(questions),
                        questions,
                    }),
                }
            });
        prop::collection::vec(domain, 1..=16).prop_map(move |domains| Chart {
            subject: "Random".into(),
            levels: (base..=top).map(|l| (l, format!("L{l}"))).collect(),
            domains,
            groups: Vec::new(),
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_charts_agree_with_their_numbers(chart in random_chart()) {
        let truth: Vec<(u32, Option<u32>, bool)> = chart
            .domains
            .iter()
            .map(|d| (d.level, d.target, d.score.is_some()))
            .collect();
        check_both("random", &bars::svg(&chart), &radar::svg(&chart), &truth);
        // The HTML report's figure draws the same geometry.
        check(
            "random (figure)",
            &radar_geometry(&radar::figure(&chart)),
            &truth,
        );
    }
}

/// Each group's bar ends where the bar of its lowest domain ends (a group's level is the
/// lowest of its domains'), and carries no target mark: no gate applies to a group.
#[test]
fn group_bars_end_at_their_weakest_domain_and_carry_no_target() {
    for answers in [
        "examples/manufacturer-answers.yaml",
        "examples/provider-answers.yaml",
    ] {
        let json: serde_json::Value =
            serde_json::from_str(&jsp(&["score", answers, "--format", "json"])).unwrap();
        let ids: Vec<&str> = json["domains"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap())
            .collect();
        let svg = jsp(&["chart", answers, "--kind", "bars"]);
        let domains = bars_geometry(&svg);
        let doc = Document::parse(&svg).unwrap();
        let groups: Vec<Node> = doc
            .descendants()
            .filter(|n| has_class(*n, "group-bar"))
            .collect();
        let expected = json["groups"].as_array().unwrap();
        assert_eq!(groups.len(), expected.len(), "{answers}");
        for (node, group) in groups.iter().zip(expected) {
            let level_end = |n: &Node| {
                n.descendants()
                    .find(|r| r.tag_name().name() == "rect" && has_class(*r, "series-level"))
                    .map(|r| number(r, "x") + number(r, "width"))
            };
            let weakest = group["domains"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|id| ids.iter().position(|d| *d == id.as_str().unwrap()))
                .filter_map(|index| domains.get(&index).and_then(|d| d.level))
                .fold(f64::INFINITY, f64::min);
            let drawn = level_end(node).unwrap();
            assert!((drawn - weakest).abs() < 0.05, "{answers}: {group}");
            assert!(!node.descendants().any(|n| has_class(n, "series-target")));
        }
    }
}
