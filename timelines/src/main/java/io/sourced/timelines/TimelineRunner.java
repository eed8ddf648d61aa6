package io.sourced.timelines;

import io.sourced.command.Refused;
import io.sourced.timelines.engine.TimelineEngine;
import io.sourced.timelines.engine.TimelineResult;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Runs timelines on a bounded pool ({@code sourced.timelines.pool-size} at once, {@code waiting} more in line),
 * records their progress and outcome, keeps their rows alive while they run here, and stops one whose row was
 * deleted (here or on another replica).
 */
@Component
class TimelineRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TimelineRunner.class);
    private static final long PROGRESS_EVERY_MILLIS = 500;

    private final TimelineStore store;
    private final TimelineEngine engine;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService heartbeat;
    /** The timelines of this process, running or waiting, each with its "stop" flag. */
    private final Map<String, AtomicBoolean> here = new ConcurrentHashMap<>();

    TimelineRunner(
            TimelineStore store,
            TimelineEngine engine,
            TimelineSettings settings,
            @Value("${sourced.replica.name}") String replica) {
        this.store = store;
        this.engine = engine;
        int abandoned = store.abandonedBy(replica);
        if (abandoned > 0) {
            log.info("{} timeline(s) running when this replica stopped are marked FAILED", abandoned);
        }
        this.pool = new ThreadPoolExecutor(
                settings.poolSize(),
                settings.poolSize(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, settings.waiting())),
                new CustomizableThreadFactory("timeline-"));
        this.heartbeat =
                Executors.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("timeline-heartbeat-"));
        long every = TimelineStore.HEARTBEAT.toMillis();
        heartbeat.scheduleWithFixedDelay(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts the timeline, recorded already; refused (429) when the pool and its line are full. */
    void start(String id, AskedTimeline asked) {
        AtomicBoolean stop = new AtomicBoolean();
        here.put(id, stop);
        try {
            pool.execute(() -> run(id, asked, stop));
        } catch (RejectedExecutionException full) {
            here.remove(id);
            throw Refused.busy("too many timelines are running or waiting; try again when one is done", 30);
        }
    }

    /** Stops the timeline if it runs here; one running elsewhere stops when its replica finds its row gone. */
    void stop(String id) {
        AtomicBoolean stop = here.get(id);
        if (stop != null) {
            stop.set(true);
        }
    }

    private void run(String id, AskedTimeline asked, AtomicBoolean stop) {
        long[] lastWrite = {0};
        try {
            TimelineResult result = engine.run(asked.from(), asked.to(), asked.rules(), done -> {
                long now = System.currentTimeMillis();
                if (!stop.get() && now - lastWrite[0] >= PROGRESS_EVERY_MILLIS) {
                    lastWrite[0] = now;
                    stop.compareAndSet(false, !store.progressed(id, done));
                }
                return !stop.get();
            });
            if (!stop.get()) {
                store.done(id, result);
            }
        } catch (CancellationException deleted) {
            log.info("Timeline {} stopped: it was deleted", id);
        } catch (RuntimeException | Error e) {
            log.warn("Timeline {} failed", id, e);
            store.failed(id, "the timeline failed: " + e.getMessage());
        } finally {
            here.remove(id);
        }
    }

    private void keepAlive() {
        here.forEach((id, stop) -> {
            try {
                if (!store.alive(id)) {
                    stop.set(true);
                }
            } catch (RuntimeException e) {
                log.debug("Timeline {}: its heartbeat failed this time", id, e);
            }
        });
    }

    @Override
    public void destroy() {
        here.values().forEach(stop -> stop.set(true));
        heartbeat.shutdownNow();
        pool.shutdownNow();
    }
}
