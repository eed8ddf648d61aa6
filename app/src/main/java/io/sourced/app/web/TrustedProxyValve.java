package io.sourced.app.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * X-Forwarded-For and X-Forwarded-Proto, believed only when the connection comes from a proxy listed in
 * {@code sourced.http.trusted-proxies} (addresses or CIDR ranges, IPv4 or IPv6): from anywhere else they are
 * ignored, whoever sends them. The client is the last address of X-Forwarded-For that is not one of those proxies
 * (each proxy appends the address it was reached from, so what precedes is whatever the client claimed);
 * X-Forwarded-Proto {@code https} marks the request secure, so its session cookie is too.
 */
final class TrustedProxyValve extends ValveBase {

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F.]*:[0-9a-fA-F:.]*");

    private final List<IpAddressMatcher> proxies;

    TrustedProxyValve(List<String> proxies) {
        super(true);
        this.proxies = proxies.stream()
                .map(String::trim)
                .filter(proxy -> !proxy.isEmpty())
                .map(IpAddressMatcher::new)
                .toList();
    }

    boolean trusts(String address) {
        return isAddress(address) && proxies.stream().anyMatch(proxy -> proxy.matches(address));
    }

    /** The address the nearest proxy not of ours was reached from, or null when the header names none. */
    String clientOf(List<String> forwardedFor) {
        List<String> hops = new ArrayList<>();
        forwardedFor.forEach(header -> {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        });
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!isAddress(hops.get(i))) {
                return null;
            }
            if (i == 0 || !trusts(hops.get(i))) {
                return hops.get(i);
            }
        }
        return null;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (proxies.isEmpty() || !trusts(request.getRemoteAddr())) {
            getNext().invoke(request, response);
            return;
        }
        String remoteAddr = request.getRemoteAddr();
        String remoteHost = request.getRemoteHost();
        boolean secure = request.isSecure();
        String scheme = request.getScheme();
        int port = request.getServerPort();
        try {
            String client = clientOf(Collections.list(request.getHeaders("X-Forwarded-For")));
            if (client != null) {
                request.setRemoteAddr(client);
                request.setRemoteHost(client);
            }
            String proto = request.getHeader("X-Forwarded-Proto");
            if (proto != null) {
                boolean https = List.of(proto.split(",")).stream()
                        .allMatch(p -> p.trim().equalsIgnoreCase("https"));
                request.setSecure(https);
                request.getCoyoteRequest().scheme().setString(https ? "https" : "http");
                request.setServerPort(https ? 443 : 80);
            }
            getNext().invoke(request, response);
        } finally {
            request.setRemoteAddr(remoteAddr);
            request.setRemoteHost(remoteHost);
            request.setSecure(secure);
            request.getCoyoteRequest().scheme().setString(scheme);
            request.setServerPort(port);
        }
    }

    /** An IPv4 or IPv6 literal, told without a name lookup: anything else (a name, a port) is no address here. */
    private static boolean isAddress(String hop) {
        if (IPV4.matcher(hop).matches()) {
            return true;
        }
        if (!IPV6.matcher(hop).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(hop); // a literal with a colon is parsed, never looked up
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
