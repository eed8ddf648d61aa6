package io.sourced.app.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A raw HTTP client for hostile-input and authorization tests: any method, any body (also bytes that are not
 * UTF-8), any headers; a stream's body (server-sent events) is read only up to a few kilobytes, so an endless
 * stream does not hang the test.
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final int STREAM_PEEK = 16 * 1024;

    record Reply(int status, HttpHeaders headers, String body) {
        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    private final String baseUrl;
    private final boolean readStreams;

    Http(String baseUrl) {
        this(baseUrl, true);
    }

    /** {@code readStreams} false: a stream's status and headers only, without waiting for its first event. */
    Http(String baseUrl, boolean readStreams) {
        this.baseUrl = baseUrl;
        this.readStreams = readStreams;
    }

    static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Reply send(
            String method,
            String path,
            String authorization,
            String contentType,
            byte[] body,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response =
                    CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                byte[] bytes = !type.startsWith("text/event-stream")
                        ? in.readAllBytes()
                        : readStreams ? peek(in) : new byte[0];
                return new Reply(response.statusCode(), response.headers(), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first event or so of a stream: what arrives in the first read, at most a few kilobytes. */
    private static byte[] peek(InputStream in) throws IOException {
        byte[] buffer = new byte[STREAM_PEEK];
        int n = in.read(buffer);
        return n <= 0 ? new byte[0] : java.util.Arrays.copyOf(buffer, n);
    }
}
