/**
 * A real OAuth 2.0 authorization server for tests (Spring Authorization Server on HTTPS with a test-CA
 * certificate), with the JWT bearer grant Google's token endpoint speaks, and Google-like service account keys.
 */
@NullMarked
package net.kbox.oauth;

import org.jspecify.annotations.NullMarked;
