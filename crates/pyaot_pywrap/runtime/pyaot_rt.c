/* pyaot runtime: the error slot and the helpers compiled code calls (see pyaot_mir's rt.rs).
 *
 * The runtime is one translation unit, compiled once per interpreter and compiler and cached:
 * pyaot_runtime.h, then `pyaot_exc_type` (ExcKind code -> PyExc_* object) and a
 * `PYAOT_EXC_<Name>` macro per ExcKind code, then these files. Each module's wrapper defines
 * `pyaot_messages` (its exception messages by MsgId) and `pyaot_n_messages`.
 *
 * Every helper follows the compiled-code ABI: `int32_t f(params..., T *out)`, 0 on success,
 * 1 after recording an exception in the thread's error slot. The semantics are CPython 3.11's.
 */


/* Message for int results that do not fit in 64 bits (CPython would return a bigger int). */
static const char pyaot_msg_int_overflow[] = "integer result does not fit in 64 bits";
static const char pyaot_msg_domain[] = "math domain error";
static const char pyaot_msg_range[] = "math range error";

/* The thread's pending exception: kind 0 means none. */
struct pyaot_err_slot {
    int32_t kind;
    const char *msg;
    char buf[160];
    /* A message that is a string object (raise E(f"...")), or with PYAOT_EXC_FROM_OBJECT the
     * exception instance a CPython call raised; owned, set only with the GIL held. */
    PyObject *obj;
};

/* The kind of an error whose exception instance is pyaot_err.obj. */
#define PYAOT_EXC_FROM_OBJECT 1000

static _Thread_local struct pyaot_err_slot pyaot_err;

/* Records an exception whose message is a constant string. */
static int32_t pyaot_raise_str(int32_t kind, const char *msg)
{
    pyaot_err.kind = kind;
    pyaot_err.msg = msg;
    return 1;
}

/* Records an exception with a formatted message held in the slot's buffer. */
static PYAOT_UNUSED __attribute__((format(printf, 2, 3))) int32_t
pyaot_raise_fmt(int32_t kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(pyaot_err.buf, sizeof pyaot_err.buf, fmt, ap);
    va_end(ap);
    pyaot_err.kind = kind;
    pyaot_err.msg = pyaot_err.buf;
    return 1;
}

/* Called by compiled code for `raise` and failed checks: the message comes from the module's table. */
PYAOT_HIDDEN void pyaot_rt_raise(int32_t exc, int32_t msg_id)
{
    const char *msg = "";
    if (msg_id >= 0 && msg_id < pyaot_n_messages) {
        msg = pyaot_messages[msg_id];
    }
    pyaot_raise_str(exc, msg);
}

/* Turns the pending error into a Python exception and clears the slot; always returns NULL. */
PYAOT_API PyObject *pyaot_set_pyerr(void)
{
    if (pyaot_err.obj != NULL) {
        PyObject *obj = pyaot_err.obj;
        pyaot_err.obj = NULL;
        PyObject *type = pyaot_err.kind == PYAOT_EXC_FROM_OBJECT ? (PyObject *)Py_TYPE(obj)
                                                                  : pyaot_exc_type(pyaot_err.kind);
        if (type == NULL) {
            PyErr_SetString(PyExc_SystemError, "compiled code failed without setting an exception");
        } else {
            PyErr_SetObject(type, obj);
        }
        Py_DECREF(obj);
        pyaot_err.kind = 0;
        pyaot_err.msg = NULL;
        return NULL;
    }
    PyObject *type = pyaot_exc_type(pyaot_err.kind);
    if (type == NULL) {
        PyErr_SetString(PyExc_SystemError, "compiled code failed without setting an exception");
    } else if (pyaot_err.msg == NULL) {
        PyErr_SetNone(type);
    } else {
        PyErr_SetString(type, pyaot_err.msg);
    }
    pyaot_err.kind = 0;
    pyaot_err.msg = NULL;
    return NULL;
}

/* ---- int and float conversions ---- */

