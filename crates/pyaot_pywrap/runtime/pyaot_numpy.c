/* pyaot wrapper support for NumPy: fixed-width scalar arguments and results, array arguments
 * borrowed through the buffer protocol, and arrays returned as numpy.ndarray.
 *
 * Pasted into every generated module after pyaot_args.c. NumPy is imported on first need only
 * (returning a scalar or an array); array arguments work with any buffer exporter without it.
 * Dtype codes are pyaot_types::Dtype's: b1 i8 i16 i32 i64 u8 u16 u32 u64 f32 f64 c64 c128 = 0..12.
 */


/* Per dtype code: the buffer format exported (native, as NumPy's own), item size, NumPy names. */
#define PYAOT_NDTYPES 13
static const char pyaot_dtype_format[PYAOT_NDTYPES][3] = {"?", "b", "h", "i", "l", "B", "H",
                                                          "I", "L", "f", "d", "Zf", "Zd"};
static const Py_ssize_t pyaot_dtype_size[PYAOT_NDTYPES] = {1, 1, 2, 4, 8, 1, 2, 4, 8, 4, 8, 8, 16};
static const char *const pyaot_dtype_name[PYAOT_NDTYPES] = {
    "bool",   "int8",    "int16",   "int32",     "int64",     "uint8",     "uint16",
    "uint32", "uint64",  "float32", "float64",   "complex64", "complex128"};
/* The scalar type's attribute of the numpy module (`bool_` exists in NumPy 1 and 2). */
static const char *const pyaot_dtype_attr[PYAOT_NDTYPES] = {
    "bool_",  "int8",    "int16",   "int32",     "int64",     "uint8",     "uint16",
    "uint32", "uint64",  "float32", "float64",   "complex64", "complex128"};

/* ---- lazily imported NumPy ---- */

static PyObject *pyaot_np_asarray;
static PyObject *pyaot_np_types[PYAOT_NDTYPES];

static int pyaot_numpy_load(void)
{
    if (pyaot_np_asarray != NULL) {
        return 0;
    }
    PyObject *np = PyImport_ImportModule("numpy");
    if (np == NULL) {
        if (PyErr_ExceptionMatches(PyExc_ImportError)) {
            /* Say why NumPy is needed, keeping the import error as the cause. */
            PyObject *type, *value, *tb;
            PyErr_Fetch(&type, &value, &tb);
            PyErr_NormalizeException(&type, &value, &tb);
            PyErr_SetString(PyExc_ImportError,
                            "this compiled function returns NumPy arrays or scalars, which needs "
                            "NumPy: install it (pip install numpy, or pip install 'pyaot[numpy]')");
            PyObject *t2, *v2, *tb2;
            PyErr_Fetch(&t2, &v2, &tb2);
            PyErr_NormalizeException(&t2, &v2, &tb2);
            PyException_SetCause(v2, value); /* steals value */
            Py_XDECREF(type);
            Py_XDECREF(tb);
            PyErr_Restore(t2, v2, tb2);
        }
        return -1;
    }
    PyObject *types[PYAOT_NDTYPES] = {NULL};
    PyObject *asarray = PyObject_GetAttrString(np, "asarray");
    int ok = asarray != NULL;
    for (int i = 0; ok && i < PYAOT_NDTYPES; i++) {
        types[i] = PyObject_GetAttrString(np, pyaot_dtype_attr[i]);
        ok = types[i] != NULL;
    }
    Py_DECREF(np);
    if (!ok) {
        Py_XDECREF(asarray);
        for (int i = 0; i < PYAOT_NDTYPES; i++) {
            Py_XDECREF(types[i]);
        }
        return -1;
    }
    for (int i = 0; i < PYAOT_NDTYPES; i++) {
        pyaot_np_types[i] = types[i];
    }
    pyaot_np_asarray = asarray;
    return 0;
}

/* ---- fixed-width scalars ---- */

/* An integer dtype parameter: ints and objects with __index__ (NumPy integers), not floats;
 * a value outside the dtype raises OverflowError as NumPy 2 does. */
