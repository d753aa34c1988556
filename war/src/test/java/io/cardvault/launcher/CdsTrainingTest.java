package io.cardvault.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdsTrainingTest {

    @Test
    void arguments_noPort_freeLoopbackPortAndListenerOn127001() throws Exception {
        String[] args = CdsTraining.arguments(new String[0]);
        int port = Integer.parseInt(Launcher.option(args, "--port").orElseThrow());
        assertTrue(port > 0 && port < 65_536, "port " + port);
        Path preboot = Path.of(Launcher.option(args, "--prebootcommandfile").orElseThrow());
        assertTrue(
                Files.readString(preboot)
                        .contains("network-listener.http-listener.address=127.0.0.1"));
    }

    @Test
    void arguments_givenPortAndPreboot_keptUnchanged() throws Exception {
        String[] given = {"--port", "18080", "--prebootcommandfile", "x.asadmin"};
        assertEquals(List.of(given), List.of(CdsTraining.arguments(given)));
    }
}
