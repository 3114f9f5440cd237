package dev.outreachpipeline.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The DataForSEO payloads under src/test/resources/fixtures/dataforseo, read from the test classpath. */
final class DataForSeoFixtures {

    private DataForSeoFixtures() {}

    static String read(String name) {
        try (InputStream in = DataForSeoFixtures.class.getResourceAsStream("/fixtures/dataforseo/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
