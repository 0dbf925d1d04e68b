package dev.odoobridge.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.odoobridge.readmodel.EmbeddedStore;
import dev.odoobridge.readmodel.GuardStrategy;
import dev.odoobridge.readmodel.Projection;
import dev.odoobridge.readmodel.ReadModel;
import dev.odoobridge.readmodel.ReadModelConfig;
import dev.odoobridge.readmodel.ReadModels;
import dev.odoobridge.sync.state.SharedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health/ready} turns 503 naming MongoDB when the read model's server goes away, and back. */
class ServeReadinessIT {
    @TempDir
    Path dir;

    @Test
    void readyFailsNamingMongoDbWhenItStops() throws Exception {
        Projection partners = new Projection("res.partner", "res_partner", List.of("name"));
        EmbeddedStore store = ReadModels.serve(dir.resolve("mongo"));
        try (ReadModel readModel = ReadModels.open(ReadModelConfig.builder()
                .connectionString(store.connectionString() + "/?serverSelectionTimeoutMS=500&connectTimeoutMS=500")
                .guardStrategy(GuardStrategy.READ_THEN_WRITE).projection(partners).build());
             Serve serve = Serve.builder(SharedPostgres.database()).readModel(readModel)
                     .probeTimeout(Duration.ofSeconds(2)).schedule(Schedule.none()).build().start()) {
            HttpResponse<String> ready = Http.get(serve.port(), "/health/ready");
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

            store.close();
            HttpResponse<String> down = Http.get(serve.port(), "/health/ready");
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            JsonNode body = new ObjectMapper().readTree(down.body());
            assertThat(body.get("status").asText()).isEqualTo("not ready");
            assertThat(body.get("failing")).extracting(JsonNode::asText).containsExactly("mongodb");
            assertThat(body.get("checks").get("mongodb").asText()).isNotEqualTo("ok");
            assertThat(body.get("checks").get("postgresql").asText()).isEqualTo("ok");
            assertThat(Http.get(serve.port(), "/health/live").statusCode()).as("live while MongoDB is down").isEqualTo(200);
        } finally {
            store.close();
        }
    }
}
