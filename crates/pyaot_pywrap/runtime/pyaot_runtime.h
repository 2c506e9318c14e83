/* pyaot runtime interface: what a generated module wrapper uses from the runtime object.
 *
 * The runtime (pyaot_rt.c and the files after it) is compiled once per interpreter, compiler and
 * pyaot version, cached, and linked into every extension module; each module's wrapper includes
 * this header and defines the module's exception messages. Every symbol stays hidden in the module.
 */

#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <errno.h>
#include <stddef.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

/* The same source builds against the full C API and, with `pyaot build --abi3`, against the stable
 * ABI of CPython 3.11 (Py_LIMITED_API), where the fast macros and the type object's fields are
 * not available: these name what each stands for. */
#ifdef Py_LIMITED_API
#define PYAOT_TUPLE_GET(t, i) PyTuple_GetItem((t), (i))
#define PYAOT_TUPLE_SET(t, i, v) PyTuple_SetItem((t), (i), (v))
#define PYAOT_TUPLE_SIZE(t) PyTuple_Size(t)
#define PYAOT_LIST_GET(l, i) PyList_GetItem((l), (i))
#define PYAOT_LIST_SET(l, i, v) PyList_SetItem((l), (i), (v))
#define PYAOT_LIST_SIZE(l) PyList_Size(l)
#define PYAOT_FLOAT_VALUE(f) PyFloat_AsDouble(f)
#define PYAOT_STR_LEN(s) PyUnicode_GetLength(s)
#define PYAOT_CALL1(f, a) PyObject_CallFunctionObjArgs((f), (a), NULL)
#else
#define PYAOT_TUPLE_GET(t, i) PyTuple_GET_ITEM((t), (i))
#define PYAOT_TUPLE_SET(t, i, v) PyTuple_SET_ITEM((t), (i), (v))
#define PYAOT_TUPLE_SIZE(t) PyTuple_GET_SIZE(t)
#define PYAOT_LIST_GET(l, i) PyList_GET_ITEM((l), (i))
#define PYAOT_LIST_SET(l, i, v) PyList_SET_ITEM((l), (i), (v))
#define PYAOT_LIST_SIZE(l) PyList_GET_SIZE(l)
#define PYAOT_FLOAT_VALUE(f) PyFloat_AS_DOUBLE(f)
#define PYAOT_STR_LEN(s) PyUnicode_GET_LENGTH(s)
#define PYAOT_CALL1(f, a) PyObject_CallOneArg((f), (a))
#endif

/* The name of o's type, for messages (`int`, `numpy.float64`; under the stable ABI the type's
 * `__name__`, `float64`). */
static inline const char *pyaot_type_name(PyObject *o)
{
#ifdef Py_LIMITED_API
    PyObject *n = PyType_GetName(Py_TYPE(o));
    if (n == NULL) {
        PyErr_Clear();
        return "?";
    }
    /* The type keeps its name alive after this reference goes. */
    const char *s = PyUnicode_AsUTF8AndSize(n, NULL);
    Py_DECREF(n);
    if (s == NULL) {
        PyErr_Clear();
        return "?";
    }
    return s;
#else
    return Py_TYPE(o)->tp_name;
#endif
}

/* Whether o's type converts to float (`__float__`) or to an index (`__index__`). */
static inline int pyaot_has_float(PyObject *o)
{
#ifdef Py_LIMITED_API
    return PyObject_HasAttrString((PyObject *)Py_TYPE(o), "__float__");
#else
    return Py_TYPE(o)->tp_as_number != NULL && Py_TYPE(o)->tp_as_number->nb_float != NULL;
#endif
}

/* complex(o) for a complex number or an object with __complex__, __float__ or __index__:
 * 0, or -1 with an exception set. */
