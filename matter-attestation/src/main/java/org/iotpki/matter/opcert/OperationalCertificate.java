// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.opcert;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iotpki.matter.internal.CertRules;
import org.iotpki.matter.internal.MatterTime;

/**
 * A Matter operational certificate (RCAC, ICAC or NOC; spec section 6.5), with the fields of its
 * TLV form. Every instance has an X.509 DER form and a TLV form, and converting between them is
 * lossless: see {@link OperationalCertificates}.
 *
 * @param serialNumber the serial number as the content of a DER INTEGER: 1 to 20 bytes, minimal
 * @param issuer the issuer DN; empty is encodable (the TLV form can carry it), though no valid
 *     chain has an empty DN
 * @param notBefore validity start, seconds since 2000-01-01T00:00:00Z (unsigned 32-bit)
 * @param notAfter validity end, seconds since 2000-01-01T00:00:00Z, or 0 for no well-defined
 *     expiration (X.509 99991231235959Z)
 * @param subject the subject DN, which may be empty too
 * @param publicKey the P-256 public key, uncompressed point (65 bytes, 0x04 first)
 * @param extensions the extensions, in order, at least one, none twice
 * @param signature the ECDSA-with-SHA256 signature as r || s (64 bytes)
 */
public record OperationalCertificate(
    byte[] serialNumber,
    DistinguishedName issuer,
    long notBefore,
    long notAfter,
    DistinguishedName subject,
    byte[] publicKey,
    List<OpCertExtension> extensions,
    byte[] signature) {

  /** The length of an uncompressed P-256 point. */
  public static final int PUBLIC_KEY_LENGTH = 65;
  /** The length of a raw P-256 ECDSA signature, r || s. */
  public static final int SIGNATURE_LENGTH = 64;

  /** @throws IllegalArgumentException naming the first field that cannot be encoded */
  public OperationalCertificate {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    serialNumber = serialNumber.clone();
    CertRules.serialNumber(serialNumber, 0, serialNumber.length);
    publicKey = publicKey.clone();
    signature = signature.clone();
    extensions = List.copyOf(extensions);
    CertRules.validity(notBefore, notAfter);
    CertRules.publicKey(publicKey, 0, publicKey.length);
    CertRules.signature(signature.length);
    if (extensions.isEmpty()) {
      throw new IllegalArgumentException("a Matter certificate has extensions");
    }
    Set<String> oids = new HashSet<>();
    for (OpCertExtension extension : extensions) {
      if (!oids.add(extension.oid())) {
        throw new IllegalArgumentException("extension " + extension.oid() + " appears twice");
      }
    }
  }

  /** A copy of the serial number bytes. */
  @Override
  public byte[] serialNumber() {
    return serialNumber.clone();
  }

  /** A copy of the public key point. */
  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** A copy of the r || s signature. */
  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The serial number in hex, as X.509 tools print it. */
  public String serialNumberHex() {
    return HexFormat.of().formatHex(serialNumber);
  }

  /** The validity start as an instant. */
  public Instant notBeforeInstant() {
    return MatterTime.toInstant(notBefore);
  }

  /** The validity end, or empty for a certificate without a well-defined expiration. */
  public Optional<Instant> notAfterInstant() {
    return notAfter == MatterTime.NO_EXPIRY ? Optional.empty() : Optional.of(MatterTime.toInstant(notAfter));
  }

  /** The basicConstraints extension, if present. */
  public Optional<OpCertExtension.BasicConstraints> basicConstraints() {
    return extension(OpCertExtension.BasicConstraints.class);
  }

  /** The keyUsage extension, if present. */
  public Optional<OpCertExtension.KeyUsage> keyUsage() {
    return extension(OpCertExtension.KeyUsage.class);
  }

  /** The extendedKeyUsage extension, if present. */
  public Optional<OpCertExtension.ExtendedKeyUsage> extendedKeyUsage() {
    return extension(OpCertExtension.ExtendedKeyUsage.class);
  }

  /** The subjectKeyIdentifier, if present. */
  public Optional<byte[]> subjectKeyId() {
    return extension(OpCertExtension.SubjectKeyId.class).map(skid -> skid.keyId().bytes());
  }

  /** The authorityKeyIdentifier, if present. */
  public Optional<byte[]> authorityKeyId() {
    return extension(OpCertExtension.AuthorityKeyId.class).map(akid -> akid.keyId().bytes());
  }

  /** The first extension of a given kind. */
  public <T extends OpCertExtension> Optional<T> extension(Class<T> kind) {
    return extensions.stream().filter(kind::isInstance).map(kind::cast).findFirst();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OperationalCertificate that
        && Arrays.equals(serialNumber, that.serialNumber)
        && issuer.equals(that.issuer)
        && notBefore == that.notBefore
        && notAfter == that.notAfter
        && subject.equals(that.subject)
        && Arrays.equals(publicKey, that.publicKey)
        && extensions.equals(that.extensions)
        && Arrays.equals(signature, that.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(serialNumber), issuer, notBefore, notAfter, subject,
        Arrays.hashCode(publicKey), extensions, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "OperationalCertificate[serial=" + serialNumberHex() + ", subject=" + subject + ", issuer=" + issuer + "]";
  }

  /** DER INTEGER content rules: 1 to 20 bytes, no redundant leading 0x00 or 0xFF. */
}
