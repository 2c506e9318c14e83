/* The kernels of kernels.py, loop for loop, in C.
 *
 * Built by driver.py with `gcc -O3 -march=native -ffp-contract=off -shared -fPIC` and called
 * through ctypes. Arrays are C-contiguous; outputs that the Python versions allocate are
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
