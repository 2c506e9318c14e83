"""Arguments of the calls that test a program, written as the source text of run lines.

The texts are evaluated in the oracle's namespace (np, math, inf, nan, readonly), once per side.
Arrays come empty, of length one, strided (`[::2]`), reversed (`[::-1]`), transposed and read-only
(only for parameters the function never stores into), holding each dtype's edge values.
"""

import math

import values
from typesys import FIXED_COMPLEX, FIXED_FLOATS, NP_NAME, is_array


def scalar_value(rng, ty, edge):
    if ty in ("complex",) + FIXED_COMPLEX and rng.random() < 0.1:
        return complex(rng.uniform(-1e3, 1e3), rng.uniform(-1, 1) * 10.0 ** rng.randint(-300, 300))
    if ty == "int" and rng.random() < 0.1:
        return rng.choice([rng.randint(-1000, 1000), rng.randint(-(2**63), 2**63 - 1)])
    if ty in ("float", "f64", "f32") and rng.random() < 0.1:
        return rng.choice([rng.uniform(-1e3, 1e3), rng.uniform(-1, 1) * 10.0 ** rng.randint(-300, 300)])
    return values.pick(rng, ty, edge)


def number_text(v):
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        return repr(v)  # inf and -inf are names of the namespace
    return repr(v)


def complex_text(v):
    """`complex(re, im)`: exact for every part (-0.0, inf and nan included)."""
    return f"complex({number_text(v.real)}, {number_text(v.imag)})"


def scalar_text(rng, ty, edge):
    v = scalar_value(rng, ty, edge)
    if ty == "complex":
        return complex_text(complex(v))
    if ty in FIXED_COMPLEX:
        return f"np.{NP_NAME[ty]}({complex_text(complex(v))})"
    if ty in ("int", "float", "bool"):
        return number_text(v)
    if ty in FIXED_FLOATS:
        return f"np.{NP_NAME[ty]}({number_text(float(v))})"
    if ty == "b1":
        return f"np.bool_({bool(v)})"
    return f"np.{NP_NAME[ty]}({int(v)})"


def _elements(rng, dtype, n, edge):
    out = []
    for _ in range(n):
        v = scalar_value(rng, dtype, edge)
        if dtype in FIXED_COMPLEX:
            out.append(complex_text(complex(v)))
            continue
        out.append(number_text(float(v)) if dtype in FIXED_FLOATS else repr(bool(v) if dtype == "b1" else int(v)))
    return "[" + ", ".join(out) + "]"


def array_text(rng, ty, writable, edge):
    _, dtype, ndim = ty
    np_dtype = f"np.{NP_NAME[dtype]}"
    lengths = {1: [0, 1, 1, 2, 3, 4, 4, 5, 5, 6, 7, 8], 2: [0] + [1, 2, 3, 4] * 3, 3: [0] + [1, 2, 3] * 3}[ndim]
    dims = [rng.choice(lengths) for _ in range(ndim)]
    view = rng.choice(["plain", "plain", "plain", "strided", "reversed", "transposed"])
    if view == "transposed" and ndim == 1:
        view = "plain"
    base_dims = list(dims)
    if view == "strided":
        base_dims[-1] *= 2
    if view == "transposed":
        base_dims = base_dims[::-1]
    size = math.prod(base_dims)
    text = f"np.array({_elements(rng, dtype, size, edge)}, dtype={np_dtype})"
    if ndim > 1:
        text += f".reshape({', '.join(map(str, base_dims))})"
    if not writable and rng.random() < 0.3:
        text = f"readonly({text})"
    if view == "strided":
        text += "[" + ", ".join([":"] * (ndim - 1) + ["::2"]) + "]"
    elif view == "reversed":
        text += "[" + ", ".join(["::-1"] + [":"] * (ndim - 1)) + "]"
    elif view == "transposed":
        text += ".T"
    return text


def arg_text(rng, ty, writable, edge):
    if is_array(ty):
        return array_text(rng, ty, writable, edge)
    return scalar_text(rng, ty, edge)


def call_args(rng, params, n_defaults, edge):
    """The argument list of one call: positional, the last ones sometimes by keyword or left out."""
    n = len(params)
    if n_defaults and rng.random() < 0.4:
        n -= rng.randint(1, n_defaults)
    texts = [arg_text(rng, ty, writable, edge) for _, ty, writable in params[:n]]
    if n and rng.random() < 0.15:
        texts[-1] = f"{params[n - 1][0]}={texts[-1]}"
    return ", ".join(texts)