PYAOT_HIDDEN int32_t pyaot_rt_float_to_int(double x, int64_t *out)
{
    if (isnan(x)) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, "cannot convert float NaN to integer");
    }
    if (isinf(x)) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, "cannot convert float infinity to integer");
    }
    double t = trunc(x);
    if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_int_overflow);
    }
    *out = (int64_t)t;
    return 0;
}

static int pyaot_bitlen128(unsigned __int128 v)
{
    uint64_t hi = (uint64_t)(v >> 64);
    if (hi) {
        return 128 - __builtin_clzll(hi);
    }
    uint64_t lo = (uint64_t)v;
    return lo ? 64 - __builtin_clzll(lo) : 0;
}

/* |a| / |b| correctly rounded (half to even) for 0 < |a|, 0 < |b| < 2**64. */
static double pyaot_udiv_round(uint64_t ua, uint64_t ub)
{
    /* Scale the numerator to 127 bits so the quotient has at least 63 significant bits. */
    int k = 127 - pyaot_bitlen128(ua);
    unsigned __int128 num = (unsigned __int128)ua << k;
    unsigned __int128 q = num / ub;
    int sticky = (num % ub) != 0;
    int drop = pyaot_bitlen128(q) - 53;
    uint64_t m = (uint64_t)(q >> drop);
    unsigned __int128 rem = q & ((((unsigned __int128)1) << drop) - 1);
    unsigned __int128 half = ((unsigned __int128)1) << (drop - 1);
    if (rem > half || (rem == half && (sticky || (m & 1)))) {
        m += 1;
    }
    /* m <= 2**53 is exact, and the quotient lies in [2**-64, 2**64]: ldexp is exact. */
    return ldexp((double)m, drop - k);
}

PYAOT_HIDDEN int32_t pyaot_rt_int_truediv(int64_t a, int64_t b, double *out)
{
    if (b == 0) {
        return pyaot_raise_str(PYAOT_EXC_ZeroDivisionError, "division by zero");
    }
    const int64_t lim = (int64_t)1 << 53;
    if (a >= -lim && a <= lim && b >= -lim && b <= lim) {
        *out = (double)a / (double)b;
        return 0;
    }
    int negate = (a < 0) != (b < 0);
    if (a == 0) {
        *out = negate ? -0.0 : 0.0;
        return 0;
    }
    uint64_t ua = a < 0 ? -(uint64_t)a : (uint64_t)a;
    uint64_t ub = b < 0 ? -(uint64_t)b : (uint64_t)b;
    double r = pyaot_udiv_round(ua, ub);
    *out = negate ? -r : r;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_int_pow(int64_t a, int64_t b, int64_t *out)
{
    if (b < 0) {
        return pyaot_raise_str(PYAOT_EXC_ValueError,
                               "negative exponent needs a float base in compiled code "
                               "(int ** negative int gives a float in Python)");
    }
    int64_t result = 1;
    int64_t base = a;
    while (b > 0) {
        if (b & 1) {
            if (__builtin_mul_overflow(result, base, &result)) {
                return pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_int_overflow);
            }
        }
        b >>= 1;
        if (b > 0 && __builtin_mul_overflow(base, base, &base)) {
            return pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_int_overflow);
        }
    }
    *out = result;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_int_lshift(int64_t a, int64_t b, int64_t *out)
{
    if (b < 0) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, "negative shift count");
    }
    if (a == 0) {
        *out = 0;
        return 0;
    }
    if (b >= 64) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_int_overflow);
    }
    int64_t r = (int64_t)((uint64_t)a << b);
    if ((r >> b) != a) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_int_overflow);
    }
    *out = r;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_int_rshift(int64_t a, int64_t b, int64_t *out)
{
    if (b < 0) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, "negative shift count");
    }
    *out = b >= 64 ? (a < 0 ? -1 : 0) : (a >> b);
    return 0;
}

/* ---- float arithmetic (CPython's floatobject.c) ---- */

