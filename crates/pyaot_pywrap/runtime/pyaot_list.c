/* pyaot runtime, lists: the list object, reference counting of every heap object, and the list
 * operations compiled code calls.
 *
 * Pasted into every generated module after pyaot_array.c; same ABI (0 = ok, 1 = error recorded).
 * These helpers never touch Python objects: compiled code may call them with the GIL released.
 *
 * A list is a header (below) and a separate item buffer. An item is one or more 8-byte leaf
 * words, in the order of the item type's flattened leaves (a bool in the word's first byte);
 * `refmask` marks the leaves that are references the list owns (items that are lists).
 * Compiled code reads `len` and `items` itself, at the offsets fixed in pyaot_mir's `list`
 * module, and calls the helpers below for everything that changes the length.
 */

struct pyaot_list {
    int64_t refcount;  /* 0 */
    int64_t kind;      /* 8: PYAOT_KIND_LIST */
    int64_t len;       /* 16 */
    char *items;       /* 24 */
    int64_t cap;       /* 32: items the buffer holds */
    int64_t itemsize;  /* 40: bytes per item, 8 per leaf */
    uint64_t refmask;  /* 48: the leaves that are references */
    int64_t dirty;     /* 56: set by every change, so an unchanged argument is not written back */
};

_Static_assert(offsetof(struct pyaot_list, len) == 16, "list layout");
_Static_assert(offsetof(struct pyaot_list, items) == 24, "list layout");
_Static_assert(offsetof(struct pyaot_list, dirty) == 56, "list layout");

static void pyaot_ref_decref(int64_t ref);
static void pyaot_pyobj_incref(int64_t ref);
static void pyaot_pyobj_decref(int64_t ref);

static void pyaot_ref_incref(int64_t ref)
{
    if (!pyaot_is_block(ref)) {
        return;
    }
    int64_t *obj = (int64_t *)(uintptr_t)ref;
    if (obj[1] != PYAOT_KIND_ARRAY && obj[1] != PYAOT_KIND_LIST) {
        /* A CPython object (a string): the word after its refcount is its type. */
        pyaot_pyobj_incref(ref);
        return;
    }
    if (pyaot_check_blocks && obj[0] <= 0) {
        fprintf(stderr, "pyaot: a heap object was used after its release (refcount %lld)\n",
                (long long)obj[0]);
        abort();
    }
    obj[0]++;
}

/* Takes or drops a reference to each reference leaf of n items starting at p. */
static void pyaot_items_count(const struct pyaot_list *l, char *p, int64_t n, int take)
{
    if (l->refmask == 0) {
        return;
    }
    int64_t words = l->itemsize / 8;
    for (int64_t i = 0; i < n; i++) {
        int64_t *item = (int64_t *)(p + i * l->itemsize);
        for (int64_t k = 0; k < words && k < 64; k++) {
            if (l->refmask >> k & 1) {
                if (take) {
                    pyaot_ref_incref(item[k]);
                } else {
                    pyaot_ref_decref(item[k]);
                }
            }
        }
    }
}

static void pyaot_list_free(struct pyaot_list *l)
{
    pyaot_items_count(l, l->items, l->len, 0);
    free(l->items);
    if (pyaot_check_blocks) {
        l->refcount = PYAOT_DEAD_BLOCK;
        l->items = NULL;
        l->len = 0;
        return;
    }
    free(l);
}

static void pyaot_ref_decref(int64_t ref)
{
    if (!pyaot_is_block(ref)) {
        return;
    }
    int64_t *obj = (int64_t *)(uintptr_t)ref;
    if (obj[1] == PYAOT_KIND_ARRAY) {
        pyaot_block_decref(ref);
        return;
    }
    if (obj[1] != PYAOT_KIND_LIST) {
        pyaot_pyobj_decref(ref);
        return;
    }
    if (pyaot_check_blocks && obj[0] <= 0) {
        fprintf(stderr, "pyaot: a heap object was used after its release (refcount %lld)\n",
                (long long)obj[0]);
        abort();
    }
    if (--obj[0] == 0) {
        pyaot_list_free((struct pyaot_list *)obj);
    }
}

