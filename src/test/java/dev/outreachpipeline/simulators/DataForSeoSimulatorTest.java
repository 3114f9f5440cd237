package dev.outreachpipeline.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.discovery.DedupeMode;
import dev.outreachpipeline.discovery.DomainKey;
import dev.outreachpipeline.discovery.ReadyTask;
import dev.outreachpipeline.discovery.SerpItem;
import dev.outreachpipeline.discovery.SerpOutcome;
import dev.outreachpipeline.discovery.SerpRequests;
import dev.outreachpipeline.discovery.SerpResponses;
import dev.outreachpipeline.discovery.SerpTask;
import dev.outreachpipeline.discovery.TaskPostResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DataForSeoSimulatorTest {

    private final SerpRequests requests = new SerpRequests();
    private final SerpResponses responses = new SerpResponses();

    private static SerpTask task(String keyword, int location, String tag) {
        return new SerpTask(keyword, location, "en", 100, "desktop", tag);
    }

    private SerpOutcome live(DataForSeoSimulator sim, String keyword, int location) {
        Http r = Http.post(
                sim.baseUrl() + DataForSeoSimulator.LIVE, Http.BASIC, requests.live(task(keyword, location, "q:1")));
        return responses.parseLive(r.status(), r.body());
    }

    private static Set<String> hosts(SerpOutcome outcome) {
        return ((SerpOutcome.Results) outcome)
                .items().stream()
                        .filter(i -> "organic".equals(i.type()))
                        .map(i -> DomainKey.of(i.url(), DedupeMode.HOST).orElseThrow())
                        .collect(Collectors.toSet());
    }

    @Test
    void aLiveCallAnswersOrganicResultsThatOurParserReadsAndOurDomainKeysAccept() {
        try (var sim = new DataForSeoSimulator(SimulatorSettings.instant())) {
            SerpOutcome outcome = live(sim, "garden design", 2840);

            assertThat(outcome).isInstanceOf(SerpOutcome.Results.class);
            var results = (SerpOutcome.Results) outcome;
            assertThat(results.cost()).isEqualByComparingTo(DataForSeoSimulator.LIVE_COST);
            List<SerpItem> organic = results.items().stream()
                    .filter(i -> "organic".equals(i.type()))
                    .toList();
            assertThat(organic).hasSizeBetween(10, 20);
            assertThat(results.items()).extracting(SerpItem::type).contains("people_also_ask", "related_searches");
            assertThat(organic).extracting(SerpItem::rankGroup).startsWith(1, 2, 3);
            for (SerpItem item : organic) {
                assertThat(DomainKey.of(item.url(), DedupeMode.HOST))
                        .as(item.url())
                        .isPresent();
                assertThat(DomainKey.of(item.url(), DedupeMode.REGISTRABLE_DOMAIN))
                        .as(item.url())
                        .isEqualTo(DomainKey.of(item.url(), DedupeMode.HOST));
                assertThat(item.rawJson()).contains("\"rank_absolute\"", "\"domain\"", "\"title\"");
            }
        }
    }

    @Test
    void resultsAreTheSameForTheSameQueryAndOverlapBetweenQueries() {
        try (var sim = new DataForSeoSimulator(SimulatorSettings.instant());
                var other = new DataForSeoSimulator(SimulatorSettings.instant().withSeed(99))) {
            Set<String> first = hosts(live(sim, "garden design", 2840));
            assertThat(hosts(live(other, "garden design", 2840))).isEqualTo(first);

            Set<String> otherLocation = hosts(live(sim, "garden design", 2826));
            Set<String> otherKeyword = hosts(live(sim, "garden tools", 2840));
            assertThat(otherLocation).isNotEqualTo(first);
            var shared = new HashSet<>(first);
            shared.retainAll(otherKeyword);
            assertThat(shared).as("sites two garden queries share").isNotEmpty();
            assertThat(sim.uniqueQueries()).isEqualTo(3);
        }
    }

    @Test
    void theStandardFlowPostsListsAndCollectsTasksWithTheirTags() {
        try (var sim = new DataForSeoSimulator(SimulatorSettings.instant())) {
            String base = sim.baseUrl();
            Http posted = Http.post(
                    base + DataForSeoSimulator.TASK_POST,
                    Http.BASIC,
                    requests.taskPost(List.of(task("home decor", 2840, "q:a"), task("home decor", 2826, "q:b"))));
            TaskPostResult post = responses.parseTaskPost(posted.status(), posted.body());
            assertThat(post.requestFailure()).isNull();
            assertThat(post.tasks())
                    .hasSize(2)
                    .allSatisfy(t -> assertThat(t.rejection()).isNull());

            Http ready = Http.get(base + DataForSeoSimulator.TASKS_READY, Http.BASIC);
            List<ReadyTask> tasks = responses.parseTasksReady(ready.status(), ready.body());
            assertThat(tasks).extracting(ReadyTask::tag).containsExactlyInAnyOrder("q:a", "q:b");

            String id = tasks.get(0).id();
            Http got = Http.get(base + DataForSeoSimulator.TASK_GET + "/" + id, Http.BASIC);
            SerpOutcome outcome = responses.parseTaskGet(got.status(), got.body());
            assertThat(outcome).isInstanceOf(SerpOutcome.Results.class);
            assertThat(((SerpOutcome.Results) outcome).taskId()).isEqualTo(id);

            Http after = Http.get(base + DataForSeoSimulator.TASKS_READY, Http.BASIC);
            assertThat(responses.parseTasksReady(after.status(), after.body()))
                    .extracting(ReadyTask::id)
                    .doesNotContain(id);
            assertThat(sim.calls().callsPerEndpoint())
                    .containsEntry(DataForSeoSimulator.TASK_POST, 1)
                    .containsEntry(DataForSeoSimulator.TASKS_READY, 2)
                    .containsEntry(DataForSeoSimulator.TASK_GET, 1);
        }
    }

    @Test
    void aCallWithoutBasicCredentialsIsRefusedAsDataForSeoRefusesIt() {
        try (var sim = new DataForSeoSimulator(SimulatorSettings.instant())) {
            Http r = Http.post(
                    sim.baseUrl() + DataForSeoSimulator.LIVE, null, requests.live(task("garden design", 2840, null)));

            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).contains("\"status_code\":40100");
            assertThat(responses.parseLive(r.status(), r.body())).isInstanceOf(SerpOutcome.FailJob.class);
            assertThat(sim.calls().count(Call.Outcome.UNAUTHORIZED)).isEqualTo(1);
        }
    }

    @Test
    void withAnErrorRateOfOneEveryCallIsARetryableError() {
        try (var sim = new DataForSeoSimulator(SimulatorSettings.instant().withErrorRate(1))) {
            for (int i = 0; i < 6; i++) {
                assertThat(live(sim, "garden design", 2840)).isInstanceOf(SerpOutcome.Retry.class);
            }
            assertThat(sim.calls().count(Call.Outcome.SIMULATED_ERROR)).isEqualTo(6);
            assertThat(sim.calls().errors()).isEqualTo(6);
        }
    }

    @Test
    void aSmallErrorRateFailsSomeCallsAndAnswersTheOthers() {
        try (var sim = new DataForSeoSimulator(
                SimulatorSettings.instant().withErrorRate(0.3).withSeed(7))) {
            int retries = 0;
            for (int i = 0; i < 40; i++) {
                if (live(sim, "garden design", 2840) instanceof SerpOutcome.Retry) {
                    retries++;
                }
            }
            assertThat(retries).isBetween(1, 39);
            assertThat(sim.calls().errors()).isEqualTo(retries);
            assertThat(sim.calls().total()).isEqualTo(40);
        }
    }

    @Test
    void callsAboveTheRateLimitAreAnsweredWithTheRateLimitStatus() {
        try (var sim = new DataForSeoSimulator(SimulatorSettings.instant().withCallsPerSecond(1))) {
            var outcomes = List.of(
                    live(sim, "garden design", 2840),
                    live(sim, "garden design", 2840),
                    live(sim, "garden design", 2840));

            assertThat(outcomes.get(0)).isInstanceOf(SerpOutcome.Results.class);
            assertThat(sim.calls().count(Call.Outcome.RATE_LIMITED)).isGreaterThanOrEqualTo(1);
            assertThat(outcomes)
                    .filteredOn(SerpOutcome.Retry.class::isInstance)
                    .allSatisfy(
                            o -> assertThat(((SerpOutcome.Retry) o).reason()).contains("40202"));
        }
    }

    @Test
    void anUnknownPathIsA404() {
        try (var sim = new DataForSeoSimulator(SimulatorSettings.instant())) {
            Http r = Http.get(sim.baseUrl() + "/v3/serp/bing/organic/tasks_ready", Http.BASIC);
            assertThat(r.status()).isEqualTo(404);
        }
    }
}
