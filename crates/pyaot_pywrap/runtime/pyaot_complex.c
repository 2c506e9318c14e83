/* Complex arithmetic and functions for compiled code: NumPy's complex loops (never an error) and
 * Python's `complex` and `cmath` (ZeroDivisionError, ValueError and OverflowError as CPython 3.11).
 *
 * A complex number crosses the ABI as its two parts. Function codes are positions in
 * pyaot_hir::NpFn::ALL: 0 sqrt, 2 exp, 3 exp2, 4 expm1, 5 log, 6 log2, 7 log10, 8 log1p, 9 sin,
 * 10 cos, 11 tan, 12 arcsin, 13 arccos, 14 arctan, 15 sinh, 16 cosh, 17 tanh, 18 arcsinh,
 * 19 arccosh, 20 arctanh, 24 rint, 33 sign.
 */

#include <complex.h>
#include <float.h>
#undef I

#define PYAOT_LOG10E 0.434294481903251827651128918916605082
#define PYAOT_LOG2E 1.442695040888963407359924681001892137
#define PYAOT_LOGE2 0.693147180559945309417232121458176568

/* ---- division ---- */

/* NumPy's complex division (Smith's method with a reciprocal scale); b == 0 gives inf or nan. */
#define PYAOT_NP_CDIV(T, ar, ai, br, bi, re, im)                        \
    do {                                                                \
        T abs_br = (T)fabs(br), abs_bi = (T)fabs(bi);                   \
        if (abs_br >= abs_bi) {                                         \
            if (abs_br == 0 && abs_bi == 0) {                           \
                *re = ar / abs_br;                                      \
                *im = ai / abs_br;                                      \
            } else {                                                    \
                T rat = bi / br;                                        \
                T scl = (T)1.0 / (br + bi * rat);                       \
                *re = (ar + ai * rat) * scl;                            \
                *im = (ai - ar * rat) * scl;                            \
            }                                                           \
        } else {                                                        \
            T rat = br / bi;                                            \
            T scl = (T)1.0 / (bi + br * rat);                           \
            *re = (ar * rat + ai) * scl;                                \
            *im = (ai * rat - ar) * scl;                                \
        }                                                               \
    } while (0)

/* Python's complex division; returns -1 (without raising) when b is zero. */
static int pyaot_py_cdiv(double ar, double ai, double br, double bi, double *re, double *im)
{
    double abs_br = fabs(br), abs_bi = fabs(bi);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            *re = *im = 0.0;
            return -1;
        }
        double ratio = bi / br;
        double denom = br + bi * ratio;
        *re = (ar + ai * ratio) / denom;
        *im = (ai - ar * ratio) / denom;
    } else if (abs_bi >= abs_br) {
        double ratio = br / bi;
        double denom = br * ratio + bi;
        *re = (ar * ratio + ai) / denom;
        *im = (ai * ratio - ar) / denom;
    } else {
        /* A part of b is NaN. */
        *re = *im = NAN;
    }
    return 0;
}

/* `a / b`: mode 0 NumPy's complex128 loop, mode 1 Python's `complex` (ZeroDivisionError). */
PYAOT_HIDDEN int32_t pyaot_rt_c_div(int64_t mode, double ar, double ai, double br, double bi,
                                    double *re, double *im)
{
    if (mode == 0) {
        PYAOT_NP_CDIV(double, ar, ai, br, bi, re, im);
        return 0;
    }
    if (pyaot_py_cdiv(ar, ai, br, bi, re, im) < 0) {
        return pyaot_raise_str(PYAOT_EXC_ZeroDivisionError, "complex division by zero");
    }
    return 0;
}

/* NumPy's complex64 division, in single precision. */
PYAOT_HIDDEN int32_t pyaot_rt_c_div_f32(float ar, float ai, float br, float bi, float *re, float *im)
{
    PYAOT_NP_CDIV(float, ar, ai, br, bi, re, im);
    return 0;
}

/* ---- power ---- */

