/* NumPy's float functions: the C library's function of the same precision, never an error
 * (domain errors give NaN, overflow an infinity, as NumPy). */

#define PYAOT_NP_UNARY(name, cfn) \
    PYAOT_HIDDEN int32_t pyaot_rt_np_##name##_f64(double x, double *out) { *out = cfn(x); return 0; } \
    PYAOT_HIDDEN int32_t pyaot_rt_np_##name##_f32(float x, float *out) { *out = cfn##f(x); return 0; }

#define PYAOT_NP_BINARY(name, cfn) \
    PYAOT_HIDDEN int32_t pyaot_rt_np_##name##_f64(double a, double b, double *out) { *out = cfn(a, b); return 0; } \
    PYAOT_HIDDEN int32_t pyaot_rt_np_##name##_f32(float a, float b, float *out) { *out = cfn##f(a, b); return 0; }

PYAOT_NP_UNARY(cbrt, cbrt)
PYAOT_NP_UNARY(exp, exp)
PYAOT_NP_UNARY(exp2, exp2)
PYAOT_NP_UNARY(expm1, expm1)
PYAOT_NP_UNARY(log, log)
PYAOT_NP_UNARY(log2, log2)
PYAOT_NP_UNARY(log10, log10)
PYAOT_NP_UNARY(log1p, log1p)
PYAOT_NP_UNARY(sin, sin)
PYAOT_NP_UNARY(cos, cos)
PYAOT_NP_UNARY(tan, tan)
PYAOT_NP_UNARY(arcsin, asin)
PYAOT_NP_UNARY(arccos, acos)
PYAOT_NP_UNARY(arctan, atan)
PYAOT_NP_UNARY(sinh, sinh)
PYAOT_NP_UNARY(cosh, cosh)
PYAOT_NP_UNARY(tanh, tanh)
PYAOT_NP_UNARY(arcsinh, asinh)
PYAOT_NP_UNARY(arccosh, acosh)
PYAOT_NP_UNARY(arctanh, atanh)
PYAOT_NP_BINARY(arctan2, atan2)
PYAOT_NP_BINARY(hypot, hypot)

/* NumPy's fmax and fmin (NaN-ignoring); equal values, such as 0.0 and -0.0, give the second
 * operand, as NumPy's array loops do. */
PYAOT_HIDDEN int32_t pyaot_rt_np_fmax_f64(double a, double b, double *out) { *out = (a > b || isnan(b)) ? a : b; return 0; }
PYAOT_HIDDEN int32_t pyaot_rt_np_fmax_f32(float a, float b, float *out) { *out = (a > b || isnan(b)) ? a : b; return 0; }
PYAOT_HIDDEN int32_t pyaot_rt_np_fmin_f64(double a, double b, double *out) { *out = (a < b || isnan(b)) ? a : b; return 0; }
PYAOT_HIDDEN int32_t pyaot_rt_np_fmin_f32(float a, float b, float *out) { *out = (a < b || isnan(b)) ? a : b; return 0; }
