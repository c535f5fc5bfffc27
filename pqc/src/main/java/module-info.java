// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/**
 * iotpki pqc: post-quantum planning for constrained devices. ML-DSA and composite ML-DSA keys,
 * signatures and certificates live in core's algorithm model ({@code KeyAlgorithm},
 * {@code SignatureAlgorithm}) so every module can use them; this module adds what is specific to
 * the migration: hybrid verification policies and size budgets.
 */
module org.iotpki.pqc {
  requires transitive org.iotpki.core;
  requires static jdk.management;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.pkix;

  exports org.iotpki.pqc;
}