PYAOT_API int pyaot_arg_dtype_int(const char *fname, const char *pname, PyObject *o,
                                            int dtype, int64_t *out)
{
    static const long long lo[9] = {0, -128, -32768, INT32_MIN, INT64_MIN, 0, 0, 0, 0};
    static const long long hi[9] = {0, 127, 32767, INT32_MAX, INT64_MAX, 255, 65535, UINT32_MAX, 0};
    PyObject *index;
    if (PyLong_Check(o)) {
        index = Py_NewRef(o);
    } else if (PyIndex_Check(o)) {
        index = PyNumber_Index(o);
        if (index == NULL) {
            return -1;
        }
    } else {
        return pyaot_arg_type_error(fname, pname, "int", o);
    }
    int in_range;
    if (dtype == 8) {
        unsigned long long u = PyLong_AsUnsignedLongLong(index);
        in_range = !(u == (unsigned long long)-1 && PyErr_Occurred());
        if (!in_range && !PyErr_ExceptionMatches(PyExc_OverflowError)) {
            Py_DECREF(index);
            return -1;
        }
        PyErr_Clear();
        *out = (int64_t)u;
    } else {
        int overflow;
        long long v = PyLong_AsLongLongAndOverflow(index, &overflow);
        if (v == -1 && PyErr_Occurred()) {
            Py_DECREF(index);
            return -1;
        }
        in_range = !overflow && v >= lo[dtype] && v <= hi[dtype];
        *out = (int64_t)v;
    }
    if (!in_range) {
        PyErr_Format(PyExc_OverflowError, "Python integer %S out of bounds for %s", index,
                     pyaot_dtype_name[dtype]);
    }
    Py_DECREF(index);
    return in_range ? 0 : -1;
}

/* An f32 parameter: what a float parameter accepts, rounded to single precision. */
PYAOT_API int pyaot_arg_f32(const char *fname, const char *pname, PyObject *o, float *out)
{
    double v;
    if (pyaot_arg_float(fname, pname, o, &v) < 0) {
        return -1;
    }
    *out = (float)v;
    return 0;
}

/* The NumPy scalar of type `dtype` made from a Python value (stolen; NULL passes through). */
static PyObject *pyaot_box_np(int dtype, PyObject *value)
{
    if (value == NULL) {
        return NULL;
    }
    PyObject *r = NULL;
    if (pyaot_numpy_load() == 0) {
        r = PYAOT_CALL1(pyaot_np_types[dtype], value);
    }
    Py_DECREF(value);
    return r;
}

/* An integer dtype result (carried as int64: sign- or zero-extended, u64 as its bits). */
PYAOT_API PyObject *pyaot_box_dtype_int(int dtype, int64_t v)
{
    PyObject *value;
    switch (dtype) {
    case 1:
        value = PyLong_FromLong((int8_t)v);
        break;
    case 2:
        value = PyLong_FromLong((int16_t)v);
        break;
    case 3:
        value = PyLong_FromLong((int32_t)v);
        break;
    case 5:
        value = PyLong_FromLong((uint8_t)v);
        break;
    case 6:
        value = PyLong_FromLong((uint16_t)v);
        break;
    case 7:
        value = PyLong_FromUnsignedLong((uint32_t)v);
        break;
    case 8:
        value = PyLong_FromUnsignedLongLong((uint64_t)v);
        break;
    default:
        value = PyLong_FromLongLong(v);
        break;
    }
    return pyaot_box_np(dtype, value);
}

PYAOT_API PyObject *pyaot_box_b1(int8_t v)
{
    return pyaot_box_np(0, PyBool_FromLong(v));
}

PYAOT_API PyObject *pyaot_box_f32(float v)
{
    return pyaot_box_np(9, PyFloat_FromDouble(v));
}

PYAOT_API PyObject *pyaot_box_f64(double v)
{
    return pyaot_box_np(10, PyFloat_FromDouble(v));
}

/* A complex parameter (Python `complex`, `c128`): complex numbers, floats, ints and objects with
 * __complex__, __float__ or __index__ (NumPy scalars), as complex() converts them; not strings. */
PYAOT_API int pyaot_arg_complex(const char *fname, const char *pname, PyObject *o, double *out)
{
    int numeric = PyComplex_Check(o) || PyFloat_Check(o) || PyLong_Check(o) ||
                  PyObject_HasAttrString((PyObject *)Py_TYPE(o), "__complex__") ||
                  pyaot_has_float(o) || PyIndex_Check(o);
    if (!numeric) {
        return pyaot_arg_type_error(fname, pname, "complex", o);
    }
    return pyaot_as_complex(o, &out[0], &out[1]);
}

/* A c64 parameter: what a complex parameter accepts, each part rounded to single precision. */
PYAOT_API int pyaot_arg_c64(const char *fname, const char *pname, PyObject *o, float *out)
{
    double v[2];
    if (pyaot_arg_complex(fname, pname, o, v) < 0) {
        return -1;
    }
    out[0] = (float)v[0];
    out[1] = (float)v[1];
    return 0;
}

