// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/** iotpki cmp: a CMPv2 client (RFC 4210, RFC 9480, Lightweight CMP profile RFC 9483). */
module org.iotpki.cmp {
  requires transitive org.iotpki.core;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.util;

  exports org.iotpki.cmp;
}
