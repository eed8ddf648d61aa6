package io.sourced.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.app.web.Problem.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;

class ProblemsTest {

    /** What binding a form field past the form's bound raises (the shop's order form holds a bounded number of rows). */
    @Test
    void of_aFormFieldPastTheFormsBound_isInvalidInputNamingIt() {
        Problem problem = Problems.of(new InvalidPropertyException(
                Object.class,
                "lines[500]",
                "Index of out of bounds in property path 'lines[500]'",
                new IndexOutOfBoundsException(500)));

        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.errors()).containsExactly(new FieldProblem("lines[500]", "is not a field of this form"));
    }
}
