"""Run a command and measure it: wall time and the peak resident memory of its whole process tree.

The tree is sampled every `interval` seconds from /proc (Linux), so the peak includes child
processes (Prefect's temporary server) and is a lower bound between samples.
"""
from __future__ import annotations

import os
import re
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

_FINISHED = re.compile(r"^(\d\d:\d\d:\d\d\.\d+) \| INFO +\| Task run '([\w-]+?)-[0-9a-f]+' - Finished")


@dataclass
class Measured:
    returncode: int
    wall_s: float
    peak_rss_mib: float
    peak_main_rss_mib: float
    stdout: str
    stderr: str
    timeline: list[tuple[datetime, float]] = field(default_factory=list)  # (local time, tree RSS in MiB)

    def stages(self) -> list[tuple[str, float, float]]:
        """(Prefect task name, seconds, peak tree RSS in MiB) per task kind, from the flow's log lines.

        A task's span runs from the previous task's end to its own 'Finished' line; tasks that run
        once per batch (ner, relations) are summed over their batches.
        """
        ends = []
        for line in self.stderr.splitlines():
            match = _FINISHED.match(line)
            if match and self.timeline:
                clock = datetime.strptime(match.group(1), "%H:%M:%S.%f").time()
                ends.append((datetime.combine(self.timeline[0][0].date(), clock), match.group(2)))
        totals: dict[str, list[float]] = {}
        previous = self.timeline[0][0] if self.timeline else None
        for end, name in ends:
            samples = [rss for moment, rss in self.timeline if previous <= moment <= end]
            total = totals.setdefault(name, [0.0, 0.0])
            total[0] += (end - previous).total_seconds()
            total[1] = max([total[1], *samples])
            previous = end
        return [(name, seconds, peak) for name, (seconds, peak) in totals.items()]


def children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry))
    return children


def rss_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def tree_rss(pid: int) -> tuple[int, int]:
    """(RSS of the process and all its descendants, RSS of the largest single process)."""
    children = children_map()
    total, largest, stack = 0, 0, [pid]
    while stack:
        current = stack.pop()
        stack.extend(children.get(current, []))
        rss = rss_bytes(current)
        total += rss
        largest = max(largest, rss)
    return total, largest


def run_measured(command: list[str], interval: float = 0.5, **popen: object) -> Measured:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)
    peak = peak_main = 0
    timeline: list[tuple[datetime, float]] = []
    import threading

    output: dict[str, str] = {}
    reader = threading.Thread(target=lambda: output.update(zip(("out", "err"), process.communicate())))
    reader.start()
    while process.poll() is None:
        total, largest = tree_rss(process.pid)
        peak, peak_main = max(peak, total), max(peak_main, largest)
        timeline.append((datetime.now(), total / 2**20))
        time.sleep(interval)
    reader.join()
    return Measured(process.returncode, time.perf_counter() - start, peak / 2**20, peak_main / 2**20,
                    output.get("out", ""), output.get("err", ""), timeline)
