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
    "reduce-layout": "float sums, means and variances of arrays that may not be C-contiguous",
    "ufunc-loop-dtype": "np.copysign of two integer types NumPy computes in a smaller float (int8, uint16: float32)",
    "arg-axis-3d": "np.argmin/np.argmax with axis= of 3-D arrays",
    "mask-store-range": "a[mask] = v with a Python number that may not fit a's dtype (empty selections)",
    "float-u32-cast": "float arrays cast to uint32 (astype, array stores), NaN and out-of-range values too",
    "std-axis-1d": "np.std(a, axis=k) of a 1-D array",
    "fancy-index-alias": "a[idx] = v and a[idx] op= v where idx is a (or shares its memory)",
    "square-f32-expr": "np.square of a float32 expression (refused as `**` on f32)",
    "where-int-power": "integer array ** inside np.where's operands (a negative exponent raises)",
    "fancy-index-range": "a[idx] = v with indices that may be out of range (IndexError after some stores)",
    "int-power-store": "integer array ** (ValueError for negative exponents) in values stored into arrays",
    "empty-axis-minmax": "min/max/argmin/argmax with axis= of 2-D and 3-D arrays (both axes may be empty)",
    "view-store-order": "a[view] = x with scalars that may not fit a's dtype (converted before the view)",
    "mask-array-store": "a[mask] op= v and a[mask] = array with a mask of a's rows or a 3-D a",
    "complex-array-abs": "np.abs of complex arrays (NumPy's SIMD loop scales and fuses; pyaot rounds as hypot)",
    "c64-mean": "np.mean of complex64 arrays (pyaot rounds the quotient differently: last bit)",
    "complex-bool-cast": "complex arrays cast to bool (astype): pyaot tests the real part only, NumPy both parts",
    "complex-f64": "z op x and z == x with a Python complex z and an np.float64 x (CPython: Python complex "
                   "arithmetic; pyaot: NumPy complex128)",
    "const-conjugate": "K.conjugate() of a module constant K (refused: `not-callable`)",
    "complex-rint": "np.rint of complex arrays and scalars (refused: `np.rint() of c128 is not supported`)",
}

# The constructs the rules (exprgen, mathgen, arraygen, stmtgen) belong to.
RULES = {
    "literals": "literals and variables",
    "arith": "arithmetic, bitwise and shift operators, unary - + ~",
    "logic": "and, or, not",
    "compare": "comparisons, chained too, and `in` of tuple displays",
    "builtins": "abs, min, max, pow",
    "convert": "int(), float(), bool(), round(), np.int8() and friends",
    "ifexp": "`a if c else b`",
    "tuples": "tuple displays, indexing, len and unpacking",
    "tuple-ops": "tuple slices with literal bounds, + and * of tuples, ==/</... and `in` of int/bool tuples",
    "calls": "calls between generated functions",
    "function-values": "earlier functions passed as values to helpers that call them",
    "closures": "`def gN(p): ...` nested in a generated function, reading its variables, called there; lambdas reading them passed to a module helper",
    "lambdas": "`g = lambda p: ...` called in the same function (late binding of what it reads)",
    "generic-helpers": "unannotated helpers specialised for several types",
    "math": "math functions and constants",
    "arrays": "array creation, elements, shapes and new array locals",
    "array-stores": "a[i] = v and a[i] += v",
    "array-exprs": "element-wise array operators and comparisons with broadcasting, array locals",
    "array-inplace": "a += b and the other operators on whole arrays (same_kind casts)",
    "ufuncs": "np.sqrt, np.maximum, np.where, np.clip, ... on arrays and scalars",
    "reductions": "sum prod min max mean var std argmin argmax any all cumsum cumprod, with axis=",
    "astype": "a.astype(dtype)",
    "views": "a[1:-1], a[::-1], m[i], m[:, j], a[:, None], a[..., 0] and view locals",
    "reshape": "a.reshape(...), a.ravel(), a.flatten(), a.T, a.transpose(...)",
    "view-stores": "a[1:] = b, a[:] = x, a[1:] += a[:-1], m[i] *= 2",
    "masks": "a[a > t], a[mask] = v, a[mask] += v",
    "fancy-index": "a[idx] and a[idx] = v with 1-D integer arrays",
    "for-each": "for x in a",
    "iterables": "for over enumerate/zip/reversed of ranges, 1-D arrays and tuple displays, nested targets",
    "generators": "sum/any/all/min/max of generator expressions (for and if clauses, start=, default=)",
    "lists": "list displays, [x] * n, +, slices, comprehensions, indexing, pop, min/max/sum/sorted, "
             "len, count, index, in, comparisons and truth of lists",
    "strings": "f-strings, str(), repr() and format() of numbers with format specs, measured by len, "
               "count, find, ord, comparisons, `in`, isdigit, and float() of the text",
    "dicts": "dict and set displays and comprehensions, d[k], get/pop/setdefault with defaults, in, len, "
             "sum of values, sorted keys, set algebra and comparisons",
    "int-math": "math.comb/perm/lcm, gcd of several ints, int.bit_length/bit_count, float.is_integer",
    "int-pow-float": "float(a ** b) of ints whose exponent may be negative at run time",
    "assign": "assignments",
    "augassign": "augmented assignments",
    "if": "if / elif / else",
    "for-range": "for i in range(...)",
    "while": "while loops with a counter",
    "exits": "return, raise, break and continue in if blocks",
    "exceptions": "assert",
    "pass": "pass",
    "complex-scalars": "Python complex numbers: literals, complex(), + - * / **, abs, .real, .imag, "
                       ".conjugate(), == and !=, truthiness, complex parameters, returns and locals",
    "cmath": "cmath functions and constants",
    "complex-arrays": "c64/c128 arrays and NumPy complex scalars: operators, np.abs/conj/real/imag/angle, "
                      "a.real/a.imag views and stores, element functions, sum/prod/mean/cumsum, astype",
}

# Switches of constructs that are parts of rules rather than rules of their own.
INLINE = {
    "annotations": "annotated assignments `x: T = e`",
    "kwargs": "keyword arguments in calls between generated functions",
    "defaults": "parameters with default values",
    "loop-else": "`else` blocks of loops",
    "maybe-unbound": "reading variables of an `if` or loop block after it (UnboundLocalError, NameError in generators)",
    "constants": "module-level constants",
    "recursion": "recursive helpers (depth under 16)",
    "prange": "`for i in prange(...)` (pyaot.prange, range under CPython)",
    "range-step-expr": "range() steps computed at run time (step 0 raises ValueError)",
    "broadcast-errors": "array operands whose shapes may not broadcast (ValueError)",
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
