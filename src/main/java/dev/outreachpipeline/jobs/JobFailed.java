package dev.outreachpipeline.jobs;

/** The job cannot go on, for a reason a person can act on (e.g. the provider rejected the credentials). */
public class JobFailed extends RuntimeException {
    public JobFailed(String message) {
        super(message);
    }

    public JobFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
