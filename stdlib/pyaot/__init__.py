"""Annotation types and helpers that make pyaot-compiled files run unchanged under plain CPython.

Under pyaot these names are understood by the compiler; under CPython they are ordinary objects:
scalar types subscript into array annotations (``f64[:]``, ``f64[:, ::1]``), ``prange`` is ``range``,
and every decorator returns the function unchanged.
"""

__all__ = [
    "b1", "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "f32", "f64", "c64", "c128",
    "prange", "jit", "export", "ArrayType", "ScalarType",
]

__version__ = "0.1.0"


class ArrayType:
    """An array annotation such as ``f64[:, ::1]``: a dtype, a number of dimensions and a layout."""

    def __init__(self, dtype, ndim, contiguous):
        self.dtype = dtype
        self.ndim = ndim
        self.contiguous = contiguous

    def __repr__(self):
        dims = [":"] * self.ndim
        if self.contiguous:
            dims[-1] = "::1"
        return f"{self.dtype.name}[{', '.join(dims)}]"

    def __eq__(self, other):
        return isinstance(other, ArrayType) and (self.dtype, self.ndim, self.contiguous) == (
            other.dtype, other.ndim, other.contiguous)

    def __hash__(self):
        return hash((self.dtype.name, self.ndim, self.contiguous))


class ScalarType:
    """A fixed-width NumPy scalar type; calling it converts like the NumPy type of the same name."""

    def __init__(self, name, numpy_name):
        self.name = name
        self.numpy_name = numpy_name

    def __repr__(self):
        return self.name

    def __call__(self, value=0):
        import numpy

        return getattr(numpy, self.numpy_name)(value)

    def __getitem__(self, dims):
        if not isinstance(dims, tuple):
            dims = (dims,)
        for d in dims:
            if not isinstance(d, slice) or d.start is not None or d.stop is not None:
                raise TypeError(f"array annotations use ':' for each dimension, as in {self.name}[:, :]")
        contiguous = dims[-1].step == 1
        if any(d.step not in (None, 1) for d in dims) or any(d.step == 1 for d in dims[:-1]):
            raise TypeError("only the last dimension can be marked contiguous with '::1'")
        return ArrayType(self, len(dims), contiguous)


b1 = ScalarType("b1", "bool_")
i8 = ScalarType("i8", "int8")
i16 = ScalarType("i16", "int16")
i32 = ScalarType("i32", "int32")
i64 = ScalarType("i64", "int64")
u8 = ScalarType("u8", "uint8")
u16 = ScalarType("u16", "uint16")
u32 = ScalarType("u32", "uint32")
u64 = ScalarType("u64", "uint64")
f32 = ScalarType("f32", "float32")
f64 = ScalarType("f64", "float64")
c64 = ScalarType("c64", "complex64")
c128 = ScalarType("c128", "complex128")

prange = range


def _identity_decorator(fn=None, **_options):
    if fn is None:
        return lambda f: f
    return fn


jit = _identity_decorator
export = _identity_decorator
