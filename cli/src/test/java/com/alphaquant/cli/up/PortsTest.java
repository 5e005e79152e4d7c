package com.alphaquant.cli.up;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphaquant.cli.AlphaQuant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void defaultsCanBeOverriddenByPartName() {
        Ports ports = Ports.of(Map.of("gateway", 9080));
        assertThat(ports.of("gateway")).isEqualTo(9080);
        assertThat(ports.of("data-service")).isEqualTo(8081);
    }

    @Test
    void anUnknownPartOrAClashIsTheUsersError() {
        assertThatThrownBy(() -> Ports.of(Map.of("gatway", 9080)))
                .hasMessageContaining("unknown part 'gatway'").hasMessageContaining("gateway, data-service");
        assertThatThrownBy(() -> Ports.of(Map.of("redis", 8081)))
                .hasMessage("--port: data-service and redis both have port 8081");
        assertThatThrownBy(() -> Ports.of(Map.of("kafka", 70000))).hasMessageContaining("a port is 1 to 65535");
    }

    @Test
    void aPortInUseIsNamedWithItsPart() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Ports ports = Ports.of(Map.of("gateway", busy.getLocalPort()));
            assertThatThrownBy(() -> ports.requireFree(List.of("gateway")))
                    .hasMessage("port " + busy.getLocalPort() + " (gateway) is already in use: stop what listens there, "
                            + "or give another with --port gateway=N");
        }
    }

    @Test
    void upRefusesABusyPortBeforeStartingAnythingAndExitsWithTwo() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = AlphaQuant.run("up", "--port", "data-service=" + busy.getLocalPort());
            assertThat(code).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("(data-service) is already in use");
    }
}