/* Takes a reference to any heap object (array block or list); no-op for 0 and borrows. */
PYAOT_HIDDEN int32_t pyaot_rt_incref(int64_t ref, int64_t *out)
{
    pyaot_ref_incref(ref);
    *out = ref;
    return 0;
}

/* Drops a reference, freeing the object (and what a list holds) at zero. */
PYAOT_HIDDEN int32_t pyaot_rt_decref(int64_t ref, int64_t *out)
{
    pyaot_ref_decref(ref);
    *out = 0;
    return 0;
}

static int32_t pyaot_list_nomem(void)
{
    return pyaot_raise_str(PYAOT_EXC_MemoryError, NULL);
}

/* Makes room for `need` items in total (keeping the contents). */
static int32_t pyaot_list_reserve(struct pyaot_list *l, int64_t need)
{
    if (need <= l->cap) {
        return 0;
    }
    int64_t cap = l->cap < 4 ? 4 : l->cap;
    while (cap < need) {
        if (cap > INT64_MAX / 2) {
            cap = need;
            break;
        }
        cap += cap / 2 + 1;
    }
    if (cap > INT64_MAX / l->itemsize || (uint64_t)(cap * l->itemsize) > (uint64_t)SIZE_MAX / 2) {
        return pyaot_list_nomem();
    }
    char *items = realloc(l->items, (size_t)(cap * l->itemsize));
    if (items == NULL) {
        return pyaot_list_nomem();
    }
    memset(items + l->cap * l->itemsize, 0, (size_t)((cap - l->cap) * l->itemsize));
    l->items = items;
    l->cap = cap;
    return 0;
}

static struct pyaot_list *pyaot_list_make(int64_t itemsize, uint64_t refmask, int64_t n)
{
    if (n < 0) {
        n = 0;
    }
    struct pyaot_list *l = calloc(1, sizeof *l);
    if (l == NULL) {
        pyaot_list_nomem();
        return NULL;
    }
    l->refcount = 1;
    l->kind = PYAOT_KIND_LIST;
    l->itemsize = itemsize;
    l->refmask = refmask;
    if (pyaot_list_reserve(l, n) != 0) {
        free(l);
        return NULL;
    }
    l->len = n;
    return l;
}

/* A new list of n zeroed items of `words` leaves each (refmask: the reference leaves). */
PYAOT_HIDDEN int32_t pyaot_rt_list_new(int64_t words, int64_t refmask, int64_t n, int64_t *out)
{
    struct pyaot_list *l = pyaot_list_make(words * 8, (uint64_t)refmask, n);
    if (l == NULL) {
        return 1;
    }
    *out = (int64_t)(uintptr_t)l;
    return 0;
}

/* Appends one zeroed item and gives its address, for compiled code to store the leaves. */
PYAOT_HIDDEN int32_t pyaot_rt_list_push(int64_t list, int64_t *out)
{
    struct pyaot_list *l = (struct pyaot_list *)(uintptr_t)list;
    l->dirty = 1;
    if (l->len == l->cap && pyaot_list_reserve(l, l->len + 1) != 0) {
        return 1;
    }
    char *slot = l->items + l->len * l->itemsize;
    memset(slot, 0, (size_t)l->itemsize);
    l->len++;
    *out = (int64_t)(uintptr_t)slot;
    return 0;
}

/* `list.insert(i, x)`: opens a zeroed item at i as CPython places it (negative from the end,
 * clamped to the ends) and gives its address. */
