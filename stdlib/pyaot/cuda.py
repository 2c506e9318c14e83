"""GPU kernels: the kernel language pyaot compiles to PTX, and its reference semantics on the CPU.

A kernel is a function decorated ``@cuda.kernel``: array and scalar parameters, no return value,
indexing with the thread's position::

    from pyaot import cuda

    @cuda.kernel
    def axpy(a: float, x: f64[:], y: f64[:]):
        i = cuda.grid(1)
        if i < x.shape[0]:
            y[i] += a * x[i]

Under plain CPython the decorator returns the function unchanged, so the file imports; calling
the names below outside a kernel run raises ``RuntimeError``. ``simulate(kernel, grid, block,
*args)`` runs a kernel over a grid on the CPU, one Python thread per GPU thread of a block (blocks
one after another), with ``syncthreads()`` a barrier of the block and ``shared.array`` one array
per block: the reference the compiled kernels are checked against.

On a machine with an NVIDIA GPU and its driver, ``to_device(array)`` and ``device_array(shape,
dtype)`` make arrays in GPU memory (with ``__cuda_array_interface__``, so compiled kernels use
them in place and CuPy, PyTorch and Numba read them), and ``is_available()`` says whether a GPU
can be used. The driver (``libcuda.so.1``, or the file ``PYAOT_LIBCUDA`` names) is loaded on
first use, never at import.
"""

import ctypes
import os
import threading
from typing import Any, Callable, TypeVar

_F = TypeVar("_F", bound=Callable[..., None])

__all__ = [
    "kernel", "jit", "grid", "gridsize", "threadIdx", "blockIdx", "blockDim", "gridDim", "syncthreads",
    "shared", "local", "atomic", "simulate", "is_available", "to_device", "device_array",
    "DeviceArray",
]


def kernel(f: _F) -> _F:
    """Marks `f` as a GPU kernel for pyaot; under CPython it is `f` itself."""
    f.__pyaot_kernel__ = True  # type: ignore[attr-defined]
    return f


def jit(f: Any = None, *, device: bool = False) -> Any:
    """Numba's spelling: ``@cuda.jit`` and ``@cuda.jit()`` are ``@cuda.kernel``;
    ``@cuda.jit(device=True)`` marks a device function, which for pyaot is a plain function."""
    if f is None:
        return (lambda g: g) if device else kernel
    return kernel(f)


_state = threading.local()


def _current() -> Any:
    s = getattr(_state, "thread", None)
    if s is None:
        raise RuntimeError("cuda.* is only available inside a kernel run (see pyaot.cuda.simulate)")
    return s


class _Dim3:
    __slots__ = ("x", "y", "z")

    def __init__(self, x: int = 1, y: int = 1, z: int = 1) -> None:
        self.x, self.y, self.z = x, y, z

    def __iter__(self) -> Any:
        return iter((self.x, self.y, self.z))


class _Reader:
    """`cuda.threadIdx` and friends: the `.x/.y/.z` of the current thread's value of `field`."""

    def __init__(self, field: str) -> None:
        self._field = field

    def __getattr__(self, axis: str) -> int:
        if axis not in ("x", "y", "z"):
            raise AttributeError(axis)
        return getattr(getattr(_current(), self._field), axis)


threadIdx = _Reader("thread_idx")
blockIdx = _Reader("block_idx")
blockDim = _Reader("block_dim")
gridDim = _Reader("grid_dim")


def grid(ndim: int) -> Any:
    """The thread's absolute position: an int for 1, a tuple for 2 or 3 dimensions."""
    s = _current()
    pos = [b * d + t for b, d, t in zip(s.block_idx, s.block_dim, s.thread_idx)]
    return pos[0] if ndim == 1 else tuple(pos[:ndim])


def gridsize(ndim: int) -> Any:
    """The number of threads of the grid along each dimension."""
    s = _current()
    size = [b * g for b, g in zip(s.block_dim, s.grid_dim)]
    return size[0] if ndim == 1 else tuple(size[:ndim])


def syncthreads() -> None:
    """Waits until every thread of the block has reached this point."""
    _current().block.barrier.wait()


