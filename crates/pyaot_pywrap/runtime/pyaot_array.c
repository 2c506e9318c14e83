/* pyaot runtime, NumPy part: array memory blocks, index errors and NumPy's scalar arithmetic.
 *
 * Pasted into every generated module after pyaot_rt.c; same ABI (0 = ok, 1 = error recorded).
 * These helpers never touch Python objects: compiled code may call them with the GIL released.
 *
 * An array's owner word is 0 (no owner), a borrowed argument buffer (low bit set; the wrapper's
 * record, never freed here), or a block made by pyaot_rt_array_alloc: a 64-byte header followed
 * by the data, so data == owner + 64 and the data is 64-byte aligned. Refcounts are not atomic:
 * only one thread touches a block while compiled code holds it.
 */

/* The header in front of a block's data. */
struct pyaot_block {
    int64_t refcount;
    int64_t kind;     /* PYAOT_KIND_ARRAY: the same word as a list's kind */
    void *raw;        /* what malloc returned (the block is aligned inside it) */
    int64_t nbytes;   /* size of the data */
    int64_t capacity; /* the data bytes the allocation can hold (>= nbytes when reused) */
};

/* The kinds of heap object a reference word can name; the word after the refcount says which. */
#define PYAOT_KIND_ARRAY 1
#define PYAOT_KIND_LIST 2

#define PYAOT_BLOCK_HEADER 64
#define PYAOT_BLOCK_ALIGN 64

_Static_assert(sizeof(struct pyaot_block) <= PYAOT_BLOCK_HEADER, "block header too big");

/* Freed large blocks kept for reuse. A new multi-megabyte array otherwise gets fresh pages from
 * the kernel, one page fault (microseconds) per 4 KiB, which costs more than computing it; NumPy's
 * arrays avoid this the same way through the allocator's reuse. At most a few blocks and 128 MiB
 * are kept; a block is reused for a size between two thirds of and its whole capacity. */
#define PYAOT_CACHE_SLOTS 8
#define PYAOT_CACHE_MIN_BYTES ((int64_t)64 << 10)
#define PYAOT_CACHE_MAX_BYTES ((int64_t)128 << 20)

static struct {
    void *raw;
    int64_t capacity;
} pyaot_cache[PYAOT_CACHE_SLOTS];
static int pyaot_cache_n;
static int64_t pyaot_cache_bytes;
static pthread_mutex_t pyaot_cache_lock = PTHREAD_MUTEX_INITIALIZER;

/* A cached allocation for nbytes of data (its capacity in *capacity), or NULL. */
static void *pyaot_cache_take(int64_t nbytes, int64_t *capacity)
{
    if (nbytes < PYAOT_CACHE_MIN_BYTES) {
        return NULL;
    }
    void *raw = NULL;
    pthread_mutex_lock(&pyaot_cache_lock);
    int best = -1;
    for (int i = 0; i < pyaot_cache_n; i++) {
        int64_t c = pyaot_cache[i].capacity;
        if (c >= nbytes && nbytes >= c / 3 * 2 && (best < 0 || c < pyaot_cache[best].capacity)) {
            best = i;
        }
    }
    if (best >= 0) {
        raw = pyaot_cache[best].raw;
        *capacity = pyaot_cache[best].capacity;
        pyaot_cache_bytes -= *capacity;
        pyaot_cache[best] = pyaot_cache[--pyaot_cache_n];
    }
    pthread_mutex_unlock(&pyaot_cache_lock);
    return raw;
}

/* Frees an allocation, or keeps it for reuse when it is large. */
static void pyaot_cache_give(void *raw, int64_t capacity)
{
    void *evicted = NULL;
    if (capacity >= PYAOT_CACHE_MIN_BYTES && capacity <= PYAOT_CACHE_MAX_BYTES) {
        pthread_mutex_lock(&pyaot_cache_lock);
        if (pyaot_cache_n == PYAOT_CACHE_SLOTS || pyaot_cache_bytes + capacity > PYAOT_CACHE_MAX_BYTES) {
            /* Make room by dropping the oldest block, if that is enough. */
            if (pyaot_cache_n > 0 && pyaot_cache_bytes - pyaot_cache[0].capacity + capacity <= PYAOT_CACHE_MAX_BYTES) {
                evicted = pyaot_cache[0].raw;
                pyaot_cache_bytes -= pyaot_cache[0].capacity;
                memmove(&pyaot_cache[0], &pyaot_cache[1], (size_t)(pyaot_cache_n - 1) * sizeof pyaot_cache[0]);
                pyaot_cache_n--;
            }
        }
        if (pyaot_cache_n < PYAOT_CACHE_SLOTS && pyaot_cache_bytes + capacity <= PYAOT_CACHE_MAX_BYTES) {
            pyaot_cache[pyaot_cache_n].raw = raw;
            pyaot_cache[pyaot_cache_n].capacity = capacity;
            pyaot_cache_n++;
            pyaot_cache_bytes += capacity;
            raw = NULL;
        }
        pthread_mutex_unlock(&pyaot_cache_lock);
    }
    free(evicted);
    free(raw);
}

