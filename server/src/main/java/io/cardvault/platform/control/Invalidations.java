package io.cardvault.platform.control;

import java.util.function.Consumer;

/**
 * Tells every node that a cached entry is stale. A store that changes data some cache holds (a key
 * revoked, a tenant updated) publishes the cache's name and the entry's key after its change is
 * committed; every {@link LookupCache} of that name, on this node and on the others, drops the
 * entry.
 *
 * <p>The bean, {@link LocalInvalidations}, delivers to this node's caches and, on a clustered node,
 * also sends every invalidation over the data grid and delivers the ones it receives. Messages
 * carry cache names and lookup keys (key prefixes, tenant ids), never a key, card data or a token
 * id.
 */
public interface Invalidations {

    /** The key that drops every entry of a cache. */
    String ALL = "*";

    /**
     * Drops {@code key} (or {@link #ALL}) from the caches named {@code cacheName}: on this node
     * before it returns, on the other nodes as soon as the message reaches them.
     */
    void publish(String cacheName, String key);

    /** Calls {@code listener} with the key of every invalidation of {@code cacheName}. */
    void subscribe(String cacheName, Consumer<String> listener);

    /**
     * Whether {@link #publish} reaches every node that may cache the same data. A cache whose
     * invalidations cannot reach the other nodes would keep serving a revoked key there, so {@link
     * LookupCache} caches nothing while this is false.
     */
    boolean reachesAllNodes();
}
