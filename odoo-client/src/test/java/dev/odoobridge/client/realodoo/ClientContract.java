package dev.odoobridge.client.realodoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.odoobridge.client.ModelHandle;
import dev.odoobridge.client.OdooClient;
import dev.odoobridge.client.OdooClients;
import dev.odoobridge.client.OdooRecord;
import dev.odoobridge.client.SearchOptions;
import dev.odoobridge.client.ServerVersion;
import dev.odoobridge.client.Transport;
import dev.odoobridge.client.domain.Domain;
import dev.odoobridge.client.domain.Domains;
import dev.odoobridge.client.error.InvalidQueryException;
import dev.odoobridge.client.error.MissingRecordException;
import dev.odoobridge.client.error.UnknownMethodException;
import dev.odoobridge.client.error.UnknownModelException;
import dev.odoobridge.client.error.UserErrorException;
import dev.odoobridge.client.error.ValidationException;
import dev.odoobridge.client.meta.FieldDefinition;
import dev.odoobridge.client.meta.ModelDefinition;
import dev.odoobridge.client.value.Ref;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every {@link ModelHandle} method and the well-known faults against a real Odoo server over one
 * transport (one subclass per transport). Works only on res.partner records it creates, all named
 * {@code odoo-bridge real-odoo test <uuid> ...}, and deletes them (archived ones included) after
 * the class, so the server's data ends as it was.
 */
