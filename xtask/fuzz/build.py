"""Building many programs as one module: writing it, compiling it, and sorting out failures.

A rejected build (exit 1) names lines; the programs holding them are dropped and the rest rebuilt.
A crashed build (exit 101, a signal, a timeout, a failed link) is split in halves until each crash
is pinned to one program; the programs of every half that builds still run.
"""

import glob
import os
import re
import subprocess

from progen import HEADER

ERROR = re.compile(r"^\s*(?:×\s*)?error\[([\w-]+)\]:\s*(.*)$")
LOCATION = re.compile(r"╭─\[(.+?):(\d+):(\d+)\]")
BUILD_TIMEOUT = 300


class Module:
    """Programs written into one file, with the line range of each."""

    def __init__(self, path, programs):
        self.path = path
        self.programs = programs
        self.ranges = []
        text = HEADER
        for p in programs:
            text += "\n\n"
            start = text.count("\n") + 1
            text += p.source()
            self.ranges.append((start, text.count("\n"), p))
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        self.stem = os.path.basename(path)[:-3]

    def program_at(self, line):
        for start, end, p in self.ranges:
            if start <= line <= end:
                return p
        return None


class Built:
    """A module that compiled: its source, the extension and the programs it holds."""

    def __init__(self, module, so):
        self.module = module
        self.so = so


class Outcome:
    """What building a list of programs gave."""

    def __init__(self):
        self.built = []  # Built
        self.rejected = []  # (program, code, message)
        self.crashed = []  # (program, signature, stderr)


def compile_module(cfg, path, out_dir):
    """Runs the compiler; returns (exit code, stderr), exit code -1000 on a timeout."""
    os.makedirs(out_dir, exist_ok=True)
    cmd = [cfg.pyaot, "build", path, "-o", out_dir, "--python", cfg.python]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=BUILD_TIMEOUT, env=cfg.build_env)
    except subprocess.TimeoutExpired:
        return -1000, f"build timed out after {BUILD_TIMEOUT}s"
    return proc.returncode, proc.stderr


def find_so(out_dir, stem):
    found = sorted(glob.glob(os.path.join(out_dir, f"{stem}.*so")))
    return found[0] if found else None


def errors(stderr):
    """(code, message, line) of every error diagnostic; line is None when none is shown."""
    out = []
    for line in stderr.splitlines():
        m = ERROR.match(line)
        if m:
            out.append([m.group(1), m.group(2), None])
            continue
        loc = LOCATION.search(line)
        if loc and out and out[-1][2] is None:
            out[-1][2] = int(loc.group(2))
    return [tuple(e) for e in out]


def crash_signature(rc, stderr):
    """A short, stable description of a compiler crash (no line numbers or values)."""
    if rc == -1000:
        return "compiler hang"
    what = f"signal {-rc}" if rc < 0 else f"exit {rc}"
    for line in stderr.splitlines():
        if "panicked at" in line or "error[" in line:
            line = re.sub(r":\d+(:\d+)?", "", line.strip())
            return f"compiler {what}: {line[:160]}"
    return f"compiler {what}"


def build(cfg, programs, workdir, name, outcome=None):
    """Builds `programs` as module `name` (and halves of it on crashes); fills an Outcome."""
    outcome = outcome or Outcome()
    programs = list(programs)
    while programs:
        module = Module(os.path.join(workdir, f"{name}.py"), programs)
        out_dir = os.path.join(workdir, name)
        rc, stderr = compile_module(cfg, module.path, out_dir)
        if rc == 0:
            so = find_so(out_dir, module.stem)
            if so is None:
                outcome.crashed += [(p, "compiler exit 0 without an extension module", stderr) for p in programs]
            else:
                outcome.built.append(Built(module, so))
            return outcome
        if rc == 1:
            bad = {}
            for code, message, line in errors(stderr):
                p = module.program_at(line) if line is not None else None
                if p is not None and p.index not in bad:
                    bad[p.index] = (p, code, message)
            if bad:
                outcome.rejected += list(bad.values())
                programs = [p for p in programs if p.index not in bad]
                continue
            if len(programs) == 1:
                outcome.rejected.append((programs[0], "unlocated", first_line(stderr)))
                return outcome
        elif len(programs) == 1:
            outcome.crashed.append((programs[0], crash_signature(rc, stderr), stderr))
            return outcome
        half = len(programs) // 2
        build(cfg, programs[:half], workdir, f"{name}a", outcome)
        build(cfg, programs[half:], workdir, f"{name}b", outcome)
        return outcome
    return outcome


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""
