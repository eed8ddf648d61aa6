package io.sourced.query.log.consumers;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

record ConsumerRegistration(
        @Schema(description = "unique among consumers", example = "warehouse-analytics")
        @NotBlank
        @Size(max = ConsumerRegistry.MAX_NAME_LENGTH)
        String name,

        @Schema(description = "event types of the catalog it may read", example = "[\"OrderPlacedEvent\"]")
        @NotEmpty
        @Size(max = 100)
        List<String> eventTypes,

        @Schema(
                description =
                        "whether personal fields (names, usernames) are left in its payloads; false when left out",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        Boolean personalData) {}
