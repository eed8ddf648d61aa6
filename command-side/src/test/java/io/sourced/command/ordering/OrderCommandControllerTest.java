package io.sourced.command.ordering;

import static io.sourced.api.refusal.Refusal.Kind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.refusal.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The request rules of placing an order and of a return; the REST round trip itself is covered by the application's tests. */
class OrderCommandControllerTest {

    private final CustomerId aliceId = CustomerId.random();
    private final Caller alice = new Caller("alice", Set.of(Caller.CUSTOMER), aliceId);
    private final Caller bob = new Caller("bob", Set.of(Caller.CUSTOMER), CustomerId.random());
    private final Caller admin = new Caller("admin", Set.of(Caller.ADMIN), null);
    private final List<PlaceOrderRequest.Line> oneLine = List.of(new PlaceOrderRequest.Line(ProductId.random(), 1));
    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void placeOrder_customerOmittedByCustomer_defaultsToTheirOwn() {
        assertThat(OrderCommandController.customerFor(new PlaceOrderRequest(null, oneLine), alice))
                .isEqualTo(aliceId);
        assertThat(OrderCommandController.customerFor(new PlaceOrderRequest(aliceId, oneLine), alice))
                .isEqualTo(aliceId);
    }

    @Test
    void placeOrder_anotherCustomers_isNotFound() {
        assertThatThrownBy(() -> OrderCommandController.customerFor(new PlaceOrderRequest(aliceId, oneLine), bob))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }

    @Test
    void placeOrder_customerOmittedByAdmin_isInvalid() {
        assertThatThrownBy(() -> OrderCommandController.customerFor(new PlaceOrderRequest(null, oneLine), admin))
                .matches(failure ->
                        Refusal.of(failure).filter(r -> r.is(INVALID)).isPresent());
        assertThat(OrderCommandController.customerFor(new PlaceOrderRequest(aliceId, oneLine), admin))
                .isEqualTo(aliceId);
    }

    @Test
    void placeOrder_emptyOrBadLines_isInvalid() {
        assertThat(invalidFields(new PlaceOrderRequest(null, List.of()))).containsExactly("lines");
        assertThat(invalidFields(new PlaceOrderRequest(null, null))).containsExactly("lines");
        assertThat(invalidFields(new PlaceOrderRequest(null, List.of(new PlaceOrderRequest.Line(null, 1)))))
                .containsExactly("lines[0].productId");
        assertThat(invalidFields(
                        new PlaceOrderRequest(null, List.of(new PlaceOrderRequest.Line(ProductId.random(), 0)))))
                .containsExactly("lines[0].quantity");
        assertThat(invalidFields(new PlaceOrderRequest(null, oneLine))).isEmpty();
    }

    @Test
    void requestReturn_emptyOrBadLinesOrNoReason_isInvalid() {
        List<ReturnRequest.Line> line = List.of(new ReturnRequest.Line(ProductId.random(), 1));
        assertThat(invalidFields(new ReturnRequest(List.of(), "broken"))).containsExactly("lines");
        assertThat(invalidFields(new ReturnRequest(line, " "))).containsExactly("reason");
        assertThat(invalidFields(new ReturnRequest(line, null))).containsExactly("reason");
        assertThat(invalidFields(new ReturnRequest(List.of(new ReturnRequest.Line(ProductId.random(), 0)), "x")))
                .containsExactly("lines[0].quantity");
        assertThat(invalidFields(new ReturnRequest(List.of(new ReturnRequest.Line(null, 1)), "x")))
                .containsExactly("lines[0].productId");
        assertThat(invalidFields(new ReturnRequest(line, "broken"))).isEmpty();
    }

    private Set<String> invalidFields(Object request) {
        return validator.validate(request).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }
}
