"""Prefect flows that wire the stages in `extractors` into runs; no extraction logic lives here."""
import os

# The embedded server would try to phone home on every run; this machine (and many others) has no route out.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
