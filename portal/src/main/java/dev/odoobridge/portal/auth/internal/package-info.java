/** The portal's tables in the state database (migration V7): sessions, sign-in challenges, pending OIDC sign-ins. */
package dev.odoobridge.portal.auth.internal;
