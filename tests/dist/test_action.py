"""action.yml run as a runner would (actionrun.py), with the jsp built for this test run
(JSP_BIN) served as a release from a local mirror."""

import hashlib
import json
import os
import shutil
import stat
import tarfile
import tempfile
import xml.etree.ElementTree as ElementTree

from actionrun import run_action

REPO = os.environ["JSP_REPO"]
JSP = os.environ["JSP_BIN"]
TARGET = "x86_64-unknown-linux-musl"
ANSWERS = "examples/manufacturer-answers.yaml"
GOAL = "examples/manufacturer-target.toml"


MIRRORS = {}


def mirror(version, corrupt=False):
    """mirror_once, made once per (version, corrupt): the debug jsp is large to compress."""
    if (version, corrupt) not in MIRRORS:
        MIRRORS[version, corrupt] = mirror_once(version, corrupt)
    return MIRRORS[version, corrupt]


def mirror_once(version, corrupt):
    """A release folder as the release workflow lays it out: VERSION/jsp-VERSION-TARGET.tar.gz
    and its .sha256, holding jsp-VERSION-TARGET/jsp."""
    root = tempfile.mkdtemp(prefix="jsp-mirror-")
    folder = os.path.join(root, version)
    os.makedirs(folder)
    name = f"jsp-{version}-{TARGET}"
    archive = os.path.join(folder, f"{name}.tar.gz")
    with tarfile.open(archive, "w:gz", compresslevel=1) as tar:
        tar.add(JSP, arcname=f"{name}/jsp")
    digest = hashlib.sha256(open(archive, "rb").read()).hexdigest()
    if corrupt:
        digest = "0" * 64
    with open(archive + ".sha256", "w") as file:
        file.write(f"{digest}  {name}.tar.gz\n")
    return "file://" + root


def fake_cargo(folder):
    """A `cargo` that records its arguments and installs JSP_BIN into --root, as `cargo install`
    would after a build: the source fallback without a build in the test."""
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "cargo")
    with open(path, "w") as file:
        file.write(
            "#!/usr/bin/env bash\n"
            'echo "$@" > "$(dirname "$0")/args"\n'
            'while [[ $# -gt 0 ]]; do [[ $1 == --root ]] && root=$2; shift; done\n'
            f'mkdir -p "$root/bin" && cp "{JSP}" "$root/bin/jsp"\n'
        )
    os.chmod(path, os.stat(path).st_mode | stat.S_IEXEC)
    return path


class Runner:
    """One job: a workspace (a copy of the examples), a tool cache kept across its runs."""

    def __init__(self):
        self.home = tempfile.mkdtemp(prefix="jsp-runner-")
        self.workspace = os.path.join(self.home, "workspace")
        shutil.copytree(os.path.join(REPO, "examples"), os.path.join(self.workspace, "examples"))
        self.tool_cache = os.path.join(self.home, "tool-cache")
        self.bin = os.path.join(self.home, "fake-bin")
        os.makedirs(self.bin)
        # A test that reaches the source fallback without fake_cargo fails instead of building.
        with open(os.path.join(self.bin, "cargo"), "w") as file:
            file.write("#!/bin/sh\necho 'cargo called without fake_cargo' >&2\nexit 99\n")
        os.chmod(os.path.join(self.bin, "cargo"), 0o755)

    def run(self, inputs, ref="v0.1.0", download=None, **env):
        summary = os.path.join(self.home, "summary.md")
        path_file = os.path.join(self.home, "path")
        for name in (summary, path_file):
            open(name, "w").close()
        runner_env = {
            "PATH": self.bin + os.pathsep + os.environ["PATH"],
            "HOME": self.home,
            "GITHUB_STEP_SUMMARY": summary,
            "GITHUB_PATH": path_file,
            "GITHUB_WORKSPACE": self.workspace,
            "GITHUB_SERVER_URL": "https://github.invalid",
            "RUNNER_OS": "Linux",
            "RUNNER_ARCH": "X64",
            "RUNNER_TEMP": os.path.join(self.home, "temp"),
            "RUNNER_TOOL_CACHE": self.tool_cache,
            # Never the network: a test that sets no mirror gets one that does not exist.
            "JSP_DOWNLOAD_URL": download or "file:///nonexistent",
        }
        runner_env.update(env)
        context = {"action_ref": ref, "action_repository": "owner/jsp"}
        result = run_action(REPO, inputs, runner_env, context)
        result.summary = open(summary).read()
        result.path = open(path_file).read()
        return result

    def file(self, relative):
        return os.path.join(self.workspace, relative)


def test_release_download_gate_fails_with_every_output():
    runner = Runner()
    result = runner.run({"answers": ANSWERS, "target": GOAL}, download=mirror("v0.1.0"))
    assert result.code == 1, result.log
    assert "downloaded, checksum verified" in result.log
    assert result.outputs["passed"] == "false"
    prefix = "jsp-results/examples-manufacturer-answers"
    assert result.outputs["junit"] == prefix + ".junit.xml"
    assert result.outputs["markdown"] == prefix + ".score.md"
    assert result.outputs["json"] == prefix + ".score.json"
    assert result.outputs["html"] == prefix + ".report.html"
    suite = ElementTree.parse(runner.file(result.outputs["junit"])).getroot()
    assert len(suite.findall(".//testcase/failure")) == 8
    score = json.load(open(runner.file(result.outputs["json"])))
    assert score
    assert open(runner.file(result.outputs["html"])).read().startswith("<!DOCTYPE html>")
    assert "Overall: level 1 (Initial), score 2.91" in result.summary
    assert result.summary.strip() == open(runner.file(result.outputs["markdown"])).read().strip()
    assert "::error::examples/manufacturer-answers.yaml: a gate failed" in result.log
    assert result.path.strip() == os.path.join(runner.tool_cache, "jsp", "v0.1.0", TARGET, "bin")


