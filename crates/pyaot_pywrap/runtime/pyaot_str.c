/* pyaot runtime, strings: a compiled `str` is the CPython string object itself, so every string
 * operation below is CPython's own, with CPython's results and messages.
 *
 * Pasted into every generated module after pyaot_list.c. Compiled code may run with the GIL
 * released, so each helper takes it for as long as it touches Python objects (PyGILState_Ensure
 * also works when the thread holds it already). A Python exception raised here becomes the
 * pending error of compiled code with the exception's type and message (pyaot_take_pyerr).
 */

#define PYAOT_GIL PyGILState_STATE pyaot_gil = PyGILState_Ensure()
#define PYAOT_UNGIL PyGILState_Release(pyaot_gil)

/* Moves the current Python exception into the error slot; returns 1. */
static int32_t pyaot_take_pyerr(void)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    Py_XDECREF(pyaot_err.obj);
    pyaot_err.obj = value; /* the exception instance, raised again as it is */
    pyaot_err.kind = PYAOT_EXC_FROM_OBJECT;
    pyaot_err.msg = NULL;
    Py_XDECREF(type);
    Py_XDECREF(tb);
    return 1;
}

static void pyaot_pyobj_incref(int64_t ref)
{
    PYAOT_GIL;
    Py_INCREF((PyObject *)(uintptr_t)ref);
    PYAOT_UNGIL;
}

static void pyaot_pyobj_decref(int64_t ref)
{
    PYAOT_GIL;
    Py_DECREF((PyObject *)(uintptr_t)ref);
    PYAOT_UNGIL;
}

/* A result object (a new reference) as a reference word, or the error. */
static int32_t pyaot_obj_out(PyObject *r, int64_t *out)
{
    if (r == NULL) {
        return pyaot_take_pyerr();
    }
    *out = (int64_t)(uintptr_t)r;
    return 0;
}

#define PYAOT_OBJ(x) ((PyObject *)(uintptr_t)(x))

/* A C-API truth result (-1 error, 0, 1) as a bool, or the error. */
static int32_t pyaot_bool_out(int r, int8_t *out)
{
    if (r < 0) {
        return pyaot_take_pyerr();
    }
    *out = (int8_t)r;
    return 0;
}

/* A helper whose result is the one new object `EXPR` makes (NULL with a Python error). */
#define PYAOT_OBJ_HELPER(NAME, PARAMS, EXPR)       \
    PYAOT_HIDDEN int32_t NAME PARAMS               \
    {                                              \
        PYAOT_GIL;                                 \
        int32_t rc = pyaot_obj_out((EXPR), out);   \
        PYAOT_UNGIL;                               \
        return rc;                                 \
    }

static PyObject *pyaot_name(int64_t id);

/* The module's message `id` as a string object (the text of a literal), made once and shared,
 * as CPython shares a function's constants. */
PYAOT_HIDDEN int32_t pyaot_rt_str_const(int64_t id, int64_t *out)
{
    PYAOT_GIL;
    PyObject *s = id >= 0 && id < pyaot_n_messages ? pyaot_name(id) : NULL;
    int32_t rc = pyaot_obj_out(s != NULL ? Py_NewRef(s) : NULL, out);
    PYAOT_UNGIL;
    return rc;
}

PYAOT_OBJ_HELPER(pyaot_rt_box_int, (int64_t v, int64_t *out), PyLong_FromLongLong(v))

PYAOT_OBJ_HELPER(pyaot_rt_box_float, (double v, int64_t *out), PyFloat_FromDouble(v))

PYAOT_OBJ_HELPER(pyaot_rt_box_bool, (int8_t v, int64_t *out), PyBool_FromLong(v))

PYAOT_OBJ_HELPER(pyaot_rt_box_complex, (double re, double im, int64_t *out), PyComplex_FromDoubles(re, im))

/* format(obj, spec) with spec a string object; conv 's', 'r' or 'a' converts obj first. */
PYAOT_HIDDEN int32_t pyaot_rt_format(int64_t obj, int64_t conv, int64_t spec, int64_t *out)
{
    PYAOT_GIL;
    PyObject *o = PYAOT_OBJ(obj);
    PyObject *v = conv == 's' ? PyObject_Str(o) : conv == 'r' ? PyObject_Repr(o)
                : conv == 'a' ? PyObject_ASCII(o) : Py_NewRef(o);
    PyObject *r = NULL;
    if (v != NULL) {
        r = PyObject_Format(v, PYAOT_OBJ(spec));
        Py_DECREF(v);
    }
    int32_t rc = pyaot_obj_out(r, out);
    PYAOT_UNGIL;
    return rc;
}

