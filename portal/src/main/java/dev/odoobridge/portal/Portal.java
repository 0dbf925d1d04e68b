package dev.odoobridge.portal;

import dev.odoobridge.portal.web.Gate;
import dev.odoobridge.portal.web.PageModule;
import dev.odoobridge.portal.web.PortalHandler;
import dev.odoobridge.portal.web.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.Handler;

/**
 * The vendor portal as one Jetty {@link Handler}, to be mounted under a path prefix ({@code serve} mounts it at
 * {@code /portal}) inside a {@link org.eclipse.jetty.server.handler.ContextHandler}, so links and redirects carry
 * the prefix.
 */
public final class Portal {
    private final Handler handler;

    private Portal(Builder b) {
        this.handler = new PortalHandler(List.copyOf(b.modules), b.gate, Templates.precompiled());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The handler serving every portal page. */
    public Handler handler() {
        return handler;
    }

    /** Builds a {@link Portal}. */
    public static final class Builder {
        private final List<PageModule> modules = new ArrayList<>();
        private Gate gate;

        private Builder() {
        }

        /** Sessions and CSRF (required). */
        public Builder gate(Gate gate) {
            this.gate = Objects.requireNonNull(gate, "gate == null");
            return this;
        }

        /** Adds a group of pages. */
        public Builder module(PageModule module) {
            modules.add(Objects.requireNonNull(module, "module == null"));
            return this;
        }

        /** The portal; throws when no gate is set. */
        public Portal build() {
            if (gate == null) {
                throw new IllegalStateException("the portal needs a gate (sessions and CSRF)");
            }
            return new Portal(this);
        }
    }
}
