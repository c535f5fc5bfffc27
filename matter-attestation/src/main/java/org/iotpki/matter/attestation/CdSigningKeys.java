// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.attestation;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.internal.AttestationCertificate;

/**
 * The keys trusted to sign Certification Declarations, looked up by the key identifier that a CD's
 * CMS SignerInfo names (the SDK's WellKnownKeysTrustStore).
 *
 * <pre>{@code
 * CdSigningKeys keys = CdSigningKeys.of(List.of(csaCdSigningCertificate));
 * }</pre>
 */
public final class CdSigningKeys {
  private static final int MAX_KEY_ID_LENGTH = 32;
  private final Map<String, PublicKey> keys;

  private CdSigningKeys(Map<String, PublicKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  /**
   * The keys of CD signing certificates, each under its subjectKeyIdentifier.
   *
   * @throws IllegalArgumentException if a certificate has no subjectKeyIdentifier
   */
  public static CdSigningKeys of(Collection<X509Certificate> signers) {
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    for (X509Certificate signer : signers) {
      try {
        var keyId = AttestationCertificate.of(signer).subjectKeyId();
        if (keyId.isEmpty()) {
          throw new IllegalArgumentException(
              "CD signing certificate " + signer.getSubjectX500Principal() + " has no subjectKeyIdentifier");
        }
        keys.put(HexFormat.of().formatHex(keyId.get().id()), signer.getPublicKey());
      } catch (PkiParseException e) {
        throw new IllegalArgumentException("unreadable CD signing certificate: " + e.getMessage(), e);
      }
    }
    return new CdSigningKeys(keys);
  }

  /** One key under an explicit key identifier (1 to 32 bytes). */
  public static CdSigningKeys ofKey(byte[] keyId, PublicKey key) {
    Objects.requireNonNull(key, "key");
    if (keyId.length == 0 || keyId.length > MAX_KEY_ID_LENGTH) {
      throw new IllegalArgumentException("a key ID has 1 to 32 bytes");
    }
    return new CdSigningKeys(Map.of(HexFormat.of().formatHex(keyId), key));
  }

  /** No key: every signed CD is then {@link AttestationResult#CERTIFICATION_DECLARATION_NO_CERTIFICATE_FOUND}. */
  public static CdSigningKeys none() {
    return new CdSigningKeys(Map.of());
  }

  /** These keys and {@code other}'s. */
  public CdSigningKeys and(CdSigningKeys other) {
    Map<String, PublicKey> merged = new LinkedHashMap<>(keys);
    merged.putAll(other.keys);
    return new CdSigningKeys(merged);
  }

  /** The key with identifier {@code keyId}. */
  public Optional<PublicKey> find(byte[] keyId) {
    return Optional.ofNullable(keys.get(HexFormat.of().formatHex(keyId)));
  }

  /** How many keys there are. */
  public int size() {
    return keys.size();
  }
}
