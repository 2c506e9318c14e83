/* pyaot runtime, dicts and sets: a compiled `dict[K, V]` or `set[T]` is the CPython object itself,
 * holding boxed keys and values, so hashing, ordering, KeyError and every method are CPython's.
 *
 * Pasted into every generated module after pyaot_str.c, whose GIL and error conventions it uses.
 */

/* A new empty dict (kind 0) or set (kind 1). */
PYAOT_OBJ_HELPER(pyaot_rt_obj_new, (int64_t kind, int64_t *out), kind == 0 ? PyDict_New() : PySet_New(NULL))

/* A copy: of a dict (kind 0) or a set (kind 1). */
PYAOT_HIDDEN int32_t pyaot_rt_obj_copy(int64_t obj, int64_t kind, int64_t *out)
{
    PYAOT_GIL;
    PyObject *o = PYAOT_OBJ(obj);
    int32_t rc = pyaot_obj_out(kind == 0 ? PyDict_Copy(o) : PySet_New(o), out);
    PYAOT_UNGIL;
    return rc;
}

/* A new tuple of n items, to be set by pyaot_rt_tuple_set. */
PYAOT_OBJ_HELPER(pyaot_rt_tuple_new, (int64_t n, int64_t *out), PyTuple_New((Py_ssize_t)n))

/* Sets item k of a new tuple to obj (a reference is taken). */
PYAOT_HIDDEN int32_t pyaot_rt_tuple_set(int64_t tuple, int64_t k, int64_t obj, int64_t *out)
{
    PYAOT_GIL;
    PYAOT_TUPLE_SET(PYAOT_OBJ(tuple), (Py_ssize_t)k, Py_NewRef(PYAOT_OBJ(obj)));
    *out = 0;
    PYAOT_UNGIL;
    return 0;
}

/* Item k of a tuple (a new reference); TypeError when obj is no tuple of that length. */
PYAOT_HIDDEN int32_t pyaot_rt_tuple_item(int64_t obj, int64_t k, int64_t *out)
{
    PYAOT_GIL;
    PyObject *o = PYAOT_OBJ(obj);
    PyObject *r = NULL;
    if (!PyTuple_Check(o) || k >= PYAOT_TUPLE_SIZE(o)) {
        PyErr_Format(PyExc_TypeError, "expected a tuple of at least %lld items, got %s",
                     (long long)k + 1, pyaot_type_name(o));
    } else {
        r = Py_NewRef(PYAOT_TUPLE_GET(o, k));
    }
    int32_t rc = pyaot_obj_out(r, out);
    PYAOT_UNGIL;
    return rc;
}

/* A float result object as a double (ints convert, as for a float parameter); consumes obj. */
PYAOT_HIDDEN int32_t pyaot_rt_obj_to_float(int64_t obj, double *out)
{
    PYAOT_GIL;
    PyObject *o = PYAOT_OBJ(obj);
    double v = PyFloat_AsDouble(o);
    Py_DECREF(o);
    int32_t rc = 0;
    if (v == -1.0 && PyErr_Occurred()) {
        rc = pyaot_take_pyerr();
    } else {
        *out = v;
    }
    PYAOT_UNGIL;
    return rc;
}

/* A complex result object as its two parts; consumes obj. */
PYAOT_HIDDEN int32_t pyaot_rt_obj_to_complex(int64_t obj, double *re, double *im)
{
    PYAOT_GIL;
    PyObject *o = PYAOT_OBJ(obj);
    double r = 0.0, i = 0.0;
    int bad = pyaot_as_complex(o, &r, &i) < 0;
    Py_DECREF(o);
    int32_t rc = 0;
    if (bad) {
        rc = pyaot_take_pyerr();
    } else {
        *re = r;
        *im = i;
    }
    PYAOT_UNGIL;
    return rc;
}

/* d[key] (CPython's KeyError). */
PYAOT_OBJ_HELPER(pyaot_rt_dict_get, (int64_t d, int64_t key, int64_t *out), PyObject_GetItem(PYAOT_OBJ(d), PYAOT_OBJ(key)))

/* d.get(key, default): the value or the default (new references). */
PYAOT_HIDDEN int32_t pyaot_rt_dict_get_or(int64_t d, int64_t key, int64_t dflt, int64_t *out)
{
    PYAOT_GIL;
    PyObject *r = PyDict_GetItemWithError(PYAOT_OBJ(d), PYAOT_OBJ(key));
    int32_t rc;
    if (r == NULL && PyErr_Occurred()) {
        rc = pyaot_take_pyerr();
    } else {
        rc = pyaot_obj_out(Py_NewRef(r != NULL ? r : PYAOT_OBJ(dflt)), out);
    }
    PYAOT_UNGIL;
    return rc;
}

