package io.sourced.query.log.lake;

import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.TrackingEventProcessor;

/**
 * The data-lake tracking processor, which starts only where the lake's folder is ({@link DataLakeProjector#mayStart}):
 * elsewhere it stays stopped, claiming no segment, however it is asked to start (at start-up, after a replay), so
 * the replicas that share the folder write the lake.
 */
class LakeProcessor extends TrackingEventProcessor {

    private final BooleanSupplier mayStart;

    LakeProcessor(Builder builder, BooleanSupplier mayStart) {
        super(builder);
        this.mayStart = mayStart;
    }

    @Override
    public void start() {
        if (mayStart.getAsBoolean()) {
            super.start();
        }
    }
}
