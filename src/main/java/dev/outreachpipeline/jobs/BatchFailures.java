package dev.outreachpipeline.jobs;

/** The bean routes call to keep a {@link BatchFailure} for a batch processed side by side. */
public final class BatchFailures {

    public BatchFailure start() {
        return new BatchFailure();
    }

    public void record(BatchFailure batch, Exception failure) {
        batch.record(failure);
    }

    public void rethrow(BatchFailure batch) throws Exception {
        batch.rethrowIfFailed();
    }
}
