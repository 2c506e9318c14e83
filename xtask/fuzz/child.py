"""Runs calls of one built module in a process of its own, so a crash or a hang costs only this process.

Usage: child.py SOURCE.py MODULE.so CALLS.json FIRST SECONDS

CALLS.json is a list of run-line texts (`p3_main(1, 2.0)`). For each call from index FIRST on, the
child prints `{"event": "start", "call": k}` before it, an event `compiled` before the compiled side
runs and an event `verdict` holding verdict.judge's dict after it, one JSON per line, so that the
parent can tell which call a crash or a hang belongs to and go on after it.
"""

import json
import os
import sys
import warnings


def main(argv):
    source, so, calls_file, first, seconds = argv[0], argv[1], argv[2], int(argv[3]), float(argv[4])
    import verdict

    warnings.simplefilter("ignore")
    stem = os.path.basename(source)[:-3]
    with open(calls_file, encoding="utf-8") as f:
        calls = json.load(f)
    src = verdict.runner.load_source(source, f"_fz_source_{stem}")
    model = verdict.load_model(source, f"_fz_model_{stem}")
    cmp = verdict.runner.load_compiled(so, stem)
    for k in range(first, len(calls)):
        print(json.dumps({"event": "start", "call": k}), flush=True)
        result = verdict.judge(calls[k], src, cmp, model, seconds, on_compiled=lambda: print(
            json.dumps({"event": "compiled", "call": k}), flush=True))
        print(json.dumps({"event": "verdict", "call": k, "verdict": result}), flush=True)
    return 0


if __name__ == "__main__":
    sys.dont_write_bytecode = True
    sys.exit(main(sys.argv[1:]))
