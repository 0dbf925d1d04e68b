/**
 * Who is signed in: server-side sessions in the state database ({@link dev.odoobridge.portal.auth.Sessions}), the
 * portal's {@link dev.odoobridge.portal.web.Gate} with its cookie and CSRF rules
 * ({@link dev.odoobridge.portal.auth.SessionGate}), sign-in with a one-time code mailed through a shop's Odoo
 * ({@link dev.odoobridge.portal.auth.CodeSignIn}) or with an OpenID Connect provider
 * ({@link dev.odoobridge.portal.auth.OidcSignIn}), and their pages ({@link dev.odoobridge.portal.auth.SignInPages}).
 */
package dev.odoobridge.portal.auth;
