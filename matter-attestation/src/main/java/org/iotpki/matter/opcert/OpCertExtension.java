// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.iotpki.matter.internal.CertRules;
import org.iotpki.matter.internal.FutureExtensions;

/**
 * An extension of a Matter operational certificate, as the TLV form carries it (spec section
 * 6.5.11, TLV tags 1 to 6 in the extensions list). The order of the extensions is kept: it is the
 * order of the X.509 extensions, which the signature covers.
 */
public sealed interface OpCertExtension
    permits OpCertExtension.BasicConstraints,
        OpCertExtension.KeyUsage,
        OpCertExtension.ExtendedKeyUsage,
        OpCertExtension.SubjectKeyId,
        OpCertExtension.AuthorityKeyId,
        OpCertExtension.Future {

  /** The X.509 OID of this extension, dotted. */
  String oid();

  /**
   * basicConstraints (TLV tag 1), always critical.
   *
   * @param pathLength the pathLenConstraint, 0 to 255, if present
   */
  record BasicConstraints(boolean ca, OptionalInt pathLength) implements OpCertExtension {
    /** @throws IllegalArgumentException for a path length outside 0..255 */
    public BasicConstraints {
      Objects.requireNonNull(pathLength, "pathLength");
      if (pathLength.isPresent() && (pathLength.getAsInt() < 0 || pathLength.getAsInt() > 255)) {
        throw new IllegalArgumentException("pathLength must be 0 to 255: " + pathLength.getAsInt());
      }
    }

    @Override
    public String oid() {
      return "2.5.29.19";
    }
  }

  /**
   * keyUsage (TLV tag 2), always critical.
   *
   * @param bits the usage bits, bit n = RFC 5280 KeyUsage bit n: {@link #DIGITAL_SIGNATURE} 0x01 to
   *     decipherOnly 0x100
   */
  record KeyUsage(int bits) implements OpCertExtension {
    public static final int DIGITAL_SIGNATURE = 0x0001;
    public static final int NON_REPUDIATION = 0x0002;
    public static final int KEY_ENCIPHERMENT = 0x0004;
    public static final int DATA_ENCIPHERMENT = 0x0008;
    public static final int KEY_AGREEMENT = 0x0010;
    public static final int KEY_CERT_SIGN = 0x0020;
    public static final int CRL_SIGN = 0x0040;
    public static final int ENCIPHER_ONLY = 0x0080;
    public static final int DECIPHER_ONLY = 0x0100;

    /** @throws IllegalArgumentException for bits outside the nine RFC 5280 defines */
    public KeyUsage {
      CertRules.keyUsage(bits);
    }

    /** Whether every bit of {@code flags} is set. */
    public boolean has(int flags) {
      return (bits & flags) == flags;
    }

    @Override
    public String oid() {
      return "2.5.29.15";
    }
  }

  /** extendedKeyUsage (TLV tag 3), always critical; at least one purpose, in order. */
  record ExtendedKeyUsage(List<ExtendedKeyPurpose> purposes) implements OpCertExtension {
    /** @throws IllegalArgumentException if there is no purpose */
    public ExtendedKeyUsage {
      purposes = List.copyOf(purposes);
      if (purposes.isEmpty()) {
        throw new IllegalArgumentException("extendedKeyUsage needs at least one purpose");
      }
    }

    @Override
    public String oid() {
      return "2.5.29.37";
    }
  }

  /** subjectKeyIdentifier (TLV tag 4), non-critical. */
  record SubjectKeyId(KeyId keyId) implements OpCertExtension {
    public SubjectKeyId {
      Objects.requireNonNull(keyId, "keyId");
    }

    /** @throws IllegalArgumentException unless the identifier is 20 bytes */
    public SubjectKeyId(byte[] keyId) {
      this(new KeyId(keyId));
    }

    @Override
    public String oid() {
      return "2.5.29.14";
    }
  }

  /** authorityKeyIdentifier (TLV tag 5), non-critical, keyIdentifier only. */
  record AuthorityKeyId(KeyId keyId) implements OpCertExtension {
    public AuthorityKeyId {
      Objects.requireNonNull(keyId, "keyId");
    }

    /** @throws IllegalArgumentException unless the identifier is 20 bytes */
    public AuthorityKeyId(byte[] keyId) {
      this(new KeyId(keyId));
    }

    @Override
    public String oid() {
      return "2.5.29.35";
    }
  }

  /**
   * Any other extension (TLV tag 6): the DER of the whole X.509 {@code Extension} SEQUENCE, carried
   * as it is.
   *
   * @param der the DER {@code Extension}: an OID none of the other records has, an optional
   *     critical TRUE, and the OCTET STRING value
   */
  record Future(byte[] der) implements OpCertExtension {
    /** @throws IllegalArgumentException if {@code der} is not such an Extension */
    public Future {
      der = der.clone();
      FutureExtensions.check(der);
    }

    @Override
    public byte[] der() {
      return der.clone();
    }

    @Override
    public String oid() {
      return FutureExtensions.oid(der);
    }

    /** Whether the extension is marked critical. */
    public boolean critical() {
      return FutureExtensions.critical(der);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Future that && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(der);
    }

    @Override
    public String toString() {
      return "Future[" + oid() + (critical() ? ", critical" : "") + "]";
    }
  }
}
