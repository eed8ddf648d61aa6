package io.sourced.app.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

/**
 * Checks a username and password against the sign-in table, unless the username is locked out by
 * {@link FailedSignIns}. The lock is checked before the username is looked up, so a locked-out unknown name answers
 * like a known one; a sign-in that succeeded a moment ago with the same password is not hashed again
 * ({@link RecentSignIns}). A name longer than any sign-in can have is refused at once: it cannot succeed, so it is
 * neither looked up, nor hashed, nor counted, and the failures kept stay as small as the names that can exist.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final FailedSignIns failures;
    private final RecentSignIns recent;

    ThrottledSignIn(DaoAuthenticationProvider passwords, FailedSignIns failures, RecentSignIns recent) {
        this.passwords = passwords;
        this.failures = failures;
        this.recent = recent;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (username.length() > SignInStore.MAX_USERNAME_LENGTH) {
            throw new BadCredentialsException("Bad credentials");
        }
        failures.lockedFor(username).ifPresent(left -> {
            throw new TooManyFailedSignIns(left);
        });
        String password = authentication.getCredentials() instanceof String text ? text : null;
        Optional<Authentication> remembered = recent.recall(username, password);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        try {
            Authentication signedIn = passwords.authenticate(authentication);
            failures.succeeded(username);
            recent.remember(username, password, signedIn);
            return signedIn;
        } catch (BadCredentialsException e) {
            recent.forget(username);
            failures.failed(username);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
