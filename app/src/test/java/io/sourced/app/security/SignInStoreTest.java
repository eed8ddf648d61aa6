package io.sourced.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import io.sourced.api.finance.CustomerId;
import io.sourced.api.refusal.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class SignInStoreTest {

    private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
    private final SignInStore store = new SignInStore(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder());

    @Test
    void register_passwordLongerThanTheHashTakes_isRefusedAsInvalid_andCreatesNothing() {
        String accented = "é".repeat(37);

        assertThatThrownBy(() -> store.register("carol", accented, CustomerId.random()))
                .satisfies(failure -> assertThat(Refusal.of(failure)).hasValueSatisfying(refusal -> {
                    assertThat(refusal.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(refusal.field()).isEqualTo("password");
                    assertThat(refusal.reason()).contains("72 bytes");
                }));
        verifyNoInteractions(jdbc);
    }

    @Test
    void register_passwordOfExactlyTheLimit_isStored() {
        assertThat(store.register("carol", "p".repeat(72), CustomerId.random())).isTrue();

        verify(jdbc).update(anyString(), eq("carol"), any(), eq("CUSTOMER"), anyString());
    }
}