/* NumPy's complex power: small integral exponents by repeated squaring, else the C library. */
#define PYAOT_NP_CPOW(T, SUFFIX, ar, ai, br, bi, re, im)                             \
    do {                                                                           \
        if (br == 0 && bi == 0) {                                                  \
            *re = 1;                                                               \
            *im = 0;                                                               \
            break;                                                                 \
        }                                                                          \
        if (ar == 0 && ai == 0) {                                                  \
            if (br > 0) {                                                          \
                *re = 0;                                                           \
                *im = 0;                                                           \
            } else {                                                               \
                *re = NAN;                                                         \
                *im = NAN;                                                         \
            }                                                                      \
            break;                                                                 \
        }                                                                          \
        if (bi == 0 && br == (T)(int64_t)br && br > -100 && br < 100) {            \
            int64_t n = (int64_t)br;                                               \
            if (n == 1) {                                                          \
                *re = ar;                                                          \
                *im = ai;                                                          \
                break;                                                             \
            }                                                                      \
            if (n == 2) {                                                          \
                *re = ar * ar - ai * ai;                                           \
                *im = ar * ai + ai * ar;                                           \
                break;                                                             \
            }                                                                      \
            if (n == 3) {                                                          \
                T sr = ar * ar - ai * ai, si = ar * ai + ai * ar;                  \
                *re = sr * ar - si * ai;                                           \
                *im = sr * ai + si * ar;                                           \
                break;                                                             \
            }                                                                      \
            int64_t mask = 1, k = n < 0 ? -n : n;                                  \
            T rr = 1, ri = 0, pr = ar, pi = ai;                                    \
            for (;;) {                                                             \
                if (k & mask) {                                                    \
                    T t = rr * pr - ri * pi;                                       \
                    ri = rr * pi + ri * pr;                                        \
                    rr = t;                                                        \
                }                                                                  \
                mask <<= 1;                                                        \
                if (k < mask || mask <= 0) {                                       \
                    break;                                                         \
                }                                                                  \
                T t = pr * pr - pi * pi;                                           \
                pi = pr * pi + pi * pr;                                            \
                pr = t;                                                            \
            }                                                                      \
            if (n < 0) {                                                           \
                PYAOT_NP_CDIV(T, (T)1, (T)0, rr, ri, re, im);                      \
            } else {                                                               \
                *re = rr;                                                          \
                *im = ri;                                                          \
            }                                                                      \
            break;                                                                 \
        }                                                                          \
        T complex z = cpow##SUFFIX(CMPLX##SUFFIX##_(ar, ai), CMPLX##SUFFIX##_(br, bi)); \
        *re = creal##SUFFIX(z);                                                    \
        *im = cimag##SUFFIX(z);                                                    \
    } while (0)

#define CMPLX_(a, b) CMPLX(a, b)
#define CMPLXf_(a, b) CMPLXF(a, b)

/* Python's complex product. */
static void pyaot_py_cmul(double ar, double ai, double br, double bi, double *re, double *im)
{
    double r = ar * br - ai * bi;
    *im = ar * bi + ai * br;
    *re = r;
}

/* Python's `a ** b` of complex numbers; returns 1 for a ZeroDivisionError, 2 for an OverflowError. */
static int pyaot_py_cpow(double ar, double ai, double br, double bi, double *re, double *im)
{
    int err = 0; /* 1 EDOM, 2 ERANGE */
    errno = 0;
    if (bi == 0.0 && br == floor(br) && fabs(br) <= 100.0) {
        /* Integral exponent: repeated squaring, a reciprocal for a negative one. */
        long n = (long)br, k = n < 0 ? -n : n, mask = 1;
        double rr = 1.0, ri = 0.0, pr = ar, pi = ai;
        while (mask > 0 && k >= mask) {
            if (k & mask) {
                pyaot_py_cmul(rr, ri, pr, pi, &rr, &ri);
            }
            mask <<= 1;
            pyaot_py_cmul(pr, pi, pr, pi, &pr, &pi);
        }
        if (n < 0) {
            if (pyaot_py_cdiv(1.0, 0.0, rr, ri, re, im) < 0) {
                err = 1;
            }
        } else {
            *re = rr;
            *im = ri;
        }
    } else if (br == 0.0 && bi == 0.0) {
        *re = 1.0;
        *im = 0.0;
    } else if (ar == 0.0 && ai == 0.0) {
        if (bi != 0.0 || br < 0.0) {
            err = 1;
        }
        *re = *im = 0.0;
    } else {
        double vabs = hypot(ar, ai);
        double len = pow(vabs, br);
        double at = atan2(ai, ar);
        double phase = at * br;
        if (bi != 0.0) {
            len /= exp(at * bi);
            phase += bi * log(vabs);
        }
        *re = len * cos(phase);
        *im = len * sin(phase);
        if (errno == EDOM) {
            err = 1;
        } else if (errno == ERANGE) {
            err = 2;
        }
    }
    if (err == 0 && (isinf(*re) || isinf(*im))) {
        err = 2;
    } else if (err == 2 && !(isinf(*re) || isinf(*im))) {
        err = 0;
    }
    return err;
}

