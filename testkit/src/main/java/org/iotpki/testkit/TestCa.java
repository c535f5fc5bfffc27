// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.testkit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.math.BigInteger;
import java.security.Provider;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.cert.KeyPurpose;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.validation.ChainValidator;

/**
 * An in-process certificate authority for tests: a root, intermediates under it, and device
 * certificates, each in one line.
 *
 * <pre>{@code
 * TestCa root = TestCa.create();
 * TestCa issuing = root.intermediate("CN=Test Issuing CA");
 * Credential device = issuing.issue("CN=sensor-0042");
 * ChainResult result =
 *     ChainValidator.builder().trustAnchor(root.certificate()).build().validate(device.chain());
 * }</pre>
 *
 * <p>Validity periods start one hour before the clock's instant (tolerating clock skew): ten
 * years for the root, five for intermediates, one for end entities. Keys are EC P-256 unless the
 * builder says otherwise. Every key pair is new and random. Instances are thread-safe.
 */
public final class TestCa {
  private static final Duration SKEW = Duration.ofHours(1);
  private static final Duration ROOT_VALIDITY = Duration.ofDays(3650);
  private static final Duration INTERMEDIATE_VALIDITY = Duration.ofDays(1825);
  private static final Duration END_ENTITY_VALIDITY = Duration.ofDays(365);

  private final KeyPair keyPair;
  private final X509Certificate certificate;
  private final List<X509Certificate> chainToRoot;
  private final KeyAlgorithm keyAlgorithm;
  private final Clock clock;

  private TestCa(
      KeyPair keyPair,
      X509Certificate certificate,
      List<X509Certificate> issuers,
      KeyAlgorithm keyAlgorithm,
      Clock clock) {
    this.keyPair = keyPair;
    this.certificate = certificate;
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(certificate);
    chain.addAll(issuers);
    this.chainToRoot = Collections.unmodifiableList(chain);
    this.keyAlgorithm = keyAlgorithm;
    this.clock = clock;
  }

  /** A root CA "CN=iotpki Test Root CA" with an EC P-256 key. */
  public static TestCa create() {
    return builder().build();
  }

  /** A builder for a root CA with another name, key type or clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** This CA's certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The root CA's certificate: the trust anchor for everything this CA issues. */
  public X509Certificate root() {
    return chainToRoot.get(chainToRoot.size() - 1);
  }

  /** This CA's certificate followed by its issuers up to and including the root. */
  public List<X509Certificate> chainToRoot() {
    return chainToRoot;
  }

  /** This CA's key and its chain to the root. */
  public Credential credential() {
    return new Credential(keyPair.getPrivate(), chainToRoot);
  }

  /** The signer of this CA's key, for issuing with {@link CertificateBuilder} directly. */
  public Signer signer() {
    return Signer.of(keyPair);
  }

  /**
   * Whether {@code certificate} was issued by this CA and chains to its root, valid now by this
   * CA's clock: what the testkit servers ask of a requester's signing certificate.
   */
  boolean issued(X509Certificate certificate) {
    List<X509Certificate> path = new ArrayList<>();
    path.add(certificate);
    path.addAll(chainToRoot.subList(0, chainToRoot.size() - 1));
    return ChainValidator.builder().trustAnchor(root()).clock(clock).build().validate(path)
        .isValid();
  }

  /** A new intermediate CA under this one, with a key of this CA's type and no path length limit. */
  public TestCa intermediate(String subject) {
    KeyPair intermediateKey = KeyPairs.generate(keyAlgorithm);
    X509Certificate intermediate =
        sign(
            builderFor(subject, intermediateKey.getPublic(), INTERMEDIATE_VALIDITY)
                .basicConstraints(BasicConstraints.caUnlimited()));
    return new TestCa(intermediateKey, intermediate, chainToRoot, keyAlgorithm, clock);
  }

  /**
   * A certificate by this CA for {@code other}'s key and subject, as a CA: the link certificates
   * of a root key rollover ({@code newWithOld}, {@code oldWithNew}, RFC 4210 section 4.4).
   */
  public X509Certificate crossCertify(TestCa other) {
    Objects.requireNonNull(other, "other");
    return sign(builderFor(other.certificate.getSubjectX500Principal(),
        other.certificate.getPublicKey(), INTERMEDIATE_VALIDITY)
        .basicConstraints(BasicConstraints.caUnlimited()));
  }

