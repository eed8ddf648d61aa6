package io.sourced.query.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The processors' figures on {@code /actuator/prometheus}, tagged {@code processor}, each read from the
 * {@link ProcessorWatch}'s latest reading when scraped (NaN when it could not be read). Their names and meaning are in
 * docs/operations.md.
 */
final class ProcessorGauges {

    private record Figure(
            String name, String unit, String description, ToDoubleFunction<ProcessorWatch.Vitals> value) {}

    private static final List<Figure> FIGURES = List.of(
            new Figure(
                    "sourced.processor.position",
                    null,
                    "The last position in the log the processor handled (its segments' lowest); NaN before any",
                    vitals -> vitals.position() == null ? Double.NaN : vitals.position()),
            new Figure(
                    "sourced.processor.lag.events",
                    "events",
                    "Events between the processor's position and the head of the log",
                    ProcessorWatch.Vitals::lag),
            new Figure(
                    "sourced.processor.lag.seconds",
                    "seconds",
                    "How long ago the oldest event the processor has not handled happened; 0 at the head",
                    ProcessorWatch.Vitals::lagSeconds),
            new Figure(
                    "sourced.processor.dead.letters",
                    null,
                    "Events parked in the dead-letter queues of the processor's groups",
                    ProcessorWatch.Vitals::deadLetters),
            new Figure(
                    "sourced.processor.rebuild.progress",
                    null,
                    "From 0 to 1 while the processor's views are rebuilt or it replays; NaN otherwise",
                    ProcessorWatch.Vitals::rebuildProgress),
            new Figure(
                    "sourced.processor.degraded",
                    null,
                    "1 while the processor is in error or stands still behind the log (health DEGRADED), else 0",
                    vitals -> vitals.degraded() ? 1 : 0));

    private ProcessorGauges() {}

    static void register(MeterRegistry registry, ProcessorWatch watch, Collection<String> processors) {
        for (String processor : processors) {
            for (Figure figure : FIGURES) {
                Gauge.builder(
                                figure.name(),
                                watch,
                                w -> w.current()
                                        .of(processor)
                                        .map(figure.value()::applyAsDouble)
                                        .orElse(Double.NaN))
                        .tag("processor", processor)
                        .baseUnit(figure.unit())
                        .description(figure.description())
                        .register(registry);
            }
        }
    }
}
