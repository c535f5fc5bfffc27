// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/** iotpki scep: a SCEP client (RFC 8894) behind iotpki's enrollment interface. */
module org.iotpki.scep {
  requires transitive org.iotpki.core;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.util;

  exports org.iotpki.scep;
}