def test_second_run_takes_jsp_from_the_cache():
    runner = Runner()
    runner.run({"answers": ANSWERS}, download=mirror("v0.1.0"))
    result = runner.run({"answers": ANSWERS})
    assert result.code == 0, result.log
    assert "from the cache" in result.log
    assert result.outputs["passed"] == "true"


def test_fail_on_gate_false_keeps_the_job_green():
    result = Runner().run(
        {"answers": ANSWERS, "target": GOAL, "fail-on-gate": "false"}, download=mirror("v0.1.0")
    )
    assert result.code == 0, result.log
    assert result.outputs["passed"] == "false"


def test_min_level_and_min_score_reach_the_gate():
    runner = Runner()
    inputs = {"answers": ANSWERS, "min-level": "1", "min-score": "2.5"}
    assert runner.run(inputs, download=mirror("v0.1.0")).code == 0
    failed = runner.run({"answers": ANSWERS, "min-score": "3.5"})
    assert failed.code == 1, failed.log
    assert "3.5" in failed.log


def test_bad_checksum_falls_back_to_a_source_build():
    runner = Runner()
    fake_cargo(runner.bin)
    result = runner.run({"answers": ANSWERS}, download=mirror("v0.1.0", corrupt=True))
    assert result.code == 0, result.log
    assert "::warning::no jsp v0.1.0 release" in result.log
    assert "checksum verified" not in result.log and "FAILED" in result.log
    args = open(os.path.join(runner.bin, "args")).read().split()
    assert args[:2] == ["install", "--locked"] and REPO in args, args


def test_a_branch_builds_the_action_source():
    runner = Runner()
    fake_cargo(runner.bin)
    result = runner.run({"answers": ANSWERS}, ref="main")
    assert result.code == 0, result.log
    assert "::warning::" not in result.log
    assert os.path.join(runner.tool_cache, "jsp", "source") in result.path


def test_many_answers_files_each_get_their_outputs():
    runner = Runner()
    answers = "examples/provider-answers.yaml\n\n  examples/manufacturer-partial-answers.yaml  \n"
    result = runner.run({"answers": answers}, download=mirror("v0.1.0"))
    assert result.code == 0, result.log
    junit = result.outputs["junit"].split("\n")
    assert junit == [
        "jsp-results/examples-provider-answers.junit.xml",
        "jsp-results/examples-manufacturer-partial-answers.junit.xml",
    ]
    assert all(os.path.exists(runner.file(p)) for p in junit)
    assert result.summary.count("Overall: level") == 2


def test_bad_input_fails_even_when_gates_may_fail():
    result = Runner().run(
        {"answers": "examples/missing.yaml", "fail-on-gate": "false"}, download=mirror("v0.1.0")
    )
    assert result.code == 2, result.log
    assert "::error::jsp could not read examples/missing.yaml (exit 2)" in result.log
    assert result.outputs["junit"] == ""
    assert result.summary == ""


def test_no_answers_file_is_bad_input():
    result = Runner().run({"answers": " \n"}, download=mirror("v0.1.0"))
    assert result.code == 2, result.log
    assert "names no file" in result.log


def test_summary_false_leaves_the_summary_alone():
    result = Runner().run({"answers": ANSWERS, "summary": "false"}, download=mirror("v0.1.0"))
    assert result.code == 0, result.log
    assert result.summary == ""


def test_hostile_inputs_are_data_not_code():
    runner = Runner()
    hostile = "examples/$(touch PWNED) a;b.yaml"
    shutil.copy(runner.file(ANSWERS), runner.file(hostile))
    result = runner.run(
        {"answers": hostile, "min-level": "1", "output-dir": "out $(touch PWNED2)"},
        download=mirror("v0.1.0"),
    )
    assert result.code == 0, result.log
    assert not os.path.exists(runner.file("PWNED")) and not os.path.exists(runner.file("PWNED2"))
    assert os.path.exists(runner.file(result.outputs["junit"]))
    for value in ("$(id)", "1; touch PWNED"):
        bad = Runner().run({"answers": ANSWERS, "min-level": value}, download=mirror("v0.1.0"))
        assert bad.code == 2, bad.log


def test_require_sets_are_passed_one_per_line():
    # A jsp in the tool cache (a cache hit) that records how it is called: the flags the action
    # builds, whichever jsp version has --require.
    runner = Runner()
    bin_dir = os.path.join(runner.tool_cache, "jsp", "v0.1.0", TARGET, "bin")
    os.makedirs(bin_dir)
    calls = os.path.join(runner.home, "calls")
    with open(os.path.join(bin_dir, "jsp"), "w") as file:
        file.write(f'#!/bin/sh\necho "$*" >> "{calls}"\n')
    os.chmod(os.path.join(bin_dir, "jsp"), 0o755)
    result = runner.run({"answers": ANSWERS, "require": "premarket\n\nfda 524B\n", "min-level": "2"})
    assert result.code == 0, result.log
    score = [line for line in open(calls).read().splitlines() if line.startswith("score ")]
    assert score == [
        f"score {ANSWERS} --min-level 2 --require premarket --require fda 524B --format table"
        " --out junit=jsp-results/examples-manufacturer-answers.junit.xml"
        " --out markdown=jsp-results/examples-manufacturer-answers.score.md"
        " --out json=jsp-results/examples-manufacturer-answers.score.json"
    ], score
