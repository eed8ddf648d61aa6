package io.sourced.query.operations;

import io.sourced.query.RebuildableView;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which processing groups each event processor runs. The views kept in tables share one processor (see
 * {@link io.sourced.query.ViewsProcessor}) while keeping their group's name, dead-letter queue and rebuild; any other
 * group is a processor of its own, of the same name. Operators may name either: a group stands for its processor.
 */
final class ProcessingGroups {

    private final List<RebuildableView> views;
    private final Function<String, Optional<String>> processorOfGroup;
    private volatile Map<String, List<RebuildableView>> viewsByProcessor;

    /** @param processorOfGroup the processor running a group (or the processor itself, given its name) */
    ProcessingGroups(List<RebuildableView> views, Function<String, Optional<String>> processorOfGroup) {
        this.views = List.copyOf(views);
        this.processorOfGroup = processorOfGroup;
    }

    /** The processor a name stands for: the one of that name, or the one running the group of that name. */
    Optional<String> processorNamed(String name) {
        return processorOfGroup.apply(name);
    }

    /** The groups the processor runs, for their dead-letter queues: its views' groups, or just its own name. */
    List<String> groupsOf(String processor) {
        List<RebuildableView> its = viewsByProcessor().getOrDefault(processor, List.of());
        return its.isEmpty()
                ? List.of(processor)
                : its.stream().map(RebuildableView::group).toList();
    }

    /** The views kept in tables, by the processor that keeps them, processors by name. */
    Map<String, List<RebuildableView>> viewsByProcessor() {
        Map<String, List<RebuildableView>> known = viewsByProcessor;
        if (known == null) {
            // the processors exist once Axon's configuration started: asked then, not when this is made
            known = views.stream()
                    .collect(Collectors.groupingBy(
                            view -> processorNamed(view.group()).orElse(view.group()),
                            TreeMap::new,
                            Collectors.toList()));
            viewsByProcessor = known;
        }
        return known;
    }
}
