package io.cardvault.edge;

import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.ConnectionProbe;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.IOEvent;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.attributes.AttributeStorage;

/**
 * Notes, per connection, when its selector found it readable: {@link System#nanoTime()} in the
 * selector thread, before Grizzly hands the read to a worker thread. {@link ArrivalTimeFilter}
 * takes the note when it sees the request head that read produced, so the request's clock also
 * holds that hand-over, the socket read and the parse of the head, as a client's clock does.
 *
 * <p>The note is an {@link AtomicLong} in a connection attribute: the attribute is set once, by the
 * connection's selector thread, before the first read is handed on; after that the selector only
 * writes the number and the worker takes it ({@link #take}), each read's note at most once.
 */
public final class ReadReadyProbe extends ConnectionProbe.Adapter {

    static final ReadReadyProbe INSTANCE = new ReadReadyProbe();

    private static final Attribute<AtomicLong> READY =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
                    ReadReadyProbe.class.getName() + ".readyNanos");

    private ReadReadyProbe() {}

    @Override
    public void onIOEventReadyEvent(Connection connection, IOEvent ioEvent) {
        if (ioEvent == IOEvent.READ) {
            note(connection, System.nanoTime());
        }
    }

    static void note(AttributeStorage connection, long nowNanos) {
        AtomicLong ready = READY.get(connection);
        if (ready == null) {
            READY.set(connection, new AtomicLong(nowNanos));
        } else {
            ready.set(nowNanos);
        }
    }

    /** The connection's last note, and forgets it; 0 when there is none. */
    static long take(AttributeStorage connection) {
        AtomicLong ready = connection == null ? null : READY.get(connection);
        return ready == null ? 0L : ready.getAndSet(0L);
    }
}
