package io.sourced.ui;

import io.sourced.api.finance.SignIn;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A new customer's account, with a sign-in if a username is given: the same rules as the API's. */
public class CustomerForm {

    @NotBlank(message = "is required")
    @Size(max = 200, message = "must be at most 200 characters")
    private String name;

    @PositiveOrZero(message = "must not be negative")
    @Digits(integer = 12, fraction = 2, message = "must have at most 2 decimals")
    private BigDecimal initialDeposit;

    @Pattern(regexp = "|[A-Za-z0-9._-]{3,40}", message = "must be 3 to 40 letters, digits, '.', '_' or '-'")
    private String username = "";

    @Size(max = SignIn.MAX_PASSWORD_BYTES, message = "must be " + SignIn.PASSWORD_LIMIT)
    private String password = "";

    /** A username without a password, or the reverse, is reported on the password field. */
    @AssertTrue(message = "goes with a username: give both (a password of at least 4 characters) or neither")
    public boolean isPasswordGivenWithUsername() {
        boolean wantsSignIn = username != null && !username.isBlank();
        boolean hasPassword = password != null && !password.isEmpty();
        return wantsSignIn ? hasPassword && password.length() >= 4 : !hasPassword;
    }

    boolean wantsSignIn() {
        return username != null && !username.isBlank();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getInitialDeposit() {
        return initialDeposit;
    }

    public void setInitialDeposit(BigDecimal initialDeposit) {
        this.initialDeposit = initialDeposit;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