/* `a ** b`: mode 0 NumPy's complex128 loop, mode 1 Python's `complex`. */
PYAOT_HIDDEN int32_t pyaot_rt_c_pow(int64_t mode, double ar, double ai, double br, double bi,
                                    double *re, double *im)
{
    if (mode == 0) {
        PYAOT_NP_CPOW(double, , ar, ai, br, bi, re, im);
        return 0;
    }
    switch (pyaot_py_cpow(ar, ai, br, bi, re, im)) {
    case 1:
        return pyaot_raise_str(PYAOT_EXC_ZeroDivisionError, "0.0 to a negative or complex power");
    case 2:
        return pyaot_raise_str(PYAOT_EXC_OverflowError, "complex exponentiation");
    default:
        return 0;
    }
}

/* NumPy's complex64 power. */
PYAOT_HIDDEN int32_t pyaot_rt_c_pow_f32(float ar, float ai, float br, float bi, float *re, float *im)
{
    PYAOT_NP_CPOW(float, f, ar, ai, br, bi, re, im);
    return 0;
}

/* ---- functions ---- */

/* NumPy's sign of a complex number (NumPy 2): z / |z|, with its rules for zeros, infinities and NaN. */
#define PYAOT_NP_CSIGN(T, SUFFIX, r, i, re, im)                 \
    do {                                                        \
        T a = hypot##SUFFIX(r, i);                              \
        if (isnan(a)) {                                         \
            *re = *im = NAN;                                    \
        } else if (isinf(a)) {                                  \
            if (isinf(r)) {                                     \
                if (isinf(i)) {                                 \
                    *re = *im = NAN;                            \
                } else {                                        \
                    *re = r > 0 ? 1 : -1;                       \
                    *im = 0;                                    \
                }                                               \
            } else {                                            \
                *re = 0;                                        \
                *im = i > 0 ? 1 : -1;                           \
            }                                                   \
        } else if (a == 0) {                                    \
            *re = *im = 0;                                      \
        } else {                                                \
            *re = r / a;                                        \
            *im = i / a;                                        \
        }                                                       \
    } while (0)

/* One of NumPy's complex functions in the precision of T (SUFFIX `f` for float); 1 for an unknown code. */
#define PYAOT_NP_CFUNC(T, SUFFIX, code, r, i, re, im)                                         \
    do {                                                                                    \
        T complex z = CMPLX##SUFFIX##_(r, i), w;                                            \
        switch (code) {                                                                     \
        case 0: w = csqrt##SUFFIX(z); break;                                                \
        case 2: w = cexp##SUFFIX(z); break;                                                 \
        case 3: w = cexp##SUFFIX(CMPLX##SUFFIX##_(r * (T)PYAOT_LOGE2, i * (T)PYAOT_LOGE2)); break; \
        case 4: {                                                                           \
            T h = sin##SUFFIX(i / 2);                                                       \
            w = CMPLX##SUFFIX##_(expm1##SUFFIX(r) * cos##SUFFIX(i) - 2 * h * h,             \
                                 exp##SUFFIX(r) * sin##SUFFIX(i));                          \
            break;                                                                          \
        }                                                                                   \
        case 5: w = clog##SUFFIX(z); break;                                                 \
        case 6: w = clog##SUFFIX(z);                                                        \
            w = CMPLX##SUFFIX##_(creal##SUFFIX(w) * (T)PYAOT_LOG2E, cimag##SUFFIX(w) * (T)PYAOT_LOG2E); \
            break;                                                                          \
        case 7: w = clog##SUFFIX(z);                                                        \
            w = CMPLX##SUFFIX##_(creal##SUFFIX(w) * (T)PYAOT_LOG10E, cimag##SUFFIX(w) * (T)PYAOT_LOG10E); \
            break;                                                                          \
        case 8: {                                                                           \
            T l = hypot##SUFFIX(r + 1, i);                                                  \
            w = CMPLX##SUFFIX##_(log##SUFFIX(l), atan2##SUFFIX(i, r + 1));                  \
            break;                                                                          \
        }                                                                                   \
        case 9: w = csin##SUFFIX(z); break;                                                 \
        case 10: w = ccos##SUFFIX(z); break;                                                \
        case 11: w = ctan##SUFFIX(z); break;                                                \
        case 12: w = casin##SUFFIX(z); break;                                               \
        case 13: w = cacos##SUFFIX(z); break;                                               \
        case 14: w = catan##SUFFIX(z); break;                                               \
        case 15: w = csinh##SUFFIX(z); break;                                               \
        case 16: w = ccosh##SUFFIX(z); break;                                               \
        case 17: w = ctanh##SUFFIX(z); break;                                               \
        case 18: w = casinh##SUFFIX(z); break;                                              \
        case 19: w = cacosh##SUFFIX(z); break;                                              \
        case 20: w = catanh##SUFFIX(z); break;                                              \
        case 24: w = CMPLX##SUFFIX##_(rint##SUFFIX(r), rint##SUFFIX(i)); break;             \
        case 33: {                                                                          \
            T sr, si;                                                                       \
            PYAOT_NP_CSIGN(T, SUFFIX, r, i, &sr, &si);                                      \
            w = CMPLX##SUFFIX##_(sr, si);                                                   \
            break;                                                                          \
        }                                                                                   \
        default:                                                                            \
            return pyaot_raise_str(PYAOT_EXC_RuntimeError, "unknown complex function");    \
        }                                                                                   \
        *re = creal##SUFFIX(w);                                                             \
        *im = cimag##SUFFIX(w);                                                             \
    } while (0)

