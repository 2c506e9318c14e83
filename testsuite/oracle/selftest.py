"""Check that runner.py catches wrong results, so a green program test means something.

A deliberately wrong .py module stands in for the compiled .so.
Exits 0 when the runner flags exactly the expected lines, 1 otherwise.
"""

import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(HERE, "runner.py")

# Each directive is tagged with what the runner must say about it against WRONG.
PROGRAM = '''\
# pyaot: run ident(3)
# pyaot: run half(4)
# pyaot: run neg_zero()
# pyaot: run div(1, 0)
# pyaot: run div2(1, 0)
# pyaot: run-msg fail(1)
# pyaot: run fail(1)
# pyaot: overflow square(2**40)
# pyaot: run nan_()
# pyaot: run ident(7)
# pyaot: check m.ident(1) == 1
# pyaot: check m.ident(7) == 8
# pyaot: run square(2**40)
# pyaot: run helper(1)
# pyaot: run flag()
# pyaot: run pair()
# pyaot: run ident(undefined_name)
# pyaot: run ident(2**63)
# pyaot: run nan_bits()
# pyaot: run inf_()
# pyaot: run-msg fail(2)
# pyaot: check raises(ZeroDivisionError, m.div, 1, 0)
# pyaot: run mid(2**40)
# pyaot: overflow mid(2)
import math


def ident(x: int) -> int:
    return x


def half(x: int) -> float:
    return x / 2


def neg_zero() -> float:
    return -0.0


def div(a: int, b: int) -> int:
    return a // b


def div2(a: int, b: int) -> int:
    return a // b


def fail(x: int) -> int:
    raise ValueError("bad value")


def square(x: int) -> int:
    return x * x


def nan_() -> float:
    return math.nan


def nan_bits() -> float:
    return -math.nan


def inf_() -> float:
    return math.inf


def helper(x):
    return x


def mid(x: int) -> int:
    return x * x // x


def flag() -> bool:
    return True


def pair() -> tuple[int, float]:
    return 1, 2.0
'''

WRONG = '''\
import math


def ident(x):
    return x if x != 3 else 4


def half(x):
    return x // 2


def neg_zero():
    return 0.0


def div(a, b):
    raise ValueError("not zero division")


def div2(a, b):
    return 0


def fail(x):
    raise ValueError("other message" if x == 1 else "bad value")


def square(x):
    return x * x


def nan_():
    return math.nan


def nan_bits():
    return math.nan


def inf_():
    return -math.inf


def helper(x):
    return x


def mid(x):
    return x * x // x


def flag():
    return 1


def pair():
    return 1, 2
'''

# Line -> reason, for the run against WRONG.
EXPECT_WRONG = {
    1: "value mismatch",
    2: "int instead of float",
    3: "0.0 instead of -0.0",
    4: "ValueError instead of ZeroDivisionError",
    5: "missing exception",
    6: "different exception message under run-msg",
    8: "missing OverflowError",
    12: "false check",
    13: "CPython result outside int64 (invalid test)",
    14: "not an exported function (invalid test)",
    15: "int instead of bool",
    16: "tuple element int instead of float",
    17: "NameError in the arguments (invalid test)",
    18: "argument outside int64 (invalid test)",
    20: "-inf instead of inf",
    22: "ValueError where the check wants ZeroDivisionError",
    24: "no OverflowError",
}
# Against the source itself only invalid tests fail (and the overflow line, which needs a compiled side).
EXPECT_SOURCE = {8: "", 12: "", 24: "", 13: "", 14: "", 17: "", 18: ""}
# In --self mode the int64 model checks intermediates and overflow lines.
EXPECT_SELF = {23: "intermediate overflow", 24: "no overflow", 13: "", 14: "", 17: "", 18: ""}


# The same for arrays: dtype, shape, bits, NumPy scalar types, in-place results, buffers.
ARRAY_PROGRAM = '''\
# pyaot: run make(3)
# pyaot: run fill(np.zeros(3))
# pyaot: run neg0(2)
# pyaot: run nan_arr()
# pyaot: run first(np.arange(3.0))
# pyaot: run first32(np.arange(3, dtype=np.float32))
# pyaot: run make2(2, 3)
# pyaot: run fill(np.zeros(4)[::-1])
# pyaot: run-msg first(np.arange(3.0), 5)
# pyaot: run partial(np.zeros(4), 6)
# pyaot: check raises_unchanged(ValueError, m.guarded, np.arange(3.0))
# pyaot: run fill(array.array('d', [1.0, 2.0]))
# pyaot: run fill(memoryview(np.ones(2)))
# pyaot: run make_list(2)
# pyaot: run first(np.random.rand(3))
# pyaot: run fill(np.zeros(2))
# pyaot: check raises_unchanged(ValueError, m.guarded, readonly(np.arange(3.0)))
# pyaot: run first_py(np.arange(3.0))
# pyaot: run-close scaled(np.arange(3.0), 1.0)
# pyaot: run-close scaled(np.arange(3.0), 2.0)
import numpy as np
from pyaot import f32, f64


def make(n: int) -> f64[:]:
    return np.arange(n, dtype=np.float64)


def fill(a: f64[:]) -> None:
    for i in range(len(a)):
        a[i] = 0.5 * i


def neg0(n: int) -> f64[:]:
    return np.full(n, -0.0)


def nan_arr() -> f64[:]:
    return np.array([np.nan, 1.0])


def first(a: f64[:], i: int = 0) -> f64:
    return a[i]


def first32(a: f32[:]) -> f32:
    return a[0]


def make2(n: int, m: int) -> f64[:, :]:
    return np.zeros((n, m))


def partial(a: f64[:], n: int) -> None:
    for i in range(n):
        a[i] = 1.0


def guarded(a: f64[:]) -> None:
    if a[0] == 0.0:
        raise ValueError("guard")
    a[0] = 1.0


def make_list(n: int) -> f64[:]:
    return np.zeros(n)


def first_py(a: f64[:]) -> float:
    return a[0]


def scaled(a: f64[:], k: float) -> f64[:]:
    return a * k
'''

