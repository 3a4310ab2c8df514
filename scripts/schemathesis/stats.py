#!/usr/bin/env python3
"""Per operation, how many cases schemathesis sent and which statuses came back (from run.sh's NDJSON).

usage: python3 scripts/schemathesis/stats.py [report/operations.ndjson ...]

Shows where the fuzzing reached the API's logic (2xx, 409, 422) and where it only met 404s,
and every 5xx or connection error.
"""
from __future__ import annotations

import collections
import json
import os
import sys


def main(paths: list[str]) -> int:
    statuses: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                event = json.loads(line)
                finished = event.get("ScenarioFinished")
                if not finished:
                    continue
                recorder = finished.get("recorder") or {}
                label = recorder.get("label", "?")
                interactions = recorder.get("interactions") or {}
                for interaction in interactions.values():
                    response = interaction.get("response")
                    method = (interaction.get("request") or {}).get("method", "")
                    name = label if label.startswith(method + " ") or label == "?" else f"{label} [{method}]"
                    statuses[name][response.get("status_code") if response else "no response"] += 1
    total = 0
    server_errors = 0
    width = max((len(name) for name in statuses), default=10)
    for name in sorted(statuses, key=lambda n: (n.split(" ", 1)[-1], n)):
        counts = statuses[name]
        total += sum(counts.values())
        server_errors += sum(n for s, n in counts.items() if not isinstance(s, int) or s >= 500)
        shown = ", ".join(f"{s}×{n}" for s, n in sorted(counts.items(), key=lambda x: str(x[0])))
        print(f"{name:<{width}}  {sum(counts.values()):5}  {shown}")
    print(f"{'total':<{width}}  {total:5}  (5xx or no response: {server_errors})")
    return 0


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.exit(main(sys.argv[1:] or [os.path.join(here, "report", "operations.ndjson")]))