PYAOT_HIDDEN int32_t pyaot_rt_list_insert(int64_t list, int64_t i, int64_t *out)
{
    struct pyaot_list *l = (struct pyaot_list *)(uintptr_t)list;
    l->dirty = 1;
    if (l->len == l->cap && pyaot_list_reserve(l, l->len + 1) != 0) {
        return 1;
    }
    if (i < 0) {
        i += l->len;
        if (i < 0) {
            i = 0;
        }
    }
    if (i > l->len) {
        i = l->len;
    }
    char *slot = l->items + i * l->itemsize;
    memmove(slot + l->itemsize, slot, (size_t)((l->len - i) * l->itemsize));
    memset(slot, 0, (size_t)l->itemsize);
    l->len++;
    *out = (int64_t)(uintptr_t)slot;
    return 0;
}

/* Removes item i (0 <= i < len) without dropping what it holds: the caller took it. */
PYAOT_HIDDEN int32_t pyaot_rt_list_remove(int64_t list, int64_t i, int64_t *out)
{
    struct pyaot_list *l = (struct pyaot_list *)(uintptr_t)list;
    l->dirty = 1;
    char *slot = l->items + i * l->itemsize;
    memmove(slot, slot + l->itemsize, (size_t)((l->len - i - 1) * l->itemsize));
    l->len--;
    memset(l->items + l->len * l->itemsize, 0, (size_t)l->itemsize);
    *out = 0;
    return 0;
}

/* `list.clear()`. */
PYAOT_HIDDEN int32_t pyaot_rt_list_clear(int64_t list, int64_t *out)
{
    struct pyaot_list *l = (struct pyaot_list *)(uintptr_t)list;
    l->dirty = 1;
    int64_t n = l->len;
    l->len = 0;
    pyaot_items_count(l, l->items, n, 0);
    memset(l->items, 0, (size_t)(n * l->itemsize));
    *out = 0;
    return 0;
}

/* `list.reverse()`. */
PYAOT_HIDDEN int32_t pyaot_rt_list_reverse(int64_t list, int64_t *out)
{
    struct pyaot_list *l = (struct pyaot_list *)(uintptr_t)list;
    l->dirty = 1;
    char tmp[512];
    int64_t size = l->itemsize;
    for (int64_t i = 0, j = l->len - 1; i < j; i++, j--) {
        char *a = l->items + i * size, *b = l->items + j * size;
        for (int64_t off = 0; off < size; off += (int64_t)sizeof tmp) {
            size_t chunk = (size_t)(size - off < (int64_t)sizeof tmp ? size - off : (int64_t)sizeof tmp);
            memcpy(tmp, a + off, chunk);
            memcpy(a + off, b + off, chunk);
            memcpy(b + off, tmp, chunk);
        }
    }
    *out = 0;
    return 0;
}

/* The bits of a slice's flags: which of start, stop and step were omitted (None). */
#define PYAOT_SLICE_NO_START 1
#define PYAOT_SLICE_NO_STOP 2
#define PYAOT_SLICE_NO_STEP 4

/* Python's slice.indices(len): the first index, step and number of items; step 0 raises. */
static int32_t pyaot_slice_adjust(int64_t len, int64_t start, int64_t stop, int64_t step,
                                  int64_t flags, int64_t *first, int64_t *stepout, int64_t *count)
{
    if (flags & PYAOT_SLICE_NO_STEP) {
        step = 1;
    }
    if (step == 0) {
        return pyaot_raise_str(PYAOT_EXC_ValueError, "slice step cannot be zero");
    }
    if (step < -INT64_MAX) {
        step = -INT64_MAX;
    }
    if (flags & PYAOT_SLICE_NO_START) {
        start = step < 0 ? INT64_MAX : 0;
    }
    if (flags & PYAOT_SLICE_NO_STOP) {
        stop = step < 0 ? INT64_MIN : INT64_MAX;
    }
    if (start < 0) {
        start += len;
        if (start < 0) {
            start = step < 0 ? -1 : 0;
        }
    } else if (start >= len) {
        start = step < 0 ? len - 1 : len;
    }
    if (stop < 0) {
        stop += len;
        if (stop < 0) {
            stop = step < 0 ? -1 : 0;
        }
    } else if (stop >= len) {
        stop = step < 0 ? len - 1 : len;
    }
    int64_t n = 0;
    if (step < 0) {
        if (stop < start) {
            n = (int64_t)(((uint64_t)(start - stop) - 1) / (uint64_t)(-step) + 1);
        }
    } else if (start < stop) {
        n = (int64_t)(((uint64_t)(stop - start) - 1) / (uint64_t)step + 1);
    }
    *first = start;
    *stepout = step;
    *count = n;
    return 0;
}

