package io.sourced.query.operations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Which processors' views to rebuild in one reading of the log; none named: every view kept in tables. */
record RebuildViewsRequest(@Size(max = 50) List<@NotBlank @Size(max = 255) String> processors) {

    List<String> named() {
        return processors == null ? List.of() : processors;
    }
}
