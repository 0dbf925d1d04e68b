package dev.odoobridge.portal.web;

/** A group of routes the portal mounts (sign-in, links, dashboard, ...). */
public interface PageModule {

    /** Adds this module's routes. */
    void register(Router router);
}