class _Shared:
    def array(self, shape: Any, dtype: Any) -> Any:
        """An array shared by the threads of a block: the k-th call of each thread gets the
        block's k-th array."""
        s = _current()
        k = s.shared_calls
        s.shared_calls += 1
        block = s.block
        with block.lock:
            if k == len(block.shared):
                import numpy as np

                block.shared.append(np.zeros(shape, dtype=dtype))
            return block.shared[k]


class _Local:
    def array(self, shape: Any, dtype: Any) -> Any:
        """An array of the calling thread alone."""
        import numpy as np

        return np.zeros(shape, dtype=dtype)


shared = _Shared()
local = _Local()


class _Atomic:
    """Read-modify-write operations, one at a time over the whole grid; each returns the old value."""

    _lock = threading.Lock()

    def _update(self, array: Any, index: Any, f: Callable[[Any], Any]) -> Any:
        with self._lock:
            old = array[index]
            array[index] = f(old)
            return old

    def add(self, array: Any, index: Any, value: Any) -> Any:
        return self._update(array, index, lambda old: old + value)

    def max(self, array: Any, index: Any, value: Any) -> Any:
        return self._update(array, index, lambda old: max(old, value))

    def min(self, array: Any, index: Any, value: Any) -> Any:
        return self._update(array, index, lambda old: min(old, value))

    def cas(self, array: Any, index: Any, compare: Any, value: Any) -> Any:
        return self._update(array, index, lambda old: value if old == compare else old)


atomic = _Atomic()


class _Block:
    def __init__(self, nthreads: int) -> None:
        self.barrier = threading.Barrier(nthreads)
        self.lock = threading.Lock()
        self.shared = []


class _Thread:
    __slots__ = ("thread_idx", "block_idx", "block_dim", "grid_dim", "block", "shared_calls")

    def __init__(self, thread_idx: Any, block_idx: Any, block_dim: Any, grid_dim: Any, block: Any) -> None:
        self.thread_idx, self.block_idx = thread_idx, block_idx
        self.block_dim, self.grid_dim = block_dim, grid_dim
        self.block = block
        self.shared_calls = 0


def _dim3(v: Any) -> Any:
    if isinstance(v, int):
        return _Dim3(v)
    v = tuple(v) + (1,) * (3 - len(v))
    return _Dim3(*v)


def simulate(kern: Callable[..., None], griddim: Any, blockdim: Any, *args: Any) -> None:
    """Runs `kern(*args)` over `griddim` blocks of `blockdim` threads (ints or tuples of up to 3)."""
    # A kernel of a built module runs as the Python function it was compiled from.
    kern = getattr(kern, "py_func", kern)
    g, b = _dim3(griddim), _dim3(blockdim)
    nthreads = b.x * b.y * b.z
    errors = []

    def run(thread: Any) -> None:
        _state.thread = thread
        try:
            kern(*args)
        except threading.BrokenBarrierError:
            pass
        except BaseException as e:  # noqa: BLE001 - reported after the block, as a launch error
            errors.append(e)
            thread.block.barrier.abort()
        finally:
            _state.thread = None

    for bz in range(g.z):
        for by in range(g.y):
            for bx in range(g.x):
                block = _Block(nthreads)
                threads = [
                    threading.Thread(target=run, args=(_Thread(_Dim3(tx, ty, tz), _Dim3(bx, by, bz), b, g, block),))
                    for tz in range(b.z)
                    for ty in range(b.y)
                    for tx in range(b.x)
                ]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                if errors:
                    raise errors[0]


# ---- GPU memory, through the CUDA driver ----

_driver = None


