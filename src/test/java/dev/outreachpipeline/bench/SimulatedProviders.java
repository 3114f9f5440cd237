package dev.outreachpipeline.bench;

import dev.outreachpipeline.simulators.DataForSeoSimulator;
import dev.outreachpipeline.simulators.HunterSimulator;
import dev.outreachpipeline.simulators.SimulatorSettings;
import java.util.ArrayList;
import java.util.List;

/** DataForSEO and Hunter simulators for one workload, and the environment that points the daemon at them. */
final class SimulatedProviders implements AutoCloseable {

    final DataForSeoSimulator dataForSeo;
    final HunterSimulator hunter;

    SimulatedProviders(SimulatorSettings dataForSeoSettings, SimulatorSettings hunterSettings) {
        this.dataForSeo = new DataForSeoSimulator(dataForSeoSettings);
        this.hunter = new HunterSimulator(hunterSettings);
    }

    /** Environment pairs for the daemon: the simulators' URLs and credentials, quick retries. */
    String[] env(String... more) {
        var pairs = new ArrayList<>(List.of(
                "DATAFORSEO_BASE_URL", dataForSeo.baseUrl(),
                "DATAFORSEO_LOGIN", "bench@example.test",
                "DATAFORSEO_PASSWORD", "bench-password",
                "HUNTER_BASE_URL", hunter.baseUrl(),
                "HUNTER_API_KEY", "bench-key",
                "OUTREACH_DATAFORSEO_RETRY_DELAY_MS", "100",
                "OUTREACH_DATAFORSEO_MAX_RETRY_DELAY_MS", "1000",
                "OUTREACH_DATAFORSEO_POLL_SECONDS", "1",
                "OUTREACH_HUNTER_RETRY_DELAY_MS", "100",
                "OUTREACH_HUNTER_MAX_RETRY_DELAY_MS", "1000",
                "OUTREACH_SENDER_NAME", "Bench Sender",
                "OUTREACH_JOBS_POLL_INTERVAL_MS", "200"));
        pairs.addAll(List.of(more));
        return pairs.toArray(String[]::new);
    }

    @Override
    public void close() {
        dataForSeo.close();
        hunter.close();
    }
}
