package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TimelineAnswerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TimelineAnswer answer(String status, long changed, String actual, String whatIf) throws Exception {
        return TimelineAnswer.of(JSON.readTree("{\"id\":\"t\",\"status\":\"" + status + "\",\"failure\":null,"
                + "\"eventsRead\":1000,\"ordersChanged\":" + changed + ",\"actual\":" + actual + ",\"whatIf\":"
                + whatIf + "}"));
    }

    private static String outcome(String revenue, long accepted) {
        return "{\"ordersPlaced\":200,\"accepted\":" + accepted + ",\"rejected\":{\"OUT_OF_STOCK\":" + (200 - accepted)
                + "},\"cancelled\":0,\"revenue\":" + revenue + ",\"unitsSold\":" + accepted + ",\"unitsLost\":0}";
    }

    @Test
    void theSameOutcomeAgrees() throws Exception {
        TimelineAnswer answer = answer("DONE", 0, outcome("250.00", 200), outcome("250.00", 200));
        assertThat(answer.done()).isTrue();
        assertThat(answer.eventsRead()).isEqualTo(1000);
        assertThat(answer.whatIfAgrees()).isTrue();
    }

    @Test
    void amountsAgreeByValueNotBySpelling() throws Exception {
        assertThat(answer("DONE", 0, outcome("250", 200), outcome("250.00", 200))
                        .whatIfAgrees())
                .isTrue();
    }

    @Test
    void anotherRevenueDisagrees() throws Exception {
        TimelineAnswer answer = answer("DONE", 0, outcome("250.00", 200), outcome("275.00", 200));
        assertThat(answer.whatIfAgrees()).isFalse();
        assertThat(answer.actualRevenue()).isEqualByComparingTo("250");
        assertThat(answer.whatIfRevenue()).isEqualByComparingTo(new BigDecimal("275"));
    }

    @Test
    void anOrderEndedOtherwiseDisagreesEvenWithTheSameFigures() throws Exception {
        assertThat(answer("DONE", 1, outcome("250.00", 199), outcome("250.00", 199))
                        .whatIfAgrees())
                .isFalse();
    }

    @Test
    void anotherRejectionCountDisagrees() throws Exception {
        assertThat(answer("DONE", 0, outcome("250.00", 199), outcome("250.00", 198))
                        .whatIfAgrees())
                .isFalse();
    }

    @Test
    void aFailedTimelineHasNothingToAgreeWith() throws Exception {
        TimelineAnswer failed = TimelineAnswer.of(JSON.readTree("{\"status\":\"FAILED\",\"failure\":\"out of memory\","
                + "\"actual\":null,\"whatIf\":null,\"eventsRead\":null,\"ordersChanged\":null}"));
        assertThat(failed.done()).isFalse();
        assertThat(failed.failure()).isEqualTo("out of memory");
        assertThat(failed.whatIfAgrees()).isFalse();
    }
}
