package io.sourced.query.log.consumers;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

record EventTypesGrant(
        @Schema(
                description = "event types of the catalog to grant besides those it has",
                example = "[\"OrderAcceptedEvent\"]")
        @NotEmpty
        @Size(max = 100)
        List<String> eventTypes) {}
