// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.issuance;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.OptionalInt;
import org.iotpki.core.cert.BasicConstraints;
import org.iotpki.core.cert.CertificateBuilder;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;

/**
 * Creates Matter Product Attestation Authorities and test CD signers; PAIs and DACs come from
 * {@link MatterCa}.
 *
 * <pre>{@code
 * MatterCa paa = MatterPki.createPaa("Acme PAA", OptionalInt.of(0xFFF1), from, until);
 * MatterCa pai = paa.issuePai("Acme PAI", 0xFFF1, OptionalInt.of(0x8000), from, until);
 * X509Certificate dac = pai.issueDac(devicePublicKey, 0xFFF1, 0x8000, "Acme DAC 000042");
 * byte[] testCd = MatterPki.createCdSigner("Acme Test CD Signer", from, until).sign(declaration);
 * }</pre>
 */
public final class MatterPki {
  private MatterPki() {}

  /**
   * A self-signed PAA with a new P-256 key: basicConstraints cA with pathLen 1, keyCertSign and
   * cRLSign, optionally bound to one vendor id.
   */
  public static MatterCa createPaa(String commonName, OptionalInt vendorId, Instant notBefore, Instant notAfter) {
    return createPaa(commonName, vendorId, notBefore, notAfter, KeyAlgorithm.EC_P256);
  }

  /**
   * A self-signed PAA as {@link #createPaa(String, OptionalInt, Instant, Instant)}, with a new key
   * of {@code algorithm}: EC P-256, or ML-DSA-44 or ML-DSA-65 for the chains of the Matter PQC
   * phase 1 revision (verifiers accept them only when told to, {@code
   * DeviceAttestationVerifier.Builder.acceptMlDsaAttestationAuthorities()}).
   *
   * @throws IllegalArgumentException for another algorithm
   */
  public static MatterCa createPaa(
      String commonName, OptionalInt vendorId, Instant notBefore, Instant notAfter, KeyAlgorithm algorithm) {
    vendorId.ifPresent(vid -> MatterNames.checkId(vid, "vendor id"));
    MatterCa.requireAuthorityAlgorithm(algorithm);
    KeyPair key = KeyPairs.generate(algorithm);
    Signer signer = Signer.of(key);
    try {
      X509Certificate paa = CertificateBuilder.create()
          .subject(MatterNames.name(commonName, vendorId, OptionalInt.empty()))
          .publicKey(key.getPublic())
          .validity(notBefore, notAfter)
          .basicConstraints(BasicConstraints.ca(1))
          .sign(signer);
      return new MatterCa(paa, key.getPrivate(), signer, vendorId, OptionalInt.empty());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a new software key failed to sign", e);
    }
  }

  /**
   * A self-signed Certification Declaration signer with a new P-256 key (end entity, keyUsage
   * digitalSignature), for test and development CDs. Verifiers trust it through {@link
   * CdSigner#signingKeys()}; production devices carry CDs signed by the CSA.
   */
  public static CdSigner createCdSigner(String commonName, Instant notBefore, Instant notAfter) {
    KeyPair key = KeyPairs.generate(KeyAlgorithm.EC_P256);
    try {
      X509Certificate certificate = CertificateBuilder.create()
          .subject(MatterNames.name(commonName, OptionalInt.empty(), OptionalInt.empty()))
          .publicKey(key.getPublic())
          .validity(notBefore, notAfter)
          .sign(Signer.of(key));
      return CdSigner.of(certificate, key.getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("a new software key failed to sign", e);
    }
  }
}
