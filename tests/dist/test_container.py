"""The Containerfile built with podman and run as the README says. No registry can be reached
here, so the image takes the static binary run.sh built (BINARY = an image holding it, made FROM
scratch) in place of its `build` stage, which compiles the same binary from the same command."""

import os
import shutil
import subprocess
import tarfile
import tempfile

REPO = os.environ["JSP_REPO"]
OUT = os.environ["JSP_RELEASE_DIR"]
TARGET = os.environ["JSP_RELEASE_TARGET"]
IMAGE = "localhost/jsp-dist-test"


def podman(*args, **kwargs):
    return subprocess.run(["podman", *args], capture_output=True, text=True, **kwargs)


def skip_reason():
    if not shutil.which("podman"):
        return "podman is not installed"
    if TARGET != "x86_64-unknown-linux-musl":
        return f"no static build: the musl target is not installed (built {TARGET})"
    return None


def build():
    context = tempfile.mkdtemp(prefix="jsp-image-")
    name = f"jsp-v0.1.0-{TARGET}"
    with tarfile.open(os.path.join(OUT, name + ".tar.gz")) as tar:
        tar.extract(f"{name}/jsp", context)
    os.rename(os.path.join(context, name, "jsp"), os.path.join(context, "jsp"))
    os.makedirs(os.path.join(context, "work"))
    with open(os.path.join(context, "Binary"), "w") as file:
        file.write("FROM scratch\nCOPY jsp /jsp\nCOPY work /work\n")
    made = podman("build", "--pull=never", "-q", "-t", IMAGE + "-binary", "-f", "Binary", context)
    assert made.returncode == 0, made.stderr
    image = podman(
        "build", "--pull=never", "-q", "--build-arg", f"BINARY={IMAGE}-binary",
        "-t", IMAGE, "-f", os.path.join(REPO, "Containerfile"), REPO,
    )
    assert image.returncode == 0, image.stderr


def test_image_runs_the_readme_commands_as_non_root():
    reason = skip_reason()
    if reason:
        print(f"  SKIPPED container image: {reason}")
        return
    build()
    config = podman("image", "inspect", IMAGE, "--format", "{{.Config.User}} {{.Config.WorkingDir}}")
    assert config.stdout.split() == ["65532:65532", "/work"], config.stdout
    layers = podman("image", "inspect", IMAGE, "--format", "{{len .RootFS.Layers}}")
    assert layers.stdout.strip() == "2", "the jsp binary and /work: nothing else"
    entry = podman("image", "inspect", IMAGE, "--format", "{{json .Config.Entrypoint}}")
    assert entry.stdout.strip() == '["/usr/local/bin/jsp"]', entry.stdout
    files = exported_files()
    assert sorted(files) == ["usr/", "usr/local/", "usr/local/bin/", "usr/local/bin/jsp", "work/"]
    work = tempfile.mkdtemp(prefix="jsp-image-work-")
    shutil.copytree(os.path.join(REPO, "examples"), os.path.join(work, "examples"))
    os.chmod(work, 0o777)
    probe = podman("run", "--rm", *LIMITS, IMAGE, "--version")
    if probe.returncode == 0:
        run = lambda *args: podman("run", "--rm", *LIMITS, "--network=none", "-v", f"{work}:/work", IMAGE, *args)  # noqa: E731
        shell = podman("run", "--rm", *LIMITS, "--entrypoint", "/bin/sh", IMAGE, "-c", "true")
        assert shell.returncode != 0, "no shell, no other program in the image"
    else:
        # Some sandboxes (this one: no cgroup controllers) cannot start a container at all: the
        # image's own jsp then runs from its exported files as its user, 65532.
        print(f"  podman run cannot start a container here ({probe.stderr.strip()}):")
        print("  running the image's /usr/local/bin/jsp as user 65532 in /work instead")
        jsp = files["usr/local/bin/jsp"]
        run = lambda *args: subprocess.run(  # noqa: E731
            ["setpriv", "--reuid=65532", "--regid=65532", "--clear-groups", jsp, *args],
            cwd=work, capture_output=True, text=True,
        )
    assert run("--version").stdout.startswith("jsp ")
    assert "jsp-manufacturer" in run("list").stdout
    score = run(
        "score", "examples/manufacturer-answers.yaml", "--target", "examples/manufacturer-target.toml",
        "--out", "junit=jsp-junit.xml",
    )
    assert score.returncode == 1, score.stderr
    assert "gate failed" in score.stderr
    assert os.stat(os.path.join(work, "jsp-junit.xml")).st_uid == 65532, "written by the non-root user"
    report = run("report", "examples/manufacturer-answers.yaml", "--format", "html", "-o", "report.html")
    assert report.returncode == 0, report.stderr
    assert run("validate", "examples").returncode == 0


# Lower than any host's limits: a sandbox may forbid raising them, never lowering.
LIMITS = ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"]


def exported_files():
    """The image's files, by path; regular files extracted to a folder, with their modes."""
    container = podman("create", IMAGE).stdout.strip()
    folder = tempfile.mkdtemp(prefix="jsp-image-files-")
    os.chmod(folder, 0o755)  # the image's user reads its jsp from here
    archive = os.path.join(folder, "image.tar")
    with open(archive, "wb") as file:
        subprocess.run(["podman", "export", container], stdout=file, check=True)
    podman("rm", container)
    files = {}
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            name = member.name + ("/" if member.isdir() else "")
            files[name] = os.path.join(folder, member.name)
            if member.isfile():
                tar.extract(member, folder)
    return files
