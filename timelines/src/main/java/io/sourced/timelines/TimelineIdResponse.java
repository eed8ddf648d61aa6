package io.sourced.timelines;

record TimelineIdResponse(String timelineId) {}
