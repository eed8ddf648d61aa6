package io.sourced.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void theFullRunByDefault() {
        Options options = Options.parse(List.of());
        assertThat(options.quick()).isFalse();
        assertThat(options.scale()).isEqualTo(Scale.full());
        assertThat(options.label()).isEqualTo("run");
        assertThat(options.appJar()).isEqualTo(Path.of("app/target/sourced.jar"));
        assertThat(options.steps()).containsExactly(Options.Step.values());
        assertThat(options.appArguments()).isEmpty();
        assertThat(options.inProcessSimulators()).isFalse();
    }

    @Test
    void theSimulatorsInTheApplicationOnRequest() {
        assertThat(Options.parse(List.of("--in-process-simulators")).inProcessSimulators())
                .isTrue();
    }

    @Test
    void someStepsWithASettingOfTheApplication() {
        Options options = Options.parse(List.of(
                "--only",
                "workflow-h2, replay",
                "--app-arg",
                "--sourced.processors.batch-size=1",
                "--app-arg",
                "--sourced.order.timeout=5s"));
        assertThat(options.steps()).containsExactly(Options.Step.WORKFLOW_H2, Options.Step.REPLAY);
        assertThat(options.runs(Options.Step.APPEND)).isFalse();
        assertThat(options.appArguments())
                .containsExactly("--sourced.processors.batch-size=1", "--sourced.order.timeout=5s");
    }

    @Test
    void theTimelinesAlone() {
        Options options = Options.parse(List.of("--only", "timeline", "--quick"));
        assertThat(options.steps()).containsExactly(Options.Step.TIMELINE);
        assertThat(options.runs(Options.Step.REPLAY)).isFalse();
        assertThat(options.scale().timelineLimit()).isEqualTo(Scale.quick().timelineLimit());
    }

    @Test
    void aSmallerHistory() {
        Options options = Options.parse(List.of("--only", "timeline", "--history-orders", "20000"));
        assertThat(options.scale().historyOrders()).isEqualTo(20_000);
        assertThat(options.scale().historyEvents())
                .isEqualTo(20_000 * OrderHistory.EVENTS_PER_ORDER
                        + Scale.full().customers() * 2
                        + Scale.full().products());
        assertThat(options.scale().step()).isEqualTo(Scale.full().step());
        assertThatThrownBy(() -> Options.parse(List.of("--history-orders", "-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quickWithALabelAndAFixedRate() {
        Options options = Options.parse(List.of("--quick", "--label", "cache-on", "--rate", "200"));
        assertThat(options.quick()).isTrue();
        assertThat(options.label()).isEqualTo("cache-on");
        assertThat(options.scale().arrivalRate()).isEqualTo(200);
        assertThat(options.scale().step()).isEqualTo(Scale.quick().step());
    }

    @Test
    void theSoakIsAModeOfItsOwn() {
        Options options = Options.parse(List.of("--soak"));
        assertThat(options.soak()).isTrue();
        assertThat(options.label()).isEqualTo("soak");
        assertThat(options.scale().soak()).hasMinutes(10);
        assertThat(Options.parse(List.of("--soak", "--quick")).label()).isEqualTo("soak-quick");
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> Options.parse(List.of("--fast"))).hasMessageContaining("unknown argument --fast");
        assertThatThrownBy(() -> Options.parse(List.of("--label"))).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Options.parse(List.of("--label", "a b"))).hasMessageContaining("a label is");
        assertThatThrownBy(() -> Options.parse(List.of("--only", "replays")))
                .hasMessageContaining("unknown step replays");
        assertThatThrownBy(() -> Options.parse(List.of("--app-arg", "-Xmx1g"))).hasMessageContaining("--name=value");
    }
}
