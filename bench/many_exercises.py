#!/usr/bin/env python3
"""Many exercises at once (issue 18, item 10): starts N exercises of one scenario together at one speed on a
running Sitroom, waits until their scenario time has run out, and measures how late every timed inject was
delivered: each inject.delivered event's time (stamped in its appending transaction) against its due time,
the exercise.started event's time plus the inject's scenario time divided by the speed (no pause, no speed
change). Injects of scenario time 0 (delivered in the start's own transaction) and manual ones are left out.
Standard library only.

Usage: many_exercises.py BASE_URL ADMIN_PASSWORD [N] [SPEED] [SCENARIO] [RUNS]"""
import json
import math
import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone


def call(base, method, path, token=None, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as resp:
        return json.loads(resp.read() or b"null")


def at(text):
    """An instant as the API writes it ("...T22:00:05Z" or "...T22:00:05.451136724Z"), in epoch seconds."""
    whole, _, fraction = text.rstrip("Z").partition(".")
    seconds = datetime.strptime(whole, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=timezone.utc).timestamp()
    return seconds + (float("0." + fraction) if fraction else 0.0)


def scenario_ms(base, token, scenario):
    """How long the scenario runs, in scenario ms (its duration)."""
    return call(base, "GET", f"/api/scenarios/{scenario}", token)["durationSeconds"] * 1000


def events(base, token, room):
    out, since = [], 0
    while True:
        page = call(base, "GET", f"/api/rooms/{room}/events?since={since}&limit=1000", token)["events"]
        out.extend(page)
        if len(page) < 1000:
            return out
        since = page[-1]["seq"]


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p / 100 * len(ordered)) - 1))]


def run_once(base, token, n, speed, scenario, length_ms):
    rooms = [call(base, "POST", "/api/rooms", token, {"kind": "EXERCISE", "title": f"many {i}", "scenarioId": scenario})["id"]
             for i in range(n)]
    # Started together: one thread per exercise, so they run at the same time, as at a training day's start.
    with ThreadPoolExecutor(max_workers=min(n, 32)) as pool:
        list(pool.map(lambda r: call(base, "POST", f"/api/rooms/{r}/commands", token,
                                     {"commandId": "start", "name": "exercise.start", "data": {"speed": speed}}), rooms))
    time.sleep(length_ms / speed / 1000 + 3)
    late = []
    for room in rooms:
        log = events(base, token, room)
        start = next(at(e["at"]) for e in log if e["kind"] == "exercise.started")
        for e in log:
            if e["kind"] == "inject.delivered" and not e["data"]["manual"] and e["data"]["scenarioMs"] > 0:
                due = start + e["data"]["scenarioMs"] / speed / 1000.0
                late.append((at(e["at"]) - due) * 1000.0)
    for room in rooms:
        call(base, "POST", f"/api/rooms/{room}/commands", token, {"commandId": "end", "name": "exercise.end", "data": {}})
    return late


def main():
    base, password = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    speed = float(sys.argv[4]) if len(sys.argv) > 4 else 200
    scenario = sys.argv[5] if len(sys.argv) > 5 else "ransomware-friday-night"
    runs = int(sys.argv[6]) if len(sys.argv) > 6 else 3
    token = call(base, "POST", "/api/auth/login", body={"username": "admin", "password": password})["token"]
    length_ms = scenario_ms(base, token, scenario)
    p99s = []
    for run in range(runs):
        late = run_once(base, token, n, speed, scenario, length_ms)
        p99s.append(percentile(late, 99))
        print(f"run {run + 1}: {n} exercises of {scenario} at speed {speed:g}: {len(late)} timed injects in "
              f"{length_ms / speed / 1000:.1f} s, lateness ms p50 {percentile(late, 50):.1f}, p99 {percentile(late, 99):.1f}, "
              f"max {max(late):.1f}, min {min(late):.1f}", flush=True)
    print(f"median of {runs} runs' p99: {statistics.median(p99s):.1f} ms")


if __name__ == "__main__":
    main()
