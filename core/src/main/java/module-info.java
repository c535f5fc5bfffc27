// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/**
 * iotpki core: PEM/DER, keys and signatures, certificate and CSR building, chain validation.
 *
 * <p>BouncyCastle is the engine, never the API: every exported signature uses JDK types or
 * iotpki's own records. Nothing here registers a JCA provider globally.
 */
module org.iotpki.core {
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.util;
  requires org.slf4j;
  requires transitive java.sql; // JdbcAuditTrail.ConnectionSource returns a java.sql.Connection
  requires java.net.http;

  exports org.iotpki.core;
  exports org.iotpki.core.crypto;
  exports org.iotpki.core.io;
  exports org.iotpki.core.cert;
  exports org.iotpki.core.validation;
  exports org.iotpki.core.c509;
  exports org.iotpki.core.audit;
  exports org.iotpki.core.enroll;
  exports org.iotpki.core.lifecycle;
  exports org.iotpki.core.revocation;
  exports org.iotpki.core.fleet;
  exports org.iotpki.core.keys;
  exports org.iotpki.core.cms;
  // Shared with iotpki's own protocol modules only (BC adapters, DER checks); not an API.
  exports org.iotpki.core.internal to
      org.iotpki.est,
      org.iotpki.scep,
      org.iotpki.cmp,
      org.iotpki.acme,
      org.iotpki.cli;
}