PYAOT_HIDDEN int32_t pyaot_rt_float_floordiv(double vx, double wx, double *out)
{
    if (wx == 0.0) {
        return pyaot_raise_str(PYAOT_EXC_ZeroDivisionError, "float floor division by zero");
    }
    double mod = fmod(vx, wx);
    double div = (vx - mod) / wx;
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            div -= 1.0;
        }
    }
    double floordiv;
    if (div) {
        floordiv = floor(div);
        if (div - floordiv > 0.5) {
            floordiv += 1.0;
        }
    } else {
        floordiv = copysign(0.0, vx / wx);
    }
    *out = floordiv;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_float_mod(double vx, double wx, double *out)
{
    if (wx == 0.0) {
        return pyaot_raise_str(PYAOT_EXC_ZeroDivisionError, "float modulo");
    }
    double mod = fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0)) {
            mod += wx;
        }
    } else {
        mod = copysign(0.0, wx);
    }
    *out = mod;
    return 0;
}

static int pyaot_is_odd_integer(double x)
{
    return fmod(fabs(x), 2.0) == 1.0;
}

PYAOT_HIDDEN int32_t pyaot_rt_float_pow(double iv, double iw, double *out)
{
    int negate_result = 0;
    if (iw == 0) {
        *out = 1.0;
        return 0;
    }
    if (isnan(iv)) {
        *out = iv;
        return 0;
    }
    if (isnan(iw)) {
        *out = iv == 1.0 ? 1.0 : iw;
        return 0;
    }
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) {
            *out = 1.0;
        } else if ((iw > 0.0) == (iv > 1.0)) {
            *out = fabs(iw);
        } else {
            *out = 0.0;
        }
        return 0;
    }
    if (isinf(iv)) {
        int iw_is_odd = pyaot_is_odd_integer(iw);
        if (iw > 0.0) {
            *out = iw_is_odd ? iv : fabs(iv);
        } else {
            *out = iw_is_odd ? copysign(0.0, iv) : 0.0;
        }
        return 0;
    }
    if (iv == 0.0) {
        int iw_is_odd = pyaot_is_odd_integer(iw);
        if (iw < 0.0) {
            return pyaot_raise_str(PYAOT_EXC_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        }
        *out = iw_is_odd ? iv : 0.0;
        return 0;
    }
    if (iv < 0.0) {
        if (iw != floor(iw)) {
            /* CPython computes a complex power here: |iv|**iw at the angle pi*iw. When that
               overflows it raises OverflowError; otherwise its result is complex, which a float
               cannot hold. */
            double len = pow(-iv, iw);
            double phase = atan2(0.0, iv) * iw;
            double re = len * cos(phase);
            double im = len * sin(phase);
            if (isinf(re) || isinf(im)) {
                return pyaot_raise_str(PYAOT_EXC_OverflowError, "complex exponentiation");
            }
            return pyaot_raise_str(PYAOT_EXC_ValueError,
                                   "negative number cannot be raised to a fractional power "
                                   "(Python would return a complex number)");
        }
        iv = -iv;
        negate_result = pyaot_is_odd_integer(iw);
    }
    if (iv == 1.0) {
        *out = negate_result ? -1.0 : 1.0;
        return 0;
    }
    errno = 0;
    double ix = pow(iv, iw);
    if (errno == 0) {
        if (ix == HUGE_VAL || ix == -HUGE_VAL) {
            errno = ERANGE;
        }
    } else if (errno == ERANGE && ix == 0.0) {
        errno = 0;
    }
    if (negate_result) {
        ix = -ix;
    }
    if (errno != 0) {
        if (errno == ERANGE) {
            return pyaot_raise_str(PYAOT_EXC_OverflowError, "(34, 'Numerical result out of range')");
        }
        return pyaot_raise_fmt(PYAOT_EXC_ValueError, "(%d, '%s')", errno, strerror(errno));
    }
    *out = ix;
    return 0;
}

