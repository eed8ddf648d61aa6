package io.sourced.query.log.consumers;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.OptionalLong;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The positions a consumer is handed: a log position encrypted (AES-GCM, a fresh nonce each time) with the consumer's
 * own key. The log's positions count every event, so a consumer handed them would see the gaps its ungranted events
 * leave, and learn how many there are; an encrypted one tells it nothing, not even whether two are equal, and one
 * made for another consumer or altered does not decrypt.
 */
final class FeedCursors {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_LENGTH = 64;

    private FeedCursors() {}

    static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    static String encode(byte[] key, long position) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(
                    ByteBuffer.allocate(Long.BYTES).putLong(position).array());
            byte[] cursor = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The position, or empty when the text is not a cursor made with this key. */
    static OptionalLong decode(byte[] key, String cursor) {
        if (cursor == null || cursor.length() > MAX_LENGTH) {
            return OptionalLong.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor.strip());
            if (bytes.length != NONCE_BYTES + Long.BYTES + TAG_BITS / 8) {
                return OptionalLong.empty();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return OptionalLong.of(ByteBuffer.wrap(plain).getLong());
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return OptionalLong.empty();
        }
    }
}
