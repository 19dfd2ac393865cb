"""A Prefect API for scheduled runs: PREFECT_API_URL when set, else a local server for as long as needed.

Prefect's embedded (ephemeral) server runs flows but not schedules: `flow.serve` with a schedule needs
a real API. So `medfacts serve` starts `prefect server start` itself when none is configured, and
stops it when serving stops: nobody has to start a server by hand.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from prefect.settings import PREFECT_API_URL, temporary_settings

STARTUP_SECONDS = 180


class ServerStartFailed(RuntimeError):
    """The local Prefect server did not come up; the message names its log."""


@contextmanager
def prefect_api() -> Iterator[str]:
    """Yield the API URL to use; a local server started here is stopped on exit."""
    configured = PREFECT_API_URL.value()
    if configured:
        yield configured
        return
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    log_path = Path(tempfile.gettempdir()) / f"medfacts-prefect-server-{port}.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                                   "--port", str(port)], stdout=log, stderr=subprocess.STDOUT,
                                  env={**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    try:
        wait_until_healthy(url, server, log_path)
        os.environ["PREFECT_API_URL"] = url  # flow runs start in child processes: they read the environment
        with temporary_settings(updates={PREFECT_API_URL: url}):  # this process read its settings at import
            yield url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_healthy(url: str, server: subprocess.Popen, log_path: Path, timeout: float = STARTUP_SECONDS) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServerStartFailed(f"local Prefect server exited with code {server.returncode}; see {log_path}")
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise ServerStartFailed(f"local Prefect server not ready after {timeout:.0f} s; see {log_path}")


@contextmanager
def api_shared_with_workers() -> Iterator[None]:
    """Worker processes started inside this block report to the API this flow run reports to.

    With no PREFECT_API_URL, Prefect runs flows against an embedded server, and a worker process
    that inherits no URL starts an embedded server of its own: a process and seconds of CPU per
    worker and run, taken from the extraction on a machine whose cores the workers already fill.
    For local workers only: a worker on another machine cannot reach this one's 127.0.0.1.
    """
    from prefect.context import FlowRunContext

    run = FlowRunContext.get()
    url = str(run.client.api_url).rstrip("/") if run is not None and run.client is not None else ""
    if PREFECT_API_URL.value() or not url.startswith(("http://127.0.0.1", "http://localhost")):
        yield
        return
    with temporary_settings(updates={PREFECT_API_URL: url}):  # the workers inherit the settings context
        yield