/* Exact comparison of an int with a float: -1, 0, 1, or 2 when b is NaN. */
PYAOT_HIDDEN int32_t pyaot_rt_cmp_int_float(int64_t a, double b, int64_t *out)
{
    if (isnan(b)) {
        *out = 2;
    } else if (b >= 9223372036854775808.0) {
        *out = -1;
    } else if (b < -9223372036854775808.0) {
        *out = 1;
    } else {
        double t = trunc(b);
        int64_t ti = (int64_t)t;
        if (a != ti) {
            *out = a < ti ? -1 : 1;
        } else {
            double frac = b - t;
            *out = frac > 0.0 ? -1 : (frac < 0.0 ? 1 : 0);
        }
    }
    return 0;
}

/* ---- round() ---- */

/* Converts a decimal string back to a double as CPython's double_round does. */
static int32_t pyaot_round_finish(const char *text, double *out)
{
    errno = 0;
    double rounded = strtod(text, NULL);
    if (errno == ERANGE && fabs(rounded) >= 1.0) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, "rounded value too large to represent");
    }
    *out = rounded;
    return 0;
}

/* Rounds finite x to a multiple of 10**m (1 <= m <= 308), half to even on the exact value. */
static int32_t pyaot_round_negative(double x, int m, double *out)
{
    char digits[400];
    char text[420];
    double ip = trunc(x);
    int sticky = (x - ip) != 0.0;
    /* The integer part printed exactly (glibc prints every digit exactly). */
    snprintf(digits, sizeof digits, "%.0f", fabs(ip));
    int len = (int)strlen(digits);
    /* keep = digits[0 .. len-m], tail = the last m digits (zero-padded on the left). */
    int keep_len = len > m ? len - m : 0;
    int cmp = 0; /* tail compared with 5000...0 */
    for (int i = 0; i < m && cmp == 0; i++) {
        int pos = len - m + i;
        int d = pos >= 0 ? digits[pos] - '0' : 0;
        int h = i == 0 ? 5 : 0;
        cmp = d > h ? 1 : (d < h ? -1 : 0);
    }
    if (cmp == 0 && sticky) {
        cmp = 1;
    }
    char keep[400];
    keep[0] = '0';
    memcpy(keep + 1, digits, (size_t)keep_len);
    keep[keep_len + 1] = '\0';
    int last = keep[keep_len] - '0';
    if (cmp > 0 || (cmp == 0 && (last & 1))) {
        int i = keep_len;
        while (keep[i] == '9') {
            keep[i] = '0';
            i--;
        }
        keep[i] += 1;
    }
    snprintf(text, sizeof text, "%s%se%d", signbit(x) ? "-" : "", keep, m);
    return pyaot_round_finish(text, out);
}

PYAOT_HIDDEN int32_t pyaot_rt_round_digits(double x, int64_t ndigits, double *out)
{
    if (!isfinite(x) || ndigits > 323) {
        *out = x;
        return 0;
    }
    if (ndigits < -308) {
        *out = 0.0 * x;
        return 0;
    }
    if (ndigits < 0) {
        return pyaot_round_negative(x, (int)-ndigits, out);
    }
    /* glibc's %.*f is exact and rounds half to even; its strtod is correctly rounded. */
    char text[720];
    snprintf(text, sizeof text, "%.*f", (int)ndigits, x);
    return pyaot_round_finish(text, out);
}

PYAOT_HIDDEN int32_t pyaot_rt_round_int_digits(int64_t x, int64_t ndigits, int64_t *out)
{
    if (ndigits >= 0) {
        *out = x;
        return 0;
    }
    uint64_t ux = x < 0 ? -(uint64_t)x : (uint64_t)x;
    unsigned __int128 q;
    unsigned __int128 p;
    if (ndigits < -19) {
        q = 0; /* |x| < 10**19 / 2 */
        p = 1;
    } else {
        p = 1;
        for (int64_t i = 0; i < -ndigits; i++) {
            p *= 10;
        }
        q = ux / p;
        unsigned __int128 r = ux % p;
        if (2 * r > p || (2 * r == p && (q & 1))) {
            q += 1;
        }
    }
    unsigned __int128 mag = q * p;
    if (x < 0 ? mag > ((unsigned __int128)1 << 63) : mag >= ((unsigned __int128)1 << 63)) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_int_overflow);
    }
    *out = x < 0 ? (int64_t)(0 - (uint64_t)mag) : (int64_t)(uint64_t)mag;
    return 0;
}

