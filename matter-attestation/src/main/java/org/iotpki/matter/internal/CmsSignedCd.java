// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;
import org.iotpki.core.PkiParseException;
import org.iotpki.core.crypto.Signer;

/**
 * The CMS SignedData envelope of a Certification Declaration, in the one layout the SDK reads and
 * writes (Matter Core 6.3.1): version 3, one SHA-256 digest algorithm, the CD as id-data content,
 * no certificates, one SignerInfo naming its signer by subject key identifier, with an
 * ecdsa-with-SHA256 signature over the content itself (no signed attributes).
 *
 * <p>Like the SDK, reading the signer's key ID looks only at the SignerInfo ({@link #parse}); the
 * rest of the envelope is checked when the signature is ({@link #verifiedContent}), so a wrong
 * SignedData version or content type is a bad signature, not a missing key ID.
 *
 * @param signerKeyId the SignerInfo's subjectKeyIdentifier
 * @param signature the raw r || s signature
 * @param envelope the whole DER envelope
 */
public record CmsSignedCd(byte[] signerKeyId, byte[] signature, byte[] envelope) {
  /** A signed CD is small; this bounds what is parsed. */
  public static final int MAX_LENGTH = 2048;
  private static final String SIGNED_DATA = "1.2.840.113549.1.7.2";
  private static final String DATA = "1.2.840.113549.1.7.1";
  private static final String SHA256 = "2.16.840.1.101.3.4.2.1";
  private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
  private static final int CONTEXT_0_CONSTRUCTED = 0xA0;
  private static final int CONTEXT_0_PRIMITIVE = 0x80;

  /** The signer's key ID and signature (the SDK's CMS_ExtractKeyId). */
  public static CmsSignedCd parse(byte[] cms) throws PkiParseException {
    if (cms.length > MAX_LENGTH) {
      throw new PkiParseException("signed CD of " + cms.length + " bytes, over " + MAX_LENGTH);
    }
    DerReader signedData = signedData(cms, false);
    signedData.next(signedData.peekTag(), "SignedData version");
    signedData.next(signedData.peekTag(), "digestAlgorithms");
    signedData.next(signedData.peekTag(), "encapContentInfo");
    DerReader signerInfos = signedData.next(DerWriter.SET, "signerInfos").contents();
    DerReader signerInfo = signerInfos.next(DerWriter.SEQUENCE, "SignerInfo").contents();
    expectVersion3(signerInfo, "SignerInfo version");
    byte[] keyId = signerInfo.next(CONTEXT_0_PRIMITIVE, "subjectKeyIdentifier").content();
    if (keyId.length == 0) {
      throw new PkiParseException("empty subjectKeyIdentifier");
    }
    algorithm(signerInfo, SHA256, "digestAlgorithm");
    algorithm(signerInfo, ECDSA_WITH_SHA256, "signatureAlgorithm");
    DerReader.Element signatureValue = signerInfo.next(DerWriter.OCTET_STRING, "signature");
    byte[] raw = EcdsaSignatures.fromDer(signatureValue.contents());
    return new CmsSignedCd(keyId, raw, cms.clone());
  }

  /**
   * The CD content, if the envelope has the SDK's layout and the signature verifies with
   * {@code key} (the SDK's CMS_Verify).
   */
  public Optional<byte[]> verifiedContent(PublicKey key) {
    byte[] content;
    try {
      DerReader signedData = signedData(envelope, true);
      expectVersion3(signedData, "SignedData version");
      DerReader digestAlgorithms = signedData.next(DerWriter.SET, "digestAlgorithms").contents();
      algorithm(digestAlgorithms, SHA256, "digestAlgorithm");
      DerReader encapsulated = signedData.next(DerWriter.SEQUENCE, "encapContentInfo").contents();
      expectOid(encapsulated, DATA, "eContentType");
      DerReader eContent = encapsulated.next(CONTEXT_0_CONSTRUCTED, "eContent").contents();
      content = eContent.next(DerWriter.OCTET_STRING, "eContent").content();
    } catch (PkiParseException e) {
      return Optional.empty();
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(key);
      verifier.update(content);
      return verifier.verify(signature) ? Optional.of(content) : Optional.empty();
    } catch (GeneralSecurityException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * A reader over the SignedData SEQUENCE's fields; the contentType must be id-signedData only when
   * {@code checkContentType} (reading the key ID, the SDK skips it).
   */
  private static DerReader signedData(byte[] cms, boolean checkContentType) throws PkiParseException {
    DerReader outer = DerReader.of(cms);
    DerReader contentInfo = outer.next(DerWriter.SEQUENCE, "ContentInfo").contents();
    outer.expectEnd("ContentInfo");
    if (checkContentType) {
      expectOid(contentInfo, SIGNED_DATA, "contentType");
    } else {
      contentInfo.next(DerWriter.OID, "contentType");
    }
    DerReader explicit = contentInfo.next(CONTEXT_0_CONSTRUCTED, "content").contents();
    return explicit.next(DerWriter.SEQUENCE, "SignedData").contents();
  }

  /**
   * Signs {@code content} into the SDK's envelope layout.
   *
   * @param signer an ECDSA P-256 signer with SHA-256 (its signatures are DER, as CMS carries them)
   */
  public static byte[] sign(byte[] content, byte[] signerKeyId, Signer signer) throws GeneralSecurityException {
    byte[] derSignature = signer.sign(content);
    byte[] sha256 = DerWriter.sequence(DerWriter.oid(SHA256));
    byte[] signerInfo = DerWriter.sequence(
        DerWriter.element(DerWriter.INTEGER, new byte[] {3}),
        DerWriter.element(CONTEXT_0_PRIMITIVE, signerKeyId),
        sha256,
        DerWriter.sequence(DerWriter.oid(ECDSA_WITH_SHA256)),
        DerWriter.element(DerWriter.OCTET_STRING, derSignature));
    byte[] signedData = DerWriter.sequence(
        DerWriter.element(DerWriter.INTEGER, new byte[] {3}),
        DerWriter.element(DerWriter.SET, sha256),
        DerWriter.sequence(
            DerWriter.oid(DATA),
            DerWriter.element(CONTEXT_0_CONSTRUCTED, DerWriter.element(DerWriter.OCTET_STRING, content))),
        DerWriter.element(DerWriter.SET, signerInfo));
    return DerWriter.sequence(
        DerWriter.oid(SIGNED_DATA),
        DerWriter.element(CONTEXT_0_CONSTRUCTED, signedData));
  }

  private static void expectOid(DerReader reader, String oid, String what) throws PkiParseException {
    String found = Oids.dotted(reader.next(DerWriter.OID, what));
    if (!oid.equals(found)) {
      throw new PkiParseException(what + " must be " + oid + ", is " + found);
    }
  }

  private static void algorithm(DerReader reader, String oid, String what) throws PkiParseException {
    DerReader identifier = reader.next(DerWriter.SEQUENCE, what).contents();
    expectOid(identifier, oid, what);
    if (identifier.peekTag() == 0x05) {
      identifier.next(0x05, what + " parameters"); // an explicit NULL is tolerated
    }
    identifier.expectEnd(what);
  }

  private static void expectVersion3(DerReader reader, String what) throws PkiParseException {
    byte[] version = reader.next(DerWriter.INTEGER, what).content();
    if (version.length != 1 || version[0] != 3) {
      throw new PkiParseException(what + " must be 3");
    }
  }
}
