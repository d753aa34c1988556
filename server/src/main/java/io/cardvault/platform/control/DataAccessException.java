package io.cardvault.platform.control;

/** A database failure. Carries the SQL state only: driver messages may echo values. */
public final class DataAccessException extends RuntimeException {

    private final String sqlState;

    public DataAccessException(String operation, java.sql.SQLException cause) {
        super("database " + operation + " failed (SQL state " + cause.getSQLState() + ")");
        this.sqlState = cause.getSQLState();
    }

    public String sqlState() {
        return sqlState;
    }

    public boolean isDuplicateKey() {
        return sqlState != null && sqlState.startsWith("23");
    }
}
