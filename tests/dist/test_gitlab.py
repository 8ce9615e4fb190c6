"""templates/jsp.yml included and its job run as a GitLab runner would (actionrun.py), with a
`cargo` that installs the jsp of this tree."""

import glob
import os
import shutil
import tempfile
import xml.etree.ElementTree as ElementTree

from actionrun import run_component
from test_action import ANSWERS, GOAL, JSP, REPO, fake_cargo

COMPONENT = os.path.join(REPO, "templates", "jsp.yml")


def job(inputs, with_jsp_on_path=False):
    home = tempfile.mkdtemp(prefix="jsp-gitlab-")
    workspace = os.path.join(home, "project")
    shutil.copytree(os.path.join(REPO, "examples"), os.path.join(workspace, "examples"))
    fake = os.path.join(home, "bin")
    fake_cargo(fake)
    path = [fake, os.environ["PATH"]]
    if with_jsp_on_path:
        path.insert(0, os.path.dirname(JSP))
    env = {"PATH": os.pathsep.join(path), "HOME": home, "CI": "true"}
    code, log, spec = run_component(COMPONENT, inputs, env, workspace)
    return code, log, spec, workspace, fake


def test_gate_fails_with_junit_and_markdown_artifacts():
    code, log, spec, workspace, fake = job({"answers": ANSWERS, "target": GOAL})
    assert code == 1, log
    assert "a gate failed" in log
    args = open(os.path.join(fake, "args")).read().split()
    assert args == ["install", "--locked", "--quiet", "--root", ".jsp", "jsp@0.1.0"], args
    junit = glob.glob(os.path.join(workspace, spec["artifacts"]["reports"]["junit"]))
    assert [os.path.basename(p) for p in junit] == ["examples-manufacturer-answers.junit.xml"]
    assert len(ElementTree.parse(junit[0]).getroot().findall(".//failure")) == 8
    kept = os.path.join(workspace, spec["artifacts"]["paths"][0])
    assert sorted(os.listdir(kept)) == [
        "examples-manufacturer-answers.junit.xml",
        "examples-manufacturer-answers.report.md",
        "examples-manufacturer-answers.score.md",
    ]
    assert spec["artifacts"]["when"] == "always"
    assert spec["cache"]["paths"] == [".jsp/"]


def test_cached_jsp_is_not_installed_again():
    code, log, _, workspace, fake = job({"answers": ANSWERS})
    assert code == 0, log
    os.remove(os.path.join(fake, "args"))
    # A second job in the same folder, as when the cache restored .jsp/, installs nothing.
    env = {"PATH": fake + os.pathsep + os.environ["PATH"], "HOME": workspace}
    code, log, _ = run_component(COMPONENT, {"answers": ANSWERS}, env, workspace)
    assert code == 0, log
    assert not os.path.exists(os.path.join(fake, "args"))


def test_image_jsp_fail_on_gate_false_and_many_files():
    answers = "examples/provider-answers.yaml\n" + ANSWERS
    inputs = {"answers": answers, "min-score": "3.5", "fail-on-gate": False, "install": "none"}
    code, log, _, workspace, fake = job(inputs, with_jsp_on_path=True)
    assert code == 0, log
    assert log.count("a gate failed") == 2
    assert not os.path.exists(os.path.join(fake, "args"))
    assert len(os.listdir(os.path.join(workspace, "jsp-results"))) == 6


def test_bad_input_fails_the_job():
    inputs = {"answers": "examples/missing.yaml", "fail-on-gate": False, "install": "none"}
    code, log, _, _, _ = job(inputs, with_jsp_on_path=True)
    assert code == 2, log
    code, log, _, _, _ = job({"answers": "", "install": "none"}, with_jsp_on_path=True)
    assert code == 2 and "names no file" in log, log


def test_hostile_answers_path_is_data():
    code, log, _, workspace, _ = job(
        {"answers": 'examples/$(touch PWNED)"x.yaml', "install": "none"}, with_jsp_on_path=True
    )
    assert code == 2, log
    assert not os.path.exists(os.path.join(workspace, "PWNED"))


def test_unknown_input_and_bad_option_are_refused():
    for inputs in ({"answers": ANSWERS, "nope": "1"}, {"answers": ANSWERS, "install": "curl"}):
        try:
            job(inputs)
        except AssertionError:
            continue
        raise AssertionError(f"accepted {inputs}")
