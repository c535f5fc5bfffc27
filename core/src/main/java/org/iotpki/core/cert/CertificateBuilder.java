// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.cert;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.SubjectAltPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.c509.C509CertificateBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.c509.C509Certificate;
import org.iotpki.core.c509.C509FormatException;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.internal.Asn1;
import org.iotpki.core.internal.Certificates;
import org.iotpki.core.internal.GeneralNames;
import org.iotpki.core.internal.KeyIdentifiers;
import org.iotpki.core.internal.PublicKeyInfos;
import org.iotpki.core.internal.SignerAdapter;
import org.iotpki.core.internal.X509Times;

/**
 * Builds and signs X.509 v3 certificates.
 *
 * <p>Strict by default: {@link #sign(Signer)} refuses a certificate that is missing its subject,
 * key or validity, that a CA would be unable to use, or that is signed by a key other than the
 * issuer's. Unless told otherwise, the certificate gets a 16-byte random serial number, a critical
 * basicConstraints, a critical keyUsage fitting its role (CA: keyCertSign and cRLSign; end entity:
 * digitalSignature), a subjectKeyIdentifier and an authorityKeyIdentifier (RFC 5280 method 1).
 *
 * <pre>{@code
 * X509Certificate device = CertificateBuilder.create()
 *     .subject("CN=sensor-0042")
 *     .publicKey(deviceKey)
 *     .issuer(issuingCaCertificate)
 *     .validFor(Duration.ofDays(365))
 *     .extendedKeyUsage(KeyPurpose.CLIENT_AUTH)
 *     .sign(Signer.of(issuingCaKeyPair));
 * }</pre>
 *
 * <p>A builder is not thread-safe; make one per certificate.
 */
public final class CertificateBuilder {
  private static final int DEFAULT_SERIAL_BYTES = 16;
  private static final int MAX_SERIAL_BYTES = 20;
  private static final SecureRandom RANDOM = new SecureRandom();

  private X500Principal subject;
  private PublicKey publicKey;
  private X509Certificate issuer;
  private BigInteger serialNumber;
  private Instant notBefore;
  private Instant notAfter;
  private Duration validFor;
  private Clock clock = Clock.systemUTC();
  private BasicConstraints basicConstraints = BasicConstraints.endEntity();
  private Set<KeyUsage> keyUsage;
  private final Set<String> extendedKeyUsage = new LinkedHashSet<>();
  private boolean extendedKeyUsageCritical;
  private final List<GeneralName> subjectAltNames = new ArrayList<>();
  private final List<CertificateExtension> extensions = new ArrayList<>();
  private byte[] subjectKeyIdentifier;
  private boolean authorityKeyIdentifier = true;
  private PublicKey subjectAltPublicKey;

  private CertificateBuilder() {}

  /** A new builder. */
  public static CertificateBuilder create() {
    return new CertificateBuilder();
  }

  /** The subject distinguished name. Required. */
  public CertificateBuilder subject(X500Principal subject) {
    this.subject = Objects.requireNonNull(subject, "subject");
    return this;
  }

  /**
   * The subject as an RFC 2253 string such as {@code "CN=sensor-0042,O=Acme"}.
   *
   * @throws IllegalArgumentException if the string is not a distinguished name
   */
  public CertificateBuilder subject(String rfc2253) {
    return subject(new X500Principal(Objects.requireNonNull(rfc2253, "subject")));
  }

  /** The public key to certify. Required. */
  public CertificateBuilder publicKey(PublicKey publicKey) {
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    return this;
  }

