/**
 * The HTTP front of the application below the pages: which proxies may name the client, and the error
 * pages (in the product's look) for requests that never reach a page.
 */
@NullMarked
package net.kbox.base.web;

import org.jspecify.annotations.NullMarked;
