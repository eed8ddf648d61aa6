package io.sourced.command.finance;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenCustomerRequestTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    private Set<String> invalidFields(Object request) {
        return validator.validate(request).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void openCustomer_withSignIn_isValid() {
        assertThat(invalidFields(new OpenCustomerRequest("Carol", new BigDecimal("10.50"), "carol.c-1", "secret")))
                .isEmpty();
    }

    @Test
    void openCustomer_withoutSignInOrDeposit_isValid() {
        assertThat(invalidFields(new OpenCustomerRequest("Carol", null, null, null)))
                .isEmpty();
    }

    @Test
    void openCustomer_usernameWithoutPassword_isInvalid() {
        assertThat(invalidFields(new OpenCustomerRequest("Carol", null, "carol", null)))
                .containsExactly("signInComplete");
        assertThat(invalidFields(new OpenCustomerRequest("Carol", null, null, "secret")))
                .containsExactly("signInComplete");
    }

    @Test
    void openCustomer_badUsernameOrPassword_isInvalid() {
        assertThat(invalidFields(new OpenCustomerRequest("Carol", null, "ca", "secret")))
                .containsExactly("username");
        assertThat(invalidFields(new OpenCustomerRequest("Carol", null, "carol smith", "secret")))
                .containsExactly("username");
        assertThat(invalidFields(new OpenCustomerRequest("Carol", null, "carol", "abc")))
                .containsExactly("password");
    }

    @Test
    void openCustomer_passwordLongerThanTheHashTakes_isInvalid() {
        assertThat(invalidFields(new OpenCustomerRequest("Carol", null, "carol", "p".repeat(73))))
                .containsExactly("password");
        assertThat(invalidFields(new OpenCustomerRequest("Carol", null, "carol", "p".repeat(72))))
                .isEmpty();
    }

    @Test
    void openCustomer_badNameOrDeposit_isInvalid() {
        assertThat(invalidFields(new OpenCustomerRequest(" ", null, null, null)))
                .containsExactly("name");
        assertThat(invalidFields(new OpenCustomerRequest("Carol", new BigDecimal("1.001"), null, null)))
                .containsExactly("initialDeposit");
        assertThat(invalidFields(new OpenCustomerRequest("Carol", new BigDecimal("-1"), null, null)))
                .containsExactly("initialDeposit");
    }

    @Test
    void depositFunds_amountWithThreeDecimals_isInvalid() {
        assertThat(invalidFields(new AmountRequest(new BigDecimal("1.001")))).containsExactly("amount");
        assertThat(invalidFields(new AmountRequest(BigDecimal.ZERO))).containsExactly("amount");
        assertThat(invalidFields(new AmountRequest(null))).containsExactly("amount");
        assertThat(invalidFields(new AmountRequest(new BigDecimal("12.5")))).isEmpty();
    }
}
