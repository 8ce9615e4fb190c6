"""The release: the workflow's structure (it cannot run here), and what it runs, done locally by
run.sh for one target (JSP_RELEASE_DIR: dist/package.sh's archive, dist/sbom.sh's SBOM)."""

import glob
import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile

import yaml

from test_action import ANSWERS, Runner

REPO = os.environ["JSP_REPO"]
OUT = os.environ["JSP_RELEASE_DIR"]
TARGET = os.environ["JSP_RELEASE_TARGET"]
VERSION = "v0.1.0"
NAME = f"jsp-{VERSION}-{TARGET}"


def workflow():
    with open(os.path.join(REPO, ".github", "workflows", "release.yml")) as file:
        return yaml.safe_load(file)


def test_workflow_builds_every_platform_and_publishes_only_tags():
    flow = workflow()
    triggers = flow[True]  # YAML 1.1 reads the key `on` as true
    assert set(triggers) == {"push", "workflow_dispatch"}
    assert triggers["push"]["tags"] == ["v[0-9]+.[0-9]+.[0-9]+*"]
    jobs = flow["jobs"]
    targets = {entry["target"] for entry in jobs["build"]["strategy"]["matrix"]["include"]}
    assert targets >= {
        "x86_64-unknown-linux-gnu",
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    }
    runs = lambda job: "\n".join(step.get("run", "") for step in jobs[job]["steps"])  # noqa: E731
    assert 'bash dist/package.sh "$TARGET" "$VERSION" dist/out' in runs("build")
    assert 'bash dist/sbom.sh "$VERSION" dist/out' in runs("sbom")
    assert "cargo-cyclonedx --version 0.5.9" in runs("sbom")
    publish = jobs["publish"]
    assert publish["needs"] == ["build", "sbom"]
    assert publish["if"] == "github.event_name == 'push' && github.ref_type == 'tag'"
    assert "SHA256SUMS" in runs("publish") and "@REPOSITORY@" in runs("publish")
    assert flow["permissions"] == {"contents": "read"}
    assert publish["permissions"] == {"contents": "write"}
    for job in jobs.values():
        for step in job["steps"]:
            assert "uses" not in step or step["uses"].split("@")[1] == "v4", step
            assert "${{" not in step.get("run", ""), f"expressions go through env: {step}"


def test_archive_holds_jsp_readme_licenses_and_its_checksum_checks():
    archive = os.path.join(OUT, NAME + ".tar.gz")
    with tarfile.open(archive) as tar:
        names = sorted(tar.getnames())
        member = tar.getmember(f"{NAME}/jsp")
        assert member.mode & 0o111 and member.uid == 0 and member.mtime == 0
    assert names == [NAME] + [f"{NAME}/{n}" for n in ("LICENSE-APACHE", "LICENSE-MIT", "README.md", "jsp")]
    subprocess.run(["sha256sum", "--check", "--quiet", NAME + ".tar.gz.sha256"], cwd=OUT, check=True)


def test_packaging_again_gives_the_same_bytes():
    again = tempfile.mkdtemp(prefix="jsp-again-")
    subprocess.run(
        ["bash", "dist/package.sh", TARGET, VERSION, again], cwd=REPO, check=True, capture_output=True
    )
    digest = lambda folder: hashlib.sha256(open(os.path.join(folder, NAME + ".tar.gz"), "rb").read()).digest()  # noqa: E731
    assert digest(again) == digest(OUT)


def test_sbom_is_cyclonedx_of_what_ships():
    (path,) = glob.glob(os.path.join(OUT, "*.cdx.json"))
    sbom = json.load(open(path))
    assert sbom["bomFormat"] == "CycloneDX" and sbom["specVersion"] == "1.5"
    assert sbom["metadata"]["component"]["name"] == "jsp"
    names = {component["name"] for component in sbom["components"]}
    assert {"clap", "serde", "yaml_serde", "quick-junit"} <= names
    assert not names & {"scraper", "insta", "proptest", "criterion"}, "dev-dependencies do not ship"
    assert all(c.get("purl", "").startswith("pkg:cargo/") for c in sbom["components"])


def installer(mirror, *args):
    to = tempfile.mkdtemp(prefix="jsp-install-")
    env = dict(os.environ, JSP_DOWNLOAD_URL="file://" + mirror, HOME=to)
    process = subprocess.run(
        ["sh", os.path.join(REPO, "dist", "install.sh"), *args, "--to", os.path.join(to, "bin")],
        env=env,
        capture_output=True,
        text=True,
    )
    return process, os.path.join(to, "bin", "jsp")


def mirror_of_release(corrupt=False):
    root = tempfile.mkdtemp(prefix="jsp-releases-")
    shutil.copytree(OUT, os.path.join(root, VERSION))
    if corrupt:
        with open(os.path.join(root, VERSION, NAME + ".tar.gz"), "ab") as file:
            file.write(b"x")
    return root


def test_installer_installs_the_checked_binary():
    if not TARGET.endswith("linux-musl"):
        print("  SKIPPED installer: it takes the musl build on Linux, and this run built", TARGET)
        return
    process, jsp = installer(mirror_of_release(), "--version", VERSION)
    assert process.returncode == 0, process.stderr
    assert "installed jsp 0.1.0 into" in process.stdout
    assert subprocess.run([jsp, "--version"], capture_output=True, text=True).stdout.startswith("jsp ")


def test_installer_refuses_a_bad_checksum_and_bad_arguments():
    process, jsp = installer(mirror_of_release(corrupt=True), "--version", VERSION)
    if TARGET.endswith("linux-musl"):
        assert process.returncode == 1 and "checksum mismatch" in process.stderr, process.stderr
    assert not os.path.exists(jsp)
    assert installer(mirror_of_release(), "--bogus")[0].returncode == 2
    bad = installer(mirror_of_release(), "--version", "main")[0]
    assert bad.returncode == 1 and "not a release version: main" in bad.stderr
    assert installer(mirror_of_release())[0].returncode == 1  # a mirror needs the version


def test_action_installs_the_release_archive():
    if not TARGET.endswith("linux-musl"):
        print("  SKIPPED action from the release: it takes the musl build on Linux")
        return
    result = Runner().run({"answers": ANSWERS}, download="file://" + mirror_of_release())
    assert result.code == 0, result.log
    assert "downloaded, checksum verified" in result.log