static inline int pyaot_as_complex(PyObject *o, double *re, double *im)
{
#ifdef Py_LIMITED_API
    PyObject *c = NULL;
    if (PyComplex_Check(o)) {
        c = Py_NewRef(o);
    } else if (PyObject_HasAttrString((PyObject *)Py_TYPE(o), "__complex__")) {
        c = PyObject_CallMethod(o, "__complex__", NULL);
        if (c != NULL && !PyComplex_Check(c)) {
            PyErr_Format(PyExc_TypeError, "__complex__ returned non-complex (type %s)",
                         pyaot_type_name(c));
            Py_CLEAR(c);
        }
        if (c == NULL) {
            return -1;
        }
    }
    if (c != NULL) {
        *re = PyComplex_RealAsDouble(c);
        *im = PyComplex_ImagAsDouble(c);
        Py_DECREF(c);
        return 0;
    }
    double v = PyFloat_AsDouble(o);
    if (v == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *re = v;
    *im = 0.0;
    return 0;
#else
    Py_complex c = PyComplex_AsCComplex(o);
    if (c.real == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *re = c.real;
    *im = c.imag;
    return 0;
#endif
}

#define PYAOT_HIDDEN __attribute__((visibility("hidden")))
#define PYAOT_UNUSED __attribute__((unused))
#define PYAOT_API PYAOT_HIDDEN
#define PYAOT_MAX_NDIM 4

/* Defined by the module's wrapper: its exception messages by MsgId (NULL: raised without arguments). */
extern PYAOT_HIDDEN const char *const pyaot_messages[];
extern PYAOT_HIDDEN const int32_t pyaot_n_messages;

/* A buffer borrowed from an array argument for the duration of one call. Compiled code gets
 * its address with the low bit set as the owner word and never dereferences it. */
struct pyaot_borrow {
    Py_buffer view; /* held while view.obj != NULL */
    PyObject *arg;  /* the argument object (borrowed from the call's arguments) */
    int64_t words[2 + 2 * PYAOT_MAX_NDIM]; /* what compiled code received */
};

/* The lists one call converted, so that aliases stay aliases and changes are written back. */
struct pyaot_memo_entry {
    PyObject *obj;    /* strong reference */
    const char *desc; /* the item type (a constant of the wrapper) */
    int64_t list;     /* a reference to the compiled list */
    int from_arg;     /* converted from an argument, so written back after the call */
};

struct pyaot_memo {
    struct pyaot_memo_entry *entries;
    Py_ssize_t n, cap;
    /* The buffers borrowed from arrays inside list arguments, released with the memo. */
    struct pyaot_borrow **borrows;
    Py_ssize_t nb, bcap;
    int arrays;        /* array items may be borrowed (a wrapper's memo, which outlives the call) */
    int writes_arrays; /* the list being converted may have its arrays written into */
};

/* Module set-up and errors. */
PYAOT_API int pyaot_runtime_init(void);
PYAOT_API int pyaot_exec_source(PyObject *m, const char *source, const char *filename,
                                const char *shim);
PYAOT_API PyObject *pyaot_set_pyerr(void);

/* GPU kernels: adds a launcher object (`kernel[blocks, threads](args)`) to the module. */
PYAOT_API int pyaot_cuda_add_kernel(PyObject *m, const char *name, const char *entry,
                                    const char *desc, const char *names, const char *ptx,
                                    const char *doc);

/* Arguments: parsing and conversion (0 on success, -1 with a Python exception set). */
PYAOT_API int pyaot_parse_args(const char *fname, const char *const *names, Py_ssize_t nparams,
                               Py_ssize_t nrequired, PyObject *const *args, Py_ssize_t nargs,
                               PyObject *kwnames, PyObject **argv);
PYAOT_API int pyaot_arg_tuple(const char *fname, const char *pname, PyObject *o, Py_ssize_t n,
                              PyObject **items);
PYAOT_API int pyaot_arg_int(const char *fname, const char *pname, PyObject *o, int64_t *out);
PYAOT_API int pyaot_arg_float(const char *fname, const char *pname, PyObject *o, double *out);
PYAOT_API int pyaot_arg_bool(const char *fname, const char *pname, PyObject *o, int8_t *out);
PYAOT_API int pyaot_arg_f32(const char *fname, const char *pname, PyObject *o, float *out);
PYAOT_API int pyaot_arg_dtype_int(const char *fname, const char *pname, PyObject *o, int dtype,
                                  int64_t *out);
PYAOT_API int pyaot_arg_complex(const char *fname, const char *pname, PyObject *o, double *out);
PYAOT_API int pyaot_arg_c64(const char *fname, const char *pname, PyObject *o, float *out);
PYAOT_API int pyaot_arg_array(const char *fname, const char *pname, PyObject *o, int dtype,
                              int ndim, int contig, int writes, struct pyaot_borrow *b,
                              int64_t *words);
PYAOT_API void pyaot_release(struct pyaot_borrow *b);
PYAOT_API int pyaot_arg_object(const char *fname, const char *pname, PyObject *o, int kind,
                               int64_t *out);
PYAOT_API int pyaot_arg_is(PyObject *o, int kind);
PYAOT_API PyObject *pyaot_no_variant(const char *fname, const char *const *names, PyObject **argv,
                                     const int *ks, const int *masks, const char *const *allowed, int n);
PYAOT_API int pyaot_arg_str(const char *fname, const char *pname, PyObject *o, int64_t *out);
PYAOT_API int pyaot_arg_list(const char *fname, const char *pname, PyObject *o, const char *desc,
                             struct pyaot_memo *m, int64_t *out);
PYAOT_API int pyaot_arg_tuple_of(const char *fname, const char *pname, PyObject *o, const char *desc,
                                 struct pyaot_memo *m, int64_t *out);
PYAOT_API PyObject *pyaot_box_tuple_of(int64_t list, const char *desc, struct pyaot_memo *m);
PYAOT_API int pyaot_memo_writeback(struct pyaot_memo *m);
PYAOT_API void pyaot_memo_free(struct pyaot_memo *m);
PYAOT_API void pyaot_ref_release(int64_t ref);

/* Results: new references, NULL with a Python exception set. */
PYAOT_API PyObject *pyaot_tuple_steal(Py_ssize_t n, PyObject **items);
PYAOT_API PyObject *pyaot_box_f64(double v);
PYAOT_API PyObject *pyaot_box_f32(float v);
PYAOT_API PyObject *pyaot_box_b1(int8_t v);
PYAOT_API PyObject *pyaot_box_dtype_int(int dtype, int64_t v);
PYAOT_API PyObject *pyaot_box_c64(float re, float im);
PYAOT_API PyObject *pyaot_box_c128(double re, double im);
PYAOT_API PyObject *pyaot_box_list(int64_t list, const char *desc, struct pyaot_memo *m);
PYAOT_API PyObject *pyaot_box_array(int dtype, int ndim, int64_t owner, int64_t data,
                                    const int64_t *shape, const int64_t *strides);
