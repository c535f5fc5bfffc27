// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/** iotpki testkit: an in-process test CA and EST, SCEP and CMP test servers, for tests of iotpki and of its users. */
module org.iotpki.testkit {
  requires transitive org.iotpki.core;
  requires jdk.httpserver;
  requires org.slf4j;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;
  requires org.bouncycastle.util;

  exports org.iotpki.testkit;
}
