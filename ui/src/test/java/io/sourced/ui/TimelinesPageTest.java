package io.sourced.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.refusal.Refusal;
import io.sourced.api.timelines.DayFigures;
import io.sourced.api.timelines.DeleteTimelineCommand;
import io.sourced.api.timelines.FindTimelineQuery;
import io.sourced.api.timelines.Outcome;
import io.sourced.api.timelines.RunTimelineCommand;
import io.sourced.api.timelines.TimelineRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

class TimelinesPageTest {

    private static final Instant TO = Instant.parse("2026-12-07T12:00:00Z");

    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final TimelinesPage page = new TimelinesPage(queries, commands, new Views(queries), new Formats());
    private BindingResult errors;

    @BeforeEach
    void nothingOnRecord() {
        when(queries.query(any(), any(ResponseType.class)))
                .thenAnswer(call -> CompletableFuture.completedFuture(
                        call.getArgument(0) instanceof FindTimelineQuery ? Optional.empty() : List.of()));
    }

    @Test
    void runTimeline_refusedForARule_saysWhyNextToThatRule_andKeepsWhatWasTyped() {
        refuseWith(Refusal.invalid("rules.creditLimit", "must not be negative"));
        TimelineForm form = bound(Map.of("creditLimit", "-5", "priceChangePercent", "10"));

        String shown = run(form);

        assertThat(shown).isEqualTo("admin/timelines");
        assertThat(errors.getFieldError("creditLimit").getDefaultMessage()).isEqualTo("must not be negative");
        assertThat(form.getCreditLimit()).isEqualByComparingTo("-5");
        assertThat(form.getPriceChangePercent()).isEqualByComparingTo("10");
    }

    @Test
    void runTimeline_refusedForTheAutomaticRestock_saysWhyNextToItsField() {
        refuseWith(Refusal.invalid("rules.autoRestock.quantity", "must be at least 1"));

        run(bound(Map.of("restockBelow", "2", "restockQuantity", "0")));

        assertThat(errors.getFieldError("restockQuantity").getDefaultMessage()).isEqualTo("must be at least 1");
    }

    @Test
    void runTimeline_withAnEndBeforeItsStart_saysSoNextToTheEnd() {
        refuseWith(Refusal.invalid("to", "must be after from"));

        run(bound(Map.of("to", TO.minus(Duration.ofDays(30)).toString())));

        assertThat(errors.getFieldError("to").getDefaultMessage()).isEqualTo("must be after from");
    }

