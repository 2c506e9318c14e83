/* pyaot wrapper support for lists: Python lists in, compiled lists out, and the changes a call
 * made to its list arguments written back into the caller's lists.
 *
 * Pasted into every generated module after pyaot_args.c. A list's item type is described by a
 * string: `i` int, `f` float, `b` bool, `c` complex, `s` str, `(...)` a tuple of the types inside,
 * `[T]` a list of T, `A` followed by three characters an array: its dtype code ('a' + code), its
 * number of dimensions ('0' + ndim) and `c` (C-contiguous) or `s` (strided). Each leaf of an item
 * is one 8-byte word (pyaot_list.c); an array is its ABI words owner, data, shape..., strides....
 *
 * One call's conversions share a memo of (Python list, type, compiled list). The same Python list
 * passed twice (or held twice inside a nested list) becomes one compiled list, so aliasing is as
 * in CPython; after the call, every compiled list that came from a Python list is written back
 * into that very list object; and a returned list that came from an argument is that argument.
 */

/* The end of the type description starting at d. */
static const char *pyaot_desc_end(const char *d)
{
    if (*d == '(' || *d == '[') {
        char close = *d == '(' ? ')' : ']';
        d++;
        while (*d != close) {
            d = pyaot_desc_end(d);
        }
        return d + 1;
    }
    return *d == 'A' ? d + 4 : d + 1;
}

/* The number of 8-byte leaf words of one value of type d. */
static int64_t pyaot_desc_words(const char *d)
{
    if (*d == '(') {
        int64_t n = 0;
        for (d++; *d != ')'; d = pyaot_desc_end(d)) {
            n += pyaot_desc_words(d);
        }
        return n;
    }
    if (*d == 'A') {
        return 2 + 2 * (d[2] - '0');
    }
    return *d == 'c' ? 2 : 1;
}

/* The reference leaves of one value of type d, as a mask shifted by `at`. */
static uint64_t pyaot_desc_refmask(const char *d, int64_t at)
{
    if (*d == '(') {
        uint64_t m = 0;
        for (d++; *d != ')'; d = pyaot_desc_end(d)) {
            m |= pyaot_desc_refmask(d, at);
            at += pyaot_desc_words(d);
        }
        return m;
    }
    return (*d == '[' || *d == 's' || *d == 'A') && at < 64 ? (uint64_t)1 << at : 0;
}

