package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void theNameTheParentAndTheCpuTimes() {
        ProcStat stat = ProcStat.parse(
                "7921 (postgres) S 7890 7921 7921 0 -1 4194560 3127 0 0 0 1520 411 36 12 20 0 1 0"
                        + " 1042 226632 37342 18446744073709551615 1 1 0 0 0 0 0 4096 536883718 0 0 0 17 1 0 0 0 0 0\n");
        assertThat(stat.name()).isEqualTo("postgres");
        assertThat(stat.parent()).isEqualTo(7890);
        assertThat(stat.cpuSeconds()).isEqualTo(19.31);
        assertThat(stat.childrenCpuSeconds()).isEqualTo(0.48);
    }

    @Test
    void aNameWithSpacesAndParentheses() {
        ProcStat stat = ProcStat.parse("7901 (C2 CompilerThre) S 1 7892 7892 0 -1 1077936192 0 0 0 0 17041 339 0 0 20"
                + " 0 40 0 1001 3329696 176804 18446744073709551615 1 1 0 0 0 0 4 0 16902 0 0 0 -1 0 0 0 0 0 0");
        assertThat(stat.name()).isEqualTo("C2 CompilerThre");
        assertThat(stat.cpuSeconds()).isEqualTo(173.8);
        assertThat(ProcStat.parse("42 (a) b (c)) R 1 42 42 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 1 1 1 1")
                        .name())
                .isEqualTo("a) b (c)");
    }
}
