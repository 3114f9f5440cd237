package dev.outreachpipeline.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.enrichment.HunterEmail;
import dev.outreachpipeline.enrichment.HunterOutcome;
import dev.outreachpipeline.enrichment.HunterResponses;
import dev.outreachpipeline.enrichment.VerifierOutcome;
import java.util.EnumSet;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class HunterSimulatorTest {

    private final HunterResponses responses = new HunterResponses();

    private static Http search(HunterSimulator sim, String domain) {
        return Http.get(
                sim.baseUrl() + HunterSimulator.DOMAIN_SEARCH + "?domain=" + domain + "&limit=100&api_key=k", null);
    }

    @Test
    void domainSearchesParseAndTellEachKindOfStoryDeterministically() {
        try (var sim = new HunterSimulator(SimulatorSettings.instant())) {
            var kinds = EnumSet.noneOf(FakeContacts.Kind.class);
            for (int i = 0; i < 40; i++) {
                String domain = FakeWeb.site(i);
                Http r = search(sim, domain);
                HunterOutcome outcome = responses.parseDomainSearch(r.status(), r.body());
                assertThat(outcome).as(domain).isInstanceOf(HunterOutcome.Found.class);
                var emails = ((HunterOutcome.Found) outcome).data().emails();
                FakeContacts.Kind kind = FakeContacts.kind(domain);
                kinds.add(kind);
                switch (kind) {
                    case NONE -> assertThat(emails).isEmpty();
                    case ROLE_ONLY ->
                        assertThat(emails)
                                .extracting(HunterEmail::type)
                                .containsOnly("generic")
                                .isNotEmpty();
                    case PERSON ->
                        assertThat(emails).anySatisfy(e -> {
                            assertThat(e.type()).isEqualTo("personal");
                            assertThat(e.position()).isNotBlank();
                            assertThat(e.value()).endsWith("@" + domain);
                        });
                }
                assertThat(search(sim, domain).body())
                        .as("the same answer twice")
                        .isEqualTo(r.body());
            }
            assertThat(kinds).containsExactlyInAnyOrder(FakeContacts.Kind.values());
            assertThat(sim.uniqueDomains()).isEqualTo(40);
            assertThat(sim.calls().callsPerEndpoint()).containsEntry(HunterSimulator.DOMAIN_SEARCH, 80);
        }
    }

    @Test
    void theVerifierAnswersValidAcceptAllOrUnknown() {
        try (var sim = new HunterSimulator(SimulatorSettings.instant())) {
            var statuses = new HashSet<String>();
            for (int i = 0; i < 40; i++) {
                String email = "info@" + FakeWeb.site(i);
                Http r = Http.get(
                        sim.baseUrl() + HunterSimulator.EMAIL_VERIFIER + "?email=" + email + "&api_key=k", null);
                VerifierOutcome outcome = responses.parseVerifier(r.status(), r.body());
                assertThat(outcome).isInstanceOf(VerifierOutcome.Verified.class);
                String status = ((VerifierOutcome.Verified) outcome).status();
                assertThat(status).isEqualTo(FakeContacts.verification(email));
                statuses.add(status);
            }
            assertThat(statuses).containsExactlyInAnyOrder("valid", "accept_all", "unknown");
        }
    }

    @Test
    void theAccountNamesAResetDate() {
        try (var sim = new HunterSimulator(SimulatorSettings.instant())) {
            Http r = Http.get(sim.baseUrl() + HunterSimulator.ACCOUNT + "?api_key=k", null);
            assertThat(responses.parseResetDate(r.status(), r.body())).isPresent();
        }
    }

    @Test
    void aCallWithoutTheApiKeyIsRefusedWith401() {
        try (var sim = new HunterSimulator(SimulatorSettings.instant())) {
            Http r = Http.get(sim.baseUrl() + HunterSimulator.DOMAIN_SEARCH + "?domain=garden-notes-1.example", null);

            assertThat(r.status()).isEqualTo(401);
            assertThat(responses.parseDomainSearch(r.status(), r.body())).isInstanceOf(HunterOutcome.Rejected.class);
            assertThat(sim.calls().count(Call.Outcome.UNAUTHORIZED)).isEqualTo(1);
        }
    }

    @Test
    void withAnErrorRateOfOneEveryCallIsARetryableError() {
        try (var sim = new HunterSimulator(SimulatorSettings.instant().withErrorRate(1))) {
            for (int i = 0; i < 6; i++) {
                Http r = search(sim, FakeWeb.site(i));
                assertThat(r.status()).isIn(403, 500);
                assertThat(responses.parseDomainSearch(r.status(), r.body())).isInstanceOf(HunterOutcome.Retry.class);
            }
            assertThat(sim.calls().count(Call.Outcome.SIMULATED_ERROR)).isEqualTo(6);
        }
    }

    @Test
    void callsAboveTheRateLimitAreAnswered403() {
        try (var sim = new HunterSimulator(SimulatorSettings.instant().withCallsPerSecond(1))) {
            Http first = search(sim, FakeWeb.site(1));
            search(sim, FakeWeb.site(2));
            search(sim, FakeWeb.site(3));

            assertThat(first.status()).isEqualTo(200);
            assertThat(sim.calls().count(Call.Outcome.RATE_LIMITED)).isGreaterThanOrEqualTo(1);
            assertThat(sim.calls().calls())
                    .filteredOn(c -> c.outcome() == Call.Outcome.RATE_LIMITED)
                    .allSatisfy(c -> assertThat(c.endpoint()).isEqualTo(HunterSimulator.DOMAIN_SEARCH));
        }
    }
}
