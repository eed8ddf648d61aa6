package io.sourced.api.consumers;

/** A consumer's bearer token, shown this once: only its hash is kept. */
public record IssuedToken(ConsumerId consumerId, String token) {}
