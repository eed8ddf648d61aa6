package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.sourced.bench.ProcessProbe.Compilation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessProbeTest {

    @Test
    void theCompilerThreadsByTheirNamesInProc() {
        assertThat(Compilation.compilerThread("C2 CompilerThre")).isTrue();
        assertThat(Compilation.compilerThread("C1 CompilerThre")).isTrue();
        assertThat(Compilation.compilerThread("VM Thread")).isFalse();
        assertThat(Compilation.compilerThread("Sweeper thread")).isFalse();
    }

    @Test
    void compilationSinceAnEarlierReadingByThread() {
        Compilation earlier = new Compilation(Map.of(11L, 40.0, 12L, 3.0, 13L, 1.5), 1_000_000_000L);
        // thread 13 stopped, thread 14 started: the one counts nothing more, the other all it used
        Compilation later = new Compilation(Map.of(11L, 42.5, 12L, 3.25, 14L, 0.25), 11_000_000_000L);
        assertThat(later.secondsSince(earlier)).isEqualTo(3.0);
        assertThat(later.coresSince(earlier)).isEqualTo(0.3);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsTheCompilerThreadsOfAJvm() {
        Compilation compilation = new ProcessProbe(ProcessHandle.current().pid()).compilation();
        assertThat(compilation.secondsByThread()).isNotEmpty();
        assertThat(compilation.secondsByThread().values())
                .allSatisfy(seconds -> assertThat(seconds).isNotNegative());
    }
}