ARRAY_WRONG = '''\
import numpy as np


def make(n):
    return np.arange(n, dtype=np.float32)


def fill(a):
    for i in range(len(a)):
        a[i] = 0.5 * i if len(a) != 3 else 0.25 * i


def neg0(n):
    return np.full(n, 0.0)


def nan_arr():
    return np.array([-np.nan, 1.0])


def first(a, i=0):
    if i >= len(a):
        raise IndexError("out of range")
    return float(a[i])


def first32(a):
    return np.float64(a[0])


def make2(n, m):
    return np.zeros((m, n))


def partial(a, n):
    raise IndexError("index 4 is out of bounds for axis 0 with size 4")


def guarded(a):
    a[0] = 1.0
    raise ValueError("guard")


def make_list(n):
    return [0.0] * n


def first_py(a):
    return a[0]


def scaled(a, k):
    return a * k * (1 + (1e-15 if k == 1.0 else 1e-9))
'''

# Line -> reason, for the array program against ARRAY_WRONG.
EXPECT_ARRAY_WRONG = {
    1: "float32 array instead of float64",
    2: "different in-place result",
    3: "+0.0 elements instead of -0.0",
    5: "float instead of numpy.float64",
    6: "numpy.float64 instead of numpy.float32",
    7: "shape (3, 2) instead of (2, 3)",
    9: "different IndexError message under run-msg",
    10: "raised before writing the elements CPython wrote",
    11: "argument changed before the ValueError",
    14: "list instead of ndarray",
    15: "arguments differ between evaluations (invalid test)",
    18: "numpy.float64 where the `-> float` annotation converts to float",
    20: "a relative error of 1e-9 under run-close (1e-15 on line 19 is within its tolerance)",
}
# Against the source itself, in --self mode and against the reference model, only the invalid line fails.
EXPECT_ARRAY_SOURCE = {15: ""}
# The plain source does not convert its result as the return annotation says; the model and the reference do.
EXPECT_ARRAY_PLAIN_SOURCE = {15: "", 18: "the source returns np.float64 for `-> float`"}


def run_runner(args):
    proc = subprocess.run([sys.executable, RUNNER, *args], capture_output=True, text=True)
    return proc.returncode, proc.stdout + proc.stderr


def failing_lines(output):
    return {int(m.group(1)) for m in re.finditer(r"^FAIL [^\n]*?:(\d+): ", output, re.M)}


def check(name, args, expect, problems, program=PROGRAM):
    before = len(problems)
    code, out = run_runner(args)
    got = failing_lines(out)
    last = out.strip().splitlines()[-1] if out.strip() else ""
    total = len(re.findall(r"^# pyaot: ", program, re.M))
    want_last = f"{total - len(expect)} passed, {len(expect)} failed"
    if got != set(expect):
        for line in sorted(set(expect) - got):
            problems.append(f"{name}: line {line} should fail ({expect[line] or 'invalid'}) but did not")
        for line in sorted(got - set(expect)):
            problems.append(f"{name}: line {line} failed but should pass")
    if last != want_last:
        problems.append(f"{name}: last line is {last!r}, expected {want_last!r}")
    if (code != 0) != bool(expect):
        problems.append(f"{name}: exit status {code}")
    if len(problems) > before:
        problems.append(f"--- runner output ({name}) ---\n{out}")


def main():
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, "prog.py")
        wrong = os.path.join(tmp, "wrong_impl.py")
        with open(prog, "w") as f:
            f.write(PROGRAM)
        with open(wrong, "w") as f:
            f.write(WRONG)
        check("wrong module", [prog, wrong], EXPECT_WRONG, problems)
        check("source as module", [prog, prog], EXPECT_SOURCE, problems)
        check("--self", ["--self", prog], EXPECT_SELF, problems)
        try:
            import numpy  # noqa: F401, the array cases need NumPy
        except ImportError:
            problems.append("NumPy is not installed: the array cases cannot run")
        else:
            aprog = os.path.join(tmp, "arrays_prog.py")
            awrong = os.path.join(tmp, "arrays_wrong.py")
            with open(aprog, "w") as f:
                f.write(ARRAY_PROGRAM)
            with open(awrong, "w") as f:
                f.write(ARRAY_WRONG)
            check("arrays: wrong module", [aprog, awrong], EXPECT_ARRAY_WRONG, problems, ARRAY_PROGRAM)
            check("arrays: source as module", [aprog, aprog], EXPECT_ARRAY_PLAIN_SOURCE, problems, ARRAY_PROGRAM)
            check("arrays: --self", ["--self", aprog], EXPECT_ARRAY_SOURCE, problems, ARRAY_PROGRAM)
            check("arrays: --reference", ["--reference", aprog], EXPECT_ARRAY_SOURCE, problems, ARRAY_PROGRAM)
        empty = os.path.join(tmp, "empty.py")
        with open(empty, "w") as f:
            f.write("def f(x: int) -> int:\n    return x\n")
        code, out = run_runner(["--self", empty])
        if code == 0:
            problems.append("a program without directives must fail")
    for p in problems:
        print(p)
    print("selftest:", "ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
