/* pyaot runtime, module part: running the uncompiled rest of a module's source at import.
 *
 * Pasted into every generated module. A built module replaces its source: its exec slot runs
 * the source without the compiled functions (which are already in the namespace) in the
 * module's dict, so constants, classes, plain Python functions and module-level statements
 * are there as when the `.py` is imported.
 */

/* Makes `import pyaot` work for that code: the installed package, else the copy of its source
 * this module carries (so a built module needs nothing installed but CPython). */
static int pyaot_ensure_annotations(const char *shim)
{
    PyObject *p = PyImport_ImportModule("pyaot");
    if (p != NULL) {
        Py_DECREF(p);
        return 0;
    }
    if (!PyErr_ExceptionMatches(PyExc_ImportError)) {
        return -1;
    }
    PyErr_Clear();
    PyObject *code = Py_CompileString(shim, "<pyaot annotations>", Py_file_input);
    if (code == NULL) {
        return -1;
    }
    PyObject *mod = PyImport_ExecCodeModule("pyaot", code);
    Py_DECREF(code);
    if (mod == NULL) {
        return -1;
    }
    Py_DECREF(mod);
    return 0;
}

/* Runs `source` (named `filename` in tracebacks) in module m's namespace. */
PYAOT_API int pyaot_exec_source(PyObject *m, const char *source, const char *filename,
                                const char *shim)
{
    if (pyaot_ensure_annotations(shim) < 0) {
        return -1;
    }
    PyObject *d = PyModule_GetDict(m); /* borrowed */
    if (PyDict_GetItemString(d, "__builtins__") == NULL &&
        PyDict_SetItemString(d, "__builtins__", PyEval_GetBuiltins()) < 0) {
        return -1;
    }
    PyObject *code = Py_CompileString(source, filename, Py_file_input);
    if (code == NULL) {
        return -1;
    }
    PyObject *r = PyEval_EvalCode(code, d, d);
    Py_DECREF(code);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}
