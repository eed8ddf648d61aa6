package io.sourced.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Checks a username and password against the sign-in table, unless the username is locked out by
 * {@link FailedSignIns}. The lock is checked before the username is looked up, so a locked-out unknown name answers
 * like a known one.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final FailedSignIns failures;

    ThrottledSignIn(DaoAuthenticationProvider passwords, FailedSignIns failures) {
        this.passwords = passwords;
        this.failures = failures;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        failures.lockedFor(username).ifPresent(left -> {
            throw new TooManyFailedSignIns(left);
        });
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            failures.succeeded(username);
            return signedIn;
        } catch (BadCredentialsException e) {
            failures.failed(username);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
