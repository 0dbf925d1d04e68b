package dev.odoobridge.sync.webhook.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PayloadParserTest {
    final PayloadParser parser = new PayloadParser(Set.of("product.product", "stock.quant"));

    ParsedPost parse(String body) throws Rejection {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    int status(String body) {
        return catchThrowableOfType(Rejection.class, () -> parse(body)).status();
    }

    @Test
    void parsesTheRealOdooPost() throws Rejection {
        ParsedPost p = parse("{\"_action\": \"wh product.product on_create_or_write(#478)\", \"_id\": 5060,"
                + " \"_model\": \"product.product\", \"active\": true, \"categ_id\": false, \"id\": 5060,"
                + " \"list_price\": 9.5, \"name\": \"Webhook Probe\", \"write_date\": \"2026-11-21 19:35:13.700079\"}");
        assertThat(p.model()).isEqualTo("product.product");
        assertThat(p.recordId()).isEqualTo(5060);
        assertThat(p.action()).isEqualTo("create_or_write");
        assertThat(p.payloadJson()).contains("\"write_date\":\"2026-11-21 19:35:13.700079\"");
    }

    @Test
    void derivesUnlinkAndArchive() throws Rejection {
        assertThat(parse("{\"_action\": \"wh product.product on_unlink(#479)\", \"_id\": 1, \"_model\": \"product.product\"}")
                .action()).isEqualTo("unlink");
        assertThat(parse("{\"_id\": 1, \"_model\": \"product.product\", \"active\": false}").action()).isEqualTo("archive");
    }

    @Test
    void keepsNonAsciiTextStorable() throws Rejection {
        assertThat(parse("{\"_id\": 1, \"_model\": \"product.product\", \"name\": \"Café ☕ 🍩\"}").payloadJson())
                .doesNotContain("Café").contains("\\u00E9");
    }

    @Test
    void refusesMalformedBodiesWith400AndUnknownModelsWith422() {
        assertThat(status("{")).isEqualTo(400);
        assertThat(status("null")).isEqualTo(400);
        assertThat(status("{\"_model\": \"\", \"_id\": 1}")).isEqualTo(400);
        assertThat(status("{\"_model\": \"product.product\", \"_id\": true}")).isEqualTo(400);
        assertThat(status("{\"_model\": \"product.product\", \"_id\": 0}")).isEqualTo(400);
        assertThat(status("{\"_model\": \"product.product\", \"_id\": 1, \"x\\u0000\": 1}")).isEqualTo(400);
        assertThat(status("{\"_model\": \"product.product\", \"_id\": 1, \"x\": \"\\udc00\"}")).isEqualTo(400);
        assertThat(status("[" .repeat(5000))).isEqualTo(400);
        assertThat(status("{\"_model\": \"sale.order\", \"_id\": 1}")).isEqualTo(422);
    }
}
