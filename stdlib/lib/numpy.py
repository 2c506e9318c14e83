"""NumPy functions written in pyaot's Python subset.

The compiler resolves `import numpy as np` in a user's module to this file. Each function is a
helper specialised for the argument types of each call and must return what NumPy returns (the
test suite compares them with NumPy on the same inputs). This file is compiled, never imported:
CPython runs the real NumPy.
"""

import math

import numpy as np


def linspace(start, stop, num=50, endpoint=True):
    """`num` evenly spaced float64 values from `start` to `stop`, computed as NumPy computes them."""
    if num < 0:
        raise ValueError("Number of samples must be non-negative.")
    lo = float(start)
    hi = float(stop)
    div = num - 1 if endpoint else num
    delta = hi - lo
    out = np.empty(num)
    if div > 0:
        step = delta / div
        if step == 0.0:
            for i in range(num):
                out[i] = i / div * delta + lo
        else:
            for i in range(num):
                out[i] = i * step + lo
    else:
        for i in range(num):
            out[i] = i * delta + lo
    if endpoint and num > 1:
        out[num - 1] = hi
    return out


# Reductions. NumPy's result dtypes: sums and products of bools and signed integers are int64, of
# unsigned integers uint64, of floats the same float type. Float sums are pairwise exactly as
# NumPy sums a contiguous run, so contiguous inputs give NumPy's bits; reductions along an axis
# other than the last accumulate slice by slice, as NumPy does for C-contiguous arrays.


def _acc_type(d):
    if d == np.float32 or d == np.float64 or d == np.complex64 or d == np.complex128:
        return d.type
    if d == np.uint8 or d == np.uint16 or d == np.uint32 or d == np.uint64:
        return np.uint64
    return np.int64


def _float_type(d):
    if d == np.float32 or d == np.complex64 or d == np.complex128:
        return d.type
    return np.float64


def _axis(axis, n):
    if axis < -n or axis >= n:
        raise ValueError("axis is out of bounds for array")
    if axis < 0:
        return axis + n
    return axis


def _front(a, ax):
    """A view of `a` with axis `ax` first and the others in order."""
    if a.ndim == 1:
        return a
    if a.ndim == 2:
        return a.transpose(ax, 1 - ax)
    if a.ndim == 3:
        return a.transpose(ax, 0 + (0 >= ax), 1 + (1 >= ax))
    return a.transpose(ax, 0 + (0 >= ax), 1 + (1 >= ax), 2 + (2 >= ax))


def _innermost(v):
    """Whether axis 0 of `v` has the smallest stride: NumPy then reduces along it pairwise."""
    s = v.strides
    if v.ndim == 2:
        return abs(s[0]) <= abs(s[1])
    if v.ndim == 3:
        return abs(s[0]) <= abs(s[1]) and abs(s[0]) <= abs(s[2])
    return abs(s[0]) <= abs(s[1]) and abs(s[0]) <= abs(s[2]) and abs(s[0]) <= abs(s[3])


def _pairwise(a, lo, n, t):
    """NumPy's pairwise sum of a[lo:lo + n] of a 1-D array, in scalar type t."""
    if n < 8:
        s = t(0)
        for i in range(lo, lo + n):
            s += t(a[i])
        return s
    if n <= 128:
        r0 = t(a[lo])
        r1 = t(a[lo + 1])
        r2 = t(a[lo + 2])
        r3 = t(a[lo + 3])
        r4 = t(a[lo + 4])
        r5 = t(a[lo + 5])
        r6 = t(a[lo + 6])
        r7 = t(a[lo + 7])
        m = n - n % 8
        for i in range(lo + 8, lo + m, 8):
            r0 += t(a[i])
            r1 += t(a[i + 1])
            r2 += t(a[i + 2])
            r3 += t(a[i + 3])
            r4 += t(a[i + 4])
            r5 += t(a[i + 5])
            r6 += t(a[i + 6])
            r7 += t(a[i + 7])
        s = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        for i in range(lo + m, lo + n):
            s += t(a[i])
        return s
    n2 = n // 2
    n2 -= n2 % 8
    return _pairwise(a, lo, n2, t) + _pairwise(a, lo + n2, n - n2, t)