/* a + b of two strings. */
PYAOT_OBJ_HELPER(pyaot_rt_str_concat, (int64_t a, int64_t b, int64_t *out), PyUnicode_Concat(PYAOT_OBJ(a), PYAOT_OBJ(b)))

/* s * n. */
PYAOT_OBJ_HELPER(pyaot_rt_str_repeat, (int64_t s, int64_t n, int64_t *out), PySequence_Repeat(PYAOT_OBJ(s), (Py_ssize_t)n))

/* len(s) (never fails). */
PYAOT_HIDDEN int32_t pyaot_rt_str_len(int64_t s, int64_t *out)
{
    *out = (int64_t)PYAOT_STR_LEN(PYAOT_OBJ(s));
    return 0;
}

/* a OP b of two strings: op is Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT or Py_GE. */
PYAOT_HIDDEN int32_t pyaot_rt_str_compare(int64_t a, int64_t b, int64_t op, int8_t *out)
{
    PYAOT_GIL;
    int32_t rc = pyaot_bool_out(PyObject_RichCompareBool(PYAOT_OBJ(a), PYAOT_OBJ(b), (int)op), out);
    PYAOT_UNGIL;
    return rc;
}

/* s[i] (IndexError "string index out of range"). */
PYAOT_OBJ_HELPER(pyaot_rt_str_get, (int64_t s, int64_t i, int64_t *out), PySequence_GetItem(PYAOT_OBJ(s), (Py_ssize_t)i))

/* s[start:stop:step]; flags as for lists (which bounds were omitted). */
PYAOT_HIDDEN int32_t pyaot_rt_str_slice(int64_t s, int64_t start, int64_t stop, int64_t step,
                                        int64_t flags, int64_t *out)
{
    PYAOT_GIL;
    PyObject *a = flags & PYAOT_SLICE_NO_START ? Py_NewRef(Py_None) : PyLong_FromLongLong(start);
    PyObject *b = flags & PYAOT_SLICE_NO_STOP ? Py_NewRef(Py_None) : PyLong_FromLongLong(stop);
    PyObject *c = flags & PYAOT_SLICE_NO_STEP ? Py_NewRef(Py_None) : PyLong_FromLongLong(step);
    PyObject *r = NULL;
    if (a != NULL && b != NULL && c != NULL) {
        PyObject *slice = PySlice_New(a, b, c);
        if (slice != NULL) {
            r = PyObject_GetItem(PYAOT_OBJ(s), slice);
            Py_DECREF(slice);
        }
    }
    Py_XDECREF(a);
    Py_XDECREF(b);
    Py_XDECREF(c);
    int32_t rc = pyaot_obj_out(r, out);
    PYAOT_UNGIL;
    return rc;
}

/* A Python int result as int64 (OverflowError beyond); steals obj. */
static int32_t pyaot_int_out(PyObject *obj, int64_t *out)
{
    if (obj == NULL) {
        return pyaot_take_pyerr();
    }
    int overflow = 0;
    long long v = PyLong_AsLongLongAndOverflow(obj, &overflow);
    Py_DECREF(obj);
    if (overflow) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_int_overflow);
    }
    if (v == -1 && PyErr_Occurred()) {
        return pyaot_take_pyerr();
    }
    *out = (int64_t)v;
    return 0;
}

/* int(s) (CPython's ValueError for a bad literal; OverflowError beyond 64 bits). */
PYAOT_HIDDEN int32_t pyaot_rt_str_to_int(int64_t s, int64_t *out)
{
    PYAOT_GIL;
    int32_t rc = pyaot_int_out(PyNumber_Long(PYAOT_OBJ(s)), out);
    PYAOT_UNGIL;
    return rc;
}

/* float(s). */
PYAOT_HIDDEN int32_t pyaot_rt_str_to_float(int64_t s, double *out)
{
    PYAOT_GIL;
    PyObject *f = PyFloat_FromString(PYAOT_OBJ(s));
    int32_t rc = 0;
    if (f == NULL) {
        rc = pyaot_take_pyerr();
    } else {
        *out = PYAOT_FLOAT_VALUE(f);
        Py_DECREF(f);
    }
    PYAOT_UNGIL;
    return rc;
}

/* ord(s): TypeError unless s has one character. */
PYAOT_HIDDEN int32_t pyaot_rt_str_ord(int64_t s, int64_t *out)
{
    PYAOT_GIL;
    PyObject *ord = PyDict_GetItemString(PyEval_GetBuiltins(), "ord");
    int32_t rc = pyaot_int_out(ord ? PYAOT_CALL1(ord, PYAOT_OBJ(s)) : NULL, out);
    PYAOT_UNGIL;
    return rc;
}

