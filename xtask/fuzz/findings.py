"""Writing reproducers: `OUT/findings/NNN.py`, ready to be copied into testsuite/programs.

A reproducer is the (minimised) program in the test suite's format: a comment saying what went
wrong, the outcomes of both sides, a `# pyaot: run` line with the failing call, then the source.
"""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import shrink
from progen import HEADER

_numbering = threading.Lock()  # minimising threads write findings at the same time


def _next_path(folder):
    os.makedirs(folder, exist_ok=True)
    taken = {n[:3] for n in os.listdir(folder) if n[:3].isdigit()}
    k = 1
    while f"{k:03}" in taken:
        k += 1
    return os.path.join(folder, f"{k:03}.py")


def render(cfg, finding, program, call_text, verdict, minimised):
    strip = program.prefix
    lines = [f"# Found by `cargo xtask fuzz --seed {cfg.seed}` (program {finding.program.index}"
             + (", minimised" if minimised else ", not minimised") + f"): {finding.kind}: {finding.sig}"]
    if cfg.avoid:
        lines.append(f"# The run avoided: {', '.join(cfg.avoid)}.")
    for side in ("cpython", "compiled", "model"):
        if side in verdict:
            label = {"cpython": "CPython:  ", "compiled": "compiled: ", "model": "model:    "}[side]
            lines.append(f"# {label}{verdict[side]}")
    for d in verdict.get("details", [])[:12] if finding.kind != "mismatch" else []:
        lines.append(f"#   {d}")
    if "stderr" in verdict:
        lines += [f"#   {line}" for line in verdict["stderr"].strip().splitlines()[:6]]
    if call_text:
        lines.append(f"# pyaot: run {call_text.replace(strip, '')}")
    source = program.source().replace(strip, "")
    return "\n".join(lines) + "\n" + HEADER + "\n\n" + source


def write(cfg, finding, program, call_text, verdict, minimised):
    text = render(cfg, finding, program, call_text, verdict, minimised)
    with _numbering:
        path = _next_path(cfg.findings_dir)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    finding.path = os.path.relpath(path)
    return path


def _call_text(finding):
    return finding.program.call_text(finding.call) if finding.call is not None else (
        finding.program.call_text(0) if finding.program.calls else None)


def write_all(cfg, stats):
    for finding in list(stats.findings.values())[: cfg.max_findings]:
        write(cfg, finding, finding.program, _call_text(finding), finding.verdict, False)


def minimize_all(cfg, stats):
    """Shrinks the first example of each class (in parallel), then writes the reproducers."""
    todo = list(stats.findings.values())[: cfg.max_findings]
    if not todo:
        return
    print(f"minimising {len(todo)} finding(s), at most {cfg.minimize_seconds:.0f}s each", flush=True)

    def one(finding):
        start = time.monotonic()
        program, call_text, verdict = shrink.minimize(cfg, finding)
        write(cfg, finding, program, call_text, verdict, True)
        print(f"  {finding.path}: {finding.kind}: {finding.sig} "
              f"({time.monotonic() - start:.0f}s, {len(program.source().splitlines())} lines)", flush=True)

    with ThreadPoolExecutor(max_workers=max(1, cfg.jobs)) as pool:
        for r in pool.map(one, todo):
            del r
