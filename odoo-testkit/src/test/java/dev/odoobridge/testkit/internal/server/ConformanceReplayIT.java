package dev.odoobridge.testkit.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.odoobridge.testkit.FakeOdoo;
import dev.odoobridge.testkit.internal.orm.FakeOrm;
import dev.odoobridge.testkit.internal.orm.OrmRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every call of {@code odoo-recordings/conformance/<version>/} (17.0, 18.0, 19.0) and of
 * {@code odoo-recordings/project-calls/19.0/} against a FakeOdoo of that version, in recording order, and checks
 * that FakeOdoo answers like the real server: HTTP status, content kind, XML-RPC fault code, JSON-RPC
 * {@code error.code} / {@code data} keys in order / exception name, JSON-2 exception name, the last traceback
 * line (numbers masked: ids differ), and a result of the same shape (keys and value kinds; ids and generated
 * texts may differ).
 *
 * <p>Fixture: the fake serves the recorded database name, the secret placeholders become the fake's password,
 * API key and uid, and record ids are mapped: ids returned by recorded creates (and many2one / x2many ids read
 * back) become the ids the fake returned (per model), ids of records such a create made along through x2many
 * commands become the fake's records at the same offset, other recorded ids of existing records become records of
 * the same model in the fake's generated data. The Odoo demo partners that the recorded name searches find are added to the
 * generated data.
 */
class ConformanceReplayIT {
    private static final Path RECORDINGS = Path.of("..", "odoo-recordings");
    private static final PythonJson JSON = new PythonJson();
    private static final XmlRpcReader XML = new XmlRpcReader();
    private static final int MISSING_ID = 99999999;

    private static final String COUNTRY = "model: res.country is not served (odoo-recordings/fields_get/ has no dump "
            + "of it, and the generated partners have no country)";
    private static final String NO_COUNTRIES = "data: the generated partners have no country_id (res.country is not "
            + "served), so this search on country_id finds none of the records Odoo's demo partners give";
    private static final String MANY2ONE_SQL = "values: Odoo passes a many2one given as [id, name] or as a string to "
            + "PostgreSQL (psycopg2.errors.InvalidTextRepresentation ending in the SQL caret line); the fake takes the "
            + "pair's id and answers a string with a ValueError";
    private static final String RECEIPTS = "business: the receipt workflow (stock.picking action_confirm, "
            + "button_validate, the backorder wizard, stock moves it makes) is not modelled; stock.picking is not "
            + "served although its fields_get is recorded";

    /**
     * The one list of recorded calls whose answers the replay does not compare: {@code version:scenario} (or
     * {@code version:transport:scenario}, {@code *:scenario}, or {@code project-calls:<file name without number>}),
     * with the reason. These calls are still sent (later calls depend on them); the replay prints an entry whose call
     * already matches, and what differs for the others.
     */
    static final Map<String, String> OUT_OF_SCOPE = outOfScope();