PYAOT_API PyObject *pyaot_box_c64(float re, float im)
{
    return pyaot_box_np(11, PyComplex_FromDoubles(re, im));
}

PYAOT_API PyObject *pyaot_box_c128(double re, double im)
{
    return pyaot_box_np(12, PyComplex_FromDoubles(re, im));
}

/* ---- array arguments ---- */

PYAOT_API void pyaot_release(struct pyaot_borrow *b)
{
    if (b->view.obj != NULL) {
        PyBuffer_Release(&b->view);
    }
}

/* The dtype code of a struct-module item format with this item size, or -1 (native little-endian only). */
static int pyaot_format_dtype(const char *fmt, Py_ssize_t itemsize)
{
    if (fmt == NULL) {
        fmt = "B";
    }
    int native = 1;
    if (*fmt == '@') {
        fmt++;
    } else if (*fmt == '=' || *fmt == '<') {
        native = 0;
        fmt++;
    }
    if (fmt[0] == 'Z' && (fmt[1] == 'f' || fmt[1] == 'd') && fmt[2] == '\0') {
        Py_ssize_t size = fmt[1] == 'f' ? 8 : 16;
        return size == itemsize ? (fmt[1] == 'f' ? 11 : 12) : -1;
    }
    if (fmt[0] == '\0' || fmt[1] != '\0') {
        return -1;
    }
    /* kind: 0 bool, 1 signed, 2 unsigned, 3 float */
    int kind;
    Py_ssize_t size;
    switch (fmt[0]) {
    case '?':
        kind = 0, size = 1;
        break;
    case 'b':
    case 'B':
        kind = fmt[0] == 'b' ? 1 : 2, size = 1;
        break;
    case 'h':
    case 'H':
        kind = fmt[0] == 'h' ? 1 : 2, size = native ? (Py_ssize_t)sizeof(short) : 2;
        break;
    case 'i':
    case 'I':
        kind = fmt[0] == 'i' ? 1 : 2, size = native ? (Py_ssize_t)sizeof(int) : 4;
        break;
    case 'l':
    case 'L':
        kind = fmt[0] == 'l' ? 1 : 2, size = native ? (Py_ssize_t)sizeof(long) : 4;
        break;
    case 'q':
    case 'Q':
        kind = fmt[0] == 'q' ? 1 : 2, size = native ? (Py_ssize_t)sizeof(long long) : 8;
        break;
    case 'f':
        kind = 3, size = 4;
        break;
    case 'd':
        kind = 3, size = 8;
        break;
    default:
        return -1;
    }
    if (size != itemsize) {
        return -1;
    }
    switch (kind) {
    case 0:
        return 0;
    case 3:
        return size == 4 ? 9 : 10;
    default: {
        int log2 = size == 1 ? 0 : size == 2 ? 1 : size == 4 ? 2 : 3;
        return (kind == 1 ? 1 : 5) + log2;
    }
    }
}

/* Describes a received buffer for an error message: "int32 array with 2 dimensions". */
static void pyaot_describe_buffer(const Py_buffer *v, char *text, size_t size)
{
    const char *dims = v->ndim == 1 ? "dimension" : "dimensions";
    int d = pyaot_format_dtype(v->format, v->itemsize);
    const char *fmt = v->format != NULL ? v->format : "B";
    const char *bare = (fmt[0] == '@' || fmt[0] == '=' || fmt[0] == '<') ? fmt + 1 : fmt;
    const char *name = NULL;
    if (d >= 0) {
        name = pyaot_dtype_name[d];
    } else if (strcmp(bare, "e") == 0) {
        name = "float16";
    } else if (strcmp(bare, "O") == 0) {
        name = "object";
    }
    if (name != NULL) {
        snprintf(text, size, "%s array with %d %s", name, v->ndim, dims);
    } else {
        snprintf(text, size, "array of item format '%.20s' with %d %s", fmt, v->ndim, dims);
    }
}

static int pyaot_array_type_error(const char *fname, const char *pname, int dtype, int ndim, int contig,
                                  const char *got)
{
    const char *name = pyaot_dtype_name[dtype];
    const char *article = contig || name[0] != 'i' ? "a" : "an";
    PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be %s %s%s array with %d dimension%s, not %s",
                 fname, pname, article, contig ? "C-contiguous " : "", name, ndim, ndim == 1 ? "" : "s",
                 got);
    return -1;
}

/* An array parameter: borrows the argument's buffer into `b` (released by pyaot_release) and
 * fills the ABI words owner, data, shape[ndim], strides[ndim] (bytes; C strides for `contig`). */
