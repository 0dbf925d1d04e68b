package dev.odoobridge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksIT {
    private FakeOdoo fake;
    private HookReceiver receiver;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        fake = FakeOdoo.builder().build().start();
        receiver = new HookReceiver();
    }

    @AfterEach
    void stop() {
        fake.close();
        receiver.close();
    }

    private HttpResponse<String> json2(String model, String method, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(fake.url() + "/json/2/" + model + "/" + method))
                .header("Authorization", "bearer " + fake.apiKey("admin")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createWriteAndUnlinkArePostedLikeBaseAutomation() throws Exception {
        long categ = fake.orm().insert("product.category", Map.of("name", "All"));
        int rule = fake.webhooks().addNamed("wh product.product on_create_or_write", "product.product",
                WebhookTrigger.CREATE_OR_WRITE, receiver.url("/hook/TOKEN123"), "name", "categ_id", "list_price", "write_date");
        int unlinkRule = fake.webhooks().add("product.product", WebhookTrigger.UNLINK, receiver.url("/hook/TOKEN123"), "name");

        String created = json2("product.product", "create",
                "{\"vals_list\": [{\"name\": \"Webhook Probe\", \"list_price\": 9.5, \"categ_id\": " + categ + "}]}").body();
        long id = Long.parseLong(created.replaceAll("[\\[\\]]", ""));
        HookReceiver.Post post = receiver.take(1).get(0);
        assertThat(post.path()).isEqualTo("/hook/TOKEN123");
        assertThat(post.body()).matches("\\{\"_action\": \"wh product.product on_create_or_write\\(#" + rule + "\\)\", "
                + "\"_id\": " + id + ", \"_model\": \"product.product\", \"categ_id\": " + categ + ", \"id\": " + id
                + ", \"list_price\": 9.5, \"name\": \"Webhook Probe\", "
                + "\"write_date\": \"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}\"}");
        assertThat(post.headers().get("Content-type")).containsExactly("application/json");
        assertThat(post.headers().keySet()).noneMatch(h -> h.toLowerCase().contains("signature"));

        json2("product.product", "write", "{\"ids\": [" + id + "], \"vals\": {\"list_price\": 11.0}}");
        assertThat(receiver.take(1).get(0).body()).contains("\"list_price\": 11.0");

        json2("product.product", "unlink", "{\"ids\": [" + id + "]}");
        assertThat(receiver.take(1).get(0).body()).isEqualTo("{\"_action\": \"product.product on_unlink(#" + unlinkRule
                + ")\", \"_id\": " + id + ", \"_model\": \"product.product\", \"id\": " + id
                + ", \"name\": \"Webhook Probe\"}");
    }

    @Test
    void duplicatesRepeatIdenticalPosts() throws Exception {
        fake.webhooks().duplicates(3).add("res.partner", WebhookTrigger.CREATE, receiver.url("/h"), "name");
        json2("res.partner", "create", "{\"vals_list\": [{\"name\": \"Dup\"}]}");
        List<HookReceiver.Post> posts = receiver.take(3);
        assertThat(posts).extracting(HookReceiver.Post::body).containsOnly(posts.get(0).body());
        assertThat(fake.webhooks().awaitIdle(HookReceiver.wait10s())).isTrue();
        assertThat(receiver.drain()).isEmpty();
    }

    @Test
    void rolledBackChangesStillReachTheReceiver() throws Exception {
        fake.webhooks().add("res.partner", WebhookTrigger.CREATE_OR_WRITE, receiver.url("/h"), "name");
        fake.webhooks().simulateRolledBack("res.partner", "create", 987654, Map.of("name", "Never committed"));
        assertThat(receiver.take(1).get(0).body()).contains("\"_id\": 987654").contains("\"name\": \"Never committed\"");
        HttpResponse<String> read = json2("res.partner", "read", "{\"ids\": [987654], \"fields\": [\"name\"]}");
        assertThat(read.body()).isEqualTo("[]");
    }

    @Test
    void deliveryBeforeCommitPostsChangesOfAFailedCall() throws Exception {
        long parent = fake.orm().insert("res.partner", Map.of("name", "Parent"));
        fake.webhooks().deliverBeforeCommit(true)
                .add("res.partner", WebhookTrigger.WRITE, receiver.url("/h"), "name", "parent_id");
        HttpResponse<String> r = json2("res.partner", "write",
                "{\"ids\": [" + parent + "], \"vals\": {\"name\": \"Renamed\", \"parent_id\": " + parent + "}}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(receiver.take(1).get(0).body()).contains("\"name\": \"Renamed\"");
        assertThat(json2("res.partner", "read", "{\"ids\": [" + parent + "], \"fields\": [\"name\"]}").body())
                .contains("\"name\": \"Parent\"");
    }

    @Test
    void unreachableReceiversDoNotDisturbTheCall() throws Exception {
        fake.webhooks().add("res.partner", WebhookTrigger.CREATE, "http://127.0.0.1:9/nothing-listens", "name");
        HttpResponse<String> r = json2("res.partner", "create", "{\"vals_list\": [{\"name\": \"X\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(fake.webhooks().awaitIdle(HookReceiver.wait10s())).isTrue();
        assertThat(fake.webhooks().posted()).isEqualTo(1);
    }
}
