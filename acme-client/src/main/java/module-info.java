// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/**
 * iotpki acme-client: an ACME client (RFC 8555) behind iotpki's enrollment interface, for
 * gateway-class devices: accounts with external account binding, http-01 and dns-01 challenges,
 * finalization with the device's own request, alternate chains, revocation, account key rollover
 * and deactivation, and ACME Renewal Information (RFC 9773). The protocol engine is acme4j; none
 * of its types appears in this module's API.
 */
module org.iotpki.acme {
  requires transitive org.iotpki.core;
  requires org.shredzone.acme4j;
  requires jdk.httpserver;
  requires java.net.http;
  requires org.slf4j;

  exports org.iotpki.acme;
}
