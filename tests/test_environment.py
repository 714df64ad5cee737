"""environment.yml and pyproject.toml must ask for the same packages."""
from __future__ import annotations

import re
import tomllib

from conftest import ROOT


def _name(req: str) -> str:
    return re.split(r"[\s<>=!~\[;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_pyproject_packages():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r) for r in meta["dependencies"]}
    for extra in meta["optional-dependencies"].values():
        wanted |= {_name(r) for r in extra}
    deps = (ROOT / "environment.yml").read_text().split("dependencies:", 1)[1]
    conda = set()
    for line in deps.splitlines():
        m = re.match(r"\s{2}- ([A-Za-z][\w.-]*)", line)
        if m and m.group(1) not in ("python", "pip"):
            conda.add(_name(m.group(1)))
    assert conda == wanted, f"only in pyproject: {wanted - conda}; only in environment.yml: {conda - wanted}"


def test_environment_yml_installs_the_repo_with_its_extras():
    text = (ROOT / "environment.yml").read_text()
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    m = re.search(r"-e \.\[([\w,]+)\]", text)
    assert m, "environment.yml must pip-install the repo (-e .[extras])"
    assert set(m.group(1).split(",")) == set(extras)
