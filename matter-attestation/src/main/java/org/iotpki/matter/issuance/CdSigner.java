// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.issuance;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.cert.Credential;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.Signer;
import org.iotpki.matter.attestation.CdSigningKeys;
import org.iotpki.matter.attestation.CertificationDeclaration;
import org.iotpki.matter.internal.AttestationCertificate;
import org.iotpki.matter.internal.CmsSignedCd;

/**
 * Signs Certification Declarations (Matter Core 6.3.1) the way the CSA and connectedhomeip's
 * {@code chip-cert gen-cd} do: CMS SignedData, the TLV content encapsulated, one SignerInfo naming
 * the signer by subject key identifier, ecdsa-with-SHA256, no signed attributes and no
 * certificates. Vendors use it to make test and development CDs; production CDs come from the CSA.
 *
 * <pre>{@code
 * CdSigner signer = MatterPki.createCdSigner("Acme Test CD Signer", from, until);
 * byte[] signedCd = signer.sign(declaration);
 * DeviceAttestationVerifier verifier = DeviceAttestationVerifier.builder()
 *     .paaTrustStore(paas)
 *     .cdSigningKeys(signer.signingKeys())
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class CdSigner {
  private final X509Certificate certificate;
  private final byte[] keyId;
  private final PrivateKey privateKey;
  private final Signer signer;

  private CdSigner(X509Certificate certificate, byte[] keyId, PrivateKey privateKey, Signer signer) {
    this.certificate = certificate;
    this.keyId = keyId;
    this.privateKey = privateKey;
    this.signer = signer;
  }

  /**
   * A signer with an existing CD signing certificate and its private key.
   *
   * @throws IllegalArgumentException if the key is not P-256, is not the certificate's key, or the
   *     certificate has no subjectKeyIdentifier (a CD names its signer by it)
   */
  public static CdSigner of(X509Certificate certificate, PrivateKey privateKey) {
    return of(certificate, privateKey, ProviderStrategy.bouncyCastle());
  }

  /**
   * A signer with an existing CD signing certificate and its private key, signing with the
   * provider the strategy picks: for a key held in an HSM ({@code TokenKeys.providers()}).
   *
   * @throws IllegalArgumentException if the key is not P-256, is not the certificate's key, or the
   *     certificate has no subjectKeyIdentifier (a CD names its signer by it)
   */
  public static CdSigner of(X509Certificate certificate, PrivateKey privateKey,
      ProviderStrategy providers) {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    MatterCa.requireP256(certificate.getPublicKey(), "a CD signing key");
    byte[] keyId;
    try {
      keyId = AttestationCertificate.of(certificate).subjectKeyId()
          .orElseThrow(() -> new IllegalArgumentException("the CD signing certificate "
              + certificate.getSubjectX500Principal().getName() + " has no subjectKeyIdentifier"))
          .id();
    } catch (PkiParseException e) {
      throw new IllegalArgumentException("unreadable CD signing certificate: " + e.getMessage(), e);
    }
    return new CdSigner(certificate, keyId, privateKey,
        Signer.forCertificate(certificate, privateKey, Objects.requireNonNull(providers, "providers")));
  }

  /** The signing certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** The signing key and certificate, to store them. */
  public Credential credential() {
    return new Credential(privateKey, List.of(certificate));
  }

  /** The key identifier that signed CDs name (the certificate's subjectKeyIdentifier). */
  public byte[] keyId() {
    return keyId.clone();
  }

  /** This signer's key, for a verifier that should accept the CDs it signs. */
  public CdSigningKeys signingKeys() {
    return CdSigningKeys.ofKey(keyId, certificate.getPublicKey());
  }

  /** The DER of the signed CMS envelope around {@code declaration}'s TLV encoding. */
  public byte[] sign(CertificationDeclaration declaration) {
    Objects.requireNonNull(declaration, "declaration");
    try {
      return CmsSignedCd.sign(declaration.encode(), keyId, signer);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the CD signing key failed to sign", e);
    }
  }
}