PYAOT_API int pyaot_arg_array(const char *fname, const char *pname, PyObject *o, int dtype,
                                        int ndim, int contig, int writes, struct pyaot_borrow *b,
                                        int64_t *words)
{
    char got[96];
    b->view.obj = NULL;
    if (!PyObject_CheckBuffer(o)) {
        return pyaot_array_type_error(fname, pname, dtype, ndim, contig, pyaot_type_name(o));
    }
    if (PyObject_GetBuffer(o, &b->view, PyBUF_RECORDS_RO) < 0) {
        b->view.obj = NULL;
        if (PyErr_ExceptionMatches(PyExc_MemoryError)) {
            return -1;
        }
        PyErr_Clear();
        return pyaot_array_type_error(fname, pname, dtype, ndim, contig, pyaot_type_name(o));
    }
    Py_buffer *v = &b->view;
    if (pyaot_format_dtype(v->format, v->itemsize) != dtype || v->ndim != ndim ||
        (v->shape == NULL && ndim != 1)) {
        pyaot_describe_buffer(v, got, sizeof got);
        PyBuffer_Release(v);
        return pyaot_array_type_error(fname, pname, dtype, ndim, contig, got);
    }
    if (contig && !PyBuffer_IsContiguous(v, 'C')) {
        PyBuffer_Release(v);
        return pyaot_array_type_error(fname, pname, dtype, ndim, contig, "a non-contiguous array");
    }
    if (writes && v->readonly) {
        PyBuffer_Release(v);
        PyErr_Format(PyExc_ValueError, "%s() argument '%s' is read-only: assignment destination is read-only",
                     fname, pname);
        return -1;
    }
    words[0] = (int64_t)(uintptr_t)b | 1;
    words[1] = (int64_t)(uintptr_t)v->buf;
    for (int i = 0; i < ndim; i++) {
        words[2 + i] = v->shape != NULL ? v->shape[i] : v->len / v->itemsize;
    }
    int64_t stride = v->itemsize;
    for (int i = ndim - 1; i >= 0; i--) {
        words[2 + ndim + i] = (contig || v->strides == NULL) ? stride : v->strides[i];
        stride *= words[2 + i];
    }
    b->arg = o;
    memcpy(b->words, words, (size_t)(2 + 2 * ndim) * sizeof(int64_t));
    return 0;
}

/* ---- arrays made by compiled code ---- */

/* A buffer exporter around an array result: a runtime block whose reference it holds, or a
 * view into an argument's buffer that it keeps borrowed. numpy.asarray() wraps it for the user. */
typedef struct {
    PyObject_HEAD
    int64_t owner;   /* runtime block, or 0 */
    Py_buffer base;  /* the argument buffer a view keeps (base.obj != NULL) */
    char *data;
    int dtype;
    int ndim;
    int readonly;
    Py_ssize_t shape[PYAOT_MAX_NDIM];
    Py_ssize_t strides[PYAOT_MAX_NDIM];
} pyaot_ndbuf;

static void pyaot_ndbuf_dealloc(PyObject *self)
{
    pyaot_ndbuf *a = (pyaot_ndbuf *)self;
    pyaot_block_decref(a->owner);
    if (a->base.obj != NULL) {
        PyBuffer_Release(&a->base);
    }
    /* A heap type: each instance holds a reference to it. */
    PyTypeObject *type = Py_TYPE(self);
    freefunc free_self = (freefunc)PyType_GetSlot(type, Py_tp_free);
    free_self(self);
    Py_DECREF(type);
}

static int pyaot_ndbuf_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    pyaot_ndbuf *a = (pyaot_ndbuf *)self;
    view->obj = NULL;
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && a->readonly) {
        PyErr_SetString(PyExc_BufferError, "array is read-only");
        return -1;
    }
    Py_ssize_t itemsize = pyaot_dtype_size[a->dtype];
    Py_ssize_t len = itemsize;
    for (int i = 0; i < a->ndim; i++) {
        len *= a->shape[i];
    }
    view->buf = a->data;
    view->len = len;
    view->readonly = a->readonly;
    view->itemsize = itemsize;
    view->format = (flags & PyBUF_FORMAT) ? (char *)pyaot_dtype_format[a->dtype] : NULL;
    view->ndim = a->ndim;
    view->shape = a->shape;
    view->strides = a->strides;
    view->suboffsets = NULL;
    view->internal = NULL;
    int c = PyBuffer_IsContiguous(view, 'C');
    int f = PyBuffer_IsContiguous(view, 'F');
    if (((flags & PyBUF_STRIDES) != PyBUF_STRIDES || (flags & PyBUF_C_CONTIGUOUS) == PyBUF_C_CONTIGUOUS) && !c) {
        PyErr_SetString(PyExc_BufferError, "array is not C-contiguous");
        return -1;
    }
    if (((flags & PyBUF_F_CONTIGUOUS) == PyBUF_F_CONTIGUOUS && !f) ||
        ((flags & PyBUF_ANY_CONTIGUOUS) == PyBUF_ANY_CONTIGUOUS && !c && !f)) {
        PyErr_SetString(PyExc_BufferError, "array is not contiguous");
        return -1;
    }
    if ((flags & PyBUF_STRIDES) != PyBUF_STRIDES) {
        view->strides = NULL;
    }
    if ((flags & PyBUF_ND) != PyBUF_ND) {
        view->shape = NULL;
    }
    view->obj = Py_NewRef(self);
    return 0;
}

