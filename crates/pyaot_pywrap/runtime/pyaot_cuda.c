/* GPU kernel launchers: `kernel[blocks, threads](args)` through the CUDA driver API.
 *
 * The driver (libcuda.so.1) is loaded with dlopen on the first launch, never at import, so a
 * module with kernels imports everywhere; without a driver or a GPU a launch raises
 * RuntimeError. The module's PTX is loaded once per process and entry handles are cached.
 * Arguments: objects with __cuda_array_interface__ pass their device pointer (dtype, ndim,
 * contiguity and writability checked); NumPy arrays and other buffers are copied to the device
 * and, when the kernel may write them, back. Launches are synchronous: after the kernel the
 * launcher reads the module's `pyaot_error` word, where a thread that raised stored its
 * exception's code, and raises that exception. */

#include <dlfcn.h>

typedef int CUresult;
typedef int CUdevice;
typedef void *CUcontext;
typedef void *CUmodule;
typedef void *CUfunction;
typedef void *CUstream;
typedef unsigned long long CUdeviceptr;

#define PYAOT_CU_FUNCS(X)                                                                     \
    X(cuInit, (unsigned int))                                                                 \
    X(cuDeviceGetCount, (int *))                                                              \
    X(cuDeviceGet, (CUdevice *, int))                                                         \
    X(cuDevicePrimaryCtxRetain, (CUcontext *, CUdevice))                                      \
    X(cuCtxSetCurrent, (CUcontext))                                                           \
    X(cuCtxSynchronize, (void))                                                               \
    X(cuStreamSynchronize, (CUstream))                                                        \
    X(cuModuleLoadData, (CUmodule *, const void *))                                           \
    X(cuModuleGetFunction, (CUfunction *, CUmodule, const char *))                            \
    X(cuModuleGetGlobal_v2, (CUdeviceptr *, size_t *, CUmodule, const char *))                \
    X(cuMemAlloc_v2, (CUdeviceptr *, size_t))                                                 \
    X(cuMemFree_v2, (CUdeviceptr))                                                            \
    X(cuMemcpyHtoD_v2, (CUdeviceptr, const void *, size_t))                                   \
    X(cuMemcpyDtoH_v2, (void *, CUdeviceptr, size_t))                                         \
    X(cuLaunchKernel, (CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, \
                       unsigned, CUstream, void **, void **))                                 \
    X(cuGetErrorName, (CUresult, const char **))

#define PYAOT_CU_FIELD(name, args) CUresult(*name) args;
static struct {
    int tried;       /* the driver was looked for */
    int ready;       /* the driver and a context are there */
    char why[512];   /* why not, when tried and not ready */
    CUcontext ctx;
    PYAOT_CU_FUNCS(PYAOT_CU_FIELD)
} pyaot_cu;

/* Loaded PTX modules (by text) and entries (by text and name). */
static struct { const char *ptx; CUmodule mod; } pyaot_cu_mods[16];
static struct { const char *ptx; const char *entry; CUfunction fn; } pyaot_cu_fns[128];

static const char *pyaot_cu_name(CUresult r)
{
    const char *s = NULL;
    if (pyaot_cu.cuGetErrorName == NULL || pyaot_cu.cuGetErrorName(r, &s) != 0 || s == NULL) {
        return "an unknown CUDA error";
    }
    return s;
}

/* Raises RuntimeError for a failed driver call; returns -1. */
static int pyaot_cu_fail(const char *call, CUresult r, const char *kernel)
{
    PyErr_Format(PyExc_RuntimeError, "CUDA: %s failed with %s (%d)%s%s", call, pyaot_cu_name(r),
                 r, kernel ? " launching kernel " : "", kernel ? kernel : "");
    return -1;
}