/* ---- math module (CPython's mathmodule.c) ---- */

/* CPython's is_error: ValueError for EDOM, OverflowError for ERANGE unless it was an underflow. */
static int pyaot_math_is_error(double r)
{
    if (errno == EDOM) {
        pyaot_raise_str(PYAOT_EXC_ValueError, pyaot_msg_domain);
        return 1;
    }
    if (errno == ERANGE) {
        if (fabs(r) < 1.5) {
            return 0;
        }
        pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_range);
        return 1;
    }
    pyaot_raise_fmt(PYAOT_EXC_ValueError, "(%d, '%s')", errno, strerror(errno));
    return 1;
}

/* CPython's math_1: wraps a libm function of one argument. */
static int32_t pyaot_math_1(double x, double (*func)(double), int can_overflow, double *out)
{
    errno = 0;
    double r = func(x);
    if (isnan(r) && !isnan(x)) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, pyaot_msg_domain);
    }
    if (isinf(r) && isfinite(x)) {
        if (can_overflow) {
            return pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_range);
        }
        return pyaot_raise_str(PYAOT_EXC_ValueError, pyaot_msg_domain);
    }
    if (isfinite(r) && errno && pyaot_math_is_error(r)) {
        return 1;
    }
    *out = r;
    return 0;
}

/* CPython's math_1a: for functions that set errno themselves. */
static int32_t pyaot_math_1a(double x, double (*func)(double), double *out)
{
    errno = 0;
    double r = func(x);
    if (errno && pyaot_math_is_error(r)) {
        return 1;
    }
    *out = r;
    return 0;
}

/* CPython's math_2: wraps a function of two arguments. */
static int32_t pyaot_math_2(double x, double y, double (*func)(double, double), double *out)
{
    errno = 0;
    double r = func(x, y);
    if (isnan(r)) {
        errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    } else if (isinf(r)) {
        errno = (isfinite(x) && isfinite(y)) ? ERANGE : 0;
    }
    if (errno && pyaot_math_is_error(r)) {
        return 1;
    }
    *out = r;
    return 0;
}

/* The logarithms' shared domain rules: positive finite x uses f; 0 gives -inf and a negative
 * x nan, both with EDOM; nan and +inf pass through, -inf is a domain error. */
static double pyaot_m_log_with(double x, double (*f)(double))
{
    if (isfinite(x)) {
        if (x > 0.0) {
            return f(x);
        }
        errno = EDOM;
        return x == 0.0 ? -INFINITY : NAN;
    }
    if (isnan(x) || x > 0.0) {
        return x;
    }
    errno = EDOM;
    return NAN;
}

static double pyaot_m_log(double x)
{
    return pyaot_m_log_with(x, log);
}

static double pyaot_m_log2(double x)
{
    return pyaot_m_log_with(x, log2);
}

static double pyaot_m_log10(double x)
{
    return pyaot_m_log_with(x, log10);
}

static double pyaot_m_log1p(double x)
{
    /* Keeps the sign of a zero argument, as CPython's wrapper does. */
    return x == 0.0 ? x : log1p(x);
}

#define PYAOT_MATH1(name, func, can_overflow)                         \
    PYAOT_HIDDEN int32_t pyaot_rt_math_##name(double x, double *out)  \
    {                                                                 \
        return pyaot_math_1(x, func, can_overflow, out);              \
    }

