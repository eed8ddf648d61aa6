package io.sourced.api.operations;

/**
 * One segment of a processor's token: the replica that holds it ({@code null} while no one does), whether that
 * replica still says it is alive (a killed replica's claim outlives it until the claim times out), how far the
 * segment got in the log and whether it is replaying.
 */
public record SegmentClaim(int segment, String replica, boolean replicaAlive, Long position, boolean replaying) {

    public SegmentClaim progressed(Long position, boolean replaying) {
        return new SegmentClaim(segment, replica, replicaAlive, position, replaying);
    }
}
