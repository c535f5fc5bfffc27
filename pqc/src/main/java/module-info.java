/**
 * iotpki pqc: Post-quantum and hybrid certificates: ML-DSA (FIPS 204), composite
 * ML-DSA, catalyst certificates, and size budgets for constrained devices.
 *
 * <p>The API package {@code org.iotpki.pqc} is exported with its first type; the implementation is
 * tracked in the project's issues.
 */
module org.iotpki.pqc {
  requires transitive org.iotpki.core;
}
