package dev.odoobridge.testkit.internal.orm;

/**
 * Everything one method invocation needs.
 *
 * @param model the model's definition
 * @param table the model's rows
 * @param records value access with the call's context
 * @param args bound arguments
 * @param tx the transaction (for writing methods), else null
 * @param sentMails where mail.mail.send records what it sent
 * @param major the Odoo major version played (17, 18, 19): some checks and messages depend on it
 * @param uid the calling user
 */
record Call(ModelDef model, Table table, Records records, Signature.Bound args, Tx tx, SentMails sentMails,
            int major, int uid) {
    Writer writer() {
        return new Writer(records, tx);
    }

    Predicate domain(Object domain) {
        Predicate parsed = new DomainParser(records.db(), major).parse(model, domain);
        return DomainParser.withActiveTest(parsed, model, records.ctx());
    }

    /**
     * Checks field names to read: an unknown one is a ValueError, worded {@code on model 'm'} before 19.0 and
     * {@code on 'm'} from 19.0.
     */
    void validateFields(java.util.List<String> fields) {
        try {
            Reader.validate(model, fields);
        } catch (OrmFault fault) {
            if (major >= 19) {
                throw new OrmFault(fault.kind(), fault.getMessage().replace(" on model '", " on '"));
            }
            throw fault;
        }
    }

    /**
     * Runs a create or write and words an unknown field in its values as the played version does: ValueError
     * {@code Invalid field 'f' on model 'm'} before 19.0; from 19.0 ValueError {@code Invalid field 'f' in 'm'} for
     * create and KeyError {@code 'f'} for write.
     */
    <T> T withValueFieldsChecked(boolean create, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (OrmFault fault) {
            if (fault.kind() != FaultKind.KEY_ERROR || model.field(fault.getMessage()) != null) {
                throw fault;
            }
            String field = PyRepr.of(fault.getMessage());
            if (major < 19) {
                throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid field " + field + " on model " + PyRepr.of(model.name()));
            }
            if (create) {
                throw new OrmFault(FaultKind.VALUE_ERROR, "Invalid field " + field + " in " + PyRepr.of(model.name()));
            }
            throw fault;
        }
    }
}
