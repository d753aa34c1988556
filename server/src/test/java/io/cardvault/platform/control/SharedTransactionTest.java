package io.cardvault.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedTransactionTest {

    @TempDir Path dir;

    TestDatabase db;
    ExecutorService pool;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        db.jdbc.update("create table shared_t (id int primary key, v varchar(20))");
        pool = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        db.close();
    }

    private int rows() {
        return db.jdbc.queryOne("select count(*) from shared_t", rs -> rs.getInt(1)).orElseThrow();
    }

    @Test
    void concurrentCallersShareOneCommit_andEachIsCommittedWhenItReturns() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // the first work holds the committing thread, so the next 15 callers queue behind it
        Future<?> first =
                pool.submit(
                        () ->
                                db.jdbc.inSharedTransaction(
                                        () -> {
                                            db.jdbc.update("insert into shared_t values (0, 'a')");
                                            holding.countDown();
                                            await(release);
                                        }));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        long groupsBefore = db.jdbc.committer().groupsCommitted();
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 1; i < 16; i++) {
            int id = i;
            others.add(
                    pool.submit(
                            () -> {
                                db.jdbc.inSharedTransaction(
                                        () ->
                                                db.jdbc.update(
                                                        "insert into shared_t values (?, 'b')",
                                                        id));
                                // committed when inSharedTransaction returned
                                return db.jdbc
                                        .queryOne(
                                                "select count(*) from shared_t where id = ?",
                                                rs -> rs.getInt(1),
                                                id)
                                        .orElseThrow();
                            }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queued() < 15 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<Integer> f : others) {
            assertEquals(1, f.get(10, TimeUnit.SECONDS));
        }
        assertEquals(16, rows());
        // the held group was counted when it began; the 15 waiting callers made one more
        assertEquals(1, db.jdbc.committer().groupsCommitted() - groupsBefore);
    }

    private int queued() {
        return db.jdbc.committer().queued();
    }

    @Test
    void aFailingWorkFailsAlone_theRestOfItsGroupIsCommitted() throws Exception {
        db.jdbc.update("insert into shared_t values (7, 'taken')");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first =
                pool.submit(
                        () ->
                                db.jdbc.inSharedTransaction(
                                        () -> {
                                            holding.countDown();
                                            await(release);
                                        }));
        assertTrue(holding.await(10, TimeUnit.SECONDS));
        Future<?> before = pool.submit(() -> insert(1, 2));
        Future<?> duplicate = pool.submit(() -> insert(7, 8));
        Future<?> after = pool.submit(() -> insert(9, 10));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queued() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        before.get(10, TimeUnit.SECONDS);
        after.get(10, TimeUnit.SECONDS);
        java.util.concurrent.ExecutionException e =
                assertThrows(
                        java.util.concurrent.ExecutionException.class,
                        () -> duplicate.get(10, TimeUnit.SECONDS));
        assertTrue(((DataAccessException) e.getCause()).isDuplicateKey());
        // the failing work's first insert (8) is rolled back with it; the others are in
        assertEquals(
                List.of(1, 2, 7, 9, 10),
                db.jdbc.query("select id from shared_t order by id", rs -> rs.getInt(1)));
    }

    /** Two inserts in one work: the second is the duplicate when {@code first} is 7. */
    private void insert(int first, int second) {
        db.jdbc.inSharedTransaction(
                () -> {
                    db.jdbc.update("insert into shared_t values (?, 'x')", second);
                    db.jdbc.update("insert into shared_t values (?, 'x')", first);
                });
    }

    @Test
    void insideATransaction_itJoinsThatTransaction() {
        assertThrows(
                IllegalStateException.class,
                () ->
                        db.jdbc.inTransaction(
                                () -> {
                                    db.jdbc.inSharedTransaction(
                                            () ->
                                                    db.jdbc.update(
                                                            "insert into shared_t values (1, 'x')"));
                                    throw new IllegalStateException("roll back");
                                }));
        assertEquals(0, rows());
    }

    @Test
    void afterStop_submissionsFail_andNothingWaitsForever() {
        db.jdbc.inSharedTransaction(() -> db.jdbc.update("insert into shared_t values (1, 'x')"));
        db.jdbc.stopCommitter();
        assertThrows(
                IllegalStateException.class,
                () ->
                        db.jdbc.inSharedTransaction(
                                () -> db.jdbc.update("insert into shared_t values (2, 'x')")));
        assertEquals(1, rows());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
