package dev.odoobridge.testkit.internal.orm;

import java.util.List;
import java.util.Locale;

/** Definitions of custom ({@code x_}) fields added at run time. */
final class CustomFields {
    private CustomFields() {
    }

    static FieldDef define(Database db, String name, String type) {
        String relation = null;
        String kind = type.toLowerCase(Locale.ROOT);
        if (kind.startsWith("many2one:")) {
            relation = type.substring("many2one:".length());
            db.model(relation);
            kind = "many2one";
        }
        FieldType fieldType = switch (kind) {
            case "char" -> FieldType.CHAR;
            case "text" -> FieldType.TEXT;
            case "integer" -> FieldType.INTEGER;
            case "float" -> FieldType.FLOAT;
            case "monetary" -> FieldType.MONETARY;
            case "html" -> FieldType.HTML;
            case "boolean" -> FieldType.BOOLEAN;
            case "date" -> FieldType.DATE;
            case "datetime" -> FieldType.DATETIME;
            case "selection" -> FieldType.SELECTION;
            case "many2one" -> FieldType.MANY2ONE;
            default -> throw new IllegalArgumentException("unsupported custom field type '" + type + "'; use char, "
                    + "text, html, integer, monetary, float, boolean, date, datetime, selection or many2one:<model>");
        };
        String label = name.substring(2).replace('_', ' ');
        label = label.isEmpty() ? name : Character.toUpperCase(label.charAt(0)) + label.substring(1);
        return new FieldDef(name, fieldType, label, relation, null, List.of(), false, false, Compute.STORED, null,
                null, -1);
    }
}
