"""Feature switches: every generator rule belongs to one feature, and `--avoid NAME` turns it off.

Every rule names the construct it belongs to (RULES); a new construct adds its name here. The
narrow switches each keep one known class of mismatch out of a run (see docs/fuzzing.md).
"""

# Narrow switches for known classes of mismatch: a compiler bug still open, or a documented
# difference that the documented-differences model (verdict.py) does not capture.
NARROW = {
    "accumulate": "running totals that start as Python numbers and become fixed-width",
    "weak-int-range": "Python ints outside a fixed-width type's range as operands of its operators",
    "store-order": "array stores to elements that may be out of range (or whose index may raise)",
}

# The constructs the rules (exprgen, mathgen, arraygen, stmtgen) belong to.
RULES = {
    "literals": "literals and variables",
    "arith": "arithmetic, bitwise and shift operators, unary - + ~",
    "logic": "and, or, not",
    "compare": "comparisons, chained too",
    "builtins": "abs, min, max, pow",
    "convert": "int(), float(), bool(), round(), np.int8() and friends",
    "ifexp": "`a if c else b`",
    "tuples": "tuple displays, indexing, len and unpacking",
    "calls": "calls between generated functions",
    "generic-helpers": "unannotated helpers specialised for several types",
    "math": "math functions and constants",
    "arrays": "array creation, elements, shapes and new array locals",
    "array-stores": "a[i] = v and a[i] += v",
    "for-each": "for x in a",
    "assign": "assignments",
    "augassign": "augmented assignments",
    "if": "if / elif / else",
    "for-range": "for i in range(...)",
    "while": "while loops with a counter",
    "exits": "return, raise, break and continue in if blocks",
    "exceptions": "assert",
    "pass": "pass",
}

# Switches of constructs that are parts of rules rather than rules of their own.
INLINE = {
    "annotations": "annotated assignments `x: T = e`",
    "kwargs": "keyword arguments in calls between generated functions",
    "defaults": "parameters with default values",
    "loop-else": "`else` blocks of loops",
    "maybe-unbound": "reading variables of an `if` or loop block after it (UnboundLocalError)",
    "constants": "module-level constants",
    "recursion": "recursive helpers (depth under 16)",
    "prange": "`for i in prange(...)` (pyaot.prange, range under CPython)",
    "range-step-expr": "range() steps computed at run time (step 0 raises ValueError)",
}

FEATURES = dict(NARROW, **RULES, **INLINE)


class Switches:
    """The features of one run: all on, except those avoided."""

    def __init__(self, avoid=()):
        unknown = [a for a in avoid if a not in FEATURES]
        if unknown:
            raise ValueError(f"unknown feature(s) {', '.join(unknown)}; see --list-features")
        self.avoid = frozenset(avoid)

    def on(self, feature):
        return feature not in self.avoid
