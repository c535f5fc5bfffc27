/**
 * iotpki cmp: CMPv2 client (RFC 9480, Lightweight CMP profile RFC 9483).
 *
 * <p>The API package {@code org.iotpki.cmp} is exported with its first type; the implementation is
 * tracked in the project's issues.
 */
module org.iotpki.cmp {
  requires transitive org.iotpki.core;
}