    private static Map<String, String> outOfScope() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String scenario : List.of("read-all-fields", "fields_get-full", "fields_get-allfields-named",
                "search-op-any-many2one", "search-op-dotted-path", "search-op-nested-prefix", "search-dotted-two-hops")) {
            m.put("*:" + scenario, COUNTRY);
        }
        for (String scenario : List.of("search-op-and-prefix", "search-op-implicit-and", "search-op-eq-optional-value")) {
            m.put("*:" + scenario, NO_COUNTRIES);
        }
        m.put("*:create-many2one-pair", MANY2ONE_SQL);
        m.put("*:create-many2one-string", MANY2ONE_SQL);
        m.put("*:demo-read-res.users", "model: res.groups is not served (no fields_get dump): users belong to no "
                + "group, so groups_id / group_ids read empty");
        m.put("*:demo-read-res.users-restricted-field", "model: res.users.log is not served (no fields_get dump): "
                + "reading log_ids as the demo user is not refused with Odoo's AccessError");
        m.put("*:demo-read-ir.config_parameter", "model: ir.config_parameter is not served (no fields_get dump): the "
                + "fake answers UserError 'Object ir.config_parameter doesn't exist' where Odoo refuses the demo user "
                + "(AccessError)");
        m.put("*:sale-read-after-confirm", RECEIPTS + ": confirming the order makes no delivery, so picking_ids "
                + "reads empty");
        for (String variant : List.of("full", "partial")) {
            for (String step : List.of("create", "action_confirm", "read-moves", "button_validate", "read-state")) {
                m.put("*:picking-" + variant + "-" + step, RECEIPTS);
            }
        }
        m.put("*:unlink-done-picking", RECEIPTS);
        for (String version : List.of("17.0", "18.0")) {
            m.put(version + ":unlink-product-with-stock-moves", RECEIPTS + ": the product has no stock moves, so the "
                    + "fake names the next key that refuses the delete (stock_quant_product_id_fkey) where Odoo names "
                    + "the receipt's move (stock_move_product_id_fkey)");
        }
        return m;
    }

    @TestFactory
    Stream<DynamicNode> conformance() {
        return Stream.of("17.0", "18.0", "19.0").map(v -> DynamicContainer.dynamicContainer("conformance " + v,
                replay(v, RECORDINGS.resolve("conformance").resolve(v), false)));
    }

    @TestFactory
    Stream<DynamicNode> projectCalls() {
        return Stream.of(DynamicContainer.dynamicContainer("project-calls 19.0",
                replay("19.0", RECORDINGS.resolve("project-calls").resolve("19.0"), true)));
    }

    /** The calls of one folder as dynamic tests that share one FakeOdoo, started lazily and closed after the last. */
    private static Stream<DynamicTest> replay(String version, Path folder, boolean projectCalls) {
        List<String> names = callNames(folder);
        Replay replay = new Replay(version, folder, projectCalls);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            boolean last = i == names.size() - 1;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                try {
                    replay.run(name);
                } finally {
                    if (last) {
                        replay.close();
                    }
                }
            }));
        }
        return tests.stream();
    }

    private static List<String> callNames(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".meta.json"))
                    .map(n -> n.substring(0, n.length() - ".meta.json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One version's replay: the fake, the learned id mapping, the comparison. */
    private static final class Replay implements AutoCloseable {
        private final String version;
        private final Path folder;
        private final boolean projectCalls;
        private FakeOdoo fake;
        private RawHttp http;
        private FakeOrm orm;
        private String database;
        private final Map<Integer, Integer> ids = new HashMap<>();
        /** Per model, the recorded ids its creates returned and the fake's ids for them. */
        private final Map<String, java.util.TreeMap<Integer, Integer>> created = new HashMap<>();
        private final Map<String, Map<Integer, Integer>> existing = new HashMap<>();
        private final Map<String, Map<String, String>> relations = new HashMap<>();

        Replay(String version, Path folder, boolean projectCalls) {
            this.version = version;
            this.folder = folder;
            this.projectCalls = projectCalls;
        }

        @SuppressWarnings("unchecked")
        private void start() throws IOException {
            if (fake != null) {
                return;
            }
            database = projectCalls ? "retail"
                    : (String) ((Map<String, Object>) ((Map<String, Object>) JSON.read(read("INDEX.json"))).get("server"))
                            .get("database");
            fake = FakeOdoo.builder().version(version).database(database).products(60).seed(5).build().start();
            http = new RawHttp(java.net.URI.create(fake.url()));
            orm = (FakeOrm) fake.orm();
            seedDemoPartners();
        }

        /** The Odoo demo partners the recorded name searches find (the generated retail data has other names). */
        private void seedDemoPartners() {
            long azure = orm.insert("res.partner", Map.of("name", "Azure Interior", "is_company", true));
            for (String contact : List.of("Brandon Freeman", "Colleen Diaz", "Nicole Ford")) {
                orm.insert("res.partner", Map.of("name", contact, "parent_id", azure));
            }
            orm.insert("res.partner", Map.of("name", "Deco Addict", "is_company", true));
        }

        @Override
        public void close() {
            if (fake != null) {
                fake.close();
                fake = null;
            }
        }

        private String read(String file) throws IOException {
            return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
        }

        private boolean exists(String file) {
            return Files.exists(folder.resolve(file));
        }

        @SuppressWarnings("unchecked")
        void run(String name) throws Exception {
            start();
            Map<String, Object> meta = (Map<String, Object>) JSON.read(read(name + ".meta.json"));
            String scenario = projectCalls ? name.substring(4) : (String) meta.get("scenario");
            String reason = OUT_OF_SCOPE.get(version + ":" + meta.get("transport") + ":" + scenario);
            if (reason == null) {
                reason = OUT_OF_SCOPE.getOrDefault(version + ":" + scenario, OUT_OF_SCOPE.get("*:" + scenario));
            }
            if (projectCalls) {
                String file = name.substring(4);
                reason = OUT_OF_SCOPE.get("project-calls:" + file.substring(file.indexOf('-') + 1));
                if (reason == null) {
                    reason = OUT_OF_SCOPE.get("project-calls:" + file);
                }
            }
            Call call = call(name, meta);
            RawHttp.Response actual = send(call);
            Expected expected = expected(name, meta);
            learn(call, expected, actual);
            String problem = compare(expected, actual);
            if (reason != null) {
                System.out.println("out of scope: " + version + " " + name + ": " + reason
                        + (problem == null ? " -- ALREADY MATCHES the recording: remove the entry"
                                : " -- differs: " + problem.replace("\n", " | ")));
                Assumptions.abort("out of scope: " + reason);
            }
            assertThat(problem).as(name).isNull();
        }

        // ---- requests

        /** A request to send: transport, path, method, headers, body text, and the parsed call when it has one. */
        private record Call(String transport, String httpMethod, String path, List<String> headers, String contentType,
                            String body, String model, String method, List<Object> args) {
        }

        @SuppressWarnings("unchecked")
        private Call call(String name, Map<String, Object> meta) throws Exception {
            String transport = projectCalls ? name.split("-")[1] : (String) meta.get("transport");
            String httpMethod = (String) meta.getOrDefault("http_method", meta.get("method"));
            String path = (String) meta.get("path");
            String user = projectCalls ? "admin" : (String) meta.get("user");
            String password = "demo".equals(user) ? "demo" : "admin";
            List<String> headers = new ArrayList<>();
            String contentType = null;
            for (Object h : (List<Object>) meta.get("request_headers")) {
                List<String> pair = (List<String>) h;
                switch (pair.get(0)) {
                    case "Content-Type" -> contentType = pair.get(1);
                    case "Authorization" -> {
                        headers.add("Authorization");
                        headers.add(pair.get(1).equals("<redacted>") ? "Bearer " + fake.apiKey("admin")
                                : pair.get(1).replace("<api-key>", fake.apiKey("admin")));
                    }
                    case "X-Odoo-Database", "Accept" -> {
                        headers.add(pair.get(0));
                        headers.add(pair.get(1));
                    }
                    default -> {
                    }
                }
            }
            String body = null;
            for (String ext : List.of(".request.xml", ".request.json")) {
                if (exists(name + ext)) {
                    body = read(name + ext);
                }
            }
            if (body == null) {
                return new Call(transport, httpMethod, path, headers, contentType, null, null, null, null);
            }
            String key = fake.apiKey("admin");
            body = body.replace("&lt;password&gt;", password).replace("\"<password>\"", "\"" + password + "\"")
                    .replace("&lt;api-key&gt;", key).replace("\"<api-key>\"", "\"" + key + "\"");
            if (transport.equals("xmlrpc")) {
                XmlRpcReader.MethodCall parsed;
                try {
                    parsed = XML.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
                } catch (XmlRpcReader.MalformedCallException e) {
                    return new Call(transport, httpMethod, path, headers, contentType, body, null, null, null);
                }
                List<Object> params = new ArrayList<>(parsed.params());
                String model = objectCall(path, parsed.methodName(), params, user);
                return new Call(transport, httpMethod, path, headers, contentType,
                        XmlRequests.methodCall(parsed.methodName(), params), model,
                        model == null ? null : (String) params.get(4), params);
            }
            Object parsed;
            try {
                parsed = JSON.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return new Call(transport, httpMethod, path, headers, contentType, body, null, null, null);
            }
            if (transport.equals("jsonrpc") && parsed instanceof Map<?, ?> envelope
                    && envelope.get("params") instanceof Map<?, ?> params && params.get("args") instanceof List<?> a) {
                List<Object> args = new ArrayList<>(a);
                String model = "object".equals(params.get("service"))
                        ? objectCall("/xmlrpc/2/object", (String) params.get("method"), args, user) : null;
                ((Map<String, Object>) params).put("args", args);
                return new Call(transport, httpMethod, path, headers, contentType, JSON.toString(parsed), model,
                        model == null ? null : (String) args.get(4), args);
            }
            if (transport.equals("json2") && parsed instanceof Map<?, ?> kwargs) {
                String[] target = Json2Endpoint.target(path);
                if (target != null) {
                    Map<String, Object> named = (Map<String, Object>) kwargs;
                    if (named.get("ids") != null) {
                        named.put("ids", recordIds(target[0], named.get("ids")));
                    }
                    mapValues(target[0], named);
                    if (named.get("vals") instanceof Map<?, ?> vals) {
                        mapValues(target[0], (Map<String, Object>) vals);
                    }
                    Object valsList = named.get("vals_list");
                    for (Object vals : valsList instanceof List<?> list ? list : java.util.Collections.singletonList(valsList)) {
                        if (vals instanceof Map<?, ?> map) {
                            mapValues(target[0], (Map<String, Object>) map);
                        }
                    }
                    if (named.get("domain") instanceof List<?> domain) {
                        named.put("domain", mapDomain(domain));
                    }
                    return new Call(transport, httpMethod, path, headers, contentType, JSON.toString(named), target[0],
                            target[1], null);
                }
            }
            return new Call(transport, httpMethod, path, headers, contentType, body, null, null, null);
        }

        /** Maps the uid and record ids of an object-service call in place; returns its model, or null. */
        @SuppressWarnings("unchecked")
        private String objectCall(String path, String method, List<Object> params, String user) {
            if (!path.endsWith("/object") || !List.of("execute_kw", "execute").contains(method) || params.size() < 5
                    || !(params.get(3) instanceof String model)) {
                return null;
            }
            if ("demo".equals(user)) {
                params.set(1, demoUid());
            }
            if (params.size() > 5 && params.get(5) instanceof List<?> a && !a.isEmpty()) {
                List<Object> args = new ArrayList<>(a);
                Object first = args.get(0);
                if (isIdList(first) && !(params.get(4) instanceof String m && (m.equals("create")
                        || m.startsWith("search") || m.equals("name_search") || m.contains("read_group")))) {
                    args.set(0, recordIds(model, first));
                } else if (first instanceof Map<?, ?> vals) {
                    mapValues(model, (Map<String, Object>) vals);
                } else if (first instanceof List<?> list) {
                    list.forEach(v -> {
                        if (v instanceof Map<?, ?> vals) {
                            mapValues(model, (Map<String, Object>) vals);
                        }
                    });
                    args.set(0, mapDomain(list));
                }
                if (args.size() > 1 && args.get(1) instanceof Map<?, ?> vals) {
                    mapValues(model, (Map<String, Object>) vals);
                }
                params.set(5, args);
            }
            if (params.size() > 6 && params.get(6) instanceof Map<?, ?> kw) {
                Map<String, Object> kwargs = new LinkedHashMap<>((Map<String, Object>) kw);
                if (kwargs.get("vals") instanceof Map<?, ?> vals) {
                    mapValues(model, (Map<String, Object>) vals);
                }
                if (kwargs.get("domain") instanceof List<?> domain) {
                    kwargs.put("domain", mapDomain(domain));
                }
                params.set(6, kwargs);
            }
            return model;
        }

        private int demoUid() {
            return orm.ids("res.users", List.of(List.of("login", "=", "demo"))).get(0).intValue();
        }

        private static boolean isIdList(Object v) {
            return v instanceof Integer || v instanceof List<?> l && !l.isEmpty()
                    && l.stream().allMatch(Integer.class::isInstance);
        }

        /** Record ids of {@code model}: learned ids, else existing records of the fake (missing ids stay). */
        private Object recordIds(String model, Object value) {
            if (value instanceof Integer id) {
                return recordId(model, id);
            }
            if (value instanceof List<?> list) {
                List<Object> out = new ArrayList<>();
                list.forEach(v -> out.add(v instanceof Integer id ? recordId(model, id) : v));
                return out;
            }
            return value;
        }

        private int recordId(String model, int id) {
            if (id == MISSING_ID) {
                return id;
            }
            java.util.TreeMap<Integer, Integer> madeHere = created.get(model);
            Integer learned = madeHere != null && madeHere.containsKey(id) ? madeHere.get(id) : ids.get(id);
            if (learned != null) {
                return learned;
            }
            Integer made = madeAlong(model, id);
            if (made != null) {
                ids.put(id, made);
                return made;
            }
            Map<Integer, Integer> chosen = existing.computeIfAbsent(model, m -> new HashMap<>());
            return chosen.computeIfAbsent(id, k -> {
                List<Long> all = orm.models().contains(model) ? orm.ids(model, List.of()) : List.of();
                return all.isEmpty() ? k : all.get(Math.min(chosen.size(), all.size() - 1)).intValue();
            });
        }

        /**
         * The fake's id of a record no recorded answer names but that a recorded create or write of {@code model} made
         * along (contacts of a partner created through {@code child_ids} commands): the ids following the nearest
         * created id, which Odoo and the fake both hand out in the same order. Null when the fake has no such record.
         */
        private Integer madeAlong(String model, int id) {
            java.util.TreeMap<Integer, Integer> made = created.get(model);
            Map.Entry<Integer, Integer> nearest = made == null ? null : made.floorEntry(id);
            if (nearest == null || !orm.models().contains(model)) {
                return null;
            }
            int candidate = nearest.getValue() + (id - nearest.getKey());
            boolean exists = !orm.ids(model, List.of(List.of("id", "=", candidate))).isEmpty();
            return exists && !ids.containsValue(candidate) ? candidate : null;
        }

        /** Many2one and x2many ids in create/write values. */
        @SuppressWarnings("unchecked")
        private void mapValues(String model, Map<String, Object> vals) {
            Map<String, String> rel = relations(model);
            for (Map.Entry<String, Object> e : vals.entrySet()) {
                String comodel = rel.get(e.getKey());
                if (comodel == null) {
                    continue;
                }
                if (e.getValue() instanceof Integer id) {
                    e.setValue(recordId(comodel, id));
                } else if (e.getValue() instanceof List<?> commands) {
                    List<Object> out = new ArrayList<>();
                    for (Object c : commands) {
                        if (c instanceof List<?> cmd && cmd.size() == 3 && cmd.get(0) instanceof Integer op) {
                            List<Object> mapped = new ArrayList<>(cmd);
                            if (op >= 1 && op <= 4 && cmd.get(1) instanceof Integer id) {
                                mapped.set(1, recordId(comodel, id));
                            }
                            if (cmd.get(2) instanceof Map<?, ?> sub) {
                                mapValues(comodel, (Map<String, Object>) sub);
                            } else if (op == 6) {
                                mapped.set(2, recordIds(comodel, cmd.get(2)));
                            }
                            out.add(mapped);
                        } else if (c instanceof Integer id) {
                            out.add(recordId(comodel, id));
                        } else {
                            out.add(c);
                        }
                    }
                    e.setValue(out);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, String> relations(String model) {
            return relations.computeIfAbsent(model, m -> {
                Map<String, String> out = new HashMap<>();
                if (!orm.models().contains(m)) {
                    return out;
                }
                Object described = orm.execute(new OrmRequest(m, "fields_get", null, List.of(),
                        Map.of("attributes", List.of("relation")), 2));
                ((Map<String, Object>) described).forEach((field, attrs) -> {
                    Object relation = ((Map<String, Object>) attrs).get("relation");
                    if (relation instanceof String r && !r.isEmpty()) {
                        out.put(field, r);
                    }
                });
                return out;
            });
        }

        /** Learned ids in domain leaves on {@code id} or a relational field. */
        private List<Object> mapDomain(List<?> domain) {
            List<Object> out = new ArrayList<>();
            for (Object term : domain) {
                if (term instanceof List<?> leaf && leaf.size() == 3 && leaf.get(0) instanceof String f
                        && (f.equals("id") || f.endsWith("_id") || f.endsWith("_ids"))) {
                    Object v = leaf.get(2);
                    Object mapped = v instanceof Integer i ? ids.getOrDefault(i, i) : v;
                    if (v instanceof List<?> l) {
                        List<Object> ml = new ArrayList<>();
                        l.forEach(x -> ml.add(x instanceof Integer i ? ids.getOrDefault(i, i) : x));
                        mapped = ml;
                    }
                    out.add(List.of(f, leaf.get(1), mapped));
                } else {
                    out.add(term);
                }
            }
            return out;
        }

        private RawHttp.Response send(Call call) throws Exception {
            String[] headers = call.headers().toArray(String[]::new);
            if ("GET".equals(call.httpMethod())) {
                return http.get(call.path(), headers);
            }
            return http.post(call.path(), call.contentType(), call.body() == null ? "" : call.body(), headers);
        }

        // ---- learning ids

        private void learn(Call call, Expected expected, RawHttp.Response actual) {
            if (call.model() == null || expected.value() == null) {
                return;
            }
            Object act;
            try {
                act = parse(call.transport(), actual.body());
            } catch (Exception e) {
                return;
            }
            if (act == null) {
                return;
            }
            if (List.of("create", "name_create").contains(call.method())) {
                Map<Integer, Integer> pairs = new HashMap<>();
                pairIds(expected.value(), act, true, pairs);
                pairs.forEach(ids::putIfAbsent);
                created.computeIfAbsent(call.model(), m -> new java.util.TreeMap<>()).putAll(pairs);
            } else if (call.method().equals("read")) {
                pairIds(expected.value(), act, false, ids);
            }
        }

        /** Pairs recorded ints with the fake's at the same positions (the whole value, or id-like keys only). */
        private void pairIds(Object exp, Object act, boolean all, Map<Integer, Integer> into) {
            if (exp instanceof Integer e && act instanceof Integer a && all) {
                into.putIfAbsent(e, a);
            } else if (exp instanceof List<?> e && act instanceof List<?> a) {
                for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                    pairIds(e.get(i), a.get(i), all || i == 0 && e.size() == 2 && e.get(1) instanceof String, into);
                }
            } else if (exp instanceof Map<?, ?> e && act instanceof Map<?, ?> a) {
                for (Object k : e.keySet()) {
                    String key = String.valueOf(k);
                    if (a.containsKey(k) && (key.equals("id") || key.endsWith("_id") || key.endsWith("_ids"))) {
                        pairIds(e.get(k), a.get(k), key.equals("id") || key.endsWith("_ids"), into);
                    }
                }
            }
        }

        // ---- expectations and comparison

        /** The recorded answer: status, content type, body, parsed value (result, or null for faults). */
        private record Expected(int status, String contentType, String body, Object value, String location,
                                String transport) {
        }

        @SuppressWarnings("unchecked")
        private Expected expected(String name, Map<String, Object> meta) throws Exception {
            String transport = projectCalls ? name.split("-")[1] : (String) meta.get("transport");
            int status = ((Number) meta.getOrDefault("http_status", meta.get("status"))).intValue();
            String body = null;
            for (String ext : List.of(".response.xml", ".response.json", ".response.html")) {
                if (exists(name + ext)) {
                    body = read(name + ext);
                }
            }
            String contentType = (String) meta.get("content_type");
            String location = null;
            for (Object h : (List<Object>) meta.get("response_headers")) {
                List<String> pair = (List<String>) h;
                if (pair.get(0).equalsIgnoreCase("Content-Type")) {
                    contentType = pair.get(1);
                } else if (pair.get(0).equalsIgnoreCase("Location")) {
                    location = pair.get(1);
                }
            }
            Object value = null;
            if (body != null && contentType != null && !contentType.startsWith("text/html")) {
                try {
                    value = parse(transport, body);
                } catch (Exception e) {
                    value = null;
                }
            }
            return new Expected(status, contentType, body, value, location, transport);
        }

        /** The result of a successful answer, null for a fault or an unparseable body. */
        private Object parse(String transport, String body) throws Exception {
            if (transport.equals("xmlrpc")) {
                if (body.contains("<fault>")) {
                    return null;
                }
                return parseXml(body);
            }
            Object v = JSON.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            if (transport.equals("jsonrpc")) {
                return v instanceof Map<?, ?> m && m.containsKey("result") ? m.get("result") : null;
            }
            return v instanceof Map<?, ?> m && m.containsKey("debug") ? null : v;
        }

        @SuppressWarnings("unchecked")
        private String compare(Expected exp, RawHttp.Response act) throws Exception {
            if (act.status() != exp.status()) {
                String got = abbreviate(act.body());
                try {
                    if (JSON.read(act.body()) instanceof Map<?, ?> err && err.containsKey("debug")) {
                        got = err.get("name") + ": " + err.get("message");
                    }
                } catch (IOException | RuntimeException notJson) {
                    // keep the body
                }
                return "HTTP " + act.status() + " instead of " + exp.status() + ": " + got;
            }
            String expKind = kind(exp.contentType());
            if (!expKind.equals(kind(act.contentType()))) {
                return "content type " + act.contentType() + " instead of " + exp.contentType();
            }
            if (exp.location() != null) {
                String location = act.raw().headers().firstValue("Location").orElse("");
                String expPath = exp.location().replaceFirst("^https?://[^/]+", "");
                return location.replaceFirst("^https?://[^/]+", "").equals(expPath) ? null
                        : "Location " + location + " instead of " + exp.location();
            }
            if (expKind.equals("html") || exp.body() == null) {
                return null;
            }
            return switch (exp.transport()) {
                case "xmlrpc" -> compareXml(exp.body(), act.body());
                case "jsonrpc" -> compareJsonRpc(exp.body(), act.body());
                default -> compareJson2(exp.body(), act.body());
            };
        }

        private static String kind(String contentType) {
            if (contentType == null) {
                return "none";
            }
            return contentType.startsWith("text/html") ? "html" : contentType.contains("xml") ? "xml" : "json";
        }

        @SuppressWarnings("unchecked")
        private String compareXml(String expected, String actual) throws Exception {
            boolean expFault = expected.contains("<fault>");
            if (expFault != actual.contains("<fault>")) {
                if (expFault) {
                    return "fault expected (" + lastLine((String) ((Map<String, Object>) parseXml(expected))
                            .get("faultString")) + "), got " + abbreviate(actual);
                }
                return "unexpected fault: " + lastLine((String) ((Map<String, Object>) parseXml(actual))
                        .get("faultString"));
            }
            Object exp = parseXml(expected);
            Object act = parseXml(actual);
            if (!expFault) {
                return shape("$", exp, act);
            }
            Map<String, Object> e = (Map<String, Object>) exp;
            Map<String, Object> a = (Map<String, Object>) act;
            String as = (String) a.get("faultString");
            if (!e.get("faultCode").equals(a.get("faultCode"))) {
                return "faultCode " + a.get("faultCode") + " instead of " + e.get("faultCode") + ": " + lastLine(as);
            }
            return sameLine(lastLine((String) e.get("faultString")), lastLine(as));
        }

        @SuppressWarnings("unchecked")
        private String compareJsonRpc(String expected, String actual) throws Exception {
            Map<String, Object> e = (Map<String, Object>) JSON.read(expected);
            Object parsed = JSON.read(actual);
            if (!(parsed instanceof Map<?, ?>)) {
                return "not a JSON-RPC envelope: " + abbreviate(actual);
            }
            Map<String, Object> a = (Map<String, Object>) parsed;
            if (!List.copyOf(e.keySet()).equals(List.copyOf(a.keySet()))) {
                if (a.get("error") instanceof Map<?, ?> err && err.get("data") instanceof Map<?, ?> data) {
                    return "unexpected error: " + data.get("name") + ": " + data.get("message");
                }
                return "envelope keys " + a.keySet() + " instead of " + e.keySet() + ": " + abbreviate(actual);
            }
            if (!e.containsKey("error")) {
                return e.containsKey("result") ? shape("$", e.get("result"), a.get("result")) : null;
            }
            Map<String, Object> ee = (Map<String, Object>) e.get("error");
            Map<String, Object> ae = (Map<String, Object>) a.get("error");
            if (!Objects.equals(ee.get("code"), ae.get("code"))) {
                return "error.code " + ae.get("code") + " instead of " + ee.get("code");
            }
            if (!Objects.equals(ee.get("message"), ae.get("message"))) {
                return "error.message " + ae.get("message") + " instead of " + ee.get("message");
            }
            Map<String, Object> ed = (Map<String, Object>) ee.get("data");
            Map<String, Object> ad = (Map<String, Object>) ae.get("data");
            if (!List.copyOf(ed.keySet()).equals(List.copyOf(ad.keySet()))) {
                return "error.data keys " + ad.keySet() + " instead of " + ed.keySet();
            }
            if (!Objects.equals(ed.get("name"), ad.get("name"))) {
                return "exception " + ad.get("name") + " instead of " + ed.get("name") + ": " + ad.get("message");
            }
            return sameLine(lastLine((String) ed.get("debug")), lastLine((String) ad.get("debug")));
        }

        @SuppressWarnings("unchecked")
        private String compareJson2(String expected, String actual) throws Exception {
            Object e = JSON.read(expected);
            Object a = JSON.read(actual);
            if (e instanceof Map<?, ?> em && em.containsKey("debug")) {
                if (!(a instanceof Map<?, ?> am) || !am.containsKey("debug")) {
                    return "error expected, got " + abbreviate(actual);
                }
                if (!List.copyOf(em.keySet()).equals(List.copyOf(am.keySet()))) {
                    return "error keys " + am.keySet() + " instead of " + em.keySet();
                }
                if (!Objects.equals(em.get("name"), am.get("name"))) {
                    return "exception " + am.get("name") + " instead of " + em.get("name") + ": " + am.get("message");
                }
                return sameLine(lastLine((String) em.get("debug")), lastLine((String) am.get("debug")));
            }
            return shape("$", e, a);
        }

        private static String sameLine(String expected, String actual) {
            return mask(expected).equals(mask(actual)) ? null
                    : "last traceback line\n  got      " + actual + "\n  expected " + expected;
        }

        /** Numbers (record ids, ports, counts of generated data) differ between the real server and the fake. */
        private static String mask(String line) {
            return line.replaceAll("\\d+", "#");
        }
    }

    static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1];
    }

    private static Object parseXml(String xml) throws Exception {
        String call = xml.replace("<methodResponse>", "<methodCall><methodName>r</methodName>")
                .replace("</methodResponse>", "</methodCall>")
                .replace("<fault>", "<params><param>").replace("</fault>", "</param></params>");
        return XML.read(new ByteArrayInputStream(call.getBytes(StandardCharsets.UTF_8))).params().get(0);
    }

    /**
     * Null when {@code act} has the shape of {@code exp}: same keys, same kinds of values ({@code False} for an
     * empty field matches any kind), a non-empty list where the recording has one.
     */
    static String shape(String path, Object exp, Object act) {
        if (Boolean.FALSE.equals(exp) || Boolean.FALSE.equals(act) && !(exp instanceof Boolean)) {
            return null;
        }
        if (exp instanceof Map<?, ?> e) {
            if (!(act instanceof Map<?, ?> a)) {
                return path + ": object expected, got " + abbreviate(String.valueOf(act));
            }
            if (!e.keySet().equals(a.keySet())) {
                List<Object> missing = new ArrayList<>(e.keySet());
                missing.removeAll(a.keySet());
                List<Object> extra = new ArrayList<>(a.keySet());
                extra.removeAll(e.keySet());
                return path + ": keys missing " + missing + ", unexpected " + extra;
            }
            for (Object k : e.keySet()) {
                String p = shape(path + "." + k, e.get(k), a.get(k));
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (exp instanceof List<?> e) {
            if (!(act instanceof List<?> a)) {
                return path + ": list expected, got " + abbreviate(String.valueOf(act));
            }
            if (!e.isEmpty() && a.isEmpty()) {
                return path + ": empty list, the recording has " + e.size() + " items";
            }
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                String p = shape(path + "[" + i + "]", e.get(i), a.get(i));
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        String et = kindOf(exp);
        String at = kindOf(act);
        return et.equals(at) ? null : path + ": " + at + " " + abbreviate(String.valueOf(act)) + " instead of " + et
                + " " + abbreviate(String.valueOf(exp));
    }

    private static String kindOf(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Integer || v instanceof Long) {
            return "int";
        }
        return v.getClass().getSimpleName();
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    /** Serializes an XML-RPC request the way Python's {@code xmlrpc.client.dumps} does (with {@code <nil/>}). */
    static final class XmlRequests {
        private XmlRequests() {
        }

        static String methodCall(String method, List<Object> params) {
            StringBuilder sb = new StringBuilder("<?xml version='1.0'?>\n<methodCall>\n<methodName>");
            escape(sb, method);
            sb.append("</methodName>\n<params>\n");
            for (Object p : params) {
                sb.append("<param>\n");
                value(sb, p);
                sb.append("</param>\n");
            }
            return sb.append("</params>\n</methodCall>\n").toString();
        }

        private static void value(StringBuilder sb, Object v) {
            sb.append("<value>");
            if (v == null) {
                sb.append("<nil/>");
            } else if (v instanceof Boolean b) {
                sb.append("<boolean>").append(b ? 1 : 0).append("</boolean>");
            } else if (v instanceof Integer || v instanceof Long) {
                sb.append("<int>").append(v).append("</int>");
            } else if (v instanceof Number n) {
                sb.append("<double>").append(n.doubleValue()).append("</double>");
            } else if (v instanceof String s) {
                sb.append("<string>");
                escape(sb, s);
                sb.append("</string>");
            } else if (v instanceof Map<?, ?> m) {
                sb.append("<struct>\n");
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append("<member>\n<name>");
                    escape(sb, String.valueOf(e.getKey()));
                    sb.append("</name>\n");
                    value(sb, e.getValue());
                    sb.append("</member>\n");
                }
                sb.append("</struct>");
            } else if (v instanceof List<?> l) {
                sb.append("<array><data>\n");
                l.forEach(x -> value(sb, x));
                sb.append("</data></array>");
            } else {
                throw new IllegalArgumentException("cannot write " + v.getClass());
            }
            sb.append("</value>\n");
        }

        private static void escape(StringBuilder sb, String s) {
            sb.append(s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        }
    }
}