/* NumPy's complex128 function `code`. */
PYAOT_HIDDEN int32_t pyaot_rt_c_func(int64_t code, double r, double i, double *re, double *im)
{
    PYAOT_NP_CFUNC(double, , code, r, i, re, im);
    return 0;
}

/* NumPy's complex64 function `code`, in single precision. */
PYAOT_HIDDEN int32_t pyaot_rt_c_func_f32(int64_t code, float r, float i, float *re, float *im)
{
    PYAOT_NP_CFUNC(float, f, code, r, i, re, im);
    return 0;
}

/* CPython's complex logarithm of finite parts, with its care for large, tiny and near-1 moduli;
 * the real part of log(0) is -inf. */
static void pyaot_cmath_log(double r, double i, double *re, double *im)
{
    double ax = fabs(r), ay = fabs(i);
    if (ax > DBL_MAX / 4 || ay > DBL_MAX / 4) {
        *re = log(hypot(ax / 2.0, ay / 2.0)) + M_LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0.0 || ay > 0.0) {
            *re = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * M_LN2;
        } else {
            *re = -INFINITY;
        }
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            *re = log1p((am - 1) * (am + 1) + an * an) / 2.0;
        } else {
            *re = log(h);
        }
    }
    *im = atan2(i, r);
}

/* CPython's complex square root of finite parts. */
static void pyaot_cmath_sqrt(double r, double i, double *re, double *im)
{
    if (r == 0.0 && i == 0.0) {
        *re = 0.0;
        *im = i;
        return;
    }
    double ax = fabs(r), ay = fabs(i), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        /* hypot(ax, ay) would be subnormal: scale up first. */
        ax = ldexp(ax, 53);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, 53))), -27);
    } else {
        ax /= 8.0;
        s = 2.0 * sqrt(ax + hypot(ax, ay / 8.0));
    }
    double d = ay / (2.0 * s);
    if (r >= 0.0) {
        *re = s;
        *im = copysign(d, i);
    } else {
        *re = d;
        *im = copysign(s, i);
    }
}

/* CPython's complex exponential of finite parts. */
static void pyaot_cmath_exp(double r, double i, double *re, double *im)
{
    if (r > log(DBL_MAX / 4)) {
        double l = exp(r - 1.0);
        *re = l * cos(i) * M_E;
        *im = l * sin(i) * M_E;
    } else {
        double l = exp(r);
        *re = l * cos(i);
        *im = l * sin(i);
    }
}

/* CPython's complex tanh of finite parts. */
static void pyaot_cmath_tanh(double r, double i, double *re, double *im)
{
    if (fabs(r) > log(DBL_MAX / 4)) {
        *re = copysign(1.0, r);
        *im = 4.0 * sin(i) * cos(i) * exp(-2.0 * fabs(r));
    } else {
        double tx = tanh(r), ty = tan(i), cx = 1.0 / cosh(r);
        double txty = tx * ty, denom = 1.0 + txty * txty;
        *re = tx * (1.0 + ty * ty) / denom;
        *im = ((ty / denom) * cx) * cx;
    }
}

