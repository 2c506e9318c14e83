"""Differential fuzzer of pyaot: random programs compiled by pyaot and run against CPython.

Usage (normally through `cargo xtask fuzz`, which builds pyaot first):

    python xtask/fuzz/fuzz.py [--seed N] [--programs N | --seconds N] [--jobs N] [--keep]
                              [--pyaot PATH] [--avoid FEATURE ...] [--out DIR] [--no-minimize]

Exit status: 0 when every call agreed, 1 on a mismatch, a compiler crash, a crash or hang of compiled
code, or a program the generator got wrong; 2 on a bad command line. See docs/fuzzing.md.
"""

import argparse
import os
import shutil
import sys
import threading
import time
import traceback
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True

import build  # noqa: E402
import execute  # noqa: E402
import features  # noqa: E402
import findings  # noqa: E402
import progen  # noqa: E402
from report import Stats  # noqa: E402


class Config:
    """Everything a worker needs, fixed for the run."""

    def __init__(self, args):
        self.seed = args.seed
        self.pyaot = os.path.abspath(args.pyaot)
        self.python = args.python
        self.switches = features.Switches(args.avoid)
        self.avoid = args.avoid
        self.out = os.path.abspath(args.out)
        self.workdir = os.path.join(self.out, "work")
        self.findings_dir = os.path.join(self.out, "findings")
        self.batch = args.batch
        self.calls = args.calls
        self.call_timeout = args.call_timeout
        self.cpython_seconds = args.cpython_seconds
        self.keep = args.keep
        self.jobs = args.jobs
        self.minimize = args.minimize
        self.minimize_seconds = args.minimize_seconds
        self.max_findings = args.max_findings
        stdlib = os.path.join(ROOT, "stdlib")
        path = os.environ.get("PYTHONPATH")
        self.run_env = dict(os.environ, PYTHONPATH=stdlib + (os.pathsep + path if path else ""),
                            PYTHONDONTWRITEBYTECODE="1")
        self.build_env = dict(os.environ)


def parse_args(argv):
    ap = argparse.ArgumentParser(prog="cargo xtask fuzz", description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=None, help="seed of the run (default: from the clock)")
    budget = ap.add_mutually_exclusive_group()
    budget.add_argument("--programs", type=int, help="generate this many programs (default 300)")
    budget.add_argument("--seconds", type=float, help="generate programs for this long")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="builds and runs at a time")
    ap.add_argument("--keep", action="store_true", help="keep the generated modules under OUT/work")
    ap.add_argument("--pyaot", default=os.environ.get("PYAOT") or os.path.join(ROOT, "target/release/pyaot"),
                    help="the compiler (default: $PYAOT, else target/release/pyaot)")
    ap.add_argument("--python", default=sys.executable, help="the interpreter that runs and builds against")
    ap.add_argument("--avoid", action="append", default=[], metavar="FEATURE",
                    help="leave a feature out of the programs (repeatable; see --list-features)")
    ap.add_argument("--list-features", action="store_true", help="print the feature names and exit")
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "fuzz"), help="work and findings folder")
    ap.add_argument("--batch", type=int, default=30, help="programs per module")
    ap.add_argument("--calls", type=int, default=6, help="calls per program")
    ap.add_argument("--only", type=int, default=None, help="generate only program N of the seed")
    ap.add_argument("--call-timeout", type=float, default=20.0, help="seconds before a call counts as hung")
    ap.add_argument("--cpython-seconds", type=float, default=5.0, help="CPython's time per call before skipping")
    ap.add_argument("--no-minimize", dest="minimize", action="store_false", help="report findings unminimised")
    ap.add_argument("--minimize-seconds", type=float, default=180.0, help="time to shrink one finding")
    ap.add_argument("--max-findings", type=int, default=12, help="classes minimised and written per run")
    ap.add_argument("--show", action="store_true", help="print the programs of --only and exit")
    args = ap.parse_args(argv)
    if args.seed is None:
        args.seed = int(time.time()) % 100000
    if args.programs is None and args.seconds is None:
        args.programs = 300
    return args


def batch_programs(cfg, args, b):
    """The programs of batch b (program indices b*batch ...), skipping any the generator fails on."""
    if args.only is not None:
        indices = [args.only] if b == 0 else []
    else:
        start = b * cfg.batch
        stop = start + cfg.batch if args.programs is None else min(start + cfg.batch, args.programs)
        indices = range(start, stop)
    programs, broken = [], []
    for i in indices:
        try:
            programs.append(progen.generate(cfg.seed, i, cfg.switches, cfg.calls))
        except Exception:  # noqa: BLE001, a generator bug: reported, the run goes on
            broken.append((i, traceback.format_exc()))
    return programs, broken


def run_batch(cfg, args, b, stats):
    programs, broken = batch_programs(cfg, args, b)
    for i, tb in broken:
        stats.generator_error(i, tb)
    if not programs:
        return
    outcome = build.build(cfg, programs, cfg.workdir, f"fz{cfg.seed}_{b}")
    stats.built(programs, outcome)
    for built in outcome.built:
        texts = [(p, k) for p in built.module.programs for k in range(len(p.calls))]
        results = execute.run_calls(cfg, built, [p.call_text(k) for p, k in texts])
        for (p, k), r in zip(texts, results):
            stats.verdict(p, k, r)
    stats.progress(b)


def main(argv):
    args = parse_args(argv)
    if args.list_features:
        for name, what in sorted(features.FEATURES.items()):
            print(f"{name:22} {what}")
        return 0
    try:
        cfg = Config(args)
    except ValueError as e:
        print(f"fuzz: {e}", file=sys.stderr)
        return 2
    if args.show:
        p = progen.generate(cfg.seed, args.only or 0, cfg.switches, cfg.calls)
        print(progen.HEADER + "\n\n" + p.source())
        for k in range(len(p.calls)):
            print(f"# pyaot: run {p.call_text(k)}")
        return 0
    if not os.access(cfg.pyaot, os.X_OK):
        print(f"fuzz: no compiler at {cfg.pyaot} (build it or pass --pyaot)", file=sys.stderr)
        return 2
    shutil.rmtree(cfg.workdir, ignore_errors=True)
    os.makedirs(cfg.workdir, exist_ok=True)
    stats = Stats(cfg, threading.Lock())
    budget = f"{args.programs} programs" if args.programs is not None else f"{args.seconds:.0f} s"
    print(f"fuzz: seed {cfg.seed}, {budget}, {args.jobs} jobs, {cfg.batch} programs per module, "
          f"compiler {cfg.pyaot}" + (f", avoiding {', '.join(cfg.avoid)}" if cfg.avoid else ""), flush=True)
    start = time.monotonic()
    n_batches = None
    if args.only is not None:
        n_batches = 1
    elif args.programs is not None:
        n_batches = -(-args.programs // cfg.batch)
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        pending, b = set(), 0
        while True:
            more = b < n_batches if n_batches is not None else time.monotonic() - start < args.seconds
            if more and len(pending) < args.jobs:
                pending.add(pool.submit(run_batch, cfg, args, b, stats))
                b += 1
                continue
            if not pending:
                break
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                f.result()
    if cfg.minimize:
        findings.minimize_all(cfg, stats)
    else:
        findings.write_all(cfg, stats)
    if not cfg.keep:
        shutil.rmtree(cfg.workdir, ignore_errors=True)
    stats.summary(time.monotonic() - start)
    return 1 if stats.failed() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
