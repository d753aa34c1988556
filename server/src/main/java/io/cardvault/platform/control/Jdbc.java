package io.cardvault.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A thin layer over JDBC for the store classes (the only places with SQL). Outside {@link
 * #inTransaction} each call is its own auto-committed transaction, so when it returns the row is
 * committed; inside, every call of the same thread joins one transaction that commits when the
 * outermost block returns and rolls back when it throws.
 */
@ApplicationScoped
public class Jdbc {

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private static final ThreadLocal<Connection> TRANSACTION = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> WROTE = new ThreadLocal<>();

    @Inject Database database;

    /**
     * Runs {@code work} in one transaction; nested calls join the outer one. When it returns, what
     * it wrote is committed and on the device ({@link Database#awaitDurable}).
     */
    public <T> T inTransaction(Supplier<T> work) {
        if (TRANSACTION.get() != null) {
            return work.get();
        }
        Committed<T> done = transaction(c -> work.get());
        if (done.wrote()) {
            database.awaitDurable();
        }
        return done.result();
    }

    private record Committed<T>(T result, boolean wrote) {}

    /** Runs {@code body} in a new transaction of this thread; committed when this returns. */
    private <T> Committed<T> transaction(Work<T> body) {
        database.gate().readLock().lock();
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            TRANSACTION.set(c);
            WROTE.set(Boolean.FALSE);
            try {
                T result = body.run(c);
                c.commit();
                return new Committed<>(result, WROTE.get());
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c);
                throw e;
            } finally {
                TRANSACTION.remove();
                WROTE.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException("transaction", e);
        } finally {
            database.gate().readLock().unlock();
        }
    }

    /**
     * Runs {@code work} in a transaction it may share with other threads' work: one thread commits
     * the work of every caller waiting at that moment in one transaction (a failing one is rolled
     * back alone and its exception thrown here), and one {@link Database#awaitDurable} covers them
     * all. When this returns, {@code work}'s writes are committed and on the device, exactly as
     * with {@link #inTransaction}. {@code work} runs on the committing thread: it must be SQL
     * through this class only, with anything slow (crypto, I/O) done before, and it may run twice
     * (when another work of its group failed, the group is rolled back and run again; see {@code
     * commitGroup}). Inside a transaction it joins that one; with a container's pool it runs in a
     * transaction of its own.
     */
    public void inSharedTransaction(Runnable work) {
        if (TRANSACTION.get() != null || !database.ownsPool()) {
            inTransaction(work);
            return;
        }
        committer().submit(work);
    }

    private GroupCommitter committer;

    synchronized GroupCommitter committer() {
        if (committer == null) {
            committer = new GroupCommitter(this::commitGroup, database::awaitDurable);
        }
        return committer;
    }

    @jakarta.annotation.PreDestroy
    synchronized void stopCommitter() {
        if (committer != null) {
            committer.stop();
        }
    }

    /**
     * One transaction for a group of works; a work's failure is its own, a commit's is all's.
     *
     * <p>First without savepoints: the group's works one after the other, then the commit. A
     * savepoint per work cost a {@code SAVEPOINT} statement each (on H2 a statement parsed anew
     * every time, its name being new; on PostgreSQL a round trip), on the one committing thread.
     * Only if a work fails is the whole transaction rolled back and the group run again, each work
     * under a savepoint of its own, so the failing one fails alone. A work may therefore run twice;
     * it is SQL through this class only (see {@link #inSharedTransaction}), undone by the rollback.
     */
    private void commitGroup(List<GroupCommitter.Pending> group) {
        try {
            transaction(
                    c -> {
                        for (GroupCommitter.Pending p : group) {
                            try {
                                p.work().run();
                            } catch (RuntimeException | Error e) {
                                throw new WorkFailed(e);
                            }
                        }
                        return null;
                    });
            return;
        } catch (WorkFailed e) {
            // rolled back whole: again, each work under its own savepoint
        }
        transaction(
                c -> {
                    for (GroupCommitter.Pending p : group) {
                        java.sql.Savepoint savepoint = c.setSavepoint();
                        try {
                            p.work().run();
                        } catch (RuntimeException | Error e) {
                            c.rollback(savepoint);
                            p.fail(e);
                        }
                    }
                    return null;
                });
    }

    /** A work of a group failed on the first, savepoint-less run. */
    private static final class WorkFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkFailed(Throwable cause) {
            super(null, cause, false, false);
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(
                () -> {
                    work.run();
                    return null;
                });
    }

    /**
     * One write. Outside a transaction it is committed and on the device when this returns (see
     * {@link Database#awaitDurable}); inside one, when the transaction returns.
     */
    public int update(String sql, Object... params) {
        int rows = write(sql, params);
        if (TRANSACTION.get() != null) {
            WROTE.set(Boolean.TRUE);
        } else {
            database.awaitDurable();
        }
        return rows;
    }

    private int write(String sql, Object... params) {
        return withConnection(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        bind(ps, params);
                        return ps.executeUpdate();
                    }
                },
                "update");
    }

    /** Inserts unless a row with the same key exists; returns whether this call inserted. */
    public boolean insertIgnoringDuplicate(String sql, Object... params) {
        try {
            return update(sql, params) == 1;
        } catch (DataAccessException e) {
            if (e.isDuplicateKey()) {
                return false;
            }
            throw e;
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        bind(ps, params);
                        try (ResultSet rs = ps.executeQuery()) {
                            List<T> out = new ArrayList<>();
                            while (rs.next()) {
                                out.add(mapper.map(rs));
                            }
                            return out;
                        }
                    }
                },
                "query");
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(Work<T> work, String operation) {
        Connection joined = TRANSACTION.get();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            database.gate().readLock().lock();
            try (Connection c = dataSource().getConnection()) {
                return work.run(c);
            } finally {
                database.gate().readLock().unlock();
            }
        } catch (SQLException e) {
            throw new DataAccessException(operation, e);
        }
    }

    private DataSource dataSource() {
        return database.dataSource();
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