/* `l[start:stop:step]`: a new list; flags says which bounds were omitted. */
PYAOT_HIDDEN int32_t pyaot_rt_list_slice(int64_t list, int64_t start, int64_t stop, int64_t step,
                                         int64_t flags, int64_t *out)
{
    struct pyaot_list *l = (struct pyaot_list *)(uintptr_t)list;
    int64_t first, st, n;
    if (pyaot_slice_adjust(l->len, start, stop, step, flags, &first, &st, &n) != 0) {
        return 1;
    }
    struct pyaot_list *r = pyaot_list_make(l->itemsize, l->refmask, n);
    if (r == NULL) {
        return 1;
    }
    for (int64_t i = 0; i < n; i++) {
        memcpy(r->items + i * l->itemsize, l->items + (first + i * st) * l->itemsize,
               (size_t)l->itemsize);
    }
    pyaot_items_count(r, r->items, n, 1);
    *out = (int64_t)(uintptr_t)r;
    return 0;
}

/* `a + b`: a new list. */
PYAOT_HIDDEN int32_t pyaot_rt_list_concat(int64_t a, int64_t b, int64_t *out)
{
    struct pyaot_list *x = (struct pyaot_list *)(uintptr_t)a, *y = (struct pyaot_list *)(uintptr_t)b;
    struct pyaot_list *r = pyaot_list_make(x->itemsize, x->refmask, x->len + y->len);
    if (r == NULL) {
        return 1;
    }
    memcpy(r->items, x->items, (size_t)(x->len * x->itemsize));
    memcpy(r->items + x->len * x->itemsize, y->items, (size_t)(y->len * y->itemsize));
    pyaot_items_count(r, r->items, r->len, 1);
    *out = (int64_t)(uintptr_t)r;
    return 0;
}

/* `a * n` (n <= 0 gives an empty list). */
PYAOT_HIDDEN int32_t pyaot_rt_list_repeat(int64_t a, int64_t n, int64_t *out)
{
    struct pyaot_list *x = (struct pyaot_list *)(uintptr_t)a;
    if (n < 0) {
        n = 0;
    }
    if (x->len > 0 && n > INT64_MAX / x->len) {
        return pyaot_list_nomem();
    }
    struct pyaot_list *r = pyaot_list_make(x->itemsize, x->refmask, x->len * n);
    if (r == NULL) {
        return 1;
    }
    int64_t bytes = x->len * x->itemsize;
    for (int64_t i = 0; i < n; i++) {
        memcpy(r->items + i * bytes, x->items, (size_t)bytes);
    }
    pyaot_items_count(r, r->items, r->len, 1);
    *out = (int64_t)(uintptr_t)r;
    return 0;
}

/* `a.extend(b)` and `a += b` (b may be a itself). */
PYAOT_HIDDEN int32_t pyaot_rt_list_extend(int64_t a, int64_t b, int64_t *out)
{
    struct pyaot_list *x = (struct pyaot_list *)(uintptr_t)a, *y = (struct pyaot_list *)(uintptr_t)b;
    x->dirty = 1;
    int64_t n = y->len;
    if (pyaot_list_reserve(x, x->len + n) != 0) {
        return 1;
    }
    char *dst = x->items + x->len * x->itemsize;
    memmove(dst, y->items, (size_t)(n * y->itemsize));
    pyaot_items_count(x, dst, n, 1);
    x->len += n;
    *out = 0;
    return 0;
}

