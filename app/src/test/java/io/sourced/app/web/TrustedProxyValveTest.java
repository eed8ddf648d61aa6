package io.sourced.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxyValveTest {

    private final TrustedProxyValve behindProxies =
            new TrustedProxyValve(List.of("10.0.0.0/8", " 192.0.2.7", "fd00::/8"));

    @Test
    void trusts_noProxyConfigured_nobody() {
        TrustedProxyValve none = new TrustedProxyValve(List.of(""));

        assertThat(none.trusts("127.0.0.1")).isFalse();
        assertThat(none.trusts("10.1.2.3")).isFalse();
    }

    @Test
    void trusts_theListedAddressesAndRanges_only() {
        assertThat(behindProxies.trusts("10.1.2.3")).isTrue();
        assertThat(behindProxies.trusts("192.0.2.7")).isTrue();
        assertThat(behindProxies.trusts("fd12::1")).isTrue();
        assertThat(behindProxies.trusts("192.0.2.8")).isFalse();
        assertThat(behindProxies.trusts("127.0.0.1")).isFalse();
        assertThat(behindProxies.trusts("172.16.0.1"))
                .as("private, but not listed")
                .isFalse();
    }

    @Test
    void clientOf_isTheLastAddressNotOfAListedProxy() {
        assertThat(behindProxies.clientOf(List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientOf(List.of("203.0.113.9, 10.0.0.5"))).isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientOf(List.of("198.51.100.1, 203.0.113.9", "10.0.0.5")))
                .as("what the client claimed before the first proxy")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void clientOf_aHeaderNamingNoAddress_isNone() {
        assertThat(behindProxies.clientOf(List.of())).isNull();
        assertThat(behindProxies.clientOf(List.of("attacker.example, 10.0.0.5")))
                .isNull();
        assertThat(behindProxies.clientOf(List.of(" , "))).isNull();
        assertThat(behindProxies.clientOf(List.of("999.1.1.1, 10.0.0.5")))
                .as("not an address, and never looked up as a name")
                .isNull();
        assertThat(behindProxies.clientOf(List.of("203.0.113.9:5678, 10.0.0.5")))
                .isNull();
    }

    @Test
    void clientOf_onlyProxiesInTheHeader_isTheFirstOfThem() {
        assertThat(behindProxies.clientOf(List.of("10.0.0.9, 10.0.0.5"))).isEqualTo("10.0.0.9");
    }
}