static int32_t pyaot_block_new(int64_t nbytes, int zeroed, int64_t *out)
{
    /* Room for the header and for aligning the block start. */
    const int64_t extra = PYAOT_BLOCK_HEADER + PYAOT_BLOCK_ALIGN - 1;
    if (nbytes < 0 || nbytes > INT64_MAX - extra || (uint64_t)(nbytes + extra) > (uint64_t)SIZE_MAX) {
        return pyaot_raise_fmt(PYAOT_EXC_MemoryError, "Unable to allocate %lld bytes for an array",
                               (long long)nbytes);
    }
    int64_t capacity = nbytes;
    void *raw = pyaot_cache_take(nbytes, &capacity);
    int reused = raw != NULL;
    if (!reused) {
        size_t size = (size_t)(nbytes + extra);
        raw = zeroed ? calloc(1, size) : malloc(size);
    }
    if (raw == NULL) {
        return pyaot_raise_fmt(PYAOT_EXC_MemoryError, "Unable to allocate %lld bytes for an array",
                               (long long)nbytes);
    }
    uintptr_t start = ((uintptr_t)raw + PYAOT_BLOCK_ALIGN - 1) & ~(uintptr_t)(PYAOT_BLOCK_ALIGN - 1);
    struct pyaot_block *b = (struct pyaot_block *)start;
    b->refcount = 1;
    b->kind = PYAOT_KIND_ARRAY;
    b->raw = raw;
    b->nbytes = nbytes;
    b->capacity = capacity;
    if (reused && zeroed) {
        memset((char *)start + PYAOT_BLOCK_HEADER, 0, (size_t)nbytes);
    }
    *out = (int64_t)start;
    return 0;
}

/* Whether an owner word names a runtime block (not 0, not a borrowed buffer). */
static inline int pyaot_is_block(int64_t owner)
{
    return owner != 0 && (owner & 1) == 0;
}

/* With PYAOT_CHECK_BLOCKS set in the environment (the test suites set it), released blocks are
 * kept, marked dead, and any later use of one aborts: a reference counting error of compiled code
 * then fails deterministically instead of corrupting the heap now and then. */
#define PYAOT_DEAD_BLOCK INT64_MIN
static int pyaot_check_blocks;

static void pyaot_block_check(const struct pyaot_block *b)
{
    if (pyaot_check_blocks && b->refcount <= 0) {
        fprintf(stderr, "pyaot: an array block was used after its release (refcount %lld)\n",
                (long long)b->refcount);
        abort();
    }
}

/* Drops a reference to an array block (see pyaot_ref_decref for any reference). */
static void pyaot_block_decref(int64_t owner)
{
    if (!pyaot_is_block(owner)) {
        return;
    }
    struct pyaot_block *b = (struct pyaot_block *)(uintptr_t)owner;
    pyaot_block_check(b);
    if (--b->refcount == 0) {
        if (pyaot_check_blocks) {
            b->refcount = PYAOT_DEAD_BLOCK;
            return;
        }
        pyaot_cache_give(b->raw, b->capacity);
    }
}

/* A new block of nbytes uninitialised bytes, refcount 1. */
PYAOT_HIDDEN int32_t pyaot_rt_array_alloc(int64_t nbytes, int64_t *out)
{
    return pyaot_block_new(nbytes, 0, out);
}

/* A new block of nbytes zero bytes (calloc: large blocks come as untouched zero pages). */
PYAOT_HIDDEN int32_t pyaot_rt_array_alloc_zeroed(int64_t nbytes, int64_t *out)
{
    return pyaot_block_new(nbytes, 1, out);
}

