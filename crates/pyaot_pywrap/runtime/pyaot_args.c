/* pyaot wrapper support: argument parsing, conversion and boxing shared by the generated wrappers.
 *
 * Pasted into every generated module after pyaot_rt.c. The error texts are CPython 3.11's
 * for Python functions, so a compiled function fails like the original would.
 */

/* Reports missing required arguments as CPython does: 'a', 'a' and 'b', or 'a', 'b', and 'c'. */
static int pyaot_missing_args(const char *fname, const char *const *names, PyObject **argv,
                              Py_ssize_t nrequired)
{
    Py_ssize_t missing = 0;
    size_t size = 1;
    for (Py_ssize_t i = 0; i < nrequired; i++) {
        if (argv[i] == NULL) {
            missing++;
            size += strlen(names[i]) + 8;
        }
    }
    char *text = PyMem_Malloc(size);
    if (text == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    text[0] = '\0';
    Py_ssize_t seen = 0;
    for (Py_ssize_t i = 0; i < nrequired; i++) {
        if (argv[i] != NULL) {
            continue;
        }
        seen++;
        if (seen > 1) {
            strcat(text, missing == 2 ? " and " : (seen == missing ? ", and " : ", "));
        }
        strcat(text, "'");
        strcat(text, names[i]);
        strcat(text, "'");
    }
    PyErr_Format(PyExc_TypeError, "%s() missing %zd required positional argument%s: %s", fname,
                 missing, missing == 1 ? "" : "s", text);
    PyMem_Free(text);
    return -1;
}

/* Fills argv[0..nparams) from positional and keyword arguments; unset optional ones stay NULL. */
PYAOT_API int pyaot_parse_args(const char *fname, const char *const *names,
                                         Py_ssize_t nparams, Py_ssize_t nrequired,
                                         PyObject *const *args, Py_ssize_t nargs,
                                         PyObject *kwnames, PyObject **argv)
{
    Py_ssize_t npos = nargs < nparams ? nargs : nparams;
    for (Py_ssize_t i = 0; i < npos; i++) {
        argv[i] = args[i];
    }
    Py_ssize_t nkw = kwnames ? PYAOT_TUPLE_SIZE(kwnames) : 0;
    for (Py_ssize_t k = 0; k < nkw; k++) {
        PyObject *key = PYAOT_TUPLE_GET(kwnames, k);
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(key, &len);
        if (s == NULL) {
            return -1;
        }
        Py_ssize_t j = 0;
        while (j < nparams && !(strlen(names[j]) == (size_t)len && memcmp(names[j], s, (size_t)len) == 0)) {
            j++;
        }
        if (j == nparams) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", fname, key);
            return -1;
        }
        if (argv[j] != NULL) {
            PyErr_Format(PyExc_TypeError, "%s() got multiple values for argument '%s'", fname, names[j]);
            return -1;
        }
        argv[j] = args[nargs + k];
    }
    if (nargs > nparams) {
        if (nrequired < nparams) {
            PyErr_Format(PyExc_TypeError,
                         "%s() takes from %zd to %zd positional arguments but %zd %s given", fname,
                         nrequired, nparams, nargs, nargs == 1 ? "was" : "were");
        } else {
            PyErr_Format(PyExc_TypeError, "%s() takes %zd positional argument%s but %zd %s given",
                         fname, nparams, nparams == 1 ? "" : "s", nargs, nargs == 1 ? "was" : "were");
        }
        return -1;
    }
    for (Py_ssize_t i = 0; i < nrequired; i++) {
        if (argv[i] == NULL) {
            return pyaot_missing_args(fname, names, argv, nrequired);
        }
    }
    return 0;
}

static int pyaot_arg_type_error(const char *fname, const char *pname, const char *expected, PyObject *o)
{
    PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be %s, not %s", fname, pname, expected,
                 pyaot_type_name(o));
    return -1;
}

/* A tuple parameter of `n` items: a tuple (or a list) of that length; its items, borrowed, go to
 * `items` for their own conversions. */
PYAOT_API int pyaot_arg_tuple(const char *fname, const char *pname, PyObject *o, Py_ssize_t n,
                                        PyObject **items)
{
    Py_ssize_t i;
    if (!PyTuple_Check(o) && !PyList_Check(o)) {
        return pyaot_arg_type_error(fname, pname, "a tuple", o);
    }
    int tuple = PyTuple_Check(o);
    Py_ssize_t len = tuple ? PYAOT_TUPLE_SIZE(o) : PYAOT_LIST_SIZE(o);
    if (len != n) {
        PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be a tuple of %zd items, not %zd", fname, pname,
                     n, len);
        return -1;
    }
    for (i = 0; i < n; i++) {
        items[i] = tuple ? PYAOT_TUPLE_GET(o, i) : PYAOT_LIST_GET(o, i);
    }
    return 0;
}

/* An int parameter: Python ints (bool included) and objects with __index__ (NumPy integers). */
PYAOT_API int pyaot_arg_int(const char *fname, const char *pname, PyObject *o, int64_t *out)
{
    long long v;
    if (PyLong_Check(o)) {
        v = PyLong_AsLongLong(o);
    } else if (PyIndex_Check(o)) {
        PyObject *index = PyNumber_Index(o);
        if (index == NULL) {
            return -1;
        }
        v = PyLong_AsLongLong(index);
        Py_DECREF(index);
    } else {
        return pyaot_arg_type_error(fname, pname, "int", o);
    }
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = (int64_t)v;
    return 0;
}

