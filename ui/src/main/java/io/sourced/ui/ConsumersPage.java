package io.sourced.ui;

import io.sourced.api.catalog.EventSchema;
import io.sourced.api.catalog.FindEventCatalogQuery;
import io.sourced.api.consumers.ConsumerId;
import io.sourced.api.consumers.ConsumerView;
import io.sourced.api.consumers.DisableConsumerCommand;
import io.sourced.api.consumers.EnableConsumerCommand;
import io.sourced.api.consumers.FindConsumersQuery;
import io.sourced.api.consumers.GrantEventTypesCommand;
import io.sourced.api.consumers.IssuedToken;
import io.sourced.api.consumers.RegisterConsumerCommand;
import io.sourced.api.consumers.RotateConsumerTokenCommand;
import io.sourced.api.refusal.Refusal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Consumers of the event feed (ADMIN): register one with its event types, grant it more, rotate its token, disable
 * or enable it. A token is shown once, on the page that follows its making.
 */
@Controller
class ConsumersPage extends Pages {

    private final QueryGateway queries;
    private final CommandGateway commands;

    ConsumersPage(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @GetMapping("/admin/consumers")
    String consumers(Model model) {
        model.addAttribute("consumers", consumers(queries));
        model.addAttribute(
                "eventTypes",
                queries
                        .query(new FindEventCatalogQuery(), ResponseTypes.multipleInstancesOf(EventSchema.class))
                        .join()
                        .stream()
                        .map(EventSchema::type)
                        .toList());
        return "admin/consumers";
    }

    static List<ConsumerView> consumers(QueryGateway queries) {
        return queries.query(new FindConsumersQuery(), ResponseTypes.multipleInstancesOf(ConsumerView.class))
                .join();
    }

    @PostMapping("/admin/consumers")
    String register(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> eventTypes,
            @RequestParam(defaultValue = "false") boolean personalData,
            RedirectAttributes redirect) {
        AtomicReference<IssuedToken> issued = new AtomicReference<>();
        Optional<Refusal> refused = Refusals.refused(() -> issued.set(commands.sendAndWait(new RegisterConsumerCommand(
                ConsumerId.random(), name, eventTypes == null ? List.of() : eventTypes, personalData))));
        if (refused.isPresent()) {
            redirect.addFlashAttribute(
                    "problem", Refusals.sentence(refused.get().detail()));
            redirect.addFlashAttribute("name", name);
        } else {
            showOnce(redirect, "Registered " + name.strip(), issued.get());
        }
        return "redirect:/admin/consumers";
    }

    @PostMapping("/admin/consumers/{consumerId}/event-types")
    String grant(
            @PathVariable String consumerId,
            @RequestParam(required = false) List<String> eventTypes,
            RedirectAttributes redirect) {
        ConsumerId id = idOrNotFound(consumerId);
        String problem = Refusals.refusalOf(() ->
                commands.sendAndWait(new GrantEventTypesCommand(id, eventTypes == null ? List.of() : eventTypes)));
        redirect.addFlashAttribute(problem == null ? "notice" : "problem", problem == null ? "Granted." : problem);
        return "redirect:/admin/consumers";
    }

    @PostMapping("/admin/consumers/{consumerId}/token")
    String rotate(@PathVariable String consumerId, RedirectAttributes redirect) {
        AtomicReference<IssuedToken> issued = new AtomicReference<>();
        String problem = Refusals.refusalOf(
                () -> issued.set(commands.sendAndWait(new RotateConsumerTokenCommand(idOrNotFound(consumerId)))));
        if (problem != null) {
            throw new PageNotFound();
        }
        showOnce(redirect, "A new token; the old one is refused from now on", issued.get());
        return "redirect:/admin/consumers";
    }

    @PostMapping("/admin/consumers/{consumerId}/disable")
    String disable(@PathVariable String consumerId, RedirectAttributes redirect) {
        send(new DisableConsumerCommand(idOrNotFound(consumerId)));
        redirect.addFlashAttribute("notice", "Disabled: its token is refused, its open streams end.");
        return "redirect:/admin/consumers";
    }

    @PostMapping("/admin/consumers/{consumerId}/enable")
    String enable(@PathVariable String consumerId, RedirectAttributes redirect) {
        send(new EnableConsumerCommand(idOrNotFound(consumerId)));
        redirect.addFlashAttribute("notice", "Enabled: its token is accepted again.");
        return "redirect:/admin/consumers";
    }

    private void send(Object command) {
        if (Refusals.refusalOf(() -> commands.sendAndWait(command)) != null) {
            throw new PageNotFound();
        }
    }

    private static void showOnce(RedirectAttributes redirect, String notice, IssuedToken issued) {
        redirect.addFlashAttribute("notice", notice + ". Copy its token now: it is not shown again.");
        redirect.addFlashAttribute("token", issued.token());
    }

    private static ConsumerId idOrNotFound(String consumerId) {
        try {
            return ConsumerId.of(consumerId);
        } catch (IllegalArgumentException e) {
            throw new PageNotFound();
        }
    }
}
