package io.cardvault.checkout.control;

import io.cardvault.platform.control.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * The table {@code checkout_leases}: a job runs on the node that holds its lease. A holder renews
 * its lease on every round; another node takes it over only once it has expired, so a crashed node
 * delays the work by at most one lease period and two nodes never work at once.
 */
@ApplicationScoped
public class CheckoutLeases {

    @Inject Jdbc jdbc;

    boolean acquire(String name, String holder, Instant now, Duration ttl) {
        long until = now.plus(ttl).toEpochMilli();
        int renewed =
                jdbc.update(
                        "update checkout_leases set holder = ?, expires_at = ? where name = ?"
                                + " and (holder = ? or expires_at < ?)",
                        holder,
                        until,
                        name,
                        holder,
                        now.toEpochMilli());
        return renewed == 1
                || jdbc.insertIgnoringDuplicate(
                        "insert into checkout_leases (name, holder, expires_at) values (?, ?, ?)",
                        name,
                        holder,
                        until);
    }
}