def _pairwise_complex(a, lo, n, t):
    """NumPy's pairwise sum of the complex a[lo:lo + n // 2], in complex type t. As in NumPy's
    loop, `n` counts the real and imaginary parts, so a block holds up to 64 numbers, summed by
    four accumulators of each part."""
    f = _real_type(t)
    if n < 8:
        rr = f(0)
        ri = f(0)
        for i in range(lo, lo + n // 2):
            rr += f(a[i].real)
            ri += f(a[i].imag)
        return t(rr, ri)
    if n <= 128:
        r0 = f(a[lo].real)
        r1 = f(a[lo].imag)
        r2 = f(a[lo + 1].real)
        r3 = f(a[lo + 1].imag)
        r4 = f(a[lo + 2].real)
        r5 = f(a[lo + 2].imag)
        r6 = f(a[lo + 3].real)
        r7 = f(a[lo + 3].imag)
        m = (n - n % 8) // 2
        for i in range(lo + 4, lo + m, 4):
            r0 += f(a[i].real)
            r1 += f(a[i].imag)
            r2 += f(a[i + 1].real)
            r3 += f(a[i + 1].imag)
            r4 += f(a[i + 2].real)
            r5 += f(a[i + 2].imag)
            r6 += f(a[i + 3].real)
            r7 += f(a[i + 3].imag)
        rr = (r0 + r2) + (r4 + r6)
        ri = (r1 + r3) + (r5 + r7)
        for i in range(lo + m, lo + n // 2):
            rr += f(a[i].real)
            ri += f(a[i].imag)
        return t(rr, ri)
    n2 = n // 2
    n2 -= n2 % 8
    x = _pairwise_complex(a, lo, n2, t)
    y = _pairwise_complex(a, lo + n2 // 2, n - n2, t)
    return t(x.real + y.real, x.imag + y.imag)


def _sum_flat(flat, t):
    """The pairwise sum of a 1-D array in scalar type t, complex or not, as NumPy adds."""
    # NumPy adds the pairwise total to the reduction's initial 0 (so -0.0 totals become 0.0).
    if t == np.complex64 or t == np.complex128:
        return t(0) + _pairwise_complex(flat, 0, 2 * len(flat), t)
    return t(0) + _pairwise(flat, 0, len(flat), t)


def _sum_all(a, t):
    return _sum_flat(a.ravel(), t)


def _sum_axis(a, axis, t):
    ax = _axis(axis, a.ndim)
    if a.ndim == 1:
        return _sum_all(a, t)
    v = _front(a, ax)
    if a.ndim == 2:
        out = np.empty(v.shape[1], dtype=t)
        if _innermost(v):
            for j in range(v.shape[1]):
                out[j] = _sum_flat(v[:, j], t)
            return out
    elif a.ndim == 3:
        out = np.empty((v.shape[1], v.shape[2]), dtype=t)
        if _innermost(v):
            for j in range(v.shape[1]):
                for k in range(v.shape[2]):
                    out[j, k] = _sum_flat(v[:, j, k], t)
            return out
    else:
        out = np.empty((v.shape[1], v.shape[2], v.shape[3]), dtype=t)
    out[...] = 0
    for i in range(v.shape[0]):
        out += v[i]
    return out


def sum(a, axis=None, dtype=None):
    if dtype is None:
        t = _acc_type(a.dtype)
    else:
        t = np.dtype(dtype).type
    if axis is None:
        return _sum_all(a, t)
    return _sum_axis(a, axis, t)


def _prod_flat(flat, t):
    p = t(1)
    for i in range(len(flat)):
        p *= t(flat[i])
    return p


def prod(a, axis=None, dtype=None):
    if dtype is None:
        t = _acc_type(a.dtype)
    else:
        t = np.dtype(dtype).type
    if axis is None:
        return _prod_flat(a.ravel(), t)
    ax = _axis(axis, a.ndim)
    if a.ndim == 1:
        return _prod_flat(a, t)
    v = _front(a, ax)
    if a.ndim == 2:
        out = np.empty(v.shape[1], dtype=t)
    elif a.ndim == 3:
        out = np.empty((v.shape[1], v.shape[2]), dtype=t)
    else:
        out = np.empty((v.shape[1], v.shape[2], v.shape[3]), dtype=t)
    out[...] = 1
    for i in range(v.shape[0]):
        out *= v[i]
    return out


def _mean_type(a, dtype):
    if dtype is None:
        return _float_type(a.dtype)
    return np.dtype(dtype).type


def _divide_count(x, n, t):
    """x / n as NumPy's mean divides: by the count as an np.intp, so complex64 totals are
    divided in complex128 and rounded back (float32 gives the same either way)."""
    if t == np.complex64:
        q = x / np.int64(n)
        if np.ndim(q) == 0:
            return t(q)
        return q.astype(t)
    if np.ndim(x) == 0:
        return t(x / n)
    return x / n


def mean(a, axis=None, dtype=None):
    t = _mean_type(a, dtype)
    if axis is None:
        return _divide_count(_sum_all(a, t), a.size, t)
    ax = _axis(axis, a.ndim)
    return _divide_count(_sum_axis(a, ax, t), _front(a, ax).shape[0], t)


def _real_type(t):
    """The real type of a complex scalar type (float64 for complex128); others are their own."""
    if t == np.complex128:
        return np.float64
    if t == np.complex64:
        return np.float32
    return t


def _abs2(d):
    """|d|**2 element by element: d * d, or (d * conj(d)).real for complex d, as NumPy's var."""
    if d.dtype == np.complex64 or d.dtype == np.complex128:
        return (d * np.conj(d)).real
    return d * d


def var(a, axis=None, dtype=None, ddof=0):
    t = _mean_type(a, dtype)
    tr = _real_type(t)
    if axis is None:
        m = _divide_count(_sum_all(a, t), a.size, t)
        d = a - m
        return tr(_sum_all(_abs2(d), tr) / _at_least_zero(a.size - ddof))
    ax = _axis(axis, a.ndim)
    v = _front(a, ax)
    count = v.shape[0]
    m = _divide_count(_sum_axis(v, 0, t), count, t)
    d = v - m
    return _sum_axis(_abs2(d), 0, tr) / _at_least_zero(count - ddof)


def _at_least_zero(n):
    if n < 0:
        return 0
    return n


def std(a, axis=None, dtype=None, ddof=0):
    if axis is not None and a.ndim == 1:
        _axis(axis, 1)
        return std(a, None, dtype, ddof)
    if axis is None:
        t = _real_type(_mean_type(a, dtype))
        return t(math.sqrt(float(var(a, None, dtype, ddof))))
    return _sqrt_array(var(a, axis, dtype, ddof))


def _sqrt_array(x):
    out = x.ravel()
    for i in range(len(out)):
        out[i] = math.sqrt(float(out[i]))
    return x


def _max_flat(flat):
    if len(flat) == 0:
        raise ValueError("zero-size array to reduction operation maximum which has no identity")
    m = flat[0]
    if m != m:
        return m
    for i in range(1, len(flat)):
        x = flat[i]
        if not (m > x):
            m = x
            if m != m:
                return m
    return m


def _min_flat(flat):
    if len(flat) == 0:
        raise ValueError("zero-size array to reduction operation minimum which has no identity")
    m = flat[0]
    if m != m:
        return m
    for i in range(1, len(flat)):
        x = flat[i]
        if not (m < x):
            m = x
            if m != m:
                return m
    return m


def _extreme_flat(flat, largest):
    if largest:
        return _max_flat(flat)
    return _min_flat(flat)


def _extreme(a, axis, largest):
    """np.max (largest) or np.min of an array, whole or along an axis."""
    if axis is None:
        return _extreme_flat(a.ravel(), largest)
    ax = _axis(axis, a.ndim)
    if a.ndim == 1:
        return _extreme_flat(a, largest)
    v = _front(a, ax)
    if v.shape[0] == 0:
        if largest:
            raise ValueError("zero-size array to reduction operation maximum which has no identity")
        raise ValueError("zero-size array to reduction operation minimum which has no identity")
    if not _innermost(v):
        # Slice by slice, as NumPy reduces an outer axis (and in memory order).
        out = v[0].copy()
        for i in range(1, v.shape[0]):
            if largest:
                out[...] = np.maximum(out, v[i])
            else:
                out[...] = np.minimum(out, v[i])
        return out
    if a.ndim == 2:
        out = np.empty(v.shape[1], dtype=a.dtype)
        for j in range(v.shape[1]):
            out[j] = _extreme_flat(v[:, j], largest)
        return out
    out = np.empty((v.shape[1], v.shape[2]), dtype=a.dtype)
    for j in range(v.shape[1]):
        for k in range(v.shape[2]):
            out[j, k] = _extreme_flat(v[:, j, k], largest)
    return out


def max(a, axis=None):
    return _extreme(a, axis, True)


def min(a, axis=None):
    return _extreme(a, axis, False)


def amax(a, axis=None):
    return max(a, axis)


def amin(a, axis=None):
    return min(a, axis)


def _argmax_flat(flat):
    if len(flat) == 0:
        raise ValueError("attempt to get argmax of an empty sequence")
    best = 0
    m = flat[0]
    if m != m:
        return np.int64(0)
    for i in range(1, len(flat)):
        x = flat[i]
        if x > m:
            m = x
            best = i
        elif x != x:
            return np.int64(i)
    return np.int64(best)


def _argmin_flat(flat):
    if len(flat) == 0:
        raise ValueError("attempt to get argmin of an empty sequence")
    best = 0
    m = flat[0]
    if m != m:
        return np.int64(0)
    for i in range(1, len(flat)):
        x = flat[i]
        if x < m:
            m = x
            best = i
        elif x != x:
            return np.int64(i)
    return np.int64(best)


def argmax(a, axis=None):
    if axis is None:
        return _argmax_flat(a.ravel())
    ax = _axis(axis, a.ndim)
    if a.ndim == 1:
        return _argmax_flat(a)
    v = _front(a, ax)
    if v.shape[0] == 0:
        raise ValueError("attempt to get argmax of an empty sequence")
    if a.ndim == 2:
        out = np.empty(v.shape[1], dtype=np.int64)
        for j in range(v.shape[1]):
            out[j] = _argmax_flat(v[:, j])
        return out
    out2 = np.empty((v.shape[1], v.shape[2]), dtype=np.int64)
    for j in range(v.shape[1]):
        for k in range(v.shape[2]):
            out2[j, k] = _argmax_flat(v[:, j, k])
    return out2


def argmin(a, axis=None):
    if axis is None:
        return _argmin_flat(a.ravel())
    ax = _axis(axis, a.ndim)
    if a.ndim == 1:
        return _argmin_flat(a)
    v = _front(a, ax)
    if v.shape[0] == 0:
        raise ValueError("attempt to get argmin of an empty sequence")
    if a.ndim == 2:
        out = np.empty(v.shape[1], dtype=np.int64)
        for j in range(v.shape[1]):
            out[j] = _argmin_flat(v[:, j])
        return out
    out2 = np.empty((v.shape[1], v.shape[2]), dtype=np.int64)
    for j in range(v.shape[1]):
        for k in range(v.shape[2]):
            out2[j, k] = _argmin_flat(v[:, j, k])
    return out2


def any(a, axis=None):
    if axis is None:
        flat = a.ravel()
        for i in range(len(flat)):
            if flat[i]:
                return np.bool_(True)
        return np.bool_(False)
    ax = _axis(axis, a.ndim)
    if a.ndim == 1:
        return any(a)
    return _sum_axis(a != 0, ax, np.int64) > 0


def all(a, axis=None):
    if axis is None:
        flat = a.ravel()
        for i in range(len(flat)):
            if not flat[i]:
                return np.bool_(False)
        return np.bool_(True)
    ax = _axis(axis, a.ndim)
    if a.ndim == 1:
        return all(a)
    return _sum_axis(a != 0, ax, np.int64) == _front(a, ax).shape[0]


def cumsum(a, axis=None, dtype=None):
    if dtype is None:
        t = _acc_type(a.dtype)
    else:
        t = np.dtype(dtype).type
    if axis is None or a.ndim == 1:
        if axis is not None:
            _axis(axis, 1)
        flat = a.ravel()
        out = np.empty(len(flat), dtype=t)
        # Like NumPy, the running sum starts from the first element (so [-0.0] stays -0.0).
        if len(flat) > 0:
            s = t(flat[0])
            out[0] = s
            for i in range(1, len(flat)):
                s += t(flat[i])
                out[i] = s
        return out
    ax = _axis(axis, a.ndim)
    out = np.empty(a.shape, dtype=t)
    v = _front(a, ax)
    w = _front(out, ax)
    if v.shape[0] > 0:
        w[0] = v[0]
    for i in range(1, v.shape[0]):
        w[i] = w[i - 1] + v[i]
    return out


def cumprod(a, axis=None, dtype=None):
    if dtype is None:
        t = _acc_type(a.dtype)
    else:
        t = np.dtype(dtype).type
    if axis is None or a.ndim == 1:
        if axis is not None:
            _axis(axis, 1)
        flat = a.ravel()
        out = np.empty(len(flat), dtype=t)
        # Like NumPy, the running product starts from the first element (no multiplication by
        # 1, which turns a complex 1+nanj into nan+nanj).
        if len(flat) > 0:
            p = t(flat[0])
            out[0] = p
            for i in range(1, len(flat)):
                p *= t(flat[i])
                out[i] = p
        return out
    ax = _axis(axis, a.ndim)
    out = np.empty(a.shape, dtype=t)
    v = _front(a, ax)
    w = _front(out, ax)
    if v.shape[0] > 0:
        w[0] = v[0]
    for i in range(1, v.shape[0]):
        w[i] = w[i - 1] * v[i]
    return out


# Products and array functions.


def dot(a, b):
    """np.dot of 1-D and 2-D arrays (a sum of products in NumPy's result dtype)."""
    t = np.result_type(a, b).type
    if a.ndim == 1 and b.ndim == 1:
        if len(a) != len(b):
            raise ValueError("shapes not aligned")
        s = t(0)
        for i in range(len(a)):
            s += t(a[i]) * t(b[i])
        return s
    if a.ndim == 2 and b.ndim == 1:
        if a.shape[1] != len(b):
            raise ValueError("shapes not aligned")
        out = np.zeros(a.shape[0], dtype=t)
        for i in range(a.shape[0]):
            s = t(0)
            for k in range(len(b)):
                s += t(a[i, k]) * t(b[k])
            out[i] = s
        return out
    if a.ndim == 1 and b.ndim == 2:
        if len(a) != b.shape[0]:
            raise ValueError("shapes not aligned")
        out = np.zeros(b.shape[1], dtype=t)
        for k in range(len(a)):
            out += t(a[k]) * b[k]
        return out
    if a.shape[1] != b.shape[0]:
        raise ValueError("shapes not aligned")
    out = np.zeros((a.shape[0], b.shape[1]), dtype=t)
    if a.dtype == b.dtype and (a.dtype == np.float64 or a.dtype == np.float32):
        # The BLAS NumPy itself uses, when it is loaded (else the loops below).
        if np._blas_gemm(a, b, out):
            return out
    for i in range(a.shape[0]):
        row = out[i]
        for k in range(a.shape[1]):
            row += t(a[i, k]) * b[k]
    return out


def matmul(a, b):
    return dot(a, b)


def vdot(a, b):
    return dot(a.ravel(), b.ravel())


def inner(a, b):
    return dot(a, b)


def outer(a, b):
    return a.ravel()[:, None] * b.ravel()[None, :]


def copyto(dst, src):
    dst[...] = src


def trace(a):
    t = _acc_type(a.dtype)
    s = t(0)
    n = a.shape[0]
    if a.shape[1] < n:
        n = a.shape[1]
    for i in range(n):
        s += t(a[i, i])
    return s


def triu(m, k=0):
    out = m.copy()
    for i in range(out.shape[0]):
        stop = i + k
        if stop > out.shape[1]:
            stop = out.shape[1]
        if stop > 0:
            out[i, :stop] = 0
    return out


def tril(m, k=0):
    out = m.copy()
    for i in range(out.shape[0]):
        start = i + k + 1
        if start < 0:
            start = 0
        if start < out.shape[1]:
            out[i, start:] = 0
    return out


def _back(a, ax):
    """The inverse of `_front`: axis 0 of `a` goes back to position `ax`."""
    if a.ndim == 1:
        return a
    if a.ndim == 2:
        return a.transpose(ax, 1 - ax)
    if a.ndim == 3:
        return a.transpose(0 if ax == 0 else 1, 1 if ax == 0 else (0 if ax == 1 else 2), 0 if ax == 2 else 2)
    return a.transpose(
        0 if ax == 0 else 1,
        1 if ax == 0 else (0 if ax == 1 else 2),
        2 if ax <= 1 else (0 if ax == 2 else 3),
        0 if ax == 3 else 3,
    )


def diff(a, n=1, axis=-1):
    ax = _axis(axis, a.ndim)
    if n < 0:
        raise ValueError("order must be non-negative")
    v = _front(a, ax)
    d = v[1:] - v[:-1]
    for _ in range(1, n):
        d = d[1:] - d[:-1]
    if n == 0:
        return _back(v * 1, ax).copy()
    return _back(d, ax).copy()


def average(a, weights=None):
    if weights is None:
        return mean(a)
    t = np.result_type(a, weights, 1.0).type
    scale = _sum_all(weights, t)
    if scale == 0:
        raise ZeroDivisionError("Weights sum to zero, can't be normalized")
    return t(_sum_all(a * weights, t) / scale)


# Boolean-mask and integer-array indexing (`a[a > 0]`, `a[a < 0] = 0`, `a[idx]`), called by the
# compiler for subscripts whose index is an array.


def _check_mask(a, mask):
    ok = False
    if mask.ndim == 1:
        ok = mask.shape[0] == a.shape[0]
    elif mask.ndim == 2 and a.ndim >= 2:
        ok = mask.shape[0] == a.shape[0] and mask.shape[1] == a.shape[1]
    elif mask.ndim == 3 and a.ndim >= 3:
        ok = mask.shape[0] == a.shape[0] and mask.shape[1] == a.shape[1] and mask.shape[2] == a.shape[2]
    if not ok:
        raise IndexError("boolean index did not match indexed array")


def _mask_get(a, mask):
    _check_mask(a, mask)
    if mask.ndim < a.ndim:
        return _take(a, _nonzero1(mask))
    fa = a.ravel()
    fm = mask.ravel()
    out = np.empty(_mask_count(mask), dtype=a.dtype)
    j = 0
    for i in range(len(fm)):
        if fm[i]:
            out[j] = fa[i]
            j += 1
    return out


def _nonzero1(mask):
    out = np.empty(_mask_count(mask), dtype=np.int64)
    j = 0
    for i in range(len(mask)):
        if mask[i]:
            out[j] = i
            j += 1
    return out


def _mask_count(mask):
    fm = mask.ravel()
    count = 0
    for i in range(len(fm)):
        if fm[i]:
            count += 1
    return count


def _mask_set(a, mask, value):
    _check_mask(a, mask)
    t = a.dtype.type
    if np.ndim(value) == 0:
        # NumPy converts the value before looking at the mask (OverflowError even if none is set).
        v = t(value)
        if mask.ndim == 1:
            for i in range(len(mask)):
                if mask[i]:
                    a[i] = v
        else:
            for i in range(a.shape[0]):
                _mask_set(a[i], mask[i], v)
        return
    if mask.ndim != a.ndim:
        # A mask of the leading axes selects whole rows: the value is broadcast to each.
        if mask.ndim != 1:
            raise ValueError("boolean mask assignment of arrays needs a 1-D mask or one of the array's shape")
        _put(a, _nonzero1(mask), value)
        return
    vf = value.ravel()
    count = _mask_count(mask)
    if len(vf) != count and len(vf) != 1:
        raise ValueError("NumPy boolean array indexing assignment cannot assign these input values to the output values where the mask is true")
    j = 0
    if a.ndim == 1:
        for i in range(len(a)):
            if mask[i]:
                a[i] = t(vf[j if len(vf) > 1 else 0])
                j += 1
    else:
        for x in np.ndindex(a.shape):
            if mask[x]:
                a[x] = t(vf[j if len(vf) > 1 else 0])
                j += 1


def _index(x, n, d):
    """An element of an index array of dtype d as an int: NumPy casts a uint64 index to intp, so
    one at or beyond 2**63 wraps to a negative index (counted from the end), never an OverflowError."""
    if d == np.uint64:
        return int(np.int64(x))
    return int(x)


def _take(a, idx):
    if idx.ndim != 1:
        raise IndexError("only 1-D integer index arrays are supported")
    n = a.shape[0]
    if a.ndim == 1:
        out = np.empty(len(idx), dtype=a.dtype)
        for i in range(len(idx)):
            out[i] = a[_index(idx[i], n, idx.dtype)]
        return out
    if a.ndim == 2:
        out = np.empty((len(idx), a.shape[1]), dtype=a.dtype)
        for i in range(len(idx)):
            out[i] = a[_index(idx[i], n, idx.dtype)]
        return out
    out = np.empty((len(idx), a.shape[1], a.shape[2]), dtype=a.dtype)
    for i in range(len(idx)):
        out[i] = a[_index(idx[i], n, idx.dtype)]
    return out


def _put(a, idx, value):
    if idx.ndim != 1:
        raise IndexError("only 1-D integer index arrays are supported")
    t = a.dtype.type
    # A scalar value is converted first, as NumPy converts it before it looks at the indices.
    if np.ndim(value) == 0:
        v = t(value)
    # Every index is read and checked before anything is written (the index array may be `a`).
    n = a.shape[0]
    where = np.empty(len(idx), dtype=np.int64)
    for i in range(len(idx)):
        k = _index(idx[i], n, idx.dtype)
        if k < -n or k >= n:
            raise IndexError("index is out of bounds for axis 0")
        where[i] = k + n if k < 0 else k
    if np.ndim(value) == 0:
        for i in range(len(where)):
            a[where[i]] = v
        return
    if a.ndim != 1:
        _put_rows(a, where, value)
        return
    vf = value.ravel()
    if len(vf) != len(where) and len(vf) != 1:
        raise ValueError("shape mismatch: value array could not be broadcast to indexing result")
    vals = np.empty(len(vf), dtype=a.dtype)
    for i in range(len(vf)):
        vals[i] = t(vf[i])
    for i in range(len(where)):
        a[where[i]] = vals[i if len(vf) > 1 else 0]


def _put_rows(a, where, value):
    """a[where] = value for a 2-D or deeper `a`: rows of `value` (or all of it) into the rows
    `where`, broadcast as NumPy broadcasts `value` to (len(where),) + a.shape[1:]."""
    # The value is read whole before any row is written, as NumPy copies an overlapping one.
    v = value.copy()
    if v.ndim == a.ndim:
        if v.shape[0] != len(where) and v.shape[0] != 1:
            raise ValueError("shape mismatch: value array could not be broadcast to indexing result")
        for i in range(len(where)):
            a[where[i]] = v[i if v.shape[0] > 1 else 0]
    elif v.ndim < a.ndim:
        for i in range(len(where)):
            a[where[i]] = v
    else:
        raise ValueError("shape mismatch: value array could not be broadcast to indexing result")


# Joining arrays. The arrays come as a tuple (or list) of arrays of one dtype and rank.


def _count_nonzero(a):
    n = 0
    for x in np.ndindex(a.shape):
        if a[x]:
            n += 1
    return n


def nonzero(a):
    """np.nonzero (and np.where with only a condition): the indices of the non-zero elements,
    one int64 array per dimension, in C order."""
    n = _count_nonzero(a)
    if a.ndim == 1:
        idx = np.empty(n, dtype=np.int64)
        k = 0
        for i in range(len(a)):
            if a[i]:
                idx[k] = i
                k += 1
        return (idx,)
    rows = np.empty(n, dtype=np.int64)
    cols = np.empty(n, dtype=np.int64)
    k = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            if a[i, j]:
                rows[k] = i
                cols[k] = j
                k += 1
    return (rows, cols)


def count_nonzero(a):
    """np.count_nonzero of a whole array."""
    return _count_nonzero(a)


def concatenate(arrays, axis=0):
    first = arrays[0]
    ax = _axis(axis, first.ndim)
    total = 0
    for x in arrays:
        v = _front(x, ax)
        w = _front(first, ax)
        if first.ndim >= 2:
            if v.shape[1] != w.shape[1]:
                raise ValueError("all the input array dimensions except for the concatenation axis must match exactly")
        if first.ndim >= 3:
            if v.shape[2] != w.shape[2]:
                raise ValueError("all the input array dimensions except for the concatenation axis must match exactly")
        total += v.shape[0]
    if first.ndim == 1:
        out = np.empty(total, dtype=first.dtype)
    elif first.ndim == 2:
        out = np.empty((total if ax == 0 else first.shape[0], total if ax == 1 else first.shape[1]), dtype=first.dtype)
    else:
        out = np.empty(
            (
                total if ax == 0 else first.shape[0],
                total if ax == 1 else first.shape[1],
                total if ax == 2 else first.shape[2],
            ),
            dtype=first.dtype,
        )
    w = _front(out, ax)
    pos = 0
    for x in arrays:
        v = _front(x, ax)
        n = v.shape[0]
        w[pos:pos + n] = v
        pos += n
    return out


def stack(arrays, axis=0):
    first = arrays[0]
    k = len(arrays)
    ax = _axis(axis, first.ndim + 1)
    for x in arrays:
        if x.shape[0] != first.shape[0]:
            raise ValueError("all input arrays must have the same shape")
        if first.ndim >= 2:
            if x.shape[1] != first.shape[1]:
                raise ValueError("all input arrays must have the same shape")
    if first.ndim == 1:
        out = np.empty((k if ax == 0 else first.shape[0], first.shape[0] if ax == 0 else k), dtype=first.dtype)
    else:
        out = np.empty(
            (
                k if ax == 0 else first.shape[0],
                k if ax == 1 else (first.shape[0] if ax == 2 else first.shape[1]),
                k if ax == 2 else first.shape[1],
            ),
            dtype=first.dtype,
        )
    w = _front(out, ax)
    i = 0
    for x in arrays:
        w[i] = x
        i += 1
    return out


def vstack(arrays):
    if arrays[0].ndim == 1:
        return stack(arrays, 0)
    return concatenate(arrays, 0)


def hstack(arrays):
    if arrays[0].ndim == 1:
        return concatenate(arrays, 0)
    return concatenate(arrays, 1)


# Sorting. NaN sorts last, as in NumPy. Sorts are stable (merge sort); NumPy's default quicksort
# is not, so equal elements of `argsort` may come in another order than NumPy's on large inputs.


def _before(x, y):
    return bool(x < y) or (bool(y != y) and bool(x == x))


def _sort1(v):
    """Sorts a 1-D array (a view too) in place: insertion sort for short runs, then merges."""
    n = len(v)
    run = 16
    for lo in range(0, n, run):
        hi = lo + run
        if hi > n:
            hi = n
        for i in range(lo + 1, hi):
            x = v[i]
            j = i - 1
            while j >= lo and _before(x, v[j]):
                v[j + 1] = v[j]
                j -= 1
            v[j + 1] = x
    if n > run:
        _merge_passes(v, run, None)


def _before_at(v, key, p, q):
    """Whether element p of v goes before element q: by value, or by key[v[...]] with a key."""
    if key is None:
        return _before(v[p], v[q])
    return _before(key[v[p]], key[v[q]])


def _merge_passes(v, width, key):
    """Merges the sorted runs of `width` items of v in place until v is sorted (stably). With a
    key array, v holds indices into it, ordered by the key's values (argsort)."""
    n = len(v)
    tmp = np.empty(n, dtype=v.dtype)
    while width < n:
        for lo in range(0, n, 2 * width):
            mid = lo + width
            if mid > n:
                mid = n
            hi = lo + 2 * width
            if hi > n:
                hi = n
            i = lo
            j = mid
            k = lo
            while k < hi:
                if j >= hi or (i < mid and not _before_at(v, key, j, i)):
                    tmp[k] = v[i]
                    i += 1
                else:
                    tmp[k] = v[j]
                    j += 1
                k += 1
        v[:] = tmp
        width *= 2


def sort(a, axis=-1):
    out = a.copy()
    if axis is None:
        flat = out.ravel()
        _sort1(flat)
        return flat
    ax = _axis(axis, a.ndim)
    if a.ndim == 1:
        _sort1(out)
        return out
    w = _front(out, ax)
    if a.ndim == 2:
        for j in range(w.shape[1]):
            _sort1(w[:, j])
        return out
    for j in range(w.shape[1]):
        for k in range(w.shape[2]):
            _sort1(w[:, j, k])
    return out


def argsort(a):
    idx = np.arange(len(a))
    _merge_passes(idx, 1, a)
    return idx


def median(a):
    s = sort(a.ravel())
    n = len(s)
    t = _float_type(a.dtype)
    if n == 0:
        return t(np.nan)
    if s[n - 1] != s[n - 1]:
        return t(np.nan)
    m = n // 2
    if n % 2 == 1:
        return t(s[m])
    return t((t(0) + t(s[m - 1]) + t(s[m])) / 2)


def unique(a):
    s = sort(a.ravel())
    n = len(s)
    count = 0
    for i in range(n):
        if i == 0 or not (s[i] == s[i - 1] or (s[i] != s[i] and s[i - 1] != s[i - 1])):
            count += 1
    out = np.empty(count, dtype=a.dtype)
    j = 0
    for i in range(n):
        if i == 0 or not (s[i] == s[i - 1] or (s[i] != s[i] and s[i - 1] != s[i - 1])):
            out[j] = s[i]
            j += 1
    return out


def _search_left(a, x):
    lo = 0
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if _before(a[mid], x):
            lo = mid + 1
        else:
            hi = mid
    return lo


def searchsorted(a, v):
    if np.ndim(v) == 0:
        return np.int64(_search_left(a, v))
    out = np.empty(len(v), dtype=np.int64)
    for i in range(len(v)):
        out[i] = _search_left(a, v[i])
    return out


def roll(a, shift):
    flat = a.ravel()
    n = len(flat)
    out = np.empty(n, dtype=a.dtype)
    if n > 0:
        s = shift % n
        for i in range(n):
            out[(i + s) % n] = flat[i]
    return out.reshape(a.shape)


def tile(a, reps):
    n = len(a)
    if reps < 0:
        raise ValueError("negative dimensions are not allowed")
    out = np.empty(n * reps, dtype=a.dtype)
    for r in range(reps):
        out[r * n:(r + 1) * n] = a
    return out


def repeat(a, repeats):
    """np.repeat with an int count: every element of the flattened array `repeats` times."""
    if repeats < 0:
        raise ValueError("negative dimensions are not allowed")
    flat = a.ravel()
    out = np.empty(len(flat) * repeats, dtype=a.dtype)
    for i in range(len(flat)):
        for r in range(repeats):
            out[i * repeats + r] = flat[i]
    return out
