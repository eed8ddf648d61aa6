package io.sourced.ui;

import io.sourced.api.operations.CancelReplayCommand;
import io.sourced.api.operations.DeadLetterView;
import io.sourced.api.operations.FindDeadLettersQuery;
import io.sourced.api.operations.FindProcessorsQuery;
import io.sourced.api.operations.FindWorkflowBacklogQuery;
import io.sourced.api.operations.ProcessorStatus;
import io.sourced.api.operations.ReplayOutcome;
import io.sourced.api.operations.ReplayProcessorCommand;
import io.sourced.api.operations.RetryDeadLettersCommand;
import io.sourced.api.operations.RetryOutcome;
import io.sourced.api.operations.SegmentClaim;
import io.sourced.api.operations.WorkflowBacklogView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The event processors and their dead letters (ADMIN): status, lag, replay, retry — the query side's own logic,
 * asked over the query bus and, for what changes something, the command bus, wherever the processors run.
 */
@Controller
class OperationsPage extends Pages {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final String replica;
    private final Formats fmt;

    OperationsPage(
            QueryGateway queries,
            CommandGateway commands,
            @Value("${sourced.replica.name}") String replica,
            Formats fmt) {
        this.queries = queries;
        this.commands = commands;
        this.replica = replica;
        this.fmt = fmt;
    }

    private List<ProcessorStatus> statuses() {
        return queries.query(new FindProcessorsQuery(), ResponseTypes.multipleInstancesOf(ProcessorStatus.class))
                .join();
    }

    /** Empty where no process of the command role answers (a split by roles with that part away). */
    private Optional<WorkflowBacklogView> workflow() {
        try {
            return Optional.ofNullable(
                    queries.query(new FindWorkflowBacklogQuery(), ResponseTypes.instanceOf(WorkflowBacklogView.class))
                            .join());
        } catch (CompletionException noAnswer) {
            return Optional.empty();
        }
    }

    @GetMapping("/admin/operations")
    String operations(Model model) {
        workflow().ifPresent(w -> {
            model.addAttribute("workflow", w);
            model.addAttribute("admission", admissionInWords(w));
        });
        List<ProcessorStatus> statuses = statuses();
        model.addAttribute("processors", statuses);
        model.addAttribute(
                "claims", statuses.stream().collect(Collectors.toMap(ProcessorStatus::name, p -> claims(p.claims()))));
        model.addAttribute("replica", replica);
        model.addAttribute("consumers", ConsumersPage.consumers(queries));
        model.addAttribute("rebuilds", rebuilds(statuses));
        addDeadLetters(model);
        return "admin/operations";
    }

    /** The rebuilds alone, which the page re-reads while it is open. */
    @GetMapping("/admin/operations/rebuilds")
    String rebuilds(Model model) {
        model.addAttribute("rebuilds", rebuilds(statuses()));
        return "admin/operations :: rebuilds";
    }

    private static List<ProcessorStatus> rebuilds(List<ProcessorStatus> statuses) {
        return statuses.stream().filter(status -> status.rebuild() != null).toList();
    }

    /** What the page rewrites every 2 s: each processor's figures, already in words. */
    @GetMapping("/admin/operations/live")
    @ResponseBody
    Map<String, String> live() {
        Map<String, String> values = new LinkedHashMap<>();
        statuses().forEach(p -> {
            values.put("segments:" + p.name(), String.valueOf(p.segments()));
            values.put("claims:" + p.name(), claims(p.claims()));
            values.put("position:" + p.name(), figure(p.position()));
            values.put("head:" + p.name(), figure(p.headPosition()));
            values.put("lag:" + p.name(), figure(p.lag()));
            values.put("replaying:" + p.name(), p.replaying() ? "yes" : "no");
            values.put("status:" + p.name(), p.status());
            values.put("deadLetters:" + p.name(), String.valueOf(p.deadLetters()));
        });
        workflow().ifPresent(w -> {
            values.put("workflow:pending", String.valueOf(w.pendingOrders()));
            values.put("workflow:rate", fmt.tenths(w.decidedPerSecond()));
            values.put("workflow:oldest", fmt.tenths(w.oldestPendingSeconds()) + " s");
            values.put("workflow:wait", fmt.tenths(w.expectedWaitSeconds()) + " s");
            values.put("workflow:admission", admissionInWords(w));
            values.put("workflow:refused", String.valueOf(w.refusedOrders()));
        });
        return values;
    }

