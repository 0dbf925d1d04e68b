/**
 * The portal's web plumbing on Jetty 12 core: routing by method and path template ({@link
 * dev.odoobridge.portal.web.Router}), the request/response of one route ({@link dev.odoobridge.portal.web.Exchange}:
 * bounded query and form fields, rendered pages, redirects, downloads), the precompiled jte templates and clear error
 * pages ({@link dev.odoobridge.portal.web.PortalException}).
 */
package dev.odoobridge.portal.web;
