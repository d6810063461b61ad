#!/usr/bin/env python3
"""Measures how late timed injects arrive: plays bench/scenarios/latency-drill.yaml at speed 1 on a
running Sitroom and compares each inject.delivered event's time with its due time (the start plus
its scenario offset). Standard library only. Usage: inject_latency.py BASE_URL ADMIN_PASSWORD [RUNS]"""
import json
import statistics
import sys
import time
import urllib.request
from datetime import datetime


def call(base, method, path, token=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"null")


def at(text):
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").timestamp()


def run_once(base, token):
    room = call(base, "POST", "/api/rooms", token, {"kind": "EXERCISE", "title": "latency", "scenarioId": "latency-drill"})["id"]
    call(base, "POST", f"/api/rooms/{room}/commands", token, {"commandId": "start", "name": "exercise.start", "data": {"speed": 1}})
    time.sleep(22)
    events = call(base, "GET", f"/api/rooms/{room}/events?limit=1000", token)["events"]
    start = next(at(e["at"]) for e in events if e["kind"] == "exercise.started")
    late = []
    for e in events:
        if e["kind"] == "inject.delivered" and e["data"]["scenarioMs"] > 0:
            due = start + e["data"]["scenarioMs"] / 1000.0
            late.append((e["data"]["injectId"], (at(e["at"]) - due) * 1000.0))
    return late


def main():
    base, password = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    token = call(base, "POST", "/api/auth/login", body={"username": "admin", "password": password})["token"]
    all_late = []
    for run in range(runs):
        late = run_once(base, token)
        print(f"run {run + 1}: " + ", ".join(f"{i} {ms:+.0f} ms" for i, ms in late))
        all_late.extend(ms for _, ms in late)
    print(f"injects: {len(all_late)}, lateness ms: median {statistics.median(all_late):.1f}, "
          f"max {max(all_late):.1f}, min {min(all_late):.1f}")


if __name__ == "__main__":
    main()
