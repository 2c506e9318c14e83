/* The kernels of kernels.py, loop for loop, in C.
 *
 * Built by driver.py twice, with `gcc -O3 -march=native -ffp-contract=off -shared -fPIC` (the
 * vectorising reference) and with `gcc -O2 -fno-tree-vectorize -ffp-contract=off -shared -fPIC`
 * (the non-vectorising one), and called through ctypes. Arrays are C-contiguous; outputs that the Python versions allocate are
 * allocated by the caller (NumPy) here, except sieve's scratch array, which C allocates itself.
 * -ffp-contract=off keeps a * b + c as two rounded operations, as in Python, so float results
 * (and mandelbrot's escape counts) can be compared with Numba and pyaot.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#define SOFTENING 1e-3

double dot(const double *x, const double *y, int64_t n) {
    double total = 0.0;
    for (int64_t i = 0; i < n; i++) total += x[i] * y[i];
    return total;
}

void axpy(double a, const double *x, double *y, int64_t n) {
    for (int64_t i = 0; i < n; i++) y[i] += a * x[i];
}

double variance(const double *x, int64_t n) {
    double mean = 0.0;
    for (int64_t i = 0; i < n; i++) mean += x[i];
    mean = mean / (double)n;
    double acc = 0.0;
    for (int64_t i = 0; i < n; i++) {
        double d = x[i] - mean;
        acc += d * d;
    }
    return acc / (double)n;
}

void prefix_sum(const double *x, double *out, int64_t n) {
    double total = 0.0;
    for (int64_t i = 0; i < n; i++) {
        total += x[i];
        out[i] = total;
    }
}

void conv1d(const double *x, int64_t n, const double *k, int64_t m, double *out) {
    for (int64_t i = 0; i < n - m + 1; i++) {
        double acc = 0.0;
        for (int64_t j = 0; j < m; j++) acc += x[i + j] * k[j];
        out[i] = acc;
    }
}

void histogram(const double *x, int64_t n, double lo, double hi, int64_t nbins, int64_t *counts) {
    double scale = (double)nbins / (hi - lo);
    for (int64_t i = 0; i < n; i++) {
        double v = x[i];
        if (v >= lo && v < hi) {
            int64_t b = (int64_t)((v - lo) * scale);
            if (b < nbins) counts[b] += 1;
        }
    }
}

int64_t sieve(int64_t n) {
    int64_t *composite = calloc((size_t)(n + 1), sizeof(int64_t));
    if (!composite) return -1;
    int64_t count = 0;
    for (int64_t i = 2; i <= n; i++) {
        if (composite[i] == 0) {
            count++;
            for (int64_t j = i * i; j <= n; j += i) composite[j] = 1;
        }
    }
    free(composite);
    return count;
}

void stencil5(const double *u, int64_t n, int64_t m, double *out) {
    for (int64_t i = 1; i < n - 1; i++)
        for (int64_t j = 1; j < m - 1; j++)
            out[i * m + j] = 0.25 * (u[(i - 1) * m + j] + u[(i + 1) * m + j] + u[i * m + j - 1] +
                                     u[i * m + j + 1]);
}

void matmul(const double *a, const double *b, int64_t n, int64_t p, int64_t m, double *c) {
    for (int64_t i = 0; i < n; i++)
        for (int64_t j = 0; j < m; j++) {
            double acc = 0.0;
            for (int64_t k = 0; k < p; k++) acc += a[i * p + k] * b[k * m + j];
            c[i * m + j] = acc;
        }
}

void mandelbrot(int64_t h, int64_t w, int64_t max_iter, int64_t *counts) {
    for (int64_t i = 0; i < h; i++) {
        double y0 = -1.2 + 2.4 * (double)i / (double)h;
        for (int64_t j = 0; j < w; j++) {
            double x0 = -2.0 + 3.0 * (double)j / (double)w;
            double x = 0.0, y = 0.0;
            int64_t it = 0;
            while (it < max_iter && x * x + y * y <= 4.0) {
                double xt = x * x - y * y + x0;
                y = 2.0 * x * y + y0;
                x = xt;
                it++;
            }
            counts[i * w + j] = it;
        }
    }
}

void nbody_accel(const double *pos, const double *mass, int64_t n, double *acc) {
    for (int64_t i = 0; i < n; i++) {
        double ax = 0.0, ay = 0.0, az = 0.0;
        for (int64_t j = 0; j < n; j++) {
            double dx = pos[j * 3 + 0] - pos[i * 3 + 0];
            double dy = pos[j * 3 + 1] - pos[i * 3 + 1];
            double dz = pos[j * 3 + 2] - pos[i * 3 + 2];
            double r2 = dx * dx + dy * dy + dz * dz + SOFTENING;
            double s = mass[j] / (r2 * sqrt(r2));
            ax += dx * s;
            ay += dy * s;
            az += dz * s;
        }
        acc[i * 3 + 0] = ax;
        acc[i * 3 + 1] = ay;
        acc[i * 3 + 2] = az;
    }
}

void matmul_ikj(const double *a, const double *b, int64_t n, int64_t p, int64_t m, double *c) {
    /* c is zeroed by the caller, like np.zeros in the Python version. */
    for (int64_t i = 0; i < n; i++)
        for (int64_t k = 0; k < p; k++)
            for (int64_t j = 0; j < m; j++) c[i * m + j] += a[i * p + k] * b[k * m + j];
}

int64_t jacobi(double *a, double *b, int64_t n, int64_t m, int64_t sweeps) {
    /* a and b both start as copies of u (made by the caller, like u.copy() and a.copy()).
     * Returns which of them holds the result: 0 for a, 1 for b. */
    int64_t which = 0;
    for (int64_t s = 0; s < sweeps; s++) {
        for (int64_t i = 1; i < n - 1; i++)
            for (int64_t j = 1; j < m - 1; j++)
                b[i * m + j] = 0.25 * (a[(i - 1) * m + j] + a[(i + 1) * m + j] + a[i * m + j - 1] +
                                       a[i * m + j + 1]);
        double *t = a;
        a = b;
        b = t;
        which = 1 - which;
    }
    return which;
}

int64_t lcg(int64_t seed, int64_t n) {
    /* x stays below 2**31, so 1103515245 * x fits in int64; % matches Python's for x >= 0. */
    int64_t x = seed;
    for (int64_t i = 0; i < n; i++) x = (1103515245 * x + 12345) % 2147483648;
    return x;
}

int64_t collatz(int64_t n) {
    /* Starts below n = 300,000 peak well below 2**63; / and % match Python's // and % for x > 0. */
    int64_t total = 0;
    for (int64_t start = 1; start < n; start++) {
        int64_t x = start;
        while (x != 1) {
            if (x % 2 == 0)
                x = x / 2;
            else
                x = 3 * x + 1;
            total++;
        }
    }
    return total;
}