/* Loads the driver and makes the primary context of device 0 current; -1 with RuntimeError. */
static int pyaot_cu_init(void)
{
    if (pyaot_cu.ready) {
        return pyaot_cu.cuCtxSetCurrent(pyaot_cu.ctx) == 0 ? 0 : pyaot_cu_fail("cuCtxSetCurrent", 1, NULL);
    }
    if (!pyaot_cu.tried) {
        pyaot_cu.tried = 1;
        const char *path = getenv("PYAOT_LIBCUDA");
        void *lib = dlopen(path ? path : "libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
        if (lib == NULL) {
            const char *e = dlerror();
            snprintf(pyaot_cu.why, sizeof pyaot_cu.why,
                     "CUDA: no NVIDIA driver: %s could not be loaded (%s). GPU kernels need an "
                     "NVIDIA GPU and its driver; pyaot.cuda.simulate(kernel, grid, block, *args) "
                     "runs a kernel on the CPU",
                     path ? path : "libcuda.so.1", e ? e : "not found");
            goto fail;
        }
#define PYAOT_CU_LOAD(name, args)                                                              \
        *(void **)&pyaot_cu.name = dlsym(lib, #name);                                           \
        if (pyaot_cu.name == NULL) {                                                           \
            snprintf(pyaot_cu.why, sizeof pyaot_cu.why,                                        \
                     "CUDA: the NVIDIA driver has no %s (a driver for CUDA 11 or later is "    \
                     "needed)", #name);                                                         \
            goto fail;                                                                         \
        }
        PYAOT_CU_FUNCS(PYAOT_CU_LOAD)
#undef PYAOT_CU_LOAD
        CUresult r = pyaot_cu.cuInit(0);
        if (r != 0) {
            snprintf(pyaot_cu.why, sizeof pyaot_cu.why,
                     "CUDA: cuInit failed with %s (%d): no usable NVIDIA GPU", pyaot_cu_name(r), r);
            goto fail;
        }
        int count = 0;
        r = pyaot_cu.cuDeviceGetCount(&count);
        if (r != 0 || count == 0) {
            snprintf(pyaot_cu.why, sizeof pyaot_cu.why, "CUDA: no NVIDIA GPU is present");
            goto fail;
        }
        CUdevice dev;
        if ((r = pyaot_cu.cuDeviceGet(&dev, 0)) != 0
            || (r = pyaot_cu.cuDevicePrimaryCtxRetain(&pyaot_cu.ctx, dev)) != 0
            || (r = pyaot_cu.cuCtxSetCurrent(pyaot_cu.ctx)) != 0) {
            snprintf(pyaot_cu.why, sizeof pyaot_cu.why,
                     "CUDA: the GPU's context could not be made: %s (%d)", pyaot_cu_name(r), r);
            goto fail;
        }
        pyaot_cu.ready = 1;
        return 0;
    }
fail:
    PyErr_SetString(PyExc_RuntimeError, pyaot_cu.why);
    return -1;
}

/* The module of `ptx`, loaded on first use. */
static int pyaot_cu_module(const char *ptx, CUmodule *out)
{
    size_t n = sizeof pyaot_cu_mods / sizeof pyaot_cu_mods[0];
    for (size_t i = 0; i < n; i++) {
        if (pyaot_cu_mods[i].ptx == ptx) {
            *out = pyaot_cu_mods[i].mod;
            return 0;
        }
    }
    CUresult r = pyaot_cu.cuModuleLoadData(out, ptx);
    if (r != 0) {
        PyErr_Format(PyExc_RuntimeError,
                     "CUDA: the module's PTX did not load: %s (%d); was it built for a newer GPU "
                     "(--cuda-arch)?", pyaot_cu_name(r), r);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (pyaot_cu_mods[i].ptx == NULL) {
            pyaot_cu_mods[i].ptx = ptx;
            pyaot_cu_mods[i].mod = *out;
            break;
        }
    }
    return 0;
}

static int pyaot_cu_function(const char *ptx, const char *entry, CUmodule mod, CUfunction *out)
{
    size_t n = sizeof pyaot_cu_fns / sizeof pyaot_cu_fns[0];
    for (size_t i = 0; i < n; i++) {
        if (pyaot_cu_fns[i].ptx == ptx && pyaot_cu_fns[i].entry == entry) {
            *out = pyaot_cu_fns[i].fn;
            return 0;
        }
    }
    CUresult r = pyaot_cu.cuModuleGetFunction(out, mod, entry);
    if (r != 0) {
        return pyaot_cu_fail("cuModuleGetFunction", r, entry);
    }
    for (size_t i = 0; i < n; i++) {
        if (pyaot_cu_fns[i].ptx == NULL) {
            pyaot_cu_fns[i].ptx = ptx;
            pyaot_cu_fns[i].entry = entry;
            pyaot_cu_fns[i].fn = *out;
            break;
        }
    }
    return 0;
}

/* A kernel, or a kernel configured for a launch (`kernel[blocks, threads]`). */
typedef struct {
    PyObject_HEAD
    const char *name, *entry, *desc, *names, *ptx;
    PyObject *py_func; /* the kernel as the module's Python code defined it, or None */
    unsigned int grid[3], block[3];
    int configured;
} pyaot_kernel;

static PyTypeObject *pyaot_kernel_type = NULL;

/* `n`, or a tuple of 1 to 3 positive ints, into dims (the rest 1). */
static int pyaot_cu_dims(const char *kernel, const char *what, PyObject *o, unsigned int dims[3])
{
    dims[0] = dims[1] = dims[2] = 1;
    PyObject *items[3] = {o, NULL, NULL};
    Py_ssize_t n = 1;
    if (PyTuple_Check(o)) {
        n = PYAOT_TUPLE_SIZE(o);
        if (n < 1 || n > 3) {
            PyErr_Format(PyExc_ValueError, "%s of kernel %s: give an int or a tuple of 1 to 3 ints",
                         what, kernel);
            return -1;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            items[i] = PYAOT_TUPLE_GET(o, i);
        }
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyLong_Check(items[i])) {
            PyErr_Format(PyExc_TypeError, "%s of kernel %s must be ints", what, kernel);
            return -1;
        }
        long long v = PyLong_AsLongLong(items[i]);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        if (v < 1 || v > 0x7fffffffLL) {
            PyErr_Format(PyExc_ValueError, "%s of kernel %s must be positive, not %lld", what,
                         kernel, v);
            return -1;
        }
        dims[i] = (unsigned int)v;
    }
    return 0;
}

/* The `n`-th comma-separated item of `list` into buf. */
static void pyaot_cu_item(const char *list, int n, char *buf, size_t cap)
{
    const char *p = list;
    for (int i = 0; i < n && p; i++) {
        p = strchr(p, ',');
        if (p) {
            p++;
        }
    }
    size_t len = 0;
    if (p) {
        const char *end = strchr(p, ',');
        len = end ? (size_t)(end - p) : strlen(p);
    }
    if (len >= cap) {
        len = cap - 1;
    }
    if (p) {
        memcpy(buf, p, len);
    }
    buf[len] = 0;
}

/* NumPy's kind and size (`f8`) of a struct format character, or NULL. */
static const char *pyaot_cu_format(const char *f)
{
    if (f == NULL) {
        return "u1";
    }
    if (*f == '<' || *f == '=' || *f == '@' || *f == '|') {
        f++;
    }
    if (f[0] == 0 || f[1] != 0) {
        return NULL;
    }
    switch (f[0]) {
    case 'd': return "f8";
    case 'f': return "f4";
    case 'q': case 'l': return "i8";
    case 'i': return "i4";
    case 'h': return "i2";
    case 'b': return "i1";
    case 'Q': case 'L': return "u8";
    case 'I': return "u4";
    case 'H': return "u2";
    case 'B': return "u1";
    case '?': return "b1";
    default: return NULL;
    }
}

/* One array argument copied to the device (to free, and to copy back when written). */
struct pyaot_cu_copy {
    Py_buffer view;
    int has_view;
    CUdeviceptr dev;
    size_t bytes;
    int back;
};

#define PYAOT_CU_MAX_WORDS 256
#define PYAOT_CU_MAX_ARRAYS 32

/* A device array from __cuda_array_interface__ (`cai`, a dict) into words; -1 with an exception. */
static int pyaot_cu_cai(const pyaot_kernel *k, const char *pname, const char *d, PyObject *cai,
                        uint64_t *w)
{
    int ndim = d[3] - '0', contig = d[4] == 'c', writes = d[5] == 'w';
    PyObject *shape = PyDict_GetItemString(cai, "shape");
    PyObject *typestr = PyDict_GetItemString(cai, "typestr");
    PyObject *data = PyDict_GetItemString(cai, "data");
    PyObject *strides = PyDict_GetItemString(cai, "strides");
    if (shape == NULL || !PyTuple_Check(shape) || typestr == NULL || !PyUnicode_Check(typestr)
        || data == NULL || !PyTuple_Check(data) || PYAOT_TUPLE_SIZE(data) != 2) {
        PyErr_Format(PyExc_TypeError, "kernel %s: argument `%s` has an invalid __cuda_array_interface__",
                     k->name, pname);
        return -1;
    }
    const char *ts = PyUnicode_AsUTF8AndSize(typestr, NULL);
    if (ts == NULL) {
        return -1;
    }
    if (*ts == '<' || *ts == '|' || *ts == '=') {
        ts++;
    }
    if (strncmp(ts, d + 1, 2) != 0 || ts[2] != 0) {
        PyErr_Format(PyExc_TypeError, "kernel %s: argument `%s` must hold %.2s elements, not %s",
                     k->name, pname, d + 1, ts);
        return -1;
    }
    if (PYAOT_TUPLE_SIZE(shape) != ndim) {
        PyErr_Format(PyExc_TypeError, "kernel %s: argument `%s` must have %d dimension(s), not %zd",
                     k->name, pname, ndim, PYAOT_TUPLE_SIZE(shape));
        return -1;
    }
    if (writes && PyObject_IsTrue(PYAOT_TUPLE_GET(data, 1))) {
        PyErr_Format(PyExc_ValueError, "kernel %s writes into `%s`, a read-only device array",
                     k->name, pname);
        return -1;
    }
    unsigned long long ptr = PyLong_AsUnsignedLongLong(PYAOT_TUPLE_GET(data, 0));
    if (PyErr_Occurred()) {
        return -1;
    }
    int64_t item = d[2] - '0';
    w[0] = 0;
    w[1] = ptr;
    for (int i = 0; i < ndim; i++) {
        long long n = PyLong_AsLongLong(PYAOT_TUPLE_GET(shape, i));
        if (n == -1 && PyErr_Occurred()) {
            return -1;
        }
        w[2 + i] = (uint64_t)n;
    }
    int64_t expect = item;
    int c_order = 1;
    for (int i = ndim - 1; i >= 0; i--) {
        int64_t s = expect;
        if (strides != NULL && strides != Py_None) {
            if (!PyTuple_Check(strides) || PYAOT_TUPLE_SIZE(strides) != ndim) {
                PyErr_Format(PyExc_TypeError, "kernel %s: argument `%s` has invalid strides",
                             k->name, pname);
                return -1;
            }
            s = PyLong_AsLongLong(PYAOT_TUPLE_GET(strides, i));
            if (s == -1 && PyErr_Occurred()) {
                return -1;
            }
        }
        if (s != expect && (int64_t)w[2 + i] > 1) {
            c_order = 0;
        }
        w[2 + ndim + i] = (uint64_t)s;
        expect *= (int64_t)w[2 + i];
    }
    if (contig && !c_order) {
        PyErr_Format(PyExc_ValueError, "kernel %s: argument `%s` must be C-contiguous", k->name,
                     pname);
        return -1;
    }
    return 0;
}

/* A host buffer copied into new device memory, its words into w; -1 with an exception. */
static int pyaot_cu_host(const pyaot_kernel *k, const char *pname, const char *d, PyObject *o,
                         uint64_t *w, struct pyaot_cu_copy *c)
{
    int ndim = d[3] - '0', writes = d[5] == 'w';
    int flags = PyBUF_STRIDES | PyBUF_FORMAT | (writes ? PyBUF_WRITABLE : 0);
    if (PyObject_GetBuffer(o, &c->view, flags) < 0) {
        PyErr_Clear();
        if (writes && PyObject_GetBuffer(o, &c->view, PyBUF_STRIDES | PyBUF_FORMAT) == 0) {
            PyBuffer_Release(&c->view);
            PyErr_Format(PyExc_ValueError, "kernel %s writes into `%s`, a read-only array",
                         k->name, pname);
            return -1;
        }
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError,
                     "kernel %s: argument `%s` must be an array (a NumPy array, or a device array "
                     "with __cuda_array_interface__)", k->name, pname);
        return -1;
    }
    c->has_view = 1;
    const char *f = pyaot_cu_format(c->view.format);
    if (f == NULL || strncmp(f, d + 1, 2) != 0) {
        PyErr_Format(PyExc_TypeError, "kernel %s: argument `%s` must hold %.2s elements, not '%s'",
                     k->name, pname, d + 1, c->view.format ? c->view.format : "B");
        return -1;
    }
    if (c->view.ndim != ndim) {
        PyErr_Format(PyExc_TypeError, "kernel %s: argument `%s` must have %d dimension(s), not %d",
                     k->name, pname, ndim, c->view.ndim);
        return -1;
    }
    c->bytes = (size_t)c->view.len;
    CUresult r = pyaot_cu.cuMemAlloc_v2(&c->dev, c->bytes ? c->bytes : 1);
    if (r != 0) {
        c->dev = 0;
        return pyaot_cu_fail("cuMemAlloc", r, k->name);
    }
    void *tmp = NULL;
    const void *src = c->view.buf;
    if (!PyBuffer_IsContiguous(&c->view, 'C')) {
        tmp = PyMem_Malloc(c->bytes ? c->bytes : 1);
        if (tmp == NULL || PyBuffer_ToContiguous(tmp, &c->view, c->view.len, 'C') < 0) {
            PyMem_Free(tmp);
            return tmp == NULL ? (PyErr_NoMemory(), -1) : -1;
        }
        src = tmp;
    }
    r = c->bytes ? pyaot_cu.cuMemcpyHtoD_v2(c->dev, src, c->bytes) : 0;
    PyMem_Free(tmp);
    if (r != 0) {
        return pyaot_cu_fail("cuMemcpyHtoD", r, k->name);
    }
    c->back = writes;
    int64_t item = d[2] - '0';
    w[0] = 0;
    w[1] = c->dev;
    int64_t stride = item;
    for (int i = ndim - 1; i >= 0; i--) {
        w[2 + i] = (uint64_t)c->view.shape[i];
        w[2 + ndim + i] = (uint64_t)stride;
        stride *= c->view.shape[i];
    }
    return 0;
}

/* Copies written arrays back, frees device memory and releases buffers; -1 if a copy failed. */
static int pyaot_cu_finish(struct pyaot_cu_copy *copies, int n, int copy_back, const char *kernel)
{
    int rc = 0;
    for (int i = 0; i < n; i++) {
        struct pyaot_cu_copy *c = &copies[i];
        if (copy_back && rc == 0 && c->back && c->dev && c->bytes) {
            void *dst = c->view.buf, *tmp = NULL;
            int contiguous = PyBuffer_IsContiguous(&c->view, 'C');
            if (!contiguous) {
                dst = tmp = PyMem_Malloc(c->bytes);
            }
            CUresult r = dst ? pyaot_cu.cuMemcpyDtoH_v2(dst, c->dev, c->bytes) : 0;
            if (dst == NULL) {
                PyErr_NoMemory();
                rc = -1;
            } else if (r != 0) {
                rc = pyaot_cu_fail("cuMemcpyDtoH", r, kernel);
            } else if (!contiguous && PyBuffer_FromContiguous(&c->view, tmp, c->view.len, 'C') < 0) {
                rc = -1;
            }
            PyMem_Free(tmp);
        }
        if (c->dev) {
            pyaot_cu.cuMemFree_v2(c->dev);
        }
        if (c->has_view) {
            PyBuffer_Release(&c->view);
        }
    }
    return rc;
}

/* Launches `k` over grid x block with `args`; None, or NULL with an exception. */
static PyObject *pyaot_cu_launch(const pyaot_kernel *k, const unsigned int grid[3],
                                 const unsigned int block[3], PyObject *args, Py_ssize_t first,
                                 unsigned int shared_mem, CUstream stream)
{
    int nparams = 0;
    for (const char *p = k->desc; *p; p++) {
        nparams += *p == ',';
    }
    nparams += *k->desc != 0;
    Py_ssize_t nargs = PYAOT_TUPLE_SIZE(args) - first;
    if (nargs != nparams) {
        PyErr_Format(PyExc_TypeError, "kernel %s takes %d argument(s) but %zd were given", k->name,
                     nparams, nargs);
        return NULL;
    }
    if (pyaot_cu_init() < 0) {
        return NULL;
    }
    CUmodule mod;
    CUfunction fn;
    if (pyaot_cu_module(k->ptx, &mod) < 0 || pyaot_cu_function(k->ptx, k->entry, mod, &fn) < 0) {
        return NULL;
    }
    uint64_t words[PYAOT_CU_MAX_WORDS];
    void *params[PYAOT_CU_MAX_WORDS];
    struct pyaot_cu_copy copies[PYAOT_CU_MAX_ARRAYS];
    memset(copies, 0, sizeof copies);
    int nwords = 0, ncopies = 0;
    for (int i = 0; i < nparams; i++) {
        char d[16], pname[128];
        pyaot_cu_item(k->desc, i, d, sizeof d);
        pyaot_cu_item(k->names, i, pname, sizeof pname);
        PyObject *o = PYAOT_TUPLE_GET(args, first + i);
        if (nwords + 10 > PYAOT_CU_MAX_WORDS || ncopies >= PYAOT_CU_MAX_ARRAYS) {
            PyErr_Format(PyExc_TypeError, "kernel %s has too many parameters", k->name);
            goto fail;
        }
        uint64_t *w = &words[nwords];
        if (d[0] == 'a') {
            int ndim = d[3] - '0';
            PyObject *cai = PyObject_GetAttrString(o, "__cuda_array_interface__");
            if (cai != NULL) {
                int rc = PyDict_Check(cai) ? pyaot_cu_cai(k, pname, d, cai, w) : -1;
                if (!PyDict_Check(cai)) {
                    PyErr_Format(PyExc_TypeError, "kernel %s: `%s`.__cuda_array_interface__ is not a dict",
                                 k->name, pname);
                }
                Py_DECREF(cai);
                if (rc < 0) {
                    goto fail;
                }
            } else {
                PyErr_Clear();
                if (pyaot_cu_host(k, pname, d, o, w, &copies[ncopies++]) < 0) {
                    goto fail;
                }
            }
            nwords += 2 + 2 * ndim;
        } else if (d[0] == 'i') {
            long long v = PyLong_AsLongLong(o);
            if (v == -1 && PyErr_Occurred()) {
                goto fail;
            }
            w[0] = (uint64_t)v;
            nwords += 1;
        } else if (d[0] == 'f' || d[0] == 'g') {
            double v = PyFloat_AsDouble(o);
            if (v == -1.0 && PyErr_Occurred()) {
                goto fail;
            }
            if (d[0] == 'f') {
                memcpy(w, &v, sizeof v);
            } else {
                float f = (float)v;
                memcpy(w, &f, sizeof f);
            }
            nwords += 1;
        } else {
            int v = PyObject_IsTrue(o);
            if (v < 0) {
                goto fail;
            }
            w[0] = 0;
            *(uint8_t *)w = (uint8_t)v;
            nwords += 1;
        }
    }
    for (int i = 0; i < nwords; i++) {
        params[i] = &words[i];
    }
    CUdeviceptr err_word;
    size_t err_size;
    CUresult r = pyaot_cu.cuModuleGetGlobal_v2(&err_word, &err_size, mod, "pyaot_error");
    uint32_t code = 0;
    if (r == 0) {
        r = pyaot_cu.cuMemcpyHtoD_v2(err_word, &code, sizeof code);
    }
    if (r != 0) {
        pyaot_cu_fail("resetting the error word", r, k->name);
        goto fail;
    }
    r = pyaot_cu.cuLaunchKernel(fn, grid[0], grid[1], grid[2], block[0], block[1], block[2],
                                shared_mem, stream, params, NULL);
    if (r != 0) {
        pyaot_cu_fail("cuLaunchKernel", r, k->name);
        goto fail;
    }
    Py_BEGIN_ALLOW_THREADS
    r = stream ? pyaot_cu.cuStreamSynchronize(stream) : pyaot_cu.cuCtxSynchronize();
    Py_END_ALLOW_THREADS
    if (r != 0) {
        pyaot_cu_fail("the kernel", r, k->name);
        goto fail;
    }
    r = pyaot_cu.cuMemcpyDtoH_v2(&code, err_word, sizeof code);
    if (r != 0) {
        pyaot_cu_fail("reading the error word", r, k->name);
        goto fail;
    }
    if (pyaot_cu_finish(copies, ncopies, 1, k->name) < 0) {
        return NULL;
    }
    if (code != 0) {
        PyObject *exc = pyaot_exc_type((int32_t)code - 1);
        PyErr_Format(exc ? exc : PyExc_RuntimeError,
                     "raised in GPU kernel %s (the first thread's error; arrays may be partly written)",
                     k->name);
        return NULL;
    }
    Py_RETURN_NONE;
fail:
    pyaot_cu_finish(copies, ncopies, 0, k->name);
    return NULL;
}

static PyObject *pyaot_kernel_new_config(pyaot_kernel *k, const unsigned int grid[3],
                                         const unsigned int block[3])
{
    pyaot_kernel *c = PyObject_New(pyaot_kernel, pyaot_kernel_type);
    if (c == NULL) {
        return NULL;
    }
    c->name = k->name;
    c->entry = k->entry;
    c->desc = k->desc;
    c->names = k->names;
    c->ptx = k->ptx;
    Py_INCREF(k->py_func);
    c->py_func = k->py_func;
    memcpy(c->grid, grid, sizeof c->grid);
    memcpy(c->block, block, sizeof c->block);
    c->configured = 1;
    return (PyObject *)c;
}

/* kernel[blocks, threads] */
static PyObject *pyaot_kernel_getitem(PyObject *self, PyObject *key)
{
    pyaot_kernel *k = (pyaot_kernel *)self;
    if (!PyTuple_Check(key) || PYAOT_TUPLE_SIZE(key) != 2) {
        PyErr_Format(PyExc_TypeError, "launch kernel %s as %s[blocks, threads](args...)", k->name,
                     k->name);
        return NULL;
    }
    unsigned int grid[3], block[3];
    if (pyaot_cu_dims(k->name, "the blocks", PYAOT_TUPLE_GET(key, 0), grid) < 0
        || pyaot_cu_dims(k->name, "the threads per block", PYAOT_TUPLE_GET(key, 1), block) < 0) {
        return NULL;
    }
    return pyaot_kernel_new_config(k, grid, block);
}

static PyObject *pyaot_kernel_call(PyObject *self, PyObject *args, PyObject *kwargs)
{
    pyaot_kernel *k = (pyaot_kernel *)self;
    if (kwargs != NULL && PyDict_Size(kwargs) > 0) {
        PyErr_Format(PyExc_TypeError, "kernel %s takes no keyword arguments", k->name);
        return NULL;
    }
    if (!k->configured) {
        PyErr_Format(PyExc_TypeError,
                     "kernel %s is launched over a grid: %s[blocks, threads](args...)", k->name,
                     k->name);
        return NULL;
    }
    return pyaot_cu_launch(k, k->grid, k->block, args, 0, 0, NULL);
}

/* kernel.launch(grid, block, *args, shared_mem=0, stream=None) */
static PyObject *pyaot_kernel_launch(PyObject *self, PyObject *args, PyObject *kwargs)
{
    pyaot_kernel *k = (pyaot_kernel *)self;
    if (PYAOT_TUPLE_SIZE(args) < 2) {
        PyErr_Format(PyExc_TypeError, "%s.launch(grid, block, *args, shared_mem=0, stream=None)",
                     k->name);
        return NULL;
    }
    unsigned int grid[3], block[3];
    if (pyaot_cu_dims(k->name, "the blocks", PYAOT_TUPLE_GET(args, 0), grid) < 0
        || pyaot_cu_dims(k->name, "the threads per block", PYAOT_TUPLE_GET(args, 1), block) < 0) {
        return NULL;
    }
    unsigned long long shared_mem = 0;
    CUstream stream = NULL;
    if (kwargs != NULL) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kwargs, &pos, &key, &value)) {
            const char *name = PyUnicode_AsUTF8AndSize(key, NULL);
            if (name == NULL) {
                return NULL;
            }
            if (strcmp(name, "shared_mem") == 0) {
                shared_mem = PyLong_AsUnsignedLongLong(value);
            } else if (strcmp(name, "stream") == 0) {
                /* None, a handle (an int), or an object with a `.ptr` or `.handle` (CuPy, Numba). */
                PyObject *h = value == Py_None ? NULL : value;
                PyObject *held = NULL;
                if (h != NULL && !PyLong_Check(h)) {
                    held = PyObject_GetAttrString(h, "ptr");
                    if (held == NULL) {
                        PyErr_Clear();
                        held = PyObject_GetAttrString(h, "handle");
                    }
                    if (held == NULL) {
                        PyErr_Clear();
                        PyErr_SetString(PyExc_TypeError, "stream must be None, an int handle, or have .ptr or .handle");
                        return NULL;
                    }
                    h = held;
                }
                stream = h ? (CUstream)(uintptr_t)PyLong_AsUnsignedLongLong(h) : NULL;
                Py_XDECREF(held);
            } else {
                PyErr_Format(PyExc_TypeError, "%s.launch() got an unexpected keyword argument '%s'",
                             k->name, name);
                return NULL;
            }
            if (PyErr_Occurred()) {
                return NULL;
            }
        }
    }
    if (shared_mem > 0xffffffffULL) {
        PyErr_SetString(PyExc_ValueError, "shared_mem is too large");
        return NULL;
    }
    return pyaot_cu_launch(k, grid, block, args, 2, (unsigned int)shared_mem, stream);
}

