package dev.odoobridge.portal.pages;

import dev.odoobridge.portal.Portal;
import dev.odoobridge.portal.web.PageModule;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.htmlunit.WebClient;

/** The portal on a Jetty server on a free port, mounted at {@code /portal} as {@code serve} mounts it. */
final class PortalServer implements AutoCloseable {
    private final Server server;
    final String base;

    PortalServer(TestGate gate, List<PageModule> modules) throws Exception {
        Portal.Builder b = Portal.builder().gate(gate);
        modules.forEach(b::module);
        server = new Server(0);
        server.setHandler(new ContextHandler(b.build().handler(), "/portal"));
        server.start();
        base = "http://localhost:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/portal";
    }

    /** A browser without JavaScript that reports error statuses instead of throwing. */
    static WebClient browser() {
        WebClient web = new WebClient();
        web.getOptions().setJavaScriptEnabled(false);
        web.getOptions().setCssEnabled(false);
        web.getOptions().setThrowExceptionOnFailingStatusCode(false);
        web.getOptions().setRedirectEnabled(true);
        return web;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