@Tag("real-odoo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientContract {
    private static final List<String> PARTNER_FIELDS = List.of("name", "email", "is_company", "parent_id", "active");

    private final String prefix = RealOdoo.uniqueName();
    private OdooClient client;
    private ModelHandle partners;
    private ServerVersion version;
    private String skipReason;

    /** The transport under test. */
    abstract Transport transport();

    @BeforeAll
    void connect() {
        Optional<RealOdoo> odoo = RealOdoo.fromSystemProperties();
        skipReason = odoo.isEmpty() ? RealOdoo.NOT_GIVEN : whyNotSpoken(odoo.get()).orElse(null);
        if (skipReason == null) {
            client = OdooClients.create(odoo.get().config(transport()));
            version = client.version();
            partners = client.model("res.partner");
        }
    }

    /** Why the server cannot be tested over this transport, or empty when it can. */
    Optional<String> whyNotSpoken(RealOdoo odoo) {
        return Optional.empty();
    }

    @BeforeEach
    void skipWithoutServer() {
        Assumptions.assumeTrue(skipReason == null, skipReason);
    }

    @AfterAll
    void deleteWhatWasCreated() {
        if (client == null) {
            return;
        }
        try {
            List<Long> leftovers = partners.search(mine(), SearchOptions.DEFAULT.includeArchived());
            if (!leftovers.isEmpty()) {
                partners.unlink(leftovers);
            }
            assertThat(partners.searchCount(mine(), SearchOptions.DEFAULT.includeArchived()))
                    .as("partners named '%s...' left on the server", prefix).isZero();
        } finally {
            client.close();
        }
    }

    private Domain mine() {
        return Domains.ilike("name", prefix);
    }

    /** The records one test created: their names start with {@code <prefix> <start>}. */
    private Domain named(String start) {
        return Domains.ilike("name", prefix + " " + start);
    }

    /**
     * The record count of a {@code read_group} row: {@code <field>_count} when Odoo grouped lazily
     * (one level), {@code __count} otherwise.
     */
    private static long groupCount(OdooRecord row, String field) {
        Long count = row.has(field + "_count") ? row.getLong(field + "_count") : row.getLong("__count");
        assertThat(count).as("count in read_group row %s", row).isNotNull();
        return count;
    }

    private Map<String, Object> partner(String suffix, boolean company) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", prefix + " " + suffix);
        values.put("email", "odoo-bridge-test-" + suffix.toLowerCase(java.util.Locale.ROOT) + "@example.com");
        values.put("is_company", company);
        return values;
    }

    @Test
    void versionAndAuthentication() {
        assertThat(version.major()).isGreaterThanOrEqualTo(17);
        assertThat(version.serverVersion()).isNotBlank();
        assertThat(client.authenticate()).isPositive();
    }

    @Test
    void createOneAndManyThenSearchCountReadAndSearchRead() {
        long one = partners.create(partner("crud-one", true));
        List<Long> many = partners.create(List.of(partner("crud-two", false), partner("crud-three", false)));
        assertThat(one).isPositive();
        assertThat(many).hasSize(2).doesNotContainNull().doesNotContain(one);
        List<Long> all = Stream.concat(Stream.of(one), many.stream()).sorted().toList();
        Domain crud = named("crud-");

        assertThat(partners.search(crud, SearchOptions.DEFAULT.order("id asc"))).containsExactlyElementsOf(all);
        assertThat(partners.search(crud, SearchOptions.DEFAULT.order("id asc").limit(2).offset(1)))
                .containsExactlyElementsOf(all.subList(1, 3));
        assertThat(partners.searchCount(crud)).isEqualTo(3);

        List<OdooRecord> read = partners.read(all, PARTNER_FIELDS);
        assertThat(read).extracting(OdooRecord::id).containsExactlyInAnyOrderElementsOf(all);
        OdooRecord first = read.stream().filter(r -> r.id() == one).findFirst().orElseThrow();
        assertThat(first.getString("name")).isEqualTo(prefix + " crud-one");
        assertThat(first.getString("email")).isEqualTo("odoo-bridge-test-crud-one@example.com");
        assertThat(first.getBoolean("is_company")).isTrue();
        assertThat(first.getRef("parent_id")).isNull();
        assertThat(first.getBoolean("active")).isTrue();

        List<OdooRecord> page = partners.searchRead(crud, List.of("name", "is_company"),
                SearchOptions.DEFAULT.order("id desc").limit(2));
        assertThat(page).extracting(OdooRecord::id).containsExactly(all.get(2), all.get(1));
        assertThat(page).allSatisfy(r -> assertThat(r.getString("name")).startsWith(prefix + " crud-"));
    }

    @Test
    void streamPagesThroughEveryRecordInIdOrder() {
        List<Map<String, Object>> values = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            values.add(partner("stream" + i, false));
        }
        List<Long> ids = partners.create(values);
        Domain streamed = named("stream");
        List<OdooRecord> all;
        try (Stream<OdooRecord> s = partners.stream(streamed, List.of("name"), 2)) {
            all = s.toList();
        }
        assertThat(all).extracting(OdooRecord::id).containsExactlyElementsOf(ids.stream().sorted().toList());
        assertThat(all).allSatisfy(r -> assertThat(r.getString("name")).startsWith(prefix + " stream"));
    }

    @Test
    void fieldsGetDescribesThePartnerModel() {
        ModelDefinition definition = partners.fieldsGet();
        assertThat(definition.model()).isEqualTo("res.partner");
        FieldDefinition name = definition.field("name").orElseThrow();
        assertThat(name.type()).isEqualTo("char");
        FieldDefinition parent = definition.field("parent_id").orElseThrow();
        assertThat(parent.type()).isEqualTo("many2one");
        assertThat(parent.relation()).isEqualTo("res.partner");
        assertThat(definition.field("is_company").orElseThrow().type()).isEqualTo("boolean");
        assertThat(definition.field("child_ids").orElseThrow().type()).isEqualTo("one2many");
    }

    @Test
    void writeChangesTheRecordAndUnlinkRemovesIt() {
        long id = partners.create(partner("write", false));
        assertThat(partners.write(List.of(id), Map.of("name", prefix + " written", "is_company", true))).isTrue();
        OdooRecord after = partners.read(List.of(id), PARTNER_FIELDS).get(0);
        assertThat(after.getString("name")).isEqualTo(prefix + " written");
        assertThat(after.getBoolean("is_company")).isTrue();

        assertThat(partners.unlink(List.of(id))).isTrue();
        assertThat(partners.read(List.of(id), PARTNER_FIELDS)).isEmpty();
        assertThat(partners.searchCount(Domains.eq("id", id), SearchOptions.DEFAULT.includeArchived())).isZero();
    }

    @Test
    void readGroupCountsPerGroup() {
        partners.create(List.of(partner("group-a", true), partner("group-b", false), partner("group-c", false)));
        Domain grouped = named("group-");
        List<OdooRecord> rows = partners.readGroup(grouped, List.of("is_company"), List.of("is_company"),
                SearchOptions.DEFAULT);
        Map<Boolean, Long> counts = rows.stream().collect(Collectors.toMap(r -> r.getBoolean("is_company"),
                r -> groupCount(r, "is_company")));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(true, 1L, false, 2L));
        assertThat(rows).allSatisfy(r -> assertThat(r.has("__domain")).isTrue());
    }

    @Test
    void formattedReadGroupOnNineteenAndUnknownMethodBefore() {
        partners.create(List.of(partner("fgroup-a", true), partner("fgroup-b", false), partner("fgroup-c", false)));
        Domain grouped = named("fgroup-");
        if (version.major() >= 19) {
            List<OdooRecord> rows = partners.formattedReadGroup(grouped, List.of("is_company"), List.of("__count"),
                    SearchOptions.DEFAULT);
            Map<Boolean, Long> counts = rows.stream().collect(Collectors.toMap(r -> r.getBoolean("is_company"),
                    r -> r.getLong("__count")));
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(true, 1L, false, 2L));
        } else {
            assertThatThrownBy(() -> partners.formattedReadGroup(grouped, List.of("is_company"), List.of("__count"),
                    SearchOptions.DEFAULT))
                    .as("Odoo %s has no formatted_read_group", version.serverVersion())
                    .isInstanceOf(UnknownMethodException.class)
                    .hasMessageContaining("formatted_read_group");
        }
    }

    @Test
    void nameSearchFindsTheCreatedRecordsByName() {
        List<Long> ids = partners.create(List.of(partner("named-x", false), partner("named-y", false)));
        List<Ref> found = partners.nameSearch(prefix + " named-", Domains.all(), "ilike", 10);
        assertThat(found).extracting(Ref::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(found).allSatisfy(r -> assertThat(r.name()).contains(prefix + " named-"));

        List<Ref> narrowed = partners.nameSearch(prefix + " named-", Domains.eq("id", ids.get(1)), "ilike", 10);
        assertThat(narrowed).extracting(Ref::id).containsExactly(ids.get(1));
    }

    @Test
    void callOfMethodsReturningNothingArchivesAndUnarchives() {
        long id = partners.create(partner("archive", false));
        Domain one = Domains.eq("id", id);

        partners.call("action_archive", List.of(id), Map.of());
        assertThat(partners.read(List.of(id), List.of("active")).get(0).getBoolean("active")).isFalse();
        assertThat(partners.searchCount(one)).isZero();
        assertThat(partners.searchCount(one, SearchOptions.DEFAULT.includeArchived())).isOne();

        partners.call("action_unarchive", List.of(id), Map.of());
        assertThat(partners.read(List.of(id), List.of("active")).get(0).getBoolean("active")).isTrue();
        assertThat(partners.searchCount(one)).isOne();
    }

    @Test
    void recursiveParentIsAValidationError() {
        long parent = partners.create(partner("parent", true));
        long child = partners.create(Map.of("name", prefix + " child", "parent_id", parent));
        assertThat(partners.read(List.of(child), List.of("parent_id")).get(0).getRef("parent_id").id()).isEqualTo(parent);

        // XML-RPC carries ValidationError and UserError alike as fault code 2 with only the message
        Class<? extends UserErrorException> expected = transport() == Transport.XMLRPC
                ? UserErrorException.class : ValidationException.class;
        assertThatThrownBy(() -> partners.write(List.of(parent), Map.of("parent_id", child)))
                .isInstanceOf(expected)
                .isNotInstanceOf(MissingRecordException.class);
        assertThat(partners.read(List.of(parent), List.of("parent_id")).get(0).getRef("parent_id")).isNull();
    }

    @Test
    void writeOfADeletedRecordIsAMissingRecord() {
        long id = partners.create(partner("missing", false));
        partners.unlink(List.of(id));
        assertThatThrownBy(() -> partners.write(List.of(id), Map.of("name", prefix + " resurrected")))
                .isInstanceOf(MissingRecordException.class);
        assertThatThrownBy(() -> partners.unlink(List.of(id))).isInstanceOf(MissingRecordException.class);
    }

    @Test
    void unknownModelUnknownMethodAndUnknownDomainField() {
        assertThatThrownBy(() -> client.model("odoo_bridge.no_such_model").search(Domains.all()))
                .isInstanceOf(UnknownModelException.class);
        assertThatThrownBy(() -> partners.call("odoo_bridge_no_such_method", Map.of()))
                .isInstanceOf(UnknownMethodException.class)
                .hasMessageContaining("odoo_bridge_no_such_method");
        assertThatThrownBy(() -> partners.search(Domains.eq("odoo_bridge_no_such_field", 1)))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("odoo_bridge_no_such_field");
        assertThatThrownBy(() -> partners.searchRead(mine(), List.of("odoo_bridge_no_such_field")))
                .isInstanceOf(InvalidQueryException.class);
    }
}
