/* Matrix products through the BLAS that NumPy itself uses (OpenBLAS as packaged by the
 * scipy-openblas64 wheel, with 64-bit integers and `scipy_`-prefixed symbols).
 *
 * The library is not linked: the first product looks for a copy already loaded in the process
 * (NumPy's own, or the scipy_openblas64 package's) with dl_iterate_phdr, and takes cblas_dgemm and
 * cblas_sgemm from it. No Python API is used, so this runs with the GIL released. Without a BLAS
 * the helper returns 0 and the caller computes the product with its own loops.
 */

#include <dlfcn.h>
#include <link.h>

typedef void (*pyaot_dgemm_fn)(int, int, int, int64_t, int64_t, int64_t, double, const double *, int64_t,
                               const double *, int64_t, double, double *, int64_t);
typedef void (*pyaot_sgemm_fn)(int, int, int, int64_t, int64_t, int64_t, float, const float *, int64_t,
                               const float *, int64_t, float, float *, int64_t);

#define PYAOT_CBLAS_ROW_MAJOR 101
#define PYAOT_CBLAS_NO_TRANS 111
#define PYAOT_CBLAS_TRANS 112

static pyaot_dgemm_fn pyaot_blas_dgemm;
static pyaot_sgemm_fn pyaot_blas_sgemm;
static int pyaot_blas_state; /* 0 not looked for yet, 1 found, -1 absent */

static int pyaot_blas_find_cb(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    const char *name = info->dlpi_name;
    if (name == NULL || strstr(name, "libscipy_openblas64_") == NULL) {
        return 0;
    }
    void *h = dlopen(name, RTLD_NOW | RTLD_NOLOAD | RTLD_LOCAL);
    if (h == NULL) {
        return 0;
    }
    void *d = dlsym(h, "scipy_cblas_dgemm64_");
    void *s = dlsym(h, "scipy_cblas_sgemm64_");
    if (d == NULL || s == NULL) {
        dlclose(h);
        return 0;
    }
    /* The handle is kept: the library stays loaded for as long as the process runs. */
    *(void **)data = h;
    pyaot_blas_dgemm = (pyaot_dgemm_fn)d;
    pyaot_blas_sgemm = (pyaot_sgemm_fn)s;
    return 1;
}

static int pyaot_blas_available(void)
{
    int state = __atomic_load_n(&pyaot_blas_state, __ATOMIC_ACQUIRE);
    if (state == 0) {
        void *handle = NULL;
        state = dl_iterate_phdr(pyaot_blas_find_cb, &handle) ? 1 : -1;
        __atomic_store_n(&pyaot_blas_state, state, __ATOMIC_RELEASE);
    }
    return state > 0;
}

/* One operand as a BLAS matrix of `rows` x `cols` items of `size` bytes: row-major with a leading
 * dimension, or its transpose; else copied into `*copy` (freed by the caller). NULL when out of memory. */
static const char *pyaot_blas_operand(const char *data, int64_t s0, int64_t s1, int64_t rows, int64_t cols,
                                      int64_t size, int *trans, int64_t *ld, char **copy)
{
    int64_t min_ld = cols > 1 ? cols : 1, min_ld_t = rows > 1 ? rows : 1;
    if ((s1 == size || cols == 1) && s0 % size == 0 && s0 / size >= min_ld) {
        *trans = PYAOT_CBLAS_NO_TRANS;
        *ld = s0 / size;
        return data;
    }
    if ((s0 == size || rows == 1) && s1 % size == 0 && s1 / size >= min_ld_t) {
        *trans = PYAOT_CBLAS_TRANS;
        *ld = s1 / size;
        return data;
    }
    char *c = malloc((size_t)(rows * cols * size));
    if (c == NULL) {
        return NULL;
    }
    for (int64_t i = 0; i < rows; i++) {
        for (int64_t j = 0; j < cols; j++) {
            memcpy(c + (i * cols + j) * size, data + i * s0 + j * s1, (size_t)size);
        }
    }
    *copy = c;
    *trans = PYAOT_CBLAS_NO_TRANS;
    *ld = min_ld;
    return c;
}

/* `c = a @ b` for a (m x k), b (k x n) and a new C-contiguous c (m x n) of dtype f32 (9) or f64 (10),
 * strides in bytes: 1 when a BLAS computed it, 0 when none is loaded (c is untouched). */
PYAOT_HIDDEN int32_t pyaot_rt_blas_gemm(int64_t dtype, int64_t a, int64_t as0, int64_t as1, int64_t b,
                                        int64_t bs0, int64_t bs1, int64_t c, int64_t m, int64_t n,
                                        int64_t k, int8_t *out)
{
    *out = 0;
    if (!pyaot_blas_available()) {
        return 0;
    }
    *out = 1;
    if (m == 0 || n == 0) {
        return 0;
    }
    int64_t size = dtype == 9 ? 4 : 8;
    if (k == 0) {
        memset((void *)(uintptr_t)c, 0, (size_t)(m * n * size));
        return 0;
    }
    int ta, tb;
    int64_t lda, ldb;
    char *copy_a = NULL, *copy_b = NULL;
    const char *pa = pyaot_blas_operand((const char *)(uintptr_t)a, as0, as1, m, k, size, &ta, &lda, &copy_a);
    const char *pb = pyaot_blas_operand((const char *)(uintptr_t)b, bs0, bs1, k, n, size, &tb, &ldb, &copy_b);
    if (pa == NULL || pb == NULL) {
        free(copy_a);
        free(copy_b);
        return pyaot_raise_str(PYAOT_EXC_MemoryError, "cannot allocate a copy for a matrix product");
    }
    if (dtype == 9) {
        pyaot_blas_sgemm(PYAOT_CBLAS_ROW_MAJOR, ta, tb, m, n, k, 1.0f, (const float *)pa, lda,
                         (const float *)pb, ldb, 0.0f, (float *)(uintptr_t)c, n);
    } else {
        pyaot_blas_dgemm(PYAOT_CBLAS_ROW_MAJOR, ta, tb, m, n, k, 1.0, (const double *)pa, lda,
                         (const double *)pb, ldb, 0.0, (double *)(uintptr_t)c, n);
    }
    free(copy_a);
    free(copy_b);
    return 0;
}
