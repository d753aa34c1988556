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
    private final Consumer<List<Pending>> commitGroup;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile long groups; // written by the thread only; read by tests

    long groupsCommitted() {
        return groups;
    }

    int queued() {
        return queue.size();
    }

    GroupCommitter(Consumer<List<Pending>> commitGroup) {
        this.commitGroup = commitGroup;
        this.thread = DaemonThreads.named("cardvault-group-commit").newThread(this::run);
        thread.start();
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
            groups++;
            group.clear();
        }
    }

    private void commit(List<Pending> group) {
        try {
            commitGroup.accept(group);
        } catch (RuntimeException | Error e) {
            // the commit (or the fsync) failed: no work of the group is acknowledged
            for (Pending p : group) {
                p.failure = e;
            }
        } finally {
            for (Pending p : group) {
                p.finish();
            }
        }
    }
}
