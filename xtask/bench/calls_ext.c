/* The functions of calls.py as a hand-written CPython extension module, `calls_c`.
 *
 * Compiled by driver.py at bench time with `gcc -O2 -shared -fPIC` against the running
 * interpreter's headers; the floor for what one call from Python can cost. Both functions are
 * METH_O: one argument, no tuple.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *inc(PyObject *self, PyObject *arg) {
    long x = PyLong_AsLong(arg);
    if (x == -1 && PyErr_Occurred()) return NULL;
    return PyLong_FromLong(x + 1);
}

static PyObject *first(PyObject *self, PyObject *arg) {
    /* A C-contiguous buffer of doubles, checked like an f64[:] parameter: one dimension, format
     * 'd', at least one element. */
    Py_buffer view;
    if (PyObject_GetBuffer(arg, &view, PyBUF_ND | PyBUF_FORMAT) < 0) return NULL;
    if (view.ndim != 1 || view.format == NULL || strcmp(view.format, "d") != 0) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_TypeError, "first: expected a 1-D float64 array");
        return NULL;
    }
    if (view.shape[0] < 1) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_IndexError, "index 0 is out of bounds");
        return NULL;
    }
    double v = ((const double *)view.buf)[0];
    PyBuffer_Release(&view);
    return PyFloat_FromDouble(v);
}

static PyMethodDef methods[] = {
    {"inc", inc, METH_O, "x + 1"},
    {"first", first, METH_O, "a[0]"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "calls_c", NULL, -1, methods};

PyMODINIT_FUNC PyInit_calls_c(void) { return PyModule_Create(&module); }
