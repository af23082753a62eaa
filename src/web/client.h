/* client: who is asking and from where: the client address behind a trusted proxy, whether a POST comes from this
 * site (Origin, Sec-Fetch-Site), and the configured base URL. Pure functions on strings, so they are unit-tested. */
#ifndef KEHTO_CLIENT_H
#define KEHTO_CLIENT_H
#include <stddef.h>

#define CLIENT_ADDR_MAX 46 /* INET6_ADDRSTRLEN */

/* Writes the client's address into out (n >= CLIENT_ADDR_MAX): peer itself, unless peer equals proxy (the trusted
 * proxy, or NULL for none); then the right-most address in xff (X-Forwarded-For, all its header lines joined with
 * commas, oldest first) that is not the proxy's own. Falls back to peer when xff is NULL, holds only the proxy, or its
 * chosen entry is not an IPv4 or IPv6 address. Returns 1 when the address came from xff, 0 when it is the peer. */
int client_address(const char *peer, const char *proxy, const char *xff, char *out, size_t n);

/* Returns 1 when a state-changing request (POST) may go on: Sec-Fetch-Site (fetch_site) is not "cross-site", and
 * Origin (origin) is absent, or names the base URL's origin (base_url, "https://host[:port]"), or names the host
 * in the request's Host header (host). "Origin: null" and anything unparsable count as another site. Absent headers
 * (NULL) are allowed: older browsers and command-line clients send neither. Returns 0 to refuse. */
int client_same_site(const char *origin, const char *fetch_site, const char *host, const char *base_url);

/* Checks a base URL for `kehto serve --base-url`: http or https, a host name or address, an optional port, no path
 * (a trailing "/" is dropped), no user, query or fragment. Returns the normalised URL (scheme and host in lower case)
 * as a malloc'd string the caller frees, or NULL when it is not such a URL. */
char *client_base_url(const char *url);

/* Returns 1 when addr is an IPv4 loopback address (127.0.0.0/8). */
int client_is_loopback(const char *addr);

#endif
