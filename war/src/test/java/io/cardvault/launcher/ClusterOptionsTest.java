package io.cardvault.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterOptionsTest {

    @Test
    void options_noClusterMode_nodeIsAlone() {
        assertEquals(
                List.of("--port", "8080", "--nohazelcast"),
                ClusterOptions.apply(new String[] {"--port", "8080"}));
    }

    @Test
    void options_tcpipMemberList_passedUnchanged() {
        String[] args = {
            "--port",
            "8081",
            "--startport",
            "5901",
            "--interfaces",
            "127.0.0.1",
            "--clustermode",
            "tcpip:127.0.0.1:5901,127.0.0.1:5902"
        };
        assertEquals(List.of(args), ClusterOptions.apply(args));
    }

    @Test
    void options_multicastOrGarbage_refusedWithTheAcceptedForm() {
        for (String mode :
                List.of(
                        "multicast:224.2.2.3:2904",
                        "domain:127.0.0.1:4848",
                        "tcpip:",
                        "tcpip:127.0.0.1",
                        "tcpip:127.0.0.1:99999",
                        "kubernetes:ns,svc",
                        "")) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> ClusterOptions.apply(new String[] {"--clustermode", mode}));
            assertTrue(e.getMessage().contains("tcpip:<host>:<port>"), e.getMessage());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> ClusterOptions.apply(new String[] {"--clustermode"}));
    }

    @Test
    void apply_explicitNoCluster_replacedByNoHazelcast() {
        // Payara ignores --nohazelcast next to --nocluster and then opens a grid port
        assertEquals(
                List.of("--port", "8080", "--nohazelcast"),
                ClusterOptions.apply(new String[] {"--port", "8080", "--nocluster"}));
    }

    @Test
    void apply_clusterWithoutInterfaces_refused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ClusterOptions.apply(
                                        new String[] {
                                            "--clustermode", "tcpip:127.0.0.1:5901,127.0.0.1:5902"
                                        }));
        assertTrue(e.getMessage().contains("--interfaces"), e.getMessage());
    }
}
