// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

/** The place of a certificate in a Matter operational chain. */
public enum CertificateRole {
  /** The Node Operational Certificate: the leaf, naming a node of a fabric. */
  NOC,
  /** The optional Intermediate CA Certificate. */
  ICAC,
  /** The Root CA Certificate: the fabric's trust anchor. */
  RCAC
}