  /**
   * A CRL of this CA listing {@code revoked} (revoked now, by this CA's clock), valid for a day:
   * with the authorityKeyIdentifier and cRLNumber RFC 5280 requires.
   */
  public X509CRL crl(Collection<BigInteger> revoked, BigInteger crlNumber) {
    Instant now = clock.instant();
    try {
      X509v2CRLBuilder builder = new X509v2CRLBuilder(
          X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
          Date.from(now.minus(SKEW)));
      builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
      for (BigInteger serial : revoked) {
        builder.addCRLEntry(serial, Date.from(now), null);
      }
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate.getPublicKey()));
      builder.addExtension(Extension.cRLNumber, false, new CRLNumber(crlNumber));
      String algorithm = keyAlgorithm.defaultSignatureAlgorithm().jcaName();
      Provider provider = ProviderStrategy.bouncyCastle().provider("Signature", algorithm);
      return new JcaX509CRLConverter().setProvider(provider).getCRL(builder.build(
          new JcaContentSignerBuilder(algorithm).setProvider(provider)
              .build(keyPair.getPrivate())));
    } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
      throw new IllegalStateException("the test CA's software key failed to sign a CRL", e);
    }
  }

  /**
   * A device credential: a new key of this CA's type and a certificate for TLS client and server
   * authentication. Its chain holds the device certificate and the CAs below the root.
   */
  public Credential issue(String subject) {
    return issue(subject, keyAlgorithm);
  }

  /** A device credential with a key of the given type. */
  public Credential issue(String subject, KeyAlgorithm deviceKeyAlgorithm) {
    KeyPair deviceKey = KeyPairs.generate(deviceKeyAlgorithm);
    X509Certificate device = issue(subject, deviceKey.getPublic(), UnaryOperator.identity());
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(device);
    chain.addAll(chainToRoot.subList(0, chainToRoot.size() - 1));
    return new Credential(deviceKey.getPrivate(), chain);
  }

  /**
   * A certificate for an existing key (a device that keeps its key), adjusted by {@code
   * customizer}: it receives a builder already set up with subject, key, issuer, one year of
   * validity and client/server EKUs, and may change any of it.
   */
  public X509Certificate issue(
      String subject, PublicKey key, UnaryOperator<CertificateBuilder> customizer) {
    return issue(new X500Principal(Objects.requireNonNull(subject, "subject")), key, customizer);
  }

  /**
   * As {@link #issue(String, PublicKey, UnaryOperator)} for a subject that is already a name, such
   * as the one in a certification request: its encoding is kept as it is.
   */
  public X509Certificate issue(
      X500Principal subject, PublicKey key, UnaryOperator<CertificateBuilder> customizer) {
    Objects.requireNonNull(customizer, "customizer");
    return sign(
        customizer.apply(
            builderFor(subject, key, END_ENTITY_VALIDITY)
                .extendedKeyUsage(KeyPurpose.CLIENT_AUTH, KeyPurpose.SERVER_AUTH)));
  }

  private CertificateBuilder builderFor(String subject, PublicKey key, Duration validity) {
    return builderFor(new X500Principal(subject), key, validity);
  }

  private CertificateBuilder builderFor(X500Principal subject, PublicKey key, Duration validity) {
    Instant now = clock.instant();
    return CertificateBuilder.create()
        .subject(subject)
        .publicKey(key)
        .issuer(certificate)
        .validity(now.minus(SKEW), now.plus(validity));
  }

  private X509Certificate sign(CertificateBuilder builder) {
    try {
      return builder.sign(signer());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the test CA's software key failed to sign", e);
    }
  }

  /** Configures a root {@link TestCa}. */
  public static final class Builder {
    private String subject = "CN=iotpki Test Root CA";
    private KeyAlgorithm keyAlgorithm = KeyAlgorithm.EC_P256;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The root's subject (RFC 2253). */
    public Builder subject(String subject) {
      this.subject = Objects.requireNonNull(subject, "subject");
      return this;
    }

    /** The type of every key of this CA hierarchy. */
    public Builder keyAlgorithm(KeyAlgorithm keyAlgorithm) {
      this.keyAlgorithm = Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
      return this;
    }

    /** The clock validity periods start from, for tests of expiry. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The root CA. */
    public TestCa build() {
      KeyPair rootKey = KeyPairs.generate(keyAlgorithm);
      Instant now = clock.instant();
      try {
        X509Certificate root =
            CertificateBuilder.create()
                .subject(subject)
                .publicKey(rootKey.getPublic())
                .validity(now.minus(SKEW), now.plus(ROOT_VALIDITY))
                .basicConstraints(BasicConstraints.caUnlimited())
                .sign(Signer.of(rootKey));
        return new TestCa(rootKey, root, List.of(), keyAlgorithm, clock);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the test CA's software key failed to sign", e);
      }
    }
  }
}
