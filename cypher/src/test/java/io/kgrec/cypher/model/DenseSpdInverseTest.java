package io.kgrec.cypher.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DenseSpdInverseTest {

    @Test
    void inverts_a_two_by_two_matrix_by_the_textbook_formula() {
        double[][] a = {{4, 2}, {2, 3}};

        DenseSpdInverse.invertInPlace(a);

        // det = 8: inverse = [[3, -2], [-2, 4]] / 8
        assertThat(a[0]).containsExactly(new double[] {3.0 / 8, -2.0 / 8}, within(1e-15));
        assertThat(a[1]).containsExactly(new double[] {-2.0 / 8, 4.0 / 8}, within(1e-15));
    }

    @Test
    void inverts_a_matrix_larger_than_one_block() {
        int n = 150;
        Random random = new Random(7);
        double[][] a = new double[n][n];
        for (int k = 0; k < 400; k++) {
            int[] items = random.ints(12, 0, n).toArray();
            for (int i : items) {
                for (int j : items) {
                    a[i][j] += 1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            a[i][i] += 5;
        }
        double[][] inverse = new double[n][];
        for (int i = 0; i < n; i++) {
            inverse[i] = a[i].clone();
        }

        DenseSpdInverse.invertInPlace(inverse);

        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += a[r][k] * inverse[k][c];
                }
                assertThat(v).isCloseTo(r == c ? 1.0 : 0.0, within(1e-10));
            }
        }
    }

    @Test
    void refuses_a_matrix_that_is_not_positive_definite() {
        double[][] a = {{1, 2}, {2, 1}};

        assertThatThrownBy(() -> DenseSpdInverse.invertInPlace(a))
                .isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("not positive definite");
    }
}