static PyObject *pyaot_kernel_repr(PyObject *self)
{
    pyaot_kernel *k = (pyaot_kernel *)self;
    if (k->configured) {
        return PyUnicode_FromFormat("<GPU kernel %s [(%u, %u, %u), (%u, %u, %u)]>", k->name,
                                    k->grid[0], k->grid[1], k->grid[2], k->block[0], k->block[1],
                                    k->block[2]);
    }
    return PyUnicode_FromFormat("<GPU kernel %s>", k->name);
}

static PyObject *pyaot_kernel_ptx(PyObject *self, PyObject *unused)
{
    (void)unused;
    return PyUnicode_FromString(((pyaot_kernel *)self)->ptx);
}

static PyObject *pyaot_kernel_py_func(PyObject *self, void *unused)
{
    (void)unused;
    PyObject *f = ((pyaot_kernel *)self)->py_func;
    Py_INCREF(f);
    return f;
}

static PyGetSetDef pyaot_kernel_getset[] = {
    {"py_func", pyaot_kernel_py_func, NULL,
     "The kernel as Python code: pyaot.cuda.simulate runs it on the CPU.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void pyaot_kernel_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    Py_XDECREF(((pyaot_kernel *)self)->py_func);
    PyObject_Free(self);
    Py_DECREF(tp);
}

static PyMethodDef pyaot_kernel_methods[] = {
    {"launch", (PyCFunction)(void (*)(void))pyaot_kernel_launch, METH_VARARGS | METH_KEYWORDS,
     "launch(grid, block, *args, shared_mem=0, stream=None): runs the kernel over the grid and "
     "waits for it."},
    {"ptx", pyaot_kernel_ptx, METH_NOARGS, "ptx(): the PTX text of the module's kernels."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot pyaot_kernel_slots[] = {
    {Py_tp_dealloc, (void *)pyaot_kernel_dealloc},
    {Py_tp_call, (void *)pyaot_kernel_call},
    {Py_mp_subscript, (void *)pyaot_kernel_getitem},
    {Py_tp_methods, (void *)pyaot_kernel_methods},
    {Py_tp_getset, (void *)pyaot_kernel_getset},
    {Py_tp_repr, (void *)pyaot_kernel_repr},
    {Py_tp_doc, (void *)"A GPU kernel compiled by pyaot: kernel[blocks, threads](args...)."},
    {0, NULL},
};

static PyType_Spec pyaot_kernel_spec = {
    .name = "pyaot.Kernel",
    .basicsize = sizeof(pyaot_kernel),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = pyaot_kernel_slots,
};

/* Adds kernel `name` (PTX entry `entry`, parameters `desc` named `names`) to module m. */
PYAOT_API int pyaot_cuda_add_kernel(PyObject *m, const char *name, const char *entry,
                                    const char *desc, const char *names, const char *ptx,
                                    const char *doc)
{
    (void)doc;
    if (pyaot_kernel_type == NULL) {
        pyaot_kernel_type = (PyTypeObject *)PyType_FromSpec(&pyaot_kernel_spec);
        if (pyaot_kernel_type == NULL) {
            return -1;
        }
    }
    pyaot_kernel *k = PyObject_New(pyaot_kernel, pyaot_kernel_type);
    if (k == NULL) {
        return -1;
    }
    k->name = name;
    k->entry = entry;
    k->desc = desc;
    k->names = names;
    k->ptx = ptx;
    k->py_func = PyObject_GetAttrString(m, name);
    if (k->py_func == NULL) {
        PyErr_Clear();
        Py_INCREF(Py_None);
        k->py_func = Py_None;
    }
    k->configured = 0;
    k->grid[0] = k->grid[1] = k->grid[2] = 1;
    k->block[0] = k->block[1] = k->block[2] = 1;
    return PyModule_AddObject(m, name, (PyObject *)k) < 0 ? (Py_DECREF(k), -1) : 0;
}
