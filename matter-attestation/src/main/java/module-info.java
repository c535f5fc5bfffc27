/**
 * iotpki matter-attestation: Matter TLV and operational certificates today; PAA/PAI/DAC
 * attestation, Certification Declarations and factory issuance as the project grows.
 *
 * <p>Exported: {@code org.iotpki.matter.tlv} (the Matter TLV codec, Matter Core specification
 * appendix A) and {@code org.iotpki.matter.opcert} (operational certificates NOC/ICAC/RCAC in
 * Matter TLV and X.509 DER, and their chain validation), {@code org.iotpki.matter.issuance} (PAA,
 * PAI and DAC issuance for factories). {@code org.iotpki.matter.internal} stays private.
 */
module org.iotpki.matter {
  requires transitive org.iotpki.core;

  exports org.iotpki.matter.tlv;
  exports org.iotpki.matter.opcert;
  exports org.iotpki.matter.issuance;
}