#define PYAOT_CM_LARGE (DBL_MAX / 4)

/* CPython's complex asinh of finite parts (Kahan's method). */
static void pyaot_cmath_asinh(double r, double i, double *re, double *im)
{
    if (fabs(r) > PYAOT_CM_LARGE || fabs(i) > PYAOT_CM_LARGE) {
        double l = log(hypot(r / 2.0, i / 2.0)) + M_LN2 * 2.0;
        *re = i >= 0.0 ? copysign(l, r) : -copysign(l, -r);
        *im = atan2(i, fabs(r));
        return;
    }
    double ar, ai, br, bi;
    pyaot_cmath_sqrt(1.0 + i, -r, &ar, &ai);
    pyaot_cmath_sqrt(1.0 - i, r, &br, &bi);
    *re = asinh(ar * bi - br * ai);
    *im = atan2(i, ar * br - ai * bi);
}

/* CPython's complex acos of finite parts. */
static void pyaot_cmath_acos(double r, double i, double *re, double *im)
{
    if (fabs(r) > PYAOT_CM_LARGE || fabs(i) > PYAOT_CM_LARGE) {
        double l = log(hypot(r / 2.0, i / 2.0)) + M_LN2 * 2.0;
        *re = atan2(fabs(i), r);
        *im = r < 0.0 ? -copysign(l, i) : copysign(l, -i);
        return;
    }
    double ar, ai, br, bi;
    pyaot_cmath_sqrt(1.0 - r, -i, &ar, &ai);
    pyaot_cmath_sqrt(1.0 + r, i, &br, &bi);
    *re = 2.0 * atan2(ar, br);
    *im = asinh(br * ai - bi * ar);
}

/* CPython's complex acosh of finite parts. */
static void pyaot_cmath_acosh(double r, double i, double *re, double *im)
{
    if (fabs(r) > PYAOT_CM_LARGE || fabs(i) > PYAOT_CM_LARGE) {
        *re = log(hypot(r / 2.0, i / 2.0)) + M_LN2 * 2.0;
        *im = atan2(i, r);
        return;
    }
    double ar, ai, br, bi;
    pyaot_cmath_sqrt(r - 1.0, i, &ar, &ai);
    pyaot_cmath_sqrt(r + 1.0, i, &br, &bi);
    *re = asinh(ar * br + ai * bi);
    *im = 2.0 * atan2(ai, br);
}

/* CPython's complex atanh of finite parts; atanh(+-1) has an infinite real part. */
static void pyaot_cmath_atanh(double r, double i, double *re, double *im)
{
    if (r < 0.0) {
        pyaot_cmath_atanh(-r, -i, re, im);
        *re = -*re;
        *im = -*im;
        return;
    }
    double ay = fabs(i);
    if (r > sqrt(PYAOT_CM_LARGE) || ay > sqrt(PYAOT_CM_LARGE)) {
        double h = hypot(r / 2.0, i / 2.0);
        *re = r / 4.0 / h / h;
        *im = -copysign(M_PI / 2.0, -i);
    } else if (r == 1.0 && ay < sqrt(DBL_MIN)) {
        if (ay == 0.0) {
            *re = INFINITY;
            *im = i;
        } else {
            *re = -log(sqrt(ay) / sqrt(hypot(ay, 2.0)));
            *im = copysign(atan2(2.0, -ay) / 2.0, i);
        }
    } else {
        *re = log1p(4.0 * r / ((1 - r) * (1 - r) + ay * ay)) / 4.0;
        *im = -atan2(-2.0 * i, (1 - r) * (1 + r) - ay * ay) / 2.0;
    }
}

/* The `cmath` function `code` as CPython: a finite argument giving an infinite part raises
 * OverflowError, except at the poles of log, log10, atan and atanh (ValueError); a NaN part from
 * an argument without NaN raises ValueError. Arguments with infinite or NaN parts take the C
 * library's special values (C99 Annex G, which CPython's tables also follow). */