/* A heap type made from a spec, as the stable ABI requires (the buffer slot is part of it
 * since 3.11); made once, when the first module of this runtime copy is executed. */
static PyType_Slot pyaot_ndbuf_slots[] = {
    {Py_tp_dealloc, (void *)pyaot_ndbuf_dealloc},
    {Py_bf_getbuffer, (void *)pyaot_ndbuf_getbuffer},
    {Py_tp_doc, (void *)"Memory of an array made by compiled code (the base of the numpy.ndarray returned)."},
    {0, NULL},
};

static PyType_Spec pyaot_ndbuf_spec = {
    .name = "pyaot.ndbuffer",
    .basicsize = sizeof(pyaot_ndbuf),
    .flags = Py_TPFLAGS_DEFAULT,
    .slots = pyaot_ndbuf_slots,
};

static PyTypeObject *pyaot_ndbuf_type = NULL;

/* Called by each module's exec slot. */
PYAOT_API int pyaot_runtime_init(void)
{
    pyaot_check_blocks = getenv("PYAOT_CHECK_BLOCKS") != NULL;
    if (pyaot_ndbuf_type == NULL) {
        pyaot_ndbuf_type = (PyTypeObject *)PyType_FromSpec(&pyaot_ndbuf_spec);
    }
    return pyaot_ndbuf_type == NULL ? -1 : 0;
}

/* Boxes an array result as numpy.ndarray. Takes over the owner's reference (dropped on failure).
 * A borrowed argument returned unchanged is returned as the argument object itself. */
PYAOT_API PyObject *pyaot_box_array(int dtype, int ndim, int64_t owner, int64_t data,
                                              const int64_t *shape, const int64_t *strides)
{
    struct pyaot_borrow *b = NULL;
    if (owner == 0) {
        PyErr_SetString(PyExc_SystemError, "compiled code returned an array without an owner");
        return NULL;
    }
    if (owner & 1) {
        b = (struct pyaot_borrow *)(uintptr_t)(owner & ~(int64_t)1);
        int same = b->view.ndim == ndim && b->words[1] == data &&
                   pyaot_format_dtype(b->view.format, b->view.itemsize) == dtype;
        for (int i = 0; same && i < ndim; i++) {
            same = b->words[2 + i] == shape[i] && b->words[2 + ndim + i] == strides[i];
        }
        if (same) {
            return Py_NewRef(b->arg);
        }
    }
    if (pyaot_numpy_load() < 0) {
        pyaot_block_decref(owner);
        return NULL;
    }
    pyaot_ndbuf *a = PyObject_New(pyaot_ndbuf, pyaot_ndbuf_type);
    if (a == NULL) {
        pyaot_block_decref(owner);
        return NULL;
    }
    a->owner = 0;
    a->base.obj = NULL;
    a->data = (char *)(uintptr_t)data;
    a->dtype = dtype;
    a->ndim = ndim;
    a->readonly = 0;
    for (int i = 0; i < ndim; i++) {
        a->shape[i] = (Py_ssize_t)shape[i];
        a->strides[i] = (Py_ssize_t)strides[i];
    }
    if (b != NULL) {
        /* A view into an argument: keep the argument's buffer exported while the view lives. */
        if (PyObject_GetBuffer(b->arg, &a->base, PyBUF_RECORDS_RO) < 0) {
            a->base.obj = NULL;
            Py_DECREF(a);
            return NULL;
        }
        a->readonly = a->base.readonly;
    } else {
        a->owner = owner;
    }
    PyObject *r = PYAOT_CALL1(pyaot_np_asarray, (PyObject *)a);
    Py_DECREF(a);
    return r;
}
