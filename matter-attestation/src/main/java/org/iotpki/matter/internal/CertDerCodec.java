// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The iotpki Authors

package org.iotpki.matter.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.iotpki.core.PkiParseException;
import org.iotpki.matter.opcert.DistinguishedName;
import org.iotpki.matter.opcert.DnAttribute;
import org.iotpki.matter.opcert.DnAttributeType;
import org.iotpki.matter.opcert.ExtendedKeyPurpose;
import org.iotpki.matter.opcert.NoTlvFormException;
import org.iotpki.matter.opcert.OpCertExtension;
import org.iotpki.matter.opcert.OperationalCertificate;

/**
 * The X.509 DER form of a Matter operational certificate, written exactly as connectedhomeip's
 * CHIPCertToX509 writes it (spec section 6.5.2 and the mapping tables of 6.5), and read back
 * strictly: a DER certificate has a TLV form only if writing its fields again gives its very bytes.
 */
public final class CertDerCodec {
  /** The largest DER certificate with a TLV form (connectedhomeip's kMaxDERCertLength). */
  public static final int MAX_DER_LENGTH = 600;

  private static final byte[] VERSION_3 = CertDerWriter.VERSION_3;
  private static final byte[] ECDSA_WITH_SHA256 = CertDerWriter.ECDSA_WITH_SHA256;
  private static final byte[] P256_KEY_ALGORITHM =
      DerWriter.sequence(DerWriter.oid("1.2.840.10045.2.1"), DerWriter.oid("1.2.840.10045.3.1.7"));
  private static final int EXTENSIONS_TAG = CertDerWriter.EXTENSIONS_TAG;
  private static final int KEY_IDENTIFIER_TAG = CertDerWriter.KEY_IDENTIFIER_TAG;

  private CertDerCodec() {}

  /** The DER certificate. */
  public static byte[] encode(OperationalCertificate certificate) {
    return write(certificate, CertDerWriter.certificate());
  }

  /** The DER TBSCertificate, which the signature covers. */
  public static byte[] tbs(OperationalCertificate certificate) {
    return write(certificate, CertDerWriter.tbsCertificate());
  }

  private static byte[] write(OperationalCertificate certificate, CertDerWriter writer) {
    CertificateFields.emit(certificate, writer);
    writer.startWriting();
    CertificateFields.emit(certificate, writer);
    return writer.result();
  }

  /** The DER SubjectPublicKeyInfo of an uncompressed P-256 point. */
  public static byte[] subjectPublicKeyInfo(byte[] point) {
    return DerWriter.sequence(P256_KEY_ALGORITHM, DerWriter.element(DerWriter.BIT_STRING, new byte[] {0}, point));
  }

  /**
   * Reads a DER certificate into its TLV fields.
   *
   * @throws NoTlvFormException if it is malformed or has no TLV form; the offset is into {@code der}
   */
  public static OperationalCertificate decode(byte[] der) throws NoTlvFormException {
    if (der.length > MAX_DER_LENGTH) {
      throw new NoTlvFormException("DER certificate of " + der.length + " bytes; Matter allows at most " + MAX_DER_LENGTH, 0);
    }
    OperationalCertificate certificate;
    try {
      certificate = read(der);
    } catch (PkiParseException e) {
      throw new NoTlvFormException(e.problem(), e.offset());
    } catch (IllegalArgumentException e) {
      throw new NoTlvFormException(e.getMessage(), 0);
    }
    byte[] again = encode(certificate);
    if (!Arrays.equals(der, again)) {
      int at = Arrays.mismatch(der, again);
      throw new NoTlvFormException("not in the form Matter certificates are written (DER differs from its TLV form's)", at);
    }
    return certificate;
  }

  private static OperationalCertificate read(byte[] der) throws PkiParseException {
    DerReader outer = DerReader.of(der);
    DerReader certificate = outer.next(DerWriter.SEQUENCE, "Certificate").contents();
    outer.expectEnd("the certificate");
    DerReader tbs = certificate.next(DerWriter.SEQUENCE, "TBSCertificate").contents();
    fixed(certificate, ECDSA_WITH_SHA256, "signatureAlgorithm (only ecdsa-with-SHA256)");
    DerReader.Element signatureBits = certificate.next(DerWriter.BIT_STRING, "signatureValue");
    certificate.expectEnd("signatureValue");

    fixed(tbs, VERSION_3, "version (only v3)");
    DerReader.Element serial = tbs.next(DerWriter.INTEGER, "serialNumber");
    fixed(tbs, ECDSA_WITH_SHA256, "signature (only ecdsa-with-SHA256)");
    DistinguishedName issuer = name(tbs, "issuer");
    DerReader validity = tbs.next(DerWriter.SEQUENCE, "validity").contents();
    long notBefore = MatterTime.fromDer(time(validity, "notBefore"));
    long notAfter = MatterTime.fromDer(time(validity, "notAfter"));
    validity.expectEnd("notAfter");
    DistinguishedName subject = name(tbs, "subject");
    byte[] publicKey = publicKey(tbs);
    List<OpCertExtension> extensions = extensions(tbs);
    tbs.expectEnd("the extensions (issuer and subject unique ids have no TLV form)");

    byte[] signature = signature(signatureBits);
    try {
      return new OperationalCertificate(serial.content(), issuer, notBefore, notAfter, subject, publicKey, extensions, signature);
    } catch (IllegalArgumentException e) {
      throw new PkiParseException(e.getMessage(), serial.start());
    }
  }

