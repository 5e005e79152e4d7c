package com.alphaquant.model.api;

import static com.alphaquant.testsupport.EmbeddedKafkaClients.consumer;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.poll;
import static com.alphaquant.testsupport.EmbeddedKafkaClients.producer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.alphaquant.events.EventSerde;
import com.alphaquant.events.FactorsComputed;
import com.alphaquant.events.ModelPredictions;
import com.alphaquant.events.Topics;
import com.alphaquant.model.data.SampleModelData;
import com.alphaquant.model.dataset.Dataset;
import com.alphaquant.model.dataset.DatasetSpec;
import com.alphaquant.model.dataset.SampleSource;
import com.alphaquant.model.registry.ModelRegistry;
import com.alphaquant.model.train.TrainedModel;
import com.alphaquant.testsupport.TestInfra;
import com.alphaquant.testsupport.http.Scrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * model-service end to end over real PostgreSQL and Kafka, on the bundled sample: a training job
 * from submission to a registered model (progress, loss curves, metrics), predictions equal to
 * those of the saved model loaded independently, the active model answering factors.computed with
 * model.predictions, cancellation, and bad input as problem bodies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelServiceIT {

    static final Path MODELS = tempDir();
    // 40 stocks of 2021, 10-day windows: a run of a few seconds on two cores.
    static final List<String> STOCKS = List.of("000001.SZ", "000002.SZ", "000063.SZ", "000100.SZ", "000333.SZ", "000338.SZ",
            "000425.SZ", "000538.SZ", "000568.SZ", "000625.SZ", "000651.SZ", "000661.SZ", "000725.SZ", "000776.SZ", "000858.SZ",
            "000876.SZ", "000895.SZ", "002001.SZ", "002007.SZ", "002027.SZ", "600000.SH", "600009.SH", "600016.SH", "600028.SH",
            "600030.SH", "600031.SH", "600036.SH", "600048.SH", "600050.SH", "600104.SH", "600276.SH", "600309.SH", "600519.SH",
            "600585.SH", "600690.SH", "600887.SH", "600900.SH", "601012.SH", "601318.SH", "601398.SH");
    static final String TRAIN = """
            {"preset":"small","epochs":2,"batchSize":256,"learningRate":0.001,"seqLen":10,"seed":7,
             "startDate":"2020-06-01","endDate":"2021-12-31","validStart":"2021-05-06","testStart":"2021-08-02","tsCodes":%s}"""
            .formatted(STOCKS.stream().map(c -> "\"" + c + "\"").toList());
    static UUID modelId;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestInfra.postgres(registry, "aq_model");
        TestInfra.kafka(registry, Topics.FACTORS_COMPUTED, Topics.MODEL_PREDICTIONS, Topics.deadLetter(Topics.FACTORS_COMPUTED));
        registry.add("alphaquant.model.bars", () -> "sample");
        registry.add("alphaquant.model.device", () -> "cpu");
        registry.add("alphaquant.model.model-dir", MODELS::toString);
        registry.add("alphaquant.model.job-poll-interval", () -> "200ms");
    }

    @Value("${local.server.port}")
    int port;

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    @Order(1)
    void aTrainingJobReportsProgressAndLossCurvesAndRegistersAScoredModel() throws Exception {
        HttpResponse<String> accepted = send("POST", "/api/models/train", TRAIN);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String location = json.readTree(accepted.body()).path("location").asString();

        JsonNode job = awaitStatus(location, "SUCCEEDED", Duration.ofMinutes(5));
        assertThat(job.path("progress").asDouble()).isEqualTo(100.0);
        assertThat(job.path("detail").path("epochs").asInt()).isEqualTo(2);
        JsonNode epochs = job.path("epochs");
        assertThat(epochs.size()).isBetween(1, 2);
        assertThat(epochs.get(0).path("validLoss").path("total").asDouble()).isPositive();
        modelId = UUID.fromString(job.path("modelId").asString());

        JsonNode model = json.readTree(send("GET", "/api/models/" + modelId, null).body());
        assertThat(model.path("preset").asString()).isEqualTo("small");
        assertThat(model.path("active").asBoolean()).isFalse();
        assertThat(model.path("dataRange").path("stocks").asInt()).isEqualTo(STOCKS.size());
        assertThat(model.path("dataRange").path("testStart").asString()).isEqualTo("2021-08-02");
        assertThat(model.path("features").path("factors").size()).isEqualTo(24);
        assertThat(model.path("versions").path("factorEngine").asString()).startsWith("factors-");
        JsonNode metrics = model.path("metrics");
        for (String figure : List.of("validLoss", "baselineValidLoss", "testLoss", "baselineTestLoss")) {
            assertThat(metrics.path(figure).path("total").asDouble()).as(figure).isPositive();
        }
        assertThat(metrics.path("testRankIc").path("days").asInt()).isPositive();
        assertThat(metrics.path("bestFactor").asString()).isNotBlank();
        assertThat(metrics.path("seed").asInt()).isEqualTo(7);
        assertThat(Files.isDirectory(ModelRegistry.files(MODELS, modelId))).isTrue();
        assertThat(json.readTree(send("GET", "/api/models", null).body()).get(0).path("id").asString()).isEqualTo(modelId.toString());

        // The last epoch's losses per head, as Prometheus scrapes them.
        String scrape = send("GET", "/actuator/prometheus", null).body();
        JsonNode last = epochs.get(epochs.size() - 1);
        for (String split : List.of("train", "valid")) {
            for (String head : List.of("total", "return", "sharpe", "drawdown")) {
                assertThat(Scrape.value(scrape, "alphaquant_model_training_loss{head=\"" + head + "\",split=\"" + split + "\"}"))
                        .as(split + " " + head).isCloseTo(last.path(split + "Loss").path(head).asDouble(), within(1e-9));
            }
        }
    }

    @Test
    @Order(2)
    void predictionsEqualThoseOfTheSavedModelLoadedOnItsOwn() throws Exception {
        LocalDate day = LocalDate.of(2021, 11, 15);
        HttpResponse<String> answer = send("POST", "/api/models/" + modelId + "/predict",
                "{\"date\":\"" + day + "\",\"tsCodes\":[\"600519.SH\",\"000001.SZ\"]}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode predictions = json.readTree(answer.body()).path("predictions");
        assertThat(predictions.size()).isEqualTo(2);

        // The service standardises across every stock the source has that day, as in training on its data.
        Dataset data = new SampleModelData().build(DatasetSpec.defaults().withSeqLen(10).withDates(day, day), List.of());
        SampleSource source = data.inference(day, List.of("600519.SH", "000001.SZ"));
        try (TrainedModel saved = TrainedModel.load(ModelRegistry.files(MODELS, modelId))) {
            float[] out = saved.predict(source.gather(IntStream.range(0, source.size()).toArray()));
            for (int i = 0; i < source.size(); i++) {
                JsonNode p = find(predictions, source.key(i).tsCode());
                assertThat(p.path("logReturn").asDouble()).isEqualTo((double) out[i * 3]);
                assertThat(p.path("sharpe").asDouble()).isEqualTo((double) out[i * 3 + 1]);
                assertThat(p.path("maxDrawdown").asDouble()).isEqualTo((double) out[i * 3 + 2]);
            }
        }
        JsonNode universe = json.readTree(send("POST", "/api/models/" + modelId + "/predict", "{\"date\":\"" + day + "\"}").body());
        assertThat(universe.path("predictions").size()).isEqualTo(data.inference(day).size()).isGreaterThan(250);
    }

    @Test
    @Order(3)
    void theActiveModelAnswersFactorsComputedWithModelPredictions() throws Exception {
        KafkaConsumer<String, String> predictions = consumer(Topics.MODEL_PREDICTIONS);
        JsonNode promoted = json.readTree(send("POST", "/api/models/" + modelId + "/promote", null).body());
        assertThat(promoted.path("active").asBoolean()).isTrue();

        LocalDate day = LocalDate.of(2021, 12, 1);
        FactorsComputed event = new FactorsComputed(UUID.randomUUID().toString(), FactorsComputed.VERSION, Instant.now(), day,
                List.of("600519.SH"), List.of("RET"), "factors-2");
        EventSerde serde = new EventSerde();
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.FACTORS_COMPUTED, event.key(),
                    new String(serde.serialize(event), StandardCharsets.UTF_8))).get();
        }
        List<ConsumerRecord<String, String>> records = poll(predictions, 1, Duration.ofMinutes(2));
        ModelPredictions published = serde.deserialize(Topics.MODEL_PREDICTIONS, records.get(0).value().getBytes(StandardCharsets.UTF_8),
                ModelPredictions.class);
        assertThat(published.asOf()).isEqualTo(day);
        assertThat(published.modelVersion()).isEqualTo(modelId.toString());
        assertThat(published.horizon()).isEqualTo(20);
        JsonNode api = json.readTree(send("POST", "/api/models/" + modelId + "/predict", "{\"date\":\"" + day + "\"}").body())
                .path("predictions");
        assertThat(published.predictions()).hasSize(api.size());
        ModelPredictions.Prediction first = published.predictions().get(0);
        assertThat(find(api, first.tsCode()).path("logReturn").asDouble()).isEqualTo(first.logReturn());
        predictions.close();
    }

    @Test
    @Order(4)
    void aRunningJobStopsWhenCancelled() throws Exception {
        String longer = TRAIN.replace("\"epochs\":2", "\"epochs\":200").replace("\"batchSize\":256", "\"batchSize\":16");
        String location = json.readTree(send("POST", "/api/models/train", longer).body()).path("location").asString();
        awaitStatus(location, "RUNNING", Duration.ofMinutes(2));
        HttpResponse<String> cancel = send("DELETE", location, null);
        assertThat(cancel.statusCode()).isEqualTo(202);
        JsonNode job = awaitStatus(location, "CANCELLED", Duration.ofMinutes(2));
        assertThat(job.path("modelId").isNull()).isTrue();
        assertThat(json.readTree(send("GET", "/api/models", null).body()).size()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void badInputIsAProblemNamingTheField() throws Exception {
        assertProblem(send("GET", "/api/models/" + UUID.randomUUID(), null), 404, null);
        assertProblem(send("GET", "/api/models/not-a-uuid", null), 400, null);
        assertProblem(send("POST", "/api/models/" + UUID.randomUUID() + "/predict", "{\"date\":\"2021-11-15\"}"), 404, null);
        assertProblem(send("POST", "/api/models/" + modelId + "/predict", "{\"date\":\"2031-01-06\"}"), 400, "date");
        assertProblem(send("POST", "/api/models/" + modelId + "/predict", "{}"), 400, "date");
        assertProblem(send("POST", "/api/models/" + modelId + "/predict", "{\"date\":\"2021-11-15\",\"tsCodes\":[\"XYZ\"]}"), 400,
                "tsCodes[0]");
        assertProblem(send("POST", "/api/models/train", "{\"device\":\"gpu\"}"), 400, "device");
        assertProblem(send("POST", "/api/models/train", "{\"epochs\":0}"), 400, "epochs");
        assertProblem(send("POST", "/api/models/train", "{\"epochs\":\"many\"}"), 400, "epochs");
        assertProblem(send("POST", "/api/models/train", "{\"validStart\":\"2021-05-06\"}"), 400, "testStart");
        assertProblem(send("POST", "/api/models/train", "{\"preset\":\"huge\"}"), 400, "preset");
        assertProblem(send("POST", "/api/models/train", "{"), 400, null);
        assertProblem(send("DELETE", "/api/models/train/" + UUID.randomUUID(), null), 404, null);
    }

    private void assertProblem(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        if (field != null) {
            assertThat(r.body()).contains("\"" + field + "\"");
        }
    }

    private JsonNode awaitStatus(String location, String status, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        JsonNode job;
        do {
            job = json.readTree(send("GET", location, null).body());
            if (job.path("status").asString().equals(status)) {
                return job;
            }
            assertThat(job.path("status").asString()).as(job.toString()).isNotIn("FAILED", status.equals("CANCELLED") ? "" : "CANCELLED");
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job never " + status + ": " + job);
    }

    private static JsonNode find(JsonNode predictions, String tsCode) {
        for (JsonNode p : predictions) {
            if (p.path("tsCode").asString().equals(tsCode)) {
                return p;
            }
        }
        throw new AssertionError(tsCode + " not predicted: " + predictions);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("alphaquant-models");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
