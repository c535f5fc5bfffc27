// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.core.c509;

import java.io.IOException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.c509.jcajce.JcaC509ContentVerifierProviderBuilder;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.ProviderStrategy;
import org.iotpki.core.crypto.SignatureAlgorithm;
import org.iotpki.core.internal.Keys;
import org.iotpki.core.internal.Bc;
import org.iotpki.core.validation.ChainFailure;
import org.iotpki.core.validation.SignatureResult;

/** What C509 certificates and requests share: input limits, canonical form, native signatures. */
final class C509Support {
  /** The largest C509 structure accepted: 1 MiB, room for the largest post-quantum chains. */
  static final int MAX_ENCODED_BYTES = 1024 * 1024;

  private C509Support() {}

  /** A BC decoding step that may fail on malformed input. */
  @FunctionalInterface
  interface Decoding<T> {
    T decode() throws IOException;
  }

  /** A BC signature check over a natively signed structure. */
  @FunctionalInterface
  interface NativeCheck {
    boolean isValid(ContentVerifierProvider verifier) throws CertException;
  }

  static void checkSize(byte[] cbor, String what) throws C509FormatException {
    if (cbor.length > MAX_ENCODED_BYTES) {
      throw new C509FormatException(
          what + " of " + cbor.length + " bytes exceeds the limit of " + MAX_ENCODED_BYTES);
    }
  }

  /** Runs a BC decoding step, turning every failure into the typed exception. */
  static <T> T decode(Decoding<T> step, String what) throws C509FormatException {
    try {
      return step.decode();
    } catch (IOException | RuntimeException e) {
      throw new C509FormatException("malformed " + what + ": " + e.getMessage(), e);
    }
  }

  /** Refuses trailing data and non-deterministic CBOR, which a signature would not survive. */
  static void checkCanonical(byte[] cbor, Decoding<byte[]> reencode, String what) throws C509FormatException {
    if (!Arrays.equals(decode(reencode, what), cbor)) {
      throw new C509FormatException(what + " is not in deterministic CBOR encoding, or has trailing data");
    }
  }

  /** Verifies a natively signed (type 2) structure with {@code key}. */
  static SignatureResult verifyNative(String algorithmOid, PublicKey key, NativeCheck check) {
    Optional<SignatureAlgorithm> algorithm = SignatureAlgorithm.fromOid(algorithmOid);
    if (algorithm.isEmpty()) {
      return new SignatureResult.Invalid(
          ChainFailure.UNSUPPORTED_SIGNATURE_ALGORITHM, "signature algorithm " + algorithmOid + " is not supported");
    }
    if (!algorithm.get().isCompatibleWith(key)) {
      return new SignatureResult.Invalid(
          ChainFailure.KEY_ALGORITHM_MISMATCH, algorithm.get() + " does not fit the " + key.getAlgorithm() + " key");
    }
    try {
      boolean valid =
          check.isValid(new JcaC509ContentVerifierProviderBuilder().setProvider(Bc.PROVIDER).build(key));
      return valid
          ? new SignatureResult.Valid(algorithm.get())
          : new SignatureResult.Invalid(ChainFailure.SIGNATURE_INVALID, algorithm.get() + " signature does not verify");
    } catch (CertException | OperatorCreationException | RuntimeException e) {
      return new SignatureResult.Invalid(
          ChainFailure.SIGNATURE_INVALID, algorithm.get() + " signature is malformed: " + e.getMessage());
    }
  }

  /** The subject public key of a C509 structure, made with the provider the strategy picks. */
  static PublicKey publicKey(SubjectPublicKeyInfo info, ProviderStrategy providers) throws C509FormatException {
    try {
      return Keys.publicKey(info.getEncoded(ASN1Encoding.DER), providers, 0);
    } catch (IOException | PkiParseException e) {
      throw new C509FormatException("unusable subject public key: " + e.getMessage(), e);
    }
  }

  static X500Principal principal(X500Name name) {
    try {
      return new X500Principal(name.getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new IllegalStateException("BC cannot DER-encode a name it decoded", e);
    }
  }
}
