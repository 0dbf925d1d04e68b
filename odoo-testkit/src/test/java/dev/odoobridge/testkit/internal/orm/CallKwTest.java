package dev.odoobridge.testkit.internal.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code call_kw}'s binding and the methods each version has, as the conformance recordings show them. */
class CallKwTest {
    private static FakeOrm orm(String version) {
        return new FakeOrm(Clock.systemUTC(), OdooRelease.of(version));
    }

    private static Object rpc(FakeOrm orm, String model, String method, List<Object> args, Map<String, Object> kwargs) {
        return orm.execute(new OrmRequest(model, method, null, args, kwargs, 2));
    }

    private static void refused(Runnable call, FaultKind kind, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(OrmFault.class, f -> {
            assertThat(f.kind()).isEqualTo(kind);
            assertThat(f.getMessage()).isEqualTo(message);
        });
    }

    @ParameterizedTest
    @CsvSource({"17.0, tuple index out of range", "18.0, tuple index out of range", "19.0, list index out of range"})
    void createWithANamedValsListIsRefusedOverRpcAndCreatesNothing(String version, String message) {
        FakeOrm orm = orm(version);
        int before = orm.count("res.partner");
        refused(() -> rpc(orm, "res.partner", "create", List.of(), Map.of("vals_list", List.of(Map.of("name", "A")))),
                FaultKind.INDEX_ERROR, message);
        assertThat(orm.count("res.partner")).isEqualTo(before);
        assertThat(rpc(orm, "res.partner", "create", List.of(Map.of("name", "A")), Map.of())).isInstanceOf(Integer.class);
        assertThat(rpc(orm, "res.partner", "create", List.of(List.of(Map.of("name", "B"))), Map.of()))
                .isInstanceOf(List.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void nameSearchTakesArgsBefore19AndDomainFrom19(String version) {
        FakeOrm orm = orm(version);
        rpc(orm, "res.partner", "create", List.of(Map.of("name", "Azure Interior", "is_company", true)), Map.of());
        String accepted = version.equals("19.0") ? "domain" : "args";
        String refused = version.equals("19.0") ? "args" : "domain";
        List<Object> domain = List.of(List.of("is_company", "=", true));
        assertThat((List<?>) rpc(orm, "res.partner", "name_search", List.of(), Map.of("name", "Az", accepted, domain)))
                .hasSize(1);
        refused(() -> rpc(orm, "res.partner", "name_search", List.of(), Map.of("name", "Az", refused, domain)),
                FaultKind.TYPE_ERROR, "BaseModel.name_search() got an unexpected keyword argument '" + refused + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void methodsComeAndGoWithTheVersion(String version) {
        FakeOrm orm = orm(version);
        int major = OdooRelease.of(version).major();
        int id = (Integer) rpc(orm, "res.partner", "create", List.of(Map.of("name", "A", "is_company", true)), Map.of());
        List<Object> search = List.of(List.of(List.of("is_company", "=", true)), List.of("name"));
        if (major < 19) {
            assertThat(rpc(orm, "res.partner", "search_fetch", search, Map.of())).isEqualTo(List.of(id));
            refused(() -> rpc(orm, "sale.order", "formatted_read_group", List.of(List.of()), Map.of()),
                    FaultKind.UNKNOWN_METHOD, major == 17
                            ? "The method 'formatted_read_group' does not exist on the model 'sale.order'"
                            : "The method 'sale.order.formatted_read_group' does not exist");
        } else {
            refused(() -> rpc(orm, "res.partner", "search_fetch", search, Map.of()), FaultKind.PRIVATE_METHOD,
                    "Private methods (such as 'res.partner.search_fetch') cannot be called remotely.");
            assertThat(rpc(orm, "sale.order", "formatted_read_group", List.of(List.of()), Map.of())).isInstanceOf(List.class);
        }
        if (major == 17) {
            assertThat(rpc(orm, "res.partner", "name_get", List.of(List.of(id)), Map.of())).isEqualTo(List.of(List.of(id, "A")));
            refused(() -> rpc(orm, "res.partner", "has_access", List.of(List.of(), "write"), Map.of()),
                    FaultKind.UNKNOWN_METHOD, "The method 'has_access' does not exist on the model 'res.partner'");
            refused(() -> rpc(orm, "res.partner", "_read_group", List.of(), Map.of()), FaultKind.PRIVATE_METHOD,
                    "Private methods (such as _read_group) cannot be called remotely.");
        } else {
            refused(() -> rpc(orm, "res.partner", "name_get", List.of(List.of(id)), Map.of()), FaultKind.UNKNOWN_METHOD,
                    "The method 'res.partner.name_get' does not exist");
            assertThat(rpc(orm, "res.partner", "has_access", List.of(List.of(), "write"), Map.of())).isEqualTo(true);
        }
    }

    @ParameterizedTest
    @CsvSource({"17.0, Partner, default_fields", "18.0, Partner, default_fields", "19.0, ResPartner, fields"})
    void partnerDefaultGetIsOverriddenWithItsOwnParameterName(String version, String owner, String parameter) {
        FakeOrm orm = orm(version);
        assertThat(rpc(orm, "res.partner", "default_get", List.of(List.of("active")), Map.of()))
                .isEqualTo(Map.of("active", true));
        refused(() -> rpc(orm, "res.partner", "default_get", List.of(), Map.of("fields_list", List.of("active"))),
                FaultKind.TYPE_ERROR, owner + ".default_get() got an unexpected keyword argument 'fields_list'");
        assertThat(rpc(orm, "res.partner", "default_get", List.of(), Map.of(parameter, List.of("active"))))
                .isEqualTo(Map.of("active", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"17.0", "18.0", "19.0"})
    void archivingAnswersNoneAfterTheChange(String version) {
        FakeOrm orm = orm(version);
        int id = (Integer) rpc(orm, "res.partner", "create", List.of(Map.of("name", "A")), Map.of());
        assertThat(rpc(orm, "res.partner", "action_archive", List.of(List.of(id)), Map.of())).isNull();
        assertThat(orm.ids("res.partner", List.of(List.of("id", "=", id), List.of("active", "=", false))))
                .containsExactly((long) id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "17.0;Invalid leaf ('name', 'no_such_op', 'x');Domain ['|', ['name', '=', 'x']] is syntactically not correct.",
            "19.0;Invalid operator in condition ('name', 'no_such_op', 'x');Domain() malformed domain ['|', ['name', '=', 'x']]"})
    void domainErrorsAreWordedPerVersion(String version, String operator, String malformed) {
        FakeOrm orm = orm(version);
        refused(() -> rpc(orm, "res.partner", "search", List.of(List.of(List.of("name", "no_such_op", "x"))), Map.of()),
                FaultKind.VALUE_ERROR, operator);
        refused(() -> rpc(orm, "res.partner", "search", List.of(List.of("|", List.of("name", "=", "x"))), Map.of()),
                FaultKind.VALUE_ERROR, malformed);
    }
}
