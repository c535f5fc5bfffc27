/**
 * iotpki matter-attestation: Matter device attestation: PAA/PAI/DAC chain validation with the
 * connectedhomeip reason codes, Certification Declarations, attestation responses, revocation sets,
 * PAA trust stores, and factory issuance of PAI/DAC chains.
 *
 * <p>The API package {@code org.iotpki.matter} is exported with its first type; the implementation is
 * tracked in the project's issues.
 */
module org.iotpki.matter {
  requires transitive org.iotpki.core;
}
