package dev.outreachpipeline.jobs;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The first failure among the items of a batch processed side by side. Each item catches its own
 * failure and records it here; the batch goes on to the end (items not yet started are skipped) and
 * only then fails with the first one, so nothing of the batch is still in flight while its claims are
 * handed back.
 */
public final class BatchFailure {

    private final AtomicReference<Exception> first = new AtomicReference<>();

    /** Whether an item has failed (the items not yet started are then skipped). */
    public boolean isFailed() {
        return first.get() != null;
    }

    public void record(Exception failure) {
        first.compareAndSet(null, failure);
    }

    /** Fails the batch with the first failure, if there was one. */
    public void rethrowIfFailed() throws Exception {
        Exception failure = first.get();
        if (failure != null) {
            throw failure;
        }
    }
}
