// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

/**
 * iotpki matter-attestation: Matter TLV, operational certificates, PAA/PAI/DAC device
 * attestation and factory issuance.
 *
 * <p>Exported: {@code org.iotpki.matter.tlv} (the Matter TLV codec, Matter Core specification
 * appendix A) and {@code org.iotpki.matter.opcert} (operational certificates NOC/ICAC/RCAC in
 * Matter TLV and X.509 DER, and their chain validation), {@code org.iotpki.matter.issuance} (PAA,
 * PAI and DAC issuance for factories), {@code org.iotpki.matter.attestation} (device attestation
 * verification with the SDK's result codes, Certification Declarations, trust stores, revocation
 * sets and the profile linter). {@code org.iotpki.matter.internal} stays private.
 */
module org.iotpki.matter {
  requires transitive org.iotpki.core;

  exports org.iotpki.matter.tlv;
  exports org.iotpki.matter.opcert;
  exports org.iotpki.matter.issuance;
  exports org.iotpki.matter.attestation;
}
