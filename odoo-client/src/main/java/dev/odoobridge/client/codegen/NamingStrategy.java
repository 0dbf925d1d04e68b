package dev.odoobridge.client.codegen;

import java.util.Locale;
import java.util.Set;

/** Turns Odoo names into Java names: {@code product.product} → {@code ProductProduct}, {@code default_code} → {@code defaultCode}. */
public class NamingStrategy {
    private static final Set<String> RESERVED = Set.of(
            // Java keywords and literals
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
            "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
            "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
            "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var",
            "yield", "record", "sealed", "permits",
            // Python keywords (Odoo field names never use them, but a custom model might)
            "and", "as", "def", "del", "elif", "except", "from", "global", "in", "is", "lambda", "nonlocal", "not",
            "or", "pass", "raise", "with", "none",
            // names the generated record uses itself
            "model", "fromrecord", "tovalues", "hashcode", "tostring", "equals", "getclass");

    /** Class name for a model. */
    public String className(String model) {
        String name = pascal(model.replace('.', '_'));
        return name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) ? "M" + name : name;
    }

    /** Record component name for a field. */
    public String componentName(String field) {
        String p = pascal(field);
        String camel = p.isEmpty() ? "field" : Character.toLowerCase(p.charAt(0)) + p.substring(1);
        if (!Character.isJavaIdentifierStart(camel.charAt(0))) {
            camel = "f" + camel;
        }
        return RESERVED.contains(camel.toLowerCase(Locale.ROOT)) ? camel + "_" : camel;
    }

    /** Constant name for a field, e.g. {@code DEFAULT_CODE}. */
    public String constantName(String field) {
        String c = field.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        if (c.isEmpty() || !Character.isJavaIdentifierStart(c.charAt(0))) {
            c = "F_" + c;
        }
        return c.equals("MODEL") || c.equals("MODEL_NAME") || c.equals("FIELDS") ? c + "_FIELD" : c;
    }

    /** Enum type name for a selection field. */
    public String enumName(String field) {
        return pascal(field) + "Value";
    }

    /** Enum constant for a selection key, e.g. {@code "to approve"} → {@code TO_APPROVE}. */
    public String enumConstant(String key) {
        String c = key.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
        if (c.isEmpty() || !Character.isJavaIdentifierStart(c.charAt(0))) {
            c = "V_" + c;
        }
        return c.equals("OTHER") ? "OTHER_VALUE" : c;
    }

    private static String pascal(String s) {
        StringBuilder sb = new StringBuilder();
        boolean up = true;
        for (char ch : s.toCharArray()) {
            if (!Character.isLetterOrDigit(ch)) {
                up = true;
                continue;
            }
            sb.append(up ? Character.toUpperCase(ch) : ch);
            up = false;
        }
        return sb.toString();
    }
}
