package io.sourced.app.it;

import io.sourced.api.ordering.OrderPlacedEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;

/**
 * Test-only source: a processor of its own ({@value #NAME}, tracking, replayable) whose handler of placed orders
 * fails while the test says so, the way a bug or an outside system away would, and whose replay waits at its first
 * event while the test holds it. Not a component on purpose: only an instance started with it as an extra source has it.
 */
class MonitoringProbe {

    static final String NAME = "monitoring-probe";

    static volatile boolean failing;
    private static volatile CountDownLatch replayHeld;

    /** The next replay of the probe waits at its first event until {@link #releaseReplay()}. */
    static void holdReplay() {
        replayHeld = new CountDownLatch(1);
    }

    static void releaseReplay() {
        CountDownLatch held = replayHeld;
        replayHeld = null;
        if (held != null) {
            held.countDown();
        }
    }

    @Bean
    Handler monitoringProbeHandler() {
        return new Handler();
    }

    /** A failure stops the processor, which retries, instead of being logged and skipped. */
    @Autowired
    void stopOnFailure(EventProcessingConfigurer eventProcessing) {
        eventProcessing.registerListenerInvocationErrorHandler(
                NAME, configuration -> PropagatingErrorHandler.instance());
    }

    @ProcessingGroup(NAME)
    static class Handler {
        @EventHandler
        void on(OrderPlacedEvent event, ReplayStatus status) throws InterruptedException {
            CountDownLatch held = replayHeld;
            if (status.isReplay() && held != null) {
                held.await(60, TimeUnit.SECONDS);
            }
            if (failing) {
                throw new IllegalStateException("the probe fails on purpose");
            }
        }
    }
}
