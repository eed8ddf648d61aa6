package io.sourced.app.replicas;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, but a cancellation that meets its deadline firing at that moment (on this
 * replica or another) is done, not a failure. Axon's fails the saga step that cancels, which rolls it back and sends
 * its commands again; yet the firing deadline waits for that step's lock on the saga and then finds the order over.
 */
class TimeoutsCancelledWhileFiring extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(TimeoutsCancelledWhileFiring.class);

    private final Scheduler scheduler;

    TimeoutsCancelledWhileFiring(Builder builder, Scheduler scheduler) {
        super(builder.scheduler(scheduler));
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> cancel(scheduleId));
    }

    private void cancel(String scheduleId) {
        try {
            scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
        } catch (TaskInstanceNotFoundException gone) {
            log.debug("Deadline {} was no longer scheduled", scheduleId);
        } catch (TaskInstanceCurrentlyExecutingException firing) {
            log.debug("Deadline {} is firing; it finds its saga as this step leaves it", scheduleId);
        }
    }
}
