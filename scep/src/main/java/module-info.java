/**
 * iotpki scep: SCEP client (RFC 8894) for day-zero factory provisioning.
 *
 * <p>The API package {@code org.iotpki.scep} is exported with its first type; the implementation is
 * tracked in the project's issues.
 */
module org.iotpki.scep {
  requires transitive org.iotpki.core;
}
