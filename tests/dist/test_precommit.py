"""The hooks of .pre-commit-hooks.yaml, run by pre-commit itself (`pre-commit try-repo`) on a
repository that holds jsp files and others."""

import os
import re
import shutil
import subprocess
import tempfile

import yaml

REPO = os.environ["JSP_REPO"]
JSP = os.environ["JSP_BIN"]


def project():
    """A git repository with an answers file, a target, and files the hook must not read."""
    root = tempfile.mkdtemp(prefix="jsp-hook-")
    for name in ("manufacturer-answers.yaml", "manufacturer-target.toml"):
        shutil.copy(os.path.join(REPO, "examples", name), os.path.join(root, name))
    with open(os.path.join(root, "Cargo.toml"), "w") as file:
        file.write('[package]\nname = "other"\n')
    with open(os.path.join(root, "config.yaml"), "w") as file:
        file.write("not: jsp\n")
    subprocess.run(["git", "init", "-q", root], check=True)
    return root


def try_repo(root, hook, *args, env=None):
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)  # --all-files: the tracked ones
    run_env = dict(os.environ)
    run_env["PRE_COMMIT_HOME"] = os.path.join(root, ".pre-commit-home")
    run_env.update(env or {})
    return subprocess.run(
        ["pre-commit", "try-repo", REPO, hook, "--color", "never", *args],
        cwd=root,
        env=run_env,
        capture_output=True,
        text=True,
    )


def system_path():
    return {"PATH": os.path.dirname(JSP) + os.pathsep + os.environ["PATH"]}


def test_files_pattern_takes_jsp_files_only():
    hooks = yaml.safe_load(open(os.path.join(REPO, ".pre-commit-hooks.yaml")))
    pattern = re.compile(hooks[0]["files"])
    assert hooks[0]["files"] == hooks[1]["files"]
    taken = [
        "acme-answers.yaml",
        "examples/manufacturer-target.toml",
        "questionnaires/custom.yaml",
        "sites/a/assessments/2026.yml",
        "targets/premarket.toml",
        "jsp.toml",
        "targets-by-role.toml",
    ]
    left = ["Cargo.toml", ".pre-commit-config.yaml", "ci/config.yaml", "answers.json"]
    assert [p for p in taken if not pattern.search(p)] == []
    assert [p for p in left if pattern.search(p)] == []


def test_system_hook_passes_on_valid_files_and_skips_others():
    root = project()
    result = try_repo(root, "jsp-validate-system", "--all-files", env=system_path())
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"jsp validate\.+Passed", result.stdout), result.stdout


def test_system_hook_fails_on_a_broken_answers_file_and_says_why():
    root = project()
    with open(os.path.join(root, "site-answers.yaml"), "w") as file:
        file.write("questionnaire: jsp-manufacturer\nanswerz: {}\n")
    result = try_repo(root, "jsp-validate-system", "--all-files", env=system_path())
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"jsp validate\.+Failed", result.stdout)
    assert "site-answers.yaml:2:1: unknown key `answerz`" in result.stdout, result.stdout


def test_rust_hook_builds_jsp_and_validates():
    # pre-commit builds the hook with `cargo install --path`: in a target folder kept between
    # runs, without LTO, so a CI run rebuilds only jsp itself.
    cache = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")))
    env = {
        "CARGO_TARGET_DIR": os.path.join(cache, "jsp-dist", "pre-commit-target"),
        "CARGO_PROFILE_RELEASE_LTO": "false",
        "CARGO_PROFILE_RELEASE_OPT_LEVEL": "1",
        "CARGO_PROFILE_RELEASE_CODEGEN_UNITS": "16",
    }
    root = project()
    result = try_repo(root, "jsp-validate", "--all-files", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"jsp validate\.+Passed", result.stdout), result.stdout