/* Always fails, with NumPy's message for an index outside an axis. */
PYAOT_HIDDEN int32_t pyaot_rt_index_error(int64_t index, int64_t axis, int64_t size, int64_t *out)
{
    *out = 0;
    return pyaot_raise_fmt(PYAOT_EXC_IndexError, "index %lld is out of bounds for axis %lld with size %lld",
                           (long long)index, (long long)axis, (long long)size);
}

/* ---- NumPy float floor_divide and remainder (npy_divmod in npy_math_internal.h) ---- */

#define PYAOT_NP_DIVMOD(NAME, T, FMOD, FLOOR, COPYSIGN)                      \
    static T NAME(T a, T b, T *modulus)                                      \
    {                                                                        \
        T mod = FMOD(a, b);                                                  \
        if (!b) {                                                            \
            *modulus = mod;                                                  \
            return a / b;                                                    \
        }                                                                    \
        T div = (a - mod) / b;                                               \
        if (mod) {                                                           \
            if (isless(b, (T)0) != isless(mod, (T)0)) {                      \
                mod += b;                                                    \
                div -= (T)1;                                                 \
            }                                                                \
        } else {                                                             \
            mod = COPYSIGN((T)0, b);                                         \
        }                                                                    \
        T floordiv;                                                          \
        if (div) {                                                           \
            floordiv = FLOOR(div);                                           \
            if (isgreater(div - floordiv, (T)0.5)) {                         \
                floordiv += (T)1;                                            \
            }                                                                \
        } else {                                                             \
            floordiv = COPYSIGN((T)0, a / b);                                \
        }                                                                    \
        *modulus = mod;                                                      \
        return floordiv;                                                     \
    }

PYAOT_NP_DIVMOD(pyaot_np_divmod_f64, double, fmod, floor, copysign)
PYAOT_NP_DIVMOD(pyaot_np_divmod_f32, float, fmodf, floorf, copysignf)

/* `a // b` of float64 as NumPy: division by zero gives inf or nan, never an error. */
PYAOT_HIDDEN int32_t pyaot_rt_np_floordiv_f64(double a, double b, double *out)
{
    double mod;
    *out = b ? pyaot_np_divmod_f64(a, b, &mod) : a / b;
    return 0;
}

/* `a % b` of float64 as NumPy: the sign of b; x % 0.0 is nan. */
PYAOT_HIDDEN int32_t pyaot_rt_np_mod_f64(double a, double b, double *out)
{
    double mod = fmod(a, b);
    if (b) {
        pyaot_np_divmod_f64(a, b, &mod);
    }
    *out = mod;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_np_floordiv_f32(float a, float b, float *out)
{
    float mod;
    *out = b ? pyaot_np_divmod_f32(a, b, &mod) : a / b;
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_np_mod_f32(float a, float b, float *out)
{
    float mod = fmodf(a, b);
    if (b) {
        pyaot_np_divmod_f32(a, b, &mod);
    }
    *out = mod;
    return 0;
}

/* `a ** b` of int64 as NumPy: wrapping; a negative exponent raises ValueError. */
/* NumPy's float64 power: the C library's pow, with no error checks. */
PYAOT_HIDDEN int32_t pyaot_rt_np_pow_f64(double a, double b, double *out)
{
    *out = pow(a, b);
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_np_pow_f32(float a, float b, float *out)
{
    *out = powf(a, b);
    return 0;
}

/* base ** exponent modulo 2**64, by repeated squaring. */
static uint64_t pyaot_wrapping_pow(uint64_t base, uint64_t exponent)
{
    uint64_t result = 1;
    while (exponent > 0) {
        if (exponent & 1) {
            result *= base;
        }
        base *= base;
        exponent >>= 1;
    }
    return result;
}

PYAOT_HIDDEN int32_t pyaot_rt_np_uint_pow(int64_t a, int64_t b, int64_t *out)
{
    *out = (int64_t)pyaot_wrapping_pow((uint64_t)a, (uint64_t)b);
    return 0;
}

PYAOT_HIDDEN int32_t pyaot_rt_np_int_pow(int64_t a, int64_t b, int64_t *out)
{
    if (b < 0) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, "Integers to negative integer powers are not allowed.");
    }
    *out = (int64_t)pyaot_wrapping_pow((uint64_t)a, (uint64_t)b);
    return 0;
}
