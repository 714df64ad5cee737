"""The HTML report rendered once in headless Chromium: the page paints and its charts are on screen."""
from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest
from matplotlib import colors as mcolors
from matplotlib import image as mimage

from conftest import DATA, TRANSCRIPTS
from toolkit import plots
from toolkit.report import run_analysis

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1280,2400"]


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if path := shutil.which(name):
            return path
    pytest.skip("Chromium not found (Debian: apt-get install chromium chromium-driver; .ci/run installs it)")


def _pixels_near(img: np.ndarray, hex_color: str, tol: float = 0.06) -> int:
    rgb = np.array(mcolors.to_rgb(hex_color))
    return int((np.abs(img[..., :3] - rgb).max(axis=-1) < tol).sum())


def test_report_renders_with_its_charts_in_headless_chromium(tmp_path):
    browser = _chromium()
    out = tmp_path / "reports"
    assert run_analysis([DATA / "articles", TRANSCRIPTS], out, notebooks=False) == 0
    shot = tmp_path / "report.png"
    proc = subprocess.run([browser, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}",
                           (out / "index.html").as_uri()], capture_output=True, text=True, timeout=120)
    assert shot.is_file(), f"no screenshot (exit {proc.returncode}): {proc.stderr[-2000:]}"
    img = mimage.imread(shot)  # floats in [0, 1]
    assert img.shape[:2] == (2400, 1280)
    rgb = img[..., :3]
    # not blank: a real share of the page is painted, with more than a few shades
    painted = (rgb.min(axis=-1) < 0.9).mean()
    assert painted > 0.05, f"only {painted:.1%} of the page painted"
    assert len(np.unique((rgb * 255).astype(np.uint8).reshape(-1, 3), axis=0)) > 50
    # the charts decoded and drew: bar colours no table or text on the page uses
    western = _pixels_near(rgb, plots.CAMP_COLORS["western_official"])
    direct = _pixels_near(rgb, plots.KIND_COLORS["direct"])
    endorsing = _pixels_near(rgb, plots.VERB_COLORS["endorsing"])
    assert western > 2000, f"{western} pixels of the Western camp colour: charts missing?"
    assert direct > 2000, f"{direct} pixels of the direct-quote colour: voice chart missing?"
    assert endorsing > 100, f"{endorsing} pixels of the endorsing-verb colour: verb chart missing?"
    # the charts sit below the page title and tables, in the upper half of the shot
    rows = np.nonzero((np.abs(rgb - np.array(mcolors.to_rgb(plots.KIND_COLORS["direct"]))).max(axis=-1) < 0.06).any(axis=1))[0]
    assert 150 < rows.min() < 1600
