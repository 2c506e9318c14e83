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
