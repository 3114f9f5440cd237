package dev.outreachpipeline.jobs;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;

import java.util.Map;

/**
 * Asks the database, through the {@code check-job} route, whether a worker may go on with its job;
 * for code that waits or retries between database steps (provider calls), so that a cancellation
 * or a passed deadline is seen within one attempt rather than at the end of a long wait.
 */
public final class JobCheck {

    private final ProducerTemplate producer;

    public JobCheck(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** @throws JobStopped when the worker must stop */
    public void verify(String jobId, String worker) {
        try {
            producer.requestBodyAndHeaders("direct:check-job", null, Map.of("jobId", jobId, "worker", worker));
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    public Runnable of(String jobId, String worker) {
        return () -> verify(jobId, worker);
    }
}
