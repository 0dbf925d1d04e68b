package dev.odoobridge.client.codegen;

import dev.odoobridge.client.meta.FieldDefinition;
import dev.odoobridge.client.meta.ModelDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Generates one Java record per model: typed components, typed {@code Field} constants, an
 * {@code OdooModel} descriptor ({@code MODEL}) and enums for selections. Deterministic: the same
 * definitions give the same bytes (fields sorted by name, {@code id} first).
 */
public final class CodeGenerator {
    /** Fields of the mail/activity plumbing every model inherits; left out by default. */
    public static final Predicate<FieldDefinition> DEFAULT_FIELDS = f -> !f.name().startsWith("message_")
            && !f.name().startsWith("activity_") && !f.name().startsWith("website_message") && !f.name().startsWith("__")
            && !f.name().equals("has_message") && !f.name().startsWith("rating_");
    private static final Pattern PACKAGE = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    private static final int MAX_SLOTS = 250;

    private final String packageName;
    private final NamingStrategy naming;
    private final Predicate<FieldDefinition> fieldFilter;

    /** A generator writing into {@code packageName} with the default naming and field filter. */
    public CodeGenerator(String packageName) {
        this(packageName, new NamingStrategy(), DEFAULT_FIELDS);
    }

    /** A generator with custom naming and field selection. */
    public CodeGenerator(String packageName, NamingStrategy naming, Predicate<FieldDefinition> fieldFilter) {
        Objects.requireNonNull(packageName, "packageName == null");
        if (!PACKAGE.matcher(packageName).matches()) {
            throw new IllegalArgumentException("not a valid Java package name: '" + packageName + "'");
        }
        this.packageName = packageName;
        this.naming = Objects.requireNonNull(naming, "naming == null");
        this.fieldFilter = Objects.requireNonNull(fieldFilter, "fieldFilter == null");
    }

    /** Generates the sources for the models, in the order given. */
    public List<GeneratedFile> generate(List<ModelDefinition> models) {
        List<GeneratedFile> out = new ArrayList<>();
        Set<String> classes = new HashSet<>();
        for (ModelDefinition m : models) {
            String cls = naming.className(m.model());
            if (!classes.add(cls)) {
                throw new IllegalArgumentException("two models map to the class name " + cls);
            }
            out.add(new GeneratedFile(packageName.replace('.', '/') + "/" + cls + ".java", generate(m, cls)));
        }
        return out;
    }

    /** Generates and writes the sources under {@code outputRoot}; returns the files written. */
    public List<Path> writeTo(Path outputRoot, List<ModelDefinition> models) throws IOException {
        List<Path> written = new ArrayList<>();
        for (GeneratedFile f : generate(models)) {
            Path p = outputRoot.resolve(f.relativePath());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.source(), StandardCharsets.UTF_8);
            written.add(p);
        }
        return written;
    }

    private String generate(ModelDefinition m, String cls) {
        List<FieldDefinition> fields = new ArrayList<>();
        for (FieldDefinition f : m.fields().values()) {
            if (!f.name().equals("id") && fieldFilter.test(f)) {
                fields.add(f);
            }
        }
        fields.sort(Comparator.comparing(FieldDefinition::name));
        if (fields.size() + 2 > MAX_SLOTS) {
            throw new IllegalArgumentException(m.model() + " has " + fields.size() + " fields, more than a Java record "
                    + "can hold; pass a field filter (e.g. --fields) to generate a subset");
        }
        RecordSource src = new RecordSource(packageName, cls, m.model(), naming);
        for (FieldDefinition f : fields) {
            src.addField(f);
        }
        return src.render();
    }

    /** Convenience: definitions keyed by model name, generated in name order. */
    public List<GeneratedFile> generate(Map<String, ModelDefinition> models) {
        List<ModelDefinition> sorted = new ArrayList<>(models.values());
        sorted.sort(Comparator.comparing(ModelDefinition::model));
        return generate(sorted);
    }
}