    static String admissionInWords(WorkflowBacklogView workflow) {
        if (!workflow.admission()) {
            return "off: every order is taken";
        }
        return workflow.refusing() ? "refusing new orders" : "taking new orders";
    }

    /** "0 replica-a · 1 replica-b (silent) · 2 nobody": who holds each segment, in words. */
    private static String claims(List<SegmentClaim> claims) {
        if (claims.isEmpty()) {
            return "—";
        }
        return claims.stream()
                .map(claim -> claim.segment() + " "
                        + (claim.replica() == null
                                ? "nobody"
                                : claim.replica() + (claim.replicaAlive() ? "" : " (silent)")))
                .collect(Collectors.joining(" · "));
    }

    /** The dead letters alone, which the page re-reads while it is open. */
    @GetMapping("/admin/operations/dead-letters")
    String deadLetters(Model model) {
        addDeadLetters(model);
        return "admin/operations :: dead-letters";
    }

    @PostMapping("/admin/operations/processors/{name}/replay")
    String replay(@PathVariable String name, RedirectAttributes redirect) {
        ReplayOutcome outcome = commands.sendAndWait(new ReplayProcessorCommand(name));
        switch (outcome) {
            case UNKNOWN -> throw new PageNotFound();
            case NOT_REPLAYABLE ->
                redirect.addFlashAttribute(
                        "problem",
                        name + " cannot be replayed: replaying a saga"
                                + " or a subscribing processor would repeat its side effects.");
            case HELD_ELSEWHERE ->
                redirect.addFlashAttribute(
                        "problem",
                        name + " cannot be replayed now: other"
                                + " replicas did not release its segments in time. Try again.");
            case ALREADY_UNDER_WAY ->
                redirect.addFlashAttribute("problem", name + " is being rebuilt already: see its progress below.");
            case STARTED ->
                redirect.addFlashAttribute(
                        "notice",
                        "Replaying " + name + ": its views are being rebuilt from the first event beside the live"
                                + " ones, which keep answering until the rebuilt ones take over.");
        }
        return "redirect:/admin/operations";
    }

    @PostMapping("/admin/operations/processors/{name}/replay/cancel")
    String cancelReplay(@PathVariable String name, RedirectAttributes redirect) {
        Boolean cancelled = commands.sendAndWait(new CancelReplayCommand(name));
        if (Boolean.TRUE.equals(cancelled)) {
            redirect.addFlashAttribute("notice", "The rebuild of " + name + " stops; its live views stay as they are.");
        } else {
            redirect.addFlashAttribute("problem", "No rebuild of " + name + " is under way.");
        }
        return "redirect:/admin/operations";
    }

    @PostMapping("/admin/operations/dead-letters/{name}/retry")
    String retry(@PathVariable String name, RedirectAttributes redirect) {
        RetryOutcome outcome = commands.sendAndWait(new RetryDeadLettersCommand(name));
        if (outcome == null) {
            throw new PageNotFound();
        }
        int retried = outcome.retriedSequences();
        long remaining = outcome.remainingDeadLetters();
        if (remaining == 0) {
            redirect.addFlashAttribute(
                    "notice", "Retried " + sequences(retried) + " of " + name + ": every dead letter went through.");
        } else {
            redirect.addFlashAttribute(
                    "problem",
                    "Retried " + sequences(retried) + " of " + name + "; " + remaining
                            + (remaining == 1 ? " dead letter still fails" : " dead letters still fail")
                            + ": fix their cause, then retry again.");
        }
        return "redirect:/admin/operations";
    }

    private void addDeadLetters(Model model) {
        Map<String, List<DeadLetterView>> byProcessor = new LinkedHashMap<>();
        queries.query(new FindDeadLettersQuery(), ResponseTypes.multipleInstancesOf(DeadLetterView.class))
                .join()
                .forEach(letter -> byProcessor
                        .computeIfAbsent(letter.processor(), name -> new ArrayList<>())
                        .add(letter));
        model.addAttribute("deadLetters", byProcessor);
    }

    private static String sequences(int count) {
        return count + (count == 1 ? " parked sequence" : " parked sequences");
    }

    private static String figure(Long value) {
        return value == null ? "—" : String.valueOf(value);
    }
}
