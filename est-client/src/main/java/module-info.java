// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/**
 * iotpki est-client: an EST client (RFC 7030, RFC 8951) behind iotpki's enrollment interface: CA
 * certificates, simple enroll and re-enroll, server key generation, CSR attributes.
 */
module org.iotpki.est {
  requires transitive org.iotpki.core;
  requires org.bouncycastle.provider;
  requires org.slf4j;

  exports org.iotpki.est;
}
