package io.sourced.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FoldTest {

    record Opened(int stock) {}

    record Sold(int quantity) {}

    record Unrelated() {}

    private final Fold<Integer> stock = Fold.<Integer>of()
            .startedBy(Opened.class, (opened, at) -> opened.stock())
            .on(Sold.class, (left, sold, at) -> left - sold.quantity());

    @Test
    void theFirstEvent_makesTheView_andLaterOnesChangeIt() {
        Integer view = stock.apply(null, new Opened(10), Instant.EPOCH);
        view = stock.apply(view, new Sold(3), Instant.EPOCH);

        assertThat(view).isEqualTo(7);
    }

    @Test
    void anEventBeforeTheFirst_leavesNoView() {
        assertThat(stock.apply(null, new Sold(3), Instant.EPOCH)).isNull();
    }

    @Test
    void theFirstEventAgain_orAnUnnamedEvent_changesNothing() {
        assertThat(stock.apply(7, new Opened(10), Instant.EPOCH)).isEqualTo(7);
        assertThat(stock.apply(7, new Unrelated(), Instant.EPOCH)).isEqualTo(7);
    }

    @Test
    void aTypeNamedTwice_isRefused() {
        assertThatThrownBy(() -> stock.on(Sold.class, (left, sold, at) -> left))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Sold");
    }
}