/* `a[start:stop:step] = b`, with CPython's rules: a plain slice takes any length (b may be a),
 * an extended slice needs as many items as it selects. */
PYAOT_HIDDEN int32_t pyaot_rt_list_set_slice(int64_t a, int64_t start, int64_t stop, int64_t step,
                                             int64_t flags, int64_t b, int64_t *out)
{
    struct pyaot_list *x = (struct pyaot_list *)(uintptr_t)a, *y = (struct pyaot_list *)(uintptr_t)b;
    x->dirty = 1;
    int64_t first, st, n;
    if (pyaot_slice_adjust(x->len, start, stop, step, flags, &first, &st, &n) != 0) {
        return 1;
    }
    *out = 0;
    int64_t size = x->itemsize;
    /* The new items, counted, before anything of a changes (b may be a). */
    int64_t m = y->len;
    char *copy = malloc((size_t)(m * size) + 1);
    if (copy == NULL) {
        return pyaot_list_nomem();
    }
    memcpy(copy, y->items, (size_t)(m * size));
    if (st != 1) {
        if (m != n) {
            free(copy);
            return pyaot_raise_fmt(PYAOT_EXC_ValueError,
                                   "attempt to assign sequence of size %lld to extended slice of size %lld",
                                   (long long)m, (long long)n);
        }
        pyaot_items_count(x, copy, m, 1);
        for (int64_t i = 0; i < n; i++) {
            char *slot = x->items + (first + i * st) * size;
            pyaot_items_count(x, slot, 1, 0);
            memcpy(slot, copy + i * size, (size_t)size);
        }
        free(copy);
        return 0;
    }
    /* A plain slice: [first, first + n) becomes the m new items. */
    if (m > n && pyaot_list_reserve(x, x->len + (m - n)) != 0) {
        free(copy);
        return 1;
    }
    pyaot_items_count(x, copy, m, 1);
    char *old = malloc((size_t)(n * size) + 1);
    if (old == NULL) {
        pyaot_items_count(x, copy, m, 0);
        free(copy);
        return pyaot_list_nomem();
    }
    char *at = x->items + first * size;
    memcpy(old, at, (size_t)(n * size));
    memmove(at + m * size, at + n * size, (size_t)((x->len - first - n) * size));
    memcpy(at, copy, (size_t)(m * size));
    x->len += m - n;
    if (n > m) {
        memset(x->items + x->len * size, 0, (size_t)((n - m) * size));
    }
    pyaot_items_count(x, old, n, 0);
    free(old);
    free(copy);
    return 0;
}

/* `del a[start:stop:step]`. */
PYAOT_HIDDEN int32_t pyaot_rt_list_del_slice(int64_t a, int64_t start, int64_t stop, int64_t step,
                                             int64_t flags, int64_t *out)
{
    struct pyaot_list *x = (struct pyaot_list *)(uintptr_t)a;
    x->dirty = 1;
    int64_t first, st, n;
    if (pyaot_slice_adjust(x->len, start, stop, step, flags, &first, &st, &n) != 0) {
        return 1;
    }
    *out = 0;
    if (n == 0) {
        return 0;
    }
    int64_t size = x->itemsize;
    if (st < 0) {
        /* The same items walked forwards. */
        first += (n - 1) * st;
        st = -st;
    }
    char *removed = malloc((size_t)(n * size));
    if (removed == NULL) {
        return pyaot_list_nomem();
    }
    int64_t w = first, k = 0;
    for (int64_t r = first; r < x->len; r++) {
        char *src = x->items + r * size;
        if (k < n && r == first + k * st) {
            memcpy(removed + k * size, src, (size_t)size);
            k++;
        } else {
            memmove(x->items + w * size, src, (size_t)size);
            w++;
        }
    }
    memset(x->items + w * size, 0, (size_t)((x->len - w) * size));
    x->len = w;
    pyaot_items_count(x, removed, n, 0);
    free(removed);
    return 0;
}
