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
 */
record Call(ModelDef model, Table table, Records records, Signature.Bound args, Tx tx, SentMails sentMails) {
    Writer writer() {
        return new Writer(records, tx);
    }

    Predicate domain(Object domain) {
        Predicate parsed = new DomainParser(records.db()).parse(model, domain);
        return DomainParser.withActiveTest(parsed, model, records.ctx());
    }
}