PYAOT_HIDDEN int32_t pyaot_rt_c_cmath(int64_t code, double r, double i, double *re, double *im)
{
    if (code == 33 || code == 3 || code == 4 || code == 6 || code == 8 || code == 24) {
        return pyaot_raise_str(PYAOT_EXC_RuntimeError, "not a cmath function");
    }
    int finite_in = isfinite(r) && isfinite(i);
    int nan_in = isnan(r) || isnan(i);
    if (finite_in && code == 0) {
        pyaot_cmath_sqrt(r, i, re, im);
    } else if (finite_in && (code == 5 || code == 7)) {
        pyaot_cmath_log(r, i, re, im);
        if (code == 7) {
            *re /= M_LN10;
            *im /= M_LN10;
        }
    } else if (finite_in && code == 2) {
        pyaot_cmath_exp(r, i, re, im);
    } else if (code == 2 && r == -INFINITY && !isfinite(i)) {
        *re = *im = 0.0;
    } else if (finite_in && code == 17) {
        pyaot_cmath_tanh(r, i, re, im);
    } else if (finite_in && code == 11) {
        /* tan(z) = -i tanh(iz). */
        double tr, ti;
        pyaot_cmath_tanh(-i, r, &tr, &ti);
        *re = ti;
        *im = -tr;
    } else if (finite_in && (code == 12 || code == 14 || code == 18 || code == 20)) {
        /* asin(z) = -i asinh(iz), atan(z) = -i atanh(iz). */
        int outer = code == 12 || code == 14;
        double zr = outer ? -i : r, zi = outer ? r : i, wr, wi;
        if (code == 12 || code == 18) {
            pyaot_cmath_asinh(zr, zi, &wr, &wi);
        } else {
            pyaot_cmath_atanh(zr, zi, &wr, &wi);
        }
        *re = outer ? wi : wr;
        *im = outer ? -wr : wi;
    } else if (finite_in && code == 13) {
        pyaot_cmath_acos(r, i, re, im);
    } else if (finite_in && code == 19) {
        pyaot_cmath_acosh(r, i, re, im);
    } else if (code == 9 || code == 11) {
        /* sin(z) = -i sinh(iz), tan(z) = -i tanh(iz), as CPython computes them. */
        double sr, si;
        int32_t rc = pyaot_rt_c_func(code == 9 ? 15 : 17, -i, r, &sr, &si);
        if (rc != 0) {
            return rc;
        }
        *re = si;
        *im = -sr;
    } else if (code == 10) {
        /* cos(z) = cosh(iz). */
        int32_t rc = pyaot_rt_c_func(16, -i, r, re, im);
        if (rc != 0) {
            return rc;
        }
    } else {
        int32_t rc = pyaot_rt_c_func(code, r, i, re, im);
        if (rc != 0) {
            return rc;
        }
    }
    if (finite_in && (isinf(*re) || isinf(*im))) {
        int pole = (code == 5 || code == 7) ? (r == 0.0 && i == 0.0)
                   : code == 20             ? (i == 0.0 && fabs(r) == 1.0)
                   : code == 14             ? (r == 0.0 && fabs(i) == 1.0)
                                            : 0;
        return pyaot_raise_str(pole ? PYAOT_EXC_ValueError : PYAOT_EXC_OverflowError,
                               pole ? "math domain error" : "math range error");
    }
    if (!nan_in && (isnan(*re) || isnan(*im))) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, "math domain error");
    }
    return 0;
}

/* Python's `abs(z)`: hypot of the parts; OverflowError when finite parts overflow. */
PYAOT_HIDDEN int32_t pyaot_rt_c_abs_py(double r, double i, double *out)
{
    double a = hypot(r, i);
    if (isinf(a) && isfinite(r) && isfinite(i)) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, "absolute value too large");
    }
    *out = a;
    return 0;
}

/* `cmath.phase(z)` as CPython: NaN for a NaN part, the special angles of infinite parts, else
 * atan2 with the C library's errno turned into ValueError or OverflowError. */
PYAOT_HIDDEN int32_t pyaot_rt_c_phase_py(double r, double i, double *out)
{
    if (isnan(r) || isnan(i) || isinf(r) || isinf(i) || i == 0.0) {
        *out = atan2(i, r);
        return 0;
    }
    errno = 0;
    double p = atan2(i, r);
    if (errno == EDOM) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, "math domain error");
    }
    if (errno == ERANGE) {
        return pyaot_raise_str(PYAOT_EXC_OverflowError, "math range error");
    }
    *out = p;
    return 0;
}
