package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JstatTest {

    @Test
    void theCompileTimeIsTheTimeColumn() {
        String output = """
                Compiled Failed Invalid   Time   FailedType FailedMethod
                   12873      2       0    41.37          1 org/example/Orders place
                """;
        assertThat(Jstat.compileSeconds(output)).isEqualTo(41.37);
    }

    @Test
    void noFailedMethodLeavesItsColumnBlank() {
        String output = "Compiled Failed Invalid   Time   FailedType FailedMethod\n"
                + "     966      0       0     0.65          0             \n";
        assertThat(Jstat.compileSeconds(output)).isEqualTo(0.65);
    }

    @Test
    void aDecimalCommaOfTheDefaultLocale() {
        String output = "Compiled Failed Invalid   Time   FailedType FailedMethod\n"
                + "     966      0       0     0,65          0             \n";
        assertThat(Jstat.compileSeconds(output)).isEqualTo(0.65);
    }

    @Test
    void refusesWhatIsNotItsOutput() {
        assertThatThrownBy(() -> Jstat.compileSeconds("12345 not found")).hasMessageContaining("no Time column");
        assertThatThrownBy(() -> Jstat.compileSeconds("Compiled Failed Invalid   Time   FailedType FailedMethod\n"))
                .hasMessageContaining("no Time column");
    }
}
