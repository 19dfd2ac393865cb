"""Shared fixtures: the ../shared data folder, an isolated Prefect backend, one pipeline run on the seeds."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_path() -> Path:
    return Path(os.environ.get("MEDFACTS_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_path()
    if not path.is_dir():
        pytest.skip(f"shared data folder not found at {path} (set MEDFACTS_SHARED)")
    return path


@pytest.fixture(scope="session")
def seeds(shared: Path) -> Path:
    path = shared / "seeds"
    if not any(path.glob("*.txt")):
        pytest.skip(f"no seed articles in {path}")
    return path


@pytest.fixture(scope="session")
def prefect_backend():
    """A throw-away Prefect database for the whole session, so tests never touch ~/.prefect."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness():
        yield


@pytest.fixture(scope="session")
def seeds_run(seeds: Path, prefect_backend, tmp_path_factory) -> Path:
    """Output folder of one real `extract_facts` run over the seed articles."""
    from flows.extract_facts import extract_facts

    out_dir = tmp_path_factory.mktemp("seeds_out")
    extract_facts(seeds, out_dir, None)
    return out_dir


@pytest.fixture(scope="session")
def nlp():
    """The full extraction pipeline with the bundled model (loaded once)."""
    from extractors.ner import cached_extraction_pipeline

    return cached_extraction_pipeline(None)
