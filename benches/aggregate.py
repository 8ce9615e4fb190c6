"""What a user would write instead of `jsp aggregate`: PyYAML with its C loader reads each
answers file and the questionnaire, and prints per domain the number of assessments and the
minimum, median, mean and maximum score (here the mean answer value of the domain's answered
questions, times the number of levels: simpler than jsp's staged score, so a lower bound on
what the same statistics cost in Python).

Usage: python3 benches/aggregate.py QUESTIONNAIRE.yaml DIR
"""

import pathlib
import statistics
import sys

import yaml

loader = yaml.CSafeLoader
# jsp's defaults, for a questionnaire that declares no scale or levels.
SCALE = [("none", 0.0), ("partial", 0.5), ("largely", 0.75), ("full", 1.0)]


def main() -> None:
    questionnaire = yaml.load(pathlib.Path(sys.argv[1]).read_text(), Loader=loader)
    scale = questionnaire.get("scale")
    values = {o["id"]: o["value"] for o in scale} if scale else dict(SCALE)
    levels = len(questionnaire.get("levels", [])) or 5
    domain_of = {
        q["id"]: d["id"] for d in questionnaire["domains"] for q in d["questions"]
    }
    scores = {d["id"]: [] for d in questionnaire["domains"]}
    for path in sorted(pathlib.Path(sys.argv[2]).rglob("*.yaml")):
        answers = yaml.load(path.read_text(), Loader=loader)["answers"] or {}
        sums = {}
        for qid, answer in answers.items():
            choice = answer["answer"] if isinstance(answer, dict) else answer
            if qid in domain_of and choice in values:
                total, count = sums.get(domain_of[qid], (0.0, 0))
                sums[domain_of[qid]] = (total + values[choice], count + 1)
        for domain, (total, count) in sums.items():
            scores[domain].append(levels * total / count)
    for domain, xs in scores.items():
        if xs:
            print(
                f"{domain:28} {len(xs):6} {min(xs):5.2f} {statistics.median(xs):5.2f}"
                f" {statistics.fmean(xs):5.2f} {max(xs):5.2f}"
            )


main()
