package io.sourced.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.sourced.api.caller.Caller;
import io.sourced.api.finance.CustomerId;
import io.sourced.api.inventory.ProductId;
import io.sourced.api.ordering.OrderLine;
import io.sourced.api.refusal.Refusal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

class ShopPageTest {

    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final ShopPage shop = new ShopPage(new Views(queries), commands, new Formats());
    private final Caller customer = new Caller("dana", Set.of("CUSTOMER"), CustomerId.random());

    @Test
    void placeOrder_whileTheShopIsTooBusy_saysToTryAgainInAMoment_andKeepsTheChoice() {
        refuseWith(Refusal.busy("Many orders are being decided right now; try again in a moment.", 2));
        OrderForm form = formFor(ProductId.random(), 3);

        String page = place(form);

        assertThat(page).isEqualTo("shop");
        assertThat(lastError(form)).contains("very busy").contains("Try again in a moment");
        assertThat(form.getLines().get(0).getQuantity()).isEqualTo(3);
    }

    @Test
    void placeOrder_refusedByABusinessRule_saysWhy() {
        refuseWith(Refusal.notFound("no product 42"));
        OrderForm form = formFor(ProductId.random(), 1);

        place(form);

        assertThat(lastError(form))
                .isEqualTo("This order could not be placed: No product 42. Reload the shop and try again.");
    }

    @Test
    void placeOrder_rowsUpToAsManyAsAnOrderHolds_areBound() {
        OrderForm form = bound(Map.of("lines[" + (OrderLine.MAX_PER_ORDER - 1) + "].quantity", "1"));

        assertThat(form.getLines()).hasSize(OrderLine.MAX_PER_ORDER);
    }

    @Test
    void placeOrder_aRowBeyondAsManyAsAnOrderHolds_isRefusedBeforeAnyIsMade() {
        OrderForm form = new OrderForm();

        assertThatThrownBy(() -> bind(form, Map.of("lines[" + OrderLine.MAX_PER_ORDER + "].quantity", "1")))
                .isInstanceOf(InvalidPropertyException.class);
        assertThat(form.getLines()).isEmpty();
    }

    private OrderForm bound(Map<String, String> fields) {
        OrderForm form = new OrderForm();
        bind(form, fields);
        return form;
    }

    /** Binds as a request's form fields are bound to the shop's form. */
    private void bind(OrderForm form, Map<String, String> fields) {
        WebDataBinder binder = new WebDataBinder(form, "orderForm");
        shop.rowsForEveryProduct(binder);
        binder.bind(new MutablePropertyValues(fields));
    }

    private BeanPropertyBindingResult errors;

    private String place(OrderForm form) {
        errors = new BeanPropertyBindingResult(form, "orderForm");
        when(queries.query(any(), any(ResponseType.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(
                        call.getArgument(0).getClass().getSimpleName().startsWith("FindAll")
                                ? List.of()
                                : Optional.empty()));
        return shop.place(form, errors, customer, new ExtendedModelMap(), new RedirectAttributesModelMap());
    }

    private String lastError(OrderForm form) {
        return errors.getGlobalErrors().get(errors.getGlobalErrorCount() - 1).getDefaultMessage();
    }

    private void refuseWith(Refusal refusal) {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException(refusal.detail(), null, refusal));
    }

    private static OrderForm formFor(ProductId product, int quantity) {
        OrderForm form = new OrderForm();
        form.getLines().add(new OrderForm.Line(product.value(), quantity));
        return form;
    }
}