def _lib() -> Any:
    """The CUDA driver with device 0's primary context current on this thread."""
    global _driver
    if _driver is None:
        path = os.environ.get("PYAOT_LIBCUDA", "libcuda.so.1")
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            raise RuntimeError(f"CUDA: no NVIDIA driver: {path} could not be loaded ({e})") from None
        u64, vp, sz = ctypes.c_uint64, ctypes.c_void_p, ctypes.c_size_t
        lib.cuMemAlloc_v2.argtypes = [ctypes.POINTER(u64), sz]
        lib.cuMemFree_v2.argtypes = [u64]
        lib.cuMemcpyHtoD_v2.argtypes = [u64, vp, sz]
        lib.cuMemcpyDtoH_v2.argtypes = [vp, u64, sz]
        lib.cuGetErrorName.argtypes = [ctypes.c_int, ctypes.POINTER(ctypes.c_char_p)]
        _check(lib, lib.cuInit(0), "cuInit")
        count = ctypes.c_int(0)
        _check(lib, lib.cuDeviceGetCount(ctypes.byref(count)), "cuDeviceGetCount")
        if count.value == 0:
            raise RuntimeError("CUDA: no NVIDIA GPU is present")
        dev, ctx = ctypes.c_int(0), ctypes.c_void_p()
        _check(lib, lib.cuDeviceGet(ctypes.byref(dev), 0), "cuDeviceGet")
        _check(lib, lib.cuDevicePrimaryCtxRetain(ctypes.byref(ctx), dev), "cuDevicePrimaryCtxRetain")
        lib.pyaot_ctx = ctx
        _driver = lib
    _check(_driver, _driver.cuCtxSetCurrent(_driver.pyaot_ctx), "cuCtxSetCurrent")
    return _driver


def _check(lib: Any, r: int, what: str) -> None:
    if r != 0:
        name = ctypes.c_char_p()
        lib.cuGetErrorName(r, ctypes.byref(name))
        raise RuntimeError(f"CUDA: {what} failed with {(name.value or b'?').decode()} ({r})")


def is_available() -> bool:
    """Whether an NVIDIA GPU and its driver can be used."""
    try:
        _lib()
    except RuntimeError:
        return False
    return True


class DeviceArray:
    """A C-contiguous array in GPU memory. Kernels launched with it read and write it in place;
    ``copy_to_host()`` reads it back into a NumPy array."""

    def __init__(self, shape: Any, dtype: Any = float) -> None:
        import numpy as np

        self.shape = (shape,) if isinstance(shape, int) else tuple(int(n) for n in shape)
        self.dtype = np.dtype(dtype)
        self.nbytes = int(np.prod(self.shape, dtype=np.int64)) * self.dtype.itemsize
        self._lib = _lib()
        ptr = ctypes.c_uint64(0)
        _check(self._lib, self._lib.cuMemAlloc_v2(ctypes.byref(ptr), max(self.nbytes, 1)), "cuMemAlloc")
        self.ptr = ptr.value

    @property
    def ndim(self) -> int:
        return len(self.shape)

    @property
    def __cuda_array_interface__(self) -> dict[str, Any]:
        return {"shape": self.shape, "typestr": self.dtype.str, "data": (self.ptr, False),
                "strides": None, "version": 3}

    def copy_to_host(self) -> Any:
        """A new NumPy array with the device array's elements."""
        import numpy as np

        out = np.empty(self.shape, self.dtype)
        if self.nbytes:
            _check(self._lib, self._lib.cuMemcpyDtoH_v2(out.ctypes.data, self.ptr, self.nbytes), "cuMemcpyDtoH")
        return out

    def __del__(self) -> None:
        if getattr(self, "ptr", 0):
            self._lib.cuMemFree_v2(self.ptr)
            self.ptr = 0

    def __repr__(self) -> str:
        return f"DeviceArray(shape={self.shape}, dtype={self.dtype})"


def device_array(shape: Any, dtype: Any = float) -> "DeviceArray":
    """A new device array; its elements are not initialised."""
    return DeviceArray(shape, dtype)


def to_device(array: Any) -> "DeviceArray":
    """A device array holding a copy of ``array`` (made C-contiguous)."""
    import numpy as np

    a = np.ascontiguousarray(array)
    d = DeviceArray(a.shape, a.dtype)
    if a.nbytes:
        _check(d._lib, d._lib.cuMemcpyHtoD_v2(d.ptr, a.ctypes.data, a.nbytes), "cuMemcpyHtoD")
    return d
