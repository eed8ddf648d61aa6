package io.sourced.query.log.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sourced.query.log.eventlog.Event;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LakeLayoutTest {

    private static Event event(long position, String type, String at) {
        return new Event(
                position,
                "e-" + position,
                "Order",
                "o-1",
                0L,
                type,
                "1",
                Instant.parse(at),
                JsonNodeFactory.instance.objectNode(),
                JsonNodeFactory.instance.objectNode());
    }

    @Test
    void partitionOf_anEvent_isItsUtcDayAndType() {
        assertThat(LakeLayout.partitionOf(event(7, "OrderPlacedEvent", "2026-11-26T23:59:59.999Z")))
                .isEqualTo("day=2026-11-26/type=OrderPlacedEvent");
        assertThat(LakeLayout.partitionOf(event(8, "OrderPlacedEvent", "2026-11-27T00:00:00Z")))
                .isEqualTo("day=2026-11-27/type=OrderPlacedEvent");
    }

    @Test
    void fileOf_aPartitionsEvents_namesTheirFirstAndLastPositionZeroPadded_soNamesSortInLogOrder() {
        String file = LakeLayout.fileOf("day=2026-11-26/type=StockReservedEvent", 42, 1057);

        assertThat(file)
                .isEqualTo("day=2026-11-26/type=StockReservedEvent/part-0000000000000000042-0000000000000001057.jsonl");
        List<String> names = List.of(
                LakeLayout.fileOf("p", 1000, 1000),
                LakeLayout.fileOf("p", 9, 999),
                LakeLayout.fileOf("p", Long.MAX_VALUE, Long.MAX_VALUE));
        assertThat(names.stream().sorted().toList())
                .isEqualTo(names.stream()
                        .sorted((a, b) -> Long.compare(firstPosition(a), firstPosition(b)))
                        .toList());
        assertThat(LakeLayout.isPublished(file)).isTrue();
    }

    @Test
    void stagedOf_aFile_isItsHiddenTwin_whichNoJsonlGlobMatches_andMapsBack() {
        String file = "day=2026-11-26/type=OrderPlacedEvent/part-0000000000000000001-0000000000000000003.jsonl";

        String staged = LakeLayout.stagedOf(file);

        assertThat(staged)
                .isEqualTo(
                        "day=2026-11-26/type=OrderPlacedEvent/.part-0000000000000000001-0000000000000000003.jsonl.tmp");
        assertThat(FileSystems.getDefault().getPathMatcher("glob:**/*.jsonl").matches(Path.of(staged)))
                .isFalse();
        assertThat(LakeLayout.isPublished(staged)).isFalse();
        assertThat(LakeLayout.fileOfStaged(staged)).contains(file);
        assertThat(LakeLayout.fileOfStaged(file)).isEmpty();
        assertThat(LakeLayout.fileOfStaged("day=x/.hidden.tmp")).isEmpty();
    }

    private static long firstPosition(String file) {
        String name = file.substring(file.lastIndexOf("part-") + 5);
        return Long.parseLong(name.substring(0, name.indexOf('-')));
    }
}
