package io.kgrec.cypher.model;

import java.util.stream.IntStream;

/**
 * Inverts a symmetric positive-definite matrix in place with the blocked sweep operator (Gauss–Jordan without
 * pivoting, which is stable for SPD input). Written in plain Java so the Neo4j plugin carries no linear-algebra
 * dependency: the inner loop is an unrolled axpy over contiguous rows that the JIT vectorises, tiled so the panel
 * stays in cache, and only the lower triangle is updated. Rows are processed in parallel on the common pool.
 */
final class DenseSpdInverse {
    private static final int BLOCK = 64;
    private static final int COLUMN_TILE = 512;
    private static final int ROW_CHUNK = 32;

    private DenseSpdInverse() {
    }

    /**
     * Replaces {@code a} (square, symmetric, positive definite; both triangles filled) by its inverse.
     *
     * @throws ArithmeticException when a pivot is not positive, i.e. the matrix is not positive definite
     */
    static void invertInPlace(double[][] a) {
        int n = a.length;
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            sweepBlock(a, k0, Math.min(n, k0 + BLOCK));
        }
        // The sweep leaves −A⁻¹ in the lower triangle.
        IntStream.range(0, n).parallel().forEach(r -> {
            double[] row = a[r];
            for (int c = 0; c <= r; c++) {
                row[c] = -row[c];
            }
        });
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < r; c++) {
                a[c][r] = a[r][c];
            }
        }
    }

    private static void sweepBlock(double[][] h, int k0, int k1) {
        int n = h.length;
        int b = k1 - k0;
        double[][] panel = new double[b][n];
        for (int t = 0; t < b; t++) {
            int k = k0 + t;
            System.arraycopy(h[k], 0, panel[t], 0, k + 1);
            for (int c = k + 1; c < n; c++) {
                panel[t][c] = h[c][k];
            }
        }
        double[][] pivotInverse = invertSmall(panel, k0, b);
        // multipliers[t][r] = (H_rK · D)_t: the new values of the swept columns.
        double[][] multipliers = new double[b][n];
        IntStream.range(0, (n + COLUMN_TILE - 1) / COLUMN_TILE).parallel().forEach(tile -> {
            int c1 = Math.min(n, (tile + 1) * COLUMN_TILE);
            for (int t = 0; t < b; t++) {
                double[] m = multipliers[t];
                for (int s = 0; s < b; s++) {
                    double d = pivotInverse[t][s];
                    double[] p = panel[s];
                    for (int c = tile * COLUMN_TILE; c < c1; c++) {
                        m[c] += d * p[c];
                    }
                }
            }
        });
        int chunks = (n + ROW_CHUNK - 1) / ROW_CHUNK;
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            int r0 = chunk * ROW_CHUNK;
            int r1 = Math.min(n, r0 + ROW_CHUNK);
            for (int c0 = 0; c0 < r1; c0 += COLUMN_TILE) {
                for (int r = Math.max(r0, c0); r < r1; r++) {
                    if (r >= k0 && r < k1) {
                        continue;
                    }
                    updateRow(h[r], multipliers, panel, r, c0, Math.min(c0 + COLUMN_TILE, r + 1), b);
                }
            }
        });
        for (int r = 0; r < n; r++) {
            if (r >= k0 && r < k1) {
                continue;
            }
            for (int t = 0; t < b; t++) {
                int k = k0 + t;
                if (r > k) {
                    h[r][k] = multipliers[t][r];
                } else {
                    h[k][r] = multipliers[t][r];
                }
            }
        }
        for (int s = 0; s < b; s++) {
            for (int t = 0; t <= s; t++) {
                h[k0 + s][k0 + t] = -pivotInverse[s][t];
            }
        }
    }

    /** H_rc −= Σ_t M_tr · R_tc for c in [c0, c1), four panel rows at a time to save loads and stores of H. */
    private static void updateRow(double[] row, double[][] m, double[][] panel, int r, int c0, int c1, int b) {
        int t = 0;
        for (; t + 3 < b; t += 4) {
            double a0 = m[t][r];
            double a1 = m[t + 1][r];
            double a2 = m[t + 2][r];
            double a3 = m[t + 3][r];
            double[] p0 = panel[t];
            double[] p1 = panel[t + 1];
            double[] p2 = panel[t + 2];
            double[] p3 = panel[t + 3];
            for (int c = c0; c < c1; c++) {
                row[c] -= a0 * p0[c] + a1 * p1[c] + a2 * p2[c] + a3 * p3[c];
            }
        }
        for (; t < b; t++) {
            double a0 = m[t][r];
            double[] p0 = panel[t];
            for (int c = c0; c < c1; c++) {
                row[c] -= a0 * p0[c];
            }
        }
    }

    /** Inverse of the b×b pivot block H_KK, read from the panel, by the unblocked sweep. */
    private static double[][] invertSmall(double[][] panel, int k0, int b) {
        double[][] s = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                s[i][j] = panel[i][k0 + j];
            }
        }
        for (int k = 0; k < b; k++) {
            double d = s[k][k];
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite (pivot " + (k0 + k) + " = " + d + ")");
            }
            for (int i = 0; i < b; i++) {
                if (i == k) {
                    continue;
                }
                double f = s[i][k] / d;
                for (int j = 0; j < b; j++) {
                    if (j != k) {
                        s[i][j] -= f * s[k][j];
                    }
                }
            }
            for (int i = 0; i < b; i++) {
                if (i != k) {
                    s[i][k] /= d;
                    s[k][i] /= d;
                }
            }
            s[k][k] = -1.0 / d;
        }
        for (double[] row : s) {
            for (int j = 0; j < b; j++) {
                row[j] = -row[j];
            }
        }
        return s;
    }
}
