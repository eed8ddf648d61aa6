package io.sourced.ui;

import io.sourced.api.ordering.RejectionReason;
import io.sourced.api.refusal.Refusal;
import io.sourced.api.timelines.DayFigures;
import io.sourced.api.timelines.DeleteTimelineCommand;
import io.sourced.api.timelines.FindTimelineQuery;
import io.sourced.api.timelines.FindTimelinesQuery;
import io.sourced.api.timelines.Outcome;
import io.sourced.api.timelines.RunTimelineCommand;
import io.sourced.api.timelines.TimelineRules;
import io.sourced.api.timelines.TimelineStatus;
import io.sourced.api.timelines.TimelineSummary;
import io.sourced.api.timelines.TimelineView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What-if timelines (ADMIN): the form that runs one, the list with its progress, and one timeline's outcome beside
 * what happened. They run where the query role runs, asked over the buses as the API asks them.
 */
@Controller
class TimelinesPage extends Pages {

    /** A line of the headline figures: what happened, what would have, and the difference. */
    record Figure(String key, String label, String actual, String whatIf, String difference) {}

    /** The form's field each refused field of the request is typed into. */
    private static final Map<String, String> FIELDS = Map.of(
            "name", "name",
            "from", "from",
            "to", "to",
            "rules.creditLimit", "creditLimit",
            "rules.priceChangePercent", "priceChangePercent",
            "rules.priceChangeProducts", "priceChangeProducts",
            "rules.autoRestock.below", "restockBelow",
            "rules.autoRestock.quantity", "restockQuantity",
            "rules.autoRestock.delay", "restockDelayMinutes");

    /** The rules' fields of the form that are typed in, with their labels. */
    private static final Map<String, String> RULE_FIELDS = rules();

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Views views;
    private final Formats fmt;

    TimelinesPage(QueryGateway queries, CommandGateway commands, Views views, Formats fmt) {
        this.queries = queries;
        this.commands = commands;
        this.views = views;
        this.fmt = fmt;
    }

    @GetMapping("/admin/timelines")
    String timelines(Model model) {
        return page(TimelineForm.lastWeek(Instant.now()), model);
    }

    /** The list alone, which the page re-reads while a timeline runs. */
    @GetMapping("/admin/timelines/list")
    String list(Model model) {
        addList(model, names());
        return "admin/timelines :: timelines";
    }

    @PostMapping("/admin/timelines")
    String run(
            @ModelAttribute("timelineForm") TimelineForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        Instant from = instant(form.getFrom(), "from", errors);
        Instant to = instant(form.getTo(), "to", errors);
        if (errors.hasErrors()) {
            return page(form, model);
        }
        String id = UUID.randomUUID().toString();
        Optional<Refusal> refused = Refusals.refused(
                () -> commands.sendAndWait(new RunTimelineCommand(id, form.getName(), from, to, rules(form))));
        if (refused.isPresent()) {
            reject(refused.get(), errors);
            return page(form, model);
        }
        redirect.addFlashAttribute(
                "notice", "The timeline " + form.getName().strip() + " runs: its progress is in the list below.");
        return "redirect:/admin/timelines";
    }

    @PostMapping("/admin/timelines/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        Boolean deleted = commands.sendAndWait(new DeleteTimelineCommand(id));
        if (!Boolean.TRUE.equals(deleted)) {
            throw new PageNotFound();
        }
        redirect.addFlashAttribute("notice", "The timeline is deleted.");
        return "redirect:/admin/timelines";
    }

    @GetMapping("/admin/timelines/{id}")
    String timeline(@PathVariable String id, Model model) {
        addComparison(find(id), model);
        return "admin/timeline";
    }

    /** The comparison alone, which the page re-reads while the timeline runs. */
    @GetMapping("/admin/timelines/{id}/comparison")
    String comparison(@PathVariable String id, Model model) {
        addComparison(find(id), model);
        return "admin/timeline :: comparison";
    }

