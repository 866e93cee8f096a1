package org.newsroom.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadKindsTests {

    @Test
    void hotspotCompilerAndCollectorThreadsAreToldApartFromWork() {
        assertThat(List.of("C2 CompilerThre", "C1 CompilerThre")).allMatch(ThreadKinds::isCompiler);
        assertThat(List.of("GC Thread#0", "G1 Conc#0", "G1 Refine#0", "G1 Main Marker", "G1 Service", "VM Thread"))
                .allMatch(ThreadKinds::isCollector);
        assertThat(List.of("enrich-service-", "kafka-producer-", "elasticsearch[l", "http-nio-8080-"))
                .noneMatch(ThreadKinds::isCompiler).noneMatch(ThreadKinds::isCollector);
    }

    @Test
    void perArticleSplitsTheGrowthOfEachKindAndLeavesTheRestAsWork() {
        var before = Map.of("enrich", new ThreadKinds.Ticks(1_000, Map.of("1/10", 100L), Map.of("1/20", 50L)));
        // a compiler thread that started during the phase counts from zero
        var after = Map.of("enrich", new ThreadKinds.Ticks(1_600, Map.of("1/10", 200L, "1/11", 50L), Map.of("1/20", 80L)));

        ThreadKinds.PerArticle enrich = ThreadKinds.perArticle(before, after, 100).getFirst();

        // 600 ticks = 6 s over 100 articles = 60 ms; compiler 150 ticks, collector 30, work the other 420
        assertThat(enrich.totalMs()).isCloseTo(60, within(1e-9));
        assertThat(enrich.compilerMs()).isCloseTo(15, within(1e-9));
        assertThat(enrich.collectorMs()).isCloseTo(3, within(1e-9));
        assertThat(enrich.workMs()).isCloseTo(42, within(1e-9));
        // since the start: what the compiler threads alive at the end have used, 250 ticks
        assertThat(enrich.compilerSinceStartSeconds()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void aThreadThatEndedDuringThePhaseLeavesItsTicksInWorkNotInItsKind() {
        var before = Map.of("es", new ThreadKinds.Ticks(500, Map.of("1/10", 300L), Map.of()));
        var after = Map.of("es", new ThreadKinds.Ticks(700, Map.of(), Map.of()));

        ThreadKinds.PerArticle es = ThreadKinds.perArticle(before, after, 10).getFirst();

        assertThat(es.compilerMs()).isZero();
        assertThat(es.workMs()).isCloseTo(200, within(1e-9));
    }

    @Test
    void aRunningJvmsCompilerAndCollectorThreadsAreFoundInProc() {
        ThreadKinds.Ticks ticks = ThreadKinds.snapshot(Map.of("self", ProcessHandle.current().pid())).get("self");

        assertThat(ticks.total()).isPositive();
        assertThat(ticks.compilerByThread()).isNotEmpty();
        assertThat(ticks.collectorByThread()).isNotEmpty();
    }

    @Test
    void aResultWrittenBeforeTheCompilerSinceStartWasMeasuredReadsBackWithoutIt() {
        String older = """
                {"process": "enrich-service", "workMs": 2.74, "compilerMs": 1.31, "collectorMs": 0.34}""";

        ThreadKinds.PerArticle enrich = Bench.JSON.readValue(older, ThreadKinds.PerArticle.class);

        assertThat(enrich.compilerSinceStartSeconds()).isNull();
        assertThat(enrich.totalMs()).isCloseTo(4.39, within(1e-9));
    }
}
