package io.sourced.query.integration;

/** The shipping partner answered a 4xx that says our request is wrong: retrying the same request cannot help. */
class ShipmentNotAcceptedException extends RuntimeException {

    ShipmentNotAcceptedException(String message) {
        super(message);
    }
}
