/**
 * iotpki est-client: EST client (RFC 7030, RFC 8951): CA certificates, simple enroll and
 * re-enroll, server key generation, CSR attributes.
 *
 * <p>The API package {@code org.iotpki.est} is exported with its first type; the implementation is
 * tracked in the project's issues.
 */
module org.iotpki.est {
  requires transitive org.iotpki.core;
}
