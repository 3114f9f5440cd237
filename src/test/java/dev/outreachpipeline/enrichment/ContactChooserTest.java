package dev.outreachpipeline.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.outreachpipeline.enrichment.HunterOutcome.Found;
import dev.outreachpipeline.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactChooserTest {

    private static final ContactRules DEFAULTS = ContactRules.defaults();
    private final ContactChooser chooser = new ContactChooser();

    // ---- the mixed domain search ----

    @Test
    void ranksTheMixedDomainSearch() {
        List<Candidate> ranked = chooser.rank(search("domain-search-mixed.json"), "gardenblog.com", DEFAULTS);

        assertThat(ranked)
                .extracting(c -> c.email().value(), Candidate::method, Candidate::tier)
                .containsExactly(
                        tuple("sarah.whitfield@gardenblog.com", "hunter_personal", 1),
                        tuple("priya.nair@gardenblog.com", "hunter_personal", 1),
                        tuple("tom.becker@gardenblog.com", "hunter_personal", 2),
                        tuple("info@gardenblog.com", "hunter_generic", 3),
                        tuple("hello@gardenblog.com", "hunter_generic", 3),
                        tuple("partnerships@gardenblog.com", "hunter_generic", 3));
    }

    @Test
    void choosesTheEditorAndSaysWhy() {
        Candidate c = chooser.choose(search("domain-search-mixed.json"), "gardenblog.com", DEFAULTS)
                .orElseThrow();

        assertThat(c.email().value()).isEqualTo("sarah.whitfield@gardenblog.com");
        assertThat(c.personal()).isTrue();
        assertThat(c.targetRole()).isTrue();
        assertThat(c.reason())
                .isEqualTo(
                        "personal address in the target role 'editor' (position 'Senior Editor'), confidence 92, verified valid");
    }

    @Test
    void everyCandidateSaysWhyInOneSentence() {
        List<Candidate> ranked = chooser.rank(search("domain-search-mixed.json"), "gardenblog.com", DEFAULTS);

        assertThat(ranked)
                .extracting(Candidate::reason)
                .containsExactly(
                        "personal address in the target role 'editor' (position 'Senior Editor'), confidence 92, verified valid",
                        "personal address in the target role 'content' (position 'Head of Content'), confidence 81, not verified",
                        "personal address in no target role (position 'Software Developer'), confidence 95, verified valid",
                        "generic address info@gardenblog.com, confidence 88, verified valid",
                        "generic address hello@gardenblog.com, confidence 80, verified valid",
                        "generic address partnerships@gardenblog.com, confidence 72, not verified");
    }

    @Test
    void withoutGenericAddressesOnlyPeopleRemain() {
        var rules = rules(50, false);

        assertThat(chooser.rank(search("domain-search-mixed.json"), "gardenblog.com", rules))
                .extracting(c -> c.email().value())
                .containsExactly(
                        "sarah.whitfield@gardenblog.com", "priya.nair@gardenblog.com", "tom.becker@gardenblog.com");
    }

    @Test
    void aLowerMinimumLetsTheJuniorMarketerIn() {
        assertThat(chooser.rank(search("domain-search-mixed.json"), "gardenblog.com", rules(30, true)))
                .extracting(c -> c.email().value(), Candidate::tier)
                .contains(tuple("jake.morrison@gardenblog.com", 1));
    }

    @Test
    void aProspectStoredInAnotherCaseOrWithWwwStillMatches() {
        assertThat(chooser.rank(search("domain-search-mixed.json"), "www.GardenBlog.com", DEFAULTS))
                .hasSize(6);
    }

    // ---- the shared fixtures ----

    @Test
    void aGenericOnlyDomainGivesItsBestMailbox() {
        DomainSearch data = search("hunter-domain-search-generic-only-accept-all.json");

        List<Candidate> ranked = chooser.rank(data, "hearthandhollow.co.uk", DEFAULTS);

        assertThat(ranked)
                .extracting(c -> c.email().value(), Candidate::method, Candidate::tier)
                .containsExactly(
                        tuple("info@hearthandhollow.co.uk", "hunter_generic", 3),
                        tuple("orders@hearthandhollow.co.uk", "hunter_generic", 3));
        assertThat(ranked.get(0).reason())
                .isEqualTo("generic address info@hearthandhollow.co.uk, confidence 90, "
                        + "verification accept_all (the server accepts any address)");
    }

    @Test
    void aGenericOnlyDomainGivesNothingWhenGenericIsNotAllowed() {
        DomainSearch data = search("hunter-domain-search-generic-only-accept-all.json");

        assertThat(chooser.choose(data, "hearthandhollow.co.uk", rules(50, false)))
                .isEmpty();
        assertThat(chooser.whyNone(data, "hearthandhollow.co.uk", rules(50, false)))
                .isEqualTo("None of the 2 addresses Hunter found for hearthandhollow.co.uk is usable: "
                        + "2 generic (generic addresses are not allowed).");
    }

    @Test
    void noEmailsGivesNothingAndSaysSo() {
        DomainSearch data = search("hunter-domain-search-no-emails.json");

        assertThat(chooser.rank(data, "rusticnestdesigns.com", DEFAULTS)).isEmpty();
        assertThat(chooser.whyNone(data, "rusticnestdesigns.com", DEFAULTS))
                .isEqualTo("Hunter found no address for rusticnestdesigns.com.");
    }

    // ---- what is dropped ----

    @Test
    void invalidAddressesAreDropped() {
        var data = domain(personal("ann@x.com", 99, "Editor", "invalid"), personal("bob@x.com", 60, null, "INVALID"));

        assertThat(chooser.rank(data, "x.com", DEFAULTS)).isEmpty();
        assertThat(chooser.whyNone(data, "x.com", DEFAULTS))
                .isEqualTo(
                        "Every address Hunter found for x.com was verified invalid or on another domain (2 verified invalid).");
    }

    @Test
    void everyAddressInvalidOrElsewhere() {
        var data = search("domain-search-mixed.json");
        var onlyBad = new DomainSearch(
                data.domain(),
                false,
                false,
                false,
                null,
                null,
                data.emails().stream()
                        .filter(e -> e.value().startsWith("mark.") || e.value().startsWith("amy."))
                        .toList());

        assertThat(chooser.whyNone(onlyBad, "gardenblog.com", DEFAULTS))
                .isEqualTo(
                        "Every address Hunter found for "
                                + "gardenblog.com was verified invalid or on another domain (1 verified invalid, 1 on another domain).");
    }

    @Test
    void onlyPersonalAddressesBelowTheMinimum() {
        var data = domain(personal("ann@x.com", 49, "Editor", null), personal("bob@x.com", 10, null, "valid"));

        assertThat(chooser.rank(data, "x.com", DEFAULTS)).isEmpty();
        assertThat(chooser.whyNone(data, "x.com", DEFAULTS))
                .isEqualTo("Hunter found only personal addresses below confidence 50 for x.com (2).");
    }

    @Test
    void aMixOfReasonsIsCounted() {
        var data = domain(
                personal("ann@x.com", 20, "Editor", null),
                personal("bob@y.com", 90, null, "valid"),
                generic("noreply@x.com", 90),
                personal("no-at-sign", 90, null, null));

        assertThat(chooser.whyNone(data, "x.com", DEFAULTS))
                .isEqualTo(
                        "None of the 4 addresses Hunter found for x.com "
                                + "is usable: 1 malformed, 1 on another domain, 1 no-reply or abuse mailbox, 1 personal below confidence 50.");
    }

    @Test
    void whyNoneSaysSoWhenThereIsAContact() {
        assertThat(chooser.whyNone(search("domain-search-mixed.json"), "gardenblog.com", DEFAULTS))
                .isEqualTo("Hunter found 6 addresses usable for gardenblog.com.");
    }

    @Test
    void aDisposableDomainGivesNothingUnlessAllowed() {
        var data = new DomainSearch(
                "x.com", true, false, false, null, null, List.of(personal("ann@x.com", 90, "Editor", "valid")));

        assertThat(chooser.rank(data, "x.com", DEFAULTS)).isEmpty();
        assertThat(chooser.whyNone(data, "x.com", DEFAULTS)).contains("disposable", "1 address");
        assertThat(chooser.rank(data, "x.com", new ContactRules(List.of("editor"), 50, true, false, true, Set.of())))
                .hasSize(1);
    }

    @Test
    void aWebmailDomainGivesNothingUnlessAllowed() {
        var data = new DomainSearch(
                "gmail.com", false, true, false, null, null, List.of(personal("ann@gmail.com", 90, "Editor", "valid")));

        assertThat(chooser.rank(data, "gmail.com", DEFAULTS)).isEmpty();
        assertThat(chooser.whyNone(data, "gmail.com", DEFAULTS)).contains("webmail");
        assertThat(chooser.rank(
                        data, "gmail.com", new ContactRules(List.of("editor"), 50, true, true, false, Set.of())))
                .hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ann.x.com",
                "ann@x.com\r\nBcc: all@evil.com",
                "ann@x.com\n",
                "ann @x.com",
                "ann@ x.com",
                "\tann@x.com",
                "@x.com",
                "ann@",
                "ann@@x.com",
                "a@b@x.com",
                "ann@x..com",
                "ann@-x.com",
                "ann@x",
                ""
            })
    void malformedAddressesAreDropped(String value) {
        var data = domain(personal(value, 90, "Editor", "valid"));

        assertThat(chooser.rank(data, "x.com", DEFAULTS)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        // address domain, prospect domain, usable
        "gardenblog.com, gardenblog.com, true",
        "GardenBlog.COM, gardenblog.com, true",
        "gardenblog.com., gardenblog.com, true",
        "mail.gardenblog.com, gardenblog.com, true",
        "gardenblog.com, blog.gardenblog.com, true",
        "thriftyvegan.co.uk, blog.thriftyvegan.co.uk, true",
        "b.example.com, a.b.example.com, true",
        "shop.example.com, blog.example.com, false",
        "co.uk, thriftyvegan.co.uk, false",
        "blogspot.com, myplants.blogspot.com, false",
        "otherblog.blogspot.com, myplants.blogspot.com, false",
        "notgardenblog.com, gardenblog.com, false",
        "gardenblog.com.evil.net, gardenblog.com, false",
        "gardenblog.co, gardenblog.com, false",
        "bücher.de, xn--bcher-kva.de, true",
    })
    void anAddressMustBeOnTheProspectsSite(String addressDomain, String prospect, boolean usable) {
        var data = domain(personal("ann@" + addressDomain, 90, "Editor", "valid"));

        assertThat(chooser.rank(data, prospect, DEFAULTS)).hasSize(usable ? 1 : 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"noreply", "no-reply", "NoReply", "postmaster", "abuse", "mailer-daemon"})
    void mailboxesNobodyReadsAreNeverUsed(String local) {
        var data = domain(generic(local + "@x.com", 99), personal(local + "@x.com", 99, "Editor", "valid"));

        assertThat(chooser.rank(data, "x.com", DEFAULTS)).isEmpty();
    }

    // ---- tiers and order ----

    @Test
    void aRoleMailboxTypedPersonalIsGeneric() {
        var data = domain(personal("editor@x.com", 99, null, "valid"), personal("jo@x.com", 60, null, null));

        assertThat(chooser.rank(data, "x.com", DEFAULTS))
                .extracting(c -> c.email().value(), Candidate::method)
                .containsExactly(tuple("jo@x.com", "hunter_personal"), tuple("editor@x.com", "hunter_generic"));
    }

    @Test
    void genericAddressesAreUsedWhateverTheirConfidence() {
        var data = domain(generic("info@x.com", 5));

        assertThat(chooser.choose(data, "x.com", DEFAULTS)).isPresent();
    }

    @Test
    void aRoleMatchesByDepartmentWhenThePositionDoesNot() {
        var data = domain(new HunterEmail(
                "jo@x.com", "personal", 70, "Jo", "Li", "Growth Lead", "senior", "marketing", "valid", 1));

        Candidate c = chooser.choose(data, "x.com", DEFAULTS).orElseThrow();
        assertThat(c.tier()).isEqualTo(1);
        assertThat(c.reason()).startsWith("personal address in the target role 'marketing' (department 'marketing')");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Senior Editor | 1",
                "EDITOR-IN-CHIEF | 1",
                "Editorial Director | 1",
                "Editors' desk | 1",
                "Head of Content | 1",
                "Partnership Manager | 1",
                "Co-Founder & CEO | 1",
                "Owner | 1",
                "Outreach Specialist | 1",
                "Creditor Relations | 2",
                "Brownie Baker | 2",
                "Software Developer | 2",
            })
    void rolesMatchAsWholeWords(String position, int tier) {
        var data = domain(personal("jo@x.com", 70, position, null));

        assertThat(chooser.choose(data, "x.com", DEFAULTS).orElseThrow().tier()).isEqualTo(tier);
    }

    @Test
    void aRoleOfSeveralWordsMatchesThemInARow() {
        var rules = new ContactRules(List.of("Head of Content"), 50, true, true, true, Set.of());

        assertThat(chooser.choose(domain(personal("jo@x.com", 70, "Head of Content", null)), "x.com", rules)
                        .orElseThrow()
                        .tier())
                .isEqualTo(1);
        assertThat(chooser.choose(domain(personal("jo@x.com", 70, "Head of Sales Content", null)), "x.com", rules)
                        .orElseThrow()
                        .tier())
                .isEqualTo(2);
    }

    @Test
    void withinATierConfidenceThenValidThenAlphabetical() {
        var data = domain(
                personal("dan@x.com", 80, "Editor", "accept_all"),
                personal("cat@x.com", 80, "Editor", null),
                personal("bea@x.com", 80, "Editor", "valid"),
                personal("Ada@x.com", 80, "Editor", "accept_all"),
                personal("eve@x.com", 85, "Editor", null));

        assertThat(chooser.rank(data, "x.com", DEFAULTS))
                .extracting(c -> c.email().value())
                .containsExactly("eve@x.com", "bea@x.com", "Ada@x.com", "cat@x.com", "dan@x.com");
    }

    @Test
    void aHigherTierWinsOverHigherConfidence() {
        var data = domain(
                generic("info@x.com", 100),
                personal("dev@x.com", 99, "Developer", "valid"),
                personal("ed@x.com", 51, "Editor", null));

        assertThat(chooser.rank(data, "x.com", DEFAULTS))
                .extracting(c -> c.email().value())
                .containsExactly("ed@x.com", "dev@x.com", "info@x.com");
    }

    @Test
    void anAddressListedTwiceIsRankedOnce() {
        var data = domain(personal("Jo@X.com", 60, "Editor", null), personal("jo@x.com", 90, "Editor", "valid"));

        assertThat(chooser.rank(data, "x.com", DEFAULTS))
                .extracting(c -> c.email().value())
                .containsExactly("jo@x.com");
    }

    @Test
    void theSameAnswerAlwaysGivesTheSameOrder() {
        var data = search("domain-search-mixed.json");
        var emails = new ArrayList<>(data.emails());
        Collections.reverse(emails);
        var reversed =
                new DomainSearch(data.domain(), false, false, false, data.pattern(), data.organization(), emails);

        assertThat(chooser.rank(reversed, "gardenblog.com", DEFAULTS))
                .isEqualTo(chooser.rank(data, "gardenblog.com", DEFAULTS));
    }

    private static ContactRules rules(int minConfidence, boolean allowGeneric) {
        return new ContactRules(
                ContactRules.DEFAULT_TARGET_ROLES,
                minConfidence,
                allowGeneric,
                true,
                true,
                ContactRules.DEFAULT_GENERIC_LOCAL_PARTS);
    }

    private static DomainSearch domain(HunterEmail... emails) {
        return new DomainSearch("x.com", false, false, false, null, null, List.of(emails));
    }

    private static HunterEmail personal(String value, int confidence, String position, String verification) {
        return new HunterEmail(value, "personal", confidence, "Jo", "Li", position, null, null, verification, 1);
    }

    private static HunterEmail generic(String value, int confidence) {
        return new HunterEmail(value, "generic", confidence, null, null, null, null, null, null, 1);
    }

    private static DomainSearch search(String fixture) {
        return ((Found) new HunterResponses().parseDomainSearch(200, Fixtures.read("hunter/" + fixture))).data();
    }
}
