package io.sourced.query.log.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The versioning rule of events, which are a public interface: an event whose payload changes shape must get
 * a new, higher revision (and an upcaster from the old one), and an event type never disappears, since its
 * stored events must stay readable. Compares the committed catalog with the catalog of the code as it is now.
 */
final class CatalogCheck {

    /** Order does not matter in these arrays, nor do titles: they change no payload. */
    private static final Set<String> UNORDERED = Set.of("required", "enum");

    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "$comment");

    private CatalogCheck() {}

    static List<String> violations(List<CatalogEntry> committed, List<CatalogEntry> current) {
        Map<String, CatalogEntry> now =
                current.stream().collect(Collectors.toMap(CatalogEntry::type, Function.identity()));
        List<String> violations = new ArrayList<>();
        for (CatalogEntry before : committed) {
            CatalogEntry after = now.get(before.type());
            if (after == null) {
                violations.add(before.type() + " is gone, yet its stored events must stay readable: keep the type"
                        + " (or take it out of the committed catalog by hand once no store holds it)");
                continue;
            }
            int order = compareRevisions(after.revision(), before.revision());
            if (order < 0) {
                violations.add("%s went back from revision %s to %s: revisions only grow"
                        .formatted(before.type(), before.revision(), after.revision()));
            } else if (order == 0 && !sameShape(before.schema(), after.schema())) {
                violations.add(("%s changed shape but kept revision %s: give it @Revision(\"%s\") and an upcaster"
                                + " from revision %s, since stored events keep the old shape")
                        .formatted(after.type(), after.revision(), next(after.revision()), after.revision()));
            }
        }
        return violations;
    }

    static boolean sameShape(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }

    private static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.properties().forEach(field -> {
                if (ANNOTATIONS.contains(field.getKey())) {
                    return;
                }
                JsonNode value = field.getValue();
                if (UNORDERED.contains(field.getKey()) && value instanceof ArrayNode array) {
                    ArrayNode sorted = copy.putArray(field.getKey());
                    StreamSupport.stream(array.spliterator(), false)
                            .sorted(Comparator.comparing(JsonNode::asText))
                            .forEach(sorted::add);
                } else {
                    copy.set(field.getKey(), canonical(value));
                }
            });
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }

    private static int compareRevisions(String a, String b) {
        if (Objects.equals(a, b)) {
            return 0;
        }
        if (isNumber(a) && isNumber(b)) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return 1;
    }

    private static String next(String revision) {
        if (revision == null) {
            return "1";
        }
        return isNumber(revision) ? String.valueOf(Long.parseLong(revision) + 1) : "<a new revision>";
    }

    private static boolean isNumber(String revision) {
        return revision != null && revision.matches("\\d{1,18}");
    }
}