  /**
   * The certificate of the issuing CA, whose key signs. Without it the certificate is self-signed
   * by the subject's own key.
   */
  public CertificateBuilder issuer(X509Certificate issuer) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    return this;
  }

  /** An explicit serial number: positive, at most 20 bytes. Default: 16 random bytes. */
  public CertificateBuilder serialNumber(BigInteger serialNumber) {
    this.serialNumber = Objects.requireNonNull(serialNumber, "serialNumber");
    return this;
  }

  /** The validity period; instants are truncated to whole seconds, as X.509 stores them. */
  public CertificateBuilder validity(Instant notBefore, Instant notAfter) {
    this.notBefore = Objects.requireNonNull(notBefore, "notBefore");
    this.notAfter = Objects.requireNonNull(notAfter, "notAfter");
    this.validFor = null;
    return this;
  }

  /** Valid from now (the {@linkplain #clock(Clock) clock}'s) for {@code duration}. */
  public CertificateBuilder validFor(Duration duration) {
    this.validFor = Objects.requireNonNull(duration, "duration");
    this.notBefore = null;
    this.notAfter = null;
    return this;
  }

  /** The clock {@link #validFor(Duration)} starts from. Default: system UTC. */
  public CertificateBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** basicConstraints, always written as critical. Default: end entity. */
  public CertificateBuilder basicConstraints(BasicConstraints basicConstraints) {
    this.basicConstraints = Objects.requireNonNull(basicConstraints, "basicConstraints");
    return this;
  }

  /** keyUsage, written as critical. Default: by role (see the class description). */
  public CertificateBuilder keyUsage(KeyUsage first, KeyUsage... more) {
    this.keyUsage = EnumSet.of(first, more);
    return this;
  }

  /**
   * Adds extendedKeyUsage purposes (OIDs, see {@link KeyPurpose}); written as non-critical unless
   * {@link #criticalExtendedKeyUsage(String...)} is also called.
   */
  public CertificateBuilder extendedKeyUsage(String... purposeOids) {
    for (String oid : purposeOids) {
      extendedKeyUsage.add(new ASN1ObjectIdentifier(oid).getId());
    }
    return this;
  }

  /**
   * Adds extendedKeyUsage purposes and marks the extension critical, as profiles that restrict a
   * key to these purposes require (Matter operational certificates, for example).
   */
  public CertificateBuilder criticalExtendedKeyUsage(String... purposeOids) {
    extendedKeyUsageCritical = true;
    return extendedKeyUsage(purposeOids);
  }

  /** Adds subjectAltName entries; the extension is critical when the subject is empty. */
  public CertificateBuilder subjectAltNames(GeneralName... names) {
    subjectAltNames.addAll(Arrays.asList(names));
    return this;
  }

  /** Adds an extension iotpki has no method for. */
  public CertificateBuilder extension(CertificateExtension extension) {
    extensions.add(Objects.requireNonNull(extension, "extension"));
    return this;
  }

  /** A subjectKeyIdentifier of the caller's choice instead of the SHA-1 of the key. */
  public CertificateBuilder subjectKeyIdentifier(byte[] keyIdentifier) {
    if (keyIdentifier.length == 0) {
      throw new IllegalArgumentException("empty subjectKeyIdentifier");
    }
    this.subjectKeyIdentifier = keyIdentifier.clone();
    return this;
  }

  /**
   * The subject's alternative (typically post-quantum) public key, written in a
   * subjectAltPublicKeyInfo extension (X.509 9.8, OID 2.5.29.72) so that the subject can later
   * issue catalyst certificates with {@link #signCatalyst(Signer, Signer)}.
   */
  public CertificateBuilder subjectAltPublicKey(PublicKey key) {
    this.subjectAltPublicKey = Objects.requireNonNull(key, "key");
    return this;
  }

  /** Leaves out the authorityKeyIdentifier, which RFC 5280 allows only in self-signed CAs. */
  public CertificateBuilder omitAuthorityKeyIdentifierOfSelfSignedCa() {
    this.authorityKeyIdentifier = false;
    return this;
  }

  /**
   * Checks everything, then signs.
   *
   * @param signer the issuer's key; for a self-signed certificate the subject's own key
   * @throws IllegalArgumentException if the certificate is incomplete or inconsistent
   * @throws GeneralSecurityException if the signer fails
   */
  public X509Certificate sign(Signer signer) throws GeneralSecurityException {
    return parse(signDer(signer, null));
  }

  /**
   * Checks everything, then signs, and returns the certificate's DER without parsing it into an
   * {@link X509Certificate}: for issuing at line rate, where the encoding is all that is stored or
   * sent (parsing costs about a tenth of an ECDSA P-256 signature).
   *
   * @throws IllegalArgumentException if the certificate is incomplete or inconsistent
   * @throws GeneralSecurityException if the signer fails
   */
  public byte[] signEncoded(Signer signer) throws GeneralSecurityException {
    return signDer(signer, null);
  }

  /**
   * Checks everything, then signs a catalyst certificate (X.509 9.8 alternative signature): the
   * usual signature by {@code signer}, which legacy verifiers check, and an alternative signature
   * by {@code alternativeSigner} in the non-critical altSignatureAlgorithm/altSignatureValue
   * extensions (2.5.29.73, 2.5.29.74).
   *
   * @param alternativeSigner the issuer's alternative key: the key in the issuer certificate's
   *     subjectAltPublicKeyInfo, or for a self-signed certificate the {@linkplain
   *     #subjectAltPublicKey(PublicKey) subject's alternative key}
   * @throws IllegalArgumentException if that key does not match, or the certificate is
   *     incomplete or inconsistent
   * @throws GeneralSecurityException if a signer fails
   */
  public X509Certificate signCatalyst(Signer signer, Signer alternativeSigner) throws GeneralSecurityException {
    Objects.requireNonNull(alternativeSigner, "alternativeSigner");
    byte[] expected;
    if (issuer != null) {
      expected = KeyIdentifiers.extensionValue(issuer, Extension.subjectAltPublicKeyInfo.getId())
          .map(value -> Asn1.der(SubjectPublicKeyInfo.getInstance(value)))
          .orElseThrow(() -> new IllegalArgumentException("the issuer certificate has no subjectAltPublicKeyInfo"));
    } else if (subjectAltPublicKey != null) {
      expected = subjectAltPublicKey.getEncoded();
    } else {
      throw new IllegalArgumentException("a self-signed catalyst certificate needs subjectAltPublicKey(...)");
    }
    if (!PublicKeyInfos.sameKey(alternativeSigner.publicKey().getEncoded(), expected)) {
      throw new IllegalArgumentException("the alternative signer's key is not the issuer's alternative public key");
    }
    return parse(signDer(signer, alternativeSigner));
  }

  private static X509Certificate parse(byte[] der) {
    try {
      return Certificates.certificate(der, 0);
    } catch (PkiParseException e) {
      throw new IllegalStateException("iotpki built a certificate it cannot parse", e);
    }
  }

  private byte[] signDer(Signer signer, Signer alternativeSigner) throws GeneralSecurityException {
    Fields fields = prepare(signer);
    var builder =
        new X509v3CertificateBuilder(
            fields.issuer(), fields.serial(), fields.notBefore(), fields.notAfter(), fields.subject(), fields.publicKey());
    try {
      addExtensions(builder::addExtension, fields.subjectKeyIdentifier());
      var holder = alternativeSigner == null
          ? builder.build(new SignerAdapter(signer))
          : builder.build(new SignerAdapter(signer), false, new SignerAdapter(alternativeSigner));
      return holder.getEncoded();
    } catch (RuntimeOperatorException e) {
      throw SignerAdapter.signingFailure(e);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("iotpki built a certificate it cannot encode", e);
    }
  }

  /**
   * Checks everything, then signs a natively signed C509 certificate (type 2,
   * draft-ietf-cose-cbor-encoded-cert): the same fields and extensions as {@link #sign(Signer)},
   * signed over the CBOR encoding.
   *
   * @throws IllegalArgumentException if the certificate is incomplete, inconsistent, or has a field
   *     C509 cannot carry
   * @throws GeneralSecurityException if the signer fails
   */
  public C509Certificate signC509(Signer signer) throws GeneralSecurityException {
    Fields fields = prepare(signer);
    var builder =
        new C509CertificateBuilder(
            fields.issuer(),
            fields.serial(),
            fields.notBefore().getDate(),
            fields.notAfter().getDate(),
            fields.subject(),
            fields.publicKey());
    try {
      addExtensions(builder::addExtension, fields.subjectKeyIdentifier());
      return C509Certificate.decode(builder.build(new SignerAdapter(signer)).getEncoded());
    } catch (RuntimeOperatorException e) {
      throw SignerAdapter.signingFailure(e);
    } catch (C509FormatException e) {
      throw new IllegalStateException("iotpki built a C509 certificate it cannot decode", e);
    } catch (java.io.IOException | RuntimeException e) {
      throw new IllegalArgumentException("C509 cannot carry this certificate: " + e.getMessage(), e);
    }
  }

  /** The to-be-signed fields both encodings share, after every check. */
  private record Fields(
      X500Name issuer,
      BigInteger serial,
      Time notBefore,
      Time notAfter,
      X500Name subject,
      SubjectPublicKeyInfo publicKey,
      byte[] subjectKeyIdentifier) {}

  private Fields prepare(Signer signer) {
    Objects.requireNonNull(signer, "signer");
    check(signer);
    Instant start = validFor != null ? clock.instant() : notBefore;
    Instant end = validFor != null ? start.plus(validFor) : notAfter;
    start = start.truncatedTo(ChronoUnit.SECONDS);
    end = end.truncatedTo(ChronoUnit.SECONDS);
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("notAfter " + end + " is not after notBefore " + start);
    }
    return new Fields(
        X500Name.getInstance((issuer != null ? issuer.getSubjectX500Principal() : subject).getEncoded()),
        serialNumber != null ? serialNumber : randomSerial(),
        X509Times.of(start),
        X509Times.of(end),
        X500Name.getInstance(subject.getEncoded()),
        PublicKeyInfos.canonical(publicKey.getEncoded()),
        subjectKeyIdentifier != null ? subjectKeyIdentifier : KeyIdentifiers.compute(publicKey));
  }

  /** Where extensions go: BC's X.509 and C509 builders both take them this way. */
  @FunctionalInterface
  private interface ExtensionSink {
    void add(ASN1ObjectIdentifier oid, boolean critical, byte[] value) throws java.io.IOException;
  }

  private void check(Signer signer) {
    require(subject != null, "subject");
    require(publicKey != null, "publicKey");
    require(validFor != null || notBefore != null, "validity (validity(...) or validFor(...))");
    if (publicKey.getEncoded() == null || !"X.509".equals(publicKey.getFormat())) {
      throw new IllegalArgumentException("the public key has no X.509 encoding");
    }
    if (serialNumber != null
        && (serialNumber.signum() <= 0 || serialNumber.toByteArray().length > MAX_SERIAL_BYTES)) {
      throw new IllegalArgumentException(
          "serial number must be positive and at most 20 bytes (RFC 5280 4.1.2.2)");
    }
    if (subject.getEncoded().length <= 2 && subjectAltNames.isEmpty()) {
      throw new IllegalArgumentException("an empty subject needs subjectAltNames (RFC 5280 4.1.2.6)");
    }
    Set<KeyUsage> usage = effectiveKeyUsage();
    if (basicConstraints.ca() && !usage.contains(KeyUsage.KEY_CERT_SIGN)) {
      throw new IllegalArgumentException("a CA certificate needs keyUsage keyCertSign");
    }
    if (!basicConstraints.ca() && usage.contains(KeyUsage.KEY_CERT_SIGN)) {
      throw new IllegalArgumentException("keyCertSign is only for CA certificates (RFC 5280 4.2.1.9)");
    }
    if (issuer != null) {
      checkIssuer(signer);
    } else if (!PublicKeyInfos.sameKey(signer.publicKey().getEncoded(), publicKey.getEncoded())) {
      throw new IllegalArgumentException(
          "no issuer given, so the certificate is self-signed, but the signer's key is not the"
              + " subject's key; call issuer(...)");
    }
    if (!authorityKeyIdentifier && (issuer != null || !basicConstraints.ca())) {
      throw new IllegalArgumentException("only a self-signed CA may omit the authorityKeyIdentifier");
    }
    Set<String> seen = new LinkedHashSet<>(standardExtensionOids());
    for (CertificateExtension extension : extensions) {
      if (!seen.add(extension.oid())) {
        throw new IllegalArgumentException(
            "extension " + extension.oid() + " is set twice (or also by a builder method)");
      }
    }
  }

  private void checkIssuer(Signer signer) {
    if (issuer.getBasicConstraints() < 0) {
      throw new IllegalArgumentException(
          "the issuer " + issuer.getSubjectX500Principal().getName() + " is not a CA");
    }
    boolean[] issuerUsage = issuer.getKeyUsage();
    if (issuerUsage != null && !issuerUsage[KeyUsage.KEY_CERT_SIGN.bit()]) {
      throw new IllegalArgumentException("the issuer's keyUsage does not allow keyCertSign");
    }
    byte[] signerKey = signer.publicKey().getEncoded();
    // Fast path for issuing at line rate: the JDK's encoding of the issuer key usually is the
    // certificate's; only when it is not (JDK 17 and ML-DSA) is the certificate parsed again.
    if (!Arrays.equals(signerKey, issuer.getPublicKey().getEncoded())
        && !PublicKeyInfos.sameKey(signerKey, Certificates.subjectPublicKeyInfo(issuer))) {
      throw new IllegalArgumentException("the signer's key is not the issuer certificate's key");
    }
  }

  private Set<KeyUsage> effectiveKeyUsage() {
    if (keyUsage != null) {
      return keyUsage;
    }
    return basicConstraints.ca()
        ? EnumSet.of(KeyUsage.KEY_CERT_SIGN, KeyUsage.CRL_SIGN)
        : EnumSet.of(KeyUsage.DIGITAL_SIGNATURE);
  }

  private Set<String> standardExtensionOids() {
    Set<String> oids = new LinkedHashSet<>();
    oids.add(Extension.basicConstraints.getId());
    oids.add(Extension.keyUsage.getId());
    oids.add(Extension.subjectKeyIdentifier.getId());
    if (authorityKeyIdentifier) {
      oids.add(Extension.authorityKeyIdentifier.getId());
    }
    if (!extendedKeyUsage.isEmpty()) {
      oids.add(Extension.extendedKeyUsage.getId());
    }
    if (!subjectAltNames.isEmpty()) {
      oids.add(Extension.subjectAlternativeName.getId());
    }
    if (subjectAltPublicKey != null) {
      oids.add(Extension.subjectAltPublicKeyInfo.getId());
    }
    return oids;
  }

  private void addExtensions(ExtensionSink sink, byte[] skid) throws java.io.IOException {
    org.bouncycastle.asn1.x509.BasicConstraints bc =
        !basicConstraints.ca()
            ? new org.bouncycastle.asn1.x509.BasicConstraints(false)
            : basicConstraints.pathLength().isPresent()
                ? new org.bouncycastle.asn1.x509.BasicConstraints(basicConstraints.pathLength().getAsInt())
                : new org.bouncycastle.asn1.x509.BasicConstraints(true);
    sink.add(Extension.basicConstraints, true, Asn1.der(bc));
    sink.add(Extension.keyUsage, true, Asn1.der(keyUsageBits(effectiveKeyUsage())));
    if (!extendedKeyUsage.isEmpty()) {
      KeyPurposeId[] purposes =
          extendedKeyUsage.stream()
              .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)))
              .toArray(KeyPurposeId[]::new);
      sink.add(
          Extension.extendedKeyUsage,
          extendedKeyUsageCritical,
          Asn1.der(new org.bouncycastle.asn1.x509.ExtendedKeyUsage(purposes)));
    }
    sink.add(Extension.subjectKeyIdentifier, false, Asn1.der(new SubjectKeyIdentifier(skid)));
    if (authorityKeyIdentifier) {
      byte[] akid =
          issuer == null
              ? skid
              : KeyIdentifiers.subjectKeyIdentifier(issuer)
                  .orElseGet(() -> KeyIdentifiers.compute(issuer.getPublicKey()));
      sink.add(Extension.authorityKeyIdentifier, false, Asn1.der(new AuthorityKeyIdentifier(akid)));
    }
    if (!subjectAltNames.isEmpty()) {
      boolean emptySubject = subject.getEncoded().length <= 2;
      sink.add(Extension.subjectAlternativeName, emptySubject, Asn1.der(GeneralNames.toBc(subjectAltNames)));
    }
    if (subjectAltPublicKey != null) {
      sink.add(
          Extension.subjectAltPublicKeyInfo,
          false,
          Asn1.der(new SubjectAltPublicKeyInfo(PublicKeyInfos.canonical(subjectAltPublicKey.getEncoded()))));
    }
    for (CertificateExtension extension : extensions) {
      sink.add(new ASN1ObjectIdentifier(extension.oid()), extension.critical(), extension.value());
    }
  }

  /** The BC keyUsage for a set of bits. */
  static org.bouncycastle.asn1.x509.KeyUsage keyUsageBits(Set<KeyUsage> usage) {
    // BC's constants put bit n at (1 << (7 - n)) of the first byte and decipherOnly at 1 << 15.
    int bits = 0;
    for (KeyUsage bit : usage) {
      bits |= bit == KeyUsage.DECIPHER_ONLY ? 1 << 15 : 1 << (7 - bit.bit());
    }
    return new org.bouncycastle.asn1.x509.KeyUsage(bits);
  }

  private static BigInteger randomSerial() {
    byte[] bytes = new byte[DEFAULT_SERIAL_BYTES];
    BigInteger serial;
    do {
      RANDOM.nextBytes(bytes);
      bytes[0] &= 0x7f; // positive, so the DER INTEGER stays 16 bytes
      serial = new BigInteger(1, bytes);
    } while (serial.signum() == 0);
    return serial;
  }

  private static void require(boolean present, String field) {
    if (!present) {
      throw new IllegalArgumentException("missing " + field);
    }
  }
}
