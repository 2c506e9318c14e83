"""The list methods and comparisons that pyaot compiles from Python source.

Each function is specialised for the item type of the list it is called with. They compare
items as CPython's list does: an item is found when it is the same object or equal to the value,
and the first pair of unequal items decides an ordering. This file is compiled, never imported.
"""


def _list_contains(xs, x):
    """`x in xs`."""
    for i in range(len(xs)):
        if xs[i] == x:
            return True
    return False


def _list_index(xs, x):
    """`xs.index(x)`."""
    for i in range(len(xs)):
        if xs[i] == x:
            return i
    raise ValueError("list.index(x): x not in list")


def _tuple_index(xs, x):
    """`t.index(x)` of a tuple[T, ...]."""
    for i in range(len(xs)):
        if xs[i] == x:
            return i
    raise ValueError("tuple.index(x): x not in tuple")


def _list_count(xs, x):
    """`xs.count(x)`."""
    n = 0
    for i in range(len(xs)):
        if xs[i] == x:
            n += 1
    return n


def _list_remove(xs, x):
    """`xs.remove(x)`."""
    for i in range(len(xs)):
        if xs[i] == x:
            del xs[i]
            return
    raise ValueError("list.remove(x): x not in list")


def _list_eq(a, b):
    """`a == b`."""
    if len(a) != len(b):
        return False
    for i in range(len(a)):
        if not (a[i] == b[i]):
            return False
    return True


def _list_first_difference(a, b):
    """The first index where the items differ, or the shorter length."""
    n = min(len(a), len(b))
    for i in range(n):
        if not (a[i] == b[i]):
            return i
    return n


def _list_lt(a, b):
    """`a < b`."""
    i = _list_first_difference(a, b)
    if i < len(a) and i < len(b):
        return a[i] < b[i]
    return len(a) < len(b)


def _list_le(a, b):
    """`a <= b`."""
    i = _list_first_difference(a, b)
    if i < len(a) and i < len(b):
        return a[i] <= b[i]
    return len(a) <= len(b)


def _list_gt(a, b):
    """`a > b`."""
    i = _list_first_difference(a, b)
    if i < len(a) and i < len(b):
        return a[i] > b[i]
    return len(a) > len(b)


def _list_ge(a, b):
    """`a >= b`."""
    i = _list_first_difference(a, b)
    if i < len(a) and i < len(b):
        return a[i] >= b[i]
    return len(a) >= len(b)


def _binary_insertion(keys, order, lo, hi, start):
    """Sorts order[lo:hi] by keys given that order[lo:start] is sorted; each next position goes
    after the positions of equal keys."""
    if lo == start:
        start += 1
    while start < hi:
        pivot = order[start]
        left = lo
        right = start
        while left < right:
            p = left + ((right - left) >> 1)
            if keys[pivot] < keys[order[p]]:
                right = p
            else:
                left = p + 1
        p = start
        while p > left:
            order[p] = order[p - 1]
            p -= 1
        order[left] = pivot
        start += 1


def _reverse_range(xs, lo, hi):
    """Reverses xs[lo:hi] in place."""
    hi -= 1
    while lo < hi:
        t = xs[lo]
        xs[lo] = xs[hi]
        xs[hi] = t
        lo += 1
        hi -= 1


def _merge(keys, order, tmp, lo, mid, hi):
    """Merges the sorted order[lo:mid] and order[mid:hi], taking from the left on ties."""
    for k in range(lo, mid):
        tmp[k] = order[k]
    i = lo
    j = mid
    k = lo
    while i < mid and j < hi:
        if keys[order[j]] < keys[tmp[i]]:
            order[k] = order[j]
            j += 1
        else:
            order[k] = tmp[i]
            i += 1
        k += 1
    while i < mid:
        order[k] = tmp[i]
        i += 1
        k += 1


def _sorted_order(keys, reverse):
    """The positions of `keys` in sorted order: stable, and with `reverse` stable too (CPython
    reverses, sorts and reverses back). Short lists go through the same comparisons as CPython's
    sort (a leading run, then binary insertion), so even NaNs land where CPython puts them."""
    n = len(keys)
    order = [i for i in range(n)]
    if reverse:
        _reverse_range(order, 0, n)
    if n >= 2:
        if n < 64:
            run = 2
            if keys[order[1]] < keys[order[0]]:
                while run < n and keys[order[run]] < keys[order[run - 1]]:
                    run += 1
                _reverse_range(order, 0, run)
            else:
                while run < n and not (keys[order[run]] < keys[order[run - 1]]):
                    run += 1
            _binary_insertion(keys, order, 0, n, run)
        else:
            width = 32
            lo = 0
            while lo < n:
                _binary_insertion(keys, order, lo, min(lo + width, n), lo)
                lo += width
            tmp = order.copy()
            while width < n:
                lo = 0
                while lo + width < n:
                    _merge(keys, order, tmp, lo, lo + width, min(lo + 2 * width, n))
                    lo += 2 * width
                width *= 2
    if reverse:
        _reverse_range(order, 0, n)
    return order


def _list_sort(xs, reverse):
    """`xs.sort(reverse=...)`: the items are their own keys."""
    _list_sort_keyed(xs, xs, reverse)


def _list_sort_keyed(xs, keys, reverse):
    """`xs.sort(key=..., reverse=...)` with the keys already computed, one per item, in order."""
    order = _sorted_order(keys, reverse)
    old = xs.copy()
    for i in range(len(order)):
        xs[i] = old[order[i]]
