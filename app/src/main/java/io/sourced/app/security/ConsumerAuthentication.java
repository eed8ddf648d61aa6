package io.sourced.app.security;

import io.sourced.api.caller.Caller;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A consumer signed in by its bearer token, for this request only; its principal is the {@link Caller}. */
final class ConsumerAuthentication extends AbstractAuthenticationToken {

    private final Caller consumer;

    ConsumerAuthentication(Caller consumer) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + Caller.CONSUMER_ROLE)));
        this.consumer = consumer;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Caller getPrincipal() {
        return consumer;
    }
}
