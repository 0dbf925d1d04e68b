package dev.odoobridge.client.codegen;

import dev.odoobridge.client.meta.FieldDefinition;

/**
 * How one Odoo field type becomes Java: the component type, the expression that reads it from an
 * {@code OdooRecord r}, and the type argument of its {@code Field} constant. Unknown (future) types
 * fall back to the raw decoded value.
 *
 * @param javaType component type
 * @param readExpression expression reading the value from {@code r}
 * @param fieldTypeArgument type argument of the field constant
 */
record TypeMapping(String javaType, String readExpression, String fieldTypeArgument) {

    static TypeMapping of(FieldDefinition f, String enumName) {
        String n = '"' + f.name() + '"';
        return switch (f.type()) {
            case "char", "text", "html", "reference" -> new TypeMapping("String", "r.getString(" + n + ")", "String");
            case "selection" -> enumName == null
                    ? new TypeMapping("String", "r.getString(" + n + ")", "String")
                    : new TypeMapping(enumName, enumName + ".of(r.getString(" + n + "))", "String");
            case "integer", "many2one_reference" -> new TypeMapping("Long", "r.getLong(" + n + ")", "Long");
            case "float" -> new TypeMapping("Double", "r.getDouble(" + n + ")", "Double");
            case "monetary" -> new TypeMapping("java.math.BigDecimal", "r.getDecimal(" + n + ")", "java.math.BigDecimal");
            case "boolean" -> new TypeMapping("boolean", "r.getBoolean(" + n + ")", "Boolean");
            case "date" -> new TypeMapping("java.time.LocalDate", "r.getLocalDate(" + n + ")", "java.time.LocalDate");
            case "datetime" -> new TypeMapping("java.time.Instant", "r.getInstant(" + n + ")", "java.time.Instant");
            case "many2one" -> new TypeMapping("Ref", "r.getRef(" + n + ")", "Long");
            case "one2many", "many2many" -> new TypeMapping("java.util.List<Long>", "r.getIds(" + n + ")", "Long");
            case "binary" -> new TypeMapping("String", "r.getString(" + n + ")", "String");
            default -> new TypeMapping("Object", "rawOrNull(r.raw(" + n + "))", "Object");
        };
    }
}