    private TimelineView find(String id) {
        return queries.query(new FindTimelineQuery(id), ResponseTypes.optionalInstanceOf(TimelineView.class))
                .join()
                .orElseThrow(PageNotFound::new);
    }

    private String page(TimelineForm form, Model model) {
        Map<String, String> names = names();
        model.addAttribute("timelineForm", form);
        model.addAttribute("products", names);
        model.addAttribute("ruleFields", RULE_FIELDS);
        addList(model, names);
        return "admin/timelines";
    }

    private void addList(Model model, Map<String, String> names) {
        List<TimelineSummary> timelines = queries.query(
                        new FindTimelinesQuery(), ResponseTypes.multipleInstancesOf(TimelineSummary.class))
                .join();
        Map<String, String> rules = new LinkedHashMap<>();
        timelines.forEach(timeline ->
                rules.put(timeline.id(), String.join("; ", rulesInWords(timeline.rules(), names))));
        model.addAttribute("timelines", timelines);
        model.addAttribute("rulesInWords", rules);
        model.addAttribute("anyRunning", timelines.stream().anyMatch(t -> t.status() == TimelineStatus.RUNNING));
    }

    private void addComparison(TimelineView timeline, Model model) {
        Map<String, String> names = names();
        model.addAttribute("timeline", timeline);
        model.addAttribute("running", timeline.status() == TimelineStatus.RUNNING);
        model.addAttribute("rules", rulesInWords(timeline.rules(), names));
        model.addAttribute("products", names);
        if (timeline.actual() != null && timeline.whatIf() != null) {
            model.addAttribute("figures", figures(timeline.actual(), timeline.whatIf()));
            List<DayFigures> days = timeline.byDay();
            model.addAttribute(
                    "charts",
                    List.of(
                            TimelineChart.of(
                                    "revenue",
                                    days,
                                    day -> new BigDecimal[] {day.actualRevenue(), day.whatIfRevenue()},
                                    fmt::money),
                            TimelineChart.of(
                                    "lost",
                                    days,
                                    day -> new BigDecimal[] {
                                        BigDecimal.valueOf(day.actualUnitsLost()),
                                        BigDecimal.valueOf(day.whatIfUnitsLost())
                                    },
                                    units -> units.stripTrailingZeros().toPlainString())));
        }
    }

    /** The headline figures, side by side, rejections by reason. */
    List<Figure> figures(Outcome actual, Outcome whatIf) {
        List<Figure> figures = new ArrayList<>();
        figures.add(count("placed", "Orders placed", actual.ordersPlaced(), whatIf.ordersPlaced()));
        figures.add(count("accepted", "Accepted", actual.accepted(), whatIf.accepted()));
        TreeSet<String> reasons = new TreeSet<>(actual.rejected().keySet());
        reasons.addAll(whatIf.rejected().keySet());
        if (reasons.isEmpty()) {
            figures.add(count("rejected", "Rejected", 0, 0));
        }
        reasons.forEach(reason -> figures.add(count(
                "rejected-" + reason,
                "Rejected: " + reasonInWords(reason),
                actual.rejected().getOrDefault(reason, 0L),
                whatIf.rejected().getOrDefault(reason, 0L))));
        figures.add(count("cancelled", "Cancelled", actual.cancelled(), whatIf.cancelled()));
        BigDecimal revenueDifference = whatIf.revenue().subtract(actual.revenue());
        figures.add(new Figure(
                "revenue",
                "Revenue",
                fmt.money(actual.revenue()),
                fmt.money(whatIf.revenue()),
                (revenueDifference.signum() > 0 ? "+" : "") + fmt.money(revenueDifference)));
        figures.add(count("sold", "Units sold", actual.unitsSold(), whatIf.unitsSold()));
        figures.add(count("lost", "Units lost", actual.unitsLost(), whatIf.unitsLost()));
        return figures;
    }

