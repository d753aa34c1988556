package io.cardvault.platform.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Group commit: callers hand in their work and wait; one thread takes every work waiting at that
 * moment (up to {@value #MAX_GROUP}) and has them committed together by {@code commitGroup}, so a
 * group of concurrent writes costs one commit and one {@code fsync} instead of one each. H2 writes
 * a chunk under a store-wide lock at every commit; grouping is what lets tokenization scale with
 * concurrent clients. A caller is released when its group is committed and durable, or failed.
 *
 * <p>Two stages: the committing thread commits a group and hands it to the syncing thread, which
 * waits for the device ({@code awaitDurable}: one {@code fsync} for every group committed before it
 * began) and releases the callers; meanwhile the next group is being committed.
 */
final class GroupCommitter {

    static final int MAX_GROUP = 64;

    /** One caller's work and its outcome. */
    static final class Pending {
        private final Runnable work;
        private final CountDownLatch done = new CountDownLatch(1);
        private Throwable failure; // written before done.countDown(), read after await

        Pending(Runnable work) {
            this.work = work;
        }

        Runnable work() {
            return work;
        }

        /** This work failed alone (its savepoint was rolled back); the group goes on. */
        void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            }
        }

        void finish() {
            done.countDown();
        }
    }

    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<List<Pending>> committed = new LinkedBlockingQueue<>();
    private final Consumer<List<Pending>> commitGroup;
    private final Runnable awaitDurable;
    private final Thread thread;
    private final Thread syncer;
    private volatile boolean stopping;
    private volatile long groups; // written by the thread only; read by tests

    long groupsCommitted() {
        return groups;
    }

    int queued() {
        return queue.size();
    }

    /**
     * {@code commitGroup} commits a group in one transaction (a work's own failure goes to its
     * {@link Pending#fail}; a thrown exception fails the group); {@code awaitDurable} returns once
     * every commit made before it was called is on the device.
     */
    GroupCommitter(Consumer<List<Pending>> commitGroup, Runnable awaitDurable) {
        this.commitGroup = commitGroup;
        this.awaitDurable = awaitDurable;
        this.thread = DaemonThreads.named("cardvault-group-commit").newThread(this::run);
        this.syncer = DaemonThreads.named("cardvault-group-sync").newThread(this::sync);
        thread.start();
        syncer.start();
    }

    /** Runs {@code work} in the next group; returns once that group is durable, or throws. */
    void submit(Runnable work) {
        if (stopping) {
            throw new IllegalStateException("shutting down");
        }
        Pending p = new Pending(work);
        queue.add(p);
        if (stopping && queue.remove(p)) {
            throw new IllegalStateException("shutting down"); // the thread may be gone already
        }
        boolean interrupted = false;
        while (true) {
            try {
                p.done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the write may already be committed: wait for its outcome
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (p.failure instanceof RuntimeException r) {
            throw r;
        }
        if (p.failure instanceof Error e) {
            throw e;
        }
    }

    /**
     * Commits what is queued, then ends the thread; later submissions fail. The thread is never
     * interrupted: an interrupt during a file write would close H2's or the fsync's channel.
     */
    void stop() {
        stopping = true;
        try {
            thread.join(10_000);
            syncer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        for (Pending p : left) {
            p.failure = new IllegalStateException("shutting down");
            p.finish();
        }
    }

    private void run() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (!stopping || !queue.isEmpty()) {
            Pending first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread; stop() sets stopping
            }
            if (first == null) {
                continue;
            }
            group.add(first);
            queue.drainTo(group, MAX_GROUP - 1);
            commit(group);
            group = new ArrayList<>(MAX_GROUP);
        }
    }

    /** Releases committed groups once they are durable: one wait for all groups queued by then. */
    private void sync() {
        List<List<Pending>> ready = new ArrayList<>();
        while (thread.isAlive() || !committed.isEmpty()) {
            try {
                List<Pending> first = committed.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                ready.add(first);
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread (see stop)
            }
            committed.drainTo(ready);
            Throwable failure = null;
            try {
                awaitDurable.run();
            } catch (RuntimeException | Error e) {
                failure = e; // the fsync failed: none of these commits is acknowledged
            }
            for (List<Pending> group : ready) {
                for (Pending p : group) {
                    if (failure != null) {
                        p.failure = failure;
                    }
                    p.finish();
                }
            }
            ready.clear();
        }
    }

    private void commit(List<Pending> group) {
        groups++;
        try {
            commitGroup.accept(group);
        } catch (RuntimeException | Error e) {
            // the commit failed: no work of the group is acknowledged, and there is nothing to sync
            for (Pending p : group) {
                p.failure = e;
                p.finish();
            }
            return;
        }
        committed.add(group);
    }
}
