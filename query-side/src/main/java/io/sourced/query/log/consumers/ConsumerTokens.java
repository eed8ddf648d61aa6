package io.sourced.query.log.consumers;

import io.sourced.api.caller.Caller;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Signs a consumer in by its bearer token: the application's security asks, knowing nothing of the table. */
@Component
public class ConsumerTokens {

    private final ConsumerRegistry registry;

    ConsumerTokens(ConsumerRegistry registry) {
        this.registry = registry;
    }

    /** The enabled consumer holding the token, as a caller of role CONSUMER named by its id. */
    public Optional<Caller> signIn(String token) {
        return registry.byToken(token)
                .map(reader -> new Caller(reader.consumerId().value(), Set.of(Caller.CONSUMER_ROLE), null));
    }
}
