"""Running the calls of a built module in child processes and collecting one verdict per call.

A child that dies in a call marks that call `crash`; one that stops answering for longer than the
call timeout is killed and the call marked `hang` (or `slow` while CPython's side was running).
Either way a new child goes on from the next call.
"""

import json
import os
import select
import subprocess
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CHILD = os.path.join(HERE, "child.py")


def run_calls(cfg, built, calls, deadline=None):
    """One verdict dict per call text, in order; past `deadline` (a time.monotonic() value) the
    remaining calls are `skipped`."""
    stem = built.module.stem
    calls_file = os.path.join(os.path.dirname(built.module.path), f"{stem}.calls.json")
    with open(calls_file, "w", encoding="utf-8") as f:
        json.dump(calls, f)
    results = [None] * len(calls)
    first = 0
    while first < len(calls):
        first = _one_child(cfg, built, calls_file, first, results, deadline)
    return results


def _one_child(cfg, built, calls_file, first, results, deadline):
    """Runs a child from call `first`; returns where the next child must start (len when done)."""
    err_path = calls_file[:-len(".calls.json")] + ".stderr"
    with open(err_path, "w+", encoding="utf-8") as err:
        proc = subprocess.Popen(
            [cfg.python, CHILD, built.module.path, built.so, calls_file, str(first), str(cfg.cpython_seconds)],
            stdout=subprocess.PIPE, stderr=err, env=cfg.run_env, cwd=os.path.dirname(built.module.path))
        current, phase = None, "cpython"
        call_end = time.monotonic() + cfg.call_timeout + 10  # imports take a moment
        buf = b""
        while True:
            end = call_end if deadline is None else min(call_end, deadline)
            ready, _, _ = select.select([proc.stdout], [], [], max(end - time.monotonic(), 0))
            if not ready:
                proc.kill()
                proc.wait()
                if deadline is not None and time.monotonic() >= deadline:
                    _fail_rest(results, first, {"status": "skipped"})
                    return len(results)
                if current is None:
                    _fail_rest(results, first, {"status": "crash", "sig": "module import hangs"})
                    return len(results)
                results[current] = {"status": "slow" if phase == "cpython" else "hang",
                                    "sig": "compiled call hangs", "call": current}
                return current + 1
            chunk = os.read(proc.stdout.fileno(), 65536)
            if not chunk:
                break
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                msg = json.loads(line)
                if msg["event"] == "start":
                    current, phase = msg["call"], "cpython"
                    call_end = time.monotonic() + cfg.call_timeout
                elif msg["event"] == "compiled":
                    phase = "compiled"
                    call_end = time.monotonic() + cfg.call_timeout
                else:
                    results[msg["call"]] = msg["verdict"]
                    current = None
        rc = proc.wait()
        err.seek(0)
        tail = err.read()[-3000:]
    if current is not None:
        why = f"signal {-rc}" if rc < 0 else f"exit {rc}"
        results[current] = {"status": "crash", "sig": f"process died in a compiled call ({why})",
                            "details": tail.splitlines()[-8:], "call": current, "phase": phase}
        return current + 1
    if rc != 0:
        why = f"signal {-rc}" if rc < 0 else f"exit {rc}"
        last = tail.strip().splitlines()[-1] if tail.strip() else ""
        _fail_rest(results, first, {"status": "crash", "sig": f"module import failed ({why}): {last[:120]}",
                                    "details": tail.splitlines()[-12:]})
    return len(results)


def _fail_rest(results, first, verdict):
    for k in range(first, len(results)):
        if results[k] is None:
            results[k] = dict(verdict, call=k)
