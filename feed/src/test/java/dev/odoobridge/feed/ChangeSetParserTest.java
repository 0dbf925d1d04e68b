package dev.odoobridge.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad pushes are refused whole, naming table, record and column, before anything is written. */
class ChangeSetParserTest {
    private final ReadModelDocs rm = new ReadModelDocs();
    private final Feed feed = Feeds.create(rm.config().maxPushBytes(2048).build());

    @AfterEach
    void close() {
        feed.close();
        rm.close();
    }

    private ChangeSet parse(String json) {
        return feed.parseChanges(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static void refused(ThrowingCallable call, FeedException.Reason reason, String table, String record,
                                String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FeedException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.table()).isEqualTo(table);
            assertThat(e.recordId()).isEqualTo(record);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    @Test
    void watermelonDbsDocumentedPushShapeIsAccepted() {
        // the shape of the docs' example: every table with created / updated / deleted, raw records with _status
        // and _changed, every column present (null when unset), empty read-only tables included
        ChangeSet cs = parse("{'partners': {'created': [{'id': 'aaaa', '_status': 'created', '_changed': '', 'name': 'Foo',"
                + " 'email': null, 'phone': null, 'street': null, 'city': null, 'is_company': true, 'created_at': 1,"
                + " 'updated_at': 2}], 'updated': [{'id': 'ccc', '_status': 'updated', '_changed': 'name,city',"
                + " 'name': 'Baz', 'city': 'Paris'}], 'deleted': ['ddd']},"
                + " 'products': {'created': [], 'updated': [], 'deleted': []}}");
        ChangeSet.Table partners = cs.tables().get("partners");
        assertThat(partners.created()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("aaaa");
            assertThat(r.values()).containsEntry("name", "Foo").containsEntry("is_company", true);
        });
        assertThat(partners.updated().get(0).changed()).containsExactlyInAnyOrder("name", "city");
        assertThat(partners.deleted()).containsExactly("ddd");
    }

    @Test
    void malformedAndMistypedChangeSetsAreRefusedNamingTheRecordAndField() {
        refused(() -> parse("{'partners': "), FeedException.Reason.BAD_REQUEST, null, null, null);
        refused(() -> parse("[]"), FeedException.Reason.BAD_REQUEST, null, null, null);
        refused(() -> parse("{'nope': {'created': []}}"), FeedException.Reason.BAD_REQUEST, "nope", null, null);
        refused(() -> parse("{'partners': {'created': [{'id': 'a', 'colour': 'red'}]}}"),
                FeedException.Reason.BAD_REQUEST, "partners", "a", "colour");
        refused(() -> parse("{'partners': {'created': [{'id': 'a', 'name': 12}]}}"),
                FeedException.Reason.BAD_REQUEST, "partners", "a", "name");
        refused(() -> parse("{'partners': {'created': [{'id': 'a', 'is_company': 'yes'}]}}"),
                FeedException.Reason.BAD_REQUEST, "partners", "a", "is_company");
        refused(() -> parse("{'sale_order_lines': {'created': [{'id': 'l', 'price_unit': '3'}]}}"),
                FeedException.Reason.BAD_REQUEST, "sale_order_lines", "l", "price_unit");
        refused(() -> parse("{'partners': {'created': [{'id': 7, 'name': 'x'}]}}"),
                FeedException.Reason.BAD_REQUEST, "partners", "7", "id");
        refused(() -> parse("{'partners': {'created': [{'id': 'a'}], 'updated': [{'id': 'a'}]}}"),
                FeedException.Reason.BAD_REQUEST, "partners", "a", "id");
        refused(() -> parse("{'partners': {'updated': [{'id': 'a', '_changed': 'name,colour'}]}}"),
                FeedException.Reason.BAD_REQUEST, "partners", "a", "colour");
        refused(() -> parse("{'partners': {'created': {}}}"), FeedException.Reason.BAD_REQUEST, "partners", null, "created");
        refused(() -> parse("{'partners': {'removed': []}}"), FeedException.Reason.BAD_REQUEST, "partners", null, "removed");
        refused(() -> parse("{'partners': {'deleted': [3]}}"), FeedException.Reason.BAD_REQUEST, "partners", "3", "id");
        refused(() -> parse("{'partners': {'created': [{'id': 'a', 'updated_at': 'yesterday'}]}}"),
                FeedException.Reason.BAD_REQUEST, "partners", "a", "updated_at");
    }

    @Test
    void readOnlyTablesAndOversizedBodiesAreRefused() {
        refused(() -> parse("{'products': {'created': [], 'updated': [{'id': '1', 'name': 'x'}], 'deleted': []}}"),
                FeedException.Reason.READ_ONLY, "products", null, null);
        String big = "{'partners': {'created': [{'id': 'a', 'name': '" + "x".repeat(3000) + "'}]}}";
        refused(() -> parse(big), FeedException.Reason.TOO_LARGE, null, null, null);
    }
}
