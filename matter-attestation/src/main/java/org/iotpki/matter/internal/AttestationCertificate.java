// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.attestation.AttestationFormatException;

/**
 * A PAA, PAI or DAC parsed once, with the raw facts the Matter profile rules look at: which
 * extensions are present and critical, and their exact values (the JDK's accessors fold some of
 * them, e.g. a pathLenConstraint on a non-CA).
 */
public final class AttestationCertificate {
  /** Matter's kMaxDERCertLength. */
  public static final int MAX_DER_LENGTH = 600;
  /** A certificate larger than this is not parsed at all. */
  private static final int PARSE_LIMIT = 16 * 1024;

  static final String BASIC_CONSTRAINTS = "2.5.29.19";
  static final String KEY_USAGE = "2.5.29.15";
  static final String SUBJECT_KEY_ID = "2.5.29.14";
  static final String AUTHORITY_KEY_ID = "2.5.29.35";

  /** basicConstraints: cA, and pathLenConstraint if present. */
  public record BasicConstraints(boolean ca, OptionalInt pathLength, boolean critical) {}

  /** keyUsage as RFC 5280 bit numbers (bit n = 1 << n). */
  public record KeyUsage(int bits, boolean critical) {}

  /** A key identifier extension's identifier (null if absent in an AKID) and criticality. */
  public record KeyId(byte[] id, boolean critical) {}

  private final byte[] der;
  private final X509Certificate certificate;

  private AttestationCertificate(byte[] der, X509Certificate certificate) {
    this.der = der;
    this.certificate = certificate;
  }

  /** Parses DER; anything the JDK cannot read as one X.509 certificate is a format error. */
  public static AttestationCertificate parse(byte[] der) throws AttestationFormatException {
    if (der.length == 0) {
      throw new AttestationFormatException("empty certificate");
    }
    if (der.length > PARSE_LIMIT) {
      throw new AttestationFormatException("certificate of " + der.length + " bytes, over " + PARSE_LIMIT);
    }
    try {
      // Exactly one DER element: the JDK would ignore trailing bytes.
      DerReader outer = DerReader.of(der);
      outer.next(DerWriter.SEQUENCE, "Certificate");
      outer.expectEnd("the certificate");
      X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(der));
      return new AttestationCertificate(der.clone(), certificate);
    } catch (PkiParseException e) {
      throw new AttestationFormatException("not a DER certificate: " + e.problem(), e);
    } catch (CertificateException | RuntimeException e) {
      throw new AttestationFormatException("not an X.509 certificate: " + e.getMessage(), e);
    }
  }

  /**
   * The view of a certificate the JDK already parsed (a trust-store entry, a CRL signer): its
   * extensions are read without parsing the DER again.
   */
  public static AttestationCertificate of(X509Certificate certificate) throws AttestationFormatException {
    try {
      return new AttestationCertificate(certificate.getEncoded(), certificate);
    } catch (CertificateEncodingException e) {
      throw new AttestationFormatException("certificate cannot be encoded", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public byte[] der() {
    return der.clone();
  }

  public int length() {
    return der.length;
  }

  public Optional<BasicConstraints> basicConstraints() throws PkiParseException {
    Optional<DerReader> value = extension(BASIC_CONSTRAINTS);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    DerReader fields = value.get().next(DerWriter.SEQUENCE, "basicConstraints").contents();
    boolean ca = false;
    if (fields.peekTag() == DerWriter.BOOLEAN) {
      fields.nextTrue("basicConstraints cA");
      ca = true;
    }
    OptionalInt pathLength = OptionalInt.empty();
    if (fields.hasMore()) {
      byte[] integer = fields.next(DerWriter.INTEGER, "pathLenConstraint").content();
      if (integer.length == 0 || integer.length > 2 || integer[0] < 0) {
        throw new PkiParseException("pathLenConstraint is not a small non-negative INTEGER");
      }
      int length = 0;
      for (byte b : integer) {
        length = (length << 8) | (b & 0xFF);
      }
      pathLength = OptionalInt.of(length);
    }
    fields.expectEnd("basicConstraints");
    return Optional.of(new BasicConstraints(ca, pathLength, isCritical(BASIC_CONSTRAINTS)));
  }

  public Optional<KeyUsage> keyUsage() throws PkiParseException {
    Optional<DerReader> value = extension(KEY_USAGE);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    int bits = KeyUsageBits.fromDer(value.get().next(DerWriter.BIT_STRING, "keyUsage"));
    return Optional.of(new KeyUsage(bits, isCritical(KEY_USAGE)));
  }

  public Optional<KeyId> subjectKeyId() throws PkiParseException {
    Optional<DerReader> value = extension(SUBJECT_KEY_ID);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    byte[] id = value.get().next(DerWriter.OCTET_STRING, "subjectKeyIdentifier").content();
    return Optional.of(new KeyId(id, isCritical(SUBJECT_KEY_ID)));
  }

  public Optional<KeyId> authorityKeyId() throws PkiParseException {
    Optional<DerReader> value = extension(AUTHORITY_KEY_ID);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    DerReader fields = value.get().next(DerWriter.SEQUENCE, "authorityKeyIdentifier").contents();
    byte[] id = fields.peekTag() == 0x80 ? fields.next(0x80, "keyIdentifier").content() : null;
    return Optional.of(new KeyId(id, isCritical(AUTHORITY_KEY_ID)));
  }

  /** Whether the subject public key is EC on prime256v1, as the SDK's ExtractPubkeyFromX509Cert needs. */
  public boolean hasP256Key() {
    try {
      DerReader spki = DerReader.of(certificate.getPublicKey().getEncoded())
          .next(DerWriter.SEQUENCE, "SubjectPublicKeyInfo").contents();
      DerReader algorithm = spki.next(DerWriter.SEQUENCE, "algorithm").contents();
      if (!"1.2.840.10045.2.1".equals(Oids.dotted(algorithm.next(DerWriter.OID, "algorithm")))
          || algorithm.peekTag() != DerWriter.OID
          || !"1.2.840.10045.3.1.7".equals(Oids.dotted(algorithm.next(DerWriter.OID, "curve")))) {
        return false;
      }
      byte[] point = spki.next(DerWriter.BIT_STRING, "subjectPublicKey").content();
      return point.length == 66 && point[0] == 0 && point[1] == 4;
    } catch (PkiParseException | RuntimeException e) {
      return false;
    }
  }

  private boolean isCritical(String oid) {
    Set<String> critical = certificate.getCriticalExtensionOIDs();
    return critical != null && critical.contains(oid);
  }

  /** A reader over the extnValue of extension {@code oid}, if present. */
  private Optional<DerReader> extension(String oid) throws PkiParseException {
    byte[] wrapped = certificate.getExtensionValue(oid);
    if (wrapped == null) {
      return Optional.empty();
    }
    DerReader outer = DerReader.of(wrapped);
    DerReader.Element value = outer.next(DerWriter.OCTET_STRING, "extnValue");
    outer.expectEnd("extnValue");
    return Optional.of(value.contents());
  }
}