    private static Figure count(String key, String label, long actual, long whatIf) {
        long difference = whatIf - actual;
        return new Figure(
                key, label, String.valueOf(actual), String.valueOf(whatIf), (difference > 0 ? "+" : "") + difference);
    }

    private static String reasonInWords(String reason) {
        try {
            return Formats.reasonText(RejectionReason.valueOf(reason));
        } catch (IllegalArgumentException unknown) {
            return reason;
        }
    }

    /** Every rule the timeline changed, in words; "none" when it runs by the defaults. */
    static List<String> rulesInWords(TimelineRules rules, Map<String, String> productNames) {
        List<String> words = new ArrayList<>();
        if (rules == null) {
            return List.of("no rule changed");
        }
        if (Boolean.TRUE.equals(rules.partialFulfilment())) {
            words.add("partial fulfilment");
        }
        if (rules.creditLimit() != null && rules.creditLimit().signum() > 0) {
            words.add("credit limit " + rules.creditLimit().stripTrailingZeros().toPlainString());
        }
        if (rules.priceChangePercent() != null && rules.priceChangePercent().signum() != 0) {
            BigDecimal percent = rules.priceChangePercent().stripTrailingZeros();
            List<String> products = rules.priceChangeProducts() == null ? List.of() : rules.priceChangeProducts();
            words.add("prices " + (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + " % on "
                    + (products.isEmpty()
                            ? "every product"
                            : String.join(
                                    ", ",
                                    products.stream()
                                            .map(id -> productNames.getOrDefault(id, id))
                                            .toList())));
        }
        if (rules.autoRestock() != null) {
            Duration delay = rules.autoRestock().delay() == null
                    ? Duration.ofHours(1)
                    : rules.autoRestock().delay();
            words.add("automatic restock of " + rules.autoRestock().quantity() + " below "
                    + rules.autoRestock().below() + ", " + delay.toMinutes() + " min later");
        }
        return words.isEmpty() ? List.of("no rule changed") : words;
    }

    /** The products' names by id, as the per-product table and the rules name them. */
    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        views.products().forEach(product -> names.put(product.productId().value(), product.name()));
        return names;
    }

    private static Map<String, String> rules() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("creditLimit", "Credit limit (how far below zero)");
        fields.put("priceChangePercent", "Price change %");
        fields.put("restockBelow", "Restock when available falls below");
        fields.put("restockQuantity", "Restock quantity");
        fields.put("restockDelayMinutes", "Restock arrives after (minutes; 60 when empty)");
        return fields;
    }

    private static TimelineRules rules(TimelineForm form) {
        boolean restock = form.getRestockBelow() != null || form.getRestockQuantity() != null;
        return new TimelineRules(
                form.isPartialFulfilment(),
                form.getCreditLimit(),
                form.getPriceChangePercent(),
                List.copyOf(form.getPriceChangeProducts()),
                restock
                        ? new TimelineRules.AutoRestock(
                                form.getRestockBelow(),
                                form.getRestockQuantity(),
                                form.getRestockDelayMinutes() == null
                                        ? null
                                        : Duration.ofMinutes(form.getRestockDelayMinutes()))
                        : null);
    }

    /** Null when left empty: the timeline's check says it is required. */
    private static Instant instant(String typed, String field, BindingResult errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(typed.strip());
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "instant", "must be a date and time");
            return null;
        }
    }

    private static void reject(Refusal refusal, BindingResult errors) {
        String field = refusal.field() == null ? null : FIELDS.get(refusal.field());
        if (field != null) {
            errors.rejectValue(field, refusal.kind().name(), refusal.reason());
        } else if (refusal.is(Refusal.Kind.BUSY)) {
            errors.reject("busy", Refusals.sentence(refusal.reason()));
        } else {
            errors.reject("refused", Refusals.sentence(refusal.detail()));
        }
    }
}