  private static DistinguishedName name(DerReader tbs, String what) throws PkiParseException {
    DerReader rdns = tbs.next(DerWriter.SEQUENCE, what).contents();
    List<DnAttribute> attributes = new ArrayList<>();
    while (rdns.hasMore()) {
      if (attributes.size() == DistinguishedName.MAX_ATTRIBUTES) {
        throw new PkiParseException(what + " has more than " + DistinguishedName.MAX_ATTRIBUTES + " attributes", rdns.position());
      }
      DerReader rdn = rdns.next(DerWriter.SET, what + " RDN").contents();
      DerReader.Element atv = rdn.next(DerWriter.SEQUENCE, what + " attribute");
      rdn.expectEnd(what + " attribute (multi-valued RDNs have no TLV form)");
      attributes.add(attribute(atv, what));
    }
    return new DistinguishedName(attributes);
  }

  private static DnAttribute attribute(DerReader.Element atv, String what) throws PkiParseException {
    DerReader fields = atv.contents();
    DerReader.Element oidElement = fields.next(DerWriter.OID, what + " attribute type");
    String oid = Oids.dotted(oidElement);
    DnAttributeType type = DnAttributeType.ofOid(oid)
        .orElseThrow(() -> new PkiParseException(what + " attribute " + oid + " is not in the Matter DN table", oidElement.start()));
    int tag = fields.peekTag();
    DerReader.Element value = fields.next(tag, what + " " + type + " value");
    fields.expectEnd(what + " " + type + " value");
    String text = new String(value.content(), StandardCharsets.UTF_8);
    try {
      if (type.isMatterId()) {
        if (tag != DerWriter.UTF8_STRING || !Hex.isUpperHex(text, type.hexDigits())) {
          throw new PkiParseException(
              what + " " + type + " must be a UTF8String of " + type.hexDigits() + " upper-case hex digits", value.start());
        }
        return DnAttribute.matterId(type, Hex.parseUpper(text));
      }
      if (type == DnAttributeType.DOMAIN_COMPONENT ? tag != DerWriter.IA5_STRING
          : tag != DerWriter.UTF8_STRING && tag != DerWriter.PRINTABLE_STRING) {
        throw new PkiParseException(what + " " + type + " has a string type with no TLV form", value.start());
      }
      return tag == DerWriter.PRINTABLE_STRING ? DnAttribute.printableString(type, text) : DnAttribute.text(type, text);
    } catch (IllegalArgumentException e) {
      throw new PkiParseException(what + ": " + e.getMessage(), value.start());
    }
  }

  private static DerReader.Element time(DerReader validity, String what) throws PkiParseException {
    int tag = validity.peekTag();
    if (tag != DerWriter.UTC_TIME && tag != DerWriter.GENERALIZED_TIME) {
      throw new PkiParseException(what + " is not a UTCTime or GeneralizedTime", validity.position());
    }
    return validity.next(tag, what);
  }

  private static byte[] publicKey(DerReader tbs) throws PkiParseException {
    DerReader spki = tbs.next(DerWriter.SEQUENCE, "subjectPublicKeyInfo").contents();
    fixed(spki, P256_KEY_ALGORITHM, "public key algorithm (only id-ecPublicKey on prime256v1)");
    DerReader.Element bits = spki.next(DerWriter.BIT_STRING, "subjectPublicKey");
    spki.expectEnd("subjectPublicKey");
    byte[] content = bits.content();
    if (content.length != OperationalCertificate.PUBLIC_KEY_LENGTH + 1 || content[0] != 0 || content[1] != 0x04) {
      throw new PkiParseException("the public key is not an uncompressed P-256 point", bits.start());
    }
    return Arrays.copyOfRange(content, 1, content.length);
  }

  private static byte[] signature(DerReader.Element bits) throws PkiParseException {
    if (bits.contentLength() < 1 || bits.input()[bits.contentStart()] != 0) {
      throw new PkiParseException("signatureValue has unused bits", bits.start());
    }
    return EcdsaSignatures.fromDer(new DerReader(bits.input(), bits.contentStart() + 1, bits.contentEnd()));
  }

  private static List<OpCertExtension> extensions(DerReader tbs) throws PkiParseException {
    if (tbs.peekTag() != EXTENSIONS_TAG) {
      throw new PkiParseException("no extensions: a Matter certificate has them", tbs.position());
    }
    DerReader wrapper = tbs.next(EXTENSIONS_TAG, "extensions").contents();
    DerReader list = wrapper.next(DerWriter.SEQUENCE, "Extensions").contents();
    wrapper.expectEnd("Extensions");
    List<OpCertExtension> extensions = new ArrayList<>();
    while (list.hasMore()) {
      extensions.add(extension(list.next(DerWriter.SEQUENCE, "Extension")));
    }
    return extensions;
  }

