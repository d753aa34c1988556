package io.cardvault.platform.boundary;

import io.cardvault.platform.control.Drain;
import io.cardvault.platform.control.Grid;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready unless the node is shutting down (readiness goes down first, so a load balancer stops
 * sending before requests are refused) or, when clustered, its data grid member is gone.
 */
@Readiness
@ApplicationScoped
public class NodeHealth implements HealthCheck {

    @Inject Drain drain;

    @Inject Grid grid;

    @Override
    public HealthCheckResponse call() {
        if (drain.draining()) {
            return HealthCheckResponse.named("node")
                    .down()
                    .withData("reason", "shutting down")
                    .build();
        }
        return grid.problem()
                .map(
                        reason ->
                                HealthCheckResponse.named("node")
                                        .down()
                                        .withData("reason", reason)
                                        .build())
                .orElseGet(
                        () ->
                                HealthCheckResponse.named("node")
                                        .up()
                                        .withData("clustered", grid.clustered())
                                        .withData("members", grid.members())
                                        .build());
    }
}