/* A float parameter: floats, ints and objects with __float__ or __index__ (never str or bytes).
   Complex numbers (anything with __complex__, NumPy's complex scalars included) are refused:
   their __float__ would drop the imaginary part. */
PYAOT_API int pyaot_arg_float(const char *fname, const char *pname, PyObject *o, double *out)
{
    double v;
    if (PyFloat_CheckExact(o)) {
        *out = PYAOT_FLOAT_VALUE(o);
        return 0;
    }
    if (PyComplex_Check(o) || PyObject_HasAttrString((PyObject *)Py_TYPE(o), "__complex__")) {
        return pyaot_arg_type_error(fname, pname, "float", o);
    }
    if (PyLong_Check(o)) {
        v = PyLong_AsDouble(o);
    } else if (pyaot_has_float(o) || PyIndex_Check(o)) {
        v = PyFloat_AsDouble(o);
    } else {
        return pyaot_arg_type_error(fname, pname, "float", o);
    }
    if (v == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

/* A bool parameter: True, False and NumPy bool scalars. */
PYAOT_API int pyaot_arg_bool(const char *fname, const char *pname, PyObject *o, int8_t *out)
{
    if (o == Py_True || o == Py_False) {
        *out = o == Py_True;
        return 0;
    }
    const char *tn = pyaot_type_name(o);
    if (strcmp(tn, "numpy.bool_") == 0 || strcmp(tn, "numpy.bool") == 0) {
        int v = PyObject_IsTrue(o);
        if (v < 0) {
            return -1;
        }
        *out = (int8_t)v;
        return 0;
    }
    return pyaot_arg_type_error(fname, pname, "bool", o);
}

/* Whether o is of the Python type a union variant takes: 0 int (bools and objects with
 * __index__ too), 1 float, 2 bool, 3 complex, 4 str, 5 None. A missing argument (the variant's
 * default) fits. */
PYAOT_API int pyaot_arg_is(PyObject *o, int kind)
{
    if (o == NULL) {
        return 1;
    }
    if (kind == 5) {
        return o == Py_None;
    }
    const char *tn = pyaot_type_name(o);
    int np_bool = strcmp(tn, "numpy.bool_") == 0 || strcmp(tn, "numpy.bool") == 0;
    switch (kind) {
    case 0:
        return PyLong_Check(o) || (!PyFloat_Check(o) && !PyComplex_Check(o) && !np_bool &&
                                   PyIndex_Check(o));
    case 1:
        return PyFloat_Check(o);
    case 2:
        return PyBool_Check(o) || np_bool;
    case 3:
        return PyComplex_Check(o);
    default:
        return PyUnicode_Check(o);
    }
}

/* The TypeError of arguments no variant takes: the first deciding parameter whose argument none
 * of its types (the kinds in masks[i]) takes. */
PYAOT_API PyObject *pyaot_no_variant(const char *fname, const char *const *names, PyObject **argv,
                                     const int *ks, const int *masks, const char *const *allowed, int n)
{
    for (int i = 0; i < n; i++) {
        PyObject *o = argv[ks[i]];
        int taken = 0;
        for (int kind = 0; kind < 6; kind++) {
            taken |= (masks[i] >> kind & 1) && pyaot_arg_is(o, kind);
        }
        if (o != NULL && !taken) {
            PyErr_Format(PyExc_TypeError, "%s() argument '%s' must be %s, not %s", fname, names[ks[i]],
                         allowed[i], pyaot_type_name(o));
            return NULL;
        }
    }
    PyErr_Format(PyExc_TypeError, "%s() arguments match none of its annotated types", fname);
    return NULL;
}

/* A str parameter: the string object itself, borrowed for the call. */
PYAOT_API int pyaot_arg_str(const char *fname, const char *pname, PyObject *o, int64_t *out)
{
    if (!PyUnicode_Check(o)) {
        return pyaot_arg_type_error(fname, pname, "str", o);
    }
    *out = (int64_t)(uintptr_t)o;
    return 0;
}

/* A dict (kind 0) or set (kind 1) parameter: the object itself, borrowed for the call. Its keys
 * and values are converted where they are read, with TypeError for a wrong type. */
PYAOT_API int pyaot_arg_object(const char *fname, const char *pname, PyObject *o, int kind, int64_t *out)
{
    if (kind == 0 ? !PyDict_Check(o) : !PySet_Check(o)) {
        return pyaot_arg_type_error(fname, pname, kind == 0 ? "dict" : "set", o);
    }
    *out = (int64_t)(uintptr_t)o;
    return 0;
}

/* A tuple that takes ownership of items; NULL (with every item released) if any item is NULL. */
PYAOT_API PyObject *pyaot_tuple_steal(Py_ssize_t n, PyObject **items)
{
    PyObject *t = NULL;
    int failed = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        failed |= items[i] == NULL;
    }
    if (!failed) {
        t = PyTuple_New(n);
    }
    if (t == NULL) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_XDECREF(items[i]);
        }
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PYAOT_TUPLE_SET(t, i, items[i]);
    }
    return t;
}
