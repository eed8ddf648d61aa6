package io.sourced.query.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the outside systems are and one HTTP attempt at them, bounded by {@code sourced.integration.timeout}.
 * Base URLs are read from the environment at each call, not at start-up: the embedded default points them at the
 * simulators on this very server, whose port ({@code local.server.port}) is known only once it listens.
 */
@Component
class ExternalSystems {

    static final String CRM_URL = "sourced.crm.base-url";
    static final String SHIPPING_URL = "sourced.shipping.base-url";

    record Reply(int status, String body) {}

    private final Environment environment;
    private final IntegrationSettings settings;
    private final HttpClient http;

    ExternalSystems(Environment environment, IntegrationSettings settings) {
        this.environment = environment;
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** An unset or unresolvable base URL fails the start, not the first order. */
    @EventListener(WebServerInitializedEvent.class)
    void checkConfigured() {
        for (String property : List.of(CRM_URL, SHIPPING_URL)) {
            try {
                baseUrl(property);
            } catch (ExternalSystemFailure e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    URI crm(String path) {
        return URI.create(baseUrl(CRM_URL) + path);
    }

    URI shipping(String path) {
        return URI.create(baseUrl(SHIPPING_URL) + path);
    }

    Reply get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().header("Accept", "application/json"));
    }

    Reply post(URI uri, String json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        headers.forEach(request::header);
        return send(request);
    }

    private Reply send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(settings.timeout()).build();
        try {
            HttpResponse<String> response =
                    http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new ExternalSystemFailure(built.method() + " " + built.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted calling " + built.uri(), e);
        }
    }

    private String baseUrl(String property) {
        String value;
        try {
            value = environment.getProperty(property);
        } catch (IllegalArgumentException unresolvable) {
            throw new ExternalSystemFailure(property + " cannot be resolved: " + unresolvable.getMessage());
        }
        if (value == null || value.isBlank()) {
            throw new ExternalSystemFailure(property + " is not set (see docs/operations.md: integrations)");
        }
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ExternalSystemFailure(property + " is not a URL: " + value);
        }
        if (!uri.isAbsolute() || !List.of("http", "https").contains(uri.getScheme())) {
            throw new ExternalSystemFailure(property + " is not an http(s) URL: " + value);
        }
        String url = uri.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