PYAOT_MATH1(sqrt, sqrt, 0)
PYAOT_MATH1(exp, exp, 1)
PYAOT_MATH1(exp2, exp2, 1)
PYAOT_MATH1(expm1, expm1, 1)
PYAOT_MATH1(log, pyaot_m_log, 0)
PYAOT_MATH1(log2, pyaot_m_log2, 0)
PYAOT_MATH1(log10, pyaot_m_log10, 0)
PYAOT_MATH1(log1p, pyaot_m_log1p, 0)
PYAOT_MATH1(sin, sin, 0)
PYAOT_MATH1(cos, cos, 0)
PYAOT_MATH1(tan, tan, 0)
PYAOT_MATH1(asin, asin, 0)
PYAOT_MATH1(acos, acos, 0)
PYAOT_MATH1(atan, atan, 0)
PYAOT_MATH1(sinh, sinh, 1)
PYAOT_MATH1(cosh, cosh, 1)
PYAOT_MATH1(tanh, tanh, 0)
PYAOT_MATH1(asinh, asinh, 0)
PYAOT_MATH1(acosh, acosh, 0)
PYAOT_MATH1(atanh, atanh, 0)

PYAOT_HIDDEN int32_t pyaot_rt_math_erf(double x, double *out)
{
    return pyaot_math_1a(x, erf, out);
}

PYAOT_HIDDEN int32_t pyaot_rt_math_erfc(double x, double *out)
{
    return pyaot_math_1a(x, erfc, out);
}

/* math.log(x, base): both logs as math.log(x), then float division. */
PYAOT_HIDDEN int32_t pyaot_rt_math_log_base(double x, double base, double *out)
{
    double num, den;
    if (pyaot_math_1(x, pyaot_m_log, 0, &num) || pyaot_math_1(base, pyaot_m_log, 0, &den)) {
        return 1;
    }
    if (den == 0.0) {
        return pyaot_raise_str(PYAOT_EXC_ZeroDivisionError, "float division by zero");
    }
    *out = num / den;
    return 0;
}

/* ---- gamma and lgamma: CPython's own Lanczos implementation, not libm's ---- */

static const double pyaot_pi = 3.141592653589793238462643383279502884197;
static const double pyaot_logpi = 1.144729885849400174143427351353058711647;

static double pyaot_m_sinpi(double x)
{
    double y = fmod(fabs(x), 2.0);
    int n = (int)round(2.0 * y);
    double r;
    switch (n) {
    case 0:
        r = sin(pyaot_pi * y);
        break;
    case 1:
        r = cos(pyaot_pi * (y - 0.5));
        break;
    case 2:
        r = sin(pyaot_pi * (1.0 - y));
        break;
    case 3:
        r = -cos(pyaot_pi * (y - 1.5));
        break;
    default:
        r = sin(pyaot_pi * (y - 2.0));
        break;
    }
    return copysign(1.0, x) * r;
}

#define PYAOT_LANCZOS_N 13
static const double pyaot_lanczos_g = 6.024680040776729583740234375;
static const double pyaot_lanczos_g_minus_half = 5.524680040776729583740234375;
static const double pyaot_lanczos_num_coeffs[PYAOT_LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
static const double pyaot_lanczos_den_coeffs[PYAOT_LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};
#define PYAOT_NGAMMA_INTEGRAL 23
static const double pyaot_gamma_integral[PYAOT_NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};

static double pyaot_lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = PYAOT_LANCZOS_N; --i >= 0;) {
            num = num * x + pyaot_lanczos_num_coeffs[i];
            den = den * x + pyaot_lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < PYAOT_LANCZOS_N; i++) {
            num = num / x + pyaot_lanczos_num_coeffs[i];
            den = den / x + pyaot_lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

static double pyaot_m_tgamma(double x)
{
    double absx, r, y, z, sqrtpow;
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) {
            return x;
        }
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= PYAOT_NGAMMA_INTEGRAL) {
            return pyaot_gamma_integral[(int)x - 1];
        }
    }
    absx = fabs(x);
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (isinf(r)) {
            errno = ERANGE;
        }
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) {
            return 0.0 / pyaot_m_sinpi(x);
        }
        errno = ERANGE;
        return HUGE_VAL;
    }
    y = absx + pyaot_lanczos_g_minus_half;
    if (absx > pyaot_lanczos_g_minus_half) {
        double q = y - absx;
        z = q - pyaot_lanczos_g_minus_half;
    } else {
        double q = y - pyaot_lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * pyaot_lanczos_g / y;
    if (x < 0.0) {
        r = -pyaot_pi / pyaot_m_sinpi(absx) / absx * exp(y) / pyaot_lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = pyaot_lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r)) {
        errno = ERANGE;
    }
    return r;
}

