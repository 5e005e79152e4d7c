package com.alphaquant.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphaquant.testsupport.TestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataServiceApplicationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_data");
        TestInfra.kafka(registry); // the JVM's in-JVM KRaft broker
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    DataProperties properties;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsHealthyWithItsSchemaAndNeverPrintsTheToken() throws Exception {
        assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
        assertThat(get("/api/data/securities").body()).isEqualTo("[]");
        assertThat(properties.tushare().toString()).doesNotContain("sim-token").contains("token=<");
    }

    @Test
    void badQueryParametersAreProblemsNamingTheField() throws Exception {
        HttpResponse<String> code = get("/api/data/bars?ts_code=600519&start=2022-01-04&end=2022-02-01");
        assertThat(code.statusCode()).isEqualTo(400);
        assertThat(code.body()).contains("\"field\":\"ts_code\"", "Invalid ts_code '600519'");

        HttpResponse<String> range = get("/api/data/bars?ts_code=600519.SH&start=2022-02-01&end=2022-01-04");
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(range.body()).contains("\"field\":\"end\"", "before start");

        HttpResponse<String> adjust = get("/api/data/bars?ts_code=600519.SH&start=2022-01-04&end=2022-02-01&adjust=xyz");
        assertThat(adjust.body()).contains("\"field\":\"adjust\"");

        HttpResponse<String> date = get("/api/data/calendar?start=2022-13-01&end=2022-02-01");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("\"field\":\"start\"");
    }
}
