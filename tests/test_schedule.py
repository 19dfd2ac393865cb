"""Scheduled runs: `medfacts serve` (Prefect's flow.serve) and the prefect.yaml deployment."""
from __future__ import annotations

import inspect
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import yaml

REPO = Path(__file__).resolve().parents[1]


def test_the_deployment_file_points_at_the_flow_with_its_own_parameters():
    from prefect.client.schemas.schedules import CronSchedule

    from flows.extract_facts import extract_facts

    config = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = config["deployments"]
    path, name = deployment["entrypoint"].split(":")
    assert (REPO / path).is_file() and name == extract_facts.fn.__name__
    assert set(deployment["parameters"]) <= set(inspect.signature(extract_facts.fn).parameters)
    for schedule in deployment["schedules"]:
        CronSchedule(cron=schedule["cron"], timezone=schedule.get("timezone"))  # raises on a bad cron


def test_serve_runs_the_flow_on_its_schedule_without_a_server_started_by_hand(tmp_path: Path):
    """`medfacts serve` starts its own Prefect server when PREFECT_API_URL is unset, and runs on schedule."""
    out = tmp_path / "out"
    env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "2",
           "PREFECT_RUNNER_POLL_FREQUENCY": "2"}
    env.pop("PREFECT_API_URL", None)
    served = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", str(REPO / "raw"), "--out", str(out),
                               "--interval", "3"], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not runs_recorded(out, 2):
            assert served.poll() is None, "medfacts serve stopped on its own"
            time.sleep(2)
        assert runs_recorded(out, 2), "no two scheduled runs within 300 s"
    finally:
        os.killpg(served.pid, signal.SIGINT)
        try:
            served.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(served.pid, signal.SIGKILL)
    runs = pd.read_csv(out / "runs.csv")
    assert runs["n_new"].iloc[0] == 5 and (runs["n_extracted"].iloc[1:] == 0).all()


def runs_recorded(out: Path, n: int) -> bool:
    try:
        return len(pd.read_csv(out / "runs.csv")) >= n
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError):
        return False


def test_a_run_publishes_a_summary_artifact(tmp_path: Path, prefect_backend):
    from prefect.artifacts import Artifact

    from flows.extract_facts import SUMMARY_ARTIFACT, extract_facts

    summary = extract_facts(REPO / "raw", tmp_path, None)
    artifact = Artifact.get(SUMMARY_ARTIFACT)
    assert artifact is not None and summary["run_id"] in artifact.data
    top = pd.read_csv(tmp_path / "relations.csv").sort_values("n_documents", ascending=False).iloc[0]
    assert f"| {top['subject']} | {top['predicate']} | {top['object']} |" in artifact.data
