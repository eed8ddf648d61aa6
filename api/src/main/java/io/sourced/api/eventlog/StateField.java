package io.sourced.api.eventlog;

/**
 * One field of a state, named by its path ({@code lines[0].unitPrice}), its value as text (null for none), and
 * whether the event changed it, with the value it had before (null for none).
 */
public record StateField(String name, String value, boolean changed, String before) {}