static int pyaot_memo_add(struct pyaot_memo *m, PyObject *obj, const char *desc, int64_t list, int from_arg)
{
    if (m->n == m->cap) {
        Py_ssize_t cap = m->cap ? 2 * m->cap : 8;
        struct pyaot_memo_entry *e = PyMem_Realloc(m->entries, (size_t)cap * sizeof *e);
        if (e == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        m->entries = e;
        m->cap = cap;
    }
    Py_INCREF(obj);
    pyaot_ref_incref(list);
    m->entries[m->n++] = (struct pyaot_memo_entry){obj, desc, list, from_arg};
    return 0;
}

/* Whether two type descriptions are the same type. */
static int pyaot_desc_same(const char *a, const char *b)
{
    size_t n = (size_t)(pyaot_desc_end(a) - a);
    return a == b || ((size_t)(pyaot_desc_end(b) - b) == n && memcmp(a, b, n) == 0);
}

static int64_t pyaot_memo_list(const struct pyaot_memo *m, PyObject *obj, const char *desc)
{
    for (Py_ssize_t i = 0; i < m->n; i++) {
        if (m->entries[i].obj == obj && pyaot_desc_same(m->entries[i].desc, desc)) {
            return m->entries[i].list;
        }
    }
    return 0;
}

static PyObject *pyaot_memo_obj(const struct pyaot_memo *m, int64_t list)
{
    for (Py_ssize_t i = 0; i < m->n; i++) {
        if (m->entries[i].list == list) {
            return m->entries[i].obj;
        }
    }
    return NULL;
}

/* Drops a reference the wrapper holds (a list result once boxed). */
PYAOT_API void pyaot_ref_release(int64_t ref)
{
    pyaot_ref_decref(ref);
}

/* Converts an array item into the words at w, borrowing its buffer for as long as the memo
 * lives. */
static int pyaot_array_item_from(const char *fname, const char *pname, PyObject *o, const char *d,
                                 struct pyaot_memo *m, int64_t *w)
{
    if (!m->arrays) {
        PyErr_SetString(PyExc_TypeError, "a list of arrays cannot be converted here");
        return -1;
    }
    if (m->nb == m->bcap) {
        Py_ssize_t cap = m->bcap ? 2 * m->bcap : 8;
        struct pyaot_borrow **b = PyMem_Realloc(m->borrows, (size_t)cap * sizeof *b);
        if (b == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        m->borrows = b;
        m->bcap = cap;
    }
    struct pyaot_borrow *b = PyMem_Malloc(sizeof *b);
    if (b == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (pyaot_arg_array(fname, pname, o, d[1] - 'a', d[2] - '0', d[3] == 'c', m->writes_arrays, b, w) < 0) {
        PyMem_Free(b);
        return -1;
    }
    m->borrows[m->nb++] = b;
    return 0;
}

/* A Python array for the array item at w (a new reference). */
static PyObject *pyaot_array_item_box(const int64_t *w, const char *d)
{
    int ndim = d[2] - '0';
    /* pyaot_box_array takes over a reference: the list keeps its own. */
    pyaot_ref_incref(w[0]);
    return pyaot_box_array(d[1] - 'a', ndim, w[0], w[1], w + 2, w + 2 + ndim);
}

/* Releases everything the memo holds. */
PYAOT_API void pyaot_memo_free(struct pyaot_memo *m)
{
    for (Py_ssize_t i = 0; i < m->nb; i++) {
        pyaot_release(m->borrows[i]);
        PyMem_Free(m->borrows[i]);
    }
    PyMem_Free(m->borrows);
    m->borrows = NULL;
    m->nb = m->bcap = 0;
    for (Py_ssize_t i = 0; i < m->n; i++) {
        Py_DECREF(m->entries[i].obj);
        pyaot_ref_decref(m->entries[i].list);
    }
    PyMem_Free(m->entries);
    m->entries = NULL;
    m->n = m->cap = 0;
}

static int pyaot_list_from(const char *fname, const char *pname, PyObject *o, const char *desc,
                           struct pyaot_memo *m, int64_t *out);

/* Converts one value of type d into the words at w. */
static int pyaot_value_from(const char *fname, const char *pname, PyObject *o, const char *d,
                            struct pyaot_memo *m, int64_t *w)
{
    switch (*d) {
    case 'i':
        return pyaot_arg_int(fname, pname, o, w);
    case 'f':
        return pyaot_arg_float(fname, pname, o, (double *)w);
    case 'b':
        *w = 0;
        return pyaot_arg_bool(fname, pname, o, (int8_t *)w);
    case 'c':
        return pyaot_arg_complex(fname, pname, o, (double *)w);
    case 's':
        if (!PyUnicode_Check(o)) {
            return pyaot_arg_type_error(fname, pname, "a list of str", o);
        }
        *w = (int64_t)(uintptr_t)Py_NewRef(o);
        return 0;
    case '[':
        return pyaot_list_from(fname, pname, o, d + 1, m, w);
    case 'A':
        return pyaot_array_item_from(fname, pname, o, d, m, w);
    case '(': {
        Py_ssize_t n = 0;
        for (const char *p = d + 1; *p != ')'; p = pyaot_desc_end(p)) {
            n++;
        }
        PyObject *items[64];
        if (n > 64) {
            PyErr_SetString(PyExc_TypeError, "tuple item type too large");
            return -1;
        }
        if (!PyTuple_Check(o)) {
            return pyaot_arg_type_error(fname, pname, "a list of tuples", o);
        }
        if (pyaot_arg_tuple(fname, pname, o, n, items) < 0) {
            return -1;
        }
        const char *p = d + 1;
        for (Py_ssize_t k = 0; k < n; k++, p = pyaot_desc_end(p)) {
            if (pyaot_value_from(fname, pname, items[k], p, m, w) < 0) {
                return -1;
            }
            w += pyaot_desc_words(p);
        }
        return 0;
    }
    default:
        PyErr_SetString(PyExc_SystemError, "pyaot: bad list item type");
        return -1;
    }
}

/* A compiled list (a new reference) for the Python list o of items of type desc. */
static int pyaot_list_from(const char *fname, const char *pname, PyObject *o, const char *desc,
                           struct pyaot_memo *m, int64_t *out)
{
    if (!PyList_Check(o)) {
        return pyaot_arg_type_error(fname, pname, "list", o);
    }
    int64_t known = pyaot_memo_list(m, o, desc);
    if (known != 0) {
        pyaot_ref_incref(known);
        *out = known;
        return 0;
    }
    Py_ssize_t n = PYAOT_LIST_SIZE(o);
    int64_t words = pyaot_desc_words(desc);
    struct pyaot_list *l = pyaot_list_make(words * 8, pyaot_desc_refmask(desc, 0), n);
    if (l == NULL) {
        pyaot_set_pyerr();
        return -1;
    }
    int64_t ref = (int64_t)(uintptr_t)l;
    /* In the memo before its items, so a list nested in itself is found. */
    if (pyaot_memo_add(m, o, desc, ref, 1) < 0) {
        pyaot_ref_decref(ref);
        return -1;
    }
    for (Py_ssize_t i = 0; i < n && i < l->len; i++) {
        PyObject *item = PYAOT_LIST_GET(o, i);
        Py_INCREF(item);
        int rc = pyaot_value_from(fname, pname, item, desc, m, (int64_t *)(l->items + i * l->itemsize));
        Py_DECREF(item);
        if (rc < 0) {
            pyaot_ref_decref(ref);
            return -1;
        }
    }
    *out = ref;
    return 0;
}

/* A list parameter whose items have type desc: borrowed from the memo, which keeps it alive
 * until pyaot_memo_free (compiled code borrows its parameters too). */
PYAOT_API int pyaot_arg_list(const char *fname, const char *pname, PyObject *o, const char *desc,
                             struct pyaot_memo *m, int64_t *out)
{
    if (pyaot_list_from(fname, pname, o, desc, m, out) < 0) {
        return -1;
    }
    pyaot_ref_decref(*out);
    return 0;
}

static PyObject *pyaot_box_value(const int64_t *w, const char *d, struct pyaot_memo *m);

/* A `tuple[T, ...]` parameter: a tuple, its items converted into a new compiled list (a tuple
 * cannot change, so nothing is written back); the memo holds the reference. */
PYAOT_API int pyaot_arg_tuple_of(const char *fname, const char *pname, PyObject *o, const char *desc,
                                 struct pyaot_memo *m, int64_t *out)
{
    if (!PyTuple_Check(o)) {
        return pyaot_arg_type_error(fname, pname, "tuple", o);
    }
    Py_ssize_t n = PYAOT_TUPLE_SIZE(o);
    struct pyaot_list *l = pyaot_list_make(pyaot_desc_words(desc) * 8, pyaot_desc_refmask(desc, 0), n);
    if (l == NULL) {
        pyaot_set_pyerr();
        return -1;
    }
    int64_t ref = (int64_t)(uintptr_t)l;
    if (pyaot_memo_add(m, o, desc, ref, 0) < 0) {
        pyaot_ref_decref(ref);
        return -1;
    }
    pyaot_ref_decref(ref);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (pyaot_value_from(fname, pname, PYAOT_TUPLE_GET(o, i), desc, m,
                             (int64_t *)(l->items + i * l->itemsize)) < 0) {
            return -1;
        }
    }
    *out = ref;
    return 0;
}

/* Fills the new tuple (or list) r with the boxed items of l; r, or NULL with r released. */
static PyObject *pyaot_box_items(struct pyaot_list *l, const char *desc, struct pyaot_memo *m,
                                 PyObject *r, int tuple)
{
    for (Py_ssize_t i = 0; i < l->len; i++) {
        PyObject *item = pyaot_box_value((const int64_t *)(l->items + i * l->itemsize), desc, m);
        if (item == NULL) {
            Py_DECREF(r);
            return NULL;
        }
        if (tuple) {
            PYAOT_TUPLE_SET(r, i, item);
        } else {
            PYAOT_LIST_SET(r, i, item);
        }
    }
    return r;
}

/* A Python tuple of a compiled `tuple[T, ...]`'s items. */
PYAOT_API PyObject *pyaot_box_tuple_of(int64_t list, const char *desc, struct pyaot_memo *m)
{
    struct pyaot_list *l = (struct pyaot_list *)(uintptr_t)list;
    PyObject *r = PyTuple_New(l->len);
    if (r == NULL) {
        return NULL;
    }
    return pyaot_box_items(l, desc, m, r, 1);
}

/* A Python list for a compiled list: the argument it came from, or a new list. */
PYAOT_API PyObject *pyaot_box_list(int64_t list, const char *desc, struct pyaot_memo *m)
{
    PyObject *known = pyaot_memo_obj(m, list);
    if (known != NULL) {
        return Py_NewRef(known);
    }
    struct pyaot_list *l = (struct pyaot_list *)(uintptr_t)list;
    PyObject *r = PyList_New(l->len);
    if (r == NULL) {
        return NULL;
    }
    if (pyaot_memo_add(m, r, desc, list, 0) < 0) {
        Py_DECREF(r);
        return NULL;
    }
    return pyaot_box_items(l, desc, m, r, 0);
}

static PyObject *pyaot_box_value(const int64_t *w, const char *d, struct pyaot_memo *m)
{
    switch (*d) {
    case 'i':
        return PyLong_FromLongLong(*w);
    case 'f':
        return PyFloat_FromDouble(*(const double *)w);
    case 'b':
        return PyBool_FromLong(*(const int8_t *)w);
    case 'c':
        return PyComplex_FromDoubles(((const double *)w)[0], ((const double *)w)[1]);
    case 's':
        return Py_NewRef((PyObject *)(uintptr_t)*w);
    case '[':
        return pyaot_box_list(*w, d + 1, m);
    case 'A':
        return pyaot_array_item_box(w, d);
    case '(': {
        Py_ssize_t n = 0;
        for (const char *p = d + 1; *p != ')'; p = pyaot_desc_end(p)) {
            n++;
        }
        PyObject *t = PyTuple_New(n);
        if (t == NULL) {
            return NULL;
        }
        const char *p = d + 1;
        for (Py_ssize_t k = 0; k < n; k++, p = pyaot_desc_end(p)) {
            PyObject *item = pyaot_box_value(w, p, m);
            if (item == NULL) {
                Py_DECREF(t);
                return NULL;
            }
            PYAOT_TUPLE_SET(t, k, item);
            w += pyaot_desc_words(p);
        }
        return t;
    }
    default:
        PyErr_SetString(PyExc_SystemError, "pyaot: bad list item type");
        return NULL;
    }
}

/* Whether the Python value o still stands for the words w: it converts to the same bits (a
 * nested list: it is the Python list the compiled one came from). */
static int pyaot_value_same(PyObject *o, const int64_t *w, const char *d, struct pyaot_memo *m)
{
    if (*d == '[') {
        return pyaot_memo_obj(m, *w) == o;
    }
    if (*d == 's') {
        return (PyObject *)(uintptr_t)*w == o;
    }
    if (*d == 'A') {
        /* The very argument array, unchanged: borrowed from o with the same words. */
        if ((w[0] & 1) == 0) {
            return 0;
        }
        struct pyaot_borrow *b = (struct pyaot_borrow *)(uintptr_t)(w[0] & ~(int64_t)1);
        return b->arg == o && memcmp(b->words, w, (size_t)pyaot_desc_words(d) * 8) == 0;
    }
    int64_t words = pyaot_desc_words(d);
    int64_t buf[64];
    if (words > 64) {
        return 0;
    }
    memset(buf, 0, sizeof buf);
    if (*d == '(') {
        if (!PyTuple_Check(o)) {
            return 0;
        }
        Py_ssize_t k = 0;
        const int64_t *at = w;
        for (const char *p = d + 1; *p != ')'; p = pyaot_desc_end(p), k++) {
            if (k >= PYAOT_TUPLE_SIZE(o) || !pyaot_value_same(PYAOT_TUPLE_GET(o, k), at, p, m)) {
                return 0;
            }
            at += pyaot_desc_words(p);
        }
        return k == PYAOT_TUPLE_SIZE(o);
    }
    if (pyaot_value_from("", "", o, d, m, buf) < 0) {
        PyErr_Clear();
        return 0;
    }
    return memcmp(buf, w, (size_t)(words * 8)) == 0;
}

/* Writes a compiled list's items into the Python list it came from; items that still stand for
 * the same value stay the objects they were. */
static int pyaot_list_writeback(PyObject *o, int64_t list, const char *desc, struct pyaot_memo *m)
{
    struct pyaot_list *l = (struct pyaot_list *)(uintptr_t)list;
    Py_ssize_t old = PYAOT_LIST_SIZE(o);
    Py_ssize_t n = l->len;
    for (Py_ssize_t i = 0; i < n; i++) {
        const int64_t *w = (const int64_t *)(l->items + i * l->itemsize);
        if (i < PYAOT_LIST_SIZE(o) && pyaot_value_same(PYAOT_LIST_GET(o, i), w, desc, m)) {
            continue;
        }
        PyObject *item = pyaot_box_value(w, desc, m);
        if (item == NULL) {
            return -1;
        }
        if (i < PYAOT_LIST_SIZE(o)) {
            PyList_SetItem(o, i, item);
        } else if (PyList_Append(o, item) < 0) {
            Py_DECREF(item);
            return -1;
        } else {
            Py_DECREF(item);
        }
    }
    if (old > n && PyList_SetSlice(o, n, PYAOT_LIST_SIZE(o), NULL) < 0) {
        return -1;
    }
    return 0;
}

/* After a call (also a failed one): every list converted from an argument gets the compiled
 * list's contents. An exception already set is kept. */
PYAOT_API int pyaot_memo_writeback(struct pyaot_memo *m)
{
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    int rc = 0;
    /* Entries added while writing back (new nested lists) are new objects: not written back. */
    Py_ssize_t n = m->n;
    for (Py_ssize_t i = 0; i < n && rc == 0; i++) {
        struct pyaot_list *l = (struct pyaot_list *)(uintptr_t)m->entries[i].list;
        if (m->entries[i].from_arg && l->dirty) {
            rc = pyaot_list_writeback(m->entries[i].obj, m->entries[i].list, m->entries[i].desc, m);
        }
    }
    if (type != NULL) {
        if (rc < 0) {
            PyErr_Clear();
        }
        PyErr_Restore(type, value, tb);
    }
    return rc;
}

/* A Python list as a new compiled list of items of type desc (message desc_id), each item
 * converted as a list argument's item is. */
PYAOT_HIDDEN int32_t pyaot_rt_pylist_to_list(int64_t obj, int64_t desc_id, int64_t *out)
{
    PYAOT_GIL;
    struct pyaot_memo m = {NULL, 0, 0, NULL, 0, 0, 0, 0};
    int64_t l = 0;
    int32_t rc = 0;
    if (pyaot_list_from("list", "item", PYAOT_OBJ(obj), pyaot_messages[desc_id], &m, &l) < 0) {
        rc = pyaot_take_pyerr();
    } else {
        *out = l;
    }
    pyaot_memo_free(&m);
    PYAOT_UNGIL;
    return rc;
}

/* A new Python list (tuple 0) or tuple (1) of a compiled list's items, of the type message desc_id
 * describes: what `str(xs)`, f-strings and print() show. */
PYAOT_HIDDEN int32_t pyaot_rt_box_list(int64_t list, int64_t desc_id, int64_t tuple, int64_t *out)
{
    PYAOT_GIL;
    struct pyaot_memo m = {NULL, 0, 0, NULL, 0, 0, 0, 0};
    const char *desc = pyaot_messages[desc_id];
    PyObject *r = tuple ? pyaot_box_tuple_of(list, desc, &m) : pyaot_box_list(list, desc, &m);
    pyaot_memo_free(&m);
    int32_t rc = pyaot_obj_out(r, out);
    PYAOT_UNGIL;
    return rc;
}
