/**
 * iotpki acme-client: ACME client (RFC 8555) for gateway-class devices.
 *
 * <p>The API package {@code org.iotpki.acme} is exported with its first type; the implementation is
 * tracked in the project's issues.
 */
module org.iotpki.acme {
  requires transitive org.iotpki.core;
}
