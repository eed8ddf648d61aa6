package io.sourced.timelines;

import io.sourced.api.timelines.TimelineRules;
import java.time.Instant;

/** A timeline asked: its name, the period of the log to run again, and the rules to run it by. */
record TimelineRequest(String name, Instant from, Instant to, TimelineRules rules) {}