    @Test
    void runTimeline_withAStartThatIsNoInstant_isAnsweredNextToIt_andSendsNothing() {
        TimelineForm form = bound(Map.of("from", "last tuesday"));

        String shown = run(form);

        assertThat(shown).isEqualTo("admin/timelines");
        assertThat(errors.getFieldError("from").getDefaultMessage()).isEqualTo("must be a date and time");
        assertThat(form.getFrom()).isEqualTo("last tuesday");
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void runTimeline_withALetterForANumber_isAnsweredNextToIt_andSendsNothing() {
        run(bound(Map.of("restockBelow", "two")));

        assertThat(errors.getFieldError("restockBelow").isBindingFailure()).isTrue();
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void runTimeline_whenTooManyRun_saysSoAboveTheForm() {
        refuseWith(Refusal.busy("too many timelines are running or waiting; try again when one is done", 30));

        run(bound(Map.of()));

        assertThat(errors.getGlobalError().getDefaultMessage())
                .isEqualTo("Too many timelines are running or waiting; try again when one is done.");
    }

    @Test
    void runTimeline_sendsThePeriodAndTheRulesAsTyped_andShowsTheList() {
        TimelineForm form = bound(Map.of(
                "name", "Ten percent up",
                "partialFulfilment", "true",
                "priceChangePercent", "10",
                "priceChangeProducts", "p-1",
                "restockBelow", "2",
                "restockQuantity", "5",
                "restockDelayMinutes", "30"));

        String shown = run(form);

        assertThat(shown).isEqualTo("redirect:/admin/timelines");
        RunTimelineCommand sent = sent();
        assertThat(sent.name()).isEqualTo("Ten percent up");
        assertThat(sent.from()).isEqualTo(TO.minus(TimelineForm.DEFAULT_PERIOD));
        assertThat(sent.to()).isEqualTo(TO);
        assertThat(sent.rules())
                .isEqualTo(new TimelineRules(
                        true,
                        null,
                        new BigDecimal("10"),
                        List.of("p-1"),
                        new TimelineRules.AutoRestock(2, 5, Duration.ofMinutes(30))));
    }

    @Test
    void runTimeline_withNoRestockFigure_leavesTheAutomaticRestockOff() {
        run(bound(Map.of("priceChangePercent", "-10")));

        assertThat(sent().rules().autoRestock()).isNull();
        assertThat(sent().rules().partialFulfilment()).isFalse();
    }

    @Test
    void deleteTimeline_thatIsNotThere_isNotFound() {
        when(commands.sendAndWait(any(DeleteTimelineCommand.class))).thenReturn(false);

        assertThatThrownBy(() -> page.delete("gone", new RedirectAttributesModelMap()))
                .isInstanceOf(PageNotFound.class);
    }

    @Test
    void timeline_thatIsNotThere_isNotFound() {
        assertThatThrownBy(() -> page.timeline("gone", new ExtendedModelMap())).isInstanceOf(PageNotFound.class);
    }

    @Test
    void timeline_done_setsTheHeadlineFiguresSideBySide_withTheDifference_andRejectionsByReason() {
        Outcome actual = new Outcome(3, 2, Map.of("OUT_OF_STOCK", 1L), 0, new BigDecimal("100.00"), 4, 10);
        Outcome whatIf = new Outcome(3, 1, Map.of("PAYMENT_DECLINED", 2L), 0, new BigDecimal("110.00"), 2, 0);

        List<TimelinesPage.Figure> figures = page.figures(actual, whatIf);

        assertThat(figures)
                .contains(
                        new TimelinesPage.Figure("revenue", "Revenue", "100.00", "110.00", "+10.00"),
                        new TimelinesPage.Figure("accepted", "Accepted", "2", "1", "-1"),
                        new TimelinesPage.Figure("lost", "Units lost", "10", "0", "-10"),
                        new TimelinesPage.Figure(
                                "rejected-OUT_OF_STOCK",
                                "Rejected: " + Formats.reasonText(RejectionReason.OUT_OF_STOCK),
                                "1",
                                "0",
                                "-1"),
                        new TimelinesPage.Figure(
                                "rejected-PAYMENT_DECLINED",
                                "Rejected: " + Formats.reasonText(RejectionReason.PAYMENT_DECLINED),
                                "0",
                                "2",
                                "+2"));
    }

    @Test
    void timeline_rulesInWords_nameTheProducts_andSayWhenNoRuleChanged() {
        TimelineRules rules = new TimelineRules(false, BigDecimal.ZERO, new BigDecimal("10.0"), List.of("p-1"), null);

        assertThat(TimelinesPage.rulesInWords(rules, Map.of("p-1", "Monitor")))
                .containsExactly("prices +10 % on Monitor");
        assertThat(TimelinesPage.rulesInWords(
                        new TimelineRules(false, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), null), Map.of()))
                .containsExactly("no rule changed");
    }

    @Test
    void timelineChart_scalesTheHighestBarToTheChart_andSaysEachValue() {
        List<DayFigures> days = List.of(
                new DayFigures(LocalDate.parse("2026-12-01"), new BigDecimal("50"), new BigDecimal("100"), 0, 0),
                new DayFigures(LocalDate.parse("2026-12-02"), BigDecimal.ZERO, new BigDecimal("25"), 0, 0));

        TimelineChart chart = TimelineChart.of(
                "revenue",
                days,
                day -> new BigDecimal[] {day.actualRevenue(), day.whatIfRevenue()},
                new Formats()::money);

        assertThat(chart.bars()).hasSize(4);
        assertThat(chart.bars().get(1).height())
                .isEqualTo(TimelineChart.HEIGHT - TimelineChart.TOP - TimelineChart.BOTTOM);
        assertThat(chart.bars().get(0).height()).isEqualTo(chart.bars().get(1).height() / 2);
        assertThat(chart.bars().get(2).height()).isZero();
        assertThat(chart.bars().get(1).whatIf()).isTrue();
        assertThat(chart.bars().get(1).title()).isEqualTo("2026-12-01, what-if: 100.00");
        assertThat(chart.top()).isEqualTo("100.00");
        assertThat(chart.labels()).extracting(TimelineChart.Label::text).containsExactly("2026-12-01", "2026-12-02");
    }

    @Test
    void timelineChart_ofAPeriodWithoutFigures_drawsNoBarTaller_thanNothing() {
        TimelineChart chart = TimelineChart.of(
                "lost",
                List.of(new DayFigures(LocalDate.parse("2026-12-01"), BigDecimal.ZERO, BigDecimal.ZERO, 0, 0)),
                day -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO},
                BigDecimal::toPlainString);

        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.height()).isZero());
    }

    /** Binds as a request's form fields are bound, over the form the page offers (the last week up to {@link #TO}). */
    private TimelineForm bound(Map<String, String> fields) {
        TimelineForm form = TimelineForm.lastWeek(TO);
        WebDataBinder binder = new WebDataBinder(form, "timelineForm");
        binder.bind(new MutablePropertyValues(fields));
        errors = binder.getBindingResult();
        return form;
    }

    private String run(TimelineForm form) {
        return page.run(form, errors, new ExtendedModelMap(), new RedirectAttributesModelMap());
    }

    private RunTimelineCommand sent() {
        ArgumentCaptor<Object> command = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(command.capture());
        return (RunTimelineCommand) command.getValue();
    }

    private void refuseWith(Refusal refusal) {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException(refusal.detail(), null, refusal));
    }
}
