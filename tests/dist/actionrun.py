"""Runs the `run:` steps of a composite action (action.yml) or the script of a GitLab CI/CD
component job as their runners would, with a fake runner environment, so that tests can check
the outputs, the job summary and the exit code without GitHub or GitLab.

GitHub: each `run:` step goes to `bash --noprofile --norc -eo pipefail FILE` with its `env:`
(expressions `${{ inputs.X }}`, `${{ github.X }}`, `${{ steps.ID.outputs.X }}` evaluated), its
own GITHUB_OUTPUT file, and the job's GITHUB_STEP_SUMMARY and GITHUB_PATH; the first failing step
ends the run. `uses:` steps (only actions/cache is allowed) are not run: the tool cache folder
persists between runs instead, as a cache hit would restore it.
"""

import json
import os
import re
import subprocess
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.+?)\s*\}\}")


def read_outputs(path):
    """GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` blocks."""
    outputs = {}
    with open(path, encoding="utf-8") as file:
        lines = file.read().split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value = []
            while lines[index] != delimiter:
                value.append(lines[index])
                index += 1
            index += 1
            outputs[name] = "\n".join(value)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


class Result:
    def __init__(self, code, outputs, log, steps):
        self.code = code
        self.outputs = outputs
        self.log = log
        self.steps = steps


def run_action(action_path, inputs, env, context):
    """Runs action.yml in `action_path` with `inputs` (defaults filled in), the runner
    environment `env` (must hold GITHUB_STEP_SUMMARY, GITHUB_PATH, RUNNER_*), and `context`
    for `${{ github.X }}`. Returns a Result: the exit code of the first failing step (or 0), the
    action's outputs, stdout and stderr of every step, and the ids of the steps run."""
    with open(os.path.join(action_path, "action.yml"), encoding="utf-8") as file:
        action = yaml.safe_load(file)
    assert action["runs"]["using"] == "composite"
    values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
    for name in inputs:
        assert name in action["inputs"], f"no input {name} in action.yml"
    values.update(inputs)
    missing = [n for n, s in action["inputs"].items() if s.get("required") and not values.get(n)]
    assert not missing, f"required inputs missing: {missing}"
    steps = {}

    def evaluate(text):
        def one(match):
            kind, _, rest = match.group(1).partition(".")
            if kind == "inputs":
                return values[rest]
            if kind == "github":
                return context[rest]
            if kind == "steps":
                step, _, output = rest.partition(".outputs.")
                return steps.get(step, {}).get(output, "")
            raise AssertionError(f"expression not supported here: {match.group(0)}")

        return EXPRESSION.sub(one, str(text))

    log = []
    ran = []
    code = 0
    work = tempfile.mkdtemp(prefix="jsp-action-")
    for number, step in enumerate(action["runs"]["steps"]):
        if "uses" in step:
            assert step["uses"].startswith("actions/cache@"), step["uses"]
            continue
        assert step.get("shell") == "bash", "every run step is bash"
        assert not EXPRESSION.search(step["run"]), "inputs reach scripts through env, not ${{ }}"
        step_id = step.get("id", f"step{number}")
        script = os.path.join(work, f"{step_id}.sh")
        output = os.path.join(work, f"{step_id}.output")
        with open(script, "w", encoding="utf-8") as file:
            file.write(step["run"])
        open(output, "w").close()
        step_env = dict(env)
        step_env["GITHUB_OUTPUT"] = output
        step_env["GITHUB_ACTION_PATH"] = action_path
        step_env.update({k: evaluate(v) for k, v in step.get("env", {}).items()})
        # GITHUB_PATH lines written by earlier steps go in front of PATH, as on a runner.
        with open(env["GITHUB_PATH"], encoding="utf-8") as file:
            added = [line for line in file.read().splitlines() if line]
        step_env["PATH"] = os.pathsep.join(list(reversed(added)) + [env["PATH"]])
        process = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
            env=step_env,
            capture_output=True,
            text=True,
            cwd=env.get("GITHUB_WORKSPACE"),
        )
        log.append(process.stdout + process.stderr)
        ran.append(step_id)
        steps[step_id] = read_outputs(output)
        if process.returncode != 0:
            code = process.returncode
            break
    outputs = {name: evaluate(spec["value"]) for name, spec in action["outputs"].items()}
    return Result(code, outputs, "\n".join(log), ran)


INTERPOLATION = re.compile(r"\$\[\[\s*inputs\.([\w-]+)\s*\]\]")


def run_component(path, inputs, env, cwd):
    """Includes the GitLab CI/CD component at `path` with `inputs` as GitLab does (the spec's
    defaults, options and required inputs checked, `$[[ inputs.X ]]` interpolated), then runs
    its one job's script as a runner would: every line in one `bash -eo pipefail` with the job's
    variables. Returns (exit code, output, job)."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    header, _ = yaml.safe_load_all(text)
    spec = header["spec"]["inputs"]
    values = {}
    for name, field in spec.items():
        if name in inputs:
            values[name] = inputs[name]
        else:
            assert "default" in field, f"input {name} is required"
            values[name] = field["default"]
        if "options" in field:
            assert values[name] in field["options"], f"{name}: {values[name]} not an option"
    for name in inputs:
        assert name in spec, f"no input {name} in the component's spec"

    def one(match):
        value = values[match.group(1)]
        return ("true" if value else "false") if isinstance(value, bool) else str(value)

    body = text.split("\n---\n", 1)[1]
    # GitLab interpolates values into the parsed YAML; escaping them as JSON strings does the same
    # here for the quoted places the component uses, whatever a value holds.
    job_file = yaml.safe_load(INTERPOLATION.sub(lambda m: json_inner(one(m)), body))
    assert len(job_file) == 1, "the component defines one job"
    (job,) = job_file.values()
    script = "\n".join(job["script"])
    run_env = dict(env)
    run_env.update({name: str(value) for name, value in job.get("variables", {}).items()})
    process = subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
        env=run_env,
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    return process.returncode, process.stdout + process.stderr, job


def json_inner(value):
    return json.dumps(value)[1:-1]
