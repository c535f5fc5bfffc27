// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.iotpki.core.crypto.KeyAlgorithm;
import org.iotpki.core.crypto.KeyPairs;
import org.iotpki.core.crypto.Signer;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.internal.DerReader;
import org.iotpki.matter.internal.EcdsaSignatures;
import org.iotpki.matter.opcert.DistinguishedName;
import org.iotpki.matter.opcert.DnAttribute;
import org.iotpki.matter.opcert.DnAttributeType;
import org.iotpki.matter.opcert.ExtendedKeyPurpose;
import org.iotpki.matter.opcert.OpCertExtension;
import org.iotpki.matter.opcert.OperationalCertificate;
import org.iotpki.matter.opcert.OperationalCertificates;

/**
 * Issues Matter operational certificates for tests: fresh P-256 keys, the fields of a valid
 * RCAC/ICAC/NOC, and a real signature over the DER TBS. {@link Template} lets a test change one
 * field before signing.
 */
public final class TestFabric {
  public static final long FABRIC_ID = 0xFAB000000000001DL;
  public static final long NOT_BEFORE = 657_000_000L;  // 2020-10-26
  public static final long NOT_AFTER = 1_288_000_000L; // 2040-10-25

  public final KeyPair rcacKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
  public final KeyPair icacKey = KeyPairs.generate(KeyAlgorithm.EC_P256);
  public final KeyPair nocKey = KeyPairs.generate(KeyAlgorithm.EC_P256);

  /** The fields of a certificate before signing; change any, then {@link #sign}. */
  public static final class Template {
    public byte[] serial = {0x01, 0x23};
    public DistinguishedName issuer;
    public long notBefore = NOT_BEFORE;
    public long notAfter = NOT_AFTER;
    public DistinguishedName subject;
    public PublicKey publicKey;
    public List<OpCertExtension> extensions = new ArrayList<>();

    /** Replaces the first extension of the same kind, or adds it. */
    public Template with(OpCertExtension extension) {
      extensions.removeIf(e -> e.getClass() == extension.getClass());
      extensions.add(extension);
      return this;
    }

    public Template without(Class<? extends OpCertExtension> kind) {
      extensions.removeIf(kind::isInstance);
      return this;
    }
  }

  public static DistinguishedName rcacName() {
    return DistinguishedName.of(DnAttribute.matterId(DnAttributeType.MATTER_RCAC_ID, 0xCACACACA00000001L),
        DnAttribute.matterId(DnAttributeType.MATTER_FABRIC_ID, FABRIC_ID));
  }

  public static DistinguishedName icacName() {
    return DistinguishedName.of(DnAttribute.matterId(DnAttributeType.MATTER_ICAC_ID, 0xCACACACA00000003L),
        DnAttribute.matterId(DnAttributeType.MATTER_FABRIC_ID, FABRIC_ID));
  }

  public static DistinguishedName nocName(DnAttribute... more) {
    List<DnAttribute> attributes = new ArrayList<>(List.of(
        DnAttribute.matterId(DnAttributeType.MATTER_NODE_ID, 0xDEDEDEDE00010001L),
        DnAttribute.matterId(DnAttributeType.MATTER_FABRIC_ID, FABRIC_ID)));
    attributes.addAll(List.of(more));
    return new DistinguishedName(attributes);
  }

  public Template rcac() {
    Template t = ca(rcacName(), rcacName(), rcacKey.getPublic(), rcacKey.getPublic());
    t.extensions.set(0, new OpCertExtension.BasicConstraints(true, OptionalInt.of(1)));
    return t;
  }

  public Template icac() {
    return ca(rcacName(), icacName(), icacKey.getPublic(), rcacKey.getPublic());
  }

  public Template noc(DistinguishedName issuer, PublicKey issuerKey) {
    Template t = new Template();
    t.issuer = issuer;
    t.subject = nocName();
    t.publicKey = nocKey.getPublic();
    t.extensions.add(new OpCertExtension.BasicConstraints(false, OptionalInt.empty()));
    t.extensions.add(new OpCertExtension.KeyUsage(OpCertExtension.KeyUsage.DIGITAL_SIGNATURE));
    t.extensions.add(new OpCertExtension.ExtendedKeyUsage(List.of(ExtendedKeyPurpose.CLIENT_AUTH, ExtendedKeyPurpose.SERVER_AUTH)));
    t.extensions.add(new OpCertExtension.SubjectKeyId(keyId(nocKey.getPublic())));
    t.extensions.add(new OpCertExtension.AuthorityKeyId(keyId(issuerKey)));
    return t;
  }

  private static Template ca(DistinguishedName issuer, DistinguishedName subject, PublicKey key, PublicKey issuerKey) {
    Template t = new Template();
    t.issuer = issuer;
    t.subject = subject;
    t.publicKey = key;
    t.extensions.add(new OpCertExtension.BasicConstraints(true, OptionalInt.empty()));
    t.extensions.add(new OpCertExtension.KeyUsage(OpCertExtension.KeyUsage.KEY_CERT_SIGN | OpCertExtension.KeyUsage.CRL_SIGN));
    t.extensions.add(new OpCertExtension.SubjectKeyId(keyId(key)));
    t.extensions.add(new OpCertExtension.AuthorityKeyId(keyId(issuerKey)));
    return t;
  }

  /** Signs the template with {@code signerKey}. */
  public static OperationalCertificate sign(Template t, KeyPair signerKey) {
    OperationalCertificate unsigned = build(t, new byte[OperationalCertificate.SIGNATURE_LENGTH]);
    try {
      byte[] der = Signer.of(signerKey).sign(OperationalCertificates.tbsDer(unsigned));
      return build(t, EcdsaSignatures.fromDer(DerReader.of(der)));
    } catch (GeneralSecurityException | PkiParseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OperationalCertificate build(Template t, byte[] signature) {
    return new OperationalCertificate(
        t.serial, t.issuer, t.notBefore, t.notAfter, t.subject, point(t.publicKey), t.extensions, signature);
  }

  /** The uncompressed point of a P-256 key: the last 65 bytes of its SubjectPublicKeyInfo. */
  public static byte[] point(PublicKey key) {
    byte[] spki = key.getEncoded();
    return Arrays.copyOfRange(spki, spki.length - OperationalCertificate.PUBLIC_KEY_LENGTH, spki.length);
  }

  /** A key identifier as Matter CAs make them: SHA-1 of the point. */
  public static byte[] keyId(PublicKey key) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(point(key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
