package io.cardvault.platform.control;

import java.nio.file.Path;
import java.util.Optional;

/** A real, migrated H2 file database under a test's directory, for tests of store classes. */
public final class TestDatabase {

    public final Database database;
    public final Jdbc jdbc;

    private TestDatabase(Database database, Jdbc jdbc) {
        this.database = database;
        this.jdbc = jdbc;
    }

    public static TestDatabase open(Path dataDir) {
        return open(dataDir, Optional.empty());
    }

    /** The database {@code url} names, or by default the H2 file under {@code dataDir}. */
    public static TestDatabase open(Path dataDir, Optional<String> url) {
        DemoMode demo = new DemoMode();
        demo.dataDir = dataDir.toString();
        demo.dbUrl = url;
        demo.demo = "false";
        Database db = new Database();
        db.demoMode = demo;
        db.user = "sa";
        db.password = Optional.empty();
        db.maxConnections = 8;
        db.open();
        Jdbc jdbc = new Jdbc();
        jdbc.database = db;
        return new TestDatabase(db, jdbc);
    }

    public DemoMode demoMode() {
        return database.demoMode;
    }

    public void close() {
        jdbc.stopCommitter();
        database.close();
    }
}