static double pyaot_m_lgamma(double x)
{
    double r, absx;
    if (!isfinite(x)) {
        if (isnan(x)) {
            return x;
        }
        return HUGE_VAL;
    }
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    absx = fabs(x);
    if (absx < 1e-20) {
        return -log(absx);
    }
    r = log(pyaot_lanczos_sum(absx)) - pyaot_lanczos_g;
    r += (absx - 0.5) * (log(absx + pyaot_lanczos_g - 0.5) - 1);
    if (x < 0.0) {
        r = pyaot_logpi - log(fabs(pyaot_m_sinpi(absx))) - log(absx) - r;
    }
    if (isinf(r)) {
        errno = ERANGE;
    }
    return r;
}

PYAOT_HIDDEN int32_t pyaot_rt_math_gamma(double x, double *out)
{
    return pyaot_math_1a(x, pyaot_m_tgamma, out);
}

PYAOT_HIDDEN int32_t pyaot_rt_math_lgamma(double x, double *out)
{
    return pyaot_math_1a(x, pyaot_m_lgamma, out);
}

/* ---- two-argument math functions ---- */

static double pyaot_m_atan2(double y, double x)
{
    if (isnan(x) || isnan(y)) {
        return NAN;
    }
    if (isinf(y)) {
        if (isinf(x)) {
            if (copysign(1., x) == 1.) {
                return copysign(0.25 * pyaot_pi, y);
            }
            return copysign(0.75 * pyaot_pi, y);
        }
        return copysign(0.5 * pyaot_pi, y);
    }
    if (isinf(x) || y == 0.) {
        if (copysign(1., x) == 1.) {
            return copysign(0., y);
        }
        return copysign(pyaot_pi, y);
    }
    return atan2(y, x);
}

PYAOT_HIDDEN int32_t pyaot_rt_math_atan2(double y, double x, double *out)
{
    return pyaot_math_2(y, x, pyaot_m_atan2, out);
}

