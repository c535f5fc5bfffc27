// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.internal.Certificates;
import org.iotpki.core.internal.GeneralNames;
import org.iotpki.core.internal.KeyIdentifiers;

/**
 * The fields of a certificate that people and scripts look at, decoded once.
 *
 * @param subject the subject DN (RFC 2253)
 * @param issuer the issuer DN (RFC 2253)
 * @param serialNumberHex the serial number in lower-case hex, without leading zeros
 * @param version the X.509 version (1 to 3)
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param signatureAlgorithm iotpki's name of the signature algorithm, or the JDK's where iotpki
 *     does not support it
 * @param signatureAlgorithmOid the signature algorithm's OID
 * @param publicKeyAlgorithm the subject key, such as {@code "EC P-256"}
 * @param derLength the size of the DER encoding in bytes
 * @param publicKeyInfoLength the size of the SubjectPublicKeyInfo in bytes (as encoded in the
 *     certificate)
 * @param signatureLength the size of the signature value in bytes
 * @param sha256Fingerprint SHA-256 of the DER encoding, lower-case hex
 * @param basicConstraints the basicConstraints extension, if present
 * @param keyUsage the keyUsage bits set (empty if the extension is absent)
 * @param extendedKeyUsage the extendedKeyUsage purpose OIDs (empty if absent)
 * @param subjectAltNames the subjectAltName entries (empty if absent)
 * @param subjectKeyIdentifierHex the subjectKeyIdentifier, if present
 * @param authorityKeyIdentifierHex the authorityKeyIdentifier's keyIdentifier, if present
 * @param extensionOids all extension OIDs
 * @param criticalExtensionOids the extensions marked critical
 */
public record CertificateSummary(
    String subject,
    String issuer,
    String serialNumberHex,
    int version,
    Instant notBefore,
    Instant notAfter,
    String signatureAlgorithm,
    String signatureAlgorithmOid,
    String publicKeyAlgorithm,
    int derLength,
    int publicKeyInfoLength,
    int signatureLength,
    String sha256Fingerprint,
    Optional<BasicConstraints> basicConstraints,
    Set<KeyUsage> keyUsage,
    List<String> extendedKeyUsage,
    List<GeneralName> subjectAltNames,
    Optional<String> subjectKeyIdentifierHex,
    Optional<String> authorityKeyIdentifierHex,
    Set<String> extensionOids,
    Set<String> criticalExtensionOids) {

  /**
   * Decodes the summary of a certificate.
   *
   * @throws PkiParseException if one of the decoded extensions is malformed
   */
  public static CertificateSummary of(X509Certificate certificate) throws PkiParseException {
    HexFormat hex = HexFormat.of();
    try {
      byte[] der = certificate.getEncoded();
      return new CertificateSummary(
          certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
          certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
          certificate.getSerialNumber().toString(16),
          certificate.getVersion(),
          certificate.getNotBefore().toInstant(),
          certificate.getNotAfter().toInstant(),
          SignatureAlgorithm.fromOid(certificate.getSigAlgOID())
              .map(Enum::name)
              .orElse(certificate.getSigAlgName()),
          certificate.getSigAlgOID(),
          KeyAlgorithm.describe(certificate.getPublicKey()),
          der.length,
          Certificates.subjectPublicKeyInfo(certificate).length,
          certificate.getSignature().length,
          hex.formatHex(MessageDigest.getInstance("SHA-256").digest(der)),
          basicConstraints(certificate),
          keyUsage(certificate),
          extendedKeyUsage(certificate),
          subjectAltNames(certificate),
          KeyIdentifiers.subjectKeyIdentifier(certificate).map(hex::formatHex),
          KeyIdentifiers.authorityKeyIdentifier(certificate).map(hex::formatHex),
          oids(certificate.getCriticalExtensionOIDs(), certificate.getNonCriticalExtensionOIDs()),
          oids(certificate.getCriticalExtensionOIDs(), null));
    } catch (CertificateEncodingException | CertificateParsingException | RuntimeException e) {
      throw new PkiParseException("malformed certificate extension: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** Whether subject and issuer are the same name (a root or a self-issued certificate). */
  public boolean selfIssued() {
    return subject.equals(issuer);
  }

  /** The serial number as a number. */
  public BigInteger serialNumber() {
    return new BigInteger(serialNumberHex, 16);
  }

  private static Optional<BasicConstraints> basicConstraints(X509Certificate certificate) {
    if (certificate.getExtensionValue(Extension.basicConstraints.getId()) == null) {
      return Optional.empty();
    }
    int pathLength = certificate.getBasicConstraints();
    if (pathLength < 0) {
      return Optional.of(BasicConstraints.endEntity());
    }
    return Optional.of(
        new BasicConstraints(
            true, pathLength == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(pathLength)));
  }

  private static Set<KeyUsage> keyUsage(X509Certificate certificate) {
    boolean[] bits = certificate.getKeyUsage();
    Set<KeyUsage> usage = EnumSet.noneOf(KeyUsage.class);
    if (bits != null) {
      for (KeyUsage bit : KeyUsage.values()) {
        if (bit.bit() < bits.length && bits[bit.bit()]) {
          usage.add(bit);
        }
      }
    }
    return Collections.unmodifiableSet(usage);
  }

  private static List<String> extendedKeyUsage(X509Certificate certificate)
      throws CertificateParsingException {
    List<String> purposes = certificate.getExtendedKeyUsage();
    return purposes == null ? List.of() : List.copyOf(purposes);
  }

  private static List<GeneralName> subjectAltNames(X509Certificate certificate) {
    return KeyIdentifiers.extensionValue(certificate, Extension.subjectAlternativeName.getId())
        .map(value -> GeneralNames.fromBc(org.bouncycastle.asn1.x509.GeneralNames.getInstance(value)))
        .map(List::copyOf)
        .orElse(List.of());
  }

  private static Set<String> oids(Set<String> first, Set<String> second) {
    Set<String> all = new TreeSet<>();
    if (first != null) {
      all.addAll(first);
    }
    if (second != null) {
      all.addAll(second);
    }
    return Collections.unmodifiableSet(all);
  }
}
