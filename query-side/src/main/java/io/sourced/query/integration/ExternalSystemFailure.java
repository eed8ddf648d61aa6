package io.sourced.query.integration;

/** An outside system did not answer usefully this time (down, slow, an error status): worth another attempt. */
class ExternalSystemFailure extends RuntimeException {

    ExternalSystemFailure(String message) {
        super(message);
    }

    ExternalSystemFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
