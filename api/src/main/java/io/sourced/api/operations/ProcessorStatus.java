package io.sourced.api.operations;

import java.util.List;

/**
 * One event processor as operators see it: the processing groups it runs ({@code groups}: the views that follow the
 * log together, each with its own dead letters), how many segments its token has and which replica holds each
 * ({@code claims}; empty for a subscribing processor, which has no token), how far it got in the log
 * ({@code position}), where the log ends ({@code headPosition}), how far behind it is, whether it is replaying,
 * its status and the events it parked as dead letters. {@code rebuild}: the latest rebuild of its views beside the live
 * ones, null when it has none.
 */
public record ProcessorStatus(
        String name,
        List<String> groups,
        String type,
        int segments,
        List<SegmentClaim> claims,
        Long position,
        Long headPosition,
        Long lag,
        boolean replaying,
        boolean replayable,
        String status,
        long deadLetters,
        RebuildProgress rebuild) {}