/* d[key] = value. */
PYAOT_HIDDEN int32_t pyaot_rt_dict_set(int64_t d, int64_t key, int64_t value, int64_t *out)
{
    PYAOT_GIL;
    int32_t rc = PyDict_SetItem(PYAOT_OBJ(d), PYAOT_OBJ(key), PYAOT_OBJ(value)) < 0 ? pyaot_take_pyerr() : 0;
    *out = 0;
    PYAOT_UNGIL;
    return rc;
}

/* del d[key] (KeyError). */
PYAOT_HIDDEN int32_t pyaot_rt_obj_delitem(int64_t obj, int64_t key, int64_t *out)
{
    PYAOT_GIL;
    int32_t rc = PyObject_DelItem(PYAOT_OBJ(obj), PYAOT_OBJ(key)) < 0 ? pyaot_take_pyerr() : 0;
    *out = 0;
    PYAOT_UNGIL;
    return rc;
}

/* key in obj (a dict or a set), sub in s (strings). */
PYAOT_HIDDEN int32_t pyaot_rt_obj_contains(int64_t obj, int64_t key, int8_t *out)
{
    PYAOT_GIL;
    int32_t rc = pyaot_bool_out(PySequence_Contains(PYAOT_OBJ(obj), PYAOT_OBJ(key)), out);
    PYAOT_UNGIL;
    return rc;
}

/* len(obj) of a dict or a set (never fails). */
PYAOT_HIDDEN int32_t pyaot_rt_obj_len(int64_t obj, int64_t *out)
{
    PYAOT_GIL;
    *out = (int64_t)PyObject_Length(PYAOT_OBJ(obj));
    PYAOT_UNGIL;
    return 0;
}

/* a OP b for two objects: op 0-5 as CPython's rich comparisons, 6 |, 7 &, 8 -, 9 ^ (a new object
 * for 6-9, a bool object for the comparisons). */
PYAOT_HIDDEN int32_t pyaot_rt_obj_binary(int64_t a, int64_t b, int64_t op, int64_t *out)
{
    PYAOT_GIL;
    PyObject *x = PYAOT_OBJ(a), *y = PYAOT_OBJ(b), *r;
    switch (op) {
    case 6: r = PyNumber_Or(x, y); break;
    case 7: r = PyNumber_And(x, y); break;
    case 8: r = PyNumber_Subtract(x, y); break;
    case 9: r = PyNumber_Xor(x, y); break;
    default: r = PyObject_RichCompare(x, y, (int)op); break;
    }
    int32_t rc = pyaot_obj_out(r, out);
    PYAOT_UNGIL;
    return rc;
}

/* The items of a dict or set as a new Python list: which 0 keys (or set items), 1 values,
 * 2 (key, value) tuples. */
PYAOT_HIDDEN int32_t pyaot_rt_obj_snapshot(int64_t obj, int64_t which, int64_t *out)
{
    PYAOT_GIL;
    PyObject *o = PYAOT_OBJ(obj);
    PyObject *r;
    if (PyDict_Check(o)) {
        r = which == 0 ? PyDict_Keys(o) : which == 1 ? PyDict_Values(o) : PyDict_Items(o);
    } else {
        r = PySequence_List(o);
    }
    int32_t rc = pyaot_obj_out(r, out);
    PYAOT_UNGIL;
    return rc;
}

/* Item i (in range) of a Python list, a new reference. */
PYAOT_HIDDEN int32_t pyaot_rt_pylist_item(int64_t list, int64_t i, int64_t *out)
{
    PYAOT_GIL;
    *out = (int64_t)(uintptr_t)Py_NewRef(PYAOT_LIST_GET(PYAOT_OBJ(list), (Py_ssize_t)i));
    PYAOT_UNGIL;
    return 0;
}

/* s.add(x), s.discard(x) (op 0, 1), s.remove(x) (2, KeyError), d.update(o) (3), obj.clear() (4). */
PYAOT_HIDDEN int32_t pyaot_rt_obj_update(int64_t obj, int64_t x, int64_t op, int64_t *out)
{
    PYAOT_GIL;
    PyObject *o = PYAOT_OBJ(obj), *v = PYAOT_OBJ(x);
    int r = 0;
    switch (op) {
    case 0: r = PySet_Add(o, v); break;
    case 1: r = PySet_Discard(o, v) < 0 ? -1 : 0; break;
    case 2:
        r = PySet_Discard(o, v);
        if (r == 0) {
            PyErr_SetObject(PyExc_KeyError, v);
            r = -1;
        }
        r = r < 0 ? -1 : 0;
        break;
    case 3: r = PyDict_Update(o, v); break;
    default: r = PyDict_Check(o) ? (PyDict_Clear(o), 0) : PySet_Clear(o); break;
    }
    int32_t rc = r < 0 ? pyaot_take_pyerr() : 0;
    *out = 0;
    PYAOT_UNGIL;
    return rc;
}