  private static OpCertExtension extension(DerReader.Element element) throws PkiParseException {
    DerReader fields = element.contents();
    String oid = Oids.dotted(fields.next(DerWriter.OID, "extnID"));
    if (!FutureExtensions.DEDICATED_OIDS.contains(oid)) {
      FutureExtensions.parse(element.encoded());
      return new OpCertExtension.Future(element.encoded());
    }
    boolean mustBeCritical = !oid.equals("2.5.29.14") && !oid.equals("2.5.29.35");
    if (mustBeCritical) {
      fields.nextTrue("critical flag of " + oid + " (it must be critical)");
    }
    DerReader value = fields.next(DerWriter.OCTET_STRING, "extnValue of " + oid
        + (mustBeCritical ? "" : " (it must not be critical)")).contents();
    fields.expectEnd("extnValue");
    OpCertExtension extension = switch (oid) {
      case "2.5.29.19" -> basicConstraints(value);
      case "2.5.29.15" -> new OpCertExtension.KeyUsage(KeyUsageBits.fromDer(value.next(DerWriter.BIT_STRING, "keyUsage")));
      case "2.5.29.37" -> extendedKeyUsage(value);
      case "2.5.29.14" -> keyId(value.next(DerWriter.OCTET_STRING, "subjectKeyIdentifier"), true);
      default -> {
        DerReader akid = value.next(DerWriter.SEQUENCE, "authorityKeyIdentifier").contents();
        OpCertExtension id = keyId(akid.next(KEY_IDENTIFIER_TAG, "keyIdentifier (the only field Matter carries)"), false);
        akid.expectEnd("keyIdentifier (issuer and serial have no TLV form)");
        yield id;
      }
    };
    value.expectEnd("the " + oid + " value");
    return extension;
  }

  private static OpCertExtension basicConstraints(DerReader value) throws PkiParseException {
    DerReader fields = value.next(DerWriter.SEQUENCE, "basicConstraints").contents();
    boolean ca = false;
    if (fields.peekTag() == DerWriter.BOOLEAN) {
      fields.nextTrue("cA");
      ca = true;
    }
    OptionalInt pathLength = OptionalInt.empty();
    if (fields.hasMore()) {
      DerReader.Element integer = fields.next(DerWriter.INTEGER, "pathLenConstraint");
      byte[] content = integer.content();
      if (content.length == 0 || content.length > 2 || content[0] < 0) {
        throw new PkiParseException("pathLenConstraint must be 0 to 255", integer.start());
      }
      int length = content.length == 1 ? content[0] : (content[0] << 8) | (content[1] & 0xFF);
      if (length > 255) {
        throw new PkiParseException("pathLenConstraint must be 0 to 255", integer.start());
      }
      pathLength = OptionalInt.of(length);
    }
    fields.expectEnd("pathLenConstraint");
    return new OpCertExtension.BasicConstraints(ca, pathLength);
  }

  private static OpCertExtension extendedKeyUsage(DerReader value) throws PkiParseException {
    DerReader purposes = value.next(DerWriter.SEQUENCE, "extendedKeyUsage").contents();
    List<ExtendedKeyPurpose> list = new ArrayList<>();
    while (purposes.hasMore()) {
      DerReader.Element element = purposes.next(DerWriter.OID, "KeyPurposeId");
      String oid = Oids.dotted(element);
      list.add(ExtendedKeyPurpose.ofOid(oid)
          .orElseThrow(() -> new PkiParseException("key purpose " + oid + " has no TLV form", element.start())));
    }
    if (list.isEmpty()) {
      throw new PkiParseException("extendedKeyUsage without purposes", value.position());
    }
    return new OpCertExtension.ExtendedKeyUsage(list);
  }

  private static OpCertExtension keyId(DerReader.Element element, boolean subject) throws PkiParseException {
    if (element.contentLength() != org.iotpki.matter.opcert.KeyId.LENGTH) {
      throw new PkiParseException((subject ? "subjectKeyIdentifier" : "authorityKeyIdentifier") + " of "
          + element.contentLength() + " bytes; Matter uses 20", element.start());
    }
    return subject ? new OpCertExtension.SubjectKeyId(element.content()) : new OpCertExtension.AuthorityKeyId(element.content());
  }

  private static void fixed(DerReader reader, byte[] expected, String what) throws PkiParseException {
    int at = reader.position();
    DerReader.Element element = reader.next(expected[0] & 0xFF, what);
    if (!Arrays.equals(element.encoded(), expected)) {
      throw new PkiParseException("unsupported " + what + ": " + HexFormat.of().formatHex(element.encoded()), at);
    }
  }

}
