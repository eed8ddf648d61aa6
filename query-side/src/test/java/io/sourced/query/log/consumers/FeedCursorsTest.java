package io.sourced.query.log.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class FeedCursorsTest {

    private final byte[] key = FeedCursors.newKey();

    @Test
    void decode_ofACursorMadeWithTheKey_givesThePositionBack() {
        assertThat(FeedCursors.decode(key, FeedCursors.encode(key, 42))).hasValue(42);
        assertThat(FeedCursors.decode(key, FeedCursors.encode(key, -1))).hasValue(-1);
    }

    @Test
    void encode_twice_givesTwoCursorsThatTellNothingOfTheirOrder() {
        String first = FeedCursors.encode(key, 7);
        String again = FeedCursors.encode(key, 7);

        assertThat(first).isNotEqualTo(again);
        assertThat(first).hasSameSizeAs(FeedCursors.encode(key, Long.MAX_VALUE));
    }

    @Test
    void decode_ofAnotherConsumersCursor_isRefused() {
        assertThat(FeedCursors.decode(FeedCursors.newKey(), FeedCursors.encode(key, 42)))
                .isEmpty();
    }

    @Test
    void decode_ofAnAlteredCursor_isRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(FeedCursors.encode(key, 42));
        bytes[bytes.length - 1] ^= 1;

        assertThat(FeedCursors.decode(
                        key, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)))
                .isEmpty();
    }

    @Test
    void decode_ofWhatIsNoCursor_isRefused() {
        assertThat(FeedCursors.decode(key, "42")).isEmpty();
        assertThat(FeedCursors.decode(key, "")).isEmpty();
        assertThat(FeedCursors.decode(key, "not base64 at all!")).isEmpty();
        assertThat(FeedCursors.decode(key, "A".repeat(10_000))).isEmpty();
        assertThat(FeedCursors.decode(key, null)).isEmpty();
    }
}
