package dev.outreachpipeline.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeliveryStatusParserTest {

    private static InboundMessage.DeliveryReport parse(String text) {
        return DeliveryStatusParser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFailedRecipientIsReportedWhenSeveralAre() {
        var report = parse("""
                Reporting-MTA: dns; mx.sender.example

                Final-Recipient: rfc822; first@ok.example
                Action: delivered
                Status: 2.0.0

                Final-Recipient: RFC822; <Second@Gone.example>
                Action: FAILED
                Status: 5.01.001 (bad destination mailbox address)
                Diagnostic-Code: smtp; 550 no such user
                """);

        assertThat(report.action()).isEqualTo("failed");
        assertThat(report.status()).isEqualTo("5.1.1");
        assertThat(report.finalRecipient()).isEqualTo("second@gone.example");
        assertThat(report.diagnostic()).isEqualTo("smtp; 550 no such user");
    }

    @Test
    void oddAndMissingFieldsGiveNulls() {
        var report = parse(
                "Final-Recipient: x400; not an address\r\nAction:\r\nStatus: 55.1\r\nDiagnostic-Code: \u0000\r\n\u2028");
        assertThat(report.finalRecipient()).isNull();
        assertThat(report.action()).isNull();
        assertThat(report.status()).isNull();
        assertThat(report.diagnostic()).isEmpty();

        assertThat(parse("")).isEqualTo(new InboundMessage.DeliveryReport(null, null, null, null, null));
    }

    @Test
    void aLongReportIsReadOnlySoFar() {
        String block = "Final-Recipient: rfc822; a@b.example\nAction: delayed\nStatus: 4.0.0\n\n";
        var report = parse("Reporting-MTA: dns; x\n\n" + block.repeat(10_000)
                + "Final-Recipient: rfc822; late@b.example\n" + "Action: failed\nStatus: 5.0.0\n");
        assertThat(report.action()).isEqualTo("delayed");
        assertThat(DeliveryStatusParser.blocks(block.repeat(10_000))).hasSize(DeliveryStatusParser.MAX_BLOCKS);
    }
}
