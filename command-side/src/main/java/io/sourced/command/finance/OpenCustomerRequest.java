package io.sourced.command.finance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sourced.api.finance.SignIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

record OpenCustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal initialDeposit,

        @Pattern(regexp = "[A-Za-z0-9._-]{3,40}", message = "must be 3 to 40 letters, digits, '.', '_' or '-'")
        String username,

        @Schema(
                description = "Given together with username: 4 characters or more, and " + SignIn.PASSWORD_LIMIT
                        + " (what the password hash takes)")
        @Size(
                min = 4,
                max = SignIn.MAX_PASSWORD_BYTES,
                message = "must be {min} to {max} characters, " + SignIn.PASSWORD_LIMIT)
        String password) {

    @JsonIgnore
    @AssertTrue(message = "username and password must be given together")
    boolean isSignInComplete() {
        return (username == null) == (password == null);
    }

    SignIn signIn() {
        return username == null ? null : new SignIn(username, password);
    }
}
