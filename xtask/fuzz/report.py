"""Counting what a run found, printing progress and the closing summary."""

import re
import time
from collections import Counter


class Finding:
    """The first example of one class of failure, and how often the class was seen."""

    def __init__(self, kind, sig, program, call, verdict):
        self.kind = kind  # mismatch, crash (compiled code), compiler
        self.sig = sig
        self.program = program
        self.call = call  # index into program.calls; None for compiler crashes
        self.verdict = verdict
        self.count = 1
        self.path = None  # where the reproducer was written


def _reason(code, message):
    """A rejection reason without the names in it, so that reasons can be counted."""
    message = re.sub(r"`[^`]*`", "`_`", message)
    return f"{code}: {re.sub(r'[0-9]+', 'N', message)}"


class Stats:
    """Totals of a run, shared by the worker threads (under `lock`)."""

    def __init__(self, cfg, lock):
        self.cfg = cfg
        self.lock = lock
        self.start = time.monotonic()
        self.programs = 0
        self.calls = 0
        self.inputs = 0
        self.status = Counter()
        self.raised = Counter()  # exception type (None: returned) of CPython, for agreeing calls
        self.rejected = 0
        self.reasons = Counter()
        self.findings = {}  # (kind, sig) -> Finding
        self.invalid = []  # (program, call, verdict)
        self.generator_errors = []

    def generator_error(self, index, tb):
        with self.lock:
            self.generator_errors.append((index, tb))
            print(f"generator error in program {index}:\n{tb}", flush=True)

    def built(self, programs, outcome):
        with self.lock:
            self.programs += len(programs)
            self.rejected += len(outcome.rejected)
            for _, code, message in outcome.rejected:
                self.reasons[_reason(code, message)] += 1
            for program, sig, stderr in outcome.crashed:
                self._add("compiler", sig, program, None, {"stderr": stderr[-4000:]})

    def verdict(self, program, call, verdict):
        with self.lock:
            status = verdict["status"]
            self.status[status] += 1
            self.calls += 1
            self.inputs += len(program.params)
            if "raised" in verdict:
                self.raised[verdict["raised"]] += 1
            if status == "mismatch":
                self._add("mismatch", verdict["sig"], program, call, verdict)
            elif status in ("crash", "hang"):
                self._add("crash", verdict["sig"], program, call, verdict)
            elif status == "invalid":
                self.invalid.append((program, call, verdict))

    def _add(self, kind, sig, program, call, verdict):
        key = (kind, sig)
        if key in self.findings:
            self.findings[key].count += 1
            return
        self.findings[key] = Finding(kind, sig, program, call, verdict)
        where = f"program {program.index}" + (f", call {program.call_text(call)}" if call is not None else "")
        print(f"NEW {kind}: {sig}\n    {where[:300]}", flush=True)

    def count(self, kind):
        return sum(f.count for f in self.findings.values() if f.kind == kind)

    def progress(self, batch):
        with self.lock:
            elapsed = time.monotonic() - self.start
            print(f"[{elapsed:6.0f}s] batch {batch}: {self.programs} programs, {self.calls} calls, "
                  f"{self.count('mismatch')} mismatches, {self.count('compiler')} compiler crashes, "
                  f"{self.count('crash')} crashes, {self.rejected} rejected", flush=True)

    def failed(self):
        return bool(self.findings or self.invalid or self.generator_errors)

    def summary(self, seconds):
        if self.reasons:
            print("rejections by reason:")
            for reason, n in self.reasons.most_common(12):
                print(f"  {n:5}  {reason[:150]}")
        for program, call, verdict in self.invalid[:5]:
            print(f"INVALID program {program.index} (generator bug): {program.call_text(call)[:200]}")
            for line in verdict.get("details", []):
                print(f"    {line}")
        if self.findings:
            print("findings:")
            for f in self.findings.values():
                print(f"  {f.count:5} x {f.kind}: {f.sig}" + (f"  -> {f.path}" if f.path else ""))
        agreed = sum(self.raised.values())
        if agreed:
            parts = [f"{100.0 * n / agreed:.0f}% {k or 'returned'}" for k, n in self.raised.most_common(6)]
            print(f"agreeing calls: {', '.join(parts)}")
        rate = 100.0 * self.rejected / self.programs if self.programs else 0.0
        mismatch_classes = sum(1 for f in self.findings.values() if f.kind == "mismatch")
        print(f"fuzz summary: seed {self.cfg.seed}, {seconds:.0f}s, {self.programs} programs, {self.calls} calls, "
              f"{self.inputs} inputs, {self.count('mismatch')} mismatches ({mismatch_classes} classes), "
              f"{self.count('compiler')} compiler crashes, {self.count('crash')} crashes or hangs of compiled code, "
              f"{self.rejected} rejections ({rate:.1f}%), {self.status['documented']} documented differences, "
              f"{self.status['slow']} skipped as slow, {len(self.invalid)} invalid calls, "
              f"{len(self.generator_errors)} generator errors", flush=True)
