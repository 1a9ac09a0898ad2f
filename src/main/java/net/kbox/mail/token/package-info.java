/**
 * OAuth 2.0 access tokens for the XOAUTH2 login: asked of the token endpoint (client credentials, or a
 * JWT bearer assertion signed with a Google service account's key) and kept until shortly before they expire.
 */
@NullMarked
package net.kbox.mail.token;

import org.jspecify.annotations.NullMarked;