/* CPython's vector_norm for two coordinates: an accurately rounded sqrt(x*x + y*y). */
static double pyaot_vector_norm(int n, const double *vec, double max, int found_nan)
{
    const double T27 = 134217729.0;
    double x, scale, oldcsum, csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
    double t, hi, lo, h;
    int max_e;
    if (isinf(max)) {
        return max;
    }
    if (found_nan) {
        return NAN;
    }
    if (max == 0.0 || n <= 1) {
        return max;
    }
    frexp(max, &max_e);
    if (max_e >= -1023) {
        scale = ldexp(1.0, -max_e);
        for (int i = 0; i < n; i++) {
            x = vec[i];
            x *= scale;
            t = x * T27;
            hi = t - (t - x);
            lo = x - hi;
            x = hi * hi;
            oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            x = 2.0 * hi * lo;
            oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            frac3 += lo * lo;
        }
        h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
        x = h;
        t = x * T27;
        hi = t - (t - x);
        lo = x - hi;
        x = -hi * hi;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        x = -2.0 * hi * lo;
        oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        x = -lo * lo;
        oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;
        x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for (int i = 0; i < n; i++) {
        x = vec[i];
        x /= max;
        x = x * x;
        oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    return max * sqrt(csum - 1.0 + frac1);
}

PYAOT_HIDDEN int32_t pyaot_rt_math_hypot(double x, double y, double *out)
{
    double vec[2] = {fabs(x), fabs(y)};
    double max = 0.0;
    int found_nan = 0;
    for (int i = 0; i < 2; i++) {
        found_nan |= isnan(vec[i]);
        if (vec[i] > max) {
            max = vec[i];
        }
    }
    *out = pyaot_vector_norm(2, vec, max, found_nan);
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_math_fmod(double x, double y, double *out)
{
    if (isinf(y) && isfinite(x)) {
        *out = x;
        return 0;
    }
    errno = 0;
    double r = fmod(x, y);
    if (isnan(r)) {
        errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    }
    if (errno && pyaot_math_is_error(r)) {
        return 1;
    }
    *out = r;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_math_pow(double x, double y, double *out)
{
    double r = 0.0;
    if (!isfinite(x) || !isfinite(y)) {
        errno = 0;
        if (isnan(x)) {
            r = y == 0. ? 1. : x;
        } else if (isnan(y)) {
            r = x == 1. ? 1. : y;
        } else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.) {
                r = odd_y ? x : fabs(x);
            } else if (y == 0.) {
                r = 1.;
            } else {
                r = odd_y ? copysign(0., x) : 0.;
            }
        } else {
            if (fabs(x) == 1.0) {
                r = 1.;
            } else if (y > 0. && fabs(x) > 1.0) {
                r = y;
            } else if (y < 0. && fabs(x) < 1.0) {
                r = -y;
            } else {
                r = 0.;
            }
        }
    } else {
        errno = 0;
        r = pow(x, y);
        if (!isfinite(r)) {
            if (isnan(r)) {
                errno = EDOM;
            } else if (x == 0.) {
                errno = EDOM;
            } else {
                errno = ERANGE;
            }
        }
    }
    if (errno && pyaot_math_is_error(r)) {
        return 1;
    }
    *out = r;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_math_ldexp(double x, int64_t exp, double *out)
{
    double r;
    if (x == 0. || !isfinite(x)) {
        r = x;
        errno = 0;
    } else if (exp > INT_MAX) {
        r = copysign(HUGE_VAL, x);
        errno = ERANGE;
    } else if (exp < INT_MIN) {
        r = copysign(0., x);
        errno = 0;
    } else {
        errno = 0;
        r = ldexp(x, (int)exp);
        if (isinf(r)) {
            errno = ERANGE;
        }
    }
    if (errno && pyaot_math_is_error(r)) {
        return 1;
    }
    *out = r;
    return 0;
}

/* ---- integer math functions ---- */

PYAOT_HIDDEN int32_t pyaot_rt_math_gcd(int64_t a, int64_t b, int64_t *out)
{
    uint64_t ua = a < 0 ? -(uint64_t)a : (uint64_t)a;
    uint64_t ub = b < 0 ? -(uint64_t)b : (uint64_t)b;
    while (ub != 0) {
        uint64_t t = ua % ub;
        ua = ub;
        ub = t;
    }
    if (ua > (uint64_t)INT64_MAX) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_int_overflow);
    }
    *out = (int64_t)ua;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_math_factorial(int64_t n, int64_t *out)
{
    if (n < 0) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, "factorial() not defined for negative values");
    }
    if (n > 20) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, pyaot_msg_int_overflow);
    }
    int64_t r = 1;
    for (int64_t i = 2; i <= n; i++) {
        r *= i;
    }
    *out = r;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_range_len(int64_t start, int64_t stop, int64_t step, int64_t *out)
{
    if (step == 0) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, "range() arg 3 must not be zero");
    }
    /* Exact in 128 bits: (hi - lo - 1) / |step| + 1 when lo < hi. */
    __int128 lo = step > 0 ? start : stop;
    __int128 hi = step > 0 ? stop : start;
    __int128 s = step > 0 ? (__int128)step : -(__int128)step;
    __int128 n = lo < hi ? (hi - lo - 1) / s + 1 : 0;
    if (n > INT64_MAX) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, "Python int too large to convert to C ssize_t");
    }
    *out = (int64_t)n;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_math_isqrt(int64_t n, int64_t *out)
{
    if (n < 0) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, "isqrt() argument must be nonnegative");
    }
    /* Start from the double estimate and correct it exactly. */
    uint64_t r = (uint64_t)sqrt((double)n);
    while (r * r > (uint64_t)n) {
        r--;
    }
    while ((r + 1) * (r + 1) <= (uint64_t)n) {
        r++;
    }
    *out = (int64_t)r;
    return 0;
}
