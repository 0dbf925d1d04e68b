package dev.odoobridge.testkit.internal.server;

/**
 * Builds Python-looking tracebacks for faults that Odoo reports with one (XML-RPC code 1, JSON-RPC
 * and JSON-2 {@code debug}). The frames are those of Odoo 19's dispatch path; only the last line
 * ({@code Type: message}) carries information clients use.
 */
final class Tracebacks {
    private static final String HEAD = "Traceback (most recent call last):\n";
    private static final String ODOO = "  File \"/usr/lib/python3/dist-packages/odoo/";
    private static final String RPC = "  File \"/usr/lib/python3/dist-packages/addons/rpc/controllers/";

    private static final String XMLRPC_FRAMES = RPC + "xmlrpc.py\", line 162, in xmlrpc_2\n"
            + "    response = self._xmlrpc(service)\n"
            + RPC + "xmlrpc.py\", line 134, in _xmlrpc\n"
            + "    result = dispatch_rpc(service, method, params)\n"
            + ODOO + "http.py\", line 439, in dispatch_rpc\n"
            + "    return dispatch(method, params)\n";

    private static final String HTTP_FRAMES = ODOO + "http.py\", line 2273, in _serve_db\n"
            + "    return service_model.retrying(serve_func, env=self.env)\n"
            + ODOO + "service/model.py\", line 184, in retrying\n"
            + "    result = func()\n"
            + ODOO + "http.py\", line 2328, in _serve_ir_http\n"
            + "    response = self.dispatcher.dispatch(rule.endpoint, args)\n";

    private static final String JSONRPC_FRAMES = HTTP_FRAMES
            + RPC + "jsonrpc.py\", line 16, in jsonrpc\n"
            + "    return dispatch_rpc(service, method, args)\n"
            + ODOO + "http.py\", line 439, in dispatch_rpc\n"
            + "    return dispatch(method, params)\n";

    private static final String JSON2_FRAMES = HTTP_FRAMES
            + RPC + "json2.py\", line 90, in web_json_2_rpc\n"
            + "    result = func(records, **kwargs)\n";

    private static final String MODEL_FRAMES = ODOO + "service/model.py\", line 129, in dispatch\n"
            + "    res = execute_cr(cr, uid, model, method_, args, kw)\n"
            + ODOO + "service/model.py\", line 93, in call_kw\n"
            + "    result = method(recs, *args, **kwargs)\n";

    private Tracebacks() {
    }

    static String xmlRpc(PyError error) {
        return HEAD + XMLRPC_FRAMES + MODEL_FRAMES + error.lastLine() + "\n";
    }

    static String jsonRpc(PyError error) {
        if (error.isA("AccessDenied")) {
            return error.lastLine() + "\n";
        }
        return HEAD + JSONRPC_FRAMES + MODEL_FRAMES + error.lastLine() + "\n";
    }

    static String json2(PyError error) {
        return HEAD + JSON2_FRAMES + error.lastLine() + "\n";
    }
}