/* chr(i). */
PYAOT_HIDDEN int32_t pyaot_rt_str_chr(int64_t i, int64_t *out)
{
    PYAOT_GIL;
    PyObject *r = NULL;
    if (i < 0 || i > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
    } else {
        r = PyUnicode_FromOrdinal((int)i);
    }
    int32_t rc = pyaot_obj_out(r, out);
    PYAOT_UNGIL;
    return rc;
}

/* The module's message `id` as an interned string, made once (with the GIL held). */
static PyObject *pyaot_name(int64_t id)
{
    static PyObject **names;
    if (names == NULL) {
        names = calloc((size_t)pyaot_n_messages + 1, sizeof *names);
        if (names == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
    }
    if (names[id] == NULL) {
        names[id] = PyUnicode_InternFromString(pyaot_messages[id]);
    }
    return names[id];
}

/* obj.<name>(args...) where name is message `name_id` and the arguments are objects (n of a, b). */
PYAOT_HIDDEN int32_t pyaot_rt_call_method(int64_t name_id, int64_t obj, int64_t n, int64_t a,
                                          int64_t b, int64_t *out)
{
    PYAOT_GIL;
    PyObject *r = NULL;
    PyObject *name = pyaot_name(name_id);
    if (name != NULL) {
#ifdef Py_LIMITED_API
        r = n == 0   ? PyObject_CallMethodObjArgs(PYAOT_OBJ(obj), name, NULL)
            : n == 1 ? PyObject_CallMethodObjArgs(PYAOT_OBJ(obj), name, PYAOT_OBJ(a), NULL)
                     : PyObject_CallMethodObjArgs(PYAOT_OBJ(obj), name, PYAOT_OBJ(a), PYAOT_OBJ(b), NULL);
#else
        PyObject *args[3] = {PYAOT_OBJ(obj), PYAOT_OBJ(a), PYAOT_OBJ(b)};
        r = PyObject_VectorcallMethod(name, args, (size_t)(n + 1), NULL);
#endif
    }
    int32_t rc = pyaot_obj_out(r, out);
    PYAOT_UNGIL;
    return rc;
}

/* An int result object as int64; takes obj's reference. */
PYAOT_HIDDEN int32_t pyaot_rt_obj_to_int(int64_t obj, int64_t *out)
{
    PYAOT_GIL;
    int32_t rc = pyaot_int_out(PYAOT_OBJ(obj), out);
    PYAOT_UNGIL;
    return rc;
}

/* A bool result object as a bool; takes obj's reference. */
PYAOT_HIDDEN int32_t pyaot_rt_obj_to_bool(int64_t obj, int8_t *out)
{
    PYAOT_GIL;
    int r = PyObject_IsTrue(PYAOT_OBJ(obj));
    Py_DECREF(PYAOT_OBJ(obj));
    int32_t rc = pyaot_bool_out(r, out);
    PYAOT_UNGIL;
    return rc;
}

/* A Python list of strings (a result object, whose reference is taken) as a compiled list[str]. */
PYAOT_HIDDEN int32_t pyaot_rt_strs_from_py(int64_t obj, int64_t *out)
{
    PYAOT_GIL;
    PyObject *o = PYAOT_OBJ(obj);
    int32_t rc = 0;
    Py_ssize_t n = PyList_Check(o) ? PYAOT_LIST_SIZE(o) : 0;
    struct pyaot_list *l = pyaot_list_make(8, 1, n);
    if (l == NULL) {
        rc = 1;
    } else {
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *item = PYAOT_LIST_GET(o, i);
            ((int64_t *)l->items)[i] = (int64_t)(uintptr_t)Py_NewRef(item);
        }
        *out = (int64_t)(uintptr_t)l;
    }
    Py_DECREF(o);
    PYAOT_UNGIL;
    return rc;
}

/* Writes the string to sys.stdout, as print does. */
PYAOT_HIDDEN int32_t pyaot_rt_write_stdout(int64_t s, int64_t *out)
{
    PYAOT_GIL;
    int32_t rc = 0;
    PyObject *file = PySys_GetObject("stdout");
    if (file == NULL || file == Py_None) {
        /* print() writes nothing when there is no stdout. */
    } else if (PyFile_WriteObject(PYAOT_OBJ(s), file, Py_PRINT_RAW) < 0) {
        rc = pyaot_take_pyerr();
    }
    *out = 0;
    PYAOT_UNGIL;
    return rc;
}

/* Always fails: raises exception `exc` with the string as its message. */
PYAOT_HIDDEN int32_t pyaot_rt_raise_msg(int64_t exc, int64_t s, int64_t *out)
{
    PYAOT_GIL;
    *out = 0;
    Py_XDECREF(pyaot_err.obj);
    pyaot_err.obj = Py_NewRef(PYAOT_OBJ(s));
    pyaot_err.kind = (int32_t)exc;
    pyaot_err.msg = NULL;
    PYAOT_UNGIL;
    return 1;
}
